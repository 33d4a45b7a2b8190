"""Every record list answers the kit's page: ``items`` with ``total``, ``limit`` and ``offset``."""

from __future__ import annotations

import pytest

from .conftest import ReviewService

pytestmark = pytest.mark.integration


async def test_the_lists_answer_pages_of_at_most_200(review: ReviewService) -> None:
    await review.register_experts("expert-1", "expert-2", "expert-3")
    hs = review.head_station

    first = (await review.http.get("/experts", params={"limit": 2}, headers=hs)).json()
    rest = (await review.http.get("/experts", params={"limit": 2, "offset": 2}, headers=hs)).json()

    assert ([e["id"] for e in first["items"]], first["total"], first["limit"]) == (["expert-1", "expert-2"], 3, 2)
    assert ([e["id"] for e in rest["items"]], rest["total"], rest["offset"]) == (["expert-3"], 3, 2)
    for path in ("/cases", "/experts", "/rounds", "/objections", "/public/notices", "/public/final-lists"):
        too_many = await review.http.get(path, params={"limit": 201}, headers=hs)
        assert too_many.status_code == 422, path
        assert (await review.http.get(path, params={"limit": 200}, headers=hs)).status_code == 200, path
    public = (await review.http.get("/public/notices")).json()
    assert public == {"items": [], "total": 0, "limit": 50, "offset": 0}


async def test_the_round_lists_and_an_experts_conflicts_are_paged(review: ReviewService) -> None:
    await review.register_experts("expert-1", "expert-2")
    hs = review.head_station
    for name in ("第一评审组", "第二评审组"):
        formed = await review.http.post(
            "/rounds/2026/panels", json={"name": name, "expert_ids": ["expert-1", "expert-2"]}, headers=hs
        )
        assert formed.status_code == 201, formed.text
    for uscc in ("91440106MA59C1XE2H", "91440104MA5AB1CD2X"):
        declared = await review.http.post(
            "/experts/expert-1/conflicts", json={"uscc": uscc, "reason": "曾任该单位顾问"}, headers=hs
        )
        assert declared.status_code == 201, declared.text

    panels = [
        (await review.http.get("/rounds/2026/panels", params={"limit": 1, "offset": offset}, headers=hs)).json()
        for offset in (0, 1)
    ]
    conflicts = [
        (await review.http.get("/experts/expert-1/conflicts", params={"limit": 1, "offset": offset}, headers=hs)).json()
        for offset in (0, 1)
    ]
    rounds = (await review.http.get("/rounds", headers=review.bureau)).json()

    assert sorted(p["name"] for page in panels for p in page["items"]) == ["第一评审组", "第二评审组"]
    assert [page["total"] for page in panels] == [2, 2]
    assert [c["uscc"] for page in conflicts for c in page["items"]] == ["91440106MA59C1XE2H", "91440104MA5AB1CD2X"]
    assert [page["total"] for page in conflicts] == [2, 2]
    assert ([r["year"] for r in rounds["items"]], rounds["total"]) == ([2026], 1)
