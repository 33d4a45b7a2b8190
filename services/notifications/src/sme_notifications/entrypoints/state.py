"""What the routes and the dispatcher share in one process (kept on ``app.state.notifications``), and the
service's settings as a typed dependency."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from sme_kit.http import get_runtime
from sme_kit.service import Runtime
from sme_notifications.config import NotificationsSettings
from sme_notifications.entrypoints.dispatcher import Dispatcher, Doorbell
from sme_notifications.service_layer.route_event import Routing


@dataclass
class ServiceState:
    routing: Routing
    doorbell: Doorbell
    dispatcher: Dispatcher | None = None


def get_state(request: Request) -> ServiceState:
    return request.app.state.notifications  # type: ignore[no-any-return]


StateDep = Annotated[ServiceState, Depends(get_state)]


def get_settings(runtime: Annotated[Runtime, Depends(get_runtime)]) -> NotificationsSettings:
    """The settings the composition root started the service with."""
    settings = runtime.settings
    if not isinstance(settings, NotificationsSettings):
        raise TypeError(f"notifications runs with NotificationsSettings, not {type(settings).__name__}")
    return settings


SettingsDep = Annotated[NotificationsSettings, Depends(get_settings)]
