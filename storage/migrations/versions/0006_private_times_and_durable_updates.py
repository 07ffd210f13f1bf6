"""private times and durable updates: outbox rows of anonymous reports keep whole hours; Telegram updates
are recorded before they are answered

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("hourly", sa.Boolean(), server_default=sa.false(), nullable=False))
    op.create_table(
        "telegram_update",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("update_id", sa.BigInteger(), nullable=False),
        sa.Column("body_encrypted", sa.Text(), nullable=False),
        sa.Column("replies_encrypted", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_telegram_update")),
        sa.UniqueConstraint("update_id", name=op.f("uq_telegram_update_update_id")),
    )


def downgrade() -> None:
    op.drop_table("telegram_update")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("hourly")
