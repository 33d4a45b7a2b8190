"""A cycle's totals and outcomes, and what may change while it is open, computed or published."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from sme_assessment.domain.cycles import (
    CycleStatus,
    ManualScore,
    Outcome,
    assess,
    check_cycle_settings,
    check_manual_score,
    rectification_due_on,
)
from sme_assessment.domain.errors import DomainError, StateConflict
from sme_assessment.domain.indicators import IndicatorSpec
from sme_assessment.domain.plans import Standing

from .factories import NOW, cycle, full_marks


def manual(code: str, score: float, reason: str = "核实后调整") -> ManualScore:
    return ManualScore("cy-2026", "st-1", code, score, reason, "bureau", "bureau_admin", NOW)


def test_full_evidence_earns_100_and_qualifies() -> None:
    result = assess(cycle(), full_marks())
    assert (result.total, result.outcome) == (100, Outcome.QUALIFIED)
    assert [line.code for line in result.breakdown] == [spec.code for spec in cycle().indicators]


@pytest.mark.parametrize(
    ("evidence", "total", "outcome"),
    [
        # exactly the pass mark qualifies: 100 - promotion 15 - organised 15 - co 10 = 60
        ({"promotion_sessions": 2, "activities_organised": 0, "activities_co_organised": 0}, 60, Outcome.QUALIFIED),
        # a point below does not
        (
            {"promotion_sessions": 2, "activities_organised": 0, "activities_co_organised": 0, "attendance": 90},
            59,
            Outcome.UNQUALIFIED,
        ),
        (
            {
                "promotion_sessions": 0,
                "activities_organised": 0,
                "activities_co_organised": 0,
                "attendance": 0,
                "demand_quarters": (),
                "plan": Standing.MISSING,
                "summary": Standing.MISSING,
            },
            30,
            Outcome.UNQUALIFIED,
        ),
    ],
)
def test_a_station_qualifies_at_or_above_the_pass_mark(
    evidence: dict[str, object], total: float, outcome: Outcome
) -> None:
    result = assess(cycle(), full_marks(**evidence))
    assert (result.total, result.outcome) == (total, outcome)


def test_a_manual_score_overrides_the_computed_indicator_and_can_change_the_outcome() -> None:
    weak = full_marks(promotion_sessions=2, activities_organised=0, activities_co_organised=0, attendance=90)
    assert assess(cycle(), weak).outcome is Outcome.UNQUALIFIED
    corrected = assess(cycle(), weak, {"promotion_sessions": manual("promotion_sessions", 15, "补录宣讲1次")})
    assert (corrected.total, corrected.outcome) == (74, Outcome.QUALIFIED)
    line = next(line for line in corrected.breakdown if line.code == "promotion_sessions")
    assert (line.score, line.computed_score, line.manual_reason) == (15, 0, "补录宣讲1次")


def test_a_manual_indicator_counts_zero_until_it_is_scored() -> None:
    specs = [
        IndicatorSpec("promotion_sessions", "宣讲", 50, target=3),
        IndicatorSpec("quality", "服务质量", 50, manual=True),
    ]
    unscored = assess(cycle(indicators=specs), full_marks())
    assert unscored.total == 50
    assert unscored.breakdown[1].note is not None
    scored = assess(cycle(indicators=specs), full_marks(), {"quality": manual("quality", 40)})
    assert scored.total == 90


@pytest.mark.parametrize(("score", "reason"), [(-1, "理由"), (15.5, "理由"), (10, "  ")])
def test_a_manual_score_lies_within_the_weight_and_says_why(score: float, reason: str) -> None:
    with pytest.raises(DomainError):
        check_manual_score(cycle(), indicator_code="promotion_sessions", score=score, reason=reason)


def test_a_manual_score_names_an_indicator_of_the_cycle() -> None:
    with pytest.raises(DomainError):
        check_manual_score(cycle(), indicator_code="quality", score=1, reason="理由")


def test_results_are_published_only_once_computed_and_nothing_changes_after() -> None:
    open_cycle = cycle()
    with pytest.raises(StateConflict):
        open_cycle.publish(now=NOW, by="bureau")
    open_cycle.mark_computed(NOW)
    open_cycle.inputs_changed()
    after_late_input = open_cycle.status
    assert after_late_input is CycleStatus.OPEN  # a late manual score means computing again
    open_cycle.mark_computed(NOW)
    open_cycle.publish(now=NOW, by="bureau")
    assert open_cycle.status is CycleStatus.PUBLISHED
    for change in (open_cycle.inputs_changed, lambda: open_cycle.mark_computed(NOW)):
        with pytest.raises(StateConflict):
            change()
    with pytest.raises(StateConflict):
        check_manual_score(open_cycle, indicator_code="promotion_sessions", score=1, reason="理由")


@pytest.mark.parametrize(
    ("pass_mark", "days", "fields"),
    [(60, 30, []), (0, 30, ["pass_mark"]), (101, 30, ["pass_mark"]), (60, 3, ["rectification_days"])],
)
def test_cycle_settings_are_plausible(pass_mark: float, days: int, fields: list[str]) -> None:
    assert [f for f, _ in check_cycle_settings(pass_mark=pass_mark, rectification_days=days)] == fields


def test_the_rectification_deadline_is_the_bureaus_date_or_the_cycles_days_after_publication() -> None:
    assert rectification_due_on(published_on=date(2027, 1, 20), days=30, chosen=None) == date(2027, 2, 19)
    assert rectification_due_on(published_on=date(2027, 1, 20), days=30, chosen=date(2027, 3, 31)) == date(2027, 3, 31)
    with pytest.raises(DomainError):
        rectification_due_on(published_on=date(2027, 1, 20), days=30, chosen=date(2027, 1, 20))


def test_a_cycle_with_changed_weights_scores_with_them() -> None:
    heavier = [replace(spec, weight=spec.weight) for spec in cycle().indicators]
    assert assess(cycle(indicators=heavier), full_marks()).total == 100
