"""Personal data stays in registry's full records: never in the logs of a whole flow."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest

from sme_contracts.registry import StationInfoChanged
from sme_kit.logs import configure_logging

from .conftest import PERSONAL_DATA, Registry, full_form

pytestmark = pytest.mark.integration


async def test_the_json_logs_of_a_whole_flow_hold_none_of_the_personal_data_submitted(registry: Registry) -> None:
    # The service's own JSON handler (redacting filter included), writing where the test can read it.
    captured = io.StringIO()
    configure_logging("registry", "INFO", stream=captured)
    await registry.open_round()
    incomplete = full_form(staff=full_form()["staff"][:1])
    application_id = await registry.draft(incomplete)
    await registry.attach(application_id)
    assert (await registry.submit(application_id)).status_code == 422
    await registry.http.put(f"/applications/{application_id}", json=full_form(), headers=registry.operator())
    assert (await registry.submit(application_id)).status_code == 200
    await registry.http.post(
        f"/applications/{application_id}/return", json={"reasons": ["补充社保证明"]}, headers=registry.district()
    )
    assert (await registry.submit(application_id)).status_code == 200
    await registry.http.post(f"/applications/{application_id}/forward", json={}, headers=registry.district())
    station = await registry.recognise(application_id)
    await registry.http.post(
        f"/stations/{station['id']}/changes",
        json={
            "completed_on": (registry.today() - timedelta(days=40)).isoformat(),
            "contact": {"name": "端木新", "phone": "13766667777"},
        },
        headers=registry.operator(),
    )
    await registry.http.post(
        f"/stations/{station['id']}/convention", json={"signatory_name": "欧阳振华"}, headers=registry.operator()
    )
    await registry.http.get(f"/stations/{station['id']}", headers=registry.bureau)
    await registry.reader("gz.sme.registry.station").wait_for(StationInfoChanged)

    logs = captured.getvalue()
    assert f"application {application_id} submitted" in logs  # the service's JSON logs were captured
    assert '"logger": "sme_registry.service_layer.register_events"' in logs
    leaked = [value for value in (*PERSONAL_DATA, "端木新", "13766667777") if value in logs]
    assert leaked == []
