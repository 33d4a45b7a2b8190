"""Feeding a test's events to Kafka and reading them back, as the services' integration tests do."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable
from typing import Any, TypeVar

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from sme_contracts import Event
from sme_contracts.envelope import CloudEvent, unwrap, wrap
from sme_kit.testing.waiting import wait_until

E = TypeVar("E", bound=Event)
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


class TopicReader:
    """Reads one of this test's topics from its beginning, keeping every event, and waits for some.

    Unlike `read_events` it reads on where it stopped, so a test can wait for one event, act, and
    wait for the next without reading the topic again.
    """

    def __init__(self, kafka_bootstrap: str, topic: str) -> None:
        self._consumer = AIOKafkaConsumer(topic, bootstrap_servers=kafka_bootstrap, auto_offset_reset="earliest")
        self._started = False
        self.topic = topic
        self.events: list[Event] = []
        self.raw: list[bytes] = []

    async def poll(self) -> None:
        """Read what arrived since the last poll (at most 200 ms of waiting)."""
        if not self._started:
            await self._consumer.start()
            self._started = True
        batches = await self._consumer.getmany(timeout_ms=200)
        for records in batches.values():
            for record in records:
                self.raw.append(bytes(record.value or b""))
                self.events.append(unwrap(record.headers, record.value).decode())

    async def wait_for(
        self, kind: type[E], where: Callable[[E], bool] = lambda _: True, *, count: int = 1, timeout: float = 20.0
    ) -> list[E]:
        """The events of ``kind`` matching ``where``, once at least ``count`` of them arrived."""

        async def arrived() -> list[E] | None:
            await self.poll()
            found = [event for event in self.events if isinstance(event, kind) and where(event)]
            return found if len(found) >= count else None

        found: list[E] | None = await wait_until(
            arrived, timeout=timeout, what=f"{count} {kind.__name__} event(s) on {self.topic}"
        )
        return found or []

    async def stop(self) -> None:
        if self._started:
            self._started = False
            await self._consumer.stop()


class EventFeeder:
    """Publishes contract events onto this test's topics as their services do (CloudEvents, binary mode)."""

    def __init__(self, producer: AIOKafkaProducer, prefix: str) -> None:
        self._producer = producer
        self._prefix = prefix

    async def send(
        self, event: Event, *, source: str | None = None, envelope: CloudEvent | None = None, copies: int = 1
    ) -> CloudEvent:
        """Publish ``event`` (``copies`` times the very same record, as after a producer retry).

        ``source`` defaults to the publishing service's (``/gz/sme/<service>`` from the event type);
        ``envelope`` sends a prepared envelope instead, e.g. one already sent, to test duplicates.
        """
        if envelope is None:
            envelope = wrap(event, source=source or f"/gz/sme/{event.event_type.split('.')[2]}")
        for _ in range(copies):
            await self._producer.send_and_wait(
                self._prefix + event.topic.name, envelope.data, key=envelope.key, headers=envelope.headers()
            )
        return envelope


@contextlib.asynccontextmanager
async def event_feeder(kafka_bootstrap: str, prefix: str) -> AsyncIterator[EventFeeder]:
    """An `EventFeeder` with its own idempotent producer, stopped afterwards."""
    producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap, acks="all", enable_idempotence=True)
    await producer.start()
    try:
        yield EventFeeder(producer, prefix)
    finally:
        await producer.stop()


@pytest.fixture
async def feed(kafka_bootstrap: str, topic_prefix: str) -> AsyncIterator[EventFeeder]:
    """``await feed.send(event)``: another service's event on this test's topics."""
    async with event_feeder(kafka_bootstrap, topic_prefix) as feeder:
        yield feeder
