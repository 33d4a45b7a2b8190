"""The composition root of the activities service: the one place that wires it."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from sme_activities.adapters.unit_of_work import ActivitiesUnitOfWork
from sme_activities.config import ActivitiesSettings
from sme_activities.entrypoints import (
    consumers,
    http_activities,
    http_demand_reports,
    http_promotion,
    http_service_requests,
    http_stations,
    http_theme_months,
    http_trainings,
    timers,
)
from sme_activities.service_layer.promotion import ensure_duty_checks
from sme_activities.service_layer.service_requests import plan_waiting_deadlines
from sme_contracts.activities import PUBLISHED_TOPICS, ActivitiesCalendarYearMissing
from sme_kit.calendar_reminders import WorkingDayDeadlines
from sme_kit.service import Runtime, ServiceDefinition, create_app

MIGRATIONS = Path(__file__).parent / "migrations"


def definition(settings: ActivitiesSettings | None = None) -> ServiceDefinition:
    return ServiceDefinition(
        settings=settings or ActivitiesSettings(),
        title="广州市民营和中小企业服务站 · 服务活动 Activities",
        description=(
            "Themed months, activities and staff trainings, the promotion duty, quarterly demand reports, "
            "and SME service requests matched to stations and resident service institutions."
        ),
        routers=[
            http_theme_months.router,
            http_activities.router,
            http_trainings.router,
            http_promotion.router,
            http_demand_reports.router,
            http_service_requests.router,
            http_stations.router,
        ],
        migrations_dir=MIGRATIONS,
        publishes=list(PUBLISHED_TOPICS),
        handlers=consumers.handlers,
        timers=timers.timers,
        working_days=WorkingDayDeadlines(
            reminder=ActivitiesCalendarYearMissing, on_year_loaded=_plan_waiting_deadlines
        ),
        on_start=[schedule_duty_checks],
        unit_of_work=ActivitiesUnitOfWork,
    )


async def schedule_duty_checks(runtime: Runtime) -> None:
    """The yearly promotion-duty checks exist for this year and the next (idempotent, at every start)."""
    await ensure_duty_checks(uow_factory=runtime.uow)


async def _plan_waiting_deadlines(uow: ActivitiesUnitOfWork, year: int) -> None:
    """The calendar hook: deadlines that waited for the year just loaded are planned now."""
    await plan_waiting_deadlines(uow=uow, year=year)


def app(settings: ActivitiesSettings | None = None) -> FastAPI:
    """The ASGI app (``uvicorn --factory sme_activities.bootstrap:app``)."""
    return create_app(definition(settings))
