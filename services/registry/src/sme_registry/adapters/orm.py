"""Registry's tables."""

from sqlalchemy import Column, Integer, String, Table

from sme_kit.db import AwareDateTime, new_metadata

metadata = new_metadata()

applications = Table(
    "applications",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("uscc", String(18), nullable=False, index=True),
    Column("entity_name", String(200), nullable=False),
    Column("district_code", String(6), nullable=False, index=True),
    Column("kind", String(20), nullable=False),
    Column("round_year", Integer, nullable=False),
    Column("status", String(20), nullable=False),
    Column("created_at", AwareDateTime(), nullable=False),
    Column("submitted_at", AwareDateTime(), nullable=True),
)
