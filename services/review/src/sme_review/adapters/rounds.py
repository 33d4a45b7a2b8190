"""Loading and saving rounds."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import RowMapping, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from sme_kit.paging import PageOf, PageRequest, fetch_page
from sme_kit.upsert import insert_or_ignore
from sme_review.adapters.orm import rounds
from sme_review.domain.rounds import ReviewRound, RoundStatus
from sme_review.domain.scoring import Criterion


class RoundRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, year: int, *, for_update: bool = False) -> ReviewRound | None:
        query = select(rounds).where(rounds.c.year == year)
        if for_update:
            query = query.with_for_update()
        row = (await self._session.execute(query)).mappings().first()
        return _round(row) if row else None

    async def get_or_open(self, year: int, at: datetime) -> ReviewRound:
        """The year's round, opened with the default scheme the first time anyone needs it."""
        # One statement, so two first commands of a year (a forward and a criteria change) cannot both insert.
        await insert_or_ignore(self._session, rounds, _row(ReviewRound.open(year, at)), keys=("year",))
        found = await self.get(year, for_update=True)
        assert found is not None
        return found

    async def page(self, request: PageRequest) -> PageOf[ReviewRound]:
        """A page of the rounds, newest year first (the year is the key)."""
        return (await fetch_page(self._session, select(rounds).order_by(rounds.c.year.desc()), request)).map(_round)

    async def save(self, round_: ReviewRound) -> None:
        await self._session.execute(update(rounds).where(rounds.c.year == round_.year).values(**_row(round_)))


def _row(round_: ReviewRound) -> dict[str, Any]:
    return {
        "year": round_.year,
        "status": round_.status.value,
        "criteria": [
            {"code": c.code, "name": c.name, "weight": c.weight, "description": c.description} for c in round_.criteria
        ],
        "min_experts_per_case": round_.min_experts_per_case,
        "created_at": round_.created_at,
        "submitted_at": round_.submitted_at,
        "shortlist_fixed_at": round_.shortlist_fixed_at,
        "finalised_at": round_.finalised_at,
    }


def _round(row: RowMapping) -> ReviewRound:
    return ReviewRound(
        year=row["year"],
        status=RoundStatus(row["status"]),
        criteria=tuple(Criterion(**criterion) for criterion in row["criteria"]),
        min_experts_per_case=row["min_experts_per_case"],
        created_at=row["created_at"],
        submitted_at=row["submitted_at"],
        shortlist_fixed_at=row["shortlist_fixed_at"],
        finalised_at=row["finalised_at"],
    )
