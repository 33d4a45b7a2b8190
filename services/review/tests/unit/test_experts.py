"""Conflicts of interest, and what an assignment request must name."""

from datetime import date

import pytest

from sme_kit.errors import ValidationFailed
from sme_review.domain.errors import ConflictOfInterest
from sme_review.domain.experts import (
    assignment_request_problems,
    conflict_reason,
    ensure_assignment_request,
    ensure_no_conflict,
)

from .factories import APPLICANT_USCC, expert


def test_an_expert_from_the_applicants_own_organisation_may_not_review_it() -> None:
    reason = conflict_reason(expert(org_uscc=APPLICANT_USCC), [], APPLICANT_USCC)
    assert reason is not None
    assert "本单位" in reason


def test_an_expert_may_not_review_an_organisation_it_declared_a_conflict_with_however_it_was_typed() -> None:
    with pytest.raises(ConflictOfInterest, match="利益冲突") as refused:
        ensure_no_conflict(expert(), [APPLICANT_USCC.lower() + " "], APPLICANT_USCC)
    assert refused.value.details == {"expert_id": "expert-lin"}


def test_an_expert_without_a_conflict_may_review() -> None:
    assert conflict_reason(expert(), ["91440104MA5AB1CD2X"], APPLICANT_USCC) is None


def test_a_scoring_due_date_may_be_today_but_not_in_the_past() -> None:
    today = date(2026, 9, 1)
    assert assignment_request_problems(["expert-1"], today, today) == []
    assert [(p.field, p.code) for p in assignment_request_problems(["expert-1"], date(2026, 8, 31), today)] == [
        ("due_on", "past")
    ]


def test_an_assignment_names_experts_or_a_panel_and_every_problem_is_named_at_once() -> None:
    today = date(2026, 9, 1)
    with pytest.raises(ValidationFailed) as refused:
        ensure_assignment_request([], date(2026, 8, 31), today)
    assert [(e.field, e.code) for e in refused.value.errors] == [("expert_ids", "missing"), ("due_on", "past")]
