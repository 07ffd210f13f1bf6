"""The outbox dispatcher: sends what the bot starts on its own, with retries, backoff, rate limits and
WhatsApp's 24-hour window, and records how each message ended."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import random
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.channels.base import (
    ContactUnreachable,
    NeedsTemplate,
    Outbound,
    PermanentFailure,
    RetryLater,
    SendFailed,
    urn_scheme,
)
from storage.crypto import ContactCipher
from storage.models import Contact, Outbox, OutboxState, utcnow
from storage.outbox import claim_due

log = logging.getLogger(__name__)

WHATSAPP_WINDOW = dt.timedelta(hours=24)
TEMPLATE_VARIABLE_CHARS = 900  # a template's text with its variables must stay within 1,024


class Sender(Protocol):
    async def send(self, message: Outbound) -> str | None: ...


class TemplateSender(Sender, Protocol):
    async def send_template(self, urn: str, content_sid: str, variables: Mapping[str, str]) -> str: ...


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 8
    first_delay: float = 2.0
    max_delay: float = 15 * 60.0
    lease: dt.timedelta = dt.timedelta(minutes=2)

    def delay(self, attempt: int, asked: float | None) -> dt.timedelta:
        """The provider's own delay when it gave one; otherwise exponential backoff with full jitter,
        so that many failed rows do not all come back at the same moment."""
        if asked is not None:
            return dt.timedelta(seconds=asked)
        ceiling = min(self.max_delay, self.first_delay * 2 ** (attempt - 1))
        return dt.timedelta(seconds=random.uniform(ceiling / 2, ceiling))


class RateLimit:
    """At most `per_second` sends on one channel: spaced evenly, never bursting over the provider's limit."""

    def __init__(self, per_second: float) -> None:
        self.interval = 1.0 / per_second
        self._next = 0.0

    async def wait(self) -> None:
        loop = asyncio.get_running_loop()
        now = loop.time()
        wait = self._next - now
        self._next = max(now, self._next) + self.interval
        if wait > 0:
            await asyncio.sleep(wait)


class Dispatcher:
    def __init__(self, sessions: async_sessionmaker[AsyncSession], cipher: ContactCipher,
                 senders: Mapping[str, Sender], *, templates: Mapping[str, str] | None = None,
                 per_second: Mapping[str, float] | None = None, policy: RetryPolicy = RetryPolicy(),
                 batch: int = 50, on_unreachable: Callable[[str], Awaitable[None]] | None = None) -> None:
        self.sessions, self.cipher, self.senders = sessions, cipher, dict(senders)
        self.templates = dict(templates or {})
        self.limits = {name: RateLimit(rate) for name, rate in (per_second or {}).items()}
        self.policy, self.batch = policy, batch
        self.on_unreachable = on_unreachable

    async def run(self, stop: asyncio.Event, idle_seconds: float = 1.0) -> None:
        """Sends until `stop` is set; sleeps between empty rounds."""
        while not stop.is_set():
            try:
                sent = await self.run_once()
            except Exception:
                log.exception("outbox round failed")
                sent = 0
            if not sent:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), idle_seconds)

    async def run_once(self) -> int:
        """Sends every row that is due now; returns how many were tried."""
        now = utcnow()
        async with self.sessions() as db, db.begin():
            rows = await claim_due(db, now, self.batch, self.policy.lease)
            work = [(row.id, row.kind, row.payload, row.attempts, row.contact_id) for row in rows]
        for row_id, kind, payload, attempts, contact_id in work:
            await self._send_one(row_id, kind, payload, attempts, contact_id)
        return len(work)

    async def _send_one(self, row_id: int, kind: str, payload: dict, attempts: int, contact_id: int) -> None:
        async with self.sessions() as db:
            contact = await db.get(Contact, contact_id)
        if contact is None:
            return await self._finish(row_id, OutboxState.FAILED, "contact erased")
        if contact.opted_out or contact.unreachable:
            return await self._finish(row_id, OutboxState.FAILED, "opted out" if contact.opted_out else "unreachable")
        urn = self.cipher.decrypt(contact.urn_encrypted)
        channel = urn_scheme(urn)
        sender = self.senders.get(channel)
        if sender is None:
            return await self._finish(row_id, OutboxState.FAILED, f"no {channel} channel configured")
        message = Outbound(urn, payload["text"])
        try:
            if channel in self.limits:
                await self.limits[channel].wait()
            if channel == "whatsapp" and not _in_window(contact):
                sid = await self._send_template(sender, kind, urn, payload)  # type: ignore[arg-type]
            else:
                try:
                    sid = await sender.send(message)
                except NeedsTemplate:
                    sid = await self._send_template(sender, kind, urn, payload)  # type: ignore[arg-type]
        except RetryLater as failure:
            if attempts >= self.policy.max_attempts:
                return await self._finish(row_id, OutboxState.FAILED, f"gave up after {attempts} attempts: {failure}")
            return await self._retry(row_id, self.policy.delay(attempts, failure.delay), str(failure))
        except NeedsTemplate as failure:
            log.warning("outbox %s: no WhatsApp template configured for %s messages; not sent", row_id, kind)
            return await self._finish(row_id, OutboxState.NEEDS_TEMPLATE, str(failure))
        except ContactUnreachable as failure:
            if self.on_unreachable is not None:
                await self.on_unreachable(urn)
            return await self._finish(row_id, OutboxState.FAILED, f"unreachable: {failure}")
        except (PermanentFailure, SendFailed) as failure:
            return await self._finish(row_id, OutboxState.FAILED, str(failure))
        await self._finish(row_id, OutboxState.SENT, None, sid)

    async def _send_template(self, sender: TemplateSender, kind: str, urn: str, payload: dict) -> str:
        content_sid = self.templates.get(kind)
        if not content_sid:
            raise NeedsTemplate(f"no template for {kind}")
        variables = payload.get("variables") or {"1": _shorten(payload["text"], TEMPLATE_VARIABLE_CHARS)}
        return await sender.send_template(urn, content_sid, variables)

    async def _retry(self, row_id: int, delay: dt.timedelta, reason: str) -> None:
        async with self.sessions() as db, db.begin():
            row = await db.get(Outbox, row_id)
            if row is not None:
                row.next_attempt_at, row.last_error = utcnow() + delay, reason

    async def _finish(self, row_id: int, state: OutboxState, reason: str | None, sid: str | None = None) -> None:
        async with self.sessions() as db, db.begin():
            row = await db.get(Outbox, row_id)
            if row is None:
                return
            row.state, row.last_error = state, reason
            if state == OutboxState.SENT:
                row.provider_message_id, row.sent_at = sid, utcnow()


def _in_window(contact: Contact) -> bool:
    return contact.last_inbound_at is not None and utcnow() - contact.last_inbound_at < WHATSAPP_WINDOW


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
