"""The recipients directory: organisations' and officials' contacts, preferences, and the links
from stations and applications to the organisation that runs them.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

from sme_kit.db import AwareDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "organisations",
        sa.Column("uscc", sa.String(18), primary_key=True),
        sa.Column("name", sa.String(200), nullable=True),
        sa.Column("contact_name", sa.String(100), nullable=True),
        sa.Column("email", sa.String(254), nullable=True),
        sa.Column("mobile", sa.String(20), nullable=True),
        sa.Column("contact_updated_at", AwareDateTime(), nullable=True),
        sa.Column("updated_at", AwareDateTime(), nullable=False),
    )
    op.create_table(
        "officials",
        sa.Column("subject", sa.String(255), primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("role", sa.String(40), nullable=False),
        sa.Column("district_code", sa.String(6), nullable=True),
        sa.Column("email", sa.String(254), nullable=True),
        sa.Column("mobile", sa.String(20), nullable=True),
        sa.Column("created_at", AwareDateTime(), nullable=False),
        sa.Column("updated_at", AwareDateTime(), nullable=False),
    )
    op.create_index("ix_officials_role_district", "officials", ["role", "district_code"])
    op.create_table(
        "stations",
        sa.Column("station_id", sa.String(64), primary_key=True),
        sa.Column("uscc", sa.String(18), nullable=False),
        sa.Column("district_code", sa.String(6), nullable=False),
        sa.Column("name", sa.String(200), nullable=True),
        sa.Column("status", sa.String(20), nullable=True),
        sa.Column("updated_at", AwareDateTime(), nullable=False),
    )
    op.create_index("ix_stations_uscc", "stations", ["uscc"])
    op.create_table(
        "applications",
        sa.Column("application_id", sa.String(64), primary_key=True),
        sa.Column("uscc", sa.String(18), nullable=False),
        sa.Column("district_code", sa.String(6), nullable=False),
        sa.Column("entity_name", sa.String(200), nullable=True),
        sa.Column("updated_at", AwareDateTime(), nullable=False),
    )
    op.create_table(
        "preferences",
        sa.Column("recipient", sa.String(255), primary_key=True),
        sa.Column("email", sa.Boolean, nullable=False),
        sa.Column("sms", sa.Boolean, nullable=False),
        sa.Column("updated_at", AwareDateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("preferences")
    op.drop_table("applications")
    op.drop_index("ix_stations_uscc", table_name="stations")
    op.drop_table("stations")
    op.drop_index("ix_officials_role_district", table_name="officials")
    op.drop_table("officials")
    op.drop_table("organisations")
