"""Use cases of scoring: the round's criteria, the experts' score sheets, and the per-expert breakdown."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sme_kit.auth import Principal
from sme_kit.uow import Actor
from sme_review.adapters import publisher
from sme_review.adapters.unit_of_work import ReviewUnitOfWork, ReviewUowFactory
from sme_review.domain.cases import ReviewCase
from sme_review.domain.errors import refuse
from sme_review.domain.experts import Assignment, Expert
from sme_review.domain.rounds import ReviewRound
from sme_review.domain.scoring import Criterion, ScoreSheet, sheet_problems, weighted_total
from sme_review.service_layer.access import case_not_found


async def refresh_case_result(uow: ReviewUnitOfWork, case: ReviewCase, round_: ReviewRound) -> bool:
    """Recompute the case's score from its active experts' sheets; True when its review just completed."""
    active = {a.id for a in await uow.assignments.of_case(case.id) if a.active}
    totals = [sheet.total for sheet in await uow.assignments.sheets_of_case(case.id) if sheet.assignment_id in active]
    return case.refresh_result(
        totals=totals, active_experts=len(active), min_experts=round_.min_experts_per_case, now=uow.clock.now()
    )


async def configure_criteria(
    *,
    uow_factory: ReviewUowFactory,
    principal: Principal,
    year: int,
    criteria: Sequence[Criterion],
    min_experts: int,
) -> ReviewRound:
    """The head station sets the round's criteria, weights and panel size before scoring starts."""
    async with uow_factory(Actor.of(principal)) as uow:
        round_ = await uow.rounds.get_or_open(year, uow.clock.now())
        round_.configure(
            criteria=criteria,
            min_experts=min_experts,
            scoring_started=await uow.assignments.scoring_started(year),
        )
        await uow.rounds.save(round_)
        uow.audit(
            "configure_criteria",
            "round",
            str(year),
            weights={c.code: c.weight for c in round_.criteria},
            min_experts_per_case=min_experts,
        )
        await uow.commit()
    return round_


async def submit_sheet(
    *,
    uow_factory: ReviewUowFactory,
    principal: Principal,
    case_id: str,
    marks: Mapping[str, int],
    comment: str,
    remarks: Mapping[str, str] | None = None,
) -> ScoreSheet:
    """An expert scores a case it is assigned to, with a remark on any criterion it wants to explain.

    A later submission replaces its earlier one, until the head station records its recommendation.
    A case the expert is not (or no longer) assigned to does not exist for it: 404.
    """
    async with uow_factory(Actor.of(principal)) as uow:
        case = await uow.cases.get(case_id, for_update=True)
        assignment = await uow.assignments.active_of(case_id, principal.expert_id or "") if case else None
        if case is None or assignment is None:
            raise case_not_found(case_id)
        case.ensure_expert_review_open()
        round_ = await uow.rounds.get(case.round_year)
        assert round_ is not None
        refuse(sheet_problems(round_.criteria, marks, remarks))
        sheet = ScoreSheet(
            assignment_id=assignment.id,
            case_id=case.id,
            expert_id=assignment.expert_id,
            marks=dict(marks),
            total=weighted_total(round_.criteria, marks),
            comment=comment.strip(),
            submitted_at=uow.clock.now(),
            remarks={code: text.strip() for code, text in (remarks or {}).items() if text.strip()},
        )
        await uow.assignments.put_sheet(sheet)
        if await refresh_case_result(uow, case, round_):
            uow.publish(publisher.expert_review_completed(case))
        await uow.cases.save(case)
        uow.audit("submit_score_sheet", "case", case.id, expert_id=sheet.expert_id, total=str(sheet.total))
        await uow.commit()
    return sheet


@dataclass(frozen=True)
class ExpertScore:
    assignment: Assignment
    expert: Expert | None
    sheet: ScoreSheet | None


@dataclass(frozen=True)
class CaseScores:
    case: ReviewCase
    criteria: tuple[Criterion, ...]
    experts: tuple[ExpertScore, ...]


async def case_scores(*, uow_factory: ReviewUowFactory, principal: Principal, case_id: str) -> CaseScores:
    """Each expert's marks and total, and the case's score (head station and bureau)."""
    async with uow_factory(Actor.of(principal)) as uow:
        case = await uow.cases.get(case_id)
        if case is None:
            raise case_not_found(case_id)
        round_ = await uow.rounds.get(case.round_year)
        assert round_ is not None
        of_case = await uow.assignments.of_case(case.id)
        sheets = {sheet.assignment_id: sheet for sheet in await uow.assignments.sheets_of_case(case.id)}
        experts = await uow.experts.many([a.expert_id for a in of_case])
    return CaseScores(
        case,
        round_.criteria,
        tuple(ExpertScore(a, experts.get(a.expert_id), sheets.get(a.id)) for a in of_case),
    )


async def get_round(*, uow_factory: ReviewUowFactory, principal: Principal, year: int) -> ReviewRound | None:
    async with uow_factory(Actor.of(principal)) as uow:
        return await uow.rounds.get(year)
