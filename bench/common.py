"""What the three benchmark parts share: events, records, databases, topics, settings and waiting."""

from __future__ import annotations

import asyncio
import os
import random
import statistics
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor
from sqlalchemy import Column, DateTime, MetaData, String, Table, Text, func, insert, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from sme_contracts.envelope import wrap
from sme_contracts.registry import ApplicationKind, ApplicationSubmitted
from sme_kit.db import create_engine, new_metadata
from sme_kit.kafka import ensure_topics
from sme_kit.settings import ServiceSettings
from sme_kit.testing.infra import create_database, drop_database
from sme_kit.vocabulary import SHANGHAI

TOPIC = ApplicationSubmitted.topic
PAYLOAD_TARGET_BYTES = 400
SOURCE = "/gz/sme/registry"

# --- the "business" tables: one row per handled application, and the raw consumer's inbox -------

bench_metadata = new_metadata()

applications = Table(
    "bench_applications",
    bench_metadata,
    Column("id", String(64), primary_key=True),
    Column("payload", Text, nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
)

raw_inbox = Table("raw_inbox", bench_metadata, Column("event_id", String(64), primary_key=True))


def application_row(event: ApplicationSubmitted, payload: bytes) -> dict[str, object]:
    return {"id": event.application_id, "payload": payload.decode(), "received_at": datetime.now(UTC)}


# --- events of ~400 bytes -------------------------------------------------------------------------

DISTRICTS = [
    ("440103", "荔湾区"),
    ("440104", "越秀区"),
    ("440105", "海珠区"),
    ("440106", "天河区"),
    ("440111", "白云区"),
    ("440112", "黄埔区"),
    ("440113", "番禺区"),
    ("440114", "花都区"),
    ("440115", "南沙区"),
    ("440117", "从化区"),
    ("440118", "增城区"),
]
TRADE_NAMES = ["智汇云", "粤创", "穗联", "岭南数智", "珠江新程", "羊城汇", "南粤启航", "广信达", "汇丰源", "越秀智造"]
INDUSTRIES = [
    "科技服务",
    "企业管理咨询",
    "知识产权代理",
    "人力资源服务",
    "检验检测",
    "工业设计",
    "跨境电商服务",
    "信息技术",
]
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def _entity_name(rng: random.Random, district: str) -> str:
    return f"广州市{district}{rng.choice(TRADE_NAMES)}{rng.choice(INDUSTRIES)}有限公司"


def _former_names(rng: random.Random) -> str:
    """A long enough list of plausible former names, cut to size to pad an event."""
    return "、".join(f"广州{rng.choice(TRADE_NAMES)}{rng.choice(INDUSTRIES)}有限公司" for _ in range(8))


def make_event(rng: random.Random) -> ApplicationSubmitted:
    """An application with a realistic Chinese entity name, padded so its JSON is ~400 bytes."""
    code, district = rng.choice(DISTRICTS)
    fields = {
        "application_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "round_year": 2026,
        "kind": ApplicationKind.NEW,
        "uscc": "9144" + code[2:] + "".join(rng.choice(USCC_CHARS) for _ in range(10)),
        "entity_name": _entity_name(rng, district),
        "district_code": code,
        "submitted_at": datetime.now(SHANGHAI),
    }
    event = ApplicationSubmitted.model_validate(fields)
    missing = PAYLOAD_TARGET_BYTES - len(event.model_dump_json().encode())
    chars = (missing - len("（曾用名：）".encode())) // 3  # CJK characters take 3 bytes in UTF-8
    if chars <= 0:
        return event
    former = _former_names(rng)[:chars].rstrip("、")
    return event.model_copy(update={"entity_name": f"{event.entity_name}（曾用名：{former}）"})


@dataclass(frozen=True)
class Record:
    """One Kafka record as the outbox relay produces it (CloudEvents binary mode)."""

    event_id: str
    key: bytes
    value: bytes
    headers: list[tuple[str, bytes]]


def make_record(event: ApplicationSubmitted) -> Record:
    envelope = wrap(event, source=SOURCE, event_id=str(uuid.uuid4()), time=datetime.now(SHANGHAI))
    return Record(envelope.id, envelope.key, envelope.data, envelope.headers())


def make_records(rng: random.Random, count: int) -> list[Record]:
    return [make_record(make_event(rng)) for _ in range(count)]


def average_sizes(records: Sequence[Record]) -> dict[str, float]:
    """Average value (JSON payload) and header bytes of records."""
    if not records:
        return {"payload_bytes": 0.0, "header_bytes": 0.0}
    payload = statistics.fmean(len(r.value) for r in records)
    headers = statistics.fmean(sum(len(k) + len(v) for k, v in r.headers) for r in records)
    return {"payload_bytes": round(payload, 1), "header_bytes": round(headers, 1)}


# --- the run: its unique names, its databases and topics ------------------------------------------


@dataclass
class Bench:
    """One benchmark run: where the servers are, and the names it created (to clean up)."""

    admin_url: str
    bootstrap: str
    run_id: str
    admin: AIOKafkaAdminClient
    rng: random.Random
    tracing: bool = False  # instrument the kit's engines as a service does (see run.py --tracing)
    topics: list[str] = field(default_factory=list)

    def prefix(self, part: str) -> str:
        """The topic and consumer-group prefix of one part of this run."""
        return f"{self.run_id}.{part}."

    def settings(self, part: str, service: str, database_url: str) -> ServiceSettings:
        """Kit settings as a service builds them (other fields still read the environment)."""
        return ServiceSettings(
            service_name=service,
            database_url=database_url,
            kafka_bootstrap_servers=self.bootstrap,
            kafka_topic_prefix=self.prefix(part),
            auth_dev_secret="x" * 40,
            environment="dev",
        )

    async def create_topic(self, settings: ServiceSettings, name: str) -> str:
        """Create a topic of the contract's partition count; it is deleted at the end of the run."""
        await ensure_topics(settings, [(name, TOPIC.partitions)])
        self.topics.append(name)
        return name

    async def delete_topics(self) -> None:
        if self.topics:
            await self.admin.delete_topics(self.topics)
            self.topics.clear()


@dataclass(frozen=True)
class Database:
    url: str
    engine: AsyncEngine


@asynccontextmanager
async def fresh_database(
    bench: Bench, label: str, metadatas: Iterable[MetaData], *, kit_engine: bool
) -> AsyncIterator[Database]:
    """A new database with the given tables, dropped afterwards.

    ``kit_engine`` picks the kit's engine (``sme_kit.db.create_engine``: pool of 10, pre-ping, and
    the SQLAlchemy instrumentation when tracing); otherwise SQLAlchemy's defaults, as a hand-written
    consumer would have.
    """
    url = await create_database(bench.admin_url, prefix=f"bench_{label}")
    engine = create_engine(url) if kit_engine else create_async_engine(url)
    if kit_engine and bench.tracing:
        SQLAlchemyInstrumentor().instrument(engine=engine.sync_engine)
    try:
        async with engine.begin() as conn:
            for metadata in metadatas:
                await conn.run_sync(metadata.create_all)
        yield Database(url, engine)
    finally:
        await engine.dispose()
        await drop_database(bench.admin_url, url)


async def count_rows(engine: AsyncEngine, table: Table) -> int:
    async with engine.connect() as conn:
        return int(await conn.scalar(select(func.count()).select_from(table)) or 0)


# --- Kafka ----------------------------------------------------------------------------------------

EndOffsets = dict[TopicPartition, int]


async def produce(producer: AIOKafkaProducer, topic: str, records: Sequence[Record], chunk: int = 500) -> EndOffsets:
    """Send records in chunks (send all of a chunk, then await every delivery); returns end offsets."""
    ends: EndOffsets = {}
    for start in range(0, len(records), chunk):
        deliveries = [
            await producer.send(topic, r.value, key=r.key, headers=r.headers) for r in records[start : start + chunk]
        ]
        for metadata in await asyncio.gather(*deliveries):
            partition = TopicPartition(metadata.topic, metadata.partition)
            ends[partition] = max(ends.get(partition, 0), metadata.offset + 1)
    return ends


async def committed_to_end(admin: AIOKafkaAdminClient, group: str, ends: EndOffsets) -> bool:
    """Whether the group's committed offsets reached the given end offsets."""
    committed = await admin.list_consumer_group_offsets(group, partitions=list(ends))
    return all(tp in committed and committed[tp].offset >= end for tp, end in ends.items())


async def records_in_topic(bootstrap: str, topic: str) -> int:
    """How many records a topic holds (sum of its partitions' end offsets)."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap)
    await consumer.start()
    try:
        partitions = [TopicPartition(topic, p) for p in range(TOPIC.partitions)]
        return sum((await consumer.end_offsets(partitions)).values())
    finally:
        await consumer.stop()


# --- the raw consumer's unit of work: inbox claim + business row, one transaction -----------------


async def handle_raw(conn: AsyncConnection, event_id: str, value: bytes) -> bool:
    """What the kit's consumer does for a record, written by hand. Returns False for a duplicate."""
    event = ApplicationSubmitted.model_validate_json(value)
    claimed = await conn.execute(pg_insert(raw_inbox).values(event_id=event_id).on_conflict_do_nothing())
    if not claimed.rowcount:
        return False
    await conn.execute(insert(applications).values(application_row(event, value)))
    return True


def header_value(headers: Sequence[tuple[str, bytes]], name: str) -> str:
    for key, value in headers:
        if key == name:
            return value.decode()
    raise ValueError(f"record without {name} header")


# --- time -----------------------------------------------------------------------------------------


class Stamps:
    """When each event's consumer transaction committed (perf_counter seconds), by event id."""

    def __init__(self) -> None:
        self.at: dict[str, float] = {}
        self.first: float | None = None

    def stamp(self, event_id: str) -> None:
        now = time.perf_counter()
        self.at[event_id] = now
        if self.first is None:
            self.first = now

    def __len__(self) -> int:
        return len(self.at)


async def wait_until(
    check: Callable[[], bool | Awaitable[bool]], *, timeout_s: float, what: str, interval_s: float = 0.005
) -> None:
    """Poll until ``check`` holds; raise TimeoutError naming ``what`` otherwise."""
    deadline = time.perf_counter() + timeout_s
    while True:
        result = check()
        if not isinstance(result, bool):
            result = await result
        if result:
            return
        if time.perf_counter() > deadline:
            raise TimeoutError(f"timed out after {timeout_s:.0f}s waiting for {what}")
        await asyncio.sleep(interval_s)


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100) with linear interpolation between closest ranks."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = (len(ordered) - 1) * q / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def env(name: str, default: str) -> str:
    return os.environ.get(name) or default
