"""STATUS ‹ref›, and a report asked after in the resident's own words: who may see what."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import select

from handlers.engine import Engine
from storage.models import Report, ReportEvent, ReportStatus, Station, StationKind
from storage.reports import find_ref
from tests.helpers import PLACE, READING_ON_SQLITE, Resident, at, draft_of, file_report, step_of, walk_to_summary

BRAWL = "Tawuran pelajar di Jl. Merdeka depan pasar Gedog, pada bawa celurit dan lempar batu"
SAME_BRAWL = "pak anak2 sekolah tawuran dekat pasar gedog, lempar2 batu"


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
    await resident.send("yang kemarin itu")
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


@READING_ON_SQLITE
@pytest.mark.parametrize("asked", ["cek {ref}", "cek laporan {ref}", "gimana laporan {ref} pak?", "status {bare}",
                                   "{ref}", "{spaced}", "cek {body}", "status {body}", "{body}",
                                   "gmn laporan sy {body}"])
async def test_a_report_asked_after_in_other_words_shows_as_status_does(engine: Engine, asked: str) -> None:
    ani, budi = Resident(engine, "console:ani"), Resident(engine, "console:budi")
    ref = await filed_by(ani, "2")
    said = asked.format(ref=ref, bare=ref.replace("-", ""), spaced=ref.replace("-", " ").lower(),
                        body=ref.removeprefix("LP-").lower())  # the "LP-" left out
    await ani.send(said)
    assert ani.heard("status.report") and ref in ani.text and "Diterima" in ani.text, ani.text
    assert not ani.heard("report.ask_category") and not ani.heard("menu.not_understood")
    await budi.send(said)
    assert budi.heard("status.not_found") and "Diterima" not in budi.text, "not hers: as if unknown"
    unknown = "LP-2345-6789"
    await budi.send(said.replace(ref, unknown) if ref in said else f"cek {unknown.removeprefix('LP-')}")
    assert budi.heard("status.not_found")


async def test_a_report_asked_after_in_the_middle_of_another_keeps_the_draft(engine: Engine) -> None:
    ani = Resident(engine, "console:ani")
    await walk_to_summary(ani, description=BRAWL)
    await ani.send("kirim")
    ref = find_ref(ani.text)
    assert ref
    resident = await at(engine, "location", ani.urn)
    await resident.send(f"cek laporan {ref}")
    assert resident.heard("status.report") and resident.heard("report.ask_location"), resident.text
    await resident.send(PLACE)
    assert resident.heard("place.confirm"), "the report under it goes on"


@pytest.mark.parametrize(("step", "asked", "asked_again"), [
    ("description", "laporan sy yg tawuran td gimana pak?", "report.ask_description"),
    ("location", "udah ada polisi yg dateng blm pak?", "report.ask_location"),
    ("photo", "pak hp sy udh ketemu blm ya", "report.ask_photo"),
])
async def test_a_report_asked_after_loosely_in_a_draft_lists_own_and_keeps_the_draft(
        engine: Engine, step: str, asked: str, asked_again: str) -> None:
    ani, ref = await file_report(engine, "console:ani", description=BRAWL)
    resident = await at(engine, step, ani.urn)
    await resident.send(asked)
    assert resident.heard("status.own_reports") and ref in resident.text, resident.text
    assert resident.heard(asked_again), "the question of the draft under it is asked again"
    assert await step_of(engine, resident) == step


@pytest.mark.parametrize(("step", "answer", "next_question"), [
    ("when", "kemarin sore, sampai sekarang belum ketemu", "report.ask_photo"),
    ("location", "di Kel. Gedog, Kec. Sananwetan, Kota Blitar, pelakunya belum ketemu", "place.confirm"),
    ("photo", "ga ada foto, hpnya belum ketemu", "report.ask_identity"),
])
async def test_an_answer_telling_of_the_loss_stays_the_answer_of_a_resident_with_reports(
        engine: Engine, step: str, answer: str, next_question: str) -> None:
    ani, _ref = await file_report(engine, "console:ani", description=BRAWL)
    resident = await at(engine, step, ani.urn)
    await resident.send(answer)
    assert not resident.heard("status.own_reports") and resident.heard(next_question), resident.text


@READING_ON_SQLITE
@pytest.mark.parametrize(("asked", "lang"), [("hang on, what's the status of my other report?", "en"),
                                             ("eh bentar, laporan sy yg lain gmn kabarnya?", "id")])
async def test_my_other_report_asked_after_where_the_kind_is_asked_is_no_kind(
        engine: Engine, asked: str, lang: str) -> None:
    """"other" and "lain" name the kind "lainnya" too: here they say which report."""
    resident = await at(engine, "category")
    await resident.send(asked)
    assert resident.heard("status.no_own_reports_yet", lang) and resident.heard("report.ask_category", lang), \
        resident.text
    assert await step_of(engine, resident) == "category"


@READING_ON_SQLITE
@pytest.mark.parametrize("asked", ["eh bentar, sy udh pernah lapor kmrn, gmn kabarnya?",
                                   "i reported it last week, any news?"])
async def test_a_report_told_as_made_asked_after_at_the_summary_is_answered(engine: Engine, asked: str) -> None:
    resident = await at(engine, "summary")
    await resident.send(asked)
    assert any(resident.heard("status.no_own_reports_yet", lang) for lang in ("id", "en")), resident.text
    assert await step_of(engine, resident) == "summary"


async def test_a_report_made_elsewhere_told_as_the_story_is_the_story_of_a_resident_without_reports(
        engine: Engine) -> None:
    resident = await at(engine, "description")
    await resident.send("sudah lapor ke pak RT belum ditanggapi")
    assert not resident.heard("status.no_own_reports_yet") and resident.heard("report.ask_location"), resident.text


@READING_ON_SQLITE
@pytest.mark.parametrize(("step", "asked_again"), [("description", "report.ask_description"),
                                                  ("location", "report.ask_location"), ("when", "report.ask_when")])
@pytest.mark.parametrize(("asked", "lang"), [
    ("laporan sy yg kemarin udh diproses blm pak", "id"), ("udah ada kabar blm laporan sy", "id"),
    ("gmn kabar laporan helm sy", "id"), ("laporan saya sudah ditangani belum ya pak?", "id"),
    ("kasus sy gmn pak?", "id"), ("pelakunya udah ketangkep blm pak?", "id"), ("any news on my report?", "en"),
    # a case of one's own is one's report; what the police did or found, asked, is asked of a report
    ("has anyone looked at my case", "en"), ("any update on my case?", "en"),
    ("did the police catch the thief yet?", "en"), ("has the thief been caught?", "en"),
    ("did they find my bike yet?", "en"),
    # someone who checked or dealt with it, asked after: "ada yang" is someone
    ("udah ada yg ngecek kasus sy blm?", "id"), ("laporan sy udh diproses blm ya", "id"),
    ("laporan sy udh dicek blm?", "id"), ("sudah ada yang periksa tkp belum pak?", "id"),
    ("has someone checked my case?", "en"), ("has my report been checked?", "en")])
async def test_a_question_after_ones_report_in_a_report_of_a_resident_without_any_is_answered_and_asked_again(
        engine: Engine, step: str, asked_again: str, asked: str, lang: str) -> None:
    """With no report linked to the chat (an anonymous one is found by its number), a question naming one's own
    report, or asking what came of one, in the middle of a new one is answered, and the same question asked again:
    not told as the story, nor spent as a try at the place. Asked in English, it is answered in it, and the report
    goes on in it."""
    resident = await at(engine, step)
    before = await draft_of(engine)
    await resident.send(asked)
    assert resident.heard("status.no_own_reports_yet", lang) and resident.heard(asked_again, lang), resident.text
    assert await draft_of(engine) == before
    assert await step_of(engine, resident) == step


@READING_ON_SQLITE
@pytest.mark.parametrize(("step", "asked_again"), [("description", "report.ask_description"),
                                                  ("location", "report.ask_location"), ("when", "report.ask_when"),
                                                  ("photo", "report.ask_photo")])
@pytest.mark.parametrize("asked", ["what's the status of my report?", "any update on my report?",
                                   "is there any news about my report", "has anyone looked at my case",
                                   "did the police catch the thief yet?"])
async def test_a_report_asked_after_in_english_in_a_report_told_in_indonesian_is_answered_in_english(
        engine: Engine, step: str, asked_again: str, asked: str) -> None:
    """A status question in the other language is answered in it, as the identity's options are: the resident
    reads what they asked in, and the report goes on in it."""
    ani, ref = await file_report(engine, "console:ani", description=BRAWL)
    resident = await at(engine, step, ani.urn)
    await resident.send(asked)
    assert resident.heard("language.changed", "en") and resident.heard("status.own_reports", "en"), resident.text
    assert ref in resident.text and resident.heard(asked_again, "en"), resident.text
    assert await step_of(engine, resident) == step


@READING_ON_SQLITE
async def test_a_report_asked_after_in_the_language_of_the_report_changes_no_language(engine: Engine) -> None:
    ani, ref = await file_report(engine, "console:ani", description=BRAWL)
    resident = await at(engine, "location", ani.urn)
    await resident.send("gimana status laporan sy pak?")
    assert resident.heard("status.own_reports") and ref in resident.text, resident.text
    assert not resident.heard("language.changed"), resident.text
    assert resident.heard("report.ask_location"), resident.text


@READING_ON_SQLITE
@pytest.mark.parametrize("story", ["laporan sy ke kelurahan blm ditanggapi, jalan depan rumah rusak parah",
                                   "laporan saya dibaca ga pak? tetangga dipukul",
                                   # what was not found or caught, told, not asked; a case that is not one's own
                                   "pelakunya belum ketangkep, dia lari ke arah pasar",
                                   "the thief has not been caught yet", "ada kasus pencurian di kampung sy",
                                   "there is a case of theft in my village",
                                   "I reported it to the guard but nobody came"])
async def test_a_story_that_names_ones_report_made_elsewhere_or_a_new_incident_is_the_story(
        engine: Engine, story: str) -> None:
    resident = await at(engine, "description")
    await resident.send(story)
    assert not resident.heard("status.no_own_reports_yet") and not resident.heard("status.no_own_reports_yet", "en")
    assert resident.heard("report.ask_location") or resident.heard("report.ask_location", "en"), resident.text
    assert (await draft_of(engine))["description"] == story


async def test_news_asked_for_a_thing_reported_lists_own_reports(engine: Engine) -> None:
    resident, ref = await file_report(engine)
    await resident.send("motor sy yg dicuri kmrn udh ada kabar blm pak?")
    assert resident.heard("status.own_reports") and ref in resident.text, resident.text
    await resident.send("tetangga saya yang hilang belum ada kabar")  # a new incident, not news of the report
    assert not resident.heard("status.own_reports"), resident.text


@READING_ON_SQLITE
@pytest.mark.parametrize("asked", ["pak hp sy udh ketemu blm ya", "pelakunya udah ketangkep blm pak",
                                   "any news on my stolen motorbike?", "has my phone been found yet?",
                                   "loh kok ditolak pak??", "dompet sy yg ilang di pasar udh ketemu blm pak?",
                                   "LAPORAN SY DARI TD PAGI GAK ADA YG NGURUS!!!!",
                                   "lho kok ditolak pak, kan sapinya emang ilang td malem",
                                   "laporan yg celurit itu gmn pak", "udah ada polisi yg dateng blm pak?",
                                   "did the police do anything about the break-in?", "has anyone looked at it",
                                   "nomor laporan sy brp ya? lupa", "where is my report",
                                   "malingnya udah ditangkep belum pak?", "pak, pelakunya udh ketemu?",
                                   # a reply not come
                                   "udh lapor dr kmrn kok blm ada tanggapan sih pak", "kok laporan sy gk dibales2 sih",
                                   "min udh 2 hari lapor blm ada respon",
                                   "I reported yesterday and nobody has replied yet",
                                   # asked politely, naming the report
                                   "Selamat malam. Saya ingin menanyakan laporan saya kemarin tentang pencurian "
                                   "sepeda. Apakah sudah ada perkembangan? Terima kasih."])
async def test_what_is_awaited_of_a_report_asked_as_not_yet_come_lists_own_reports(engine: Engine,
                                                                                 asked: str) -> None:
    resident, ref = await file_report(engine)
    await resident.send(asked)
    listed = resident.heard("status.own_reports") or resident.heard("status.own_reports", "en")
    assert listed and ref in resident.text, resident.text
    assert not resident.heard("emergency.call_110"), "the danger named is the report's, no new cry"


@pytest.mark.parametrize("asked", ["pak tolong hapus laporan sy yg td, sy salah kirim",
                                   "sy salah kirim laporan pak, tolong dihapus", "please delete my report"])
async def test_a_report_asked_off_is_a_withdrawal_for_its_officers(engine: Engine, asked: str) -> None:
    resident, ref = await file_report(engine)
    await resident.send(asked)
    assert (resident.heard("relay.withdrawal_sent") or resident.heard("relay.withdrawal_sent", "en")) \
        and ref in resident.text, resident.text
    stranger = Resident(engine, "console:orang-lain")
    await stranger.send(asked)  # no report of theirs: told so, not "not understood"
    assert stranger.heard("status.no_own_reports") or stranger.heard("status.no_own_reports", "en"), stranger.text


async def test_a_part_of_a_report_asked_off_is_no_withdrawal(engine: Engine) -> None:
    resident, _ref = await file_report(engine)
    await resident.send("hapus foto di laporan sy")
    assert not resident.heard("relay.withdrawal_sent"), resident.text


@pytest.mark.parametrize("cry", ["laporan saya gimana pak, orangnya datang lagi bawa celurit!!",
                                 "gimana laporan saya pak, tolong saya takut"])
async def test_a_cry_told_beside_a_question_after_a_report_is_answered_with_110(engine: Engine, cry: str) -> None:
    resident, _ref = await file_report(engine)
    await resident.send(cry)
    assert resident.heard("emergency.call_110"), resident.text


@pytest.mark.parametrize("asked", ["any update on my missing daughter?", "ada kabar blm pak soal anak sy yg hilang?",
                                   "udh ada kabar blm ttg adik sy yg ilang?"])
async def test_one_missing_asked_after_gets_110_and_the_status_asked(engine: Engine, asked: str) -> None:
    stranger = Resident(engine, "console:orang-lain")
    await stranger.send(asked)  # no report of theirs: 110, and told there is none
    assert stranger.heard("emergency.call_110") or stranger.heard("emergency.call_110", "en"), stranger.text
    assert stranger.heard("status.no_own_reports") or stranger.heard("status.no_own_reports", "en"), stranger.text
    resident, ref = await file_report(engine)
    await resident.send(asked)  # a report of theirs: 110, and their reports
    assert resident.heard("emergency.call_110") or resident.heard("emergency.call_110", "en"), resident.text
    listed = resident.heard("status.own_reports") or resident.heard("status.own_reports", "en")
    assert listed and ref in resident.text, resident.text


async def test_my_reports_lists_own_and_witnessed_newest_first_never_anonymous(engine: Engine) -> None:
    _, brawl_ref = await file_report(engine, "console:budi", description=BRAWL)
    ani = Resident(engine, "console:ani")
    for said in ("halo", "1", "1", SAME_BRAWL, PLACE, "ya", "ya", "2", "lewati", "2", "kirim"):
        await ani.send(said)
    assert ani.heard("report.joined_unread") and brawl_ref not in ani.text, ani.text
    _, own_ref = await file_report(engine, ani.urn)
    _, anonymous_ref = await file_report(engine, ani.urn, identity="3")

    witnessed = "• Kesaksian Anda pada laporan warga lain: Gangguan keamanan & kriminalitas, Diterima"
    for asked in ("status laporan saya", "laporan saya gimana", "my reports"):
        await ani.send(asked)
        assert ani.heard("status.own_reports") and ani.heard("menu.ask"), ani.text
        listed = ani.text
        assert own_ref in listed and witnessed in listed and anonymous_ref not in listed, listed
        assert brawl_ref not in listed, "the one she joined as a witness, by its kind: its ref is its reporter's"
        [line] = [line for line in listed.splitlines() if line.startswith(witnessed)]
        assert not re.search(r"\d\d:\d\d", line), "its day, not the minute its reporter made it"
        assert listed.index(own_ref) < listed.index(witnessed), "newest first"
    budi = Resident(engine, "console:budi")
    await budi.send("status laporan saya")
    assert brawl_ref in budi.text and own_ref not in budi.text and "saksi" not in budi.text, budi.text


@READING_ON_SQLITE
@pytest.mark.parametrize("asked", ["gmn kabarnya laporan motor sy pak", "laporan sy udh ditindaklanjuti blm",
                                   "sy udah lapor minggu lalu tp blm ada kabar", "udah ditangani blm?",
                                   "sudah diproses belum pak"])
async def test_a_question_after_ones_report_in_own_words_lists_them_and_starts_no_report(
        engine: Engine, asked: str) -> None:
    ani = Resident(engine, "console:ani")
    _, own_ref = await file_report(engine, ani.urn)
    await ani.send(asked)
    assert ani.heard("status.own_reports") and own_ref in ani.text, ani.text
    assert not ani.heard("report.ask_category") and not ani.heard("report.ask_description"), "no new report"


async def test_my_reports_with_none_says_so_and_offers_the_menu(engine: Engine) -> None:
    """In the middle of a report, that this one is not sent yet, and its question again; at the menu, the menu."""
    resident = await at(engine, "when")
    await resident.send("laporan saya gimana")
    assert resident.heard("status.no_own_reports_yet") and resident.heard("report.ask_when"), resident.text
    ani = Resident(engine, "console:ani")
    await file_report(engine, ani.urn, identity="3")  # anonymous: nothing links it to her
    await ani.send("cek status laporan saya")
    assert ani.heard("status.no_own_reports") and ani.heard("menu.ask"), ani.text


@pytest.mark.parametrize("asked", ["STATUS", "/status", "2", "cek status"])
async def test_status_alone_or_the_menus_choice_lists_own_reports_to_pick_from(engine: Engine, asked: str) -> None:
    ani = Resident(engine, "console:ani")
    first = await filed_by(ani, "2")
    _, newest = await file_report(engine, ani.urn, identity="1", description=BRAWL)
    _, anonymous = await file_report(engine, ani.urn, identity="3")
    await ani.send("halo")
    await ani.send(asked)
    assert ani.heard("status.pick_own_report") and not ani.heard("status.ask_ref"), ani.text
    assert [choice.key for reply in ani.replies for choice in reply.choices] == [newest, first], "newest first"
    assert anonymous not in ani.text, "an anonymous report keeps no link to its sender"
    await ani.send("2")
    assert ani.heard("status.report") and first in ani.text and "Diterima" in ani.text, ani.text
    assert ani.heard("menu.ask"), "then back to the menu"

    await ani.send(asked)
    await ani.send("", button=newest)
    assert ani.heard("status.report") and newest in ani.text, "a tap on the report's button"
    await ani.send(asked)
    await ani.send(anonymous.lower())
    assert ani.heard("status.report") and anonymous in ani.text, "a ref typed instead: the anonymous one's"
    await ani.send(asked)
    await ani.send("7")
    assert ani.heard("status.ref_not_recognised"), "a number past the list is no report"


async def test_status_alone_without_reports_asks_for_the_ref(engine: Engine) -> None:
    ani = Resident(engine, "console:ani")
    anonymous = await filed_by(ani, "3")
    for asked in ("STATUS", "2"):
        await ani.send("halo")
        await ani.send(asked)
        assert ani.heard("status.ask_ref") and not ani.heard("status.pick_own_report"), ani.text
        assert not [reply for reply in ani.replies if reply.choices], "nothing to pick"
        await ani.send(anonymous)
        assert ani.heard("status.report") and anonymous in ani.text, ani.text


async def test_words_after_lp_are_read_as_words_not_as_a_reference(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send("sy mau bikin lp sekarang")
    assert resident.heard("report.ask_category") and not resident.heard("status.not_found"), resident.text
    other = Resident(engine, "console:lain")
    await other.send("halo")
    await other.send("STATUS sekarang")
    assert other.heard("status.ref_not_recognised") and "LP-SEKA-RANG" not in other.text, other.text
    await other.send("STATUS lp 7kx4 9qm2")
    assert other.heard("status.not_found") and "LP-7KX4-9QM2" in other.text, "a ref typed loosely is still read"


async def test_a_forgotten_reference_is_told_what_can_be_done_instead_of_asked_again(engine: Engine) -> None:
    resident = Resident(engine, "console:lupa")
    await resident.send("halo")
    await resident.send("status")
    assert resident.heard("status.ask_ref"), resident.text
    await resident.send("sy lupa nomornya pak")
    assert resident.heard("status.ref_forgotten") and not resident.heard("status.ref_not_recognised"), resident.text
    assert await step_of(engine, resident) == "menu"


async def test_a_forgotten_reference_said_at_the_menu_lists_own_reports_or_says_what_can_be_done(
        engine: Engine) -> None:
    stranger = Resident(engine, "console:baru")
    await stranger.send("halo")
    await stranger.send("sy lupa nomornya pak")
    assert stranger.heard("status.ref_forgotten") and not stranger.heard("menu.not_understood"), stranger.text
    ani = Resident(engine, "console:ani")
    ref = await filed_by(ani, "2")
    await ani.send("sy lupa nomor laporannya")
    assert ref in ani.text, ani.text


async def test_eight_letters_of_a_name_or_a_place_are_no_reference(engine: Engine) -> None:
    """A reference without its "LP-" needs a digit or its dash where the message is not a question about it."""
    resident = Resident(engine)
    for said in ("halo", "1", "1", "motor sy dicuri orang di parkiran pasar td malam"):
        await resident.send(said)
    await resident.send("Lumajang")
    assert not resident.heard("status.not_found") and "Lumajang" in " ".join(resident.options()), resident.text


async def test_eight_letters_alone_at_the_menu_are_a_reference(engine: Engine) -> None:
    """At the menu no name or place is asked: eight letters that name no place are a reference typed bare."""
    ani = Resident(engine, "console:ani")
    ref = await filed_by(ani, "3")  # anonymous: only the reference finds it
    body = ref.removeprefix("LP-").replace("-", "").lower()
    stranger = Resident(engine, "console:lain")
    await stranger.send("halo")
    await stranger.send(body)
    assert stranger.heard("status.report") and ref in stranger.text, stranger.text


@READING_ON_SQLITE
@pytest.mark.parametrize("story", ["tadi ada yg ngecek motor sy trus dibawa kabur",
                                   "ada yang mengecek rumah kosong sebelah tiap malam",
                                   "someone checked the door handles of every car last night",
                                   "did someone break the window? kaca mobil sy pecah"])
async def test_someone_who_checked_told_in_the_story_is_the_story(engine: Engine, story: str) -> None:
    resident = await at(engine, "description")
    await resident.send(story)
    assert not resident.heard("status.no_own_reports_yet") and not resident.heard("status.no_own_reports_yet", "en")
    assert story in (await draft_of(engine)).get("description", ""), resident.text


@pytest.mark.parametrize("asked", ["udah ada yg ngecek kasus sy blm?", "has someone checked my case?"])
async def test_someone_checking_asked_at_the_menu_lists_ones_reports(engine: Engine, asked: str) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send(asked)
    assert resident.heard("status.no_own_reports") or resident.heard("status.no_own_reports", "en"), resident.text


# A check by a workshop, a doctor or a repairman, asked after, is no deed of the police on a report.
CHECKED_BY_OTHERS = ["motornya udah dicek bengkel belum?", "hp sy udh diperiksa tukang servis blm",
                     "motor sy udh dicek sama montir blm?", "anak sy udh diperiksa dokter blm ya",
                     "has the mechanic checked my bike yet?", "has the doctor looked at my son yet?"]


@READING_ON_SQLITE
@pytest.mark.parametrize("asked", CHECKED_BY_OTHERS)
async def test_a_check_by_someone_else_than_the_police_is_no_question_after_ones_report(
        engine: Engine, asked: str) -> None:
    ani, _ref = await file_report(engine, "console:ani", description=BRAWL)
    await ani.send(asked)
    assert not ani.heard("status.own_reports") and not ani.heard("status.own_reports", "en"), ani.text
    resident = await at(engine, "description", ani.urn)
    await resident.send(asked)
    assert not resident.heard("status.own_reports") and not resident.heard("status.own_reports", "en"), \
        resident.text
    assert asked in (await draft_of(engine)).get("description", ""), resident.text


@pytest.mark.parametrize("asked", ["laporan sy udh diperiksa polisi blm?", "udah ada polisi yg ngecek motor sy blm?",
                                   "has an officer checked my case yet?"])
async def test_a_check_by_the_police_asked_after_lists_ones_reports(engine: Engine, asked: str) -> None:
    ani, ref = await file_report(engine, "console:ani", description=BRAWL)
    await ani.send(asked)
    assert (ani.heard("status.own_reports") or ani.heard("status.own_reports", "en")) and ref in ani.text, ani.text
