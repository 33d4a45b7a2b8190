"""The round's steps: configuring criteria, submitting recommendations, fixing the shortlist."""

import pytest

from sme_review.domain.cases import CaseKind, CaseStatus, Recommendation
from sme_review.domain.errors import InvalidInput, StateConflict
from sme_review.domain.rounds import ReviewRound, RoundStatus
from sme_review.domain.scoring import Criterion

from .factories import NOW, case


def test_criteria_cannot_change_once_an_expert_has_scored() -> None:
    round_ = ReviewRound.open(2026, NOW)
    with pytest.raises(StateConflict, match="不能再修改"):
        round_.configure(criteria=[Criterion("premises", "服务场所", 100)], min_experts=1, scoring_started=True)
    round_.configure(criteria=[Criterion("premises", "服务场所", 100)], min_experts=1, scoring_started=False)
    assert round_.min_experts_per_case == 1


def test_the_round_cannot_be_submitted_while_a_case_has_no_recommendation_and_names_it() -> None:
    round_ = ReviewRound.open(2026, NOW)
    cases = [case("c-1", recommendation=Recommendation.RECOMMEND), case("c-2")]
    with pytest.raises(StateConflict) as refused:
        round_.submit(cases, NOW)
    assert refused.value.details["undecided_application_ids"] == ["app-c-2"]
    assert cases[0].status is CaseStatus.IN_REVIEW


def test_submitting_hands_every_decided_case_to_the_bureau() -> None:
    round_ = ReviewRound.open(2026, NOW)
    cases = [
        case("c-1", recommendation=Recommendation.RECOMMEND),
        case("c-2", recommendation=Recommendation.NOT_RECOMMEND),
    ]
    assert round_.submit(cases, NOW) == cases
    assert {c.status for c in cases} == {CaseStatus.SUBMITTED}
    assert round_.status is RoundStatus.SUBMITTED
    with pytest.raises(StateConflict, match="没有待报送"):
        round_.submit(cases, NOW)


def test_the_shortlist_holds_recommended_new_applications_only() -> None:
    round_ = ReviewRound.open(2026, NOW)
    recommended = case("c-1", status=CaseStatus.SUBMITTED, recommendation=Recommendation.RECOMMEND)
    refused_case = case("c-2", status=CaseStatus.SUBMITTED, recommendation=Recommendation.NOT_RECOMMEND)
    re_review = case(
        "c-3", kind=CaseKind.RE_REVIEW, status=CaseStatus.SUBMITTED, recommendation=Recommendation.RECOMMEND
    )
    round_.status = RoundStatus.SUBMITTED
    cases = [recommended, refused_case, re_review]
    with pytest.raises(InvalidInput) as refused:
        round_.fix_shortlist(cases, ["app-c-1", "app-c-2", "app-c-3", "app-c-1"], NOW)
    assert {p.field for p in refused.value.problems} == {"application_ids.1", "application_ids.2", "application_ids"}
    round_.fix_shortlist(cases, ["app-c-1"], NOW)
    assert (recommended.status, recommended.shortlist_rank) == (CaseStatus.SHORTLISTED, 1)
    assert refused_case.status is CaseStatus.NOT_SHORTLISTED
    assert re_review.status is CaseStatus.SUBMITTED


def test_the_shortlist_is_fixed_only_after_the_head_station_submitted() -> None:
    with pytest.raises(StateConflict, match="报送推荐意见之后"):
        ReviewRound.open(2026, NOW).fix_shortlist([], [], NOW)


def test_a_round_has_one_notice() -> None:
    round_ = ReviewRound.open(2026, NOW)
    round_.status = RoundStatus.SHORTLISTED
    round_.start_notice()
    with pytest.raises(StateConflict, match="只公示一次"):
        round_.start_notice()
