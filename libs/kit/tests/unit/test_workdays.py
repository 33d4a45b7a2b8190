"""Working days on the State Council schedule: the notice period of §4.1.3(3) and friends."""

from datetime import date, datetime, timedelta

import pytest

from sme_kit.vocabulary import SHANGHAI
from sme_kit.workdays import (
    CalendarYear,
    UnknownCalendarYear,
    WorkingCalendar,
    next_reminder_check,
    notice_period,
    years_to_load,
)

CALENDAR = WorkingCalendar()


def test_a_notice_published_before_national_day_ends_after_it() -> None:
    period = notice_period(CALENDAR, date(2026, 9, 28))
    assert (period.first_day, period.last_day) == (date(2026, 9, 28), date(2026, 10, 9))


def test_a_make_up_saturday_counts_as_a_working_day() -> None:
    period = notice_period(CALENDAR, date(2026, 10, 9))
    assert period.last_day == date(2026, 10, 14)  # Sat 10-10 is a make-up workday


def test_a_notice_published_on_a_sunday_starts_on_monday() -> None:
    period = notice_period(CALENDAR, date(2026, 11, 29))
    assert (period.first_day, period.last_day) == (date(2026, 11, 30), date(2026, 12, 4))


def test_a_notice_published_during_a_holiday_starts_on_the_first_working_day_after_it() -> None:
    assert notice_period(CALENDAR, date(2026, 10, 3)).first_day == date(2026, 10, 8)


def test_a_year_the_package_does_not_know_is_refused_not_guessed() -> None:
    assert not CALENDAR.knows(2027)
    with pytest.raises(UnknownCalendarYear, match="2027"):
        notice_period(CALENDAR, date(2027, 1, 4))


def test_a_period_running_into_an_unknown_year_is_refused_too() -> None:
    with pytest.raises(UnknownCalendarYear):
        notice_period(CALENDAR, date(2026, 12, 30))  # needs working days of January 2027


def test_a_loaded_year_is_computed_from_its_official_schedule() -> None:
    new_year = CalendarYear(2027, holidays=frozenset({date(2027, 1, 1)}), workdays=frozenset({date(2027, 1, 9)}))
    calendar = WorkingCalendar({2027: new_year})
    assert calendar.knows(2027)
    # Fri 01-01 off; Sat 01-09 worked: Mon 01-04 .. Fri 01-08 is five days already.
    assert notice_period(calendar, date(2026, 12, 30)).last_day == date(2027, 1, 6)
    assert notice_period(calendar, date(2027, 1, 7)).last_day == date(2027, 1, 12)


def test_adding_working_days_skips_weekends_and_holidays() -> None:
    assert CALENDAR.add_working_days(date(2026, 9, 30), 5) == date(2026, 10, 13)  # 10-08, 09, 10 (Sat), 12, 13
    assert CALENDAR.add_working_days(date(2026, 11, 27), 1) == date(2026, 11, 30)


def test_an_implausible_schedule_is_named() -> None:
    year = CalendarYear(2027, holidays=frozenset({date(2026, 12, 31)}), workdays=frozenset({date(2027, 1, 6)}))
    problems = year.problems()
    assert any("not in 2027" in p for p in problems)
    assert any("weekday" in p for p in problems)


def test_every_day_of_a_known_year_has_an_answer() -> None:
    day = date(2026, 1, 1)
    while day.year == 2026:
        CALENDAR.is_working_day(day)
        day += timedelta(days=1)


# --- which years the bureau is reminded to load, and when ---------------------------------------------


def test_next_years_schedule_is_due_from_1_november_and_not_before() -> None:
    calendar = WorkingCalendar()  # the package knows 2026, not 2027
    assert years_to_load(calendar, date(2026, 10, 31)) == []
    assert years_to_load(calendar, date(2026, 11, 1)) == [2027]
    assert years_to_load(calendar, date(2026, 12, 31)) == [2027]


def test_a_loaded_next_year_is_not_asked_for_and_a_missing_current_year_always_is() -> None:
    loaded = WorkingCalendar({2027: CalendarYear(2027, frozenset({date(2027, 1, 1)}), frozenset())})
    assert years_to_load(loaded, date(2026, 11, 1)) == []
    assert years_to_load(WorkingCalendar(), date(2027, 3, 1)) == [2027]
    assert years_to_load(WorkingCalendar(), date(2027, 11, 1)) == [2027, 2028]


def test_while_a_year_is_missing_the_reminder_comes_a_week_later_at_nine() -> None:
    now = datetime(2026, 11, 1, 9, 0, 1, 500, tzinfo=SHANGHAI)
    assert next_reminder_check(now, missing=True) == datetime(2026, 11, 8, 9, 0, tzinfo=SHANGHAI)


def test_once_loaded_the_next_look_is_on_the_next_1_november() -> None:
    assert next_reminder_check(datetime(2026, 3, 2, 10, tzinfo=SHANGHAI), missing=False) == datetime(
        2026, 11, 1, 9, tzinfo=SHANGHAI
    )
    assert next_reminder_check(datetime(2026, 11, 15, 9, tzinfo=SHANGHAI), missing=False) == datetime(
        2027, 11, 1, 9, tzinfo=SHANGHAI
    )
