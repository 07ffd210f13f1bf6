"""B6, the station web page's home at scale: the server time and the bytes of Ringkasan for a busy
Polsek's head when the report table holds 1,000,000 reports (the station's own year, about 11,000, and
the rest at the other stations of the shipped registry).

The page is asked for through the service's own routes, in process (httpx's ASGI transport), signed in
the way an officer is (a one-time link redeemed for a session), so the time is the server's: the session
check, the digest's facts, the template. The weight is the HTML and the stylesheet it loads (the home
page loads no script); Leaflet is the map page's only. Where Debian's chromium is installed, the page is
also opened in it at a phone's size over HTTP: its first contentful paint and the bytes transferred.

    python -m benchmarks.b6_web [--quick] [POSTGRESQL_URL]
"""

from __future__ import annotations

import asyncio
import datetime as dt
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import insert, select, text
from starlette.applications import Starlette

from bot import web
from bot.config import Settings
from bot.web.auth import SESSION_COOKIE
from handlers.engine import Engine
from handlers.routing import Router
from harness.loopback import LoopbackServer, empty_postgres
from storage import db as database
from storage import sample_reports
from storage.crypto import ContactCipher
from storage.media import MediaStore
from storage.models import Contact, Officer, OfficerRole, Report, Station
from storage.regions import RegionIndex
from storage.reports import new_ref
from storage.stations import areas_of, seed_if_empty
from storage.web_sessions import create_link, redeem_link

SECRET = "benchmark-only-secret-of-at-least-32-characters"
STATION = "POLSEK-SANANWETAN"
FULL = {"total": 1_000_000, "own_per_day": 30, "runs": 31}
QUICK = {"total": 20_000, "own_per_day": 10, "runs": 5}
CHUNK = 50_000
SEED = 6
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def _progress(message: str) -> None:
    print(f"[b6] {message}", file=sys.stderr, flush=True)


async def _fill(url: str, regions: RegionIndex, sizes: dict[str, int], now: dt.datetime) -> tuple[int, int]:
    """The shipped stations, the measured one's year of sample reports, then the others' up to the total.
    Returns the measured station's reports and the table's."""
    engine = database.create_engine(url)
    sessions = database.session_factory(engine)
    try:
        async with sessions() as db, db.begin():
            await seed_if_empty(db, regions)
            station = (await db.execute(select(Station).where(Station.code == STATION))).scalar_one()
            own = await sample_reports.generate(db, regions, station, days=365, per_day=sizes["own_per_day"],
                                                now=now, seed=SEED)
            others = [s for s in (await db.execute(select(Station).where(Station.id != station.id))).scalars()]
            samples = [sample_reports.sample_station(random.Random(s.id), s, [
                v.code for area in await areas_of(db, s) for v in regions.villages_in(area)]) for s in others]
        rng, refs, made = random.Random(SEED), random.Random(f"{SEED}:b6"), own
        async with sessions() as db:
            drawn = set((await db.execute(select(Report.ref))).scalars())

        def ref() -> str:
            """A ref not drawn before: at a million, two of 32**8 meet about every other run."""
            while (new := new_ref(refs)) in drawn:
                pass
            drawn.add(new)
            return new

        while made < sizes["total"]:  # the home page reads no other station's rows: no events, no messages
            rows = []
            for _ in range(min(CHUNK, sizes["total"] - made)):
                sample = rng.choice(samples)
                day = now.astimezone(sample.zone).date() - dt.timedelta(days=rng.randrange(1, 366))
                rows.append(sample_reports.sample_report(rng, sample, day, now, ref()))
            async with sessions() as db, db.begin():
                await (await db.connection()).execute(insert(Report.__table__), rows)
            made += len(rows)
            if made % 100_000 < CHUNK:
                _progress(f"{made:,} reports")
        if engine.dialect.name == "postgresql":  # what autovacuum does after such a load, before it is read
            async with engine.connect() as connection:
                await connection.execution_options(isolation_level="AUTOCOMMIT")
                await connection.execute(text("VACUUM ANALYZE"))
        return own, made
    finally:
        await engine.dispose()


async def _measure(url: str, regions: RegionIndex, data_dir: Path, runs: int, now: dt.datetime) -> dict[str, Any]:
    db_engine = database.create_engine(url)
    cipher = ContactCipher(SECRET)
    engine = Engine(database.session_factory(db_engine), cipher, MediaStore(data_dir / "media"),
                    Router(regions, "PUSAT", 10.0))
    try:
        async with engine.sessions() as db, db.begin():
            station = (await db.execute(select(Station).where(Station.code == STATION))).scalar_one()
            contact = Contact(urn_hash=cipher.lookup_hash("telegram:1"), urn_encrypted=cipher.encrypt("telegram:1"),
                              channel="telegram", language="id")
            db.add(contact)
            await db.flush()
            officer = Officer(contact_id=contact.id, station_id=station.id, role=OfficerRole.HEAD, active=True)
            db.add(officer)
            await db.flush()
            session = await redeem_link(db, cipher, await create_link(db, cipher, officer, now), now)
        assert session is not None
        app = Starlette(routes=web.routes())
        app.state.settings = Settings(_env_file=None, secret_key=SECRET, data_dir=data_dir)  # type: ignore[call-arg]
        app.state.engine = engine
        timings_ms = []
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench",
                                     cookies={SESSION_COOKIE: session}) as client:
            for n in range(runs + 1):
                started = time.perf_counter()
                home = await client.get("/")
                elapsed = (time.perf_counter() - started) * 1000
                assert home.status_code == 200, home.status_code
                if n:  # the first warms the caches (templates, the region names)
                    timings_ms.append(elapsed)
            stylesheet = await client.get("/static/style.css")
        timings_ms.sort()
        return {"server_ms_p50": round(statistics.median(timings_ms), 1),
                "server_ms_p95": round(timings_ms[max(0, round(0.95 * len(timings_ms)) - 1)], 1),
                "html_kb": round(len(home.content) / 1024, 1),
                "page_kb": round((len(home.content) + len(stylesheet.content)) / 1024, 1),
                "browser": await _in_browser(app, session)}
    finally:
        await db_engine.dispose()


async def _in_browser(app: Starlette, session: str) -> dict[str, Any]:
    """The home page in Debian's headless chromium at a phone's size, over HTTP on 127.0.0.1: when it first
    painted and what went over the wire. Nothing when chromium is not installed (`make chromium`)."""
    chromium = shutil.which("chromium")
    if chromium is None:
        return {"skipped": "chromium is not installed: make chromium"}
    from playwright.async_api import async_playwright  # a dev dependency, like the browser

    server = LoopbackServer(app)
    await server.start()
    try:
        async with async_playwright() as driver:
            browser = await driver.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            context = await browser.new_context(viewport={"width": 360, "height": 780})
            await context.add_cookies([{"name": SESSION_COOKIE, "value": session, "domain": "127.0.0.1",
                                        "path": "/", "httpOnly": True, "sameSite": "Lax"}])
            page = await context.new_page()
            await page.goto(f"http://127.0.0.1:{server.port}/", wait_until="load")
            # The paint is reported when it happens, which may be after "load": wait for its entry.
            painted = await page.evaluate("""() => new Promise(resolve => new PerformanceObserver(list => {
                const entry = list.getEntriesByName("first-contentful-paint")[0];
                if (entry) { resolve(entry.startTime); }
            }).observe({type: "paint", buffered: true}))""")
            transferred = await page.evaluate("""() => performance.getEntriesByType("navigation")
                .concat(performance.getEntriesByType("resource")).reduce((sum, e) => sum + e.transferSize, 0)""")
            await browser.close()
    finally:
        await server.stop()
    return {"first_paint_ms": round(painted, 1), "transferred_kb": round(transferred / 1024, 1)}


def run(bench_database_url: str | None, quick: bool = False) -> dict[str, Any]:
    """On SQLite, and on PostgreSQL when given: the home page of a head at 1M reports."""
    sizes = QUICK if quick else FULL
    regions = RegionIndex.load()
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    result: dict[str, Any] = {"parameters": {**sizes, "station": STATION},
                              "postgresql": {"skipped": "no PostgreSQL database given"}}
    with tempfile.TemporaryDirectory() as folder:
        targets = [("sqlite", f"sqlite+aiosqlite:///{Path(folder) / 'b6.db'}")]
        if bench_database_url:
            empty_postgres(bench_database_url)
            targets.append(("postgresql", bench_database_url.replace("postgresql://", "postgresql+psycopg://", 1)))
        for name, url in targets:
            database.upgrade(url)
            own, total = asyncio.run(_fill(url, regions, sizes, now))
            _progress(f"{name}: {own:,} of the station's among {total:,}")
            result[name] = {"own_reports": own, "reports": total,
                            **asyncio.run(_measure(url, regions, Path(folder), sizes["runs"], now))}
    return result


if __name__ == "__main__":
    quick = "--quick" in sys.argv
    given = [arg for arg in sys.argv[1:] if not arg.startswith("--")]
    print(run(given[0] if given else None, quick))
