"""The base class of every event and the catalogue of event types."""

from __future__ import annotations

import re
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict

from sme_contracts.topics import Topic

TYPE_PATTERN = re.compile(
    r"^gz\.sme\.(?P<service>[a-z]+)\.(?P<aggregate>[a-z_]+)\.(?P<fact>[a-z_.]+)\.v(?P<major>[1-9][0-9]*)$"
)

_CATALOGUE: dict[str, type[Event]] = {}


class Event(BaseModel):
    """A fact one service tells the others, immutable once published.

    Subclasses set three class variables:
    - ``event_type``: ``gz.sme.<service>.<aggregate>.<fact>.v<major>``; the major version changes
      on any change that is not the addition of an optional field;
    - ``topic``: the `Topic` it travels on (its publisher must be the service in the type name);
    - ``subject_field``: the field holding the aggregate id, used as Kafka key and ``ce_subject``.

    Consumers read tolerantly: unknown fields are ignored, so a producer may add optional fields.
    """

    model_config = ConfigDict(frozen=True, extra="ignore")

    event_type: ClassVar[str]
    topic: ClassVar[Topic]
    subject_field: ClassVar[str]

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        if "event_type" not in cls.__dict__:
            return  # an intermediate base class
        match = TYPE_PATTERN.match(cls.event_type)
        if match is None:
            raise TypeError(
                f"{cls.__name__}: event type {cls.event_type!r} is not gz.sme.<service>.<aggregate>.<fact>.v<N>"
            )
        if match["service"] != cls.topic.publisher:
            raise TypeError(
                f"{cls.__name__}: {cls.event_type} is published on {cls.topic.name}, owned by {cls.topic.publisher}"
            )
        if cls.subject_field not in cls.model_fields:
            raise TypeError(f"{cls.__name__}: subject field {cls.subject_field!r} is not a field")
        if cls.event_type in _CATALOGUE:
            raise TypeError(f"event type {cls.event_type} defined twice")
        _CATALOGUE[cls.event_type] = cls

    @property
    def subject(self) -> str:
        """The aggregate id: Kafka key and CloudEvents subject."""
        return str(getattr(self, self.subject_field))

    @classmethod
    def major_version(cls) -> int:
        match = TYPE_PATTERN.match(cls.event_type)
        assert match is not None
        return int(match["major"])


def _catalogue() -> dict[str, type[Event]]:
    import sme_contracts.catalog  # noqa: F401 - defines the events of every service module

    return _CATALOGUE


def event_class(event_type: str) -> type[Event] | None:
    """The model of an event type, or None when this build does not know it."""
    return _catalogue().get(event_type)


def all_event_types() -> dict[str, type[Event]]:
    """Every event type of every service."""
    return dict(_catalogue())
