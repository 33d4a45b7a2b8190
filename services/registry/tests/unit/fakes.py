"""In-memory repositories and unit of work of the registry, for use-case tests without PostgreSQL.

Each repository keeps copies: what a use case holds after `get` is not what is stored, so a test
(or a use case that forgets to `save`) cannot change stored state by accident — as with a database.
They answer the questions the use cases ask in the same order and with the same filters as the
SQLAlchemy repositories; locking (`for_update`) means nothing in one process.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from datetime import datetime
from typing import TypeVar

from sme_kit.paging import PageOf, PageRequest
from sme_kit.testing.fakes import FakeUnitOfWork, FakeUnitOfWorkFactory, World, copied, copied_page
from sme_kit.uow import Actor
from sme_registry.adapters.applications_repository import ApplicationFilter, Attachment
from sme_registry.adapters.stations_repository import StationFilter
from sme_registry.domain.applications import Application, ApplicationKind, ApplicationStatus, DistrictDecision
from sme_registry.domain.changes import InfoChange
from sme_registry.domain.rounds import Round
from sme_registry.domain.stations import Station, StatusChange

T = TypeVar("T")


class InMemoryApplications:
    def __init__(self) -> None:
        self.stored: dict[str, Application] = {}
        self.decisions: dict[str, list[DistrictDecision]] = {}

    async def add(self, application: Application) -> None:
        if application.id in self.stored:
            raise KeyError(f"application {application.id} exists")
        await self.save(application)

    async def get(self, application_id: str, *, for_update: bool = False) -> Application | None:
        found = self.stored.get(application_id)
        if found is None:
            return None
        return replace(copied(found), decisions=list(self.decisions.get(application_id, [])))

    async def save(self, application: Application) -> None:
        # Decisions live in their own table: `add_decision` writes them, as in the database.
        self.stored[application.id] = replace(copied(application), decisions=[])

    async def add_decision(self, application_id: str, decision: DistrictDecision) -> None:
        self.decisions.setdefault(application_id, []).append(decision)

    async def search(self, where: ApplicationFilter, *, limit: int, offset: int) -> tuple[list[Application], int]:
        found = [a for a in self.stored.values() if _matches_application(a, where)]
        found.sort(key=lambda a: a.id)
        found.sort(key=lambda a: a.created_at, reverse=True)
        return [copied(a) for a in found[offset : offset + limit]], len(found)

    async def count_by_status(self, where: ApplicationFilter) -> dict[ApplicationStatus, int]:
        counts: dict[ApplicationStatus, int] = {}
        for application in self.stored.values():
            if _matches_application(application, where):
                counts[application.status] = counts.get(application.status, 0) + 1
        return counts

    async def lock_open_of(self, uscc: str, round_year: int, statuses: Collection[ApplicationStatus]) -> list[str]:
        return [
            a.id for a in self.stored.values() if a.uscc == uscc and a.round_year == round_year and a.status in statuses
        ]

    async def re_review_applied(
        self, station_id: str, round_year: int, statuses: Collection[ApplicationStatus]
    ) -> bool:
        return any(
            a.station_id == station_id
            and a.kind is ApplicationKind.RE_REVIEW
            and a.round_year == round_year
            and a.status in statuses
            for a in self.stored.values()
        )


def _matches_application(application: Application, where: ApplicationFilter) -> bool:
    wanted = {
        "district_code": where.district_code,
        "uscc": where.uscc,
        "status": where.status,
        "round_year": where.round_year,
        "kind": where.kind,
    }
    if any(value is not None and getattr(application, name) != value for name, value in wanted.items()):
        return False
    names = (application.entity_name.upper(), application.uscc.upper())
    if where.text and not any(where.text.upper() in name for name in names):
        return False
    return not (where.exclude_drafts and application.status is ApplicationStatus.DRAFT)


class InMemoryAttachments:
    def __init__(self) -> None:
        self.stored: dict[str, Attachment] = {}
        self.removed: set[str] = set()

    async def attach(self, attachment: Attachment) -> None:
        self.stored[attachment.file_id] = attachment

    async def current(self, application_id: str) -> list[Attachment]:
        found = [
            a for a in self.stored.values() if a.application_id == application_id and a.file_id not in self.removed
        ]
        return sorted(found, key=lambda a: (a.attached_at, a.file_id))

    async def get(self, application_id: str, file_id: str) -> Attachment | None:
        found = self.stored.get(file_id)
        if found is None or found.application_id != application_id or file_id in self.removed:
            return None
        return found

    async def remove(self, file_id: str, now: datetime) -> None:
        self.removed.add(file_id)


class InMemoryRounds:
    def __init__(self) -> None:
        self.stored: dict[int, Round] = {}

    async def add(self, round_: Round) -> None:
        if round_.year in self.stored:
            raise KeyError(f"round {round_.year} exists")
        self.stored[round_.year] = copied(round_)

    async def get(self, year: int, *, for_update: bool = False) -> Round | None:
        found = self.stored.get(year)
        return copied(found) if found else None

    async def all(self) -> list[Round]:
        return [copied(r) for r in sorted(self.stored.values(), key=lambda r: r.year, reverse=True)]

    async def page(self, page: PageRequest) -> PageOf[Round]:
        return copied_page(await self.all(), page)

    async def save(self, round_: Round) -> None:
        self.stored[round_.year] = copied(round_)


class InMemoryStations:
    def __init__(self) -> None:
        self.stored: dict[str, Station] = {}
        self.histories: dict[str, list[StatusChange]] = {}
        self.info_changes: list[InfoChange] = []
        self.counters: dict[int, int] = {}

    async def add(self, station: Station) -> None:
        if station.id in self.stored:
            raise KeyError(f"station {station.id} exists")
        await self.save(station)

    async def save(self, station: Station) -> None:
        self.histories.setdefault(station.id, []).extend(station.new_history)
        station.new_history.clear()
        self.stored[station.id] = copied(station)

    async def get(self, station_id: str, *, for_update: bool = False) -> Station | None:
        found = self.stored.get(station_id)
        return copied(found) if found else None

    async def of_application(self, application_id: str) -> Station | None:
        found = [s for s in self.stored.values() if s.application_id == application_id]
        return copied(found[0]) if found else None

    async def search(self, where: StationFilter, *, limit: int, offset: int) -> tuple[list[Station], int]:
        found = sorted((s for s in self.stored.values() if _matches_station(s, where)), key=lambda s: s.station_number)
        return [copied(s) for s in found[offset : offset + limit]], len(found)

    async def history(self, station_id: str, page: PageRequest) -> PageOf[StatusChange]:
        return copied_page(self.histories.get(station_id, []), page)

    async def next_number(self, year: int) -> int:
        self.counters[year] = self.counters.get(year, 0) + 1
        return self.counters[year]

    async def add_change(self, change: InfoChange) -> None:
        self.info_changes.append(copied(change))

    async def changes(self, station_id: str, page: PageRequest) -> PageOf[InfoChange]:
        found = [c for c in self.info_changes if c.station_id == station_id]
        found.sort(key=lambda c: c.id)
        found.sort(key=lambda c: c.reported_at, reverse=True)
        return copied_page(found, page)


def _matches_station(station: Station, where: StationFilter) -> bool:
    if where.district_code is not None and station.district_code != where.district_code:
        return False
    if where.uscc is not None and station.uscc != where.uscc:
        return False
    if where.statuses and station.status not in where.statuses:
        return False
    if where.service is not None and where.service not in station.services:
        return False
    if where.name_contains and where.name_contains not in station.name + "\0" + station.entity_name:
        return False
    if where.convention_signed is not None and where.convention_version is not None:
        return station.has_signed(where.convention_version) is where.convention_signed
    return True


class FakeRegistryUnitOfWork(FakeUnitOfWork):
    """The registry's unit of work in memory: the same repositories under the same names."""

    def __init__(self, world: World, actor: Actor) -> None:
        super().__init__(world, actor)
        self.applications = world.repository(InMemoryApplications)
        self.attachments = world.repository(InMemoryAttachments)
        self.rounds = world.repository(InMemoryRounds)
        self.stations = world.repository(InMemoryStations)


FakeRegistryUowFactory = FakeUnitOfWorkFactory[FakeRegistryUnitOfWork]
