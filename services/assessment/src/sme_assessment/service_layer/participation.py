"""Stations that do not take part in a year's assessment (§4.3 ground 6: "无故不参加年度考核")."""

from __future__ import annotations

from sme_assessment.adapters import publisher
from sme_assessment.adapters.unit_of_work import AssessmentUoWFactory
from sme_assessment.domain.cycles import NonParticipation
from sme_assessment.domain.errors import DomainError, StateConflict
from sme_assessment.domain.stations import require_active
from sme_assessment.service_layer.access import FIRST_PAGE, district_scope
from sme_assessment.service_layer.cycles import cycle_for_update, get_cycle
from sme_assessment.service_layer.proposals import propose_automatically
from sme_contracts.common import RevocationGround
from sme_kit.auth import Principal
from sme_kit.paging import PageOf, PageRequest
from sme_kit.uow import Actor


async def record_non_participation(
    *,
    uow_factory: AssessmentUoWFactory,
    principal: Principal,
    cycle_id: str,
    station_id: str,
    excused: bool,
    reason: str,
) -> NonParticipation:
    """The bureau records that a station did not take part: with a reason it accepted, the station is
    exempted; without one, revocation on ground 6 is proposed."""
    if not reason.strip():
        raise DomainError("须说明情况或理由 (say what happened, or the reason given)")
    async with uow_factory(Actor.of(principal)) as uow:
        cycle = await cycle_for_update(uow, cycle_id)
        station = require_active(await uow.stations.get(station_id), station_id, to="登记不参加考核")
        records = uow.non_participations
        if await records.get(cycle.id, station.id) is not None:
            raise StateConflict(f"已登记该服务站不参加{cycle.year}年度考核 (already recorded)")
        cycle.inputs_changed()
        record = NonParticipation(
            cycle_id=cycle.id,
            station_id=station.id,
            uscc=station.uscc,
            district_code=station.district_code,
            excused=excused,
            reason=reason,
            recorded_by=principal.subject,
            recorded_at=uow.clock.now(),
        )
        await records.add(record)
        await uow.cycles.save(cycle)
        uow.publish(publisher.non_participation_recorded(record, cycle.year))
        uow.audit("record_non_participation", "cycle", cycle.id, reason=reason, station_id=station.id, excused=excused)
        if not excused:
            await propose_automatically(
                uow,
                station=station,
                ground=RevocationGround.ASSESSMENT_SKIPPED_OR_FAILED,
                trigger=f"无故不参加{cycle.year}年度考核",
                evidence=reason,
            )
        await uow.commit()
    return record


async def non_participants(
    *,
    uow_factory: AssessmentUoWFactory,
    principal: Principal,
    cycle_id: str,
    district_code: str | None,
    page: PageRequest = FIRST_PAGE,
) -> PageOf[NonParticipation]:
    """A page of the stations recorded as not taking part in a cycle (a district: its own), by station."""
    district_code = district_scope(principal, district_code)
    await get_cycle(uow_factory=uow_factory, principal=principal, cycle_id=cycle_id)
    async with uow_factory(Actor.of(principal)) as uow:
        return await uow.non_participations.page_of_cycle(cycle_id, page, district_code=district_code)
