"""The broker goes away and comes back: nothing committed is lost, and nothing hangs meanwhile."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest
from faststream.kafka import KafkaBroker

from sme_kit.consumers import EventConsumer
from sme_kit.kafka import new_producer, stop_producer
from sme_kit.outbox import OutboxRelay
from sme_kit.testing import wait_until
from sme_kit.uow import Actor

from .conftest import KitEnv, received
from .test_consumers import _equals, recording_handlers
from .test_outbox import submitted

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[4]


def broker(action: str) -> None:
    # The script leaves a broker named by KAFKA_BOOTSTRAP_SERVERS alone: act on our own.
    env = {name: value for name, value in os.environ.items() if name != "KAFKA_BOOTSTRAP_SERVERS"}
    subprocess.run([str(REPO / "infra/kafka.sh"), action], check=True, env=env)


@pytest.fixture
def owned_broker(kafka_bootstrap: str) -> str:
    if os.environ.get("KAFKA_BOOTSTRAP_SERVERS") or not (REPO / ".local/kafka/broker.pid").exists():
        pytest.skip("stops and starts only the broker this project started itself")
    return kafka_bootstrap


async def commit_events(env: KitEnv, *ids: str) -> None:
    for application_id in ids:
        async with env.uow(Actor.system()) as uow:
            uow.publish(submitted(application_id))
            await uow.commit()


@pytest.mark.parametrize("kit_env", ["postgresql"], indirect=True)  # one outage is enough
async def test_a_broker_outage_between_publishing_and_consuming_loses_no_event_and_hangs_nothing(
    kit_env: KitEnv, owned_broker: str
) -> None:
    await commit_events(kit_env, *(f"before-{n}" for n in range(20)))
    relay = OutboxRelay(kit_env.engine, kit_env.producer, service="kittest", send_timeout_s=3)
    assert await relay.publish_batch() == 20
    spare = new_producer(kit_env.settings)
    await spare.start()

    broker("stop")
    try:
        # Committing needs no broker: the event waits in the outbox.
        await commit_events(kit_env, "during-outage")
        started = time.monotonic()
        with pytest.raises(TimeoutError):
            await relay.publish_batch()  # bounded: an idempotent producer would otherwise wait on
        assert time.monotonic() - started < 10
        assert await kit_env.unpublished() == 1
        started = time.monotonic()
        await stop_producer(spare, timeout_s=3)  # stop() with the broker gone is bounded too
        assert time.monotonic() - started < 6
    finally:
        broker("start")

    async def relayed() -> bool:
        try:
            await relay.publish_batch()
        except (TimeoutError, OSError):
            return False
        return await kit_env.unpublished() == 0

    await wait_until(relayed, timeout=60, what="the outbox to drain after the broker came back")

    # A consumer that joins only now finds every acknowledged event, the outage's one included.
    consumer = EventConsumer(recording_handlers(), kit_env.uow, kit_env.producer, kit_env.settings)
    kafka = KafkaBroker(owned_broker, logger=None)
    consumer.subscribe(kafka)
    await kafka.start()
    try:
        await wait_until(lambda: _equals(kit_env.count(received), 21), timeout=60, what="all 21 events")
    finally:
        await kafka.stop()
