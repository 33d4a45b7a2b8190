"""Use cases of the themed-month plan."""

from __future__ import annotations

from dataclasses import dataclass

from sme_activities.adapters import publisher
from sme_activities.adapters.theme_months import ThemeMonthRepository
from sme_activities.domain.theme_months import ThemeKind, ThemeMonth, plan_month, theme_month_id
from sme_kit.auth import Principal
from sme_kit.uow import Actor, UnitOfWorkFactory


@dataclass(frozen=True)
class MonthPlan:
    month: int
    theme: ThemeKind
    title: str | None
    goals: list[str]


async def plan_year(
    uow_factory: UnitOfWorkFactory, principal: Principal, *, year: int, months: list[MonthPlan]
) -> list[ThemeMonth]:
    """The head station publishes (or revises) months of its yearly plan; unchanged months stay as they are."""
    async with uow_factory(Actor.of(principal)) as uow:
        repository = ThemeMonthRepository(uow.session)
        now = uow.clock.now()
        for plan in sorted(months, key=lambda plan: plan.month):
            existing = await repository.get(theme_month_id(year, plan.month))
            month = plan_month(
                existing,
                year=year,
                month=plan.month,
                theme=plan.theme,
                title=plan.title,
                goals=plan.goals,
                today=now.date(),
                now=now,
                planned_by=principal.subject,
            )
            if existing is not None and (existing.theme, existing.title, existing.goals) == (
                month.theme,
                month.title,
                month.goals,
            ):
                continue
            await repository.save(month)
            uow.publish(publisher.theme_month_planned(month))
            uow.audit("plan", "theme_month", month.id, theme=month.theme.value, revision=month.revision)
        year_months = await repository.of_year(year)
        await uow.commit()
    return year_months


async def year_plan(uow_factory: UnitOfWorkFactory, *, year: int) -> list[ThemeMonth]:
    """The plan of a year, as stations and the public see it."""
    async with uow_factory(Actor.system("read")) as uow:
        return await ThemeMonthRepository(uow.session).of_year(year)
