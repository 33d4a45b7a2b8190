"""Rows of plain dataclasses, as the repositories store them (upserts are the kit's: `sme_kit.upsert`)."""

from __future__ import annotations

import dataclasses
from enum import Enum
from typing import Any


def row_of(obj: Any, *, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """The columns of a dataclass as stored: enums by value."""
    row = {}
    for f in dataclasses.fields(obj):
        if f.name in skip:
            continue
        value = getattr(obj, f.name)
        row[f.name] = value.value if isinstance(value, Enum) else value
    return row
