"""keys and codes: the SECRET_KEY's fingerprint, invite codes keyed by it, failed enrollments counted

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "key_fingerprint",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_key_fingerprint")),
    )
    op.create_table(
        "enrollment_failure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enrollment_failure")),
    )
    with op.batch_alter_table("enrollment_failure", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_enrollment_failure_at"), ["at"], unique=False)
    # Codes not yet used were stored as a plain SHA-256, which the keyed hash cannot be derived from without
    # the codes: they are expired (they last a day at most), and the operator hands out new ones.
    op.execute("UPDATE invite SET expires_at = created_at WHERE used_at IS NULL")


def downgrade() -> None:
    with op.batch_alter_table("enrollment_failure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_enrollment_failure_at"))
    op.drop_table("enrollment_failure")
    op.drop_table("key_fingerprint")
