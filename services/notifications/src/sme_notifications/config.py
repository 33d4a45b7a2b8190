"""Notifications settings: channels, retries and rate limits (environment variables of the same name)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, SecretStr, model_validator

from sme_kit.settings import ServiceSettings


class NotificationsSettings(ServiceSettings):
    service_name: str = "notifications"
    database_url: str = "sqlite+aiosqlite:///.local/run/notifications.sqlite"
    portal_url: str = Field(default="", description="The service platform's address, printed in messages.")
    dev_token_ttl_s: int = Field(
        default=3600, ge=60, le=12 * 3600, description="How long a development sign-in token lasts (never production)."
    )

    smtp_host: str | None = Field(default=None, description="SMTP server; without it no e-mail is planned.")
    smtp_port: int = 25
    smtp_security: Literal["none", "starttls", "tls"] = "none"
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    smtp_sender_address: str = "noreply@localhost"
    smtp_sender_name: str = "广州市民营和中小企业服务站"
    smtp_timeout_s: float = 10.0
    smtp_helo_name: str | None = Field(
        default=None,
        description="The name this service gives in EHLO; by default the domain of SMTP_SENDER_ADDRESS "
        "(never looked up in DNS, so a slow resolver cannot hold a send).",
    )

    sms_provider: Literal["none", "spool"] = Field(
        default="spool",
        description="spool: write SMS as JSON lines to SMS_SPOOL_DIR (development and tests); none: no SMS.",
    )
    sms_spool_dir: str = ".local/run/sms-spool"

    delivery_max_attempts: int = Field(default=8, ge=1, description="Tries of an e-mail or SMS before it fails.")
    delivery_retry_base_s: float = Field(default=30.0, gt=0, description="Wait after the first failed try; doubles.")
    delivery_retry_max_s: float = Field(default=3600.0, gt=0, description="Longest wait between tries.")
    delivery_lease_s: float = Field(default=300.0, gt=0, description="How long a claimed delivery is held.")
    dispatch_poll_interval_s: float = Field(default=1.0, gt=0)
    dispatch_batch_size: int = Field(default=50, ge=1)

    email_rate_per_s: float = Field(default=10.0, gt=0, description="Average e-mails per second (token bucket).")
    email_burst: int = Field(default=20, ge=1)
    sms_rate_per_s: float = Field(default=5.0, gt=0, description="Average SMS per second (token bucket).")
    sms_burst: int = Field(default=10, ge=1)

    @model_validator(mode="after")
    def _no_spool_in_production(self) -> NotificationsSettings:
        if self.environment == "production" and self.sms_provider == "spool":
            raise ValueError("the SMS spool sends nothing: configure a provider adapter or SMS_PROVIDER=none")
        return self
