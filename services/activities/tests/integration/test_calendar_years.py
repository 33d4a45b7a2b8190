"""A year whose holiday schedule is not loaded never stops an enterprise: its request is accepted with a
pending deadline that is computed when the bureau loads the year; and from 1 November the bureau is
reminded weekly while next year's schedule is missing.

chinese-calendar (as pinned) knows the years up to 2026; 2027 is loaded by the tests as the bureau would.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import select

from sme_contracts.activities import ActivitiesCalendarYearMissing, ServiceRequestEscalated
from sme_kit.calendar_reminders import REMINDER_TIMER
from sme_kit.tables import timers
from sme_kit.testing import wait_until
from sme_kit.testing.events import Events
from sme_kit.uow import Actor

from .conftest import Registry, Service
from .test_service_requests import filed

pytestmark = pytest.mark.integration

# A plausible TEST schedule for 2027, not the State Council's: New Year's Day off, no make-up day.
SCHEDULE_2027 = {"holidays": ["2027-01-01"], "workdays": [], "source": "测试用2027年元旦安排 (test schedule)"}


async def reminders(service: Service) -> list[dict[str, Any]]:
    """The reminders the service has decided to send (recorded with the event, in one transaction)."""
    trail = await service.http.get("/audit", params={"target_type": "calendar_year"}, headers=service.bureau)
    assert trail.status_code == 200, trail.text
    return [entry for entry in trail.json() if entry["action"] == "remind_calendar"]


async def reminded(service: Service, count: int) -> None:
    async def enough() -> bool:
        return len(await reminders(service)) == count

    await wait_until(enough, what=f"{count} reminder(s)")


async def next_check_is(service: Service, moment: str) -> None:
    """Wait until the weekly check has run and armed its next run for ``moment``."""
    expected = datetime.fromisoformat(moment)

    async def armed() -> bool:
        async with service.app.state.runtime.uow(Actor.system("test")) as uow:
            query = select(timers.c.due_at).where(timers.c.kind == REMINDER_TIMER, timers.c.fired_at.is_(None))
            return bool((await uow.session.execute(query)).scalar_one_or_none() == expected)

    await wait_until(armed, what=f"the next calendar check at {moment}")


@pytest.mark.clock_start("2026-12-28T10:00:00+08:00")  # Monday; 12-29..12-31 are the year's last working days
async def test_a_request_filed_on_28_december_with_2027_unknown_is_accepted_and_gets_its_deadline_when_2027_is_loaded(
    service: Service, registry: Registry, events: Events
) -> None:
    await registry.register("st-1")
    await service.wait_for_station("st-1")

    request = await service.file_confirmed(filed())
    assert (request["acceptance_due_on"], request["acceptance_due_waits_for_year"]) == (None, 2027)
    url = f"/service-requests/{request['id']}"
    progress = (await service.http.get(f"{url}/progress", params={"uscc": filed()["uscc"]})).json()
    assert (progress["acceptance_due_on"], progress["acceptance_due_waits_for_year"]) == (None, 2027)

    loaded = await service.http.put("/calendar/2027", json=SCHEDULE_2027, headers=service.bureau)
    assert loaded.status_code == 200, loaded.text
    # At once, on the same day: 12-29, 12-30, 12-31, (01-01 off, weekend), 01-04, 01-05.
    shown = (await service.http.get(url, headers=service.head)).json()
    assert (shown["acceptance_due_on"], shown["acceptance_due_waits_for_year"]) == ("2027-01-05", None)

    # ... and its escalation timer is armed for the end of that day, not the 1 January re-check.
    await service.move_to(datetime.fromisoformat("2027-01-05T23:59:00+08:00"))
    assert not (await service.http.get(url, headers=service.head)).json()["escalated"]
    await service.move_to(datetime.fromisoformat("2027-01-06T00:00:01+08:00"))

    async def escalated_now() -> bool:
        return bool((await service.http.get(url, headers=service.head)).json()["escalated"])

    await wait_until(escalated_now, what="the escalation after 2027-01-05")
    found = await events(
        "gz.sme.activities.service_request", lambda seen: any(isinstance(e, ServiceRequestEscalated) for e in seen)
    )
    escalated = [e for e in found if isinstance(e, ServiceRequestEscalated)]
    assert [(e.request_id, str(e.acceptance_due_on)) for e in escalated] == [(request["id"], "2027-01-05")]


@pytest.mark.clock_start("2026-12-30T10:00:00+08:00")
async def test_other_submissions_need_no_calendar_and_are_accepted_across_the_year_end(
    service: Service, registry: Registry
) -> None:
    await registry.register("st-1")
    await service.wait_for_station("st-1")
    session = {
        "station_id": "st-1",
        "held_on": "2026-12-30",
        "subjects": ["sme_service_platform"],
        "activity_id": None,
        "audience_count": 25,
    }
    promoted = await service.http.post("/promotions", json=session, headers=service.operator("st-1"))
    assert promoted.status_code == 201, promoted.text
    activity = await service.schedule(service.operator("st-1"), capacity=10)  # starts on 2027-01-02
    registered = await service.register_confirmed(activity["id"])
    assert registered["status"] == "registered"


@pytest.mark.clock_start("2026-10-30T10:00:00+08:00")
async def test_from_1_november_the_bureau_is_reminded_weekly_until_next_years_schedule_is_loaded(
    service: Service, events: Events
) -> None:
    await next_check_is(service, "2026-11-01T09:00:00+08:00")  # the first look, at start-up, found nothing due
    assert await reminders(service) == []

    await service.move_to(datetime.fromisoformat("2026-11-01T09:00:01+08:00"))
    found = await events(
        "gz.sme.activities.calendar", lambda seen: any(isinstance(e, ActivitiesCalendarYearMissing) for e in seen)
    )
    [reminder] = [e for e in found if isinstance(e, ActivitiesCalendarYearMissing)]
    assert (reminder.service, reminder.years, reminder.checked_on.isoformat(), reminder.load_path) == (
        "activities",
        [2027],
        "2026-11-01",
        "/calendar/2027",
    )

    await next_check_is(service, "2026-11-08T09:00:00+08:00")  # once a week
    await service.move_to(datetime.fromisoformat("2026-11-08T08:59:59+08:00"))
    assert len(await reminders(service)) == 1
    await service.move_to(datetime.fromisoformat("2026-11-08T09:00:01+08:00"))
    await reminded(service, 2)

    loaded = await service.http.put("/calendar/2027", json=SCHEDULE_2027, headers=service.bureau)
    assert loaded.status_code == 200, loaded.text
    await service.move_to(datetime.fromisoformat("2026-11-15T09:00:01+08:00"))
    # It looked, found 2027 loaded, and will look again on 1 November 2027 (for 2028): no third reminder.
    await next_check_is(service, "2027-11-01T09:00:00+08:00")
    assert len(await reminders(service)) == 2


@pytest.mark.clock_start("2026-10-30T10:00:00+08:00")
async def test_no_reminder_when_next_years_schedule_was_loaded_before_1_november(service: Service) -> None:
    loaded = await service.http.put("/calendar/2027", json=SCHEDULE_2027, headers=service.bureau)
    assert loaded.status_code == 200, loaded.text
    await service.move_to(datetime.fromisoformat("2026-11-01T09:00:01+08:00"))
    await next_check_is(service, "2027-11-01T09:00:00+08:00")
    assert await reminders(service) == []
