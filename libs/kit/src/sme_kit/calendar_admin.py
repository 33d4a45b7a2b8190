"""Official holiday schedules kept by each service, loaded through the API or a config file.

Use cases read the calendar at the moment they compute a deadline (`load_calendar`), so a year
loaded by an administrator takes effect at once on every replica.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi import Path as PathParam
from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from sme_kit.auth import Principal, Role
from sme_kit.errors import FieldError, ValidationFailed
from sme_kit.http import UowFactoryDep, get_runtime
from sme_kit.http_auth import CurrentPrincipal, require_roles
from sme_kit.problems import problem_responses
from sme_kit.tables import calendar_years
from sme_kit.uow import Actor, UnitOfWork, UnitOfWorkFactory
from sme_kit.upsert import insert_or_update
from sme_kit.workdays import CalendarYear, WorkingCalendar

calendar_router = APIRouter(prefix="/calendar", tags=["工作日历 Working-day calendar"])

# What a service does, in the unit of work that loads a year, with the deadlines that waited for it.
# (Its unit of work is of the service's own kind, so the hook is typed with that kind.)
YearLoaded = Callable[[Any, int], Awaitable[None]]


def _year_loaded(request: Request) -> YearLoaded | None:
    return get_runtime(request).on_year_loaded


async def load_calendar(session: AsyncSession) -> WorkingCalendar:
    """The working-day calendar with every year loaded into this service's database."""
    rows = (await session.execute(select(calendar_years))).mappings().all()
    return WorkingCalendar({row["year"]: _year(row["year"], row["holidays"], row["workdays"]) for row in rows})


async def save_year(uow: UnitOfWork, year: CalendarYear, *, source: str, on_loaded: YearLoaded | None = None) -> None:
    """Load (or replace) one year's official schedule; refuses an implausible one. ``on_loaded``
    recomputes, in the same transaction, the service's deadlines that waited for the year."""
    problems = year.problems()
    if problems:
        raise ValidationFailed([FieldError("holidays", problem, "invalid_schedule") for problem in problems])
    values = {
        "year": year.year,
        "holidays": sorted(day.isoformat() for day in year.holidays),
        "workdays": sorted(day.isoformat() for day in year.workdays),
        "source": source,
        "loaded_by": uow.actor.subject,
        "loaded_at": uow.clock.now(),
    }
    await insert_or_update(uow.session, calendar_years, values, keys=["year"])
    uow.audit(
        "load_calendar",
        "calendar_year",
        str(year.year),
        reason=source,
        holidays=len(year.holidays),
        workdays=len(year.workdays),
    )
    if on_loaded is not None:
        await on_loaded(uow, year.year)


async def load_calendar_file(
    uow_factory: UnitOfWorkFactory[Any], path: Path, *, on_loaded: YearLoaded | None = None
) -> list[int]:
    """Load every year of a schedule file (``WORKDAY_CALENDAR_FILE``); returns the years loaded."""
    content = json.loads(path.read_text(encoding="utf-8"))  # noqa: ASYNC240 - once, at start-up
    async with uow_factory(Actor.system("calendar-file")) as uow:
        for key, schedule in content.items():
            year = _year(int(key), schedule.get("holidays", []), schedule.get("workdays", []))
            source = str(schedule.get("source") or f"file {path.name}")
            await save_year(uow, year, source=source, on_loaded=on_loaded)
        await uow.commit()
    return sorted(int(key) for key in content)


def _year(year: int, holidays: list[str], workdays: list[str]) -> CalendarYear:
    return CalendarYear(
        year, frozenset(map(date.fromisoformat, holidays)), frozenset(map(date.fromisoformat, workdays))
    )


class ScheduleIn(BaseModel):
    holidays: list[date] = Field(
        description="Days off work (法定节假日放假日期).", examples=[["2027-01-01", "2027-02-06"]]
    )
    workdays: list[date] = Field(default_factory=list, description="Make-up workdays (调休上班日期), all on weekends.")
    source: str = Field(
        min_length=2,
        max_length=255,
        description="The official notice.",
        examples=["国务院办公厅关于2027年部分节假日安排的通知"],
    )


class YearView(BaseModel):
    year: int
    known: bool
    source: str = Field(description="chinese-calendar, the loaded notice, or unknown.")
    holidays: list[date] = Field(default_factory=list)
    workdays: list[date] = Field(default_factory=list)


@calendar_router.get(
    "/{year}", summary="Whether a year's working days are known, and from where", responses=problem_responses(401)
)
async def read_year(
    year: Annotated[int, PathParam(ge=2000, le=2100)], principal: CurrentPrincipal, uow: UowFactoryDep
) -> YearView:
    async with uow(Actor.of(principal)) as unit:
        row = (
            (await unit.session.execute(select(calendar_years).where(calendar_years.c.year == year))).mappings().first()
        )
    if row is not None:
        return YearView(year=year, known=True, source=row["source"], holidays=row["holidays"], workdays=row["workdays"])
    known = WorkingCalendar().knows(year)
    return YearView(year=year, known=known, source="chinese-calendar" if known else "unknown")


@calendar_router.put(
    "/{year}",
    summary="Load a year's official holiday schedule (bureau, platform operators)",
    responses=problem_responses(401, 403, 422),
)
async def load_year(
    year: Annotated[int, PathParam(ge=2000, le=2100)],
    schedule: ScheduleIn,
    principal: Annotated[Principal, require_roles(Role.BUREAU_ADMIN, Role.PLATFORM_OPERATOR)],
    uow: UowFactoryDep,
    on_loaded: Annotated[YearLoaded | None, Depends(_year_loaded)],
) -> YearView:
    loaded = CalendarYear(year, frozenset(schedule.holidays), frozenset(schedule.workdays))
    async with uow(Actor.of(principal)) as unit:
        await save_year(unit, loaded, source=schedule.source, on_loaded=on_loaded)
        await unit.commit()
    return YearView(
        year=year,
        known=True,
        source=schedule.source,
        holidays=sorted(schedule.holidays),
        workdays=sorted(schedule.workdays),
    )
