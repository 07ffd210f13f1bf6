"""Load on a WhatsApp webhook over loopback: residents side by side, each sending the whole report one
message after the other over a keep-alive connection, signed as Twilio signs; every request timed.
And the server under load: a process of its own whose memory (with its workers) is sampled throughout."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import random
import re
import subprocess
import sys
import threading
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import psutil

from harness.serve_process import (
    NOT_THE_SAME,
    REPORT_MESSAGES,
    SAME_INCIDENT_QUESTION,
    serve_environment,
    signed_whatsapp_message,
    start_serve,
    wait_until_healthy,
    whatsapp_address,
    whatsapp_report,
)

ROOT = Path(__file__).resolve().parent.parent
REF = re.compile(r"LP-[A-Z0-9]{4}-[A-Z0-9]{4}")


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile: the smallest value with at least `share` of them at or below it."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))]


@dataclass
class Load:
    messages: int
    reports: int
    seconds: float
    latencies_ms: list[float]
    sent_at: dict[str, float] = field(default_factory=dict)  # each report's reference: when its Kirim was answered
    posted_at: list[float] = field(default_factory=list)  # when each timed request went out (perf_counter)

    def figures(self) -> dict[str, float]:
        return {
            "msgs_per_s": round(self.messages / self.seconds, 1),
            "reports_per_s": round(self.reports / self.seconds, 2),
            "p50_ms": round(percentile(self.latencies_ms, 0.50), 1),
            "p95_ms": round(percentile(self.latencies_ms, 0.95), 1),
            "p99_ms": round(percentile(self.latencies_ms, 0.99), 1),
        }

    def within(self, start: float, end: float) -> Load:
        """The requests that went out between `start` and `end` (perf_counter), and the reports sent then."""
        timed = [i for i, at in enumerate(self.posted_at) if start <= at < end]
        # sent_at is on the monotonic clock, as the alerts' watch is; perf_counter's offset to it is fixed.
        offset = time.monotonic() - time.perf_counter()
        sent = {ref: at for ref, at in self.sent_at.items() if start + offset <= at < end + offset}
        return Load(len(timed), len(sent), end - start, [self.latencies_ms[i] for i in timed], sent,
                    [self.posted_at[i] for i in timed])


async def conversations(base_url: str, residents: int, first_number: int, *, answered: bool = True) -> Load:
    """`residents` residents at once, each through the whole report. With `answered`, every answer must be
    the step's (a benchmark of wrong answers measures nothing); the bare endpoint answers nothing."""
    load, scripts = Load(0, 0, 0.0, []), _scripts(first_number, residents)
    _freeze_what_is_built()
    async with _client(residents) as http:
        started = time.perf_counter()
        await asyncio.gather(*(_resident(http, base_url, script, load, answered, 0.0) for script in scripts))
        load.seconds = time.perf_counter() - started
    return load


async def open_loop(base_url: str, per_second: float, seconds: float, first_number: int, *,
                    pause_s: float = 1.0, seed: int = 0) -> tuple[Load, Load]:
    """The whole load, and the part of it timed. Residents arrive at random (a Poisson process), each through
    the whole report with a pause of about `pause_s` (exponentially drawn) before each message: about
    `per_second` messages a second in all once the first arrivals are well into their reports. Arrivals start a
    report's length (REPORT_MESSAGES pauses) before the `seconds` that are timed and go on through them, so the
    rate offered holds throughout what is timed. Unlike `conversations`, the load does not slow down when the
    answers do, as people would not."""
    rng = random.Random(seed)
    ramp = REPORT_MESSAGES * pause_s
    arrivals, at = [], rng.expovariate(per_second / REPORT_MESSAGES)
    while at < ramp + seconds:
        arrivals.append(at)
        at += rng.expovariate(per_second / REPORT_MESSAGES)
    load, scripts = Load(0, 0, 0.0, []), _scripts(first_number, len(arrivals))
    _freeze_what_is_built()
    async with _client(len(arrivals)) as http:
        started = time.perf_counter()

        async def arriving(at: float, script: list[tuple[dict[str, str], dict[str, str], str]]) -> None:
            await asyncio.sleep(max(0.0, started + at - time.perf_counter()))
            await _resident(http, base_url, script, load, True, pause_s, random.Random(at))

        await asyncio.gather(*(arriving(at, script) for at, script in zip(arrivals, scripts, strict=True)))
        load.seconds = time.perf_counter() - started
    return load, load.within(started + ramp, started + ramp + seconds)


def _freeze_what_is_built() -> None:
    """The load generator's own objects (its imports alone are some 160,000) out of its full collections: each
    took ~110 ms on the 2-core machine, a pause its timings would have charged to the server."""
    gc.collect()
    gc.freeze()


def _scripts(first_number: int, residents: int) -> list[list[tuple[dict[str, str], dict[str, str], str]]]:
    # Signed beforehand: the load generator's own work stays out of the timings as far as it can.
    return [[(*signed_whatsapp_message(whatsapp_address(number), f"SM{number:016x}{step:016x}", body), expected)
             for step, (body, expected) in enumerate(whatsapp_report(number))]
            for number in range(first_number, first_number + residents)]


def _client(connections: int) -> aiohttp.ClientSession:
    # aiohttp rather than httpx: httpx's connection pool costs the client more than the bare server at a
    # hundred connections, and the ceiling would be the client's.
    return aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=connections),
                                 timeout=aiohttp.ClientTimeout(total=60))


async def _resident(http: aiohttp.ClientSession, base_url: str,
                    script: list[tuple[dict[str, str], dict[str, str], str]], load: Load, answered: bool,
                    pause_s: float, rng: random.Random | None = None) -> None:
    for params, headers, expected in script:
        if pause_s and rng is not None:
            await asyncio.sleep(rng.expovariate(1 / pause_s))
        status, answer = await _post(http, base_url, params, headers, load)
        if answered and status == 200 and expected not in answer and SAME_INCIDENT_QUESTION in answer:
            # Its own message id: "MM" where the scripted ones start with "SM".
            params, headers = signed_whatsapp_message(params["From"], "MM" + params["MessageSid"][2:], NOT_THE_SAME)
            status, answer = await _post(http, base_url, params, headers, load)
        if status != 200 or (answered and expected not in answer):
            raise RuntimeError(f"{params['Body']!r} was answered {status}: {answer[:300]}")
        if answered and (ref := REF.search(answer)) and expected.startswith("LP-"):
            load.sent_at[ref.group()] = time.monotonic()
    load.reports += answered


async def _post(http: aiohttp.ClientSession, base_url: str, params: dict[str, str], headers: dict[str, str],
                load: Load) -> tuple[int, str]:
    started = time.perf_counter()
    try:
        async with http.post(f"{base_url}/whatsapp/webhook", data=params, headers=headers) as response:
            answer = await response.text()
    except (aiohttp.ClientOSError, aiohttp.ServerDisconnectedError):
        # The server closed an idle kept-alive connection as the request went out on it; sent again once on a
        # new one, as Twilio sends a webhook again (the replay guard keeps the message once).
        async with http.post(f"{base_url}/whatsapp/webhook", data=params, headers=headers) as response:
            answer = await response.text()
    load.latencies_ms.append((time.perf_counter() - started) * 1000)
    load.posted_at.append(started)
    load.messages += 1
    return response.status, answer


def cpu_seconds(process: psutil.Process) -> float:
    """CPU time (user and system) a process and its live children have spent so far."""
    total = 0.0
    for member in [process, *process.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):
            times = member.cpu_times()
            total += times.user + times.system
    return total


class PeakMemory(threading.Thread):
    """The highest resident set size of a process and its children, sampled every 50 ms in a thread of its
    own, so a busy event loop in the load generator does not skip samples."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.process = psutil.Process(pid)
        self.peak_bytes = 0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.wait(0.05):
            with contextlib.suppress(psutil.Error):
                tree = [self.process, *self.process.children(recursive=True)]
                total = 0
                for member in tree:
                    with contextlib.suppress(psutil.Error):
                        total += member.memory_info().rss
                self.peak_bytes = max(self.peak_bytes, total)

    def stop(self) -> None:
        self._done.set()
        self.join()

    @property
    def peak_mb(self) -> float:
        return round(self.peak_bytes / 2**20, 1)


def _stop(server: subprocess.Popen[bytes]) -> None:
    server.terminate()  # uvicorn's graceful shutdown: the lifespan ends, the dispatcher stops
    try:
        server.wait(15)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


@contextlib.asynccontextmanager
async def running(server: subprocess.Popen[bytes], port: int) -> AsyncIterator[PeakMemory]:
    """A started server once it is healthy, its memory sampled until it is stopped on leaving."""
    try:
        await wait_until_healthy(port, server, seconds=60)
        memory = PeakMemory(server.pid)
        memory.start()
        try:
            yield memory
        finally:
            memory.stop()
    finally:
        _stop(server)


def lapor_serve(data_dir: Path, database_url: str, twilio_base_url: str, port: int, workers: int = 1,
                **settings: str) -> subprocess.Popen[bytes]:
    args = ("--workers", str(workers)) if workers > 1 else ()
    return start_serve(data_dir, database_url, twilio_base_url, port, args=args, **settings)


def bare_webhook(data_dir: Path, twilio_base_url: str, port: int) -> subprocess.Popen[bytes]:
    """The ceiling's server: benchmarks.bare_webhook with the settings `lapor serve` gets."""
    env = serve_environment(data_dir, "", twilio_base_url)
    log = (data_dir / "bare.log").open("ab")
    return subprocess.Popen([sys.executable, "-m", "benchmarks.bare_webhook", str(port)], env=env, cwd=ROOT,
                            stdout=log, stderr=log)


@contextlib.contextmanager
def progress(what: str) -> Iterator[None]:
    print(f"  {what}…", file=sys.stderr, flush=True)
    started = time.perf_counter()
    yield
    print(f"  {what}: {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
