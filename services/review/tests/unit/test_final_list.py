"""Who the final list recognises, who it declines, and when it may be published."""

import pytest

from sme_review.domain.cases import CaseStatus, DeclineCode, Recommendation
from sme_review.domain.errors import StateConflict
from sme_review.domain.final_list import decide, ensure_ready, plaque_number
from sme_review.domain.notices import NoticeStatus
from sme_review.domain.objections import ObjectionOutcome
from sme_review.domain.rounds import ReviewRound, RoundStatus

from .factories import NOW, case, notice, objection

FINDINGS = "经核查，该单位专职人员确为1名，异议成立。"


def shortlisted(case_id: str, rank: int):  # type: ignore[no-untyped-def]
    return case(case_id, status=CaseStatus.SHORTLISTED, recommendation=Recommendation.RECOMMEND, rank=rank)


def test_plaque_numbers_are_sequential_within_the_year() -> None:
    assert plaque_number(2026, 1) == "穗中小服站〔2026〕001号"
    assert plaque_number(2026, 12) == "穗中小服站〔2026〕012号"


def test_an_upheld_objection_removes_the_applicant_and_a_rejected_one_keeps_it() -> None:
    upheld, kept, quiet = shortlisted("c-1", 1), shortlisted("c-2", 2), shortlisted("c-3", 3)
    against_first, against_second = objection("ob-1", "c-1"), objection("ob-2", "c-2")
    against_first.resolve(outcome=ObjectionOutcome.UPHELD, findings=FINDINGS, by="b", at=NOW)
    against_second.resolve(outcome=ObjectionOutcome.NOT_UPHELD, findings="经核查材料属实，异议不成立。", by="b", at=NOW)

    decision = decide([upheld, kept, quiet], [against_first, against_second], first_sequence=1)

    assert [(r.case.id, r.plaque_number) for r in decision.recognitions] == [
        ("c-2", "穗中小服站〔2026〕001号"),
        ("c-3", "穗中小服站〔2026〕002号"),
    ]
    assert [(d.case.id, d.code) for d in decision.declines] == [("c-1", DeclineCode.OBJECTION_UPHELD)]
    assert FINDINGS in decision.declines[0].reason


def test_not_recommended_and_not_shortlisted_applications_are_declined_with_their_reason() -> None:
    not_recommended = case("c-1", status=CaseStatus.NOT_SHORTLISTED, recommendation=Recommendation.NOT_RECOMMEND)
    left_off = case("c-2", status=CaseStatus.NOT_SHORTLISTED, recommendation=Recommendation.RECOMMEND)
    decision = decide([not_recommended, left_off], [], first_sequence=5)
    assert decision.recognitions == ()
    assert [(d.case.id, d.code) for d in decision.declines] == [
        ("c-1", DeclineCode.NOT_RECOMMENDED),
        ("c-2", DeclineCode.NOT_SHORTLISTED),
    ]
    assert "综合评分较高" in decision.declines[0].reason


def test_the_final_list_waits_for_the_end_of_the_period_and_every_objection() -> None:
    round_ = ReviewRound.open(2026, NOW)
    round_.status = RoundStatus.NOTICE_PUBLISHED
    running = notice()
    with pytest.raises(StateConflict) as refused:
        ensure_ready(round_, running, [objection()], shortlisted=1)
    assert len(refused.value.details["missing"]) == 2
    assert refused.value.details["unresolved_objection_ids"] == ["ob-1"]
    running.status = NoticeStatus.ENDED
    resolved = objection()
    resolved.resolve(outcome=ObjectionOutcome.NOT_UPHELD, findings="经核查材料属实，异议不成立。", by="b", at=NOW)
    ensure_ready(round_, running, [resolved], shortlisted=1)


def test_a_fixed_but_unpublished_shortlist_blocks_the_final_list_and_an_empty_one_does_not() -> None:
    round_ = ReviewRound.open(2026, NOW)
    round_.status = RoundStatus.SHORTLISTED
    with pytest.raises(StateConflict, match="尚未公示"):
        ensure_ready(round_, None, [], shortlisted=2)
    ensure_ready(round_, None, [], shortlisted=0)
    round_.status = RoundStatus.SUBMITTED
    with pytest.raises(StateConflict, match="尚未核定"):
        ensure_ready(round_, None, [], shortlisted=0)
