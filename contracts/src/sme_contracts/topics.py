"""The Kafka topics of the system and the service that publishes each.

One topic per aggregate of a publishing service, so that the events of one aggregate (same key)
stay in one partition and in order. Only the publisher writes to a topic. Each service's
contract module declares its own topics with `topic(...)`; `all_topics()` lists them once
`sme_contracts.catalog` is imported.
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
    retention_ms: int | None = None  # None: the broker's default (7 days)

    def __post_init__(self) -> None:
        if self.publisher not in SERVICES:
            raise ValueError(f"unknown publishing service {self.publisher!r}")
        if not self.name.startswith(f"gz.sme.{self.publisher}."):
            raise ValueError(f"topic {self.name!r} must be named gz.sme.{self.publisher}.<aggregate>")

    def broker_configs(self) -> dict[str, str]:
        """Topic-level settings the broker is given when the topic is created.

        A short retention also rolls segments that often: Kafka deletes only closed segments, so
        without ``segment.ms`` a quiet topic would keep its records for the default week.
        """
        if self.retention_ms is None:
            return {}
        return {"retention.ms": str(self.retention_ms), "segment.ms": str(self.retention_ms)}


_TOPICS: dict[str, Topic] = {}


def topic(name: str, publisher: str, description: str, *, retention_ms: int | None = None) -> Topic:
    """Declare a topic once; declaring the same name twice is a programming error."""
    if name in _TOPICS:
        raise ValueError(f"topic {name!r} declared twice")
    declared = Topic(name=name, publisher=publisher, description=description, retention_ms=retention_ms)
    _TOPICS[name] = declared
    return declared


def all_topics() -> tuple[Topic, ...]:
    """Every declared topic of every service."""
    import sme_contracts.catalog  # noqa: F401 - declares the topics of every service module

    return tuple(_TOPICS.values())
