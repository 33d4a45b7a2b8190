"""Service activities (§3.3.3): scheduling, public registration with capacity, cancellation, completion."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from sme_activities.domain.errors import AlreadyRegistered, CapacityReached, DomainError, StateConflict


class ActivityType(StrEnum):
    SALON = "salon"
    DIALOGUE = "dialogue"
    TRAINING = "training"
    LECTURE = "lecture"
    SEMINAR = "seminar"
    FORUM = "forum"


ACTIVITY_TYPE_NAMES: dict[ActivityType, str] = {
    ActivityType.SALON: "沙龙",
    ActivityType.DIALOGUE: "对话",
    ActivityType.TRAINING: "培训",
    ActivityType.LECTURE: "讲座",
    ActivityType.SEMINAR: "研讨",
    ActivityType.FORUM: "论坛",
}


class ActivityStatus(StrEnum):
    SCHEDULED = "scheduled"
    CANCELLED = "cancelled"
    COMPLETED = "completed"


class CancelReason(StrEnum):
    BY_ORGANISER = "by_organiser"
    ORGANISER_NOT_ACTIVE = "organiser_not_active"


@dataclass
class Activity:
    """An activity organised by the head station (``organiser_station_id`` None) or by a station."""

    id: str
    activity_type: ActivityType
    title: str
    description: str
    theme_month_id: str | None
    organiser_station_id: str | None
    organiser_district_code: str | None
    co_organiser_station_ids: list[str]
    institutions: list[str]
    starts_at: datetime
    ends_at: datetime
    venue: str | None
    online_link: str | None
    capacity: int
    status: ActivityStatus
    created_by: str
    created_at: datetime
    registered_count: int = 0
    attendance_count: int | None = None
    summary: str | None = None
    cancel_reason_code: CancelReason | None = None
    cancel_reason: str | None = None
    cancelled_at: datetime | None = None
    completed_at: datetime | None = None
    withdrawn_co_organiser_ids: list[str] = field(default_factory=list)

    @property
    def by_head_station(self) -> bool:
        return self.organiser_station_id is None

    def check_schedule(self, now: datetime) -> None:
        """The rules of a plausible schedule; raises naming what is wrong."""
        problems = []
        if self.starts_at <= now:
            problems.append("活动开始时间须晚于当前时间 (the activity must start in the future)")
        if self.ends_at <= self.starts_at:
            problems.append("结束时间须晚于开始时间 (it must end after it starts)")
        if not (self.venue or self.online_link):
            problems.append("须填写活动地点或线上链接 (a venue or an online link is needed)")
        if self.capacity < 1:
            problems.append("名额须至少为1 (capacity must be at least 1)")
        if self.organiser_station_id in self.co_organiser_station_ids:
            problems.append("主办服务站不能同时为协办 (the organiser cannot co-organise its own activity)")
        if len(set(self.co_organiser_station_ids)) != len(self.co_organiser_station_ids):
            problems.append("协办服务站重复 (a co-organiser is listed twice)")
        if problems:
            raise DomainError("；".join(problems))

    def involves(self, station_id: str) -> bool:
        return self.organiser_station_id == station_id or station_id in self.co_organiser_station_ids

    def check_open(self, *, now: datetime, already_registered: bool) -> None:
        """Whether an enterprise may register now: before the start, once per enterprise, within capacity.
        A registration awaiting confirmation is checked here and takes nothing."""
        if self.status is not ActivityStatus.SCHEDULED:
            raise StateConflict("活动已取消或已结束，不能报名 (the activity is not open for registration)")
        if now >= self.starts_at:
            raise StateConflict("活动已开始，报名已截止 (registration closed when the activity started)")
        if already_registered:
            raise AlreadyRegistered("该企业已报名本活动 (this enterprise is already registered)")
        if self.registered_count >= self.capacity:
            raise CapacityReached(f"活动名额已满（{self.capacity}个） (the activity is full)")

    def register(self, *, now: datetime, already_registered: bool) -> None:
        """Take one place for an enterprise whose registration was confirmed, under the same rules."""
        self.check_open(now=now, already_registered=already_registered)
        self.registered_count += 1

    def cancel(self, *, now: datetime, code: CancelReason, reason: str) -> None:
        if self.status is not ActivityStatus.SCHEDULED:
            raise StateConflict(
                f"活动状态为 {self.status.value}，不能取消 (only a scheduled activity can be cancelled)"
            )
        if code is CancelReason.BY_ORGANISER and now >= self.ends_at:
            raise StateConflict("活动已结束，不能取消 (the activity is over)")
        self.status = ActivityStatus.CANCELLED
        self.cancel_reason_code = code
        self.cancel_reason = reason
        self.cancelled_at = now

    def withdraw_co_organiser(self, station_id: str) -> None:
        """A co-organiser that lost its title leaves the activity, which goes on without it."""
        if station_id in self.co_organiser_station_ids:
            self.co_organiser_station_ids = [sid for sid in self.co_organiser_station_ids if sid != station_id]
            self.withdrawn_co_organiser_ids.append(station_id)

    def complete(self, *, now: datetime, attendance_count: int, summary: str, attachment_count: int) -> None:
        """Record that the activity was held, with the evidence assessment relies on."""
        if self.status is not ActivityStatus.SCHEDULED:
            raise StateConflict(
                f"活动状态为 {self.status.value}，不能办结 (only a scheduled activity can be completed)"
            )
        if now < self.starts_at:
            raise StateConflict("活动尚未开始，不能办结 (the activity has not started yet)")
        if attachment_count < 1:
            raise StateConflict(
                "办结前须上传活动照片或签到表 (upload photos or sign-in sheets before completing the activity)"
            )
        if attendance_count < 0:
            raise DomainError("实际参加人数不能为负 (attendance cannot be negative)")
        if not summary.strip():
            raise DomainError("须填写活动总结 (a summary is required)")
        self.status = ActivityStatus.COMPLETED
        self.attendance_count = attendance_count
        self.summary = summary.strip()
        self.completed_at = now
