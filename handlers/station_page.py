"""What the station's web page reads, beside what it shares with the chat (the digest's facts, the alert,
a report's history, the actions and the patrol note): whose reports an officer sees, the station's
places, and the map's points."""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, select
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.digest import BANDS, band_of, place_name
from handlers.office import Office
from storage import digests
from storage.models import Identity, Officer, OfficerRole, PatrolNote, Report, Station
from storage.reports import referral_from, report_by_ref
from storage.stations import areas_of

RING_KM = 2.0  # places without a pin are drawn on a ring this far around their station
DEFAULT_CENTRE = (-2.5, 118.0)  # Indonesia, for a station without coordinates
PINS = 2000  # the newest pinned reports the map draws one by one


async def stations_seen(db: AsyncSession, officer: Officer) -> list[Station]:
    """The stations whose reports the officer sees: their own, and for a head the Polsek under it too
    (as their digest counts them)."""
    station = await db.get(Station, officer.station_id)
    assert station is not None
    return await digests.family(db, station) if officer.role == OfficerRole.HEAD else [station]


async def visible_report(db: AsyncSession, stations: list[Station], ref: str, *, lock: bool = False,
                         referred_too: bool = False) -> Report | None:
    """The report if one of `stations` holds it, or, `referred_too`, referred it to another (to be read, not
    acted on); another station's is "not found", as in the chat."""
    report = await report_by_ref(db, ref, lock=lock)
    if report is None:
        return None
    ids = {station.id for station in stations}
    if report.station_id in ids or (referred_too and await referral_from(db, report, ids) is not None):
        return report
    return None


async def places_of(office: Office, lang: str, stations: list[Station]) -> list[tuple[str, str]]:
    """(code, name) of the kelurahan/desa the stations cover, by name."""
    places = {}
    for station in stations:
        for area in await areas_of(office.db, station):
            for village in office.router.places.villages_in(area):
                places[village.code] = place_name(office, lang, village.code)
    return sorted(places.items(), key=lambda item: (item[1], item[0]))


@dataclass
class MapPlace:
    code: str
    name: str
    latitude: float
    longitude: float
    pinned: bool  # placed where its reports' pins are; otherwise on a ring around the station
    by_category: Counter[str] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.by_category.values())


@dataclass(frozen=True)
class MapData:
    places: list[MapPlace]
    pins: list[tuple[float, float, str, str]]  # latitude, longitude, category, ref
    notes: list[tuple[float, float, str, int]]  # latitude, longitude, place as written, residents met
    centre: tuple[float, float]
    grid: list[tuple[str, str, list[Counter[str]]]]  # code, name, per band: counts by category


async def map_data(office: Office, lang: str, stations: list[Station], since: dt.datetime) -> MapData:
    """The period's reports by place, the pins residents sent, the patrol notes, and the hotspot grid."""
    ids = [s.id for s in stations]
    counts = await digests.counts(office.db, ids, since, office.now)
    home = next((s for s in stations if s.latitude is not None and s.longitude is not None), None)
    centre = (home.latitude, home.longitude) if home and home.latitude is not None and home.longitude is not None \
        else DEFAULT_CENTRE
    pins = [(lat, lon, category.value, ref) for lat, lon, category, ref in await office.db.execute(
        select(Report.latitude, Report.longitude, Report.category, Report.ref)
        .where(Report.station_id.in_(ids), Report.created_at >= since, *_shown_pin())
        .order_by(Report.created_at.desc()).limit(PINS)) if lat is not None and lon is not None]
    by_place: dict[str, Counter[str]] = defaultdict(Counter)
    zone = ZoneInfo(stations[0].timezone)
    bands: dict[str, list[Counter[str]]] = defaultdict(lambda: [Counter() for _ in BANDS])
    band_index = {name: i for i, (name, _hours) in enumerate(BANDS)}
    for count in counts:
        if count.place_code is None:
            continue
        by_place[count.place_code][count.category.value] += count.total
        bands[count.place_code][band_index[band_of(count.hour_of_day(zone))]][count.category.value] += (
            count.total)
    pinned = await _pinned_places(office.db, ids, since)
    codes = sorted(by_place, key=lambda code: (-sum(by_place[code].values()), code))
    places = []
    for n, code in enumerate(sorted(by_place)):
        if code in pinned:
            latitude, longitude = pinned[code]
        else:  # no boundary data: the station's places around it, each in its own direction
            angle = 2 * math.pi * n / max(len(by_place), 1)
            latitude = centre[0] + RING_KM / 111.0 * math.sin(angle)
            longitude = centre[1] + RING_KM / (111.0 * max(math.cos(math.radians(centre[0])), 0.1)) * math.cos(angle)
        places.append(MapPlace(code, place_name(office, lang, code), latitude, longitude, code in pinned,
                               by_place[code]))
    notes = []
    for note in await digests.patrol_notes(office.db, ids, since, office.now):
        spot = pinned.get(note.village_code or note.district_code or "")
        where = spot or next(((p.latitude, p.longitude) for p in places if p.code == note.village_code), centre)
        notes.append((where[0], where[1], note.place_text, note.residents_met))
    grid = [(code, place_name(office, lang, code), bands[code]) for code in codes]
    return MapData(places, pins, notes, centre, grid)


def _shown_pin() -> tuple[ColumnElement[bool], ...]:
    """A pin is where someone was: shown, like an address, only for a report its reporter named
    themselves on. The others count in their kelurahan's circle."""
    return Report.latitude.is_not(None), Report.longitude.is_not(None), Report.identity == Identity.NAMED


def shows_pin(report: Report) -> bool:
    return report.latitude is not None and report.longitude is not None and report.identity == Identity.NAMED


async def _pinned_places(db: AsyncSession, station_ids: list[int],
                         since: dt.datetime) -> dict[str, tuple[float, float]]:
    """Where each place's pinned reports are, on average: the nearest thing to a boundary Lapor holds."""
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    rows = await db.execute(
        select(Report.village_code, Report.district_code, Report.latitude, Report.longitude)
        .where(Report.station_id.in_(station_ids), Report.created_at >= since, *_shown_pin()).limit(PINS))
    for village, district, latitude, longitude in rows:
        code = village or district
        if code and latitude is not None and longitude is not None:
            total = sums[code]
            total[0], total[1], total[2] = total[0] + latitude, total[1] + longitude, total[2] + 1
    return {code: (lat / n, lon / n) for code, (lat, lon, n) in sums.items()}


async def patrol_log(db: AsyncSession, stations: list[Station], since: dt.datetime,
                     until: dt.datetime) -> list[tuple[PatrolNote, str, list[Report]]]:
    """The period's patrol notes, newest first, each with the name of the officer who patrolled and the reports
    of its concerns."""
    notes = list(reversed(await digests.patrol_notes(db, [s.id for s in stations], since, until)))
    reports: dict[int, list[Report]] = defaultdict(list)
    names: dict[int, str] = {}
    if notes:
        for report in (await db.execute(select(Report).where(Report.patrol_note_id.in_([n.id for n in notes]))
                                        .order_by(Report.id))).scalars():
            reports[report.patrol_note_id or 0].append(report)
        officers = {n.officer_id for n in notes if n.officer_id is not None}
        names = {officer_id: name or "" for officer_id, name in
                 await db.execute(select(Officer.id, Officer.name).where(Officer.id.in_(officers)))}
    return [(note, names.get(note.officer_id or 0, ""), reports[note.id]) for note in notes]

