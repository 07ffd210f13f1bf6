"""Recurring housekeeping: unfinished reports that went quiet, and personal data kept no longer than needed."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

from sqlalchemy import and_, delete, or_, select, update

from handlers.i18n import t
from handlers.office import Office
from handlers.report_flow import set_aside
from handlers.state import SessionData, dump_session, load_session, stored_names
from handlers.turn import MENU
from storage.media import MediaStore
from storage.models import (
    Attachment,
    Contact,
    ConversationSession,
    EventKind,
    InboundMessage,
    Outbox,
    OutboxKind,
    OutboxState,
    Report,
    ReportEvent,
    Witness,
)
from storage.outbox import enqueue
from storage.reports import attached
from storage.web_sessions import drop_expired
from storage.workflow import CLOSED_STATUSES

BOOKKEEPING_DAYS = 30  # finished outbox rows: long past any provider's retries
# Replay guards outlive any log a request may be captured in: Twilio's signature has no time in it, so a request
# copied from a proxy's log stays valid once its guard is gone, and a message SID is never given twice. Telegram's
# guards (update_id) stay BOOKKEEPING_DAYS: Telegram may start update_id afresh after a week with no updates, and
# a guard kept longer could take a new message for a replay.
REPLAY_GUARD_DAYS = 400
IDS_RESTART_ON = ("telegram",)  # channels whose message ids may start afresh
BATCH = 500
UNUSED_MEDIA_AGE = dt.timedelta(days=1)  # longer than a chart's link is fetched, or a new file takes to be linked


async def expire_drafts(office: Office, default_language: str) -> int:
    """Closes conversations left unfinished past their time and tells those who had a report in progress
    that it was not sent. Contacts writing right now are skipped: their own message expires it."""
    expired = (ConversationSession.step != MENU, ConversationSession.expires_at < office.now)
    contacts = select(Contact.id).where(Contact.id.in_(select(ConversationSession.contact_id).where(*expired))
                                        ).limit(BATCH).with_for_update(skip_locked=True)
    locked = list((await office.db.execute(contacts)).scalars())
    if not locked:
        return 0
    # Asked again under the lock: a message that came in meanwhile has moved the draft on.
    sessions = (await office.db.execute(
        select(ConversationSession, Contact).join(Contact, ConversationSession.contact_id == Contact.id)
        .where(Contact.id.in_(locked), *expired)
    )).all()
    for session, contact in sessions:
        assert session.expires_at is not None  # both queries take expired sessions only
        data = load_session(session.data, office.cipher)
        if "draft" in data and not contact.opted_out:
            await enqueue(office.db, office.cipher, kind=OutboxKind.EXPIRY_NOTICE, contact_id=contact.id,
                          payload={"text": t(contact.language or default_language, "report.expired")},
                          idempotency_key=f"{OutboxKind.EXPIRY_NOTICE}:{session.id}:{session.expires_at.isoformat()}",
                          at=office.now)
        kept = set_aside(data, session.step, office.now)
        left = SessionData(expired_draft=kept) if kept else SessionData()
        session.step, session.data, session.expires_at = MENU, dump_session(left, office.cipher), None
    return len(sessions)


async def purge_batch(office: Office, retention: dt.timedelta) -> int:
    """Removes the personal data of up to BATCH reports closed longer than `retention` ago: the link to
    the reporter and to its witnesses, photos and voice notes, the reporter's answers. The reports themselves
    stay for the statistics; the files go with the sweep of unused files. Returns how many reports were cleared."""
    before = office.now - retention
    closed = (await office.db.execute(
        select(Report.id).where(Report.status.in_(CLOSED_STATUSES), Report.updated_at < before).where(
            (Report.contact_id.is_not(None)) | Report.id.in_(select(Attachment.report_id))
            | Report.id.in_(select(Witness.report_id).where(Witness.contact_id.is_not(None)))
            | Report.id.in_(select(ReportEvent.report_id).where(ReportEvent.kind == EventKind.REPLY,
                                                                ReportEvent.note.is_not(None))))
        .limit(BATCH)
    )).scalars().all()
    if closed:
        await office.db.execute(update(Report).where(Report.id.in_(closed)).values(contact_id=None))
        await office.db.execute(update(Witness).where(Witness.report_id.in_(closed)).values(contact_id=None))
        await office.db.execute(delete(Attachment).where(Attachment.report_id.in_(closed)))
        await office.db.execute(update(ReportEvent).where(ReportEvent.report_id.in_(closed),
                                                          ReportEvent.kind == EventKind.REPLY).values(note=None))
    return len(closed)


async def drop_bookkeeping(office: Office) -> None:
    """Finished outbox rows, long past any provider's retries; replay guards after REPLAY_GUARD_DAYS; the web
    page's sign-in links and sessions once they have expired."""
    old = office.now - dt.timedelta(days=BOOKKEEPING_DAYS)
    guarded_since = office.now - dt.timedelta(days=REPLAY_GUARD_DAYS)
    await office.db.execute(delete(InboundMessage).where(or_(
        InboundMessage.received_at < guarded_since,
        and_(InboundMessage.channel.in_(IDS_RESTART_ON), InboundMessage.received_at < old))))
    await office.db.execute(delete(Outbox).where(Outbox.state != OutboxState.PENDING, Outbox.created_at < old))
    await drop_expired(office.db, office.now)


async def sweep_media(office: Office, media: MediaStore) -> int:
    """Deletes stored files no report or draft uses: photos and voice notes of purged reports and of drafts
    never sent, and drawn digest charts, once a day old. Returns how many went."""
    before = (office.now - UNUSED_MEDIA_AGE).timestamp()
    old = await asyncio.to_thread(media.names_older_than, before)  # a directory of many files: off the loop
    used = await _in_drafts(office)
    for start in range(0, len(old), BATCH):
        used |= await attached(office.db, old[start:start + BATCH])
    return await asyncio.to_thread(media.delete_unused, [name for name in old if name not in used], before)


async def _in_drafts(office: Office) -> set[str]:
    """The photos and voice notes of reports still being written, however long their residents take."""
    stored: list[dict[str, Any] | None] = list((await office.db.execute(
        select(ConversationSession.data).where(ConversationSession.step != MENU))).scalars())
    return {name for data in stored for name in stored_names(load_session(data, office.cipher))}
