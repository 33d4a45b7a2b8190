"""The station read model, kept from registry's events, and the facts registry tells about stations:
late information changes, the convention, and expiry without re-review (ground 5)."""

from __future__ import annotations

import logging

from sme_assessment.adapters.unit_of_work import AssessmentUnitOfWork, AssessmentUoWFactory
from sme_assessment.domain import evidence as facts
from sme_assessment.domain.stations import Station, StationStatus
from sme_assessment.service_layer.access import FIRST_PAGE, district_scope
from sme_assessment.service_layer.evidence import keep
from sme_assessment.service_layer.proposals import propose_automatically
from sme_assessment.service_layer.title_lost import end_pending_work
from sme_contracts import registry as events
from sme_contracts.common import RevocationGround
from sme_contracts.envelope import CloudEvent
from sme_kit.auth import Principal
from sme_kit.paging import PageOf, PageRequest
from sme_kit.uow import Actor
from sme_kit.vocabulary import shanghai_day

log = logging.getLogger(__name__)


async def known_or_told(
    uow: AssessmentUnitOfWork, *, station_id: str, uscc: str, district_code: str, name: str | None = None
) -> Station:
    """The station as this service knows it, or as an event describes one it has not heard of yet."""
    station = await uow.stations.get(station_id)
    if station is not None:
        return station
    log.warning("station %s not in the read model yet: taken from the event", station_id)
    return Station(
        station_id, uscc, name or station_id, district_code, StationStatus.ACTIVE, None, None, uow.clock.now()
    )


async def station_registered(*, event: events.StationRegistered, uow: AssessmentUnitOfWork) -> None:
    """A station entered the register: it is assessed from the year its title starts."""
    repository = uow.stations
    known = await repository.get(event.station_id)
    await repository.save(
        Station(
            id=event.station_id,
            uscc=event.uscc,
            name=event.name,
            district_code=event.district_code,
            status=StationStatus.ACTIVE,
            valid_from=event.valid_from,
            valid_until=event.valid_until,
            updated_at=uow.clock.now(),
            convention_signed_on=known.convention_signed_on if known else None,
        )
    )
    uow.audit("station_registered", "station", event.station_id)


async def station_status_changed(*, event: events.StationStatusChanged, uow: AssessmentUnitOfWork) -> None:
    """Apply the register's status; a station no longer holding its title ends its pending work here."""
    station = await known_or_told(
        uow, station_id=event.station_id, uscc=event.uscc, district_code=event.district_code, name=event.name
    )
    station.status = StationStatus(event.status.value)
    station.name, station.district_code = event.name, event.district_code
    station.valid_until = event.valid_until
    station.updated_at = uow.clock.now()
    await uow.stations.save(station)
    uow.audit("station_status_changed", "station", station.id, reason=event.reason, status=station.status.value)
    if station.revoked:
        await end_pending_work(uow, station, reason="服务站已被撤销服务站称号")


async def station_info_changed(
    *, event: events.StationInfoChanged, envelope: CloudEvent, uow: AssessmentUnitOfWork
) -> None:
    """A change reported more than 30 days after it was completed counts against the station (§4.4)."""
    repository = uow.stations
    station = await repository.get(event.station_id)
    if station is not None and station.district_code != event.district_code:
        station.district_code, station.updated_at = event.district_code, uow.clock.now()
        await repository.save(station)
    if event.late:
        found = facts.late_change_fact(
            change_id=event.change_id, station_id=event.station_id, reported_on=event.reported_on
        )
        await keep(uow, envelope, [found], what="late_info_change")


async def convention_signed(
    *, event: events.StationConventionSigned, envelope: CloudEvent, uow: AssessmentUnitOfWork
) -> None:
    """The station signed the service convention: kept on the station and as evidence."""
    signed_on = shanghai_day(event.signed_at)
    repository = uow.stations
    station = await repository.get(event.station_id)
    if station is not None and (station.convention_signed_on is None or signed_on < station.convention_signed_on):
        station.convention_signed_on, station.updated_at = signed_on, uow.clock.now()
        await repository.save(station)
    found = facts.convention_fact(station_id=event.station_id, version=event.convention_version, signed_on=signed_on)
    await keep(uow, envelope, [found], what="convention_signed")


async def station_expired(*, event: events.StationExpired, uow: AssessmentUnitOfWork) -> None:
    """Three years over: without a re-review application this is ground 5, proposed to the bureau."""
    station = await known_or_told(
        uow, station_id=event.station_id, uscc=event.uscc, district_code=event.district_code, name=event.name
    )
    if station.active:
        station.status, station.updated_at = StationStatus.EXPIRED, uow.clock.now()
        await uow.stations.save(station)
    if event.re_review_applied:
        uow.audit("station_expired", "station", station.id, re_review_applied=True)
        return
    await propose_automatically(
        uow,
        station=station,
        ground=RevocationGround.NO_OR_FAILED_RE_REVIEW,
        trigger=f"有效期已于{event.valid_until.isoformat()}届满，未申请复核",
        evidence=f"登记信息显示：服务站有效期至{event.valid_until.isoformat()}，当年度申请中无复核申请。",
    )


async def list_stations(
    *,
    uow_factory: AssessmentUoWFactory,
    principal: Principal,
    district_code: str | None,
    active_only: bool,
    page: PageRequest = FIRST_PAGE,
) -> PageOf[Station]:
    """A page of the stations as this service knows them (bureau and head station: all; a district: its
    own), by id."""
    district_code = district_scope(principal, district_code)
    async with uow_factory(Actor.of(principal)) as uow:
        return await uow.stations.page(page, district_code=district_code, active_only=active_only)
