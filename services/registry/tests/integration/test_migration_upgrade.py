"""Databases created with revision 0001 (the walking skeleton) upgrade and keep their applications."""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from sme_kit.db import create_engine, session_factory
from sme_kit.migrations import upgrade
from sme_kit.vocabulary import SHANGHAI
from sme_registry.adapters.applications_repository import ApplicationRepository
from sme_registry.bootstrap import MIGRATIONS
from sme_registry.domain.applications import ApplicationStatus

pytestmark = pytest.mark.integration


async def upgrade_keeps_an_application_of_revision_0001(url: str) -> None:
    await asyncio.to_thread(upgrade, MIGRATIONS, url, "0001")
    engine = create_engine(url)
    try:
        async with engine.begin() as conn:
            await conn.execute(
                text(
                    "INSERT INTO applications (id, uscc, entity_name, district_code, kind, round_year, status, "
                    "created_at) VALUES ('a-old', '91440106MA59C1XE2H', '广州市天河区创新企业服务有限公司', "
                    "'440106', 'new', 2026, 'draft', :created)"
                ),
                {"created": datetime(2026, 11, 1, 2, tzinfo=SHANGHAI)},
            )
        await asyncio.to_thread(upgrade, MIGRATIONS, url, "head")
        async with session_factory(engine)() as session:
            found = await ApplicationRepository(session).get("a-old")
    finally:
        await engine.dispose()
    assert found is not None
    assert (found.uscc, found.district_code, found.status) == ("91440106MA59C1XE2H", "440106", ApplicationStatus.DRAFT)
    assert (found.form.staff, found.submissions, found.updated_at) == ((), 0, found.created_at)


async def test_an_application_of_revision_0001_survives_the_upgrade_on_postgresql(database_url: str) -> None:
    await upgrade_keeps_an_application_of_revision_0001(database_url)


async def test_an_application_of_revision_0001_survives_the_upgrade_on_sqlite(tmp_path: Path) -> None:
    await upgrade_keeps_an_application_of_revision_0001(f"sqlite+aiosqlite:///{tmp_path / 'registry.sqlite'}")
