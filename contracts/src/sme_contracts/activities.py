"""Events published by the activities service: themed months, activities, trainings, the promotion
duty, demand reports and SME service requests (§3.2–§3.4).

Events carry ids, dates, counts and categories: no names, phone numbers or ID numbers of SME
contacts or station staff, and no SME company identity either (notifications and assessment need
neither). Who attended a training is told as counts per station; who registered for an activity
stays in this service.

One exception, on a topic of its own: `ContactConfirmationRequested` carries the one address a
one-time code is to be sent to, and the code, because notifications must deliver it and has no
other way to learn either. It carries nothing else about the person. The code is worthless after
30 minutes (or once used), the outbox row holding it is deleted as soon as the broker has it, and
the topic keeps its records for an hour only (`CONTACT_CONFIRMATION_RETENTION_MS`); only
activities may write it and only notifications read it.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from sme_contracts.base import Event
from sme_contracts.calendar import CalendarYearMissing
from sme_contracts.common import ServiceCategory
from sme_contracts.topics import topic

ACTIVITIES_THEME_MONTH = topic(
    "gz.sme.activities.theme_month",
    "activities",
    "The head station's yearly plan of themed months (policy, finance & tax, IP, ...) with goals (§3.3.3).",
)
ACTIVITIES_ACTIVITY = topic(
    "gz.sme.activities.activity",
    "activities",
    "Service activities (salons, dialogues, trainings, lectures, seminars, forums): scheduled, co-organiser "
    "withdrawn, cancelled, completed with attendance (§3.3.3).",
)
ACTIVITIES_PROMOTION = topic(
    "gz.sme.activities.promotion",
    "activities",
    "The promotion duty: sessions promoting the SME service platform and the 穗小信 policy digital human, "
    "at least 3 a year per station, and the warnings of 1 October and 1 December (§3.3.3).",
)
ACTIVITIES_TRAINING = topic(
    "gz.sme.activities.training",
    "activities",
    "Trainings of station staff run by the head station, with attendance per station (§3.3.2).",
)
ACTIVITIES_DEMAND_REPORT = topic(
    "gz.sme.activities.demand_report",
    "activities",
    "Quarterly reports of stations on local industries, enterprise conditions and service needs (§3.2).",
)
ACTIVITIES_CALENDAR = topic(
    "gz.sme.activities.calendar",
    "activities",
    "Reminders that the working-day calendar of the activities service lacks a year its deadlines need.",
)
CONTACT_CONFIRMATION_RETENTION_MS = 60 * 60 * 1000  # an hour: twice the life of a code
ACTIVITIES_CONTACT_CONFIRMATION = topic(
    "gz.sme.activities.contact_confirmation",
    "activities",
    "One-time codes that an anonymous activity registration or service request counts only once its "
    "contact confirms: the address the code goes to, and the code. Kept for an hour only.",
    retention_ms=CONTACT_CONFIRMATION_RETENTION_MS,
)
ACTIVITIES_SERVICE_REQUEST = topic(
    "gz.sme.activities.service_request",
    "activities",
    "SME service requests: received, accepted, matched, closed with satisfaction, escalated to the head "
    "station when not accepted within 5 working days, routed on by the head station to a station (§3.4).",
)

_STATION_ID = Field(description="Registry's id of the station.", examples=["st-2026-0001"])
_DISTRICT = Field(description="6-digit division code of the district.", examples=["440106"])
_ACTIVITY_ID = Field(description="Id of the activity.", examples=["6f1d2c3b-6a55-4f7e-9d2a-1b3c4d5e6f70"])
_REQUEST_ID = Field(description="Id of the service request.", examples=["0b7c9d1e-2f3a-4b5c-8d6e-7f8091a2b3c4"])
_ORGANISER = Field(
    default=None,
    description="Organising station; null when the head station (服务总站) organises it.",
    examples=["st-2026-0001"],
)


class ThemeKind(StrEnum):
    """Themes of §3.3.3; ``custom`` for any other theme the head station defines."""

    POLICY = "policy"  # 政策
    FINANCE_TAX = "finance_tax"  # 财税
    INTELLECTUAL_PROPERTY = "intellectual_property"  # 知识产权
    CUSTOM = "custom"  # 其他（自定义）


class ActivityType(StrEnum):
    """The forms of service activity of §3.3.3."""

    SALON = "salon"  # 沙龙
    DIALOGUE = "dialogue"  # 对话
    TRAINING = "training"  # 培训
    LECTURE = "lecture"  # 讲座
    SEMINAR = "seminar"  # 研讨
    FORUM = "forum"  # 论坛


class CancelReason(StrEnum):
    BY_ORGANISER = "by_organiser"  # 主办方取消
    ORGANISER_NOT_ACTIVE = "organiser_not_active"  # 主办服务站被撤销或有效期满


class PromotionSubject(StrEnum):
    """What a promotion session presents (both drafts of §3.3.3)."""

    SME_SERVICE_PLATFORM = "sme_service_platform"  # 广州市民营和中小企业服务平台
    SUIXIAOXIN = "suixiaoxin"  # "穗小信"工信政策数字人


class RequestAssignment(StrEnum):
    """How a service request found its station."""

    SME_CHOICE = "sme_choice"  # 企业自选服务站
    DISTRICT_MATCH = "district_match"  # 按所在区和服务类别分派
    HEAD_STATION = "head_station"  # 区内无可受理服务站，由服务总站受理


class RequestHandling(StrEnum):
    INSTITUTION = "institution"  # 对接入驻服务机构
    SELF = "self"  # 服务站自行服务


class RequestOutcome(StrEnum):
    RESOLVED = "resolved"  # 已解决
    PARTIALLY_RESOLVED = "partially_resolved"  # 部分解决
    UNRESOLVED = "unresolved"  # 未解决


class ConfirmationPurpose(StrEnum):
    """What a one-time code confirms."""

    ACTIVITY_REGISTRATION = "activity_registration"  # 活动报名
    SERVICE_REQUEST = "service_request"  # 企业服务需求


class ContactChannel(StrEnum):
    """How a one-time code travels: SMS to a mainland mobile number, otherwise e-mail."""

    SMS = "sms"  # 短信
    EMAIL = "email"  # 电子邮件


class ThemeMonthPlanned(Event):
    """The head station planned (or revised) one month of its yearly themed-month plan."""

    event_type: ClassVar[str] = "gz.sme.activities.theme_month.planned.v1"
    topic = ACTIVITIES_THEME_MONTH
    subject_field: ClassVar[str] = "theme_month_id"

    theme_month_id: str = Field(examples=["tm-2027-03"])
    year: int = Field(examples=[2027])
    month: int = Field(ge=1, le=12, examples=[3])
    theme: ThemeKind
    title: str = Field(description="The theme as announced.", examples=["知识产权服务月"])
    goals: list[str] = Field(description="Goals of the month.", examples=[["举办专利质押融资沙龙不少于2场"]])
    revision: int = Field(ge=1, description="1 when first planned, then +1 per revision.")
    planned_at: datetime


class ActivityScheduled(Event):
    """An activity was scheduled by the head station or a station, with its co-organisers."""

    event_type: ClassVar[str] = "gz.sme.activities.activity.scheduled.v1"
    topic = ACTIVITIES_ACTIVITY
    subject_field: ClassVar[str] = "activity_id"

    activity_id: str = _ACTIVITY_ID
    activity_type: ActivityType
    title: str = Field(examples=["知识产权质押融资政策沙龙"])
    theme_month_id: str | None = Field(default=None, description="The themed month it belongs to, if any.")
    organiser_station_id: str | None = _ORGANISER
    organiser_district_code: str | None = Field(default=None, description="District of the organising station.")
    co_organiser_station_ids: list[str] = Field(default_factory=list)
    institution_count: int = Field(ge=0, description="Resident service institutions involved.")
    starts_at: datetime
    ends_at: datetime
    online: bool = Field(description="Held online (or with an online link).")
    capacity: int = Field(ge=1)
    scheduled_at: datetime


class ActivityCoOrganiserWithdrawn(Event):
    """A co-organising station lost its title; the activity goes on without it."""

    event_type: ClassVar[str] = "gz.sme.activities.activity.co_organiser_withdrawn.v1"
    topic = ACTIVITIES_ACTIVITY
    subject_field: ClassVar[str] = "activity_id"

    activity_id: str = _ACTIVITY_ID
    station_id: str = _STATION_ID
    organiser_station_id: str | None = _ORGANISER
    starts_at: datetime
    reason: str = Field(description="Why, in words the organiser reads.")
    withdrawn_at: datetime


class ActivityCancelled(Event):
    """An activity was cancelled; registered SMEs and co-organisers are to be told."""

    event_type: ClassVar[str] = "gz.sme.activities.activity.cancelled.v1"
    topic = ACTIVITIES_ACTIVITY
    subject_field: ClassVar[str] = "activity_id"

    activity_id: str = _ACTIVITY_ID
    organiser_station_id: str | None = _ORGANISER
    organiser_district_code: str | None = None
    co_organiser_station_ids: list[str] = Field(default_factory=list)
    starts_at: datetime
    reason_code: CancelReason
    reason: str = Field(examples=["主办服务站已被撤销服务站称号，活动取消"])
    registered_count: int = Field(ge=0, description="SMEs registered, to be told of the cancellation.")
    cancelled_at: datetime


class ActivityCompleted(Event):
    """An activity was held: attendance, co-organisers and evidence, for assessment."""

    event_type: ClassVar[str] = "gz.sme.activities.activity.completed.v1"
    topic = ACTIVITIES_ACTIVITY
    subject_field: ClassVar[str] = "activity_id"

    activity_id: str = _ACTIVITY_ID
    activity_type: ActivityType
    theme_month_id: str | None = None
    organiser_station_id: str | None = _ORGANISER
    organiser_district_code: str | None = None
    co_organiser_station_ids: list[str] = Field(default_factory=list)
    held_on: date
    registered_count: int = Field(ge=0)
    attendance_count: int = Field(ge=0, description="Enterprises or people who actually attended.")
    attachment_count: int = Field(ge=1, description="Photos and sign-in sheets kept as evidence.")
    completed_at: datetime


class PromotionRecorded(Event):
    """A station held a promotion session; ``count_this_year`` is its total for the calendar year."""

    event_type: ClassVar[str] = "gz.sme.activities.promotion.recorded.v1"
    topic = ACTIVITIES_PROMOTION
    subject_field: ClassVar[str] = "station_id"

    promotion_id: str
    station_id: str = _STATION_ID
    district_code: str = _DISTRICT
    year: int = Field(examples=[2026])
    held_on: date
    subjects: list[PromotionSubject] = Field(min_length=1)
    activity_id: str | None = Field(default=None, description="The themed-month activity it was held with.")
    theme_month_id: str | None = None
    audience_count: int = Field(ge=0)
    count_this_year: int = Field(ge=1, examples=[2])
    target: int = Field(default=3, description="Sessions required per year (§3.3.3).")
    recorded_at: datetime


class PromotionBelowTarget(Event):
    """On a duty check (1 October, 1 December) the station had fewer sessions this year than required."""

    event_type: ClassVar[str] = "gz.sme.activities.promotion.below_target.v1"
    topic = ACTIVITIES_PROMOTION
    subject_field: ClassVar[str] = "station_id"

    station_id: str = _STATION_ID
    district_code: str = _DISTRICT
    year: int
    count: int = Field(ge=0, description="Sessions recorded this year so far.")
    target: int = Field(default=3)
    checked_on: date = Field(examples=["2026-10-01"])
    checked_at: datetime


class StationAttendance(BaseModel):
    """How many staff of one station attended a training."""

    model_config = ConfigDict(frozen=True)

    station_id: str = _STATION_ID
    district_code: str = _DISTRICT
    attended: int = Field(ge=0)
    absent: int = Field(default=0, ge=0, description="Staff invited who did not attend.")


class TrainingHeld(Event):
    """The head station trained station staff (§3.3.2); attendance per station, no names."""

    event_type: ClassVar[str] = "gz.sme.activities.training.held.v1"
    topic = ACTIVITIES_TRAINING
    subject_field: ClassVar[str] = "training_id"

    training_id: str
    title: str = Field(examples=["2026年第四季度服务站工作人员业务培训"])
    held_on: date
    attendance: list[StationAttendance]
    total_attended: int = Field(ge=0)
    recorded_at: datetime


class DemandReportSubmitted(Event):
    """A station submitted (revision 1) or replaced (revision > 1) its quarterly demand report."""

    event_type: ClassVar[str] = "gz.sme.activities.demand_report.submitted.v1"
    topic = ACTIVITIES_DEMAND_REPORT
    subject_field: ClassVar[str] = "report_id"

    report_id: str
    station_id: str = _STATION_ID
    district_code: str = _DISTRICT
    year: int
    quarter: int = Field(ge=1, le=4)
    revision: int = Field(ge=1)
    industries: list[str] = Field(examples=[["智能制造", "跨境电商"]])
    enterprises_surveyed: int = Field(ge=0)
    need_categories: list[ServiceCategory] = Field(description="Main needs by common-service category.")
    submitted_at: datetime


class ServiceRequestReceived(Event):
    """An SME filed a service request; it went to a station (or to the head station)."""

    event_type: ClassVar[str] = "gz.sme.activities.service_request.received.v1"
    topic = ACTIVITIES_SERVICE_REQUEST
    subject_field: ClassVar[str] = "request_id"

    request_id: str = _REQUEST_ID
    category: ServiceCategory | None = Field(description="Common service asked for; null for a personalised need.")
    district_code: str = _DISTRICT
    station_id: str | None = Field(description="The station that is to accept it; null: the head station.")
    assignment: RequestAssignment
    acceptance_due_on: date | None = Field(
        description="Last working day to accept it; null while that year's holiday schedule is not loaded."
    )
    received_at: datetime


class ServiceRequestAccepted(Event):
    """The station (or the head station) accepted the request."""

    event_type: ClassVar[str] = "gz.sme.activities.service_request.accepted.v1"
    topic = ACTIVITIES_SERVICE_REQUEST
    subject_field: ClassVar[str] = "request_id"

    request_id: str = _REQUEST_ID
    station_id: str | None
    district_code: str = _DISTRICT
    by_head_station: bool
    late: bool = Field(description="Accepted after the 5 working days.")
    accepted_at: datetime


class ServiceRequestMatched(Event):
    """The request was matched to a resident service institution, or the station serves it itself."""

    event_type: ClassVar[str] = "gz.sme.activities.service_request.matched.v1"
    topic = ACTIVITIES_SERVICE_REQUEST
    subject_field: ClassVar[str] = "request_id"

    request_id: str = _REQUEST_ID
    station_id: str | None
    district_code: str = _DISTRICT
    category: ServiceCategory | None
    handling: RequestHandling
    institution_name: str | None = Field(
        default=None,
        description="The resident service institution (an organisation).",
        examples=["广州某知识产权代理有限公司"],
    )
    matched_at: datetime


class ServiceRequestClosed(Event):
    """The request was closed with an outcome and the SME's satisfaction (1–5)."""

    event_type: ClassVar[str] = "gz.sme.activities.service_request.closed.v1"
    topic = ACTIVITIES_SERVICE_REQUEST
    subject_field: ClassVar[str] = "request_id"

    request_id: str = _REQUEST_ID
    station_id: str | None
    district_code: str = _DISTRICT
    category: ServiceCategory | None
    handling: RequestHandling
    outcome: RequestOutcome
    satisfaction: int = Field(ge=1, le=5)
    by_head_station: bool
    closed_at: datetime


class ServiceRequestEscalated(Event):
    """Not accepted within 5 working days: escalated to the head station."""

    event_type: ClassVar[str] = "gz.sme.activities.service_request.escalated.v1"
    topic = ACTIVITIES_SERVICE_REQUEST
    subject_field: ClassVar[str] = "request_id"

    request_id: str = _REQUEST_ID
    station_id: str | None
    district_code: str = _DISTRICT
    category: ServiceCategory | None
    received_at: datetime
    acceptance_due_on: date | None = Field(description="The last working day it could have been accepted on.")
    reason: str = Field(
        description="Why it was escalated, in words the head station reads.",
        examples=["服务站未在5个工作日内受理"],
    )
    escalated_at: datetime
    lapse: int = Field(
        default=1,
        ge=1,
        description="Which escalation of the request this is: 1 the first; 2 when the station the head station "
        "routed it to let it lapse as well, and so on. Each one counts against the station named.",
    )


class ServiceRequestRouted(Event):
    """The head station routed (转派) a request it held (escalated, or no station fitted) to a station,
    which has 5 working days from the routing day to accept it."""

    event_type: ClassVar[str] = "gz.sme.activities.service_request.routed.v1"
    topic = ACTIVITIES_SERVICE_REQUEST
    subject_field: ClassVar[str] = "request_id"

    request_id: str = _REQUEST_ID
    district_code: str = _DISTRICT
    station_id: str = Field(description="The station the request now goes to.", examples=["st-2026-0002"])
    routed_from_station_id: str | None = Field(
        description="The station that held it before and let it lapse; null: no station had it.",
        examples=["st-2026-0001"],
    )
    acceptance_due_on: date | None = Field(
        description="Last working day for the new station to accept it; null while that year's holiday schedule "
        "is not loaded.",
        examples=["2026-10-13"],
    )
    routed_at: datetime


class ContactConfirmationRequested(Event):
    """A one-time code to send to the contact an anonymous form gave, which counts once it is entered.

    Carries what delivering the code needs and nothing else about the person.
    """

    event_type: ClassVar[str] = "gz.sme.activities.contact_confirmation.requested.v1"
    topic = ACTIVITIES_CONTACT_CONFIRMATION
    subject_field: ClassVar[str] = "reference"

    reference: str = Field(
        description="Id of the registration or service request the code confirms (a request's id is the "
        "reference its enterprise follows it by).",
        examples=["0b7c9d1e-2f3a-4b5c-8d6e-7f8091a2b3c4"],
    )
    purpose: ConfirmationPurpose
    channel: ContactChannel
    address: str = Field(
        description="The mobile number (sms) or e-mail address (email) the form gave: where the code goes.",
        examples=["13800110011"],
    )
    code: str = Field(pattern=r"^[0-9]{6}$", description="The one-time code: 6 digits, secret.", examples=["123456"])
    expires_at: datetime = Field(description="The code is refused from this moment.")
    activity_title: str | None = Field(
        default=None, description="The activity registered for (activity_registration only)."
    )
    requested_at: datetime


PUBLISHED_TOPICS = (
    ACTIVITIES_THEME_MONTH,
    ACTIVITIES_ACTIVITY,
    ACTIVITIES_PROMOTION,
    ACTIVITIES_TRAINING,
    ACTIVITIES_DEMAND_REPORT,
    ACTIVITIES_SERVICE_REQUEST,
    ACTIVITIES_CALENDAR,
    ACTIVITIES_CONTACT_CONFIRMATION,
)


class ActivitiesCalendarYearMissing(CalendarYearMissing):
    """The activities service counts the 5 working days a station has to accept a service request, and a
    year it needs is not loaded."""

    event_type: ClassVar[str] = "gz.sme.activities.calendar.year_missing.v1"
    topic = ACTIVITIES_CALENDAR
