"""Uploaded files (application attachments, seal scans, photos): stored by the service itself.

Files are kept content-addressed under the service's files directory (``FILES_DIR``), with a
row in ``kit_files`` written in the caller's unit of work: type checked from the bytes (not the
client's claim), size limited, SHA-256 recorded. Who may download a file is the service's rule,
checked before `FileStore.path` is asked.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import insert, select

from sme_kit.errors import FieldError, Invalid, ValidationFailed
from sme_kit.tables import files
from sme_kit.uow import UnitOfWork

MiB = 1024 * 1024

# Accepted types by their leading bytes: scans and documents an applicant really sends.
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "application/pdf": (b"%PDF-",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (b"PK\x03\x04",),
}
KIND_NAMES = {
    "application/pdf": "PDF",
    "image/png": "PNG",
    "image/jpeg": "JPEG",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
}
SCANS = frozenset({"application/pdf", "image/png", "image/jpeg"})
EXTENSIONS = {"application/pdf": ".pdf", "image/png": ".png", "image/jpeg": ".jpg"}


class FileRejected(Invalid, ValueError):
    """The upload is refused: too large, empty, or of a type that is not accepted."""


@dataclass(frozen=True)
class Upload:
    """One uploaded file as the HTTP edge received it: what a use case takes, free of the web framework.

    ``data`` may be one byte longer than the store accepts (see `sme_kit.http_files.read_upload`),
    so that the store refuses it by its size instead of keeping a truncated file.
    """

    filename: str
    data: bytes


@contextmanager
def rejected_as_field(field: str, location: str | None = "body") -> Iterator[None]:
    """Turn a refused upload into a 422 that names the form field it came in.

    A client then shows the message beside the file input, as for any other invalid field::

        with rejected_as_field("seal_scan"):
            stored = await files.save(uow, upload.data, ...)
    """
    try:
        yield
    except FileRejected as exc:
        raise ValidationFailed([FieldError(field, str(exc), "file_rejected", location)]) from exc


@dataclass(frozen=True)
class StoredFile:
    id: str
    purpose: str
    filename: str
    content_type: str
    size: int
    sha256: str
    owner_type: str
    owner_id: str
    uploaded_by: str
    stored_at: datetime


def sniff(head: bytes) -> str | None:
    """The accepted content type these leading bytes belong to, or None."""
    for content_type, prefixes in SIGNATURES.items():
        if any(head.startswith(prefix) for prefix in prefixes):
            return content_type
    return None


class FileStore:
    def __init__(self, root: Path, *, max_bytes: int = 20 * MiB, accepted: frozenset[str] | None = None) -> None:
        self._root = root
        self._max_bytes = max_bytes
        self._accepted = accepted or frozenset(SIGNATURES)

    async def save(
        self,
        uow: UnitOfWork,
        data: bytes,
        *,
        filename: str,
        purpose: str,
        owner_type: str,
        owner_id: str,
        accepted: frozenset[str] | None = None,
    ) -> StoredFile:
        """Check and keep one upload; its row commits (or rolls back) with the unit of work.

        ``accepted`` narrows the store's content types for this upload (e.g. scans: PDF and images).
        """
        if not data:
            raise FileRejected("文件为空 (the file is empty)")
        if len(data) > self._max_bytes:
            raise FileRejected(
                f"文件超过 {self._max_bytes // MiB} MB 上限 (the file exceeds {self._max_bytes // MiB} MB)"
            )
        content_type = sniff(data[:16])
        allowed = self._accepted & (accepted or self._accepted)
        if content_type is None or content_type not in allowed:
            names = "、".join(name for kind, name in KIND_NAMES.items() if kind in allowed)
            raise FileRejected(f"仅接受 {names} 文件 (only {names} files are accepted)")
        digest = hashlib.sha256(data).hexdigest()
        self._write_once(digest, data)
        stored = StoredFile(
            id=str(uuid.uuid4()),
            purpose=purpose,
            filename=Path(filename).name[:200] or f"upload{EXTENSIONS.get(content_type, '')}",
            content_type=content_type,
            size=len(data),
            sha256=digest,
            owner_type=owner_type,
            owner_id=owner_id,
            uploaded_by=uow.actor.subject,
            stored_at=uow.clock.now(),
        )
        await uow.session.execute(insert(files).values(**stored.__dict__))
        return stored

    async def get(self, uow: UnitOfWork, file_id: str) -> StoredFile | None:
        row = (await uow.session.execute(select(files).where(files.c.id == file_id))).mappings().first()
        return StoredFile(**row) if row else None

    async def of_owner(self, uow: UnitOfWork, owner_type: str, owner_id: str) -> list[StoredFile]:
        query = (
            select(files)
            .where(files.c.owner_type == owner_type, files.c.owner_id == owner_id)
            .order_by(files.c.stored_at)
        )
        return [StoredFile(**row) for row in (await uow.session.execute(query)).mappings()]

    def path(self, stored: StoredFile) -> Path:
        """Where the bytes are; only after the caller checked that the reader may see them."""
        return self._root / stored.sha256[:2] / stored.sha256

    def _write_once(self, digest: str, data: bytes) -> None:
        target = self._root / digest[:2] / digest
        if target.exists():
            return  # same content already kept
        target.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename, so a crash never leaves a half-written file under its final name.
        handle, temporary = tempfile.mkstemp(dir=target.parent)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)


async def save_uploads(
    uow: UnitOfWork,
    store: FileStore,
    uploads: Sequence[Upload],
    *,
    field: str,
    purpose: str,
    owner_type: str,
    owner_id: str,
    accepted: frozenset[str] | None = None,
) -> list[StoredFile]:
    """Keep every upload with the unit of work; one refused file refuses the whole command.

    A refused file is a 422 naming ``field`` (``field.N`` for the N-th of several uploads).
    """
    stored = []
    for number, upload in enumerate(uploads):
        with rejected_as_field(field if len(uploads) == 1 else f"{field}.{number}"):
            stored.append(
                await store.save(
                    uow,
                    upload.data,
                    filename=upload.filename,
                    purpose=purpose,
                    owner_type=owner_type,
                    owner_id=owner_id,
                    accepted=accepted,
                )
            )
    return stored
