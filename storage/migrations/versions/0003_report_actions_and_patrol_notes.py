"""report actions, escalation and patrol notes

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "patrol_note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("station_id", sa.Integer(), nullable=False),
        sa.Column("officer_id", sa.Integer(), nullable=True),
        sa.Column("place_text", sa.String(length=300), nullable=False),
        sa.Column("district_code", sa.String(length=16), nullable=True),
        sa.Column("village_code", sa.String(length=16), nullable=True),
        sa.Column("residents_met", sa.Integer(), nullable=False),
        sa.Column("follow_up", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["officer.id"], name=op.f("fk_patrol_note_officer_id_officer"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(["station_id"], ["station.id"], name=op.f("fk_patrol_note_station_id_station")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patrol_note")),
    )
    with op.batch_alter_table("patrol_note", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_patrol_note_created_at"), ["created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_patrol_note_station_id"), ["station_id"], unique=False)

    with op.batch_alter_table("report", schema=None) as batch_op:
        batch_op.add_column(sa.Column("duplicate_of_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("patrol_note_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("escalate_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("escalations", sa.Integer(), nullable=False, server_default="0"))
        batch_op.create_index(batch_op.f("ix_report_escalate_at"), ["escalate_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_report_patrol_note_id"), ["patrol_note_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_report_duplicate_of_id_report"), "report", ["duplicate_of_id"], ["id"]
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_report_patrol_note_id_patrol_note"), "patrol_note", ["patrol_note_id"], ["id"]
        )

    with op.batch_alter_table("report_event", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "kind",
                sa.Enum("status", "escalation", "reply", name="eventkind", native_enum=False, length=24),
                nullable=False,
                server_default="status",
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("report_event", schema=None) as batch_op:
        batch_op.drop_column("kind")

    with op.batch_alter_table("report", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_report_patrol_note_id_patrol_note"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("fk_report_duplicate_of_id_report"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_report_patrol_note_id"))
        batch_op.drop_index(batch_op.f("ix_report_escalate_at"))
        batch_op.drop_column("escalations")
        batch_op.drop_column("escalate_at")
        batch_op.drop_column("patrol_note_id")
        batch_op.drop_column("duplicate_of_id")

    with op.batch_alter_table("patrol_note", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_patrol_note_station_id"))
        batch_op.drop_index(batch_op.f("ix_patrol_note_created_at"))

    op.drop_table("patrol_note")
