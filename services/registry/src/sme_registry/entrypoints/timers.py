"""The durable timers registry fires: a station's validity reminders."""

from __future__ import annotations

from sme_kit.timers import TimerRegistry
from sme_registry.service_layer import expiry

timers = TimerRegistry().route({expiry.EXPIRING: expiry.on_expiring, expiry.EXPIRED: expiry.on_expired})
