"""A token bucket: at most ``burst`` sends at once, then ``rate`` per second on average.

Each channel has its own bucket, so a flood of e-mails never slows SMS down. ``take`` reserves a
token and says how long the caller must wait for it, so callers queue fairly in arrival order.
"""

from __future__ import annotations


class TokenBucket:
    def __init__(self, *, rate_per_s: float, burst: int, now: float) -> None:
        if rate_per_s <= 0 or burst < 1:
            raise ValueError("a bucket needs a positive rate and a burst of at least 1")
        self.rate = rate_per_s
        self.burst = burst
        self._tokens = float(burst)
        self._at = now

    def take(self, now: float) -> float:
        """Reserve one send; returns the seconds to wait before it may go (0 when a token is there)."""
        elapsed = max(0.0, now - self._at)
        self._tokens = min(float(self.burst), self._tokens + elapsed * self.rate)
        self._at = now
        self._tokens -= 1
        return 0.0 if self._tokens >= 0 else -self._tokens / self.rate
