"""The promotion duty (§3.3.3): each station promotes the SME service platform (and the 穗小信
policy digital human) at least 3 times a year, together with themed-month activities."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum

from sme_activities.domain.activities import Activity, ActivityStatus
from sme_activities.domain.errors import DomainError, StateConflict
from sme_activities.domain.stations import Station
from sme_kit.vocabulary import SHANGHAI

TARGET_PER_YEAR = 3
DUTY_CHECK_DAYS = ((10, 1), (12, 1))  # 1 October and 1 December
DUTY_CHECK_TIME = time(9, 0)


class PromotionSubject(StrEnum):
    SME_SERVICE_PLATFORM = "sme_service_platform"
    SUIXIAOXIN = "suixiaoxin"


@dataclass
class PromotionSession:
    id: str
    station_id: str
    district_code: str
    year: int
    held_on: date
    subjects: list[PromotionSubject]
    activity_id: str | None
    theme_month_id: str | None
    audience_count: int
    venue: str | None
    notes: str | None
    recorded_by: str
    recorded_at: datetime


def check_session(
    *, station: Station, held_on: date, today: date, subjects: Sequence[PromotionSubject], activity: Activity | None
) -> None:
    """A session is recorded once held; when held with an activity, a themed-month one the station took part in."""
    if held_on > today:
        raise DomainError("宣讲尚未举行，不能登记 (record a session once it has been held)")
    if not subjects:
        raise DomainError("须选择宣讲内容 (choose what was promoted)")
    if activity is None:
        return
    if not activity.involves(station.id) and not activity.by_head_station:
        raise StateConflict("该活动并非本服务站主办或协办 (the station did not take part in this activity)")
    if activity.theme_month_id is None:
        raise StateConflict("宣讲须结合主题月活动：该活动不属于主题月 (the activity is not a themed-month activity)")
    if activity.status is ActivityStatus.CANCELLED:
        raise StateConflict("该活动已取消 (the activity was cancelled)")


def duty_check_moments(year: int) -> list[datetime]:
    """When the duty is checked in a year: 09:00 on 1 October and 1 December, Asia/Shanghai."""
    return [datetime.combine(date(year, month, day), DUTY_CHECK_TIME, SHANGHAI) for month, day in DUTY_CHECK_DAYS]


def upcoming_duty_checks(now: datetime) -> list[datetime]:
    """The checks of this year and the next that are still ahead: what must be scheduled."""
    return [moment for year in (now.year, now.year + 1) for moment in duty_check_moments(year) if moment > now]


@dataclass(frozen=True)
class BelowTarget:
    station: Station
    count: int


def stations_below_target(stations: Sequence[Station], counts: Mapping[str, int]) -> list[BelowTarget]:
    """Active stations with fewer sessions than required this year, to be warned."""
    return [
        BelowTarget(station, counts.get(station.id, 0))
        for station in sorted(stations, key=lambda s: s.id)
        if station.active and counts.get(station.id, 0) < TARGET_PER_YEAR
    ]
