"""Paging of lists: what a use case is asked for (`PageRequest`) and what it answers (`PageOf`).

Free of the web framework, so service layers and repositories use it; the HTTP side (the ``limit``
and ``offset`` query parameters and the `Page` response shape) is `sme_kit.http_paging`. One rule
for every list: at most `MAX_LIMIT` items per page, `DEFAULT_LIMIT` unless asked, and the total
count of matches, so that a client can show "第 3 页，共 12 页" without asking twice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncSession

__all__ = ["DEFAULT_LIMIT", "MAX_LIMIT", "PageOf", "PageRequest", "fetch_page"]

T = TypeVar("T")
U = TypeVar("U")

DEFAULT_LIMIT = 50
# Larger pages cost the database and the browser more than a second request does.
MAX_LIMIT = 200


@dataclass(frozen=True)
class PageRequest:
    """Which slice of a list is wanted: ``limit`` items after skipping ``offset``."""

    limit: int = DEFAULT_LIMIT
    offset: int = 0

    def __post_init__(self) -> None:
        if self.limit < 1 or self.offset < 0:
            raise ValueError(f"a page needs limit >= 1 and offset >= 0, not {self.limit} and {self.offset}")


@dataclass(frozen=True)
class PageOf(Generic[T]):
    """One page of a list, with how many items match in all."""

    items: Sequence[T]
    total: int
    limit: int
    offset: int

    @classmethod
    def of(cls, items: Sequence[T], total: int, request: PageRequest) -> PageOf[T]:
        return cls(list(items), total, request.limit, request.offset)

    @classmethod
    def sliced(cls, items: Sequence[T], request: PageRequest) -> PageOf[T]:
        """The requested page of a list already in memory (ordered), and the list's length."""
        return cls.of(items[request.offset : request.offset + request.limit], len(items), request)

    def map(self, convert: Callable[[T], U]) -> PageOf[U]:
        """The same page with each item converted (a row to a domain object, an object to a view)."""
        return PageOf([convert(item) for item in self.items], self.total, self.limit, self.offset)


async def fetch_page(session: AsyncSession, query: Select[Any], request: PageRequest) -> PageOf[RowMapping]:
    """The requested page of ``query``'s rows and the number of all its rows.

    ``query`` must be ordered (``order_by`` on a unique column last), or pages may overlap. The
    count runs on the same filters; under READ COMMITTED a row committed between the two
    statements can make ``total`` and ``items`` disagree by that row, which a client only sees as
    one more (or fewer) page — the next request agrees again.
    """
    total = await session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    rows = (await session.execute(query.limit(request.limit).offset(request.offset))).mappings().all()
    return PageOf.of(rows, int(total or 0), request)
