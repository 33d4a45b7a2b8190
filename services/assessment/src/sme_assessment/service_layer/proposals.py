"""Raising revocation proposals: automatically from the facts (grounds 5, 6), by the bureau with
evidence (grounds 1–4, 8), and at the operator's own request (ground 7)."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence

from sqlalchemy.exc import IntegrityError

from sme_assessment.adapters import publisher
from sme_assessment.adapters.unit_of_work import AssessmentUnitOfWork, AssessmentUoWFactory
from sme_assessment.domain.errors import ProposalAlreadyOpen
from sme_assessment.domain.revocation import CaseStatus, EvidenceNote, Origin, RevocationCase, check_origin
from sme_assessment.domain.stations import Station, require_not_revoked
from sme_assessment.service_layer.access import own_station_id
from sme_assessment.service_layer.uploads import save_all
from sme_contracts.common import RevocationGround
from sme_kit.auth import Principal
from sme_kit.errors import NotFound
from sme_kit.files import FileStore, Upload
from sme_kit.uow import Actor

log = logging.getLogger(__name__)

OWNER_TYPE = "revocation"


async def open_proposal(
    uow: AssessmentUnitOfWork,
    *,
    station: Station,
    ground: RevocationGround,
    origin: Origin,
    trigger: str,
    evidence: str,
) -> RevocationCase:
    """A new open case, published to the bureau; refused for a revoked station or a duplicate (409)."""
    check_origin(ground, origin)
    require_not_revoked(station)
    cases = uow.revocations
    if await cases.open_case(station.id, ground) is not None:
        raise _duplicate(station.id, ground)
    case = RevocationCase(
        id=str(uuid.uuid4()),
        station_id=station.id,
        uscc=station.uscc,
        district_code=station.district_code,
        ground=ground,
        origin=origin,
        trigger=trigger,
        evidence=evidence,
        status=CaseStatus.OPEN,
        proposed_by=uow.actor.subject,
        proposed_at=uow.clock.now(),
    )
    try:
        async with uow.savepoint():
            await cases.save(case)
    except IntegrityError as exc:  # a concurrent proposal of the same station and ground won
        raise _duplicate(station.id, ground) from exc
    uow.publish(publisher.revocation_proposed(case))
    uow.audit(
        "propose", "revocation", case.id, reason=trigger, station_id=station.id, ground=int(ground), origin=origin.value
    )
    return case


def _duplicate(station_id: str, ground: RevocationGround) -> ProposalAlreadyOpen:
    return ProposalAlreadyOpen(
        f"服务站 {station_id} 已有第{int(ground)}项撤销情形的待决定提议 "
        f"(an open proposal on ground {int(ground)} exists for this station)"
    )


async def propose_automatically(
    uow: AssessmentUnitOfWork, *, station: Station, ground: RevocationGround, trigger: str, evidence: str
) -> RevocationCase | None:
    """Grounds 5 and 6 from the facts: a new proposal, or the trigger added to the one already open.

    Nothing is proposed for a station already revoked.
    """
    if station.revoked:
        uow.audit("skip_proposal", "station", station.id, reason=trigger, ground=int(ground))
        return None
    cases = uow.revocations
    existing = await cases.open_case(station.id, ground)
    if existing is not None:
        await add_note(uow, existing, f"{trigger}：{evidence}")
        return existing
    case = await open_proposal(
        uow, station=station, ground=ground, origin=Origin.AUTOMATIC, trigger=trigger, evidence=evidence
    )
    log.info("revocation of station %s proposed automatically on ground %d", station.id, int(ground))
    return case


async def add_note(uow: AssessmentUnitOfWork, case: RevocationCase, text: str) -> EvidenceNote:
    """Add text evidence to a case (automatic triggers and the bureau's notes alike)."""
    note = EvidenceNote(str(uuid.uuid4()), case.id, text, uow.actor.subject, uow.clock.now())
    await uow.revocations.add_note(note)
    uow.audit("add_evidence", "revocation", case.id, note_id=note.id)
    return note


async def _station(uow: AssessmentUnitOfWork, station_id: str) -> Station:
    station = await uow.stations.get(station_id)
    if station is None:
        raise NotFound(f"没有编号为 {station_id} 的服务站 (no such station)")
    return station


async def propose_by_bureau(
    *,
    uow_factory: AssessmentUoWFactory,
    files: FileStore,
    principal: Principal,
    station_id: str,
    ground: RevocationGround,
    evidence: str,
    uploads: Sequence[Upload],
) -> RevocationCase:
    """The bureau raises grounds 1–4 or 8 with evidence (text and attachments)."""
    async with uow_factory(Actor.of(principal)) as uow:
        station = await _station(uow, station_id)
        trigger = f"市工业和信息化局依据第{int(ground)}项撤销情形提出"
        case = await open_proposal(
            uow, station=station, ground=ground, origin=Origin.BUREAU, trigger=trigger, evidence=evidence
        )
        await save_all(uow, files, uploads, purpose="evidence", owner_type=OWNER_TYPE, owner_id=case.id)
        await uow.commit()
    return case


async def request_withdrawal(
    *,
    uow_factory: AssessmentUoWFactory,
    files: FileStore,
    principal: Principal,
    station_id: str,
    reason: str,
    uploads: Sequence[Upload],
) -> RevocationCase:
    """The operator asks to stop running its station (ground 7); the bureau decides."""
    if own_station_id(principal) != station_id:
        raise NotFound(f"没有编号为 {station_id} 的服务站 (no such station)")
    async with uow_factory(Actor.of(principal)) as uow:
        station = await _station(uow, station_id)
        case = await open_proposal(
            uow,
            station=station,
            ground=RevocationGround.VOLUNTARY_WITHDRAWAL,
            origin=Origin.OPERATOR,
            trigger="运营机构主动申请不再承担服务站工作",
            evidence=reason,
        )
        await save_all(uow, files, uploads, purpose="withdrawal_request", owner_type=OWNER_TYPE, owner_id=case.id)
        await uow.commit()
    return case
