"""(c) latency: one event at a time, from the producing commit to the consumer's committed transaction.

Kit path: a unit of work writes a business row and publishes the event (t0 right after its commit);
the running ``OutboxRelay.run()`` task, woken by the commit, publishes it; an ``EventConsumer`` on a
``KafkaBroker`` handles it; t1 is taken after the handler's transaction committed (``after_commit``).
Raw path: ``AIOKafkaProducer.send_and_wait`` (t0 just before it), then a plain aiokafka consumer loop
handles the record in its own transaction (t1 after its commit).

Events are sent on a fixed tick (every ``gap_ms``), so this measures latency, not throughput.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncEngine

from bench.common import (
    TOPIC,
    Bench,
    Stamps,
    application_row,
    applications,
    bench_metadata,
    fresh_database,
    make_event,
    make_record,
    percentile,
    wait_until,
)
from bench.consume import running_kit_consumer, running_raw_consumer
from sme_kit.clock import SystemClock
from sme_kit.db import session_factory
from sme_kit.kafka import new_producer, stop_producer
from sme_kit.outbox import OutboxRelay
from sme_kit.settings import ServiceSettings
from sme_kit.tables import kit_metadata
from sme_kit.uow import UnitOfWork, UnitOfWorkFactory

Send = Callable[[], Awaitable[tuple[str, float]]]  # sends one event; returns its id and t0


async def measure(
    send: Send, stamps: Stamps, count: int, gap_s: float, check: Callable[[], None] = lambda: None
) -> list[float]:
    """Send ``count`` events on a fixed tick, wait for all of them; latencies in ms, in send order."""
    sent: dict[str, float] = {}
    start = time.perf_counter()
    for i in range(count):
        event_id, t0 = await send()
        sent[event_id] = t0
        await asyncio.sleep(max(0.0, start + (i + 1) * gap_s - time.perf_counter()))

    def all_handled() -> bool:
        check()
        return all(event_id in stamps.at for event_id in sent)

    await wait_until(all_handled, timeout_s=60, what=f"{count} events to arrive")
    return [(stamps.at[event_id] - t0) * 1000 for event_id, t0 in sent.items()]


def summary(latencies_ms: list[float]) -> dict[str, float]:
    return {
        "p50_ms": round(percentile(latencies_ms, 50), 2),
        "p99_ms": round(percentile(latencies_ms, 99), 2),
        "mean_ms": round(statistics.fmean(latencies_ms), 2),
        "max_ms": round(max(latencies_ms), 2),
    }


# --- kit ------------------------------------------------------------------------------------------


@asynccontextmanager
async def running_relay(
    settings: ServiceSettings, engine: AsyncEngine, uow_factory: UnitOfWorkFactory[UnitOfWork]
) -> AsyncIterator[None]:
    """The relay loop as a service runs it: woken by every commit that wrote events."""
    producer = new_producer(settings)
    await producer.start()
    relay = OutboxRelay(
        engine,
        producer,
        service=settings.service_name,
        batch_size=settings.relay_batch_size,
        poll_interval_s=settings.relay_poll_interval_s,
    )
    uow_factory.on_events_committed.append(relay.wake)
    task = asyncio.create_task(relay.run(), name="outbox-relay")
    try:
        yield
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        await stop_producer(producer)


async def kit_latency(bench: Bench, count: int, warmup: int, gap_s: float) -> list[float]:
    async with (
        fresh_database(bench, "latency_pub", [kit_metadata, bench_metadata], kit_engine=True) as pub_db,
        fresh_database(bench, "latency_sub", [kit_metadata, bench_metadata], kit_engine=True) as sub_db,
    ):
        pub_settings = bench.settings("latency", "benchpub", pub_db.url)
        sub_settings = bench.settings("latency", "bench", sub_db.url)
        await bench.create_topic(pub_settings, pub_settings.topic(TOPIC.name))
        uow_factory = UnitOfWorkFactory(session_factory(pub_db.engine), pub_settings, SystemClock(), UnitOfWork)
        stamps = Stamps()

        async def submit() -> tuple[str, float]:
            event = make_event(bench.rng)
            async with uow_factory() as uow:
                await uow.session.execute(
                    insert(applications).values(application_row(event, event.model_dump_json().encode()))
                )
                event_id = uow.publish(event)
                await uow.commit()
            return event_id, time.perf_counter()

        async with (
            running_relay(pub_settings, pub_db.engine, uow_factory),
            running_kit_consumer(sub_settings, sub_db.engine, stamps),
        ):
            await measure(submit, stamps, warmup, gap_s)
            return await measure(submit, stamps, count, gap_s)


# --- raw ------------------------------------------------------------------------------------------


async def raw_latency(bench: Bench, count: int, warmup: int, gap_s: float) -> list[float]:
    async with fresh_database(bench, "latency_raw", [bench_metadata], kit_engine=False) as db:
        settings = bench.settings("latency-raw", "benchraw", db.url)
        topic = await bench.create_topic(settings, settings.topic(TOPIC.name))
        producer = new_producer(settings)  # a plain AIOKafkaProducer with the kit's settings
        await producer.start()
        stamps = Stamps()

        async def send() -> tuple[str, float]:
            record = make_record(make_event(bench.rng))
            t0 = time.perf_counter()
            await producer.send_and_wait(topic, record.value, key=record.key, headers=record.headers)
            return record.event_id, t0

        try:
            async with running_raw_consumer(bench, topic, settings.group_id, db.engine, stamps) as raw:
                await measure(send, stamps, warmup, gap_s, raw.check)
                return await measure(send, stamps, count, gap_s, raw.check)
        finally:
            await stop_producer(producer)


async def run_latency(bench: Bench, count: int, warmup: int, gap_ms: float) -> dict[str, Any]:
    kit = await kit_latency(bench, count, warmup, gap_ms / 1000)
    raw = await raw_latency(bench, count, warmup, gap_ms / 1000)
    return {"events": count, "gap_ms": gap_ms, "kit": summary(kit), "raw": summary(raw)}
