"""A service request's acceptance deadline may wait for a year's holiday schedule: which year.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("service_requests") as table:
        table.add_column(sa.Column("acceptance_due_waits_for_year", sa.Integer, nullable=True))
    op.create_index(
        "ix_service_requests_acceptance_due_waits_for_year", "service_requests", ["acceptance_due_waits_for_year"]
    )


def downgrade() -> None:
    op.drop_index("ix_service_requests_acceptance_due_waits_for_year", "service_requests")
    with op.batch_alter_table("service_requests") as table:
        table.drop_column("acceptance_due_waits_for_year")
