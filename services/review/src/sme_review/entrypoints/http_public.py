"""Public routes (no login): notices, filing an objection, final lists."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile, status
from pydantic import BaseModel, Field

from sme_kit.errors import TooManyRequests
from sme_kit.http import ClockDep, FilesDep, UowFactoryDep
from sme_kit.http_files import read_upload
from sme_kit.http_paging import Page, Paging
from sme_kit.problems import problem_responses
from sme_review.domain.objections import ObjectionForm, ObjectionStatus
from sme_review.entrypoints.deps import ObjectionLimiterDep, Year
from sme_review.entrypoints.public_views import FinalListView, NoticeView
from sme_review.service_layer import final_list as final_list_cases
from sme_review.service_layer import notices as notice_cases
from sme_review.service_layer import objections as objection_cases

router = APIRouter(prefix="/public", tags=["公开信息 Public"])


@router.get("/notices", summary="Every public notice, newest first (no login)", responses=problem_responses(422))
async def list_notices(paging: Paging, uow: UowFactoryDep, clock: ClockDep) -> Page[NoticeView]:
    now = clock.now()
    return Page.of(await notice_cases.list_notices(uow_factory=uow, page=paging), lambda n: NoticeView.of(n, now))


@router.get(
    "/notices/{notice_id}",
    summary="A notice: the shortlist, its period and how to object (no login)",
    responses=problem_responses(404),
)
async def read_notice(notice_id: str, uow: UowFactoryDep, clock: ClockDep) -> NoticeView:
    return NoticeView.of(await notice_cases.get_notice(uow_factory=uow, notice_id=notice_id), clock.now())


async def within_rate_limit(request: Request, clock: ClockDep, limiter: ObjectionLimiterDep) -> None:
    """Each client address may file a few objections per window (429 with Retry-After beyond).

    The address is the one the ASGI server reports: behind the bureau's reverse proxy, run uvicorn
    with ``--proxy-headers --forwarded-allow-ips=<proxy>`` so that it is the client's, not the proxy's.
    """
    client = request.client.host if request.client else "unknown"
    verdict = limiter.attempt(client, clock.now())
    if not verdict.allowed:
        wait = verdict.retry_after_s
        raise TooManyRequests(
            f"提交过于频繁，请 {wait} 秒后再试 (too many objections; retry in {wait}s)", retry_after=wait
        )


class ObjectionReceipt(BaseModel):
    """The receipt an objector keeps; it repeats nothing of what they wrote about themselves."""

    id: str = Field(description="受理编号.")
    notice_id: str
    target_application_id: str
    filed_at: datetime
    status: ObjectionStatus
    message: str = Field(examples=["异议已受理，市工业和信息化局将进行调查核实"])


_TEXT = "Form field (multipart/form-data)."


@router.post(
    "/notices/{notice_id}/objections",
    status_code=status.HTTP_201_CREATED,
    summary="File an objection within the notice period (no login; organisations attach a sealed scan, "
    "individuals give real name and ID number)",
    dependencies=[Depends(within_rate_limit)],
    responses=problem_responses(404, 409, 422, 429),
)
async def file_objection(
    notice_id: str,
    uow: UowFactoryDep,
    files: FilesDep,
    objector_type: Annotated[
        str | None, Form(description="organisation（单位）or individual（个人）.", examples=["individual"])
    ] = None,
    target_application_id: Annotated[str | None, Form(description="The application on the notice objected to.")] = None,
    grounds: Annotated[
        str | None, Form(description="异议内容及理由.", examples=["该单位实际专职人员不足两名，与申报材料不符。"])
    ] = None,
    organisation_name: Annotated[
        str | None, Form(description="单位名称 (organisations).", examples=["广州市某行业商会"])
    ] = None,
    contact_person: Annotated[str | None, Form(description="联系人 (organisations, optional).")] = None,
    real_name: Annotated[str | None, Form(description="真实姓名 (individuals).", examples=["张三"])] = None,
    id_number: Annotated[str | None, Form(description="居民身份证号码 (individuals).")] = None,
    contact_phone: Annotated[str | None, Form(description="联系电话.", examples=["13800138000"])] = None,
    contact_email: Annotated[str | None, Form(description=_TEXT)] = None,
    contact_address: Annotated[str | None, Form(description=_TEXT)] = None,
    seal_scan: Annotated[
        UploadFile | None, File(description="加盖公章的书面异议扫描件 (organisations): PDF, PNG or JPEG, ≤ 20 MB.")
    ] = None,
) -> ObjectionReceipt:
    form = ObjectionForm(
        objector_type=objector_type,
        target_application_id=target_application_id,
        grounds=grounds,
        organisation_name=organisation_name,
        real_name=real_name,
        id_number=id_number,
        contact_phone=contact_phone,
        contact_email=contact_email,
        contact_address=contact_address,
        contact_person=contact_person,
    )
    upload = await read_upload(seal_scan) if seal_scan is not None else None
    objection = await objection_cases.file_objection(
        uow_factory=uow, files=files, notice_id=notice_id, form=form, seal_scan=upload
    )
    return ObjectionReceipt(
        id=objection.id,
        notice_id=objection.notice_id,
        target_application_id=objection.target_application_id,
        filed_at=objection.filed_at,
        status=objection.status,
        message="异议已受理，市工业和信息化局将进行调查核实 (received; the bureau will investigate)",
    )


@router.get(
    "/final-lists", summary="Every published final list, newest first (no login)", responses=problem_responses(422)
)
async def list_final_lists(paging: Paging, uow: UowFactoryDep) -> Page[FinalListView]:
    return Page.of(await final_list_cases.list_final_lists(uow_factory=uow, page=paging), FinalListView.of)


@router.get(
    "/final-lists/{year}",
    summary="A year's final list of recognised stations and their plaques (no login)",
    responses=problem_responses(404),
)
async def read_final_list(year: Year, uow: UowFactoryDep) -> FinalListView:
    return FinalListView.of(await final_list_cases.get_final_list(uow_factory=uow, year=year))
