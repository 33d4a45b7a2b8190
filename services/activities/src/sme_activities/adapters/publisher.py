"""Turns the activities domain into the contracts it publishes: ids, dates, counts and categories only
(and, for a one-time code, the one address it goes to)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sme_activities.domain.activities import Activity
from sme_activities.domain.confirmations import Contact, ContactConfirmation
from sme_activities.domain.demand_reports import DemandReport
from sme_activities.domain.promotion import TARGET_PER_YEAR, PromotionSession
from sme_activities.domain.service_requests import ServiceRequest
from sme_activities.domain.stations import Station
from sme_activities.domain.theme_months import ThemeMonth
from sme_activities.domain.trainings import StationCount, Training
from sme_contracts import activities as contract


def theme_month_planned(month: ThemeMonth) -> contract.ThemeMonthPlanned:
    return contract.ThemeMonthPlanned(
        theme_month_id=month.id,
        year=month.year,
        month=month.month,
        theme=contract.ThemeKind(month.theme.value),
        title=month.title,
        goals=month.goals,
        revision=month.revision,
        planned_at=month.planned_at,
    )


def activity_scheduled(activity: Activity) -> contract.ActivityScheduled:
    return contract.ActivityScheduled(
        activity_id=activity.id,
        activity_type=contract.ActivityType(activity.activity_type.value),
        title=activity.title,
        theme_month_id=activity.theme_month_id,
        organiser_station_id=activity.organiser_station_id,
        organiser_district_code=activity.organiser_district_code,
        co_organiser_station_ids=activity.co_organiser_station_ids,
        institution_count=len(activity.institutions),
        starts_at=activity.starts_at,
        ends_at=activity.ends_at,
        online=bool(activity.online_link),
        capacity=activity.capacity,
        scheduled_at=activity.created_at,
    )


def co_organiser_withdrawn(
    activity: Activity, station_id: str, reason: str, now: datetime
) -> contract.ActivityCoOrganiserWithdrawn:
    return contract.ActivityCoOrganiserWithdrawn(
        activity_id=activity.id,
        station_id=station_id,
        organiser_station_id=activity.organiser_station_id,
        starts_at=activity.starts_at,
        reason=reason,
        withdrawn_at=now,
    )


def activity_cancelled(activity: Activity) -> contract.ActivityCancelled:
    assert activity.cancel_reason_code is not None
    assert activity.cancelled_at is not None
    return contract.ActivityCancelled(
        activity_id=activity.id,
        organiser_station_id=activity.organiser_station_id,
        organiser_district_code=activity.organiser_district_code,
        co_organiser_station_ids=activity.co_organiser_station_ids,
        starts_at=activity.starts_at,
        reason_code=contract.CancelReason(activity.cancel_reason_code.value),
        reason=activity.cancel_reason or "",
        registered_count=activity.registered_count,
        cancelled_at=activity.cancelled_at,
    )


def activity_completed(activity: Activity, attachment_count: int) -> contract.ActivityCompleted:
    assert activity.completed_at is not None
    assert activity.attendance_count is not None
    return contract.ActivityCompleted(
        activity_id=activity.id,
        activity_type=contract.ActivityType(activity.activity_type.value),
        theme_month_id=activity.theme_month_id,
        organiser_station_id=activity.organiser_station_id,
        organiser_district_code=activity.organiser_district_code,
        co_organiser_station_ids=activity.co_organiser_station_ids,
        held_on=activity.starts_at.date(),
        registered_count=activity.registered_count,
        attendance_count=activity.attendance_count,
        attachment_count=attachment_count,
        completed_at=activity.completed_at,
    )


def promotion_recorded(session: PromotionSession, count_this_year: int) -> contract.PromotionRecorded:
    return contract.PromotionRecorded(
        promotion_id=session.id,
        station_id=session.station_id,
        district_code=session.district_code,
        year=session.year,
        held_on=session.held_on,
        subjects=[contract.PromotionSubject(subject.value) for subject in session.subjects],
        activity_id=session.activity_id,
        theme_month_id=session.theme_month_id,
        audience_count=session.audience_count,
        count_this_year=count_this_year,
        target=TARGET_PER_YEAR,
        recorded_at=session.recorded_at,
    )


def promotion_below_target(
    station: Station, *, year: int, count: int, checked_on: date, now: datetime
) -> contract.PromotionBelowTarget:
    return contract.PromotionBelowTarget(
        station_id=station.id,
        district_code=station.district_code,
        year=year,
        count=count,
        target=TARGET_PER_YEAR,
        checked_on=checked_on,
        checked_at=now,
    )


def training_held(training: Training, counts: Sequence[StationCount]) -> contract.TrainingHeld:
    return contract.TrainingHeld(
        training_id=training.id,
        title=training.title,
        held_on=training.held_on,
        attendance=[
            contract.StationAttendance(
                station_id=count.station_id,
                district_code=count.district_code,
                attended=count.attended,
                absent=count.absent,
            )
            for count in counts
        ],
        total_attended=sum(count.attended for count in counts),
        recorded_at=training.recorded_at,
    )


def demand_report_submitted(report: DemandReport) -> contract.DemandReportSubmitted:
    return contract.DemandReportSubmitted(
        report_id=report.id,
        station_id=report.station_id,
        district_code=report.district_code,
        year=report.year,
        quarter=report.quarter,
        revision=report.revision,
        industries=[finding.industry for finding in report.industries],
        enterprises_surveyed=report.enterprises_surveyed,
        need_categories=report.need_categories,
        submitted_at=report.submitted_at,
    )


def request_received(request: ServiceRequest) -> contract.ServiceRequestReceived:
    assert request.assignment is not None  # set when the request is confirmed and routed
    return contract.ServiceRequestReceived(
        request_id=request.id,
        category=request.category,
        district_code=request.district_code,
        station_id=request.station_id,
        assignment=contract.RequestAssignment(request.assignment.value),
        acceptance_due_on=request.acceptance_due_on,
        received_at=request.received_at,
    )


def request_accepted(request: ServiceRequest) -> contract.ServiceRequestAccepted:
    assert request.accepted_at is not None
    return contract.ServiceRequestAccepted(
        request_id=request.id,
        station_id=request.station_id,
        district_code=request.district_code,
        by_head_station=request.by_head_station,
        late=request.accepted_late,
        accepted_at=request.accepted_at,
    )


def request_matched(request: ServiceRequest) -> contract.ServiceRequestMatched:
    assert request.handling is not None
    assert request.matched_at is not None
    return contract.ServiceRequestMatched(
        request_id=request.id,
        station_id=request.station_id,
        district_code=request.district_code,
        category=request.category,
        handling=contract.RequestHandling(request.handling.value),
        institution_name=request.institution_name,
        matched_at=request.matched_at,
    )


def request_closed(request: ServiceRequest) -> contract.ServiceRequestClosed:
    assert request.handling is not None
    assert request.outcome is not None
    assert request.satisfaction is not None
    assert request.closed_at is not None
    return contract.ServiceRequestClosed(
        request_id=request.id,
        station_id=request.station_id,
        district_code=request.district_code,
        category=request.category,
        handling=contract.RequestHandling(request.handling.value),
        outcome=contract.RequestOutcome(request.outcome.value),
        satisfaction=request.satisfaction,
        by_head_station=request.by_head_station,
        closed_at=request.closed_at,
    )


def request_escalated(request: ServiceRequest, reason: str) -> contract.ServiceRequestEscalated:
    assert request.escalated_at is not None
    return contract.ServiceRequestEscalated(
        request_id=request.id,
        station_id=request.station_id,
        district_code=request.district_code,
        category=request.category,
        received_at=request.received_at,
        acceptance_due_on=request.acceptance_due_on,
        reason=reason,
        escalated_at=request.escalated_at,
        lapse=max(request.lapses, 1),
    )


def request_routed(request: ServiceRequest) -> contract.ServiceRequestRouted:
    assert request.station_id is not None
    assert request.routed_at is not None
    return contract.ServiceRequestRouted(
        request_id=request.id,
        district_code=request.district_code,
        station_id=request.station_id,
        routed_from_station_id=request.routed_from_station_id,
        acceptance_due_on=request.acceptance_due_on,
        routed_at=request.routed_at,
    )


def contact_confirmation_requested(
    confirmation: ContactConfirmation, contact: Contact, code: str, activity_title: str | None
) -> contract.ContactConfirmationRequested:
    """The message that carries a one-time code to its contact: the code exists only here and in the
    message, never in this service's tables."""
    return contract.ContactConfirmationRequested(
        reference=confirmation.reference,
        purpose=contract.ConfirmationPurpose(confirmation.purpose.value),
        channel=contract.ContactChannel(contact.channel.value),
        address=contact.address,
        code=code,
        expires_at=confirmation.expires_at,
        activity_title=activity_title,
        requested_at=confirmation.last_sent_at,
    )
