"""Alerts: a report goes at once, through the outbox, to the duty officers of its station, with one-tap
actions; an alert nobody acknowledges goes again (see escalation)."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.choices import Menu
from handlers.i18n import LANGUAGES, catalogue, format_hour, format_time, labels, t
from handlers.office import Office
from handlers.routing import describe_place
from handlers.voice import voice_payload
from storage.models import (
    Attachment,
    Contact,
    Identity,
    Officer,
    OutboxKind,
    PatrolNote,
    Report,
    ReportEvent,
    ReportSource,
    ReportStatus,
    Witness,
)
from storage.officers import officers_to_alert
from storage.outbox import enqueue
from storage.reports import round_time
from storage.stations import timezone_for
from storage.witnesses import residents_reporting, witnesses_of

URGENT, NORMAL = 0, 1  # outbox priorities
# The one-tap actions on a report, each choice keyed "<action>:<ref>"; reopening is offered on a closed report alone.
ACTIONS = Menu("action").only("ack", "progress", "resolve", "info", "refer", "duplicate", "reject")
# WhatsApp reads *bold*, _italic_, ~struck~ and `code`, and has no escape character. These look-alikes read as
# the same marks, are markup in no chat, and stay visible (an invisible joiner would hide what was typed, and
# is what the inbound cleaning takes out of every message).
_INERT_MARKS = str.maketrans({"*": "\u2217", "_": "\u02cd", "~": "\u223c", "`": "\u02cb"})
# A mark formats only at a word's edge: it opens after the start, a space or a punctuation mark and before a
# non-space; it closes after a non-space and before the end, a space or a punctuation mark. Only those are made
# inert: one inside a word ("arisan_berkah_blitar", "a*b") stays as typed, so that it still matches when an
# officer copies it into a search. A letter or a digit is a word's; a mark beside another mark is at an edge.
_MARK_AT_AN_EDGE = re.compile(r"(?<![^\W_])[*_~`](?=\S)|(?<=\S)[*_~`](?![^\W_])")
# Telegram shows "/word" in any message as a command the reader sends from their own chat with one tap: a
# resident's words must offer an officer none. The division slash before a word looks the same and is no command.
_COMMAND_SLASH = re.compile(r"(?<![\w/])/(?=\w)")
# An officer's alerts that are due at once go in one message, up to this many: a burst of reports pages them in a
# second, where one message each would queue behind the provider's pace (WHATSAPP_PER_SECOND, and Meta's limit of
# about one message every few seconds to the same person), and their phone rings once, not ten times.
ALERTS_TOGETHER = 5
# Alerts go together only while they fit one WhatsApp message (Twilio's 1,600 characters) with their numbered
# choices: a message cut in parts rings more than once, and a provider's answer names one part. Whole alerts with
# their stories are 250-400 characters, so three or four fit; in their brief form (the story's first words, the
# official place) five do, and a burst of 100 reports reaches the officer in 20 messages rather than 30.
ALERTS_TOGETHER_CHARS = 1500
BRIEF_STORY_CHARS = 90


def quoted(text: str) -> str:
    """What a resident wrote (a story, a place, a name, an answer), as officers read it inside Lapor's own lines:
    between quotation marks, on one line (its line breaks shown as " / "), so that none of it can stand as a
    line of the alert, with its chat markup inert and no word of it a command."""
    lines = (line.strip() for line in text.splitlines())
    one_line = " / ".join(line for line in lines if line)
    inert = _MARK_AT_AN_EDGE.sub(lambda mark: mark[0].translate(_INERT_MARKS), one_line)
    return "\u201c" + _COMMAND_SLASH.sub("\u2215", inert) + "\u201d"


def story_start(text: str, chars: int = BRIEF_STORY_CHARS) -> str:
    """The first words of a story, quoted, for an alert's brief form: whole words, "…" where it goes on."""
    one_line = " ".join(text.split())
    if len(one_line) > chars:
        one_line = (one_line[:chars].rsplit(" ", 1)[0] or one_line[:chars]) + "…"
    return quoted(one_line)


def status_at_station(lang: str, status: ReportStatus | str) -> str:
    """A report's status as its station's officers read it: one referred to them is theirs to look at now."""
    value = ReportStatus(status).value
    return t(lang, "status.referred_here" if value == ReportStatus.REFERRED else f"status.label.{value}")


async def kept_instead(db: AsyncSession, report: Report) -> Report | None:
    """The report a duplicate was joined to, which stays; None for a report that is no duplicate."""
    return await db.get(Report, report.duplicate_of_id) if report.duplicate_of_id is not None else None


def said_when(lang: str, occurred_text: str) -> str:
    """When it happened, for an officer reading `lang`: one of the choices (or "not said"), as the resident saw
    it in either language, in the officer's; the resident's own words quoted."""
    for told_in in LANGUAGES:  # the resident may have switched language while reporting
        chosen = {label: key for key, label in labels(told_in, "when").items()}
        if occurred_text in chosen:
            return labels(lang, "when")[chosen[occurred_text]]
        if occurred_text == t(told_in, "report.when_not_said"):
            return t(lang, "report.when_not_said")
    return quoted(occurred_text)


def residents_text(lang: str, residents: int) -> str:
    """"Dilaporkan oleh 3 warga" as a line of its own; nothing for a report only its reporter made."""
    return t(lang, "alert.residents", residents=residents) if residents > 1 else ""


def can_reach_reporter(report: Report) -> bool:
    return not_told_why(report) is None


def not_told_why(report: Report) -> str | None:
    """Why the bot cannot write to the report's reporter: "patrol" (officers took it down), "anonymous", "erased"
    (they erased their data); None when it can."""
    if report.source != ReportSource.CITIZEN:
        return "patrol"
    if report.identity == Identity.ANONYMOUS:
        return "anonymous"
    return "erased" if report.contact_id is None else None


async def reporter_silenced(db: AsyncSession, report: Report) -> str | None:
    """"opted_out" when the reporter asked for no messages (BERHENTI), "unreachable" when their chat cannot be
    reached; None when news reaches them (or the bot cannot write to them at all: see not_told_why)."""
    if not_told_why(report) is not None or report.contact_id is None:
        return None
    contact = await db.get(Contact, report.contact_id)
    if contact is None:
        return None
    return "opted_out" if contact.opted_out else "unreachable" if contact.unreachable else None


async def can_ask_reporter(db: AsyncSession, report: Report) -> bool:
    """Whether a question reaches the reporter now: one the bot may write to, who has not stopped its messages."""
    return can_reach_reporter(report) and await reporter_silenced(db, report) is None


def action_choices(lang: str, report: Report, *, askable: bool) -> list[list[str]]:
    """The actions an alert offers, numbered as the officer's LIHAT numbers them: Minta info only where a question
    reaches the reporter (`askable`, can_ask_reporter; the officer's number for it would be refused)."""
    return [[f"{choice.key}:{report.ref}", choice.label] for choice in ACTIONS.options(lang)
            if choice.key != "info" or askable]


def report_place(office: Office, report: Report, lang: str, *, as_typed: bool = True) -> str:
    """Where, as the resident put it with the official place it was read as; not `as_typed`, in few words: the
    official place alone, and what the resident typed (or the pin) only where none was found."""
    code = report.place_code
    typed = _typed(report.location_text) if as_typed or not code else None
    place = describe_place(lang, office.router, location_text=typed, latitude=report.latitude,
                           longitude=report.longitude, code=code, exact_pin=report.identity == Identity.NAMED)
    return t(lang, "alert.online_place", place=place) if report.online else place


def witness_place(office: Office, witness: Witness, lang: str) -> str:
    """Where a witness said it happened, in their words or as their pin."""
    return describe_place(lang, office.router, location_text=_typed(witness.location_text), latitude=witness.latitude,
                          longitude=witness.longitude, code=None, exact_pin=witness.identity == Identity.NAMED)


def _typed(location_text: str | None) -> str | None:
    return quoted(location_text) if location_text else None


class WitnessAccount(NamedTuple):
    """A witness statement as an officer reads it, in the officer's language."""

    witness: Witness
    when: str  # when the witness said it happened: their words quoted, or a choice (or "not said") translated
    where: str
    reporter: str


async def witness_accounts(office: Office, report: Report, lang: str) -> list[WitnessAccount]:
    """Each witness statement of the report, oldest first, with when and where the witness said it was and who
    they are as an officer may see it: what the chat's LIHAT and the report's web page show."""
    return [WitnessAccount(witness, said_when(lang, witness.occurred_text), witness_place(office, witness, lang),
                           await reporter_line(office, witness.identity, witness.contact_id, lang))
            for witness in await witnesses_of(office.db, report)]


async def _patrol_line(office: Office, report: Report, lang: str) -> str:
    """Who heard a concern raised on a patrol: it came from residents met face to face, through that officer."""
    note = await office.db.get(PatrolNote, report.patrol_note_id)
    officer = await office.db.get(Officer, note.officer_id) if note and note.officer_id else None
    return t(lang, "alert.reporter_patrol",
             officer=(officer.name if officer and officer.name else t(lang, "officer.history.an_officer")))


def number_shown(urn: str) -> bool:
    """Whether officers see a named reporter's number: a WhatsApp address is one; a Telegram chat id is none."""
    return urn.startswith("whatsapp:")


def as_seen_from(urn: str, lang: str, key: str) -> str:
    """The catalogue key of what to tell the contact at `urn`: a text that says what officers see of a reporter by
    name has a `_without_number` form, said where officers see no number (a Telegram reporter's name alone)."""
    without = f"{key}_without_number"
    return without if not number_shown(urn) and without in catalogue(lang) else key


async def reporter_line(office: Office, identity: Identity, contact_id: int | None, lang: str) -> str:
    """Who reported (or witnessed), as an officer may see it: name and number only for a named account."""
    if identity != Identity.NAMED:
        return t(lang, f"alert.reporter_{identity.value}")
    contact = await office.db.get(Contact, contact_id) if contact_id is not None else None
    if contact is None:  # erased (HAPUS): the link went with the contact
        return t(lang, "alert.reporter_erased")
    name = office.cipher.decrypt(contact.display_name_encrypted) if contact.display_name_encrypted else "-"
    urn = office.cipher.decrypt(contact.urn_encrypted)
    number = urn.split(":", 1)[1] if number_shown(urn) else t(lang, "alert.no_number")
    return t(lang, "alert.reporter_named", name=quoted(name), number=number)


class AlertFacts(NamedTuple):
    """What an alert tells of a report beyond its own row: the same for every officer it goes to."""
    photo: Attachment | None
    voice: Attachment | None  # the story told
    residents: int  # the reporter and the witnesses
    askable: bool  # a question reaches the reporter (can_ask_reporter)


async def alert_facts(db: AsyncSession, report: Report) -> AlertFacts:
    attachments = (await db.execute(
        select(Attachment).where(Attachment.report_id == report.id).order_by(Attachment.id))).scalars().all()
    return AlertFacts(photo=next((a for a in attachments if a.content_type.startswith("image/")), None),
                      voice=next((a for a in attachments if a.content_type.startswith("audio/")), None),
                      residents=await residents_reporting(db, report), askable=await can_ask_reporter(db, report))


async def alert_payload(office: Office, report: Report, lang: str, heading: str = "", *,
                        arriving: bool = True, facts: AlertFacts | None = None) -> dict[str, Any]:
    """The alert an officer reads, in their language, with the actions they can take on it; not `arriving`,
    the same report looked up later, not announced as new. `facts` where they were read for the other officers."""
    photo, voice, residents, askable = facts or await alert_facts(office.db, report)
    said = {"heading": heading, "urgent": t(lang, "alert.urgent") if report.urgent else "", "ref": report.ref,
            "category": labels(lang, "category")[report.category.value], "when": said_when(lang, report.occurred_text),
            "residents": residents_text(lang, residents)}
    text = t(
        lang, "alert.new_report", **said,
        title=t(lang, "alert.title_new" if arriving else "alert.title_seen"),
        place=report_place(office, report, lang),
        description=quoted(report.description),
        photo=t(lang, "alert.photo_attached" if photo else "alert.no_photo"),
        reporter=await _patrol_line(office, report, lang) if report.patrol_note_id is not None
        else await reporter_line(office, report.identity, report.contact_id, lang),
        received=received_at(report, lang),
    )
    brief = t(lang, "alert.brief", **said, place=report_place(office, report, lang, as_typed=False),
              description=story_start(report.description))
    if report.language != lang and report.source == ReportSource.CITIZEN:  # questions and notes reach them as typed
        language = t(lang, f"language.name_{report.language}")
        # where no question reaches the reporter, only the language they wrote in is said
        asked = "alert.reporter_language" if askable else "alert.reporter_language_brief"
        text += "\n" + t(lang, asked, language=language)
        brief += "\n" + t(lang, "alert.reporter_language_brief", language=language)
    choices = action_choices(lang, report, askable=askable)
    payload: dict[str, Any] = {"text": text, "brief": brief, "ref": report.ref, "lang": lang, "choices": choices,
                               "hint": t(lang, "alert.hint", last=len(choices), ref=report.ref)}
    if photo:
        payload["photo"] = {"stored_name": photo.stored_name}
    if voice:
        payload["voice"] = voice_payload(voice)
    return payload


def received_at(report: Report, lang: str) -> str:
    """When the report came in, in its station's zone: an alert sent late, or again, says how old it is. An
    anonymous report's time is its whole hour, said as no more."""
    zone = timezone_for(report.place_code or "")
    return format_hour(lang, report.created_at, zone) if report.identity == Identity.ANONYMOUS \
        else format_time(lang, report.created_at, zone)


def goes_with_others(kind: str, payload: dict[str, Any]) -> bool:
    """Whether a queued message is an alert that may share one message with the officer's other alerts: text and
    actions alone (a photo or a voice note goes on its own), in a language it names."""
    return (kind == OutboxKind.OFFICER_ALERT and "lang" in payload and "ref" in payload and "brief" in payload
            and not payload.get("photo") and not payload.get("voice"))


def fit_together(payloads: list[dict[str, Any]]) -> bool:
    """Whether these alerts, as alerts_together puts them, fit one message."""
    return len(payloads) <= ALERTS_TOGETHER and _length(alerts_together(payloads)) <= ALERTS_TOGETHER_CHARS


def _length(message: dict[str, Any]) -> int:
    """A message's characters as the officer's chat shows it, its numbered choices ("1. Terima LP-…") included."""
    return len(message["text"]) + sum(len(label) + 5 for _key, label in message["choices"]) + len(message["hint"])


def alerts_together(payloads: list[dict[str, Any]]) -> dict[str, Any]:
    """One message for several alerts to the same officer (see goes_with_others), in the order given: each alert's
    whole text where they all fit one message, else each one's brief form; as choices each report's first action,
    acknowledging it, which is what a burst calls for; the whole report and its other actions are a LIHAT away.
    A report alerted twice (its escalation due with its first alert) is shown once, as its last alert tells it."""
    last_of_report = {payload["ref"]: payload for payload in payloads}
    payloads = [payload for payload in payloads if last_of_report[payload["ref"]] is payload]
    if len(payloads) == 1:  # one report alerted twice: its alert, with all its actions
        return payloads[0]
    lang = payloads[0]["lang"]
    choices = [[key, f"{label} {payload['ref']}"] for payload in payloads for key, label in payload["choices"][:1]]
    hint = t(lang, "alert.hint_together", last=len(choices), ref=payloads[0]["ref"])
    for form in ("text", "brief"):
        text = "\n\n".join([t(lang, "alert.together", count=len(payloads)), *(payload[form] for payload in payloads)])
        message = {"text": text, "choices": choices, "hint": hint}
        if _length(message) <= ALERTS_TOGETHER_CHARS:
            break
    return message


async def send_alerts(office: Office, report: Report, to: list[tuple[Officer, Contact]], cause: ReportEvent,
                      waited: int | None = None, referred_from: str | None = None, declined: str | None = None) -> int:
    """Queues one alert per officer for the event that calls for it (an escalation says how many minutes
    the report has `waited`, a referral which station it comes `referred_from`, an escalation of a report referred
    here both, a referral `declined` there the station that gave it back and why); returns how many."""
    # An anonymous report's times are whole hours: how long it has waited is known only as a least.
    escalated = "alert.escalated_at_least" if report.identity == Identity.ANONYMOUS else "alert.escalated"
    facts = await alert_facts(office.db, report) if to else None  # read once, not once an officer
    for officer, contact in to:
        lang = contact.language or report.language
        heading = (t(lang, f"{escalated}_referred", minutes=waited, station=referred_from)
                   if waited is not None and referred_from
                   else t(lang, escalated, minutes=waited) if waited is not None
                   else t(lang, "alert.declined_by", station=referred_from, reason=quoted(declined))
                   if declined is not None and referred_from
                   else t(lang, "alert.referred_from", station=referred_from) if referred_from else "")
        # a referral declined brings back the station's own report: no new one
        arriving = waited is None and declined is None
        await enqueue(office.db, office.cipher, kind=OutboxKind.OFFICER_ALERT, contact_id=contact.id,
                      payload=await alert_payload(office, report, lang, heading, arriving=arriving, facts=facts),
                      idempotency_key=f"{OutboxKind.OFFICER_ALERT}:{cause.id}:{officer.id}", at=office.now,
                      priority=URGENT if report.urgent else NORMAL, report_id=report.id,
                      hourly=report.identity == Identity.ANONYMOUS)
    return len(to)


async def alert_station(office: Office, report: Report, cause: ReportEvent, referred_from: str | None = None, *,
                        declined: str | None = None) -> int:
    """Alerts the duty officers of the report's station (its heads, where none is on duty: a station with only its
    head enrolled still counts as read) and starts the escalation clock."""
    if report.station_id is None:
        return 0
    due = office.now + office.escalation.after(report)
    report.escalate_at, report.escalations = round_time(report, due, office.now), 0
    return await send_alerts(office, report, await officers_to_alert(office.db, report.station_id), cause,
                             referred_from=referred_from, declined=declined)

