"""Rounds, review cases, the expert pool, conflicts, panels, assignments and score sheets.

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
        "review_rounds",
        sa.Column("year", sa.Integer, autoincrement=False, nullable=False),
        sa.Column("status", sa.String(30), nullable=False),
        sa.Column("criteria", sa.JSON, nullable=False),
        sa.Column("min_experts_per_case", sa.Integer, nullable=False),
        sa.Column("created_at", AwareDateTime(), nullable=False),
        sa.Column("submitted_at", AwareDateTime(), nullable=True),
        sa.Column("shortlist_fixed_at", AwareDateTime(), nullable=True),
        sa.Column("finalised_at", AwareDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("year", name="pk_review_rounds"),
    )
    op.create_table(
        "review_cases",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("application_id", sa.String(64), nullable=False),
        sa.Column("round_year", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("station_id", sa.String(64), nullable=True),
        sa.Column("uscc", sa.String(18), nullable=False),
        sa.Column("entity_name", sa.String(200), nullable=False),
        sa.Column("district_code", sa.String(6), nullable=False),
        sa.Column("operator_type", sa.String(50), nullable=False),
        sa.Column("station_address", sa.String(300), nullable=False),
        sa.Column("services", sa.JSON, nullable=False),
        sa.Column("personalised_services", sa.Text, nullable=False),
        sa.Column("industries", sa.JSON, nullable=False),
        sa.Column("full_time_staff", sa.Integer, nullable=False),
        sa.Column("district_opinion", sa.Text, nullable=False),
        sa.Column("forwarded_at", AwareDateTime(), nullable=False),
        sa.Column("opened_at", AwareDateTime(), nullable=False),
        sa.Column("status", sa.String(30), nullable=False),
        sa.Column("experts_assigned", sa.Integer, nullable=False),
        sa.Column("experts_scored", sa.Integer, nullable=False),
        sa.Column("score_hundredths", sa.Integer, nullable=True),
        sa.Column("review_completed_at", AwareDateTime(), nullable=True),
        sa.Column("recommendation", sa.String(20), nullable=True),
        sa.Column("recommendation_reasons", sa.Text, nullable=False),
        sa.Column("recommended_by", sa.String(255), nullable=True),
        sa.Column("recommended_at", AwareDateTime(), nullable=True),
        sa.Column("submitted_at", AwareDateTime(), nullable=True),
        sa.Column("shortlist_rank", sa.Integer, nullable=True),
        sa.Column("outcome_code", sa.String(30), nullable=True),
        sa.Column("outcome_reason", sa.Text, nullable=False),
        sa.Column("decided_on", sa.Date, nullable=True),
        sa.Column("decided_at", AwareDateTime(), nullable=True),
        sa.Column("plaque_number", sa.String(50), nullable=True),
        sa.Column("plaque_sequence", sa.Integer, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_review_cases"),
        sa.UniqueConstraint("application_id", name="uq_review_cases_application_id"),
        sa.UniqueConstraint("plaque_number", name="uq_review_cases_plaque_number"),
        sa.ForeignKeyConstraint(
            ["round_year"], ["review_rounds.year"], name="fk_review_cases_round_year_review_rounds"
        ),
    )
    op.create_index("ix_review_cases_round_year", "review_cases", ["round_year"])
    op.create_index("ix_review_cases_uscc", "review_cases", ["uscc"])
    op.create_index("ix_review_cases_district_code", "review_cases", ["district_code"])
    op.create_index("ix_review_cases_status", "review_cases", ["status"])

    op.create_table(
        "review_experts",
        sa.Column("id", sa.String(255), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("title", sa.String(100), nullable=False),
        sa.Column("organisation_name", sa.String(200), nullable=False),
        sa.Column("organisation_uscc", sa.String(18), nullable=False),
        sa.Column("expertise", sa.JSON, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("registered_at", AwareDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_review_experts"),
    )
    op.create_index("ix_review_experts_organisation_uscc", "review_experts", ["organisation_uscc"])
    op.create_table(
        "review_expert_conflicts",
        sa.Column("expert_id", sa.String(255), nullable=False),
        sa.Column("uscc", sa.String(18), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("declared_at", AwareDateTime(), nullable=False),
        sa.Column("declared_by", sa.String(255), nullable=False),
        sa.PrimaryKeyConstraint("expert_id", "uscc", name="pk_review_expert_conflicts"),
        sa.ForeignKeyConstraint(
            ["expert_id"], ["review_experts.id"], name="fk_review_expert_conflicts_expert_id_review_experts"
        ),
    )
    op.create_table(
        "review_panels",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("round_year", sa.Integer, nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("expert_ids", sa.JSON, nullable=False),
        sa.Column("created_at", AwareDateTime(), nullable=False),
        sa.Column("updated_at", AwareDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_review_panels"),
        sa.ForeignKeyConstraint(
            ["round_year"], ["review_rounds.year"], name="fk_review_panels_round_year_review_rounds"
        ),
    )
    op.create_index("ix_review_panels_round_year", "review_panels", ["round_year"])
    op.create_table(
        "review_assignments",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("case_id", sa.String(36), nullable=False),
        sa.Column("round_year", sa.Integer, nullable=False),
        sa.Column("expert_id", sa.String(255), nullable=False),
        sa.Column("panel_id", sa.String(36), nullable=True),
        sa.Column("due_on", sa.Date, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("assigned_at", AwareDateTime(), nullable=False),
        sa.Column("assigned_by", sa.String(255), nullable=False),
        sa.Column("ended_at", AwareDateTime(), nullable=True),
        sa.Column("end_reason", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_review_assignments"),
        sa.UniqueConstraint("case_id", "expert_id", name="uq_review_assignments_case_expert"),
        sa.ForeignKeyConstraint(["case_id"], ["review_cases.id"], name="fk_review_assignments_case_id_review_cases"),
        sa.ForeignKeyConstraint(
            ["expert_id"], ["review_experts.id"], name="fk_review_assignments_expert_id_review_experts"
        ),
    )
    op.create_index("ix_review_assignments_case_id", "review_assignments", ["case_id"])
    op.create_index("ix_review_assignments_expert_id", "review_assignments", ["expert_id"])
    op.create_table(
        "review_score_sheets",
        sa.Column("assignment_id", sa.String(36), nullable=False),
        sa.Column("case_id", sa.String(36), nullable=False),
        sa.Column("expert_id", sa.String(255), nullable=False),
        sa.Column("marks", sa.JSON, nullable=False),
        sa.Column("total_hundredths", sa.Integer, nullable=False),
        sa.Column("comment", sa.Text, nullable=False),
        sa.Column("submitted_at", AwareDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("assignment_id", name="pk_review_score_sheets"),
        sa.ForeignKeyConstraint(
            ["assignment_id"],
            ["review_assignments.id"],
            name="fk_review_score_sheets_assignment_id_review_assignments",
        ),
    )
    op.create_index("ix_review_score_sheets_case_id", "review_score_sheets", ["case_id"])


def downgrade() -> None:
    for table in (
        "review_score_sheets",
        "review_assignments",
        "review_panels",
        "review_expert_conflicts",
        "review_experts",
        "review_cases",
        "review_rounds",
    ):
        op.drop_table(table)
