"""STATUS ‹ref›: what a resident may know about a report."""

from __future__ import annotations

from handlers.alerts import residents_text
from handlers.i18n import format_time, t
from handlers.turn import Turn
from storage.models import Identity, ReportStatus
from storage.reports import public_events, report_by_ref, station_of
from storage.witnesses import is_witness, residents_reporting


async def show_status(turn: Turn, ref: str) -> None:
    """Status, station, last update and public notes; never who handled it.

    A named or confidential report answers only its own contact and the witnesses who joined it (not the
    anonymous ones, who keep no link to it); an anonymous report whoever holds the ref.
    Unknown and not-yours get the same answer, so a ref's existence does not leak. An officer's question is
    the reporter's to answer: a witness reads that the officers wait for the reporter, not the question.
    """
    report = await report_by_ref(turn.db, ref)
    reporter = report is not None and (report.identity == Identity.ANONYMOUS or report.contact_id == turn.contact.id)
    if report is None or not (reporter or await is_witness(turn.db, report, turn.contact.id)):
        turn.say("status.not_found", ref=ref)
        return
    station = await station_of(turn.db, report)
    timezone = station.timezone if station else "Asia/Jakarta"
    notes = [f"• {format_time(turn.lang, e.created_at, timezone)}: {e.note}"
             for e in await public_events(turn.db, report)
             if e.note and (reporter or e.to_status != ReportStatus.NEED_INFO)]
    waits_for_reporter = report.status == ReportStatus.NEED_INFO and not reporter
    turn.say(
        "status.report",
        ref=report.ref,
        status=t(turn.lang, "status.label.need_info_of_reporter" if waits_for_reporter
                 else f"status.label.{report.status.value}"),
        station=station.name if station else t(turn.lang, "status.no_station"),
        updated=format_time(turn.lang, report.updated_at, timezone),
        notes="\n" + "\n".join(notes) if notes else t(turn.lang, "status.no_notes"),
        residents=residents_text(turn.lang, await residents_reporting(turn.db, report)),
    )
