"""The first event end to end: registry → outbox → Kafka → notifications, as separate processes."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition

from sme_kit.http_client import service_client
from sme_kit.testing import wait_until
from sme_kit.testing.processes import ServiceProcess

pytestmark = pytest.mark.e2e

USCC = "91440106MA59C1XE2H"
TOPIC = "gz.sme.registry.application"
# The full form of the guideline (§4.1.2): complete enough to pass the eligibility check on submit.
FORM = {
    "uscc": USCC,
    "entity_name": "广州市天河区创新企业服务有限公司",
    "district_code": "440106",
    "legal_representative": "张伟",
    "registered_address": "广州市天河区天河路 100 号 801 室",
    "station_address": "广州市天河区天河路 100 号 1 楼服务大厅",
    "operator_type": "sme_service_centre",
    "services": ["information", "legal", "financing"],
    "service_experience": "近三年为辖区 300 余家中小企业提供政策咨询与融资对接服务",
    "management_system": "服务台账制度、服务质量回访制度",
    "contact": {"name": "王芳", "phone": "020-38881234"},
    "staff": [
        {"name": "李明", "role": "服务站站长", "phone": "13800138000"},
        {"name": "陈静", "role": "服务专员", "phone": "13900139000"},
    ],
}
ATTACHMENTS = ("business_licence", "premises_proof", "management_system", "staff_proof")
PDF = b"%PDF-1.7\n" + b"0" * 1024


async def open_round(registry: ServiceProcess, bureau: str, clock_start: datetime) -> None:
    """The bureau opens this year's round with a window around the day the services' clocks start at."""
    today = clock_start.date()
    body = {
        "year": today.year,
        "window_opens_on": (today - timedelta(days=10)).isoformat(),
        "window_closes_on": (today + timedelta(days=10)).isoformat(),
        "forwarding_deadline": (today + timedelta(days=20)).isoformat(),
    }
    async with service_client(registry.url, headers={"Authorization": f"Bearer {bureau}"}) as client:
        opened = await client.post("/rounds", json=body)
        assert opened.status_code == 201, opened.text


async def submit_application(registry: ServiceProcess, operator: str) -> str:
    async with service_client(registry.url, headers={"Authorization": f"Bearer {operator}"}) as client:
        created = await client.post("/applications", json=FORM)
        assert created.status_code == 201, created.text
        application_id = created.json()["id"]
        for kind in ATTACHMENTS:
            uploaded = await client.post(
                f"/applications/{application_id}/attachments",
                data={"kind": kind},
                files={"file": (f"{kind}.pdf", PDF, "application/pdf")},
            )
            assert uploaded.status_code == 201, uploaded.text
        submitted = await client.post(f"/applications/{application_id}/submit")
        assert submitted.status_code == 200, submitted.text
        assert submitted.json()["status"] == "submitted"
    return str(application_id)


def deliveries_probe(
    notifications: ServiceProcess, bureau: str, expected: int
) -> Callable[[], Awaitable[list[dict[str, str]] | None]]:
    async def probe() -> list[dict[str, str]] | None:
        async with service_client(notifications.url) as client:
            response = await client.get("/deliveries", headers={"Authorization": f"Bearer {bureau}"})
        assert response.status_code == 200, response.text
        found: list[dict[str, str]] = response.json()["items"]
        return found if len(found) >= expected else None

    return probe


async def test_a_submitted_application_is_delivered_to_the_applicant_and_its_district(
    start_services: Callable[..., Awaitable[dict[str, ServiceProcess]]],
    token: Callable[..., str],
    clock_start: datetime,
) -> None:
    services = await start_services("registry", "notifications")
    await open_round(services["registry"], token("bureau_admin"), clock_start)
    await submit_application(services["registry"], token("station_operator", org=USCC))

    found = await wait_until(
        deliveries_probe(services["notifications"], token("bureau_admin"), 2), what="two deliveries"
    )
    assert sorted(d["recipient"] for d in found) == ["district:440106", f"org:{USCC}"]
    assert {d["event_type"] for d in found} == {"gz.sme.registry.application.submitted.v1"}


async def test_the_same_event_delivered_twice_leaves_one_delivery_per_recipient(
    start_services: Callable[..., Awaitable[dict[str, ServiceProcess]]],
    token: Callable[..., str],
    kafka_bootstrap: str,
    topic_prefix: str,
    clock_start: datetime,
) -> None:
    services = await start_services("registry", "notifications")
    bureau = token("bureau_admin")
    await open_round(services["registry"], bureau, clock_start)
    await submit_application(services["registry"], token("station_operator", org=USCC))
    await wait_until(deliveries_probe(services["notifications"], bureau, 2), what="the first deliveries")

    # Deliver the very same record again, as Kafka does after a consumer crash before its commit.
    topic = topic_prefix + TOPIC
    reader = AIOKafkaConsumer(
        topic, bootstrap_servers=kafka_bootstrap, auto_offset_reset="earliest", enable_auto_commit=False
    )
    await reader.start()
    try:
        batches = await wait_until(lambda: reader.getmany(timeout_ms=200), what="the published record")
        [record] = [r for records in batches.values() for r in records]
    finally:
        await reader.stop()
    from aiokafka import AIOKafkaProducer

    producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap, acks="all", enable_idempotence=True)
    await producer.start()
    try:
        await producer.send_and_wait(topic, record.value, key=record.key, headers=list(record.headers))
    finally:
        await producer.stop()

    await wait_until(
        lambda: group_caught_up(kafka_bootstrap, topic_prefix + "notifications", topic),
        what="notifications to consume the duplicate",
    )
    async with service_client(services["notifications"].url) as client:
        found = (await client.get("/deliveries", headers={"Authorization": f"Bearer {bureau}"})).json()
    assert (len(found["items"]), found["total"]) == (2, 2)


async def group_caught_up(bootstrap: str, group: str, topic: str) -> bool:
    """True when the consumer group has committed every record of the topic."""
    probe = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=group, enable_auto_commit=False)
    await probe.start()
    try:
        partitions = [TopicPartition(topic, p) for p in probe.partitions_for_topic(topic) or ()] or [
            TopicPartition(topic, p) for p in range(3)
        ]
        ends = await probe.end_offsets(partitions)
        for partition in partitions:
            if ((await probe.committed(partition)) or 0) < ends[partition]:
                return False
        return True
    finally:
        await probe.stop()
