"""The whole loop across channels, on `lapor serve` with both fake APIs: a resident reports, the duty
officer of the station gets the alert, acts on it with one tap (or one number), and the resident hears
back on their own channel. Every payload an officer receives is checked for the reporter's address."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import httpx
from sqlalchemy import select

from bot.channels.console import ConsoleChannel
from bot.outbox import Dispatcher
from harness.fake_telegram import FakeBotAPI, photo_update
from harness.fake_twilio import FakeTwilioAPI
from harness.loopback import until
from storage.models import Contact, Outbox, OutboxState, ReportStatus
from storage.reports import find_ref
from tests.helpers import (
    DESCRIPTION,
    PLACE,
    PUBLIC,
    TEST_SECRET,
    Phone,
    TelegramChat,
    enrolled,
    enrolled_on_telegram,
    file_report,
    invite,
    photo,
    report,
    same_picture,
    service,
)

RESIDENT_NUMBER = "+6281234567890"
OFFICER_CHAT = 700700
RESIDENT_CHAT = 424242
OFFICER_NUMBER = "+6281399990000"


def texts_to(telegram: FakeBotAPI, chat_id: int) -> list[str]:
    return telegram.sent_texts(chat_id)


def bodies_to(twilio: FakeTwilioAPI, number: str) -> list[str]:
    return [message.get("Body", "") for message in twilio.sent(f"whatsapp:{number}")]


BEFORE_PHOTO = ("halo", "1", "1", DESCRIPTION, PLACE, "ya", "2")
AFTER_PHOTO = ("2", "kirim")  # confidential
JPEG = photo("JPEG", shade=3)


def assert_no_reporter_address(payloads: list[object], *addresses: str) -> None:
    for payload in payloads:
        dumped = json.dumps(payload, ensure_ascii=False, default=lambda upload: "<file>")
        for address in addresses:
            assert address not in dumped, f"{address} reached an officer"


async def test_whatsapp_resident_telegram_officer(tmp_path: Path, database_url: str) -> None:
    async with service(tmp_path, database_url) as (url, engine, telegram, twilio), \
            httpx.AsyncClient(base_url=url) as http:
        officer = await enrolled_on_telegram(http, engine, telegram, OFFICER_CHAT)

        resident = Phone(http, f"whatsapp:{RESIDENT_NUMBER}")
        for answer in BEFORE_PHOTO:
            await resident.text(answer)
        await resident.send("image", MediaUrl0=twilio.add_media("MM" + "d" * 32, "ME" + "e" * 32, JPEG, "image/jpeg"),
                            Body="")
        for answer in AFTER_PHOTO:
            confirmation = await resident.text(answer)
        ref = find_ref(confirmation)
        assert ref, confirmation

        await until(lambda: any(ref in text for text in texts_to(telegram, OFFICER_CHAT)))
        [alert] = [call for call in telegram.calls_to("sendMessage")
                   if call.get("chat_id") == OFFICER_CHAT and ref in call["text"]]
        buttons = [row[0]["callback_data"] for row in alert["reply_markup"]["inline_keyboard"]]
        assert buttons[0] == f"c:ack:{ref}" and len(buttons) == 7
        assert DESCRIPTION in alert["text"] and "dirahasiakan" in alert["text"]
        [photo] = telegram.calls_to("sendPhoto")
        assert photo["chat_id"] == OFFICER_CHAT and same_picture(photo["photo"], JPEG), "the resident's photo, uploaded"

        await officer.tap(f"c:ack:{ref}")
        await until(lambda: any(f"Kabar laporan {ref}" in body for body in bodies_to(twilio, RESIDENT_NUMBER)))
        assert (await report(engine, ref)).status == ReportStatus.ACKNOWLEDGED
        await until(lambda: any("ditandai sudah dibaca" in text for text in texts_to(telegram, OFFICER_CHAT)))

        to_officer = [params for _method, params in telegram.calls if params.get("chat_id") == OFFICER_CHAT]
        assert_no_reporter_address(to_officer, RESIDENT_NUMBER, RESIDENT_NUMBER.lstrip("+"))


async def test_telegram_resident_whatsapp_officer(tmp_path: Path, database_url: str) -> None:
    async with service(tmp_path, database_url) as (url, engine, telegram, twilio), \
            httpx.AsyncClient(base_url=url) as http:
        officer = Phone(http, f"whatsapp:{OFFICER_NUMBER}")
        enrolled = await officer.text(f"DAFTAR {await invite(engine, 'POLSEK-SANANWETAN')}")
        assert "Terdaftar" in enrolled

        resident = TelegramChat(http, telegram.webhook["secret_token"], RESIDENT_CHAT)
        telegram.add_file("resident-photo", JPEG)
        for answer in (*BEFORE_PHOTO, "photo", *AFTER_PHOTO):
            before = len(texts_to(telegram, RESIDENT_CHAT))
            if answer == "photo":
                TelegramChat.update_id += 1
                await resident.post(photo_update(TelegramChat.update_id, RESIDENT_CHAT, "resident-photo",
                                                 file_size=len(JPEG)))
            else:
                await resident.text(answer)
            await until(lambda before=before: len(texts_to(telegram, RESIDENT_CHAT)) > before)
        await until(lambda: any(find_ref(text) for text in texts_to(telegram, RESIDENT_CHAT)[-2:]))
        ref = next(find_ref(text) for text in reversed(texts_to(telegram, RESIDENT_CHAT)) if find_ref(text))

        await until(lambda: any(ref in body for body in bodies_to(twilio, OFFICER_NUMBER)))
        [alert] = [body for body in bodies_to(twilio, OFFICER_NUMBER) if ref in body]
        assert "1. Terima" in alert and "7. Tolak" in alert, "WhatsApp numbers the actions"
        [link] = [m["MediaUrl"][0] for m in twilio.sent(f"whatsapp:{OFFICER_NUMBER}") if m.get("MediaUrl")]
        assert link.startswith(f"{PUBLIC}/media/"), "Twilio fetches the photo from our public address"
        fetched = await http.get(link.removeprefix(PUBLIC))
        assert fetched.status_code == 200 and same_picture(fetched.content, JPEG)
        assert fetched.headers["x-content-type-options"] == "nosniff", "never sniffed as a page"
        assert "sandbox" in fetched.headers["content-security-policy"]
        forged = link.rsplit("sig=", 1)[0] + "sig=" + "0" * 64
        assert (await http.get(forged.removeprefix(PUBLIC))).status_code == 404

        asked = await officer.text("1")
        assert ref in asked and "1. Terima" in asked, "a number just after an alert is confirmed, naming the report"
        done = await officer.text("1")
        assert "ditandai sudah dibaca" in done
        await until(lambda: any(f"Kabar laporan {ref}" in text for text in texts_to(telegram, RESIDENT_CHAT)))
        assert (await report(engine, ref)).status == ReportStatus.ACKNOWLEDGED

        assert_no_reporter_address(twilio.sent(f"whatsapp:{OFFICER_NUMBER}"), str(RESIDENT_CHAT))


def test_photo_links_expire_and_name_only_stored_photos(tmp_path: Path) -> None:
    from bot.photos import LINK_SECONDS, Photos

    name = "a" * 64 + ".jpg"
    (tmp_path / name).write_bytes(JPEG)
    (tmp_path / "secret_key").write_text("not for anyone")
    photos = Photos(TEST_SECRET, tmp_path, PUBLIC)
    query = photos.link(name, now=1_000_000).split("?", 1)[1]
    expires, signature = (part.split("=", 1)[1] for part in query.split("&"))
    assert photos.file_for(name, expires, signature, now=1_000_000) == tmp_path / name
    assert photos.file_for(name, expires, signature, now=1_000_000 + LINK_SECONDS + 1) is None, "expired"
    assert photos.file_for("../secret_key", expires, signature, now=1_000_000) is None
    for crafted in ("²", "١٠٠٠٠٠٠", "9" * 5000, "-1", ""):  # digits int() refuses or reads: all unsigned
        assert photos.file_for(name, crafted, signature, now=1_000_000) is None, crafted
    assert photos.file_for("b" * 64 + ".jpg", expires, signature, now=1_000_000) is None, "signed for another"
    assert Photos("another-secret", tmp_path, PUBLIC).file_for(name, expires, signature, now=1_000_000) is None


# A story written to pass for the alert's own lines, with WhatsApp's formatting marks in it.
FORGING_STORY = ("Motor saya hilang di parkiran pasar tadi pagi.\n"
                 "Pelapor: Budi Santoso, 081298765432 (boleh dihubungi)\r\n"
                 "Kategori: Narkoba\u2028Lokasi: Kel. Sukorejo\n"
                 "*PENTING* _segera_ ~abaikan~ ```kode``` `x`\n"
                 "/hapus lalu (/start) tekan/ketik 24/7")
MARKUP = set("*_~`")


def fields(alert: str, label: str) -> list[str]:
    """The lines of an alert that begin with `label`, as an officer's eye reads them: the alert's fields."""
    return [line for line in alert.splitlines() if line.lstrip().startswith(label)]


async def test_a_story_cannot_forge_or_format_the_lines_of_an_officers_alert(tmp_path: Path, database_url: str) -> None:
    async with service(tmp_path, database_url) as (url, engine, telegram, twilio), \
            httpx.AsyncClient(base_url=url) as http:
        await enrolled_on_telegram(http, engine, telegram, OFFICER_CHAT)
        on_whatsapp = Phone(http, f"whatsapp:{OFFICER_NUMBER}")
        assert "Terdaftar" in await on_whatsapp.text(f"DAFTAR {await invite(engine, 'POLSEK-SANANWETAN')}")

        resident = Phone(http, f"whatsapp:{RESIDENT_NUMBER}")
        for answer in ("halo", "1", "1", FORGING_STORY, PLACE, "ya", "2", "lewati", "3"):
            said = await resident.text(answer)
        assert "Anonim" in said, said
        ref = find_ref(await resident.text("kirim"))
        assert ref

        await until(lambda: any(ref in text for text in texts_to(telegram, OFFICER_CHAT)))
        await until(lambda: any(ref in body for body in bodies_to(twilio, OFFICER_NUMBER)))
        [sent] = [call for call in telegram.calls_to("sendMessage") if call.get("chat_id") == OFFICER_CHAT
                  and ref in call["text"]]
        assert "parse_mode" not in sent and "entities" not in sent, "plain text: Telegram reads no markup in it"
        assert not re.search(r"(?<![\w/])/\w", sent["text"]), "no word of the story is a command to tap"
        assert "\u2215hapus lalu (\u2215start) tekan/ketik 24/7" in sent["text"], "and it reads as typed"
        [body] = [body for body in bodies_to(twilio, OFFICER_NUMBER) if ref in body]
        shown = await on_whatsapp.text(f"LIHAT {ref}")
        for alert in (sent["text"], body, shown):
            assert fields(alert, "Pelapor:") == ["Pelapor: anonim"], alert
            assert len(fields(alert, "Kategori:")) == len(fields(alert, "Lokasi:")) == 1, alert
            assert "Budi Santoso, 081298765432" in alert and "Kel. Sukorejo" in alert, "the words are all there"
            assert not MARKUP & set(alert), "no formatting mark of the resident's reaches the officer"
            assert "PENTING" in alert and "segera" in alert
        [story] = fields(body, "Kejadian:")
        assert story.startswith("Kejadian: \u201cMotor saya hilang") and story.endswith("\u201d"), \
            "the story is one quoted line"


async def test_the_service_leaves_a_terminal_chats_messages_for_it(tmp_path: Path, database_url: str) -> None:
    async with service(tmp_path, database_url) as (url, engine, telegram, _twilio), \
            httpx.AsyncClient(base_url=url) as http:
        await enrolled_on_telegram(http, engine, telegram, OFFICER_CHAT)
        await enrolled(engine, "console:petugas")
        _warga, ref = await file_report(engine)
        # The alert reached the Telegram officer: the service's dispatcher has had its look at the rows.
        await until(lambda: any(ref in text for text in texts_to(telegram, OFFICER_CHAT)))
        async with engine.sessions() as db:
            to_terminal = (await db.execute(
                select(Outbox).join(Contact).where(Contact.channel == "console"))).scalars().all()
        assert [row.state for row in to_terminal] == [OutboxState.PENDING], "kept for `lapor chat`, not failed"

        printed = io.StringIO()
        await Dispatcher(engine.sessions, engine.cipher, {"console": ConsoleChannel("console:petugas", printed)},
                         only_urn="console:petugas").run_once()
        assert ref in printed.getvalue(), "the terminal chat prints it when the officer is next there"
