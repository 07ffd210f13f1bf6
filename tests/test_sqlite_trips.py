"""SQLite in the event loop's thread: a transaction is its statements (the BEGIN IMMEDIATE before the first) and
its COMMIT, no ROLLBACK after a COMMIT, nothing sent to aiosqlite's thread; what could hold the loop (another
process's write lock, a checkpoint of the write-ahead log) is kept out of it; and the library internals that this
rests on, checked by name."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiosqlite
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from handlers.i18n import t
from storage import db as database
from tests.helpers import Resident, make_engine


@pytest.fixture
def trips(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The name of each function sent to aiosqlite's thread."""
    sent: list[str] = []
    queue_one = aiosqlite.Connection._execute

    async def counted(self: aiosqlite.Connection, fn: Any, *args: Any, **kwargs: Any) -> Any:
        sent.append(getattr(fn, "__name__", repr(fn)))
        return await queue_one(self, fn, *args, **kwargs)

    monkeypatch.setattr(aiosqlite.Connection, "_execute", counted)
    return sent


@pytest.fixture
async def sqlite_url(tmp_path: Path, sqlite_template: Path) -> str:
    path = tmp_path / "lapor.db"
    path.write_bytes(sqlite_template.read_bytes())
    return f"sqlite+aiosqlite:///{path}"


@pytest.fixture
async def engine(sqlite_url: str) -> AsyncIterator[AsyncEngine]:
    engine = database.create_engine(sqlite_url)
    yield engine
    await engine.dispose()


async def traced(engine: AsyncEngine) -> list[str]:
    """Every SQL statement the engine's one connection runs from now on, as SQLite runs it."""
    statements: list[str] = []
    async with engine.connect() as connection:
        raw = await connection.get_raw_connection()
        raw.driver_connection._conn.set_trace_callback(statements.append)  # type: ignore[union-attr]
    return statements


def test_the_internals_the_in_loop_cursor_reads_are_there() -> None:
    missing = [f"{owner.__module__}.{owner.__qualname__}.{name}"
               for owner, names in database.IN_LOOP_NEEDS.items() for name in names
               if not any(name in vars(klass) or name in getattr(klass, "__slots__", ()) for klass in owner.__mro__)]
    assert not missing, f"a library upgrade removed what storage/db.py's _InLoopCursor reads: {missing}"


async def test_a_transaction_is_its_statements_and_its_commit(engine: AsyncEngine, trips: list[str]) -> None:
    statements = await traced(engine)
    trips.clear()
    async with database.session_factory(engine)() as db, db.begin():
        await db.execute(text("SELECT count(*) FROM contact"))
        await db.execute(text("SELECT count(*) FROM report"))
    assert statements == ["BEGIN IMMEDIATE", "SELECT count(*) FROM contact", "SELECT count(*) FROM report",
                          "COMMIT"]
    assert trips == []


async def test_the_first_statement_takes_the_write_lock(engine: AsyncEngine, sqlite_url: str) -> None:
    async with database.session_factory(engine)() as db, db.begin():
        await db.execute(text("SELECT 1"))  # a read, under BEGIN IMMEDIATE: no other writer gets in
        other = sqlite3.connect(sqlite_url.split("///", 1)[1], timeout=0, isolation_level=None)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()


async def test_a_transaction_left_open_is_rolled_back_on_return(engine: AsyncEngine) -> None:
    statements = await traced(engine)
    async with database.session_factory(engine)() as db:
        await db.execute(text("UPDATE station SET name = 'changed'"))
    assert statements[-1] == "ROLLBACK"
    async with database.session_factory(engine)() as db:
        assert (await db.execute(text("SELECT count(*) FROM station WHERE name = 'changed'"))).scalar_one() == 0


async def test_a_message_is_four_statements_and_its_commit(tmp_path: Path, sqlite_url: str,
                                                             trips: list[str]) -> None:
    """The replay guard, the contact's lock and read, the step's one UPDATE, the commit: each once."""
    engine, db_engine = make_engine(sqlite_url, tmp_path / "media")
    resident = Resident(engine, "whatsapp:+6281200000001")
    await resident.send("halo")
    statements = await traced(db_engine)
    trips.clear()
    await resident.send("1")
    assert [statement.split()[0] for statement in statements] == ["BEGIN", "INSERT", "SELECT", "UPDATE", "COMMIT"]
    assert trips == []
    await db_engine.dispose()


async def test_a_write_lock_held_elsewhere_is_waited_for_while_the_loop_goes_on(tmp_path: Path,
                                                                                sqlite_url: str) -> None:
    """Another process holding the write lock (here a connection of its own) delays the message that needs it,
    not the event loop: the loop runs this test's own steps meanwhile, releases the lock, and the message is then
    answered, once."""
    engine, db_engine = make_engine(sqlite_url, tmp_path / "media")
    resident = Resident(engine, "whatsapp:+6281200000002")
    await resident.send("halo")
    other = sqlite3.connect(sqlite_url.split("///", 1)[1], timeout=0, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    waiting = asyncio.create_task(resident.send("1"))
    for _ in range(20):  # the loop goes round while the message waits for the lock
        await asyncio.sleep(0.01)
    assert not waiting.done()
    other.commit()
    other.close()
    replies = await waiting
    assert [reply.text for reply in replies] == [t("id", "report.ask_category")]
    await db_engine.dispose()


async def test_the_write_ahead_log_is_checkpointed_outside_the_loop(engine: AsyncEngine,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    async with engine.connect() as connection:
        assert (await connection.exec_driver_sql("PRAGMA wal_autocheckpoint")).scalar_one() == 0
        assert (await connection.exec_driver_sql("PRAGMA busy_timeout")).scalar_one() == 0
    checkpoints: list[tuple[str, bool]] = []
    checkpoint = database._checkpoint

    def recorded(path: str, mode: str) -> None:
        checkpoints.append((mode, threading.current_thread() is threading.main_thread()))
        checkpoint(path, mode)

    monkeypatch.setattr(database, "_checkpoint", recorded)
    statements = await traced(engine)
    for number in range(database.CHECKPOINT_EVERY):
        async with database.session_factory(engine)() as db, db.begin():
            await db.execute(text("UPDATE station SET name = :name WHERE id = 1"), {"name": f"name {number}"})
    for _ in range(100):  # the checkpoint's thread is not awaited by the commit that started it
        if checkpoints:
            break
        await asyncio.sleep(0.05)
    assert checkpoints == [("PASSIVE", False)]
    assert not any("checkpoint" in statement for statement in statements)


async def test_the_write_ahead_log_is_cut_back_once_checkpointed(sqlite_url: str,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A burst of writes grows the log; once a checkpoint has copied all of it, the next write cuts it back."""
    monkeypatch.setattr(database, "WAL_SIZE_LIMIT", 64 * 1024)
    engine = database.create_engine(sqlite_url)
    database_file = sqlite_url.removeprefix("sqlite+aiosqlite:///")
    log = Path(database_file + "-wal")

    async def write(name: str) -> None:
        async with database.session_factory(engine)() as db, db.begin():
            await db.execute(text("UPDATE station SET name = :name WHERE id = 1"), {"name": name})

    try:
        for number in range(8):
            await write(f"{number}" * 100_000)
        await write("Polsek Sananwetan")
        assert log.stat().st_size > 4 * 64 * 1024
        database._checkpoint(database_file, "PASSIVE")
        await write("Polsek Sanan Wetan")  # a page or two, written from the log's start
        assert log.stat().st_size <= 64 * 1024
    finally:
        await engine.dispose()
