"""The HTTP service (`lapor serve`): webhooks and health, with the channels started in its lifespan."""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import os
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import parse_qsl

from sqlalchemy import text
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Route
from twilio.request_validator import RequestValidator

from bot import logs, web
from bot.channels import telegram as telegram_channel
from bot.channels.base import Outbound, ascii_number
from bot.channels.whatsapp import OUTSIDE_WINDOW, UNREACHABLE_CODES, MalformedWebhook, WhatsAppChannel
from bot.config import Settings
from bot.flood import FloodGate
from bot.open311 import Open311
from bot.outbox import Dispatcher, RetryPolicy, Sender
from bot.photos import Photos
from bot.scheduler import Scheduler
from bot.service import open_engine
from bot.telegram_service import WEBHOOK_PATH, TelegramService
from handlers.i18n import t
from storage.outbox import PROVIDER_STATUS, record_delivery

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 1024 * 1024  # a Telegram update is a few kilobytes
MAX_FORM_BYTES = 64 * 1024  # a Twilio form is smaller still; its signature is checked before any work
MAX_FORM_FIELDS = 200
MAX_JSON_DEPTH = 32  # a Telegram update nests a dozen levels at most (a reply quoting a message)
# Stored files are only ever photos and voice notes: no browser may read one as a page or run anything from it.
MEDIA_HEADERS = {"X-Content-Type-Options": "nosniff", "Content-Security-Policy": "default-src 'none'; sandbox",
                 "Content-Disposition": "inline"}
# How uvicorn runs the app: behind a reverse proxy, saying nothing about itself.
SERVER_OPTIONS: dict[str, Any] = {"log_config": None, "proxy_headers": True, "server_header": False}


class BodyTooLarge(Exception):
    pass


class TooDeep(ValueError):
    pass


def load_json(body: bytes) -> Any:
    """The JSON document in `body`, refused (TooDeep) past MAX_JSON_DEPTH levels: deeper still, the parser
    itself gives up with a RecursionError, and what it does return is walked by libraries that recurse."""
    try:
        document = json.loads(body)
    except RecursionError as error:
        raise TooDeep from error
    level = [document]  # the containers at one depth, from the top down
    for _ in range(MAX_JSON_DEPTH + 1):
        level = [child for node in level if isinstance(node, (dict, list))
                 for child in (node.values() if isinstance(node, dict) else node) if isinstance(child, (dict, list))]
        if not level:
            return document
    raise TooDeep


class TwilioForm(dict[str, str]):
    """A posted form, one value a field. twilio's signature check asks the form for getall() first and
    otherwise falls back through two exceptions a field, twice a request: more than half of its time."""

    def getall(self, name: str) -> list[str]:
        return [self[name]]


async def read_body(request: Request, limit: int = MAX_BODY_BYTES) -> bytes:
    """The request body, refused as soon as it passes `limit` (a declared length is not trusted)."""
    declared = ascii_number(request.headers.get("content-length", ""))
    if declared is not None and declared > limit:
        raise BodyTooLarge
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise BodyTooLarge
    return bytes(body)


async def telegram_webhook(request: Request) -> Response:
    telegram: TelegramService | None = request.app.state.telegram
    if telegram is None or not telegram.webhook:
        return Response(status_code=404)
    given = request.headers.get("x-telegram-bot-api-secret-token", "")
    if not hmac.compare_digest(given.encode(), telegram.secret.encode()):
        log.warning("telegram webhook called without the right secret")
        return Response(status_code=403)
    try:
        data = load_json(await read_body(request))
    except BodyTooLarge:
        return Response(status_code=413)
    except (UnicodeDecodeError, json.JSONDecodeError, TooDeep):
        return Response(status_code=400)
    update_id = data.get("update_id") if isinstance(data, dict) else None
    if not isinstance(update_id, int) or isinstance(update_id, bool) or not 0 <= update_id < 2**63:
        return Response(status_code=400)
    try:
        await telegram.put(data)
    except (TypeError, ValueError, KeyError, AttributeError, OverflowError, OSError):  # OSError: a date past 2038
        # Well-formed JSON, but no Update this library can read: taken and dropped, or Telegram retries it.
        log.warning("telegram update %s could not be read", data["update_id"])
    return Response(status_code=200)


async def signed_form(request: Request) -> dict[str, str] | Response:
    """The posted form, once its X-Twilio-Signature proves Twilio sent it; otherwise the error response."""
    whatsapp: WhatsAppChannel | None = request.app.state.whatsapp
    if whatsapp is None:
        return Response(status_code=404)
    try:
        body = (await read_body(request, MAX_FORM_BYTES)).decode("utf-8")
    except BodyTooLarge:
        return Response(status_code=413)
    except UnicodeDecodeError:
        return Response(status_code=400)
    try:
        form = TwilioForm(parse_qsl(body, keep_blank_values=True, max_num_fields=MAX_FORM_FIELDS))
    except ValueError:
        return Response(status_code=413)
    # Twilio signs the URL it called: the public one, not the one this process sees behind a proxy.
    url = request.app.state.settings.public_base_url.rstrip("/") + request.url.path
    if request.url.query:
        url += "?" + request.url.query
    signature = request.headers.get("x-twilio-signature", "")
    if not RequestValidator(whatsapp.auth_token).validate(url, form, signature):
        log.warning("whatsapp request with a missing or wrong signature refused")
        return Response(status_code=403)
    return form


def _twiml(xml: str) -> Response:
    return Response(xml, media_type="application/xml")


async def whatsapp_webhook(request: Request) -> Response:
    form = await signed_form(request)
    if isinstance(form, Response):
        return form
    state = request.app.state
    whatsapp: WhatsAppChannel = state.whatsapp
    try:
        inbound = whatsapp.receive(form)
    except MalformedWebhook as error:
        log.info("whatsapp webhook refused: %s", error)
        return Response(status_code=400)
    verdict = state.flood.check(inbound.urn)
    if verdict != "pass":
        slow_down = [Outbound(inbound.urn, t(state.settings.default_language, "common.slow_down"))]
        return _twiml(whatsapp.twiml(slow_down if verdict == "warn" else []))
    return _twiml(whatsapp.twiml(await state.engine.handle(inbound)))


async def whatsapp_status(request: Request) -> Response:
    form = await signed_form(request)
    if isinstance(form, Response):
        return form
    state = request.app.state
    status = form.get("MessageStatus", "")
    if status not in PROVIDER_STATUS or not form.get("MessageSid"):
        return Response(status_code=400)
    error_code = form.get("ErrorCode") or None
    code = ascii_number(error_code or "", 9)
    async with state.engine.sessions() as db, db.begin():
        known = await record_delivery(db, form["MessageSid"], status, error_code,
                                      retry_as_template=code == OUTSIDE_WINDOW, unreachable=code in UNREACHABLE_CODES)
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
            whatsapp = whatsapp_channel(settings, workers)
            senders: dict[str, Sender] = {}
            if whatsapp is not None:
                engine.media_fetchers[whatsapp.name] = whatsapp.fetch_media
                senders[whatsapp.name] = whatsapp
            if telegram is not None:
                senders[telegram.channel.name] = telegram.channel
            app.state.settings, app.state.engine, app.state.flood = settings, engine, flood
            app.state.telegram, app.state.whatsapp = telegram, whatsapp
            photos = Photos(settings.contact_secret(), settings.media_dir, settings.public_base_url)
            app.state.photos = photos
            dispatcher = Dispatcher(engine.sessions, engine.cipher, senders, photos=photos,
                                    templates=settings.whatsapp_templates(),
                                    # WhatsApp's channel paces its own calls.
                                    per_second={"telegram": telegram_channel.PER_SECOND},
                                    policy=RetryPolicy(lease=settings.outbox_lease),
                                    on_unreachable=engine.mark_unreachable)
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


def whatsapp_channel(settings: Settings, workers: int = 1) -> WhatsAppChannel | None:
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
