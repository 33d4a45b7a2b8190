"""The unit of work: one database transaction around a use case, with its events and audit rows.

Use cases run as::

    async with uow_factory(actor) as uow:
        ...change state through uow.session...
        uow.publish(SomethingHappened(...))   # staged in the outbox, same transaction
        uow.audit("forward", "application", app_id, reason=...)
        await uow.commit()

Leaving the block without ``commit()`` rolls everything back: state, events and audit rows.
After a commit the outbox relay and timer loop are woken, so events leave within milliseconds.

A service gives its unit of work its repositories (``uow.applications``, …) by subclassing
`UnitOfWork` and naming the subclass in its `ServiceDefinition`; use cases then reach data only
through the unit of work — its repositories, `schedule_timer`/`cancel_timer` and
`working_calendar` — so they run unchanged on the in-memory unit of work of
`sme_kit.testing.fakes`.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from sme_contracts import Event
from sme_contracts.envelope import wrap
from sme_kit.auth import Principal
from sme_kit.clock import Clock
from sme_kit.settings import ServiceSettings
from sme_kit.tables import audit_log, outbox
from sme_kit.tracing import current_trace_headers, current_trace_id

if TYPE_CHECKING:
    from datetime import datetime

    from sme_kit.workdays import WorkingCalendar

AfterCommit = Callable[[], Awaitable[None] | None]


@dataclass(frozen=True)
class Actor:
    """Who causes a change: a user (token subject and role) or the system itself."""

    subject: str
    role: str

    @classmethod
    def system(cls, why: str = "system") -> Actor:
        return cls(subject=why, role="system")

    @classmethod
    def of(cls, principal: Principal) -> Actor:
        """The actor behind an authenticated request."""
        return cls(subject=principal.subject, role=str(principal.role))


class UnitOfWork:
    """A transaction, the events it will publish and the audit rows it writes."""

    def __init__(self, factory: UnitOfWorkFactory[Any], actor: Actor) -> None:
        self.factory = factory
        self.actor = actor
        self.session: AsyncSession = factory.sessions()
        self._events: list[dict[str, Any]] = []
        self._audit: list[dict[str, Any]] = []
        self._after_commit: list[AfterCommit] = []
        self._committed = False

    @property
    def clock(self) -> Clock:
        return self.factory.clock

    async def __aenter__(self) -> Self:
        await self.session.begin()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            if not self._committed:
                await self.session.rollback()
        finally:
            await self.session.close()

    def publish(self, event: Event) -> str:
        """Stage an event; it is written to the outbox with the transaction. Returns its id."""
        envelope = wrap(
            event,
            source=self.factory.source,
            event_id=str(uuid.uuid4()),
            time=self.clock.now(),
            trace=current_trace_headers(),
        )
        self._events.append(
            {
                "event_id": envelope.id,
                "topic": self.factory.settings.topic(event.topic.name),
                "key": envelope.subject,
                "event_type": envelope.type,
                "headers": [[name, value.decode()] for name, value in envelope.headers()],
                "payload": envelope.data.decode(),
                "created_at": envelope.time,
            }
        )
        return envelope.id

    def audit(
        self, action: str, target_type: str, target_id: str, *, reason: str | None = None, **details: Any
    ) -> None:
        """Record who did what to which object, and why (readable by the bureau)."""
        self._audit.append(
            {
                "at": self.clock.now(),
                "actor": self.actor.subject,
                "role": self.actor.role,
                "action": action,
                "target_type": target_type,
                "target_id": target_id,
                "reason": reason,
                "details": details,
                "trace_id": current_trace_id(),
            }
        )

    @contextlib.asynccontextmanager
    async def savepoint(self) -> AsyncIterator[None]:
        """A part that can fail alone: its changes, staged events and audit rows roll back together."""
        marks = (len(self._events), len(self._audit), len(self._after_commit))
        try:
            async with self.session.begin_nested():
                yield
        except BaseException:
            del self._events[marks[0] :], self._audit[marks[1] :], self._after_commit[marks[2] :]
            raise

    def after_commit(self, callback: AfterCommit) -> None:
        self._after_commit.append(callback)

    async def schedule_timer(
        self, kind: str, key: str, due_at: datetime, payload: dict[str, Any] | None = None, *, if_absent: bool = False
    ) -> None:
        """Create or move the durable timer (kind, key) with this transaction (see `sme_kit.timers.schedule`)."""
        from sme_kit import timers  # timers' handlers take a unit of work: imported when used

        await timers.schedule(self, kind, key, due_at, payload, if_absent=if_absent)

    async def cancel_timer(self, kind: str, key: str) -> None:
        """Forget the pending timer (kind, key) with this transaction."""
        from sme_kit import timers

        await timers.cancel(self, kind, key)

    async def working_calendar(self) -> WorkingCalendar:
        """The working-day calendar with every official year loaded into this service."""
        from sme_kit.calendar_admin import load_calendar  # the calendar's admin API takes a unit of work

        return await load_calendar(self.session)

    async def commit(self) -> None:
        if self._events:
            await self.session.execute(insert(outbox), self._events)
        if self._audit:
            await self.session.execute(insert(audit_log), self._audit)
        await self.session.commit()
        self._committed = True
        if self._events:
            self.factory.events_committed()
        for callback in self._after_commit:
            result = callback()
            if result is not None:
                await result


U = TypeVar("U", bound=UnitOfWork)


@dataclass
class UnitOfWorkFactory(Generic[U]):
    """Builds units of work of one kind (``unit_of_work``) for one service; the composition root makes one."""

    sessions: async_sessionmaker[AsyncSession]
    settings: ServiceSettings
    clock: Clock
    unit_of_work: type[U]
    on_events_committed: list[Callable[[], None]] = field(default_factory=list)
    on_timers_scheduled: list[Callable[[], None]] = field(default_factory=list)

    @property
    def source(self) -> str:
        return f"/gz/sme/{self.settings.service_name}"

    def __call__(self, actor: Actor | None = None) -> U:
        return self.unit_of_work(self, actor or Actor.system())

    def events_committed(self) -> None:
        for wake in self.on_events_committed:
            wake()

    def timers_scheduled(self) -> None:
        for wake in self.on_timers_scheduled:
            wake()
