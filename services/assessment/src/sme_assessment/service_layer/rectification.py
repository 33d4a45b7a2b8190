"""Rectification: the station's report, the deadline, and the bureau's re-assessment (§4.3.6).
Still unqualified after rectification is ground 6 of §4.3, proposed to the bureau."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sme_assessment.adapters import publisher
from sme_assessment.adapters.unit_of_work import AssessmentUnitOfWork, AssessmentUoWFactory
from sme_assessment.domain.cycles import OUTCOME_NAMES, Outcome
from sme_assessment.domain.errors import DomainError
from sme_assessment.domain.rectification import Rectification, RectificationStatus
from sme_assessment.service_layer.access import FIRST_PAGE, district_scope, own_station_id, require_sees
from sme_assessment.service_layer.proposals import propose_automatically
from sme_assessment.service_layer.stations import known_or_told
from sme_assessment.service_layer.timer_kinds import RECTIFICATION_DEADLINE
from sme_assessment.service_layer.uploads import save_all
from sme_contracts.common import RevocationGround
from sme_kit.auth import Principal, Role
from sme_kit.errors import NotFound
from sme_kit.files import FileStore, StoredFile, Upload
from sme_kit.paging import PageOf, PageRequest
from sme_kit.timers import Timer
from sme_kit.uow import Actor

log = logging.getLogger(__name__)

OWNER_TYPE = "rectification"


async def _rectification(
    uow: AssessmentUnitOfWork, principal: Principal, rectification_id: str, *, for_update: bool = False
) -> Rectification:
    found = await uow.rectifications.get(rectification_id, for_update=for_update)
    if found is None:
        raise NotFound("没有找到该整改 (no such rectification)")
    require_sees(principal, found.station_id, found.district_code, what="整改")
    return found


async def submit_report(
    *,
    uow_factory: AssessmentUoWFactory,
    files: FileStore,
    principal: Principal,
    rectification_id: str,
    report: str,
    uploads: Sequence[Upload],
) -> Rectification:
    """The operator reports what it rectified (text and attachments); the bureau then re-assesses."""
    own = own_station_id(principal)
    async with uow_factory(Actor.of(principal)) as uow:
        rectification = await _rectification(uow, principal, rectification_id, for_update=True)
        if rectification.station_id != own:
            raise NotFound("没有找到该整改 (no such rectification)")
        rectification.submit_report(text=report, now=uow.clock.now())
        await uow.cancel_timer(RECTIFICATION_DEADLINE, rectification.id)
        await uow.rectifications.save(rectification)
        await save_all(
            uow, files, uploads, purpose="rectification_report", owner_type=OWNER_TYPE, owner_id=rectification.id
        )
        attachments = await files.of_owner(uow, OWNER_TYPE, rectification.id)
        uow.publish(publisher.report_submitted(rectification, len(attachments)))
        uow.audit("submit_report", "rectification", rectification.id, late=rectification.report_late)
        await uow.commit()
    return rectification


async def deadline_passed(*, timer: Timer, uow: AssessmentUnitOfWork) -> None:
    """No report by the deadline: recorded, and the bureau is prompted (by the event) to re-assess."""
    repository = uow.rectifications
    rectification = await repository.get(timer.key, for_update=True)
    if rectification is None or not rectification.record_missing(uow.clock.now()):
        return
    await repository.save(rectification)
    uow.publish(publisher.report_missing(rectification))
    uow.audit("report_missing", "rectification", rectification.id, due_on=rectification.due_on.isoformat())
    log.info("rectification %s: no report by %s", rectification.id, rectification.due_on)


async def reassess(
    *,
    uow_factory: AssessmentUoWFactory,
    principal: Principal,
    rectification_id: str,
    outcome: Outcome,
    score: float | None,
    opinion: str,
) -> Rectification:
    """The bureau re-assesses; still unqualified proposes revocation on ground 6."""
    if score is not None and not 0 <= score <= 100:
        raise DomainError("复评得分须在0至100分之间 (score between 0 and 100)")
    async with uow_factory(Actor.of(principal)) as uow:
        rectification = await _rectification(uow, principal, rectification_id, for_update=True)
        rectification.reassess(outcome=outcome, score=score, opinion=opinion, now=uow.clock.now(), by=principal.subject)
        await uow.rectifications.save(rectification)
        uow.publish(publisher.reassessed(rectification))
        uow.audit("reassess", "rectification", rectification.id, reason=opinion, outcome=outcome.value, score=score)
        if outcome is Outcome.UNQUALIFIED:
            station = await known_or_told(
                uow,
                station_id=rectification.station_id,
                uscc=rectification.uscc,
                district_code=rectification.district_code,
            )
            reported = "已提交整改报告" if rectification.report_submitted_at else "整改期限内未提交整改报告"
            await propose_automatically(
                uow,
                station=station,
                ground=RevocationGround.ASSESSMENT_SKIPPED_OR_FAILED,
                trigger=f"{rectification.year}年度考核不合格，整改后复评仍为“{OUTCOME_NAMES[outcome]}”",
                evidence=(
                    f"{rectification.year}年度考核得分{rectification.total:g}分；{reported}；复评意见：{opinion}"
                ),
            )
        await uow.commit()
    return rectification


@dataclass(frozen=True)
class RectificationFile:
    rectification: Rectification
    station_name: str | None
    attachments: list[StoredFile]


async def rectification_file(
    *, uow_factory: AssessmentUoWFactory, files: FileStore, principal: Principal, rectification_id: str
) -> RectificationFile:
    """A rectification with its report's attachments, after the object-level check."""
    async with uow_factory(Actor.of(principal)) as uow:
        found = await _rectification(uow, principal, rectification_id)
        station = await uow.stations.get(found.station_id)
        attachments = await files.of_owner(uow, OWNER_TYPE, found.id)
    return RectificationFile(found, station.name if station else None, attachments)


async def attachment(
    *, uow_factory: AssessmentUoWFactory, files: FileStore, principal: Principal, rectification_id: str, file_id: str
) -> tuple[StoredFile, Path]:
    """One attachment of a rectification report to download, after the access check."""
    found = await rectification_file(
        uow_factory=uow_factory, files=files, principal=principal, rectification_id=rectification_id
    )
    for stored in found.attachments:
        if stored.id == file_id:
            return stored, files.path(stored)
    raise NotFound("没有找到该附件 (no such attachment)")


async def search(
    *,
    uow_factory: AssessmentUoWFactory,
    principal: Principal,
    year: int | None,
    status: RectificationStatus | None,
    district_code: str | None,
    page: PageRequest = FIRST_PAGE,
) -> PageOf[Rectification]:
    """A page of the rectifications the caller may see (an operator: its own station's), oldest first."""
    station_id = None
    if principal.is_role(Role.STATION_OPERATOR):
        station_id, district_code = own_station_id(principal), None
    else:
        district_code = district_scope(principal, district_code)
    async with uow_factory(Actor.of(principal)) as uow:
        return await uow.rectifications.page(
            page, year=year, station_id=station_id, district_code=district_code, status=status
        )
