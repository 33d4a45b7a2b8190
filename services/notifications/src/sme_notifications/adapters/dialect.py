"""INSERT … ON CONFLICT on both backends (PostgreSQL in production, SQLite for `make run`)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession


def insert_into(session: AsyncSession, table: Table) -> Any:
    """An INSERT of the session's dialect, offering ``on_conflict_do_nothing`` / ``_do_update``."""
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    return insert(table)


def is_postgresql(session: AsyncSession) -> bool:
    return session.get_bind().dialect.name == "postgresql"
