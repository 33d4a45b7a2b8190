"""Loading and saving assignments and the experts' score sheets."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import RowMapping, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from sme_kit.paging import PageOf, PageRequest, fetch_page
from sme_kit.upsert import insert_or_update
from sme_review.adapters.orm import assignments, score_sheets
from sme_review.domain.experts import Assignment, AssignmentStatus
from sme_review.domain.scoring import ScoreSheet

_CENT = Decimal("0.01")


class AssignmentRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, assignment: Assignment) -> None:
        await self._session.execute(insert(assignments).values(**_assignment_row(assignment)))

    async def get(self, assignment_id: str) -> Assignment | None:
        query = select(assignments).where(assignments.c.id == assignment_id)
        row = (await self._session.execute(query)).mappings().first()
        return _assignment(row) if row else None

    async def of_case(self, case_id: str) -> list[Assignment]:
        query = select(assignments).where(assignments.c.case_id == case_id).order_by(assignments.c.assigned_at)
        return [_assignment(row) for row in (await self._session.execute(query)).mappings()]

    async def of_expert(self, expert_id: str, *, round_year: int | None = None) -> list[Assignment]:
        query = select(assignments).where(assignments.c.expert_id == expert_id)
        if round_year is not None:
            query = query.where(assignments.c.round_year == round_year)
        query = query.order_by(assignments.c.due_on, assignments.c.assigned_at)
        return [_assignment(row) for row in (await self._session.execute(query)).mappings()]

    async def active_page_of_expert(
        self, expert_id: str, request: PageRequest, *, round_year: int | None = None
    ) -> PageOf[Assignment]:
        """A page of the expert's current (active) assignments, soonest due first."""
        query = select(assignments).where(
            assignments.c.expert_id == expert_id, assignments.c.status == AssignmentStatus.ACTIVE.value
        )
        if round_year is not None:
            query = query.where(assignments.c.round_year == round_year)
        query = query.order_by(assignments.c.due_on, assignments.c.assigned_at, assignments.c.id)
        return (await fetch_page(self._session, query, request)).map(_assignment)

    async def page_of_round(self, round_year: int, request: PageRequest) -> PageOf[Assignment]:
        """A page of every assignment of the round, ended ones included, by case and then as assigned."""
        query = (
            select(assignments)
            .where(assignments.c.round_year == round_year)
            .order_by(assignments.c.case_id, assignments.c.assigned_at, assignments.c.id)
        )
        return (await fetch_page(self._session, query, request)).map(_assignment)

    async def active_of(self, case_id: str, expert_id: str) -> Assignment | None:
        query = select(assignments).where(
            assignments.c.case_id == case_id,
            assignments.c.expert_id == expert_id,
            assignments.c.status == AssignmentStatus.ACTIVE.value,
        )
        row = (await self._session.execute(query)).mappings().first()
        return _assignment(row) if row else None

    async def save(self, assignment: Assignment) -> None:
        await self._session.execute(
            update(assignments).where(assignments.c.id == assignment.id).values(**_assignment_row(assignment))
        )

    async def sheet(self, assignment_id: str) -> ScoreSheet | None:
        query = select(score_sheets).where(score_sheets.c.assignment_id == assignment_id)
        row = (await self._session.execute(query)).mappings().first()
        return _sheet(row) if row else None

    async def sheets_of_case(self, case_id: str) -> list[ScoreSheet]:
        query = select(score_sheets).where(score_sheets.c.case_id == case_id).order_by(score_sheets.c.submitted_at)
        return [_sheet(row) for row in (await self._session.execute(query)).mappings()]

    async def sheets_of(self, assignment_ids: list[str]) -> dict[str, ScoreSheet]:
        """The sheets submitted for these assignments, by assignment."""
        if not assignment_ids:
            return {}
        query = select(score_sheets).where(score_sheets.c.assignment_id.in_(assignment_ids))
        return {row["assignment_id"]: _sheet(row) for row in (await self._session.execute(query)).mappings()}

    async def sheets_of_expert(self, expert_id: str) -> dict[str, ScoreSheet]:
        query = select(score_sheets).where(score_sheets.c.expert_id == expert_id)
        return {row["assignment_id"]: _sheet(row) for row in (await self._session.execute(query)).mappings()}

    async def scoring_started(self, round_year: int) -> bool:
        """Whether any expert has submitted a sheet in the round (the criteria are fixed from then on)."""
        query = (
            select(score_sheets.c.assignment_id)
            .join(assignments, assignments.c.id == score_sheets.c.assignment_id)
            .where(assignments.c.round_year == round_year)
            .limit(1)
        )
        return (await self._session.scalar(query)) is not None

    async def put_sheet(self, sheet: ScoreSheet) -> None:
        """Store the expert's sheet, replacing the one it submitted before."""
        row = {
            "assignment_id": sheet.assignment_id,
            "case_id": sheet.case_id,
            "expert_id": sheet.expert_id,
            "marks": dict(sheet.marks),
            "total_hundredths": int(sheet.total * 100),
            "comment": sheet.comment,
            "submitted_at": sheet.submitted_at,
            "remarks": dict(sheet.remarks),
        }
        await insert_or_update(self._session, score_sheets, row, keys=("assignment_id",))


def _assignment_row(assignment: Assignment) -> dict[str, Any]:
    return {**assignment.__dict__, "status": assignment.status.value}


def _assignment(row: RowMapping) -> Assignment:
    return Assignment(**{**row, "status": AssignmentStatus(row["status"])})


def _sheet(row: RowMapping) -> ScoreSheet:
    return ScoreSheet(
        assignment_id=row["assignment_id"],
        case_id=row["case_id"],
        expert_id=row["expert_id"],
        marks=dict(row["marks"]),
        total=(Decimal(row["total_hundredths"]) / 100).quantize(_CENT),
        comment=row["comment"],
        submitted_at=row["submitted_at"],
        remarks=dict(row["remarks"] or {}),
    )
