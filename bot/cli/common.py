"""What the `lapor` commands share: settings and the database made ready, option types, and the one way a
command fails."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import Annotated, Any, NoReturn, TypeVar

import typer
from sqlalchemy.ext.asyncio import AsyncSession

from bot import logs
from bot.config import Settings
from bot.service import seed_stations
from storage import db as database
from storage.crypto import ContactCipher
from storage.keys import check_secret_key
from storage.models import Station
from storage.regions import RegionIndex
from storage.stations import station_by_code

T = TypeVar("T")


def language(value: str | None) -> str | None:
    if value is not None and value.lower() not in ("id", "en"):
        raise typer.BadParameter(f"id or en, not {value!r}")
    return value.lower() if value else value


def upper(value: str | None) -> str | None:
    return value.upper() if value else value


def fail(message: str) -> NoReturn:
    """Ends the command: `message` on stderr, exit status 1."""
    typer.echo(message, err=True)
    raise typer.Exit(1)


Language = Annotated[str | None, typer.Option("--lang", help="id or en", show_default=False, callback=language)]
StationCode = Annotated[str, typer.Option("--station", help="The station's code.", callback=upper)]


def print_rows(rows: list[dict[str, Any]], as_json: bool, line: Callable[[dict[str, Any]], str]) -> None:
    """A listing: JSON for scripts, else one line a row for people."""
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        typer.echo(line(row))


def read_settings(*, chat: bool = False) -> Settings:
    settings = Settings()
    logs.configure(settings.log_level, settings.data_dir / "lapor.log" if chat else None)
    return settings


def migrated(settings: Settings) -> None:
    """DATA_DIR kept to this account, the database migrated, and the SECRET_KEY checked against it before anything
    starts."""
    settings.narrow_data_dir()
    database.upgrade(settings.effective_database_url)

    async def check() -> None:
        engine = database.create_engine(settings.effective_database_url)
        try:
            await check_secret_key(database.session_factory(engine), ContactCipher(settings.contact_secret()))
        finally:
            await engine.dispose()

    asyncio.run(check())


async def with_db(settings: Settings, work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    """Runs `work` in one transaction on the configured database."""
    engine = database.create_engine(settings.effective_database_url)
    try:
        sessions = database.session_factory(engine)
        await check_secret_key(sessions, ContactCipher(settings.contact_secret()))
        async with sessions() as session, session.begin():
            return await work(session)
    finally:
        await engine.dispose()


def ready(settings: Settings) -> RegionIndex:
    """Migrated database, region index and (on a fresh install) the shipped stations."""
    migrated(settings)
    regions = RegionIndex.load()
    asyncio.run(seed_stations(settings, regions))
    return regions


async def station_or_fail(db: AsyncSession, code: str) -> Station:
    """The station of `code`; the command fails when there is none."""
    found = await station_by_code(db, code)
    if found is None:
        fail(f"no station {code}: see `lapor stations list`")
    return found
