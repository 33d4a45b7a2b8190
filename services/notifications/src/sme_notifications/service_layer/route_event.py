"""The use case of every consumed event: who is told, render their messages, record the deliveries.

Runs in the consumer's unit of work (with the kit's inbox claim), so everything it records exists
exactly when the event counts as processed. In-app messages are delivered here; e-mails and SMS
are recorded as pending and sent by the dispatcher once this transaction has committed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sme_contracts import Event
from sme_contracts.envelope import CloudEvent
from sme_notifications.adapters.directory_repository import DirectoryRepository
from sme_notifications.adapters.publisher import delivery_succeeded
from sme_notifications.adapters.template_store import TemplateStore
from sme_notifications.adapters.unit_of_work import NotificationsUnitOfWork
from sme_notifications.domain.channels import Channel
from sme_notifications.domain.deliveries import new_delivery
from sme_notifications.domain.facts import facts_of
from sme_notifications.domain.planning import PlannedMessage, one_per_recipient_and_channel, plan_messages
from sme_notifications.domain.routing import RoutingTable, Target
from sme_notifications.service_layer.resolve import resolve_audiences

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Routing:
    """What routing an event needs: the table, the templates, the channels switched on, and the
    dispatcher's doorbell (rung after a commit that left e-mails or SMS to send)."""

    table: RoutingTable
    templates: TemplateStore
    enabled: frozenset[Channel]
    portal_url: str
    on_pending: Callable[[], None]


async def route_event(*, event: Event, envelope: CloudEvent, uow: NotificationsUnitOfWork, routing: Routing) -> int:
    """Record the deliveries of one event; returns how many are new (0 for an event seen before)."""
    data = event.model_dump(mode="json")
    now = uow.clock.now()
    directory = uow.directory
    await _learn(directory, event.event_type, data, now)

    planned, unresolved = await _plan(directory, routing, event.event_type, data)
    context: dict[str, Any] = {**event.model_dump(), "event_time": envelope.time, "portal_url": routing.portal_url}
    deliveries = uow.deliveries
    created = pending = 0
    for message in planned:
        rendered = routing.templates.render(
            message.template_id, message.channel, {**context, "recipient_name": message.recipient_name}
        )
        delivery, attempt = new_delivery(
            event_id=envelope.id,
            event_type=event.event_type,
            recipient=message.recipient,
            audience=message.audience,
            channel=message.channel,
            template=rendered.template,
            subject=rendered.subject,
            body=rendered.body,
            mandatory=message.mandatory,
            now=now,
            address=message.address,
            secret=message.secret,
        )
        if not await deliveries.add_if_new(delivery):
            continue  # this event reached this recipient on this channel before
        created += 1
        if attempt is None:
            pending += 1
        else:
            await deliveries.add_attempt(delivery.delivery_id, attempt)
            uow.publish(delivery_succeeded(delivery, now))
    if unresolved:
        # Ids only: which station or application had no known operator, never who.
        log.warning("%s %s: no operator known for %s", event.event_type, envelope.id, _described(unresolved))
    uow.audit(
        "route",
        "event",
        envelope.id,
        event_type=event.event_type,
        deliveries=created,
        unresolved=_described(unresolved),
    )
    if pending:
        uow.after_commit(routing.on_pending)
    return created


async def _learn(directory: DirectoryRepository, event_type: str, data: dict[str, Any], now: datetime) -> None:
    facts = facts_of(event_type, data)
    for organisation in facts.organisations:
        await directory.learn_organisation(organisation, now)
    for station in facts.stations:
        await directory.learn_station(station, now)
    for application in facts.applications:
        await directory.learn_application(application, now)


async def _plan(
    directory: DirectoryRepository, routing: Routing, event_type: str, data: dict[str, Any]
) -> tuple[list[PlannedMessage], list[Target]]:
    planned: list[PlannedMessage] = []
    unresolved: list[Target] = []
    for route in routing.table.routes_for(event_type):
        if not route.applies_to(data):
            continue
        audiences, missing = await resolve_audiences(directory, route.targets(data), data)
        unresolved.extend(missing)
        reachable = [endpoint.recipient for audience in audiences for endpoint in audience.endpoints]
        chosen = await directory.preferences_of(reachable)
        planned.extend(plan_messages(route, audiences, preferences=chosen, enabled=routing.enabled))
    return one_per_recipient_and_channel(planned), unresolved


def _described(targets: list[Target]) -> list[str]:
    return sorted({f"{target.kind.value}:{target.id}" for target in targets})
