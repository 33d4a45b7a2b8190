"""The demo's way into the running system: one HTTP client per service, development tokens for
every role (signed with AUTH_DEV_SECRET, as `make token` does), and waiting on what the
services show."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import httpx

from sme_kit.auth import mint_dev_token
from sme_kit.http_client import service_client_sync
from sme_kit.vocabulary import SHANGHAI
from sme_notifications.adapters.sms import confirmation_code_in, read_spool

SERVICES = ("registry", "review", "activities", "assessment", "notifications")
T = TypeVar("T")
# Where `make run`'s notifications service spools the SMS it "sends" (its SMS_SPOOL_DIR default).
SMS_SPOOL = Path(__file__).resolve().parents[1] / ".local" / "run" / "sms-spool"


class DemoError(RuntimeError):
    """The system refused a step, or did not show what the demo waited for."""


class Api:
    """The five services at their URLs, called with the token of whoever takes the step."""

    def __init__(self, urls: dict[str, str], secret: str, sms_spool: Path | None = None) -> None:
        self.urls = urls
        self._secret = secret
        self._clients = {name: service_client_sync(url) for name, url in urls.items()}
        self.sms_spool = sms_spool or Path(os.environ.get("SMS_SPOOL_DIR", SMS_SPOOL))

    def close(self) -> None:
        for client in self._clients.values():
            client.close()

    # --- who ------------------------------------------------------------------------------

    def auth(self, role: str, **claims: str) -> dict[str, str]:
        token = mint_dev_token(self._secret, role=role, ttl=timedelta(hours=1), **claims)
        return {"Authorization": f"Bearer {token}"}

    @property
    def bureau(self) -> dict[str, str]:
        return self.auth("bureau_admin", subject="bureau-chen", name="陈卫东")

    @property
    def head_station(self) -> dict[str, str]:
        return self.auth("head_station_staff", subject="hs-liang", name="梁嘉颖")

    def district(self, code: str) -> dict[str, str]:
        return self.auth("district_officer", district=code, subject=f"district-{code}")

    def operator(self, uscc: str, station_id: str | None = None) -> dict[str, str]:
        claims = {"org": uscc, "subject": f"operator-{uscc}"}
        if station_id:
            claims["station_id"] = station_id
        return self.auth("station_operator", **claims)

    def expert(self, expert_id: str) -> dict[str, str]:
        return self.auth("expert", subject=expert_id)

    # --- calls ----------------------------------------------------------------------------

    def request(self, service: str, method: str, path: str, *, expect: tuple[int, ...] = (200, 201), **kw: Any) -> Any:
        """Call a service; returns the JSON answer, or raises DemoError with the service's problem detail."""
        try:
            answer = self._clients[service].request(method, path, **kw)
        except httpx.HTTPError as exc:
            raise DemoError(f"{service} ({self.urls[service]}) does not answer: {exc}") from exc
        if answer.status_code not in expect:
            raise DemoError(f"{service} {method} {path} → {answer.status_code}: {answer.text[:600]}")
        return answer.json() if answer.content else None

    def get(self, service: str, path: str, **kw: Any) -> Any:
        return self.request(service, "GET", path, **kw)

    def post(self, service: str, path: str, **kw: Any) -> Any:
        return self.request(service, "POST", path, **kw)

    def put(self, service: str, path: str, **kw: Any) -> Any:
        return self.request(service, "PUT", path, **kw)

    def status(self, service: str, method: str, path: str, **kw: Any) -> int:
        return self._clients[service].request(method, path, **kw).status_code

    def wait(self, probe: Callable[[], T | None], what: str, timeout: float = 60.0) -> T:
        """Poll until ``probe`` shows the expected state (the services work through Kafka, asynchronously)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = probe()
            if found:
                return found
            time.sleep(0.2)
        raise DemoError(f"waited {timeout:.0f}s for {what}; see .local/run/*.log")

    # --- a phone ---------------------------------------------------------------------------

    def texts_so_far(self) -> int:
        """How many SMS the development SMS spool holds (mark it before a form, read codes after it)."""
        return len(read_spool(self.sms_spool))

    def code_texted_to(self, mobile: str, mentioning: str, *, after: int) -> str:
        """The one-time code in the first SMS to ``mobile`` after the ``after``-th that mentions
        ``mentioning``: read on the phone, as its owner reads it."""

        def arrived() -> str | None:
            for sms in read_spool(self.sms_spool)[after:]:
                code = confirmation_code_in(sms.text)
                if sms.mobile == mobile and mentioning in sms.text and code:
                    return code
            return None

        return self.wait(arrived, f"an SMS with a code to {mobile} in {self.sms_spool}")

    # --- the system as a whole ------------------------------------------------------------

    def check_up(self) -> None:
        """Every service answers its health check (`make run` is up)."""
        for name in SERVICES:
            try:
                self._clients[name].get("/healthz").raise_for_status()
            except httpx.HTTPError as exc:
                raise DemoError(
                    f"{name} does not answer at {self.urls[name]} ({exc}); start the services first: make run"
                ) from exc

    def movable_clocks(self) -> bool:
        """True when the services run with TESTING_CLOCK (then the demo may let time pass)."""
        return all(self._clients[n].get("/_testing/clock").status_code == 200 for n in SERVICES)

    def now(self) -> datetime:
        """The system's time: the wall clock, or the services' clock when it is movable."""
        answer = self._clients["registry"].get("/_testing/clock")
        if answer.status_code == 200:
            return datetime.fromisoformat(answer.json()["now"]).astimezone(SHANGHAI)
        return datetime.now(SHANGHAI)

    def today(self) -> date:
        return self.now().date()

    def move_clocks_to(self, moment: datetime) -> None:
        for name in SERVICES:
            self.post(name, "/_testing/clock", json={"to": moment.isoformat()})
