"""The hand-written migrations build exactly the tables the code declares, on PostgreSQL and on SQLite,
and the service runs on SQLite as ``make run`` starts it."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from sme_assessment.adapters.orm import metadata
from sme_assessment.bootstrap import MIGRATIONS
from sme_assessment.config import AssessmentSettings
from sme_contracts.assessment import StationRevoked
from sme_kit.db import create_engine
from sme_kit.migrations import upgrade_async

from .conftest import Others, running

pytestmark = pytest.mark.integration


async def differences(url: str) -> list[object]:
    await upgrade_async(MIGRATIONS, url)
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:

            def ours(name: str | None, kind: str, parents: dict[str, str | None]) -> bool:
                # The kit's tables have their own revision helpers; only this service's tables are compared.
                if kind == "schema":
                    return True
                table = name if kind == "table" else parents.get("table_name")
                return table in metadata.tables

            def compare(sync_conn: object) -> list[object]:
                opts = {"compare_type": True, "include_name": ours}
                context = MigrationContext.configure(sync_conn, opts=opts)  # type: ignore[arg-type]
                return list(compare_metadata(context, metadata))

            return await conn.run_sync(compare)
    finally:
        await engine.dispose()


async def test_the_migrations_match_the_declared_tables_on_postgresql(database_url: str) -> None:
    assert await differences(database_url) == []


async def test_the_migrations_match_the_declared_tables_on_sqlite(tmp_path: Path) -> None:
    assert await differences(f"sqlite+aiosqlite:///{tmp_path / 'assessment.sqlite'}") == []


async def test_a_withdrawal_is_decided_on_sqlite_as_make_run_stores_it(
    settings: AssessmentSettings, tmp_path: Path, others: Others
) -> None:
    on_sqlite = settings.model_copy(update={"database_url": f"sqlite+aiosqlite:///{tmp_path / 'run.sqlite'}"})
    async with running(on_sqlite) as service:
        await others.register("st-1")
        await service.wait_for_stations("st-1")
        case = await service.ok(
            "POST", "/stations/st-1/withdrawal", service.operator("st-1"), 201, data={"reason": "申请退出"}
        )
        await service.ok(
            "POST", "/stations/st-1/withdrawal", service.operator("st-1"), 409, data={"reason": "再次申请"}
        )
        decision = {"decision": "revoke", "reason": "同意运营机构退出申请"}
        await service.ok("POST", f"/revocations/{case['id']}/decision", service.bureau, json=decision)
        revoked = await service.reader("gz.sme.assessment.revocation").wait_for(StationRevoked)
        assert [e.station_id for e in revoked] == ["st-1"]
