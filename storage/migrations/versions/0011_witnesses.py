"""witnesses: residents whose account joined a report of the same incident

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "witness",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("identity", sa.Enum("named", "confidential", "anonymous", name="identity", native_enum=False,
                                      length=24), nullable=False),
        sa.Column("statement", sa.Text(), nullable=False),
        sa.Column("occurred_text", sa.String(length=200), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"], name=op.f("fk_witness_contact_id_contact"),
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["report_id"], ["report.id"], name=op.f("fk_witness_report_id_report"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_witness")),
    )
    op.create_index(op.f("ix_witness_contact_id"), "witness", ["contact_id"], unique=False)
    op.create_index(op.f("ix_witness_report_id"), "witness", ["report_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_witness_report_id"), table_name="witness")
    op.drop_index(op.f("ix_witness_contact_id"), table_name="witness")
    op.drop_table("witness")
