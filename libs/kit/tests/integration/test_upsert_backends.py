"""Insert-or-update and insert-or-ignore on each backend the kit supports, under concurrent writers."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import Column, Integer, String, Table, select

from sme_kit.db import new_metadata, session_factory
from sme_kit.upsert import insert_or_ignore, insert_or_update

from .conftest import KitEnv

pytestmark = pytest.mark.integration

metadata = new_metadata()
stations = Table(
    "upsert_stations",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("revision", Integer, nullable=False),
)


async def test_concurrent_saves_of_one_row_all_succeed_and_the_last_write_stays(kit_env: KitEnv) -> None:
    async with kit_env.engine.begin() as conn:
        await conn.run_sync(metadata.create_all)
    sessions = session_factory(kit_env.engine)

    async def save(revision: int) -> None:
        async with sessions() as session, session.begin():
            await insert_or_update(
                session, stations, {"id": "st-a", "name": f"站 {revision}", "revision": revision}, keys=["id"]
            )

    # A select-then-insert fails here on PostgreSQL: two writers both see no row and both insert.
    await asyncio.gather(*(save(revision) for revision in range(1, 9)))
    async with sessions() as session:
        [row] = (await session.execute(select(stations))).mappings().all()
    assert row["name"] == f"站 {row['revision']}"

    async with sessions() as session, session.begin():
        new = await insert_or_ignore(session, stations, {"id": "st-a", "name": "x", "revision": 0}, keys=["id"])
        other = await insert_or_ignore(session, stations, {"id": "st-b", "name": "乙", "revision": 1})
    assert (new, other) == (False, True)
