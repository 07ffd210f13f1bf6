"""SQLite through aiosqlite: each statement one trip to aiosqlite's thread, the BEGIN riding on the first, no
ROLLBACK after a COMMIT; and the library internals that this rests on, checked by name."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import aiosqlite
import pytest
from sqlalchemy import text

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


def test_the_internals_the_one_trip_cursor_reads_are_there() -> None:
    missing = [f"{owner.__module__}.{owner.__qualname__}.{name}"
               for owner, names in database.ONE_TRIP_NEEDS.items() for name in names
               if not any(name in vars(klass) or name in getattr(klass, "__slots__", ()) for klass in owner.__mro__)]
    assert not missing, f"a library upgrade removed what storage/db.py's _OneTripCursor reads: {missing}"


async def test_a_transaction_is_its_statements_and_its_commit(tmp_path: Path, sqlite_template: Path,
                                                             trips: list[str]) -> None:
    path = tmp_path / "lapor.db"
    path.write_bytes(sqlite_template.read_bytes())
    engine = database.create_engine(f"sqlite+aiosqlite:///{path}")
    sessions = database.session_factory(engine)
    async with sessions() as db:
        await db.execute(text("SELECT 1"))  # connects: the pragmas' trips are not counted
    trips.clear()
    async with sessions() as db, db.begin():
        await db.execute(text("SELECT count(*) FROM contact"))
        await db.execute(text("SELECT count(*) FROM report"))
    assert trips == ["_run_statement", "_run_statement", "commit"]
    await engine.dispose()


async def test_the_first_statement_takes_the_write_lock(tmp_path: Path, sqlite_template: Path) -> None:
    path = tmp_path / "lapor.db"
    path.write_bytes(sqlite_template.read_bytes())
    engine = database.create_engine(f"sqlite+aiosqlite:///{path}")
    async with database.session_factory(engine)() as db, db.begin():
        await db.execute(text("SELECT 1"))  # a read, under BEGIN IMMEDIATE: no other writer gets in
        async with aiosqlite.connect(path, timeout=0.2) as other:
            with pytest.raises(aiosqlite.OperationalError, match="locked"):
                await other.execute("BEGIN IMMEDIATE")
    await engine.dispose()


async def test_a_transaction_left_open_is_rolled_back_on_return(tmp_path: Path, sqlite_template: Path,
                                                                trips: list[str]) -> None:
    path = tmp_path / "lapor.db"
    path.write_bytes(sqlite_template.read_bytes())
    engine = database.create_engine(f"sqlite+aiosqlite:///{path}")
    async with database.session_factory(engine)() as db:
        await db.execute(text("UPDATE station SET name = 'changed'"))
    assert trips[-1] == "rollback"
    async with database.session_factory(engine)() as db:
        assert (await db.execute(text("SELECT count(*) FROM station WHERE name = 'changed'"))).scalar_one() == 0
    await engine.dispose()


async def test_a_message_takes_four_trips(tmp_path: Path, sqlite_template: Path, trips: list[str]) -> None:
    """The replay guard, the contact's lock and read, the step's one UPDATE, the commit: each once."""
    path = tmp_path / "lapor.db"
    path.write_bytes(sqlite_template.read_bytes())
    engine, db_engine = make_engine(f"sqlite+aiosqlite:///{path}", tmp_path / "media")
    resident = Resident(engine, "whatsapp:+6281200000001")
    await resident.send("halo")
    trips.clear()
    await asyncio.gather(resident.send("1"))
    assert trips.count("commit") == 1 and "rollback" not in trips
    assert trips == ["_run_statement"] * 3 + ["commit"], trips
    await db_engine.dispose()
