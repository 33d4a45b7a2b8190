"""The bureau's reports: results by district, and why a station is at risk."""

from __future__ import annotations

from sme_assessment.domain.cycles import Outcome
from sme_assessment.domain.plans import DocumentKind, LapseStatus
from sme_assessment.domain.reports import ResultLine, RiskReason, results_by_district, risk_reasons


def test_results_by_district_count_each_outcome_and_absence() -> None:
    lines = results_by_district(
        [
            ResultLine("440106", 80, Outcome.QUALIFIED),
            ResultLine("440106", 50, Outcome.UNQUALIFIED),
            ResultLine("440103", 70, Outcome.QUALIFIED),
        ],
        absent=[("440106", False), ("440111", True)],
        pending_rectifications=["440106"],
        districts=["440103", "440106", "440111", "440112"],
    )
    by_code = {line.district_code: line for line in lines}
    assert [line.district_code for line in lines] == ["440103", "440106", "440111", "440112"]
    tianhe = by_code["440106"]
    assert (tianhe.assessed, tianhe.qualified, tianhe.unqualified, tianhe.not_taking_part) == (2, 1, 1, 1)
    assert (tianhe.average_total, tianhe.rectifications_pending) == (65, 1)
    assert (by_code["440111"].exempted, by_code["440112"].average_total) == (1, None)


def test_a_station_is_at_risk_for_each_thing_against_it() -> None:
    assert risk_reasons(promotion_sessions=3, lapses=[], rectification_pending=False, revocation_proposed=False) == []
    assert risk_reasons(
        promotion_sessions=2,
        lapses=[(DocumentKind.PLAN, LapseStatus.LATE), (DocumentKind.SUMMARY, LapseStatus.MISSING)],
        rectification_pending=True,
        revocation_proposed=True,
    ) == [
        RiskReason.PROMOTION_BELOW_DUTY,
        RiskReason.PLAN_LATE,
        RiskReason.SUMMARY_MISSING,
        RiskReason.RECTIFICATION_PENDING,
        RiskReason.REVOCATION_PROPOSED,
    ]
