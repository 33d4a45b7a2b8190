"""Background loops stop when asked, even when their doorbell rings in the same instant."""

from __future__ import annotations

import asyncio
import contextlib

from sme_kit.aio import Backoff, run_loop, stop_tasks, wait_event


async def _doorbell_loop(bell: asyncio.Event, rounds: list[int]) -> None:
    """The shape of the kit's relay, timer and dispatcher loops: work, then wait for the bell."""
    while True:
        await wait_event(bell, 10.0)
        bell.clear()
        rounds.append(1)


async def test_wait_event_says_whether_the_event_was_set() -> None:
    bell = asyncio.Event()
    assert await wait_event(bell, 0.01) is False
    bell.set()
    assert await wait_event(bell, 0.01) is True


async def test_a_cancel_in_the_instant_the_bell_rings_is_not_lost() -> None:
    # With asyncio.wait_for (Python 3.11) this very sequence loses the cancellation: the loop runs on.
    bell = asyncio.Event()
    task = asyncio.create_task(_doorbell_loop(bell, []))
    await asyncio.sleep(0.01)
    bell.set()
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        async with asyncio.timeout(2):
            await task
    assert task.cancelled()


async def test_stop_tasks_stops_every_loop_and_names_none() -> None:
    bell = asyncio.Event()
    tasks = [asyncio.create_task(_doorbell_loop(bell, []), name=f"loop-{i}") for i in range(3)]
    await asyncio.sleep(0.01)
    bell.set()
    assert await stop_tasks(tasks, grace_s=2) == []
    assert all(task.cancelled() for task in tasks)


async def test_stop_tasks_cancels_again_a_task_that_swallowed_its_first_cancel() -> None:
    swallowed = asyncio.Event()

    async def stubborn() -> None:
        try:
            await asyncio.sleep(60)
        except asyncio.CancelledError:
            swallowed.set()
        await asyncio.sleep(60)

    task = asyncio.create_task(stubborn(), name="stubborn")
    await asyncio.sleep(0)
    assert await stop_tasks([task], grace_s=5) == []
    assert swallowed.is_set()
    assert task.cancelled()


async def test_stop_tasks_gives_up_on_a_task_that_will_not_end_and_names_it() -> None:
    release = asyncio.Event()

    async def immortal() -> None:
        while not release.is_set():
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.sleep(60)

    task = asyncio.create_task(immortal(), name="immortal")
    await asyncio.sleep(0)
    assert await stop_tasks([task], grace_s=0.3) == ["immortal"]
    release.set()
    task.cancel()
    await asyncio.wait([task], timeout=1)


async def test_run_loop_goes_again_at_once_after_a_full_pass_and_waits_for_the_bell_when_idle() -> None:
    bell = asyncio.Event()
    passes: list[int] = []
    idle = asyncio.Event()

    async def step() -> float | None:
        passes.append(1)
        if len(passes) < 3:
            return 0  # a full batch
        idle.set()
        return None

    task = asyncio.create_task(run_loop(step, wake=bell, idle_s=60, name="test"))
    async with asyncio.timeout(5):
        await idle.wait()
    assert len(passes) == 3  # the first two passes did not wait for the 60 s idle interval
    idle.clear()
    bell.set()
    async with asyncio.timeout(5):
        await idle.wait()  # the bell cut the 60 s wait short
    assert len(passes) == 4
    assert await stop_tasks([task], grace_s=2) == []


async def test_run_loop_backs_off_after_failures_and_resets_after_a_success() -> None:
    outcomes = [RuntimeError(), RuntimeError(), None, RuntimeError(), None]
    done = asyncio.Event()
    backoff = Backoff(first_s=0.001, factor=2.0, max_s=0.003)

    async def step() -> float | None:
        outcome = outcomes.pop(0)
        if not outcomes:
            done.set()
            await asyncio.Event().wait()  # park here until cancelled
        if outcome is not None:
            raise outcome
        return 0

    task = asyncio.create_task(run_loop(step, wake=asyncio.Event(), idle_s=60, name="test", backoff=backoff))
    async with asyncio.timeout(5):
        await done.wait()
    assert await stop_tasks([task], grace_s=2) == []
    delays = [backoff.after(n) for n in (1, 2, 3, 4)]
    assert delays == [0.001, 0.002, 0.003, 0.003]


async def test_run_loop_without_backoff_waits_for_the_bell_after_a_failure() -> None:
    bell = asyncio.Event()
    failed, second = asyncio.Event(), asyncio.Event()

    async def step() -> float | None:
        if not failed.is_set():
            failed.set()
            raise RuntimeError("database away")
        second.set()
        return None

    task = asyncio.create_task(run_loop(step, wake=bell, idle_s=60, name="test"))
    async with asyncio.timeout(5):
        await failed.wait()
    bell.set()
    async with asyncio.timeout(5):
        await second.wait()
    assert await stop_tasks([task], grace_s=2) == []
