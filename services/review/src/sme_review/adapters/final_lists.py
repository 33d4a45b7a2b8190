"""Loading and saving final lists."""

from __future__ import annotations

from sqlalchemy import RowMapping, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from sme_kit.paging import PageOf, PageRequest, fetch_page
from sme_review.adapters.orm import final_lists
from sme_review.domain.final_list import FinalList, FinalListEntry


class FinalListRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, final_list: FinalList) -> None:
        await self._session.execute(
            insert(final_lists).values(
                id=final_list.id,
                round_year=final_list.round_year,
                title=final_list.title,
                published_on=final_list.published_on,
                entries=[entry.__dict__ for entry in final_list.entries],
                declined_application_ids=list(final_list.declined_application_ids),
                published_at=final_list.published_at,
                published_by=final_list.published_by,
            )
        )

    async def of_round(self, year: int) -> FinalList | None:
        query = select(final_lists).where(final_lists.c.round_year == year)
        row = (await self._session.execute(query)).mappings().first()
        return _final_list(row) if row else None

    async def page(self, request: PageRequest) -> PageOf[FinalList]:
        """A page of every final list, newest year first (one a year)."""
        query = select(final_lists).order_by(final_lists.c.round_year.desc(), final_lists.c.id)
        return (await fetch_page(self._session, query, request)).map(_final_list)


def _final_list(row: RowMapping) -> FinalList:
    return FinalList(
        id=row["id"],
        round_year=row["round_year"],
        title=row["title"],
        published_on=row["published_on"],
        entries=tuple(FinalListEntry(**entry) for entry in row["entries"]),
        declined_application_ids=tuple(row["declined_application_ids"]),
        published_at=row["published_at"],
        published_by=row["published_by"],
    )
