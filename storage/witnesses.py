"""Witnesses: residents whose account joined a report of the same incident, and the open reports a new
account may join (same category, same kelurahan or a pin close by, within a day)."""

from __future__ import annotations

import datetime as dt
import math

from sqlalchemy import ColumnElement, bindparam, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Category, Identity, Report, ReportSource, Witness
from storage.workflow import OPEN_STATUSES

NEAR_METRES = 500.0  # a pin this close to another report's pin is the same place
_METRES_A_DEGREE = 111_320.0


def metres_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    """The distance along the earth between two (latitude, longitude) points (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6_371_000.0 * math.asin(math.sqrt(h))


# Looked for at each report's place, built once: each report only binds its values. A place not given is bound
# as NULL, which matches nothing.
_OPEN_REPORTS_NEAR = (
    select(Report)
    .where(Report.category == bindparam("category"), Report.status.in_(OPEN_STATUSES),
           Report.created_at >= bindparam("since", type_=Report.created_at.type),
           or_(Report.village_code == bindparam("village_code"),
               Report.latitude.between(bindparam("south"), bindparam("north"))
               & Report.longitude.between(bindparam("west"), bindparam("east"))),
           or_(Report.contact_id.is_(None), Report.contact_id != bindparam("told_by")),
           Report.id.not_in(select(Witness.report_id).where(Witness.contact_id == bindparam("told_by"))))
    .order_by(Report.created_at.desc(), Report.id.desc()).limit(50)
)
_STATEMENTS = (select(Witness.report_id, Witness.statement)
               .where(Witness.report_id.in_(bindparam("report_ids", expanding=True))).order_by(Witness.id))


async def open_reports_near(db: AsyncSession, *, category: Category, village_code: str | None,
                            pin: tuple[float, float] | None, since: dt.datetime, told_by: int) -> list[Report]:
    """Open reports of `category` made since `since` in the kelurahan `village_code` or within NEAR_METRES of
    `pin`, newest first, but those the contact `told_by` made or joined already. (An anonymous report's time
    is its hour: it may count up to an hour longer.)"""
    if not village_code and pin is None:
        return []
    box: dict[str, float | None] = dict.fromkeys(("south", "north", "west", "east"))
    if pin is not None:
        degrees = NEAR_METRES / _METRES_A_DEGREE
        wide = degrees / max(math.cos(math.radians(pin[0])), 0.01)
        box = {"south": pin[0] - degrees, "north": pin[0] + degrees, "west": pin[1] - wide, "east": pin[1] + wide}
    found = (await db.execute(_OPEN_REPORTS_NEAR, {"category": category, "since": since,
                                                   "village_code": village_code or None, "told_by": told_by,
                                                   **box})).scalars()
    return [report for report in found
            if (village_code and report.village_code == village_code)
            or (pin is not None and report.latitude is not None and report.longitude is not None
                and metres_between(pin, (report.latitude, report.longitude)) <= NEAR_METRES)]


async def statements(db: AsyncSession, report_ids: list[int]) -> dict[int, list[str]]:
    """Each report's witness statements, oldest first."""
    told: dict[int, list[str]] = {report_id: [] for report_id in report_ids}
    for report_id, statement in await db.execute(_STATEMENTS, {"report_ids": report_ids}):
        told[report_id].append(statement)
    return told


def residents_reporting_column() -> ColumnElement[int]:
    """An SQL expression of how many residents reported Report: its reporter and its witnesses."""
    return 1 + select(func.count(Witness.id)).where(Witness.report_id == Report.id).scalar_subquery()


async def residents_reporting(db: AsyncSession, report: Report) -> int:
    """How many residents reported the report: its reporter and its witnesses."""
    return 1 + (await db.execute(select(func.count(Witness.id)).where(Witness.report_id == report.id))).scalar_one()


async def told_already(db: AsyncSession, report: Report, teller_token: str) -> bool:
    """Whether the teller of `teller_token` (ContactCipher.teller_token) added an account to `report` already."""
    return (await db.execute(select(Witness.id).where(Witness.report_id == report.id,
                                                      Witness.teller_token == teller_token))).first() is not None


async def add_witness(db: AsyncSession, report: Report, *, contact_id: int | None, teller_token: str,
                      identity: Identity, statement: str, occurred_text: str, location_text: str | None,
                      pin: tuple[float, float] | None, language: str, created_at: dt.datetime) -> Witness:
    """Joins an account to `report`; an anonymous one without its contact (the caller blurs its time), known again
    only by its teller's token."""
    latitude, longitude = pin or (None, None)
    witness = Witness(report_id=report.id, contact_id=None if identity == Identity.ANONYMOUS else contact_id,
                      teller_token=teller_token,
                      identity=identity, statement=statement, occurred_text=occurred_text,
                      location_text=location_text, latitude=latitude, longitude=longitude, language=language,
                      created_at=created_at)
    db.add(witness)
    await db.flush()
    return witness


async def witnesses_of(db: AsyncSession, report: Report) -> list[Witness]:
    """The report's witness statements, oldest first."""
    return list((await db.execute(select(Witness).where(Witness.report_id == report.id).order_by(Witness.id)))
                .scalars())


async def followers(db: AsyncSession, report: Report) -> list[int]:
    """The contacts of the report's witnesses who may be told of it: not the anonymous ones, who keep no link."""
    rows = await db.execute(
        select(Witness.contact_id).where(Witness.report_id == report.id, Witness.contact_id.is_not(None),
                                         Witness.identity != Identity.ANONYMOUS).order_by(Witness.id))
    return list(dict.fromkeys(contact_id for contact_id in rows.scalars() if contact_id is not None))


async def newest_account_of(db: AsyncSession, contact_id: int) -> Witness | None:
    """The contact's newest witness account; an anonymous one keeps no link to be found by."""
    return (await db.execute(
        select(Witness).where(Witness.contact_id == contact_id, Witness.identity != Identity.ANONYMOUS)
        .order_by(Witness.created_at.desc(), Witness.id.desc()).limit(1))).scalar_one_or_none()


async def is_witness(db: AsyncSession, report: Report, contact_id: int) -> bool:
    return contact_id in await followers(db, report)


async def join_duplicate(db: AsyncSession, duplicate: Report, kept: Report, *, place: str | None) -> None:
    """Makes the reporter and the witnesses of `duplicate` witnesses of the report it duplicates, so that they
    follow that one; its reporter's `place` is where they said it was. Each keeps the identity they chose."""
    joined = []
    if duplicate.source == ReportSource.CITIZEN:  # a patrol's report has no resident behind it to follow
        joined.append(Witness(report_id=kept.id, contact_id=duplicate.contact_id, identity=duplicate.identity,
                              statement=duplicate.description, occurred_text=duplicate.occurred_text,
                              location_text=place, latitude=duplicate.latitude,
                              longitude=duplicate.longitude, language=duplicate.language,
                              created_at=duplicate.created_at))
    for witness in (await db.execute(select(Witness).where(Witness.report_id == duplicate.id)
                                     .order_by(Witness.id))).scalars():
        joined.append(Witness(report_id=kept.id, contact_id=witness.contact_id, identity=witness.identity,
                              statement=witness.statement, occurred_text=witness.occurred_text,
                              location_text=witness.location_text, latitude=witness.latitude,
                              longitude=witness.longitude, language=witness.language,
                              created_at=witness.created_at))
    db.add_all(joined)
    await db.flush()
