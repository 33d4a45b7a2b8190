"""Work plans and work summaries (§4.1.4): stations submit them by the bureau's yearly deadlines.

A submission after the deadline is accepted and recorded as late; a station that has submitted
nothing when the deadline passes is recorded as missing. Both count in the annual assessment.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from sme_assessment.domain.dates import days_late, end_of
from sme_assessment.domain.errors import DomainError, StateConflict
from sme_kit.errors import FieldError, ValidationFailed


class DocumentKind(StrEnum):
    PLAN = "plan"  # 工作计划
    SUMMARY = "summary"  # 工作情况总结


KIND_NAMES = {DocumentKind.PLAN: "工作计划", DocumentKind.SUMMARY: "工作总结"}


class LapseStatus(StrEnum):
    MISSING = "missing"  # 截止时未提交
    LATE = "late"  # 逾期提交


class Standing(StrEnum):
    """How a station stands with one document of one year, as the assessment reads it."""

    ON_TIME = "on_time"  # 按时提交
    LATE = "late"  # 逾期提交
    MISSING = "missing"  # 未提交
    NOT_REQUIRED = "not_required"  # 认定晚于截止日期，无须提交


STANDING_NAMES = {
    Standing.ON_TIME: "按时提交",
    Standing.LATE: "逾期提交",
    Standing.MISSING: "未提交",
    Standing.NOT_REQUIRED: "无须提交",
}


@dataclass(frozen=True)
class Deadlines:
    """The bureau's deadlines of one year: the plan of that year and the summary of that year.

    Either may be unset, e.g. when the system starts in a year whose plan deadline has long passed.
    """

    year: int
    plan_due_on: date | None
    summary_due_on: date | None
    set_by: str
    set_at: datetime

    def due_on(self, kind: DocumentKind) -> date | None:
        return self.plan_due_on if kind is DocumentKind.PLAN else self.summary_due_on


def default_deadlines(year: int) -> tuple[date, date]:
    """The usual dates: the plan by 31 March, the summary of the year by 15 January of the next."""
    return date(year, 3, 31), date(year + 1, 1, 15)


def check_deadlines(*, year: int, plan_due_on: date | None, summary_due_on: date | None) -> list[tuple[str, str]]:
    """Problems (field, message) with a year's deadlines; empty when they are plausible."""
    problems = []
    if plan_due_on is None and summary_due_on is None:
        problems.append(("plan_due_on", "至少设置一项截止日期 (set at least one deadline)"))
    if plan_due_on is not None and plan_due_on.year != year:
        problems.append(("plan_due_on", f"工作计划的截止日期须在{year}年内 (the plan is due within {year})"))
    if summary_due_on is not None and not date(year, 7, 1) <= summary_due_on <= date(year + 1, 6, 30):
        problems.append(
            (
                "summary_due_on",
                f"工作总结的截止日期须在{year}年7月1日至{year + 1}年6月30日之间 "
                f"(the summary of {year} is due between 1 July {year} and 30 June {year + 1})",
            )
        )
    elif summary_due_on is not None and plan_due_on is not None and summary_due_on <= plan_due_on:
        problems.append(("summary_due_on", "工作总结须晚于工作计划截止 (the summary is due after the plan)"))
    return problems


def check_move(*, kind: DocumentKind, year: int, previous: date | None, due_on: date, now: datetime) -> None:
    """A deadline set or moved to ``due_on``: refused when the old one has passed or the new one is past.

    A deadline that has passed stays as it was, because its lapses are already recorded; and a
    new date may not lie in the past, so nobody is recorded missing for a deadline set after the fact.
    """
    if previous is not None and end_of(previous) <= now:
        raise StateConflict(f"{year}年{KIND_NAMES[kind]}的截止日期已过，不能再调整 (that deadline has passed)")
    if end_of(due_on) <= now:
        message = "截止日期不能早于今天 (a deadline cannot be in the past)"
        raise ValidationFailed([FieldError(f"{kind.value}_due_on", message, "past")])


@dataclass
class WorkDocument:
    """A station's plan or summary of one year; revisions replace the text, lateness stays as first found."""

    id: str
    station_id: str
    uscc: str
    district_code: str
    kind: DocumentKind
    year: int
    title: str
    content: str
    revision: int
    due_on: date | None
    first_submitted_at: datetime
    submitted_at: datetime
    days_late: int
    submitted_by: str

    @property
    def late(self) -> bool:
        return self.days_late > 0

    def revise(self, *, title: str, content: str, now: datetime, by: str) -> None:
        """A new revision replaces the text; when it was first submitted does not change."""
        self.title, self.content = title, content
        self.revision += 1
        self.submitted_at = now
        self.submitted_by = by


def first_submission(
    *,
    id: str,
    station_id: str,
    uscc: str,
    district_code: str,
    kind: DocumentKind,
    year: int,
    title: str,
    content: str,
    due_on: date | None,
    now: datetime,
    by: str,
) -> WorkDocument:
    """A document submitted for the first time, late by the calendar days after its deadline."""
    if not content.strip():
        raise DomainError(f"{KIND_NAMES[kind]}正文不能为空 (the text is required)")
    return WorkDocument(
        id=id,
        station_id=station_id,
        uscc=uscc,
        district_code=district_code,
        kind=kind,
        year=year,
        title=title,
        content=content,
        revision=1,
        due_on=due_on,
        first_submitted_at=now,
        submitted_at=now,
        days_late=days_late(due_on, now),
        submitted_by=by,
    )


@dataclass
class Lapse:
    """The record that a station missed a deadline: missing at the deadline, late once it arrived."""

    station_id: str
    uscc: str
    district_code: str
    kind: DocumentKind
    year: int
    due_on: date
    status: LapseStatus
    recorded_at: datetime
    days_late: int | None = None
    submitted_at: datetime | None = None

    def arrived_late(self, *, days: int, submitted_at: datetime) -> None:
        self.status = LapseStatus.LATE
        self.days_late = days
        self.submitted_at = submitted_at


def is_required(*, kind: DocumentKind, year: int, valid_from: date | None, due_on: date | None) -> bool:
    """A station submits the plan of a year if it held its title by the plan's deadline (by 31 March
    when none is set), and the summary of a year it held its title in."""
    if valid_from is None:
        return True
    if kind is DocumentKind.PLAN:
        return valid_from <= (due_on or default_deadlines(year)[0])
    return valid_from.year <= year


def standing(*, required: bool, document: WorkDocument | None) -> Standing:
    """How a station stands with one document: submitted on time or late, missing, or not required."""
    if document is not None:
        return Standing.LATE if document.late else Standing.ON_TIME
    return Standing.MISSING if required else Standing.NOT_REQUIRED
