"""The annual assessment cycle (§4.3.6): opened by the bureau for a year, computed, then published.

While a cycle is not published the bureau may change its settings, the bureau or head station may
enter manual scores, and the bureau records who does not take part; any such change sends a
computed cycle back to open, so what is published is always computed from the latest inputs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from sme_assessment.domain.errors import DomainError, StateConflict
from sme_assessment.domain.evidence import EvidenceSummary
from sme_assessment.domain.indicators import (
    IndicatorScore,
    IndicatorSpec,
    is_computed,
    score_computed,
    unscored_manual,
    with_manual,
)

DEFAULT_RECTIFICATION_DAYS = 30


class CycleStatus(StrEnum):
    OPEN = "open"  # 考核进行中：可调整指标、录入人工评分、登记不参加考核
    COMPUTED = "computed"  # 已计算，待公布
    PUBLISHED = "published"  # 已公布


class Outcome(StrEnum):
    QUALIFIED = "qualified"  # 合格
    UNQUALIFIED = "unqualified"  # 不合格


OUTCOME_NAMES = {Outcome.QUALIFIED: "合格", Outcome.UNQUALIFIED: "不合格"}


@dataclass
class Cycle:
    id: str
    year: int
    status: CycleStatus
    pass_mark: float
    rectification_days: int
    indicators: list[IndicatorSpec]
    opened_by: str
    opened_at: datetime
    computed_at: datetime | None = None
    published_at: datetime | None = None
    published_by: str | None = None

    def require_not_published(self) -> None:
        if self.status is CycleStatus.PUBLISHED:
            raise StateConflict(f"{self.year}年度考核结果已公布，不能再修改 (the cycle is published)")

    def inputs_changed(self) -> None:
        """Settings, manual scores or participation changed: results must be computed again."""
        self.require_not_published()
        self.status = CycleStatus.OPEN
        self.computed_at = None

    def mark_computed(self, now: datetime) -> None:
        self.require_not_published()
        self.status = CycleStatus.COMPUTED
        self.computed_at = now

    def publish(self, *, now: datetime, by: str) -> None:
        self.require_not_published()
        if self.status is not CycleStatus.COMPUTED:
            raise StateConflict("请先计算考核结果再公布 (compute the results before publishing them)")
        self.status = CycleStatus.PUBLISHED
        self.published_at = now
        self.published_by = by

    def indicator(self, code: str) -> IndicatorSpec:
        for spec in self.indicators:
            if spec.code == code:
                return spec
        raise DomainError(f"本年度考核没有指标 {code} (no such indicator in this cycle)")


def check_cycle_settings(*, pass_mark: float, rectification_days: int) -> list[tuple[str, str]]:
    """Problems (field, message) with a pass mark and a rectification period; empty when plausible."""
    problems = []
    if not 0 < pass_mark <= 100:
        problems.append(("pass_mark", "合格分数线须大于0且不超过100 (pass mark in (0, 100])"))
    if not 7 <= rectification_days <= 180:
        problems.append(("rectification_days", "整改期限须为7至180天 (7 to 180 days)"))
    return problems


@dataclass(frozen=True)
class ManualScore:
    cycle_id: str
    station_id: str
    indicator_code: str
    score: float
    reason: str
    entered_by: str
    entered_role: str
    entered_at: datetime


def check_manual_score(cycle: Cycle, *, indicator_code: str, score: float, reason: str) -> IndicatorSpec:
    """A manual score lies between 0 and the indicator's weight and says why."""
    cycle.require_not_published()
    spec = cycle.indicator(indicator_code)
    if not 0 <= score <= spec.weight:
        raise DomainError(f"{spec.name}的得分须在0至{spec.weight:g}分之间 (score between 0 and the weight)")
    if not reason.strip():
        raise DomainError("人工评分须说明理由 (a manual score needs a reason)")
    return spec


@dataclass(frozen=True)
class Assessment:
    total: float
    outcome: Outcome
    breakdown: list[IndicatorScore]


def assess(cycle: Cycle, evidence: EvidenceSummary, manual: Mapping[str, ManualScore] | None = None) -> Assessment:
    """A station's total and outcome: each indicator from the evidence, or from a manual score where one
    was entered; qualified at or above the pass mark."""
    manual = manual or {}
    breakdown: list[IndicatorScore] = []
    for spec in cycle.indicators:
        entered = manual.get(spec.code)
        computed = is_computed(spec.code) and not spec.manual
        line = score_computed(spec, evidence) if computed else unscored_manual(spec)
        if entered is not None:
            line = with_manual(line, score=entered.score, reason=entered.reason)
        breakdown.append(line)
    total = round(sum(line.score for line in breakdown), 2)
    outcome = Outcome.QUALIFIED if total >= cycle.pass_mark else Outcome.UNQUALIFIED
    return Assessment(total, outcome, breakdown)


@dataclass
class StationResult:
    """A station's result of one cycle; stations and districts see it once published."""

    id: str
    cycle_id: str
    year: int
    station_id: str
    uscc: str
    district_code: str
    total: float
    pass_mark: float
    outcome: Outcome
    breakdown: list[IndicatorScore]
    computed_at: datetime
    published_at: datetime | None = None

    @property
    def published(self) -> bool:
        return self.published_at is not None


@dataclass(frozen=True)
class NonParticipation:
    """A station that did not take part: excused (exempted) when the bureau accepted its reason."""

    cycle_id: str
    station_id: str
    uscc: str
    district_code: str
    excused: bool
    reason: str
    recorded_by: str
    recorded_at: datetime


def rectification_due_on(*, published_on: date, days: int, chosen: date | None) -> date:
    """The rectification deadline: the bureau's date, else the cycle's number of days after publication."""
    due = chosen or published_on + timedelta(days=days)
    if due <= published_on:
        raise DomainError("整改期限须晚于公布日期 (the rectification deadline must be after publication)")
    return due
