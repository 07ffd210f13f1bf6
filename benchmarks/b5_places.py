"""B5 — place resolution: typed places resolved per second, and what building the region index costs
at start-up (the service builds it once).

The index keeps its fuzzy name look-ups, so after the first round every place is one typed before, as most
are in a station's own area; the first round, each text read for the first time since the index was built,
is reported apart (`first_round_per_s`).

Then the same places offered as the chat offers them (`Router.offered`: the readings ranked by the stations
that cover them, else the villages near them a typo may mean), first with the shipped stations, then with a
Polres and its Polsek for every kabupaten/kota of the country (`lapor stations generate --all`), some 7,800
areas covered: what a country-wide registry costs a typed place."""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from handlers.routing import Router
from storage import db as database
from storage.regions import RegionIndex, is_confident
from storage.stations import draft_registry, import_stations, registry_csv, seed_if_empty

# Places the way residents type them: full addresses, typos, abbreviations, bare names, no place at all.
PLACES = [
    "Kel. Gedok, Kec. Sananwetn, Blitar",
    "gedog sananwetan",
    "gedok sananwetn blitar",
    "Jl. Merdeka RT 02/RW 05 Gedog, Sananwetan",
    "kelurahan gedog kecamatan sanan wetan kota blitar",
    "plosokrep sanan wetan",
    "Kec. Sekar, Kab. Bojonegoro",
    "sekar bojonegoro",
    "sekr bojonegor",
    "dekat pasar Sekar Bojonegoro",
    "kec sekar bjn",
    "Sidomulyo",
    "Sekar",
    "sananwetan",
    "blitar",
    "kota blitar",
    "karanganyar demak",
    "pasar minggu jakarta selatan",
    "Desa Kurau Timur, Kec. Koba, Kab. Bangka Tengah",
    "kebayoran baru jaksel",
    "gg. mawar no 3 rt 1 rw 4 kemiri muka beji depok",
    "depan masjid agung, cibinong bogor",
    "Jalan Ahmad Yani No. 88 Wonokromo Surabaya",
    "sukamaju",
    "motor saya hilang tadi malam",
    "xyzzy qwerty",
    "",
    "rt 02 rw 05",
]


def run(bench_database_url: str | None, quick: bool = False) -> dict[str, Any]:
    """The index is built `builds` times (the median counts), then each place resolved in turn."""
    builds, resolutions = (1, 300) if quick else (3, 10_000)
    build_s = []
    for _ in range(builds):
        started = time.perf_counter()
        index = RegionIndex.load()
        build_s.append(time.perf_counter() - started)
    print(f"  index built in {statistics.median(build_s):.2f} s", file=sys.stderr)

    timings_ms: list[float] = []
    confident = 0
    for n in range(resolutions):
        text = PLACES[n % len(PLACES)]
        started = time.perf_counter()
        candidates = index.resolve(text)
        timings_ms.append((time.perf_counter() - started) * 1000)
        confident += is_confident(candidates)
    first_round_ms = timings_ms[:len(PLACES)]
    timings_ms.sort()
    offered_rounds = 2 if quick else 20
    offered = asyncio.run(_offered(index, offered_rounds))
    return {
        "parameters": {"resolutions": resolutions, "typed_places": len(PLACES), "index_builds": builds,
                       "regions": sum(index.counts().values()), "offered_rounds": offered_rounds},
        **offered,
        "per_s": round(resolutions / (sum(timings_ms) / 1000), 1),
        "first_round_per_s": round(len(first_round_ms) / (sum(first_round_ms) / 1000), 1),
        "index_build_s": round(statistics.median(build_s), 3),
        "p50_ms": round(statistics.median(timings_ms), 3),
        "p95_ms": round(timings_ms[max(0, round(0.95 * len(timings_ms)) - 1)], 3),
        "max_ms": round(timings_ms[-1], 3),
        "confident": confident,
    }


async def _offered(index: RegionIndex, rounds: int) -> dict[str, Any]:
    """The places offered in turn, `rounds` times, with the shipped stations and then with the whole country's."""
    with tempfile.TemporaryDirectory() as scratch:
        url = f"sqlite+aiosqlite:///{Path(scratch) / 'lapor.db'}"
        await asyncio.to_thread(database.upgrade, url)
        engine = database.create_engine(url)
        sessions = database.session_factory(engine)
        router = Router(index, "PUSAT", 10.0)
        try:
            async with sessions() as db, db.begin():
                await seed_if_empty(db, index)
            shipped = await _offered_in_turn(sessions, router, rounds)
            async with sessions() as db, db.begin():
                rows = await draft_registry(db, index, [regency.code for regency in index.regencies()])
                await import_stations(db, registry_csv(rows, index), index)
            country = await _offered_in_turn(sessions, router, rounds)
        finally:
            await engine.dispose()
    return {"offered_shipped_stations": shipped, "offered_country_stations": country}


async def _offered_in_turn(sessions: Any, router: Router, rounds: int) -> dict[str, Any]:
    timings_ms: list[float] = []
    async with sessions() as db:
        for n in range(rounds * len(PLACES)):
            started = time.perf_counter()
            await router.offered(db, PLACES[n % len(PLACES)])
            timings_ms.append((time.perf_counter() - started) * 1000)
    timings_ms.sort()
    return {"per_s": round(len(timings_ms) / (sum(timings_ms) / 1000), 1),
            "p50_ms": round(statistics.median(timings_ms), 3),
            "p95_ms": round(timings_ms[max(0, round(0.95 * len(timings_ms)) - 1)], 3),
            "max_ms": round(timings_ms[-1], 3)}
