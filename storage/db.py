"""Engine, sessions and migrations for SQLite (default) and PostgreSQL."""

from __future__ import annotations

import collections
import contextlib
import os
import sqlite3
from pathlib import Path
from typing import Any

import aiosqlite
from alembic import command
from alembic.config import Config
from sqlalchemy import event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.dialects.sqlite.aiosqlite import AsyncAdapt_aiosqlite_connection, AsyncAdapt_aiosqlite_cursor
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.pool import ConnectionPoolEntry, PoolResetState
from sqlalchemy.util import EMPTY_DICT
from sqlalchemy.util.concurrency import await_

MIGRATIONS = Path(__file__).parent / "migrations"


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sync_url(url: str) -> str:
    """The same database through a synchronous driver (Alembic, APScheduler's job store)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return parsed.set(drivername="sqlite").render_as_string(hide_password=False)
    return parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)


def _private_sqlite_file(url: str) -> None:
    """The SQLite file and its folder, readable by this account alone (0600, 0700): created so if new,
    narrowed if not. SQLite gives its -wal and -shm files the database file's permissions."""
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    path = Path(database)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    # An empty file is an empty database. Never opened when it exists: closing any descriptor of the file
    # would drop the locks this process's connections hold on it.
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        with contextlib.suppress(FileNotFoundError):
            file.chmod(0o600)


def _run_statement(connection: sqlite3.Connection, operation: str, parameters: Any,
                   many: bool) -> tuple[Any, list[Any], int, int | None]:
    """One statement from cursor to rows, in aiosqlite's thread: its description, rows, rowcount, lastrowid.

    SQLAlchemy runs every statement in a transaction; the first of one opens it here, in the same trip, with
    BEGIN IMMEDIATE: the write lock is taken up front, so a read-then-write transaction waits on busy_timeout
    instead of failing at once under WAL, and the BEGIN costs no trip of its own."""
    if not connection.in_transaction:
        connection.execute("BEGIN IMMEDIATE")
    cursor = connection.cursor()
    try:
        if many:
            cursor.executemany(operation, parameters)
        else:
            cursor.execute(operation, parameters if parameters is not None else ())
        rows = cursor.fetchall() if cursor.description else []
        return cursor.description, rows, cursor.rowcount, cursor.lastrowid
    finally:
        cursor.close()


class _OneTripCursor(AsyncAdapt_aiosqlite_cursor):
    """SQLAlchemy's aiosqlite cursor takes four trips to aiosqlite's thread a statement (open the cursor,
    execute, fetch, close), each resuming the event loop and the greenlet stack above it: most of the
    service's CPU time on SQLite. This one makes one, running the statement whole in the thread."""

    __slots__ = ("_description", "_lastrowid", "_rowcount")

    def __init__(self, adapt_connection: Any) -> None:
        self._adapt_connection = adapt_connection
        self._connection = adapt_connection._connection
        self._cursor = None  # type: ignore[assignment]
        self._soft_closed_memoized = EMPTY_DICT
        self._rows = collections.deque()
        self._description, self._rowcount, self._lastrowid = None, -1, None

    @property
    def description(self) -> Any:
        return self._description

    @property
    def rowcount(self) -> int:
        return self._rowcount

    @property
    def lastrowid(self) -> Any:
        return self._lastrowid

    @property  # type: ignore[misc]  # read-only here: one row at a time, whatever is set
    def arraysize(self) -> int:
        return 1

    async def _run(self, operation: Any, parameters: Any, many: bool) -> None:
        async with self._adapt_connection._execute_mutex:
            connection = self._connection
            self._description, rows, self._rowcount, self._lastrowid = await connection._execute(
                _run_statement, connection._conn, operation, parameters, many)
            self._rows = collections.deque(rows)

    def execute(self, operation: Any, parameters: Any = None) -> None:
        try:
            await_(self._run(operation, parameters, False))
        except Exception as error:
            self._adapt_connection._handle_exception(error)

    def executemany(self, operation: Any, seq_of_parameters: Any) -> None:
        try:
            await_(self._run(operation, seq_of_parameters, True))
        except Exception as error:
            self._adapt_connection._handle_exception(error)

    async def _async_soft_close(self) -> None:
        pass  # nothing is open: the statement's cursor was closed in the thread

    def close(self) -> None:
        self._rows.clear()


class _OneTripConnection(AsyncAdapt_aiosqlite_connection):
    __slots__ = ()
    _cursor_cls = _OneTripCursor


# What _OneTripCursor reads of SQLAlchemy's aiosqlite adapter and of aiosqlite beyond their documented APIs.
# tests/test_sqlite_trips.py checks each is still there, so that an upgrade of either (both pinned below
# their next minor release) fails there by name rather than in a message handled.
ONE_TRIP_NEEDS = {
    AsyncAdapt_aiosqlite_connection: ("_connection", "_execute_mutex", "_handle_exception", "_cursor_cls"),
    AsyncAdapt_aiosqlite_cursor: ("_adapt_connection", "_connection", "_cursor", "_soft_closed_memoized", "_rows",
                                  "_async_soft_close"),
    aiosqlite.Connection: ("_execute", "_conn"),
}


def _one_trip(dbapi_connection: Any) -> None:
    """Makes SQLAlchemy's aiosqlite connection run each statement in one trip to aiosqlite's thread. The only
    place that reaches past the two libraries' documented APIs: their public ones take four trips a statement."""
    dbapi_connection.__class__ = _OneTripConnection  # the same connection, its cursors _OneTripCursor


def create_engine(url: str, **kwargs: Any) -> AsyncEngine:
    # hide_parameters: a failed statement's error names its SQL, never the values (reports, contact data).
    if not is_sqlite(url):
        return create_async_engine(url, pool_pre_ping=True, hide_parameters=True, **kwargs)
    _private_sqlite_file(url)
    # One connection: every transaction takes SQLite's write lock up front (_run_statement), so only one can run at a
    # time anyway. Waiting for the pool's connection queues in the event loop; waiting on the lock with
    # several connections would poll it in SQLite's busy handler, sleeping up to 100 ms between tries.
    kwargs.setdefault("pool_size", 1)
    kwargs.setdefault("max_overflow", 0)
    # pool_reset_on_return None: a connection back from a committed transaction needs no ROLLBACK (another
    # trip to aiosqlite's thread); _rollback_if_open below rolls back what was left open.
    engine = create_async_engine(url, connect_args={"timeout": 30}, hide_parameters=True,
                                 pool_reset_on_return=None, **kwargs)

    @event.listens_for(engine.sync_engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        # Python 3.11's sqlite3 opens transactions lazily; the first statement of each opens it (_run_statement).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        # secure_delete: what a row held is zeroed when it is overwritten or deleted, not left in free space.
        for pragma in ("journal_mode=WAL", "busy_timeout=30000", "foreign_keys=ON", "synchronous=NORMAL",
                       "secure_delete=ON"):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()
        _one_trip(dbapi_connection)  # after the pragmas: WAL cannot be set inside the transaction it would begin

    @event.listens_for(engine.sync_engine, "reset")
    def _rollback_if_open(dbapi_connection: Any, record: ConnectionPoolEntry, state: PoolResetState) -> None:
        # The pool's own reset, less the ROLLBACK of a transaction that is over. Not from a garbage-collected
        # connection (asyncio_safe false), which the pool only closes.
        driver = record.driver_connection
        if state.asyncio_safe and driver is not None and driver.in_transaction:
            dbapi_connection.rollback()

    return engine


async def truncate_log(sessions: async_sessionmaker[AsyncSession]) -> None:
    """SQLite: copies the write-ahead log into the database file and empties it, so that what the last
    transactions overwrote is gone from the log as well. Nothing to do on PostgreSQL."""
    engine = sessions.kw["bind"]
    if engine.dialect.name != "sqlite":
        return
    async with engine.connect() as connection:  # no transaction: a checkpoint cannot run inside one
        raw = await connection.get_raw_connection()
        await raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def dialect_insert(db: AsyncSession, table: type) -> postgresql.Insert | sqlite.Insert:
    """An INSERT that can say ON CONFLICT, in the dialect of the session's database."""
    if db.get_bind().dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


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
        _private_sqlite_file(url)
    command.upgrade(alembic_config(url), "head")
