"""officer outlives its chat: contact_id SET NULL on erasure, ids never given again (SQLite AUTOINCREMENT)

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Recreated on SQLite, where AUTOINCREMENT is a property of the table; PostgreSQL's sequence never reuses ids.
    with op.batch_alter_table("officer", schema=None, recreate="auto",
                              table_kwargs={"sqlite_autoincrement": True}) as batch_op:
        batch_op.alter_column("contact_id", existing_type=sa.Integer(), nullable=True)
        batch_op.drop_constraint("fk_officer_contact_id_contact", type_="foreignkey")
        batch_op.create_foreign_key("fk_officer_contact_id_contact", "contact", ["contact_id"], ["id"],
                                    ondelete="SET NULL")


def downgrade() -> None:
    # Officers left by an erased chat have no contact to point at: they go, as they did before.
    op.execute("DELETE FROM officer WHERE contact_id IS NULL")
    with op.batch_alter_table("officer", schema=None) as batch_op:
        batch_op.drop_constraint("fk_officer_contact_id_contact", type_="foreignkey")
        batch_op.create_foreign_key("fk_officer_contact_id_contact", "contact", ["contact_id"], ["id"],
                                    ondelete="CASCADE")
        batch_op.alter_column("contact_id", existing_type=sa.Integer(), nullable=False)
