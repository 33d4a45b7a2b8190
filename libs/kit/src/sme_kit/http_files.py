"""The HTTP edge of uploads: reading multipart files into `Upload`s, and the one view of a stored file.

Routes read::

    @router.post("/{plan_id}/attachments", status_code=201)
    async def attach(plan_id: str, files: FilesDep, uow: UowFactoryDep, attachments: Attachments = None)
        -> list[StoredFileView]:
        stored = await use_cases.attach(uow, files, plan_id, await read_uploads(attachments))
        return [StoredFileView.of(s) for s in stored]

Use cases take `sme_kit.files.Upload` and never see FastAPI.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Annotated

from fastapi import File, UploadFile
from pydantic import BaseModel, Field

from sme_kit.files import MiB, StoredFile, Upload

__all__ = ["UPLOAD_LIMIT", "Attachments", "StoredFileView", "read_upload", "read_uploads"]

# What the file store accepts by default; an upload is read one byte past it (see read_upload).
UPLOAD_LIMIT = 20 * MiB

# A multipart field of zero or more files, e.g. a plan's or a report's attachments.
Attachments = Annotated[
    list[UploadFile] | None,
    File(description="附件：PDF、PNG、JPEG 或 DOCX，每个不超过 20 MB (attachments, 20 MB each)."),
]


async def read_upload(file: UploadFile, *, limit: int = UPLOAD_LIMIT) -> Upload:
    """The file's name and bytes, read to at most one byte past ``limit``.

    That one byte is enough for the store to refuse the file as too large, while a client that
    sends a huge file never makes the service hold all of it in memory.
    """
    return Upload(file.filename or "", await file.read(limit + 1))


async def read_uploads(files: Sequence[UploadFile] | None, *, limit: int = UPLOAD_LIMIT) -> list[Upload]:
    """Every file of a multipart field (none when the field was left out)."""
    return [await read_upload(file, limit=limit) for file in files or ()]


class StoredFileView(BaseModel):
    """A kept file as clients see it: its facts, never where it lies on disk nor who uploaded it."""

    id: str = Field(description="The file's id, for downloading it.")
    purpose: str = Field(examples=["photo"], description="What the file is for, in its owner's terms.")
    filename: str = Field(examples=["2026年度工作计划.pdf"])
    content_type: str = Field(examples=["application/pdf"], description="As read from the bytes.")
    size: int = Field(description="Bytes.")
    sha256: str = Field(description="Hex SHA-256 of the content.")
    stored_at: datetime

    @classmethod
    def of(cls, stored: StoredFile) -> StoredFileView:
        return cls(
            id=stored.id,
            purpose=stored.purpose,
            filename=stored.filename,
            content_type=stored.content_type,
            size=stored.size,
            sha256=stored.sha256,
            stored_at=stored.stored_at,
        )
