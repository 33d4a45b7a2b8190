"""The activities service's tables: station read model, themed months, activities and registrations,
trainings, promotion sessions and warnings, demand reports, service requests.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

from sme_kit.db import AwareDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stations",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("uscc", sa.String(18), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("district_code", sa.String(6), nullable=False),
        sa.Column("services", sa.JSON, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("valid_until", sa.Date, nullable=True),
        sa.Column("name_may_be_outdated", sa.Boolean, nullable=False),
        sa.Column("updated_at", AwareDateTime(), nullable=False),
    )
    op.create_index("ix_stations_district_code", "stations", ["district_code"])
    op.create_table(
        "theme_months",
        sa.Column("id", sa.String(20), primary_key=True),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("month", sa.Integer, nullable=False),
        sa.Column("theme", sa.String(40), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("goals", sa.JSON, nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("planned_by", sa.String(255), nullable=False),
        sa.Column("planned_at", AwareDateTime(), nullable=False),
        sa.UniqueConstraint("year", "month", name="uq_theme_months_year_month"),
    )
    op.create_table(
        "activities",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("activity_type", sa.String(20), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("theme_month_id", sa.String(20), nullable=True),
        sa.Column("organiser_station_id", sa.String(64), nullable=True),
        sa.Column("organiser_district_code", sa.String(6), nullable=True),
        sa.Column("co_organiser_station_ids", sa.JSON, nullable=False),
        sa.Column("withdrawn_co_organiser_ids", sa.JSON, nullable=False),
        sa.Column("institutions", sa.JSON, nullable=False),
        sa.Column("starts_at", AwareDateTime(), nullable=False),
        sa.Column("ends_at", AwareDateTime(), nullable=False),
        sa.Column("venue", sa.String(300), nullable=True),
        sa.Column("online_link", sa.String(500), nullable=True),
        sa.Column("capacity", sa.Integer, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("registered_count", sa.Integer, nullable=False),
        sa.Column("attendance_count", sa.Integer, nullable=True),
        sa.Column("summary", sa.Text, nullable=True),
        sa.Column("cancel_reason_code", sa.String(40), nullable=True),
        sa.Column("cancel_reason", sa.Text, nullable=True),
        sa.Column("created_by", sa.String(255), nullable=False),
        sa.Column("created_at", AwareDateTime(), nullable=False),
        sa.Column("cancelled_at", AwareDateTime(), nullable=True),
        sa.Column("completed_at", AwareDateTime(), nullable=True),
    )
    op.create_index("ix_activities_theme_month_id", "activities", ["theme_month_id"])
    op.create_index("ix_activities_organiser_station_id", "activities", ["organiser_station_id"])
    op.create_index("ix_activities_starts_at", "activities", ["starts_at"])
    op.create_table(
        "activity_registrations",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("activity_id", sa.String(36), nullable=False),
        sa.Column("company_name", sa.String(200), nullable=False),
        sa.Column("uscc", sa.String(18), nullable=False),
        sa.Column("contact_name", sa.String(100), nullable=False),
        sa.Column("contact_phone", sa.String(40), nullable=False),
        sa.Column("registered_at", AwareDateTime(), nullable=False),
        sa.UniqueConstraint("activity_id", "uscc", name="uq_activity_registrations_activity_uscc"),
    )
    op.create_table(
        "trainings",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("held_on", sa.Date, nullable=False),
        sa.Column("venue", sa.String(300), nullable=True),
        sa.Column("recorded_by", sa.String(255), nullable=False),
        sa.Column("recorded_at", AwareDateTime(), nullable=False),
    )
    op.create_table(
        "training_attendees",
        sa.Column("training_id", sa.String(36), nullable=False),
        sa.Column("position_no", sa.Integer, nullable=False),
        sa.Column("station_id", sa.String(64), nullable=False),
        sa.Column("staff_name", sa.String(100), nullable=False),
        sa.Column("position", sa.String(100), nullable=True),
        sa.Column("attended", sa.Boolean, nullable=False),
        sa.UniqueConstraint("training_id", "position_no", name="uq_training_attendees_training_position"),
    )
    op.create_index("ix_training_attendees_station_id", "training_attendees", ["station_id"])
    op.create_table(
        "promotion_sessions",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("station_id", sa.String(64), nullable=False),
        sa.Column("district_code", sa.String(6), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("held_on", sa.Date, nullable=False),
        sa.Column("subjects", sa.JSON, nullable=False),
        sa.Column("activity_id", sa.String(36), nullable=True),
        sa.Column("theme_month_id", sa.String(20), nullable=True),
        sa.Column("audience_count", sa.Integer, nullable=False),
        sa.Column("venue", sa.String(300), nullable=True),
        sa.Column("notes", sa.Text, nullable=True),
        sa.Column("recorded_by", sa.String(255), nullable=False),
        sa.Column("recorded_at", AwareDateTime(), nullable=False),
    )
    op.create_index("ix_promotion_sessions_station_year", "promotion_sessions", ["station_id", "year"])
    op.create_table(
        "promotion_warnings",
        sa.Column("station_id", sa.String(64), nullable=False),
        sa.Column("checked_on", sa.Date, nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("district_code", sa.String(6), nullable=False),
        sa.Column("count", sa.Integer, nullable=False),
        sa.Column("warned_at", AwareDateTime(), nullable=False),
        sa.UniqueConstraint("station_id", "checked_on", name="uq_promotion_warnings_station_checked_on"),
    )
    op.create_table(
        "demand_reports",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("station_id", sa.String(64), nullable=False),
        sa.Column("district_code", sa.String(6), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("quarter", sa.Integer, nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("industries", sa.JSON, nullable=False),
        sa.Column("needs", sa.JSON, nullable=False),
        sa.Column("enterprise_conditions", sa.Text, nullable=False),
        sa.Column("service_needs", sa.Text, nullable=False),
        sa.Column("personalised_needs", sa.Text, nullable=True),
        sa.Column("submitted_by", sa.String(255), nullable=False),
        sa.Column("submitted_at", AwareDateTime(), nullable=False),
        sa.UniqueConstraint("station_id", "year", "quarter", name="uq_demand_reports_station_period"),
    )
    op.create_index("ix_demand_reports_district_code", "demand_reports", ["district_code"])
    op.create_table(
        "demand_report_revisions",
        sa.Column("report_id", sa.String(36), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("content", sa.JSON, nullable=False),
        sa.Column("submitted_by", sa.String(255), nullable=False),
        sa.Column("submitted_at", AwareDateTime(), nullable=False),
        sa.UniqueConstraint("report_id", "revision", name="uq_demand_report_revisions_report_revision"),
    )
    op.create_table(
        "service_requests",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("company_name", sa.String(200), nullable=False),
        sa.Column("uscc", sa.String(18), nullable=False),
        sa.Column("contact_name", sa.String(100), nullable=False),
        sa.Column("contact_phone", sa.String(40), nullable=False),
        sa.Column("district_code", sa.String(6), nullable=False),
        sa.Column("category", sa.String(40), nullable=True),
        sa.Column("details", sa.Text, nullable=False),
        sa.Column("station_id", sa.String(64), nullable=True),
        sa.Column("assignment", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("received_at", AwareDateTime(), nullable=False),
        sa.Column("acceptance_due_on", sa.Date, nullable=True),
        sa.Column("escalated_at", AwareDateTime(), nullable=True),
        sa.Column("accepted_at", AwareDateTime(), nullable=True),
        sa.Column("accepted_late", sa.Boolean, nullable=False),
        sa.Column("by_head_station", sa.Boolean, nullable=False),
        sa.Column("handling", sa.String(20), nullable=True),
        sa.Column("institution_name", sa.String(200), nullable=True),
        sa.Column("matched_at", AwareDateTime(), nullable=True),
        sa.Column("outcome", sa.String(30), nullable=True),
        sa.Column("outcome_note", sa.Text, nullable=True),
        sa.Column("satisfaction", sa.Integer, nullable=True),
        sa.Column("closed_at", AwareDateTime(), nullable=True),
        sa.Column("timer_key", sa.String(255), nullable=True),
    )
    op.create_index("ix_service_requests_district_code", "service_requests", ["district_code"])
    op.create_index("ix_service_requests_station_id", "service_requests", ["station_id"])


def downgrade() -> None:
    for table in (
        "service_requests",
        "demand_report_revisions",
        "demand_reports",
        "promotion_warnings",
        "promotion_sessions",
        "training_attendees",
        "trainings",
        "activity_registrations",
        "activities",
        "theme_months",
        "stations",
    ):
        op.drop_table(table)
