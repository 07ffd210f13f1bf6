"""Officers' enrollment: one-time invite codes, DAFTAR in the chat, listing and revoking."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
import subprocess
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine as create_sync_engine
from sqlalchemy import func, insert, select, text, update
from sqlalchemy.exc import IntegrityError
from telegram.constants import MessageLimit

from bot.channels.base import Choice, Outbound, split_text
from bot.channels.whatsapp import MAX_BODY_CHARS, render
from handlers.engine import Engine
from storage import db as database
from storage.crypto import ContactCipher
from storage.models import (
    Contact,
    EnrollmentFailure,
    Invite,
    Officer,
    OfficerRole,
    Outbox,
    ReportEvent,
    Station,
    WebSession,
    utcnow,
)
from storage.officers import (
    ENROLL_FAILURES,
    ENROLL_FAILURES_PER_CHAT,
    ENROLL_WINDOW,
    create_invite,
    invite_code_in,
    revoke,
)
from storage.reports import REF_ALPHABET, find_ref
from tests.helpers import (
    DESCRIPTION,
    TEST_SECRET,
    Resident,
    a_report,
    alerts,
    enrolled,
    invite,
    make_engine,
    officers,
    payload,
    signed_in,
    walk_to_summary,
    web_app,
)
from tests.helpers import lapor as run_lapor


@pytest.mark.parametrize(("station", "called"), [("POLSEK-SANANWETAN", "Kapolsek"), ("POLRES-BLITAR-KOTA", "Kapolres")])
async def test_a_head_is_enrolled_as_the_head_of_their_kind_of_station(engine: Engine, station: str,
                                                                        called: str) -> None:
    head = await enrolled(engine, "telegram:700190", station=station, role=OfficerRole.HEAD)
    assert f"sekarang {called} untuk" in head.text, head.text


async def test_an_invite_code_enrolls_a_chat_once(engine: Engine) -> None:
    code = await invite(engine)
    petugas = Resident(engine, "telegram:700100")
    await petugas.send(f"/daftar {code.lower()}")
    assert petugas.heard("officer.enrolled") and "Polsek Sekar (Polres Bojonegoro)" in petugas.text
    assert not petugas.heard("menu.greeting"), "an officer's first message: no resident's privacy notice"
    [officer] = await officers(engine)
    assert (officer.role, officer.name, officer.active) == (OfficerRole.DUTY, "Bripka Santoso", True)
    other = Resident(engine, "whatsapp:+6281200001111")
    await other.send(f"DAFTAR {code}")
    assert other.heard("officer.code_used")
    assert len(await officers(engine)) == 1


async def test_an_enrolled_chat_takes_no_second_role_until_the_first_is_revoked(engine: Engine) -> None:
    """Moved in place, the officer's earlier actions would read as another's, at another station."""
    petugas = Resident(engine, "telegram:700150")
    await petugas.send(f"DAFTAR {await invite(engine)}")
    assert petugas.heard("officer.enrolled")
    elsewhere = await invite(engine, station="POLSEK-SANANWETAN", role=OfficerRole.HEAD)
    await petugas.send(f"DAFTAR {elsewhere}")
    assert petugas.heard("officer.code_enrolled"), petugas.text
    [officer] = await officers(engine)
    assert (officer.role, officer.active) == (OfficerRole.DUTY, True)
    async with engine.sessions() as db, db.begin():
        assert await revoke(db, officer.id, utcnow())
    await petugas.send(f"DAFTAR {elsewhere}")
    assert petugas.heard("officer.enrolled") and "Polsek Sananwetan" in petugas.text, "the code was kept unused"


async def test_unknown_expired_and_malformed_codes_are_refused(engine: Engine) -> None:
    expired = await invite(engine, at=utcnow() - dt.timedelta(hours=25))
    petugas = Resident(engine, "telegram:700200")
    await petugas.send(f"DAFTAR {expired}")
    assert petugas.heard("officer.code_expired")
    await petugas.send("DAFTAR 2345-6789")
    assert petugas.heard("officer.code_unknown")
    await petugas.send("daftar")
    assert petugas.heard("officer.code_format")
    assert await officers(engine) == []


async def test_only_a_keyed_hash_of_the_code_is_stored(engine: Engine) -> None:
    code = await invite(engine)
    async with engine.sessions() as db:
        stored = (await db.execute(select(Invite.code_hash))).scalar_one()
    assert code not in stored and code.replace("-", "") not in stored
    # A plain hash of a 40-bit code is found from a copy of the database by trying every code; this one
    # needs SECRET_KEY as well.
    assert stored not in {hashlib.sha256(form.encode()).hexdigest() for form in (code, code.replace("-", ""))}
    assert ContactCipher("another-secret-key-of-32-characters!").invite_hash(code) != stored


async def test_a_chat_that_keeps_guessing_is_refused_and_no_one_else(engine: Engine) -> None:
    real = await invite(engine)
    guesser = Resident(engine, "telegram:700401")
    for n in range(ENROLL_FAILURES_PER_CHAT):
        await guesser.send(f"DAFTAR 2345-{n + 2:02d}XX".replace("0", "Z").replace("1", "Y"))
        assert guesser.heard("officer.code_unknown"), guesser.text
    await guesser.send(f"DAFTAR {real}")
    assert guesser.heard("officer.code_closed"), "a right guess after too many wrong ones is refused too"
    await guesser.send("HAPUS")
    await guesser.send("YA")
    assert guesser.heard("privacy.deleted"), guesser.text
    await guesser.send(f"DAFTAR {real}")
    assert guesser.heard("officer.code_closed"), "erasing the chat's data does not start its count afresh"
    petugas = Resident(engine, "telegram:700402")
    await petugas.send(f"DAFTAR {real}")
    assert petugas.heard("officer.enrolled"), "one chat's guessing closes DAFTAR to no one else"


async def test_guessed_codes_from_many_chats_close_enrollment_to_the_guessers_not_to_an_officer(
        engine: Engine, database_url: str, tmp_path: Path) -> None:
    real = await invite(engine)
    guessers = [Resident(engine, f"whatsapp:+62813000{n:05d}") for n in range(ENROLL_FAILURES)]
    for n, guesser in enumerate(guessers):  # one guess each: no chat is over its own flood limit
        await guesser.send(f"DAFTAR 2345-{REF_ALPHABET[n // 20]}{REF_ALPHABET[n % 20]}XX")
        assert guesser.heard("officer.code_unknown")
    await guessers[0].send(f"DAFTAR {real}")
    assert guessers[0].heard("officer.code_closed") and "15" in guessers[0].text, "a guesser waits, the real code too"
    # Another process on the same database (another `lapor serve` worker) counts the same guesses.
    other_process, database = make_engine(database_url, tmp_path / "media2")
    try:
        latecomer = Resident(other_process, "telegram:700401")
        await latecomer.send("DAFTAR 2345-6789")
        assert latecomer.heard("officer.code_unknown"), "a chat's first code is read, and wrong"
        await latecomer.send("DAFTAR 2345-6788")
        assert latecomer.heard("officer.code_closed"), "its second waits with the rest"
        petugas = Resident(other_process, "telegram:700400")
        await petugas.send(f"DAFTAR {real}")
        assert petugas.heard("officer.enrolled"), "a flood of wrong codes shuts no officer out"
    finally:
        await database.dispose()  # type: ignore[attr-defined]
    async with engine.sessions() as db, db.begin():  # the window passes
        await db.execute(update(EnrollmentFailure).values(at=utcnow() - ENROLL_WINDOW - dt.timedelta(seconds=1)))
    await guessers[1].send("DAFTAR 2345-6789")
    assert guessers[1].heard("officer.code_unknown"), "open again: a wrong code is only wrong"
    async with engine.sessions() as db:
        assert (await db.execute(select(func.count()).select_from(EnrollmentFailure))).scalar_one() == 1, \
            "failures past the window are deleted as new ones come"


def test_codes_pending_before_keyed_hashes_are_expired_by_the_migration(database_url: str) -> None:
    command.downgrade(database.alembic_config(database_url), "0006")
    engine = create_sync_engine(database.sync_url(database_url))
    created = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
    try:
        with engine.begin() as connection:
            station_id = connection.execute(text("SELECT id FROM station WHERE code = 'POLSEK-SEKAR'")).scalar_one()
            connection.execute(insert(Invite), [
                {"code_hash": hashlib.sha256(b"2345-6789").hexdigest(), "station_id": station_id, "role": "duty",
                 "expires_at": created + dt.timedelta(days=400), "used_at": None, "created_at": created},
                {"code_hash": hashlib.sha256(b"2345-678A").hexdigest(), "station_id": station_id, "role": "duty",
                 "expires_at": created + dt.timedelta(days=1), "used_at": created, "created_at": created}])
        database.upgrade(database_url)
        with engine.connect() as connection:
            rows = connection.execute(select(Invite.expires_at, Invite.used_at).order_by(Invite.id)).all()
    finally:
        engine.dispose()
    assert rows == [(created, None), (created + dt.timedelta(days=1), created)], "pending expired, used kept"


async def test_a_revoked_officer_can_enroll_again_only_with_a_new_code(engine: Engine) -> None:
    code = await invite(engine)
    petugas = Resident(engine, "telegram:700300")
    await petugas.send(f"/daftar {code}")
    [officer] = await officers(engine)
    async with engine.sessions() as db, db.begin():
        assert await revoke(db, officer.id, utcnow())
        assert not await revoke(db, officer.id, utcnow()), "revoking twice says so"
    await petugas.send(f"/daftar {code}")
    assert petugas.heard("officer.code_used")
    assert not (await officers(engine))[0].active
    await petugas.send(f"/daftar {await invite(engine, role=OfficerRole.HEAD)}")
    revoked, again = await officers(engine)
    assert again.active and again.role == OfficerRole.HEAD and not revoked.active, "a new officer, the old kept"


async def test_a_description_that_starts_with_daftar_stays_a_description(engine: Engine) -> None:
    resident = Resident(engine)
    await walk_to_summary(resident, description="Daftar barang yang hilang: dompet, HP, dan kunci motor")
    assert "Daftar barang yang hilang" in resident.text
    assert await officers(engine) == []


@pytest.mark.parametrize(("typed", "code"), [("7kx4 9qm2", "7KX4-9QM2"), ("7KX4-9QM2", "7KX4-9QM2"),
                                             ("7KX49QM2", "7KX4-9QM2"), ("7KX4-9QM", None), ("OOOO-IIII", None)])
def test_codes_are_read_however_they_are_typed(typed: str, code: str | None) -> None:
    assert invite_code_in(typed) == code


def test_the_officers_commands(tmp_path: Path, database_url: str) -> None:
    def lapor(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return run_lapor(*args, data_dir=tmp_path, database_url=database_url, stdin=stdin)

    invited = lapor("officers", "invite", "--station", "polsek-sananwetan", "--role", "duty", "--name", "Aiptu Rina")
    assert invited.returncode == 0, invited.stderr
    code = invited.stdout.split()[0]
    assert re.fullmatch(r"[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}", code)
    chat = lapor("chat", "--urn", "console:petugas", stdin=f"DAFTAR {code}\n")
    assert "petugas piket untuk Polsek Sananwetan (Polres Blitar Kota)" in chat.stdout
    [listed] = json.loads(lapor("officers", "list", "--json").stdout)
    assert (listed["station"], listed["role"], listed["name"], listed["active"]) == (
        "POLSEK-SANANWETAN", "duty", "Aiptu Rina", True)
    assert lapor("officers", "revoke", str(listed["id"])).returncode == 0
    assert json.loads(lapor("officers", "list", "--json").stdout)[0]["active"] is False
    assert lapor("officers", "revoke", "999").returncode == 1
    unknown = lapor("officers", "invite", "--station", "NOWHERE", "--role", "head")
    assert unknown.returncode == 1 and "no station NOWHERE" in unknown.stderr


# --- alerts ---------------------------------------------------------------------------------------

RESIDENT = "whatsapp:+6281234567890"


async def test_a_sent_report_alerts_every_duty_officer_of_its_station_and_no_one_else(engine: Engine) -> None:
    duty = [await enrolled(engine, "telegram:800001"), await enrolled(engine, "whatsapp:+6281300000002")]
    await enrolled(engine, "telegram:800003", role=OfficerRole.HEAD)
    await enrolled(engine, "telegram:800004", station="POLSEK-SEKAR")
    resident = Resident(engine, RESIDENT)
    await walk_to_summary(resident)  # Kel. Gedog: Polsek Sananwetan; confidential
    await resident.send("kirim")
    ref = find_ref(resident.text)
    sent = await alerts(engine)
    assert len(sent) == 2
    async with engine.sessions() as db:
        to = {(await db.get(Contact, row.contact_id)).urn_hash for row in sent}
    assert to == {ContactCipher(TEST_SECRET).lookup_hash(officer.urn) for officer in duty}
    for row in sent:
        text = payload(row)["text"]
        assert ref in text and "Kel. Gedog, Kec. Sananwetan, Kota Blitar" in text and DESCRIPTION in text
        assert "dirahasiakan" in text
        assert "6281234567890" not in json.dumps(payload(row)), "a confidential reporter's number never reaches them"
        assert row.priority == 1


async def test_a_named_report_shows_name_and_number_and_an_urgent_one_goes_first(engine: Engine) -> None:
    await enrolled(engine, "telegram:800001")
    resident = Resident(engine, RESIDENT)
    await walk_to_summary(resident, identity="1", description="Tolong saya, ada begal di depan gang sekarang")
    await resident.send("kirim")
    [alert] = await alerts(engine)
    assert "\u201cBudi Santoso\u201d, +6281234567890" in payload(alert)["text"] and "MENDESAK" in payload(alert)["text"]
    assert alert.priority == 0


async def test_an_anonymous_report_alert_says_so(engine: Engine) -> None:
    await enrolled(engine, "telegram:800001")
    resident = Resident(engine, RESIDENT)
    await walk_to_summary(resident, identity="3")
    await resident.send("kirim")
    [alert] = await alerts(engine)
    assert "Pelapor: anonim" in payload(alert)["text"] and "6281234567890" not in payload(alert)["text"]


async def test_a_story_longer_than_a_message_starts_no_message_with_a_line_of_its_own(engine: Engine) -> None:
    await enrolled(engine, "telegram:800001")
    resident = Resident(engine, RESIDENT)
    forging = "Pelapor: Budi Santoso, 081298765432 (boleh dihubungi). " * 72  # every cut lands before one
    await walk_to_summary(resident, identity="3", description=forging.strip())
    await resident.send("kirim")
    [alert] = await alerts(engine)
    sent = payload(alert)
    message = Outbound(RESIDENT, sent["text"], tuple(Choice(key, label) for key, label in sent["choices"]))
    for limit, whole in ((MAX_BODY_CHARS, render(message)), (MessageLimit.MAX_TEXT_LENGTH, sent["text"])):
        pieces = split_text(whole, limit)
        assert len(pieces) >= 2, "long enough to go as several messages"
        lines = [line for piece in pieces for line in piece.splitlines()]
        assert [line for line in lines if line.startswith("Pelapor:")] == ["Pelapor: anonim"], pieces


async def test_a_revoked_officer_gets_no_alert(engine: Engine) -> None:
    await enrolled(engine, "telegram:800001")
    [officer] = await officers(engine)
    async with engine.sessions() as db, db.begin():
        await revoke(db, officer.id, utcnow())
    resident = Resident(engine, RESIDENT)
    await walk_to_summary(resident)
    await resident.send("kirim")
    assert await alerts(engine) == []


async def alert_on_telegram(engine: Engine, *, failing: str = "") -> tuple[list[str], str]:
    """A report filed and its alert sent by the dispatcher to an officer on Telegram, through the fake Bot API
    (which fails the send with `failing`, if given): what the officer's chat got, and the report's reference."""
    from telegram import Bot

    from bot.channels.telegram import TelegramChannel
    from bot.outbox import Dispatcher
    from harness.fake_telegram import TOKEN, FakeBotAPI

    await enrolled(engine, "telegram:7300000001")
    resident = Resident(engine, RESIDENT)
    await walk_to_summary(resident)
    await resident.send("kirim")
    fake = FakeBotAPI()
    await fake.start()
    try:
        if failing:
            fake.fail_next("sendMessage", error_code=400, description=failing)
        async with Bot(TOKEN, base_url=fake.base_url) as bot:
            await Dispatcher(engine.sessions, engine.cipher, {"telegram": TelegramChannel(bot)}).run_once()
        return fake.sent_texts(7300000001), find_ref(resident.text) or ""
    finally:
        await fake.stop()


async def test_the_alert_reaches_the_officer_on_telegram(engine: Engine) -> None:
    [text], ref = await alert_on_telegram(engine)
    assert ref in text and text.startswith("Laporan baru")


async def test_what_the_provider_says_of_a_failed_alert_is_kept_without_addresses(engine: Engine) -> None:
    """A provider's error text may quote the chat or a number: the outbox keeps it, as the logs do, redacted."""
    await alert_on_telegram(engine, failing="Bad Request: chat 7300000001 of +62 812-9999-0000 gone")
    async with engine.sessions() as db:
        [error] = (await db.execute(select(Outbox.last_error).where(Outbox.kind == "officer_alert"))).scalars()
    assert error and "gone" in error and "7300000001" not in error and "9999" not in error, error


@pytest.mark.parametrize("stop", ["stop", "berhenti"])
async def test_an_officers_stop_is_told_alerts_stay_on_and_alerts_still_go(engine: Engine, stop: str) -> None:
    """A duty officer's STOP would silence every alert of the station without anyone knowing."""
    officer = await enrolled(engine, "console:petugas")
    await officer.send(stop)
    assert officer.heard("officer.alerts_stay_on") and not officer.heard("common.opted_out"), officer.text
    async with engine.sessions() as db:
        assert not any((await db.execute(select(Contact.opted_out))).scalars())
    resident = Resident(engine, RESIDENT)
    await walk_to_summary(resident)
    await resident.send("kirim")
    [alert] = await alerts(engine)
    assert alert.state == "pending", "queued to the officer, not refused as opted out"


async def test_a_station_with_only_its_head_enrolled_alerts_the_head(engine: Engine) -> None:
    """Routing counts the head as the station's reader: the alert goes to them, not only the escalation later."""
    head = await enrolled(engine, "console:kapolsek", role=OfficerRole.HEAD)
    resident = Resident(engine, RESIDENT)
    await walk_to_summary(resident)
    await resident.send("kirim")
    [alert] = await alerts(engine)
    async with engine.sessions() as db:
        [officer] = (await db.execute(select(Contact).where(Contact.id == alert.contact_id))).scalars()
    assert officer.urn_hash == ContactCipher(TEST_SECRET).lookup_hash(head.urn)


@pytest.mark.parametrize(("identity", "about"), [("2", False), ("3", True)])
async def test_an_alert_says_when_the_report_came_in(engine: Engine, identity: str, about: bool) -> None:
    """An alert sent late, or again, says how old the report is; an anonymous one's hour is said as no more."""
    await enrolled(engine, "console:petugas")
    resident = Resident(engine, RESIDENT)
    await walk_to_summary(resident, identity=identity)
    await resident.send("kirim")
    [alert] = await alerts(engine)
    text = payload(alert)["text"]
    assert re.search(r"\nMasuk: \d+ \w+ \d{4} (sekitar )?\d\d:\d\d WIB$", text), text
    assert ("sekitar" in text.rsplit("\n", 1)[1]) == about


async def test_a_chat_that_opted_out_as_a_resident_still_gets_its_alerts_once_enrolled(engine: Engine) -> None:
    """STOP sent as a resident, before enrolling, must not silence the station's alerts unseen."""
    chat = Resident(engine, "console:petugas")
    await chat.send("stop")
    assert chat.heard("common.opted_out"), chat.text
    await enrolled(engine, "console:petugas")
    resident = Resident(engine, RESIDENT)
    await walk_to_summary(resident)
    await resident.send("kirim")
    from bot.channels.console import ConsoleChannel
    from bot.outbox import Dispatcher
    printed = io.StringIO()
    await Dispatcher(engine.sessions, engine.cipher, {"console": ConsoleChannel("console:petugas", printed)},
                     only_urn="console:petugas").run_once()
    [alert] = await alerts(engine)
    assert alert.state == "sent" and "Laporan baru" in printed.getvalue(), (alert.last_error, printed.getvalue())


async def _invite_named(engine: Engine, name: str) -> str:
    async with engine.sessions() as db, db.begin():
        station = (await db.execute(select(Station).where(Station.code == "POLSEK-SANANWETAN"))).scalar_one()
        code, _expires = await create_invite(db, engine.cipher, station, OfficerRole.DUTY, name, utcnow())
    return code


async def test_a_chat_enrolled_again_after_a_revoke_is_a_new_officer(engine: Engine, tmp_path: Path) -> None:
    """The revoked officer's row keeps their name and their acts, and their web session stays ended."""
    chat = "whatsapp:+6281300000099"
    rina = Resident(engine, chat)
    await rina.send(f"DAFTAR {await _invite_named(engine, 'Aiptu Rina')}")
    assert rina.heard("officer.enrolled"), rina.text
    ref = await a_report(engine)
    await rina.send(f"TERIMA {ref}")
    await rina.send(f"CATAT {ref} Tim sudah ke TKP")
    app = web_app(engine, tmp_path)
    browser_of_rina = await signed_in(app, rina)
    [first] = await officers(engine)
    async with engine.sessions() as db, db.begin():
        assert await revoke(db, first.id, utcnow())
        assert (await db.execute(select(WebSession))).first() is None, "revoking ends the sessions at once"
    await rina.send(f"DAFTAR {await _invite_named(engine, 'Bripda Joko')}")
    assert rina.heard("officer.enrolled"), rina.text
    was, now = await officers(engine)
    assert (was.id, was.name, was.active) == (first.id, "Aiptu Rina", False) and was.revoked_at is not None
    assert (now.name, now.active, now.revoked_at) == ("Bripda Joko", True, None) and now.id != was.id
    async with engine.sessions() as db:
        actors = set((await db.execute(select(ReportEvent.actor).where(ReportEvent.actor.like("officer:%"))))
                     .scalars())
    assert actors == {f"officer:{was.id}"}, "Rina's acts stay Rina's"
    assert (await browser_of_rina.get("/laporan")).status_code == 401
    await rina.send(f"LIHAT {ref}")
    assert "Aiptu Rina" in rina.text and "Bripda Joko" not in rina.text, rina.text


def test_the_migration_keeps_revoked_officers_beside_the_chats_new_one(database_url: str) -> None:
    """Upgraded, a revoked officer's web session is gone and their chat may enroll anew, one active row a chat;
    downgraded, the chat stays with its newest officer."""
    command.downgrade(database.alembic_config(database_url), "0021")
    engine = create_sync_engine(database.sync_url(database_url))
    now = dt.datetime(2026, 12, 7, tzinfo=dt.UTC)
    try:
        with engine.begin() as connection:
            station_id = connection.execute(text("SELECT id FROM station WHERE code = 'POLSEK-SEKAR'")).scalar_one()
            contact_id = connection.execute(insert(Contact).values(
                urn_hash="a" * 64, urn_encrypted="sealed", channel="whatsapp").returning(Contact.id)).scalar_one()
            officer = {"contact_id": contact_id, "station_id": station_id, "role": "duty", "created_at": now}
            revoked_id = connection.execute(insert(Officer).values(
                **officer, name="Aiptu Rina", active=False, revoked_at=now).returning(Officer.id)).scalar_one()
            connection.execute(insert(WebSession).values(token_hash="b" * 64, officer_id=revoked_id,
                                                         station_id=station_id, role="duty",
                                                         expires_at=now + dt.timedelta(hours=12), created_at=now))
        database.upgrade(database_url)
        with engine.begin() as connection:
            assert connection.execute(select(func.count()).select_from(WebSession)).scalar_one() == 0
            active_id = connection.execute(insert(Officer).values(**officer, name="Bripda Joko", active=True)
                                           .returning(Officer.id)).scalar_one()
        with pytest.raises(IntegrityError), engine.begin() as connection:
            connection.execute(insert(Officer).values(**officer, name="Bripda Lain", active=True))
        command.downgrade(database.alembic_config(database_url), "0021")
        with engine.connect() as connection:
            chats = dict(connection.execute(select(Officer.id, Officer.contact_id)).all())
        database.upgrade(database_url)
    finally:
        engine.dispose()
    assert chats == {revoked_id: None, active_id: contact_id}
