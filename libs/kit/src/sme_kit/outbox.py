"""The outbox relay: publishes committed events to Kafka in order and marks them published.

Events are written to ``kit_outbox`` by the unit of work, in the same transaction as the state
change. The relay reads unpublished rows in id order, sends them with the idempotent producer
(key = aggregate id, so an aggregate's events keep their order), waits for every
acknowledgement and only then marks them published. A crash between sending and marking
re-sends those events later: consumers are idempotent, so that is harmless, and nothing is lost.

On PostgreSQL an advisory lock makes one relay per service active at a time, so replicas never
interleave an aggregate's events; the others stand by.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import zlib
from datetime import timedelta
from typing import Any

from aiokafka import AIOKafkaProducer
from opentelemetry import trace
from sqlalchemy import delete, func, select, text, update
from sqlalchemy.ext.asyncio import AsyncEngine

from sme_kit.clock import Clock
from sme_kit.db import is_sqlite
from sme_kit.tables import outbox
from sme_kit.tracing import current_trace_headers, span_from_headers

log = logging.getLogger(__name__)


class OutboxRelay:
    """Moves events from a service's outbox to Kafka. Woken on commit, polls as a fallback."""

    def __init__(
        self,
        engine: AsyncEngine,
        producer: AIOKafkaProducer,
        clock: Clock,
        *,
        service: str,
        batch_size: int = 500,
        poll_interval_s: float = 1.0,
        send_timeout_s: float = 30.0,
        keep_published: timedelta = timedelta(days=7),
    ) -> None:
        self._engine = engine
        self._producer = producer
        self._clock = clock
        self._batch_size = batch_size
        self._poll_interval_s = poll_interval_s
        self._send_timeout_s = send_timeout_s
        self._keep_published = keep_published
        self._lock_key = zlib.crc32(f"sme-outbox-{service}".encode())
        self._wake = asyncio.Event()
        self._sqlite = is_sqlite(str(engine.url))
        self.published = 0

    def wake(self) -> None:
        """Called after a commit that wrote events."""
        self._wake.set()

    async def run(self) -> None:
        """Publish until cancelled; a failing broker is retried with back-off, never dropped."""
        backoff = 0.2
        last_purge = self._clock.now()
        while True:
            self._wake.clear()
            try:
                sent = await self.publish_batch()
                backoff = 0.2
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("outbox relay: publishing failed, retrying in %.1fs: %s", backoff, type(exc).__name__)
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 10.0)
                continue
            if sent >= self._batch_size:
                continue  # more waiting: go on at once
            if self._clock.now() - last_purge > timedelta(hours=1):
                await self.purge_published()
                last_purge = self._clock.now()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self._poll_interval_s)

    async def publish_batch(self) -> int:
        """Publish the next batch of unpublished events; returns how many were published."""
        async with self._engine.begin() as conn:
            if not self._sqlite:
                got_lock = await conn.scalar(text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": self._lock_key})
                if not got_lock:
                    return 0  # another replica is relaying
            rows = (
                await conn.execute(
                    select(
                        outbox.c.id,
                        outbox.c.topic,
                        outbox.c.key,
                        outbox.c.event_type,
                        outbox.c.headers,
                        outbox.c.payload,
                    )
                    .where(outbox.c.published_at.is_(None))
                    .order_by(outbox.c.id)
                    .limit(self._batch_size)
                )
            ).all()
            if not rows:
                return 0
            deliveries = []
            for row in rows:
                headers = [(name, value.encode()) for name, value in row.headers]
                deliveries.append(await self._send(row.topic, row.key, row.payload, headers, row.event_type))
            acknowledged = asyncio.gather(*deliveries)
            # On timeout or shutdown nobody awaits it any more: read its outcome so asyncio does not warn.
            acknowledged.add_done_callback(lambda done: done.cancelled() or done.exception())
            await asyncio.wait_for(acknowledged, self._send_timeout_s)
            ids = [row.id for row in rows]
            await conn.execute(update(outbox).where(outbox.c.id.in_(ids)).values(published_at=self._clock.now()))
        self.published += len(rows)
        return len(rows)

    async def _send(
        self, topic: str, key: str, payload: str, headers: list[tuple[str, bytes]], event_type: str
    ) -> asyncio.Future[Any]:
        trace_headers = {name: value.decode() for name, value in headers if name in ("traceparent", "tracestate")}
        if not trace_headers:
            delivery: asyncio.Future[Any] = await self._producer.send(
                topic, payload.encode(), key=key.encode(), headers=headers
            )
            return delivery
        # Continue the trace of the transaction that wrote the event, through the publish span.
        attributes = {"messaging.system": "kafka", "cloudevents.event_type": event_type}
        with span_from_headers(f"{topic} publish", trace_headers, trace.SpanKind.PRODUCER, **attributes):
            fresh = current_trace_headers()
            headers = [(name, value) for name, value in headers if name not in fresh]
            headers += [(name, value.encode()) for name, value in fresh.items()]
            delivery = await self._producer.send(topic, payload.encode(), key=key.encode(), headers=headers)
            return delivery

    async def pending(self) -> int:
        """How many committed events are not yet published (for readiness and metrics)."""
        async with self._engine.connect() as conn:
            return int(
                await conn.scalar(select(func.count()).select_from(outbox).where(outbox.c.published_at.is_(None))) or 0
            )

    async def purge_published(self) -> None:
        """Drop published rows older than the retention, so the table stays small."""
        cutoff = self._clock.now() - self._keep_published
        async with self._engine.begin() as conn:
            await conn.execute(delete(outbox).where(outbox.c.published_at.is_not(None), outbox.c.published_at < cutoff))
