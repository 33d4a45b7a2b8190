"""A sliding-window rate limit: at most ``limit`` attempts per key within ``window``.

Used to slow down anonymous filing of objections per client address. It keeps its counts in the
process's memory, which is right for a single replica only: with several replicas each would
allow ``limit`` attempts, so a deployment that scales the review service out needs a shared store
(a table in the service's database or a Redis counter) behind the same interface.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after_s: int = 0


class SlidingWindowLimiter:
    """Counts attempts per key; refuses one more than ``limit`` within any ``window``."""

    def __init__(self, *, limit: int, window: timedelta, max_keys: int = 100_000) -> None:
        if limit < 1 or window <= timedelta(0):
            raise ValueError("a rate limit needs limit >= 1 and a positive window")
        self.limit = limit
        self.window = window
        self._max_keys = max_keys
        self._attempts: dict[str, deque[datetime]] = {}

    def attempt(self, key: str, now: datetime) -> Verdict:
        """Record an attempt by ``key`` at ``now`` if it is allowed; say when to retry if not."""
        recent = self._attempts.setdefault(key, deque())
        self._forget_before(recent, now - self.window)
        if len(recent) >= self.limit:
            wait = (recent[0] + self.window - now).total_seconds()
            return Verdict(allowed=False, retry_after_s=max(1, math.ceil(wait)))
        recent.append(now)
        if len(self._attempts) > self._max_keys:
            self._sweep(now)
        return Verdict(allowed=True)

    def _sweep(self, now: datetime) -> None:
        # Bounded memory: drop keys whose attempts all left the window.
        for key in list(self._attempts):
            recent = self._attempts[key]
            self._forget_before(recent, now - self.window)
            if not recent:
                del self._attempts[key]

    @staticmethod
    def _forget_before(recent: deque[datetime], start: datetime) -> None:
        while recent and recent[0] <= start:
            recent.popleft()
