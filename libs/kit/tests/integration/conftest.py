"""A minimal service on the real broker and database, to exercise the kit's plumbing."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from sqlalchemy import Column, String, Table, func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from sme_contracts.envelope import CloudEvent, unwrap
from sme_kit.clock import MovableClock
from sme_kit.db import create_engine, new_metadata, session_factory
from sme_kit.kafka import ensure_topics, new_producer, stop_producer
from sme_kit.settings import ServiceSettings
from sme_kit.tables import inbox, kit_metadata, outbox
from sme_kit.testing import wait_until
from sme_kit.testing.infra import create_database, drop_database
from sme_kit.uow import UnitOfWork, UnitOfWorkFactory

pytestmark = pytest.mark.integration

business_metadata = new_metadata()
received = Table(
    "received",
    business_metadata,
    Column("application_id", String(64), primary_key=True),
    Column("entity_name", String(200)),
)


@dataclass
class KitEnv:
    settings: ServiceSettings
    engine: AsyncEngine
    uow: UnitOfWorkFactory[UnitOfWork]
    producer: AIOKafkaProducer
    clock: MovableClock

    async def count(self, table: Table) -> int:
        async with self.engine.connect() as conn:
            return int(await conn.scalar(select(func.count()).select_from(table)) or 0)

    async def unpublished(self) -> int:
        async with self.engine.connect() as conn:
            return int(await conn.scalar(select(func.count()).select_from(outbox)) or 0)

    async def inbox_rows(self) -> int:
        return await self.count(inbox)


@pytest.fixture(params=["postgresql", "sqlite"])
async def kit_env(
    request: pytest.FixtureRequest,
    pg_admin_url: str,
    kafka_bootstrap: str,
    topic_prefix: str,
    tmp_path: Path,
    clock_start: datetime,
) -> AsyncIterator[KitEnv]:
    """The kit on each backend it supports: PostgreSQL (tests, production) and SQLite (`make run`)."""
    on_postgresql = request.param == "postgresql"
    database_url = (
        await create_database(pg_admin_url) if on_postgresql else f"sqlite+aiosqlite:///{tmp_path / 'kit.sqlite'}"
    )
    settings = ServiceSettings(
        service_name="kittest",
        database_url=database_url,
        kafka_bootstrap_servers=kafka_bootstrap,
        kafka_topic_prefix=topic_prefix,
        auth_dev_secret="x" * 40,
        consumer_max_attempts=2,
        consumer_retry_backoff_s=0.01,
        relay_poll_interval_s=0.2,
        timer_poll_interval_s=0.1,
    )
    engine = create_engine(database_url)
    async with engine.begin() as conn:
        await conn.run_sync(kit_metadata.create_all)
        await conn.run_sync(business_metadata.create_all)
    clock = MovableClock.starting_at(clock_start)
    producer = new_producer(settings)
    await producer.start()
    await ensure_topics(settings, [(settings.topic("gz.sme.registry.application"), 3), (settings.dead_letter_topic, 1)])
    yield KitEnv(
        settings, engine, UnitOfWorkFactory(session_factory(engine), settings, clock, UnitOfWork), producer, clock
    )
    await stop_producer(producer)
    await engine.dispose()
    if on_postgresql:
        await drop_database(pg_admin_url, database_url)


async def read_topic(
    bootstrap: str, topic: str, expected: int, timeout: float = 20.0
) -> list[tuple[CloudEvent, list[tuple[str, bytes]], bytes | None]]:
    """Read a topic from the beginning until ``expected`` records arrived."""
    consumer = AIOKafkaConsumer(
        topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest", enable_auto_commit=False
    )
    await consumer.start()
    found: list[tuple[CloudEvent, list[tuple[str, bytes]], bytes | None]] = []
    try:

        async def more() -> bool:
            batches = await consumer.getmany(timeout_ms=200)
            for records in batches.values():
                for record in records:
                    headers = list(record.headers or ())
                    try:
                        envelope = unwrap(headers, record.value)
                    except ValueError:
                        envelope = CloudEvent(
                            id="",
                            source="",
                            type="",
                            time=None,  # type: ignore[arg-type]
                            subject="",
                            data=record.value or b"",
                        )
                    found.append((envelope, headers, record.key))
            return len(found) >= expected

        await wait_until(more, timeout=timeout, what=f"{expected} records on {topic}")
    finally:
        await consumer.stop()
    return found
