"""The composition root of the activities service."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from sme_activities.config import ActivitiesSettings
from sme_kit.service import ServiceDefinition, create_app

MIGRATIONS = Path(__file__).parent / "migrations"


def definition(settings: ActivitiesSettings | None = None) -> ServiceDefinition:
    return ServiceDefinition(
        settings=settings or ActivitiesSettings(),  # type: ignore[call-arg]
        title="广州市民营和中小企业服务站 · 服务活动 Activities",
        description="Themed months, activities and trainings, the promotion duty, demand reports, service requests.",
        routers=[],
        migrations_dir=MIGRATIONS,
    )


def app(settings: ActivitiesSettings | None = None) -> FastAPI:
    """The ASGI app (``uvicorn --factory sme_activities.bootstrap:app``)."""
    return create_app(definition(settings))
