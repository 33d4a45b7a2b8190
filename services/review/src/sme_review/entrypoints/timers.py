"""The durable timers of review: the end of a notice period."""

from __future__ import annotations

from sme_kit.timers import Timer, TimerRegistry
from sme_kit.uow import UnitOfWork
from sme_review.service_layer import notices

timers = TimerRegistry()


@timers.on(notices.NOTICE_CLOSES)
async def close_notice(timer: Timer, uow: UnitOfWork) -> None:
    await notices.close_notice(timer=timer, uow=uow)
