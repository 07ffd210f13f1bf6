"""The HTTP service (`lapor serve`): webhooks and health, with the channels started in its lifespan."""

from __future__ import annotations

import contextlib
import hmac
import json
import logging
from collections.abc import AsyncIterator

from sqlalchemy import text
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from bot.config import Settings
from bot.service import open_engine
from bot.telegram_service import WEBHOOK_PATH, TelegramService

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 1024 * 1024  # a Telegram update is a few kilobytes


class BodyTooLarge(Exception):
    pass


async def read_body(request: Request, limit: int = MAX_BODY_BYTES) -> bytes:
    """The request body, refused as soon as it passes `limit` (a declared length is not trusted)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
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
        data = json.loads(await read_body(request))
    except BodyTooLarge:
        return Response(status_code=413)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return Response(status_code=400)
    if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
        return Response(status_code=400)
    try:
        await telegram.put(data)
    except (TypeError, ValueError, KeyError, AttributeError):  # well-formed JSON, but not an Update
        return Response(status_code=400)
    return Response(status_code=200)


async def healthz(request: Request) -> Response:
    try:
        async with request.app.state.engine.sessions() as db:
            await db.execute(text("SELECT 1"))
    except Exception:
        log.exception("health check: database unreachable")
        return JSONResponse({"status": "database unreachable"}, status_code=503)
    return JSONResponse({"status": "ok"})


def create_app(settings: Settings) -> Starlette:
    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with open_engine(settings) as engine:
            telegram = TelegramService(settings, engine) if settings.telegram_bot_token else None
            app.state.engine, app.state.telegram = engine, telegram
            if telegram is not None:
                await telegram.start()
            try:
                yield
            finally:
                if telegram is not None:
                    await telegram.stop()

    return Starlette(
        routes=[Route(WEBHOOK_PATH, telegram_webhook, methods=["POST"]), Route("/healthz", healthz)],
        lifespan=lifespan,
    )
