"""HTTP routes of the stations as assessment knows them, their evidence and their results."""

from __future__ import annotations

from datetime import date, datetime

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from sme_assessment.domain.evidence import EvidenceSummary
from sme_assessment.domain.plans import Standing
from sme_assessment.domain.stations import Station, StationStatus
from sme_assessment.entrypoints.cycle_models import ResultView
from sme_assessment.service_layer import evidence, results, stations
from sme_kit.http import UowFactoryDep
from sme_kit.http_auth import CurrentPrincipal
from sme_kit.http_paging import Page, Paging
from sme_kit.problems import problem_responses

router = APIRouter(prefix="/stations", tags=["服务站 Stations"])


class StationView(BaseModel):
    id: str
    uscc: str
    name: str
    district_code: str
    status: StationStatus
    valid_from: date | None
    valid_until: date | None
    convention_signed_on: date | None
    updated_at: datetime

    @classmethod
    def of(cls, station: Station) -> StationView:
        return cls(**station.__dict__)


class EvidenceView(BaseModel):
    station_id: str
    year: int
    activities_organised: int = Field(description="主办并已举办的活动（场）。")
    activities_co_organised: int = Field(description="协办并已举办的活动（场）。")
    attendance: int = Field(description="主办、协办活动参与人次。")
    promotion_sessions: int = Field(description="宣讲次数（每年不少于3次）。")
    trainings_held: int = Field(description="认定后服务总站组织的培训（期）。")
    trainings_attended: int = Field(description="本站人员参加的培训（期）。")
    demand_quarters: list[int] = Field(description="已报送需求信息的季度。")
    requests_closed: int
    requests_escalated: int = Field(description="未在5个工作日内受理、转服务总站的需求。")
    satisfaction_average: float | None
    late_info_changes: int = Field(description="逾期报告的信息变更（次）。")
    convention_signed: bool
    plan: Standing
    summary: Standing

    @classmethod
    def of(cls, summary: EvidenceSummary) -> EvidenceView:
        values = {name: getattr(summary, name) for name in cls.model_fields}
        values["demand_quarters"] = list(summary.demand_quarters)
        return cls(**values)


@router.get(
    "",
    summary="Stations as assessment knows them (bureau, head station; a district officer: its own)",
    responses=problem_responses(401, 403),
)
async def list_stations(
    paging: Paging,
    principal: CurrentPrincipal,
    uow: UowFactoryDep,
    district_code: str | None = Query(default=None, examples=["440106"]),
    active_only: bool = Query(default=False),
) -> Page[StationView]:
    found = await stations.list_stations(
        uow_factory=uow, principal=principal, district_code=district_code, active_only=active_only, page=paging
    )
    return Page.of(found, StationView.of)


@router.get(
    "/{station_id}/evidence",
    summary="What the station's evidence of a year adds up to so far (the station, its district, bureau, head station)",
    responses=problem_responses(401, 404),
)
async def read_evidence(
    station_id: str, principal: CurrentPrincipal, uow: UowFactoryDep, year: int = Query(examples=[2026])
) -> EvidenceView:
    _, summary = await evidence.station_evidence(uow_factory=uow, principal=principal, station_id=station_id, year=year)
    return EvidenceView.of(summary)


@router.get(
    "/{station_id}/results",
    summary="The station's published results over the years",
    responses=problem_responses(401, 404),
)
async def read_results(
    station_id: str, paging: Paging, principal: CurrentPrincipal, uow: UowFactoryDep
) -> Page[ResultView]:
    found = await results.results_of_station(uow_factory=uow, principal=principal, station_id=station_id, page=paging)
    return Page.of(found, ResultView.of)
