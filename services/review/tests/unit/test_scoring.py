"""Criteria, score sheets and a case's score."""

from decimal import Decimal

import pytest

from sme_review.domain.scoring import (
    DEFAULT_CRITERIA,
    Criterion,
    case_score,
    criteria_problems,
    sheet_problems,
    weighted_total,
)

CRITERIA = (Criterion("premises", "服务场所", 40), Criterion("staff", "专职人员", 60))


def test_the_default_criteria_are_the_six_of_the_guideline_and_weigh_100() -> None:
    assert [c.name for c in DEFAULT_CRITERIA] == ["服务场所", "专职人员", "服务能力", "服务经验", "管理制度", "影响力"]
    assert sum(c.weight for c in DEFAULT_CRITERIA) == 100
    assert criteria_problems(DEFAULT_CRITERIA, 3) == []


def test_weights_that_do_not_sum_to_100_are_refused() -> None:
    problems = criteria_problems((Criterion("premises", "服务场所", 40), Criterion("staff", "专职人员", 50)), 3)
    assert [p.field for p in problems] == ["criteria"]
    assert "90" in problems[0].message


def test_every_wrong_criterion_is_named_at_once() -> None:
    problems = criteria_problems(
        (Criterion("Premises!", "", 0), Criterion("staff", "专职人员", 50), Criterion("staff", "重复", 50)), 0
    )
    assert {p.field for p in problems} == {
        "criteria.0.code",
        "criteria.0.name",
        "criteria.0.weight",
        "criteria.2.code",
        "min_experts_per_case",
    }


def test_a_sheet_must_mark_every_criterion_from_0_to_100_and_nothing_else() -> None:
    problems = sheet_problems(CRITERIA, {"premises": 101, "influence": 50})
    assert {(p.field, p.code) for p in problems} == {
        ("marks.staff", "missing"),
        ("marks.influence", "unknown"),
        ("marks.premises", "out_of_range"),
    }
    assert sheet_problems(CRITERIA, {"premises": 0, "staff": 100}) == []


def test_an_experts_total_is_the_weighted_sum_of_its_marks() -> None:
    assert weighted_total(CRITERIA, {"premises": 80, "staff": 91}) == Decimal("86.60")
    assert weighted_total(DEFAULT_CRITERIA, {c.code: 100 for c in DEFAULT_CRITERIA}) == Decimal("100.00")


def test_a_cases_score_is_the_average_of_its_experts_totals() -> None:
    assert case_score([Decimal("86.60"), Decimal("70.00"), Decimal("75.11")]) == Decimal("77.24")
    with pytest.raises(ValueError, match="no score"):
        case_score([])


def test_a_remark_explains_a_criterion_of_the_round_in_at_most_500_characters() -> None:
    marks = {"premises": 80, "staff": 90}
    assert sheet_problems(CRITERIA, marks, {"premises": "服务大厅约 260 平方米"}) == []
    problems = sheet_problems(CRITERIA, marks, {"influence": "知名度高", "staff": "说" * 501})
    assert {(p.field, p.code) for p in problems} == {("remarks.influence", "unknown"), ("remarks.staff", "long")}
