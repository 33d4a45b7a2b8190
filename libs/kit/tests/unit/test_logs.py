"""JSON logs, and the rule that they never carry personal data."""

from __future__ import annotations

import io
import json
import logging
import logging.config
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from opentelemetry import trace
from pydantic import BaseModel
from uvicorn.config import LOGGING_CONFIG

from sme_kit.logs import (
    REDACTED,
    RedactingFilter,
    configure_logging,
    is_personal_key,
    redact_text,
    redact_value,
)

ReadLogs = Callable[[], list[dict[str, Any]]]
UVICORN = ("uvicorn", "uvicorn.error", "uvicorn.access", "aiokafka")


@pytest.fixture
def read_logs() -> Iterator[ReadLogs]:
    """Configure logging into a buffer; restore the previous logging setup afterwards."""
    root = logging.getLogger()
    saved_root = (list(root.handlers), root.level)
    saved_uvicorn = {name: _logger_state(logging.getLogger(name)) for name in UVICORN}
    buffer = io.StringIO()
    configure_logging("registry", "DEBUG", stream=buffer)

    yield lambda: [json.loads(line) for line in buffer.getvalue().splitlines()]

    root.handlers[:] = saved_root[0]
    root.setLevel(saved_root[1])
    for name, (handlers, propagate, level) in saved_uvicorn.items():
        logger = logging.getLogger(name)
        logger.handlers[:] = handlers
        logger.propagate = propagate
        logger.setLevel(level)


def _logger_state(logger: logging.Logger) -> tuple[list[logging.Handler], bool, int]:
    return list(logger.handlers), logger.propagate, logger.level


log = logging.getLogger("sme_registry.test")


def test_each_record_is_one_json_line_with_the_core_fields(read_logs: ReadLogs) -> None:
    log.info("application %s submitted", "app-1")

    [entry] = read_logs()
    assert entry["level"] == "INFO"
    assert entry["service"] == "registry"
    assert entry["logger"] == "sme_registry.test"
    assert entry["message"] == "application app-1 submitted"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+08:00", entry["time"])
    assert "trace_id" not in entry


def test_extra_fields_are_included(read_logs: ReadLogs) -> None:
    log.info("forwarded", extra={"application_id": "app-1", "district": "440106", "attempt": 2})

    [entry] = read_logs()
    assert (entry["application_id"], entry["district"], entry["attempt"]) == ("app-1", "440106", 2)


def test_extra_field_cannot_overwrite_a_core_field(read_logs: ReadLogs) -> None:
    log.info("hello", extra={"service": "spoofed"})

    [entry] = read_logs()
    assert entry["service"] == "registry"
    assert entry["extra_service"] == "spoofed"


def test_trace_and_span_ids_are_logged_inside_a_span(read_logs: ReadLogs) -> None:
    context = trace.SpanContext(
        trace_id=0x0AF7651916CD43DD8448EB211C80319C,
        span_id=0x00F067AA0BA902B7,
        is_remote=False,
        trace_flags=trace.TraceFlags(trace.TraceFlags.SAMPLED),
    )
    with trace.use_span(trace.NonRecordingSpan(context)):
        log.info("inside")

    [entry] = read_logs()
    assert entry["trace_id"] == "0af7651916cd43dd8448eb211c80319c"
    assert entry["span_id"] == "00f067aa0ba902b7"


def test_phone_number_in_message_is_masked(read_logs: ReadLogs) -> None:
    log.info("calling %s about the review", "13812345678")

    assert read_logs()[0]["message"] == "calling 138****5678 about the review"


def test_phone_number_in_extra_field_is_redacted(read_logs: ReadLogs) -> None:
    log.info("staff added", extra={"staff_phone": "13812345678", "note": "call +86 138-1234-5678 after 5pm"})

    [entry] = read_logs()
    assert entry["staff_phone"] == REDACTED
    assert entry["note"] == "call 138****5678 after 5pm"


def test_personal_keys_are_redacted_at_any_depth(read_logs: ReadLogs) -> None:
    application = {
        "station_name": "天河区服务站",
        "uscc": "91440106MA59B1234X",
        "staff": [{"name": "张三", "Mobile": "13912345678", "full_time": True}],
        "Legal_Representative": "李四",
    }
    log.info("received", extra={"application": application})

    [entry] = read_logs()
    assert entry["application"] == {
        "station_name": "天河区服务站",
        "uscc": "91440106MA59B1234X",
        "staff": [{"name": REDACTED, "Mobile": REDACTED, "full_time": True}],
        "Legal_Representative": REDACTED,
    }


def test_dict_argument_is_redacted_by_key_before_it_is_rendered(read_logs: ReadLogs) -> None:
    log.info("payload %s", {"contact_name": "王五", "round": 2026})

    message = read_logs()[0]["message"]
    assert "王五" not in message
    assert "2026" in message


def test_models_and_dataclasses_are_redacted_by_field(read_logs: ReadLogs) -> None:
    class Staff(BaseModel):
        real_name: str
        role: str

    @dataclass
    class Contact:
        email: str
        district: str

    log.info("objects", extra={"staff": Staff(real_name="赵六", role="专职"), "contact": Contact("a@b.cn", "440106")})
    log.info("as argument %s", Staff(real_name="赵六", role="专职"))

    entries = read_logs()
    assert entries[0]["staff"] == {"real_name": REDACTED, "role": "专职"}
    assert entries[0]["contact"] == REDACTED
    assert "赵六" not in entries[1]["message"]


def test_key_value_pairs_in_free_text_are_redacted(read_logs: ReadLogs) -> None:
    log.info("GET /search?contact_name=张三&page=2 and {'id_card': 'abc', 'station_name': '天河站'}")

    message = read_logs()[0]["message"]
    assert "张三" not in message
    assert "abc" not in message
    assert "page=2" in message
    assert "天河站" in message


def test_exception_text_is_redacted(read_logs: ReadLogs) -> None:
    try:
        raise ValueError("bad phone 13812345678 for applicant@example.com")
    except ValueError:
        log.exception("could not notify")

    [entry] = read_logs()
    assert entry["level"] == "ERROR"
    assert "ValueError" in entry["exception"]
    assert "13812345678" not in entry["exception"]
    assert "138****5678" in entry["exception"]
    assert "***@example.com" in entry["exception"]


def test_percent_formats_still_work_after_redaction(read_logs: ReadLogs) -> None:
    log.info("%d stations, %.1f%% promoted", 12, 87.5)

    assert read_logs()[0]["message"] == "12 stations, 87.5% promoted"


def test_broken_format_string_does_not_raise(read_logs: ReadLogs) -> None:
    log.info("one %s two %s", "x")

    assert "one %s two %s" in read_logs()[0]["message"]


def test_uvicorn_access_log_goes_through_the_formatter_without_query_string(read_logs: ReadLogs) -> None:
    # uvicorn configures its loggers when it starts; the service's setup must win afterwards.
    logging.config.dictConfig(LOGGING_CONFIG)
    buffer = io.StringIO()
    configure_logging("registry", "INFO", stream=buffer)

    logging.getLogger("uvicorn.access").info(
        '%s - "%s %s HTTP/%s" %d', "127.0.0.1:50000", "GET", "/stations?contact=张三&phone=13812345678", "1.1", 200
    )
    logging.getLogger("uvicorn.error").info("Application startup complete.")

    access, startup = [json.loads(line) for line in buffer.getvalue().splitlines()]
    assert access["logger"] == "uvicorn.access"
    assert access["message"] == '127.0.0.1:50000 - "GET /stations HTTP/1.1" 200'
    assert startup["service"] == "registry"


def test_configuring_twice_keeps_one_json_handler(read_logs: ReadLogs) -> None:
    configure_logging("registry", "INFO", stream=io.StringIO())
    buffer = io.StringIO()
    configure_logging("registry", "INFO", stream=buffer)

    log.info("once")

    assert len(buffer.getvalue().splitlines()) == 1
    assert read_logs() == []


def test_level_filters_records(read_logs: ReadLogs) -> None:
    buffer = io.StringIO()
    configure_logging("registry", "warning", stream=buffer)

    log.info("hidden")
    log.warning("shown")

    assert [json.loads(line)["message"] for line in buffer.getvalue().splitlines()] == ["shown"]


def test_kafka_records_are_never_printed_even_at_debug_level(read_logs: ReadLogs) -> None:
    # aiokafka prints each record it sends at DEBUG; an event may carry a one-time code.
    logging.getLogger("aiokafka.producer.sender").debug("Sending (key=%s value=%s)", b"k", b'{"code":"123456"}')
    logging.getLogger("aiokafka").info("connected")

    assert [entry["message"] for entry in read_logs()] == ["connected"]


def test_redacting_filter_works_with_any_handler() -> None:
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.setFormatter(logging.Formatter("%(message)s %(id_number)s"))
    handler.addFilter(RedactingFilter())
    standalone = logging.getLogger("sme_kit.tests.standalone")
    standalone.addHandler(handler)
    standalone.propagate = False
    try:
        standalone.warning("id 44010619900307123X", extra={"id_number": "44010619900307123X"})
    finally:
        standalone.removeHandler(handler)

    assert buffer.getvalue().strip() == f"id 4401**********123X {REDACTED}"


# --- the rules themselves -------------------------------------------------------------------


@pytest.mark.parametrize(
    "key", ["name", "Name", "staff_phone", "CONTACT_NAME", "legal_representative", "id_card", "email", "address_detail"]
)
def test_personal_keys_match_case_insensitively_and_as_suffixes(key: str) -> None:
    assert is_personal_key(key)


@pytest.mark.parametrize("key", ["station_name", "district_name", "uscc", "district", "phoneme_count", "username_hint"])
def test_keys_naming_organisations_or_other_things_are_not_personal(key: str) -> None:
    assert not is_personal_key(key)


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("13812345678", "138****5678"),
        ("手机13812345678。", "手机138****5678。"),
        ("+8619912345678", "199****5678"),
        ("020-12345678", "020-****5678"),
        ("(020)87654321", "(020)****4321"),
        ("44010619900307123X", "4401**********123X"),
        ("id 440106200012311234,", "id 4401**********1234,"),
        ("zhang.san+sme@example.com.cn", "***@example.com.cn"),
        ("13812345678@163.com", "***@163.com"),
        ("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", f"Bearer {REDACTED}"),
    ],
)
def test_personal_numbers_and_addresses_in_text_are_masked(text: str, masked: str) -> None:
    assert redact_text(text) == masked


@pytest.mark.parametrize(
    "uscc",
    [
        "91440106MA59B1234X",
        "91440101MA5CXXXX0X",
        "12440000455858341Q",
        "914401017083219745",  # all digits, but starts with 9: no province code
        "52440101MJL174219T",
    ],
)
def test_uscc_is_not_mistaken_for_an_id_number_or_phone(uscc: str) -> None:
    assert redact_text(f"station {uscc} registered") == f"station {uscc} registered"


@pytest.mark.parametrize(
    "number",
    [
        "440106199013071234",  # month 13
        "440106199002301234",  # 30 February
        "440106185001011234",  # born before 1900
        "4401061990030712345",  # 19 digits
    ],
)
def test_eighteen_digit_numbers_without_a_plausible_birth_date_are_kept(number: str) -> None:
    assert redact_text(number) == number


def test_numbers_inside_longer_identifiers_are_kept() -> None:
    text = "order A13812345678B trace 0af7651916cd43dd8448eb211c80319c count 2026"

    assert redact_text(text) == text


def test_redact_value_masks_numbers_and_keeps_other_scalars() -> None:
    assert redact_value({"ref": 13812345678, "count": 3, "ok": True, "ratio": 0.5, "none": None}) == {
        "ref": "138****5678",
        "count": 3,
        "ok": True,
        "ratio": 0.5,
        "none": None,
    }
