"""The same fact, however often told, is kept once; a station's facts add up per year."""

from __future__ import annotations

from datetime import date

from sme_assessment.domain import evidence as facts
from sme_assessment.domain.evidence import FactKind, summarise
from sme_assessment.domain.plans import Standing

from .factories import station


def test_an_activity_counts_once_for_its_organiser_and_once_for_each_co_organiser() -> None:
    found = facts.activity_facts(
        activity_id="a1",
        organiser="st-1",
        co_organisers=["st-2", "st-2", "st-1"],
        held_on=date(2026, 5, 1),
        attendance=40,
    )
    assert [(f.kind, f.station_id) for f in found] == [
        (FactKind.ACTIVITY_ORGANISED, "st-1"),
        (FactKind.ACTIVITY_CO_ORGANISED, "st-2"),
    ]
    told_again = facts.activity_facts(
        activity_id="a1", organiser="st-1", co_organisers=["st-2"], held_on=date(2026, 5, 1), attendance=40
    )
    assert [f.key for f in told_again] == [f.key for f in found]


def test_the_head_stations_own_activity_counts_only_for_co_organisers() -> None:
    found = facts.activity_facts(
        activity_id="a2", organiser=None, co_organisers=["st-3"], held_on=date(2026, 5, 1), attendance=10
    )
    assert [(f.kind, f.station_id) for f in found] == [(FactKind.ACTIVITY_CO_ORGANISED, "st-3")]


def test_a_revised_demand_report_covers_the_same_quarter() -> None:
    first = facts.demand_report_fact(
        report_id="r1", station_id="st-1", year=2026, quarter=2, submitted_on=date(2026, 7, 1)
    )
    revised = facts.demand_report_fact(
        report_id="r2", station_id="st-1", year=2026, quarter=2, submitted_on=date(2026, 7, 9)
    )
    assert first.key == revised.key


def test_a_station_is_expected_only_at_trainings_held_after_its_recognition() -> None:
    found = [
        *facts.training_facts(training_id="t1", held_on=date(2026, 3, 1), attendance=[("st-0", 2, 0)]),
        *facts.training_facts(training_id="t2", held_on=date(2026, 9, 1), attendance=[("st-1", 1, 1)]),
        *facts.training_facts(training_id="t3", held_on=date(2026, 11, 1), attendance=[("st-1", 0, 2)]),
    ]
    summary = summarise(
        station(valid_from=date(2026, 6, 1)), 2026, found, plan=Standing.ON_TIME, summary=Standing.ON_TIME
    )
    assert (summary.trainings_held, summary.trainings_attended) == (2, 1)


def test_a_years_summary_adds_up_that_years_facts_only() -> None:
    found = [
        facts.promotion_fact(promotion_id="p1", station_id="st-1", year=2026, held_on=date(2026, 4, 1)),
        facts.promotion_fact(promotion_id="p2", station_id="st-1", year=2026, held_on=date(2026, 10, 1)),
        facts.promotion_fact(promotion_id="p0", station_id="st-1", year=2025, held_on=date(2025, 10, 1)),
        facts.promotion_fact(promotion_id="px", station_id="st-9", year=2026, held_on=date(2026, 10, 1)),
        *facts.activity_facts(
            activity_id="a1", organiser="st-1", co_organisers=[], held_on=date(2026, 5, 1), attendance=40
        ),
        *facts.activity_facts(
            activity_id="a2", organiser="st-9", co_organisers=["st-1"], held_on=date(2026, 6, 1), attendance=25
        ),
        facts.request_closed_fact(request_id="q1", station_id="st-1", satisfaction=5, closed_on=date(2026, 8, 1)),
        facts.request_closed_fact(request_id="q2", station_id="st-1", satisfaction=4, closed_on=date(2026, 8, 2)),
        facts.request_escalated_fact(request_id="q3", station_id="st-1", escalated_on=date(2026, 8, 3)),
        facts.late_change_fact(change_id="c1", station_id="st-1", reported_on=date(2026, 9, 1)),
        facts.demand_report_fact(
            report_id="r1", station_id="st-1", year=2026, quarter=3, submitted_on=date(2026, 10, 2)
        ),
        facts.demand_report_fact(
            report_id="r2", station_id="st-1", year=2026, quarter=1, submitted_on=date(2026, 4, 2)
        ),
        facts.convention_fact(station_id="st-1", version="2025.1", signed_on=date(2025, 7, 1)),
    ]
    summary = summarise(station(), 2026, found, plan=Standing.LATE, summary=Standing.MISSING)
    assert summary.promotion_sessions == 2
    assert (summary.activities_organised, summary.activities_co_organised, summary.attendance) == (1, 1, 65)
    assert (summary.requests_closed, summary.requests_escalated, summary.satisfaction_average) == (2, 1, 4.5)
    assert summary.late_info_changes == 1
    assert summary.demand_quarters == (1, 3)
    assert summary.convention_signed  # signed in an earlier year still holds
    assert (summary.plan, summary.summary) == (Standing.LATE, Standing.MISSING)


def test_a_routed_request_that_lapses_again_counts_against_each_station_once() -> None:
    first = facts.request_escalated_fact(request_id="q3", station_id="st-1", escalated_on=date(2026, 8, 3))
    told_again = facts.request_escalated_fact(request_id="q3", station_id="st-1", escalated_on=date(2026, 8, 3))
    second = facts.request_escalated_fact(request_id="q3", station_id="st-2", escalated_on=date(2026, 8, 12), lapse=2)
    assert first.key == told_again.key
    assert len({first.key, second.key}) == 2
    summary = summarise(station("st-2"), 2026, [first, second], plan=Standing.ON_TIME, summary=Standing.ON_TIME)
    assert summary.requests_escalated == 1


def test_a_convention_signed_after_the_year_does_not_count_for_it() -> None:
    found = [facts.convention_fact(station_id="st-1", version="2027.1", signed_on=date(2027, 2, 1))]
    assert not summarise(station(), 2026, found, plan=Standing.ON_TIME, summary=Standing.ON_TIME).convention_signed
