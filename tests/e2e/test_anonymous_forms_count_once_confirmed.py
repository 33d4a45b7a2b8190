"""Scenario: forms filed without signing in count only once their contact confirms them.

An enterprise registers for the head station's salon: the code reaches its contact's mobile by SMS
(activities → Kafka → notifications → the SMS provider), the salon keeps its place free until the
code is entered, then the registration takes it. Another enterprise, with only a landline, asks for
a service: the code comes by e-mail, its request reaches nobody until confirmed, then the head
station is told (no station in that district). A third registration is never confirmed: when its 30
minutes have passed on the system's clock, it is void and never counts. The delivery record, which
the platform team reads, never shows a code.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from .system import System

pytestmark = [pytest.mark.e2e, pytest.mark.scenario]

MOBILE = "13912340001"
IDLE_MOBILE = "13912340002"
EMAIL = "chen.jiayi@jincheng-textile.example.cn"
REGISTRANT = {
    "company_name": "广州市粤芯微电子科技有限公司",
    "uscc": "91440106MA59C1XE2H",
    "contact_name": "王小明",
    "contact_phone": MOBILE,
}
REQUEST = {
    "company_name": "广州市从化区绿源农业科技有限公司",
    "uscc": "91440106MA59C1XE3L",
    "contact_name": "陈嘉怡",
    "contact_phone": "020-87654321",
    "contact_email": EMAIL,
    "district_code": "440117",  # 从化区: no station there, so the head station takes it
    "category": "financing",
    "details": "计划申请农业设施抵押贷款约 200 万元，希望对接合作银行。",
}


class Story:
    activity: dict[str, Any]
    registration: dict[str, Any]
    idle: dict[str, Any]
    request: dict[str, Any]
    codes: list[str]


story = Story()


def ok(response: Any, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json()


async def test_a_registration_takes_its_place_only_once_the_code_texted_to_its_contact_is_entered(
    system: System,
) -> None:
    starts = await system.now() + timedelta(days=5)
    story.activity = ok(
        await system.activities.post(
            "/activities",
            json={
                "activity_type": "salon",
                "title": "知识产权质押融资政策沙龙",
                "starts_at": starts.isoformat(),
                "ends_at": (starts + timedelta(hours=2)).isoformat(),
                "venue": "广州市天河区天河路 385 号",
                "capacity": 1,
            },
            headers=system.head_station,
        ),
        201,
    )
    url = f"/activities/{story.activity['id']}/registrations"
    pending = ok(await system.activities.post(url, json=REGISTRANT), 202)
    story.registration = pending
    assert (pending["status"], pending["confirmation"]["sent_to"]) == ("pending_confirmation", "139****0001")
    code = await system.next_code_to(MOBILE, after=0)
    assert code not in str(pending)
    assert ok(await system.activities.get(f"/activities/{story.activity['id']}"))["registered_count"] == 0

    confirm = f"{url}/{pending['registration_id']}/confirm"
    wrong = "000000" if code != "000000" else "111111"
    refused = await system.activities.post(confirm, json={"code": wrong})
    assert (refused.status_code, refused.json()["errors"][0]["field"]) == (422, "code")
    registered = ok(await system.activities.post(confirm, json={"code": code}))
    assert registered["status"] == "registered"
    shown = ok(await system.activities.get(f"/activities/{story.activity['id']}"))
    assert (shown["registered_count"], shown["places_left"]) == (1, 0)
    listed = ok(await system.activities.get(url, headers=system.head_station))
    assert [r["contact_phone"] for r in listed["items"]] == [MOBILE]
    story.codes = [code]


async def test_a_service_request_with_a_landline_is_confirmed_by_the_code_mailed_to_its_contact(
    system: System,
) -> None:
    pending = ok(await system.activities.post("/service-requests", json=REQUEST), 202)
    reference = pending["id"]
    assert (pending["confirmation"]["channel"], pending["confirmation"]["sent_to"]) == (
        "email",
        "c***@jincheng-textile.example.cn",
    )
    mail = await system.mail_to(EMAIL, reference)  # the e-mail names the reference to follow it by
    code = await system.next_code_to(EMAIL, after=0)
    plain = mail.get_body(preferencelist=("plain",))
    assert plain is not None
    assert code in plain.get_content()
    assert code not in mail["Subject"]
    progress = ok(
        await system.activities.get(f"/service-requests/{reference}/progress", params={"uscc": REQUEST["uscc"]}), 409
    )
    assert (progress["type"], progress["awaiting_confirmation"]["channel"]) == (
        "https://sme.gz.gov.cn/problems/awaiting-confirmation",
        "email",
    )
    assert ok(await system.activities.get("/service-requests", headers=system.head_station))["items"] == []

    confirmed = ok(await system.activities.post(f"/service-requests/{reference}/confirm", json={"code": code}))
    assert (confirmed["confirmed"], confirmed["assignment"]) == (True, "head_station")
    await system.inbox_message(
        system.head_station,
        "gz.sme.activities.service_request.received.v1",
        lambda message: reference in message["body"],
    )
    story.request = confirmed
    story.codes.append(code)


async def test_a_registration_never_confirmed_is_void_once_its_30_minutes_have_passed(system: System) -> None:
    second = {**REGISTRANT, "uscc": "91440104MA5D12345C", "contact_phone": IDLE_MOBILE}
    url = f"/activities/{story.activity['id']}/registrations"
    story.idle = ok(await system.activities.post(url, json=second), 409)  # the only place is taken
    assert story.idle["type"] == "https://sme.gz.gov.cn/problems/capacity-reached"

    same_salon = {k: story.activity[k] for k in ("activity_type", "title", "venue", "starts_at", "ends_at")}
    other = ok(
        await system.activities.post("/activities", json={**same_salon, "capacity": 5}, headers=system.head_station),
        201,
    )
    idle = ok(await system.activities.post(f"/activities/{other['id']}/registrations", json=second), 202)
    code = await system.next_code_to(IDLE_MOBILE, after=0)
    await system.move_clocks_to(datetime.fromisoformat(idle["confirmation"]["expires_at"]) + timedelta(minutes=1))
    late = await system.activities.post(
        f"/activities/{other['id']}/registrations/{idle['registration_id']}/confirm", json={"code": code}
    )
    assert late.status_code == 410, late.text
    assert ok(await system.activities.get(f"/activities/{other['id']}"))["registered_count"] == 0
    story.codes.append(code)


async def test_the_delivery_record_shows_where_each_code_went_but_never_the_code(system: System) -> None:
    platform = system.auth("platform_operator", subject="platform-feng")
    codes = ok(
        await system.notifications.get(
            "/deliveries",
            params={"event_type": "gz.sme.activities.contact_confirmation.requested.v1"},
            headers=platform,
        )
    )["items"]
    assert {(d["recipient"], d["channel"], d["status"]) for d in codes} == {
        ("contact:139****0001", "sms", "delivered"),
        ("contact:c***@jincheng-textile.example.cn", "email", "delivered"),
        ("contact:139****0002", "sms", "delivered"),
    }
    for delivery in codes:
        detail = ok(await system.notifications.get(f"/deliveries/{delivery['delivery_id']}", headers=platform))
        for code in story.codes:
            assert code not in str(detail)
        for address in (MOBILE, IDLE_MOBILE, EMAIL):
            assert address not in str(detail)
