"""Durable timers on PostgreSQL: they fire once, with their changes, and survive a restart."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy import insert, select

from sme_kit.tables import timers
from sme_kit.testing import wait_until
from sme_kit.timers import Timer, TimerLoop, TimerRegistry, cancel, schedule
from sme_kit.uow import Actor, UnitOfWork

from .conftest import KitEnv, received
from .test_consumers import _equals

pytestmark = pytest.mark.integration


def registry(fired: list[str], *, failures: int = 0) -> TimerRegistry:
    timers_registry = TimerRegistry()
    remaining = [failures]

    @timers_registry.on("notice.closes")
    async def close_notice(timer: Timer, uow: UnitOfWork) -> None:
        if remaining[0] > 0:
            remaining[0] -= 1
            await uow.session.execute(insert(received).values(application_id="half-done", entity_name="rolled back"))
            raise RuntimeError("not yet")
        fired.append(timer.key)
        await uow.session.execute(insert(received).values(application_id=timer.key, entity_name=timer.payload["name"]))

    return timers_registry


async def schedule_in(env: KitEnv, key: str, delay: timedelta) -> None:
    async with env.uow(Actor.system()) as uow:
        await schedule(uow, "notice.closes", key, uow.clock.now() + delay, {"name": "公示期结束"})
        await uow.commit()


async def test_a_timer_not_yet_due_does_not_fire(kit_env: KitEnv) -> None:
    fired: list[str] = []
    await schedule_in(kit_env, "n-later", timedelta(days=5))
    assert await TimerLoop(registry(fired), kit_env.uow).fire_due() == 0
    assert fired == []


async def test_a_due_timer_fires_once_with_its_changes_after_a_restart(kit_env: KitEnv) -> None:
    await schedule_in(kit_env, "n-1", timedelta(days=5))
    # The process that scheduled it is gone; a new one starts with its own loop, days later.
    kit_env.clock.advance(timedelta(days=5, seconds=1))
    fired: list[str] = []
    restarted = TimerLoop(registry(fired), kit_env.uow)
    assert await restarted.fire_due() == 1
    assert await restarted.fire_due() == 0
    assert fired == ["n-1"]
    assert await kit_env.count(received) == 1
    async with kit_env.engine.connect() as conn:
        assert (await conn.execute(select(timers.c.fired_at))).scalar_one() is not None


async def test_a_running_loop_fires_when_the_clock_reaches_the_deadline(kit_env: KitEnv) -> None:
    fired: list[str] = []
    loop = TimerLoop(registry(fired), kit_env.uow, poll_interval_s=0.05)
    task = asyncio.create_task(loop.run())
    try:
        await schedule_in(kit_env, "n-2", timedelta(hours=1))
        kit_env.clock.advance(timedelta(hours=1))
        await wait_until(lambda: _equals(kit_env.count(received), 1), what="the timer to fire")
    finally:
        task.cancel()
    assert fired == ["n-2"]


async def test_a_failing_timer_rolls_back_its_changes_and_is_tried_again_later(kit_env: KitEnv) -> None:
    fired: list[str] = []
    await schedule_in(kit_env, "n-3", timedelta(0))
    loop = TimerLoop(registry(fired, failures=1), kit_env.uow)
    await loop.fire_due()
    assert fired == []
    assert await kit_env.count(received) == 0  # the failed attempt's write was rolled back
    async with kit_env.engine.connect() as conn:
        row = (await conn.execute(select(timers.c.attempts, timers.c.last_error, timers.c.fired_at))).one()
    assert (row.attempts, row.fired_at) == (1, None)
    assert "not yet" in row.last_error
    kit_env.clock.advance(timedelta(seconds=3))  # past the back-off
    await loop.fire_due()
    assert fired == ["n-3"]


async def test_rescheduling_moves_a_pending_timer_and_cancel_forgets_it(kit_env: KitEnv) -> None:
    fired: list[str] = []
    await schedule_in(kit_env, "n-4", timedelta(minutes=1))
    await schedule_in(kit_env, "n-4", timedelta(days=1))  # same kind and key: moved, not duplicated
    kit_env.clock.advance(timedelta(minutes=2))
    loop = TimerLoop(registry(fired), kit_env.uow)
    assert await loop.fire_due() == 0
    async with kit_env.uow(Actor.system()) as uow:
        await cancel(uow, "notice.closes", "n-4")
        await uow.commit()
    kit_env.clock.advance(timedelta(days=2))
    assert await loop.fire_due() == 0
    assert fired == []


async def test_scheduling_if_absent_leaves_an_existing_timer_even_a_fired_one(kit_env: KitEnv) -> None:
    fired: list[str] = []
    await schedule_in(kit_env, "n-5", timedelta(0))
    loop = TimerLoop(registry(fired), kit_env.uow)
    await loop.fire_due()
    async with kit_env.uow(Actor.system()) as uow:
        await schedule(uow, "notice.closes", "n-5", uow.clock.now(), {"name": "again"}, if_absent=True)
        await uow.commit()
    assert await loop.fire_due() == 0
    assert fired == ["n-5"]


async def test_a_handler_can_re_arm_its_own_timer(kit_env: KitEnv) -> None:
    fired: list[str] = []
    timers_registry = TimerRegistry()

    @timers_registry.on("yearly.check")
    async def check(timer: Timer, uow: UnitOfWork) -> None:
        fired.append(timer.due_at.isoformat())
        await schedule(uow, "yearly.check", timer.key, timer.due_at + timedelta(days=365))

    async with kit_env.uow(Actor.system()) as uow:
        await schedule(uow, "yearly.check", "promotion", uow.clock.now())
        await uow.commit()
    loop = TimerLoop(timers_registry, kit_env.uow)
    assert await loop.fire_due() == 1
    kit_env.clock.advance(timedelta(days=366))
    assert await loop.fire_due() == 1
    assert len(fired) == 2
