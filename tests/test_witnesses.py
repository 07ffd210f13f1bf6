"""Many residents, one incident: a resident whose story is alike to an open report of the same category and
kelurahan is asked whether it is the same incident; a yes joins it as a witness statement. On SQLite and
PostgreSQL, through the engine, the dispatcher's outbox rows and the station's web page."""

from __future__ import annotations

import datetime as dt
import io
import itertools
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from bot.channels.console import ConsoleChannel
from bot.outbox import Dispatcher
from handlers.engine import Engine
from handlers.i18n import labels
from handlers.language.alike import LIKE_AT, likeness
from handlers.language.emergency import is_cry_for_help
from harness import PLACES, STORIES, story_and_place
from harness.fake_telegram import FakeBotAPI
from harness.fake_twilio import FakeTwilioAPI
from harness.loopback import until
from storage.crypto import ContactCipher
from storage.models import (
    Attachment,
    Contact,
    Officer,
    OfficerRole,
    Outbox,
    OutboxState,
    PatrolNote,
    Report,
    ReportStatus,
    Witness,
    utcnow,
)
from storage.officers import revoke
from storage.outbox import HOLDS_FOR_ATTEMPTS, claim_due
from storage.reports import find_ref
from tests.corpus.bursts import INCIDENTS, burst
from tests.helpers import (
    PLACE,
    READING_ON_SQLITE,
    TEST_SECRET,
    Phone,
    Resident,
    TelegramChat,
    alerts,
    enrolled,
    enrolled_on_telegram,
    file_report,
    lapor,
    matches,
    payload,
    photo,
    regions,
    report,
    service,
    signed_in,
    voice_note,
    web_app,
)

PETUGAS = "console:petugas"
BRAWL = INCIDENTS[0]  # a brawl at Pasar Gedog
FIRST_STORY = "Tawuran pelajar di Jl. Merdeka depan pasar Gedog, pada bawa celurit dan lempar batu"
SAME_STORY = "pak anak2 sekolah tawuran dekat pasar gedog, lempar2 batu"
OTHER_STORY = "Motor saya dicuri di parkiran pasar gedog tadi pagi"
# A flood: no cry for help, so each message has one answer on every channel.
FLOOD = "Jalan depan SD Gedog banjir setinggi lutut sejak pagi, motor pada mogok"
SAME_FLOOD = "banjir di jalan depan sd gedog pak, air sampai lutut, banyak motor mogok"


def category_number(category: str) -> str:
    return str(list(labels("id", "category")).index(category) + 1)


async def tell(resident: Resident, story: str, category: str = BRAWL.category) -> None:
    """From hello to the question after the place: the same-incident question, or the time."""
    for message in ("halo", "1", category_number(category), story, PLACE, "ya"):
        await resident.send(message)


async def test_a_story_that_shares_only_the_places_names_is_no_same_incident(engine: Engine) -> None:
    await file_report(engine, "console:pertama", description=f"{FIRST_STORY}, kel gedog kec sananwetan")
    resident = Resident(engine, "console:lain")
    await tell(resident, "sandal sy ilang di teras masjid kel gedog sananwetan pas sholat jumat td", "security")
    assert resident.heard("report.ask_when") and not resident.heard("report.ask_same_incident"), resident.text


async def test_a_story_whose_category_is_asked_after_its_place_is_checked_for_the_same_incident(
        engine: Engine) -> None:
    first = Resident(engine, "console:pertama")
    await tell(first, "Kerumunan pemuda tiap malam di depan SD Gedog, warga resah", "unsafe_place")
    for message in ("2", "lewati", "2", "kirim"):  # earlier today, no photo, confidential
        await first.send(message)
    assert first.heard("report.submitted"), first.text
    witness = Resident(engine, "console:saksi")
    await witness.send("pemuda berkerumun tiap malam depan sd gedog sananwetan blitar, warga resah pak")
    # no word of the story names a category; its repeat is the time
    assert witness.heard("report.read_back") and "Waktu: tiap malam" in witness.text, witness.text
    await witness.send("iya")
    assert witness.heard("report.ask_category"), witness.text
    await witness.send(category_number("unsafe_place"))
    assert witness.heard("report.ask_same_incident"), witness.text


async def test_a_correction_while_the_same_incident_is_asked_asks_it_again(engine: Engine) -> None:
    await file_report(engine, "console:pertama", description=FIRST_STORY)
    witness = Resident(engine, "console:saksi")
    await tell(witness, SAME_STORY, "security")
    assert witness.heard("report.ask_same_incident"), witness.text
    await witness.send("waktunya salah, harusnya jumat malam")
    assert witness.heard("report.changed") and witness.heard("report.ask_same_incident"), witness.text
    await witness.send("ya")
    assert witness.heard("report.ask_photo"), witness.text  # the time was given with the correction
    for message in ("lewati", "2"):
        await witness.send(message)
    assert witness.heard("report.summary") and "Ditambahkan sebagai kesaksian" in witness.text, witness.text
    assert "Waktu: jumat malam" in witness.text, witness.text


async def sent_to(engine: Engine, urn: str, kind: str) -> list[str]:
    """The texts the outbox holds of `kind` for the contact at `urn`."""
    cipher = engine.cipher
    async with engine.sessions() as db:
        rows = (await db.execute(select(Outbox).join(Contact, Contact.id == Outbox.contact_id)
                                 .where(Contact.urn_hash == cipher.lookup_hash(urn), Outbox.kind == kind)
                                 .order_by(Outbox.id))).scalars()
        return [payload(row)["text"] for row in rows]


async def test_a_witness_whose_story_named_the_place_has_it_shown_to_officers(engine: Engine) -> None:
    await enrolled(engine, PETUGAS)
    _first, ref = await file_report(engine, "console:pertama", description=FIRST_STORY)
    witness = Resident(engine, "console:saksi")
    await witness.send("halo")
    await witness.send("pak anak2 sekolah tawuran dekat pasar kel gedog sananwetan blitar tadi, lempar2 batu")
    for message in ("ya", "ya", "lewati", "2", "kirim"):  # the place, the same incident, no photo, confidential
        await witness.send(message)
    assert witness.heard("report.joined") and ref not in witness.text, witness.text
    [update] = await sent_to(engine, PETUGAS, "witness_added")
    assert "Lokasi menurut saksi: \u201cdekat pasar, Kel. Gedog, Kec. Sananwetan, Kota Blitar\u201d" in update, update


@pytest.mark.parametrize("yes", ["ya", "iya sama pak"])
async def test_an_alike_story_is_asked_about_and_joins_the_report_as_a_witness(engine: Engine, yes: str) -> None:
    await enrolled(engine, PETUGAS)
    first, ref = await file_report(engine, "console:pertama", description=FIRST_STORY)
    witness = Resident(engine, "console:saksi")
    await tell(witness, SAME_STORY, "security")  # file_report's category: security
    assert witness.heard("report.ask_same_incident"), witness.text
    question = witness.text
    assert "Sudah ada laporan serupa di Kel. Gedog dalam 24 jam terakhir, dari 1 warga — apakah" in question, question
    assert not {"tawuran", "celurit", "Merdeka", ref} & set(question.replace(",", " ").split()), \
        "nothing of the other report: a stranger writing alike learns only that one was made"
    assert witness.options() == ["Ya, tambahkan kesaksian saya", "Bukan, kejadian lain"]

    await witness.send(yes)
    assert witness.heard("report.ask_when"), witness.text
    for message in ("2", "lewati", "2"):
        await witness.send(message)
    assert witness.heard("report.summary") and "Ditambahkan sebagai kesaksian" in witness.text, witness.text
    await witness.send("kirim")
    assert witness.heard("report.joined") and "kini 2 warga" in witness.text, witness.text
    assert ref not in witness.text, "the ref is the reporter's: with an anonymous report's, anyone reads it"

    async with engine.sessions() as db:
        assert len((await db.execute(select(Report))).scalars().all()) == 1, "no second report"
        statement = (await db.execute(select(Witness))).scalar_one()
    assert statement.statement == SAME_STORY and statement.contact_id is not None
    assert statement.location_text == PLACE, "where the witness said it was is kept with the statement"
    assert len(await alerts(engine)) == 1, "one alert for the incident"
    update = await sent_to(engine, PETUGAS, "witness_added")
    assert len(update) == 1 and f"+1 saksi untuk {ref}" in update[0] and SAME_STORY in update[0], update
    assert "Waktu: Tadi, hari ini" in update[0], "the witness's time is kept with the statement"
    assert f"Lokasi menurut saksi: \u201c{PLACE}\u201d" in update[0], update[0]

    await witness.send("laporan saya")
    assert witness.heard("status.own_reports") and "Kesaksian Anda pada laporan warga lain" in witness.text
    assert ref not in witness.text, witness.text
    await witness.send(f"STATUS {ref}")
    assert witness.heard("status.report") and "Dilaporkan oleh 2 warga" in witness.text, witness.text
    stranger = Resident(engine, "console:orang-lain")
    await stranger.send(f"STATUS {ref}")
    assert stranger.heard("status.not_found"), "a confidential report is its reporter's and witnesses' alone"

    officer = Resident(engine, PETUGAS)
    await officer.send(f"TERIMA {ref}")
    assert officer.heard("officer.done.ack"), officer.text
    await officer.send(f"LIHAT {ref}")
    assert "Kesaksian warga lain (1)" in officer.text and SAME_STORY in officer.text, officer.text
    assert f"lokasi menurut saksi: \u201c{PLACE}\u201d" in officer.text, \
        "each witness's account, as the web page shows it"
    await officer.send(f"SELESAI {ref} pelakunya sudah kami amankan, terima kasih bu Siti")
    assert officer.heard("officer.done.resolve"), officer.text
    to_reporter = await sent_to(engine, first.urn, "status_update")
    assert len(to_reporter) == 2 and all(ref in relay for relay in to_reporter), to_reporter
    assert "terima kasih bu Siti" in to_reporter[1], to_reporter
    to_witness = await sent_to(engine, witness.urn, "status_update")
    assert to_witness == [
        "Kabar kejadian yang Anda saksikan (Gangguan keamanan & kriminalitas, Kel. Gedog): Sudah dibaca petugas.",
        "Kabar kejadian yang Anda saksikan (Gangguan keamanan & kriminalitas, Kel. Gedog): Selesai.",
    ], "the status alone: the officer wrote to the reporter"
    await witness.send(f"STATUS {ref}")
    assert "Catatan petugas: hanya untuk pelapor" in witness.text and "bu Siti" not in witness.text


async def _an_alert_and_an_anonymous_witnesss_plus_one(engine: Engine) -> tuple[Outbox, Outbox]:
    """A report's alert to its officer, not sent yet, and the "+1" of an anonymous witness who joined it."""
    await enrolled(engine, PETUGAS)
    await file_report(engine, "console:pertama", description=FIRST_STORY)
    witness = Resident(engine, "console:saksi")
    await tell(witness, SAME_STORY, "security")
    for message in ("1", "2", "lewati", "anonim", "kirim"):
        await witness.send(message)
    assert witness.heard("report.joined_anonymous"), witness.text
    async with engine.sessions() as db:
        alert, plus_one = (await db.execute(select(Outbox).where(Outbox.kind.in_(("officer_alert", "witness_added")))
                                            .order_by(Outbox.id))).scalars().all()
    assert (alert.kind, plus_one.kind) == ("officer_alert", "witness_added")
    return alert, plus_one


async def test_an_anonymous_witnesss_plus_one_waits_for_the_reports_own_alert(engine: Engine) -> None:
    """The "+1" of an anonymous witness is due at its whole hour, before the named report's alert still waiting
    (the officer's chat paced or down): it goes after it all the same, and the officer never reads of a witness
    to a report not yet seen."""
    alert, plus_one = await _an_alert_and_an_anonymous_witnesss_plus_one(engine)
    assert plus_one.next_attempt_at <= alert.next_attempt_at, "by its time alone, the +1 would go first"
    later = utcnow() + dt.timedelta(minutes=1)
    async with engine.sessions() as db, db.begin():
        assert [row.id for row in await claim_due(db, later, 10, dt.timedelta(seconds=0))] == [alert.id]
    async with engine.sessions() as db, db.begin():
        assert plus_one.id not in [row.id for row in await claim_due(db, later, 10, dt.timedelta(seconds=0))], \
            "the alert, not sent yet, holds back the +1 of its report"
        (await db.get(Outbox, alert.id)).state = OutboxState.SENT  # type: ignore[union-attr]
    async with engine.sessions() as db, db.begin():
        assert [row.id for row in await claim_due(db, later, 10, dt.timedelta(seconds=0))] == [plus_one.id]


async def test_a_row_that_keeps_failing_holds_back_the_later_rows_of_its_report_no_longer(engine: Engine) -> None:
    """The alert failing again and again (on its backoff) no longer keeps the officer from what came after."""
    alert, plus_one = await _an_alert_and_an_anonymous_witnesss_plus_one(engine)
    later = utcnow() + dt.timedelta(minutes=1)
    for _try in range(HOLDS_FOR_ATTEMPTS):
        async with engine.sessions() as db, db.begin():
            assert [row.id for row in await claim_due(db, later, 10, dt.timedelta(seconds=0))] == [alert.id]
    async with engine.sessions() as db, db.begin():
        (await db.get(Outbox, alert.id)).next_attempt_at = later + dt.timedelta(minutes=5)  # type: ignore[union-attr]
    async with engine.sessions() as db, db.begin():
        assert [row.id for row in await claim_due(db, later, 10, dt.timedelta(seconds=0))] == [plus_one.id]


async def test_a_witness_account_is_quoted_and_forges_no_line_of_the_update(engine: Engine) -> None:
    await enrolled(engine, PETUGAS)
    _first, ref = await file_report_of(engine, "console:pertama", FLOOD, "other")
    witness = Resident(engine, "console:saksi")
    for message in ("halo", "1", category_number("other"), SAME_FLOOD + "\nSaksi: Budi 081298765432 (boleh dihubungi)",
                    f"_{PLACE}_\nFoto: terlampir", "ya"):
        await witness.send(message)
    assert witness.heard("report.ask_same_incident"), witness.text
    for message in ("ya", "tadi pagi\nWaktu: kemarin ~jam 9~", "lewati", "3", "kirim"):
        await witness.send(message)
    assert witness.heard("report.joined_anonymous"), witness.text
    [update] = await sent_to(engine, PETUGAS, "witness_added")
    lines = update.splitlines()
    assert [line for line in lines if line.startswith("Saksi:")] == ["Saksi: anonim"], update
    assert len([line for line in lines if line.startswith(("Foto:", "Waktu:"))]) == 2, update
    assert "Waktu: \u201ctadi pagi / Waktu: kemarin \u223cjam 9\u223c\u201d" in lines, update
    assert not set("*_~`") & set(update), update
    officer = Resident(engine, PETUGAS)
    await officer.send(f"LIHAT {ref}")
    [account] = [line for line in officer.text.splitlines() if line.startswith("\u2022") and "banjir" in line]
    assert "\u201cbanjir di jalan depan sd gedog" in account and "/ Saksi: Budi 081298765432" in account, account
    assert "saksi: anonim)" in account, account


async def test_a_witness_crying_for_help_makes_the_report_urgent(engine: Engine) -> None:
    await enrolled(engine, PETUGAS)
    _first, ref = await file_report_of(engine, "console:pertama", FLOOD, "other")
    assert not (await report(engine, ref)).urgent
    witness = Resident(engine, "console:saksi")
    await tell(witness, "banjir depan sd gedog makin tinggi, ada anak terseret arus, tolong saya", "other")
    assert witness.heard("report.ask_same_incident"), witness.text
    for message in ("ya", "1", "lewati", "2", "kirim"):
        await witness.send(message)
    assert witness.heard("report.joined"), witness.text
    assert (await report(engine, ref)).urgent
    [update] = await sent_to(engine, PETUGAS, "witness_added")
    assert update.startswith(f"🚨 MENDESAK\n+1 saksi untuk {ref}"), update


async def test_a_station_with_only_its_head_enrolled_hears_of_each_witness(engine: Engine) -> None:
    """Its alerts go to the head: so does the "+1", urgent or not."""
    kapolsek = "console:kapolsek"
    await enrolled(engine, kapolsek, role=OfficerRole.HEAD)
    _first, ref = await file_report_of(engine, "console:pertama", FLOOD, "other")
    assert len(await sent_to(engine, kapolsek, "officer_alert")) == 1
    for number, story in enumerate((SAME_FLOOD, "banjir depan sd gedog makin tinggi, ada anak terseret arus, tolong")):
        witness = Resident(engine, f"console:saksi-{number}")
        await tell(witness, story, "other")
        assert witness.heard("report.ask_same_incident"), witness.text
        for message in ("ya", "1", "lewati", "2", "kirim"):
            await witness.send(message)
        assert witness.heard("report.joined"), witness.text
    calm, urgent = await sent_to(engine, kapolsek, "witness_added")
    assert calm.startswith(f"+1 saksi untuk {ref}") and urgent.startswith(f"🚨 MENDESAK\n+1 saksi untuk {ref}"), \
        (calm, urgent)


async def test_a_witness_of_a_report_referred_away_is_shown_the_station_that_holds_it(engine: Engine) -> None:
    petugas, sekar = await enrolled(engine, PETUGAS), "console:petugas-sekar"
    await enrolled(engine, sekar, station="POLSEK-SEKAR")
    _first, ref = await file_report(engine, "console:pertama", description=FIRST_STORY)
    await petugas.send(f"RUJUK {ref} POLSEK-SEKAR salah wilayah")
    assert petugas.heard("officer.done.refer"), petugas.text
    witness = Resident(engine, "console:saksi")
    await tell(witness, SAME_STORY, "security")
    assert witness.heard("report.ask_same_incident"), witness.text
    for message in ("ya", "2", "lewati", "2"):
        await witness.send(message)
    assert witness.heard("report.summary"), witness.text
    assert "Diteruskan ke: Polsek Sekar (Polres Bojonegoro)" in witness.text, witness.text
    await witness.send("ini langsung ke polsek mana pak?")
    assert witness.text.startswith("Laporan ini diteruskan ke Polsek Sekar (Polres Bojonegoro)"), witness.text
    await witness.send("kirim")
    assert witness.heard("report.joined"), witness.text
    assert len(await sent_to(engine, sekar, "witness_added")) == 1
    assert not await sent_to(engine, PETUGAS, "witness_added"), "the report is no longer Sananwetan's"


async def file_report_of(engine: Engine, urn: str, story: str, category: str) -> tuple[Resident, str]:
    resident = Resident(engine, urn)
    await tell(resident, story, category)
    for message in ("2", "lewati", "2", "kirim"):
        await resident.send(message)
    ref = find_ref(resident.text)
    assert resident.heard("report.submitted") and ref is not None, resident.text
    return resident, ref


async def test_an_officers_question_is_the_reporters_and_not_shown_to_witnesses(engine: Engine) -> None:
    await enrolled(engine, PETUGAS)
    reporter, ref = await file_report_of(engine, "console:pertama", FLOOD, "other")
    witness = Resident(engine, "console:saksi")
    await tell(witness, SAME_FLOOD, "other")
    for message in ("ya", "1", "lewati", "2", "kirim"):
        await witness.send(message)
    assert witness.heard("report.joined"), witness.text
    officer = Resident(engine, PETUGAS)
    await officer.send(f"INFO {ref} Sejak jam berapa airnya naik?")

    await witness.send(f"STATUS {ref}")
    assert witness.heard("status.report") and "menunggu keterangan tambahan dari pelapor" in witness.text
    assert "Sejak jam berapa" not in witness.text, witness.text
    await reporter.send(f"STATUS {ref}")
    assert "Petugas memerlukan keterangan tambahan" in reporter.text and "Sejak jam berapa" in reporter.text


async def test_a_witness_who_speaks_keeps_the_voice_note_on_the_joined_report(engine: Engine, tmp_path: Path) -> None:
    await enrolled(engine, PETUGAS)
    _, ref = await file_report(engine, "console:pertama", description=FIRST_STORY)
    recording = tmp_path / "saksi.ogg"
    recording.write_bytes(voice_note(12))
    witness = Resident(engine, "console:saksi")
    for message in ("halo", "1", category_number("security")):
        await witness.send(message)
    await witness.send(voice=recording)
    for message in (SAME_STORY, PLACE, "ya"):  # the line added to the voice note, the place
        await witness.send(message)
    assert witness.heard("report.ask_same_incident"), witness.text
    for message in ("ya", "2", "lewati", "2", "kirim"):
        await witness.send(message)
    assert witness.heard("report.joined"), witness.text
    async with engine.sessions() as db:
        joined = (await db.execute(select(Report).where(Report.ref == ref))).scalar_one()
        kept = (await db.execute(select(Attachment).where(Attachment.report_id == joined.id))).scalars().all()
    assert [(a.content_type, a.duration_seconds) for a in kept] == [("audio/ogg", 12)]
    assert (tmp_path / "media" / str(kept[0].stored_name)).is_file()


async def test_another_incident_in_the_same_kelurahan_is_not_asked_about(engine: Engine) -> None:
    await enrolled(engine, PETUGAS)
    await file_report(engine, "console:pertama", description=FIRST_STORY)
    other = Resident(engine, "console:lain")
    await tell(other, OTHER_STORY, "security")
    assert other.heard("report.ask_when") and not other.heard("report.ask_same_incident"), other.text


async def test_a_report_of_drug_dealing_is_never_offered_to_whoever_writes_alike(engine: Engine) -> None:
    """A dealer writing what a neighbour reported learns nothing of the report: no question, a report of its own."""
    dealing = "ada transaksi narkoba tiap malam di gang belakang masjid gedog, orangnya pakai motor vario hitam"
    await file_report_of(engine, "console:tetangga", dealing, "drugs")
    probe = Resident(engine, "console:penasaran")
    await tell(probe, "transaksi narkoba tiap malam di gang belakang masjid gedog, motor vario hitam", "drugs")
    assert probe.heard("report.ask_when") and not probe.heard("report.ask_same_incident"), probe.text
    assert likeness(dealing, "transaksi narkoba tiap malam di gang belakang masjid gedog, motor vario hitam") \
        >= LIKE_AT, "alike enough to be asked about, were it another kind"


@READING_ON_SQLITE
@pytest.mark.parametrize(("reported", "probe"), [
    ("Ada suami memukul istrinya tiap malam di rumah dekat jl kenanga gedog, sering teriak2",
     "ada suami memukul istrinya tiap malam di rumah dekat jl kenanga gedog"),
    ("Ada suami memukul istrinya tiap malam di rumah dekat jl kenanga gedog, sering teriak2",
     "tiap malam ada teriak2 di rumah dekat jl kenanga gedog"),  # the probe tells no blow: the report does
    ("tetangga sy diancam mau dibakar rumahnya sama orang yg pake motor vario hitam tiap malam di gang masjid gedog",
     "ada orang pake motor vario hitam tiap malam di gang masjid gedog"),
    ("bapak tetangga sy bilang mau bunuh istrinya kalau berani lapor polisi, rumahnya dekat masjid gedog",
     "bapak tetangga bilang mau bunuh istrinya, rumahnya dekat masjid gedog"),
    ("ayah tiri melecehkan anak perempuannya di rumah dekat masjid gedog",
     "ayah tiri melecehkan anak perempuannya di rumah dekat masjid gedog"),
    ("suami sy selingkuh dan sering nampar sy di rumah dekat masjid gedog, kemarin malam dia nampar lagi",
     "suami selingkuh dan sering nampar di rumah dekat masjid gedog"),  # the household far from the blow
    ("anak sy sering dipukulin bapak tirinya di rumah dekat masjid gedog",
     "ada anak sering dipukulin bapak tirinya di rumah dekat masjid gedog"),
    ("kemarin suami sy nyiram sy pake air panas di rumah dekat masjid gedog",
     "suami nyiram istrinya pake air panas di rumah dekat masjid gedog"),  # a dousing, no blow
])
async def test_a_report_of_violence_at_home_or_a_threat_is_never_offered_to_whoever_writes_alike(
        engine: Engine, reported: str, probe: str) -> None:
    """The husband who hits, or the one who threatens, could write what a neighbour reported to learn of it."""
    await file_report_of(engine, "console:tetangga", reported, "security")
    writer = Resident(engine, "console:penasaran")
    await tell(writer, probe, "security")
    assert writer.heard("report.ask_when") and not writer.heard("report.ask_same_incident"), writer.text
    async with engine.sessions() as db:
        withheld = (await db.execute(select(Report.withheld).where(Report.contact_id.is_not(None))
                                     .order_by(Report.id).limit(1))).scalar_one()
    assert withheld, "kept from the open read API too"


async def test_bukan_files_a_report_of_its_own(engine: Engine) -> None:
    await enrolled(engine, PETUGAS)
    await file_report(engine, "console:pertama", description=FIRST_STORY)
    other = Resident(engine, "console:lain")
    await tell(other, SAME_STORY, "security")
    assert other.heard("report.ask_same_incident"), other.text
    await other.send("bukan, kejadian lain")
    assert other.heard("report.ask_when"), other.text
    for message in ("2", "lewati", "2", "kirim"):
        await other.send(message)
    assert other.heard("report.submitted"), other.text
    assert len(await alerts(engine)) == 2


async def test_a_burst_of_twenty_residents_brings_the_officer_at_most_three_alerts(engine: Engine) -> None:
    """Twenty residents tell of one brawl in their own words; each says yes when asked whether it is the
    same incident. Every account is kept: as a report, or as a witness statement on one."""
    await enrolled(engine, PETUGAS)
    stories = burst(BRAWL, 20, seed=1)
    for n, story in enumerate(stories):
        resident = Resident(engine, f"console:warga-{n}")
        for message in ("halo", "1", category_number(BRAWL.category), story, BRAWL.place, "ya"):
            await resident.send(message)
        if resident.heard("report.ask_same_incident"):
            await resident.send("ya")
        for message in ("2", "lewati", "2", "kirim"):
            await resident.send(message)
        assert resident.heard("report.joined") or resident.heard("report.submitted"), resident.text
    alerted = await alerts(engine)
    assert 1 <= len(alerted) <= 3, [payload(row)["text"] for row in alerted]
    async with engine.sessions() as db:
        reports = len((await db.execute(select(Report))).scalars().all())
        witnesses = len((await db.execute(select(Witness))).scalars().all())
    assert reports == len(alerted) and reports + witnesses == 20
    assert len(await sent_to(engine, PETUGAS, "witness_added")) == witnesses


async def test_a_duplicate_told_with_its_place_in_the_story_keeps_that_place_as_the_witness_said(
        engine: Engine) -> None:
    """No place was typed (the story named it, the resident said yes): the witness line gives the place it was
    read as, not "-"."""
    officer = await enrolled(engine, PETUGAS)
    _first, kept = await file_report(engine, "console:satu", description=FIRST_STORY)
    second = Resident(engine, "console:dua")
    for said in ("motor sy dicuri td malam di parkiran pasar bendogerit sananwetan", "ya", "gk ada", "rahasia",
                 "kirim"):
        await second.send(said)
    duplicate = find_ref(second.text)
    assert duplicate and duplicate != kept, second.text
    await officer.send(f"DUPLIKAT {duplicate} {kept}")
    await officer.send(f"LIHAT {kept}")
    place = "Kel. Bendogerit, Kec. Sananwetan, Kota Blitar"
    assert f"lokasi menurut saksi: \u201cparkiran pasar bendogerit, {place}\u201d" in officer.text, officer.text


async def test_a_duplicate_makes_its_residents_follow_the_report_it_joined(engine: Engine) -> None:
    officer = await enrolled(engine, PETUGAS)
    _first, kept = await file_report(engine, "console:satu", description=FIRST_STORY)
    second, duplicate = await file_report(engine, "console:dua", description=OTHER_STORY)
    await officer.send(f"DUPLIKAT {duplicate} {kept}")
    assert officer.heard("officer.done.duplicate"), officer.text
    assert (await report(engine, duplicate)).status == ReportStatus.DUPLICATE

    await second.send(f"STATUS {kept}")
    assert second.heard("status.report") and "Dilaporkan oleh 2 warga" in second.text, second.text
    await officer.send(f"SELESAI {kept} pelaku sudah diamankan")
    relays = await sent_to(engine, second.urn, "status_update")
    assert relays[-1] == "Kabar kejadian yang Anda saksikan (Gangguan keamanan & kriminalitas, Kel. Gedog): Selesai.", \
        "a witness now: the status, not the note written to the reporter"


async def test_the_web_page_and_the_digest_show_how_many_residents_reported(engine: Engine, tmp_path: Path) -> None:
    officer = await enrolled(engine, PETUGAS)
    _alone, alone_ref = await file_report(engine, "console:sendiri", description=OTHER_STORY)  # the older one
    await file_report(engine, "console:pertama", description=FIRST_STORY)
    witness = Resident(engine, "console:saksi")
    await walk_to_summary_joining(witness)
    async with engine.sessions() as db:
        ref = (await db.execute(select(Report.ref).join(Witness, Witness.report_id == Report.id))).scalar_one()
    assert ref != alone_ref

    client = await signed_in(web_app(engine, tmp_path), officer)
    page = (await client.get(f"/laporan/{ref}")).text
    assert "Dilaporkan oleh 2 warga" in page
    assert "Kesaksian warga lain (1)" in page and SAME_STORY in page, "the witness's own account, to read"
    assert f"Lokasi menurut saksi: \u201c{PLACE}\u201d · Saksi: dirahasiakan" in page, "a confidential witness stays so"
    assert "Waktu kejadian: Tadi, hari ini" in page
    await client.get("/bahasa/en")
    english = (await client.get(f"/laporan/{ref}")).text
    assert "When: Earlier today · " in english and "Tadi, hari ini" not in english, \
        "the time the witness picked, in the page's language"
    await client.get("/bahasa/id")
    alone = (await client.get(f"/laporan/{alone_ref}")).text
    assert "Dilaporkan oleh" not in alone and "Kesaksian warga lain" not in alone
    assert "sekolah" in SAME_STORY and "sekolah" not in FIRST_STORY
    found = (await client.get("/laporan", params={"q": "sekolah"})).text
    assert ref in found and alone_ref not in found, "a search finds what only a witness told"
    home = (await client.get("/")).text
    assert f"{ref}</a>" in home and "👥 2 warga" in home, "the open report more residents made, on the home page"

    head = await enrolled(engine, "console:kapolsek", role=OfficerRole.HEAD)
    await head.send("DIGEST")
    digest = head.text
    assert f"{ref} · " in digest and "👥 2 warga" in digest, digest
    assert digest.index(ref) < digest.index(alone_ref), "the report more residents made comes first"


async def walk_to_summary_joining(witness: Resident) -> None:
    await tell(witness, SAME_STORY, "security")
    assert witness.heard("report.ask_same_incident"), witness.text
    for message in ("1", "2", "lewati", "2", "kirim"):
        await witness.send(message)
    assert witness.heard("report.joined"), witness.text


def telegram_texts(telegram: FakeBotAPI, chat_id: int) -> list[str]:
    return telegram.sent_texts(chat_id)


def whatsapp_bodies(twilio: FakeTwilioAPI, number: str) -> list[str]:
    return [message.get("Body", "") for message in twilio.sent(f"whatsapp:{number}")]


async def test_a_telegram_resident_joins_a_whatsapp_residents_report(tmp_path: Path, database_url: str) -> None:
    """On `lapor serve` with both fake APIs: the officer on Telegram gets one alert and one "+1 saksi", and
    both residents hear of the acknowledgement on their own channel."""
    officer_chat, witness_chat, reporter_number = 700701, 424243, "+6281234567001"
    async with service(tmp_path, database_url) as (url, engine, telegram, twilio), \
            httpx.AsyncClient(base_url=url) as http:
        officer = await enrolled_on_telegram(http, engine, telegram, officer_chat)

        reporter = Phone(http, f"whatsapp:{reporter_number}")
        for answer in ("halo", "1", category_number("other"), FLOOD, PLACE, "ya", "2", "lewati", "2"):
            await reporter.text(answer)
        ref = find_ref(await reporter.text("kirim"))
        assert ref is not None
        await until(lambda: any(ref in text for text in telegram_texts(telegram, officer_chat)))

        witness = TelegramChat(http, telegram.webhook["secret_token"], witness_chat)
        for answer in ("halo", "1", category_number("other"), SAME_FLOOD, PLACE, "ya", "ya", "2", "lewati", "2",
                       "kirim"):
            before = len(telegram_texts(telegram, witness_chat))
            await witness.text(answer)
            await until(lambda before=before: len(telegram_texts(telegram, witness_chat)) > before)
        told = telegram_texts(telegram, witness_chat)
        assert any("Sudah ada laporan serupa di Kel. Gedog" in text for text in told), told
        await until(lambda: any(text.startswith("✅ Kesaksian Anda")
                                for text in telegram_texts(telegram, witness_chat)))
        assert not any(ref in text for text in telegram_texts(telegram, witness_chat)), "the reporter's ref"

        await until(lambda: any(text.startswith(f"+1 saksi untuk {ref}")
                                for text in telegram_texts(telegram, officer_chat)))
        to_officer = telegram_texts(telegram, officer_chat)
        assert len([text for text in to_officer if f"Laporan baru {ref}" in text]) == 1, to_officer
        assert not [text for text in to_officer if reporter_number in text], "a confidential reporter's number"

        await officer.text(f"TERIMA {ref}")
        await until(lambda: any(f"Kabar laporan {ref}" in body for body in whatsapp_bodies(twilio, reporter_number)))
        await until(lambda: any(text.startswith("Kabar kejadian yang Anda saksikan (Lainnya & aspirasi")
                                for text in telegram_texts(telegram, witness_chat)))


def test_the_terminal_chat_asks_and_joins(tmp_path: Path, database_url: str) -> None:
    first = lapor("chat", "--urn", "pertama", data_dir=tmp_path, database_url=database_url,
                  stdin="\n".join(("halo", "1", "1", FIRST_STORY, PLACE, "ya", "2", "lewati", "2", "kirim")))
    ref = find_ref(first.stdout)
    assert first.returncode == 0 and ref is not None, first.stdout + first.stderr
    second = lapor("chat", "--urn", "saksi", data_dir=tmp_path, database_url=database_url,
                   stdin="\n".join(("halo", "1", "1", SAME_STORY, PLACE, "ya", "1", "2", "lewati", "2", "kirim",
                                    f"STATUS {ref}")))
    assert second.returncode == 0, second.stderr
    assert "Sudah ada laporan serupa di Kel. Gedog" in second.stdout
    assert "1. Ya, tambahkan kesaksian saya" in second.stdout
    assert "Kesaksian Anda sudah ditambahkan ke laporan serupa" in second.stdout, second.stdout
    assert "Dilaporkan oleh 2 warga" in second.stdout and "Catatan petugas: hanya untuk pelapor" in second.stdout, \
        second.stdout


async def test_hapus_and_the_purge_leave_no_link_or_number_of_a_witness(engine: Engine) -> None:
    officer = await enrolled(engine, PETUGAS)
    _first, ref = await file_report(engine, "console:pertama", description=FIRST_STORY)
    named = Resident(engine, "whatsapp:+6281234500077")
    await tell(named, SAME_STORY + ", hubungi saya 081234500077", "security")
    for message in ("ya", "2", "lewati", "1", "Siti Aminah", "kirim"):
        await named.send(message)
    assert named.heard("report.joined"), named.text
    [update] = await sent_to(engine, PETUGAS, "witness_added")
    assert "\u201cSiti Aminah\u201d, +6281234500077" in update, "officers may call a named witness"
    confidential = Resident(engine, "console:saksi-rahasia")
    await walk_to_summary_joining(confidential)

    await named.send("hapus")
    await named.send("ya")
    async with engine.sessions() as db:
        statements = {w.identity.value: w for w in (await db.execute(select(Witness))).scalars()}
        updates = [payload(row)["text"] for row in (await db.execute(
            select(Outbox).where(Outbox.kind == "witness_added"))).scalars()]
    assert statements["named"].contact_id is None and "081234500077" not in statements["named"].statement
    assert "[dihapus]" in statements["named"].statement
    assert not [text for text in updates if "6281234500077" in text or "Siti Aminah" in text], updates
    assert statements["confidential"].contact_id is not None

    await officer.send(f"SELESAI {ref} pelaku sudah diamankan")
    assert await engine.purge(dt.timedelta(days=365), now=utcnow() + dt.timedelta(days=366)) == 1
    async with engine.sessions() as db:
        assert (await db.execute(select(Witness.contact_id).where(Witness.contact_id.is_not(None)))).all() == []


async def test_a_report_closed_before_the_witness_sends_leaves_the_account_a_report_of_its_own(
        engine: Engine) -> None:
    officer = await enrolled(engine, PETUGAS)
    _first, ref = await file_report(engine, "console:pertama", description=FIRST_STORY)
    witness = Resident(engine, "console:saksi")
    await tell(witness, SAME_STORY, "security")
    for message in ("ya", "2", "lewati", "2"):
        await witness.send(message)
    assert witness.heard("report.summary"), witness.text
    await officer.send(f"SELESAI {ref} sudah dibubarkan")
    await witness.send("kirim")
    assert witness.heard("report.submitted"), witness.text
    own = find_ref(witness.text)
    assert own is not None and own != ref
    assert (await report(engine, own)).description == SAME_STORY
    own_id = (await report(engine, own)).id
    assert [row.report_id for row in await alerts(engine)] == [own_id], \
        "a report of its own is alerted as any other (the closed one's unsent alert dropped when it was closed)"


def test_scripted_residents_of_the_process_runs_tell_incidents_of_their_own() -> None:
    """The crash and worker runs and the benchmarks count each resident's messages: none of their scripted
    residents may be asked whether theirs is another's incident."""
    residents = len(STORIES) * len(PLACES)
    assert len({story_and_place(number) for number in range(residents)}) == residents
    assert max(likeness(one, other) for one, other in itertools.combinations(STORIES, 2)) < LIKE_AT
    assert not any(is_cry_for_help(story) for story in STORIES)
    read_as = [regions().resolve(place)[0] for place in PLACES]  # each a kelurahan of Sananwetan, its own
    assert len({candidate.code for candidate in read_as}) == len(PLACES)
    assert all(candidate.village is not None and candidate.district is not None
               and candidate.district.code == "35.72.03" for candidate in read_as)


@pytest.mark.parametrize("enrolled_again", [False, True])
async def test_nothing_queued_to_an_officer_goes_once_they_are_revoked(engine: Engine, enrolled_again: bool) -> None:
    """Every message to an officer is checked when it goes, not only the alerts: a "+1 saksi" and the reporter's
    added words queued before the revoke go to no one, not even to the chat enrolled again as a new officer."""
    await enrolled(engine, PETUGAS)
    warga, ref = await file_report(engine, "console:pertama", description=FIRST_STORY)
    witness = Resident(engine, "console:saksi")
    await tell(witness, SAME_STORY, "security")
    for message in ("1", "2", "lewati", "2", "kirim"):  # the same incident, earlier today, no photo, confidential
        await witness.send(message)
    assert witness.heard("report.joined"), witness.text
    await warga.send(f"{ref} sy mau nambahin info: pelakunya 2 org pake motor ninja merah")
    assert warga.heard("relay.added_sent"), warga.text
    async with engine.sessions() as db, db.begin():
        officer = (await db.execute(select(Officer))).scalar_one()
        queued = set((await db.execute(select(Outbox.kind).where(Outbox.contact_id == officer.contact_id)))
                     .scalars())
        assert queued == {"officer_alert", "witness_added", "info_reply"}, queued
        assert await revoke(db, officer.id, utcnow())
    if enrolled_again:
        await enrolled(engine, PETUGAS)
    later = utcnow() + dt.timedelta(hours=2)  # past every row's time, an anonymous one's whole hour too
    for _round in range(3):  # a row held back behind its report's alert comes due once the alert is gone
        async with engine.sessions() as db, db.begin():
            claimed = await claim_due(db, later, 50, dt.timedelta(seconds=0))
            assert [row.kind for row in claimed if row.contact_id == officer.contact_id] == []
    async with engine.sessions() as db:
        left = (await db.execute(select(Outbox.kind).where(Outbox.contact_id == officer.contact_id))).scalars()
        assert list(left) == [], "dropped, not left to come due again"


async def test_the_same_resident_telling_it_again_anonymously_is_counted_once(engine: Engine) -> None:
    """Anonymous keeps no link to the contact, so a keyed token of contact and report stands in for one: told
    again (anonymously or not), the account is not added, the officers get no second "+1", and the resident is told
    kindly why. What is stored names no contact: neither its id nor its address."""
    await enrolled(engine, PETUGAS)
    _first, ref = await file_report(engine, "console:pertama", description=FIRST_STORY)
    witness = Resident(engine, "console:saksi")
    for identity in ("anonim", "anonim", "2"):
        await tell(witness, SAME_STORY, "security")
        assert witness.heard("report.ask_same_incident"), witness.text
        for message in ("1", "2", "lewati", identity, "kirim"):
            await witness.send(message)
    assert witness.heard("report.already_joined"), witness.text
    assert not witness.heard("report.joined") and not witness.heard("report.joined_anonymous")
    urn_hash = ContactCipher(TEST_SECRET).lookup_hash(witness.urn)
    async with engine.sessions() as db:
        [row] = (await db.execute(select(Witness))).scalars().all()
        plus_ones = (await db.execute(select(Outbox).where(Outbox.kind == "witness_added"))).scalars().all()
    assert row.contact_id is None and row.teller_token not in (None, urn_hash)
    assert row.teller_token == ContactCipher(TEST_SECRET).teller_token(urn_hash, (await report(engine, ref)).id)
    assert ContactCipher("another key").teller_token(urn_hash, row.report_id) != row.teller_token, "keyed"
    assert len(plus_ones) == 1, "one +1 saksi"
    other = Resident(engine, "console:saksi-lain")
    await tell(other, SAME_STORY, "security")
    for message in ("1", "2", "lewati", "anonim", "kirim"):
        await other.send(message)
    assert other.heard("report.joined_anonymous"), "another resident still counts"


async def delivered(engine: Engine, urn: str) -> str:
    """Sends what the outbox holds for one terminal chat; what it printed."""
    printed = io.StringIO()
    dispatcher = Dispatcher(engine.sessions, engine.cipher, {"console": ConsoleChannel(urn, printed)}, only_urn=urn)
    while await dispatcher.run_once():
        pass
    return printed.getvalue()


@pytest.mark.parametrize("number", ["3", "1", "2"])
async def test_a_number_after_a_witness_message_asks_what_it_is_for(engine: Engine, number: str) -> None:
    """"+1 saksi" numbers nothing, and the officer's menu is not on screen under it: a bare number there answers no
    question, so it is asked what it was for, with the menu; it starts no resident's report or patrol note. The
    menu's number after that answers the menu."""
    officer = await enrolled(engine, PETUGAS)
    _first, ref = await file_report(engine, "console:pertama", description=FIRST_STORY)
    await officer.send(f"TERIMA {ref}")
    witness = Resident(engine, "console:saksi")
    await witness.send("halo")
    await witness.send("pak anak2 sekolah tawuran dekat pasar kel gedog sananwetan blitar tadi, lempar2 batu")
    for message in ("ya", "ya", "lewati", "2", "kirim"):
        await witness.send(message)
    assert witness.heard("report.joined"), witness.text
    assert f"+1 saksi untuk {ref}" in await delivered(engine, PETUGAS)
    await officer.send(number)
    assert officer.heard("officer.number_unclear_ref") and f"LIHAT {ref}" in officer.text, officer.text
    assert officer.heard("officer.menu") and not officer.heard("report.ask_category"), officer.text
    async with engine.sessions() as db:
        assert len((await db.execute(select(Report))).scalars().all()) == 1
        assert (await db.execute(select(PatrolNote))).first() is None
    await officer.send("1")
    assert officer.heard("officer.open_list"), "the menu on screen now: its number answers it"


async def test_a_number_after_an_alert_still_answers_the_alert(engine: Engine) -> None:
    officer = await enrolled(engine, PETUGAS)
    _first, ref = await file_report(engine, "console:pertama", description=FIRST_STORY)
    await delivered(engine, PETUGAS)
    await officer.send("1")
    assert not officer.heard("officer.number_unclear_ref") and ref in officer.text, officer.text


async def join_as_witness(engine: Engine, identity: str = "2") -> Resident:
    """A resident whose account of the brawl was just added to the report of it another resident made."""
    await file_report(engine, "console:pertama", description=FIRST_STORY)
    witness = Resident(engine, "console:saksi")
    await tell(witness, SAME_STORY, "security")
    for message in ("1", "2", "lewati", identity, "kirim"):
        await witness.send(message)
    return witness


@pytest.mark.parametrize("asked", ["trus gmn pak selanjutnya?", "terus apa lagi?", "what happens now?"])
async def test_what_now_right_after_a_witness_account_is_no_new_report(engine: Engine, asked: str) -> None:
    await enrolled(engine, PETUGAS)
    witness = await join_as_witness(engine)
    assert witness.heard("report.joined"), witness.text
    await witness.send(asked)
    assert any(witness.heard("menu.after_report", lang) for lang in ("id", "en")), witness.text
    assert not witness.heard("report.ask_category") and not witness.heard("menu.how"), witness.text


@pytest.mark.parametrize("asked", ["gmn kabarnya", "udah diproses blm?", "any news?"])
async def test_progress_asked_right_after_a_witness_account_is_the_status_of_the_report_it_joined(
        engine: Engine, asked: str) -> None:
    await enrolled(engine, PETUGAS)
    witness = await join_as_witness(engine)
    [joined] = (await alerts(engine))[:1]
    await witness.send(asked)
    said = witness.text
    assert "Kesaksian Anda pada laporan warga lain" in said or "Your account on another resident's report" in said
    assert payload(joined)["ref"] not in said, "the ref is the reporter's"
    assert not witness.heard("menu.after_report") and not witness.heard("report.ask_category"), said


@pytest.mark.parametrize("caption", ["", "ini fotonya pak", "this is the photo"])
async def test_a_photo_after_a_witness_account_is_added_to_the_report_it_joined(engine: Engine, tmp_path: Path,
                                                                                caption: str) -> None:
    """Kept with the joined report and sent to its officers as a witness's, no number said: it is the reporter's."""
    await enrolled(engine, PETUGAS)
    witness = await join_as_witness(engine)
    ref = payload((await alerts(engine))[0])["ref"]
    picture = tmp_path / "tawuran.jpg"
    picture.write_bytes(photo())
    await witness.send(caption, photo=picture)
    assert any(witness.heard("relay.photo_added_witnessed", lang) for lang in ("id", "en")), witness.text
    assert ref not in witness.text and not witness.heard("report.ask_category"), witness.text
    async with engine.sessions() as db:
        joined = (await db.execute(select(Report).where(Report.ref == ref))).scalar_one()
        kept = (await db.execute(select(Attachment).where(Attachment.report_id == joined.id))).scalars().all()
        told = (await db.execute(select(Outbox).where(Outbox.kind == "witness_added")
                                 .order_by(Outbox.id.desc()))).scalars().first()
        reports_made = (await db.execute(select(Report))).scalars().all()
    assert [a.content_type for a in kept] == ["image/jpeg"] and len(reports_made) == 1
    assert told is not None and payload(told)["photo"]["stored_name"] == kept[0].stored_name
    assert matches(payload(told)["text"], "officer.witness_photo"), payload(told)["text"]


async def test_a_photo_after_an_anonymous_witness_account_is_kept_with_no_report(engine: Engine,
                                                                                 tmp_path: Path) -> None:
    """An anonymous account keeps no link to the resident: the photo cannot be known to be for it."""
    await enrolled(engine, PETUGAS)
    witness = await join_as_witness(engine, "anonim")
    picture = tmp_path / "tawuran.jpg"
    picture.write_bytes(photo())
    await witness.send("ini fotonya pak", photo=picture)
    assert not witness.heard("relay.photo_added_witnessed"), witness.text
    async with engine.sessions() as db:
        assert not (await db.execute(select(Attachment))).scalars().all()


async def test_progress_asked_right_after_an_anonymous_witness_account_says_it_cannot_be_followed(
        engine: Engine) -> None:
    await enrolled(engine, PETUGAS)
    witness = await join_as_witness(engine, "anonim")
    await witness.send("gmn kabarnya pak")
    assert witness.heard("status.just_joined_anonymous") and not witness.heard("report.ask_category"), witness.text


async def test_a_witness_account_no_officer_reads_yet_is_not_told_officers_know(engine: Engine) -> None:
    witness = await join_as_witness(engine)
    assert witness.heard("report.joined_unread") and not witness.heard("report.joined"), witness.text
    assert "Polsek Sananwetan" in witness.text and "Petugas sudah diberi tahu" not in witness.text, witness.text
    await witness.send("trus gmn pak?")
    assert witness.heard("report.no_officer_yet") and not witness.heard("report.ask_category"), witness.text
    anonymous = Resident(engine, "console:saksi-anonim")
    await tell(anonymous, SAME_STORY, "security")
    for message in ("1", "2", "lewati", "anonim", "kirim"):
        await anonymous.send(message)
    assert anonymous.heard("report.joined_anonymous") and anonymous.heard("report.no_officer_yet"), anonymous.text


async def test_an_account_told_again_where_no_officer_reads_yet_is_told_so(engine: Engine) -> None:
    witness = await join_as_witness(engine, "anonim")
    await tell(witness, SAME_STORY, "security")
    for message in ("1", "2", "lewati", "anonim", "kirim"):
        await witness.send(message)
    assert witness.heard("report.already_joined") and witness.heard("report.no_officer_yet"), witness.text
