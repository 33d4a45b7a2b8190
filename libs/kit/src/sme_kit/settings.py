"""Service settings from environment variables (pydantic-settings)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

Environment = Literal["dev", "test", "production"]

# Secrets that must never reach production: the development default and obvious placeholders.
_KNOWN_WEAK_SECRETS = {"", "dev-secret-change-me", "changeme", "secret"}


class ServiceSettings(BaseSettings):
    """Settings every service shares; a service subclasses it to add its own.

    Every field reads the environment variable of the same name in upper case
    (``DATABASE_URL``, ``KAFKA_BOOTSTRAP_SERVERS``, ...).
    """

    model_config = SettingsConfigDict(env_file=None, extra="ignore", frozen=True)

    service_name: str = Field(description="Short name of the service, e.g. registry.")
    environment: Environment = "dev"
    database_url: str = Field(description="SQLAlchemy async URL: postgresql+asyncpg://... or sqlite+aiosqlite:///...")
    kafka_bootstrap_servers: str = "127.0.0.1:9092"
    kafka_topic_prefix: str = Field(
        default="",
        description="Prefix for every topic and consumer group: keeps test runs apart on one broker.",
    )
    kafka_request_timeout_s: float = 10.0
    auth_dev_secret: str | None = None
    auth_jwks_url: str | None = None
    auth_issuer: str | None = None
    auth_audience: str | None = None
    log_level: str = "INFO"
    relay_poll_interval_s: float = Field(default=1.0, description="How often the outbox relay looks without a wake-up.")
    relay_batch_size: int = 500
    timer_poll_interval_s: float = 1.0
    consumer_max_attempts: int = Field(default=3, description="Tries of a failing handler before its dead letter.")
    consumer_retry_backoff_s: float = 0.2
    files_dir: str = Field(
        default=".local/files", description="Where uploaded files are kept (one folder per service)."
    )
    document_fonts_dir: str = Field(
        default="/usr/share/fonts/opentype/noto",  # sme_kit.fonts.DEFAULT_FONTS_DIR
        description="Where Noto Serif CJK (Debian's fonts-noto-cjk) lies: the font printable documents are set in.",
    )
    workday_calendar_file: str | None = Field(
        default=None,
        description="JSON of official holiday schedules for years chinese-calendar does not know yet: "
        '{"2027": {"holidays": ["2027-01-01", ...], "workdays": [...], "source": "国办发明电〔2026〕..."}}',
    )
    otel_exporter_otlp_endpoint: str | None = None
    otel_spans_file: str | None = Field(
        default=None, description="Also write every finished span as a JSON line to this file (tests, local debugging)."
    )
    testing_clock: bool = Field(
        default=False,
        description="Lets tests move the service's clock through an admin endpoint; refused in production.",
    )
    testing_clock_start: datetime | None = Field(
        default=None,
        description="With TESTING_CLOCK: the moment the clock shows at start-up (may lie in the past).",
    )

    @model_validator(mode="after")
    def _refuse_unsafe_production(self) -> ServiceSettings:
        if self.environment == "production":
            if self.auth_jwks_url is None:
                raise ValueError("production verifies tokens against the identity provider: set AUTH_JWKS_URL")
            if self.auth_dev_secret is not None:
                raise ValueError("AUTH_DEV_SECRET must not be set in production")
            if self.testing_clock:
                raise ValueError("TESTING_CLOCK must not be set in production")
        elif (
            self.auth_jwks_url is None
            and (self.auth_dev_secret or "") in _KNOWN_WEAK_SECRETS
            and self.environment != "dev"
        ):
            raise ValueError("set AUTH_DEV_SECRET to a random value (or AUTH_JWKS_URL)")
        return self

    def topic(self, name: str) -> str:
        """The broker-side name of a contracts topic (with this deployment's prefix)."""
        return f"{self.kafka_topic_prefix}{name}"

    @property
    def group_id(self) -> str:
        """The consumer group of this service: all its replicas share the work."""
        return f"{self.kafka_topic_prefix}{self.service_name}"

    @property
    def dead_letter_topic(self) -> str:
        return f"{self.kafka_topic_prefix}gz.sme.{self.service_name}.dead-letter"
