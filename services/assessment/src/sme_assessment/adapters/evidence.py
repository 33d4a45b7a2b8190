"""Evidence facts in the database: inserted once per fact key, read per station and year."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from sme_assessment.adapters.orm import evidence_facts
from sme_assessment.domain.evidence import Fact, FactKind
from sme_kit.upsert import insert_or_ignore


class EvidenceRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, facts: Sequence[Fact], *, event_id: str, now: datetime) -> int:
        """Keep the facts not known yet; returns how many were new (a fact told again adds nothing)."""
        added = 0
        for fact in facts:
            row = {**asdict(fact), "kind": fact.kind.value, "void": False, "event_id": event_id, "recorded_at": now}
            added += await insert_or_ignore(self._session, evidence_facts, row)
        return added

    async def void_source(self, source_id: str, kinds: Iterable[FactKind]) -> int:
        """Withdraw the facts told about one source (e.g. every station's part in a cancelled activity)."""
        result = await self._session.execute(
            update(evidence_facts)
            .where(evidence_facts.c.source_id == source_id, evidence_facts.c.kind.in_([k.value for k in kinds]))
            .values(void=True)
        )
        return int(result.rowcount or 0)  # type: ignore[attr-defined]

    async def of_stations(self, station_ids: Sequence[str], year: int) -> dict[str, list[Fact]]:
        """Each station's facts of the year, plus the trainings held that year and conventions ever signed."""
        query = select(evidence_facts).where(
            evidence_facts.c.void.is_(False),
            or_(
                and_(evidence_facts.c.station_id.in_(list(station_ids)), evidence_facts.c.year == year),
                and_(evidence_facts.c.station_id.is_(None), evidence_facts.c.year == year),
                and_(
                    evidence_facts.c.station_id.in_(list(station_ids)),
                    evidence_facts.c.kind == FactKind.CONVENTION_SIGNED.value,
                ),
            ),
        )
        facts = [_fact(row) for row in (await self._session.execute(query)).mappings()]
        shared = [f for f in facts if f.station_id is None]
        return {sid: [f for f in facts if f.station_id == sid] + shared for sid in station_ids}

    async def count_by_station(self, kind: FactKind, year: int) -> dict[str, int]:
        query = (
            select(evidence_facts.c.station_id, func.count())
            .where(
                evidence_facts.c.kind == kind.value,
                evidence_facts.c.year == year,
                evidence_facts.c.void.is_(False),
                evidence_facts.c.station_id.is_not(None),
            )
            .group_by(evidence_facts.c.station_id)
        )
        return {str(station_id): int(count) for station_id, count in (await self._session.execute(query)).all()}


def _fact(row: Any) -> Fact:
    return Fact(
        key=row["key"],
        kind=FactKind(row["kind"]),
        station_id=row["station_id"],
        year=row["year"],
        occurred_on=row["occurred_on"],
        source_id=row["source_id"],
        quantity=row["quantity"],
        value=row["value"],
    )
