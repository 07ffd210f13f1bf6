"""attachment without the channel's file id: officers get the stored copy, and no file id leads back to a sender

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A Telegram file id is the resident's own upload, tags and all, and names the same file in every report it was
    # sent with, anonymous ones too: the ids kept so far go with the column.
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.drop_column("channel_file_id")


def downgrade() -> None:
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.add_column(sa.Column("channel_file_id", sa.String(length=256), nullable=True))
