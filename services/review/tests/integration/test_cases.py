"""Cases from forwarded applications, and who reads them."""

from __future__ import annotations

import pytest

from sme_contracts import review as contract
from sme_contracts.envelope import wrap
from sme_kit.testing import wait_until

from .conftest import ReviewService

pytestmark = pytest.mark.integration


async def test_a_forwarded_application_becomes_one_case_in_its_round_even_when_forwarded_again(
    review: ReviewService,
) -> None:
    case_a = await review.forward("A")
    again = wrap(review.forwarded["A"], source="/gz/sme/registry")  # a new event id for the same application
    assert review.feeder is not None
    await review.feeder.send(review.forwarded["A"], envelope=again)
    await review.forward("B")

    async def all_three_read() -> bool:
        consumer = review.runtime.consumer
        return consumer is not None and consumer.seen >= 3

    await wait_until(all_three_read, what="the repeated forward to be consumed")

    page = (await review.http.get("/cases", params={"round_year": 2026}, headers=review.head_station)).json()
    assert sorted(c["application_id"] for c in page["items"]) == ["app-A-new", "app-B-new"]
    case = (await review.http.get(f"/cases/{case_a}", headers=review.head_station)).json()
    assert (case["status"], case["application"]["district_name"], case["application"]["full_time_staff"]) == (
        "in_review",
        "天河区",
        3,
    )
    criteria = (await review.http.get("/rounds/2026/criteria", headers=review.head_station)).json()
    assert [c["weight"] for c in criteria["criteria"]] == [15, 15, 25, 20, 15, 10]
    assert criteria["min_experts_per_case"] == 3
    opened = await review.events(
        "gz.sme.review.case", lambda es: len([e for e in es if isinstance(e, contract.ReviewCaseOpened)]) >= 2
    )
    assert sorted(e.application_id for e in opened if isinstance(e, contract.ReviewCaseOpened)) == [
        "app-A-new",
        "app-B-new",
    ]


async def test_the_applicant_reads_its_own_case_and_its_outcome_but_not_the_experts_review(
    review: ReviewService,
) -> None:
    await review.register_experts("expert-1")
    await review.use_panels_of(1)
    case_a = await review.forward("A")
    case_b = await review.forward("B")
    await review.score(case_a, ["expert-1"])
    applicant = review.auth("station_operator", org=review.forwarded["A"].uscc)

    own = await review.http.get(f"/cases/{case_a}", headers=applicant)

    assert own.status_code == 200
    assert (own.json()["review"], own.json()["assignments"]) == (None, None)
    assert (await review.http.get(f"/cases/{case_b}", headers=applicant)).status_code == 404
    listed = (await review.http.get("/cases", headers=applicant)).json()
    assert [(c["id"], c["score"]) for c in listed["items"]] == [(case_a, None)]


async def test_staff_filter_the_case_list(review: ReviewService) -> None:
    await review.register_experts("expert-1")
    await review.use_panels_of(1)
    case_a = await review.forward("A")
    await review.forward("B")
    await review.score(case_a, ["expert-1"])
    await review.recommend(case_a)

    async def ids(**params: str) -> list[str]:
        page = (await review.http.get("/cases", params=params, headers=review.bureau)).json()
        return sorted(c["application_id"] for c in page["items"])

    assert await ids(undecided="true") == ["app-B-new"]
    assert await ids(recommendation="recommend") == ["app-A-new"]
    assert await ids(district_code="440104") == ["app-B-new"]
    assert await ids(expert_id="expert-1") == ["app-A-new"]
    assert await ids(q="越秀") == ["app-B-new"]
    assert await ids(round_year="2025") == []
