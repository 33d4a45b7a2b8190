"""HTTP routes of work plans and summaries (§4.1.4): deadlines, submissions, lapses."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from fastapi import APIRouter, Form, Query, status
from fastapi import Path as PathParam
from fastapi.responses import FileResponse
from pydantic import BaseModel, ConfigDict, Field

from sme_assessment.domain.plans import Deadlines, DocumentKind, Lapse, LapseStatus, WorkDocument
from sme_assessment.entrypoints.common import AttachmentView
from sme_assessment.service_layer import plans as use_cases
from sme_kit.http import FilesDep, UowFactoryDep
from sme_kit.http_auth import Bureau, CurrentPrincipal, Operator
from sme_kit.http_files import Attachments, read_uploads
from sme_kit.http_paging import Page, Paging
from sme_kit.problems import problem_responses

router = APIRouter(tags=["工作计划与总结 Work plans and summaries"])

Year = Annotated[int, PathParam(ge=2020, le=2100, examples=[2027])]


class DeadlinesIn(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"plan_due_on": "2027-03-31", "summary_due_on": "2028-01-15"},
                {"summary_due_on": "2027-01-15"},
            ]
        }
    )

    plan_due_on: date | None = Field(default=None, description="工作计划截止日期（通常为当年3月31日）；不填则不变。")
    summary_due_on: date | None = Field(default=None, description="工作总结截止日期（通常为次年1月15日）；不填则不变。")


class DeadlinesView(BaseModel):
    year: int
    plan_due_on: date | None
    summary_due_on: date | None
    set_by: str
    set_at: datetime

    @classmethod
    def of(cls, deadlines: Deadlines) -> DeadlinesView:
        return cls(**deadlines.__dict__)


class DocumentView(BaseModel):
    id: str
    station_id: str
    district_code: str
    kind: DocumentKind = Field(description="plan 工作计划 / summary 工作总结")
    year: int
    title: str
    revision: int
    due_on: date | None
    first_submitted_at: datetime
    submitted_at: datetime
    late: bool = Field(description="逾期提交（已接收，记为逾期）")
    days_late: int

    @classmethod
    def of(cls, document: WorkDocument) -> DocumentView:
        return cls(
            id=document.id,
            station_id=document.station_id,
            district_code=document.district_code,
            kind=document.kind,
            year=document.year,
            title=document.title,
            revision=document.revision,
            due_on=document.due_on,
            first_submitted_at=document.first_submitted_at,
            submitted_at=document.submitted_at,
            late=document.late,
            days_late=document.days_late,
        )


class DocumentDetail(DocumentView):
    content: str
    attachments: list[AttachmentView]


class LapseView(BaseModel):
    station_id: str
    district_code: str
    kind: DocumentKind
    year: int
    due_on: date
    status: LapseStatus = Field(description="missing 截止时未提交 / late 逾期提交")
    days_late: int | None
    recorded_at: datetime
    submitted_at: datetime | None

    @classmethod
    def of(cls, lapse: Lapse) -> LapseView:
        return cls(**{k: v for k, v in lapse.__dict__.items() if k != "uscc"})


@router.put(
    "/work-documents/deadlines/{year}",
    summary="Set (or move) a year's deadlines for plans and summaries (bureau)",
    responses=problem_responses(401, 403, 409, 422),
)
async def set_deadlines(year: Year, form: DeadlinesIn, bureau: Bureau, uow: UowFactoryDep) -> DeadlinesView:
    deadlines = await use_cases.set_deadlines(
        uow_factory=uow, principal=bureau, year=year, plan_due_on=form.plan_due_on, summary_due_on=form.summary_due_on
    )
    return DeadlinesView.of(deadlines)


@router.get(
    "/work-documents/deadlines", summary="The deadlines of every year set so far", responses=problem_responses(401)
)
async def read_deadlines(paging: Paging, principal: CurrentPrincipal, uow: UowFactoryDep) -> Page[DeadlinesView]:
    return Page.of(await use_cases.deadlines_of(uow_factory=uow, principal=principal, page=paging), DeadlinesView.of)


@router.post(
    "/stations/{station_id}/work-documents",
    status_code=status.HTTP_201_CREATED,
    summary="Submit (or revise) the station's work plan or work summary with attachments (its operator)",
    description="迟于截止日期提交的照常接收，并记为逾期 (a late submission is accepted and recorded as late).",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def submit_document(
    station_id: str,
    operator: Operator,
    uow: UowFactoryDep,
    files: FilesDep,
    kind: Annotated[DocumentKind, Form(description="plan 工作计划 / summary 工作总结", examples=["plan"])],
    year: Annotated[int, Form(ge=2020, le=2100, examples=[2027])],
    title: Annotated[str, Form(min_length=2, max_length=200, examples=["2027年度服务站工作计划"])],
    content: Annotated[str, Form(min_length=1, max_length=50000, examples=["一、全年计划开展政策宣讲不少于4次……"])],
    attachments: Attachments = None,
) -> DocumentView:
    command = use_cases.SubmitDocument(
        station_id=station_id,
        kind=kind,
        year=year,
        title=title.strip(),
        content=content,
        uploads=await read_uploads(attachments),
    )
    return DocumentView.of(await use_cases.submit(uow_factory=uow, files=files, principal=operator, command=command))


@router.get(
    "/work-documents",
    summary="Plans and summaries (operator: its own; district: its own district; bureau, head station: all)",
    responses=problem_responses(401, 403),
)
async def list_documents(
    paging: Paging,
    principal: CurrentPrincipal,
    uow: UowFactoryDep,
    year: int | None = Query(default=None, examples=[2027]),
    kind: Annotated[DocumentKind | None, Query()] = None,
    station_id: str | None = Query(default=None),
    district_code: str | None = Query(default=None, examples=["440106"]),
) -> Page[DocumentView]:
    found = await use_cases.search(
        uow_factory=uow,
        principal=principal,
        year=year,
        kind=kind,
        station_id=station_id,
        district_code=district_code,
        page=paging,
    )
    return Page.of(found, DocumentView.of)


@router.get(
    "/work-documents/lapses",
    summary="Stations that missed a deadline of a year: missing or late (bureau, head station, district)",
    responses=problem_responses(401, 403),
)
async def list_lapses(
    paging: Paging,
    principal: CurrentPrincipal,
    uow: UowFactoryDep,
    year: int = Query(examples=[2027]),
    district_code: str | None = Query(default=None),
) -> Page[LapseView]:
    found = await use_cases.lapses(
        uow_factory=uow, principal=principal, year=year, district_code=district_code, page=paging
    )
    return Page.of(found, LapseView.of)


@router.get(
    "/work-documents/{document_id}",
    summary="A plan or summary with its text and attachments",
    responses=problem_responses(401, 404),
)
async def read_document(
    document_id: str, principal: CurrentPrincipal, uow: UowFactoryDep, files: FilesDep
) -> DocumentDetail:
    document, attachments = await use_cases.document(
        uow_factory=uow, files=files, principal=principal, document_id=document_id
    )
    return DocumentDetail(
        **DocumentView.of(document).model_dump(),
        content=document.content,
        attachments=[AttachmentView.of(a) for a in attachments],
    )


@router.get(
    "/work-documents/{document_id}/attachments/{file_id}",
    summary="Download an attachment of a plan or summary",
    response_class=FileResponse,
    responses=problem_responses(401, 404),
)
async def download_attachment(
    document_id: str, file_id: str, principal: CurrentPrincipal, uow: UowFactoryDep, files: FilesDep
) -> FileResponse:
    stored, path = await use_cases.attachment(
        uow_factory=uow, files=files, principal=principal, document_id=document_id, file_id=file_id
    )
    return FileResponse(path, media_type=stored.content_type, filename=stored.filename)
