"""Recurring housekeeping: unfinished reports that went quiet, and personal data kept no longer than needed."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, select, update

from handlers.i18n import t
from handlers.office import Office
from handlers.turn import MENU
from storage.media import MediaStore
from storage.models import (
    Attachment,
    Contact,
    ConversationSession,
    EventKind,
    InboundMessage,
    Outbox,
    OutboxState,
    Report,
    ReportEvent,
    ReportStatus,
)
from storage.outbox import enqueue

EXPIRY_NOTICE = "expiry_notice"  # the outbox kind
CLOSED = (ReportStatus.RESOLVED, ReportStatus.DUPLICATE, ReportStatus.REJECTED)
BOOKKEEPING_DAYS = 30  # replay guards and finished outbox rows: long past any provider's retries
BATCH = 500


async def expire_drafts(office: Office, default_language: str) -> int:
    """Closes conversations left unfinished past their time and tells those who had a report in progress
    that it was not sent. Contacts writing right now are skipped: their own message expires it."""
    contacts = select(Contact.id).where(Contact.id.in_(
        select(ConversationSession.contact_id).where(ConversationSession.step != MENU,
                                                     ConversationSession.expires_at < office.now)
    )).limit(BATCH).with_for_update(skip_locked=True)
    locked = list((await office.db.execute(contacts)).scalars())
    if not locked:
        return 0
    sessions = (await office.db.execute(
        select(ConversationSession, Contact).join(Contact, ConversationSession.contact_id == Contact.id)
        .where(Contact.id.in_(locked))
    )).all()
    for session, contact in sessions:
        if "draft" in (session.data or {}) and not contact.opted_out:
            await enqueue(office.db, kind=EXPIRY_NOTICE, contact_id=contact.id,
                          payload={"text": t(contact.language or default_language, "report.expired")},
                          idempotency_key=f"{EXPIRY_NOTICE}:{session.id}:{session.expires_at.isoformat()}",
                          at=office.now)
        session.step, session.data, session.expires_at = MENU, {}, None
    return len(sessions)


async def purge(office: Office, media: MediaStore, retention: dt.timedelta) -> int:
    """Removes the personal data of reports closed longer than `retention` ago: the link to the reporter,
    photos, the reporter's answers; and old bookkeeping. The reports themselves stay for the statistics.
    Returns how many reports were cleared."""
    before = office.now - retention
    closed = (await office.db.execute(
        select(Report.id).where(Report.status.in_(CLOSED), Report.updated_at < before).where(
            (Report.contact_id.is_not(None)) | Report.id.in_(select(Attachment.report_id))
            | Report.id.in_(select(ReportEvent.report_id).where(ReportEvent.kind == EventKind.REPLY,
                                                                ReportEvent.note.is_not(None))))
        .limit(BATCH)
    )).scalars().all()
    if closed:
        photos = set((await office.db.execute(
            select(Attachment.stored_name).where(Attachment.report_id.in_(closed))
        )).scalars())
        await office.db.execute(update(Report).where(Report.id.in_(closed)).values(contact_id=None))
        await office.db.execute(delete(Attachment).where(Attachment.report_id.in_(closed)))
        await office.db.execute(update(ReportEvent).where(ReportEvent.report_id.in_(closed),
                                                          ReportEvent.kind == EventKind.REPLY).values(note=None))
        still_used = set((await office.db.execute(
            select(Attachment.stored_name).where(Attachment.stored_name.in_(photos))
        )).scalars())
        for name in photos - still_used - {None}:
            media.delete(name)
    old = office.now - dt.timedelta(days=BOOKKEEPING_DAYS)
    await office.db.execute(delete(InboundMessage).where(InboundMessage.received_at < old))
    await office.db.execute(delete(Outbox).where(
        Outbox.state.not_in((OutboxState.PENDING,)), Outbox.created_at < old))
    return len(closed)
