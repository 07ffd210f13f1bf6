"""B2, the Telegram path: the same report as Telegram updates, in the benchmark's process, through two bots
talking to a fake Bot API on 127.0.0.1 in a process of its own, as Telegram is (python-telegram-bot's own HTTP
requests, answers and all; the fake's work counts against neither bot):

- ours: the `lapor serve` app with its lifespan (Telegram in webhook mode, dispatcher, scheduler), each update
  POSTed to our webhook route through an ASGI transport; it is checked, queued, and handled by the engine with
  its state in the database (SQLite), every message durable before it is answered;
- stock: a python-telegram-bot ConversationHandler with the same steps (menu, category buttons, description,
  place with a yes/no check, when, photo skip, identity, confirm) and its state in memory, fed the same updates
  through the Application's update queue, where PTB's own webhook server puts them. It reads nothing against
  the region data and stores nothing: it is the floor of the library itself.

Both answer each button press (ours in the webhook's answer, stock with a request of its own, as PTB's webhook
server gives it no other way) and remove its buttons. Updates/s: all residents' updates, put in
at once, to the last reply reaching the fake API (the time it noted: the two processes read one monotonic
clock). Ours keeps to Telegram's 30 messages a second with PTB's AIORateLimiter; here the limiter runs without
that limit (the fake API has none, and with it B2 would time the limit, not the bot).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import secrets
import signal
import sys
import tempfile
import time
import warnings
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any
from unittest import mock

import httpx
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, KeyboardButton, ReplyKeyboardMarkup, Update
from telegram.ext import (
    AIORateLimiter,
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    ConversationHandler,
    MessageHandler,
    filters,
)
from telegram.warnings import PTBUserWarning

from benchmarks.loadgen import progress
from bot import telegram_service
from bot.app import create_app
from bot.channels.telegram import WEBHOOK_PATH
from bot.config import Settings
from harness import TEST_SECRET, story_and_place
from harness.fake_telegram import TOKEN, callback_update, command_update, text_update
from storage import db as database

RESIDENTS, QUICK_RESIDENTS = 100, 10
ROOT = Path(__file__).resolve().parent.parent
ANSWER_WITHIN = 120.0  # seconds for all replies to reach the fake API, or the bot stopped answering


def report(resident: int) -> tuple[tuple[str, str], ...]:
    """Scripted resident number `resident`'s report: a command, button presses (callback data) and texts, in
    the order the bot asks."""
    story, place = story_and_place(resident)
    return (("command", "/start"), ("tap", "c:report"), ("tap", "c:security"), ("text", story), ("text", place),
            ("tap", "c:yes"), ("tap", "c:today"), ("tap", "c:skip"), ("tap", "c:confidential"), ("tap", "c:send"))


UPDATES_PER_REPORT = len(report(0))
# Chats' numbers: none reports twice. The warm-up's chat is resident number -1, which tells what none of
# the residents timed tells (harness.story_and_place).
FIRST_CHAT = 700_000_000
WARM_UP_CHAT = FIRST_CHAT - 1


def report_updates(residents: int, first_update: int, first_chat: int) -> list[dict[str, Any]]:
    """Every resident's report as updates, the residents' interleaved as they would arrive together."""
    reports = [report(first_chat + resident - FIRST_CHAT) for resident in range(residents)]
    updates = []
    for step in range(UPDATES_PER_REPORT):
        for resident in range(residents):
            update_id, chat = first_update + step * residents + resident, first_chat + resident
            kind, value = reports[resident][step]
            if kind == "command":
                updates.append(command_update(update_id, chat, value))
            elif kind == "tap":
                updates.append(callback_update(update_id, chat, value, message_id=1))
            else:
                updates.append(text_update(update_id, chat, value))
    return updates


class BotAPIProcess:
    """The fake Bot API (harness.fake_telegram) in a process of its own. What the bots sent is read from it
    over HTTP: its `GET /_calls/sendMessage`."""

    async def __aenter__(self) -> BotAPIProcess:
        self._process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "harness.fake_telegram", "--port", "0", cwd=ROOT, stdout=asyncio.subprocess.PIPE)
        assert self._process.stdout is not None
        try:
            url = (await asyncio.wait_for(self._process.stdout.readline(), 60)).decode().strip()
        except TimeoutError:
            url = ""
        if not url.startswith("http://"):
            await self.__aexit__()
            raise RuntimeError("the fake Bot API did not start")
        self.base_url = f"{url}/bot"
        self._http = httpx.AsyncClient(base_url=url, timeout=ANSWER_WITHIN + 10)
        return self

    async def sent(self, since: int = 0, until: int = 0) -> dict[str, Any]:
        """The sendMessage calls from the `since`th on: {"count", "calls", "times"} (see the fake's
        GET /_calls); with `until`, once there have been that many, or after ANSWER_WITHIN seconds."""
        response = await self._http.get("/_calls/sendMessage",
                                        params={"since": since, "until": until, "wait": ANSWER_WITHIN})
        response.raise_for_status()
        return response.json()

    async def sent_count(self) -> int:
        """How many sendMessage calls there have been (asked from past the end: no calls, only the count)."""
        return int((await self.sent(since=2**62))["count"])

    async def __aexit__(self, *_: object) -> None:
        if hasattr(self, "_http"):
            await self._http.aclose()
        if self._process.returncode is None:
            self._process.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(self._process.wait(), 15)
            except TimeoutError:
                self._process.kill()
                await self._process.wait()


async def timed(api: BotAPIProcess, feed: Callable[[dict[str, Any]], Awaitable[None]],
                updates: list[dict[str, Any]], replies: int) -> tuple[float, float]:
    """Seconds from feeding the first update to the `replies`th message reaching the API, and the CPU seconds
    this process spent meanwhile (the bot's, and feeding it)."""
    until = await api.sent_count() + replies
    started, cpu_started = time.monotonic(), time.process_time()
    for update in updates:
        await feed(update)
    last = await api.sent(since=until - 1, until=until)
    cpu = time.process_time() - cpu_started
    if last["count"] < until:
        raise RuntimeError("the bot stopped answering")
    return float(last["times"][0]) - started, cpu


async def measure(api: BotAPIProcess, feed: Callable[[dict[str, Any]], Awaitable[None]],
                  residents: int) -> tuple[float, float]:
    """Updates per second and CPU milliseconds per update; a warm-up report first tells how many messages one
    report gets back, and checks that it ends with a reference."""
    before = await api.sent_count()
    await timed(api, feed, report_updates(1, 1, WARM_UP_CHAT), 1)
    await asyncio.sleep(1.0)  # the last replies of the warm-up
    sent = (await api.sent(since=before))["calls"]
    if not any("LP-" in call["text"] for call in sent):
        raise RuntimeError(f"the warm-up report got no reference: {[call['text'][:80] for call in sent]}")
    per_report = len(sent)
    updates = report_updates(residents, 1000, FIRST_CHAT)
    seconds, cpu = await timed(api, feed, updates, per_report * residents)
    return len(updates) / seconds, cpu * 1000 / len(updates)


def _unthrottled(max_retries: int) -> AIORateLimiter:
    return AIORateLimiter(overall_max_rate=0, group_max_rate=0, max_retries=max_retries)


@contextlib.asynccontextmanager
async def ours(api: BotAPIProcess, data_dir: Path) -> AsyncIterator[Callable[[dict[str, Any]], Awaitable[None]]]:
    settings = Settings(_env_file=None, data_dir=data_dir, secret_key=TEST_SECRET, telegram_bot_token=TOKEN,  # type: ignore[call-arg]
                        telegram_base_url=api.base_url, public_base_url="https://lapor.example.org",
                        log_level="WARNING")
    await asyncio.to_thread(database.upgrade, settings.effective_database_url)
    app = create_app(settings)
    headers = {"X-Telegram-Bot-Api-Secret-Token": settings.telegram_secret()}
    transport = httpx.ASGITransport(app=app)
    # The Telegram service, and its rate limiter, are built when the lifespan starts.
    with mock.patch.object(telegram_service, "AIORateLimiter", _unthrottled):
        async with app.router.lifespan_context(app), \
                httpx.AsyncClient(transport=transport, base_url="http://lapor") as http:

            async def feed(update: dict[str, Any]) -> None:
                response = await http.post(WEBHOOK_PATH, content=json.dumps(update), headers=headers)
                if response.status_code != 200:
                    raise RuntimeError(f"the webhook answered {response.status_code}")

            yield feed


# The stock bot: python-telegram-bot's ConversationHandler, state in memory.
MENU, CATEGORY, WHAT, WHERE, PLACE_CHECK, WHEN, PHOTO, IDENTITY, CONFIRM = range(9)
CATEGORIES = ("security", "hotspot", "traffic", "social", "drugs", "other", "emergency")


def _buttons(*keys: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(key.capitalize(), callback_data=f"c:{key}")] for key in keys])


async def _tapped(update: Update) -> str:
    query = update.callback_query
    assert query is not None and isinstance(query.data, str)
    await query.answer()
    await query.edit_message_reply_markup(reply_markup=None)
    return query.data.removeprefix("c:")


async def _start(update: Update, _context: ContextTypes.DEFAULT_TYPE) -> int:
    assert update.effective_chat is not None
    await update.effective_chat.send_message("Halo! Ini layanan pengaduan warga. Privasi: …")
    await update.effective_chat.send_message("Apa yang bisa kami bantu?",
                                             reply_markup=_buttons("report", "status", "help", "english"))
    return MENU


async def _menu(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    await _tapped(update)
    assert update.effective_chat is not None and context.user_data is not None
    context.user_data["draft"] = {}
    await update.effective_chat.send_message("Laporan tentang apa?", reply_markup=_buttons(*CATEGORIES))
    return CATEGORY


async def _category(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    assert update.effective_chat is not None and context.user_data is not None
    context.user_data["draft"]["category"] = await _tapped(update)
    await update.effective_chat.send_message("Ceritakan apa yang terjadi (10–4000 huruf).")
    return WHAT


async def _what(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    assert update.message is not None and context.user_data is not None
    context.user_data["draft"]["description"] = update.message.text
    await update.message.reply_text("Di mana kejadiannya?", reply_markup=ReplyKeyboardMarkup(
        [[KeyboardButton("📍 Kirim lokasi", request_location=True)]], resize_keyboard=True, one_time_keyboard=True))
    return WHERE


async def _where(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    assert update.message is not None and context.user_data is not None
    context.user_data["draft"]["place"] = update.message.text
    await update.message.reply_text(f"Maksud Anda {update.message.text}?", reply_markup=_buttons("yes", "no"))
    return PLACE_CHECK


async def _place_check(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    assert update.effective_chat is not None
    if await _tapped(update) == "no":
        await update.effective_chat.send_message("Di mana kejadiannya?")
        return WHERE
    await update.effective_chat.send_message("Kapan?", reply_markup=_buttons("now", "today", "earlier"))
    return WHEN


async def _when(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    assert update.effective_chat is not None and context.user_data is not None
    context.user_data["draft"]["when"] = await _tapped(update)
    await update.effective_chat.send_message("Ada foto? Kirim fotonya, atau lewati.", reply_markup=_buttons("skip"))
    return PHOTO


async def _photo(update: Update, _context: ContextTypes.DEFAULT_TYPE) -> int:
    assert update.effective_chat is not None
    await _tapped(update)
    await update.effective_chat.send_message("Bagaimana identitas Anda?",
                                             reply_markup=_buttons("named", "confidential", "anonymous"))
    return IDENTITY


async def _identity(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    assert update.effective_chat is not None and context.user_data is not None
    draft = context.user_data["draft"]
    draft["identity"] = await _tapped(update)
    summary = "\n".join(f"{key}: {value}" for key, value in draft.items())
    await update.effective_chat.send_message(f"Ringkasan:\n{summary}",
                                             reply_markup=_buttons("send", "change", "cancel"))
    return CONFIRM


async def _confirm(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    assert update.effective_chat is not None and context.user_data is not None
    await _tapped(update)
    context.user_data.pop("draft", None)
    await update.effective_chat.send_message(f"Laporan terkirim: LP-{secrets.token_hex(4).upper()}.")
    await update.effective_chat.send_message("Apa yang bisa kami bantu?",
                                             reply_markup=_buttons("report", "status", "help", "english"))
    return ConversationHandler.END


def stock_conversation() -> ConversationHandler:
    text = filters.TEXT & ~filters.COMMAND
    # One conversation a chat and user, as ours: PTB warns that per_message=False lets a button of any of the
    # bot's messages answer, which is what this flow means.
    warnings.filterwarnings("ignore", "If 'per_message=False'", PTBUserWarning)
    return ConversationHandler(
        entry_points=[CommandHandler("start", _start)],
        states={
            MENU: [CallbackQueryHandler(_menu, pattern="^c:report$")],
            CATEGORY: [CallbackQueryHandler(_category)],
            WHAT: [MessageHandler(text, _what)],
            WHERE: [MessageHandler(text, _where)],
            PLACE_CHECK: [CallbackQueryHandler(_place_check)],
            WHEN: [CallbackQueryHandler(_when)],
            PHOTO: [CallbackQueryHandler(_photo)],
            IDENTITY: [CallbackQueryHandler(_identity)],
            CONFIRM: [CallbackQueryHandler(_confirm)],
        },
        fallbacks=[],
        per_message=False,
    )


@contextlib.asynccontextmanager
async def stock(api: BotAPIProcess) -> AsyncIterator[Callable[[dict[str, Any]], Awaitable[None]]]:
    application = Application.builder().token(TOKEN).base_url(api.base_url).updater(None).build()
    application.add_handler(stock_conversation())
    async with application:
        await application.start()

        async def feed(update: dict[str, Any]) -> None:
            await application.update_queue.put(Update.de_json(update, application.bot))

        try:
            yield feed
        finally:
            await application.stop()


async def _run(residents: int) -> dict[str, Any]:
    async with BotAPIProcess() as api:
        with tempfile.TemporaryDirectory() as scratch:
            with progress(f"B2 ours, {residents} residents"):
                async with ours(api, Path(scratch)) as feed:
                    ours_per_s, ours_cpu_ms = await measure(api, feed, residents)
            with progress(f"B2 stock python-telegram-bot, {residents} residents"):
                async with stock(api) as feed:
                    stock_per_s, stock_cpu_ms = await measure(api, feed, residents)
    return {"ours_updates_per_s": round(ours_per_s, 1), "ptb_updates_per_s": round(stock_per_s, 1),
            "ratio": round(ours_per_s / stock_per_s, 3),
            "ours_cpu_ms_per_update": round(ours_cpu_ms, 2), "ptb_cpu_ms_per_update": round(stock_cpu_ms, 2),
            "cpu_ratio": round(ours_cpu_ms / stock_cpu_ms, 2)}


def run(bench_database_url: str | None, quick: bool = False) -> dict[str, Any]:
    """`bench_database_url` is not used: ours keeps its state in SQLite, the default database."""
    residents = QUICK_RESIDENTS if quick else RESIDENTS
    result = asyncio.run(_run(residents))
    result["parameters"] = {
        "residents": residents, "updates_per_report": UPDATES_PER_REPORT, "database": "sqlite",
        "ours": "create_app's webhook route over an ASGI transport, its lifespan running",
        "stock": "python-telegram-bot ConversationHandler, state in memory, no routing, no storage",
        "bot_api": "fake Bot API on 127.0.0.1 over HTTP, in a process of its own",
    }
    return result


if __name__ == "__main__":  # python -m benchmarks.b2_telegram [--quick]
    print(json.dumps(run(None, quick="--quick" in sys.argv), indent=2))
