"""Rounds, the full application form and its review trail, attachments, the station register.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

from sme_kit.db import AwareDateTime
from sme_kit.tables import AutoId

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rounds",
        sa.Column("year", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("window_opens_on", sa.Date, nullable=False),
        sa.Column("window_closes_on", sa.Date, nullable=False),
        sa.Column("forwarding_deadline", sa.Date, nullable=False),
        sa.Column("opened_by", sa.String(255), nullable=False),
        sa.Column("opened_at", AwareDateTime(), nullable=False),
        sa.Column("updated_at", AwareDateTime(), nullable=False),
    )
    with op.batch_alter_table("applications") as batch:
        batch.add_column(sa.Column("station_id", sa.String(36), nullable=True))
        batch.add_column(sa.Column("form", sa.JSON, nullable=True))
        batch.add_column(sa.Column("updated_at", AwareDateTime(), nullable=True))
        batch.add_column(sa.Column("submissions", sa.Integer, nullable=False, server_default="0"))
        batch.add_column(sa.Column("forwarded_at", AwareDateTime(), nullable=True))
        batch.add_column(sa.Column("closed_at", AwareDateTime(), nullable=True))
        batch.add_column(sa.Column("outcome_reason", sa.Text, nullable=True))
        batch.create_index("ix_applications_station_id", ["station_id"])
        batch.create_index("ix_applications_round_year_status", ["round_year", "status"])
    op.create_table(
        "application_decisions",
        sa.Column("id", AutoId, primary_key=True, autoincrement=True),
        sa.Column("application_id", sa.String(36), nullable=False),
        sa.Column("decision", sa.String(20), nullable=False),
        sa.Column("reasons", sa.JSON, nullable=False),
        sa.Column("opinion", sa.Text, nullable=False),
        sa.Column("officer", sa.String(255), nullable=False),
        sa.Column("district_code", sa.String(6), nullable=False),
        sa.Column("decided_at", AwareDateTime(), nullable=False),
    )
    op.create_index("ix_application_decisions_application_id", "application_decisions", ["application_id"])
    op.create_table(
        "application_attachments",
        sa.Column("file_id", sa.String(36), primary_key=True),
        sa.Column("application_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("attached_at", AwareDateTime(), nullable=False),
        sa.Column("removed_at", AwareDateTime(), nullable=True),
    )
    op.create_index("ix_application_attachments_application_id", "application_attachments", ["application_id"])
    op.create_table(
        "stations",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("station_number", sa.String(20), nullable=False, unique=True),
        sa.Column("plaque_number", sa.String(100), nullable=False),
        sa.Column("application_id", sa.String(36), nullable=False, unique=True),
        sa.Column("uscc", sa.String(18), nullable=False),
        sa.Column("entity_name", sa.String(200), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("district_code", sa.String(6), nullable=False),
        sa.Column("address", sa.String(300), nullable=False),
        sa.Column("registered_address", sa.String(300), nullable=False),
        sa.Column("operator_type", sa.String(40), nullable=False),
        sa.Column("personalised_services", sa.Text, nullable=False),
        sa.Column("industries", sa.JSON, nullable=False),
        sa.Column("service_area", sa.Text, nullable=False),
        sa.Column("resident_institutions", sa.JSON, nullable=False),
        sa.Column("legal_representative", sa.String(100), nullable=False),
        sa.Column("contact", sa.JSON, nullable=True),
        sa.Column("staff", sa.JSON, nullable=False),
        sa.Column("valid_from", sa.Date, nullable=False),
        sa.Column("valid_until", sa.Date, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("revocation_ground", sa.Integer, nullable=True),
        sa.Column("revocation_reason", sa.Text, nullable=True),
        sa.Column("revoked_on", sa.Date, nullable=True),
        sa.Column("registered_at", AwareDateTime(), nullable=False),
        sa.Column("updated_at", AwareDateTime(), nullable=False),
        sa.Column("convention_version", sa.String(20), nullable=True),
        sa.Column("convention_signed_at", AwareDateTime(), nullable=True),
        sa.Column("convention_signed_by", sa.String(255), nullable=True),
        sa.Column("convention_signatory", sa.JSON, nullable=True),
    )
    op.create_index("ix_stations_uscc", "stations", ["uscc"])
    op.create_index("ix_stations_district_code", "stations", ["district_code"])
    op.create_index("ix_stations_status", "stations", ["status"])
    op.create_table(
        "station_services",
        sa.Column("station_id", sa.String(36), nullable=False),
        sa.Column("category", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("station_id", "category", name="pk_station_services"),
    )
    op.create_index("ix_station_services_category", "station_services", ["category"])
    op.create_table(
        "station_status_history",
        sa.Column("id", AutoId, primary_key=True, autoincrement=True),
        sa.Column("station_id", sa.String(36), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("previous_status", sa.String(20), nullable=True),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("revocation_ground", sa.Integer, nullable=True),
        sa.Column("effective_on", sa.Date, nullable=False),
        sa.Column("changed_at", AwareDateTime(), nullable=False),
    )
    op.create_index("ix_station_status_history_station_id", "station_status_history", ["station_id"])
    op.create_table(
        "station_changes",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("station_id", sa.String(36), nullable=False),
        sa.Column("kinds", sa.JSON, nullable=False),
        sa.Column("completed_on", sa.Date, nullable=False),
        sa.Column("reported_on", sa.Date, nullable=False),
        sa.Column("late", sa.Boolean, nullable=False),
        sa.Column("before", sa.JSON, nullable=False),
        sa.Column("after", sa.JSON, nullable=False),
        sa.Column("reported_at", AwareDateTime(), nullable=False),
        sa.Column("reported_by", sa.String(255), nullable=False),
    )
    op.create_index("ix_station_changes_station_id", "station_changes", ["station_id"])
    op.create_table(
        "station_number_counters",
        sa.Column("year", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("last_number", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    for table in (
        "station_number_counters",
        "station_changes",
        "station_status_history",
        "station_services",
        "stations",
        "application_attachments",
        "application_decisions",
    ):
        op.drop_table(table)
    with op.batch_alter_table("applications") as batch:
        batch.drop_index("ix_applications_round_year_status")
        batch.drop_index("ix_applications_station_id")
        for column in (
            "outcome_reason",
            "closed_at",
            "forwarded_at",
            "submissions",
            "updated_at",
            "form",
            "station_id",
        ):
            batch.drop_column(column)
    op.drop_table("rounds")
