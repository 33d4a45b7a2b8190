"""The events registry listens to: outcomes of review, revocations of assessment."""

from __future__ import annotations

from sme_contracts.assessment import StationRevoked
from sme_contracts.review import ApplicationDeclined, ReReviewFailed, ReReviewPassed, StationRecognised
from sme_kit.consumers import EventHandlers
from sme_registry.service_layer import register_events

handlers = EventHandlers("register").route(
    {
        StationRecognised: register_events.register_recognised_station,
        ReReviewPassed: register_events.confirm_re_review,
        ReReviewFailed: register_events.fail_re_review,
        ApplicationDeclined: register_events.decline_application,
        StationRevoked: register_events.revoke_station,
    }
)
