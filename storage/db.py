"""Engine, sessions and migrations for SQLite (default) and PostgreSQL."""

from __future__ import annotations

import asyncio
import collections
import contextlib
import fcntl
import logging
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import aiosqlite
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine as create_sync_engine
from sqlalchemy import event, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.dialects.sqlite.aiosqlite import AsyncAdapt_aiosqlite_connection, AsyncAdapt_aiosqlite_cursor
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.pool import ConnectionPoolEntry, NullPool, PoolResetState
from sqlalchemy.util import EMPTY_DICT
from sqlalchemy.util.concurrency import await_

MIGRATIONS = Path(__file__).parent / "migrations"

log = logging.getLogger(__name__)


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sync_url(url: str) -> str:
    """The same database through a synchronous driver (Alembic, APScheduler's job store)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return parsed.set(drivername="sqlite").render_as_string(hide_password=False)
    return parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)


def _sqlite_file(url: str) -> str | None:
    """The file of a SQLite database, None for one in memory or named by a URI."""
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return database


def _private_sqlite_file(url: str) -> None:
    """The SQLite file and its folder, readable by this account alone (0600, 0700): created so if new,
    narrowed if not. SQLite gives its -wal and -shm files the database file's permissions."""
    database = _sqlite_file(url)
    if database is None:
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


# How long a transaction waits for SQLite's write lock held by another process (a second `lapor serve` worker, the
# command line) before it fails, and the longest pause between two tries.
WRITE_LOCK_WAIT = 30.0
WRITE_LOCK_RETRY_MAX = 0.05
# The service's connection never checkpoints the write-ahead log itself (a checkpoint in a commit would hold the
# event loop): a thread of its own does, every this many commits.
CHECKPOINT_EVERY = 200
# A PostgreSQL engine's connections (each `lapor serve` worker has its own engine): as many as SQLAlchemy's default
# pool would open at most, kept open.
POSTGRES_CONNECTIONS = 15
# What the write-ahead log is cut back to once a checkpoint has copied all of it: under a long burst of writes it
# grows while readers or writers keep a checkpoint from finishing, and would otherwise keep that size on disk.
WAL_SIZE_LIMIT = 16 * 1024 * 1024


def _checkpoint(path: str, mode: str, wait: float = WRITE_LOCK_WAIT) -> bool:
    """Copies the write-ahead log into the database file, through a connection of its own, in the calling thread;
    whether it was done. PASSIVE waits for no reader or writer; TRUNCATE waits for readers (up to `wait` seconds),
    empties the log and its index."""
    connection = sqlite3.connect(path, timeout=wait, isolation_level=None)
    try:
        busy, _frames, _copied = connection.execute(f"PRAGMA wal_checkpoint({mode})").fetchone()
        if not busy and mode == "TRUNCATE":
            _forget_log_index(connection, path)
        return not busy
    finally:
        connection.close()


# The -shm file is SQLite's index of the write-ahead log: a header, then the database page each frame of the log
# holds, in parts of 32 KiB (the first holds 4,062 frames after the header, each later one 4,096).
_INDEX_HEADER, _INDEX_PART, _FIRST_PART_FRAMES = 136, 32768, 4062
_INDEX_FILES: dict[tuple[int, int], int] = {}  # a descriptor of each -shm file by (device, inode), never closed


def _forget_log_index(connection: sqlite3.Connection, path: str) -> None:
    """Zeroes the index's parts that no frame of the log uses. Emptying the log leaves the page numbers of its
    transactions there until later writes reuse each part: a copy of the folder showed which pages, and so which
    sessions, the transaction of an anonymous report wrote. Under the write lock, so that no frame is added
    meanwhile; SQLite reads no part beyond the log's last frame and zeroes a part itself before it uses it again.
    The descriptor stays open: closing any descriptor of the file would drop SQLite's locks on it in this
    process (POSIX record locks). A writer holding the lock past the connection's wait leaves the index as it is:
    its own write zeroes the first part."""
    try:
        connection.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError:
        return
    try:
        index = Path(path + "-shm")
        log_bytes = Path(path + "-wal").stat().st_size if Path(path + "-wal").exists() else 0
        if not index.exists():
            return
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        frames = max(0, log_bytes - 32) // (24 + page_size)  # the log's header, each frame's header and page
        if frames == 0:
            unused_from = _INDEX_HEADER
        elif frames <= _FIRST_PART_FRAMES:
            unused_from = _INDEX_PART
        else:
            return
        identity = (index.stat().st_dev, index.stat().st_ino)
        if identity not in _INDEX_FILES:
            _INDEX_FILES[identity] = os.open(index, os.O_RDWR)
        size = os.fstat(_INDEX_FILES[identity]).st_size
        if size > unused_from:
            os.pwrite(_INDEX_FILES[identity], bytes(size - unused_from), unused_from)
    finally:
        connection.execute("ROLLBACK")


async def _wait_for_write_lock(connection: sqlite3.Connection) -> None:
    """BEGIN IMMEDIATE once the write lock is free, retried in the event loop (which goes on meanwhile) rather
    than in SQLite's busy handler, which would sleep in the loop's thread. Raises SQLite's own "database is
    locked" after WRITE_LOCK_WAIT, as a busy timeout would."""
    loop = asyncio.get_running_loop()
    deadline, pause = loop.time() + WRITE_LOCK_WAIT, 0.001
    while True:
        await asyncio.sleep(pause)
        try:
            connection.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as error:
            if error.sqlite_errorcode != sqlite3.SQLITE_BUSY or loop.time() >= deadline:
                raise
        pause = min(pause * 2, WRITE_LOCK_RETRY_MAX)


class _InLoopCursor(AsyncAdapt_aiosqlite_cursor):
    """Runs each statement whole in the event loop's thread, where SQLAlchemy's aiosqlite cursor takes four trips to
    aiosqlite's thread (open the cursor, execute, fetch, close), each waking the loop and the greenlet stack above
    it: about 0.2 ms of CPU a statement, where SQLite itself takes some 0.01 ms. What could hold the loop is kept
    out of it: the write-ahead log is checkpointed in another thread (_Checkpointer), and a write lock
    held by another process is waited for in the loop (_wait_for_write_lock), not in SQLite's busy handler."""

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
        """SQLAlchemy runs every statement in a transaction; the first of one opens it with BEGIN IMMEDIATE: the
        write lock is taken up front, so a read-then-write transaction cannot fail half-way under WAL. A
        coroutine, though it awaits only while the lock is held elsewhere: SQLAlchemy's async API requires
        that a statement be awaited, and awaiting one that never suspends leaves the loop alone."""
        connection = self._connection._conn
        if not connection.in_transaction:
            try:
                connection.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as error:
                if error.sqlite_errorcode != sqlite3.SQLITE_BUSY:
                    raise
                await _wait_for_write_lock(connection)
        cursor = connection.cursor()
        try:
            if many:
                cursor.executemany(operation, parameters)
            else:
                cursor.execute(operation, parameters if parameters is not None else ())
            self._rows = collections.deque(cursor.fetchall() if cursor.description else ())
            self._description, self._rowcount, self._lastrowid = (
                cursor.description, cursor.rowcount, cursor.lastrowid)
        finally:
            cursor.close()

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
        pass  # nothing is open: the statement's cursor was closed when it ran

    def close(self) -> None:
        self._rows.clear()


class _Checkpointer:
    """Checkpoints a database's write-ahead log in a thread of the loop's executor every CHECKPOINT_EVERY commits,
    one checkpoint at a time: what SQLite's automatic checkpoint would do in a commit."""

    def __init__(self, database_file: str) -> None:
        self.database_file = database_file
        self.commits = 0
        self.running: asyncio.Future[bool] | None = None

    def committed(self) -> None:
        self.commits += 1
        if self.commits < CHECKPOINT_EVERY or self.running is not None:
            return
        self.commits = 0
        self.running = asyncio.get_running_loop().run_in_executor(None, _checkpoint, self.database_file, "PASSIVE")
        self.running.add_done_callback(self._done)

    def _done(self, checkpoint: asyncio.Future[bool]) -> None:
        self.running = None
        if not checkpoint.cancelled() and checkpoint.exception() is not None:
            log.warning("the write-ahead log could not be checkpointed: %r", checkpoint.exception())


class _InLoopConnection(AsyncAdapt_aiosqlite_connection):
    """Commits and rolls back in the event loop's thread too."""

    __slots__ = ()
    _cursor_cls = _InLoopCursor
    checkpointer: _Checkpointer | None = None  # of the engine's database file, set on the engine's own subclass

    def commit(self) -> None:
        try:
            self._connection._conn.commit()
        except Exception as error:
            self._handle_exception(error)
        if self.checkpointer is not None:
            self.checkpointer.committed()

    def rollback(self) -> None:
        try:
            self._connection._conn.rollback()
        except Exception as error:
            self._handle_exception(error)


# What _InLoopCursor and _InLoopConnection read of SQLAlchemy's aiosqlite adapter and of aiosqlite beyond their
# documented APIs. tests/test_sqlite_trips.py checks each is still there, so that an upgrade of either (both pinned
# below their next minor release) fails there by name rather than in a message handled.
IN_LOOP_NEEDS = {
    AsyncAdapt_aiosqlite_connection: ("_connection", "_handle_exception", "_cursor_cls"),
    AsyncAdapt_aiosqlite_cursor: ("_adapt_connection", "_connection", "_cursor", "_soft_closed_memoized", "_rows",
                                  "_async_soft_close"),
    aiosqlite.Connection: ("_conn",),
}


def _in_loop(database_file: str | None) -> Callable[[Any], None]:
    """What makes SQLAlchemy's aiosqlite connections of one engine run their statements, commits and rollbacks in
    the event loop's thread (opening and closing stay in aiosqlite's), with one checkpointer for the engine's
    file. The only place that reaches past the two libraries' documented APIs."""
    in_loop_connection = type("_InLoopConnection", (_InLoopConnection,), {
        "__slots__": (), "checkpointer": _Checkpointer(database_file) if database_file else None})

    def make_in_loop(dbapi_connection: Any) -> None:
        dbapi_connection.__class__ = in_loop_connection

    return make_in_loop


def create_engine(url: str, **kwargs: Any) -> AsyncEngine:
    # hide_parameters: a failed statement's error names its SQL, never the values (reports, contact data).
    if not is_sqlite(url):
        # The connections kept open are all there are: with SQLAlchemy's default (5 kept, 10 more), a burst of
        # messages opened a connection and closed it again for every transaction past the fifth, each a new server
        # process with cold caches (22 to 55 a thousand messages in B1's load).
        kwargs.setdefault("pool_size", POSTGRES_CONNECTIONS)
        kwargs.setdefault("max_overflow", 0)
        return create_async_engine(url, pool_pre_ping=True, hide_parameters=True, **kwargs)
    _private_sqlite_file(url)
    database_file = _sqlite_file(url)
    # One connection: every transaction takes SQLite's write lock up front (_InLoopCursor), so only one can run at
    # a time anyway; waiting for the pool's connection queues in the event loop.
    kwargs.setdefault("pool_size", 1)
    kwargs.setdefault("max_overflow", 0)
    # pool_reset_on_return None: a connection back from a committed transaction needs no ROLLBACK;
    # _rollback_if_open below rolls back what was left open. check_same_thread: aiosqlite opens the connection in
    # its thread, the statements run in the loop's (_InLoopCursor); never in two threads at once.
    engine = create_async_engine(url, connect_args={"timeout": WRITE_LOCK_WAIT, "check_same_thread": False},
                                 hide_parameters=True, pool_reset_on_return=None, **kwargs)

    make_in_loop = _in_loop(database_file)

    @event.listens_for(engine.sync_engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        # Python 3.11's sqlite3 opens transactions lazily; the first statement of each opens it (_InLoopCursor).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        # secure_delete: what a row held is zeroed when it is overwritten or deleted, not left in free space.
        # wal_autocheckpoint and busy_timeout 0, last: from here on this connection runs in the event loop's
        # thread, where neither a checkpoint nor the busy handler's sleep may run (_InLoopConnection, _InLoopCursor).
        for pragma in ("journal_mode=WAL", "foreign_keys=ON", "synchronous=NORMAL", "secure_delete=ON",
                       f"journal_size_limit={WAL_SIZE_LIMIT}", "wal_autocheckpoint=0", "busy_timeout=0"):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()
        make_in_loop(dbapi_connection)  # after the pragmas: WAL cannot be set in a transaction

    @event.listens_for(engine.sync_engine, "reset")
    def _rollback_if_open(dbapi_connection: Any, record: ConnectionPoolEntry, state: PoolResetState) -> None:
        # The pool's own reset, less the ROLLBACK of a transaction that is over. Not from a garbage-collected
        # connection (asyncio_safe false), which the pool only closes.
        driver = record.driver_connection
        if state.asyncio_safe and driver is not None and driver.in_transaction:
            dbapi_connection.rollback()

    return engine


# How long emptying the log waits for readers: it runs before a message's answer goes, which Twilio waits for.
TRUNCATE_WAIT = 2.0
# Held past that (another process reading, a checkpoint of the service's own under way), it is tried again in the
# background, a second apart, this many times.
TRUNCATE_TRIES_LATER = 30
_TRUNCATING: set[asyncio.Task[None]] = set()  # the background tries under way, kept from the garbage collector


async def truncate_log(sessions: async_sessionmaker[AsyncSession]) -> None:
    """SQLite: copies the write-ahead log into the database file and empties it, so that what the last
    transactions wrote is gone from the log as well; in a thread, as it waits for readers. A reader still there
    after TRUNCATE_WAIT leaves it to tries in the background, the answer not kept waiting. Nothing to do on
    PostgreSQL."""
    engine = sessions.kw["bind"]
    if engine.dialect.name != "sqlite":
        return
    database_file = _sqlite_file(engine.url.render_as_string(hide_password=False))
    if database_file is None or await asyncio.to_thread(_checkpoint, database_file, "TRUNCATE", TRUNCATE_WAIT):
        return
    log.warning("the write-ahead log could not be emptied yet: a reader held it past %.0f s", TRUNCATE_WAIT)
    later = asyncio.get_running_loop().create_task(_truncate_later(database_file))
    _TRUNCATING.add(later)
    later.add_done_callback(_TRUNCATING.discard)


async def _truncate_later(database_file: str) -> None:
    for _ in range(TRUNCATE_TRIES_LATER):
        await asyncio.sleep(1.0)
        if await asyncio.to_thread(_checkpoint, database_file, "TRUNCATE", TRUNCATE_WAIT):
            return
    log.warning("the write-ahead log could not be emptied: readers held it for %d tries", TRUNCATE_TRIES_LATER)


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


# The advisory lock PostgreSQL migrations are run under (the scheduler's lead takes another key).
MIGRATION_LOCK_KEY = 0x4C41504F5244  # "LAPORD"
# How long a start waits for another process's migrations: far longer than ours take on a large database, and
# a limit, so that a process hung while migrating is reported rather than waited for by every start after it.
MIGRATION_WAIT_S = 600.0
_MIGRATION_POLL_S = 0.25


class MigrationBusy(RuntimeError):
    """Another process held the database's migrations for longer than this one would wait."""


def _take_in_turn(take: Callable[[], bool], wait_s: float) -> None:
    """Calls `take` until it gets the lock, for up to `wait_s` seconds; MigrationBusy after that."""
    if take():
        return
    log.info("another process is migrating the database; waiting up to %.0f s", wait_s)
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        time.sleep(_MIGRATION_POLL_S)
        if take():
            return
    raise MigrationBusy(f"another process has been migrating the database for more than {wait_s:.0f} s: "
                        "stop it, or wait for it, then start again")


@contextlib.contextmanager
def _one_migration_at_a_time(url: str, wait_s: float) -> Iterator[None]:
    """Holds other processes' migrations of this database back until this one's are done: two Lapor processes
    started together on a new database (or a new release) would otherwise both create its tables, and one fail.
    A lock file beside a SQLite file, an advisory lock on PostgreSQL; each is let go if its process dies."""
    if is_sqlite(url):
        database = _sqlite_file(url)
        if database is None:  # in memory: no other process sees it
            yield
            return
        descriptor = os.open(f"{database}.migrating", os.O_RDWR | os.O_CREAT, 0o600)

        def take_file() -> bool:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return False
            return True

        try:
            _take_in_turn(take_file, wait_s)
            yield
        finally:
            os.close(descriptor)  # closing the file releases the lock
        return
    engine = create_sync_engine(sync_url(url), poolclass=NullPool)
    try:
        with engine.connect() as connection:

            def take_key() -> bool:
                taken = connection.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
                connection.commit()
                return bool(taken.scalar_one())

            _take_in_turn(take_key, wait_s)
            try:
                yield
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK_KEY})
                connection.commit()
    finally:
        engine.dispose()


def upgrade(url: str, wait_s: float = MIGRATION_WAIT_S) -> None:
    """Apply every migration up to head, one process at a time, waiting up to `wait_s` seconds for another's.
    Call it outside a running event loop."""
    if is_sqlite(url):
        _private_sqlite_file(url)
    with _one_migration_at_a_time(url, wait_s):
        command.upgrade(alembic_config(url), "head")
