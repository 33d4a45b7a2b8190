"""The events notifications listens to."""

from __future__ import annotations

from sme_contracts.envelope import CloudEvent
from sme_contracts.registry import ApplicationSubmitted
from sme_kit.consumers import EventHandlers
from sme_kit.uow import UnitOfWork
from sme_notifications.service_layer import deliveries

handlers = EventHandlers("deliveries")


@handlers.handles(ApplicationSubmitted)
async def on_application_submitted(event: ApplicationSubmitted, envelope: CloudEvent, uow: UnitOfWork) -> None:
    await deliveries.notify_application_submitted(event, envelope.id, uow)
