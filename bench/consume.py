"""(b) consume: the kit's EventConsumer on FastStream against a hand-written aiokafka getmany loop.

Both read the same N records (each with its own consumer group) and, per record, claim the event id
in an inbox table and insert a business row: the kit in one transaction per polled batch (one
inbox statement for the batch, then the handlers; how every service consumes), the raw loop in one
transaction per record. Each is timed from its start until every record was handled and its
group's committed offsets reached the end of the topic.
The N records are split over a few topics (rounds) that kit and raw take in turns.
"""

from __future__ import annotations

import asyncio
import statistics
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
    Record,
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
ROUNDS = 4


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
    uow_factory = UnitOfWorkFactory(session_factory(engine), settings, SystemClock(), UnitOfWork)
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


@dataclass(frozen=True)
class Round:
    """One share of the events, on its own topic, read by a kit group and a raw group."""

    settings: ServiceSettings
    topic: str
    ends: EndOffsets
    count: int


async def prepare_rounds(bench: Bench, database_url: str, shares: dict[str, list[Record]]) -> list[Round]:
    """One topic per share (named by the share's label), its records produced, untimed."""
    prepared = []
    producer = new_producer(bench.settings("consume", "benchpub", database_url))
    await producer.start()
    try:
        for label, share in shares.items():
            settings = bench.settings(label, "bench", database_url)
            topic = await bench.create_topic(settings, settings.topic(TOPIC.name))
            prepared.append(Round(settings, topic, await produce(producer, topic, share), len(share)))
    finally:
        await stop_producer(producer)
    return prepared


async def run_consume(bench: Bench, events: int, warmup: int, rounds: int = ROUNDS) -> dict[str, Any]:
    """Kit and raw take turns (alternating who goes first) on ``rounds`` shares of the events, so
    that a disturbance on the machine (a checkpoint, another process) falls on both sides."""
    async with (
        fresh_database(bench, "consume_kit", [kit_metadata, bench_metadata], kit_engine=True) as kit_db,
        fresh_database(bench, "consume_raw", [bench_metadata], kit_engine=False) as raw_db,
    ):
        records = make_records(bench.rng, events)
        shares = {"consume-warmup": make_records(bench.rng, warmup)}
        shares |= {f"consume-{number + 1}": records[number::rounds] for number in range(rounds)}
        warm, *timed = await prepare_rounds(bench, kit_db.url, shares)
        kit_engine, raw_engine = kit_db.engine, raw_db.engine

        async def kit(r: Round) -> dict[str, float]:
            return await time_kit(bench, r.settings, kit_engine, r.ends, r.count)

        async def raw(r: Round) -> dict[str, float]:
            return await time_raw(bench, r.topic, f"{r.settings.group_id}-raw", raw_engine, r.ends, r.count)

        await kit(warm)
        await raw(warm)
        results = []
        for number, r in enumerate(timed):
            if number % 2:
                raw_result, kit_result = await raw(r), await kit(r)
            else:
                kit_result, raw_result = await kit(r), await raw(r)
            results.append({"kit": kit_result, "raw": raw_result})

        for engine, table in ((kit_engine, applications), (kit_engine, inbox), (raw_engine, raw_inbox)):
            rows = await count_rows(engine, table)
            if rows != warmup + events:
                raise RuntimeError(f"{table.name} has {rows} rows, expected {warmup + events}")
    return summarize(events, records, results)


def summarize(events: int, records: list[Record], rounds: list[dict[str, dict[str, float]]]) -> dict[str, Any]:
    kit = sum(r["kit"]["seconds"] for r in rounds)
    raw = sum(r["raw"]["seconds"] for r in rounds)
    round_ratios = [r["raw"]["seconds"] / r["kit"]["seconds"] for r in rounds]
    return {
        "events": events,
        "partitions": TOPIC.partitions,
        "rounds": len(rounds),
        "kit_seconds": round(kit, 3),
        "raw_seconds": round(raw, 3),
        "kit_first_record_s": round(statistics.fmean(r["kit"]["first_record_s"] for r in rounds), 3),
        "raw_first_record_s": round(statistics.fmean(r["raw"]["first_record_s"] for r in rounds), 3),
        "kit_events_per_s": round(events / kit),
        "raw_events_per_s": round(events / raw),
        "ratio": round(raw / kit, 4),
        "round_ratios": [round(ratio, 3) for ratio in round_ratios],
        **average_sizes(records),
    }
