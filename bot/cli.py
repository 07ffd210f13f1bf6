"""The `lapor` command line (also `python -m bot`)."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, Any, NoReturn, TypeVar
from zoneinfo import ZoneInfo

import typer
import uvicorn
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession
from typer.core import TyperGroup

from bot import logs
from bot.app import SERVER_OPTIONS, create_app
from bot.channels.base import make_urn, urn_scheme
from bot.channels.console import ConsoleChannel
from bot.chart import digest_chart
from bot.config import Settings
from bot.outbox import Dispatcher
from bot.photos import Photos
from bot.scheduler import Scheduler
from bot.service import open_engine, seed_stations
from handlers.digest import WINDOW, Digest, NotDue, compose, digest_moment
from handlers.engine import Engine
from handlers.office import Office
from handlers.report_flow import PLACE_TRIES
from handlers.routing import Router, place_label, station_label
from storage import db as database
from storage import sample_reports
from storage.crypto import ContactCipher
from storage.keys import WrongSecretKey, check_secret_key
from storage.models import Contact, OfficerRole, OutboxState, Report, Station, utcnow
from storage.officers import create_invite, list_officers, revoke
from storage.outbox import list_outbox
from storage.outbox import retry as retry_row
from storage.regions import RegionIndex
from storage.reports import list_reports
from storage.stations import import_stations, list_stations, station_by_code

T = TypeVar("T")

class _RefusingBadSettings(TyperGroup):
    """The commands, with a configuration or a key that cannot serve refused in one clear line and exit 1."""

    def invoke(self, ctx: Any) -> Any:  # a click Context, which typer vendors privately
        try:
            return super().invoke(ctx)
        except ValidationError as error:  # its own text would show the value, a key perhaps: names and reasons
            _fail("\n".join(f"{'.'.join(map(str, e['loc'])).upper()}: {e['msg']}" for e in error.errors()))
        except WrongSecretKey as error:
            _fail(str(error))


app = typer.Typer(cls=_RefusingBadSettings, help="Lapor: residents report incidents to their local police station.",
                  no_args_is_help=True, pretty_exceptions_enable=False)
db_app = typer.Typer(help="The database.", no_args_is_help=True)
reports_app = typer.Typer(help="Reports.", no_args_is_help=True)
stations_app = typer.Typer(help="The stations registry: who covers which kecamatan.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(reports_app, name="reports")
app.add_typer(stations_app, name="stations")
officers_app = typer.Typer(help="Officers: invite codes, who is enrolled, revoking.", no_args_is_help=True)
app.add_typer(officers_app, name="officers")
digest_app = typer.Typer(help="The station heads' daily digest.", no_args_is_help=True)
app.add_typer(digest_app, name="digest")
outbox_app = typer.Typer(help="The outbox: messages the bot starts on its own, and how each went.",
                         no_args_is_help=True)
app.add_typer(outbox_app, name="outbox")


def _language(value: str | None) -> str | None:
    if value is not None and value.lower() not in ("id", "en"):
        raise typer.BadParameter(f"id or en, not {value!r}")
    return value.lower() if value else value


def _upper(value: str | None) -> str | None:
    return value.upper() if value else value


def _fail(message: str) -> NoReturn:
    typer.echo(message, err=True)
    raise typer.Exit(1)


Language = Annotated[str | None, typer.Option("--lang", help="id or en", show_default=False, callback=_language)]
StationCode = Annotated[str, typer.Option("--station", help="The station's code.", callback=_upper)]


def _settings(*, chat: bool = False) -> Settings:
    settings = Settings()
    logs.configure(settings.log_level, settings.data_dir / "lapor.log" if chat else None)
    return settings


def _migrated(settings: Settings) -> None:
    """The database migrated, and the SECRET_KEY checked against it before anything starts."""
    database.upgrade(settings.effective_database_url)

    async def check() -> None:
        engine = database.create_engine(settings.effective_database_url)
        try:
            await check_secret_key(database.session_factory(engine), ContactCipher(settings.contact_secret()))
        finally:
            await engine.dispose()

    asyncio.run(check())


@app.command()
def run() -> None:
    """Start Lapor: the configured channels; with none configured, a chat in this terminal as a resident."""
    configured = Settings()
    if configured.telegram_bot_token or configured.whatsapp_enabled:
        serve()
        return
    settings = _settings(chat=True)
    _migrated(settings)
    asyncio.run(_chat(settings, "console:local", None))


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Processes serving side by side (WhatsApp only).")] = 1,
) -> None:
    """The HTTP service: Telegram (webhook or polling), WhatsApp webhooks, the outbox and GET /healthz."""
    settings = _settings()
    if workers > 1 and settings.telegram_bot_token:
        # Polling would fetch each update twice over, and a webhook's updates of one chat could be handled
        # out of order by two processes.
        _fail("--workers above 1 serves WhatsApp only: Telegram's updates need one process")
    _migrated(settings)
    if workers == 1:
        uvicorn.Server(uvicorn.Config(create_app(settings), host=host, port=port, **SERVER_OPTIONS)).run()
        return
    # Each worker builds the service itself; the scheduler's lead and the outbox's leased claims already
    # keep their work once among processes, and each process paces its share of WhatsApp's rate.
    os.environ["WEB_CONCURRENCY"] = str(workers)
    uvicorn.run("bot.app:app_in_worker", factory=True, host=host, port=port, workers=workers, **SERVER_OPTIONS)


@app.command()
def chat(
    urn: Annotated[str, typer.Option(help="Who you are in this chat.")] = "console:local",
    lang: Language = None,
) -> None:
    """Chat with the bot in the terminal, one message per line (a pipe works too).

    `/loc LAT,LON` sends a location, `/photo PATH` a photo.
    """
    settings = _settings(chat=True)
    _migrated(settings)
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
    settings = _settings()
    database.upgrade(settings.effective_database_url)
    typer.echo("database is up to date")


@reports_app.command("list")
def reports_list(
    station: Annotated[str | None, typer.Option(help="Only this station's code.", callback=_upper)] = None,
    since: Annotated[dt.datetime | None, typer.Option(help="Only reports created from this date (UTC).",
                                                      formats=["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S"])] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List reports, oldest first."""
    settings = _settings()
    database.upgrade(settings.effective_database_url)
    rows = asyncio.run(_reports(settings, station, since.replace(tzinfo=dt.UTC) if since else None))
    if rows is None:
        _fail(f"no station {station}: see `lapor stations list`")
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        urgent = "URGENT" if row["urgent"] else ""
        typer.echo(f"{row['ref']}  {row['created_at'][:16]}  {row['status']:<12} {row['category']:<13} {urgent:<6} "
                   f"{row['station'] or '-':<18} {row['place'] or ''}")


@reports_app.command("generate")
def reports_generate(
    station: StationCode,
    days: Annotated[int, typer.Option(min=1, max=3660, help="How many days back.")] = 7,
    per_day: Annotated[int, typer.Option(min=1, max=100_000, help="About how many reports a day.")] = 12,
    seed: Annotated[int, typer.Option(help="The same seed gives the same reports.")] = 1,
    force: Annotated[bool, typer.Option("--force", help="Add them even beside real reports.")] = False,
) -> None:
    """Add sample reports to a station, to try the digest (`lapor digest preview`), the web page, or to
    measure them.

    They are marked as samples in the database and "(data contoh)" in their text, and shown as such
    everywhere. A database that holds real reports is refused unless --force.
    """
    settings = _settings()
    regions = _ready(settings)

    async def generate_for(db: AsyncSession) -> int | str:
        """How many were made, or why none were."""
        found = await station_by_code(db, station)
        if found is None:
            return f"no station {station}: see `lapor stations list`"
        if not force and await sample_reports.holds_real_reports(db):
            return ("this database holds real reports: samples beside them would mix with them in digests, "
                    "maps and exports. Use another database, or --force if that is really meant")
        return await sample_reports.generate(db, regions, found, days=days, per_day=per_day, now=utcnow(), seed=seed)

    made = asyncio.run(_with_db(settings, generate_for))
    if isinstance(made, str):
        _fail(made)
    typer.echo(f"{made} sample reports added to {station} over the last {days} days")


async def _reports(settings: Settings, station: str | None,
                   since: dt.datetime | None) -> list[dict[str, Any]] | None:
    """The reports as `reports list --json` prints them; None when there is no such station."""

    async def listed(db: AsyncSession) -> list[tuple[Report, Station | None, int]] | None:
        if station and await station_by_code(db, station) is None:
            return None
        return await list_reports(db, station_code=station, since=since)

    rows = await _with_db(settings, listed)
    if rows is None:
        return None
    return [
        {
            "ref": report.ref,
            "category": report.category.value,
            "status": report.status.value,
            "urgent": report.urgent,
            "identity": report.identity.value,
            "source": report.source.value,
            "station": station_row.code if station_row else None,
            "needs_routing": report.needs_routing,
            "place": report.location_text,
            "when": report.occurred_text,
            "photos": photos,
            "village_code": report.village_code,
            "district_code": report.district_code,
            "regency_code": report.regency_code,
            "latitude": report.latitude,
            "longitude": report.longitude,
            "created_at": report.created_at.isoformat(),
            "description": report.description,
        }
        for report, station_row, photos in rows
    ]


async def _with_db(settings: Settings, work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    """Runs `work` in one transaction on the configured database."""
    engine = database.create_engine(settings.effective_database_url)
    try:
        sessions = database.session_factory(engine)
        await check_secret_key(sessions, ContactCipher(settings.contact_secret()))
        async with sessions() as session, session.begin():
            return await work(session)
    finally:
        await engine.dispose()


def _ready(settings: Settings) -> RegionIndex:
    """Migrated database, region index and (on a fresh install) the shipped stations."""
    _migrated(settings)
    regions = RegionIndex.load()
    asyncio.run(seed_stations(settings, regions))
    return regions


@stations_app.command("import")
def stations_import(file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True)]) -> None:
    """Add or update stations from a CSV file; nothing is imported if any line is wrong.

    Columns: code,name,kind,parent,timezone,latitude,longitude,phone,areas (see the README).
    """
    settings = _settings()
    regions = _ready(settings)
    try:
        text = file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        typer.echo(f"{file}: not a UTF-8 text file", err=True)
        raise typer.Exit(1) from None
    rows = max(0, len(text.splitlines()) - 1)
    with typer.progressbar(length=rows, label="Importing stations", file=sys.stderr) as bar:
        result = asyncio.run(_with_db(settings, lambda db: import_stations(db, text, regions,
                                                                          lambda _done: bar.update(1))))
    if result.errors:
        for error in result.errors:
            typer.echo(f"{file}: {error}", err=True)
        typer.echo(f"nothing imported: {len(result.errors)} error(s)", err=True)
        raise typer.Exit(1)
    typer.echo(f"{result.created} created, {result.updated} updated, {result.unchanged} unchanged")


@stations_app.command("list")
def stations_list(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """List the stations with the regions they cover."""
    settings = _settings()
    _ready(settings)
    stations = asyncio.run(_with_db(settings, list_stations))
    if as_json:
        typer.echo(json.dumps(stations, ensure_ascii=False, indent=2))
        return
    for station in stations:
        typer.echo(f"{station['code']:<22} {station['kind']:<9} {station['name']:<30} {' '.join(station['areas'])}")


@app.command()
def route(
    text: Annotated[str, typer.Argument(help="A place as a resident would type it.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show how a typed place is read, which station would get the report, and why."""
    settings = _settings()
    regions = _ready(settings)
    router = Router(regions, settings.fallback_station, settings.pin_max_km)
    found, confident = router.candidates(text)

    async def decide(db: AsyncSession) -> dict[str, Any]:
        candidates = []
        for place in found:
            place_route = await router.route(db, place)
            candidates.append({
                "code": place.code, "place": place_label("id", place), "province": place.province.name,
                "score": place.score, "station": place_route.station.code if place_route.station else None,
                "station_name": await station_label(db, place_route.station) if place_route.station else None,
                "why": _WHY[place_route.reason],
            })
        fallback = await router.route(db, None)
        return {"text": text, "candidates": candidates, "confident": confident,
                "station": candidates[0]["station"] if confident else None,
                "fallback_station": fallback.station.code if fallback.station else None}

    decision = asyncio.run(_with_db(settings, decide))
    if as_json:
        typer.echo(json.dumps(decision, ensure_ascii=False, indent=2))
        return
    typer.echo(f"Text: {text}")
    for number, candidate in enumerate(found and decision["candidates"], 1):
        typer.echo(f"  {number}. {candidate['code']:<14} {candidate['place']}, {candidate['province']} "
                   f"(score {candidate['score']}) -> {candidate['station_name'] or 'no station'}: {candidate['why']}")
    if confident:
        typer.echo("Chosen: candidate 1, clearly ahead of any other; the resident is asked to confirm it.")
    elif found:
        typer.echo("Chosen: none yet; several places fit about as well, so the resident is asked to pick one.")
    else:
        typer.echo("Chosen: none; no known place is named. The resident is asked for the kecamatan and "
                   f"kabupaten/kota; after {PLACE_TRIES} tries the report goes to {decision['fallback_station']}.")


_WHY = {
    "kecamatan": "this Polsek covers the kecamatan",
    "kabupaten_kota": "no Polsek covers the kecamatan, so the Polres of the kabupaten/kota takes it",
    "fallback_no_station": "no station covers the place: the fallback desk routes it by hand",
    "fallback_unplaced": "no place named: the fallback desk routes it by hand",
}


@officers_app.command("invite")
def officers_invite(
    station: Annotated[str, typer.Option(help="The station's code.")],
    role: Annotated[OfficerRole, typer.Option(help="duty (gets alerts) or head (Kapolsek).")],
    name: Annotated[str | None, typer.Option(help="The officer's name, shown on their actions.")] = None,
) -> None:
    """Print a one-time code (valid 24 hours) that an officer sends as DAFTAR CODE to enroll their chat."""
    settings = _settings()
    _ready(settings)

    async def invite(db: AsyncSession) -> tuple[str, dt.datetime] | None:
        found = await station_by_code(db, station.upper())
        cipher = ContactCipher(settings.contact_secret())
        return await create_invite(db, cipher, found, role, name, utcnow()) if found else None

    created = asyncio.run(_with_db(settings, invite))
    if created is None:
        typer.echo(f"no station {station}: see `lapor stations list`", err=True)
        raise typer.Exit(1)
    code, expires_at = created
    typer.echo(f"{code}\nSend it to the officer; they enroll by sending: DAFTAR {code} (Telegram: /daftar {code}).\n"
               f"It works once, until {expires_at:%Y-%m-%d %H:%M} UTC.")


@officers_app.command("list")
def officers_list(
    station: Annotated[str | None, typer.Option(help="Only this station's code.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List enrolled officers (revoked ones too, marked inactive)."""
    settings = _settings()
    database.upgrade(settings.effective_database_url)

    async def rows(db: AsyncSession) -> list[dict[str, object]]:
        return [{"id": officer.id, "station": found.code, "role": officer.role.value, "name": officer.name,
                 "active": officer.active, "since": officer.created_at.isoformat()}
                for officer, found in await list_officers(db, station.upper() if station else None)]

    officers = asyncio.run(_with_db(settings, rows))
    if as_json:
        typer.echo(json.dumps(officers, ensure_ascii=False, indent=2))
        return
    for officer in officers:
        state = "active" if officer["active"] else "revoked"
        typer.echo(f"{officer['id']:>5}  {officer['station']:<20} {officer['role']:<5} {state:<8} "
                   f"{officer['name'] or ''}")


@officers_app.command("revoke")
def officers_revoke(officer_id: Annotated[int, typer.Argument(help="The id from `lapor officers list`.")]) -> None:
    """Take an officer's role away; their chat is a resident's chat again."""
    settings = _settings()
    database.upgrade(settings.effective_database_url)
    if not asyncio.run(_with_db(settings, lambda db: revoke(db, officer_id, utcnow()))):
        typer.echo(f"no active officer {officer_id}", err=True)
        raise typer.Exit(1)
    typer.echo(f"officer {officer_id} revoked")


@outbox_app.command("list")
def outbox_list(
    state: Annotated[OutboxState | None, typer.Option(help="Only rows in this state.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List the newest outbox rows (200 at most): what was sent, what waits, what failed and why.

    Recipients are shown by channel only: their addresses stay encrypted.
    """
    settings = _settings()
    database.upgrade(settings.effective_database_url)

    async def rows(db: AsyncSession) -> list[dict[str, object]]:
        listed = []
        for row in await list_outbox(db, state):
            contact = await db.get(Contact, row.contact_id)
            report = await db.get(Report, row.report_id) if row.report_id else None
            listed.append({
                "id": row.id, "kind": row.kind, "state": row.state.value,
                "channel": contact.channel if contact else None, "ref": report.ref if report else None,
                "attempts": row.attempts, "last_error": row.last_error,
                "created_at": row.created_at.isoformat(), "sent_at": row.sent_at.isoformat() if row.sent_at else None,
            })
        return listed

    found = asyncio.run(_with_db(settings, rows))
    if as_json:
        typer.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    for row in found:
        typer.echo(f"{row['id']:>6}  {row['kind']:<14} {row['state']:<14} {row['channel'] or '-':<9} "
                   f"{row['ref'] or '':<13} {row['attempts']:>2}  {row['last_error'] or ''}")


@outbox_app.command("retry")
def outbox_retry(row_id: Annotated[int, typer.Argument(help="The id from `lapor outbox list`.")]) -> None:
    """Send a failed row again, from its first attempt, on the running service's next round."""
    settings = _settings()
    database.upgrade(settings.effective_database_url)
    if not asyncio.run(_with_db(settings, lambda db: retry_row(db, row_id, utcnow()))):
        typer.echo(f"no failed outbox row {row_id}", err=True)
        raise typer.Exit(1)
    typer.echo(f"outbox row {row_id} will be sent again")


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
        _fail(f"cannot write {png}: there is no directory {png.parent}")
    settings = _settings()
    _ready(settings)

    async def preview() -> Digest:
        async with open_engine(settings) as engine, engine.sessions() as db:
            found = await station_by_code(db, station)
            if found is None:
                _fail(f"no station {station}: see `lapor stations list`")
            start, now = digest_moment(found, date.date()) - WINDOW, utcnow()
            if start > now:
                _fail(f"the digest of {station} for {date:%Y-%m-%d} covers the 24 hours from {_local(found, start)}, "
                      "which has not begun; nothing to show")
            office = Office(db, engine.cipher, engine.router, engine.escalation, now)
            return await compose(office, found, date.date(), lang or settings.default_language)

    digest = asyncio.run(preview())
    typer.echo(digest.text)
    if png is not None:
        try:
            png.write_bytes(digest_chart(digest.chart))
        except OSError as error:
            _fail(f"cannot write {png}: {error.strerror or error}")
        typer.echo(f"\nchart written to {png}")


@digest_app.command("send")
def digest_send(
    station: StationCode,
    date: DigestDate,
    force: Annotated[bool, typer.Option(help="Send again even if it was sent (recorded as one more send).")] = False,
) -> None:
    """Queue a station's digest for a date to its heads, unless it was sent already; the running service
    (`lapor serve`) delivers it."""
    settings = _settings()
    _ready(settings)

    async def send() -> int | None:
        async with open_engine(settings) as engine:
            try:
                return await engine.send_digest(station, date.date(), force=force)
            except LookupError:
                _fail(f"no station {station}: see `lapor stations list`")
            except NotDue:
                async with engine.sessions() as db:
                    found = await station_by_code(db, station)
                due = f" until {_local(found, digest_moment(found, date.date()))}" if found else " yet"
                _fail(f"the digest of {station} for {date:%Y-%m-%d} is not due{due}; "
                      "`lapor digest preview` shows it so far")

    sent = asyncio.run(send())
    if sent is None:
        typer.echo(f"the digest of {station} for {date:%Y-%m-%d} was sent already; --force sends it again")
        raise typer.Exit(1)
    if not sent:
        _fail(f"no station head is enrolled at {station}: nothing was sent and nothing recorded "
              "(see `lapor officers invite --role head`)")
    typer.echo(f"digest queued for {sent} station head(s)")


# The deployment commands live in their own module, which uses the helpers above: imported last for that reason.
from bot import cli_deploy  # noqa: E402  (it adds its commands to stations_app too)

app.add_typer(cli_deploy.regions_app, name="regions")
