"""Who may be recognised as a service station (§4.1.2), checked when an application is submitted.

Every failure is its own violation, so the applicant sees all of them at once. Who may apply at
all (§4.1.2(1)) is checked earlier too, whenever a draft is stored.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from sme_kit.vocabulary import is_guangzhou_district
from sme_registry.domain.applications import ApplicationKind
from sme_registry.domain.errors import RuleViolation
from sme_registry.domain.forms import ATTACHMENT_NAMES, REQUIRED_ATTACHMENTS, ApplicationForm, AttachmentKind
from sme_registry.domain.uscc import entity_violations, uscc_violations

MIN_FULL_TIME_STAFF = 2


@dataclass(frozen=True)
class StationFacts:
    """What the re-review rule needs to know about the station an application names."""

    station_id: str
    uscc: str
    valid_until: date
    revoked: bool


def eligibility_violations(
    form: ApplicationForm,
    *,
    kind: ApplicationKind,
    round_year: int,
    attached: Collection[AttachmentKind],
    station: StationFacts | None = None,
) -> list[RuleViolation]:
    """Every reason this application cannot be submitted, in the order of the form."""
    violations = uscc_violations(form.uscc)
    violations += _missing_fields(form)
    violations += _district_violations(form)
    violations += _staff_violations(form)
    violations += _missing_attachments(attached)
    if kind is ApplicationKind.RE_REVIEW:
        violations += _re_review_violations(form, round_year, station)
    return violations


def applicant_violations(form: ApplicationForm) -> list[RuleViolation]:
    """What excludes the applicant itself, whatever else the form says: only a legal person
    registered in Guangzhou may apply (§4.1.2(1)).

    Checked whenever a draft is started or saved, so nothing is kept of an entity that may not
    apply; the rest of §4.1.2 (the check digit included) waits for the submission.
    """
    return entity_violations(form.uscc)


def _required(field: str, label: str) -> RuleViolation:
    return RuleViolation(field, f"请填写{label} ({field} is required)", "required")


def _missing_fields(form: ApplicationForm) -> list[RuleViolation]:
    required_texts = {
        "entity_name": ("单位名称", form.entity_name),
        "legal_representative": ("法定代表人", form.legal_representative),
        "registered_address": ("注册地址", form.registered_address),
        "station_address": ("服务站地址", form.station_address),
        "service_experience": ("服务经验", form.service_experience),
        "management_system": ("服务管理制度和服务架构", form.management_system),
    }
    violations = [
        _required(field, label) for field, (label, value) in required_texts.items() if not (value or "").strip()
    ]
    if form.operator_type is None:
        violations.append(_required("operator_type", "运营机构类型"))
    if not form.services and not form.personalised_services.strip():
        violations.append(
            RuleViolation(
                "services",
                "请至少选择一项共性服务或填写个性化服务 (name at least one service)",
                "required",
            )
        )
    if form.contact is None or not form.contact.name.strip():
        violations.append(_required("contact.name", "联系人"))
    if form.contact is None or not form.contact.phone.strip():
        violations.append(_required("contact.phone", "联系人电话"))
    return violations


def _district_violations(form: ApplicationForm) -> list[RuleViolation]:
    violations = []
    if not is_guangzhou_district(form.district_code):
        violations.append(
            RuleViolation(
                "district_code",
                f"受理区 {form.district_code} 不是广州市的行政区 (not one of Guangzhou's 11 districts)",
                "district_not_guangzhou",
            )
        )
    if not is_guangzhou_district(form.station_district):
        violations.append(
            RuleViolation(
                "station_district_code",
                f"服务站所在区 {form.station_district} 不是广州市的行政区 "
                "(the station must be in one of Guangzhou's 11 districts)",
                "district_not_guangzhou",
            )
        )
    return violations


def _staff_violations(form: ApplicationForm) -> list[RuleViolation]:
    if len(form.staff) >= MIN_FULL_TIME_STAFF:
        return []
    return [
        RuleViolation(
            "staff",
            f"须配备不少于{MIN_FULL_TIME_STAFF}名专职工作人员，当前填报{len(form.staff)}名 "
            f"(at least {MIN_FULL_TIME_STAFF} full-time staff are required)",
            "too_few_staff",
        )
    ]


def _missing_attachments(attached: Collection[AttachmentKind]) -> list[RuleViolation]:
    return [
        RuleViolation(
            f"attachments.{kind.value}",
            f"请上传{ATTACHMENT_NAMES[kind]} (the {kind.value} attachment is missing)",
            "attachment_missing",
        )
        for kind in REQUIRED_ATTACHMENTS
        if kind not in attached
    ]


def _re_review_violations(form: ApplicationForm, round_year: int, station: StationFacts | None) -> list[RuleViolation]:
    if station is None:
        return [
            RuleViolation(
                "station_id",
                "复核申请须指明本单位已认定的服务站 (a re-review names the applicant's recognised station)",
                "re_review_station",
            )
        ]
    if station.uscc != form.uscc:
        return [
            RuleViolation(
                "station_id",
                "该服务站不属于申请单位 (the station belongs to another legal entity)",
                "re_review_station",
            )
        ]
    if station.revoked:
        return [
            RuleViolation("station_id", "该服务站已被撤销，不能申请复核 (the station was revoked)", "re_review_station")
        ]
    if station.valid_until.year != round_year:
        return [
            RuleViolation(
                "station_id",
                f"该服务站有效期至 {station.valid_until.isoformat()}，应在{station.valid_until.year}年度批次申请复核 "
                f"(re-review belongs to the round of the year the validity ends)",
                "re_review_year",
            )
        ]
    return []
