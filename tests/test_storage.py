"""Storage on real SQLite and PostgreSQL: migrations, idempotency, concurrency, privacy at rest."""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import gc
import os
import random
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from cryptography.fernet import InvalidToken
from sqlalchemy import create_engine as create_sync_engine
from sqlalchemy import event, func, inspect, select, text

from bot.config import Settings
from bot.service import YOUNG_COLLECTION_EVERY, open_engine
from handlers.engine import Engine
from storage import db as database
from storage.contacts import hash_clear_inbound_ids
from storage.crypto import ContactCipher
from storage.models import Base, Contact, InboundMessage, Report
from storage.reports import REF_ALPHABET, find_ref, new_ref, split_ref, without_ref
from tests.helpers import TEST_SECRET, Resident, assert_no_address_in_clear, matches, walk_to_summary

PHONE = "6281234567890"


def test_migrations_create_exactly_the_models(database_url: str) -> None:
    engine = create_sync_engine(database.sync_url(database_url))
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert differences == []


def test_upgrade_twice_changes_nothing(database_url: str) -> None:
    database.upgrade(database_url)  # already at head: a restart must not fail or redo anything
    test_migrations_create_exactly_the_models(database_url)


def test_upgrade_drops_the_job_table_older_versions_left(database_url: str) -> None:
    """Versions whose scheduler kept its jobs in the database left APScheduler's table behind; nothing reads it."""
    command.downgrade(database.alembic_config(database_url), "0012")  # a database of those versions
    engine = create_sync_engine(database.sync_url(database_url))
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE apscheduler_jobs (id VARCHAR(191) PRIMARY KEY, next_run_time FLOAT)"))
    database.upgrade(database_url)
    with engine.connect() as connection:
        assert "apscheduler_jobs" not in inspect(connection).get_table_names()
    engine.dispose()
    test_migrations_create_exactly_the_models(database_url)


async def test_replayed_provider_message_id_is_handled_once(engine: Engine) -> None:
    resident = Resident(engine)
    await walk_to_summary(resident)
    first = await resident.send("kirim", message_id="wamid-42")
    assert resident.heard("report.submitted")
    replay = await resident.send("kirim", message_id="wamid-42")
    assert first and replay == []
    async with engine.sessions() as db:
        assert (await db.execute(select(func.count()).select_from(Report))).scalar_one() == 1
        kept = engine.cipher.lookup_hash("inbound:console:wamid-42")
        assert (await db.execute(select(func.count()).select_from(InboundMessage)
                                 .where(InboundMessage.provider_message_id == kept))).scalar_one() == 1
        # Kept in clear, the provider could be asked who sent the message that filed the report.
        assert (await db.execute(select(func.count()).select_from(InboundMessage)
                                 .where(InboundMessage.provider_message_id == "wamid-42"))).scalar_one() == 0


async def test_ids_recorded_in_clear_before_the_upgrade_are_hashed_and_still_guard(engine: Engine) -> None:
    """A database of a version that kept provider message ids in clear: at startup they are hashed, and a
    provider's retry of one of them after the upgrade is still a replay. One recorded both ways is kept once."""
    async with engine.sessions() as db, db.begin():
        db.add_all([InboundMessage(channel="console", provider_message_id="wamid-old-1"),
                     InboundMessage(channel="whatsapp", provider_message_id="SM" + "0" * 32),
                     InboundMessage(channel="console", provider_message_id="wamid-old-2"),
                     InboundMessage(channel="console",
                                    provider_message_id=engine.cipher.lookup_hash("inbound:console:wamid-old-2"))])
    async with engine.sessions() as db, db.begin():
        assert await hash_clear_inbound_ids(db, engine.cipher) == 3
    async with engine.sessions() as db, db.begin():
        assert await hash_clear_inbound_ids(db, engine.cipher) == 0  # each start after: nothing to do
        ids = set((await db.execute(select(InboundMessage.provider_message_id))).scalars())
    assert ids == {engine.cipher.lookup_hash(f"inbound:{kept}")
                   for kept in ("console:wamid-old-1", f"whatsapp:SM{'0' * 32}", "console:wamid-old-2")}
    resident = Resident(engine)
    assert await resident.send("halo", message_id="wamid-old-1") == []  # the provider's retry: handled before


async def test_the_service_hashes_ids_recorded_in_clear_as_it_starts(engine: Engine, database_url: str,
                                                                     tmp_path: Path) -> None:
    async with engine.sessions() as db, db.begin():
        db.add(InboundMessage(channel="whatsapp", provider_message_id="SM" + "1" * 32))
    settings = Settings(_env_file=None, data_dir=tmp_path, database_url=database_url,  # type: ignore[call-arg]
                        secret_key=TEST_SECRET)
    async with open_engine(settings) as started, started.sessions() as db:
        ids = list((await db.execute(select(InboundMessage.provider_message_id))).scalars())
    assert ids == [engine.cipher.lookup_hash(f"inbound:whatsapp:SM{'1' * 32}")]


@pytest.mark.usefixtures("engine")  # its database, migrated
async def test_the_service_collects_its_young_objects_less_often_while_it_runs(database_url: str,
                                                                              tmp_path: Path) -> None:
    before = gc.get_threshold()
    settings = Settings(_env_file=None, data_dir=tmp_path, database_url=database_url,  # type: ignore[call-arg]
                        secret_key=TEST_SECRET)
    async with open_engine(settings):
        assert gc.get_threshold() == (YOUNG_COLLECTION_EVERY, *before[1:])
    assert gc.get_threshold() == before, "what goes on in the process after it collects as it did"


async def test_a_message_reads_its_contact_in_one_statement_and_writes_what_changed(engine: Engine) -> None:
    """The replay guard, one read of contact, session and officer (after the contact's lock, on PostgreSQL), the
    session's UPDATE; the contact's row is written only when the conversation changed it (here its language),
    through the ORM object it was read as."""
    statements: list[str] = []
    read = ["SELECT contact"] * (2 if engine.sessions.kw["bind"].dialect.name == "postgresql" else 1)

    def seen(_connection: object, _cursor: object, statement: str, *_args: object) -> None:
        words = statement.split()  # "SELECT … FROM contact …", "INSERT INTO inbound_message …", "UPDATE contact …"
        table = words[words.index("FROM") + 1] if words[0] == "SELECT" else words[2 if words[0] == "INSERT" else 1]
        statements.append(f"{words[0]} {table}")

    resident = Resident(engine, "whatsapp:+6281200000077")
    await resident.send("halo")
    bind = engine.sessions.kw["bind"].sync_engine
    event.listen(bind, "before_cursor_execute", seen)
    try:
        await resident.send("english")
        assert statements[:1 + len(read)] == ["INSERT inbound_message", *read]
        assert statements.count("UPDATE contact") == 1, statements
        statements.clear()
        await resident.send("1")
        assert statements == ["INSERT inbound_message", *read, "UPDATE conversation_session"]
    finally:
        event.remove(bind, "before_cursor_execute", seen)
    async with engine.sessions() as db:
        contact = (await db.execute(select(Contact))).scalar_one()
    assert contact.language == "en"


async def test_the_same_id_on_another_channel_is_another_message(engine: Engine) -> None:
    await Resident(engine, "telegram:1001").send("halo", message_id="7")
    replies = await Resident(engine, "whatsapp:+628111").send("halo", message_id="7")
    assert replies


async def test_fifty_residents_confirming_at_once_give_fifty_reports(engine: Engine) -> None:
    residents = [Resident(engine, f"whatsapp:+62812000{n:05d}") for n in range(50)]
    for resident in residents:
        await walk_to_summary(resident)
    await asyncio.gather(*(resident.send("kirim") for resident in residents))
    assert all(resident.heard("report.submitted") for resident in residents)
    async with engine.sessions() as db:
        refs = list((await db.execute(select(Report.ref))).scalars())
    assert len(refs) == 50 and len(set(refs)) == 50
    for resident in residents:
        assert find_ref(resident.text) in refs


async def test_one_residents_kirim_sent_five_times_at_once_files_one_report(engine: Engine) -> None:
    """A resident who taps Kirim again before the answer comes: the messages wait for one another on the contact's
    lock, and each reads the session as the one before left it (on PostgreSQL, a lock waited for re-reads only the
    locked row, not the session joined to it)."""
    resident = Resident(engine, f"whatsapp:+{PHONE}")
    await walk_to_summary(resident)
    answers = await asyncio.gather(*(resident.send("kirim") for _ in range(5)))
    async with engine.sessions() as db:
        assert (await db.execute(select(func.count()).select_from(Report))).scalar_one() == 1
    heard = [[key for key in ("report.submitted", "menu.already_sent")
              if any(matches(reply.text, key, "id") for reply in replies)] for replies in answers]
    assert sorted(heard) == [["menu.already_sent"]] * 4 + [["report.submitted"]]


async def test_two_messages_of_one_new_resident_at_once_make_one_contact(engine: Engine) -> None:
    resident = Resident(engine, f"whatsapp:+{PHONE}")
    await asyncio.gather(*(resident.send(f"halo {n}") for n in range(5)))
    async with engine.sessions() as db:
        assert (await db.execute(select(func.count()).select_from(Contact))).scalar_one() == 1


async def test_contact_address_is_not_readable_in_the_raw_database(engine: Engine, database_url: str) -> None:
    resident = Resident(engine, f"whatsapp:+{PHONE}")
    await walk_to_summary(resident, identity="1")
    await resident.send("kirim")
    assert await assert_no_address_in_clear(engine, database_url, [f"whatsapp:+{PHONE}"]) > 0
    async with engine.sessions() as db:
        contact = (await db.execute(select(Contact))).scalar_one()
    assert ContactCipher(TEST_SECRET).decrypt(contact.urn_encrypted) == f"whatsapp:+{PHONE}"


async def test_the_scan_for_addresses_in_clear_finds_one(engine: Engine, database_url: str, tmp_path: Path) -> None:
    log = tmp_path / "service.log"
    log.write_text(f"INFO sent to {PHONE}\n")
    with pytest.raises(AssertionError, match=r"service\.log"):
        await assert_no_address_in_clear(engine, database_url, [f"whatsapp:+{PHONE}"], logs=[log])
    resident = Resident(engine, "whatsapp:+6281100000001")
    await walk_to_summary(resident, identity="1",  # by name: the story is kept as written, number and all
                          description=f"Pencurian motor, hubungi saya di {PHONE} kalau perlu saksi")
    await assert_no_address_in_clear(engine, database_url, [f"whatsapp:+{PHONE}"])  # the draft is sealed
    await resident.send("kirim")
    with pytest.raises(AssertionError, match="report"):  # the report holds what the resident wrote
        await assert_no_address_in_clear(engine, database_url, [f"whatsapp:+{PHONE}"])


def test_a_different_secret_cannot_read_or_find_a_contact() -> None:
    ours, theirs = ContactCipher("one secret"), ContactCipher("another secret")
    token = ours.encrypt("telegram:123456789")
    assert ours.decrypt(token) == "telegram:123456789"
    with pytest.raises(InvalidToken):
        theirs.decrypt(token)
    assert ours.lookup_hash("telegram:123456789") != theirs.lookup_hash("telegram:123456789")
    assert ours.lookup_hash("telegram:123456789") == ours.lookup_hash("telegram:123456789")


def test_refs_are_readable_and_avoid_look_alike_characters() -> None:
    refs = {new_ref() for _ in range(2000)}
    assert len(refs) == 2000
    for ref in refs:
        assert re.fullmatch(rf"LP-[{REF_ALPHABET}]{{4}}-[{REF_ALPHABET}]{{4}}", ref)
    assert not set("01IO") & set(REF_ALPHABET)


@pytest.mark.parametrize("typed", ["LP-7KX4-9QM2", "lp-7kx4-9qm2", "lp 7kx4 9qm2", "LP7KX49QM2", "status_LP-7KX4-9QM2",
                                   "cek STATUS lp-7KX4-9QM2 ya"])
def test_a_ref_is_found_however_it_is_typed(typed: str) -> None:
    assert find_ref(typed) == "LP-7KX4-9QM2"


@pytest.mark.parametrize("typed", ["LP-0KX4-9QM2", "LP-7KX4", "XLP-7KX4-9QM2", "hello"])
def test_not_a_ref(typed: str) -> None:
    assert find_ref(typed) is None


@pytest.mark.parametrize("typed", ["lp sekarang", "sy mau bikin lp sekarang pak", "LP BARU SAJA", "lp saya mana ya",
                                   "bikin lp tadi pagi", "lp yang baru", "lp_buat_anak"])
def test_words_after_lp_are_no_ref(typed: str) -> None:
    assert find_ref(typed) is None and find_ref(typed, prefix_optional=True) is None
    assert split_ref(typed.removeprefix("bikin ")) == (None, typed.removeprefix("bikin ").strip())
    assert without_ref(typed) == typed.lower(), "the words stay for the readers of intent"


@pytest.mark.parametrize("typed", ["sekarang", "baru saja", "saya mana"])
def test_words_alone_are_no_ref_where_the_prefix_is_optional(typed: str) -> None:
    assert find_ref(typed, prefix_optional=True) is None and split_ref(typed)[0] is None


def test_every_ref_lapor_issues_is_read_however_it_is_typed() -> None:
    rng = random.Random(7)
    refs = [new_ref(rng) for _ in range(5000)]
    for ref in refs:
        assert find_ref(ref) == find_ref(ref.lower()) == find_ref(f"cek {ref} pak") == ref
        body = ref.removeprefix("LP-")
        for typed in (f"lp {body.replace('-', ' ').lower()}", f"LP{body.replace('-', '')}", body.lower()):
            assert find_ref(typed, prefix_optional=True) == ref, typed
    assert sum(ref.removeprefix("LP-").replace("-", "").isalpha() for ref in refs) > 300, "letters-only refs too"


def test_a_body_of_words_is_drawn_again() -> None:
    """Eight letters that are words would not be read typed without the dash: new_ref draws again."""
    class Drawn(random.Random):
        bodies = iter(["SEKARANG", "7KX49QM2"])

        def choices(self, population: Any, *args: Any, **kwargs: Any) -> list[Any]:
            return list(next(self.bodies))

    assert new_ref(Drawn()) == "LP-7KX4-9QM2"


async def test_timestamps_come_back_in_utc(engine: Engine) -> None:
    resident = Resident(engine)
    await walk_to_summary(resident)
    await resident.send("kirim")
    async with engine.sessions() as db:
        report = (await db.execute(select(Report))).scalar_one()
    assert report.created_at.utcoffset() is not None and report.created_at.utcoffset().total_seconds() == 0


@contextlib.contextmanager
def _migrations_held(url: str) -> Iterator[None]:
    """The migration lock held as another process migrating would hold it."""
    if database.is_sqlite(url):
        descriptor = os.open(f"{url.split('///', 1)[1]}.migrating", os.O_RDWR | os.O_CREAT)
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        try:
            yield
        finally:
            os.close(descriptor)
        return
    engine = create_sync_engine(database.sync_url(url))
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": database.MIGRATION_LOCK_KEY})
            try:
                yield
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": database.MIGRATION_LOCK_KEY})
    finally:
        engine.dispose()


def test_a_start_waits_for_migrations_held_elsewhere_only_so_long(database_url: str) -> None:
    with _migrations_held(database_url), pytest.raises(database.MigrationBusy, match="more than 1 s"):
        database.upgrade(database_url, wait_s=1)
    database.upgrade(database_url, wait_s=1)  # let go: this start migrates


@pytest.mark.slow  # four processes of their own
def test_processes_started_together_on_a_new_database_migrate_it_once(tmp_path: Path) -> None:
    env = {**os.environ, "DATA_DIR": str(tmp_path), "DATABASE_URL": "", "SECRET_KEY": TEST_SECRET}
    started = [subprocess.Popen([sys.executable, "-m", "bot", "db", "upgrade"], env=env, cwd=tmp_path,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(4)]
    ended = [process.communicate(timeout=120) for process in started]
    assert [process.returncode for process in started] == [0] * 4, [stderr for _, stderr in ended]
    engine = create_sync_engine(f"sqlite:///{tmp_path / 'lapor.db'}")
    try:
        with engine.connect() as connection:
            assert not compare_metadata(MigrationContext.configure(connection), Base.metadata), "head, whole"
    finally:
        engine.dispose()


async def test_a_burst_on_postgresql_waits_for_the_connections_kept(database_url: str) -> None:
    """More transactions at once than the pool holds wait for one of its connections: none is opened for a burst
    and closed after it, a new server process each time."""
    if database.is_sqlite(database_url):
        pytest.skip("SQLite's engine has one connection")
    engine = database.create_engine(database_url)
    opened: list[object] = []
    event.listen(engine.sync_engine, "connect", lambda connection, _record: opened.append(connection))

    async def transaction() -> None:
        async with engine.connect() as connection:
            await connection.execute(text("SELECT pg_sleep(0.01)"))

    try:
        await asyncio.gather(*(transaction() for _ in range(3 * database.POSTGRES_CONNECTIONS)))
        after_the_first = len(opened)
        await asyncio.gather(*(transaction() for _ in range(3 * database.POSTGRES_CONNECTIONS)))
        assert 0 < after_the_first <= database.POSTGRES_CONNECTIONS
        assert len(opened) == after_the_first
    finally:
        await engine.dispose()
