"""Use cases of an application's attachments: the real files, kept by the kit's file store."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sme_kit.auth import Principal
from sme_kit.errors import NotFound
from sme_kit.files import FileStore, StoredFile, Upload, rejected_as_field
from sme_kit.paging import PageOf, PageRequest
from sme_kit.uow import Actor
from sme_registry.adapters.applications_repository import Attachment
from sme_registry.adapters.unit_of_work import RegistryUnitOfWork, RegistryUowFactory
from sme_registry.domain.applications import EDITABLE, Application
from sme_registry.domain.errors import InvalidTransition
from sme_registry.domain.forms import AttachmentKind
from sme_registry.service_layer.access import application_not_found, may_read_application

OWNER_TYPE = "application"
FIRST_PAGE = PageRequest()


@dataclass(frozen=True)
class AttachedFile:
    """An attachment as listed: what it proves and the file's facts (name, type, size, checksum)."""

    kind: AttachmentKind
    file: StoredFile


@dataclass(frozen=True)
class UploadAttachment:
    application_id: str
    kind: AttachmentKind
    upload: Upload


async def upload_attachment(
    *, uow_factory: RegistryUowFactory, files: FileStore, principal: Principal, command: UploadAttachment
) -> AttachedFile:
    """The applicant adds a file to its draft or returned application (type, size and checksum checked)."""
    async with uow_factory(Actor.of(principal)) as uow:
        application = await _editable_own(uow, principal, command.application_id)
        with rejected_as_field("file"):
            stored = await files.save(
                uow,
                command.upload.data,
                filename=command.upload.filename,
                purpose=command.kind.value,
                owner_type=OWNER_TYPE,
                owner_id=application.id,
            )
        await uow.attachments.attach(Attachment(stored.id, application.id, command.kind, stored.stored_at))
        uow.audit(
            "attach", "application", application.id, kind=command.kind.value, file_id=stored.id, sha256=stored.sha256
        )
        await uow.commit()
    return AttachedFile(command.kind, stored)


async def remove_attachment(
    *, uow_factory: RegistryUowFactory, principal: Principal, application_id: str, file_id: str
) -> None:
    """The applicant takes a wrong file off its draft or returned application (the file is kept)."""
    async with uow_factory(Actor.of(principal)) as uow:
        application = await _editable_own(uow, principal, application_id)
        if await uow.attachments.get(application.id, file_id) is None:
            raise attachment_not_found(file_id)
        await uow.attachments.remove(file_id, uow.clock.now())
        uow.audit("detach", "application", application.id, file_id=file_id)
        await uow.commit()


async def list_attachments(
    *,
    uow_factory: RegistryUowFactory,
    files: FileStore,
    principal: Principal,
    application_id: str,
    page: PageRequest = FIRST_PAGE,
) -> PageOf[AttachedFile]:
    """One page of the files of an application, for those who may read the application.

    An application carries a handful of files: the page is cut from all of them, and only its
    files are looked up in the store.
    """
    async with uow_factory(Actor.of(principal)) as uow:
        application = await uow.applications.get(application_id)
        if application is None or not may_read_application(principal, application):
            raise application_not_found(application_id)
        current = await uow.attachments.current(application.id)
        shown = PageOf.sliced(current, page)
        listed = []
        for attachment in shown.items:
            stored = await files.get(uow, attachment.file_id)
            if stored is not None:
                listed.append(AttachedFile(attachment.kind, stored))
    return PageOf.of(listed, shown.total, page)


async def open_attachment(
    *, uow_factory: RegistryUowFactory, files: FileStore, principal: Principal, application_id: str, file_id: str
) -> tuple[StoredFile, Path]:
    """The file to download, after the same check as reading the application."""
    async with uow_factory(Actor.of(principal)) as uow:
        application = await uow.applications.get(application_id)
        if application is None or not may_read_application(principal, application):
            raise application_not_found(application_id)
        attachment = await uow.attachments.get(application.id, file_id)
        stored = await files.get(uow, file_id) if attachment else None
    if stored is None:
        raise attachment_not_found(file_id)
    return stored, files.path(stored)


async def _editable_own(uow: RegistryUnitOfWork, principal: Principal, application_id: str) -> Application:
    application = await uow.applications.get(application_id, for_update=True)
    if application is None or not principal.owns_org(application.uscc):
        raise application_not_found(application_id)
    if application.status not in EDITABLE:
        raise InvalidTransition(
            f"申请当前状态为{application.status.value}，只有草稿或退回补正的申请可以修改附件 "
            "(attachments change only while the application is a draft or returned)"
        )
    return application


def attachment_not_found(file_id: str) -> NotFound:
    return NotFound(f"没有编号为 {file_id} 的附件 (no such attachment)")
