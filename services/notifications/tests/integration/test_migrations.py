"""The skeleton's deliveries survive the upgrade to the delivery lifecycle, on PostgreSQL and SQLite."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from sme_kit.db import create_engine
from sme_kit.migrations import upgrade_async
from sme_notifications.bootstrap import MIGRATIONS

pytestmark = pytest.mark.integration

SKELETON_ROW = (
    "INSERT INTO deliveries (event_id, event_type, recipient, channel, subject, body, status, created_at) "
    "VALUES ('e-1', 'gz.sme.registry.application.submitted.v1', 'district:440106', 'in_app', "
    "'有新的服务站申请待初审', '……', 'delivered', :at)"
)


async def _upgrade_with_a_skeleton_row(url: str) -> dict[str, Any]:
    import asyncio

    from alembic import command

    from sme_kit.migrations import alembic_config

    await asyncio.to_thread(command.upgrade, alembic_config(MIGRATIONS, url), "0001")
    engine = create_engine(url)
    try:
        async with engine.begin() as conn:
            await conn.execute(text(SKELETON_ROW), {"at": datetime.fromisoformat("2026-11-20T02:00:00")})
        await upgrade_async(MIGRATIONS, url)
        async with engine.connect() as conn:
            row = (await conn.execute(text("SELECT * FROM deliveries"))).mappings().one()
            return dict(row)
    finally:
        await engine.dispose()


def _kept(row: dict[str, Any]) -> None:
    assert row["recipient"] == row["audience"] == "district:440106"
    assert row["status"] == "delivered"
    assert row["attempts"] == 1
    assert len(str(row["delivery_id"])) == 36
    assert row["template_id"] == "walking_skeleton"
    assert row["template_version"] == 1


async def test_skeleton_deliveries_are_kept_on_postgresql(database_url: str) -> None:
    _kept(await _upgrade_with_a_skeleton_row(database_url))


async def test_skeleton_deliveries_are_kept_on_sqlite(tmp_path: Path) -> None:
    _kept(await _upgrade_with_a_skeleton_row(f"sqlite+aiosqlite:///{tmp_path / 'notifications.sqlite'}"))
