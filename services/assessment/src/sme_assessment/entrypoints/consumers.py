"""The events assessment gathers as evidence and acts on: registry's register, review's re-review
outcomes, and everything activities tells about what stations did."""

from __future__ import annotations

from sme_assessment.service_layer import evidence, re_review, stations
from sme_contracts import activities, registry, review
from sme_kit.consumers import EventHandlers

handlers = EventHandlers("evidence").route(
    {
        registry.StationRegistered: stations.station_registered,
        registry.StationStatusChanged: stations.station_status_changed,
        registry.StationInfoChanged: stations.station_info_changed,
        registry.StationConventionSigned: stations.convention_signed,
        registry.StationExpired: stations.station_expired,
        review.ReReviewFailed: re_review.re_review_failed,
        review.ReReviewPassed: re_review.re_review_passed,
        activities.ActivityCompleted: evidence.activity_completed,
        activities.ActivityCancelled: evidence.activity_cancelled,
        activities.PromotionRecorded: evidence.promotion_recorded,
        activities.TrainingHeld: evidence.training_held,
        activities.DemandReportSubmitted: evidence.demand_report_submitted,
        activities.ServiceRequestClosed: evidence.service_request_closed,
        activities.ServiceRequestEscalated: evidence.service_request_escalated,
    }
)
