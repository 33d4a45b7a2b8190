"""The head station's yearly plan of themed months (§3.3.3)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from sme_activities.domain.errors import DomainError, MonthPlannedTwice, StateConflict


class ThemeKind(StrEnum):
    POLICY = "policy"
    FINANCE_TAX = "finance_tax"
    INTELLECTUAL_PROPERTY = "intellectual_property"
    CUSTOM = "custom"


THEME_TITLES: dict[ThemeKind, str] = {
    ThemeKind.POLICY: "政策服务月",
    ThemeKind.FINANCE_TAX: "财税服务月",
    ThemeKind.INTELLECTUAL_PROPERTY: "知识产权服务月",
}


def theme_month_id(year: int, month: int) -> str:
    return f"tm-{year}-{month:02d}"


@dataclass
class ThemeMonth:
    id: str
    year: int
    month: int
    theme: ThemeKind
    title: str
    goals: list[str]
    revision: int
    planned_at: datetime
    planned_by: str = ""


def check_year_plan(months: Sequence[int]) -> None:
    """The plan of a year names each month at most once: one theme per month."""
    if len(set(months)) != len(months):
        raise MonthPlannedTwice([month for month in months if months.count(month) > 1])


def plan_month(
    existing: ThemeMonth | None,
    *,
    year: int,
    month: int,
    theme: ThemeKind,
    title: str | None,
    goals: list[str],
    today: date,
    now: datetime,
    planned_by: str,
) -> ThemeMonth:
    """Plan a month, or revise it: a month that has ended is history and cannot change."""
    if not 1 <= month <= 12:
        raise DomainError(f"月份 {month} 无效 (month must be 1-12)")
    if (year, month) < (today.year, today.month):
        raise StateConflict(f"{year}年{month}月已结束，不能再调整主题月计划 (the month has ended)")
    if theme is ThemeKind.CUSTOM and not (title or "").strip():
        raise DomainError("自定义主题须填写主题名称 (a custom theme needs a title)")
    if not goals:
        raise DomainError("主题月须至少有一项目标 (a themed month needs at least one goal)")
    chosen_title = (title or "").strip() or THEME_TITLES[theme]
    return ThemeMonth(
        id=theme_month_id(year, month),
        year=year,
        month=month,
        theme=theme,
        title=chosen_title,
        goals=list(goals),
        revision=1 if existing is None else existing.revision + 1,
        planned_at=now,
        planned_by=planned_by,
    )
