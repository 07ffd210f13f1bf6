"""One inbound message being answered: what the steps read and how they reply."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from bot.channels.base import Choice, Inbound, Outbound
from handlers.alerts import as_seen_from
from handlers.choices import Menu
from handlers.i18n import t
from handlers.language.emergency import a_theft_and_nothing_more, services_to_call
from handlers.office import EscalationDelays, Office
from handlers.routing import Router
from handlers.state import Draft, SessionData
from storage.crypto import ContactCipher
from storage.media import StoredMedia
from storage.models import Contact, Officer

MENU = "menu"  # where every contact starts and every conversation ends


def _hint(lang: str, choices: int) -> str:
    if not choices:
        return ""
    return t(lang, "common.reply_with_one") if choices == 1 else t(lang, "common.reply_with_number", last=choices)


@dataclass
class Turn:
    db: AsyncSession
    contact: Contact
    cipher: ContactCipher
    router: Router
    inbound: Inbound
    text: str                     # sanitized
    lang: str
    step: str
    data: SessionData             # the session's data: the draft and where to resume
    now: dt.datetime
    escalation: EscalationDelays = field(default_factory=EscalationDelays)
    officer: Officer | None = None  # set when this chat is enrolled as an officer
    web_url: str = ""  # where the station's web page is served (PUBLIC_BASE_URL); "" when it is not
    photo: StoredMedia | None = None
    photo_problem: str | None = None  # why a sent photo was refused, if it was
    voice: StoredMedia | None = None
    voice_problem: str | None = None  # why a sent voice note was refused, if it was
    replies: list[Outbound] = field(default_factory=list)
    emergency_answered: bool = False
    contact_deleted: bool = False
    # An officer's words that answered nothing: the alerts come since they last wrote stay theirs to answer next.
    alerts_still_open: bool = False
    files_let_go: set[str] = field(default_factory=set)  # stored files no row keeps any more (an erasure's)
    # What this message wrote must not be tied to its contact: an erasure, an anonymous report or account. Nothing
    # kept with its replies names the contact, and SQLite's write-ahead log, whose frames show which rows one
    # transaction wrote (the report with its sender's session), is emptied after it.
    unlinkable: bool = False

    @property
    def draft(self) -> Draft:
        return self.data.setdefault("draft", Draft())

    @property
    def busy(self) -> bool:
        """Whether a report or a patrol note is being filled in."""
        return "draft" in self.data or "patrol" in self.data

    @property
    def office(self) -> Office:
        return Office(self.db, self.cipher, self.router, self.escalation, self.now)

    def say(self, key: str, options: Menu | tuple[Choice, ...] = (), *, ask_location: bool = False,
            **params: Any) -> None:
        choices = options.options(self.lang) if isinstance(options, Menu) else options
        self.replies.append(Outbound(
            urn=self.inbound.urn,
            text=t(self.lang, as_seen_from(self.inbound.urn, self.lang, key), **params),
            choices=choices,
            choices_hint=_hint(self.lang, len(choices)),
            location_button=t(self.lang, "report.location_button") if ask_location else "",
        ))

    def pick(self, menu: Menu) -> str | None:
        return menu.pick(self.lang, self.text, self.inbound.choice)

    def answer_emergency(self) -> None:
        """The Call Center 110 answer, once per message; a draft in progress becomes urgent. Urgent for a theft told
        with no time and nothing more ("dimasukin maling"), and for nothing else so far, it is marked so: the time
        told may yet make it past (conversation._urgency_of_a_theft_weighed)."""
        if not self.emergency_answered:
            also = "".join("\n" + t(self.lang, f"emergency.also_{service}") for service in services_to_call(self.text))
            self.say("emergency.call_110", also=also)
            self.emergency_answered = True
        if "draft" in self.data:
            only_a_theft = a_theft_and_nothing_more(self.text) and (
                not self.draft.get("urgent") or self.draft.get("urgent_for_a_theft", False))
            self.draft["urgent"] = True
            if only_a_theft:
                self.draft["urgent_for_a_theft"] = True
            else:
                self.draft.pop("urgent_for_a_theft", None)


@dataclass(frozen=True)
class Step:
    """A step of a conversation: `ask` sends its question, `answer` reads the reply and names the next step."""

    ask: Callable[[Turn], None]
    answer: Callable[[Turn], Awaitable[str]]


Entry = TypeVar("Entry")


def one_table(*tables: Mapping[str, Entry]) -> dict[str, Entry]:
    """The tables as one; a name two of them share is an error, not a silent overwrite."""
    joined: dict[str, Entry] = {}
    for table in tables:
        if clash := joined.keys() & table.keys():
            raise ValueError(f"named twice: {', '.join(sorted(clash))}")
        joined.update(table)
    return joined


def interrupt(turn: Turn, step: str) -> str:
    """Goes to a side step that will come back to where the contact was (side steps may nest)."""
    if turn.step != step:
        turn.data.setdefault("resume", []).append(turn.step)
    return step


def resume(turn: Turn) -> str:
    stack = turn.data.get("resume") or [MENU]
    step = stack.pop()
    if not stack:
        turn.data.pop("resume", None)
    return step
