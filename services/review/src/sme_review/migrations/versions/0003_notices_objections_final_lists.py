"""Public notices, objections and final lists.

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
        "review_notices",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("round_year", sa.Integer, nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("published_on", sa.Date, nullable=False),
        sa.Column("period_start", sa.Date, nullable=False),
        sa.Column("period_end", sa.Date, nullable=False),
        sa.Column("entries", sa.JSON, nullable=False),
        sa.Column("objection_contact", sa.Text, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("published_at", AwareDateTime(), nullable=False),
        sa.Column("published_by", sa.String(255), nullable=False),
        sa.Column("ended_at", AwareDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_review_notices"),
        sa.UniqueConstraint("round_year", name="uq_review_notices_round_year"),
        sa.ForeignKeyConstraint(
            ["round_year"], ["review_rounds.year"], name="fk_review_notices_round_year_review_rounds"
        ),
    )
    op.create_table(
        "review_objections",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("notice_id", sa.String(36), nullable=False),
        sa.Column("round_year", sa.Integer, nullable=False),
        sa.Column("case_id", sa.String(36), nullable=False),
        sa.Column("target_application_id", sa.String(64), nullable=False),
        sa.Column("objector_type", sa.String(20), nullable=False),
        sa.Column("organisation_name", sa.String(200), nullable=True),
        sa.Column("contact_person", sa.String(100), nullable=True),
        sa.Column("real_name", sa.String(100), nullable=True),
        sa.Column("id_number", sa.String(18), nullable=True),
        sa.Column("contact_phone", sa.String(30), nullable=False),
        sa.Column("contact_email", sa.String(200), nullable=True),
        sa.Column("contact_address", sa.String(300), nullable=True),
        sa.Column("grounds", sa.Text, nullable=False),
        sa.Column("seal_file_id", sa.String(36), nullable=True),
        sa.Column("filed_at", AwareDateTime(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("outcome", sa.String(20), nullable=True),
        sa.Column("findings", sa.Text, nullable=False),
        sa.Column("resolved_by", sa.String(255), nullable=True),
        sa.Column("resolved_at", AwareDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_review_objections"),
        sa.ForeignKeyConstraint(
            ["notice_id"], ["review_notices.id"], name="fk_review_objections_notice_id_review_notices"
        ),
        sa.ForeignKeyConstraint(["case_id"], ["review_cases.id"], name="fk_review_objections_case_id_review_cases"),
    )
    op.create_index("ix_review_objections_notice_id", "review_objections", ["notice_id"])
    op.create_index("ix_review_objections_case_id", "review_objections", ["case_id"])
    op.create_table(
        "review_final_lists",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("round_year", sa.Integer, nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("published_on", sa.Date, nullable=False),
        sa.Column("entries", sa.JSON, nullable=False),
        sa.Column("declined_application_ids", sa.JSON, nullable=False),
        sa.Column("published_at", AwareDateTime(), nullable=False),
        sa.Column("published_by", sa.String(255), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_review_final_lists"),
        sa.UniqueConstraint("round_year", name="uq_review_final_lists_round_year"),
        sa.ForeignKeyConstraint(
            ["round_year"], ["review_rounds.year"], name="fk_review_final_lists_round_year_review_rounds"
        ),
    )


def downgrade() -> None:
    for table in ("review_final_lists", "review_objections", "review_notices"):
        op.drop_table(table)
