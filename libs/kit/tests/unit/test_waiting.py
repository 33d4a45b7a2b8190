"""wait_until: a wait ends at its deadline, whatever the probe does."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator

import pytest

from sme_kit.testing import wait_until


async def test_returns_the_first_truthy_value() -> None:
    answers: Iterator[object] = iter([None, 0, [], "ready"])

    async def probe() -> object:
        return next(answers)

    assert await wait_until(probe, timeout=5, interval=0) == "ready"


async def test_a_condition_that_never_holds_fails_naming_what_was_awaited_and_the_last_value() -> None:
    async def probe() -> list[int]:
        return []

    with pytest.raises(AssertionError, match=r"waiting for the queue to fill \(last value: \[\]\)"):
        await wait_until(probe, timeout=0.2, what="the queue to fill")


async def test_a_probe_that_never_answers_fails_the_wait_at_its_deadline() -> None:
    async def stuck() -> bool:
        await asyncio.Event().wait()
        return True

    started = time.monotonic()
    with pytest.raises(AssertionError, match="the last probe did not answer"):
        await wait_until(stuck, timeout=0.3, what="a stuck request")
    assert time.monotonic() - started < 2
