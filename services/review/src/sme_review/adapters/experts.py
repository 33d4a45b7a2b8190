"""Loading and saving the expert pool, conflict declarations and panels."""

from __future__ import annotations

from typing import Any

from sqlalchemy import RowMapping, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from sme_kit.paging import PageOf, PageRequest, fetch_page
from sme_kit.upsert import insert_or_ignore
from sme_review.adapters.orm import conflicts, experts, panels
from sme_review.domain.experts import ConflictDeclaration, Expert, Panel


class ExpertRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, expert: Expert) -> None:
        await self._session.execute(insert(experts).values(**_expert_row(expert)))

    async def get(self, expert_id: str) -> Expert | None:
        row = (await self._session.execute(select(experts).where(experts.c.id == expert_id))).mappings().first()
        return _expert(row) if row else None

    async def many(self, expert_ids: list[str]) -> dict[str, Expert]:
        rows = await self._session.execute(select(experts).where(experts.c.id.in_(expert_ids)))
        return {row["id"]: _expert(row) for row in rows.mappings()}

    async def page(self, request: PageRequest, *, active_only: bool = False) -> PageOf[Expert]:
        """A page of the pool, by id."""
        query = select(experts).order_by(experts.c.id)
        if active_only:
            query = query.where(experts.c.active.is_(True))
        return (await fetch_page(self._session, query, request)).map(_expert)

    async def save(self, expert: Expert) -> None:
        await self._session.execute(update(experts).where(experts.c.id == expert.id).values(**_expert_row(expert)))

    async def conflicts_of(self, expert_id: str, request: PageRequest) -> PageOf[ConflictDeclaration]:
        """A page of the expert's declarations, in the order they were declared."""
        query = (
            select(conflicts)
            .where(conflicts.c.expert_id == expert_id)
            .order_by(conflicts.c.declared_at, conflicts.c.uscc)
        )
        return (await fetch_page(self._session, query, request)).map(lambda row: ConflictDeclaration(**row))

    async def declared_usccs(self, expert_ids: list[str]) -> dict[str, set[str]]:
        """The USCCs each expert declared a conflict with."""
        rows = await self._session.execute(
            select(conflicts.c.expert_id, conflicts.c.uscc).where(conflicts.c.expert_id.in_(expert_ids))
        )
        found: dict[str, set[str]] = {expert_id: set() for expert_id in expert_ids}
        for expert_id, uscc in rows:
            found[expert_id].add(uscc)
        return found

    async def add_conflict(self, declaration: ConflictDeclaration) -> bool:
        """Record a declaration; False when the expert had declared this organisation already."""
        return await insert_or_ignore(self._session, conflicts, declaration.__dict__, keys=("expert_id", "uscc"))


class PanelRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, panel: Panel) -> None:
        await self._session.execute(insert(panels).values(**_panel_row(panel)))

    async def get(self, panel_id: str) -> Panel | None:
        row = (await self._session.execute(select(panels).where(panels.c.id == panel_id))).mappings().first()
        return _panel(row) if row else None

    async def of_round(self, year: int, request: PageRequest) -> PageOf[Panel]:
        """A page of the round's panels, in the order they were formed."""
        query = select(panels).where(panels.c.round_year == year).order_by(panels.c.created_at, panels.c.id)
        return (await fetch_page(self._session, query, request)).map(_panel)

    async def save(self, panel: Panel) -> None:
        await self._session.execute(update(panels).where(panels.c.id == panel.id).values(**_panel_row(panel)))


def _expert_row(expert: Expert) -> dict[str, Any]:
    return {**expert.__dict__, "expertise": list(expert.expertise)}


def _expert(row: RowMapping) -> Expert:
    return Expert(**{**row, "expertise": tuple(row["expertise"])})


def _panel_row(panel: Panel) -> dict[str, Any]:
    return {**panel.__dict__, "expert_ids": list(panel.expert_ids)}


def _panel(row: RowMapping) -> Panel:
    return Panel(**{**row, "expert_ids": tuple(row["expert_ids"])})
