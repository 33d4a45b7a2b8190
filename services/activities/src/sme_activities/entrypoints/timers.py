"""The durable timers of the activities service: promotion duty checks and request escalation."""

from __future__ import annotations

from sme_activities.service_layer import promotion, service_requests
from sme_kit.timers import Timer, TimerRegistry
from sme_kit.uow import UnitOfWork

timers = TimerRegistry()


@timers.on(promotion.DUTY_CHECK_TIMER)
async def on_duty_check(timer: Timer, uow: UnitOfWork) -> None:
    await promotion.check_duty(timer, uow)


@timers.on(service_requests.ESCALATION_TIMER)
async def on_acceptance_deadline(timer: Timer, uow: UnitOfWork) -> None:
    await service_requests.escalate_if_unaccepted(timer, uow)
