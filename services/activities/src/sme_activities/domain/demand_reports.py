"""Quarterly demand reports of stations (§3.2) and their aggregation by district and industry.

One report per station and quarter. A resubmission replaces the current report; every earlier
revision is kept as history, so what was reported when stays visible to the bureau.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sme_activities.domain.errors import DomainError
from sme_contracts.common import ServiceCategory


@dataclass(frozen=True)
class IndustryFinding:
    """One industry of the station's area: how many enterprises were surveyed and what they need most."""

    industry: str
    enterprises_surveyed: int
    main_needs: list[ServiceCategory]


@dataclass(frozen=True)
class NeedFinding:
    """A need raised by enterprises, by common-service category."""

    category: ServiceCategory
    enterprises: int
    description: str


@dataclass
class DemandReport:
    id: str
    station_id: str
    district_code: str
    year: int
    quarter: int
    revision: int
    industries: list[IndustryFinding]
    needs: list[NeedFinding]
    enterprise_conditions: str
    service_needs: str
    personalised_needs: str | None
    submitted_by: str
    submitted_at: datetime

    @property
    def enterprises_surveyed(self) -> int:
        return sum(finding.enterprises_surveyed for finding in self.industries)

    @property
    def need_categories(self) -> list[ServiceCategory]:
        return sorted({need.category for need in self.needs}, key=list(ServiceCategory).index)


def quarter_start(year: int, quarter: int) -> date:
    return date(year, 3 * (quarter - 1) + 1, 1)


def check_report(*, year: int, quarter: int, today: date, industries: Sequence[IndustryFinding]) -> None:
    """A report covers a quarter that has begun, and at least one industry, each named once."""
    problems = []
    if not 1 <= quarter <= 4:
        problems.append("季度须为1-4 (quarter must be 1-4)")
    elif quarter_start(year, quarter) > today:
        problems.append(f"{year}年第{quarter}季度尚未开始 (the quarter has not begun)")
    if not industries:
        problems.append("须至少填写一个行业 (at least one industry)")
    names = [finding.industry.strip() for finding in industries]
    if len(set(names)) != len(names):
        problems.append("行业重复填写 (an industry is listed twice)")
    if problems:
        raise DomainError("；".join(problems))


@dataclass
class Aggregate:
    """Totals over a group of reports (a district, or an industry)."""

    key: str
    reports: int = 0
    stations: set[str] = field(default_factory=set)
    enterprises_surveyed: int = 0
    needs: Counter[ServiceCategory] = field(default_factory=Counter)


def aggregate_by_district(reports: Sequence[DemandReport]) -> list[Aggregate]:
    """Per district: reports, stations, enterprises surveyed and enterprises per need category."""
    groups: dict[str, Aggregate] = {}
    for report in reports:
        group = groups.setdefault(report.district_code, Aggregate(report.district_code))
        group.reports += 1
        group.stations.add(report.station_id)
        group.enterprises_surveyed += report.enterprises_surveyed
        for need in report.needs:
            group.needs[need.category] += need.enterprises
    return [groups[key] for key in sorted(groups)]


def aggregate_by_industry(reports: Sequence[DemandReport]) -> list[Aggregate]:
    """Per industry: reports naming it, stations, enterprises surveyed, and how often each need is main."""
    groups: defaultdict[str, Aggregate] = defaultdict(lambda: Aggregate(""))
    for report in reports:
        for finding in report.industries:
            name = finding.industry.strip()
            group = groups[name]
            group.key = name
            group.reports += 1
            group.stations.add(report.station_id)
            group.enterprises_surveyed += finding.enterprises_surveyed
            for category in finding.main_needs:
                group.needs[category] += 1
    return sorted(groups.values(), key=lambda group: (-group.enterprises_surveyed, group.key))
