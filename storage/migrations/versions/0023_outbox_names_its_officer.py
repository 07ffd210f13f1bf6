"""outbox names its officer: a message to an officer goes only while they are still that station's officer

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None

# The kinds that go to an officer as an officer, as storage.models.TO_OFFICERS had them at this revision.
_TO_OFFICERS = "('officer_alert', 'info_reply', 'digest', 'witness_added', 'late_answer')"


def upgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("officer_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key("fk_outbox_officer_id_officer", "officer", ["officer_id"], ["id"],
                                    ondelete="CASCADE")
    # Rows waiting to go name the officer their chat is now; an officer's row whose chat is no officer now goes
    # to no one (a late answer to a resident stays, naming no one).
    op.execute(f"UPDATE outbox SET officer_id = (SELECT officer.id FROM officer WHERE officer.contact_id = "
               f"outbox.contact_id AND officer.active) WHERE state = 'pending' AND kind IN {_TO_OFFICERS}")
    op.execute(f"DELETE FROM outbox WHERE state = 'pending' AND officer_id IS NULL AND kind IN {_TO_OFFICERS} "
               f"AND kind <> 'late_answer'")


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_constraint("fk_outbox_officer_id_officer", type_="foreignkey")
        batch_op.drop_column("officer_id")
