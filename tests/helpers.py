"""What the tests share: a resident chatting with the engine, the walks to a step, the service with its
fake APIs, and the few figures they all use. Fixtures live in conftest.py; test modules import nothing from
one another, only from here and from harness/."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import io
import logging
import os
import re
import struct
import subprocess
import sys
import threading
import traceback
import xml.etree.ElementTree as ET
from collections.abc import AsyncIterator, Iterable
from functools import cache
from pathlib import Path
from typing import Any

import httpx
import numpy
import pytest
import soundfile
from PIL import Image
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.applications import Starlette

from bot import web
from bot.channels.base import Inbound, Location, Media, Outbound
from bot.channels.console import ConsoleChannel
from bot.config import Settings
from handlers.alerts import as_seen_from
from handlers.engine import Engine
from handlers.i18n import catalogue
from handlers.routing import Router
from handlers.state import load_session
from harness import DESCRIPTION, TEST_SECRET
from harness.fake_telegram import TOKEN, FakeBotAPI, callback_update, text_update
from harness.fake_twilio import ACCOUNT_SID, AUTH_TOKEN, SENDER, FakeTwilioAPI, load_payload, sign
from harness.loopback import serving, until
from harness.serve_process import PUBLIC
from storage import db as database
from storage.crypto import ContactCipher
from storage.media import MediaStore
from storage.models import (
    Base,
    Category,
    Contact,
    ConversationSession,
    Identity,
    Officer,
    OfficerRole,
    Outbox,
    Report,
    ReportSource,
    ReportStatus,
    Station,
    utcnow,
)
from storage.officers import create_invite
from storage.outbox import open_payload
from storage.regions import RegionIndex
from storage.reports import create_report, find_ref

POSTGRES_URL = os.environ.get("TEST_DATABASE_URL", "")
# For a test of how a resident's or an officer's words are read, said many ways: the reading is the same on
# either database, and the flows these tests walk are run on both by the tests of each flow.
READING_ON_SQLITE = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


_BUILD_REGION_INDEX = RegionIndex.load  # as it is before a test puts the one built here in its place


@cache
def regions() -> RegionIndex:
    """The region index, built once for the whole run as the service builds it once at start."""
    return _BUILD_REGION_INDEX()


def make_engine(url: str, media_root: Path, *, db_engine: AsyncEngine | None = None,
                **kwargs: Any) -> tuple[Engine, AsyncEngine]:
    db_engine = db_engine or database.create_engine(url)
    engine = Engine(
        database.session_factory(db_engine),
        ContactCipher(TEST_SECRET),
        MediaStore(media_root),
        Router(regions(), "PUSAT", 10.0),
        media_fetchers={"console": ConsoleChannel.fetch_media},
        **kwargs,
    )
    return engine, db_engine


async def assert_no_address_in_clear(engine: Engine, database_url: str, addresses: Iterable[str],
                                     logs: Iterable[Path] = (), *, names: Iterable[str] = (),
                                     unsealed: bool = False) -> int:
    """Reads every row of every table of the product's schema, the SQLite file itself (and its write-ahead
    log) byte by byte, and the logs: none holds any of the phone numbers or chat ids in `addresses` as
    they came (digits without "+"), nor any of `names`. With `unsealed`, not even encrypted: the outbox's
    sealed payloads are opened with the key and read too. Returns how many rows were read."""
    wanted = {address.split(":", 1)[-1].lstrip("+") for address in addresses} | set(names)
    rows = 0
    async with engine.sessions() as db:
        for table in Base.metadata.sorted_tables:
            for row in (await db.execute(table.select())).all():
                rows += 1
                text_of_row = repr(row)
                if unsealed and table.name == "outbox":
                    text_of_row += repr(open_payload(engine.cipher, Outbox(payload=row.payload)))
                assert not [a for a in wanted if a in text_of_row], f"an address or name in clear in {table.name}"
    raw_files = list(logs)
    if database.is_sqlite(database_url):
        # A reader that held the log past TRUNCATE_WAIT (a loaded machine) left emptying it to tries in the
        # background, which the product promises to finish: wait for those of this test, not read in between.
        emptying = [task for task in database._TRUNCATING if task.get_loop() is asyncio.get_running_loop()]
        if emptying:
            await asyncio.wait(emptying)
        path = Path(database_url.split("///", 1)[1])
        raw_files += [file for file in (path, path.with_name(path.name + "-wal")) if file.exists()]
    for file in raw_files:
        data = file.read_bytes()
        assert not [a for a in wanted if a.encode() in data], f"an address or name in clear in {file.name}"
    return rows


def payload(row: Outbox) -> dict[str, Any]:
    """What an outbox row says, unsealed with the tests' key."""
    return open_payload(ContactCipher(TEST_SECRET), row)


def photo(image_format: str = "JPEG", shade: int = 0, size: tuple[int, int] = (32, 24), **save: Any) -> bytes:
    """A real photo of one colour, as a phone would send it; `save` passes Pillow's options (exif=...)."""
    out = io.BytesIO()
    Image.new("RGB", size, (shade, 120, 200)).save(out, image_format, **save)
    return out.getvalue()


def same_picture(stored: bytes, sent: bytes) -> bool:
    """Whether a stored photo shows what was sent: same type and size, colours within JPEG's losses."""
    with Image.open(io.BytesIO(stored)) as kept, Image.open(io.BytesIO(sent)) as original:
        if (kept.format, kept.size) != (original.format, original.size):
            return False
        pairs = zip(kept.convert("RGB").tobytes(), original.convert("RGB").tobytes(), strict=True)
        return all(abs(a - b) <= 8 for a, b in pairs)


def voice_note(seconds: float, file_format: str = "OGG", subtype: str = "OPUS", title: str = "") -> bytes:
    """A real voice note of a quiet tone, encoded by libsndfile: OGG/Opus as WhatsApp and Telegram record it,
    or MP3 (`file_format="MP3", subtype="MPEG_LAYER_III"`), WAV…; `title` is written into its tags."""
    rate = 16_000
    tone = 0.1 * numpy.sin(2 * numpy.pi * 440 * numpy.arange(int(seconds * rate)) / rate)
    out = io.BytesIO()
    with soundfile.SoundFile(out, "w", rate, 1, format=file_format, subtype=subtype) as file:
        if title:
            file.title = title
        file.write(tone)
    return out.getvalue()


def amr_voice(seconds: float) -> bytes:
    """AMR as old phones record it (RFC 4867 storage format): 20 ms frames of the 4.75 kbit/s mode, silent."""
    return b"#!AMR\n" + (b"\x04" + bytes(12)) * round(seconds / 0.02)


def adts_voice(seconds: float) -> bytes:
    """Bare AAC in ADTS frames (AAC-LC, 16 kHz, mono), each 1,024 samples with a few bytes of payload."""
    length = 7 + 4
    header = bytes([0xFF, 0xF1, (1 << 6) | (8 << 2), (1 << 6) | (length >> 11), (length >> 3) & 0xFF,
                    ((length & 7) << 5) | 0x1F, 0xFC])
    return (header + bytes(4)) * round(seconds * 16_000 / 1024)


def m4a_voice(seconds: float, track: bytes = b"soun", title: str = "", recorded: int = 0, version: int = 0) -> bytes:
    """The boxes of an M4A file that say what it is and how long it plays (ftyp, moov with mvhd and the track's
    tkhd, mdhd and handler, mdat), and with `title` the user data a phone's recorder writes (udta/meta/ilst/©nam);
    `recorded` (seconds since 1904, as MP4 counts) is written as each header's creation and modification time, in
    32-bit fields (version 0) or 64-bit ones (version 1). Its sound is a few empty bytes: no encoder of AAC in MP4
    is at hand."""
    def box(kind: bytes, content: bytes) -> bytes:
        return struct.pack(">I", 8 + len(content)) + kind + content

    def times(*after: int) -> bytes:  # version and flags, creation and modification, then the header's own fields
        width = "Q" if version else "I"
        return bytes([version, 0, 0, 0]) + struct.pack(f">{width}{width}", recorded, recorded + 1) + \
            struct.pack(">" + "I" * len(after), *after)
    duration = round(seconds * 1000)
    if version:  # a 64-bit duration after the timescale
        header = box(b"mvhd", times(1000) + struct.pack(">Q", duration) + bytes(80))
        media = box(b"mdhd", times(1000) + struct.pack(">Q", duration) + bytes(4))
        track_header = box(b"tkhd", times(1, 0) + struct.pack(">Q", duration) + bytes(60))
    else:
        header = box(b"mvhd", times(1000, duration) + bytes(80))
        media = box(b"mdhd", times(1000, duration) + bytes(4))
        track_header = box(b"tkhd", times(1, 0, duration) + bytes(60))
    handler = box(b"hdlr", bytes(8) + track + bytes(12) + b"\0")
    named = box(b"\xa9nam", box(b"data", struct.pack(">II", 1, 0) + title.encode()))
    notes = box(b"udta", box(b"meta", bytes(4) + box(b"ilst", named))) if title else b""
    movie = box(b"moov", header + box(b"trak", track_header + box(b"mdia", media + handler)) + notes)
    return box(b"ftyp", b"M4A " + bytes(4) + b"M4A isom") + movie + box(b"mdat", bytes(64))


class Resident:
    """Someone chatting with the engine; keeps the last replies for the test to read."""

    _counter = 0

    def __init__(self, engine: Engine, urn: str = "console:resident") -> None:
        self.engine = engine
        self.urn = urn
        self.replies: list[Outbound] = []

    async def send(self, text: str = "", *, location: tuple[float, float] | None = None,
                   photo: Path | None = None, voice: Path | None = None, button: str | None = None,
                   message_id: str | None = None) -> list[Outbound]:
        Resident._counter += 1
        inbound = Inbound(
            urn=self.urn,
            provider_message_id=message_id or f"test-{Resident._counter}",
            text=text,
            location=Location(*location) if location else None,
            media=(Media("image/jpeg", path=str(photo)),) if photo else (),
            voice=Media("audio/ogg", path=str(voice)) if voice else None,
            choice=button,
        )
        self.replies = await self.engine.handle(inbound)
        return self.replies

    @property
    def text(self) -> str:
        return "\n".join(reply.text for reply in self.replies)

    def heard(self, key: str, lang: str = "id") -> bool:
        """Whether one of the last replies is the catalogue text `key` as this resident's channel is told it, whatever
        filled its {names}."""
        return any(matches(reply.text, as_seen_from(self.urn, lang, key), lang) for reply in self.replies)

    def options(self) -> list[str]:
        return [choice.label for reply in self.replies for choice in reply.choices]


def matches(said: str, key: str, lang: str = "id") -> bool:
    pattern = re.escape(catalogue(lang)[key])
    pattern = re.sub(r"\\\{\w+\\\}", ".*", pattern)
    return re.fullmatch(pattern, said, re.S) is not None


PLACE = "Kel. Gedog, Kec. Sananwetan, Kota Blitar"
REPORTER_NAME = "Budi Santoso"


async def walk_to_summary(resident: Resident, *, identity: str = "2", description: str = DESCRIPTION,
                          name_known: bool = False) -> None:
    """Takes a fresh resident from hello to the summary with typical answers."""
    await resident.send("halo")
    await resident.send("1")             # Lapor
    await resident.send("1")             # category: security
    await resident.send(description)
    if resident.heard("report.already_reported"):  # the same story again: told once, then a report of its own
        await resident.send(description)
    await resident.send(PLACE)
    await resident.send("ya")            # Kel. Gedog, Kec. Sananwetan, Kota Blitar
    await another_incident(resident)
    await resident.send("2")             # earlier today
    await resident.send("lewati")        # no photo
    await resident.send(identity)
    if identity == "1" and not name_known:  # named: officers will see the name, so it is asked once
        assert resident.heard("report.ask_name"), resident.text
        await resident.send(REPORTER_NAME)
    assert resident.heard("report.summary"), resident.text


async def another_incident(resident: Resident) -> None:
    """Answers "another incident" when Lapor asks whether an alike report already made is the same one: tests
    that file one story several times mean separate reports."""
    if resident.heard("report.ask_same_incident"):
        await resident.send("bukan")


# How `lapor` runs: in this process (the quick lane), or as a process of its own, as a person runs it (the
# slow lane sets this through the `how_lapor_runs` fixture of test_cli.py).
LAPOR_AS_A_PROCESS = False


def lapor(*args: str, data_dir: Path, database_url: str, stdin: str = "",
          **settings: str) -> subprocess.CompletedProcess[str]:
    """`lapor ARGS` with DATA_DIR and DATABASE_URL (and any other setting) in its environment, `stdin` as its
    input, in `data_dir`: its exit code, standard output and standard error."""
    env = {**os.environ, "DATA_DIR": str(data_dir), "DATABASE_URL": database_url, "SECRET_KEY": TEST_SECRET,
           "LOG_LEVEL": "INFO", **settings}
    if LAPOR_AS_A_PROCESS:
        return subprocess.run([sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, text=True,
                              env=env, cwd=data_dir, timeout=120, check=False)
    finished: list[subprocess.CompletedProcess[str]] = []
    # A thread of its own: the command runs its own event loop, and a test may be inside one already.
    worker = threading.Thread(target=lambda: finished.append(_lapor_here(list(args), env, data_dir, stdin)))
    worker.start()
    worker.join(120)
    assert finished, f"lapor {' '.join(args)} did not finish within 120 s; it waits in:\n" + _where_it_waits(
        worker, database_url)
    return finished[0]


def _where_it_waits(worker: threading.Thread, database_url: str) -> str:
    """The hung command's stack and, on PostgreSQL, what the database's sessions hold and wait for."""
    frame = sys._current_frames().get(worker.ident or 0)
    where = "".join(traceback.format_stack(frame)) if frame else "(the thread is gone)"
    if database_url.startswith("postgresql"):
        import sqlalchemy

        from storage.db import sync_url
        engine = sqlalchemy.create_engine(sync_url(database_url))
        with engine.connect() as connection:
            sessions = connection.execute(sqlalchemy.text(
                "SELECT pid, state, wait_event_type, wait_event, pg_blocking_pids(pid), left(query, 200)"
                " FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")).all()
        engine.dispose()
        where += "\n".join(map(str, sessions))
    return where


def _lapor_here(args: list[str], env: dict[str, str], data_dir: Path, stdin: str) -> subprocess.CompletedProcess[str]:
    """The command in this process through click's test runner, with the logging set-up it changes put back
    afterwards."""
    from typer.testing import CliRunner

    from bot.cli import app

    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    try:
        with contextlib.chdir(data_dir):
            result = CliRunner().invoke(app, args, input=stdin, env=env)
    finally:
        for handler in root.handlers:
            if handler not in handlers:
                handler.close()
        root.handlers[:], root.level = handlers, level
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        # What a process would print when it died of it: a test that refuses tracebacks sees it.
        stderr += "".join(traceback.format_exception(result.exception))
    return subprocess.CompletedProcess(["lapor", *args], result.exit_code, result.stdout, stderr)


GEDOG, SANANWETAN = "35.72.03.1001", "35.72.03"


WIB = dt.timezone(dt.timedelta(hours=7))


DAY = dt.date(2026, 11, 20)  # the digest of 20 Nov covers 19 Nov 06:00 to 20 Nov 06:00 WIB


def wib(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, minute, tzinfo=WIB).astimezone(dt.UTC)


async def station(engine: Engine, code: str = "POLSEK-SANANWETAN") -> Station:
    async with engine.sessions() as db:
        return (await db.execute(select(Station).where(Station.code == code))).scalar_one()


async def add(engine: Engine, at: dt.datetime, category: Category = Category.DRUGS, *, village: str | None = GEDOG,
              status: ReportStatus = ReportStatus.RECEIVED, urgent: bool = False, code: str = "POLSEK-SANANWETAN",
              escalations: int = 0, occurred_hour: int | None = None) -> str:
    target = await station(engine, code)
    async with engine.sessions() as db, db.begin():
        report, _ = await create_report(
            db, attachments=[], actor="resident", category=category, description="fixture", occurred_text="-",
            occurred_hour=occurred_hour,
            location_text="-", province_code="35", regency_code="35.72", district_code=SANANWETAN,
            village_code=village, station_id=target.id, urgent=urgent, identity=Identity.CONFIDENTIAL,
            source=ReportSource.CITIZEN, language="id", contact_id=None, created_at=at, updated_at=at,
            escalations=escalations)
        report.status = status
        return report.ref


TO_REACH = {
    "menu": ["halo"],
    "category": ["halo", "1"],
    "description": ["halo", "1", "1"],
    "location": ["halo", "1", "1", DESCRIPTION],
    "place_check": ["halo", "1", "1", DESCRIPTION, PLACE],
    "place_pick": ["halo", "1", "1", DESCRIPTION, "Sidomulyo"],
    "when": ["halo", "1", "1", DESCRIPTION, PLACE, "ya"],
    "photo": ["halo", "1", "1", DESCRIPTION, PLACE, "ya", "1"],
    "identity": ["halo", "1", "1", DESCRIPTION, PLACE, "ya", "1", "lewati"],
    "summary": ["halo", "1", "1", DESCRIPTION, PLACE, "ya", "1", "lewati", "2"],
    "change": ["halo", "1", "1", DESCRIPTION, PLACE, "ya", "1", "lewati", "2", "ubah"],
    "another_report": ["halo", "1", "1", DESCRIPTION, PLACE, "ya", "1", "lewati", "2", "salah, mau lapor yg lain"],
    "status_ref": ["halo", "2"],
    "language": ["halo", "bahasa"],
    "confirm_delete": ["halo", "hapus"],
}


STEPS = list(TO_REACH)


async def at(engine: Engine, step: str, urn: str = "console:resident") -> Resident:
    """A resident taken from hello to `step` with typical answers."""
    resident = Resident(engine, urn)
    for message in TO_REACH[step]:
        await resident.send(message)
    assert await step_of(engine, resident) == step
    return resident


async def step_of(engine: Engine, resident: Resident) -> str | None:
    urn_hash = ContactCipher(TEST_SECRET).lookup_hash(resident.urn)
    async with engine.sessions() as db:
        return (await db.execute(
            select(ConversationSession.step).join(Contact).where(Contact.urn_hash == urn_hash)
        )).scalar_one_or_none()


async def draft_of(engine: Engine) -> dict:
    """The report being told in the one conversation there is."""
    async with engine.sessions() as db:
        [session] = (await db.execute(select(ConversationSession))).scalars()
        return dict(load_session(session.data, engine.cipher).get("draft", {}))


WARGA = "console:warga"


async def file_report(engine: Engine, urn: str = WARGA, *, identity: str = "2",
                      description: str | None = None) -> tuple[Resident, str]:
    resident = Resident(engine, urn)
    if description:
        await walk_to_summary(resident, identity=identity, description=description)
    else:
        await walk_to_summary(resident, identity=identity)
    await resident.send("kirim")
    ref = find_ref(resident.text)
    assert ref, resident.text
    return resident, ref


async def report(engine: Engine, ref: str) -> Report:
    async with engine.sessions() as db:
        return (await db.execute(select(Report).where(Report.ref == ref))).scalar_one()


@contextlib.asynccontextmanager
async def service(tmp_path: Path, database_url: str,
                  **overrides: object) -> AsyncIterator[tuple[str, Engine, FakeBotAPI, FakeTwilioAPI]]:
    """`lapor serve` with Telegram (webhook) and WhatsApp both on, each against its fake API."""
    from bot.config import Settings

    telegram, twilio = FakeBotAPI(), FakeTwilioAPI()
    await telegram.start()
    await twilio.start()
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, data_dir=tmp_path, database_url=database_url, secret_key=TEST_SECRET,
        public_base_url=PUBLIC, telegram_bot_token=TOKEN, telegram_base_url=telegram.base_url,
        twilio_account_sid=ACCOUNT_SID, twilio_auth_token=AUTH_TOKEN, twilio_whatsapp_from=SENDER,
        twilio_api_base_url=twilio.base_url, **overrides,
    )
    try:
        async with serving(settings) as (url, engine):
            yield url, engine, telegram, twilio
    finally:
        await telegram.stop()
        await twilio.stop()


class TelegramChat:
    """A Telegram chat posting updates to the service's webhook."""

    update_id = 5000

    def __init__(self, http: httpx.AsyncClient, secret: str, chat_id: int) -> None:
        self.http, self.secret, self.chat_id = http, secret, chat_id

    async def post(self, update: dict) -> None:
        response = await self.http.post("/telegram/webhook", json=update,
                                        headers={"X-Telegram-Bot-Api-Secret-Token": self.secret})
        assert response.status_code == 200

    async def text(self, text: str) -> None:
        TelegramChat.update_id += 1
        await self.post(text_update(TelegramChat.update_id, self.chat_id, text))

    async def tap(self, data: str) -> None:
        TelegramChat.update_id += 1
        await self.post(callback_update(TelegramChat.update_id, self.chat_id, data, message_id=1))


async def enrolled_on_telegram(http: httpx.AsyncClient, engine: Engine, telegram: FakeBotAPI, chat_id: int,
                               station: str = "POLSEK-SANANWETAN",
                               role: OfficerRole = OfficerRole.DUTY) -> TelegramChat:
    """An officer's Telegram chat on the running service, enrolled by /daftar once the service says so."""
    chat = TelegramChat(http, telegram.webhook["secret_token"], chat_id)
    await chat.text(f"/daftar {await invite(engine, station, role)}")
    await until(lambda: any("Terdaftar" in text for text in telegram.sent_texts(chat_id)))
    return chat


async def invite(engine: Engine, station: str = "POLSEK-SEKAR", role: OfficerRole = OfficerRole.DUTY,
                 at: dt.datetime | None = None) -> str:
    async with engine.sessions() as db, db.begin():
        found = (await db.execute(select(Station).where(Station.code == station))).scalar_one()
        code, _expires = await create_invite(db, engine.cipher, found, role, "Bripka Santoso", at or utcnow())
    return code


async def officers(engine: Engine) -> list[Officer]:
    """Oldest first: PostgreSQL returns rows in no set order, an updated one often last."""
    async with engine.sessions() as db:
        return list((await db.execute(select(Officer).order_by(Officer.id))).scalars())


async def enrolled(engine: Engine, urn: str, station: str = "POLSEK-SANANWETAN",
                   role: OfficerRole = OfficerRole.DUTY) -> Resident:
    officer = Resident(engine, urn)
    await officer.send(f"DAFTAR {await invite(engine, station, role)}")
    assert officer.heard("officer.enrolled")
    return officer


RESIDENT = "whatsapp:+6281234567890"


class Phone:
    """A resident's WhatsApp: posts Twilio-signed forms to the webhook and reads the TwiML answers."""

    sent_count = 0  # shared: a MessageSid is unique across all senders

    def __init__(self, http: httpx.AsyncClient, address: str = RESIDENT) -> None:
        self.http, self.address = http, address

    async def post(self, params: dict[str, str], *, path: str = "/whatsapp/webhook",
                   signature: str | None = None) -> httpx.Response:
        signed = sign(PUBLIC + path, params) if signature is None else signature
        return await self.http.post(path, data=params, headers={"X-Twilio-Signature": signed})

    def next_sid(self) -> str:
        Phone.sent_count += 1
        return f"SM{Phone.sent_count:032x}"

    async def send(self, fixture: str = "text", **fields: str) -> list[str]:
        """Sends one message; returns the texts of the messages in Lapor's TwiML answer."""
        params = load_payload(fixture, From=self.address, WaId=self.address.split("+")[1],
                              MessageSid=fields.pop("MessageSid", None) or self.next_sid(), **fields)
        response = await self.post(params)
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("application/xml")
        return [message.text or "" for message in ET.fromstring(response.text).iter("Message")]

    async def text(self, body: str) -> str:
        return "\n".join(await self.send(Body=body))


async def contact_of(engine: Engine, address: str = RESIDENT, *, last_message_ago: dt.timedelta | None = None) -> int:
    """A contact who wrote to the bot (`last_message_ago` ago, or just now)."""
    await Resident(engine, address).send("halo")
    urn_hash = ContactCipher(TEST_SECRET).lookup_hash(address)
    async with engine.sessions() as db, db.begin():
        contact = (await db.execute(select(Contact).where(Contact.urn_hash == urn_hash))).scalar_one()
        if last_message_ago is not None:
            contact.last_inbound_at = utcnow() - last_message_ago
        return contact.id


async def alerts(engine: Engine) -> list[Outbox]:
    async with engine.sessions() as db:
        return list((await db.execute(select(Outbox).where(Outbox.kind == "officer_alert")
                                      .order_by(Outbox.id))).scalars())


async def at_location(engine: Engine, urn: str = "console:resident") -> Resident:
    resident = Resident(engine, urn)
    for message in ("halo", "1", "1", DESCRIPTION):
        await resident.send(message)
    assert resident.heard("report.ask_location")
    return resident


async def finish(resident: Resident) -> Report:
    await another_incident(resident)
    for message in ("2", "lewati", "2"):
        await resident.send(message)
    assert resident.heard("report.summary"), resident.text
    await resident.send("kirim")
    assert resident.heard("report.submitted"), resident.text
    async with resident.engine.sessions() as db:
        return (await db.execute(select(Report).order_by(Report.id.desc()))).scalars().first()


async def station_code(engine: Engine, report: Report) -> str | None:
    async with engine.sessions() as db:
        station = await db.get(Station, report.station_id) if report.station_id else None
    return station.code if station else None


# --- the station web page, in process: the routes over httpx, signed in through the chat's link -----------

BASE_URL = "http://lapor.test"


def web_app(engine: Engine, data_dir: Path, **settings: object) -> Starlette:
    """The page's routes with the state the service's lifespan gives them."""
    app = Starlette(routes=web.routes())
    app.state.settings = Settings(_env_file=None, public_base_url=BASE_URL, secret_key=TEST_SECRET,  # type: ignore[call-arg]
                                  data_dir=data_dir, **settings)
    app.state.engine = engine
    engine.web_url = BASE_URL
    return app


def browser(app: Starlette) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL, follow_redirects=False)


async def sign_in_link(officer: Resident) -> str:
    """The link DASBOR sends, as the officer's chat shows it."""
    await officer.send("DASBOR")
    assert officer.heard("officer.dashboard_link"), officer.text
    found = re.search(r"https?://\S+/masuk/\S+", officer.text)
    assert found is not None
    return found.group(0)


async def signed_in(app: Starlette, officer: Resident) -> httpx.AsyncClient:
    """A browser that opened the officer's link and pressed its button."""
    client = browser(app)
    path = (await sign_in_link(officer)).removeprefix(BASE_URL)
    assert (await client.get(path)).status_code == 200
    opened = await client.post(path)
    assert opened.status_code == 303, opened.text
    return client


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([0-9a-f]+)"', html)
    assert found is not None, "no CSRF token on the page"
    return found.group(1)


async def a_report(engine: Engine, *, identity: str = "2", place: str | None = None) -> str:
    """A resident's report to Polsek Sananwetan (confidential unless said otherwise); its ref."""
    resident = Resident(engine, RESIDENT)
    await walk_to_summary(resident, identity=identity)
    await resident.send("kirim")
    ref = find_ref(resident.text)
    assert ref is not None
    if place is not None:
        async with engine.sessions() as db, db.begin():
            report = (await db.execute(select(Report).where(Report.ref == ref))).scalar_one()
            report.location_text = place
    return ref
