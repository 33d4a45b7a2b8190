"""In-memory repositories and review's fake unit of work, for use-case tests without PostgreSQL or Kafka.

Each repository keeps its objects in a dict keyed by id and copies them in and out, so a test (or
a use case that changes an object it then fails to save) cannot change stored state by accident —
as with the database. They order results as the SQL repositories do.
"""

from __future__ import annotations

from datetime import datetime
from typing import TypeVar

from sme_kit.paging import PageOf, PageRequest
from sme_kit.testing.fakes import FakeUnitOfWork, FakeUnitOfWorkFactory, World, copied, copied_all, copied_page
from sme_kit.uow import Actor
from sme_review.domain.cases import CaseFilter, ReviewCase
from sme_review.domain.experts import Assignment, AssignmentStatus, ConflictDeclaration, Expert, Panel
from sme_review.domain.final_list import FinalList
from sme_review.domain.notices import Notice
from sme_review.domain.objections import Objection, ObjectionStatus
from sme_review.domain.rounds import ReviewRound
from sme_review.domain.scoring import ScoreSheet

T = TypeVar("T")


class InMemoryRounds:
    def __init__(self) -> None:
        self.by_year: dict[int, ReviewRound] = {}

    async def get(self, year: int, *, for_update: bool = False) -> ReviewRound | None:
        return copied(self.by_year.get(year))

    async def get_or_open(self, year: int, at: datetime) -> ReviewRound:
        if year not in self.by_year:
            self.by_year[year] = ReviewRound.open(year, at)
        return copied(self.by_year[year])

    async def page(self, request: PageRequest) -> PageOf[ReviewRound]:
        return copied_page(sorted(self.by_year.values(), key=lambda r: r.year, reverse=True), request)

    async def save(self, round_: ReviewRound) -> None:
        self.by_year[round_.year] = copied(round_)


class InMemoryAssignments:
    def __init__(self) -> None:
        self.by_id: dict[str, Assignment] = {}
        self.sheets: dict[str, ScoreSheet] = {}

    async def add(self, assignment: Assignment) -> None:
        if any(a.case_id == assignment.case_id and a.expert_id == assignment.expert_id for a in self.by_id.values()):
            raise AssertionError("uq_review_assignments_case_expert")  # as the unique constraint would
        self.by_id[assignment.id] = copied(assignment)

    async def get(self, assignment_id: str) -> Assignment | None:
        return copied(self.by_id.get(assignment_id))

    async def of_case(self, case_id: str) -> list[Assignment]:
        found = [a for a in self.by_id.values() if a.case_id == case_id]
        return copied_all(sorted(found, key=lambda a: a.assigned_at))

    async def of_expert(self, expert_id: str, *, round_year: int | None = None) -> list[Assignment]:
        found = [
            a
            for a in self.by_id.values()
            if a.expert_id == expert_id and (round_year is None or a.round_year == round_year)
        ]
        return copied_all(sorted(found, key=lambda a: (a.due_on, a.assigned_at, a.id)))

    async def active_page_of_expert(
        self, expert_id: str, request: PageRequest, *, round_year: int | None = None
    ) -> PageOf[Assignment]:
        found = await self.of_expert(expert_id, round_year=round_year)
        return copied_page([a for a in found if a.status is AssignmentStatus.ACTIVE], request)

    async def page_of_round(self, round_year: int, request: PageRequest) -> PageOf[Assignment]:
        found = [a for a in self.by_id.values() if a.round_year == round_year]
        return copied_page(sorted(found, key=lambda a: (a.case_id, a.assigned_at, a.id)), request)

    async def active_of(self, case_id: str, expert_id: str) -> Assignment | None:
        found = (a for a in self.by_id.values() if a.case_id == case_id and a.expert_id == expert_id and a.active)
        return copied(next(found, None))

    async def save(self, assignment: Assignment) -> None:
        self.by_id[assignment.id] = copied(assignment)

    async def sheet(self, assignment_id: str) -> ScoreSheet | None:
        return copied(self.sheets.get(assignment_id))

    async def sheets_of_case(self, case_id: str) -> list[ScoreSheet]:
        found = [s for s in self.sheets.values() if s.case_id == case_id]
        return copied_all(sorted(found, key=lambda s: s.submitted_at))

    async def sheets_of(self, assignment_ids: list[str]) -> dict[str, ScoreSheet]:
        return {i: copied(self.sheets[i]) for i in assignment_ids if i in self.sheets}

    async def sheets_of_expert(self, expert_id: str) -> dict[str, ScoreSheet]:
        return {s.assignment_id: copied(s) for s in self.sheets.values() if s.expert_id == expert_id}

    async def scoring_started(self, round_year: int) -> bool:
        return any(self.by_id[s.assignment_id].round_year == round_year for s in self.sheets.values())

    async def put_sheet(self, sheet: ScoreSheet) -> None:
        self.sheets[sheet.assignment_id] = copied(sheet)


class InMemoryCases:
    def __init__(self) -> None:
        self.by_id: dict[str, ReviewCase] = {}
        self.assignments: InMemoryAssignments | None = None  # for the expert filter of `search`

    async def add(self, case: ReviewCase) -> None:
        self.by_id[case.id] = copied(case)

    async def get(self, case_id: str, *, for_update: bool = False) -> ReviewCase | None:
        return copied(self.by_id.get(case_id))

    async def by_application(self, application_id: str) -> ReviewCase | None:
        return copied(next((c for c in self.by_id.values() if c.application_id == application_id), None))

    async def of_round(self, year: int, *, for_update: bool = False) -> list[ReviewCase]:
        found = [c for c in self.by_id.values() if c.round_year == year]
        return copied_all(sorted(found, key=lambda c: (c.opened_at, c.id)))

    async def search(self, where: CaseFilter, request: PageRequest) -> PageOf[ReviewCase]:
        found = sorted(
            (c for c in self.by_id.values() if self._matches(c, where)),
            key=lambda c: (-c.round_year, c.opened_at, c.id),
        )
        return copied_page(found, request)

    def _matches(self, case: ReviewCase, where: CaseFilter) -> bool:
        expert_cases = (
            {a.case_id for a in self.assignments.by_id.values() if a.expert_id == where.expert_id}
            if where.expert_id is not None and self.assignments is not None
            else None
        )
        return all(
            (
                where.round_year is None or case.round_year == where.round_year,
                where.kind is None or case.kind is where.kind,
                where.status is None or case.status is where.status,
                where.district_code is None or case.district_code == where.district_code,
                where.uscc is None or case.uscc == where.uscc,
                where.recommendation is None or case.recommendation is where.recommendation,
                not where.undecided or case.recommendation is None,
                not where.name_contains or where.name_contains in case.entity_name,
                expert_cases is None or case.id in expert_cases,
            )
        )

    async def last_plaque_sequence(self, year: int) -> int:
        return max((c.plaque_sequence or 0 for c in self.by_id.values() if c.round_year == year), default=0)

    async def save(self, case: ReviewCase) -> None:
        self.by_id[case.id] = copied(case)


class InMemoryExperts:
    def __init__(self) -> None:
        self.by_id: dict[str, Expert] = {}
        self.conflicts: dict[tuple[str, str], ConflictDeclaration] = {}

    async def add(self, expert: Expert) -> None:
        self.by_id[expert.id] = copied(expert)

    async def get(self, expert_id: str) -> Expert | None:
        return copied(self.by_id.get(expert_id))

    async def many(self, expert_ids: list[str]) -> dict[str, Expert]:
        return {i: copied(self.by_id[i]) for i in expert_ids if i in self.by_id}

    async def page(self, request: PageRequest, *, active_only: bool = False) -> PageOf[Expert]:
        return copied_page([e for _, e in sorted(self.by_id.items()) if e.active or not active_only], request)

    async def save(self, expert: Expert) -> None:
        self.by_id[expert.id] = copied(expert)

    async def conflicts_of(self, expert_id: str, request: PageRequest) -> PageOf[ConflictDeclaration]:
        found = [d for (e, _), d in self.conflicts.items() if e == expert_id]
        return copied_page(sorted(found, key=lambda d: (d.declared_at, d.uscc)), request)

    async def declared_usccs(self, expert_ids: list[str]) -> dict[str, set[str]]:
        return {i: {u for (e, u) in self.conflicts if e == i} for i in expert_ids}

    async def add_conflict(self, declaration: ConflictDeclaration) -> bool:
        key = (declaration.expert_id, declaration.uscc)
        if key in self.conflicts:
            return False
        self.conflicts[key] = declaration
        return True


class InMemoryPanels:
    def __init__(self) -> None:
        self.by_id: dict[str, Panel] = {}

    async def add(self, panel: Panel) -> None:
        self.by_id[panel.id] = copied(panel)

    async def get(self, panel_id: str) -> Panel | None:
        return copied(self.by_id.get(panel_id))

    async def of_round(self, year: int, request: PageRequest) -> PageOf[Panel]:
        found = [p for p in self.by_id.values() if p.round_year == year]
        return copied_page(sorted(found, key=lambda p: (p.created_at, p.id)), request)

    async def save(self, panel: Panel) -> None:
        self.by_id[panel.id] = copied(panel)


class InMemoryNotices:
    def __init__(self) -> None:
        self.by_id: dict[str, Notice] = {}

    async def add(self, notice: Notice) -> None:
        if any(n.round_year == notice.round_year for n in self.by_id.values()):
            raise AssertionError("review_notices.round_year is unique")
        self.by_id[notice.id] = copied(notice)

    async def get(self, notice_id: str, *, for_update: bool = False) -> Notice | None:
        return copied(self.by_id.get(notice_id))

    async def of_round(self, year: int) -> Notice | None:
        return copied(next((n for n in self.by_id.values() if n.round_year == year), None))

    async def page(self, request: PageRequest) -> PageOf[Notice]:
        newest_first = sorted(
            sorted(self.by_id.values(), key=lambda n: n.id), key=lambda n: n.published_at, reverse=True
        )
        return copied_page(newest_first, request)

    async def save(self, notice: Notice) -> None:
        self.by_id[notice.id] = copied(notice)


class InMemoryObjections:
    def __init__(self) -> None:
        self.by_id: dict[str, Objection] = {}

    async def add(self, objection: Objection) -> None:
        self.by_id[objection.id] = copied(objection)

    async def get(self, objection_id: str, *, for_update: bool = False) -> Objection | None:
        return copied(self.by_id.get(objection_id))

    async def search(
        self,
        *,
        notice_id: str | None = None,
        case_id: str | None = None,
        round_year: int | None = None,
        status: ObjectionStatus | None = None,
    ) -> list[Objection]:
        found = [
            o
            for o in self.by_id.values()
            if (notice_id is None or o.notice_id == notice_id)
            and (case_id is None or o.case_id == case_id)
            and (round_year is None or o.round_year == round_year)
            and (status is None or o.status is status)
        ]
        return copied_all(sorted(found, key=lambda o: (o.filed_at, o.id)))

    async def page(
        self,
        request: PageRequest,
        *,
        notice_id: str | None = None,
        case_id: str | None = None,
        round_year: int | None = None,
        status: ObjectionStatus | None = None,
    ) -> PageOf[Objection]:
        return copied_page(
            await self.search(notice_id=notice_id, case_id=case_id, round_year=round_year, status=status), request
        )

    async def count(self, notice_id: str, *, status: ObjectionStatus | None = None) -> int:
        return len(await self.search(notice_id=notice_id, status=status))

    async def save(self, objection: Objection) -> None:
        self.by_id[objection.id] = copied(objection)


class InMemoryFinalLists:
    def __init__(self) -> None:
        self.by_year: dict[int, FinalList] = {}

    async def add(self, final_list: FinalList) -> None:
        self.by_year[final_list.round_year] = copied(final_list)

    async def of_round(self, year: int) -> FinalList | None:
        return copied(self.by_year.get(year))

    async def page(self, request: PageRequest) -> PageOf[FinalList]:
        return copied_page([f for _, f in sorted(self.by_year.items(), reverse=True)], request)


class FakeReviewUnitOfWork(FakeUnitOfWork):
    """Review's unit of work in memory: the same repository names as `ReviewUnitOfWork`."""

    def __init__(self, world: World, actor: Actor) -> None:
        super().__init__(world, actor)
        self.rounds = world.repository(InMemoryRounds)
        self.cases = world.repository(InMemoryCases)
        self.experts = world.repository(InMemoryExperts)
        self.panels = world.repository(InMemoryPanels)
        self.assignments = world.repository(InMemoryAssignments)
        self.notices = world.repository(InMemoryNotices)
        self.objections = world.repository(InMemoryObjections)
        self.final_lists = world.repository(InMemoryFinalLists)
        self.cases.assignments = self.assignments


FakeReviewUowFactory = FakeUnitOfWorkFactory[FakeReviewUnitOfWork]
