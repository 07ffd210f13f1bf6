"""The station head's daily digest: its numbers and hotspot ranking on fixture data, time zones across
midnight, exactly once (catch-up, two schedulers, restarts), the chart, the WhatsApp template, the CLI.
The clock is the tests': every step takes `now`."""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import json
import struct
from functools import partial
from pathlib import Path

import httpx
import pytest
from sqlalchemy import event, func, inspect, pool, select, text, update
from sqlalchemy.engine import Engine as SyncEngine
from sqlalchemy.ext.asyncio import create_async_engine

from bot.chart import HEIGHT_PX, WIDTH_PX, digest_chart
from bot.scheduler import Leadership, Scheduler, run_job
from handlers.digest import CATEGORY_COLOURS, NotDue, compose, digest_moment, hotspots, latest_due_date
from handlers.engine import Engine
from handlers.office import Office
from harness.loopback import until
from storage import digests
from storage.db import is_sqlite
from storage.models import (
    Category,
    Contact,
    DigestRun,
    Identity,
    Officer,
    OfficerRole,
    Outbox,
    Report,
    ReportStatus,
    Station,
    StationKind,
)
from storage.reports import report_by_ref
from storage.witnesses import add_witness, join_duplicate
from tests.helpers import (
    DAY,
    GEDOG,
    SANANWETAN,
    WIB,
    Resident,
    add,
    alerts,
    enrolled,
    enrolled_on_telegram,
    lapor,
    make_engine,
    payload,
    service,
    signed_in,
    station,
    web_app,
    wib,
)


async def digest_text(engine: Engine, day: dt.date = DAY, code: str = "POLSEK-SANANWETAN", lang: str = "id",
                      now: dt.datetime | None = None) -> str:
    """The digest as it is sent at its time (or as read again at `now`)."""
    target = await station(engine, code)
    async with engine.sessions() as db:
        office = Office(db, engine.cipher, engine.router, engine.escalation, now or digest_moment(target, day))
        return (await compose(office, target, day, lang)).text


async def test_the_day_in_numbers(engine: Engine) -> None:
    await add(engine, wib(19, 5, 59))                                   # before the window
    await add(engine, wib(19, 20), status=ReportStatus.RECEIVED, escalations=1)
    await add(engine, wib(19, 21), status=ReportStatus.RESOLVED)
    await add(engine, wib(19, 10), Category.TRAFFIC, urgent=True, village=None)
    await add(engine, wib(20, 6))                                        # the next digest's
    await add(engine, wib(19, 22), status=ReportStatus.IN_PROGRESS, escalations=1)  # escalated, then taken up
    text = await digest_text(engine)
    assert "Laporan harian Polsek Sananwetan\n20 Nov 2026, 24 jam sampai pukul 06:00 WIB" in text
    assert "Masuk: 4 laporan (1 mendesak)" in text
    assert "Menurut kategori: Narkoba 3, Lalu lintas 1" in text
    assert "Menurut tempat: Kel. Gedog 3, Kec. Sananwetan 1" in text
    assert "Terbuka per 20 Nov 2026 06:00 WIB: 5 · belum ditanggapi: 4 · terlambat: 1" in text, (
        "the one escalated and not taken up is overdue; the one of 06:00 is open too")
    assert "Tren 7 hari: 14 Nov 0 · 15 Nov 0 · 16 Nov 0 · 17 Nov 0 · 18 Nov 0 · 19 Nov 1 · 20 Nov 4" in text, (
        "days of 24 hours to 06:00: 19 Nov 05:59 WIB is the 19th's; 20 Nov 06:00 is after the digest")
    assert "1. Kel. Gedog · malam (20–24) · Narkoba: 3 laporan" in text, "bands are four hours wide"
    listed = [line for line in text.splitlines() if line.startswith("• ")]
    assert [line.split(" · ", 2)[2] for line in listed] == [
        "Kec. Sananwetan · belum dibaca · terbuka 20 jam", "Kel. Gedog · belum dibaca · terbuka 10 jam",
        "Kel. Gedog · belum dibaca · terbuka 1 hari", "Kel. Gedog · ditindaklanjuti · terbuka 8 jam",
        "Kel. Gedog · belum dibaca · baru masuk"], "urgent first, then the escalated one nobody took up, then the "\
        "oldest; each with its place, how far it has come, and how long it is open, in hours under a day"
    assert listed[0].startswith("• 🚨 ") and listed[1].startswith("• ⏰ ") and "⏰" not in listed[3], \
        "escalated, then taken up: no longer waiting on anyone"


async def test_a_day_without_reports_says_so_in_one_line(engine: Engine) -> None:
    text = await digest_text(engine)
    assert "Tidak ada laporan masuk dalam 24 jam ini." in text
    assert "Masuk:" not in text


async def test_hotspots_rank_recent_open_and_urgent_reports_higher(engine: Engine) -> None:
    for day in (1, 2, 3):  # three old, closed reports of traffic in the morning at the kecamatan
        await add(engine, wib(day, 8), Category.TRAFFIC, village=None, status=ReportStatus.RESOLVED)
    for hour in (21, 22):  # two recent, open ones of drugs at night in Gedog
        await add(engine, wib(18, hour))
    await add(engine, wib(17, 13), Category.SECURITY, urgent=True)  # one recent urgent at midday
    async with engine.sessions() as db:
        end = digest_moment(await station(engine), DAY)
        counts = await digests.counts(db, [(await station(engine)).id], end - dt.timedelta(days=28), end)
    ranked = hotspots(counts, dt.timezone(dt.timedelta(hours=7)), end - dt.timedelta(days=7))  # type: ignore[arg-type]
    assert [(s.place_code, s.band, s.categories, s.score) for s in ranked] == [
        (GEDOG, "malam", ((Category.DRUGS, 2),), 6),          # 2 + 2 recent + 2 open
        (GEDOG, "siang", ((Category.SECURITY, 1),), 4),       # 1 + 1 recent + 1 open + 1 urgent
        (SANANWETAN, "pagi", ((Category.TRAFFIC, 3),), 3),    # 3 old and closed
    ]


async def test_a_place_and_time_is_one_priority_whatever_was_reported_there(engine: Engine, tmp_path: Path) -> None:
    """The patrol goes to Gedog at night for the drugs and the theft told of it: one line, not two that each
    rank lower than the place does."""
    for hour in (21, 22):
        await add(engine, wib(18, hour))
    await add(engine, wib(18, 23), Category.SECURITY)
    await add(engine, wib(18, 9), Category.TRAFFIC, village=None)
    async with engine.sessions() as db:
        end = digest_moment(await station(engine), DAY)
        counts = await digests.counts(db, [(await station(engine)).id], end - dt.timedelta(days=28), end)
    ranked = hotspots(counts, dt.timezone(dt.timedelta(hours=7)), end - dt.timedelta(days=7))  # type: ignore[arg-type]
    assert [(s.place_code, s.band, s.categories, s.total) for s in ranked] == [
        (GEDOG, "malam", ((Category.DRUGS, 2), (Category.SECURITY, 1)), 3),
        (SANANWETAN, "pagi", ((Category.TRAFFIC, 1),), 1),
    ]
    line = "1. Kel. Gedog · malam (20–24) · Narkoba 2, Gangguan keamanan & kriminalitas 1: 3 laporan"
    assert line in await digest_text(engine)
    head = await enrolled(engine, "console:kapolsek", role=OfficerRole.HEAD)
    home = (await (await signed_in(web_app(engine, tmp_path), head)).get("/")).text
    assert f'href="/laporan?kelurahan={GEDOG}&amp;waktu=malam&amp;periode=28"' in home, \
        "the place's reports of every kind, at its time of day"
    assert f'href="/laporan?kelurahan={SANANWETAN}&amp;kategori=traffic&amp;waktu=pagi&amp;periode=28"' in home


async def test_a_scam_by_phone_counts_in_the_day_and_stays_off_the_patrol_priorities(engine: Engine) -> None:
    """Told online, routed by where the resident lives: the officers read it as that, and the patrol is not sent
    to the resident's street for it."""
    await enrolled(engine, "console:petugas")
    resident = Resident(engine)
    for said in ("sy ketipu jual beli online, udh transfer 2 juta barang gk dikirim", "ya, kemarin",
                 "gedog sananwetan", "ya", "gk ada", "rahasia", "kirim"):
        await resident.send(said)
    [alert] = await alerts(engine)
    assert "tempat tinggal pelapor, kejadian lewat HP/internet" in payload(alert)["text"], payload(alert)["text"]
    async with engine.sessions() as db:
        [report] = (await db.execute(select(Report))).scalars()
        assert report.online and report.village_code == GEDOG
        counts = await digests.counts(db, [report.station_id], report.created_at - dt.timedelta(hours=1),
                                      report.created_at + dt.timedelta(hours=1))
    assert [(c.total, c.place_code) for c in counts] == [(1, None)], "counted, at no place"
    recent_since = report.created_at - dt.timedelta(days=7)
    assert hotspots(counts, dt.timezone(dt.timedelta(hours=7)), recent_since) == []  # type: ignore[arg-type]


async def test_the_patrol_goes_when_things_happened_not_when_they_were_told(engine: Engine) -> None:
    for day in (16, 17, 18):  # told each morning, of the night before; one of the day, told as it happened
        await add(engine, wib(day, 8), occurred_hour=23)
    await add(engine, wib(18, 9))
    async with engine.sessions() as db:
        end = digest_moment(await station(engine), DAY)
        counts = await digests.counts(db, [(await station(engine)).id], end - dt.timedelta(days=28), end)
    ranked = hotspots(counts, dt.timezone(dt.timedelta(hours=7)), end - dt.timedelta(days=7))  # type: ignore[arg-type]
    assert [(s.band, s.total) for s in ranked] == [("malam", 3), ("pagi", 1)]


async def test_a_duplicate_is_one_incident_in_the_counts_and_the_patrol(engine: Engine) -> None:
    """Two residents report one theft; an officer marks the second a duplicate of the first: its reporter
    follows the first as a witness. Counted as two reports and a witness, one incident weighed as three."""
    kept = await add(engine, wib(18, 12), Category.SECURITY)
    duplicate = await add(engine, wib(18, 13), Category.SECURITY)
    async with engine.sessions() as db, db.begin():
        kept_report, duplicate_report = await report_by_ref(db, kept), await report_by_ref(db, duplicate)
        assert kept_report is not None and duplicate_report is not None
        duplicate_report.status, duplicate_report.duplicate_of_id = ReportStatus.DUPLICATE, kept_report.id
        await join_duplicate(db, duplicate_report, kept_report, place=None)
    async with engine.sessions() as db:
        end = digest_moment(await station(engine), DAY)
        counts = await digests.counts(db, [(await station(engine)).id], end - dt.timedelta(days=28), end)
    assert [(c.total, c.witnesses) for c in counts] == [(1, 1)]
    assert "1 laporan" in await digest_text(engine) and "1 warga lain ikut bersaksi" in await digest_text(engine)


async def test_witnesses_weigh_in_where_the_patrol_goes(engine: Engine, tmp_path: Path) -> None:
    """Two places with one open report each, alike but for the residents who joined one as witnesses: the
    place more residents told of comes first, by one point a witness."""
    await add(engine, wib(18, 21), Category.SECURITY, village=None)  # the kecamatan, at night
    told = await add(engine, wib(18, 9), Category.SECURITY)  # Gedog, in the morning
    async with engine.sessions() as db, db.begin():
        joined = await report_by_ref(db, told)
        for teller in ("a" * 64, "b" * 64):  # two residents
            await add_witness(db, joined, contact_id=None, teller_token=teller, identity=Identity.ANONYMOUS,
                              statement="sama", occurred_text="-", location_text=None, pin=None, language="id",
                              created_at=wib(18, 10))
    async with engine.sessions() as db:
        end = digest_moment(await station(engine), DAY)
        counts = await digests.counts(db, [(await station(engine)).id], end - dt.timedelta(days=28), end)
    ranked = hotspots(counts, dt.timezone(dt.timedelta(hours=7)), end - dt.timedelta(days=7))  # type: ignore[arg-type]
    assert [(s.place_code, s.witnesses, s.score) for s in ranked] == [
        (GEDOG, 2, 5),       # 1 + 1 recent + 1 open + 2 witnesses
        (SANANWETAN, 0, 3),  # 1 + 1 recent + 1 open
    ]
    assert "1 masih terbuka, 2 warga lain ikut bersaksi)" in await digest_text(engine)
    head = await enrolled(engine, "console:kapolsek", role=OfficerRole.HEAD)
    client = await signed_in(web_app(engine, tmp_path), head)
    assert "1 masih terbuka, 2 warga lain ikut bersaksi)" in (await client.get("/")).text, "the same on the page"


@pytest.mark.parametrize(("zone", "offset"), [("Asia/Jakarta", 7), ("Asia/Makassar", 8), ("Asia/Jayapura", 9)])
async def test_the_window_follows_the_station_zone_across_midnight(engine: Engine, zone: str, offset: int) -> None:
    async with engine.sessions() as db, db.begin():
        target = (await db.execute(select(Station).where(Station.code == "POLSEK-SEKAR"))).scalar_one()
        target.timezone = zone
    local = dt.timezone(dt.timedelta(hours=offset))
    moment = dt.datetime(2026, 11, 20, 6, tzinfo=local)
    assert digest_moment(await station(engine, "POLSEK-SEKAR"), DAY) == moment
    await add(engine, moment - dt.timedelta(minutes=1), code="POLSEK-SEKAR")   # 05:59 local: in the 20th's
    await add(engine, moment, code="POLSEK-SEKAR")                             # 06:00 local: in the 21st's
    await add(engine, moment - dt.timedelta(hours=7), code="POLSEK-SEKAR")     # 23:00 local the day before
    assert "Masuk: 2 laporan" in await digest_text(engine, DAY, "POLSEK-SEKAR")
    assert "Masuk: 1 laporan" in await digest_text(engine, DAY + dt.timedelta(days=1), "POLSEK-SEKAR")
    sekar = await station(engine, "POLSEK-SEKAR")
    assert latest_due_date(sekar, moment - dt.timedelta(seconds=1)) == DAY - dt.timedelta(days=1)
    assert latest_due_date(sekar, moment) == DAY


async def test_a_polres_gets_the_roll_up_of_its_polsek(engine: Engine) -> None:
    await add(engine, wib(19, 20))
    await add(engine, wib(19, 21))
    async with engine.sessions() as db, db.begin():
        polres = (await db.execute(select(Station).where(Station.code == "POLRES-BLITAR-KOTA"))).scalar_one()
        assert polres.kind == StationKind.POLRES
    text = await digest_text(engine, code="POLRES-BLITAR-KOTA")
    assert "Masuk: 2 laporan" in text and "• Polsek Sananwetan: 2" in text
    assert "• Polres Blitar Kota" not in text, "the Polres's own line only when it took reports itself"
    await add(engine, wib(19, 22), code="POLRES-BLITAR-KOTA")
    text = await digest_text(engine, code="POLRES-BLITAR-KOTA")
    assert "Masuk: 3 laporan" in text and "• Polsek Sananwetan: 2" in text and "• Polres Blitar Kota: 1" in text


# --- exactly once ----------------------------------------------------------------------------------

async def digest_rows(engine: Engine) -> list[Outbox]:
    async with engine.sessions() as db:
        return list((await db.execute(select(Outbox).where(Outbox.kind == "digest").order_by(Outbox.id))).scalars())


async def runs(engine: Engine) -> list[DigestRun]:
    async with engine.sessions() as db:
        return list((await db.execute(select(DigestRun).order_by(DigestRun.local_date))).scalars())


async def heads_since_long_ago(engine: Engine) -> None:
    """As if the station's heads had been enrolled long before the days the test sends digests of: a day whose
    digest time came before the station had a head gets none."""
    async with engine.sessions() as db, db.begin():
        await db.execute(update(Officer).values(created_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC)))


async def test_due_digests_go_once_and_a_missed_one_is_caught_up_within_a_day(engine: Engine) -> None:
    await enrolled(engine, "console:kapolsek", role=OfficerRole.HEAD)
    await heads_since_long_ago(engine)
    moment = wib(20, 6)
    assert await engine.send_due_digests(now=moment - dt.timedelta(minutes=1)) == 1, "the 19th's, caught up"
    assert await engine.send_due_digests(now=moment - dt.timedelta(seconds=30)) == 0
    assert await engine.send_due_digests(now=moment) == 1, "the 20th's at 06:00"
    assert await engine.send_due_digests(now=moment + dt.timedelta(hours=1)) == 0, "once"
    # Down from 06:00 on the 21st until 07:00 on the 22nd: the 21st's is over a day old, the 22nd's is not.
    assert await engine.send_due_digests(now=wib(22, 7)) == 1
    assert [run.local_date.day for run in await runs(engine)] == [19, 20, 22]
    assert len(await digest_rows(engine)) == 3


@pytest.mark.parametrize("enrolled_at", [wib(20, 2, 19), wib(20, 2, 38), wib(19, 6, 1), wib(20, 5, 0)])
async def test_a_head_enrolled_after_a_digests_time_gets_no_digest_of_that_day(engine: Engine,
                                                                               enrolled_at: dt.datetime) -> None:
    """Enrolled at night (02:19, after the 19th's digest went at 06:00 to nobody): no digest of the 19th, which
    said no report came in beside an open list of today's; their first is the 20th's, at its time."""
    await add(engine, wib(20, 1))
    await enrolled(engine, "console:kapolsek", role=OfficerRole.HEAD)
    async with engine.sessions() as db, db.begin():
        await db.execute(update(Officer).values(created_at=enrolled_at))
    assert await engine.send_due_digests(now=enrolled_at + dt.timedelta(minutes=1)) == 0
    assert await runs(engine) == []
    assert await engine.send_due_digests(now=wib(20, 6)) == 1
    assert [run.local_date.day for run in await runs(engine)] == [20]
    [row] = await digest_rows(engine)
    sent = payload(row)["text"]
    assert "Tidak ada laporan masuk" not in sent and "Masuk: 1 laporan" in sent, sent
    assert "Prioritas patroli hari ini:\n1. Kel. Gedog" in sent, sent


async def test_a_longer_catch_up_sends_every_missed_digest_once_oldest_first(engine: Engine) -> None:
    await enrolled(engine, "console:kapolsek", role=OfficerRole.HEAD)
    await heads_since_long_ago(engine)
    engine.digest_catch_up = dt.timedelta(hours=72)
    assert await engine.send_due_digests(now=wib(22, 7)) == 3, "the 20th's, 21st's and 22nd's; the 19th's is too old"
    assert [run.local_date.day for run in await runs(engine)] == [20, 21, 22]
    assert await engine.send_due_digests(now=wib(22, 8)) == 0


async def test_a_digest_is_not_sent_before_its_time_nor_recorded_for_nobody(engine: Engine) -> None:
    with pytest.raises(NotDue):
        await engine.send_digest("POLSEK-SANANWETAN", DAY, now=wib(20, 5, 59))
    assert await engine.send_digest("POLSEK-SANANWETAN", DAY, now=wib(20, 6)) == 0, "no head yet"
    assert await runs(engine) == [], "neither claims the date: the real digest still goes"
    await enrolled(engine, "console:kapolsek", role=OfficerRole.HEAD)
    assert await engine.send_digest("POLSEK-SANANWETAN", DAY, now=wib(20, 6)) == 1


async def test_long_lists_say_how_many_more_there_are(engine: Engine) -> None:
    for n in range(12):  # twelve open for more than seven days
        await add(engine, wib(1, 8) + dt.timedelta(minutes=n), village=None)
    text = await digest_text(engine)
    assert "terlambat: 12" in text and text.count(" · Kec. Sananwetan · belum dibaca · terbuka 18 hari") == 10
    assert "dan 2 lainnya" in text, text


async def test_more_places_than_are_named_are_counted_as_places(engine: Engine) -> None:
    for village in range(1, 8):  # the seven kelurahan of Kec. Sananwetan, one report each
        await add(engine, wib(19, 20), village=f"{SANANWETAN}.100{village}")
    by_place = next(line for line in (await digest_text(engine)).splitlines() if line.startswith("Menurut tempat"))
    assert by_place.count("Kel. ") == 5 and by_place.endswith("dan 2 tempat lainnya"), by_place


async def test_two_schedulers_at_once_send_one_digest(engine: Engine, database_url: str, tmp_path: Path) -> None:
    await enrolled(engine, "console:kapolsek", role=OfficerRole.HEAD)
    await enrolled(engine, "console:wakapolsek", role=OfficerRole.HEAD)
    await heads_since_long_ago(engine)
    other, other_db = make_engine(database_url, tmp_path / "media")
    try:
        moment = wib(20, 6)
        sent = await asyncio.gather(engine.send_due_digests(now=moment), other.send_due_digests(now=moment),
                                    engine.send_due_digests(now=moment), other.send_due_digests(now=moment))
    finally:
        await other_db.dispose()  # type: ignore[attr-defined]
    assert sum(sent) == 1, "the 20th's, by one of them (the 19th's is a day old: past catching up)"
    assert len(await runs(engine)) == 1
    assert len(await digest_rows(engine)) == 2, "one per head, once"


async def test_only_one_process_leads_the_scheduler(database_url: str) -> None:
    first, second = Leadership(database_url), Leadership(database_url)
    try:
        assert await first.try_acquire()
        assert not await second.try_acquire()
        await first.release()
        assert await second.try_acquire(), "the lead passes on when the leader lets go (or dies)"
    finally:
        await first.release()
        await second.release()


async def test_a_leader_that_loses_its_lock_connection_knows_it(database_url: str) -> None:
    if is_sqlite(database_url):
        pytest.skip("a lock file has no connection to lose")
    leader, follower = Leadership(database_url), Leadership(database_url)
    try:
        assert await leader.try_acquire() and await leader.still_held()
        assert leader._connection is not None
        pid = (await leader._connection.execute(text("SELECT pg_backend_pid()"))).scalar_one()
        killer = create_async_engine(database_url, poolclass=pool.NullPool)
        async with killer.connect() as connection:  # the connection dies, as with a network cut
            await connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        await killer.dispose()
        assert not await leader.still_held()
        assert await follower.try_acquire(), "the lock went with the connection"
    finally:
        await leader.release()  # never fails, even on a dead connection
        await follower.release()


async def test_the_leader_schedules_each_job_on_the_engine_and_keeps_no_table(engine: Engine, database_url: str,
                                                                            caplog: pytest.LogCaptureFixture) -> None:
    scheduler = Scheduler(engine, database_url, dt.timedelta(days=365))
    scheduler.start()
    try:
        await until(lambda: scheduler.scheduler is not None and scheduler.scheduler.running, what="the lead")
        assert scheduler.scheduler is not None
        scheduled = scheduler.scheduler.get_jobs()
        assert {job.id for job in scheduled} == {"escalation", "digests", "draft-expiry", "retention-purge"}
        for job in scheduled:  # each round, as the scheduler runs it, on this engine's database
            await job.func(*job.args)
        assert not [r for r in caplog.records if r.levelname == "ERROR"], "every job ran through"
    finally:
        await scheduler.stop()
    follower = Leadership(database_url)
    try:
        assert await follower.try_acquire(), "stopping gave the lead up"
    finally:
        await follower.release()
    async with engine.sessions() as db:
        tables = await (await db.connection()).run_sync(lambda sync: inspect(sync).get_table_names())
    assert "apscheduler_jobs" not in tables, "when a job runs next lives in the leader's memory alone"


async def test_stopped_as_any_query_of_its_start_answers_the_scheduler_ends_and_gives_the_lead_up(
        engine: Engine, database_url: str) -> None:
    """The process may stop while the scheduler's first round is under way (a short `lapor chat`): as its lock,
    its start-up digests round or its check that it still leads is answering."""
    for n in itertools.count():
        query = await stop_as_query_answers(engine, database_url, n)
        if query is None:  # the round ended before an n-th query: each of its queries was a stopping point
            break
        follower = Leadership(database_url)
        try:
            assert await follower.try_acquire(), f"the lead was given up, stopped as {query!r} answered"
        finally:
            await follower.release()
    assert n >= 2, "the stops came during the round (the digests' queries at least), not after it"


async def stop_as_query_answers(engine: Engine, database_url: str, n: int) -> str | None:
    """Starts a scheduler and calls its stop() in the turn of the loop in which its n-th query (from 0) answers;
    the query, once stop() has returned, or None if the first round ended before that query."""
    scheduler = Scheduler(engine, database_url, dt.timedelta(days=365))
    checks: list[bool] = []
    check = scheduler.leadership.still_held

    async def counted_check() -> bool:
        checks.append(await check())
        return checks[-1]

    scheduler.leadership.still_held = counted_check  # type: ignore[method-assign]
    answered: list[str] = []
    stopping: list[asyncio.Task[None]] = []

    def stop_as_it_answers(*query: object) -> None:
        answered.append(str(query[2]))
        if len(answered) == n + 1:
            stopping.append(asyncio.ensure_future(scheduler.stop()))

    event.listen(SyncEngine, "after_cursor_execute", stop_as_it_answers)
    try:
        scheduler.start()
        await until(lambda: bool(stopping or checks), what="the scheduler's first round")
    finally:
        event.remove(SyncEngine, "after_cursor_execute", stop_as_it_answers)
    if not stopping:
        await scheduler.stop()
        return None
    stopped, _ = await asyncio.wait(stopping, timeout=60)  # only a guard against hanging the test run
    if not stopped:  # cancelled again while it rests, it ends: the test run goes on
        await scheduler.stop()
    assert stopped, f"stop() returned, called as {answered[n]!r} answered"
    return answered[n]


async def test_a_failed_round_of_a_job_is_logged_and_raises_nothing(caplog: pytest.LogCaptureFixture) -> None:
    async def database_down() -> int:
        raise ConnectionRefusedError("database restarting")

    await run_job("digests", database_down)
    [failure] = [r for r in caplog.records if r.levelname == "ERROR"]
    assert failure.getMessage() == "digests failed" and failure.exc_info is not None


async def test_forcing_a_digest_again_is_recorded(engine: Engine) -> None:
    await enrolled(engine, "console:kapolsek", role=OfficerRole.HEAD)
    assert await engine.send_digest("POLSEK-SANANWETAN", DAY, now=wib(20, 7)) == 1
    assert await engine.send_digest("POLSEK-SANANWETAN", DAY, now=wib(20, 8)) is None
    assert await engine.send_digest("POLSEK-SANANWETAN", DAY, force=True, now=wib(20, 9)) == 1
    [run] = await runs(engine)
    assert run.sends == 2 and len(await digest_rows(engine)) == 2


# --- rendering --------------------------------------------------------------------------------------

def test_the_chart_is_a_png_of_the_expected_size() -> None:
    png = digest_chart({"title": "Laporan 7 hari terakhir", "days": [f"{d} Nov" for d in range(14, 21)],
                        "series": {"Narkoba": [0, 1, 0, 2, 0, 0, 3], "Lalu lintas": [1, 0, 0, 0, 1, 0, 0]},
                        "grid": {"title": "Laporan 28 hari", "bands": ["pagi (08–12)", "malam (20–24)"],
                                 "places": ["Kel. Gedog"], "codes": ["35.72.01.1001"], "counts": [[2, 5]]}})
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (WIDTH_PX, HEIGHT_PX)


@pytest.mark.parametrize("asked", ["DIGEST", "rekap hari ini"])
async def test_a_head_reads_the_digest_by_replying_digest(engine: Engine, asked: str) -> None:
    head = await enrolled(engine, "console:kapolsek", role=OfficerRole.HEAD)
    await head.send(asked)
    assert head.heard("digest.header") or "Laporan harian Polsek Sananwetan" in head.text, head.text
    duty = await enrolled(engine, "console:piket")
    await duty.send("digest")
    assert duty.heard("digest.not_head")


async def test_digest_asked_for_gives_the_24_hours_up_to_now(engine: Engine) -> None:
    """Asked mid-morning, after reports came since the digest's hour: those, not the morning's digest again."""
    now = dt.datetime.now(dt.UTC)
    # Two in the last minutes, after the morning's digest whenever the test runs (but in the two minutes after its
    # hour), and one before the 24 hours.
    for ago in (dt.timedelta(minutes=1), dt.timedelta(minutes=2), dt.timedelta(hours=25)):
        await add(engine, now - ago)
    head = await enrolled(engine, "console:kapolsek", role=OfficerRole.HEAD)
    await head.send("DIGEST")
    assert "Masuk: 2 laporan" in head.text and not head.heard("digest.no_reports"), head.text


async def test_outside_the_whatsapp_window_the_digest_goes_as_its_template(engine: Engine) -> None:
    from bot.channels.whatsapp import WhatsAppChannel
    from bot.outbox import Dispatcher
    from harness.fake_twilio import ACCOUNT_SID, AUTH_TOKEN, SENDER, FakeTwilioAPI

    head = "whatsapp:+6281377770000"
    await enrolled(engine, head, role=OfficerRole.HEAD)
    async with engine.sessions() as db, db.begin():
        contact = (await db.execute(select(Contact).where(Contact.urn_hash == engine.cipher.lookup_hash(head))))\
            .scalar_one()
        contact.last_inbound_at = dt.datetime.now(dt.UTC) - dt.timedelta(days=2)
    await add(engine, wib(19, 20))
    await engine.send_digest("POLSEK-SANANWETAN", DAY)
    twilio = FakeTwilioAPI()
    await twilio.start()
    channel = WhatsAppChannel(ACCOUNT_SID, AUTH_TOKEN, SENDER, api_base_url=twilio.base_url)
    try:
        dispatcher = Dispatcher(engine.sessions, engine.cipher, {"whatsapp": channel},
                                templates={"digest": "HX" + "d" * 32})
        assert await dispatcher.run_once() == 1
    finally:
        await channel.close()
        await twilio.stop()
    [sent] = twilio.sent(head)
    assert sent["ContentSid"] == "HX" + "d" * 32
    variables = json.loads(sent["ContentVariables"])
    assert "1 laporan masuk" in variables["1"] and "Balas DIGEST" in variables["1"]
    assert "Body" not in sent


async def test_the_digest_commands(engine: Engine, tmp_path: Path, database_url: str) -> None:
    for hour in (20, 21, 22):
        await add(engine, wib(19, hour))
    chart = tmp_path / "chart.png"
    preview = await asyncio.to_thread(partial(lapor, data_dir=tmp_path, database_url=database_url),
                                      "digest", "preview", "--station",
                                      "polsek-sananwetan", "--date", "2026-11-20", "--png", str(chart))
    assert preview.returncode == 0, preview.stderr
    assert "Masuk: 3 laporan" in preview.stdout and "Prioritas patroli hari ini" in preview.stdout
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert await runs(engine) == [], "a preview sends and records nothing"
    send = ("digest", "send", "--station", "POLSEK-SANANWETAN", "--date", "2026-11-20")
    nobody = await asyncio.to_thread(partial(lapor, data_dir=tmp_path, database_url=database_url), *send)
    assert nobody.returncode == 1 and "nothing was sent and nothing recorded" in nobody.stderr
    assert await runs(engine) == []
    await enrolled(engine, "console:kapolsek", role=OfficerRole.HEAD)
    first = await asyncio.to_thread(partial(lapor, data_dir=tmp_path, database_url=database_url), *send)
    assert first.returncode == 0 and "digest queued for 1 station head" in first.stdout, first.stdout
    again = await asyncio.to_thread(partial(lapor, data_dir=tmp_path, database_url=database_url), *send)
    assert again.returncode == 1 and "sent already" in again.stdout
    forced = await asyncio.to_thread(partial(lapor, data_dir=tmp_path, database_url=database_url), *send, "--force")
    assert forced.returncode == 0
    async with engine.sessions() as db:
        assert (await db.execute(select(func.sum(DigestRun.sends)))).scalar_one() == 2


async def test_the_scheduled_digest_arrives_once_across_a_restart(tmp_path: Path, database_url: str) -> None:
    head_chat = 700800
    async with service(tmp_path, database_url) as (url, engine, telegram, _twilio):
        async with httpx.AsyncClient(base_url=url) as http:
            await enrolled_on_telegram(http, engine, telegram, head_chat, role=OfficerRole.HEAD)
        await heads_since_long_ago(engine)
        await add(engine, dt.datetime.now(dt.UTC) - dt.timedelta(hours=2))
        # Today's digest time has just passed: the running scheduler sends it on its next round.
        async with engine.sessions() as db, db.begin():
            target = (await db.execute(select(Station).where(Station.code == "POLSEK-SANANWETAN"))).scalar_one()
            target.digest_time = f"{dt.datetime.now(WIB).hour:02d}:00"
        assert await engine.send_due_digests() == 1
        await until(lambda: any("Laporan harian" in text for text in telegram.sent_texts(head_chat)))
        [chart] = [call for call in telegram.calls_to("sendPhoto") if call["chat_id"] == head_chat]
        assert chart["photo"][:8] == b"\x89PNG\r\n\x1a\n", "Telegram gets the chart with the text"
    async with service(tmp_path, database_url) as (_url, engine, telegram, _twilio):
        await asyncio.sleep(1.5)  # the new leader's start-up catch-up has run
        assert await engine.send_due_digests() == 0
        assert not telegram.calls_to("sendPhoto"), "not sent again after the restart"
    assert len(await runs_of(database_url, tmp_path)) == 1


async def test_a_quiet_month_gets_its_digest_without_an_empty_picture(tmp_path: Path, database_url: str) -> None:
    head_chat = 700801
    async with service(tmp_path, database_url) as (url, engine, telegram, _twilio):
        async with httpx.AsyncClient(base_url=url) as http:
            await enrolled_on_telegram(http, engine, telegram, head_chat, role=OfficerRole.HEAD)
        await heads_since_long_ago(engine)
        async with engine.sessions() as db, db.begin():
            target = (await db.execute(select(Station).where(Station.code == "POLSEK-SANANWETAN"))).scalar_one()
            target.digest_time = f"{dt.datetime.now(WIB).hour:02d}:00"
        assert await engine.send_due_digests() == 1
        await until(lambda: any("Laporan harian" in text for text in telegram.sent_texts(head_chat)))
        assert "Tidak ada laporan masuk" in telegram.sent_texts(head_chat)[-1]
        assert not telegram.calls_to("sendPhoto"), "bars of nothing over no grid: no picture"


async def test_the_picture_is_drawn_while_the_grid_has_a_place(engine: Engine) -> None:
    target = await station(engine, "POLSEK-SANANWETAN")
    await add(engine, wib(1, 22))  # in the grid's 28 days, before the trend's 7
    async with engine.sessions() as db:
        office = Office(db, engine.cipher, engine.router, engine.escalation, digest_moment(target, DAY))
        chart = (await compose(office, target, DAY, "id")).chart
        assert chart["series"] == {} and chart["grid"]["places"] == ["Kel. Gedog"]
        quiet = (await compose(office, target, DAY + dt.timedelta(days=30), "id")).chart
    assert quiet == {}, "nothing in 28 days: nothing to draw"


async def runs_of(database_url: str, tmp_path: Path) -> list[DigestRun]:
    engine, db_engine = make_engine(database_url, tmp_path / "media")
    try:
        return await runs(engine)
    finally:
        await db_engine.dispose()  # type: ignore[attr-defined]


async def test_sample_reports_give_a_digest_with_hotspots(engine: Engine, tmp_path: Path, database_url: str) -> None:
    made = await asyncio.to_thread(partial(lapor, data_dir=tmp_path, database_url=database_url),
                                   "reports", "generate", "--station",
                                   "POLSEK-SANANWETAN", "--days", "7", "--per-day", "6", "--seed", "3")
    assert made.returncode == 0, made.stderr
    count = int(made.stdout.split()[0])
    async with engine.sessions() as db:
        stored = (await db.execute(select(func.count()).select_from(Report))).scalar_one()
    assert stored == count > 20
    today = dt.datetime.now(dt.UTC).date().isoformat()
    preview = await asyncio.to_thread(partial(lapor, data_dir=tmp_path, database_url=database_url),
                                      "digest", "preview", "--station",
                                      "POLSEK-SANANWETAN", "--date", today)
    assert "Prioritas patroli hari ini:\n1. Kel. " in preview.stdout, preview.stdout


async def test_the_picture_shows_where_and_when_busiest_place_first(engine: Engine) -> None:
    for hour in (21, 22, 23):
        await add(engine, wib(18, hour))                               # three at night in Gedog
    await add(engine, wib(18, 9), Category.TRAFFIC, village=None)     # one in the morning, at the kecamatan
    target = await station(engine)
    async with engine.sessions() as db:
        office = Office(db, engine.cipher, engine.router, engine.escalation, digest_moment(target, DAY))
        chart = (await compose(office, target, DAY, "id")).chart
    grid = chart["grid"]
    assert dict(zip(chart["series"], chart["colours"], strict=True)) == {
        "Narkoba": CATEGORY_COLOURS["drugs"], "Lalu lintas": CATEGORY_COLOURS["traffic"]}, "as on the web page"
    assert grid["places"] == ["Kel. Gedog", "Kec. Sananwetan"]
    assert grid["bands"][-1] == "malam (20–24)" and grid["counts"] == [[0, 0, 0, 0, 0, 3], [0, 0, 1, 0, 0, 0]]
    png = digest_chart(chart)
    assert struct.unpack(">II", png[16:24]) == (WIDTH_PX, HEIGHT_PX), "drawn whole, grid and all"


async def test_an_urgent_report_nobody_has_read_is_named_before_urgent_ones_taken(engine: Engine) -> None:
    now = dt.datetime.now(dt.UTC)
    taken = await add(engine, now - dt.timedelta(days=16), urgent=True, status=ReportStatus.ACKNOWLEDGED)
    unread = await add(engine, now - dt.timedelta(hours=18), urgent=True)
    sananwetan = await station(engine)
    async with engine.sessions() as db:
        _totals, named = await digests.open_reports(db, [sananwetan.id], now, 10)
    assert [report.ref for report in named] == [unread, taken]
