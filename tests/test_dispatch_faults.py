"""Alerts through a WhatsApp API that fails one call in five: 500s, 429s with Retry-After, pages that are
no JSON, and stalls past the client's time limit after the message was taken. The real dispatcher and
the real twilio client talk over HTTP on 127.0.0.1 to the fake API, which counts what it receives.
Every alert arrives, the rate limit holds as the provider sees it, and retries back off.

`make test` sends a few hundred alerts; `make reliability` sets RELIABILITY_ALERTS (10,000).
"""

from __future__ import annotations

import itertools
import json
import os
from collections import Counter, defaultdict

import pytest
from sqlalchemy import func, select

from bot.channels.whatsapp import WhatsAppChannel
from bot.outbox import Dispatcher, RetryPolicy
from handlers.engine import Engine
from storage.models import Outbox, OutboxState, utcnow
from storage.outbox import enqueue
from tests.dispatching import busiest_second, send_all
from tests.fake_twilio import ACCOUNT_SID, AUTH_TOKEN, SENDER, FakeTwilioAPI
from tests.test_whatsapp import contact_of

pytestmark = pytest.mark.slow

ALERTS = int(os.environ.get("RELIABILITY_ALERTS", "300"))
RECIPIENTS = 50
RATE = 100.0  # messages a second the dispatcher may send on the channel
FAULT_RATE = 0.2
TIME_LIMIT = 0.5  # the client's limit on one call; a stall lasts longer
# The product's backoff, scaled down so that a run takes minutes; attempts as many as it takes to make
# giving up on a row at 20% faults a one-in-ten-million event.
POLICY = RetryPolicy(max_attempts=10, first_delay=0.2, max_delay=2.0)


async def test_alerts_through_a_failing_api_all_arrive_within_the_rate_without_a_storm(engine: Engine,
                                                                                       database_url: str) -> None:
    twilio = FakeTwilioAPI()
    await twilio.start()
    channel = WhatsAppChannel(ACCOUNT_SID, AUTH_TOKEN, SENDER, api_base_url=twilio.base_url,
                              send_timeout=TIME_LIMIT, per_second=RATE)
    try:
        recipients = [await contact_of(engine, f"whatsapp:+62813{n:07d}") for n in range(RECIPIENTS)]
        async with engine.sessions() as db, db.begin():
            for n, contact_id in zip(range(ALERTS), itertools.cycle(recipients), strict=False):
                await enqueue(db, kind="officer_alert", contact_id=contact_id, payload={"text": f"alert {n}"},
                              idempotency_key=f"alert:{n}", at=utcnow())
        twilio.messages.clear()
        twilio.request_times.clear()
        twilio.inject_faults(FAULT_RATE, stall_seconds=TIME_LIMIT * 2)
        dispatcher = Dispatcher(engine.sessions, engine.cipher, {"whatsapp": channel}, policy=POLICY)
        # A second an alert: far more than it takes, less than for ever.
        await send_all(dispatcher, engine.sessions, seconds=ALERTS, idle_seconds=0.05)
    finally:
        await channel.close()
        await twilio.stop()

    async with engine.sessions() as db:
        states = Counter((await db.execute(select(Outbox.state).where(Outbox.kind == "officer_alert"))).scalars())
        most_attempts = (await db.execute(select(func.max(Outbox.attempts)))).scalar_one()
    taken = Counter(m["Body"] for m in twilio.messages if "_sid" in m)  # what the provider accepted
    assert states == {OutboxState.SENT: ALERTS}, states
    assert set(taken) == {f"alert {n}" for n in range(ALERTS)}, "every alert arrived"
    duplicates = sum(taken.values()) - ALERTS
    stalled = {m["Body"] for m, at in zip(twilio.messages, twilio.request_times, strict=True) if m.get("_stalled")}
    assert duplicates == twilio.faults["stall"] and {b for b, n in taken.items() if n > 1} <= stalled, (
        "a message goes twice only when its answer never came")

    busiest = busiest_second(twilio.request_times)
    assert busiest <= RATE + 1, f"{busiest} calls within one second"  # +1: loopback varies by milliseconds
    assert busiest >= RATE * 0.5, "the pace came near the limit: the test did test it"

    attempts: dict[str, list[float]] = defaultdict(list)
    for message, at in zip(twilio.messages, twilio.request_times, strict=True):
        attempts[message["Body"]].append(at)
    gaps = [later - earlier for tries in attempts.values() for earlier, later in itertools.pairwise(tries)]
    assert min(gaps, default=1.0) >= POLICY.first_delay / 2 * 0.9, "a failed send waits before it is tried again"
    figures = {"database": database_url.split(":")[0], "alerts": ALERTS, "requests": len(twilio.request_times),
               "faults": dict(twilio.faults), "delivered": len(taken),
               "duplicates": duplicates, "lost": ALERTS - len(taken), "rate_limit": RATE,
               "busiest_second": busiest, "most_attempts": most_attempts}
    print("reliability-figures", json.dumps(figures))

