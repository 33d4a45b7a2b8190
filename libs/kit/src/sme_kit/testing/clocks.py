"""Where the services' clocks stand when a test starts them: a named instant, never the wall clock.

A test that needs another instant says so with ``@pytest.mark.clock_start("2026-12-28T10:00:00+08:00")``
(on the test, its class or its module). Expected dates are then the same on any day the suite runs;
`make test-dates` proves it by running the suite with the wall clock in other years.
"""

from __future__ import annotations

import os
from datetime import datetime
from typing import TYPE_CHECKING

import pytest

from sme_kit.clock import MovableClock
from sme_kit.vocabulary import SHANGHAI

if TYPE_CHECKING:
    from sme_kit.service import Runtime

# A Monday morning in a year whose holiday schedule chinese-calendar knows.
DEFAULT_CLOCK_START = datetime(2026, 11, 30, 10, 0, tzinfo=SHANGHAI)


def clock_start_of(node: pytest.Item) -> datetime:
    """The instant the test's ``clock_start`` marker names, or the default."""
    marker = node.get_closest_marker("clock_start")
    if marker is None:
        return DEFAULT_CLOCK_START
    moment = datetime.fromisoformat(marker.args[0])
    if moment.tzinfo is None:
        raise ValueError(f"clock_start needs an offset, e.g. {moment.isoformat()}+08:00")
    return moment


def shifted_clock_environment() -> dict[str, str]:
    """The variables that shift this process's wall clock (under `make test-dates`), for a child
    process started with an environment of its own, so that it sees the same time as the test."""
    return {name: value for name, value in os.environ.items() if name == "LD_PRELOAD" or name.startswith("FAKETIME")}


async def move_clock_and_fire(runtime: Runtime, moment: datetime) -> int:
    """Move a service's testing clock forward to ``moment`` and fire what became due; returns how
    many timers fired since the move, those its own timer loop fired meanwhile included."""
    clock, loop = runtime.clock, runtime.timer_loop
    if not isinstance(clock, MovableClock) or loop is None:
        raise TypeError("the service runs without a testing clock or without timers")
    before = loop.fired
    clock.set(moment)
    await loop.fire_due()  # waits for a pass of the service's own loop that is under way
    return loop.fired - before
