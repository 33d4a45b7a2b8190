"""(b) consume: the kit's EventConsumer on FastStream against a hand-written aiokafka getmany loop.

Both read the same N records from one topic (each with its own consumer group) and, per record and
in its own transaction, claim the event id in an inbox table and insert a business row. Each is
timed from its start until every record was handled and its group's committed offsets reached the
end of the topic.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from aiokafka import AIOKafkaConsumer
from faststream.kafka import KafkaBroker
from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncEngine

from bench.common import (
    TOPIC,
    Bench,
    EndOffsets,
    Stamps,
    application_row,
    applications,
    average_sizes,
    bench_metadata,
    committed_to_end,
    count_rows,
    fresh_database,
    handle_raw,
    header_value,
    make_records,
    produce,
    raw_inbox,
    wait_until,
)
from sme_contracts.envelope import CloudEvent
from sme_contracts.registry import ApplicationSubmitted
from sme_kit.clock import SystemClock
from sme_kit.consumers import EventConsumer, EventHandlers
from sme_kit.db import session_factory
from sme_kit.kafka import new_producer, stop_producer
from sme_kit.settings import ServiceSettings
from sme_kit.tables import inbox, kit_metadata
from sme_kit.uow import UnitOfWork, UnitOfWorkFactory

# The raw loop polls like the kit's subscriber (EventConsumer.subscribe: max_records, batch_timeout_ms).
MAX_RECORDS = 500
POLL_TIMEOUT_MS = 100
TIMEOUT_S = 300.0


# --- the kit --------------------------------------------------------------------------------------


def bench_handlers(stamps: Stamps) -> EventHandlers:
    """The service's handlers: one business row per application, stamped once committed."""
    handlers = EventHandlers("bench")

    @handlers.handles(ApplicationSubmitted)
    async def on_submitted(event: ApplicationSubmitted, envelope: CloudEvent, uow: UnitOfWork) -> None:
        await uow.session.execute(insert(applications).values(application_row(event, envelope.data)))
        uow.after_commit(lambda: stamps.stamp(envelope.id))

    return handlers


@asynccontextmanager
async def running_kit_consumer(settings: ServiceSettings, engine: AsyncEngine, stamps: Stamps) -> AsyncIterator[float]:
    """An EventConsumer subscribed on a started KafkaBroker; yields the moment the start began."""
    uow_factory = UnitOfWorkFactory(session_factory(engine), settings, SystemClock())
    producer = new_producer(settings)  # for dead letters, as in a service
    await producer.start()
    broker = KafkaBroker(settings.kafka_bootstrap_servers, client_id=f"sme-{settings.service_name}", logger=None)
    consumer = EventConsumer(bench_handlers(stamps), uow_factory, producer, settings)
    consumer.subscribe(broker)
    try:
        started = time.perf_counter()
        await broker.start()
        yield started
    finally:
        await broker.stop()
        await stop_producer(producer)


# --- raw aiokafka ---------------------------------------------------------------------------------


async def raw_loop(consumer: AIOKafkaConsumer, engine: AsyncEngine, stamps: Stamps) -> None:
    """getmany, one transaction per record, commit the offsets after each batch."""
    while True:
        batches = await consumer.getmany(timeout_ms=POLL_TIMEOUT_MS, max_records=MAX_RECORDS)
        for records in batches.values():
            for record in records:
                event_id = header_value(record.headers, "ce_id")
                async with engine.begin() as conn:
                    await handle_raw(conn, event_id, record.value)
                stamps.stamp(event_id)
        if batches:
            await consumer.commit()


@dataclass
class RawConsumer:
    """A raw consumer loop running as a task; ``check`` re-raises its failure."""

    started: float
    task: asyncio.Task[None]

    def check(self) -> None:
        if self.task.done() and not self.task.cancelled():
            self.task.result()


@asynccontextmanager
async def running_raw_consumer(
    bench: Bench, topic: str, group: str, engine: AsyncEngine, stamps: Stamps
) -> AsyncIterator[RawConsumer]:
    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=bench.bootstrap,
        client_id="bench-raw",
        group_id=group,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
    )
    started = time.perf_counter()
    await consumer.start()
    task = asyncio.create_task(raw_loop(consumer, engine, stamps), name=f"raw-consumer {group}")
    try:
        yield RawConsumer(started, task)
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        await consumer.stop()


# --- timing ---------------------------------------------------------------------------------------


async def time_kit(
    bench: Bench, settings: ServiceSettings, engine: AsyncEngine, ends: EndOffsets, count: int
) -> dict[str, float]:
    stamps = Stamps()
    async with running_kit_consumer(settings, engine, stamps) as started:
        await wait_until(lambda: len(stamps) >= count, timeout_s=TIMEOUT_S, what=f"kit: {count} events handled")
        await wait_until(
            lambda: committed_to_end(bench.admin, settings.group_id, ends), timeout_s=30, what="kit: offsets committed"
        )
        seconds = time.perf_counter() - started
    return {"seconds": seconds, "first_record_s": (stamps.first or started) - started}


async def time_raw(
    bench: Bench, topic: str, group: str, engine: AsyncEngine, ends: EndOffsets, count: int
) -> dict[str, float]:
    stamps = Stamps()
    async with running_raw_consumer(bench, topic, group, engine, stamps) as raw:

        def handled() -> bool:
            raw.check()
            return len(stamps) >= count

        await wait_until(handled, timeout_s=TIMEOUT_S, what=f"raw: {count} events handled")
        await wait_until(
            lambda: committed_to_end(bench.admin, group, ends), timeout_s=30, what="raw: offsets committed"
        )
        seconds = time.perf_counter() - raw.started
    return {"seconds": seconds, "first_record_s": (stamps.first or raw.started) - raw.started}


async def run_consume(bench: Bench, events: int, warmup: int) -> dict[str, Any]:
    async with (
        fresh_database(bench, "consume_kit", [kit_metadata, bench_metadata], kit_engine=True) as kit_db,
        fresh_database(bench, "consume_raw", [bench_metadata], kit_engine=False) as raw_db,
    ):
        settings = bench.settings("consume", "bench", kit_db.url)
        warm_settings = bench.settings("consume-warmup", "bench", kit_db.url)
        topic = await bench.create_topic(settings, settings.topic(TOPIC.name))
        warm_topic = await bench.create_topic(warm_settings, warm_settings.topic(TOPIC.name))
        records = make_records(bench.rng, events)
        producer = new_producer(settings)
        await producer.start()
        try:
            warm_ends = await produce(producer, warm_topic, make_records(bench.rng, warmup))
            ends = await produce(producer, topic, records)
        finally:
            await stop_producer(producer)

        await time_kit(bench, warm_settings, kit_db.engine, warm_ends, warmup)
        kit = await time_kit(bench, settings, kit_db.engine, ends, events)
        await time_raw(bench, warm_topic, f"{warm_settings.group_id}-raw", raw_db.engine, warm_ends, warmup)
        raw = await time_raw(bench, topic, f"{settings.group_id}-raw", raw_db.engine, ends, events)

        for engine, table in ((kit_db.engine, applications), (kit_db.engine, inbox), (raw_db.engine, raw_inbox)):
            rows = await count_rows(engine, table)
            if rows != warmup + events:
                raise RuntimeError(f"{table.name} has {rows} rows, expected {warmup + events}")
    return {
        "events": events,
        "partitions": TOPIC.partitions,
        "kit_seconds": round(kit["seconds"], 3),
        "raw_seconds": round(raw["seconds"], 3),
        "kit_first_record_s": round(kit["first_record_s"], 3),
        "raw_first_record_s": round(raw["first_record_s"], 3),
        "kit_events_per_s": round(events / kit["seconds"]),
        "raw_events_per_s": round(events / raw["seconds"]),
        "ratio": round(raw["seconds"] / kit["seconds"], 4),
        **average_sizes(records),
    }
