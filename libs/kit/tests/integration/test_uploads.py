"""Uploads from the HTTP edge to the store: read past the limit, refused as a named field, viewed alike."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from fastapi import UploadFile

from sme_kit.errors import ValidationFailed
from sme_kit.files import FileStore, Upload, save_uploads
from sme_kit.http_files import StoredFileView, read_upload, read_uploads
from sme_kit.uow import Actor

from .conftest import KitEnv

pytestmark = pytest.mark.integration

PDF = b"%PDF-1.7\n" + b"0" * 2048


async def test_an_upload_is_read_one_byte_past_the_limit_and_refused_by_its_size() -> None:
    upload = await read_upload(UploadFile(io.BytesIO(PDF), filename="plan.pdf"), limit=1024)
    assert (upload.filename, len(upload.data)) == ("plan.pdf", 1025)
    assert await read_uploads(None) == []
    nameless = await read_uploads([UploadFile(io.BytesIO(PDF))])
    assert nameless == [Upload("", PDF)]


async def test_uploads_are_kept_together_and_viewed_with_their_facts(kit_env: KitEnv, tmp_path: Path) -> None:
    store = FileStore(tmp_path / "files")
    async with kit_env.uow(Actor("operator-1", "station_operator")) as uow:
        stored = await save_uploads(
            uow,
            store,
            [Upload("a.pdf", PDF), Upload("", PDF)],
            field="attachments",
            purpose="plan",
            owner_type="plan",
            owner_id="p-1",
        )
        await uow.commit()
    views = [StoredFileView.of(s).model_dump() for s in stored]
    assert [(v["filename"], v["purpose"], v["size"]) for v in views] == [
        ("a.pdf", "plan", len(PDF)),
        ("upload.pdf", "plan", len(PDF)),
    ]
    assert set(views[0]) == {"id", "purpose", "filename", "content_type", "size", "sha256", "stored_at"}


async def test_a_refused_upload_is_a_validation_error_naming_its_field(kit_env: KitEnv, tmp_path: Path) -> None:
    store = FileStore(tmp_path / "files", max_bytes=1024)
    async with kit_env.uow(Actor("operator-1", "station_operator")) as uow:
        with pytest.raises(ValidationFailed) as refused:
            await save_uploads(
                uow,
                store,
                [Upload("a.pdf", PDF[:100]), Upload("b.pdf", PDF)],
                field="attachments",
                purpose="plan",
                owner_type="plan",
                owner_id="p-1",
            )
    [error] = refused.value.field_errors
    assert (error.field, error.code, error.location) == ("attachments.1", "file_rejected", "body")
    assert "exceeds" in error.message
