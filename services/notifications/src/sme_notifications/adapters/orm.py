"""Notifications' tables: the delivery record and its attempts, inbox read marks, and the directory.

The directory (organisations, officials, preferences) is the only place personal data lives in
this service; stations and applications hold public links (id → USCC, district) learnt from events.
"""

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Index,
    Integer,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)

from sme_kit.db import AwareDateTime, new_metadata

metadata = new_metadata()

deliveries = Table(
    "deliveries",
    metadata,
    Column("id", BigInteger().with_variant(Integer(), "sqlite"), primary_key=True, autoincrement=True),
    Column("delivery_id", String(36), nullable=False, unique=True),
    Column("event_id", String(64), nullable=False),
    Column("event_type", String(255), nullable=False, index=True),
    Column("recipient", String(255), nullable=False, index=True),
    Column("audience", String(255), nullable=False, index=True),
    Column("channel", String(20), nullable=False),
    Column("template_id", String(100), nullable=False),
    Column("template_version", Integer, nullable=False),
    Column("subject", String(255), nullable=False),
    Column("body", Text, nullable=False),
    Column("mandatory", Boolean, nullable=False),
    Column("status", String(20), nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("next_attempt_at", AwareDateTime(), nullable=True),
    Column("last_error", String(1000), nullable=True),
    Column("error_code", String(40), nullable=True),
    Column("created_at", AwareDateTime(), nullable=False, index=True),
    Column("updated_at", AwareDateTime(), nullable=False),
    Column("delivered_at", AwareDateTime(), nullable=True),
    # An address the event carried (a form's contact, outside the directory): kept until final only.
    Column("address", String(254), nullable=True),
    # The body carries a one-time secret: erased once final, never shown, never sent again.
    Column("secret", Boolean, nullable=False, server_default=false()),
    UniqueConstraint("event_id", "recipient", "channel", name="uq_deliveries_event_recipient_channel"),
    Index("ix_deliveries_due", "status", "next_attempt_at"),
)

delivery_attempts = Table(
    "delivery_attempts",
    metadata,
    Column("id", BigInteger().with_variant(Integer(), "sqlite"), primary_key=True, autoincrement=True),
    Column("delivery_id", String(36), nullable=False),
    Column("number", Integer, nullable=False),
    Column("at", AwareDateTime(), nullable=False),
    Column("outcome", String(20), nullable=False),
    Column("error_code", String(40), nullable=True),
    Column("error", String(1000), nullable=True),
    UniqueConstraint("delivery_id", "number", name="uq_delivery_attempts_delivery_id"),
)

inbox_reads = Table(
    "inbox_reads",
    metadata,
    Column("delivery_id", String(36), nullable=False),
    Column("reader", String(255), nullable=False),
    Column("read_at", AwareDateTime(), nullable=False),
    PrimaryKeyConstraint("delivery_id", "reader", name="pk_inbox_reads"),
)

organisations = Table(
    "organisations",
    metadata,
    Column("uscc", String(18), primary_key=True),
    Column("name", String(200), nullable=True),
    Column("contact_name", String(100), nullable=True),
    Column("email", String(254), nullable=True),
    Column("mobile", String(20), nullable=True),
    Column("contact_updated_at", AwareDateTime(), nullable=True),
    Column("updated_at", AwareDateTime(), nullable=False),
)

officials = Table(
    "officials",
    metadata,
    Column("subject", String(255), primary_key=True),
    Column("name", String(100), nullable=False),
    Column("role", String(40), nullable=False),
    Column("district_code", String(6), nullable=True),
    Column("email", String(254), nullable=True),
    Column("mobile", String(20), nullable=True),
    Column("created_at", AwareDateTime(), nullable=False),
    Column("updated_at", AwareDateTime(), nullable=False),
    Index("ix_officials_role_district", "role", "district_code"),
)

stations = Table(
    "stations",
    metadata,
    Column("station_id", String(64), primary_key=True),
    Column("uscc", String(18), nullable=False, index=True),
    Column("district_code", String(6), nullable=False),
    Column("name", String(200), nullable=True),
    Column("status", String(20), nullable=True),
    Column("updated_at", AwareDateTime(), nullable=False),
)

applications = Table(
    "applications",
    metadata,
    Column("application_id", String(64), primary_key=True),
    Column("uscc", String(18), nullable=False),
    Column("district_code", String(6), nullable=False),
    Column("entity_name", String(200), nullable=True),
    Column("updated_at", AwareDateTime(), nullable=False),
)

preferences = Table(
    "preferences",
    metadata,
    Column("recipient", String(255), primary_key=True),
    Column("email", Boolean, nullable=False),
    Column("sms", Boolean, nullable=False),
    Column("updated_at", AwareDateTime(), nullable=False),
)
