"""The outbox dispatcher: sends what the bot starts on its own, with retries, backoff, rate limits and
WhatsApp's 24-hour window, and records how each message ended."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import secrets
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable, Collection, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.channels.base import (
    Choice,
    ContactUnreachable,
    NeedsTemplate,
    Outbound,
    RateLimit,
    RetryLater,
    SendFailed,
    urn_scheme,
)
from bot.logs import redacted
from bot.photos import Photos
from bot.retry import backoff
from handlers.alerts import alerts_together, fit_together, goes_with_others
from storage.crypto import ContactCipher
from storage.models import OutboxKind, OutboxState, utcnow
from storage.outbox import (
    claim_due,
    contacts_by_id,
    next_due,
    open_payload,
    row_time,
    update_claimed,
    update_claimed_rows,
)

log = logging.getLogger(__name__)

WHATSAPP_WINDOW = dt.timedelta(hours=24)
CONCURRENT_CONTACTS = 8  # contacts sent to at once: fewer than PostgreSQL's connection pool, so residents get one
MOMENT_SECONDS = 0.05
TEMPLATE_VARIABLE_CHARS = 900  # a template's text with its variables must stay within 1,024
TOGETHER_PREFIX = "together:"  # the message id of alerts sent together where the channel gives none


class Sender(Protocol):
    async def send(self, message: Outbound) -> str | None: ...


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 8
    first_delay: float = 2.0
    max_delay: float = 15 * 60.0
    # How long a row claimed for sending is left to its sender (a send is cut off at half of it, so a live
    # sender never outlasts it); a row whose sender died goes again when the lease ends.
    lease: dt.timedelta = dt.timedelta(seconds=60)

    def delay(self, attempt: int, asked: float | None) -> dt.timedelta:
        """After the `attempt`-th try failed: exactly what the provider asked for, when it did; a first
        failure without such an ask (a 500, a page that is no JSON, no answer) goes again at once, through the
        channel's pace like any call; after that the backoff from `first_delay`, so that a provider that keeps
        failing is not pressed."""
        if asked is None and attempt == 1:
            return dt.timedelta(0)
        return dt.timedelta(seconds=backoff(attempt - 1, self.first_delay, self.max_delay, asked))


# Sent whatever a contact said of messages the bot starts: an officer's work (alerts, answers to their questions,
# the digest), and the answer to what the contact has just written.
_NOT_UNASKED = frozenset({OutboxKind.OFFICER_ALERT, OutboxKind.INFO_REPLY, OutboxKind.DIGEST,
                          OutboxKind.WITNESS_ADDED, OutboxKind.LATE_ANSWER})


class Dispatcher:
    def __init__(self, sessions: async_sessionmaker[AsyncSession], cipher: ContactCipher,
                 senders: Mapping[str, Sender], *, templates: Mapping[str, str] | None = None,
                 per_second: Mapping[str, float] | None = None, policy: RetryPolicy = RetryPolicy(),
                 batch: int = 50, on_unreachable: Callable[[str], Awaitable[None]] | None = None,
                 only_urn: str | None = None, skip_channels: Collection[str] = (),
                 photos: Photos | None = None) -> None:
        """`only_urn` limits the dispatcher to one contact's rows: a terminal chat prints only its own.
        `skip_channels` leaves the rows of contacts on those channels to whoever sends them: the service leaves
        a terminal chat's to `lapor chat`, which prints them when that resident or officer is next there."""
        self.sessions, self.cipher, self.senders = sessions, cipher, dict(senders)
        self.photos = photos
        self.only_urn_hash = cipher.lookup_hash(only_urn) if only_urn else None
        self.skip_channels = tuple(skip_channels)
        self.templates = dict(templates or {})
        self.limits = {name: RateLimit(rate) for name, rate in (per_second or {}).items()}
        self.policy, self.batch = policy, batch
        self._sending = asyncio.Semaphore(CONCURRENT_CONTACTS)
        self.on_unreachable = on_unreachable
        self._records = Records(sessions)
        self._woken = asyncio.Event()

    def wake(self) -> None:
        """Rows were queued in this process: a dispatcher at rest looks for them now, not at its next look."""
        self._woken.set()

    async def run(self, stop: asyncio.Event, idle_seconds: float = 1.0) -> None:
        """Sends until `stop` is set; after an empty round rests until the next row comes due, at most
        `idle_seconds`, or until woken (wake: rows this process queued; rows another process queued are found at
        the next look). The next round is claimed while the last contacts of a round are being sent to, so that
        the pace does not stand idle during the claim; it is sent once the round before has ended (a contact's
        messages go in order)."""
        claiming: asyncio.Task[list[Claim]] | None = None
        try:
            while not stop.is_set():
                self._woken.clear()  # a wake from here on ends the rest after this round
                try:
                    work = await claiming if claiming is not None else await self._claim()
                    claiming = None
                    if work:
                        last_started = asyncio.Event()
                        sending = asyncio.create_task(self._send(work, last_started.set))
                        starting = asyncio.create_task(last_started.wait())
                        try:
                            await asyncio.wait((sending, starting), return_when=asyncio.FIRST_COMPLETED)
                            claiming = asyncio.create_task(self._claim())
                            await sending
                        finally:  # cancelled: the round with it
                            starting.cancel()
                            sending.cancel()
                    pause = 0.0 if work else await self._until_next_due(idle_seconds)
                except Exception:
                    log.exception("outbox round failed")
                    claiming, pause = None, idle_seconds
                if pause:
                    await self._rest(stop, pause)
        finally:
            if claiming is not None:  # claimed but not to be sent: due again now, not when the leases end
                with contextlib.suppress(Exception):
                    await self._put_back(await claiming, utcnow())

    async def _rest(self, stop: asyncio.Event, seconds: float) -> None:
        """Waits `seconds`, less when stopped or woken."""
        waits = [asyncio.create_task(stop.wait()), asyncio.create_task(self._woken.wait())]
        try:
            await asyncio.wait(waits, timeout=seconds, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for wait in waits:
                wait.cancel()

    async def _until_next_due(self, longest: float) -> float:
        async with self.sessions() as db:
            due = await next_due(db, self.only_urn_hash, self.skip_channels)
        seconds = longest if due is None else (due - utcnow()).total_seconds()
        # Not less than a moment: rows due but held by another sender must not make this loop spin.
        return min(longest, max(MOMENT_SECONDS, seconds))

    async def run_once(self) -> int:
        """Sends one round of the rows due now (a row waiting behind an earlier one of its report is in the
        next); returns how many were tried."""
        work = await self._claim()
        await self._send(work)
        return len(work)

    async def _claim(self) -> list[Claim]:
        """Takes a round of due rows, with whom each goes to."""
        now, claimed_at = utcnow(), time.monotonic()  # the leases run from here, however long the claim waits
        async with self.sessions() as db, db.begin():
            rows = await claim_due(db, now, self.batch, self.policy.lease, self.only_urn_hash, self.skip_channels)
            contacts = await contacts_by_id(db, {row.contact_id for row in rows})
        # One Recipient a contact, shared by its claims: one found unreachable is so for the rest of the round.
        recipients = {contact_id: Recipient(self.cipher.decrypt(contact.urn_encrypted), contact.opted_out,
                                            contact.unreachable, contact.last_inbound_at)
                      for contact_id, contact in contacts.items()}
        return [Claim(row.id, row.kind, open_payload(self.cipher, row), row.attempts, row.contact_id, row.hourly,
                      recipients.get(row.contact_id), claimed_at, row.priority)
                for row in rows]

    async def _send(self, work: list[Claim], last_started: Callable[[], None] = lambda: None) -> None:
        """Sends a round; `last_started` is called once the last of its contacts has begun."""
        # Contacts at once, so that one slow provider call holds up no one else; each contact's messages of
        # the round in order, a failed one holding back those after it, so no answer comes before its question.
        by_contact: dict[int, list[Claim]] = defaultdict(list)
        for claim in work:
            by_contact[claim.contact_id].append(claim)
        waiting = len(by_contact)

        def started() -> None:
            nonlocal waiting
            waiting -= 1
            if not waiting:
                last_started()

        for failure in await asyncio.gather(*(self._send_in_order(claims, started) for claims in by_contact.values()),
                                            return_exceptions=True):
            if isinstance(failure, Exception):  # the row's lease runs out and it comes due again
                log.error("outbox round: %s", type(failure).__name__, exc_info=failure)

    async def _send_in_order(self, claims: list[Claim], started: Callable[[], None]) -> None:
        async with self._sending:
            started()
            done = 0
            while done < len(claims):
                message = _one_message(claims[done:])
                try:
                    if not await self._renew_lease(message):
                        log.warning("outbox %s: claimed again by another sender before its turn here",
                                    [claim.row_id for claim in message])
                        # Put back as they were; one another sender holds stays its, for the attempt it counts.
                        return await self._put_back(claims[done:], utcnow())
                except SQLAlchemyError:  # the database failed, not the send: nothing was tried, nothing is spent
                    log.exception("outbox %s: lease not renewed", message[0].row_id)
                    return await self._put_back(claims[done:], utcnow() + dt.timedelta(seconds=self.policy.first_delay))
                try:
                    retry_at = await self._send_message(message)
                except Exception as error:  # a bug or an untyped failure must not stall the rows behind it
                    log.exception("outbox %s: unexpected failure", message[0].row_id)
                    retry_at = await self._retry_or_give_up(message, RetryLater(type(error).__name__))
                done += len(message)
                if retry_at is not None:  # the contact's later messages wait for this one
                    return await self._put_back(claims[done:], retry_at)

    async def _renew_lease(self, message: list[Claim]) -> bool:
        """Starts the rows' lease again just before their send, so rows that waited behind their contact's earlier
        ones have the whole of it; False when another sender took one over meanwhile, or the contact was erased
        (the rows with it). Rows claimed less than a quarter of the lease ago need none: their send, cut off at
        half the lease, ends before the lease does."""
        if time.monotonic() - message[0].claimed_at < self.policy.lease.total_seconds() / 4:
            return True
        async with self.sessions() as db, db.begin():
            return all([await update_claimed(db, claim.row_id, claim.attempts,
                                             next_attempt_at=row_time(claim.hourly, utcnow() + self.policy.lease))
                        for claim in message])

    async def _put_back(self, claims: list[Claim], at: dt.datetime) -> None:
        """Returns claimed rows unsent, due again at `at`, as if this round had not taken them."""
        if not claims:
            return
        async with self.sessions() as db, db.begin():
            for claim in claims:
                await update_claimed(db, claim.row_id, claim.attempts, attempts=claim.attempts - 1,
                                     next_attempt_at=row_time(claim.hourly, at))

    async def _send_message(self, message: list[Claim]) -> dt.datetime | None:
        """Sends one message: a row, or an officer's alerts together; when it is to be tried again, the time it
        comes due."""
        try:
            return await self._send_one(message)
        except _SendEachAlone:  # alerts together the provider refused as one: each alert on its own
            for done, claim in enumerate(message):
                if not await self._renew_lease([claim]):  # each send may take up to half the lease
                    await self._put_back(message[done:], utcnow())
                    return None
                if (retry_at := await self._send_one([claim])) is not None:
                    await self._put_back(message[done + 1:], retry_at)
                    return retry_at
            return None

    async def _send_one(self, message: list[Claim]) -> dt.datetime | None:
        """Sends claimed rows as one message (see _send_message); when they are to be tried again, the time they
        come due. Alerts sent together raise _SendEachAlone where the provider refuses them as one message: outside
        WhatsApp's window (one alone would go as a template), or for good (it may be the message, not an alert)."""
        claim = message[0]
        contact = claim.recipient
        if contact is None:
            return await self._finish(message, OutboxState.FAILED, "contact erased")
        # An officer's work is no news they may opt out of: a STOP sent from the chat as a resident, before
        # enrolling, would silence every alert of the station unseen. Nor is an answer (the STOP's own, too).
        opted_out = contact.opted_out and claim.kind not in _NOT_UNASKED
        if opted_out or contact.unreachable:
            return await self._finish(message, OutboxState.FAILED, "opted out" if opted_out else "unreachable")
        urn = contact.urn
        channel = urn_scheme(urn)
        sender = self.senders.get(channel)
        if sender is None:
            return await self._finish(message, OutboxState.FAILED, f"no {channel} channel configured")
        payload = claim.payload if len(message) == 1 else alerts_together([c.payload for c in _in_order_shown(message)])
        try:
            # Within half the lease, whatever the channel's own time limits: a live sender never outlasts its
            # lease, so no other sender takes the row while it is still going out.
            async with asyncio.timeout(self.policy.lease.total_seconds() / 2), self._paced(channel):
                if len(message) > 1:
                    sid = await sender.send(await self._outbound(urn, payload))
                elif channel == "whatsapp" and (payload.get("as_template") or not _in_window(contact)):
                    sid = await self._send_template(sender, claim, urn)
                else:
                    try:
                        sid = await sender.send(await self._outbound(urn, payload))
                    except NeedsTemplate:
                        sid = await self._send_template(sender, claim, urn)
        except TimeoutError:
            return await self._retry_or_give_up(message, RetryLater("no answer within half the lease"))
        except RetryLater as failure:
            return await self._retry_or_give_up(message, failure)
        except NeedsTemplate as failure:
            if len(message) > 1:
                contact.last_inbound_at = None  # the provider says the window is shut: so it is for this round
                raise _SendEachAlone from failure
            log.warning("outbox %s: no WhatsApp template configured for %s messages; not sent", claim.row_id,
                        claim.kind)
            return await self._finish(message, OutboxState.NEEDS_TEMPLATE, str(failure))
        except ContactUnreachable as failure:
            contact.unreachable = True
            if self.on_unreachable is not None:
                await self.on_unreachable(urn)
            return await self._finish(message, OutboxState.FAILED, f"unreachable: {failure}")
        except SendFailed as failure:
            if len(message) > 1:
                log.warning("outbox %s: refused together (%s); each goes alone", [c.row_id for c in message],
                            type(failure).__name__)
                raise _SendEachAlone from failure
            return await self._finish(message, OutboxState.FAILED, str(failure))
        if len(message) > 1 and sid is None:  # a channel that names no message: the rows still tell they went as one
            sid = f"{TOGETHER_PREFIX}{secrets.token_hex(8)}"
        return await self._record_sent(message, sid)

    def _paced(self, channel: str) -> contextlib.AbstractAsyncContextManager[object]:
        """The channel's pace around its send, where the dispatcher keeps one (a channel may keep its own)."""
        limit = self.limits.get(channel)
        return limit.call() if limit is not None else contextlib.nullcontext()

    async def _record_sent(self, message: list[Claim], sid: str | None) -> None:
        """Records a send the provider took, with the one message id of alerts that went together (what tells an
        officer's number after them: handlers.officer). Never sent again for a failure here: only tried again."""
        for pause in (0.5, 2.0, None):
            try:
                return await self._finish(message, OutboxState.SENT, None, sid)
            except Exception:
                if pause is None:
                    log.exception("outbox %s: sent, but not recorded; it may go again when its lease ends",
                                  [claim.row_id for claim in message])
                    return None
                await asyncio.sleep(pause)
        return None

    async def _outbound(self, urn: str, payload: dict[str, Any]) -> Outbound:
        """The message a row holds: its text, an alert's photo and voice note or a digest's chart, and its
        buttons (numbered on WhatsApp)."""
        choices = tuple(Choice(key, label) for key, label in payload.get("choices", []))
        photo = self.photos.for_payload(payload.get("photo")) if self.photos else None
        voice = self.photos.for_payload(payload.get("voice")) if self.photos else None
        if self.photos and payload.get("chart"):
            # Drawing takes a while: off the event loop, which keeps answering residents meanwhile.
            photo = await asyncio.to_thread(self.photos.chart, payload["chart"])
        return Outbound(urn, payload["text"], choices=choices, choices_hint=payload.get("hint", ""), photo=photo,
                        voice=voice)

    async def _send_template(self, sender: Sender, claim: Claim, urn: str) -> str:
        content_sid = self.templates.get(claim.kind)
        send_template = getattr(sender, "send_template", None)
        if not content_sid or send_template is None:
            raise NeedsTemplate(f"no template for {claim.kind}")
        variables = claim.payload.get("variables") or {"1": template_text(claim.payload["text"])}
        return str(await send_template(urn, content_sid, variables))

    async def _retry_or_give_up(self, message: list[Claim], failure: RetryLater) -> dt.datetime | None:
        """Schedules the rows' next try and returns its time (the earliest, for alerts together: an anonymous
        report's, kept to the hour, holds back none of the officer's others); None when they have had their last."""
        changes: list[tuple[Claim, dict[str, Any]]] = []
        retry_at: dt.datetime | None = None
        said = redacted(str(failure))
        for claim in message:
            if claim.attempts >= self.policy.max_attempts:
                changes.append((claim, {"state": OutboxState.FAILED,
                                        "last_error": f"gave up after {claim.attempts} attempts: {said}"}))
                continue
            at = row_time(claim.hourly, utcnow() + self.policy.delay(claim.attempts, failure.delay))
            changes.append((claim, {"next_attempt_at": at, "last_error": said}))
            retry_at = at if retry_at is None else min(retry_at, at)
        await self._records.write(changes)
        return retry_at

    async def _finish(self, message: list[Claim], state: OutboxState, reason: str | None,
                      sid: str | None = None) -> None:
        values: dict[str, Any] = {"state": state, "last_error": redacted(reason) if reason else None}
        changes = []
        for claim in message:
            mine = dict(values)
            if state == OutboxState.SENT:
                mine |= {"provider_message_id": sid, "sent_at": row_time(claim.hourly, utcnow())}
            changes.append((claim, mine))
        await self._records.write(changes)


class Records:
    """Writes how sends ended, each row on the condition that its claim still holds it. The writes asked for
    while one transaction is under way go together in the next, one statement for the rows that set the same
    columns: a transaction for several rows instead of one each. Each sender still waits for its own rows' write
    before its contact's next message, so a crash repeats no more sends than were in flight."""

    def __init__(self, sessions: Callable[[], AsyncSession]) -> None:
        self.sessions = sessions
        self._asked: list[tuple[list[tuple[Claim, dict[str, Any]]], asyncio.Future[None]]] = []
        self._writing = asyncio.Lock()

    async def write(self, changes: list[tuple[Claim, dict[str, Any]]]) -> None:
        """Sets each claim's `values` on its row, unless a later claim took the row over or it is gone."""
        written = asyncio.get_running_loop().create_future()
        self._asked.append((changes, written))
        async with self._writing:
            if not written.done():  # no transaction took it while this one waited its turn: this one writes
                batch, self._asked = self._asked, []
                rows = [(claim.row_id, claim.attempts, values) for changes, _ in batch for claim, values in changes]
                try:
                    async with self.sessions() as db, db.begin():
                        changed = await update_claimed_rows(db, rows)
                except Exception as error:  # each sender handles the failure as its own
                    for _, waiting in batch:
                        waiting.set_exception(error)
                except BaseException:  # cancelled: the others must not wait for ever
                    for _, waiting in batch:
                        waiting.cancel()
                    raise
                else:
                    for _, waiting in batch:
                        waiting.set_result(None)
                    if changed is not None and changed < len(rows):
                        log.warning("outbox: %d of rows %s claimed again by another sender before this one "
                                    "finished", len(rows) - changed, [row_id for row_id, _, _ in rows])
        await written


@dataclass
class Recipient:
    """Whom a round's rows go to, as read when they were claimed."""

    urn: str
    opted_out: bool
    unreachable: bool
    last_inbound_at: dt.datetime | None


@dataclass(frozen=True)
class Claim:
    """A row taken for one attempt; `attempts` says which, so a late writer can tell it lost the row."""

    row_id: int
    kind: str
    payload: dict[str, Any]
    attempts: int
    contact_id: int
    hourly: bool = False  # names an anonymous report: its times are kept to the hour
    recipient: Recipient | None = None  # None: the contact was erased
    claimed_at: float = field(default_factory=time.monotonic)
    priority: int = 1


class _SendEachAlone(Exception):
    """Alerts together that the provider refused as one message: each is sent on its own."""


def _one_message(claims: list[Claim]) -> list[Claim]:
    """The first of a contact's claims, with those after it that go in the same message: alerts due together
    (goes_with_others) in one language, in free text (a template carries one each), as many as fit one message."""
    first = claims[0]
    if not _free_alert(first):
        return [first]
    together = [first]
    for claim in claims[1:]:
        if (not _free_alert(claim) or claim.payload["lang"] != first.payload["lang"]
                or not fit_together([c.payload for c in _in_order_shown([*together, claim])])):
            break
        together.append(claim)
    return together


def _in_order_shown(message: list[Claim]) -> list[Claim]:
    """Alerts together, urgent first, then as they were queued: the order storage.outbox.sent_together reads them
    back in."""
    return sorted(message, key=lambda claim: (claim.priority, claim.row_id))


def _free_alert(claim: Claim) -> bool:
    recipient = claim.recipient
    if recipient is None or claim.payload.get("as_template") or not goes_with_others(claim.kind, claim.payload):
        return False
    return urn_scheme(recipient.urn) != "whatsapp" or _in_window(recipient)


def template_text(text: str) -> str:
    """A message as one template variable: WhatsApp refuses newlines, tabs and long runs of spaces in one,
    and the template's text with its variables must stay within 1,024 characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= TEMPLATE_VARIABLE_CHARS else flat[: TEMPLATE_VARIABLE_CHARS - 1].rstrip() + "…"


def _in_window(contact: Recipient) -> bool:
    return contact.last_inbound_at is not None and utcnow() - contact.last_inbound_at < WHATSAPP_WINDOW
