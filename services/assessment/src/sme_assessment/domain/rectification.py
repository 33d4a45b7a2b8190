"""Rectification of an unqualified station (§4.3.6): ordered with a deadline, reported, re-assessed.

Still unqualified after rectification is ground 6 of §4.3. A station that lets the deadline pass
without a report is recorded, and the bureau is prompted to re-assess it on what it has.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from sme_assessment.domain.cycles import Outcome
from sme_assessment.domain.dates import end_of
from sme_assessment.domain.errors import DomainError, StateConflict


class RectificationStatus(StrEnum):
    ORDERED = "ordered"  # 待提交整改报告
    REPORTED = "reported"  # 已提交整改报告，待复评
    REPORT_MISSING = "report_missing"  # 期限届满未提交整改报告，待复评
    QUALIFIED = "qualified"  # 复评合格
    UNQUALIFIED = "unqualified"  # 复评仍不合格
    CLOSED = "closed"  # 服务站已撤销，整改终止


PENDING = (RectificationStatus.ORDERED, RectificationStatus.REPORTED, RectificationStatus.REPORT_MISSING)


@dataclass
class Rectification:
    id: str
    result_id: str
    cycle_id: str
    year: int
    station_id: str
    uscc: str
    district_code: str
    total: float
    due_on: date
    status: RectificationStatus
    ordered_at: datetime
    report: str | None = None
    report_submitted_at: datetime | None = None
    report_late: bool = False
    missing_recorded_at: datetime | None = None
    reassessed_outcome: Outcome | None = None
    reassessed_score: float | None = None
    opinion: str | None = None
    reassessed_by: str | None = None
    reassessed_at: datetime | None = None
    closed_reason: str | None = None

    @property
    def pending(self) -> bool:
        return self.status in PENDING

    @property
    def deadline(self) -> datetime:
        return end_of(self.due_on)

    def submit_report(self, *, text: str, now: datetime) -> None:
        """The station reports what it rectified; after the deadline it is accepted and recorded late."""
        if self.status not in (RectificationStatus.ORDERED, RectificationStatus.REPORT_MISSING):
            raise StateConflict("整改报告已提交或整改已结束 (the report was submitted or rectification is over)")
        if not text.strip():
            raise DomainError("整改报告正文不能为空 (the report text is required)")
        self.report = text
        self.report_submitted_at = now
        self.report_late = now >= self.deadline
        self.status = RectificationStatus.REPORTED

    def record_missing(self, now: datetime) -> bool:
        """At the deadline: no report yet is recorded (once); returns whether it was."""
        if self.status is not RectificationStatus.ORDERED:
            return False
        self.status = RectificationStatus.REPORT_MISSING
        self.missing_recorded_at = now
        return True

    def reassess(self, *, outcome: Outcome, score: float | None, opinion: str, now: datetime, by: str) -> None:
        """The bureau re-assesses once the report is in, or once the deadline passed without one."""
        if self.status is RectificationStatus.ORDERED:
            raise StateConflict(
                "整改报告尚未提交且整改期限未到，暂不能复评 (neither the report nor the deadline has come yet)"
            )
        if not self.pending:
            raise StateConflict("该整改已复评或已终止 (already re-assessed or closed)")
        if not opinion.strip():
            raise DomainError("复评须填写意见 (the re-assessment needs an opinion)")
        self.status = RectificationStatus.QUALIFIED if outcome is Outcome.QUALIFIED else RectificationStatus.UNQUALIFIED
        self.reassessed_outcome = outcome
        self.reassessed_score = score
        self.opinion = opinion
        self.reassessed_by = by
        self.reassessed_at = now

    def close(self, reason: str) -> bool:
        """The station lost its title: a pending rectification ends without re-assessment."""
        if not self.pending:
            return False
        self.status = RectificationStatus.CLOSED
        self.closed_reason = reason
        return True
