"""An application to run a service station, and its life cycle (§4.1.3(1), §4.2).

draft → submitted → forwarded → recognised | declined
             ↘ returned → (edited) → submitted again
             ↘ rejected
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum

from sme_kit.vocabulary import normalise_uscc
from sme_registry.domain.errors import InvalidTransition, RulesViolated, RuleViolation
from sme_registry.domain.forms import ApplicationForm


class ApplicationStatus(StrEnum):
    DRAFT = "draft"  # 草稿
    SUBMITTED = "submitted"  # 已提交，待区级初审
    RETURNED = "returned"  # 退回补正
    REJECTED = "rejected"  # 区级初审不通过
    FORWARDED = "forwarded"  # 已上报市工业和信息化局
    RECOGNISED = "recognised"  # 已认定 / 复核通过
    DECLINED = "declined"  # 未获认定 / 复核未通过


class ApplicationKind(StrEnum):
    NEW = "new"
    RE_REVIEW = "re_review"


EDITABLE = frozenset({ApplicationStatus.DRAFT, ApplicationStatus.RETURNED})
# An application in progress in its round: a second one of the same entity is refused.
OPEN = frozenset({ApplicationStatus.SUBMITTED, ApplicationStatus.RETURNED, ApplicationStatus.FORWARDED})
# A re-review "was applied for" (§4.2) while it is in progress or once it passed; a rejected or
# failed one was not, so assessment proceeds on ground 5.
RE_REVIEW_APPLIED = OPEN | {ApplicationStatus.RECOGNISED}


class Decision(StrEnum):
    FORWARD = "forward"  # 初审通过，上报
    RETURN = "return"  # 退回补正
    REJECT = "reject"  # 初审不通过


@dataclass(frozen=True)
class DistrictDecision:
    """One step of the district's preliminary review, as the applicant later reads it."""

    decision: Decision
    reasons: tuple[str, ...]
    opinion: str
    officer: str
    district_code: str
    decided_at: datetime


@dataclass(frozen=True)
class ApplicationSubmitted:
    """Domain event: the applicant handed its application to its district (again, after a return)."""

    application_id: str
    submitted_at: datetime
    resubmission: bool


@dataclass
class Application:
    id: str
    kind: ApplicationKind
    round_year: int
    status: ApplicationStatus
    form: ApplicationForm
    created_at: datetime
    updated_at: datetime
    station_id: str | None = None
    submitted_at: datetime | None = None
    submissions: int = 0
    forwarded_at: datetime | None = None
    closed_at: datetime | None = None
    outcome_reason: str | None = None
    decisions: list[DistrictDecision] = field(default_factory=list)

    @property
    def uscc(self) -> str:
        return self.form.uscc

    @property
    def entity_name(self) -> str:
        return self.form.entity_name

    @property
    def district_code(self) -> str:
        """The district of registration: the one that reviews the application."""
        return self.form.district_code

    def edit(self, form: ApplicationForm, *, kind: ApplicationKind, station_id: str | None, now: datetime) -> None:
        """Replace the form; only a draft or a returned application can be edited."""
        if self.status not in EDITABLE:
            raise InvalidTransition(
                f"申请当前状态为{self.status.value}，只有草稿或退回补正的申请可以修改 "
                "(only a draft or a returned application can be edited)"
            )
        if normalise_uscc(form.uscc) != self.uscc:
            raise RulesViolated(
                [RuleViolation("uscc", "统一社会信用代码不可修改 (the USCC cannot be changed)", "immutable")]
            )
        if self.status is ApplicationStatus.RETURNED and form.district_code != self.district_code:
            raise RulesViolated(
                [
                    RuleViolation(
                        "district_code",
                        "退回补正的申请不能改为向其他区提交 (a returned application stays with its district)",
                        "immutable",
                    )
                ]
            )
        self.form = replace(form, uscc=self.uscc)
        self.kind = kind
        self.station_id = station_id if kind is ApplicationKind.RE_REVIEW else None
        self.updated_at = now

    def ensure_submittable(self) -> None:
        """Only a draft, or an application the district returned, can be (re)submitted."""
        if self.status not in EDITABLE:
            raise InvalidTransition(
                f"申请当前状态为{self.status.value}，只有草稿或退回补正的申请可以提交 "
                "(only a draft or a returned application can be submitted)"
            )

    def submit(self, *, round_year: int, now: datetime) -> ApplicationSubmitted:
        """Hand the application to the district; a draft for the first time, a returned one again."""
        self.ensure_submittable()
        resubmission = self.status is ApplicationStatus.RETURNED
        self.status = ApplicationStatus.SUBMITTED
        self.round_year = round_year
        self.submitted_at = now
        self.updated_at = now
        self.submissions += 1
        return ApplicationSubmitted(self.id, now, resubmission)

    def decide(
        self, decision: Decision, *, officer: str, reasons: tuple[str, ...], opinion: str, now: datetime
    ) -> DistrictDecision:
        """The district's preliminary review: forward, return for completion, or reject."""
        if self.status is not ApplicationStatus.SUBMITTED:
            raise InvalidTransition(
                f"申请当前状态为{self.status.value}，只能对待初审的申请作出决定 "
                "(only a submitted application awaits the district's review)"
            )
        reasons = tuple(r.strip() for r in reasons if r.strip())
        if decision is not Decision.FORWARD and not reasons:
            raise RulesViolated(
                [RuleViolation("reasons", "退回或不予通过须写明理由 (a return or rejection needs reasons)", "required")]
            )
        made = DistrictDecision(decision, reasons, opinion.strip(), officer, self.district_code, now)
        self.decisions.append(made)
        self.updated_at = now
        if decision is Decision.FORWARD:
            self.status = ApplicationStatus.FORWARDED
            self.forwarded_at = now
        elif decision is Decision.RETURN:
            self.status = ApplicationStatus.RETURNED
        else:
            self.status = ApplicationStatus.REJECTED
            self.closed_at = now
            self.outcome_reason = "；".join(reasons)
        return made

    def recognise(self, *, now: datetime) -> bool:
        """The bureau recognised the station (or confirmed it on re-review); False if already so."""
        if self.status is ApplicationStatus.RECOGNISED:
            return False
        self.status = ApplicationStatus.RECOGNISED
        self.closed_at = now
        self.updated_at = now
        self.outcome_reason = None
        return True

    def decline(self, *, reason: str, now: datetime) -> bool:
        """The round ended without recognition; False if it was already closed that way."""
        if self.status is ApplicationStatus.DECLINED:
            return False
        self.status = ApplicationStatus.DECLINED
        self.closed_at = now
        self.updated_at = now
        self.outcome_reason = reason
        return True
