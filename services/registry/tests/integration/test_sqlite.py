"""The embedded default of `make run`: the whole flow also works on SQLite.

Between steps the test lets the outbox relay finish: on SQLite a use case that read before the
relay's commit cannot write after it (WAL snapshot, SQLITE_BUSY_SNAPSHOT), because the kit's units
of work begin deferred transactions. That is a limitation of the kit on SQLite (reported), not
of these queries, which is what this test is about.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from sme_kit.testing import wait_until
from sme_registry.config import RegistrySettings

from .conftest import running, today

pytestmark = pytest.mark.integration


async def test_application_to_register_to_change_runs_on_sqlite(
    registry_settings: RegistrySettings, tmp_path: Path
) -> None:
    settings = registry_settings.model_copy(
        update={"database_url": f"sqlite+aiosqlite:///{tmp_path / 'registry.sqlite'}"}
    )
    async with running(settings) as registry:

        async def settled() -> bool:
            return await registry.runtime.relay.pending() == 0

        await registry.open_round()
        application_id = await registry.submitted()
        await wait_until(settled, what="the outbox to drain")
        forwarded = await registry.http.post(
            f"/applications/{application_id}/forward", json={}, headers=registry.district()
        )
        assert forwarded.status_code == 200, forwarded.text
        await wait_until(settled, what="the outbox to drain")
        station = await registry.recognise(application_id)
        await wait_until(settled, what="the outbox to drain")
        assert station["station_number"] == f"GZSME-{today().year}-0001"
        change = await registry.http.post(
            f"/stations/{station['id']}/changes",
            json={"completed_on": (today() - timedelta(days=31)).isoformat(), "legal_representative": "赵磊"},
            headers=registry.operator(),
        )
        assert change.json()["late"] is True
        await wait_until(settled, what="the outbox to drain")
        signed = await registry.http.post(
            f"/stations/{station['id']}/convention", json={"signatory_name": "赵磊"}, headers=registry.operator()
        )
        assert signed.json()["convention_signed"] is True
        public = (await registry.http.get("/public/stations", params={"service": "legal", "name": "天河"})).json()
        assert [s["id"] for s in public["items"]] == [station["id"]]
