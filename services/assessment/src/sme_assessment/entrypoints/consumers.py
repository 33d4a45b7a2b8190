"""The events assessment gathers as evidence and acts on: registry's register, review's re-review
outcomes, and everything activities tells about what stations did."""

from __future__ import annotations

from sme_assessment.service_layer import evidence, re_review, stations
from sme_contracts import activities, registry, review
from sme_contracts.envelope import CloudEvent
from sme_kit.consumers import EventHandlers
from sme_kit.uow import UnitOfWork

handlers = EventHandlers("evidence")


@handlers.handles(registry.StationRegistered)
async def on_station_registered(event: registry.StationRegistered, envelope: CloudEvent, uow: UnitOfWork) -> None:
    await stations.station_registered(event=event, uow=uow)


@handlers.handles(registry.StationStatusChanged)
async def on_status_changed(event: registry.StationStatusChanged, envelope: CloudEvent, uow: UnitOfWork) -> None:
    await stations.station_status_changed(event=event, uow=uow)


@handlers.handles(registry.StationInfoChanged)
async def on_info_changed(event: registry.StationInfoChanged, envelope: CloudEvent, uow: UnitOfWork) -> None:
    await stations.station_info_changed(event=event, envelope=envelope, uow=uow)


@handlers.handles(registry.StationConventionSigned)
async def on_convention_signed(event: registry.StationConventionSigned, envelope: CloudEvent, uow: UnitOfWork) -> None:
    await stations.convention_signed(event=event, envelope=envelope, uow=uow)


@handlers.handles(registry.StationExpired)
async def on_station_expired(event: registry.StationExpired, envelope: CloudEvent, uow: UnitOfWork) -> None:
    await stations.station_expired(event=event, uow=uow)


@handlers.handles(review.ReReviewFailed)
async def on_re_review_failed(event: review.ReReviewFailed, envelope: CloudEvent, uow: UnitOfWork) -> None:
    await re_review.re_review_failed(event=event, uow=uow)


@handlers.handles(review.ReReviewPassed)
async def on_re_review_passed(event: review.ReReviewPassed, envelope: CloudEvent, uow: UnitOfWork) -> None:
    await re_review.re_review_passed(event=event, uow=uow)


@handlers.handles(activities.ActivityCompleted)
async def on_activity_completed(event: activities.ActivityCompleted, envelope: CloudEvent, uow: UnitOfWork) -> None:
    await evidence.activity_completed(event=event, envelope=envelope, uow=uow)


@handlers.handles(activities.ActivityCancelled)
async def on_activity_cancelled(event: activities.ActivityCancelled, envelope: CloudEvent, uow: UnitOfWork) -> None:
    await evidence.activity_cancelled(event=event, envelope=envelope, uow=uow)


@handlers.handles(activities.PromotionRecorded)
async def on_promotion_recorded(event: activities.PromotionRecorded, envelope: CloudEvent, uow: UnitOfWork) -> None:
    await evidence.promotion_recorded(event=event, envelope=envelope, uow=uow)


@handlers.handles(activities.TrainingHeld)
async def on_training_held(event: activities.TrainingHeld, envelope: CloudEvent, uow: UnitOfWork) -> None:
    await evidence.training_held(event=event, envelope=envelope, uow=uow)


@handlers.handles(activities.DemandReportSubmitted)
async def on_demand_report(event: activities.DemandReportSubmitted, envelope: CloudEvent, uow: UnitOfWork) -> None:
    await evidence.demand_report_submitted(event=event, envelope=envelope, uow=uow)


@handlers.handles(activities.ServiceRequestClosed)
async def on_request_closed(event: activities.ServiceRequestClosed, envelope: CloudEvent, uow: UnitOfWork) -> None:
    await evidence.service_request_closed(event=event, envelope=envelope, uow=uow)


@handlers.handles(activities.ServiceRequestEscalated)
async def on_request_escalated(
    event: activities.ServiceRequestEscalated, envelope: CloudEvent, uow: UnitOfWork
) -> None:
    await evidence.service_request_escalated(event=event, envelope=envelope, uow=uow)
