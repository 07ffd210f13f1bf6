"""Reports: ticket references, creation with its first event, look-up and listing."""

from __future__ import annotations

import datetime as dt
import math
import random
import re
import secrets
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import BigInteger, cast, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from storage.lexicon import is_ordinary
from storage.models import (
    Attachment,
    Category,
    Contact,
    EventKind,
    Identity,
    Report,
    ReportEvent,
    ReportSource,
    ReportStatus,
    Station,
    Witness,
    whole_hours,
)
from storage.workflow import OPEN_STATUSES, UNACKNOWLEDGED

# No 0/O or 1/I: a reference is read aloud and copied by hand.
REF_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
REF_PREFIX = "LP"
_REF_BODY = 8  # 32**8 ≈ 1.1e12: an anonymous report's ref is its only key, so it must not be guessable
_REF_BODY_TEXT = (rf"(?P<head>[{REF_ALPHABET}]{{4}})(?P<gap>[\s_-]*)(?P<tail>[{REF_ALPHABET}]{{4}})"
                  rf"(?![A-Z0-9])")
_REF_TEXT = re.compile(rf"(?<![A-Z0-9]){REF_PREFIX}[\s_-]*{_REF_BODY_TEXT}")
_BARE_REF_TEXT = re.compile(rf"^\s*(?:{REF_PREFIX}[\s_-]*)?{_REF_BODY_TEXT}\s*$")
_UNGUESSABLE = secrets.SystemRandom()  # a ref is what lets anyone read an anonymous report's status
_LEADING_REF = re.compile(rf"^\s*(?:{REF_PREFIX}[\s_-]*)?{_REF_BODY_TEXT}", re.I)


def new_ref(rng: random.Random = _UNGUESSABLE) -> str:
    """A new reference, never one that could read as words (see _is_ref), so that it is found however it is
    typed; another `rng` only where refs must repeat, as for seeded sample reports."""
    while True:
        body = "".join(rng.choices(REF_ALPHABET, k=_REF_BODY))
        if not _reads_as_words(body[:4], body[4:]):
            return f"{REF_PREFIX}-{body[:4]}-{body[4:]}"


def _is_ref(match: re.Match[str]) -> bool:
    """Whether eight characters of the refs' alphabet are a ref and not words: "lp sekarang", "lp baru saja"
    ("LP" is also the police's own word for a report). A body with a digit (nine in ten refs) or with the dash
    Lapor prints between its halves is a ref; eight letters are, unless they or either half are an ordinary
    word (Sastrawi's roots, indoNLP's slang). new_ref issues no such ref; one issued before it drew them too
    (one in a thousand) is found typed with its dash."""
    return "-" in match["gap"] or not _reads_as_words(match["head"], match["tail"])


def _reads_as_words(head: str, tail: str) -> bool:
    """Eight letters of which the whole or either half is an ordinary word."""
    return (head + tail).isalpha() and any(is_ordinary(letters.lower()) for letters in (head + tail, head, tail))


def _ref_of(match: re.Match[str]) -> str:
    return f"{REF_PREFIX}-{match['head'].upper()}-{match['tail'].upper()}"


def find_ref(text: str, *, prefix_optional: bool = False) -> str | None:
    """The reference in what someone typed (`lp 7kx4 9qm2`, `LP-7KX4-9QM2`), normalised, or None.

    With `prefix_optional`, a message that is only the eight characters (`7kx49qm2`) counts too.
    """
    upper = text.upper()
    found = next((match for match in _REF_TEXT.finditer(upper) if _is_ref(match)), None)
    if found is None and prefix_optional and (bare := _BARE_REF_TEXT.match(upper)) and _is_ref(bare):
        found = bare
    return _ref_of(found) if found else None


def without_ref(text: str) -> str:
    """`text` with the reference in it taken out: what else the message says (`cek LP-7KX4-9QM2` → `cek`)."""
    def taken_out(match: re.Match[str]) -> str:
        return "" if _is_ref(match) else match[0]
    return _BARE_REF_TEXT.sub(taken_out, _REF_TEXT.sub(taken_out, text.upper())).lower()


def split_ref(text: str) -> tuple[str | None, str]:
    """The reference at the start of `text` and the words after it, as typed: `LP-7KX4-9QM2 sudah diamankan`."""
    match = _LEADING_REF.match(text)
    if match is None or not _is_ref(match):
        return None, text.strip()
    return _ref_of(match), text[match.end():].strip()


def report_time(report: Report, moment: dt.datetime, now: dt.datetime) -> dt.datetime:
    """`moment` as a row that names `report` may hold it: for a resident's anonymous report, whole hours, so that
    no time kept of it matches the minute its sender wrote (see `whole_hours`). A patrol's concern, anonymous too,
    has no sender to tie it to: it keeps its minutes, as the note it came with and its created_at do."""
    hidden = report.identity == Identity.ANONYMOUS and report.source == ReportSource.CITIZEN
    return whole_hours(moment, now) if hidden else moment


# An urgent anonymous report's next escalation round comes at the next five minutes, not the next whole hour: its
# sender is in danger now, and a round an hour late left an unacknowledged alert alone for up to 65 minutes. The
# round's time says when the report came to within those minutes, until it is acknowledged or goes on.
URGENT_ROUND_GRAIN = dt.timedelta(minutes=5)


def round_time(report: Report, due: dt.datetime, now: dt.datetime) -> dt.datetime:
    """When `report`'s next escalation round comes, `due` as its row may hold it."""
    if report.identity != Identity.ANONYMOUS or not report.urgent:
        return report_time(report, due, now)
    grain = URGENT_ROUND_GRAIN.total_seconds()
    return dt.datetime.fromtimestamp(math.ceil(due.timestamp() / grain) * grain, dt.UTC)


@dataclass(frozen=True)
class NewAttachment:
    sha256: str
    content_type: str
    stored_name: str | None = None
    url: str | None = None
    duration_seconds: int | None = None


async def create_report(db: AsyncSession, *, attachments: list[NewAttachment], actor: str,
                        **fields: Any) -> tuple[Report, ReportEvent]:
    """Inserts a report under a fresh unique ref, with its attachments; returns it with its `received` event."""
    for _ in range(5):
        report = Report(ref=new_ref(), status=ReportStatus.RECEIVED, **fields)
        try:
            async with db.begin_nested():
                db.add(report)
                await db.flush()
            break
        except IntegrityError:
            if await report_by_ref(db, report.ref) is None:
                raise  # not a ref collision
            continue  # a ref collision: astronomically rare, but the constraint is the guard
    else:
        raise RuntimeError("could not allocate a unique report reference")
    received = ReportEvent(report_id=report.id, from_status=None, to_status=ReportStatus.RECEIVED, actor=actor,
                           created_at=report.created_at)
    db.add(received)
    db.add_all(Attachment(report_id=report.id, created_at=report.created_at, **vars(a)) for a in attachments)
    await db.flush()
    return report, received


async def report_by_ref(db: AsyncSession, ref: str, *, lock: bool = False) -> Report | None:
    """The report; with `lock`, held until the transaction ends, so that two officers acting at once take
    turns and the second sees what the first did."""
    query = select(Report).where(Report.ref == ref)
    return (await db.execute(query.with_for_update() if lock else query)).scalar_one_or_none()


async def public_events(db: AsyncSession, report: Report, limit: int = 3) -> list[ReportEvent]:
    """The latest events a resident may read, newest first."""
    return list((await db.execute(
        select(ReportEvent).where(ReportEvent.report_id == report.id, ReportEvent.public.is_(True))
        .order_by(ReportEvent.created_at.desc(), ReportEvent.id.desc()).limit(limit)
    )).scalars())


async def station_of(db: AsyncSession, report: Report) -> Station | None:
    return await db.get(Station, report.station_id) if report.station_id else None


async def list_reports(db: AsyncSession, *, station_code: str | None = None,
                       since: dt.datetime | None = None) -> list[tuple[Report, Station | None, int]]:
    """Reports oldest first, each with its station and how many photos it has."""
    photos = select(func.count(Attachment.id)).where(
        Attachment.report_id == Report.id, Attachment.content_type.startswith("image/")).scalar_subquery()
    query = select(Report, Station, photos).outerjoin(Station, Report.station_id == Station.id)
    if station_code:
        query = query.where(Station.code == station_code)
    if since:
        query = query.where(Report.created_at >= since)
    rows = await db.execute(query.order_by(Report.created_at, Report.id))
    return [(row[0], row[1], row[2]) for row in rows]


async def reports_of(db: AsyncSession, contact_id: int, limit: int) -> list[tuple[Report, Station | None, bool]]:
    """The contact's newest reports, newest first: those they made and those they joined as a witness (True),
    each with its station. Neither an anonymous report nor an anonymous witness account keeps the link to be
    found by."""
    joined = select(Witness.report_id).where(Witness.contact_id == contact_id, Witness.identity != Identity.ANONYMOUS)
    rows = await db.execute(
        select(Report, Station, Report.id.in_(joined)).outerjoin(Station, Report.station_id == Station.id)
        .where((Report.contact_id == contact_id) | Report.id.in_(joined))
        .order_by(Report.created_at.desc(), Report.id.desc()).limit(limit))
    return [(report, station, bool(witness) and report.contact_id != contact_id) for report, station, witness in rows]


async def open_reports(db: AsyncSession, station_id: int, *, offset: int, limit: int) -> tuple[list[Report], int]:
    """One page of a station's open reports, urgent first, then newest first; and how many there are."""
    where = (Report.station_id == station_id, Report.status.in_(OPEN_STATUSES))
    total = (await db.execute(select(func.count(Report.id)).where(*where))).scalar_one()
    page = (await db.execute(
        select(Report).where(*where).order_by(Report.urgent.desc(), Report.created_at.desc(), Report.id.desc())
        .offset(offset).limit(limit)
    )).scalars()
    return list(page), total


async def history(db: AsyncSession, report: Report) -> list[ReportEvent]:
    """Every event of a report, oldest first."""
    return list((await db.execute(
        select(ReportEvent).where(ReportEvent.report_id == report.id).order_by(ReportEvent.created_at, ReportEvent.id)
    )).scalars())


async def referral_from(db: AsyncSession, report: Report, station_ids: Collection[int]) -> ReportEvent | None:
    """The latest referral that sent `report` on from one of `station_ids`, now that it is at another station:
    what keeps it in their view, read only."""
    if report.station_id in station_ids:
        return None
    return (await db.execute(
        select(ReportEvent).where(ReportEvent.report_id == report.id, ReportEvent.from_station_id.in_(station_ids))
        .order_by(ReportEvent.id.desc()).limit(1))).scalar_one_or_none()


async def latest_event(db: AsyncSession, report: Report) -> ReportEvent | None:
    """The event written last: by its id, as an anonymous report's times are whole hours and may tie or go back."""
    return (await db.execute(
        select(ReportEvent).where(ReportEvent.report_id == report.id).order_by(ReportEvent.id.desc()).limit(1)
    )).scalar_one_or_none()


async def last_reporter_reply(db: AsyncSession, report: Report) -> ReportEvent | None:
    """The reporter's newest words on the report (an answer to a question, more told, a wish to withdraw it)."""
    return (await db.execute(
        select(ReportEvent).where(ReportEvent.report_id == report.id, ReportEvent.kind == EventKind.REPLY,
                                  ReportEvent.actor == "reporter").order_by(ReportEvent.id.desc()).limit(1)
    )).scalar_one_or_none()


async def last_status_event(db: AsyncSession, report: Report, status: ReportStatus) -> ReportEvent | None:
    """The newest event that moved the report to `status` (an officer's change, or their reopening of it)."""
    return (await db.execute(
        select(ReportEvent).where(ReportEvent.report_id == report.id, ReportEvent.to_status == status,
                                  ReportEvent.kind.in_((EventKind.STATUS, EventKind.REOPEN)))
        .order_by(ReportEvent.created_at.desc(), ReportEvent.id.desc()).limit(1)
    )).scalar_one_or_none()


async def came_back(db: AsyncSession, report: Report) -> bool:
    """Whether a referred report is at a station that referred it away before: a referral declined there, or
    sent back, returned it to the station that had it."""
    if report.status != ReportStatus.REFERRED or report.station_id is None:
        return False
    return await db.scalar(
        select(ReportEvent.id).where(ReportEvent.report_id == report.id, ReportEvent.to_status == ReportStatus.REFERRED,
                                     ReportEvent.from_station_id == report.station_id).limit(1)) is not None

async def returning_referrals(db: AsyncSession, report: Report) -> set[int]:
    """The ids of the referrals that took the report back to a station that had referred it away before (declined
    where it went, or sent back), as came_back() reads the last of them: each went to the station the next referral
    left from, the last to where the report is now."""
    referrals = [event for event in await history(db, report)
                 if event.to_status == ReportStatus.REFERRED and event.kind in (EventKind.STATUS, EventKind.REOPEN)]
    returning = set()
    for i, referral in enumerate(referrals):
        to = referrals[i + 1].from_station_id if i + 1 < len(referrals) else report.station_id
        if to is not None and any(earlier.from_station_id == to for earlier in referrals[:i]):
            returning.add(referral.id)
    return returning


async def reporter_said_already(db: AsyncSession, report: Report, said: str) -> bool:
    """Whether the report's history holds these very words from its reporter."""
    return await db.scalar(
        select(ReportEvent.id).where(ReportEvent.report_id == report.id, ReportEvent.kind == EventKind.REPLY,
                                     ReportEvent.actor == "reporter", ReportEvent.note == said).limit(1)) is not None


async def question_waiting_for(db: AsyncSession, contact_id: int) -> Report | None:
    """The newest of the contact's reports on which an officer waits for the reporter's answer."""
    return (await db.execute(
        select(Report).where(Report.contact_id == contact_id, Report.status == ReportStatus.NEED_INFO)
        .order_by(Report.updated_at.desc(), Report.id.desc()).limit(1).with_for_update()
    )).scalar_one_or_none()


async def question_waits(db: AsyncSession, urn_hash: str, answered_since: dt.datetime | None = None) -> bool:
    """Whether an officer waits for the answer of the contact of this keyed hash about one of their reports, or
    (with `answered_since`) the contact answered one since then, which what they send next may add to; read
    without a lock, a hint for work done before the message is handled."""
    waiting = Report.status == ReportStatus.NEED_INFO
    if answered_since is not None:
        waiting = waiting | select(ReportEvent.id).where(
            ReportEvent.report_id == Report.id, ReportEvent.kind == EventKind.REPLY,
            ReportEvent.created_at >= answered_since).exists()
    return (await db.execute(select(Report.id).join(Contact, Report.contact_id == Contact.id).where(
        Contact.urn_hash == urn_hash, waiting).limit(1))).first() is not None


async def attached(db: AsyncSession, stored_names: Iterable[str]) -> set[str]:
    """Those of the stored files that a report keeps."""
    found = await db.execute(select(Attachment.stored_name).where(Attachment.stored_name.in_(stored_names)))
    return {name for name in found.scalars() if name}


async def media_kept(db: AsyncSession, report_id: int) -> int:
    """How many photos and voice notes a report keeps."""
    return (await db.execute(select(func.count()).select_from(Attachment).where(Attachment.report_id == report_id))
            ).scalar_one()


async def reported_since(db: AsyncSession, urn_hash: str, since: dt.datetime) -> bool:
    """Whether the contact of this keyed hash sent a report of their own since then that is still open, or joined
    their account to one as a witness since then (not anonymously), which a photo they send may be for; read
    without a lock, a hint for work done before the message is handled."""
    own = (await db.execute(select(Report.id).join(Contact, Report.contact_id == Contact.id).where(
        Contact.urn_hash == urn_hash, Report.created_at >= since, Report.status.in_(OPEN_STATUSES)).limit(1))
    ).first() is not None
    return own or (await db.execute(
        select(Witness.id).join(Contact, Witness.contact_id == Contact.id).join(Report, Witness.report_id == Report.id)
        .where(Contact.urn_hash == urn_hash, Witness.created_at >= since, Witness.identity != Identity.ANONYMOUS,
               Report.status.in_(OPEN_STATUSES)).limit(1))).first() is not None


async def due_for_escalation(db: AsyncSession, now: dt.datetime, limit: int = 100) -> list[Report]:
    """Unacknowledged reports whose alert has waited too long, locked (and skipped by other workers)."""
    return list((await db.execute(
        select(Report).where(Report.escalate_at <= now, Report.status.in_(UNACKNOWLEDGED))
        .order_by(Report.escalate_at, Report.id).limit(limit).with_for_update(skip_locked=True)
    )).scalars())


def _hour_of(db: AsyncSession, column: Any) -> Any:
    """An SQL expression of a timestamp's hour, on either database."""
    if db.get_bind().dialect.name == "sqlite":
        return func.strftime("%Y-%m-%d %H", column)
    return func.date_trunc("hour", column)


#: A prime above any row id: (id × secret) mod it orders rows in a way only the secret's holder could undo.
_ORDER_PRIME = 2_147_483_647


async def published_reports(db: AsyncSession, *, categories: list[Category], statuses: list[ReportStatus],
                            since: dt.datetime, until: dt.datetime, offset: int, limit: int,
                            order_key: int) -> list[tuple[Report, Station | None]]:
    """Reports created from `since` to before `until`, newest hour first and, within an hour, in an order
    shuffled by the secret `order_key` (1 to 2**31 - 2): neither when they came inside the hour nor their refs
    show through it, so a report kept only to the hour (an anonymous one) does not stand out by its place."""
    query = (select(Report, Station).outerjoin(Station, Report.station_id == Station.id)
             .where(Report.created_at >= since, Report.created_at < until, Report.status.in_(statuses),
                    Report.category.in_(categories), Report.withheld.is_(False)))
    shuffled = (cast(Report.id, BigInteger) * order_key) % _ORDER_PRIME  # 64 bits: the product passes 2**31
    query = query.order_by(_hour_of(db, Report.created_at).desc(), shuffled, Report.id).offset(offset).limit(limit)
    return [(report, station) for report, station in await db.execute(query)]


async def report_with_station(db: AsyncSession, report_id: int) -> tuple[Report, Station | None] | None:
    report = await db.get(Report, report_id)
    return (report, await station_of(db, report)) if report else None
