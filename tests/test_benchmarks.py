"""The benchmarks still run: each in its quick form, with every figure the table reads; and the runner
records a full run without touching the prose around the README's table."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from benchmarks import run
from benchmarks.loadgen import Load
from tests.helpers import POSTGRES_URL


@pytest.mark.slow
@pytest.mark.parametrize("name", list(run.BENCHMARKS))
def test_each_benchmark_runs_in_its_quick_form(name: str) -> None:
    section = run.load(name).run(POSTGRES_URL or None, quick=True)
    assert section["parameters"]
    json.dumps(section)  # it goes into latest.json as it is
    table = run.render({name: section})
    assert "not reported" not in table, table
    if POSTGRES_URL:  # the PostgreSQL parts ran (a quick run may leave out others, and say so)
        assert "no PostgreSQL" not in json.dumps(section), table
    if name == "b4":
        assert section["delivered"] == section["parameters"]["alerts"] and section["duplicates"] == 0
        assert section["exceeded"] is False and section["busiest_second"] <= section["rate_limit"]


def test_a_missing_benchmark_stops_the_run_before_it_starts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(run.BENCHMARKS, "b9", "b9_not_written")
    with pytest.raises(SystemExit, match=r"b9_not_written\.py is missing"):
        run.main(["--only", "b9,b5"])


def test_a_full_run_is_recorded_and_the_prose_around_the_table_stays(monkeypatch: pytest.MonkeyPatch,
                                                                      tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(f"# Lapor\n\nBefore.\n\n{run.START}\nold table\n{run.END}\n\nWhat limits it: prose.\n")
    monkeypatch.setattr(run, "README", readme)
    monkeypatch.setattr(run, "RESULTS", tmp_path / "results" / "latest.json")
    results: dict[str, Any] = {
        "date": "2026-01-02T03:04:05+00:00", "elapsed_s": 600.0,
        "machine": {"cpu": "A CPU", "cores": 2, "ram_gb": 8.0, "os": "Linux", "python": "3.11.7"},
        "versions": {"postgresql": "17.0", "sqlite": "3.45.0", "lapor": "abc"},
        "b4": {"rate_limit": 200.0, "achieved_per_s": 190.0, "rate_ratio": 0.95, "calls_per_s": 196.0,
               "calls_ratio": 0.98, "exceeded": False, "busiest_second": 200},
    }
    run.record(results)
    assert json.loads(run.RESULTS.read_text()) == results
    text = readme.read_text()
    assert text.startswith("# Lapor\n\nBefore.\n\n") and text.endswith("\n\nWhat limits it: prose.\n")
    assert "old table" not in text and "_Last run 2026-01-02, 10 minutes, on A CPU, 2 cores" in text
    assert "| B4 | calls / rate limit, 5% failures | 98% (196 calls/s of 200/s) | ≥ 97% | yes |" in " ".join(
        text.split())
    assert "| B4 | delivered / rate limit | 95% (190 delivered/s of 200/s) | | |" in " ".join(text.split())
    run.record(results)
    assert readme.read_text() == text, "a second run replaces its own table, nothing else"


def test_an_open_loop_times_only_its_window() -> None:
    """What is timed of an open loop is what went out while the rate offered held; the ramp before is left out."""
    offset = time.monotonic() - time.perf_counter()
    load = Load(4, 2, 30.0, [5.0, 300.0, 7.0, 9.0], {"LP-AAAA-AAAA": 1.0 + offset, "LP-BBBB-BBBB": 12.0 + offset},
                [1.0, 2.0, 12.0, 21.0])
    timed = load.within(10.0, 20.0)
    assert (timed.messages, timed.reports, timed.seconds) == (1, 1, 10.0)
    assert timed.latencies_ms == [7.0] and list(timed.sent_at) == ["LP-BBBB-BBBB"]
    assert timed.figures()["msgs_per_s"] == 0.1


def test_the_readme_has_one_table_section() -> None:
    text = run.README.read_text()
    assert text.count(run.START) == 1 and text.count(run.END) == 1 and text.index(run.START) < text.index(run.END)


@pytest.mark.slow
@pytest.mark.skipif(not POSTGRES_URL, reason="TEST_DATABASE_URL is not set")
def test_a_quick_run_prints_the_table_and_records_nothing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("BENCH_DATABASE_URL", POSTGRES_URL)
    monkeypatch.setattr(run, "README", tmp_path / "README.md")
    monkeypatch.setattr(run, "RESULTS", tmp_path / "latest.json")
    assert run.main(["--quick", "--only", "b5"]) == 0
    out = capsys.readouterr().out
    assert "typed places resolved per second" in out and "left as they were" in out
    assert not (tmp_path / "README.md").exists() and not (tmp_path / "latest.json").exists()
