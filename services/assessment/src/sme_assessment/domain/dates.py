"""Deadlines are whole days in Asia/Shanghai: a deadline "on 31 March" ends when 1 April begins."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")


def end_of(day: date) -> datetime:
    """The moment a deadline on ``day`` has passed: midnight at the start of the next day."""
    return datetime.combine(day + timedelta(days=1), time(0, 0), tzinfo=SHANGHAI)


def local_day(moment: datetime) -> date:
    """The Asia/Shanghai calendar day of an aware moment."""
    return moment.astimezone(SHANGHAI).date()


def days_late(due_on: date | None, moment: datetime) -> int:
    """Calendar days after the deadline day (0 when on time, or when there is no deadline)."""
    if due_on is None:
        return 0
    return max(0, (local_day(moment) - due_on).days)
