"""Use cases of the expert pool and of conflict-of-interest declarations."""

from __future__ import annotations

from dataclasses import dataclass

from sme_contracts.review import WithdrawalReason
from sme_kit.auth import Principal
from sme_kit.errors import Conflict, FieldError, NotFound, ValidationFailed
from sme_kit.paging import PageOf, PageRequest
from sme_kit.uow import Actor
from sme_kit.vocabulary import is_valid_uscc, normalise_uscc
from sme_review.adapters import publisher
from sme_review.adapters.unit_of_work import ReviewUnitOfWork, ReviewUowFactory
from sme_review.domain.cases import CaseStatus
from sme_review.domain.experts import Assignment, ConflictDeclaration, Expert
from sme_review.service_layer.access import FIRST_PAGE, is_staff
from sme_review.service_layer.scoring import refresh_case_result


@dataclass(frozen=True)
class ExpertProfile:
    """What the head station records about an expert (no phone numbers: notifications keeps contacts)."""

    name: str
    title: str
    organisation_name: str
    organisation_uscc: str
    expertise: tuple[str, ...]


def _expert_not_found(expert_id: str) -> NotFound:
    return NotFound(f"专家库中没有编号为 {expert_id} 的专家 (no such expert)")


def _check_uscc(field: str, value: str) -> str:
    if not is_valid_uscc(value):
        raise ValidationFailed(
            [FieldError(field, "统一社会信用代码无效，请核对 (not a valid unified social credit code)", "invalid_uscc")]
        )
    return normalise_uscc(value)


async def register_expert(
    *, uow_factory: ReviewUowFactory, principal: Principal, expert_id: str, profile: ExpertProfile
) -> Expert:
    """Add an expert to the pool; its id is the subject of the token it will sign in with."""
    organisation_uscc = _check_uscc("organisation_uscc", profile.organisation_uscc)
    async with uow_factory(Actor.of(principal)) as uow:
        if await uow.experts.get(expert_id) is not None:
            raise Conflict(f"专家编号 {expert_id} 已在专家库中 (the expert is already in the pool)")
        expert = Expert(
            id=expert_id,
            name=profile.name,
            title=profile.title,
            organisation_name=profile.organisation_name,
            organisation_uscc=organisation_uscc,
            expertise=profile.expertise,
            active=True,
            registered_at=uow.clock.now(),
        )
        await uow.experts.add(expert)
        uow.audit("register_expert", "expert", expert.id, organisation_uscc=organisation_uscc)
        await uow.commit()
    return expert


async def update_expert(
    *, uow_factory: ReviewUowFactory, principal: Principal, expert_id: str, profile: ExpertProfile, active: bool
) -> Expert:
    """Correct an expert's record, or take it out of (or back into) the pool."""
    organisation_uscc = _check_uscc("organisation_uscc", profile.organisation_uscc)
    async with uow_factory(Actor.of(principal)) as uow:
        expert = await uow.experts.get(expert_id)
        if expert is None:
            raise _expert_not_found(expert_id)
        expert.name, expert.title = profile.name, profile.title
        expert.organisation_name, expert.organisation_uscc = profile.organisation_name, organisation_uscc
        expert.expertise, expert.active = profile.expertise, active
        await uow.experts.save(expert)
        uow.audit("update_expert", "expert", expert.id, active=active, organisation_uscc=organisation_uscc)
        await uow.commit()
    return expert


def _may_act_for(principal: Principal, expert_id: str) -> bool:
    return principal.acts_as_expert(expert_id) or is_staff(principal)


async def list_experts(
    *, uow_factory: ReviewUowFactory, principal: Principal, active_only: bool, page: PageRequest = FIRST_PAGE
) -> PageOf[Expert]:
    """A page of the pool, by id."""
    async with uow_factory(Actor.of(principal)) as uow:
        return await uow.experts.page(page, active_only=active_only)


async def get_expert(*, uow_factory: ReviewUowFactory, principal: Principal, expert_id: str) -> Expert:
    """An expert's record, for staff and for the expert itself."""
    async with uow_factory(Actor.of(principal)) as uow:
        expert = await uow.experts.get(expert_id) if _may_act_for(principal, expert_id) else None
    if expert is None:
        raise _expert_not_found(expert_id)
    return expert


async def list_conflicts(
    *, uow_factory: ReviewUowFactory, principal: Principal, expert_id: str, page: PageRequest = FIRST_PAGE
) -> PageOf[ConflictDeclaration]:
    """A page of the expert's declared conflicts, for staff and for the expert itself."""
    async with uow_factory(Actor.of(principal)) as uow:
        if not _may_act_for(principal, expert_id) or await uow.experts.get(expert_id) is None:
            raise _expert_not_found(expert_id)
        return await uow.experts.conflicts_of(expert_id, page)


@dataclass(frozen=True)
class DeclaredConflict:
    declaration: ConflictDeclaration
    recused: tuple[Assignment, ...]


async def declare_conflict(
    *, uow_factory: ReviewUowFactory, principal: Principal, expert_id: str, uscc: str, reason: str
) -> DeclaredConflict:
    """The expert (or the head station on its behalf) declares a conflict with an organisation.

    From then on the expert is never assigned to that organisation; an assignment it holds on a case
    of that organisation whose review is still open ends at once (recusal), so another expert can take it.
    """
    if not _may_act_for(principal, expert_id):
        raise _expert_not_found(expert_id)
    conflicting = _check_uscc("uscc", uscc)
    if not reason.strip():
        raise ValidationFailed([FieldError("reason", "请说明利益冲突情形 (state the conflict)", "missing")])
    async with uow_factory(Actor.of(principal)) as uow:
        if await uow.experts.get(expert_id) is None:
            raise _expert_not_found(expert_id)
        now = uow.clock.now()
        declaration = ConflictDeclaration(expert_id, conflicting, reason.strip(), now, principal.subject)
        if await uow.experts.add_conflict(declaration):
            uow.audit("declare_conflict", "expert", expert_id, reason=declaration.reason, uscc=conflicting)
        recused = await _recuse_open_assignments(uow, expert_id, conflicting, declaration.reason)
        await uow.commit()
    return DeclaredConflict(declaration, recused)


async def _recuse_open_assignments(
    uow: ReviewUnitOfWork, expert_id: str, uscc: str, reason: str
) -> tuple[Assignment, ...]:
    recused: list[Assignment] = []
    now = uow.clock.now()
    for assignment in await uow.assignments.of_expert(expert_id):
        if not assignment.active:
            continue
        case = await uow.cases.get(assignment.case_id, for_update=True)
        if case is None or case.uscc != uscc:
            continue
        if case.status is not CaseStatus.IN_REVIEW or case.recommendation is not None:
            # The review is locked: the declaration is on record for the head station and the audit trail.
            uow.audit("conflict_after_review", "case", case.id, reason=reason, expert_id=expert_id)
            continue
        assignment.recuse(now, reason)
        await uow.assignments.save(assignment)
        round_ = await uow.rounds.get(case.round_year)
        assert round_ is not None
        if await refresh_case_result(uow, case, round_):
            uow.publish(publisher.expert_review_completed(case))
        await uow.cases.save(case)
        uow.publish(publisher.expert_withdrawn(assignment, WithdrawalReason.CONFLICT_DECLARED, now))
        uow.audit("recuse_expert", "case", case.id, reason=reason, expert_id=expert_id, assignment_id=assignment.id)
        recused.append(assignment)
    return tuple(recused)
