"""The delivery record on the real PostgreSQL, Kafka and SMTP server: one delivery per (event, recipient,
channel) however often an event arrives, searchable by the bureau and the platform team only."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest

from sme_contracts import Event
from sme_contracts.envelope import wrap
from sme_kit.testing import wait_until
from sme_kit.uow import Actor
from sme_notifications.service_layer.route_event import route_event

from .conftest import Publisher, Service, SmtpServer

pytestmark = pytest.mark.integration

RETURNED = "gz.sme.registry.application.returned.v1"


async def test_an_event_delivered_twice_gives_one_message_per_recipient_and_channel(
    service: Service, publish: Publisher, smtp: SmtpServer, sample: Callable[..., Event]
) -> None:
    await service.register_world()
    event_id = await publish.send(sample(RETURNED), copies=2)

    found = await service.settled(event_id, 3)
    await wait_until(lambda: _seen(service, 2), what="the second copy to be consumed")
    assert sorted((d["recipient"], d["channel"], d["status"]) for d in found) == [
        ("org:91440106MA59C1XE2H", "email", "delivered"),
        ("org:91440106MA59C1XE2H", "in_app", "delivered"),
        ("org:91440106MA59C1XE2H", "sms", "delivered"),
    ]
    assert len(await service.deliveries(event_id=event_id)) == 3
    assert [to for to, _ in smtp.mailbox.messages] == [["wangfang@example.com"]]
    # The service names itself by its sender domain in EHLO: no DNS lookup of this host per message.
    assert smtp.mailbox.helo_names == ["smefw.example.gov.cn"]
    assert [line["mobile"] for line in service.spooled_sms()] == ["13800138000"]


async def test_routing_the_same_event_again_adds_nothing_even_past_the_consumer_s_inbox(
    service: Service, sample: Callable[..., Event]
) -> None:
    # The kit's inbox drops a redelivered record; the unique (event, recipient, channel) key is the second
    # guard, for an event replayed under another consumer name or re-routed by hand.
    await service.register_world()
    envelope = wrap(sample(RETURNED), source="/gz/sme/registry")
    runtime, routing = service.runtime, service.app.state.notifications.routing
    created = []
    for _ in range(2):
        async with runtime.uow(Actor.system("replay")) as uow:
            created.append(await route_event(event=envelope.decode(), envelope=envelope, uow=uow, routing=routing))
            await uow.commit()
    assert created == [3, 0]


async def test_the_record_is_searchable_by_event_type_recipient_channel_status_and_time(
    service: Service, publish: Publisher, sample: Callable[..., Event]
) -> None:
    await service.register_world()
    submitted = await publish.send(sample("gz.sme.registry.application.submitted.v1"))
    returned = await publish.send(sample(RETURNED))
    await service.settled(submitted, 4)
    await service.settled(returned, 3)

    assert {d["event_id"] for d in await service.deliveries(event_type=RETURNED)} == {returned}
    by_officer = await service.deliveries(recipient="official:do-th")
    assert [(d["event_id"], d["channel"], d["audience"]) for d in by_officer] == [
        (submitted, "email", "district:440106")
    ]
    assert {d["recipient"] for d in await service.deliveries(audience="district:440106")} == {
        "district:440106",
        "official:do-th",
    }
    assert len(await service.deliveries(channel="sms")) == 1
    assert len(await service.deliveries(status="delivered")) == 7
    assert await service.deliveries(status="failed") == []
    now = service.runtime.clock.now()
    assert len(await service.deliveries(created_from=(now - timedelta(minutes=5)).isoformat())) == 7
    assert await service.deliveries(created_to=(now - timedelta(minutes=5)).isoformat()) == []
    first_page = await service.deliveries_page(limit=2)
    second_page = await service.deliveries_page(limit=2, offset=2)
    assert (first_page["total"], first_page["limit"], first_page["offset"]) == (7, 2, 0)
    assert (second_page["total"], second_page["offset"]) == (7, 2)
    assert len(first_page["items"]) == len(second_page["items"]) == 2
    first_ids = [d["delivery_id"] for d in first_page["items"]]
    assert set(first_ids).isdisjoint(d["delivery_id"] for d in second_page["items"])
    newest_first = [d["delivery_id"] for d in await service.deliveries()]
    assert newest_first[:4] == first_ids + [d["delivery_id"] for d in second_page["items"]]
    last = await service.deliveries_page(limit=2, offset=6)
    assert (len(last["items"]), last["total"]) == (1, 7)
    # The record shows what went where, never the message itself.
    assert all("body" not in d for d in first_page["items"])
    # At most 200 a page, 50 unless asked.
    assert (await service.deliveries_page())["limit"] == 50
    too_many = await service.http.get("/deliveries", params={"limit": 201}, headers=service.bureau)
    assert too_many.status_code == 422


@pytest.mark.parametrize(
    ("role", "claims"),
    [
        ("district_officer", {"district": "440106"}),
        ("station_operator", {"org": "91440106MA59C1XE2H"}),
        ("head_station_staff", {}),
        ("expert", {}),
    ],
)
async def test_the_record_and_the_directory_are_closed_to_everyone_but_the_bureau_and_platform_operators(
    service: Service, role: str, claims: dict[str, str]
) -> None:
    caller = service.as_(role, **claims)
    for path in ("/deliveries", "/directory/officials", "/routing", "/templates"):
        response = await service.http.get(path, headers=caller)
        assert response.status_code == 403, path
        assert response.headers["content-type"] == "application/problem+json"
    platform = service.as_("platform_operator", subject="ops-1")
    assert (await service.http.get("/deliveries", headers=platform)).status_code == 200
    assert (await service.http.get("/deliveries")).status_code == 401


async def test_the_record_shows_the_routing_table_and_templates_in_force(service: Service) -> None:
    routing = (await service.http.get("/routing", headers=service.bureau)).json()
    returned = [r for r in routing["routes"] if r["event_type"] == RETURNED]
    assert returned == [
        {
            "event_type": RETURNED,
            "template_id": "application_returned",
            "to": ["org"],
            "channels": ["in_app", "email", "sms"],
            "mandatory": True,
            "secret": False,
            "when": {},
            "why": "申请被退回补正，申请单位须补充材料后重新提交",
        }
    ]
    assert "gz.sme.activities.promotion.recorded.v1" in routing["silent"]
    templates = (await service.http.get("/templates", params={"limit": 200}, headers=service.bureau)).json()
    assert templates["total"] == len(templates["items"])
    assert {"template_id": "application_returned", "channel": "sms", "version": 1, "versions": [1]} in templates[
        "items"
    ]
    first = (await service.http.get("/templates", params={"limit": 2}, headers=service.bureau)).json()
    assert (first["items"], first["total"]) == (templates["items"][:2], templates["total"])


async def _seen(service: Service, records: int) -> bool:
    consumer = service.runtime.consumer
    return consumer is not None and consumer.seen >= records
