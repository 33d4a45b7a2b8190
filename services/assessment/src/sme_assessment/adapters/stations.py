"""The station read model in the database."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from sme_assessment.adapters.orm import stations
from sme_assessment.adapters.rows import row_of
from sme_assessment.domain.stations import Station, StationStatus
from sme_kit.paging import PageOf, PageRequest, fetch_page
from sme_kit.upsert import insert_or_update


class StationRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, station_id: str) -> Station | None:
        row = (await self._session.execute(select(stations).where(stations.c.id == station_id))).mappings().first()
        return _station(row) if row else None

    async def many(self, station_ids: Iterable[str]) -> dict[str, Station]:
        wanted = sorted(set(station_ids))
        if not wanted:
            return {}
        rows = (await self._session.execute(select(stations).where(stations.c.id.in_(wanted)))).mappings()
        return {row["id"]: _station(row) for row in rows}

    async def all(self, *, district_code: str | None = None, active_only: bool = False) -> list[Station]:
        query = _stations(district_code, active_only)
        return [_station(row) for row in (await self._session.execute(query)).mappings()]

    async def page(
        self, request: PageRequest, *, district_code: str | None = None, active_only: bool = False
    ) -> PageOf[Station]:
        """A page of the matching stations, by id."""
        return (await fetch_page(self._session, _stations(district_code, active_only), request)).map(_station)

    async def save(self, station: Station) -> None:
        await insert_or_update(self._session, stations, row_of(station), keys=["id"])


def _stations(district_code: str | None, active_only: bool) -> Select[Any]:
    query = select(stations).order_by(stations.c.id)
    if district_code is not None:
        query = query.where(stations.c.district_code == district_code)
    if active_only:
        query = query.where(stations.c.status == StationStatus.ACTIVE.value)
    return query


def _station(row: Any) -> Station:
    return Station(**{**row, "status": StationStatus(row["status"])})
