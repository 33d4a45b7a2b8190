"""The transactional outbox and its relay, on the real broker and PostgreSQL."""

from __future__ import annotations

from datetime import datetime

import pytest

from sme_contracts.registry import ApplicationKind, ApplicationSubmitted
from sme_kit.outbox import OutboxRelay
from sme_kit.uow import Actor

from .conftest import KitEnv, read_topic

pytestmark = pytest.mark.integration

TOPIC = "gz.sme.registry.application"


def submitted(application_id: str, name: str = "广州市海珠区中小企业服务中心有限公司") -> ApplicationSubmitted:
    return ApplicationSubmitted(
        application_id=application_id,
        round_year=2026,
        kind=ApplicationKind.NEW,
        uscc="91440105MA59C1XE2T",
        entity_name=name,
        district_code="440105",
        submitted_at=datetime.fromisoformat("2026-11-28T10:00:00+08:00"),
    )


async def test_events_staged_in_a_rolled_back_transaction_are_never_published(kit_env: KitEnv) -> None:
    async with kit_env.uow(Actor.system()) as uow:
        uow.publish(submitted("a-1"))
        # no commit: leaving the block rolls back the state change and its event together
    assert await kit_env.unpublished() == 0


async def test_relay_publishes_in_order_per_aggregate_as_cloudevents_and_marks_them(
    kit_env: KitEnv, kafka_bootstrap: str
) -> None:
    ids = []
    for n in range(5):
        async with kit_env.uow(Actor.system()) as uow:
            ids.append(uow.publish(submitted("same-aggregate", name=f"第{n}号单位")))
            await uow.commit()
    relay = OutboxRelay(kit_env.engine, kit_env.producer, service="kittest")
    assert await relay.publish_batch() == 5
    assert await kit_env.unpublished() == 0

    records = await read_topic(kafka_bootstrap, kit_env.settings.topic(TOPIC), expected=5)
    assert [envelope.id for envelope, _, _ in records] == ids  # one key, one partition, commit order
    envelope, headers, key = records[0]
    assert key == b"same-aggregate"
    names = {name for name, _ in headers}
    assert {"ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time", "ce_subject", "content-type"} <= names
    assert envelope.type == "gz.sme.registry.application.submitted.v1"
    assert envelope.source == "/gz/sme/kittest"
    assert envelope.decode() == submitted("same-aggregate", name="第0号单位")


async def test_relay_is_woken_by_a_commit_instead_of_waiting_for_its_poll(
    kit_env: KitEnv, kafka_bootstrap: str
) -> None:
    import asyncio

    relay = OutboxRelay(kit_env.engine, kit_env.producer, service="kittest", poll_interval_s=60)
    kit_env.uow.on_events_committed.append(relay.wake)
    task = asyncio.create_task(relay.run())
    try:
        await asyncio.sleep(0)  # let it reach its wait
        async with kit_env.uow(Actor.system()) as uow:
            uow.publish(submitted("woken"))
            await uow.commit()
        records = await read_topic(kafka_bootstrap, kit_env.settings.topic(TOPIC), expected=1, timeout=10)
        assert records[0][0].subject == "woken"
    finally:
        task.cancel()


@pytest.mark.parametrize("kit_env", ["postgresql"], indirect=True)
async def test_one_relay_leads_at_a_time_and_another_takes_over_when_it_stops(kit_env: KitEnv) -> None:
    first = OutboxRelay(kit_env.engine, kit_env.producer, service="kittest")
    second = OutboxRelay(kit_env.engine, kit_env.producer, service="kittest")
    assert await first._leader_connection() is not None
    async with kit_env.uow(Actor.system()) as uow:
        uow.publish(submitted("a-1"))
        await uow.commit()
    assert await second.publish_batch() == 0  # the first one leads: the second stands by
    await first.close()
    assert await second.publish_batch() == 1
    async with kit_env.uow(Actor.system()) as uow:
        uow.publish(submitted("a-2"))
        await uow.commit()
    assert await first.publish_batch() == 1  # one pass after another, from any relay
