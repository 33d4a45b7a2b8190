"""Loading an official holiday schedule: through the API (bureau) or a config file, per service."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest

from sme_kit.auth import mint_dev_token
from sme_kit.calendar_admin import load_calendar
from sme_kit.db import create_engine
from sme_kit.service import ServiceDefinition, create_app
from sme_kit.settings import ServiceSettings
from sme_kit.tables import kit_metadata
from sme_kit.workdays import notice_period

pytestmark = pytest.mark.integration

SCHEDULE_2027 = {
    "holidays": ["2027-01-01", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11"],
    "workdays": ["2027-02-06", "2027-02-20"],
    "source": "国务院办公厅关于2027年部分节假日安排的通知（示例）",
}


@pytest.fixture
async def service(
    database_url: str, kafka_bootstrap: str, topic_prefix: str, dev_secret: str, tmp_path: Path
) -> AsyncIterator[httpx.AsyncClient]:
    schedule_file = tmp_path / "calendar.json"
    schedule_file.write_text(
        json.dumps({"2028": {"holidays": ["2028-01-03"], "workdays": [], "source": "file"}}), "utf-8"
    )
    settings = ServiceSettings(
        service_name="kittest",
        database_url=database_url,
        kafka_bootstrap_servers=kafka_bootstrap,
        kafka_topic_prefix=topic_prefix,
        auth_dev_secret=dev_secret,
        environment="test",
        workday_calendar_file=str(schedule_file),
    )
    engine = create_engine(database_url)
    async with engine.begin() as conn:
        await conn.run_sync(kit_metadata.create_all)
    await engine.dispose()
    # A service with nothing of its own: what every service has from the kit.
    app = create_app(
        ServiceDefinition(
            settings, title="kit", description="kit", routers=[], migrations_dir=tmp_path, migrate_on_start=False
        )
    )
    transport = httpx.ASGITransport(app=app)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url="http://svc") as client,
    ):
        client.app = app  # type: ignore[attr-defined]
        yield client


def bearer(secret: str, role: str, **claims: Any) -> dict[str, str]:
    return {"Authorization": f"Bearer {mint_dev_token(secret, role=role, **claims)}"}


async def test_the_bureau_loads_a_year_the_package_does_not_know_and_deadlines_use_it(
    service: httpx.AsyncClient, dev_secret: str
) -> None:
    before = (await service.get("/calendar/2027", headers=bearer(dev_secret, "expert"))).json()
    assert (before["known"], before["source"]) == (False, "unknown")

    loaded = await service.put("/calendar/2027", json=SCHEDULE_2027, headers=bearer(dev_secret, "bureau_admin"))
    assert loaded.status_code == 200, loaded.text

    after = (await service.get("/calendar/2027", headers=bearer(dev_secret, "expert"))).json()
    assert (after["known"], after["source"]) == (True, SCHEDULE_2027["source"])
    runtime = service.app.state.runtime  # type: ignore[attr-defined]
    async with runtime.uow() as uow:
        calendar = await load_calendar(uow.session)
    # 02-05..02-11 off except Sat 02-06 worked: published Thu 02-04 → 04, 06, 12, 15, 16.
    assert notice_period(calendar, date(2027, 2, 4)).last_day == date(2027, 2, 16)


async def test_only_the_bureau_and_platform_operators_load_schedules(
    service: httpx.AsyncClient, dev_secret: str
) -> None:
    for role, claims in (("head_station_staff", {}), ("district_officer", {"district": "440106"})):
        response = await service.put("/calendar/2027", json=SCHEDULE_2027, headers=bearer(dev_secret, role, **claims))
        assert response.status_code == 403


async def test_an_implausible_schedule_is_refused_with_field_errors(
    service: httpx.AsyncClient, dev_secret: str
) -> None:
    bad = {**SCHEDULE_2027, "workdays": ["2027-02-10"]}  # a Wednesday cannot be a make-up workday
    response = await service.put("/calendar/2027", json=bad, headers=bearer(dev_secret, "bureau_admin"))
    assert response.status_code == 422
    assert any("weekday" in error["message"] for error in response.json()["errors"])
    assert (await service.get("/calendar/2027", headers=bearer(dev_secret, "bureau_admin"))).json()["known"] is False


async def test_a_schedule_file_is_loaded_at_start_up(service: httpx.AsyncClient, dev_secret: str) -> None:
    year = (await service.get("/calendar/2028", headers=bearer(dev_secret, "bureau_admin"))).json()
    assert (year["known"], year["source"], year["holidays"]) == (True, "file", ["2028-01-03"])
