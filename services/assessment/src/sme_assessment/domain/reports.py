"""What the bureau reads at a glance: results by district, and the stations at risk."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from sme_assessment.domain.cycles import Outcome
from sme_assessment.domain.indicators import PROMOTION_DUTY
from sme_assessment.domain.plans import DocumentKind, LapseStatus


@dataclass(frozen=True)
class ResultLine:
    district_code: str
    total: float
    outcome: Outcome


@dataclass(frozen=True)
class DistrictResults:
    district_code: str
    assessed: int
    qualified: int
    unqualified: int
    not_taking_part: int
    exempted: int
    average_total: float | None
    rectifications_pending: int


def results_by_district(
    results: Iterable[ResultLine],
    *,
    absent: Iterable[tuple[str, bool]],
    pending_rectifications: Iterable[str],
    districts: Iterable[str],
) -> list[DistrictResults]:
    """One line per district: how many assessed, qualified, unqualified, absent, exempted, and pending.

    ``absent`` holds (district, excused) of each station that did not take part.
    """
    lines = list(results)
    gone = list(absent)
    pending = list(pending_rectifications)
    summary = []
    for code in sorted(set(districts) | {r.district_code for r in lines} | {d for d, _ in gone}):
        mine = [r for r in lines if r.district_code == code]
        summary.append(
            DistrictResults(
                district_code=code,
                assessed=len(mine),
                qualified=sum(r.outcome is Outcome.QUALIFIED for r in mine),
                unqualified=sum(r.outcome is Outcome.UNQUALIFIED for r in mine),
                not_taking_part=sum(d == code and not excused for d, excused in gone),
                exempted=sum(d == code and excused for d, excused in gone),
                average_total=round(sum(r.total for r in mine) / len(mine), 2) if mine else None,
                rectifications_pending=pending.count(code),
            )
        )
    return summary


class RiskReason(StrEnum):
    PROMOTION_BELOW_DUTY = "promotion_below_duty"
    PLAN_MISSING = "plan_missing"
    PLAN_LATE = "plan_late"
    SUMMARY_MISSING = "summary_missing"
    SUMMARY_LATE = "summary_late"
    RECTIFICATION_PENDING = "rectification_pending"
    REVOCATION_PROPOSED = "revocation_proposed"


RISK_TEXT = {
    RiskReason.PROMOTION_BELOW_DUTY: "本年度宣讲不足3次",
    RiskReason.PLAN_MISSING: "工作计划逾期未提交",
    RiskReason.PLAN_LATE: "工作计划逾期提交",
    RiskReason.SUMMARY_MISSING: "工作总结逾期未提交",
    RiskReason.SUMMARY_LATE: "工作总结逾期提交",
    RiskReason.RECTIFICATION_PENDING: "整改尚未完成",
    RiskReason.REVOCATION_PROPOSED: "有待决定的撤销提议",
}

_LAPSE_REASONS = {
    (DocumentKind.PLAN, LapseStatus.MISSING): RiskReason.PLAN_MISSING,
    (DocumentKind.PLAN, LapseStatus.LATE): RiskReason.PLAN_LATE,
    (DocumentKind.SUMMARY, LapseStatus.MISSING): RiskReason.SUMMARY_MISSING,
    (DocumentKind.SUMMARY, LapseStatus.LATE): RiskReason.SUMMARY_LATE,
}


def risk_reasons(
    *,
    promotion_sessions: int,
    lapses: Sequence[tuple[DocumentKind, LapseStatus]],
    rectification_pending: bool,
    revocation_proposed: bool,
) -> list[RiskReason]:
    """Why a station is at risk of an unqualified result or of losing its title; empty when it is not."""
    reasons = []
    if promotion_sessions < PROMOTION_DUTY:
        reasons.append(RiskReason.PROMOTION_BELOW_DUTY)
    reasons += [_LAPSE_REASONS[lapse] for lapse in sorted(set(lapses))]
    if rectification_pending:
        reasons.append(RiskReason.RECTIFICATION_PENDING)
    if revocation_proposed:
        reasons.append(RiskReason.REVOCATION_PROPOSED)
    return reasons
