"""witness teller token: who told a report as a witness, for that report alone, so no one counts twice

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Witnesses who joined before have no token (the key is not the migration's to read): an anonymous one of them
    # may be counted once more, at most, by telling it again.
    with op.batch_alter_table("witness", schema=None) as batch_op:
        batch_op.add_column(sa.Column("teller_token", sa.String(length=64), nullable=True))
        batch_op.create_index("uq_witness_report_id_teller_token", ["report_id", "teller_token"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("witness", schema=None) as batch_op:
        batch_op.drop_index("uq_witness_report_id_teller_token")
        batch_op.drop_column("teller_token")
