"""`lapor serve` as a process of its own on 127.0.0.1, and residents' WhatsApp messages to it, signed as
Twilio signs them: for the tests that need a real process (a crash) and for the benchmarks."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
from pathlib import Path

import httpx

from harness import TEST_SECRET, story_and_place
from harness.fake_twilio import ACCOUNT_SID, AUTH_TOKEN, SENDER, load_payload, sign

PUBLIC = "https://lapor.example.org"  # the address Twilio is told to call, and signs


def whatsapp_report(resident: int) -> tuple[tuple[str, str], ...]:
    """Scripted resident number `resident`'s whole report over WhatsApp: what they send, and a word of the
    answer that shows the conversation is at the right step."""
    story, place = story_and_place(resident)
    # "mana": where it happened, or, for a story told as by phone, where the resident lives
    return (("halo", "Privasi"), ("1", "Gangguan keamanan"), ("lalu lintaz", "Ceritakan"), (story, "mana"),
            (place, "Maksud Anda"), ("ya", "Kapan"), ("2", "foto"), ("lewati", "identitas"), ("2", "Diteruskan ke"),
            ("kirim", "LP-"))


REPORT_MESSAGES = len(whatsapp_report(0))

# Beyond len(STORIES) * len(PLACES) residents, a story is told again of its place: Lapor may then ask whether
# it is the incident an earlier resident reported. The scripted resident says it is not.
SAME_INCIDENT_QUESTION, NOT_THE_SAME = "laporan serupa", "bukan"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve_environment(data_dir: Path, database_url: str, twilio_base_url: str, **overrides: str) -> dict[str, str]:
    """The settings of a `lapor serve` with WhatsApp on (its API at `twilio_base_url`) and Telegram off."""
    return {**os.environ, "DATA_DIR": str(data_dir), "DATABASE_URL": database_url, "SECRET_KEY": TEST_SECRET,
            "PUBLIC_BASE_URL": PUBLIC, "TWILIO_ACCOUNT_SID": ACCOUNT_SID, "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
            "TWILIO_WHATSAPP_FROM": SENDER, "TWILIO_API_BASE_URL": twilio_base_url, "TELEGRAM_BOT_TOKEN": "",
            "FLOOD_PER_MINUTE": "1000", "LOG_LEVEL": "WARNING", **overrides}


def start_serve(data_dir: Path, database_url: str, twilio_base_url: str, port: int, *,
                args: tuple[str, ...] = (), **settings: str) -> subprocess.Popen[bytes]:
    """`lapor serve` on 127.0.0.1:`port`; its output goes to serve.log in `data_dir`."""
    env = serve_environment(data_dir, database_url, twilio_base_url, **settings)
    log = (data_dir / "serve.log").open("ab")
    return subprocess.Popen([sys.executable, "-m", "bot", "serve", "--port", str(port), *args], env=env,
                            cwd=data_dir, stdout=log, stderr=log)


async def wait_until_healthy(port: int, server: subprocess.Popen[bytes], seconds: float = 180.0) -> None:
    """Returns once GET /healthz answers 200; fails if the process exits first or it never does. The wait is
    generous: on a loaded machine a start (imports, migrations, the region index) takes many seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    async with httpx.AsyncClient() as http:
        while loop.time() < deadline:
            assert server.poll() is None, f"lapor serve exited with {server.returncode} before it answered /healthz"
            try:
                if (await http.get(f"http://127.0.0.1:{port}/healthz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.05)
    raise AssertionError(f"lapor serve did not answer GET /healthz on 127.0.0.1:{port} within {seconds:.0f} s")


def whatsapp_address(number: int) -> str:
    return f"whatsapp:+62811{number:07d}"


def signed_whatsapp_message(address: str, message_sid: str, body: str,
                            path: str = "/whatsapp/webhook") -> tuple[dict[str, str], dict[str, str]]:
    """The form Twilio posts for a text from `address` to `path`, and the header that carries its signature."""
    params = load_payload("text", From=address, WaId=address.split("+")[1], MessageSid=message_sid, Body=body)
    return params, {"X-Twilio-Signature": sign(PUBLIC + path, params)}
