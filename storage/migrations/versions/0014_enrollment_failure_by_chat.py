"""enrollment_failure_by_chat: which chat tried an unknown invite code, so that one chat is refused on its own

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The rows last a quarter of an hour and have no chat to give: they go, and counting starts afresh.
    op.execute("DELETE FROM enrollment_failure")
    with op.batch_alter_table("enrollment_failure") as table:
        table.add_column(sa.Column("urn_hash", sa.String(length=64), nullable=False))
        table.create_index(table.f("ix_enrollment_failure_urn_hash"), ["urn_hash"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("enrollment_failure") as table:
        table.drop_index(table.f("ix_enrollment_failure_urn_hash"))
        table.drop_column("urn_hash")
