"""Every event the routing table names is consumed by one use case, declared as a table."""

from __future__ import annotations

from functools import partial

from sme_contracts import Event, event_class
from sme_kit.consumers import EventHandlers
from sme_notifications.service_layer.route_event import Routing, route_event


def routed_events(routing: Routing) -> list[type[Event]]:
    """The contract of every event type the routing table names (a name no contract defines stops the start)."""
    models: list[type[Event]] = []
    for event_type in routing.table.routed_event_types():
        model = event_class(event_type)
        if model is None:
            raise LookupError(f"the routing table names {event_type}, which no contract defines")
        models.append(model)
    return models


def build_handlers(routing: Routing) -> EventHandlers:
    """One subscription per topic the routed event types travel on; adding a route adds its topic."""
    record_deliveries = partial(route_event, routing=routing)
    return EventHandlers("deliveries").route({model: record_deliveries for model in routed_events(routing)})
