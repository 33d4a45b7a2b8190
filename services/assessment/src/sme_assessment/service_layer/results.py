"""Who reads which results: the bureau and head station every result (computed or published); a
district its own district's published results; an operator its own station's."""

from __future__ import annotations

from dataclasses import dataclass

from sme_assessment.adapters.unit_of_work import AssessmentUoWFactory
from sme_assessment.domain.cycles import StationResult
from sme_assessment.domain.errors import ResultNotPublished
from sme_assessment.domain.rectification import Rectification
from sme_assessment.service_layer.access import CITY_WIDE, FIRST_PAGE, district_scope, require_sees
from sme_assessment.service_layer.cycles import get_cycle
from sme_kit.auth import Principal, Role
from sme_kit.errors import NotFound
from sme_kit.paging import PageOf, PageRequest
from sme_kit.uow import Actor


@dataclass(frozen=True)
class ResultFile:
    """A result with the station's name and, for an unqualified one, its rectification."""

    result: StationResult
    station_name: str | None
    rectification: Rectification | None


async def _files(
    *, uow_factory: AssessmentUoWFactory, principal: Principal, found: list[StationResult]
) -> list[ResultFile]:
    async with uow_factory(Actor.of(principal)) as uow:
        stations = await uow.stations.many(r.station_id for r in found)
        ordered = await uow.rectifications.of_results([r.id for r in found])
    names = {station_id: station.name for station_id, station in stations.items()}
    return [ResultFile(result, names.get(result.station_id), ordered.get(result.id)) for result in found]


def _visible(principal: Principal, result: StationResult) -> bool:
    """The bureau and head station also read computed results; everyone else published ones only."""
    return principal.is_role(*CITY_WIDE) or result.published


async def results_of_cycle(
    *,
    uow_factory: AssessmentUoWFactory,
    principal: Principal,
    cycle_id: str,
    district_code: str | None,
    page: PageRequest = FIRST_PAGE,
) -> PageOf[ResultFile]:
    """A page of a cycle's results the caller may see (all, its district's, or its own station's), by station."""
    await get_cycle(uow_factory=uow_factory, principal=principal, cycle_id=cycle_id)
    published_only = not principal.is_role(*CITY_WIDE)
    async with uow_factory(Actor.of(principal)) as uow:
        repository = uow.results
        if principal.is_role(Role.STATION_OPERATOR):
            found = await repository.page_of_cycle(
                cycle_id, page, station_id=principal.station_id or "-", published_only=published_only
            )
        else:
            found = await repository.page_of_cycle(
                cycle_id, page, district_code=district_scope(principal, district_code), published_only=published_only
            )
    files = await _files(uow_factory=uow_factory, principal=principal, found=list(found.items))
    return PageOf.of(files, found.total, page)


async def every_result_of_cycle(
    *, uow_factory: AssessmentUoWFactory, principal: Principal, cycle_id: str
) -> list[ResultFile]:
    """Every result of a cycle, computed or published: what compute and publish answer the bureau and
    head station with."""
    await get_cycle(uow_factory=uow_factory, principal=principal, cycle_id=cycle_id)
    async with uow_factory(Actor.of(principal)) as uow:
        found = await uow.results.of_cycle(cycle_id)
    return await _files(
        uow_factory=uow_factory, principal=principal, found=[r for r in found if _visible(principal, r)]
    )


async def result_of_station(
    *, uow_factory: AssessmentUoWFactory, principal: Principal, cycle_id: str, station_id: str
) -> ResultFile:
    """One station's result with its breakdown; 404 for a result the caller may not see."""
    async with uow_factory(Actor.of(principal)) as uow:
        found = await uow.results.of_cycle(cycle_id, station_id=station_id)
    if not found or not _visible(principal, found[0]):
        raise NotFound("没有找到该考核结果 (no such result)")
    require_sees(principal, station_id, found[0].district_code, what="考核结果")
    return (await _files(uow_factory=uow_factory, principal=principal, found=found))[0]


async def published_result_of_station(
    *, uow_factory: AssessmentUoWFactory, principal: Principal, cycle_id: str, station_id: str
) -> ResultFile:
    """A station's result for its printed notice: only once published (409 before: only the bureau and the
    head station see an unpublished result at all; for everyone else it does not exist yet, 404)."""
    found = await result_of_station(
        uow_factory=uow_factory, principal=principal, cycle_id=cycle_id, station_id=station_id
    )
    if not found.result.published:
        raise ResultNotPublished(
            f"{found.result.year}年度考核结果尚未公布，不出具考核结果通知书 (the result is not published yet)"
        )
    return found


async def results_of_station(
    *, uow_factory: AssessmentUoWFactory, principal: Principal, station_id: str, page: PageRequest = FIRST_PAGE
) -> PageOf[ResultFile]:
    """A page of a station's results over the years, by year."""
    published_only = not principal.is_role(*CITY_WIDE)
    async with uow_factory(Actor.of(principal)) as uow:
        station = await uow.stations.get(station_id)
        found = await uow.results.page_of_station(station_id, page, published_only=published_only)
        if station is not None:
            district: str | None = station.district_code
        else:
            # Not in the read model (yet): the district its results were filed under.
            district = next((r.district_code for r in await uow.results.of_station(station_id)), None)
    require_sees(principal, station_id, district, what="服务站")
    files = await _files(uow_factory=uow_factory, principal=principal, found=list(found.items))
    return PageOf.of(files, found.total, page)
