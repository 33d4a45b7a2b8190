"""Small helpers the repositories share: dialect-aware upserts and rows of plain dataclasses."""

from __future__ import annotations

import dataclasses
from enum import Enum
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession


def row_of(obj: Any, *, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """The columns of a dataclass as stored: enums by value."""
    row = {}
    for f in dataclasses.fields(obj):
        if f.name in skip:
            continue
        value = getattr(obj, f.name)
        row[f.name] = value.value if isinstance(value, Enum) else value
    return row


def insert_for(session: AsyncSession, table: Table) -> Any:
    """An INSERT that can be made ``ON CONFLICT`` on both PostgreSQL and SQLite."""
    dialect = session.get_bind().dialect.name
    return (pg_insert if dialect == "postgresql" else sqlite_insert)(table)


async def upsert(session: AsyncSession, table: Table, values: dict[str, Any], keys: list[str]) -> None:
    """Insert the row, or update every other column of the row with the same keys."""
    statement = insert_for(session, table).values(**values)
    updates = {name: value for name, value in values.items() if name not in keys}
    await session.execute(statement.on_conflict_do_update(index_elements=keys, set_=updates))
