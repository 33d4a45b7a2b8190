"""The composition root of the assessment service."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from sme_assessment.config import AssessmentSettings
from sme_kit.service import ServiceDefinition, create_app

MIGRATIONS = Path(__file__).parent / "migrations"


def definition(settings: AssessmentSettings | None = None) -> ServiceDefinition:
    return ServiceDefinition(
        settings=settings or AssessmentSettings(),  # type: ignore[call-arg]
        title="广州市民营和中小企业服务站 · 年度考核 Assessment",
        description="Work plans and summaries, the annual assessment and rectification, revocation.",
        routers=[],
        migrations_dir=MIGRATIONS,
    )


def app(settings: AssessmentSettings | None = None) -> FastAPI:
    """The ASGI app (``uvicorn --factory sme_assessment.bootstrap:app``)."""
    return create_app(definition(settings))
