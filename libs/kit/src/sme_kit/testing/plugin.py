"""The pytest plugin of the repository (loaded by ``-p sme_kit.testing.plugin``).

Session-scoped: one Kafka broker and one PostgreSQL server per test run, started by the
project's infra scripts unless KAFKA_BOOTSTRAP_SERVERS / DATABASE_ADMIN_URL point elsewhere.
Per test: a fresh database and a unique topic prefix (so topics and consumer groups never
collide), instead of restarting anything.
"""

from __future__ import annotations

import os
import secrets
import uuid
from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from sme_kit.testing.clocks import clock_start_of
from sme_kit.testing.infra import Infrastructure, create_database, delete_topics, drop_database, server_version

if TYPE_CHECKING:
    from sme_kit.testing.documents import DocumentReader
    from sme_kit.testing.services import ServiceEnv

_infra: Infrastructure | None = None


def _repo_root(config: pytest.Config) -> Path:
    for candidate in (config.rootpath, *config.rootpath.parents):
        if (candidate / "infra" / "kafka.sh").exists():
            return candidate
    return config.rootpath


def pytest_configure(config: pytest.Config) -> None:
    global _infra
    _infra = Infrastructure(repo_root=_repo_root(config))
    config.addinivalue_line(
        "markers", "clock_start(instant): the ISO instant (with its offset) the services' clocks start at"
    )


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _infra is not None and (lines := _infra.describe()):
        terminalreporter.section("real dependencies used")
        for line in lines:
            terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def infrastructure() -> Infrastructure:
    assert _infra is not None
    return _infra


@pytest.fixture(scope="session")
def kafka_bootstrap(infrastructure: Infrastructure) -> str:
    """The real broker's bootstrap address."""
    return infrastructure.kafka()


@pytest.fixture(scope="session")
async def pg_admin_url(infrastructure: Infrastructure) -> str:
    """The real PostgreSQL server's admin URL."""
    url = infrastructure.postgres()
    if not infrastructure.pg_version:
        infrastructure.pg_version = await server_version(url)
    return url


@pytest.fixture
async def database_url(pg_admin_url: str) -> AsyncIterator[str]:
    """A fresh PostgreSQL database for one test, dropped afterwards."""
    url = await create_database(pg_admin_url)
    yield url
    await drop_database(pg_admin_url, url)


@pytest.fixture
async def topic_prefix(infrastructure: Infrastructure) -> AsyncIterator[str]:
    """A prefix that gives this test its own topics and consumer groups on the shared broker.

    The test's topics are deleted afterwards: a broker keeps files open for every partition, and
    thousands of leftover test topics exhaust them.
    """
    prefix = f"t{uuid.uuid4().hex[:10]}."
    yield prefix
    if infrastructure.kafka_bootstrap is not None:
        await delete_topics(infrastructure.kafka_bootstrap, prefix)


@pytest.fixture
def clock_start(request: pytest.FixtureRequest) -> datetime:
    """The instant a service started by this test shows first (its ``testing_clock_start``)."""
    return clock_start_of(request.node)


@pytest.fixture(scope="session")
def dev_secret() -> str:
    """The HS256 secret tokens are signed with in this run."""
    return secrets.token_urlsafe(32)


@pytest.fixture
def service_env(
    database_url: str, kafka_bootstrap: str, topic_prefix: str, dev_secret: str, tmp_path: Path, clock_start: datetime
) -> ServiceEnv:
    """Where this test's services run: a fresh database, its own topics, files under its tmp_path.

    ``service_env.settings(RegistrySettings)`` gives a service's settings on it (see
    `sme_kit.testing.services`).
    """
    # Imported here: the plugin loads for every test run, and most never start a service.
    from sme_kit.testing.services import ServiceEnv

    return ServiceEnv(database_url, kafka_bootstrap, topic_prefix, dev_secret, tmp_path / "files", clock_start)


@pytest.fixture(scope="session")
def printed(infrastructure: Infrastructure) -> DocumentReader:
    """Opens the PDFs a test fetched; renders each first page to ``$ARTIFACTS_DIR/documents`` (default
    ``.local/artifacts``) for a person to look at. The font and pdftoppm are installed when missing."""
    from sme_kit.testing.documents import DocumentReader

    infrastructure.documents()
    artifacts = Path(os.environ.get("ARTIFACTS_DIR") or infrastructure.repo_root / ".local" / "artifacts")
    return DocumentReader(artifacts / "documents")
