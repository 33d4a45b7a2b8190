"""Services as separate processes on the real broker and PostgreSQL."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from sme_kit.auth import mint_dev_token
from sme_kit.testing.infra import create_database, drop_database
from sme_kit.testing.processes import ServiceProcess

from .system import System, SystemSettings, at, start_system

pytestmark = pytest.mark.e2e

# A scenario module is one story told in steps (one test each, in file order, on one system).
# Once a step fails, the later steps of that module are reported as skipped: they would only
# fail again for the same reason.
_FAILED_STEP: dict[str, str] = {}


def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> None:
    if call.excinfo is not None and call.when == "call" and item.get_closest_marker("scenario"):
        _FAILED_STEP.setdefault(item.path.name, item.name)


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("scenario"):
        failed = _FAILED_STEP.get(item.path.name)
        if failed is not None:
            pytest.skip(f"an earlier step of this scenario failed: {failed}")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "scenario: the tests of a module are the steps of one story, in order")


@pytest.fixture
async def start_services(
    pg_admin_url: str, kafka_bootstrap: str, topic_prefix: str, dev_secret: str, tmp_path: Path, clock_start: datetime
) -> AsyncIterator[Callable[..., Awaitable[dict[str, ServiceProcess]]]]:
    """Start the named services, each with its own fresh database, on this test's topics, their
    clocks at the test's ``clock_start``."""
    started: list[ServiceProcess] = []
    databases: list[str] = []

    async def start(*names: str) -> dict[str, ServiceProcess]:
        urls = await asyncio.gather(*(create_database(pg_admin_url, prefix=f"e2e_{name}") for name in names))
        databases.extend(urls)
        services = [
            ServiceProcess(
                name,
                env={
                    "DATABASE_URL": url,
                    "KAFKA_BOOTSTRAP_SERVERS": kafka_bootstrap,
                    "KAFKA_TOPIC_PREFIX": topic_prefix,
                    "AUTH_DEV_SECRET": dev_secret,
                    "ENVIRONMENT": "test",
                    "RELAY_POLL_INTERVAL_S": "1",
                    "TESTING_CLOCK": "true",
                    "TESTING_CLOCK_START": clock_start.isoformat(),
                },
                log_dir=tmp_path / "logs",
            )
            for name, url in zip(names, urls, strict=True)
        ]
        started.extend(services)
        # In parallel: each start-up waits mostly on imports, migrations and the broker.
        await asyncio.gather(*(asyncio.to_thread(service.start) for service in services))
        return {s.name: s for s in started}

    yield start
    await asyncio.gather(*(asyncio.to_thread(service.stop) for service in started))
    for url in databases:
        await drop_database(pg_admin_url, url)


@pytest.fixture
def token(dev_secret: str) -> Callable[..., str]:
    def mint(role: str, **claims: Any) -> str:
        return mint_dev_token(dev_secret, role=role, **claims)

    return mint


# The moment every service's clock shows when a scenario starts, unless its module says otherwise
# (module attribute SYSTEM = SystemSettings(...)): Tuesday 1 December 2026, 09:00 in Guangzhou — a
# working day, so a notice published then runs its 5 working days to Monday 7 December.
DEFAULT_SYSTEM = SystemSettings(clock_start=at("2026-12-01", 9))


@pytest.fixture(scope="module")
async def system(
    request: pytest.FixtureRequest,
    pg_admin_url: str,
    kafka_bootstrap: str,
    dev_secret: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> AsyncIterator[System]:
    """All five services for one scenario module: its steps share the system and its clock."""
    settings = getattr(request.module, "SYSTEM", DEFAULT_SYSTEM)
    workdir = tmp_path_factory.mktemp(request.module.__name__.rpartition(".")[2])
    started, stop = await start_system(
        settings, pg_admin_url=pg_admin_url, kafka_bootstrap=kafka_bootstrap, secret=dev_secret, workdir=workdir
    )
    try:
        yield started
    finally:
        await stop()
