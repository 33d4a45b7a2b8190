"""Themed months in the database."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from sme_activities.adapters.orm import theme_months
from sme_activities.domain.theme_months import ThemeKind, ThemeMonth


class ThemeMonthRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, theme_month_id: str) -> ThemeMonth | None:
        query = select(theme_months).where(theme_months.c.id == theme_month_id)
        row = (await self._session.execute(query)).mappings().first()
        return _month(row) if row else None

    async def of_year(self, year: int) -> list[ThemeMonth]:
        query = select(theme_months).where(theme_months.c.year == year).order_by(theme_months.c.month)
        return [_month(row) for row in (await self._session.execute(query)).mappings()]

    async def save(self, month: ThemeMonth) -> None:
        values = {**asdict(month), "theme": month.theme.value}
        if month.revision == 1:
            await self._session.execute(insert(theme_months).values(**values))
        else:
            await self._session.execute(update(theme_months).where(theme_months.c.id == month.id).values(**values))


def _month(row: Any) -> ThemeMonth:
    return ThemeMonth(**{**row, "theme": ThemeKind(row["theme"]), "goals": list(row["goals"])})
