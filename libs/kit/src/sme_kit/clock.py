"""The one source of "now" for a service. All dates and times are Asia/Shanghai.

Production uses the system clock. Tests (and only tests: settings refuse it in production) use
a clock they can move forward, so that notice periods and expiry timers fire without waiting.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Protocol

from sme_kit.vocabulary import SHANGHAI


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware, in Asia/Shanghai."""
        ...


class SystemClock:
    """The wall clock."""

    def now(self) -> datetime:
        return datetime.now(SHANGHAI)


class MovableClock:
    """The wall clock plus an offset that tests move forward (never backward)."""

    def __init__(self, offset: timedelta = timedelta(0)) -> None:
        self._offset = offset

    @classmethod
    def starting_at(cls, moment: datetime) -> MovableClock:
        """A clock that shows ``moment`` now (in the past or the future) and runs on from there."""
        return cls(offset=moment - datetime.now(SHANGHAI))

    def now(self) -> datetime:
        return datetime.now(SHANGHAI) + self._offset

    @property
    def offset(self) -> timedelta:
        return self._offset

    def advance(self, delta: timedelta) -> None:
        if delta < timedelta(0):
            raise ValueError("the clock only moves forward")
        self._offset += delta

    def set(self, moment: datetime) -> None:
        """Jump to a moment (aware), which must not lie in the clock's past."""
        self.advance(moment - self.now())


def today(clock: Clock) -> date:
    return clock.now().date()
