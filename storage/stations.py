"""The stations registry: who covers which region, the CSV import, and look-ups for routing."""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Station, StationArea, StationKind
from storage.regions import RegionIndex

SEED_FILE = Path(__file__).parent / "seeds" / "stations.csv"
COLUMNS = ("code", "name", "kind", "parent", "timezone", "latitude", "longitude", "phone", "areas")
OPTIONAL_COLUMNS = ("digest_time",)  # a file without them keeps the defaults
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
_EARTH_KM = 6371.0


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
        areas = [a for a in re.split(r"[\s;]+", value["areas"]) if a]
        if kind == StationKind.NATIONAL and areas:
            problems.append("a national station covers no areas")
        if kind != StationKind.NATIONAL and not areas:
            problems.append(f"a {kind.value} needs at least one area")
        for area in areas:
            region = regions.get(area)
            if region is None or region.level != _AREA_LEVEL.get(kind):
                wanted = "kecamatan" if kind == StationKind.POLSEK else "kabupaten/kota"
                problems.append(f"area {area} is not a {wanted} code")
            elif area in first_line_of_area:
                problems.append(f"area {area} is already covered on line {first_line_of_area[area]}")
            else:
                first_line_of_area[area] = line
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
        errors += [f"line {line}: {problem}" for problem in problems]
        rows.append(StationRow(line, code, value["name"], kind, value["parent"].upper() or None, timezone,
                               latitude, longitude, value["phone"] or None, areas, digest_time))
    if not rows and not errors:
        errors.append("the file has no stations")
    return rows, errors


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
    for row in rows:
        if row.parent and row.parent not in in_file and row.parent not in existing:
            result.errors.append(f"line {row.line}: parent station {row.parent} is unknown")
        if row.parent == row.code:
            result.errors.append(f"line {row.line}: a station cannot be its own parent")
        for area in row.areas:
            owner = area_owner.get(area)
            if owner and owner != row.code and owner not in in_file:
                result.errors.append(f"line {row.line}: area {area} is already covered by station {owner}")
    if result.errors:
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
            before[row.code] = _snapshot(station, sorted(a for a, o in area_owner.items() if o == row.code))
        station.name, station.kind, station.timezone = row.name, row.kind, row.timezone
        station.latitude, station.longitude, station.phone = row.latitude, row.longitude, row.phone
        station.digest_time = row.digest_time
    await db.flush()
    for row in rows:
        parent = stations.get(row.parent) if row.parent else None
        stations[row.code].parent_id = parent.id if parent else None
    # Areas move between stations of the file: clear them all first, so the unique constraint holds.
    file_ids = [stations[row.code].id for row in rows]
    await db.execute(delete(StationArea).where(StationArea.station_id.in_(file_ids)))
    await db.flush()
    for done, row in enumerate(rows, 1):
        station = stations[row.code]
        db.add_all(StationArea(station_id=station.id, region_code=area) for area in row.areas)
        if row.code not in before:
            result.created += 1
        elif before[row.code] == _snapshot(station, sorted(row.areas)):
            result.unchanged += 1
        else:
            result.updated += 1
        progress(done)
    await db.flush()
    return result


def _snapshot(station: Station, areas: list[str]) -> tuple[object, ...]:
    return (station.name, station.kind, station.timezone, station.latitude, station.longitude, station.phone,
            station.digest_time, station.parent_id, tuple(areas))


async def seed_if_empty(db: AsyncSession, regions: RegionIndex) -> ImportResult | None:
    """Loads the shipped stations into an empty registry; a registry with stations is left alone."""
    if (await db.execute(select(func.count()).select_from(Station))).scalar_one():
        return None
    return await import_stations(db, SEED_FILE.read_text(encoding="utf-8"), regions)


async def station_by_code(db: AsyncSession, code: str) -> Station | None:
    return (await db.execute(select(Station).where(Station.code == code))).scalar_one_or_none()


async def areas_of(db: AsyncSession, station: Station) -> list[str]:
    return list((await db.execute(
        select(StationArea.region_code).where(StationArea.station_id == station.id).order_by(StationArea.region_code)
    )).scalars())


async def station_covering(db: AsyncSession, region_code: str) -> Station | None:
    return (await db.execute(
        select(Station).join(StationArea, StationArea.station_id == Station.id)
        .where(StationArea.region_code == region_code)
    )).scalar_one_or_none()


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


async def list_stations(db: AsyncSession) -> list[dict[str, object]]:
    stations = list((await db.execute(select(Station).order_by(Station.code))).scalars())
    codes = {s.id: s.code for s in stations}
    areas: dict[int, list[str]] = {}
    for station_id, region_code in (await db.execute(
            select(StationArea.station_id, StationArea.region_code).order_by(StationArea.region_code))):
        areas.setdefault(station_id, []).append(region_code)
    return [
        {"code": s.code, "name": s.name, "kind": s.kind.value, "parent": codes.get(s.parent_id or 0),
         "timezone": s.timezone, "latitude": s.latitude, "longitude": s.longitude, "phone": s.phone,
         "digest_time": s.digest_time, "areas": areas.get(s.id, [])}
        for s in stations
    ]


async def covered_codes(db: AsyncSession) -> frozenset[str]:
    """Every kecamatan and kab/kota code some station covers."""
    return frozenset((await db.execute(select(StationArea.region_code).distinct())).scalars())
