"""The durable timers registry fires: a station's validity reminders."""

from __future__ import annotations

from sme_kit.timers import TimerRegistry
from sme_registry.service_layer import expiry

timers = TimerRegistry()
timers.on(expiry.EXPIRING)(expiry.fire)
timers.on(expiry.EXPIRED)(expiry.fire)
