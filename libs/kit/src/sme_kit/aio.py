"""Waiting with a time limit, and stopping background tasks, without ever losing a cancellation.

Python 3.11's ``asyncio.wait_for`` returns the inner result when its task is cancelled in the very
moment the awaited thing completes: the cancellation is lost. A background loop that waits on its
doorbell that way can miss its stop request when a commit rings the bell at shutdown, and run on
for ever while the service waits for it. ``asyncio.timeout()`` has no such flaw, so the kit waits
with it, and stops its tasks with a bounded wait that cancels again whatever is still running.

`run_loop` is the one shape of the kit's background loops (outbox relay, timers, a service's
dispatcher): a pass of work, then a wait that a doorbell cuts short, with failures logged and
retried instead of ending the loop.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import NoReturn

log = logging.getLogger(__name__)


async def wait_event(event: asyncio.Event, timeout: float) -> bool:
    """Wait until ``event`` is set or ``timeout`` seconds pass; True when it was set."""
    try:
        async with asyncio.timeout(timeout):
            await event.wait()
    except TimeoutError:
        return False
    return True


async def stop_tasks(tasks: Sequence[asyncio.Task[object]], *, grace_s: float = 10.0) -> list[str]:
    """Cancel ``tasks`` and wait until they end, cancelling again any that carried on.

    Returns the names of the tasks still running after ``grace_s`` (logged as errors): a stop is
    always bounded, even with a task that will not end.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + grace_s
    pending = {task for task in tasks if not task.done()}
    while pending and (remaining := deadline - loop.time()) > 0:
        for task in pending:
            task.cancel()
        _, pending = await asyncio.wait(pending, timeout=min(0.5, remaining))
    for task in tasks:
        if task.done() and not task.cancelled() and task.exception() is not None:
            log.warning("task %s had ended with %s", task.get_name(), type(task.exception()).__name__)
    stuck = sorted(task.get_name() for task in pending)
    if stuck:
        log.error("tasks still running %.0fs after being cancelled: %s", grace_s, ", ".join(stuck))
    return stuck


@dataclass(frozen=True)
class Backoff:
    """Exponential delays after consecutive failed passes: ``first_s``, times ``factor``, at most ``max_s``."""

    first_s: float = 0.2
    factor: float = 2.0
    max_s: float = 10.0

    def after(self, failures: int) -> float:
        """The delay after the ``failures``-th failure in a row (1 for the first)."""
        return min(self.first_s * self.factor ** max(failures - 1, 0), self.max_s)


# A pass of a loop: does the work due now and says how long the loop may wait before the next one:
# None for its idle interval, 0 to go again at once (a full batch: more may be waiting), or seconds
# (e.g. until the next retry falls due; never longer than the idle interval).
LoopStep = Callable[[], Awaitable[float | None]]


async def run_loop(
    step: LoopStep,
    *,
    wake: asyncio.Event,
    idle_s: float,
    name: str,
    backoff: Backoff | None = None,
) -> NoReturn:
    """Run ``step`` until cancelled: after each pass wait for ``wake`` or the pass's wait, whichever is first.

    The doorbell is cleared before each pass, so a ring during the pass brings on another one. A
    pass that raises is logged; with ``backoff`` the loop then sleeps the back-off delay, which a
    ring does not cut short (commits must not hammer a broker that is down); without, it waits as
    when idle. A cancellation always ends the loop, even in the instant the bell rings.
    """
    failures = 0
    while True:
        wake.clear()
        try:
            wait = await step()
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            failures += 1
            if backoff is None:
                log.warning("%s: pass failed: %s", name, type(exc).__name__)
                wait = idle_s
            else:
                delay = backoff.after(failures)
                log.warning("%s: pass failed, retrying in %.1fs: %s", name, delay, type(exc).__name__)
                await asyncio.sleep(delay)
                continue
        else:
            failures = 0
        wait = idle_s if wait is None else min(wait, idle_s)
        if wait > 0:
            await wait_event(wake, wait)
