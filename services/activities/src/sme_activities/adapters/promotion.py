"""Promotion sessions and duty warnings in the database."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from sme_activities.adapters.orm import promotion_sessions, promotion_warnings
from sme_activities.domain.promotion import PromotionSession, PromotionSubject
from sme_kit.paging import PageOf, PageRequest, fetch_page
from sme_kit.upsert import insert_or_ignore


class PromotionRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, session: PromotionSession) -> None:
        row = asdict(session)
        row["subjects"] = [subject.value for subject in session.subjects]
        await self._session.execute(insert(promotion_sessions).values(**row))

    async def counts(self, year: int, station_ids: list[str] | None = None) -> dict[str, int]:
        """Sessions per station in a calendar year."""
        query = (
            select(promotion_sessions.c.station_id, func.count())
            .where(promotion_sessions.c.year == year)
            .group_by(promotion_sessions.c.station_id)
        )
        if station_ids is not None:
            query = query.where(promotion_sessions.c.station_id.in_(station_ids))
        return {station_id: int(count) for station_id, count in (await self._session.execute(query)).all()}

    async def of_station(self, station_id: str, year: int, page: PageRequest) -> PageOf[PromotionSession]:
        query = (
            select(promotion_sessions)
            .where(promotion_sessions.c.station_id == station_id, promotion_sessions.c.year == year)
            .order_by(promotion_sessions.c.held_on, promotion_sessions.c.recorded_at, promotion_sessions.c.id)
        )
        return (await fetch_page(self._session, query, page)).map(_session)

    async def warn_once(
        self, *, station_id: str, district_code: str, year: int, count: int, checked_on: date, now: datetime
    ) -> bool:
        """Record a warning; False when this station was already warned on this check (one statement, so a
        check fired twice at once warns once)."""
        values = {
            "station_id": station_id,
            "checked_on": checked_on,
            "year": year,
            "district_code": district_code,
            "count": count,
            "warned_at": now,
        }
        return await insert_or_ignore(self._session, promotion_warnings, values, keys=["station_id", "checked_on"])

    async def warnings(self, year: int) -> dict[str, list[date]]:
        query = (
            select(promotion_warnings)
            .where(promotion_warnings.c.year == year)
            .order_by(promotion_warnings.c.checked_on)
        )
        found: dict[str, list[date]] = {}
        for row in (await self._session.execute(query)).mappings():
            found.setdefault(row["station_id"], []).append(row["checked_on"])
        return found


def _session(row: Any) -> PromotionSession:
    return PromotionSession(**{**row, "subjects": [PromotionSubject(value) for value in row["subjects"]]})
