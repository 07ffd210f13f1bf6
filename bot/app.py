"""The HTTP service (`lapor serve`): webhooks and health, with the channels started in its lifespan."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import time
from collections.abc import AsyncIterator
from typing import Any

from multidict import MultiDict
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Route

from bot import logs, web
from bot.channels import telegram as telegram_channel
from bot.channels import whatsapp as whatsapp_channel
from bot.channels.base import Channel, MalformedWebhook, Outbound, TooLarge, read_body
from bot.channels.console import ConsoleChannel
from bot.channels.telegram import WEBHOOK_PATH, UnreadableUpdate
from bot.channels.whatsapp import WhatsAppChannel
from bot.config import Settings
from bot.delivery import deliver
from bot.flood import Flood, FloodGate, held_back
from bot.open311 import Open311
from bot.outbox import Dispatcher, RetryPolicy, Sender
from bot.photos import MEDIA_HEADERS, Photos
from bot.scheduler import Scheduler
from bot.service import open_engine
from bot.telegram_service import TelegramService
from handlers.alerts import URGENT
from handlers.i18n import t
from storage.models import Contact, OutboxKind, utcnow
from storage.outbox import enqueue, record_delivery

log = logging.getLogger(__name__)

# How uvicorn runs the app: behind a reverse proxy, saying nothing about itself; on uvloop and httptools (a
# third less server CPU a webhook than asyncio's loop and h11); no access log line a request (the proxy keeps
# one, and the engine logs each message handled).
SERVER_OPTIONS: dict[str, Any] = {"log_config": None, "proxy_headers": True, "server_header": False,
                                  "loop": "uvloop", "http": "httptools", "access_log": False}


async def telegram_webhook(request: Request) -> Response:
    telegram: TelegramService | None = request.app.state.telegram
    if telegram is None or not telegram.webhook:
        return Response(status_code=404)
    if not telegram_channel.has_secret(request.headers.get(telegram_channel.SECRET_HEADER, ""), telegram.secret):
        log.warning("telegram webhook called without the right secret")
        return Response(status_code=403)
    try:
        data = telegram_channel.webhook_update(await read_body(request, telegram_channel.MAX_UPDATE_BYTES))
    except TooLarge:
        return Response(status_code=413)
    except MalformedWebhook:
        return Response(status_code=400)
    try:
        update = await telegram.put(data)
    except UnreadableUpdate:
        log.warning("telegram update %s could not be read", data["update_id"])
        chat = telegram_channel.unreadable_chat(data)
        if chat is None:
            return Response(status_code=200)
        lang = await request.app.state.engine.language_of(telegram_channel.chat_urn(chat))
        return JSONResponse(telegram_channel.send_answer(chat, t(lang, "common.unreadable")))
    answer = telegram_channel.webhook_answer(update)
    return JSONResponse(answer) if answer else Response(status_code=200)


async def signed_form(request: Request) -> MultiDict[str] | Response:
    """The posted form, once its signature proves Twilio sent it and it is for our account and number; otherwise
    the error response."""
    whatsapp: WhatsAppChannel | None = request.app.state.whatsapp
    if whatsapp is None:
        return Response(status_code=404)
    try:
        form = whatsapp_channel.read_form(await read_body(request, whatsapp_channel.MAX_FORM_BYTES))
    except TooLarge:
        return Response(status_code=413)
    except MalformedWebhook:
        return Response(status_code=400)
    url = request.app.state.settings.public_base_url.rstrip("/") + request.url.path
    if request.url.query:
        url += "?" + request.url.query
    if not whatsapp.signed(url, form, request.headers.get(whatsapp_channel.SIGNATURE_HEADER, "")):
        log.warning("whatsapp request with a missing or wrong signature refused")
        return Response(status_code=403)
    if not whatsapp.for_us(form):
        log.warning("whatsapp request signed for another account or number refused")  # no number: one is a resident's
        return Response(status_code=403)
    return form


LATE_SENDS_WAIT = 15.0  # seconds a stopping service gives the late answers still going out by the REST API
_TURNS_TO_SEE_A_CLOSE = 3  # the socket read, the close seen, the protocol told


def _twiml(xml: str) -> Response:
    return Response(xml, media_type="application/xml")


class AnswerOrQueue:
    """Leaves a WhatsApp message's replies to the webhook's answer while Twilio still waits for it; once it has
    gone, or is about to give up (`ANSWER_WITHIN`), queues them for the outbox in the same transaction instead:
    late, never lost, and never twice (Twilio's retry of the message is a replay, answered with nothing). Where no
    row may name the contact (the message filed an anonymous report, or erased them), they are kept for the REST
    API to send once the transaction has committed (`unqueued`), and stored nowhere."""

    def __init__(self, request: Request, message_sid: str) -> None:
        self.request, self.message_sid = request, message_sid
        self.answer_by = time.monotonic() + whatsapp_channel.ANSWER_WITHIN
        self.late: list[Outbound] | None = None  # the replies found late, queued or `unqueued`
        self.unqueued = False

    async def _gone(self) -> bool:
        """Whether Twilio has closed the connection. A message handled without waiting on anything never let the
        loop read the socket: asking once lets the server read again, a turn of the loop lets it see the close."""
        if await self.request.is_disconnected():
            return True
        for _ in range(_TURNS_TO_SEE_A_CLOSE):
            await asyncio.sleep(0)
        return await self.request.is_disconnected()

    def sent_otherwise(self, replies: list[Outbound]) -> bool:
        """Whether `replies`, as the engine returned them, go by the REST API: found late, and their transaction
        committed (were it rolled back, the engine returns its error reply instead, and nothing was queued)."""
        return replies is self.late

    async def __call__(self, db: AsyncSession, contact: Contact | None, replies: list[Outbound]) -> None:
        if not replies or (time.monotonic() < self.answer_by and not await self._gone()):
            return
        self.late = replies
        log.warning("whatsapp answer ready after Twilio stopped waiting: sent through the REST API")
        if contact is None:
            self.unqueued = True
            return
        cipher, now = self.request.app.state.engine.cipher, utcnow()
        message = cipher.lookup_hash(f"late:{self.message_sid}")  # the provider's id is kept nowhere in clear
        for number, reply in enumerate(replies):
            payload = {"text": reply.text, "choices": [[choice.key, choice.label] for choice in reply.choices],
                       "hint": reply.choices_hint}
            await enqueue(db, cipher, kind=OutboxKind.LATE_ANSWER, contact_id=contact.id, payload=payload,
                          idempotency_key=f"{OutboxKind.LATE_ANSWER}:{message}:{number}", at=now, priority=URGENT)


async def whatsapp_webhook(request: Request) -> Response:
    form = await signed_form(request)
    if isinstance(form, Response):
        return form
    state = request.app.state
    whatsapp: WhatsAppChannel = state.whatsapp
    try:
        inbound = whatsapp.receive(form)
    except MalformedWebhook as error:
        log.warning("whatsapp webhook refused: %s", error)  # signed by Twilio: a setting to mend
        return Response(status_code=400)
    verdict = state.flood.check(inbound.urn, inbound.provider_message_id, inbound.text)
    if verdict is not Flood.PASS:
        return _twiml(whatsapp.twiml(held_back(verdict, inbound.urn, state.settings.default_language)))
    answer = AnswerOrQueue(request, inbound.provider_message_id)
    replies = await state.engine.handle(inbound, answer)
    if not answer.sent_otherwise(replies):
        return _twiml(whatsapp.twiml(replies))
    if answer.unqueued:
        sending = asyncio.create_task(deliver(whatsapp.send, replies, state.engine.mark_unreachable))
        state.late_sends.add(sending)  # held until done: the loop keeps only a weak reference to a task
        sending.add_done_callback(state.late_sends.discard)
    return _twiml(whatsapp.twiml([]))


async def whatsapp_status(request: Request) -> Response:
    form = await signed_form(request)
    if isinstance(form, Response):
        return form
    try:
        delivery = whatsapp_channel.delivery_status(form)
    except MalformedWebhook:
        return Response(status_code=400)
    async with request.app.state.engine.sessions() as db, db.begin():
        known = await record_delivery(db, delivery.message_sid, delivery.status, delivery.error_code,
                                      retry_as_template=delivery.retry_as_template, unreachable=delivery.unreachable)
    if not known:
        log.info("delivery status for a message not in the outbox")
    return Response(status_code=200)


async def photo(request: Request) -> Response:
    """A stored photo or voice note, for a provider holding a link the outbox signed (Twilio fetches media by
    URL)."""
    path = request.app.state.photos.file_for(request.path_params["name"], request.query_params.get("expires", ""),
                                             request.query_params.get("sig", ""))
    if path is None:
        return Response(status_code=404)
    return FileResponse(path, headers=MEDIA_HEADERS)


async def healthz(request: Request) -> Response:
    try:
        async with request.app.state.engine.sessions() as db:
            await db.execute(text("SELECT 1"))
    except Exception:
        log.exception("health check: database unreachable")
        return JSONResponse({"status": "database unreachable"}, status_code=503)
    return JSONResponse({"status": "ok"})


def create_app(settings: Settings, workers: int = 1) -> Starlette:
    """The service; `workers` is how many processes serve it side by side, which share WhatsApp's rate."""

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with open_engine(settings) as engine:
            flood = FloodGate(settings.flood_per_minute)
            telegram = TelegramService(settings, engine, flood) if settings.telegram_bot_token else None
            whatsapp = whatsapp_from(settings, workers)
            if whatsapp is not None:  # Telegram's service registers its own
                engine.media_fetchers[whatsapp.name] = whatsapp.fetch_media
            channels: list[Channel[Any]] = [c for c in (whatsapp, telegram.channel if telegram else None) if c]
            senders: dict[str, Sender] = {channel.name: channel for channel in channels}
            app.state.settings, app.state.engine, app.state.flood = settings, engine, flood
            app.state.telegram, app.state.whatsapp = telegram, whatsapp
            photos = Photos(settings.contact_secret(), settings.media_dir, settings.public_base_url)
            app.state.photos = photos
            app.state.late_sends = set()
            dispatcher = Dispatcher(engine.sessions, engine.cipher, senders, photos=photos,
                                    templates=settings.whatsapp_templates(),
                                    # WhatsApp's channel paces its own calls.
                                    per_second={"telegram": telegram_channel.PER_SECOND},
                                    policy=RetryPolicy(lease=settings.outbox_lease),
                                    on_unreachable=engine.mark_unreachable,
                                    skip_channels=(ConsoleChannel.name,))
            engine.on_queued = dispatcher.wake
            stop = asyncio.Event()
            if telegram is not None:
                await telegram.start()
            sending = asyncio.create_task(dispatcher.run(stop))
            scheduler = Scheduler(engine, settings.effective_database_url, settings.retention)
            scheduler.start()
            try:
                yield
            finally:
                await scheduler.stop()
                stop.set()
                await sending
                if app.state.late_sends:  # late answers kept nowhere else (an anonymous report's ref) go first
                    await asyncio.wait(app.state.late_sends, timeout=LATE_SENDS_WAIT)
                if telegram is not None:
                    await telegram.stop()
                if whatsapp is not None:
                    await whatsapp.close()

    return Starlette(
        routes=[
            Route(WEBHOOK_PATH, telegram_webhook, methods=["POST"]),
            Route("/whatsapp/webhook", whatsapp_webhook, methods=["POST"]),
            Route("/whatsapp/status", whatsapp_status, methods=["POST"]),
            Route("/media/{name}", photo),
            Route("/healthz", healthz),
            *(Open311(settings).routes() if settings.open311_enabled else []),
            *web.routes(),  # the station's web page
        ],
        lifespan=lifespan,
    )


def app_in_worker() -> Starlette:
    """The service in one of `lapor serve --workers N`'s processes: settings from the environment, N from
    WEB_CONCURRENCY (uvicorn's own variable, which `serve` sets)."""
    settings = Settings()
    logs.configure(settings.log_level)
    return create_app(settings, int(os.environ.get("WEB_CONCURRENCY", "1")))


def whatsapp_from(settings: Settings, workers: int = 1) -> WhatsAppChannel | None:
    """The WhatsApp channel; each of `workers` processes paces its own calls, so each gets its share of the
    sender's WHATSAPP_PER_SECOND."""
    if not settings.whatsapp_enabled:
        return None
    if not settings.public_base_url:
        raise ValueError("WhatsApp needs PUBLIC_BASE_URL: Twilio signs every request with the URL it calls")
    return WhatsAppChannel(settings.twilio_account_sid, settings.twilio_auth_token, settings.twilio_whatsapp_from,
                           api_base_url=settings.twilio_api_base_url,
                           status_callback=settings.public_base_url.rstrip("/") + "/whatsapp/status",
                           per_second=settings.whatsapp_per_second / workers)
