"""The AsyncAPI document of one service: what it publishes and what it receives.

Generated from the contracts catalogue and the service's own handlers, so it cannot drift from
the code. Served at ``/asyncapi.json`` beside the OpenAPI document.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sme_contracts.asyncapi import document


def service_document(service: str, consumed_topics: Iterable[str]) -> dict[str, Any]:
    full = document()
    consumed = set(consumed_topics)
    published = {name for name, operation in full["operations"].items() if operation.get("x-publisher") == service}
    published_topics = {full["operations"][name]["channel"]["$ref"].rsplit("/", 1)[-1] for name in published}
    topics = published_topics | consumed
    channels = {name: channel for name, channel in full["channels"].items() if name in topics}
    operations: dict[str, Any] = {name: full["operations"][name] for name in sorted(published)}
    for topic in sorted(consumed):
        if topic in channels:
            operations[f"receive.{topic}"] = {
                "action": "receive",
                "channel": {"$ref": f"#/channels/{topic}"},
                "summary": f"The {service} service consumes {topic} (consumer group {service}).",
            }
    wanted = {ref["$ref"].rsplit("/", 1)[-1] for channel in channels.values() for ref in channel["messages"].values()}
    messages = {name: message for name, message in full["components"]["messages"].items() if name in wanted}
    info = dict(full["info"], title=f"{service}: events published and consumed")
    return {**full, "info": info, "channels": channels, "operations": operations, "components": {"messages": messages}}
