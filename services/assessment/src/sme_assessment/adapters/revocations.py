"""Revocation cases and their evidence notes in the database."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from sme_assessment.adapters.orm import revocation_notes, revocations
from sme_assessment.adapters.rows import row_of
from sme_assessment.domain.revocation import CaseStatus, EvidenceNote, Origin, RevocationCase
from sme_contracts.common import RevocationGround
from sme_kit.paging import PageOf, PageRequest, fetch_page
from sme_kit.upsert import insert_or_update


class RevocationRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, revocation_id: str, *, for_update: bool = False) -> RevocationCase | None:
        query = select(revocations).where(revocations.c.id == revocation_id)
        if for_update:
            query = query.with_for_update()
        row = (await self._session.execute(query)).mappings().first()
        return _case(row) if row else None

    async def open_case(self, station_id: str, ground: RevocationGround) -> RevocationCase | None:
        query = select(revocations).where(
            revocations.c.station_id == station_id,
            revocations.c.ground == int(ground),
            revocations.c.status == CaseStatus.OPEN.value,
        )
        row = (await self._session.execute(query)).mappings().first()
        return _case(row) if row else None

    async def search(
        self,
        *,
        station_id: str | None = None,
        district_code: str | None = None,
        status: CaseStatus | None = None,
        ground: RevocationGround | None = None,
    ) -> list[RevocationCase]:
        query = _search(station_id=station_id, district_code=district_code, status=status, ground=ground)
        return [_case(row) for row in (await self._session.execute(query)).mappings()]

    async def page(
        self,
        request: PageRequest,
        *,
        station_id: str | None = None,
        district_code: str | None = None,
        status: CaseStatus | None = None,
        ground: RevocationGround | None = None,
    ) -> PageOf[RevocationCase]:
        """A page of the matching cases, in the order they were proposed."""
        query = _search(station_id=station_id, district_code=district_code, status=status, ground=ground)
        return (await fetch_page(self._session, query, request)).map(_case)

    async def save(self, case: RevocationCase) -> None:
        row = row_of(case)
        row["ground"] = int(case.ground)
        await insert_or_update(self._session, revocations, row, keys=["id"])

    async def add_note(self, note: EvidenceNote) -> None:
        await self._session.execute(revocation_notes.insert().values(**row_of(note)))

    async def notes(self, revocation_id: str) -> list[EvidenceNote]:
        query = (
            select(revocation_notes)
            .where(revocation_notes.c.revocation_id == revocation_id)
            .order_by(revocation_notes.c.added_at, revocation_notes.c.id)
        )
        return [EvidenceNote(**row) for row in (await self._session.execute(query)).mappings()]


def _search(
    *,
    station_id: str | None,
    district_code: str | None,
    status: CaseStatus | None,
    ground: RevocationGround | None,
) -> Select[Any]:
    query = select(revocations).order_by(revocations.c.proposed_at, revocations.c.id)
    if station_id is not None:
        query = query.where(revocations.c.station_id == station_id)
    if district_code is not None:
        query = query.where(revocations.c.district_code == district_code)
    if status is not None:
        query = query.where(revocations.c.status == status.value)
    if ground is not None:
        query = query.where(revocations.c.ground == int(ground))
    return query


def _case(row: Any) -> RevocationCase:
    return RevocationCase(
        **{
            **row,
            "ground": RevocationGround(row["ground"]),
            "origin": Origin(row["origin"]),
            "status": CaseStatus(row["status"]),
        }
    )
