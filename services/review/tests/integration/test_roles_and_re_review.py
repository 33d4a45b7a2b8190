"""Who decides what: the bureau's decisions are the bureau's; re-reviews end with the bureau's pass or fail."""

from __future__ import annotations

import pytest

from sme_contracts import review as contract
from sme_contracts.registry import ApplicationKind

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
    assert (await review.http.get("/public/final-lists")).json() == []


async def test_a_failed_re_review_is_published_for_assessment_to_revoke(review: ReviewService) -> None:
    await review.register_experts("expert-1")
    await review.use_panels_of(1)
    case_e = await review.forward("E", kind=ApplicationKind.RE_REVIEW, station_id="st-2023-0011")
    await review.score(case_e, ["expert-1"], marks={"overall": 40})
    await review.recommend(case_e, "not_recommend")
    early = await review.http.post(
        f"/cases/{case_e}/re-review-decision",
        json={"result": "failed", "reason": "服务场所已不具备"},
        headers=review.bureau,
    )
    assert early.status_code == 409  # the head station has not submitted yet
    assert (await review.http.post("/rounds/2026/submission", headers=review.head_station)).status_code == 200

    shortlist = await review.http.put(
        "/rounds/2026/shortlist",
        json={"application_ids": [review.forwarded["E"].application_id]},
        headers=review.bureau,
    )
    assert shortlist.status_code == 422  # re-reviews are not publicly noticed
    no_reason = await review.http.post(
        f"/cases/{case_e}/re-review-decision", json={"result": "failed"}, headers=review.bureau
    )
    assert no_reason.status_code == 422
    await review.move_clock_to(at("2026-09-20", 11))
    failed = await review.http.post(
        f"/cases/{case_e}/re-review-decision",
        json={"result": "failed", "reason": "经专家复核，服务场所已不具备，专职人员不足2名"},
        headers=review.bureau,
    )
    assert failed.status_code == 200, failed.text
    assert failed.json()["status"] == "re_review_failed"

    outcomes = await review.events(
        "gz.sme.review.outcome", lambda es: any(isinstance(e, contract.ReReviewFailed) for e in es)
    )
    event = next(e for e in outcomes if isinstance(e, contract.ReReviewFailed))
    assert (event.station_id, event.decided_on.isoformat()) == ("st-2023-0011", "2026-09-20")
    assert "专职人员不足2名" in event.reason
    again = await review.http.post(
        f"/cases/{case_e}/re-review-decision", json={"result": "passed"}, headers=review.bureau
    )
    assert again.status_code == 409
