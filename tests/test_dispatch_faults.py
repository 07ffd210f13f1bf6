"""Alerts through a provider API that fails one call in five: 500s, 429s asking to wait, pages that are
no JSON, and stalls past the client's time limit after the message was taken. The real dispatcher and
the real twilio and python-telegram-bot clients talk over HTTP on 127.0.0.1 to the fake APIs, which
count what they receive. Every alert arrives, the pace the dispatcher keeps never puts more calls in a
second than the limit, and retries back off. What is asserted is what the code decided (when the pace let
each call start, when a row was due again), never how fast a loaded machine got through.

`make test` sends a few dozen alerts on each channel, the slow lane a few hundred; `make reliability` sets
RELIABILITY_ALERTS and RELIABILITY_TELEGRAM_ALERTS (10,000 each; at Telegram's pace of 25 a second that
takes some 7 minutes a database).
"""

from __future__ import annotations

import contextlib
import itertools
import json
import logging
import os
from collections import Counter, defaultdict
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

import pytest
from sqlalchemy import func, select
from telegram import Bot
from telegram.request import HTTPXRequest

from bot.channels import telegram as telegram_channel
from bot.channels.base import Call, RateLimit
from bot.channels.telegram import TelegramChannel
from bot.channels.whatsapp import WhatsAppChannel
from bot.outbox import CONCURRENT_CONTACTS, Dispatcher, RetryPolicy, Sender
from handlers.engine import Engine
from harness.dispatching import busiest_second, send_all
from harness.fake_telegram import TOKEN, FakeBotAPI
from harness.fake_twilio import ACCOUNT_SID, AUTH_TOKEN, SENDER, FakeTwilioAPI
from harness.loopback import FaultyAPI
from storage.models import Outbox, OutboxState, utcnow
from storage.outbox import enqueue
from tests.helpers import contact_of

pytestmark = pytest.mark.sized

RECIPIENTS = 50
WHATSAPP_RATE = 50.0  # messages a second the WhatsApp channel may send: low enough that eight senders reach it
# Telegram lets a bot send about 30 messages a second; Lapor keeps to 25, leaving the rest for the jitter
# of the way there (here the fake shares the event loop with the dispatcher, which bunches arrivals).
TELEGRAM_LIMIT = 30
FAULT_RATE = 0.2
TIME_LIMIT = 1.5  # the client's limit on one call, above a loaded machine's slowest answer; a stall lasts longer
# The product's backoff, scaled down so that a run takes minutes; attempts as many as it takes to make
# giving up on a row at 20% faults a one-in-ten-million event.
POLICY = RetryPolicy(max_attempts=10, first_delay=0.2, max_delay=2.0)


@dataclass
class Provider:
    """A fake API that fails on purpose, the real channel that talks to it, and the pace it keeps."""

    name: str
    api: FaultyAPI
    channel: Sender
    alerts: int
    rate: float  # the pace we keep
    provider_limit: float  # what the provider allows: our pace, give or take loopback's jitter, stays within it
    address: Callable[[int], str]  # the n-th recipient's address
    sends: Callable[[], list[Send]]  # every send that reached the API, in order


@dataclass(frozen=True)
class Send:
    body: str
    taken: bool  # the provider took the message (stalled or not)
    stalled: bool


@pytest.fixture(params=["whatsapp", "telegram"])
async def provider(request: pytest.FixtureRequest) -> AsyncIterator[Provider]:
    if request.param == "whatsapp":
        twilio = FakeTwilioAPI()
        await twilio.start()
        channel = WhatsAppChannel(ACCOUNT_SID, AUTH_TOKEN, SENDER, api_base_url=twilio.base_url,
                                  send_timeout=TIME_LIMIT, per_second=WHATSAPP_RATE)
        yield Provider("whatsapp", twilio, channel, int(os.environ.get("RELIABILITY_ALERTS", "60")),
                       WHATSAPP_RATE, WHATSAPP_RATE + 1, lambda n: f"whatsapp:+62813{n:07d}",
                       lambda: [Send(m["Body"], "_sid" in m, "_stalled" in m) for m in twilio.messages])
        await channel.close()
        await twilio.stop()
        return
    telegram = FakeBotAPI()
    await telegram.start()
    bot = Bot(TOKEN, base_url=telegram.base_url,
              request=HTTPXRequest(connection_pool_size=2 * CONCURRENT_CONTACTS, read_timeout=TIME_LIMIT))
    await bot.initialize()
    yield Provider("telegram", telegram, TelegramChannel(bot),
                   int(os.environ.get("RELIABILITY_TELEGRAM_ALERTS", "40")), telegram_channel.PER_SECOND,
                   TELEGRAM_LIMIT,
                   lambda n: f"telegram:{700000 + n}",
                   lambda: [Send(p["text"], not p.get("_failed"), "_stalled" in p)
                            for p in telegram.calls_to("sendMessage")])
    await bot.shutdown()
    await telegram.stop()


@pytest.fixture
def paces(monkeypatch: pytest.MonkeyPatch) -> dict[RateLimit, list[Call]]:
    """The calls each pace (a RateLimit) let start, with their start and answer on the event loop's clock it
    counts by: what the code decided, which a loaded machine cannot blur as it blurs the times the calls
    reach the provider."""
    made: dict[RateLimit, list[Call]] = defaultdict(list)
    call = RateLimit.call

    @contextlib.asynccontextmanager
    async def noted_call(limit: RateLimit) -> AsyncIterator[Call]:
        async with call(limit) as started:
            made[limit].append(started)
            yield started

    monkeypatch.setattr(RateLimit, "call", noted_call)
    return made


async def test_alerts_through_a_failing_api_all_arrive_within_the_rate_without_a_storm(
        engine: Engine, database_url: str, provider: Provider, paces: dict[RateLimit, list[Call]],
        caplog: pytest.LogCaptureFixture) -> None:
    alerts, rate, api = provider.alerts, provider.rate, provider.api
    recipients = [await contact_of(engine, provider.address(n)) for n in range(RECIPIENTS)]
    async with engine.sessions() as db, db.begin():
        for n, contact_id in zip(range(alerts), itertools.cycle(recipients), strict=False):
            await enqueue(db, engine.cipher, kind="officer_alert", contact_id=contact_id,
                          payload={"text": f"alert {n}"}, idempotency_key=f"alert:{n}", at=utcnow())
    api.inject_faults(FAULT_RATE, stall_seconds=TIME_LIMIT * 2)
    dispatcher = Dispatcher(engine.sessions, engine.cipher, {provider.name: provider.channel}, policy=POLICY,
                            per_second={"telegram": telegram_channel.PER_SECOND})
    # Far more than it takes, even on a loaded machine; less than for ever.
    await send_all(dispatcher, engine.sessions, seconds=120 + 2 * alerts, idle_seconds=0.05)

    async with engine.sessions() as db:
        states = Counter((await db.execute(select(Outbox.state).where(Outbox.kind == "officer_alert"))).scalars())
        most_attempts = (await db.execute(select(func.max(Outbox.attempts)))).scalar_one()
    sends = provider.sends()
    assert len(sends) == len(api.request_times)
    taken = Counter(send.body for send in sends if send.taken)
    assert states == {OutboxState.SENT: alerts}, states
    assert set(taken) == {f"alert {n}" for n in range(alerts)}, "every alert arrived"
    duplicates = sum(taken.values()) - alerts
    stalled = {send.body for send in sends if send.stalled}
    assert duplicates == api.faults["stall"] and {b for b, n in taken.items() if n > 1} <= stalled, (
        "a message goes twice only when its answer never came")

    unexpected = [r.getMessage() for r in caplog.records if r.name == "bot.outbox" and r.levelno >= logging.ERROR]
    assert unexpected == [], "every fault is one the channel knows and types"
    # A call let start may end before it reaches the provider (the client's own time limit, on a loaded machine);
    # none reaches it unpaced.
    assert len(api.request_times) <= sum(map(len, paces.values())), "every call to the provider went through a pace"
    for limit, made in paces.items():
        starts = [call.started for call in made]
        assert busiest_second(starts) <= limit.calls, f"the pace let {busiest_second(starts)} calls start in a second"
        # As the provider counts them, wherever between its start and its answer it saw each call.
        assert all(later.started >= earlier.counted(limit.window) + limit.window
                   for earlier, later in zip(made, made[limit.calls:], strict=False))
    busiest = busiest_second(api.request_times)  # as the provider saw them: reported, a loaded machine bunches them

    attempts: dict[str, list[tuple[float, str | None]]] = defaultdict(list)
    for send, at, fault in zip(sends, api.request_times, api.drawn, strict=True):
        attempts[send.body].append((at, fault))
    # Lower bounds: a loaded machine only makes a wait longer. A first failure goes again at once, unless the
    # provider asked for a wait (its 429s ask for a second); a second failure waits.
    asked = [later - at for tries in attempts.values()
             for (at, fault), (later, _) in itertools.pairwise(tries) if fault == "429"]
    assert asked and min(asked) >= 1.0 * 0.99, "the provider's Retry-After is kept"
    again = [later - at for tries in attempts.values() for (at, fault), (later, _) in itertools.pairwise(tries[1:])
             if fault != "429"]
    assert min(again, default=1.0) >= POLICY.first_delay / 2 * 0.99, "a send that failed twice waits"
    figures = {"database": database_url.split(":")[0], "channel": provider.name, "alerts": alerts,
               "requests": len(api.request_times), "faults": dict(api.faults), "delivered": len(taken),
               "duplicates": duplicates, "lost": alerts - len(taken), "rate_limit": rate,
               "provider_limit": provider.provider_limit,
               "busiest_second": busiest, "most_attempts": most_attempts}
    print("reliability-figures", json.dumps(figures))

