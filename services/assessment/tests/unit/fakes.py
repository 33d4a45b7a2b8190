"""In-memory repositories and unit of work: the use cases of this service without PostgreSQL or Kafka.

Each repository keeps plain domain objects in dicts and hands out copies, so a test cannot change
stored state by holding on to an object a use case returned; orderings follow the SQL ones.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar, cast, overload

from sme_assessment.adapters.unit_of_work import AssessmentUnitOfWork, AssessmentUoWFactory
from sme_assessment.domain.cycles import Cycle, ManualScore, NonParticipation, StationResult
from sme_assessment.domain.evidence import Fact, FactKind
from sme_assessment.domain.plans import Deadlines, DocumentKind, Lapse, WorkDocument
from sme_assessment.domain.rectification import PENDING, Rectification, RectificationStatus
from sme_assessment.domain.revocation import CaseStatus, EvidenceNote, RevocationCase
from sme_assessment.domain.stations import Station, StationStatus
from sme_contracts.common import RevocationGround
from sme_kit.clock import MovableClock
from sme_kit.files import FileRejected, FileStore, StoredFile
from sme_kit.paging import PageOf, PageRequest
from sme_kit.testing.fakes import FakeUnitOfWork, FakeUnitOfWorkFactory, World, copied, copied_all
from sme_kit.uow import Actor

T = TypeVar("T")


class InMemoryStations:
    def __init__(self) -> None:
        self.items: dict[str, Station] = {}

    async def get(self, station_id: str) -> Station | None:
        return copied(self.items.get(station_id))

    async def many(self, station_ids: Iterable[str]) -> dict[str, Station]:
        return {sid: copied(self.items[sid]) for sid in sorted(set(station_ids)) if sid in self.items}

    async def all(self, *, district_code: str | None = None, active_only: bool = False) -> list[Station]:
        return copied_all(
            s
            for _, s in sorted(self.items.items())
            if (district_code is None or s.district_code == district_code)
            and (not active_only or s.status is StationStatus.ACTIVE)
        )

    async def page(
        self, request: PageRequest, *, district_code: str | None = None, active_only: bool = False
    ) -> PageOf[Station]:
        return PageOf.sliced(await self.all(district_code=district_code, active_only=active_only), request)

    async def save(self, station: Station) -> None:
        self.items[station.id] = copied(station)


class InMemoryEvidence:
    def __init__(self) -> None:
        self.items: dict[str, tuple[Fact, bool]] = {}  # key → (fact, void)

    async def add(self, facts: Sequence[Fact], *, event_id: str, now: datetime) -> int:
        added = 0
        for fact in facts:
            if fact.key not in self.items:
                self.items[fact.key] = (fact, False)
                added += 1
        return added

    async def void_source(self, source_id: str, kinds: Iterable[FactKind]) -> int:
        wanted = set(kinds)
        voided = 0
        for key, (fact, _) in list(self.items.items()):
            if fact.source_id == source_id and fact.kind in wanted:
                self.items[key] = (fact, True)
                voided += 1
        return voided

    def _live(self) -> list[Fact]:
        return [fact for fact, void in self.items.values() if not void]

    async def of_stations(self, station_ids: Sequence[str], year: int) -> dict[str, list[Fact]]:
        wanted = set(station_ids)
        facts = [
            f
            for f in self._live()
            if (f.station_id in wanted and f.year == year)
            or (f.station_id is None and f.year == year)
            or (f.station_id in wanted and f.kind is FactKind.CONVENTION_SIGNED)
        ]
        shared = [f for f in facts if f.station_id is None]
        return {sid: [f for f in facts if f.station_id == sid] + shared for sid in station_ids}

    async def count_by_station(self, kind: FactKind, year: int) -> dict[str, int]:
        counts: dict[str, int] = {}
        for f in self._live():
            if f.kind is kind and f.year == year and f.station_id is not None:
                counts[f.station_id] = counts.get(f.station_id, 0) + 1
        return counts


class InMemoryDeadlines:
    def __init__(self) -> None:
        self.items: dict[int, Deadlines] = {}

    async def get(self, year: int) -> Deadlines | None:
        return self.items.get(year)

    async def all(self) -> list[Deadlines]:
        return [d for _, d in sorted(self.items.items())]

    async def page(self, request: PageRequest) -> PageOf[Deadlines]:
        return PageOf.sliced(await self.all(), request)

    async def save(self, deadlines: Deadlines) -> None:
        self.items[deadlines.year] = deadlines


class InMemoryDocuments:
    def __init__(self) -> None:
        self.items: dict[str, WorkDocument] = {}

    async def get(self, document_id: str) -> WorkDocument | None:
        return copied(self.items.get(document_id))

    async def of_station(self, station_id: str, kind: DocumentKind, year: int) -> WorkDocument | None:
        found = [d for d in self.items.values() if (d.station_id, d.kind, d.year) == (station_id, kind, year)]
        return copied(found[0]) if found else None

    async def search(
        self,
        *,
        year: int | None = None,
        kind: DocumentKind | None = None,
        station_id: str | None = None,
        district_code: str | None = None,
    ) -> list[WorkDocument]:
        found = [
            d
            for d in self.items.values()
            if (year is None or d.year == year)
            and (kind is None or d.kind is kind)
            and (station_id is None or d.station_id == station_id)
            and (district_code is None or d.district_code == district_code)
        ]
        return copied_all(sorted(found, key=lambda d: (d.year, d.station_id, d.kind.value, d.id)))

    async def page(
        self,
        request: PageRequest,
        *,
        year: int | None = None,
        kind: DocumentKind | None = None,
        station_id: str | None = None,
        district_code: str | None = None,
    ) -> PageOf[WorkDocument]:
        found = await self.search(year=year, kind=kind, station_id=station_id, district_code=district_code)
        return PageOf.sliced(found, request)

    async def save(self, document: WorkDocument) -> None:
        self.items[document.id] = copied(document)


class InMemoryLapses:
    def __init__(self) -> None:
        self.items: dict[tuple[str, DocumentKind, int], Lapse] = {}

    async def get(self, station_id: str, kind: DocumentKind, year: int) -> Lapse | None:
        return copied(self.items.get((station_id, kind, year)))

    async def of_year(self, year: int, *, district_code: str | None = None) -> list[Lapse]:
        found = [
            lapse
            for lapse in self.items.values()
            if lapse.year == year and (district_code is None or lapse.district_code == district_code)
        ]
        return copied_all(sorted(found, key=lambda lapse: (lapse.station_id, lapse.kind.value)))

    async def page_of_year(self, year: int, request: PageRequest, *, district_code: str | None = None) -> PageOf[Lapse]:
        return PageOf.sliced(await self.of_year(year, district_code=district_code), request)

    async def save(self, lapse: Lapse) -> None:
        self.items[(lapse.station_id, lapse.kind, lapse.year)] = copied(lapse)


class InMemoryCycles:
    def __init__(self) -> None:
        self.items: dict[str, Cycle] = {}

    async def get(self, cycle_id: str, *, for_update: bool = False) -> Cycle | None:
        return copied(self.items.get(cycle_id))

    async def by_year(self, year: int) -> Cycle | None:
        found = [c for c in self.items.values() if c.year == year]
        return copied(found[0]) if found else None

    async def all(self) -> list[Cycle]:
        return copied_all(sorted(self.items.values(), key=lambda c: c.year))

    async def page(self, request: PageRequest) -> PageOf[Cycle]:
        return PageOf.sliced(await self.all(), request)

    async def save(self, cycle: Cycle) -> None:
        self.items[cycle.id] = copied(cycle)


class InMemoryManualScores:
    def __init__(self) -> None:
        self.items: dict[tuple[str, str, str], ManualScore] = {}

    async def get(self, cycle_id: str, station_id: str, code: str) -> ManualScore | None:
        return self.items.get((cycle_id, station_id, code))

    async def of_cycle(self, cycle_id: str) -> dict[str, dict[str, ManualScore]]:
        found: dict[str, dict[str, ManualScore]] = {}
        for (cid, sid, code), score in self.items.items():
            if cid == cycle_id:
                found.setdefault(sid, {})[code] = score
        return found

    async def save(self, score: ManualScore) -> None:
        self.items[(score.cycle_id, score.station_id, score.indicator_code)] = score


class InMemoryNonParticipations:
    def __init__(self) -> None:
        self.items: dict[tuple[str, str], NonParticipation] = {}

    async def get(self, cycle_id: str, station_id: str) -> NonParticipation | None:
        return self.items.get((cycle_id, station_id))

    async def of_cycle(self, cycle_id: str, *, district_code: str | None = None) -> list[NonParticipation]:
        return [
            record
            for (cid, _), record in sorted(self.items.items())
            if cid == cycle_id and (district_code is None or record.district_code == district_code)
        ]

    async def page_of_cycle(
        self, cycle_id: str, request: PageRequest, *, district_code: str | None = None
    ) -> PageOf[NonParticipation]:
        return PageOf.sliced(await self.of_cycle(cycle_id, district_code=district_code), request)

    async def add(self, record: NonParticipation) -> None:
        key = (record.cycle_id, record.station_id)
        if key in self.items:
            raise AssertionError(f"duplicate non-participation {key} (the table's primary key refuses it)")
        self.items[key] = record


class InMemoryResults:
    def __init__(self) -> None:
        self.items: dict[str, StationResult] = {}

    def _sorted(self, found: Iterable[StationResult]) -> list[StationResult]:
        return copied_all(sorted(found, key=lambda r: r.station_id))

    async def of_cycle(
        self, cycle_id: str, *, district_code: str | None = None, station_id: str | None = None
    ) -> list[StationResult]:
        return self._sorted(
            r
            for r in self.items.values()
            if r.cycle_id == cycle_id
            and (district_code is None or r.district_code == district_code)
            and (station_id is None or r.station_id == station_id)
        )

    async def page_of_cycle(
        self,
        cycle_id: str,
        request: PageRequest,
        *,
        district_code: str | None = None,
        station_id: str | None = None,
        published_only: bool = False,
    ) -> PageOf[StationResult]:
        found = await self.of_cycle(cycle_id, district_code=district_code, station_id=station_id)
        return PageOf.sliced([r for r in found if not published_only or r.published_at is not None], request)

    async def of_station(self, station_id: str) -> list[StationResult]:
        return copied_all(sorted((r for r in self.items.values() if r.station_id == station_id), key=lambda r: r.year))

    async def page_of_station(
        self, station_id: str, request: PageRequest, *, published_only: bool = False
    ) -> PageOf[StationResult]:
        found = await self.of_station(station_id)
        return PageOf.sliced([r for r in found if not published_only or r.published_at is not None], request)

    async def of_year(self, year: int, *, published_only: bool) -> list[StationResult]:
        return self._sorted(
            r for r in self.items.values() if r.year == year and (not published_only or r.published_at is not None)
        )

    async def replace_all(self, cycle_id: str, found: Sequence[StationResult]) -> None:
        self.items = {rid: r for rid, r in self.items.items() if r.cycle_id != cycle_id}
        for result in found:
            self.items[result.id] = copied(result)

    async def save(self, result: StationResult) -> None:
        self.items[result.id] = copied(result)


class InMemoryRectifications:
    def __init__(self) -> None:
        self.items: dict[str, Rectification] = {}

    async def get(self, rectification_id: str, *, for_update: bool = False) -> Rectification | None:
        return copied(self.items.get(rectification_id))

    async def search(
        self,
        *,
        year: int | None = None,
        station_id: str | None = None,
        district_code: str | None = None,
        status: RectificationStatus | None = None,
        pending_only: bool = False,
    ) -> list[Rectification]:
        found = [
            r
            for r in self.items.values()
            if (year is None or r.year == year)
            and (station_id is None or r.station_id == station_id)
            and (district_code is None or r.district_code == district_code)
            and (status is None or r.status is status)
            and (not pending_only or r.status in PENDING)
        ]
        return copied_all(sorted(found, key=lambda r: (r.ordered_at, r.station_id, r.id)))

    async def page(
        self,
        request: PageRequest,
        *,
        year: int | None = None,
        station_id: str | None = None,
        district_code: str | None = None,
        status: RectificationStatus | None = None,
    ) -> PageOf[Rectification]:
        found = await self.search(year=year, station_id=station_id, district_code=district_code, status=status)
        return PageOf.sliced(found, request)

    async def of_results(self, result_ids: Sequence[str]) -> dict[str, Rectification]:
        wanted = set(result_ids)
        return {r.result_id: copied(r) for r in self.items.values() if r.result_id in wanted}

    async def save(self, rectification: Rectification) -> None:
        self.items[rectification.id] = copied(rectification)


class InMemoryRevocations:
    def __init__(self) -> None:
        self.items: dict[str, RevocationCase] = {}
        self.notes_by_case: dict[str, list[EvidenceNote]] = {}

    async def get(self, revocation_id: str, *, for_update: bool = False) -> RevocationCase | None:
        return copied(self.items.get(revocation_id))

    async def open_case(self, station_id: str, ground: RevocationGround) -> RevocationCase | None:
        found = [
            c
            for c in self.items.values()
            if c.station_id == station_id and c.ground == ground and c.status is CaseStatus.OPEN
        ]
        return copied(found[0]) if found else None

    async def search(
        self,
        *,
        station_id: str | None = None,
        district_code: str | None = None,
        status: CaseStatus | None = None,
        ground: RevocationGround | None = None,
    ) -> list[RevocationCase]:
        found = [
            c
            for c in self.items.values()
            if (station_id is None or c.station_id == station_id)
            and (district_code is None or c.district_code == district_code)
            and (status is None or c.status is status)
            and (ground is None or c.ground == ground)
        ]
        return copied_all(sorted(found, key=lambda c: (c.proposed_at, c.id)))

    async def page(
        self,
        request: PageRequest,
        *,
        station_id: str | None = None,
        district_code: str | None = None,
        status: CaseStatus | None = None,
        ground: RevocationGround | None = None,
    ) -> PageOf[RevocationCase]:
        found = await self.search(station_id=station_id, district_code=district_code, status=status, ground=ground)
        return PageOf.sliced(found, request)

    async def save(self, case: RevocationCase) -> None:
        self.items[case.id] = copied(case)

    async def add_note(self, note: EvidenceNote) -> None:
        self.notes_by_case.setdefault(note.revocation_id, []).append(note)

    async def notes(self, revocation_id: str) -> list[EvidenceNote]:
        return sorted(self.notes_by_case.get(revocation_id, []), key=lambda n: (n.added_at, n.id))


class FakeAssessmentUnitOfWork(FakeUnitOfWork):
    """The in-memory unit of work with this service's repositories under their real names."""

    def __init__(self, world: World, actor: Actor) -> None:
        super().__init__(world, actor)
        self.stations = world.repository(InMemoryStations)
        self.evidence = world.repository(InMemoryEvidence)
        self.deadlines = world.repository(InMemoryDeadlines)
        self.documents = world.repository(InMemoryDocuments)
        self.lapses = world.repository(InMemoryLapses)
        self.cycles = world.repository(InMemoryCycles)
        self.manual_scores = world.repository(InMemoryManualScores)
        self.non_participations = world.repository(InMemoryNonParticipations)
        self.results = world.repository(InMemoryResults)
        self.rectifications = world.repository(InMemoryRectifications)
        self.revocations = world.repository(InMemoryRevocations)


class FakeFileStore:
    """The file store's surface the use cases call, keeping files in memory (PDFs only)."""

    def __init__(self) -> None:
        self.stored: list[StoredFile] = []
        self.data: dict[str, bytes] = {}

    async def save(
        self,
        uow: FakeUnitOfWork,
        data: bytes,
        *,
        filename: str,
        purpose: str,
        owner_type: str,
        owner_id: str,
    ) -> StoredFile:
        if not data.startswith(b"%PDF-"):
            raise FileRejected("文件类型不被接受 (file type not accepted)")
        digest = hashlib.sha256(data).hexdigest()
        stored = StoredFile(
            id=f"file-{len(self.stored) + 1}",
            purpose=purpose,
            filename=filename,
            content_type="application/pdf",
            size=len(data),
            sha256=digest,
            owner_type=owner_type,
            owner_id=owner_id,
            uploaded_by=uow.actor.subject,
            stored_at=uow.clock.now(),
        )
        self.stored.append(stored)
        self.data[digest] = data
        return stored

    async def of_owner(self, uow: object, owner_type: str, owner_id: str) -> list[StoredFile]:
        return [s for s in self.stored if (s.owner_type, s.owner_id) == (owner_type, owner_id)]

    def path(self, stored: StoredFile) -> Path:
        return Path("/fake-files") / stored.sha256


def factory(start: datetime) -> FakeUnitOfWorkFactory[FakeAssessmentUnitOfWork]:
    """A fresh in-memory world whose clock starts at ``start``."""
    return FakeUnitOfWorkFactory(FakeAssessmentUnitOfWork, clock=MovableClock.starting_at(start))


@overload
def real(fake: FakeUnitOfWorkFactory[FakeAssessmentUnitOfWork]) -> AssessmentUoWFactory: ...
@overload
def real(fake: FakeAssessmentUnitOfWork) -> AssessmentUnitOfWork: ...
@overload
def real(fake: FakeFileStore) -> FileStore: ...
def real(fake: Any) -> Any:
    """A fake as what the use cases are typed with: it has the surface they call, not the class."""
    return cast(Any, fake)
