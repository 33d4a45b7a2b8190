"""Use cases of assigning experts to cases, with the conflict-of-interest check."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sme_contracts.review import WithdrawalReason
from sme_kit.auth import Principal
from sme_kit.errors import FieldError, NotFound, ValidationFailed
from sme_kit.paging import PageOf, PageRequest
from sme_kit.uow import Actor
from sme_kit.vocabulary import shanghai_day
from sme_review.adapters import publisher
from sme_review.adapters.unit_of_work import ReviewUnitOfWork, ReviewUowFactory
from sme_review.domain.cases import ReviewCase
from sme_review.domain.errors import ConflictOfInterest
from sme_review.domain.experts import (
    Assignment,
    AssignmentStatus,
    Expert,
    conflict_reason,
    ensure_assignment_request,
)
from sme_review.domain.scoring import ScoreSheet
from sme_review.service_layer.access import FIRST_PAGE, case_not_found
from sme_review.service_layer.rounds import round_not_found
from sme_review.service_layer.scoring import refresh_case_result


async def known_experts(uow: ReviewUnitOfWork, expert_ids: Sequence[str], field: str) -> dict[str, Expert]:
    """The experts named, all active members of the pool; 422 naming each that is not."""
    found = await uow.experts.many(list(expert_ids))
    problems = [
        FieldError(f"{field}.{index}", f"专家 {expert_id} 不在专家库中或已停用 (not an active expert)", "unknown")
        for index, expert_id in enumerate(expert_ids)
        if expert_id not in found or not found[expert_id].active
    ]
    if problems:
        raise ValidationFailed(problems)
    return found


def unique(values: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(value.strip() for value in values if value.strip()))


async def assign_experts(
    *,
    uow_factory: ReviewUowFactory,
    principal: Principal,
    case_id: str,
    expert_ids: Sequence[str],
    panel_id: str | None,
    due_on: date,
) -> list[Assignment]:
    """Assign experts (named, or a whole panel) to a case; nothing changes if any of them has a conflict.

    An expert already on the case stays as it is; one withdrawn earlier is assigned again.
    """
    async with uow_factory(Actor.of(principal)) as uow:
        case = await uow.cases.get(case_id, for_update=True)
        if case is None:
            raise case_not_found(case_id)
        case.ensure_expert_review_open()
        wanted = unique([*expert_ids, *(await _panel_members(uow, panel_id, case.round_year))])
        ensure_assignment_request(wanted, due_on, shanghai_day(uow.clock.now()))
        experts = await known_experts(uow, wanted, "expert_ids")
        declared = await uow.experts.declared_usccs(wanted)
        _refuse_conflicts([experts[e] for e in wanted], declared, case)
        assigned = await _assign(uow, case, wanted, panel_id, due_on, principal.subject)
        round_ = await uow.rounds.get(case.round_year)
        assert round_ is not None
        await refresh_case_result(uow, case, round_)
        await uow.cases.save(case)
        await uow.commit()
    return assigned


async def _panel_members(uow: ReviewUnitOfWork, panel_id: str | None, year: int) -> tuple[str, ...]:
    if panel_id is None:
        return ()
    panel = await uow.panels.get(panel_id)
    if panel is None or panel.round_year != year:
        raise ValidationFailed(
            [FieldError("panel_id", f"{year}年度没有该专家组 (no such panel in the round)", "unknown")]
        )
    return panel.expert_ids


def _refuse_conflicts(experts: Sequence[Expert], declared: dict[str, set[str]], case: ReviewCase) -> None:
    reasons = {
        expert.id: reason
        for expert in experts
        if (reason := conflict_reason(expert, declared.get(expert.id, set()), case.uscc)) is not None
    }
    if reasons:
        raise ConflictOfInterest(
            "存在利益冲突，不能指派：" + "；".join(reasons.values()),
            conflicts=[{"expert_id": expert_id, "reason": reason} for expert_id, reason in reasons.items()],
        )


async def _assign(
    uow: ReviewUnitOfWork, case: ReviewCase, wanted: Sequence[str], panel_id: str | None, due_on: date, by: str
) -> list[Assignment]:
    existing = {a.expert_id: a for a in await uow.assignments.of_case(case.id)}
    now = uow.clock.now()
    assigned: list[Assignment] = []
    for expert_id in wanted:
        assignment = existing.get(expert_id)
        if assignment is not None and assignment.active:
            continue
        if assignment is not None:
            assignment.reactivate(due_on=due_on, at=now, by=by)
            await uow.assignments.save(assignment)
        else:
            assignment = Assignment(
                id=str(uuid.uuid4()),
                case_id=case.id,
                round_year=case.round_year,
                expert_id=expert_id,
                due_on=due_on,
                status=AssignmentStatus.ACTIVE,
                assigned_at=now,
                assigned_by=by,
                panel_id=panel_id,
            )
            await uow.assignments.add(assignment)
        uow.publish(publisher.expert_assigned(assignment, case))
        uow.audit("assign_expert", "case", case.id, expert_id=expert_id, due_on=due_on.isoformat())
        assigned.append(assignment)
    return assigned


async def withdraw_assignment(
    *, uow_factory: ReviewUowFactory, principal: Principal, case_id: str, assignment_id: str, reason: str
) -> Assignment:
    """The head station takes a case off an expert (its sheet, if any, no longer counts)."""
    if not reason.strip():
        raise ValidationFailed([FieldError("reason", "请说明撤回原因 (a reason is required)", "missing")])
    async with uow_factory(Actor.of(principal)) as uow:
        case = await uow.cases.get(case_id, for_update=True)
        assignment = await uow.assignments.get(assignment_id)
        if case is None or assignment is None or assignment.case_id != case.id:
            raise NotFound(f"案件 {case_id} 没有编号为 {assignment_id} 的专家指派 (no such assignment)")
        case.ensure_expert_review_open()
        now = uow.clock.now()
        assignment.withdraw(now, reason.strip())
        await uow.assignments.save(assignment)
        round_ = await uow.rounds.get(case.round_year)
        assert round_ is not None
        if await refresh_case_result(uow, case, round_):
            uow.publish(publisher.expert_review_completed(case))
        await uow.cases.save(case)
        uow.publish(publisher.expert_withdrawn(assignment, WithdrawalReason.WITHDRAWN, now))
        uow.audit("withdraw_expert", "case", case.id, reason=reason.strip(), expert_id=assignment.expert_id)
        await uow.commit()
    return assignment


@dataclass(frozen=True)
class Reminder:
    """A reminder sent to a late expert: the assignment as it now reads, and how late the sheet is."""

    assignment: Assignment
    days_overdue: int


async def remind_expert(
    *, uow_factory: ReviewUowFactory, principal: Principal, case_id: str, expert_id: str
) -> Reminder:
    """The head station reminds an expert whose sheet is overdue (催办); the expert hears of it by the
    notifications service. Refused (409) unless the expert is still on the case, its sheet is not in and
    its due date has passed, and when it was already reminded today."""
    async with uow_factory(Actor.of(principal)) as uow:
        case = await uow.cases.get(case_id, for_update=True)
        if case is None:
            raise case_not_found(case_id)
        assignment = next((a for a in await uow.assignments.of_case(case.id) if a.expert_id == expert_id), None)
        if assignment is None:
            raise NotFound(f"案件 {case_id} 没有指派专家 {expert_id} (the expert is not assigned to the case)")
        case.ensure_expert_review_open()
        now = uow.clock.now()
        sheet = await uow.assignments.sheet(assignment.id)
        days = assignment.remind(sheet_submitted=sheet is not None, at=now, by=principal.subject)
        await uow.assignments.save(assignment)
        uow.publish(publisher.expert_reminded(assignment, case, days, now))
        uow.audit(
            "remind_expert",
            "case",
            case.id,
            expert_id=expert_id,
            due_on=assignment.due_on.isoformat(),
            days_overdue=days,
            reminder=assignment.reminders_sent,
        )
        await uow.commit()
    return Reminder(assignment, days)


@dataclass(frozen=True)
class MyAssignment:
    assignment: Assignment
    case: ReviewCase
    sheet: ScoreSheet | None


async def my_assignments(
    *, uow_factory: ReviewUowFactory, principal: Principal, round_year: int | None, page: PageRequest = FIRST_PAGE
) -> PageOf[MyAssignment]:
    """A page of the cases an expert is assigned to now, soonest due first, with the sheet it submitted for each."""
    expert_id = principal.expert_id or ""
    async with uow_factory(Actor.of(principal)) as uow:
        found = await uow.assignments.active_page_of_expert(expert_id, page, round_year=round_year)
        sheets = await uow.assignments.sheets_of_expert(expert_id) if found.items else {}
        mine: list[MyAssignment] = []
        for assignment in found.items:
            case = await uow.cases.get(assignment.case_id)
            assert case is not None  # an assignment references its case
            mine.append(MyAssignment(assignment, case, sheets.get(assignment.id)))
    return PageOf(mine, found.total, found.limit, found.offset)


@dataclass(frozen=True)
class RoundAssignment:
    """One expert's task in the round, who the expert is, and the sheet it submitted (if any)."""

    assignment: Assignment
    expert: Expert | None
    sheet: ScoreSheet | None


async def round_assignments(
    *, uow_factory: ReviewUowFactory, principal: Principal, year: int, page: PageRequest = FIRST_PAGE
) -> PageOf[RoundAssignment]:
    """A page of every assignment of the round, ended ones included, with whether each sheet is in
    (the head station follows the scoring's progress and the experts who are late)."""
    async with uow_factory(Actor.of(principal)) as uow:
        if await uow.rounds.get(year) is None:
            raise round_not_found(year)
        found = await uow.assignments.page_of_round(year, page)
        experts = await uow.experts.many(list({a.expert_id for a in found.items}))
        sheets = await uow.assignments.sheets_of([a.id for a in found.items])
    items = [RoundAssignment(a, experts.get(a.expert_id), sheets.get(a.id)) for a in found.items]
    return PageOf(items, found.total, found.limit, found.offset)
