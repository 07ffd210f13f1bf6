"""Engine, sessions and migrations for SQLite (default) and PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

MIGRATIONS = Path(__file__).parent / "migrations"


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sync_url(url: str) -> str:
    """The same database through a synchronous driver (Alembic, APScheduler's job store)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return parsed.set(drivername="sqlite").render_as_string(hide_password=False)
    return parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)


def _ensure_sqlite_folder(url: str) -> None:
    database = make_url(url).database
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)


def create_engine(url: str, **kwargs: Any) -> AsyncEngine:
    # hide_parameters: a failed statement's error names its SQL, never the values (reports, contact data).
    if not is_sqlite(url):
        return create_async_engine(url, pool_pre_ping=True, hide_parameters=True, **kwargs)
    _ensure_sqlite_folder(url)
    # One connection: every transaction takes SQLite's write lock up front (below), so only one can run at a
    # time anyway. Waiting for the pool's connection queues in the event loop; waiting on the lock with
    # several connections would poll it in SQLite's busy handler, sleeping up to 100 ms between tries.
    kwargs.setdefault("pool_size", 1)
    kwargs.setdefault("max_overflow", 0)
    engine = create_async_engine(url, connect_args={"timeout": 30}, hide_parameters=True, **kwargs)

    @event.listens_for(engine.sync_engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        # Python 3.11's sqlite3 opens transactions lazily; let SQLAlchemy emit BEGIN itself.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in ("journal_mode=WAL", "busy_timeout=30000", "foreign_keys=ON", "synchronous=NORMAL"):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _begin_immediate(connection: Any) -> None:
        # Take the write lock up front: a deferred read-then-write transaction fails at once under WAL
        # instead of waiting on busy_timeout.
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def dialect_insert(db: AsyncSession, table: type) -> postgresql.Insert | sqlite.Insert:
    """An INSERT that can say ON CONFLICT, in the dialect of the session's database."""
    return (postgresql if db.bind.dialect.name == "postgresql" else sqlite).insert(table)


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", sync_url(url).replace("%", "%%"))
    return config


def upgrade(url: str) -> None:
    """Apply every migration up to head. Call it outside a running event loop."""
    if is_sqlite(url):
        _ensure_sqlite_folder(url)
    command.upgrade(alembic_config(url), "head")
