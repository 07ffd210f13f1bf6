"""report withheld: kept from all but its officers (drugs, violence at home, a threat), never published

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Drug reports were withheld by their category and still are. Reports filed before are not read again (the
    # reader is the service's, and a million stories would hold the upgrade for many minutes): only those filed
    # from now on are withheld for telling of violence at home or a threat.
    with op.batch_alter_table("report", schema=None) as batch_op:
        batch_op.add_column(sa.Column("withheld", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("report", schema=None) as batch_op:
        batch_op.drop_column("withheld")
