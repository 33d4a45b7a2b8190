"""Events published by the review service: expert review, the public notice and objections, outcomes.

Four topics, one per aggregate so that one aggregate's events stay ordered:

- ``gz.sme.review.case`` (key: case id): a forwarded application became a case, experts were
  assigned or withdrawn, the experts' review of a case is complete;
- ``gz.sme.review.round`` (key: round year): the head station submitted the round's
  recommendations to the bureau, the bureau published the final list;
- ``gz.sme.review.notice`` (key: notice id): the notice was published or ended, an objection was
  received or resolved;
- ``gz.sme.review.outcome`` (key: application id): recognised, declined, re-review passed or
  failed — what registry and assessment act on.

Personal data stays out: no names of experts or of applicants' staff, and never the identity,
ID number or contact details of whoever filed an objection (PIPL; the bureau alone reads those
through the review service's API).
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from sme_contracts.base import Event
from sme_contracts.calendar import CalendarYearMissing
from sme_contracts.registry import ApplicationKind
from sme_contracts.topics import topic

REVIEW_CASE = topic(
    "gz.sme.review.case",
    "review",
    "Review cases (§4.1.3(2)): opened from a forwarded application, experts assigned or withdrawn, "
    "the experts' review completed.",
)
REVIEW_ROUND = topic(
    "gz.sme.review.round",
    "review",
    "A year's review round: recommendations submitted to the bureau (§4.1.3(2)), final list published (§4.1.3(5)).",
)
REVIEW_NOTICE = topic(
    "gz.sme.review.notice",
    "review",
    "The public notice of the shortlist (§4.1.3(3)) and the objections filed against it (§4.1.3(4)).",
)
REVIEW_CALENDAR = topic(
    "gz.sme.review.calendar",
    "review",
    "Reminders that the working-day calendar of the review service lacks a year its deadlines need.",
)
REVIEW_OUTCOME = topic(
    "gz.sme.review.outcome",
    "review",
    "Outcomes of a round per application: recognised (final list), declined, "
    "re-review passed or failed (§4.1.3(5), §4.2).",
)

_CASE_ID = Field(description="Review's id of the case.", examples=["c7d1e0a2-5b44-4f0e-9a61-0c3f2b8d7e19"])
_APPLICATION_ID = Field(
    description="Registry's id of the application.", examples=["a3f1c2d4-0b6e-4c1a-9f7e-2d5b8c9e0a11"]
)
_ROUND_YEAR = Field(description="Year of the application round.", examples=[2026])
_USCC = Field(description="Unified social credit code of the applying legal entity.", examples=["91440106MA59C1XE2H"])
_ENTITY = Field(
    description="Registered name of the applying legal entity.", examples=["广州市天河区创新企业服务有限公司"]
)
_DISTRICT = Field(description="6-digit division code of the applicant's district.", examples=["440106"])
_EXPERT_ID = Field(
    description="The expert's id in the expert pool (the subject of its token).", examples=["expert-lin"]
)
_NOTICE_ID = Field(description="Review's id of the public notice.", examples=["n-2026-5f0c"])


# --- cases ---------------------------------------------------------------------------------------


class ReviewCaseOpened(Event):
    """A forwarded application became a review case in its year's round; the head station organises its review."""

    event_type: ClassVar[str] = "gz.sme.review.case.opened.v1"
    topic = REVIEW_CASE
    subject_field: ClassVar[str] = "case_id"

    case_id: str = _CASE_ID
    application_id: str = _APPLICATION_ID
    round_year: int = _ROUND_YEAR
    kind: ApplicationKind = Field(description="New application or re-review (§4.2).", examples=["new"])
    station_id: str | None = Field(default=None, description="For a re-review: the station concerned.")
    uscc: str = _USCC
    entity_name: str = _ENTITY
    district_code: str = _DISTRICT
    opened_at: datetime


class ExpertAssigned(Event):
    """An expert was assigned to review a case (tells the expert what to score and by when)."""

    event_type: ClassVar[str] = "gz.sme.review.case.expert_assigned.v1"
    topic = REVIEW_CASE
    subject_field: ClassVar[str] = "case_id"

    assignment_id: str = Field(examples=["as-3b9e"])
    case_id: str = _CASE_ID
    round_year: int = _ROUND_YEAR
    expert_id: str = _EXPERT_ID
    entity_name: str = Field(description="The applicant whose case is to be scored (an organisation).")
    due_on: date = Field(description="Last day to submit the score sheet.", examples=["2026-09-15"])
    assigned_at: datetime


class ExpertReminded(Event):
    """The head station reminded an expert whose score sheet is overdue (催办): the scoring deadline passed
    and the sheet is not in. Tells the expert which case and since when; nothing about who reminded it."""

    event_type: ClassVar[str] = "gz.sme.review.case.expert_reminded.v1"
    topic = REVIEW_CASE
    subject_field: ClassVar[str] = "case_id"

    case_id: str = _CASE_ID
    entity_name: str = Field(description="The applicant whose case is to be scored (an organisation).")
    expert_id: str = _EXPERT_ID
    due_on: date = Field(description="The scoring deadline that passed.", examples=["2026-09-15"])
    days_overdue: int = Field(
        ge=1, description="Days since the deadline, counted in Asia/Shanghai calendar days.", examples=[2]
    )
    reminded_at: datetime


class WithdrawalReason(StrEnum):
    CONFLICT_DECLARED = "conflict_declared"  # 专家申报利益冲突，回避
    WITHDRAWN = "withdrawn"  # 服务总站撤回指派（如专家无法参加）


class ExpertAssignmentWithdrawn(Event):
    """An expert no longer reviews a case: it declared a conflict of interest, or the head station withdrew it."""

    event_type: ClassVar[str] = "gz.sme.review.case.expert_withdrawn.v1"
    topic = REVIEW_CASE
    subject_field: ClassVar[str] = "case_id"

    assignment_id: str
    case_id: str = _CASE_ID
    round_year: int = _ROUND_YEAR
    expert_id: str = _EXPERT_ID
    reason_code: WithdrawalReason
    withdrawn_at: datetime


class ExpertReviewCompleted(Event):
    """Every expert assigned to the case submitted its score sheet; the head station can form its recommendation."""

    event_type: ClassVar[str] = "gz.sme.review.case.expert_review_completed.v1"
    topic = REVIEW_CASE
    subject_field: ClassVar[str] = "case_id"

    case_id: str = _CASE_ID
    application_id: str = _APPLICATION_ID
    round_year: int = _ROUND_YEAR
    kind: ApplicationKind
    experts: int = Field(ge=1, description="How many experts scored the case.", examples=[3])
    score: float = Field(ge=0, le=100, description="Average of the experts' weighted totals (0–100).", examples=[84.25])
    completed_at: datetime


# --- rounds --------------------------------------------------------------------------------------


class Recommendation(StrEnum):
    RECOMMEND = "recommend"  # 推荐
    NOT_RECOMMEND = "not_recommend"  # 不推荐


class RecommendedCase(BaseModel):
    """One case of the round as the head station recommends it to the bureau."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    case_id: str
    application_id: str
    kind: ApplicationKind
    recommendation: Recommendation
    score: float = Field(ge=0, le=100)


class RecommendationsSubmitted(Event):
    """The head station submitted the round's recommendations to the bureau (§4.1.3(2))."""

    event_type: ClassVar[str] = "gz.sme.review.round.recommendations_submitted.v1"
    topic = REVIEW_ROUND
    subject_field: ClassVar[str] = "round_year"

    round_year: int = _ROUND_YEAR
    cases: list[RecommendedCase] = Field(description="Every case of this submission, with its recommendation.")
    submitted_at: datetime


class FinalListEntry(BaseModel):
    """A recognised applicant on the final list."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    application_id: str
    entity_name: str
    district_code: str
    plaque_number: str = Field(examples=["穗中小服站〔2026〕001号"])


class FinalListPublished(Event):
    """The bureau published the round's final list of recognised stations (§4.1.3(5)); it is public."""

    event_type: ClassVar[str] = "gz.sme.review.round.final_list_published.v1"
    topic = REVIEW_ROUND
    subject_field: ClassVar[str] = "round_year"

    round_year: int = _ROUND_YEAR
    final_list_id: str
    published_on: date
    recognised: list[FinalListEntry]
    declined_application_ids: list[str] = Field(description="Applications of the round that end without recognition.")
    published_at: datetime


# --- the public notice and objections ------------------------------------------------------------


class NoticePublished(Event):
    """The bureau published the shortlist for 5 working days (§4.1.3(3)); objections are open until the deadline."""

    event_type: ClassVar[str] = "gz.sme.review.notice.published.v1"
    topic = REVIEW_NOTICE
    subject_field: ClassVar[str] = "notice_id"

    notice_id: str = _NOTICE_ID
    round_year: int = _ROUND_YEAR
    title: str = Field(examples=["2026年广州市民营和中小企业服务站拟认定名单公示"])
    published_on: date
    period_start: date = Field(description="First working day of the notice period.", examples=["2026-09-28"])
    period_end: date = Field(description="Last (5th) working day of the notice period.", examples=["2026-10-09"])
    objection_deadline: datetime = Field(
        description="Objections are accepted until this moment (end of the last day, Asia/Shanghai).",
        examples=["2026-10-09T23:59:59+08:00"],
    )
    shortlisted_application_ids: list[str]
    published_at: datetime


class NoticeEnded(Event):
    """The notice period is over; no more objections are accepted."""

    event_type: ClassVar[str] = "gz.sme.review.notice.ended.v1"
    topic = REVIEW_NOTICE
    subject_field: ClassVar[str] = "notice_id"

    notice_id: str = _NOTICE_ID
    round_year: int = _ROUND_YEAR
    period_end: date
    objections_received: int = Field(ge=0)
    objections_unresolved: int = Field(ge=0, description="Still to be investigated by the bureau.")
    ended_at: datetime


class ObjectionReceived(Event):
    """An objection against a shortlisted application was filed (tells the bureau and the applicant).

    It never names the objector: who filed it, their ID number and contact details stay with the bureau.
    """

    event_type: ClassVar[str] = "gz.sme.review.notice.objection_received.v1"
    topic = REVIEW_NOTICE
    subject_field: ClassVar[str] = "notice_id"

    objection_id: str = Field(examples=["ob-71c2"])
    notice_id: str = _NOTICE_ID
    round_year: int = _ROUND_YEAR
    target_application_id: str = _APPLICATION_ID
    target_uscc: str = _USCC
    target_entity_name: str = _ENTITY
    filed_at: datetime


class ObjectionOutcome(StrEnum):
    UPHELD = "upheld"  # 异议成立（经调查核实属实）
    NOT_UPHELD = "not_upheld"  # 异议不成立（经调查核实没有问题）


class ObjectionResolved(Event):
    """The bureau investigated an objection and found it upheld or not upheld (§4.1.3(4))."""

    event_type: ClassVar[str] = "gz.sme.review.notice.objection_resolved.v1"
    topic = REVIEW_NOTICE
    subject_field: ClassVar[str] = "notice_id"

    objection_id: str
    notice_id: str = _NOTICE_ID
    round_year: int = _ROUND_YEAR
    target_application_id: str = _APPLICATION_ID
    target_uscc: str = _USCC
    outcome: ObjectionOutcome
    resolved_at: datetime


# --- outcomes ------------------------------------------------------------------------------------


class DeclineReason(StrEnum):
    NOT_RECOMMENDED = "not_recommended"  # 专家评审未推荐
    NOT_SHORTLISTED = "not_shortlisted"  # 获推荐但未列入市工信局核定的入围名单
    OBJECTION_UPHELD = "objection_upheld"  # 公示期异议经调查属实


class StationRecognised(Event):
    """The applicant is on the bureau's final list: registry registers the station, valid 3 years."""

    event_type: ClassVar[str] = "gz.sme.review.outcome.station_recognised.v1"
    topic = REVIEW_OUTCOME
    subject_field: ClassVar[str] = "application_id"

    application_id: str = Field(description="Registry's id of the application.")
    round_year: int
    uscc: str = Field(examples=["91440106MA59C1XE2T"])
    entity_name: str
    district_code: str = Field(examples=["440106"])
    plaque_number: str = Field(
        description="Number on the plaque the bureau issues.", examples=["穗中小服站〔2026〕001号"]
    )
    final_list_id: str
    final_list_published_on: date = Field(
        description="Publication date of the final list: validity starts here (§4.2)."
    )
    recognised_at: datetime


class ApplicationDeclined(Event):
    """The application ends without recognition: not recommended, not shortlisted, or an objection was upheld."""

    event_type: ClassVar[str] = "gz.sme.review.outcome.application_declined.v1"
    topic = REVIEW_OUTCOME
    subject_field: ClassVar[str] = "application_id"

    application_id: str
    round_year: int
    uscc: str
    entity_name: str
    district_code: str
    reason_code: DeclineReason
    reason: str = Field(description="The reason as the applicant reads it.")
    declined_at: datetime


class ReReviewPassed(Event):
    """The station passed its re-review (§4.2): confirmed, validity renewed."""

    event_type: ClassVar[str] = "gz.sme.review.outcome.re_review_passed.v1"
    topic = REVIEW_OUTCOME
    subject_field: ClassVar[str] = "application_id"

    application_id: str
    station_id: str
    round_year: int
    uscc: str
    district_code: str
    confirmed_on: date = Field(description="Publication date of the result: the renewed 3 years start here.")
    decided_at: datetime


class ReReviewFailed(Event):
    """The station failed its re-review (§4.2): assessment revokes it on ground 5."""

    event_type: ClassVar[str] = "gz.sme.review.outcome.re_review_failed.v1"
    topic = REVIEW_OUTCOME
    subject_field: ClassVar[str] = "application_id"

    application_id: str
    station_id: str
    round_year: int
    uscc: str
    district_code: str
    reason: str
    decided_on: date
    decided_at: datetime


class ReviewCalendarYearMissing(CalendarYearMissing):
    """The review service counts notice periods (§4.1.3(3)) in working days, and a year it needs is not loaded."""

    event_type: ClassVar[str] = "gz.sme.review.calendar.year_missing.v1"
    topic = REVIEW_CALENDAR
