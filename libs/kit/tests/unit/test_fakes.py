"""The in-memory unit of work keeps what a use case commits, and drops what it does not."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime, timedelta

import pytest

from sme_contracts.review import ReviewCalendarYearMissing as CalendarYearMissing
from sme_kit.clock import MovableClock
from sme_kit.paging import PageRequest
from sme_kit.testing.fakes import FakeUnitOfWork, FakeUnitOfWorkFactory, World, copied_page
from sme_kit.uow import Actor

START = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


class Counters:
    def __init__(self) -> None:
        self.values: dict[str, int] = {}


class CountingUnitOfWork(FakeUnitOfWork):
    def __init__(self, world: World, actor: Actor) -> None:
        super().__init__(world, actor)
        self.counters = world.repository(Counters)


def factory() -> FakeUnitOfWorkFactory[CountingUnitOfWork]:
    return FakeUnitOfWorkFactory(CountingUnitOfWork, clock=MovableClock.starting_at(START))


def missing(year: int) -> CalendarYearMissing:
    return CalendarYearMissing(service="kit", years=[year], checked_on=START.date(), load_path=f"/calendar/{year}")


async def test_what_one_unit_of_work_commits_the_next_one_reads() -> None:
    uow_factory = factory()
    async with uow_factory(Actor("u-1", "bureau_admin")) as uow:
        uow.counters.values["a"] = 1
        uow.publish(missing(2031))
        uow.audit("count", "counter", "a", reason="first")
        await uow.commit()

    async with uow_factory() as uow:
        assert uow.counters.values == {"a": 1}
    assert uow_factory.world.events_of(CalendarYearMissing) == [missing(2031)]
    assert [(row.actor, row.action, row.reason) for row in uow_factory.world.audited] == [("u-1", "count", "first")]


async def test_events_timers_and_audit_rows_of_an_uncommitted_unit_of_work_are_dropped() -> None:
    uow_factory = factory()
    async with uow_factory() as uow:
        uow.publish(missing(2031))
        uow.audit("count", "counter", "a")
        await uow.schedule_timer("expiry", "a", START + timedelta(days=1))

    assert uow_factory.world.published == []
    assert uow_factory.world.audited == []
    assert uow_factory.world.timers == {}


async def test_timers_are_set_moved_kept_if_absent_and_cancelled() -> None:
    uow_factory = factory()
    async with uow_factory() as uow:
        await uow.schedule_timer("expiry", "a", START + timedelta(days=1), {"n": 1})
        await uow.commit()
    async with uow_factory() as uow:
        await uow.schedule_timer("expiry", "a", START + timedelta(days=9), if_absent=True)
        await uow.schedule_timer("expiry", "b", START + timedelta(days=2))
        await uow.commit()
    assert {key: timer.due_at - START for key, timer in uow_factory.world.timers.items()} == {
        ("expiry", "a"): timedelta(days=1),
        ("expiry", "b"): timedelta(days=2),
    }

    async with uow_factory() as uow:
        await uow.cancel_timer("expiry", "a")
        await uow.commit()
    assert set(uow_factory.world.timers) == {("expiry", "b")}


async def test_a_failed_savepoint_drops_only_its_own_events() -> None:
    uow_factory = factory()
    async with uow_factory() as uow:
        uow.publish(missing(2031))
        with contextlib.suppress(RuntimeError):
            async with uow.savepoint():
                uow.publish(missing(2032))
                raise RuntimeError("this part fails alone")
        await uow.commit()

    assert [event.years[0] for event in uow_factory.world.events_of(CalendarYearMissing)] == [2031]


async def test_naive_due_times_are_refused_as_by_the_real_timers() -> None:
    async with factory()() as uow:
        with pytest.raises(ValueError, match="timezone-aware"):
            await uow.schedule_timer("expiry", "a", datetime(2026, 3, 2, 9, 0))


def test_an_in_memory_page_hands_out_copies() -> None:
    stored = [{"n": 1}, {"n": 2}, {"n": 3}]

    page = copied_page(stored, PageRequest(limit=2, offset=1))
    page.items[0]["n"] = 99

    assert (page.total, [item["n"] for item in page.items]) == (3, [99, 3])
    assert stored == [{"n": 1}, {"n": 2}, {"n": 3}]
