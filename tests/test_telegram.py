"""Telegram end to end: the real python-telegram-bot Application over HTTP on 127.0.0.1, against a fake
Bot API server; in polling mode and through our own webhook route served by uvicorn."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from bot.channels.base import CONTINUED, Outbound
from bot.channels.telegram import TelegramChannel
from bot.config import Settings
from bot.flood import FloodGate
from bot.service import open_engine
from bot.telegram_service import SpreadRequests, TelegramService
from handlers.engine import Engine
from harness.fake_telegram import (
    TOKEN,
    FakeBotAPI,
    callback_update,
    command_update,
    contact_update,
    document_update,
    edited_message_update,
    group_text_update,
    location_update,
    photo_update,
    sticker_update,
    text_update,
    unknown_update,
    video_update,
)
from harness.loopback import serving, until
from storage.crypto import ContactCipher
from storage.models import Attachment, Contact, Report
from storage.updates import keep_replies, record_update, unanswered_updates
from tests.helpers import DESCRIPTION, TEST_SECRET, lapor, photo

CHAT = 424242
JPEG = photo("JPEG", shade=1)


@pytest.fixture
async def fake() -> AsyncIterator[FakeBotAPI]:
    api = FakeBotAPI()
    await api.start()
    yield api
    await api.stop()


def settings_for(tmp_path: Path, database_url: str, fake: FakeBotAPI, **overrides: object) -> Settings:
    return Settings(_env_file=None, data_dir=tmp_path, database_url=database_url, secret_key=TEST_SECRET,
                    telegram_bot_token=TOKEN, telegram_base_url=fake.base_url, **overrides)  # type: ignore[call-arg]


@contextlib.asynccontextmanager
async def polling(settings: Settings) -> AsyncIterator[tuple[TelegramService, Engine]]:
    async with open_engine(settings) as engine:
        service = TelegramService(settings, engine, FloodGate(settings.flood_per_minute))
        await service.start()
        try:
            yield service, engine
        finally:
            await service.stop()


class Chat:
    """A resident's Telegram chat: sends updates through `deliver` and waits for the bot's replies."""

    def __init__(self, fake: FakeBotAPI, deliver: Callable[[dict], object], chat_id: int = CHAT) -> None:
        self.fake, self.deliver, self.chat_id = fake, deliver, chat_id
        self.update_id = 1000

    def next_id(self) -> int:
        self.update_id += 1
        return self.update_id

    async def send(self, update: dict, replies: int = 1) -> list[dict]:
        """Delivers one update and returns the sendMessage calls it caused (at least `replies` of them)."""
        before = len(self.fake.calls_to("sendMessage"))
        result = self.deliver(update)
        if asyncio.iscoroutine(result):
            await result
        await until(lambda: len(self.fake.calls_to("sendMessage")) - before >= replies)
        await asyncio.sleep(0.05)  # let any further reply to the same update arrive
        return self.fake.calls_to("sendMessage")[before:]

    async def text(self, text: str, replies: int = 1) -> list[dict]:
        return await self.send(text_update(self.next_id(), self.chat_id, text), replies)

    async def tap(self, data: str, replies: int = 1) -> list[dict]:
        return await self.send(callback_update(self.next_id(), self.chat_id, data, message_id=1), replies)


def buttons(sent: dict) -> list[str]:
    markup = sent.get("reply_markup") or {}
    return [row[0]["callback_data"] for row in markup.get("inline_keyboard", [])]


async def file_a_report_with_buttons_pin_and_photo(chat: Chat, fake: FakeBotAPI) -> None:
    sent = await chat.send(command_update(chat.next_id(), CHAT, "/start"), replies=2)
    assert "Privasi" in sent[0]["text"]
    assert buttons(sent[-1]) == ["c:report", "c:status", "c:help", "c:english"]
    sent = await chat.tap("c:report")
    assert "c:security" in buttons(sent[-1]) and "c:emergency" in buttons(sent[-1])
    sent = await chat.tap("c:security")
    assert "Ceritakan" in sent[-1]["text"]
    sent = await chat.text(DESCRIPTION)
    keyboard = sent[-1]["reply_markup"]["keyboard"]
    assert keyboard[0][0]["request_location"] is True and "lokasi" in keyboard[0][0]["text"].lower()
    sent = await chat.send(location_update(chat.next_id(), CHAT, -8.0950, 112.1750))
    assert "Polsek Sananwetan (Polres Blitar Kota)" in sent[-1]["text"]
    sent = await chat.tap("c:yes")
    assert buttons(sent[-1]) == ["c:now", "c:today", "c:earlier"]
    sent = await chat.tap("c:now")
    assert buttons(sent[-1]) == ["c:skip"]
    fake.add_file("photo-big", JPEG, "photos/file_1.jpg")
    sent = await chat.send(photo_update(chat.next_id(), CHAT, "photo-big", file_size=len(JPEG)))
    assert buttons(sent[-1]) == ["c:named", "c:confidential", "c:anonymous"]
    sent = await chat.tap("c:confidential")
    assert "Foto: ada" in sent[-1]["text"] and buttons(sent[-1]) == ["c:send", "c:change", "c:cancel"]
    sent = await chat.tap("c:send", replies=2)
    assert "LP-" in sent[0]["text"] and "Polsek Sananwetan" in sent[0]["text"]
    assert all(message["link_preview_options"] == {"is_disabled": True}
               for message in fake.calls_to("sendMessage")), "no link shown as a preview"


async def the_one_report(engine: Engine) -> Report:
    async with engine.sessions() as db:
        [report] = (await db.execute(select(Report))).scalars()
        [attachment] = (await db.execute(select(Attachment))).scalars()
    assert attachment.content_type == "image/jpeg"
    assert len(attachment.sha256) == 64
    return report


async def test_a_whole_report_by_buttons_pin_and_photo_in_polling_mode(tmp_path: Path, database_url: str,
                                                                       fake: FakeBotAPI) -> None:
    settings = settings_for(tmp_path, database_url, fake)
    async with polling(settings) as (_service, engine):
        assert fake.calls_to("deleteWebhook"), "polling clears any webhook first"
        chat = Chat(fake, fake.queue_update)
        await file_a_report_with_buttons_pin_and_photo(chat, fake)
        report = await the_one_report(engine)
    assert (report.latitude, report.longitude) == (-8.095, 112.175)
    listed = lapor("reports", "list", "--json", data_dir=tmp_path, database_url=database_url)
    assert listed.returncode == 0, listed.stderr
    [row] = json.loads(listed.stdout)
    assert (row["ref"], row["station"], row["photos"]) == (report.ref, "POLSEK-SANANWETAN", 1)
    assert len(fake.calls_to("answerCallbackQuery")) == 6, "every button press is answered"
    assert len(fake.calls_to("editMessageReplyMarkup")) == 6, "and its buttons removed"
    commands = {call.get("language_code"): call for call in fake.calls_to("setMyCommands")}
    assert set(commands) == {None, "id", "en"}
    assert [c["command"] for c in commands["en"]["commands"]] == ["lapor", "status", "bantuan", "batal",
                                                                  "bahasa", "hapus"]


def webhook_settings(tmp_path: Path, database_url: str, fake: FakeBotAPI) -> Settings:
    return settings_for(tmp_path, database_url, fake, public_base_url="https://lapor.example.org")


async def test_a_whole_report_through_the_webhook(tmp_path: Path, database_url: str, fake: FakeBotAPI) -> None:
    settings = webhook_settings(tmp_path, database_url, fake)
    async with serving(settings) as (url, engine), httpx.AsyncClient(base_url=url) as http:
        assert fake.webhook is not None
        assert fake.webhook["url"] == "https://lapor.example.org/telegram/webhook"
        secret = fake.webhook["secret_token"]
        assert secret == settings.telegram_secret()

        async def post(update: dict) -> None:
            response = await http.post("/telegram/webhook", json=update,
                                       headers={"X-Telegram-Bot-Api-Secret-Token": secret})
            assert response.status_code == 200
            if query := update.get("callback_query"):  # answered in the webhook's answer, which Telegram runs
                assert response.json() == {"method": "answerCallbackQuery", "callback_query_id": query["id"]}
            else:
                assert response.content == b""

        await file_a_report_with_buttons_pin_and_photo(Chat(fake, post), fake)
        await the_one_report(engine)
        assert not fake.calls_to("getUpdates"), "no polling in webhook mode"
        assert not fake.calls_to("answerCallbackQuery"), "no request of its own for a button press"
        assert len(fake.calls_to("editMessageReplyMarkup")) == 6, "and its buttons removed"


async def test_the_webhook_refuses_requests_without_the_secret(tmp_path: Path, database_url: str,
                                                               fake: FakeBotAPI) -> None:
    settings = webhook_settings(tmp_path, database_url, fake)
    async with serving(settings) as (url, engine), httpx.AsyncClient(base_url=url) as http:
        update = text_update(1, CHAT, "halo")
        assert (await http.post("/telegram/webhook", json=update)).status_code == 403
        wrong = {"X-Telegram-Bot-Api-Secret-Token": "guess"}
        assert (await http.post("/telegram/webhook", json=update, headers=wrong)).status_code == 403
        right = {"X-Telegram-Bot-Api-Secret-Token": settings.telegram_secret()}
        assert (await http.post("/telegram/webhook", content=b"\x00\xff not json", headers=right)).status_code == 400
        assert (await http.post("/telegram/webhook", json=[1, 2], headers=right)).status_code == 400
        assert (await http.post("/telegram/webhook", content=b"x" * (2 * 1024 * 1024),
                                headers=right)).status_code == 413
        assert (await http.get("/healthz")).json() == {"status": "ok"}
        await asyncio.sleep(0.2)
        assert fake.sent_texts(CHAT) == [], "a refused request does nothing"
        async with engine.sessions() as db:
            assert (await db.execute(select(Contact))).first() is None


async def test_the_same_update_three_times_is_handled_once(tmp_path: Path, database_url: str,
                                                          fake: FakeBotAPI) -> None:
    settings = webhook_settings(tmp_path, database_url, fake)
    async with serving(settings) as (url, _engine), httpx.AsyncClient(base_url=url) as http:
        headers = {"X-Telegram-Bot-Api-Secret-Token": settings.telegram_secret()}
        update = text_update(77, CHAT, "halo")
        for _ in range(3):
            assert (await http.post("/telegram/webhook", json=update, headers=headers)).status_code == 200
        await until(lambda: len(fake.sent_texts(CHAT)) >= 2)
        await asyncio.sleep(0.3)
        assert len(fake.sent_texts(CHAT)) == 2, "one greeting and one menu, once"


async def test_a_resident_who_blocked_the_bot_is_marked_unreachable(tmp_path: Path, database_url: str,
                                                                   fake: FakeBotAPI) -> None:
    settings = settings_for(tmp_path, database_url, fake)
    async with polling(settings) as (_service, engine):
        fake.fail_next("sendMessage", error_code=403, description="Forbidden: bot was blocked by the user")
        fake.queue_update(text_update(5, CHAT, "halo"))
        await until(lambda: len(fake.calls_to("sendMessage")) >= 1)
        urn_hash = ContactCipher(TEST_SECRET).lookup_hash(f"telegram:{CHAT}")

        async def unreachable() -> bool:
            async with engine.sessions() as db:
                return (await db.execute(select(Contact.unreachable).where(Contact.urn_hash == urn_hash))).scalar()

        for _ in range(100):
            if await unreachable():
                break
            await asyncio.sleep(0.05)
        assert await unreachable()
        assert len(fake.calls_to("sendMessage")) == 1, "nothing more is sent once blocked"
        fake.queue_update(text_update(6, CHAT, "halo"))  # they unblocked and wrote again
        await until(lambda: len(fake.sent_texts(CHAT)) >= 1)
        assert not await unreachable()


async def test_a_429_is_waited_out_and_the_reply_still_arrives(tmp_path: Path, database_url: str,
                                                               fake: FakeBotAPI) -> None:
    settings = settings_for(tmp_path, database_url, fake)
    async with polling(settings):
        fake.fail_next("sendMessage", error_code=429, description="Too Many Requests: retry after 1",
                       retry_after=1)
        loop = asyncio.get_running_loop()
        started = loop.time()
        fake.queue_update(text_update(9, CHAT, "halo"))
        await until(lambda: len(fake.sent_texts(CHAT)) >= 2)
        assert loop.time() - started >= 1.0, "the bot waited as long as Telegram asked"
    assert "Privasi" in fake.sent_texts(CHAT)[0]


async def test_one_chat_waiting_out_a_429_holds_up_no_other_chat(tmp_path: Path, database_url: str,
                                                                 fake: FakeBotAPI) -> None:
    settings = settings_for(tmp_path, database_url, fake)
    async with polling(settings):
        # A wait long enough that B's answer comes first even on a loaded machine (B takes a fraction of a
        # second), which a test of the order needs: what is asserted is the order, not a time.
        fake.fail_next("sendMessage", error_code=429, description="Too Many Requests: retry after 5",
                       retry_after=5)
        fake.queue_update(text_update(21, CHAT, "halo"))
        await until(lambda: len(fake.calls_to("sendMessage")) >= 1)  # chat A now waits 5 s
        other = CHAT + 1
        fake.queue_update(text_update(22, other, "halo"))
        await until(lambda: len(fake.sent_texts(other)) >= 2, what="chat B's answer")
        assert fake.sent_texts(CHAT) == [], "A is still waiting while B got its answer"
        await until(lambda: len(fake.sent_texts(CHAT)) >= 2)


async def test_a_server_error_is_retried_with_backoff(tmp_path: Path, database_url: str, fake: FakeBotAPI) -> None:
    settings = settings_for(tmp_path, database_url, fake)
    async with polling(settings):
        fake.fail_next("sendMessage", error_code=502, description="Bad Gateway", times=2)
        fake.queue_update(text_update(11, CHAT, "halo"))
        await until(lambda: len(fake.sent_texts(CHAT)) >= 2)
    failed = [call for call in fake.calls_to("sendMessage") if call.get("_failed")]
    assert len(failed) == 2 and "Privasi" in fake.sent_texts(CHAT)[0]


async def test_unknown_unsupported_and_group_updates(tmp_path: Path, database_url: str, fake: FakeBotAPI) -> None:
    settings = settings_for(tmp_path, database_url, fake)
    async with polling(settings) as (_service, engine):
        chat = Chat(fake, fake.queue_update)
        fake.queue_update(unknown_update(chat.next_id()))
        await chat.text("halo", replies=2)
        unsupported = (sticker_update(chat.next_id(), CHAT), video_update(chat.next_id(), CHAT),
                       document_update(chat.next_id(), CHAT), contact_update(chat.next_id(), CHAT),
                       edited_message_update(chat.next_id(), CHAT, "ralat"))
        for update in unsupported:
            sent = await chat.send(update, replies=2)
            assert "belum didukung" in sent[0]["text"]
            assert "Apa yang bisa kami bantu?" in sent[1]["text"], "and the open question again"
        sent = await chat.send(group_text_update(chat.next_id(), -100555, "/lapor"))
        assert sent[0]["chat_id"] == -100555 and "chat pribadi" in sent[0]["text"]
        async with engine.sessions() as db:
            contacts = (await db.execute(select(Contact))).scalars().all()
        assert len(contacts) == 1, "nothing is stored for a group"


async def test_long_texts_are_split_within_telegram_limit(fake: FakeBotAPI) -> None:
    from telegram import Bot

    async with Bot(TOKEN, base_url=fake.base_url) as bot:
        text = ("Kalimat yang cukup panjang untuk diulang. " * 60 + "\n\n") * 3
        await TelegramChannel(bot).send(Outbound(f"telegram:{CHAT}", text))
    pieces = fake.sent_texts(CHAT)
    assert len(pieces) >= 2 and all(len(piece) <= 4096 for piece in pieces)
    assert " ".join(piece.removeprefix(CONTINUED) for piece in pieces).split() == text.split(), \
        "nothing lost or cut inside a word"


async def test_calls_made_at_once_go_over_several_pools_and_all_arrive(fake: FakeBotAPI) -> None:
    from telegram import Bot

    texts = [f"Balasan nomor {n}" for n in range(24)]
    fake.fail_next("sendMessage", error_code=500, description="Internal Server Error", times=3)
    async with Bot(TOKEN, base_url=fake.base_url, request=SpreadRequests(pools=4, connections_each=2)) as bot:
        sent = await asyncio.gather(*(bot.send_message(CHAT, text) for text in texts), return_exceptions=True)
        failed = [text for text, outcome in zip(texts, sent, strict=True) if isinstance(outcome, Exception)]
        assert len(failed) == 3, "the fake's three errors reach their callers"
        for text in failed:  # the pools still take calls after failed ones
            await bot.send_message(CHAT, text)
    assert sorted(fake.sent_texts(CHAT)) == sorted(texts)
    assert 2 < len(fake.client_ports) <= 8, "more connections than one pool of two holds, none beyond four pools'"


async def test_updates_taken_before_a_crash_are_answered_after_the_restart_once_each_in_order(
        tmp_path: Path, database_url: str, fake: FakeBotAPI) -> None:
    """What a service killed after answering Telegram 200 leaves: updates recorded and not handled, and
    one handled whose replies had not gone out. The next start answers each once, each chat in order."""
    settings = webhook_settings(tmp_path, database_url, fake)
    chats = [CHAT + n for n in range(4)]
    async with open_engine(settings) as engine:
        cipher = engine.cipher
        handled_reply = {"urn": f"telegram:{chats[0]}", "text": "Balasan yang belum terkirim", "choices": [],
                         "choices_hint": "", "location_button": "", "photo": None}
        async with engine.sessions() as db, db.begin():
            update_id = 500
            for body in ("halo", "1"):
                for chat in chats:
                    update_id += 1
                    assert await record_update(db, cipher, update_id, text_update(update_id, chat, body))
            assert not await record_update(db, cipher, 501, text_update(501, chats[0], "halo")), "kept once"
            await keep_replies(db, cipher, 501, [handled_reply])
    async with serving(settings) as (_url, engine):
        await until(lambda: all(len(fake.sent_texts(chat)) >= 3 for chat in chats[1:])
                    and len(fake.sent_texts(chats[0])) >= 2)
        await asyncio.sleep(0.3)  # anything sent twice would arrive meanwhile
        async with engine.sessions() as db:
            assert await unanswered_updates(db, engine.cipher) == []
    assert fake.sent_texts(chats[0])[0] == "Balasan yang belum terkirim", "kept replies are sent, not recomputed"
    for chat in chats[1:]:
        texts = fake.sent_texts(chat)
        assert len(texts) == 3 and "Privasi" in texts[0] and "Laporan tentang apa" in texts[-1], texts
