"""Recurring housekeeping: drafts that went quiet, and the retention purge of closed reports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select

from handlers.engine import Engine
from handlers.state import load_session
from storage.models import (
    Attachment,
    ConversationSession,
    EventKind,
    InboundMessage,
    Outbox,
    Report,
    ReportEvent,
    utcnow,
)
from storage.reports import find_ref
from tests.helpers import Resident, enrolled, file_report, payload, photo, walk_to_summary

JPEG = photo("JPEG", shade=4)


async def with_a_photo(engine: Engine, urn: str, tmp_path: Path) -> Resident:
    """A resident whose report in progress has a photo, at the identity step."""
    photo = tmp_path / "motor.jpg"
    photo.write_bytes(JPEG)
    resident = Resident(engine, urn)
    for said in ("halo", "1", "1", "Motor dicuri di depan rumah tadi malam", "Kel. Gedog, Kec. Sananwetan, Kota Blitar",
                 "ya", "2"):
        await resident.send(said)
    await resident.send(photo=photo)
    return resident


async def test_a_quiet_draft_expires_and_its_resident_is_told(engine: Engine) -> None:
    resident = Resident(engine, "console:warga")
    await walk_to_summary(resident)
    idle = Resident(engine, "console:idle")
    await idle.send("halo")  # at the menu: nothing to expire
    assert await engine.expire_drafts(now=utcnow() + dt.timedelta(minutes=20)) == 0, "not yet"
    assert await engine.expire_drafts(now=utcnow() + dt.timedelta(minutes=31)) == 1
    async with engine.sessions() as db:
        sessions = list((await db.execute(select(ConversationSession))).scalars())
        [notice] = (await db.execute(select(Outbox).where(Outbox.kind == "expiry_notice"))).scalars()
    assert all(session.step == "menu" and "draft" not in load_session(session.data, engine.cipher)
               for session in sessions)
    assert "belum terkirim" in payload(notice)["text"]
    await resident.send("kirim")
    assert not resident.heard("report.submitted"), "an expired draft is never sent"
    assert resident.heard("report.ask_resume"), "it is offered back instead, once"


async def test_the_purge_clears_personal_data_of_reports_closed_long_ago(engine: Engine, tmp_path: Path) -> None:
    petugas = await enrolled(engine, "console:petugas")
    resident = await with_a_photo(engine, "console:warga", tmp_path)
    await resident.send("2")  # confidential
    await resident.send("kirim")
    ref = find_ref(resident.text)
    assert ref, resident.text
    _other, kept = await file_report(engine, "console:lain")
    await petugas.send(f"INFO {ref} Warna motornya apa?")
    await resident.send("Merah, Honda Beat")
    await petugas.send(f"SELESAI {ref} Motor ditemukan")
    stored = list((tmp_path / "media").glob("*.jpg"))
    assert len(stored) == 1
    assert await engine.purge(dt.timedelta(days=365), now=utcnow() + dt.timedelta(days=364)) == 0, "not yet"
    assert await engine.purge(dt.timedelta(days=365), now=utcnow() + dt.timedelta(days=366)) == 1
    async with engine.sessions() as db:
        purged = (await db.execute(select(Report).where(Report.ref == ref))).scalar_one()
        untouched = (await db.execute(select(Report).where(Report.ref == kept))).scalar_one()
        attachments = list((await db.execute(select(Attachment))).scalars())
        replies = list((await db.execute(select(ReportEvent).where(ReportEvent.kind == EventKind.REPLY))).scalars())
    assert purged.contact_id is None and untouched.contact_id is not None, "only closed reports are cleared"
    assert attachments == [] and not stored[0].exists()
    assert [reply.note for reply in replies] == [None]
    assert purged.description.startswith("Motor dicuri"), "the report stays for the statistics"


async def test_the_sweep_deletes_files_nothing_uses_and_keeps_those_in_use(engine: Engine, tmp_path: Path) -> None:
    await with_a_photo(engine, "console:pergi", tmp_path)  # a report with a photo that is never sent
    [draft_photo] = list((tmp_path / "media").glob("*.jpg"))
    _resident, sent_ref = await file_report(engine, "console:warga")
    kept = tmp_path / "media" / "kept.png"  # a sent report's photo
    async with engine.sessions() as db, db.begin():
        report = (await db.execute(select(Report).where(Report.ref == sent_ref))).scalar_one()
        db.add(Attachment(report_id=report.id, sha256="0" * 64, content_type="image/png",
                          stored_name="kept.png"))
    kept.write_bytes(b"\x89PNG")
    chart = tmp_path / "media" / ("c" * 64 + ".png")  # a digest's chart, drawn for one send
    chart.write_bytes(b"\x89PNG")
    await engine.purge(dt.timedelta(days=365), now=utcnow() + dt.timedelta(hours=12))
    assert draft_photo.exists() and chart.exists(), "younger than any draft can be: left alone"
    await engine.purge(dt.timedelta(days=365), now=utcnow() + dt.timedelta(days=2))
    assert draft_photo.exists(), "a draft still open keeps its photo, however long it takes"
    assert not chart.exists(), "unused and old: deleted"
    assert await engine.expire_drafts(now=utcnow() + dt.timedelta(days=2)) == 1
    await engine.purge(dt.timedelta(days=365), now=utcnow() + dt.timedelta(days=2))
    assert not draft_photo.exists(), "the draft never sent: its photo goes"
    assert kept.exists(), "a file an attachment uses stays"


async def test_a_replay_guard_outlives_a_month_so_an_old_copied_request_is_not_taken_again(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("halo", message_id="SM-copied")
    assert resident.replies, "the first time, answered"
    await engine.purge(dt.timedelta(days=365), now=utcnow() + dt.timedelta(days=31))
    await resident.send("halo", message_id="SM-copied")
    assert resident.replies == [], "a month on, the copy is still a replay"
    await engine.purge(dt.timedelta(days=365), now=utcnow() + dt.timedelta(days=401))
    async with engine.sessions() as db:
        assert list((await db.execute(select(InboundMessage))).scalars()) == []


async def test_a_telegram_replay_guard_goes_after_a_month_as_its_ids_may_start_afresh(engine: Engine) -> None:
    resident = Resident(engine, "telegram:700100")
    await resident.send("halo", message_id="1000")
    await engine.purge(dt.timedelta(days=365), now=utcnow() + dt.timedelta(days=31))
    async with engine.sessions() as db:
        assert list((await db.execute(select(InboundMessage))).scalars()) == []
