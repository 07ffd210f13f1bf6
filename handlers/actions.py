"""What officers do to a report. Each action leads to one status, allowed or not by the status table of
`storage.workflow`; each change is an event with its actor, time and note, reaches a named or
confidential reporter through the outbox, and a referral alerts the station that takes the report over."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from handlers.alerts import (
    action_choices,
    alert_station,
    can_reach_reporter,
    not_told_why,
    quoted,
    reporter_silenced,
)
from handlers.i18n import format_hour, format_time, labels, t
from handlers.language.intents import reporter_word, stopping
from handlers.office import Office
from handlers.routing import code_label, said_with_place
from handlers.status import status_label
from handlers.text import letters_and_digits
from handlers.voice import voice_payload
from storage.media import StoredMedia
from storage.models import (
    Attachment,
    Contact,
    EventKind,
    Identity,
    Officer,
    OutboxKind,
    Report,
    ReportEvent,
    ReportSource,
    ReportStatus,
    Station,
    StationKind,
    Witness,
)
from storage.officers import officers_to_alert
from storage.outbox import drop_unsent_alerts, enqueue
from storage.reports import (
    came_back,
    find_ref,
    last_reporter_reply,
    last_status_event,
    latest_event,
    report_by_ref,
    report_time,
    reporter_said_already,
)
from storage.stations import station_named
from storage.witnesses import followers, join_duplicate
from storage.workflow import CLOSED_STATUSES, UNACKNOWLEDGED, StatusChangeNotAllowed, check_status_change

S = ReportStatus


class Action(enum.StrEnum):
    ACKNOWLEDGE = "ack"
    PROGRESS = "progress"
    RESOLVE = "resolve"
    NEED_INFO = "info"
    REFER = "refer"
    DUPLICATE = "duplicate"
    REJECT = "reject"
    REOPEN = "reopen"


# The status each action leads to; from which statuses it may be taken, the status table says.
LEADS_TO: dict[Action, ReportStatus] = {
    Action.ACKNOWLEDGE: S.ACKNOWLEDGED,
    Action.PROGRESS: S.IN_PROGRESS,
    Action.NEED_INFO: S.NEED_INFO,
    Action.RESOLVE: S.RESOLVED,
    Action.REFER: S.REFERRED,
    Action.DUPLICATE: S.DUPLICATE,
    Action.REJECT: S.REJECTED,
    Action.REOPEN: S.IN_PROGRESS,
}
# The event an action makes, where it is no plain status change: a reopening goes by its own table.
EVENT_OF: dict[Action, EventKind] = {Action.REOPEN: EventKind.REOPEN}
# What an action must come with: a note the reporter reads, a question, a station code, the other ref.
NEEDS_ARGUMENT = {Action.RESOLVE: "note", Action.NEED_INFO: "question", Action.REFER: "station",
                  Action.DUPLICATE: "ref", Action.REJECT: "reason", Action.REOPEN: "reopen_reason"}
ARGUMENT_CHARS = 1000
NOTE_CHARS = 3  # letters or digits a note, question or reason needs: "👍" tells the reporter nothing


@dataclass(frozen=True)
class Outcome:
    """`refusal` names the catalogue text that says why nothing changed; None when the action was taken.
    A taken action says whether the reporter was told and, for a referral, which station got it and how
    many of its officers were alerted."""

    refusal: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    not_told: str | None = None  # why the reporter was not told (see not_told_why); None when they were
    station: str = ""
    alerted: int = 0
    other_polres: str = ""  # a referral outside the sending station's Polres: the receiving one's
    returned: bool = False  # a referral declined went back to the station that made it


# Notes that go to the reporter; words added to an acknowledgement or "in progress" stay among officers.
PUBLIC_NOTES = {Action.RESOLVE, Action.NEED_INFO, Action.REFER, Action.REJECT, Action.REOPEN}


def actor(officer: Officer) -> str:
    return f"officer:{officer.id}"


def _not_theirs(officer: Officer, report: Report) -> Outcome | None:
    """Another station's report is "not found", as when it is looked up: its existence is not theirs to learn."""
    return Outcome("officer.unknown_ref", {"ref": report.ref}) if report.station_id != officer.station_id else None


def too_long(words: str) -> Outcome | None:
    """The refusal of words longer than an action takes (ARGUMENT_CHARS); None where they fit."""
    if len(words) <= ARGUMENT_CHARS:
        return None
    return Outcome("officer.argument_too_long", {"longest": str(ARGUMENT_CHARS)})


async def refusal(db: AsyncSession, officer: Officer, report: Report, action: Action) -> Outcome | None:
    """Why `officer` may not take `action` on `report` now, if they may not: the one gate of what the alert, LIHAT
    and the web page offer and of what a tap, a number or a form does."""
    if (not_theirs := _not_theirs(officer, report)) is not None:
        return not_theirs
    try:
        check_status_change(report.status, LEADS_TO[action], EVENT_OF.get(action, EventKind.STATUS))
    except StatusChangeNotAllowed:
        return Outcome("officer.not_allowed", {"ref": report.ref, "action": action.value,
                                                "status": report.status.value})
    if action == Action.NEED_INFO and not can_reach_reporter(report):
        return Outcome("officer.cannot_ask", {"ref": report.ref})
    if action == Action.NEED_INFO and await reporter_silenced(db, report):
        return Outcome("officer.cannot_ask_silenced", {"ref": report.ref})  # a question no one would read
    if action == Action.REOPEN and not_told_why(report) == "erased":
        # its reporter's data purged (kept so long after closing) or erased: they could not be told it is worked on
        return Outcome("officer.cannot_reopen", {"ref": report.ref})
    return None


async def can_take(db: AsyncSession, officer: Officer, report: Report) -> list[Action]:
    """The actions `officer` may take on `report` now, in the order the alert and LIHAT number them."""
    return [action for action in Action if await refusal(db, officer, report, action) is None]


async def refusal_said(office: Office, officer: Officer, report: Report, action: Action, lang: str) -> Outcome | None:
    """refusal(), saying who has the report where another officer's action put it where `action` cannot be taken
    (a second officer tapping Terima on a report their colleague took): their rank and name, and when."""
    refused = await refusal(office.db, officer, report, action)
    if refused is None or refused.refusal != "officer.not_allowed":
        return refused
    moved = await last_status_event(office.db, report, report.status)
    replied = await last_reporter_reply(office.db, report)
    station = await office.db.get(Station, report.station_id) if report.station_id else None
    zone = station.timezone if station else "Asia/Jakarta"
    said = format_hour if report.identity == Identity.ANONYMOUS else format_time
    if replied is not None and (moved is None or replied.id > moved.id):
        # the reporter's words since: a wish to withdraw it (in answer to a question or of their own), or the answer
        # that took it back from "waiting for the reporter"
        withdrawn = withdraws(replied.note or "")
        if withdrawn or replied.from_status != replied.to_status:
            return Outcome("officer.withdrawn_by_reporter" if withdrawn else "officer.answered_by_reporter",
                           {**refused.params, "when": said(lang, replied.created_at, zone),
                            "said": quoted(replied.note or "")})
    if moved is None or not moved.actor.startswith("officer:") or moved.actor == actor(officer):
        return refused
    return Outcome("officer.taken_by", {**refused.params, "who": await actor_name(office.db, lang, moved.actor),
                                        "when": said(lang, moved.created_at, zone)})


async def actor_name(db: AsyncSession, lang: str, by: str) -> str:
    """Who an event's actor is, as officers read it: an officer's rank and name, the reporter, the system."""
    if by.startswith("officer:"):
        officer = await db.get(Officer, int(by.split(":", 1)[1]))
        return (officer.name if officer and officer.name else None) or t(lang, "officer.history.an_officer")
    return t(lang, f"officer.history.by_{by}")


async def act(office: Office, officer: Officer, report: Report, action: Action, argument: str) -> Outcome:
    """Takes `action` on `report` (read with its lock) for `officer`, or says why it cannot be taken."""
    refused = await refusal(office.db, officer, report, action)
    if refused is not None:
        return refused
    silenced = await reporter_silenced(office.db, report)
    argument = argument.strip()
    if action in NEEDS_ARGUMENT and not argument:
        raise ValueError(f"{action} needs its {NEEDS_ARGUMENT[action]}: ask for it first")
    if (refused_long := too_long(argument)) is not None:
        return refused_long
    note = argument or None
    new_station, reason = None, ""
    returned = action == Action.REJECT and (new_station := await referred_by(office, report)) is not None
    if returned and new_station is not None:
        # declined where it was referred to: the referring station, which covers the place, decides again, and
        # its officers read why ("bukan wilayah kami"); the reporter is told where it went, not "cannot be done"
        action, reason, note = Action.REFER, argument, new_station.name
    elif action == Action.REFER:
        new_station, reason = await station_and_reason(office, argument)
        if new_station is None:
            return Outcome("officer.unknown_station", {"code": argument})
        if new_station.id == report.station_id:
            return Outcome("officer.refer_own_station", {"ref": report.ref, "station": new_station.name})
        note = new_station.name
    elif action == Action.DUPLICATE:
        other_ref = find_ref(argument, prefix_optional=True)
        other = await report_by_ref(office.db, other_ref) if other_ref else None
        if (other is None or other.id == report.id or other.station_id != report.station_id
                or other.status == S.DUPLICATE):  # a duplicate points at the report that stays
            return Outcome("officer.unknown_duplicate", {"ref": argument})
        if other.status in CLOSED_STATUSES and report.status not in CLOSED_STATUSES:
            return Outcome("officer.duplicate_of_closed", {"ref": report.ref, "other": other.ref})
        report.duplicate_of_id, note = other.id, None  # the other ref stays among officers
        # its residents follow the report that stays, where they said it was: as typed, else the place it was read as
        await join_duplicate(office.db, report, other, place=said_with_place(report.language, office.router,
                                                                            report.location_text, report.place_code))
    from_station_id, referred_from = report.station_id, None
    if new_station is not None:  # moved before its status changes: the reporter is told where it is now
        referred_from = await office.db.get(Station, report.station_id) if report.station_id else None
        report.station_id, report.needs_routing = new_station.id, False
    event = await change_status(office, report, LEADS_TO[action], actor(officer), note,
                                public=action in PUBLIC_NOTES or note is None,
                                kind=EVENT_OF.get(action, EventKind.STATUS))
    if reason:  # why it was referred, for officers: the reporter reads where it went
        await _note_event(office, officer, report, reason)
    alerted, other_polres = 0, ""
    if new_station is not None:
        if not returned and not await came_back(office.db, report):
            # the sender follows it there, read only; a station that gave it back (declined it, or referred it
            # back where it came from) is done with it, and so is its Polres
            event.from_station_id = from_station_id
        from_where = referred_from.name if referred_from else None
        if returned:  # back for its own report: declined there, and why
            alerted = await alert_station(office, report, event, from_where, declined=reason)
        else:
            if from_where and reason:  # why, for the officers it goes to; the reporter reads where it went
                from_where = f"{from_where}: {quoted(reason)}"
            alerted = await alert_station(office, report, event, from_where)
        if referred_from is not None and _polres_of(referred_from) != (theirs := _polres_of(new_station)) \
                and theirs is not None and (polres := await office.db.get(Station, theirs)) is not None:
            other_polres = polres.name  # allowed, as a place near a border may be; said, as a slip may be one
    return Outcome(not_told=not_told_why(report) or silenced, station=new_station.name if new_station else "",
                   alerted=alerted, other_polres=other_polres, returned=returned)


async def referred_by(office: Office, report: Report) -> Station | None:
    """The station that referred the report to where it is now, if it came by a referral: where it goes back
    when declined here."""
    referral = await last_status_event(office.db, report, S.REFERRED)
    if referral is None or report.status != S.REFERRED or referral.from_station_id is None:
        return None
    return await office.db.get(Station, referral.from_station_id)


async def referral_doubts(office: Office, report: Report, typed: str) -> list[tuple[str, dict[str, Any]]]:
    """What to say before a referral is made, as catalogue keys and their params: the station named lies outside
    the Polres of the report's station, or has no duty officer enrolled to be alerted. Empty when there is
    neither, or no such station (act() says so)."""
    station, _reason = await station_and_reason(office, typed)
    here = await office.db.get(Station, report.station_id) if report.station_id else None
    if station is None or here is None or station.id == here.id:
        return []
    doubts: list[tuple[str, dict[str, Any]]] = []
    theirs = _polres_of(station)
    if _polres_of(here) != theirs and theirs is not None and (polres := await office.db.get(Station, theirs)):
        doubts.append(("web.report.refer_outside", {"station": station.name, "polres": polres.name}))
    if not await officers_to_alert(office.db, station.id):
        doubts.append(("web.report.refer_unread", {"station": station.name}))
    return doubts


def _polres_of(station: Station) -> int | None:
    """The Polres a station belongs to (itself, for a Polres); None for the national desk."""
    if station.kind == StationKind.POLRES:
        return station.id
    return station.parent_id if station.kind == StationKind.POLSEK else None


STATION_WORDS = 4  # "Polsek Sananwetan", "POLSEK-SANANWETAN": how many words a station is named in at most


async def station_and_reason(office: Office, typed: str) -> tuple[Station | None, str]:
    """The station a referral names first, and the reason after it ("POLSEK-SEKAR salah rujuk, lokasinya di
    sekar"): all the words if they name one (a station's whole name), else the longest opening ones that do."""
    words = typed.split()
    for count in dict.fromkeys((len(words), *range(min(len(words), STATION_WORDS), 0, -1))):
        station = await station_named(office.db, " ".join(words[:count]).rstrip(",.:;"))
        if station is not None:
            return station, " ".join(words[count:]).lstrip(",.:;- ")
    return None, ""


NOTE_AGAIN_WITHIN = dt.timedelta(minutes=10)  # the same note again within this is the same note sent twice


async def add_note(office: Office, officer: Officer, report: Report, note: str) -> Outcome:
    """An officer's note on a report of their station, at any status ("tim sudah di TKP, pelaku kabur"): kept in
    its history for officers, never relayed to the reporter, the status unchanged."""
    note = note.strip()
    short = Outcome("officer.note_invalid", {"shortest": NOTE_CHARS}) if letters_and_digits(note) < NOTE_CHARS else None
    if (refused := _not_theirs(officer, report) or short or too_long(note)) is not None:
        return refused
    last = await latest_event(office.db, report)
    if last is not None and last.kind == EventKind.NOTE and last.actor == actor(officer) and last.note == note \
            and last.created_at >= report_time(report, office.now - NOTE_AGAIN_WITHIN, office.now):
        return Outcome()  # sent again just now (a page reloaded, a message sent twice): kept once
    await _note_event(office, officer, report, note)
    return Outcome()


async def _note_event(office: Office, officer: Officer, report: Report, note: str) -> None:
    office.db.add(ReportEvent(report_id=report.id, kind=EventKind.NOTE, from_status=report.status,
                              to_status=report.status, actor=actor(officer), note=note, public=False,
                              created_at=report_time(report, office.now, office.now)))
    await office.db.flush()


async def change_status(office: Office, report: Report, to_status: ReportStatus, by: str, note: str | None, *,
                        public: bool = True, kind: EventKind = EventKind.STATUS) -> ReportEvent:
    """The one place a report's status changes: checked against the status table (StatusChangeNotAllowed,
    nothing changed, when the table does not allow it), recorded as an event and relayed to the reporter."""
    check_status_change(report.status, to_status, kind)
    at = report_time(report, office.now, office.now)
    event = ReportEvent(report_id=report.id, kind=kind, from_status=report.status, to_status=to_status, actor=by,
                        note=note, public=public, created_at=at)
    office.db.add(event)
    if report.status in UNACKNOWLEDGED and to_status not in UNACKNOWLEDGED:
        report.escalate_at = None  # somebody has it now
    if to_status not in UNACKNOWLEDGED or to_status == S.REFERRED:
        # taken (a question asked of the reporter too), decided or sent on to another station: the alerts not sent
        # yet would call officers to it
        await drop_unsent_alerts(office.db, report.id)
    report.status, report.updated_at = to_status, at
    await office.db.flush()
    if kind in (EventKind.STATUS, EventKind.REOPEN):
        await relay_to_reporter(office, report, event)
    return event


async def relay_to_reporter(office: Office, report: Report, event: ReportEvent) -> None:
    """Tells a named or confidential reporter, and the witnesses who are not anonymous, on their own channel.
    An anonymous account has no one to tell (its status is read with STATUS ‹ref›), and a patrol's report was
    taken down by officers. A witness hears the status alone: the report's ref and the officers' notes and
    questions are written to its reporter (whoever joins an alike story is a witness)."""
    if report.source != ReportSource.CITIZEN:
        return
    to = [report.contact_id] if can_reach_reporter(report) else []
    if event.to_status != S.NEED_INFO:  # a question waits for the reporter's answer; witnesses hear the outcome
        to += [contact_id for contact_id in await followers(office.db, report) if contact_id not in to]
    for contact_id in to:
        contact = await office.db.get(Contact, contact_id)
        if contact is None:
            continue
        lang = contact.language or report.language
        status = await status_label(office.db, lang, report)
        if contact_id != report.contact_id:
            code = report.place_code  # never where it was typed
            text = t(lang, "relay.witness_update", category=labels(lang, "category")[report.category.value],
                     place=f", {code_label(lang, office.router, code).split(', ')[0]}" if code else "",
                     status=status)
        elif event.to_status == S.NEED_INFO:
            text = t(lang, "relay.question", ref=report.ref, question=event.note or "")
        elif event.kind == EventKind.REOPEN:
            text = t(lang, "relay.reopened", ref=report.ref, status=status,
                     note=t(lang, "relay.note", note=event.note) if event.note else "")
        else:
            # A referral's note is the station it went to, not an officer's words: back where it was, as its status
            # says, when declined there or sent back
            kind = "relay.note" if event.to_status != S.REFERRED else \
                "relay.returned_to" if await came_back(office.db, report) else "relay.referred_to"
            note = t(lang, kind, note=event.note) if event.note and event.public else ""
            if event.to_status == S.DUPLICATE:  # they follow the report kept now (join_duplicate): said so
                note += t(lang, "relay.duplicate_followed")
            text = t(lang, "relay.status_update", ref=report.ref, status=status, note=note)
        # The reporter's key is the event's alone, as it always was; each witness's names them too.
        key = f"{OutboxKind.STATUS_UPDATE}:{event.id}" if contact_id == report.contact_id else \
            f"{OutboxKind.STATUS_UPDATE}:{event.id}:{contact_id}"
        await enqueue(office.db, office.cipher, kind=OutboxKind.STATUS_UPDATE, contact_id=contact.id,
                      payload={"text": text, "ref": report.ref}, idempotency_key=key, at=office.now,
                      report_id=report.id, hourly=report.identity == Identity.ANONYMOUS)


# How long after it was closed a reporter's objection to a decision still reaches the station.
OBJECTION_WITHIN = dt.timedelta(days=14)


async def take_objection(office: Office, report: Report, objection: str) -> None:
    """A reporter disputing how their report was closed ("lho kok ditolak pak, kaca mobil sy dipecah maling"):
    kept in its history as their reply, the report left closed, and sent to the officer who closed it, or else
    to the station's duty officers, who may ask the reporter to report again."""
    await _from_the_reporter(office, report, objection, "officer.objection")


class ReporterWord(enum.StrEnum):
    """What a reporter writes of their open report without being asked: more of it, or that it is no longer needed
    (as handlers.language.intents.reporter_word reads it)."""

    ADDED = "added"
    WITHDRAWAL = "withdrawal"


def withdraws(said: str) -> bool:
    """Whether a reporter's words on their report sent ask to withdraw it: "batalin aja laporan sy pak", or, written
    of the report itself (in answer to a question on it), "gak jadi deh pak, hpnya udh ketemu"."""
    return reporter_word(said) == ReporterWord.WITHDRAWAL or stopping(said) == "cancel"


async def take_reporter_word(office: Office, report: Report, said: str, word: ReporterWord,
                             sent: StoredMedia | None = None) -> bool:
    """More told of an open report after it was sent ("pelakunya pake jaket ojol ijo", a photo of it), or a wish to
    withdraw it ("batalin aja pak, hpnya udh ketemu"): kept in its history as the reporter's reply (a photo kept with
    the report), the report as it is, and sent to the officer who last acted on it, or else to the station's duty
    officers. Only an officer closes a report. False, and nothing done, for words without a photo that the report's
    history holds already from its reporter: sent again, they would page its officers again for nothing."""
    if sent is None and await reporter_said_already(office.db, report, said):
        return False
    untold = "_untold" if word == ReporterWord.WITHDRAWAL and not can_reach_reporter(report) else ""
    await _from_the_reporter(office, report, said, f"officer.reporter_{word.value}{untold}", sent)
    return True



async def _from_the_reporter(office: Office, report: Report, said: str, key: str,
                             sent: StoredMedia | None = None) -> None:
    event = ReportEvent(report_id=report.id, kind=EventKind.REPLY, from_status=report.status,
                        to_status=report.status, actor="reporter", note=said, public=False,
                        created_at=report_time(report, office.now, office.now))
    office.db.add(event)
    attachment = _kept_with(office, report, sent)
    await office.db.flush()
    for officer, contact in await _its_officers(office, report):
        lang = contact.language or report.language
        text = t(lang, key, ref=report.ref, status=t(lang, f"status.label.{report.status.value}"),
                 said=quoted(said))
        payload: dict[str, Any] = {"text": text, "ref": report.ref, **_sent_along(attachment)}
        await enqueue(office.db, office.cipher, kind=OutboxKind.INFO_REPLY, contact_id=contact.id,
                      payload=payload, at=office.now, report_id=report.id,
                      idempotency_key=f"{OutboxKind.INFO_REPLY}:{event.id}:{officer.id}",
                      hourly=report.identity == Identity.ANONYMOUS)


async def take_witness_photo(office: Office, report: Report, witness: Witness, said: str, sent: StoredMedia) -> None:
    """A photo a witness sends after their account joined `report`: kept with the report, and sent to its officers
    as the witness's, hourly where the witness or the reporter is anonymous, as the account's alert was."""
    attachment = Attachment(report_id=report.id, created_at=office.now, **asdict(sent))  # swept with the report
    office.db.add(attachment)
    await office.db.flush()
    for officer, contact in await _its_officers(office, report):
        lang = contact.language or report.language
        text = t(lang, "officer.witness_photo", ref=report.ref, status=t(lang, f"status.label.{report.status.value}"),
                 said=quoted(said))
        payload: dict[str, Any] = {"text": text, "ref": report.ref, **_sent_along(attachment)}
        await enqueue(office.db, office.cipher, kind=OutboxKind.WITNESS_ADDED, contact_id=contact.id,
                      payload=payload, at=office.now, report_id=report.id,
                      idempotency_key=f"{OutboxKind.WITNESS_ADDED}:{witness.id}:photo:{attachment.id}:{officer.id}",
                      hourly=Identity.ANONYMOUS in (witness.identity, report.identity))


async def _its_officers(office: Office, report: Report) -> list[tuple[Officer, Contact]]:
    """The officer who last moved the report, still on duty at its station; else the station's duty officers."""
    moved = await last_status_event(office.db, report, report.status)
    last = await office.db.get(Officer, int(moved.actor.split(":")[1])) \
        if moved and moved.actor.startswith("officer:") else None
    if last is not None and last.active and last.contact_id is not None and last.station_id == report.station_id:
        return [(last, await office.db.get_one(Contact, last.contact_id))]
    return await officers_to_alert(office.db, report.station_id) if report.station_id else []


async def take_answer(office: Office, report: Report, answer: str, sent: StoredMedia | None = None, *,
                      adding: bool = False) -> None:
    """The reporter's answer to an officer's question, in words or with a voice note or a photo (kept with the
    report): recorded, sent to the officer who asked, and the report goes back to where it was before the
    question. `adding`: a message right after the answer (what was meant after a question back, "maksudnya imei
    itu apa?", a photo of what was asked for), the report left as it is."""
    asked = await last_status_event(office.db, report, S.NEED_INFO)
    before = asked.from_status if asked else None
    back_to = report.status if adding else before if before is not None and before not in UNACKNOWLEDGED \
        else S.ACKNOWLEDGED
    event = await change_status(office, report, back_to, "reporter", answer, public=False, kind=EventKind.REPLY)
    attachment = _kept_with(office, report, sent)
    officer = await office.db.get(Officer, int(asked.actor.split(":")[1])) if asked else None
    if officer is None or not officer.active or officer.contact_id is None:
        return  # the answer stays in the report's history for whoever picks it up
    contact = await office.db.get(Contact, officer.contact_id)
    lang = (contact.language if contact else None) or report.language
    relayed = "officer.answer_added" if adding else "officer.answer_relayed"
    # what the officer who asked may do on it now, numbered as LIHAT numbers it: not Terima, taken with the question
    choices = [choice for choice in action_choices(lang, report, askable=True)
               if await refusal(office.db, officer, report, Action(choice[0].split(":", 1)[0])) is None]
    payload: dict[str, Any] = {"text": t(lang, relayed, ref=report.ref, answer=quoted(answer)),
                               "ref": report.ref, "choices": choices}
    payload.update(_sent_along(attachment))
    await enqueue(office.db, office.cipher, kind=OutboxKind.INFO_REPLY, contact_id=officer.contact_id, payload=payload,
                  idempotency_key=f"{OutboxKind.INFO_REPLY}:{event.id}", at=office.now, report_id=report.id)


def _kept_with(office: Office, report: Report, sent: StoredMedia | None) -> Attachment | None:
    """A voice note or photo the reporter sent with their words, kept with the report like the story's, and swept
    with it."""
    if sent is None:
        return None
    attachment = Attachment(report_id=report.id, created_at=office.now, **asdict(sent))
    office.db.add(attachment)
    return attachment


def _sent_along(attachment: Attachment | None) -> dict[str, Any]:
    """The voice note or photo a reporter's words came with, as an officer's message carries it."""
    if attachment is None:
        return {}
    if attachment.content_type.startswith("audio/"):
        return {"voice": voice_payload(attachment)}
    return {"photo": {"stored_name": attachment.stored_name}}
