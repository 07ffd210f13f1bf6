"""digest indexes: a station's digest reads its own rows from indexes, whatever the size of the tables

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("report", schema=None) as batch_op:
        batch_op.drop_index("ix_report_station_id_created_at")
        batch_op.drop_index("ix_report_station_id_status")
        batch_op.create_index(
            "ix_report_station_id_created_at_counted",
            ["station_id", "created_at", "status", "category", "urgent", "village_code", "district_code"],
            unique=False,
        )
        batch_op.create_index(
            "ix_report_station_id_status_open", ["station_id", "status", "created_at", "escalations"], unique=False
        )

    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index("ix_outbox_state_created_at", ["state", "created_at"], unique=False)

    with op.batch_alter_table("patrol_note", schema=None) as batch_op:
        batch_op.drop_index("ix_patrol_note_station_id")
        batch_op.create_index("ix_patrol_note_station_id_created_at", ["station_id", "created_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("patrol_note", schema=None) as batch_op:
        batch_op.drop_index("ix_patrol_note_station_id_created_at")
        batch_op.create_index("ix_patrol_note_station_id", ["station_id"], unique=False)

    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_state_created_at")

    with op.batch_alter_table("report", schema=None) as batch_op:
        batch_op.drop_index("ix_report_station_id_status_open")
        batch_op.drop_index("ix_report_station_id_created_at_counted")
        batch_op.create_index("ix_report_station_id_status", ["station_id", "status"], unique=False)
        batch_op.create_index("ix_report_station_id_created_at", ["station_id", "created_at"], unique=False)
