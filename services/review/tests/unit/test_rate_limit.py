"""The sliding-window limit on anonymous objection filing."""

from datetime import datetime, timedelta

from sme_review.domain.rate_limit import SlidingWindowLimiter

T0 = datetime.fromisoformat("2026-09-29T10:00:00+08:00")


def test_the_sixth_attempt_within_ten_minutes_is_refused_with_the_wait() -> None:
    limiter = SlidingWindowLimiter(limit=5, window=timedelta(minutes=10))
    for minute in range(5):
        assert limiter.attempt("203.0.113.7", T0 + timedelta(minutes=minute)).allowed
    verdict = limiter.attempt("203.0.113.7", T0 + timedelta(minutes=5))
    assert not verdict.allowed
    assert verdict.retry_after_s == 300  # the first attempt leaves the window at 10:10


def test_the_window_slides_and_refused_attempts_do_not_extend_it() -> None:
    limiter = SlidingWindowLimiter(limit=2, window=timedelta(minutes=10))
    limiter.attempt("a", T0)
    limiter.attempt("a", T0 + timedelta(minutes=1))
    assert not limiter.attempt("a", T0 + timedelta(minutes=9)).allowed
    assert limiter.attempt("a", T0 + timedelta(minutes=10)).allowed
    assert not limiter.attempt("a", T0 + timedelta(minutes=10, seconds=30)).allowed


def test_clients_are_counted_apart_and_forgotten_once_idle() -> None:
    limiter = SlidingWindowLimiter(limit=1, window=timedelta(minutes=10), max_keys=2)
    assert limiter.attempt("a", T0).allowed
    assert limiter.attempt("b", T0).allowed
    assert not limiter.attempt("a", T0).allowed
    assert limiter.attempt("c", T0 + timedelta(minutes=11)).allowed  # sweeps a and b
    assert limiter.attempt("a", T0 + timedelta(minutes=11)).allowed
