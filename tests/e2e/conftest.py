"""Services as separate processes on the real broker and PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from sme_kit.auth import mint_dev_token
from sme_kit.testing.infra import create_database, drop_database
from sme_kit.testing.processes import ServiceProcess

pytestmark = pytest.mark.e2e


@pytest.fixture
async def start_services(
    pg_admin_url: str, kafka_bootstrap: str, topic_prefix: str, dev_secret: str, tmp_path: Path
) -> AsyncIterator[Callable[..., dict[str, ServiceProcess]]]:
    """Start the named services, each with its own fresh database, on this test's topics."""
    started: list[ServiceProcess] = []
    databases: list[str] = []

    async def start(*names: str) -> dict[str, ServiceProcess]:
        for name in names:
            url = await create_database(pg_admin_url, prefix=f"e2e_{name}")
            databases.append(url)
            service = ServiceProcess(
                name,
                env={
                    "DATABASE_URL": url,
                    "KAFKA_BOOTSTRAP_SERVERS": kafka_bootstrap,
                    "KAFKA_TOPIC_PREFIX": topic_prefix,
                    "AUTH_DEV_SECRET": dev_secret,
                    "ENVIRONMENT": "test",
                    "RELAY_POLL_INTERVAL_S": "1",
                },
                log_dir=tmp_path / "logs",
            )
            started.append(service)
            service.start()
        return {s.name: s for s in started}

    yield start  # type: ignore[misc]
    for service in reversed(started):
        service.stop()
    for url in databases:
        await drop_database(pg_admin_url, url)


@pytest.fixture
def token(dev_secret: str) -> Callable[..., str]:
    def mint(role: str, **claims: str) -> str:
        return mint_dev_token(dev_secret, role=role, **claims)

    return mint
