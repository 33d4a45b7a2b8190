"""The round's window and the station's validity, in calendar days of Asia/Shanghai."""

from __future__ import annotations

from datetime import date, datetime

from sme_registry.domain.rounds import Round, open_round_on, round_date_violations, window_closed
from sme_registry.domain.validity import expired_on, expiring_notice_on, valid_until

NOW = datetime.fromisoformat("2026-02-01T10:00:00+08:00")


def round_(year: int, opens: date, closes: date, deadline: date) -> Round:
    return Round(year, opens, closes, deadline, f"{year}年度", "bureau", NOW, NOW)


R2026 = round_(2026, date(2026, 3, 1), date(2026, 3, 31), date(2026, 4, 15))


def test_the_window_includes_its_first_and_last_day() -> None:
    assert not R2026.accepts_on(date(2026, 2, 28))
    assert R2026.accepts_on(date(2026, 3, 1))
    assert R2026.accepts_on(date(2026, 3, 31))
    assert not R2026.accepts_on(date(2026, 4, 1))
    assert open_round_on([R2026], date(2026, 3, 15)) is R2026
    assert open_round_on([R2026], date(2026, 4, 1)) is None


def test_a_closed_window_names_the_window_of_the_year() -> None:
    before = str(window_closed([R2026], date(2026, 2, 10)))
    after = str(window_closed([R2026], date(2026, 5, 10)))
    assert "2026-03-01 至 2026-03-31" in before
    assert "尚未开始" in before
    assert "2026-03-01 至 2026-03-31" in after
    assert "已结束" in after
    assert "没有开放" in str(window_closed([], date(2026, 5, 10)))


def test_round_dates_must_be_in_order() -> None:
    fields = {v.field for v in round_date_violations(2026, date(2026, 3, 31), date(2026, 3, 1), date(2026, 2, 1))}
    assert fields == {"window_closes_on", "forwarding_deadline"}
    assert round_date_violations(2026, date(2026, 3, 1), date(2026, 3, 31), date(2026, 3, 31)) == []


def test_validity_runs_three_years_counting_the_first_day() -> None:
    assert valid_until(date(2026, 12, 1)) == date(2029, 11, 30)
    assert valid_until(date(2026, 1, 1)) == date(2028, 12, 31)


def test_validity_from_29_february_ends_on_28_february() -> None:
    assert valid_until(date(2024, 2, 29)) == date(2027, 2, 28)


def test_the_reminders_fall_90_days_before_and_the_day_after_the_last_day() -> None:
    assert expiring_notice_on(date(2029, 11, 30)) == date(2029, 9, 1)
    assert expired_on(date(2029, 11, 30)) == date(2029, 12, 1)
