"""Annual rounds: opened by the bureau once a year, public to read, movable by the bureau."""

from __future__ import annotations

import pytest

from .conftest import Registry

pytestmark = pytest.mark.integration


async def test_the_bureau_opens_one_round_per_year_and_everyone_can_read_it(registry: Registry) -> None:
    opened = await registry.open_round()
    assert opened["title"] == f"{registry.today().year}年度广州市民营和中小企业服务站认定申请"
    again = await registry.http.post(
        "/rounds",
        json={
            "year": opened["year"],
            "window_opens_on": opened["window_opens_on"],
            "window_closes_on": opened["window_closes_on"],
            "forwarding_deadline": opened["forwarding_deadline"],
        },
        headers=registry.bureau,
    )
    assert again.status_code == 409
    assert "每年只开展一次" in again.json()["detail"]
    public = (await registry.http.get("/rounds")).json()
    assert [r["year"] for r in public["items"]] == [opened["year"]]
    assert (public["total"], public["limit"], public["offset"]) == (1, 50, 0)
    assert (await registry.http.get(f"/rounds/{opened['year']}")).json()["window_opens_on"] == opened["window_opens_on"]
    assert (await registry.http.get(f"/rounds/{opened['year'] + 1}")).status_code == 404


async def test_only_the_bureau_opens_a_round(registry: Registry) -> None:
    body = {
        "year": 2030,
        "window_opens_on": "2030-03-01",
        "window_closes_on": "2030-03-31",
        "forwarding_deadline": "2030-04-15",
    }
    for caller in (registry.district(), registry.operator(), registry.auth("head_station_staff")):
        assert (await registry.http.post("/rounds", json=body, headers=caller)).status_code == 403
    assert (await registry.http.post("/rounds", json=body)).status_code == 401
