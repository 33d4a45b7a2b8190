"""The bureau opens a year's assessment cycle with its indicators, weights and pass mark, and may
adjust them until the results are published."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict

from sme_assessment.adapters import publisher
from sme_assessment.adapters.unit_of_work import AssessmentUnitOfWork, AssessmentUoWFactory
from sme_assessment.domain.cycles import (
    DEFAULT_RECTIFICATION_DAYS,
    Cycle,
    CycleStatus,
    check_cycle_settings,
)
from sme_assessment.domain.errors import StateConflict
from sme_assessment.domain.indicators import DEFAULT_PASS_MARK, IndicatorSpec, check_indicators, default_indicators
from sme_assessment.service_layer.access import FIRST_PAGE
from sme_kit.auth import Principal
from sme_kit.errors import FieldError, NotFound, ValidationFailed
from sme_kit.paging import PageOf, PageRequest
from sme_kit.uow import Actor


def _validate(*, indicators: Sequence[IndicatorSpec], pass_mark: float, rectification_days: int) -> None:
    problems = check_indicators(indicators) + check_cycle_settings(
        pass_mark=pass_mark, rectification_days=rectification_days
    )
    if problems:
        raise ValidationFailed([FieldError(field, message, "invalid_cycle") for field, message in problems])


async def open_cycle(
    *,
    uow_factory: AssessmentUoWFactory,
    principal: Principal,
    year: int,
    pass_mark: float | None,
    rectification_days: int | None,
    indicators: Sequence[IndicatorSpec] | None,
) -> Cycle:
    """Open the assessment of a year (once per year); without indicators the default set is used."""
    chosen = list(indicators) if indicators else default_indicators()
    mark = DEFAULT_PASS_MARK if pass_mark is None else pass_mark
    days = rectification_days or DEFAULT_RECTIFICATION_DAYS
    _validate(indicators=chosen, pass_mark=mark, rectification_days=days)
    async with uow_factory(Actor.of(principal)) as uow:
        repository = uow.cycles
        if await repository.by_year(year) is not None:
            raise StateConflict(f"{year}年度考核已开启 (the {year} cycle is already open)")
        cycle = Cycle(
            id=f"cy-{year}",
            year=year,
            status=CycleStatus.OPEN,
            pass_mark=mark,
            rectification_days=days,
            indicators=chosen,
            opened_by=principal.subject,
            opened_at=uow.clock.now(),
        )
        await repository.save(cycle)
        uow.publish(publisher.cycle_opened(cycle))
        uow.audit("open", "cycle", cycle.id, year=year, pass_mark=mark, indicators=[asdict(spec) for spec in chosen])
        await uow.commit()
    return cycle


async def change_settings(
    *,
    uow_factory: AssessmentUoWFactory,
    principal: Principal,
    cycle_id: str,
    reason: str,
    pass_mark: float | None,
    rectification_days: int | None,
    indicators: Sequence[IndicatorSpec] | None,
) -> Cycle:
    """Adjust an unpublished cycle; the results must then be computed again."""
    async with uow_factory(Actor.of(principal)) as uow:
        cycle = await cycle_for_update(uow, cycle_id)
        before = {"pass_mark": cycle.pass_mark, "rectification_days": cycle.rectification_days}
        chosen = list(indicators) if indicators else cycle.indicators
        mark = cycle.pass_mark if pass_mark is None else pass_mark
        days = rectification_days or cycle.rectification_days
        _validate(indicators=chosen, pass_mark=mark, rectification_days=days)
        cycle.inputs_changed()
        cycle.indicators, cycle.pass_mark, cycle.rectification_days = chosen, mark, days
        await uow.cycles.save(cycle)
        uow.audit(
            "change_settings",
            "cycle",
            cycle.id,
            reason=reason,
            before=before,
            pass_mark=mark,
            rectification_days=days,
            indicators=[asdict(spec) for spec in chosen],
        )
        await uow.commit()
    return cycle


async def cycle_for_update(uow: AssessmentUnitOfWork, cycle_id: str) -> Cycle:
    """The cycle, locked for this transaction (compute, publish and changes take turns)."""
    cycle = await uow.cycles.get(cycle_id, for_update=True)
    if cycle is None:
        raise NotFound(f"没有编号为 {cycle_id} 的考核 (no such cycle)")
    return cycle


async def get_cycle(*, uow_factory: AssessmentUoWFactory, principal: Principal, cycle_id: str) -> Cycle:
    """A cycle with its indicators (every signed-in user: the rules are public to those assessed)."""
    async with uow_factory(Actor.of(principal)) as uow:
        cycle = await uow.cycles.get(cycle_id)
    if cycle is None:
        raise NotFound(f"没有编号为 {cycle_id} 的考核 (no such cycle)")
    return cycle


async def list_cycles(
    *, uow_factory: AssessmentUoWFactory, principal: Principal, page: PageRequest = FIRST_PAGE
) -> PageOf[Cycle]:
    """A page of every year's cycle, by year."""
    async with uow_factory(Actor.of(principal)) as uow:
        return await uow.cycles.page(page)
