"""Waiting on observable state instead of sleeping a fixed time."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

T = TypeVar("T")


async def wait_until(
    probe: Callable[[], Awaitable[T | None]], *, timeout: float = 20.0, interval: float = 0.05, what: str = "condition"
) -> T:
    """Poll ``probe`` until it returns something truthy; returns that value or fails with ``what``.

    The deadline holds for the probe too: a probe that never answers (a request stuck on a lock, a
    broker that does not reply) fails the wait when the time is up instead of hanging the test.
    """
    deadline = time.monotonic() + timeout
    last: T | None = None
    while (remaining := deadline - time.monotonic()) > 0:
        try:
            async with asyncio.timeout(remaining):
                last = await probe()
        except TimeoutError:
            raise AssertionError(
                f"timed out after {timeout:.0f}s waiting for {what}: the last probe did not answer"
            ) from None
        if last:
            return last
        await asyncio.sleep(interval)
    raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what} (last value: {last!r})")
