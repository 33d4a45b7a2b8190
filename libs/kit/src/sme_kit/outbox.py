"""The outbox relay: publishes committed events to Kafka in order, then removes them.

Events are written to ``kit_outbox`` by the unit of work, in the same transaction as the state
change, so an event exists exactly when its change does. The relay reads rows in id order,
hands them to the idempotent producer (key = aggregate id: one aggregate, one partition, in
order) and deletes them only once the broker acknowledged every one. A crash between the two
re-sends those events later: consumers are idempotent, so that is harmless, and nothing is lost.

While the broker acknowledges one batch, the relay already reads and sends the next (at most two
batches outstanding), so database and broker round trips overlap. Reads use the relay's own
autocommit connection; deletes, single statements, autocommit too.

Order per aggregate holds because use cases change an aggregate under its row lock
(``SELECT ... FOR UPDATE``): its events get ids in commit order. A row that commits after a
later id was read is picked up by the next pass.

On PostgreSQL an advisory lock, held by the relay's connection, makes one relay per service active
at a time, so replicas never interleave an aggregate's events; the others stand by and take over
when that connection goes (the server releases the lock with it).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import zlib
from collections.abc import Sequence
from typing import Any

from aiokafka import AIOKafkaProducer
from sqlalchemy import delete, func, select, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from sme_kit.aio import Backoff, run_loop
from sme_kit.db import is_sqlite
from sme_kit.tables import outbox

log = logging.getLogger(__name__)

# A broker that is down is retried soon, then every 10 s; commits ringing meanwhile do not hurry it.
_BACKOFF = Backoff(first_s=0.2, factor=2.0, max_s=10.0)

_NEXT_ROWS = select(outbox.c.id, outbox.c.topic, outbox.c.key, outbox.c.headers, outbox.c.payload).order_by(outbox.c.id)


class OutboxRelay:
    """Moves events from a service's outbox to Kafka. Woken on commit, polls as a fallback."""

    def __init__(
        self,
        engine: AsyncEngine,
        producer: AIOKafkaProducer,
        *,
        service: str,
        batch_size: int = 500,
        poll_interval_s: float = 1.0,
        send_timeout_s: float = 30.0,
    ) -> None:
        self._engine = engine
        self._producer = producer
        self._batch_size = batch_size
        self._poll_interval_s = poll_interval_s
        self._send_timeout_s = send_timeout_s
        self._lock_key = zlib.crc32(f"sme-outbox-{service}".encode())
        self._wake = asyncio.Event()
        self._sqlite = is_sqlite(str(engine.url))
        self._reader: AsyncConnection | None = None
        self._running = False
        self.published = 0

    @property
    def batch_size(self) -> int:
        return self._batch_size

    def wake(self) -> None:
        """Called after a commit that wrote events."""
        self._wake.set()

    async def run(self) -> None:
        """Publish until cancelled; a failing broker is retried with back-off, never dropped."""
        self._running = True  # keep the reading connection (and leadership) between passes
        try:
            await run_loop(
                self._pass, wake=self._wake, idle_s=self._poll_interval_s, name="outbox relay", backoff=_BACKOFF
            )
        finally:
            self._running = False
            await self.close()

    async def _pass(self) -> None:
        await self.drain()

    async def publish_batch(self) -> int:
        """Publish one batch of waiting events; returns how many were published."""
        return await self.drain(max_batches=1)

    async def drain(self, *, max_batches: int | None = None) -> int:
        """Publish what waits in the outbox now; returns how many events were published."""
        reader = await self._leader_connection()
        if reader is None:
            return 0  # another replica is relaying
        try:
            return await self._pump(reader, max_batches)
        except BaseException:
            await self.close()  # the connection may be broken: take a fresh one (and the lock) next time
            raise
        finally:
            if not self._running:
                await self.close()

    async def close(self) -> None:
        """Give up the reading connection and the leadership, so another relay may take over."""
        reader, self._reader = self._reader, None
        if reader is None:
            return
        try:
            if not self._sqlite:
                # The connection goes back to the pool, where a session lock would outlive us.
                await reader.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": self._lock_key})
            await reader.close()
        except Exception:
            with contextlib.suppress(Exception):
                await reader.invalidate()  # broken: discarding it ends its session and its lock

    async def _leader_connection(self) -> AsyncConnection | None:
        """The relay's own autocommit connection; on PostgreSQL it holds the service's relay lock."""
        if self._reader is None:
            reader = await (await self._engine.connect()).execution_options(isolation_level="AUTOCOMMIT")
            if not self._sqlite:
                leading = await reader.scalar(text("SELECT pg_try_advisory_lock(:key)"), {"key": self._lock_key})
                if not leading:
                    await reader.close()
                    return None
            self._reader = reader
        return self._reader

    async def _pump(self, reader: AsyncConnection, max_batches: int | None) -> int:
        published, cursor, batches = 0, 0, 0
        confirming: asyncio.Task[int] | None = None
        try:
            while max_batches is None or batches < max_batches:
                rows = (await reader.execute(_NEXT_ROWS.where(outbox.c.id > cursor).limit(self._batch_size))).all()
                if not rows:
                    break
                deliveries = [await self._send(row) for row in rows]  # one by one: the producer keeps this order
                cursor, batches = rows[-1].id, batches + 1
                if confirming is not None:
                    published += await confirming
                confirming = asyncio.create_task(self._confirm(deliveries, [row.id for row in rows]))
            if confirming is not None:
                published += await confirming
                confirming = None
        finally:
            if confirming is not None:
                confirming.cancel()
                with contextlib.suppress(BaseException):
                    await confirming
        return published

    async def _send(self, row: Any) -> asyncio.Future[Any]:
        headers = [(name, value.encode()) for name, value in row.headers]
        delivery: asyncio.Future[Any] = await self._producer.send(
            row.topic, row.payload.encode(), key=row.key.encode(), headers=headers
        )
        return delivery

    async def _confirm(self, deliveries: Sequence[asyncio.Future[Any]], ids: list[int]) -> int:
        """Wait for the broker's acknowledgements, then remove those events from the outbox."""
        acknowledged = asyncio.gather(*deliveries)
        # On timeout or shutdown nobody awaits it any more: read its outcome so asyncio does not warn.
        acknowledged.add_done_callback(lambda done: done.cancelled() or done.exception())
        async with asyncio.timeout(self._send_timeout_s):
            await acknowledged
        async with self._engine.connect() as conn:
            autocommit = await conn.execution_options(isolation_level="AUTOCOMMIT")
            await autocommit.execute(delete(outbox).where(outbox.c.id.in_(ids)))
        self.published += len(ids)
        return len(ids)

    async def pending(self) -> int:
        """How many committed events wait to be published (for readiness and metrics)."""
        async with self._engine.connect() as conn:
            return int(await conn.scalar(select(func.count()).select_from(outbox)) or 0)
