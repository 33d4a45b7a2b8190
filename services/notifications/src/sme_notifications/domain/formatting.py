"""How templates print dates, codes and enumerations in Chinese (the filters templates use).

Enumerations print through a named label set, ``{{ status | label("station_status") }}``, so that
a value reads the same in every message; a value without a label prints as it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from enum import Enum
from typing import Any

from sme_contracts.common import REVOCATION_GROUND_TEXT, SERVICE_CATEGORY_NAMES, RevocationGround
from sme_kit.vocabulary import SHANGHAI

LABELS: dict[str, dict[str, str]] = {
    "station_status": {"active": "有效", "expired": "有效期满", "revoked": "已撤销"},
    "application_kind": {"new": "认定", "re_review": "复核"},
    "decline_reason": {
        "not_recommended": "专家评审未予推荐",
        "not_shortlisted": "未列入入围名单",
        "objection_upheld": "公示期异议经调查属实",
    },
    "objection_outcome": {"upheld": "异议成立", "not_upheld": "异议不成立"},
    "withdrawal_reason": {"conflict_declared": "申报利益冲突回避", "withdrawn": "服务总站撤回指派"},
    "activity_type": {
        "salon": "沙龙",
        "dialogue": "对话",
        "training": "培训",
        "lecture": "讲座",
        "seminar": "研讨",
        "forum": "论坛",
    },
    "cancel_reason": {"by_organiser": "主办方取消", "organiser_not_active": "主办服务站已不再有效"},
    "theme": {"policy": "政策", "finance_tax": "财税", "intellectual_property": "知识产权", "custom": "专题"},
    "assessment_outcome": {"qualified": "合格", "unqualified": "不合格"},
    "document_kind": {"plan": "服务工作计划", "summary": "工作情况总结"},
    "lapse_status": {"missing": "未提交", "late": "逾期提交"},
    "proposal_origin": {
        "automatic": "系统依规则提出",
        "bureau": "市工业和信息化局提出",
        "operator": "运营机构主动申请",
    },
    "request_assignment": {
        "sme_choice": "企业自选服务站",
        "district_match": "按所在区和服务类别分派",
        "head_station": "由服务总站受理",
    },
    "changed_field": {
        "name": "名称",
        "address": "地址",
        "legal_representative": "法定代表人",
        "contact": "联系人",
        "staff": "专职工作人员",
        "services": "服务内容",
    },
    "service_category": {category.value: name for category, name in SERVICE_CATEGORY_NAMES.items()},
}


def _raw(value: Any) -> str:
    return str(value.value) if isinstance(value, Enum) else str(value)


def label(value: Any, label_set: str) -> str:
    """A code in the guideline's words, e.g. ``revoked`` → 已撤销."""
    if value is None:
        return ""
    raw = _raw(value)
    return LABELS.get(label_set, {}).get(raw, raw)


def labels(values: Iterable[Any] | None, label_set: str) -> str:
    """A list of codes, in words, joined with 、."""
    return "、".join(label(value, label_set) for value in values or ())


def join_cn(values: Iterable[Any] | None) -> str:
    return "、".join(str(value) for value in values or ())


def date_cn(value: date | datetime | None) -> str:
    """2026-11-28 → 2026年11月28日."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone(SHANGHAI).date()
    return f"{value.year}年{value.month}月{value.day}日"


def datetime_cn(value: datetime | None) -> str:
    """An aware moment in Asia/Shanghai: 2026年11月28日 10:00."""
    if value is None:
        return ""
    local = value.astimezone(SHANGHAI)
    return f"{date_cn(local.date())} {local:%H:%M}"


def ground_text(ground: Any) -> str:
    """A revocation ground of §4.3 (1–8) in the guideline's words."""
    try:
        return f"撤销情形第{int(ground)}项“{REVOCATION_GROUND_TEXT[RevocationGround(int(ground))]}”"
    except (ValueError, KeyError, TypeError):
        return str(ground)


def score(value: float | None) -> str:
    """72.50 → 72.5; 80.0 → 80."""
    if value is None:
        return ""
    return f"{value:.2f}".rstrip("0").rstrip(".")
