"""The Kafka topics of the system and the service that publishes each.

One topic per aggregate of a publishing service, so that the events of one aggregate (same key)
stay in one partition and in order. Only the publisher writes to a topic.
"""

from __future__ import annotations

from dataclasses import dataclass

SERVICES = ("registry", "review", "activities", "assessment", "notifications")


@dataclass(frozen=True)
class Topic:
    """A topic, its publishing service and what it carries."""

    name: str
    publisher: str
    description: str
    partitions: int = 3

    def __post_init__(self) -> None:
        if self.publisher not in SERVICES:
            raise ValueError(f"unknown publishing service {self.publisher!r}")
        if not self.name.startswith(f"gz.sme.{self.publisher}."):
            raise ValueError(f"topic {self.name!r} must be named gz.sme.{self.publisher}.<aggregate>")


_TOPICS: dict[str, Topic] = {}


def topic(name: str, publisher: str, description: str) -> Topic:
    """Declare a topic once; declaring the same name twice is a programming error."""
    if name in _TOPICS:
        raise ValueError(f"topic {name!r} declared twice")
    declared = Topic(name=name, publisher=publisher, description=description)
    _TOPICS[name] = declared
    return declared


def all_topics() -> tuple[Topic, ...]:
    """Every declared topic (import the service modules first: see `sme_contracts.catalog`)."""
    return tuple(_TOPICS.values())


REGISTRY_APPLICATION = topic(
    "gz.sme.registry.application",
    "registry",
    "Applications to run a service station: submitted, returned, rejected, forwarded (§4.1.3(1)).",
)
