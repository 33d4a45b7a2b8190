"""Use cases of objections: anonymous filing within the period, the bureau's investigation and reading.

Filing needs no login (§4.1.3(4) lets anyone object); the objector's identity and contact details
are stored for the bureau, which alone reads them, one objection at a time, each read audited.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from sme_kit.auth import Principal, Role
from sme_kit.errors import NotFound
from sme_kit.files import FileStore, StoredFile, Upload, rejected_as_field, sniff
from sme_kit.paging import PageOf, PageRequest
from sme_kit.uow import Actor
from sme_review.adapters import publisher
from sme_review.adapters.unit_of_work import ReviewUnitOfWork, ReviewUowFactory
from sme_review.domain.errors import refuse
from sme_review.domain.objections import (
    Objection,
    ObjectionForm,
    ObjectionOutcome,
    ObjectionStatus,
    ObjectorType,
    objection_problems,
    objector_of,
)
from sme_review.service_layer.access import FIRST_PAGE, Audience, audience_of, is_staff
from sme_review.service_layer.notices import notice_not_found

PUBLIC = Actor(subject="public", role="public")
SEAL_SCAN_PURPOSE = "objection_seal_scan"


def objection_not_found(objection_id: str) -> NotFound:
    return NotFound(f"没有编号为 {objection_id} 的异议 (no such objection)")


async def file_objection(
    *, uow_factory: ReviewUowFactory, files: FileStore, notice_id: str, form: ObjectionForm, seal_scan: Upload | None
) -> Objection:
    """Receive an objection to a notice, within its period only; every missing piece is named at once."""
    async with uow_factory(PUBLIC) as uow:
        notice = await uow.notices.get(notice_id, for_update=True)
        if notice is None:
            raise notice_not_found(notice_id)
        now = uow.clock.now()
        notice.ensure_accepting_objections(now)
        target = (form.target_application_id or "").strip()
        uploaded = seal_scan is not None and bool(seal_scan.data)
        refuse(
            objection_problems(
                form,
                on_notice=notice.lists(target),
                seal_scan_type=sniff(seal_scan.data[:16]) if seal_scan else None,
                seal_scan_uploaded=uploaded,
            )
        )
        case = await uow.cases.by_application(target)
        assert case is not None  # the notice lists only cases of this service
        objection = Objection(
            id=str(uuid.uuid4()),
            notice_id=notice.id,
            round_year=notice.round_year,
            case_id=case.id,
            target_application_id=target,
            objector=objector_of(form),
            grounds=(form.grounds or "").strip(),
            filed_at=now,
            status=ObjectionStatus.RECEIVED,
        )
        if objection.objector.type is ObjectorType.ORGANISATION and seal_scan is not None:
            objection.seal_file_id = await _keep_seal_scan(uow, files, seal_scan, objection.id)
        await uow.objections.add(objection)
        uow.publish(publisher.objection_received(objection, case))
        uow.audit(
            "file_objection",
            "objection",
            objection.id,
            notice_id=notice.id,
            target_application_id=target,
            objector_type=objection.objector.type.value,
        )
        await uow.commit()
    return objection


async def _keep_seal_scan(uow: ReviewUnitOfWork, files: FileStore, scan: Upload, objection_id: str) -> str:
    with rejected_as_field("seal_scan", location=None):  # the form's other refusals name no location either
        stored = await files.save(
            uow,
            scan.data,
            filename=scan.filename or "seal-scan",
            purpose=SEAL_SCAN_PURPOSE,
            owner_type="objection",
            owner_id=objection_id,
        )
    return stored.id


async def resolve_objection(
    *,
    uow_factory: ReviewUowFactory,
    principal: Principal,
    objection_id: str,
    outcome: ObjectionOutcome,
    findings: str,
) -> Objection:
    """The bureau's conclusion after investigating: upheld or not upheld, with its findings."""
    async with uow_factory(Actor.of(principal)) as uow:
        objection = await uow.objections.get(objection_id, for_update=True)
        if objection is None:
            raise objection_not_found(objection_id)
        objection.resolve(outcome=outcome, findings=findings, by=principal.subject, at=uow.clock.now())
        case = await uow.cases.get(objection.case_id)
        assert case is not None
        await uow.objections.save(objection)
        uow.publish(publisher.objection_resolved(objection, case))
        uow.audit("resolve_objection", "objection", objection.id, reason=objection.findings, outcome=outcome.value)
        await uow.commit()
    return objection


async def list_objections(
    *,
    uow_factory: ReviewUowFactory,
    principal: Principal,
    round_year: int | None,
    notice_id: str | None,
    status: ObjectionStatus | None,
    page: PageRequest = FIRST_PAGE,
) -> PageOf[Objection]:
    """A page of the objections for the bureau and the head station to follow (the views leave out the objector)."""
    async with uow_factory(Actor.of(principal)) as uow:
        return await uow.objections.page(page, round_year=round_year, notice_id=notice_id, status=status)


async def objections_against_case(
    *, uow_factory: ReviewUowFactory, principal: Principal, case_id: str, page: PageRequest = FIRST_PAGE
) -> PageOf[Objection]:
    """A page of the objections against one case, for whoever may read the case (the applicant included)."""
    async with uow_factory(Actor.of(principal)) as uow:
        case = await uow.cases.get(case_id)
        _, audience = await audience_of(principal, case_id, case, uow)
        if audience is Audience.EXPERT:
            return PageOf.of([], 0, page)  # experts judge the application, not the objections to its notice
        return await uow.objections.page(page, case_id=case_id)


async def get_objection(
    *, uow_factory: ReviewUowFactory, principal: Principal, objection_id: str
) -> tuple[Objection, bool]:
    """One objection, and whether the reader may see who filed it (the bureau only; each such read is audited)."""
    if not is_staff(principal):
        raise objection_not_found(objection_id)
    with_objector = principal.is_role(Role.BUREAU_ADMIN)
    async with uow_factory(Actor.of(principal)) as uow:
        objection = await uow.objections.get(objection_id)
        if objection is None:
            raise objection_not_found(objection_id)
        if with_objector:
            uow.audit("read_objector", "objection", objection.id, reason="调查核实异议 (investigation)")
            await uow.commit()
    return objection, with_objector


async def seal_scan(
    *, uow_factory: ReviewUowFactory, files: FileStore, principal: Principal, objection_id: str
) -> tuple[StoredFile, Path]:
    """The sealed written objection of an organisation, for the bureau's investigation (audited)."""
    async with uow_factory(Actor.of(principal)) as uow:
        objection = await uow.objections.get(objection_id)
        stored = await files.get(uow, objection.seal_file_id) if objection and objection.seal_file_id else None
        if objection is None or stored is None:
            raise NotFound(f"异议 {objection_id} 没有盖章扫描件 (no seal scan)")
        uow.audit("read_seal_scan", "objection", objection.id)
        await uow.commit()
    return stored, files.path(stored)
