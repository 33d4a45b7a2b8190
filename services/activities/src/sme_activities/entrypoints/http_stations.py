"""HTTP routes of the station read model (for choosing co-organisers, trainees and stations)."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from sme_activities.domain.stations import Station
from sme_activities.service_layer import stations as use_cases
from sme_contracts.common import ServiceCategory
from sme_kit.http import UowFactoryDep
from sme_kit.http_auth import CurrentPrincipal
from sme_kit.http_paging import Page, Paging
from sme_kit.problems import problem_responses

router = APIRouter(prefix="/stations", tags=["服务站 Stations"])


class StationView(BaseModel):
    id: str = Field(examples=["st-2026-0001"])
    name: str = Field(examples=["广州市民营和中小企业服务站（天河创新园）"])
    name_may_be_outdated: bool = Field(description="Registry reported a name change this service has not seen yet.")
    district_code: str = Field(examples=["440106"])
    services: list[ServiceCategory]
    status: str = Field(examples=["active"])
    valid_until: date | None

    @classmethod
    def of(cls, station: Station) -> StationView:
        return cls(
            id=station.id,
            name=station.name,
            name_may_be_outdated=station.name_may_be_outdated,
            district_code=station.district_code,
            services=station.services,
            status=station.status.value,
            valid_until=station.valid_until,
        )


@router.get("", summary="Stations as this service knows them from the register", responses=problem_responses(401, 403))
async def list_stations(
    paging: Paging,
    principal: CurrentPrincipal,
    uow: UowFactoryDep,
    district_code: str | None = Query(default=None, examples=["440106"]),
    active_only: bool = Query(default=True),
) -> Page[StationView]:
    found = await use_cases.list_stations(
        uow_factory=uow, principal=principal, district_code=district_code, active_only=active_only, page=paging
    )
    return Page.of(found, StationView.of)
