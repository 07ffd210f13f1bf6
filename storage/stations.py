"""The stations registry: who covers which region, the CSV import, and look-ups for routing."""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import math
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import bindparam, delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Report, Station, StationArea, StationKind
from storage.regions import Region, RegionIndex, as_code

SEED_FILE = Path(__file__).parent / "seeds" / "stations.csv"
COLUMNS = ("code", "name", "kind", "parent", "timezone", "latitude", "longitude", "phone", "areas")
OPTIONAL_COLUMNS = ("digest_time", "public_descriptions")  # a file without them keeps the defaults
DEFAULT_DIGEST_TIME = "06:00"

# Indonesia's three zones by province code; everything else is WIB (Asia/Jakarta).
_WITA = {"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"}
_WIT = {"81", "82", "91", "92", "93", "94", "95", "96"}
_WIB_KALIMANTAN = {"61", "62"}
_CODE = re.compile(r"^[A-Z0-9][A-Z0-9_-]{1,31}$")
_PHONE = re.compile(r"^\+?[0-9][0-9 -]{3,18}[0-9]$")
# Whole hours: Indonesia's zones are whole hours from UTC, so a digest's 24 hours are whole UTC hours.
_DIGEST_TIME = re.compile(r"^([01][0-9]|2[0-3]):00$")
_AREA_LEVEL = {StationKind.POLSEK: 3, StationKind.POLRES: 2}
_HOW_TO_FIND = {StationKind.POLSEK: "`lapor regions find NAME --level kec` shows kecamatan codes",
                StationKind.POLRES: "`lapor regions find NAME --level kab` shows kabupaten/kota codes",
                StationKind.NATIONAL: "a national station covers no areas"}
#: A code in the areas column, dotted or run together; what follows it, up to the next code or ";", is its name.
_AREA_CODE = re.compile(r"(?<![\d.])(?:\d{2}(?:\.\d{2}){1,2}(?:\.\d{4})?|\d{4}(?:\d{2}(?:\d{4})?)?)(?![\d.])")
#: Digits with dots, or four and more digits: meant as a code, whether or not it is one ("35.72.2"). Shorter
#: numbers may be part of a name (Kecamatan "2 x 11 Kayu Tanam").
_CODE_LIKE = re.compile(r"(?<![\w.])(?:\d+(?:\.\d+)+\.?|\d{4,})(?![\w.])")
#: The words of a station's name that are not the place: "Polsek Sukorejo" → "Sukorejo".
_STATION_WORD = re.compile(r"^\s*(polsek|polsekta|polres|polresta|polrestabes)\b\.?", re.IGNORECASE)
_EARTH_KM = 6371.0
_YES_NO = {"": False, "no": False, "false": False, "0": False, "yes": True, "true": True, "1": True}


def timezone_for(region_code: str) -> str:
    province = region_code[:2]
    if province in _WITA:
        return "Asia/Makassar"
    if province in _WIT:
        return "Asia/Jayapura"
    return "Asia/Pontianak" if province in _WIB_KALIMANTAN else "Asia/Jakarta"


@dataclass
class StationRow:
    line: int
    code: str
    name: str
    kind: StationKind
    parent: str | None
    timezone: str
    latitude: float | None
    longitude: float | None
    phone: str | None
    areas: list[str]
    digest_time: str = DEFAULT_DIGEST_TIME
    public_descriptions: bool = False


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)


def _number(value: str, low: float, high: float) -> float:
    number = float(value)
    if not low <= number <= high:
        raise ValueError
    return number


def parse_stations(text: str, regions: RegionIndex) -> tuple[list[StationRow], list[str]]:
    """Rows of a stations CSV, and every problem found with its line number (the header is line 1)."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        return [], [f"line 1: missing column(s): {', '.join(missing)}"]
    rows: list[StationRow] = []
    errors: list[str] = []
    first_line_of_code: dict[str, int] = {}
    first_line_of_area: dict[str, int] = {}
    for raw in reader:
        line = reader.line_num
        problems: list[str] = []
        value = {c: (raw.get(c) or "").strip() for c in COLUMNS + OPTIONAL_COLUMNS}
        code = value["code"].upper()
        if not _CODE.match(code):
            problems.append(f"code {value['code']!r} must be 2-32 letters, digits, - or _")
        elif code in first_line_of_code:
            problems.append(f"station {code} is already on line {first_line_of_code[code]}")
        else:
            first_line_of_code[code] = line
        if not value["name"] or len(value["name"]) > 200:
            problems.append("name must be 1-200 characters")
        try:
            kind = StationKind(value["kind"].lower())
        except ValueError:
            problems.append(f"kind {value['kind']!r} must be polsek, polres or national")
            kind = StationKind.POLSEK
        entries, area_problems = area_entries(value["areas"])
        problems += area_problems
        areas = [area for area, _ in entries]
        if kind == StationKind.NATIONAL and areas:
            problems.append("a national station covers no areas: leave areas empty")
        if kind != StationKind.NATIONAL and not areas and not area_problems:
            problems.append(f"a {kind.value} needs at least one area: {_HOW_TO_FIND[kind]}")
        for area, named in entries:
            problem = _area_problem(regions, kind, area, named)
            if problem:
                problems.append(problem)
            elif area in first_line_of_area:
                problems.append(f"area {area} is already covered on line {first_line_of_area[area]}: "
                                "a region has one station, so keep it on one line")
            else:
                first_line_of_area[area] = line
        if kind == StationKind.POLSEK and areas and not problems:
            problems += _name_problems(regions, value["name"], areas)
        timezone = value["timezone"] or (timezone_for(areas[0]) if areas else "Asia/Jakarta")
        try:
            ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError):
            problems.append(f"timezone {timezone!r} is not known")
        latitude = longitude = None
        if value["latitude"] or value["longitude"]:
            try:
                latitude = _number(value["latitude"], -90, 90)
                longitude = _number(value["longitude"], -180, 180)
            except ValueError:
                problems.append("latitude and longitude must both be given, as degrees")
        if value["phone"] and not _PHONE.match(value["phone"]):
            problems.append(f"phone {value['phone']!r} is not a phone number")
        digest_time = value["digest_time"] or DEFAULT_DIGEST_TIME
        if not _DIGEST_TIME.match(digest_time):
            problems.append(f"digest_time {value['digest_time']!r} must be a whole hour, HH:00")
        public = _YES_NO.get(value["public_descriptions"].lower())
        if public is None:
            problems.append(f"public_descriptions {value['public_descriptions']!r} must be yes or no")
        errors += [f"line {line}: {problem}" for problem in problems]
        rows.append(StationRow(line, code, value["name"], kind, value["parent"].upper() or None, timezone,
                               latitude, longitude, value["phone"] or None, areas, digest_time, bool(public)))
    if not rows and not errors:
        errors.append("the file has no stations")
    return rows, errors


def area_entries(field: str) -> tuple[list[tuple[str, str]], list[str]]:
    """The areas of a row, each a code with the name written after it, if any: "35.72.02 Sukorejo; 35.72.03".

    Codes may be dotted or run together ("357202"); names may have spaces ("Sanan Wetan").
    """
    entries: list[tuple[str, str]] = []
    problems: list[str] = []
    matches = list(_AREA_CODE.finditer(field))
    malformed = [m for m in _CODE_LIKE.finditer(field) if not _AREA_CODE.fullmatch(m.group())]
    if malformed:
        problems.append(f"{malformed[0].group()!r} is not an official code: write two digits a level, dotted, as in "
                        "35.72 (kabupaten/kota) or 35.72.02 (kecamatan); `lapor regions find NAME` shows them")
    before = field[:matches[0].start()] if matches else field
    if before.strip(" ;,") and not malformed:
        problems.append(f"areas {field.strip()!r} must start with a code: write the code before each name "
                        "(\"35.72.02 Sukorejo\"); `lapor regions find NAME` shows the codes")
    # A name runs from its code to the next code (good or bad) or ";".
    stops = sorted([m.start() for m in (*matches, *malformed)] + [i for i, ch in enumerate(field) if ch == ";"])
    for match in matches:
        end = next((stop for stop in stops if stop >= match.end()), len(field))
        name = field[match.end():end].strip(" ;,:=()\t")
        code = as_code(match.group()) or match.group()
        entries.append((code, name))
    return entries, problems


def _area_problem(regions: RegionIndex, kind: StationKind, area: str, named: str) -> str | None:
    """What is wrong with one area of a row (and how to put it right), or None."""
    region = regions.get(area)
    wanted = _AREA_LEVEL.get(kind)
    if region is None or region.level != wanted:
        wanted_name = "kecamatan" if kind == StationKind.POLSEK else "kabupaten/kota"
        what = f"{regions.full_name(area)}, not a {wanted_name}" if region else "not an official code"
        if named:
            hint = _meant(regions, named, wanted, _closest_code(regions, named, wanted, area))
        elif region and wanted and region.level > wanted:
            hint = f"; its {wanted_name} is {'.'.join(area.split('.')[:wanted])}"
        else:
            hint = ""
        return f"area {area} is {what}: a {kind.value} covers {wanted_name} codes{hint}; {_HOW_TO_FIND[kind]}"
    if named and not regions.matches_name(area, named):
        meant = _closest_code(regions, named, region.level, area)
        if meant == area:  # a misspelling of this very region's name
            return f"area {area} is {regions.full_name(area)}, not {named!r}: write its name as {region.name}"
        return (f"area {area} is {regions.full_name(area)}, not {named!r}{_meant(regions, named, region.level, meant)}"
                f", or keep {area} and write its name, {region.name}")
    return None


def _closest_code(regions: RegionIndex, name: str, level: int | None, near: str) -> str | None:
    """The code of the region a name most probably meant: for a kecamatan, one of the same kabupaten/kota first."""
    if level == 3:
        found = [r.code for r in regions.closest_districts(name, within=near[:5], limit=1)]
    else:
        found = [p.code for p in regions.find(name, level, limit=1)]
    return found[0] if found else None


def _meant(regions: RegionIndex, name: str, level: int | None, code: str | None) -> str:
    """`; Kepanjenkidul is probably 35.72.01 (…): write 35.72.01 for it`, or that nothing has the name."""
    if code is None:
        return f"; no {'kecamatan' if level == 3 else 'region'} is named {name!r}"
    return f"; {name} is probably {code} ({regions.full_name(code)}): write {code} for it"


def _name_problems(regions: RegionIndex, name: str, areas: list[str]) -> list[str]:
    """A Polsek named after a kecamatan of its kabupaten/kota that it does not cover: the code is probably
    another kecamatan's ("Polsek Kepanjenkidul" on 35.72.02, which is Sukorejo)."""
    words = _STATION_WORD.sub("", name).strip()
    if not words or any(regions.matches_name(area, words) for area in areas):
        return []
    regency = areas[0][:5]
    named = [r for r in regions.closest_districts(words, within=regency, limit=1) if r.code.startswith(regency + ".")]
    if not named or named[0].code in areas:
        return []
    covered = ", ".join(f"{area} ({region.name})" for area in areas if (region := regions.get(area)))
    return [f"name {name!r} is {regions.full_name(named[0].code)} ({named[0].code}), but the station covers "
            f"{covered}: put {named[0].code} in areas, or correct the name"]


async def import_stations(db: AsyncSession, text: str, regions: RegionIndex,
                          progress: Callable[[int], None] = lambda _: None) -> ImportResult:
    """Validates the whole file, then inserts or updates every station in it; nothing on any error.

    Importing the same file again changes nothing.
    """
    result = ImportResult()
    rows, result.errors = parse_stations(text, regions)
    existing = {s.code: s for s in (await db.execute(select(Station))).scalars()}
    area_owner = {area: owner for area, owner in (await db.execute(
        select(StationArea.region_code, Station.code).join(Station, StationArea.station_id == Station.id)))}
    in_file = {row.code for row in rows}
    # Where each Polres will be after the import: its regions, for the check that a Polsek sits under its own.
    areas_before: dict[str, list[str]] = {}
    for area, owner in sorted(area_owner.items()):
        areas_before.setdefault(owner, []).append(area)
    areas_after = areas_before | {row.code: row.areas for row in rows}
    kinds_after = {code: s.kind for code, s in existing.items()} | {row.code: row.kind for row in rows}
    errors = result.errors
    for row in rows:
        if row.parent and row.parent not in in_file and row.parent not in existing:
            near = difflib.get_close_matches(row.parent, [*in_file, *existing], n=1)
            errors.append(f"line {row.line}: parent station {row.parent} is unknown: "
                          + (f"did you mean {near[0]}? " if near else "")
                          + "Add its row to this file, or give the code of a station in `lapor stations list`")
        elif row.parent == row.code:
            errors.append(f"line {row.line}: a station cannot be its own parent: leave parent empty, or give its "
                          "Polres")
        elif row.parent and row.kind == StationKind.POLSEK and kinds_after[row.parent] == StationKind.POLRES:
            parent_areas = areas_after.get(row.parent, [])
            outside = [a for a in row.areas if a[:5] not in parent_areas]
            if outside and parent_areas:
                errors.append(f"line {row.line}: area {outside[0]} is in {regions.full_name(outside[0][:5])}, but "
                              f"parent {row.parent} covers {', '.join(parent_areas)}: give the Polres of "
                              f"{outside[0][:5]} as parent")
        for area in row.areas:
            covered_by = area_owner.get(area)
            if covered_by and covered_by != row.code and covered_by not in in_file:
                errors.append(f"line {row.line}: area {area} is already covered by station {covered_by}: leave it "
                              f"out of this row, or put {covered_by}'s row in this file without it")
    if result.errors:
        result.errors.sort(key=_line_of)
        return result

    stations: dict[str, Station] = dict(existing)
    before: dict[str, tuple[object, ...]] = {}
    for row in rows:
        station = stations.get(row.code)
        if station is None:
            station = Station(code=row.code)
            db.add(station)
            stations[row.code] = station
        else:
            before[row.code] = _snapshot(station, areas_before.get(row.code, []))
        station.name, station.kind, station.timezone = row.name, row.kind, row.timezone
        station.latitude, station.longitude, station.phone = row.latitude, row.longitude, row.phone
        station.digest_time, station.public_descriptions = row.digest_time, row.public_descriptions
    await db.flush()
    for row in rows:
        parent = stations.get(row.parent) if row.parent else None
        stations[row.code].parent_id = parent.id if parent else None
    # Areas move between stations of the file: clear those of every station whose areas change first, so the
    # unique constraint holds (an area that moves changes both stations). The others are left as they are.
    moved = [row for row in rows if areas_before.get(row.code, []) != sorted(row.areas)]
    for chunk in range(0, len(moved), 1000):
        await db.execute(delete(StationArea).where(
            StationArea.station_id.in_([stations[row.code].id for row in moved[chunk:chunk + 1000]])))
    await db.flush()
    db.add_all(StationArea(station_id=stations[row.code].id, region_code=area) for row in moved for area in row.areas)
    db.info.pop("areas_covered", None)  # counted afresh
    for done, row in enumerate(rows, 1):
        station = stations[row.code]
        if row.code not in before:
            result.created += 1
        elif before[row.code] == _snapshot(station, sorted(row.areas)):
            result.unchanged += 1
        else:
            result.updated += 1
        progress(done)
    await db.flush()
    return result


def _line_of(error: str) -> int:
    """The line an error is about, to list a file's errors in its order."""
    found = re.match(r"line (\d+):", error)
    return int(found.group(1)) if found else 0


def _snapshot(station: Station, areas: list[str]) -> tuple[object, ...]:
    return (station.name, station.kind, station.timezone, station.latitude, station.longitude, station.phone,
            station.digest_time, station.public_descriptions, station.parent_id, tuple(areas))


async def seed_if_empty(db: AsyncSession, regions: RegionIndex) -> ImportResult | None:
    """Loads the shipped stations into an empty registry; a registry with stations is left alone."""
    if (await db.execute(select(func.count()).select_from(Station))).scalar_one():
        return None
    return await import_stations(db, SEED_FILE.read_text(encoding="utf-8"), regions)


async def station_by_code(db: AsyncSession, code: str) -> Station | None:
    return (await db.execute(select(Station).where(Station.code == code))).scalar_one_or_none()


# What a station's name may begin with, left out when an officer names it by its place ("rujuk … sekar").
_STATION_KINDS = ("polsek", "polres", "polresta", "polrestabes", "polda")


async def station_named(db: AsyncSession, typed: str) -> Station | None:
    """The station an officer named: its code however typed ("polsek sekar", "Polsek-Sekar"), or its whole name, or
    its name without its kind ("sekar" for Polsek Sekar), when no other station has it."""
    words = typed.replace("-", " ").split()
    found = await station_by_code(db, "-".join(words).upper())
    if found is not None or not words:
        return found
    said = " ".join(words).lower()
    for names in ([said], [f"{kind} {said}" for kind in _STATION_KINDS]):
        named = (await db.execute(select(Station).where(func.lower(Station.name).in_(names)).limit(2))).scalars().all()
        if named:
            return named[0] if len(named) == 1 else None
    return None


async def areas_of(db: AsyncSession, station: Station) -> list[str]:
    return list((await db.execute(
        select(StationArea.region_code).where(StationArea.station_id == station.id).order_by(StationArea.region_code)
    )).scalars())


# Asked at each report's place, built once.
_STATION_COVERING = (select(Station).join(StationArea, StationArea.station_id == Station.id)
                     .where(StationArea.region_code == bindparam("region_code")))


async def station_covering(db: AsyncSession, region_code: str) -> Station | None:
    return (await db.execute(_STATION_COVERING, {"region_code": region_code})).scalar_one_or_none()


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * _EARTH_KM * math.asin(math.sqrt(a))


async def nearest_polsek(db: AsyncSession, latitude: float, longitude: float,
                         within_km: float) -> tuple[Station, float] | None:
    """The closest Polsek to a pin, and how far it is, if one lies within `within_km`."""
    # A box around the pin keeps the scan to nearby rows; the exact distance is computed below.
    dlat = within_km / 111.0
    dlon = within_km / max(1e-6, 111.0 * math.cos(math.radians(latitude)))
    nearby = (await db.execute(
        select(Station).where(
            Station.kind == StationKind.POLSEK,
            Station.latitude.between(latitude - dlat, latitude + dlat),
            Station.longitude.between(longitude - dlon, longitude + dlon),
        )
    )).scalars()
    ranked = sorted(((distance_km(latitude, longitude, s.latitude, s.longitude), s) for s in nearby
                     if s.latitude is not None and s.longitude is not None), key=lambda pair: pair[0])
    if not ranked or ranked[0][0] > within_km:
        return None
    return ranked[0][1], ranked[0][0]


async def list_stations(db: AsyncSession) -> list[dict[str, Any]]:
    stations = list((await db.execute(select(Station).order_by(Station.code))).scalars())
    codes = {s.id: s.code for s in stations}
    areas: dict[int, list[str]] = {}
    for station_id, region_code in (await db.execute(
            select(StationArea.station_id, StationArea.region_code).order_by(StationArea.region_code))):
        areas.setdefault(station_id, []).append(region_code)
    return [
        {"code": s.code, "name": s.name, "kind": s.kind.value, "parent": codes.get(s.parent_id or 0),
         "timezone": s.timezone, "latitude": s.latitude, "longitude": s.longitude, "phone": s.phone,
         "digest_time": s.digest_time, "public_descriptions": s.public_descriptions, "areas": areas.get(s.id, [])}
        for s in stations
    ]


async def draft_registry(db: AsyncSession, regions: RegionIndex, regency_codes: list[str]) -> list[StationRow]:
    """A registry for whole kabupaten/kota: one Polres each, one Polsek per kecamatan under it ("Polsek
    <Kecamatan>"), in the province's time zone. A region some station already covers keeps that station, as
    it is, so the draft imports over an existing registry without moving anything."""
    existing = {s.id: s for s in (await db.execute(select(Station))).scalars()}
    areas_by_station: dict[int, list[str]] = {}
    owner: dict[str, Station] = {}
    for station_id, area in await db.execute(
            select(StationArea.station_id, StationArea.region_code).order_by(StationArea.region_code)):
        areas_by_station.setdefault(station_id, []).append(area)
        owner[area] = existing[station_id]
    rows: list[StationRow] = []
    kept: set[str] = set()

    def keep(station: Station) -> None:
        if station.code in kept:
            return
        kept.add(station.code)
        parent = existing.get(station.parent_id or 0)
        rows.append(StationRow(len(rows) + 2, station.code, station.name, station.kind,
                               parent.code if parent else None, station.timezone, station.latitude,
                               station.longitude, station.phone, areas_by_station.get(station.id, []),
                               station.digest_time, station.public_descriptions))

    for regency in regions.regencies(regency_codes):
        polres = owner.get(regency.code)
        if polres is not None:
            keep(polres)
            polres_code = polres.code
        else:
            polres_code = f"POLRES-{regency.code.replace('.', '')}"
            rows.append(StationRow(len(rows) + 2, polres_code, polres_name(regions, regency), StationKind.POLRES,
                                   None, timezone_for(regency.code), None, None, None, [regency.code]))
        for district in regions.districts_in(regency.code):
            polsek = owner.get(district.code)
            if polsek is not None:
                keep(polsek)
                continue
            rows.append(StationRow(len(rows) + 2, f"POLSEK-{district.code.replace('.', '')}",
                                   f"Polsek {district.name}", StationKind.POLSEK, polres_code,
                                   timezone_for(district.code), None, None, None, [district.code]))
    return rows


def polres_name(regions: RegionIndex, regency: Region) -> str:
    """`Polres Blitar` for the kabupaten, `Polres Blitar Kota` for the kota where both carry the name."""
    shared = any(r.code != regency.code and r.name == regency.name for r in regions.regencies())
    return f"Polres {regency.name} Kota" if regency.kind == "kota" and shared else f"Polres {regency.name}"


def registry_csv(rows: list[StationRow], regions: RegionIndex) -> str:
    """Rows as the import file, each area followed by its official name for the reviewer's eye (and the
    import's check)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow((*COLUMNS, *OPTIONAL_COLUMNS))
    for row in rows:
        areas = "; ".join(f"{area} {_written_name(region)}" if (region := regions.get(area)) else area
                          for area in row.areas)
        writer.writerow((row.code, row.name, row.kind.value, row.parent or "", row.timezone,
                         "" if row.latitude is None else row.latitude, "" if row.longitude is None else row.longitude,
                         row.phone or "", areas, row.digest_time, "yes" if row.public_descriptions else "no"))
    return out.getvalue()


def _written_name(region: Region) -> str:
    """`Sukorejo`, `Kota Blitar`: a kab/kota with its kind, as the same name may be both."""
    return f"{region.kind.title()} {region.name}" if region.level == 2 else region.name


@dataclass
class RegencyCoverage:
    """Which kecamatan of a kabupaten/kota no Polsek covers, and the reports the fallback desk got there."""

    regency: Region
    polres: str | None  # the station covering the kabupaten/kota, which takes its uncovered kecamatan
    districts: int
    uncovered: list[Region]
    # Reports placed in the kabupaten/kota that went to a national desk, by kecamatan code ("" for none).
    fallback_reports: dict[str, int]


async def coverage(db: AsyncSession, regions: RegionIndex, regency_codes: list[str] | None,
                   since: dt.datetime) -> list[RegencyCoverage]:
    """Coverage of these kabupaten/kota (every one when None), with fallback reports created since `since`."""
    owner = {area: code for area, code in await db.execute(
        select(StationArea.region_code, Station.code).join(Station, StationArea.station_id == Station.id))}
    fallback: dict[str, dict[str, int]] = {}
    for regency_code, district_code, count in await db.execute(
            select(Report.regency_code, Report.district_code, func.count())
            .join(Station, Report.station_id == Station.id)
            .where(Station.kind == StationKind.NATIONAL, Report.created_at >= since, Report.regency_code.is_not(None))
            .group_by(Report.regency_code, Report.district_code)):
        fallback.setdefault(regency_code or "", {})[district_code or ""] = count
    found = []
    for regency in regions.regencies(regency_codes):
        districts = regions.districts_in(regency.code)
        found.append(RegencyCoverage(regency, owner.get(regency.code), len(districts),
                                     [d for d in districts if d.code not in owner], fallback.get(regency.code, {})))
    return found


async def covered_codes(db: AsyncSession) -> frozenset[str]:
    """Every kecamatan and kab/kota code some station covers: the whole country's, some 7,800 rows, once stations are
    generated for all of it. Where the question is of a few places, covered_among() asks of those alone."""
    return frozenset((await db.execute(select(StationArea.region_code))).scalars())


async def areas_covered(db: AsyncSession) -> int:
    """How many kecamatan and kab/kota the stations cover: counted once a session, as a message asks it of each place
    its story may name (three times in a story of a place, each a round trip on PostgreSQL)."""
    if "areas_covered" not in db.info:
        db.info["areas_covered"] = int((await db.execute(select(func.count()).select_from(StationArea))).scalar_one())
    return int(db.info["areas_covered"])


async def covered_among(db: AsyncSession, codes: Collection[str]) -> frozenset[str]:
    """Those of these kecamatan and kab/kota codes some station covers."""
    if not codes:
        return frozenset()
    return frozenset((await db.execute(
        select(StationArea.region_code).where(StationArea.region_code.in_(sorted(codes))))).scalars())


async def provinces_served(db: AsyncSession) -> frozenset[str]:
    """The provinces (their codes) in which some station covers a kecamatan or a kab/kota."""
    return frozenset((await db.execute(select(func.substr(StationArea.region_code, 1, 2)).distinct())).scalars())
