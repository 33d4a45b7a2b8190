"""Structured JSON logs that never print personal data (PIPL; docs/architecture.md, "Personal data").

`configure_logging(service)` sends every record — uvicorn's included — to stderr as one JSON
object per line. Before formatting, `RedactingFilter` removes personal data:

* by key: values under keys in `PERSONAL_DATA_KEYS` (exact or as a `_suffix`, any case) become
  "[redacted]", in `extra` fields, dict/list log arguments and `key=value` / `"key": "value"`
  pairs inside free text;
* by shape, in every text (message, extra values, exception text): mobile numbers
  (138****5678), landlines with an area code (020-****5678), resident ID numbers
  (4401**********123X), e-mail addresses (***@example.com) and bearer tokens (JWTs).

The ID-number rule, chosen so USCCs (统一社会信用代码, public data) are left alone: 18
characters, not touching other letters or digits, = a province digit 1-8, five more digits, a
birth date YYYYMMDD with YYYY 1900 up to this year that exists in the calendar, three digits and
a final digit or X. USCCs start with a registration-authority character (mostly 9, 1 or 5),
their characters 7-8 end a county division code, and nearly all contain letters, so they fail
this rule; an all-digit USCC whose characters 7-14 happen to spell a real date would be masked,
which errs on the safe side. Old 15-digit ID numbers are not recognised.

Names cannot be recognised in free text; they are redacted only under a personal-data key.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import re
import sys
from collections.abc import Mapping
from datetime import date, datetime, timedelta, timezone
from typing import Any, TextIO

from opentelemetry import trace

__all__ = [
    "PERSONAL_DATA_KEYS",
    "PUBLIC_NAME_KEYS",
    "REDACTED",
    "JsonFormatter",
    "RedactingFilter",
    "StripQueryStringFilter",
    "configure_logging",
    "is_personal_key",
    "redact_text",
    "redact_value",
]

REDACTED = "[redacted]"

# Keys whose values are personal data. Matched case-insensitively, exactly or as a suffix after
# an underscore: "phone" also covers "staff_phone", "contact_phone", "Mobile".
PERSONAL_DATA_KEYS: frozenset[str] = frozenset(
    {
        "name",
        "real_name",
        "contact_name",
        "contact",
        "legal_representative",
        "phone",
        "mobile",
        "telephone",
        "tel",
        "id_number",
        "id_card",
        "id_no",
        "email",
        "address_detail",
        "birth_date",
        "bank_account",
        "password",
        "authorization",
    }
)

# "*_name" keys that name organisations or things, not people: the public register shows them.
PUBLIC_NAME_KEYS: frozenset[str] = frozenset(
    {
        "station_name",
        "org_name",
        "organisation_name",
        "organization_name",
        "company_name",
        "enterprise_name",
        "entity_name",
        "district_name",
        "service_name",
        "activity_name",
        "theme_name",
        "round_name",
        "event_name",
        "topic_name",
        "template_name",
        "file_name",
        "host_name",
        "logger_name",
        "table_name",
        "type_name",
    }
)

# Shanghai has kept UTC+8 without daylight saving since 1991; a fixed offset needs no tzdata.
_SHANGHAI = timezone(timedelta(hours=8), "Asia/Shanghai")

# Personal numbers are only recognised as whole tokens, so they are never cut out of a USCC,
# an order number or a hex id.
_NOT_ALNUM_BEFORE = r"(?<![0-9A-Za-z])"
_NOT_ALNUM_AFTER = r"(?![0-9A-Za-z])"

_ID_NUMBER = re.compile(
    _NOT_ALNUM_BEFORE + r"([1-8]\d{3})(\d{2})(\d{4})(\d{2})(\d{2})(\d{2}[0-9])([0-9Xx])" + _NOT_ALNUM_AFTER
)
_MOBILE = re.compile(_NOT_ALNUM_BEFORE + r"(?:\+?86[- ]?)?(1[3-9]\d)[- ]?(\d{4})[- ]?(\d{4})" + _NOT_ALNUM_AFTER)
_LANDLINE = re.compile(_NOT_ALNUM_BEFORE + r"(\(0\d{2,3}\)\s?|0\d{2,3}[- ])(\d{3,4})[- ]?(\d{4})" + _NOT_ALNUM_AFTER)
# Bearer tokens are credentials, and their payload names the person.
_JWT = re.compile(r"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})")
# key=value, key: value, "key": "value", key='value' — as in query strings, reprs and JSON.
_KEY_VALUE = re.compile(
    r"(?<![A-Za-z0-9_])(?P<key>[A-Za-z_][A-Za-z0-9_]*)(?P<sep>['\"]?\s*[:=]\s*)"
    r"(?P<value>'[^']*'|\"[^\"]*\"|[^\s,;&'\"(){}\[\]<>]+)"
)
# uvicorn access lines: '127.0.0.1:5000 - "GET /path?query HTTP/1.1" 200'.
_REQUEST_LINE_QUERY = re.compile(r"(\"[A-Z]+ [^\s?\"]*)\?[^\s\"]*")


def is_personal_key(key: str) -> bool:
    """True when values under `key` are personal data and must not be logged."""
    lowered = key.lower()
    if lowered in PUBLIC_NAME_KEYS:
        return False
    return any(lowered == k or lowered.endswith("_" + k) for k in PERSONAL_DATA_KEYS)


def redact_text(text: str) -> str:
    """Mask personal numbers and addresses in free text and redact personal `key=value` pairs."""
    text = _JWT.sub(REDACTED, text)
    # E-mail first: a mobile number is a common local part ("13812345678@163.com").
    text = _EMAIL.sub(lambda m: f"***@{m[1]}", text)
    text = _ID_NUMBER.sub(_mask_id_number, text)
    text = _MOBILE.sub(lambda m: f"{m[1]}****{m[3]}", text)
    text = _LANDLINE.sub(lambda m: f"{m[1]}****{m[3]}", text)
    return _KEY_VALUE.sub(_redact_pair, text)


def _mask_id_number(match: re.Match[str]) -> str:
    number = match[0]
    try:
        birth = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return number
    if not 1900 <= birth.year <= date.today().year:
        return number
    return number[:4] + "*" * 10 + number[-4:]


def _redact_pair(match: re.Match[str]) -> str:
    if not is_personal_key(match["key"]):
        return match[0]
    value = match["value"]
    quote = value[0] if value[0] in "'\"" else ""
    return f"{match['key']}{match['sep']}{quote}{REDACTED}{quote}"


def redact_value(value: Any, key: str | None = None) -> Any:
    """A copy of `value` safe to log: personal keys redacted at any depth, texts masked."""
    if key is not None and is_personal_key(key):
        return REDACTED
    if isinstance(value, str):
        return redact_text(value)
    if value is None or isinstance(value, bool | float):
        return value
    if isinstance(value, int):
        masked = redact_text(str(value))
        return value if masked == str(value) else masked
    if isinstance(value, Mapping):
        return {k: redact_value(v, str(k)) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [redact_value(item) for item in value]
    return redact_value(_plain(value))


def _plain(value: Any) -> Any:
    # Models and dataclasses become dicts so their personal fields are caught by key.
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    return str(value)


# Attributes every LogRecord has; anything else on a record came from `extra=`.
_RECORD_ATTRS = frozenset(logging.makeLogRecord({}).__dict__) | {"message", "asctime", "taskName", "color_message"}


def _extra_keys(record: logging.LogRecord) -> list[str]:
    return [key for key in record.__dict__ if key not in _RECORD_ATTRS]


def _render(record: logging.LogRecord) -> str:
    # Containers among the arguments are redacted by key before they are rendered into text;
    # scalars stay as they are so "%d" still formats, and the text is masked afterwards.
    args = record.args
    if isinstance(args, Mapping):
        args = redact_value(args)
    elif isinstance(args, tuple):
        args = tuple(arg if _is_scalar(arg) else redact_value(arg) for arg in args)
    try:
        return str(record.msg) % args if args else str(record.msg)
    except (TypeError, ValueError, KeyError):
        # A broken format string must not turn a log call into a crash.
        return f"{record.msg} {args!r}"


def _is_scalar(value: Any) -> bool:
    return value is None or isinstance(value, str | int | float | bool)


class RedactingFilter(logging.Filter):
    """Removes personal data from a record in place: message, arguments, extras, exception text.

    Attach it to a handler (handler filters also see records propagated from child loggers).
    """

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact_text(_render(record))
        record.args = None
        for key in _extra_keys(record):
            setattr(record, key, redact_value(getattr(record, key), key))
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact_text(record.exc_text)
        if record.stack_info:
            record.stack_info = redact_text(record.stack_info)
        return True


class StripQueryStringFilter(logging.Filter):
    """Drops query strings from uvicorn access lines: they can carry personal data."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name == "uvicorn.access":
            record.msg = _REQUEST_LINE_QUERY.sub(r"\1", record.getMessage())
            record.args = None
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time, level, service, logger, message, trace ids, extras."""

    def __init__(self, service: str) -> None:
        super().__init__()
        self.service = service

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, _SHANGHAI).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "service": self.service,
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update(_trace_ids())
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["exception"] = record.exc_text
        if record.stack_info:
            entry["stack"] = record.stack_info
        for key in _extra_keys(record):
            # An extra may not overwrite the fields every log consumer relies on.
            entry[key if key not in entry else f"extra_{key}"] = getattr(record, key)
        return json.dumps(entry, ensure_ascii=False, default=str)


def _trace_ids() -> dict[str, str]:
    context = trace.get_current_span().get_span_context()
    if not context.is_valid:
        return {}
    return {"trace_id": format(context.trace_id, "032x"), "span_id": format(context.span_id, "016x")}


_HANDLER_MARK = "_sme_kit_json_handler"
_UVICORN_LOGGERS = ("uvicorn", "uvicorn.error", "uvicorn.access")
# Libraries that print whole Kafka records at DEBUG: event values may carry a one-time code or the
# address it goes to, which no redaction by shape can tell apart. They log from INFO up, always.
_RECORD_PRINTING_LOGGERS = ("aiokafka",)
# Libraries that narrate routine work at INFO: fontTools prints a dozen lines for every PDF a
# service makes (the font subset of `sme_kit.documents`). They log from WARNING up.
_CHATTY_LOGGERS = ("fontTools",)


def configure_logging(service: str, level: str = "INFO", *, stream: TextIO | None = None) -> None:
    """Route all logging, uvicorn's included, through one redacting JSON handler on stderr.

    Call it from the service's entry point or lifespan; calling it again replaces the handler.
    Handlers of other kinds on the root logger (pytest's capture, for one) are left in place,
    except plain StreamHandlers such as `logging.basicConfig` installs, which would print twice.
    """
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter(service))
    handler.addFilter(StripQueryStringFilter())
    handler.addFilter(RedactingFilter())
    setattr(handler, _HANDLER_MARK, True)

    root = logging.getLogger()
    for old in list(root.handlers):
        if getattr(old, _HANDLER_MARK, False) or type(old) is logging.StreamHandler:
            root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level.upper())
    for name in _RECORD_PRINTING_LOGGERS:
        logging.getLogger(name).setLevel(max(logging.INFO, root.level))
    for name in _CHATTY_LOGGERS:
        logging.getLogger(name).setLevel(max(logging.WARNING, root.level))

    for name in _UVICORN_LOGGERS:
        # uvicorn's default config gives these their own handlers and stops propagation.
        uvicorn_logger = logging.getLogger(name)
        uvicorn_logger.handlers.clear()
        uvicorn_logger.propagate = True
        uvicorn_logger.setLevel(logging.NOTSET)
