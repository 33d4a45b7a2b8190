"""JSON Schema snapshots of the event contracts and their BACKWARD-compatibility check.

Each event type's JSON Schema is kept in ``contracts/schemas/<event_type>.json``. ``check``
compares the schemas of the code with those snapshots the way a schema registry in BACKWARD mode
would: a consumer built from the NEW schema must be able to read every message written with the
OLD one. An incompatible change is made by publishing a new type name with a higher major version
(``...v2``) beside the old one, never by changing a published type.

    python -m sme_contracts.schemas check [--dir PATH]
    python -m sme_contracts.schemas write [--dir PATH] [--force]
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from sme_contracts.base import Event, all_event_types
from sme_contracts.compat import Schema, compare

SCHEMA_DIR = Path(__file__).parents[2] / "schemas"
"""Where the snapshots live: ``contracts/schemas`` of the source tree (the package is installed editable)."""

SNAPSHOT_HINT = "run `make contracts-snapshot`"


# --- the schemas of the code -------------------------------------------------------------------


def event_schema(model: type[Event]) -> Schema:
    """The JSON Schema of one event model, tagged with its event type and topic.

    It is the *validation* schema: what a consumer built from the model accepts. A producer writes
    ``model_dump_json()``, which the same model always reads back, so "every message the old
    schema accepts, the new one accepts" guarantees that new consumers read old messages: the
    BACKWARD question. Validation mode also leaves out what readers never look at (computed
    fields) and keeps fields with a default optional, as readers treat them.
    """
    schema = model.model_json_schema(mode="validation")
    schema["x-event-type"] = model.event_type
    schema["x-topic"] = model.topic.name
    return schema


def current_schemas() -> dict[str, Schema]:
    """The schema of every event type of the catalogue, by event type."""
    importlib.import_module("sme_contracts.catalog")  # declares every service's event types
    return {name: event_schema(model) for name, model in sorted(all_event_types().items())}


# --- snapshots -----------------------------------------------------------------------------------


def render(schema: Schema) -> str:
    """A schema as it is stored: pretty-printed, sorted keys, trailing newline."""
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def snapshot_path(schema_dir: Path, event_type: str) -> Path:
    """The snapshot file of one event type."""
    return schema_dir / f"{event_type}.json"


def load_snapshots(schema_dir: Path) -> tuple[dict[str, Schema], list[str]]:
    """The stored schemas by event type, and a problem for each file that cannot be read."""
    snapshots: dict[str, Schema] = {}
    problems: list[str] = []
    for path in sorted(schema_dir.glob("*.json")):
        try:
            schema = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            problems.append(f"snapshot {path.name} cannot be read: {exc}")
            continue
        if not isinstance(schema, dict):
            problems.append(f"snapshot {path.name} is not a JSON object")
            continue
        snapshots[path.stem] = schema
    return snapshots, problems


def _missing(snapshots: Mapping[str, Schema], current: Mapping[str, Schema]) -> list[str]:
    return [
        f"new event type {name} has no snapshot: {SNAPSHOT_HINT}" for name in sorted(current.keys() - snapshots.keys())
    ]


def _breaking(snapshots: Mapping[str, Schema], current: Mapping[str, Schema]) -> list[str]:
    """Removed types and incompatible changes of the types both sides know."""
    problems = [
        f"event type {name} was removed but is published: keep it until every consumer has moved to its successor"
        for name in sorted(snapshots.keys() - current.keys())
    ]
    for name in sorted(snapshots.keys() & current.keys()):
        problems.extend(compare(snapshots[name], current[name]))
    return problems


def check(schema_dir: Path | None = None) -> list[str]:
    """Every reason the code's schemas may not be released: missing snapshots and breaking changes."""
    snapshots, unreadable = load_snapshots(schema_dir or SCHEMA_DIR)
    current = current_schemas()
    return unreadable + _missing(snapshots, current) + _breaking(snapshots, current)


def write(schema_dir: Path | None = None, force: bool = False) -> list[str]:
    """Store the code's schemas as the new snapshots; returns the problems that refused it.

    New types and compatible changes are written. When any change is incompatible (or a type was
    removed) nothing is written and the problems are returned, unless ``force``: then every
    snapshot is overwritten and those of removed types are deleted.
    """
    directory = schema_dir or SCHEMA_DIR
    snapshots, unreadable = load_snapshots(directory)
    current = current_schemas()
    refused = unreadable + _breaking(snapshots, current)
    if refused and not force:
        return refused
    directory.mkdir(parents=True, exist_ok=True)
    for name, schema in current.items():
        path = snapshot_path(directory, name)
        text = render(schema)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    for path in directory.glob("*.json"):
        if path.stem not in current:
            path.unlink()
    return []


# --- command line --------------------------------------------------------------------------------


def _run_check(schema_dir: Path) -> int:
    problems = check(schema_dir)
    if problems:
        sys.stderr.write("".join(f"{problem}\n" for problem in problems))
        return 1
    sys.stdout.write(f"contracts: {len(current_schemas())} event types, schemas compatible\n")
    return 0


def _run_write(schema_dir: Path, force: bool) -> int:
    problems = write(schema_dir, force=force)
    if problems:
        sys.stderr.write("".join(f"{problem}\n" for problem in problems))
        sys.stderr.write(
            "nothing written: publish an incompatible change as a new event type with the next major version "
            "(...v2) beside the old one; --force overwrites the snapshots anyway\n"
        )
        return 1
    sys.stdout.write(f"contracts: snapshots of {len(current_schemas())} event types written to {schema_dir}\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``check`` or ``write`` the snapshots; returns the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m sme_contracts.schemas", description=__doc__.split("\n\n")[0] if __doc__ else None
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="compare the code's schemas with the snapshots (BACKWARD)")
    write_parser = commands.add_parser("write", help="store new and compatibly changed schemas as snapshots")
    write_parser.add_argument(
        "--force", action="store_true", help="also store incompatible changes and drop removed types"
    )
    for command in (check_parser, write_parser):
        command.add_argument("--dir", type=Path, default=SCHEMA_DIR, help=f"snapshot directory (default {SCHEMA_DIR})")
    arguments = parser.parse_args(argv)
    if arguments.command == "check":
        return _run_check(arguments.dir)
    return _run_write(arguments.dir, arguments.force)


if __name__ == "__main__":
    sys.exit(main())
