"""Staff trainings with attendance per staff member (events carry counts, not names), and the themed-month plan."""

from __future__ import annotations

import pytest

from sme_contracts.activities import ThemeMonthPlanned, TrainingHeld
from sme_kit.testing.events import Events

from .conftest import Registry, Service

pytestmark = pytest.mark.integration


async def test_a_training_records_each_staff_member_and_publishes_counts_per_station_only(
    service: Service, registry: Registry, events: Events
) -> None:
    await registry.register("st-1", district="440106")
    await registry.register("st-2", district="440104")
    await service.wait_for_station("st-2")
    form = {
        "title": "2026年第四季度服务站工作人员业务培训",
        "content": "惠企政策解读、服务平台操作",
        "held_on": "2026-11-27",
        "attendees": [
            {"station_id": "st-1", "staff_name": "王晓", "position": "服务专员"},
            {"station_id": "st-1", "staff_name": "陈立", "attended": False},
            {"station_id": "st-2", "staff_name": "张敏"},
        ],
    }
    assert (await service.http.post("/trainings", json=form, headers=service.operator("st-1"))).status_code == 403
    unknown = await service.http.post(
        "/trainings", json={**form, "attendees": [{"station_id": "st-x", "staff_name": "赵六"}]}, headers=service.head
    )
    assert unknown.status_code == 422
    recorded = await service.http.post("/trainings", json=form, headers=service.head)
    assert recorded.status_code == 201, recorded.text
    training_id = recorded.json()["id"]

    own = (await service.http.get(f"/trainings/{training_id}", headers=service.operator("st-2"))).json()
    assert [a["staff_name"] for a in own["attendees"]] == ["张敏"]
    district = (await service.http.get("/trainings", headers=service.district("440106"))).json()["items"]
    assert [a["staff_name"] for a in district[0]["attendees"]] == ["王晓", "陈立"]
    assert len((await service.http.get(f"/trainings/{training_id}", headers=service.head)).json()["attendees"]) == 3

    found = await events("gz.sme.activities.training", lambda seen: len(seen) >= 1)
    held = found[0]
    assert isinstance(held, TrainingHeld)
    assert [(a.station_id, a.district_code, a.attended, a.absent) for a in held.attendance] == [
        ("st-1", "440106", 1, 1),
        ("st-2", "440104", 1, 0),
    ]
    assert "王晓" not in held.model_dump_json()


async def test_the_head_station_plans_themed_months_that_everyone_sees_and_past_months_stay_as_they_were(
    service: Service, events: Events
) -> None:
    plan = {
        "months": [
            {"month": 3, "theme": "intellectual_property", "goals": ["举办专利质押融资沙龙不少于2场"]},
            {"month": 6, "theme": "finance_tax", "goals": ["开展减税降费政策宣讲"]},
            {"month": 9, "theme": "custom", "title": "数字化转型服务月", "goals": ["组织企业上云对接会"]},
        ]
    }
    assert (
        await service.http.put("/theme-months/2027", json=plan, headers=service.operator("st-1"))
    ).status_code == 403
    published = await service.http.put("/theme-months/2027", json=plan, headers=service.head)
    assert [m["title"] for m in published.json()] == ["知识产权服务月", "财税服务月", "数字化转型服务月"]
    revised = {"months": [{"month": 6, "theme": "policy", "goals": ["惠企政策直达"]}, plan["months"][0]]}
    again = (await service.http.put("/theme-months/2027", json=revised, headers=service.head)).json()
    assert [(m["month"], m["revision"]) for m in again] == [(3, 1), (6, 2), (9, 1)]
    assert len((await service.http.get("/theme-months/2027")).json()) == 3  # public
    past = await service.http.put("/theme-months/2026", json={"months": [plan["months"][0]]}, headers=service.head)
    assert past.status_code == 409

    found = await events("gz.sme.activities.theme_month", lambda seen: len(seen) >= 4)
    # One key per month: each month's revisions stay in order.
    assert sorted((e.theme_month_id, e.revision) for e in found if isinstance(e, ThemeMonthPlanned)) == [
        ("tm-2027-03", 1),
        ("tm-2027-06", 1),
        ("tm-2027-06", 2),
        ("tm-2027-09", 1),
    ]
