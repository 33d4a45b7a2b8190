"""Use cases of the themed-month plan."""

from __future__ import annotations

from dataclasses import dataclass

from sme_activities.adapters import publisher
from sme_activities.adapters.unit_of_work import ActivitiesUoWFactory
from sme_activities.domain.theme_months import ThemeKind, ThemeMonth, check_year_plan, plan_month, theme_month_id
from sme_kit.auth import Principal
from sme_kit.uow import Actor


@dataclass(frozen=True)
class MonthPlan:
    month: int
    theme: ThemeKind
    title: str | None
    goals: list[str]


async def plan_year(
    *, uow_factory: ActivitiesUoWFactory, principal: Principal, year: int, months: list[MonthPlan]
) -> list[ThemeMonth]:
    """The head station publishes (or revises) months of its yearly plan; unchanged months stay as they are."""
    check_year_plan([plan.month for plan in months])
    async with uow_factory(Actor.of(principal)) as uow:
        repository = uow.theme_months
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


async def year_plan(*, uow_factory: ActivitiesUoWFactory, year: int) -> list[ThemeMonth]:
    """The plan of a year, as stations and the public see it."""
    async with uow_factory(Actor.system("read")) as uow:
        return await uow.theme_months.of_year(year)
