"""The head station's reminders to a late expert (催办), kept on the assignment: how many, the last when and by whom.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

from sme_kit.db import AwareDateTime

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "review_assignments",
        sa.Column("reminders_sent", sa.Integer, nullable=False, server_default=sa.text("0")),
    )
    op.add_column("review_assignments", sa.Column("last_reminded_at", AwareDateTime(), nullable=True))
    op.add_column("review_assignments", sa.Column("last_reminded_by", sa.String(255), nullable=True))


def downgrade() -> None:
    op.drop_column("review_assignments", "last_reminded_by")
    op.drop_column("review_assignments", "last_reminded_at")
    op.drop_column("review_assignments", "reminders_sent")
