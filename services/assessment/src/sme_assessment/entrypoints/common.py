"""What several routers share: role aliases, reading uploads, the attachment view."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Annotated

from fastapi import File, UploadFile
from pydantic import BaseModel, Field

from sme_assessment.service_layer.uploads import Upload
from sme_kit.auth import Principal, Role
from sme_kit.files import MiB, StoredFile
from sme_kit.http_auth import require_roles

Bureau = Annotated[Principal, require_roles(Role.BUREAU_ADMIN)]
Preparer = Annotated[Principal, require_roles(Role.BUREAU_ADMIN, Role.HEAD_STATION_STAFF)]
Operator = Annotated[Principal, require_roles(Role.STATION_OPERATOR)]

Attachments = Annotated[
    list[UploadFile] | None,
    File(description="附件：PDF、PNG、JPEG 或 DOCX，每个不超过 20 MB (attachments, 20 MB each)."),
]


async def read_uploads(files: Sequence[UploadFile] | None) -> list[Upload]:
    """The uploaded files' bytes (one byte over the limit is enough for the store to refuse it)."""
    return [Upload(upload.filename or "upload", await upload.read(20 * MiB + 1)) for upload in files or ()]


class AttachmentView(BaseModel):
    id: str
    filename: str = Field(examples=["2026年度工作计划.pdf"])
    content_type: str = Field(examples=["application/pdf"])
    size: int
    sha256: str
    stored_at: datetime

    @classmethod
    def of(cls, stored: StoredFile) -> AttachmentView:
        return cls(
            id=stored.id,
            filename=stored.filename,
            content_type=stored.content_type,
            size=stored.size,
            sha256=stored.sha256,
            stored_at=stored.stored_at,
        )
