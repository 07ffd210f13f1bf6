"""The `lapor` command as a person runs it: a pipe for stdin, a real database; each test once in this process
(the quick lane) and once as a real process (the slow lane)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests import helpers
from tests.helpers import DESCRIPTION, PLACE, lapor, photo


@pytest.fixture(autouse=True, params=["in-process", pytest.param("process", marks=pytest.mark.slow)])
def how_lapor_runs(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(helpers, "LAPOR_AS_A_PROCESS", request.param == "process")


FIRST_HALF = ["halo", "1", "1", "Ada pencurian motor di depan rumah saya tadi malam"]
SECOND_HALF = ["gedok sananwetn blitar", "ya", "kemarin malam", "lewati", "2", "ubah", "kategori", "lalu lintas",
               "kirim"]


def test_chat_through_a_pipe_files_a_report_that_reports_list_shows(tmp_path: Path, database_url: str) -> None:
    chat = lapor("chat", data_dir=tmp_path, database_url=database_url, stdin="\n".join(FIRST_HALF + SECOND_HALF))
    assert chat.returncode == 0, chat.stderr
    assert "LP-" in chat.stdout and "1. Lapor" in chat.stdout
    listed = lapor("reports", "list", "--json", data_dir=tmp_path, database_url=database_url)
    assert listed.returncode == 0, listed.stderr
    [report] = json.loads(listed.stdout)
    assert report["ref"] in chat.stdout
    assert report["category"] == "traffic"  # changed at the summary
    assert report["status"] == "received"
    assert report["identity"] == "confidential"
    assert report["place"] == "gedok sananwetn blitar"
    assert report["description"] == FIRST_HALF[-1]
    assert report["station"] == "POLSEK-SANANWETAN"
    assert report["village_code"] == "35.72.03.1001"
    assert "Polsek Sananwetan (Polres Blitar Kota)" in chat.stdout


def test_a_restarted_process_continues_the_conversation_at_its_step(tmp_path: Path, database_url: str) -> None:
    first = lapor("chat", data_dir=tmp_path, database_url=database_url, stdin="\n".join(FIRST_HALF))
    assert first.returncode == 0, first.stderr
    assert "Di mana kejadiannya?" in first.stdout.splitlines()[-2]
    second = lapor("chat", data_dir=tmp_path, database_url=database_url, stdin="\n".join(SECOND_HALF))
    assert second.returncode == 0, second.stderr
    assert "Halo!" not in second.stdout, "the same resident, not a new one"
    assert "Maksud Anda Kel. Gedog, Kec. Sananwetan, Kota Blitar?" in second.stdout.splitlines()[0]
    assert "LP-" in second.stdout


def test_a_development_key_is_generated_once_and_said_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'lapor.db'}"
    first = lapor("chat", data_dir=tmp_path, database_url=url, stdin="halo\n", SECRET_KEY="")
    assert "SECRET_KEY is not set" in first.stderr
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
    second = lapor("chat", data_dir=tmp_path, database_url=url, stdin="halo\n", SECRET_KEY="")
    assert "SECRET_KEY" not in second.stderr


KEY = "k" * 31 + "-the-key-the-data-was-written-with"
OTHER_KEY = "o" * 31 + "-another-key-of-the-same-length!!!"


def test_a_short_secret_key_is_refused_naming_the_setting(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'lapor.db'}"
    refused = lapor("chat", data_dir=tmp_path, database_url=url, stdin="halo\n", SECRET_KEY="short-but-set-key")
    assert refused.returncode == 1
    assert "SECRET_KEY" in refused.stderr and "32 characters" in refused.stderr
    assert "Traceback" not in refused.stderr and "short-but-set-key" not in refused.stderr, "the key is not shown"
    assert not (tmp_path / "lapor.db").exists(), "nothing written with it"


@pytest.mark.parametrize(("setting", "value"), [("LOG_LEVEL", "verbose"), ("PUBLIC_BASE_URL", "lapor.example.org"),
                                               ("PUBLIC_BASE_URL", "https://lapor example.org")])
def test_a_malformed_setting_is_refused_naming_it(tmp_path: Path, setting: str, value: str) -> None:
    """A log level logging does not know, a public URL without its scheme (Twilio signs the URL it called, so
    every signature would be refused): named at start, not a traceback and not a service that half works."""
    refused = lapor("chat", data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'lapor.db'}", stdin="halo\n",
                    **{setting: value})
    assert refused.returncode == 1 and setting in refused.stderr, refused.stderr
    assert "Traceback" not in refused.stderr


@pytest.mark.parametrize("command", [("chat",), ("reports", "list"),
                                     ("officers", "invite", "--station", "POLSEK-SEKAR", "--role", "duty"),
                                     ("serve", "--port", "1")])
def test_a_key_the_data_was_not_written_with_is_refused_at_start(tmp_path: Path, database_url: str,
                                                                 command: tuple[str, ...]) -> None:
    written = lapor("chat", "--urn", "whatsapp:+6281234567890", data_dir=tmp_path, database_url=database_url,
                    stdin="halo\n", SECRET_KEY=KEY)
    assert written.returncode == 0, written.stderr
    refused = lapor(*command, data_dir=tmp_path, database_url=database_url, stdin="halo\n", SECRET_KEY=OTHER_KEY)
    assert refused.returncode == 1, refused.stdout
    assert "SECRET_KEY is not the key this database was written with" in refused.stderr
    assert "Traceback" not in refused.stderr and OTHER_KEY not in refused.stderr
    again = lapor("chat", "--urn", "whatsapp:+6281234567890", data_dir=tmp_path, database_url=database_url,
                  stdin="halo\n", SECRET_KEY=KEY)
    assert again.returncode == 0, again.stderr


def test_a_database_from_before_fingerprints_is_checked_by_its_contacts(tmp_path: Path) -> None:
    # A fresh SQLite file of its own: on the PostgreSQL worker database this test once waited out its 120 s
    # after other tests in a full run (not reproduced alone); the check itself is the same on both.
    database_url = f"sqlite:///{tmp_path / 'lapor.db'}"
    from sqlalchemy import create_engine, delete, select

    from storage import db as database
    from storage.crypto import ContactCipher
    from storage.models import KeyFingerprint

    written = lapor("chat", data_dir=tmp_path, database_url=database_url, stdin="halo\n", SECRET_KEY=KEY)
    assert written.returncode == 0, written.stderr
    engine = create_engine(database.sync_url(database_url))
    try:
        with engine.begin() as connection:
            assert connection.execute(select(KeyFingerprint.fingerprint)).scalar_one() == ContactCipher(KEY).fingerprint
            assert KEY not in ContactCipher(KEY).fingerprint
            connection.execute(delete(KeyFingerprint))  # as before fingerprints were recorded
        refused = lapor("reports", "list", data_dir=tmp_path, database_url=database_url, SECRET_KEY=OTHER_KEY)
        assert refused.returncode == 1 and "SECRET_KEY is not the key" in refused.stderr
        assert lapor("reports", "list", data_dir=tmp_path, database_url=database_url, SECRET_KEY=KEY).returncode == 0
        with engine.connect() as connection:
            assert connection.execute(select(KeyFingerprint.fingerprint)).scalar_one() == ContactCipher(KEY).fingerprint
    finally:
        engine.dispose()


@pytest.mark.slow  # the command as a process of its own, under its own umask
def test_data_dir_database_key_log_and_photos_are_for_the_owner_alone(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    picture = tmp_path / "motor.jpg"
    picture.write_bytes(photo())
    env = {**os.environ, "DATA_DIR": str(data_dir), "DATABASE_URL": "", "SECRET_KEY": "", "LOG_LEVEL": "INFO"}
    steps = "\n".join([*FIRST_HALF[:3], f"/photo {picture} Motor saya dicuri di parkiran pasar"])
    # umask 0: the modes come from Lapor itself, not from a careful shell
    chat = subprocess.run([sys.executable, "-m", "bot", "chat"], input=steps, capture_output=True, text=True,
                          env=env, cwd=tmp_path, timeout=120, check=False, preexec_fn=lambda: os.umask(0))
    assert chat.returncode == 0, chat.stderr
    with sqlite3.connect(data_dir / "lapor.db") as reader:  # a write in WAL mode: -wal and -shm exist now
        reader.execute("PRAGMA journal_mode=WAL")
        reader.execute("CREATE TABLE probe (x)")
        files = ["lapor.db", "lapor.db-wal", "lapor.db-shm", "secret_key", "lapor.log"]
        photos = list((data_dir / "media").iterdir())
        assert photos, "the photo was stored"
        modes = {name: (data_dir / name).stat().st_mode & 0o777 for name in files}
        modes |= {f"media/{p.name}": p.stat().st_mode & 0o777 for p in photos}
    assert modes == dict.fromkeys(modes, 0o600), modes
    assert {path.name: path.stat().st_mode & 0o777 for path in (data_dir, data_dir / "media")} == {
        "data": 0o700, "media": 0o700}


def test_an_existing_database_readable_by_others_is_narrowed(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'lapor.db'}"
    assert lapor("db", "upgrade", data_dir=tmp_path, database_url=url).returncode == 0
    (tmp_path / "lapor.db").chmod(0o644)
    assert lapor("chat", data_dir=tmp_path, database_url=url, stdin="halo\n").returncode == 0
    assert (tmp_path / "lapor.db").stat().st_mode & 0o777 == 0o600


def test_a_data_dir_made_beforehand_open_to_others_is_narrowed(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o755)
    data_dir.chmod(0o755)  # whatever the umask
    result = lapor("chat", data_dir=data_dir, database_url=f"sqlite:///{data_dir / 'lapor.db'}", stdin="halo\n")
    assert result.returncode == 0, result.stderr
    assert data_dir.stat().st_mode & 0o777 == 0o700 and "now for this account alone" in result.stderr
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o755)
    (shared / "notes.txt").write_text("someone else's")
    result = lapor("chat", data_dir=shared, database_url=f"sqlite:///{shared / 'lapor.db'}", stdin="halo\n")
    assert result.returncode == 0, result.stderr
    assert shared.stat().st_mode & 0o777 == 0o755 and "holds more than Lapor's files" in result.stderr


def test_the_log_has_no_contact_address_nor_when_a_report_was_sent(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'lapor.db'}"
    result = lapor("chat", "--urn", "whatsapp:+6281234567890", data_dir=tmp_path, database_url=url,
                   stdin="\n".join(("halo", "1", "1", DESCRIPTION, PLACE, "ya", "2", "lewati", "3", "kirim")),
                   LOG_LEVEL="DEBUG")
    assert result.returncode == 0 and "✅" in result.stdout, result.stdout + result.stderr
    log = (tmp_path / "lapor.log").read_text()
    assert log.count("whatsapp message handled") == 10, log
    assert "6281234567890" not in log and "6281234567890" not in result.stderr
    for step in ("summary", "identity", "menu"):  # an anonymous report's Kirim: a line like any other
        assert step not in log, log


def test_chat_in_english_from_the_flag(tmp_path: Path) -> None:
    result = lapor("chat", "--lang", "en", data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'l.db'}",
                   stdin="hi\n")
    assert "Hello! This is Lapor" in result.stdout


def test_location_and_photo_lines(tmp_path: Path) -> None:
    picture = tmp_path / "foto.jpg"
    picture.write_bytes(photo())
    lines = ["halo", "1", "2", "Lampu jalan mati, gelap dan sering ada orang mabuk", "/loc -7.39,111.66",
             "ya", "1", f"/photo {picture}", "2", "kirim"]
    result = lapor("chat", data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'l.db'}", stdin="\n".join(lines))
    assert "Foto: ada" in result.stdout
    assert "titik peta -7.39000, 111.66000" in result.stdout
    assert "Polsek Sekar (Polres Bojonegoro)" in result.stdout
    assert "LP-" in result.stdout
    assert len(list((tmp_path / "media").glob("*.jpg"))) == 1


def test_unknown_cli_command_fails_clearly(tmp_path: Path) -> None:
    result = lapor("frobnicate", data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'l.db'}")
    assert result.returncode != 0
    assert "No such command" in result.stderr


def test_stations_import_list_and_route(tmp_path: Path, database_url: str) -> None:
    good = tmp_path / "stations.csv"
    good.write_text("code,name,kind,parent,timezone,latitude,longitude,phone,areas\n"
                    "MKS,Polrestabes Makassar,polres,,,,,,73.71\n"
                    "MARISO,Polsek Mariso,polsek,MKS,,-5.15,119.40,,73.71.01\n")
    imported = lapor("stations", "import", str(good), data_dir=tmp_path, database_url=database_url)
    assert imported.returncode == 0, imported.stderr
    assert "2 created, 0 updated, 0 unchanged" in imported.stdout
    again = lapor("stations", "import", str(good), data_dir=tmp_path, database_url=database_url)
    assert "0 created, 0 updated, 2 unchanged" in again.stdout

    bad = tmp_path / "bad.csv"
    bad.write_text("code,name,kind,parent,timezone,latitude,longitude,phone,areas\n"
                   "NEW,Polsek Baru,polsek,,,,,,73.71.03\n"
                   "DUP,Polsek Ganda,polsek,,,,,,73.71.01\n")
    refused = lapor("stations", "import", str(bad), data_dir=tmp_path, database_url=database_url)
    assert refused.returncode == 1
    assert "line 3: area 73.71.01 is already covered by station MARISO" in refused.stderr
    assert "nothing imported" in refused.stderr

    listed = lapor("stations", "list", "--json", data_dir=tmp_path, database_url=database_url)
    stations = {s["code"]: s for s in json.loads(listed.stdout)}
    assert "NEW" not in stations
    assert stations["MARISO"]["timezone"] == "Asia/Makassar" and stations["MARISO"]["parent"] == "MKS"
    assert {"PUSAT", "POLSEK-SEKAR", "POLSEK-SANANWETAN"} <= stations.keys()

    routed = lapor("route", "gedok sananwetn blitar", data_dir=tmp_path, database_url=database_url)
    assert "35.72.03.1001" in routed.stdout and "Polsek Sananwetan (Polres Blitar Kota)" in routed.stdout
    assert "Chosen: candidate 1" in routed.stdout
    ambiguous = lapor("route", "Sidomulyo", "--json", data_dir=tmp_path, database_url=database_url)
    decision = json.loads(ambiguous.stdout)
    assert decision["confident"] is False and len(decision["candidates"]) == 3 and decision["station"] is None
    nowhere = lapor("route", "xyzzy", data_dir=tmp_path, database_url=database_url)
    assert "no known place is named" in nowhere.stdout and "PUSAT" in nowhere.stdout


def test_route_ranks_a_place_as_the_chat_offers_it(tmp_path: Path, database_url: str) -> None:
    """A name many villages share: the one the shipped stations cover first, as the resident is offered it; a
    misspelt village nearby ("gedok") offered as the chat offers it, never taken."""
    for typed, first in (("plosokerep", "35.72.03.1002"), ("klampok", "35.72.03.1003"),
                         ("karangtengah", "35.72.03.1006"), ("gedok", "35.72.03.1001")):
        decision = json.loads(lapor("route", typed, "--json", data_dir=tmp_path, database_url=database_url).stdout)
        assert decision["candidates"][0]["code"] == first, typed
        assert decision["confident"] is False and decision["station"] is None
    assert "Polsek Sananwetan" in lapor("route", "plosokerep", data_dir=tmp_path, database_url=database_url).stdout


def test_import_of_a_file_that_is_not_text_fails_clearly(tmp_path: Path) -> None:
    binary = tmp_path / "stations.csv"
    binary.write_bytes(b"\xff\xfe\x00\x81garbage")
    result = lapor("stations", "import", str(binary), data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'l.db'}")
    assert result.returncode == 1 and "not a UTF-8 text file" in result.stderr


def test_a_missing_fallback_desk_is_warned_about(tmp_path: Path) -> None:
    env_url = f"sqlite:///{tmp_path / 'l.db'}"
    result = lapor("chat", data_dir=tmp_path, database_url=env_url, stdin="halo\n", FALLBACK_STATION="NOWHERE")
    assert result.returncode == 0
    assert "FALLBACK_STATION NOWHERE is not in the stations registry" in result.stderr
