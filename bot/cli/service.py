"""`lapor run`, `serve` and `chat`: Lapor running, as a service or as a chat in this terminal; and `lapor db`."""

from __future__ import annotations

import asyncio
import os
import sys
from typing import Annotated

import typer
import uvicorn

from bot.app import SERVER_OPTIONS, create_app
from bot.channels.base import make_urn, urn_scheme
from bot.channels.console import ConsoleChannel
from bot.cli.common import Language, fail, migrated, read_settings
from bot.config import Settings
from bot.outbox import Dispatcher
from bot.photos import Photos
from bot.scheduler import Scheduler
from bot.service import open_engine
from handlers.engine import Engine
from storage import db as database

db_app = typer.Typer(help="The database.", no_args_is_help=True)


def run() -> None:
    """Start Lapor: the configured channels; with none configured, a chat in this terminal as a resident."""
    configured = Settings()
    if configured.telegram_bot_token or configured.whatsapp_enabled:
        serve()
        return
    settings = read_settings(chat=True)
    migrated(settings)
    asyncio.run(_chat(settings, "console:local", None))


# Seconds a worker may take to answer uvicorn's supervisor before it is killed and started again. With uvicorn's
# 5 s, on a 2-core machine under load (where one worker took 7-13 s to start), both workers were killed and started
# again every few seconds, and the service never answered.
WORKER_ANSWERS_WITHIN = 60


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Processes serving side by side (WhatsApp only).")] = 1,
) -> None:
    """The HTTP service: Telegram (webhook or polling), WhatsApp webhooks, the outbox and GET /healthz."""
    settings = read_settings()
    if workers > 1 and settings.telegram_bot_token:
        # Polling would fetch each update twice over, and a webhook's updates of one chat could be handled
        # out of order by two processes.
        fail("--workers above 1 serves WhatsApp only: Telegram's updates need one process")
    migrated(settings)
    if workers == 1:
        uvicorn.Server(uvicorn.Config(create_app(settings), host=host, port=port, **SERVER_OPTIONS)).run()
        return
    # Each worker builds the service itself; the scheduler's lead and the outbox's leased claims already
    # keep their work once among processes, and each process paces its share of WhatsApp's rate.
    os.environ["WEB_CONCURRENCY"] = str(workers)
    uvicorn.run("bot.app:app_in_worker", factory=True, host=host, port=port, workers=workers,
                timeout_worker_healthcheck=WORKER_ANSWERS_WITHIN, **SERVER_OPTIONS)


def chat(
    urn: Annotated[str, typer.Option(help="Who you are in this chat.")] = "console:local",
    lang: Language = None,
) -> None:
    """Chat with the bot in the terminal, one message per line (a pipe works too).

    `/loc LAT,LON` sends a location, `/photo PATH` a photo.
    """
    settings = read_settings(chat=True)
    migrated(settings)
    asyncio.run(_chat(settings, urn if ":" in urn else make_urn("console", urn), lang))


async def _chat(settings: Settings, urn: str, lang: str | None) -> None:
    channel = ConsoleChannel(urn, sys.stdout)
    async with open_engine(settings, default_language=lang,
                           media_fetchers={channel.name: channel.fetch_media}) as engine:
        if lang:
            await engine.set_language(urn, lang)
        # What the bot sends this terminal chat on its own (an officer's alerts, a resident's updates) is
        # printed here; a Telegram or WhatsApp address's messages are left for `lapor serve`.
        outbox = Dispatcher(engine.sessions, engine.cipher, {channel.name: channel}, only_urn=urn,
                            photos=Photos(settings.contact_secret(), settings.media_dir))
        engine.on_queued = outbox.wake
        stop = asyncio.Event()
        sending = asyncio.create_task(outbox.run(stop) if urn_scheme(urn) == channel.name else stop.wait())
        scheduler = Scheduler(engine, settings.effective_database_url, settings.retention)
        scheduler.start()
        try:
            await _read_lines(engine, channel)
        finally:
            await scheduler.stop()
            stop.set()
            await sending


async def _read_lines(engine: Engine, channel: ConsoleChannel) -> None:
    interactive = sys.stdin.isatty()
    loop = asyncio.get_running_loop()
    while True:
        if interactive:
            print("> ", end="", flush=True)
        line = await loop.run_in_executor(None, sys.stdin.readline)
        if not line:
            if interactive:
                print()  # end the prompt's line on Ctrl-D
            break
        for reply in await engine.handle(channel.receive(line)):
            await channel.send(reply)


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply the database migrations up to the newest (run and chat do this on start too)."""
    settings = read_settings()
    database.upgrade(settings.effective_database_url)
    typer.echo("database is up to date")
