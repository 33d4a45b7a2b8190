"""HTTP routes of the annual application rounds."""

from __future__ import annotations

from datetime import date, datetime

from fastapi import APIRouter, Path, status
from pydantic import BaseModel, ConfigDict, Field

from sme_kit.http import UowFactoryDep
from sme_kit.http_auth import Bureau
from sme_kit.http_paging import Page, Paging
from sme_kit.problems import problem_responses
from sme_registry.domain.rounds import Round
from sme_registry.service_layer import rounds as use_cases

router = APIRouter(prefix="/rounds", tags=["年度申请批次 Rounds"])

Year = Path(ge=2000, le=2100, description="年度", examples=[2026])


class OpenRoundRequest(BaseModel):
    model_config = ConfigDict(
        str_strip_whitespace=True,
        json_schema_extra={
            "examples": [
                {
                    "year": 2026,
                    "title": "2026年度广州市民营和中小企业服务站认定申请",
                    "window_opens_on": "2026-03-01",
                    "window_closes_on": "2026-03-31",
                    "forwarding_deadline": "2026-04-15",
                }
            ]
        },
    )

    year: int = Field(ge=2000, le=2100, description="年度")
    title: str | None = Field(default=None, max_length=200, description="申请通知标题")
    window_opens_on: date = Field(description="受理开始日期（含当日，北京时间）")
    window_closes_on: date = Field(description="受理截止日期（含当日，北京时间）")
    forwarding_deadline: date = Field(description="区级初审上报截止日期（含当日）")


class ChangeRoundRequest(BaseModel):
    model_config = ConfigDict(
        str_strip_whitespace=True,
        json_schema_extra={"examples": [{"window_closes_on": "2026-04-10", "reason": "根据补充通知延长受理期"}]},
    )

    window_opens_on: date | None = None
    window_closes_on: date | None = None
    forwarding_deadline: date | None = None
    reason: str | None = Field(default=None, max_length=500, description="调整原因")


class RoundView(BaseModel):
    year: int
    title: str
    window_opens_on: date
    window_closes_on: date
    forwarding_deadline: date
    opened_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, round_: Round) -> RoundView:
        return cls(
            year=round_.year,
            title=round_.title,
            window_opens_on=round_.window_opens_on,
            window_closes_on=round_.window_closes_on,
            forwarding_deadline=round_.forwarding_deadline,
            opened_at=round_.opened_at,
            updated_at=round_.updated_at,
        )


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="设立年度申请批次 (bureau opens the year's round; one per year)",
    responses=problem_responses(401, 403, 409, 422),
)
async def open_round(body: OpenRoundRequest, bureau: Bureau, uow: UowFactoryDep) -> RoundView:
    command = use_cases.OpenRound(
        year=body.year,
        window_opens_on=body.window_opens_on,
        window_closes_on=body.window_closes_on,
        forwarding_deadline=body.forwarding_deadline,
        title=body.title,
    )
    return RoundView.of(await use_cases.open_round(uow_factory=uow, principal=bureau, command=command))


@router.patch(
    "/{year}",
    summary="调整受理期或上报截止日期 (bureau moves the window or the forwarding deadline)",
    responses=problem_responses(401, 403, 404, 422),
)
async def change_round(body: ChangeRoundRequest, bureau: Bureau, uow: UowFactoryDep, year: int = Year) -> RoundView:
    command = use_cases.ChangeRoundDates(
        year=year,
        window_opens_on=body.window_opens_on,
        window_closes_on=body.window_closes_on,
        forwarding_deadline=body.forwarding_deadline,
        reason=body.reason,
    )
    return RoundView.of(await use_cases.change_round_dates(uow_factory=uow, principal=bureau, command=command))


@router.get("", summary="年度申请批次（公开）(the rounds, newest first; public)")
async def list_rounds(uow: UowFactoryDep, paging: Paging) -> Page[RoundView]:
    return Page.of(await use_cases.list_rounds(uow_factory=uow, page=paging), RoundView.of)


@router.get("/{year}", summary="某年度申请批次（公开）(one round; public)", responses=problem_responses(404))
async def read_round(uow: UowFactoryDep, year: int = Year) -> RoundView:
    return RoundView.of(await use_cases.get_round(uow_factory=uow, year=year))
