"""The AsyncAPI document describes every topic and event type, and what really travels."""

import json
import subprocess
import sys
from typing import Any

import jsonschema
import pytest

from sme_contracts import all_event_types, all_topics
from sme_contracts.asyncapi import DOCUMENT_PATH, document, render
from sme_contracts.envelope import wrap
from sme_contracts.registry import ApplicationSubmitted

SUBMITTED = "gz.sme.registry.application.submitted.v1"
TOPIC = "gz.sme.registry.application"
TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"


@pytest.fixture(scope="module")
def doc() -> dict[str, Any]:
    return document()


def validator(doc: dict[str, Any], pointer: str) -> jsonschema.Draft202012Validator:
    """A validator of the schema at ``pointer``, resolving references within the whole document."""
    return jsonschema.Draft202012Validator({**doc, "$ref": pointer})


def refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [value for key, value in node.items() if key == "$ref"] + [
            ref for key, value in node.items() if key != "$ref" for ref in refs(value)
        ]
    if isinstance(node, list):
        return [ref for item in node for ref in refs(item)]
    return []


def test_the_document_is_asyncapi_3(doc: dict[str, Any]) -> None:
    assert doc["asyncapi"] == "3.0.0"
    assert doc["defaultContentType"] == "application/json"
    assert doc["info"]["title"]
    assert doc["info"]["version"]


def test_there_is_a_channel_per_topic_addressed_by_its_name(doc: dict[str, Any]) -> None:
    assert set(doc["channels"]) == {topic.name for topic in all_topics()}
    channel = doc["channels"][TOPIC]
    assert channel["address"] == TOPIC
    assert channel["description"]
    assert channel["messages"][SUBMITTED] == {"$ref": f"#/components/messages/{SUBMITTED}"}
    on_topic = {name for name, model in all_event_types().items() if model.topic.name == TOPIC}
    assert set(channel["messages"]) == on_topic


def test_there_is_a_message_per_event_type(doc: dict[str, Any]) -> None:
    messages = doc["components"]["messages"]

    assert set(messages) == set(all_event_types())
    assert messages[SUBMITTED]["name"] == SUBMITTED
    assert messages[SUBMITTED]["payload"]["x-event-type"] == SUBMITTED


def test_each_channel_has_a_send_operation_of_its_publisher(doc: dict[str, Any]) -> None:
    operations = [operation for operation in doc["operations"].values() if operation["channel"]["$ref"].endswith(TOPIC)]

    assert len(operations) == 1
    assert operations[0]["action"] == "send"
    assert operations[0]["x-publisher"] == "registry"
    assert {"$ref": f"#/channels/{TOPIC}/messages/{SUBMITTED}"} in operations[0]["messages"]


def test_every_reference_resolves_within_the_document(doc: dict[str, Any]) -> None:
    found = refs(doc)

    assert found
    for ref in found:
        target: Any = doc
        for token in ref.removeprefix("#/").split("/"):
            target = target[token]
        assert isinstance(target, dict), ref


def test_the_payload_accepts_what_the_producer_writes(doc: dict[str, Any], submitted: ApplicationSubmitted) -> None:
    payload = validator(doc, f"#/components/messages/{SUBMITTED}/payload")

    payload.validate(json.loads(submitted.model_dump_json()))
    assert not payload.is_valid({**json.loads(submitted.model_dump_json()), "kind": "transfer"})


def test_the_headers_describe_the_cloudevents_binary_mode_headers(
    doc: dict[str, Any], submitted: ApplicationSubmitted
) -> None:
    headers_schema = doc["components"]["messages"][SUBMITTED]["headers"]
    sent = wrap(submitted, source="/gz-sme/registry", trace={"traceparent": TRACEPARENT})
    headers = {name: value.decode() for name, value in sent.headers()}

    assert set(headers_schema["properties"]) >= {
        "ce_specversion",
        "ce_id",
        "ce_source",
        "ce_type",
        "ce_time",
        "ce_subject",
        "content-type",
        "traceparent",
    }
    validator(doc, f"#/components/messages/{SUBMITTED}/headers").validate(headers)
    assert not validator(doc, f"#/components/messages/{SUBMITTED}/headers").is_valid({**headers, "ce_type": "other"})


def test_the_committed_document_is_up_to_date(doc: dict[str, Any]) -> None:
    assert DOCUMENT_PATH.read_text(encoding="utf-8") == render(doc), (
        "run `python -m sme_contracts.asyncapi --out contracts/asyncapi.json`"
    )


def test_the_command_prints_the_document(doc: dict[str, Any]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sme_contracts.asyncapi"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
        timeout=60,
    )

    assert json.loads(result.stdout) == doc
