"""The promotion duty: a yearly count per station seen by it, its district and the bureau; durable warnings."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from sme_contracts.activities import PromotionBelowTarget, PromotionRecorded
from sme_kit.testing.events import Events

from .conftest import Registry, Service, Start

pytestmark = pytest.mark.integration


def session(station_id: str, held_on: str, activity_id: str | None = None) -> dict[str, object]:
    return {
        "station_id": station_id,
        "held_on": held_on,
        "subjects": ["sme_service_platform", "suixiaoxin"],
        "activity_id": activity_id,
        "audience_count": 40,
    }


async def test_the_count_per_station_and_year_is_visible_to_the_station_its_district_and_the_bureau(
    service: Service, registry: Registry, events: Events
) -> None:
    await registry.register("st-1", district="440106")
    await registry.register("st-2", district="440104")
    await service.wait_for_station("st-2")
    plan = {"months": [{"month": 12, "theme": "policy", "goals": ["惠企政策宣讲全覆盖"]}]}
    assert (await service.http.put("/theme-months/2026", json=plan, headers=service.head)).status_code == 200
    themed = await service.schedule(service.operator("st-1"), theme_month_id="tm-2026-12", starts_in=timedelta(hours=1))
    plain = await service.schedule(service.operator("st-1"), starts_in=timedelta(hours=1))
    await service.move_to(service.clock.now() + timedelta(hours=2))
    today = service.clock.now().date().isoformat()

    not_themed = await service.http.post(
        "/promotions", json=session("st-1", today, plain["id"]), headers=service.operator("st-1")
    )
    assert (not_themed.status_code, "主题月" in not_themed.json()["detail"]) == (409, True)
    first = await service.http.post(
        "/promotions", json=session("st-1", today, themed["id"]), headers=service.operator("st-1")
    )
    assert first.status_code == 201, first.text
    assert (first.json()["count_this_year"], first.json()["session"]["theme_month_id"]) == (1, "tm-2026-12")
    second = await service.http.post("/promotions", json=session("st-1", today), headers=service.operator("st-1"))
    assert second.json()["count_this_year"] == 2
    other = await service.http.post("/promotions", json=session("st-2", today), headers=service.operator("st-1"))
    assert other.status_code == 403

    year = {"year": service.clock.now().year}
    own = (await service.http.get("/promotions/progress", params=year, headers=service.operator("st-1"))).json()[
        "items"
    ]
    assert [(p["station_id"], p["count"], p["met"]) for p in own] == [("st-1", 2, False)]
    district = (await service.http.get("/promotions/progress", params=year, headers=service.district("440104"))).json()[
        "items"
    ]
    assert [(p["station_id"], p["count"]) for p in district] == [("st-2", 0)]
    city = (await service.http.get("/promotions/progress", params=year, headers=service.bureau)).json()["items"]
    assert {p["station_id"]: p["count"] for p in city} == {"st-1": 2, "st-2": 0}
    hidden = await service.http.get("/promotions/stations/st-1", params=year, headers=service.district("440104"))
    assert hidden.status_code == 404
    pages = [
        (
            await service.http.get(
                "/promotions/stations/st-1", params={**year, "limit": 1, "offset": offset}, headers=service.head
            )
        ).json()
        for offset in (0, 1)
    ]
    assert [page["total"] for page in pages] == [2, 2]
    assert {s["id"] for page in pages for s in page["items"]} == {
        first.json()["session"]["id"],
        second.json()["session"]["id"],
    }

    found = await events("gz.sme.activities.promotion", lambda seen: len(seen) >= 2)
    assert [(e.station_id, e.year, e.count_this_year) for e in found if isinstance(e, PromotionRecorded)] == [
        ("st-1", 2026, 1),
        ("st-1", 2026, 2),
    ]


async def warned_on(service: Service, year: int) -> dict[str, list[str]]:
    progress = await service.http.get("/promotions/progress", params={"year": year}, headers=service.bureau)
    return {p["station_id"]: p["warned_on"] for p in progress.json()["items"]}


async def test_stations_below_three_sessions_are_warned_on_1_december_and_1_october_after_a_restart(
    start: Start, registry: Registry, events: Events
) -> None:
    async with start() as first:
        await registry.register("st-1", district="440106")
        await registry.register("st-2", district="440104")
        await first.wait_for_station("st-2")
        today = first.clock.now().date().isoformat()
        for _ in range(3):
            response = await first.http.post("/promotions", json=session("st-1", today), headers=first.operator("st-1"))
            assert response.status_code == 201
        await first.http.post("/promotions", json=session("st-2", today), headers=first.operator("st-2"))

    async with start() as restarted:  # the checks were scheduled by the first run
        await restarted.move_to(datetime.fromisoformat("2026-12-01T08:59:00+08:00"))
        assert await warned_on(restarted, 2026) == {"st-1": [], "st-2": []}  # not before 09:00
        await restarted.move_to(datetime.fromisoformat("2026-12-01T09:00:01+08:00"))
        december = await events(
            "gz.sme.activities.promotion", lambda seen: any(isinstance(e, PromotionBelowTarget) for e in seen)
        )
        warnings = [e for e in december if isinstance(e, PromotionBelowTarget)]
        assert [(w.station_id, w.district_code, w.year, w.count, w.checked_on.isoformat()) for w in warnings] == [
            ("st-2", "440104", 2026, 1, "2026-12-01")
        ]
        await restarted.move_to(datetime.fromisoformat("2027-10-01T09:00:01+08:00"))
        october = await events(
            "gz.sme.activities.promotion", lambda seen: sum(isinstance(e, PromotionBelowTarget) for e in seen) >= 3
        )
        next_year = sorted(
            (e.station_id, e.count) for e in october if isinstance(e, PromotionBelowTarget) and e.year == 2027
        )
        assert next_year == [("st-1", 0), ("st-2", 0)]
        assert await warned_on(restarted, 2026) == {"st-1": [], "st-2": ["2026-12-01"]}
