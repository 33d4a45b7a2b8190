"""The composition root of the review service."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from sme_kit.service import ServiceDefinition, create_app
from sme_review.config import ReviewSettings

MIGRATIONS = Path(__file__).parent / "migrations"


def definition(settings: ReviewSettings | None = None) -> ServiceDefinition:
    return ServiceDefinition(
        settings=settings or ReviewSettings(),  # type: ignore[call-arg]
        title="广州市民营和中小企业服务站 · 专家评审与公示 Review",
        description="Expert review, the public notice and objections, the final list and plaques, re-review.",
        routers=[],
        migrations_dir=MIGRATIONS,
    )


def app(settings: ReviewSettings | None = None) -> FastAPI:
    """The ASGI app (``uvicorn --factory sme_review.bootstrap:app``)."""
    return create_app(definition(settings))
