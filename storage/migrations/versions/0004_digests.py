"""digests

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "digest_run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("station_id", sa.Integer(), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("sends", sa.Integer(), nullable=False),
        sa.Column("recipients", sa.Integer(), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["station_id"], ["station.id"], name=op.f("fk_digest_run_station_id_station"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_digest_run")),
        sa.UniqueConstraint("station_id", "local_date", name=op.f("uq_digest_run_station_id")),
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("report_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_outbox_report_id"), ["report_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_outbox_report_id_report"), "report", ["report_id"], ["id"], ondelete="SET NULL"
        )

    with op.batch_alter_table("report", schema=None) as batch_op:
        batch_op.create_index("ix_report_station_id_created_at", ["station_id", "created_at"], unique=False)
        batch_op.create_index("ix_report_station_id_status", ["station_id", "status"], unique=False)

    with op.batch_alter_table("station", schema=None) as batch_op:
        batch_op.add_column(sa.Column("digest_time", sa.String(length=5), nullable=False, server_default="06:00"))


def downgrade() -> None:
    with op.batch_alter_table("station", schema=None) as batch_op:
        batch_op.drop_column("digest_time")

    with op.batch_alter_table("report", schema=None) as batch_op:
        batch_op.drop_index("ix_report_station_id_status")
        batch_op.drop_index("ix_report_station_id_created_at")

    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_outbox_report_id_report"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_outbox_report_id"))
        batch_op.drop_column("report_id")

    op.drop_table("digest_run")
