"""Scoring criteria of a round and the experts' score sheets (§4.1.3(2)).

A round has its criteria, each with a weight; weights sum to 100. An expert marks every criterion
from 0 to 100, may explain each mark (评分说明), and gives its opinion (评审意见); its sheet's total
is the weighted sum (0–100). A case's score is the average of the
totals of all its experts, and exists only once every expert assigned to it has submitted.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from sme_review.domain.errors import FieldProblem

TOTAL_WEIGHT = 100
MAX_MARK = 100
MAX_REMARK = 500
_CODE = re.compile(r"^[a-z][a-z0-9_]{1,39}$")
_CENT = Decimal("0.01")


@dataclass(frozen=True)
class Criterion:
    """One thing experts score, with its share of the total."""

    code: str
    name: str
    weight: int
    description: str = ""


# The eligibility conditions of §4.1.2 and the capacities of §3.3, as the head station scores them
# unless it configures other criteria for the round.
DEFAULT_CRITERIA: tuple[Criterion, ...] = (
    Criterion(
        "premises", "服务场所", 15, "固定办公场所和办公条件，统一标识，线上线下服务信息公布（§4.1.2(2)、§3.3(1)）"
    ),
    Criterion("staff", "专职人员", 15, "不少于2名专职服务人员及其专业能力（§4.1.2(5)）"),
    Criterion("service_capability", "服务能力", 25, "民营和中小企业服务能力、共性与个性服务内容（§4.1.2(3)、§3.4）"),
    Criterion("experience", "服务经验", 20, "民营和中小企业服务经验与成效（§4.1.2(3)）"),
    Criterion("management_system", "管理制度", 15, "服务管理制度和服务架构（§4.1.2(4)）"),
    Criterion("influence", "影响力", 10, "在所在区域、行业中的影响力和知名度（§4.1.2(3)）"),
)
DEFAULT_MIN_EXPERTS = 3


def criteria_problems(criteria: Sequence[Criterion], min_experts: int) -> list[FieldProblem]:
    """Why a round's scoring scheme cannot be used (empty when it can)."""
    problems: list[FieldProblem] = []
    if not criteria:
        problems.append(FieldProblem("criteria", "至少需要一项评分指标 (at least one criterion)", "missing"))
    seen: set[str] = set()
    for index, criterion in enumerate(criteria):
        where = f"criteria.{index}"
        if not _CODE.match(criterion.code):
            problems.append(
                FieldProblem(f"{where}.code", "指标代码须为小写字母、数字和下划线 (lowercase code, e.g. premises)")
            )
        elif criterion.code in seen:
            problems.append(FieldProblem(f"{where}.code", f"指标代码 {criterion.code} 重复 (duplicate code)"))
        seen.add(criterion.code)
        if not criterion.name.strip():
            problems.append(FieldProblem(f"{where}.name", "指标名称不能为空 (name required)", "missing"))
        if not 1 <= criterion.weight <= TOTAL_WEIGHT:
            problems.append(FieldProblem(f"{where}.weight", "权重须在 1 至 100 之间 (weight between 1 and 100)"))
    total = sum(criterion.weight for criterion in criteria)
    if criteria and total != TOTAL_WEIGHT:
        problems.append(
            FieldProblem("criteria", f"各项权重之和须为 100，当前为 {total} (weights must sum to 100, not {total})")
        )
    if not 1 <= min_experts <= 15:
        problems.append(
            FieldProblem("min_experts_per_case", "每个案件的评审专家人数须在 1 至 15 之间 (between 1 and 15)")
        )
    return problems


def sheet_problems(
    criteria: Sequence[Criterion], marks: Mapping[str, int], remarks: Mapping[str, str] | None = None
) -> list[FieldProblem]:
    """Why a score sheet cannot be accepted: every criterion marked, 0–100, nothing unknown; each
    criterion's remark (optional) at most 500 characters."""
    problems = [
        FieldProblem(f"marks.{c.code}", f"请为“{c.name}”评分 (mark required)", "missing")
        for c in criteria
        if c.code not in marks
    ]
    known = {c.code for c in criteria}
    problems += [
        FieldProblem(f"marks.{code}", f"本轮没有评分指标 {code} (unknown criterion)", "unknown")
        for code in marks
        if code not in known
    ]
    problems += [
        FieldProblem(f"marks.{code}", "分值须为 0 至 100 的整数 (an integer from 0 to 100)", "out_of_range")
        for code, mark in marks.items()
        if code in known and not 0 <= mark <= MAX_MARK
    ]
    problems += [
        FieldProblem(f"remarks.{code}", f"本轮没有评分指标 {code} (unknown criterion)", "unknown")
        for code in remarks or {}
        if code not in known
    ]
    problems += [
        FieldProblem(f"remarks.{code}", f"评分说明不能超过 {MAX_REMARK} 字 (at most {MAX_REMARK} characters)", "long")
        for code, remark in (remarks or {}).items()
        if code in known and len(remark.strip()) > MAX_REMARK
    ]
    return problems


def weighted_total(criteria: Sequence[Criterion], marks: Mapping[str, int]) -> Decimal:
    """One expert's total: the weighted sum of its marks, 0–100, to two decimals."""
    raw = sum((Decimal(marks[c.code]) * c.weight for c in criteria), Decimal(0)) / TOTAL_WEIGHT
    return raw.quantize(_CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class ScoreSheet:
    """What one expert submitted for one case."""

    assignment_id: str
    case_id: str
    expert_id: str
    marks: Mapping[str, int]
    total: Decimal
    comment: str
    submitted_at: datetime
    remarks: Mapping[str, str] = field(default_factory=dict)


def case_score(totals: Sequence[Decimal]) -> Decimal:
    """The case's score: the average of its experts' totals, to two decimals."""
    if not totals:
        raise ValueError("a case without score sheets has no score")
    return (sum(totals, Decimal(0)) / len(totals)).quantize(_CENT, rounding=ROUND_HALF_UP)
