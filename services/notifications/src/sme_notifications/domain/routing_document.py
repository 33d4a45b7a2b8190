"""Reading the routing document (``routing.json``) into a `RoutingTable`, refusing malformed rows.

Every mistake is collected, so one run names them all.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sme_notifications.domain.channels import Channel
from sme_notifications.domain.routing import Route, RoutingError, RoutingTable, Selector


def parse_routing_document(document: Mapping[str, Any]) -> RoutingTable:
    """Read the routing document; raises `RoutingError` naming every malformed row."""
    problems: list[str] = []
    routes = [
        route
        for index, row in enumerate(_list(document.get("routes"), "routes", problems))
        if (route := _route(index, row, problems)) is not None
    ]
    silent = document.get("silent", {})
    if not isinstance(silent, dict) or not all(isinstance(v, str) and v for v in silent.values()):
        problems.append("silent: must map event types to the reason nobody is told")
        silent = {}
    seen: set[tuple[str, str]] = set()
    for route in routes:
        key = (route.event_type, route.template_id)
        if key in seen:
            problems.append(f"{route.template_id}: used twice for {route.event_type}")
        seen.add(key)
    if problems:
        raise RoutingError(problems)
    return RoutingTable(version=int(document.get("version", 1)), routes=tuple(routes), silent=dict(silent))


def _list(value: Any, name: str, problems: list[str]) -> list[Any]:
    if not isinstance(value, list):
        problems.append(f"{name}: must be a list")
        return []
    return value


def _route(index: int, row: Any, problems: list[str]) -> Route | None:
    where = f"routes[{index}]"
    if not isinstance(row, dict):
        problems.append(f"{where}: must be an object")
        return None
    before = len(problems)
    event_type, template_id = row.get("event_type"), row.get("template")
    if not isinstance(event_type, str) or not event_type:
        problems.append(f"{where}: event_type is required")
    if not isinstance(template_id, str) or not template_id:
        problems.append(f"{where}: template is required")
    selectors = _parsed(row.get("to"), Selector.parse, f"{where}.to", problems)
    channels = _parsed(row.get("channels"), Channel, f"{where}.channels", problems)
    when = row.get("when", {})
    if not isinstance(when, dict):
        problems.append(f"{where}.when: must map field names to allowed values")
        when = {}
    if row.get("secret") and Channel.IN_APP in channels:
        problems.append(f"{where}: a secret is never put in an inbox (in_app)")
    if len(problems) > before:
        return None
    return Route(
        event_type=str(event_type),
        template_id=str(template_id),
        to=tuple(selectors),
        channels=tuple(dict.fromkeys(channels)),
        mandatory=bool(row.get("mandatory", False)),
        secret=bool(row.get("secret", False)),
        when={name: tuple(v if isinstance(v, list) else [v]) for name, v in when.items()},
        why=str(row.get("why", "")),
    )


def _parsed(values: Any, parse: Any, where: str, problems: list[str]) -> list[Any]:
    if not isinstance(values, list) or not values:
        problems.append(f"{where}: must be a non-empty list")
        return []
    parsed: list[Any] = []
    for value in values:
        try:
            parsed.append(parse(value))
        except (ValueError, TypeError):
            problems.append(f"{where}: unknown {value!r}")
    return parsed
