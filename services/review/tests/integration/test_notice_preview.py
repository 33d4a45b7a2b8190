"""The notice preview through its endpoint: the bureau sees the period before publishing, and the
refusal of a year the calendar lacks names the year and where to load it."""

from __future__ import annotations

import pytest

from .conftest import YEAR, ReviewService, at

pytestmark = pytest.mark.integration

PREVIEW = f"/rounds/{YEAR}/notice/preview"


async def test_the_bureau_previews_the_period_that_publishing_then_stores(review: ReviewService) -> None:
    await review.shortlisted_round("A", "B")
    await review.move_clock_to(at("2026-12-28"))  # Monday; the 5th working day falls in 2027

    refused = await review.http.get(PREVIEW, headers=review.bureau)
    assert refused.status_code == 409
    assert refused.headers["content-type"] == "application/problem+json"
    assert (refused.json()["year"], refused.json()["calendar"]) == (2027, "/calendar/2027")

    loaded = await review.http.put(
        "/calendar/2027",
        json={"holidays": ["2027-01-01", "2027-01-04"], "source": "国务院办公厅关于2027年节假日安排的通知（测试用）"},
        headers=review.bureau,
    )
    assert loaded.status_code == 200, loaded.text

    previewed = await review.http.get(PREVIEW, headers=review.bureau)
    assert previewed.status_code == 200, previewed.text
    plan = previewed.json()
    assert (plan["published_on"], plan["period_start"], plan["period_end"]) == (
        "2026-12-28",
        "2026-12-28",
        "2027-01-05",
    )
    assert plan["working_days"] == 5
    assert plan["objection_deadline"] == "2027-01-05T23:59:59+08:00"
    assert [e["application_id"] for e in plan["entries"]] == ["app-A-new", "app-B-new"]

    published = await review.publish_notice()
    assert published.status_code == 201, published.text
    stored = published.json()
    assert [stored[k] for k in ("published_on", "period_start", "period_end", "objection_deadline")] == [
        plan[k] for k in ("published_on", "period_start", "period_end", "objection_deadline")
    ]
    assert (await review.http.get(PREVIEW, headers=review.bureau)).status_code == 409  # one notice per round


async def test_only_the_bureau_previews_a_notice(review: ReviewService) -> None:
    await review.shortlisted_round("A")

    assert (await review.http.get(PREVIEW, headers=review.head_station)).status_code == 403
    assert (await review.http.get(PREVIEW)).status_code == 401
    assert (await review.http.get(f"/rounds/{YEAR + 1}/notice/preview", headers=review.bureau)).status_code == 404
