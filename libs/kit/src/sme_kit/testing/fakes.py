"""An in-memory unit of work, for testing use cases without PostgreSQL or Kafka.

It has the surface use cases see on the real `sme_kit.uow.UnitOfWork` — ``actor``, ``clock``,
``publish``, ``audit``, ``savepoint``, ``after_commit``, ``commit``, ``schedule_timer``,
``cancel_timer``, ``working_calendar`` — and records what they did, so a test reads the events
a command published, the timers it set and the audit rows it wrote. A service subclasses it to
add its in-memory repositories under the same names as its real unit of work::

    class FakeRegistryUnitOfWork(FakeUnitOfWork):
        def __init__(self, world: World, actor: Actor) -> None:
            super().__init__(world, actor)
            self.applications = world.repository(InMemoryApplications)

    uow_factory = FakeUnitOfWorkFactory(FakeRegistryUnitOfWork, clock=MovableClock.starting_at(...))

Repositories live in the factory's `World`, so what one unit of work commits the next one reads,
as with a database. Changes are not rolled back on failure: a use-case test asserts on what a
refused command raised, and on the events and timers of a committed one.
"""

from __future__ import annotations

import contextlib
import copy
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from types import TracebackType
from typing import Any, Generic, TypeVar

from sme_contracts import Event
from sme_kit.clock import Clock, MovableClock
from sme_kit.paging import PageOf, PageRequest
from sme_kit.uow import Actor
from sme_kit.workdays import CalendarYear, WorkingCalendar

__all__ = [
    "AuditRow",
    "FakeUnitOfWork",
    "FakeUnitOfWorkFactory",
    "PendingTimer",
    "World",
    "copied",
    "copied_all",
    "copied_page",
]

R = TypeVar("R")
F = TypeVar("F", bound="FakeUnitOfWork")


def copied(value: R) -> R:
    """A deep copy of what an in-memory repository stores or hands out.

    A database gives a use case a fresh object on every read, and keeps what was saved whatever
    the caller does to its object afterwards; copying in and out keeps a fake as honest.
    """
    return copy.deepcopy(value)


def copied_all(values: Iterable[R]) -> list[R]:
    """A deep copy of each value (see `copied`)."""
    return [copied(value) for value in values]


def copied_page(items: Sequence[R], request: PageRequest) -> PageOf[R]:
    """The requested page of an in-memory repository's ordered items, each copied out."""
    return PageOf.sliced(items, request).map(copied)


@dataclass(frozen=True)
class PendingTimer:
    """A timer a use case set: when it fires and what it carries."""

    due_at: datetime
    payload: dict[str, Any]


@dataclass(frozen=True)
class AuditRow:
    actor: str
    action: str
    target_type: str
    target_id: str
    reason: str | None
    details: dict[str, Any]


@dataclass
class World:
    """What every unit of work of one fake factory shares: the data, and what was committed."""

    clock: Clock
    published: list[Event] = field(default_factory=list)
    audited: list[AuditRow] = field(default_factory=list)
    timers: dict[tuple[str, str], PendingTimer] = field(default_factory=dict)
    calendar_years: dict[int, CalendarYear] = field(default_factory=dict)
    commits: int = 0
    _repositories: dict[type[Any], Any] = field(default_factory=dict)

    def repository(self, kind: Callable[[], R]) -> R:
        """The one instance of an in-memory repository class in this world (made on first use)."""
        key = kind if isinstance(kind, type) else type(kind)
        if key not in self._repositories:
            self._repositories[key] = kind()
        found: R = self._repositories[key]
        return found

    def events_of(self, kind: type[R]) -> list[R]:
        """The committed events of one type, oldest first."""
        return [event for event in self.published if isinstance(event, kind)]


class FakeUnitOfWork:
    """One use case's transaction, in memory; events, timers and audit rows reach the world on commit."""

    def __init__(self, world: World, actor: Actor) -> None:
        self.world = world
        self.actor = actor
        self.committed = False
        self._events: list[Event] = []
        self._audit: list[AuditRow] = []
        self._timers: dict[tuple[str, str], PendingTimer | None] = {}
        self._after_commit: list[Callable[[], Awaitable[None] | None]] = []

    @property
    def clock(self) -> Clock:
        return self.world.clock

    async def __aenter__(self: F) -> F:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        return None

    def publish(self, event: Event) -> str:
        self._events.append(event)
        return f"fake-event-{len(self.world.published) + len(self._events)}"

    def audit(
        self, action: str, target_type: str, target_id: str, *, reason: str | None = None, **details: Any
    ) -> None:
        self._audit.append(AuditRow(self.actor.subject, action, target_type, target_id, reason, details))

    @contextlib.asynccontextmanager
    async def savepoint(self) -> AsyncIterator[None]:
        marks = (len(self._events), len(self._audit))
        try:
            yield
        except BaseException:
            del self._events[marks[0] :], self._audit[marks[1] :]
            raise

    def after_commit(self, callback: Callable[[], Awaitable[None] | None]) -> None:
        self._after_commit.append(callback)

    async def schedule_timer(
        self, kind: str, key: str, due_at: datetime, payload: dict[str, Any] | None = None, *, if_absent: bool = False
    ) -> None:
        if due_at.tzinfo is None:
            raise ValueError("due_at must be timezone-aware")
        if if_absent and ((kind, key) in self.world.timers or self._timers.get((kind, key))):
            return
        self._timers[(kind, key)] = PendingTimer(due_at, dict(payload or {}))

    async def cancel_timer(self, kind: str, key: str) -> None:
        self._timers[(kind, key)] = None

    async def working_calendar(self) -> WorkingCalendar:
        return WorkingCalendar(dict(self.world.calendar_years))

    async def commit(self) -> None:
        self.world.published.extend(self._events)
        self.world.audited.extend(self._audit)
        for timer_key, timer in self._timers.items():
            if timer is None:
                self.world.timers.pop(timer_key, None)
            else:
                self.world.timers[timer_key] = timer
        self._events, self._audit, self._timers = [], [], {}
        self.world.commits += 1
        self.committed = True
        for callback in self._after_commit:
            result = callback()
            if result is not None:
                await result


class FakeUnitOfWorkFactory(Generic[F]):
    """Makes a service's fake units of work over one shared `World` (call it like the real factory)."""

    def __init__(self, unit_of_work: Callable[[World, Actor], F], *, clock: Clock | None = None) -> None:
        self.world = World(clock or MovableClock())
        self._unit_of_work = unit_of_work

    @property
    def clock(self) -> Clock:
        return self.world.clock

    def __call__(self, actor: Actor | None = None) -> F:
        return self._unit_of_work(self.world, actor or Actor.system())
