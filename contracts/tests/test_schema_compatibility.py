"""BACKWARD compatibility of event schemas: a consumer of the new schema reads every old message.

The rules are shown on throwaway pydantic models (plain ``BaseModel``, not ``Event``, so that the
catalogue stays as the code declares it); `check`, `write` and the command line on snapshot
directories made in ``tmp_path``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal
from uuid import UUID

import jsonschema
import pytest
from pydantic import BaseModel, ConfigDict, Field, create_model

from sme_contracts.base import all_event_types
from sme_contracts.compat import compare
from sme_contracts.registry import ApplicationSubmitted
from sme_contracts.schemas import SCHEMA_DIR, check, current_schemas, render, snapshot_path, write

EVENT = "gz.sme.test.thing.v1"
SUBMITTED = "gz.sme.registry.application.submitted.v1"


def schema(model: type[BaseModel]) -> dict[str, Any]:
    return {**model.model_json_schema(), "x-event-type": EVENT}


def problems(old: type[BaseModel], new: type[BaseModel]) -> list[str]:
    """What `compare` refuses when ``new`` replaces ``old``."""
    return compare(schema(old), schema(new))


def at(path: str, message: str) -> str:
    return f"{EVENT}: {path}: {message}"


def thing(annotation: Any, *args: Any, **constraints: Any) -> type[BaseModel]:
    """A model with one field ``value`` of this type and these `Field` arguments."""
    model: type[BaseModel] = create_model("Thing", value=(annotation, Field(*args, **constraints)))
    return model


# --- fields added, removed, made required ---------------------------------------------------------


class Applicant(BaseModel):
    name: str
    phone: str | None = None


class ApplicantWithEmail(BaseModel):
    name: str
    phone: str | None = None
    email: str | None = None


class ApplicantWithRequiredEmail(BaseModel):
    name: str
    phone: str | None = None
    email: str


class ApplicantWithRequiredPhone(BaseModel):
    name: str
    phone: str | None


class ApplicantWithoutPhone(BaseModel):
    name: str


class ClosedApplicant(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    phone: str | None = None


class ClosedApplicantWithoutPhone(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str


def test_an_unchanged_schema_is_compatible() -> None:
    assert problems(Applicant, Applicant) == []


def test_adding_an_optional_field_is_compatible() -> None:
    assert problems(Applicant, ApplicantWithEmail) == []


def test_adding_a_required_field_is_refused() -> None:
    assert problems(Applicant, ApplicantWithRequiredEmail) == [at("properties.email", "new required property")]


def test_making_an_optional_field_required_is_refused() -> None:
    assert problems(Applicant, ApplicantWithRequiredPhone) == [
        at("properties.phone", "optional property made required")
    ]


def test_making_a_required_field_optional_is_compatible() -> None:
    assert problems(ApplicantWithRequiredEmail, ApplicantWithEmail) == []


def test_removing_a_field_is_compatible_because_readers_ignore_unknown_fields() -> None:
    assert problems(Applicant, ApplicantWithoutPhone) == []


def test_removing_a_field_is_refused_when_the_reader_refuses_unknown_fields() -> None:
    assert problems(ClosedApplicant, ClosedApplicantWithoutPhone) == [
        at("properties.phone", "property removed while unknown properties are refused")
    ]


def test_refusing_unknown_fields_is_refused() -> None:
    assert problems(Applicant, ClosedApplicant) == [at("additionalProperties", "unknown properties are now refused")]


def test_accepting_unknown_fields_again_is_compatible() -> None:
    assert problems(ClosedApplicant, Applicant) == []


# --- types ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (str, int, "type changed from string to integer"),
        (int, bool, "type changed from integer to boolean"),
        (float, int, "type narrowed from number to integer"),
        (Any, str, "type narrowed from any to string"),
        (str | None, str, "no longer nullable"),
        (int | str, int, "type string no longer accepted (now integer)"),
    ],
    ids=["string-to-integer", "integer-to-boolean", "number-to-integer", "any-to-string", "nullable-removed", "union"],
)
def test_changing_or_narrowing_a_type_is_refused(old: Any, new: Any, message: str) -> None:
    assert problems(thing(old), thing(new)) == [at("properties.value", message)]


@pytest.mark.parametrize(
    ("old", "new"),
    [(int, float), (str, str | None), (int, int | str), (str, Any), (int | None, float | None)],
    ids=["integer-to-number", "made-nullable", "into-a-union", "to-any", "nullable-integer-to-nullable-number"],
)
def test_widening_a_type_is_compatible(old: Any, new: Any) -> None:
    assert problems(thing(old), thing(new)) == []


# --- enums and constants -------------------------------------------------------------------------


class Kind(StrEnum):
    NEW = "new"
    RE_REVIEW = "re_review"


class KindWithoutNew(StrEnum):
    RE_REVIEW = "re_review"


class KindWithTransfer(StrEnum):
    NEW = "new"
    RE_REVIEW = "re_review"
    TRANSFER = "transfer"


def test_removing_an_enum_value_is_refused() -> None:
    assert problems(thing(Kind), thing(KindWithoutNew)) == [at("properties.value", "enum value 'new' removed")]


def test_adding_an_enum_value_is_compatible() -> None:
    assert problems(thing(Kind), thing(KindWithTransfer)) == []


def test_removing_a_literal_value_is_refused() -> None:
    assert problems(thing(Literal["a", "b", "c"]), thing(Literal["a", "b"])) == [
        at("properties.value", "enum value 'c' removed")
    ]


def test_limiting_a_field_to_some_values_is_refused() -> None:
    assert problems(thing(str), thing(Kind)) == [at("properties.value", "enum added: only 'new', 're_review' accepted")]


def test_limiting_a_field_to_one_value_is_refused() -> None:
    assert problems(thing(str), thing(Literal["x"])) == [at("properties.value", "const 'x' added")]


def test_changing_a_constant_is_refused() -> None:
    assert problems(thing(Literal["x"]), thing(Literal["y"])) == [
        at("properties.value", "value 'x' no longer accepted (const 'y')")
    ]


def test_replacing_values_by_their_type_is_compatible() -> None:
    assert problems(thing(Kind), thing(str)) == []
    assert problems(thing(Literal["x"]), thing(str)) == []


# --- constraints ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (thing(str), thing(str, max_length=5), "maxLength 5 added"),
        (thing(str), thing(str, min_length=1), "minLength 1 added"),
        (thing(str), thing(str, pattern="^[0-9]{6}$"), "pattern '^[0-9]{6}$' added"),
        (thing(str), thing(datetime), "format 'date-time' added"),
        (thing(str), thing(UUID), "format 'uuid' added"),
        (thing(int), thing(int, ge=0), "lower bound >= 0 added"),
        (thing(int), thing(int, gt=0), "lower bound > 0 added"),
        (thing(int), thing(int, le=10), "upper bound <= 10 added"),
        (thing(int), thing(int, lt=10), "upper bound < 10 added"),
        (thing(int), thing(int, multiple_of=5), "multipleOf 5 added"),
        (thing(list[int]), thing(list[int], min_length=1), "minItems 1 added"),
        (thing(list[int]), thing(list[int], max_length=3), "maxItems 3 added"),
        (thing(list[int]), thing(set[int]), "uniqueItems added"),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_adding_a_constraint_is_refused(old: type[BaseModel], new: type[BaseModel], message: str) -> None:
    assert problems(old, new) == [at("properties.value", message)]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (thing(str, max_length=10), thing(str, max_length=5), "maxLength tightened from 10 to 5"),
        (thing(str, min_length=1), thing(str, min_length=2), "minLength tightened from 1 to 2"),
        (thing(str, pattern="^a"), thing(str, pattern="^b"), "pattern changed from '^a' to '^b'"),
        (thing(datetime), thing(date), "format changed from 'date-time' to 'date'"),
        (thing(int, ge=0), thing(int, ge=1), "lower bound tightened from >= 0 to >= 1"),
        (thing(int, ge=0), thing(int, gt=0), "lower bound tightened from >= 0 to > 0"),
        (thing(int, le=10), thing(int, lt=10), "upper bound tightened from <= 10 to < 10"),
        (thing(int, le=10), thing(int, le=9), "upper bound tightened from <= 10 to <= 9"),
        (thing(int, multiple_of=2), thing(int, multiple_of=4), "multipleOf changed from 2 to 4"),
        (thing(list[int], max_length=3), thing(list[int], max_length=2), "maxItems tightened from 3 to 2"),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_tightening_a_constraint_is_refused(old: type[BaseModel], new: type[BaseModel], message: str) -> None:
    assert problems(old, new) == [at("properties.value", message)]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (thing(str, max_length=5), thing(str, max_length=10)),
        (thing(str, max_length=5), thing(str)),
        (thing(str, min_length=2), thing(str, min_length=1)),
        (thing(str, pattern="^a"), thing(str)),
        (thing(datetime), thing(str)),
        (thing(int, ge=1), thing(int, ge=0)),
        (thing(int, gt=0), thing(int, ge=0)),
        (thing(int, lt=10), thing(int, le=10)),
        (thing(float, multiple_of=0.4), thing(float, multiple_of=0.2)),
        (thing(set[int]), thing(list[int])),
    ],
    ids=[
        "maxLength-raised",
        "maxLength-removed",
        "minLength-lowered",
        "pattern-removed",
        "format-removed",
        "minimum-lowered",
        "exclusive-to-inclusive",
        "maximum-inclusive",
        "multipleOf-divisor",
        "uniqueItems-removed",
    ],
)
def test_loosening_or_removing_a_constraint_is_compatible(old: type[BaseModel], new: type[BaseModel]) -> None:
    assert problems(old, new) == []


def test_description_title_examples_and_default_changes_are_ignored() -> None:
    old = thing(str, "x", description="Old text.", examples=["a"])
    new = thing(str, "y", description="New text.", examples=["b", "c"], title="Another title")

    assert problems(old, new) == []


def test_adding_a_keyword_the_check_does_not_understand_is_refused() -> None:
    old = {"type": "object", "properties": {"code": {"type": "string"}}, "x-event-type": EVENT}
    new = {"type": "object", "properties": {"code": {"type": "string", "not": {"const": ""}}}, "x-event-type": EVENT}

    assert compare(old, new) == [at("properties.code", "not added (not analysed, so treated as incompatible)")]
    assert compare(new, old) == []


# --- nested objects, arrays, references ----------------------------------------------------------


class Address(BaseModel):
    city: str
    postcode: str | None = None


class AddressWithRequiredPostcode(BaseModel):
    city: str
    postcode: str


class PostalAddress(BaseModel):
    """The same shape as `Address` under another name."""

    city: str
    postcode: str | None = Field(default=None, description="Six digits.")


class TreeV1(BaseModel):
    name: str
    children: list[TreeV1] = []
    parent: TreeV1 | None = None


class TreeV2(BaseModel):
    name: str
    children: list[TreeV2] = []
    parent: TreeV2 | None = None
    label: str | None = None


class TreeWithIntegerName(BaseModel):
    name: int
    children: list[TreeWithIntegerName] = []
    parent: TreeWithIntegerName | None = None


def test_nested_objects_are_checked_recursively() -> None:
    assert problems(thing(Address), thing(AddressWithRequiredPostcode)) == [
        at("properties.value.properties.postcode", "optional property made required"),
        at("properties.value.properties.postcode", "no longer nullable"),
    ]


def test_array_items_are_checked_recursively() -> None:
    assert problems(thing(list[int]), thing(list[str])) == [
        at("properties.value.items", "type changed from integer to string")
    ]
    assert problems(thing(list[Address]), thing(list[AddressWithRequiredPostcode]))[0] == at(
        "properties.value.items.properties.postcode", "optional property made required"
    )


def test_map_values_are_checked_recursively() -> None:
    assert problems(thing(dict[str, int]), thing(dict[str, str])) == [
        at("properties.value.additionalProperties", "type changed from integer to string")
    ]


def test_tuple_positions_are_checked() -> None:
    assert problems(thing(tuple[int, str]), thing(tuple[int, int])) == [
        at("properties.value.prefixItems.1", "type changed from string to integer")
    ]


def test_references_are_resolved_so_a_renamed_model_of_the_same_shape_is_compatible() -> None:
    assert problems(thing(Address), thing(PostalAddress)) == []
    assert problems(thing(Address | None), thing(PostalAddress | None)) == []


def test_a_nested_model_made_nullable_is_compatible_and_the_reverse_refused() -> None:
    assert problems(thing(Address), thing(Address | None)) == []
    assert problems(thing(Address | None), thing(Address)) == [at("properties.value", "no longer nullable")]


def test_recursive_models_are_compared_without_looping() -> None:
    assert problems(TreeV1, TreeV2) == []
    assert problems(TreeV1, TreeWithIntegerName) == [at("properties.name", "type changed from string to integer")]


def test_moving_an_event_type_to_another_topic_is_refused() -> None:
    old = {**schema(Applicant), "x-topic": "gz.sme.registry.application"}
    new = {**schema(Applicant), "x-topic": "gz.sme.registry.station"}

    assert compare(old, new) == [f"{EVENT}: x-topic: moved from gz.sme.registry.application to gz.sme.registry.station"]


def test_a_message_names_the_event_type_and_the_path() -> None:
    old = current_schemas()[SUBMITTED]
    new = json.loads(json.dumps(old))
    new["$defs"]["ApplicationKind"]["enum"].remove("new")

    assert compare(old, new) == [f"{SUBMITTED}: properties.kind: enum value 'new' removed"]


# --- the schemas of the code ---------------------------------------------------------------------


def test_every_event_schema_names_its_type_and_topic() -> None:
    schemas = current_schemas()

    assert schemas[SUBMITTED]["x-event-type"] == SUBMITTED
    assert schemas[SUBMITTED]["x-topic"] == "gz.sme.registry.application"


def test_the_schema_accepts_what_the_producer_writes(submitted: ApplicationSubmitted) -> None:
    jsonschema.validate(json.loads(submitted.model_dump_json()), current_schemas()[SUBMITTED])


# --- check and write -----------------------------------------------------------------------------


def tamper(schema_dir: Path, event_type: str, change: Any) -> None:
    """Edit a snapshot as if an older schema had been published."""
    path = snapshot_path(schema_dir, event_type)
    stored = json.loads(path.read_text(encoding="utf-8"))
    change(stored)
    path.write_text(render(stored), encoding="utf-8")


def had_transfer_kind(stored: dict[str, Any]) -> None:
    """The old schema also had the kind 'transfer', which the code no longer has."""
    stored["$defs"]["ApplicationKind"]["enum"].append("transfer")


def had_no_resubmission(stored: dict[str, Any]) -> None:
    """The old schema had no optional field 'resubmission' yet."""
    del stored["properties"]["resubmission"]


@pytest.fixture
def snapshots(tmp_path: Path) -> Path:
    """A snapshot directory up to date with the code."""
    assert write(tmp_path) == []
    return tmp_path


def test_check_passes_on_the_committed_snapshots() -> None:
    assert check() == []


def test_the_committed_snapshots_are_up_to_date() -> None:
    for event_type, current in current_schemas().items():
        assert snapshot_path(SCHEMA_DIR, event_type).read_text(encoding="utf-8") == render(current), (
            f"{event_type}: run `python -m sme_contracts.schemas write`"
        )


def test_check_reports_a_new_event_type_without_snapshot(tmp_path: Path) -> None:
    problems = check(tmp_path)
    assert f"new event type {SUBMITTED} has no snapshot: run `make contracts-snapshot`" in problems
    assert len(problems) == len(all_event_types())


def test_check_reports_a_published_event_type_that_was_removed(snapshots: Path) -> None:
    withdrawn = "gz.sme.registry.application.withdrawn.v1"
    snapshot_path(snapshots, withdrawn).write_text(render({"type": "object", "x-event-type": withdrawn}), "utf-8")

    assert check(snapshots) == [
        f"event type {withdrawn} was removed but is published: keep it until every consumer has moved to its successor"
    ]


def test_check_reports_an_incompatible_change(snapshots: Path) -> None:
    tamper(snapshots, SUBMITTED, had_transfer_kind)

    assert check(snapshots) == [f"{SUBMITTED}: properties.kind: enum value 'transfer' removed"]


def test_check_reports_an_unreadable_snapshot(snapshots: Path) -> None:
    snapshot_path(snapshots, SUBMITTED).write_text("{", encoding="utf-8")

    problems = check(snapshots)

    assert problems[0].startswith(f"snapshot {SUBMITTED}.json cannot be read")


def test_write_stores_snapshots_sorted_and_ending_with_a_newline(tmp_path: Path) -> None:
    assert write(tmp_path) == []

    text = snapshot_path(tmp_path, SUBMITTED).read_text(encoding="utf-8")
    assert text.endswith("}\n")
    assert text == json.dumps(json.loads(text), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert check(tmp_path) == []


def test_write_stores_a_compatible_change(snapshots: Path) -> None:
    tamper(snapshots, SUBMITTED, had_no_resubmission)

    assert write(snapshots) == []
    assert "resubmission" in json.loads(snapshot_path(snapshots, SUBMITTED).read_text(encoding="utf-8"))["properties"]


def test_write_refuses_an_incompatible_change_and_writes_nothing(snapshots: Path) -> None:
    tamper(snapshots, SUBMITTED, had_transfer_kind)
    before = snapshot_path(snapshots, SUBMITTED).read_text(encoding="utf-8")

    assert write(snapshots) == [f"{SUBMITTED}: properties.kind: enum value 'transfer' removed"]
    assert snapshot_path(snapshots, SUBMITTED).read_text(encoding="utf-8") == before


def test_write_refuses_to_drop_a_removed_event_type(snapshots: Path) -> None:
    withdrawn = snapshot_path(snapshots, "gz.sme.registry.application.withdrawn.v1")
    withdrawn.write_text(render({"type": "object"}), encoding="utf-8")

    assert len(write(snapshots)) == 1
    assert withdrawn.exists()


def test_write_with_force_overwrites_and_drops_removed_types(snapshots: Path) -> None:
    tamper(snapshots, SUBMITTED, had_transfer_kind)
    withdrawn = snapshot_path(snapshots, "gz.sme.registry.application.withdrawn.v1")
    withdrawn.write_text(render({"type": "object"}), encoding="utf-8")

    assert write(snapshots, force=True) == []
    assert not withdrawn.exists()
    assert check(snapshots) == []


# --- command line --------------------------------------------------------------------------------


def run(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sme_contracts.schemas", *arguments],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=60,
    )


def test_cli_check_exits_0_when_the_schemas_are_compatible(snapshots: Path) -> None:
    result = run("check", "--dir", str(snapshots))

    expected = f"contracts: {len(all_event_types())} event types, schemas compatible\n"
    assert (result.returncode, result.stdout) == (0, expected)


def test_cli_check_exits_1_on_a_breaking_change_with_each_problem_on_a_line(snapshots: Path) -> None:
    tamper(snapshots, SUBMITTED, had_transfer_kind)
    snapshot_path(snapshots, "gz.sme.registry.application.withdrawn.v1").write_text("{}\n", encoding="utf-8")

    result = run("check", "--dir", str(snapshots))

    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "event type gz.sme.registry.application.withdrawn.v1 was removed but is published: "
        "keep it until every consumer has moved to its successor",
        f"{SUBMITTED}: properties.kind: enum value 'transfer' removed",
    ]


def test_cli_write_refuses_a_breaking_change(snapshots: Path) -> None:
    tamper(snapshots, SUBMITTED, had_transfer_kind)

    result = run("write", "--dir", str(snapshots))

    assert result.returncode == 1
    assert f"{SUBMITTED}: properties.kind: enum value 'transfer' removed" in result.stderr.splitlines()
    assert run("write", "--dir", str(snapshots), "--force").returncode == 0
    assert run("check", "--dir", str(snapshots)).returncode == 0
