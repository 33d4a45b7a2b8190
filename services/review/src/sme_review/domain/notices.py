"""The public notice of the shortlist (§4.1.3(3)) and its objection deadline (§4.1.3(4)).

The period is 5 working days on the State Council schedule (docs/architecture.md, "Working days and
deadlines"): it starts on the publication date if that is a working day, else on the next one.
Objections are accepted from publication until the end of the last day, Asia/Shanghai — also on the
days between a weekend publication and the first working day, since the notice is already public then
and refusing an objection the guideline would accept is worse than receiving one early.

The publication date is the service's today when the bureau publishes: a notice goes on the
bureau's website when it is published here, so no back- or forward-dating is offered.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from sme_kit.vocabulary import SHANGHAI
from sme_review.domain.cases import CaseStatus, ReviewCase
from sme_review.domain.errors import StateConflict

NOTICE_WORKING_DAYS = 5


class NoticeStatus(StrEnum):
    PUBLISHED = "published"  # 公示中
    ENDED = "ended"  # 公示期满


@dataclass(frozen=True)
class NoticeEntry:
    """A shortlisted applicant as the public reads it on the notice (an organisation, no personal data)."""

    application_id: str
    entity_name: str
    district_code: str
    operator_type: str
    station_address: str
    services: tuple[str, ...]


def objection_deadline_of(period_end: date) -> datetime:
    """The last second objections are accepted, as people read it: 23:59:59 of the period's last day."""
    return datetime.combine(period_end, time(23, 59, 59), SHANGHAI)


@dataclass(frozen=True)
class NoticePlan:
    """A notice as publishing it on ``published_on`` would make it, before anything is kept: the list
    and the period the bureau confirms."""

    round_year: int
    published_on: date
    period_start: date
    period_end: date
    entries: tuple[NoticeEntry, ...]

    @property
    def objection_deadline(self) -> datetime:
        return objection_deadline_of(self.period_end)


@dataclass
class Notice:
    id: str
    round_year: int
    title: str
    published_on: date
    period_start: date
    period_end: date
    entries: tuple[NoticeEntry, ...]
    objection_contact: str
    status: NoticeStatus
    published_at: datetime
    published_by: str
    ended_at: datetime | None = None

    @property
    def closes_at(self) -> datetime:
        """The first moment objections are no longer accepted: midnight after the last day."""
        return datetime.combine(self.period_end + timedelta(days=1), time(0), SHANGHAI)

    @property
    def objection_deadline(self) -> datetime:
        """The last second objections are accepted, as people read it: 23:59:59 of the last day."""
        return objection_deadline_of(self.period_end)

    def lists(self, application_id: str) -> bool:
        return any(entry.application_id == application_id for entry in self.entries)

    def ensure_accepting_objections(self, now: datetime) -> None:
        """Refuse an objection after the period, naming the deadline."""
        if self.status is NoticeStatus.ENDED or now >= self.closes_at:
            deadline = self.objection_deadline
            raise StateConflict(
                f"公示期已于 {deadline:%Y年%m月%d日 %H:%M:%S}（北京时间）结束，不再受理异议 "
                f"(the notice period ended at {deadline.isoformat()}; objections are no longer accepted)",
                deadline=deadline.isoformat(),
            )

    def end(self, now: datetime) -> bool:
        """Close the notice at the end of its period; False when it was closed already."""
        if self.status is NoticeStatus.ENDED:
            return False
        if now < self.closes_at:
            raise StateConflict("公示期尚未结束 (the notice period has not ended)")
        self.status = NoticeStatus.ENDED
        self.ended_at = now
        return True


def notice_entries(shortlist: Sequence[ReviewCase]) -> tuple[NoticeEntry, ...]:
    """The notice's list, in the bureau's order; refused when nothing is shortlisted."""
    ranked = sorted(
        (case for case in shortlist if case.status is CaseStatus.SHORTLISTED),
        key=lambda case: case.shortlist_rank or 0,
    )
    if not ranked:
        raise StateConflict("入围名单为空，无需公示 (the shortlist is empty: there is nothing to publish)")
    return tuple(
        NoticeEntry(
            application_id=case.application_id,
            entity_name=case.facts.entity_name,
            district_code=case.facts.district_code,
            operator_type=case.facts.operator_type,
            station_address=case.facts.station_address,
            services=case.facts.services,
        )
        for case in ranked
    )


def default_title(year: int) -> str:
    return f"{year}年广州市民营和中小企业服务站拟认定名单公示"


def objection_guidance(notice: Notice) -> str:
    """How to object, in the guideline's words (§4.1.3(4)), with this notice's deadline."""
    deadline = notice.objection_deadline
    start, end = notice.period_start, notice.period_end
    return (
        f"公示期为 {start:%Y年%m月%d日} 至 {end:%Y年%m月%d日}（{NOTICE_WORKING_DAYS}个工作日）。"
        f"如对公示名单有异议，须在公示期内（{deadline:%Y年%m月%d日 %H:%M:%S} 前）以书面形式向市工业和信息化局提出："
        "单位意见需加盖公章并注明联系方式（请上传加盖公章的书面意见扫描件），"
        "个人意见需署实名（姓名、身份证号码）并注明联系方式。"
        "市工业和信息化局负责对异议内容进行调查核实，异议人信息仅由市工业和信息化局掌握。"
        f"受理联系方式：{notice.objection_contact}"
    )
