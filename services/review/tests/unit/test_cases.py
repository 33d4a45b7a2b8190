"""A case's expert review, recommendation and re-review decision."""

from datetime import date
from decimal import Decimal

import pytest

from sme_review.domain.cases import CaseKind, CaseStatus, Recommendation
from sme_review.domain.errors import InvalidInput, StateConflict

from .factories import NOW, case


def test_the_review_is_complete_only_when_every_assigned_expert_scored() -> None:
    reviewed = case()
    assert reviewed.refresh_result(totals=[Decimal(80), Decimal(90)], active_experts=3, min_experts=3, now=NOW) is False
    assert reviewed.score is None
    assert reviewed.refresh_result(
        totals=[Decimal(80), Decimal(90), Decimal(70)], active_experts=3, min_experts=3, now=NOW
    )
    assert reviewed.score == Decimal("80.00")
    # A revised sheet changes the score but the review does not "complete" a second time.
    assert not reviewed.refresh_result(
        totals=[Decimal(80), Decimal(90), Decimal(100)], active_experts=3, min_experts=3, now=NOW
    )
    assert reviewed.score == Decimal("90.00")


def test_fewer_experts_than_the_round_requires_never_complete_a_review() -> None:
    reviewed = case()
    assert not reviewed.refresh_result(totals=[Decimal(80)], active_experts=1, min_experts=3, now=NOW)
    with pytest.raises(StateConflict, match="至少由 3 位专家"):
        reviewed.record_recommendation(
            recommendation=Recommendation.RECOMMEND, reasons="好", min_experts=3, by="hs", at=NOW
        )


def test_a_case_with_fewer_scores_than_assigned_experts_cannot_be_recommended() -> None:
    reviewed = case()
    reviewed.refresh_result(totals=[Decimal(80), Decimal(90)], active_experts=3, min_experts=3, now=NOW)
    with pytest.raises(StateConflict, match="已评 2/3") as refused:
        reviewed.record_recommendation(
            recommendation=Recommendation.RECOMMEND, reasons="综合评分较高", min_experts=3, by="hs", at=NOW
        )
    assert refused.value.details == {"experts_scored": 2, "experts_assigned": 3}


def test_a_recommendation_needs_reasons_and_locks_the_experts_review() -> None:
    reviewed = case()
    reviewed.refresh_result(totals=[Decimal(80)] * 3, active_experts=3, min_experts=3, now=NOW)
    with pytest.raises(InvalidInput) as refused:
        reviewed.record_recommendation(
            recommendation=Recommendation.RECOMMEND, reasons=" ", min_experts=3, by="hs", at=NOW
        )
    assert [p.field for p in refused.value.problems] == ["reasons"]
    reviewed.record_recommendation(
        recommendation=Recommendation.RECOMMEND, reasons="服务能力强", min_experts=3, by="hs", at=NOW
    )
    with pytest.raises(StateConflict, match="锁定"):
        reviewed.ensure_expert_review_open()


def test_a_re_review_is_decided_by_the_bureau_after_submission_and_a_failure_needs_a_reason() -> None:
    re_review = case(kind=CaseKind.RE_REVIEW, status=CaseStatus.SUBMITTED, recommendation=Recommendation.NOT_RECOMMEND)
    with pytest.raises(InvalidInput):
        re_review.decide_re_review(passed=False, reason="", on=date(2026, 10, 20), at=NOW)
    re_review.decide_re_review(passed=False, reason="服务场所已不具备", on=date(2026, 10, 20), at=NOW)
    assert re_review.status is CaseStatus.RE_REVIEW_FAILED
    with pytest.raises(StateConflict):
        re_review.decide_re_review(passed=True, reason="", on=date(2026, 10, 21), at=NOW)


def test_a_new_application_has_no_re_review_decision() -> None:
    with pytest.raises(StateConflict, match="仅复核案件"):
        case(status=CaseStatus.SUBMITTED).decide_re_review(passed=True, reason="", on=date(2026, 10, 20), at=NOW)


def test_experts_may_revise_their_sheets_only_until_the_recommendation_is_recorded() -> None:
    reviewed = case()
    reviewed.refresh_result(totals=[Decimal(80)], active_experts=1, min_experts=1, now=NOW)
    assert reviewed.expert_review_open

    reviewed.record_recommendation(
        recommendation=Recommendation.RECOMMEND, reasons="好", min_experts=1, by="hs", at=NOW
    )

    assert not reviewed.expert_review_open
    with pytest.raises(StateConflict, match="评审结果已锁定"):
        reviewed.ensure_expert_review_open()
