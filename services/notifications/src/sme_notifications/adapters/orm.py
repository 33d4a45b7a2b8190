"""Notifications' tables."""

from sqlalchemy import BigInteger, Column, Integer, String, Table, Text, UniqueConstraint

from sme_kit.db import AwareDateTime, new_metadata

metadata = new_metadata()

deliveries = Table(
    "deliveries",
    metadata,
    Column("id", BigInteger().with_variant(Integer(), "sqlite"), primary_key=True, autoincrement=True),
    Column("event_id", String(64), nullable=False),
    Column("event_type", String(255), nullable=False),
    Column("recipient", String(255), nullable=False, index=True),
    Column("channel", String(20), nullable=False),
    Column("subject", String(255), nullable=False),
    Column("body", Text, nullable=False),
    Column("status", String(20), nullable=False),
    Column("created_at", AwareDateTime(), nullable=False),
    UniqueConstraint("event_id", "recipient", "channel", name="uq_deliveries_event_recipient_channel"),
)
