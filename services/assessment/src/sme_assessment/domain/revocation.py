"""Revocation of the station title on the eight grounds of §4.3, decided by the bureau.

Who may raise which ground: grounds 5 (re-review) and 6 (assessment) are raised by the system
from the facts and only proposed; ground 7 (voluntary withdrawal) by the operator's own request;
grounds 1–4 and 8 by the bureau with evidence. The bureau decides every case: it revokes, with a
decision date, an effective date and an explanation to the station, or dismisses with a reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from sme_assessment.domain.errors import DomainError, StateConflict
from sme_assessment.domain.stations import Station, require_not_revoked
from sme_contracts.common import REVOCATION_GROUND_TEXT, RevocationGround


class Origin(StrEnum):
    AUTOMATIC = "automatic"  # 系统自动提出
    BUREAU = "bureau"  # 市工业和信息化局提出
    OPERATOR = "operator"  # 运营机构主动申请


GROUNDS_BY_ORIGIN: dict[Origin, frozenset[RevocationGround]] = {
    Origin.AUTOMATIC: frozenset(
        {RevocationGround.NO_OR_FAILED_RE_REVIEW, RevocationGround.ASSESSMENT_SKIPPED_OR_FAILED}
    ),
    Origin.OPERATOR: frozenset({RevocationGround.VOLUNTARY_WITHDRAWAL}),
    Origin.BUREAU: frozenset(
        {
            RevocationGround.VIOLATION_OR_FAILED_CREDIT,
            RevocationGround.FALSIFIED_MATERIALS,
            RevocationGround.SERIOUS_CONVENTION_BREACH,
            RevocationGround.NOT_SUPPORTING_DEPARTMENTS,
            RevocationGround.OTHER_UNSUITABILITY,
        }
    ),
}


class CaseStatus(StrEnum):
    OPEN = "open"  # 待市工业和信息化局决定
    REVOKED = "revoked"  # 决定撤销
    DISMISSED = "dismissed"  # 决定不予撤销
    SUPERSEDED = "superseded"  # 服务站已因其他情形被撤销，本案终结


class Decision(StrEnum):
    REVOKE = "revoke"
    DISMISS = "dismiss"


def ground_text(ground: RevocationGround) -> str:
    """The ground in the guideline's own words."""
    return REVOCATION_GROUND_TEXT[ground]


def check_origin(ground: RevocationGround, origin: Origin) -> None:
    """Refuse a ground the proposer may not raise (e.g. the bureau raising ground 5 by hand)."""
    if ground not in GROUNDS_BY_ORIGIN[origin]:
        allowed = "、".join(f"第{int(g)}项" for g in sorted(GROUNDS_BY_ORIGIN[origin]))
        raise DomainError(
            f"第{int(ground)}项撤销情形不能由此提出；可提出的为{allowed} "
            f"(ground {int(ground)} cannot be raised this way)"
        )


@dataclass(frozen=True)
class EvidenceNote:
    """Text added to a case as evidence (attachments are stored beside it)."""

    id: str
    revocation_id: str
    text: str
    added_by: str
    added_at: datetime


@dataclass
class RevocationCase:
    id: str
    station_id: str
    uscc: str
    district_code: str
    ground: RevocationGround
    origin: Origin
    trigger: str
    evidence: str
    status: CaseStatus
    proposed_by: str
    proposed_at: datetime
    decided_by: str | None = None
    decided_at: datetime | None = None
    decided_on: date | None = None
    effective_on: date | None = None
    decision_reason: str | None = None

    @property
    def ground_text(self) -> str:
        return ground_text(self.ground)

    @property
    def open(self) -> bool:
        return self.status is CaseStatus.OPEN

    def _require_open(self) -> None:
        if not self.open:
            raise StateConflict("该撤销案件已有决定 (the case has already been decided)")

    def revoke(
        self,
        *,
        reason: str,
        decided_on: date,
        effective_on: date,
        now: datetime,
        by: str,
        station: Station | None = None,
        revoked_before: Sequence[RevocationCase] = (),
    ) -> None:
        """Revoke: effective on or after the decision day, with the explanation the station reads.

        A station is revoked once: not when the register already shows it revoked (``station``),
        nor when another of its cases revoked it (``revoked_before``).
        """
        if station is not None:
            require_not_revoked(station)
        if any(other.status is CaseStatus.REVOKED for other in revoked_before):
            raise StateConflict(f"服务站 {self.station_id} 已被撤销，不能重复撤销 (the station is already revoked)")
        self._require_open()
        problems = []
        if not reason.strip():
            problems.append("撤销决定须向服务站说明理由 (explain the decision to the station)")
        if effective_on < decided_on:
            problems.append("生效日期不能早于决定日期 (effective_on must not precede decided_on)")
        if decided_on > now.date():
            problems.append("决定日期不能晚于今天 (decided_on cannot be in the future)")
        if problems:
            raise DomainError("；".join(problems))
        self.status = CaseStatus.REVOKED
        self.decision_reason = reason
        self.decided_on, self.effective_on = decided_on, effective_on
        self.decided_at, self.decided_by = now, by

    def dismiss(self, *, reason: str, now: datetime, by: str) -> None:
        self._require_open()
        if not reason.strip():
            raise DomainError("不予撤销须说明理由 (a dismissal needs a reason)")
        self.status = CaseStatus.DISMISSED
        self.decision_reason = reason
        self.decided_at, self.decided_by = now, by

    def require_open_for_evidence(self) -> None:
        """Evidence is added while the bureau weighs the case; a decided case is closed."""
        if not self.open:
            raise StateConflict("该撤销案件已有决定，不能再补充证据 (the case has been decided)")

    def supersede(self, *, reason: str, now: datetime) -> bool:
        """The station was revoked on another case: this one ends without a decision of its own."""
        if not self.open:
            return False
        self.status = CaseStatus.SUPERSEDED
        self.decision_reason = reason
        self.decided_at, self.decided_by = now, "system"
        return True
