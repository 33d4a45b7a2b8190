"""Activities: schedule plausibility, capacity, one registration per enterprise, cancellation, completion."""

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

import pytest

from sme_activities.domain.activities import Activity, ActivityStatus, ActivityType, CancelReason
from sme_activities.domain.errors import AlreadyRegistered, CapacityReached, DomainError, StateConflict

NOW = datetime.fromisoformat("2026-11-28T10:00:00+08:00")


def activity(**changes: Any) -> Activity:
    base = Activity(
        id="a-1",
        activity_type=ActivityType.SALON,
        title="知识产权质押融资政策沙龙",
        description="",
        theme_month_id=None,
        organiser_station_id="st-1",
        organiser_district_code="440106",
        co_organiser_station_ids=["st-2"],
        institutions=[],
        starts_at=NOW + timedelta(days=3),
        ends_at=NOW + timedelta(days=3, hours=2),
        venue="服务站活动室",
        online_link=None,
        capacity=2,
        status=ActivityStatus.SCHEDULED,
        created_by="op",
        created_at=NOW,
    )
    return replace(base, **changes)


def test_a_schedule_in_the_past_without_venue_or_with_the_organiser_as_co_organiser_is_refused() -> None:
    with pytest.raises(DomainError) as refused:
        activity(starts_at=NOW - timedelta(hours=1), venue=None, co_organiser_station_ids=["st-1"]).check_schedule(NOW)
    message = str(refused.value)
    assert "晚于当前时间" in message
    assert "地点或线上链接" in message
    assert "主办服务站不能同时为协办" in message


def test_registration_stops_at_capacity() -> None:
    full = activity()
    full.register(now=NOW, already_registered=False)
    full.register(now=NOW, already_registered=False)
    with pytest.raises(CapacityReached):
        full.register(now=NOW, already_registered=False)
    assert full.registered_count == 2


def test_an_enterprise_registers_once() -> None:
    with pytest.raises(AlreadyRegistered):
        activity().register(now=NOW, already_registered=True)


def test_registration_closes_when_the_activity_starts() -> None:
    started = activity()
    with pytest.raises(StateConflict):
        started.register(now=started.starts_at, already_registered=False)


def test_completion_needs_the_start_evidence_and_a_summary() -> None:
    held = activity()
    with pytest.raises(StateConflict, match="尚未开始"):
        held.complete(now=NOW, attendance_count=10, summary="总结", attachment_count=1)
    after = held.ends_at
    with pytest.raises(StateConflict, match="照片或签到表"):
        held.complete(now=after, attendance_count=10, summary="总结", attachment_count=0)
    held.complete(now=after, attendance_count=10, summary="共10家企业参加", attachment_count=2)
    assert (held.status, held.attendance_count) == (ActivityStatus.COMPLETED, 10)


def test_a_cancelled_activity_cannot_be_cancelled_again_or_completed() -> None:
    called_off = activity()
    called_off.cancel(now=NOW, code=CancelReason.BY_ORGANISER, reason="台风")
    with pytest.raises(StateConflict):
        called_off.cancel(now=NOW, code=CancelReason.BY_ORGANISER, reason="again")
    with pytest.raises(StateConflict):
        called_off.complete(now=called_off.ends_at, attendance_count=1, summary="x", attachment_count=1)


def test_a_withdrawn_co_organiser_leaves_the_activity() -> None:
    shared = activity()
    shared.withdraw_co_organiser("st-2")
    assert shared.co_organiser_station_ids == []
    assert shared.withdrawn_co_organiser_ids == ["st-2"]
    assert not shared.involves("st-2")
