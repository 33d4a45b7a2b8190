"""Durable timers: deadlines stored in the service's database and fired by a loop.

A use case schedules a timer in its unit of work (so it exists exactly when the state change
does); the loop fires due timers, each in its own unit of work together with whatever the
handler changes or publishes, and marks it fired in that same transaction. A crash before the
commit leaves the timer pending, so it fires after the restart. On PostgreSQL due timers are
claimed with ``FOR UPDATE SKIP LOCKED``, so several replicas can run the loop.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select, update

from sme_kit.aio import run_loop
from sme_kit.tables import timers
from sme_kit.uow import Actor, UnitOfWork, UnitOfWorkFactory
from sme_kit.upsert import insert_or_ignore, insert_or_update

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Timer:
    """A due timer as its handler sees it."""

    kind: str
    key: str
    due_at: datetime
    payload: dict[str, Any]


# A handler gets the due timer and a unit of work of the service's own kind (the one its
# `ServiceDefinition` names), so it is typed with that kind, never cast.
TimerHandler = Callable[[Timer, Any], Awaitable[None]]


async def schedule(
    uow: UnitOfWork,
    kind: str,
    key: str,
    due_at: datetime,
    payload: dict[str, Any] | None = None,
    *,
    if_absent: bool = False,
) -> None:
    """Create the timer (kind, key), or move it (pending or fired) to a new due time.

    With ``if_absent`` an existing timer of that kind and key, pending or fired, is left as it is:
    for timers scheduled idempotently, e.g. at every start-up. A handler may re-arm its own timer
    by scheduling its kind and key again.
    """
    if due_at.tzinfo is None:
        raise ValueError("due_at must be timezone-aware")
    values = {
        "kind": kind,
        "key": key,
        "due_at": due_at,
        "payload": payload or {},
        "created_at": uow.clock.now(),
        "attempts": 0,
    }
    if if_absent:
        await insert_or_ignore(uow.session, timers, values, keys=["kind", "key"])
    else:
        moved = {"due_at": due_at, "payload": values["payload"], "fired_at": None, "attempts": 0, "last_error": None}
        await insert_or_update(uow.session, timers, values, keys=["kind", "key"], update=moved)
    uow.after_commit(uow.factory.timers_scheduled)


async def cancel(uow: UnitOfWork, kind: str, key: str) -> None:
    """Forget a pending timer (fired ones are kept as history)."""
    await uow.session.execute(
        delete(timers).where(timers.c.kind == kind, timers.c.key == key, timers.c.fired_at.is_(None))
    )


def _calling(use_case: Callable[..., Awaitable[None]]) -> TimerHandler:
    async def handle(timer: Timer, uow: Any) -> None:
        await use_case(timer=timer, uow=uow)

    handle.__name__ = getattr(use_case, "__name__", "handle")
    handle.__qualname__ = getattr(use_case, "__qualname__", handle.__name__)
    handle.__module__ = getattr(use_case, "__module__", __name__)
    return handle


class TimerRegistry:
    """Timer kinds of one service and their handlers."""

    def __init__(self) -> None:
        self._handlers: dict[str, TimerHandler] = {}

    def on(self, kind: str) -> Callable[[TimerHandler], TimerHandler]:
        def register(handler: TimerHandler) -> TimerHandler:
            if kind in self._handlers:
                raise ValueError(f"timer kind {kind!r} already has a handler")
            self._handlers[kind] = handler
            return handler

        return register

    def route(self, routes: Mapping[str, Callable[..., Awaitable[None]]]) -> TimerRegistry:
        """Declare the handlers as a table: each timer kind and the use case it runs.

        The use case is called with keyword arguments ``timer`` and ``uow``, so no wrapper is needed.
        """
        for kind, use_case in routes.items():
            self.on(kind)(_calling(use_case))
        return self

    def get(self, kind: str) -> TimerHandler | None:
        return self._handlers.get(kind)

    @classmethod
    def merged(cls, *registries: TimerRegistry | None) -> TimerRegistry:
        """One registry with the handlers of all (a kind handled twice is a programming error)."""
        merged = cls()
        for registry in registries:
            for kind, handler in (registry._handlers if registry else {}).items():
                merged.on(kind)(handler)
        return merged

    def __bool__(self) -> bool:
        return bool(self._handlers)


class TimerLoop:
    """Fires due timers until cancelled."""

    def __init__(
        self,
        registry: TimerRegistry,
        uow_factory: UnitOfWorkFactory[Any],
        *,
        poll_interval_s: float = 1.0,
        batch_size: int = 100,
    ) -> None:
        self._registry = registry
        self._uow = uow_factory
        self._poll_interval_s = poll_interval_s
        self._batch_size = batch_size
        self._wake = asyncio.Event()
        self._firing = asyncio.Lock()
        self.fired = 0

    def wake(self) -> None:
        self._wake.set()

    async def run(self) -> None:
        """Fire due timers until cancelled; woken when a commit scheduled one, polling as a fallback."""
        await run_loop(self._pass, wake=self._wake, idle_s=self._poll_interval_s, name="timers")

    async def _pass(self) -> float | None:
        fired = await self.fire_due()
        return 0 if fired >= self._batch_size else None  # a full batch: more may be due at once

    async def fire_due(self) -> int:
        """Fire every timer due now, each in its own transaction; returns how many fired.

        One pass at a time in a process: a caller (a test that just moved the clock) waits for a
        pass already under way, so that ``fired`` has counted all it fired when the call returns.
        """
        async with self._firing:
            fired = 0
            for _ in range(self._batch_size):
                if not await self._fire_next():
                    break
                fired += 1
                self.fired += 1
            return fired

    async def _fire_next(self) -> bool:
        async with self._uow(Actor.system("timer")) as uow:
            query = (
                select(timers)
                .where(timers.c.fired_at.is_(None), timers.c.due_at <= uow.clock.now())
                .order_by(timers.c.due_at, timers.c.id)
                .limit(1)
            )
            if uow.session.get_bind().dialect.name == "postgresql":
                query = query.with_for_update(skip_locked=True)
            row = (await uow.session.execute(query)).first()
            if row is None:
                return False
            timer = Timer(kind=row.kind, key=row.key, due_at=row.due_at, payload=dict(row.payload))
            handler = self._registry.get(timer.kind)
            try:
                if handler is None:
                    raise LookupError(f"no handler for timer kind {timer.kind!r}")
                await handler(timer, uow)
                # Unless the handler re-armed it (a new due time), the timer has fired.
                await uow.session.execute(
                    update(timers)
                    .where(timers.c.id == row.id, timers.c.due_at == row.due_at, timers.c.fired_at.is_(None))
                    .values(fired_at=uow.clock.now(), attempts=row.attempts + 1)
                )
                await uow.commit()
                return True
            except Exception as exc:
                failure = exc
        await self._postpone(row.id, row.attempts + 1, failure)
        return True

    async def _postpone(self, timer_id: int, attempts: int, failure: Exception) -> None:
        """Keep a failing timer, with its error, and try it again after an exponential back-off."""
        log.warning("timers: timer %d failed (attempt %d): %s", timer_id, attempts, type(failure).__name__)
        async with self._uow(Actor.system("timer")) as uow:
            retry_at = uow.clock.now() + min(timedelta(seconds=2**attempts), timedelta(hours=1))
            await uow.session.execute(
                update(timers)
                .where(timers.c.id == timer_id)
                .values(attempts=attempts, last_error=f"{type(failure).__name__}: {failure}"[:2000], due_at=retry_at)
            )
            await uow.commit()
