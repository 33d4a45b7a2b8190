"""The indicators of the annual assessment (§4.3.6) and how each is scored from the evidence.

A cycle weighs a set of indicators summing to 100. Computed indicators take their score from
the evidence; manual ones (and corrections of computed ones) from scores the bureau or the head
station enter with a reason. Every function here is pure: a table of cases tests each.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from sme_assessment.domain.evidence import EvidenceSummary
from sme_assessment.domain.plans import STANDING_NAMES, Standing

DEFAULT_PASS_MARK = 60.0
PROMOTION_DUTY = 3  # sessions a year (§3.3.3)
_CODE = re.compile(r"^[a-z][a-z0-9_]{1,39}$")


class IndicatorCode(StrEnum):
    ACTIVITIES_ORGANISED = "activities_organised"
    ACTIVITIES_CO_ORGANISED = "activities_co_organised"
    ATTENDANCE = "attendance"
    PROMOTION_SESSIONS = "promotion_sessions"
    STAFF_TRAININGS = "staff_trainings"
    DEMAND_REPORTS = "demand_reports"
    REQUESTS_HANDLED = "requests_handled"
    SATISFACTION = "satisfaction"
    LATE_INFO_CHANGES = "late_info_changes"
    CONVENTION_SIGNED = "convention_signed"
    PLAN_SUBMITTED = "plan_submitted"
    SUMMARY_SUBMITTED = "summary_submitted"


@dataclass(frozen=True)
class IndicatorSpec:
    """One indicator of a cycle. ``target`` is the count that earns full marks (for late information
    changes: the number of late reports that take the score to zero); manual ones have none."""

    code: str
    name: str
    weight: float
    target: float | None = None
    manual: bool = False


@dataclass(frozen=True)
class Measure:
    """The share of the weight earned (0–1) and what was measured, in words the station reads."""

    share: float
    measured: str
    note: str | None = None


def _ratio(value: float, target: float | None) -> float:
    return min(value / target, 1.0) if target else 1.0


def _activities_organised(e: EvidenceSummary, target: float | None) -> Measure:
    return Measure(_ratio(e.activities_organised, target), f"主办活动 {e.activities_organised} 场")


def _activities_co_organised(e: EvidenceSummary, target: float | None) -> Measure:
    return Measure(_ratio(e.activities_co_organised, target), f"协办活动 {e.activities_co_organised} 场")


def _attendance(e: EvidenceSummary, target: float | None) -> Measure:
    return Measure(_ratio(e.attendance, target), f"主办、协办活动参与 {e.attendance} 人次")


def _promotion(e: EvidenceSummary, target: float | None) -> Measure:
    """The promotion duty is a floor, not a scale: below it (3 a year) the indicator earns nothing."""
    floor = target or PROMOTION_DUTY
    measured = f"宣讲 {e.promotion_sessions} 次（不少于 {floor:g} 次）"
    if e.promotion_sessions >= floor:
        return Measure(1.0, measured)
    return Measure(0.0, measured, "未完成每年不少于三次的宣讲任务 (promotion duty not met)")


def _trainings(e: EvidenceSummary, target: float | None) -> Measure:
    held = max(e.trainings_held, e.trainings_attended)
    measured = f"参加服务总站培训 {e.trainings_attended} / {held} 期"
    if held == 0:
        return Measure(1.0, measured, "本年度服务总站未组织培训，按满分计 (no training held)")
    return Measure(e.trainings_attended / held, measured)


def _demand_reports(e: EvidenceSummary, target: float | None) -> Measure:
    covered = len(e.demand_quarters)
    quarters = "、".join(f"第{q}季度" for q in e.demand_quarters) or "无"
    return Measure(_ratio(covered, target), f"报送需求信息 {covered} 个季度（{quarters}）")


def _requests_handled(e: EvidenceSummary, target: float | None) -> Measure:
    total = e.requests_closed + e.requests_escalated
    measured = f"办结服务需求 {e.requests_closed} 件，逾期未受理转总站 {e.requests_escalated} 件"
    if total == 0:
        return Measure(1.0, measured, "本年度无分派的服务需求，按满分计 (no service requests)")
    return Measure(e.requests_closed / total, measured)


def _satisfaction(e: EvidenceSummary, target: float | None) -> Measure:
    if e.satisfaction_average is None:
        return Measure(1.0, "无企业满意度评价", "本年度无办结的服务需求，按满分计 (no rated requests)")
    return Measure(e.satisfaction_average / 5, f"企业满意度平均 {e.satisfaction_average:g} 分（满分 5 分）")


def _late_changes(e: EvidenceSummary, target: float | None) -> Measure:
    tolerance = target or 1
    return Measure(
        max(0.0, 1 - e.late_info_changes / tolerance), f"逾期报告信息变更 {e.late_info_changes} 次（扣分项）"
    )


def _convention(e: EvidenceSummary, target: float | None) -> Measure:
    return Measure(1.0 if e.convention_signed else 0.0, "已签署服务公约" if e.convention_signed else "未签署服务公约")


_STANDING_SHARE = {Standing.ON_TIME: 1.0, Standing.NOT_REQUIRED: 1.0, Standing.LATE: 0.5, Standing.MISSING: 0.0}


def _plan(e: EvidenceSummary, target: float | None) -> Measure:
    return Measure(_STANDING_SHARE[e.plan], f"工作计划{STANDING_NAMES[e.plan]}")


def _summary(e: EvidenceSummary, target: float | None) -> Measure:
    return Measure(_STANDING_SHARE[e.summary], f"工作总结{STANDING_NAMES[e.summary]}")


_MEASURES: dict[IndicatorCode, Callable[[EvidenceSummary, float | None], Measure]] = {
    IndicatorCode.ACTIVITIES_ORGANISED: _activities_organised,
    IndicatorCode.ACTIVITIES_CO_ORGANISED: _activities_co_organised,
    IndicatorCode.ATTENDANCE: _attendance,
    IndicatorCode.PROMOTION_SESSIONS: _promotion,
    IndicatorCode.STAFF_TRAININGS: _trainings,
    IndicatorCode.DEMAND_REPORTS: _demand_reports,
    IndicatorCode.REQUESTS_HANDLED: _requests_handled,
    IndicatorCode.SATISFACTION: _satisfaction,
    IndicatorCode.LATE_INFO_CHANGES: _late_changes,
    IndicatorCode.CONVENTION_SIGNED: _convention,
    IndicatorCode.PLAN_SUBMITTED: _plan,
    IndicatorCode.SUMMARY_SUBMITTED: _summary,
}

CATALOGUE: dict[IndicatorCode, IndicatorSpec] = {
    IndicatorCode(spec.code): spec
    for spec in (
        IndicatorSpec(IndicatorCode.ACTIVITIES_ORGANISED, "主办服务活动", 15, target=2),
        IndicatorSpec(IndicatorCode.ACTIVITIES_CO_ORGANISED, "协办服务活动", 10, target=2),
        IndicatorSpec(IndicatorCode.ATTENDANCE, "活动参与人次", 10, target=100),
        IndicatorSpec(IndicatorCode.PROMOTION_SESSIONS, "宣讲推广（每年不少于3次）", 15, target=PROMOTION_DUTY),
        IndicatorSpec(IndicatorCode.STAFF_TRAININGS, "参加服务总站培训", 10),
        IndicatorSpec(IndicatorCode.DEMAND_REPORTS, "需求信息报送（按季度）", 10, target=4),
        IndicatorSpec(IndicatorCode.REQUESTS_HANDLED, "服务需求受理办结", 5),
        IndicatorSpec(IndicatorCode.SATISFACTION, "企业满意度", 5),
        IndicatorSpec(IndicatorCode.LATE_INFO_CHANGES, "信息变更按时报告（逾期扣分）", 5, target=2),
        IndicatorSpec(IndicatorCode.CONVENTION_SIGNED, "签署服务公约", 5),
        IndicatorSpec(IndicatorCode.PLAN_SUBMITTED, "工作计划按时提交", 5),
        IndicatorSpec(IndicatorCode.SUMMARY_SUBMITTED, "工作总结按时提交", 5),
    )
}


def default_indicators() -> list[IndicatorSpec]:
    """The default set: every computed indicator with its default weight (sum 100)."""
    return list(CATALOGUE.values())


def is_computed(code: str) -> bool:
    """True when the code names an indicator the evidence scores."""
    return code in _MEASURES


def resolve(code: str, *, weight: float, name: str | None, target: float | None, manual: bool) -> IndicatorSpec:
    """An indicator as the bureau configures it: a computed one keeps its catalogue name unless renamed."""
    if is_computed(code) and not manual:
        known = CATALOGUE[IndicatorCode(code)]
        return replace(known, weight=weight, name=name or known.name, target=target or known.target)
    return IndicatorSpec(code=code, name=name or code, weight=weight, target=None, manual=True)


def check_indicators(specs: Sequence[IndicatorSpec]) -> list[tuple[str, str]]:
    """Problems (field, message) with a cycle's indicators; empty when they can be used."""
    problems: list[tuple[str, str]] = []
    if not specs:
        return [("indicators", "至少需要一项考核指标 (at least one indicator)")]
    seen: set[str] = set()
    for index, spec in enumerate(specs):
        where = f"indicators.{index}"
        if spec.code in seen:
            problems.append((f"{where}.code", f"指标 {spec.code} 重复 (duplicate indicator)"))
        seen.add(spec.code)
        if not _CODE.match(spec.code):
            problems.append((f"{where}.code", "指标代码须为小写字母、数字和下划线 (lowercase letters, digits, _)"))
        if spec.manual and is_computed(spec.code):
            problems.append((f"{where}.code", f"{spec.code} 是系统计算指标，不能作为人工评分指标 (a computed code)"))
        if spec.manual and spec.name == spec.code:
            problems.append((f"{where}.name", "人工评分指标须填写名称 (a manual indicator needs a name)"))
        if not 0 < spec.weight <= 100:
            problems.append((f"{where}.weight", "权重须大于0且不超过100 (weight in (0, 100])"))
        if spec.target is not None and spec.target <= 0:
            problems.append((f"{where}.target", "目标值须大于0 (target must be positive)"))
    total = round(sum(spec.weight for spec in specs), 6)
    if total != 100:
        problems.append(("indicators", f"各项指标权重之和须为100，当前为{total:g} (weights must sum to 100)"))
    return problems


@dataclass(frozen=True)
class IndicatorScore:
    """One line of a station's breakdown."""

    code: str
    name: str
    weight: float
    score: float
    measured: str
    note: str | None = None
    computed_score: float | None = None
    manual_reason: str | None = None


def score_computed(spec: IndicatorSpec, evidence: EvidenceSummary) -> IndicatorScore:
    """The score a computed indicator earns from the evidence (rounded to 2 decimals)."""
    measure = _MEASURES[IndicatorCode(spec.code)](evidence, spec.target)
    points = round(spec.weight * measure.share, 2)
    return IndicatorScore(spec.code, spec.name, spec.weight, points, measure.measured, measure.note, points)


def with_manual(line: IndicatorScore, *, score: float, reason: str) -> IndicatorScore:
    """A hand-entered score replaces the computed one; both stay visible in the breakdown. A manual
    indicator (nothing computed) no longer says it is not scored yet."""
    note = line.note if line.computed_score is not None else None
    return replace(line, score=round(score, 2), manual_reason=reason, note=note)


def unscored_manual(spec: IndicatorSpec) -> IndicatorScore:
    """The line of a manual indicator nobody has scored yet: 0 points, and it says so."""
    return IndicatorScore(spec.code, spec.name, spec.weight, 0.0, "人工评分", "尚未录入评分，按0分计 (not scored yet)")
