"""HTTP routes of a round: its criteria, the submission to the bureau, the shortlist, the final list."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, status
from pydantic import BaseModel, ConfigDict, Field

from sme_kit.http import UowFactoryDep
from sme_kit.http_paging import Page, Paging
from sme_kit.problems import problem_responses
from sme_review.domain.rounds import ReviewRound, RoundStatus
from sme_review.domain.scoring import Criterion
from sme_review.entrypoints.deps import Bureau, ExpertOrStaff, HeadStation, Staff, Year
from sme_review.entrypoints.public_views import FinalListView
from sme_review.service_layer import final_list as final_list_cases
from sme_review.service_layer import rounds as use_cases
from sme_review.service_layer import scoring

router = APIRouter(prefix="/rounds", tags=["评审轮次 Rounds"])


class CriterionModel(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True)

    code: str = Field(min_length=2, max_length=40, examples=["service_capability"])
    name: str = Field(min_length=1, max_length=50, examples=["服务能力"])
    weight: int = Field(description="Share of the total; the round's weights sum to 100.", examples=[25])
    description: str = Field(default="", max_length=500, examples=["民营和中小企业服务能力、共性与个性服务内容"])


class CriteriaForm(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "criteria": [
                        {"code": "premises", "name": "服务场所", "weight": 20},
                        {"code": "staff", "name": "专职人员", "weight": 20},
                        {"code": "service_capability", "name": "服务能力", "weight": 30},
                        {"code": "experience", "name": "服务经验", "weight": 15},
                        {"code": "management_system", "name": "管理制度", "weight": 10},
                        {"code": "influence", "name": "影响力", "weight": 5},
                    ],
                    "min_experts_per_case": 3,
                }
            ]
        }
    )

    criteria: list[CriterionModel] = Field(max_length=20)
    min_experts_per_case: int = Field(default=3, description="每个案件至少的评审专家人数.")


class CriteriaView(BaseModel):
    round_year: int
    criteria: list[CriterionModel]
    min_experts_per_case: int

    @classmethod
    def of(cls, round_: ReviewRound) -> CriteriaView:
        return cls(
            round_year=round_.year,
            criteria=[CriterionModel(**c.__dict__) for c in round_.criteria],
            min_experts_per_case=round_.min_experts_per_case,
        )


class RoundView(BaseModel):
    year: int
    status: RoundStatus
    cases: int
    cases_by_status: dict[str, int] = Field(examples=[{"in_review": 3, "submitted": 5}])
    min_experts_per_case: int
    submitted_at: datetime | None
    shortlist_fixed_at: datetime | None
    notice_id: str | None
    final_list_id: str | None
    finalised_at: datetime | None

    @classmethod
    def of(cls, summary: use_cases.RoundSummary) -> RoundView:
        r = summary.round
        return cls(
            year=r.year,
            status=r.status,
            cases=summary.cases,
            cases_by_status=summary.cases_by_status,
            min_experts_per_case=r.min_experts_per_case,
            submitted_at=r.submitted_at,
            shortlist_fixed_at=r.shortlist_fixed_at,
            notice_id=summary.notice_id,
            final_list_id=summary.final_list_id,
            finalised_at=r.finalised_at,
        )


@router.get(
    "", summary="The review rounds, newest first (head station, bureau)", responses=problem_responses(401, 403, 422)
)
async def list_rounds(paging: Paging, principal: Staff, uow: UowFactoryDep) -> Page[RoundView]:
    return Page.of(await use_cases.list_rounds(uow_factory=uow, principal=principal, page=paging), RoundView.of)


@router.get(
    "/{year}", summary="A round and where it stands (head station, bureau)", responses=problem_responses(401, 403, 404)
)
async def read_round(year: Year, principal: Staff, uow: UowFactoryDep) -> RoundView:
    return RoundView.of(await use_cases.get_round_summary(uow_factory=uow, principal=principal, year=year))


@router.get(
    "/{year}/criteria",
    summary="The round's scoring criteria and weights (head station, bureau, experts)",
    responses=problem_responses(401, 403, 404),
)
async def read_criteria(year: Year, principal: ExpertOrStaff, uow: UowFactoryDep) -> CriteriaView:
    round_ = await scoring.get_round(uow_factory=uow, principal=principal, year=year)
    if round_ is None:
        raise use_cases.round_not_found(year)
    return CriteriaView.of(round_)


@router.put(
    "/{year}/criteria",
    summary="Configure the round's criteria, weights (sum 100) and experts per case, before scoring (head station)",
    responses=problem_responses(401, 403, 409, 422),
)
async def configure_criteria(
    year: Year, form: CriteriaForm, principal: HeadStation, uow: UowFactoryDep
) -> CriteriaView:
    round_ = await scoring.configure_criteria(
        uow_factory=uow,
        principal=principal,
        year=year,
        criteria=[Criterion(**c.model_dump()) for c in form.criteria],
        min_experts=form.min_experts_per_case,
    )
    return CriteriaView.of(round_)


class SubmissionView(BaseModel):
    round_year: int
    submitted_application_ids: list[str]


@router.post(
    "/{year}/submission",
    summary="Submit the round's recommendations to the bureau; every case must be decided (head station)",
    responses=problem_responses(401, 403, 404, 409),
)
async def submit_recommendations(year: Year, principal: HeadStation, uow: UowFactoryDep) -> SubmissionView:
    submitted = await use_cases.submit_recommendations(uow_factory=uow, principal=principal, year=year)
    return SubmissionView(round_year=year, submitted_application_ids=[c.application_id for c in submitted])


class ShortlistForm(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"application_ids": ["a3f1c2d4-0b6e-4c1a-9f7e-2d5b8c9e0a11"]}]}
    )

    application_ids: list[str] = Field(
        max_length=500, description="The recommended new applications on the shortlist, in the bureau's order."
    )


class ShortlistEntryView(BaseModel):
    rank: int
    application_id: str
    case_id: str
    entity_name: str
    district_code: str
    score: float | None


@router.put(
    "/{year}/shortlist",
    summary="Fix the shortlist from the head station's recommendations (bureau)",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def fix_shortlist(
    year: Year, form: ShortlistForm, principal: Bureau, uow: UowFactoryDep
) -> list[ShortlistEntryView]:
    shortlisted = await use_cases.fix_shortlist(
        uow_factory=uow, principal=principal, year=year, application_ids=form.application_ids
    )
    return [
        ShortlistEntryView(
            rank=c.shortlist_rank or 0,
            application_id=c.application_id,
            case_id=c.id,
            entity_name=c.entity_name,
            district_code=c.district_code,
            score=float(c.score) if c.score is not None else None,
        )
        for c in shortlisted
    ]


class FinalListForm(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True)

    title: str | None = Field(default=None, max_length=200, examples=["2026年广州市民营和中小企业服务站最终认定名单"])


@router.post(
    "/{year}/final-list",
    status_code=status.HTTP_201_CREATED,
    summary="Publish the final list after the notice period and every objection (bureau)",
    responses=problem_responses(401, 403, 404, 409),
)
async def publish_final_list(
    year: Year, principal: Bureau, uow: UowFactoryDep, form: FinalListForm | None = None
) -> FinalListView:
    final_list = await final_list_cases.publish_final_list(
        uow_factory=uow, principal=principal, year=year, title=form.title if form else None
    )
    return FinalListView.of(final_list)
