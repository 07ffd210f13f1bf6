"""attachment without its size: the one picture kept for a named and an anonymous report was two rows of one size

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nothing read it; a photo written again from the same pixels has the same size to the byte, so the column tied
    # an anonymous report's photo to a named one's in a copy of the database.
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.drop_column("size_bytes")


def downgrade() -> None:
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.add_column(sa.Column("size_bytes", sa.Integer(), nullable=False, server_default="0"))
