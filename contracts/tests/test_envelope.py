"""CloudEvents binary mode: what `wrap` puts on a Kafka record, `unwrap` reads back."""

import re
from datetime import datetime, timedelta, timezone

import pytest

from sme_contracts.envelope import CloudEvent, EnvelopeError, header, unwrap, wrap
from sme_contracts.registry import ApplicationSubmitted

TIME = datetime(2026, 3, 2, 9, 30, 5, 123456, tzinfo=timezone(timedelta(hours=8)))
TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"


def record(submitted: ApplicationSubmitted, **trace: str) -> CloudEvent:
    return wrap(submitted, source="/gz-sme/registry", event_id="e-1", time=TIME, trace=trace)


def replace(headers: list[tuple[str, bytes]], name: str, value: bytes | None) -> list[tuple[str, bytes]]:
    """The headers with one of them changed, or left out when ``value`` is None."""
    kept = [(key, raw) for key, raw in headers if key != name]
    return kept if value is None else [*kept, (name, value)]


def test_wrap_then_unwrap_round_trips_attributes_key_and_data(submitted: ApplicationSubmitted) -> None:
    sent = record(submitted)

    received = unwrap(sent.headers(), sent.data)

    assert received == sent
    assert received.key == submitted.application_id.encode()
    assert received.type == "gz.sme.registry.application.submitted.v1"
    assert received.subject == submitted.application_id
    assert received.time == TIME


def test_wrap_writes_the_binary_mode_headers(submitted: ApplicationSubmitted) -> None:
    headers = dict(record(submitted).headers())

    assert headers == {
        "ce_specversion": b"1.0",
        "ce_id": b"e-1",
        "ce_source": b"/gz-sme/registry",
        "ce_type": b"gz.sme.registry.application.submitted.v1",
        "ce_time": TIME.isoformat().encode(),
        "ce_subject": submitted.application_id.encode(),
        "content-type": b"application/json",
    }


def test_decode_returns_an_equal_event(submitted: ApplicationSubmitted) -> None:
    sent = record(submitted)

    decoded = unwrap(sent.headers(), sent.data).decode()

    assert decoded == submitted
    assert type(decoded) is ApplicationSubmitted


def test_wrap_gives_each_event_its_own_id_and_a_time_when_none_is_given(submitted: ApplicationSubmitted) -> None:
    first, second = wrap(submitted, source="s"), wrap(submitted, source="s")

    assert first.id != second.id
    assert first.time.tzinfo is not None


@pytest.mark.parametrize("missing", ["ce_specversion", "ce_id", "ce_source", "ce_type"])
def test_unwrap_refuses_a_record_without_a_required_ce_header(submitted: ApplicationSubmitted, missing: str) -> None:
    sent = record(submitted)

    with pytest.raises(EnvelopeError, match=f"missing {missing}"):
        unwrap(replace(sent.headers(), missing, None), sent.data)


def test_unwrap_refuses_a_record_without_headers() -> None:
    with pytest.raises(EnvelopeError, match="not a CloudEvent"):
        unwrap(None, b"{}")


def test_unwrap_refuses_another_specversion(submitted: ApplicationSubmitted) -> None:
    sent = record(submitted)

    with pytest.raises(EnvelopeError, match=re.escape("specversion '0.3'")):
        unwrap(replace(sent.headers(), "ce_specversion", b"0.3"), sent.data)


def test_unwrap_refuses_a_ce_time_that_is_not_rfc3339(submitted: ApplicationSubmitted) -> None:
    sent = record(submitted)

    with pytest.raises(EnvelopeError, match="ce_time 'yesterday'"):
        unwrap(replace(sent.headers(), "ce_time", b"yesterday"), sent.data)


def test_unwrap_refuses_a_record_without_value(submitted: ApplicationSubmitted) -> None:
    with pytest.raises(EnvelopeError, match="no value"):
        unwrap(record(submitted).headers(), None)


def test_unwrap_refuses_a_header_that_is_not_utf8(submitted: ApplicationSubmitted) -> None:
    sent = record(submitted)

    with pytest.raises(EnvelopeError, match="UTF-8"):
        unwrap(replace(sent.headers(), "ce_source", b"\xff\xfe"), sent.data)


def test_decode_refuses_an_unknown_event_type(submitted: ApplicationSubmitted) -> None:
    sent = record(submitted)
    unknown = unwrap(replace(sent.headers(), "ce_type", b"gz.sme.registry.application.vanished.v1"), sent.data)

    with pytest.raises(EnvelopeError, match=re.escape("unknown event type 'gz.sme.registry.application.vanished.v1'")):
        unknown.decode()


@pytest.mark.parametrize(
    "data",
    [b'{"application_id": "a-1"}', b"not json", b'{"kind": "transfer"}'],
    ids=["missing-fields", "not-json", "bad-enum"],
)
def test_decode_refuses_invalid_data(submitted: ApplicationSubmitted, data: bytes) -> None:
    sent = record(submitted)

    with pytest.raises(EnvelopeError, match=re.escape("data of gz.sme.registry.application.submitted.v1 is invalid")):
        unwrap(sent.headers(), data).decode()


def test_decode_ignores_fields_it_does_not_know(submitted: ApplicationSubmitted) -> None:
    sent = record(submitted)
    data = sent.data.replace(b"{", b'{"added_later": 1, ', 1)

    assert unwrap(sent.headers(), data).decode() == submitted


def test_trace_headers_pass_through(submitted: ApplicationSubmitted) -> None:
    sent = record(submitted, traceparent=TRACEPARENT, tracestate="gz=1", baggage="user=1")

    received = unwrap(sent.headers(), sent.data)

    assert header(sent.headers(), "traceparent") == TRACEPARENT
    assert header(sent.headers(), "baggage") is None  # only W3C trace context travels
    assert received.trace == {"traceparent": TRACEPARENT, "tracestate": "gz=1"}


def test_header_reads_one_header_as_text() -> None:
    headers = [("ce_type", b"gz.sme.registry.application.submitted.v1")]

    assert header(headers, "ce_type") == "gz.sme.registry.application.submitted.v1"
    assert header(headers, "ce_id") is None
    assert header(None, "ce_id") is None
