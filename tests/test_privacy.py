"""Privacy against someone holding a copy of the database: an anonymous report, told in a voice note with a
photo, cannot be tied to its sender by time, by its files or by their hashes, and a reporter who erased their
data (HAPUS) leaves no name or number behind. On SQLite and PostgreSQL, through the engine and the real
dispatcher."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import logging
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from sqlalchemy import select

from bot.channels.console import ConsoleChannel
from bot.outbox import Dispatcher
from bot.photos import Photos
from handlers.engine import Engine
from handlers.state import load_session
from handlers.unexposed import unexposed
from storage.models import (
    Attachment,
    Base,
    ConversationSession,
    Identity,
    Outbox,
    Report,
    UTCDateTime,
    Witness,
    utcnow,
)
from storage.outbox import open_payload
from storage.reports import find_ref
from tests.helpers import (
    PLACE,
    READING_ON_SQLITE,
    REPORTER_NAME,
    TEST_SECRET,
    Resident,
    another_incident,
    assert_no_address_in_clear,
    enrolled,
    signed_in,
    until,
    voice_note,
    walk_to_summary,
    web_app,
)

OFFICERS = ("console:petugas-1", "whatsapp:+6281300000001")
NAMED_NUMBER = "+6281234500001"
NAMED_URN = f"whatsapp:{NAMED_NUMBER}"
NAMED_NAME = REPORTER_NAME


def photo_file(tmp_path: Path) -> Path:
    path = tmp_path / "kejadian.png"
    Image.new("RGB", (32, 24), (200, 30, 30)).save(path)
    return path


async def send_everything(engine: Engine) -> str:
    """Sends what the outbox holds to every chat, as the service's dispatcher does; returns what was printed."""
    printed = io.StringIO()
    console = ConsoleChannel("console:any", printed)

    class AnyChat:  # the terminal channel prints whatever chat a message is for
        async def send(self, message: Any) -> str | None:
            return await console.send(message)

    dispatcher = Dispatcher(engine.sessions, engine.cipher, {"console": AnyChat(), "whatsapp": AnyChat()})
    while await dispatcher.run_once():
        pass
    return printed.getvalue()


def is_whole_hour(moment: dt.datetime) -> bool:
    return moment.minute == moment.second == moment.microsecond == 0


async def every_row(engine: Engine) -> list[tuple[str, dict[str, Any]]]:
    async with engine.sessions() as db:
        return [(table.name, dict(row._mapping))
                for table in Base.metadata.sorted_tables for row in (await db.execute(table.select())).all()]


def names_report(table: str, row: dict[str, Any], report: Report, cipher: Any) -> bool:
    """Whether a reader who has the rows (and not the key) can tell the row is about `report`; a sealed
    outbox row counts by its report_id, and, so that no sealed copy hides a time either, by what it says."""
    if (table == "report" and row["id"] == report.id) or row.get("report_id") == report.id:
        return True
    if table == "outbox":
        return report.ref in json.dumps(open_payload(cipher, Outbox(payload=row["payload"])))
    return report.ref in repr(row)


async def test_an_anonymous_report_holds_no_time_that_ties_it_to_its_sender(
        engine: Engine, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    for ours in ("bot", "handlers", "storage"):
        caplog.set_level(logging.DEBUG, logger=ours)
    for urn in OFFICERS:
        await enrolled(engine, urn)
    # Other residents at the same time: a named and a confidential report, and one halfway through a draft.
    for n, identity in enumerate(("1", "2")):
        other = Resident(engine, f"whatsapp:+62812000000{n}")
        await walk_to_summary(other, identity=identity)
        await other.send("kirim")
    await walk_to_summary(Resident(engine, "telegram:5550001"))

    anonymous = Resident(engine, "console:anonim")
    for answer in ("halo", "1", "1"):
        await anonymous.send(answer)
    # The recorder wrote the resident's name into the voice note's tags; the copy on their phone has this hash.
    recording = tmp_path / "rekaman.ogg"
    recording.write_bytes(voice_note(20, title=f"Rekaman {NAMED_NAME}"))
    await anonymous.send(voice=recording)
    for answer in ("Ada pencurian kabel di gardu listrik dekat sekolah", PLACE, "ya", "2"):
        await anonymous.send(answer)
    await anonymous.send("", photo=photo_file(tmp_path))
    assert anonymous.heard("report.voice_identifies"), "told that a voice can identify them"
    await anonymous.send("3")  # anonymous
    await anonymous.send("kirim")
    assert anonymous.heard("report.submitted_anonymous"), anonymous.text
    ref = find_ref(anonymous.text)
    await anonymous.send("makasih")  # the resident goes on writing afterwards, like anyone

    printed = await send_everything(engine)
    assert ref in printed, "the officers got the anonymous report's alert"
    await engine.escalate(now=utcnow() + dt.timedelta(hours=3))  # nobody acknowledged: it goes again
    await send_everything(engine)
    officer = Resident(engine, OFFICERS[0])
    await officer.send("1")  # several messages of alerts came: which report is asked
    assert officer.heard("officer.which_alert") and any(ref in label for label in officer.options()), officer.text
    await officer.send(str(next(n for n, label in enumerate(officer.options(), 1) if ref in label)))
    assert officer.heard("officer.done.ack") and ref in officer.text, officer.text
    await officer.send(ref)  # opens it: the buttons shown, and so the officer's session, name it
    assert ref in officer.text and officer.options(), officer.text

    async with engine.sessions() as db:
        report = (await db.execute(select(Report).where(Report.ref == ref))).scalar_one()
    rows = await every_row(engine)
    naming = [(table, row) for table, row in rows if names_report(table, row, report, engine.cipher)]
    assert {table for table, _row in naming} >= {"report", "report_event", "attachment", "outbox"}
    kept = {row["content_type"] for table, row in naming if table == "attachment"}
    assert kept == {"image/png", "audio/ogg"}, "the photo and the voice note went with the report"
    for table, row in naming:
        for column, value in row.items():
            if isinstance(value, dt.datetime):
                assert is_whole_hour(value), f"{table}.{column} of a row naming the anonymous report is exact"

    # No column that holds exact times for everyone else holds the report's hour for one row.
    datetime_columns = {(table.name, column.name) for table in Base.metadata.sorted_tables
                        for column in table.columns if isinstance(column.type, UTCDateTime)}
    others = [(table, row) for table, row in rows if (table, row) not in naming]
    for table, column in datetime_columns:
        values = [row[column] for name, row in others if name == table and row[column] is not None]
        if any(not is_whole_hour(value) for value in values):
            assert not [value for value in values if is_whole_hour(value)], \
                f"{table}.{column} is exact for everyone but one row, which holds a whole hour"
    # The report's row id falls between two with exact times: a contact whose last message fell between those
    # would be its sender.
    last_messages = [row["last_inbound_at"] for table, row in rows if table == "contact" and row["last_inbound_at"]]
    assert last_messages and all(is_whole_hour(value) for value in last_messages), last_messages

    stored = [path for path in (tmp_path / "media").iterdir()]
    assert {path.suffix for path in stored} == {".png", ".ogg"}
    assert all(path.stat().st_mtime % 3600 == 0 for path in stored), "a stored file's time is exact"
    # The voice note is kept without the tags its recorder wrote, so not even its hash is that of the resident's copy.
    assert not [path for path in stored if NAMED_NAME.encode() in path.read_bytes()], "the recorder's tags stayed"
    assert hashlib.sha256(recording.read_bytes()).hexdigest() not in {path.stem for path in stored}
    assert not [record for record in caplog.records if ref in record.getMessage()], "a log line names the ref"


@READING_ON_SQLITE
async def test_an_anonymous_report_leaves_no_frame_of_its_transaction_in_sqlites_log(engine: Engine,
                                                                                    database_url: str) -> None:
    """The write-ahead log keeps each transaction's pages together: the one that filed an anonymous report also
    wrote its sender's session and last message, and a copy of the log tied the two (its frames scanned by
    commit). The log is emptied once such a report is filed, as after an erasure."""
    log = Path(database_url.split("///", 1)[1] + "-wal")
    named = Resident(engine, NAMED_URN)
    await walk_to_summary(named, identity="1")
    await named.send("kirim")
    assert log.exists() and log.stat().st_size > 0, "a named report's transaction stays in the log"
    anonymous = Resident(engine, "whatsapp:+6281200000066")
    await walk_to_summary(anonymous, identity="3")
    await anonymous.send("kirim")
    assert anonymous.heard("report.submitted_anonymous"), anonymous.text
    # at once, unless a reader (on a loaded machine, a checkpoint of the service's own) held it: then soon after
    await until(lambda: not log.exists() or log.stat().st_size == 0, seconds=30,
                what="the anonymous report's transaction gone from the log")


@READING_ON_SQLITE
async def test_an_anonymous_report_leaves_no_page_of_its_transaction_in_the_logs_index(engine: Engine,
                                                                                       database_url: str) -> None:
    """The -shm file indexes the log: the page each frame holds. Emptying the log left those page numbers, and a
    copy of the folder showed which pages (a page of sessions among them) the anonymous report's transaction
    wrote. The log is first grown past the index's first part, where later writes do not zero them."""
    path = database_url.split("///", 1)[1]
    writer = sqlite3.connect(path)
    try:
        writer.execute("PRAGMA wal_autocheckpoint=0")
        writer.execute("CREATE TABLE scratch (filler BLOB)")
        writer.execute("INSERT INTO scratch VALUES (zeroblob(17000000))")  # some 4,150 frames in one transaction
        writer.commit()
    finally:
        writer.close()
    anonymous = Resident(engine, "whatsapp:+6281200000068")
    await walk_to_summary(anonymous, identity="3")
    index = Path(path + "-shm").read_bytes()
    assert any(index[136:]), "the log's frames are indexed while it holds them"
    await anonymous.send("kirim")
    assert anonymous.heard("report.submitted_anonymous"), anonymous.text
    await until(lambda: not any(Path(path + "-shm").read_bytes()[136:]), seconds=30,
                what="no page listed in the index once the log is emptied")


@READING_ON_SQLITE
async def test_a_reader_holding_the_log_delays_no_anonymous_reports_answer(
        engine: Engine, database_url: str, caplog: pytest.LogCaptureFixture) -> None:
    """Emptying the log waits for readers: another process reading (a CLI command, a backup) kept the answer to an
    anonymous Kirim, its only ref, for half a minute, past Twilio's wait. The log is left for later instead."""
    path = database_url.split("///", 1)[1]
    resident = Resident(engine, "whatsapp:+6281200000067")
    await walk_to_summary(resident, identity="3")
    reader = sqlite3.connect(path)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM contact").fetchall()
        await resident.send("kirim")
    finally:
        reader.close()
    assert resident.heard("report.submitted_anonymous"), resident.text
    assert any("could not be emptied yet" in record.getMessage() for record in caplog.records)
    log = Path(path + "-wal")
    await until(lambda: not log.exists() or log.stat().st_size == 0, seconds=30,
                what="the log emptied once the reader has gone")


async def test_a_report_being_written_stands_in_no_row_nor_file_of_a_copy(engine: Engine, database_url: str) -> None:
    """A copy of the database (its write-ahead log too) taken while a resident writes an anonymous report: the
    story is sealed in their session, never in clear beside their contact."""
    resident = Resident(engine, "whatsapp:+6281200000077")
    await walk_to_summary(resident, identity="3",
                          description="Kades Wiryosumarto minta uang pelicin tiap urus surat tanah di balai desa")
    await assert_no_address_in_clear(engine, database_url, [resident.urn], names=["Wiryosumarto", "pelicin"])
    await resident.send("kirim")
    assert resident.heard("report.submitted_anonymous"), resident.text


@pytest.mark.parametrize("identity", ["2", "3"])
async def test_the_number_an_unnamed_reporter_writes_from_never_reaches_officers_however_written(
        engine: Engine, identity: str) -> None:
    await enrolled(engine, OFFICERS[0])
    resident = Resident(engine, f"whatsapp:{NAMED_NUMBER}")
    national = "0" + NAMED_NUMBER[3:]
    slashed, dashed = f"{national[:4]}/{national[4:8]}/{national[8:]}", f"{national[:4]}–{national[4:8]}–{national[8:]}"
    bare = f"{national[1:4]} {national[4:8]} {national[8:]}"  # its 0 left out
    scammer = "0812-9999-0000"
    await walk_to_summary(resident, identity=identity, description=(
        f"Sy ditipu, penipunya pake nomor {scammer}. Kalau perlu keterangan ke {slashed}, atau {dashed} juga bisa,"
        f" WA {bare}"))
    await resident.send("kirim")
    async with engine.sessions() as db:
        report = (await db.execute(select(Report).where(Report.ref == find_ref(resident.text)))).scalar_one()
    assert national[4:8] not in report.description and scammer in report.description, report.description
    assert "ke [nomor disembunyikan], atau [nomor disembunyikan] juga bisa, WA [nomor disembunyikan]" \
        in report.description, report.description
    printed = await send_everything(engine)
    assert scammer in printed and national[4:8] not in printed, printed


@pytest.mark.parametrize("identity", ["2", "3"])
async def test_an_unnamed_reporters_own_number_and_signature_after_anothers_reach_no_officer(
        engine: Engine, identity: str) -> None:
    """The suspect told of first, then the reporter's own number and a letter's sign-off: theirs are hidden in the
    stored report and the alert, the suspect's number stays as evidence."""
    await enrolled(engine, OFFICERS[0])
    resident = Resident(engine)
    suspect = "0857-1111-2222"
    await walk_to_summary(resident, identity=identity, description=(
        f"nomor pelaku {suspect}, hp sy dijambret di jl merdeka, pelakunya kabur. hubungi sy 081234567890."
        " Wassalamualaikum wr wb, Bambang Hermanto"))
    await resident.send("kirim")
    async with engine.sessions() as db:
        report = (await db.execute(select(Report).where(Report.ref == find_ref(resident.text)))).scalar_one()
    printed = await send_everything(engine)
    for told in (report.description, printed):
        assert suspect in told and "081234567890" not in told and "Hermanto" not in told, told
    assert "hubungi sy [nomor disembunyikan]" in report.description, report.description


@pytest.mark.parametrize("story", ["ig aku budi_s atau @budi.s88. line aku: budi_s88",
                                   "line aku: budi_s88. ig aku budi_s", "wa sy 0812345678, hp sy 081234567890"])
def test_an_own_contact_inside_a_longer_one_leaves_nothing_of_either(story: str) -> None:
    """Two of the reporter's contacts, one the start of the other: neither leaves a piece behind."""
    hidden = unexposed(story, lang="id", urn=None)
    assert not any(piece in hidden for piece in ("budi", "]88", "]90")), hidden


async def test_hapus_leaves_no_name_or_number_of_a_named_reporter(engine: Engine, database_url: str) -> None:
    for urn in OFFICERS:
        await enrolled(engine, urn)
    resident = Resident(engine, f"whatsapp:{NAMED_NUMBER}")
    national = "0" + NAMED_NUMBER[3:]
    dashed = f"{national[:4]}-{national[4:8]}-{national[8:]}"
    spaced = f"+62 {national[1:4]} {national[4:8]} {national[8:]}"
    slashed = f"{national[:4]}/{national[4:8]}/{national[8:]}"
    await walk_to_summary(resident, identity="1", description=f"Motor saya dicuri, hubungi {national} atau {dashed} "
                                                              f"atau {slashed} ya pak, {NAMED_NAME.lower()}")
    await resident.send("kirim")
    ref = find_ref(resident.text)
    printed = await send_everything(engine)
    assert NAMED_NAME in printed and NAMED_NUMBER in printed, "officers see a named reporter"
    for hours in (2, 4):  # escalations copy the alert, name and number included
        await engine.escalate(now=utcnow() + dt.timedelta(hours=hours))

    # At rest, the name and number are only ever in sealed (encrypted) form, before HAPUS as after.
    async with engine.sessions() as db:
        sealed = list((await db.execute(select(Outbox).where(Outbox.kind == "officer_alert"))).scalars())
    assert len(sealed) >= 4 and all(NAMED_NAME in open_payload(engine.cipher, row)["text"] for row in sealed)
    await assert_no_address_in_clear(engine, database_url, [f"whatsapp:{NAMED_NUMBER}"], names=[NAMED_NAME])

    officer = Resident(engine, OFFICERS[0])
    await officer.send(f"INFO {ref} Nomor yang bisa dihubungi?")
    await resident.send(f"nomor saya {spaced} pak")
    assert resident.heard("relay.answer_sent"), resident.text
    await resident.send("HAPUS")
    await resident.send("ya")
    assert resident.heard("privacy.deleted"), resident.text
    await assert_no_address_in_clear(engine, database_url, [f"whatsapp:{NAMED_NUMBER}", national],
                                     names=[NAMED_NAME], unsealed=True)
    async with engine.sessions() as db:
        report = (await db.execute(select(Report).where(Report.ref == ref))).scalar_one()
    assert report.contact_id is None and "dicuri" in report.description, "the report stays, de-identified"
    assert "hubungi [dihapus] atau [dihapus] atau [dihapus] ya pak" in report.description, report.description
    # The escalations not sent yet were dropped when the reporter's answer took the report back to an officer.
    async with engine.sessions() as db:
        alerted = [open_payload(engine.cipher, row)["text"] for row in (await db.execute(
            select(Outbox).where(Outbox.kind == "officer_alert"))).scalars()]
    assert alerted and all(ref in text and "[dihapus]" in text for text in alerted), \
        "the alerts kept, the reporter's name and number erased"

    await officer.send(f"LIHAT {ref}")
    assert "pelapor sudah menghapus datanya" in officer.text and "{" not in officer.text, officer.text
    assert national[4:8] not in officer.text and NAMED_NAME.lower() not in officer.text.lower(), \
        "the number as written with dashes or spaces, the name in lower case: erased too"


async def test_hapus_erases_a_short_name_as_a_word_and_nothing_inside_other_words(engine: Engine) -> None:
    resident = Resident(engine, "whatsapp:+6281234500002")
    story = "Saya dari pasar kemarin hari Sabtu, motor saya dicuri. Saya Ari, hubungi ari di 0812-3450-0002"
    for said in ("halo", "1", "1", story, PLACE, "ya", "2", "lewati", "1", "Ari", "kirim"):
        await resident.send(said)
    assert resident.heard("report.submitted"), resident.text
    await resident.send("HAPUS")
    await resident.send("ya")
    async with engine.sessions() as db:
        report = (await db.execute(select(Report))).scalar_one()
    assert report.description == ("Saya dari pasar kemarin hari Sabtu, motor saya dicuri. Saya [dihapus], hubungi "
                                  "[dihapus] di [dihapus]"), report.description


async def test_an_anonymous_witness_holds_no_time_or_link_that_ties_them_to_their_account(
        engine: Engine, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A resident who joins another's report as an anonymous witness: the statement keeps no contact and, like
    every row naming it, no time finer than the hour; the officers' "+1 saksi" names no one."""
    for ours in ("bot", "handlers", "storage"):
        caplog.set_level(logging.DEBUG, logger=ours)
    for urn in OFFICERS:
        await enrolled(engine, urn)
    first = Resident(engine, "whatsapp:+6281200000009")
    await walk_to_summary(first, description="Tawuran pelajar di depan pasar Gedog, pada bawa celurit")
    await first.send("kirim")
    ref = find_ref(first.text)

    witness = Resident(engine, "console:saksi-anonim")
    for answer in ("halo", "1", "1", "anak2 sekolah tawuran dekat pasar gedog, lempar2 batu", PLACE, "ya"):
        await witness.send(answer)
    assert witness.heard("report.ask_same_incident"), witness.text
    for answer in ("ya", "2"):
        await witness.send(answer)
    await witness.send("", photo=photo_file(tmp_path))
    await witness.send("3")  # anonymous
    await witness.send("kirim")
    assert witness.heard("report.joined_anonymous") and ref not in witness.text, witness.text
    await witness.send("makasih")

    printed = await send_everything(engine)
    assert f"+1 saksi untuk {ref}" in printed and "saksi-anonim" not in printed, "officers learn of no one"

    async with engine.sessions() as db:
        statement = (await db.execute(select(Witness))).scalar_one()
        session_data = [load_session(session.data, engine.cipher)
                        for session in (await db.execute(select(ConversationSession))).scalars()]
    assert statement.contact_id is None and statement.identity == Identity.ANONYMOUS
    assert not [data for data in session_data if ref in json.dumps(data) or "join" in json.dumps(data)], \
        "no session keeps the report the anonymous witness joined"
    rows = await every_row(engine)
    naming = [(table, row) for table, row in rows
              if (table == "witness")
              or (table == "outbox" and "+1 saksi" in open_payload(engine.cipher, Outbox(payload=row["payload"]))
                  ["text"])
              or (table == "attachment" and row["report_id"] == statement.report_id)]
    assert {table for table, _row in naming} == {"witness", "outbox", "attachment"}
    for table, row in naming:
        for column, value in row.items():
            if isinstance(value, dt.datetime):
                assert is_whole_hour(value), f"{table}.{column} of a row naming the anonymous witness is exact"
    await witness.send(f"STATUS {ref}")
    assert witness.heard("status.not_found"), "a confidential report is not the anonymous witness's to read"
    assert not [record for record in caplog.records if "saksi-anonim" in record.getMessage()], "a log names them"


async def test_the_same_incident_question_shows_a_resident_nothing_of_another_story_they_did_not_write(
        engine: Engine) -> None:
    """A story that starts with who its teller is: a second resident asked whether theirs is the same incident
    learns no name, role, place, detail nor word from it, nor its reference: only that it was made, and where."""
    first = Resident(engine, "whatsapp:+6281200000010")
    told = ("Saya Ratna Dewi istri pak RT 05, tadi malam motor saya dicuri di parkiran masjid Al Ikhlas, "
            "pelakunya pakai jaket hijau")
    await walk_to_summary(first, description=told)
    await first.send("kirim")

    second = Resident(engine, "console:tetangga")
    own = "motor tetangga sy dicuri td malam di parkiran masjid"
    for answer in ("halo", "1", "1", own, PLACE, "ya"):
        await second.send(answer)
    assert second.heard("report.ask_same_incident"), second.text
    question = second.text.casefold()
    assert "sudah ada laporan serupa di kel. gedog" in question, question
    for theirs in ("motor", "parkiran", "ratna", "dewi", "istri", "05", "ikhlas", "pelakunya", "jaket", "hijau", "lp-"):
        assert theirs not in question, f"{theirs!r} of the other resident's story reached the second: {question}"


async def test_hapus_takes_a_named_reporters_voice_note_and_photo_with_their_files(engine: Engine,
                                                                                    tmp_path: Path) -> None:
    """A voice is the reporter's own, and a photo may show them: the report stays, de-identified, without either."""
    officer = await enrolled(engine, OFFICERS[0])
    resident = Resident(engine, "console:bernama")
    for answer in ("halo", "1", "1"):
        await resident.send(answer)
    recording = tmp_path / "cerita.ogg"
    recording.write_bytes(voice_note(6))
    await resident.send(voice=recording)
    for answer in ("lewati", PLACE, "ya", "2"):
        await resident.send(answer)
    await resident.send("", photo=photo_file(tmp_path))
    for answer in ("1", "Ari", "kirim"):
        await resident.send(answer)
    ref = find_ref(resident.text)
    await officer.send(f"LIHAT {ref}")
    assert "🎤 pesan suara 0:06" in officer.text and "Foto: terlampir" in officer.text, officer.text
    assert len(list((tmp_path / "media").iterdir())) == 2

    await resident.send("HAPUS")
    await resident.send("ya")
    assert resident.heard("privacy.deleted"), resident.text
    assert list((tmp_path / "media").iterdir()) == [], "the files go at once"
    async with engine.sessions() as db:
        assert (await db.execute(select(Attachment))).first() is None
        report = (await db.execute(select(Report).where(Report.ref == ref))).scalar_one()
    assert report.contact_id is None
    officer.replies.clear()
    await officer.send(f"LIHAT {ref}")
    assert "Foto: tidak ada" in officer.text and "pelapor sudah menghapus datanya" in officer.text, officer.text
    assert not [reply for reply in officer.replies if reply.photo or reply.voice], "no voice note nor photo with it"
    assert "pesan suara" not in officer.text and "[dihapus]" in officer.text, "no voice note described, gone"
    async with engine.sessions() as db:
        texts = [open_payload(engine.cipher, row)["text"] for row in (await db.execute(select(Outbox))).scalars()]
    assert texts and not [text for text in texts if "pesan suara" in text], "nor in the alerts kept"


async def _voice_report(engine: Engine, urn: str, recording: Path, caption: str) -> str:
    resident = Resident(engine, urn)
    for answer in ("halo", "1", "1"):
        await resident.send(answer)
    await resident.send(voice=recording)
    for answer in (caption, PLACE, "ya", "2", "lewati", "2", "kirim"):
        await resident.send(answer)
    ref = find_ref(resident.text)
    assert ref, resident.text
    return ref


async def test_hapus_leaves_the_caption_of_a_voice_note_and_another_residents_voice_as_they_were(
        engine: Engine, tmp_path: Path) -> None:
    """The line of the voice note erased goes, its caption (the resident's own words, scrubbed) stays; a voice note
    of another resident, as long, is still described."""
    officer = await enrolled(engine, OFFICERS[0])
    recording = tmp_path / "cerita.ogg"
    recording.write_bytes(voice_note(6))
    erased = await _voice_report(engine, "console:pergi", recording, "motor sy dicuri di parkiran")
    kept = await _voice_report(engine, "console:tinggal", recording, "helm sy hilang di masjid")
    leaving = Resident(engine, "console:pergi")
    await leaving.send("HAPUS")
    await leaving.send("ya")
    assert leaving.heard("privacy.deleted"), leaving.text
    await officer.send(f"LIHAT {erased}")
    assert "pesan suara" not in officer.text and "[dihapus] — motor sy dicuri di parkiran" in officer.text, \
        officer.text
    await officer.send(f"LIHAT {kept}")
    assert "🎤 pesan suara 0:06 — helm sy hilang di masjid" in officer.text, officer.text


def test_a_message_queued_before_its_file_was_erased_goes_without_it(tmp_path: Path) -> None:
    """An alert queued before its reporter's HAPUS names a file gone since: sent without it, not failed for it."""
    photos = Photos(TEST_SECRET, tmp_path)
    name = "ab" * 32 + ".jpg"
    assert photos.for_payload({"stored_name": name, "content_type": "image/jpeg"}) is None
    (tmp_path / name).write_bytes(b"\xff\xd8\xff")
    kept = photos.for_payload({"stored_name": name, "content_type": "image/jpeg"})
    assert kept is not None and kept.path == str(tmp_path / name)


async def test_one_photo_sent_with_a_named_and_an_anonymous_report_leaves_rows_that_match_in_nothing(
        engine: Engine, tmp_path: Path) -> None:
    """The same picture, kept for a named report and for an anonymous one: nothing in the two rows, but its kind,
    tells a reader of a copied database that they are one (the files themselves show one picture: see README)."""
    picture = photo_file(tmp_path)
    resident = Resident(engine, "console:keduanya")
    for identity in (("1", "Ari"), ("3",)):
        for answer in ("halo", "1", "1", "Ada pencurian kabel di gardu listrik dekat sekolah", PLACE, "ya", "2"):
            await resident.send(answer)
        await resident.send("", photo=picture)
        for answer in (*identity, "kirim"):
            await resident.send(answer)
        assert find_ref(resident.text), resident.text
    async with engine.sessions() as db:
        rows = [dict((await db.execute(select(Attachment.__table__).where(Attachment.id == kept))).one()._mapping)
                for kept in (await db.execute(select(Attachment.id).order_by(Attachment.id))).scalars()]
    named, anonymous = rows
    alike = {column for column, value in named.items() if value is not None and anonymous[column] == value}
    assert alike == {"content_type"}, alike


# Stories that give the reporter's own name (introduced, signed, titled) and another's, which officers need.
OWN_NAME_AND_ANOTHERS = [
    ("Sepeda ontel sy hilang dari teras rumah td malam, yg ambil Bambang Hermanto. Wassalamualaikum, Hadi Sutrisno",
     "Sutrisno"),
    ("sy Dewi mau lapor, hp sy dicopet di angkot td pagi, pelakunya Bambang Hermanto", "Dewi"),
    ("Pak Hadi, ketua RT 3, mau lapor kabel listrik dicuri td malam, pelakunya Bambang Hermanto", "Hadi"),
]


async def _what_officers_read(engine: Engine, tmp_path: Path, officer: Resident, ref: str) -> list[str]:
    """The report's description as stored, every alert sent, and the report's page on the web."""
    async with engine.sessions() as db:
        report = (await db.execute(select(Report).where(Report.ref == ref))).scalar_one()
    page = await (await signed_in(web_app(engine, tmp_path), officer)).get(f"/laporan/{ref}")
    assert page.status_code == 200, page.text
    return [report.description, await send_everything(engine), page.text]


@pytest.mark.parametrize("identity", ["2", "3"])
@pytest.mark.parametrize(("story", "own"), OWN_NAME_AND_ANOTHERS)
async def test_a_name_an_unnamed_reporter_gives_as_their_own_reaches_no_officer(
        engine: Engine, tmp_path: Path, story: str, own: str, identity: str) -> None:
    """Hidden in the stored report, the alert and the page; the suspect's name stays, as evidence."""
    officer = await enrolled(engine, OFFICERS[0])
    resident = Resident(engine)
    await walk_to_summary(resident, identity=identity, description=story)
    await resident.send("kirim")
    for told in await _what_officers_read(engine, tmp_path, officer, find_ref(resident.text)):
        assert own not in told and "Bambang Hermanto" in told and "[nama disembunyikan]" in told, told


@pytest.mark.parametrize(("story", "own"), OWN_NAME_AND_ANOTHERS)
async def test_a_named_report_keeps_the_story_as_typed(engine: Engine, story: str, own: str) -> None:
    resident = Resident(engine)
    await walk_to_summary(resident, identity="1", description=story)
    await resident.send("kirim")
    async with engine.sessions() as db:
        report = (await db.execute(select(Report).where(Report.ref == find_ref(resident.text)))).scalar_one()
    assert report.description == story


async def test_a_name_signed_in_what_is_added_later_or_in_a_photos_caption_reaches_no_officer(
        engine: Engine, tmp_path: Path) -> None:
    """The story told in pieces, a caption sent with the photo, an addition at the summary: the name given in any
    of them is hidden in the whole story."""
    officer = await enrolled(engine, OFFICERS[0])
    resident = Resident(engine)
    for said in ("halo", "1", "1", "sy hadi", "mau lapor, hp sy dicopet di angkot td pagi", PLACE, "ya"):
        await resident.send(said)
    await another_incident(resident)
    await resident.send("2")
    await resident.send("ini fotonya pak. Salam, Hadi", photo=photo_file(tmp_path))
    await resident.send("2")  # confidential
    await resident.send("oh iya pak tambahan, pelakunya 2 org. Wassalamualaikum, Hadi Sutrisno")
    assert resident.heard("report.story_added") and resident.heard("report.summary"), resident.text
    summary = resident.text.rsplit("Kejadian:", 1)[-1]
    assert "Hadi" not in summary and "pelakunya 2 org" in summary, summary
    await resident.send("kirim")
    told = await _what_officers_read(engine, tmp_path, officer, find_ref(resident.text))
    assert "mau lapor" in told[0] and "fotonya" in told[0] and "pelakunya 2 org" in told[0], "every piece is kept"
    for each in told:
        assert "hadi" not in each.lower() and "dicopet" in each, each


async def test_a_name_given_in_english_reaches_no_officer(engine: Engine, tmp_path: Path) -> None:
    officer = await enrolled(engine, OFFICERS[0])
    resident = Resident(engine)
    for said in ("hello", "English", "report", "1",
                 "I'm Hadi, my phone was snatched at the market this morning. Regards, Hadi Sutrisno", PLACE, "yes"):
        await resident.send(said)
    await another_incident(resident)
    for said in ("2", "skip", "2"):
        await resident.send(said)
    assert resident.heard("report.summary", "en"), resident.text
    await resident.send("send")
    for told in await _what_officers_read(engine, tmp_path, officer, find_ref(resident.text)):
        assert "Hadi" not in told and "Sutrisno" not in told and "snatched" in told, told
