"""The head station routes (转派) a service request it holds to a station: when, by whom, from which
station and why; and the lapses that stay counted after routing (the first escalation, how many).

Requests escalated before this revision had one lapse, at their escalation.

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
    with op.batch_alter_table("service_requests") as table:
        table.add_column(sa.Column("first_escalated_at", AwareDateTime(), nullable=True))
        table.add_column(sa.Column("lapses", sa.Integer, nullable=False, server_default="0"))
        table.add_column(sa.Column("routed_at", AwareDateTime(), nullable=True))
        table.add_column(sa.Column("routed_by", sa.String(255), nullable=True))
        table.add_column(sa.Column("routed_from_station_id", sa.String(64), nullable=True))
        table.add_column(sa.Column("route_reason", sa.Text, nullable=True))
    op.execute(
        "UPDATE service_requests SET first_escalated_at = escalated_at, lapses = 1 WHERE escalated_at IS NOT NULL"
    )


def downgrade() -> None:
    with op.batch_alter_table("service_requests") as table:
        for column in (
            "route_reason",
            "routed_from_station_id",
            "routed_by",
            "routed_at",
            "lapses",
            "first_escalated_at",
        ):
            table.drop_column(column)
