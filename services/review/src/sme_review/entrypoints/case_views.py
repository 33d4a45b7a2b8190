"""How a case reads over HTTP, depending on who reads it.

Staff (head station, bureau) see everything, including which experts review it; a district
officer sees its district's cases with their result but not the experts; an assigned expert sees
what it scores; the applicant sees its own case and its outcome.
"""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from sme_kit.vocabulary import GUANGZHOU_DISTRICTS
from sme_review.domain.cases import CaseKind, CaseStatus, Recommendation, ReviewCase
from sme_review.service_layer.access import Audience
from sme_review.service_layer.cases import AssignedExpert, CaseDetails


class ApplicationView(BaseModel):
    """What the district forwarded (§4.1.3(1)); no staff names or phone numbers."""

    uscc: str = Field(examples=["91440106MA59C1XE2H"])
    entity_name: str = Field(examples=["广州市天河区创新企业服务有限公司"])
    district_code: str = Field(examples=["440106"])
    district_name: str | None = Field(examples=["天河区"])
    operator_type: str = Field(examples=["industrial_park"])
    station_address: str = Field(examples=["广州市天河区天河北路 100 号"])
    services: list[str] = Field(examples=[["information", "financing"]])
    personalised_services: str
    industries: list[str]
    full_time_staff: int = Field(examples=[3])
    district_opinion: str = Field(examples=["材料齐全，符合申报条件，同意上报"])
    forwarded_at: datetime


class ReviewResultView(BaseModel):
    """The experts' result and the head station's recommendation."""

    experts_assigned: int
    experts_scored: int
    score: float | None = Field(
        description="Average of the experts' weighted totals, once all scored.", examples=[84.25]
    )
    review_completed_at: datetime | None
    recommendation: Recommendation | None
    recommendation_reasons: str = Field(examples=["服务能力突出，专职人员配备充足，建议推荐"])
    recommended_at: datetime | None
    submitted_at: datetime | None
    shortlist_rank: int | None


class OutcomeView(BaseModel):
    outcome_code: str | None = Field(examples=["objection_upheld"])
    outcome_reason: str = Field(examples=["列入服务站最终认定名单"])
    decided_on: date | None
    plaque_number: str | None = Field(examples=["穗中小服站〔2026〕001号"])


class AssignedExpertView(BaseModel):
    assignment_id: str
    expert_id: str = Field(examples=["expert-lin"])
    expert_name: str | None = Field(examples=["林晓明"])
    organisation_name: str | None = Field(examples=["广州市中小企业发展促进中心"])
    status: str = Field(description="active, recused (conflict declared) or withdrawn.", examples=["active"])
    due_on: date
    assigned_at: datetime
    ended_at: datetime | None
    end_reason: str
    reminders_sent: int = Field(description="How many times the head station reminded the expert (催办).")
    last_reminded_at: datetime | None = Field(description="When the expert was last reminded; null if never.")

    @classmethod
    def of(cls, item: AssignedExpert) -> AssignedExpertView:
        a = item.assignment
        return cls(
            assignment_id=a.id,
            expert_id=a.expert_id,
            expert_name=item.expert.name if item.expert else None,
            organisation_name=item.expert.organisation_name if item.expert else None,
            status=a.status.value,
            due_on=a.due_on,
            assigned_at=a.assigned_at,
            ended_at=a.ended_at,
            end_reason=a.end_reason,
            reminders_sent=a.reminders_sent,
            last_reminded_at=a.last_reminded_at,
        )


class CaseView(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"description": "Sections a reader may not see are null (review, assignments)."}
    )

    id: str
    application_id: str
    round_year: int
    kind: CaseKind
    station_id: str | None
    status: CaseStatus
    opened_at: datetime
    application: ApplicationView
    outcome: OutcomeView
    review: ReviewResultView | None = Field(description="Staff and the district's officers.")
    assignments: list[AssignedExpertView] | None = Field(description="Staff only.")

    @classmethod
    def of(cls, details: CaseDetails) -> CaseView:
        case = details.case
        sees_review = details.audience in (Audience.STAFF, Audience.DISTRICT)
        return cls(
            id=case.id,
            application_id=case.application_id,
            round_year=case.round_year,
            kind=case.kind,
            station_id=case.station_id,
            status=case.status,
            opened_at=case.opened_at,
            application=application_view(case),
            outcome=outcome_view(case),
            review=review_view(case) if sees_review else None,
            assignments=[AssignedExpertView.of(a) for a in details.assignments]
            if details.audience is Audience.STAFF
            else None,
        )


class CaseSummaryView(BaseModel):
    id: str
    application_id: str
    round_year: int
    kind: CaseKind
    status: CaseStatus
    uscc: str
    entity_name: str
    district_code: str
    experts_assigned: int | None
    experts_scored: int | None
    score: float | None
    recommendation: Recommendation | None
    plaque_number: str | None

    @classmethod
    def of(cls, case: ReviewCase, audience: Audience) -> CaseSummaryView:
        review = audience in (Audience.STAFF, Audience.DISTRICT)
        return cls(
            id=case.id,
            application_id=case.application_id,
            round_year=case.round_year,
            kind=case.kind,
            status=case.status,
            uscc=case.uscc,
            entity_name=case.entity_name,
            district_code=case.district_code,
            experts_assigned=case.experts_assigned if review else None,
            experts_scored=case.experts_scored if review else None,
            score=float(case.score) if review and case.score is not None else None,
            recommendation=case.recommendation if review else None,
            plaque_number=case.plaque_number,
        )


def application_view(case: ReviewCase) -> ApplicationView:
    facts = case.facts
    return ApplicationView(
        uscc=facts.uscc,
        entity_name=facts.entity_name,
        district_code=facts.district_code,
        district_name=GUANGZHOU_DISTRICTS.get(facts.district_code),
        operator_type=facts.operator_type,
        station_address=facts.station_address,
        services=list(facts.services),
        personalised_services=facts.personalised_services,
        industries=list(facts.industries),
        full_time_staff=facts.full_time_staff,
        district_opinion=facts.district_opinion,
        forwarded_at=facts.forwarded_at,
    )


def review_view(case: ReviewCase) -> ReviewResultView:
    return ReviewResultView(
        experts_assigned=case.experts_assigned,
        experts_scored=case.experts_scored,
        score=float(case.score) if case.score is not None else None,
        review_completed_at=case.review_completed_at,
        recommendation=case.recommendation,
        recommendation_reasons=case.recommendation_reasons,
        recommended_at=case.recommended_at,
        submitted_at=case.submitted_at,
        shortlist_rank=case.shortlist_rank,
    )


def outcome_view(case: ReviewCase) -> OutcomeView:
    return OutcomeView(
        outcome_code=case.outcome_code,
        outcome_reason=case.outcome_reason,
        decided_on=case.decided_on,
        plaque_number=case.plaque_number,
    )
