"""`lapor regions` and the stations commands for deploying at scale: look codes up, draft a registry, see gaps."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from bot.cli.common import fail, read_settings, ready, with_db
from bot.cli.stations import stations_app
from storage.models import utcnow
from storage.regions import RegionIndex, as_code
from storage.stations import RegencyCoverage, coverage, draft_registry, import_stations, registry_csv

regions_app: typer.Typer = typer.Typer(help="The official Kemendagri regions: codes and names.", no_args_is_help=True)

#: `--level` words and the region level they mean.
LEVELS = {"prov": 1, "kab": 2, "kota": 2, "kec": 3, "desa": 4, "kel": 4}


def _level(value: str | None) -> str | None:
    if value is not None and value.lower() not in LEVELS:
        raise typer.BadParameter(f"one of {', '.join(LEVELS)}, not {value!r}")
    return value.lower() if value else value


@regions_app.command("find")
def regions_find(
    text: Annotated[str, typer.Argument(help="A name as people write it (\"kepanjen kidul blitar\"), or a code.")],
    level: Annotated[str | None, typer.Option(help="Only kab (kabupaten/kota), kec (kecamatan) or desa.",
                                              callback=_level, show_default=False)] = None,
    limit: Annotated[int, typer.Option(min=1, max=200, help="At most this many.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Official codes and full names for a typed name, read as `lapor route` reads a resident's place."""
    read_settings()
    regions = RegionIndex.load()
    found = regions.find(text, LEVELS[level] if level else None, limit)
    rows = [{"code": place.code, "name": region.name, "kind": region.kind, "full_name": regions.full_name(place.code),
             "score": place.score}
            for place in found if (region := regions.get(place.code)) is not None]
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        fail(f"no region{' at that level' if level else ''} is named in {text!r}: try the name with its "
              "kabupaten/kota (\"sukorejo blitar\"), or fewer words")
    for row in rows:
        typer.echo(f"{row['code']:<14} {row['full_name']}")


def _regencies(values: list[str] | None) -> list[str] | None:
    codes = []
    for value in values or []:
        code = as_code(value)
        if code is None or code.count(".") != 1:
            raise typer.BadParameter(f"{value!r} is not a kabupaten/kota code such as 35.05: "
                                     "`lapor regions find NAME --level kab` shows them")
        codes.append(code)
    return codes


def _unknown_refused(regions: RegionIndex, codes: list[str] | None) -> None:
    """The command fails on a code of the right form that is no kabupaten/kota: it would be left out unsaid, and a
    draft or a coverage of nothing reads as if all were well."""
    known = {r.code for r in regions.regencies(codes)} if codes else set()
    if unknown := [code for code in codes or [] if code not in known]:
        fail(f"no kabupaten/kota {unknown[0]}: `lapor regions find NAME --level kab` shows the codes")


@stations_app.command("generate")
def stations_generate(
    regency: Annotated[list[str] | None, typer.Option(help="A kabupaten/kota code (35.05); repeat for more.",
                                                      callback=_regencies, show_default=False)] = None,
    all_regencies: Annotated[bool, typer.Option("--all", help="Every kabupaten/kota of the country.")] = False,
    out: Annotated[Path | None, typer.Option(help="Write the CSV to this file (default: print it).",
                                             dir_okay=False, show_default=False)] = None,
    apply: Annotated[bool, typer.Option("--apply", help="Import the draft into the registry.")] = False,
) -> None:
    """Draft the stations of whole kabupaten/kota: one Polres each and one Polsek per kecamatan under it.

    Regions some station already covers keep it. The draft is the import CSV: review it (--out), then
    `lapor stations import` it, or import it at once with --apply.
    """
    if bool(regency) == all_regencies:
        fail("give --regency CODE (one or more) or --all; `lapor regions find NAME --level kab` shows the codes")
    if out is not None and not out.parent.is_dir():
        fail(f"cannot write {out}: there is no directory {out.parent}")
    settings = read_settings()
    regions = ready(settings)
    _unknown_refused(regions, regency)
    codes = [r.code for r in regions.regencies()] if all_regencies else regency or []
    rows = asyncio.run(with_db(settings, lambda db: draft_registry(db, regions, codes)))
    text = registry_csv(rows, regions)
    if out is not None:
        out.write_text(text, encoding="utf-8")
        typer.echo(f"{len(rows)} stations written to {out}", err=apply)
    elif not apply:
        sys.stdout.write(text)
        return
    if apply:
        result = asyncio.run(with_db(settings, lambda db: import_stations(db, text, regions)))
        if result.errors:
            for error in result.errors:
                typer.echo(error, err=True)
            fail(f"nothing imported: {len(result.errors)} error(s)")
        typer.echo(f"{result.created} created, {result.updated} updated, {result.unchanged} unchanged")


#: How far back `stations coverage` counts the reports the fallback desk got for want of a station.
COVERAGE_DAYS = 30


@stations_app.command("coverage")
def stations_coverage(
    regency: Annotated[list[str] | None, typer.Option(help="Only this kabupaten/kota code; repeat for more.",
                                                      callback=_regencies, show_default=False)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Kecamatan no Polsek covers, and the reports that went to the fallback desk for it in the last 30 days."""
    settings = read_settings()
    regions = ready(settings)
    _unknown_refused(regions, regency)
    since = utcnow() - dt.timedelta(days=COVERAGE_DAYS)
    found = asyncio.run(with_db(settings, lambda db: coverage(db, regions, regency or None, since)))
    if as_json:
        typer.echo(json.dumps([_coverage_row(c, regions) for c in found], ensure_ascii=False, indent=2))
        return
    gaps = [c for c in found if c.uncovered or c.fallback_reports]
    if not gaps:
        typer.echo(f"every kecamatan of the {len(found)} kabupaten/kota is covered by a Polsek")
        return
    for gap in gaps:
        takes = f"{gap.polres or 'the fallback desk ' + settings.fallback_station} takes them"
        typer.echo(f"{gap.regency.code:<6} {regions.full_name(gap.regency.code)}: {len(gap.uncovered)} of "
                   f"{gap.districts} kecamatan without a Polsek ({takes}); "
                   f"{sum(gap.fallback_reports.values())} report(s) to the fallback desk in {COVERAGE_DAYS} days")
        if regency:
            for district in gap.uncovered:
                sent = gap.fallback_reports.get(district.code, 0)
                typer.echo(f"  {district.code:<9} {district.name}" + (f": {sent} to the fallback desk" if sent else ""))
    typer.echo("`lapor stations generate --regency CODE` drafts the missing stations")


def _coverage_row(found: RegencyCoverage, regions: RegionIndex) -> dict[str, object]:
    return {
        "regency": found.regency.code, "name": regions.full_name(found.regency.code), "polres": found.polres,
        "kecamatan": found.districts,
        "uncovered": [{"code": d.code, "name": d.name, "fallback_reports": found.fallback_reports.get(d.code, 0)}
                      for d in found.uncovered],
        "fallback_reports": sum(found.fallback_reports.values()),
        "fallback_reports_without_kecamatan": found.fallback_reports.get("", 0),
    }
