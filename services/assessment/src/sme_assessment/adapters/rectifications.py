"""Rectification orders in the database."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from sme_assessment.adapters.orm import rectifications
from sme_assessment.adapters.rows import row_of
from sme_assessment.domain.cycles import Outcome
from sme_assessment.domain.rectification import PENDING, Rectification, RectificationStatus
from sme_kit.paging import PageOf, PageRequest, fetch_page
from sme_kit.upsert import insert_or_update


class RectificationRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, rectification_id: str, *, for_update: bool = False) -> Rectification | None:
        query = select(rectifications).where(rectifications.c.id == rectification_id)
        if for_update:
            query = query.with_for_update()
        row = (await self._session.execute(query)).mappings().first()
        return _rectification(row) if row else None

    async def search(
        self,
        *,
        year: int | None = None,
        station_id: str | None = None,
        district_code: str | None = None,
        status: RectificationStatus | None = None,
        pending_only: bool = False,
    ) -> list[Rectification]:
        query = _search(
            year=year, station_id=station_id, district_code=district_code, status=status, pending_only=pending_only
        )
        return [_rectification(row) for row in (await self._session.execute(query)).mappings()]

    async def page(
        self,
        request: PageRequest,
        *,
        year: int | None = None,
        station_id: str | None = None,
        district_code: str | None = None,
        status: RectificationStatus | None = None,
    ) -> PageOf[Rectification]:
        """A page of the matching rectifications, in the order they were ordered."""
        query = _search(year=year, station_id=station_id, district_code=district_code, status=status)
        return (await fetch_page(self._session, query, request)).map(_rectification)

    async def of_results(self, result_ids: Sequence[str]) -> dict[str, Rectification]:
        """The rectification ordered for each of these results, by result id."""
        if not result_ids:
            return {}
        query = select(rectifications).where(rectifications.c.result_id.in_(list(result_ids)))
        return {row["result_id"]: _rectification(row) for row in (await self._session.execute(query)).mappings()}

    async def save(self, rectification: Rectification) -> None:
        await insert_or_update(self._session, rectifications, row_of(rectification), keys=["id"])


def _search(
    *,
    year: int | None = None,
    station_id: str | None = None,
    district_code: str | None = None,
    status: RectificationStatus | None = None,
    pending_only: bool = False,
) -> Select[Any]:
    query = select(rectifications).order_by(
        rectifications.c.ordered_at, rectifications.c.station_id, rectifications.c.id
    )
    if year is not None:
        query = query.where(rectifications.c.year == year)
    if station_id is not None:
        query = query.where(rectifications.c.station_id == station_id)
    if district_code is not None:
        query = query.where(rectifications.c.district_code == district_code)
    if status is not None:
        query = query.where(rectifications.c.status == status.value)
    if pending_only:
        query = query.where(rectifications.c.status.in_([s.value for s in PENDING]))
    return query


def _rectification(row: Any) -> Rectification:
    outcome = row["reassessed_outcome"]
    return Rectification(
        **{
            **row,
            "status": RectificationStatus(row["status"]),
            "reassessed_outcome": Outcome(outcome) if outcome else None,
        }
    )
