"""The events registry listens to: outcomes of review, revocations of assessment."""

from __future__ import annotations

from sme_contracts.assessment import StationRevoked
from sme_contracts.envelope import CloudEvent
from sme_contracts.review import ApplicationDeclined, ReReviewFailed, ReReviewPassed, StationRecognised
from sme_kit.consumers import EventHandlers
from sme_kit.uow import UnitOfWork
from sme_registry.service_layer import register_events

handlers = EventHandlers("register")


@handlers.handles(StationRecognised)
async def on_station_recognised(event: StationRecognised, envelope: CloudEvent, uow: UnitOfWork) -> None:
    await register_events.register_recognised_station(uow=uow, event=event)


@handlers.handles(ReReviewPassed)
async def on_re_review_passed(event: ReReviewPassed, envelope: CloudEvent, uow: UnitOfWork) -> None:
    await register_events.confirm_re_review(uow=uow, event=event)


@handlers.handles(ReReviewFailed)
async def on_re_review_failed(event: ReReviewFailed, envelope: CloudEvent, uow: UnitOfWork) -> None:
    await register_events.fail_re_review(uow=uow, event=event)


@handlers.handles(ApplicationDeclined)
async def on_application_declined(event: ApplicationDeclined, envelope: CloudEvent, uow: UnitOfWork) -> None:
    await register_events.decline_application(uow=uow, event=event)


@handlers.handles(StationRevoked)
async def on_station_revoked(event: StationRevoked, envelope: CloudEvent, uow: UnitOfWork) -> None:
    await register_events.revoke_station(uow=uow, event=event)
