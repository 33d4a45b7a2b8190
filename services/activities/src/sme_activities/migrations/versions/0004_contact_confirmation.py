"""Anonymous forms count once their contact confirms them: one-time codes, and registrations and service
requests that wait for their confirmation (an optional e-mail address to send the code to).

Registrations made before this revision are registered; only registered ones are unique per activity
and enterprise (several unconfirmed ones may wait side by side).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

from sme_kit.db import AwareDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_REGISTERED = sa.text("status = 'registered'")


def upgrade() -> None:
    op.create_table(
        "contact_confirmations",
        sa.Column("reference", sa.String(36), primary_key=True),
        sa.Column("purpose", sa.String(30), nullable=False),
        sa.Column("channel", sa.String(10), nullable=False),
        sa.Column("sent_to", sa.String(260), nullable=False),
        sa.Column("code_hash", sa.String(64), nullable=False),
        sa.Column("salt", sa.String(64), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("wrong_codes", sa.Integer, nullable=False),
        sa.Column("resends", sa.Integer, nullable=False),
        sa.Column("expires_at", AwareDateTime(), nullable=False),
        sa.Column("last_sent_at", AwareDateTime(), nullable=False),
        sa.Column("created_at", AwareDateTime(), nullable=False),
        sa.Column("confirmed_at", AwareDateTime(), nullable=True),
        sa.Column("voided_at", AwareDateTime(), nullable=True),
        sa.Column("void_reason", sa.String(30), nullable=True),
    )
    with op.batch_alter_table("activity_registrations") as table:
        table.add_column(sa.Column("contact_email", sa.String(254), nullable=True))
        table.add_column(sa.Column("status", sa.String(30), nullable=False, server_default="registered"))
        table.add_column(sa.Column("submitted_at", AwareDateTime(), nullable=True))
        table.alter_column("registered_at", existing_type=AwareDateTime(), nullable=True)
        table.drop_constraint("uq_activity_registrations_activity_uscc", type_="unique")
    op.execute("UPDATE activity_registrations SET submitted_at = registered_at")
    with op.batch_alter_table("activity_registrations") as table:
        table.alter_column("submitted_at", existing_type=AwareDateTime(), nullable=False)
        table.alter_column("status", existing_type=sa.String(30), server_default=None)
    op.create_index(
        "uq_activity_registrations_registered",
        "activity_registrations",
        ["activity_id", "uscc"],
        unique=True,
        postgresql_where=_REGISTERED,
        sqlite_where=_REGISTERED,
    )
    with op.batch_alter_table("service_requests") as table:
        table.add_column(sa.Column("contact_email", sa.String(254), nullable=True))
        table.alter_column("assignment", existing_type=sa.String(20), nullable=True)


def downgrade() -> None:
    op.execute("DELETE FROM service_requests WHERE status IN ('pending_confirmation', 'void')")
    with op.batch_alter_table("service_requests") as table:
        table.alter_column("assignment", existing_type=sa.String(20), nullable=False)
        table.drop_column("contact_email")
    op.drop_index("uq_activity_registrations_registered", "activity_registrations")
    op.execute("DELETE FROM activity_registrations WHERE status <> 'registered'")
    with op.batch_alter_table("activity_registrations") as table:
        table.alter_column("registered_at", existing_type=AwareDateTime(), nullable=False)
        table.drop_column("submitted_at")
        table.drop_column("status")
        table.drop_column("contact_email")
        table.create_unique_constraint("uq_activity_registrations_activity_uscc", ["activity_id", "uscc"])
    op.drop_table("contact_confirmations")
