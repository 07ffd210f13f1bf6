"""drop_old_job_table: APScheduler's job table, left by versions whose scheduler kept its jobs in the database

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The scheduler now keeps when each job runs next in the leader's memory; nothing reads the table.
    op.execute("DROP TABLE IF EXISTS apscheduler_jobs")


def downgrade() -> None:
    # Nothing to put back: the older scheduler creates its table when it starts.
    pass
