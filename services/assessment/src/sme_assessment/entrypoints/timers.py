"""The durable timers of the assessment service: plan and summary deadlines, rectification deadlines."""

from __future__ import annotations

from sme_assessment.service_layer import plans, rectification
from sme_assessment.service_layer.timer_kinds import RECTIFICATION_DEADLINE, WORK_DOCUMENT_DEADLINE
from sme_kit.timers import Timer, TimerRegistry
from sme_kit.uow import UnitOfWork

timers = TimerRegistry()


@timers.on(WORK_DOCUMENT_DEADLINE)
async def on_work_document_deadline(timer: Timer, uow: UnitOfWork) -> None:
    await plans.deadline_passed(timer=timer, uow=uow)


@timers.on(RECTIFICATION_DEADLINE)
async def on_rectification_deadline(timer: Timer, uow: UnitOfWork) -> None:
    await rectification.deadline_passed(timer=timer, uow=uow)
