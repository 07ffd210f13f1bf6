"""What a station's daily digest reads, counted in the database so that its cost follows the period's
reports rather than the size of the table; and the DigestRun rows that make each digest go once."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Integer, Select, case, cast, extract, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import dialect_insert
from storage.models import (
    Category,
    DigestRun,
    Officer,
    Outbox,
    OutboxState,
    PatrolNote,
    Report,
    ReportStatus,
    Station,
    Witness,
)
from storage.witnesses import residents_reporting_column
from storage.workflow import OPEN_STATUSES, UNACKNOWLEDGED

OVERDUE_AFTER = dt.timedelta(days=7)  # open this long is overdue, as is an alert that had to be escalated


@dataclass(frozen=True)
class Count:
    """Reports counted by what they have in common: one UTC hour, station, category, urgency and place."""

    hour: dt.datetime  # the UTC hour they came in
    station_id: int
    category: Category
    urgent: bool
    place_code: str | None  # the kelurahan/desa, else the kecamatan
    total: int
    still_open: int
    witnesses: int  # residents who joined these reports, telling of the same incident
    occurred_hour: int | None  # the local hour of the day it happened, where the residents said

    def hour_of_day(self, zone: dt.tzinfo) -> int:
        """The local hour of the day the reports stand for: when it happened where said, else when they came."""
        return self.occurred_hour if self.occurred_hour is not None else self.hour.astimezone(zone).hour


@dataclass(frozen=True)
class OpenReport:
    ref: str
    category: Category
    status: ReportStatus
    created_at: dt.datetime
    overdue: bool
    urgent: bool
    escalated: bool  # its alert went again because nobody acknowledged it in time, and nobody has yet
    place_code: str | None  # the kelurahan/desa, else the kecamatan
    sample: bool
    residents: int  # how many residents reported it: its reporter and its witnesses


async def family(db: AsyncSession, station: Station) -> list[Station]:
    """The station and, for a Polres, its Polsek: whose reports its digest counts."""
    children = (await db.execute(select(Station).where(Station.parent_id == station.id).order_by(Station.code)))
    return [station, *children.scalars()]


def _hour(db: AsyncSession) -> ColumnElement[str]:
    """A report's UTC hour as text, `2026-11-25 20`, in the database's own dialect."""
    if db.get_bind().dialect.name == "postgresql":
        return func.to_char(func.timezone("UTC", Report.created_at), "YYYY-MM-DD HH24")
    return func.strftime("%Y-%m-%d %H", Report.created_at)


def hour_of_day(dialect: str, hours_ahead: dict[int, int]) -> ColumnElement[int]:
    """Count.hour_of_day in SQL: the local hour of the day it happened where said, else when it came in at its
    station (`hours_ahead`: station id → hours ahead of UTC, which Indonesia keeps the year round)."""
    if dialect == "postgresql":
        utc: ColumnElement[int] = cast(extract("hour", func.timezone("UTC", Report.created_at)), Integer)
    else:
        utc = cast(func.strftime("%H", Report.created_at), Integer)
    ahead = set(hours_ahead.values())
    local = (utc + (ahead.pop() if len(ahead) == 1 else case(hours_ahead, value=Report.station_id, else_=0))) % 24
    return func.coalesce(Report.occurred_hour, local)


async def counts(db: AsyncSession, station_ids: list[int], start: dt.datetime, end: dt.datetime) -> list[Count]:
    """The period's reports, grouped by hour, category, urgency, place and the hour of the day it happened; one
    that happened by phone or online has no place (where the resident lives is no scene). A duplicate is not
    counted: its residents are counted as witnesses of the report it joined, one incident once."""
    hour = _hour(db)
    place = case((Report.online, None), else_=func.coalesce(Report.village_code, Report.district_code))
    still_open = func.sum(case((Report.status.in_(OPEN_STATUSES), 1), else_=0))
    told = select(Witness.report_id, func.count().label("witnesses")).group_by(Witness.report_id).subquery()
    query: Select[Any] = (  # eight columns: past the widest select SQLAlchemy types row by row
        select(hour, Report.station_id, Report.category, Report.urgent, place, func.count(), still_open,
               func.coalesce(func.sum(told.c.witnesses), 0), Report.occurred_hour)
        .outerjoin(told, told.c.report_id == Report.id)
        .where(Report.station_id.in_(station_ids), Report.created_at >= start, Report.created_at < end,
               Report.status != ReportStatus.DUPLICATE)
        .group_by(hour, Report.station_id, Report.category, Report.urgent, place, Report.occurred_hour)
    )
    rows = await db.execute(query)
    return [Count(dt.datetime.fromisoformat(h).replace(tzinfo=dt.UTC), station_id, Category(category),
                  bool(urgent), code, total, int(open_ or 0), int(witnesses), occurred)
            for h, station_id, category, urgent, code, total, open_, witnesses, occurred in rows]


def unanswered_alert() -> ColumnElement[bool]:
    """Its alert went again and nobody has taken it yet ("⏰"): once acknowledged, it is being dealt with."""
    return Report.status.in_(UNACKNOWLEDGED) & (Report.escalations > 0)


def overdue_at(now: dt.datetime) -> ColumnElement[bool]:
    """An open report open longer than OVERDUE_AFTER, or one whose alert went again unanswered."""
    return (Report.created_at < now - OVERDUE_AFTER) | unanswered_alert()


async def open_reports(db: AsyncSession, station_ids: list[int], now: dt.datetime,
                       limit: int) -> tuple[dict[str, int], list[OpenReport]]:
    """How many are open, unacknowledged and overdue, and the open ones to name: urgent ones nobody has read
    first, then urgent and escalated, then those more residents reported, then the oldest."""
    unanswered, overdue = unanswered_alert(), overdue_at(now)
    where = (Report.station_id.in_(station_ids), Report.status.in_(OPEN_STATUSES))
    totals = (await db.execute(
        select(func.count(), func.sum(case((Report.status.in_(UNACKNOWLEDGED), 1), else_=0)),
               func.sum(case((overdue, 1), else_=0))).where(*where)
    )).one()
    flagged = Report.urgent | unanswered
    residents = residents_reporting_column()
    named = await db.execute(
        select(Report.ref, Report.category, Report.status, Report.created_at, overdue, Report.urgent,
               unanswered, func.coalesce(Report.village_code, Report.district_code), Report.sample,
               residents)
        .where(*where).order_by(case((Report.urgent & Report.status.in_(UNACKNOWLEDGED), 0), (flagged, 1), else_=2),
                                residents.desc(), Report.created_at, Report.id)
        .limit(limit)
    )
    return ({"open": totals[0], "unacknowledged": int(totals[1] or 0), "overdue": int(totals[2] or 0)},
            [OpenReport(row.ref, Category(row.category), ReportStatus(row.status), row.created_at, bool(row[4]),
                        bool(row.urgent), bool(row[6]), row[7], bool(row.sample), int(row[9]))
             for row in named])


async def patrol_notes(db: AsyncSession, station_ids: list[int], start: dt.datetime,
                       end: dt.datetime) -> list[PatrolNote]:
    return list((await db.execute(
        select(PatrolNote).where(PatrolNote.station_id.in_(station_ids), PatrolNote.created_at >= start,
                                 PatrolNote.created_at < end).order_by(PatrolNote.created_at)
    )).scalars())


async def patrol_concerns(db: AsyncSession, notes: list[PatrolNote]) -> dict[int, list[tuple[Category, str]]]:
    """The concerns each patrol note raised (the reports made of them), by note: their kinds and words."""
    rows = await db.execute(select(Report.patrol_note_id, Report.category, Report.description)
                            .where(Report.patrol_note_id.in_([note.id for note in notes])).order_by(Report.id))
    found: dict[int, list[tuple[Category, str]]] = {}
    for note_id, category, description in rows:
        if note_id is not None:
            found.setdefault(note_id, []).append((Category(category), description))
    return found


async def officer_names(db: AsyncSession, ids: set[int]) -> dict[int, str]:
    rows = await db.execute(select(Officer.id, Officer.name).where(Officer.id.in_(ids)))
    return {officer_id: name for officer_id, name in rows if name}


async def failed_messages(db: AsyncSession, station_ids: list[int], start: dt.datetime,
                          end: dt.datetime) -> list[tuple[str, str, str | None]]:
    """Messages about the station's reports that could not be delivered in the period: ref, kind, why."""
    rows = await db.execute(
        select(Report.ref, Outbox.kind, Outbox.last_error).join(Report, Outbox.report_id == Report.id)
        .where(Report.station_id.in_(station_ids), Outbox.state.in_((OutboxState.FAILED, OutboxState.NEEDS_TEMPLATE)),
               Outbox.created_at >= start, Outbox.created_at < end)
        .order_by(Outbox.id)
    )
    return [(ref, kind, error) for ref, kind, error in rows]


async def claim_run(db: AsyncSession, station_id: int, local_date: dt.date, now: dt.datetime, *,
                    force: bool = False) -> DigestRun | None:
    """The station's run for the date, claimed for sending: None when it was sent already (unless `force`,
    which counts one more send). The unique row is what keeps two schedulers from sending twice."""
    inserted = (await db.scalars(
        dialect_insert(db, DigestRun)
        .values(station_id=station_id, local_date=local_date, sends=1, recipients=0, sent_at=now)
        .on_conflict_do_nothing(index_elements=["station_id", "local_date"])
        .returning(DigestRun)
    )).one_or_none()
    if inserted is not None or not force:
        return inserted
    run = (await db.execute(
        select(DigestRun).where(DigestRun.station_id == station_id, DigestRun.local_date == local_date)
        .with_for_update()
    )).scalar_one()
    run.sends, run.sent_at = run.sends + 1, now
    return run


async def runs_on(db: AsyncSession, local_dates: list[dt.date]) -> set[tuple[int, dt.date]]:
    """(station id, date) of the digests already sent on those dates."""
    rows = await db.execute(select(DigestRun.station_id, DigestRun.local_date)
                            .where(DigestRun.local_date.in_(local_dates)))
    return {(station_id, local_date) for station_id, local_date in rows}
