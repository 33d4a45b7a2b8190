"""Loading, searching and saving review cases."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import RowMapping, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from sme_kit.paging import PageOf, PageRequest, fetch_page
from sme_review.adapters.orm import assignments, cases
from sme_review.domain.cases import ApplicationFacts, CaseFilter, CaseKind, CaseStatus, Recommendation, ReviewCase


class CaseRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, case: ReviewCase) -> None:
        await self._session.execute(insert(cases).values(**_row(case)))

    async def get(self, case_id: str, *, for_update: bool = False) -> ReviewCase | None:
        query = select(cases).where(cases.c.id == case_id)
        if for_update:
            query = query.with_for_update()
        row = (await self._session.execute(query)).mappings().first()
        return _case(row) if row else None

    async def by_application(self, application_id: str) -> ReviewCase | None:
        row = (
            (await self._session.execute(select(cases).where(cases.c.application_id == application_id)))
            .mappings()
            .first()
        )
        return _case(row) if row else None

    async def of_round(self, year: int, *, for_update: bool = False) -> list[ReviewCase]:
        query = select(cases).where(cases.c.round_year == year).order_by(cases.c.opened_at, cases.c.id)
        if for_update:
            query = query.with_for_update()
        return [_case(row) for row in (await self._session.execute(query)).mappings()]

    async def search(self, where: CaseFilter, request: PageRequest) -> PageOf[ReviewCase]:
        """A page of the cases matching ``where`` (newest round first, then as opened), and how many match."""
        conditions = []
        if where.round_year is not None:
            conditions.append(cases.c.round_year == where.round_year)
        if where.kind is not None:
            conditions.append(cases.c.kind == where.kind.value)
        if where.status is not None:
            conditions.append(cases.c.status == where.status.value)
        if where.district_code is not None:
            conditions.append(cases.c.district_code == where.district_code)
        if where.uscc is not None:
            conditions.append(cases.c.uscc == where.uscc)
        if where.recommendation is not None:
            conditions.append(cases.c.recommendation == where.recommendation.value)
        if where.undecided:
            conditions.append(cases.c.recommendation.is_(None))
        if where.name_contains:
            conditions.append(cases.c.entity_name.contains(where.name_contains, autoescape=True))
        if where.expert_id is not None:
            assigned = select(assignments.c.case_id).where(assignments.c.expert_id == where.expert_id)
            conditions.append(cases.c.id.in_(assigned))
        query = select(cases).where(*conditions).order_by(cases.c.round_year.desc(), cases.c.opened_at, cases.c.id)
        return (await fetch_page(self._session, query, request)).map(_case)

    async def last_plaque_sequence(self, year: int) -> int:
        """The highest plaque sequence issued in ``year`` (0 when none)."""
        found = await self._session.scalar(select(func.max(cases.c.plaque_sequence)).where(cases.c.round_year == year))
        return int(found or 0)

    async def save(self, case: ReviewCase) -> None:
        await self._session.execute(update(cases).where(cases.c.id == case.id).values(**_row(case)))


def _row(case: ReviewCase) -> dict[str, Any]:
    facts = case.facts
    return {
        "id": case.id,
        "application_id": case.application_id,
        "round_year": case.round_year,
        "kind": case.kind.value,
        "station_id": case.station_id,
        "uscc": facts.uscc,
        "entity_name": facts.entity_name,
        "district_code": facts.district_code,
        "operator_type": facts.operator_type,
        "station_address": facts.station_address,
        "services": list(facts.services),
        "personalised_services": facts.personalised_services,
        "industries": list(facts.industries),
        "full_time_staff": facts.full_time_staff,
        "district_opinion": facts.district_opinion,
        "forwarded_at": facts.forwarded_at,
        "opened_at": case.opened_at,
        "status": case.status.value,
        "experts_assigned": case.experts_assigned,
        "experts_scored": case.experts_scored,
        "score_hundredths": None if case.score is None else int(case.score * 100),
        "review_completed_at": case.review_completed_at,
        "recommendation": case.recommendation.value if case.recommendation else None,
        "recommendation_reasons": case.recommendation_reasons,
        "recommended_by": case.recommended_by,
        "recommended_at": case.recommended_at,
        "submitted_at": case.submitted_at,
        "shortlist_rank": case.shortlist_rank,
        "outcome_code": case.outcome_code,
        "outcome_reason": case.outcome_reason,
        "decided_on": case.decided_on,
        "decided_at": case.decided_at,
        "plaque_number": case.plaque_number,
        "plaque_sequence": case.plaque_sequence,
    }


def _case(row: RowMapping) -> ReviewCase:
    facts = ApplicationFacts(
        uscc=row["uscc"],
        entity_name=row["entity_name"],
        district_code=row["district_code"],
        operator_type=row["operator_type"],
        station_address=row["station_address"],
        services=tuple(row["services"]),
        personalised_services=row["personalised_services"],
        industries=tuple(row["industries"]),
        full_time_staff=row["full_time_staff"],
        district_opinion=row["district_opinion"],
        forwarded_at=row["forwarded_at"],
    )
    score = row["score_hundredths"]
    return ReviewCase(
        id=row["id"],
        application_id=row["application_id"],
        round_year=row["round_year"],
        kind=CaseKind(row["kind"]),
        station_id=row["station_id"],
        facts=facts,
        status=CaseStatus(row["status"]),
        opened_at=row["opened_at"],
        experts_assigned=row["experts_assigned"],
        experts_scored=row["experts_scored"],
        score=None if score is None else (Decimal(score) / 100).quantize(Decimal("0.01")),
        review_completed_at=row["review_completed_at"],
        recommendation=Recommendation(row["recommendation"]) if row["recommendation"] else None,
        recommendation_reasons=row["recommendation_reasons"],
        recommended_by=row["recommended_by"],
        recommended_at=row["recommended_at"],
        submitted_at=row["submitted_at"],
        shortlist_rank=row["shortlist_rank"],
        outcome_code=row["outcome_code"],
        outcome_reason=row["outcome_reason"],
        decided_on=row["decided_on"],
        decided_at=row["decided_at"],
        plaque_number=row["plaque_number"],
        plaque_sequence=row["plaque_sequence"],
    )
