"""Idempotent event consumers on FastStream, with dead letters.

A service declares what it handles::

    handlers = EventHandlers("notifications")

    @handlers.handles(ApplicationSubmitted)
    async def on_application_submitted(event: ApplicationSubmitted, envelope: CloudEvent, uow: UnitOfWork) -> None:
        ...   # envelope.id identifies the event, envelope.time says when it happened

and the app factory subscribes once to every topic those events travel on. For each record:

- it is unwrapped from its CloudEvents envelope; a record that is not one, or whose data does not
  match its type, goes straight to the dead-letter topic (retrying cannot fix it);
- an event type the service does not handle is skipped (tolerant reader);
- a polled batch is handled in one unit of work: one statement claims every event id in
  ``kit_inbox`` (a redelivered event finds its claim and changes nothing), then the handlers run
  in record order;
- should a handler raise, that transaction is rolled back and the batch handled again with a
  savepoint per event (its claim and its handler together): the failing event is retried
  (``consumer_max_attempts``) and then dead-lettered with the error in the headers, so one bad
  event never blocks the partition, and the others are handled;
- when the database or the dead-letter topic cannot be reached, the batch is *not* acknowledged:
  FastStream seeks back and the records come again.

Offsets are committed (ack policy NACK_ON_ERROR, auto-commit off) only after every record of the
batch was handled and its transaction committed, or dead-lettered.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import inspect
import logging
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from aiokafka import AIOKafkaProducer, ConsumerRecord
from faststream import AckPolicy
from faststream.kafka import KafkaBroker
from faststream.kafka.annotations import KafkaMessage
from opentelemetry import trace
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from sme_contracts import Event
from sme_contracts.envelope import CloudEvent, EnvelopeError, unwrap
from sme_kit.logs import redact_text
from sme_kit.settings import ServiceSettings
from sme_kit.tables import inbox
from sme_kit.tracing import span_from_headers
from sme_kit.uow import Actor, UnitOfWork, UnitOfWorkFactory

log = logging.getLogger(__name__)

E = TypeVar("E", bound=Event)
Handler = Callable[[Any, CloudEvent, UnitOfWork], Awaitable[None]]
TypedHandler = Callable[[E, CloudEvent, UnitOfWork], Awaitable[None]]

# What became of one record.
HANDLED, DUPLICATE, SKIPPED = "handled", "duplicate", "skipped"

# Failures of the infrastructure, not of the event: the batch is redelivered instead.
INFRASTRUCTURE_ERRORS: tuple[type[BaseException], ...] = (
    OperationalError,
    InterfaceError,
    ConnectionError,
    OSError,
    TimeoutError,
)


def is_infrastructure_failure(error: BaseException) -> bool:
    """A failure of the database or network, not of the event: the batch is redelivered, not dead-lettered."""
    return isinstance(error, INFRASTRUCTURE_ERRORS) or (isinstance(error, DBAPIError) and error.connection_invalidated)


def _calling(use_case: Callable[..., Awaitable[Any]]) -> Handler:
    wants_envelope = "envelope" in inspect.signature(use_case).parameters

    async def handle(event: Any, envelope: CloudEvent, uow: UnitOfWork) -> None:
        if wants_envelope:
            await use_case(event=event, envelope=envelope, uow=uow)
        else:
            await use_case(event=event, uow=uow)

    # Named after the use case (a partial's function), so logs and the event map show what runs.
    named = use_case.func if isinstance(use_case, functools.partial) else use_case
    handle.__name__ = getattr(named, "__name__", "handle")
    handle.__qualname__ = getattr(named, "__qualname__", handle.__name__)
    handle.__module__ = getattr(named, "__module__", __name__)
    return handle


class EventHandlers:
    """The events one service consumes, and the function that handles each type."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._handlers: dict[str, tuple[type[Event], Handler]] = {}

    def handles(self, event_class: type[E]) -> Callable[[TypedHandler[E]], TypedHandler[E]]:
        """Register the handler of one event type (exactly one per type and service)."""

        def register(handler: TypedHandler[E]) -> TypedHandler[E]:
            if event_class.event_type in self._handlers:
                raise ValueError(f"{event_class.event_type} already has a handler in {self.name}")
            self._handlers[event_class.event_type] = (event_class, handler)
            return handler

        return register

    def route(self, routes: Mapping[type[Event], Callable[..., Awaitable[Any]]]) -> EventHandlers:
        """Declare the handlers as a table: each event type and the use case it runs.

        The use case is called with keyword arguments — ``event`` and ``uow``, and ``envelope``
        when it asks for it (to read the event's id or time) — so a consumer needs no wrapper.
        """
        for event_class, use_case in routes.items():
            self.handles(event_class)(_calling(use_case))
        return self

    def lookup(self, event_type: str) -> tuple[type[Event], Handler] | None:
        return self._handlers.get(event_type)

    def registered(self) -> dict[str, tuple[type[Event], Handler]]:
        """Every handled event type with its model and handler (the event map reads them)."""
        return dict(self._handlers)

    def topics(self) -> dict[str, int]:
        """Contract topic names (without prefix) and their partition counts."""
        return {model.topic.name: model.topic.partitions for model, _ in self._handlers.values()}

    def __bool__(self) -> bool:
        return bool(self._handlers)


@dataclass(frozen=True)
class _Ready:
    """A record whose event this service handles, decoded."""

    record: ConsumerRecord[Any, Any]
    envelope: CloudEvent
    event: Event
    handler: Handler


class _HandlerFailed(Exception):
    """A handler raised while the batch was handled together (the handler's error is the cause)."""


@dataclass(frozen=True)
class DeadLetter:
    record: ConsumerRecord[Any, Any]
    reason: str
    error: BaseException
    attempts: int


class EventConsumer:
    """Runs the handlers of one service over batches of Kafka records."""

    def __init__(
        self,
        handlers: EventHandlers,
        uow_factory: UnitOfWorkFactory[Any],
        producer: AIOKafkaProducer,
        settings: ServiceSettings,
    ) -> None:
        self._handlers = handlers
        self._uow = uow_factory
        self._producer = producer
        self._settings = settings
        self.consumer_name = f"{settings.service_name}.{handlers.name}"
        self.seen = 0  # records read
        self.processed = 0  # events handled and committed
        self.duplicates = 0  # events found in the inbox already
        self.dead_lettered = 0

    def subscribe(self, broker: KafkaBroker, *, max_records: int = 500) -> None:
        """Register the FastStream subscriber for every topic the handlers need."""
        topics = [self._settings.topic(name) for name in sorted(self._handlers.topics())]
        subscriber = broker.subscriber(
            *topics,
            group_id=self._settings.group_id,
            batch=True,
            max_records=max_records,
            # FastStream sleeps this long again after an empty poll: keep it short for latency.
            batch_timeout_ms=10,
            auto_offset_reset="earliest",
            ack_policy=AckPolicy.NACK_ON_ERROR,
            decoder=_raw_decoder,
            title=f"{self._settings.service_name} consumer",
        )
        subscriber(self._on_batch)

    async def _on_batch(self, message: KafkaMessage) -> None:
        records = message.raw_message if isinstance(message.raw_message, tuple) else (message.raw_message,)
        await self.process(records)

    async def process(self, records: Sequence[ConsumerRecord[Any, Any]]) -> None:
        """Handle a batch in order, in one transaction.

        First all together: one statement claims every event id in the inbox, then each handler
        runs. Should a handler fail, that transaction is rolled back and the batch is handled again
        with a savepoint per event, so that only the failing event is retried and dead-lettered.
        Raises only for infrastructure failures: then nothing of the batch is committed and it is
        delivered again. Dead letters leave after the commit.
        """
        items = [self._prepare(record) for record in records]
        try:
            outcomes = await self._handle_together(items)
        except _HandlerFailed as failed:
            log.info(
                "consumer %s: %s in a batch of %d; handling it event by event",
                self.consumer_name,
                type(failed.__cause__).__name__,
                len(records),
            )
            outcomes = await self._handle_one_by_one(items)
        self.seen += len(records)
        self.processed += outcomes.count(HANDLED)
        self.duplicates += outcomes.count(DUPLICATE)
        for letter in (outcome for outcome in outcomes if isinstance(outcome, DeadLetter)):
            await self._send_dead_letter(letter)
            self.dead_lettered += 1

    def _prepare(self, record: ConsumerRecord[Any, Any]) -> _Ready | DeadLetter | str:
        """The record's event and handler, or why it will not be handled (no database needed)."""
        try:
            envelope = unwrap(record.headers, record.value)
        except EnvelopeError as exc:
            return DeadLetter(record, "unparseable", exc, attempts=0)
        registered = self._handlers.lookup(envelope.type)
        if registered is None:
            return SKIPPED  # not for us: tolerant reader
        model, handler = registered
        try:
            event = model.model_validate_json(envelope.data)
        except ValueError as exc:
            return DeadLetter(record, "invalid-data", EnvelopeError(str(exc).splitlines()[0]), attempts=0)
        return _Ready(record, envelope, event, handler)

    async def _handle_together(self, items: Sequence[_Ready | DeadLetter | str]) -> list[str | DeadLetter]:
        """Every event of the batch in one transaction without savepoints; _HandlerFailed if one fails.

        Returns what became of each item, in order.
        """
        outcomes: list[str | DeadLetter] = []
        async with self._uow(Actor.system("consumer")) as uow:
            ready = [item.envelope for item in items if isinstance(item, _Ready)]
            unclaimed = await claim_all(uow, self.consumer_name, ready)
            for item in items:
                if not isinstance(item, _Ready):
                    outcomes.append(item)
                    continue
                if item.envelope.id not in unclaimed:
                    outcomes.append(DUPLICATE)  # processed before, or a second copy in this batch
                    continue
                unclaimed.discard(item.envelope.id)
                with self._span(item, uow):
                    try:
                        await item.handler(item.event, item.envelope, uow)
                    except Exception as exc:
                        if is_infrastructure_failure(exc):
                            raise
                        raise _HandlerFailed from exc
                outcomes.append(HANDLED)
            await uow.commit()
        return outcomes

    async def _handle_one_by_one(self, items: Sequence[_Ready | DeadLetter | str]) -> list[str | DeadLetter]:
        """Every event of the batch in one transaction, each in its own savepoint with retries.

        Returns what became of each item, in order.
        """
        outcomes: list[str | DeadLetter] = []
        async with self._uow(Actor.system("consumer")) as uow:
            for item in items:
                if not isinstance(item, _Ready):
                    outcomes.append(item)
                    continue
                with self._span(item, uow):
                    outcomes.append(await self._handle_with_retries(item, uow))
            await uow.commit()
        return outcomes

    @contextlib.contextmanager
    def _span(self, item: _Ready, uow: UnitOfWork) -> Iterator[None]:
        """The event's span (a child of the producer's trace) with the unit of work acting for it."""
        envelope = item.envelope
        attributes = {
            "messaging.system": "kafka",
            "cloudevents.event_type": envelope.type,
            "cloudevents.event_id": envelope.id,
        }
        with span_from_headers(f"{item.record.topic} process", envelope.trace, trace.SpanKind.CONSUMER, **attributes):
            uow.actor = Actor.system(f"event:{envelope.type}")
            yield

    async def _handle_with_retries(self, item: _Ready, uow: UnitOfWork) -> str | DeadLetter:
        envelope = item.envelope
        max_attempts = max(1, self._settings.consumer_max_attempts)
        for attempt in range(1, max_attempts + 1):
            try:
                async with uow.savepoint():
                    if not await claim(uow, self.consumer_name, envelope):
                        return DUPLICATE  # processed before: a redelivery changes nothing
                    await item.handler(item.event, envelope, uow)
                return HANDLED
            except Exception as exc:
                if is_infrastructure_failure(exc):
                    raise
                error = exc
            log.warning(
                "consumer %s: %s %s failed (attempt %d/%d): %s",
                self.consumer_name,
                envelope.type,
                envelope.id,
                attempt,
                max_attempts,
                type(error).__name__,
            )
            if attempt < max_attempts:
                await asyncio.sleep(self._settings.consumer_retry_backoff_s * 2 ** (attempt - 1))
        return DeadLetter(item.record, "handler-failed", error, attempts=max_attempts)

    async def _send_dead_letter(self, letter: DeadLetter) -> None:
        record = letter.record
        # Error texts can quote the data that failed: mask personal data before it travels on.
        error_text = redact_text(str(letter.error).replace("\n", " "))[:1000]
        headers = [
            *(record.headers or ()),
            ("dlq_reason", letter.reason.encode()),
            ("dlq_error_type", type(letter.error).__name__.encode()),
            ("dlq_error_message", error_text.encode()),
            ("dlq_attempts", str(letter.attempts).encode()),
            ("dlq_original_topic", record.topic.encode()),
            ("dlq_original_partition", str(record.partition).encode()),
            ("dlq_original_offset", str(record.offset).encode()),
            ("dlq_consumer", self.consumer_name.encode()),
            ("dlq_failed_at", datetime.now().astimezone().isoformat().encode()),
        ]
        async with asyncio.timeout(self._settings.kafka_request_timeout_s * 2):
            await self._producer.send_and_wait(
                self._settings.dead_letter_topic, record.value, key=record.key, headers=headers
            )
        log.error(
            "consumer %s: record %s/%d@%d dead-lettered (%s: %s)",
            self.consumer_name,
            record.topic,
            record.partition,
            record.offset,
            letter.reason,
            type(letter.error).__name__,
        )


_CLAIM = {
    "postgresql": pg_insert(inbox).on_conflict_do_nothing(),
    "sqlite": sqlite_insert(inbox).on_conflict_do_nothing(),
}


async def claim(uow: UnitOfWork, consumer: str, envelope: CloudEvent) -> bool:
    """Record the event as processed by this consumer, in the handler's transaction.

    Returns False when it was processed before. On PostgreSQL a concurrent duplicate waits for
    the first transaction and then finds the row.
    """
    values = {
        "consumer": consumer,
        "event_id": envelope.id,
        "event_type": envelope.type,
        "processed_at": uow.clock.now(),
    }
    result = await uow.session.execute(_CLAIM[uow.session.get_bind().dialect.name], values)
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def claim_all(uow: UnitOfWork, consumer: str, envelopes: Sequence[CloudEvent]) -> set[str]:
    """Claim many events in one statement; returns the ids not processed before (each once)."""
    if not envelopes:
        return set()
    now = uow.clock.now()
    rows: dict[str, dict[str, Any]] = {}
    for envelope in envelopes:
        rows.setdefault(
            envelope.id,
            {"consumer": consumer, "event_id": envelope.id, "event_type": envelope.type, "processed_at": now},
        )
    statement = _CLAIM[uow.session.get_bind().dialect.name].returning(inbox.c.event_id)
    result = await uow.session.execute(statement, list(rows.values()))
    return set(result.scalars())


async def _raw_decoder(message: Any) -> None:
    """The kit reads records itself (see EventConsumer.process): skip FastStream's JSON decoding."""
    return None
