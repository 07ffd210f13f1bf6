"""`lapor digest`: a station head's daily digest, shown here or queued to be sent."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo

import typer

from bot.chart import digest_chart
from bot.cli.common import Language, StationCode, fail, read_settings, ready, station_or_fail
from bot.service import open_engine
from handlers.digest import HOTSPOT_DAYS, TREND_DAYS, WINDOW, Digest, NotDue, compose, digest_moment
from handlers.office import Office
from storage.models import Station, utcnow
from storage.stations import station_by_code

digest_app = typer.Typer(help="The station heads' daily digest.", no_args_is_help=True)

FIRST_DATE, LAST_DATE = dt.datetime(2000, 1, 1), dt.datetime(2100, 12, 31)


def _digest_date(value: dt.datetime) -> dt.datetime:
    if not FIRST_DATE <= value <= LAST_DATE:
        raise typer.BadParameter(f"must be between {FIRST_DATE:%Y-%m-%d} and {LAST_DATE:%Y-%m-%d}")
    return value


DigestDate = Annotated[dt.datetime, typer.Option("--date", help="The digest's date, in the station's time.",
                                                 formats=["%Y-%m-%d"], callback=_digest_date)]


def _local(station: Station, moment: dt.datetime) -> str:
    return f"{moment.astimezone(ZoneInfo(station.timezone)):%Y-%m-%d %H:%M %Z}"


@digest_app.command("preview")
def digest_preview(
    station: StationCode,
    date: DigestDate,
    png: Annotated[Path | None, typer.Option(help="Also write the chart to this PNG file.")] = None,
    lang: Language = None,
) -> None:
    """Print a station's digest for a date as its head would read it; nothing is sent or recorded."""
    if png is not None and not png.parent.is_dir():
        fail(f"cannot write {png}: there is no directory {png.parent}")
    if png is not None and png.is_dir():  # refused before the digest is read, whether it has a picture or not
        fail(f"cannot write {png}: it is a directory")
    settings = read_settings()
    ready(settings)

    async def preview() -> Digest:
        async with open_engine(settings) as engine, engine.sessions() as db:
            found = await station_or_fail(db, station)
            start, now = digest_moment(found, date.date()) - WINDOW, utcnow()
            if start > now:
                fail(f"the digest of {station} for {date:%Y-%m-%d} covers the 24 hours from {_local(found, start)}, "
                      "which has not begun; nothing to show")
            office = Office(db, engine.cipher, engine.router, engine.escalation, now)
            return await compose(office, found, date.date(), lang or settings.default_language)

    digest = asyncio.run(preview())
    typer.echo(digest.text)
    if png is not None and not digest.chart:
        typer.echo(f"\nno chart: no report in the trend's {TREND_DAYS} days, and none with a place in the grid's "
                   f"{HOTSPOT_DAYS}")
    elif png is not None:
        try:
            png.write_bytes(digest_chart(digest.chart))
        except OSError as error:
            fail(f"cannot write {png}: {error.strerror or error}")
        typer.echo(f"\nchart written to {png}")


@digest_app.command("send")
def digest_send(
    station: StationCode,
    date: DigestDate,
    force: Annotated[bool, typer.Option(help="Send again even if it was sent (recorded as one more send).")] = False,
) -> None:
    """Queue a station's digest for a date to its heads, unless it was sent already; the running service
    (`lapor serve`) delivers it."""
    settings = read_settings()
    ready(settings)

    async def send() -> int | None:
        async with open_engine(settings) as engine:
            try:
                return await engine.send_digest(station, date.date(), force=force)
            except LookupError:
                fail(f"no station {station}: see `lapor stations list`")
            except NotDue:
                async with engine.sessions() as db:
                    found = await station_by_code(db, station)
                due = f" until {_local(found, digest_moment(found, date.date()))}" if found else " yet"
                fail(f"the digest of {station} for {date:%Y-%m-%d} is not due{due}; "
                      "`lapor digest preview` shows it so far")

    sent = asyncio.run(send())
    if sent is None:
        typer.echo(f"the digest of {station} for {date:%Y-%m-%d} was sent already; --force sends it again")
        raise typer.Exit(1)
    if not sent:
        fail(f"no station head is enrolled at {station}: nothing was sent and nothing recorded "
              "(see `lapor officers invite --role head`)")
    typer.echo(f"digest queued for {sent} station head(s)")
