"""Work plans and summaries (§4.1.4): the bureau's deadlines, submissions, and lapses at the deadline."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sme_assessment.adapters import publisher
from sme_assessment.adapters.unit_of_work import AssessmentUnitOfWork, AssessmentUoWFactory
from sme_assessment.domain.dates import end_of
from sme_assessment.domain.plans import (
    Deadlines,
    DocumentKind,
    Lapse,
    LapseStatus,
    WorkDocument,
    check_deadlines,
    check_move,
    first_submission,
    is_required,
)
from sme_assessment.domain.stations import require_not_revoked_for
from sme_assessment.service_layer.access import FIRST_PAGE, district_scope, own_station_id, require_sees
from sme_assessment.service_layer.timer_kinds import WORK_DOCUMENT_DEADLINE
from sme_assessment.service_layer.uploads import save_all
from sme_kit.auth import Principal, Role
from sme_kit.errors import FieldError, NotFound, ValidationFailed
from sme_kit.files import FileStore, StoredFile, Upload
from sme_kit.paging import PageOf, PageRequest
from sme_kit.timers import Timer
from sme_kit.uow import Actor

log = logging.getLogger(__name__)

OWNER_TYPE = "work_document"


async def set_deadlines(
    *,
    uow_factory: AssessmentUoWFactory,
    principal: Principal,
    year: int,
    plan_due_on: date | None,
    summary_due_on: date | None,
) -> Deadlines:
    """The bureau sets (or moves) a year's deadlines, one or both; a date left out stays as it was.

    A new date may not lie in the past (nobody is recorded missing for a deadline set after the
    fact), and a deadline that has passed stays as it was: its lapses are already recorded.
    """
    given = {kind: day for kind, day in ((DocumentKind.PLAN, plan_due_on), (DocumentKind.SUMMARY, summary_due_on))}
    async with uow_factory(Actor.of(principal)) as uow:
        repository = uow.deadlines
        before = await repository.get(year)
        now = uow.clock.now()
        wanted = {kind: day or (before.due_on(kind) if before else None) for kind, day in given.items()}
        problems = check_deadlines(
            year=year, plan_due_on=wanted[DocumentKind.PLAN], summary_due_on=wanted[DocumentKind.SUMMARY]
        )
        if problems:
            raise ValidationFailed([FieldError(field, message, "invalid_deadline") for field, message in problems])
        changed = {
            kind: day
            for kind, day in given.items()
            if day is not None and (before is None or before.due_on(kind) != day)
        }
        for kind, due_on in changed.items():
            check_move(kind=kind, year=year, previous=before.due_on(kind) if before else None, due_on=due_on, now=now)
        deadlines = Deadlines(year, wanted[DocumentKind.PLAN], wanted[DocumentKind.SUMMARY], principal.subject, now)
        await repository.save(deadlines)
        for kind, due_on in changed.items():
            await uow.schedule_timer(WORK_DOCUMENT_DEADLINE, f"{kind.value}:{year}", end_of(due_on), {"year": year})
        uow.audit(
            "set_deadlines",
            "work_deadlines",
            str(year),
            changed={kind.value: day.isoformat() for kind, day in changed.items()},
            previous=None if before is None else {k.value: str(before.due_on(k)) for k in changed},
        )
        await uow.commit()
    return deadlines


async def deadlines_of(
    *, uow_factory: AssessmentUoWFactory, principal: Principal, page: PageRequest = FIRST_PAGE
) -> PageOf[Deadlines]:
    """A page of every year's deadlines set so far, by year."""
    async with uow_factory(Actor.of(principal)) as uow:
        return await uow.deadlines.page(page)


@dataclass(frozen=True)
class SubmitDocument:
    station_id: str
    kind: DocumentKind
    year: int
    title: str
    content: str
    uploads: Sequence[Upload]


async def submit(
    *, uow_factory: AssessmentUoWFactory, files: FileStore, principal: Principal, command: SubmitDocument
) -> WorkDocument:
    """The operator submits (or revises) its plan or summary; after the deadline it is accepted and
    recorded late."""
    if own_station_id(principal) != command.station_id:
        raise NotFound(f"没有编号为 {command.station_id} 的服务站 (no such station)")
    async with uow_factory(Actor.of(principal)) as uow:
        station = require_not_revoked_for(
            await uow.stations.get(command.station_id), command.station_id, to="提交工作计划或总结"
        )
        now = uow.clock.now()
        documents = uow.documents
        document = await documents.of_station(station.id, command.kind, command.year)
        if document is not None:
            document.revise(title=command.title, content=command.content, now=now, by=principal.subject)
        else:
            deadlines = await uow.deadlines.get(command.year)
            document = first_submission(
                id=str(uuid.uuid4()),
                station_id=station.id,
                uscc=station.uscc,
                district_code=station.district_code,
                kind=command.kind,
                year=command.year,
                title=command.title,
                content=command.content,
                due_on=deadlines.due_on(command.kind) if deadlines else None,
                now=now,
                by=principal.subject,
            )
            if document.late:
                await _record_late(uow, document)
        await documents.save(document)
        await save_all(
            uow, files, command.uploads, purpose=command.kind.value, owner_type=OWNER_TYPE, owner_id=document.id
        )
        attachments = await files.of_owner(uow, OWNER_TYPE, document.id)
        uow.publish(publisher.document_submitted(document, len(attachments)))
        uow.audit(
            "submit",
            "work_document",
            document.id,
            kind=document.kind.value,
            year=document.year,
            revision=document.revision,
            days_late=document.days_late,
        )
        await uow.commit()
    return document


async def _record_late(uow: AssessmentUnitOfWork, document: WorkDocument) -> None:
    assert document.due_on is not None
    lapses = uow.lapses
    lapse = await lapses.get(document.station_id, document.kind, document.year) or Lapse(
        document.station_id,
        document.uscc,
        document.district_code,
        document.kind,
        document.year,
        document.due_on,
        LapseStatus.MISSING,
        uow.clock.now(),
    )
    lapse.arrived_late(days=document.days_late, submitted_at=document.submitted_at)
    await lapses.save(lapse)
    uow.publish(publisher.submission_overdue(lapse, uow.clock.now()))


async def deadline_passed(*, timer: Timer, uow: AssessmentUnitOfWork) -> None:
    """At a deadline: every station that had to submit and has not is recorded as missing."""
    kind = DocumentKind(timer.key.split(":")[0])
    year = int(timer.payload["year"])
    deadlines = await uow.deadlines.get(year)
    due_on = deadlines.due_on(kind) if deadlines else None
    if due_on is None:
        return
    documents, lapses = uow.documents, uow.lapses
    now = uow.clock.now()
    missing = 0
    for station in await uow.stations.all(active_only=True):
        if not is_required(kind=kind, year=year, valid_from=station.valid_from, due_on=due_on):
            continue
        if await documents.of_station(station.id, kind, year) or await lapses.get(station.id, kind, year):
            continue
        lapse = Lapse(station.id, station.uscc, station.district_code, kind, year, due_on, LapseStatus.MISSING, now)
        await lapses.save(lapse)
        uow.publish(publisher.submission_overdue(lapse, now))
        missing += 1
    uow.audit(
        "deadline_passed", "work_deadlines", str(year), kind=kind.value, due_on=due_on.isoformat(), missing=missing
    )
    log.info("%s deadline of %d passed: %d stations missing", kind.value, year, missing)


async def search(
    *,
    uow_factory: AssessmentUoWFactory,
    principal: Principal,
    year: int | None,
    kind: DocumentKind | None,
    station_id: str | None,
    district_code: str | None,
    page: PageRequest = FIRST_PAGE,
) -> PageOf[WorkDocument]:
    """A page of the plans and summaries the caller may see (an operator: its own station's)."""
    if principal.is_role(Role.STATION_OPERATOR):
        station_id, district_code = own_station_id(principal), None
    else:
        district_code = district_scope(principal, district_code)
    async with uow_factory(Actor.of(principal)) as uow:
        return await uow.documents.page(page, year=year, kind=kind, station_id=station_id, district_code=district_code)


async def document(
    *, uow_factory: AssessmentUoWFactory, files: FileStore, principal: Principal, document_id: str
) -> tuple[WorkDocument, list[StoredFile]]:
    """A plan or summary with its attachments, after the object-level check."""
    async with uow_factory(Actor.of(principal)) as uow:
        found = await uow.documents.get(document_id)
        if found is None:
            raise NotFound("没有找到该工作计划或总结 (no such document)")
        require_sees(principal, found.station_id, found.district_code, what="工作计划或总结")
        return found, await files.of_owner(uow, OWNER_TYPE, found.id)


async def attachment(
    *, uow_factory: AssessmentUoWFactory, files: FileStore, principal: Principal, document_id: str, file_id: str
) -> tuple[StoredFile, Path]:
    """One attachment of a plan or summary to download, after the access check."""
    _, attachments = await document(uow_factory=uow_factory, files=files, principal=principal, document_id=document_id)
    for stored in attachments:
        if stored.id == file_id:
            return stored, files.path(stored)
    raise NotFound("没有找到该附件 (no such attachment)")


async def lapses(
    *,
    uow_factory: AssessmentUoWFactory,
    principal: Principal,
    year: int,
    district_code: str | None,
    page: PageRequest = FIRST_PAGE,
) -> PageOf[Lapse]:
    """A page of the stations that missed a deadline of the year, missing or late (bureau, head station,
    district), by station."""
    district_code = district_scope(principal, district_code)
    async with uow_factory(Actor.of(principal)) as uow:
        return await uow.lapses.page_of_year(year, page, district_code=district_code)
