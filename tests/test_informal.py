"""Residents who write the way people write in chat: informal answers, a whole story, cries for help,
corrections. Each test is a conversation through the engine on a real database."""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from handlers.alerts import as_seen_from
from handlers.engine import Engine
from handlers.i18n import labels, t
from handlers.state import dump_session, load_session
from handlers.turn import MENU
from storage.contacts import current_step
from storage.models import Category, ConversationSession, Identity, Report
from tests.helpers import (
    DESCRIPTION,
    PLACE,
    READING_ON_SQLITE,
    Resident,
    alerts,
    another_incident,
    at,
    draft_of,
    enrolled,
    file_report,
    matches,
    payload,
    regions,
    walk_to_summary,
)

pytestmark = READING_ON_SQLITE

GEDOG = "35.72.03.1001"


async def step_of(engine: Engine, resident: Resident) -> str | None:
    async with engine.sessions() as db:
        return await current_step(db, engine.cipher, resident.urn)


async def reports(engine: Engine) -> list[Report]:
    async with engine.sessions() as db:
        return list((await db.execute(select(Report).order_by(Report.id))).scalars())


def read_back_at(text: str, place: str) -> bool:
    """Whether the place read back is `place`, after the spot the story told it with ("jl merdeka, Kel. …")."""
    return re.search(rf"Lokasi: ([^\n]+, )?{re.escape(place)}", text) is not None


async def at_location(engine: Engine) -> Resident:
    resident = Resident(engine)
    for said in ("halo", "1", "1", DESCRIPTION):
        await resident.send(said)
    return resident


async def finish_from_when(resident: Resident) -> Report:
    for said in ("tadi", "ga ada", "rahasia aja", "kirim"):
        await resident.send(said)
    assert resident.heard("report.submitted"), resident.text
    [report] = await reports(resident.engine)
    return report


@pytest.mark.parametrize("yes", ["iyaa pak", "nggih", "muhun", "bener bgt mas", "ga salah kok", "👍", "iye bang"])
async def test_an_informal_yes_at_the_place_check_takes_the_place(engine: Engine, yes: str) -> None:
    resident = await at_location(engine)
    await resident.send("gedog sananwetan blitar")
    assert resident.heard("place.confirm")
    await resident.send(yes)
    assert resident.heard("report.ask_when"), resident.text
    report = await finish_from_when(resident)
    assert report.village_code == GEDOG and report.location_text == "gedog sananwetan blitar"


async def test_a_stray_answer_at_the_place_check_is_asked_again_and_the_place_kept(engine: Engine) -> None:
    resident = await at_location(engine)
    await resident.send("gedog sananwetan blitar")
    await resident.send("hmm gmn ya")
    assert resident.heard("common.not_a_choice") and resident.heard("place.confirm")
    assert await step_of(engine, resident) == "place_check"
    await resident.send("iya")
    report = await finish_from_when(resident)
    assert report.village_code == GEDOG and report.location_text == "gedog sananwetan blitar"


async def test_one_place_offered_is_offered_as_one_and_takes_an_informal_yes(engine: Engine) -> None:
    resident = await at_location(engine)
    await resident.send("gedog")
    assert resident.heard("place.pick_one") and resident.options()[-1] == "Tidak ada yang cocok"
    await resident.send("iya bener itu pak")
    report = await finish_from_when(resident)
    assert report.village_code == GEDOG


async def test_a_kecamatan_typed_after_the_one_place_offered_was_refused_is_read_alone(engine: Engine) -> None:
    resident = await at_location(engine)
    await resident.send("gedog")
    await resident.send("ga ada")
    assert resident.heard("place.ask_district_after_no") and not resident.heard("place.ask_district")
    await resident.send("kec sananwetan")
    assert "Kec. Sananwetan" in resident.text and "Kel. Gedog" not in resident.text, "Gedog was said not to be it"
    await resident.send("nggih")
    report = await finish_from_when(resident)
    assert report.village_code is None and report.district_code == "35.72.03"


async def test_a_cry_at_the_menu_answers_110_and_starts_an_urgent_report(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send("ada orang bawa golok ngamuk di pasar")
    assert resident.replies[0].text.startswith("🚨")
    assert not resident.heard("menu.not_understood")
    assert resident.heard("report.read_back_ask_when")
    assert (await draft_of(engine))["urgent"] is True
    await resident.send("iya, masih sekarang")
    assert resident.heard("report.ask_location")
    await resident.send("gedog sananwetan blitar")
    await resident.send("ya")
    for said in ("ga ada", "rahasia", "kirim"):
        await resident.send(said)
    [report] = await reports(engine)
    assert report.urgent and report.category == Category.SECURITY and report.occurred_text == "Sedang terjadi"
    assert report.description == "ada orang bawa golok ngamuk di pasar"


@pytest.mark.parametrize("cry", ["rumah sy lagi dimasuki maling", "ada yg dianiaya di depan masjid",
                                 "anak saya belum pulang dari kemarin", "someone is breaking in",
                                 "anak sy yg kecil blm pulang dr td sore", "ada yang tenggelam di sungai",
                                 "ibu sy kejang2 gak sadar"])
async def test_a_cry_told_as_what_happened_answers_110_and_marks_the_report_urgent(engine: Engine, cry: str) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "1"):
        await resident.send(said)
    await resident.send(cry)
    lang = "en" if cry.startswith("someone") else "id"  # a story in English is answered in English from then on
    assert resident.replies[0].text.startswith("🚨") and resident.heard("report.ask_location", lang), resident.text
    assert (await draft_of(engine))["urgent"] is True


@pytest.mark.parametrize("calm", ["tolong ditertibkan parkir liar di depan sekolah", "terima kasih pak",
                                  "jalan rusak parah, tolong diperbaiki", "tetangga karaoke berisik tiap malam",
                                  "sepeda anak saya hilang di sekolah", "motor tenggelam kena banjir"])
async def test_calm_words_raise_no_alarm(engine: Engine, calm: str) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "1"):
        await resident.send(said)
    await resident.send(calm)
    assert not resident.heard("emergency.call_110")
    assert "urgent" not in await draft_of(engine)


@pytest.mark.parametrize(("asked", "cry"), [
    ("did the police do anything about the break-in?", False),
    ("yg rampok toko emas kemarin udh ketangkep blm pak?", False),
    ("has anyone looked into the break-in at my house yet?", False),
    # a danger now told after such a question
    ("polisi udh dtg blm? maling masih di dalem rumah", True),
    ("did the police catch the man who stabbed my brother? he's outside my house now", True),
])
async def test_an_earlier_report_asked_after_in_a_new_one_is_no_cry_unless_a_danger_follows(engine: Engine, asked: str,
                                                                                         cry: bool) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "1", "motor sy hilang di parkiran pasar tadi pagi"):
        await resident.send(said)
    await resident.send(asked)
    assert resident.replies[0].text.startswith("🚨") is cry, resident.text
    assert bool((await draft_of(engine)).get("urgent")) is cry


@pytest.mark.parametrize("asked", ["Tolong. Sy mau tanya", "tolong pak, mau nanya dong", "tolong sy mau nanya",
                                   "tolong!! mau tanya", "tlg min. boleh tanya?"])
async def test_tolong_before_a_question_is_please_not_a_cry(engine: Engine, asked: str) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send(asked)
    assert resident.heard("menu.ask_away") and not resident.heard("emergency.call_110"), resident.text
    assert await draft_of(engine) == {}
    await walk_to_summary(resident)
    resident.replies.clear()
    await resident.send(asked)  # in the middle of a report too
    assert not resident.heard("emergency.call_110") and "urgent" not in await draft_of(engine), resident.text


@pytest.mark.parametrize("cry", ["tolong!!", "tolong ada maling", "tolong pak sy dipukul",
                                 "tolong. sy mau tanya, ada org bawa golok di depan rumah",
                                 "TOLONG!!! sy mau tanya, rumah kemasukan orang",
                                 "tolong kami pak, mau tanya, air sudah masuk rumah",
                                 "besok ada tawuran di lapangan. btw tetangga sy pingsan ga bangun2",
                                 "ada rencana tawuran besok di lapangan, anak sy dibacok"])
async def test_tolong_with_a_danger_or_alone_is_still_a_cry(engine: Engine, cry: str) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send(cry)
    assert resident.heard("emergency.call_110") and (await draft_of(engine))["urgent"] is True, resident.text


@pytest.mark.parametrize(("told", "cry"), [
    ("lagi main game di kamar sy skrg, ada rampok masuk rumah bawa golok", True),
    ("pas lagi nonton tv di rumah. ada maling masuk lewat dapur bawa pisau", True),
    ("I was playing a game in my room, a robber broke into the house with a knife", True),
    ("lagi nonton film di rumah, eh ada kebakaran di dapur", True),
    ("nonton film di rumah, ceritanya ada maling masuk rumah bawa pisau", False),
    ("lagi nonton film di rumah, ada maling masuk rumah bawa pisau. ceritanya seru", False),
    ("main game di kamar, musuhnya rampok bawa golok", False),
])
async def test_a_danger_after_a_game_or_film_at_home_is_a_cry_and_the_films_is_not(engine: Engine, told: str,
                                                                                   cry: bool) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send(told)
    assert (resident.heard("emergency.call_110") or resident.heard("emergency.call_110", "en")) is cry, resident.text


@pytest.mark.parametrize("asked", [
    "kemarin saya nonton film ada adegan begal, serem ya pak. btw cara lapor gimana?",
    "abis nonton sinetron ada adegan orang dijambret, ngeri bgt. gmn caranya lapor pak?",
    "td liat berita pembunuhan di tv, ngeri. oiya cara lapornya gmn ya",
    "I watched a movie last night with a mugging scene, so scary. anyway how do I report?",
])
async def test_a_show_told_then_how_to_report_asked_is_answered_with_no_kind_nor_story(engine: Engine,
                                                                                      asked: str) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send(asked)
    assert any(resident.heard("menu.how", lang) and resident.heard("report.ask_category", lang)
               for lang in ("id", "en")), resident.text
    assert not (await draft_of(engine)).get("description") and not (await draft_of(engine)).get("story_begun")


@pytest.mark.parametrize("told", ["lagi nonton film tiba2 ada maling masuk rumah, serem",
                                  "td liat berita ada pembunuhan di kampung sebelah, ngeri",
                                  "sy lagi liat video di hp, motor sy di depan rumah dicuri org, serem"])
async def test_an_incident_told_beside_a_show_is_the_story(engine: Engine, told: str) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send(told)
    assert told in (await draft_of(engine)).get("description", ""), resident.text


@pytest.mark.parametrize(("told", "cry"), [("mau tanya adik sy ilang hp nya", False),
                                          ("anak sy hilang dompetnya di pasar", False),
                                          ("adik sy ilang, hp nya ga aktif", True)])
async def test_a_childs_thing_lost_is_no_missing_child_and_the_child_lost_is(engine: Engine, told: str,
                                                                            cry: bool) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send(told)
    assert resident.heard("emergency.call_110") is cry, resident.text


@pytest.mark.parametrize("warned", ["bsk mlm ada rencana tawuran di lapangan",
                                    "anak2 smk janjian tawuran minggu depan di jembatan",
                                    "katanya ntar malem mau ada tawuran di lapangan gedog"])
async def test_a_brawl_planned_is_a_report_of_security_not_a_cry(engine: Engine, warned: str) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send(warned)
    assert not resident.heard("emergency.call_110") and resident.heard("report.read_back_ask_when"), resident.text
    draft = await draft_of(engine)
    assert draft["read"]["category"] == Category.SECURITY.value and draft["description"] == warned, draft
    assert "urgent" not in draft
    resident = Resident(engine, "console:warga2")
    for said in ("halo", "1", "1"):
        await resident.send(said)
    await resident.send("bsk ada rencana tawuran, skrg mereka udh kumpul bawa celurit")  # gathering now: a cry
    assert resident.heard("emergency.call_110"), resident.text


@pytest.mark.parametrize(("asked", "lang"), [("apa bedanya rahasia sm anonim?", "id"),
                                             ("rahasia sama anonim beda nya apa ya", "id"),
                                             ("what's the difference between confidential and anonymous?", "en")])
async def test_what_the_ways_of_being_shown_mean_is_explained_at_the_menu(engine: Engine, asked: str,
                                                                          lang: str) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send(asked)
    assert resident.heard("menu.identity_options", lang) and resident.heard("menu.ask", lang), resident.text
    assert await draft_of(engine) == {}


@pytest.mark.parametrize(("said", "heard"), [
    ("sy mau lapor pak", "report.ask_category"),
    ("gimana cara lapornya", "menu.how"),
    ("lapor pencurian", "report.ask_description"),
    ("makasih", "menu.thanks"),
    ("🙏", "menu.thanks"),
    ("nomor polisi brp", "menu.police_number"),
    ("zzz qqq", "menu.not_understood"),
    ("😭", "menu.distress"),
    ("😢🙏", "menu.distress"),
    ("pak... 😱", "menu.distress"),
    # a skin tone changes nothing of what an emoji says
    ("😭😭🙏🏽", "menu.distress"), ("🙏🏽", "menu.thanks"), ("😢🙏🏿", "menu.distress"),
    ("😭😭🙏🏻👮‍♂️", "menu.distress"),
    ("ini gratis kan pak?", "menu.cost"),
    ("berapa lama diprosesnya?", "menu.response"),
    ("bisa minta polisi datang ke rumah?", "menu.response"),
    ("ini bot ya?", "menu.who"),
    ("nanti sy dipanggil ke kantor polisi gk?", "menu.contact"),
    ("ini langsung ke polsek mana pak?", "menu.station"),
    ("hp sy ilang 😭 td di pasar gedog 🙏🙏", "report.read_back"),  # emoji are no words of the story
    ("motor sy dicuri 🙏", "report.ask_description_more"),  # a plea beside a story begun, no thanks
    ("udh lapor dr kmrn kok blm ada tanggapan sih pak", "status.no_own_reports"),
    ("halo min, laporan sy LP-HKZZ-AWV6 gmn kabarnya?", "status.not_found"),
    ("Mohon maaf pak polisi, saya ini sudah tua, tidak begitu paham pakai hp.", "menu.how"),
])
async def test_the_menu_reads_what_is_wanted(engine: Engine, said: str, heard: str) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send(said)
    assert resident.heard(heard), resident.text
    assert not resident.heard("menu.not_understood") or heard == "menu.not_understood"


@pytest.mark.parametrize(("asked", "category", "cry"), [
    ("ini bisa buat lapor kdrt gk pak?", Category.SECURITY, False),  # its answer names 110 for a danger now
    ("disini nerima laporan narkoba ga?", Category.DRUGS, False),
    ("kalau tetangga berisik tiap malam bisa dilaporkan gak?", Category.SOCIAL, False),
])
async def test_whether_a_kind_may_be_reported_is_answered_and_its_report_begun(engine: Engine, asked: str,
                                                                                category: Category, cry: bool) -> None:
    resident = Resident(engine)
    await resident.send(asked)
    assert resident.heard("menu.can_report") and resident.heard("report.ask_description"), resident.text
    assert resident.heard("emergency.call_110") == cry and "Darurat" not in resident.text, resident.text
    assert (await draft_of(engine)) == {"category": category.value, **({"urgent": True} if cry else {})}
    await resident.send("suami saya sering memukul saya kalau mabuk, di rumah kami")
    assert resident.heard("report.ask_location"), resident.text


@pytest.mark.parametrize("asked", ["sy mau nanya, kalo mau lapor kdrt bisa disini gk?",
                                   "mau tanya pak, disini bisa lapor kdrt ga?", "ini bisa buat lapor kdrt gk pak?"])
async def test_asking_whether_kdrt_may_be_reported_makes_no_report_urgent_until_a_danger_now(engine: Engine,
                                                                                            asked: str) -> None:
    resident = Resident(engine)
    await resident.send(asked)
    assert resident.heard("menu.can_report") and not resident.heard("emergency.call_110"), resident.text
    await resident.send("suami sy suka bentak2 sy kalo marah, tp ga pernah main tangan")
    assert not resident.heard("emergency.call_110") and "urgent" not in await draft_of(engine), resident.text
    await resident.send("pak tolong, skrg dia mukulin sy")
    assert resident.heard("emergency.call_110") and (await draft_of(engine))["urgent"], resident.text


@pytest.mark.parametrize(("asked", "category", "lang"), [
    ("can I report noise from my neighbour?", Category.SOCIAL, "en"),
    ("is this the place to report a scam?", Category.SECURITY, "en"),
    ("is this the right place to report drug dealing?", Category.DRUGS, "en"),
    ("disini tempat lapor penipuan bukan?", Category.SECURITY, "id"),
    ("bisa lapor tetangga sy berisik gk?", Category.SOCIAL, "id"),
])
async def test_whether_a_kind_may_be_reported_is_answered_however_asked(engine: Engine, asked: str,
                                                                       category: Category, lang: str) -> None:
    resident = Resident(engine)
    await resident.send(asked)
    assert resident.heard("menu.can_report", lang) and resident.heard("report.ask_description", lang), resident.text
    assert not resident.heard("report.read_back", lang) and not resident.heard("report.read_back_ask_when", lang)
    assert (await draft_of(engine)) == {"category": category.value}


@pytest.mark.parametrize(("asked", "lang"), [("bisa lapor apa aja?", "id"), ("apa aja yg bisa dilaporin?", "id"),
                                             ("what can I report here?", "en"),
                                             ("what kind of things can I report?", "en"),
                                             ("what types of cases do you handle?", "en"),
                                             ("bisa lapor apa aja min", "id"), ("kasus apa aja yg ditangani?", "id"),
                                             ("jenis laporan apa saja", "id")])
async def test_what_may_be_reported_is_answered_with_the_kinds(engine: Engine, asked: str, lang: str) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send(asked)
    assert resident.heard("report.ask_category", lang) and not resident.heard("menu.not_understood", lang), \
        resident.text


async def test_a_cry_told_after_asking_whether_it_may_be_reported_is_heard_and_kept(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("lapor pak, bisa tolong ke sini? ada maling")
    assert resident.heard("emergency.call_110") and resident.heard("menu.can_report"), resident.text
    await resident.send("masuk lewat jendela belakang, sy ngumpet di kamar")
    draft = await draft_of(engine)
    assert draft["urgent"] is True and draft["description"].startswith("ada maling\nmasuk lewat jendela"), draft


@pytest.mark.parametrize("wish", ["pak kulo ajeng lapor, sepeda motor kulo dipundhut tiyang",
                                  "punten pak, abdi bade lapor", "aku arep lapor"])
async def test_a_wish_to_report_in_javanese_or_sundanese_starts_a_report_and_keeps_what_it_tells(
        engine: Engine, wish: str) -> None:
    resident = Resident(engine)
    await resident.send(wish)
    assert resident.heard("report.ask_category") and not resident.heard("menu.not_understood"), resident.text
    await resident.send("1")
    await resident.send("wingi sonten wonten ngarep griyo")
    told = (await draft_of(engine))["description"]
    assert told.startswith(wish) == ("sepeda" in wish), told


@pytest.mark.parametrize(("story", "when"), [
    ("anak sy blm pulang sekolah pak, biasanya jam 1 udh di rmh, hpnya ga aktif", None),
    ("anak sy blm pulang dr td siang pak hpnya ga aktif biasanya jam 3 udh di rmh", "dari tadi siang"),
])
async def test_a_child_not_home_past_the_usual_hour_is_a_cry_and_the_usual_hour_no_time(engine: Engine, story: str,
                                                                                       when: str | None) -> None:
    """The hour a child is usually home is not when anything happened: the time is asked, or the one told taken."""
    resident = Resident(engine)
    await resident.send(story)
    assert resident.heard("emergency.call_110") and "Darurat" in resident.text, resident.text
    read = (await draft_of(engine))["read"]
    assert read.get("when_told") == when and (await draft_of(engine))["urgent"], read


@pytest.mark.parametrize(("story", "when"), [("motor sy ical di pasar", None),
                                             ("pak kulo ajeng lapor, sepeda motor kulo ical", None),
                                             ("hp ku ical pas di angkot kamari sore", "kemarin sore"),
                                             ("dompet sy ical kamari", "kemarin")])
async def test_ical_and_kamari_are_read_as_lost_and_yesterday(engine: Engine, story: str, when: str | None) -> None:
    resident = Resident(engine)
    await resident.send(story)
    assert resident.heard("report.read_back_ask_when" if when is None else "report.read_back"), resident.text
    read = (await draft_of(engine))["read"]
    assert read["category"] == Category.SECURITY.value and read.get("when_told") == when, read
    assert (await draft_of(engine))["description"] == story


@pytest.mark.parametrize("told", ["pak tlg, ada org aneh mondar mandir dpn rmh sy dr td, sy sendirian 😰",
                                  "ada org aneh berdiri di depan rumah sy dr td, sy sendirian di rumah"])
async def test_a_strange_man_lingering_at_the_home_of_one_alone_is_a_cry_since_earlier(engine: Engine,
                                                                                       told: str) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send(told)
    assert resident.heard("emergency.call_110") and "Waktu: dari tadi" in resident.text, resident.text


async def test_ical_as_a_name_is_no_loss(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("halo pak, nama saya Ical, mau lapor")
    assert resident.heard("report.ask_category"), resident.text


@pytest.mark.parametrize(("wish", "identity", "answered"), [
    ("sy gk mau disebut nama y pak", "confidential", True),
    ("sy mau lapor anonim aja", "anonymous", False),
    ("mau lapor tp gk mau ketauan namanya", "confidential", False),
    ("bisa lapor tanpa nama gk?", "confidential", True),
    ("can i report anonymously?", "anonymous", True),
])
async def test_how_to_be_shown_said_with_a_wish_to_report_starts_it_and_is_kept(
        engine: Engine, wish: str, identity: str, answered: bool) -> None:
    resident = Resident(engine)
    await resident.send(wish)
    assert any(resident.heard("report.identity_noted", lang) for lang in ("id", "en")), resident.text
    assert any(resident.heard("menu.privacy", lang) for lang in ("id", "en")) == answered, resident.text
    assert not resident.heard("menu.not_understood"), resident.text
    assert (await draft_of(engine))["identity"] == identity


async def test_a_story_told_as_a_question_is_taken_as_the_story(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("bisa lapor hp sy dicuri td pagi di pasar gedog?")
    assert resident.heard("report.read_back") and not resident.heard("menu.can_report"), resident.text
    assert (await draft_of(engine))["description"].startswith("bisa lapor hp sy dicuri")


@pytest.mark.parametrize("tears", ["😭", "😨🙏 pak"])
async def test_tears_or_fear_as_a_first_message_are_asked_gently_what_happened(engine: Engine, tears: str) -> None:
    resident = Resident(engine)
    await resident.send(tears)
    assert resident.heard("menu.greeting") and resident.heard("menu.distress") and resident.heard("menu.ask")
    assert not resident.heard("menu.thanks") and not resident.heard("menu.not_understood")
    await resident.send("motor saya dicuri orang tadi pagi di parkiran pasar")
    assert resident.heard("report.read_back"), resident.text


async def test_folded_hands_after_a_report_is_sent_are_still_thanks(engine: Engine) -> None:
    resident = Resident(engine)
    await walk_to_summary(resident)
    await resident.send("kirim")
    await resident.send("🙏")
    assert resident.heard("menu.thanks") and not resident.heard("menu.distress")


@pytest.mark.parametrize(("asked", "kind"), [("gmn cara lapor tetangga berisik?", "social"),
                                             ("gmn caranya lapor narkoba", "drugs")])
async def test_how_to_report_a_kind_is_answered_and_its_report_begun(engine: Engine, asked: str, kind: str) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send(asked)
    assert resident.heard("menu.how") and resident.heard("report.ask_description"), resident.text
    assert (await draft_of(engine))["category"] == kind


async def test_naming_a_kind_of_incident_starts_the_report_with_that_category(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send("mau lapor narkoba")
    assert (await draft_of(engine))["category"] == "drugs"


@pytest.mark.parametrize(("told", "category", "cry"), [
    ("sy dibuntuti org tak dikenal tiap pulang kerja", Category.SECURITY, False),
    ("sy dibuntutin org tiap pulang kerja", Category.SECURITY, False),
    ("ada yg ngikutin sy tiap pulang kerja", Category.SECURITY, False),
    ("ada kbakaran di pasar", Category.EMERGENCY, True),  # a fire at the menu: a cry, read as Darurat
    ("rumah tetangga kebakarn", Category.EMERGENCY, True),
    ("pohon tumbang nutup jalan", Category.OTHER, False),
    ("a tree fell on the road", Category.OTHER, False),
])
async def test_kinds_told_in_slang_or_typos_are_read_to_their_category(engine: Engine, told: str,
                                                                       category: Category, cry: bool) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send(told)
    assert resident.heard("emergency.call_110") == cry, resident.text
    draft = await draft_of(engine)
    assert draft.get("category", draft.get("read", {}).get("category")) == category.value, draft


async def test_a_report_told_in_one_message_is_confirmed_and_filed_in_five(engine: Engine) -> None:
    resident = Resident(engine, "console:story")
    story = "motor sy dicuri td pagi di parkiran pasar gedog sananwetan blitar"
    await resident.send(story)  # 1: a first message, no greeting needed
    assert resident.heard("report.read_back")
    assert "Gangguan keamanan" in resident.text and "Kel. Gedog" in resident.text
    assert "Waktu: tadi pagi" in resident.text, "the time in the resident's words"
    for said in ("iya bener", "ga ada", "rahasia aja", "kirim"):  # 2 to 5
        await resident.send(said)
    assert resident.heard("report.submitted"), resident.text
    [report] = await reports(engine)
    assert report.description == story and report.village_code == GEDOG
    assert report.category == Category.SECURITY and report.occurred_text == "tadi pagi", "the time in their words"


async def test_a_spot_by_the_home_is_the_scene_and_a_place_before_skrg_is_read(engine: Engine) -> None:
    """"di depan rumah sy di sentul" is in front of the home, which is where it happens; "skrg" after the place
    is the time, and leaves the place read."""
    resident = Resident(engine, "console:story")
    await resident.send("tolong pak ada org bawa celurit ngamuk di depan rumah sy di sentul skrg")
    assert resident.heard("emergency.call_110") and resident.heard("report.read_back"), resident.text
    assert "Kel. Sentul" in resident.text and "Waktu: Sedang terjadi" in resident.text, resident.text


@pytest.mark.parametrize(("story", "since"), [
    ("lampu jalan mati udh seminggu di jl merdeka kel gedog sananwetan", "sejak seminggu lalu"),
    ("sudah 3 hari jalannya rusak parah di kel gedog sananwetan", "sejak 3 hari lalu"),
    ("udh sebulan ada yg jualan miras di warung kel gedog sananwetan", "sejak sebulan lalu"),
    ("dah 2 mingguan ada balap liar tiap malam di kel gedog sananwetan", "sejak 2 minggu lalu, tiap malam"),
    ("jalan berlubang di kel gedog sananwetan udah hampir sebulan", "sejak hampir sebulan lalu"),
])
async def test_a_stretch_of_time_is_read_as_since_then_for_the_resident_and_the_officers(
        engine: Engine, story: str, since: str) -> None:
    """"udh seminggu": begun a week ago and going on; neither a moment nor happening now (no 110 reminder)."""
    await enrolled(engine, "console:petugas")
    resident = Resident(engine, "console:story")
    await resident.send(story)
    assert resident.heard("report.read_back") and f"Waktu: {since}" in resident.text, resident.text
    for said in ("iya bener", "ga ada", "rahasia aja"):
        await resident.send(said)
    assert f"Waktu: {since}" in resident.text and not resident.heard("emergency.happening_now"), resident.text
    await resident.send("kirim")
    [report] = await reports(engine)
    assert report.occurred_text == since
    [alert] = await alerts(engine)
    assert f"Waktu: “{since}”" in payload(alert)["text"], payload(alert)["text"]


@pytest.mark.parametrize(("story", "since"), [
    ("The street light on jl merdeka in gedog sananwetan has been out for two weeks now", "for two weeks now"),
    ("Someone has been selling liquor at a stall in gedog sananwetan for 3 days now", "for 3 days now"),
    ("the road in gedog sananwetan has been broken for about a month", "for about a month now")])
async def test_a_stretch_of_time_in_english_reads_so(engine: Engine, story: str, since: str) -> None:
    resident = Resident(engine, "console:story")
    await resident.send(story)
    assert resident.heard("report.read_back", "en") and f"Time: {since}" in resident.text, resident.text
    assert not resident.heard("emergency.happening_now", "en"), "a stretch till now is no moment of now"
    assert "Sedang terjadi" not in resident.text and "Happening now" not in resident.text


@pytest.mark.parametrize(("yes", "when"), [
    ("iya bener, semalam", "Waktu: semalam"),  # a part of the day is kept in the resident's words
    ("ya betul pak, 2 hari yg lalu", "Waktu: 2 hari yang lalu"),
    ("bener, td pagi", "Waktu: tadi pagi"),
])
async def test_a_yes_to_what_was_read_may_say_the_time_again_and_it_is_kept(
        engine: Engine, yes: str, when: str) -> None:
    resident = Resident(engine, "console:story")
    await resident.send("hp sy dijambret orang naik motor tadi siang di gedog sananwetan blitar")
    assert resident.heard("report.read_back") and "Waktu: tadi siang" in resident.text, resident.text
    await resident.send(yes)
    assert resident.heard("report.ask_photo"), resident.text
    for said in ("ga ada", "rahasia aja"):
        await resident.send(said)
    assert resident.heard("report.summary") and when in resident.text, resident.text


@pytest.mark.parametrize("story", [
    "banjir setinggi lutut masuk rumah warga sejak subuh tadi",
    "ada pohon tumbang menutup jalan depan balai desa tadi sore",
    "kabel listrik menjuntai rendah di atas jalan, bahaya buat pengendara motor",
    "ada kakek kebingungan ga tau jalan pulang di pasar dari pagi",
])
async def test_a_story_of_what_no_category_names_starts_a_report_with_it(engine: Engine, story: str) -> None:
    resident = Resident(engine)
    await resident.send(story)
    assert not resident.heard("menu.not_understood"), resident.text
    assert resident.heard("report.read_back_ask_when") or resident.heard("report.read_back") \
        or resident.heard("report.ask_category"), resident.text
    assert (await draft_of(engine))["description"] == story
    if not resident.heard("report.ask_category"):
        await resident.send("iya")
    if resident.heard("report.ask_category"):
        await resident.send("lainnya")
    assert resident.heard("report.ask_location"), resident.text
    assert (await draft_of(engine))["category"] == "other"


async def test_a_question_with_a_time_in_it_is_no_story(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send("pak ada yang mau saya tanyakan soal kejadian tadi")
    assert resident.heard("menu.not_understood") and not await draft_of(engine)


async def test_only_asking_drops_the_draft_a_question_took_for_a_story(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send("pak mau tanya, kalo tetangga suka parkir mobil sembarangan di depan rumah bisa ditegur?")
    assert await draft_of(engine), "taken for the start of a report"
    await resident.send("bukan pak, sy cuma nanya")
    assert resident.heard("report.cancelled") and not await draft_of(engine), resident.text
    await resident.send("lapor")
    await resident.send("1")
    await resident.send("sy cuma mau nanya, kalo motor hilang gimana lapornya?")  # a question follows: no stop
    assert not resident.heard("report.cancelled") and await draft_of(engine), resident.text


@pytest.mark.parametrize("told", ["tadi pagi ada yg lompat dari jembatan bunuh diri, sampe skrg blm ketemu",
                                  "tadi pagi ada yg tenggelam di sungai, sampe skrg blm ketemu",
                                  "ada yg ngancam bunuh sy, polisi udh dtg blm?"])
async def test_a_danger_told_like_a_question_with_no_report_to_ask_after_is_the_cry(engine: Engine, told: str) -> None:
    """"…sampe skrg blm ketemu", "polisi udh dtg blm?" read loosely as asking after one's report: with none, the
    danger is the cry and its report."""
    resident = Resident(engine)
    await resident.send(told)
    assert resident.heard("emergency.call_110") and "Kami baca dari pesan Anda" in resident.text, resident.text
    assert not resident.heard("status.no_own_reports") and not resident.heard("status.no_own_reports_yet"), \
        resident.text


@pytest.mark.parametrize("told", ["ada yg tenggelam di sungai, polisi udh dtg blm?",
                                  "ada yg bawa pisau di depan rumah, polisi udh dtg blm?",
                                  "soal utang, debt collector skrg ngancam bunuh sy, polisi udh dtg blm?"])
async def test_a_new_danger_asked_like_a_question_beside_an_old_report_is_its_own(engine: Engine, told: str) -> None:
    """An earlier report of a stolen motorbike is not what a drowning, or a knife at the door, asks after."""
    resident, _ref = await file_report(engine, "console:warga-lama")
    await resident.send(told)
    assert resident.heard("emergency.call_110") and "Kami baca dari pesan Anda" in resident.text, resident.text
    assert not resident.heard("status.own_reports"), resident.text


async def test_the_day_a_report_was_made_is_not_when_the_danger_told_now_is(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("kemarin sy lapor, skrg anak sy tenggelam di kolam kel gedog sananwetan")
    assert resident.heard("emergency.call_110") and "Waktu: kemarin" not in resident.text, resident.text


async def test_send_words_that_ask_for_something_else_after_a_report_are_read(engine: Engine) -> None:
    resident = Resident(engine)
    await walk_to_summary(resident)
    await resident.send("kirim")
    await resident.send("bisa kirim nomor polsek nya pak")
    assert not resident.heard("menu.already_sent"), resident.text


async def test_a_life_at_risk_asked_after_is_the_cry_and_the_status(engine: Engine) -> None:
    """A child missing since the report is still at risk: 110 again, and the report's status, with no new report."""
    resident = Resident(engine)
    for said in ("anak sy hilang sejak kemarin di pasar kel gedog", "1", "1", "2", "1"):
        await resident.send(said)
    [filed] = await reports(engine)
    await resident.send("anak sy yg hilang kemarin udh ada kabar blm?")
    assert resident.heard("emergency.call_110") and filed.ref in resident.text, resident.text
    assert "Kami baca dari pesan Anda" not in resident.text and not await draft_of(engine), "no second report"


async def test_a_fear_of_being_known_asked_about_first_is_answered_and_the_report_begun(engine: Engine) -> None:
    """Who must not know is no story of a neighbour, and "aman" (safe) no word of a crime."""
    resident = Resident(engine)
    await resident.send("sy pengen lapor tp takut ketauan tetangga, aman gk ya pak identitas sy?")
    assert resident.heard("menu.privacy") and resident.heard("report.ask_category"), resident.text
    assert "Kami baca dari pesan Anda" not in resident.text


async def test_only_asking_stops_no_report_past_its_read_back(engine: Engine) -> None:
    resident = await at(engine, "summary")
    await resident.send("maaf pak saya cuma mau tanya")
    assert not resident.heard("report.cancelled") and await draft_of(engine), "the report stays"


@pytest.mark.parametrize("asked", ["ini data sy aman ga pak?", "apa pelaku bisa tau kalau saya yang lapor?",
                                   "is my data safe?", "aman gk ya pak identitas sy?"])
async def test_a_question_whether_the_reporter_stays_unexposed_is_answered(engine: Engine, asked: str) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send(asked)
    assert resident.heard("menu.privacy", "en" if asked.startswith("is") else "id"), resident.text
    assert not await draft_of(engine), "no report is started"


# Whether someone will know who reported: a frightened reporter, never answered "Bisa" as if asking what may be
# reported.
KNOWN_AS_THE_REPORTER = ["tetangga sy bisa tau gak kalo sy yg lapor?", "tetangga sy bs tw gk klo sy yg lapor",
                         "pelakunya ntar tau gak kalo sy yg lapor?", "suami sy bakal tau ga kalo sy lapor",
                         "bos sy tau gak kalo sy yg ngelapor?", "pak RT dikasih tau gak yg lapor siapa?",
                         "identitas sy aman?", "will the guy know it was me?"]


@pytest.mark.parametrize("asked", KNOWN_AS_THE_REPORTER)
async def test_whether_someone_will_know_who_reported_is_answered_at_the_menu(engine: Engine, asked: str) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send(asked)
    assert resident.heard("menu.privacy", "en" if asked.startswith("will") else "id"), resident.text
    assert not resident.heard("menu.can_report") and not await draft_of(engine), "no \"Bisa\", no report begun"


# Asked bare, with no word of reporting: the one reported, or someone near, and whether they will know.
KNOWN_BARE = ["pelakunya nanti tau gk?", "pelakunya bakal tau gk?", "dia bakal tau ga", "tetangga nanti tahu gk pak?",
              "will they know it's me?", "can the thief find out who reported?", "will the guy find out?"]


@pytest.mark.parametrize("asked", KNOWN_BARE)
async def test_whether_the_one_reported_will_know_is_answered_at_the_menu(engine: Engine, asked: str) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send(asked)
    english = asked.startswith(("will", "can"))
    assert resident.heard("menu.privacy", "en" if english else "id"), resident.text
    assert not resident.heard("menu.not_understood", "en" if english else "id") and not await draft_of(engine)


@pytest.mark.parametrize("step", ["description", "location", "photo", "identity", "summary"])
@pytest.mark.parametrize("asked", [KNOWN_AS_THE_REPORTER[0], KNOWN_AS_THE_REPORTER[2], "pelakunya nanti tau gk?",
                                   "mereka bakal tau ga?"])
async def test_whether_someone_will_know_who_reported_is_answered_at_every_step(engine: Engine, step: str,
                                                                               asked: str) -> None:
    resident = await at(engine, step)
    before = await draft_of(engine)
    await resident.send(asked)
    assert resident.heard("menu.privacy") and await step_of(engine, resident) == step, resident.text
    assert not resident.heard("common.not_a_choice")
    assert await draft_of(engine) == before, "the question is no place, nor a choice"


KIND_ASKED = ["bisa lapor soal tetangga berisik?", "bisa lapor soal tetangga yg nyetel musik kenceng?",
              "disini nerima laporan narkoba ga?", "can I report noisy neighbours?"]


# Every phrasing where words are read as the story or the place; one each at the steps of choices.
@pytest.mark.parametrize(("step", "asked"), [
    *((step, asked) for step in ("description", "location") for asked in KIND_ASKED),
    *zip(("place_check", "when", "photo", "identity", "summary"), KIND_ASKED + KIND_ASKED[:1], strict=True),
])
async def test_whether_a_kind_may_be_reported_asked_in_a_report_is_answered_and_the_story_kept(
        engine: Engine, step: str, asked: str) -> None:
    resident = await at(engine, step)
    before = await draft_of(engine)
    await resident.send(asked)
    assert any(resident.heard("menu.can_report", lang) for lang in ("id", "en")), resident.text
    assert not resident.heard("report.story_added") and await step_of(engine, resident) == step, resident.text
    assert await draft_of(engine) == before, "the question is no part of the report"


async def test_a_noisy_neighbour_asked_about_is_still_a_question_of_what_may_be_reported(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send("bisa lapor soal tetangga berisik?")
    assert resident.heard("menu.can_report") and not resident.heard("menu.privacy"), resident.text


async def test_a_no_to_what_was_read_keeps_the_story_and_asks_the_rest(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send("hp saya dijambret orang naik motor kemarin sore di gedog sananwetan blitar")
    await resident.send("bukan")
    assert resident.heard("report.ask_category")
    await resident.send("1")
    assert resident.heard("report.ask_location")  # what happened was kept


async def test_a_correction_changes_one_answer_and_keeps_the_others(engine: Engine) -> None:
    resident = await at_location(engine)
    await resident.send("eh salah, maksudnya narkoba")
    assert resident.heard("report.changed") and resident.heard("report.ask_location")
    draft = await draft_of(engine)
    assert draft["category"] == "drugs" and draft["description"] == DESCRIPTION
    await resident.send("kembali")
    assert resident.heard("report.ask_description")
    await resident.send("Motor tetangga dibawa kabur orang waktu parkir")
    assert resident.heard("report.ask_location")
    await resident.send("gedog sananwetan blitar")
    await resident.send("ya")
    await resident.send("ubah kategori")
    assert resident.heard("report.ask_category")
    await resident.send("1")
    assert resident.heard("report.ask_when")  # back where it was, nothing asked twice
    report = await finish_from_when(resident)
    assert report.category == Category.SECURITY and report.village_code == GEDOG
    assert report.description == "Motor tetangga dibawa kabur orang waktu parkir"


@pytest.mark.parametrize("fix", [
    "eh salah, lokasinya di plosokerep, kec sananwetan",
    "lokasinya salah pak, harusnya Plosokerep Sananwetan kota blitar",
    "ralat: tempatnya di kelurahan plosokerep kecamatan sananwetan, dekat alun-alun",
    # the name alone, which Indramayu and Sragen have too: the one beside the place corrected is put
    "lokasinya salah pak, harusnya kel. plosokerep", "lokasi salah, yg bener plosokerep",
    "tempatnya keliru bu, seharusnya di plosokerep",
])
async def test_a_correction_at_the_summary_takes_the_new_answer_it_gives(engine: Engine, fix: str) -> None:
    """The summary read back a wrong place: the resident says so with the right one, in one message. It is read
    as the answer to the place's question, confirmed, and the summary comes back with it, the rest kept. Where
    the officers read what was typed, no "pak, harusnya" stands before it."""
    resident = Resident(engine)
    await walk_to_summary(resident)
    await resident.send(fix)
    assert resident.heard("place.confirm") and "Kel. Plosokerep" in resident.text, resident.text
    await resident.send("iya")
    assert resident.heard("report.summary") and "Plosokerep" in resident.text, resident.text
    await resident.send("kirim")
    assert resident.heard("report.submitted"), resident.text
    async with engine.sessions() as db:
        report = (await db.execute(select(Report))).scalar_one()
    assert report.village_code == "35.72.03.1002" and report.description == DESCRIPTION
    assert report.location_text.lower().startswith(("plosokerep", "kel", "kelurahan")), report.location_text


@pytest.mark.parametrize("fix", ["hold on, can u change the time, it was actually 2 days ago",
                                 "could you please change the time to 2 days ago",
                                 "tolong ganti waktunya pak, sebenarnya 2 hari lalu"])
async def test_a_change_asked_for_politely_at_the_summary_is_taken(engine: Engine, fix: str) -> None:
    resident = await at(engine, "summary")
    await resident.send(fix)
    assert not resident.heard("common.not_a_choice") and not resident.heard("common.not_a_choice", "en"), \
        resident.text
    assert (await draft_of(engine))["when"]["text"] in ("2 days ago", "2 hari lalu"), resident.text


async def test_a_correction_that_only_names_what_is_wrong_asks_it_again(engine: Engine) -> None:
    resident = Resident(engine)
    await walk_to_summary(resident)
    await resident.send("waktunya salah")
    assert resident.heard("report.ask_when"), resident.text


async def test_english_informal_answers(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("/lang en")
    await resident.send("i want to report something")
    assert resident.heard("report.ask_category", "en")
    for said in ("crime", DESCRIPTION, "gedog sananwetan blitar"):
        await resident.send(said)
    await resident.send("yeah that's right")
    assert resident.heard("report.ask_when", "en"), resident.text


@pytest.mark.parametrize("story", ["hp sy dijambret on the way home tadi", "HP hilang at the mall kemarin sore"])
async def test_a_few_english_words_in_an_indonesian_story_keep_indonesian(engine: Engine, story: str) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "1", story):
        await resident.send(said)
    assert not resident.heard("language.changed", "en"), resident.text


@pytest.mark.parametrize("before", [("halo", "1"), ("halo", "1", "1")])  # the kind asked; the story asked
async def test_a_story_written_in_english_in_a_report_begun_in_indonesian_is_answered_in_english(
        engine: Engine, before: tuple[str, ...]) -> None:
    resident = Resident(engine)
    for said in before:
        await resident.send(said)
    await resident.send("my motorbike was stolen last night in front of my house at gedog")
    assert resident.heard("language.changed", "en"), resident.text
    assert not any(matches(reply.text, "report.ask_location") or "Kami baca" in reply.text
                   for reply in resident.replies), "no Indonesian question after the English story"


@pytest.mark.parametrize(("story", "told"), [
    ("my motor got stolen di depan indomaret", "this morning around 7"),  # at the read-back
    ("hp sy ilang", "i think someone took it at the market yesterday evening"),  # more of the story
])
async def test_english_where_the_report_is_told_after_a_mixed_start_turns_it_to_english(
        engine: Engine, story: str, told: str) -> None:
    resident = Resident(engine)
    for said in ("hi", story):
        await resident.send(said)
    assert not resident.heard("language.changed", "en"), "mixed words say no language"
    await resident.send(told)
    assert resident.heard("language.changed", "en"), resident.text
    assert not any(matches(reply.text, key) for reply in resident.replies[1:]
                   for key in ("report.ask_location", "report.ask_when", "report.ask_photo")), resident.text


@pytest.mark.parametrize(("picked", "lang"), [(("report", "theft"), "en"), (("lapor", "theft"), "en"),
                                              (("report", "kemalingan"), "id"), (("help",), "id")])
async def test_an_option_picked_by_its_name_in_one_language_is_answered_in_it(
        engine: Engine, picked: tuple[str, ...], lang: str) -> None:
    """"report" and "theft" are English alone; "help" is said in Indonesian chats too; "status" is either's."""
    resident = Resident(engine)
    await resident.send("halo")
    switched = False
    for said in picked:
        await resident.send(said)
        switched = switched or resident.heard("language.changed", "en")
    if picked == ("help",):
        assert not switched and resident.heard("help.text"), resident.text
    else:  # the kind's word has the last say: "report", then "kemalingan", goes on in Indonesian
        assert resident.heard("report.ask_description", lang), resident.text


@pytest.mark.parametrize("said", ["oops sorry, wrong - it was my neighbour's bike",
                                  "sorry my mistake, the bike was my brother's not mine",
                                  "wait, I forgot to say the thief had a red helmet"])
async def test_english_written_at_the_time_question_is_answered_in_english(engine: Engine, said: str) -> None:
    resident = await at_location(engine)
    for answer in (PLACE, "ya"):
        await resident.send(answer)
    assert resident.heard("report.ask_when"), resident.text
    await resident.send(said)
    assert resident.heard("language.changed", "en") and resident.heard("report.ask_when", "en"), resident.text


@pytest.mark.parametrize("said", ["jam 9 malam", "kemarin sore sekitar jam 5", "at the market, jam 9 malam"])
async def test_a_time_with_a_few_english_words_keeps_indonesian(engine: Engine, said: str) -> None:
    resident = await at_location(engine)
    for answer in (PLACE, "ya", said):
        await resident.send(answer)
    assert not resident.heard("language.changed", "en") and resident.heard("report.ask_photo"), resident.text


async def test_a_resident_who_writes_english_at_the_menu_is_answered_in_english(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("hello")
    assert resident.heard("menu.ask"), "a greeting says nothing of the language"
    await resident.send("I need to report that my motorbike was stolen")
    assert resident.heard("language.changed", "en") and not resident.heard("language.changed", "id")
    assert resident.heard("report.read_back", "en") or resident.heard("report.read_back_ask_when", "en"), \
        resident.text
    await resident.send("batal")
    await resident.send("saya mau cek laporan saya")
    assert resident.heard("language.changed", "id"), "and back when they write Indonesian there"


@pytest.mark.parametrize("fix", ["kategorinya salah, harusnya lalu lintas", "eh salah, maksudnya narkoba",
                                 "eh salah, maksudnya narkoba, soalnya ada pil koplo juga"])
async def test_the_category_corrected_at_the_read_back_is_taken_and_the_report_goes_on(engine: Engine,
                                                                                       fix: str) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send("Motor saya dicuri orang waktu diparkir")
    await resident.send(fix)
    assert not resident.heard("common.error"), resident.text
    assert resident.heard("report.changed") and (resident.heard("report.ask_location") or
                                                 resident.heard("report.read_back")), resident.text
    assert (await draft_of(engine))["category"] in (Category.TRAFFIC, Category.DRUGS)


async def test_the_story_after_the_kind_put_right_at_the_read_back_is_kept(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("ada org2 mencurigakan kumpul tiap malam di rumah kosong kel gedog")
    await resident.send("eh salah, maksudnya narkoba, mrk nyabu")
    draft = await draft_of(engine)
    assert draft["description"].endswith("\nmrk nyabu") and draft["category"] == Category.DRUGS, draft


@pytest.mark.parametrize(("no", "asked"), [
    ("bukan, lokasinya salah", "report.ask_location"), ("gak, tempatnya salah pak", "report.ask_location"),
    ("no, the place is wrong", "report.ask_location"), ("bkn, alamatnya keliru", "report.ask_location"),
    ("bukan, waktunya salah", "report.ask_when"), ("nggak pak, jam nya salah", "report.ask_when"),
    ("tidak, jenisnya keliru", "report.ask_category"),
])
async def test_a_no_that_names_what_was_read_wrong_asks_that_alone(engine: Engine, no: str, asked: str) -> None:
    """"bukan, lokasinya salah" at the read-back: the place alone is wrong. It was taken as a plain no, and every
    answer was asked again, the kind first."""
    resident = Resident(engine)
    await resident.send("kemarin malem ada yg nyuri helm sy di depan indomaret gedog sananwetan")
    assert resident.heard("report.read_back"), resident.text
    await resident.send(no)
    lang = "en" if no.startswith("no,") else "id"  # said in English, asked in English
    assert resident.heard(asked, lang), resident.text
    others = {"report.ask_location", "report.ask_when", "report.ask_category"} - {asked}
    assert not any(resident.heard(key, lang) for key in others), resident.text
    kept = (await draft_of(engine))["read"]
    assert ("category" in kept) == (asked != "report.ask_category") and ("when" in kept) == (asked != "report.ask_when")


async def test_how_long_reports_take_asked_at_the_read_back_is_answered(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("kemarin malem ada yg nyuri helm sy di depan indomaret gedog sananwetan")
    await resident.send("berapa lama biasanya laporan diproses pak?")
    assert resident.heard("menu.response") and resident.heard("report.read_back"), resident.text
    assert not resident.heard("common.not_a_choice"), resident.text


async def test_the_place_not_known_at_the_read_back_keeps_the_rest_and_asks_the_area(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("motor sy ditabrak dari belakang td pagi, pelakunya kabur")
    assert resident.heard("report.read_back"), resident.text
    await resident.send("gk tau pak, sy lg di jalan, gk tau ini daerah mana")
    assert resident.heard("place.ask_district_unknown") and not resident.heard("report.ask_category"), resident.text
    assert (await draft_of(engine))["category"] == Category.TRAFFIC


@pytest.mark.parametrize(("unsure", "where"), [
    ("gatau pak, di bus jurusan blitar malang", "di bus jurusan blitar malang"),
    ("ga tau persisnya, deket terminal", "deket terminal"),
    ("lupa pak. di jalan raya arah kediri", "di jalan raya arah kediri"),
    ("not sure, on the bus to malang", "on the bus to malang"),
])
async def test_unsure_of_the_place_at_the_read_back_is_no_no_and_keeps_where(engine: Engine, unsure: str,
                                                                            where: str) -> None:
    """"gatau" begins with "ga", but is no "bukan": the kind and the time read stand, the place is asked kindly,
    and what the resident knows of where is kept for officers."""
    resident = Resident(engine)
    await resident.send("dompet sy dicopet kemarin sore, kl gk salah di blitar")
    assert resident.heard("report.read_back"), resident.text
    await resident.send(unsure)
    assert resident.heard("place.ask_district_unknown") and not resident.heard("report.ask_category"), resident.text
    draft = await draft_of(engine)
    assert draft["category"] == Category.SECURITY and draft["location_text"] == where


async def test_not_knowing_the_place_keeps_where_told_after_it(engine: Engine) -> None:
    resident = await at_location(engine)
    await resident.send("gak tau pak, deket terminal bus")
    assert resident.heard("place.ask_district_unknown"), resident.text
    assert (await draft_of(engine))["location_text"] == "deket terminal bus"
    await resident.send("gak tau pak, sy lg tidur")  # no where in it: nothing kept of it
    assert "tidur" not in ((await draft_of(engine)).get("location_text") or "")


async def test_a_place_meant_before_the_one_read_denied_is_read_at_the_read_back(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("kemarin malem ada yg nyuri helm sy di depan indomaret gedog sananwetan")
    assert resident.heard("report.read_back"), resident.text
    await resident.send("bukan, kejadiannya di indomaret bendogerit, bukan gedog")
    offered = [resident.text, *resident.options()]
    assert any("Bendogerit" in said for said in offered) and not resident.heard("report.story_added"), offered


@pytest.mark.parametrize("never_mind", ["gk jadi deh", "ga usah pak", "never mind"])
async def test_nothing_to_change_after_all_goes_back_to_the_summary(engine: Engine, never_mind: str) -> None:
    resident = await at(engine, "change")
    await resident.send(never_mind)
    assert not resident.heard("report.cancelled") and resident.heard("report.summary"), resident.text
    await resident.send("kirim")
    assert resident.heard("report.submitted"), resident.text


@pytest.mark.parametrize(("asked", "lang"), [("sorry, can we continue in English? I'm not Indonesian", "en"),
                                             ("bisa pake bahasa indonesia aja? sy lebih ngerti", "id")])
async def test_a_language_asked_for_in_a_report_switches_and_asks_the_same_again(engine: Engine, asked: str,
                                                                                lang: str) -> None:
    resident = await at(engine, "location")
    if lang == "id":
        await resident.send("/lang en")
    await resident.send(asked)
    assert resident.heard("language.changed", lang) and resident.heard("report.ask_location", lang), resident.text
    assert "location_text" not in await draft_of(engine), "the request is no place"


async def expire_the_draft(engine: Engine) -> None:
    """As if the resident had gone quiet past the draft's time."""
    import datetime as dt

    from sqlalchemy import update

    from storage.models import utcnow
    async with engine.sessions() as db, db.begin():
        await db.execute(update(ConversationSession).values(expires_at=utcnow() - dt.timedelta(minutes=1)))


async def test_an_expired_report_can_be_taken_up_once_where_it_was_left(engine: Engine) -> None:
    resident = await at_location(engine)
    await expire_the_draft(engine)
    await resident.send("halo")
    assert resident.heard("report.expired") and resident.heard("report.ask_resume")
    assert "Motor tetangga" in resident.text
    await resident.send("iya lanjut")
    assert resident.heard("report.ask_location")  # where it was, with its answers
    assert (await draft_of(engine))["description"] == DESCRIPTION
    await expire_the_draft(engine)
    await resident.send("halo")  # expired again: offered again, for this draft
    await resident.send("tidak")
    assert resident.heard("report.resume_dropped") and resident.heard("menu.ask")
    await resident.send("halo")
    assert not resident.heard("report.ask_resume")  # offered once


async def test_the_answer_that_finds_a_report_expired_is_its_answer_when_it_is_taken_up(engine: Engine) -> None:
    resident = await at_location(engine)
    await expire_the_draft(engine)
    await resident.send("kel gedog sananwetan blitar")
    assert resident.heard("report.expired") and resident.heard("report.ask_resume"), resident.text
    await resident.send("iya lanjut")
    assert resident.heard("place.confirm") and "Kel. Gedog" in resident.text, resident.text


@pytest.mark.parametrize("slip", ["maaf salah pencet", "eh kepencet", "maaf pak salah pilih", "sorry wrong one",
                                  "maaf salah, mau lapor lain", "ga sengaja kepencet"])
async def test_a_slip_owned_after_the_kind_is_picked_asks_the_kind_again(engine: Engine, slip: str) -> None:
    """A wrong number tapped and said so is no story: the kind is asked again, and nothing is kept as told."""
    resident = Resident(engine)
    for said in ("halo", "1", "4"):
        await resident.send(said)
    await resident.send(slip)
    assert resident.heard("report.ask_category"), resident.text
    assert "description" not in await draft_of(engine)


@pytest.mark.parametrize("said", ["bukan salah saya pak", "saya yang salah pak", "bukan itu yang salah",
                                  "salah pencet ya pak?", "gak salah ketik pak", "ga sengaja pak"])
async def test_whose_fault_it_is_or_a_question_takes_no_answer_back(engine: Engine, said: str) -> None:
    """Asked where, a resident saying whose fault it was, or asking if they slipped, has taken nothing back."""
    resident = await at(engine, "location")
    await resident.send(said)
    assert not resident.heard("report.ask_description"), resident.text
    assert (await draft_of(engine))["description"] == DESCRIPTION


async def test_a_story_that_starts_with_salah_is_a_story_not_a_correction(engine: Engine) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "4"):
        await resident.send(said)
    await resident.send("Salah paham dengan tetangga soal pagar")
    assert resident.heard("report.ask_location")
    draft = await draft_of(engine)
    assert draft["description"] == "Salah paham dengan tetangga soal pagar" and draft["category"] == "social"


@pytest.mark.parametrize(("fix", "kind"), [
    ("eh salah maksudnya lalu lintas", "traffic"), ("eh salah pak, harusnya narkoba", "drugs"),
    ("eh keliru pak, yg bener lalu lintas", "traffic"), ("maaf salah pencet, maksudnya daerah rawan", "unsafe_place"),
    ("salah pak mestinya persoalan sosial", "social"), ("oops wrong, i meant traffic", "traffic"),
    ("sorry wrong, should be drugs", "drugs"), ("waduh salah pilih pak, harusnya kriminalitas", "security"),
    ("maaf kepencet, yg bener lalu lintas", "traffic"), ("kepencet pak, harusnya narkoba", "drugs"),
])
async def test_a_kind_corrected_where_the_story_is_asked_changes_the_kind_and_asks_the_story(
        engine: Engine, fix: str, kind: str) -> None:
    """A slip owned and the kind meant, where the story is asked: the kind is changed, the story asked again and
    not begun with the correction, as at any other question."""
    resident = await at(engine, "description")
    await resident.send(fix)
    lang = "en" if fix.isascii() and fix.split()[0] in ("oops", "sorry") else "id"
    assert resident.heard("report.changed", lang) and resident.heard("report.ask_description", lang), resident.text
    await resident.send(DESCRIPTION)
    draft = await draft_of(engine)
    assert (draft["category"], draft["description"]) == (kind, DESCRIPTION)


@pytest.mark.parametrize(("fix", "kind"), [
    ("salah, harusnya yg nomor 5", "drugs"), ("eh nomor 3 maksudnya", "traffic"), ("my bad, traffic please", "traffic"),
    ("maaf salah pak harusnya no 4", "social"), ("kepencet, yg bener nomor tiga", "traffic"),
    ("eh yg nomor 2 maksud saya", "unsafe_place"), ("lalu lintas maksudnya pak", "traffic"),
    ("salah, narkoba", "drugs"), ("oops wrong, number 5 please", "drugs"), ("my bad, drugs", "drugs"),
])
async def test_a_kind_corrected_by_its_number_or_without_a_slip_word_changes_the_kind(
        engine: Engine, fix: str, kind: str) -> None:
    """Right after the kind was picked, the kind meant by its number ("harusnya yg nomor 5"), or said to be the one
    meant ("nomor 3 maksudnya"), or after a slip owned in other words ("my bad"): changed, and the story asked."""
    resident = await at(engine, "description")
    await resident.send(fix)
    assert any(resident.heard("report.changed", lang) and resident.heard("report.ask_description", lang)
               for lang in ("id", "en")), resident.text
    await resident.send(DESCRIPTION)
    draft = await draft_of(engine)
    assert (draft["category"], draft["description"]) == (kind, DESCRIPTION)


@pytest.mark.parametrize("step", ["description", "location", "summary"])
@pytest.mark.parametrize(("fix", "lang"), [
    ("my bad, traffic please", "en"), ("oops wrong, i meant traffic", "en"), ("sorry wrong, should be traffic", "en"),
    ("eh salah maksudnya lalu lintas", "id"), ("salah pak, traffic", "id"), ("kepencet, yg bener lalu lintas", "id"),
])
async def test_a_kind_corrected_in_english_is_answered_in_english(engine: Engine, step: str, fix: str,
                                                                  lang: str) -> None:
    """The kind put right in English in a report told in Indonesian: what changed, and the report from there on,
    in English; put right in Indonesian, or with one English word in it, the report stays in Indonesian."""
    resident = await at(engine, step)
    await resident.send(fix)
    assert resident.heard("report.changed", lang), resident.text
    assert resident.heard("language.changed", "en") == (lang == "en"), resident.text
    assert (await draft_of(engine))["category"] == "traffic"
    await resident.send("iya")  # whatever is asked next, it is asked in that language
    assert not any(resident.heard(key, "id" if lang == "en" else "en") for key in (
        "report.ask_location", "report.ask_description", "report.summary", "place.confirm")), resident.text


@pytest.mark.parametrize(("fix", "kind", "story"), [
    ("salah, harusnya pencurian. motor sy dicuri tadi pagi", "security", "motor sy dicuri tadi pagi"),
    ("my bad, it's theft - my bike was stolen", "security", "my bike was stolen"),
    ("Pak, salah ketik. Harusnya pencurian. Motor saya dicuri di pasar", "security", "Motor saya dicuri di pasar"),
    ("eh salah pak, harusnya narkoba! ada yg jual sabu di kos belakang rumah", "drugs",
     "ada yg jual sabu di kos belakang rumah"),
    ("sorry wrong, should be traffic. a truck hit a motorbike at the crossroads", "traffic",
     "a truck hit a motorbike at the crossroads"),
    ("kategorinya salah, harusnya lalu lintas\ntabrakan di perempatan tadi pagi", "traffic",
     "tabrakan di perempatan tadi pagi"),
    # a slip owned, or what was picked denied, with no kind named: the kind the story after it names
    ("salah pak. motor sy dicuri tadi pagi", "security", "motor sy dicuri tadi pagi"),
    ("salah pak, motor sy dicuri tadi pagi", "security", "motor sy dicuri tadi pagi"),
    ("bukan itu. hp sy dijambret", "security", "hp sy dijambret"),
    ("eh keliru! ada yg jual sabu di kos belakang rumah", "drugs", "ada yg jual sabu di kos belakang rumah"),
    ("sorry wrong. my phone was snatched on the street", "security", "my phone was snatched on the street"),
])
async def test_a_kind_corrected_with_the_story_after_it_takes_both(engine: Engine, fix: str, kind: str,
                                                                   story: str) -> None:
    """The kind put right and the story told after it in one message, where the story is asked: the new kind, and
    the story, and the place asked next."""
    resident = Resident(engine)
    for said in ("halo", "1", "5" if kind == "traffic" else "3"):  # another kind picked first
        await resident.send(said)
    await resident.send(fix)
    lang = "en" if fix.isascii() and fix.split()[0] in ("my", "sorry") else "id"
    assert resident.heard("report.changed", lang) and resident.heard("report.ask_location", lang), resident.text
    draft = await draft_of(engine)
    assert (draft["category"], draft["description"]) == (kind, story)


@pytest.mark.parametrize("story", ["salah paham. tetangga marah2 soal pagar rumah sy",
                                   "salah pak, motor sy dicuri tadi pagi di parkiran"])
async def test_a_slip_before_a_story_of_the_kind_picked_or_a_misunderstanding_is_the_story(engine: Engine,
                                                                                        story: str) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "1"):  # security picked
        await resident.send(said)
    await resident.send(story)
    assert not resident.heard("report.changed"), resident.text
    assert (await draft_of(engine))["category"] == "security"


async def test_a_kind_corrected_with_more_of_the_story_later_on_adds_it(engine: Engine) -> None:
    resident = await at(engine, "location")
    await resident.send("salah, harusnya lalu lintas. motornya ditabrak mobil pas mau diambil")
    assert resident.heard("report.changed") and resident.heard("report.story_added"), resident.text
    assert resident.heard("report.ask_location"), resident.text
    draft = await draft_of(engine)
    assert draft["category"] == "traffic"
    assert draft["description"] == f"{DESCRIPTION}\nmotornya ditabrak mobil pas mau diambil"


@pytest.mark.parametrize("story", ["rumah nomor 5 maksudnya dibobol maling td malam",
                                   "salah, harusnya nomor 5 rumahnya yg dibobol",
                                   "salah pilih nomor 2 pak, motor sy dicuri tadi",
                                   "my bad neighbour keeps parking in front of my gate",
                                   "salah paham. tetangga marah2 soal pagar rumah",
                                   "wrong turn - a car hit my bike at the crossroads"])
async def test_a_story_that_says_a_number_or_a_slip_is_the_story(engine: Engine, story: str) -> None:
    resident = await at(engine, "description")
    await resident.send(story)
    assert not resident.heard("report.changed") and not resident.heard("report.changed", "en"), resident.text
    assert (await draft_of(engine))["description"] == story


@pytest.mark.parametrize("step", ["location", "identity"])
@pytest.mark.parametrize("said", ["salah, harusnya yg nomor 5", "eh nomor 3 maksudnya"])
async def test_a_number_meant_away_from_the_kind_question_changes_no_kind(engine: Engine, step: str,
                                                                          said: str) -> None:
    """A number meant at a later question is a house's or an option of that question: the kind stays."""
    resident = await at(engine, step)
    kind = (await draft_of(engine))["category"]
    await resident.send(said)
    assert not resident.heard("report.changed"), resident.text
    assert (await draft_of(engine))["category"] == kind


@pytest.mark.parametrize("when", ["every day", "every night sir", "since last week"])
async def test_an_english_time_at_the_read_back_is_offered_as_no_place(engine: Engine, when: str) -> None:
    """A story read without its place, and the time asked with it: "every day" is no Desa Day to offer."""
    resident = Resident(engine)
    await resident.send("people sell drugs near my house")
    assert resident.heard("report.read_back_ask_when", "en"), resident.text
    await resident.send(when)
    assert not resident.heard("place.pick_one", "en") and not resident.heard("place.pick", "en"), resident.text
    assert not resident.heard("place.confirm", "en") and "Day" not in resident.text, resident.text


@pytest.mark.parametrize("story", ["salah parkir harusnya ditilang pak", "salah pak harusnya lampu merah nyala tp mati",
                                   "eh salah paham sama tetangga, harusnya dibicarakan baik2"])
async def test_a_story_that_says_salah_and_harusnya_is_the_story(engine: Engine, story: str) -> None:
    resident = await at(engine, "description")
    await resident.send(story)
    assert not resident.heard("report.changed") and resident.heard("report.ask_location"), resident.text
    assert (await draft_of(engine))["description"] == story


@pytest.mark.parametrize("story", ["tolong pak suami sy mukulin sy lg", "motor sy dicuri semalam pak",
                                   "ada yg ngintip kamar mandi sy tadi malam"])
@pytest.mark.parametrize("where", ["di rumah", "di rumah pak", "dirumah sy", "dkt tempat kerja sy", "at home",
                                   "rumahku pak", "di rumah mertua sy", "kos2an sy pak", "at my house"])
async def test_a_kind_of_place_at_the_read_back_that_read_none_asks_which_kelurahan(
        engine: Engine, story: str, where: str) -> None:
    """Where the read-back read no place, "di rumah" answers what is missing, as at the place's question: which
    kelurahan is asked, and what was read is kept; not refused as no choice."""
    resident = Resident(engine)
    await resident.send(story)
    assert resident.heard("report.read_back") and "Lokasi: (belum ada)" in resident.text, resident.text
    kind = re.search(r"Kategori: ([^\n]+)", resident.text)
    await resident.send(where)
    lang = "en" if resident.heard("language.changed", "en") else "id"  # "at my house": answered in English
    assert resident.heard("place.ask_which_kelurahan", lang) and not resident.heard("common.not_a_choice", lang), \
        resident.text
    assert await step_of(engine, resident) == "location"
    await resident.send("kel gedog kec sananwetan")
    await resident.send("ya")
    assert resident.heard("report.ask_photo", lang) or resident.heard("report.ask_identity", lang), resident.text
    draft = await draft_of(engine)
    assert draft["place"] == GEDOG and draft.get("when") and kind is not None


@pytest.mark.parametrize("said", ["rumah sy kemalingan", "sy dirumah aja pak takut"])
async def test_more_than_a_kind_of_place_at_the_read_back_is_not_taken_as_the_place(engine: Engine, said: str) -> None:
    resident = Resident(engine)
    await resident.send("tolong pak suami sy mukulin sy lg")
    await resident.send(said)
    assert not resident.heard("place.ask_which_kelurahan"), resident.text


@pytest.mark.parametrize(("where", "place"), [("sananwetan", "Kec. Sananwetan"), ("kec sananwetan", "Kec. Sananwetan"),
                                              ("kel gedog", "Kel. Gedog"), ("di kel rembang", "Kel. Rembang"),
                                              ("gedog sananwetan", "Kel. Gedog")])
async def test_a_place_at_the_time_question_narrows_the_place_and_the_story_keeps_its_time(
        engine: Engine, where: str, place: str) -> None:
    """Kota Blitar taken, then "sananwetan" where the time is asked: the place narrowed (its Polsek, not the
    Polres), asked to be confirmed, and the time the story told is the time, not the place's name."""
    resident = Resident(engine)
    for said in ("halo", "1", "1", "ada yg nyolong ayam sy 3 ekor semalem", "blitar", "kota"):
        await resident.send(said)
    assert resident.heard("report.ask_when"), resident.text
    await resident.send(where)
    assert resident.heard("report.time_noted") and resident.heard("place.confirm") and place in resident.text, \
        resident.text
    await resident.send("ya")
    assert resident.heard("report.ask_photo"), resident.text
    draft = await draft_of(engine)
    assert draft["when"] == {"text": "semalam"} and draft["place"].count(".") >= 2


@pytest.mark.parametrize(("told", "kept"), [("kemarin sore jam 7", "kemarin sore jam 7"),
                                            ("jam 10an malem", "jam 10an malem"),
                                            ("td siang di pasar", "td siang di pasar")])
async def test_a_time_at_the_time_question_after_a_coarse_place_is_the_time(engine: Engine, told: str,
                                                                            kept: str) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "1", "ada yg nyolong ayam sy 3 ekor", "blitar", "kota"):
        await resident.send(said)
    await resident.send(told)
    assert not resident.heard("place.confirm") and resident.heard("report.ask_photo"), resident.text
    assert (await draft_of(engine))["when"] == {"text": kept}


async def test_asked_what_kind_the_resident_may_tell_the_story_or_name_the_incident(engine: Engine) -> None:
    resident = Resident(engine)
    for said in ("halo", "lapor"):
        await resident.send(said)
    await resident.send("motor sy dicuri td pagi di parkiran pasar gedog sananwetan blitar")
    assert resident.heard("report.read_back") and "Kel. Gedog" in resident.text
    await resident.send("batal")
    for said in ("lapor", "hp sy dijambret"):
        await resident.send(said)
    assert resident.heard("report.story_begun_noted") and resident.heard("report.ask_description_more"), resident.text
    assert (await draft_of(engine))["category"] == "security"


@pytest.mark.parametrize("that_is_all", ["udah itu aja pak", "sudah", "cukup", "ok lanjut", "itu saja", "that's all",
                                         "ga ada", "nggak ada pak", "gk ada lagi", "sekian", "nothing else"])
async def test_a_story_begun_where_the_kind_is_asked_may_be_all_there_is(engine: Engine, that_is_all: str) -> None:
    """"motor sy dicuri" answers the kind and begins the story; asked for more, "udah itu aja" keeps it as the whole
    story (it is long enough): the place is asked next, not the story again."""
    resident = Resident(engine, "console:begun")
    for said in ("halo", "1", "motor sy dicuri"):
        await resident.send(said)
    assert resident.heard("report.ask_description_more") and not resident.heard("report.ask_description")
    await resident.send(that_is_all)
    assert resident.heard("report.ask_location") and not resident.heard("report.description_too_short"), \
        resident.text
    assert (await draft_of(engine))["description"] == "motor sy dicuri"


async def test_a_story_begun_too_short_is_still_asked_for_more(engine: Engine) -> None:
    resident = Resident(engine, "console:short")
    for said in ("halo", "1", "rmh sy", "dimaling"):
        await resident.send(said)
    await resident.send("udah")
    assert resident.heard("report.description_too_short") or resident.heard("report.ask_location"), resident.text


async def test_a_story_begun_too_short_is_not_offered_to_end(engine: Engine) -> None:
    """"hp ilang" is too short to be the story: asked for it whole, not told that "sudah" ends it, which it
    cannot."""
    resident = Resident(engine, "console:short")
    for said in ("halo", "1", "hp ilang"):
        await resident.send(said)
    assert resident.heard("report.story_begun_noted") and resident.heard("report.ask_description"), resident.text
    assert not resident.heard("report.ask_description_more")


async def test_a_story_told_in_pieces_where_the_kind_is_asked_keeps_every_piece(engine: Engine) -> None:
    """"rmh sy", then "dimasukin maling" (whose thief picks the kind), then the rest: one story, as told; none of
    its pieces is lost to the kind they answered."""
    resident = Resident(engine, "console:pieces")
    for said in ("pak", "mau lapor", "rmh sy", "dimasukin maling"):
        await resident.send(said)
    assert resident.heard("report.story_begun_noted") and "rmh sy dimasukin maling" in resident.text, resident.text
    await resident.send("tv sm laptop ilang")
    draft = await draft_of(engine)
    assert draft["description"] == "rmh sy\ndimasukin maling\ntv sm laptop ilang" and draft["category"] == "security"


@pytest.mark.parametrize(("said", "lang"), [("ada maling", "id"), ("ada maling pak", "id"), ("ada rampok", "id"),
                                           ("ada begal pak", "id"), ("ada yg nyolong", "id"),
                                           ("there's a thief", "en")])
async def test_someone_said_there_where_the_kind_is_asked_begins_the_story(engine: Engine, said: str,
                                                                          lang: str) -> None:
    """"ada maling" names the kind and tells what happened: the story begins with it, and what follows goes on."""
    resident = Resident(engine, "console:there")
    for message in ("lapor", said):
        await resident.send(message)
    assert resident.heard("report.story_begun_noted", lang), resident.text
    await resident.send("motornya dibawa kabur" if lang == "id" else "he took my motorbike")
    draft = await draft_of(engine)
    assert draft["description"].startswith(f"{said}\n") and draft["category"] == "security", draft


@pytest.mark.parametrize("kind", ["narkoba pak", "soal lalu lintas", "2", "gangguan keamanan", "maling",
                                  "maling pak", "soal maling", "yg rampok aja"])
async def test_a_kind_named_where_it_is_asked_begins_no_story(engine: Engine, kind: str) -> None:
    resident = Resident(engine, "console:kind")
    for said in ("lapor", kind):
        await resident.send(said)
    assert resident.heard("report.ask_description") and not resident.heard("report.story_begun_noted")
    assert "story_begun" not in await draft_of(engine)


ASKED_AT = {"category": "report.ask_category", "description": "report.ask_description",
            "location": "report.ask_location", "place_check": "place.confirm", "place_pick": "place.pick",
            "when": "report.ask_when", "photo": "report.ask_photo", "identity": "report.ask_identity",
            "summary": "report.summary"}


ASIDES = [
    ("nama sy keliatan gak?", "menu.privacy"),
    ("makasih banyak pak", "report.aside_thanks"),
    ("🙏", "report.aside_thanks"),
    ("terus gimana ini", "report.aside_how"),
    ("what now", "report.aside_how"),
    ("no polisi brp pak", "report.aside_police_number"),
    ("selamat pagi bu", "report.already_started"),
    ("😭", "report.aside_distress"),
    ("😭🙏🏾", "report.aside_distress"),
    ("kapan polisi datang?", "menu.response"),
    ("apa polisi bakal nelpon sy?", "menu.contact"),
    ("yg baca laporan ini siapa ya?", "menu.who"),
]
# The first aside at every step, each other at three steps spread over them: every step meets several kinds,
# every kind several steps, at two fifths of the cost of each at each.
_STEPS_ASKED = list(ASKED_AT)
ASIDE_AT_STEPS = [(step, said, answer) for i, (said, answer) in enumerate(ASIDES)
                  for step in (_STEPS_ASKED if i == 0 else
                               [_STEPS_ASKED[(i + 3 * k) % len(_STEPS_ASKED)] for k in range(3)])]


@pytest.mark.parametrize(("step", "feeling"), [("when", "😡😡😡"), ("photo", "😤😤😤"), ("identity", "🥺🥺🥺"),
                                             ("summary", "😠😠 😡")])
async def test_emoji_alone_are_never_added_to_the_story(engine: Engine, step: str, feeling: str) -> None:
    """A feeling sent as emoji tells officers nothing to act on: the story stays as told, the question stands."""
    resident = await at(engine, step)
    before = (await draft_of(engine))["description"]
    await resident.send(feeling)
    assert not resident.heard("report.story_added") and resident.heard(ASKED_AT[step]), resident.text
    assert (await draft_of(engine))["description"] == before


@pytest.mark.parametrize(("step", "said", "answer"), ASIDE_AT_STEPS)
async def test_an_aside_in_the_middle_of_a_report_is_answered_and_the_question_asked_again(
        engine: Engine, step: str, said: str, answer: str) -> None:
    resident = await at(engine, step)
    before = await draft_of(engine)
    await resident.send(said)
    assert resident.heard(answer) and resident.heard(ASKED_AT[step]), resident.text
    assert not resident.heard("common.not_a_choice") and not resident.heard("emergency.call_110")
    assert await step_of(engine, resident) == step
    assert await draft_of(engine) == before


# Two questions of the service in one message, each answered in turn.
TWO_QUESTIONS = [("gratis gk pak? trus nanti sy ditelpon polisi?", "id", ("menu.cost", "menu.contact")),
                 ("is this free? and will the police call me?", "en", ("menu.cost", "menu.contact")),
                 ("ini gratis kan pak, terus bakal diproses berapa lama?", "id", ("menu.cost", "menu.response")),
                 ("how long does it take? and is it free?", "en", ("menu.response", "menu.cost"))]


def _said_in_order(resident: Resident, keys: tuple[str, ...], lang: str) -> bool:
    said = [next((i for i, reply in enumerate(resident.replies)
                  if matches(reply.text, as_seen_from(resident.urn, lang, key), lang)), -1) for key in keys]
    return -1 not in said and said == sorted(said)


@pytest.mark.parametrize(("asked", "lang", "answers"), TWO_QUESTIONS)
async def test_two_questions_at_the_menu_are_each_answered(engine: Engine, asked: str, lang: str,
                                                           answers: tuple[str, ...]) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send(asked)
    assert _said_in_order(resident, answers, lang), resident.text
    assert await step_of(engine, resident) == "menu"


@pytest.mark.parametrize("step", ["description", "location", "photo", "summary"])
@pytest.mark.parametrize(("asked", "lang", "answers"), TWO_QUESTIONS[:2])
async def test_two_questions_in_a_report_are_each_answered_and_the_question_asked_again(
        engine: Engine, step: str, asked: str, lang: str, answers: tuple[str, ...]) -> None:
    resident = await at(engine, step)
    before = await draft_of(engine)
    await resident.send(asked)
    # an English question where the report goes on in Indonesian is answered in the report's language
    assert any(_said_in_order(resident, answers, said_in) and resident.heard(ASKED_AT[step], said_in)
               for said_in in {lang, "id"}), resident.text
    assert await step_of(engine, resident) == step
    assert await draft_of(engine) == before


@pytest.mark.parametrize(("said", "heard", "not_heard"), [
    ("gratis gk pak?", "menu.cost", "menu.contact"),  # one question, one answer
    ("apa bedanya rahasia dan anonim?", "menu.identity_options", "menu.cost"),
    ("motor sy dicuri di parkiran pasar, gratis gk?", "report.ask_location", "menu.contact"),  # the story goes on
])
async def test_one_question_or_a_story_with_one_is_not_answered_twice(engine: Engine, said: str, heard: str,
                                                                       not_heard: str) -> None:
    resident = await at(engine, "description")
    await resident.send(said)
    assert resident.heard(heard) and not resident.heard(not_heard), resident.text


async def test_a_thank_you_at_the_description_is_no_description_but_a_story_with_one_is(engine: Engine) -> None:
    resident = await at(engine, "description")
    await resident.send("terima kasih banyak pak")
    assert resident.heard("report.aside_thanks") and "description" not in await draft_of(engine)
    story = "Terima kasih pak, mau lapor motor saya dibawa kabur orang dari parkiran masjid"
    await resident.send(story)
    assert resident.heard("report.ask_location") and not resident.heard("report.aside_thanks")
    assert (await draft_of(engine))["description"] == story


async def test_a_yes_with_thanks_at_a_yes_no_question_is_the_yes(engine: Engine) -> None:
    resident = await at(engine, "place_check")
    await resident.send("iya makasih pak")
    assert resident.heard("report.ask_when") and not resident.heard("report.aside_thanks")
    assert (await draft_of(engine))["place"] == GEDOG


@pytest.mark.parametrize("step", ["location", "when", "identity"])
async def test_a_cry_in_the_middle_of_a_report_is_still_heard(engine: Engine, step: str) -> None:
    resident = await at(engine, step)
    await resident.send("tolong pak ada yang bawa golok ngamuk")
    assert resident.replies[0].text.startswith("🚨") and not resident.heard("report.aside_thanks")
    assert (await draft_of(engine))["urgent"] is True


@pytest.mark.parametrize(("story", "place"), [
    ("motor sy ilang di sentul", "Kel. Sentul"),
    ("motor sy ilang di rembang", "Kel. Rembang"),
    ("td subuh ada yg ngerusak pager rumah sy, di tanggung", "Kel. Tanggung"),
    ("tlg pak ada org bawa celurit ngamuk di warung bu sri jl. mastrip sentul, skrg masih disitu", "Kel. Sentul"),
])
async def test_a_kelurahan_whose_name_is_also_a_word_is_read_where_said_as_a_place(engine: Engine, story: str,
                                                                                   place: str) -> None:
    """"sentul" is a fruit and "tanggung" a word of every day; after "di" they are the kelurahan near (after the
    street and the shop the story tells it with)."""
    resident = Resident(engine, "console:place")
    await resident.send(story)
    assert re.search(rf"Lokasi: (warung bu sri jl\. mastrip, )?{place}, Kec\.", resident.text), resident.text


@pytest.mark.parametrize(("story", "offered"), [("motor sy dicuri di jl kaliurang km 5 sleman", "Kab. Sleman"),
                                               ("hp sy dijambret di jl kaliurang sleman", "Kab. Sleman")])
async def test_a_kab_kota_a_story_ends_with_is_offered_though_a_village_shares_its_name(engine: Engine, story: str,
                                                                                     offered: str) -> None:
    """Not certain, as a desa elsewhere has the name too: offered after a yes, rather than "where was it?"."""
    resident = Resident(engine, "console:kabkota")
    await resident.send(story)
    assert "Kami baca dari pesan Anda" in resident.text and "Lokasi: (belum ada)" not in resident.text, resident.text
    await resident.send("ya, kemarin")
    assert offered in resident.options(), resident.text


@pytest.mark.parametrize(("story", "place"), [("td ada kebakaran di pasar kliwon kudus", "Kab. Kudus"),
                                             ("ada tawuran pelajar di alun2 garut kmrn", "Kab. Garut"),
                                             ("hp sy dicopet di alun alun batu td siang", "Kota Batu"),
                                             ("motor sy ilang di parkiran stasiun malang kota", "Kota Malang")])
async def test_a_kab_kota_after_a_town_s_landmark_is_read_back_though_a_village_shares_its_name(
        engine: Engine, story: str, place: str) -> None:
    """The alun-alun, market or station of Garut is of Kab. Garut, not of a Desa Garut of Aceh or Banten."""
    resident = Resident(engine, "console:landmark")
    await resident.send(story)
    assert read_back_at(resident.text, f"{place}\n"), resident.text


@pytest.mark.parametrize("story", [
    "Cucu saya dibawa pergi bapaknya, padahal hak asuh di ibunya. Sudah 2 hari tidak ada kabar.",
    "anak sy main di rumah temennya sudah 3 hari gk pulang",
])
async def test_a_word_that_names_a_village_far_off_is_no_place_after_a_sentence_ends(engine: Engine,
                                                                                   story: str) -> None:
    """"Sudah" is a desa of Bojonegoro, which a shipped station covers; told after a full stop, or before a
    number of days, it is the everyday word, and where it happened is asked rather than read."""
    resident = Resident(engine, "console:sudah")
    await resident.send(story)
    assert "Sudah, Kec." not in resident.text and not (await draft_of(engine)).get("place"), resident.text


@pytest.mark.parametrize(("story", "place"), [
    ("motor sy ilang di jl sudanco supriyadi bendogerit", "Kel. Bendogerit"),
    ("hp sy dijambret td pagi di jln mastrip sentul", "Kel. Sentul"),
    ("tas sy dicuri di gg melati, sananwetan", "Kec. Sananwetan"),
])
async def test_a_place_read_unsure_in_the_story_asked_for_is_offered(engine: Engine, story: str, place: str) -> None:
    """Where the story is asked, a place the reader reads but not with confidence is offered as it is when the story
    comes first, rather than "where was it?" asked plainly. The street is kept as the place typed, as a person
    taking the report writes it beside the village, and stays in the story as the resident wrote it."""
    resident = await at(engine, "description")
    await resident.send(story)
    assert not resident.heard("report.ask_location") and place in resident.text, resident.text
    await resident.send("ya")
    draft = await draft_of(engine)
    assert draft.get("place") and story in draft["description"], draft
    assert draft["location_text"] in {"jl sudanco supriyadi", "jln mastrip", "gg melati"}, draft


@pytest.mark.parametrize(("fix", "when"), [("bukan, wktunya tadi pagi jam 7an", "tadi pagi jam 7an"),
                                         ("eh salah, bukan kemarin tapi tadi pagi", "tadi pagi"),
                                         ("bukan pak, kejadiannya td subuh", "tadi subuh")])
async def test_a_no_to_the_time_read_with_the_time_meant_keeps_the_rest(engine: Engine, fix: str, when: str) -> None:
    """Only the time was read wrong: the kind and the place read stand, and the time is the one meant."""
    resident = Resident(engine, "console:fix")
    await resident.send("hp sy dijambret kemarin di jl. merdeka depan toko mas, kepanjenkidul")
    await resident.send(fix)
    assert resident.heard("report.ask_photo") and not resident.heard("report.ask_category"), resident.text
    draft = await draft_of(engine)
    assert draft["when"] == {"text": when} and draft["category"] == "security" and draft.get("place"), draft


@pytest.mark.parametrize(("back", "cry"), [("pak org nya dateng lagi skrg, lg di depan pintu!!", True),
                                         ("dia balik lagi sekarang pak, masih di luar", True),
                                         ("orgnya dateng lagi kemarin sore, tp udh pergi", False),
                                         ("sekarang motornya udah balik lagi pak, ketemu", False)])
async def test_the_one_a_break_in_tells_of_back_now_is_a_cry_in_the_middle_of_it(engine: Engine, back: str,
                                                                                  cry: bool) -> None:
    resident = Resident(engine, "console:back")
    await resident.send("semalem ada maling nyoba masuk rumah sy lwt pintu dapur, di klampok sananwetan")
    await resident.send("iya")
    assert resident.heard("report.ask_photo"), resident.text
    await resident.send(back)
    assert resident.heard("emergency.call_110") == cry, resident.text
    assert bool((await draft_of(engine)).get("urgent")) is cry


@pytest.mark.parametrize(("yes", "when"), [("iya bener, kemarin malam", "kemarin malam"),
                                         ("ya, bukan hari ini", "Sebelum hari ini"),
                                         ("ya tp bukan tadi, kmrn sore", "kemarin sore")])
async def test_a_story_without_a_time_is_asked_it_with_the_read_back_and_filed_in_five(engine: Engine, yes: str,
                                                                                       when: str) -> None:
    resident = Resident(engine, "console:story")
    story = "kotak amal musholla dicongkel orang, kel gedog kec sananwetan blitar"
    await resident.send(story)
    assert resident.heard("report.read_back_ask_when") and "Kel. Gedog" in resident.text, resident.text
    await resident.send(yes)
    assert resident.heard("report.ask_photo"), resident.text  # the time is not asked again
    for said in ("ga ada", "rahasia", "kirim"):
        await resident.send(said)
    [report] = await reports(engine)
    assert report.village_code == GEDOG and report.description == story
    assert report.occurred_text == when


@pytest.mark.parametrize("story", ["rumah tetangga sy kebakaran pak, di kel gedog sananwetan blitar",
                                   "ada mayat di pinggir sungai kel gedog kec sananwetan"])
async def test_a_cry_that_names_no_crime_is_read_back_as_an_emergency(engine: Engine, story: str) -> None:
    resident = Resident(engine)
    await resident.send(story)
    assert resident.replies[0].text.startswith("🚨"), resident.text
    assert resident.heard("report.read_back_ask_when") and "Darurat" in resident.text, resident.text


async def test_a_cry_of_fire_names_the_fire_brigade_beside_110(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("tolong pak rumah tetangga kebakaran, apinya besar")
    alarm = resident.replies[0].text
    assert resident.heard("emergency.call_110") and "110" in alarm and "113" in alarm, resident.text
    assert "119" not in alarm and "123" not in alarm, "no one is said to be hurt, no wire down"


@pytest.mark.parametrize(("yes", "kept"), [("iya, tiap malem pak", "tiap malem pak"),
                                           ("yes, every night", "every night")])
async def test_a_yes_with_a_time_of_its_own_at_the_read_back_keeps_that_time(engine: Engine, yes: str,
                                                                             kept: str) -> None:
    resident = Resident(engine, "console:story")
    await resident.send("kotak amal musholla dicongkel orang, kel gedog kec sananwetan blitar")
    assert resident.heard("report.read_back_ask_when"), resident.text
    await resident.send(yes)
    assert resident.heard("report.ask_photo"), resident.text
    assert (await draft_of(engine))["when"] == {"text": kept}


@pytest.mark.parametrize(("story", "time"), [
    ("ada anak2 mabuk di pos ronda hampir tiap sore, kel gedog kec sananwetan blitar", "Waktu: hampir tiap sore"),
    ("drunk guys hang around the guard post, i see it most afternoons. kel gedog kec sananwetan blitar",
     "Time: most afternoons"),
    ("kids race their motorbikes on the main road most evenings, kel gedog kec sananwetan blitar",
     "Time: most evenings"),
    ("some guy just pulled a knife on me at the market, kel gedog kec sananwetan blitar", "Time: just now"),
    ("my bike was just stolen from the mosque parking lot, kel gedog kec sananwetan blitar", "Time: just now"),
])
async def test_a_habits_time_of_day_and_just_are_read_as_the_time(engine: Engine, story: str, time: str) -> None:
    resident = Resident(engine, "console:story")
    await resident.send(story)
    assert time in resident.text, resident.text


@pytest.mark.parametrize(("story", "told"), [
    ("barusan hp sy dijambret di pasar legi, kel gedog kec sananwetan blitar", "barusan"),
    ("hp sy baru aja dijambret di pasar legi, kel gedog kec sananwetan blitar", "barusan"),
    ("sy baru kecopetan di angkot, kel gedog kec sananwetan blitar", "barusan"),
    ("my bike was just stolen from the mosque parking lot, kel gedog kec sananwetan blitar", "just now"),
    ("just now someone snatched my bag at the market, kel gedog kec sananwetan blitar", "just now"),
])
async def test_a_story_of_just_now_is_todays_in_its_words_at_this_hour(engine: Engine, story: str,
                                                                        told: str) -> None:
    """"barusan", "baru aja dijambret", "just now" and "just stolen" are one sense: over, today, this hour; the time
    is not asked again."""
    resident = Resident(engine, "console:story")
    await resident.send(story)
    english = told == "just now"
    for said in ("yes" if english else "ya", "skip" if english else "lewati", "2", "kirim"):
        await resident.send(said)
    assert not resident.heard("report.ask_when", "en" if english else "id"), resident.text
    [report] = await reports(engine)
    assert report.occurred_text == told
    assert report.occurred_hour == report.created_at.astimezone(ZoneInfo("Asia/Jakarta")).hour


async def test_a_fight_told_in_english_is_read_as_security_and_crime(engine: Engine) -> None:
    resident = Resident(engine, "console:story")
    await resident.send("some blokes were fighting outside the pub last night, kel gedog kec sananwetan blitar")
    assert "Category: Security & crime" in resident.text, resident.text


@pytest.mark.parametrize("story", [
    "i just wanted to ask, my bike was stolen at the market, kel gedog kec sananwetan blitar",
    "I had just parked my bike at the market when it was stolen, kel gedog kec sananwetan blitar",
    "most people here are scared of the gang at the market, kel gedog kec sananwetan blitar",
])
async def test_just_or_most_beside_no_deed_nor_part_of_the_day_is_no_time(engine: Engine, story: str) -> None:
    resident = Resident(engine, "console:story")
    await resident.send(story)
    assert "Time: (not given)" in resident.text, resident.text


async def test_a_yes_with_a_question_of_the_service_at_the_read_back_is_answered_and_taken(engine: Engine) -> None:
    resident = Resident(engine, "console:story")
    await resident.send("motor sy dicuri td malam di depan rumah, kel gedog sananwetan")
    assert resident.heard("report.read_back"), resident.text
    await resident.send("iya bener, tp ini bakal diurus beneran kan?")
    assert resident.heard("menu.response") and resident.heard("report.ask_photo"), resident.text
    assert not resident.heard("report.read_back"), "the read-back is not asked again"


@pytest.mark.parametrize(("said", "answer"), [("kirim aja pak, tp ini gratis kan?", "menu.cost"),
                                              ("ya kirim, habis itu gmn? sy hrs ke polsek gk?", "menu.after_report")])
async def test_a_send_with_a_question_of_the_service_at_the_summary_is_answered_and_sent(engine: Engine, said: str,
                                                                                         answer: str) -> None:
    resident = await at(engine, "summary")
    await resident.send(said)
    assert resident.heard(answer) and resident.heard("report.submitted"), resident.text
    assert len(await reports(engine)) == 1


LONG_STORY = ("kemarin malam sekitar jam sebelas ada dua orang pakai motor matic warna hitam datang ke depan rumah "
              "tetangga saya lalu mencuri helm dan jaket yang digantung di teras kemudian kabur ke arah utara, saya "
              "sempat teriak tapi mereka sudah jauh. kejadiannya di kelurahan bendogerit")


@pytest.mark.parametrize(("story", "code", "label"), [
    ("motor saya dicuri tadi pagi di parkiran kel bendogerit", "35.72.03.1007",
     "Kel. Bendogerit, Kec. Sananwetan, Kota Blitar"),
    ("hp saya dijambret orang naik motor tadi siang di ds wijimulyo", "34.01.10.2003",
     "Desa Wijimulyo, Kec. Nanggulan, Kab. Kulon Progo"),
    ("helm sy dicolong di parkiran masjid tadi, kelurahan bendogerit kec sananwetan", "35.72.03.1007",
     "Kel. Bendogerit, Kec. Sananwetan, Kota Blitar"),
    (LONG_STORY, "35.72.03.1007", "Kel. Bendogerit, Kec. Sananwetan, Kota Blitar"),  # named after word 40
])
async def test_the_kelurahan_a_story_names_is_read_back_and_filed(engine: Engine, story: str, code: str,
                                                                  label: str) -> None:
    """A story that names its place by the kelurahan or desa alone ("kel. X", "ds X") kept it only when the
    kecamatan or kota came with it; now it is read back to confirm with the rest, and a yes files it there."""
    resident = Resident(engine, "console:story")
    await resident.send(story)
    assert read_back_at(resident.text, label), resident.text
    yes = "iya bener" if resident.heard("report.read_back") else "iya bener, tadi"  # with the time, if not told
    for said in (yes, "ga ada", "rahasia aja", "kirim"):
        await resident.send(said)
    assert resident.heard("report.submitted"), resident.text
    [report] = await reports(engine)
    assert report.village_code == code and report.description == story


async def test_a_story_naming_a_desa_many_places_share_asks_which_after_the_yes(engine: Engine) -> None:
    resident = Resident(engine, "console:story")
    await resident.send("ada yang jual sabu di kos2an tiap malam, desa sidomulyo")
    assert "Lokasi: Sidomulyo (ada beberapa tempat bernama ini" in resident.text, resident.text
    await resident.send("iya bener, kemarin")
    assert resident.heard("place.pick"), resident.text  # the places of that name, not "where did it happen?"
    options = resident.options()
    assert len(options) == 4 and all("Sidomulyo" in option for option in options[:3])
    await resident.send("1")
    assert resident.heard("report.ask_photo"), resident.text  # the time was given with the yes
    for said in ("ga ada", "rahasia aja", "kirim"):
        await resident.send(said)
    [report] = await reports(engine)
    assert report.category == Category.DRUGS and report.occurred_text == "kemarin", "the day in their words"
    assert regions().get(report.village_code).name == "Sidomulyo"


@pytest.mark.parametrize("which", ["yg jawa timur", "yang di jatim pak", "bojonegoro", "yg kab bojonegoro"])
async def test_a_place_offered_is_picked_by_the_area_it_lies_in(engine: Engine, which: str) -> None:
    """Karangmangu is a desa of Bojonegoro and of Jawa Barat and Jawa Tengah: one offered lies in Jawa Timur."""
    resident = Resident(engine)
    for said in ("halo", "1", "1", "motor sy dicuri td malam di parkiran", "karangmangu"):
        await resident.send(said)
    options = resident.options()
    assert resident.heard("place.pick") and "Kab. Bojonegoro" in options[0] and "Bojonegoro" not in options[1]
    await resident.send(which)
    draft = await draft_of(engine)
    assert regions().full_name(draft["place"]).endswith("Kabupaten Bojonegoro, Jawa Timur"), resident.text


@pytest.mark.parametrize("village", ["jatimulyo", "kel jatimulyo", "jatimulyo pak"])
async def test_a_village_typed_instead_of_a_pick_is_looked_for_in_the_places_offered(engine: Engine,
                                                                                     village: str) -> None:
    """Kab. Malang or Kota Malang offered, then "jatimulyo": of twenty, the one in Kota Malang is put alone, not the
    desa of Bojonegoro the stations cover."""
    resident = Resident(engine)
    for said in ("halo", "1", "1", "motor sy dicuri td malam di parkiran", "malang"):
        await resident.send(said)
    assert resident.heard("place.pick") and "Kota Malang" in resident.options(), resident.text
    await resident.send(village)
    assert resident.text == "Maksud Anda Kel. Jatimulyo, Kec. Lowokwaru, Kota Malang?", resident.text
    await resident.send("ya")
    assert (await draft_of(engine))["place"] == "35.73.05.1007"


async def test_a_village_typed_at_the_pick_that_two_places_offered_hold_is_asked_between_them(
        engine: Engine) -> None:
    """"pandansari" after Kab. and Kota Malang were offered: Kab. Malang holds two (Ngantang, Poncokusumo), so
    which one is asked, where one was put alone as if it were the only one; and it is not looked for there again
    once the place is read anew."""
    resident = Resident(engine)
    for said in ("halo", "1", "1", "motor sy dicuri td malam di parkiran", "malang", "pandansari"):
        await resident.send(said)
    assert resident.heard("place.pick"), resident.text
    assert {"Kec. Ngantang" in option or "Kec. Poncokusumo" in option for option in resident.options()[:2]} == {True}
    assert "offered_before" not in await draft_of(engine)


@pytest.mark.parametrize("area", ["yg di jatim", "yang jawa timur pak"])
async def test_an_area_all_the_places_offered_lie_in_asks_which_of_them(engine: Engine, area: str) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "1", "motor sy dicuri td malam di parkiran", "sukorejo"):
        await resident.send(said)
    offered = resident.options()
    assert resident.heard("place.pick") and all("Blitar" in o or "Bojonegoro" in o for o in offered[:3]), offered
    await resident.send(area)
    assert resident.heard("place.which_one") and resident.options() == offered, resident.text  # no Kec. Jati
    assert "place" not in await draft_of(engine)


@pytest.mark.parametrize(("which", "kind"), [("kota", "Kota Blitar"), ("yg kota pak", "Kota Blitar"),
                                             ("kotamadya aja", "Kota Blitar"), ("the city one", "Kota Blitar"),
                                             ("kabupaten", "Kabupaten Blitar"), ("yang kab", "Kabupaten Blitar"),
                                             ("kab blitar aja", "Kabupaten Blitar"), ("regency", "Kabupaten Blitar")])
async def test_of_a_kota_and_a_kabupaten_of_one_name_the_kind_said_picks(engine: Engine, which: str,
                                                                          kind: str) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "1", "motor sy dicuri td malam di parkiran", "blitar"):
        await resident.send(said)
    assert resident.heard("place.pick") and resident.options()[:2] == ["Kota Blitar", "Kab. Blitar"], resident.text
    await resident.send(which)
    assert not resident.heard("common.not_a_choice"), resident.text
    assert regions().full_name((await draft_of(engine))["place"]).startswith(kind)


@pytest.mark.parametrize("unclear", ["bukan kota", "kota atau kab ya", "kota malang"])
async def test_a_kind_denied_or_both_or_another_picks_neither_place(engine: Engine, unclear: str) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "1", "motor sy dicuri td malam di parkiran", "blitar"):
        await resident.send(said)
    await resident.send(unclear)
    assert "place" not in await draft_of(engine) or "Blitar" not in regions().full_name(
        (await draft_of(engine))["place"]), resident.text


async def test_a_yes_to_several_places_puts_the_one_a_station_here_covers(engine: Engine) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "1", "motor sy dicuri td malam di parkiran", "karangtengah"):
        await resident.send(said)
    assert resident.heard("place.pick") and len(resident.options()) > 2, resident.text
    await resident.send("iya")
    assert resident.heard("place.confirm") and "Kel. Karangtengah, Kec. Sananwetan" in resident.text, resident.text
    await resident.send("ya")
    assert (await draft_of(engine))["place"] == "35.72.03.1006"


async def test_a_yes_to_several_places_none_near_asks_which(engine: Engine) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "1", "motor sy dicuri td malam di parkiran", "suko rejo"):
        await resident.send(said)
    assert resident.heard("place.pick"), resident.text
    await resident.send("iya")
    assert resident.heard("place.which_one") and not resident.heard("common.not_a_choice"), resident.text


@pytest.mark.parametrize("more", ["isinya ktp sim atm sm uang 300rb",
                                  "gk ada yg luka kok pak, cuma lecet dikit, udh damai",
                                  "orgnya ngaku petugas pln"])
async def test_more_of_the_story_at_the_place_question_is_no_place_read_in_passing(engine: Engine, more: str) -> None:
    """"ktp" is Kab. Ketapang's chat alias, "damai" a kecamatan: words of the story, not where."""
    resident = Resident(engine)
    for said in ("halo", "1", "1", "dompet sy dicopet pas di pasar", more):
        await resident.send(said)
    assert resident.heard("report.story_added") and resident.heard("report.ask_location"), resident.text
    draft = await draft_of(engine)
    assert more in draft["description"] and "location_text" not in draft


@pytest.mark.parametrize("thing", ["motornya honda beat merah", "motornya beat merah pak", "hp samsung a50 warna item",
                                   "mio hitam", "yg diambil fino putih sama iphone 11"])
async def test_the_make_or_model_of_what_was_taken_is_no_place(engine: Engine, thing: str) -> None:
    """"beat" is a typo away from Kec. Belat, "mio" and "fino" name villages: the thing taken, told at the place
    question, is more of the story."""
    resident = Resident(engine)
    for said in ("halo", "1", "1", "motor sy dicuri di depan rumah td malam", thing):
        await resident.send(said)
    assert resident.heard("report.story_added") and resident.heard("report.ask_location"), resident.text
    assert thing in (await draft_of(engine))["description"]


@pytest.mark.parametrize(("place", "read"), [("di dealer honda kel gedog", "Kel. Gedog"),
                                             ("desa mio amanuban selatan", "Desa Mio, Kec. Amanuban Selatan")])
async def test_a_make_beside_a_place_leaves_the_place(engine: Engine, place: str, read: str) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "1", "motor sy dicuri td malam", place):
        await resident.send(said)
    assert resident.heard("place.confirm") and read in resident.text, resident.text


async def test_a_kelurahan_marked_beside_other_words_is_put_alone(engine: Engine) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "1", "dompet sy dicopet", "kos nya di jl. ciliwung no 12 rt 3 rw 2 kel bendogerit"):
        await resident.send(said)
    assert resident.heard("place.confirm") and "Kel. Bendogerit" in resident.text, "not Desa Nya of \"kos nya\""


@pytest.mark.parametrize("place", ["balikpapan selatan, kel. damai", "kel damai balikpapan selatan",
                                   "di kec balikpapan selatan kel damai"])
async def test_a_kelurahan_marked_beside_a_kecamatan_it_is_not_in_is_asked(engine: Engine, place: str) -> None:
    """Kel. Damai is of Kec. Balikpapan Kota: the reader asks which, and the step put Kel. Damai alone."""
    resident = Resident(engine)
    for said in ("halo", "1", "1", "dompet sy dicopet", place):
        await resident.send(said)
    assert resident.heard("place.pick") and not resident.heard("place.confirm"), resident.text
    assert set(resident.options()[:2]) == {"Kel. Damai, Kec. Balikpapan Kota, Kota Balikpapan",
                                           "Kec. Balikpapan Selatan, Kota Balikpapan"}, resident.options()


async def test_a_story_naming_a_kelurahan_beside_a_kecamatan_it_is_not_in_asks_which(engine: Engine) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "motor sy dicuri tadi malam di parkiran balikpapan selatan, kel. damai"):
        await resident.send(said)
    assert read_back_at(resident.text, "Damai / Balikpapan Selatan ("), resident.text
    await resident.send("1")
    assert resident.heard("place.pick") and resident.options()[0].startswith("Kel. Damai, Kec. Balikpapan Kota")


async def test_a_category_corrected_with_a_reason_takes_the_category_named(engine: Engine) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "1", "motor sy ditabrak org trs kabur",
                 "Maaf pak salah kategori, harusnya lalu lintas soalnya pas di jalan"):
        await resident.send(said)
    assert (await draft_of(engine))["category"] == "traffic"
    assert "Baik, kategori sudah diubah." in resident.text, resident.text


@pytest.mark.parametrize(("story", "urgent"), [("pak ada yg tenggelam di sungai brantas!! anak kecil", True),
                                               ("motor sy dicuri td malam di parkiran pasar gedog sananwetan", False)])
async def test_haste_urged_mid_report_is_answered_and_the_question_asked_again(engine: Engine, story: str,
                                                                              urgent: bool) -> None:
    resident = Resident(engine)
    await resident.send(story)
    await resident.send("cepet pak")
    assert resident.heard("report.haste_urgent" if urgent else "report.haste"), resident.text
    assert not resident.heard("common.not_a_choice") and await step_of(engine, resident) == "read_back"


_CALLED_HERE = ["pak kamari cepet", "tolong ksini pak", "pak polisi kemari", "cepetan ke sini pak",
                "sini pak cepet", "please come here", "come here quickly please"]


@pytest.mark.parametrize("called", _CALLED_HERE)
async def test_the_police_called_to_come_at_the_menu_get_110_and_an_urgent_report(engine: Engine,
                                                                                   called: str) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send(called)
    lang = "en" if "come" in called else "id"
    assert resident.heard("emergency.call_110", lang) and resident.heard("report.ask_category", lang), resident.text
    assert (await draft_of(engine)).get("urgent") and "description" not in await draft_of(engine), "no story yet"


@pytest.mark.parametrize("called", _CALLED_HERE)
async def test_the_police_called_to_come_mid_report_are_answered_as_haste(engine: Engine, called: str) -> None:
    resident = await at(engine, "location")
    await resident.send(called)
    assert resident.heard("report.haste") or resident.heard("report.haste", "en"), resident.text
    assert await step_of(engine, resident) == "location" and "place" not in await draft_of(engine)
    assert "kamari" not in (await draft_of(engine))["description"], "no time, no more of the story"


@pytest.mark.parametrize("said", ["kamari sore jam 5", "kamari aya maling di imah", "main kesini yuk",
                                  "kapan polisi kesini?"])
async def test_yesterday_in_sundanese_and_come_here_in_a_sentence_are_no_call(engine: Engine, said: str) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send(said)
    assert not resident.heard("emergency.call_110"), resident.text


async def test_an_area_none_offered_lies_in_is_read_with_the_name_typed(engine: Engine) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "1", "motor sy dicuri td malam di parkiran", "sidomulyo", "yg jawa barat"):
        await resident.send(said)
    assert resident.heard("place.pick_one") and "Kab. Pangandaran" in resident.options()[0], \
        "the one Sidomulyo of Jawa Barat, not Desa Jawa of Aceh"


async def test_everyday_words_in_a_story_are_no_place_read_back(engine: Engine) -> None:
    """Desa Golok, Desa Pintu and Desa Aman exist; a story of a machete at the door names none of them."""
    resident = Resident(engine, "console:story")
    await resident.send("tetangga ngamuk bawa golok, pintu rumah saya dibacok, sekarang belum aman")
    assert "Lokasi: (belum ada)" in resident.text, resident.text
    resident = Resident(engine, "console:another")
    await resident.send("tetangga ngamuk bawa golok, pintu rumah saya dibacok, kel klampok kec sananwetan")
    assert "Lokasi: Kel. Klampok, Kec. Sananwetan, Kota Blitar" in resident.text, resident.text


@pytest.mark.parametrize("story", [
    "motor sy dicuri di gedog, sy tinggal di sekar bojonegoro",
    "sy warga desa sekar bojonegoro, kmrn pas mudik ke blitar motor sy dicuri di parkiran pasar kel gedog",
    "sy dr desa sekar bojonegoro, td pas lewat kel gedog hp sy dijambret",
    "hp sy dijambret td pagi di kel gedog, sy kerja di desa sekar",
    "rumah sy di gedog sananwetan kemalingan td malam",  # the home is where it happened
    "ada kecelakaan kerja di pabrik kel gedog, korbannya dibawa ke rs di bendogerit",  # work, not the resident's
    "motor sy dicuri di gedog, sy tinggal di sekar, bojonegoro",
    "motor sy dicuri di gedog sananwetan, sy aslinya org sekar bojonegoro",
    "motor sy dicuri di gedog sananwetan, rumah sy di sekar bojonegoro",  # the home's place alone: an address
])
async def test_the_place_read_from_a_story_is_the_incidents_not_where_the_resident_lives(
        engine: Engine, story: str) -> None:
    resident = Resident(engine)
    await resident.send(story)
    assert read_back_at(resident.text, "Kel. Gedog, Kec. Sananwetan, Kota Blitar"), resident.text


@pytest.mark.parametrize("correction", ["ya tp bukan di gedog, di pasar bendogerit",
                                        "lokasinya bukan gedog tp bendogerit", "bukan di gedog tp di bendogerit",
                                        "bkn di gedog tp di bendogerit", "gk di gedog pak tp di bendogerit",
                                        "salah pak, di bendogerit", "iya benar pak tapi bukan di gedog, di bendogerit",
                                        "iya benar pak, cuma lokasinya bukan di gedog tp di bendogerit",
                                        "eh salah, bukan di gedog tp di bendogerit",
                                        "salah pak, bukan di gedog, di bendogerit",
                                        "maaf keliru, bukan gedog tapi bendogerit"])
async def test_the_place_read_denied_by_name_at_the_read_back_is_replaced_and_the_rest_kept(
        engine: Engine, correction: str) -> None:
    resident = Resident(engine)
    await resident.send("motor sy dicuri td malam di parkiran pasar gedog sananwetan")
    await resident.send(correction)
    offered = [choice.label for reply in resident.replies for choice in reply.choices]
    # put alone to confirm (the Bendogerit beside the Gedog read), or among others
    assert "Kel. Bendogerit" in resident.text or any("Kel. Bendogerit" in label for label in offered), offered
    assert not any("Kel. Gedog" in label for label in offered), offered
    draft = await draft_of(engine)
    assert draft["category"] == "security" and draft["when"] == {"text": "tadi malam"}, draft


async def test_a_place_put_right_at_the_read_back_is_looked_for_beside_the_one_read(engine: Engine) -> None:
    """Plosokerep is a kelurahan of Kec. Sananwetan, as Gedog is, and a desa in Jombang and in Indramayu: the one
    beside the place read is put alone."""
    resident = Resident(engine)
    await resident.send("hp sy dijambret td siang di depan toko sumber rejeki gedog")
    await resident.send("eh salah, bukan di gedog tp di plosokerep")
    assert resident.heard("place.confirm") and "Kel. Plosokerep, Kec. Sananwetan" in resident.text, resident.text


@pytest.mark.parametrize(("typed", "offered"), [("sekar", "Kec. Sekar"), ("gedog", "Kel. Gedog")])
async def test_a_place_typed_alone_where_the_read_back_read_none_is_the_place(engine: Engine, typed: str,
                                                                            offered: str) -> None:
    resident = Resident(engine)
    await resident.send("hp sy dicopet td pagi pas di angkot")
    assert "Lokasi: (belum ada)" in resident.text, resident.text
    await resident.send(typed)
    assert any(offered in choice.label for reply in resident.replies for choice in reply.choices), resident.text
    assert (await draft_of(engine))["when"] == {"text": "tadi pagi"}, "the rest read holds"


async def test_a_place_denied_in_a_message_that_tells_more_is_still_replaced(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("motor sy dicuri td malam di parkiran pasar gedog sananwetan")
    await resident.send("bukan di gedog tp di bendogerit, kejadiannya kemarin sore bukan td malam")
    offered = [choice.label for reply in resident.replies for choice in reply.choices]
    assert "Kel. Bendogerit" in resident.text or any("Kel. Bendogerit" in label for label in offered), \
        (resident.text, offered)


async def test_a_place_denied_with_no_other_named_reads_no_place_from_the_rest(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("motor sy dicuri td malam di parkiran pasar gedog sananwetan")
    await resident.send("bukan gedog, motor sy yg dicuri honda beat")
    offered = [choice.label for reply in resident.replies for choice in reply.choices]
    assert not any("Belat" in label for label in offered), offered


@pytest.mark.parametrize(("story", "yes", "when"), [
    ("hp sy dicopet td pagi di pasar gedog sananwetan", "iya tp bukan td pagi, kmrn malem", "kemarin malam"),
    ("hp sy dicopet td pagi di pasar gedog sananwetan", "iya tp bukan td pagi kmrn malem", "kemarin malam"),
    ("hp sy dicopet td pagi di pasar gedog sananwetan", "iya, bukan tadi pagi tapi kemarin malam", "kemarin malam"),
    ("hp sy dicopet td pagi di pasar gedog sananwetan", "iya, bukan hari ini tp kemarin sore", "kemarin sore"),
    ("hp sy dicopet kemarin sore jam 5 di pasar gedog sananwetan", "iya bener tp bukan jam 5, jam 7 malam",
     "kemarin, jam 7 malam"),  # the day stands, its hour and part of the day do not
    ("hp sy dicopet kemarin jam 12 siang di pasar gedog sananwetan", "iya bener, tp bukan siang, jam 7 malem",
     "kemarin, jam 7 malam"),
    ("hp sy dicopet kemarin jam 12 siang di pasar gedog sananwetan", "iya benar, sekitar jam 7 malam",
     "kemarin sekitar jam 7 malam"),  # another hour told with a yes is the hour meant
    ("hp sy dicopet kemarin sore jam 5 di pasar gedog sananwetan", "iya benar, sekitar jam 6",
     "kemarin sore sekitar jam 6"),
])
async def test_a_time_read_denied_at_the_read_back_gives_way_to_the_one_meant(engine: Engine, story: str, yes: str,
                                                                             when: str) -> None:
    resident = Resident(engine)
    await resident.send(story)
    await resident.send(yes)
    assert (await draft_of(engine))["when"] == {"text": when}, resident.text


async def test_a_time_told_before_the_story_is_corrected_at_the_read_back(engine: Engine) -> None:
    resident = Resident(engine)
    for said in ("halo", "di pasar gedog sananwetan td siang", "ya", "motor sy dicuri orang di parkiran pasar"):
        await resident.send(said)
    await resident.send("iya bener tp bukan jam 12, jam 7 malam")
    assert not resident.heard("common.error") and (await draft_of(engine))["when"] == {"text": "jam 7 malam"}, \
        resident.text


async def test_a_choice_of_the_read_back_typed_as_its_label_is_that_choice(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("motor sy dicuri di parkiran pasar gedog sananwetan")
    await resident.send("ya, tadi (hari ini)")
    assert (await draft_of(engine))["when"] == {"choice": "today"}, resident.text


async def test_a_theft_told_after_a_time_told_as_over_raises_no_cry(engine: Engine) -> None:
    resident = Resident(engine)
    for said in ("pak", "sy mau lapor", "kmrn mlm"):
        await resident.send(said)
    assert (await draft_of(engine)).get("when") == {"text": "kmrn mlm"}, resident.text
    await resident.send("rumah sy dimasukin maling")
    assert not resident.heard("emergency.call_110") and not (await draft_of(engine)).get("urgent"), resident.text


@pytest.mark.parametrize(("first", "theft", "when"), [
    ("rumah sy", "dimasukin maling", "tadi malem"),
    ("rumah sy", "ada maling masuk rumah", "kemarin sore"),
    ("warung sy pak", "dimasukin maling", "td subuh sekitar jam 3"),
])
async def test_a_theft_told_in_pieces_is_urgent_no_more_once_its_time_is_past(engine: Engine, first: str,
                                                                             theft: str, when: str) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", first, theft):
        await resident.send(said)
    assert resident.heard("emergency.call_110") and (await draft_of(engine)).get("urgent"), resident.text
    await resident.send(when)
    assert not (await draft_of(engine)).get("urgent"), resident.text
    for said in ("sudah", "gedog sananwetan blitar", "ya", "lewati", "2"):
        await resident.send(said)
    assert resident.heard("report.summary") and "MENDESAK" not in resident.text, resident.text
    await resident.send("kirim")
    [report] = await reports(engine)
    assert not report.urgent


@pytest.mark.parametrize("picked", ["2", "3"])
async def test_a_theft_told_in_pieces_is_urgent_no_more_once_a_past_time_is_picked(engine: Engine,
                                                                                 picked: str) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "rumah sy", "dimasukin maling", "sudah", "gedog sananwetan blitar", "ya"):
        await resident.send(said)
    assert resident.heard("report.ask_when") and (await draft_of(engine)).get("urgent"), resident.text
    await resident.send(picked)
    assert not (await draft_of(engine)).get("urgent"), resident.text
    for said in ("lewati", "2"):
        await resident.send(said)
    assert resident.heard("report.summary") and "MENDESAK" not in resident.text, resident.text


async def test_a_theft_picked_as_going_on_stays_urgent(engine: Engine) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "rumah sy", "dimasukin maling", "sudah", "gedog sananwetan blitar", "ya", "1"):
        await resident.send(said)
    assert (await draft_of(engine)).get("urgent"), resident.text


async def test_a_theft_told_at_the_menu_is_urgent_no_more_once_its_time_is_past(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("rumah sy dimasukin maling")
    assert resident.heard("emergency.call_110") and (await draft_of(engine)).get("urgent"), resident.text
    await resident.send("ya, tadi malem")
    assert not (await draft_of(engine)).get("urgent"), resident.text


@pytest.mark.parametrize(("category", "between", "when"), [
    ("7", [], "tadi malem"),  # Darurat picked
    ("1", ["cepet pak"], "tadi malem"),  # haste urged
    ("1", ["ini mendesak pak"], "tadi malem"),  # urgency said
    ("1", ["malingnya bawa golok"], "tadi malem"),  # another danger told
    ("1", ["malingnya masih di dalam"], "tadi malem"),
    ("1", [], "skrg"),  # the time told is now
])
async def test_a_theft_stays_urgent_with_darurat_urgency_another_danger_or_now(engine: Engine, category: str,
                                                                              between: list[str], when: str) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", category, "dimasukin maling", *between, when):
        await resident.send(said)
    assert (await draft_of(engine)).get("urgent"), resident.text


@pytest.mark.parametrize("danger", [
    "eh dia balik lagi bawa parang",
    "pak malingnya dateng lagi bawa golok",
    "malingnya balik lagi pak",
    "eh orgnya balik lg, skrg di depan pintu",
    "pak dia dateng lagi, sy takut",
    "tolong pak orgnya dateng lagi",
])
@pytest.mark.parametrize("step", ["story", "place"])
async def test_a_danger_told_after_a_theft_made_past_is_a_cry_and_urgent_again(engine: Engine, danger: str,
                                                                              step: str) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "rumah sy", "dimasukin maling", "tadi malem"):
        await resident.send(said)
    assert not (await draft_of(engine)).get("urgent"), resident.text
    if step == "place":
        await resident.send("sudah")
    await resident.send(danger)
    assert resident.heard("emergency.call_110") and (await draft_of(engine)).get("urgent"), resident.text
    for said in ("sudah", "gedog sananwetan blitar", "ya", "lewati", "2", "kirim")[step == "place":]:
        await resident.send(said)
    [report] = await reports(engine)
    assert report.urgent, resident.text


@pytest.mark.parametrize("when", ["tadi malem", "kemarin sore", "3"])
async def test_darurat_picked_for_a_theft_stays_darurat_and_urgent_once_its_time_is_past(engine: Engine,
                                                                                       when: str) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "7", "dimasukin maling", "sudah", "gedog sananwetan blitar", "ya", when):
        await resident.send(said)
    draft = await draft_of(engine)
    assert draft.get("urgent") and draft.get("category") == Category.EMERGENCY, resident.text


@pytest.mark.parametrize("cry", ["suami sy lagi ngamuk bawa pisau", "ada yg mau loncat dr jembatan",
                                 "rumah tetangga kebakaran", "tolong pak 😭", "malingnya masih di dalam rumah",
                                 "anak sy jg blm pulang dr kmrn, gk bisa dihubungi"])
async def test_any_other_danger_after_a_time_told_as_over_is_still_a_cry(engine: Engine, cry: str) -> None:
    resident = Resident(engine)
    for said in ("pak", "sy mau lapor", "td pagi"):
        await resident.send(said)
    await resident.send(cry)
    assert resident.heard("emergency.call_110"), resident.text


@pytest.mark.parametrize("story", [
    "sy tinggal di gedog sananwetan, rumah sy kemalingan td malam, malingnya kabur ke arah bendogerit",
    "rumah sy di gedog kemalingan td malam, malingnya kabur ke arah bendogerit",
    "rumah saya di gedog dimasuki maling td subuh, motornya dibawa kabur ke bendogerit",
])
async def test_a_story_at_the_residents_home_is_not_read_from_where_the_thief_fled(engine: Engine, story: str) -> None:
    resident = Resident(engine)
    await resident.send(story)
    assert "Gedog" in resident.text and "Bendogerit" not in resident.text, resident.text


@pytest.mark.parametrize("call", ["pak??", "bu??", "mas"])
async def test_a_call_at_the_read_back_confirms_nothing(engine: Engine, call: str) -> None:
    resident = Resident(engine)
    await resident.send("motor sy dicuri td malam di parkiran pasar gedog sananwetan")
    await resident.send(call)
    assert resident.heard("common.not_a_choice") and not resident.heard("report.ask_photo"), resident.text
    assert "read" in await draft_of(engine), "what was read still waits for a yes"


async def test_the_time_asked_with_the_read_back_takes_a_button_a_plain_yes_or_a_no(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("motor sy dibawa kabur maling di parkiran gedog sananwetan blitar")
    await resident.send(button="today")
    assert resident.heard("report.ask_photo")
    assert (await draft_of(engine))["when"] == {"choice": "today"}
    await resident.send("batal")
    await resident.send("motor sy dibawa kabur maling di parkiran gedog sananwetan blitar")
    await resident.send("iya")
    assert resident.heard("report.ask_when"), "a yes without the time is asked it, as the read-back said"
    assert "when" not in await draft_of(engine)
    await resident.send("batal")
    await resident.send("motor sy dibawa kabur maling di parkiran gedog sananwetan blitar")
    await resident.send("bukan, kemarin")
    assert resident.heard("report.ask_category")  # a no stays a no, whatever follows it
    assert "when" not in await draft_of(engine)


async def test_a_thank_you_leaves_an_officers_question_waiting_for_the_answer(engine: Engine) -> None:
    petugas = await enrolled(engine, "console:petugas")
    warga, ref = await file_report(engine)
    await petugas.send(f"INFO {ref} Motornya warna apa?")
    assert petugas.heard("officer.done.info"), petugas.text
    await warga.send("makasih pak 🙏")
    assert warga.heard("menu.thanks") and not warga.heard("relay.answer_sent")
    await warga.send("ok pak sebentar sy cek dulu")
    assert warga.heard("relay.answer_awaited") and ref in warga.text and not warga.heard("relay.answer_sent")
    await warga.send("Merah, ada stiker di spakbor")
    assert warga.heard("relay.answer_sent")


@pytest.mark.parametrize("status", ["STATUS", "cek status", "2"])
async def test_the_answer_after_looking_at_the_status_reaches_the_officer(engine: Engine, status: str) -> None:
    petugas = await enrolled(engine, "console:petugas")
    warga, ref = await file_report(engine)
    await petugas.send(f"INFO {ref} Helmnya ada stiker atau ciri khusus?")
    await warga.send(status)
    await warga.send("ada stiker honda di belakang, jam 5an sore")
    assert warga.heard("relay.answer_sent") and not warga.heard("status.ref_not_recognised"), warga.text


async def test_a_forgotten_reference_after_looking_at_the_status_is_no_answer(engine: Engine) -> None:
    petugas = await enrolled(engine, "console:petugas")
    warga, ref = await file_report(engine)
    await petugas.send(f"INFO {ref} Helmnya ada stiker atau ciri khusus?")
    await warga.send("STATUS")
    await warga.send("sy lupa nomornya pak")
    assert not warga.heard("relay.answer_sent"), warga.text


@pytest.mark.parametrize("mistyped", ["LP-7KX4-9Q", "7kx4 9qm"])
async def test_a_reference_mistyped_after_looking_at_the_status_is_no_answer(engine: Engine, mistyped: str) -> None:
    petugas = await enrolled(engine, "console:petugas")
    warga, ref = await file_report(engine)
    await petugas.send(f"INFO {ref} Helmnya ada stiker atau ciri khusus?")
    await warga.send("STATUS")
    await warga.send(mistyped)
    assert warga.heard("status.ref_not_recognised") and not warga.heard("relay.answer_sent"), warga.text


@pytest.mark.parametrize("answer", ["iya saya tunggu pak", "saya mau lapor pak, motornya merah ada stiker"])
async def test_an_answer_that_sounds_like_waiting_or_reporting_is_passed_on(engine: Engine, answer: str) -> None:
    petugas = await enrolled(engine, "console:petugas")
    warga, ref = await file_report(engine)
    await petugas.send(f"INFO {ref} Bisa tunggu di lokasi? Motornya warna apa?")
    await warga.send(answer)
    assert warga.heard("relay.answer_sent"), warga.text


async def test_a_wish_to_report_something_else_is_no_answer_to_an_officers_question(engine: Engine) -> None:
    petugas = await enrolled(engine, "console:petugas")
    warga, ref = await file_report(engine)
    await petugas.send(f"INFO {ref} Motornya warna apa?")
    await warga.send("sy mau lapor yg lain pak")
    assert not warga.heard("relay.answer_sent"), warga.text
    assert warga.heard("report.ask_category") or warga.heard("report.ask_description"), "a report is begun"
    await warga.send("batal")
    await warga.send("Merah, ada stiker di spakbor")
    assert warga.heard("relay.answer_sent"), "the question still waits for its answer"


SHARED_PLACE_STORY = "kabel listrik menjuntai di jalan desa sidomulyo, bahaya buat anak2"  # no category, no time


async def test_a_story_without_a_category_asks_it_after_the_place_is_picked(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send(SHARED_PLACE_STORY)
    await resident.send("iya, kemarin")
    assert resident.heard("place.pick"), resident.text
    await resident.send("1")
    assert resident.heard("report.ask_category"), resident.text  # never the summary without a category
    await resident.send("lainnya")
    assert resident.heard("report.ask_photo"), resident.text


@pytest.mark.parametrize(("fix", "kept"), [
    ("waktunya salah, harusnya 3 hari yg lalu", {"occurred_text": "3 hari yg lalu"}),
    ("eh salah, maksudnya narkoba", {"category": Category.DRUGS}),
    ("kategorinya salah, harusnya lalu lintas", {"category": Category.TRAFFIC}),
    ("ceritanya salah, harusnya kabel telepon putus melintang di jalan", {
        "description": "kabel telepon putus melintang di jalan"}),
])
async def test_a_correction_while_the_places_are_offered_asks_which_place_again(
        engine: Engine, fix: str, kept: dict) -> None:
    """The places sharing the story's name are open to pick from: a correction of another answer is taken, and
    the same places are offered again; the place picked and the rest still missing follow, nothing dropped."""
    resident = Resident(engine)
    await resident.send(SHARED_PLACE_STORY)
    await resident.send("ya")
    offered = resident.options()
    await resident.send(fix)
    assert resident.heard("place.pick") and resident.options() == offered, resident.text
    await resident.send("2")
    if resident.heard("report.ask_category"):
        await resident.send("lainnya")
    await another_incident(resident)
    if "occurred_text" not in kept:  # a yes with no time was asked it
        assert resident.heard("report.ask_when"), resident.text
        await resident.send("tadi")
    assert resident.heard("report.ask_photo"), resident.text
    for said in ("ga ada", "rahasia aja"):
        await resident.send(said)
    assert resident.heard("report.summary") and offered[1] in resident.text, resident.text
    await resident.send("kirim")
    [report] = await reports(engine)
    assert regions().get(report.village_code).name == "Sidomulyo"
    for field, value in kept.items():
        assert getattr(report, field) == value


async def test_the_time_asked_again_while_the_places_are_offered_comes_back_to_them(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("ada yang jual sabu di kos2an tiap malam, desa sidomulyo")
    await resident.send("ya")
    await resident.send("ubah waktu")
    assert resident.heard("report.ask_when"), resident.text
    await resident.send("minggu lalu")
    assert resident.heard("place.pick"), resident.text
    await resident.send("1")
    assert resident.heard("report.ask_photo"), resident.text
    assert (await draft_of(engine))["when"] == {"text": "minggu lalu"}


async def test_a_correction_while_a_place_waits_for_its_yes_asks_the_yes_again(engine: Engine) -> None:
    resident = await at_location(engine)
    await resident.send("gedog sananwetan blitar")
    assert resident.heard("place.confirm")
    await resident.send("waktunya salah, harusnya jumat malam")
    assert resident.heard("report.changed") and resident.heard("place.confirm"), resident.text
    await resident.send("iya")
    assert resident.heard("report.ask_photo"), resident.text  # the time is there already
    for said in ("ga ada", "rahasia aja", "kirim"):
        await resident.send(said)
    [report] = await reports(engine)
    assert report.village_code == GEDOG and report.occurred_text == "jumat malam"


async def test_a_place_changed_from_the_summary_is_not_dropped_by_a_correction_of_the_time(engine: Engine) -> None:
    resident = Resident(engine)
    await walk_to_summary(resident)
    await resident.send("ubah")
    await resident.send("lokasi")
    await resident.send("desa sidomulyo")
    assert resident.heard("place.pick"), resident.text
    await resident.send("waktunya salah, harusnya kemarin malam")
    assert resident.heard("place.pick"), resident.text
    await resident.send("3")
    assert resident.heard("report.summary") and "Waktu: kemarin malam" in resident.text, resident.text
    assert "Sidomulyo" in resident.text


async def test_an_english_correction_of_the_time_at_the_read_back_replaces_what_was_read(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("my motorbike was stolen this morning at the parking lot in gedog sananwetan blitar")
    assert resident.heard("report.read_back", "en"), resident.text
    await resident.send("the time is wrong, it was yesterday evening")
    assert resident.heard("report.read_back", "en") and "yesterday evening" in resident.text, resident.text


async def test_a_name_is_taken_without_its_introduction_and_no_answer_of_identity_is_a_name(engine: Engine) -> None:
    resident = await at(engine, "when")
    for message in ("tadi", "lewati", "dengan nama"):
        await resident.send(message)
    assert resident.heard("report.ask_name"), resident.text
    await resident.send("dgn nama")
    assert resident.heard("report.name_invalid"), resident.text
    await resident.send("harus nama asli ya pak?")
    assert resident.heard("report.name_invalid"), "a question is no name"
    await resident.send("nama saya Budi Santoso")
    assert resident.heard("report.summary") and "Identitas: Dengan nama (Budi Santoso)" in resident.text, resident.text


@pytest.mark.parametrize(("said", "shown"), [("anonim aja", "Anonim"), ("ganti jadi anonim aja", "Anonim"),
                                             ("eh gak jadi pake nama, anonim aja", "Anonim"),
                                             ("rahasia aja pak, jangan pake nama", "Rahasia"),
                                             ("rahasia pak. dengan nama bahaya", "Rahasia"),
                                             # the name taken off, no other way named: Rahasia
                                             ("eh gak usah pake nama deh", "Rahasia"),
                                             ("jangan pake nama sy pak", "Rahasia"),
                                             ("don't show my name", "Rahasia")])
async def test_how_to_be_known_is_changed_in_own_words_at_the_summary(engine: Engine, said: str, shown: str) -> None:
    resident = await at(engine, "when")
    for message in ("tadi", "mboten", "pake nama aja gpp", "Budi"):
        await resident.send(message)
    assert resident.heard("report.summary") and "Identitas: Dengan nama (Budi)" in resident.text, resident.text
    await resident.send(said)
    assert resident.heard("report.summary") and f"Identitas: {shown}" in resident.text, resident.text


@pytest.mark.parametrize(("step", "said", "then"), [
    ("category", "dua", "report.ask_description"),  # a number said as a word
    ("identity", "rahasiakan nggih", "report.summary"),
    ("photo", "ora ono", "report.ask_identity"),
])
async def test_answers_in_everyday_words_are_taken(engine: Engine, step: str, said: str, then: str) -> None:
    resident = await at(engine, step)
    await resident.send(said)
    assert resident.heard(then), resident.text


async def test_a_slip_owned_before_the_time_is_no_part_of_the_story(engine: Engine) -> None:
    resident = await at(engine, "when")
    before = (await draft_of(engine))["description"]
    await resident.send("eh salah, kemarin sore")
    draft = await draft_of(engine)
    assert draft["description"] == before and draft["when"] == {"text": "kemarin sore"}, draft


async def test_danger_told_where_the_time_is_asked_goes_to_the_story_with_its_time(engine: Engine) -> None:
    """The one who stole comes back while the resident is asked when: the knife reaches the officers in the story,
    and the time is now, not those words."""
    resident = await at(engine, "when")
    await resident.send("orgnya balik lg pak, skrg dia bawa pisau ngancem sy")
    assert resident.heard("emergency.call_110") and resident.heard("report.ask_photo"), resident.text
    draft = await draft_of(engine)
    assert "bawa pisau ngancem" in draft["description"] and draft["when"] == {"choice": "now"}, draft


@pytest.mark.parametrize(("said", "shown"), [("tadi subuh", "Waktu: tadi subuh"), ("tadi pak", "Waktu: Tadi, hari ini"),
                                            ("2", "Waktu: Tadi, hari ini"), ("lewati", "Waktu: Tidak disebutkan"),
                                            ("ga tau pak", "Waktu: Tidak disebutkan"),
                                            ("bukan, kemarin sore", "Waktu: kemarin sore"),
                                            ("bukan kemarin, tadi pagi", "Waktu: tadi pagi"),
                                            ("maaf salah ketik, kemarin sore", "Waktu: kemarin sore"),
                                            ("kemarin sore, eh bukan, tadi pagi", "Waktu: tadi pagi"),
                                            ("kemarin habis sholat isya sekitar jam 8",
                                             "Waktu: kemarin habis sholat isya sekitar jam 8")])
async def test_a_time_typed_with_more_than_a_choice_is_kept_in_the_residents_words(
        engine: Engine, said: str, shown: str) -> None:
    resident = await at(engine, "when")
    for message in (said, "ga ada", "rahasia aja"):
        await resident.send(message)
    assert resident.heard("report.summary") and shown in resident.text, resident.text


@pytest.mark.parametrize("unknown", ["gatau y", "lupa bro", "ga inget wkwk", "gatau y pak hehe", "udh lupa",
                                     "kurang tau pastinya", "dunno lol"])
async def test_slang_for_not_knowing_when_is_shown_as_no_time_and_kept_out_of_the_story(engine: Engine,
                                                                                        unknown: str) -> None:
    resident = await at(engine, "when")
    before = (await draft_of(engine))["description"]
    await resident.send(unknown)
    assert resident.heard("report.ask_photo") and not resident.heard("report.story_added"), resident.text
    assert await draft_of(engine) == {**await draft_of(engine), "description": before}
    for message in ("ga ada", "rahasia aja"):
        await resident.send(message)
    assert "Waktu: Tidak disebutkan" in resident.text and unknown not in resident.text, resident.text


@pytest.mark.parametrize("unknown", ["gatau", "ga tau pak", "gatau y", "lupa"])
async def test_not_knowing_at_the_read_back_keeps_what_was_read_and_leaves_out_what_is_missing(engine: Engine,
                                                                                               unknown: str) -> None:
    resident = Resident(engine)
    await resident.send("hp sy kecopetan di bus td siang")  # no place read
    await resident.send(unknown)
    draft = await draft_of(engine)
    assert not resident.heard("report.ask_category") and draft["category"] == Category.SECURITY.value, resident.text
    assert draft["when"] == {"text": "tadi siang"} and draft["place_unknown"] is True
    resident = Resident(engine, "console:warga2")
    await resident.send("ada yg mabok teriak2 di kel gedog blitar")  # no time read
    await resident.send(unknown)
    assert resident.heard("report.ask_photo") and not resident.heard("report.ask_category"), resident.text


@pytest.mark.parametrize("bare", ["ok", "ok deh", "iya pak", "sip", "y"])
async def test_a_bare_yes_where_no_time_was_told_is_no_time(engine: Engine, bare: str) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "1", "motor sy dicuri di depan rumah", PLACE, "ya"):
        await resident.send(said)
    assert resident.heard("report.ask_when") and not resident.heard("report.when_told"), resident.text
    await resident.send(bare)
    assert resident.heard("report.when_invalid") and resident.heard("report.ask_when"), resident.text
    assert "when" not in await draft_of(engine)
    await resident.send("iya, kemarin sore")
    assert (await draft_of(engine))["when"] == {"text": "kemarin sore"}


@pytest.mark.parametrize("asked_back", ["kapan?", "kapan ini?", "kapan sih", "kapan ya?", "kapan maksudnya",
                                        "kapan kejadiannya pak?"])
async def test_when_asked_back_at_the_when_question_is_no_time_not_given(engine: Engine, asked_back: str) -> None:
    resident = await at(engine, "when")
    await resident.send(asked_back)
    assert resident.heard("report.when_asked_back") and resident.heard("report.ask_when"), resident.text
    assert not resident.heard("report.ask_photo") and await step_of(engine, resident) == "when", resident.text
    assert "when" not in await draft_of(engine)


@pytest.mark.parametrize("chosen", ["maksudnya anonim aja pak", "i mean anonymous"])
async def test_a_choice_said_with_i_mean_is_taken_not_explained(engine: Engine, chosen: str) -> None:
    resident = await at(engine, "identity")
    await resident.send(chosen)
    assert not resident.heard("menu.identity_options") and not resident.heard("menu.identity_options", "en")
    assert await step_of(engine, resident) != "identity", resident.text


@pytest.mark.parametrize(("story", "told"), [("bisa lapor tetangga sy yg nyuri motor?", "nyuri motor"),
                                             ("bisa lapor tetangga sy jualan narkoba?", "narkoba")])
async def test_a_neighbours_crime_asked_whether_it_may_be_reported_is_kept_as_the_story(engine: Engine, story: str,
                                                                                      told: str) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send(story)
    assert resident.heard("report.read_back_ask_when"), resident.text
    assert told in (await draft_of(engine))["description"]


@pytest.mark.parametrize(("fix", "shown"), [
    ("waktunya salah, harusnya kemarin sore", "Waktu: kemarin sore"),
    ("eh salah, maksudnya narkoba", "Kategori: Narkoba"),
])
async def test_a_correction_at_the_read_back_replaces_what_was_read(engine: Engine, fix: str, shown: str) -> None:
    """What was read from the story is shown again with the corrected answer in its place, and a yes keeps the
    correction, not the reading."""
    resident = Resident(engine)
    await resident.send("motor sy dicuri tadi pagi di parkiran gedog sananwetan blitar")
    await resident.send(fix)
    assert resident.heard("report.read_back") and shown in resident.text, resident.text
    await resident.send("iya")
    await another_incident(resident)
    for said in ("ga ada", "rahasia aja"):
        await resident.send(said)
    assert resident.heard("report.summary") and shown in resident.text, resident.text


@pytest.mark.parametrize("said", ["tapi bukan kemarin", "dan tolong dirahasiakan ya", "tapi itu benar semua pak",
                                  "terus laporan saya diproses kapan", "also can I send a photo?"])
async def test_an_answer_at_the_read_back_is_not_added_to_the_story(engine: Engine, said: str) -> None:
    resident = Resident(engine)
    await resident.send("td malem ada org mabuk2an di pos ronda kel gedog sananwetan blitar")
    await resident.send(said)
    assert not resident.heard("report.story_added"), resident.text


async def test_answers_to_later_questions_said_with_the_yes_are_kept_for_them(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("motor sy dicuri di parkiran pasar gedog sananwetan blitar")
    await resident.send("iya bener, td pagi jam 6an, ga ada foto, rahasia aja")
    assert resident.heard("report.summary"), "the photo and the identity are not asked again"
    await resident.send("kirim")
    [report] = await reports(engine)
    assert (report.village_code, report.identity, report.occurred_text) == (
        GEDOG, Identity.CONFIDENTIAL, "tadi pagi jam 6an")


async def test_a_place_sent_before_the_story_starts_the_report_with_it(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send("di gedog sananwetan blitar pak")
    assert resident.heard("place.confirm") and "Kel. Gedog" in resident.text, resident.text
    for said in ("ya", "1", "motor saya dicuri di depan rumah tadi malam", "iya", "lewati", "2", "kirim"):
        await resident.send(said)
    [report] = await reports(engine)
    assert (report.village_code, report.occurred_text) == (GEDOG, "tadi malam")


async def test_which_station_is_asked_in_a_report_its_station_is_named(engine: Engine) -> None:
    resident = await at_location(engine)
    await resident.send(PLACE)
    await resident.send("ya")
    await resident.send("ini langsung ke polsek mana pak?")
    assert resident.heard("report.aside_station") and "Polsek Sananwetan" in resident.text, resident.text
    assert resident.heard("report.ask_when"), "the open question is asked again"


@pytest.mark.parametrize(("when", "hour"), [
    ("tadi malam jam 11", 23), ("1", None), ("kemarin", None),
    # a formal clock, its minutes after a point and its zone after it: the hour, and the words whole as the time
    ("pukul 21.00 WIB", 21), ("jam 21.00 WITA", 21), ("pkl 9.30 pagi", 9), ("kemarin pukul 14.30 wib", 14),
    ("abt 9 tonight", 21), ("around 10 last night", 22), ("abt 7 this morning", 7),
    # just now, as "Sedang terjadi": the hour it was told in
    ("barusan", None), ("just now", None), ("barusan pak", None),
])
async def test_the_hour_it_happened_is_kept_for_the_patrol_priorities(engine: Engine, when: str,
                                                                      hour: int | None) -> None:
    resident = await at_location(engine)
    for said in (PLACE, "ya", when, "lewati", "2", "kirim"):
        await resident.send(said)
    [report] = await reports(engine)
    if hour is None and when in ("1", "barusan", "just now", "barusan pak"):  # the hour it was told in, there
        hour = report.created_at.astimezone(ZoneInfo("Asia/Jakarta")).hour
    assert report.occurred_hour == hour
    assert report.occurred_text == (when if when != "1" else report.occurred_text), "the words whole, none to the story"
    assert report.description == DESCRIPTION


@pytest.mark.parametrize("when", ["around 9", "sekitar jam 9an", "kira2 jam 9", "jam 9"])
async def test_an_hour_told_alone_today_is_the_last_such_hour_come(engine: Engine, when: str) -> None:
    resident = await at_location(engine)
    for said in (PLACE, "ya", when, "lewati", "2", "kirim"):
        await resident.send(said)
    [report] = await reports(engine)
    told_at = report.created_at.astimezone(ZoneInfo("Asia/Jakarta")).hour
    assert report.occurred_hour == (9 if 9 <= told_at < 21 else 21), "9 in the morning by day, 21 by night"


@pytest.mark.parametrize(("story", "when"), [
    ("tadi malam sy mimpi motor sy dicuri, terus pagi ini motor sy ilang dari depan rumah di kel gedog sananwetan",
     "Waktu: pagi ini"),
    ("tadi malam motor sy dicuri pas sy lagi mimpi, dari depan rumah di kel gedog sananwetan", "Waktu: tadi malam"),
])
async def test_a_dreams_time_is_not_read_back_as_the_incidents(engine: Engine, story: str, when: str) -> None:
    resident = Resident(engine)
    await resident.send(story)
    assert when in resident.text, resident.text


async def test_a_full_stop_after_an_hour_still_ends_its_clause(engine: Engine) -> None:
    resident = await at_location(engine)
    for said in (PLACE, "ya", "jam 9 malam. pelakunya 2 orang pake motor", "lewati", "2", "kirim"):
        await resident.send(said)
    [report] = await reports(engine)
    assert (report.occurred_text, report.occurred_hour) == ("jam 9 malam", 21)
    assert "pelakunya 2 orang pake motor" in report.description


FORMAL = ("Selamat siang Bapak. Saya hendak melaporkan kehilangan sepeda motor Honda Supra di halaman rumah saya di "
          "Kelurahan Gedog, Kecamatan Sananwetan, Kota Blitar pada hari Kamis tanggal 3 Desember.")
FORMAL_STORY = FORMAL.removeprefix("Selamat siang Bapak. Saya hendak melaporkan ")  # as officers read it


async def test_a_formal_yes_that_adds_the_hour_keeps_it_with_the_day(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send(FORMAL)
    await resident.send("Benar, Pak. Namun waktunya sekitar pukul 14.00 WIB.")
    assert resident.heard("report.ask_photo") and not resident.heard("report.story_added"), resident.text
    assert (await draft_of(engine))["when"] == {"text": "hari kamis tanggal 3 desember, sekitar pukul 14.00 wib"}


async def test_a_no_with_why_at_the_read_back_is_a_no(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("ktp sy ilang dicuri orang di pasar gedog sananwetan blitar kemarin")
    await resident.send("bukan, ini kehilangan bukan kriminal")
    assert resident.heard("report.ask_category") and not resident.heard("common.not_a_choice"), resident.text


CAR_GONE = "kemarin sore mobil sy di parkiran udah ga ada, kel gedog sananwetan blitar"  # read as traffic


@pytest.mark.parametrize(("said", "kind", "lang"), [
    ("eh bukan, ini pencurian", "security", "id"), ("bukan, ini pencurian pak", "security", "id"),
    ("bukan lalu lintas, kemalingan", "security", "id"), ("bukan lalu lintas tapi pencurian", "security", "id"),
    ("bukan, harusnya narkoba", "drugs", "id"), ("no, it's theft", "security", "en"),
])
async def test_a_no_with_the_kind_meant_at_the_read_back_keeps_the_rest(engine: Engine, said: str, kind: str,
                                                                       lang: str) -> None:
    """The kind put right, and the read-back shown again with it: the place and the time read stay, not asked."""
    resident = Resident(engine)
    await resident.send(CAR_GONE)
    assert resident.heard("report.read_back") and "Lalu lintas" in resident.text, resident.text
    await resident.send(said)
    assert resident.heard("report.read_back", lang) and labels(lang, "category")[kind] in resident.text, \
        resident.text
    assert "Kel. Gedog" in resident.text and "kemarin sore" in resident.text, resident.text
    await resident.send("ya" if lang == "id" else "yes")
    assert resident.heard("report.ask_photo", lang), resident.text
    draft = await draft_of(engine)
    assert draft["category"] == kind and draft["when"] == {"text": "kemarin sore"} and draft["place"], draft


@pytest.mark.parametrize(("said", "told"), [
    ("salah, harusnya pencurian. mobil sy dicuri tadi pagi jam 5", "tadi pagi jam 5"),
    ("salah pak, mobil sy dicuri tadi pagi", "tadi pagi"),
    ("eh salah, maksudnya pencurian! td subuh mobil sy dibawa maling", "tadi subuh"),
])
async def test_a_kind_put_right_with_the_story_at_the_read_back_reads_its_time(engine: Engine, said: str,
                                                                               told: str) -> None:
    """The story told with the kind put right says when: that time is read back, not the one read before."""
    resident = Resident(engine)
    await resident.send(CAR_GONE)
    await resident.send(said)
    assert resident.heard("report.read_back") and f"Waktu: {told}" in resident.text, resident.text
    await resident.send("ya")
    draft = await draft_of(engine)
    assert draft["category"] == "security" and draft["when"] == {"text": told}, draft


async def test_a_kind_put_right_with_a_story_telling_no_time_keeps_the_time_read(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send(CAR_GONE)
    await resident.send("salah pak, mobil sy dicuri org")
    assert resident.heard("report.read_back") and "Waktu: kemarin sore" in resident.text, resident.text


async def test_a_yes_with_the_day_and_hour_at_the_read_back_keeps_the_hour(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("someone stole my phone at the night market in Gedog Sananwetan Blitar")
    await resident.send("yes, last night around 10pm")
    assert (await draft_of(engine))["when"] == {"text": "last night around 10pm"}


@pytest.mark.parametrize(("said", "heard"), [
    ("maaf pak salah ketik", "common.not_a_choice"),
    ("saya tunggu kabar selanjutnya", "common.not_a_choice"),
    ("Kirim", "report.ask_photo"),
    ("Mohon maaf, kira-kira kapan petugas akan datang ke rumah saya?", "menu.response"),
    ("Saya bersedia disebutkan nama saya.", "common.not_a_choice"),
])
async def test_other_answers_at_the_read_back_are_no_piece_of_the_story(engine: Engine, said: str, heard: str) -> None:
    resident = Resident(engine)
    await resident.send(FORMAL)
    await resident.send(said)
    assert resident.heard(heard) and not resident.heard("report.story_added"), resident.text
    assert (await draft_of(engine))["description"] == FORMAL_STORY


@pytest.mark.parametrize("first", [True, False])
async def test_something_told_at_length_that_no_list_knows_is_kept_as_the_story(engine: Engine, first: bool) -> None:
    resident = Resident(engine)
    if not first:
        await resident.send("halo")
    await resident.send("pohon besar di depan rumah miring mau roboh kena angin")
    assert "Kami baca dari pesan Anda" in resident.text and not resident.heard("menu.not_understood"), resident.text
    assert (await draft_of(engine))["description"] == "pohon besar di depan rumah miring mau roboh kena angin"


@pytest.mark.parametrize("said", ["halo pak ada yang mau saya tanyakan tadi",
                                  "selamat pagi pak semoga sehat selalu ya"])
async def test_a_long_greeting_or_a_wish_to_ask_is_no_story(engine: Engine, said: str) -> None:
    resident = Resident(engine)
    await resident.send(said)
    assert resident.heard("menu.ask") and "Kami baca dari pesan Anda" not in resident.text, resident.text


@pytest.mark.parametrize(("said", "story"), [("gimana cara bikin surat kehilangan?", False),
                                           ("bisa lapor kehilangan ktp lewat sini gk?", False),
                                           ("kalo mau bikin surat kehilangan ktp gmn ya?", False),
                                           ("min sy mau nanya, kalo ktp ilang lapornya kemana ya", False),
                                           ("pak mau tanya, kalau stnk hilang ngurusnya dimana", False),
                                           ("kalau sim hilang gmn ngurusnya", False),
                                           ("ktp sama sim sy ilang di jalan kemarin, gmn cara bikin surat kehilangan?",
                                            True)])
async def test_a_letter_of_loss_asked_for_is_told_where_it_is_made(engine: Engine, said: str, story: bool) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send(said)
    assert resident.heard("menu.lost_letter") and not resident.heard("menu.not_understood"), resident.text
    assert ("Kami baca dari pesan Anda" in resident.text) == story, "what else it tells is taken as ever"


@pytest.mark.parametrize(("said", "papers"), [("pak sy mau tanya cara bikin SKCK gmn ya?", True),
                                            ("perpanjang sim dmn ya pak", True),
                                            ("sim sy ditahan pas razia, dimintai uang 200rb sama oknum", False)])
async def test_police_papers_asked_after_at_first_contact_are_told_where_they_are_made(engine: Engine, said: str,
                                                                                       papers: bool) -> None:
    resident = Resident(engine)
    await resident.send(said)
    assert resident.heard("menu.police_papers") == papers, resident.text


@pytest.mark.parametrize(("said", "hours", "lang"), [("kantor polsek sananwetan buka jam brp?", True, "id"),
                                                   ("polsek buka 24 jam gk pak", True, "id"),
                                                   ("what time does the police station open?", True, "en"),
                                                   ("td jam 2 ada maling masuk rumah, polsek tutup", False, "id"),
                                                   ("kantor kelurahan tutup jam 12, bisa lapor?", False, "id"),
                                                   ("jam brp polisi dateng? sy udh lapor di polsek", False, "id"),
                                                   ("jam buka polsek brp ya", True, "id"),
                                                   ("tlg min mau tanya jam buka", True, "id"),
                                                   ("tolong min, jam operasional brp?", True, "id"),
                                                   ("toko sebelah buka jam berapa", False, "id")])
async def test_when_a_station_is_open_asked_is_told(engine: Engine, said: str, hours: bool, lang: str) -> None:
    resident = Resident(engine)
    await resident.send(said)
    assert resident.heard("menu.office_hours", lang) == hours, resident.text


@pytest.mark.parametrize(("said", "answer"), [
    ("sy hrs ke polsek gk?", "menu.visit"),
    ("perlu dateng ke kantor polisi gk pak?", "menu.visit"),
    ("pak sy udh telpon 110 td, perlu lapor sini jg gk?", "menu.called_110"),
    ("mau tanya, klo nemu dompet di jalan hrs diserahin kmn?", "menu.found_item"),
    ("sy nemu dompet isinya ktp sm atm di jalan, mau dibalikin gmn ya pak?", "menu.found_item"),
    ("min mau nanya", "menu.ask_away"),
    ("eh bentar pak, sy mau tanya dulu, nanti sy dipanggil ke kantor polisi gk?", "menu.contact"),
    ("kapan ditindak pak?", "menu.response"),
    ("min, ini beneran polisi bukan? takutnya penipuan", "menu.who"),
    ("kalau mau lapor pake nama asli wajib gk?", "menu.privacy"),
])
async def test_a_question_of_how_things_go_is_answered_not_taken_for_a_report(engine: Engine, said: str,
                                                                              answer: str) -> None:
    resident = Resident(engine)
    await resident.send(said)
    assert resident.heard(answer) and "Kami baca dari pesan Anda" not in resident.text, resident.text


@pytest.mark.parametrize(("said", "cancelled"), [("eh ternyata gk ilang pak, dipinjem adek sy wkwk", True),
                                               ("ternyata gk ilang, tp dicuri", False)])
async def test_what_was_lost_found_after_all_cancels_the_report_in_progress(engine: Engine, said: str,
                                                                           cancelled: bool) -> None:
    resident = await at(engine, "photo")
    await resident.send(said)
    assert resident.heard("report.cancelled") == cancelled, resident.text


async def test_a_place_given_with_a_question_of_its_station_is_taken_and_answered(engine: Engine) -> None:
    resident = await at(engine, "location")
    await resident.send("di gedog pak, itu masuk polsek mana y?")
    assert resident.heard("menu.station") and any("Kel. Gedog" in option for option in resident.options()), \
        resident.text
    assert not resident.heard("report.ask_location"), "the place is not asked again"


@pytest.mark.parametrize("asked", ["klo udh dikirim trus gmn pak? ditelpon gk?", "what happens after I send it?"])
async def test_what_happens_once_sent_asked_at_the_summary_is_told_and_the_summary_stays(engine: Engine,
                                                                                        asked: str) -> None:
    lang = "en" if asked.startswith("what") else "id"  # asked in English: answered in it, the report goes on in it
    resident = await at(engine, "summary")
    await resident.send(asked)
    assert resident.heard("menu.after_report", lang) and resident.heard("report.summary", lang), resident.text


async def test_a_question_of_the_police_coming_is_no_question_of_going_to_them(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("polisi harus dateng ke rumah sy gk?")
    assert not resident.heard("menu.visit"), resident.text


@pytest.mark.parametrize(("said", "hearsay"), [("video begal di tiktok, aman gk?", True),
                                             ("pak, daerah bendogerit aman gk buat malem2?", True),
                                             ("bener gk katanya ada penculikan anak di sd bendogerit?", True),
                                             ("apa video begal di tiktok itu asli?", True),
                                             ("rumah sy kemalingan td malem, daerah sini aman gk sih?", False),
                                             ("ada video orang bawa celurit di depan rumah sy skrg, aman gk?", False),
                                             ("jalan di depan rumah rawan begal, bener gk bisa dilaporin?", False)])
async def test_whether_something_heard_is_true_or_a_place_safe_is_told_it_cannot_be_said(
        engine: Engine, said: str, hearsay: bool) -> None:
    resident = Resident(engine)
    await resident.send(said)
    assert resident.heard("menu.hearsay") == hearsay, resident.text
    assert ("Kami baca dari pesan Anda" not in resident.text) or not hearsay, "a question is no report to confirm"
    assert resident.heard("menu.ask") or not hearsay, "what the chat is for follows"


async def test_send_tapped_again_after_a_report_is_told_it_went_once(engine: Engine) -> None:
    resident = Resident(engine)
    await walk_to_summary(resident)
    for _tap in range(3):
        await resident.send("kirim")
    assert resident.heard("menu.already_sent") and not resident.heard("menu.not_understood"), resident.text
    assert len(await reports(engine)) == 1


@pytest.mark.parametrize("asked", ["trus gmn pak selanjutnya?", "terus apa lagi?", "ok trus?", "what happens now?",
                                   "then what?"])
async def test_what_now_right_after_a_report_is_told_what_happens_next(engine: Engine, asked: str) -> None:
    await enrolled(engine, "console:petugas")
    resident = Resident(engine)
    await walk_to_summary(resident)
    await resident.send("kirim")
    await resident.send(asked)
    assert any(resident.heard("menu.after_report", lang) for lang in ("id", "en")), resident.text
    assert not resident.heard("report.ask_category") and await step_of(engine, resident) == MENU, "no new report"


@pytest.mark.parametrize("asked", ["trus gmn pak selanjutnya?", "terus apa lagi?", "what happens now?",
                                   "so what happens next?"])
async def test_what_now_after_an_anonymous_report_tells_what_truly_happens(engine: Engine, asked: str) -> None:
    """It was promised that each step would be sent in this chat, which an anonymous report never is."""
    await enrolled(engine, "console:petugas")
    resident = Resident(engine)
    await walk_to_summary(resident, identity="3")
    await resident.send("kirim")
    await resident.send(asked)
    assert any(resident.heard("menu.after_report_anonymous", lang) for lang in ("id", "en")), resident.text
    assert not any(resident.heard("menu.after_report", lang) for lang in ("id", "en")), resident.text


@pytest.mark.parametrize("asked", ["klo udh dikirim trus gmn pak? ditelpon gk?", "what happens after I send it?"])
async def test_what_happens_once_sent_asked_at_an_anonymous_summary_tells_what_truly_happens(engine: Engine,
                                                                                           asked: str) -> None:
    resident = Resident(engine)
    await walk_to_summary(resident, identity="3")
    await resident.send(asked)
    lang = "en" if asked.startswith("what") else "id"  # a question in English is answered in it, and so on
    assert resident.heard("menu.after_report_anonymous", lang) and resident.heard("report.summary", lang), \
        resident.text


@pytest.mark.parametrize("asked", ["gmn kabarnya", "udah diproses blm?", "gimana hasilnya pak",
                                   "udah ada polisi yg dateng blm?", "any news?", "how is it going?",
                                   "has anyone read it?", "sdh dibaca blm?", "udh ada yg baca?"])
async def test_progress_asked_right_after_a_report_is_its_status_first_of_theirs(engine: Engine, asked: str) -> None:
    await enrolled(engine, "console:petugas")
    resident = Resident(engine)
    await walk_to_summary(resident)
    await resident.send("kirim")
    [report] = await reports(engine)
    await resident.send(asked)
    said = resident.text
    assert any(resident.heard("status.own_reports", lang) for lang in ("id", "en")) and report.ref in said, said
    assert not resident.heard("menu.after_report") and not resident.heard("report.ask_category"), said
    assert await step_of(engine, resident) == MENU, "no new report begun"


async def test_questions_after_a_report_follow_one_another_and_then_a_new_one_begins(engine: Engine) -> None:
    await enrolled(engine, "console:petugas")
    resident = Resident(engine)
    await walk_to_summary(resident)
    await resident.send("kirim")
    await resident.send("trus gmn pak selanjutnya?")
    await resident.send("gmn kabarnya")
    assert resident.heard("status.own_reports") and not resident.heard("report.ask_category"), resident.text
    await resident.send("motor tetangga sy jg dicuri td malem di gedog")
    assert not resident.heard("status.own_reports") and not resident.heard("menu.after_report"), \
        "a story after the questions is a new report"


async def test_what_now_after_a_report_no_officer_reads_yet_is_told_so(engine: Engine) -> None:
    resident = Resident(engine)
    await walk_to_summary(resident)
    await resident.send("kirim")
    for asked in ("trus gmn pak selanjutnya?", "gmn kabarnya"):
        await resident.send(asked)
        assert resident.heard("report.no_officer_yet") and not resident.heard("menu.after_report"), \
            "not that officers review it: none is enrolled"
    assert resident.heard("status.own_reports"), resident.text


@pytest.mark.parametrize(("asked", "key"), [("gmn kabarnya", "status.just_sent_anonymous"),
                                            ("udah diproses blm?", "status.just_sent_anonymous"),
                                            ("trus gmn pak selanjutnya?", "menu.after_report_anonymous")])
async def test_questions_right_after_an_anonymous_report_are_answered_without_a_link(engine: Engine, asked: str,
                                                                                    key: str) -> None:
    await enrolled(engine, "console:petugas")
    resident = Resident(engine)
    await walk_to_summary(resident, identity="3")
    await resident.send("kirim")
    await resident.send(asked)
    assert resident.heard(key) and not resident.heard("status.no_own_reports"), resident.text


@pytest.mark.parametrize("thanked", ["makasih pak", "ok pak makasih", "siap pak", "thank you"])
@pytest.mark.parametrize("asked", ["trus gmn pak selanjutnya?", "selanjutnya apa", "terus gimana",
                                   "so what's next?", "what happens next?"])
async def test_what_now_after_a_thank_you_for_a_report_is_told_what_happens_next(engine: Engine, thanked: str,
                                                                                 asked: str) -> None:
    await enrolled(engine, "console:petugas")
    resident = Resident(engine)
    await walk_to_summary(resident)
    await resident.send("kirim")
    await resident.send(thanked)
    await resident.send(asked)
    english = any(resident.heard("menu.after_report", lang) for lang in ("id", "en"))
    assert english and not resident.heard("report.ask_category") and not resident.heard("menu.how"), resident.text
    assert await step_of(engine, resident) == MENU, "no new report begun"


async def test_a_place_given_where_the_kind_is_asked_is_kept(engine: Engine) -> None:
    resident = Resident(engine)
    for said in ("halo", "mau lapor", "di kel gedog sananwetan blitar pak"):
        await resident.send(said)
    assert resident.heard("place.confirm") and "Kel. Gedog" in resident.text, resident.text
    await resident.send("ya")
    assert resident.heard("report.ask_category"), resident.text
    for said in ("1", "motor saya dicuri di depan rumah tadi malam", "ya", "lewati", "2", "kirim"):
        await resident.send(said)
    [report] = await reports(engine)
    assert (report.village_code, report.category) == (GEDOG, Category.SECURITY)


async def test_a_story_told_on_at_the_read_back_is_added_to_it(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("td malem ada org mabuk2an di pos ronda kel gedog sananwetan blitar")
    assert "Kami baca dari pesan Anda" in resident.text, resident.text
    await resident.send("terus mereka mecahin kaca warung bu sri")
    assert resident.heard("report.story_added") and "Kami baca dari pesan Anda" in resident.text, resident.text
    for said in ("iya", "lewati", "2", "kirim"):
        await resident.send(said)
    [report] = await reports(engine)
    assert report.description.endswith("\nterus mereka mecahin kaca warung bu sri"), report.description


async def test_a_story_sent_in_pieces_at_the_read_back_is_kept_whole(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("pak")
    await resident.send("motor sy ilang td malem")
    assert "Kami baca dari pesan Anda" in resident.text, resident.text
    for piece in ("diparkir depan rumah, gak dikunci stang", "honda beat item plat AG 1234 XY"):
        await resident.send(piece)
        assert resident.heard("report.story_added") and not resident.heard("common.not_a_choice"), resident.text
    for said in ("iya", PLACE, "ya", "lewati", "2", "kirim"):
        await resident.send(said)
    [report] = await reports(engine)
    assert report.description == ("motor sy ilang td malem\ndiparkir depan rumah, gak dikunci stang\n"
                                  "honda beat item plat AG 1234 XY"), report.description


@pytest.mark.parametrize("said", ["bukan, yg kemarin", "terus laporan saya diproses kapan", "apa ini"])
async def test_an_answer_or_a_question_at_the_read_back_is_no_piece_of_the_story(engine: Engine, said: str) -> None:
    resident = Resident(engine)
    await resident.send("motor sy ilang td malem")
    await resident.send(said)
    assert not resident.heard("report.story_added"), resident.text
    assert (await draft_of(engine))["description"] == "motor sy ilang td malem"


@pytest.mark.parametrize(("pieces", "story"), [
    (("pak mau lapor", "motor sy ilang pak", "td malem diparkir depan rumah"),
     "motor sy ilang pak\ntd malem diparkir depan rumah"),
    (("pak", "sy mau lapor", "ada yg nyuri", "helm sy di parkiran masjid"), "ada yg nyuri\nhelm sy di parkiran masjid"),
    (("ada yg ngintip", "lewat jendela kamar mandi kos"), "ada yg ngintip\nlewat jendela kamar mandi kos"),
    (("halo pak", "tetangga sy ribut terus", "tiap malam teriak2 bikin gak bisa tidur"),
     "tetangga sy ribut terus\ntiap malam teriak2 bikin gak bisa tidur"),
])
async def test_the_incident_told_as_the_kind_begins_the_story(engine: Engine, pieces: tuple[str, ...],
                                                                story: str) -> None:
    """Where the kind is asked, or at the menu, words that say what happens are the story's first, not only its
    kind: the next message goes on with it."""
    resident = Resident(engine)
    for said in pieces:
        await resident.send(said)
    assert (await draft_of(engine))["description"] == story


async def test_ok_after_a_piece_too_short_says_it_is_too_short_and_a_wait_waits(engine: Engine) -> None:
    """"abc", then "ok": the resident thinks it is told, and hears it is too short; "bentar" waits for more."""
    resident = Resident(engine)
    for said in ("halo", "1", "1", "abc"):
        await resident.send(said)
    await resident.send("ok")
    assert resident.heard("report.description_too_short") and not resident.heard("report.story_go_on"), resident.text
    await resident.send("bentar")
    assert resident.heard("report.story_go_on"), resident.text


@pytest.mark.parametrize("wish", ["jangan sampai tetangga tau", "sy gak mau suami tau sy lapor",
                                  "jgn sampe ketauan sy yg ngelapor ya", "please keep my name out of it"])
async def test_a_wish_to_stay_unknown_where_the_identity_is_asked_is_rahasia(engine: Engine, wish: str) -> None:
    resident = Resident(engine)
    await walk_to_summary(resident)
    await resident.send("ubah")
    await resident.send("identitas")
    assert resident.heard("report.ask_identity"), resident.text
    await resident.send(wish)
    assert resident.heard("report.summary") and "Identitas: Rahasia" in resident.text, resident.text


async def test_a_pin_sent_at_the_read_back_is_the_place(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("motor sy dicuri td pagi")
    assert resident.heard("report.read_back") and "Lokasi: (belum ada)" in resident.text, resident.text
    await resident.send(location=(-8.0983, 112.1725))  # Kec. Sananwetan, Kota Blitar
    assert resident.heard("place.confirm_pin"), resident.text
    await resident.send("ya")
    assert resident.heard("report.ask_photo"), resident.text
    assert (await draft_of(engine))["when"] == {"text": "tadi pagi"}, "the rest of what was read holds"


@pytest.mark.parametrize("said_first", ["jangan sampai tetangga tau ya pak", "rahasia",
                                        "please keep my name out of it"])
async def test_how_to_be_shown_said_at_the_photo_is_kept_for_its_question(engine: Engine, said_first: str) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "1", "helm sy dicuri di parkiran masjid", "Kel. Gedog, Kec. Sananwetan, Kota Blitar",
                 "ya", "2"):
        await resident.send(said)
    await another_incident(resident)
    assert resident.heard("report.ask_photo"), resident.text
    await resident.send(said_first)
    assert resident.heard("report.identity_noted") and resident.heard("report.ask_photo"), resident.text
    await resident.send("lewati")
    assert resident.heard("report.summary") and "Identitas: Rahasia" in resident.text, resident.text


@pytest.mark.parametrize("place", ["di pasar jumat", "depan warung yg tiap malam rame, kel gedog sananwetan"])
async def test_a_day_or_a_repeat_in_a_place_is_no_time(engine: Engine, place: str) -> None:
    resident = await at_location(engine)
    await resident.send(place)
    assert not resident.heard("report.time_noted"), resident.text


async def test_a_detail_at_the_time_question_goes_to_the_story_and_the_time_is_asked_again(engine: Engine) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "1", "rumah sy dimasuki maling, tv sama laptop hilang", "kel gedog sananwetan", "1"):
        await resident.send(said)
    await another_incident(resident)
    assert resident.heard("report.ask_when"), resident.text
    await resident.send("pelakunya 2 org pake motor vario merah")
    assert resident.heard("report.story_added") and resident.heard("report.ask_when"), resident.text
    await resident.send("pas hujan deras")  # asked again: what comes is the time, in words no reader knows
    assert resident.heard("report.ask_photo"), resident.text
    draft = await draft_of(engine)
    assert draft["when"] == {"text": "pas hujan deras"}
    assert draft["description"].endswith("\npelakunya 2 org pake motor vario merah")


@pytest.mark.parametrize("hour", ["around 9 pm", "at 9 pm", "at 9", "9pm", "around 10 last night",
                                  "sekitar jam 9 malam", "kira2 jam 21an", "jam 9an malem"])
async def test_an_hour_alone_at_the_time_question_is_the_time(engine: Engine, hour: str) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "1", "rumah sy dimasuki maling, tv sama laptop hilang", "kel gedog sananwetan", "1"):
        await resident.send(said)
    await another_incident(resident)
    await resident.send(hour)
    asked_photo = resident.heard("report.ask_photo") or resident.heard("report.ask_photo", "en")
    assert asked_photo and not resident.heard("report.story_added", "en"), resident.text
    draft = await draft_of(engine)
    assert draft["when"] == {"text": hour} and draft["description"] == "rumah sy dimasuki maling, tv sama laptop hilang"


@pytest.mark.parametrize("detail", ["the thief was about 30 years old and wore a red jacket",
                                    "there were 2 men on a black motorbike", "pelakunya 2 org pake motor vario merah",
                                    "he came in at 2 gang melati and ran off"])
async def test_a_detail_with_a_number_at_the_time_question_is_no_hour(engine: Engine, detail: str) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "1", "rumah sy dimasuki maling, tv sama laptop hilang", "kel gedog sananwetan", "1"):
        await resident.send(said)
    await another_incident(resident)
    await resident.send(detail)
    assert resident.heard("report.story_added") or resident.heard("report.story_added", "en"), resident.text
    assert (await draft_of(engine))["description"].endswith(f"\n{detail}")


@pytest.mark.parametrize(("typed", "detail", "time"), [
    ("pelakunya 2 org, kejadiannya kemarin sore", "pelakunya 2 org", "kejadiannya kemarin sore"),
    ("plat AG 1234 XY, td malam jam 10", "plat AG 1234 XY", "td malam jam 10"),
    ("td malam, pelakunya 2 org", "pelakunya 2 org", "td malam"),
])
async def test_a_detail_and_a_time_in_one_answer_each_go_to_their_place(engine: Engine, typed: str, detail: str,
                                                                         time: str) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "1", "rumah sy dimasuki maling, tv sama laptop hilang", "kel gedog sananwetan", "1"):
        await resident.send(said)
    await another_incident(resident)
    await resident.send(typed)
    assert resident.heard("report.story_added") and resident.heard("report.ask_photo"), resident.text
    draft = await draft_of(engine)
    assert draft["when"] == {"text": time} and draft["description"].endswith(f"\n{detail}")


@pytest.mark.parametrize(("typed", "detail"), [
    ("eh sorry tadi salah, motornya bukan Vario tp Scoopy", "motornya bukan Vario tp Scoopy"),
    ("eh tadi salah, hp nya samsung bukan oppo", "hp nya samsung bukan oppo"),
    ("tadi sy keliru pak, platnya AG 1234 XY", "platnya AG 1234 XY"),
])
async def test_a_slip_owned_with_a_detail_at_the_time_question_is_no_time(engine: Engine, typed: str,
                                                                          detail: str) -> None:
    """"tadi salah" is what the resident wrote before, not "earlier": the detail goes to the story, the time the
    story told is offered again."""
    resident = Resident(engine)
    for said in ("lapor pencurian", "kmrn sore jam 5an motor adek sy diambil org di depan smpn 3 gedog, vario putih",
                 "iya", typed):
        await resident.send(said)
    assert resident.heard("report.story_added") and resident.heard("report.ask_when"), resident.text
    draft = await draft_of(engine)
    assert "when" not in draft and draft["description"].endswith(f"\n{detail}"), draft
    await resident.send("iya")
    assert (await draft_of(engine))["when"] == {"text": "kemarin sore jam 5an"}


@pytest.mark.parametrize(("said", "added"), [("sy lapor buat tetangga sy bu sri, dia lg gk di rumah", True),
                                            ("bentar pak sy cari dulu", False)])
async def test_words_that_tell_more_at_the_photo_question_go_to_the_story(engine: Engine, said: str,
                                                                          added: bool) -> None:
    resident = Resident(engine)
    await resident.send("motor sy dicuri td malam di parkiran pasar gedog sananwetan")
    await resident.send("ya")
    await resident.send(said)
    assert resident.heard("report.story_added") is added and resident.heard("report.ask_photo"), resident.text
    assert (await draft_of(engine))["description"].endswith(said) is added


@pytest.mark.parametrize("before", [["lapor"], ["lapor", "1"]])
async def test_asking_whether_a_kind_may_be_reported_is_answered_not_taken_as_the_story(
        engine: Engine, before: list[str]) -> None:
    resident = Resident(engine)
    for said in before:
        await resident.send(said)
    await resident.send("ini bisa buat lapor penipuan online gk?")
    assert resident.heard("menu.can_report") and resident.heard("report.ask_description"), resident.text
    assert "description" not in await draft_of(engine)


async def test_no_photo_but_more_told_skips_the_photo_and_keeps_the_more(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("motor sy dicuri td malam di parkiran pasar gedog sananwetan")
    await resident.send("ya")
    await resident.send("fotonya gk ada pak, tp pelakunya 2 org pake motor nmax item")
    assert resident.heard("report.story_added") and resident.heard("report.ask_identity"), resident.text
    draft = await draft_of(engine)
    assert draft["photo_skipped"] and draft["description"].endswith("\npelakunya 2 org pake motor nmax item")


async def test_no_photo_but_news_later_is_kept(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("motor sy dicuri td malam di parkiran pasar gedog sananwetan")
    await resident.send("ya")
    await resident.send("gak ada pak, tp nanti kalau ketemu pelakunya sy kabari")
    assert resident.heard("report.story_added") and (await draft_of(engine))["photo_skipped"], resident.text


async def test_no_photo_but_a_photo_later_is_no_skip(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("motor sy dicuri td malam di parkiran pasar gedog sananwetan")
    await resident.send("ya")
    await resident.send("gak ada, tapi nanti bisa sy fotoin pak")
    assert not (await draft_of(engine)).get("photo_skipped") and not resident.heard("report.story_added")


@pytest.mark.parametrize(("said", "spot"), [("lokasinya kurang lengkap, di jl merdeka no 5", "jl merdeka no 5"),
                                           ("iya, tp lebih tepatnya di jl merdeka no 5", "jl merdeka no 5"),
                                           ("ya, depan indomaret", "depan indomaret")])
async def test_a_street_told_at_the_read_back_keeps_the_place_and_adds_the_street(engine: Engine, said: str,
                                                                                 spot: str) -> None:
    resident = Resident(engine)
    await resident.send("motor sy dicuri td malam di parkiran pasar gedog sananwetan")
    await resident.send(said)
    draft = await draft_of(engine)
    assert draft["place"] == GEDOG and draft["location_text"] == spot, resident.text
    assert resident.heard("report.ask_photo") and not resident.heard("common.not_a_choice"), resident.text


@pytest.mark.parametrize(("said", "heard"), [("di kelurahan gedok", "place.pick_one"), ("di gedok", "place.pick_one"),
                                           ("online", "place.ask_home_for_online")])
async def test_a_place_typed_at_a_read_back_that_read_none_is_taken(engine: Engine, said: str, heard: str) -> None:
    """Misspelt ("gedok": Gedog near), or "online": no "not a choice", and the words not lost."""
    resident = Resident(engine)
    await resident.send("hp sy dijambret org td sore pas lg jalan")
    assert "Lokasi: (belum ada)" in resident.text, resident.text
    await resident.send(said)
    assert resident.heard(heard) and not resident.heard("common.not_a_choice"), resident.text


async def test_a_spot_told_with_the_yes_to_the_one_place_offered_is_kept(engine: Engine) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "1", "hp sy dijambret", "di gedok", "iya, tepatnya di ujung gang deket musholla"):
        await resident.send(said)
    draft = await draft_of(engine)
    assert draft["place"] == GEDOG and draft["location_text"] == "di gedok, ujung gang deket musholla", resident.text


async def test_a_street_told_with_the_yes_to_the_place_is_kept_with_the_place_typed(engine: Engine) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "1", "motor sy dicuri td malam di parkiran", "gedog sananwetan",
                 "iya, tepatnya di jl merdeka no 5"):
        await resident.send(said)
    draft = await draft_of(engine)
    assert draft["place"] == GEDOG and draft["location_text"] == "gedog sananwetan, jl merdeka no 5", resident.text


async def test_news_of_where_the_thing_is_now_is_no_place_corrected(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("motor sy dicuri td malam di parkiran pasar gedog sananwetan")
    await resident.send("iya bener, tp motornya udh gk di gedog, kata temen skrg dibawa ke plosokerep")
    assert "plosokerep" in (await draft_of(engine))["description"], resident.text


async def test_a_plate_at_the_place_question_goes_to_the_story(engine: Engine) -> None:
    resident = await at_location(engine)
    await resident.send("honda beat item plat AG 1234 XY")
    assert resident.heard("report.story_added") and resident.heard("report.ask_location"), resident.text
    assert (await draft_of(engine))["description"].endswith("\nhonda beat item plat AG 1234 XY")


@pytest.mark.parametrize("typed", ["tempat parkir pasar legi", "parkiran pasar legi", "lahan parkir pasar legi"])
async def test_a_spot_told_by_its_kind_is_where_though_a_word_of_it_names_a_kind(engine: Engine, typed: str) -> None:
    """"Parkir" names traffic reports, but "tempat parkir pasar legi" at the place question is where it was: kept
    as the place typed, and the kecamatan asked, not taken for more of the story."""
    resident = await at_location(engine)
    await resident.send(typed)
    assert not resident.heard("report.story_added") and resident.heard("place.ask_district"), resident.text
    await resident.send("sananwetan blitar")
    await resident.send("ya")
    report = await finish_from_when(resident)
    assert report.district_code == "35.72.03" and report.location_text == f"{typed}, sananwetan blitar"


@pytest.mark.parametrize("typed", ["pasar rame bgt trs hp sy ilang", "terminal rame orang mabuk",
                                   "warung kopi yg suka buat judi", "parkiran motornya ditarik paksa",
                                   "parkiran motor sy diambil"])
async def test_a_spot_and_what_happened_there_go_to_the_story(engine: Engine, typed: str) -> None:
    resident = await at_location(engine)
    await resident.send(typed)
    assert resident.heard("report.story_added") and resident.heard("report.ask_location"), resident.text


async def test_a_time_and_more_at_the_place_question_go_to_the_story(engine: Engine) -> None:
    resident = await at_location(engine)
    await resident.send("tiap malem jam 10an rame anak muda beli")
    assert resident.heard("report.story_added") and resident.heard("report.ask_location"), resident.text
    draft = await draft_of(engine)
    assert draft["description"].endswith("\ntiap malem jam 10an rame anak muda beli") and "location_text" not in draft


@pytest.mark.parametrize("question", ["lokasi maksudnya lokasi sy atau penjualnya?", "harus pake kecamatan ya?",
                                      "foto apa ya pak? foto rumahnya?"])
async def test_a_question_at_the_place_question_is_answered_and_no_place(engine: Engine, question: str) -> None:
    resident = await at_location(engine)
    await resident.send(question)
    assert resident.heard("report.location_question") and resident.heard("report.ask_location"), resident.text
    assert "location_text" not in await draft_of(engine)
    await resident.send("kel gedog sananwetan")
    assert "Kel. Gedog, Kec. Sananwetan" in resident.text, resident.text


async def test_a_question_while_places_are_offered_is_no_new_place(engine: Engine) -> None:
    resident = await at_location(engine)
    await resident.send("kel plosokerep")
    assert resident.heard("place.pick"), resident.text
    await resident.send("foto apa ya pak? foto rumahnya?")
    assert resident.heard("common.not_a_choice") and "options" in await draft_of(engine), resident.text


@pytest.mark.parametrize(("told", "now"), [
    ("sy lg di pasar gedog sananwetan", False), ("sy lg di pasar legi, kel. gedog", False),
    ("gw lgi di psr gedog sananwetan", False), ("posisi sy skrg di pasar gedog sananwetan", False),
    ("saya sedang berada di pasar gedog sananwetan", False), ("I'm at pasar gedog sananwetan now", False),
    ("di pasar gedog sananwetan skrg", True), ("sy lg di pasar gedog, orgnya masih di sini", True),
    ("di pasar gedog sananwetan, masih berlangsung", True),
    ("sy lg di pasar gedog sananwetan, orgnya masih di depan", True),
])
async def test_where_the_resident_is_told_at_the_place_question_is_no_time(engine: Engine, told: str,
                                                                           now: bool) -> None:
    """"sy lg di pasar legi" says where they are: the place, and the time still asked, with no 110 reminder; what
    is told going on there ("orgnya masih di sini") is now."""
    resident = Resident(engine)
    for said in ("halo", "1", "1", "ada org tak dikenal nyoba buka pintu rumah sy"):
        await resident.send(said)
    await resident.send(told)
    when = (await draft_of(engine)).get("when")
    if now:
        assert when == {"choice": "now"}, resident.text
    else:
        assert resident.heard("place.confirm") or resident.heard("place.confirm", "en"), resident.text
        assert not resident.heard("emergency.happening_now") and not resident.heard("emergency.happening_now", "en")
        assert when is None


async def test_now_told_with_the_place_is_the_time_with_110(engine: Engine) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "1", "ada org tak dikenal nyoba buka pintu rumah sy"):
        await resident.send(said)
    await resident.send("di gedog sananwetan skrg")
    assert resident.heard("emergency.happening_now"), resident.text
    assert (await draft_of(engine))["when"] == {"choice": "now"}


async def test_send_at_the_place_question_is_no_place(engine: Engine) -> None:
    resident = await at_location(engine)
    await resident.send("kirim")
    assert resident.heard("report.location_not_a_place"), resident.text


async def test_a_wish_to_stay_unknown_where_the_story_is_asked_is_kept(engine: Engine) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "1"):
        await resident.send(said)
    await resident.send("jangan sampai tetangga tau ya")
    assert resident.heard("report.identity_noted") and resident.heard("report.ask_description"), resident.text
    assert (await draft_of(engine))["identity"] == "confidential"


async def test_a_kind_asked_for_by_name_begins_no_story(engine: Engine) -> None:
    resident = Resident(engine)
    for said in ("mau lapor pencurian pak", "helm sy hilang di parkiran masjid"):
        await resident.send(said)
    assert (await draft_of(engine))["description"] == "helm sy hilang di parkiran masjid"


async def test_a_time_told_with_the_place_is_kept_for_its_question(engine: Engine) -> None:
    resident = Resident(engine)
    for said in ("pak", "sy mau lapor", "ada yg nyuri", "helm sy di parkiran masjid", "di bendogerit td siang"):
        await resident.send(said)
    assert resident.heard("report.time_noted"), resident.text
    await resident.send("1")  # Kel. Bendogerit
    assert resident.heard("report.ask_photo") and not resident.heard("report.ask_when"), resident.text
    draft = await draft_of(engine)
    assert draft["when"] == {"text": "tadi siang"}
    assert draft["location_text"] == "di bendogerit", "where, for officers: the time is on its own line"


@pytest.mark.parametrize("yes", ["ya, sebelum hari ini", "iya bener, sblm hari ini", "betul pak sebelum hari ini"])
async def test_a_yes_that_repeats_the_time_read_keeps_that_time(engine: Engine, yes: str) -> None:
    resident = Resident(engine)
    await resident.send("motor sy dicuri kemarin di parkiran gedog sananwetan blitar")
    assert "Waktu: kemarin" in resident.text, resident.text
    await resident.send(yes)
    for said in ("ga ada", "rahasia aja", "kirim"):
        await resident.send(said)
    [report] = await reports(engine)
    assert report.occurred_text == "Sebelum hari ini"


async def test_a_draft_left_at_the_summary_without_its_category_is_asked_it(engine: Engine) -> None:
    """A draft stored at the summary without a category (as an older flow could leave it) is asked the category
    at the next message instead of failing at every one; nothing else of it is lost."""
    from sqlalchemy import update

    resident = Resident(engine)
    await walk_to_summary(resident)
    async with engine.sessions() as db, db.begin():
        [session] = (await db.execute(select(ConversationSession))).scalars()
        data = load_session(session.data, engine.cipher)
        data["draft"].pop("category")
        await db.execute(update(ConversationSession).values(data=dump_session(data, engine.cipher)))
    await resident.send("kirim")
    assert resident.heard("report.ask_category"), resident.text
    await resident.send("narkoba")
    assert resident.heard("report.summary") and PLACE in resident.text, resident.text
    await resident.send("kirim")
    [report] = await reports(engine)
    assert report.category == Category.DRUGS and report.village_code == GEDOG


@pytest.mark.parametrize(("step", "said"), [
    ("category", "gak jadi pak"),
    ("description", "sy ga jadi lapor deh"),
    ("location", "ga jd pak, udh ketemu motornya di rumah sodara"),
    ("place_check", "nggak jadi"),
    ("place_pick", "never mind"),
    ("when", "batalin aja"),
    ("photo", "batalin aja pak"),
    ("identity", "udah gak jadi aja"),
    ("summary", "gajadi deh"),
    ("change", "tidak jadi, maaf merepotkan"),
])
async def test_a_resident_who_no_longer_wants_to_report_cancels_in_own_words(
        engine: Engine, step: str, said: str) -> None:
    resident = await at(engine, step)
    await resident.send(said)
    assert resident.heard("report.cancelled") and resident.heard("menu.ask"), resident.text
    assert await step_of(engine, resident) == "menu"
    assert await draft_of(engine) == {}
    assert await reports(engine) == []


@pytest.mark.parametrize(("step", "said", "then"), [
    ("description", "Motornya gak jadi dijual, malah dicuri orang dari garasi", "report.ask_location"),
    ("location", "desa jadi sumber rembang", "place.confirm"),
    ("when", "tidak jadi masalah jamnya, pokoknya kemarin", "report.ask_photo"),
    ("photo", "gak usah", "report.ask_identity"),  # no photo is needed: the report goes on
    ("identity", "gak usah pak, rahasia aja", "report.summary"),  # no need (of a name): confidential
    ("identity", "ga usah rahasia", "report.identity_two_left"),     # declined: the two left asked, never dropped
    ("identity", "udah gak usah", "report.ask_identity"),             # BATAL is one word away
])
async def test_words_of_not_going_on_inside_an_answer_are_the_answer(
        engine: Engine, step: str, said: str, then: str) -> None:
    resident = await at(engine, step)
    await resident.send(said)
    assert resident.heard(then) and not resident.heard("report.cancelled"), resident.text
    assert "description" in await draft_of(engine)


async def test_not_going_on_said_at_a_side_question_cancels_only_that_question(engine: Engine) -> None:
    resident = await at(engine, "when")
    await resident.send("status")
    await resident.send("ga jadi deh")
    assert resident.heard("report.ask_when") and not resident.heard("report.cancelled"), resident.text
    assert await step_of(engine, resident) == "when"
    assert "description" in await draft_of(engine)


async def test_not_going_on_at_the_menu_is_no_cancel_of_anything(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    for said in ("gak jadi deh", "ga jadi lapor pak"):  # nothing begun: the menu again, understood
        await resident.send(said)
        assert not resident.heard("report.cancelled") and not resident.heard("common.nothing_to_cancel")
        assert not resident.heard("menu.not_understood") and resident.heard("menu.ask"), resident.text
        assert await step_of(engine, resident) == "menu"


@pytest.mark.parametrize("lang", ["id", "en"])
async def test_an_answer_not_understood_at_a_choice_says_how_to_cancel(engine: Engine, lang: str) -> None:
    resident = await at(engine, "identity")
    if lang == "en":
        await resident.send("/lang en")
    await resident.send("zzz qqq")
    assert resident.heard("common.not_a_choice", lang) and resident.heard("report.ask_identity", lang)
    assert ("BATAL" if lang == "id" else "CANCEL") in resident.replies[0].text
    await resident.send("zzz qqq" if lang == "id" else "cancel")
    assert resident.heard("report.cancelled", lang) != (lang == "id")


@pytest.mark.parametrize("step", ["location", "place_check", "place_pick", "when", "photo", "identity", "summary"])
async def test_a_cry_in_the_middle_of_a_report_is_not_taken_as_the_answer(engine: Engine, step: str) -> None:
    resident = await at(engine, step)
    before = await draft_of(engine)
    cry = "pak tolong ada preman bawa parang ngamuk di gang sidomulyo!!"
    await resident.send(cry)
    assert resident.replies[0].text.startswith("🚨") and resident.heard(ASKED_AT[step]), resident.text
    assert not resident.heard("common.not_a_choice") and not resident.heard("place.ask_district")
    assert await step_of(engine, resident) == step
    expected = {**before, "urgent": True}  # nothing of the cry is kept as an answer
    if step in ("photo", "identity", "summary"):  # once the story's place and time are known, it tells more of it
        expected["description"] = f"{before['description']}\n{cry}"
    assert await draft_of(engine) == expected


async def test_a_cry_of_the_one_told_of_at_the_place_check_is_added_and_the_place_kept(engine: Engine) -> None:
    resident = await at(engine, "place_check")
    proposal = (await draft_of(engine))["proposal"]
    await resident.send("dia skrg manjat pager rumah sy")
    assert resident.replies[0].text.startswith("🚨") and resident.heard(ASKED_AT["place_check"]), resident.text
    draft = await draft_of(engine)
    assert draft["description"].endswith("\ndia skrg manjat pager rumah sy") and draft["proposal"] == proposal


@pytest.mark.parametrize("no", ["ga", "tidak pak"])
async def test_a_bare_no_at_the_time_question_is_no_time_and_it_is_asked_again(engine: Engine, no: str) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "1", "motor sy dicuri di depan rumah", "kel gedog sananwetan", "ya"):  # no time told
        await resident.send(said)
    assert resident.heard("report.ask_when"), resident.text
    await resident.send(no)
    assert resident.heard("report.when_invalid") and "when" not in await draft_of(engine), resident.text


async def test_a_cry_that_tells_now_at_the_time_question_is_the_time(engine: Engine) -> None:
    resident = await at(engine, "when")
    await resident.send("skrg lg ribut lagi, istrinya teriak2 minta tolong")
    assert resident.replies[0].text.startswith("🚨") and resident.heard("report.ask_photo"), resident.text
    when = (await draft_of(engine))["when"]
    assert when.get("choice") == "now" or when["text"].startswith("skrg"), when  # taken, not asked again


async def test_a_cry_at_the_category_of_a_report_already_told_keeps_the_story(engine: Engine) -> None:
    resident = Resident(engine, "console:story")
    story = "kotak amal musholla dicongkel orang, kel gedog kec sananwetan blitar"
    await resident.send(story)
    await resident.send("bukan")
    assert resident.heard("report.ask_category"), resident.text
    await resident.send("tolong ada orang bawa celurit ngamuk di depan!!")
    assert resident.replies[0].text.startswith("🚨") and resident.heard("report.ask_category"), resident.text
    draft = await draft_of(engine)
    assert draft["description"] == story and draft["urgent"] is True and "category" not in draft


@pytest.mark.parametrize("consent", ["pake nama aja, nomor gpp dikasih", "named, no need to hide my number"])
async def test_named_with_the_number_allowed_is_no_wish_to_keep_it_back(engine: Engine, consent: str) -> None:
    resident = await at(engine, "identity")
    await resident.send(consent)
    assert not resident.heard("report.named_shows_number"), resident.text


NUMBER_KEPT_BACK = ["pake nama aja, tp nomor hp sy jgn dikasih ya", "named but please hide my number",
                    "dengan nama, tapi nomor wa saya jangan ditampilkan", "nama boleh, nomor hp jangan"]


@pytest.mark.parametrize("wish", NUMBER_KEPT_BACK)
async def test_named_but_not_the_number_is_told_they_go_together_and_asked_again(engine: Engine, wish: str) -> None:
    """On WhatsApp officers see a named reporter's number with the name: the two cannot be had apart."""
    resident = await at(engine, "identity", "whatsapp:+6281234500078")
    await resident.send(wish)
    assert t("id", "report.named_shows_number") in resident.text or \
        t("en", "report.named_shows_number") in resident.text, resident.text
    assert await step_of(engine, resident) == "identity" and "identity" not in await draft_of(engine)


@pytest.mark.parametrize("urn", ["telegram:5550078", "console:resident"])
@pytest.mark.parametrize("wish", NUMBER_KEPT_BACK)
async def test_named_but_not_the_number_is_what_a_chat_without_a_number_gives(engine: Engine, wish: str,
                                                                             urn: str) -> None:
    """From Telegram officers see a named reporter's name and no number: what was asked for, so it is taken."""
    resident = await at(engine, "identity", urn)
    await resident.send(wish)
    assert t("id", "report.named_shows_number_without_number") in resident.text or \
        t("en", "report.named_shows_number_without_number") in resident.text, resident.text
    assert (await draft_of(engine))["identity"] == "named" and resident.heard("report.ask_name"), resident.text


@pytest.mark.parametrize(("said", "identity"), [("nama sy gk usah dicantumin ya", Identity.CONFIDENTIAL),
                                               ("ga mau disebut namanya pak", Identity.CONFIDENTIAL),
                                               ("Budi Santoso, tolong jgn disebarin nama sy", Identity.CONFIDENTIAL),
                                               ("nama sy Rudi Hartono, boleh dihubungi", Identity.NAMED)])
async def test_how_to_be_shown_said_in_own_words_at_the_identity_question_is_taken(engine: Engine, said: str,
                                                                                  identity: Identity) -> None:
    resident = await at(engine, "identity")
    await resident.send(said)
    assert not resident.heard("common.not_a_choice"), resident.text
    assert (await draft_of(engine))["identity"] == identity


async def test_whatever_at_the_identity_question_is_helped_to_a_choice(engine: Engine) -> None:
    resident = await at(engine, "identity")
    await resident.send("bebas")
    assert resident.heard("report.identity_choose") and not resident.heard("common.not_a_choice"), resident.text


@pytest.mark.parametrize("refused", ["ga usah pakai nama", "gk mau ah"])
async def test_no_name_after_all_said_in_words_at_the_name_asks_again_how_to_be_shown(engine: Engine,
                                                                                       refused: str) -> None:
    resident = await at(engine, "identity")
    await resident.send("dengan nama")
    await resident.send(refused)
    assert resident.heard("report.ask_identity"), "not a name officers would see"


async def test_a_cry_that_also_says_not_to_go_on_keeps_the_report_urgent(engine: Engine) -> None:
    resident = await at(engine, "when")
    await resident.send("gak jadi pak, pelakunya bawa golok masih di depan rumah")
    assert resident.heard("emergency.call_110") and not resident.heard("report.cancelled"), resident.text
    assert (await draft_of(engine)).get("urgent")


@pytest.mark.parametrize("said", ["laporan saya dibaca ga pak? tetangga dipukul",
                                  "mana laporan saya, anak saya hilang dari tadi"])
async def test_a_story_that_mentions_ones_report_is_kept_as_the_story(engine: Engine, said: str) -> None:
    resident = await at(engine, "description")
    await resident.send(said)
    assert not resident.heard("status.own_reports") and not resident.heard("status.no_own_reports_yet"), resident.text
    assert (await draft_of(engine)).get("description") == said


async def test_no_need_said_at_the_name_asks_again_how_to_be_shown_and_keeps_the_report(engine: Engine) -> None:
    resident = await at(engine, "identity")
    await resident.send("dengan nama")
    assert resident.heard("report.ask_name")
    await resident.send("ga usah deh pak")
    assert resident.heard("report.ask_identity") and not resident.heard("report.cancelled"), resident.text
    await resident.send("rahasia")
    assert resident.heard("report.summary") and "Rahasia" in resident.text, resident.text
    await resident.send("kirim")
    [report] = await reports(engine)
    assert report.identity == Identity.CONFIDENTIAL


@pytest.mark.parametrize(("said", "shown", "lang"), [
    ("eh bentar, sebenernya bukan kmrn tp tadi siang", "Waktu: tadi siang", "id"),
    ("sorry, it was this morning not yesterday", "When: this morning", "en"),  # answered in English from then on
])
async def test_a_time_taken_back_at_the_place_question_changes_the_time_not_the_place(
        engine: Engine, said: str, shown: str, lang: str) -> None:
    resident = await at_location(engine)
    await resident.send(said)
    assert resident.heard("report.ask_location", lang) and not resident.heard("place.pick_one", lang), resident.text
    for answer in ("kel gedog sananwetan blitar", "ya", "ga ada", "rahasia aja"):
        await resident.send(answer)
    assert resident.heard("report.summary", lang) and shown in resident.text, resident.text


# The same cry told in Indonesian and in English: its urgent report is filed alike, Darurat for a life at risk that
# names no crime, the crime's category where one is named.
_CRIES_IN_BOTH = [
    ("sy udh minum obat banyak bgt", "I took too many pills", Category.EMERGENCY),
    ("ada cewek dipaksa masuk mobil", "a man is dragging a woman into a car", Category.EMERGENCY),
    ("anak sy diculik orang td siang", "my child was kidnapped this afternoon", Category.SECURITY),
    ("ada org bawa golok ngamuk di pasar", "a man with a machete is running amok at the market", Category.SECURITY),
    ("ada yg ngintip dr luar jendela kamar sy", "someone is peeping through my bedroom window", Category.SECURITY),
    ("preman mukul sy", "a man punches me", Category.SECURITY),
    ("ada yg nyerang bapak sy pake kayu", "someone attacks my dad with a stick", Category.SECURITY),
]


@pytest.mark.parametrize(("told", "lang", "category"), [
    (told, lang, category) for indonesian, english, category in _CRIES_IN_BOTH
    for told, lang in ((indonesian, "id"), (english, "en"))])
async def test_a_cry_in_either_language_files_its_urgent_report_alike(engine: Engine, told: str, lang: str,
                                                                      category: Category) -> None:
    resident = Resident(engine)
    await resident.send(told)
    assert resident.heard("emergency.call_110", lang), resident.text
    draft = await draft_of(engine)
    assert draft["urgent"] is True
    assert draft.get("category", draft.get("read", {}).get("category")) == category.value, draft


@pytest.mark.parametrize("home", ["kel gedog sananwetan", "sy tinggal di gedog"])
async def test_a_place_said_as_by_phone_or_online_asks_where_the_resident_lives(engine: Engine, home: str) -> None:
    resident = await at_location(engine)
    await resident.send("online pak, lewat hp")
    assert resident.heard("place.ask_home_for_online"), resident.text
    assert not resident.heard("place.pick") and not resident.heard("place.pick_one"), "no Desa Lewat"
    await resident.send(home)
    shown = f"{resident.text} {' '.join(resident.options())}"
    assert "Kel. Gedog" in shown and "Lewat" not in shown, shown
    await resident.send("1" if resident.heard("place.pick_one") else "ya")  # a village alone is offered, not taken
    assert "lewat hp" in (await draft_of(engine))["location_text"], "the officers read that it was online"


async def test_a_missing_child_at_the_menu_is_urgent_darurat_with_the_story_kept(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("anakku ilang pak, tadi di pasar legi")
    assert resident.replies[0].text.startswith("🚨") and "Kategori: Darurat" in resident.text, resident.text
    draft = await draft_of(engine)
    assert draft["urgent"] is True and draft["description"] == "anakku ilang pak, tadi di pasar legi"


@pytest.mark.parametrize("said", ["kejadiannya salah, harusnya kemarin sore",
                                  "eh kejadiannya kemarin sore pak, bukan semalem"])
async def test_the_time_of_the_incident_corrected_keeps_the_story(engine: Engine, said: str) -> None:
    resident = await at(engine, "summary")
    story = (await draft_of(engine))["description"]
    await resident.send(said)
    assert resident.heard("report.summary") and "Waktu: kemarin sore" in resident.text, resident.text
    assert (await draft_of(engine))["description"] == story, "the story stays"
    assert (await draft_of(engine))["when"] == {"text": "kemarin sore"}, resident.text


@pytest.mark.parametrize("place", ["rumahnya di gedog sananwetan", "bukan, lokasinya di kel gedog sananwetan pak"])
async def test_a_place_given_at_the_read_back_is_taken_and_the_time_still_asked(engine: Engine, place: str) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send("ada maling masuk rumah tetangga sy")
    assert resident.heard("report.read_back_ask_when"), resident.text
    await resident.send(place)
    assert resident.heard("place.confirm") and "Kel. Gedog" in resident.text, resident.text
    await resident.send("ya")
    assert resident.heard("report.ask_when"), "the time was not answered: it is asked"
    assert (await draft_of(engine))["category"] == "security"


async def test_a_short_story_naming_its_kind_at_the_menu_is_kept_as_the_story(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send("hp sy dijambret barusan")
    assert resident.heard("report.read_back") and not resident.heard("report.ask_description"), resident.text
    assert (await draft_of(engine))["description"] == "hp sy dijambret barusan"


async def test_an_answer_to_another_question_at_the_place_spends_no_try(engine: Engine) -> None:
    resident = await at_location(engine)
    await resident.send("xyzzy qwerty")
    assert resident.heard("place.ask_district"), resident.text
    await resident.send("iya")
    assert resident.heard("report.location_not_a_place") and not resident.heard("place.goes_to_desk"), resident.text
    await resident.send("rahasia")  # how to be shown, answered ahead: kept for its question
    assert resident.heard("report.identity_noted") and resident.heard("place.ask_district"), resident.text
    assert (await draft_of(engine))["identity"] == "confidential"
    await resident.send("jember")  # a kabupaten that reads as a word of Javanese yes/no is still a place
    offered = " ".join(resident.options())
    assert not resident.heard("report.location_not_a_place") and "Kab. Jember" in offered, resident.text


async def test_a_place_told_in_the_story_of_the_guided_report_is_proposed_not_asked(engine: Engine) -> None:
    resident = Resident(engine)
    for said in ("halo", "lapor", "1"):
        await resident.send(said)
    await resident.send("motor saya dicuri depan pasar gedog sananwetan kmrn sore")
    assert resident.heard("place.confirm") and "Kel. Gedog" in resident.text, resident.text
    assert not resident.heard("report.ask_location")
    await resident.send("bukan")
    assert resident.heard("report.ask_location") and not resident.heard("place.ask_district_after_no"), "no try spent"
    await resident.send("kel gedog sananwetan")
    await resident.send("ya")
    assert resident.heard("report.ask_when"), resident.text


@pytest.mark.parametrize(("story", "offered"), [
    ("motor dicuri di parkiran kel bendogerit", ["Kel. Bendogerit, Kec. Sananwetan, Kota Blitar"]),  # one of that name
    ("motor dicuri di parkiran kel kepanjen", ["Kel. Kepanjen, Kec. Kepanjen, Kab. Malang"]),  # one of several
])
async def test_a_village_the_guided_story_names_as_one_is_offered_not_asked(engine: Engine, story: str,
                                                                           offered: list[str]) -> None:
    resident = Resident(engine)
    for said in ("halo", "lapor", "1", story):
        await resident.send(said)
    assert not resident.heard("report.ask_location"), resident.text
    shown = f"{resident.text} {' '.join(resident.options())}"
    assert all(place in shown for place in offered), shown


# The time was offered with the read-back: a plain yes is asked it next, "3" chooses "Ya, sebelum hari ini"; a time
# sent alone later says more, and is the time. A day told in the story with no hour takes an hour sent later.
@pytest.mark.parametrize(("when", "yes", "late", "kept"), [
    ("", "iya", "wingi sore", "wingi sore"),
    ("", "3", "3 hari yg lalu", "3 hari yg lalu"),
    (" kemarin malam", "iya", "oh iya kejadiannya sekitar jam 11 malam", "kemarin malam, sekitar jam 11 malam"),
    (" kemarin malam", "iya", "it happened around 11pm", "kemarin malam, 11pm"),
    ("", "iya", "tiap malam", "tiap malam"),  # a repeat
    ("", "iya", "udh 3 hari", "udh 3 hari"),  # a stretch of time
    (" tadi", "iya", "td jam 3an", "tadi, jam 3an"),  # the hour of the day told
    # an hour told again takes the place of the story's, keeping its day, its part of the day and its repeat
    (" kemarin jam 12 siang", "iya", "sekitar jam 7 malam", "kemarin sekitar jam 7 malam"),
    (" kemarin jam 12 siang", "iya", "iya benar, sekitar jam 7 malam", "kemarin sekitar jam 7 malam"),
    (" kemarin jam 12 siang", "iya", "bukan jam 12, tapi jam 7 malam", "kemarin jam 7 malam"),
    (" kemarin jam 12 siang", "iya", "jam 7 malam, bukan jam 12", "kemarin jam 7 malam"),
    (" kemarin malam jam 9", "iya", "jam 10", "kemarin malam jam 10"),
    (" 2 hari lalu jam 9 malam", "iya", "sekitar jam 10", "2 hari lalu sekitar jam 10 malam"),
    (" tiap malam minggu jam 10", "iya", "sekitar jam 11", "tiap malam minggu sekitar jam 11"),
    (" Kemarin Jam 12 Siang", "iya", "jam 7 malam", "kemarin jam 7 malam"),
    (" kemarin", "iya", "eh jam 6 pak", "kemarin, jam 6"),  # "jam" is no field to correct here, but the clock
    (" kemarin", "iya", "eh jamnya salah, sekitar jam 7 malam", "kemarin, sekitar jam 7 malam"),
])
async def test_a_time_sent_late_is_taken_as_the_time(engine: Engine, when: str, yes: str, late: str,
                                                     kept: str) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send(f"motor sy dicuri{when} di depan rumah kel gedog sananwetan")
    await resident.send(yes)
    asked = "report.ask_when" if (when, yes) == ("", "iya") else "report.ask_photo"
    assert resident.heard(asked), resident.text
    await resident.send(late)
    lang = "en" if late.startswith("it ") else "id"  # an English correction is answered in English
    assert resident.heard("report.ask_photo", lang) and not resident.heard("report.photo_or_skip", lang), resident.text
    assert (await draft_of(engine))["when"] == {"text": kept}


async def test_the_story_sent_again_is_not_taken_for_the_answer_asked(engine: Engine) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "1", "motor sy ilang pak"):
        await resident.send(said)
    assert resident.heard("report.ask_location"), resident.text
    await resident.send("motor sy ilang pak")
    assert resident.heard("report.story_again") and resident.heard("report.ask_location"), resident.text


async def test_a_doubt_whether_it_is_an_emergency_keeps_it_urgent(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("tadi ada kecelakaan motor, korbannya berdarah di depan pasar gedog sananwetan blitar")
    await resident.send("gak tau darurat atau bukan pak")
    assert (await draft_of(engine))["urgent"] is True


async def test_no_emergency_said_at_the_read_back_is_no_answer_to_it(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("sy dipukul orang td pas antri bensin di spbu kel gedog sananwetan, berdarah dikit di bibir")
    await resident.send("bukan darurat pak, cuma luka kecil")
    assert resident.heard("report.urgent_off") and resident.heard("report.read_back"), resident.text
    await resident.send("iya")
    assert resident.heard("report.ask_photo") and (await draft_of(engine))["urgent"] is False, resident.text


async def test_a_resident_who_says_it_is_no_emergency_is_taken_at_their_word(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("tadi ada kecelakaan motor, korbannya berdarah di depan pasar gedog sananwetan blitar")
    assert resident.heard("emergency.call_110") and (await draft_of(engine))["urgent"] is True
    await resident.send("bukan darurat pak, cuma luka kecil, sudah diobati")
    assert (await draft_of(engine))["urgent"] is False, resident.text
    assert resident.heard("report.read_back") and "read" in await draft_of(engine), "no \"Bukan\" to what was read"
    await resident.send("tolong ada yg pingsan lagi pak")
    assert (await draft_of(engine))["urgent"] is True, "a new cry makes it urgent again"


async def test_a_spoken_word_a_typo_away_from_a_place_is_no_place(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("pak sy mau crita, td pagi ada org ngaku dr PLN minta bayaran 200rb buat ganti meteran")
    assert "Lokasi: (belum ada)" in resident.text and "Carita" not in resident.text, resident.text


@pytest.mark.parametrize("piece", ["oh iya helmnya jg dibawa pak", "sorry, forgot to say the helmet was taken too"])
async def test_a_piece_remembered_at_the_read_back_is_added(engine: Engine, piece: str) -> None:
    resident = Resident(engine)
    await resident.send("motor sy dicuri td malam di depan rumah kel gedog sananwetan blitar")
    await resident.send(piece)
    lang = "en" if resident.heard("language.changed", "en") else "id"  # told in English, answered in English
    assert resident.heard("report.story_added", lang), resident.text
    assert (await draft_of(engine))["description"].endswith(piece)


async def test_a_yes_with_an_hour_keeps_the_hour_alone(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("motor sy dicuri di depan rumah kel gedog sananwetan blitar")
    await resident.send("Ya benar, sekitar pukul 21.00 WIB")
    assert (await draft_of(engine))["when"] == {"text": "sekitar pukul 21.00 WIB"}


async def test_a_long_story_opened_with_a_greeting_is_kept(engine: Engine) -> None:
    resident = Resident(engine)
    story = ("Good evening, I am a foreign tourist staying at a homestay in Gedog, someone took my passport from "
             "the table and never came back")
    await resident.send(story)
    assert resident.heard("report.read_back_ask_when", "en"), resident.text  # the story kept, its place read
    draft = await draft_of(engine)
    # the story kept, officers reading it from what happened
    assert draft["description"] == story.removeprefix("Good evening, ") and draft["read"]["place"] == GEDOG


async def test_no_photo_said_in_the_story_is_not_asked_again(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("motor sy dicuri td pagi di depan rumah kel gedog sananwetan blitar, sy gk punya foto")
    await resident.send("iya")
    assert resident.heard("report.ask_identity") and not resident.heard("report.ask_photo"), resident.text


@pytest.mark.parametrize("story", [
    "pacar sy ngancem mau nyebarin foto bugil sy kalo sy gk mau balikan, kel gedog sananwetan blitar td pagi",
    "mantan sy nyebar foto sy di grup wa, sy gk terima pak. kel gedog sananwetan blitar td pagi",
    "ada org yg foto2 rumah sy, tp sy gk kenal orgnya. kel gedog sananwetan blitar td pagi",
    "someone posted photos of me online and I did not agree, kel gedog sananwetan blitar this morning",
])
async def test_a_photo_the_story_tells_of_is_no_answer_to_the_photo_question(engine: Engine, story: str) -> None:
    resident = Resident(engine)
    for said in ("lapor", "1", story, "iya", "iya"):
        await resident.send(said)
    assert await step_of(engine, resident) == "photo" and "photo_skipped" not in await draft_of(engine), resident.text


@pytest.mark.parametrize("story", [
    "hp sy dijambret td pagi di kel gedog sananwetan blitar, fotonya gk ada pak",
    "hp sy dijambret td pagi di kel gedog sananwetan blitar. sy gk sempet foto pelakunya",
    "hp sy dijambret td pagi di kel gedog sananwetan blitar, tdk ada bukti foto",
])
async def test_no_photo_to_send_said_in_the_story_skips_the_photo(engine: Engine, story: str) -> None:
    resident = Resident(engine)
    await resident.send(story)
    await resident.send("iya")
    assert resident.heard("report.ask_identity") and not resident.heard("report.ask_photo"), resident.text


@pytest.mark.parametrize(("story", "told"), [
    ("Permisi pak, saya ibu rumah tangga umur 72 tahun. Kemarin sore saya ditelepon orang ngaku dari bank, uang sy "
     "hilang 5 juta. Rumah sy di kel gedog sananwetan blitar", "kemarin sore"),
    ("anak sy umur 5 thn dipukul tetangga td pagi di kel gedog sananwetan blitar", "tadi pagi"),
])
async def test_an_age_told_before_the_time_is_not_part_of_it(engine: Engine, story: str, told: str) -> None:
    resident = Resident(engine)
    await resident.send(story)
    assert f"Waktu: {told}\n" in resident.text, resident.text


@pytest.mark.parametrize(("story", "told"), [
    ("di depan sekolah sy setiap jam pulang sekolah banyak siswa nongkrong dan balapan liar, kel gedog sananwetan "
     "blitar", "setiap jam pulang sekolah"),
    ("tiap pulang sekolah banyak siswa balapan liar di jalan kel gedog sananwetan blitar", "tiap pulang sekolah"),
])
async def test_a_moment_of_the_day_that_comes_back_is_told_whole(engine: Engine, story: str, told: str) -> None:
    resident = Resident(engine)
    for said in ("lapor", "2", story, "ya"):
        await resident.send(said)
    assert f"“{told}”" in resident.text, resident.text


@pytest.mark.parametrize("cry", ["ada tawuran skrg pak pake sajam!!", "tolong pak ada maling masuk rumah sy skrg",
                                 "help, someone is breaking into my house right now"])
async def test_a_cry_after_a_pin_sent_first_is_kept_as_the_story(engine: Engine, cry: str) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send(location=(-8.0983, 112.1725))  # Kec. Sananwetan, Kota Blitar
    assert resident.heard("place.confirm_pin"), resident.text
    await resident.send(cry)
    assert "110" in resident.text, resident.text
    draft = await draft_of(engine)
    assert draft["description"] == cry and draft["urgent"], draft
    await resident.send("iya")
    assert not resident.heard("report.ask_description") and not resident.heard("report.ask_description", "en"), \
        resident.text


STORY_WITH_NAME = ("selamat malam pak, nama saya Budi Santoso, mau lapor hp saya dijambret orang naik motor tadi sore "
                   "jam 5 di jl kenanga kel gedog sananwetan blitar. tolong nama saya dirahasiakan ya pak")


async def test_a_wish_to_stay_unknown_told_with_the_story_is_taken_and_the_name_told_hidden(engine: Engine) -> None:
    await enrolled(engine, "console:petugas")
    resident = Resident(engine)
    for said in (STORY_WITH_NAME, "iya", "gak ada foto"):
        await resident.send(said)
    assert resident.heard("report.summary") and not resident.heard("report.ask_identity"), resident.text
    assert resident.heard("report.identity_reminder"), "what the identity question would have said"
    assert "Identitas: Rahasia" in resident.text and "Budi" not in resident.text, resident.text
    await resident.send("kirim")
    [report] = await reports(engine)
    assert report.identity == Identity.CONFIDENTIAL
    assert "Budi" not in report.description and "nama saya [nama disembunyikan], mau lapor" in report.description
    [alert] = await alerts(engine)
    assert "Budi" not in payload(alert)["text"]


async def test_an_anonymous_reporters_own_name_and_number_in_the_story_never_reach_officers(engine: Engine) -> None:
    await enrolled(engine, "console:petugas")
    resident = Resident(engine)
    story = ("pak sy mau lapor ada yg jualan sabu di kos2an belakang masjid kel gedog sananwetan blitar, tiap malem "
             "rame. sy Agus Salim tinggal sebelahnya, wa sy 0857-1234-9876. anonim aja ya pak sy takut")
    for said in (story, "iya", "gk ada", "kirim"):
        await resident.send(said)
    [report] = await reports(engine)
    assert report.identity == Identity.ANONYMOUS
    assert "sy [nama disembunyikan] tinggal sebelahnya, wa sy [nomor disembunyikan]." in report.description
    [alert] = await alerts(engine)
    assert "Agus" not in payload(alert)["text"] and "0857" not in payload(alert)["text"]


async def test_an_account_holders_name_in_a_confidential_scam_report_stays_as_evidence(engine: Engine) -> None:
    """"a.n." after an account is its holder's name (whom the bank is asked about), not the reporter's."""
    resident = Resident(engine)
    story = ("sy ketipu jual beli online pak, sudah transfer 2,5 juta ke rekening BRI a.n. Slamet Riyadi, barangnya "
             "gak dikirim, sy tinggal di kel plosokerep sananwetan")
    for said in (story, "iya, kemarin", "gk ada", "rahasia", "kirim"):
        await resident.send(said)
    [report] = await reports(engine)
    assert "rekening BRI a.n. Slamet Riyadi" in report.description, report.description


async def test_the_reporters_own_name_after_a_transfer_is_still_hidden(engine: Engine) -> None:
    """Only an "a.n." after an account is another's name: "Nama saya …" after "tf" is the reporter's."""
    resident = Resident(engine)
    story = ("Sy ketipu jual beli online, udh tf 500rb ke penjual. Nama saya Rina Wati, sy tinggal di kel gedog "
             "sananwetan")
    for said in (story, "iya, kemarin", "gk ada", "rahasia", "kirim"):
        await resident.send(said)
    [report] = await reports(engine)
    assert "Rina" not in report.description and "[nama disembunyikan]" in report.description, report.description


async def test_a_theft_while_waiting_for_an_online_ride_happened_where_it_happened(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("sy tinggal di kel gedog. tadi sore motor sy dicuri di parkiran kel bendogerit pas sy "
                        "nunggu ojek online")
    assert "Lokasi: Kel. Bendogerit" in resident.text, "an ojek online is met in the street: no scam by phone"


@pytest.mark.parametrize("story", [
    "sy tinggal di kel gedog. tadi sore hp sy dijambret di depan pasar kel bendogerit pas lagi pesan gojek lewat "
    "aplikasi",
    "sy tinggal di kel gedog, dompet sy dicopet di angkot di kel bendogerit pas lagi telponan di hp"])
async def test_a_snatch_while_on_the_phone_happened_where_it_happened(engine: Engine, story: str) -> None:
    resident = Resident(engine)
    await resident.send(story)
    assert read_back_at(resident.text, "Kel. Bendogerit"), "what the resident did on the phone is no scam by phone"


@pytest.mark.parametrize("story", ["sy ditipu lewat wa, katanya anak sy dirampok dan butuh uang",  # the lie told
                                   "saldo dana sy dirampok lewat aplikasi, tiba2 habis"])  # held online, taken online
async def test_a_robbery_told_in_a_scam_or_of_money_held_online_is_online(engine: Engine, story: str) -> None:
    resident = Resident(engine)
    for said in (f"sy tinggal di kel gedog. {story}", "iya, kemarin", "gk ada", "rahasia", "kirim"):
        await resident.send(said)
    [report] = await reports(engine)
    assert report.online and report.village_code, "off the map, filed at the resident's home"


async def test_a_name_told_with_the_story_is_the_name_of_a_named_report(engine: Engine) -> None:
    resident = Resident(engine)
    story = STORY_WITH_NAME.split(". tolong")[0]
    for said in (story, "iya", "lewati"):
        await resident.send(said)
    assert resident.heard("report.ask_identity"), "an introduction is no choice to be shown"
    await resident.send("dengan nama")
    assert resident.heard("report.summary") and not resident.heard("report.ask_name"), resident.text
    assert "Dengan nama (Budi Santoso)" in resident.text, resident.text
    await resident.send("kirim")
    [report] = await reports(engine)
    assert report.identity == Identity.NAMED and "nama saya Budi Santoso, mau lapor" in report.description


@pytest.mark.parametrize(("ahead", "kept"), [("gak ada foto pak", ("photo_skipped", True)),
                                             ("rahasia aja", ("identity", "confidential"))])
async def test_a_later_answer_where_a_place_is_picked_keeps_the_places_offered(engine: Engine, ahead: str,
                                                                                kept: tuple[str, object]) -> None:
    resident = Resident(engine)
    for said in ("motor sy ilang td pagi di kelurahan kepanjen", "iya"):
        await resident.send(said)
    offered = resident.options()
    assert any("Kab. Malang" in option for option in offered), resident.text
    await resident.send(ahead)
    assert not resident.heard("place.ask_district") and resident.options() == offered, resident.text
    await resident.send("1")
    draft = await draft_of(engine)
    assert draft["place"].startswith("35.07") and draft.get(kept[0]) == kept[1]


async def test_a_misspelt_village_of_the_stations_area_is_offered(engine: Engine) -> None:
    resident = await at_location(engine)
    await resident.send("plosokrep")
    assert resident.options()[0] == "Kel. Plosokerep, Kec. Sananwetan, Kota Blitar", resident.text
    await resident.send("1")
    assert (await draft_of(engine))["place"] == "35.72.03.1002"


@pytest.mark.parametrize(("opener", "story", "lang"), [
    ("halo pak, sy mau lapor sepeda sy dicuri",
     "sepeda polygon biru sy dicuri dr depan masjid jl merdeka kel gedog sananwetan, kemarin sore", "id"),
    ("Hi, I want to report a stolen bike",
     "My bicycle was stolen from outside the mosque near Jl. Merdeka, Kel. Gedog, Sananwetan, yesterday evening",
     "en"),
])
async def test_the_story_told_after_an_opener_at_the_read_back_is_kept_and_read(engine: Engine, opener: str,
                                                                                 story: str, lang: str) -> None:
    resident = Resident(engine)
    await resident.send(opener)
    await resident.send(story)
    assert resident.heard("report.story_added", lang), resident.text
    draft = await draft_of(engine)
    assert story in draft["description"] and draft["read"]["place"] == GEDOG, draft
    assert draft["read"]["when"] == "earlier"


@pytest.mark.parametrize("story", [
    "pak td ada org aneh mondar mandir depan rumah sy bawa karung, liat2 ke dalem pager, di kel gedog",
    "kulo badhe lapor, wingi sonten motor kulo ical wonten ngajeng griya, ds sekar bojonegoro",
])
async def test_a_story_no_list_knows_at_first_contact_is_kept_and_its_kind_asked(engine: Engine, story: str) -> None:
    resident = Resident(engine)
    await resident.send(story)
    assert resident.heard("report.read_back"), resident.text
    assert (await draft_of(engine))["description"] == story


@pytest.mark.parametrize(("story", "told"), [
    ("kulo badhe lapor, wingi dalu motor kulo ical wonten ngajeng griya, ds sekar bojonegoro", "kemarin malam"),
    ("wingi sonten motor kulo dipun colong wonten pasar gedog", "kemarin sore"),
])
async def test_a_krama_time_in_the_story_is_read_whole(engine: Engine, story: str, told: str) -> None:
    """"wingi dalu" is last night: the night is not lost from the time read."""
    resident = Resident(engine)
    await resident.send(story)
    read = (await draft_of(engine))["read"]
    assert read["when"] == "earlier" and read["when_told"] == told, read


@pytest.mark.parametrize(("story", "told"), [
    ("wau dalu wonten maling mlebu omah tanggi kulo ing Kel. Bendogerit", "tadi malam"),
    ("Nyuwun sewu pak, wau dalu wonten tiyang mendem ngamuk mbanting barang wonten warung ing Kel. Gedog",
     "tadi malam"),
])
async def test_a_krama_earlier_is_kept_through_a_plain_yes(engine: Engine, story: str, told: str) -> None:
    """"wau dalu" is last night: a plain "nggih" confirms it, and no "going on now" is made of it."""
    resident = Resident(engine)
    await resident.send(story)
    await resident.send("nggih")
    draft = await draft_of(engine)
    assert draft["when"] == {"text": told} and not draft.get("urgent"), draft


@pytest.mark.parametrize("opener", ["sy mau lapor ke polsek sananwetan pak", "di jl kenanga no 5 kel gedog"])
async def test_an_opener_or_a_place_alone_is_no_story(engine: Engine, opener: str) -> None:
    resident = Resident(engine)
    await resident.send(opener)
    assert "description" not in await draft_of(engine), resident.text


@pytest.mark.parametrize("unknown", ["tidak tahu", "gak tau pak", "I don't know"])
async def test_a_place_not_known_goes_to_the_desk_and_is_no_village(engine: Engine, unknown: str) -> None:
    """The kecamatan or the town is asked once (it routes to a Polsek, where the desk places it by hand)."""
    resident = await at_location(engine)
    await resident.send(unknown)
    assert resident.heard("place.ask_district_unknown") and "Tahu" not in resident.text, resident.text
    await resident.send(unknown)
    assert resident.heard("place.goes_to_desk") and "Tahu" not in resident.text, resident.text
    draft = await draft_of(engine)
    assert draft["needs_routing"] is True and "place" not in draft and not draft.get("location_text")


@pytest.mark.parametrize("offered_by", ["gedog", "kel gedog sananwetan"])
@pytest.mark.parametrize("asked", ["emang gedog itu masuk kecamatan mana pak?", "gedog tu dmn sih",
                                   "kecamatannya apa ya pak?", "itu kota mana?", "which district is that?",
                                   "where is that?"])
async def test_where_an_offered_place_lies_is_told_and_it_is_offered_again(engine: Engine, offered_by: str,
                                                                          asked: str) -> None:
    """A question of where the place offered lies is no place of its own (it read "gedog itu masuk kecamatan mana"
    as Desa Sigedong of Serang): its kecamatan, kab/kota and province are told, and the same place offered again."""
    resident = await at_location(engine)
    await resident.send(offered_by)
    assert resident.heard("place.pick_one") or resident.heard("place.confirm"), resident.text
    await resident.send(asked)
    assert resident.heard("place.lies_in") or resident.heard("place.lies_in", "en"), resident.text
    assert "Sananwetan" in resident.text and "Jawa Timur" in resident.text and "Sigedong" not in resident.text
    await resident.send("ya")
    assert (await draft_of(engine))["place"] == "35.72.03.1001"


@pytest.mark.parametrize("asked", ["kecamatan itu apa?", "kelurahan itu apa ya?", "kecamatan itu maksudnya apa pak?"])
async def test_what_a_kecamatan_is_asked_at_a_place_offered_is_explained(engine: Engine, asked: str) -> None:
    resident = await at_location(engine)
    await resident.send("gedog")
    await resident.send(asked)
    assert resident.heard("report.area_explained") and not resident.heard("place.lies_in"), resident.text


@pytest.mark.parametrize("asked", ["kelurahan itu apa ya?", "desa tuh apa pak", "apa itu kecamatan?",
                                   "what is a kelurahan?"])
async def test_what_a_kelurahan_is_asked_at_the_place_is_explained_and_no_try_spent(engine: Engine,
                                                                                    asked: str) -> None:
    resident = await at_location(engine)
    await resident.send(asked)
    assert resident.heard("report.area_explained") or resident.heard("report.area_explained", "en"), resident.text
    assert not resident.heard("report.location_question") and "location_text" not in await draft_of(engine)
    await resident.send("gk tau kelurahannya apa pak")  # not known, with "apa": the kecamatan is asked kindly
    assert resident.heard("place.ask_district_unknown") or resident.heard("place.ask_district_unknown", "en"), \
        resident.text


@pytest.mark.parametrize("unknown", ["sy gk tau kelurahannya, cuma tau deket pasar templek",
                                     "lupa nama desanya pak tp deket pasar templek"])
async def test_a_village_not_known_asks_the_kecamatan_and_keeps_what_is_known(engine: Engine, unknown: str) -> None:
    resident = await at_location(engine)
    await resident.send(unknown)
    assert resident.heard("place.ask_district_unknown"), resident.text
    assert "description" in await draft_of(engine) and "pasar" not in (await draft_of(engine))["description"], \
        "the landmark is where, not more of the story"
    await resident.send("kec sananwetan kota blitar")
    assert "Kec. Sananwetan" in resident.replies[-1].text, resident.text
    await resident.send("ya")
    assert "deket pasar templek" in (await draft_of(engine))["location_text"], "officers read the landmark"


@pytest.mark.parametrize("spot", ["blakang pasar templek", "sebrang pasar templek", "dpan pasar templek"])
async def test_a_spot_in_chat_spelling_is_where_and_the_kecamatan_is_asked(engine: Engine, spot: str) -> None:
    """"blakang" is "belakang" as chat spells it: no typo of a village nearby, so no more of the story either."""
    resident = await at_location(engine)
    await resident.send(spot)
    assert resident.heard("place.ask_district"), resident.text
    assert "pasar" not in (await draft_of(engine))["description"], "the spot is where, not more of the story"
    await resident.send("kec sananwetan kota blitar")
    await resident.send("ya")
    assert spot in (await draft_of(engine))["location_text"], "officers read the spot"


async def test_a_village_not_known_with_its_kecamatan_is_read_at_once(engine: Engine) -> None:
    resident = await at_location(engine)
    await resident.send("gk tau kelurahannya tp kec sananwetan")
    assert "Kec. Sananwetan" in resident.replies[-1].text and not resident.heard("place.ask_district_unknown"), \
        resident.text


async def test_a_fear_of_being_known_at_the_place_question_is_answered_and_no_place(engine: Engine) -> None:
    resident = await at_location(engine)
    await resident.send("jgn sampe suami sy tau ya pak")
    assert resident.heard("menu.privacy") and resident.heard("report.identity_noted"), resident.text
    assert resident.heard("report.ask_location") and "Sampe" not in " ".join(resident.options()), resident.text


@pytest.mark.parametrize(("yes", "kept"), [("iya, kemarin", "kemarin"),
                                          ("iya, udh sebulanan", "sejak sebulan lalu")])  # a stretch: since then
async def test_a_yes_with_a_day_at_the_read_back_keeps_the_day_as_told(engine: Engine, yes: str, kept: str) -> None:
    resident = Resident(engine)
    await resident.send("motor sy dicuri di depan rumah kel gedog sananwetan")
    await resident.send(yes)
    assert resident.heard("report.ask_photo"), resident.text
    assert (await draft_of(engine))["when"] == {"text": kept}


async def test_a_time_said_again_as_the_one_meant_is_the_time(engine: Engine) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "1", DESCRIPTION, PLACE, "ya"):
        await resident.send(said)
    await another_incident(resident)
    await resident.send("eh salah, maksudnya kemarin")
    assert (await draft_of(engine))["when"] == {"text": "kemarin"}


@pytest.mark.parametrize(("story", "place"), [
    ("helm sy ilang di parkiran alfamart jl. mastrip, plosokerep. kemarin mlm sktr jam 9", "35.72.03.1002"),
    ("tabrakan di perempatan gedog tadi pagi, motor sama mobil", GEDOG),
    ("tetangga sy tiap malam nyetel musik keras sampe jam 2", None),  # Desa Keras and Sampe are far away
    ("motor saya dicuri padahal sudah dikunci stang, tadi malam", None),  # Desa Sudah is near, but a word
    ("hp saya hilang di pojok warung tadi siang", None),  # so is Desa Pojok
])
async def test_a_village_of_the_stations_area_named_alone_in_a_story_is_read_to_confirm(engine: Engine, story: str,
                                                                                       place: str | None) -> None:
    resident = Resident(engine)
    await resident.send(story)
    assert (await draft_of(engine))["read"].get("place") == place, resident.text


async def test_a_village_name_two_stations_cover_is_asked_which_the_polseks_own_first(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("motor sy dicuri td pagi di depan rumah klampok")
    assert "Klampok (ada beberapa tempat bernama ini" in resident.text, resident.text
    await resident.send("iya")
    assert resident.options()[:2] == ["Kel. Klampok, Kec. Sananwetan, Kota Blitar",
                                      "Desa Klampok, Kec. Kapas, Kab. Bojonegoro"], resident.options()


async def test_a_time_given_where_a_place_is_picked_is_kept_for_the_time(engine: Engine) -> None:
    resident = Resident(engine)
    for said in ("lapor", "1", "ada yg nyuri helm sy di parkiran masjid", "kel plosokerep", "kmrn malem"):
        await resident.send(said)
    assert resident.heard("report.time_noted") and resident.heard("place.pick"), resident.text
    await resident.send("1")
    assert resident.heard("report.ask_photo"), "the time is not asked again"
    assert (await draft_of(engine))["when"] == {"text": "kmrn malem"}


@pytest.mark.parametrize(("first", "then", "kept"), [
    ("td siang", "eh bukan, kemarin", "kemarin"),  # the time taken back, where the place is asked
    ("td siang", "eh salah, kmrn pagi", "kmrn pagi"),
    ("kmrn", "bukan, td pagi", "td pagi"),
])
async def test_a_time_given_again_where_the_place_is_asked_replaces_the_one_given(engine: Engine, first: str,
                                                                                 then: str, kept: str) -> None:
    resident = await at_location(engine)
    await resident.send(first)
    await resident.send(then)
    assert (resident.heard("report.time_noted") or resident.heard("report.changed")) \
        and resident.heard("report.ask_location"), resident.text
    draft = await draft_of(engine)
    assert draft["when"] == {"text": kept} and not draft.get("location_text"), draft


async def test_sending_said_where_the_time_is_asked_is_no_time(engine: Engine) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "1", DESCRIPTION, PLACE, "ya"):
        await resident.send(said)
    await another_incident(resident)
    await resident.send("kirim")
    assert resident.heard("report.when_invalid") and "when" not in await draft_of(engine), resident.text


async def test_a_warm_yes_where_a_place_is_proposed_is_a_yes_not_a_village(engine: Engine) -> None:
    resident = Resident(engine)
    for said in ("lapor", "1", "ayam sy dicuri td malam", "kel bendogerit sananwetan"):
        await resident.send(said)
    assert resident.heard("place.confirm"), resident.text
    await resident.send("Ya benar. Terima kasih banyak.")
    assert (await draft_of(engine)).get("place", "").startswith("35.72.03"), resident.text
    assert "Kasih" not in " ".join(resident.options())


async def test_an_everyday_word_far_away_is_no_place_offered(engine: Engine) -> None:
    resident = await at_location(engine)
    await resident.send("bajunya 5 potong sama celana jeans")
    assert "Sama" not in " ".join(resident.options()), resident.options()


async def test_a_story_told_as_online_asks_where_the_resident_lives(engine: Engine) -> None:
    resident = Resident(engine)
    for said in ("sy ditipu lewat wa, udh transfer 1jt ke org yg ngaku kurir", "iya"):
        await resident.send(said)
    assert resident.heard("place.ask_home_for_online") and not resident.heard("report.ask_location"), resident.text


async def test_more_of_the_story_sent_where_the_place_is_asked_is_added_to_it(engine: Engine) -> None:
    resident = await at_location(engine)
    await resident.send("nyolong jemuran sy, bajunya 5 potong")
    assert resident.heard("report.story_added") and resident.heard("report.ask_location"), resident.text
    draft = await draft_of(engine)
    assert draft["description"].endswith("nyolong jemuran sy, bajunya 5 potong") and "place_tries" not in draft


async def test_a_report_wished_with_a_fear_of_being_known_begins_and_keeps_who_is_feared(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send("sy mau lapor tp takut ketauan suami sy")
    assert resident.heard("menu.privacy") and resident.heard("report.ask_category"), resident.text
    await resident.send("dia sering mukul sy kalo lg mabuk, semalem jg sy ditampar sampe bibir sy berdarah")
    assert (await draft_of(engine))["description"].startswith("sy mau lapor tp takut ketauan suami sy\ndia sering")


async def test_the_reporters_own_number_and_name_typed_as_the_place_are_hidden_too(engine: Engine) -> None:
    await enrolled(engine, "console:petugas")
    resident = await at_location(engine)
    await resident.send("rumah sy jl melati 5 kel gedog sananwetan, wa 081234567890 a.n. Sri Wahyuni")
    for said in ("ya", "tadi", "gak ada foto", "rahasia", "kirim"):
        await resident.send(said)
    [report] = await reports(engine)
    assert "0812" not in (report.location_text or "") and "Wahyuni" not in (report.location_text or ""), report
    [alert] = await alerts(engine)
    assert "0812" not in payload(alert)["text"] and "Wahyuni" not in payload(alert)["text"]


async def test_two_answers_in_one_message_where_the_place_is_asked_are_both_kept(engine: Engine) -> None:
    resident = await at_location(engine)
    await resident.send("kel gedog sananwetan, gak punya foto pak")
    assert resident.heard("place.confirm") and "Kel. Gedog" in resident.text, resident.text
    assert (await draft_of(engine))["photo_skipped"] is True


async def test_no_photo_said_with_a_story_told_where_the_kind_is_asked_is_kept(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("lapor")
    await resident.send("ga ada foto pak, dompet sy dicopet di angkot kel gedog sananwetan td pagi")
    assert (await draft_of(engine))["photo_skipped"] is True, resident.text


@pytest.mark.parametrize("unknown", ["gk tau pak, sy lg tidur pas itu", "lupa pak"])
async def test_not_knowing_the_place_with_a_reason_goes_to_the_desk(engine: Engine, unknown: str) -> None:
    resident = await at_location(engine)
    for _ in range(2):  # the kecamatan or town asked once, then the desk
        await resident.send(unknown)
    assert resident.heard("place.goes_to_desk"), resident.text


async def test_a_date_sent_late_is_the_time(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("hp sy dicopet di pasar kel gedog sananwetan")
    await resident.send("3")
    await resident.send("tgl 2 pak")
    assert resident.heard("report.ask_photo") and not resident.heard("report.photo_or_skip"), resident.text
    assert (await draft_of(engine))["when"] == {"text": "tgl 2 pak"}


@pytest.mark.parametrize("typed", ["sy lg di rumah sodara di kec sekar bojonegoro, kejadiannya di pasar gedog blitar",
                                   "sy lg di rumah sodara di klampok, kejadian di pasar gedog",
                                   "skrg sy lg di rumah sodara di kec sekar bojonegoro, tadi di pasar gedog blitar"])
async def test_where_the_resident_is_now_is_not_offered_for_where_it_happened(engine: Engine, typed: str) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "1", "hp sy dicopet pas belanja", typed):
        await resident.send(said)
    shown = f"{resident.text} {' '.join(resident.options())}"
    assert "Kel. Gedog" in shown and "Sekar" not in shown and "Klampok" not in shown, shown
    assert (await draft_of(engine)).get("when") != {"choice": "now"}, "where the resident is now is no time of it"


@pytest.mark.parametrize("answer", ["ntar aja", "nanti aja pak", "later"])
async def test_the_time_put_off_where_the_story_told_none_is_not_said(engine: Engine, answer: str) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "1", "hp sy dicopet pas belanja", "gedog sananwetan blitar", "ya", answer):
        await resident.send(said)
    assert (await draft_of(engine))["when"] == {"text": "Tidak disebutkan"}, resident.text


@pytest.mark.parametrize("answer", ["bentar ya pak sy inget2 dulu", "sebentar sy ingat2 dulu", "wait, let me think"])
async def test_remembering_at_the_time_question_is_no_time_nor_story(engine: Engine, answer: str) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "1", "helm sy diambil org di parkiran", "gedog sananwetan blitar", "ya", answer):
        await resident.send(said)
    draft = await draft_of(engine)
    assert "when" not in draft and draft["description"] == "helm sy diambil org di parkiran", draft
    await resident.send("kmrn sore")
    assert (await draft_of(engine))["when"] == {"text": "kmrn sore"}, resident.text


@pytest.mark.parametrize(("answer", "kept"), [("terserah", {"text": "tadi malam"}),
                                              ("sesuai aja", {"text": "tadi malam"}),
                                              ("yg tadi pak", {"text": "tadi malam"}),
                                              ("sama aja", {"text": "tadi malam"}),
                                              ("nanti aja", {"text": "tadi malam"}),  # put off: as told
                                              ("ntar aja pak", {"text": "tadi malam"}),
                                              ("kapan ya", {"text": "Tidak disebutkan"}),
                                              ("terserah pak jam 8 malam", {"text": "jam 8 malam"}),
                                              ("sesuai aja pak, sekitar jam 9", {"text": "sekitar jam 9"})])
async def test_an_answer_that_is_no_time_is_not_kept_as_the_time(engine: Engine, answer: str, kept: dict) -> None:
    """"terserah" leaves the time the story told; "hmm" says none; neither is "Waktu: hmm"."""
    resident = Resident(engine)
    for said in ("halo", "1", "1", "hp sy dicopet tadi malam pas belanja", "gedog sananwetan blitar", "ya"):
        await resident.send(said)
    assert resident.heard("report.ask_when"), resident.text
    await resident.send(answer)
    assert (await draft_of(engine))["when"] == kept, resident.text


@pytest.mark.parametrize(("first", "asked"), [("di rumah", "place.ask_which_kelurahan"),
                                              ("dkt tempat kerja sy", "place.ask_which_kelurahan"),
                                              ("di rumah aja pak", "place.ask_which_kelurahan"),
                                              ("di pasar", "place.ask_which_kelurahan"),
                                              ("hmm", "report.location_not_a_place"),
                                              ("sudah", "report.location_not_a_place"),  # no Desa Sudah
                                              ("udah pak", "report.location_not_a_place"),
                                              ("bentar sy cek dulu alamatnya", "report.held"),  # no Desa Bulu
                                              ("tunggu dulu pak", "report.held"),
                                              ("bentar sy tanya suami dulu", "report.held"),  # no story
                                              ("wait, let me check the address", "report.held")])
async def test_a_home_alone_or_a_sound_spends_no_try_at_the_place(engine: Engine, first: str, asked: str) -> None:
    """After it, a place not found is the first try (the kecamatan asked), not the last (the desk)."""
    resident = Resident(engine)
    for said in ("halo", "1", "1", "hp sy dicopet tadi malam pas belanja", first):
        await resident.send(said)
    lang = "en" if resident.heard("language.changed", "en") else "id"  # asked in English, answered in English
    assert resident.heard(asked, lang), resident.text
    assert (await draft_of(engine))["description"] == "hp sy dicopet tadi malam pas belanja", "nothing added"
    await resident.send("pasar baru dkt stasiun")
    assert resident.heard("place.ask_district", lang) and not resident.heard("place.goes_to_desk", lang), \
        resident.text
    await resident.send("kec sananwetan blitar")
    assert "Kec. Sananwetan" in resident.text, resident.text


@pytest.mark.parametrize("step", ["identity", "photo", "summary"])
@pytest.mark.parametrize(("said", "held"), [("tunggu ya pak", True), ("tunggu pak", True), ("tunggu bentar", True),
                                            ("wait please", True),
                                            # one who says they wait waits for no answer of theirs
                                            ("iya saya tunggu pak", False), ("saya tunggu kabarnya", False)])
async def test_a_wait_asked_for_at_a_question_of_choices_is_answered_that_the_report_waits(
        engine: Engine, step: str, said: str, held: bool) -> None:
    resident = await at(engine, step)
    await resident.send(said)
    assert any(resident.heard("report.held", lang) for lang in ("id", "en")) is held, resident.text
    assert await step_of(engine, resident) == step


@pytest.mark.parametrize(("told", "identity"), [("nama saya Budi Santoso", None),
                                               ("nama saya Budi Santoso, pake nama aja", "named")])
async def test_a_name_told_where_the_place_is_asked_is_kept_and_spends_no_try(engine: Engine, told: str,
                                                                             identity: str | None) -> None:
    """At the kecamatan asked after "Tidak ada yang cocok", the last try, "nama saya Budi Santoso" gave up the place
    and lost the name."""
    resident = Resident(engine)
    for said in ("halo", "1", "1", "motor sy dicuri di depan rumah td malam", "sentul", "2", told):
        await resident.send(said)
    assert resident.heard("report.name_kept") and resident.heard("place.ask_district_after_no"), resident.text
    assert not resident.heard("place.goes_to_desk"), resident.text
    assert (await draft_of(engine)).get("identity") == identity
    await resident.send("kec kepanjenkidul blitar")
    assert "Kec. Kepanjenkidul" in resident.text, resident.text
    for said in ("ya", "ya", "lewati", *(() if identity else ("dengan nama",))):
        await resident.send(said)
    assert resident.heard("report.summary") and "Dengan nama (Budi Santoso)" in resident.text, resident.text


async def test_a_home_alone_said_again_and_again_reaches_the_desk(engine: Engine) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "1", "hp sy dicopet tadi malam pas belanja", "di rumah", "di rumah", "di rumah"):
        await resident.send(said)
    assert resident.heard("place.goes_to_desk"), resident.text


async def test_a_place_not_known_asks_the_kecamatan_kindly_and_keeps_asking_so(engine: Engine) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "1", "hp sy dicopet tadi malam pas belanja", "ga tau", "di rumah"):
        await resident.send(said)
    assert resident.heard("place.ask_district_unknown"), "not \"we could not find that place\" after a home alone"
    await resident.send("kec sananwetan blitar")
    assert "Kec. Sananwetan" in resident.text, resident.text


async def test_a_near_spelling_of_another_word_is_no_place_put_as_read(engine: Engine) -> None:
    """"bung karno" is a near spelling of Desa Bungur (Kab. Bojonegoro, which a station covers): not the place."""
    resident = Resident(engine)
    await resident.send("motor sy mogok di jalan sepi dkt makam bung karno, takut bgt")
    assert "Bungur" not in resident.text and "Lokasi: (belum ada)" in resident.text, resident.text


@pytest.mark.parametrize(("picked", "place"), [("yg kedua", "35.05"), ("nomor 1", "35.72"), ("the first one", "35.72")])
async def test_a_name_of_a_kota_and_a_kabupaten_is_asked_which(engine: Engine, picked: str, place: str) -> None:
    """A station covers Kota Blitar, none Kab. Blitar: "di blitar" is no reason to take the kota. The one meant
    may be said by its place in the list."""
    resident = Resident(engine)
    await resident.send("hp sy dijambret td pagi di blitar")
    await resident.send("ya")
    assert resident.options()[:2] == ["Kota Blitar", "Kab. Blitar"], resident.options()
    await resident.send(picked)
    assert not resident.heard("common.not_a_choice") and (await draft_of(engine))["place"] == place, resident.text


async def test_a_village_misspelt_as_an_everyday_word_is_offered_when_sent_alone(engine: Engine) -> None:
    """"gedok" is a word of the slang lexicon, and Gedog misspelt where the place is asked."""
    resident = await at_location(engine)
    await resident.send("gedok")
    assert resident.options()[0].startswith("Kel. Gedog"), resident.text


@pytest.mark.parametrize("said", ["pak tolong", "tv ilang", "hp ilang jg", "jl kalimantan", "laptop jg"])
async def test_an_everyday_word_at_the_place_question_offers_no_village_far_away(engine: Engine, said: str) -> None:
    """"tolong" is a letter from Desa Kolong, "ilang" from Desa Pilang, "kalimantan" (a street) from Desa Kalangan,
    all of Bojonegoro: a "y" sent the report there."""
    resident = await at_location(engine)
    await resident.send(said)
    assert not resident.heard("place.pick_one") and not resident.heard("place.confirm"), resident.text


@pytest.mark.parametrize("said", ["laptop jg", "dompet sama kunci motor juga"])
async def test_a_thing_taken_too_at_the_place_question_goes_to_the_story(engine: Engine, said: str) -> None:
    resident = await at_location(engine)
    await resident.send(said)
    draft = await draft_of(engine)
    assert resident.heard("report.story_added") and "location_text" not in draft, resident.text
    assert said in draft["description"] and not draft.get("place_tries"), draft


@pytest.mark.parametrize("said", ["ntar aja", "entar aja pak", "nanti aja"])
async def test_putting_the_place_off_asks_kindly_and_keeps_no_words(engine: Engine, said: str) -> None:
    resident = await at_location(engine)
    await resident.send(said)
    await resident.send("gedog")
    draft = await draft_of(engine)
    assert resident.options()[0].startswith("Kel. Gedog"), resident.text
    assert draft.get("location_text") == "gedog", draft


@pytest.mark.parametrize("said", ["kel sentul kec kepanjen kidl", "sentul kepanjen kidl"])
async def test_a_kelurahan_with_its_kecamatan_misspelt_is_proposed_and_taken(engine: Engine, said: str) -> None:
    """Kec. Kepanjen of Kab. Malang and the Desa Sentul of Lumajang were offered, never Kel. Sentul of Kota Blitar."""
    resident = await at_location(engine)
    await resident.send(said)
    assert resident.heard("place.confirm") and "Kel. Sentul, Kec. Kepanjenkidul" in resident.text, resident.text
    await resident.send("ya")
    assert (await draft_of(engine))["place"] == "35.72.01.1003", resident.text


@pytest.mark.parametrize("not_knowing", ["gatau pak", "teu terang pak"])
async def test_a_kecamatan_typed_at_the_time_question_after_the_desk_places_the_report(engine: Engine,
                                                                                      not_knowing: str) -> None:
    """Two tries sent the place to the desk and asked the time: "sananwetan" next was saved as the time."""
    resident = Resident(engine)
    for said in ("motor sy ilang", "udh itu aja", not_knowing, "pokoknya deket pasar legi"):
        await resident.send(said)
    assert resident.heard("place.goes_to_desk") and resident.heard("report.ask_when"), resident.text
    await resident.send("sananwetan")
    assert resident.heard("place.confirm") and "Kec. Sananwetan" in resident.text, resident.text
    await resident.send("iy")
    draft = await draft_of(engine)
    assert draft["place"] == "35.72.03" and not draft.get("needs_routing") and "when" not in draft, draft
    assert draft["location_text"] == "pokoknya deket pasar legi, sananwetan", draft


async def test_a_time_typed_after_the_desk_is_still_the_time(engine: Engine) -> None:
    resident = Resident(engine)
    for said in ("motor sy ilang", "udh itu aja", "gatau pak", "pokoknya deket pasar legi", "kemarin sore"):
        await resident.send(said)
    draft = await draft_of(engine)
    assert draft["when"] == {"text": "kemarin sore"} and draft["needs_routing"] and "place" not in draft, draft


LETTER = ("Assalamualaikum wr wb. Mohon maaf mengganggu, Bapak. Saya hendak melaporkan bahwa pada hari Senin malam "
          "sekitar pukul 21.00 WIB, sepeda ontel milik saya hilang dari teras rumah. Alamat saya {street} Nomor 15, "
          "Kelurahan {village}. Atas perhatian Bapak saya ucapkan terima kasih. Wassalamualaikum, Hadi Sutrisno")


@pytest.mark.parametrize(("street", "village", "place"), [
    ("Jalan Kalimantan", "Sananwetan", "Kel. Sananwetan, Kec. Sananwetan"), ("Jalan Melati", "Sananwetan",
                                                                          "Kel. Sananwetan, Kec. Sananwetan"),
    ("Jalan Kalimantan", "Gedog", "Kel. Gedog, Kec. Sananwetan")])
async def test_a_letter_that_tells_of_the_porch_reads_the_home_it_names(engine: Engine, street: str, village: str,
                                                                        place: str) -> None:
    """"dari teras rumah" read Kec. Teras of Boyolali, an everyday word far away, and hid the kelurahan named."""
    resident = Resident(engine)
    await resident.send(LETTER.format(street=street, village=village))
    assert f"Lokasi: {place}" in resident.text, resident.text


async def test_an_everyday_word_said_as_the_place_goes_before_the_home(engine: Engine) -> None:
    """Kel. Sentul is also a word (a fruit); said after "di", it is where it happened, not the home in Gedog."""
    resident = Resident(engine)
    await resident.send("rumah sy di gedog, tadi hp sy dijambret di sentul")
    assert "Lokasi: Kel. Sentul, Kec. Kepanjenkidul" in resident.text, resident.text


@pytest.mark.parametrize("story", [
    "rumah kosong sebelah rumah sy di gedog sering dipake pesta miras anak2 muda tiap malam minggu",
    "rumah sebelah rumah sy di gedog sering dipake pesta miras anak2 tiap malam minggu",
    "rumah kosong sebelah rumah sy di gedog sering dipake pesta miras tiap malam minggu"])
async def test_a_story_of_young_people_drinking_in_gedog_reads_gedog(engine: Engine, story: str) -> None:
    resident = Resident(engine)
    await resident.send(story)
    assert "Kel. Gedog, Kec. Sananwetan" in resident.text, resident.text


@pytest.mark.parametrize(("said", "offered"), [
    ("hp sy dicuri di gedok y", "Kel. Gedog"), ("motor ilang di gedok tadi malam", "Kel. Gedog"),
    ("dompet sy dicopet di gedok pak", "Kel. Gedog"), ("motor ilang di sananwetn tadi malam", "Kec. Sananwetan"),
])
async def test_a_village_misspelt_after_a_word_of_where_is_offered_as_when_sent_alone(engine: Engine, said: str,
                                                                                       offered: str) -> None:
    """The misspelt name told with what happened, where the place is asked: offered as it is alone, not taken
    for more of the story."""
    resident = await at_location(engine)
    await resident.send(said)
    assert resident.options()[0].startswith(offered), resident.text
    assert not resident.heard("report.story_added"), resident.text


@pytest.mark.parametrize("story", ["hp sy dicuri di gedok y", "motor sy ilang di gedok tadi pagi pak"])
async def test_a_village_misspelt_in_a_first_message_is_offered_after_the_yes(engine: Engine, story: str) -> None:
    resident = Resident(engine)
    await resident.send(story)
    assert resident.heard("report.read_back") or resident.heard("report.read_back_ask_when"), resident.text
    assert t("id", "report.read_place_which", names="Gedog") in resident.text, resident.text
    await resident.send("iya bener")
    assert resident.options()[0].startswith("Kel. Gedog"), resident.text


@pytest.mark.parametrize("story", ["hp sy dicuri di tengah", "hp sy dicuri di dalam angkot"])
async def test_a_word_of_a_spot_after_a_word_of_where_is_no_village_misspelt(engine: Engine, story: str) -> None:
    resident = Resident(engine)
    await resident.send(story)
    assert t("id", "report.read_missing") in resident.text and "Jatitengah" not in resident.text, resident.text


async def test_a_pin_far_from_any_polsek_stays_through_a_home_alone(engine: Engine) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "1", "hp sy dicopet tadi malam pas belanja"):
        await resident.send(said)
    await resident.send(location=(-6.2, 106.8166))  # Jakarta: no Polsek of the registry near
    for said in ("di rumah", "hmm", "kel gedog kec sananwetan"):
        await resident.send(said)
    draft = await draft_of(engine)
    assert (draft["latitude"], draft["longitude"]) == (-6.2, 106.8166), draft


async def test_a_sound_at_the_time_question_is_asked_again_not_kept(engine: Engine) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "1", "hp sy dicopet tadi malam pas belanja", "gedog sananwetan blitar", "ya", "hmm"):
        await resident.send(said)
    assert resident.heard("report.when_invalid") and "when" not in await draft_of(engine), resident.text


@pytest.mark.parametrize(("story", "read"), [
    ("skrg sy lg di pasar gedog, hp sy baru dicopet, copetnya kabur ke arah bendogerit", "Kel. Gedog"),  # at the scene
    ("tetangga sy dirampok td malam, rumahnya di kel gedog, pelakunya kabur ke arah bendogerit", "Kel. Gedog"),
    ("motor sy dicuri td pagi di sananwetn", "Kec. Sananwetan"),  # a letter short of the kecamatan
    ("skrg sy di rumah di kel klampok, tadi hp sy dijambret di pasar gedog", "Kel. Gedog"),
    ("sekarang saya sedang di rumah sodara di klampok, rumah sy di gedog kemalingan", "Kel. Gedog"),
])
async def test_where_someone_fled_is_no_scene_and_a_home_named_alone_is(engine: Engine, story: str, read: str) -> None:
    resident = Resident(engine)
    await resident.send(story)
    assert read_back_at(resident.text, read), resident.text


KEPANJENLOR = "35.72.01.1007"  # Kel. Kepanjenlor, Kec. Kepanjenkidul, Kota Blitar


@pytest.mark.parametrize(("story", "spot"), [
    ("hp sy dicopet td pagi di jl merdeka depan toko mas sinar, kel kepanjenlor kota blitar",
     "jl merdeka depan toko mas sinar"),
    ("kel kepanjenlor kota blitar, di jl merdeka depan toko mas sinar hp sy dicopet td pagi",
     "jl merdeka depan toko mas sinar"),
    ("hp sy dicopet di jl merdeka kepanjenlor blitar depan toko mas sinar kemarin", "jl merdeka depan toko mas sinar"),
    ("motor sy dicuri deket pasar legi kepanjen lor blitar tadi malam", "deket pasar legi"),
    ("tas sy dijambret samping masjid agung kel kepanjenlor kota blitar kmrn sore", "samping masjid agung"),
    ("ada tawuran di gang mawar rt 3 rw 2 kel kepanjenlor kota blitar semalam", "gang mawar rt 3 rw 2"),
    ("my phone was stolen yesterday on merdeka street in front of toko mas sinar, kepanjenlor, blitar",
     "merdeka street in front of toko mas sinar"),
    # the spot ends where the story goes on: a deed done
    ("td mlm jam 11an rumah sy di jl kenari no 12 kel kepanjenlor kota blitar dimasukin maling tv ilang",
     "jl kenari no 12"),
])
async def test_the_spot_a_story_tells_its_place_with_is_kept_with_the_place(engine: Engine, story: str,
                                                                            spot: str) -> None:
    """Told in one message, the street, the RT or the shop it was in front of is shown before the village read,
    as a person taking the report writes it, and reaches officers as the place typed, not only in the story."""
    await enrolled(engine, "console:petugas", station="POLRES-BLITAR-KOTA")  # no Polsek of Kepanjenkidul shipped
    resident = Resident(engine, "console:spot")
    await resident.send(story)
    label = "Kel. Kepanjenlor, Kec. Kepanjenkidul, Kota Blitar"
    assert f"Lokasi: {spot}, {label}" in resident.text or f"Place: {spot}, {label}" in resident.text, resident.text
    for said in ("ya", "ga ada", "2"):
        await resident.send(said)
    assert f"{spot} ({label})" in resident.text, "the summary: " + resident.text
    await resident.send("kirim")
    [report] = await reports(engine)
    assert report.village_code == KEPANJENLOR and report.location_text == spot and report.description == story
    [alert] = await alerts(engine)
    assert spot in payload(alert)["text"], payload(alert)["text"]


@pytest.mark.parametrize("story", ["hp sy dicopet td pagi di kel kepanjenlor kota blitar",
                                   "sy lg jalan pulang trus hp sy dijambret di kepanjenlor blitar",
                                   "motor sy dicuri di toko kel kepanjenlor kota blitar kemarin",
                                   "deket sini ada yg jualan miras, kel kepanjenlor kota blitar, tiap malem",
                                   "korban kecelakaan di kel kepanjenlor kota blitar dibawa ke rs tadi pagi"])
async def test_a_story_that_tells_no_spot_finer_than_the_village_keeps_no_typed_place(engine: Engine,
                                                                                     story: str) -> None:
    """Walking home ("jalan pulang"), a shop not named, "here", where someone was taken: no spot of the scene."""
    resident = Resident(engine, "console:nospot")
    await resident.send(story)
    assert read_back_at(resident.text, "Kel. Kepanjenlor"), resident.text
    assert "Lokasi: Kel. Kepanjenlor" in resident.text, resident.text
    await resident.send("ya")
    draft = await draft_of(engine)
    assert draft["place"] == KEPANJENLOR and not draft.get("location_text"), draft


async def test_the_spot_of_a_story_told_where_the_place_is_asked_is_kept_on_a_yes(engine: Engine) -> None:
    resident = await at(engine, "description")
    await resident.send("hp sy dicopet di jl merdeka depan toko mas sinar kepanjenlor blitar")
    await resident.send("ya")
    draft = await draft_of(engine)
    assert draft["place"] == KEPANJENLOR and draft["location_text"] == "jl merdeka depan toko mas sinar", draft


async def test_the_spot_of_a_story_whose_place_is_denied_is_not_kept_with_the_one_typed(engine: Engine) -> None:
    resident = Resident(engine, "console:denied")
    await resident.send("hp sy dicopet di jl merdeka depan toko mas sinar, kel kepanjenlor kota blitar")
    await resident.send("bukan")
    assert "story_spot" not in await draft_of(engine)


@pytest.mark.parametrize(("message", "story"), [
    ("selamat pagi pak, motor sy dicuri tadi malam di parkiran pasar legi gedog blitar",
     "motor sy dicuri tadi malam di parkiran pasar legi gedog blitar"),
    ("halo min, hp saya dijambret orang td sore di jl merdeka gedog blitar",
     "hp saya dijambret orang td sore di jl merdeka gedog blitar"),
    ("assalamualaikum, mau lapor pak, rumah sy kemalingan semalam di kel gedog blitar",
     "rumah sy kemalingan semalam di kel gedog blitar"),
    ("Assalamu'alaikum wr wb. Izin melapor pak. Tadi malam ada tawuran pelajar di dekat pasar legi gedog",
     "Tadi malam ada tawuran pelajar di dekat pasar legi gedog"),
    ("Selamat malam Pak Polisi, saya mau melaporkan bahwa tetangga saya tiap malam mabuk di kel gedog blitar",
     "tetangga saya tiap malam mabuk di kel gedog blitar"),
    ("Permisi pak, mau lapor. Ada orang mabuk ngamuk di warung dekat pasar legi gedog",
     "Ada orang mabuk ngamuk di warung dekat pasar legi gedog"),
    ("halo saya kehilangan dompet di pasar legi gedog tadi pagi",
     "saya kehilangan dompet di pasar legi gedog tadi pagi"),
    ("Good morning, I'd like to report that my motorbike was stolen last night in Gedog, Blitar",
     "my motorbike was stolen last night in Gedog, Blitar"),
    ("Good morning officer. I was in a car accident last night near pasar legi gedog blitar",
     "I was in a car accident last night near pasar legi gedog blitar"),
    ("Hi there, my bike was stolen from outside my kos in gedog blitar last night",
     "my bike was stolen from outside my kos in gedog blitar last night"),
    ("Hiya, my wallet was stolen this morning at pasar legi gedog blitar",
     "my wallet was stolen this morning at pasar legi gedog blitar"),
    ("hi mate, my phone was snatched last night at pasar legi gedog blitar",
     "my phone was snatched last night at pasar legi gedog blitar"),
])
async def test_a_greeting_or_wish_to_report_before_the_story_is_not_the_story(engine: Engine, message: str,
                                                                              story: str) -> None:
    """Officers read a story from what happened: the greeting and "mau lapor pak" it opened with are no part of it,
    the rest is kept as typed; so is it in the summary the resident checks."""
    resident = Resident(engine, "console:opener")
    await resident.send(message)
    assert (await draft_of(engine))["description"] == story, resident.text
    for answer in ("ya", "lewati", "2"):
        await resident.send(answer)
    assert resident.heard("report.summary") or resident.heard("report.summary", "en"), resident.text
    assert f": {story[:40]}" in resident.text, resident.text  # the summary's story line begins with it


@pytest.mark.parametrize("message", [
    "pagi tadi motor saya hilang di depan rumah di kel gedog blitar",  # a time, no greeting
    "malam ini ada balap liar di jl merdeka gedog",
    "Pak, motor saya dicuri di parkiran pasar legi gedog",  # an address alone opens no greeting
    "mau lapor anonim, tetangga sy jualan narkoba di gang mawar gedog",
    "ya ampun pak motor saya dicuri di pasar legi gedog",
    "maaf gangguan listrik bikin maling masuk rumah sy di gedog",  # no "mengganggu"
    "Team Alpha supporters broke my window last night in gedog blitar",  # a name, not those written to
])
async def test_a_story_that_opens_with_no_greeting_is_kept_whole(engine: Engine, message: str) -> None:
    resident = Resident(engine, "console:opener")
    await resident.send(message)
    assert (await draft_of(engine))["description"] == message, resident.text


@pytest.mark.parametrize(("opener", "story"), [
    ("selamat siang bu", "ada pohon tumbang menutup jalan di depan sd gedog"),
    ("halo kak, mau lapor ya", "lampu jalan mati sudah seminggu di jl merdeka"),
    ("mohon maaf menggangu waktunya, saya mau melaporkan", "motor saya dicuri di depan rumah tadi malam"),
    ("maaf ganggu pak, mau lapor", "hp sy dicopet di angkot jurusan blitar"),
])
async def test_a_greeting_before_the_story_at_the_story_question_is_not_the_story(engine: Engine, opener: str,
                                                                                  story: str) -> None:
    resident = await at(engine, "description", "console:opener")
    await resident.send(f"{opener}, {story}")
    assert (await draft_of(engine))["description"] == story, resident.text


@pytest.mark.parametrize("more", [
    "sy takut pak, skrg dia msh di rumah",
    "sy takut bgt, dia masih di dalam rumah skrg",
    "I am scared, he is still at home now",
])
async def test_fear_and_more_at_the_read_back_is_no_yes_and_reaches_the_story(engine: Engine, more: str) -> None:
    """"dia msh di rumah" tells officers he is still there: added to the story, and what was read asked again."""
    resident = Resident(engine)
    await resident.send("suami sy mukulin sy lg mabuk")
    await resident.send(more)
    draft = await draft_of(engine)
    assert more in draft["description"] and "read" in draft, draft
    assert await step_of(engine, resident) == "read_back", resident.text  # asked again (in English for the English)


@pytest.mark.parametrize("when", ["skrg pak", "kemarin sore sekitar jam 5an pak"])
async def test_a_time_alone_at_the_read_back_is_still_a_yes(engine: Engine, when: str) -> None:
    resident = Resident(engine)
    await resident.send("suami sy mukulin sy lg mabuk")
    await resident.send(when)
    draft = await draft_of(engine)
    assert "read" not in draft and "when" in draft and draft["description"] == "suami sy mukulin sy lg mabuk", draft


@pytest.mark.parametrize("asked", ["ini aman kan? ga bakal ketauan kan?", "klo lapor disini aman ga?",
                                   "min mau tanya, klo lapor disini aman ga?", "is it safe to report here?"])
async def test_whether_reporting_here_is_safe_is_answered_at_the_menu_and_mid_report(engine: Engine,
                                                                                     asked: str) -> None:
    lang = "en" if asked.startswith("is") else "id"
    resident = Resident(engine)
    await resident.send(asked)
    assert resident.heard("menu.privacy", lang), resident.text
    resident = Resident(engine, "console:photo-step")
    for said in ("tetangga sy jualan sabu tiap malam di kel gedog", "iy", asked):
        await resident.send(said)
    # answered in the language asked in, and the photo asked again in it
    assert resident.heard("menu.privacy", lang) and resident.heard("report.ask_photo", lang), resident.text


@pytest.mark.parametrize("weary", ["KOK BANYAK BGT SIH PERTANYAANNYA", "lama bgt sih", "ribet amat", "aduh ribet bgt",
                                   "masih berapa pertanyaan lagi?", "why so many questions", "this is taking too long"])
@pytest.mark.parametrize(("step", "asked"), [("when", "report.ask_when"), ("identity", "report.ask_identity"),
                                             ("category", "report.ask_category")])
async def test_a_resident_weary_of_the_questions_is_told_how_many_are_left_and_asked_again(
        engine: Engine, weary: str, step: str, asked: str) -> None:
    resident = await at(engine, step)
    before = await draft_of(engine)
    await resident.send(weary)
    sorry = [key for key in ("report.weary", "report.weary_story_first") if resident.heard(key)]
    assert sorry and resident.heard(asked) and not resident.heard("common.not_a_choice"), resident.text
    assert await draft_of(engine) == before, "nothing of the report lost, nor the complaint taken for an answer"


async def test_weariness_at_the_summary_says_only_send_is_left(engine: Engine) -> None:
    resident = Resident(engine)
    await walk_to_summary(resident)
    await resident.send("ribet amat")
    assert resident.heard("report.weary_summary") and resident.heard("report.summary"), resident.text
    await resident.send("kirim")
    assert resident.heard("report.submitted"), resident.text


@pytest.mark.parametrize("said", ["udah lama bgt", "sudah lama sekali", "udah lama sih pak"])
async def test_long_ago_at_the_time_question_is_a_time_not_weariness(engine: Engine, said: str) -> None:
    resident = await at(engine, "when")
    await resident.send(said)
    assert not resident.heard("report.weary") and not resident.heard("report.ask_when"), resident.text


@pytest.mark.parametrize("piece", ["rumah sy", "di rumah", "rumah saya pak", "at home", "di warung"])
async def test_a_place_or_a_piece_where_the_kind_is_asked_is_kept_and_the_kind_asked_with_a_hint(
        engine: Engine, piece: str) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", piece):
        await resident.send(said)
    assert not resident.heard("common.not_a_choice"), "a person hears where, or the story begun, not a wrong option"
    assert resident.heard("report.story_begun_noted") and any(
        resident.heard("report.kind_after_a_piece", lang) for lang in ("id", "en")), resident.text
    assert any(resident.heard("report.ask_category", lang) for lang in ("id", "en")), resident.text
    await resident.send("tv sama laptop ilang td malem")
    draft = await draft_of(engine)
    assert draft["category"] == "security" and draft.get("story_begun", "").startswith(piece), draft


@pytest.mark.parametrize("told", ["rumah saya dimasukin orang", "rumah dimasukin orang pas mudik",
                                  "kamar kos sy kemasukan org", "someone got into my house"])
async def test_a_home_entered_by_someone_where_the_kind_is_asked_is_a_theft(engine: Engine, told: str) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", told):
        await resident.send(said)
    assert not resident.heard("common.not_a_choice") and not resident.heard("report.ask_category"), resident.text
    assert (await draft_of(engine))["category"] == "security"


@pytest.mark.parametrize("told", ["anak sy masuk rumah sakit", "air masuk rumah"])
async def test_someone_taken_to_hospital_or_water_in_the_house_is_no_theft(engine: Engine, told: str) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", told):
        await resident.send(said)
    assert (await draft_of(engine)).get("category") != "security", resident.text


@pytest.mark.parametrize("pieces", [
    ("ada maling di rumah sy", "sy ngumpet di kamar"),
    ("halo", "1", "ada maling di rumah sy", "sy ngumpet di kamar"),
    ("halo", "1", "rumah sy", "ada maling masuk", "sy sembunyi di kamar mandi"),
    ("ada orang asing masuk rumah, kami bersembunyi di lemari",),
])
async def test_a_danger_told_as_going_on_has_its_time_now_and_not_asked(engine: Engine,
                                                                         pieces: tuple[str, ...]) -> None:
    resident = Resident(engine)
    for said in (*pieces, "sudah", "gedog sananwetan blitar", "ya"):
        await resident.send(said)
        assert not resident.heard("report.ask_when"), f"{said!r}: {resident.text}"
    assert resident.heard("report.ask_photo"), resident.text
    assert (await draft_of(engine))["when"] == {"choice": "now"}


@pytest.mark.parametrize("pieces", [
    ("halo", "1", "rumah sy", "dimasukin maling"),  # a theft alone: it may be over, its time decides
    ("halo", "1", "ada orang bawa golok ngamuk di depan rumah sy tadi malam",),  # a time told, not now
    ("halo", "1", "tadi malam ada maling di rumah sy, sy ngumpet di kamar",),  # hidden then, told after
    ("halo", "1", "tiap malam ada yg bawa golok ngancem warga di depan rumah sy",),  # a habit
])
async def test_a_theft_alone_a_past_time_or_a_habit_still_has_its_time_asked_or_kept(
        engine: Engine, pieces: tuple[str, ...]) -> None:
    resident = Resident(engine)
    for said in (*pieces, "sudah", "gedog sananwetan blitar", "ya"):
        await resident.send(said)
    assert (await draft_of(engine)).get("when") != {"choice": "now"}, resident.text
