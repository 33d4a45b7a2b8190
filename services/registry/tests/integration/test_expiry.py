"""The validity timers are durable: scheduled by one process, fired by the next after a restart."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from sme_contracts.registry import StationExpired, StationExpiring, StationStatusChanged
from sme_kit.vocabulary import SHANGHAI
from sme_registry.config import RegistrySettings

from .conftest import Registry, full_form, running

pytestmark = pytest.mark.integration

TOPIC = "gz.sme.registry.station"


async def test_expiry_timers_fire_after_a_restart_and_the_station_expires(registry_settings: RegistrySettings) -> None:
    async with running(registry_settings) as first:
        await first.open_round()
        station = await first.recognise(await first.forwarded(), on=first.today())
    last_day = date.fromisoformat(station["valid_until"])

    async with running(registry_settings) as second:
        second.clock.set(datetime.combine(last_day + timedelta(days=2), datetime.min.time(), SHANGHAI))
        second.runtime.timer_loop.wake()  # type: ignore[union-attr]
        reader = second.reader(TOPIC)
        [expiring] = await reader.wait_for(StationExpiring)
        [expired] = await reader.wait_for(StationExpired)
        [status] = await reader.wait_for(StationStatusChanged, lambda e: e.status == "expired")

        assert (expiring.station_id, expiring.valid_until) == (station["id"], last_day)
        assert (expired.valid_until, expired.re_review_applied) == (last_day, False)
        assert (status.previous_status, status.effective_on) == ("active", last_day + timedelta(days=1))
        view = (await second.http.get(f"/stations/{station['id']}", headers=second.bureau)).json()
        assert view["status"] == "expired"
        assert (await second.http.get("/public/stations")).json()["total"] == 0


async def test_an_expired_station_with_a_re_review_application_is_reported_as_applied(registry: Registry) -> None:
    await registry.open_round()
    year = registry.today().year
    station = await registry.recognise(await registry.forwarded(), on=date(year - 2, 1, 1))
    await registry.submitted(full_form(kind="re_review", station_id=station["id"]))

    registry.clock.set(datetime(year + 1, 1, 1, 0, 0, 1, tzinfo=SHANGHAI))
    registry.runtime.timer_loop.wake()  # type: ignore[union-attr]

    [expired] = await registry.reader(TOPIC).wait_for(StationExpired)
    assert (expired.station_id, expired.valid_until, expired.re_review_applied) == (
        station["id"],
        date(year, 12, 31),
        True,
    )
