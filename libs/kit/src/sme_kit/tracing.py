"""OpenTelemetry tracing: provider set-up and trace context carried through the outbox and Kafka."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from opentelemetry import context as otel_context
from opentelemetry import propagate, trace
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import SpanProcessor, TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, ConsoleSpanExporter, SimpleSpanProcessor


def configure_tracing(
    service: str, *, otlp_endpoint: str | None = None, spans_file: str | None = None
) -> TracerProvider:
    """Install the SDK tracer provider (once per process); exports over OTLP when an endpoint is set,
    and as JSON lines to ``spans_file`` when one is given."""
    current = trace.get_tracer_provider()
    if isinstance(current, TracerProvider):
        return current
    provider = TracerProvider(resource=Resource.create({"service.name": f"sme-{service}"}))
    if spans_file:
        # Line-buffered, kept open for the life of the process: one compact JSON object per span.
        out = open(spans_file, "a", buffering=1, encoding="utf-8")  # noqa: SIM115
        provider.add_span_processor(
            SimpleSpanProcessor(ConsoleSpanExporter(out=out, formatter=lambda span: span.to_json(indent=None) + "\n"))
        )
    if otlp_endpoint:
        try:
            from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
        except ImportError as exc:  # the exporter is an optional extra
            raise RuntimeError(
                "OTEL_EXPORTER_OTLP_ENDPOINT is set but opentelemetry-exporter-otlp is not installed"
            ) from exc
        provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(endpoint=otlp_endpoint)))
    trace.set_tracer_provider(provider)
    return provider


def add_span_processor(processor: SpanProcessor) -> None:
    """Send this process's spans to one more processor (tests collect spans in memory this way)."""
    configure_tracing("test").add_span_processor(processor)


# A proxy until a provider is installed, then it delegates to it: safe to create at import.
_TRACER = trace.get_tracer("sme_kit")


def tracer() -> trace.Tracer:
    return _TRACER


def current_trace_headers() -> dict[str, str]:
    """W3C trace context of the current span, to store with an outgoing event."""
    carrier: dict[str, str] = {}
    propagate.inject(carrier)
    return carrier


def current_trace_id() -> str | None:
    span_context = trace.get_current_span().get_span_context()
    return format(span_context.trace_id, "032x") if span_context.is_valid else None


@contextmanager
def span_from_headers(
    name: str, headers: Mapping[str, str], kind: trace.SpanKind, **attributes: str
) -> Iterator[trace.Span]:
    """A span whose parent is the trace context carried by an event (or a new trace)."""
    parent = propagate.extract(dict(headers))
    token = otel_context.attach(parent)
    try:
        with tracer().start_as_current_span(name, kind=kind, attributes=attributes) as span:
            yield span
    finally:
        otel_context.detach(token)
