"""The end of a notice is a durable timer: it fires in whichever process runs when the period is over."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

import pytest

from sme_contracts import review as contract

from .conftest import ReviewService, at

pytestmark = pytest.mark.integration


async def test_a_notice_published_before_a_restart_ends_after_it_and_says_so_on_kafka(
    start_review: Callable[..., AbstractAsyncContextManager[ReviewService]],
) -> None:
    async with start_review(clock_at=at("2026-11-30", 9)) as before:
        await before.shortlisted_round("A")
        published = await before.publish_notice()
        assert published.status_code == 201, published.text
        notice_id = published.json()["id"]
        assert published.json()["period_end"] == "2026-12-04"
        await before.move_clock_to(at("2026-12-04", 23, 59))
        assert (await before.http.get(f"/public/notices/{notice_id}")).json()["status"] == "published"

    # A new process on the same database, its clock past the last day of the period.
    async with start_review(clock_at=at("2026-12-05", 8)) as after:
        events = await after.events(
            "gz.sme.review.notice", lambda es: any(isinstance(e, contract.NoticeEnded) for e in es)
        )
        ended = next(e for e in events if isinstance(e, contract.NoticeEnded))
        assert (ended.notice_id, ended.period_end.isoformat(), ended.objections_received) == (
            notice_id,
            "2026-12-04",
            0,
        )
        public = (await after.http.get(f"/public/notices/{notice_id}")).json()
        assert (public["status"], public["accepting_objections"]) == ("ended", False)
        summary = (await after.http.get("/rounds/2026", headers=after.bureau)).json()
        assert summary["status"] == "notice_ended"
        final = await after.http.post("/rounds/2026/final-list", headers=after.bureau)
        assert final.status_code == 201, final.text
