"""Signing in to the station's web page: one-time links sent in the officer's chat, and the sessions
they open. Tokens are random and only their keyed hashes are stored, so a copy of the database opens
nothing."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any, cast

from sqlalchemy import CursorResult, delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.crypto import ContactCipher
from storage.models import Officer, WebLink, WebSession

LINK_TTL = dt.timedelta(minutes=10)
SESSION_TTL = dt.timedelta(hours=12)


def _hash(cipher: ContactCipher, kind: str, token: str) -> str:
    return cipher.lookup_hash(f"web-{kind}:{token}")


async def create_link(db: AsyncSession, cipher: ContactCipher, officer: Officer, now: dt.datetime) -> str:
    """A new sign-in token for `officer`, good once within LINK_TTL."""
    token = secrets.token_urlsafe(32)
    db.add(WebLink(token_hash=_hash(cipher, "link", token), officer_id=officer.id, expires_at=now + LINK_TTL,
                   created_at=now))
    await db.flush()
    return token


async def link_is_good(db: AsyncSession, cipher: ContactCipher, token: str, now: dt.datetime) -> bool:
    """Whether the link would open a session now, without using it up."""
    link = (await db.execute(
        select(WebLink).where(WebLink.token_hash == _hash(cipher, "link", token))
    )).scalar_one_or_none()
    return link is not None and link.used_at is None and link.expires_at > now


async def redeem_link(db: AsyncSession, cipher: ContactCipher, token: str, now: dt.datetime) -> str | None:
    """Uses the link up and opens a session for its officer; returns the session's token, or None when the
    link is unknown, used, expired, or its officer no longer active."""
    link = (await db.execute(
        select(WebLink).where(WebLink.token_hash == _hash(cipher, "link", token)).with_for_update()
    )).scalar_one_or_none()
    if link is None or link.used_at is not None or link.expires_at <= now:
        return None
    link.used_at = now
    officer = await db.get(Officer, link.officer_id)
    if officer is None or not officer.active:
        return None
    session_token = secrets.token_urlsafe(32)
    db.add(WebSession(token_hash=_hash(cipher, "session", session_token), officer_id=officer.id,
                      station_id=officer.station_id, role=officer.role, expires_at=now + SESSION_TTL,
                      created_at=now))
    await db.flush()
    return session_token


async def signed_in(db: AsyncSession, cipher: ContactCipher, token: str,
                    now: dt.datetime) -> tuple[WebSession, Officer] | None:
    """The session and its officer, while both hold: a session ends when it expires, when its officer is
    revoked, or when their station or role is no longer the one it was opened for."""
    session = (await db.execute(
        select(WebSession).where(WebSession.token_hash == _hash(cipher, "session", token))
    )).scalar_one_or_none()
    if session is None:
        return None
    officer = await db.get(Officer, session.officer_id)
    if (session.expires_at <= now or officer is None or not officer.active
            or officer.station_id != session.station_id or officer.role != session.role):
        await db.delete(session)
        return None
    return session, officer


async def sign_out(db: AsyncSession, cipher: ContactCipher, token: str) -> None:
    await db.execute(delete(WebSession).where(WebSession.token_hash == _hash(cipher, "session", token)))


async def end_web_sessions(db: AsyncSession, officer_ids: list[int]) -> None:
    """Ends the officers' sessions and unused links, at their revoke: none of them opens anything again."""
    await db.execute(delete(WebSession).where(WebSession.officer_id.in_(officer_ids)))
    await db.execute(delete(WebLink).where(WebLink.officer_id.in_(officer_ids)))


async def drop_expired(db: AsyncSession, now: dt.datetime) -> int:
    """Deletes links and sessions past their time; returns how many sessions went."""
    await db.execute(delete(WebLink).where(WebLink.expires_at <= now))
    deleted = await db.execute(delete(WebSession).where(WebSession.expires_at <= now))
    return int(cast(CursorResult[Any], deleted).rowcount)
