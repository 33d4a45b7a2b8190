"""SMS through a provider adapter, and the local provider that writes a spool instead of sending.

A real provider (a carrier gateway or a cloud SMS service) implements `SmsProvider`; the
spool provider appends one JSON line per message to ``<spool dir>/sms.jsonl`` for development and
tests, which read what "arrived" there (`read_spool`): the spool is the phone of every mobile
number, so a test or the demo reads a confirmation code there as its person reads it on a phone.
Production refuses the spool (see the settings).
"""

from __future__ import annotations

import asyncio
import json
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from sme_kit.clock import Clock
from sme_notifications.domain.channels import FailureKind, OutgoingMessage, SendFailed

SPOOL_FILE = "sms.jsonl"
_CODE = re.compile(r"验证码[：:]\s*([0-9]{6})")


@dataclass(frozen=True)
class SpooledSms:
    message_id: str
    mobile: str
    text: str
    spooled_at: str


def read_spool(spool_dir: Path) -> list[SpooledSms]:
    """Every SMS the spool provider wrote into ``spool_dir``, oldest first (none before the first)."""
    path = spool_dir / SPOOL_FILE
    if not path.exists():
        return []
    # Whole lines only: the service may be writing the last one right now.
    lines = path.read_text(encoding="utf-8").split("\n")[:-1]
    return [SpooledSms(**json.loads(line)) for line in lines if line.strip()]


def confirmation_code_in(text: str) -> str | None:
    """The one-time code a confirmation message (SMS or e-mail body) carries, as its reader finds it."""
    found = _CODE.search(text)
    return found[1] if found else None


class SmsProvider(Protocol):
    """Hands one text to an SMS provider, or raises `SendFailed`."""

    async def send(self, *, message_id: str, mobile: str, text: str) -> None: ...


class SpoolSmsProvider:
    """Writes each SMS as a JSON line to a spool file (development and tests only)."""

    def __init__(self, spool_dir: Path, clock: Clock) -> None:
        self.path = spool_dir / SPOOL_FILE
        self._clock = clock
        self._lock = threading.Lock()

    async def send(self, *, message_id: str, mobile: str, text: str) -> None:
        line = json.dumps(
            {"message_id": message_id, "mobile": mobile, "text": text, "spooled_at": self._clock.now().isoformat()},
            ensure_ascii=False,
        )
        try:
            await asyncio.to_thread(self._append, line)
        except OSError as exc:
            raise SendFailed(FailureKind.UNREACHABLE, f"SMS spool not writable: {type(exc).__name__}") from exc

    def _append(self, line: str) -> None:
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as spool:
                spool.write(line + "\n")


class SmsSender:
    """The SMS channel: the rendered body goes to the provider as the text."""

    def __init__(self, provider: SmsProvider) -> None:
        self._provider = provider

    async def send(self, message: OutgoingMessage) -> None:
        await self._provider.send(message_id=message.delivery_id, mobile=message.address, text=message.body)
