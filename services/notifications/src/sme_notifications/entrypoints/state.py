"""What the routes and the dispatcher share in one process (kept on ``app.state.notifications``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

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
