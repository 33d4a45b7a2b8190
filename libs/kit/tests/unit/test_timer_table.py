"""Timers declared as a table: each kind runs its use case with the timer and the unit of work as keywords."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from sme_kit.timers import Timer, TimerRegistry

TIMER = Timer(kind="notice.closes", key="n-1", due_at=datetime(2026, 12, 8, 16, 0, tzinfo=UTC), payload={})


async def test_each_kind_runs_its_use_case_named_after_it() -> None:
    calls: list[tuple[Timer, object]] = []

    async def close_notice(*, timer: Timer, uow: object) -> None:
        calls.append((timer, uow))

    handle = TimerRegistry().route({"notice.closes": close_notice}).get("notice.closes")
    assert handle is not None
    await handle(TIMER, "the-uow")

    assert calls == [(TIMER, "the-uow")]
    assert handle.__name__ == "close_notice"


def test_a_kind_routed_twice_is_a_programming_error() -> None:
    async def close_notice(*, timer: Timer, uow: object) -> None: ...

    timers = TimerRegistry().route({"notice.closes": close_notice})
    with pytest.raises(ValueError, match="already has a handler"):
        timers.route({"notice.closes": close_notice})
