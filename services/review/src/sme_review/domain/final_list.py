"""The final list (§4.1.3(5)): who is recognised and gets a plaque, who is declined and why.

"公示期结束后，对于公示期内没有异议的申请单位，以及有异议但经调查核实没有问题的申请单位，由市工业和信息化局
公布服务站最终认定名单": the bureau may publish only after the period ended and every objection was
investigated. A shortlisted applicant with no upheld objection is recognised; one with an upheld
objection, and every new application that was not recommended or not shortlisted, is declined.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sme_review.domain.cases import CaseKind, CaseStatus, DeclineCode, Recommendation, ReviewCase
from sme_review.domain.errors import StateConflict
from sme_review.domain.notices import Notice, NoticeStatus
from sme_review.domain.objections import Objection, ObjectionOutcome, ObjectionStatus
from sme_review.domain.rounds import ReviewRound, RoundStatus


def plaque_number(year: int, sequence: int) -> str:
    """The number on a station's plaque, sequential within a year: 穗中小服站〔2026〕001号."""
    return f"穗中小服站〔{year}〕{sequence:03d}号"


@dataclass(frozen=True)
class Recognition:
    case: ReviewCase
    plaque_number: str
    sequence: int


@dataclass(frozen=True)
class Decline:
    case: ReviewCase
    code: DeclineCode
    reason: str


@dataclass(frozen=True)
class FinalListDecision:
    recognitions: tuple[Recognition, ...]
    declines: tuple[Decline, ...]


def ensure_ready(
    round_: ReviewRound, notice: Notice | None, objections: Sequence[Objection], *, shortlisted: int
) -> None:
    """Refuse the final list until the notice period ended and every objection is resolved, naming what is missing.

    A round whose shortlist was fixed empty has nothing to publish for objections, so it needs no notice.
    """
    if round_.status is RoundStatus.FINALISED:
        raise StateConflict(f"{round_.year}年度最终认定名单已公布 (the final list is already published)")
    missing: list[str] = []
    if notice is None and round_.status is not RoundStatus.SHORTLISTED:
        missing.append("入围名单尚未核定 (the bureau has not fixed the shortlist)")
    elif notice is None and shortlisted:
        missing.append("入围名单尚未公示 (the shortlist has not been published for public notice)")
    elif notice is not None and notice.status is not NoticeStatus.ENDED:
        end = notice.period_end
        missing.append(f"公示期至 {end:%Y年%m月%d日} 结束，尚未期满 (the notice period runs until {end})")
    unresolved = [objection.id for objection in objections if objection.status is not ObjectionStatus.RESOLVED]
    if unresolved:
        missing.append(f"尚有 {len(unresolved)} 件异议未办结 ({len(unresolved)} objection(s) not yet resolved)")
    if missing:
        raise StateConflict(
            "暂不能公布最终认定名单：" + "；".join(missing),
            missing=missing,
            unresolved_objection_ids=unresolved,
            period_end=notice.period_end.isoformat() if notice else None,
        )


def decide(cases: Sequence[ReviewCase], objections: Sequence[Objection], first_sequence: int) -> FinalListDecision:
    """Recognise or decline every new application of the round that was submitted to the bureau."""
    upheld: dict[str, list[Objection]] = {}
    for objection in objections:
        if objection.outcome is ObjectionOutcome.UPHELD:
            upheld.setdefault(objection.case_id, []).append(objection)
    recognitions: list[Recognition] = []
    declines: list[Decline] = []
    sequence = first_sequence
    shortlisted = sorted(
        (c for c in cases if c.kind is CaseKind.NEW and c.status is CaseStatus.SHORTLISTED),
        key=lambda c: c.shortlist_rank or 0,
    )
    for case in shortlisted:
        if case.id in upheld:
            findings = "；".join(o.findings for o in upheld[case.id])
            reason = f"公示期内收到异议，经市工业和信息化局调查核实，异议成立：{findings}"
            declines.append(Decline(case, DeclineCode.OBJECTION_UPHELD, reason))
            continue
        recognitions.append(Recognition(case, plaque_number(case.round_year, sequence), sequence))
        sequence += 1
    for case in cases:
        if case.kind is not CaseKind.NEW or case.status is not CaseStatus.NOT_SHORTLISTED:
            continue
        if case.recommendation is Recommendation.NOT_RECOMMEND:
            reason = f"经专家评审，服务总站未予推荐：{case.recommendation_reasons}"
            declines.append(Decline(case, DeclineCode.NOT_RECOMMENDED, reason))
        else:
            reason = "经市工业和信息化局根据推荐意见核定，未列入服务站入围名单"
            declines.append(Decline(case, DeclineCode.NOT_SHORTLISTED, reason))
    return FinalListDecision(tuple(recognitions), tuple(declines))


@dataclass(frozen=True)
class FinalListEntry:
    """A recognised station as the public reads it on the final list."""

    application_id: str
    entity_name: str
    district_code: str
    station_address: str
    plaque_number: str


@dataclass(frozen=True)
class FinalList:
    id: str
    round_year: int
    title: str
    published_on: date
    entries: tuple[FinalListEntry, ...]
    declined_application_ids: tuple[str, ...]
    published_at: datetime
    published_by: str


def final_list_title(year: int) -> str:
    return f"{year}年广州市民营和中小企业服务站最终认定名单"


def entries_of(decision: FinalListDecision) -> tuple[FinalListEntry, ...]:
    return tuple(
        FinalListEntry(
            application_id=r.case.application_id,
            entity_name=r.case.entity_name,
            district_code=r.case.district_code,
            station_address=r.case.facts.station_address,
            plaque_number=r.plaque_number,
        )
        for r in decision.recognitions
    )
