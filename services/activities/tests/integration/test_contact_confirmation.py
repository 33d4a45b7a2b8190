"""Anonymous forms count only once their contact confirms them, on the real broker and database: a
registration takes no place and a service request reaches no station until the code sent to the
contact is entered; the code's 30 minutes run on the service clock; wrong codes, resends and forms
never confirmed."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Table, select

from sme_activities.adapters.orm import activity_registrations, contact_confirmations, service_requests
from sme_contracts.activities import (
    ConfirmationPurpose,
    ContactChannel,
    ContactConfirmationRequested,
    ServiceRequestReceived,
)
from sme_contracts.common import ServiceCategory
from sme_kit.testing.events import Events
from sme_kit.uow import Actor

from .conftest import Registry, Service, enterprise
from .test_service_requests import filed

pytestmark = [pytest.mark.integration, pytest.mark.clock_start("2026-12-01T10:00:00+08:00")]  # a Tuesday, a working day


async def rows(service: Service, table: Table, reference: str) -> list[dict[str, Any]]:
    async with service.app.state.runtime.uow(Actor.system("test")) as uow:
        key = table.c.reference if table is contact_confirmations else table.c.id
        return [dict(row) for row in (await uow.session.execute(select(table).where(key == reference))).mappings()]


async def test_a_registration_takes_its_place_only_when_its_contact_enters_the_code_at_that_moments_capacity(
    service: Service, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    activity = await service.schedule(service.head, capacity=2)
    places = f"/activities/{activity['id']}"
    # Three enterprises ask for two places: none is taken while they wait for their codes.
    pending = [
        await service.register(activity["id"], uscc=uscc, contact_phone=f"1380011001{n}")
        for n, uscc in enumerate(("91440106MA59C1XE2H", "91440106MA59C1XE3L", "91440104MA5D12345C"))
    ]
    first = pending[0]
    assert (first["status"], first["registered_at"]) == ("pending_confirmation", None)
    assert (first["confirmation"]["channel"], first["confirmation"]["sent_to"]) == ("sms", "138****0010")
    assert "138****0010" in first["message"]
    shown = (await service.http.get(places)).json()
    assert (shown["registered_count"], shown["places_left"]) == (0, 2)
    assert (await service.http.get(f"{places}/registrations", headers=service.head)).json()["items"] == []

    [sent] = await service.codes_sent(first["registration_id"])
    assert (sent.purpose, sent.channel, sent.address) == (
        ConfirmationPurpose.ACTIVITY_REGISTRATION,
        ContactChannel.SMS,
        "13800110010",
    )
    assert (sent.activity_title, sent.expires_at) == (
        "知识产权质押融资政策沙龙",
        datetime.fromisoformat(first["confirmation"]["expires_at"]),
    )
    assert sent.code not in str(first)  # the answer never shows the code
    assert datetime.fromisoformat(first["confirmation"]["expires_at"]) == sent.requested_at + timedelta(minutes=30)

    # The third confirms first, then the first: both take their places, in that order.
    third, first_id = pending[2], first["registration_id"]
    for registration in (third, first):
        reference = registration["registration_id"]
        done = await service.confirm(f"{places}/registrations/{reference}", await service.code_for(reference))
        assert (done["status"], done["confirmation"]) == ("registered", None)
    again = await service.confirm(f"{places}/registrations/{first_id}", sent.code)
    assert again["registered_at"] == done["registered_at"]  # confirming twice changes nothing
    listed = (await service.http.get(f"{places}/registrations", headers=service.head)).json()["items"]
    assert [r["uscc"] for r in listed] == ["91440104MA5D12345C", "91440106MA59C1XE2H"]

    # The second arrives to a full activity: refused, and nothing changes.
    second = pending[1]["registration_id"]
    code = await service.code_for(second)
    full = await service.http.post(f"{places}/registrations/{second}/confirm", json={"code": code})
    assert (full.status_code, full.json()["type"]) == (409, "https://sme.gz.gov.cn/problems/capacity-reached")
    assert (await service.http.get(places)).json()["registered_count"] == 2
    [row] = await rows(service, activity_registrations, second)
    assert row["status"] == "pending_confirmation"

    [confirmation] = await rows(service, contact_confirmations, first_id)
    assert sent.code not in str(confirmation)  # kept only as a salted digest
    for record in caplog.records:
        assert sent.code not in record.getMessage()
        assert "13800110010" not in record.getMessage()


async def test_a_wrong_code_is_refused_naming_the_field_and_the_fifth_voids_the_registration(service: Service) -> None:
    activity = await service.schedule(service.head)
    pending = await service.register(activity["id"])
    url = f"/activities/{activity['id']}/registrations/{pending['registration_id']}"
    code = await service.code_for(pending["registration_id"])
    wrong = "000000" if code != "000000" else "111111"

    malformed = await service.http.post(f"{url}/confirm", json={"code": "12ab"})
    assert (malformed.status_code, [e["field"] for e in malformed.json()["errors"]]) == (422, ["code"])
    for left in (4, 3, 2, 1):
        refused = await service.http.post(f"{url}/confirm", json={"code": wrong})
        body = refused.json()
        assert refused.status_code == 422
        assert refused.headers["content-type"] == "application/problem+json"
        assert ([e["field"] for e in body["errors"]], body["attempts_left"]) == (["code"], left)
        assert f"还可尝试 {left} 次" in body["detail"]
    fifth = await service.http.post(f"{url}/confirm", json={"code": wrong})
    assert (fifth.status_code, fifth.json()["type"]) == (410, "https://sme.gz.gov.cn/problems/confirmation-gone")
    assert "作废" in fifth.json()["detail"]
    assert "void" in fifth.json()["detail"]
    right_too_late = await service.http.post(f"{url}/confirm", json={"code": code})
    assert right_too_late.status_code == 410
    [row] = await rows(service, activity_registrations, pending["registration_id"])
    assert (row["status"], row["contact_name"], row["contact_phone"]) == ("void", "", "")
    assert (await service.http.get(f"/activities/{activity['id']}")).json()["registered_count"] == 0


async def test_a_registration_never_confirmed_is_void_30_minutes_later_on_the_service_clock(service: Service) -> None:
    activity = await service.schedule(service.head)
    pending = await service.register(activity["id"])
    reference = pending["registration_id"]
    code = await service.code_for(reference)
    expires_at = datetime.fromisoformat(pending["confirmation"]["expires_at"])

    assert await service.move_to(expires_at - timedelta(seconds=1)) == 0
    [row] = await rows(service, activity_registrations, reference)
    assert row["status"] == "pending_confirmation"
    assert await service.move_to(expires_at + timedelta(seconds=1)) == 1
    [row] = await rows(service, activity_registrations, reference)
    assert (row["status"], row["contact_phone"]) == ("void", "")

    url = f"/activities/{activity['id']}/registrations/{reference}"
    late = await service.http.post(f"{url}/confirm", json={"code": code})
    assert late.status_code == 410
    assert "过期" in late.json()["detail"]
    assert "expired" in late.json()["detail"]
    assert (await service.http.post(f"{url}/resend")).status_code == 410
    assert (await service.http.get(f"/activities/{activity['id']}")).json()["registered_count"] == 0


async def test_a_new_code_waits_60_seconds_replaces_the_old_one_restarts_the_30_minutes_and_is_capped(
    service: Service,
) -> None:
    activity = await service.schedule(service.head)
    pending = await service.register(activity["id"])
    reference = pending["registration_id"]
    url = f"/activities/{activity['id']}/registrations/{reference}"
    old_code = await service.code_for(reference)

    too_soon = await service.http.post(f"{url}/resend")
    assert too_soon.status_code == 429
    assert too_soon.headers["content-type"] == "application/problem+json"
    assert 0 < int(too_soon.headers["retry-after"]) <= 60

    resend_after = datetime.fromisoformat(pending["confirmation"]["resend_after"])
    await service.move_to(resend_after + timedelta(minutes=20))
    resent = await service.http.post(f"{url}/resend")
    assert resent.status_code == 200, resent.text
    sent = resent.json()
    assert (sent["sent_to"], sent["resends_left"]) == ("138****8000", 2)
    new_code = await service.code_for(reference, count=2)
    assert "code" not in sent
    # The first code's 30 minutes have passed its original end: the new one counts from its own sending.
    await service.move_to(datetime.fromisoformat(pending["confirmation"]["expires_at"]) + timedelta(minutes=1))
    if new_code != old_code:
        refused = await service.http.post(f"{url}/confirm", json={"code": old_code})
        assert refused.status_code == 422
    for _ in range(2):
        await service.move_to(service.clock.now() + timedelta(seconds=61))
        assert (await service.http.post(f"{url}/resend")).status_code == 200
    await service.move_to(service.clock.now() + timedelta(seconds=61))
    capped = await service.http.post(f"{url}/resend")
    assert (capped.status_code, capped.json()["type"]) == (409, "https://sme.gz.gov.cn/problems/resend-limit-reached")
    latest = await service.code_for(reference, count=4)
    assert (await service.confirm(url, latest))["status"] == "registered"


async def test_a_service_request_reaches_its_station_only_once_confirmed_and_counts_from_then(
    service: Service, registry: Registry, events: Events
) -> None:
    await registry.register("st-1", services=[ServiceCategory.FINANCING])
    await service.wait_for_station("st-1")
    landline = filed(contact_phone="020-38880000", contact_email="li.xiaoming@example.com")
    response = await service.http.post("/service-requests", json=landline)
    assert response.status_code == 202, response.text
    pending = response.json()
    reference = pending["id"]
    assert (pending["confirmed"], pending["station_id"], pending["assignment"]) == (False, None, None)
    assert (pending["confirmation"]["channel"], pending["confirmation"]["sent_to"]) == ("email", "l***@example.com")

    # Not for the station, the head station or the district while it waits; its enterprise sees it waiting.
    for who in (service.operator("st-1"), service.head, service.district("440106")):
        assert (await service.http.get("/service-requests", headers=who)).json()["items"] == []
        assert (await service.http.get(f"/service-requests/{reference}", headers=who)).status_code == 404
    taken = await service.http.post(f"/service-requests/{reference}/accept", headers=service.head)
    assert taken.status_code == 404
    progress = await service.http.get(f"/service-requests/{reference}/progress", params={"uscc": landline["uscc"]})
    waiting = progress.json()
    assert (progress.status_code, waiting["type"]) == (409, "https://sme.gz.gov.cn/problems/awaiting-confirmation")
    assert "待确认" in waiting["detail"]
    assert "l***@example.com" in waiting["detail"]
    assert waiting["awaiting_confirmation"]["sent_to"] == "l***@example.com"

    [sent] = await service.codes_sent(reference)
    assert (sent.channel, sent.address, sent.purpose) == (
        ContactChannel.EMAIL,
        "li.xiaoming@example.com",
        ConfirmationPurpose.SERVICE_REQUEST,
    )
    await service.move_to(datetime.fromisoformat("2026-12-01T10:20:00+08:00"))
    confirmed = await service.confirm(f"/service-requests/{reference}", sent.code)
    assert (confirmed["confirmed"], confirmed["station_id"], confirmed["assignment"]) == (
        True,
        "st-1",
        "district_match",
    )
    assert datetime.fromisoformat(confirmed["received_at"]) >= datetime.fromisoformat("2026-12-01T10:20:00+08:00")
    assert confirmed["acceptance_due_on"] == "2026-12-08"  # 12-02 .. 12-08: counted from the confirmation
    listed = (await service.http.get("/service-requests", headers=service.operator("st-1"))).json()["items"]
    assert [(r["id"], r["contact_email"]) for r in listed] == [(reference, "li.xiaoming@example.com")]

    found = await events(
        "gz.sme.activities.service_request", lambda seen: any(isinstance(e, ServiceRequestReceived) for e in seen)
    )
    [received] = [e for e in found if isinstance(e, ServiceRequestReceived)]
    assert (received.request_id, received.station_id) == (reference, "st-1")
    assert received.received_at == datetime.fromisoformat(confirmed["received_at"])


async def test_a_service_request_never_confirmed_never_reaches_a_station_and_keeps_no_personal_data(
    service: Service, registry: Registry, events: Events
) -> None:
    await registry.register("st-1")
    await service.wait_for_station("st-1")
    pending = (await service.http.post("/service-requests", json=filed())).json()
    await service.code_for(pending["id"])
    await service.move_to(datetime.fromisoformat(pending["confirmation"]["expires_at"]) + timedelta(seconds=1))
    progress = await service.http.get(f"/service-requests/{pending['id']}/progress", params={"uscc": filed()["uscc"]})
    assert (progress.status_code, progress.json()["type"]) == (410, "https://sme.gz.gov.cn/problems/confirmation-gone")
    assert "作废" in progress.json()["detail"]
    [row] = await rows(service, service_requests, pending["id"])
    assert (row["contact_name"], row["contact_phone"], row["details"], row["station_id"]) == ("", "", "", None)
    assert (await service.http.get("/service-requests", headers=service.bureau)).json()["items"] == []

    confirmed = await service.file_confirmed(filed())  # the only one the station hears of
    found = await events(
        "gz.sme.activities.service_request", lambda seen: any(isinstance(e, ServiceRequestReceived) for e in seen)
    )
    assert [e.request_id for e in found if isinstance(e, ServiceRequestReceived)] == [confirmed["id"]]
    codes = await events(
        "gz.sme.activities.contact_confirmation",
        lambda seen: len([e for e in seen if isinstance(e, ContactConfirmationRequested)]) >= 2,
    )
    assert {e.reference for e in codes} == {pending["id"], confirmed["id"]}


async def test_a_form_that_cannot_receive_a_code_is_refused_naming_every_field_and_nothing_is_kept(
    service: Service,
) -> None:
    activity = await service.schedule(service.head)
    no_contact = enterprise("91440106MA59C1XE2T", contact_phone="020-38880000")
    refused = await service.http.post(f"/activities/{activity['id']}/registrations", json=no_contact)
    assert refused.status_code == 422
    assert {e["field"] for e in refused.json()["errors"]} == {"uscc", "contact_email"}
    bad_email = filed(contact_phone="020-38880000", contact_email="not-an-address", district_code="440199")
    refused = await service.http.post("/service-requests", json=bad_email)
    assert {e["field"] for e in refused.json()["errors"]} == {"contact_email", "district_code"}
    async with service.app.state.runtime.uow(Actor.system("test")) as uow:
        for table in (activity_registrations, service_requests, contact_confirmations):
            assert (await uow.session.execute(select(table))).first() is None
    unknown = await service.http.post("/service-requests/nope/confirm", json={"code": "123456"})
    assert unknown.status_code == 404
