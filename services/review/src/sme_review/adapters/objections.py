"""Loading and saving objections, with the objector's personal data in their own columns."""

from __future__ import annotations

from typing import Any

from sqlalchemy import RowMapping, Select, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from sme_kit.paging import PageOf, PageRequest, fetch_page
from sme_review.adapters.orm import objections
from sme_review.domain.objections import Objection, ObjectionOutcome, ObjectionStatus, Objector, ObjectorType

_OBJECTOR_COLUMNS = (
    "organisation_name",
    "contact_person",
    "real_name",
    "id_number",
    "contact_phone",
    "contact_email",
    "contact_address",
)


class ObjectionRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, objection: Objection) -> None:
        await self._session.execute(insert(objections).values(**_row(objection)))

    async def get(self, objection_id: str, *, for_update: bool = False) -> Objection | None:
        query = select(objections).where(objections.c.id == objection_id)
        if for_update:
            query = query.with_for_update()
        row = (await self._session.execute(query)).mappings().first()
        return _objection(row) if row else None

    async def search(
        self,
        *,
        notice_id: str | None = None,
        case_id: str | None = None,
        round_year: int | None = None,
        status: ObjectionStatus | None = None,
    ) -> list[Objection]:
        query = _search(notice_id=notice_id, case_id=case_id, round_year=round_year, status=status)
        return [_objection(row) for row in (await self._session.execute(query)).mappings()]

    async def page(
        self,
        request: PageRequest,
        *,
        notice_id: str | None = None,
        case_id: str | None = None,
        round_year: int | None = None,
        status: ObjectionStatus | None = None,
    ) -> PageOf[Objection]:
        """A page of the matching objections, in the order they were filed."""
        query = _search(notice_id=notice_id, case_id=case_id, round_year=round_year, status=status)
        return (await fetch_page(self._session, query, request)).map(_objection)

    async def count(self, notice_id: str, *, status: ObjectionStatus | None = None) -> int:
        query = select(func.count()).select_from(objections).where(objections.c.notice_id == notice_id)
        if status is not None:
            query = query.where(objections.c.status == status.value)
        return int(await self._session.scalar(query) or 0)

    async def save(self, objection: Objection) -> None:
        await self._session.execute(update(objections).where(objections.c.id == objection.id).values(**_row(objection)))


def _search(
    *,
    notice_id: str | None = None,
    case_id: str | None = None,
    round_year: int | None = None,
    status: ObjectionStatus | None = None,
) -> Select[Any]:
    query = select(objections).order_by(objections.c.filed_at, objections.c.id)
    if notice_id is not None:
        query = query.where(objections.c.notice_id == notice_id)
    if case_id is not None:
        query = query.where(objections.c.case_id == case_id)
    if round_year is not None:
        query = query.where(objections.c.round_year == round_year)
    if status is not None:
        query = query.where(objections.c.status == status.value)
    return query


def _row(objection: Objection) -> dict[str, Any]:
    objector = objection.objector
    return {
        "id": objection.id,
        "notice_id": objection.notice_id,
        "round_year": objection.round_year,
        "case_id": objection.case_id,
        "target_application_id": objection.target_application_id,
        "objector_type": objector.type.value,
        **{column: getattr(objector, column) for column in _OBJECTOR_COLUMNS},
        "grounds": objection.grounds,
        "seal_file_id": objection.seal_file_id,
        "filed_at": objection.filed_at,
        "status": objection.status.value,
        "outcome": objection.outcome.value if objection.outcome else None,
        "findings": objection.findings,
        "resolved_by": objection.resolved_by,
        "resolved_at": objection.resolved_at,
    }


def _objection(row: RowMapping) -> Objection:
    objector = Objector(type=ObjectorType(row["objector_type"]), **{c: row[c] for c in _OBJECTOR_COLUMNS})
    return Objection(
        id=row["id"],
        notice_id=row["notice_id"],
        round_year=row["round_year"],
        case_id=row["case_id"],
        target_application_id=row["target_application_id"],
        objector=objector,
        grounds=row["grounds"],
        filed_at=row["filed_at"],
        status=ObjectionStatus(row["status"]),
        seal_file_id=row["seal_file_id"],
        outcome=ObjectionOutcome(row["outcome"]) if row["outcome"] else None,
        findings=row["findings"],
        resolved_by=row["resolved_by"],
        resolved_at=row["resolved_at"],
    )
