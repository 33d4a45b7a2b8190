"""The five services as one system: separate processes on the real broker and PostgreSQL, one
clock for all of them that the scenario moves, an SMTP mailbox, the SMS spool (every mobile's
phone), and a client per service.

Every service runs the way `make run` starts it (uvicorn --factory), but on its own fresh
PostgreSQL database, on topics no other test uses, with TESTING_CLOCK on and the same
TESTING_CLOCK_START everywhere. Scenarios talk to it only over HTTP, with tokens of the role
each step belongs to, and wait on what the services show (never a fixed sleep).
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import json
import threading
import uuid
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any, TypeVar

import httpx
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from sme_kit.auth import mint_dev_token
from sme_kit.http_client import service_client
from sme_kit.testing import wait_until
from sme_kit.testing.infra import create_database, delete_topics, drop_database
from sme_kit.testing.processes import ServiceProcess, free_port
from sme_kit.vocabulary import SHANGHAI
from sme_notifications.adapters.sms import confirmation_code_in, read_spool

SERVICES = ("registry", "review", "activities", "assessment", "notifications")
T = TypeVar("T")


def at(day: str | date, hour: int = 9, minute: int = 0) -> datetime:
    """A moment in Asia/Shanghai."""
    when = date.fromisoformat(day) if isinstance(day, str) else day
    return datetime(when.year, when.month, when.day, hour, minute, tzinfo=SHANGHAI)


class Mailbox:
    """A real SMTP server (aiosmtpd) on a free local port that keeps every message it accepts."""

    def __init__(self) -> None:
        self.port = free_port()
        self.messages: list[EmailMessage] = []
        self._lock = threading.Lock()
        # A server name of its own: no DNS lookup of this host on every connection.
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port, server_hostname="mx.e2e.example")

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        content = envelope.original_content or envelope.content or b""
        raw = content if isinstance(content, bytes) else content.encode()
        parsed = email.message_from_bytes(raw, policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        with self._lock:
            self.messages.append(parsed)
        return "250 OK"

    def start(self) -> None:
        self._controller.start()

    def stop(self) -> None:
        self._controller.stop()

    def to(self, address: str) -> list[EmailMessage]:
        """Messages addressed to ``address``, oldest first."""
        with self._lock:
            return [m for m in self.messages if address in str(m["To"])]

    @staticmethod
    def text(message: EmailMessage) -> str:
        """Subject and plain-text body of a message."""
        body = message.get_body(preferencelist=("plain",))
        return f"{message['Subject']}\n{body.get_content() if body is not None else ''}"


@dataclass
class System:
    """The running system and what a scenario needs to drive it over HTTP."""

    services: dict[str, ServiceProcess]
    secret: str
    mailbox: Mailbox
    spans_dir: Path
    sms_dir: Path
    clients: dict[str, httpx.AsyncClient] = field(default_factory=dict)

    # --- the HTTP client of each service ------------------------------------------------------

    @property
    def registry(self) -> httpx.AsyncClient:
        return self.clients["registry"]

    @property
    def review(self) -> httpx.AsyncClient:
        return self.clients["review"]

    @property
    def activities(self) -> httpx.AsyncClient:
        return self.clients["activities"]

    @property
    def assessment(self) -> httpx.AsyncClient:
        return self.clients["assessment"]

    @property
    def notifications(self) -> httpx.AsyncClient:
        return self.clients["notifications"]

    # --- who is calling ----------------------------------------------------------------------

    def token(
        self,
        role: str,
        *,
        subject: str | None = None,
        district: str | None = None,
        org: str | None = None,
        station_id: str | None = None,
    ) -> str:
        return mint_dev_token(
            self.secret, role=role, subject=subject, district=district, org=org, station_id=station_id
        )

    def auth(self, role: str, **claims: str | None) -> dict[str, str]:
        """Authorization header of a development token with ``role`` and ``claims``."""
        return {"Authorization": f"Bearer {self.token(role, **claims)}"}

    @property
    def bureau(self) -> dict[str, str]:
        return self.auth("bureau_admin", subject="bureau-chen")

    @property
    def head_station(self) -> dict[str, str]:
        return self.auth("head_station_staff", subject="hs-liang")

    def district(self, code: str) -> dict[str, str]:
        return self.auth("district_officer", district=code, subject=f"district-{code}")

    def operator(self, uscc: str, station_id: str | None = None) -> dict[str, str]:
        return self.auth("station_operator", org=uscc, subject=f"operator-{uscc}", station_id=station_id or None)

    def expert(self, expert_id: str) -> dict[str, str]:
        return self.auth("expert", subject=expert_id)

    # --- one clock for the whole system ------------------------------------------------------

    async def clocks(self) -> dict[str, datetime]:
        """What each service's clock shows now."""
        shown = await asyncio.gather(*(self.clients[n].get("/_testing/clock") for n in SERVICES))
        return {n: datetime.fromisoformat(r.json()["now"]) for n, r in zip(SERVICES, shown, strict=True)}

    async def now(self) -> datetime:
        return max((await self.clocks()).values())

    async def today(self) -> date:
        return (await self.now()).astimezone(SHANGHAI).date()

    async def move_clocks_to(self, moment: datetime) -> None:
        """Move every service's clock to ``moment`` together; each service's timers fire at once."""
        answers = await asyncio.gather(
            *(self.clients[n].post("/_testing/clock", json={"to": moment.isoformat()}) for n in SERVICES)
        )
        for name, answer in zip(SERVICES, answers, strict=True):
            assert answer.status_code == 200, f"{name}: {answer.text}"

    async def advance_clocks(self, delta: timedelta) -> datetime:
        """Move every clock ``delta`` past the latest of them (which also brings them into step)."""
        moment = await self.now() + delta
        await self.move_clocks_to(moment)
        return moment

    async def load_calendar(self, year: int, schedule: dict[str, Any], services: Iterable[str]) -> None:
        """The bureau loads ``year``'s holiday schedule on the services that compute working days."""
        for name in services:
            answer = await self.clients[name].put(f"/calendar/{year}", json=schedule, headers=self.bureau)
            assert answer.status_code in (200, 201), f"{name}: {answer.text}"

    # --- waiting on what the services show ---------------------------------------------------

    async def eventually(self, probe: Callable[[], Awaitable[T | None]], what: str, timeout: float = 30.0) -> T:
        """Wait until ``probe`` returns something truthy (the state the scenario expects)."""
        found = await wait_until(probe, timeout=timeout, interval=0.1, what=what)
        assert found is not None
        return found

    async def inbox(self, headers: dict[str, str]) -> list[dict[str, Any]]:
        """The caller's in-app messages, newest first."""
        answer = await self.notifications.get("/inbox", params={"limit": 200}, headers=headers)
        assert answer.status_code == 200, answer.text
        return list(answer.json()["items"])

    async def inbox_message(
        self, headers: dict[str, str], event_type: str, where: Callable[[dict[str, Any]], bool] = lambda _: True
    ) -> dict[str, Any]:
        """Wait for a message of ``event_type`` in the caller's inbox and return it."""

        async def arrived() -> dict[str, Any] | None:
            return next((m for m in await self.inbox(headers) if m["event_type"] == event_type and where(m)), None)

        return await self.eventually(arrived, f"an inbox message {event_type}")

    async def mail_to(self, address: str, containing: str) -> EmailMessage:
        """Wait for an e-mail to ``address`` whose subject or body contains ``containing``."""

        async def arrived() -> EmailMessage | None:
            return next((m for m in self.mailbox.to(address) if containing in Mailbox.text(m)), None)

        return await self.eventually(arrived, f"an e-mail to {address} about {containing!r}")

    def codes_sent_to(self, address: str) -> list[str]:
        """The one-time codes that reached ``address`` so far, oldest first: texted to a mobile number
        (the SMS spool), mailed to an e-mail address (the SMTP mailbox)."""
        if "@" in address:
            texts = [Mailbox.text(message) for message in self.mailbox.to(address)]
        else:
            texts = [sms.text for sms in read_spool(self.sms_dir) if sms.mobile == address]
        return [code for text in texts if (code := confirmation_code_in(text))]

    async def next_code_to(self, address: str, *, after: int) -> str:
        """Wait for a code to reach ``address`` beyond the ``after`` it had (see `codes_sent_to`); the newest."""

        async def arrived() -> str | None:
            codes = self.codes_sent_to(address)
            return codes[-1] if len(codes) > after else None

        return await self.eventually(arrived, f"a one-time code to {address}")

    def spans(self) -> list[dict[str, Any]]:
        """Every span the traced services finished so far, each with the service that wrote it."""
        found = []
        for path in sorted(self.spans_dir.glob("*.jsonl")):
            # Only whole lines: the service may be writing the last one right now.
            for line in path.read_text(encoding="utf-8").split("\n")[:-1]:
                if line.strip():
                    found.append({**json.loads(line), "_service": path.stem})
        return found


@dataclass
class SystemSettings:
    """What a scenario chooses about the system it runs on."""

    clock_start: datetime
    traced: tuple[str, ...] = ()  # services that write their spans to <spans_dir>/<service>.jsonl


async def start_system(
    settings: SystemSettings,
    *,
    pg_admin_url: str,
    kafka_bootstrap: str,
    secret: str,
    workdir: Path,
) -> tuple[System, Callable[[], Awaitable[None]]]:
    """Start the five services in parallel; returns the system and the coroutine that stops it."""
    prefix = f"e2e{uuid.uuid4().hex[:10]}."
    mailbox = Mailbox()
    mailbox.start()
    spans_dir = workdir / "spans"
    spans_dir.mkdir(parents=True, exist_ok=True)
    databases = await asyncio.gather(*(create_database(pg_admin_url, prefix=f"e2e_{n}") for n in SERVICES))
    services: dict[str, ServiceProcess] = {}
    for name, url in zip(SERVICES, databases, strict=True):
        env = {
            "DATABASE_URL": url,
            "KAFKA_BOOTSTRAP_SERVERS": kafka_bootstrap,
            "KAFKA_TOPIC_PREFIX": prefix,
            "AUTH_DEV_SECRET": secret,
            "ENVIRONMENT": "test",
            "TESTING_CLOCK": "true",
            "TESTING_CLOCK_START": settings.clock_start.isoformat(),
            "FILES_DIR": str(workdir / "files"),
            "TIMER_POLL_INTERVAL_S": "0.5",
            "LOG_LEVEL": "INFO",
        }
        if name in settings.traced:
            env["OTEL_SPANS_FILE"] = str(spans_dir / f"{name}.jsonl")
        if name == "notifications":
            env |= {
                "SMTP_HOST": "127.0.0.1",
                "SMTP_PORT": str(mailbox.port),
                "SMTP_SENDER_ADDRESS": "noreply@gzsme.example.cn",
                "SMS_SPOOL_DIR": str(workdir / "sms"),
                "DISPATCH_POLL_INTERVAL_S": "0.2",
                "DELIVERY_RETRY_BASE_S": "0.5",
                "PORTAL_URL": "https://sme.gz.example.cn",
            }
        services[name] = ServiceProcess(name, env=env, log_dir=workdir / "logs")

    async def stop() -> None:
        for client in system.clients.values():
            await client.aclose()
        await asyncio.gather(*(asyncio.to_thread(s.stop) for s in services.values()))
        mailbox.stop()
        for url in databases:
            await drop_database(pg_admin_url, url)
        await delete_topics(kafka_bootstrap, prefix)  # a broker keeps files open for every partition

    system = System(services, secret, mailbox, spans_dir, workdir / "sms")
    try:
        await asyncio.gather(*(asyncio.to_thread(s.start, 90.0) for s in services.values()))
    except BaseException:
        await stop()
        raise
    system.clients = {n: service_client(s.url) for n, s in services.items()}
    return system, stop
