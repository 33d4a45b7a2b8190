"""Tables the kit keeps in every service's own database: outbox, inbox, timers, audit log.

They are created by each service's first Alembic migration (`sme_kit.migrations.create_kit_tables`),
so that one migration history per service covers everything in its database.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Index,
    Integer,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

from sme_kit.db import AwareDateTime, new_metadata

kit_metadata = new_metadata()

# SQLite only auto-increments an INTEGER PRIMARY KEY; PostgreSQL gets a BIGINT identity.
AutoId = BigInteger().with_variant(Integer(), "sqlite")

outbox = Table(
    "kit_outbox",
    kit_metadata,
    Column("id", AutoId, primary_key=True, autoincrement=True, comment="Publication order."),
    Column("event_id", String(64), nullable=False, unique=True),
    Column("topic", String(255), nullable=False),
    Column("key", String(255), nullable=False),
    Column("event_type", String(255), nullable=False),
    Column("headers", JSON, nullable=False, comment="CloudEvents binary-mode headers as [name, value] pairs."),
    Column("payload", Text, nullable=False),
    Column("created_at", AwareDateTime(), nullable=False),
    comment="Events committed and not yet acknowledged by the broker; the relay deletes them once it is.",
)

inbox = Table(
    "kit_inbox",
    kit_metadata,
    Column("consumer", String(255), nullable=False),
    Column("event_id", String(64), nullable=False),
    Column("event_type", String(255), nullable=False),
    Column("processed_at", AwareDateTime(), nullable=False),
    PrimaryKeyConstraint("consumer", "event_id"),
)

timers = Table(
    "kit_timers",
    kit_metadata,
    Column("id", AutoId, primary_key=True, autoincrement=True),
    Column("kind", String(100), nullable=False),
    Column("key", String(255), nullable=False),
    Column("due_at", AwareDateTime(), nullable=False),
    Column("payload", JSON, nullable=False),
    Column("created_at", AwareDateTime(), nullable=False),
    Column("fired_at", AwareDateTime(), nullable=True),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("last_error", Text, nullable=True),
    UniqueConstraint("kind", "key", name="uq_kit_timers_kind_key"),
    Index(
        "ix_kit_timers_pending",
        "due_at",
        postgresql_where=text("fired_at IS NULL"),
        sqlite_where=text("fired_at IS NULL"),
    ),
)

audit_log = Table(
    "kit_audit_log",
    kit_metadata,
    Column("id", AutoId, primary_key=True, autoincrement=True),
    Column("at", AwareDateTime(), nullable=False),
    Column("actor", String(255), nullable=False, comment="Token subject, or 'system' for timers and events."),
    Column("role", String(50), nullable=False),
    Column("action", String(100), nullable=False),
    Column("target_type", String(100), nullable=False),
    Column("target_id", String(255), nullable=False),
    Column("reason", Text, nullable=True),
    Column("details", JSON, nullable=False),
    Column("trace_id", String(32), nullable=True),
    Index("ix_kit_audit_log_target", "target_type", "target_id"),
)

files = Table(
    "kit_files",
    kit_metadata,
    Column("id", String(36), primary_key=True),
    Column("purpose", String(100), nullable=False),
    Column("filename", String(255), nullable=False),
    Column("content_type", String(100), nullable=False),
    Column("size", BigInteger, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("owner_type", String(100), nullable=False),
    Column("owner_id", String(255), nullable=False),
    Column("uploaded_by", String(255), nullable=False),
    Column("stored_at", AwareDateTime(), nullable=False),
    Index("ix_kit_files_owner", "owner_type", "owner_id"),
)

calendar_years = Table(
    "kit_calendar_years",
    kit_metadata,
    Column("year", Integer, primary_key=True, autoincrement=False),
    Column("holidays", JSON, nullable=False, comment="ISO dates off work."),
    Column("workdays", JSON, nullable=False, comment="ISO dates of make-up workdays (调休上班)."),
    Column("source", String(255), nullable=False, comment="The official notice it comes from, or the config file."),
    Column("loaded_by", String(255), nullable=False),
    Column("loaded_at", AwareDateTime(), nullable=False),
)
