"""A crash in the middle of sending: `lapor serve`, a real process on 127.0.0.1, sends officers' alerts
through a WhatsApp API that is slow to answer, and is killed with SIGKILL half-way, then started again.
Every alert arrives. A message goes twice only when the provider took it and the answer died with the
process before it recorded the send: the duplicates are exactly those, never more than the dispatcher had
in flight. Afterwards no
recipient's number is in clear in the database, its file or the service's log.

The slow lane (`make test-all`) sends a hundred alerts; `make reliability` sets RELIABILITY_DISPATCH_ALERTS
(1,000).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import signal
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.outbox import CONCURRENT_CONTACTS
from handlers.engine import Engine
from harness.fake_twilio import FakeTwilioAPI
from harness.serve_process import free_port, start_serve, wait_until_healthy
from storage.models import Outbox, OutboxState, utcnow
from storage.outbox import enqueue, open_payload
from tests.helpers import assert_no_address_in_clear, contact_of

pytestmark = pytest.mark.slow

ALERTS = int(os.environ.get("RELIABILITY_DISPATCH_ALERTS", "100"))
RECIPIENTS = 20
RATE = 50  # WHATSAPP_PER_SECOND
LEASE = 30  # OUTBOX_LEASE_SECONDS, the shortest allowed: rows the dead process held go after it
ANSWER_DELAY = 0.2  # the provider's time to answer, so that sends are in flight when the process dies


async def test_a_crash_while_sending_loses_no_alert_and_repeats_only_those_in_flight(
        tmp_path: Path, database_url: str, engine: Engine) -> None:
    recipients = [await contact_of(engine, address(n)) for n in range(RECIPIENTS)]
    async with engine.sessions() as db, db.begin():
        for n, contact_id in zip(range(ALERTS), itertools.cycle(recipients), strict=False):
            await enqueue(db, engine.cipher, kind="officer_alert", contact_id=contact_id,
                          payload={"text": f"alert {n}"}, idempotency_key=f"alert:{n}", at=utcnow())
    twilio = FakeTwilioAPI()
    twilio.answer_delay = ANSWER_DELAY
    await twilio.start()
    port = free_port()
    # The service logs all it may: the log is read for addresses in clear afterwards.
    settings = {"WHATSAPP_PER_SECOND": str(RATE), "OUTBOX_LEASE_SECONDS": str(LEASE), "LOG_LEVEL": "DEBUG"}
    server = start_serve(tmp_path, database_url, twilio.base_url, port, **settings)
    try:
        await wait_until_healthy(port, server)
        async with asyncio.timeout(300 + ALERTS / RATE * 4):  # a deadline, not a pace: generous under load
            while len(taken(twilio)) < ALERTS // 2 or not twilio.unanswered:
                assert server.poll() is None, "lapor serve died on its own"
                await asyncio.sleep(0.005)
        server.send_signal(signal.SIGKILL)
        server.wait()
        in_flight = set(twilio.unanswered)
        before = Counter(taken(twilio))
        unrecorded = set(before) & await still_pending(engine)  # the provider took them; the process never knew
        restarted_at = time.monotonic()
        server = start_serve(tmp_path, database_url, twilio.base_url, port, **settings)
        await wait_until_healthy(port, server)
        async with asyncio.timeout(300 + LEASE + ALERTS / RATE * 4):
            while await unsent(engine):
                assert server.poll() is None, "lapor serve died on its own"
                await asyncio.sleep(0.2)
        finished_in = time.monotonic() - restarted_at
    finally:
        server.kill()
        server.wait()
        await twilio.stop()

    assert 0 < sum(before.values()) < ALERTS and in_flight, "killed amid the sending, with sends in flight"
    arrived = Counter(taken(twilio))
    assert set(arrived) == {f"alert {n}" for n in range(ALERTS)}, "every alert arrived"
    duplicated = {body for body, count in arrived.items() if count > 1}
    assert all(arrived[body] == 2 for body in duplicated), "a message goes at most once more"
    assert in_flight <= unrecorded, "a send in flight was not recorded"
    assert duplicated == unrecorded, "what went twice is exactly what the provider took and the process never recorded"
    assert len(duplicated) <= CONCURRENT_CONTACTS, "no more than the dispatcher had in flight"
    async with engine.sessions() as db:
        states = Counter((await db.execute(select(Outbox.state))).scalars())
    assert states == {OutboxState.SENT: ALERTS}, states
    await assert_no_address_in_clear(engine, database_url, map(address, range(RECIPIENTS)),
                                     logs=[tmp_path / "serve.log"])
    figures = {"database": database_url.split(":")[0], "alerts": ALERTS, "rate_limit": RATE, "lease_s": LEASE,
               "sent_before_the_crash": sum(before.values()), "in_flight_at_the_crash": len(in_flight),
               "taken_but_unrecorded_at_the_crash": len(unrecorded),
               "delivered": len(arrived), "lost": ALERTS - len(arrived), "duplicates": len(duplicated),
               "seconds_from_restart_to_all_sent": round(finished_in, 1)}
    print("reliability-figures", json.dumps(figures))


def address(number: int) -> str:
    return f"whatsapp:+62812{number:07d}"


def taken(twilio: FakeTwilioAPI) -> list[str]:
    """The bodies of the messages the provider took, in order, copies included."""
    return [m["Body"] for m in twilio.messages if "_sid" in m]


async def still_pending(engine: Engine) -> set[str]:
    """The texts of the messages not yet recorded as sent."""
    async with engine.sessions() as db:
        pending = (await db.execute(select(Outbox).where(Outbox.state == OutboxState.PENDING))).scalars()
        return {open_payload(engine.cipher, row)["text"] for row in pending}


async def unsent(engine: Engine) -> int:
    return len(await still_pending(engine))
