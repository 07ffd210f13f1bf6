"""The `lapor` command as a person runs it: real processes, a pipe for stdin, a real database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
pytestmark = pytest.mark.slow

FIRST_HALF = ["halo", "1", "1", "Ada pencurian motor di depan rumah saya tadi malam"]
SECOND_HALF = ["gedok sananwetn blitar", "kemarin malam", "lewati", "2", "ubah", "kategori", "lalu lintas", "kirim"]


def lapor(*args: str, data_dir: Path, database_url: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATA_DIR": str(data_dir), "DATABASE_URL": database_url, "SECRET_KEY": "",
           "LOG_LEVEL": "INFO"}
    return subprocess.run([sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, text=True,
                          env=env, cwd=data_dir, timeout=120, check=False)


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
    assert report["station"] is None


def test_a_restarted_process_continues_the_conversation_at_its_step(tmp_path: Path, database_url: str) -> None:
    first = lapor("chat", data_dir=tmp_path, database_url=database_url, stdin="\n".join(FIRST_HALF))
    assert first.returncode == 0, first.stderr
    assert "Di mana kejadiannya?" in first.stdout.splitlines()[-2]
    second = lapor("chat", data_dir=tmp_path, database_url=database_url, stdin="\n".join(SECOND_HALF))
    assert second.returncode == 0, second.stderr
    assert "Halo!" not in second.stdout, "the same resident, not a new one"
    assert "Kapan kejadiannya?" in second.stdout.splitlines()[0]
    assert "LP-" in second.stdout


def test_a_development_key_is_generated_once_and_said_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'lapor.db'}"
    first = lapor("chat", data_dir=tmp_path, database_url=url, stdin="halo\n")
    assert "SECRET_KEY is not set" in first.stderr
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
    second = lapor("chat", data_dir=tmp_path, database_url=url, stdin="halo\n")
    assert "SECRET_KEY" not in second.stderr


def test_the_log_has_no_contact_address(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'lapor.db'}"
    result = lapor("chat", "--urn", "whatsapp:+6281234567890", data_dir=tmp_path, database_url=url,
                   stdin="halo\n1\n")
    assert result.returncode == 0, result.stderr
    log = (tmp_path / "lapor.log").read_text()
    assert "message handled" in log
    assert "6281234567890" not in log and "6281234567890" not in result.stderr


def test_chat_in_english_from_the_flag(tmp_path: Path) -> None:
    result = lapor("chat", "--lang", "en", data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'l.db'}",
                   stdin="hi\n")
    assert "Hello! This is Lapor" in result.stdout


def test_location_and_photo_lines(tmp_path: Path) -> None:
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 100)
    lines = ["halo", "1", "2", "Lampu jalan mati, gelap dan sering ada orang mabuk", "/loc -7.1,111.9",
             "1", f"/photo {photo}", "2", "kirim"]
    result = lapor("chat", data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'l.db'}", stdin="\n".join(lines))
    assert "Foto: ada" in result.stdout
    assert "titik lokasi -7.10000, 111.90000" in result.stdout
    assert "LP-" in result.stdout
    assert len(list((tmp_path / "media").glob("*.jpg"))) == 1


def test_unknown_cli_command_fails_clearly(tmp_path: Path) -> None:
    result = lapor("frobnicate", data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'l.db'}")
    assert result.returncode != 0
    assert "No such command" in result.stderr
