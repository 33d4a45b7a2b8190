"""Validity of a recognised station (§4.2): three years from the final-list date.

The first day counts, so a station recognised on 2026-12-01 is valid up to and including
2029-11-30. For 29 February the anniversary in a common year is 1 March, so the last day is
28 February. Two reminders hang on the last day: "expiring" 90 days before it, and "expired"
at 00:00 (Asia/Shanghai) on the day after it.
"""

from __future__ import annotations

from datetime import date, timedelta

VALIDITY_YEARS = 3
EXPIRING_NOTICE_DAYS = 90


def anniversary(start: date, years: int) -> date:
    """The same calendar day `years` later (1 March for a 29 February that does not recur)."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return date(start.year + years, 3, 1)


def valid_until(valid_from: date) -> date:
    """The last day of validity of a station valid from `valid_from`."""
    return anniversary(valid_from, VALIDITY_YEARS) - timedelta(days=1)


def expiring_notice_on(last_day: date) -> date:
    """When the operator is told that re-review is due (90 days before the last day)."""
    return last_day - timedelta(days=EXPIRING_NOTICE_DAYS)


def expired_on(last_day: date) -> date:
    """The first day the station is no longer valid."""
    return last_day + timedelta(days=1)
