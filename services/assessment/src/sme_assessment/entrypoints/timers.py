"""The durable timers of the assessment service: plan and summary deadlines, rectification deadlines."""

from __future__ import annotations

from sme_assessment.service_layer import plans, rectification
from sme_assessment.service_layer.timer_kinds import RECTIFICATION_DEADLINE, WORK_DOCUMENT_DEADLINE
from sme_kit.timers import TimerRegistry

timers = TimerRegistry().route(
    {
        WORK_DOCUMENT_DEADLINE: plans.deadline_passed,
        RECTIFICATION_DEADLINE: rectification.deadline_passed,
    }
)
