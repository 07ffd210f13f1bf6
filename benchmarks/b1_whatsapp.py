"""B1, WhatsApp conversation load: residents at once, each through the whole report (ten messages), against
`lapor serve` as in production (uvicorn, its own process, Twilio's signature checked on every request) on
SQLite and on PostgreSQL; and the same load against a bare endpoint on the same stack that only checks the
signature (benchmarks.bare_webhook), the ceiling.

Alert dispatch is part of the load, as in production: a duty officer on WhatsApp is enrolled at the station
the reports go to, so every report queues an alert in its own transaction, and the service's dispatcher sends
them meanwhile to a fake Twilio API on 127.0.0.1 (at WhatsApp's 10 calls a second). The figures count the
residents' messages; the alerts are counted beside them.
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

import httpx

from benchmarks.loadgen import bare_webhook, conversations, lapor_serve, progress, running
from bot.config import Settings
from harness import TEST_SECRET
from harness.fake_twilio import FakeTwilioAPI
from harness.loopback import empty_postgres
from harness.serve_process import (
    WHATSAPP_REPORT,
    free_port,
    signed_whatsapp_message,
    whatsapp_address,
)
from storage import db as database
from storage.crypto import ContactCipher
from storage.models import OfficerRole, utcnow
from storage.officers import create_invite
from storage.stations import station_by_code

RESIDENTS, QUICK_RESIDENTS = 100, 10
WARM_UP = 5  # residents through the report before the timed run: a service in use is warm
STATION = "POLSEK-SANANWETAN"  # where the script's place is routed
OFFICER = whatsapp_address(9_999_999)
FIRST_TIMED, FIRST_WARM_UP = 0, 1_000_000  # residents' numbers: none talks twice


async def _invite(database_url: str) -> str:
    """A duty officer's invite code for the station, as `lapor officers invite` makes it."""
    engine = database.create_engine(Settings(_env_file=None, database_url=database_url).effective_database_url)
    try:
        async with database.session_factory(engine)() as db, db.begin():
            station = await station_by_code(db, STATION)
            assert station is not None
            code, _expires = await create_invite(db, ContactCipher(TEST_SECRET), station, OfficerRole.DUTY,
                                                 "Aiptu Rina", utcnow())
    finally:
        await engine.dispose()
    return code


async def _enroll_officer(database_url: str, base_url: str) -> None:
    params, headers = signed_whatsapp_message(OFFICER, f"SM{'f' * 32}", f"DAFTAR {await _invite(database_url)}")
    async with httpx.AsyncClient(base_url=base_url) as http:
        answer = await http.post("/whatsapp/webhook", data=params, headers=headers)
    if "Terdaftar" not in answer.text:
        raise RuntimeError(f"the officer was not enrolled: {answer.text[:300]}")


async def _alerts_sent(twilio: FakeTwilioAPI, expected: int) -> float | None:
    """Seconds until `expected` alerts have reached the officer; None if they do not within the time they should."""
    loop = asyncio.get_running_loop()
    started = loop.time()
    while len(twilio.sent(OFFICER)) < expected:
        if loop.time() - started > 10 + expected / 5:
            return None
        await asyncio.sleep(0.1)
    return round(loop.time() - started, 1)


async def _lapor(data_dir: Path, database_url: str, twilio: FakeTwilioAPI, residents: int,
                 workers: int = 1) -> dict[str, Any]:
    port = free_port()
    # INFO, the default: a line a message handled, as in production.
    server = lapor_serve(data_dir, database_url, twilio.base_url, port, workers, LOG_LEVEL="INFO")
    async with running(server, port) as memory:
        base_url = f"http://127.0.0.1:{port}"
        await _enroll_officer(database_url, base_url)
        await conversations(base_url, WARM_UP, FIRST_WARM_UP)
        sent_before = len(twilio.sent(OFFICER))
        load = await conversations(base_url, residents, FIRST_TIMED)
        sent_during = len(twilio.sent(OFFICER)) - sent_before
        drained = await _alerts_sent(twilio, WARM_UP + residents)
    twilio.messages.clear()
    return {**load.figures(), "peak_rss_mb": memory.peak_mb, "messages": load.messages, "reports": load.reports,
            "seconds": round(load.seconds, 2),
            "alerts": {"queued": load.reports, "sent_during_load": sent_during, "all_sent_after_load_s": drained}}


async def _ceiling(data_dir: Path, twilio: FakeTwilioAPI, residents: int) -> dict[str, Any]:
    port = free_port()
    async with running(bare_webhook(data_dir, twilio.base_url, port), port):
        base_url = f"http://127.0.0.1:{port}"
        await conversations(base_url, WARM_UP, FIRST_WARM_UP, answered=False)
        return (await conversations(base_url, residents, FIRST_TIMED, answered=False)).figures()


def _with_ceiling(figures: dict[str, Any], ceiling: dict[str, Any]) -> dict[str, Any]:
    return {**figures, "ceiling_msgs_per_s": ceiling["msgs_per_s"], "ceiling_p99_ms": ceiling["p99_ms"],
            "ratio": round(figures["msgs_per_s"] / ceiling["msgs_per_s"], 3)}


async def _run(bench_database_url: str | None, residents: int, quick: bool) -> dict[str, Any]:
    twilio = FakeTwilioAPI()
    await twilio.start()
    result: dict[str, Any] = {}
    try:
        with tempfile.TemporaryDirectory() as scratch:
            root = Path(scratch)
            for name in ("sqlite", "ceiling", "postgresql", "postgresql-2"):
                (root / name).mkdir()
            with progress(f"B1 ceiling, {residents} residents"):  # the database plays no part in it
                ceiling = await _ceiling(root / "ceiling", twilio, residents)
            with progress(f"B1 SQLite, {residents} residents"):
                sqlite = await _lapor(root / "sqlite", f"sqlite+aiosqlite:///{root / 'sqlite' / 'lapor.db'}",
                                      twilio, residents)
            result["sqlite"] = _with_ceiling(sqlite, ceiling)
            if bench_database_url is None:
                result["postgresql"] = {"skipped": "no PostgreSQL database given"}
                result["postgresql_2_workers"] = {"skipped": "no PostgreSQL database given"}
                return result
            with progress(f"B1 PostgreSQL, {residents} residents"):
                empty_postgres(bench_database_url)
                postgresql = await _lapor(root / "postgresql", bench_database_url, twilio, residents)
            result["postgresql"] = _with_ceiling(postgresql, ceiling)
            if quick:
                result["postgresql_2_workers"] = {"skipped": "not in a quick run"}
                return result
            with progress(f"B1 PostgreSQL, 2 workers, {residents} residents"):
                empty_postgres(bench_database_url)
                two = await _lapor(root / "postgresql-2", bench_database_url, twilio, residents, workers=2)
            gain = round(two["msgs_per_s"] / postgresql["msgs_per_s"], 2)
            result["postgresql_2_workers"] = {**two, "scale_out_gain": gain}
            result["scale_out_gain"] = gain
    finally:
        await twilio.stop()
    return result


def run(bench_database_url: str | None, quick: bool = False) -> dict[str, Any]:
    residents = QUICK_RESIDENTS if quick else RESIDENTS
    result = asyncio.run(_run(bench_database_url, residents, quick))
    result["parameters"] = {
        "residents": residents, "messages_per_report": len(WHATSAPP_REPORT), "warm_up_residents": WARM_UP,
        "server": "lapor serve: uvicorn, one worker (and two: lapor serve --workers 2), its own process",
        "load_generator": "aiohttp, a keep-alive connection per resident, each resident's messages one after another",
        "alert_dispatch": "included: one duty officer on WhatsApp gets each report's alert while the load runs",
    }
    return result


if __name__ == "__main__":  # python -m benchmarks.b1_whatsapp [POSTGRESQL_URL] [--quick]
    urls = [argument for argument in sys.argv[1:] if not argument.startswith("--")]
    print(json.dumps(run(urls[0] if urls else None, quick="--quick" in sys.argv), indent=2))
