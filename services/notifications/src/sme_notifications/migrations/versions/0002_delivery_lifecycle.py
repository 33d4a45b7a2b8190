"""Deliveries get a life: pending → delivered or failed, with tries, templates and read marks.

The skeleton's rows (in-app, delivered on arrival) are kept and given an id, their audience,
one try and the walking skeleton's template.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

import uuid

import sqlalchemy as sa
from alembic import op

from sme_kit.db import AwareDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("deliveries") as batch:
        batch.add_column(sa.Column("delivery_id", sa.String(36), nullable=True))
        batch.add_column(sa.Column("audience", sa.String(255), nullable=True))
        batch.add_column(sa.Column("template_id", sa.String(100), nullable=False, server_default="walking_skeleton"))
        batch.add_column(sa.Column("template_version", sa.Integer, nullable=False, server_default="1"))
        batch.add_column(sa.Column("mandatory", sa.Boolean, nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("attempts", sa.Integer, nullable=False, server_default="0"))
        batch.add_column(sa.Column("next_attempt_at", AwareDateTime(), nullable=True))
        batch.add_column(sa.Column("last_error", sa.String(1000), nullable=True))
        batch.add_column(sa.Column("error_code", sa.String(40), nullable=True))
        batch.add_column(sa.Column("updated_at", AwareDateTime(), nullable=True))
        batch.add_column(sa.Column("delivered_at", AwareDateTime(), nullable=True))

    bind = op.get_bind()
    for (row_id,) in bind.execute(sa.text("SELECT id FROM deliveries")).fetchall():
        bind.execute(
            sa.text("UPDATE deliveries SET delivery_id = :delivery_id WHERE id = :id"),
            {"delivery_id": str(uuid.uuid4()), "id": row_id},
        )
    bind.execute(
        sa.text(
            "UPDATE deliveries SET audience = recipient, updated_at = created_at, "
            "delivered_at = created_at, attempts = 1"
        )
    )

    with op.batch_alter_table("deliveries") as batch:
        batch.alter_column("delivery_id", existing_type=sa.String(36), nullable=False)
        batch.alter_column("audience", existing_type=sa.String(255), nullable=False)
        batch.alter_column("updated_at", existing_type=AwareDateTime(), nullable=False)
        batch.create_unique_constraint("uq_deliveries_delivery_id", ["delivery_id"])
        batch.create_index("ix_deliveries_audience", ["audience"])
        batch.create_index("ix_deliveries_event_type", ["event_type"])
        batch.create_index("ix_deliveries_created_at", ["created_at"])
        batch.create_index("ix_deliveries_due", ["status", "next_attempt_at"])

    op.create_table(
        "delivery_attempts",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True, autoincrement=True),
        sa.Column("delivery_id", sa.String(36), nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("at", AwareDateTime(), nullable=False),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("error_code", sa.String(40), nullable=True),
        sa.Column("error", sa.String(1000), nullable=True),
        sa.UniqueConstraint("delivery_id", "number", name="uq_delivery_attempts_delivery_id"),
    )
    op.create_table(
        "inbox_reads",
        sa.Column("delivery_id", sa.String(36), nullable=False),
        sa.Column("reader", sa.String(255), nullable=False),
        sa.Column("read_at", AwareDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("delivery_id", "reader", name="pk_inbox_reads"),
    )


def downgrade() -> None:
    op.drop_table("inbox_reads")
    op.drop_table("delivery_attempts")
    with op.batch_alter_table("deliveries") as batch:
        batch.drop_index("ix_deliveries_due")
        batch.drop_index("ix_deliveries_created_at")
        batch.drop_index("ix_deliveries_event_type")
        batch.drop_index("ix_deliveries_audience")
        batch.drop_constraint("uq_deliveries_delivery_id", type_="unique")
        for column in (
            "delivered_at",
            "updated_at",
            "error_code",
            "last_error",
            "next_attempt_at",
            "attempts",
            "mandatory",
            "template_version",
            "template_id",
            "audience",
            "delivery_id",
        ):
            batch.drop_column(column)
