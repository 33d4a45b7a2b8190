"""SME service requests (§3.4): filed by an enterprise, accepted, matched and closed by a station,
escalated to the head station when not accepted within 5 working days, and routed on (转派) by the head
station to another station, which has 5 working days of its own."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Protocol

from sme_activities.domain.errors import DomainError, StateConflict
from sme_contracts.common import ServiceCategory
from sme_kit.vocabulary import SHANGHAI

ACCEPTANCE_WORKING_DAYS = 5


class RequestStatus(StrEnum):
    PENDING_CONFIRMATION = "pending_confirmation"  # 待确认：联系人尚未输入验证码，未分派服务站
    VOID = "void"  # 未确认，已作废
    RECEIVED = "received"  # 待受理
    ACCEPTED = "accepted"  # 已受理
    MATCHED = "matched"  # 服务中（已对接）
    CLOSED = "closed"  # 已办结


class Assignment(StrEnum):
    SME_CHOICE = "sme_choice"
    DISTRICT_MATCH = "district_match"
    HEAD_STATION = "head_station"


class Handling(StrEnum):
    INSTITUTION = "institution"
    SELF = "self"


class Outcome(StrEnum):
    RESOLVED = "resolved"
    PARTIALLY_RESOLVED = "partially_resolved"
    UNRESOLVED = "unresolved"


class WorkingDays(Protocol):
    """The working-day calendar (State Council schedule); raises for a year it does not know."""

    def add_working_days(self, start: date, n: int) -> date: ...


def acceptance_due_on(calendar: WorkingDays, received_on: date) -> date:
    """The last of the 5 working days a station has to accept a request; the filing day is not counted.

    Filed 2026-09-30: 10-08, 10-09, 10-10 (make-up Saturday), 10-12, 10-13 -> due 2026-10-13.
    """
    return calendar.add_working_days(received_on, ACCEPTANCE_WORKING_DAYS)


def escalation_moment(due_on: date) -> datetime:
    """Escalation happens once the due day has ended: at midnight after it, Asia/Shanghai."""
    return datetime.combine(due_on + timedelta(days=1), time(0, 0), SHANGHAI)


def recheck_moment(now: datetime, unknown_year: int) -> datetime:
    """When to try again while a year's holiday schedule is unknown: its first day, or tomorrow if that passed.

    Every day before the unknown year is known, so the deadline cannot pass before then.
    """
    first_day = datetime.combine(date(unknown_year, 1, 1), time(0, 0), SHANGHAI)
    tomorrow = datetime.combine(now.astimezone(SHANGHAI).date() + timedelta(days=1), time(0, 0), SHANGHAI)
    return first_day if first_day > now else tomorrow


@dataclass
class ServiceRequest:
    id: str
    company_name: str
    uscc: str
    contact_name: str
    contact_phone: str
    district_code: str
    category: ServiceCategory | None
    details: str
    station_id: str | None  # while pending: the station the enterprise chose, if any
    assignment: Assignment | None  # None until confirmed
    status: RequestStatus
    received_at: datetime  # when it was submitted; once confirmed, when it counts from
    acceptance_due_on: date | None = None
    acceptance_due_waits_for_year: int | None = None  # the deadline is pending until this year's schedule is loaded
    escalated_at: datetime | None = None
    accepted_at: datetime | None = None
    accepted_late: bool = False
    by_head_station: bool = False
    handling: Handling | None = None
    institution_name: str | None = None
    matched_at: datetime | None = None
    outcome: Outcome | None = None
    outcome_note: str | None = None
    satisfaction: int | None = None
    closed_at: datetime | None = None
    timer_key: str | None = None
    contact_email: str | None = None
    # A station's lapse stays on record when the head station routes the request on: `escalated_at` is
    # the lapse of the station holding it now (cleared by routing, so that a new lapse escalates again),
    # `first_escalated_at` the first lapse, and `lapses` how many stations let it pass their deadline.
    first_escalated_at: datetime | None = None
    lapses: int = 0
    routed_at: datetime | None = None  # the head station routed it (转派) to `station_id`; its days count from then
    routed_by: str | None = None
    routed_from_station_id: str | None = None  # the station that held it before (None: it had none)
    route_reason: str | None = None

    @property
    def counts(self) -> bool:
        """Whether the request exists for stations, the head station, districts and assessment."""
        return self.status not in (RequestStatus.PENDING_CONFIRMATION, RequestStatus.VOID)

    @property
    def escalated(self) -> bool:
        return self.escalated_at is not None

    @property
    def personalised(self) -> bool:
        return self.category is None

    @property
    def lapsed(self) -> bool:
        """Whether a station ever let it pass its 5 working days (it still counts after routing)."""
        return self.lapses > 0 or self.escalated

    @property
    def held_by_head_station(self) -> bool:
        """Not accepted yet and the head station's to handle: escalated, or no station fits it."""
        return self.counts and self.status is RequestStatus.RECEIVED and (self.escalated or self.station_id is None)

    @property
    def acceptance_counts_from(self) -> date:
        """The day the station's 5 working days count from: when it was received, or routed to it."""
        return (self.routed_at or self.received_at).date()

    def confirm(self, *, now: datetime, station_id: str | None, assignment: Assignment) -> None:
        """The contact confirmed: the request is received now and goes to the station it was routed to."""
        if self.status is not RequestStatus.PENDING_CONFIRMATION:
            raise StateConflict("该需求不在待确认状态 (the request is not awaiting confirmation)")
        self.status = RequestStatus.RECEIVED
        self.received_at = now
        self.station_id = station_id
        self.assignment = assignment

    def void(self) -> None:
        """Never confirmed: it never counts, and neither the contact's data nor the details are kept."""
        if self.status is not RequestStatus.PENDING_CONFIRMATION:
            raise StateConflict("该需求不在待确认状态 (the request is not awaiting confirmation)")
        self.status = RequestStatus.VOID
        self.contact_name = ""
        self.contact_phone = ""
        self.contact_email = None
        self.details = ""

    def accept(self, *, now: datetime, by_head_station: bool) -> None:
        """The station (or the head station, for escalated or unassigned requests) takes the request on."""
        if not self.counts:
            raise StateConflict("该需求尚未经联系人确认 (the request was never confirmed by its contact)")
        if self.status is not RequestStatus.RECEIVED:
            raise StateConflict(f"该需求已{_STATUS_TEXT[self.status]}，不能重复受理 (already {self.status.value})")
        if by_head_station and not (self.escalated or self.station_id is None):
            raise StateConflict(
                "服务站受理期内，服务总站不能直接受理 "
                "(the head station takes over only escalated or unassigned requests)"
            )
        self.status = RequestStatus.ACCEPTED
        self.accepted_at = now
        self.by_head_station = by_head_station
        self.accepted_late = self.escalated

    def match(self, *, now: datetime, handling: Handling, institution_name: str | None) -> None:
        """Match the request to a resident service institution, or serve it directly."""
        if self.status is not RequestStatus.ACCEPTED:
            raise StateConflict("须先受理需求，再对接服务 (accept the request before matching it)")
        name = (institution_name or "").strip()
        if handling is Handling.INSTITUTION and not name:
            raise DomainError("对接入驻服务机构须填写机构名称 (name the resident service institution)")
        self.status = RequestStatus.MATCHED
        self.handling = handling
        self.institution_name = name if handling is Handling.INSTITUTION else None
        self.matched_at = now

    def close(self, *, now: datetime, outcome: Outcome, note: str, satisfaction: int) -> None:
        """Close with the outcome and the enterprise's satisfaction rating (1-5)."""
        if self.status is not RequestStatus.MATCHED:
            raise StateConflict("须先对接服务，再办结 (match the request before closing it)")
        if not 1 <= satisfaction <= 5:
            raise DomainError("满意度须为1-5分 (satisfaction is rated 1 to 5)")
        self.status = RequestStatus.CLOSED
        self.outcome = outcome
        self.outcome_note = note.strip()
        self.satisfaction = satisfaction
        self.closed_at = now

    def escalate(self, *, now: datetime) -> bool:
        """Escalate to the head station if still not accepted; False when there is nothing to do."""
        if self.status is not RequestStatus.RECEIVED or self.escalated or self.station_id is None:
            return False
        self.escalated_at = now
        self.first_escalated_at = self.first_escalated_at or now
        self.lapses += 1
        return True

    def route(self, *, now: datetime, station_id: str, reason: str, by: str) -> None:
        """The head station routes (转派) a request it holds to a station, which has 5 working days from now.

        The lapse that brought it to the head station stays counted (`first_escalated_at`, `lapses`); the
        new station starts afresh and is late only if it lets the request lapse in turn. The acceptance
        deadline is to be computed again from `acceptance_counts_from`.
        """
        if not self.counts:
            raise StateConflict("该需求尚未经联系人确认 (the request was never confirmed by its contact)")
        if self.status is not RequestStatus.RECEIVED:
            raise StateConflict(f"该需求已{_STATUS_TEXT[self.status]}，不能转派 (already {self.status.value})")
        if not self.held_by_head_station:
            raise StateConflict(
                "服务站受理期内，服务总站不能转派 (the head station routes only escalated or unassigned requests)"
            )
        if station_id == self.station_id:
            raise StateConflict(
                "该服务站已逾期未受理此需求，请转派其他服务站 (this station already let the request lapse)"
            )
        explained = reason.strip()
        if not explained:
            raise DomainError("转派须填写转派说明 (give the reason for routing the request)")
        self.routed_from_station_id = self.station_id
        self.station_id = station_id
        self.escalated_at = None
        self.routed_at = now
        self.routed_by = by
        self.route_reason = explained
        self.acceptance_due_on = None
        self.acceptance_due_waits_for_year = None


_STATUS_TEXT = {
    RequestStatus.RECEIVED: "提交",
    RequestStatus.ACCEPTED: "受理",
    RequestStatus.MATCHED: "对接",
    RequestStatus.CLOSED: "办结",
}
