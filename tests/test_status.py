"""STATUS ‹ref›: who may see what."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from handlers.engine import Engine
from storage.models import Report, ReportEvent, ReportStatus, Station, StationKind
from storage.reports import find_ref
from tests.helpers import Resident, walk_to_summary


async def filed_by(resident: Resident, identity: str) -> str:
    await walk_to_summary(resident, identity=identity)
    await resident.send("kirim")
    ref = find_ref(resident.text)
    assert ref
    return ref


async def test_own_report_status_shows_status_and_time(engine: Engine) -> None:
    ani = Resident(engine, "console:ani")
    ref = await filed_by(ani, "2")
    await ani.send(f"status {ref}")
    assert ani.heard("status.report")
    assert ref in ani.text and "Diterima" in ani.text and "WIB" in ani.text
    assert "Polsek Sananwetan" in ani.text


async def test_a_confidential_or_named_report_is_not_shown_to_someone_else(engine: Engine) -> None:
    ani, budi = Resident(engine, "console:ani"), Resident(engine, "console:budi")
    for identity in ("1", "2"):
        ref = await filed_by(ani, identity)
        await budi.send(f"STATUS {ref}")
        assert budi.heard("status.not_found")
        assert "Diterima" not in budi.text


async def test_an_anonymous_report_is_shown_to_whoever_has_the_ref(engine: Engine) -> None:
    ani, budi = Resident(engine, "console:ani"), Resident(engine, "console:budi")
    ref = await filed_by(ani, "3")
    await budi.send(f"cek status {ref.lower()}")
    assert budi.heard("status.report")


async def test_unknown_ref_gets_a_clear_answer(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send("2")
    assert resident.heard("status.ask_ref")
    await resident.send("nomor saya hilang")
    assert resident.heard("status.ref_not_recognised")
    await resident.send("LP-2345-6789")
    assert resident.heard("status.not_found")
    assert resident.heard("menu.ask")


async def test_status_shows_station_public_notes_and_never_an_officer(engine: Engine) -> None:
    ani = Resident(engine, "console:ani")
    ref = await filed_by(ani, "2")
    async with engine.sessions() as db, db.begin():
        station = Station(code="SKR", name="Polsek Sekar", kind=StationKind.POLSEK, timezone="Asia/Jakarta")
        db.add(station)
        await db.flush()
        report = (await db.execute(select(Report).where(Report.ref == ref))).scalar_one()
        report.station_id = station.id
        report.status = ReportStatus.IN_PROGRESS
        later = report.created_at + dt.timedelta(hours=1)
        db.add_all([
            ReportEvent(report_id=report.id, from_status=ReportStatus.RECEIVED, to_status=ReportStatus.IN_PROGRESS,
                        actor="officer:Bripka Santoso 081299998888", note="Patroli sudah dikirim ke lokasi",
                        public=True, created_at=later),
            ReportEvent(report_id=report.id, from_status=ReportStatus.IN_PROGRESS,
                        to_status=ReportStatus.IN_PROGRESS, actor="officer:Bripka Santoso",
                        note="catatan internal: pelapor kenal pelaku", public=False, created_at=later),
        ])
    await ani.send(f"STATUS {ref}")
    assert "Polsek Sekar" in ani.text
    assert "Patroli sudah dikirim ke lokasi" in ani.text
    assert "catatan internal" not in ani.text
    assert "Santoso" not in ani.text and "081299998888" not in ani.text


async def test_deep_link_start_payload_opens_the_status(engine: Engine) -> None:
    ani = Resident(engine, "console:ani")
    ref = await filed_by(ani, "2")
    await ani.send(f"/start status_{ref}")
    assert ani.heard("status.report")
