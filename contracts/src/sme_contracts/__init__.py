"""Versioned event contracts of the Guangzhou SME service station network.

Every event that crosses a service boundary is a frozen pydantic model defined here, in the
module of the service that publishes it, and travels as a CloudEvent in Kafka binary mode.
"""

from sme_contracts.base import Event, all_event_types, event_class
from sme_contracts.topics import Topic, all_topics

__all__ = ["Event", "Topic", "all_event_types", "all_topics", "event_class"]
