"""A year's review round: its scoring scheme and the steps the head station and the bureau take in turn.

reviewing → submitted (head station reported its recommendations, §4.1.3(2)) → shortlisted (bureau
fixed the shortlist) → notice published → notice ended (§4.1.3(3)) → finalised (§4.1.3(5)).
The head station may submit again while the bureau has not fixed the shortlist (a case forwarded
late joins that way); once the shortlist is fixed, a late case waits for a supplementary round.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sme_review.domain.cases import CaseKind, CaseStatus, Recommendation, ReviewCase
from sme_review.domain.errors import FieldProblem, StateConflict, refuse
from sme_review.domain.scoring import DEFAULT_CRITERIA, DEFAULT_MIN_EXPERTS, Criterion, criteria_problems


class RoundStatus(StrEnum):
    REVIEWING = "reviewing"  # 专家评审中
    SUBMITTED = "submitted"  # 推荐意见已报市工信局
    SHORTLISTED = "shortlisted"  # 入围名单已核定
    NOTICE_PUBLISHED = "notice_published"  # 公示中
    NOTICE_ENDED = "notice_ended"  # 公示期满
    FINALISED = "finalised"  # 最终认定名单已公布


_SHORTLISTABLE = (CaseStatus.SUBMITTED, CaseStatus.SHORTLISTED, CaseStatus.NOT_SHORTLISTED)


@dataclass
class ReviewRound:
    year: int
    status: RoundStatus
    criteria: tuple[Criterion, ...]
    min_experts_per_case: int
    created_at: datetime
    submitted_at: datetime | None = None
    shortlist_fixed_at: datetime | None = None
    finalised_at: datetime | None = None

    @classmethod
    def open(cls, year: int, at: datetime) -> ReviewRound:
        """A new round with the default criteria; the head station may configure others before scoring starts."""
        return cls(year, RoundStatus.REVIEWING, DEFAULT_CRITERIA, DEFAULT_MIN_EXPERTS, at)

    def configure(self, *, criteria: Sequence[Criterion], min_experts: int, scoring_started: bool) -> None:
        """Set the criteria and panel size; only before any expert has scored a case of the round."""
        if self.status is not RoundStatus.REVIEWING or scoring_started:
            raise StateConflict(
                f"{self.year}年度已有专家提交评分或推荐意见已报送，评分指标不能再修改 "
                "(scoring has started; the criteria are fixed)"
            )
        refuse(criteria_problems(criteria, min_experts))
        self.criteria = tuple(criteria)
        self.min_experts_per_case = min_experts

    def submit(self, cases: Sequence[ReviewCase], at: datetime) -> list[ReviewCase]:
        """Report every decided case to the bureau; refused while any case has no recommendation."""
        if self.status not in (RoundStatus.REVIEWING, RoundStatus.SUBMITTED):
            raise StateConflict(f"{self.year}年度入围名单已核定，不能再报送推荐意见 (the shortlist is already fixed)")
        pending = [case for case in cases if case.status is CaseStatus.IN_REVIEW]
        undecided = [case.application_id for case in pending if case.recommendation is None]
        if undecided:
            raise StateConflict(
                f"尚有 {len(undecided)} 个案件未形成推荐意见 ({len(undecided)} case(s) have no recommendation yet)",
                undecided_application_ids=undecided,
            )
        if not pending:
            raise StateConflict("没有待报送的案件 (no case is waiting to be submitted)")
        for case in pending:
            case.submit(at)
        self.status = RoundStatus.SUBMITTED
        self.submitted_at = at
        return pending

    def fix_shortlist(self, cases: Sequence[ReviewCase], application_ids: Sequence[str], at: datetime) -> None:
        """The bureau's shortlist, in its order, chosen among the recommended new applications."""
        if self.status not in (RoundStatus.SUBMITTED, RoundStatus.SHORTLISTED):
            raise StateConflict(
                "须在服务总站报送推荐意见之后、公示之前核定入围名单 "
                "(the shortlist is fixed after the recommendations and before the notice)"
            )
        eligible = {
            case.application_id: case for case in cases if case.kind is CaseKind.NEW and case.status in _SHORTLISTABLE
        }
        counts = Counter(application_ids)
        problems = [
            FieldProblem(f"application_ids.{index}", _why_not_shortlistable(eligible.get(app_id)), "not_eligible")
            for index, app_id in enumerate(application_ids)
            if app_id not in eligible or eligible[app_id].recommendation is not Recommendation.RECOMMEND
        ]
        problems += [
            FieldProblem("application_ids", f"{app_id} 重复 (listed twice)", "duplicate")
            for app_id, count in counts.items()
            if count > 1
        ]
        refuse(problems)
        ranks = {app_id: rank for rank, app_id in enumerate(application_ids, start=1)}
        for app_id, case in eligible.items():
            case.place_on_shortlist(ranks.get(app_id))
        self.status = RoundStatus.SHORTLISTED
        self.shortlist_fixed_at = at

    def ensure_notice_may_start(self) -> None:
        """Refuse a notice before the shortlist is fixed, and a second notice of the round."""
        if self.status is not RoundStatus.SHORTLISTED:
            raise StateConflict(
                "须先核定入围名单，且每个年度只公示一次 (fix the shortlist first; one notice per round)"
            )

    def start_notice(self) -> None:
        self.ensure_notice_may_start()
        self.status = RoundStatus.NOTICE_PUBLISHED

    def end_notice(self) -> None:
        if self.status is RoundStatus.NOTICE_PUBLISHED:
            self.status = RoundStatus.NOTICE_ENDED

    def finalise(self, at: datetime) -> None:
        self.status = RoundStatus.FINALISED
        self.finalised_at = at


def _why_not_shortlistable(case: ReviewCase | None) -> str:
    if case is None:
        return "不是本年度已报送的新申请案件 (not a submitted new application of this round)"
    return "服务总站未推荐该申请，不能入围 (not recommended by the head station)"
