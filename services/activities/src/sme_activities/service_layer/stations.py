"""The station read model, kept from registry's events, and what a station losing its title entails."""

from __future__ import annotations

import logging

from sme_activities.adapters import publisher
from sme_activities.adapters.unit_of_work import ActivitiesUnitOfWork, ActivitiesUoWFactory
from sme_activities.domain.activities import CancelReason
from sme_activities.domain.service_requests import RequestStatus
from sme_activities.domain.stations import Station, StationStatus
from sme_activities.service_layer.access import CITY_WIDE
from sme_activities.service_layer.service_requests import ESCALATION_TIMER
from sme_contracts.registry import StationInfoChanged, StationRegistered, StationStatusChanged
from sme_kit.auth import Principal, Role
from sme_kit.errors import Forbidden
from sme_kit.paging import PageOf, PageRequest
from sme_kit.uow import Actor

log = logging.getLogger(__name__)


async def station_registered(*, event: StationRegistered, uow: ActivitiesUnitOfWork) -> None:
    """A station entered the register: it may organise, co-organise, report and receive requests."""
    await uow.stations.save(
        Station(
            id=event.station_id,
            uscc=event.uscc,
            name=event.name,
            district_code=event.district_code,
            services=list(event.services),
            status=StationStatus.ACTIVE,
            valid_until=event.valid_until,
            updated_at=uow.clock.now(),
        )
    )
    uow.audit("station_registered", "station", event.station_id)


async def station_info_changed(*, event: StationInfoChanged, uow: ActivitiesUnitOfWork) -> None:
    """Only which fields changed is told: keep what we have, and flag a name that may be outdated."""
    repository = uow.stations
    station = await repository.get(event.station_id)
    if station is None:
        log.warning("info change of unknown station %s ignored", event.station_id)
        return
    station.district_code = event.district_code
    station.name_may_be_outdated = station.name_may_be_outdated or "name" in event.fields_changed
    station.updated_at = uow.clock.now()
    await repository.save(station)
    uow.audit("station_info_changed", "station", station.id, fields=list(event.fields_changed))


async def station_status_changed(*, event: StationStatusChanged, uow: ActivitiesUnitOfWork) -> None:
    """Apply the new status; a station that is no longer active loses its future activities and requests."""
    repository = uow.stations
    station = await repository.get(event.station_id)
    now = uow.clock.now()
    if station is None:
        station = Station(
            event.station_id, event.uscc, event.name, event.district_code, [], StationStatus.ACTIVE, None, now
        )
    station.status = StationStatus(event.status.value)
    station.name = event.name  # this event carries the current name
    station.name_may_be_outdated = False
    station.district_code = event.district_code
    station.valid_until = event.valid_until
    station.updated_at = now
    await repository.save(station)
    uow.audit("station_status_changed", "station", station.id, reason=event.reason, status=station.status.value)
    if not station.active:
        await _withdraw_from_activities(station, uow)
        await _escalate_pending_requests(station, uow)


async def _withdraw_from_activities(station: Station, uow: ActivitiesUnitOfWork) -> None:
    now = uow.clock.now()
    status_text = "已被撤销服务站称号" if station.status is StationStatus.REVOKED else "服务站有效期已满"
    activities = uow.activities
    for activity in await activities.future_of_station(station.id, now):
        if activity.organiser_station_id == station.id:
            reason = f"主办服务站{status_text}，活动取消 (the organising station is no longer active)"
            activity.cancel(now=now, code=CancelReason.ORGANISER_NOT_ACTIVE, reason=reason)
            uow.publish(publisher.activity_cancelled(activity))
            uow.audit("cancel", "activity", activity.id, reason=reason)
        else:
            reason = f"协办服务站{status_text}，不再协办 (the co-organising station is no longer active)"
            activity.withdraw_co_organiser(station.id)
            uow.publish(publisher.co_organiser_withdrawn(activity, station.id, reason, now))
            uow.audit("withdraw_co_organiser", "activity", activity.id, reason=reason, station_id=station.id)
        await activities.save(activity)


async def _escalate_pending_requests(station: Station, uow: ActivitiesUnitOfWork) -> None:
    """Requests the station had not accepted go to the head station at once: nobody else would."""
    requests = uow.service_requests
    for request in await requests.search(station_id=station.id, status=RequestStatus.RECEIVED, escalated=False):
        if request.escalate(now=uow.clock.now()):
            if request.timer_key:
                await uow.cancel_timer(ESCALATION_TIMER, request.timer_key)
            await requests.save(request)
            reason = "受理服务站已不是有效服务站，转服务总站处理 (the station is no longer active)"
            uow.publish(publisher.request_escalated(request, reason))
            uow.audit("escalate", "service_request", request.id, reason=reason)


async def list_stations(
    *,
    uow_factory: ActivitiesUoWFactory,
    principal: Principal,
    district_code: str | None,
    active_only: bool,
    page: PageRequest,
) -> PageOf[Station]:
    """Stations as this service knows them (for choosing co-organisers and attendees)."""
    if principal.is_role(Role.DISTRICT_OFFICER):
        district_code = principal.district
    elif not principal.is_role(*CITY_WIDE, Role.STATION_OPERATOR):
        raise Forbidden("您的角色无权查看服务站名录 (your role may not list stations)")
    async with uow_factory(Actor.of(principal)) as uow:
        return await uow.stations.find(district_code=district_code, active_only=active_only, page=page)
