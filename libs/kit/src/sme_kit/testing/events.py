"""Reading a test's events back from Kafka, as the services' integration tests do."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from aiokafka import AIOKafkaConsumer

from sme_contracts import Event
from sme_contracts.envelope import unwrap
from sme_kit.testing.waiting import wait_until

EventsFound = Callable[[list[Event]], bool]
Events = Callable[..., Any]


async def read_events(
    kafka_bootstrap: str, prefix: str, topic: str, until: EventsFound, *, timeout: float = 20.0
) -> list[Event]:
    """Every event on a topic from its beginning, read until ``until`` holds for what was read."""
    consumer = AIOKafkaConsumer(prefix + topic, bootstrap_servers=kafka_bootstrap, auto_offset_reset="earliest")
    await consumer.start()
    found: list[Event] = []
    try:

        async def enough() -> bool:
            batches = await consumer.getmany(timeout_ms=200)
            found.extend(unwrap(r.headers, r.value).decode() for records in batches.values() for r in records)
            return until(found)

        await wait_until(enough, timeout=timeout, what=f"events on {topic}")
    finally:
        await consumer.stop()
    return found


def of_type(events: list[Event], kind: type[Any]) -> list[Any]:
    return [event for event in events if isinstance(event, kind)]


@pytest.fixture
def events(kafka_bootstrap: str, topic_prefix: str) -> Events:
    """``await events(topic, until)``: this test's events on a topic, read until ``until`` holds."""

    async def read(topic: str, until: EventsFound, timeout: float = 20.0) -> list[Event]:
        return await read_events(kafka_bootstrap, topic_prefix, topic, until, timeout=timeout)

    return read
