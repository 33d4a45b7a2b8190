"""HTTP routes of the station register for those entitled to the full record, information changes
and the service convention."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status

from sme_contracts.common import ServiceCategory, StationStatus
from sme_kit.http import UowFactoryDep
from sme_kit.http_auth import ApplicationParty, CurrentPrincipal, Operator
from sme_kit.http_paging import Page, Paging
from sme_kit.problems import problem_responses
from sme_registry.entrypoints.change_models import ChangeReportRequest, SignConventionRequest
from sme_registry.entrypoints.deps import SettingsDep
from sme_registry.entrypoints.station_models import ChangeView, StationView, StatusChangeView
from sme_registry.service_layer import changes, convention, stations

router = APIRouter(prefix="/stations", tags=["服务站名录 Station register"])


@router.get(
    "",
    summary="服务站名录（完整信息）(stations the caller may see in full; bureau: convention_signed=false lists "
    "those that have not signed)",
    responses=problem_responses(401, 403, 422),
)
async def list_stations(
    principal: ApplicationParty,
    uow: UowFactoryDep,
    settings: SettingsDep,
    paging: Paging,
    district_code: Annotated[str | None, Query(pattern=r"^\d{6}$", description="所在区", examples=["440106"])] = None,
    status_: Annotated[StationStatus | None, Query(alias="status", description="状态")] = None,
    service: Annotated[ServiceCategory | None, Query(description="共性服务类别")] = None,
    name: Annotated[str | None, Query(min_length=1, max_length=100, description="名称包含")] = None,
    convention_signed: Annotated[bool | None, Query(description="是否已签署现行版本服务公约")] = None,
) -> Page[StationView]:
    query = stations.StationQuery(district_code, status_, service, name, convention_signed)
    found = await stations.list_stations(
        uow_factory=uow,
        principal=principal,
        query=query,
        convention_version=settings.convention_version,
        page=paging,
    )
    return Page.of(found, lambda station: StationView.full(station, convention_version=settings.convention_version))


@router.get(
    "/{station_id}",
    summary="服务站完整信息 (the full record: bureau, head station, its district, its operator)",
    responses=problem_responses(401, 404),
)
async def read_station(
    station_id: str, principal: CurrentPrincipal, uow: UowFactoryDep, settings: SettingsDep
) -> StationView:
    found = await stations.get_station(uow_factory=uow, principal=principal, station_id=station_id)
    return StationView.full(found, convention_version=settings.convention_version)


@router.get(
    "/{station_id}/history",
    summary="服务站状态变更记录 (status history, oldest first)",
    responses=problem_responses(401, 404),
)
async def read_history(
    station_id: str, principal: CurrentPrincipal, uow: UowFactoryDep, paging: Paging
) -> Page[StatusChangeView]:
    found = await stations.status_history(uow_factory=uow, principal=principal, station_id=station_id, page=paging)
    return Page.of(found, StatusChangeView.of)


@router.post(
    "/{station_id}/changes",
    status_code=status.HTTP_201_CREATED,
    summary="报送信息变更 (operator reports a change of name, address, legal representative, contact or staff; "
    "more than 30 days after completion it is accepted and flagged late)",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def report_change(
    station_id: str, body: ChangeReportRequest, operator: Operator, uow: UowFactoryDep
) -> ChangeView:
    change = await changes.report_change(
        uow_factory=uow, principal=operator, station_id=station_id, report=body.to_domain()
    )
    return ChangeView.of(change)


@router.get(
    "/{station_id}/changes",
    summary="信息变更记录 (reported changes, newest first)",
    responses=problem_responses(401, 404),
)
async def list_changes(
    station_id: str, principal: CurrentPrincipal, uow: UowFactoryDep, paging: Paging
) -> Page[ChangeView]:
    found = await stations.change_history(uow_factory=uow, principal=principal, station_id=station_id, page=paging)
    return Page.of(found, ChangeView.of)


@router.post(
    "/{station_id}/convention",
    summary="签署服务公约 (operator signs the current version of the service convention)",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def sign_convention(
    station_id: str, body: SignConventionRequest, operator: Operator, uow: UowFactoryDep, settings: SettingsDep
) -> StationView:
    command = convention.SignConvention(
        station_id=station_id,
        version=settings.convention_version,
        signatory_name=body.signatory_name,
        signatory_title=body.signatory_title,
    )
    signed = await convention.sign_convention(uow_factory=uow, principal=operator, command=command)
    return StationView.full(signed, convention_version=settings.convention_version)
