"""STATUS ‹ref›: what a resident may know about a report; and the list of their own reports."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.ext.asyncio import AsyncSession

from bot.channels.base import Choice
from handlers.alerts import residents_text
from handlers.choices import pick
from handlers.i18n import format_date, format_moment, format_time, labels, t
from handlers.language.normalise import words
from handlers.turn import Turn
from storage.models import Category, Identity, Report, ReportEvent, ReportStatus, Station, Witness
from storage.reports import came_back, public_events, report_by_ref, reports_of, returning_referrals, station_of
from storage.witnesses import is_witness, newest_account_of, residents_reporting
from storage.workflow import OPEN_STATUSES

# A story the resident sent as a report of theirs within this long, told again word for word (the first answer
# seemed lost, or they forgot), is the same report. Word for word, slang and punctuation aside: two incidents are
# often told a word apart ("km 5", "km 7"; "RT 03", "RT 05").
SENT_AGAIN_WITHIN = dt.timedelta(hours=24)


async def show_status(turn: Turn, ref: str) -> None:
    """Status, station, last update and public notes; never who handled it.

    A named or confidential report answers its own contact, an anonymous report whoever holds the ref but its
    witnesses; a witness who joined it (not an anonymous one, who keeps no link to it) reads its status alone:
    the officers' notes and questions are written to the reporter. Unknown and not-yours get the same answer,
    so a ref's existence does not leak.
    """
    report = await report_by_ref(turn.db, ref)
    witness = report is not None and report.contact_id != turn.contact.id \
        and await is_witness(turn.db, report, turn.contact.id)
    reporter = report is not None and not witness and (
        report.identity == Identity.ANONYMOUS or report.contact_id == turn.contact.id)
    if report is None or not (reporter or witness):
        turn.say("status.not_found", ref=ref)
        return
    station = await station_of(turn.db, report)
    timezone = station.timezone if station else "Asia/Jakarta"
    # A referral's note is the station it went to, not an officer's words: said as where it went, or went back.
    returning = await returning_referrals(turn.db, report)
    notes = [f"• {format_moment(turn.lang, e.created_at, timezone, hourly=report.identity == Identity.ANONYMOUS)}: "
             f"{_note_of(turn.lang, e, returning)}"
             for e in await public_events(turn.db, report) if e.note] if reporter else []
    turn.say(
        "status.report",
        ref=report.ref,
        status=await status_label(turn.db, turn.lang, report, reporter=reporter),
        station=station.name if station else t(turn.lang, "status.no_station"),
        updated=format_moment(turn.lang, report.updated_at, timezone, hourly=report.identity == Identity.ANONYMOUS),
        notes="\n" + "\n".join(notes) if notes else t(turn.lang, "status.no_notes" if reporter
                                                       else "status.notes_for_reporter"),
        residents=residents_text(turn.lang, await residents_reporting(turn.db, report)),
    )


def _note_of(lang: str, event: ReportEvent, returning: set[int]) -> str:
    """An event's note as the reporter reads it: a referral's is the station it went to, or went back to."""
    if event.to_status != ReportStatus.REFERRED:
        return event.note or ""
    return t(lang, "status.returned_to" if event.id in returning else "status.referred_to", station=event.note)


async def status_label(db: AsyncSession, lang: str, report: Report, *, reporter: bool = True) -> str:
    """The status as residents read it: a witness reads that the officers wait for the reporter, and a referral
    that came back (declined where it went) is with the station that had it, not passed on."""
    if report.status == ReportStatus.NEED_INFO and not reporter:
        return t(lang, "status.label.need_info_of_reporter")
    if await came_back(db, report):
        return t(lang, "status.label.referred_back")
    return t(lang, f"status.label.{report.status.value}")


OWN_REPORTS_SHOWN = 5


async def _own_reports(turn: Turn) -> list[tuple[Report, Station | None, bool]]:
    """The contact's newest reports, those they joined as a witness too (with whether they did), newest first;
    an anonymous report keeps no link to them."""
    return await reports_of(turn.db, turn.contact.id, OWN_REPORTS_SHOWN)


async def _own_lines(turn: Turn, found: list[tuple[Report, Station | None, bool]]) -> str:
    """A line a report: its ref for the resident's own, none for one they witnessed (the ref is the reporter's),
    nor the time it was made, which could point at the neighbour who made it: its day."""
    categories = labels(turn.lang, "category")
    return "\n".join([
        t(turn.lang, "status.witnessed_report" if witness else "status.own_report", ref=report.ref,
          category=categories[report.category.value],
          status=await status_label(turn.db, turn.lang, report, reporter=not witness),
          date=(format_date if witness else format_time)(turn.lang, report.created_at,
                                                         station.timezone if station else "Asia/Jakarta"))
        for report, station, witness in found])


async def told_already_reported(turn: Turn, story: str) -> bool:
    """Whether the story is one of the resident's open reports of the last day sent again: they are told its
    ref and status, and nothing is filed. Told once: the same story sent again after that is a report of its own
    (two incidents may be told alike)."""
    said = words(story)
    for report, station, witness in await _own_reports(turn):
        if witness or report.status not in OPEN_STATUSES or turn.now - report.created_at > SENT_AGAIN_WITHIN \
                or words(report.description) != said:
            continue
        if turn.data.get("already_reported_ref") == report.ref:
            return False
        turn.data["already_reported_ref"] = report.ref
        turn.say("report.already_reported", ref=report.ref, status=await status_label(turn.db, turn.lang, report),
                 date=format_time(turn.lang, report.created_at, station.timezone if station else "Asia/Jakarta"))
        return True
    return False


async def decided_report(turn: Turn, within: dt.timedelta) -> Report | None:
    """The resident's newest report, when it was rejected or resolved within `within`: what an objection is to."""
    for report, _station, witness in await _own_reports(turn):
        if witness:
            continue
        decided = report.status in (ReportStatus.REJECTED, ReportStatus.RESOLVED)
        return report if decided and turn.now - report.updated_at <= within else None
    return None


async def open_own_report(turn: Turn, ref: str | None) -> Report | None:
    """The resident's own open report named by `ref`, else their newest open one: what more told of a report sent,
    or a wish to withdraw it, is for."""
    for report, _station, witness in await _own_reports(turn):
        if not witness and report.status in OPEN_STATUSES and ref in (None, report.ref):
            return report
    return None


async def recent_own_report(turn: Turn, within: dt.timedelta) -> Report | None:
    """The resident's newest report of their own, when it is still open and was sent within `within`: what a photo
    sent after it is for. An anonymous report keeps no link to be found by."""
    for report, _station, witness in await _own_reports(turn):
        if witness:
            continue
        recent = report.status in OPEN_STATUSES and turn.now - report.created_at <= within
        return report if recent else None
    return None


async def recent_witness_account(turn: Turn, within: dt.timedelta) -> tuple[Report, Witness] | None:
    """The report the resident joined as a witness, with their account, when the account was added within `within`
    and the report is still open: what a photo sent after it is for."""
    witness = await newest_account_of(turn.db, turn.contact.id)
    if witness is None or turn.now - witness.created_at > within:
        return None
    report = await turn.db.get_one(Report, witness.report_id)
    return (report, witness) if report.status in OPEN_STATUSES else None


async def has_own_reports(turn: Turn) -> bool:
    return bool(await _own_reports(turn))


async def has_open_emergency(turn: Turn) -> bool:
    """Whether one of the resident's own reports, still open, is a Darurat: what a life at risk asked after in
    their words is about ("anak sy yg hilang kemarin udh ada kabar blm?")."""
    return any(report.category == Category.EMERGENCY and report.status in OPEN_STATUSES and not witness
               for report, _station, witness in await _own_reports(turn))


async def show_own_reports(turn: Turn) -> None:
    """The contact's reports: ref, category, status and day; or that they have none."""
    found = await _own_reports(turn)
    if not found:  # asked in the middle of a report: that one is not sent yet, and is not left for the menu
        turn.say("status.no_own_reports_yet" if "draft" in turn.data else "status.no_own_reports")
        return
    own = [report.ref for report, _station, witness in found if not witness]
    turn.say("status.own_reports", reports=await _own_lines(turn, found),
             hint=t(turn.lang, "status.own_reports_hint", ref=own[0]) if own else "")


async def offer_own_reports(turn: Turn) -> bool:
    """STATUS alone, or the menu's Cek status: the contact's reports listed to pick one from (or a ref to type,
    an anonymous report's); False when they have none, and the ref is to be asked for."""
    found = await _own_reports(turn)
    categories = labels(turn.lang, "category")
    choices = tuple(Choice(report.ref, f"{report.ref} · {categories[report.category.value]}")
                    for report, _station, witness in found if not witness)
    if not choices:  # none, or only reports witnessed, which have no ref to pick by: shown, and a ref asked for
        if found:
            turn.say("status.own_reports", reports=await _own_lines(turn, found), hint="")
        return False
    turn.say("status.pick_own_report", choices, reports=await _own_lines(turn, found))
    return True


async def picked_own_report(turn: Turn) -> str | None:
    """The ref of the report picked from the contact's list, by its button or its number."""
    own = [(report.ref, ()) for report, _station, witness in await _own_reports(turn) if not witness]
    return pick(own, turn.text, turn.inbound.choice) if own else None
