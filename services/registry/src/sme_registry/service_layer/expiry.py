"""The two durable timers of a station's validity (§4.2): "expiring" 90 days before the last day,
"expired" at 00:00 (Asia/Shanghai) on the day after it.

Both are keyed by station, so a renewal moves them and a revocation cancels them. Each carries
the last day it was scheduled for: a timer that outlived a renewal finds another last day on the
register and does nothing.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, time

from sme_contracts.common import StationStatus
from sme_kit.timers import Timer
from sme_kit.vocabulary import SHANGHAI, shanghai_day
from sme_registry.adapters import publisher
from sme_registry.adapters.unit_of_work import RegistryUnitOfWork
from sme_registry.domain.applications import RE_REVIEW_APPLIED
from sme_registry.domain.stations import Station
from sme_registry.domain.validity import expired_on, expiring_notice_on

log = logging.getLogger(__name__)

EXPIRING = "registry.station.expiring"
EXPIRED = "registry.station.expired"


def start_of(day: date) -> datetime:
    """00:00 of `day` in Asia/Shanghai."""
    return datetime.combine(day, time(0), tzinfo=SHANGHAI)


async def schedule_expiry(*, uow: RegistryUnitOfWork, station: Station) -> None:
    """(Re)schedule both timers for the station's current last day of validity."""
    payload = {"valid_until": station.valid_until.isoformat()}
    await uow.schedule_timer(EXPIRING, station.id, start_of(expiring_notice_on(station.valid_until)), payload)
    await uow.schedule_timer(EXPIRED, station.id, start_of(expired_on(station.valid_until)), payload)


async def cancel_expiry(*, uow: RegistryUnitOfWork, station_id: str) -> None:
    """Forget both timers: a revoked station neither expires nor is reminded."""
    await uow.cancel_timer(EXPIRING, station_id)
    await uow.cancel_timer(EXPIRED, station_id)


async def on_expiring(*, timer: Timer, uow: RegistryUnitOfWork) -> None:
    """Tell the operator (through notifications) that re-review is due in this year's round."""
    station = await _current(uow, timer)
    if station is None:
        return
    uow.publish(publisher.station_expiring(station, today=shanghai_day(uow.clock.now())))
    uow.audit("expiring_notice", "station", station.id, valid_until=station.valid_until.isoformat())
    log.info("station %s: expiring notice published", station.id)


async def on_expired(*, timer: Timer, uow: RegistryUnitOfWork) -> None:
    """The 3 years ended: status expired, and assessment learns whether a re-review was applied for."""
    station = await _current(uow, timer)
    if station is None:
        return
    last_day = station.valid_until
    applied = await uow.applications.re_review_applied(station.id, last_day.year, RE_REVIEW_APPLIED)
    change = station.expire(on=expired_on(last_day), now=uow.clock.now())
    await uow.stations.save(station)
    uow.publish(publisher.station_expired(station, valid_until=last_day, re_review_applied=applied))
    uow.publish(publisher.station_status_changed(station, change))
    uow.audit(
        "expire",
        "station",
        station.id,
        reason=change.reason,
        valid_until=last_day.isoformat(),
        re_review_applied=applied,
    )
    log.info("station %s expired (re-review applied: %s)", station.id, applied)


async def _current(uow: RegistryUnitOfWork, timer: Timer) -> Station | None:
    """The station the timer is about, if it is still active with the last day the timer was set for."""
    station = await uow.stations.get(timer.key, for_update=True)
    if station is None or station.status is not StationStatus.ACTIVE:
        return None
    if station.valid_until.isoformat() != timer.payload.get("valid_until"):
        return None  # renewed since: the timer of the new last day does the work
    return station
