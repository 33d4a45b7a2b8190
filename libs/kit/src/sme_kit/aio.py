"""Waiting with a time limit, and stopping background tasks, without ever losing a cancellation.

Python 3.11's ``asyncio.wait_for`` returns the inner result when its task is cancelled in the very
moment the awaited thing completes: the cancellation is lost. A background loop that waits on its
doorbell that way can miss its stop request when a commit rings the bell at shutdown, and run on
for ever while the service waits for it. ``asyncio.timeout()`` has no such flaw, so the kit waits
with it, and stops its tasks with a bounded wait that cancels again whatever is still running.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence

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
