"""report online: it happened by phone or online, its place where the resident lives, no scene for the map

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

COUNTED = ["station_id", "created_at", "status", "category", "urgent", "village_code", "district_code",
           "occurred_hour"]


def upgrade() -> None:
    # Reports filed before are taken as told at their place, as they were counted.
    with op.batch_alter_table("report", schema=None) as batch_op:
        batch_op.add_column(sa.Column("online", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.drop_index("ix_report_station_id_created_at_counted")
        batch_op.create_index("ix_report_station_id_created_at_counted", [*COUNTED, "online"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("report", schema=None) as batch_op:
        batch_op.drop_index("ix_report_station_id_created_at_counted")
        batch_op.create_index("ix_report_station_id_created_at_counted", COUNTED, unique=False)
        batch_op.drop_column("online")
