"""Tracing: one request is one trace, from the HTTP call through the outbox and Kafka into every
consumer, and on through the events those consumers publish.

The district's forward of an application: registry's HTTP request stages ApplicationForwarded
in its outbox with the request's trace context; review's consumer opens a case and publishes
ReviewCaseOpened from inside its consumer span; notifications consumes both. Registry, review
and notifications write every finished span as a JSON line (OTEL_SPANS_FILE); the test reads
those files and follows the parent links.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from . import programme as p
from .system import System, SystemSettings, at

pytestmark = pytest.mark.e2e

TRACED = ("registry", "review", "notifications")
SYSTEM = SystemSettings(clock_start=at("2026-12-01", 9), traced=TRACED)
APPLICANT = p.Applicant(
    organisation_code="MA5D0QRT7",
    entity_name="广州市越秀区商贸服务中心有限公司",
    district_code="440104",
    station_name="广州市民营和中小企业服务站（越秀商贸）",
    address="广州市越秀区中山五路 33 号",
    legal_representative="宋建国",
    contact_name="韩雪梅",
    contact_phone="13622223333",
    email="hanxuemei@yuexiu-shangmao.example.cn",
)


def consumer_spans(spans: list[dict[str, Any]], trace_id: str, service: str) -> list[dict[str, Any]]:
    return [
        s
        for s in spans
        if s["_service"] == service and s["context"]["trace_id"] == trace_id and s["kind"] == "SpanKind.CONSUMER"
    ]


def handled(span: dict[str, Any]) -> str:
    return str(span["attributes"].get("cloudevents.event_type"))


async def test_the_forward_of_an_application_is_one_trace_across_registry_review_and_notifications(
    system: System,
) -> None:
    await p.open_round(system, 2026, date(2026, 11, 1), date(2026, 12, 31), date(2026, 12, 31))
    application = await p.submit_application(system, APPLICANT)

    await p.forward(system, application)

    async def forward_request() -> list[dict[str, Any]]:
        return [
            s
            for s in system.spans()
            if s["_service"] == "registry" and s["kind"] == "SpanKind.SERVER" and s["name"].endswith("/forward")
        ]

    [request] = await system.eventually(forward_request, "registry's span of the forward request")
    trace_id = request["context"]["trace_id"]
    forwarded, case_opened = "gz.sme.registry.application.forwarded.v1", "gz.sme.review.case.opened.v1"

    async def whole_trace() -> list[dict[str, Any]] | None:
        spans = system.spans()
        in_review = {handled(s) for s in consumer_spans(spans, trace_id, "review")}
        in_notifications = {handled(s) for s in consumer_spans(spans, trace_id, "notifications")}
        done = forwarded in in_review and {forwarded, case_opened} <= in_notifications
        return [s for s in spans if s["context"]["trace_id"] == trace_id] if done else None

    trace = await system.eventually(whole_trace, "the forward's trace to reach review and notifications")

    assert {s["_service"] for s in trace} >= set(TRACED)
    span_ids = {s["context"]["span_id"] for s in trace}
    consumers = [s for s in trace if s["kind"] == "SpanKind.CONSUMER"]
    assert len(consumers) >= 3
    for consumer in consumers:
        assert consumer["parent_id"] in span_ids, f"{consumer['_service']} {consumer['name']} lost its parent"
    # Review's consumer span is the parent of what review published: notifications' span for
    # ReviewCaseOpened hangs below a span of review, which hangs below registry's request.
    by_id = {s["context"]["span_id"]: s for s in trace}
    [of_case] = [s for s in consumer_spans(trace, trace_id, "notifications") if handled(s) == case_opened]
    ancestry = []
    span: dict[str, Any] | None = of_case
    while span is not None:
        ancestry.append(span["_service"])
        span = by_id.get(span["parent_id"]) if span["parent_id"] else None
    assert ancestry[0] == "notifications"
    assert "review" in ancestry
    assert ancestry[-1] == "registry"
    assert by_id[request["context"]["span_id"]]["parent_id"] is None  # the request started the trace
