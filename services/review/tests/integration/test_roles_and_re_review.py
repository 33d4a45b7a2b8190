"""Who decides what: the bureau's decisions are the bureau's, and the public reads only what is public.

The re-review decision's rules are tested on the use case (tests/unit/test_review_use_cases.py)."""

from __future__ import annotations

import pytest

from .conftest import ReviewService, at

pytestmark = pytest.mark.integration


async def test_head_station_staff_cannot_take_the_bureaus_decisions(review: ReviewService) -> None:
    cases = await review.shortlisted_round("A")
    app_a = review.forwarded["A"].application_id
    hs = review.head_station

    assert (
        await review.http.put("/rounds/2026/shortlist", json={"application_ids": [app_a]}, headers=hs)
    ).status_code == 403
    assert (await review.http.post("/rounds/2026/notice", headers=hs)).status_code == 403
    await review.move_clock_to(at("2026-09-28", 9))
    notice_id = (await review.publish_notice()).json()["id"]
    filed = await review.http.post(
        f"/public/notices/{notice_id}/objections",
        data={
            "objector_type": "individual",
            "target_application_id": app_a,
            "grounds": "该单位实际专职人员不足两名，与申报材料不符。",
            "real_name": "李四",
            "id_number": "44010619881111002X",
            "contact_phone": "13900139000",
        },
    )
    assert filed.status_code == 201, filed.text
    resolution = {"outcome": "upheld", "findings": "经核查情况属实，异议成立，不予认定。"}
    objection_url = f"/objections/{filed.json()['id']}/resolution"
    assert (await review.http.post(objection_url, json=resolution, headers=hs)).status_code == 403
    await review.move_clock_to(at("2026-10-12", 9))
    assert (await review.http.post("/rounds/2026/final-list", headers=hs)).status_code == 403
    decision = await review.http.post(f"/cases/{cases['A']}/re-review-decision", json={"result": "passed"}, headers=hs)
    assert decision.status_code == 403

    objection = (await review.http.get(f"/objections/{filed.json()['id']}", headers=review.bureau)).json()
    assert objection["status"] == "received"
    assert (await review.http.get("/public/final-lists/2026")).status_code == 404


async def test_the_public_reads_notices_and_final_lists_but_no_case(review: ReviewService) -> None:
    cases = await review.shortlisted_round("A")
    assert (await review.http.get(f"/cases/{cases['A']}")).status_code == 401
    assert (await review.http.get("/objections")).status_code == 401
    assert (await review.http.get("/public/notices")).status_code == 200
    assert (await review.http.get("/public/final-lists")).json()["items"] == []
