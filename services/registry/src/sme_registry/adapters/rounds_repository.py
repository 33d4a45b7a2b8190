"""Loading and saving application rounds."""

from __future__ import annotations

from dataclasses import asdict

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from sme_kit.paging import PageOf, PageRequest, fetch_page
from sme_registry.adapters.orm import rounds
from sme_registry.domain.rounds import Round


class RoundRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, round_: Round) -> None:
        await self._session.execute(insert(rounds).values(**asdict(round_)))

    async def get(self, year: int, *, for_update: bool = False) -> Round | None:
        query = select(rounds).where(rounds.c.year == year)
        if for_update:
            query = query.with_for_update()
        row = (await self._session.execute(query)).mappings().first()
        return Round(**row) if row else None

    async def all(self) -> list[Round]:
        rows = (await self._session.execute(select(rounds).order_by(rounds.c.year.desc()))).mappings()
        return [Round(**row) for row in rows]

    async def page(self, page: PageRequest) -> PageOf[Round]:
        """One page of the rounds, newest first (one a year: the year is the key)."""
        found = await fetch_page(self._session, select(rounds).order_by(rounds.c.year.desc()), page)
        return found.map(lambda row: Round(**row))

    async def save(self, round_: Round) -> None:
        await self._session.execute(update(rounds).where(rounds.c.year == round_.year).values(**asdict(round_)))
