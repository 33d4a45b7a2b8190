"""Demand reports and their history in the database."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from sme_activities.adapters.orm import demand_report_revisions, demand_reports
from sme_activities.domain.demand_reports import DemandReport, IndustryFinding, NeedFinding
from sme_contracts.common import ServiceCategory
from sme_kit.paging import PageOf, PageRequest, fetch_page


class DemandReportRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, report_id: str) -> DemandReport | None:
        query = select(demand_reports).where(demand_reports.c.id == report_id)
        row = (await self._session.execute(query)).mappings().first()
        return _report(row) if row else None

    async def of_period(
        self, station_id: str, year: int, quarter: int, *, for_update: bool = False
    ) -> DemandReport | None:
        query = select(demand_reports).where(
            demand_reports.c.station_id == station_id,
            demand_reports.c.year == year,
            demand_reports.c.quarter == quarter,
        )
        if for_update:
            query = query.with_for_update()
        row = (await self._session.execute(query)).mappings().first()
        return _report(row) if row else None

    async def save(self, report: DemandReport, *, replaced: DemandReport | None) -> None:
        """Store the current revision; the one it replaces goes to the history."""
        values = _row(report)
        if replaced is None:
            await self._session.execute(insert(demand_reports).values(**values))
            return
        await self._session.execute(
            insert(demand_report_revisions).values(
                report_id=replaced.id,
                revision=replaced.revision,
                content=_content(replaced),
                submitted_by=replaced.submitted_by,
                submitted_at=replaced.submitted_at,
            )
        )
        await self._session.execute(update(demand_reports).where(demand_reports.c.id == report.id).values(**values))

    async def history(self, report_id: str) -> list[dict[str, Any]]:
        query = (
            select(demand_report_revisions)
            .where(demand_report_revisions.c.report_id == report_id)
            .order_by(demand_report_revisions.c.revision)
        )
        return [dict(row) for row in (await self._session.execute(query)).mappings()]

    async def search(
        self,
        *,
        year: int | None = None,
        quarter: int | None = None,
        district_code: str | None = None,
        station_id: str | None = None,
    ) -> list[DemandReport]:
        """Every report matching the filters (what the totals are summed from)."""
        query = _matching(year, quarter, district_code, station_id)
        return [_report(row) for row in (await self._session.execute(query)).mappings()]

    async def find(
        self,
        *,
        year: int | None = None,
        quarter: int | None = None,
        district_code: str | None = None,
        station_id: str | None = None,
        page: PageRequest,
    ) -> PageOf[DemandReport]:
        query = _matching(year, quarter, district_code, station_id)
        return (await fetch_page(self._session, query, page)).map(_report)


def _matching(year: int | None, quarter: int | None, district_code: str | None, station_id: str | None) -> Select[Any]:
    query = select(demand_reports).order_by(
        demand_reports.c.year, demand_reports.c.quarter, demand_reports.c.station_id, demand_reports.c.id
    )
    for column, value in (
        (demand_reports.c.year, year),
        (demand_reports.c.quarter, quarter),
        (demand_reports.c.district_code, district_code),
        (demand_reports.c.station_id, station_id),
    ):
        if value is not None:
            query = query.where(column == value)
    return query


def _content(report: DemandReport) -> dict[str, Any]:
    return {
        "industries": [
            {
                "industry": f.industry,
                "enterprises_surveyed": f.enterprises_surveyed,
                "main_needs": [c.value for c in f.main_needs],
            }
            for f in report.industries
        ],
        "needs": [
            {"category": n.category.value, "enterprises": n.enterprises, "description": n.description}
            for n in report.needs
        ],
        "enterprise_conditions": report.enterprise_conditions,
        "service_needs": report.service_needs,
        "personalised_needs": report.personalised_needs,
    }


def _row(report: DemandReport) -> dict[str, Any]:
    return {
        "id": report.id,
        "station_id": report.station_id,
        "district_code": report.district_code,
        "year": report.year,
        "quarter": report.quarter,
        "revision": report.revision,
        "submitted_by": report.submitted_by,
        "submitted_at": report.submitted_at,
        **_content(report),
    }


def _report(row: Any) -> DemandReport:
    return DemandReport(
        id=row["id"],
        station_id=row["station_id"],
        district_code=row["district_code"],
        year=row["year"],
        quarter=row["quarter"],
        revision=row["revision"],
        industries=[
            IndustryFinding(f["industry"], f["enterprises_surveyed"], [ServiceCategory(c) for c in f["main_needs"]])
            for f in row["industries"]
        ],
        needs=[NeedFinding(ServiceCategory(n["category"]), n["enterprises"], n["description"]) for n in row["needs"]],
        enterprise_conditions=row["enterprise_conditions"],
        service_needs=row["service_needs"],
        personalised_needs=row["personalised_needs"],
        submitted_by=row["submitted_by"],
        submitted_at=row["submitted_at"],
    )
