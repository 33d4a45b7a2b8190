"""Insert-or-update and insert-or-ignore on SQLite, the backend of `make run` (PostgreSQL shares the code path)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Column, Integer, String, Table, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from sme_kit.db import create_engine, new_metadata, session_factory
from sme_kit.upsert import insert_for, insert_or_ignore, insert_or_update

metadata = new_metadata()
contacts = Table(
    "contacts",
    metadata,
    Column("uscc", String(18), primary_key=True),
    Column("name", String(200)),
    Column("email", String(200)),
    Column("created_at", String(32)),
)
counters = Table(
    "counters",
    metadata,
    Column("year", Integer, primary_key=True),
    Column("last_number", Integer, nullable=False),
)


@pytest.fixture
async def sessions(tmp_path: Path) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'upsert.db'}")
    async with engine.begin() as conn:
        await conn.run_sync(metadata.create_all)
    yield session_factory(engine)
    await engine.dispose()


async def _rows(sessions: async_sessionmaker[AsyncSession], table: Table) -> list[dict[str, Any]]:
    async with sessions() as session:
        return [dict(row) for row in (await session.execute(select(table))).mappings()]


async def test_insert_or_update_inserts_then_updates_every_column_but_the_keys(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    async with sessions() as session, session.begin():
        await insert_or_update(session, contacts, {"uscc": "A", "name": "甲", "email": "a@x.cn"}, keys=["uscc"])
    async with sessions() as session, session.begin():
        await insert_or_update(session, contacts, {"uscc": "A", "name": "甲公司", "email": None}, keys=["uscc"])
    assert await _rows(sessions, contacts) == [{"uscc": "A", "name": "甲公司", "email": None, "created_at": None}]


async def test_insert_or_update_with_column_names_keeps_the_others(sessions: async_sessionmaker[AsyncSession]) -> None:
    first = {"uscc": "A", "name": "甲", "email": "a@x.cn", "created_at": "day-1"}
    again = {"uscc": "A", "name": "甲公司", "email": "new@x.cn", "created_at": "day-2"}
    async with sessions() as session, session.begin():
        await insert_or_update(session, contacts, first, keys=["uscc"], update=["name", "email"])
        await insert_or_update(session, contacts, again, keys=["uscc"], update=["name", "email"])
    assert await _rows(sessions, contacts) == [
        {"uscc": "A", "name": "甲公司", "email": "new@x.cn", "created_at": "day-1"}
    ]


async def test_insert_or_update_with_a_mapping_sets_exactly_those_values(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    async with sessions() as session, session.begin():
        await insert_or_update(session, contacts, {"uscc": "A", "name": "甲", "email": "a@x.cn"}, keys=["uscc"])
        await insert_or_update(
            session, contacts, {"uscc": "A", "name": "ignored"}, keys=["uscc"], update={"email": None}
        )
    assert await _rows(sessions, contacts) == [{"uscc": "A", "name": "甲", "email": None, "created_at": None}]


async def test_insert_or_update_with_nothing_to_update_keeps_the_row(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    async with sessions() as session, session.begin():
        await insert_or_update(session, counters, {"year": 2026, "last_number": 7}, keys=["year"])
        await insert_or_update(session, counters, {"year": 2026, "last_number": 0}, keys=["year"], update=[])
    assert await _rows(sessions, counters) == [{"year": 2026, "last_number": 7}]


async def test_insert_or_update_needs_its_keys(sessions: async_sessionmaker[AsyncSession]) -> None:
    async with sessions() as session:
        with pytest.raises(ValueError, match="key columns"):
            await insert_or_update(session, counters, {"year": 2026, "last_number": 0}, keys=[])


async def test_insert_or_ignore_says_whether_it_inserted(sessions: async_sessionmaker[AsyncSession]) -> None:
    async with sessions() as session, session.begin():
        assert await insert_or_ignore(session, counters, {"year": 2026, "last_number": 0}) is True
        assert await insert_or_ignore(session, counters, {"year": 2026, "last_number": 5}) is False
        assert await insert_or_ignore(session, counters, {"year": 2026, "last_number": 5}, keys=["year"]) is False
    assert await _rows(sessions, counters) == [{"year": 2026, "last_number": 0}]


async def test_insert_for_follows_the_session_dialect(sessions: async_sessionmaker[AsyncSession]) -> None:
    async with sessions() as session:
        assert type(insert_for(session, counters)).__module__.startswith("sqlalchemy.dialects.sqlite")
