"""Escalation: an alert nobody acknowledged in time goes again, first to every duty officer of the
station, then to its head. Each round is an event in the report's history."""

from __future__ import annotations

import datetime as dt

from handlers.alerts import send_alerts
from handlers.office import Office
from storage.models import EventKind, Identity, Report, ReportEvent, ReportStatus, Station
from storage.officers import officers_to_alert, station_heads
from storage.reports import due_for_escalation, last_status_event, report_time, round_time

ROUNDS = ("duty", "head")  # who each round goes to; after the last, the report waits in the open list


async def escalate_due(office: Office) -> int:
    """Escalates every report whose time has come; returns how many."""
    reports = await due_for_escalation(office.db, office.now)
    for report in reports:
        await _escalate(office, report)
    return len(reports)


async def _escalate(office: Office, report: Report) -> None:
    round_number = report.escalations + 1
    audience = ROUNDS[round_number - 1]
    officers = (await officers_to_alert(office.db, report.station_id) if audience == "duty"
                else await station_heads(office.db, report.station_id)) if report.station_id else []
    event = ReportEvent(report_id=report.id, kind=EventKind.ESCALATION, from_status=report.status,
                        to_status=report.status, actor="system", note=audience if officers else "nobody",
                        public=False, created_at=report_time(report, office.now, office.now))
    office.db.add(event)
    await office.db.flush()
    # How long it has waited in truth: a round comes late when the dispatcher was down. An anonymous report's
    # times are kept to whole hours, so its age cannot be read from them: the rounds, and how late this one is.
    # A report referred here has waited here since the referral, which started the rounds again.
    referral = await last_status_event(office.db, report, ReportStatus.REFERRED)
    rounds = office.escalation.after(report) * round_number
    if report.identity == Identity.ANONYMOUS:
        late = office.now - report.escalate_at if report.escalate_at else dt.timedelta(0)
        waited = rounds + max(late, dt.timedelta(0))
    else:
        waited = max(rounds, office.now - (referral.created_at if referral else report.created_at))
    came_from = await office.db.get(Station, referral.from_station_id) \
        if referral is not None and referral.from_station_id is not None else None
    await send_alerts(office, report, officers, event, waited=int(waited.total_seconds() // 60),
                      referred_from=came_from.name if came_from else None)
    last = round_number == len(ROUNDS)
    report.escalations = round_number
    due = office.now + office.escalation.after(report)
    report.escalate_at = None if last else round_time(report, due, office.now)
