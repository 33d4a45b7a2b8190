"""HTTP routes of revocation (§4.3): proposals by the bureau, withdrawal requests by operators,
evidence, and the bureau's decision."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from fastapi import APIRouter, Form, Query, status
from fastapi.responses import FileResponse
from pydantic import BaseModel, ConfigDict, Field

from sme_assessment.domain.revocation import CaseStatus, Decision, Origin, RevocationCase
from sme_assessment.entrypoints.common import AttachmentView
from sme_assessment.service_layer import proposals, revocations
from sme_assessment.service_layer.revocations import CaseFile
from sme_contracts.common import RevocationGround
from sme_kit.http import FilesDep, UowFactoryDep
from sme_kit.http_auth import Bureau, CurrentPrincipal, Operator
from sme_kit.http_files import Attachments, read_uploads
from sme_kit.http_paging import Page, Paging
from sme_kit.problems import problem_responses

router = APIRouter(tags=["撤销 Revocation"])


class CaseView(BaseModel):
    id: str
    station_id: str
    station_name: str | None
    district_code: str
    ground: RevocationGround = Field(description="§4.3 撤销情形，1–8。", examples=[6])
    ground_text: str = Field(examples=["无故不参加年度考核，或整改后年度考核结果仍为“不合格”"])
    origin: Origin = Field(description="automatic 系统自动提出 / bureau 市工业和信息化局提出 / operator 运营机构申请")
    trigger: str
    evidence: str
    status: CaseStatus = Field(description="open 待决定 / revoked 已撤销 / dismissed 不予撤销 / superseded 已终结")
    proposed_at: datetime
    decided_at: datetime | None
    decided_on: date | None
    effective_on: date | None
    decision_reason: str | None = Field(description="向服务站说明的决定理由。")

    @classmethod
    def of(cls, case: RevocationCase, station_name: str | None) -> CaseView:
        return cls(
            id=case.id,
            station_id=case.station_id,
            station_name=station_name,
            district_code=case.district_code,
            ground=case.ground,
            ground_text=case.ground_text,
            origin=case.origin,
            trigger=case.trigger,
            evidence=case.evidence,
            status=case.status,
            proposed_at=case.proposed_at,
            decided_at=case.decided_at,
            decided_on=case.decided_on,
            effective_on=case.effective_on,
            decision_reason=case.decision_reason,
        )


class NoteView(BaseModel):
    text: str
    added_at: datetime


class CaseDetail(CaseView):
    notes: list[NoteView]
    attachments: list[AttachmentView]

    @classmethod
    def of_file(cls, file: CaseFile) -> CaseDetail:
        return cls(
            **CaseView.of(file.case, file.station_name).model_dump(),
            notes=[NoteView(text=note.text, added_at=note.added_at) for note in file.notes],
            attachments=[AttachmentView.of(a) for a in file.attachments],
        )


class DecisionIn(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "decision": "revoke",
                    "reason": "该站2026年度考核不合格，整改后复评仍不合格，依据指引第四部分（三）第6项撤销服务站称号。",
                    "decided_on": "2026-11-28",
                    "effective_on": "2026-12-01",
                },
                {"decision": "dismiss", "reason": "经核查，该站已于期限内补交复核申请材料。"},
            ]
        }
    )

    decision: Decision = Field(description="revoke 撤销 / dismiss 不予撤销")
    reason: str = Field(min_length=2, max_length=4000, description="向服务站说明的理由。")
    decided_on: date | None = Field(default=None, description="决定日期；默认今天。")
    effective_on: date | None = Field(default=None, description="生效日期；默认决定日期。")


@router.post(
    "/revocations",
    status_code=status.HTTP_201_CREATED,
    summary="Propose revocation on ground 1–4 or 8 with evidence and attachments (bureau)",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def propose(
    bureau: Bureau,
    uow: UowFactoryDep,
    files: FilesDep,
    station_id: Annotated[str, Form(examples=["st-2026-0001"])],
    ground: Annotated[RevocationGround, Form(description="1、2、3、4 或 8。", examples=[3])],
    evidence: Annotated[str, Form(min_length=2, max_length=20000, examples=["2026年10月起连续两月未开放服务场所……"])],
    attachments: Attachments = None,
) -> CaseDetail:
    case = await proposals.propose_by_bureau(
        uow_factory=uow,
        files=files,
        principal=bureau,
        station_id=station_id,
        ground=ground,
        evidence=evidence,
        uploads=await read_uploads(attachments),
    )
    return CaseDetail.of_file(
        await revocations.case_file(uow_factory=uow, files=files, principal=bureau, revocation_id=case.id)
    )


@router.post(
    "/stations/{station_id}/withdrawal",
    status_code=status.HTTP_201_CREATED,
    summary="Ask to stop running the station (ground 7; its operator); the bureau decides",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def request_withdrawal(
    station_id: str,
    operator: Operator,
    uow: UowFactoryDep,
    files: FilesDep,
    reason: Annotated[str, Form(min_length=2, max_length=4000, examples=["因业务调整，申请不再承担服务站工作"])],
    attachments: Attachments = None,
) -> CaseDetail:
    case = await proposals.request_withdrawal(
        uow_factory=uow,
        files=files,
        principal=operator,
        station_id=station_id,
        reason=reason,
        uploads=await read_uploads(attachments),
    )
    return CaseDetail.of_file(
        await revocations.case_file(uow_factory=uow, files=files, principal=operator, revocation_id=case.id)
    )


@router.get(
    "/revocations",
    summary="Revocation cases (operator: its own; district: its district's; bureau, head station: all)",
    responses=problem_responses(401, 403),
)
async def list_cases(
    paging: Paging,
    principal: CurrentPrincipal,
    uow: UowFactoryDep,
    station_id: str | None = Query(default=None),
    district_code: str | None = Query(default=None),
    status: Annotated[CaseStatus | None, Query()] = None,
    ground: Annotated[RevocationGround | None, Query()] = None,
) -> Page[CaseView]:
    found = await revocations.search(
        uow_factory=uow,
        principal=principal,
        station_id=station_id,
        district_code=district_code,
        status=status,
        ground=ground,
        page=paging,
    )
    return Page.of(found, lambda pair: CaseView.of(pair[0], pair[1].name if pair[1] else None))


@router.get(
    "/revocations/{revocation_id}",
    summary="A revocation case with its evidence",
    responses=problem_responses(401, 404),
)
async def read_case(revocation_id: str, principal: CurrentPrincipal, uow: UowFactoryDep, files: FilesDep) -> CaseDetail:
    return CaseDetail.of_file(
        await revocations.case_file(uow_factory=uow, files=files, principal=principal, revocation_id=revocation_id)
    )


@router.post(
    "/revocations/{revocation_id}/evidence",
    summary="Add evidence (text, attachments) to an open case (bureau)",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def add_evidence(
    revocation_id: str,
    bureau: Bureau,
    uow: UowFactoryDep,
    files: FilesDep,
    note: Annotated[str, Form(max_length=20000, examples=["区级主管部门出具的核查情况说明"])] = "",
    attachments: Attachments = None,
) -> CaseDetail:
    file = await revocations.add_evidence(
        uow_factory=uow,
        files=files,
        principal=bureau,
        revocation_id=revocation_id,
        text=note,
        uploads=await read_uploads(attachments),
    )
    return CaseDetail.of_file(file)


@router.post(
    "/revocations/{revocation_id}/decision",
    summary="Decide a case: revoke (publishes station revoked) or dismiss, explained to the station (bureau)",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def decide(
    revocation_id: str, form: DecisionIn, bureau: Bureau, uow: UowFactoryDep, files: FilesDep
) -> CaseDetail:
    await revocations.decide(
        uow_factory=uow,
        principal=bureau,
        revocation_id=revocation_id,
        decision=form.decision,
        reason=form.reason,
        decided_on=form.decided_on,
        effective_on=form.effective_on,
    )
    return CaseDetail.of_file(
        await revocations.case_file(uow_factory=uow, files=files, principal=bureau, revocation_id=revocation_id)
    )


@router.get(
    "/revocations/{revocation_id}/attachments/{file_id}",
    summary="Download an attachment of a case",
    response_class=FileResponse,
    responses=problem_responses(401, 404),
)
async def download_attachment(
    revocation_id: str, file_id: str, principal: CurrentPrincipal, uow: UowFactoryDep, files: FilesDep
) -> FileResponse:
    stored, path = await revocations.attachment(
        uow_factory=uow, files=files, principal=principal, revocation_id=revocation_id, file_id=file_id
    )
    return FileResponse(path, media_type=stored.content_type, filename=stored.filename)
