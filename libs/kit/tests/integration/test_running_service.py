"""A service run in process by the shared test factory: settings on the test's world, HTTP, clock, events."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from fastapi import APIRouter, FastAPI

from sme_contracts.registry import StationConventionSigned
from sme_kit.db import create_engine
from sme_kit.http_auth import CurrentPrincipal
from sme_kit.service import ServiceDefinition, create_app
from sme_kit.settings import ServiceSettings
from sme_kit.tables import kit_metadata
from sme_kit.testing.events import TopicReader, event_feeder
from sme_kit.testing.services import RunningService, ServiceEnv, running_service
from sme_kit.timers import Timer, TimerRegistry, schedule
from sme_kit.uow import Actor, UnitOfWork

pytestmark = pytest.mark.integration

router = APIRouter()


@router.get("/me")
async def me(principal: CurrentPrincipal) -> dict[str, str]:
    return {"role": str(principal.role)}


timers = TimerRegistry()
fired: list[str] = []


@timers.on("remind")
async def remind(timer: Timer, uow: UnitOfWork) -> None:
    fired.append(timer.key)


def kit_app(settings: ServiceSettings) -> FastAPI:
    """A service with nothing of its own but one route and one timer kind."""
    definition = ServiceDefinition(
        settings,
        title="kit",
        description="kit",
        routers=[router],
        timers=timers,
        migrations_dir=Path(__file__).parent,
        migrate_on_start=False,
    )
    return create_app(definition)


class KitService(RunningService[ServiceSettings]):
    async def whoami(self, role: str) -> str:
        return str((await self.http.get("/me", headers=self.auth(role))).json()["role"])


async def _tables(url: str) -> None:
    engine = create_engine(url)
    async with engine.begin() as conn:
        await conn.run_sync(kit_metadata.create_all)
    await engine.dispose()


async def test_a_service_runs_on_the_tests_database_topics_and_clock(service_env: ServiceEnv) -> None:
    settings = service_env.settings(ServiceSettings, service_name="kittest")
    assert (settings.database_url, settings.kafka_topic_prefix) == (service_env.database_url, service_env.topic_prefix)
    await _tables(settings.database_url)
    async with running_service(kit_app, settings, service_type=KitService) as service:
        assert isinstance(service, KitService)
        assert await service.whoami("bureau_admin") == "bureau_admin"
        assert (await service.http.get("/healthz")).json()["service"] == "kittest"
        assert service.today() == service_env.clock_start.date()
        async with service.runtime.uow(Actor.system("test")) as uow:
            await schedule(uow, "remind", "r-1", service_env.clock_start + timedelta(days=1))
            await uow.commit()
        assert await service.move_clock_to(service_env.clock_start + timedelta(days=2)) == 1
        assert service.today() == service_env.clock_start.date() + timedelta(days=2)
        assert fired == ["r-1"]


async def test_fed_events_are_read_back_in_order(service_env: ServiceEnv) -> None:
    signed = StationConventionSigned(
        station_id="st-a",
        uscc="91440106MA59C1XE2H",
        district_code="440106",
        convention_version="2026.1",
        signed_at=service_env.clock_start,
    )
    async with event_feeder(service_env.kafka_bootstrap, service_env.topic_prefix) as feed:
        first = await feed.send(signed)
        await feed.send(signed, envelope=first, copies=2)
    assert first.source == "/gz/sme/registry"
    reader = TopicReader(service_env.kafka_bootstrap, service_env.topic_prefix + signed.topic.name)
    try:
        found = await reader.wait_for(StationConventionSigned, lambda e: e.station_id == "st-a", count=3)
    finally:
        await reader.stop()
    assert len(found) == 3
    assert set(reader.raw) == {first.data}
