"""The station read model in the database."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from sme_activities.adapters.orm import service_requests, stations
from sme_activities.domain.service_requests import RequestStatus
from sme_activities.domain.stations import Candidate, Station, StationStatus
from sme_contracts.common import ServiceCategory
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
        query = _matching(district_code, active_only)
        return [_station(row) for row in (await self._session.execute(query)).mappings()]

    async def find(
        self, *, district_code: str | None = None, active_only: bool = False, page: PageRequest
    ) -> PageOf[Station]:
        """One page of the stations matching the filters, by id."""
        return (await fetch_page(self._session, _matching(district_code, active_only), page)).map(_station)

    async def save(self, station: Station) -> None:
        """One statement: two events about a new station handled at once cannot both insert it."""
        await insert_or_update(self._session, stations, _row(station), keys=["id"])

    async def candidates(self, district_code: str) -> list[Candidate]:
        """The district's active stations with how many requests each has open."""
        open_counts: dict[str | None, int] = dict(
            (
                await self._session.execute(
                    select(service_requests.c.station_id, func.count())
                    .where(
                        service_requests.c.district_code == district_code,
                        service_requests.c.status != RequestStatus.CLOSED.value,
                    )
                    .group_by(service_requests.c.station_id)
                )
            ).all()
        )
        return [
            Candidate(station, int(open_counts.get(station.id, 0)))
            for station in await self.all(district_code=district_code, active_only=True)
        ]


def _matching(district_code: str | None, active_only: bool) -> Select[Any]:
    query = select(stations).order_by(stations.c.id)
    if district_code is not None:
        query = query.where(stations.c.district_code == district_code)
    if active_only:
        query = query.where(stations.c.status == StationStatus.ACTIVE.value)
    return query


def _station(row: Any) -> Station:
    return Station(
        id=row["id"],
        uscc=row["uscc"],
        name=row["name"],
        district_code=row["district_code"],
        services=[ServiceCategory(value) for value in row["services"]],
        status=StationStatus(row["status"]),
        valid_until=row["valid_until"],
        updated_at=row["updated_at"],
        name_may_be_outdated=bool(row["name_may_be_outdated"]),
    )


def _row(station: Station) -> dict[str, Any]:
    return {
        "id": station.id,
        "uscc": station.uscc,
        "name": station.name,
        "district_code": station.district_code,
        "services": [category.value for category in station.services],
        "status": station.status.value,
        "valid_until": station.valid_until,
        "name_may_be_outdated": station.name_may_be_outdated,
        "updated_at": station.updated_at,
    }
