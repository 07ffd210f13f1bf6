"""Voice notes: read from their bytes (format, length, tags left behind), told as a report's story or as the
answer to an officer's question, refused with a clear answer anywhere else or when they are too long, too large
or of another format; on SQLite and PostgreSQL through the engine, in the terminal chat, and over WhatsApp and
Telegram on `lapor serve` with the real clients against the fake APIs, to officers of the other channel."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import struct
from collections.abc import Awaitable
from pathlib import Path

import httpx
import pytest
import soundfile
from sqlalchemy import select

from bot.channels.base import Media, Outbound
from bot.channels.console import ConsoleChannel
from handlers.engine import Engine
from harness.fake_telegram import photo_update, text_update, voice_update
from harness.loopback import until
from storage.media import MAX_VOICE_BYTES, MediaRejected, MediaStore
from storage.models import Attachment, Outbox, utcnow
from storage.reports import find_ref
from tests.helpers import (
    PLACE,
    PUBLIC,
    Phone,
    Resident,
    TelegramChat,
    adts_voice,
    amr_voice,
    at,
    browser,
    draft_of,
    enrolled,
    enrolled_on_telegram,
    invite,
    lapor,
    m4a_voice,
    payload,
    photo,
    service,
    signed_in,
    step_of,
    voice_note,
    web_app,
)

MP3 = ("MP3", "MPEG_LAYER_III")


@pytest.mark.parametrize(("data", "content_type", "extension", "seconds"), [
    (voice_note(7), "audio/ogg", "ogg", 7),
    (voice_note(5, *MP3), "audio/mpeg", "mp3", 5),
    (amr_voice(42), "audio/amr", "amr", 42),
    (adts_voice(6), "audio/aac", "aac", 6),
    (m4a_voice(42), "audio/mp4", "m4a", 42),
], ids=["ogg-opus", "mp3", "amr", "aac", "m4a"])
def test_each_accepted_format_is_known_by_its_bytes_with_its_length(tmp_path: Path, data: bytes, content_type: str,
                                                                     extension: str, seconds: int) -> None:
    stored = MediaStore(tmp_path).save_voice(data)
    assert (stored.content_type, stored.duration_seconds) == (content_type, seconds)
    token = stored.stored_name.removesuffix(f".{extension}")
    assert stored.stored_name.endswith(f".{extension}") and len(token) == 64
    assert hashlib.sha256(token.encode() + (tmp_path / stored.stored_name).read_bytes()).hexdigest() == stored.sha256


@pytest.mark.parametrize(("data", "reason"), [
    (voice_note(3, "WAV", "PCM_16"), "not_audio"),
    (voice_note(3, "OGG", "VORBIS"), "not_audio"),  # OGG, but not Opus
    (voice_note(3)[:-200], "not_audio"),  # cut short
    (photo("JPEG"), "not_audio"),
    (m4a_voice(5, track=b"vide"), "not_audio"),  # a video
    (b"#!AMR\n" + b"\x4c" * 40, "not_audio"),  # a frame type AMR reserves
    (b"halo pak, motor saya hilang", "not_audio"),
    (b"", "empty"),
    (amr_voice(181), "too_long"),
    (amr_voice(10) + bytes(MAX_VOICE_BYTES), "too_large"),
], ids=["wav", "ogg-vorbis", "ogg-truncated", "jpeg", "mp4-video", "amr-reserved", "text", "empty", "181-seconds",
        "over-5-MB"])
def test_what_is_no_accepted_voice_note_is_refused_and_not_kept(tmp_path: Path, data: bytes, reason: str) -> None:
    with pytest.raises(MediaRejected) as refused:
        MediaStore(tmp_path).save_voice(data)
    assert refused.value.reason == reason
    assert not tmp_path.exists() or not list(tmp_path.iterdir())


def test_three_minutes_are_taken_and_an_ogg_s_tags_are_left_behind(tmp_path: Path) -> None:
    sent = voice_note(4, title="Rumah Pak Budi, Jl. Merdeka 5")
    assert b"Jl. Merdeka" in sent
    stored = MediaStore(tmp_path).save_voice(sent)
    kept = (tmp_path / stored.stored_name).read_bytes()
    assert b"Jl. Merdeka" not in kept and stored.sha256 != hashlib.sha256(sent).hexdigest()
    # libogg checks each page's checksum: the pages written anew decode to every sample that was sent.
    assert len(soundfile.read(io.BytesIO(kept))[0]) == len(soundfile.read(io.BytesIO(sent))[0])
    assert MediaStore(tmp_path).save_voice(amr_voice(180)).duration_seconds == 180


def test_an_m4a_keeps_its_sound_where_it_was_and_loses_its_title(tmp_path: Path) -> None:
    sent = m4a_voice(30, title="Rekaman Jl. Merdeka 5")
    stored = MediaStore(tmp_path).save_voice(sent)
    kept = (tmp_path / stored.stored_name).read_bytes()
    assert b"Jl. Merdeka" in sent and b"Jl. Merdeka" not in kept
    assert len(kept) == len(sent) and kept.endswith(m4a_voice(30)[-72:]), "the sound's offsets still hold"
    assert MediaStore(tmp_path).save_voice(kept).duration_seconds == 30


MP4_EPOCH = dt.datetime(1904, 1, 1, tzinfo=dt.UTC)  # MP4 counts its times in seconds from here


@pytest.mark.parametrize("version", [0, 1])
def test_an_m4a_keeps_no_time_it_was_recorded_at(tmp_path: Path, version: int) -> None:
    recorded = int((dt.datetime(2026, 12, 7, 8, 41, 17, tzinfo=dt.UTC) - MP4_EPOCH).total_seconds())
    sent = m4a_voice(30, recorded=recorded, version=version)
    width = ">Q" if version else ">I"
    stored = MediaStore(tmp_path).save_voice(sent)
    kept = (tmp_path / stored.stored_name).read_bytes()
    for header in (b"mvhd", b"tkhd", b"mdhd"):  # each box's creation and modification time, after version and flags
        at = sent.index(header) + 8
        assert struct.unpack_from(width, sent, at)[0] == recorded, "the file sent holds the time"
        assert kept.index(header) == sent.index(header)
        assert struct.unpack_from(width + width[1], kept, at) == (0, 0), f"{header!r} keeps a time"
    assert len(kept) == len(sent) and kept.endswith(sent[-72:]), "the sound's offsets still hold"
    assert MediaStore(tmp_path).save_voice(kept).duration_seconds == 30


async def send_story_as_voice(resident: Resident, path: Path, caption: str = "lewati") -> None:
    for answer in ("halo", "1", "1"):
        await resident.send(answer)
    await resident.send(voice=path)
    assert resident.heard("report.ask_voice_caption"), resident.text
    await resident.send(caption)
    assert resident.heard("report.ask_location"), resident.text


async def test_a_voice_note_told_as_the_story_reaches_the_summary_and_the_officer(engine: Engine,
                                                                                  tmp_path: Path) -> None:
    await enrolled(engine, "console:petugas")
    recording = tmp_path / "cerita.ogg"
    recording.write_bytes(voice_note(42))
    resident = Resident(engine)
    await send_story_as_voice(resident, recording)
    for answer in (PLACE, "ya", "2", "lewati"):
        await resident.send(answer)
    assert resident.heard("report.voice_identifies") and resident.heard("report.ask_identity"), resident.text
    await resident.send("2")  # confidential
    assert "🎤 pesan suara 0:42" in resident.text, resident.text
    await resident.send("kirim")
    ref = find_ref(resident.text)
    assert ref, resident.text

    async with engine.sessions() as db:
        [kept] = (await db.execute(select(Attachment))).scalars().all()
        [alert] = (await db.execute(select(Outbox).where(Outbox.kind == "officer_alert"))).scalars().all()
    assert (kept.content_type, kept.duration_seconds) == ("audio/ogg", 42)
    assert (tmp_path / "media" / str(kept.stored_name)).is_file()
    sent = payload(alert)
    assert ref in sent["text"] and "🎤 pesan suara 0:42" in sent["text"]
    assert sent["voice"]["stored_name"] == kept.stored_name and sent["voice"]["duration_seconds"] == 42


async def test_a_line_added_to_the_voice_note_goes_with_it(engine: Engine, tmp_path: Path) -> None:
    recording = tmp_path / "cerita.m4a"
    recording.write_bytes(m4a_voice(75))
    resident = Resident(engine)
    await send_story_as_voice(resident, recording, caption="Motor saya dicuri di pasar")
    for answer in (PLACE, "ya", "2", "lewati", "3"):
        await resident.send(answer)
    assert "🎤 pesan suara 1:15 — Motor saya dicuri di pasar" in resident.text, resident.text


async def test_a_correction_while_the_line_is_asked_asks_for_the_line_again(engine: Engine, tmp_path: Path) -> None:
    recording = tmp_path / "cerita.ogg"
    recording.write_bytes(voice_note(20))
    resident = Resident(engine)
    for answer in ("halo", "1", "1"):
        await resident.send(answer)
    await resident.send(voice=recording)
    await resident.send("waktunya salah, harusnya kemarin malam")
    assert resident.heard("report.ask_voice_caption"), resident.text  # the voice note is still the story
    await resident.send("lewati")
    for answer in (PLACE, "ya"):
        await resident.send(answer)
    assert resident.heard("report.ask_photo"), resident.text  # the time was given with the correction
    for answer in ("lewati", "2"):
        await resident.send(answer)
    assert "🎤 pesan suara 0:20" in resident.text and "Waktu: kemarin malam" in resident.text, resident.text


async def test_a_voice_note_of_another_format_or_too_long_gets_a_clear_answer(engine: Engine,
                                                                              tmp_path: Path) -> None:
    resident = await at(engine, "description")
    wav, long = tmp_path / "cerita.wav", tmp_path / "panjang.amr"
    wav.write_bytes(voice_note(3, "WAV", "PCM_16"))
    long.write_bytes(amr_voice(200))
    await resident.send(voice=wav)
    assert resident.heard("voice.rejected_not_audio") and "OGG/Opus" in resident.text and "AMR" in resident.text
    assert resident.heard("report.ask_description"), "the question again"
    await resident.send(voice=long)
    assert resident.heard("voice.rejected_too_long") and resident.heard("report.ask_description")
    assert await step_of(engine, resident) == "description"
    assert not (tmp_path / "media").exists() or not list((tmp_path / "media").iterdir()), "nothing kept"


async def test_a_voice_note_at_another_step_is_answered_and_not_kept(engine: Engine, tmp_path: Path) -> None:
    recording = tmp_path / "cerita.ogg"
    recording.write_bytes(voice_note(3))
    resident = await at(engine, "when")
    await resident.send(voice=recording)
    assert resident.heard("voice.rejected_not_now") and resident.heard("report.ask_when"), resident.text
    assert not (tmp_path / "media").exists() or not list((tmp_path / "media").iterdir()), "nothing kept"


@pytest.mark.parametrize("before", [(), ("halo",)])
async def test_a_voice_note_sent_first_begins_a_report_with_it_as_the_story(
        engine: Engine, tmp_path: Path, before: tuple[str, ...]) -> None:
    """WhatsApp users often begin with a voice note, as the first message or at the menu: the report begins with it
    as its story, its line is asked, then the kind, as no words named it."""
    recording = tmp_path / "cerita.ogg"
    recording.write_bytes(voice_note(4))
    resident = Resident(engine)
    for said in before:
        await resident.send(said)
    await resident.send(voice=recording)
    assert resident.heard("report.ask_voice_caption") and not resident.heard("voice.rejected_not_now"), resident.text
    await resident.send("lewati")
    assert resident.heard("report.ask_category"), resident.text
    await resident.send("1")
    assert resident.heard("report.ask_location"), resident.text
    draft = await draft_of(engine)
    assert draft["category"] == "security" and draft["description"].startswith("🎤") and draft["voice"]
    assert len(list((tmp_path / "media").iterdir())) == 1, "the voice note is kept"


async def test_a_voice_note_at_an_officers_menu_begins_no_report(engine: Engine, tmp_path: Path) -> None:
    recording = tmp_path / "cerita.ogg"
    recording.write_bytes(voice_note(4))
    officer = await enrolled(engine, "console:petugas")
    await officer.send(voice=recording)
    assert officer.heard("voice.rejected_not_now") and not officer.heard("report.ask_voice_caption"), officer.text
    assert await step_of(engine, officer) == "menu"


@pytest.mark.parametrize(("caption", "kind"), [("motor sy dicuri di parkiran pasar", "security"),
                                               ("ada kecelakaan di perempatan", "traffic")])
async def test_a_voice_note_sent_first_with_a_caption_reads_the_kind_from_it(
        engine: Engine, tmp_path: Path, caption: str, kind: str) -> None:
    recording = tmp_path / "cerita.ogg"
    recording.write_bytes(voice_note(4))
    resident = Resident(engine)
    await resident.send(caption, voice=recording)
    assert not resident.heard("report.ask_category") and not resident.heard("report.ask_voice_caption"), \
        resident.text
    draft = await draft_of(engine)
    assert draft["category"] == kind and draft["description"].endswith(caption)


async def test_an_officer_s_question_answered_with_a_voice_note(engine: Engine, tmp_path: Path) -> None:
    officer_urn = "console:petugas"
    await enrolled(engine, officer_urn)
    resident = await at(engine, "summary")
    await resident.send("kirim")
    ref = find_ref(resident.text)
    officer = Resident(engine, officer_urn)
    await officer.send(f"INFO {ref} Motornya warna apa, pak?")
    assert officer.heard("officer.done.info"), officer.text
    recording = tmp_path / "jawaban.ogg"
    recording.write_bytes(voice_note(12))
    await resident.send(voice=recording)
    assert resident.heard("relay.answer_sent"), resident.text
    async with engine.sessions() as db:
        [answer] = (await db.execute(select(Outbox).where(Outbox.kind == "info_reply"))).scalars().all()
        [kept] = (await db.execute(select(Attachment))).scalars().all()
    relayed = payload(answer)
    assert ref in relayed["text"] and "🎤 pesan suara 0:12" in relayed["text"]
    assert relayed["voice"]["stored_name"] == kept.stored_name and kept.duration_seconds == 12


async def test_the_station_page_plays_the_voice_note_to_its_officers_only(engine: Engine, tmp_path: Path) -> None:
    app = web_app(engine, tmp_path)
    duty = await enrolled(engine, "telegram:700801")
    (tmp_path / "cerita.ogg").write_bytes(voice_note(5))
    resident = Resident(engine)
    await send_story_as_voice(resident, tmp_path / "cerita.ogg")
    for answer in (PLACE, "ya", "2", "lewati", "2", "kirim"):
        await resident.send(answer)
    ref = find_ref(resident.text)
    client = await signed_in(app, duty)
    page = await client.get(f"/laporan/{ref}")
    assert page.status_code == 200 and "🎤 pesan suara 0:05" in page.text
    [source] = re.findall(r'<audio controls[^>]*><source src="([^"]+)" type="audio/ogg">', page.text)
    played = await client.get(source)
    assert played.status_code == 200 and played.headers["content-type"] == "audio/ogg"
    assert played.content == await stored_file(engine, tmp_path / "media")
    await client.aclose()
    elsewhere = await signed_in(app, await enrolled(engine, "telegram:700802", station="POLSEK-SEKAR"))
    assert (await elsewhere.get(source)).status_code == 404, "another station's officer hears nothing"
    await elsewhere.aclose()
    async with browser(app) as stranger:
        assert (await stranger.get(source)).status_code == 401


async def test_the_retention_sweep_keeps_a_draft_s_voice_note_and_takes_a_purged_report_s(engine: Engine,
                                                                                          tmp_path: Path) -> None:
    petugas = await enrolled(engine, "console:petugas")
    (tmp_path / "draft.amr").write_bytes(amr_voice(30))
    (tmp_path / "story.amr").write_bytes(amr_voice(40))
    (tmp_path / "answer.amr").write_bytes(amr_voice(50))
    await send_story_as_voice(Resident(engine, "console:belum"), tmp_path / "draft.amr")  # never sent
    resident = Resident(engine)
    await send_story_as_voice(resident, tmp_path / "story.amr")
    for answer in (PLACE, "ya", "2", "lewati", "2", "kirim"):
        await resident.send(answer)
    ref = find_ref(resident.text)
    await petugas.send(f"INFO {ref} Di depan toko apa?")
    await resident.send(voice=tmp_path / "answer.amr")
    await petugas.send(f"SELESAI {ref} Pelaku sudah diamankan")
    media = tmp_path / "media"
    in_draft, *of_report = sorted(media.iterdir(), key=lambda path: path.stat().st_size)
    assert len(of_report) == 2, "the story and the answer are kept with the report"

    await engine.purge(dt.timedelta(days=365), now=utcnow() + dt.timedelta(days=2))
    assert in_draft.exists() and all(path.exists() for path in of_report), "all in use"
    assert await engine.purge(dt.timedelta(days=365), now=utcnow() + dt.timedelta(days=366)) == 1
    assert not [path for path in of_report if path.exists()], "the purged report's voice notes went"
    assert in_draft.exists(), "a draft still open keeps its voice note, however long it takes"


async def test_the_terminal_chat_sends_a_voice_note_with_slash_voice_and_shows_one() -> None:
    printed = io.StringIO()
    chat = ConsoleChannel("console:local", printed)
    inbound = chat.receive('/voice "rekaman saya/cerita.ogg"')
    assert inbound.voice is not None and inbound.voice.path == "rekaman saya/cerita.ogg"
    assert inbound.voice.content_type == "audio/ogg" and inbound.text == "" and inbound.media == ()
    await chat.send(Outbound("console:local", "Laporan baru", voice=Media("audio/ogg", path="media/ab.ogg")))
    assert printed.getvalue().splitlines()[0] == "Lapor: [pesan suara: media/ab.ogg]"


def test_lapor_chat_takes_a_voice_note_as_the_story(tmp_path: Path, database_url: str) -> None:
    (tmp_path / "cerita.ogg").write_bytes(voice_note(9))
    lines = ["halo", "1", "1", "/voice cerita.ogg", "lewati", PLACE, "ya", "2", "lewati", "2"]
    chat = lapor("chat", data_dir=tmp_path, database_url=database_url, stdin="\n".join(lines) + "\n")
    assert chat.returncode == 0, chat.stderr
    assert "Tambahkan keterangan singkat? Lewati boleh." in chat.stdout
    assert "🎤 pesan suara 0:09" in chat.stdout and "Periksa laporan Anda" in chat.stdout, chat.stdout


OFFICER_CHAT, RESIDENT_CHAT = 700701, 424243
OFFICER_NUMBER, RESIDENT_NUMBER = "+6281399990001", "+6281234567891"
AFTER_THE_STORY = ("lewati", PLACE, "ya", "2", "lewati", "2")  # no line; the place; today; no photo; confidential


async def stored_file(engine: Engine, media: Path) -> bytes:
    async with engine.sessions() as db:
        [kept] = (await db.execute(select(Attachment))).scalars().all()
    return (media / str(kept.stored_name)).read_bytes()


async def test_whatsapp_voice_note_reaches_a_telegram_officer_as_a_voice(tmp_path: Path, database_url: str) -> None:
    recording = voice_note(8)
    async with service(tmp_path, database_url) as (url, engine, telegram, twilio), \
            httpx.AsyncClient(base_url=url) as http:
        await enrolled_on_telegram(http, engine, telegram, OFFICER_CHAT)

        resident = Phone(http, f"whatsapp:{RESIDENT_NUMBER}")
        for answer in ("halo", "1", "1"):
            await resident.text(answer)
        wav = twilio.add_media("MM" + "6" * 32, "ME" + "6" * 32, voice_note(3, "WAV", "PCM_16"), "audio/ogg")
        refused = await resident.send("audio", MediaUrl0=wav, MessageSid="MM" + "6" * 32)
        assert any("belum didukung" in text and "OGG/Opus" in text and "AMR" in text for text in refused), refused
        assert any("Ceritakan apa yang terjadi" in text for text in refused), "and the question again"
        media_url = twilio.add_media("MM" + "7" * 32, "ME" + "8" * 32, recording, "audio/ogg")
        asked = await resident.send("audio", MediaUrl0=media_url, MessageSid="MM" + "7" * 32)
        assert any("Tambahkan keterangan singkat? Lewati boleh." in text for text in asked), asked
        assert twilio.media_requests and all(request["authorized"] for request in twilio.media_requests)
        for answer in AFTER_THE_STORY:
            summary = await resident.text(answer)
        assert "🎤 pesan suara 0:08" in summary, summary
        ref = find_ref(await resident.text("kirim"))
        assert ref

        await until(lambda: any(ref in text for text in telegram.sent_texts(OFFICER_CHAT)))
        [voice] = telegram.calls_to("sendVoice")
        assert voice["chat_id"] == OFFICER_CHAT and voice["duration"] == 8
        assert voice["voice"] == await stored_file(engine, tmp_path / "media"), "the stored voice note, uploaded"
        assert len(soundfile.read(io.BytesIO(voice["voice"]))[0]) == len(soundfile.read(io.BytesIO(recording))[0])
        [alert] = [text for text in telegram.sent_texts(OFFICER_CHAT) if ref in text]
        assert "🎤 pesan suara 0:08" in alert and RESIDENT_NUMBER.lstrip("+") not in alert


async def test_telegram_voice_note_reaches_a_whatsapp_officer_through_a_signed_link(tmp_path: Path,
                                                                                    database_url: str) -> None:
    recording = voice_note(8)
    async with service(tmp_path, database_url) as (url, engine, telegram, twilio), \
            httpx.AsyncClient(base_url=url) as http:
        officer = Phone(http, f"whatsapp:{OFFICER_NUMBER}")
        assert "Terdaftar" in await officer.text(f"DAFTAR {await invite(engine, 'POLSEK-SANANWETAN')}")
        resident = TelegramChat(http, telegram.webhook["secret_token"], RESIDENT_CHAT)

        async def say(post: Awaitable[None], then: str) -> str:
            """What the bot answered the resident's update, once its last message, saying `then`, came."""
            before = len(telegram.sent_texts(RESIDENT_CHAT))
            await post
            await until(lambda: any(then in text for text in telegram.sent_texts(RESIDENT_CHAT)[before:]))
            return "\n".join(telegram.sent_texts(RESIDENT_CHAT)[before:])

        for answer, then in (("halo", "Apa yang bisa kami bantu?"), ("1", "Laporan tentang apa?"),
                             ("1", "Ceritakan apa yang terjadi")):
            await say(resident.text(answer), then)
        telegram.add_file("long-voice", voice_note(1), "voice/file_0.oga")
        TelegramChat.update_id += 1
        refused = await say(resident.post(voice_update(TelegramChat.update_id, RESIDENT_CHAT, "long-voice",
                                                       duration=200)), "Ceritakan apa yang terjadi")
        assert "terlalu panjang (maksimal 3 menit)" in refused
        assert not telegram.calls_to("getFile"), "a voice note declared too long is not downloaded"

        telegram.add_file("resident-voice", recording, "voice/file_1.oga")
        TelegramChat.update_id += 1
        await say(resident.post(voice_update(TelegramChat.update_id, RESIDENT_CHAT, "resident-voice", duration=8,
                                             file_size=len(recording))), "Tambahkan keterangan singkat? Lewati boleh.")
        for answer, then in zip(AFTER_THE_STORY, ("Di mana", "Maksud Anda", "Kapan", "Ada foto?", "Bagaimana identitas",
                                                  "Periksa laporan Anda"), strict=True):
            await say(resident.text(answer), then)
        ref = find_ref(await say(resident.text("kirim"), "LP-"))
        assert ref

        await until(lambda: any(m.get("MediaUrl") for m in twilio.sent(f"whatsapp:{OFFICER_NUMBER}")))
        [link] = [m["MediaUrl"][0] for m in twilio.sent(f"whatsapp:{OFFICER_NUMBER}") if m.get("MediaUrl")]
        assert link.startswith(f"{PUBLIC}/media/") and ".ogg?" in link, "Twilio fetches it from our public address"
        fetched = await http.get(link.removeprefix(PUBLIC))
        assert fetched.status_code == 200 and fetched.headers["content-type"] == "audio/ogg"
        assert fetched.content == await stored_file(engine, tmp_path / "media")
        assert fetched.headers["x-content-type-options"] == "nosniff"
        forged = link.rsplit("sig=", 1)[0] + "sig=" + "0" * 64
        assert (await http.get(forged.removeprefix(PUBLIC))).status_code == 404
        await until(lambda: any(ref in m.get("Body", "") for m in twilio.sent(f"whatsapp:{OFFICER_NUMBER}")))
        [alert] = [m["Body"] for m in twilio.sent(f"whatsapp:{OFFICER_NUMBER}") if ref in m.get("Body", "")]
        assert "🎤 pesan suara 0:08" in alert and str(RESIDENT_CHAT) not in alert


async def test_telegram_officers_get_the_stored_copies_never_the_residents_own_files(tmp_path: Path,
                                                                                     database_url: str) -> None:
    """The resident's upload may carry tags and is theirs: officers get what was stored, stripped, and an anonymous
    report keeps no Telegram file id that would lead back to the chat that sent it."""
    recording, picture = voice_note(6), photo("JPEG", shade=5)
    async with service(tmp_path, database_url) as (url, engine, telegram, _twilio), \
            httpx.AsyncClient(base_url=url) as http:
        await enrolled_on_telegram(http, engine, telegram, OFFICER_CHAT)
        resident = TelegramChat(http, telegram.webhook["secret_token"], RESIDENT_CHAT)

        async def say(update: dict, then: str) -> None:
            before = len(telegram.sent_texts(RESIDENT_CHAT))
            await resident.post(update)
            await until(lambda: any(then in text for text in telegram.sent_texts(RESIDENT_CHAT)[before:]))

        def text(words: str) -> dict:
            TelegramChat.update_id += 1
            return text_update(TelegramChat.update_id, RESIDENT_CHAT, words)

        for answer, then in (("halo", "Apa yang bisa kami bantu?"), ("1", "Laporan tentang apa?"),
                             ("1", "Ceritakan apa yang terjadi")):
            await say(text(answer), then)
        telegram.add_file("resident-voice", recording, "voice/file_1.oga")
        TelegramChat.update_id += 1
        await say(voice_update(TelegramChat.update_id, RESIDENT_CHAT, "resident-voice", duration=6),
                  "Tambahkan keterangan singkat?")
        for answer, then in (("lewati", "Di mana"), (PLACE, "Maksud Anda"), ("ya", "Kapan"), ("2", "Ada foto?")):
            await say(text(answer), then)
        telegram.add_file("resident-photo", picture, "photos/file_2.jpg")
        TelegramChat.update_id += 1
        await say(photo_update(TelegramChat.update_id, RESIDENT_CHAT, "resident-photo", file_size=len(picture)),
                  "Bagaimana identitas")
        await say(text("3"), "Periksa laporan Anda")
        before = len(telegram.sent_texts(RESIDENT_CHAT))
        await resident.post(text("kirim"))
        await until(lambda: any("LP-" in text for text in telegram.sent_texts(RESIDENT_CHAT)[before:]))

        await until(lambda: telegram.calls_to("sendVoice") and telegram.calls_to("sendPhoto"))
        [voice], [sent_photo] = telegram.calls_to("sendVoice"), telegram.calls_to("sendPhoto")
        async with engine.sessions() as db:
            kept = list((await db.execute(select(Attachment))).scalars())
        stored = {row.content_type: (tmp_path / "media" / str(row.stored_name)).read_bytes() for row in kept}
        assert voice["chat_id"] == OFFICER_CHAT and voice["voice"] == stored["audio/ogg"], "the stored copy, uploaded"
        assert sent_photo["chat_id"] == OFFICER_CHAT and sent_photo["photo"] == stored["image/jpeg"]
        columns = [getattr(row, column.key) for row in kept for column in Attachment.__table__.columns]
        assert not {"resident-voice", "resident-photo"} & set(columns), "no file id of the resident's kept"


@pytest.mark.parametrize("place", ["gedog", "kel gedog", "gedog sananwetan blitar"])
@pytest.mark.parametrize("before", [("halo", "1", "1", "voice"), ("halo", "voice"), ("halo", "voice", "lewati")])
async def test_a_place_typed_after_a_voice_note_is_read_as_after_a_story_typed(
        engine: Engine, tmp_path: Path, place: str, before: tuple[str, ...]) -> None:
    """In a report, at the menu, or where the kind is asked after it: the place is no line of the voice note, nor
    a wrong option."""
    recording = tmp_path / "cerita.ogg"
    recording.write_bytes(voice_note(6))
    resident = Resident(engine)
    for said in before:
        await (resident.send(voice=recording) if said == "voice" else resident.send(said))
    await resident.send(place)
    gedog = "Kel. Gedog, Kec. Sananwetan, Kota Blitar"
    assert gedog in resident.text or any(gedog in option for option in resident.options()), resident.text
    assert not resident.heard("common.not_a_choice") and not resident.heard("report.ask_location"), resident.text
    assert await step_of(engine, resident) in ("place_check", "place_pick")
    draft = await draft_of(engine)
    assert draft["description"] == "🎤 pesan suara 0:06" and draft["voice"], draft


@pytest.mark.parametrize("line", ["motor saya dicuri di parkiran", "pelakunya 2 orang", "tadi malam jam 9"])
async def test_a_line_after_a_voice_note_that_is_no_place_alone_stays_its_line(engine: Engine, tmp_path: Path,
                                                                                line: str) -> None:
    recording = tmp_path / "cerita.ogg"
    recording.write_bytes(voice_note(6))
    resident = Resident(engine)
    for said in ("halo", "1", "1"):
        await resident.send(said)
    await resident.send(voice=recording)
    await resident.send(line)
    assert (await draft_of(engine))["description"] == f"🎤 pesan suara 0:06 — {line}", resident.text
