"""Stations in WITA and WIT: drafted in their province's zone, their digest's day and hours and the times
residents and heads read all in the station's own zone (Bali is UTC+8, Papua UTC+9)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from handlers.digest import compose, digest_moment, latest_due_date
from handlers.engine import Engine
from handlers.office import Office
from storage.models import Category, Identity, OfficerRole, ReportSource, ReportStatus, Station
from storage.reports import create_report, report_by_ref
from storage.stations import draft_registry, import_stations, registry_csv
from tests.helpers import Resident, alerts, at_location, enrolled, finish, payload, regions, station_code

DENPASAR, JAYAPURA = "51.71", "91.71"
DENPASAR_SELATAN, ABEPURA = "51.71.01", "91.71.03"
DAY = dt.date(2026, 11, 20)
ZONES = {"POLSEK-517101": ("Asia/Makassar", 8, "WITA", DENPASAR_SELATAN),
         "POLSEK-917103": ("Asia/Jayapura", 9, "WIT", ABEPURA)}


@pytest.fixture
async def stations(engine: Engine) -> dict[str, Station]:
    """Kota Denpasar and Kota Jayapura, drafted and imported as an operator would."""
    async with engine.sessions() as db, db.begin():
        rows = await draft_registry(db, regions(), [DENPASAR, JAYAPURA])
        result = await import_stations(db, registry_csv(rows, regions()), regions())
    assert result.errors == [] and result.created == 2 + 4 + 5
    async with engine.sessions() as db:
        return {s.code: s for s in (await db.execute(select(Station))).scalars()}


def local(code: str, day: int, hour: int, minute: int = 0) -> dt.datetime:
    offset = ZONES[code][1]
    return dt.datetime(2026, 11, day, hour, minute, tzinfo=dt.timezone(dt.timedelta(hours=offset))).astimezone(dt.UTC)


async def add(engine: Engine, station: Station, at: dt.datetime, *, identity: Identity = Identity.CONFIDENTIAL,
              category: Category = Category.SECURITY) -> str:
    district = ZONES[station.code][3]
    async with engine.sessions() as db, db.begin():
        report, _ = await create_report(
            db, attachments=[], actor="resident", category=category, description="fixture", occurred_text="-",
            location_text="-", province_code=district[:2], regency_code=district[:5], district_code=district,
            village_code=None, station_id=station.id, urgent=False, identity=identity,
            source=ReportSource.CITIZEN, language="id", contact_id=None, created_at=at, updated_at=at)
        return report.ref


async def test_stations_in_bali_and_papua_are_drafted_in_wita_and_wit(stations: dict[str, Station]) -> None:
    for code, (zone, *_rest) in ZONES.items():
        assert stations[code].timezone == zone
    assert stations["POLRES-5171"].timezone == "Asia/Makassar"
    assert stations["POLRES-9171"].timezone == "Asia/Jayapura"


@pytest.mark.parametrize("code", list(ZONES))
async def test_the_digest_covers_the_local_day_and_says_the_stations_zone(
        engine: Engine, stations: dict[str, Station], code: str) -> None:
    station = stations[code]
    _zone, _offset, zone_name, _district = ZONES[code]
    assert digest_moment(station, DAY) == local(code, 20, 6)
    await add(engine, station, local(code, 19, 6))                                # the window's first minute
    await add(engine, station, local(code, 20, 5, 59))                            # its last
    await add(engine, station, local(code, 19, 5, 59))                            # the day before's
    await add(engine, station, local(code, 20, 6))                                # the next day's
    await add(engine, station, local(code, 19, 16, 30), category=Category.DRUGS)  # 16:30 local: late afternoon
    async with engine.sessions() as db:
        office = Office(db, engine.cipher, engine.router, engine.escalation, local(code, 20, 6))
        text = (await compose(office, station, DAY, "id")).text
    assert f"24 jam sampai pukul 06:00 {zone_name}" in text
    assert f"Terbuka per 20 Nov 2026 06:00 {zone_name}" in text
    assert "Masuk: 3 laporan" in text
    # Hours of the day are the station's: 16:30 WITA/WIT is 15:30/14:30 WIB, which would be midday.
    assert "sore (16–20) · Narkoba" in text
    assert "WIB" not in text
    assert latest_due_date(station, local(code, 20, 6) - dt.timedelta(seconds=1)) == DAY - dt.timedelta(days=1)
    assert latest_due_date(station, local(code, 20, 6)) == DAY


@pytest.mark.parametrize("code", list(ZONES))
async def test_a_status_look_up_shows_the_stations_own_clock(
        engine: Engine, stations: dict[str, Station], code: str) -> None:
    ref = await add(engine, stations[code], local(code, 19, 23, 30), identity=Identity.ANONYMOUS)
    async with engine.sessions() as db, db.begin():
        report = await report_by_ref(db, ref)
        report.status = ReportStatus.ACKNOWLEDGED
    resident = Resident(engine)
    await resident.send(f"STATUS {ref}")
    assert f"19 Nov 2026 sekitar 23:30 {ZONES[code][2]}" in resident.text, resident.text  # anonymous: its hour


async def test_escalation_in_papua_runs_on_the_clock_and_reads_in_wit(engine: Engine,
                                                                     stations: dict[str, Station]) -> None:
    duty = await enrolled(engine, "telegram:910001", station="POLSEK-917103")
    await enrolled(engine, "telegram:910002", station="POLSEK-917103", role=OfficerRole.HEAD)
    resident = await at_location(engine)
    await resident.send("abepura jayapura")
    await resident.send("ya")
    report = await finish(resident)
    assert await station_code(engine, report) == "POLSEK-917103"
    assert await engine.escalate(report.created_at + dt.timedelta(minutes=59)) == 0
    assert await engine.escalate(report.created_at + dt.timedelta(minutes=61)) == 1   # to every duty officer
    assert await engine.escalate(report.created_at + dt.timedelta(minutes=121)) == 1  # then to the head
    sent = await alerts(engine)
    assert [payload(a)["text"].split("\n")[0] for a in sent[1:]] == ["⏰ BELUM DITANGGAPI 61 MENIT",
                                                                   "⏰ BELUM DITANGGAPI 121 MENIT"]
    await duty.send(f"lihat {report.ref}")
    # The report's history, escalations included, on the station's clock.
    wit = dt.timezone(dt.timedelta(hours=9))
    for moment in (report.created_at, report.created_at + dt.timedelta(minutes=61),
                   report.created_at + dt.timedelta(minutes=121)):
        assert f"{moment.astimezone(wit):%H:%M} WIT" in duty.text, duty.text
    assert "WIB" not in duty.text
