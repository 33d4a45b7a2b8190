"""The delivery record on the real PostgreSQL and Kafka: built from events once, read by the bureau only."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime

import httpx
import pytest
from aiokafka import AIOKafkaProducer

from sme_contracts.envelope import wrap
from sme_contracts.registry import ApplicationKind, ApplicationSubmitted
from sme_kit.auth import mint_dev_token
from sme_kit.testing import wait_until
from sme_notifications.bootstrap import app as notifications_app
from sme_notifications.config import NotificationsSettings

pytestmark = pytest.mark.integration

EVENT = ApplicationSubmitted(
    application_id="a-42",
    round_year=2026,
    kind=ApplicationKind.NEW,
    uscc="91440112MA59C1XE2T",
    entity_name="广州市黄埔区产业园服务有限公司",
    district_code="440112",
    submitted_at=datetime.fromisoformat("2026-11-28T10:00:00+08:00"),
)


@pytest.fixture
async def client(
    database_url: str, kafka_bootstrap: str, topic_prefix: str, dev_secret: str
) -> AsyncIterator[httpx.AsyncClient]:
    settings = NotificationsSettings(
        database_url=database_url,
        kafka_bootstrap_servers=kafka_bootstrap,
        kafka_topic_prefix=topic_prefix,
        auth_dev_secret=dev_secret,
        environment="test",
    )
    app = notifications_app(settings)
    transport = httpx.ASGITransport(app=app)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url="http://notifications") as http,
    ):
        yield http


async def publish_twice(kafka_bootstrap: str, topic: str) -> None:
    envelope = wrap(EVENT, source="/gz/sme/registry")
    producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap, acks="all", enable_idempotence=True)
    await producer.start()
    try:
        for _ in range(2):
            await producer.send_and_wait(topic, envelope.data, key=envelope.key, headers=envelope.headers())
    finally:
        await producer.stop()


async def test_an_event_delivered_twice_is_recorded_once_per_recipient_and_read_by_the_bureau(
    client: httpx.AsyncClient, kafka_bootstrap: str, topic_prefix: str, dev_secret: str
) -> None:
    await publish_twice(kafka_bootstrap, topic_prefix + "gz.sme.registry.application")
    bureau = {"Authorization": f"Bearer {mint_dev_token(dev_secret, role='bureau_admin')}"}

    async def recorded() -> list[dict[str, str]]:
        return (await client.get("/deliveries", headers=bureau)).json()

    found = await wait_until(recorded, what="the deliveries")
    runtime = client._transport.app.state.runtime  # type: ignore[attr-defined]
    await wait_until(lambda: _processed_both(runtime), what="the duplicate to be consumed")
    found = await recorded()
    assert sorted(d["recipient"] for d in found) == ["district:440112", "org:91440112MA59C1XE2T"]


async def test_the_delivery_record_is_closed_to_districts_and_operators(
    client: httpx.AsyncClient, dev_secret: str
) -> None:
    for role, claims in (
        ("district_officer", {"district": "440112"}),
        ("station_operator", {"org": "91440112MA59C1XE2T"}),
    ):
        token = mint_dev_token(dev_secret, role=role, **claims)
        response = await client.get("/deliveries", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 403
        assert response.headers["content-type"] == "application/problem+json"


async def _processed_both(runtime: object) -> bool:
    # The first copy is handled, the second only claimed-and-skipped: the consumer has seen two records.
    consumer = runtime.consumer  # type: ignore[attr-defined]
    return consumer is not None and consumer.seen >= 2
