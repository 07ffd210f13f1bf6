"""Telegram updates taken by the webhook and not yet answered. One is recorded before Telegram hears 200, its
replies are kept in the transaction that handles it, and it is forgotten once they are sent: a crash in
between loses neither, and a restarted service handles (or answers) what is left, in the order it came.
Everything is encrypted with the contacts' key: an update holds a chat id and what was written."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.crypto import ContactCipher
from storage.db import dialect_insert
from storage.models import TelegramUpdate


@dataclass(frozen=True)
class Unanswered:
    body: dict[str, Any]
    replies: list[dict[str, Any]] | None  # None: not handled yet


async def record_update(db: AsyncSession, cipher: ContactCipher, update_id: int, body: dict[str, Any]) -> bool:
    """Keeps an update until it is answered; False when it is kept already (Telegram sent it again)."""
    stmt = (
        dialect_insert(db, TelegramUpdate)
        .values(update_id=update_id, body_encrypted=cipher.encrypt(json.dumps(body)))
        .on_conflict_do_nothing(index_elements=["update_id"])
        .returning(TelegramUpdate.id)
    )
    return (await db.execute(stmt)).scalar_one_or_none() is not None


async def keep_replies(db: AsyncSession, cipher: ContactCipher, update_id: int,
                       replies: list[dict[str, Any]]) -> None:
    await db.execute(update(TelegramUpdate).where(TelegramUpdate.update_id == update_id)
                     .values(replies_encrypted=cipher.encrypt(json.dumps(replies))))


async def unanswered_updates(db: AsyncSession, cipher: ContactCipher) -> list[Unanswered]:
    """Every update kept and not yet answered, in the order they came."""
    rows = await db.execute(select(TelegramUpdate.body_encrypted, TelegramUpdate.replies_encrypted)
                            .order_by(TelegramUpdate.id))
    return [Unanswered(json.loads(cipher.decrypt(body)), json.loads(cipher.decrypt(replies)) if replies else None)
            for body, replies in rows]


async def forget_update(db: AsyncSession, update_id: int) -> None:
    await db.execute(delete(TelegramUpdate).where(TelegramUpdate.update_id == update_id))
