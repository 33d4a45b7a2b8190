"""Use cases of quarterly demand reports (§3.2) and their aggregation."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, Literal

from sme_activities.adapters import publisher
from sme_activities.adapters.unit_of_work import ActivitiesUoWFactory
from sme_activities.domain.demand_reports import (
    Aggregate,
    DemandReport,
    IndustryFinding,
    NeedFinding,
    aggregate_by_district,
    aggregate_by_industry,
    check_report,
)
from sme_activities.domain.stations import require_active
from sme_activities.service_layer.access import CITY_WIDE, own_station_id, sees_station
from sme_kit.auth import Principal, Role
from sme_kit.errors import Forbidden, NotFound
from sme_kit.paging import PageOf, PageRequest
from sme_kit.uow import Actor


@dataclass(frozen=True)
class SubmitReport:
    year: int
    quarter: int
    industries: list[IndustryFinding]
    needs: list[NeedFinding]
    enterprise_conditions: str
    service_needs: str
    personalised_needs: str | None


async def submit_report(
    *, uow_factory: ActivitiesUoWFactory, principal: Principal, command: SubmitReport
) -> DemandReport:
    """A station submits its report of a quarter; submitting again replaces it and keeps the old one as history."""
    station_id = own_station_id(principal)
    async with uow_factory(Actor.of(principal)) as uow:
        station = require_active(await uow.stations.get(station_id), station_id, as_what="报送需求")
        now = uow.clock.now()
        check_report(year=command.year, quarter=command.quarter, today=now.date(), industries=command.industries)
        repository = uow.demand_reports
        current = await repository.of_period(station_id, command.year, command.quarter, for_update=True)
        report = DemandReport(
            id=current.id if current else str(uuid.uuid4()),
            station_id=station_id,
            district_code=station.district_code,
            year=command.year,
            quarter=command.quarter,
            revision=current.revision + 1 if current else 1,
            industries=list(command.industries),
            needs=list(command.needs),
            enterprise_conditions=command.enterprise_conditions,
            service_needs=command.service_needs,
            personalised_needs=command.personalised_needs,
            submitted_by=principal.subject,
            submitted_at=now,
        )
        await repository.save(report, replaced=current)
        uow.publish(publisher.demand_report_submitted(report))
        uow.audit(
            "submit", "demand_report", report.id, year=report.year, quarter=report.quarter, revision=report.revision
        )
        await uow.commit()
    return report


def _scope(principal: Principal, district_code: str | None) -> tuple[str | None, str | None]:
    """(station, district) the caller is limited to: a station its own reports, a district its own district's."""
    if principal.is_role(Role.STATION_OPERATOR):
        return own_station_id(principal), None
    if principal.is_role(Role.DISTRICT_OFFICER):
        return None, principal.district
    if principal.is_role(*CITY_WIDE):
        return None, district_code
    raise Forbidden("您的角色无权查看需求报告 (your role may not see demand reports)")


async def find_reports(
    *,
    uow_factory: ActivitiesUoWFactory,
    principal: Principal,
    year: int | None,
    quarter: int | None,
    district_code: str | None,
    page: PageRequest,
) -> PageOf[DemandReport]:
    station_id, district = _scope(principal, district_code)
    async with uow_factory(Actor.of(principal)) as uow:
        return await uow.demand_reports.find(
            year=year, quarter=quarter, district_code=district, station_id=station_id, page=page
        )


async def get_report(
    *, uow_factory: ActivitiesUoWFactory, principal: Principal, report_id: str
) -> tuple[DemandReport, list[dict[str, Any]]]:
    """A report and its earlier revisions; 404 for a report the caller may not see."""
    async with uow_factory(Actor.of(principal)) as uow:
        repository = uow.demand_reports
        report = await repository.get(report_id)
        if report is None or not sees_station(principal, report.station_id, report.district_code):
            raise NotFound(f"没有编号为 {report_id} 的需求报告 (no such demand report)")
        return report, await repository.history(report_id)


async def aggregate(
    *,
    uow_factory: ActivitiesUoWFactory,
    principal: Principal,
    by: Literal["district", "industry"],
    year: int,
    quarter: int | None,
    district_code: str | None,
) -> list[Aggregate]:
    """Totals by district or by industry: the head station and bureau city-wide, a district its own."""
    if principal.is_role(Role.STATION_OPERATOR):
        raise Forbidden("汇总数据仅限服务总站、市区主管部门查看 (aggregates are for the head station and departments)")
    station_id, district = _scope(principal, district_code)
    async with uow_factory(Actor.of(principal)) as uow:
        reports = await uow.demand_reports.search(
            year=year, quarter=quarter, district_code=district, station_id=station_id
        )
    return aggregate_by_district(reports) if by == "district" else aggregate_by_industry(reports)
