"""Each computed indicator's score from the evidence, as a table of cases; and what a cycle may weigh."""

from __future__ import annotations

import pytest

from sme_assessment.domain.indicators import (
    CATALOGUE,
    IndicatorCode,
    IndicatorSpec,
    check_indicators,
    default_indicators,
    resolve,
    score_computed,
    unscored_manual,
    with_manual,
)
from sme_assessment.domain.plans import Standing

from .factories import full_marks

C = IndicatorCode


def score(code: IndicatorCode, **evidence: object) -> float:
    return score_computed(CATALOGUE[code], full_marks(**evidence)).score


@pytest.mark.parametrize(
    ("code", "evidence", "expected"),
    [
        # activities organised: 15 points, full at 2
        (C.ACTIVITIES_ORGANISED, {"activities_organised": 0}, 0),
        (C.ACTIVITIES_ORGANISED, {"activities_organised": 1}, 7.5),
        (C.ACTIVITIES_ORGANISED, {"activities_organised": 5}, 15),
        # co-organised: 10 points, full at 2
        (C.ACTIVITIES_CO_ORGANISED, {"activities_co_organised": 1}, 5),
        # attendance: 10 points, full at 100
        (C.ATTENDANCE, {"attendance": 33}, 3.3),
        (C.ATTENDANCE, {"attendance": 500}, 10),
        # promotion: a floor of 3 sessions, not a scale
        (C.PROMOTION_SESSIONS, {"promotion_sessions": 0}, 0),
        (C.PROMOTION_SESSIONS, {"promotion_sessions": 2}, 0),
        (C.PROMOTION_SESSIONS, {"promotion_sessions": 3}, 15),
        (C.PROMOTION_SESSIONS, {"promotion_sessions": 7}, 15),
        # trainings attended of those held since recognition; none held: full
        (C.STAFF_TRAININGS, {"trainings_held": 4, "trainings_attended": 1}, 2.5),
        (C.STAFF_TRAININGS, {"trainings_held": 0, "trainings_attended": 0}, 10),
        (C.STAFF_TRAININGS, {"trainings_held": 1, "trainings_attended": 2}, 10),
        # demand reports: quarters covered of 4
        (C.DEMAND_REPORTS, {"demand_quarters": (1, 3)}, 5),
        (C.DEMAND_REPORTS, {"demand_quarters": ()}, 0),
        # requests: closed of closed + escalated; none: full
        (C.REQUESTS_HANDLED, {"requests_closed": 3, "requests_escalated": 1}, 3.75),
        (C.REQUESTS_HANDLED, {"requests_closed": 0, "requests_escalated": 2}, 0),
        (C.REQUESTS_HANDLED, {"requests_closed": 0, "requests_escalated": 0}, 5),
        # satisfaction: average of 5; no rated request: full
        (C.SATISFACTION, {"satisfaction_average": 4.0}, 4),
        (C.SATISFACTION, {"satisfaction_average": None}, 5),
        # late information changes count against: one halves, two take all
        (C.LATE_INFO_CHANGES, {"late_info_changes": 0}, 5),
        (C.LATE_INFO_CHANGES, {"late_info_changes": 1}, 2.5),
        (C.LATE_INFO_CHANGES, {"late_info_changes": 3}, 0),
        (C.CONVENTION_SIGNED, {"convention_signed": False}, 0),
        # plan and summary: on time full, late half, missing nothing, not required full
        (C.PLAN_SUBMITTED, {"plan": Standing.LATE}, 2.5),
        (C.PLAN_SUBMITTED, {"plan": Standing.MISSING}, 0),
        (C.PLAN_SUBMITTED, {"plan": Standing.NOT_REQUIRED}, 5),
        (C.SUMMARY_SUBMITTED, {"summary": Standing.LATE}, 2.5),
    ],
)
def test_each_indicator_scores_its_evidence(code: IndicatorCode, evidence: dict[str, object], expected: float) -> None:
    assert score(code, **evidence) == pytest.approx(expected)


def test_the_breakdown_says_what_was_measured_and_why_a_duty_missed_scores_nothing() -> None:
    line = score_computed(CATALOGUE[C.PROMOTION_SESSIONS], full_marks(promotion_sessions=2))
    assert line.measured == "宣讲 2 次（不少于 3 次）"
    assert line.note is not None
    assert "不少于三次" in line.note
    assert line.computed_score == 0


def test_the_default_set_covers_every_computed_indicator_and_weighs_100() -> None:
    specs = default_indicators()
    assert {spec.code for spec in specs} == set(IndicatorCode)
    assert sum(spec.weight for spec in specs) == 100
    assert check_indicators(specs) == []


def test_a_manual_score_replaces_the_computed_one_and_both_stay_visible() -> None:
    computed = score_computed(CATALOGUE[C.PROMOTION_SESSIONS], full_marks(promotion_sessions=2))
    corrected = with_manual(computed, score=15, reason="经核实补录宣讲1次")
    assert (corrected.score, corrected.computed_score, corrected.manual_reason) == (15, 0, "经核实补录宣讲1次")
    assert corrected.note == computed.note


def test_a_manual_indicator_once_scored_no_longer_says_it_is_not_scored() -> None:
    unscored = unscored_manual(IndicatorSpec("field_visit", "实地核查", 10, manual=True))
    scored = with_manual(unscored, score=8, reason="现场核查台账齐全")

    assert "尚未录入评分" in (unscored.note or "")
    assert (scored.score, scored.note, scored.manual_reason) == (8, None, "现场核查台账齐全")


@pytest.mark.parametrize(
    ("specs", "problem_fields"),
    [
        ([IndicatorSpec("activities_organised", "主办", 60), IndicatorSpec("attendance", "人次", 30)], ["indicators"]),
        (
            [IndicatorSpec("attendance", "人次", 50), IndicatorSpec("attendance", "人次", 50)],
            ["indicators.1.code"],
        ),
        ([IndicatorSpec("Bad-Code", "x", 100, manual=True)], ["indicators.0.code"]),
        ([IndicatorSpec("quality", "quality", 100, manual=True)], ["indicators.0.name"]),
        ([IndicatorSpec("attendance", "人次", 100, target=-1)], ["indicators.0.target"]),
        (
            [IndicatorSpec("attendance", "人次", 0), IndicatorSpec("demand_reports", "需求", 100)],
            ["indicators.0.weight"],
        ),
        ([], ["indicators"]),
    ],
)
def test_a_cycle_refuses_indicators_that_do_not_weigh_100_or_are_malformed(
    specs: list[IndicatorSpec], problem_fields: list[str]
) -> None:
    assert [field for field, _ in check_indicators(specs)] == problem_fields


def test_a_configured_indicator_keeps_the_catalogue_name_and_target_unless_told_otherwise() -> None:
    assert resolve("promotion_sessions", weight=20, name=None, target=None, manual=False) == IndicatorSpec(
        "promotion_sessions", "宣讲推广（每年不少于3次）", 20, target=3
    )
    manual = resolve("service_quality", weight=20, name="服务质量综合评价", target=None, manual=False)
    assert manual.manual
    assert manual.name == "服务质量综合评价"
    assert check_indicators([resolve("attendance", weight=100, name=None, target=None, manual=True)]) != []
