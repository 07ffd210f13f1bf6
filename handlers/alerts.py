"""Alerts: a sent report goes at once, through the outbox, to every duty officer of its station."""

from __future__ import annotations

from handlers.i18n import labels, t
from handlers.turn import Turn
from storage.models import Identity, Report
from storage.officers import duty_officers
from storage.outbox import enqueue

URGENT, NORMAL = 0, 1  # outbox priorities


def _reporter(turn: Turn, report: Report, lang: str) -> str:
    """Who reported, as the officer may see it: name and number only for a named report."""
    if report.identity != Identity.NAMED:
        return t(lang, f"alert.reporter_{report.identity.value}")
    name = turn.cipher.decrypt(turn.contact.display_name_encrypted) if turn.contact.display_name_encrypted else "-"
    scheme, address = turn.inbound.urn.split(":", 1)
    number = address if scheme == "whatsapp" else t(lang, "alert.no_number")
    return t(lang, "alert.reporter_named", name=name, number=number)


async def alert_duty_officers(turn: Turn, report: Report, place: str) -> int:
    """Queues one alert per duty officer, in the officer's language; returns how many."""
    if report.station_id is None:
        return 0
    officers = await duty_officers(turn.db, report.station_id)
    for officer, contact in officers:
        lang = contact.language or "id"
        text = t(
            lang, "alert.new_report",
            urgent=t(lang, "alert.urgent") if report.urgent else "",
            ref=report.ref,
            category=labels(lang, "category")[report.category.value],
            place=place,
            when=report.occurred_text,
            description=report.description,
            reporter=_reporter(turn, report, lang),
        )
        await enqueue(turn.db, kind="officer_alert", contact_id=officer.contact_id, payload={"text": text},
                      idempotency_key=f"officer_alert:{report.id}:{officer.id}", at=turn.now,
                      priority=URGENT if report.urgent else NORMAL)
    return len(officers)
