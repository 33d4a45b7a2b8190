"""Reports for the bureau (and each district for its own): results by district, stations at risk."""

from __future__ import annotations

from dataclasses import dataclass

from sme_assessment.adapters.unit_of_work import AssessmentUoWFactory
from sme_assessment.domain.evidence import FactKind
from sme_assessment.domain.reports import (
    DistrictResults,
    ResultLine,
    RiskReason,
    results_by_district,
    risk_reasons,
)
from sme_assessment.domain.revocation import CaseStatus
from sme_assessment.domain.stations import Station
from sme_assessment.service_layer.access import CITY_WIDE, district_scope
from sme_kit.auth import Principal
from sme_kit.errors import NotFound
from sme_kit.uow import Actor


async def district_results(
    *, uow_factory: AssessmentUoWFactory, principal: Principal, year: int, district_code: str | None
) -> list[DistrictResults]:
    """Per district: assessed, qualified, unqualified, not taking part, exempted, average, pending rectifications.

    The bureau and head station see computed results before publication; a district only published ones.
    """
    district_code = district_scope(principal, district_code)
    async with uow_factory(Actor.of(principal)) as uow:
        cycle = await uow.cycles.by_year(year)
        if cycle is None:
            raise NotFound(f"{year}年度考核尚未开启 (no cycle for {year})")
        found = await uow.results.of_year(year, published_only=not principal.is_role(*CITY_WIDE))
        absent = await uow.non_participations.of_cycle(cycle.id, district_code=district_code)
        pending = await uow.rectifications.search(year=year, district_code=district_code, pending_only=True)
        stations = await uow.stations.all(district_code=district_code, active_only=True)
    lines = [
        ResultLine(r.district_code, r.total, r.outcome)
        for r in found
        if district_code is None or r.district_code == district_code
    ]
    return results_by_district(
        lines,
        absent=[(record.district_code, record.excused) for record in absent],
        pending_rectifications=[r.district_code for r in pending],
        districts=[s.district_code for s in stations],
    )


@dataclass(frozen=True)
class StationRisk:
    station: Station
    promotion_sessions: int
    reasons: list[RiskReason]


async def stations_at_risk(
    *, uow_factory: AssessmentUoWFactory, principal: Principal, year: int, district_code: str | None
) -> list[StationRisk]:
    """Active stations with something against them this year: fewer than 3 promotion sessions, plans or
    summaries missing or late, a rectification pending, a revocation proposal open."""
    district_code = district_scope(principal, district_code)
    async with uow_factory(Actor.of(principal)) as uow:
        stations = await uow.stations.all(district_code=district_code, active_only=True)
        promotions = await uow.evidence.count_by_station(FactKind.PROMOTION_SESSION, year)
        lapses = await uow.lapses.of_year(year, district_code=district_code)
        pending = await uow.rectifications.search(district_code=district_code, pending_only=True)
        proposals = await uow.revocations.search(district_code=district_code, status=CaseStatus.OPEN)
    at_risk = []
    for station in stations:
        if not station.served_in(year):
            continue
        reasons = risk_reasons(
            promotion_sessions=promotions.get(station.id, 0),
            lapses=[(lapse.kind, lapse.status) for lapse in lapses if lapse.station_id == station.id],
            rectification_pending=any(r.station_id == station.id for r in pending),
            revocation_proposed=any(c.station_id == station.id for c in proposals),
        )
        if reasons:
            at_risk.append(StationRisk(station, promotions.get(station.id, 0), reasons))
    return at_risk
