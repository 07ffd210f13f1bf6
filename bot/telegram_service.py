"""The running Telegram side: python-telegram-bot's Application, fed by polling or by our webhook."""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Awaitable
from dataclasses import asdict
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update
from telegram.ext import AIORateLimiter, Application, BaseUpdateProcessor, ContextTypes, TypeHandler
from telegram.request import BaseRequest, HTTPXRequest, RequestData

from bot.channels.base import Choice, Media, Outbound
from bot.channels.telegram import WEBHOOK_PATH, TelegramChannel, read_update
from bot.config import Settings
from bot.delivery import deliver
from bot.flood import Flood, FloodGate, held_back
from handlers.engine import Engine, KeepReplies
from storage.models import Contact
from storage.updates import forget_update, keep_replies, record_update, unanswered_updates

log = logging.getLogger(__name__)


# How many chats' updates are handled at once. Each takes an HTTP connection to the Bot API while it waits
# for an answer, and the more connections a pool holds, the more each call costs (SpreadRequests). Sixteen
# keep a slow chat from holding up the others and, at the Bot API's usual 0.1-0.3 s a call, some 20-50
# updates a second.
UPDATES_AT_ONCE = 16


class OneChatAtATime(BaseUpdateProcessor):
    """Updates of different chats run side by side, so that one slow chat (a photo download, a wait
    Telegram asked for) holds up no one else; the updates of one chat run one at a time, in order."""

    def __init__(self, max_concurrent_updates: int = UPDATES_AT_ONCE) -> None:
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


class SpreadRequests(BaseRequest):
    """Bot API calls over several connection pools, each call on the pool with the fewest calls under way.

    httpcore's pool looks through all its connections at every request and every answer, and through all of them
    again for each idle one. With one pool and 16 chats at once, that look cost each call as much CPU as the rest of
    the call (B2: 1.4-1.8 ms a call against 0.7 ms one at a time). Eight pools hold the library's default 256
    connections in all, and each look is over the few of one pool."""

    def __init__(self, pools: int = 8, connections_each: int = 32) -> None:
        super().__init__()
        self._pools = [HTTPXRequest(connection_pool_size=connections_each) for _ in range(pools)]
        self._under_way = [0] * pools

    @property
    def read_timeout(self) -> float | None:
        return self._pools[0].read_timeout

    async def initialize(self) -> None:
        for pool in self._pools:
            await pool.initialize()

    async def shutdown(self) -> None:
        for pool in self._pools:
            await pool.shutdown()

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         read_timeout: Any = BaseRequest.DEFAULT_NONE, write_timeout: Any = BaseRequest.DEFAULT_NONE,
                         connect_timeout: Any = BaseRequest.DEFAULT_NONE,
                         pool_timeout: Any = BaseRequest.DEFAULT_NONE) -> tuple[int, bytes]:
        least = min(range(len(self._pools)), key=self._under_way.__getitem__)
        self._under_way[least] += 1
        try:
            return await self._pools[least].do_request(url, method, request_data, read_timeout, write_timeout,
                                                       connect_timeout, pool_timeout)
        finally:
            self._under_way[least] -= 1


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
            .request(SpreadRequests())
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
        self._kept_replies: dict[int, list[Outbound]] = {}  # of updates handled before a restart
        self.default_language = settings.default_language
        engine.media_fetchers[self.channel.name] = self.channel.fetch_media
        self.application.add_handler(TypeHandler(Update, self._on_update))
        self.application.add_error_handler(self._on_error)

    async def _on_update(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        try:
            kept = self._kept_replies.pop(update.update_id, None)
            if kept is not None:  # handled before a restart, its replies not all sent
                await deliver(self.channel.send, kept, self.engine.mark_unreachable)
            else:
                await self._handle(update)
        finally:
            if self.webhook:  # answered, or never to be: not again after a restart
                async with self.engine.sessions() as db, db.begin():
                    await forget_update(db, update.update_id)

    async def _handle(self, update: Update) -> None:
        await self.channel.acknowledge(update, answered=self.webhook)
        try:
            inbound = self.channel.receive(update)
        except (TypeError, ValueError, AttributeError):  # fields of the wrong type: not an update we can read
            log.warning("telegram update %s could not be read", update.update_id)
            return
        if inbound is None:
            log.debug("update %s carries no message: ignored", update.update_id)
            return
        verdict = self.flood.check(inbound.urn, inbound.provider_message_id, inbound.text)
        if verdict is Flood.PASS:
            replies = await self.engine.handle(inbound, self._keeper(update.update_id) if self.webhook else None)
        else:
            replies = held_back(verdict, inbound.urn, self.default_language)
        await deliver(self.channel.send, replies, self.engine.mark_unreachable)

    def _keeper(self, update_id: int) -> KeepReplies:
        async def keep(db: AsyncSession, _contact: Contact | None, replies: list[Outbound]) -> None:
            await keep_replies(db, self.engine.cipher, update_id, [asdict(reply) for reply in replies])
        return keep

    async def _on_error(self, _update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        log.error("telegram update failed: %s", type(context.error).__name__, exc_info=context.error)

    async def start(self) -> None:
        """Starts the bot; with the webhook, first queues the updates a previous run took and did not handle."""
        await self.application.initialize()
        await self.channel.set_commands()
        if self.webhook:
            await self.application.bot.set_webhook(self.webhook_url, secret_token=self.secret,
                                                   allowed_updates=Update.ALL_TYPES)
        await self.application.start()
        if self.webhook:
            async with self.engine.sessions() as db:
                left = await unanswered_updates(db, self.engine.cipher)
            for unanswered in left:
                update = Update.de_json(unanswered.body, self.application.bot)
                if unanswered.replies is not None:
                    self._kept_replies[update.update_id] = [_outbound(reply) for reply in unanswered.replies]
                await self.application.update_queue.put(update)
            if left:
                log.info("%d telegram updates taken before a restart are handled now", len(left))
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

    async def put(self, data: dict[str, Any]) -> Update:
        """Takes an update from the webhook: recorded before the webhook answers (so a crash loses none),
        then queued; each chat's updates are handled one at a time, in order. UnreadableUpdate for a body
        that is no update the library can read, before anything is recorded."""
        update = read_update(data, self.application.bot)
        async with self.engine.sessions() as db, db.begin():
            new = await record_update(db, self.engine.cipher, update.update_id, data)
        if new:  # one Telegram sent again while it waits is in the queue already
            await self.application.update_queue.put(update)
        return update


def _outbound(kept: dict[str, Any]) -> Outbound:
    """A reply as `asdict` kept it."""
    photo = kept.get("photo")
    return Outbound(**{**kept, "choices": tuple(Choice(**choice) for choice in kept["choices"]),
                       "photo": Media(**photo) if photo else None})
