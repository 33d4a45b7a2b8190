"""Scoring a cycle: manual scores with a reason, computing every station's result, publishing them
(which orders rectification for every unqualified station)."""

from __future__ import annotations

import uuid
from datetime import date

from sme_assessment.adapters import publisher
from sme_assessment.adapters.unit_of_work import AssessmentUnitOfWork, AssessmentUoWFactory
from sme_assessment.domain.cycles import (
    Cycle,
    ManualScore,
    Outcome,
    StationResult,
    assess,
    check_manual_score,
    rectification_due_on,
)
from sme_assessment.domain.errors import DomainError
from sme_assessment.domain.rectification import Rectification, RectificationStatus
from sme_assessment.service_layer.cycles import cycle_for_update
from sme_assessment.service_layer.evidence import summaries
from sme_assessment.service_layer.timer_kinds import RECTIFICATION_DEADLINE
from sme_kit.auth import Principal
from sme_kit.errors import NotFound
from sme_kit.uow import Actor


async def enter_manual_score(
    *,
    uow_factory: AssessmentUoWFactory,
    principal: Principal,
    cycle_id: str,
    station_id: str,
    indicator_code: str,
    score: float,
    reason: str,
) -> ManualScore:
    """The bureau or head station scores an indicator by hand, saying why (audited with the old score)."""
    async with uow_factory(Actor.of(principal)) as uow:
        cycle = await cycle_for_update(uow, cycle_id)
        check_manual_score(cycle, indicator_code=indicator_code, score=score, reason=reason)
        if await uow.stations.get(station_id) is None:
            raise NotFound(f"没有编号为 {station_id} 的服务站 (no such station)")
        repository = uow.manual_scores
        before = await repository.get(cycle_id, station_id, indicator_code)
        entered = ManualScore(
            cycle_id, station_id, indicator_code, score, reason, principal.subject, str(principal.role), uow.clock.now()
        )
        await repository.save(entered)
        cycle.inputs_changed()
        await uow.cycles.save(cycle)
        uow.audit(
            "manual_score",
            "cycle",
            cycle_id,
            reason=reason,
            station_id=station_id,
            indicator=indicator_code,
            score=score,
            previous=before.score if before else None,
        )
        await uow.commit()
    return entered


async def _compute(uow: AssessmentUnitOfWork, cycle: Cycle) -> list[StationResult]:
    stations = await uow.stations.all(active_only=True)
    excluded = {record.station_id for record in await uow.non_participations.of_cycle(cycle.id)}
    assessed = [s for s in stations if s.served_in(cycle.year) and s.id not in excluded]
    evidence = await summaries(uow, assessed, cycle.year)
    manual = await uow.manual_scores.of_cycle(cycle.id)
    now = uow.clock.now()
    found = []
    for station in assessed:
        outcome = assess(cycle, evidence[station.id], manual.get(station.id))
        found.append(
            StationResult(
                id=str(uuid.uuid4()),
                cycle_id=cycle.id,
                year=cycle.year,
                station_id=station.id,
                uscc=station.uscc,
                district_code=station.district_code,
                total=outcome.total,
                pass_mark=cycle.pass_mark,
                outcome=outcome.outcome,
                breakdown=outcome.breakdown,
                computed_at=now,
            )
        )
    await uow.results.replace_all(cycle.id, found)
    cycle.mark_computed(now)
    await uow.cycles.save(cycle)
    return found


async def compute(*, uow_factory: AssessmentUoWFactory, principal: Principal, cycle_id: str) -> list[StationResult]:
    """Give every active station in service that year a total, an outcome and its breakdown (not yet
    published: the bureau and head station review them first; computing again replaces them)."""
    async with uow_factory(Actor.of(principal)) as uow:
        cycle = await cycle_for_update(uow, cycle_id)
        found = await _compute(uow, cycle)
        uow.audit(
            "compute",
            "cycle",
            cycle.id,
            stations=len(found),
            unqualified=sum(r.outcome is Outcome.UNQUALIFIED for r in found),
        )
        await uow.commit()
    return found


async def publish(
    *, uow_factory: AssessmentUoWFactory, principal: Principal, cycle_id: str, rectification_due: date | None
) -> list[StationResult]:
    """Publish the computed results: each station and its district are told, and every unqualified
    station is ordered to rectify by the deadline (a durable timer watches it)."""
    async with uow_factory(Actor.of(principal)) as uow:
        cycle = await cycle_for_update(uow, cycle_id)
        now = uow.clock.now()
        cycle.publish(now=now, by=principal.subject)
        results = uow.results
        found = await results.of_cycle(cycle.id)
        if not found:
            raise DomainError("没有可公布的考核结果 (there are no results to publish)")
        due_on = rectification_due_on(published_on=now.date(), days=cycle.rectification_days, chosen=rectification_due)
        ordered = 0
        for result in found:
            result.published_at = now
            await results.save(result)
            unqualified = result.outcome is Outcome.UNQUALIFIED
            uow.publish(publisher.result_published(result, due_on if unqualified else None))
            if unqualified:
                await _order_rectification(uow, result, due_on)
                ordered += 1
        await uow.cycles.save(cycle)
        uow.audit("publish", "cycle", cycle.id, results=len(found), rectifications=ordered, due_on=due_on.isoformat())
        await uow.commit()
    return found


async def _order_rectification(uow: AssessmentUnitOfWork, result: StationResult, due_on: date) -> None:
    rectification = Rectification(
        id=str(uuid.uuid4()),
        result_id=result.id,
        cycle_id=result.cycle_id,
        year=result.year,
        station_id=result.station_id,
        uscc=result.uscc,
        district_code=result.district_code,
        total=result.total,
        due_on=due_on,
        status=RectificationStatus.ORDERED,
        ordered_at=uow.clock.now(),
    )
    await uow.rectifications.save(rectification)
    await uow.schedule_timer(RECTIFICATION_DEADLINE, rectification.id, rectification.deadline)
    uow.publish(publisher.rectification_required(rectification))
    uow.audit("order", "rectification", rectification.id, station_id=result.station_id, due_on=due_on.isoformat())
