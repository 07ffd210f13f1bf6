"""`lapor stations`, `route` and `officers`: the registry of stations, how a place is routed to one, and the
officers enrolled at each."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from sqlalchemy.ext.asyncio import AsyncSession

from bot.cli.common import fail, print_rows, read_settings, ready, station_or_fail, upper, with_db
from handlers.report_flow import PLACE_TRIES
from handlers.routing import Router, place_label, station_label
from storage import db as database
from storage.crypto import ContactCipher
from storage.models import LARGEST_ROW_ID, OfficerRole, utcnow
from storage.officers import create_invite, list_officers, revoke
from storage.stations import import_stations, list_stations, station_by_code

stations_app = typer.Typer(help="The stations registry: who covers which kecamatan.", no_args_is_help=True)
officers_app = typer.Typer(help="Officers: invite codes, who is enrolled, revoking.", no_args_is_help=True)


@stations_app.command("import")
def stations_import(file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True)]) -> None:
    """Add or update stations from a CSV file; nothing is imported if any line is wrong.

    Columns: code,name,kind,parent,timezone,latitude,longitude,phone,areas (see the README).
    """
    settings = read_settings()
    regions = ready(settings)
    try:
        text = file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        fail(f"{file}: not a UTF-8 text file")
    rows = max(0, len(text.splitlines()) - 1)
    with typer.progressbar(length=rows, label="Importing stations", file=sys.stderr) as bar:
        result = asyncio.run(with_db(settings, lambda db: import_stations(db, text, regions,
                                                                          lambda _done: bar.update(1))))
    if result.errors:
        for error in result.errors:
            typer.echo(f"{file}: {error}", err=True)
        fail(f"nothing imported: {len(result.errors)} error(s)")
    typer.echo(f"{result.created} created, {result.updated} updated, {result.unchanged} unchanged")


@stations_app.command("list")
def stations_list(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """List the stations with the regions they cover."""
    settings = read_settings()
    ready(settings)
    stations = asyncio.run(with_db(settings, list_stations))
    if as_json:
        typer.echo(json.dumps(stations, ensure_ascii=False, indent=2))
        return
    for station in stations:
        typer.echo(f"{station['code']:<22} {station['kind']:<9} {station['name']:<30} {' '.join(station['areas'])}")


def route(
    text: Annotated[str, typer.Argument(help="A place as a resident would type it.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show how a typed place is read, which station would get the report, and why."""
    settings = read_settings()
    regions = ready(settings)
    router = Router(regions, settings.fallback_station, settings.pin_max_km)

    async def decide(db: AsyncSession) -> dict[str, Any]:
        found, confident = await router.offered(db, text)  # in the order the chat offers them
        candidates = []
        for place in found:
            place_route = await router.route(db, place)
            station = place_route.station
            answering = await router.answering_for(db, station) if station else None
            candidates.append({
                "code": place.code, "place": place_label("id", place), "province": place.province.name,
                "score": place.score, "station": station.code if station else None,
                "station_name": await station_label(db, station) if station else None,
                "why": _WHY[place_route.reason],
                # no duty officer enrolled there yet: the station above it (or the desk) answers
                "answered_by": answering.code if answering is not None and answering is not station else None,
            })
        fallback = await router.route(db, None)
        return {"text": text, "candidates": candidates, "confident": confident,
                "station": candidates[0]["station"] if confident else None,
                "fallback_station": fallback.station.code if fallback.station else None}

    decision = asyncio.run(with_db(settings, decide))
    if as_json:
        typer.echo(json.dumps(decision, ensure_ascii=False, indent=2))
        return
    typer.echo(f"Text: {text}")
    for number, candidate in enumerate(decision["candidates"], 1):
        typer.echo(f"  {number}. {candidate['code']:<14} {candidate['place']}, {candidate['province']} "
                   f"(score {candidate['score']}) -> {candidate['station_name'] or 'no station'}: {candidate['why']}")
        if candidate["answered_by"]:
            typer.echo(f"     no duty officer enrolled there yet: {candidate['answered_by']} gets the report")
    if decision["confident"]:
        typer.echo("Chosen: candidate 1, clearly ahead of any other; the resident is asked to confirm it.")
    elif decision["candidates"]:
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
    settings = read_settings()
    ready(settings)

    async def invite(db: AsyncSession) -> tuple[str, dt.datetime] | None:
        found = await station_by_code(db, station.upper())
        cipher = ContactCipher(settings.contact_secret())
        return await create_invite(db, cipher, found, role, name, utcnow()) if found else None

    created = asyncio.run(with_db(settings, invite))
    if created is None:
        fail(f"no station {station}: see `lapor stations list`")
    code, expires_at = created
    typer.echo(f"{code}\nSend it to the officer; they enroll by sending: DAFTAR {code} (Telegram: /daftar {code}).\n"
               f"It works once, until {expires_at:%Y-%m-%d %H:%M} UTC.")


@officers_app.command("list")
def officers_list(
    station: Annotated[str | None, typer.Option(help="Only this station's code.", callback=upper)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List enrolled officers (revoked ones too, marked inactive); fails when there is no such station."""
    settings = read_settings()
    database.upgrade(settings.effective_database_url)

    async def rows(db: AsyncSession) -> list[dict[str, object]]:
        if station:  # a mistyped code would list no one, as if the station had no officers
            await station_or_fail(db, station)
        return [{"id": officer.id, "station": found.code, "role": officer.role.value, "name": officer.name,
                 "active": officer.active, "since": officer.created_at.isoformat()}
                for officer, found in await list_officers(db, station)]

    officers = asyncio.run(with_db(settings, rows))
    print_rows(officers, as_json, lambda officer: f"{officer['id']:>5}  {officer['station']:<20} "
               f"{officer['role']:<5} {'active' if officer['active'] else 'revoked':<8} {officer['name'] or ''}")


@officers_app.command("revoke")
def officers_revoke(officer_id: Annotated[int, typer.Argument(help="The id from `lapor officers list`.", min=1,
                                                               max=LARGEST_ROW_ID)]) -> None:
    """Take an officer's role away; their chat is a resident's chat again."""
    settings = read_settings()
    database.upgrade(settings.effective_database_url)
    if not asyncio.run(with_db(settings, lambda db: revoke(db, officer_id, utcnow()))):
        fail(f"no active officer {officer_id}")
    typer.echo(f"officer {officer_id} revoked")
