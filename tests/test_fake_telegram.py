"""The fake Bot API against the real python-telegram-bot client over real HTTP: if PTB cannot parse
what the fake answers, or the fake misreads what PTB sends, these tests fail."""

from __future__ import annotations

import asyncio
import datetime as dtm
import signal
import sys
import time
from collections.abc import AsyncIterator

import httpx
import pytest
from telegram import (
    Bot,
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
    Update,
)
from telegram.error import BadRequest, Conflict, EndPointNotFound, Forbidden, InvalidToken, RetryAfter
from telegram.ext import Application, ContextTypes, MessageHandler, filters

from harness.fake_telegram import (
    MAX_POLL_WAIT,
    TOKEN,
    FakeBotAPI,
    callback_update,
    channel_post_update,
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
    voice_update,
)

CHAT = 4242


@pytest.fixture
async def fake() -> AsyncIterator[FakeBotAPI]:
    api = FakeBotAPI()
    await api.start()
    try:
        yield api
    finally:
        await api.stop()


@pytest.fixture
async def bot(fake: FakeBotAPI) -> AsyncIterator[Bot]:
    async with Bot(TOKEN, base_url=fake.base_url, base_file_url=fake.base_file_url) as bot:
        yield bot


async def test_get_me_describes_the_bot(fake: FakeBotAPI, bot: Bot) -> None:
    me = await bot.get_me()

    assert (me.id, me.is_bot, me.username, me.first_name) == (123456, True, "LaporTestBot", "Lapor")
    assert fake.calls[0] == ("getMe", {})  # Bot.initialize() calls getMe once


async def test_wrong_token_is_rejected(fake: FakeBotAPI) -> None:
    with pytest.raises(InvalidToken):
        async with Bot("999:WRONG", base_url=fake.base_url):
            pass


async def test_send_message_decodes_inline_keyboard(fake: FakeBotAPI, bot: Bot) -> None:
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("Ya", callback_data="yes")]])

    first = await bot.send_message(CHAT, "Halo", reply_markup=markup)
    second = await bot.send_message(CHAT, "42")

    assert first.text == "Halo" and first.chat.id == CHAT and first.chat.type == "private"
    assert first.from_user is not None and first.from_user.is_bot
    assert first.reply_markup == markup
    assert second.message_id != first.message_id
    sent = fake.calls_to("sendMessage")[0]
    assert sent["chat_id"] == CHAT
    assert sent["reply_markup"] == {"inline_keyboard": [[{"text": "Ya", "callback_data": "yes"}]]}
    assert fake.sent_texts(CHAT) == ["Halo", "42"]  # a numeric-looking text stays a string


async def test_reply_keyboard_with_location_button(fake: FakeBotAPI, bot: Bot) -> None:
    markup = ReplyKeyboardMarkup([[KeyboardButton("Kirim lokasi", request_location=True)]], one_time_keyboard=True)

    message = await bot.send_message(CHAT, "Di mana?", reply_markup=markup)

    assert message.reply_markup is None  # Telegram echoes only inline keyboards
    sent = fake.calls_to("sendMessage")[0]["reply_markup"]
    assert sent["keyboard"] == [[{"text": "Kirim lokasi", "request_location": True}]]
    assert sent["one_time_keyboard"] is True


async def test_answer_callback_query_and_edits(fake: FakeBotAPI, bot: Bot) -> None:
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("Batal", callback_data="cancel")]])

    assert await bot.answer_callback_query("987654321", text="OK") is True
    edited = await bot.edit_message_text("Diperbarui", chat_id=CHAT, message_id=7, reply_markup=markup)
    cleared = await bot.edit_message_reply_markup(chat_id=CHAT, message_id=7)

    assert fake.calls_to("answerCallbackQuery") == [{"callback_query_id": "987654321", "text": "OK"}]
    assert edited.message_id == 7 and edited.text == "Diperbarui" and edited.reply_markup == markup
    assert cleared.message_id == 7 and cleared.reply_markup is None
    assert fake.calls_to("editMessageReplyMarkup") == [{"chat_id": CHAT, "message_id": 7}]


async def test_set_my_commands_records_language(fake: FakeBotAPI, bot: Bot) -> None:
    assert await bot.set_my_commands([BotCommand("start", "Mulai laporan")], language_code="id") is True
    assert await bot.delete_my_commands(language_code="id") is True

    assert fake.calls_to("setMyCommands") == [
        {"commands": [{"command": "start", "description": "Mulai laporan"}], "language_code": "id"}
    ]
    assert fake.calls_to("deleteMyCommands") == [{"language_code": "id"}]


async def test_get_file_and_download(fake: FakeBotAPI, bot: Bot) -> None:
    data = b"\xff\xd8\xff\xe0 a jpeg"
    fake.add_file("big_photo", data, "photos/file_7.jpg")

    file = await bot.get_file("big_photo")

    assert file.file_size == len(data)
    assert file.file_path == f"{fake.base_file_url}{TOKEN}/photos/file_7.jpg"
    assert await file.download_as_bytearray() == bytearray(data)


async def test_get_file_unknown_id_is_bad_request(fake: FakeBotAPI, bot: Bot) -> None:
    with pytest.raises(BadRequest, match=r"^Invalid file_id$"):  # PTB drops "Bad Request: " and capitalizes
        await bot.get_file("nope")

    assert fake.calls_to("getFile") == [{"file_id": "nope", "_failed": True}]


async def test_send_photo_by_upload_and_by_file_id(fake: FakeBotAPI, bot: Bot) -> None:
    uploaded = await bot.send_photo(CHAT, photo=b"raw image bytes", caption="Bukti")
    resent = await bot.send_photo(CHAT, photo="known_file_id")

    assert uploaded.caption == "Bukti" and uploaded.photo[-1].file_size == len(b"raw image bytes")
    assert resent.photo[-1].file_id == "known_file_id"
    upload_params, resend_params = fake.calls_to("sendPhoto")
    assert upload_params == {"chat_id": CHAT, "caption": "Bukti", "photo": b"raw image bytes"}
    assert resend_params == {"chat_id": CHAT, "photo": "known_file_id"}


async def test_updates_from_every_builder_parse(fake: FakeBotAPI, bot: Bot) -> None:
    builders = [
        text_update(1, CHAT, "halo"),
        command_update(2, CHAT, "/start", payload="ref42"),
        callback_update(3, CHAT, "cat:theft", message_id=9),
        location_update(4, CHAT, -6.2, 106.8),
        photo_update(5, CHAT, "photo_big", caption="maling", file_size=80_000),
        sticker_update(6, CHAT),
        voice_update(7, CHAT),
        video_update(8, CHAT),
        document_update(9, CHAT),
        contact_update(10, CHAT),
        edited_message_update(11, CHAT, "halo lagi"),
        group_text_update(12, -100, "hai grup"),
        channel_post_update(13, -1001, "pengumuman"),
        unknown_update(14),
    ]
    for update in builders:
        fake.queue_update(update)

    updates = await bot.get_updates()

    assert [u.update_id for u in updates] == list(range(1, 15))
    assert all(isinstance(u, Update) for u in updates)
    text, command, callback, location, photo, sticker, voice, video, document, contact = updates[:10]
    edited, group, channel, unknown = updates[10:]
    assert text.message.text == "halo" and text.effective_user.id == CHAT
    assert text.effective_user.language_code == "id" and text.effective_chat.type == "private"
    assert command.message.text == "/start ref42" and command.message.parse_entities(["bot_command"])
    assert callback.callback_query.data == "cat:theft" and callback.callback_query.message.message_id == 9
    assert callback.callback_query.message.is_accessible
    assert (location.message.location.latitude, location.message.location.longitude) == (-6.2, 106.8)
    assert photo.message.photo[-1].file_id == "photo_big" and photo.message.photo[-1].file_size == 80_000
    assert [p.width for p in photo.message.photo] == sorted(p.width for p in photo.message.photo)
    assert photo.message.caption == "maling"
    assert sticker.message.sticker.file_id == "sticker_0"
    assert voice.message.voice.file_id == "voice_0"
    assert video.message.video.file_id == "video_0"
    assert document.message.document.file_name == "laporan.pdf"
    assert contact.message.contact.user_id == CHAT
    assert edited.message is None and edited.edited_message.text == "halo lagi"
    assert group.effective_chat.type == "group" and group.effective_chat.id == -100
    assert channel.channel_post.text == "pengumuman" and channel.effective_user is None
    assert unknown.effective_message is None and "some_future_field" in unknown.api_kwargs


async def test_get_updates_honours_offset_and_limit(fake: FakeBotAPI, bot: Bot) -> None:
    for update_id in (1, 2, 3):
        fake.queue_update(text_update(update_id, CHAT, f"pesan {update_id}"))

    limited = await bot.get_updates(limit=2)
    after_confirming = await bot.get_updates(offset=3)
    again = await bot.get_updates()

    assert [u.update_id for u in limited] == [1, 2]
    assert [u.update_id for u in after_confirming] == [3]
    assert [u.update_id for u in again] == [3]  # updates below the last offset are forgotten


async def test_long_poll_wakes_on_new_update(fake: FakeBotAPI, bot: Bot) -> None:
    poll = asyncio.create_task(bot.get_updates(timeout=10))
    await asyncio.sleep(0.1)
    fake.queue_update(text_update(1, CHAT, "baru"))

    updates = await poll

    assert [u.message.text for u in updates] == ["baru"]


async def test_idle_long_poll_is_capped(fake: FakeBotAPI, bot: Bot) -> None:
    started = time.monotonic()
    updates = await bot.get_updates(timeout=10)

    assert updates == ()
    assert MAX_POLL_WAIT * 0.8 <= time.monotonic() - started < 5


async def test_fail_next_429_raises_retry_after(fake: FakeBotAPI, bot: Bot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "true")  # PTB's non-deprecated retry_after type
    fake.fail_next("sendMessage", error_code=429, description="Too Many Requests: retry after 7", retry_after=7)

    with pytest.raises(RetryAfter) as raised:
        await bot.send_message(CHAT, "satu")
    await bot.send_message(CHAT, "dua")

    assert raised.value.retry_after == dtm.timedelta(seconds=7)
    assert [p.get("_failed", False) for p in fake.calls_to("sendMessage")] == [True, False]
    assert fake.sent_texts(CHAT) == ["dua"]


async def test_fail_next_403_raises_forbidden_the_given_times(fake: FakeBotAPI, bot: Bot) -> None:
    fake.fail_next("sendMessage", error_code=403, description="Forbidden: bot was blocked by the user", times=2)

    for _ in range(2):
        with pytest.raises(Forbidden, match="bot was blocked by the user"):
            await bot.send_message(CHAT, "halo")
    await bot.send_message(CHAT, "halo")

    assert len(fake.calls_to("sendMessage")) == 3 and fake.sent_texts(CHAT) == ["halo"]


async def test_unknown_method_is_not_found(fake: FakeBotAPI, bot: Bot) -> None:
    with pytest.raises(EndPointNotFound):
        await bot.do_api_request("noSuchMethod", api_kwargs={"chat_id": CHAT})

    assert fake.calls_to("noSuchMethod") == [{"chat_id": CHAT, "_failed": True}]


async def test_webhook_set_and_delete(fake: FakeBotAPI, bot: Bot) -> None:
    url = "https://lapor.example/telegram"
    await bot.set_webhook(url, secret_token="s3cret", allowed_updates=["message", "callback_query"])

    info = await bot.get_webhook_info()
    assert fake.webhook == {"url": url, "secret_token": "s3cret", "allowed_updates": ["message", "callback_query"]}
    assert info.url == url and info.allowed_updates == ("message", "callback_query")
    with pytest.raises(Conflict):
        await bot.get_updates()

    fake.queue_update(text_update(1, CHAT, "tertunda"))
    await bot.delete_webhook(drop_pending_updates=True)
    assert fake.webhook is None
    assert await bot.get_updates() == ()


async def test_application_polls_and_replies(fake: FakeBotAPI) -> None:
    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.message.reply_text(f"diterima: {update.message.text}")

    app = Application.builder().token(TOKEN).base_url(fake.base_url).base_file_url(fake.base_file_url).build()
    app.add_handler(MessageHandler(filters.TEXT, echo))
    fake.queue_update(text_update(1, CHAT, "tolong"))

    async with app:
        await app.start()
        await app.updater.start_polling()
        for _ in range(100):
            if fake.sent_texts(CHAT):
                break
            await asyncio.sleep(0.05)
        await app.updater.stop()
        await app.stop()

    assert fake.sent_texts(CHAT) == ["diterima: tolong"]
    assert fake.calls_to("deleteWebhook")  # start_polling clears any webhook first


async def test_calls_over_http_list_a_method_from_an_index(fake: FakeBotAPI, bot: Bot) -> None:
    for text in ("satu", "dua", "tiga"):
        await bot.send_message(CHAT, text)
    await bot.send_photo(CHAT, b"\xff\xd8 foto")

    async with httpx.AsyncClient(base_url=fake.url) as http:
        texts = (await http.get("/_calls/sendMessage", params={"since": 1})).json()
        photos = (await http.get("/_calls/sendPhoto")).json()
        refused = await http.get("/_calls/sendMessage", params={"since": "satu"})

    assert texts["count"] == 3 and [call["text"] for call in texts["calls"]] == ["dua", "tiga"]
    assert len(texts["times"]) == 2 and texts["times"][0] <= texts["times"][1]
    assert photos["calls"] == [{"chat_id": CHAT, "photo": len(b"\xff\xd8 foto")}]  # bytes as their length
    assert refused.status_code == 400


async def test_calls_over_http_wait_for_the_count_asked(fake: FakeBotAPI, bot: Bot) -> None:
    async with httpx.AsyncClient(base_url=fake.url, timeout=60) as http:
        waiting = asyncio.create_task(http.get("/_calls/sendMessage", params={"since": 1, "until": 2, "wait": 50}))
        await bot.send_message(CHAT, "satu")
        await asyncio.sleep(0.2)
        assert not waiting.done(), "answered before the second message came"
        await bot.send_message(CHAT, "dua")
        answer = (await waiting).json()
        given_up = (await http.get("/_calls/sendMessage", params={"until": 5, "wait": 0.1})).json()

    assert answer["count"] == 2 and [call["text"] for call in answer["calls"]] == ["dua"]
    assert given_up["count"] == 2  # the wait ended with fewer calls than asked: the caller sees how many


@pytest.mark.slow
async def test_runs_as_a_process_of_its_own() -> None:
    process = await asyncio.create_subprocess_exec(sys.executable, "-m", "harness.fake_telegram",
                                                   stdout=asyncio.subprocess.PIPE)
    try:
        assert process.stdout is not None
        url = (await asyncio.wait_for(process.stdout.readline(), 60)).decode().strip()
        async with Bot(TOKEN, base_url=f"{url}/bot") as bot:
            await bot.send_message(CHAT, "halo")
        async with httpx.AsyncClient(base_url=url) as http:
            sent = (await http.get("/_calls/sendMessage")).json()
        assert [call["text"] for call in sent["calls"]] == ["halo"]
    finally:
        process.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(process.wait(), 30) == 0
