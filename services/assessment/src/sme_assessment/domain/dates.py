"""Deadlines are whole days in Asia/Shanghai: a deadline "on 31 March" ends when 1 April begins.

The time zone and "which day is it there" are the programme's vocabulary (`sme_kit.vocabulary`).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sme_kit.vocabulary import SHANGHAI, shanghai_day


def end_of(day: date) -> datetime:
    """The moment a deadline on ``day`` has passed: midnight at the start of the next day."""
    return datetime.combine(day + timedelta(days=1), time(0, 0), tzinfo=SHANGHAI)


def days_late(due_on: date | None, moment: datetime) -> int:
    """Calendar days after the deadline day (0 when on time, or when there is no deadline)."""
    if due_on is None:
        return 0
    return max(0, (shanghai_day(moment) - due_on).days)
