"""Which station receives a request, the promotion duty checks, themed months, trainings, demand aggregates."""

from datetime import date, datetime

import pytest

from sme_activities.domain.demand_reports import (
    DemandReport,
    IndustryFinding,
    NeedFinding,
    aggregate_by_district,
    aggregate_by_industry,
    check_report,
)
from sme_activities.domain.errors import DomainError, StateConflict, StationNotActive
from sme_activities.domain.promotion import stations_below_target, upcoming_duty_checks
from sme_activities.domain.stations import Candidate, Station, StationStatus, pick_station, require_active
from sme_activities.domain.theme_months import ThemeKind, plan_month
from sme_activities.domain.trainings import Attendee, attendance_by_station
from sme_contracts.common import ServiceCategory as C

NOW = datetime.fromisoformat("2026-11-28T10:00:00+08:00")


def station(
    sid: str, district: str = "440106", services: list[C] | None = None, status: StationStatus = StationStatus.ACTIVE
) -> Station:
    return Station(sid, "91440106MA59C1XE2H", f"服务站{sid}", district, services or [C.FINANCING], status, None, NOW)


def test_an_unchosen_request_goes_to_the_least_loaded_active_station_of_the_district_offering_the_service() -> None:
    candidates = [
        Candidate(station("st-1"), open_requests=3),
        Candidate(station("st-2"), open_requests=1),
        Candidate(station("st-3", services=[C.LEGAL]), open_requests=0),
        Candidate(station("st-4", status=StationStatus.REVOKED), open_requests=0),
        Candidate(station("st-5", district="440104"), open_requests=0),
    ]
    assert pick_station(candidates, district_code="440106", category=C.FINANCING) == candidates[1].station
    # A personalised need may go to any station of the district.
    assert pick_station(candidates, district_code="440106", category=None) == candidates[2].station


def test_ties_go_to_the_smallest_station_id_and_no_candidate_means_the_head_station() -> None:
    tie = [Candidate(station("st-9"), 0), Candidate(station("st-2"), 0)]
    assert pick_station(tie, district_code="440106", category=C.FINANCING) == tie[1].station
    assert pick_station(tie, district_code="440113", category=C.FINANCING) is None


def test_a_revoked_station_may_not_act() -> None:
    with pytest.raises(StationNotActive):
        require_active(station("st-1", status=StationStatus.REVOKED), "st-1", as_what="主办活动")
    with pytest.raises(StationNotActive):
        require_active(None, "st-x", as_what="主办活动")


def test_the_duty_is_checked_at_nine_on_1_october_and_1_december_of_this_and_next_year() -> None:
    assert [m.isoformat() for m in upcoming_duty_checks(NOW)] == [
        "2026-12-01T09:00:00+08:00",
        "2027-10-01T09:00:00+08:00",
        "2027-12-01T09:00:00+08:00",
    ]


def test_active_stations_below_three_sessions_are_warned() -> None:
    stations = [station("st-1"), station("st-2"), station("st-3", status=StationStatus.REVOKED)]
    below = stations_below_target(stations, {"st-1": 3, "st-2": 2})
    assert [(b.station.id, b.count) for b in below] == [("st-2", 2)]


def test_a_themed_month_that_has_ended_is_history_and_a_revision_counts_up() -> None:
    with pytest.raises(StateConflict):
        plan_month(
            None,
            year=2026,
            month=10,
            theme=ThemeKind.POLICY,
            title=None,
            goals=["g"],
            today=NOW.date(),
            now=NOW,
            planned_by="s",
        )
    first = plan_month(
        None,
        year=2026,
        month=11,
        theme=ThemeKind.POLICY,
        title=None,
        goals=["g"],
        today=NOW.date(),
        now=NOW,
        planned_by="s",
    )
    assert (first.title, first.revision) == ("政策服务月", 1)
    again = plan_month(
        first,
        year=2026,
        month=11,
        theme=ThemeKind.FINANCE_TAX,
        title=None,
        goals=["g"],
        today=NOW.date(),
        now=NOW,
        planned_by="s",
    )
    assert again.revision == 2
    with pytest.raises(DomainError):
        plan_month(
            None,
            year=2027,
            month=1,
            theme=ThemeKind.CUSTOM,
            title=" ",
            goals=["g"],
            today=NOW.date(),
            now=NOW,
            planned_by="s",
        )


def test_training_attendance_is_counted_per_station_without_names() -> None:
    attendees = [
        Attendee("st-2", "王晓", None, True),
        Attendee("st-1", "陈立", None, True),
        Attendee("st-1", "张三", None, False),
    ]
    counts = attendance_by_station(attendees, {"st-1": "440106", "st-2": "440104"})
    assert [(c.station_id, c.district_code, c.attended, c.absent) for c in counts] == [
        ("st-1", "440106", 1, 1),
        ("st-2", "440104", 1, 0),
    ]


def report(station_id: str, district: str, industries: list[IndustryFinding], needs: list[NeedFinding]) -> DemandReport:
    return DemandReport("r", station_id, district, 2026, 4, 1, industries, needs, "情况", "需求", None, "op", NOW)


def test_reports_aggregate_by_district_and_by_industry() -> None:
    reports = [
        report("st-1", "440106", [IndustryFinding("智能制造", 30, [C.FINANCING])], [NeedFinding(C.FINANCING, 12, "")]),
        report("st-2", "440106", [IndustryFinding("智能制造", 10, [C.TALENT])], [NeedFinding(C.FINANCING, 3, "")]),
        report("st-3", "440104", [IndustryFinding("跨境电商", 5, [C.LEGAL])], [NeedFinding(C.LEGAL, 5, "")]),
    ]
    by_district = {g.key: g for g in aggregate_by_district(reports)}
    assert (by_district["440106"].reports, by_district["440106"].enterprises_surveyed) == (2, 40)
    assert by_district["440106"].needs[C.FINANCING] == 15
    by_industry = aggregate_by_industry(reports)
    assert [(g.key, g.enterprises_surveyed, len(g.stations)) for g in by_industry] == [
        ("智能制造", 40, 2),
        ("跨境电商", 5, 1),
    ]


def test_a_report_of_a_quarter_that_has_not_begun_is_refused() -> None:
    with pytest.raises(DomainError, match="尚未开始"):
        check_report(year=2027, quarter=1, today=date(2026, 11, 28), industries=[IndustryFinding("智能制造", 1, [])])
    check_report(year=2026, quarter=4, today=date(2026, 11, 28), industries=[IndustryFinding("智能制造", 1, [])])
