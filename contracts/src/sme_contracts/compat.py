"""BACKWARD compatibility of two JSON Schemas, as a schema registry in BACKWARD mode judges it.

A consumer built from the NEW schema must be able to read every message written with the OLD
one. Models are read as an open content model (unknown fields are ignored by consumers), so
removing a field is compatible and adding a required one is not.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

Schema = dict[str, Any]

# Keywords that do not constrain which documents are valid: changing them is always compatible.
ANNOTATIONS = frozenset(
    {
        "$comment",
        "$defs",
        "$id",
        "$schema",
        "default",
        "definitions",
        "deprecated",
        "description",
        "discriminator",
        "examples",
        "readOnly",
        "title",
        "writeOnly",
    }
)
LOWER_LIMITS = ("minLength", "minItems", "minProperties")
UPPER_LIMITS = ("maxLength", "maxItems", "maxProperties")
EXACT_KEYWORDS = ("format", "pattern", "contentEncoding", "contentMediaType")
# Keywords `compare` understands; any other assertion keyword that is added or changed is reported.
UNDERSTOOD = frozenset(
    {
        "type",
        "enum",
        "const",
        "anyOf",
        "oneOf",
        "properties",
        "required",
        "additionalProperties",
        "items",
        "prefixItems",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "multipleOf",
        "uniqueItems",
        *LOWER_LIMITS,
        *UPPER_LIMITS,
        *EXACT_KEYWORDS,
    }
)


# --- BACKWARD compatibility ----------------------------------------------------------------------


@dataclass
class _Context:
    """The two documents whose ``$ref`` are resolved, and the pairs of definitions being compared."""

    old_root: Schema
    new_root: Schema
    visiting: set[tuple[str, str]] = field(default_factory=set)


def compare(old: Schema, new: Schema) -> list[str]:
    """The BACKWARD-incompatible differences from ``old`` to ``new``; empty when compatible.

    A change is compatible when every document valid under ``old`` is valid under ``new``, with
    two conventions of this system: objects are an open content model (readers ignore unknown
    fields, so removing a property is fine) and an optional property that ``old`` did not declare
    may be added (producers write only the fields they declare). Annotations (``title``,
    ``description``, ``examples``, ``default``...) are ignored. Each message starts with the event
    type (or the model's title) and the path of the property, e.g.
    ``gz.sme.registry.application.submitted.v1: properties.kind: enum value 'new' removed``.
    """
    context = _Context(old_root=old, new_root=new)
    problems: list[str] = []
    if "x-topic" in old and old.get("x-topic") != new.get("x-topic"):
        problems.append(f"x-topic: moved from {old['x-topic']} to {new.get('x-topic')}")
    problems.extend(_compare(old, new, [], context))
    name = _schema_name(old, new)
    return [f"{name}: {problem}" for problem in dict.fromkeys(problems)]


def _schema_name(old: Schema, new: Schema) -> str:
    for schema in (new, old):
        if isinstance(schema.get("x-event-type"), str):
            return str(schema["x-event-type"])
    title = _resolve(new, new)[0].get("title")
    return str(title) if title else "schema"


def _at(path: Sequence[str], message: str) -> str:
    return f"{'.'.join(path)}: {message}" if path else message


def _compare(old: Schema | bool, new: Schema | bool, path: list[str], context: _Context) -> list[str]:
    """Problems of reading documents valid under ``old`` with ``new`` (both possibly ``$ref``)."""
    if old is False or new is True:
        return []
    if new is False:
        return [_at(path, "nothing is accepted any more")]
    old_node, old_ref = _resolve(old if isinstance(old, dict) else {}, context.old_root)
    new_node, new_ref = _resolve(new if isinstance(new, dict) else {}, context.new_root)
    if old_ref is None or new_ref is None:
        return _compare_resolved(old_node, new_node, path, context)
    pair = (old_ref, new_ref)
    if pair in context.visiting:
        return []  # a recursive definition: assume the pair compatible while comparing it
    context.visiting.add(pair)
    try:
        return _compare_resolved(old_node, new_node, path, context)
    finally:
        context.visiting.discard(pair)


def _resolve(node: Schema, root: Schema) -> tuple[Schema, str | None]:
    """Follow ``$ref`` and single-member ``allOf`` wrappers; the sibling keywords are kept."""
    ref: str | None = None
    followed: set[str] = set()
    while True:
        if "$ref" in node:
            ref = str(node["$ref"])
            if ref in followed:
                raise ValueError(f"$ref {ref} refers to itself")
            followed.add(ref)
            siblings = {key: value for key, value in node.items() if key != "$ref"}
            node = {**_pointer(root, ref), **siblings}
        elif isinstance(node.get("allOf"), list) and len(node["allOf"]) == 1:
            siblings = {key: value for key, value in node.items() if key != "allOf"}
            node = {**node["allOf"][0], **siblings}
        else:
            return node, ref


def _pointer(root: Schema, ref: str) -> Schema:
    """The part of ``root`` a local ``$ref`` (``#/$defs/Name``) points at."""
    if not ref.startswith("#"):
        raise ValueError(f"$ref {ref} is not local to the schema")
    target: Any = root
    for token in ref[1:].split("/")[1:]:
        key = token.replace("~1", "/").replace("~0", "~")
        try:
            target = target[int(key)] if isinstance(target, list) else target[key]
        except (KeyError, IndexError, ValueError, TypeError) as exc:
            raise ValueError(f"$ref {ref} points at nothing") from exc
    if not isinstance(target, dict):
        raise ValueError(f"$ref {ref} does not point at a schema")
    return target


def _alternatives(node: Schema) -> list[Schema]:
    """The schemas a union (``anyOf``/``oneOf``, a list of types) accepts one of; ``[node]`` otherwise."""
    for keyword in ("anyOf", "oneOf"):
        if isinstance(node.get(keyword), list):
            rest = {key: value for key, value in node.items() if key != keyword}
            return [{**rest, **branch} for branch in node[keyword]]
    if isinstance(node.get("type"), list):
        return [{**node, "type": kind} for kind in node["type"]]
    return [node]


def _compare_resolved(old: Schema, new: Schema, path: list[str], context: _Context) -> list[str]:
    old_branches, new_branches = _alternatives(old), _alternatives(new)
    if old_branches[0] is old and new_branches[0] is new:  # neither is a union
        return _compare_single(old, new, path, context)
    problems: list[str] = []
    for branch in old_branches:
        problems.extend(_coverage(branch, new_branches, path, context))
    return problems


def _coverage(old: Schema, new_branches: list[Schema], path: list[str], context: _Context) -> list[str]:
    """Nothing when some branch of the new union accepts what ``old`` accepts, else why not."""
    results = [_compare(old, branch, path, context) for branch in new_branches]
    if any(not result for result in results):
        return []
    old_type = _resolve(old, context.old_root)[0].get("type")
    new_types = [_resolve(branch, context.new_root)[0].get("type") for branch in new_branches]
    same_type = [
        result for result, new_type in zip(results, new_types, strict=True) if _type_accepts(new_type, old_type)
    ]
    if same_type:
        return min(same_type, key=len)
    if old_type == "null":
        return [_at(path, "no longer nullable")]
    accepted = " | ".join(dict.fromkeys(str(kind or "any") for kind in new_types))
    return [_at(path, f"type {old_type or 'any'} no longer accepted (now {accepted})")]


def _compare_single(old: Schema, new: Schema, path: list[str], context: _Context) -> list[str]:
    """Compare two schemas that are not unions."""
    type_problem = _type_problem(old, new)
    if type_problem:
        return [_at(path, type_problem)]
    problems = [
        _at(path, message)
        for rule in (_enum_problems, _limit_problems, _range_problems, _exact_problems, _unknown_keyword_problems)
        for message in rule(old, new)
    ]
    problems.extend(_object_problems(old, new, path, context))
    problems.extend(_array_problems(old, new, path, context))
    return problems


# --- rules for one schema ------------------------------------------------------------------------


def _type_accepts(new_type: object, old_type: object) -> bool:
    return new_type is None or new_type == old_type or (old_type == "integer" and new_type == "number")


def _type_problem(old: Schema, new: Schema) -> str | None:
    old_type, new_type = old.get("type"), new.get("type")
    if _type_accepts(new_type, old_type):
        return None
    if old_type is None:
        values = _values(old)
        if values is not None and all(_is_of_type(value, new_type) for value in values):
            return None
        return f"type narrowed from any to {new_type}"
    if old_type == "number" and new_type == "integer":
        return "type narrowed from number to integer"
    return f"type changed from {old_type} to {new_type}"


def _is_of_type(value: object, kind: object) -> bool:
    """Whether a JSON value is of a JSON Schema type."""
    if isinstance(value, bool):
        return kind == "boolean"
    if isinstance(value, int | float):
        return kind == "number" or (kind == "integer" and float(value).is_integer())
    python_types: dict[str, type | tuple[type, ...]] = {
        "null": type(None),
        "string": str,
        "array": list,
        "object": dict,
    }
    return kind in python_types and isinstance(value, python_types[kind])


def _values(schema: Schema) -> list[Any] | None:
    """The only values the schema accepts (``const``/``enum``), or None when not limited."""
    if "const" in schema:
        return [schema["const"]]
    if isinstance(schema.get("enum"), list):
        return list(schema["enum"])
    return None


def _json_key(value: Any) -> str:
    return json.dumps(value, sort_keys=True)


def _enum_problems(old: Schema, new: Schema) -> list[str]:
    new_values = _values(new)
    if new_values is None:
        return []
    old_values = _values(old)
    if old_values is None:
        shown = ", ".join(repr(value) for value in new_values)
        return [f"const {shown} added" if "const" in new else f"enum added: only {shown} accepted"]
    allowed = {_json_key(value) for value in new_values}
    removed = [value for value in old_values if _json_key(value) not in allowed]
    if "const" in new:
        return [f"value {value!r} no longer accepted (const {new['const']!r})" for value in removed]
    return [f"enum value {value!r} removed" for value in removed]


def _limit_problems(old: Schema, new: Schema) -> list[str]:
    """Length, item and property counts: a new or higher minimum, a new or lower maximum."""
    problems: list[str] = []
    for keywords, tighter in ((LOWER_LIMITS, _greater), (UPPER_LIMITS, _less)):
        for keyword in keywords:
            if keyword not in new:
                continue
            if keyword not in old:
                problems.append(f"{keyword} {new[keyword]} added")
            elif tighter(new[keyword], old[keyword]):
                problems.append(f"{keyword} tightened from {old[keyword]} to {new[keyword]}")
    return problems


def _greater(a: Any, b: Any) -> bool:
    return bool(a > b)


def _less(a: Any, b: Any) -> bool:
    return bool(a < b)


Bound = tuple[Any, bool]  # (value, exclusive)


def _bound(schema: Schema, inclusive: str, exclusive: str, tighter: Callable[[Any, Any], bool]) -> Bound | None:
    """The effective bound of ``minimum``/``exclusiveMinimum`` (or the maximum pair)."""
    candidates = [(schema[key], key == exclusive) for key in (inclusive, exclusive) if key in schema]
    if not candidates:
        return None
    best = candidates[0]
    for value, is_exclusive in candidates[1:]:
        if tighter(value, best[0]) or (value == best[0] and is_exclusive):
            best = (value, is_exclusive)
    return best


def _shown(bound: Bound, sign: str) -> str:
    """``>= 0``, ``< 10``..."""
    return f"{sign}{'' if bound[1] else '='} {bound[0]}"


def _range_problems(old: Schema, new: Schema) -> list[str]:
    """Numeric ranges (``minimum``, ``exclusiveMaximum``...) and ``multipleOf``."""
    problems: list[str] = []
    for side, inclusive, exclusive, tighter, sign in (
        ("lower", "minimum", "exclusiveMinimum", _greater, ">"),
        ("upper", "maximum", "exclusiveMaximum", _less, "<"),
    ):
        old_bound = _bound(old, inclusive, exclusive, tighter)
        new_bound = _bound(new, inclusive, exclusive, tighter)
        if new_bound is None:
            continue
        if old_bound is None:
            problems.append(f"{side} bound {_shown(new_bound, sign)} added")
        elif tighter(new_bound[0], old_bound[0]) or (
            new_bound[0] == old_bound[0] and new_bound[1] and not old_bound[1]
        ):
            problems.append(f"{side} bound tightened from {_shown(old_bound, sign)} to {_shown(new_bound, sign)}")
    if "multipleOf" in new:
        if "multipleOf" not in old:
            problems.append(f"multipleOf {new['multipleOf']} added")
        elif (Fraction(str(old["multipleOf"])) / Fraction(str(new["multipleOf"]))).denominator != 1:
            problems.append(f"multipleOf changed from {old['multipleOf']} to {new['multipleOf']}")
    return problems


def _exact_problems(old: Schema, new: Schema) -> list[str]:
    """``format``, ``pattern``... cannot be compared: adding or changing one is incompatible."""
    problems = [
        f"{keyword} {new[keyword]!r} added"
        if keyword not in old
        else f"{keyword} changed from {old[keyword]!r} to {new[keyword]!r}"
        for keyword in EXACT_KEYWORDS
        if keyword in new and old.get(keyword) != new[keyword]
    ]
    if new.get("uniqueItems") is True and old.get("uniqueItems") is not True:
        problems.append("uniqueItems added")
    return problems


def _unknown_keyword_problems(old: Schema, new: Schema) -> list[str]:
    """Any other assertion keyword: removing it only loosens, adding or changing it is refused."""
    return [
        f"{keyword} {'changed' if keyword in old else 'added'} (not analysed, so treated as incompatible)"
        for keyword in sorted(new.keys() - UNDERSTOOD - ANNOTATIONS)
        if not keyword.startswith("x-") and old.get(keyword) != new[keyword]
    ]


def _object_problems(old: Schema, new: Schema, path: list[str], context: _Context) -> list[str]:
    """Required properties, each property's schema, and what is allowed beside them."""
    old_properties: Schema = old.get("properties", {})
    new_properties: Schema = new.get("properties", {})
    old_required = set(old.get("required", []))
    new_extra = new.get("additionalProperties", True)
    problems = [
        _at(
            [*path, "properties", name],
            "optional property made required" if name in old_properties else "new required property",
        )
        for name in new.get("required", [])
        if name not in old_required
    ]
    for name, old_property in old_properties.items():
        where = [*path, "properties", name]
        if name in new_properties:
            problems.extend(_compare(old_property, new_properties[name], where, context))
        elif new_extra is False:
            problems.append(_at(where, "property removed while unknown properties are refused"))
        else:
            problems.extend(_compare(old_property, new_extra, where, context))
    old_extra = old.get("additionalProperties", True)
    where = [*path, "additionalProperties"]
    if new_extra is False and old_extra is not False:
        problems.append(_at(where, "unknown properties are now refused"))
    elif new_extra is not False:
        problems.extend(_compare(old_extra, new_extra, where, context))
    return problems


def _array_problems(old: Schema, new: Schema, path: list[str], context: _Context) -> list[str]:
    """Tuple positions (``prefixItems``) and the items after them, recursively."""
    old_prefix: list[Any] = old.get("prefixItems", [])
    new_prefix: list[Any] = new.get("prefixItems", [])
    old_items = old.get("items", True)
    new_items = new.get("items", True)
    problems: list[str] = []
    for index in range(max(len(old_prefix), len(new_prefix))):
        old_item = old_prefix[index] if index < len(old_prefix) else old_items
        new_item = new_prefix[index] if index < len(new_prefix) else new_items
        problems.extend(_compare(old_item, new_item, [*path, "prefixItems", str(index)], context))
    problems.extend(_compare(old_items, new_items, [*path, "items"], context))
    return problems
