"""Sample events for every routed event type, and the world they refer to.

The world: applicant and operator A (天河区, station st-a, application app-a), operator B (黄埔区,
station st-b), a revoked station st-r of A. Samples are valid contract events; tests ask for them
through the ``sample`` fixture.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import pytest

from sme_contracts import Event
from sme_contracts import activities as act
from sme_contracts import assessment as ass
from sme_contracts import registry as reg
from sme_contracts import review as rev
from sme_contracts.common import OperatorType, RevocationGround, ServiceCategory, StationStatus

ORG_A = "91440106MA59C1XE2H"
ORG_A_NAME = "广州市天河区创新企业服务有限公司"
ORG_B = "91440112MA59C1XE27"
ORG_B_NAME = "广州市黄埔区产业园服务有限公司"
AT = datetime.fromisoformat("2026-11-28T10:00:00+08:00")
TODAY = date(2026, 11, 28)

_A = {"uscc": ORG_A, "district_code": "440106"}


def _samples() -> dict[str, Callable[[], Event]]:
    return {
        "gz.sme.registry.application.submitted.v1": lambda: reg.ApplicationSubmitted(
            application_id="app-a",
            round_year=2026,
            kind=reg.ApplicationKind.NEW,
            entity_name=ORG_A_NAME,
            submitted_at=AT,
            **_A,
        ),
        "gz.sme.registry.application.returned.v1": lambda: reg.ApplicationReturned(
            application_id="app-a",
            round_year=2026,
            entity_name=ORG_A_NAME,
            reasons=["请补充专职人员劳动合同", "请补充办公场所租赁合同"],
            returned_at=AT,
            **_A,
        ),
        "gz.sme.registry.application.rejected.v1": lambda: reg.ApplicationRejected(
            application_id="app-a",
            round_year=2026,
            entity_name=ORG_A_NAME,
            reasons=["不具备固定办公场所"],
            rejected_at=AT,
            **_A,
        ),
        "gz.sme.registry.application.forwarded.v1": lambda: reg.ApplicationForwarded(
            application_id="app-a",
            round_year=2026,
            kind=reg.ApplicationKind.NEW,
            entity_name=ORG_A_NAME,
            operator_type=OperatorType.SME_SERVICE_CENTRE,
            station_address="广州市天河区天河路100号1楼",
            services=[ServiceCategory.FINANCING, ServiceCategory.LEGAL],
            full_time_staff=3,
            district_opinion="材料齐全，同意上报",
            forwarded_at=AT,
            **_A,
        ),
        "gz.sme.registry.station.registered.v1": lambda: reg.StationRegistered(
            station_id="st-a",
            station_number="GZSME-2026-0001",
            plaque_number="穗中小服站〔2026〕001号",
            application_id="app-a",
            name="广州市民营和中小企业服务站（天河创新园）",
            address="广州市天河区天河路100号",
            operator_type=OperatorType.SME_SERVICE_CENTRE,
            services=[ServiceCategory.FINANCING],
            valid_from=date(2026, 11, 20),
            valid_until=date(2029, 11, 19),
            registered_at=AT,
            **_A,
        ),
        "gz.sme.registry.station.info_changed.v1": lambda: reg.StationInfoChanged(
            station_id="st-a",
            change_id="chg-1",
            fields_changed=["name", "address"],
            completed_on=date(2026, 9, 1),
            reported_on=TODAY,
            late=True,
            reported_at=AT,
            **_A,
        ),
        "gz.sme.registry.station.convention_signed.v1": lambda: reg.StationConventionSigned(
            station_id="st-a", convention_version="2026.1", signed_at=AT, **_A
        ),
        "gz.sme.registry.station.expiring.v1": lambda: reg.StationExpiring(
            station_id="st-a",
            name="广州市民营和中小企业服务站（天河创新园）",
            valid_until=date(2027, 2, 26),
            days_left=90,
            **_A,
        ),
        "gz.sme.registry.station.expired.v1": lambda: reg.StationExpired(
            station_id="st-a",
            name="广州市民营和中小企业服务站（天河创新园）",
            valid_until=TODAY,
            re_review_applied=False,
            **_A,
        ),
        "gz.sme.registry.station.status_changed.v1": lambda: reg.StationStatusChanged(
            station_id="st-r",
            name="广州市民营和中小企业服务站（天河旧址）",
            status=StationStatus.REVOKED,
            previous_status=StationStatus.ACTIVE,
            reason="严重违反服务公约",
            revocation_ground=3,
            valid_until=date(2028, 5, 31),
            effective_on=TODAY,
            changed_at=AT,
            **_A,
        ),
        "gz.sme.review.case.opened.v1": lambda: rev.ReviewCaseOpened(
            case_id="case-a",
            application_id="app-a",
            round_year=2026,
            kind=reg.ApplicationKind.NEW,
            entity_name=ORG_A_NAME,
            opened_at=AT,
            **_A,
        ),
        "gz.sme.review.case.expert_assigned.v1": lambda: rev.ExpertAssigned(
            assignment_id="as-1",
            case_id="case-a",
            round_year=2026,
            expert_id="ex-1",
            entity_name=ORG_A_NAME,
            due_on=date(2026, 12, 10),
            assigned_at=AT,
        ),
        "gz.sme.review.case.expert_reminded.v1": lambda: rev.ExpertReminded(
            case_id="case-a",
            entity_name=ORG_A_NAME,
            expert_id="ex-1",
            due_on=date(2026, 11, 26),
            days_overdue=2,
            reminded_at=AT,
        ),
        "gz.sme.review.case.expert_withdrawn.v1": lambda: rev.ExpertAssignmentWithdrawn(
            assignment_id="as-1",
            case_id="case-a",
            round_year=2026,
            expert_id="ex-1",
            reason_code=rev.WithdrawalReason.CONFLICT_DECLARED,
            withdrawn_at=AT,
        ),
        "gz.sme.review.case.expert_review_completed.v1": lambda: rev.ExpertReviewCompleted(
            case_id="case-a",
            application_id="app-a",
            round_year=2026,
            kind=reg.ApplicationKind.NEW,
            experts=3,
            score=84.25,
            completed_at=AT,
        ),
        "gz.sme.review.round.recommendations_submitted.v1": lambda: rev.RecommendationsSubmitted(
            round_year=2026,
            cases=[
                rev.RecommendedCase(
                    case_id="case-a",
                    application_id="app-a",
                    kind=reg.ApplicationKind.NEW,
                    recommendation=rev.Recommendation.RECOMMEND,
                    score=84.25,
                ),
                rev.RecommendedCase(
                    case_id="case-x",
                    application_id="app-x",
                    kind=reg.ApplicationKind.NEW,
                    recommendation=rev.Recommendation.NOT_RECOMMEND,
                    score=51.0,
                ),
            ],
            submitted_at=AT,
        ),
        "gz.sme.review.round.final_list_published.v1": lambda: rev.FinalListPublished(
            round_year=2026,
            final_list_id="fl-2026",
            published_on=TODAY,
            recognised=[
                rev.FinalListEntry(
                    application_id="app-a",
                    entity_name=ORG_A_NAME,
                    district_code="440106",
                    plaque_number="穗中小服站〔2026〕001号",
                )
            ],
            declined_application_ids=["app-x"],
            published_at=AT,
        ),
        "gz.sme.review.notice.published.v1": lambda: rev.NoticePublished(
            notice_id="n-2026",
            round_year=2026,
            title="2026年广州市民营和中小企业服务站拟认定名单公示",
            published_on=date(2026, 9, 28),
            period_start=date(2026, 9, 28),
            period_end=date(2026, 10, 9),
            objection_deadline=datetime.fromisoformat("2026-10-09T23:59:59+08:00"),
            shortlisted_application_ids=["app-a", "app-never-seen"],
            published_at=AT,
        ),
        "gz.sme.review.calendar.year_missing.v1": lambda: rev.ReviewCalendarYearMissing(
            service="review", years=[2027], checked_on=date(2026, 11, 1), load_path="/calendar/2027"
        ),
        "gz.sme.activities.calendar.year_missing.v1": lambda: act.ActivitiesCalendarYearMissing(
            service="activities", years=[2027], checked_on=date(2026, 11, 8), load_path="/calendar/2027"
        ),
        "gz.sme.review.notice.ended.v1": lambda: rev.NoticeEnded(
            notice_id="n-2026",
            round_year=2026,
            period_end=date(2026, 10, 9),
            objections_received=2,
            objections_unresolved=1,
            ended_at=AT,
        ),
        "gz.sme.review.notice.objection_received.v1": lambda: rev.ObjectionReceived(
            objection_id="ob-1",
            notice_id="n-2026",
            round_year=2026,
            target_application_id="app-a",
            target_uscc=ORG_A,
            target_entity_name=ORG_A_NAME,
            filed_at=AT,
        ),
        "gz.sme.review.notice.objection_resolved.v1": lambda: rev.ObjectionResolved(
            objection_id="ob-1",
            notice_id="n-2026",
            round_year=2026,
            target_application_id="app-a",
            target_uscc=ORG_A,
            outcome=rev.ObjectionOutcome.NOT_UPHELD,
            resolved_at=AT,
        ),
        "gz.sme.review.outcome.station_recognised.v1": lambda: rev.StationRecognised(
            application_id="app-a",
            round_year=2026,
            entity_name=ORG_A_NAME,
            plaque_number="穗中小服站〔2026〕001号",
            final_list_id="fl-2026",
            final_list_published_on=date(2026, 10, 20),
            recognised_at=AT,
            **_A,
        ),
        "gz.sme.review.outcome.application_declined.v1": lambda: rev.ApplicationDeclined(
            application_id="app-a",
            round_year=2026,
            entity_name=ORG_A_NAME,
            reason_code=rev.DeclineReason.NOT_RECOMMENDED,
            reason="专家评审得分未达推荐线",
            declined_at=AT,
            **_A,
        ),
        "gz.sme.review.outcome.re_review_passed.v1": lambda: rev.ReReviewPassed(
            application_id="app-a", station_id="st-a", round_year=2026, confirmed_on=TODAY, decided_at=AT, **_A
        ),
        "gz.sme.review.outcome.re_review_failed.v1": lambda: rev.ReReviewFailed(
            application_id="app-a",
            station_id="st-r",
            round_year=2026,
            reason="服务记录不足",
            decided_on=TODAY,
            decided_at=AT,
            **_A,
        ),
        "gz.sme.activities.theme_month.planned.v1": lambda: act.ThemeMonthPlanned(
            theme_month_id="tm-2027-03",
            year=2027,
            month=3,
            theme=act.ThemeKind.INTELLECTUAL_PROPERTY,
            title="知识产权服务月",
            goals=["举办专利质押融资沙龙不少于2场"],
            revision=1,
            planned_at=AT,
        ),
        "gz.sme.activities.activity.scheduled.v1": lambda: act.ActivityScheduled(
            activity_id="act-1",
            activity_type=act.ActivityType.SALON,
            title="知识产权质押融资政策沙龙",
            organiser_station_id="st-a",
            organiser_district_code="440106",
            co_organiser_station_ids=["st-b"],
            institution_count=1,
            starts_at=datetime.fromisoformat("2026-12-05T14:00:00+08:00"),
            ends_at=datetime.fromisoformat("2026-12-05T16:00:00+08:00"),
            online=False,
            capacity=30,
            scheduled_at=AT,
        ),
        "gz.sme.activities.activity.co_organiser_withdrawn.v1": lambda: act.ActivityCoOrganiserWithdrawn(
            activity_id="act-1",
            station_id="st-b",
            organiser_station_id="st-a",
            starts_at=datetime.fromisoformat("2026-12-05T14:00:00+08:00"),
            reason="协办服务站已被撤销服务站称号",
            withdrawn_at=AT,
        ),
        "gz.sme.activities.activity.cancelled.v1": lambda: act.ActivityCancelled(
            activity_id="act-2",
            organiser_station_id=None,
            co_organiser_station_ids=["st-b"],
            starts_at=datetime.fromisoformat("2026-12-06T09:30:00+08:00"),
            reason_code=act.CancelReason.BY_ORGANISER,
            reason="场地临时不可用",
            registered_count=12,
            cancelled_at=AT,
        ),
        "gz.sme.activities.promotion.below_target.v1": lambda: act.PromotionBelowTarget(
            station_id="st-a", district_code="440106", year=2026, count=1, checked_on=date(2026, 10, 1), checked_at=AT
        ),
        "gz.sme.activities.demand_report.submitted.v1": lambda: act.DemandReportSubmitted(
            report_id="dr-1",
            station_id="st-a",
            district_code="440106",
            year=2026,
            quarter=3,
            revision=1,
            industries=["智能制造", "跨境电商"],
            enterprises_surveyed=25,
            need_categories=[ServiceCategory.FINANCING, ServiceCategory.TALENT],
            submitted_at=AT,
        ),
        "gz.sme.activities.contact_confirmation.requested.v1": lambda: act.ContactConfirmationRequested(
            reference="rg-1",
            purpose=act.ConfirmationPurpose.ACTIVITY_REGISTRATION,
            channel=act.ContactChannel.SMS,
            address="13500135000",
            code="246810",
            expires_at=datetime.fromisoformat("2026-11-28T10:30:00+08:00"),
            activity_title="知识产权质押融资政策沙龙",
            requested_at=AT,
        ),
        "gz.sme.activities.service_request.received.v1": lambda: act.ServiceRequestReceived(
            request_id="rq-1",
            category=ServiceCategory.LEGAL,
            district_code="440112",
            station_id="st-b",
            assignment=act.RequestAssignment.DISTRICT_MATCH,
            acceptance_due_on=date(2026, 12, 5),
            received_at=AT,
        ),
        "gz.sme.activities.service_request.escalated.v1": lambda: act.ServiceRequestEscalated(
            request_id="rq-2",
            station_id="st-a",
            district_code="440106",
            category=None,
            received_at=datetime.fromisoformat("2026-11-20T10:00:00+08:00"),
            acceptance_due_on=date(2026, 11, 27),
            reason="服务站未在5个工作日内受理",
            escalated_at=AT,
        ),
        "gz.sme.activities.service_request.routed.v1": lambda: act.ServiceRequestRouted(
            request_id="rq-3",
            district_code="440112",
            station_id="st-b",
            routed_from_station_id="st-a",
            acceptance_due_on=date(2026, 12, 7),
            routed_at=AT,
        ),
        "gz.sme.assessment.cycle.opened.v1": lambda: ass.AssessmentCycleOpened(
            cycle_id="cy-2026",
            year=2026,
            pass_mark=60,
            indicators=[
                ass.IndicatorWeight(code="promotion_sessions", name="宣讲推广（每年不少于3次）", weight=15),
                ass.IndicatorWeight(code="service_requests", name="企业服务需求办理", weight=85),
            ],
            opened_at=AT,
        ),
        "gz.sme.assessment.result.published.v1": lambda: ass.AssessmentResultPublished(
            result_id="r-1",
            cycle_id="cy-2026",
            station_id="st-a",
            year=2026,
            total=48.5,
            pass_mark=60,
            outcome=ass.AssessmentOutcome.UNQUALIFIED,
            rectification_due_on=date(2027, 3, 31),
            published_at=AT,
            **_A,
        ),
        "gz.sme.assessment.result.non_participation_recorded.v1": lambda: ass.NonParticipationRecorded(
            cycle_id="cy-2026",
            station_id="st-a",
            year=2026,
            excused=False,
            reason="未按通知提交考核材料，亦未说明理由",
            recorded_at=AT,
            **_A,
        ),
        "gz.sme.assessment.rectification.required.v1": lambda: ass.RectificationRequired(
            rectification_id="rc-1",
            cycle_id="cy-2026",
            station_id="st-a",
            year=2026,
            total=48.5,
            due_on=date(2027, 3, 31),
            required_at=AT,
            **_A,
        ),
        "gz.sme.assessment.rectification.report_submitted.v1": lambda: ass.RectificationReportSubmitted(
            rectification_id="rc-1",
            station_id="st-a",
            year=2026,
            due_on=date(2027, 3, 31),
            late=False,
            attachment_count=2,
            submitted_at=AT,
            **_A,
        ),
        "gz.sme.assessment.rectification.report_missing.v1": lambda: ass.RectificationReportMissing(
            rectification_id="rc-1", station_id="st-a", year=2026, due_on=date(2027, 3, 31), recorded_at=AT, **_A
        ),
        "gz.sme.assessment.rectification.reassessed.v1": lambda: ass.ReassessmentCompleted(
            rectification_id="rc-1",
            station_id="st-a",
            year=2026,
            outcome=ass.AssessmentOutcome.QUALIFIED,
            score=72.0,
            opinion="整改措施落实到位",
            decided_at=AT,
            **_A,
        ),
        "gz.sme.assessment.revocation.proposed.v1": lambda: ass.RevocationProposed(
            revocation_id="rv-1",
            station_id="st-r",
            ground=RevocationGround.ASSESSMENT_SKIPPED_OR_FAILED,
            ground_text="无故不参加年度考核，或整改后年度考核结果仍为“不合格”",
            origin=ass.ProposalOrigin.AUTOMATIC,
            trigger="2026年度考核整改后复评仍为不合格",
            proposed_at=AT,
            **_A,
        ),
        "gz.sme.assessment.revocation.station_revoked.v1": lambda: ass.StationRevoked(
            station_id="st-r",
            revocation_id="rv-1",
            ground=RevocationGround.SERIOUS_CONVENTION_BREACH,
            ground_text="严重违反服务公约",
            reason="多次未按公约开展服务，经核实属实",
            decided_on=TODAY,
            effective_on=TODAY,
            decided_at=AT,
            **_A,
        ),
        "gz.sme.assessment.revocation.dismissed.v1": lambda: ass.RevocationDismissed(
            revocation_id="rv-2",
            station_id="st-r",
            ground=RevocationGround.NO_OR_FAILED_RE_REVIEW,
            reason="经核查，该站已于期限内补交复核申请材料",
            decided_at=AT,
            **_A,
        ),
        "gz.sme.assessment.work_document.overdue.v1": lambda: ass.SubmissionOverdue(
            station_id="st-a",
            kind=ass.WorkDocumentKind.PLAN,
            year=2026,
            due_on=date(2026, 3, 31),
            status=ass.LapseStatus.MISSING,
            recorded_at=AT,
            **_A,
        ),
    }


SAMPLES = _samples()
Sample = Callable[..., Event]


@dataclass(frozen=True)
class World:
    """The organisations and officials the samples refer to (contacts as the tests register them)."""

    org_a: str = ORG_A
    org_a_name: str = ORG_A_NAME
    org_b: str = ORG_B
    org_b_name: str = ORG_B_NAME


def _make(event_type: str, **changes: Any) -> Event:
    event = SAMPLES[event_type]()
    return event.model_copy(update=changes) if changes else event


@pytest.fixture(scope="session")
def sample() -> Sample:
    """``sample(event_type, **changes)``: a valid event of that type from the sample world."""
    return _make


@pytest.fixture(scope="session")
def world() -> World:
    return World()
