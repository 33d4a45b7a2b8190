"""Turns review's domain objects into the events it publishes (``sme_contracts.review``).

Only what consumers need leaves the service: no expert names, and nothing about objectors.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sme_contracts import review as contract
from sme_contracts.registry import ApplicationKind
from sme_review.domain.cases import CaseStatus, ReviewCase
from sme_review.domain.experts import Assignment
from sme_review.domain.final_list import Decline, FinalList, Recognition
from sme_review.domain.notices import Notice
from sme_review.domain.objections import Objection


def case_opened(case: ReviewCase) -> contract.ReviewCaseOpened:
    return contract.ReviewCaseOpened(
        case_id=case.id,
        application_id=case.application_id,
        round_year=case.round_year,
        kind=ApplicationKind(case.kind.value),
        station_id=case.station_id,
        uscc=case.uscc,
        entity_name=case.entity_name,
        district_code=case.district_code,
        opened_at=case.opened_at,
    )


def expert_assigned(assignment: Assignment, case: ReviewCase) -> contract.ExpertAssigned:
    return contract.ExpertAssigned(
        assignment_id=assignment.id,
        case_id=case.id,
        round_year=case.round_year,
        expert_id=assignment.expert_id,
        entity_name=case.entity_name,
        due_on=assignment.due_on,
        assigned_at=assignment.assigned_at,
    )


def expert_reminded(
    assignment: Assignment, case: ReviewCase, days_overdue: int, at: datetime
) -> contract.ExpertReminded:
    return contract.ExpertReminded(
        case_id=case.id,
        entity_name=case.entity_name,
        expert_id=assignment.expert_id,
        due_on=assignment.due_on,
        days_overdue=days_overdue,
        reminded_at=at,
    )


def expert_withdrawn(
    assignment: Assignment, reason: contract.WithdrawalReason, at: datetime
) -> contract.ExpertAssignmentWithdrawn:
    return contract.ExpertAssignmentWithdrawn(
        assignment_id=assignment.id,
        case_id=assignment.case_id,
        round_year=assignment.round_year,
        expert_id=assignment.expert_id,
        reason_code=reason,
        withdrawn_at=at,
    )


def expert_review_completed(case: ReviewCase) -> contract.ExpertReviewCompleted:
    assert case.score is not None
    assert case.review_completed_at is not None
    return contract.ExpertReviewCompleted(
        case_id=case.id,
        application_id=case.application_id,
        round_year=case.round_year,
        kind=ApplicationKind(case.kind.value),
        experts=case.experts_scored,
        score=float(case.score),
        completed_at=case.review_completed_at,
    )


def recommendations_submitted(
    year: int, submitted: Sequence[ReviewCase], at: datetime
) -> contract.RecommendationsSubmitted:
    return contract.RecommendationsSubmitted(
        round_year=year,
        cases=[
            contract.RecommendedCase(
                case_id=case.id,
                application_id=case.application_id,
                kind=ApplicationKind(case.kind.value),
                recommendation=contract.Recommendation(case.recommendation.value if case.recommendation else ""),
                score=float(case.score or 0),
            )
            for case in submitted
        ],
        submitted_at=at,
    )


def notice_published(notice: Notice) -> contract.NoticePublished:
    return contract.NoticePublished(
        notice_id=notice.id,
        round_year=notice.round_year,
        title=notice.title,
        published_on=notice.published_on,
        period_start=notice.period_start,
        period_end=notice.period_end,
        objection_deadline=notice.objection_deadline,
        shortlisted_application_ids=[entry.application_id for entry in notice.entries],
        published_at=notice.published_at,
    )


def notice_ended(notice: Notice, *, received: int, unresolved: int) -> contract.NoticeEnded:
    assert notice.ended_at is not None
    return contract.NoticeEnded(
        notice_id=notice.id,
        round_year=notice.round_year,
        period_end=notice.period_end,
        objections_received=received,
        objections_unresolved=unresolved,
        ended_at=notice.ended_at,
    )


def objection_received(objection: Objection, case: ReviewCase) -> contract.ObjectionReceived:
    return contract.ObjectionReceived(
        objection_id=objection.id,
        notice_id=objection.notice_id,
        round_year=objection.round_year,
        target_application_id=objection.target_application_id,
        target_uscc=case.uscc,
        target_entity_name=case.entity_name,
        filed_at=objection.filed_at,
    )


def objection_resolved(objection: Objection, case: ReviewCase) -> contract.ObjectionResolved:
    assert objection.outcome is not None
    assert objection.resolved_at is not None
    return contract.ObjectionResolved(
        objection_id=objection.id,
        notice_id=objection.notice_id,
        round_year=objection.round_year,
        target_application_id=objection.target_application_id,
        target_uscc=case.uscc,
        outcome=contract.ObjectionOutcome(objection.outcome.value),
        resolved_at=objection.resolved_at,
    )


def final_list_published(final_list: FinalList) -> contract.FinalListPublished:
    return contract.FinalListPublished(
        round_year=final_list.round_year,
        final_list_id=final_list.id,
        published_on=final_list.published_on,
        recognised=[
            contract.FinalListEntry(
                application_id=entry.application_id,
                entity_name=entry.entity_name,
                district_code=entry.district_code,
                plaque_number=entry.plaque_number,
            )
            for entry in final_list.entries
        ],
        declined_application_ids=list(final_list.declined_application_ids),
        published_at=final_list.published_at,
    )


def station_recognised(recognition: Recognition, final_list: FinalList) -> contract.StationRecognised:
    case = recognition.case
    return contract.StationRecognised(
        application_id=case.application_id,
        round_year=case.round_year,
        uscc=case.uscc,
        entity_name=case.entity_name,
        district_code=case.district_code,
        plaque_number=recognition.plaque_number,
        final_list_id=final_list.id,
        final_list_published_on=final_list.published_on,
        recognised_at=final_list.published_at,
    )


def application_declined(decline: Decline, at: datetime) -> contract.ApplicationDeclined:
    case = decline.case
    return contract.ApplicationDeclined(
        application_id=case.application_id,
        round_year=case.round_year,
        uscc=case.uscc,
        entity_name=case.entity_name,
        district_code=case.district_code,
        reason_code=contract.DeclineReason(decline.code.value),
        reason=decline.reason,
        declined_at=at,
    )


def re_review_decided(case: ReviewCase) -> contract.ReReviewPassed | contract.ReReviewFailed:
    """The bureau's re-review decision as registry and assessment read it."""
    assert case.station_id is not None
    assert case.decided_on is not None
    assert case.decided_at is not None
    if case.status is CaseStatus.RE_REVIEW_PASSED:
        return contract.ReReviewPassed(
            application_id=case.application_id,
            station_id=case.station_id,
            round_year=case.round_year,
            uscc=case.uscc,
            district_code=case.district_code,
            confirmed_on=case.decided_on,
            decided_at=case.decided_at,
        )
    return contract.ReReviewFailed(
        application_id=case.application_id,
        station_id=case.station_id,
        round_year=case.round_year,
        uscc=case.uscc,
        district_code=case.district_code,
        reason=case.outcome_reason,
        decided_on=case.decided_on,
        decided_at=case.decided_at,
    )
