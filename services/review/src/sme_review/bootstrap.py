"""The composition root of the review service: the one place that wires it."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from fastapi import FastAPI

from sme_contracts import review as review_contracts
from sme_kit.calendar_reminders import WorkingDayDeadlines
from sme_kit.service import ServiceDefinition, create_app
from sme_review.adapters.unit_of_work import ReviewUnitOfWork
from sme_review.config import ReviewSettings
from sme_review.domain.rate_limit import SlidingWindowLimiter
from sme_review.entrypoints import (
    consumers,
    http_cases,
    http_documents,
    http_experts,
    http_notices,
    http_objections,
    http_panels,
    http_public,
    http_rounds,
    http_scoring,
    timers,
)

MIGRATIONS = Path(__file__).parent / "migrations"


def definition(settings: ReviewSettings | None = None) -> ServiceDefinition:
    settings = settings or ReviewSettings()
    return ServiceDefinition(
        settings=settings,
        title="广州市民营和中小企业服务站 · 专家评审与公示 Review",
        description=(
            "Expert review organised by the head station, the bureau's shortlist and 5-working-day public "
            "notice, objections, the final list and plaques, and re-review (guideline §4.1.3, §4.2)."
        ),
        routers=[
            http_cases.router,
            http_scoring.router,
            http_experts.router,
            http_panels.router,
            http_rounds.router,
            http_notices.router,
            http_objections.router,
            http_public.router,
            http_documents.router,
        ],
        migrations_dir=MIGRATIONS,
        publishes=[
            review_contracts.REVIEW_CASE,
            review_contracts.REVIEW_ROUND,
            review_contracts.REVIEW_NOTICE,
            review_contracts.REVIEW_OUTCOME,
            review_contracts.REVIEW_CALENDAR,
        ],
        # Notice periods count working days; publishing one that needs an unloaded year is refused.
        working_days=WorkingDayDeadlines(reminder=review_contracts.ReviewCalendarYearMissing),
        handlers=consumers.handlers,
        timers=timers.timers,
        unit_of_work=ReviewUnitOfWork,
        prints_documents=True,
        extra_state={
            "objection_limiter": SlidingWindowLimiter(
                limit=settings.objection_rate_limit, window=timedelta(seconds=settings.objection_rate_window_s)
            )
        },
    )


def app(settings: ReviewSettings | None = None) -> FastAPI:
    """The ASGI app (``uvicorn --factory sme_review.bootstrap:app``)."""
    return create_app(definition(settings))
