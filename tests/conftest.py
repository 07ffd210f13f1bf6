"""Fixtures: a real database (a SQLite file, and PostgreSQL when TEST_DATABASE_URL is set) and an engine
wired as the service wires it. What tests share besides fixtures is in tests/helpers.py."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator, Iterator
from functools import cache
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import Table, create_engine, make_url, text
from sqlalchemy.engine import Engine as Engine_
from sqlalchemy.ext.asyncio import AsyncEngine

from handlers.engine import Engine
from harness.loopback import empty_postgres
from storage import db as database
from storage.models import Base
from storage.regions import RegionIndex
from storage.stations import seed_if_empty
from tests.helpers import POSTGRES_URL, make_engine, regions

NO_POSTGRES = "TEST_DATABASE_URL is not set"
# The database engines of the `engine` fixture, one per database URL of a worker, kept from test to test as the
# service keeps its one: each compiles a statement once and caches it, and that compiling is a fifth of a
# conversation's time with a new engine.
_DATABASE_ENGINES: dict[str, AsyncEngine] = {}


def pytest_report_header() -> str:
    return f"PostgreSQL tests: {'on' if POSTGRES_URL else 'skipped (' + NO_POSTGRES + ')'}"


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Says at the end, where it is seen, how many tests did not run on PostgreSQL."""
    skipped = [report for report in terminalreporter.stats.get("skipped", [])
               if NO_POSTGRES in str(getattr(report, "longrepr", ""))]
    if skipped:
        terminalreporter.write_line(f"*** {len(skipped)} PostgreSQL tests skipped: {NO_POSTGRES}. They ran on "
                                    "SQLite only (scripts/postgres.sh starts a server).", yellow=True, bold=True)


async def _seed(url: str) -> None:
    engine = database.create_engine(url)
    async with database.session_factory(engine)() as db, db.begin():
        result = await seed_if_empty(db, regions())
    await engine.dispose()
    assert result is not None and not result.errors


def _prepare(url: str) -> None:
    """Migrations and the shipped stations, as `lapor run` leaves a fresh database."""
    database.upgrade(url)
    asyncio.run(_seed(url))


@pytest.fixture(autouse=True)
def region_index_built_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The service and the command build the region index as they start (seconds of work, the same each
    time): here they get the one the run built. tests/test_regions.py builds it itself."""
    monkeypatch.setattr(RegionIndex, "load", classmethod(lambda cls: regions()))


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One prepared SQLite file, copied for each test: preparing once keeps the suite quick."""
    path = tmp_path_factory.mktemp("template") / "lapor.db"
    _prepare(f"sqlite+aiosqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def postgres_url(worker_id: str) -> str:
    """TEST_DATABASE_URL's database, or under pytest-xdist one beside it for each worker (`…_gw0`), created
    on first use: workers never share tables."""
    url = make_url(POSTGRES_URL.replace("postgresql://", "postgresql+psycopg://", 1))
    if worker_id != "master":
        name = f"{url.database}_{worker_id}"
        admin = create_engine(database.sync_url(url.render_as_string(hide_password=False)),
                              isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            exists = connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first()
            if exists is None:
                connection.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        url = url.set(database=name)
    prepared = url.render_as_string(hide_password=False)
    empty_postgres(prepared)  # whatever an earlier run left, schema included
    _prepare(prepared)
    _fresh_rows(prepared), _restart_sequences(prepared)  # read while the database is as fresh as a new one
    return prepared


def _reset_postgres(url: str) -> None:
    """Deletes every row, restarts every sequence and puts back the rows a fresh database starts with (the
    shipped stations): as fresh as a new one, in a fraction of the time migrating anew takes (TRUNCATE, which
    touches files, takes longer still on tables this small). A test that left the schema elsewhere than at
    the newest migration (one that tests a migration) gets the database rebuilt."""
    with _sync_engine(url).begin() as connection:
        at_head = connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one_or_none() == _head()
        if at_head:
            # Tables of no migration (one a test made, APScheduler's job table of older databases) go whole.
            ours = {table.name for table in Base.metadata.sorted_tables} | {"alembic_version"}
            tables = connection.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).all()
            for (other,) in tables:
                if other not in ours:
                    connection.execute(text(f'DROP TABLE "{other}" CASCADE'))
            for table in reversed(Base.metadata.sorted_tables):
                connection.execute(table.delete())
            for table, rows in _fresh_rows(url).items():
                connection.execute(table.insert(), rows)
            connection.execute(text(_restart_sequences(url)))
    if not at_head:
        empty_postgres(url)
        _prepare(url)
        _fresh_rows.cache_clear()
        _restart_sequences.cache_clear()


@cache
def _sync_engine(url: str) -> Engine_:
    return create_engine(database.sync_url(url))


@cache
def _restart_sequences(url: str) -> str:
    """The statement that sets each table's id sequence on from the rows put back, as after the seeding."""
    with _sync_engine(url).connect() as connection:
        sequences = connection.execute(text(
            "SELECT s.sequencename, t.relname FROM pg_sequences s JOIN pg_depend d ON d.objid = "
            "(quote_ident(s.schemaname) || '.' || quote_ident(s.sequencename))::regclass JOIN pg_class t "
            "ON t.oid = d.refobjid WHERE s.schemaname = 'public'")).all()
    return "SELECT " + ", ".join(f"setval('\"{sequence}\"', COALESCE((SELECT max(id) FROM \"{table}\"), 0) + 1, false)"
                                 for sequence, table in sequences)


@cache
def _fresh_rows(url: str) -> dict[Table, list[dict[str, object]]]:
    """The rows of a freshly prepared database (its stations), read once from the worker's own database
    while it is fresh, which the session fixture leaves it."""
    with _sync_engine(url).connect() as connection:
        found = {table: [dict(row._mapping) for row in connection.execute(table.select())]
                 for table in Base.metadata.sorted_tables}
    return {table: rows for table, rows in found.items() if rows}


@cache
def _head() -> str:
    return str(ScriptDirectory.from_config(database.alembic_config("sqlite://")).get_current_head())


@pytest.fixture(scope="session")
def sqlite_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where each test's SQLite file is: the same path every time, so that the engine made for it can serve
    every test (see `engine`)."""
    return tmp_path_factory.mktemp("database") / "lapor.db"


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, sqlite_path: Path, sqlite_template: Path) -> Iterator[str]:
    """A migrated, empty database of each kind."""
    if request.param == "sqlite":
        for file in (sqlite_path, sqlite_path.with_name(sqlite_path.name + "-wal"),
                     sqlite_path.with_name(sqlite_path.name + "-shm")):
            file.unlink(missing_ok=True)  # a new file, not the last test's overwritten
        shutil.copy(sqlite_template, sqlite_path)
        yield f"sqlite+aiosqlite:///{sqlite_path}"
        return
    if not POSTGRES_URL:
        pytest.skip(NO_POSTGRES)
    url: str = request.getfixturevalue("postgres_url")
    _reset_postgres(url)
    yield url


@pytest.fixture
async def engine(database_url: str, tmp_path: Path) -> AsyncIterator[Engine]:
    if database_url not in _DATABASE_ENGINES:
        _DATABASE_ENGINES[database_url] = database.create_engine(database_url)
    db_engine = _DATABASE_ENGINES[database_url]
    bot_engine, _ = make_engine(database_url, tmp_path / "media", db_engine=db_engine)
    yield bot_engine
    await db_engine.dispose()

