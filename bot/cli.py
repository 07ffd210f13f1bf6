"""The `lapor` command line (also `python -m bot`)."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import sys
from typing import Annotated

import typer

from bot import logs
from bot.channels.base import make_urn
from bot.channels.console import ConsoleChannel
from bot.config import Settings
from bot.service import open_engine
from storage import db as database
from storage.reports import list_reports

app = typer.Typer(help="Lapor: residents report incidents to their local police station.", no_args_is_help=True)
db_app = typer.Typer(help="The database.", no_args_is_help=True)
reports_app = typer.Typer(help="Reports.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(reports_app, name="reports")

Language = Annotated[str | None, typer.Option("--lang", help="id or en", show_default=False)]


def _settings(*, chat: bool = False) -> Settings:
    settings = Settings()
    logs.configure(settings.log_level, settings.data_dir / "lapor.log" if chat else None)
    return settings


@app.command()
def run() -> None:
    """Start Lapor. With no channel credentials configured, this is a terminal chat as a resident."""
    settings = _settings(chat=True)
    database.upgrade(settings.effective_database_url)
    asyncio.run(_chat(settings, "console:local", None))


@app.command()
def chat(
    urn: Annotated[str, typer.Option(help="Who you are in this chat.")] = "console:local",
    lang: Language = None,
) -> None:
    """Chat with the bot in the terminal, one message per line (a pipe works too).

    `/loc LAT,LON` sends a location, `/photo PATH` a photo.
    """
    if lang not in (None, "id", "en"):
        raise typer.BadParameter("--lang takes id or en")
    settings = _settings(chat=True)
    database.upgrade(settings.effective_database_url)
    asyncio.run(_chat(settings, urn if ":" in urn else make_urn("console", urn), lang))


async def _chat(settings: Settings, urn: str, lang: str | None) -> None:
    channel = ConsoleChannel(urn, sys.stdout)
    async with open_engine(settings, default_language=lang,
                           media_fetchers={channel.name: channel.fetch_media}) as engine:
        if lang:
            await engine.set_language(urn, lang)
        interactive = sys.stdin.isatty()
        loop = asyncio.get_running_loop()
        while True:
            if interactive:
                print("> ", end="", flush=True)
            line = await loop.run_in_executor(None, sys.stdin.readline)
            if not line:
                break
            for reply in await engine.handle(channel.receive(line)):
                await channel.send(reply)


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply the database migrations up to the newest (run and chat do this on start too)."""
    settings = _settings()
    database.upgrade(settings.effective_database_url)
    typer.echo("database is up to date")


@reports_app.command("list")
def reports_list(
    station: Annotated[str | None, typer.Option(help="Only this station's code.")] = None,
    since: Annotated[dt.datetime | None, typer.Option(help="Only reports created from this date (UTC).",
                                                      formats=["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S"])] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List reports, oldest first."""
    settings = _settings()
    database.upgrade(settings.effective_database_url)
    rows = asyncio.run(_reports(settings, station, since.replace(tzinfo=dt.UTC) if since else None))
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        typer.echo(f"{row['ref']}  {row['created_at'][:16]}  {row['status']:<12} {row['category']:<13} "
                   f"{row['station'] or '-':<10} {row['place'] or ''}")


async def _reports(settings: Settings, station: str | None, since: dt.datetime | None) -> list[dict[str, object]]:
    engine = database.create_engine(settings.effective_database_url)
    try:
        async with database.session_factory(engine)() as session:
            rows = await list_reports(session, station_code=station, since=since)
    finally:
        await engine.dispose()
    return [
        {
            "ref": report.ref,
            "category": report.category.value,
            "status": report.status.value,
            "urgent": report.urgent,
            "identity": report.identity.value,
            "station": station_row.code if station_row else None,
            "place": report.location_text,
            "latitude": report.latitude,
            "longitude": report.longitude,
            "created_at": report.created_at.isoformat(),
            "description": report.description,
        }
        for report, station_row in rows
    ]
