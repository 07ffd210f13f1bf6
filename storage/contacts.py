"""Contacts and their conversation sessions; every message of one contact is handled under its lock."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.crypto import ContactCipher
from storage.db import dialect_insert
from storage.models import Contact, ConversationSession, InboundMessage, Officer, to_the_hour


async def record_inbound(db: AsyncSession, channel: str, provider_message_id: str, at: dt.datetime) -> bool:
    """Records a provider message id; False when it was recorded before (a replay)."""
    stmt = (
        dialect_insert(db, InboundMessage)
        .values(channel=channel, provider_message_id=provider_message_id, received_at=to_the_hour(at))
        .on_conflict_do_nothing(index_elements=["channel", "provider_message_id"])
        .returning(InboundMessage.id)
    )
    return (await db.execute(stmt)).scalar_one_or_none() is not None


@dataclass
class Conversation:
    """A contact locked for one message, with where they are and whether they are an officer."""

    contact: Contact
    first_contact: bool
    session: ConversationSession
    officer: Officer | None


async def lock_conversation(db: AsyncSession, cipher: ContactCipher, urn: str, channel: str,
                            at: dt.datetime) -> Conversation:
    """The contact for `urn`, created if new and locked until the transaction ends, with its session (a new
    one if none) and its active officer role, read in the same statement.

    A known contact costs one statement and no encryption; for a new one, the insert-or-nothing keeps two
    first messages of one resident from creating two contacts.
    """
    urn_hash = cipher.lookup_hash(urn)
    # SQLite serialises writers with BEGIN IMMEDIATE; FOR UPDATE (of the contact row) is what PostgreSQL needs.
    locked = (
        select(Contact, ConversationSession, Officer)
        .outerjoin(ConversationSession, ConversationSession.contact_id == Contact.id)
        .outerjoin(Officer, (Officer.contact_id == Contact.id) & Officer.active.is_(True))
        .where(Contact.urn_hash == urn_hash)
        .with_for_update(of=Contact)
        .execution_options(populate_existing=True)
    )
    found, created = (await db.execute(locked)).one_or_none(), None
    # A contact erased (HAPUS) by a concurrent message is gone when the lock is granted: create it again.
    for _ in range(3):
        if found is not None:
            contact, session, officer = found
            if session is None:
                session = ConversationSession(contact_id=contact.id, step="menu", data={})
                db.add(session)
            return Conversation(contact, created is not None, session, officer)
        created = (await db.execute(
            dialect_insert(db, Contact)
            .values(urn_hash=urn_hash, urn_encrypted=cipher.encrypt(urn), channel=channel,
                    created_at=to_the_hour(at), unreachable=False, opted_out=False)
            .on_conflict_do_nothing(index_elements=["urn_hash"])
            .returning(Contact.id)
        )).scalar_one_or_none()
        found = (await db.execute(locked)).one_or_none()
    raise RuntimeError("the contact kept disappearing while being locked")


async def delete_contact(db: AsyncSession, contact: Contact) -> None:
    """Erases a contact's personal data; their reports stay, no longer linked (ON DELETE SET NULL)."""
    await db.execute(delete(Contact).where(Contact.id == contact.id))
    db.expunge(contact)


async def set_contact_language(db: AsyncSession, cipher: ContactCipher, urn: str, lang: str) -> None:
    await db.execute(update(Contact).where(Contact.urn_hash == cipher.lookup_hash(urn)).values(language=lang))


async def current_step(db: AsyncSession, cipher: ContactCipher, urn: str) -> str | None:
    """Where a contact is, read without a lock: a hint for work done before the message is handled."""
    return (await db.execute(
        select(ConversationSession.step).join(Contact).where(Contact.urn_hash == cipher.lookup_hash(urn))
    )).scalar_one_or_none()


async def set_contact_unreachable(db: AsyncSession, cipher: ContactCipher, urn: str) -> None:
    await db.execute(update(Contact).where(Contact.urn_hash == cipher.lookup_hash(urn)).values(unreachable=True))
