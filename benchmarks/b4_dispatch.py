"""B4 — dispatch: alerts through the real outbox dispatcher and the real WhatsApp channel (the twilio
client), over HTTP on 127.0.0.1 to the fake Twilio API, which fails some calls. The limit is the
channel's own (its per_second), not one the benchmark adds; the API's clock says whether it was ever
exceeded."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import multiprocessing
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from bot.channels.whatsapp import WhatsAppChannel
from bot.outbox import Dispatcher
from harness.dispatching import busiest_second, send_all
from harness.fake_twilio import ACCOUNT_SID, AUTH_TOKEN, SENDER, FakeTwilioAPI
from storage import db as database
from storage.contacts import lock_conversation
from storage.crypto import ContactCipher
from storage.models import Outbox, utcnow
from storage.outbox import enqueue

RATE = 200.0  # messages a second on the channel: 10,000 alerts take about 50 seconds
RECIPIENTS = 100  # duty officers
FAULT_RATE = 0.05
# Error answers: a 500, a 429 with Retry-After 1, a page that is no JSON. Stalls (no answer until the
# client's 10-second time limit) are left out: each would hold its round of 50 for those 10 seconds, and
# the run would measure the time limit rather than the pace.
FAULT_KINDS = ("500", "429", "garbage")
ALERT = ("LAPORAN BARU LP-{n:04d}-0001 (mendesak)\nKategori: pencurian kendaraan\nLokasi: Gedog, Sananwetan, "
         "Kota Blitar\nKejadian: motor dicuri di depan pasar, pelaku dua orang\nBalas 1 untuk Terima, 2 Proses.")


def run(bench_database_url: str | None, quick: bool = False) -> dict[str, Any]:
    """On a fresh SQLite file, the service's default database; PostgreSQL is B1's and B3's business."""
    alerts = 300 if quick else 10_000
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite+aiosqlite:///{Path(folder) / 'lapor.db'}"
        database.upgrade(url)
        figures = asyncio.run(_dispatch(url, alerts))
    return {"parameters": {"alerts": alerts, "recipients": RECIPIENTS, "fault_rate": FAULT_RATE,
                           "fault_kinds": list(FAULT_KINDS), "database": "sqlite",
                           "retry_policy": "the product's (a 429 after its Retry-After, other failures at once "
                                           "the first time, then after 1-2 s)"}} | figures


async def _dispatch(url: str, alerts: int) -> dict[str, Any]:
    db_engine = database.create_engine(url)
    sessions = database.session_factory(db_engine)
    cipher = ContactCipher("benchmark-secret-key")
    async with sessions() as db, db.begin():
        recipients = []
        for n in range(RECIPIENTS):
            contact = (await lock_conversation(db, cipher, f"whatsapp:+62813{n:07d}", "whatsapp", utcnow())).contact
            contact.last_inbound_at = utcnow()  # inside WhatsApp's window: free text, no template
            recipients.append(contact.id)
        await db.flush()
        for n, contact_id in zip(range(alerts), itertools.cycle(recipients), strict=False):
            await enqueue(db, cipher, kind="officer_alert", contact_id=contact_id, payload={"text": ALERT.format(n=n)},
                          idempotency_key=f"alert:{n}", at=utcnow())
    with _ApiProcess() as api:
        channel = WhatsAppChannel(ACCOUNT_SID, AUTH_TOKEN, SENDER, api_base_url=api.base_url, per_second=RATE)
        dispatcher = Dispatcher(sessions, cipher, {"whatsapp": channel})
        started = time.monotonic()
        try:
            with _counting_errors("bot.outbox") as errors_logged:
                await send_all(dispatcher, sessions, seconds=60 + 4 * alerts / RATE)
        finally:
            await channel.close()
        print(f"  {alerts} alerts sent in {time.monotonic() - started:.1f} s", file=sys.stderr)
        seen = api.seen()
    async with sessions() as db:
        states = Counter((await db.execute(select(Outbox.state))).scalars())
        most_attempts = (await db.execute(select(func.max(Outbox.attempts)))).scalar_one()
    await db_engine.dispose()

    times, taken = seen["request_times"], Counter(seen["taken"])
    elapsed = max(times) - min(times)
    busiest = busiest_second(times)
    return {
        "rate_limit": RATE,
        "achieved_per_s": round(len(taken) / elapsed, 1),
        "rate_ratio": round(len(taken) / elapsed / RATE, 3),
        "exceeded": busiest > RATE,
        "busiest_second": busiest,
        "calls_per_s": round(len(times) / elapsed, 1),
        # What the limit is about: every call the provider saw in the run, failed ones too, against the limit.
        "calls_ratio": round(len(times) / elapsed / RATE, 3),
        "elapsed_s": round(elapsed, 2),
        "attempts": len(times),
        "failures_injected": seen["faults"],
        "delivered": len(taken),
        "duplicates": sum(taken.values()) - len(taken),
        "not_sent": alerts - len(taken),
        "states": {state.value: count for state, count in states.items()},
        "most_attempts": most_attempts,
        "errors_logged": errors_logged[0],
    }


class _ApiProcess:
    """The fake Twilio API in a process of its own, as the real one is: in the dispatcher's process its
    request handling would take turns on the same event loop and make the pace look worse than it is."""

    def __enter__(self) -> _ApiProcess:
        context = multiprocessing.get_context("spawn")
        self._pipe, child_pipe = context.Pipe()
        self._process = context.Process(target=_serve_api, args=(child_pipe,), daemon=True)
        self._process.start()
        if not self._pipe.poll(30):
            raise RuntimeError("the fake Twilio API did not start")
        self.base_url: str = self._pipe.recv()
        return self

    def seen(self) -> dict[str, Any]:
        """What the API received: request times (its clock), the bodies it took, the faults it injected."""
        self._pipe.send("stop")
        if not self._pipe.poll(30):
            raise RuntimeError("the fake Twilio API did not answer")
        return self._pipe.recv()

    def __exit__(self, *_: object) -> None:
        self._process.join(10)
        if self._process.is_alive():
            self._process.kill()


def _serve_api(pipe: Connection) -> None:
    async def serve() -> None:
        twilio = FakeTwilioAPI()
        await twilio.start()
        twilio.inject_faults(FAULT_RATE, stall_seconds=0, kinds=FAULT_KINDS)
        pipe.send(twilio.base_url)
        await asyncio.to_thread(pipe.recv)  # until the dispatcher is done
        pipe.send({"request_times": twilio.request_times, "faults": dict(twilio.faults),
                   "taken": [m["Body"] for m in twilio.messages if "_sid" in m]})
        await twilio.stop()

    asyncio.run(serve())


@contextlib.contextmanager
def _counting_errors(name: str) -> Iterator[list[int]]:
    """Counts the errors a logger writes instead of printing them: each page that is no JSON logs a
    traceback, hundreds of them in a run."""
    logger, count = logging.getLogger(name), [0]

    def _count(record: logging.LogRecord) -> bool:
        count[0] += record.levelno >= logging.ERROR
        return False

    logger.addFilter(_count)
    try:
        yield count
    finally:
        logger.removeFilter(_count)
