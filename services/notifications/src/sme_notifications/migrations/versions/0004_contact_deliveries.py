"""Deliveries to an address the event carried (a form's contact, outside the directory), and messages
that carry a one-time secret: the address is kept until the delivery is final, a secret body is erased
then.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("deliveries") as table:
        table.add_column(sa.Column("address", sa.String(254), nullable=True))
        table.add_column(sa.Column("secret", sa.Boolean, nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("deliveries") as table:
        table.drop_column("secret")
        table.drop_column("address")
