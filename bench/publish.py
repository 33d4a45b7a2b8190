"""(a) publish: the outbox relay draining N events, against a plain producer sending the same records.

Writing the outbox is not timed. Timed on the kit side: ``OutboxRelay.drain()``, what the running
relay does, until the outbox is empty (read a batch, send it, and while the broker acknowledges
it read and send the next; delete each batch once acknowledged).
Timed on the raw side: an ``AIOKafkaProducer`` with the kit's producer settings sending the same
values, keys and headers in chunks of the relay's batch size (send the chunk, await all deliveries).
"""

from __future__ import annotations

import random
import time
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from bench.common import TOPIC, Bench, Record, average_sizes, fresh_database, make_event, produce, records_in_topic
from sme_kit.clock import SystemClock
from sme_kit.db import session_factory
from sme_kit.kafka import new_producer, stop_producer
from sme_kit.outbox import OutboxRelay
from sme_kit.settings import ServiceSettings
from sme_kit.tables import kit_metadata, outbox
from sme_kit.uow import UnitOfWork, UnitOfWorkFactory

WRITE_CHUNK = 1000


async def fill_outbox(uow_factory: UnitOfWorkFactory[UnitOfWork], rng: random.Random, count: int) -> None:
    """Stage ``count`` events through units of work, committing every WRITE_CHUNK (not timed)."""
    for start in range(0, count, WRITE_CHUNK):
        async with uow_factory() as uow:
            for _ in range(min(WRITE_CHUNK, count - start)):
                uow.publish(make_event(rng))
            await uow.commit()


async def unpublished_records(engine: AsyncEngine) -> list[Record]:
    """The outbox rows waiting to be published, as the records the relay will send."""
    query = select(outbox.c.event_id, outbox.c.key, outbox.c.headers, outbox.c.payload)
    async with engine.connect() as conn:
        rows = (await conn.execute(query.order_by(outbox.c.id))).all()
    return [
        Record(row.event_id, row.key.encode(), row.payload.encode(), [(n, v.encode()) for n, v in row.headers])
        for row in rows
    ]


async def drain(relay: OutboxRelay) -> tuple[float, int]:
    """Drain the outbox as the running relay does; returns (seconds, batches)."""
    start = time.perf_counter()
    published = await relay.drain()
    return time.perf_counter() - start, -(-published // relay.batch_size)


async def kit_publish(
    bench: Bench, settings: ServiceSettings, engine: AsyncEngine, events: int, warmup: int
) -> dict[str, Any]:
    clock = SystemClock()
    uow_factory = UnitOfWorkFactory(session_factory(engine), settings, clock, UnitOfWork)
    producer = new_producer(settings)
    await producer.start()
    relay = OutboxRelay(
        engine,
        producer,
        service=settings.service_name,
        batch_size=settings.relay_batch_size,
        poll_interval_s=settings.relay_poll_interval_s,
    )
    try:
        await fill_outbox(uow_factory, bench.rng, warmup)
        await drain(relay)
        await fill_outbox(uow_factory, bench.rng, events)
        records = await unpublished_records(engine)
        seconds, batches = await drain(relay)
        pending = await relay.pending()
    finally:
        await stop_producer(producer)
    if pending or relay.published != warmup + events:
        raise RuntimeError(f"relay published {relay.published} of {warmup + events}, {pending} pending")
    return {"seconds": seconds, "batches": batches, "records": records}


async def raw_publish(bench: Bench, settings: ServiceSettings, topic: str, records: list[Record], warmup: int) -> float:
    producer = new_producer(settings)  # a plain AIOKafkaProducer with exactly the kit's settings
    await producer.start()
    try:
        await produce(producer, topic, records[:warmup])  # warm-up: the first records, sent once more
        start = time.perf_counter()
        await produce(producer, topic, records, chunk=settings.relay_batch_size)
        return time.perf_counter() - start
    finally:
        await stop_producer(producer)


async def run_publish(bench: Bench, events: int, warmup: int) -> dict[str, Any]:
    async with fresh_database(bench, "publish", [kit_metadata], kit_engine=True) as db:
        settings = bench.settings("publish", "benchpub", db.url)
        raw_settings = bench.settings("publish-raw", "benchraw", db.url)
        kit_topic = await bench.create_topic(settings, settings.topic(TOPIC.name))
        raw_topic = await bench.create_topic(raw_settings, raw_settings.topic(TOPIC.name))
        kit = await kit_publish(bench, settings, db.engine, events, warmup)
        records: list[Record] = kit["records"]
        raw_seconds = await raw_publish(bench, raw_settings, raw_topic, records, warmup)
    warm = min(warmup, len(records))
    for topic, expected in ((kit_topic, warmup + events), (raw_topic, warm + events)):
        found = await records_in_topic(bench.bootstrap, topic)
        if found != expected:
            raise RuntimeError(f"{topic} holds {found} records, expected {expected}")
    return {
        "events": events,
        "batch_size": settings.relay_batch_size,
        "kit_seconds": round(kit["seconds"], 3),
        "raw_seconds": round(raw_seconds, 3),
        "kit_events_per_s": round(events / kit["seconds"]),
        "raw_events_per_s": round(events / raw_seconds),
        "kit_batches": kit["batches"],
        "ratio": round(raw_seconds / kit["seconds"], 4),
        **average_sizes(records),
    }
