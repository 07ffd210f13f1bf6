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
from sqlalchemy import create_engine, make_url, text

from handlers.engine import Engine
from harness.loopback import empty_postgres
from storage import db as database
from storage.models import Base
from storage.stations import seed_if_empty
from tests.helpers import POSTGRES_URL, make_engine, regions


def pytest_report_header() -> str:
    return f"PostgreSQL tests: {'on' if POSTGRES_URL else 'skipped (TEST_DATABASE_URL is not set)'}"


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
    return prepared


def _reset_postgres(url: str) -> None:
    """Empties every table and seeds the stations again: a migrated database as fresh as a new one, in a
    tenth of the time migrating anew takes. A test that left the schema elsewhere than at the newest
    migration (one that tests a migration) gets the database rebuilt."""
    engine = create_engine(database.sync_url(url))
    with engine.begin() as connection:
        at_head = connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one_or_none() == _head()
        if at_head:
            tables = ", ".join(f'"{table.name}"' for table in Base.metadata.sorted_tables)
            connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    engine.dispose()
    if at_head:
        asyncio.run(_seed(url))
    else:
        empty_postgres(url)
        _prepare(url)


@cache
def _head() -> str:
    return str(ScriptDirectory.from_config(database.alembic_config("sqlite://")).get_current_head())


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path) -> Iterator[str]:
    """A migrated, empty database of each kind."""
    if request.param == "sqlite":
        path = tmp_path / "lapor.db"
        shutil.copy(sqlite_template, path)
        yield f"sqlite+aiosqlite:///{path}"
        return
    if not POSTGRES_URL:
        pytest.skip("TEST_DATABASE_URL is not set")
    url: str = request.getfixturevalue("postgres_url")
    _reset_postgres(url)
    yield url


@pytest.fixture
async def engine(database_url: str, tmp_path: Path) -> AsyncIterator[Engine]:
    bot_engine, db_engine = make_engine(database_url, tmp_path / "media")
    yield bot_engine
    await db_engine.dispose()

