"""The app factory: one FastAPI app per service, with its Kafka subscribers, relay and timers.

A service's ``bootstrap.py`` describes itself as a `ServiceDefinition`; `create_app` wires the
rest the same way for every service. Connections open in the lifespan, never at import time.
FastStream's broker is started in FastAPI's lifespan (its FastAPI plugin is deprecated).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiokafka import AIOKafkaProducer
from fastapi import APIRouter, FastAPI
from faststream.kafka import KafkaBroker
from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor
from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor
from sqlalchemy.ext.asyncio import AsyncEngine

from sme_contracts import Topic, all_topics
from sme_kit.aio import stop_tasks
from sme_kit.asyncapi import service_document
from sme_kit.audit import audit_router
from sme_kit.auth import TokenVerifier
from sme_kit.calendar_admin import YearLoaded, calendar_router, load_calendar_file
from sme_kit.calendar_reminders import WorkingDayDeadlines, arm_reminders
from sme_kit.clock import Clock, MovableClock, SystemClock
from sme_kit.consumers import EventConsumer, EventHandlers
from sme_kit.db import create_engine, session_factory
from sme_kit.files import FileStore
from sme_kit.health import health_router, testing_clock_router
from sme_kit.http_documents import Printer
from sme_kit.kafka import ensure_topics, new_producer, stop_producer
from sme_kit.logs import configure_logging
from sme_kit.migrations import upgrade_async
from sme_kit.outbox import OutboxRelay
from sme_kit.problems import install_problem_handlers
from sme_kit.settings import ServiceSettings
from sme_kit.timers import TimerLoop, TimerRegistry
from sme_kit.tracing import configure_tracing
from sme_kit.uow import UnitOfWork, UnitOfWorkFactory

log = logging.getLogger(__name__)


@dataclass
class ServiceDefinition:
    """What makes a service itself; everything else is the same for all five."""

    settings: ServiceSettings
    title: str
    description: str
    routers: Sequence[APIRouter]
    migrations_dir: Path
    publishes: Sequence[Topic] = ()
    handlers: EventHandlers | None = None
    timers: TimerRegistry | None = None
    working_days: WorkingDayDeadlines | None = None
    on_start: Sequence[Callable[[Runtime], Awaitable[None]]] = ()
    # Loops the service runs besides the kit's (e.g. notifications' dispatcher): each is started
    # after ``on_start`` and stopped with the service.
    background: Sequence[Callable[[Runtime], Coroutine[Any, Any, None]]] = ()
    migrate_on_start: bool = True
    extra_state: dict[str, Any] = field(default_factory=dict)
    # The service's unit of work: the kit's, plus the service's repositories (``uow.applications``, …).
    unit_of_work: type[UnitOfWork] = UnitOfWork
    # Serves printable documents (PDF): start-up says when the font they need is missing.
    prints_documents: bool = False


@dataclass
class Runtime:
    """The live parts of a running service, kept on ``app.state.runtime``."""

    settings: ServiceSettings
    clock: Clock
    engine: AsyncEngine
    uow: UnitOfWorkFactory[Any]
    producer: AIOKafkaProducer
    broker: KafkaBroker
    relay: OutboxRelay
    timer_loop: TimerLoop | None
    consumer: EventConsumer | None
    files: FileStore
    on_year_loaded: YearLoaded | None = None
    tasks: list[asyncio.Task[None]] = field(default_factory=list)


def create_app(definition: ServiceDefinition) -> FastAPI:
    """The service's ASGI app: routes, problem+json, health, tracing, and the lifespan below."""
    settings = definition.settings
    configure_logging(settings.service_name, settings.log_level)
    configure_tracing(
        settings.service_name, otlp_endpoint=settings.otel_exporter_otlp_endpoint, spans_file=settings.otel_spans_file
    )

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        runtime = await start_runtime(definition)
        app.state.runtime = runtime
        if definition.prints_documents:
            app.state.printer.check()
        for hook in definition.on_start:
            await hook(runtime)
        for loop in definition.background:
            runtime.tasks.append(asyncio.create_task(loop(runtime), name=getattr(loop, "__name__", "background")))
        log.info("%s started", settings.service_name)
        try:
            yield
        finally:
            await stop_runtime(runtime)
            log.info("%s stopped", settings.service_name)

    app = FastAPI(title=definition.title, description=definition.description, lifespan=lifespan, version="1.0.0")
    app.state.settings = settings
    app.state.token_verifier = TokenVerifier(
        dev_secret=settings.auth_dev_secret,
        jwks_url=settings.auth_jwks_url,
        issuer=settings.auth_issuer,
        audience=settings.auth_audience,
    )
    app.state.printer = Printer(settings.document_fonts_dir)
    for key, value in definition.extra_state.items():
        setattr(app.state, key, value)
    install_problem_handlers(app)
    app.include_router(health_router)
    app.include_router(audit_router)
    app.include_router(calendar_router)
    if settings.testing_clock:
        app.include_router(testing_clock_router)
    for router in definition.routers:
        app.include_router(router)
    consumed = sorted(definition.handlers.topics()) if definition.handlers else []

    @app.get(
        "/asyncapi.json",
        tags=["运维 Operations"],
        summary="AsyncAPI document of the events this service publishes and consumes",
    )
    async def asyncapi() -> dict[str, Any]:
        return service_document(settings.service_name, consumed)

    FastAPIInstrumentor.instrument_app(app, excluded_urls="healthz,readyz")
    return app


async def start_runtime(definition: ServiceDefinition) -> Runtime:
    """Open the database and Kafka clients and start the background loops."""
    settings = definition.settings
    clock: Clock = SystemClock()
    if settings.testing_clock:
        start = settings.testing_clock_start
        clock = MovableClock.starting_at(start) if start is not None else MovableClock()
    if definition.migrate_on_start:
        await upgrade_async(definition.migrations_dir, settings.database_url)
    engine = create_engine(settings.database_url)
    # The instrumentation declares SQLAlchemy < 2.1 and would refuse 2.1 silently; its engine
    # events work unchanged on 2.1 (checked: each statement becomes a span of the request).
    SQLAlchemyInstrumentor().instrument(engine=engine.sync_engine, skip_dep_check=True)
    uow = UnitOfWorkFactory(session_factory(engine), settings, clock, definition.unit_of_work)
    working_days = definition.working_days
    on_year_loaded = working_days.on_year_loaded if working_days else None
    if settings.workday_calendar_file:
        await load_calendar_file(uow, Path(settings.workday_calendar_file), on_loaded=on_year_loaded)

    topics = {settings.topic(t.name): t.partitions for t in definition.publishes}
    if definition.handlers:
        topics.update({settings.topic(name): partitions for name, partitions in definition.handlers.topics().items()})
        topics[settings.dead_letter_topic] = 1
    declared = {t.name: t.broker_configs() for t in all_topics()}
    configs = {settings.topic(name): declared[name] for name in declared if declared[name]}
    await _bounded(ensure_topics(settings, topics.items(), configs), settings, "create topics")

    producer = new_producer(settings)
    await _bounded(producer.start(), settings, "start the producer")
    relay = OutboxRelay(
        engine,
        producer,
        service=settings.service_name,
        batch_size=settings.relay_batch_size,
        poll_interval_s=settings.relay_poll_interval_s,
    )
    uow.on_events_committed.append(relay.wake)

    broker = KafkaBroker(settings.kafka_bootstrap_servers, client_id=f"sme-{settings.service_name}", logger=None)
    consumer = None
    if definition.handlers:
        consumer = EventConsumer(definition.handlers, uow, producer, settings)
        consumer.subscribe(broker)
    await _bounded(broker.start(), settings, "start the consumers")

    timers = TimerRegistry.merged(
        definition.timers, working_days.timers(settings.service_name) if working_days else None
    )
    timer_loop = None
    if timers:
        timer_loop = TimerLoop(timers, uow, poll_interval_s=settings.timer_poll_interval_s)
        uow.on_timers_scheduled.append(timer_loop.wake)
    if working_days:
        await arm_reminders(uow)

    files = FileStore(Path(settings.files_dir) / settings.service_name)
    runtime = Runtime(
        settings, clock, engine, uow, producer, broker, relay, timer_loop, consumer, files, on_year_loaded
    )
    runtime.tasks.append(asyncio.create_task(relay.run(), name="outbox-relay"))
    if timer_loop is not None:
        runtime.tasks.append(asyncio.create_task(timer_loop.run(), name="timers"))
    return runtime


async def stop_runtime(runtime: Runtime) -> None:
    """Stop consuming first, then the loops, then the clients; never hang on a dead broker."""
    with contextlib.suppress(Exception):
        async with asyncio.timeout(15):
            await runtime.broker.stop()
    await stop_tasks(runtime.tasks)
    await stop_producer(runtime.producer)
    await runtime.engine.dispose()


async def _bounded(step: Awaitable[Any], settings: ServiceSettings, what: str) -> None:
    try:
        async with asyncio.timeout(settings.kafka_request_timeout_s * 3):
            await step
    except TimeoutError as exc:
        raise RuntimeError(f"could not {what}: Kafka at {settings.kafka_bootstrap_servers} did not answer") from exc
