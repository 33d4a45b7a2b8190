"""Evidence from the other services' events, kept once per fact, and what a station's evidence adds up to."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from sme_assessment.adapters.unit_of_work import AssessmentUnitOfWork, AssessmentUoWFactory
from sme_assessment.domain import evidence as facts
from sme_assessment.domain.evidence import ACTIVITY_KINDS, EvidenceSummary, Fact, summarise
from sme_assessment.domain.plans import DocumentKind, is_required, standing
from sme_assessment.domain.stations import Station
from sme_assessment.service_layer.access import require_sees
from sme_contracts import activities as events
from sme_contracts.envelope import CloudEvent
from sme_kit.auth import Principal
from sme_kit.errors import NotFound
from sme_kit.uow import Actor
from sme_kit.vocabulary import shanghai_day

log = logging.getLogger(__name__)


async def keep(uow: AssessmentUnitOfWork, envelope: CloudEvent, found: Sequence[Fact], *, what: str) -> None:
    """Store facts not known yet; the audit says how many were new (0 for a fact told again)."""
    added = await uow.evidence.add(found, event_id=envelope.id, now=uow.clock.now())
    uow.audit("record_evidence", "evidence", envelope.id, what=what, facts=len(found), new=added)


async def activity_completed(
    *, event: events.ActivityCompleted, envelope: CloudEvent, uow: AssessmentUnitOfWork
) -> None:
    """A held activity counts for its organiser and its co-organisers."""
    found = facts.activity_facts(
        activity_id=event.activity_id,
        organiser=event.organiser_station_id,
        co_organisers=event.co_organiser_station_ids,
        held_on=event.held_on,
        attendance=event.attendance_count,
    )
    await keep(uow, envelope, found, what="activity_completed")


async def activity_cancelled(
    *, event: events.ActivityCancelled, envelope: CloudEvent, uow: AssessmentUnitOfWork
) -> None:
    """A cancelled activity was not held: whatever was counted for it no longer counts."""
    voided = await uow.evidence.void_source(event.activity_id, ACTIVITY_KINDS)
    uow.audit("void_evidence", "evidence", envelope.id, what="activity_cancelled", facts=voided)


async def promotion_recorded(
    *, event: events.PromotionRecorded, envelope: CloudEvent, uow: AssessmentUnitOfWork
) -> None:
    """A promotion session counts towards the duty of 3 a year."""
    found = facts.promotion_fact(
        promotion_id=event.promotion_id, station_id=event.station_id, year=event.year, held_on=event.held_on
    )
    await keep(uow, envelope, [found], what="promotion_recorded")


async def training_held(*, event: events.TrainingHeld, envelope: CloudEvent, uow: AssessmentUnitOfWork) -> None:
    """A training every station was expected at, and each station's attendance."""
    found = facts.training_facts(
        training_id=event.training_id,
        held_on=event.held_on,
        attendance=[(a.station_id, a.attended, a.absent) for a in event.attendance],
    )
    await keep(uow, envelope, found, what="training_held")


async def demand_report_submitted(
    *, event: events.DemandReportSubmitted, envelope: CloudEvent, uow: AssessmentUnitOfWork
) -> None:
    """A quarter's demand report; a revision covers the same quarter."""
    found = facts.demand_report_fact(
        report_id=event.report_id,
        station_id=event.station_id,
        year=event.year,
        quarter=event.quarter,
        submitted_on=shanghai_day(event.submitted_at),
    )
    await keep(uow, envelope, [found], what="demand_report_submitted")


async def service_request_closed(
    *, event: events.ServiceRequestClosed, envelope: CloudEvent, uow: AssessmentUnitOfWork
) -> None:
    """Only requests the station itself handled count for it; the head station's do not."""
    if event.station_id is None or event.by_head_station:
        return
    found = facts.request_closed_fact(
        request_id=event.request_id,
        station_id=event.station_id,
        satisfaction=event.satisfaction,
        closed_on=shanghai_day(event.closed_at),
    )
    await keep(uow, envelope, [found], what="service_request_closed")


async def service_request_escalated(
    *, event: events.ServiceRequestEscalated, envelope: CloudEvent, uow: AssessmentUnitOfWork
) -> None:
    """A request the station let pass 5 working days without accepting it."""
    if event.station_id is None:
        return
    found = facts.request_escalated_fact(
        request_id=event.request_id,
        station_id=event.station_id,
        escalated_on=shanghai_day(event.escalated_at),
        lapse=event.lapse,
    )
    await keep(uow, envelope, [found], what="service_request_escalated")


async def summaries(uow: AssessmentUnitOfWork, stations: Sequence[Station], year: int) -> dict[str, EvidenceSummary]:
    """Every station's evidence of a year, with how it stands with that year's plan and summary."""
    by_station = await uow.evidence.of_stations([s.id for s in stations], year)
    deadlines = await uow.deadlines.get(year)
    documents = {(d.station_id, d.kind): d for d in await uow.documents.search(year=year)}
    found = {}
    for station in stations:
        standings = {}
        for kind in DocumentKind:
            due_on = deadlines.due_on(kind) if deadlines else None
            required = is_required(kind=kind, year=year, valid_from=station.valid_from, due_on=due_on)
            standings[kind] = standing(required=required, document=documents.get((station.id, kind)))
        found[station.id] = summarise(
            station,
            year,
            by_station.get(station.id, []),
            plan=standings[DocumentKind.PLAN],
            summary=standings[DocumentKind.SUMMARY],
        )
    return found


async def station_evidence(
    *, uow_factory: AssessmentUoWFactory, principal: Principal, station_id: str, year: int
) -> tuple[Station, EvidenceSummary]:
    """What a station's evidence of a year adds up to so far (the station, its district, bureau, head station)."""
    async with uow_factory(Actor.of(principal)) as uow:
        station = await uow.stations.get(station_id)
        if station is None:
            raise NotFound(f"没有编号为 {station_id} 的服务站 (no such station)")
        require_sees(principal, station.id, station.district_code, what="服务站")
        return station, (await summaries(uow, [station], year))[station.id]
