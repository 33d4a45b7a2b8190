"""HTTP routes of the bureau's handling of objections (the public files them under /public)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import FileResponse
from pydantic import BaseModel, ConfigDict, Field

from sme_kit.http import FilesDep, UowFactoryDep
from sme_kit.http_paging import Page, Paging
from sme_kit.problems import problem_responses
from sme_review.domain.objections import ObjectionOutcome, ObjectionStatus
from sme_review.entrypoints.deps import Bureau, Staff
from sme_review.entrypoints.objection_views import ObjectionDetailView, ObjectionSummaryView
from sme_review.service_layer import objections as use_cases

router = APIRouter(prefix="/objections", tags=["异议处理 Objections"])


@router.get(
    "",
    summary="Objections and their state, without objectors (head station, bureau)",
    responses=problem_responses(401, 403, 422),
)
async def list_objections(
    paging: Paging,
    principal: Staff,
    uow: UowFactoryDep,
    round_year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
    notice_id: Annotated[str | None, Query()] = None,
    status: Annotated[ObjectionStatus | None, Query()] = None,
) -> Page[ObjectionSummaryView]:
    found = await use_cases.list_objections(
        uow_factory=uow, principal=principal, round_year=round_year, notice_id=notice_id, status=status, page=paging
    )
    return Page.of(found, ObjectionSummaryView.of)


@router.get(
    "/{objection_id}",
    summary="One objection; the objector's identity and contact for the bureau only (audited)",
    responses=problem_responses(401, 403, 404),
)
async def read_objection(objection_id: str, principal: Staff, uow: UowFactoryDep) -> ObjectionDetailView:
    objection, with_objector = await use_cases.get_objection(
        uow_factory=uow, principal=principal, objection_id=objection_id
    )
    return ObjectionDetailView.full(objection, with_objector=with_objector)


class ResolutionForm(BaseModel):
    model_config = ConfigDict(
        str_strip_whitespace=True,
        json_schema_extra={
            "examples": [
                {
                    "outcome": "not_upheld",
                    "findings": "经调取劳动合同及社保缴纳记录核实，该单位专职服务人员3名，与申报材料一致，异议不成立。",
                }
            ]
        },
    )

    outcome: ObjectionOutcome
    findings: str = Field(min_length=1, max_length=5000, description="调查核实情况.")


@router.post(
    "/{objection_id}/resolution",
    summary="Resolve an objection after investigating: upheld or not, with findings (bureau)",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def resolve_objection(
    objection_id: str, form: ResolutionForm, principal: Bureau, uow: UowFactoryDep
) -> ObjectionDetailView:
    objection = await use_cases.resolve_objection(
        uow_factory=uow, principal=principal, objection_id=objection_id, outcome=form.outcome, findings=form.findings
    )
    return ObjectionDetailView.full(objection, with_objector=False)


@router.get(
    "/{objection_id}/seal-scan",
    summary="Download the organisation's sealed written objection (bureau, audited)",
    response_class=FileResponse,
    responses=problem_responses(401, 403, 404),
)
async def download_seal_scan(objection_id: str, principal: Bureau, uow: UowFactoryDep, files: FilesDep) -> FileResponse:
    stored, path = await use_cases.seal_scan(
        uow_factory=uow, files=files, principal=principal, objection_id=objection_id
    )
    return FileResponse(path, media_type=stored.content_type, filename=stored.filename)
