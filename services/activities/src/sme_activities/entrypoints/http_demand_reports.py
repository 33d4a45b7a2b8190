"""HTTP routes of quarterly demand reports (§3.2) and their aggregates."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi import Path as PathParam
from pydantic import BaseModel, ConfigDict, Field

from sme_activities.domain.demand_reports import Aggregate, DemandReport, IndustryFinding, NeedFinding
from sme_activities.service_layer import demand_reports as use_cases
from sme_contracts.common import SERVICE_CATEGORY_NAMES, ServiceCategory
from sme_kit.http import UowFactoryDep
from sme_kit.http_auth import CurrentPrincipal, Operator
from sme_kit.http_paging import Page, Paging
from sme_kit.problems import problem_responses

router = APIRouter(prefix="/demand-reports", tags=["需求报送 Demand reports"])


class IndustryIn(BaseModel):
    industry: str = Field(min_length=2, max_length=100, examples=["智能制造"])
    enterprises_surveyed: int = Field(ge=0, le=1000000, examples=[32])
    main_needs: list[ServiceCategory] = Field(default_factory=list, examples=[["financing", "talent"]])


class NeedIn(BaseModel):
    category: ServiceCategory
    enterprises: int = Field(ge=1, description="Enterprises that raised this need.", examples=[12])
    description: str = Field(default="", max_length=2000, examples=["中小企业反映银行贷款抵押物不足"])


class ReportIn(BaseModel):
    """The quarter's report: structured findings and text. Submitting again replaces it (history kept)."""

    model_config = ConfigDict(
        str_strip_whitespace=True,
        json_schema_extra={
            "examples": [
                {
                    "industries": [
                        {"industry": "智能制造", "enterprises_surveyed": 32, "main_needs": ["financing", "talent"]},
                        {"industry": "跨境电商", "enterprises_surveyed": 18, "main_needs": ["legal"]},
                    ],
                    "needs": [{"category": "financing", "enterprises": 12, "description": "抵押物不足，融资难"}],
                    "enterprise_conditions": "园区企业订单总体平稳，部分出口企业受汇率影响。",
                    "service_needs": "希望开展知识产权质押融资和跨境合规培训。",
                }
            ]
        },
    )

    industries: list[IndustryIn] = Field(min_length=1, max_length=100)
    needs: list[NeedIn] = Field(default_factory=list, max_length=50)
    enterprise_conditions: str = Field(min_length=2, max_length=10000, description="企业发展情况.")
    service_needs: str = Field(min_length=2, max_length=10000, description="服务需求.")
    personalised_needs: str | None = Field(default=None, max_length=10000, description="个性化需求.")


class ReportView(BaseModel):
    id: str
    station_id: str
    district_code: str
    year: int
    quarter: int
    revision: int
    industries: list[IndustryIn]
    needs: list[NeedIn]
    enterprises_surveyed: int
    enterprise_conditions: str
    service_needs: str
    personalised_needs: str | None
    submitted_at: datetime

    @classmethod
    def of(cls, report: DemandReport) -> ReportView:
        return cls(
            id=report.id,
            station_id=report.station_id,
            district_code=report.district_code,
            year=report.year,
            quarter=report.quarter,
            revision=report.revision,
            industries=[IndustryIn(**f.__dict__) for f in report.industries],
            needs=[NeedIn(**n.__dict__) for n in report.needs],
            enterprises_surveyed=report.enterprises_surveyed,
            enterprise_conditions=report.enterprise_conditions,
            service_needs=report.service_needs,
            personalised_needs=report.personalised_needs,
            submitted_at=report.submitted_at,
        )


class RevisionView(BaseModel):
    revision: int
    content: dict[str, Any]
    submitted_at: datetime


class ReportWithHistory(ReportView):
    earlier_revisions: list[RevisionView]


class NeedCount(BaseModel):
    category: ServiceCategory
    category_name: str = Field(examples=["融资服务"])
    count: int


class AggregateView(BaseModel):
    key: str = Field(description="District code or industry.", examples=["440106"])
    reports: int
    stations: int
    enterprises_surveyed: int
    needs: list[NeedCount]

    @classmethod
    def of(cls, group: Aggregate) -> AggregateView:
        return cls(
            key=group.key,
            reports=group.reports,
            stations=len(group.stations),
            enterprises_surveyed=group.enterprises_surveyed,
            needs=[
                NeedCount(category=category, category_name=SERVICE_CATEGORY_NAMES[category], count=count)
                for category, count in group.needs.most_common()
            ],
        )


@router.put(
    "/{year}/{quarter}",
    summary="Submit (or replace) the station's report of a quarter (station operator)",
    responses=problem_responses(401, 403, 409, 422),
)
async def submit_report(
    year: Annotated[int, PathParam(ge=2020, le=2100)],
    quarter: Annotated[int, PathParam(ge=1, le=4)],
    form: ReportIn,
    operator: Operator,
    uow: UowFactoryDep,
) -> ReportView:
    command = use_cases.SubmitReport(
        year=year,
        quarter=quarter,
        industries=[IndustryFinding(f.industry, f.enterprises_surveyed, list(f.main_needs)) for f in form.industries],
        needs=[NeedFinding(n.category, n.enterprises, n.description) for n in form.needs],
        enterprise_conditions=form.enterprise_conditions,
        service_needs=form.service_needs,
        personalised_needs=form.personalised_needs,
    )
    return ReportView.of(await use_cases.submit_report(uow_factory=uow, principal=operator, command=command))


@router.get(
    "/aggregate",
    summary="Totals by district or by industry (head station, bureau; a district its own)",
    responses=problem_responses(401, 403),
)
async def aggregate(
    principal: CurrentPrincipal,
    uow: UowFactoryDep,
    by: Literal["district", "industry"] = Query(examples=["district"]),
    year: int = Query(examples=[2026]),
    quarter: int | None = Query(default=None, ge=1, le=4),
    district_code: str | None = Query(default=None, examples=["440106"]),
) -> list[AggregateView]:
    groups = await use_cases.aggregate(
        uow_factory=uow, principal=principal, by=by, year=year, quarter=quarter, district_code=district_code
    )
    return [AggregateView.of(group) for group in groups]


@router.get(
    "", summary="Reports (a station its own; a district its own district's)", responses=problem_responses(401, 403)
)
async def find_reports(
    paging: Paging,
    principal: CurrentPrincipal,
    uow: UowFactoryDep,
    year: int | None = Query(default=None),
    quarter: int | None = Query(default=None, ge=1, le=4),
    district_code: str | None = Query(default=None),
) -> Page[ReportView]:
    found = await use_cases.find_reports(
        uow_factory=uow, principal=principal, year=year, quarter=quarter, district_code=district_code, page=paging
    )
    return Page.of(found, ReportView.of)


@router.get("/{report_id}", summary="Read a report and its earlier revisions", responses=problem_responses(401, 404))
async def read_report(report_id: str, principal: CurrentPrincipal, uow: UowFactoryDep) -> ReportWithHistory:
    report, history = await use_cases.get_report(uow_factory=uow, principal=principal, report_id=report_id)
    return ReportWithHistory(
        **ReportView.of(report).model_dump(),
        earlier_revisions=[
            RevisionView(revision=h["revision"], content=h["content"], submitted_at=h["submitted_at"]) for h in history
        ],
    )
