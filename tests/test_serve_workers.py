"""`lapor serve --workers N`: several processes serve WhatsApp side by side on one database, each message
handled once, each report made once; Telegram, whose updates need one process, refuses it. The processes
run in the slow lane; the quick lane shows the same with two engines in this process."""

from __future__ import annotations

import asyncio
import xml.etree.ElementTree as ET
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from bot.channels.base import Inbound
from harness.fake_twilio import FakeTwilioAPI
from harness.serve_process import (
    REPORT_MESSAGES,
    free_port,
    signed_whatsapp_message,
    start_serve,
    wait_until_healthy,
    whatsapp_address,
    whatsapp_report,
)
from storage.models import InboundMessage, Report
from tests.helpers import lapor, make_engine

RESIDENTS = 6


async def resident(http: httpx.AsyncClient, number: int) -> None:
    for step, (body, expected) in enumerate(whatsapp_report(number)):
        params, headers = signed_whatsapp_message(whatsapp_address(number), f"SM{number:016x}{step:016x}", body)
        response = await http.post("/whatsapp/webhook", data=params, headers=headers)
        assert response.status_code == 200, response.text
        answer = "\n".join(message.text or "" for message in ET.fromstring(response.text).iter("Message"))
        assert expected in answer, f"resident {number} at step {step} ({body!r}) got: {answer}"


@pytest.mark.slow
async def test_two_workers_take_conversations_side_by_side(tmp_path: Path, database_url: str) -> None:
    twilio = FakeTwilioAPI()
    await twilio.start()
    port = free_port()
    server = start_serve(tmp_path, database_url, twilio.base_url, port, args=("--workers", "2"))
    try:
        await wait_until_healthy(port, server)
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=60) as http:
            await asyncio.gather(*(resident(http, number) for number in range(RESIDENTS)))
    finally:
        server.terminate()
        server.wait(30)
        await twilio.stop()
    engine, db_engine = make_engine(database_url, tmp_path / "media")
    try:
        async with engine.sessions() as db:
            reports = (await db.execute(select(func.count()).select_from(Report))).scalar_one()
            inbound = (await db.execute(select(func.count()).select_from(InboundMessage))).scalar_one()
    finally:
        await db_engine.dispose()  # type: ignore[attr-defined]
    assert (reports, inbound) == (RESIDENTS, RESIDENTS * REPORT_MESSAGES)


def test_telegram_refuses_more_than_one_worker(tmp_path: Path) -> None:
    result = lapor("serve", "--workers", "2", data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'l.db'}",
                   TELEGRAM_BOT_TOKEN="123:ABC")
    assert result.returncode == 1 and "Telegram's updates need one process" in result.stderr, result.stderr


async def test_two_engines_on_one_database_handle_each_message_once(tmp_path: Path, database_url: str) -> None:
    """What two workers share is the database: each message reaches both engines at once (as a provider's
    retry may land on the other worker), and each is handled by one of them, once."""
    first, first_db = make_engine(database_url, tmp_path / "media")
    second, second_db = make_engine(database_url, tmp_path / "media")

    async def resident(number: int) -> None:
        for step, (body, expected) in enumerate(whatsapp_report(number)):
            inbound = Inbound(whatsapp_address(number), f"SM{number:016x}{step:016x}", text=body)
            answers = await asyncio.gather(first.handle(inbound), second.handle(inbound))
            assert [] in answers, f"resident {number} at step {step}: handled by one engine only"
            said = "\n".join(f"{reply.text} {' '.join(c.label for c in reply.choices)}"
                             for replies in answers for reply in replies)
            assert expected in said, f"resident {number} at step {step} ({body!r}) got: {said}"

    try:
        await asyncio.gather(*(resident(number) for number in range(RESIDENTS)))
        async with first.sessions() as db:
            reports = (await db.execute(select(func.count()).select_from(Report))).scalar_one()
            inbound = (await db.execute(select(func.count()).select_from(InboundMessage))).scalar_one()
    finally:
        await first_db.dispose()
        await second_db.dispose()
    assert (reports, inbound) == (RESIDENTS, RESIDENTS * REPORT_MESSAGES)
