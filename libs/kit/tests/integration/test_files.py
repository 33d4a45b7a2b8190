"""Uploaded files: type from the bytes, size limit, checksum, kept with the unit of work."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from sme_kit.files import FileRejected, FileStore
from sme_kit.uow import Actor

from .conftest import KitEnv

pytestmark = pytest.mark.integration

PDF = b"%PDF-1.7\n" + b"0" * 2048


async def test_a_pdf_is_kept_with_its_checksum_and_found_by_owner(kit_env: KitEnv, tmp_path: Path) -> None:
    store = FileStore(tmp_path / "files")
    async with kit_env.uow(Actor("operator-1", "station_operator")) as uow:
        stored = await store.save(
            uow, PDF, filename="../营业执照.pdf", purpose="business_licence", owner_type="application", owner_id="a-1"
        )
        await uow.commit()
    assert (stored.content_type, stored.size, stored.sha256) == (
        "application/pdf",
        len(PDF),
        hashlib.sha256(PDF).hexdigest(),
    )
    assert stored.filename == "营业执照.pdf"  # no path from the client survives
    assert store.path(stored).read_bytes() == PDF
    async with kit_env.uow() as uow:
        assert [f.id for f in await store.of_owner(uow, "application", "a-1")] == [stored.id]
        assert await store.get(uow, stored.id) == stored


@pytest.mark.parametrize(
    ("data", "why"),
    [(b"", "empty"), (b"plain text pretending to be a pdf", "only PDF"), (b"%PDF-" + b"0" * 2000, "exceeds")],
)
async def test_empty_oversized_or_unaccepted_files_are_refused_and_nothing_is_kept(
    kit_env: KitEnv, tmp_path: Path, data: bytes, why: str
) -> None:
    store = FileStore(tmp_path / "files", max_bytes=1024 if why == "exceeds" else 20 * 1024 * 1024)
    async with kit_env.uow(Actor("operator-1", "station_operator")) as uow:
        with pytest.raises(FileRejected, match=why):
            await store.save(uow, data, filename="x.pdf", purpose="p", owner_type="application", owner_id="a-1")
    assert not (tmp_path / "files").exists()


async def test_an_upload_can_narrow_the_accepted_types(kit_env: KitEnv, tmp_path: Path) -> None:
    from sme_kit.files import SCANS

    docx = b"PK\x03\x04" + b"0" * 100
    store = FileStore(tmp_path / "files")
    async with kit_env.uow(Actor("objector", "public")) as uow:
        with pytest.raises(FileRejected, match="PDF、PNG、JPEG"):
            await store.save(
                uow, docx, filename="seal.docx", purpose="seal", owner_type="objection", owner_id="o-1", accepted=SCANS
            )
