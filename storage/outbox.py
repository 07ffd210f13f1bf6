"""The outbox: messages the bot starts on its own, written with the change that caused them and sent
later by one dispatcher. Each row moves pending → sent → delivered → read, or ends failed or
needs_template.

A row's payload is sealed with the contacts' key: an officer's alert names a named reporter and their number,
an answer relayed carries what the resident wrote. Only the flag `as_template` stays beside it in clear.
A row that names an anonymous report (`hourly`) holds every time as whole hours (`whole_hours`)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Collection
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Select, bindparam, delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from storage.crypto import ContactCipher
from storage.db import dialect_insert
from storage.models import (
    TO_OFFICERS,
    Contact,
    Officer,
    Outbox,
    OutboxKind,
    OutboxState,
    Report,
    utcnow,
    whole_hours,
)
from storage.workflow import UNACKNOWLEDGED

# Delivery callbacks arrive out of order: a row only moves forward.
_RANK = {OutboxState.PENDING: 0, OutboxState.SENT: 1, OutboxState.DELIVERED: 2, OutboxState.READ: 3}
# Twilio's MessageStatus values and what each means here.
PROVIDER_STATUS = {
    "accepted": OutboxState.SENT, "queued": OutboxState.SENT, "sending": OutboxState.SENT,
    "sent": OutboxState.SENT, "delivered": OutboxState.DELIVERED, "read": OutboxState.READ,
    "failed": OutboxState.FAILED, "undelivered": OutboxState.FAILED, "canceled": OutboxState.FAILED,
}


def seal(cipher: ContactCipher, payload: dict[str, Any]) -> dict[str, Any]:
    return {"sealed": cipher.encrypt(json.dumps(payload))}


def open_payload(cipher: ContactCipher, row: Outbox) -> dict[str, Any]:
    """What a row says, with its clear flags. A row queued before payloads were sealed is read as it is."""
    stored = dict(row.payload)
    sealed = stored.pop("sealed", None)
    return {**json.loads(cipher.decrypt(sealed)), **stored} if sealed is not None else stored


def row_time(row: Outbox | bool, moment: dt.datetime, now: dt.datetime | None = None) -> dt.datetime:
    """`moment` as `row` (or a row that is `hourly` or not) may hold it."""
    hourly = row if isinstance(row, bool) else row.hourly
    return whole_hours(moment, now or utcnow()) if hourly else moment


# Set in a session's `info` by enqueue, so that whoever commits it can wake the dispatcher (queued_in).
_QUEUED = "outbox_queued"
# Tries (claims) through which a row of a report holds back the later rows of that report to its contact: the
# first, and the one at once after a first failure; after that it goes on its backoff alone.
HOLDS_FOR_ATTEMPTS = 2


async def enqueue(db: AsyncSession, cipher: ContactCipher, *, kind: OutboxKind, contact_id: int,
                  payload: dict[str, Any], idempotency_key: str, at: dt.datetime, priority: int = 1,
                  report_id: int | None = None, hourly: bool = False) -> bool:
    """Adds a message to send; False when one with this key is already there (it is never queued twice).
    `hourly`: the row names an anonymous report, so it keeps its times to the hour. A row of the kinds TO_OFFICERS
    names the contact's officer (a chat has one active at most): claim_due drops it once they no longer are."""
    officer_id = select(Officer.id).where(Officer.contact_id == contact_id, Officer.active.is_(True)) \
        .scalar_subquery() if kind in TO_OFFICERS else None
    at = row_time(hourly, at, at)
    stmt = (
        dialect_insert(db, Outbox)
        .values(kind=kind, contact_id=contact_id, payload=seal(cipher, payload), idempotency_key=idempotency_key,
                state=OutboxState.PENDING, attempts=0, next_attempt_at=at, created_at=at, priority=priority,
                report_id=report_id, hourly=hourly, officer_id=officer_id)
        .on_conflict_do_nothing(index_elements=["idempotency_key"])
        .returning(Outbox.id)
    )
    queued = (await db.execute(stmt)).scalar_one_or_none() is not None
    if queued:
        db.info[_QUEUED] = True
    return queued


def queued_in(db: AsyncSession) -> bool:
    """Whether the session queued messages to send since it was last asked (see enqueue)."""
    return bool(db.info.pop(_QUEUED, False))


async def claim_due(db: AsyncSession, now: dt.datetime, limit: int, lease: dt.timedelta,
                    urn_hash: str | None = None, skip_channels: Collection[str] = ()) -> list[Outbox]:
    """Takes up to `limit` due rows for sending (only those to the contact `urn_hash`, when given; none to a
    contact on one of `skip_channels`). Each is leased: should this process die while sending, the row comes
    due again when the lease ends (so a message may go twice, never zero times)."""
    statement = _due_rows(urn_hash is not None, tuple(skip_channels))
    rows = list((await db.execute(statement, {"now": now, "limit": limit, **_to_one(urn_hash)})).scalars())
    if stale := await _no_longer_called_for(db, [row.id for row in rows if row.officer_id is not None]):
        await db.execute(delete(Outbox).where(Outbox.id.in_(stale)))
        rows = [row for row in rows if row.id not in stale]
    for row in rows:
        row.attempts += 1
        row.next_attempt_at = row_time(row, now + lease, now)
    return rows


async def drop_unsent_alerts(db: AsyncSession, report_id: int) -> None:
    """Drops the officers' alerts of a report never tried yet (its escalations too), once an officer has it: the
    others would read "BELUM DITANGGAPI" of a report a colleague took. A row tried before cannot be told apart here
    from one being sent now, which still goes: one waiting for a retry is dropped when it comes due (claim_due)."""
    await db.execute(delete(Outbox).where(Outbox.report_id == report_id, Outbox.kind == OutboxKind.OFFICER_ALERT,
                                          Outbox.state == OutboxState.PENDING, Outbox.attempts == 0))


_NO_LONGER_CALLED_FOR = (
    select(Outbox.id).join(Officer, Officer.id == Outbox.officer_id).outerjoin(Report, Report.id == Outbox.report_id)
    .where(Outbox.id.in_(bindparam("row_ids", expanding=True)),
           ~Officer.active
           | (Report.id.is_not(None) & (Report.station_id.is_(None) | (Report.station_id != Officer.station_id)))
           | ((Outbox.kind == OutboxKind.OFFICER_ALERT) & Report.status.not_in(UNACKNOWLEDGED)))
)


async def _no_longer_called_for(db: AsyncSession, row_ids: list[int]) -> set[int]:
    """Of these claimed rows written to officers, those that no longer go: their officer revoked (a chat enrolled
    again is another officer), their report sent on to another station, or, of an alert, its report taken or
    decided by then (a first try failed before a colleague took it, and this is its retry)."""
    if not row_ids:
        return set()
    return set((await db.execute(_NO_LONGER_CALLED_FOR, {"row_ids": row_ids})).scalars())


async def update_claimed(db: AsyncSession, row_id: int, attempts: int, /, **values: Any) -> bool:
    """Sets `values` on a row its claim still holds (pending, at the attempt claimed), in one statement; False
    when a later claim took it over or it is gone (its contact erased)."""
    result = await (await db.connection()).execute(
        update(Outbox).where(Outbox.id == row_id, Outbox.state == OutboxState.PENDING, Outbox.attempts == attempts)
        .values(**values))
    return bool(result.rowcount)


async def update_claimed_rows(db: AsyncSession, changes: list[tuple[int, int, dict[str, Any]]]) -> int | None:
    """As update_claimed for each (row id, attempts, values), in one statement run over all the rows that set
    the same columns; how many rows were changed, or None where the driver does not count them."""
    by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row_id, attempts, values in changes:
        by_columns.setdefault(tuple(sorted(values)), []).append(
            {"claimed_id": row_id, "claimed_attempts": attempts, **values})
    connection, changed = await db.connection(), 0
    for rows in by_columns.values():
        result = await connection.execute(
            update(Outbox).where(Outbox.id == bindparam("claimed_id"), Outbox.state == OutboxState.PENDING,
                                 Outbox.attempts == bindparam("claimed_attempts")), rows)
        if result.rowcount < 0:
            return None
        changed += result.rowcount
    return changed


async def contacts_by_id(db: AsyncSession, contact_ids: set[int]) -> dict[int, Contact]:
    """The contacts that claimed rows go to, read once for a round."""
    if not contact_ids:
        return {}
    return {contact.id: contact
            for contact in (await db.execute(select(Contact).where(Contact.id.in_(contact_ids)))).scalars()}


async def next_due(db: AsyncSession, urn_hash: str | None = None,
                   skip_channels: Collection[str] = ()) -> dt.datetime | None:
    """When the earliest row waiting to be sent comes due (of the rows claim_due would take)."""
    statement = _earliest_due(urn_hash is not None, tuple(skip_channels))
    return (await db.execute(statement, _to_one(urn_hash))).scalar_one()


# The dispatcher looks for due rows every round. Its statements are built once for each of the few ways it is set
# up (one contact's rows or all; the channels it leaves to others), binding the rest: building them each time cost
# more CPU than running them.
@cache
def _due_rows(to_one: bool, skip_channels: tuple[str, ...]) -> Select[Outbox]:
    return (select(Outbox).where(*_pending(to_one, skip_channels),
                                 Outbox.next_attempt_at <= bindparam("now", type_=Outbox.next_attempt_at.type))
            .order_by(Outbox.priority, Outbox.next_attempt_at, Outbox.id).limit(bindparam("limit"))
            .with_for_update(skip_locked=True))


@cache
def _earliest_due(to_one: bool, skip_channels: tuple[str, ...]) -> Select[dt.datetime]:
    return select(func.min(Outbox.next_attempt_at)).where(*_pending(to_one, skip_channels))


def _to_one(urn_hash: str | None) -> dict[str, str]:
    """The parameter of the statements built `to_one` contact."""
    return {} if urn_hash is None else {"urn_hash": urn_hash}


def _pending(to_one: bool, skip_channels: tuple[str, ...]) -> list[ColumnElement[bool]]:
    conditions = [Outbox.state == OutboxState.PENDING]
    if to_one:
        conditions.append(Outbox.contact_id.in_(select(Contact.id).where(Contact.urn_hash == bindparam("urn_hash"))))
    if skip_channels:  # looked up by each row's contact: the due rows are few, the contacts many
        conditions.append(~select(Contact.id).where(Contact.id == Outbox.contact_id,
                                                    Contact.channel.in_(skip_channels)).exists())
    # A contact's messages of one report go in the order queued, whatever their times: an anonymous witness's
    # "+1", due at its whole hour, not before the alert of the report it joins; a status not before the last one.
    # A row that keeps failing holds the rest back no longer: what came later (the danger back, say) matters more.
    earlier = aliased(Outbox)
    conditions.append(Outbox.report_id.is_(None) | ~select(earlier.id).where(
        earlier.report_id == Outbox.report_id, earlier.contact_id == Outbox.contact_id,
        earlier.state == OutboxState.PENDING, earlier.attempts < HOLDS_FOR_ATTEMPTS, earlier.id < Outbox.id).exists())
    return conditions


async def record_delivery(db: AsyncSession, provider_message_id: str, status: str, error_code: str | None, *,
                          retry_as_template: bool = False, unreachable: bool = False,
                          at: dt.datetime | None = None) -> bool:
    """Applies a provider's delivery callback to the rows its message carried (an officer's alerts may go
    together in one); False when no row has that message id.

    A failure may say how to go on: `retry_as_template` queues each message again to go as a template
    (the conversation window had closed); `unreachable` marks the contact so nothing more is sent.
    """
    rows = (await db.execute(
        select(Outbox).where(Outbox.provider_message_id == provider_message_id).order_by(Outbox.id).with_for_update()
    )).scalars().all()
    for row in rows:
        await _delivered(db, row, PROVIDER_STATUS[status], status, error_code, retry_as_template, unreachable, at)
    return bool(rows)


async def _delivered(db: AsyncSession, row: Outbox, state: OutboxState, status: str, error_code: str | None,
                     retry_as_template: bool, unreachable: bool, at: dt.datetime | None) -> None:
    if state == OutboxState.FAILED:
        if row.state in (OutboxState.READ, OutboxState.DELIVERED, OutboxState.FAILED):
            return  # late, or already handled
        if retry_as_template and not row.payload.get("as_template"):
            row.payload = {**row.payload, "as_template": True}
            row.state, row.provider_message_id = OutboxState.PENDING, None
            row.next_attempt_at = row_time(row, at or utcnow())
            row.last_error = f"provider {status}: error {error_code}; again as a template"
            return
        row.state, row.last_error = state, f"provider {status}: error {error_code or 'unknown'}"
        if unreachable:
            await db.execute(update(Contact).where(Contact.id == row.contact_id).values(unreachable=True))
    elif row.state in _RANK and _RANK[state] > _RANK[row.state]:
        row.state = state


async def latest_sent(db: AsyncSession, contact_id: int, kinds: tuple[OutboxKind, ...]) -> Outbox | None:
    """The newest message of these kinds that went out to the contact (a contact's messages go in order)."""
    return (await db.execute(
        select(Outbox).where(Outbox.contact_id == contact_id, Outbox.kind.in_(kinds), Outbox.sent_at.is_not(None))
        .order_by(Outbox.id.desc()).limit(1)
    )).scalar_one_or_none()


async def sent_since(db: AsyncSession, contact_id: int, after_id: int, kind: OutboxKind) -> list[Outbox]:
    """The rows of this kind that went out to the contact after the row `after_id`, urgent first, then as queued."""
    return list((await db.execute(
        select(Outbox).where(Outbox.contact_id == contact_id, Outbox.kind == kind, Outbox.id > after_id,
                             Outbox.sent_at.is_not(None))
        .order_by(Outbox.priority, Outbox.id)
    )).scalars())


async def sent_together(db: AsyncSession, row: Outbox) -> list[Outbox]:
    """The rows that went in one message with `row` (alerts due together share its message id), urgent first,
    then as queued: the order they were shown in; `row` alone when it went on its own."""
    if row.provider_message_id is None:
        return [row]
    return list((await db.execute(
        select(Outbox).where(Outbox.contact_id == row.contact_id, Outbox.kind == row.kind,
                             Outbox.provider_message_id == row.provider_message_id)
        .order_by(Outbox.priority, Outbox.id)
    )).scalars())


async def last_sent_id(db: AsyncSession, contact_id: int) -> int:
    """The id of the newest message that went out to the contact; 0 when none did."""
    return (await db.execute(
        select(func.max(Outbox.id)).where(Outbox.contact_id == contact_id, Outbox.sent_at.is_not(None))
    )).scalar_one() or 0


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
    row.state, row.attempts, row.provider_message_id = OutboxState.PENDING, 0, None
    row.next_attempt_at = row_time(row, now, now)
    row.last_error = f"{row.last_error} (sent again by hand)" if row.last_error else None
    return True


async def rewrite_payloads(db: AsyncSession, cipher: ContactCipher, report_ids: list[int],
                           rewrite: Callable[[str], str]) -> int:
    """Rewrites every text of the rows about these reports (sent or not), sealed again; returns how many
    rows changed. HAPUS takes a reporter's name and number out of the alerts officers got this way."""
    if not report_ids:
        return 0
    changed = 0
    for row in (await db.execute(select(Outbox).where(Outbox.report_id.in_(report_ids)).with_for_update())).scalars():
        payload = open_payload(cipher, row)
        rewritten = _rewrite_texts(payload, rewrite)
        if rewritten != payload:
            flags = {key: value for key, value in row.payload.items() if key != "sealed"}
            row.payload = {**seal(cipher, rewritten), **flags}
            changed += 1
    return changed


def _rewrite_texts(value: Any, rewrite: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return rewrite(value)
    if isinstance(value, dict):
        return {key: _rewrite_texts(item, rewrite) for key, item in value.items()}
    if isinstance(value, list):
        return [_rewrite_texts(item, rewrite) for item in value]
    return value
