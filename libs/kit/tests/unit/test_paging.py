"""Paging: the query parameters with their cap, the response shape, and a page of a SQL query."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Annotated

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import Column, Integer, Table, select

from sme_kit.db import create_engine, new_metadata, session_factory
from sme_kit.http_paging import Page, Paging, paging
from sme_kit.paging import PageOf, PageRequest, fetch_page

metadata = new_metadata()
numbers = Table("numbers", metadata, Column("n", Integer, primary_key=True))
RegisterPaging = Annotated[PageRequest, paging(default_limit=20, max_limit=100)]


def _app() -> FastAPI:
    app = FastAPI()
    everything = PageOf(list(range(1000)), 1000, 0, 0)

    @app.get("/numbers")
    async def list_numbers(page: Paging) -> Page[str]:
        found = PageOf.of(everything.items[page.offset : page.offset + page.limit], everything.total, page)
        return Page.of(found, str)

    @app.get("/register")
    async def register(page: RegisterPaging) -> dict[str, int]:
        return {"limit": page.limit, "offset": page.offset}

    return app


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=_app()), base_url="http://test") as http:
        yield http


async def test_a_page_has_its_items_the_total_and_what_was_asked(client: httpx.AsyncClient) -> None:
    body = (await client.get("/numbers", params={"limit": 3, "offset": 10})).json()
    assert body == {"items": ["10", "11", "12"], "total": 1000, "limit": 3, "offset": 10}


async def test_the_default_page_size_is_50(client: httpx.AsyncClient) -> None:
    body = (await client.get("/numbers")).json()
    assert (len(body["items"]), body["limit"], body["offset"]) == (50, 50, 0)


@pytest.mark.parametrize("params", [{"limit": 201}, {"limit": 0}, {"offset": -1}])
async def test_a_page_beyond_the_cap_or_below_zero_is_refused(
    client: httpx.AsyncClient, params: dict[str, int]
) -> None:
    assert (await client.get("/numbers", params=params)).status_code == 422


async def test_a_list_may_have_its_own_default_and_cap(client: httpx.AsyncClient) -> None:
    assert (await client.get("/register")).json() == {"limit": 20, "offset": 0}
    assert (await client.get("/register", params={"limit": 101})).status_code == 422


def test_a_page_request_refuses_nonsense() -> None:
    with pytest.raises(ValueError, match="limit >= 1"):
        PageRequest(limit=0)
    with pytest.raises(ValueError, match="default page size"):
        paging(default_limit=300)


async def test_fetch_page_counts_all_rows_and_returns_the_slice(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'paging.db'}")
    async with engine.begin() as conn:
        await conn.run_sync(metadata.create_all)
        await conn.execute(numbers.insert(), [{"n": n} for n in range(1, 26)])
    async with session_factory(engine)() as session:
        odd = select(numbers).where(numbers.c.n % 2 == 1).order_by(numbers.c.n.desc())
        found = await fetch_page(session, odd, PageRequest(limit=5, offset=5))
    await engine.dispose()
    assert (found.total, found.limit, found.offset) == (13, 5, 5)
    assert found.map(lambda row: row["n"]).items == [15, 13, 11, 9, 7]


def test_a_list_in_memory_is_sliced_into_the_requested_page_with_its_length() -> None:
    page = PageOf.sliced(list("abcdefg"), PageRequest(limit=3, offset=3))

    assert (list(page.items), page.total, page.limit, page.offset) == (["d", "e", "f"], 7, 3, 3)
    assert list(PageOf.sliced(list("ab"), PageRequest(limit=3, offset=5)).items) == []
