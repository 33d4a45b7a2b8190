"""The events review listens to: applications forwarded by the districts."""

from __future__ import annotations

from sme_contracts.envelope import CloudEvent
from sme_contracts.registry import ApplicationForwarded
from sme_kit.consumers import EventHandlers
from sme_kit.uow import UnitOfWork
from sme_review.service_layer import cases

handlers = EventHandlers("cases")


@handlers.handles(ApplicationForwarded)
async def on_application_forwarded(event: ApplicationForwarded, envelope: CloudEvent, uow: UnitOfWork) -> None:
    await cases.open_case(uow=uow, event=event)
