"""CloudEvents 1.0 in the Kafka protocol binding, binary content mode.

Attributes travel as ``ce_*`` headers, the event data is the JSON message value, and the Kafka
key is the aggregate id (``ce_subject``) so that one aggregate's events stay ordered. W3C trace
context travels in the ``traceparent`` and ``tracestate`` headers.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from pydantic import ValidationError

from sme_contracts.base import Event, event_class

SPEC_VERSION = "1.0"
CONTENT_TYPE = "application/json"
TRACE_HEADERS = ("traceparent", "tracestate")

Headers = list[tuple[str, bytes]]


class EnvelopeError(ValueError):
    """A Kafka record that is not a well-formed CloudEvent of this system."""


@dataclass(frozen=True)
class CloudEvent:
    """A received or outgoing event: CloudEvents attributes plus the raw JSON data."""

    id: str
    source: str
    type: str
    time: datetime
    subject: str
    data: bytes
    trace: dict[str, str] = field(default_factory=dict)

    def headers(self) -> Headers:
        """Kafka headers in binary mode."""
        headers: Headers = [
            ("ce_specversion", SPEC_VERSION.encode()),
            ("ce_id", self.id.encode()),
            ("ce_source", self.source.encode()),
            ("ce_type", self.type.encode()),
            ("ce_time", self.time.isoformat().encode()),
            ("ce_subject", self.subject.encode()),
            ("content-type", CONTENT_TYPE.encode()),
        ]
        headers.extend((name, value.encode()) for name, value in self.trace.items() if name in TRACE_HEADERS)
        return headers

    @property
    def key(self) -> bytes:
        return self.subject.encode()

    def decode(self) -> Event:
        """The typed event; raises EnvelopeError for an unknown type or invalid data."""
        model = event_class(self.type)
        if model is None:
            raise EnvelopeError(f"unknown event type {self.type!r}")
        try:
            return model.model_validate_json(self.data)
        except ValidationError as exc:
            raise EnvelopeError(
                f"data of {self.type} is invalid: {exc.error_count()} error(s): {exc.errors()[0]['msg']}"
            ) from exc


def wrap(
    event: Event,
    *,
    source: str,
    event_id: str | None = None,
    time: datetime | None = None,
    trace: dict[str, str] | None = None,
) -> CloudEvent:
    """Put an event in its envelope, ready for the outbox or the producer."""
    return CloudEvent(
        id=event_id or str(uuid.uuid4()),
        source=source,
        type=event.event_type,
        time=time or datetime.now(UTC),
        subject=event.subject,
        data=event.model_dump_json().encode(),
        trace=dict(trace or {}),
    )


def unwrap(headers: Iterable[tuple[str, bytes]] | None, value: bytes | None) -> CloudEvent:
    """Read a Kafka record in binary mode; raises EnvelopeError when it is not one of ours."""
    found: dict[str, str] = {}
    try:
        for name, raw in headers or ():
            found[name] = raw.decode() if isinstance(raw, bytes | bytearray) else str(raw)
    except UnicodeDecodeError as exc:
        raise EnvelopeError("a header is not UTF-8") from exc
    missing = [name for name in ("ce_specversion", "ce_id", "ce_source", "ce_type") if not found.get(name)]
    if missing:
        raise EnvelopeError(f"not a CloudEvent in binary mode: missing {', '.join(missing)}")
    if found["ce_specversion"] != SPEC_VERSION:
        raise EnvelopeError(f"unsupported CloudEvents specversion {found['ce_specversion']!r}")
    if value is None:
        raise EnvelopeError("the record has no value")
    try:
        time = datetime.fromisoformat(found["ce_time"]) if found.get("ce_time") else datetime.now(UTC)
    except ValueError as exc:
        raise EnvelopeError(f"ce_time {found['ce_time']!r} is not an RFC 3339 time") from exc
    return CloudEvent(
        id=found["ce_id"],
        source=found["ce_source"],
        type=found["ce_type"],
        time=time,
        subject=found.get("ce_subject", ""),
        data=bytes(value),
        trace={name: found[name] for name in TRACE_HEADERS if name in found},
    )


def header(headers: Sequence[tuple[str, bytes]] | None, name: str) -> str | None:
    """One header's value as text, or None."""
    for key, raw in headers or ():
        if key == name:
            return raw.decode(errors="replace")
    return None
