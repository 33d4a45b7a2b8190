"""The notifications service in process on the real PostgreSQL, Kafka and a real SMTP server.

``smtp``: an aiosmtpd server on 127.0.0.1 that keeps every message it receives, and can be stopped
and started again on the same port. ``start(**settings)``: the service with its SMS spool in a
temporary folder. ``publish``: puts contract events on their topics as their publishers do (the kit's
feeder); the kit's ``read_events`` reads what the service published.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from sme_contracts import Event
from sme_kit.testing import wait_until
from sme_kit.testing.events import EventFeeder, event_feeder
from sme_kit.testing.services import RunningService, running_service
from sme_notifications.adapters.sms import SPOOL_FILE
from sme_notifications.bootstrap import app as notifications_app
from sme_notifications.config import NotificationsSettings

ORG_A_CONTACT = {"contact_name": "王芳", "email": "wangfang@example.com", "mobile": "13800138000"}
ORG_B_CONTACT = {"contact_name": "赵磊", "email": "zhaolei@example.com", "mobile": None}
OFFICIALS: dict[str, dict[str, Any]] = {
    "do-th": {
        "name": "李明",
        "role": "district_officer",
        "district_code": "440106",
        "email": "liming@th.example.gov.cn",
        "mobile": "13900139000",
    },
    "do-hp": {
        "name": "陈静",
        "role": "district_officer",
        "district_code": "440112",
        "email": "chenjing@hp.example.gov.cn",
        "mobile": None,
    },
    "hs-1": {"name": "周敏", "role": "head_station_staff", "email": "zhoumin@hs.example.org", "mobile": None},
    "bu-1": {"name": "吴刚", "role": "bureau_admin", "email": "wugang@gxj.example.gov.cn", "mobile": "13700137000"},
    "ex-1": {"name": "林教授", "role": "expert", "email": "lin@university.example.edu", "mobile": "13600136000"},
}


# --- the SMTP server ---------------------------------------------------------------------------------


class Mailbox:
    """aiosmtpd handler: keeps every message that arrives (its thread appends, tests read)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._messages: list[tuple[list[str], EmailMessage]] = []
        self._refused: set[str] = set()
        self.helo_names: list[str] = []

    def refuse(self, address: str) -> None:
        """Answer 550 for this recipient from now on (a mailbox that does not exist)."""
        self._refused.add(address)

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        if address in self._refused:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        parsed = message_from_bytes(envelope.content, policy=policy.default)
        with self._lock:
            self._messages.append((list(envelope.rcpt_tos), parsed))
            self.helo_names.append(session.host_name)
        return "250 Message accepted for delivery"

    @property
    def messages(self) -> list[tuple[list[str], EmailMessage]]:
        with self._lock:
            return list(self._messages)

    def by_delivery(self, delivery_id: str) -> list[tuple[list[str], EmailMessage]]:
        return [(to, m) for to, m in self.messages if m["X-SME-Delivery-Id"] == delivery_id]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class SmtpServer:
    """A real SMTP server on a fixed port, which tests can take down and bring back."""

    def __init__(self) -> None:
        self.port = free_port()
        self.mailbox = Mailbox()
        self._controller: Controller | None = None

    def start(self) -> None:
        # A server name of its own: aiosmtpd would otherwise ask the resolver for this host's FQDN on
        # every connection, inside the server's event loop.
        self._controller = Controller(
            self.mailbox, hostname="127.0.0.1", port=self.port, server_hostname="mx.test.example"
        )
        self._controller.start()

    def stop(self) -> None:
        """Stop the server; a server thread that does not end within 10 s fails the test, never hangs it."""
        controller, self._controller = self._controller, None
        if controller is None:
            return
        stopper = threading.Thread(target=controller.stop, name="smtp-stop", daemon=True)
        stopper.start()
        stopper.join(10.0)
        if stopper.is_alive():
            raise RuntimeError("the test SMTP server did not stop within 10 s")


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    server = SmtpServer()
    server.start()
    yield server
    server.stop()


# --- the service -------------------------------------------------------------------------------------


def settings_for(
    *,
    database_url: str,
    kafka_bootstrap: str,
    topic_prefix: str,
    dev_secret: str,
    smtp_port: int,
    spool_dir: Path,
    **overrides: Any,
) -> NotificationsSettings:
    values: dict[str, Any] = {
        "database_url": database_url,
        "kafka_bootstrap_servers": kafka_bootstrap,
        "kafka_topic_prefix": topic_prefix,
        "auth_dev_secret": dev_secret,
        "environment": "test",
        "relay_poll_interval_s": 0.2,
        "smtp_host": "127.0.0.1",
        "smtp_port": smtp_port,
        "smtp_sender_address": "noreply@smefw.example.gov.cn",
        "smtp_timeout_s": 3.0,
        "sms_spool_dir": str(spool_dir),
        "portal_url": "https://smefw.example.gov.cn",
        "dispatch_poll_interval_s": 0.1,
        "delivery_retry_base_s": 0.1,
        "delivery_retry_max_s": 0.5,
        "delivery_max_attempts": 5,
        "email_rate_per_s": 500.0,
        "email_burst": 500,
        "sms_rate_per_s": 500.0,
        "sms_burst": 500,
        **overrides,
    }
    return NotificationsSettings(**values)


@dataclass
class Service(RunningService[NotificationsSettings]):
    """The running service (the kit's in-process service), its HTTP client, and what it sent."""

    @property
    def secret(self) -> str:
        assert self.settings.auth_dev_secret is not None
        return self.settings.auth_dev_secret

    @property
    def spool(self) -> Path:
        return Path(self.settings.sms_spool_dir)

    def as_(self, role: str, **claims: str) -> dict[str, str]:
        return self.auth(role, **claims)

    @property
    def bureau(self) -> dict[str, str]:
        return self.as_("bureau_admin", subject="bu-1")

    def operator(self, org: str, subject: str = "op-1") -> dict[str, str]:
        return self.as_("station_operator", org=org, subject=subject)

    def reader_of(self, recipient: str) -> dict[str, str]:
        """A token of someone who reads the inbox of ``recipient`` (kind:id)."""
        kind, _, ident = recipient.partition(":")
        if kind == "org":
            return self.operator(ident)
        if kind == "district":
            return self.as_("district_officer", district=ident, subject=f"do-{ident}")
        if recipient == "group:head_station":
            return self.as_("head_station_staff", subject="hs-1")
        if recipient == "group:bureau":
            return self.as_("bureau_admin", subject="bu-1")
        return self.as_("expert", subject=ident)

    async def deliveries_page(self, **params: Any) -> dict[str, Any]:
        """One page of the delivery record as the bureau reads it (``limit``, ``offset`` and filters)."""
        response = await self.http.get("/deliveries", params=params, headers=self.bureau)
        assert response.status_code == 200, response.text
        return dict(response.json())

    async def deliveries(self, **filters: Any) -> list[dict[str, Any]]:
        """The deliveries that match, newest first (a test records fewer than a page of the largest size)."""
        items = list((await self.deliveries_page(limit=200, **filters))["items"])
        assert len(items) < 200, "more deliveries than one page holds"
        return items

    async def delivery(self, delivery_id: str) -> dict[str, Any]:
        response = await self.http.get(f"/deliveries/{delivery_id}", headers=self.bureau)
        assert response.status_code == 200, response.text
        return dict(response.json())

    async def settled(self, event_id: str, count: int, timeout: float = 20.0) -> list[dict[str, Any]]:
        """The event's deliveries once there are ``count`` and none is still pending or sending."""

        async def probe() -> list[dict[str, Any]] | None:
            found = await self.deliveries(event_id=event_id)
            done = len(found) >= count and all(d["status"] in ("delivered", "failed") for d in found)
            return found if done else None

        return await wait_until(probe, timeout=timeout, what=f"{count} settled deliveries of {event_id}")

    def spooled_sms(self) -> list[dict[str, Any]]:
        path = self.spool / SPOOL_FILE
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]

    async def register_world(self) -> None:
        """The directory as the bureau and the operators fill it (see OFFICIALS and the org contacts)."""
        for subject, official in OFFICIALS.items():
            body = {k: v for k, v in official.items() if v is not None}
            response = await self.http.put(f"/directory/officials/{subject}", json=body, headers=self.bureau)
            assert response.status_code == 201, response.text
        for org, contact in (("91440106MA59C1XE2H", ORG_A_CONTACT), ("91440112MA59C1XE27", ORG_B_CONTACT)):
            response = await self.http.put("/me/contact", json=contact, headers=self.operator(org))
            assert response.status_code == 200, response.text


def running(settings: NotificationsSettings) -> contextlib.AbstractAsyncContextManager[Service]:
    """The service in this process on ``settings`` (the kit's `running_service`), for an ``async with`` block."""
    return running_service(notifications_app, settings, service_type=Service)


Start = Callable[..., contextlib.AbstractAsyncContextManager[Service]]


@pytest.fixture
def start(
    database_url: str, kafka_bootstrap: str, topic_prefix: str, dev_secret: str, smtp: SmtpServer, tmp_path: Path
) -> Start:
    """``async with start(**settings) as service``: the service on this test's database, topics and SMTP server."""

    def begin(**overrides: Any) -> contextlib.AbstractAsyncContextManager[Service]:
        settings = settings_for(
            database_url=database_url,
            kafka_bootstrap=kafka_bootstrap,
            topic_prefix=topic_prefix,
            dev_secret=dev_secret,
            smtp_port=smtp.port,
            spool_dir=tmp_path / "sms",
            **overrides,
        )
        return running(settings)

    return begin


@pytest.fixture
async def service(start: Start) -> AsyncIterator[Service]:
    async with start() as running_service:
        yield running_service


# --- the other services' events ------------------------------------------------------------------------


class Publisher:
    """Publishes contract events the way their services do (the kit's feeder); ``send`` answers the event id."""

    def __init__(self, feeder: EventFeeder) -> None:
        self._feeder = feeder

    async def send(self, event: Event, *, copies: int = 1) -> str:
        """Publish (``copies`` times the very same record, as after a producer retry); returns the event id."""
        return (await self._feeder.send(event, copies=copies)).id


@contextlib.asynccontextmanager
async def publisher_on(kafka_bootstrap: str, prefix: str) -> AsyncIterator[Publisher]:
    async with event_feeder(kafka_bootstrap, prefix) as feeder:
        yield Publisher(feeder)


@pytest.fixture
async def publish(kafka_bootstrap: str, topic_prefix: str) -> AsyncIterator[Publisher]:
    async with publisher_on(kafka_bootstrap, topic_prefix) as publisher:
        yield publisher
