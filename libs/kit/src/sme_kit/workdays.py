"""Working days on the State Council holiday schedule, make-up workdays (调休) included.

Years the ``chinese-calendar`` package knows come from it; later years only from an official
schedule an administrator loaded (holidays and make-up workdays). A year neither knows is never
guessed: asking about it raises `UnknownCalendarYear`. Pure logic, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import chinese_calendar

from sme_kit.errors import Conflict

WEEKEND = (5, 6)  # Saturday, Sunday


class UnknownCalendarYear(Conflict, LookupError):
    """A deadline needs a year whose official holiday schedule is not known yet.

    A conflict with the service's state, not a wrong request: once the bureau loads the year
    (``calendar`` names where), the same command succeeds.
    """

    def __init__(self, year: int) -> None:
        super().__init__(
            f"{year}年的法定节假日和调休安排尚未载入，无法计算工作日；请市工业和信息化局在本服务载入国务院公布的"
            f"{year}年安排（PUT /calendar/{year}，或配置文件 WORKDAY_CALENDAR_FILE） "
            f"(the official holiday schedule of {year} is not loaded yet: load it with PUT /calendar/{year})",
            extensions={"year": year, "calendar": f"/calendar/{year}"},
        )
        self.year = year


@dataclass(frozen=True)
class CalendarYear:
    """One year's official schedule: holidays (days off) and make-up workdays (weekend days worked)."""

    year: int
    holidays: frozenset[date]
    workdays: frozenset[date]

    def problems(self) -> list[str]:
        """Why this schedule cannot be right, if it cannot (empty when it is plausible)."""
        found = [
            f"{day} is not in {self.year}" for day in sorted(self.holidays | self.workdays) if day.year != self.year
        ]
        found += [f"{day} is listed as both holiday and workday" for day in sorted(self.holidays & self.workdays)]
        found += [
            f"{day} is a weekday: a make-up workday falls on a weekend"
            for day in sorted(self.workdays)
            if day.weekday() not in WEEKEND
        ]
        return found


class WorkingCalendar:
    """Answers "is this a working day" and counts working days, from the package or loaded years."""

    def __init__(self, loaded: Mapping[int, CalendarYear] | None = None) -> None:
        self._loaded = dict(loaded or {})

    def knows(self, year: int) -> bool:
        if year in self._loaded:
            return True
        try:
            chinese_calendar.is_workday(date(year, 6, 1))
        except NotImplementedError:
            return False
        return True

    def is_working_day(self, day: date) -> bool:
        loaded = self._loaded.get(day.year)
        if loaded is not None:
            if day in loaded.workdays:
                return True
            return day.weekday() not in WEEKEND and day not in loaded.holidays
        try:
            return bool(chinese_calendar.is_workday(day))
        except NotImplementedError as exc:
            raise UnknownCalendarYear(day.year) from exc

    def working_days_from(self, start: date) -> Iterator[date]:
        """Working days from ``start`` (included when it is one) onwards."""
        day = start
        while True:
            if self.is_working_day(day):
                yield day
            day += timedelta(days=1)

    def nth_working_day(self, start: date, n: int) -> date:
        """The n-th working day counting from ``start`` (start itself counts as the first if it is one)."""
        if n < 1:
            raise ValueError("n counts from 1")
        for count, day in enumerate(self.working_days_from(start), start=1):
            if count == n:
                return day
        raise AssertionError("unreachable")  # pragma: no cover

    def add_working_days(self, start: date, n: int) -> date:
        """The day n working days after ``start`` (``start`` itself not counted)."""
        return self.nth_working_day(start + timedelta(days=1), n)


@dataclass(frozen=True)
class Period:
    first_day: date
    last_day: date


def notice_period(calendar: WorkingCalendar, published_on: date, working_days: int = 5) -> Period:
    """A public notice of N working days (§4.1.3(3)): it starts on the publication date if that is a
    working day, else on the next one, and ends at the end of its N-th working day."""
    first = calendar.nth_working_day(published_on, 1)
    return Period(first_day=first, last_day=calendar.nth_working_day(first, working_days))


# From this day of the year on, next year's schedule is due (the State Council publishes it late in
# the year) and the bureau is reminded weekly until it is loaded.
REMINDERS_FROM = (11, 1)
REMINDER_INTERVAL = timedelta(days=7)
REMINDER_TIME = time(9, 0)


def years_to_load(calendar: WorkingCalendar, today: date) -> list[int]:
    """The years whose schedule should be loaded by now and is not: this year, and from 1 November the next."""
    years = [today.year]
    if (today.month, today.day) >= REMINDERS_FROM:
        years.append(today.year + 1)
    return [year for year in years if not calendar.knows(year)]


def next_reminder_check(now: datetime, *, missing: bool) -> datetime:
    """When to look again: a week later at 09:00 while a year is missing, else on the next 1 November at 09:00."""
    if missing:
        return datetime.combine(now.date() + REMINDER_INTERVAL, REMINDER_TIME, now.tzinfo)
    month, day = REMINDERS_FROM
    this_year = datetime.combine(date(now.year, month, day), REMINDER_TIME, now.tzinfo)
    return this_year if this_year > now else this_year.replace(year=now.year + 1)
