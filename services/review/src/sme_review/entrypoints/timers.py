"""The durable timers of review: the end of a notice period."""

from __future__ import annotations

from sme_kit.timers import TimerRegistry
from sme_review.service_layer import notices

timers = TimerRegistry().route({notices.NOTICE_CLOSES: notices.close_notice})
