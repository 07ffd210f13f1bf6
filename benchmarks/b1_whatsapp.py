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
import contextlib
import json
import math
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from benchmarks.loadgen import (
    REF,
    Load,
    bare_webhook,
    conversations,
    cpu_seconds,
    lapor_serve,
    open_loop,
    percentile,
    progress,
    running,
)
from bot.config import Settings
from harness import TEST_SECRET
from harness.fake_twilio import FakeTwilioAPI
from harness.loopback import empty_postgres
from harness.serve_process import (
    REPORT_MESSAGES,
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
FIRST_TIMED, FIRST_WARM_UP, FIRST_OPEN = 0, 1_000_000, 2_000_000  # residents' numbers: none talks twice
# The open-loop runs: offered rates as shares of the saturated run's messages/s, each offered for so long.
OPEN_LOOP, OPEN_LOOP_SECONDS = (0.2, 0.4, 0.6, 0.8), 10.0
OPEN_LOOP_QUICK, OPEN_LOOP_SECONDS_QUICK = (0.3, 0.6), 4.0


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


def _alerted(twilio: FakeTwilioAPI) -> set[str]:
    """The reports whose alert reached the officer: a message may carry several, when they were due together."""
    return {ref for message in twilio.sent(OFFICER) for ref in REF.findall(message.get("Body", ""))}


async def _alerts_sent(twilio: FakeTwilioAPI, expected: int) -> float | None:
    """Seconds until `expected` alerts have reached the officer; None if they do not within the time they should."""
    loop = asyncio.get_running_loop()
    started = loop.time()
    while len(_alerted(twilio)) < expected:
        if loop.time() - started > 10 + expected / 5:
            return None
        await asyncio.sleep(0.1)
    return round(loop.time() - started, 1)


class _AlertWatch:
    """When each report's alert reached the fake Twilio API, by the report's reference, seen every 20 ms."""

    def __init__(self, twilio: FakeTwilioAPI) -> None:
        self.twilio, self.seen_at, self._seen = twilio, {}, 0
        self._task = asyncio.create_task(self._watch())

    async def _watch(self) -> None:
        while True:
            sent = self.twilio.sent(OFFICER)
            for message in sent[self._seen:]:
                for ref in REF.findall(message.get("Body", "")):
                    self.seen_at.setdefault(ref, time.monotonic())
            self._seen = len(sent)
            await asyncio.sleep(0.02)

    def latencies_s(self, load: Load) -> list[float]:
        """Seconds from each report's Kirim answered to its alert at the provider; unsent ones count as never."""
        return [self.seen_at.get(ref, math.inf) - sent_at for ref, sent_at in load.sent_at.items()]

    async def stop(self) -> None:
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task


def _p95_s(latencies: list[float]) -> float | None:
    """None when fewer than 95% of the alerts left at all."""
    value = percentile(latencies, 0.95) if latencies else math.inf
    return None if math.isinf(value) else round(value, 2)


async def _lapor(data_dir: Path, database_url: str, twilio: FakeTwilioAPI, residents: int,
                 workers: int = 1, open_rates: tuple[float, ...] = (), open_seconds: float = 0) -> dict[str, Any]:
    port = free_port()
    # INFO, the default: a line a message handled, as in production.
    server = lapor_serve(data_dir, database_url, twilio.base_url, port, workers, LOG_LEVEL="INFO")
    async with running(server, port) as memory:
        base_url = f"http://127.0.0.1:{port}"
        await _enroll_officer(database_url, base_url)
        await conversations(base_url, WARM_UP, FIRST_WARM_UP)
        alerts = _AlertWatch(twilio)
        sent_before, messages_before = len(_alerted(twilio)), len(twilio.sent(OFFICER))
        cpu_before = cpu_seconds(memory.process)
        load = await conversations(base_url, residents, FIRST_TIMED)
        cpu_s = cpu_seconds(memory.process) - cpu_before
        sent_during = len(_alerted(twilio)) - sent_before
        drained = await _alerts_sent(twilio, WARM_UP + residents)
        messages = len(twilio.sent(OFFICER)) - messages_before
        saturated = load.figures()
        open_loop_runs, alerts_queued = [], WARM_UP + residents
        for step, share in enumerate(open_rates):
            rate = round(share * saturated["msgs_per_s"], 1)
            open_cpu_before = cpu_seconds(memory.process)
            whole, timed = await open_loop(base_url, rate, open_seconds, FIRST_OPEN + step * 100_000, seed=step)
            alerts_queued += whole.reports
            await _alerts_sent(twilio, alerts_queued)
            # Over the whole run and its alerts: what a message costs the server when messages come apart.
            open_cpu_s = cpu_seconds(memory.process) - open_cpu_before
            await asyncio.sleep(0.05)  # the watch's next look sees the last of them
            open_loop_runs.append({"offered_msgs_per_s": rate, **timed.figures(),
                                   "server_cpu_ms_per_msg": round(open_cpu_s * 1000 / whole.messages, 2),
                                   "alert_p95_s": _p95_s(alerts.latencies_s(timed))})
        await alerts.stop()
    twilio.messages.clear()
    figures = {**saturated, "peak_rss_mb": memory.peak_mb, "messages": load.messages, "reports": load.reports,
               "seconds": round(load.seconds, 2), "server_cpu_ms_per_msg": round(cpu_s * 1000 / load.messages, 2),
               "alert_p95_s": _p95_s(alerts.latencies_s(load)),
               "alerts": {"queued": load.reports, "sent_during_load": sent_during, "all_sent_after_load_s": drained,
                          "messages": messages}}
    if open_loop_runs:
        figures["open_loop"] = _open_loop_summary(open_loop_runs, saturated["msgs_per_s"])
    return figures


def _open_loop_summary(runs: list[dict[str, Any]], saturated: float) -> dict[str, Any]:
    """The highest offered rate whose p99 stayed under 100 ms, and the alerts' p95 at that rate."""
    held = [run for run in runs if run["p99_ms"] < 100]
    if not held:
        return {"max_rate_p99_under_100ms": 0.0, "share_of_saturated": 0.0, "runs": runs,
                "skipped": "no offered rate kept p99 under 100 ms"}
    best = max(held, key=lambda run: run["offered_msgs_per_s"])
    return {"max_rate_p99_under_100ms": best["offered_msgs_per_s"],
            "share_of_saturated": round(best["offered_msgs_per_s"] / saturated, 2),
            "alert_p95_s": best["alert_p95_s"], "runs": runs}


async def _ceiling(data_dir: Path, twilio: FakeTwilioAPI, residents: int) -> dict[str, Any]:
    port = free_port()
    async with running(bare_webhook(data_dir, twilio.base_url, port), port) as server:
        base_url = f"http://127.0.0.1:{port}"
        await conversations(base_url, WARM_UP, FIRST_WARM_UP, answered=False)
        cpu_before = cpu_seconds(server.process)
        load = await conversations(base_url, residents, FIRST_TIMED, answered=False)
        cpu_s = cpu_seconds(server.process) - cpu_before
        return {**load.figures(), "cpu_ms_per_request": round(cpu_s * 1000 / load.messages, 3)}


def _with_ceiling(figures: dict[str, Any], ceiling: dict[str, Any]) -> dict[str, Any]:
    return {**figures, "ceiling_msgs_per_s": ceiling["msgs_per_s"], "ceiling_p99_ms": ceiling["p99_ms"],
            "ratio": round(figures["msgs_per_s"] / ceiling["msgs_per_s"], 3),
            "bare_cpu_ms_per_request": ceiling["cpu_ms_per_request"],
            "cpu_ratio": round(figures["server_cpu_ms_per_msg"] / ceiling["cpu_ms_per_request"], 2)}


async def _run(bench_database_url: str | None, residents: int, quick: bool) -> dict[str, Any]:
    open_rates, open_seconds = (OPEN_LOOP_QUICK, OPEN_LOOP_SECONDS_QUICK) if quick else (OPEN_LOOP, OPEN_LOOP_SECONDS)
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
                                      twilio, residents, 1, open_rates, open_seconds)
            result["sqlite"] = _with_ceiling(sqlite, ceiling)
            if bench_database_url is None:
                result["postgresql"] = {"skipped": "no PostgreSQL database given"}
                result["postgresql_2_workers"] = {"skipped": "no PostgreSQL database given"}
                return result
            with progress(f"B1 PostgreSQL, {residents} residents"):
                empty_postgres(bench_database_url)
                postgresql = await _lapor(root / "postgresql", bench_database_url, twilio, residents, 1, open_rates,
                                          open_seconds)
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
        "residents": residents, "messages_per_report": REPORT_MESSAGES, "warm_up_residents": WARM_UP,
        "server": "lapor serve: uvicorn, one worker (and two: lapor serve --workers 2), its own process",
        "load_generator": "aiohttp, a keep-alive connection per resident, each resident's messages one after another",
        "alert_dispatch": "included: one duty officer on WhatsApp gets each report's alert while the load runs",
        "alert_latency": "from the resident's Kirim answered to the alert at the fake Twilio API, seen every 20 ms",
        "server_cpu": "the server process's user and system CPU (with its workers) over the timed run, per message",
        "open_loop": {"shares_of_saturated": list(OPEN_LOOP_QUICK if quick else OPEN_LOOP),
                      "seconds_timed": OPEN_LOOP_SECONDS_QUICK if quick else OPEN_LOOP_SECONDS,
                      "arrivals": "residents as a Poisson process, each pausing about 1 s (exponential) before "
                                  "each message, from a report's length before the timed seconds through them: "
                                  "the rate offered holds throughout what is timed"},
    }
    return result


if __name__ == "__main__":  # python -m benchmarks.b1_whatsapp [POSTGRESQL_URL] [--quick]
    urls = [argument for argument in sys.argv[1:] if not argument.startswith("--")]
    print(json.dumps(run(urls[0] if urls else None, quick="--quick" in sys.argv), indent=2))
