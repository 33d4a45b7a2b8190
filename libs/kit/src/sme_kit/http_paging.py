"""The HTTP side of paging: ``?limit=&offset=`` query parameters and the one page response shape.

Routes read::

    @router.get("/stations")
    async def list_stations(paging: Paging, uow: UowFactoryDep) -> Page[StationView]:
        found = await use_cases.stations(uow, page=paging)      # a PageOf[Station]
        return Page.of(found, StationView.of)

A ``limit`` above the cap is a 422 (not silently lowered), so a client learns the rule at once.
A list with a rule of its own (a public register of 20 per page) declares its own alias:
``RegisterPaging = Annotated[PageRequest, paging(default_limit=20, max_limit=100)]``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Query, params
from pydantic import BaseModel, Field

from sme_kit.paging import DEFAULT_LIMIT, MAX_LIMIT, PageOf, PageRequest

__all__ = ["Page", "Paging", "paging"]

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a list and the total number of matches."""

    items: list[T]
    total: int = Field(description="How many match the filters in all, over every page.")
    limit: int = Field(description="The page size asked for.")
    offset: int = Field(description="How many were skipped.")

    @classmethod
    def of(cls, found: PageOf[Any], view: Callable[[Any], T]) -> Page[T]:
        """The response of a use case's page, each item shown through ``view``."""
        return cls(
            items=[view(item) for item in found.items], total=found.total, limit=found.limit, offset=found.offset
        )


def paging(*, default_limit: int = DEFAULT_LIMIT, max_limit: int = MAX_LIMIT) -> params.Depends:
    """A dependency reading ``limit`` (1..``max_limit``) and ``offset`` (>= 0) into a `PageRequest`."""
    if not 1 <= default_limit <= max_limit:
        raise ValueError("the default page size must lie between 1 and the maximum")

    def page_request(
        limit: int = Query(default_limit, ge=1, le=max_limit, description=f"Page size, at most {max_limit}."),
        offset: int = Query(0, ge=0, description="How many to skip."),
    ) -> PageRequest:
        return PageRequest(limit=limit, offset=offset)

    return params.Depends(page_request)


# The usual rule: 50 per page unless asked, at most 200.
Paging = Annotated[PageRequest, paging()]
