"""`lapor reports`: list them, or add samples to try the digest and the web page on."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Annotated, Any

import typer
from sqlalchemy.ext.asyncio import AsyncSession

from bot.cli.common import StationCode, fail, print_rows, read_settings, ready, station_or_fail, upper, with_db
from bot.config import Settings
from storage import db as database
from storage import sample_reports
from storage.models import Report, Station, utcnow
from storage.reports import list_reports

reports_app = typer.Typer(help="Reports.", no_args_is_help=True)


@reports_app.command("list")
def reports_list(
    station: Annotated[str | None, typer.Option(help="Only this station's code.", callback=upper)] = None,
    since: Annotated[dt.datetime | None, typer.Option(help="Only reports created from this date (UTC).",
                                                      formats=["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S"])] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List reports, oldest first."""
    settings = read_settings()
    database.upgrade(settings.effective_database_url)
    rows = asyncio.run(_reports(settings, station, since.replace(tzinfo=dt.UTC) if since else None))
    print_rows(rows, as_json, lambda row: f"{row['ref']}  {row['created_at'][:16]}  {row['status']:<12} "
               f"{row['category']:<13} {'URGENT' if row['urgent'] else '':<6} {row['station'] or '-':<18} "
               f"{row['place'] or ''}")


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
    settings = read_settings()
    regions = ready(settings)

    async def generate_for(db: AsyncSession) -> int:
        found = await station_or_fail(db, station)
        if not force and await sample_reports.holds_real_reports(db):
            fail("this database holds real reports: samples beside them would mix with them in digests, "
                 "maps and exports. Use another database, or --force if that is really meant")
        return await sample_reports.generate(db, regions, found, days=days, per_day=per_day, now=utcnow(), seed=seed)

    made = asyncio.run(with_db(settings, generate_for))
    typer.echo(f"{made} sample reports added to {station} over the last {days} days")


async def _reports(settings: Settings, station: str | None, since: dt.datetime | None) -> list[dict[str, Any]]:
    """The reports as `reports list --json` prints them; the command fails when there is no such station."""

    async def listed(db: AsyncSession) -> list[tuple[Report, Station | None, int]]:
        if station:
            await station_or_fail(db, station)
        return await list_reports(db, station_code=station, since=since)

    rows = await with_db(settings, listed)
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
