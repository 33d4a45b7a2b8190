"""What several routers share: the view of an attachment (roles and uploads come from the kit)."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from sme_kit.files import StoredFile


class AttachmentView(BaseModel):
    """An attachment as this service's clients read it (the kit's StoredFileView adds ``purpose``)."""

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
