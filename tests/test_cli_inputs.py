"""The `lapor` command's options refuse what they cannot use with a clear message instead of a traceback."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage import db as database
from storage import sample_reports
from storage.models import Category, Identity, Report
from storage.reports import create_report
from storage.stations import station_by_code
from tests.helpers import lapor, regions

PREVIEW = ("digest", "preview", "--station", "POLSEK-SANANWETAN")
SEND = ("digest", "send", "--station", "POLSEK-SANANWETAN")
JAKARTA = ZoneInfo("Asia/Jakarta")


def refused(result: subprocess.CompletedProcess[str], code: int, message: str) -> bool:
    """Exited with `code`, said `message` on stderr (typer's box around it and its line breaks aside), and no
    traceback."""
    said = " ".join(result.stderr.replace("│", " ").split())
    return result.returncode == code and message in said and "Traceback" not in said


def test_lang_is_taken_in_either_case_and_anything_else_is_refused(tmp_path: Path, database_url: str) -> None:
    english = lapor(*PREVIEW, "--date", "2026-11-20", "--lang", "EN", data_dir=tmp_path, database_url=database_url)
    assert english.returncode == 0, english.stderr
    assert "Daily digest, Polsek Sananwetan" in english.stdout
    for command in ((*PREVIEW, "--date", "2026-11-20"), ("chat",)):
        french = lapor(*command, "--lang", "fr", data_dir=tmp_path, database_url=database_url, stdin="halo\n")
        assert refused(french, 2, "'--lang': id or en, not 'fr'"), french.stderr


@pytest.mark.parametrize("command", [PREVIEW, SEND])
@pytest.mark.parametrize("date", ["0001-01-01", "9999-12-31", "1999-12-31"])
def test_a_digest_date_out_of_range_is_refused(tmp_path: Path, database_url: str, command: tuple[str, ...],
                                               date: str) -> None:
    result = lapor(*command, "--date", date, data_dir=tmp_path, database_url=database_url)
    assert refused(result, 2, "between 2000-01-01 and 2100-12-31"), result.stderr


def test_a_png_in_a_missing_directory_is_refused_before_the_work(tmp_path: Path, database_url: str) -> None:
    png = tmp_path / "nowhere" / "chart.png"
    result = lapor(*PREVIEW, "--date", "2026-11-20", "--png", str(png), data_dir=tmp_path, database_url=database_url)
    assert refused(result, 1, f"cannot write {png}: there is no directory {png.parent}"), result.stderr
    assert "Laporan harian" not in result.stdout, "refused before the digest is composed"


def test_a_png_that_cannot_be_written_is_refused(tmp_path: Path, database_url: str) -> None:
    result = lapor(*PREVIEW, "--date", "2026-11-20", "--png", str(tmp_path), data_dir=tmp_path,
                   database_url=database_url)
    assert refused(result, 1, f"cannot write {tmp_path}"), result.stderr


def test_the_preview_of_a_digest_whose_day_has_not_begun_is_refused(tmp_path: Path, database_url: str) -> None:
    later = dt.datetime.now(JAKARTA).date() + dt.timedelta(days=2)
    result = lapor(*PREVIEW, "--date", f"{later}", data_dir=tmp_path, database_url=database_url)
    assert refused(result, 1, "has not begun; nothing to show"), result.stderr
    assert f"{later - dt.timedelta(days=1)} 06:00 WIB" in result.stderr
    assert not result.stdout


def test_sending_to_a_station_without_a_head_says_nothing_was_sent(tmp_path: Path, database_url: str) -> None:
    result = lapor(*SEND, "--date", "2026-11-20", data_dir=tmp_path, database_url=database_url)
    assert refused(result, 1, "no station head is enrolled at POLSEK-SANANWETAN: nothing was sent and nothing "
                              "recorded"), result.stderr
    assert "`lapor officers invite --role head`" in result.stderr


def test_sending_a_digest_that_is_not_due_says_when_it_is(tmp_path: Path, database_url: str) -> None:
    later = dt.datetime.now(JAKARTA).date() + dt.timedelta(days=2)
    result = lapor(*SEND, "--date", f"{later}", data_dir=tmp_path, database_url=database_url)
    assert refused(result, 1, f"the digest of POLSEK-SANANWETAN for {later} is not due until {later} 06:00 WIB; "
                              "`lapor digest preview` shows it so far"), result.stderr


def test_reports_list_takes_a_station_code_in_any_case_and_refuses_an_unknown_one(tmp_path: Path,
                                                                                  database_url: str) -> None:
    made = lapor("reports", "generate", "--station", "POLSEK-SANANWETAN", "--days", "2", "--per-day", "4",
                 data_dir=tmp_path, database_url=database_url)
    assert made.returncode == 0, made.stderr
    listed = lapor("reports", "list", "--station", "polsek-sananwetan", "--json", data_dir=tmp_path,
                   database_url=database_url)
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) == int(made.stdout.split()[0]) > 0
    unknown = lapor("reports", "list", "--station", "abc", data_dir=tmp_path, database_url=database_url)
    assert refused(unknown, 1, "no station ABC: see `lapor stations list`"), unknown.stderr


def test_sample_reports_come_at_the_station_local_busy_hours(tmp_path: Path, database_url: str) -> None:
    made = lapor("reports", "generate", "--station", "POLSEK-SANANWETAN", "--days", "10", "--per-day", "60",
                 data_dir=tmp_path, database_url=database_url)
    assert made.returncode == 0, made.stderr
    again = lapor("reports", "generate", "--station", "POLSEK-SANANWETAN", "--days", "10", "--per-day", "60",
                  data_dir=tmp_path, database_url=database_url)
    assert again.returncode == 0, "the same seed twice on one database draws other refs for the second run"
    assert again.stdout.split()[0] == made.stdout.split()[0], "and only the refs differ"
    listed = lapor("reports", "list", "--json", data_dir=tmp_path, database_url=database_url)
    hours = Counter(dt.datetime.fromisoformat(row["created_at"]).astimezone(JAKARTA).hour
                    for row in json.loads(listed.stdout))
    evening, small_hours = sum(hours[h] for h in range(18, 23)), sum(hours[h] for h in range(5))
    assert evening > 3 * small_hours, hours


async def _generate(url: str, now: dt.datetime, seed: int) -> list[tuple[Any, ...]]:
    engine = database.create_engine(url)
    try:
        async with database.session_factory(engine)() as db, db.begin():
            found = await station_by_code(db, "POLSEK-SANANWETAN")
            assert found is not None
            made = await sample_reports.generate(db, regions(), found, days=5, per_day=20, now=now, seed=seed)
            rows = (await db.execute(select(Report.ref, Report.category, Report.status, Report.village_code,
                                            Report.created_at).order_by(Report.id))).all()
            assert len(rows) == made
            return [tuple(row) for row in rows]
    finally:
        await engine.dispose()


def test_the_same_seed_and_moment_give_the_same_sample_reports_in_chunks(
        tmp_path: Path, sqlite_template: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one, other = shutil.copy(sqlite_template, tmp_path / "one.db"), shutil.copy(sqlite_template, tmp_path / "other.db")
    now = dt.datetime(2026, 11, 20, 3, 30, tzinfo=dt.UTC)
    sizes: list[int] = []
    execute = AsyncSession.execute

    async def counting(self: Any, statement: Any, params: Any = None, **kwargs: Any) -> Any:
        if isinstance(params, list):
            sizes.append(len(params))
        return await execute(self, statement, params, **kwargs)

    monkeypatch.setattr(sample_reports, "CHUNK", 30)
    monkeypatch.setattr(AsyncSession, "execute", counting)
    first = asyncio.run(_generate(f"sqlite+aiosqlite:///{one}", now, seed=7))
    assert asyncio.run(_generate(f"sqlite+aiosqlite:///{other}", now, seed=7)) == first
    assert sizes and max(sizes) <= 30 and len(first) > 60, "inserted in chunks"
    assert len({ref for ref, *_ in first}) == len(first)
    assert all(created < now for *_, created in first)


async def _a_real_report(url: str) -> None:
    engine = database.create_engine(url)
    try:
        async with database.session_factory(engine)() as db, db.begin():
            found = await station_by_code(db, "POLSEK-SANANWETAN")
            assert found is not None
            await create_report(db, attachments=[], actor="resident", category=Category.TRAFFIC,
                                description="Lampu lalu lintas mati", occurred_text="-", station_id=found.id,
                                identity=Identity.ANONYMOUS, language="id")
    finally:
        await engine.dispose()


async def _samples(url: str) -> list[bool]:
    engine = database.create_engine(url)
    try:
        async with database.session_factory(engine)() as db:
            return list((await db.execute(select(Report.sample).order_by(Report.id))).scalars())
    finally:
        await engine.dispose()


def test_sample_reports_are_marked_and_refused_beside_real_ones_unless_forced(tmp_path: Path,
                                                                             database_url: str) -> None:
    generate = ("reports", "generate", "--station", "POLSEK-SANANWETAN", "--days", "1", "--per-day", "5")
    assert lapor(*generate, data_dir=tmp_path, database_url=database_url).returncode == 0, "samples beside samples"
    asyncio.run(_a_real_report(database_url))
    result = lapor(*generate, data_dir=tmp_path, database_url=database_url)
    assert result.returncode == 1 and "holds real reports" in result.stderr
    made = len(asyncio.run(_samples(database_url)))
    forced = lapor(*generate, "--force", data_dir=tmp_path, database_url=database_url)
    assert forced.returncode == 0, forced.stderr
    flags = asyncio.run(_samples(database_url))
    assert len(flags) > made and flags.count(False) == 1, "every generated report is marked; the real one is not"


@pytest.mark.parametrize("command", [("officers", "revoke"), ("outbox", "retry")])
@pytest.mark.parametrize(("row_id", "bound"), [("2147483648", "less than or equal to 2147483647"),
                                               ("99999999999999999999", "less than or equal to 2147483647"),
                                               ("0", "greater than or equal to 1")])
def test_a_row_id_no_database_holds_is_refused_without_a_traceback(tmp_path: Path, database_url: str,
                                                                   command: tuple[str, ...], row_id: str,
                                                                   bound: str) -> None:
    """Past PostgreSQL's INTEGER (SQLite's 64 bits, further on) the query itself failed, with a traceback."""
    result = lapor(*command, row_id, data_dir=tmp_path, database_url=database_url)
    assert refused(result, 2, f"Input should be {bound}"), result.stderr


def test_officers_list_takes_a_station_code_in_any_case_and_refuses_an_unknown_one(tmp_path: Path,
                                                                                   database_url: str) -> None:
    """A mistyped code listed no one and exited 0, as if the station had no officers."""
    invited = lapor("officers", "invite", "--station", "POLSEK-SANANWETAN", "--role", "duty", data_dir=tmp_path,
                    database_url=database_url)
    assert invited.returncode == 0, invited.stderr
    code = invited.stdout.split()[0]
    lapor("chat", "--urn", "console:petugas", stdin=f"DAFTAR {code}\n", data_dir=tmp_path, database_url=database_url)
    listed = lapor("officers", "list", "--station", "polsek-sananwetan", "--json", data_dir=tmp_path,
                   database_url=database_url)
    assert listed.returncode == 0 and [o["station"] for o in json.loads(listed.stdout)] == ["POLSEK-SANANWETAN"]
    unknown = lapor("officers", "list", "--station", "polsek-sananwetn", data_dir=tmp_path, database_url=database_url)
    assert refused(unknown, 1, "no station POLSEK-SANANWETN: see `lapor stations list`"), unknown.stderr


@pytest.mark.parametrize("command", [("stations", "generate"), ("stations", "coverage")])
def test_a_kabupaten_code_of_no_kabupaten_is_refused(tmp_path: Path, database_url: str,
                                                     command: tuple[str, ...]) -> None:
    """99.99 has the form of a code: it was left out unsaid, and the draft came empty, the coverage "every kecamatan
    of the 0 kabupaten/kota is covered"."""
    result = lapor(*command, "--regency", "35.72", "--regency", "99.99", data_dir=tmp_path, database_url=database_url)
    assert refused(result, 1, "no kabupaten/kota 99.99: `lapor regions find NAME --level kab` shows the codes"), \
        result.stderr
    assert "every kecamatan" not in result.stdout and "POLSEK" not in result.stdout
