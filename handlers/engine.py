"""Turns one Inbound into replies: once per provider message, under the contact's lock, in one transaction."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Awaitable, Callable, Mapping

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.channels.base import Inbound, Media, Outbound
from handlers.conversation import ADDS_TO_AN_ANSWER, respond
from handlers.digest import CATCH_UP, due_digests, send_digest
from handlers.escalation import escalate_due
from handlers.i18n import t
from handlers.language.intents import photo_of_a_report_sent, tells_a_story
from handlers.office import EscalationDelays, Office
from handlers.report_flow import PHOTO_OF_A_REPORT_WITHIN, PHOTO_STEPS, VOICE_STEPS
from handlers.routing import Router
from handlers.state import dump_session, load_session, stored_names
from handlers.text import sanitize
from handlers.turn import MENU, Turn
from handlers.upkeep import BATCH, drop_bookkeeping, expire_drafts, purge_batch, sweep_media
from storage.contacts import (
    contact_language,
    current_session,
    current_step,
    lock_conversation,
    record_inbound,
    save_step,
    set_contact_language,
    set_contact_unreachable,
)
from storage.crypto import ContactCipher
from storage.db import truncate_log
from storage.media import MAX_VOICE_BYTES, MAX_VOICE_SECONDS, MediaRejected, MediaStore, StoredMedia
from storage.models import Contact, utcnow
from storage.outbox import queued_in
from storage.reports import attached, question_waits, reported_since
from storage.stations import station_by_code

log = logging.getLogger(__name__)

MediaFetcher = Callable[[Media], Awaitable[bytes]]
# Called with the replies inside the transaction that made them, and their contact (None where no row may name
# them: Turn.unlinkable), to keep them with it: a channel whose provider does not wait for the answer keeps them
# until they are sent; one whose caller gave up waiting queues them to send.
KeepReplies = Callable[[AsyncSession, Contact | None, list[Outbound]], Awaitable[None]]


class Engine:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        cipher: ContactCipher,
        media_store: MediaStore,
        router: Router,
        *,
        draft_ttl: dt.timedelta = dt.timedelta(minutes=30),
        default_language: str = "id",
        media_fetchers: Mapping[str, MediaFetcher] | None = None,
        escalation: EscalationDelays | None = None,
        digest_catch_up: dt.timedelta = CATCH_UP,
        web_url: str = "",
        on_queued: Callable[[], None] | None = None,
    ) -> None:
        """`on_queued` is called once a message's transaction that queued messages to send has committed."""
        self.sessions = sessions
        self.cipher = cipher
        self.media_store = media_store
        self.router = router
        self.draft_ttl = draft_ttl
        self.default_language = default_language
        self.media_fetchers = dict(media_fetchers or {})
        self.escalation = escalation or EscalationDelays()
        self.digest_catch_up = digest_catch_up
        self.web_url = web_url.rstrip("/")
        self.on_queued = on_queued

    async def handle(self, inbound: Inbound, keep: KeepReplies | None = None) -> list[Outbound]:
        """The replies to `inbound`; [] when it was handled before. Never raises for bad input."""
        try:
            return await self._handle(inbound, keep)
        except Exception:
            # Everything was rolled back, the provider id included, so a retry is handled afresh.
            log.exception("could not handle a %s message", inbound.channel)
            return [Outbound(inbound.urn, t(self.default_language, "common.error"))]

    async def _handle(self, inbound: Inbound, keep: KeepReplies | None) -> list[Outbound]:
        if inbound.group:
            # Nothing is stored for a group: reports are taken in private, where identities are safe.
            return [Outbound(inbound.urn, t(self.default_language, "common.private_chat_only"))]
        now = utcnow()
        # Outside the transaction: a download must not hold the contact's lock.
        photo, photo_problem = await self._store_photo(inbound) if inbound.media else (None, None)
        voice, voice_problem = await self._store_voice(inbound, inbound.voice) if inbound.voice else (None, None)
        new_files = {stored.stored_name for stored in (photo, voice) if stored}
        async with self.sessions() as db, db.begin():
            if not await record_inbound(db, self.cipher, inbound.channel, inbound.provider_message_id, now):
                log.info("replayed %s message ignored", inbound.channel)
                await asyncio.to_thread(self.media_store.delete, new_files)  # fetched again for nothing
                return []
            conversation = await lock_conversation(db, self.cipher, inbound.urn, inbound.channel, now)
            contact, step = conversation.contact, conversation.step
            expired = step != MENU and conversation.expires_at is not None and conversation.expires_at < now
            data = load_session(conversation.data, self.cipher)
            held = stored_names(data)
            turn = Turn(
                db=db, contact=contact, cipher=self.cipher, router=self.router, inbound=inbound,
                text=sanitize(inbound.text), lang=contact.language or self.default_language,
                step=step or MENU, data=data, now=now,
                escalation=self.escalation, officer=conversation.officer, web_url=self.web_url,
                photo=photo, photo_problem=photo_problem, voice=voice, voice_problem=voice_problem,
            )
            await respond(turn, first_contact=conversation.first_contact, expired=expired)
            if not turn.contact_deleted:
                # The contact's last message time as for any message, an anonymous report's Kirim included: what
                # stands out is what links. Its own rows keep whole hours instead (`storage.reports.report_time`).
                await save_step(db, conversation, turn.step, dump_session(turn.data, self.cipher),
                                None if turn.step == MENU else now + self.draft_ttl, turn.lang, now)
            # Neither the contact nor the step (a report sent): exact times in a log must not tie a contact, through
            # the provider's own records of who wrote when, to an anonymous report.
            log.debug("%s message handled", inbound.channel)
            if keep is not None:
                await keep(db, None if turn.unlinkable else contact, turn.replies)
            # A photo or voice note replaced, refused, let go with its draft or erased goes now, not with the next
            # day's sweep: a resident sending photo after photo makes the server keep one.
            let_go = (held | new_files | turn.files_let_go) - stored_names(turn.data)
            if let_go:  # most messages let none go, and ask nothing more of the database
                let_go -= await attached(db, let_go)
        if let_go:
            await asyncio.to_thread(self.media_store.delete, let_go)
        if self.on_queued is not None and queued_in(db):
            self.on_queued()  # the alerts and updates this message queued leave now, not at the dispatcher's next look
        if turn.unlinkable:
            await truncate_log(self.sessions)
        return turn.replies

    # Recurring work the scheduler runs: each in one transaction, at `now` (the tests' clock, else the real one).

    async def escalate(self, now: dt.datetime | None = None) -> int:
        """Sends again the alerts nobody acknowledged in time; returns how many reports were escalated."""
        async with self.sessions() as db, db.begin():
            return await escalate_due(self._office(db, now))

    async def send_due_digests(self, now: dt.datetime | None = None) -> int:
        """Sends the station heads' digests whose time has come, each in its own transaction so that one
        station's trouble holds up no other; returns how many were sent."""
        now = now or utcnow()
        async with self.sessions() as db:
            due = [(station.code, day)
                   for station, day in await due_digests(self._office(db, now), self.digest_catch_up)]
        sent = 0
        for code, local_date in due:
            try:
                sent += bool(await self.send_digest(code, local_date, now=now))
            except Exception:  # the next round tries it again
                log.exception("the digest of %s for %s could not be sent", code, local_date)
        return sent

    async def send_digest(self, station_code: str, local_date: dt.date, *, force: bool = False,
                          now: dt.datetime | None = None) -> int | None:
        """Sends one station's digest for a date unless it went already (or with `force`); how many heads
        it went to, None when it had gone. Raises LookupError for an unknown station, NotDue before its time."""
        async with self.sessions() as db, db.begin():
            station = await station_by_code(db, station_code)
            if station is None:
                raise LookupError(station_code)
            return await send_digest(self._office(db, now), station, local_date, force=force, web_url=self.web_url)

    async def expire_drafts(self, now: dt.datetime | None = None) -> int:
        async with self.sessions() as db, db.begin():
            return await expire_drafts(self._office(db, now), self.default_language)

    async def purge(self, retention: dt.timedelta, now: dt.datetime | None = None) -> int:
        """Clears closed reports' personal data in batches of a transaction each, drops old bookkeeping, and
        deletes the stored files nothing uses any more. Returns how many reports were cleared."""
        cleared, batch = 0, BATCH
        while batch == BATCH:
            async with self.sessions() as db, db.begin():
                batch = await purge_batch(self._office(db, now), retention)
            cleared += batch
        async with self.sessions() as db, db.begin():
            await drop_bookkeeping(self._office(db, now))
        async with self.sessions() as db:
            files = await sweep_media(self._office(db, now), self.media_store)
        if files:
            log.info("%d stored files no report uses were deleted", files)
        return cleared

    def _office(self, db: AsyncSession, now: dt.datetime | None) -> Office:
        return Office(db, self.cipher, self.router, self.escalation, now or utcnow())

    async def mark_unreachable(self, urn: str) -> None:
        """Records that the contact blocked the bot, so nothing more is sent to them until they write."""
        async with self.sessions() as db, db.begin():
            await set_contact_unreachable(db, self.cipher, urn)

    async def language_of(self, urn: str) -> str:
        """The language to write to an address in before its message is read: its contact's, else the default."""
        async with self.sessions() as db:
            return await contact_language(db, self.cipher, urn) or self.default_language

    async def set_language(self, urn: str, lang: str) -> None:
        """Sets the language of a contact who has written before (a new one gets `default_language`)."""
        async with self.sessions() as db, db.begin():
            await set_contact_language(db, self.cipher, urn, lang)

    async def _store_photo(self, inbound: Inbound) -> tuple[StoredMedia | None, str | None]:
        """Fetches and stores a photo sent where the conversation takes one; elsewhere it is not kept."""
        async with self.sessions() as db:
            step, stored = await current_session(db, self.cipher, inbound.urn)
            # At the menu, a photo answers the officer who asked the sender (or adds to the answer just given), or
            # is for the report they just sent (one sent anonymously may begin a new report: it cannot be added);
            # else one alone, or whose caption tells what happened, starts the report with it.
            answers = step in (None, MENU) and await self._answer_awaited(db, inbound.urn)
            for_a_report = step in (None, MENU) and photo_of_a_report_sent(inbound.text) and (
                await reported_since(db, self.cipher.lookup_hash(inbound.urn), utcnow() - PHOTO_OF_A_REPORT_WITHIN)
                or bool(step == MENU and load_session(stored, self.cipher).get("just_filed")))
            starts_report = step in (None, MENU) and (not inbound.text.strip() or tells_a_story(inbound.text))
        if step not in PHOTO_STEPS and not answers and not for_a_report and not starts_report:
            return None, "not_now"
        return await self._fetch_and_keep(inbound, inbound.media[0], self.media_store.save_photo)

    async def _store_voice(self, inbound: Inbound, voice: Media) -> tuple[StoredMedia | None, str | None]:
        """Fetches and stores a voice note sent where the conversation takes one (a report's story, a report begun
        with one at the menu, or the answer an officer waits for); elsewhere it is not kept. What the channel
        declares too large or too long is refused before it is downloaded; what it does not declare is read from
        the bytes."""
        async with self.sessions() as db:
            step = await current_step(db, self.cipher, inbound.urn)
            # At the menu, a voice note answers the officer who asked the sender, or begins a report as its story.
            if step not in (*VOICE_STEPS, None, MENU):
                return None, "not_now"
        if (voice.size_bytes or 0) > MAX_VOICE_BYTES:
            return None, "too_large"
        if (voice.duration_seconds or 0) > MAX_VOICE_SECONDS:
            return None, "too_long"
        return await self._fetch_and_keep(inbound, voice, self.media_store.save_voice)

    async def _answer_awaited(self, db: AsyncSession, urn: str) -> bool:
        """Whether what the contact sends now answers an officer's question, or adds to the answer just given."""
        return await question_waits(db, self.cipher.lookup_hash(urn), answered_since=utcnow() - ADDS_TO_AN_ANSWER)

    async def _fetch_and_keep(self, inbound: Inbound, media: Media,
                              save: Callable[[bytes], StoredMedia]) -> tuple[StoredMedia | None, str | None]:
        fetch = self.media_fetchers.get(inbound.channel)
        if fetch is None:
            return None, "unreadable"
        try:
            data = await fetch(media)
            return await asyncio.to_thread(save, data), None
        except MediaRejected as rejected:
            return None, rejected.reason
        except Exception as error:  # the provider's errors are its own types: any of them means unreadable
            log.warning("a %s file could not be read: %s", inbound.channel, type(error).__name__)
            return None, "unreadable"
