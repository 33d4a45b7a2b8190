"""Activities on the real broker and database: organising rights, capacity, registrations, evidence, completion."""

from __future__ import annotations

from datetime import timedelta

import pytest

from sme_contracts.activities import ActivityCompleted, ActivityScheduled
from sme_kit.testing.events import Events

from .conftest import Registry, Service, enterprise

pytestmark = pytest.mark.integration


async def test_capacity_is_enforced_and_an_enterprise_registers_once(service: Service, registry: Registry) -> None:
    await registry.register("st-1")
    await service.wait_for_station("st-1")
    activity = await service.schedule(service.operator("st-1"), capacity=2)

    url = f"/activities/{activity['id']}/registrations"
    first = await service.register_confirmed(activity["id"], uscc="91440106MA59C1XE2H")
    assert first["status"] == "registered"
    again = await service.http.post(url, json=enterprise("91440106MA59C1XE2H"))
    assert (again.status_code, again.json()["type"]) == (409, "https://sme.gz.gov.cn/problems/already-registered")
    await service.register_confirmed(activity["id"], uscc="91440106MA59C1XE3L")
    full = await service.http.post(url, json=enterprise("91440104MA5D12345C"))
    assert (full.status_code, full.json()["type"]) == (409, "https://sme.gz.gov.cn/problems/capacity-reached")
    assert "名额已满" in full.json()["detail"]

    bad = await service.http.post(url, json={**enterprise("91440106MA59C1XE2T"), "contact_phone": "x"})
    assert bad.status_code == 422
    assert {e["field"] for e in bad.json()["errors"]} == {"uscc", "contact_phone"}

    shown = (await service.http.get(f"/activities/{activity['id']}")).json()
    assert (shown["registered_count"], shown["places_left"]) == (2, 0)


async def test_registrations_are_seen_by_the_organisers_only(service: Service, registry: Registry) -> None:
    for station_id in ("st-1", "st-2", "st-3"):
        await registry.register(station_id)
    await service.wait_for_station("st-3")
    activity = await service.schedule(service.operator("st-1"), co_organisers=("st-2",))
    await service.register_confirmed(activity["id"], company_name="广州某公司")
    url = f"/activities/{activity['id']}/registrations"
    for allowed in (service.operator("st-1"), service.operator("st-2"), service.head, service.bureau):
        response = await service.http.get(url, headers=allowed)
        assert response.status_code == 200
        assert response.json()["items"][0]["contact_name"] == "李小明"
    for refused in (service.operator("st-3"), service.district("440106")):
        assert (await service.http.get(url, headers=refused)).status_code == 403
    assert (await service.http.get(url)).status_code == 401


async def test_the_calendar_pages_a_stations_activities_organised_or_co_organised(
    service: Service, registry: Registry
) -> None:
    for station_id in ("st-1", "st-10", "st-2"):
        await registry.register(station_id)
    await service.wait_for_station("st-2")
    own = await service.schedule(service.operator("st-1"), starts_in=timedelta(days=3))
    shared = await service.schedule(service.operator("st-2"), co_organisers=("st-1",), starts_in=timedelta(days=4))
    await service.schedule(service.operator("st-2"), co_organisers=("st-10",), starts_in=timedelta(days=5))
    await service.schedule(service.operator("st-10"), starts_in=timedelta(days=6))

    first = (await service.http.get("/activities", params={"station_id": "st-1", "limit": 1})).json()
    assert (first["total"], first["limit"], first["offset"]) == (2, 1, 0)
    assert [a["id"] for a in first["items"]] == [own["id"]]
    second = (await service.http.get("/activities", params={"station_id": "st-1", "limit": 1, "offset": 1})).json()
    assert [a["id"] for a in second["items"]] == [shared["id"]]
    assert (await service.http.get("/activities")).json()["total"] == 4
    assert (await service.http.get("/activities", params={"limit": 201})).status_code == 422


async def test_only_the_organiser_cancels_and_a_station_schedules_for_itself_only(
    service: Service, registry: Registry
) -> None:
    await registry.register("st-1")
    await registry.register("st-2")
    await service.wait_for_station("st-2")
    activity = await service.schedule(service.operator("st-1"))
    url = f"/activities/{activity['id']}/cancel"
    assert (await service.http.post(url, json={"reason": "台风"}, headers=service.operator("st-2"))).status_code == 403
    cancelled = await service.http.post(url, json={"reason": "因台风预警，活动取消"}, headers=service.operator("st-1"))
    assert cancelled.json()["status"] == "cancelled"
    unknown = await service.schedule(service.operator("st-unknown"), expect=409)
    assert "不是有效服务站" in unknown["detail"]
    assert (await service.schedule(service.bureau, expect=403))["status"] == 403


async def test_a_held_activity_is_completed_with_evidence_and_published_with_attendance(
    service: Service, registry: Registry, events: Events
) -> None:
    await registry.register("st-1")
    await registry.register("st-2")
    await service.wait_for_station("st-2")
    organiser = service.operator("st-1")
    activity = await service.schedule(organiser, co_organisers=("st-2",), starts_in=timedelta(days=2))
    url = f"/activities/{activity['id']}"
    early = await service.upload_photo(activity["id"], organiser, expect=409)
    assert "开始后" in early["detail"]

    await service.move_to(service.clock.now() + timedelta(days=2, hours=1))
    summary = {"attendance_count": 27, "summary": "本次沙龙共27家企业参加，现场对接融资需求5项。"}
    no_evidence = await service.http.post(f"{url}/complete", json=summary, headers=organiser)
    assert no_evidence.status_code == 409
    assert "照片或签到表" in no_evidence.json()["detail"]
    not_an_image = await service.http.post(
        f"{url}/evidence",
        files={"file": ("x.png", b"GIF89a....", "image/png")},
        data={"purpose": "photo"},
        headers=organiser,
    )
    assert not_an_image.status_code == 422
    photo = await service.upload_photo(activity["id"], organiser)
    completed = await service.http.post(f"{url}/complete", json=summary, headers=organiser)
    assert completed.status_code == 200, completed.text
    assert (completed.json()["status"], completed.json()["attendance_count"]) == ("completed", 27)

    download = await service.http.get(f"{url}/evidence/{photo['id']}", headers=service.district("440106"))
    assert download.status_code == 200
    assert download.content.startswith(b"\x89PNG")
    hidden = await service.http.get(f"{url}/evidence/{photo['id']}", headers=service.district("440104"))
    assert hidden.status_code == 404
    listed = (await service.http.get(f"{url}/evidence", headers=service.district("440106"))).json()
    assert (listed["total"], [f["id"] for f in listed["items"]]) == (1, [photo["id"]])

    found = await events("gz.sme.activities.activity", lambda seen: any(isinstance(e, ActivityCompleted) for e in seen))
    scheduled = next(e for e in found if isinstance(e, ActivityScheduled))
    done = next(e for e in found if isinstance(e, ActivityCompleted))
    assert (scheduled.organiser_station_id, scheduled.co_organiser_station_ids, scheduled.capacity) == (
        "st-1",
        ["st-2"],
        30,
    )
    assert (done.attendance_count, done.attachment_count, done.co_organiser_station_ids) == (27, 1, ["st-2"])
