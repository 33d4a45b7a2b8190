"""The bureau's decision on a revocation case, evidence added while it is open, and who reads cases."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sme_assessment.adapters import publisher
from sme_assessment.adapters.unit_of_work import AssessmentUnitOfWork, AssessmentUoWFactory
from sme_assessment.domain.revocation import CaseStatus, Decision, EvidenceNote, RevocationCase
from sme_assessment.domain.stations import Station, StationStatus
from sme_assessment.service_layer.access import FIRST_PAGE, district_scope, require_sees
from sme_assessment.service_layer.proposals import OWNER_TYPE, add_note
from sme_assessment.service_layer.title_lost import end_pending_work
from sme_assessment.service_layer.uploads import save_all
from sme_contracts.common import RevocationGround
from sme_kit.auth import Principal, Role
from sme_kit.errors import NotFound
from sme_kit.files import FileStore, StoredFile, Upload
from sme_kit.paging import PageOf, PageRequest
from sme_kit.uow import Actor


@dataclass(frozen=True)
class CaseFile:
    """A case with everything the bureau weighs: evidence notes and attachments."""

    case: RevocationCase
    station_name: str | None
    notes: list[EvidenceNote]
    attachments: list[StoredFile]


async def _case(
    uow: AssessmentUnitOfWork, principal: Principal, revocation_id: str, *, for_update: bool = False
) -> RevocationCase:
    case = await uow.revocations.get(revocation_id, for_update=for_update)
    if case is None:
        raise NotFound("没有找到该撤销案件 (no such revocation case)")
    require_sees(principal, case.station_id, case.district_code, what="撤销案件")
    return case


async def decide(
    *,
    uow_factory: AssessmentUoWFactory,
    principal: Principal,
    revocation_id: str,
    decision: Decision,
    reason: str,
    decided_on: date | None,
    effective_on: date | None,
) -> RevocationCase:
    """Revoke (publishing "station revoked", which registry applies) or dismiss, explained to the station."""
    async with uow_factory(Actor.of(principal)) as uow:
        case = await _case(uow, principal, revocation_id, for_update=True)
        now = uow.clock.now()
        if decision is Decision.DISMISS:
            case.dismiss(reason=reason, now=now, by=principal.subject)
            await uow.revocations.save(case)
            uow.publish(publisher.revocation_dismissed(case))
            uow.audit("dismiss", "revocation", case.id, reason=reason, station_id=case.station_id)
        else:
            await _revoke(uow, case, reason=reason, decided_on=decided_on, effective_on=effective_on)
        await uow.commit()
    return case


async def _revoke(
    uow: AssessmentUnitOfWork, case: RevocationCase, *, reason: str, decided_on: date | None, effective_on: date | None
) -> None:
    stations = uow.stations
    station = await stations.get(case.station_id)
    revoked_before = await uow.revocations.search(station_id=case.station_id, status=CaseStatus.REVOKED)
    now = uow.clock.now()
    decided = decided_on or now.date()
    case.revoke(
        reason=reason,
        decided_on=decided,
        effective_on=effective_on or decided,
        now=now,
        by=uow.actor.subject,
        station=station,
        revoked_before=revoked_before,
    )
    await uow.revocations.save(case)
    uow.publish(publisher.station_revoked(case))
    uow.audit(
        "revoke",
        "revocation",
        case.id,
        reason=reason,
        station_id=case.station_id,
        ground=int(case.ground),
        decided_on=decided.isoformat(),
        effective_on=(effective_on or decided).isoformat(),
    )
    if station is not None:
        # Registry confirms with its status event; until then this service already treats it as revoked.
        station.status, station.updated_at = StationStatus.REVOKED, now
        await stations.save(station)
        await end_pending_work(
            uow, station, reason=f"服务站已依据第{int(case.ground)}项撤销情形被撤销", except_case=case.id
        )


async def add_evidence(
    *,
    uow_factory: AssessmentUoWFactory,
    files: FileStore,
    principal: Principal,
    revocation_id: str,
    text: str,
    uploads: Sequence[Upload],
) -> CaseFile:
    """The bureau adds evidence (text, attachments) to an open case before deciding."""
    async with uow_factory(Actor.of(principal)) as uow:
        case = await _case(uow, principal, revocation_id)
        case.require_open_for_evidence()
        if text.strip():
            await add_note(uow, case, text)
        await save_all(uow, files, uploads, purpose="evidence", owner_type=OWNER_TYPE, owner_id=case.id)
        await uow.commit()
    return await case_file(uow_factory=uow_factory, files=files, principal=principal, revocation_id=revocation_id)


async def case_file(
    *, uow_factory: AssessmentUoWFactory, files: FileStore, principal: Principal, revocation_id: str
) -> CaseFile:
    """A case with its notes and attachments, after the object-level check."""
    async with uow_factory(Actor.of(principal)) as uow:
        case = await _case(uow, principal, revocation_id)
        station = await uow.stations.get(case.station_id)
        notes = await uow.revocations.notes(case.id)
        attachments = await files.of_owner(uow, OWNER_TYPE, case.id)
    return CaseFile(case, station.name if station else None, notes, attachments)


async def attachment(
    *, uow_factory: AssessmentUoWFactory, files: FileStore, principal: Principal, revocation_id: str, file_id: str
) -> tuple[StoredFile, Path]:
    """One attachment to download, after the access check."""
    for stored in (
        await case_file(uow_factory=uow_factory, files=files, principal=principal, revocation_id=revocation_id)
    ).attachments:
        if stored.id == file_id:
            return stored, files.path(stored)
    raise NotFound("没有找到该附件 (no such attachment)")


async def search(
    *,
    uow_factory: AssessmentUoWFactory,
    principal: Principal,
    station_id: str | None,
    district_code: str | None,
    status: CaseStatus | None,
    ground: RevocationGround | None,
    page: PageRequest = FIRST_PAGE,
) -> PageOf[tuple[RevocationCase, Station | None]]:
    """A page of the cases the caller may see (the bureau and head station all, a district its own, an
    operator its own), oldest first, each with its station."""
    if principal.is_role(Role.STATION_OPERATOR):
        station_id, district_code = principal.station_id or "-", None
    else:
        district_code = district_scope(principal, district_code)
    async with uow_factory(Actor.of(principal)) as uow:
        cases = await uow.revocations.page(
            page, station_id=station_id, district_code=district_code, status=status, ground=ground
        )
        stations = await uow.stations.many(case.station_id for case in cases.items)
    return cases.map(lambda case: (case, stations.get(case.station_id)))
