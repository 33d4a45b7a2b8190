"""Every event the routing table names is consumed by one thin handler."""

from __future__ import annotations

from sme_contracts import Event, event_class
from sme_contracts.envelope import CloudEvent
from sme_kit.consumers import EventHandlers
from sme_kit.uow import UnitOfWork
from sme_notifications.service_layer.route_event import Routing, route_event


def build_handlers(routing: Routing) -> EventHandlers:
    """One subscription per topic the routed event types travel on; adding a route adds its topic."""
    handlers = EventHandlers("deliveries")

    async def on_event(event: Event, envelope: CloudEvent, uow: UnitOfWork) -> None:
        await route_event(event=event, envelope=envelope, uow=uow, routing=routing)

    for event_type in routing.table.routed_event_types():
        model = event_class(event_type)
        if model is None:
            raise LookupError(f"the routing table names {event_type}, which no contract defines")
        handlers.handles(model)(on_event)
    return handlers
