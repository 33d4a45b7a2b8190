"""The notice period through the publish endpoint: a year the calendar lacks is refused until the bureau
loads it (docs/architecture.md, "Working days and deadlines"). The period rule itself is tested on the
use case (tests/unit/test_notice_use_cases.py)."""

from __future__ import annotations

import pytest

from .conftest import ReviewService, at

pytestmark = pytest.mark.integration


async def test_a_year_the_calendar_lacks_is_refused_until_loaded_then_computed_from_the_loaded_schedule(
    review: ReviewService,
) -> None:
    await review.shortlisted_round("A")
    await review.move_clock_to(at("2026-12-28"))  # Monday; the 5th working day falls in 2027

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
