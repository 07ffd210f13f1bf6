"""report_event from_station_id: the station a referral came from, which keeps the report in view

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Referrals made before kept no sending station: those reports stay out of the sender's view, as they were.
    with op.batch_alter_table("report_event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("from_station_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_report_event_from_station_id_station"), "station",
                                    ["from_station_id"], ["id"], ondelete="SET NULL")
        batch_op.create_index(batch_op.f("ix_report_event_from_station_id"), ["from_station_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("report_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_report_event_from_station_id"))
        batch_op.drop_constraint(batch_op.f("fk_report_event_from_station_id_station"), type_="foreignkey")
        batch_op.drop_column("from_station_id")
