"""Information changes (§4.4) and the service convention (§4.1.4)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from sme_contracts.registry import StationConventionSigned, StationInfoChanged

from .conftest import CONTACT_PHONE, LEGAL_REPRESENTATIVE, OTHER_USCC, Registry, full_form

pytestmark = pytest.mark.integration

TOPIC = "gz.sme.registry.station"
NEW_REPRESENTATIVE = "慕容建国"


async def a_station(registry: Registry) -> dict[str, Any]:
    await registry.open_round()
    return await registry.recognise(await registry.forwarded())


async def report(registry: Registry, station: dict[str, Any], body: dict[str, Any], **claims: str):  # type: ignore[no-untyped-def]
    return await registry.http.post(
        f"/stations/{station['id']}/changes", json=body, headers=registry.operator(station_id=station["id"], **claims)
    )


async def test_a_change_reported_on_day_30_is_on_time_and_applied_with_history(registry: Registry) -> None:
    station = await a_station(registry)
    completed = registry.today() - timedelta(days=30)
    response = await report(
        registry,
        station,
        {
            "completed_on": completed.isoformat(),
            "name": {"entity_name": "广州市天河区创新企业服务集团有限公司"},
            "legal_representative": NEW_REPRESENTATIVE,
        },
    )
    assert response.status_code == 201, response.text
    change = response.json()
    assert (change["kinds"], change["late"]) == (["name", "legal_representative"], False)
    assert change["before"]["legal_representative"] == LEGAL_REPRESENTATIVE

    view = (await registry.http.get(f"/stations/{station['id']}", headers=registry.district())).json()
    assert (view["entity_name"], view["legal_representative"]) == (
        "广州市天河区创新企业服务集团有限公司",
        NEW_REPRESENTATIVE,
    )
    history = (await registry.http.get(f"/stations/{station['id']}/changes", headers=registry.bureau)).json()
    assert [c["id"] for c in history["items"]] == [change["id"]]
    assert (history["total"], history["limit"], history["offset"]) == (1, 50, 0)

    reader = registry.reader(TOPIC)
    [event] = await reader.wait_for(StationInfoChanged)
    assert (event.fields_changed, event.late, event.completed_on) == (
        ["name", "legal_representative"],
        False,
        completed,
    )
    leaked = [v for raw in reader.raw for v in (NEW_REPRESENTATIVE, LEGAL_REPRESENTATIVE) if v in raw.decode()]
    assert leaked == []


async def test_only_the_stations_operator_reports_its_changes(registry: Registry) -> None:
    station = await a_station(registry)
    body = {"completed_on": registry.today().isoformat(), "contact": {"name": "独孤求", "phone": "13700001111"}}
    other = await registry.http.post(
        f"/stations/{station['id']}/changes", json=body, headers=registry.operator(OTHER_USCC)
    )
    assert other.status_code == 404
    district = await registry.http.post(f"/stations/{station['id']}/changes", json=body, headers=registry.district())
    assert district.status_code == 403
    view = (await registry.http.get(f"/stations/{station['id']}", headers=registry.bureau)).json()
    assert view["contact"]["phone"] == CONTACT_PHONE


async def test_the_operator_signs_the_convention_once_and_the_bureau_sees_who_has_not(registry: Registry) -> None:
    await registry.open_round()
    signing = await registry.recognise(await registry.forwarded())
    silent = await registry.recognise(
        await registry.forwarded(full_form(uscc=OTHER_USCC, district_code="440104")),
        uscc=OTHER_USCC,
        district_code="440104",
    )
    body = {"signatory_name": "欧阳振华", "signatory_title": "法定代表人"}
    signed = await registry.http.post(
        f"/stations/{signing['id']}/convention", json=body, headers=registry.operator(station_id=signing["id"])
    )
    assert signed.status_code == 200, signed.text
    assert (signed.json()["convention"]["version"], signed.json()["convention_signed"]) == ("2026.1", True)
    again = await registry.http.post(
        f"/stations/{signing['id']}/convention", json=body, headers=registry.operator(station_id=signing["id"])
    )
    assert again.status_code == 409

    unsigned = await registry.http.get("/stations", params={"convention_signed": "false"}, headers=registry.bureau)
    assert [s["id"] for s in unsigned.json()["items"]] == [silent["id"]]
    signed_list = await registry.http.get("/stations", params={"convention_signed": "true"}, headers=registry.bureau)
    assert [s["id"] for s in signed_list.json()["items"]] == [signing["id"]]

    [event] = await registry.reader(TOPIC).wait_for(StationConventionSigned)
    assert (event.station_id, event.convention_version) == (signing["id"], "2026.1")
    assert "欧阳振华" not in event.model_dump_json()
    trail = await registry.http.get("/audit", params={"target_id": signing["id"]}, headers=registry.bureau)
    assert "sign_convention" in [e["action"] for e in trail.json()]


async def test_only_the_operator_of_the_station_signs_its_convention(registry: Registry) -> None:
    station = await a_station(registry)
    body = {"signatory_name": "欧阳振华"}
    other = await registry.http.post(
        f"/stations/{station['id']}/convention", json=body, headers=registry.operator(OTHER_USCC)
    )
    assert other.status_code == 404
    bureau = await registry.http.post(f"/stations/{station['id']}/convention", json=body, headers=registry.bureau)
    assert bureau.status_code == 403
