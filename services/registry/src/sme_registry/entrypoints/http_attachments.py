"""HTTP routes of an application's attachments: upload (multipart), list, download, remove."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, File, Form, UploadFile, status
from fastapi.responses import FileResponse
from pydantic import BaseModel, Field

from sme_kit.http import FilesDep, UowFactoryDep
from sme_kit.http_auth import CurrentPrincipal, Operator
from sme_kit.http_files import read_upload
from sme_kit.http_paging import Page, Paging
from sme_kit.problems import problem_responses
from sme_registry.domain.forms import ATTACHMENT_NAMES, AttachmentKind
from sme_registry.service_layer import attachments as use_cases

router = APIRouter(prefix="/applications/{application_id}/attachments", tags=["申请材料 Attachments"])


class AttachmentView(BaseModel):
    file_id: str
    kind: AttachmentKind
    kind_name: str = Field(examples=["营业执照"])
    filename: str = Field(examples=["营业执照.pdf"])
    content_type: str = Field(examples=["application/pdf"])
    size: int
    sha256: str
    uploaded_at: datetime

    @classmethod
    def of(cls, attached: use_cases.AttachedFile) -> AttachmentView:
        stored = attached.file
        return cls(
            file_id=stored.id,
            kind=attached.kind,
            kind_name=ATTACHMENT_NAMES[attached.kind],
            filename=stored.filename,
            content_type=stored.content_type,
            size=stored.size,
            sha256=stored.sha256,
            uploaded_at=stored.stored_at,
        )


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="上传申请材料 (upload an attachment: PDF, PNG, JPEG or DOCX, at most 20 MB)",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def upload_attachment(
    application_id: str,
    kind: Annotated[AttachmentKind, Form(description="材料类型，如 business_licence（营业执照）")],
    file: Annotated[UploadFile, File(description="材料文件")],
    operator: Operator,
    uow: UowFactoryDep,
    files: FilesDep,
) -> AttachmentView:
    command = use_cases.UploadAttachment(application_id, kind, await read_upload(file))
    return AttachmentView.of(
        await use_cases.upload_attachment(uow_factory=uow, files=files, principal=operator, command=command)
    )


@router.get("", summary="申请材料清单 (list the attachments)", responses=problem_responses(401, 404))
async def list_attachments(
    application_id: str, principal: CurrentPrincipal, uow: UowFactoryDep, files: FilesDep, paging: Paging
) -> Page[AttachmentView]:
    listed = await use_cases.list_attachments(
        uow_factory=uow, files=files, principal=principal, application_id=application_id, page=paging
    )
    return Page.of(listed, AttachmentView.of)


@router.get(
    "/{file_id}",
    summary="下载申请材料 (download an attachment; same access as the application)",
    response_class=FileResponse,
    responses={
        **problem_responses(401, 404),
        200: {
            "description": "文件内容 (the file)",
            "content": {"application/pdf": {}, "image/png": {}, "image/jpeg": {}},
        },
    },
)
async def download_attachment(
    application_id: str, file_id: str, principal: CurrentPrincipal, uow: UowFactoryDep, files: FilesDep
) -> FileResponse:
    stored, path = await use_cases.open_attachment(
        uow_factory=uow, files=files, principal=principal, application_id=application_id, file_id=file_id
    )
    return FileResponse(path, media_type=stored.content_type, filename=stored.filename)


@router.delete(
    "/{file_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="撤回申请材料 (remove a wrong attachment from a draft or returned application)",
    responses=problem_responses(401, 403, 404, 409),
)
async def remove_attachment(application_id: str, file_id: str, operator: Operator, uow: UowFactoryDep) -> None:
    await use_cases.remove_attachment(
        uow_factory=uow, principal=operator, application_id=application_id, file_id=file_id
    )
