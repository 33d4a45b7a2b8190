"""Turns the assessment domain into the contracts it publishes: ids, codes, dates, scores and the
bureau's explanations; never the text of plans, summaries or reports."""

from __future__ import annotations

from datetime import date, datetime

from sme_assessment.domain.cycles import Cycle, NonParticipation, StationResult
from sme_assessment.domain.plans import Lapse, WorkDocument
from sme_assessment.domain.rectification import Rectification
from sme_assessment.domain.revocation import RevocationCase
from sme_contracts import assessment as contract


def document_submitted(document: WorkDocument, attachment_count: int) -> contract.WorkDocumentSubmitted:
    return contract.WorkDocumentSubmitted(
        document_id=document.id,
        station_id=document.station_id,
        uscc=document.uscc,
        district_code=document.district_code,
        kind=contract.WorkDocumentKind(document.kind.value),
        year=document.year,
        revision=document.revision,
        due_on=document.due_on,
        late=document.late,
        days_late=document.days_late,
        attachment_count=attachment_count,
        submitted_at=document.submitted_at,
    )


def submission_overdue(lapse: Lapse, now: datetime) -> contract.SubmissionOverdue:
    return contract.SubmissionOverdue(
        station_id=lapse.station_id,
        uscc=lapse.uscc,
        district_code=lapse.district_code,
        kind=contract.WorkDocumentKind(lapse.kind.value),
        year=lapse.year,
        due_on=lapse.due_on,
        status=contract.LapseStatus(lapse.status.value),
        days_late=lapse.days_late,
        recorded_at=now,
    )


def cycle_opened(cycle: Cycle) -> contract.AssessmentCycleOpened:
    return contract.AssessmentCycleOpened(
        cycle_id=cycle.id,
        year=cycle.year,
        pass_mark=cycle.pass_mark,
        indicators=[
            contract.IndicatorWeight(code=spec.code, name=spec.name, weight=spec.weight, manual=spec.manual)
            for spec in cycle.indicators
        ],
        opened_at=cycle.opened_at,
    )


def result_published(result: StationResult, rectification_due_on: date | None) -> contract.AssessmentResultPublished:
    assert result.published_at is not None
    return contract.AssessmentResultPublished(
        result_id=result.id,
        cycle_id=result.cycle_id,
        station_id=result.station_id,
        uscc=result.uscc,
        district_code=result.district_code,
        year=result.year,
        total=result.total,
        pass_mark=result.pass_mark,
        outcome=contract.AssessmentOutcome(result.outcome.value),
        rectification_due_on=rectification_due_on,
        published_at=result.published_at,
    )


def non_participation_recorded(record: NonParticipation, year: int) -> contract.NonParticipationRecorded:
    return contract.NonParticipationRecorded(
        cycle_id=record.cycle_id,
        station_id=record.station_id,
        uscc=record.uscc,
        district_code=record.district_code,
        year=year,
        excused=record.excused,
        reason=record.reason,
        recorded_at=record.recorded_at,
    )


def rectification_required(rectification: Rectification) -> contract.RectificationRequired:
    return contract.RectificationRequired(
        rectification_id=rectification.id,
        cycle_id=rectification.cycle_id,
        station_id=rectification.station_id,
        uscc=rectification.uscc,
        district_code=rectification.district_code,
        year=rectification.year,
        total=rectification.total,
        due_on=rectification.due_on,
        required_at=rectification.ordered_at,
    )


def report_submitted(rectification: Rectification, attachment_count: int) -> contract.RectificationReportSubmitted:
    assert rectification.report_submitted_at is not None
    return contract.RectificationReportSubmitted(
        rectification_id=rectification.id,
        station_id=rectification.station_id,
        uscc=rectification.uscc,
        district_code=rectification.district_code,
        year=rectification.year,
        due_on=rectification.due_on,
        late=rectification.report_late,
        attachment_count=attachment_count,
        submitted_at=rectification.report_submitted_at,
    )


def report_missing(rectification: Rectification) -> contract.RectificationReportMissing:
    assert rectification.missing_recorded_at is not None
    return contract.RectificationReportMissing(
        rectification_id=rectification.id,
        station_id=rectification.station_id,
        uscc=rectification.uscc,
        district_code=rectification.district_code,
        year=rectification.year,
        due_on=rectification.due_on,
        recorded_at=rectification.missing_recorded_at,
    )


def reassessed(rectification: Rectification) -> contract.ReassessmentCompleted:
    assert rectification.reassessed_outcome is not None
    assert rectification.reassessed_at is not None
    return contract.ReassessmentCompleted(
        rectification_id=rectification.id,
        station_id=rectification.station_id,
        uscc=rectification.uscc,
        district_code=rectification.district_code,
        year=rectification.year,
        outcome=contract.AssessmentOutcome(rectification.reassessed_outcome.value),
        score=rectification.reassessed_score,
        opinion=rectification.opinion or "",
        decided_at=rectification.reassessed_at,
    )


def revocation_proposed(case: RevocationCase) -> contract.RevocationProposed:
    return contract.RevocationProposed(
        revocation_id=case.id,
        station_id=case.station_id,
        uscc=case.uscc,
        district_code=case.district_code,
        ground=case.ground,
        ground_text=case.ground_text,
        origin=contract.ProposalOrigin(case.origin.value),
        trigger=case.trigger,
        proposed_at=case.proposed_at,
    )


def station_revoked(case: RevocationCase) -> contract.StationRevoked:
    assert case.decided_on is not None
    assert case.effective_on is not None
    assert case.decided_at is not None
    assert case.decision_reason
    return contract.StationRevoked(
        station_id=case.station_id,
        revocation_id=case.id,
        uscc=case.uscc,
        district_code=case.district_code,
        ground=case.ground,
        ground_text=case.ground_text,
        reason=case.decision_reason,
        decided_on=case.decided_on,
        effective_on=case.effective_on,
        decided_at=case.decided_at,
    )


def revocation_dismissed(case: RevocationCase) -> contract.RevocationDismissed:
    assert case.decided_at is not None
    assert case.decision_reason
    return contract.RevocationDismissed(
        revocation_id=case.id,
        station_id=case.station_id,
        uscc=case.uscc,
        district_code=case.district_code,
        ground=case.ground,
        reason=case.decision_reason,
        decided_at=case.decided_at,
    )
