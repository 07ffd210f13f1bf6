"""The station web page's table of reports: filtered, sorted and counted in the database, a page at a
time, so that its cost follows the page and the station's period rather than the size of the table."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.digests import hour_of_day, overdue_at
from storage.models import Category, Report, ReportEvent, ReportSource, ReportStatus, Witness
from storage.workflow import OPEN_STATUSES

SORTS = {"created": Report.created_at, "category": Report.category, "status": Report.status,
         "urgent": Report.urgent}
TEXT_CHARS = 100


@dataclass(frozen=True)
class ReportFilter:
    """What the table is narrowed to; every field empty means the station's reports of all time."""

    status: ReportStatus | None = None
    open_only: bool = False
    referred_out: bool = False  # instead of the stations' own: those they referred to another, and there still
    overdue_at: dt.datetime | None = None  # open and overdue at this moment (storage.digests.overdue_at)
    category: Category | None = None
    urgent: bool = False
    village_code: str | None = None
    since: dt.datetime | None = None
    hours_of_day: tuple[int, ...] = ()  # local hours of the day it happened in (a time band), as hour_of_day reads
    hours_ahead: tuple[tuple[int, int], ...] = ()  # for those: each station's id and its hours ahead of UTC
    source: ReportSource | None = None
    text: str = ""
    sort: str = "created"
    descending: bool = True


def _where(db: AsyncSession, station_ids: list[int], wanted: ReportFilter) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [Report.station_id.in_(station_ids)]
    if wanted.referred_out:
        sent_on = select(ReportEvent.report_id).where(ReportEvent.from_station_id.in_(station_ids))
        where = [Report.station_id.not_in(station_ids), Report.id.in_(sent_on)]
    if wanted.status is not None:
        where.append(Report.status == wanted.status)
    elif wanted.open_only or wanted.overdue_at is not None:
        where.append(Report.status.in_(OPEN_STATUSES))
    if wanted.overdue_at is not None:
        where.append(overdue_at(wanted.overdue_at))
    if wanted.category is not None:
        where.append(Report.category == wanted.category)
    if wanted.urgent:
        where.append(Report.urgent.is_(True))
    if wanted.village_code:
        where.append(func.coalesce(Report.village_code, Report.district_code) == wanted.village_code)
    if wanted.since is not None:
        where.append(Report.created_at >= wanted.since)
    if wanted.hours_of_day:
        where.append(hour_of_day(db.get_bind().dialect.name, dict(wanted.hours_ahead)).in_(wanted.hours_of_day))
    if wanted.source is not None:
        where.append(Report.source == wanted.source)
    if wanted.text:
        # The words as typed, matched as a substring: LIKE's own wildcards in them are taken literally.
        escaped = wanted.text[:TEXT_CHARS].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        pattern = f"%{escaped.lower()}%"
        # the story, the place as the resident wrote it, the reference, and what witnesses told of it
        told_by_witnesses = select(Witness.report_id).where(or_(
            func.lower(Witness.statement).like(pattern, escape="\\"),
            func.lower(Witness.location_text).like(pattern, escape="\\")))
        where.append(or_(func.lower(Report.description).like(pattern, escape="\\"),
                         func.lower(Report.location_text).like(pattern, escape="\\"),
                         func.lower(Report.ref).like(pattern, escape="\\"),
                         Report.id.in_(told_by_witnesses)))
    return where


def _sorted(query: Select[Report], wanted: ReportFilter) -> Select[Report]:
    column = SORTS.get(wanted.sort, Report.created_at)
    order = column.desc() if wanted.descending else column.asc()
    tiebreak = Report.id.desc() if wanted.descending else Report.id.asc()
    return query.order_by(order, tiebreak)


async def search(db: AsyncSession, station_ids: list[int], wanted: ReportFilter, *, offset: int,
                 limit: int) -> tuple[list[Report], int]:
    """One page of the matching reports, and how many match."""
    where = _where(db, station_ids, wanted)
    total = (await db.execute(select(func.count(Report.id)).where(*where))).scalar_one()
    page = await db.execute(_sorted(select(Report).where(*where), wanted).offset(offset).limit(limit))
    return list(page.scalars()), total


async def matching(db: AsyncSession, station_ids: list[int], wanted: ReportFilter, limit: int) -> list[Report]:
    """The first `limit` matching reports, sorted, for an export."""
    query = _sorted(select(Report).where(*_where(db, station_ids, wanted)), wanted).limit(limit)
    return list((await db.execute(query)).scalars())
