"""The assessment service's tables: station read model, evidence, plans and summaries, cycles and
results, rectifications, revocation cases.

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
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("valid_from", sa.Date, nullable=True),
        sa.Column("valid_until", sa.Date, nullable=True),
        sa.Column("convention_signed_on", sa.Date, nullable=True),
        sa.Column("updated_at", AwareDateTime(), nullable=False),
    )
    op.create_index("ix_stations_district_code", "stations", ["district_code"])

    op.create_table(
        "evidence_facts",
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("station_id", sa.String(64), nullable=True),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("occurred_on", sa.Date, nullable=False),
        sa.Column("source_id", sa.String(100), nullable=False),
        sa.Column("quantity", sa.Integer, nullable=False),
        sa.Column("value", sa.Float, nullable=True),
        sa.Column(
            "void", sa.Boolean, nullable=False, comment="The fact was withdrawn (e.g. its activity was cancelled)."
        ),
        sa.Column("event_id", sa.String(64), nullable=False, comment="The event that first told it."),
        sa.Column("recorded_at", AwareDateTime(), nullable=False),
    )
    op.create_index("ix_evidence_facts_station_year", "evidence_facts", ["station_id", "year"])
    op.create_index("ix_evidence_facts_source", "evidence_facts", ["source_id"])

    op.create_table(
        "work_deadlines",
        sa.Column("year", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("plan_due_on", sa.Date, nullable=True),
        sa.Column("summary_due_on", sa.Date, nullable=True),
        sa.Column("set_by", sa.String(255), nullable=False),
        sa.Column("set_at", AwareDateTime(), nullable=False),
    )
    op.create_table(
        "work_documents",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("station_id", sa.String(64), nullable=False),
        sa.Column("uscc", sa.String(18), nullable=False),
        sa.Column("district_code", sa.String(6), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("due_on", sa.Date, nullable=True),
        sa.Column("first_submitted_at", AwareDateTime(), nullable=False),
        sa.Column("submitted_at", AwareDateTime(), nullable=False),
        sa.Column("days_late", sa.Integer, nullable=False),
        sa.Column("submitted_by", sa.String(255), nullable=False),
        sa.UniqueConstraint("station_id", "kind", "year", name="uq_work_documents_station_kind_year"),
    )
    op.create_index("ix_work_documents_district_code", "work_documents", ["district_code"])
    op.create_table(
        "work_lapses",
        sa.Column("station_id", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("uscc", sa.String(18), nullable=False),
        sa.Column("district_code", sa.String(6), nullable=False),
        sa.Column("due_on", sa.Date, nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("days_late", sa.Integer, nullable=True),
        sa.Column("recorded_at", AwareDateTime(), nullable=False),
        sa.Column("submitted_at", AwareDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("station_id", "kind", "year", name="pk_work_lapses"),
    )
    op.create_index("ix_work_lapses_district_code", "work_lapses", ["district_code"])

    op.create_table(
        "cycles",
        sa.Column("id", sa.String(20), primary_key=True),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("pass_mark", sa.Float, nullable=False),
        sa.Column("rectification_days", sa.Integer, nullable=False),
        sa.Column("indicators", sa.JSON, nullable=False),
        sa.Column("opened_by", sa.String(255), nullable=False),
        sa.Column("opened_at", AwareDateTime(), nullable=False),
        sa.Column("computed_at", AwareDateTime(), nullable=True),
        sa.Column("published_at", AwareDateTime(), nullable=True),
        sa.Column("published_by", sa.String(255), nullable=True),
        sa.UniqueConstraint("year", name="uq_cycles_year"),
    )
    op.create_table(
        "manual_scores",
        sa.Column("cycle_id", sa.String(20), nullable=False),
        sa.Column("station_id", sa.String(64), nullable=False),
        sa.Column("indicator_code", sa.String(40), nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("entered_by", sa.String(255), nullable=False),
        sa.Column("entered_role", sa.String(50), nullable=False),
        sa.Column("entered_at", AwareDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("cycle_id", "station_id", "indicator_code", name="pk_manual_scores"),
    )
    op.create_table(
        "non_participations",
        sa.Column("cycle_id", sa.String(20), nullable=False),
        sa.Column("station_id", sa.String(64), nullable=False),
        sa.Column("uscc", sa.String(18), nullable=False),
        sa.Column("district_code", sa.String(6), nullable=False),
        sa.Column("excused", sa.Boolean, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("recorded_by", sa.String(255), nullable=False),
        sa.Column("recorded_at", AwareDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("cycle_id", "station_id", name="pk_non_participations"),
    )
    op.create_table(
        "results",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("cycle_id", sa.String(20), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("station_id", sa.String(64), nullable=False),
        sa.Column("uscc", sa.String(18), nullable=False),
        sa.Column("district_code", sa.String(6), nullable=False),
        sa.Column("total", sa.Float, nullable=False),
        sa.Column("pass_mark", sa.Float, nullable=False),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("breakdown", sa.JSON, nullable=False),
        sa.Column("computed_at", AwareDateTime(), nullable=False),
        sa.Column("published_at", AwareDateTime(), nullable=True),
        sa.UniqueConstraint("cycle_id", "station_id", name="uq_results_cycle_station"),
    )
    op.create_index("ix_results_district_code", "results", ["district_code"])

    op.create_table(
        "rectifications",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("result_id", sa.String(36), nullable=False),
        sa.Column("cycle_id", sa.String(20), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("station_id", sa.String(64), nullable=False),
        sa.Column("uscc", sa.String(18), nullable=False),
        sa.Column("district_code", sa.String(6), nullable=False),
        sa.Column("total", sa.Float, nullable=False),
        sa.Column("due_on", sa.Date, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("ordered_at", AwareDateTime(), nullable=False),
        sa.Column("report", sa.Text, nullable=True),
        sa.Column("report_submitted_at", AwareDateTime(), nullable=True),
        sa.Column("report_late", sa.Boolean, nullable=False),
        sa.Column("missing_recorded_at", AwareDateTime(), nullable=True),
        sa.Column("reassessed_outcome", sa.String(20), nullable=True),
        sa.Column("reassessed_score", sa.Float, nullable=True),
        sa.Column("opinion", sa.Text, nullable=True),
        sa.Column("reassessed_by", sa.String(255), nullable=True),
        sa.Column("reassessed_at", AwareDateTime(), nullable=True),
        sa.Column("closed_reason", sa.Text, nullable=True),
        sa.UniqueConstraint("result_id", name="uq_rectifications_result_id"),
    )
    op.create_index("ix_rectifications_station_id", "rectifications", ["station_id"])
    op.create_index("ix_rectifications_district_code", "rectifications", ["district_code"])

    op.create_table(
        "revocations",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("station_id", sa.String(64), nullable=False),
        sa.Column("uscc", sa.String(18), nullable=False),
        sa.Column("district_code", sa.String(6), nullable=False),
        sa.Column("ground", sa.Integer, nullable=False),
        sa.Column("origin", sa.String(20), nullable=False),
        sa.Column("trigger", sa.Text, nullable=False),
        sa.Column("evidence", sa.Text, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("proposed_by", sa.String(255), nullable=False),
        sa.Column("proposed_at", AwareDateTime(), nullable=False),
        sa.Column("decided_by", sa.String(255), nullable=True),
        sa.Column("decided_at", AwareDateTime(), nullable=True),
        sa.Column("decided_on", sa.Date, nullable=True),
        sa.Column("effective_on", sa.Date, nullable=True),
        sa.Column("decision_reason", sa.Text, nullable=True),
    )
    op.create_index("ix_revocations_station_id", "revocations", ["station_id"])
    op.create_index("ix_revocations_district_code", "revocations", ["district_code"])
    op.create_index(
        "uq_revocations_open_station_ground",
        "revocations",
        ["station_id", "ground"],
        unique=True,
        postgresql_where=sa.text("status = 'open'"),
        sqlite_where=sa.text("status = 'open'"),
    )
    op.create_table(
        "revocation_notes",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("revocation_id", sa.String(36), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("added_by", sa.String(255), nullable=False),
        sa.Column("added_at", AwareDateTime(), nullable=False),
    )
    op.create_index("ix_revocation_notes_revocation_id", "revocation_notes", ["revocation_id"])


def downgrade() -> None:
    for table in (
        "revocation_notes",
        "revocations",
        "rectifications",
        "results",
        "non_participations",
        "manual_scores",
        "cycles",
        "work_lapses",
        "work_documents",
        "work_deadlines",
        "evidence_facts",
        "stations",
    ):
        op.drop_table(table)
