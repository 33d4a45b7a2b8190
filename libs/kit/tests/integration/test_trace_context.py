"""One trace from the request that commits an event, through the outbox and Kafka, into the consumer."""

from __future__ import annotations

import pytest
from faststream.kafka import KafkaBroker
from opentelemetry import trace
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from sme_contracts.envelope import CloudEvent
from sme_contracts.registry import ApplicationSubmitted
from sme_kit.consumers import EventConsumer, EventHandlers
from sme_kit.outbox import OutboxRelay
from sme_kit.testing import wait_until
from sme_kit.tracing import add_span_processor, tracer
from sme_kit.uow import Actor, UnitOfWork

from .conftest import KitEnv
from .test_outbox import submitted

pytestmark = pytest.mark.integration


@pytest.mark.parametrize("kit_env", ["postgresql"], indirect=True)
async def test_the_consumer_continues_the_trace_of_the_transaction_that_wrote_the_event(kit_env: KitEnv) -> None:
    spans = InMemorySpanExporter()
    add_span_processor(SimpleSpanProcessor(spans))
    seen: list[int] = []
    handlers = EventHandlers("traced")

    @handlers.handles(ApplicationSubmitted)
    async def on_submitted(event: ApplicationSubmitted, envelope: CloudEvent, uow: UnitOfWork) -> None:
        seen.append(trace.get_current_span().get_span_context().trace_id)

    with tracer().start_as_current_span("POST /applications/{id}/submit") as request_span:
        async with kit_env.uow(Actor.system()) as uow:
            uow.publish(submitted("traced"))
            await uow.commit()
    await OutboxRelay(kit_env.engine, kit_env.producer, service="kittest").publish_batch()

    consumer = EventConsumer(handlers, kit_env.uow, kit_env.producer, kit_env.settings)
    broker = KafkaBroker(kit_env.settings.kafka_bootstrap_servers, logger=None)
    consumer.subscribe(broker)
    await broker.start()
    try:
        await wait_until(lambda: _ready(seen), what="the traced event")
    finally:
        await broker.stop()

    trace_id = request_span.get_span_context().trace_id
    assert seen == [trace_id]
    in_trace = [span for span in spans.get_finished_spans() if span.context.trace_id == trace_id]
    process = next(span for span in in_trace if span.name.endswith(" process"))
    # The relay passes the writer's trace context on unchanged: the consumer's span is its child.
    assert process.parent is not None
    assert process.parent.span_id == request_span.get_span_context().span_id
    assert process.kind is trace.SpanKind.CONSUMER


async def _ready(seen: list[int]) -> bool:
    return bool(seen)
