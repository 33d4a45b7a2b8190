"""A review case: one forwarded application in its year's round, from expert review to its outcome.

New applications: in review → submitted to the bureau → shortlisted or not → recognised or
declined at the final list. Re-reviews (§4.2): in review → submitted → passed or failed by the
bureau's decision. Re-reviews do not go through the public notice: §4.1.3(3)–(5) (notice,
objections, final list and plaque) are the steps of a *new* recognition, and §4.2 says only that
re-review runs together with the year's application round and that the bureau confirms or
revokes; so a re-review case shares the round's expert review and criteria, then the bureau
decides it directly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from sme_review.domain.errors import FieldProblem, StateConflict, refuse
from sme_review.domain.scoring import case_score


class CaseKind(StrEnum):
    NEW = "new"  # 新申请认定
    RE_REVIEW = "re_review"  # 三年期满复核


class CaseStatus(StrEnum):
    IN_REVIEW = "in_review"  # 专家评审中
    SUBMITTED = "submitted"  # 推荐意见已报市工信局
    SHORTLISTED = "shortlisted"  # 列入入围名单（公示）
    NOT_SHORTLISTED = "not_shortlisted"  # 未列入入围名单
    RECOGNISED = "recognised"  # 已认定
    DECLINED = "declined"  # 未予认定
    RE_REVIEW_PASSED = "re_review_passed"  # 复核通过
    RE_REVIEW_FAILED = "re_review_failed"  # 复核不通过


class Recommendation(StrEnum):
    RECOMMEND = "recommend"  # 推荐
    NOT_RECOMMEND = "not_recommend"  # 不推荐


class DeclineCode(StrEnum):
    NOT_RECOMMENDED = "not_recommended"
    NOT_SHORTLISTED = "not_shortlisted"
    OBJECTION_UPHELD = "objection_upheld"


_AFTER_SUBMISSION = (CaseStatus.SUBMITTED, CaseStatus.SHORTLISTED, CaseStatus.NOT_SHORTLISTED)


@dataclass
class ApplicationFacts:
    """What the district forwarded about the applicant: what experts read (no staff names or phones)."""

    uscc: str
    entity_name: str
    district_code: str
    operator_type: str
    station_address: str
    services: tuple[str, ...]
    personalised_services: str
    industries: tuple[str, ...]
    full_time_staff: int
    district_opinion: str
    forwarded_at: datetime


@dataclass
class ReviewCase:
    id: str
    application_id: str
    round_year: int
    kind: CaseKind
    station_id: str | None
    facts: ApplicationFacts
    status: CaseStatus
    opened_at: datetime
    experts_assigned: int = 0
    experts_scored: int = 0
    score: Decimal | None = None
    review_completed_at: datetime | None = None
    recommendation: Recommendation | None = None
    recommendation_reasons: str = ""
    recommended_by: str | None = None
    recommended_at: datetime | None = None
    submitted_at: datetime | None = None
    shortlist_rank: int | None = None
    outcome_code: str | None = None
    outcome_reason: str = ""
    decided_on: date | None = None
    decided_at: datetime | None = None
    plaque_number: str | None = None
    plaque_sequence: int | None = None

    @property
    def uscc(self) -> str:
        return self.facts.uscc

    @property
    def district_code(self) -> str:
        return self.facts.district_code

    @property
    def entity_name(self) -> str:
        return self.facts.entity_name

    @property
    def expert_review_open(self) -> bool:
        """Whether assignments and score sheets may still change: in review, no recommendation yet."""
        return self.status is CaseStatus.IN_REVIEW and self.recommendation is None

    def ensure_expert_review_open(self) -> None:
        """Assignments and score sheets change only before the head station forms its recommendation."""
        if self.status is not CaseStatus.IN_REVIEW:
            raise StateConflict("案件已报送市工信局，专家评审已结束 (the case was submitted; expert review is over)")
        if self.recommendation is not None:
            raise StateConflict(
                "服务总站已形成推荐意见，评审结果已锁定 (the recommendation is recorded; the review is locked)"
            )

    def refresh_result(
        self, *, totals: Sequence[Decimal], active_experts: int, min_experts: int, now: datetime
    ) -> bool:
        """Recompute the score from the sheets of the active experts.

        The score exists only when at least ``min_experts`` are assigned and all of them submitted.
        Returns True when the experts' review has just become complete.
        """
        self.experts_assigned = active_experts
        self.experts_scored = len(totals)
        complete = active_experts >= max(min_experts, 1) and len(totals) == active_experts
        if not complete:
            self.score = None
            self.review_completed_at = None
            return False
        self.score = case_score(totals)
        if self.review_completed_at is not None:
            return False
        self.review_completed_at = now
        return True

    def record_recommendation(
        self, *, recommendation: Recommendation, reasons: str, min_experts: int, by: str, at: datetime
    ) -> None:
        """The head station's opinion on the case, with reasons, once every assigned expert has scored it."""
        if self.status is not CaseStatus.IN_REVIEW:
            raise StateConflict("案件已报送市工信局，推荐意见不能再修改 (submitted; the recommendation is final)")
        refuse(
            [FieldProblem("reasons", "请填写推荐理由 (reasons are required)", "missing")] if not reasons.strip() else []
        )
        if self.experts_assigned < max(min_experts, 1):
            raise StateConflict(
                f"本案件须至少由 {min_experts} 位专家评审，当前仅指派 {self.experts_assigned} 位 "
                f"(at least {min_experts} experts must review the case)",
                experts_assigned=self.experts_assigned,
                experts_required=min_experts,
            )
        if self.review_completed_at is None:
            raise StateConflict(
                f"尚有专家未提交评分：已评 {self.experts_scored}/{self.experts_assigned} "
                f"(only {self.experts_scored} of {self.experts_assigned} experts have scored the case)",
                experts_scored=self.experts_scored,
                experts_assigned=self.experts_assigned,
            )
        self.recommendation = recommendation
        self.recommendation_reasons = reasons.strip()
        self.recommended_by = by
        self.recommended_at = at

    def submit(self, at: datetime) -> None:
        """Hand the case's recommendation to the bureau with the round."""
        if self.status is not CaseStatus.IN_REVIEW or self.recommendation is None:
            raise StateConflict(f"案件 {self.application_id} 尚无推荐意见 (no recommendation yet)")
        self.status = CaseStatus.SUBMITTED
        self.submitted_at = at

    def place_on_shortlist(self, rank: int | None) -> None:
        """The bureau's shortlist: ``rank`` is its place on it, None when left off."""
        if self.kind is not CaseKind.NEW or self.status not in _AFTER_SUBMISSION:
            raise StateConflict(f"案件 {self.application_id} 不能列入入围名单 (cannot be shortlisted)")
        if rank is not None and self.recommendation is not Recommendation.RECOMMEND:
            raise StateConflict(f"案件 {self.application_id} 未获推荐，不能入围 (not recommended)")
        self.shortlist_rank = rank
        self.status = CaseStatus.NOT_SHORTLISTED if rank is None else CaseStatus.SHORTLISTED

    def recognise(self, *, plaque_number: str, sequence: int, on: date, at: datetime) -> None:
        """On the final list: the applicant becomes a station with this plaque."""
        if self.status is not CaseStatus.SHORTLISTED:
            raise StateConflict(f"案件 {self.application_id} 未入围，不能认定 (not shortlisted)")
        self.status = CaseStatus.RECOGNISED
        self.plaque_number = plaque_number
        self.plaque_sequence = sequence
        self._decide(None, "列入服务站最终认定名单", on, at)

    def decline(self, *, code: DeclineCode, reason: str, on: date, at: datetime) -> None:
        """The application ends without recognition, for this reason."""
        if self.kind is not CaseKind.NEW or self.status not in _AFTER_SUBMISSION:
            raise StateConflict(f"案件 {self.application_id} 不在待公布结果状态 (no outcome pending)")
        self.status = CaseStatus.DECLINED
        self._decide(code.value, reason, on, at)

    def decide_re_review(self, *, passed: bool, reason: str, on: date, at: datetime) -> None:
        """The bureau confirms the station (passed) or not (failed, which leads to revocation on ground 5)."""
        if self.kind is not CaseKind.RE_REVIEW:
            raise StateConflict("仅复核案件可作复核决定 (only re-review cases)")
        if self.status is not CaseStatus.SUBMITTED:
            raise StateConflict(
                "复核案件须先由服务总站报送推荐意见，且尚未作出决定 (submit the recommendation first; decide once)"
            )
        if not passed and not reason.strip():
            refuse([FieldProblem("reason", "复核不通过须说明理由 (a failed re-review needs a reason)", "missing")])
        self.status = CaseStatus.RE_REVIEW_PASSED if passed else CaseStatus.RE_REVIEW_FAILED
        self._decide(None, reason.strip() or "复核通过，予以确认", on, at)

    def _decide(self, code: str | None, reason: str, on: date, at: datetime) -> None:
        self.outcome_code = code
        self.outcome_reason = reason
        self.decided_on = on
        self.decided_at = at


@dataclass(frozen=True)
class CaseFilter:
    """What the case list is narrowed by; the district (officers) and USCC (applicants) are forced by role."""

    round_year: int | None = None
    kind: CaseKind | None = None
    status: CaseStatus | None = None
    district_code: str | None = None
    uscc: str | None = None
    recommendation: Recommendation | None = None
    undecided: bool | None = None
    expert_id: str | None = None
    name_contains: str | None = None
