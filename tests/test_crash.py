"""A crash in the middle of many conversations: `lapor serve`, a real process on 127.0.0.1, takes
residents' WhatsApp conversations over the signed webhook and is killed with SIGKILL half-way, then
started again. The residents' phones behave as Twilio does: a request cut off is sent again with the
same MessageSid. Nothing may be lost, nothing done twice, and every conversation goes on at its step.

The slow lane (`make test-all`) runs it with a few residents; `make reliability` with
RELIABILITY_CONVERSATIONS (200).
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from harness.fake_telegram import TOKEN, FakeBotAPI, text_update
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
from storage.models import InboundMessage, Report, TelegramUpdate
from tests.helpers import assert_no_address_in_clear, make_engine

pytestmark = pytest.mark.slow

DEBUG = "DEBUG"  # the service logs all it may: the log is read for addresses in clear afterwards

CONVERSATIONS = int(os.environ.get("RELIABILITY_CONVERSATIONS", "16"))


@dataclass
class Run:
    """What the residents saw, and the server they talk to."""

    port: int
    answered: int = 0  # messages answered so far, across all residents
    retried: int = 0  # requests cut off by the crash and sent again
    replays_ignored: int = 0  # retries of messages the server had handled before it died
    refs: list[str] = field(default_factory=list)  # the refs residents were given
    unanswered_confirmations: int = 0  # "kirim" handled, but its answer died with the server
    up: asyncio.Event = field(default_factory=asyncio.Event)


async def wait_until_up(run: Run, server: subprocess.Popen[bytes]) -> None:
    await wait_until_healthy(run.port, server)
    run.up.set()


def log_lines(path: Path) -> int:
    return len(path.read_bytes().splitlines())


async def resident(run: Run, http: httpx.AsyncClient, number: int) -> None:
    address = whatsapp_address(number)
    for step, (body, expected) in enumerate(whatsapp_report(number)):
        params, headers = signed_whatsapp_message(address, f"SM{number:016x}{step:016x}", body)
        resent = False
        while True:
            await run.up.wait()
            try:
                response = await http.post(f"http://127.0.0.1:{run.port}/whatsapp/webhook", data=params,
                                           headers=headers)
            except httpx.TransportError:  # cut off by the crash: Twilio sends the same message again
                run.retried += 1
                resent = True
                await asyncio.sleep(0.05)
                continue
            assert response.status_code == 200, response.text
            break
        answer = "\n".join(message.text or "" for message in ET.fromstring(response.text).iter("Message"))
        run.answered += 1
        if not answer:  # handled before the crash; its answer went with the server
            assert resent, f"resident {number} at step {step} ({body!r}) got no answer"
            run.replays_ignored += 1
            run.unanswered_confirmations += body == "kirim"
            continue
        assert expected in answer, f"resident {number} at step {step} ({body!r}) got: {answer}"
        if body == "kirim":
            run.refs.append(next(word for word in answer.split() if word.startswith("LP-")).rstrip(".,"))


async def test_a_crash_mid_way_loses_nothing_and_does_nothing_twice(tmp_path: Path, database_url: str) -> None:
    conversations = CONVERSATIONS
    twilio = FakeTwilioAPI()
    await twilio.start()
    run = Run(free_port())
    server = start_serve(tmp_path, database_url, twilio.base_url, run.port, LOG_LEVEL=DEBUG)
    try:
        await wait_until_up(run, server)
        limits = httpx.Limits(max_connections=conversations)
        async with httpx.AsyncClient(timeout=60, limits=limits) as http:
            talking = asyncio.gather(*(resident(run, http, n) for n in range(conversations)))
            async with asyncio.timeout(300 + 5 * conversations):  # a deadline, not a pace: generous under load
                while run.answered < conversations * REPORT_MESSAGES // 2 and not talking.done():
                    assert server.poll() is None, "lapor serve died on its own"
                    await asyncio.sleep(0.01)
            run.up.clear()
            server.send_signal(signal.SIGKILL)
            server.wait()
            killed_at = run.answered
            server = start_serve(tmp_path, database_url, twilio.base_url, run.port, LOG_LEVEL=DEBUG)
            await wait_until_up(run, server)
            async with asyncio.timeout(300 + 5 * conversations):  # a deadline, not a pace: generous under load
                await talking
    finally:
        server.kill()
        server.wait()
        await twilio.stop()
    assert killed_at < conversations * REPORT_MESSAGES and run.retried > 0, "killed amid the conversations"
    engine, db_engine = make_engine(database_url, tmp_path / "media")
    try:
        async with engine.sessions() as db:
            refs = Counter((await db.execute(select(Report.ref))).scalars())
            per_contact = Counter((await db.execute(select(Report.contact_id))).scalars())
            inbound = (await db.execute(select(func.count()).select_from(InboundMessage))).scalar_one()
        rows_read = await assert_no_address_in_clear(engine, database_url, map(whatsapp_address, range(conversations)),
                                                     logs=[tmp_path / "serve.log"])
    finally:
        await db_engine.dispose()  # type: ignore[attr-defined]
    lost, duplicated = conversations - len(refs), sum(count - 1 for count in refs.values())
    assert (lost, duplicated) == (0, 0), "every resident's report exists, once"
    assert set(per_contact.values()) == {1} and len(per_contact) == conversations
    assert all(refs[ref] == 1 for ref in run.refs) and len(run.refs) + run.unanswered_confirmations == conversations
    assert inbound == conversations * REPORT_MESSAGES, "each message handled once, retries included"
    figures = {"database": database_url.split(":")[0], "conversations": conversations,
               "messages": conversations * REPORT_MESSAGES, "killed_after_answers": killed_at,
               "requests_cut_off_and_retried": run.retried, "retries_already_handled": run.replays_ignored,
               "reports": sum(refs.values()), "lost": lost, "duplicated": duplicated,
               "rows_read_for_addresses": rows_read, "log_lines_read": log_lines(tmp_path / "serve.log")}
    print("reliability-figures", json.dumps(figures))


TELEGRAM_CHATS = int(os.environ.get("RELIABILITY_TELEGRAM_CHATS", "30"))
TELEGRAM_CONVERSATION = (("halo", "Privasi"), ("1", "Laporan tentang apa"))  # what each chat sends, in order


async def test_a_crash_loses_no_telegram_update_answered_200_and_handles_none_twice(
        tmp_path: Path, database_url: str) -> None:
    """Updates from many chats are answered 200 and the process is killed at once, most still unhandled:
    the restarted service handles each exactly once, each chat's in order."""
    # Ten digits, as Telegram's are: six ("900013") can turn up by chance in a stored time's microseconds.
    chats = [7_300_000_000 + n for n in range(TELEGRAM_CHATS)]
    fake = FakeBotAPI()
    await fake.start()
    port = free_port()
    telegram = {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_BASE_URL": fake.base_url, "TELEGRAM_MODE": "webhook",
                "TWILIO_ACCOUNT_SID": "", "LOG_LEVEL": DEBUG}
    server = start_serve(tmp_path, database_url, "http://127.0.0.1:9", port, **telegram)
    try:
        await wait_until_healthy(port, server)
        headers = {"X-Telegram-Bot-Api-Secret-Token": fake.webhook["secret_token"]}
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=60) as http:

            async def post(update_id: int, chat: int, body: str) -> None:
                response = await http.post("/telegram/webhook", json=text_update(update_id, chat, body),
                                           headers=headers)
                assert response.status_code == 200

            for step, (body, _expected) in enumerate(TELEGRAM_CONVERSATION):  # a chat's next once Telegram had 200
                await asyncio.gather(*(post(7000 + step * len(chats) + n, chat, body) for n, chat in enumerate(chats)))
        server.send_signal(signal.SIGKILL)
        server.wait()
        answered_before = {chat: len(fake.sent_texts(chat)) for chat in chats}
        server = start_serve(tmp_path, database_url, "http://127.0.0.1:9", port, **telegram)
        await wait_until_healthy(port, server)
        expected_replies = 3  # the greeting and the menu, then the question of the category

        def done() -> bool:
            return all(fake.sent_texts(chat)[-1:] and TELEGRAM_CONVERSATION[-1][1] in fake.sent_texts(chat)[-1]
                       for chat in chats if answered_before[chat] < expected_replies)

        async with asyncio.timeout(60 + TELEGRAM_CHATS):
            while not done():
                assert server.poll() is None, "lapor serve died on its own"
                await asyncio.sleep(0.05)
        await asyncio.sleep(1)  # anything sent twice would arrive meanwhile
    finally:
        server.kill()
        server.wait()
        await fake.stop()
    engine, db_engine = make_engine(database_url, tmp_path / "media")
    try:
        async with engine.sessions() as db:
            handled = Counter((await db.execute(select(InboundMessage.provider_message_id)
                                                .where(InboundMessage.channel == "telegram"))).scalars())
            left = (await db.execute(select(func.count()).select_from(TelegramUpdate))).scalar_one()
        await assert_no_address_in_clear(engine, database_url, [f"telegram:{chat}" for chat in chats],
                                         logs=[tmp_path / "serve.log"])
    finally:
        await db_engine.dispose()  # type: ignore[attr-defined]
    updates = len(chats) * len(TELEGRAM_CONVERSATION)
    lost, duplicated = updates - len(handled), sum(count - 1 for count in handled.values())
    assert sum(answered_before.values()) < len(chats) * 3, "killed while updates were still waiting"
    assert (lost, duplicated, left) == (0, 0, 0), "each update handled once, none left waiting"
    replies_again = 0
    for chat in chats:
        texts = fake.sent_texts(chat)
        assert all(any(word in text for text in texts) for _body, word in TELEGRAM_CONVERSATION), \
            f"chat {chat} lost a reply"
        assert TELEGRAM_CONVERSATION[-1][1] in texts[-1], f"chat {chat}'s updates were handled out of order"
        replies_again += len(texts) - 3
    # Replies go at least once: one that went out as the process died is sent again from the kept replies,
    # so a chat whose replies were being sent then may see them twice, never more.
    assert replies_again <= 2 * len(chats) and all(len(fake.sent_texts(chat)) <= 5 for chat in chats)
    figures = {"database": database_url.split(":")[0], "chats": len(chats), "updates": updates,
               "replies_before_the_kill": sum(answered_before.values()), "handled": len(handled), "lost": lost,
               "duplicated": duplicated, "replies_sent_again": replies_again}
    print("reliability-figures", json.dumps(figures))
