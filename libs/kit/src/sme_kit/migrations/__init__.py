"""Alembic support shared by every service: one migration history per service.

A service keeps its migrations in ``<package>/migrations`` with an ``env.py`` that calls
`run_env(target_metadata)`, and its first revision calls `create_kit_tables()`.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from alembic import command, context, op
from alembic.config import Config
from sqlalchemy import MetaData, pool
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import create_async_engine

from sme_kit.tables import kit_metadata


def alembic_config(migrations_dir: Path, database_url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir))
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


def upgrade(migrations_dir: Path, database_url: str, revision: str = "head") -> None:
    """Bring a database to the newest revision. Blocking: call it from a thread in async code."""
    command.upgrade(alembic_config(migrations_dir, database_url), revision)


async def upgrade_async(migrations_dir: Path, database_url: str) -> None:
    await asyncio.to_thread(upgrade, migrations_dir, database_url)


def run_env(target_metadata: MetaData) -> None:
    """The body of every service's ``env.py``: online migrations over the async engine."""
    url = context.config.get_main_option("sqlalchemy.url")
    assert url is not None, "sqlalchemy.url is set by alembic_config()"
    metadata = [target_metadata, kit_metadata]
    if context.is_offline_mode():
        context.configure(url=url, target_metadata=metadata, literal_binds=True)
        with context.begin_transaction():
            context.run_migrations()
        return

    def run(connection: Connection) -> None:
        context.configure(
            connection=connection, target_metadata=metadata, render_as_batch=connection.dialect.name == "sqlite"
        )
        with context.begin_transaction():
            context.run_migrations()

    async def main() -> None:
        engine = create_async_engine(url, poolclass=pool.NullPool)
        async with engine.connect() as connection:
            await connection.run_sync(run)
            await connection.commit()
        await engine.dispose()

    asyncio.run(main())


def create_kit_tables() -> None:
    """Create the kit's tables (outbox, inbox, timers, audit log) in a service's first revision.

    This creates them as `sme_kit.tables` declares them now; any later change to a kit table
    comes with its own helper here, called from a new revision of every service.
    """
    bind = op.get_bind()
    kit_metadata.create_all(bind, checkfirst=False)


def drop_kit_tables() -> None:
    kit_metadata.drop_all(op.get_bind())
