"""The event map: who publishes each event type, who consumes it, and with which code.

Generated from the code, so it cannot drift from it (nothing runs, nothing connects):

- event types and topics: the contracts catalogue (`sme_contracts`);
- publishers: the functions of each service's source that hand an event to ``uow.publish`` (read
  with `ast`: a contract model built in the call, or a function of the service that builds one),
  and the calendar reminder the kit publishes for a service that declares ``working_days``;
- consumers: each service's `ServiceDefinition` (``sme_<service>.bootstrap.definition()``), whose
  `EventHandlers` name the handler of every event type it consumes;
- who the notifications service tells: its routing table (``sme_notifications/routing.json``).

    python -m sme_kit.event_map write docs/events.md    write the map
    python -m sme_kit.event_map check docs/events.md    exit 1 when the written map is stale

Both commands also exit 1 when the map shows a mistake (`EventMap.problems`): an event type no
service publishes, one published by a service that does not own its topic, or one consumed that
nobody publishes (unless `EXTERNAL` names who does).
"""

from __future__ import annotations

import argparse
import ast
import importlib
import importlib.resources
import importlib.util
import inspect
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sme_contracts import Event, Topic, all_event_types, all_topics
from sme_contracts.base import TYPE_PATTERN
from sme_contracts.topics import SERVICES
from sme_kit.calendar_reminders import remind_of_missing_years
from sme_kit.settings import ServiceSettings

COMMAND = "python -m sme_kit.event_map write docs/events.md"

EXTERNAL: dict[str, str] = {}
"""Event types a service consumes that a system outside this repository publishes: type → who.

None today: every consumed event type is published by one of the five services.
"""

NOTIFICATIONS = "notifications"
ROUTING_RESOURCE = ("sme_notifications", "routing.json")


@dataclass(frozen=True, order=True)
class Place:
    """A function of the code, by module and qualified name."""

    module: str
    function: str

    def __str__(self) -> str:
        return f"{self.module}.{self.function}"


@dataclass(frozen=True, order=True)
class Handling:
    """One service's handler of an event type."""

    service: str
    handler: str


@dataclass
class EventInfo:
    """One event type, where it travels, who stages it and who handles it."""

    event_type: str
    model: type[Event]
    published_from: dict[str, set[Place]] = field(default_factory=dict)  # service → functions
    handlings: list[Handling] = field(default_factory=list)

    @property
    def topic(self) -> Topic:
        return self.model.topic

    @property
    def name(self) -> str:
        return self.event_type.rsplit(".", 1)[0]

    @property
    def version(self) -> str:
        match = TYPE_PATTERN.match(self.event_type)
        assert match is not None
        return f"v{match['major']}"

    @property
    def summary(self) -> str:
        text = (inspect.getdoc(self.model) or "").split("\n\n")[0]
        return " ".join(text.split()).replace("``", "`")

    @property
    def consumers(self) -> list[str]:
        return sorted({handling.service for handling in self.handlings}, key=SERVICES.index)


@dataclass
class ServiceWiring:
    """What a service's definition says about events: topics it creates and what it consumes."""

    name: str
    creates: list[str]
    consumer: str | None  # the name its inbox claims events under (``<service>.<handlers name>``)
    subscribes: list[str]


@dataclass(frozen=True)
class Route:
    """One row of the notifications routing table, as the map shows it."""

    template: str
    to: tuple[str, ...]
    channels: tuple[str, ...]
    mandatory: bool
    secret: bool
    when: str


@dataclass
class EventMap:
    topics: list[Topic]
    events: dict[str, EventInfo]
    services: dict[str, ServiceWiring]
    routes: dict[str, list[Route]]
    silent: dict[str, str]

    def problems(self) -> list[str]:
        """What the map shows to be wrong; empty when every event type is published and consumed soundly."""
        found: list[str] = []
        for info in self.events.values():
            owner = info.topic.publisher
            if not info.published_from:
                found.append(f"{info.event_type}: no service publishes it (no uow.publish of it in {owner}'s code)")
            for service in sorted(set(info.published_from) - {owner}):
                found.append(f"{info.event_type}: published by {service}, but its topic {info.topic.name} is {owner}'s")
            if info.published_from and info.topic.name not in self.services[owner].creates:
                found.append(
                    f"{info.event_type}: {owner} publishes it but does not declare its topic {info.topic.name} "
                    "in ServiceDefinition.publishes"
                )
            if info.handlings and not info.published_from and info.event_type not in EXTERNAL:
                consumers = ", ".join(info.consumers)
                found.append(f"{info.event_type}: consumed by {consumers} but published by nobody (nor in EXTERNAL)")
        return found


# --- reading the code ------------------------------------------------------------------------------


def build() -> EventMap:
    """The map of every event type, from the contracts, the services' definitions and their source."""
    catalogue = all_event_types()
    events = {name: EventInfo(name, model) for name, model in sorted(catalogue.items())}
    services: dict[str, ServiceWiring] = {}
    for service in SERVICES:
        definition = _definition(service)
        handlers = definition.handlers
        services[service] = ServiceWiring(
            name=service,
            creates=sorted(topic.name for topic in definition.publishes),
            consumer=f"{service}.{handlers.name}" if handlers else None,
            subscribes=sorted(handlers.topics()) if handlers else [],
        )
        for event_type, (_, handler) in (handlers.registered() if handlers else {}).items():
            events[event_type].handlings.append(Handling(service, _qualified(handler)))
        for event_type, places in publish_sites(service, catalogue).items():
            events[event_type].published_from.setdefault(service, set()).update(places)
        if definition.working_days is not None:
            reminder = definition.working_days.reminder.event_type
            events[reminder].published_from.setdefault(service, set()).add(_place_of(remind_of_missing_years))
    routes, silent = _routing()
    topics = sorted(all_topics(), key=lambda topic: (SERVICES.index(topic.publisher), topic.name))
    return EventMap(topics=topics, events=events, services=services, routes=routes, silent=silent)


def _definition(service: str) -> Any:
    """The service's `ServiceDefinition`, built with development settings (nothing starts)."""
    bootstrap = importlib.import_module(f"sme_{service}.bootstrap")
    return bootstrap.definition(_settings(service))


def _settings(service: str) -> ServiceSettings:
    config = importlib.import_module(f"sme_{service}.config")
    classes = [
        value
        for value in vars(config).values()
        if isinstance(value, type) and issubclass(value, ServiceSettings) and value.__module__ == config.__name__
    ]
    if len(classes) != 1:
        raise LookupError(f"sme_{service}.config should define one ServiceSettings subclass, found {len(classes)}")
    # Given explicitly, these win over the environment: the map never depends on where it is made.
    settings: ServiceSettings = classes[0](
        environment="dev", auth_dev_secret="event-map-" + "x" * 32, auth_jwks_url=None, testing_clock=False
    )
    return settings


def _qualified(function: Any) -> str:
    return f"{function.__module__}.{function.__qualname__}".replace(".<locals>", "")


def _place_of(function: Any) -> Place:
    return Place(function.__module__, function.__qualname__.replace(".<locals>", ""))


def publish_sites(service: str, catalogue: dict[str, type[Event]]) -> dict[str, set[Place]]:
    """Event type → the functions of the service's source that pass it to ``uow.publish``."""
    modules = list(_modules(service))
    models = {id(model): event_type for event_type, model in catalogue.items()}
    built: dict[Place, set[str]] = {}  # function → the event types it constructs
    callees: dict[Place, set[Place]] = {}  # function → the functions it calls
    for module, tree in modules:
        for place, call, resolve in _calls(module, tree):
            target = resolve(call.func)
            model = _model(target, models)
            if model is not None:
                built.setdefault(place, set()).add(model)
            elif target is not None:
                callees.setdefault(place, set()).add(_as_place(target))
    built = _through_calls(built, callees)
    sites: dict[str, set[Place]] = {}
    for module, tree in modules:
        for place, call, resolve in _calls(module, tree):
            if not (isinstance(call.func, ast.Attribute) and call.func.attr == "publish" and call.args):
                continue
            staged = call.args[0]
            if not isinstance(staged, ast.Call):
                continue
            target = resolve(staged.func)
            model = _model(target, models)
            types = {model} if model is not None else built.get(_as_place(target), set())
            for event_type in types:
                sites.setdefault(event_type, set()).add(place)
    return sites


def _through_calls(built: dict[Place, set[str]], callees: dict[Place, set[Place]]) -> dict[Place, set[str]]:
    """A function that returns what another builds builds it too (a mapper choosing one of several events)."""
    closed = {place: set(types) for place, types in built.items()}
    changed = True
    while changed:
        changed = False
        for place, called in callees.items():
            found = set().union(*(closed.get(callee, set()) for callee in called)) - closed.get(place, set())
            if found:
                closed.setdefault(place, set()).update(found)
                changed = True
    return closed


def _modules(service: str) -> Iterable[tuple[str, ast.Module]]:
    package = f"sme_{service}"
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise LookupError(f"{package} is not installed")
    root = Path(next(iter(spec.submodule_search_locations)))
    for path in sorted(root.rglob("*.py")):
        parts = [package, *path.relative_to(root).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        yield ".".join(parts), ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _calls(module: str, tree: ast.Module) -> Iterable[tuple[Place, ast.Call, Any]]:
    """Every call inside a function of the module, with that function and a resolver of names."""
    aliases = _imports(module, tree)

    def resolve(node: ast.expr) -> str | None:
        if isinstance(node, ast.Name):
            return aliases.get(node.id, f"{module}.{node.id}")
        if isinstance(node, ast.Attribute):
            base = resolve(node.value)
            return f"{base}.{node.attr}" if base else None
        return None

    def visit(node: ast.AST, scope: tuple[str, ...]) -> Iterable[tuple[Place, ast.Call, Any]]:
        for child in ast.iter_child_nodes(node):
            inner = scope
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                inner = (*scope, child.name)
            if isinstance(child, ast.Call) and scope:
                yield Place(module, ".".join(scope)), child, resolve
            yield from visit(child, inner)

    yield from visit(tree, ())


def _imports(module: str, tree: ast.Module) -> dict[str, str]:
    """Local name → the dotted name it stands for, from the module's imports."""
    aliases: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                # `import a.b` binds a; `import a.b as x` binds x to a.b.
                bound = alias.name if alias.asname else alias.name.split(".")[0]
                aliases[alias.asname or bound] = bound
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*module.split(".")[: -node.level], *([base] if base else [])])
            for alias in node.names:
                aliases[alias.asname or alias.name] = f"{base}.{alias.name}"
    return aliases


def _model(dotted: str | None, models: dict[int, str]) -> str | None:
    """The event type a dotted name stands for, if it names a contract model."""
    if not dotted or not dotted.startswith("sme_contracts."):
        return None
    module_name, _, attribute = dotted.rpartition(".")
    try:
        value = getattr(importlib.import_module(module_name), attribute)
    except (ImportError, AttributeError):
        return None
    return models.get(id(value))


def _as_place(dotted: str | None) -> Place:
    module, _, function = (dotted or "").rpartition(".")
    return Place(module, function)


def _routing() -> tuple[dict[str, list[Route]], dict[str, str]]:
    """Who the notifications service tells about each event type, and the types it keeps silent."""
    package, name = ROUTING_RESOURCE
    document = json.loads(importlib.resources.files(package).joinpath(name).read_text(encoding="utf-8"))
    routes: dict[str, list[Route]] = {}
    for row in document.get("routes", []):
        when = "; ".join(f"{key} in {', '.join(map(str, values))}" for key, values in row.get("when", {}).items())
        routes.setdefault(row["event_type"], []).append(
            Route(
                template=row["template"],
                to=tuple(row["to"]),
                channels=tuple(row["channels"]),
                mandatory=bool(row.get("mandatory", False)),
                secret=bool(row.get("secret", False)),
                when=when,
            )
        )
    return routes, dict(document.get("silent", {}))


# --- writing it down -------------------------------------------------------------------------------


def render(event_map: EventMap) -> str:
    """The map as Markdown (docs/events.md)."""
    lines = [
        f"<!-- Generated by `{COMMAND}` (`make docs`): do not edit by hand. -->",
        "",
        "# Event map",
        "",
        "Every event type of the system: the topic it travels on, the service that publishes it and the",
        "function that stages it in the outbox, and every service that consumes it with its handler.",
        "Generated from the code by `sme_kit.event_map`: event types and topics from the contracts",
        "(`sme_contracts`), consumers from each service's `ServiceDefinition` (its `EventHandlers`),",
        "publishers from the calls to `uow.publish` in each service's source, recipients from the",
        "notifications service's routing table. `make docs` rewrites this file; `make docs-check` (part of",
        "`make test`) fails when it is stale.",
        "",
        "How an event travels (outbox, relay, topic, idempotent consumer, dead letter):",
        '[architecture.md, "How an event travels"](architecture.md#how-an-event-travels).',
        "Adding an event type: [checklists.md](checklists.md#add-an-event-type).",
        "",
        f"{len(event_map.events)} event types on {len(event_map.topics)} topics.",
        "",
        *_services_section(event_map),
        *_events_table(event_map),
        *_details_section(event_map),
        *_notifications_section(event_map),
    ]
    problems = event_map.problems()
    if problems:
        lines += ["## Problems", "", *(f"- {problem}" for problem in problems), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _code(text: str) -> str:
    return f"`{text}`"


def _services_section(event_map: EventMap) -> list[str]:
    lines = [
        "## Services",
        "",
        "Each service creates the topics it publishes on and those it subscribes to at start-up. Its",
        "consumers form one consumer group named after the service; each event it handles is claimed in its",
        "`kit_inbox` under the inbox name below; a record it cannot handle goes to its dead-letter topic.",
        "",
        "| service | publishes on | consumes from | inbox name | dead letters |",
        "|---|---|---|---|---|",
    ]
    for service, wiring in event_map.services.items():
        publishes = "<br>".join(map(_code, wiring.creates)) or "—"
        consumes = "<br>".join(map(_code, wiring.subscribes)) or "—"
        inbox = _code(wiring.consumer) if wiring.consumer else "—"
        dead = _code(f"gz.sme.{service}.dead-letter") if wiring.consumer else "—"
        lines.append(f"| {service} | {publishes} | {consumes} | {inbox} | {dead} |")
    return [*lines, ""]


def _events_table(event_map: EventMap) -> list[str]:
    lines = [
        "## Event types",
        "",
        "| event type | version | topic | publisher | consumers |",
        "|---|---|---|---|---|",
    ]
    for topic in event_map.topics:
        for info in _on(event_map, topic):
            publishers = ", ".join(sorted(info.published_from, key=SERVICES.index)) or "**nobody**"
            consumers = ", ".join(info.consumers) or "—"
            lines.append(f"| {_code(info.name)} | {info.version} | {_code(topic.name)} | {publishers} | {consumers} |")
    return [*lines, ""]


def _on(event_map: EventMap, topic: Topic) -> list[EventInfo]:
    return [info for info in event_map.events.values() if info.topic.name == topic.name]


def _details_section(event_map: EventMap) -> list[str]:
    lines = ["## By publisher", ""]
    for service in SERVICES:
        lines += [f"### {service}", ""]
        for topic in (topic for topic in event_map.topics if topic.publisher == service):
            retention = "" if topic.retention_ms is None else f"; kept {topic.retention_ms // 1000} s"
            lines += [
                f"#### {_code(topic.name)}",
                "",
                f"{topic.description} ({topic.partitions} partitions{retention})",
                "",
            ]
            for info in _on(event_map, topic):
                lines += _event_entry(event_map, info)
    return lines


def _event_entry(event_map: EventMap, info: EventInfo) -> list[str]:
    model = f"{info.model.__module__}.{info.model.__name__}"
    lines = [f"- **{_code(info.event_type)}** ({_code(model)}): {info.summary}"]
    for service in sorted(info.published_from, key=SERVICES.index):
        places = ", ".join(_code(str(place)) for place in sorted(info.published_from[service]))
        lines.append(f"  - published by {service} from {places}")
    if info.event_type in EXTERNAL:
        lines.append(f"  - published outside this repository: {EXTERNAL[info.event_type]}")
    for handling in sorted(info.handlings, key=lambda h: SERVICES.index(h.service)):
        extra = ""
        if handling.service == NOTIFICATIONS:
            count = len(event_map.routes.get(info.event_type, []))
            extra = f" ({count} route{'s' if count != 1 else ''}, [below](#who-is-told))"
        lines.append(f"  - consumed by {handling.service}: {_code(handling.handler)}{extra}")
    if not info.handlings:
        lines.append("  - consumed by no service")
    return [*lines, ""]


def _notifications_section(event_map: EventMap) -> list[str]:
    lines = [
        "## Who is told",
        "",
        "The notifications service consumes every event type its routing table",
        "(`services/notifications/src/sme_notifications/routing.json`) has a row for: one row per audience,",
        "with its template (`templates/<template>/<channel>.v<N>.j2`) and channels. *Mandatory* rows ignore the",
        "recipient's channel preferences; *secret* rows carry a one-time code, erased once sent.",
        "",
        "| event type | template | to | channels | |",
        "|---|---|---|---|---|",
    ]
    for event_type in sorted(event_map.routes):
        for route in event_map.routes[event_type]:
            flags = [flag for flag, on in (("mandatory", route.mandatory), ("secret", route.secret)) if on]
            if route.when:
                flags.append(f"when {route.when}")
            lines.append(
                f"| {_code(event_type)} | {_code(route.template)} | {', '.join(map(_code, route.to))} "
                f"| {', '.join(route.channels)} | {'; '.join(flags)} |"
            )
    lines += [
        "",
        "Told to nobody, on purpose:",
        "",
        "| event type | why |",
        "|---|---|",
        *(f"| {_code(event_type)} | {reason} |" for event_type, reason in sorted(event_map.silent.items())),
        "",
    ]
    return lines


# --- command line ----------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """``write PATH`` or ``check PATH``; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m sme_kit.event_map", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["write", "check"])
    parser.add_argument("path", type=Path, help="the Markdown file, e.g. docs/events.md")
    args = parser.parse_args(argv)
    event_map = build()
    text = render(event_map)
    problems = event_map.problems()
    status = 0
    if args.command == "write":
        args.path.parent.mkdir(parents=True, exist_ok=True)
        args.path.write_text(text, encoding="utf-8")
        sys.stdout.write(f"event map: {len(event_map.events)} event types written to {args.path}\n")
    elif not args.path.exists() or args.path.read_text(encoding="utf-8") != text:
        sys.stderr.write(
            f"{args.path} is stale: it no longer matches the code's events, publishers, consumers and routes "
            "(or it was edited by hand); run `make docs`\n"
        )
        status = 1
    if problems:
        sys.stderr.write("event map problems:\n" + "".join(f"  {problem}\n" for problem in problems))
        status = 1
    return status


if __name__ == "__main__":
    raise SystemExit(main())
