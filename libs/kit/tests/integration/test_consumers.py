"""Idempotent consumers, offset commits after the transaction, and dead letters, on real Kafka."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiokafka import ConsumerRecord
from faststream.kafka import KafkaBroker
from sqlalchemy import event as sa_event
from sqlalchemy import insert, select

from sme_contracts.envelope import CloudEvent, wrap
from sme_contracts.registry import ApplicationSubmitted
from sme_kit.consumers import EventConsumer, EventHandlers
from sme_kit.testing import wait_until
from sme_kit.uow import UnitOfWork

from .conftest import KitEnv, read_topic, received
from .test_outbox import TOPIC, submitted

pytestmark = pytest.mark.integration


def recording_handlers(fail_for: set[str] | None = None) -> EventHandlers:
    handlers = EventHandlers("test")

    @handlers.handles(ApplicationSubmitted)
    async def on_submitted(event: ApplicationSubmitted, envelope: CloudEvent, uow: UnitOfWork) -> None:
        if fail_for and event.application_id in fail_for:
            raise RuntimeError(f"cannot handle {event.application_id}")
        await uow.session.execute(
            insert(received).values(application_id=event.application_id, entity_name=event.entity_name)
        )

    return handlers


@pytest.fixture
async def running(kit_env: KitEnv) -> AsyncIterator[tuple[KitEnv, EventConsumer, KafkaBroker]]:
    consumer = EventConsumer(recording_handlers(fail_for={"poison"}), kit_env.uow, kit_env.producer, kit_env.settings)
    broker = KafkaBroker(kit_env.settings.kafka_bootstrap_servers, logger=None)
    consumer.subscribe(broker)
    await broker.start()
    yield kit_env, consumer, broker
    await broker.stop()


async def produce(env: KitEnv, envelope: CloudEvent) -> None:
    await env.producer.send_and_wait(
        env.settings.topic(TOPIC), envelope.data, key=envelope.key, headers=envelope.headers()
    )


async def test_a_redelivered_event_changes_nothing(running: tuple[KitEnv, EventConsumer, KafkaBroker]) -> None:
    env, _consumer, _ = running
    envelope = wrap(submitted("twice"), source="/test")
    await produce(env, envelope)
    await produce(env, envelope)  # the same event id again, as after a producer retry or relay crash
    await produce(env, wrap(submitted("after"), source="/test"))
    await wait_until(lambda: env.count(received), what="both distinct events handled")
    await wait_until(lambda: _equals(env.count(received), 2), what="two business rows")
    assert await env.inbox_rows() == 2


async def test_offsets_are_committed_after_the_handler_transaction(
    running: tuple[KitEnv, EventConsumer, KafkaBroker],
) -> None:
    env, _consumer, _broker = running
    await produce(env, wrap(submitted("committed"), source="/test"))
    await wait_until(lambda: _equals(env.count(received), 1), what="the event handled")
    from aiokafka import AIOKafkaConsumer, TopicPartition

    probe = AIOKafkaConsumer(bootstrap_servers=env.settings.kafka_bootstrap_servers, group_id=env.settings.group_id)
    await probe.start()
    try:

        async def committed_total() -> int:
            parts = [TopicPartition(env.settings.topic(TOPIC), p) for p in range(3)]
            return sum([(await probe.committed(tp)) or 0 for tp in parts])

        assert await wait_until(committed_total, what="a committed offset") == 1
    finally:
        await probe.stop()


async def test_an_unparseable_record_goes_to_the_dead_letter_topic_and_the_next_one_is_handled(
    running: tuple[KitEnv, EventConsumer, KafkaBroker], kafka_bootstrap: str
) -> None:
    env, _, _ = running
    await env.producer.send_and_wait(env.settings.topic(TOPIC), b"not json", key=b"k", headers=[("ce_type", b"x")])
    await produce(env, wrap(submitted("next"), source="/test"))
    await wait_until(lambda: _equals(env.count(received), 1), what="the good event after the bad one")
    letters = await read_topic(kafka_bootstrap, env.settings.dead_letter_topic, expected=1)
    headers = dict(letters[0][1])
    assert headers["dlq_reason"] == b"unparseable"
    assert headers["dlq_error_type"] == b"EnvelopeError"
    assert b"missing ce_specversion" in headers["dlq_error_message"]
    assert headers["dlq_original_topic"] == env.settings.topic(TOPIC).encode()


async def test_a_handler_that_keeps_failing_is_retried_then_dead_lettered(
    running: tuple[KitEnv, EventConsumer, KafkaBroker], kafka_bootstrap: str
) -> None:
    env, _, _ = running
    poison = wrap(submitted("poison"), source="/test")
    await produce(env, poison)
    await produce(env, wrap(submitted("healthy"), source="/test"))
    await wait_until(lambda: _equals(env.count(received), 1), what="the healthy event")
    letters = await read_topic(kafka_bootstrap, env.settings.dead_letter_topic, expected=1)
    envelope, headers, _key = letters[0]
    assert envelope.id == poison.id  # the original CloudEvent headers travel with the letter
    assert dict(headers)["dlq_reason"] == b"handler-failed"
    assert dict(headers)["dlq_attempts"] == b"2"
    assert b"cannot handle poison" in dict(headers)["dlq_error_message"]
    assert await env.inbox_rows() == 1  # the failed attempts left no claim behind


async def test_an_event_of_a_type_the_service_does_not_handle_is_skipped(
    running: tuple[KitEnv, EventConsumer, KafkaBroker],
) -> None:
    env, _, _ = running
    foreign = CloudEvent(
        id="f-1",
        source="/other",
        type="gz.sme.review.case.opened.v9",
        time=submitted("x").submitted_at,
        subject="c",
        data=b"{}",
    )
    await produce(env, foreign)
    await produce(env, wrap(submitted("known"), source="/test"))
    await wait_until(lambda: _equals(env.count(received), 1), what="the known event")
    assert await env.inbox_rows() == 1


async def _equals(value: object, expected: int) -> bool:
    return bool(await value == expected)  # type: ignore[misc]


async def test_an_infrastructure_failure_redelivers_the_batch_instead_of_dead_lettering(kit_env: KitEnv) -> None:
    handlers = EventHandlers("flaky")
    calls: list[str] = []

    @handlers.handles(ApplicationSubmitted)
    async def on_submitted(event: ApplicationSubmitted, envelope: CloudEvent, uow: UnitOfWork) -> None:
        calls.append(event.application_id)
        if len(calls) == 1:
            raise ConnectionError("database connection lost")  # as when PostgreSQL restarts
        await uow.session.execute(
            insert(received).values(application_id=event.application_id, entity_name=event.entity_name)
        )

    consumer = EventConsumer(handlers, kit_env.uow, kit_env.producer, kit_env.settings)
    broker = KafkaBroker(kit_env.settings.kafka_bootstrap_servers, logger=None)
    consumer.subscribe(broker)
    await broker.start()
    try:
        await produce(kit_env, wrap(submitted("flaky"), source="/test"))
        await wait_until(lambda: _equals(kit_env.count(received), 1), what="the event handled on redelivery")
        assert calls == ["flaky", "flaky"]
    finally:
        await broker.stop()


def _record(env: KitEnv, envelope: CloudEvent, offset: int) -> ConsumerRecord[bytes, bytes]:
    return ConsumerRecord(
        topic=env.settings.topic(TOPIC),
        partition=0,
        offset=offset,
        timestamp=0,
        timestamp_type=0,
        key=envelope.key,
        value=envelope.data,
        checksum=None,
        serialized_key_size=len(envelope.key or b""),
        serialized_value_size=len(envelope.data),
        headers=list(envelope.headers()),
    )


async def test_a_healthy_batch_claims_every_event_in_one_statement(kit_env: KitEnv) -> None:
    consumer = EventConsumer(recording_handlers(), kit_env.uow, kit_env.producer, kit_env.settings)
    envelopes = [wrap(submitted(f"app-{n}"), source="/test") for n in range(20)]
    statements: list[str] = []

    def executed(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    sa_event.listen(kit_env.engine.sync_engine, "before_cursor_execute", executed)
    try:
        await consumer.process([_record(kit_env, e, n) for n, e in enumerate(envelopes)])
    finally:
        sa_event.remove(kit_env.engine.sync_engine, "before_cursor_execute", executed)
    assert await kit_env.count(received) == 20
    assert await kit_env.inbox_rows() == 20
    assert len([s for s in statements if s.startswith("INSERT INTO kit_inbox")]) == 1  # not one per event
    assert not [s for s in statements if "SAVEPOINT" in s]


async def test_a_failing_event_in_a_batch_is_dead_lettered_alone_and_the_rest_is_handled_once(
    kit_env: KitEnv, kafka_bootstrap: str
) -> None:
    consumer = EventConsumer(recording_handlers(fail_for={"poison"}), kit_env.uow, kit_env.producer, kit_env.settings)
    before = wrap(submitted("handled-before"), source="/test")
    await consumer.process([_record(kit_env, before, 0)])
    first, poison, last = (wrap(submitted(name), source="/test") for name in ("first", "poison", "last"))

    batch = [first, before, poison, first, last]  # a redelivery and a second copy among them
    await consumer.process([_record(kit_env, e, n) for n, e in enumerate(batch, start=1)])

    async with kit_env.engine.connect() as conn:
        names = sorted((await conn.execute(select(received.c.application_id))).scalars())
    assert names == ["first", "handled-before", "last"]
    assert await kit_env.inbox_rows() == 3  # no claim for the dead letter
    assert (consumer.processed, consumer.duplicates, consumer.dead_lettered) == (3, 2, 1)
    [(letter, headers, _key)] = await read_topic(kafka_bootstrap, kit_env.settings.dead_letter_topic, expected=1)
    assert letter.id == poison.id
    assert dict(headers)["dlq_attempts"] == b"2"
