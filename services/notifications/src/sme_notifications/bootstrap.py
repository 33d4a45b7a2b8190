"""The composition root of the notifications service."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from sme_kit.service import ServiceDefinition, create_app
from sme_notifications.config import NotificationsSettings
from sme_notifications.entrypoints import consumers, http

MIGRATIONS = Path(__file__).parent / "migrations"


def definition(settings: NotificationsSettings | None = None) -> ServiceDefinition:
    return ServiceDefinition(
        settings=settings or NotificationsSettings(),  # type: ignore[call-arg]
        title="广州市民营和中小企业服务站 · 消息通知 Notifications",
        description="Who must hear about each event, over which channel, and the record of every delivery.",
        routers=[http.router],
        migrations_dir=MIGRATIONS,
        handlers=consumers.handlers,
    )


def app(settings: NotificationsSettings | None = None) -> FastAPI:
    """The ASGI app (``uvicorn --factory sme_notifications.bootstrap:app``)."""
    return create_app(definition(settings))
