"""The embedded default of `make run`: the whole flow also works on SQLite.

Steps follow each other at once, while the outbox relay commits in between: the kit begins
SQLite transactions IMMEDIATE, so a use case never reads a snapshot it then cannot write on.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from sme_registry.config import RegistrySettings

from .conftest import running

pytestmark = pytest.mark.integration


async def test_application_to_register_to_change_runs_on_sqlite(
    registry_settings: RegistrySettings, tmp_path: Path
) -> None:
    settings = registry_settings.model_copy(
        update={"database_url": f"sqlite+aiosqlite:///{tmp_path / 'registry.sqlite'}"}
    )
    async with running(settings) as registry:
        await registry.open_round()
        application_id = await registry.submitted()
        forwarded = await registry.http.post(
            f"/applications/{application_id}/forward", json={}, headers=registry.district()
        )
        assert forwarded.status_code == 200, forwarded.text
        station = await registry.recognise(application_id)
        assert station["station_number"] == f"GZSME-{registry.today().year}-0001"
        change = await registry.http.post(
            f"/stations/{station['id']}/changes",
            json={"completed_on": (registry.today() - timedelta(days=31)).isoformat(), "legal_representative": "赵磊"},
            headers=registry.operator(),
        )
        assert change.json()["late"] is True
        signed = await registry.http.post(
            f"/stations/{station['id']}/convention", json={"signatory_name": "赵磊"}, headers=registry.operator()
        )
        assert signed.json()["convention_signed"] is True
        public = (await registry.http.get("/public/stations", params={"service": "legal", "name": "天河"})).json()
        assert [s["id"] for s in public["items"]] == [station["id"]]
