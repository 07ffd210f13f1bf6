"""witness_place: where a witness said the incident was, in their words or as a pin

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("witness") as table:
        table.add_column(sa.Column("location_text", sa.String(length=500), nullable=True))
        table.add_column(sa.Column("latitude", sa.Float(), nullable=True))
        table.add_column(sa.Column("longitude", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("witness") as table:
        table.drop_column("longitude")
        table.drop_column("latitude")
        table.drop_column("location_text")
