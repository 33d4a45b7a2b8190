"""The expert pool, conflicts of interest and assignments of experts to cases (§4.1.3(2)).

An expert never reviews an applicant it declared a conflict with, nor one from its own
organisation. It may declare a conflict before it is assigned or when it sees an assignment;
declaring one for a case it is assigned to recuses it from that case.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from sme_kit.errors import FieldError, ValidationFailed
from sme_kit.vocabulary import SHANGHAI, normalise_uscc, shanghai_day
from sme_review.domain.errors import ConflictOfInterest, ReminderRefused, StateConflict


@dataclass
class Expert:
    """A member of the head station's expert pool. ``id`` is the subject of the expert's token."""

    id: str
    name: str
    organisation_name: str
    organisation_uscc: str
    expertise: tuple[str, ...]
    active: bool
    registered_at: datetime
    title: str = ""


@dataclass(frozen=True)
class ConflictDeclaration:
    """The expert's statement that it cannot judge this organisation impartially."""

    expert_id: str
    uscc: str
    reason: str
    declared_at: datetime
    declared_by: str


@dataclass
class Panel:
    """A group of experts the head station forms for a round and assigns to cases together."""

    id: str
    round_year: int
    name: str
    expert_ids: tuple[str, ...]
    created_at: datetime
    updated_at: datetime


def conflict_reason(expert: Expert, declared: Collection[str], applicant_uscc: str) -> str | None:
    """Why the expert may not review this applicant, or None when it may."""
    applicant = normalise_uscc(applicant_uscc)
    if normalise_uscc(expert.organisation_uscc) == applicant:
        return f"专家 {expert.id} 来自申请单位本单位，须回避 (the expert works for the applicant)"
    if applicant in {normalise_uscc(uscc) for uscc in declared}:
        return f"专家 {expert.id} 已申报与该申请单位存在利益冲突，须回避 (the expert declared a conflict)"
    return None


def ensure_no_conflict(expert: Expert, declared: Collection[str], applicant_uscc: str) -> None:
    """Refuse an assignment the conflict rules forbid."""
    reason = conflict_reason(expert, declared, applicant_uscc)
    if reason is not None:
        raise ConflictOfInterest(reason, expert_id=expert.id)


def assignment_request_problems(expert_ids: Sequence[str], due_on: date, today: date) -> list[FieldError]:
    """Why experts cannot be assigned as asked: nobody named, or a scoring due date already past.

    Today itself is a valid due date (the experts may be asked to score at a meeting that day).
    """
    problems = []
    if not expert_ids:
        problems.append(FieldError("expert_ids", "请指定评审专家或专家组 (name experts or a panel)", "missing"))
    if due_on < today:
        problems.append(FieldError("due_on", "评分截止日期不能早于今天 (the due date is in the past)", "past"))
    return problems


def ensure_assignment_request(expert_ids: Sequence[str], due_on: date, today: date) -> None:
    """Refuse an assignment request naming nobody or due in the past, naming every problem at once."""
    problems = assignment_request_problems(expert_ids, due_on, today)
    if problems:
        raise ValidationFailed(problems)


class AssignmentStatus(StrEnum):
    ACTIVE = "active"  # 评审中
    RECUSED = "recused"  # 专家申报利益冲突后回避
    WITHDRAWN = "withdrawn"  # 服务总站撤回


@dataclass
class Assignment:
    """An expert's task to score one case by a date."""

    id: str
    case_id: str
    round_year: int
    expert_id: str
    due_on: date
    status: AssignmentStatus
    assigned_at: datetime
    assigned_by: str
    panel_id: str | None = None
    ended_at: datetime | None = None
    end_reason: str = ""
    reminders_sent: int = 0
    last_reminded_at: datetime | None = None
    last_reminded_by: str | None = None

    @property
    def active(self) -> bool:
        return self.status is AssignmentStatus.ACTIVE

    def days_overdue(self, now: datetime) -> int:
        """Whole Asia/Shanghai days since the due date (0 on the due date itself and before it)."""
        return max(0, (shanghai_day(now) - self.due_on).days)

    def remind(self, *, sheet_submitted: bool, at: datetime, by: str) -> int:
        """The head station reminds a late expert (催办): only an expert still on the case whose sheet is
        not in after its due date, at most once a day (Asia/Shanghai). Returns the days overdue."""
        if self.status is AssignmentStatus.RECUSED:
            raise ReminderRefused(
                f"专家 {self.expert_id} 已申报回避，不能催办 (the expert was recused)", reason="recused"
            )
        if self.status is AssignmentStatus.WITHDRAWN:
            raise ReminderRefused(
                f"专家 {self.expert_id} 的评审指派已撤回，不能催办 (the assignment was withdrawn)", reason="withdrawn"
            )
        if sheet_submitted:
            raise ReminderRefused(
                f"专家 {self.expert_id} 已提交评分，无需催办 (the score sheet is in)", reason="sheet_submitted"
            )
        days = self.days_overdue(at)
        if days == 0:
            raise ReminderRefused(
                f"评分截止日期 {self.due_on.isoformat()} 尚未届满，逾期后方可催办 "
                f"(not overdue: the due date {self.due_on.isoformat()} has not passed)",
                reason="not_overdue",
                due_on=self.due_on.isoformat(),
            )
        last = self.last_reminded_at
        if last is not None and shanghai_day(last) == shanghai_day(at):
            sent = last.astimezone(SHANGHAI).strftime("%H:%M")
            raise ReminderRefused(
                f"今天 {sent} 已催办过该专家，每天至多催办一次 "
                f"(already reminded today at {sent} Beijing time; at most one reminder a day)",
                reason="reminded_today",
                last_reminded_at=last.isoformat(),
            )
        self.reminders_sent += 1
        self.last_reminded_at = at
        self.last_reminded_by = by
        return days

    def recuse(self, at: datetime, reason: str) -> None:
        """The expert declared a conflict with the applicant: it leaves the case."""
        self._end(AssignmentStatus.RECUSED, at, reason)

    def withdraw(self, at: datetime, reason: str) -> None:
        """The head station takes the case off this expert (e.g. the expert cannot take part)."""
        self._end(AssignmentStatus.WITHDRAWN, at, reason)

    def reactivate(self, *, due_on: date, at: datetime, by: str) -> None:
        """A withdrawn expert is assigned again (a recused one never is: the conflict check refuses it)."""
        if self.status is AssignmentStatus.ACTIVE:
            raise StateConflict(f"专家 {self.expert_id} 已在评审该案件 (already assigned)", expert_id=self.expert_id)
        self.status = AssignmentStatus.ACTIVE
        self.due_on = due_on
        self.assigned_at = at
        self.assigned_by = by
        self.ended_at = None
        self.end_reason = ""

    def _end(self, status: AssignmentStatus, at: datetime, reason: str) -> None:
        if not self.active:
            raise StateConflict("该指派已结束 (the assignment has already ended)")
        self.status = status
        self.ended_at = at
        self.end_reason = reason
