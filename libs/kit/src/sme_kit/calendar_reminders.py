"""What a service whose deadlines count working days does about the years its calendar lacks.

A deadline that needs a year nobody has loaded stays pending (never guessed). Two things keep
that short: the service recomputes its pending deadlines in the same transaction that loads the
year (`WorkingDayDeadlines.on_year_loaded`), and from 1 November, while next year's official
schedule is not loaded, a durable weekly timer publishes the service's reminder event, which the
notifications service delivers to the bureau (in-app and e-mail).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sme_contracts.calendar import CalendarYearMissing
from sme_kit.calendar_admin import YearLoaded, load_calendar
from sme_kit.timers import Timer, TimerRegistry, schedule
from sme_kit.uow import Actor, UnitOfWork, UnitOfWorkFactory
from sme_kit.workdays import next_reminder_check, years_to_load

REMINDER_TIMER = "calendar.reminder"
REMINDER_KEY = "years-to-load"


@dataclass(frozen=True)
class WorkingDayDeadlines:
    """Declared by a service whose deadlines count working days (`ServiceDefinition.working_days`)."""

    reminder: type[CalendarYearMissing]
    """The service's own reminder event type."""
    on_year_loaded: YearLoaded | None = None
    """Recomputes the deadlines that waited for the year, inside the unit of work that loads it."""

    def timers(self, service: str) -> TimerRegistry:
        """The reminder timer's handler, for the service's timer loop."""
        registry = TimerRegistry()

        @registry.on(REMINDER_TIMER)
        async def remind(timer: Timer, uow: UnitOfWork) -> None:
            await remind_of_missing_years(uow, self.reminder, service=service, key=timer.key)

        return registry


async def arm_reminders(uow_factory: UnitOfWorkFactory[Any]) -> None:
    """At every start-up: the weekly check exists (the first one runs at once; idempotent)."""
    async with uow_factory(Actor.system("calendar")) as uow:
        await schedule(uow, REMINDER_TIMER, REMINDER_KEY, uow.clock.now(), if_absent=True)
        await uow.commit()


async def remind_of_missing_years(
    uow: UnitOfWork, reminder: type[CalendarYearMissing], *, service: str, key: str
) -> None:
    """Publish the reminder if a year is missing today, and arm the next check."""
    now = uow.clock.now()
    missing = years_to_load(await load_calendar(uow.session), now.date())
    if missing:
        uow.publish(
            reminder(service=service, years=missing, checked_on=now.date(), load_path=f"/calendar/{missing[0]}")
        )
        uow.audit("remind_calendar", "calendar_year", str(missing[0]), years=missing)
    await schedule(uow, REMINDER_TIMER, key, next_reminder_check(now, missing=bool(missing)))
