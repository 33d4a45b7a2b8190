"""HTTP routes of the expert pool and conflict-of-interest declarations."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Path, Query, status
from pydantic import BaseModel, ConfigDict, Field

from sme_kit.http import UowFactoryDep
from sme_kit.http_paging import Page, Paging
from sme_kit.problems import problem_responses
from sme_review.domain.experts import ConflictDeclaration, Expert
from sme_review.entrypoints.deps import ExpertOrStaff, HeadStation, Staff
from sme_review.service_layer import experts as use_cases

router = APIRouter(prefix="/experts", tags=["专家库 Expert pool"])

ExpertId = Annotated[str, Path(min_length=1, max_length=255, description="The subject of the expert's token.")]


class ExpertForm(BaseModel):
    model_config = ConfigDict(
        str_strip_whitespace=True,
        json_schema_extra={
            "examples": [
                {
                    "name": "林晓明",
                    "title": "高级经济师",
                    "organisation_name": "广州市中小企业发展促进中心",
                    "organisation_uscc": "12440100MB2D34567Q",
                    "expertise": ["企业服务", "融资"],
                }
            ]
        },
    )

    name: str = Field(min_length=2, max_length=100, description="专家姓名.")
    title: str = Field(default="", max_length=100, description="职称.")
    organisation_name: str = Field(min_length=2, max_length=200, description="所在单位.")
    organisation_uscc: str = Field(min_length=18, max_length=18, description="所在单位统一社会信用代码.")
    expertise: list[str] = Field(default_factory=list, max_length=20, description="专业领域.")

    def profile(self) -> use_cases.ExpertProfile:
        return use_cases.ExpertProfile(
            name=self.name,
            title=self.title,
            organisation_name=self.organisation_name,
            organisation_uscc=self.organisation_uscc,
            expertise=tuple(self.expertise),
        )


class NewExpertForm(ExpertForm):
    id: str = Field(
        min_length=1, max_length=255, description="The subject of the expert's token.", examples=["expert-lin"]
    )


class ExpertUpdateForm(ExpertForm):
    active: bool = Field(default=True, description="False takes the expert out of the pool for new assignments.")


class ExpertView(BaseModel):
    id: str
    name: str
    title: str
    organisation_name: str
    organisation_uscc: str
    expertise: list[str]
    active: bool
    registered_at: datetime

    @classmethod
    def of(cls, expert: Expert) -> ExpertView:
        return cls(
            id=expert.id,
            name=expert.name,
            title=expert.title,
            organisation_name=expert.organisation_name,
            organisation_uscc=expert.organisation_uscc,
            expertise=list(expert.expertise),
            active=expert.active,
            registered_at=expert.registered_at,
        )


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Add an expert to the pool (head station)",
    responses=problem_responses(401, 403, 409, 422),
)
async def register_expert(form: NewExpertForm, principal: HeadStation, uow: UowFactoryDep) -> ExpertView:
    expert = await use_cases.register_expert(
        uow_factory=uow, principal=principal, expert_id=form.id, profile=form.profile()
    )
    return ExpertView.of(expert)


@router.get("", summary="The expert pool, by id (head station, bureau)", responses=problem_responses(401, 403, 422))
async def list_experts(
    paging: Paging, principal: Staff, uow: UowFactoryDep, active_only: Annotated[bool, Query()] = False
) -> Page[ExpertView]:
    found = await use_cases.list_experts(uow_factory=uow, principal=principal, active_only=active_only, page=paging)
    return Page.of(found, ExpertView.of)


@router.get(
    "/{expert_id}",
    summary="An expert's record (staff, or the expert itself)",
    responses=problem_responses(401, 403, 404),
)
async def read_expert(expert_id: ExpertId, principal: ExpertOrStaff, uow: UowFactoryDep) -> ExpertView:
    return ExpertView.of(await use_cases.get_expert(uow_factory=uow, principal=principal, expert_id=expert_id))


@router.put(
    "/{expert_id}",
    summary="Correct an expert's record or take it out of the pool (head station)",
    responses=problem_responses(401, 403, 404, 422),
)
async def update_expert(
    expert_id: ExpertId, form: ExpertUpdateForm, principal: HeadStation, uow: UowFactoryDep
) -> ExpertView:
    expert = await use_cases.update_expert(
        uow_factory=uow, principal=principal, expert_id=expert_id, profile=form.profile(), active=form.active
    )
    return ExpertView.of(expert)


class ConflictForm(BaseModel):
    model_config = ConfigDict(
        str_strip_whitespace=True,
        json_schema_extra={"examples": [{"uscc": "91440106MA59C1XE2H", "reason": "本人近三年曾担任该单位顾问"}]},
    )

    uscc: str = Field(min_length=18, max_length=18, description="统一社会信用代码 of the organisation.")
    reason: str = Field(min_length=1, max_length=1000, description="利益冲突情形.")


class ConflictView(BaseModel):
    expert_id: str
    uscc: str
    reason: str
    declared_at: datetime
    declared_by: str
    recused_assignment_ids: list[str] = Field(
        default_factory=list, description="Assignments ended by this declaration (the expert withdrew from them)."
    )

    @classmethod
    def of(cls, declaration: ConflictDeclaration, recused: list[str] | None = None) -> ConflictView:
        return cls(**declaration.__dict__, recused_assignment_ids=recused or [])


@router.post(
    "/{expert_id}/conflicts",
    status_code=status.HTTP_201_CREATED,
    summary="Declare a conflict of interest with an organisation (the expert itself, or the head station)",
    responses=problem_responses(401, 403, 404, 422),
)
async def declare_conflict(
    expert_id: ExpertId, form: ConflictForm, principal: ExpertOrStaff, uow: UowFactoryDep
) -> ConflictView:
    declared = await use_cases.declare_conflict(
        uow_factory=uow, principal=principal, expert_id=expert_id, uscc=form.uscc, reason=form.reason
    )
    return ConflictView.of(declared.declaration, [a.id for a in declared.recused])


@router.get(
    "/{expert_id}/conflicts",
    summary="An expert's declared conflicts (staff, or the expert itself)",
    responses=problem_responses(401, 403, 404, 422),
)
async def list_conflicts(
    expert_id: ExpertId, paging: Paging, principal: ExpertOrStaff, uow: UowFactoryDep
) -> Page[ConflictView]:
    found = await use_cases.list_conflicts(uow_factory=uow, principal=principal, expert_id=expert_id, page=paging)
    return Page.of(found, ConflictView.of)
