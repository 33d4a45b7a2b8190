"""Rectification's states, and revocation: who may raise which ground, and how the bureau decides."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from sme_assessment.domain.cycles import Outcome
from sme_assessment.domain.errors import AlreadyRevoked, DomainError, StateConflict
from sme_assessment.domain.rectification import Rectification, RectificationStatus
from sme_assessment.domain.revocation import CaseStatus, Origin, RevocationCase, check_origin
from sme_assessment.domain.stations import StationStatus
from sme_contracts.common import RevocationGround

from .factories import NOW, station


def ordered(due_on: date = date(2027, 2, 19)) -> Rectification:
    return Rectification(
        "r1", "res-1", "cy-2026", 2026, "st-1", "u", "440106", 48.5, due_on, RectificationStatus.ORDERED, NOW
    )


def test_a_report_before_the_deadline_is_on_time_and_then_the_bureau_re_assesses() -> None:
    rectification = ordered()
    rectification.submit_report(text="已补足宣讲", now=NOW + timedelta(days=3))
    assert (rectification.status, rectification.report_late) == (RectificationStatus.REPORTED, False)
    with pytest.raises(StateConflict):
        rectification.submit_report(text="再交一次", now=NOW + timedelta(days=4))
    rectification.reassess(outcome=Outcome.QUALIFIED, score=70, opinion="整改到位", now=NOW, by="bureau")
    assert rectification.status is RectificationStatus.QUALIFIED
    with pytest.raises(StateConflict):
        rectification.reassess(outcome=Outcome.UNQUALIFIED, score=None, opinion="改判", now=NOW, by="bureau")


def test_the_bureau_cannot_re_assess_before_a_report_or_the_deadline() -> None:
    with pytest.raises(StateConflict):
        ordered().reassess(outcome=Outcome.UNQUALIFIED, score=None, opinion="未整改", now=NOW, by="bureau")


def test_a_missing_report_is_recorded_once_and_a_late_report_is_still_accepted() -> None:
    rectification = ordered(due_on=NOW.date())
    assert rectification.record_missing(NOW + timedelta(days=1))
    assert not rectification.record_missing(NOW + timedelta(days=2))
    rectification.submit_report(text="迟交的整改报告", now=NOW + timedelta(days=3))
    assert (rectification.status, rectification.report_late) == (RectificationStatus.REPORTED, True)


def test_a_missing_report_lets_the_bureau_re_assess_on_what_it_has() -> None:
    rectification = ordered()
    rectification.record_missing(NOW)
    rectification.reassess(outcome=Outcome.UNQUALIFIED, score=None, opinion="逾期未整改", now=NOW, by="bureau")
    assert rectification.status is RectificationStatus.UNQUALIFIED


def test_a_revocation_closes_a_pending_rectification_but_not_a_finished_one() -> None:
    pending = ordered()
    assert pending.close("服务站已被撤销")
    assert pending.status is RectificationStatus.CLOSED
    done = ordered()
    done.record_missing(NOW)
    done.reassess(outcome=Outcome.QUALIFIED, score=None, opinion="合格", now=NOW, by="bureau")
    assert not done.close("服务站已被撤销")


@pytest.mark.parametrize(
    ("origin", "allowed"),
    [
        (Origin.AUTOMATIC, {5, 6}),
        (Origin.OPERATOR, {7}),
        (Origin.BUREAU, {1, 2, 3, 4, 8}),
    ],
)
def test_each_ground_is_raised_only_by_its_proposer(origin: Origin, allowed: set[int]) -> None:
    for ground in RevocationGround:
        if int(ground) in allowed:
            check_origin(ground, origin)
        else:
            with pytest.raises(DomainError):
                check_origin(ground, origin)


def case() -> RevocationCase:
    return RevocationCase(
        "rv-1", "st-1", "u", "440106", RevocationGround.ASSESSMENT_SKIPPED_OR_FAILED, Origin.AUTOMATIC,
        "整改后复评仍不合格", "证据", CaseStatus.OPEN, "system", NOW,
    )  # fmt: skip


def test_a_case_names_its_ground_in_the_guidelines_words() -> None:
    assert case().ground_text == "无故不参加年度考核，或整改后年度考核结果仍为“不合格”"


def test_a_revocation_takes_effect_on_or_after_the_decision_and_is_explained() -> None:
    today = NOW.date()
    for reason, decided, effective in (("", today, today), ("理由", today, today - timedelta(days=1))):
        with pytest.raises(DomainError):
            case().revoke(reason=reason, decided_on=decided, effective_on=effective, now=NOW, by="bureau")
    with pytest.raises(DomainError):
        case().revoke(
            reason="理由", decided_on=today + timedelta(days=1), effective_on=today + timedelta(days=1), now=NOW, by="b"
        )
    revoked = case()
    revoked.revoke(reason="理由", decided_on=today, effective_on=today + timedelta(days=3), now=NOW, by="bureau")
    assert (revoked.status, revoked.effective_on) == (CaseStatus.REVOKED, today + timedelta(days=3))


def test_a_case_is_decided_once() -> None:
    decided = case()
    decided.dismiss(reason="经核查情况不属实", now=NOW, by="bureau")
    with pytest.raises(StateConflict):
        decided.revoke(reason="理由", decided_on=NOW.date(), effective_on=NOW.date(), now=NOW, by="bureau")
    assert not decided.supersede(reason="已撤销", now=NOW)
    with pytest.raises(DomainError):
        case().dismiss(reason=" ", now=NOW, by="bureau")


def test_a_station_is_revoked_only_once() -> None:
    today = NOW.date()
    decision = {"reason": "理由", "decided_on": today, "effective_on": today, "now": NOW, "by": "bureau"}
    revoked_on_register = station("st-1")
    revoked_on_register.status = StationStatus.REVOKED
    with pytest.raises(AlreadyRevoked):
        case().revoke(**decision, station=revoked_on_register)  # type: ignore[arg-type]

    earlier = case()
    earlier.revoke(**decision)  # type: ignore[arg-type]
    with pytest.raises(StateConflict) as twice:
        case().revoke(**decision, station=station("st-1"), revoked_before=[earlier])  # type: ignore[arg-type]
    assert "不能重复撤销" in str(twice.value)

    first = case()
    first.revoke(**decision, station=station("st-1"), revoked_before=[case()])  # type: ignore[arg-type]
    assert first.status is CaseStatus.REVOKED


def test_evidence_is_added_only_while_the_case_is_open() -> None:
    case().require_open_for_evidence()
    dismissed = case()
    dismissed.dismiss(reason="经核查情况不属实", now=NOW, by="bureau")
    with pytest.raises(StateConflict, match="不能再补充证据"):
        dismissed.require_open_for_evidence()
