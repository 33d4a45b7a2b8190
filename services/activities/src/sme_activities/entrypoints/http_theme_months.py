"""HTTP routes of the themed-month plan (§3.3.3)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter
from fastapi import Path as PathParam
from pydantic import BaseModel, ConfigDict, Field

from sme_activities.domain.theme_months import ThemeKind, ThemeMonth
from sme_activities.service_layer import theme_months as use_cases
from sme_kit.http import UowFactoryDep
from sme_kit.http_auth import HeadStation
from sme_kit.problems import problem_responses

router = APIRouter(prefix="/theme-months", tags=["主题月 Themed months"])

Year = Annotated[int, PathParam(ge=2020, le=2100, examples=[2027])]


class MonthIn(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True)

    month: int = Field(ge=1, le=12, examples=[3])
    theme: ThemeKind = Field(
        description="policy 政策, finance_tax 财税, intellectual_property 知识产权, custom 自定义."
    )
    title: str | None = Field(
        default=None, max_length=200, description="Required for a custom theme.", examples=["知识产权服务月"]
    )
    goals: list[Annotated[str, Field(min_length=2, max_length=500)]] = Field(
        min_length=1, examples=[["举办专利质押融资沙龙不少于2场", "覆盖企业不少于200家"]]
    )


class YearPlanIn(BaseModel):
    """The yearly plan, or the months of it being revised."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "months": [
                        {"month": 3, "theme": "intellectual_property", "goals": ["举办专利质押融资沙龙不少于2场"]},
                        {"month": 6, "theme": "finance_tax", "goals": ["开展减税降费政策宣讲"]},
                        {"month": 9, "theme": "custom", "title": "数字化转型服务月", "goals": ["组织企业上云对接会"]},
                    ]
                }
            ]
        }
    )

    months: list[MonthIn] = Field(min_length=1, max_length=12)
    # Each month at most once: a rule of the plan itself (domain.theme_months.check_year_plan).


class ThemeMonthView(BaseModel):
    id: str = Field(examples=["tm-2027-03"])
    year: int
    month: int
    theme: ThemeKind
    title: str = Field(examples=["知识产权服务月"])
    goals: list[str]
    revision: int
    planned_at: datetime

    @classmethod
    def of(cls, month: ThemeMonth) -> ThemeMonthView:
        return cls(
            id=month.id,
            year=month.year,
            month=month.month,
            theme=month.theme,
            title=month.title,
            goals=month.goals,
            revision=month.revision,
            planned_at=month.planned_at,
        )


@router.put(
    "/{year}",
    summary="Publish or revise the yearly themed-month plan (head station)",
    responses=problem_responses(401, 403, 409, 422),
)
async def plan_year(year: Year, plan: YearPlanIn, staff: HeadStation, uow: UowFactoryDep) -> list[ThemeMonthView]:
    months = [use_cases.MonthPlan(m.month, m.theme, m.title, list(m.goals)) for m in plan.months]
    return [
        ThemeMonthView.of(month)
        for month in await use_cases.plan_year(uow_factory=uow, principal=staff, year=year, months=months)
    ]


@router.get("/{year}", summary="The themed-month plan of a year (public)")
async def read_year(year: Year, uow: UowFactoryDep) -> list[ThemeMonthView]:
    return [ThemeMonthView.of(month) for month in await use_cases.year_plan(uow_factory=uow, year=year)]
