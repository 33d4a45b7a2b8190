"""The public register (no login): recognised stations, searchable, without personal data."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from sme_contracts.common import ServiceCategory
from sme_kit.http import UowFactoryDep
from sme_kit.http_paging import Page
from sme_kit.problems import problem_responses
from sme_registry.domain import convention
from sme_registry.entrypoints.deps import RegisterPaging, SettingsDep
from sme_registry.entrypoints.station_models import PublicStationView
from sme_registry.service_layer import stations

router = APIRouter(prefix="/public", tags=["公开名录 Public register"])


class ConventionText(BaseModel):
    title: str = Field(examples=["广州市民营和中小企业服务站服务公约"])
    version: str = Field(examples=["2026.1"])
    articles: list[str] = Field(
        description="公约条文，按条排列 (the articles, in order)",
        examples=[["以民营和中小企业需求为导向，将公益服务与有偿服务有机结合……"]],
    )


@router.get("/stations", summary="服务站公开名录 (recognised stations; search by district, service, name)")
async def public_register(
    uow: UowFactoryDep,
    paging: RegisterPaging,
    district_code: Annotated[str | None, Query(pattern=r"^\d{6}$", description="所在区", examples=["440106"])] = None,
    service: Annotated[ServiceCategory | None, Query(description="共性服务类别", examples=["financing"])] = None,
    name: Annotated[str | None, Query(min_length=1, max_length=100, description="名称包含", examples=["天河"])] = None,
) -> Page[PublicStationView]:
    query = stations.StationQuery(district_code=district_code, service=service, name=name)
    found = await stations.public_register(uow_factory=uow, query=query, page=paging)
    return Page.of(found, PublicStationView.of)


@router.get(
    "/stations/{station_id}",
    summary="服务站公开信息 (one recognised station)",
    responses=problem_responses(404),
)
async def public_station(station_id: str, uow: UowFactoryDep) -> PublicStationView:
    return PublicStationView.of(await stations.public_station(uow_factory=uow, station_id=station_id))


@router.get("/convention", summary="现行服务公约及其条文 (the convention stations sign now: version and articles)")
async def current_convention(settings: SettingsDep) -> ConventionText:
    version = settings.convention_version
    return ConventionText(title=convention.TITLE, version=version, articles=list(convention.articles_of(version)))
