"""A Telegram message edited after it was sent is not read: whatever the edit says (an invite code, a story, a
language asked for, a cry for help), the chat gets the same "not supported" answer and the open question, on its
first message as on any other, and nothing is enrolled, begun or changed. On SQLite and PostgreSQL, through the
Telegram channel's receive() and the engine."""

from __future__ import annotations

import itertools

import pytest
from sqlalchemy import func, select
from telegram import Bot, Update

from bot.channels.telegram import TelegramChannel
from handlers.engine import Engine
from harness.fake_telegram import TOKEN, edited_message_update
from storage.models import Contact, ConversationSession, Officer, Report
from tests.helpers import DESCRIPTION, Resident, invite, matches

EDITS = ["DAFTAR {code}", DESCRIPTION, "english please", "tolong ada maling masuk rumah saya sekarang"]
_UPDATE_IDS = itertools.count(500_000)


async def edited(engine: Engine, chat_id: int, text: str) -> list[str]:
    """What the chat is answered when it edits a message to `text`."""
    update = Update.de_json(edited_message_update(next(_UPDATE_IDS), chat_id, text), Bot(TOKEN))
    inbound = TelegramChannel(Bot(TOKEN)).receive(update)
    assert inbound is not None
    return [reply.text for reply in await engine.handle(inbound)]


@pytest.mark.parametrize("first", [True, False], ids=["first_message", "known_chat"])
@pytest.mark.parametrize("edit", EDITS)
async def test_an_edited_message_gets_the_same_answer_and_does_nothing(engine: Engine, edit: str, first: bool) -> None:
    chat_id = 7_100_000 + EDITS.index(edit)
    if not first:
        await Resident(engine, f"telegram:{chat_id}").send("halo")
    answer = await edited(engine, chat_id, edit.format(code=await invite(engine)))
    assert matches(answer[-2], "common.unsupported") and matches(answer[-1], "menu.ask"), answer
    async with engine.sessions() as db:
        assert (await db.execute(select(func.count()).select_from(Officer))).scalar_one() == 0, "nothing enrolled"
        assert (await db.execute(select(func.count()).select_from(Report))).scalar_one() == 0
        assert (await db.execute(select(Contact.language))).scalar_one() in (None, "id"), "no language taken"
        steps = set((await db.execute(select(ConversationSession.step))).scalars())
    assert steps <= {"menu"}, "no report begun"
