"""The durable timers of the activities service: promotion duty checks, request escalation, and the
voiding of anonymous forms never confirmed."""

from __future__ import annotations

from sme_activities.service_layer import confirmations, promotion, service_requests
from sme_activities.service_layer.unit_of_work import activities_uow
from sme_kit.timers import Timer, TimerRegistry
from sme_kit.uow import UnitOfWork

timers = TimerRegistry()


@timers.on(promotion.DUTY_CHECK_TIMER)
async def on_duty_check(timer: Timer, uow: UnitOfWork) -> None:
    await promotion.check_duty(timer=timer, uow=activities_uow(uow))


@timers.on(service_requests.ESCALATION_TIMER)
async def on_acceptance_deadline(timer: Timer, uow: UnitOfWork) -> None:
    await service_requests.escalate_if_unaccepted(timer=timer, uow=activities_uow(uow))


@timers.on(confirmations.EXPIRY_TIMER)
async def on_code_expired(timer: Timer, uow: UnitOfWork) -> None:
    await confirmations.void_unconfirmed(timer=timer, uow=activities_uow(uow))
