"""The running Telegram side: python-telegram-bot's Application, fed by polling or by our webhook."""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import AIORateLimiter, Application, BaseUpdateProcessor, ContextTypes, TypeHandler

from bot.channels.base import Outbound
from bot.channels.telegram import TelegramChannel, read_update
from bot.config import Settings
from bot.delivery import deliver
from bot.flood import FloodGate
from handlers.engine import Engine
from handlers.i18n import t

log = logging.getLogger(__name__)

WEBHOOK_PATH = "/telegram/webhook"


class OneChatAtATime(BaseUpdateProcessor):
    """Updates of different chats run side by side, so that one slow chat (a photo download, a wait
    Telegram asked for) holds up no one else; the updates of one chat run one at a time, in order."""

    def __init__(self, max_concurrent_updates: int = 64) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}
        self._users: Counter[int] = Counter()

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        chat = update.effective_chat if isinstance(update, Update) else None
        if chat is None:
            await coroutine
            return
        lock = self._locks.setdefault(chat.id, asyncio.Lock())
        self._users[chat.id] += 1
        try:
            async with lock:
                await coroutine
        finally:
            self._users[chat.id] -= 1
            if not self._users[chat.id]:  # nobody holds or waits for it: forget the chat
                del self._users[chat.id], self._locks[chat.id]

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass


class TelegramService:
    def __init__(self, settings: Settings, engine: Engine, flood: FloodGate) -> None:
        self.webhook = settings.effective_telegram_mode == "webhook"
        if self.webhook and not settings.public_base_url:
            raise ValueError("TELEGRAM_MODE=webhook needs PUBLIC_BASE_URL, the HTTPS address Telegram calls")
        self.webhook_url = settings.public_base_url.rstrip("/") + WEBHOOK_PATH
        self.secret = settings.telegram_secret()
        builder = (
            Application.builder()
            .token(settings.telegram_bot_token)
            .base_url(settings.telegram_base_url)
            .base_file_url(settings.telegram_file_url)
            # No retries inside PTB: a RetryAfter reaches delivery, which waits as asked.
            .rate_limiter(AIORateLimiter(max_retries=0))
            .concurrent_updates(OneChatAtATime())
        )
        if self.webhook:
            builder = builder.updater(None)  # updates come through our own webhook route
        self.application = builder.build()
        self.channel = TelegramChannel(self.application.bot)
        self.engine = engine
        self.flood = flood
        self.default_language = settings.default_language
        engine.media_fetchers[self.channel.name] = self.channel.fetch_media
        self.application.add_handler(TypeHandler(Update, self._on_update))
        self.application.add_error_handler(self._on_error)

    async def _on_update(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        await self.channel.acknowledge(update)
        try:
            inbound = self.channel.receive(update)
        except (TypeError, ValueError, AttributeError):  # fields of the wrong type: not an update we can read
            log.warning("telegram update %s could not be read", update.update_id)
            return
        if inbound is None:
            log.debug("update %s carries no message: ignored", update.update_id)
            return
        verdict = self.flood.check(inbound.urn)
        if verdict == "drop":
            return
        if verdict == "warn":
            replies = [Outbound(inbound.urn, t(self.default_language, "common.slow_down"))]
        else:
            replies = await self.engine.handle(inbound)
        await deliver(self.channel.send, replies, self.engine.mark_unreachable)

    async def _on_error(self, _update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        log.error("telegram update failed: %s", type(context.error).__name__, exc_info=context.error)

    async def start(self) -> None:
        await self.application.initialize()
        await self.channel.set_commands()
        if self.webhook:
            await self.application.bot.set_webhook(self.webhook_url, secret_token=self.secret,
                                                   allowed_updates=Update.ALL_TYPES)
        await self.application.start()
        if not self.webhook:
            await self.application.bot.delete_webhook()
            assert self.application.updater is not None
            await self.application.updater.start_polling(allowed_updates=Update.ALL_TYPES)
        log.info("telegram started (%s)", "webhook" if self.webhook else "polling")

    async def stop(self) -> None:
        if self.application.updater is not None and self.application.updater.running:
            await self.application.updater.stop()
        if self.application.running:
            await self.application.stop()
        await self.application.shutdown()

    async def put(self, data: dict[str, Any]) -> None:
        """Queues an update from the webhook; the Application handles updates one at a time, in order."""
        await self.application.update_queue.put(read_update(data, self.application.bot))
