"""The notice period through the publish endpoint: 5 working days on the State Council schedule
(docs/architecture.md, "Working days and deadlines")."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

import pytest

from .conftest import ReviewService, at

pytestmark = pytest.mark.integration

Start = Callable[..., AbstractAsyncContextManager[ReviewService]]


async def published_period(start_review: Start, day: str) -> tuple[str, str, str]:
    async with start_review(clock_at=at("2026-09-01")) as review:
        await review.shortlisted_round("A")
        review.move_clock_to(at(day))
        response = await review.publish_notice()
        assert response.status_code == 201, response.text
        notice = response.json()
        return notice["period_start"], notice["period_end"], notice["objection_deadline"]


async def test_a_notice_published_2026_09_28_ends_2026_10_09_across_national_day(start_review: Start) -> None:
    assert await published_period(start_review, "2026-09-28") == (
        "2026-09-28",
        "2026-10-09",
        "2026-10-09T23:59:59+08:00",
    )


async def test_a_notice_published_2026_10_09_ends_2026_10_14_counting_the_make_up_saturday(
    start_review: Start,
) -> None:
    start, end, _ = await published_period(start_review, "2026-10-09")
    assert (start, end) == ("2026-10-09", "2026-10-14")


async def test_a_notice_published_on_a_sunday_starts_on_monday(start_review: Start) -> None:
    start, end, _ = await published_period(start_review, "2026-11-29")
    assert (start, end) == ("2026-11-30", "2026-12-04")


async def test_a_year_the_calendar_lacks_is_refused_until_loaded_then_computed_from_the_loaded_schedule(
    review: ReviewService,
) -> None:
    await review.shortlisted_round("A")
    review.move_clock_to(at("2026-12-28"))  # Monday; the 5th working day falls in 2027

    refused = await review.publish_notice()

    assert refused.status_code == 409
    assert refused.headers["content-type"] == "application/problem+json"
    assert "2027年的法定节假日和调休安排尚未载入" in refused.json()["detail"]
    assert refused.json()["calendar"] == "/calendar/2027"
    summary = await review.http.get("/rounds/2026", headers=review.bureau)
    assert (summary.json()["status"], summary.json()["notice_id"]) == ("shortlisted", None)

    loaded = await review.http.put(
        "/calendar/2027",
        json={
            "holidays": ["2027-01-01", "2027-01-04"],
            "workdays": [],
            "source": "国务院办公厅关于2027年部分节假日安排的通知（测试用）",
        },
        headers=review.bureau,
    )
    assert loaded.status_code == 200, loaded.text

    published = await review.publish_notice()
    assert published.status_code == 201, published.text
    # 12-28, 29, 30, 31, then 01-01 and 01-04 are off in the loaded schedule: 01-05 is the 5th working day.
    assert (published.json()["period_start"], published.json()["period_end"]) == ("2026-12-28", "2027-01-05")
