"""Events published by the assessment service: work plans and summaries (§4.1.4), the annual
assessment and its rectification (§4.3.6), and revocation of the station title (§4.3).

Five topics, one per aggregate so that one aggregate's events stay ordered:

- ``gz.sme.assessment.work_document`` (key: station id): plans and summaries submitted, and the
  record of a station that missed a deadline (missing at the deadline, late when it arrives after);
- ``gz.sme.assessment.cycle`` (key: cycle id): the bureau opened a year's assessment;
- ``gz.sme.assessment.result`` (key: station id): a station's published result of a year, or the
  record that it did not take part;
- ``gz.sme.assessment.rectification`` (key: rectification id): rectification ordered, report
  submitted or missing at the deadline, re-assessment;
- ``gz.sme.assessment.revocation`` (key: station id): revocation proposed, decided (station
  revoked — what registry applies) or dismissed.

Events carry ids, codes, dates, scores and the bureau's explanations: no names, phone numbers or
ID numbers of station staff, and not the text of plans, summaries or reports (they stay here).
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from sme_contracts.base import Event
from sme_contracts.common import RevocationGround
from sme_contracts.topics import topic

ASSESSMENT_WORK_DOCUMENT = topic(
    "gz.sme.assessment.work_document",
    "assessment",
    "Stations' yearly work plans and work summaries (§4.1.4): submitted, and deadlines missed or met late.",
)
ASSESSMENT_CYCLE = topic(
    "gz.sme.assessment.cycle",
    "assessment",
    "The bureau's annual assessment cycles (§4.3.6): a year's cycle opened with its indicators and pass mark.",
)
ASSESSMENT_RESULT = topic(
    "gz.sme.assessment.result",
    "assessment",
    "Stations' annual assessment results (qualified / unqualified) and records of not taking part (§4.3.6).",
)
ASSESSMENT_RECTIFICATION = topic(
    "gz.sme.assessment.rectification",
    "assessment",
    "Rectification of unqualified stations: ordered with a deadline, report submitted or missing, re-assessed.",
)
ASSESSMENT_REVOCATION = topic(
    "gz.sme.assessment.revocation",
    "assessment",
    "Revocations of the station title (§4.3): proposed (automatically, by the bureau or at the operator's "
    "request), decided by the bureau, or dismissed.",
)

_STATION_ID = Field(description="Registry's id of the station.", examples=["st-2026-0001"])
_USCC = Field(description="Unified social credit code of the operating legal entity.", examples=["91440106MA59C1XE2T"])
_DISTRICT = Field(description="6-digit division code of the station's district.", examples=["440106"])
_CYCLE_ID = Field(description="Assessment's id of the cycle.", examples=["cy-2026"])
_RECTIFICATION_ID = Field(
    description="Assessment's id of the rectification order.", examples=["9d3e1f20-7c4b-4a8e-b1d2-3f4a5b6c7d8e"]
)
_REVOCATION_ID = Field(
    description="Assessment's id of the revocation case.", examples=["5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d"]
)
_YEAR = Field(description="The year assessed or planned for.", examples=[2026])


class WorkDocumentKind(StrEnum):
    """What a station submits periodically to the bureau (§4.1.4)."""

    PLAN = "plan"  # 民营和中小企业服务工作计划
    SUMMARY = "summary"  # 工作情况总结


class LapseStatus(StrEnum):
    MISSING = "missing"  # 截止时未提交
    LATE = "late"  # 逾期提交


class AssessmentOutcome(StrEnum):
    QUALIFIED = "qualified"  # 合格
    UNQUALIFIED = "unqualified"  # 不合格


class ProposalOrigin(StrEnum):
    """Who raised a revocation proposal."""

    AUTOMATIC = "automatic"  # 系统依据复核、考核结果自动提出（第5、6项）
    BUREAU = "bureau"  # 市工业和信息化局依据证据提出（第1–4、8项）
    OPERATOR = "operator"  # 运营机构主动申请（第7项）


# --- work plans and summaries --------------------------------------------------------------------


class WorkDocumentSubmitted(Event):
    """A station submitted (revision 1) or revised its yearly work plan or work summary."""

    event_type: ClassVar[str] = "gz.sme.assessment.work_document.submitted.v1"
    topic = ASSESSMENT_WORK_DOCUMENT
    subject_field: ClassVar[str] = "station_id"

    document_id: str = Field(examples=["0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5"])
    station_id: str = _STATION_ID
    uscc: str = _USCC
    district_code: str = _DISTRICT
    kind: WorkDocumentKind = Field(examples=["plan"])
    year: int = _YEAR
    revision: int = Field(ge=1, description="1 when first submitted, then +1 per revision.", examples=[1])
    due_on: date | None = Field(description="The bureau's deadline for it; null when none was set.")
    late: bool = Field(description="First submitted after the deadline (accepted, and recorded as late).")
    days_late: int = Field(ge=0, description="Calendar days after the deadline; 0 when on time.", examples=[0])
    attachment_count: int = Field(ge=0)
    submitted_at: datetime


class SubmissionOverdue(Event):
    """A station missed the deadline of a plan or summary: missing when the deadline passed, late when it
    finally arrived. One lapse record per station, kind and year; this event tells each of its states."""

    event_type: ClassVar[str] = "gz.sme.assessment.work_document.overdue.v1"
    topic = ASSESSMENT_WORK_DOCUMENT
    subject_field: ClassVar[str] = "station_id"

    station_id: str = _STATION_ID
    uscc: str = _USCC
    district_code: str = _DISTRICT
    kind: WorkDocumentKind
    year: int = _YEAR
    due_on: date = Field(examples=["2026-03-31"])
    status: LapseStatus = Field(description="missing at the deadline, or late once submitted after it.")
    days_late: int | None = Field(default=None, ge=1, description="For a late submission: days after the deadline.")
    recorded_at: datetime


# --- the annual assessment -----------------------------------------------------------------------


class IndicatorWeight(BaseModel):
    """One indicator of a cycle and its weight (the weights of a cycle sum to 100)."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    code: str = Field(examples=["promotion_sessions"])
    name: str = Field(examples=["宣讲推广（每年不少于3次）"])
    weight: float = Field(gt=0, le=100, examples=[15])
    manual: bool = Field(default=False, description="Scored by hand by the bureau or head station.")


class AssessmentCycleOpened(Event):
    """The bureau opened the annual assessment of a year with its indicators, weights and pass mark."""

    event_type: ClassVar[str] = "gz.sme.assessment.cycle.opened.v1"
    topic = ASSESSMENT_CYCLE
    subject_field: ClassVar[str] = "cycle_id"

    cycle_id: str = _CYCLE_ID
    year: int = _YEAR
    pass_mark: float = Field(ge=0, le=100, examples=[60])
    indicators: list[IndicatorWeight]
    opened_at: datetime


class AssessmentResultPublished(Event):
    """A station's result of the year was published; the operator and its district are told."""

    event_type: ClassVar[str] = "gz.sme.assessment.result.published.v1"
    topic = ASSESSMENT_RESULT
    subject_field: ClassVar[str] = "station_id"

    result_id: str = Field(examples=["r-cy-2026-st-2026-0001"])
    cycle_id: str = _CYCLE_ID
    station_id: str = _STATION_ID
    uscc: str = _USCC
    district_code: str = _DISTRICT
    year: int = _YEAR
    total: float = Field(ge=0, le=100, description="Total score out of 100.", examples=[72.5])
    pass_mark: float = Field(ge=0, le=100, examples=[60])
    outcome: AssessmentOutcome = Field(examples=["qualified"])
    rectification_due_on: date | None = Field(
        default=None, description="For an unqualified station: the last day to submit its rectification report."
    )
    published_at: datetime


class NonParticipationRecorded(Event):
    """The bureau recorded that a station did not take part in a year's assessment.

    Without a good reason (``excused`` false) this is ground 6 of §4.3, and revocation is proposed;
    with a reason the bureau accepted, the station is exempted from that year's assessment.
    """

    event_type: ClassVar[str] = "gz.sme.assessment.result.non_participation_recorded.v1"
    topic = ASSESSMENT_RESULT
    subject_field: ClassVar[str] = "station_id"

    cycle_id: str = _CYCLE_ID
    station_id: str = _STATION_ID
    uscc: str = _USCC
    district_code: str = _DISTRICT
    year: int = _YEAR
    excused: bool = Field(description="True: the bureau accepted the reason and exempted the station.")
    reason: str = Field(examples=["未按通知提交考核材料，亦未说明理由"])
    recorded_at: datetime


# --- rectification -------------------------------------------------------------------------------


class RectificationRequired(Event):
    """An unqualified station must rectify and report by the deadline; the bureau then re-assesses it."""

    event_type: ClassVar[str] = "gz.sme.assessment.rectification.required.v1"
    topic = ASSESSMENT_RECTIFICATION
    subject_field: ClassVar[str] = "rectification_id"

    rectification_id: str = _RECTIFICATION_ID
    cycle_id: str = _CYCLE_ID
    station_id: str = _STATION_ID
    uscc: str = _USCC
    district_code: str = _DISTRICT
    year: int = _YEAR
    total: float = Field(ge=0, le=100, examples=[48.5])
    due_on: date = Field(description="Last day to submit the rectification report.", examples=["2027-03-31"])
    required_at: datetime


class RectificationReportSubmitted(Event):
    """The station submitted its rectification report; the bureau is to re-assess it."""

    event_type: ClassVar[str] = "gz.sme.assessment.rectification.report_submitted.v1"
    topic = ASSESSMENT_RECTIFICATION
    subject_field: ClassVar[str] = "rectification_id"

    rectification_id: str = _RECTIFICATION_ID
    station_id: str = _STATION_ID
    uscc: str = _USCC
    district_code: str = _DISTRICT
    year: int = _YEAR
    due_on: date
    late: bool = Field(description="Submitted after the deadline (accepted, and recorded as late).")
    attachment_count: int = Field(ge=0)
    submitted_at: datetime


class RectificationReportMissing(Event):
    """The deadline passed without a rectification report: recorded, and the bureau is prompted to re-assess."""

    event_type: ClassVar[str] = "gz.sme.assessment.rectification.report_missing.v1"
    topic = ASSESSMENT_RECTIFICATION
    subject_field: ClassVar[str] = "rectification_id"

    rectification_id: str = _RECTIFICATION_ID
    station_id: str = _STATION_ID
    uscc: str = _USCC
    district_code: str = _DISTRICT
    year: int = _YEAR
    due_on: date
    recorded_at: datetime


class ReassessmentCompleted(Event):
    """The bureau re-assessed the station after rectification. Still unqualified: revocation on ground 6."""

    event_type: ClassVar[str] = "gz.sme.assessment.rectification.reassessed.v1"
    topic = ASSESSMENT_RECTIFICATION
    subject_field: ClassVar[str] = "rectification_id"

    rectification_id: str = _RECTIFICATION_ID
    station_id: str = _STATION_ID
    uscc: str = _USCC
    district_code: str = _DISTRICT
    year: int = _YEAR
    outcome: AssessmentOutcome
    score: float | None = Field(default=None, ge=0, le=100, description="The re-assessment score, if one was given.")
    opinion: str = Field(description="The bureau's opinion, as the station reads it.", examples=["整改措施落实到位"])
    decided_at: datetime


# --- revocation ----------------------------------------------------------------------------------


class RevocationProposed(Event):
    """Revocation of a station's title was proposed to the bureau, which decides."""

    event_type: ClassVar[str] = "gz.sme.assessment.revocation.proposed.v1"
    topic = ASSESSMENT_REVOCATION
    subject_field: ClassVar[str] = "station_id"

    revocation_id: str = _REVOCATION_ID
    station_id: str = _STATION_ID
    uscc: str = _USCC
    district_code: str = _DISTRICT
    ground: RevocationGround = Field(description="The ground of §4.3, 1 to 8.", examples=[6])
    ground_text: str = Field(description="The ground in the guideline's words.")
    origin: ProposalOrigin = Field(description="automatic, by the bureau, or at the operator's request.")
    trigger: str = Field(
        description="What raised it, in words the bureau reads.", examples=["2026年度考核整改后复评仍为不合格"]
    )
    proposed_at: datetime


class StationRevoked(Event):
    """The bureau revoked a station's title on one of the eight grounds of §4.3."""

    event_type: ClassVar[str] = "gz.sme.assessment.revocation.station_revoked.v1"
    topic = ASSESSMENT_REVOCATION
    subject_field: ClassVar[str] = "station_id"

    station_id: str
    revocation_id: str
    uscc: str
    district_code: str
    ground: RevocationGround = Field(description="The ground of §4.3, 1 to 8.", examples=[5])
    ground_text: str = Field(description="The ground in the guideline's words.")
    reason: str = Field(description="The bureau's explanation to the station.")
    decided_on: date
    effective_on: date
    decided_at: datetime


class RevocationDismissed(Event):
    """The bureau decided not to revoke: the proposal is dismissed, with the reason the station reads."""

    event_type: ClassVar[str] = "gz.sme.assessment.revocation.dismissed.v1"
    topic = ASSESSMENT_REVOCATION
    subject_field: ClassVar[str] = "station_id"

    revocation_id: str = _REVOCATION_ID
    station_id: str = _STATION_ID
    uscc: str = _USCC
    district_code: str = _DISTRICT
    ground: RevocationGround
    reason: str = Field(examples=["经核查，该站已于期限内补交复核申请材料"])
    decided_at: datetime


PUBLISHED_TOPICS = (
    ASSESSMENT_WORK_DOCUMENT,
    ASSESSMENT_CYCLE,
    ASSESSMENT_RESULT,
    ASSESSMENT_RECTIFICATION,
    ASSESSMENT_REVOCATION,
)
