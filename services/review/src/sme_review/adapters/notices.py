"""Loading and saving public notices."""

from __future__ import annotations

from typing import Any

from sqlalchemy import RowMapping, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from sme_kit.paging import PageOf, PageRequest, fetch_page
from sme_review.adapters.orm import notices
from sme_review.domain.notices import Notice, NoticeEntry, NoticeStatus


class NoticeRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, notice: Notice) -> None:
        await self._session.execute(insert(notices).values(**_row(notice)))

    async def get(self, notice_id: str, *, for_update: bool = False) -> Notice | None:
        query = select(notices).where(notices.c.id == notice_id)
        if for_update:
            query = query.with_for_update()
        row = (await self._session.execute(query)).mappings().first()
        return _notice(row) if row else None

    async def of_round(self, year: int) -> Notice | None:
        row = (await self._session.execute(select(notices).where(notices.c.round_year == year))).mappings().first()
        return _notice(row) if row else None

    async def page(self, request: PageRequest) -> PageOf[Notice]:
        """A page of every notice, newest first."""
        query = select(notices).order_by(notices.c.published_at.desc(), notices.c.id)
        return (await fetch_page(self._session, query, request)).map(_notice)

    async def save(self, notice: Notice) -> None:
        await self._session.execute(update(notices).where(notices.c.id == notice.id).values(**_row(notice)))


def _row(notice: Notice) -> dict[str, Any]:
    return {
        **notice.__dict__,
        "status": notice.status.value,
        "entries": [{**entry.__dict__, "services": list(entry.services)} for entry in notice.entries],
    }


def _notice(row: RowMapping) -> Notice:
    entries = tuple(NoticeEntry(**{**entry, "services": tuple(entry["services"])}) for entry in row["entries"])
    return Notice(**{**row, "status": NoticeStatus(row["status"]), "entries": entries})
