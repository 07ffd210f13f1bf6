"""The digest reads a station's rows from indexes, so that its cost follows the station's reports rather than
the size of the tables; and the migration that made those indexes upgrades a database that holds reports."""

from __future__ import annotations

import datetime as dt
import random
import re
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine as create_sync_engine
from sqlalchemy import event, func, insert, inspect, select, text
from sqlalchemy.sql import column as old_column
from sqlalchemy.sql import table as old_table

from handlers.digest import compose, digest_moment
from handlers.engine import Engine
from handlers.office import Office
from storage import db as database
from storage.db import is_sqlite
from storage.models import Base, Category, Outbox, OutboxState, Report, ReportStatus
from storage.sample_reports import SampleStation, sample_report
from tests.helpers import DAY, add, enrolled, station, wib

DIGEST_INDEXES = {"report": {"ix_report_station_id_created_at_counted", "ix_report_station_id_status_open"},
                  "outbox": {"ix_outbox_state_created_at"}, "patrol_note": {"ix_patrol_note_station_id_created_at"}}
REPLACED = {"report": {"ix_report_station_id_created_at", "ix_report_station_id_status"},
            "patrol_note": {"ix_patrol_note_station_id"}}


def test_the_digest_indexes_upgrade_a_database_that_holds_reports(database_url: str) -> None:
    command.downgrade(database.alembic_config(database_url), "0004")
    engine = create_sync_engine(database.sync_url(database_url))
    try:
        with engine.begin() as connection:
            station_id = connection.execute(
                text("SELECT id FROM station WHERE code = 'POLSEK-SANANWETAN'")).scalar_one()
            sample = SampleStation(station_id, dt.UTC, ["35.72.03.1001"], ["35.72.03.1001"])  # type: ignore[arg-type]
            moment = dt.datetime(2026, 11, 20, tzinfo=dt.UTC)
            rows = [sample_report(random.Random(n), sample, DAY, moment, f"LP-2222-222{n}") for n in range(3)]
            for row in rows:
                del row["sample"]
            # The table as it was at 0004: the model's later columns (and their defaults) left out.
            connection.execute(insert(old_table("report", *(old_column(name) for name in rows[0]))), rows)
        database.upgrade(database_url)
        with engine.connect() as connection:
            assert connection.execute(select(func.count()).select_from(Report)).scalar_one() == 3
            indexes = {table: {index["name"] for index in inspect(connection).get_indexes(table)}
                       for table in DIGEST_INDEXES}
            differences = compare_metadata(MigrationContext.configure(connection, opts={"compare_type": True}),
                                           Base.metadata)
    finally:
        engine.dispose()
    for table, names in DIGEST_INDEXES.items():
        assert names <= indexes[table] and not REPLACED.get(table, set()) & indexes[table], table
    assert differences == []


async def test_the_digest_reads_its_station_from_indexes(engine: Engine, database_url: str) -> None:
    if not is_sqlite(database_url):
        pytest.skip("PostgreSQL plans by its statistics: on a test's few rows it rightly reads whole tables")
    await enrolled(engine, "console:kapolsek")
    ref = await add(engine, wib(19, 20), Category.TRAFFIC, escalations=1)
    await add(engine, wib(1, 8), status=ReportStatus.IN_PROGRESS)
    async with engine.sessions() as db, db.begin():
        report = (await db.execute(select(Report).where(Report.ref == ref))).scalar_one()
        db.add(Outbox(kind="status", contact_id=1, payload={}, state=OutboxState.FAILED, report_id=report.id,
                      idempotency_key="status:1", created_at=wib(19, 21), next_attempt_at=wib(19, 21)))
    statements: list[tuple[str, Any]] = []

    def capture(_connection: Any, _cursor: Any, statement: str, parameters: Any, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append((statement, parameters))

    bind = engine.sessions.kw["bind"]
    target = await station(engine)
    event.listen(bind.sync_engine, "before_cursor_execute", capture)
    try:
        async with engine.sessions() as db:
            office = Office(db, engine.cipher, engine.router, engine.escalation, digest_moment(target, DAY))
            text_ = (await compose(office, target, DAY, "id")).text
    finally:
        event.remove(bind.sync_engine, "before_cursor_execute", capture)
    assert "Masuk: 1 laporan" in text_ and "terlambat: 2" in text_ and ref in text_
    async with engine.sessions() as db:
        connection = await db.connection()
        plans = [row[3] for statement, parameters in statements
                 for row in await connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)]
    reads = [line for line in plans if re.match(r"(SCAN|SEARCH) (report|outbox|patrol_note)\b", line)]
    assert len(reads) >= 5 and not [line for line in reads if line.startswith("SCAN")], plans
    for covering in ("ix_report_station_id_created_at_counted", "ix_report_station_id_status_open"):
        assert any(f"COVERING INDEX {covering} " in line for line in reads), (covering, plans)
    assert any("ix_outbox_state_created_at (state=? AND created_at>? AND created_at<?)" in line for line in reads)
    assert any("ix_patrol_note_station_id_created_at (station_id=? AND created_at>? AND" in line for line in reads)
