"""HTTP routes of rectification: the station's report, the bureau's re-assessment."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from fastapi import APIRouter, Form, Query
from fastapi.responses import FileResponse
from pydantic import BaseModel, ConfigDict, Field

from sme_assessment.domain.cycles import Outcome
from sme_assessment.domain.rectification import Rectification, RectificationStatus
from sme_assessment.entrypoints.common import AttachmentView
from sme_assessment.service_layer import rectification as use_cases
from sme_kit.http import FilesDep, UowFactoryDep
from sme_kit.http_auth import Bureau, CurrentPrincipal, Operator
from sme_kit.http_files import Attachments, read_uploads
from sme_kit.http_paging import Page, Paging
from sme_kit.problems import problem_responses

router = APIRouter(prefix="/rectifications", tags=["整改 Rectification"])


class RectificationView(BaseModel):
    id: str
    cycle_id: str
    year: int
    station_id: str
    district_code: str
    total: float = Field(description="年度考核得分。")
    due_on: date = Field(description="整改报告截止日期。")
    status: RectificationStatus = Field(
        description="ordered 待提交报告 / reported 已提交待复评 / report_missing 逾期未提交待复评 / "
        "qualified 复评合格 / unqualified 复评仍不合格 / closed 已终止"
    )
    ordered_at: datetime
    report_submitted_at: datetime | None
    report_late: bool
    missing_recorded_at: datetime | None
    reassessed_outcome: Outcome | None
    reassessed_score: float | None
    opinion: str | None
    reassessed_at: datetime | None
    closed_reason: str | None

    @classmethod
    def of(cls, r: Rectification) -> RectificationView:
        return cls(**{name: getattr(r, name) for name in cls.model_fields})


class RectificationDetail(RectificationView):
    station_name: str | None
    report: str | None
    attachments: list[AttachmentView]


class ReassessmentIn(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"outcome": "qualified", "score": 68, "opinion": "整改措施落实到位，宣讲任务已补足"},
                {"outcome": "unqualified", "opinion": "整改报告未能说明问题已解决，仍不合格"},
            ]
        }
    )

    outcome: Outcome
    score: float | None = Field(default=None, ge=0, le=100)
    opinion: str = Field(min_length=2, max_length=4000)


@router.get(
    "",
    summary="Rectifications (operator: its own; district: its district's; bureau, head station: all)",
    responses=problem_responses(401, 403),
)
async def list_rectifications(
    paging: Paging,
    principal: CurrentPrincipal,
    uow: UowFactoryDep,
    year: int | None = Query(default=None, examples=[2026]),
    status: Annotated[RectificationStatus | None, Query()] = None,
    district_code: str | None = Query(default=None),
) -> Page[RectificationView]:
    found = await use_cases.search(
        uow_factory=uow, principal=principal, year=year, status=status, district_code=district_code, page=paging
    )
    return Page.of(found, RectificationView.of)


@router.get("/{rectification_id}", summary="A rectification with its report", responses=problem_responses(401, 404))
async def read_rectification(
    rectification_id: str, principal: CurrentPrincipal, uow: UowFactoryDep, files: FilesDep
) -> RectificationDetail:
    file = await use_cases.rectification_file(
        uow_factory=uow, files=files, principal=principal, rectification_id=rectification_id
    )
    return RectificationDetail(
        **RectificationView.of(file.rectification).model_dump(),
        station_name=file.station_name,
        report=file.rectification.report,
        attachments=[AttachmentView.of(a) for a in file.attachments],
    )


@router.post(
    "/{rectification_id}/report",
    summary="Submit the rectification report with attachments (the station's operator)",
    description="逾期提交的照常接收，并记为逾期 (a late report is accepted and recorded as late).",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def submit_report(
    rectification_id: str,
    operator: Operator,
    uow: UowFactoryDep,
    files: FilesDep,
    report: Annotated[str, Form(min_length=1, max_length=50000, examples=["一、已补足宣讲3次……"])],
    attachments: Attachments = None,
) -> RectificationView:
    found = await use_cases.submit_report(
        uow_factory=uow,
        files=files,
        principal=operator,
        rectification_id=rectification_id,
        report=report,
        uploads=await read_uploads(attachments),
    )
    return RectificationView.of(found)


@router.post(
    "/{rectification_id}/reassessment",
    summary="Re-assess after rectification (bureau); still unqualified proposes revocation on ground 6",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def reassess(
    rectification_id: str, form: ReassessmentIn, bureau: Bureau, uow: UowFactoryDep
) -> RectificationView:
    found = await use_cases.reassess(
        uow_factory=uow,
        principal=bureau,
        rectification_id=rectification_id,
        outcome=form.outcome,
        score=form.score,
        opinion=form.opinion,
    )
    return RectificationView.of(found)


@router.get(
    "/{rectification_id}/attachments/{file_id}",
    summary="Download an attachment of a rectification report",
    response_class=FileResponse,
    responses=problem_responses(401, 404),
)
async def download_attachment(
    rectification_id: str, file_id: str, principal: CurrentPrincipal, uow: UowFactoryDep, files: FilesDep
) -> FileResponse:
    stored, path = await use_cases.attachment(
        uow_factory=uow, files=files, principal=principal, rectification_id=rectification_id, file_id=file_id
    )
    return FileResponse(path, media_type=stored.content_type, filename=stored.filename)
