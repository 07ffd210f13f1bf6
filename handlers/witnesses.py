"""Many residents, one incident: the open report a new account tells of again, and the account joined to it
as a witness statement, with one short "+1 saksi" to whom the report's alerts go instead of a new alert."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from handlers.alerts import NORMAL, URGENT, quoted, report_place, reporter_line, said_when, witness_place
from handlers.i18n import labels, t
from handlers.language.alike import LIKE_AT, likeness
from handlers.language.normalise import words
from handlers.office import Office
from handlers.publication import withheld
from storage.models import Attachment, Category, Contact, Identity, OutboxKind, Report, to_the_hour
from storage.officers import officers_to_alert
from storage.outbox import enqueue
from storage.regions import PlaceCandidate
from storage.reports import NewAttachment
from storage.witnesses import add_witness, open_reports_near, residents_reporting, statements, told_already

SAME_WITHIN = dt.timedelta(hours=24)


@dataclass(frozen=True)
class SameIncident:
    """An open report alike; all the resident is told of it is how many reported it and where."""
    report: Report
    residents: int  # how many residents reported it so far


async def find_same_incident(office: Office, *, category: Category, place: PlaceCandidate | None,
                             pin: tuple[float, float] | None, story: str, told_by: int) -> SameIncident | None:
    """The open report of the same category and place, made within a day by another resident, whose story (or
    a witness's) is most alike to `story`, if one is alike enough; the names of the place count for nothing.
    None for the kinds UNDISCLOSED, and no report of violence at home or of a threat is offered nor offered to:
    whoever writes alike is asked, the one it is about too, so each such account is a report of its own."""
    if withheld(category, story):
        return None
    village_code = place.village.code if place is not None and place.village is not None else None
    near = [report for report in await open_reports_near(office.db, category=category, village_code=village_code,
                                                          pin=pin, since=office.now - SAME_WITHIN, told_by=told_by)
            if not (report.withheld or withheld(report.category, report.description))]
    if not near:
        return None
    told = await statements(office.db, [report.id for report in near])
    names = place_names_of(place)
    scored = [(max(likeness(story, said, names) for said in (report.description, *told[report.id])), report)
              for report in near]
    score, best = max(scored, key=lambda pair: pair[0])
    if score < LIKE_AT:
        return None
    return SameIncident(best, 1 + len(told[best.id]))


def place_names_of(place: PlaceCandidate | None) -> frozenset[str]:
    """The words of the place's names, and each name as one word ("Karang Tengah", "karangtengah")."""
    regions = (place.village, place.district, place.regency, place.province) if place is not None else ()
    spelt = [words(region.name) for region in regions if region is not None]
    return frozenset(word for name in spelt for word in (*name, "".join(name)))


async def join_report(office: Office, report: Report, *, contact: Contact, identity: Identity, statement: str,
                      occurred_text: str, location_text: str | None, pin: tuple[float, float] | None,
                      language: str, attachments: list[NewAttachment], urgent: bool) -> int | None:
    """Adds the account to `report` as a witness statement (and its photo or voice note to the report's), tells
    whom the report's alerts go to once (its station's duty officers, else its heads), and returns how many
    residents have now reported it; None, and nothing added, when the contact added one to it before (anonymously
    too: told again, it would count them twice). An `urgent` account (a cry for help) makes the report urgent. An
    anonymous witness keeps no link to their contact and no time finer than the hour."""
    teller = office.cipher.teller_token(contact.urn_hash, report.id)
    if await told_already(office.db, report, teller):
        return None
    at = to_the_hour(office.now) if identity == Identity.ANONYMOUS else office.now
    witness = await add_witness(office.db, report, contact_id=contact.id, teller_token=teller, identity=identity,
                                statement=statement, occurred_text=occurred_text, location_text=location_text,
                                pin=pin, language=language, created_at=at)
    for attachment in attachments:
        office.db.add(Attachment(report_id=report.id, created_at=at, **vars(attachment)))
    photo = any(attachment.content_type.startswith("image/") for attachment in attachments)
    residents = await residents_reporting(office.db, report)
    report.urgent = report.urgent or urgent
    hourly = Identity.ANONYMOUS in (identity, report.identity)
    for officer, officer_contact in await officers_to_alert(office.db, report.station_id) if report.station_id else []:
        lang = officer_contact.language or report.language
        text = t(lang, "alert.witness_added", ref=report.ref, residents=residents,
                 urgent=t(lang, "alert.urgent") if urgent else "",
                 category=labels(lang, "category")[report.category.value], place=report_place(office, report, lang),
                 statement=quoted(statement), when=said_when(lang, occurred_text),
                 where=witness_place(office, witness, lang),
                 photo=t(lang, "alert.photo_attached" if photo else "alert.no_photo"),
                 reporter=await reporter_line(office, witness.identity, witness.contact_id, lang))
        await enqueue(office.db, office.cipher, kind=OutboxKind.WITNESS_ADDED, contact_id=officer_contact.id,
                      payload={"text": text, "ref": report.ref}, at=office.now, report_id=report.id, hourly=hourly,
                      idempotency_key=f"{OutboxKind.WITNESS_ADDED}:{witness.id}:{officer.id}",
                      priority=URGENT if urgent else NORMAL)
    return residents
