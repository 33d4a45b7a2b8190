"""The composition root of the assessment service: the one place that wires it."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from sme_assessment.adapters.unit_of_work import AssessmentUnitOfWork
from sme_assessment.config import AssessmentSettings
from sme_assessment.entrypoints import (
    consumers,
    http_cycles,
    http_documents,
    http_plans,
    http_rectifications,
    http_reports,
    http_revocations,
    http_stations,
    timers,
)
from sme_contracts.assessment import PUBLISHED_TOPICS
from sme_kit.service import ServiceDefinition, create_app

MIGRATIONS = Path(__file__).parent / "migrations"


def definition(settings: AssessmentSettings | None = None) -> ServiceDefinition:
    """What makes this service itself: routers, events, timers, migrations, its unit of work."""
    return ServiceDefinition(
        settings=settings or AssessmentSettings(),
        title="广州市民营和中小企业服务站 · 年度考核 Assessment",
        description=(
            "Work plans and summaries (§4.1.4), the annual assessment with indicators computed from the other "
            "services' events (§4.3.6), rectification and re-assessment, and revocation of the station title on "
            "the guideline's eight grounds (§4.3); reports for the bureau."
        ),
        routers=[
            http_plans.router,
            http_cycles.router,
            http_rectifications.router,
            http_revocations.router,
            http_reports.router,
            http_stations.router,
            http_documents.router,
        ],
        migrations_dir=MIGRATIONS,
        publishes=list(PUBLISHED_TOPICS),
        handlers=consumers.handlers,
        timers=timers.timers,
        unit_of_work=AssessmentUnitOfWork,
        prints_documents=True,
    )


def app(settings: AssessmentSettings | None = None) -> FastAPI:
    """The ASGI app (``uvicorn --factory sme_assessment.bootstrap:app``)."""
    return create_app(definition(settings))
