"""INSERT … ON CONFLICT on both backends: PostgreSQL in production, SQLite for `make run` and tests.

A read model that learns a fact, a counter seeded once, a row saved whole: each is one statement
that the database makes atomic, instead of a SELECT then an INSERT that two concurrent writers both
pass (the second then fails on the key). SQLAlchemy spells the statement per dialect; these helpers
pick the session's dialect so repositories never do.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects.postgresql import Insert as PgInsert
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import Insert as SqliteInsert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

__all__ = ["insert_for", "insert_or_ignore", "insert_or_update"]

# An update spelled as column names takes each from the row being inserted; a mapping sets these values.
Updates = Collection[str] | Mapping[str, Any]


def insert_for(session: AsyncSession, table: Table) -> PgInsert | SqliteInsert:
    """An INSERT of the session's dialect, which offers ``on_conflict_do_nothing`` / ``_do_update``."""
    if session.get_bind().dialect.name == "postgresql":
        return pg_insert(table)
    return sqlite_insert(table)


async def insert_or_update(
    session: AsyncSession,
    table: Table,
    values: Mapping[str, Any],
    *,
    keys: Collection[str],
    update: Updates | None = None,
) -> None:
    """Insert the row, or update the row that has the same ``keys`` (a primary key or unique index).

    ``update`` says what an existing row takes: None, every column of ``values`` except the keys;
    column names, those columns of ``values`` (so e.g. ``created_at`` keeps its first value); a
    mapping, exactly those values (e.g. ``{"fired_at": None}``).
    """
    if not keys:
        raise ValueError("insert_or_update needs the key columns its conflict is on")
    statement = insert_for(session, table).values(dict(values))
    if update is None:
        update = [name for name in values if name not in keys]
    if isinstance(update, Mapping):
        changes: dict[str, Any] = dict(update)
    else:
        changes = {name: statement.excluded[name] for name in update}
    if not changes:
        # Nothing to change on a conflict: an insert that keeps the existing row.
        await insert_or_ignore(session, table, values, keys=keys)
        return
    await session.execute(statement.on_conflict_do_update(index_elements=list(keys), set_=changes))


async def insert_or_ignore(
    session: AsyncSession, table: Table, values: Mapping[str, Any], *, keys: Collection[str] | None = None
) -> bool:
    """Insert the row unless it conflicts; True when it was inserted.

    With ``keys`` only a conflict on that key (primary key or unique index) is ignored; without,
    a conflict on any of the table's unique constraints is.
    """
    statement = insert_for(session, table).values(dict(values))
    ignoring = statement.on_conflict_do_nothing(index_elements=list(keys) if keys else None)
    result = await session.execute(ignoring)
    return bool(getattr(result, "rowcount", 0))
