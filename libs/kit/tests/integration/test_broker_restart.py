"""A broker restart between publishing and consuming loses no committed event."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from faststream.kafka import KafkaBroker

from sme_kit.consumers import EventConsumer
from sme_kit.outbox import OutboxRelay
from sme_kit.testing import wait_until
from sme_kit.uow import Actor

from .conftest import KitEnv, received
from .test_consumers import _equals, recording_handlers
from .test_outbox import submitted

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[4]


def restart_broker() -> None:
    # The script leaves a broker named by KAFKA_BOOTSTRAP_SERVERS alone: restart our own.
    env = {name: value for name, value in os.environ.items() if name != "KAFKA_BOOTSTRAP_SERVERS"}
    subprocess.run([str(REPO / "infra/kafka.sh"), "restart"], check=True, env=env)


@pytest.fixture
def owned_broker(kafka_bootstrap: str) -> str:
    if os.environ.get("KAFKA_BOOTSTRAP_SERVERS") or not (REPO / ".local/kafka/broker.pid").exists():
        pytest.skip("restarts only the broker this project started itself")
    return kafka_bootstrap


@pytest.mark.parametrize("kit_env", ["postgresql"], indirect=True)  # one restart is enough
async def test_events_published_before_a_broker_restart_are_all_consumed_after_it(
    kit_env: KitEnv, owned_broker: str
) -> None:
    for n in range(20):
        async with kit_env.uow(Actor.system()) as uow:
            uow.publish(submitted(f"before-restart-{n}"))
            await uow.commit()
    relay = OutboxRelay(kit_env.engine, kit_env.producer, kit_env.clock, service="kittest")
    assert await relay.publish_batch() == 20

    restart_broker()

    # A consumer that joins only after the restart finds every acknowledged event.
    consumer = EventConsumer(recording_handlers(), kit_env.uow, kit_env.producer, kit_env.settings)
    broker = KafkaBroker(owned_broker, logger=None)
    consumer.subscribe(broker)
    await broker.start()
    try:
        await wait_until(
            lambda: _equals(kit_env.count(received), 20), timeout=60, what="all 20 events after the restart"
        )
    finally:
        await broker.stop()

    # Events committed while the broker restarts wait in the outbox and leave when it is back.
    async with kit_env.uow(Actor.system()) as uow:
        uow.publish(submitted("during-restart"))
        await uow.commit()
    assert await kit_env.unpublished() == 1
    assert await relay.publish_batch() == 1
    assert await kit_env.unpublished() == 0
