"""Reading the station register: the full record for those entitled to it, and the public register."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sme_contracts.common import ServiceCategory, StationStatus
from sme_kit.auth import Principal, Role
from sme_kit.errors import Forbidden
from sme_kit.paging import PageOf, PageRequest
from sme_kit.uow import Actor
from sme_registry.adapters.stations_repository import StationFilter
from sme_registry.adapters.unit_of_work import RegistryUowFactory
from sme_registry.domain.changes import InfoChange
from sme_registry.domain.stations import Station, StatusChange
from sme_registry.service_layer.access import CITY_WIDE, may_read_station, station_not_found

# What the public register shows: stations that are recognised now.
PUBLIC_STATUSES = (StationStatus.ACTIVE,)
FIRST_PAGE = PageRequest()
# The public register shows 20 a page unless asked (at most 100).
PUBLIC_FIRST_PAGE = PageRequest(limit=20)


@dataclass(frozen=True)
class StationQuery:
    district_code: str | None = None
    status: StationStatus | None = None
    service: ServiceCategory | None = None
    name: str | None = None
    convention_signed: bool | None = None


async def get_station(*, uow_factory: RegistryUowFactory, principal: Principal, station_id: str) -> Station:
    """The full record (personal data included): bureau, head station, its district, its operator."""
    async with uow_factory(Actor.of(principal)) as uow:
        station = await uow.stations.get(station_id)
    if station is None or not may_read_station(principal, station):
        raise station_not_found(station_id)
    return station


async def status_history(
    *, uow_factory: RegistryUowFactory, principal: Principal, station_id: str, page: PageRequest = FIRST_PAGE
) -> PageOf[StatusChange]:
    """Every status the station had, oldest first."""
    async with uow_factory(Actor.of(principal)) as uow:
        repository = uow.stations
        station = await repository.get(station_id)
        if station is None or not may_read_station(principal, station):
            raise station_not_found(station_id)
        return await repository.history(station_id, page)


async def change_history(
    *, uow_factory: RegistryUowFactory, principal: Principal, station_id: str, page: PageRequest = FIRST_PAGE
) -> PageOf[InfoChange]:
    """Every information change the operator reported, newest first."""
    async with uow_factory(Actor.of(principal)) as uow:
        repository = uow.stations
        station = await repository.get(station_id)
        if station is None or not may_read_station(principal, station):
            raise station_not_found(station_id)
        return await repository.changes(station_id, page)


async def list_stations(
    *,
    uow_factory: RegistryUowFactory,
    principal: Principal,
    query: StationQuery,
    convention_version: str,
    page: PageRequest = FIRST_PAGE,
) -> PageOf[Station]:
    """Stations the caller may see in full: all for the bureau and head station, its district's for an
    officer, its own for an operator."""
    where = StationFilter(
        district_code=query.district_code,
        statuses=(query.status,) if query.status else (),
        service=query.service,
        name_contains=query.name,
        convention_signed=query.convention_signed,
        convention_version=convention_version,
    )
    if principal.is_role(Role.STATION_OPERATOR):
        where = replace(where, uscc=principal.org)
    elif principal.is_role(Role.DISTRICT_OFFICER):
        if query.district_code not in (None, principal.district):
            return PageOf.of([], 0, page)
        where = replace(where, district_code=principal.district)
    elif not principal.is_role(*CITY_WIDE):
        raise Forbidden("您的角色无权查看服务站完整信息 (your role does not see the full register)")
    async with uow_factory(Actor.of(principal)) as uow:
        items, total = await uow.stations.search(where, limit=page.limit, offset=page.offset)
    return PageOf.of(items, total, page)


async def public_register(
    *, uow_factory: RegistryUowFactory, query: StationQuery, page: PageRequest = PUBLIC_FIRST_PAGE
) -> PageOf[Station]:
    """The public register: recognised stations only; the edge shows no personal data."""
    where = StationFilter(
        district_code=query.district_code,
        statuses=PUBLIC_STATUSES,
        service=query.service,
        name_contains=query.name,
    )
    async with uow_factory() as uow:
        items, total = await uow.stations.search(where, limit=page.limit, offset=page.offset)
    return PageOf.of(items, total, page)


async def public_station(*, uow_factory: RegistryUowFactory, station_id: str) -> Station:
    """One recognised station of the public register."""
    async with uow_factory() as uow:
        station = await uow.stations.get(station_id)
    if station is None or station.status not in PUBLIC_STATUSES:
        raise station_not_found(station_id)
    return station
