"""SME service requests: routing, acceptance, matching, closing, escalation after 5 working days, access."""

from __future__ import annotations

from datetime import datetime

import pytest

from sme_contracts.activities import (
    ServiceRequestAccepted,
    ServiceRequestClosed,
    ServiceRequestEscalated,
    ServiceRequestMatched,
    ServiceRequestReceived,
    ServiceRequestRouted,
)
from sme_contracts.common import ServiceCategory, StationStatus
from sme_kit.testing.events import Events

from .conftest import Registry, Service

pytestmark = pytest.mark.integration


def filed(**changes: str | None) -> dict[str, str | None]:
    return {
        "company_name": "广州某智能科技有限公司",
        "uscc": "91440106MA59C1XE2H",
        "contact_name": "李小明",
        "contact_phone": "13800138000",
        "district_code": "440106",
        "category": "financing",
        "details": "计划申请知识产权质押贷款约300万元，希望对接合作银行。",
        **changes,
    }


@pytest.mark.clock_start("2026-11-28T10:00:00+08:00")  # a Saturday: the next working day counts first
async def test_a_request_is_routed_accepted_matched_and_closed_with_the_enterprises_satisfaction(
    service: Service, registry: Registry, events: Events
) -> None:
    await registry.register("st-1", services=[ServiceCategory.LEGAL])
    await registry.register("st-2", services=[ServiceCategory.FINANCING])
    await registry.register("st-3", district="440104", services=[ServiceCategory.FINANCING])
    await service.wait_for_station("st-3")

    request = await service.file_confirmed(filed())
    assert (request["confirmed"], request["station_id"], request["assignment"]) == (True, "st-2", "district_match")
    assert request["acceptance_due_on"] == "2026-12-04"  # received Sat 11-28: 11-30 .. 12-04
    chosen = await service.file_confirmed(filed(station_id="st-3"))
    assert (chosen["station_id"], chosen["assignment"]) == ("st-3", "sme_choice")
    nobody = await service.file_confirmed(filed(district_code="440113"))
    assert (nobody["station_id"], nobody["assignment"]) == (None, "head_station")
    revoked_choice = await service.http.post("/service-requests", json=filed(station_id="st-unknown"))
    assert revoked_choice.status_code == 409

    url = f"/service-requests/{request['id']}"
    station = service.operator("st-2")
    assert (await service.http.post(f"{url}/accept", headers=service.operator("st-1"))).status_code == 404
    early_head = await service.http.post(f"{url}/accept", headers=service.head)
    assert early_head.status_code == 409
    assert (await service.http.post(f"{url}/accept", headers=station)).json()["status"] == "accepted"
    matched = await service.http.post(
        f"{url}/match", json={"handling": "institution", "institution_name": "广州某融资担保有限公司"}, headers=station
    )
    assert matched.json()["status"] == "matched"
    bad = await service.http.post(
        f"{url}/close", json={"outcome": "resolved", "note": "x", "satisfaction": 0}, headers=station
    )
    assert bad.status_code == 422
    closed = await service.http.post(
        f"{url}/close",
        json={"outcome": "resolved", "note": "企业获批贷款200万元。", "satisfaction": 5},
        headers=station,
    )
    assert (closed.json()["status"], closed.json()["satisfaction"]) == ("closed", 5)
    progress = await service.http.get(f"{url}/progress", params={"uscc": "91440106MA59C1XE2H"})
    assert progress.json()["status"] == "closed"
    assert "contact_name" not in progress.json()
    assert (await service.http.get(f"{url}/progress", params={"uscc": "91440106MA59C1XE3L"})).status_code == 404

    found = await events(
        "gz.sme.activities.service_request", lambda seen: any(isinstance(e, ServiceRequestClosed) for e in seen)
    )
    mine = [e for e in found if getattr(e, "request_id", None) == request["id"]]
    assert [type(e) for e in mine] == [
        ServiceRequestReceived,
        ServiceRequestAccepted,
        ServiceRequestMatched,
        ServiceRequestClosed,
    ]
    assert mine[-1].satisfaction == 5
    for event in found:
        assert "李小明" not in event.model_dump_json()
        assert "13800138000" not in event.model_dump_json()


async def test_a_station_sees_its_own_requests_only_and_a_district_its_own_district(
    service: Service, registry: Registry
) -> None:
    await registry.register("st-1")
    await registry.register("st-2")
    await registry.register("st-3", district="440104")
    await service.wait_for_station("st-3")
    to_1 = await service.file_confirmed(filed(station_id="st-1"))
    to_2 = await service.file_confirmed(filed(station_id="st-2"))
    to_3 = await service.file_confirmed(filed(station_id="st-3", district_code="440104"))

    listed = (await service.http.get("/service-requests", headers=service.operator("st-1"))).json()["items"]
    assert [r["id"] for r in listed] == [to_1["id"]]
    assert (
        await service.http.get(f"/service-requests/{to_2['id']}", headers=service.operator("st-1"))
    ).status_code == 404
    tianhe = (await service.http.get("/service-requests", headers=service.district("440106"))).json()["items"]
    assert {r["id"] for r in tianhe} == {to_1["id"], to_2["id"]}
    assert all(r["contact_phone"] is None for r in tianhe)
    assert (
        await service.http.get(f"/service-requests/{to_3['id']}", headers=service.district("440106"))
    ).status_code == 404
    everything = (await service.http.get("/service-requests", headers=service.bureau)).json()
    assert (everything["total"], len(everything["items"])) == (3, 3)
    second = await service.http.get("/service-requests", params={"limit": 2, "offset": 2}, headers=service.bureau)
    assert [r["id"] for r in second.json()["items"]] == [r["id"] for r in everything["items"]][2:]


async def test_a_request_not_accepted_within_5_working_days_is_escalated_counting_the_new_year_holiday(
    service: Service, registry: Registry, events: Events
) -> None:
    await registry.register("st-1")
    await service.wait_for_station("st-1")
    await service.move_to(datetime.fromisoformat("2026-12-30T10:00:00+08:00"))  # Wednesday
    request = await service.file_confirmed(filed())
    assert request["acceptance_due_on"] is None  # needs 2027, whose schedule nobody loaded yet

    schedule = {"holidays": ["2027-01-01"], "workdays": [], "source": "测试用2027年元旦安排 (test schedule)"}
    assert (await service.http.put("/calendar/2027", json=schedule, headers=service.bureau)).status_code == 200
    # 12-31, (01-01 off), 01-04, 01-05, 01-06, 01-07: escalated once 2027-01-07 has ended.
    await service.move_to(datetime.fromisoformat("2027-01-07T23:59:00+08:00"))
    shown = (await service.http.get(f"/service-requests/{request['id']}", headers=service.head)).json()
    assert (shown["acceptance_due_on"], shown["escalated"]) == ("2027-01-07", False)

    assert await service.move_to(datetime.fromisoformat("2027-01-08T00:00:01+08:00")) == 1
    shown = (await service.http.get(f"/service-requests/{request['id']}", headers=service.head)).json()
    assert shown["escalated"]
    taken = await service.http.post(f"/service-requests/{request['id']}/accept", headers=service.head)
    assert (taken.json()["by_head_station"], taken.json()["accepted_late"]) == (True, True)

    found = await events(
        "gz.sme.activities.service_request", lambda seen: any(isinstance(e, ServiceRequestEscalated) for e in seen)
    )
    escalated = next(e for e in found if isinstance(e, ServiceRequestEscalated))
    assert (escalated.request_id, str(escalated.acceptance_due_on)) == (request["id"], "2027-01-07")
    assert escalated.escalated_at >= datetime.fromisoformat("2027-01-08T00:00:00+08:00")


@pytest.mark.clock_start("2026-09-18T10:00:00+08:00")  # a Friday: 9-21 .. 9-25, escalated at midnight after
async def test_the_head_station_routes_a_lapsed_request_to_another_station_with_5_new_working_days(
    service: Service, registry: Registry, events: Events
) -> None:
    await registry.register("st-1")
    await registry.register("st-2")
    await registry.register("st-old")
    await registry.change_status("st-old", StationStatus.REVOKED)
    await service.wait_for_station("st-2")
    await service.wait_for_station("st-old", status="revoked")
    request = await service.file_confirmed(filed(station_id="st-1"))
    url = f"/service-requests/{request['id']}"
    form = {"station_id": "st-2", "reason": "原服务站逾期未受理，转至同区提供融资服务的服务站。"}

    early = await service.http.post(f"{url}/route", json=form, headers=service.head)
    assert early.status_code == 409, early.text
    assert early.headers["content-type"].startswith("application/problem+json")

    assert await service.move_to(datetime.fromisoformat("2026-09-26T00:00:01+08:00")) == 1
    await service.move_to(datetime.fromisoformat("2026-09-30T15:00:00+08:00"))  # the day before National Day

    before = (await service.http.get(url, headers=service.head)).json()
    assert before["escalated"]
    for who in (service.operator("st-1"), service.bureau, service.district("440106")):
        forbidden = await service.http.post(f"{url}/route", json=form, headers=who)
        assert forbidden.status_code == 403, forbidden.text
        assert forbidden.headers["content-type"].startswith("application/problem+json")
    for unfit in ("st-old", "st-unknown"):
        refused = await service.http.post(f"{url}/route", json={**form, "station_id": unfit}, headers=service.head)
        assert refused.status_code == 422, refused.text
        assert refused.headers["content-type"].startswith("application/problem+json")
        assert [error["field"] for error in refused.json()["errors"]] == ["station_id"]
    empty = await service.http.post(f"{url}/route", json={"station_id": "", "reason": " "}, headers=service.head)
    assert empty.status_code == 422
    assert {error["field"] for error in empty.json()["errors"]} == {"station_id", "reason"}
    back = await service.http.post(f"{url}/route", json={**form, "station_id": "st-1"}, headers=service.head)
    assert back.status_code == 409
    assert (await service.http.post("/service-requests/nope/route", json=form, headers=service.head)).status_code == 404
    assert (await service.http.get(url, headers=service.head)).json() == before  # nothing changed on refusals

    routed = await service.http.post(f"{url}/route", json=form, headers=service.head)
    assert routed.status_code == 200, routed.text
    shown = routed.json()
    assert (shown["station_id"], shown["routed_from_station_id"], shown["routed_by"]) == ("st-2", "st-1", "head-1")
    # 10-01..10-07 off; 10-08, 10-09, 10-10 (make-up Saturday), 10-12, 10-13.
    assert (shown["acceptance_due_on"], shown["escalated"], shown["lapsed"]) == ("2026-10-13", False, True)
    assert shown["route_reason"] == form["reason"]

    seen_by_station = (await service.http.get(url, headers=service.operator("st-2"))).json()
    assert (seen_by_station["route_reason"], seen_by_station["routed_from_station_id"]) == (form["reason"], None)
    assert (await service.http.get(url, headers=service.operator("st-1"))).status_code == 404
    accepted = await service.http.post(f"{url}/accept", headers=service.operator("st-2"))
    assert (accepted.json()["accepted_late"], accepted.json()["lapsed"]) == (False, False)  # operators: own record

    found = await events(
        "gz.sme.activities.service_request",
        lambda seen: (
            any(isinstance(e, ServiceRequestRouted) for e in seen)
            and any(isinstance(e, ServiceRequestAccepted) for e in seen)
        ),
    )
    mine = [e for e in found if getattr(e, "request_id", None) == request["id"]]
    assert [type(e) for e in mine] == [
        ServiceRequestReceived,
        ServiceRequestEscalated,
        ServiceRequestRouted,
        ServiceRequestAccepted,
    ]
    routed_event = mine[2]
    assert isinstance(routed_event, ServiceRequestRouted)
    assert (routed_event.station_id, routed_event.routed_from_station_id) == ("st-2", "st-1")
    assert str(routed_event.acceptance_due_on) == "2026-10-13"
    assert form["reason"] not in routed_event.model_dump_json()
    assert "李小明" not in routed_event.model_dump_json()
