"""report occurred_hour: the hour of the day it happened, as the resident told it, for the patrol priorities

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

COUNTED = ["station_id", "created_at", "status", "category", "urgent", "village_code", "district_code"]


def upgrade() -> None:
    # Reports filed before have none: the digest places them by when they were filed, as it did.
    with op.batch_alter_table("report", schema=None) as batch_op:
        batch_op.add_column(sa.Column("occurred_hour", sa.SmallInteger(), nullable=True))
        batch_op.drop_index("ix_report_station_id_created_at_counted")
        batch_op.create_index("ix_report_station_id_created_at_counted", [*COUNTED, "occurred_hour"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("report", schema=None) as batch_op:
        batch_op.drop_index("ix_report_station_id_created_at_counted")
        batch_op.create_index("ix_report_station_id_created_at_counted", COUNTED, unique=False)
        batch_op.drop_column("occurred_hour")
