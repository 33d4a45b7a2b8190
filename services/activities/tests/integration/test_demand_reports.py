"""Quarterly demand reports: one per station and quarter (resubmission replaces, history kept), aggregates, access."""

from __future__ import annotations

import pytest

from sme_contracts.activities import DemandReportSubmitted
from sme_contracts.common import StationStatus
from sme_kit.testing.events import Events

from .conftest import Registry, Service

pytestmark = pytest.mark.integration


def report(
    industry: str = "智能制造", surveyed: int = 30, need: str = "financing", enterprises: int = 12
) -> dict[str, object]:
    return {
        "industries": [{"industry": industry, "enterprises_surveyed": surveyed, "main_needs": [need]}],
        "needs": [{"category": need, "enterprises": enterprises, "description": "抵押物不足，融资难"}],
        "enterprise_conditions": "园区企业订单总体平稳。",
        "service_needs": "希望开展知识产权质押融资对接。",
    }


async def test_a_resubmission_replaces_the_report_and_keeps_the_earlier_revision(
    service: Service, registry: Registry, events: Events
) -> None:
    await registry.register("st-1")
    await service.wait_for_station("st-1")
    station = service.operator("st-1")
    first = await service.http.put("/demand-reports/2026/4", json=report(surveyed=30), headers=station)
    assert first.status_code == 200, first.text
    second = await service.http.put("/demand-reports/2026/4", json=report(surveyed=45), headers=station)
    assert (second.json()["id"], second.json()["revision"]) == (first.json()["id"], 2)
    future = await service.http.put("/demand-reports/2027/1", json=report(), headers=station)
    assert future.status_code == 422

    shown = (await service.http.get(f"/demand-reports/{first.json()['id']}", headers=station)).json()
    assert shown["enterprises_surveyed"] == 45
    assert [
        (r["revision"], r["content"]["industries"][0]["enterprises_surveyed"]) for r in shown["earlier_revisions"]
    ] == [(1, 30)]
    assert (await service.http.get("/demand-reports", headers=service.bureau)).json()["total"] == 1

    found = await events("gz.sme.activities.demand_report", lambda seen: len(seen) >= 2)
    assert [
        (e.revision, e.enterprises_surveyed, e.need_categories) for e in found if isinstance(e, DemandReportSubmitted)
    ] == [
        (1, 30, ["financing"]),
        (2, 45, ["financing"]),
    ]


async def test_a_station_sees_its_own_reports_only_and_a_district_its_own_districts(
    service: Service, registry: Registry
) -> None:
    await registry.register("st-1", district="440106")
    await registry.register("st-2", district="440106")
    await registry.register("st-3", district="440104")
    await service.wait_for_station("st-3")
    ids = {}
    for station_id, body in (
        ("st-1", report("智能制造", 30, "financing", 12)),
        ("st-2", report("智能制造", 10, "talent", 4)),
        ("st-3", report("跨境电商", 20, "legal", 7)),
    ):
        response = await service.http.put("/demand-reports/2026/4", json=body, headers=service.operator(station_id))
        ids[station_id] = response.json()["id"]

    own = (await service.http.get("/demand-reports", headers=service.operator("st-1"))).json()["items"]
    assert [r["station_id"] for r in own] == ["st-1"]
    assert (
        await service.http.get(f"/demand-reports/{ids['st-2']}", headers=service.operator("st-1"))
    ).status_code == 404
    tianhe = (await service.http.get("/demand-reports", headers=service.district("440106"))).json()["items"]
    assert sorted(r["station_id"] for r in tianhe) == ["st-1", "st-2"]
    assert (
        await service.http.get(f"/demand-reports/{ids['st-3']}", headers=service.district("440106"))
    ).status_code == 404

    by_district = (
        await service.http.get(
            "/demand-reports/aggregate", params={"by": "district", "year": 2026}, headers=service.head
        )
    ).json()
    assert [(g["key"], g["reports"], g["enterprises_surveyed"]) for g in by_district] == [
        ("440104", 1, 20),
        ("440106", 2, 40),
    ]
    by_industry = (
        await service.http.get(
            "/demand-reports/aggregate", params={"by": "industry", "year": 2026}, headers=service.bureau
        )
    ).json()
    assert [(g["key"], g["stations"], g["enterprises_surveyed"]) for g in by_industry] == [
        ("智能制造", 2, 40),
        ("跨境电商", 1, 20),
    ]
    district_view = (
        await service.http.get(
            "/demand-reports/aggregate",
            params={"by": "district", "year": 2026, "district_code": "440104"},
            headers=service.district("440106"),
        )
    ).json()
    assert [g["key"] for g in district_view] == ["440106"]  # its own district, whatever it asks for
    refused = await service.http.get(
        "/demand-reports/aggregate", params={"by": "district", "year": 2026}, headers=service.operator("st-1")
    )
    assert refused.status_code == 403


async def test_a_revoked_station_can_no_longer_report(service: Service, registry: Registry) -> None:
    await registry.register("st-1")
    await registry.change_status("st-1", StationStatus.REVOKED)
    await service.wait_for_station("st-1", status="revoked")
    refused = await service.http.put("/demand-reports/2026/4", json=report(), headers=service.operator("st-1"))
    assert refused.status_code == 409
