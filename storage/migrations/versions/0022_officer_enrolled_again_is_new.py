"""officer enrolled again is a new officer: one active officer a chat, revoked ones kept beside it

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A revoked officer's row keeps its name for the histories that cite it; the chat enrolled again gets a row of
    # its own. Web sessions of officers revoked before end now (revoking ends them from now on).
    op.execute("DELETE FROM web_session WHERE officer_id IN (SELECT id FROM officer WHERE NOT active)")
    op.execute("DELETE FROM web_link WHERE officer_id IN (SELECT id FROM officer WHERE NOT active)")
    with op.batch_alter_table("officer", schema=None, table_kwargs={"sqlite_autoincrement": True}) as batch_op:
        batch_op.drop_constraint("uq_officer_contact_id", type_="unique")
        batch_op.create_index("ix_officer_contact_id", ["contact_id"], unique=False)
        batch_op.create_index("uq_officer_active_contact_id", ["contact_id"], unique=True,
                              sqlite_where=sa.text("active"), postgresql_where=sa.text("active"))


def downgrade() -> None:
    # One row a chat fits the old constraint: the chat's newest (its active one, if any); the others lose the chat.
    op.execute("UPDATE officer SET contact_id = NULL WHERE EXISTS (SELECT 1 FROM officer AS newer "
               "WHERE newer.contact_id = officer.contact_id AND newer.id > officer.id)")
    with op.batch_alter_table("officer", schema=None, table_kwargs={"sqlite_autoincrement": True}) as batch_op:
        batch_op.drop_index("uq_officer_active_contact_id")
        batch_op.drop_index("ix_officer_contact_id")
        batch_op.create_unique_constraint("uq_officer_contact_id", ["contact_id"])
