"""A service in the test's own process, on the test's database, topics and files, driven over HTTP.

A service's conftest needs only (``service_env`` is a fixture of the repository's pytest plugin)::

    @pytest.fixture
    def settings(service_env: ServiceEnv) -> RegistrySettings:
        return service_env.settings(RegistrySettings)

    @pytest.fixture
    async def registry(settings: RegistrySettings) -> AsyncIterator[RunningService[RegistrySettings]]:
        async with running_service(registry_app, settings) as service:
            yield service

``running_service`` runs the app's lifespan (migrations, relay, consumers, timers) and gives an
HTTP client on it; entering it again with the same settings restarts the service on the same
database and topics. A conftest that wants its own helpers subclasses `RunningService` and passes
it as ``service_type``.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

import httpx
from fastapi import FastAPI

from sme_kit.auth import Role, mint_dev_token
from sme_kit.clock import MovableClock
from sme_kit.settings import ServiceSettings
from sme_kit.testing.clocks import move_clock_and_fire
from sme_kit.testing.events import TopicReader

if TYPE_CHECKING:
    from sme_kit.service import Runtime

__all__ = ["RunningService", "ServiceEnv", "running_service"]

S = TypeVar("S", bound=ServiceSettings)
R = TypeVar("R", bound="RunningService[Any]")


@dataclass(frozen=True)
class ServiceEnv:
    """What one test's services run on: its database, its topic prefix, its files, its clock's start."""

    database_url: str
    kafka_bootstrap: str
    topic_prefix: str
    dev_secret: str
    files_dir: Path
    clock_start: datetime

    def settings(self, settings_type: type[S], **overrides: Any) -> S:
        """A service's settings on this environment; ``overrides`` change or add any field.

        Loops poll every 0.2 s (a missed doorbell costs a test little) and the clock is the testing
        clock, starting at the test's ``clock_start``.
        """
        values: dict[str, Any] = {
            "database_url": self.database_url,
            "kafka_bootstrap_servers": self.kafka_bootstrap,
            "kafka_topic_prefix": self.topic_prefix,
            "auth_dev_secret": self.dev_secret,
            "environment": "test",
            "testing_clock": True,
            "testing_clock_start": self.clock_start,
            "relay_poll_interval_s": 0.2,
            "timer_poll_interval_s": 0.2,
            "files_dir": str(self.files_dir),
        }
        return settings_type(**{**values, **overrides})


@dataclass
class RunningService(Generic[S]):
    """A service running in process, its HTTP client, and what its tests do with it again and again."""

    app: FastAPI
    http: httpx.AsyncClient
    settings: S
    readers: list[TopicReader] = field(default_factory=list)

    @property
    def runtime(self) -> Runtime:
        return self.app.state.runtime  # type: ignore[no-any-return]

    @property
    def clock(self) -> MovableClock:
        clock = self.runtime.clock
        if not isinstance(clock, MovableClock):
            raise TypeError("the service runs without the testing clock (settings.testing_clock)")
        return clock

    def today(self) -> date:
        """The day the service's clock shows."""
        return self.clock.now().date()

    async def move_clock_to(self, moment: datetime) -> int:
        """Move the clock forward to ``moment`` and fire the timers due by then; returns how many fired."""
        return await move_clock_and_fire(self.runtime, moment)

    def auth(self, role: Role | str, **claims: Any) -> dict[str, str]:
        """The Authorization header of a caller with ``role`` and ``claims`` (org, district, station_id…)."""
        secret = self.settings.auth_dev_secret
        if not secret:
            raise ValueError("the service verifies no development tokens (settings.auth_dev_secret)")
        return {"Authorization": f"Bearer {mint_dev_token(secret, role=role, **claims)}"}

    def reader(self, topic: str) -> TopicReader:
        """A reader of one of this test's topics (contracts name), stopped with the service."""
        reader = TopicReader(self.settings.kafka_bootstrap_servers, self.settings.topic(topic))
        self.readers.append(reader)
        return reader


@overload
def running_service(
    app_factory: Callable[[S], FastAPI], settings: S
) -> contextlib.AbstractAsyncContextManager[RunningService[S]]: ...


@overload
def running_service(
    app_factory: Callable[[S], FastAPI], settings: S, *, service_type: type[R]
) -> contextlib.AbstractAsyncContextManager[R]: ...


def running_service(
    app_factory: Callable[[S], FastAPI], settings: S, *, service_type: type[Any] = RunningService
) -> contextlib.AbstractAsyncContextManager[Any]:
    """Run the app that ``app_factory`` builds from ``settings``, for the ``async with`` block.

    The lifespan starts as under uvicorn and stops at the end, its background tasks with it; the
    client reaches the app without a socket, at ``http://<service_name>``.
    """
    return _running(app_factory, settings, service_type)


@contextlib.asynccontextmanager
async def _running(
    app_factory: Callable[[S], FastAPI], settings: S, service_type: type[RunningService[S]]
) -> AsyncIterator[RunningService[S]]:
    app = app_factory(settings)
    transport = httpx.ASGITransport(app=app)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url=f"http://{settings.service_name}") as http,
    ):
        service = service_type(app, http, settings)
        try:
            yield service
        finally:
            for reader in service.readers:
                await reader.stop()
