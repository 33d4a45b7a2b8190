"""The durable timers of review: the end of a notice period."""

from __future__ import annotations

from typing import Any

from sme_kit.timers import Timer, TimerRegistry
from sme_review.service_layer import notices

timers = TimerRegistry()


@timers.on(notices.NOTICE_CLOSES)
async def close_notice(timer: Timer, uow: Any) -> None:
    """The runtime hands over review's own unit of work (bootstrap names it), with the repositories."""
    await notices.close_notice(timer=timer, uow=uow)
