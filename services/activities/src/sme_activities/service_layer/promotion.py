"""Use cases of the promotion duty (§3.3.3): sessions, yearly counts and the duty checks."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import date

from sme_activities.adapters import publisher
from sme_activities.adapters.unit_of_work import ActivitiesUnitOfWork, ActivitiesUoWFactory
from sme_activities.domain.errors import DomainError
from sme_activities.domain.promotion import (
    TARGET_PER_YEAR,
    PromotionSession,
    PromotionSubject,
    check_session,
    duty_check_moments,
    stations_below_target,
    upcoming_duty_checks,
)
from sme_activities.domain.stations import Station, require_active
from sme_activities.service_layer.access import CITY_WIDE, sees
from sme_kit.auth import Principal, Role
from sme_kit.errors import Forbidden, NotFound
from sme_kit.paging import PageOf, PageRequest
from sme_kit.timers import Timer
from sme_kit.uow import Actor

log = logging.getLogger(__name__)

DUTY_CHECK_TIMER = "promotion.duty_check"


@dataclass(frozen=True)
class RecordSession:
    station_id: str
    held_on: date
    subjects: list[PromotionSubject]
    activity_id: str | None
    audience_count: int
    venue: str | None
    notes: str | None


@dataclass(frozen=True)
class StationProgress:
    station: Station
    year: int
    count: int
    warned_on: list[date]

    @property
    def target(self) -> int:
        return TARGET_PER_YEAR

    @property
    def met(self) -> bool:
        return self.count >= TARGET_PER_YEAR


async def record_session(
    *, uow_factory: ActivitiesUoWFactory, principal: Principal, command: RecordSession
) -> tuple[PromotionSession, int]:
    """A station (or the head station on its behalf) records a session; returns it and the year's count."""
    if not (principal.owns_station(command.station_id) or principal.is_role(Role.HEAD_STATION_STAFF)):
        raise Forbidden("只能为本服务站登记宣讲 (an operator records its own station's sessions)")
    async with uow_factory(Actor.of(principal)) as uow:
        station = require_active(await uow.stations.get(command.station_id), command.station_id, as_what="登记宣讲")
        activity = None
        if command.activity_id:
            activity = await uow.activities.get(command.activity_id)
            if activity is None:
                raise DomainError(f"活动 {command.activity_id} 不存在 (no such activity)")
        now = uow.clock.now()
        check_session(
            station=station, held_on=command.held_on, today=now.date(), subjects=command.subjects, activity=activity
        )
        session = PromotionSession(
            id=str(uuid.uuid4()),
            station_id=station.id,
            district_code=station.district_code,
            year=command.held_on.year,
            held_on=command.held_on,
            subjects=list(dict.fromkeys(command.subjects)),
            activity_id=command.activity_id,
            theme_month_id=activity.theme_month_id if activity else None,
            audience_count=command.audience_count,
            venue=command.venue,
            notes=command.notes,
            recorded_by=principal.subject,
            recorded_at=now,
        )
        repository = uow.promotion
        await repository.add(session)
        count = (await repository.counts(session.year, [station.id])).get(station.id, 0)
        uow.publish(publisher.promotion_recorded(session, count))
        uow.audit("record", "promotion_session", session.id, station_id=station.id, count_this_year=count)
        await uow.commit()
    return session, count


async def progress(
    *, uow_factory: ActivitiesUoWFactory, principal: Principal, year: int, district_code: str | None, page: PageRequest
) -> PageOf[StationProgress]:
    """Each visible station's sessions this year against the target of 3, a page of stations at a time."""
    async with uow_factory(Actor.of(principal)) as uow:
        if principal.is_role(Role.STATION_OPERATOR):
            station = await uow.stations.get(principal.station_id or "")
            own = [station] if station else []
            stations = PageOf.sliced(own, page)
        else:
            if principal.is_role(Role.DISTRICT_OFFICER):
                district_code = principal.district
            elif not principal.is_role(*CITY_WIDE):
                raise Forbidden("您的角色无权查看宣讲情况 (your role may not see promotion counts)")
            stations = await uow.stations.find(district_code=district_code, page=page)
        repository = uow.promotion
        counts = await repository.counts(year, [s.id for s in stations.items])
        warnings = await repository.warnings(year)
    return stations.map(lambda s: StationProgress(s, year, counts.get(s.id, 0), warnings.get(s.id, [])))


async def sessions_of_station(
    *, uow_factory: ActivitiesUoWFactory, principal: Principal, station_id: str, year: int, page: PageRequest
) -> PageOf[PromotionSession]:
    async with uow_factory(Actor.of(principal)) as uow:
        station = await uow.stations.get(station_id)
        if station is None or not sees(principal, station, station_id):
            raise NotFound(f"没有编号为 {station_id} 的服务站 (no such station)")
        return await uow.promotion.of_station(station_id, year, page)


async def _ensure_check(uow: ActivitiesUnitOfWork, year: int) -> None:
    for moment in duty_check_moments(year):
        if moment > uow.clock.now():
            # if_absent: a check that exists, even one that already fired, stays as it is.
            await uow.schedule_timer(
                DUTY_CHECK_TIMER, moment.date().isoformat(), moment, {"year": year}, if_absent=True
            )


async def ensure_duty_checks(*, uow_factory: ActivitiesUoWFactory) -> None:
    """Make sure the checks of this year and the next are scheduled (idempotent; run at start-up)."""
    async with uow_factory(Actor.system("promotion-duty-schedule")) as uow:
        for year in sorted({moment.year for moment in upcoming_duty_checks(uow.clock.now())}):
            await _ensure_check(uow, year)
        await uow.commit()


async def check_duty(*, timer: Timer, uow: ActivitiesUnitOfWork) -> None:
    """1 October / 1 December: warn every active station below 3 sessions this year; plan next year's checks."""
    year = int(timer.payload["year"])
    checked_on = timer.due_at.date()
    stations = await uow.stations.all(active_only=True)
    repository = uow.promotion
    counts = await repository.counts(year, [s.id for s in stations])
    now = uow.clock.now()
    warned = 0
    for below in stations_below_target(stations, counts):
        if await repository.warn_once(
            station_id=below.station.id,
            district_code=below.station.district_code,
            year=year,
            count=below.count,
            checked_on=checked_on,
            now=now,
        ):
            uow.publish(
                publisher.promotion_below_target(
                    below.station, year=year, count=below.count, checked_on=checked_on, now=now
                )
            )
            warned += 1
    uow.audit("duty_check", "promotion_duty", checked_on.isoformat(), stations=len(stations), warned=warned)
    log.info("promotion duty check %s: %d of %d stations below target", checked_on, warned, len(stations))
    await _ensure_check(uow, year + 1)
