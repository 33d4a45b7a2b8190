"""The routing rules: for each event type, who is told, over which channels, with which template.

Rules are data (``routing.json`` in this package): one row per (event type, audience), read into a
`RoutingTable` here. A row names its audience with selectors that read a field of the event:

===========================  ====================================================================
selector                     who
===========================  ====================================================================
``org[:field]``              the organisation whose USCC is in ``field`` (default ``uscc``)
``district_officers[:f]``    the officers of the district in ``f`` (default ``district_code``)
``head_station``             the head station's staff (服务总站)
``bureau``                   the bureau's staff (市工业和信息化局)
``station_operator[:f]``     the operator of the station(s) in ``f`` (default ``station_id``)
``station_or_head_station``  as ``station_operator``, or the head station when the field is null
``applicants[:f]``           the applicant of the application(s) in ``f`` (default ``application_id``)
``expert[:f]``               the expert in ``f`` (default ``expert_id``)
``active_stations``          the operator of every station currently on the register
``contact[:field]``          the address in ``field`` (default ``address``), by the event's
                             ``channel`` (sms, email): someone outside the directory, such as
                             the contact an anonymous form gave, reached once for this event
===========================  ====================================================================

``when`` restricts a row to events whose fields hold one of the listed values, e.g.
``{"status": ["revoked"]}``. ``mandatory`` marks notices the guideline requires: they go out
whatever the recipient's channel preferences. ``secret`` marks messages that carry a one-time
secret (a confirmation code): their body is erased once sent or failed, and they are never sent
again on request. Event types nobody must hear about are listed under ``silent`` with the reason,
so that every event type of the system has a decision.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sme_kit.vocabulary import normalise_uscc
from sme_notifications.domain.channels import Channel


class SelectorKind(StrEnum):
    ORG = "org"
    DISTRICT_OFFICERS = "district_officers"
    HEAD_STATION = "head_station"
    BUREAU = "bureau"
    STATION_OPERATOR = "station_operator"
    STATION_OR_HEAD_STATION = "station_or_head_station"
    APPLICANTS = "applicants"
    EXPERT = "expert"
    ACTIVE_STATIONS = "active_stations"
    CONTACT = "contact"


DEFAULT_FIELD: dict[SelectorKind, str] = {
    SelectorKind.ORG: "uscc",
    SelectorKind.DISTRICT_OFFICERS: "district_code",
    SelectorKind.STATION_OPERATOR: "station_id",
    SelectorKind.STATION_OR_HEAD_STATION: "station_id",
    SelectorKind.APPLICANTS: "application_id",
    SelectorKind.EXPERT: "expert_id",
    SelectorKind.CONTACT: "address",
}


class RoutingError(ValueError):
    """The routing document is malformed; ``problems`` lists every mistake found."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Selector:
    """One audience of a route, e.g. ``org:target_uscc``."""

    kind: SelectorKind
    field: str | None

    @classmethod
    def parse(cls, text: str) -> Selector:
        name, _, field_name = text.partition(":")
        kind = SelectorKind(name)  # ValueError for an unknown selector
        if kind in DEFAULT_FIELD:
            return cls(kind, field_name or DEFAULT_FIELD[kind])
        if field_name:
            raise ValueError(f"selector {name!r} reads no field")
        return cls(kind, None)

    def __str__(self) -> str:
        if self.field is None or self.field == DEFAULT_FIELD.get(self.kind):
            return self.kind.value
        return f"{self.kind.value}:{self.field}"


class TargetKind(StrEnum):
    """Someone a selector named, before the directory turns them into recipients."""

    ORG = "org"
    DISTRICT = "district"
    HEAD_STATION = "head_station"
    BUREAU = "bureau"
    STATION = "station"
    APPLICATION = "application"
    EXPERT = "expert"
    ACTIVE_STATIONS = "active_stations"
    CONTACT = "contact"


@dataclass(frozen=True, order=True)
class Target:
    kind: TargetKind
    id: str = ""


@dataclass(frozen=True)
class Route:
    """One row of the table: an event type, an audience, its channels and its template."""

    event_type: str
    template_id: str
    to: tuple[Selector, ...]
    channels: tuple[Channel, ...]
    mandatory: bool = False
    when: Mapping[str, tuple[Any, ...]] = field(default_factory=dict)
    why: str = ""
    secret: bool = False

    def applies_to(self, data: Mapping[str, Any]) -> bool:
        """True when the event's fields satisfy the row's ``when`` (JSON values, enums as strings)."""
        return all(data.get(name) in allowed for name, allowed in self.when.items())

    def fields_read(self) -> set[str]:
        """Event fields the row reads: a table that names a field its event lacks is refused."""
        return {s.field for s in self.to if s.field is not None} | set(self.when)

    def targets(self, data: Mapping[str, Any]) -> list[Target]:
        """Who the row names for this event (deduplicated, in a stable order)."""
        found: list[Target] = []
        for selector in self.to:
            found.extend(_targets_of(selector, data))
        return sorted(set(found))


def _values(data: Mapping[str, Any], name: str | None) -> list[str]:
    value = data.get(name) if name else None
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [str(item) for item in value if item is not None]
    return [str(value)]


def _targets_of(selector: Selector, data: Mapping[str, Any]) -> list[Target]:
    values = _values(data, selector.field)
    match selector.kind:
        case SelectorKind.ORG:
            return [Target(TargetKind.ORG, normalise_uscc(value)) for value in values]
        case SelectorKind.DISTRICT_OFFICERS:
            return [Target(TargetKind.DISTRICT, value) for value in values]
        case SelectorKind.HEAD_STATION:
            return [Target(TargetKind.HEAD_STATION)]
        case SelectorKind.BUREAU:
            return [Target(TargetKind.BUREAU)]
        case SelectorKind.STATION_OPERATOR:
            return [Target(TargetKind.STATION, value) for value in values]
        case SelectorKind.STATION_OR_HEAD_STATION:
            return [Target(TargetKind.STATION, value) for value in values] or [Target(TargetKind.HEAD_STATION)]
        case SelectorKind.APPLICANTS:
            return [Target(TargetKind.APPLICATION, value) for value in values]
        case SelectorKind.EXPERT:
            return [Target(TargetKind.EXPERT, value) for value in values]
        case SelectorKind.ACTIVE_STATIONS:
            return [Target(TargetKind.ACTIVE_STATIONS)]
        case SelectorKind.CONTACT:
            return [Target(TargetKind.CONTACT, value.strip()) for value in values]


@dataclass(frozen=True)
class RoutingTable:
    """Every route, and the event types deliberately told to nobody (with the reason)."""

    version: int
    routes: tuple[Route, ...]
    silent: Mapping[str, str]

    def routes_for(self, event_type: str) -> tuple[Route, ...]:
        return tuple(route for route in self.routes if route.event_type == event_type)

    def routed_event_types(self) -> list[str]:
        return sorted({route.event_type for route in self.routes})

    def template_uses(self) -> dict[tuple[str, Channel], set[str]]:
        """(template id, channel) → the event types rendered with it."""
        uses: dict[tuple[str, Channel], set[str]] = {}
        for route in self.routes:
            for channel in route.channels:
                uses.setdefault((route.template_id, channel), set()).add(route.event_type)
        return uses

    def problems(self, event_fields: Mapping[str, set[str]]) -> list[str]:
        """Mistakes against the event catalogue: unknown event types, fields events do not have."""
        found: list[str] = []
        for route in self.routes:
            fields = event_fields.get(route.event_type)
            if fields is None:
                found.append(f"{route.template_id}: unknown event type {route.event_type}")
                continue
            missing = sorted(route.fields_read() - fields)
            if missing:
                found.append(f"{route.template_id}: {route.event_type} has no field(s) {', '.join(missing)}")
        for event_type in self.silent:
            if event_type not in event_fields:
                found.append(f"silent: unknown event type {event_type}")
            if self.routes_for(event_type):
                found.append(f"silent: {event_type} is routed as well")
        return found


def event_types_without_decision(table: RoutingTable, known: Iterable[str]) -> list[str]:
    """Event types of the catalogue neither routed nor declared silent."""
    decided = set(table.routed_event_types()) | set(table.silent)
    return sorted(set(known) - decided)
