"""Sample reports for trying the digest and for benchmarks: plausible categories, places, times and
statuses on one station's areas. Never for a database that holds real reports."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Category, Identity, Report, ReportEvent, ReportSource, ReportStatus, Station
from storage.regions import RegionIndex
from storage.reports import new_ref
from storage.stations import areas_of

_WEIGHTS = {Category.SECURITY: 30, Category.TRAFFIC: 20, Category.SOCIAL: 15, Category.UNSAFE_PLACE: 12,
            Category.DRUGS: 10, Category.OTHER: 10, Category.EMERGENCY: 3}
_WHAT = {
    Category.SECURITY: "Motor warga hilang dari parkiran",
    Category.TRAFFIC: "Balap liar di jalan raya",
    Category.SOCIAL: "Keributan antarwarga soal batas tanah",
    Category.UNSAFE_PLACE: "Lampu jalan mati, gang gelap dan sepi",
    Category.DRUGS: "Dugaan transaksi sabu di warung",
    Category.OTHER: "Usul pos ronda dihidupkan lagi",
    Category.EMERGENCY: "Perkelahian dengan senjata tajam",
}
_HOURS = [1, 1, 1, 1, 1, 2, 3, 4, 4, 3, 3, 3, 4, 3, 3, 3, 4, 5, 6, 7, 8, 8, 6, 3]  # by local hour: more at night
# Cumulative weights, summed once: a million reports draw from them.
_CATEGORIES, _CATEGORY_WEIGHTS = list(_WEIGHTS), list(accumulate(_WEIGHTS.values()))
_LOCAL_HOURS, _HOUR_WEIGHTS = range(24), list(accumulate(_HOURS))
_IDENTITIES = list(Identity)
_CLOSED = (ReportStatus.RESOLVED, ReportStatus.REJECTED, ReportStatus.DUPLICATE)
CHUNK = 5_000  # reports per INSERT: a big run never holds, or sends, more than this at once


@dataclass(frozen=True)
class SampleStation:
    """What a sample report needs of its station: where it is, in which zone, and its villages, a few of
    them hot (they get more than their share)."""

    id: int
    zone: ZoneInfo
    villages: list[str | None]
    hot: list[str | None]


def sample_station(rng: random.Random, station: Station, villages: list[str]) -> SampleStation:
    places: list[str | None] = [*villages] or [None]
    return SampleStation(station.id, ZoneInfo(station.timezone), places, rng.sample(places, k=min(3, len(places))))


def sample_report(rng: random.Random, station: SampleStation, local_date: dt.date, now: dt.datetime,
                  ref: str) -> dict[str, Any]:
    """One report's row on `local_date`, at the station's local hours; older ones are more often closed."""
    category = rng.choices(_CATEGORIES, cum_weights=_CATEGORY_WEIGHTS)[0]
    local = dt.time(rng.choices(_LOCAL_HOURS, cum_weights=_HOUR_WEIGHTS)[0], rng.randrange(60))
    created = dt.datetime.combine(local_date, local, station.zone).astimezone(dt.UTC)
    age = (now - created).days
    status = (rng.choice(_CLOSED) if rng.random() < min(0.9, age / 5) else
              rng.choice((ReportStatus.RECEIVED, ReportStatus.ACKNOWLEDGED, ReportStatus.IN_PROGRESS)))
    village = rng.choice(station.hot) if rng.random() < 0.4 else rng.choice(station.villages)
    return {
        "ref": ref, "category": category, "description": f"{_WHAT[category]} (data contoh)",
        "occurred_text": "-", "location_text": "-", "latitude": None, "longitude": None,
        "province_code": village[:2] if village else None, "regency_code": village[:5] if village else None,
        "district_code": village.rsplit(".", 1)[0] if village else None, "village_code": village,
        "station_id": station.id, "needs_routing": False, "urgent": category == Category.EMERGENCY,
        "status": status, "identity": rng.choice(_IDENTITIES), "source": ReportSource.CITIZEN,
        "language": "id", "contact_id": None, "escalations": 0, "created_at": created, "updated_at": created,
        "sample": True,
    }


async def holds_real_reports(db: AsyncSession) -> bool:
    """Whether any report in the database is not a sample: residents' or patrols' own."""
    return (await db.execute(select(Report.id).where(Report.sample.is_(False)).limit(1))).first() is not None


async def generate(db: AsyncSession, regions: RegionIndex, station: Station, *, days: int, per_day: int,
                   now: dt.datetime, seed: int = 1) -> int:
    """Inserts about `per_day` reports a day for the `days` before `now`'s local date, at the station's
    local hours; returns how many. The same seed and `now` give the same reports, refs included."""
    rng = random.Random(seed)
    sample = sample_station(rng, station, [v.code for area in await areas_of(db, station)
                                           for v in regions.villages_in(area)])
    # Refs seeded too, from a generator of their own: drawing one again changes nothing else.
    refs, drawn = random.Random(f"{seed}:refs"), set[str]()

    def ref() -> str:
        """A ref not drawn before in this run."""
        while (drawn_ref := new_ref(refs)) in drawn:
            pass
        drawn.add(drawn_ref)
        return drawn_ref

    rows: list[dict[str, Any]] = []
    made = 0
    for day in range(days):
        local_date = now.astimezone(sample.zone).date() - dt.timedelta(days=day + 1)  # before `now`'s local day
        for _ in range(max(0, round(rng.gauss(per_day, per_day / 4)))):
            rows.append(sample_report(rng, sample, local_date, now, ref()))
            if len(rows) == CHUNK:
                made += await _insert(db, rows, ref)
                rows = []
    return made + await _insert(db, rows, ref)


async def _insert(db: AsyncSession, rows: list[dict[str, Any]], ref: Callable[[], str]) -> int:
    """Inserts one chunk of reports with their first event. A ref the database holds already (the same seed
    run twice on one database) is drawn again."""
    if not rows:
        return 0
    while held := set((await db.execute(select(Report.ref).where(Report.ref.in_([r["ref"] for r in rows])))).scalars()):
        for row in rows:
            if row["ref"] in held:
                row["ref"] = ref()
    ids = (await db.execute(insert(Report).returning(Report.id, Report.created_at), rows)).all()
    await db.execute(insert(ReportEvent), [
        {"report_id": report_id, "kind": "status", "from_status": None, "to_status": ReportStatus.RECEIVED,
         "actor": "resident", "note": None, "public": False, "created_at": created}
        for report_id, created in ids
    ])
    return len(rows)
