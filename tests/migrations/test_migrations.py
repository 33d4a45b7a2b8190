"""Every service's migrations run on both backends: PostgreSQL (tests, production) and SQLite (`make run`)."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from sqlalchemy import inspect

from sme_kit.db import create_engine
from sme_kit.migrations import upgrade_async
from sme_kit.tables import kit_metadata

pytestmark = pytest.mark.integration

SERVICES = ["registry", "review", "activities", "assessment", "notifications"]


def migrations_dir(service: str) -> Path:
    return Path(importlib.import_module(f"sme_{service}.bootstrap").MIGRATIONS)


def service_tables(service: str) -> set[str]:
    return set(importlib.import_module(f"sme_{service}.adapters.orm").metadata.tables)


async def tables_of(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            return set(await conn.run_sync(lambda sync: inspect(sync).get_table_names()))
    finally:
        await engine.dispose()


@pytest.mark.parametrize("service", SERVICES)
async def test_migrations_create_every_table_on_postgresql(service: str, database_url: str) -> None:
    await upgrade_async(migrations_dir(service), database_url)
    assert await tables_of(database_url) >= set(kit_metadata.tables) | service_tables(service) | {"alembic_version"}


@pytest.mark.parametrize("service", SERVICES)
async def test_migrations_create_every_table_on_sqlite_and_run_twice_harmlessly(service: str, tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / service}.sqlite"
    await upgrade_async(migrations_dir(service), url)
    await upgrade_async(migrations_dir(service), url)  # a restart of `make run` finds them done
    assert await tables_of(url) >= set(kit_metadata.tables) | service_tables(service)
