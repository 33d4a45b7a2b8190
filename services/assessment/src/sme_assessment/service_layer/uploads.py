"""Attachments of plans, summaries, rectification reports and revocation evidence (kit FileStore)."""

from __future__ import annotations

from collections.abc import Sequence

from sme_kit.files import FileStore, StoredFile, Upload
from sme_kit.uow import UnitOfWork


async def save_all(
    uow: UnitOfWork,
    files: FileStore,
    uploads: Sequence[Upload],
    *,
    purpose: str,
    owner_type: str,
    owner_id: str,
) -> list[StoredFile]:
    """Keep every upload with the unit of work; one refused file refuses the whole command."""
    return [
        await files.save(
            uow, upload.data, filename=upload.filename, purpose=purpose, owner_type=owner_type, owner_id=owner_id
        )
        for upload in uploads
    ]
