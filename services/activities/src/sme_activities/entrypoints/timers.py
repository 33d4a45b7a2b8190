"""The durable timers of the activities service: promotion duty checks, request escalation, and the
voiding of anonymous forms never confirmed."""

from __future__ import annotations

from sme_activities.service_layer import confirmations, promotion, service_requests
from sme_kit.timers import TimerRegistry

timers = TimerRegistry().route(
    {
        promotion.DUTY_CHECK_TIMER: promotion.check_duty,
        service_requests.ESCALATION_TIMER: service_requests.escalate_if_unaccepted,
        confirmations.EXPIRY_TIMER: confirmations.void_unconfirmed,
    }
)
