"""Settings refuse what must never reach production."""

from typing import Any

import pytest
from pydantic import ValidationError

from sme_kit.settings import ServiceSettings

BASE: dict[str, Any] = {"service_name": "registry", "database_url": "postgresql+asyncpg://db/registry"}


@pytest.fixture(autouse=True)
def _no_settings_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    # `make test` exports a development AUTH_DEV_SECRET; these tests state every setting themselves.
    for name in ("AUTH_DEV_SECRET", "AUTH_JWKS_URL", "ENVIRONMENT", "TESTING_CLOCK", "KAFKA_TOPIC_PREFIX"):
        monkeypatch.delenv(name, raising=False)


def test_production_requires_the_identity_providers_keys() -> None:
    with pytest.raises(ValidationError, match="AUTH_JWKS_URL"):
        ServiceSettings(**BASE, environment="production")


def test_production_refuses_a_development_secret_and_the_test_clock() -> None:
    jwks: dict[str, Any] = {"auth_jwks_url": "https://idp.example/jwks.json"}
    with pytest.raises(ValidationError, match="AUTH_DEV_SECRET"):
        ServiceSettings(**BASE, **jwks, environment="production", auth_dev_secret="x" * 40)
    with pytest.raises(ValidationError, match="TESTING_CLOCK"):
        ServiceSettings(**BASE, **jwks, environment="production", testing_clock=True)
    assert ServiceSettings(**BASE, **jwks, environment="production").environment == "production"


def test_outside_development_a_placeholder_secret_is_refused() -> None:
    with pytest.raises(ValidationError, match="AUTH_DEV_SECRET"):
        ServiceSettings(**BASE, environment="test", auth_dev_secret="changeme")


def test_the_topic_prefix_applies_to_topics_groups_and_dead_letters() -> None:
    settings = ServiceSettings(**BASE, kafka_topic_prefix="t1.")
    assert settings.topic("gz.sme.registry.application") == "t1.gz.sme.registry.application"
    assert settings.group_id == "t1.registry"
    assert settings.dead_letter_topic == "t1.gz.sme.registry.dead-letter"


def test_settings_are_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "sqlite+aiosqlite:///x.sqlite")
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", "kafka.internal:9092")
    settings = ServiceSettings(service_name="review")
    assert (settings.database_url, settings.kafka_bootstrap_servers) == (
        "sqlite+aiosqlite:///x.sqlite",
        "kafka.internal:9092",
    )


def test_a_testing_clock_may_start_in_the_past() -> None:
    from datetime import datetime

    from sme_kit.clock import MovableClock
    from sme_kit.vocabulary import SHANGHAI

    clock = MovableClock.starting_at(datetime(2026, 9, 28, 9, 0, tzinfo=SHANGHAI))
    assert clock.now().date().isoformat() == "2026-09-28"
