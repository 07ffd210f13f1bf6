"""Contacts and their conversation sessions; every message of one contact is handled under its lock."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.orm import make_transient_to_detached

from storage.crypto import ContactCipher
from storage.db import dialect_insert
from storage.models import (
    Attachment,
    Contact,
    ConversationSession,
    InboundMessage,
    Officer,
    Report,
    ReportEvent,
    Witness,
    to_the_hour,
    utcnow,
)
from storage.outbox import rewrite_payloads
from storage.web_sessions import end_web_sessions

# The per-message statements, built once: each message only binds its values. On the session's connection, past
# the ORM: these rows are never read back as objects.
_RECORD_INBOUND = {
    dialect: insert(InboundMessage)
    .values(channel=bindparam("in_channel"), provider_message_id=bindparam("in_id"),
            received_at=bindparam("in_at", type_=InboundMessage.received_at.type))
    .on_conflict_do_nothing(index_elements=["channel", "provider_message_id"])
    .returning(InboundMessage.id)
    for dialect, insert in (("sqlite", sqlite.insert), ("postgresql", postgresql.insert))
}
_SAVE_SESSION = (
    update(ConversationSession).where(ConversationSession.id == bindparam("session_id"))
    .values(step=bindparam("new_step"), data=bindparam("new_data", type_=ConversationSession.data.type),
            expires_at=bindparam("new_expires_at", type_=ConversationSession.expires_at.type))
)


def _inbound_hash(cipher: ContactCipher, channel: str, provider_message_id: str) -> str:
    return cipher.lookup_hash(f"inbound:{channel}:{provider_message_id}")


async def record_inbound(db: AsyncSession, cipher: ContactCipher, channel: str, provider_message_id: str,
                         at: dt.datetime) -> bool:
    """Records a provider message id; False when it was recorded before (a replay). It is kept keyed-hashed: in
    clear, the provider could be asked who sent the message that filed an anonymous report."""
    connection = await db.connection()
    recorded = await connection.execute(_RECORD_INBOUND[connection.dialect.name],
                                        {"in_channel": channel,
                                         "in_id": _inbound_hash(cipher, channel, provider_message_id),
                                         "in_at": to_the_hour(at)})
    return recorded.scalar_one_or_none() is not None


_HASH_LENGTH = 64  # a keyed hash's hex digits; no provider's message id has as many
_HASHED_AT_A_TIME = 500


async def hash_clear_inbound_ids(db: AsyncSession, cipher: ContactCipher) -> int:
    """Replaces the provider message ids recorded in clear before they were hashed (in December 2026) by their
    keyed hashes, at startup: a provider's retry that spans the upgrade still finds its message recorded, and
    the ids no longer wait up to a year for the guard's purge. Returns how many were hashed."""
    connection = await db.connection()
    hashed = 0
    while rows := (await db.execute(
            select(InboundMessage.id, InboundMessage.channel, InboundMessage.provider_message_id,
                   InboundMessage.received_at)
            .where(func.length(InboundMessage.provider_message_id) != _HASH_LENGTH).limit(_HASHED_AT_A_TIME))).all():
        await db.execute(delete(InboundMessage).where(InboundMessage.id.in_([row.id for row in rows])))
        # one already recorded hashed (the same message, retried after the upgrade) is kept once
        await connection.execute(_RECORD_INBOUND[connection.dialect.name], [
            {"in_channel": row.channel, "in_id": _inbound_hash(cipher, row.channel, row.provider_message_id),
             "in_at": to_the_hour(row.received_at)} for row in rows])
        hashed += len(rows)
    return hashed


@dataclass
class Conversation:
    """A contact locked for one message, with where they are and whether they are an officer. The contact and
    the officer are the session's ORM objects (the conversation may change the contact); where they are is
    plain values, written back by save_step."""

    contact: Contact
    first_contact: bool
    officer: Officer | None
    session_id: int | None  # None: the contact has no session yet, save_step makes it
    step: str
    data: Any  # as stored: handlers.state reads it
    expires_at: dt.datetime | None


_CONTACT, _SESSION, _OFFICER = Contact.__table__, ConversationSession.__table__, Officer.__table__
_SESSION_READ = ("id", "step", "data", "expires_at")
# The contact, its session and its active officer role in one prebuilt statement, read as a row: loaded as three
# ORM entities it cost about 0.75 ms of CPU a message, against 0.26 ms so (SQLite, in process).
_READ = (
    select(*_CONTACT.c, *(_SESSION.c[name].label(f"session_{name}") for name in _SESSION_READ),
           *(column.label(f"officer_{column.key}") for column in _OFFICER.c))
    .outerjoin(_SESSION, _SESSION.c.contact_id == _CONTACT.c.id)
    .outerjoin(_OFFICER, (_OFFICER.c.contact_id == _CONTACT.c.id) & _OFFICER.c.active.is_(True))
    .where(_CONTACT.c.urn_hash == bindparam("urn_hash"))
)
# PostgreSQL locks the contact row first, in a statement of its own: a FOR UPDATE that waited for another message
# re-reads the locked row alone, so the session joined to it in the same statement would be as it was before that
# message (two quick "kirim" filed two reports). The read after it sees what the other committed. SQLite serialises
# writers with BEGIN IMMEDIATE: the one statement does.
_LOCK = select(_CONTACT.c.id).where(_CONTACT.c.urn_hash == bindparam("urn_hash")).with_for_update()
_NEW_SESSION = insert(ConversationSession).values(
    contact_id=bindparam("contact_id"), step=bindparam("new_step"),
    data=bindparam("new_data", type_=ConversationSession.data.type),
    expires_at=bindparam("new_expires_at", type_=ConversationSession.expires_at.type))

Entity = TypeVar("Entity", Contact, Officer)


def _attached(db: AsyncSession, model: type[Entity], row: RowMapping, prefix: str = "") -> Entity:
    """The ORM object of a row read as a row, in `db` as if the ORM had loaded it: what the conversation
    changes of it is written at the flush, and only that."""
    entity = model(**{column.key: row[prefix + column.key] for column in model.__table__.c})
    make_transient_to_detached(entity)
    db.add(entity)
    return entity


async def lock_conversation(db: AsyncSession, cipher: ContactCipher, urn: str, channel: str,
                            at: dt.datetime) -> Conversation:
    """The contact for `urn`, created if new and locked until the transaction ends, with its session and its
    active officer role, read in the same statement.

    A known contact costs one statement and no encryption; for a new one, the insert-or-nothing keeps two
    first messages of one resident from creating two contacts.
    """
    urn_hash = cipher.lookup_hash(urn)
    connection = await db.connection()
    found, created = await _locked(connection, urn_hash), None
    # A contact erased (HAPUS) by a concurrent message is gone when the lock is granted: create it again.
    for _ in range(3):
        if found is not None:
            contact = _attached(db, Contact, found)
            officer = _attached(db, Officer, found, "officer_") if found["officer_id"] is not None else None
            session_id = found["session_id"]
            return Conversation(contact, created is not None, officer, session_id,
                                found["session_step"] if session_id is not None else "menu",
                                found["session_data"] if session_id is not None else {},
                                found["session_expires_at"])
        created = (await connection.execute(
            dialect_insert(db, Contact)
            .values(urn_hash=urn_hash, urn_encrypted=cipher.encrypt(urn), channel=channel,
                    created_at=to_the_hour(at), unreachable=False, opted_out=False)
            .on_conflict_do_nothing(index_elements=["urn_hash"])
            .returning(Contact.id)
        )).scalar_one_or_none()
        found = await _locked(connection, urn_hash)
    raise RuntimeError("the contact kept disappearing while being locked")


async def _locked(connection: AsyncConnection, urn_hash: str) -> RowMapping | None:
    """The contact's row with its session and officer role, the contact locked until the transaction ends."""
    if connection.dialect.name == "postgresql":
        await connection.execute(_LOCK, {"urn_hash": urn_hash})
    return (await connection.execute(_READ, {"urn_hash": urn_hash})).mappings().one_or_none()


async def save_step(db: AsyncSession, conversation: Conversation, step: str, data: dict[str, Any],
                    expires_at: dt.datetime | None, language: str, at: dt.datetime) -> None:
    """Writes where the contact now is, and that they wrote at `at`: whatever blocked them is over."""
    contact = conversation.contact
    # Only what changed is set: an attribute set, even to what it holds, makes the ORM go through a flush.
    # The contact's row is so written only when one of these changed. Its last message time is kept to the hour,
    # as every time that could tie an anonymous report to its sender (a report between two others with exact
    # times, and the one contact whose last message fell between them): WhatsApp's 24-hour window is taken to
    # close up to an hour early.
    if contact.language != language:
        contact.language = language
    if contact.unreachable:
        contact.unreachable = False
    if contact.last_inbound_at != (hour := to_the_hour(at)):
        contact.last_inbound_at = hour
    values = {"new_step": step, "new_data": data, "new_expires_at": expires_at}
    connection = await db.connection()
    if conversation.session_id is None:
        await connection.execute(_NEW_SESSION, {"contact_id": contact.id, **values})
    else:
        await connection.execute(_SAVE_SESSION, {"session_id": conversation.session_id, **values})


async def delete_contact(db: AsyncSession, cipher: ContactCipher, contact: Contact, erased: str,
                         voice_lines: Callable[[int], Iterable[str]]) -> set[str]:
    """Erases a contact's personal data. Their reports stay, no longer linked (ON DELETE SET NULL), with the
    contact's name and number replaced by `erased` wherever they stand: in what the reports say and in every
    message about them, the officers' alerts above all; and without their photos and voice notes (a voice is its
    speaker's, a photo may show them), whose stored names are returned for the files to go. The line that stood
    for a voice note (`voice_lines` of its seconds: "🎤 pesan suara 0:06") is replaced too: none is left to hear."""
    reports = list((await db.execute(select(Report).where(Report.contact_id == contact.id))).scalars())
    report_ids = [report.id for report in reports]
    taken = await db.execute(delete(Attachment).where(Attachment.report_id.in_(report_ids))
                             .returning(Attachment.stored_name, Attachment.duration_seconds))
    let_go: set[str] = set()
    voices: set[str] = set()
    for stored_name, seconds in taken:
        if stored_name:
            let_go.add(stored_name)
        if seconds is not None:
            voices.update(voice_lines(seconds))
    identifying = _identifying(cipher, contact) + [re.compile(re.escape(line)) for line in voices]

    def scrub(text: str) -> str:
        for written in identifying:
            text = written.sub(erased, text)
        return text

    for report in reports:
        report.description = scrub(report.description)
        report.location_text = scrub(report.location_text) if report.location_text else report.location_text
    for witness in (await db.execute(select(Witness).where(Witness.contact_id == contact.id))).scalars():
        witness.statement = scrub(witness.statement)  # the link goes with the contact (ON DELETE SET NULL)
        report_ids.append(witness.report_id)  # the officers' "+1 saksi" named a named witness
    if report_ids:
        for event in (await db.execute(select(ReportEvent).where(ReportEvent.report_id.in_(report_ids),
                                                                 ReportEvent.note.is_not(None)))).scalars():
            event.note = scrub(event.note or "")
    await rewrite_payloads(db, cipher, report_ids, scrub)
    # An officer's row stays, revoked and with no chat (ON DELETE SET NULL): the histories name them by it.
    revoked = list((await db.execute(
        update(Officer).where(Officer.contact_id == contact.id, Officer.active.is_(True))
        .values(active=False, revoked_at=utcnow()).returning(Officer.id))).scalars())
    await end_web_sessions(db, revoked)
    await db.execute(delete(Contact).where(Contact.id == contact.id))
    db.expunge(contact)
    return let_go


# What people put between a number's digits: "0812-1111-0001", "+62 812 1111 0001", "(0812) 1111.0001",
# "0812/1111/0001", "0812–1111–0001" (a dash typed by a phone's keyboard).
DIGIT_SEPARATORS = r"\s.()\-/_–—"
_BETWEEN_DIGITS = rf"[{DIGIT_SEPARATORS}]*"
_SEPARATORS_NOT_SPACE = frozenset(".()-/_–—")


class Written(Protocol):
    """How something of a contact's may stand in what was written: `sub` replaces each place it does."""

    def sub(self, repl: str, string: str) -> str: ...


# Where an Indonesian number may begin: "+62", "62" or "0" (or "(0"), not right after a digit; or its national
# digits alone ("81234567890"), not within a word or after a "+".
_NUMBER_BEGINS = re.compile(rf"(?<!\d)(?:(?:\+{_BETWEEN_DIGITS})?6{_BETWEEN_DIGITS}2|\(?0)|(?<![\w+])(?=[1-9])")


@dataclass(frozen=True)
class _IndonesianNumber:
    """A number's national digits after any of its beginnings, with separators between them. Matched by walking
    the text, not by a pattern of its own: compiling one took 1.7 ms, once for every resident."""

    national: str

    def sub(self, repl: str, string: str) -> str:
        out, kept = [], 0
        for begun in _NUMBER_BEGINS.finditer(string):
            if begun.start() >= kept and (end := self._ends_at(string, begun.end())) is not None:
                out += [string[kept:begun.start()], repl]
                kept = end
        return "".join(out) + string[kept:]

    def _ends_at(self, string: str, at: int) -> int | None:
        """Where the national digits written from `at` end, when all of them are and no digit follows."""
        for digit in self.national:
            while at < len(string) and (string[at].isspace() or string[at] in _SEPARATORS_NOT_SPACE):
                at += 1
            if at == len(string) or string[at] != digit:
                return None
            at += 1
        return None if at < len(string) and string[at].isdecimal() else at


def address_as_written(urn: str) -> Written | None:
    """The address of a contact as a resident may write it in a story: an Indonesian WhatsApp number after "+62",
    "62", "0" or nothing, with any separators between its digits; a Telegram chat id as it is. None for an address that
    is no number."""
    scheme, address = urn.split(":", 1)
    digits = address.lstrip("+")
    if not digits.isdecimal() or len(digits) < 3:
        return None
    if scheme == "whatsapp" and digits.startswith("62"):
        return _IndonesianNumber(digits[2:])
    return re.compile(rf"(?<![\w+])\+?{re.escape(digits)}(?!\w)")  # another country's number, a chat id


def _identifying(cipher: ContactCipher, contact: Contact) -> list[Written]:
    """The contact's address (`address_as_written`) and name as they may have been written: the name in any case
    and spacing."""
    address = address_as_written(cipher.decrypt(contact.urn_encrypted))
    written = [address] if address else []
    name = cipher.decrypt(contact.display_name_encrypted).split() if contact.display_name_encrypted else []
    if len(" ".join(name)) >= 2:  # whole words only: "Ari" is not the "ari" of "dari" or "hari"
        spaced = r"\s+".join(map(re.escape, name))
        written.append(re.compile(rf"(?<!\w){spaced}(?!\w)", re.IGNORECASE))
    return written


async def set_contact_language(db: AsyncSession, cipher: ContactCipher, urn: str, lang: str) -> None:
    await db.execute(update(Contact).where(Contact.urn_hash == cipher.lookup_hash(urn)).values(language=lang))


async def contact_language(db: AsyncSession, cipher: ContactCipher, urn: str) -> str | None:
    """The language a contact last chose, None for one unknown or who chose none."""
    return (await db.execute(select(Contact.language).where(Contact.urn_hash == cipher.lookup_hash(urn)))
            ).scalar_one_or_none()


async def current_step(db: AsyncSession, cipher: ContactCipher, urn: str) -> str | None:
    """Where a contact is, read without a lock: a hint for work done before the message is handled."""
    return (await current_session(db, cipher, urn))[0]


async def current_session(db: AsyncSession, cipher: ContactCipher, urn: str) -> tuple[str | None, Any]:
    """Where a contact is, and the session's data as stored (sealed), read without a lock: a hint for work done
    before the message is handled."""
    row = (await db.execute(
        select(ConversationSession.step, ConversationSession.data).join(Contact)
        .where(Contact.urn_hash == cipher.lookup_hash(urn))
    )).one_or_none()
    return (row.step, row.data) if row else (None, None)


async def set_contact_unreachable(db: AsyncSession, cipher: ContactCipher, urn: str) -> None:
    await db.execute(update(Contact).where(Contact.urn_hash == cipher.lookup_hash(urn)).values(unreachable=True))
