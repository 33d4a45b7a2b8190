"""The public register (no login) and the full record (bureau, head station, its district, its operator)."""

from __future__ import annotations

from typing import Any

import pytest

from sme_registry.domain import convention

from .conftest import OTHER_USCC, PERSONAL_DATA, USCC, Registry, full_form

pytestmark = pytest.mark.integration


async def two_stations(registry: Registry) -> tuple[dict[str, Any], dict[str, Any]]:
    await registry.open_round()
    tianhe = await registry.recognise(await registry.forwarded())
    yuexiu_form = full_form(
        uscc=OTHER_USCC,
        district_code="440104",
        entity_name="广州市越秀区商会服务中心",
        station_name="广州市民营和中小企业服务站（越秀商会）",
        operator_type="association",
        services=["training", "talent"],
    )
    yuexiu = await registry.recognise(await registry.forwarded(yuexiu_form), uscc=OTHER_USCC, district_code="440104")
    return tianhe, yuexiu


async def test_the_public_register_searches_by_district_service_and_name_without_login(registry: Registry) -> None:
    tianhe, yuexiu = await two_stations(registry)

    async def found(**params: str) -> list[str]:
        response = await registry.http.get("/public/stations", params=params)
        assert response.status_code == 200, response.text
        return [s["id"] for s in response.json()["items"]]

    assert sorted(await found()) == sorted([tianhe["id"], yuexiu["id"]])
    assert await found(district_code="440104") == [yuexiu["id"]]
    assert await found(service="financing") == [tianhe["id"]]
    assert await found(service="training", district_code="440106") == []
    assert await found(name="越秀商会") == [yuexiu["id"]]
    assert await found(name="100%_") == []
    page = (await registry.http.get("/public/stations", params={"limit": 1, "offset": 1})).json()
    assert (len(page["items"]), page["total"]) == (1, 2)
    one = (await registry.http.get(f"/public/stations/{tianhe['id']}")).json()
    assert (one["district_name"], one["service_names"]) == ("天河区", ["信息服务", "法律服务", "融资服务"])


async def test_the_public_register_never_shows_personal_data(registry: Registry) -> None:
    tianhe, _ = await two_stations(registry)
    for path in ("/public/stations", f"/public/stations/{tianhe['id']}"):
        response = await registry.http.get(path)
        assert response.status_code == 200
        leaked = [value for value in PERSONAL_DATA if value in response.text]
        assert leaked == []
        for key in ("legal_representative", "contact", "staff", "uscc"):
            assert f'"{key}"' not in response.text
    full = await registry.http.get(f"/stations/{tianhe['id']}", headers=registry.bureau)
    assert all(value in full.text for value in PERSONAL_DATA)  # the data is there, for those entitled to it


async def test_the_full_record_is_for_the_bureau_the_head_station_its_district_and_its_operator(
    registry: Registry,
) -> None:
    tianhe, _ = await two_stations(registry)
    path = f"/stations/{tianhe['id']}"
    for allowed in (
        registry.bureau,
        registry.auth("head_station_staff"),
        registry.district("440106"),
        registry.operator(USCC),
        registry.operator(USCC, station_id=tianhe["id"]),
    ):
        assert (await registry.http.get(path, headers=allowed)).status_code == 200
    for outsider in (registry.district("440104"), registry.operator(OTHER_USCC), registry.auth("expert")):
        response = await registry.http.get(path, headers=outsider)
        assert response.status_code == 404
        assert not [value for value in PERSONAL_DATA if value in response.text]
    assert (await registry.http.get(path)).status_code == 401


async def test_districts_list_the_stations_of_their_district_only(registry: Registry) -> None:
    tianhe, yuexiu = await two_stations(registry)

    async def ids(headers: dict[str, str]) -> list[str]:
        return [s["id"] for s in (await registry.http.get("/stations", headers=headers)).json()["items"]]

    assert await ids(registry.district("440104")) == [yuexiu["id"]]
    assert await ids(registry.operator(USCC)) == [tianhe["id"]]
    assert sorted(await ids(registry.bureau)) == sorted([tianhe["id"], yuexiu["id"]])
    assert (await registry.http.get("/stations", headers=registry.auth("expert"))).status_code == 403


async def test_the_current_convention_is_read_without_login_with_its_articles_in_order(registry: Registry) -> None:
    answer = await registry.http.get("/public/convention")
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert (body["title"], body["version"]) == (convention.TITLE, "2026.1")
    assert body["articles"] == list(convention.ARTICLES["2026.1"])
