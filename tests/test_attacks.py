"""What an attacker or a broken client sends to Lapor's outside surfaces: each gets a clear answer with the right
status, and the service keeps running."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select
from starlette.applications import Starlette
from starlette.routing import Route
from telegram import Bot

from bot.app import photo as media_route
from bot.channels.telegram import TelegramChannel, read_update
from bot.config import Settings
from bot.photos import Photos
from handlers.engine import Engine
from handlers.i18n import t
from harness.fake_telegram import TOKEN, callback_update, text_update, voice_update
from harness.fake_twilio import load_payload
from harness.loopback import serving, until
from storage.media import MAX_MEDIA_A_REPORT, MediaStore
from storage.models import Attachment, Outbox, PatrolNote, Report, ReportEvent
from storage.reports import find_ref
from tests.helpers import (
    PUBLIC,
    TEST_SECRET,
    Phone,
    Resident,
    TelegramChat,
    a_report,
    csrf_of,
    enrolled,
    enrolled_on_telegram,
    file_report,
    payload,
    photo,
    service,
    signed_in,
    voice_note,
    web_app,
)

STORY = "motor sy dicuri di depan rumah kel gedog sananwetan blitar tadi malam"


@pytest.mark.parametrize("query", ["page=²", "page_size=" + "9" * 5000, "page=" + "0" * 4400 + "1"])
async def test_open311_paging_that_is_no_ascii_number_is_a_400(tmp_path: Path, database_url: str, query: str) -> None:
    """isdigit() passes a superscript digit, which int() refuses, and int() refuses past 4,300
    digits: each was a 500."""
    settings = Settings(_env_file=None, data_dir=tmp_path, database_url=database_url,  # type: ignore[call-arg]
                        secret_key=TEST_SECRET, open311_enabled=True)
    async with serving(settings) as (url, _engine), httpx.AsyncClient(base_url=url) as client:
        response = await client.get(f"/open311/v2/requests.json?{query}")
        assert response.status_code == 400, response.text
        [error] = response.json()
        assert error["code"] == 400 and "must be a whole number" in error["description"]
        assert (await client.get("/open311/v2/requests.json?page=2&page_size=10")).status_code == 200


async def test_a_page_number_of_thousands_of_digits_shows_the_first_page(engine: Engine, tmp_path: Path) -> None:
    app = web_app(engine, tmp_path)
    ref = await a_report(engine)
    client = await signed_in(app, await enrolled(engine, "telegram:700020"))
    for asked in ("9" * 5000, "²", "-1", "0", ""):
        table = await client.get("/laporan", params={"hal": asked})
        assert table.status_code == 200 and ref in table.text, asked
    assert ref not in (await client.get("/laporan", params={"hal": "2"})).text


async def test_what_the_page_posts_is_cleaned_as_the_chat_cleans_what_is_typed(engine: Engine, tmp_path: Path) -> None:
    """A NUL was a 500 on PostgreSQL, and a direction override reached the resident's relay as typed, reordering
    the words they read; the chat strips both from what an officer types."""
    app = web_app(engine, tmp_path)
    ref = await a_report(engine)
    client = await signed_in(app, await enrolled(engine, "telegram:700021"))
    csrf = csrf_of((await client.get(f"/laporan/{ref}")).text)
    noted = await client.post(f"/laporan/{ref}", data={"csrf": csrf, "action": "note",
                                                        "argument": "CCTV\x00 toko sudah\u200b diminta"})
    assert noted.status_code == 303 and "catatan: CCTV toko sudah diminta" in (await client.get(f"/laporan/{ref}")).text
    asked = await client.post(f"/laporan/{ref}", data={"csrf": csrf, "action": "info",
                                                        "argument": "Mohon kirim \u202eplat nomornya\u202c ya\x00"})
    assert asked.status_code == 303, asked.text
    patrol = await client.post("/patroli", data={"csrf": csrf, "tempat": "Pos ronda\x00 RW 3 Gedog", "warga": "4",
                                                  "keluhan_1": "Balap liar\x00 tiap malam",
                                                  "kelurahan": "seperti_ditulis"})
    assert patrol.status_code == 303, patrol.text
    async with engine.sessions() as db:
        notes = [e.note for e in (await db.execute(select(ReportEvent).where(ReportEvent.note.is_not(None))
                                                   .order_by(ReportEvent.id))).scalars()]
        relays = [payload(row)["text"] for row in (await db.execute(
            select(Outbox).where(Outbox.kind == "status_update"))).scalars()]
        place = (await db.execute(select(PatrolNote.place_text))).scalar_one()
    assert notes[:2] == ["CCTV toko sudah diminta", "Mohon kirim plat nomornya ya"], notes
    assert relays and "Mohon kirim plat nomornya ya" in relays[-1]
    assert place == "Pos ronda RW 3 Gedog"


async def test_an_address_with_a_nul_is_a_400_on_every_database(engine: Engine, tmp_path: Path) -> None:
    """PostgreSQL refuses a NUL in any text a query compares: each of these was a 500 there."""
    app = web_app(engine, tmp_path)
    ref = await a_report(engine)
    client = await signed_in(app, await enrolled(engine, "telegram:700022"))
    for address in ("/laporan?q=%00", "/laporan?q=motor%00", "/laporan?kelurahan=%00", "/laporan.csv?q=%00",
                    "/laporan/%00", f"/laporan/{ref}%00", f"/laporan/{ref}/foto/1%00", "/peta?periode=7&%00=1"):
        answer = await client.get(address)
        assert answer.status_code == 400 and "Alamat halaman ini tidak dapat dibaca" in answer.text, address
    csrf = csrf_of((await client.get(f"/laporan/{ref}")).text)
    refused = await client.post(f"/laporan/{ref}%00", data={"csrf": csrf, "action": "ack"})
    assert refused.status_code == 400
    assert (await client.get("/laporan?q=motor")).status_code == 200
    async with engine.sessions() as db:
        assert (await db.execute(select(Report.status).where(Report.ref == ref))).scalar_one() == "received"


def _photo_sizes(*sizes: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"file_id": f"p{n}", "file_unique_id": f"u{n}", "width": 90, "height": 90, **size}
            for n, size in enumerate(sizes)]


@pytest.mark.parametrize(("field", "value", "expected"), [
    ("voice", {"duration": None}, (None, None)),
    ("voice", {"duration": "lama"}, (None, None)),
    ("voice", {"duration": 8, "file_size": "besar"}, (8, None)),
    ("voice", {"duration": 8, "file_size": -5}, (8, None)),
    ("voice", {"duration": 8.4, "file_size": 4096}, (8, 4096)),
    ("photo", _photo_sizes({"width": "lebar"}, {"width": 320, "height": 320, "file_size": 900}), ("p1", 900)),
    ("photo", _photo_sizes({"file_size": "besar"}), ("p0", None)),
    ("photo", _photo_sizes({"width": None, "height": [1]}), ("p0", None)),
])
def test_a_telegram_file_declared_with_odd_numbers_is_still_taken(field: str, value: Any,
                                                                   expected: tuple[Any, Any]) -> None:
    """Telegram declares a voice note's length and each file's size and sides; the library takes them as they come.
    A null or odd one raised (a KeyError, a TypeError) and the resident had no answer: now it is read as
    undeclared, and the media store reads the file itself."""
    body = voice_update(9, 4242, "v0") if field == "voice" else text_update(9, 4242, "")
    if field == "voice":
        body["message"]["voice"] = {"file_id": "v0", "file_unique_id": "w0", "mime_type": "audio/ogg", **value}
    else:
        del body["message"]["text"]
        body["message"]["photo"] = value
    inbound = TelegramChannel(Bot(TOKEN)).receive(read_update(body, Bot(TOKEN)))
    assert inbound is not None and inbound.unsupported is None
    if field == "voice":
        assert inbound.voice is not None and (inbound.voice.duration_seconds, inbound.voice.size_bytes) == expected
    else:
        [photo] = inbound.media
        assert (photo.file_id, photo.size_bytes) == expected


async def test_a_telegram_voice_note_of_a_null_length_is_read_from_its_bytes(tmp_path: Path,
                                                                                 database_url: str) -> None:
    async with service(tmp_path, database_url) as (url, _engine, telegram, _twilio), \
            httpx.AsyncClient(base_url=url) as http:
        chat = TelegramChat(http, telegram.webhook["secret_token"], 4243)
        for said in ("halo", "1", "1"):
            await chat.text(said)
        await until(lambda: any("Ceritakan" in text for text in telegram.sent_texts(4243)), seconds=20)
        telegram.add_file("no-length", voice_note(4), "voice/file_0.oga")
        TelegramChat.update_id += 1
        update = voice_update(TelegramChat.update_id, 4243, "no-length")
        update["message"]["voice"]["duration"] = None
        await chat.post(update)
        await until(lambda: any("Tambahkan keterangan" in text for text in telegram.sent_texts(4243)), seconds=20,
                    what="the voice note taken")


async def test_a_message_the_library_cannot_read_is_answered_in_a_private_chat_only(tmp_path: Path,
                                                                                     database_url: str) -> None:
    """A voice note with no length at all is no Voice the library can make: it was dropped, and the resident
    heard nothing. The webhook's own answer now tells them; in a group, where nothing is taken, it stays silent."""
    async with service(tmp_path, database_url) as (url, _engine, telegram, _twilio), \
            httpx.AsyncClient(base_url=url) as http:
        headers = {"X-Telegram-Bot-Api-Secret-Token": telegram.webhook["secret_token"]}
        update = voice_update(81, 4245, "no-length")
        del update["message"]["voice"]["duration"]
        answer = await http.post("/telegram/webhook", json=update, headers=headers)
        assert answer.status_code == 200
        assert answer.json() == {"method": "sendMessage", "chat_id": 4245, "text": t("id", "common.unreadable")}
        update = voice_update(82, -100777, "no-length")
        update["message"]["chat"]["type"] = "group"
        del update["message"]["voice"]["duration"]
        answer = await http.post("/telegram/webhook", json=update, headers=headers)
        assert answer.status_code == 200 and answer.content == b""
        await TelegramChat(http, telegram.webhook["secret_token"], 4245).text("halo")  # the service goes on
        await until(lambda: any("Privasi" in text for text in telegram.sent_texts(4245)), seconds=20)


async def test_a_message_the_library_cannot_read_is_answered_in_the_residents_language(tmp_path: Path,
                                                                                         database_url: str) -> None:
    async with service(tmp_path, database_url) as (url, _engine, telegram, _twilio), \
            httpx.AsyncClient(base_url=url) as http:
        chat = TelegramChat(http, telegram.webhook["secret_token"], 4246)
        await chat.text("halo")
        await chat.text("4")  # English, from the menu
        await until(lambda: any("How can we help" in text for text in telegram.sent_texts(4246)), seconds=20)
        update = voice_update(83, 4246, "no-length")
        del update["message"]["voice"]["duration"]
        headers = {"X-Telegram-Bot-Api-Secret-Token": telegram.webhook["secret_token"]}
        answer = await http.post("/telegram/webhook", json=update, headers=headers)
        assert answer.json() == {"method": "sendMessage", "chat_id": 4246, "text": t("en", "common.unreadable")}


async def test_a_signed_media_link_is_kept_by_no_cache(tmp_path: Path) -> None:
    """The file answers with a Last-Modified, from which a shared cache in front of the service may work out a
    freshness of its own: a resident's photo would be served on past its link's day, and after HAPUS."""
    photos = Photos(TEST_SECRET, tmp_path, PUBLIC)
    stored = MediaStore(tmp_path).save_photo(photo("JPEG"))
    app = Starlette(routes=[Route("/media/{name}", media_route)])
    app.state.photos = photos
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=PUBLIC) as client:
        fetched = await client.get(photos.link(stored.stored_name).removeprefix(PUBLIC))
    assert fetched.status_code == 200 and fetched.headers["content-type"] == "image/jpeg"
    assert fetched.headers["cache-control"] == "private, no-store"


async def test_a_button_press_whose_id_cannot_be_encoded_is_taken_not_a_500(tmp_path: Path, database_url: str) -> None:
    """JSON allows a lone surrogate escaped: as the id the webhook's answer echoes, it failed to encode there, after
    the update was kept, so each time it came again it was a 500, holding back the updates behind it."""
    async with service(tmp_path, database_url) as (url, _engine, telegram, _twilio), \
            httpx.AsyncClient(base_url=url) as http:
        headers = {"X-Telegram-Bot-Api-Secret-Token": telegram.webhook["secret_token"]}
        press = callback_update(71, 4244, "c:report", message_id=1)
        press["callback_query"]["id"] = "\ud800"
        for _ in range(2):
            answer = await http.post("/telegram/webhook", content=json.dumps(press), headers=headers)
            assert answer.status_code == 200 and answer.content == b"", answer.text
        await until(lambda: any("Privasi" in text for text in telegram.sent_texts(4244)), seconds=20,
                    what="the press answered (a first contact: the greeting)")
        plain = await http.post("/telegram/webhook", json=callback_update(72, 4244, "c:security", message_id=1),
                                headers=headers)
        assert plain.json() == {"method": "answerCallbackQuery", "callback_query_id": "cbq_72"}


@pytest.mark.parametrize("message_sid", ["SM" + "0" * 31 + "\x00", "x\x00", "SM" + "a" * 5000])
async def test_a_status_callback_of_a_malformed_message_sid_is_a_400(tmp_path: Path, database_url: str,
                                                                      message_sid: str) -> None:
    """An inbound's MessageSid is checked for Twilio's form; a status callback's was not: a NUL in it was a 500 on
    PostgreSQL, which takes none in the outbox's query."""
    async with service(tmp_path, database_url) as (url, _engine, _telegram, _twilio), \
            httpx.AsyncClient(base_url=url) as http:
        phone = Phone(http)
        status = load_payload("status_delivered", MessageSid=message_sid, SmsSid=message_sid)
        assert (await phone.post(status, path="/whatsapp/status")).status_code == 400
        known = load_payload("status_delivered", MessageSid="SM" + "b" * 32, SmsSid="SM" + "b" * 32)
        assert (await phone.post(known, path="/whatsapp/status")).status_code == 200, "a sid not in the outbox"


async def test_a_button_forged_with_another_stations_report_says_no_more_than_a_made_up_one(
        tmp_path: Path, database_url: str) -> None:
    """An officer's chat may post any callback data: another station's real report and a reference no report has
    get the same answer, "not found at your station", neither its format blamed nor its existence told."""
    async with service(tmp_path, database_url) as (url, engine, telegram, _twilio), \
            httpx.AsyncClient(base_url=url) as http:
        _resident, ref = await file_report(engine)  # Polsek Sananwetan's
        async with engine.sessions() as db:
            events = len((await db.execute(select(ReportEvent))).scalars().all())
        chat = await enrolled_on_telegram(http, engine, telegram, 700901, station="POLSEK-SEKAR")
        made_up = "LP-2345-6789"
        answers = {}
        for action in ("ack", "view", "resolve", "reject", "refer"):
            for forged in (ref, made_up):
                before = len(telegram.sent_texts(700901))
                await chat.tap(f"c:{action}:{forged}")

                def answer(seen: int = before, said: str = forged) -> str | None:
                    return next((text for text in telegram.sent_texts(700901)[seen:] if said in text), None)
                await until(lambda: answer() is not None, what="the forged button answered")
                answers[action, forged] = (answer() or "").replace(forged, "REF")
            assert answers[action, ref] == answers[action, made_up] == t("id", "officer.unknown_ref", ref="REF")
        async with engine.sessions() as db:
            [report] = (await db.execute(select(Report))).scalars()
            assert report.status == "received"
            assert len((await db.execute(select(ReportEvent))).scalars().all()) == events


def stored_files(tmp_path: Path) -> list[Path]:
    return [path for path in (tmp_path / "media").glob("*") if not path.name.startswith(".")]


async def test_a_flood_of_photos_keeps_one_file_for_the_report_being_written(engine: Engine, tmp_path: Path) -> None:
    """Each photo sent while a report is written replaced the one before in the draft, and the one replaced stayed on
    disk for a day: 30 photos of 3.3 MB kept 86 MB at once. A file no draft or report uses goes with the message."""
    resident = Resident(engine, "console:flood")
    for shade in range(6):  # alone at the menu: the first starts a report, the others replace it
        sent = tmp_path / f"flood{shade}.jpg"
        sent.write_bytes(photo("JPEG", shade=shade * 20, size=(64, 48)))
        await resident.send(photo=sent)
        assert len(stored_files(tmp_path)) == 1, f"after photo {shade + 1}: {resident.text}"
    for said in (STORY, "iya", "lewati"):
        await resident.send(said)
    for shade in range(3):  # where the photo is asked, or sent again before the summary
        sent = tmp_path / f"again{shade}.png"
        sent.write_bytes(photo("PNG", shade=200 + shade))
        await resident.send(photo=sent)
        assert len(stored_files(tmp_path)) == 1, resident.text
    await resident.send("batal")
    await resident.send("menu")
    assert stored_files(tmp_path) == [], "a report cancelled and gone keeps no file"


async def test_a_report_sent_takes_a_few_photos_after_it_and_then_says_no_more(engine: Engine, tmp_path: Path) -> None:
    resident = Resident(engine, "console:after")
    for said in (STORY, "iya", "lewati", "2", "kirim"):
        await resident.send(said)
    assert find_ref(resident.text)
    for shade in range(MAX_MEDIA_A_REPORT + 3):
        sent = tmp_path / f"after{shade}.jpg"
        sent.write_bytes(photo("JPEG", shade=shade * 10))
        await resident.send("ini fotonya pak", photo=sent)
    assert resident.heard("photo.rejected_too_many"), resident.text
    async with engine.sessions() as db:
        kept = list((await db.execute(select(Attachment.stored_name))).scalars())
    assert len(kept) == MAX_MEDIA_A_REPORT and sorted(kept) == sorted(path.name for path in stored_files(tmp_path))


async def test_a_replayed_photo_keeps_no_second_file(engine: Engine, tmp_path: Path) -> None:
    """A provider's retry of a photo is fetched and stored again before it is known for a replay: that copy goes."""
    resident = Resident(engine, "console:replay")
    sent = tmp_path / "sekali.jpg"
    sent.write_bytes(photo("JPEG", shade=40))
    await resident.send(photo=sent, message_id="SM-photo-once")
    assert await resident.send(photo=sent, message_id="SM-photo-once") == []
    assert len(stored_files(tmp_path)) == 1
