"""E-mail over SMTP (the standard library's smtplib, run in a worker thread).

One connection per message: simple, and a restarted server is picked up at the next try. SMTP's
own answer decides whether trying again can help: 4xx and connection failures are retried, 5xx
refusals are final. Error texts go to the delivery record with addresses masked.
"""

from __future__ import annotations

import asyncio
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formataddr, formatdate
from typing import Literal

from sme_kit.logs import redact_text
from sme_notifications.domain.channels import FailureKind, OutgoingMessage, SendFailed

Security = Literal["none", "starttls", "tls"]


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int
    sender_address: str
    sender_name: str
    security: Security = "none"
    username: str | None = None
    password: str | None = None
    timeout_s: float = 10.0
    helo_name: str | None = None

    @property
    def ehlo_name(self) -> str:
        """The name given in EHLO: the configured one, else the sender's domain. Never a DNS lookup
        (smtplib's default asks the resolver for this host's FQDN on every connection)."""
        return self.helo_name or self.sender_address.rpartition("@")[2] or "localhost"


def compose(message: OutgoingMessage, config: SmtpConfig) -> EmailMessage:
    """The MIME message: UTF-8 plain text; the Chinese subject and sender name are RFC 2047 encoded."""
    email = EmailMessage()
    email["From"] = formataddr((config.sender_name, config.sender_address))
    email["To"] = message.address
    email["Subject"] = message.subject
    email["Date"] = formatdate(localtime=True)
    domain = config.sender_address.rpartition("@")[2] or "localhost"
    # A stable Message-ID per delivery lets receiving servers drop a copy resent after a crash.
    email["Message-ID"] = f"<{message.delivery_id}@{domain}>"
    email["X-SME-Delivery-Id"] = message.delivery_id
    email.set_content(message.body, charset="utf-8")
    return email


class SmtpEmailSender:
    """The e-mail channel."""

    def __init__(self, config: SmtpConfig) -> None:
        self._config = config

    async def send(self, message: OutgoingMessage) -> None:
        email = compose(message, self._config)
        try:
            async with asyncio.timeout(self._config.timeout_s * 3):
                await asyncio.to_thread(self._deliver, email, message.address)
        except TimeoutError as exc:
            raise SendFailed(FailureKind.TIMEOUT, "SMTP 会话超时 (SMTP session timed out)") from exc

    def _deliver(self, email: EmailMessage, address: str) -> None:
        config = self._config
        try:
            client: smtplib.SMTP
            if config.security == "tls":
                client = smtplib.SMTP_SSL(
                    config.host,
                    config.port,
                    local_hostname=config.ehlo_name,
                    timeout=config.timeout_s,
                    context=ssl.create_default_context(),
                )
            else:
                client = smtplib.SMTP(
                    config.host, config.port, local_hostname=config.ehlo_name, timeout=config.timeout_s
                )
            with client:
                if config.security == "starttls":
                    client.starttls(context=ssl.create_default_context())
                if config.username:
                    client.login(config.username, config.password or "")
                client.send_message(email, to_addrs=[address])
        except smtplib.SMTPRecipientsRefused as exc:
            codes = [code for code, _ in exc.recipients.values()]
            kind = FailureKind.REJECTED if all(code >= 500 for code in codes) else FailureKind.UNREACHABLE
            raise SendFailed(kind, _masked(f"recipient refused: {codes}")) from exc
        except smtplib.SMTPAuthenticationError as exc:
            # A configuration problem the platform team can fix: keep trying meanwhile.
            raise SendFailed(FailureKind.ERROR, f"SMTP authentication failed ({exc.smtp_code})") from exc
        except smtplib.SMTPResponseException as exc:
            kind = FailureKind.REJECTED if exc.smtp_code >= 500 else FailureKind.UNREACHABLE
            raise SendFailed(kind, _masked(f"{exc.smtp_code} {exc.smtp_error!r}")) from exc
        except TimeoutError as exc:
            raise SendFailed(FailureKind.TIMEOUT, _masked(f"{type(exc).__name__}: {exc}")) from exc
        except (smtplib.SMTPException, OSError) as exc:
            raise SendFailed(FailureKind.UNREACHABLE, _masked(f"{type(exc).__name__}: {exc}")) from exc


def _masked(text: str) -> str:
    return redact_text(text)[:500]
