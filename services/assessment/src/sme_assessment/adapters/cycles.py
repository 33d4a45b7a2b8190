"""Cycles, manual scores, non-participation records and results in the database."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from sqlalchemy import ColumnElement, Select, delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from sme_assessment.adapters.orm import cycles, manual_scores, non_participations, results
from sme_assessment.adapters.rows import row_of
from sme_assessment.domain.cycles import Cycle, CycleStatus, ManualScore, NonParticipation, Outcome, StationResult
from sme_assessment.domain.indicators import IndicatorScore, IndicatorSpec
from sme_kit.paging import PageOf, PageRequest, fetch_page
from sme_kit.upsert import insert_or_update


class CycleRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, cycle_id: str, *, for_update: bool = False) -> Cycle | None:
        query = select(cycles).where(cycles.c.id == cycle_id)
        if for_update:
            # Compute, publish and the inputs that invalidate a computation take turns per cycle.
            query = query.with_for_update()
        row = (await self._session.execute(query)).mappings().first()
        return _cycle(row) if row else None

    async def by_year(self, year: int) -> Cycle | None:
        row = (await self._session.execute(select(cycles).where(cycles.c.year == year))).mappings().first()
        return _cycle(row) if row else None

    async def all(self) -> list[Cycle]:
        return [_cycle(row) for row in (await self._session.execute(select(cycles).order_by(cycles.c.year))).mappings()]

    async def page(self, request: PageRequest) -> PageOf[Cycle]:
        """A page of every cycle, by year."""
        return (await fetch_page(self._session, select(cycles).order_by(cycles.c.year, cycles.c.id), request)).map(
            _cycle
        )

    async def save(self, cycle: Cycle) -> None:
        row = row_of(cycle)
        row["indicators"] = [asdict(spec) for spec in cycle.indicators]
        await insert_or_update(self._session, cycles, row, keys=["id"])


class ManualScoreRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, cycle_id: str, station_id: str, code: str) -> ManualScore | None:
        query = select(manual_scores).where(
            manual_scores.c.cycle_id == cycle_id,
            manual_scores.c.station_id == station_id,
            manual_scores.c.indicator_code == code,
        )
        row = (await self._session.execute(query)).mappings().first()
        return ManualScore(**row) if row else None

    async def of_cycle(self, cycle_id: str) -> dict[str, dict[str, ManualScore]]:
        """Manual scores by station, then by indicator code."""
        found: dict[str, dict[str, ManualScore]] = {}
        query = select(manual_scores).where(manual_scores.c.cycle_id == cycle_id)
        for row in (await self._session.execute(query)).mappings():
            found.setdefault(row["station_id"], {})[row["indicator_code"]] = ManualScore(**row)
        return found

    async def save(self, score: ManualScore) -> None:
        await insert_or_update(
            self._session, manual_scores, row_of(score), keys=["cycle_id", "station_id", "indicator_code"]
        )


class NonParticipationRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, cycle_id: str, station_id: str) -> NonParticipation | None:
        query = select(non_participations).where(
            non_participations.c.cycle_id == cycle_id, non_participations.c.station_id == station_id
        )
        row = (await self._session.execute(query)).mappings().first()
        return NonParticipation(**row) if row else None

    async def of_cycle(self, cycle_id: str, *, district_code: str | None = None) -> list[NonParticipation]:
        query = _non_participations(cycle_id, district_code)
        return [NonParticipation(**row) for row in (await self._session.execute(query)).mappings()]

    async def page_of_cycle(
        self, cycle_id: str, request: PageRequest, *, district_code: str | None = None
    ) -> PageOf[NonParticipation]:
        """A page of the cycle's records, by station."""
        found = await fetch_page(self._session, _non_participations(cycle_id, district_code), request)
        return found.map(lambda row: NonParticipation(**row))

    async def add(self, record: NonParticipation) -> None:
        await self._session.execute(non_participations.insert().values(**row_of(record)))


class ResultRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def of_cycle(
        self, cycle_id: str, *, district_code: str | None = None, station_id: str | None = None
    ) -> list[StationResult]:
        query = _results(results.c.cycle_id == cycle_id, district_code=district_code, station_id=station_id)
        return [_result(row) for row in (await self._session.execute(query.order_by(results.c.station_id))).mappings()]

    async def page_of_cycle(
        self,
        cycle_id: str,
        request: PageRequest,
        *,
        district_code: str | None = None,
        station_id: str | None = None,
        published_only: bool = False,
    ) -> PageOf[StationResult]:
        """A page of the cycle's results, by station."""
        query = _results(
            results.c.cycle_id == cycle_id,
            district_code=district_code,
            station_id=station_id,
            published_only=published_only,
        )
        return (await fetch_page(self._session, query.order_by(results.c.station_id, results.c.id), request)).map(
            _result
        )

    async def of_station(self, station_id: str) -> list[StationResult]:
        query = select(results).where(results.c.station_id == station_id).order_by(results.c.year)
        return [_result(row) for row in (await self._session.execute(query)).mappings()]

    async def page_of_station(
        self, station_id: str, request: PageRequest, *, published_only: bool = False
    ) -> PageOf[StationResult]:
        """A page of the station's results, by year."""
        query = _results(results.c.station_id == station_id, published_only=published_only)
        return (await fetch_page(self._session, query.order_by(results.c.year, results.c.id), request)).map(_result)

    async def of_year(self, year: int, *, published_only: bool) -> list[StationResult]:
        query = select(results).where(results.c.year == year)
        if published_only:
            query = query.where(results.c.published_at.is_not(None))
        return [_result(row) for row in (await self._session.execute(query)).mappings()]

    async def replace_all(self, cycle_id: str, found: Sequence[StationResult]) -> None:
        """A computation replaces every result of the cycle (it is not published yet)."""
        await self._session.execute(delete(results).where(results.c.cycle_id == cycle_id))
        if found:
            await self._session.execute(results.insert(), [_row(result) for result in found])

    async def save(self, result: StationResult) -> None:
        await insert_or_update(self._session, results, _row(result), keys=["id"])


def _non_participations(cycle_id: str, district_code: str | None) -> Select[Any]:
    query = (
        select(non_participations)
        .where(non_participations.c.cycle_id == cycle_id)
        .order_by(non_participations.c.station_id)
    )
    if district_code is not None:
        query = query.where(non_participations.c.district_code == district_code)
    return query


def _results(
    condition: ColumnElement[bool],
    *,
    district_code: str | None = None,
    station_id: str | None = None,
    published_only: bool = False,
) -> Select[Any]:
    query = select(results).where(condition)
    if district_code is not None:
        query = query.where(results.c.district_code == district_code)
    if station_id is not None:
        query = query.where(results.c.station_id == station_id)
    if published_only:
        query = query.where(results.c.published_at.is_not(None))
    return query


def _cycle(row: Any) -> Cycle:
    return Cycle(
        **{
            **row,
            "status": CycleStatus(row["status"]),
            "indicators": [IndicatorSpec(**spec) for spec in row["indicators"]],
        }
    )


def _row(result: StationResult) -> dict[str, Any]:
    row = row_of(result)
    row["breakdown"] = [asdict(line) for line in result.breakdown]
    return row


def _result(row: Any) -> StationResult:
    return StationResult(
        **{
            **row,
            "outcome": Outcome(row["outcome"]),
            "breakdown": [IndicatorScore(**line) for line in row["breakdown"]],
        }
    )
