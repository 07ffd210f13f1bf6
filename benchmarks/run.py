"""Runs the benchmarks, prints their figures beside their targets, and records them.

    python -m benchmarks.run [--quick] [--only b1,b4] [--against REV]

PostgreSQL is BENCH_DATABASE_URL, or else started by scripts/postgres.sh (database lapor_bench), so
`make bench` alone gives every figure. A full run of all six writes benchmarks/results/latest.json and
rewrites the README between the bench markers; a quick or partial run only prints. A benchmark that is
missing or fails fails the run.

With --against REV, each benchmark also runs for the revision REV (a git worktree of it, with a virtualenv of
its own made by its own Makefile), right after this revision's, on the same machine and database; the ratios
of the two are printed and recorded under "against". A speed-up is shown against its baseline that way, not
against figures from another day.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib
import json
import multiprocessing
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from types import ModuleType
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "latest.json"
README = ROOT / "README.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
BENCHMARKS = {"b1": "b1_whatsapp", "b2": "b2_telegram", "b3": "b3_digest", "b4": "b4_dispatch", "b5": "b5_places",
              "b6": "b6_web"}
TITLES = {"b1": "B1 WhatsApp conversations", "b2": "B2 Telegram path", "b3": "B3 digest scale",
          "b4": "B4 dispatch", "b5": "B5 place resolution", "b6": "B6 station web page"}
BENCH_DATABASE = "lapor_bench"
BUDGET_S = 15 * 60


@dataclass(frozen=True)
class Row:
    """One line of the table: a figure read from the results, and its target if any."""

    section: str
    measure: str
    path: tuple[str, ...]
    unit: str = ""
    target: str = ""
    met: Callable[[Any], bool] | None = None
    text: Callable[[dict[str, Any]], str] | None = None  # how to show it, given the figure's dict


def percentiles(part: dict[str, Any]) -> str:
    return " / ".join(number(part[key]) for key in ("p50_ms", "p95_ms", "p99_ms")) + " ms"


def share_of_ceiling(part: dict[str, Any]) -> str:
    return f"{part['ratio']:.0%} ({number(part['msgs_per_s'])} of {number(part['ceiling_msgs_per_s'])} msgs/s)"


def share_of_limit(part: dict[str, Any]) -> str:
    return (f"{part['rate_ratio']:.0%} ({number(part['achieved_per_s'])} delivered/s of "
            f"{number(part['rate_limit'])}/s)")


def cpu_per_message(part: dict[str, Any]) -> str:
    return (f"{part['cpu_ratio']:.1f}× ({number(part['server_cpu_ms_per_msg'])} ms against "
            f"{number(part['bare_cpu_ms_per_request'])} ms)")


def cpu_per_update(part: dict[str, Any]) -> str:
    return (f"{part['cpu_ratio']:.1f}× ({number(part['ours_cpu_ms_per_update'])} ms against "
            f"{number(part['ptb_cpu_ms_per_update'])} ms)")


def open_loop_rate(part: dict[str, Any]) -> str:
    return f"{part['share_of_saturated']:.0%} ({number(part['max_rate_p99_under_100ms'])} msgs/s)"


def calls_of_limit(part: dict[str, Any]) -> str:
    return f"{part['calls_ratio']:.0%} ({number(part['calls_per_s'])} calls/s of {number(part['rate_limit'])}/s)"


def busiest(part: dict[str, Any]) -> str:
    return f"{'yes' if part['exceeded'] else 'no'} (busiest second {part['busiest_second']})"


def ratio(key: str) -> Callable[[dict[str, Any]], str]:
    return lambda part: f"{part[key]:.0%}"


ROWS = [
    Row("b1", "SQLite: messages/s", ("sqlite", "msgs_per_s"), "", "≥ 500 at 100 residents", lambda v: v >= 500),
    Row("b1", "SQLite: latency p50 / p95 / p99", ("sqlite", "p99_ms"), "", "p99 < 100 ms", lambda v: v < 100,
        percentiles),
    Row("b1", "SQLite: reports/s", ("sqlite", "reports_per_s")),
    Row("b1", "SQLite: share of the bare endpoint's ceiling", ("sqlite", "ratio"), "", "≥ 25%",
        lambda v: v >= 0.25, share_of_ceiling),
    Row("b1", "SQLite: server's peak RSS", ("sqlite", "peak_rss_mb"), " MB", "< 250 MB", lambda v: v < 250),
    *(row for database, at in (("SQLite", "sqlite"), ("PostgreSQL", "postgresql")) for row in (
        Row("b1", f"{database}: server CPU per message / bare endpoint's per request", (at, "cpu_ratio"), "×",
            "≤ 3×", lambda v: v <= 3, cpu_per_message),
        Row("b1", f"{database}: alert latency p95, Kirim to provider", (at, "alert_p95_s"), " s", "< 2 s",
            lambda v: v < 2),
        Row("b1", f"{database}: open loop, highest rate with p99 < 100 ms", (at, "open_loop", "share_of_saturated"),
            "", "≥ 60% of saturated", lambda v: v >= 0.6, open_loop_rate),
        Row("b1", f"{database}: open loop, alert latency p95 at that rate", (at, "open_loop", "alert_p95_s"), " s",
            "< 2 s", lambda v: v < 2),
    )),
    Row("b1", "PostgreSQL: messages/s", ("postgresql", "msgs_per_s")),
    Row("b1", "PostgreSQL: latency p50 / p95 / p99", ("postgresql", "p99_ms"), text=percentiles),
    Row("b1", "PostgreSQL: share of the ceiling", ("postgresql", "ratio"), text=share_of_ceiling),
    Row("b1", "PostgreSQL: server's peak RSS", ("postgresql", "peak_rss_mb"), " MB", "< 250 MB",
        lambda v: v < 250),
    Row("b1", "PostgreSQL, 2 workers: messages/s", ("postgresql_2_workers", "msgs_per_s")),
    Row("b1", "PostgreSQL, 2 workers: gain over 1", ("postgresql_2_workers", "scale_out_gain"), "×"),
    Row("b2", "ours / stock PTB ConversationHandler", ("ratio",), "", "≥ 70%", lambda v: v >= 0.70,
        ratio("ratio")),
    Row("b2", "ours: updates/s", ("ours_updates_per_s",)),
    Row("b2", "CPU per update, ours / stock", ("cpu_ratio",), text=cpu_per_update),
    *(row for database, at in (("SQLite", ()), ("PostgreSQL", ("postgresql",))) for row in (
        Row("b3", f"{database}: one station's digest at 100k rows", (*at, "one_station_ms_100k"), " ms"),
        Row("b3", f"{database}: one station's digest at 1M rows", (*at, "one_station_ms_1m"), " ms", "< 50 ms",
            lambda v: v < 50),
        Row("b3", f"{database}: 1M / 100k", (*at, "ratio_1m_100k"), "", "≤ 1.5", lambda v: v <= 1.5),
        Row("b3", f"{database}: all stations' digests for one day", (*at, "all_stations_s"), " s"),
    )),
    Row("b4", "calls / rate limit, 5% failures", ("calls_ratio",), "", "≥ 97%", lambda v: v >= 0.97, calls_of_limit),
    Row("b4", "delivered / rate limit", ("rate_ratio",), text=share_of_limit),
    Row("b4", "rate limit exceeded in any second", ("exceeded",), "", "never", lambda v: v is False, busiest),
    Row("b5", "typed places resolved per second", ("per_s",)),
    Row("b5", "region index build at start-up", ("index_build_s",), " s"),
    Row("b5", "places offered per second, shipped stations", ("offered_shipped_stations", "per_s")),
    Row("b5", "places offered per second, the country's stations", ("offered_country_stations", "per_s")),
    Row("b5", "slowest place offered, the country's stations", ("offered_country_stations", "max_ms"), " ms"),
    *(row for database, at in (("SQLite", ("sqlite",)), ("PostgreSQL", ("postgresql",))) for row in (
        Row("b6", f"{database}: home page server time at 1M rows, p50", (*at, "server_ms_p50"), " ms", "< 200 ms",
            lambda v: v < 200),
        Row("b6", f"{database}: home page transferred (HTML and CSS)", (*at, "page_kb"), " KB", "< 500 KB",
            lambda v: v < 500),
        Row("b6", f"{database}: home page first paint in chromium", (*at, "browser", "first_paint_ms"), " ms"),
    )),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes: seconds, not minutes; records nothing")
    parser.add_argument("--only", default="", help="comma-separated, e.g. b1,b4; records nothing")
    parser.add_argument("--against", metavar="REV", help="also run each benchmark for this git revision, side by side")
    args = parser.parse_args(argv)
    names = [name.strip() for name in args.only.split(",") if name.strip()] or list(BENCHMARKS)
    unknown = [name for name in names if name not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)}; there are {', '.join(BENCHMARKS)}")
    modules = {name: load(name) for name in names}  # all or nothing: a missing one stops the run before it starts
    complete = not args.quick and len(modules) == len(BENCHMARKS)

    started = time.monotonic()
    database_url = postgres_url()
    results: dict[str, Any] = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "quick": args.quick,
        "machine": machine(),
        "versions": versions(database_url),
        "parameters": {"benchmarks": names,
                       "postgresql": "BENCH_DATABASE_URL" if os.environ.get("BENCH_DATABASE_URL")
                       else f"scripts/postgres.sh {BENCH_DATABASE}"},
    }
    failed = []
    with contextlib.ExitStack() as stack:
        baseline = stack.enter_context(Baseline(args.against)) if args.against else None
        theirs: dict[str, Any] = {}
        for name, module in modules.items():
            print(f"== {TITLES[name]} ({module.__name__})", file=sys.stderr, flush=True)
            section_started = time.monotonic()
            try:
                section = run_apart(module, database_url, args.quick)
            except Exception:
                traceback.print_exc()
                failed.append(name)
                section = {"error": traceback.format_exc(limit=1).strip().splitlines()[-1]}
            if baseline is not None:
                print(f"== {TITLES[name]}, {args.against}", file=sys.stderr, flush=True)
                try:
                    theirs[name] = baseline.run(module.__name__, database_url, args.quick)
                except Exception:  # the other revision's failure leaves this one's figures standing
                    traceback.print_exc()
                    failed.append(f"{name} of {args.against}")
            section["elapsed_s"] = round(time.monotonic() - section_started, 1)
            results[name] = section
            print(f"== {TITLES[name]}: {section['elapsed_s']} s", file=sys.stderr, flush=True)
        if baseline is not None:
            results["against"] = {"rev": baseline.commit, **compared(results, theirs), "figures": theirs}
    results["elapsed_s"] = round(time.monotonic() - started, 1)

    print(render(results))
    if "against" in results:
        print(render_against(results["against"]))
    print(f"\nAll in {results['elapsed_s']} s.")
    if complete and results["elapsed_s"] > BUDGET_S:
        print(f"Over the {BUDGET_S // 60} minutes `make bench` is meant to take.", file=sys.stderr)
    if failed:
        print(f"Failed: {', '.join(failed)}; nothing recorded.", file=sys.stderr)
        return 1
    if not complete:
        print("A quick or partial run: latest.json and the README are left as they were.")
        return 0
    record(results)
    print(f"Wrote {RESULTS.relative_to(ROOT)} and the README's performance section.")
    return 0


def run_apart(module: ModuleType, database_url: str, quick: bool) -> dict[str, Any]:
    """One benchmark in an interpreter of its own, so that what one leaves behind (a million generated rows,
    caches, threads) weighs on no other's timings."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(module.run, database_url, quick).result()


class Baseline:
    """Another revision of the project, checked out as a git worktree with its own virtualenv, whose benchmarks
    run in processes of their own; the worktree is removed on leaving."""

    def __init__(self, rev: str) -> None:
        self.rev = rev
        self.commit = _git("rev-parse", "--short=12", f"{rev}^{{commit}}")
        self.folder = Path(tempfile.mkdtemp(prefix="lapor-against-")) / "tree"

    def __enter__(self) -> Baseline:
        print(f"== {self.rev} ({self.commit}): a worktree and its virtualenv", file=sys.stderr, flush=True)
        _git("worktree", "add", "--detach", str(self.folder), self.commit)
        subprocess.run(["make", "-s", "-C", str(self.folder), ".venv/.installed-dev"], check=True,
                       stdout=subprocess.DEVNULL)
        return self

    def run(self, module: str, database_url: str, quick: bool) -> dict[str, Any]:
        code = ("import json, sys, importlib; "
                f"print(json.dumps(importlib.import_module({module!r}).run(sys.argv[1], {quick!r})))")
        done = subprocess.run([str(self.folder / ".venv" / "bin" / "python"), "-c", code, database_url],
                              cwd=self.folder, check=True, stdout=subprocess.PIPE, text=True)
        return dict(json.loads(done.stdout.strip().splitlines()[-1]))

    def __exit__(self, *_: object) -> None:
        _git("worktree", "remove", "--force", str(self.folder))
        shutil.rmtree(self.folder.parent, ignore_errors=True)


# The figures compared with --against: ours / theirs, higher is better for all but CPU (theirs / ours there).
AGAINST = {
    "b1_sqlite_throughput_ratio": ("b1", ("sqlite", "msgs_per_s"), False),
    # The bare endpoint does the same work in both: far from 1, the machine's speed moved between the two runs.
    "b1_ceiling_ratio": ("b1", ("sqlite", "ceiling_msgs_per_s"), False),
    "b1_postgresql_throughput_ratio": ("b1", ("postgresql", "msgs_per_s"), False),
    "b1_sqlite_cpu_per_msg_ratio": ("b1", ("sqlite", "server_cpu_ms_per_msg"), True),
    "b1_sqlite_alert_p95_ratio": ("b1", ("sqlite", "alert_p95_s"), True),
    "b1_postgresql_alert_p95_ratio": ("b1", ("postgresql", "alert_p95_s"), True),
    "b1_sqlite_alert_messages_ratio": ("b1", ("sqlite", "alerts", "messages"), True),
    "b2_updates_ratio": ("b2", ("ours_updates_per_s",), False),
    "b4_calls_per_s_ratio": ("b4", ("calls_per_s",), False),
    "b4_delivered_per_s_ratio": ("b4", ("achieved_per_s",), False),
    "b5_places_per_s_ratio": ("b5", ("per_s",), False),
    "b5_first_round_per_s_ratio": ("b5", ("first_round_per_s",), False),
    "b5_offered_country_per_s_ratio": ("b5", ("offered_country_stations", "per_s"), False),
}


def compared(ours: dict[str, Any], theirs: dict[str, Any]) -> dict[str, Any]:
    """Each figure of AGAINST both runs have, as a ratio (above 1, this revision does better), and under
    "side_by_side" the two figures themselves."""
    ratios: dict[str, Any] = {"side_by_side": {}}
    for key, (section, path, lower_is_better) in AGAINST.items():
        mine, other = figure(ours.get(section, {}), path), figure(theirs.get(section, {}), path)
        if isinstance(mine, int | float) and isinstance(other, int | float) and mine and other:
            ratios[key] = round(other / mine if lower_is_better else mine / other, 2)
            ratios["side_by_side"][key] = {"ours": mine, "theirs": other}
    return ratios


def render_against(against: dict[str, Any]) -> str:
    lines = [f"Against {against['rev']} (above 1: this revision does better; CPU per message as theirs / ours):"]
    lines += [f"  {key}: {value}× (this revision {number(against['side_by_side'][key]['ours'])}, "
              f"{against['rev']} {number(against['side_by_side'][key]['theirs'])})"
              for key, value in against.items() if key in AGAINST]
    return "\n".join(lines)


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()


def load(name: str) -> ModuleType:
    try:
        return importlib.import_module(f"benchmarks.{BENCHMARKS[name]}")
    except ModuleNotFoundError as error:
        if error.name != f"benchmarks.{BENCHMARKS[name]}":
            raise
        raise SystemExit(f"benchmarks/{BENCHMARKS[name]}.py is missing: {name} cannot run") from None


def postgres_url() -> str:
    if url := os.environ.get("BENCH_DATABASE_URL"):
        return url
    print(f"== starting PostgreSQL (scripts/postgres.sh {BENCH_DATABASE})", file=sys.stderr, flush=True)
    done = subprocess.run(["bash", str(ROOT / "scripts" / "postgres.sh"), BENCH_DATABASE], check=True,
                          stdout=subprocess.PIPE, text=True)
    return done.stdout.strip().splitlines()[-1]


def machine() -> dict[str, Any]:
    return {"cpu": cpu_model(), "cores": os.cpu_count(),
            "ram_gb": round(psutil.virtual_memory().total / 2**30, 1),
            "os": operating_system(), "python": platform.python_version(), "calibration_ms": calibration_ms()}


def calibration_ms() -> float:
    """How fast this machine runs Python at the moment: the CPU time of a fixed piece of interpreter work (a
    million additions and dictionary writes), the best of five. Figures of two runs compare only as far as
    their calibrations do."""
    def work() -> float:
        started = time.process_time()
        table: dict[int, int] = {}
        for n in range(1_000_000):
            table[n & 1023] = table.get(n & 1023, 0) + n
        return (time.process_time() - started) * 1000

    return round(min(work() for _ in range(5)), 1)


def operating_system() -> str:
    try:
        name = platform.freedesktop_os_release().get("PRETTY_NAME")
    except OSError:
        name = None
    return f"{name}, {platform.system()} {platform.release()}" if name else platform.platform(terse=True)


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.partition(":")[2].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def versions(database_url: str) -> dict[str, str]:
    return {"lapor": git_commit(), "sqlalchemy": version("SQLAlchemy"),
            "python_telegram_bot": version("python-telegram-bot"), "twilio": version("twilio"),
            "uvicorn": version("uvicorn"), "postgresql": postgres_version(database_url),
            "sqlite": sqlite3.sqlite_version}


def git_commit() -> str:
    """The commit measured, marked when the working tree had changes."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()

    try:
        commit = git("rev-parse", "--short=12", "HEAD")
        return commit + ("+changes" if git("status", "--porcelain", "--untracked-files=no") else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def postgres_version(database_url: str) -> str:
    import psycopg

    with psycopg.connect(database_url.replace("postgresql+psycopg://", "postgresql://", 1)) as connection:
        return str(connection.execute("SHOW server_version").fetchone()[0])


# --- the table ---------------------------------------------------------------------------------


def render(results: dict[str, Any]) -> str:
    """The figures as a Markdown table, the same in the terminal and in the README."""
    rows = []
    for row in ROWS:
        section = results.get(row.section)
        if section is None:
            continue
        value = figure(section, row.path)
        met = "" if row.met is None or value is None else ("yes" if row.met(value) else "**no**")
        rows.append((row.section.upper(), row.measure, show(section, row, value), row.target, met))
    header = ("Benchmark", "Measure", "Figure", "Target", "Met")
    widths = [max(len(cells[n]) for cells in [header, *rows]) for n in range(len(header))]
    lines = [header, tuple("-" * width for width in widths), *rows]
    return "\n".join("| " + " | ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)) + " |"
                     for cells in lines)


def figure(section: dict[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = section
    for key in path:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value


def show(section: dict[str, Any], row: Row, value: Any) -> str:
    part = figure(section, row.path[:-1])
    if value is None:
        skipped = (figure(section, row.path[:n]) for n in range(len(row.path) - 1, 0, -1))  # the nearest says why
        reason = (next((p["skipped"] for p in skipped if isinstance(p, dict) and "skipped" in p), None)
                  or section.get("skipped") or section.get("error") or "not reported")
        return f"— ({reason})"
    if row.text is not None:
        return row.text(part)
    return number(value) + row.unit


def number(value: Any) -> str:
    if not isinstance(value, int | float):
        return str(value)
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.3g}" if abs(value) < 10 else f"{value:,.1f}"


def machine_line(results: dict[str, Any]) -> str:
    m, v = results["machine"], results["versions"]
    return (f"{m['cpu']}, {m['cores']} cores, {m['ram_gb']} GB RAM, {m['os']}, Python {m['python']}; "
            f"PostgreSQL {v['postgresql']}, SQLite {v['sqlite']}; lapor {v['lapor']}")


def readme_section(results: dict[str, Any]) -> str:
    return (f"{START}\n_Last run {results['date'][:10]}, {results['elapsed_s'] / 60:.0f} minutes, on "
            f"{machine_line(results)}. Figures and parameters: "
            f"[benchmarks/results/latest.json](benchmarks/results/latest.json)._\n\n{render(results)}\n{END}")


def replace_section(readme: str, section: str) -> str:
    """The README with the text between the markers (and the markers) replaced; the prose around stays."""
    start, end = readme.find(START), readme.find(END)
    if start < 0 or end < start:
        raise ValueError(f"the README has no {START} … {END} section")
    return readme[:start] + section + readme[end + len(END):]


def record(results: dict[str, Any]) -> None:
    RESULTS.parent.mkdir(exist_ok=True)
    written = RESULTS.with_suffix(".json.tmp")
    written.write_text(json.dumps(results, indent=2) + "\n")
    written.replace(RESULTS)
    README.write_text(replace_section(README.read_text(), readme_section(results)))


if __name__ == "__main__":
    sys.exit(main())
