"""Objections to the notice (§4.1.3(4)): who may file one, what it must carry, how the bureau resolves it.

"单位意见需加盖公章并注明联系方式，个人意见需署实名并注明联系方式": an organisation names itself and
uploads its written objection bearing its official seal; an individual gives its real name and
resident ID number. Both give contact details. Only what the objector's type needs is kept: an
individual's upload or an organisation's ID number is not stored (data minimisation, PIPL).

The objector's identity and contact details are for the bureau alone, which investigates; the
public and the head station never see them, and the applicant concerned learns only that an
objection exists and how it was resolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from stdnum.cn import ric

from sme_review.domain.errors import FieldProblem, StateConflict, refuse

SEAL_SCAN_TYPES = frozenset({"application/pdf", "image/png", "image/jpeg"})
_MOBILE = re.compile(r"^(?:\+?86)?1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}(?:-\d{1,6})?$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MIN_GROUNDS = 10
MAX_TEXT = 5000


class ObjectorType(StrEnum):
    ORGANISATION = "organisation"  # 单位
    INDIVIDUAL = "individual"  # 个人


class ObjectionStatus(StrEnum):
    RECEIVED = "received"  # 已受理，调查核实中
    RESOLVED = "resolved"  # 已办结


class ObjectionOutcome(StrEnum):
    UPHELD = "upheld"  # 异议成立
    NOT_UPHELD = "not_upheld"  # 异议不成立


@dataclass(frozen=True)
class ObjectionForm:
    """What was filed, as typed (every field may be missing: the form reports all problems at once)."""

    objector_type: str | None
    target_application_id: str | None
    grounds: str | None
    organisation_name: str | None = None
    real_name: str | None = None
    id_number: str | None = None
    contact_phone: str | None = None
    contact_email: str | None = None
    contact_address: str | None = None
    contact_person: str | None = None


@dataclass(frozen=True)
class Objector:
    """Who objected and how to reach them: personal data, for the bureau's eyes only."""

    type: ObjectorType
    contact_phone: str
    organisation_name: str | None = None
    contact_person: str | None = None
    real_name: str | None = None
    id_number: str | None = None
    contact_email: str | None = None
    contact_address: str | None = None


def _text(value: str | None) -> str:
    return (value or "").strip()


def _phone(value: str) -> str:
    return re.sub(r"[\s()（）]", "", value)


def objection_problems(
    form: ObjectionForm, *, on_notice: bool, seal_scan_type: str | None, seal_scan_uploaded: bool
) -> list[FieldProblem]:
    """Every reason the objection cannot be received. ``seal_scan_type`` is the type read from the
    upload's bytes (None when it is none of the accepted ones)."""
    problems: list[FieldProblem] = []
    kind = _text(form.objector_type)
    if kind not in {t.value for t in ObjectorType}:
        problems.append(
            FieldProblem("objector_type", "请选择异议人类型：单位或个人 (organisation or individual)", "missing")
        )
    target = _text(form.target_application_id)
    if not target:
        problems.append(FieldProblem("target_application_id", "请选择所异议的公示对象 (target required)", "missing"))
    elif not on_notice:
        problems.append(
            FieldProblem("target_application_id", "该申请不在本次公示名单中 (not on this notice)", "not_on_notice")
        )
    grounds = _text(form.grounds)
    if len(grounds) < MIN_GROUNDS or len(grounds) > MAX_TEXT:
        problems.append(
            FieldProblem(
                "grounds",
                f"请写明异议内容和理由（{MIN_GROUNDS} 至 {MAX_TEXT} 字）(state the objection and its grounds)",
                "missing" if not grounds else "length",
            )
        )
    problems += _contact_problems(form)
    if kind == ObjectorType.ORGANISATION:
        problems += _organisation_problems(form, seal_scan_type, seal_scan_uploaded)
    elif kind == ObjectorType.INDIVIDUAL:
        problems += _individual_problems(form)
    return problems


def _contact_problems(form: ObjectionForm) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    phone = _phone(_text(form.contact_phone))
    if not phone:
        problems.append(FieldProblem("contact_phone", "请注明联系电话 (contact phone required)", "missing"))
    elif not (_MOBILE.match(phone) or _LANDLINE.match(phone)):
        problems.append(
            FieldProblem("contact_phone", "联系电话格式不正确，如 13800138000 或 020-12345678 (invalid phone)")
        )
    email = _text(form.contact_email)
    if email and not _EMAIL.match(email):
        problems.append(FieldProblem("contact_email", "电子邮箱格式不正确 (invalid e-mail address)"))
    return problems


def _organisation_problems(
    form: ObjectionForm, seal_scan_type: str | None, seal_scan_uploaded: bool
) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    if len(_text(form.organisation_name)) < 2:
        problems.append(
            FieldProblem("organisation_name", "单位异议须写明单位名称 (organisation name required)", "missing")
        )
    if not seal_scan_uploaded:
        problems.append(
            FieldProblem(
                "seal_scan",
                "单位异议须上传加盖公章的书面意见扫描件 (upload the written objection bearing the official seal)",
                "missing",
            )
        )
    elif seal_scan_type not in SEAL_SCAN_TYPES:
        problems.append(
            FieldProblem("seal_scan", "扫描件须为 PDF、PNG 或 JPEG 文件 (PDF, PNG or JPEG only)", "file_type")
        )
    return problems


def _individual_problems(form: ObjectionForm) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    name = _text(form.real_name)
    if not 2 <= len(name) <= 50:
        problems.append(FieldProblem("real_name", "个人异议须署真实姓名 (real name required)", "missing"))
    id_number = _text(form.id_number).upper()
    if not id_number:
        problems.append(FieldProblem("id_number", "个人异议须填写居民身份证号码 (ID number required)", "missing"))
    elif not ric.is_valid(id_number):
        problems.append(
            FieldProblem("id_number", "居民身份证号码无效，请核对 (not a valid resident ID number)", "invalid_checksum")
        )
    return problems


def objector_of(form: ObjectionForm) -> Objector:
    """The objector's details from a form that passed `objection_problems`, keeping only what its type needs."""
    kind = ObjectorType(_text(form.objector_type))
    phone = _phone(_text(form.contact_phone))
    email = _text(form.contact_email) or None
    address = _text(form.contact_address) or None
    if kind is ObjectorType.ORGANISATION:
        return Objector(
            type=kind,
            contact_phone=phone,
            contact_email=email,
            contact_address=address,
            organisation_name=_text(form.organisation_name),
            contact_person=_text(form.contact_person) or None,
        )
    return Objector(
        type=kind,
        contact_phone=phone,
        contact_email=email,
        contact_address=address,
        real_name=_text(form.real_name),
        id_number=_text(form.id_number).upper(),
    )


@dataclass
class Objection:
    id: str
    notice_id: str
    round_year: int
    case_id: str
    target_application_id: str
    objector: Objector
    grounds: str
    filed_at: datetime
    status: ObjectionStatus
    seal_file_id: str | None = None
    outcome: ObjectionOutcome | None = None
    findings: str = ""
    resolved_by: str | None = None
    resolved_at: datetime | None = None

    def resolve(self, *, outcome: ObjectionOutcome, findings: str, by: str, at: datetime) -> None:
        """The bureau's conclusion after investigating, with its findings."""
        if self.status is ObjectionStatus.RESOLVED:
            raise StateConflict("该异议已办结 (the objection is already resolved)")
        text = findings.strip()
        refuse(
            [FieldProblem("findings", f"请填写调查核实情况（不少于 {MIN_GROUNDS} 字）(findings required)", "missing")]
            if len(text) < MIN_GROUNDS
            else []
        )
        self.status = ObjectionStatus.RESOLVED
        self.outcome = outcome
        self.findings = text
        self.resolved_by = by
        self.resolved_at = at
