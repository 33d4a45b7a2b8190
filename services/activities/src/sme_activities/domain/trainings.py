"""Trainings of station staff run by the head station (§3.3.2): attendance per staff member."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sme_activities.domain.errors import DomainError


@dataclass(frozen=True)
class Attendee:
    station_id: str
    staff_name: str
    position: str | None
    attended: bool


@dataclass
class Training:
    id: str
    title: str
    content: str
    held_on: date
    venue: str | None
    attendees: list[Attendee]
    recorded_by: str
    recorded_at: datetime


@dataclass(frozen=True)
class StationCount:
    station_id: str
    district_code: str
    attended: int
    absent: int


def check_training(*, held_on: date, today: date, attendees: Sequence[Attendee], known_station_ids: set[str]) -> None:
    """A training is recorded once held, with at least one staff member, of stations this service knows."""
    problems = []
    if held_on > today:
        problems.append("培训尚未举行，不能登记出勤 (record a training once it has been held)")
    if not attendees:
        problems.append("须至少登记一名参训人员 (at least one staff member)")
    unknown = sorted({a.station_id for a in attendees} - known_station_ids)
    if unknown:
        problems.append(f"未知服务站 {', '.join(unknown)} (unknown stations)")
    if problems:
        raise DomainError("；".join(problems))


def attendance_by_station(attendees: Sequence[Attendee], districts: Mapping[str, str]) -> list[StationCount]:
    """Counts per station, for events and overviews that must not carry names."""
    counts: dict[str, list[int]] = {}
    for attendee in attendees:
        attended_absent = counts.setdefault(attendee.station_id, [0, 0])
        attended_absent[0 if attendee.attended else 1] += 1
    return [
        StationCount(station_id, districts.get(station_id, ""), attended, absent)
        for station_id, (attended, absent) in sorted(counts.items())
    ]
