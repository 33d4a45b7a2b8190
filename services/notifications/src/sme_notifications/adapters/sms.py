"""SMS through a provider adapter, and the local provider that writes a spool instead of sending.

A real provider (a carrier gateway or a cloud SMS service) implements `SmsProvider`; the
spool provider appends one JSON line per message to ``<spool dir>/sms.jsonl`` for development and
tests, which read what "arrived" there.
"""

from __future__ import annotations

import asyncio
import json
import threading
from pathlib import Path
from typing import Protocol

from sme_kit.clock import Clock
from sme_notifications.domain.channels import FailureKind, OutgoingMessage, SendFailed

SPOOL_FILE = "sms.jsonl"


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
