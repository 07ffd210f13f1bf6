"""The outbox: messages the bot starts on its own, written with the change that caused them and sent
later by one dispatcher. Each row moves pending → sent → delivered → read, or ends failed or
needs_template."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import dialect_insert
from storage.models import Contact, Outbox, OutboxState, utcnow

# Delivery callbacks arrive out of order: a row only moves forward.
_RANK = {OutboxState.PENDING: 0, OutboxState.SENT: 1, OutboxState.DELIVERED: 2, OutboxState.READ: 3}
# Twilio's MessageStatus values and what each means here.
PROVIDER_STATUS = {
    "accepted": OutboxState.SENT, "queued": OutboxState.SENT, "sending": OutboxState.SENT,
    "sent": OutboxState.SENT, "delivered": OutboxState.DELIVERED, "read": OutboxState.READ,
    "failed": OutboxState.FAILED, "undelivered": OutboxState.FAILED, "canceled": OutboxState.FAILED,
}


async def enqueue(db: AsyncSession, *, kind: str, contact_id: int, payload: dict[str, Any],
                  idempotency_key: str, at: dt.datetime, priority: int = 1, report_id: int | None = None) -> bool:
    """Adds a message to send; False when one with this key is already there (it is never queued twice)."""
    stmt = (
        dialect_insert(db, Outbox)
        .values(kind=kind, contact_id=contact_id, payload=payload, idempotency_key=idempotency_key,
                state=OutboxState.PENDING, attempts=0, next_attempt_at=at, created_at=at, priority=priority,
                report_id=report_id)
        .on_conflict_do_nothing(index_elements=["idempotency_key"])
        .returning(Outbox.id)
    )
    return (await db.execute(stmt)).scalar_one_or_none() is not None


async def claim_due(db: AsyncSession, now: dt.datetime, limit: int, lease: dt.timedelta,
                    urn_hash: str | None = None) -> list[Outbox]:
    """Takes up to `limit` due rows for sending (only those to the contact `urn_hash`, when given). Each is
    leased: should this process die while sending, the row comes due again when the lease ends (so a
    message may go twice, never zero times)."""
    query = select(Outbox).where(*_pending(urn_hash), Outbox.next_attempt_at <= now)
    rows = list((await db.execute(
        query.order_by(Outbox.priority, Outbox.next_attempt_at, Outbox.id).limit(limit)
        .with_for_update(skip_locked=True)
    )).scalars())
    for row in rows:
        row.attempts += 1
        row.next_attempt_at = now + lease
    return rows


async def next_due(db: AsyncSession, urn_hash: str | None = None) -> dt.datetime | None:
    """When the earliest row waiting to be sent comes due (only rows to the contact `urn_hash`, when given)."""
    return (await db.execute(select(func.min(Outbox.next_attempt_at)).where(*_pending(urn_hash)))).scalar_one()


def _pending(urn_hash: str | None) -> list[ColumnElement[bool]]:
    conditions = [Outbox.state == OutboxState.PENDING]
    if urn_hash is not None:
        conditions.append(Outbox.contact_id.in_(select(Contact.id).where(Contact.urn_hash == urn_hash)))
    return conditions


async def record_delivery(db: AsyncSession, provider_message_id: str, status: str, error_code: str | None, *,
                          retry_as_template: bool = False, unreachable: bool = False,
                          at: dt.datetime | None = None) -> bool:
    """Applies a provider's delivery callback; False when no row has that message id.

    A failure may say how to go on: `retry_as_template` queues the message again to go as a template
    (the conversation window had closed); `unreachable` marks the contact so nothing more is sent.
    """
    row = (await db.execute(
        select(Outbox).where(Outbox.provider_message_id == provider_message_id).with_for_update()
    )).scalar_one_or_none()
    if row is None:
        return False
    state = PROVIDER_STATUS[status]
    if state == OutboxState.FAILED:
        if row.state in (OutboxState.READ, OutboxState.DELIVERED, OutboxState.FAILED):
            return True  # late, or already handled
        if retry_as_template and not row.payload.get("as_template"):
            row.payload = {**row.payload, "as_template": True}
            row.state, row.next_attempt_at, row.provider_message_id = OutboxState.PENDING, at or utcnow(), None
            row.last_error = f"provider {status}: error {error_code}; again as a template"
            return True
        row.state, row.last_error = state, f"provider {status}: error {error_code or 'unknown'}"
        if unreachable:
            await db.execute(update(Contact).where(Contact.id == row.contact_id).values(unreachable=True))
    elif row.state in _RANK and _RANK[state] > _RANK[row.state]:
        row.state = state
    return True


async def latest_sent(db: AsyncSession, contact_id: int, kinds: tuple[str, ...]) -> Outbox | None:
    """The newest message of these kinds that went out to the contact."""
    return (await db.execute(
        select(Outbox).where(Outbox.contact_id == contact_id, Outbox.kind.in_(kinds), Outbox.sent_at.is_not(None))
        .order_by(Outbox.sent_at.desc(), Outbox.id.desc()).limit(1)
    )).scalar_one_or_none()


async def list_outbox(db: AsyncSession, state: OutboxState | None = None, limit: int = 200) -> list[Outbox]:
    """The newest rows first, of one state when given."""
    query = select(Outbox).order_by(Outbox.id.desc()).limit(limit)
    if state is not None:
        query = query.where(Outbox.state == state)
    return list((await db.execute(query)).scalars())


async def retry(db: AsyncSession, row_id: int, now: dt.datetime) -> bool:
    """Sends a failed (or template-less) row again from its first attempt; False when there is no such row
    or it did not fail."""
    row = await db.get(Outbox, row_id, with_for_update=True)
    if row is None or row.state not in (OutboxState.FAILED, OutboxState.NEEDS_TEMPLATE):
        return False
    row.state, row.attempts, row.next_attempt_at, row.provider_message_id = OutboxState.PENDING, 0, now, None
    row.last_error = f"{row.last_error} (sent again by hand)" if row.last_error else None
    return True
