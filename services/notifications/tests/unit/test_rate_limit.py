"""A token bucket per channel: a burst at once, then the rate; callers wait in arrival order."""

from __future__ import annotations

import pytest

from sme_notifications.adapters.throttle import ThrottledSender
from sme_notifications.domain.channels import OutgoingMessage
from sme_notifications.domain.rate_limit import TokenBucket


def test_a_burst_goes_at_once_and_the_rest_is_spaced_by_the_rate() -> None:
    bucket = TokenBucket(rate_per_s=2, burst=3, now=0.0)
    assert [bucket.take(0.0) for _ in range(5)] == [0.0, 0.0, 0.0, 0.5, 1.0]


def test_tokens_come_back_with_time_but_never_above_the_burst() -> None:
    bucket = TokenBucket(rate_per_s=1, burst=2, now=0.0)
    assert [bucket.take(0.0), bucket.take(0.0)] == [0.0, 0.0]
    assert bucket.take(10.0) == 0.0
    assert bucket.take(10.0) == 0.0
    assert bucket.take(10.0) == pytest.approx(1.0)


def test_a_bucket_needs_a_positive_rate() -> None:
    with pytest.raises(ValueError, match="positive rate"):
        TokenBucket(rate_per_s=0, burst=1, now=0.0)


class Recorder:
    def __init__(self) -> None:
        self.sent: list[str] = []

    async def send(self, message: OutgoingMessage) -> None:
        self.sent.append(message.delivery_id)


async def test_a_throttled_sender_waits_for_its_token_before_sending() -> None:
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    inner = Recorder()
    sender = ThrottledSender(inner, TokenBucket(rate_per_s=4, burst=1, now=0.0), monotonic=lambda: 0.0, sleep=sleep)
    for number in range(3):
        await sender.send(OutgoingMessage(f"d-{number}", "a@example.com", "主题", "正文"))
    assert waits == [0.25, 0.5]
    assert inner.sent == ["d-0", "d-1", "d-2"]
