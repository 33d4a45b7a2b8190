"""HTTP routes of review cases: the list, one case, the recommendation, the re-review decision."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field

from sme_kit.auth import Principal, Role
from sme_kit.http import UowFactoryDep
from sme_kit.http_auth import require_roles
from sme_kit.http_paging import Page, Paging
from sme_kit.problems import problem_responses
from sme_review.domain.cases import CaseFilter, CaseKind, CaseStatus, Recommendation
from sme_review.entrypoints.case_views import CaseSummaryView, CaseView
from sme_review.entrypoints.deps import Bureau, HeadStation
from sme_review.entrypoints.objection_views import ObjectionSummaryView
from sme_review.service_layer import cases as use_cases
from sme_review.service_layer import objections as objection_cases

router = APIRouter(prefix="/cases", tags=["评审案件 Review cases"])

CaseReader = Annotated[
    Principal,
    require_roles(
        Role.HEAD_STATION_STAFF, Role.BUREAU_ADMIN, Role.DISTRICT_OFFICER, Role.EXPERT, Role.STATION_OPERATOR
    ),
]
CaseLister = Annotated[
    Principal,
    require_roles(Role.HEAD_STATION_STAFF, Role.BUREAU_ADMIN, Role.DISTRICT_OFFICER, Role.STATION_OPERATOR),
]


@router.get(
    "",
    summary="List cases (head station, bureau; a district officer its district; an applicant its own)",
    responses=problem_responses(401, 403, 422),
)
async def list_cases(
    paging: Paging,
    principal: CaseLister,
    uow: UowFactoryDep,
    round_year: Annotated[int | None, Query(ge=2000, le=2100, examples=[2026])] = None,
    kind: Annotated[CaseKind | None, Query()] = None,
    status: Annotated[CaseStatus | None, Query()] = None,
    district_code: Annotated[str | None, Query(pattern=r"^4401\d{2}$", examples=["440106"])] = None,
    recommendation: Annotated[Recommendation | None, Query()] = None,
    undecided: Annotated[bool | None, Query(description="Only cases without a recommendation yet.")] = None,
    expert_id: Annotated[str | None, Query(description="Cases this expert was assigned to.")] = None,
    q: Annotated[
        str | None, Query(max_length=100, description="Part of the applicant's name.", examples=["天河"])
    ] = None,
) -> Page[CaseSummaryView]:
    where = CaseFilter(
        round_year=round_year,
        kind=kind,
        status=status,
        district_code=district_code,
        recommendation=recommendation,
        undecided=undecided,
        expert_id=expert_id,
        name_contains=q,
    )
    found, audience = await use_cases.list_cases(uow_factory=uow, principal=principal, where=where, page=paging)
    return Page.of(found, lambda case: CaseSummaryView.of(case, audience))


@router.get("/{case_id}", summary="Read a case (as far as the caller may)", responses=problem_responses(401, 403, 404))
async def read_case(case_id: str, principal: CaseReader, uow: UowFactoryDep) -> CaseView:
    return CaseView.of(await use_cases.get_case(uow_factory=uow, principal=principal, case_id=case_id))


class RecommendationForm(BaseModel):
    """The head station's opinion (推荐意见) on one case, formed after the expert review."""

    model_config = ConfigDict(
        str_strip_whitespace=True,
        json_schema_extra={
            "examples": [{"recommendation": "recommend", "reasons": "专家评审平均分 86.5 分，服务能力突出，建议推荐"}]
        },
    )

    recommendation: Recommendation
    reasons: str = Field(min_length=1, max_length=2000, description="推荐或不推荐的理由.")


@router.put(
    "/{case_id}/recommendation",
    summary="Record the recommendation: recommend or not, with reasons (head station)",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def record_recommendation(
    case_id: str, form: RecommendationForm, principal: HeadStation, uow: UowFactoryDep
) -> CaseView:
    await use_cases.record_recommendation(
        uow_factory=uow,
        principal=principal,
        case_id=case_id,
        recommendation=form.recommendation,
        reasons=form.reasons,
    )
    return CaseView.of(await use_cases.get_case(uow_factory=uow, principal=principal, case_id=case_id))


class ReReviewResult(StrEnum):
    PASSED = "passed"  # 复核通过，予以确认
    FAILED = "failed"  # 复核不通过，予以撤销


class ReReviewDecisionForm(BaseModel):
    model_config = ConfigDict(
        str_strip_whitespace=True,
        json_schema_extra={
            "examples": [{"result": "failed", "reason": "经专家复核，服务场所已不具备，专职人员不足2名"}]
        },
    )

    result: ReReviewResult
    reason: str = Field(default="", max_length=2000, description="Required when the re-review fails.")


@router.post(
    "/{case_id}/re-review-decision",
    summary="Decide a re-review: the station is confirmed or not (bureau, §4.2)",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def decide_re_review(case_id: str, form: ReReviewDecisionForm, principal: Bureau, uow: UowFactoryDep) -> CaseView:
    await use_cases.decide_re_review(
        uow_factory=uow,
        principal=principal,
        case_id=case_id,
        passed=form.result is ReReviewResult.PASSED,
        reason=form.reason,
    )
    return CaseView.of(await use_cases.get_case(uow_factory=uow, principal=principal, case_id=case_id))


@router.get(
    "/{case_id}/objections",
    summary="Objections against the case and their outcome — never who filed them",
    responses=problem_responses(401, 403, 404),
)
async def case_objections(
    case_id: str, paging: Paging, principal: CaseReader, uow: UowFactoryDep
) -> Page[ObjectionSummaryView]:
    found = await objection_cases.objections_against_case(
        uow_factory=uow, principal=principal, case_id=case_id, page=paging
    )
    return Page.of(found, ObjectionSummaryView.of)
