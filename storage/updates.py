"""Telegram updates taken by the webhook and not yet answered. One is recorded before Telegram hears 200, its
replies are kept in the transaction that handles it, and it is forgotten once they are sent: a crash in
between loses neither, and a restarted service handles (or answers) what is left, in the order it came.
Everything is encrypted with the contacts' key: an update holds a chat id and what was written."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from storage.crypto import ContactCipher
from storage.models import TelegramUpdate


@dataclass(frozen=True)
class Unanswered:
    body: dict[str, Any]
    replies: list[dict[str, Any]] | None  # None: not handled yet


# Each update's three statements, built once: each update only binds its values.
_RECORD = {
    dialect: insert(TelegramUpdate)
    .values(update_id=bindparam("new_update_id"), body_encrypted=bindparam("new_body"))
    .on_conflict_do_nothing(index_elements=["update_id"])
    .returning(TelegramUpdate.id)
    for dialect, insert in (("sqlite", sqlite.insert), ("postgresql", postgresql.insert))
}
_KEEP_REPLIES = (update(TelegramUpdate).where(TelegramUpdate.update_id == bindparam("kept_update_id"))
                 .values(replies_encrypted=bindparam("kept_replies")))
_FORGET = delete(TelegramUpdate).where(TelegramUpdate.update_id == bindparam("answered_update_id"))


async def record_update(db: AsyncSession, cipher: ContactCipher, update_id: int, body: dict[str, Any]) -> bool:
    """Keeps an update until it is answered; False when it is kept already (Telegram sent it again)."""
    connection = await db.connection()
    recorded = await connection.execute(_RECORD[connection.dialect.name],
                                        {"new_update_id": update_id, "new_body": cipher.encrypt(json.dumps(body))})
    return recorded.scalar_one_or_none() is not None


async def keep_replies(db: AsyncSession, cipher: ContactCipher, update_id: int,
                       replies: list[dict[str, Any]]) -> None:
    await (await db.connection()).execute(
        _KEEP_REPLIES, {"kept_update_id": update_id, "kept_replies": cipher.encrypt(json.dumps(replies))})


async def unanswered_updates(db: AsyncSession, cipher: ContactCipher) -> list[Unanswered]:
    """Every update kept and not yet answered, in the order they came."""
    rows = await db.execute(select(TelegramUpdate.body_encrypted, TelegramUpdate.replies_encrypted)
                            .order_by(TelegramUpdate.id))
    return [Unanswered(json.loads(cipher.decrypt(body)), json.loads(cipher.decrypt(replies)) if replies else None)
            for body, replies in rows]


async def forget_update(db: AsyncSession, update_id: int) -> None:
    await (await db.connection()).execute(_FORGET, {"answered_update_id": update_id})
