"""HTTP routes of the bureau's reports (a district reads its own lines)."""

from __future__ import annotations

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from sme_assessment.domain.reports import RISK_TEXT, RiskReason
from sme_assessment.service_layer import reports
from sme_kit.http import UowFactoryDep
from sme_kit.http_auth import CurrentPrincipal
from sme_kit.problems import problem_responses
from sme_kit.vocabulary import district_name

router = APIRouter(prefix="/reports", tags=["统计报表 Reports"])


class DistrictLine(BaseModel):
    district_code: str = Field(examples=["440106"])
    district_name: str | None = Field(examples=["天河区"])
    assessed: int
    qualified: int
    unqualified: int
    not_taking_part: int = Field(description="无故不参加考核。")
    exempted: int = Field(description="理由成立、免于考核。")
    average_total: float | None
    rectifications_pending: int


class RiskLine(BaseModel):
    station_id: str
    station_name: str
    district_code: str
    promotion_sessions: int = Field(description="本年度宣讲次数（不少于3次）。")
    reasons: list[RiskReason]
    reasons_text: list[str] = Field(examples=[["本年度宣讲不足3次", "工作计划逾期未提交"]])


@router.get(
    "/results-by-district",
    summary="A year's results by district (bureau, head station; a district officer: its own)",
    responses=problem_responses(401, 403, 404),
)
async def results_by_district(
    principal: CurrentPrincipal,
    uow: UowFactoryDep,
    year: int = Query(examples=[2026]),
    district_code: str | None = Query(default=None),
) -> list[DistrictLine]:
    found = await reports.district_results(uow_factory=uow, principal=principal, year=year, district_code=district_code)
    return [DistrictLine(**line.__dict__, district_name=district_name(line.district_code)) for line in found]


@router.get(
    "/stations-at-risk",
    summary="Stations at risk this year: under 3 promotion sessions, late or missing plans and summaries, "
    "pending rectifications, open revocation proposals",
    responses=problem_responses(401, 403),
)
async def stations_at_risk(
    principal: CurrentPrincipal,
    uow: UowFactoryDep,
    year: int = Query(examples=[2026]),
    district_code: str | None = Query(default=None),
) -> list[RiskLine]:
    found = await reports.stations_at_risk(uow_factory=uow, principal=principal, year=year, district_code=district_code)
    return [
        RiskLine(
            station_id=risk.station.id,
            station_name=risk.station.name,
            district_code=risk.station.district_code,
            promotion_sessions=risk.promotion_sessions,
            reasons=risk.reasons,
            reasons_text=[RISK_TEXT[reason] for reason in risk.reasons],
        )
        for risk in found
    ]
