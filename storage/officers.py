"""Officers: one-time invite codes, enrollment of a chat for a station, listing and revoking."""

from __future__ import annotations

import datetime as dt
import logging
import re
import secrets
from dataclasses import dataclass

from sqlalchemy import bindparam, delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.crypto import ContactCipher
from storage.models import Contact, EnrollmentFailure, Invite, Officer, OfficerRole, Station
from storage.reports import REF_ALPHABET
from storage.web_sessions import end_web_sessions

log = logging.getLogger(__name__)

INVITE_TTL = dt.timedelta(hours=24)
_CODE = re.compile(rf"^([{REF_ALPHABET}]{{4}})[\s_-]*([{REF_ALPHABET}]{{4}})$")
# Unknown codes tried within the window: a chat that has tried ENROLL_FAILURES_PER_CHAT is refused until the
# window has passed; when all chats together have tried ENROLL_FAILURES, DAFTAR is closed to everyone, since
# chat accounts are cheap to make. A 40-bit code stays out of reach at that pace (some 19,000 tries a day),
# and closing DAFTAR to real officers takes some forty fresh chats every window.
ENROLL_FAILURES_PER_CHAT = 5
ENROLL_FAILURES = 200
ENROLL_WINDOW = dt.timedelta(minutes=15)


def invite_code_in(text: str) -> str | None:
    """The invite code in what an officer typed (`7kx4 9qm2`, `7KX4-9QM2`), normalised, or None."""
    match = _CODE.match(text.strip().upper())
    return f"{match[1]}-{match[2]}" if match else None


async def create_invite(db: AsyncSession, cipher: ContactCipher, station: Station, role: OfficerRole,
                        name: str | None, now: dt.datetime) -> tuple[str, dt.datetime]:
    """A new one-time code and when it expires. Only its hash is stored: it is shown this once."""
    body = "".join(secrets.choice(REF_ALPHABET) for _ in range(8))
    code = f"{body[:4]}-{body[4:]}"
    expires_at = now + INVITE_TTL
    db.add(Invite(code_hash=cipher.invite_hash(code), station_id=station.id, role=role, name=name,
                  expires_at=expires_at, created_at=now))
    return code, expires_at


@dataclass(frozen=True)
class Enrollment:
    officer: Officer | None
    refusal: str | None  # unknown | expired | used | closed | enrolled


async def enroll(db: AsyncSession, cipher: ContactCipher, code: str, contact: Contact,
                 now: dt.datetime) -> Enrollment:
    """Links the contact's chat to the invite's station and role, using the code up; refused (`closed`) to a
    chat that tried too many unknown codes lately, and, while all chats together did, to every chat that tried
    one: a chat's first code is always read, so that a flood of wrong codes from throwaway chats shuts no officer
    out, and costs the flood one chat a guess."""
    since = now - ENROLL_WINDOW
    recent = select(func.count()).select_from(EnrollmentFailure).where(EnrollmentFailure.at > since)
    own = (await db.execute(recent.where(EnrollmentFailure.urn_hash == contact.urn_hash))).scalar_one()
    if own >= ENROLL_FAILURES_PER_CHAT:
        return Enrollment(None, "closed")
    failures = (await db.execute(recent)).scalar_one()
    if failures >= ENROLL_FAILURES and own:
        return Enrollment(None, "closed")
    invite = (await db.execute(
        select(Invite).where(Invite.code_hash == cipher.invite_hash(code)).with_for_update()
    )).scalar_one_or_none()
    if invite is None:
        await db.execute(delete(EnrollmentFailure).where(EnrollmentFailure.at <= since))
        db.add(EnrollmentFailure(at=now, urn_hash=contact.urn_hash))
        if failures + 1 == ENROLL_FAILURES:
            log.warning("%d unknown invite codes tried within %d minutes: DAFTAR is closed to everyone for now",
                        ENROLL_FAILURES, ENROLL_WINDOW.total_seconds() // 60)
        return Enrollment(None, "unknown")
    if invite.used_at is not None:
        return Enrollment(None, "used")
    if invite.expires_at <= now:
        return Enrollment(None, "expired")
    if (await db.execute(_ACTIVE_OF_CHAT, {"contact_id": contact.id})).first() is not None:
        # Revoked first, the chat may take a new role (the code stays unused meanwhile).
        return Enrollment(None, "enrolled")
    invite.used_at = now
    # Always a new row: a revoked one taken up again would credit its acts to whoever enrolls now, and open its
    # web sessions again.
    officer = Officer(contact_id=contact.id, station_id=invite.station_id, role=invite.role, name=invite.name,
                      active=True, created_at=now)
    db.add(officer)
    await db.flush()
    return Enrollment(officer, None)


_ACTIVE_OF_CHAT = select(Officer.id).where(Officer.contact_id == bindparam("contact_id"), Officer.active.is_(True))


async def list_officers(db: AsyncSession, station_code: str | None = None) -> list[tuple[Officer, Station]]:
    query = select(Officer, Station).join(Station, Officer.station_id == Station.id).order_by(Officer.id)
    if station_code:
        query = query.where(Station.code == station_code)
    return [(officer, station) for officer, station in await db.execute(query)]


async def revoke(db: AsyncSession, officer_id: int, now: dt.datetime) -> bool:
    """Takes the officer's role away for good, and ends their web sessions; False when there is no such active
    officer."""
    officer = await db.get(Officer, officer_id)
    if officer is None or not officer.active:
        return False
    officer.active, officer.revoked_at = False, now
    await end_web_sessions(db, [officer.id])
    return True


async def duty_officers(db: AsyncSession, station_id: int) -> list[tuple[Officer, Contact]]:
    """The station's active duty officers, with the contacts their alerts go to."""
    return await _officers(db, station_id, OfficerRole.DUTY)


# Asked of each station up the tree at each report filed, built once.
_ANY_OFFICER = select(Officer.id).where(Officer.station_id == bindparam("station_id"),
                                        Officer.active.is_(True)).limit(1)


async def has_officers(db: AsyncSession, station_id: int) -> bool:
    """Whether an officer of any role is enrolled at the station and active."""
    return (await db.execute(_ANY_OFFICER, {"station_id": station_id})).first() is not None


async def officers_to_alert(db: AsyncSession, station_id: int) -> list[tuple[Officer, Contact]]:
    """Whom a report's alert goes to: the station's duty officers, else its heads (a station with only its head
    enrolled still has a reader)."""
    return await duty_officers(db, station_id) or await station_heads(db, station_id)


async def station_heads(db: AsyncSession, station_id: int) -> list[tuple[Officer, Contact]]:
    """The station's active heads (Kapolsek), with their contacts."""
    return await _officers(db, station_id, OfficerRole.HEAD)


# Asked at each report filed (and each digest), built once.
_OFFICERS = (select(Officer, Contact).join(Contact, Officer.contact_id == Contact.id)
             .where(Officer.station_id == bindparam("station_id"), Officer.role == bindparam("role"),
                    Officer.active.is_(True))
             .order_by(Officer.id))


async def _officers(db: AsyncSession, station_id: int, role: OfficerRole) -> list[tuple[Officer, Contact]]:
    rows = await db.execute(_OFFICERS, {"station_id": station_id, "role": role})
    return [(officer, contact) for officer, contact in rows]
