"""The durable timers registry fires: a station's validity reminders."""

from __future__ import annotations

from sme_kit.timers import Timer, TimerRegistry
from sme_kit.uow import UnitOfWork
from sme_registry.service_layer import expiry

timers = TimerRegistry()


@timers.on(expiry.EXPIRING)
async def station_expiring(timer: Timer, uow: UnitOfWork) -> None:
    await expiry.on_expiring(timer, uow)


@timers.on(expiry.EXPIRED)
async def station_expired(timer: Timer, uow: UnitOfWork) -> None:
    await expiry.on_expired(timer, uow)
