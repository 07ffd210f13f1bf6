"""The resident's report conversation, end to end through the engine on a real database."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from bot.channels.console import ConsoleChannel
from handlers.engine import Engine
from handlers.i18n import labels, t
from handlers.report_flow import IDENTITIES
from handlers.state import load_session
from storage.models import (
    Attachment,
    Category,
    Contact,
    ConversationSession,
    Identity,
    Report,
    ReportEvent,
    ReportStatus,
)
from storage.outbox import open_payload
from tests.helpers import (
    DESCRIPTION,
    PLACE,
    READING_ON_SQLITE,
    REPORTER_NAME,
    Resident,
    alerts,
    another_incident,
    at,
    draft_of,
    enrolled,
    make_engine,
    matches,
    payload,
    photo,
    same_picture,
    step_of,
    walk_to_summary,
)

PNG = photo("PNG")


async def reports(engine: Engine) -> list[Report]:
    async with engine.sessions() as db:
        return list((await db.execute(select(Report).order_by(Report.id))).scalars())


async def test_first_message_gets_greeting_privacy_notice_and_menu(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    assert resident.heard("menu.greeting")
    assert "HAPUS" in resident.text and "110" in resident.text
    assert resident.options() == ["Lapor", "Cek status", "Bantuan", "English"]


async def test_whole_report_in_indonesian(engine: Engine) -> None:
    resident = Resident(engine)
    await walk_to_summary(resident)
    assert DESCRIPTION in resident.text and "Kel. Gedog" in resident.text
    await resident.send("Kirim")
    assert resident.heard("report.submitted")
    [report] = await reports(engine)
    assert report.ref in resident.text
    assert report.status == ReportStatus.RECEIVED
    assert report.category == Category.SECURITY
    assert report.identity == Identity.CONFIDENTIAL
    assert report.description == DESCRIPTION
    assert report.location_text == "Kel. Gedog, Kec. Sananwetan, Kota Blitar"
    assert report.occurred_text == labels("id", "when")["today"]
    assert report.language == "id"
    assert report.contact_id is not None
    assert not report.urgent
    async with engine.sessions() as db:
        [event] = (await db.execute(select(ReportEvent).where(ReportEvent.report_id == report.id))).scalars()
    assert (event.from_status, event.to_status) == (None, ReportStatus.RECEIVED)


async def test_whole_report_in_english_chosen_at_the_greeting(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("hello")
    await resident.send("English")
    assert resident.heard("language.changed", "en")
    assert resident.options() == ["Report", "Check status", "Help", "Bahasa Indonesia"]
    await resident.send("report")
    assert resident.heard("report.ask_category", "en")
    for answer in ("traffic", "A truck has blocked the junction since this morning",
                   "Jl. Merdeka, Kec. Sekar, Bojonegoro", "yes", "now", "skip", "named"):
        await resident.send(answer)
    assert resident.heard("report.ask_name", "en")
    await resident.send("Budi Santoso")
    assert resident.heard("report.summary", "en")
    assert "Identity: Named (Budi Santoso)" in resident.text
    await resident.send("send")
    assert resident.heard("report.submitted", "en")
    [report] = await reports(engine)
    assert (report.category, report.identity, report.language) == (Category.TRAFFIC, Identity.NAMED, "en")


async def test_choices_forgive_case_small_typos_and_buttons(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send("LAPOR")
    await resident.send("narkob")  # typo of Narkoba
    assert resident.heard("report.ask_description"), resident.text
    await resident.send(DESCRIPTION)
    await resident.send("Sekar, Bojonegoro")
    assert resident.heard("place.confirm"), resident.text
    await resident.send("iya")
    await resident.send("", button="now")
    await resident.send("lewat")
    await resident.send("anonim")
    await resident.send("krim")  # typo of Kirim
    assert resident.heard("report.submitted_anonymous"), resident.text
    [report] = await reports(engine)
    assert report.category == Category.DRUGS


@READING_ON_SQLITE
@pytest.mark.parametrize(("word", "lang"), [("kemalingan", "id"), ("dicuri", "id"), ("dibegal", "id"),
                                            ("jambret", "id"), ("dirampok", "id"), ("kecopetan", "id"),
                                            ("robbed", "en")])
async def test_everyday_words_for_a_crime_pick_the_security_category(engine: Engine, word: str, lang: str) -> None:
    """The kind picked by a word of one language goes on in that language."""
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send("lapor")
    await resident.send(word)
    assert resident.heard("report.ask_description", lang), resident.text
    for answer in (DESCRIPTION, "Sekar, Bojonegoro", "iya", "sekarang", "lewati", "anonim", "kirim"):
        await resident.send(answer)
    [report] = await reports(engine)
    assert report.category == Category.SECURITY


async def test_an_answer_that_is_no_choice_reasks_with_the_choices(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send("1")
    await resident.send("pisang goreng")
    assert resident.heard("common.not_a_choice")
    assert resident.heard("report.ask_category")
    assert len(resident.options()) == 7
    await resident.send("9")
    assert resident.heard("common.not_a_choice")
    await resident.send("-1")
    assert resident.heard("common.not_a_choice"), "a minus is no option's number"


async def test_change_one_answer_at_the_summary_then_back_to_the_summary(engine: Engine) -> None:
    resident = Resident(engine)
    await walk_to_summary(resident)
    await resident.send("ubah")
    assert resident.heard("report.ask_change")
    await resident.send("lokasi")
    assert resident.heard("report.ask_location")
    await resident.send("Desa Sekar, Kec. Sekar, Bojonegoro")
    assert resident.heard("place.confirm")
    await resident.send("ya")
    assert resident.heard("report.summary")
    assert "Desa Sekar" in resident.text
    await resident.send("1")
    [report] = await reports(engine)
    assert report.location_text == "Desa Sekar, Kec. Sekar, Bojonegoro"


async def test_cancel_at_the_summary_stores_nothing(engine: Engine) -> None:
    resident = Resident(engine)
    await walk_to_summary(resident)
    await resident.send("batal")
    assert resident.heard("report.cancelled")
    assert await reports(engine) == []


@pytest.mark.parametrize(("pieces", "story"), [
    (["rumah sy", "tv ilang", "td mlm"], "rumah sy\ntv ilang"),
    (["maling", "motor sy", "dibawa kabur"], "maling\nmotor sy\ndibawa kabur"),
    (["hp sy", "dijambret", "di jl merdeka"], "hp sy\ndijambret"),
])
async def test_a_story_told_in_short_pieces_is_joined_not_refused(engine: Engine, pieces: list[str],
                                                                  story: str) -> None:
    resident = await at(engine, "description")
    for piece in pieces:
        await resident.send(piece)
        assert not resident.heard("report.description_too_short"), resident.text
    assert (await draft_of(engine))["description"] == story


@pytest.mark.parametrize(("pieces", "story"), [
    (["rumah sy", "bentar", "tv ilang td malem"], "rumah sy\ntv ilang td malem"),  # a wait joins nothing
    (["rumah sy", "English", "ok", "tv ilang td malem"], "rumah sy\ntv ilang td malem"),
    (["tetangga", "bukan", "motor sy dicuri td pagi"], "motor sy dicuri td pagi"),  # the piece before taken back
])
async def test_only_pieces_of_a_story_are_joined_to_it(engine: Engine, pieces: list[str], story: str) -> None:
    resident = await at(engine, "description")
    for piece in pieces:
        await resident.send(piece)
    assert (await draft_of(engine))["description"] == story, resident.text


@READING_ON_SQLITE
@pytest.mark.parametrize("said", ["ok", "ya", "?", "😡😡", "bentar", "maaf pak"])
async def test_a_word_that_tells_nothing_at_the_story_question_is_still_too_short(engine: Engine, said: str) -> None:
    resident = await at(engine, "description")
    await resident.send(said)
    assert resident.heard("report.description_too_short"), resident.text
    assert "story_begun" not in await draft_of(engine)


@READING_ON_SQLITE
@pytest.mark.parametrize(("asked", "lang"), [
    ("sy hrs nulis apa ini pak?", "id"), ("ini sy tulis apa pak?", "id"), ("nulisnya gimana?", "id"),
    ("kulo mboten ngertos carane pripun nggih?", "id"), ("saya bingung harus nulis apa", "id"),
    ("isinya apa aja pak?", "id"), ("what should I write?", "en"), ("what am i supposed to write here?", "en")])
async def test_what_to_write_asked_at_the_story_question_is_answered_and_the_story_asked_again(
        engine: Engine, asked: str, lang: str) -> None:
    """The question was taken as the story, and the story sent next as the place."""
    resident = await at(engine, "description", f"console:{asked}")
    await resident.send(asked)
    assert resident.heard("report.description_question", lang), resident.text
    assert resident.heard("report.ask_description", lang), resident.text
    assert "description" not in await draft_of(engine)
    await resident.send("motor sy dicuri di parkiran pasar tadi malam")
    assert (await draft_of(engine))["description"] == "motor sy dicuri di parkiran pasar tadi malam"


@READING_ON_SQLITE
@pytest.mark.parametrize("story", ["motor sy dicuri tadi malam, gimana ini pak?",
                                   "sy ga tau harus nulis apa, hp sy ilang di angkot",
                                   "tulisan di tembok rumah sy dicoret2 orang"])
async def test_a_story_with_words_of_asking_is_the_story(engine: Engine, story: str) -> None:
    resident = await at(engine, "description", f"console:{story}")
    await resident.send(story)
    assert not resident.heard("report.description_question"), resident.text
    assert (await draft_of(engine))["description"] == story


async def test_a_short_story_is_asked_again_and_a_long_one_kept_to_the_limit(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send("1")
    await resident.send("1")
    await resident.send("😡")
    assert resident.heard("report.description_too_short") and "10" in resident.text
    await resident.send("Motor dicuri di parkiran. " + "x" * 4100)
    assert resident.heard("report.description_cut") and "4000" in resident.text
    assert resident.heard("report.ask_location")
    await resident.send(PLACE)
    await resident.send("ya")
    for said in ("2", "lewati", "2", "kirim"):
        await resident.send(said)
    [report] = await reports(engine)
    assert report.description.startswith("Motor dicuri di parkiran. xxx") and len(report.description) == 4000


async def test_location_pin_is_stored_with_coordinates(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send("1")
    await resident.send("3")
    await resident.send(DESCRIPTION)
    await resident.send(location=(-8.0983, 112.1681))
    assert resident.heard("place.confirm_pin")
    await resident.send("ya")
    assert resident.heard("report.ask_when")
    for answer in ("1", "1", "2", "1"):
        await resident.send(answer)
    [report] = await reports(engine)
    assert (report.latitude, report.longitude) == (-8.0983, 112.1681)
    assert report.location_text is None


async def test_a_pin_sent_where_the_story_is_asked_is_the_place_and_the_story_asked_after(engine: Engine) -> None:
    """The pin was refused as a story too short, and lost."""
    resident = await at(engine, "description")
    await resident.send(location=(-8.0983, 112.1681))
    assert resident.heard("place.confirm_pin") and not resident.heard("report.description_too_short"), resident.text
    await resident.send("ya")
    assert resident.heard("report.ask_description"), resident.text
    await resident.send(DESCRIPTION)
    assert resident.heard("report.ask_when") and not resident.heard("report.ask_location"), resident.text
    for answer in ("ya", "lewati", "2", "kirim"):
        await resident.send(answer)
    [report] = await reports(engine)
    assert (report.latitude, report.longitude) == (-8.0983, 112.1681) and report.description == DESCRIPTION


STORY_FIRST = "dompet sy ilang di angkot kmrn sore di kel bendogerit"


@READING_ON_SQLITE
@pytest.mark.parametrize("again", [STORY_FIRST, "Dompet sy ilang di angkot kmrn sore di kel Bendogerit."])
async def test_the_story_sent_again_at_the_read_back_is_not_added_twice(engine: Engine, again: str) -> None:
    """It was appended to itself."""
    resident = Resident(engine, f"console:{again}")
    await resident.send(STORY_FIRST)
    await resident.send(again)
    assert resident.heard("report.story_again") and not resident.heard("report.story_added"), resident.text
    assert (await draft_of(engine))["description"] == STORY_FIRST


@READING_ON_SQLITE
async def test_more_of_the_story_at_the_read_back_is_still_added(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send(STORY_FIRST)
    await resident.send("pelakunya 2 org pake motor vario merah")
    assert resident.heard("report.story_added"), resident.text
    assert (await draft_of(engine))["description"] == f"{STORY_FIRST}\npelakunya 2 org pake motor vario merah"


@pytest.mark.parametrize(("identity", "stored"), [("2", (-8.09834, 112.16817)), ("3", (-8.098, 112.168))])
async def test_a_pin_of_a_report_not_given_by_name_reaches_officers_to_about_100_m(
        engine: Engine, identity: str, stored: tuple[float, float]) -> None:
    """A pin is often where its sender lives: an anonymous report keeps it to about 100 m, and officers read a
    confidential or anonymous report's pin so; a named one's exactly."""
    await enrolled(engine, "console:petugas")
    other_story = "Lampu lalu lintas perempatan mati sejak kemarin, rawan tabrakan"
    for urn, shown, story in (("console:warga", identity, DESCRIPTION), ("console:bernama", "1", other_story)):
        resident = Resident(engine, urn)
        for said in ("halo", "1", "3", story):
            await resident.send(said)
        await resident.send(location=(-8.09834, 112.16817))
        for said in ("ya", "2", "lewati", shown, *(["Budi Santoso"] if shown == "1" else []), "kirim"):
            await resident.send(said)
        assert resident.heard("report.submitted") or resident.heard("report.submitted_anonymous"), resident.text
    hidden, named = await reports(engine)
    assert (hidden.latitude, hidden.longitude) == stored and (named.latitude, named.longitude) == (-8.09834, 112.16817)
    hidden_alert, named_alert = (payload(row)["text"] for row in await alerts(engine))
    assert "sekitar titik peta -8.098, 112.168 (±100 m" in hidden_alert and "8.0983" not in hidden_alert, hidden_alert
    assert "titik peta -8.09834, 112.16817" in named_alert, named_alert


async def test_a_pin_and_a_place_typed_both_reach_officers(engine: Engine) -> None:
    """A pin no station was found near, then the kelurahan typed: the officers' alert gives both, the pin to
    about 100 m for an anonymous report, not the words alone."""
    await enrolled(engine, "console:petugas")
    resident = Resident(engine)
    for said in ("halo", "1", "1", DESCRIPTION):
        await resident.send(said)
    await resident.send(location=(-8.1021, 112.1765))
    for said in ("kel rembang sananwetan", "ya", "2", "lewati", "3", "kirim"):
        await resident.send(said)
    [alert] = await alerts(engine)
    text = payload(alert)["text"]
    assert "kel rembang sananwetan" in text and "sekitar titik peta -8.102, 112.177 (±100 m" in text, text


@pytest.mark.parametrize("no_photo", ["no photo", "gak ada fotonya pak", "tanpa foto ya"])
async def test_no_photo_said_when_asked_the_time_is_kept_and_the_time_asked_again(engine: Engine,
                                                                                 no_photo: str) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "3", DESCRIPTION, PLACE, "ya"):
        await resident.send(said)
    assert resident.heard("report.ask_when")
    await resident.send(no_photo)
    assert resident.heard("report.no_photo_noted") and resident.heard("report.ask_when"), resident.text
    await resident.send("kemarin malam jam 10")
    assert resident.heard("report.ask_identity"), "the photo is not asked again"
    for said in ("2", "kirim"):
        await resident.send(said)
    [report] = await reports(engine)
    assert report.occurred_text == "kemarin malam jam 10"


@READING_ON_SQLITE
@pytest.mark.parametrize(("story", "told", "lang"), [
    ("pas bangun jam 6 pagi motor sy udah dicuri org, kel gedog sananwetan blitar", "jam 6 pagi", "id"),
    ("waktu pulang kerja jam 10 malam rumah sy udah dibobol maling, kel gedog sananwetan blitar", "jam 10 malam",
     "id"),
    ("hp sy dicopet sekitar pukul 14.00 di angkot, kel gedog sananwetan blitar", "sekitar pukul 14.00", "id"),
    ("when I woke up at 6 my motorbike was stolen, kel gedog sananwetan blitar", "at 6", "en"),
    ("around 11 someone broke into my house in kel gedog sananwetan blitar", "around 11", "en"),
])
async def test_an_hour_a_story_tells_with_no_day_is_its_time(engine: Engine, story: str, told: str,
                                                             lang: str) -> None:
    """The hour is the time, read as a bare hour typed at the time question is (the last such hour come): not
    asked again."""
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send(story)
    assert resident.heard("report.read_back", lang) and told in resident.text, resident.text
    for said in ("ya" if lang == "id" else "yes", "lewati" if lang == "id" else "skip", "2", "kirim"):
        await resident.send(said)
    assert not resident.heard("report.ask_when"), resident.text
    [report] = await reports(engine)
    assert report.occurred_text == told


@READING_ON_SQLITE
@pytest.mark.parametrize(("story", "lang"), [
    ("warung itu buka sampai jam 10 malam dan jual miras ke anak2, kel gedog sananwetan blitar", "id"),  # until
    ("antri 2 jam 30 menit di samsat tp berkas sy hilang, kel gedog sananwetan blitar", "id"),  # a stretch of time
    ("at 9 Jalan Merdeka someone sells drugs, kel gedog sananwetan blitar", "en"),  # a house number
])
async def test_a_number_that_is_no_hour_of_the_incident_leaves_the_time_to_ask(engine: Engine, story: str,
                                                                                lang: str) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send(story)
    assert resident.heard("report.read_back_ask_when", lang), resident.text


async def test_the_time_a_guided_story_told_is_shown_and_taken_with_a_yes(engine: Engine) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "1", "hp sy dicopet di pasar legi kmrn sore jam 5an", PLACE, "ya"):
        await resident.send(said)
    assert resident.heard("report.ask_when") and "“kemarin sore jam 5an”" in resident.text, resident.text
    await resident.send("iya bener")
    assert resident.heard("report.ask_photo"), resident.text
    for said in ("lewati", "2", "kirim"):
        await resident.send(said)
    [report] = await reports(engine)
    assert report.occurred_text == "kemarin sore jam 5an"


async def test_a_no_to_the_time_the_story_told_asks_the_time_plainly(engine: Engine) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "1", "Motor saya dicuri tadi malam di depan rumah", PLACE, "ya"):
        await resident.send(said)
    assert resident.heard("report.ask_when") and "“tadi malam”" in resident.text, resident.text
    await resident.send("bukan pak")
    assert resident.heard("report.ask_when") and "“" not in resident.text, resident.text
    await resident.send("iya, kemarin subuh")
    for said in ("lewati", "2", "kirim"):
        await resident.send(said)
    [report] = await reports(engine)
    assert report.occurred_text == "kemarin subuh"


async def test_a_time_said_wrong_is_asked_plainly_not_offered_back(engine: Engine) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "1", "Motor saya dicuri tadi malam di depan rumah", PLACE, "ya", "iya"):
        await resident.send(said)
    assert resident.heard("report.ask_photo"), resident.text
    await resident.send("waktunya salah")
    assert resident.heard("report.ask_when") and "“tadi malam”" not in resident.text, resident.text


async def test_again_is_no_time_told(engine: Engine) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "1", "Motor saya dicuri lagi di depan rumah", PLACE, "ya"):
        await resident.send(said)
    assert resident.heard("report.ask_when") and "“" not in resident.text, resident.text


STORY = "motor sy dicuri di depan rumah kel gedog sananwetan blitar tadi malam"


async def test_a_story_reported_already_and_sent_again_is_told_its_report_not_filed_twice(engine: Engine) -> None:
    resident = Resident(engine)
    for said in (STORY, "iya", "lewati", "2", "kirim"):
        await resident.send(said)
    [first] = await reports(engine)
    await resident.send(STORY.replace("malam", "malem") + "!!")
    assert resident.heard("report.already_reported") and first.ref in resident.text, resident.text
    assert resident.heard("menu.ask"), "back at the menu, no report begun"
    await resident.send(STORY)
    assert resident.heard("report.read_back"), "told once: the same story after that is a report of its own"
    other = Resident(engine, "console:tetangga")
    await other.send(STORY)
    assert not other.heard("report.already_reported"), "another resident's story is theirs to report"
    assert len(await reports(engine)) == 1


async def test_a_story_reported_already_told_the_guided_way_is_told_its_report(engine: Engine) -> None:
    resident = Resident(engine)
    for said in (STORY, "iya", "lewati", "2", "kirim", "lapor", "1"):
        await resident.send(said)
    await resident.send(STORY)
    assert resident.heard("report.already_reported") and resident.heard("report.ask_description"), resident.text
    await resident.send(STORY)  # sent once more: a report of its own, the category chosen kept
    assert not resident.heard("report.already_reported") and resident.heard("place.confirm"), resident.text
    for said in ("ya", "2", "lewati", "2", "kirim"):
        await resident.send(said)
    assert [r.category for r in await reports(engine)] == [Category.SECURITY, Category.SECURITY]


@pytest.mark.parametrize("pressed", ["lapor", "1"])
async def test_a_story_reported_already_sent_at_the_kind_question_is_told_its_report(engine: Engine,
                                                                                    pressed: str) -> None:
    """After "lapor", the kind is asked; the story of the report sent is told of there too, not read back anew."""
    resident = Resident(engine)
    for said in (STORY, "iya", "lewati", "2", "kirim", pressed):
        await resident.send(said)
    [first] = await reports(engine)
    await resident.send(STORY)
    assert resident.heard("report.already_reported") and first.ref in resident.text, resident.text
    assert resident.heard("report.ask_category") and not resident.heard("report.read_back"), resident.text
    await resident.send(STORY)  # sent once more: a report of its own
    assert resident.heard("report.read_back"), resident.text


@pytest.mark.parametrize(("story", "one", "other"), [
    ("ada kecelakaan di jl. ahmad yani km {} kel gedog sananwetan blitar", "5", "7"),
    ("motor {} saya dicuri di depan rumah kel gedog sananwetan blitar", "adik", "kakak"),
])
async def test_a_story_a_word_apart_from_one_reported_is_another_report(engine: Engine, story: str, one: str,
                                                                        other: str) -> None:
    resident = Resident(engine)
    for said in (story.format(one), "iya", "tadi", "lewati", "2", "kirim"):
        await resident.send(said)
    await resident.send(story.format(other))
    assert not resident.heard("report.already_reported") and "Kami baca dari pesan Anda" in resident.text, \
        resident.text


async def test_a_cry_sent_again_files_again_so_officers_are_paged_again(engine: Engine) -> None:
    cry = "tolong ada orang ngamuk bawa golok di depan rumah saya kel gedog sananwetan blitar"
    resident = Resident(engine)
    for said in (cry, "iya", "lewati", "2", "kirim"):
        await resident.send(said)
    await resident.send(cry)
    assert resident.heard("emergency.call_110") and not resident.heard("report.already_reported"), resident.text
    for said in ("iya", "lewati", "2", "kirim"):
        await resident.send(said)
    assert [r.urgent for r in await reports(engine)] == [True, True]


async def test_a_story_sent_again_with_a_photo_is_filed_with_it(engine: Engine, tmp_path: Path) -> None:
    picture = tmp_path / "motor.png"
    picture.write_bytes(PNG)
    resident = Resident(engine)
    for said in (STORY, "iya", "lewati", "2", "kirim"):
        await resident.send(said)
    await resident.send(STORY, photo=picture)
    assert not resident.heard("report.already_reported") and resident.heard("report.read_back"), resident.text


async def test_a_report_sent_anonymously_is_not_found_by_its_story(engine: Engine) -> None:
    resident = Resident(engine)
    for said in (STORY, "iya", "lewati", "anonim", "kirim"):
        await resident.send(said)
    await resident.send(STORY)
    assert not resident.heard("report.already_reported") and resident.heard("report.read_back"), \
        "an anonymous report keeps no link to its reporter"


@pytest.mark.parametrize(("answer", "identity"), [("pakai nama aja pak", "named"), ("anonim aja", "anonymous"),
                                                  ("jgn sebut nama sy ya", "confidential")])
async def test_a_way_to_be_shown_said_at_the_time_question_is_kept_for_it(engine: Engine, answer: str,
                                                                          identity: str) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "3", DESCRIPTION, PLACE, "ya", answer):
        await resident.send(said)
    assert resident.heard("report.identity_noted") and resident.heard("report.ask_when"), resident.text
    async with engine.sessions() as db:
        [session] = (await db.execute(select(ConversationSession))).scalars()
        assert load_session(session.data, engine.cipher)["draft"]["identity"] == identity


@pytest.mark.parametrize(("answer", "identity"), [("rahasia ya pak jgn bilang sy yg lapor", "confidential"),
                                                  ("anonim aja pak", "anonymous"),
                                                  ("sy gk mau disebut nama y pak", "confidential")])
async def test_a_way_to_be_shown_said_where_what_was_read_is_confirmed_is_kept_for_it(engine: Engine, answer: str,
                                                                                     identity: str) -> None:
    resident = Resident(engine)
    await resident.send("pak sy mau lapor tetangga sy kyknya make sabu, tiap malem rame org dateng")
    await resident.send(answer)
    assert resident.heard("report.identity_noted") and resident.heard("report.read_back"), resident.text
    assert not resident.heard("common.not_a_choice"), resident.text
    assert (await draft_of(engine))["identity"] == identity
    await resident.send("iya")  # what was read, confirmed as ever
    assert resident.heard("report.ask_location"), resident.text


async def test_a_hedged_yes_where_what_was_read_is_confirmed_is_a_yes(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("td mlm ada yg nyuri ayam sy 3 ekor di depan rumah kel gedog sananwetan blitar")
    await resident.send("kyknya iya")
    assert resident.heard("report.ask_photo") and not resident.heard("common.not_a_choice"), resident.text


async def test_what_a_kelurahan_is_asked_where_what_was_read_is_confirmed_is_explained(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("ada tetangga sy suka mabuk2an tiap malem trus teriak2")
    await resident.send("kelurahan apa maksudnya?")
    assert resident.heard("report.area_explained") and resident.heard("report.read_back"), resident.text
    assert not resident.heard("common.not_a_choice"), resident.text


async def test_a_question_in_english_at_the_time_question_is_no_time_and_is_answered_in_english(
        engine: Engine) -> None:
    resident = await at(engine, "when")  # told in Indonesian so far
    await resident.send("is this going to the police directly?")
    assert resident.heard("report.when_invalid", "en") and resident.heard("report.ask_when", "en"), resident.text
    assert await step_of(engine, resident) == "when"


async def test_a_way_to_be_shown_or_a_question_at_the_time_question_is_no_time(engine: Engine) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "3", DESCRIPTION, PLACE, "ya"):
        await resident.send(said)
    await resident.send("rahasia aja")
    assert resident.heard("report.identity_noted") and resident.heard("report.ask_when"), resident.text
    await resident.send("emang harus tau jamnya ya?")  # asks of the time: answered, and asked again
    assert resident.heard("report.when_question") and resident.heard("report.ask_when"), resident.text
    assert not resident.heard("report.story_added"), resident.text
    for hour_asked in ("emg hrs tau jam brp?", "hrs tau jam berapa pak?"):  # the hour asked names none
        await resident.send(hour_asked)
        assert resident.heard("report.when_question") and resident.heard("report.ask_when"), resident.text
    await resident.send("pas maghrib?")  # a time said unsure is a time
    assert resident.heard("report.ask_photo"), resident.text
    await resident.send("lewati")
    assert resident.heard("report.summary"), "the way to be shown is not asked again"
    await resident.send("kirim")
    [report] = await reports(engine)
    assert (report.occurred_text, report.identity) == ("pas maghrib?", Identity.CONFIDENTIAL)


async def test_a_photo_whose_caption_tells_the_story_starts_the_report_with_it(engine: Engine,
                                                                              tmp_path: Path) -> None:
    photo = tmp_path / "motor.png"
    photo.write_bytes(PNG)
    resident = Resident(engine)
    await resident.send("halo")
    story = "ini motor yg nabrak sy td di jl mastrip kel gedog sananwetan blitar, pengendaranya kabur"
    await resident.send(story, photo=photo)
    assert not resident.heard("photo.rejected_not_now") and resident.heard("report.read_back"), resident.text
    for message in ("iya", "2"):  # the photo is not asked for: it came with the story
        await resident.send(message)
    assert resident.heard("report.summary") and "Foto: ada" in resident.text, resident.text


async def test_a_caption_sent_with_the_photo_asked_for_is_added_to_the_story(engine: Engine, tmp_path: Path) -> None:
    photo = tmp_path / "bukti.png"
    photo.write_bytes(PNG)
    resident = await at(engine, "photo")
    await resident.send("ini bukti transfernya pak", photo=photo)
    await resident.send("2")
    assert resident.heard("report.summary") and "ini bukti transfernya pak" in resident.text, resident.text


async def test_photo_with_caption_counts_as_description_and_photo(engine: Engine, tmp_path: Path) -> None:
    photo = tmp_path / "motor.png"
    photo.write_bytes(PNG)
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send("1")
    await resident.send("1")
    await resident.send(DESCRIPTION, photo=photo)
    await resident.send("Kel. Gedog, Sananwetan")
    await resident.send("ya")
    await resident.send("3")
    assert resident.heard("report.ask_identity"), "a photo already sent skips the photo question"
    await resident.send("2")
    assert resident.heard("report.summary")
    await resident.send("kirim")
    [report] = await reports(engine)
    async with engine.sessions() as db:
        [attachment] = (await db.execute(select(Attachment).where(Attachment.report_id == report.id))).scalars()
    assert attachment.content_type == "image/png"
    assert same_picture((tmp_path / "media" / attachment.stored_name).read_bytes(), PNG)


@contextlib.contextmanager
def statements_run(engine: Engine) -> Iterator[list[str]]:
    """The statements run inside, in order."""
    run: list[str] = []

    def seen(_connection: object, _cursor: object, statement: str, *_args: object) -> None:
        run.append(" ".join(statement.split()))

    bind = engine.sessions.kw["bind"].sync_engine
    event.listen(bind, "before_cursor_execute", seen)
    try:
        yield run
    finally:
        event.remove(bind, "before_cursor_execute", seen)


def tables_read(statements: list[str]) -> list[str]:
    return [table[1] for statement in statements
            if statement.startswith("SELECT") and (table := re.search(r"\bFROM (\w+)", statement))]


async def _read_at_kirim(engine: Engine, resident: Resident, photo: Path, description: str) -> list[str]:
    """The tables read when a report with a photo is sent, in order."""
    for said in ("halo", "1", "1"):
        await resident.send(said)
    await resident.send(description, photo=photo)
    await resident.send("Kel. Gedog, Sananwetan")
    await resident.send("ya")
    await another_incident(resident)
    for said in ("3", "2"):
        await resident.send(said)
    assert resident.heard("report.summary"), resident.text
    with statements_run(engine) as run:
        await resident.send("kirim")
    assert resident.heard("report.submitted"), resident.text
    return tables_read(run)


async def test_three_duty_officers_cost_kirim_no_more_reads_than_one(engine: Engine, tmp_path: Path) -> None:
    """The photo and how many residents report it are the report's, the same in each officer's alert: read once at
    *Kirim*, not once an officer, so that a station with several on duty costs no more statements."""
    photo = tmp_path / "motor.png"
    photo.write_bytes(PNG)
    await enrolled(engine, "console:petugas-1")
    one = await _read_at_kirim(engine, Resident(engine, "console:warga-1"), photo, DESCRIPTION)
    for n in (2, 3):
        await enrolled(engine, f"console:petugas-{n}")
    three = await _read_at_kirim(engine, Resident(engine, "console:warga-2"), photo,
                                 "Helm saya diambil orang di parkiran pasar tadi pagi")
    assert "attachment" in one and "witness" in one and three == one, (one, three)
    sent = await alerts(engine)
    assert len(sent) == 1 + 3
    for alert in sent:
        told = open_payload(engine.cipher, alert)
        assert told["photo"]["stored_name"] and t("id", "alert.photo_attached") in told["text"], told


async def test_a_story_naming_places_counts_the_stations_areas_once(engine: Engine) -> None:
    """Whether the stations cover few areas is asked of each place a story may name; a message counts them once."""
    resident = Resident(engine)
    for said in ("halo", "1", "1"):
        await resident.send(said)
    with statements_run(engine) as run:
        await resident.send("motor sy dicuri di depan warung bu sri di gedog tadi malam, deket masjid")
    assert resident.heard("place.confirm"), resident.text
    counted = [said for said in run if said.startswith("SELECT count(*)") and "station_area" in said]
    assert len(counted) == 1, run


async def test_a_file_that_is_not_a_photo_is_refused_and_the_step_asked_again(engine: Engine,
                                                                              tmp_path: Path) -> None:
    fake = tmp_path / "invoice.jpg"
    fake.write_bytes(b"%PDF-1.7 not a photo")
    resident = Resident(engine)
    await walk_to_summary(resident)
    await resident.send("ubah")
    await resident.send("foto")
    await resident.send(photo=fake)
    assert resident.heard("photo.rejected_not_image")
    assert resident.heard("report.ask_photo")
    await resident.send(photo=tmp_path / "missing.png")
    assert resident.heard("photo.rejected_unreadable")


async def test_a_photo_alone_that_could_not_be_fetched_is_told_wherever_it_comes(engine: Engine,
                                                                               tmp_path: Path) -> None:
    """A photo the provider would not hand over was dropped without a word at the menu ("belum paham") and at
    the steps that take no photo alone: the resident is told, and asked the question again."""
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send(photo=tmp_path / "gone.jpg")
    assert resident.heard("photo.rejected_unreadable") and not resident.heard("menu.not_understood"), resident.text
    for said in ("1", "1", DESCRIPTION):
        await resident.send(said)
    assert resident.heard("report.ask_location"), resident.text
    await resident.send(photo=tmp_path / "gone.jpg")
    assert resident.heard("photo.rejected_unreadable") and resident.heard("report.ask_location"), resident.text
    await resident.send("ini fotonya pak", photo=tmp_path / "gone.jpg")  # a caption that only shows it: the same
    assert resident.heard("photo.rejected_unreadable") and resident.heard("report.ask_location"), resident.text
    assert not resident.heard("place.ask_district"), resident.text
    await resident.send("di depan pasar gedog", photo=tmp_path / "gone.jpg")  # told, and the words answer
    assert resident.heard("photo.rejected_unreadable") and "Kel. Gedog" in " ".join(resident.options()), resident.text
    newcomer = Resident(engine, "console:newcomer")
    await newcomer.send(photo=tmp_path / "gone.jpg")  # a first message: the greeting, the photo, and the menu
    assert newcomer.heard("menu.greeting") and newcomer.heard("photo.rejected_unreadable"), newcomer.text
    assert "Lapor" in newcomer.options(), newcomer.options()


async def test_emergency_category_answers_110_and_marks_urgent(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send("1")
    await resident.send("7")
    assert resident.heard("emergency.call_110")
    assert resident.heard("report.ask_description")
    for answer in (DESCRIPTION, "Kec. Sekar, Kab. Bojonegoro", "ya", "1", "lewati", "2", "kirim"):
        await resident.send(answer)
    [report] = await reports(engine)
    assert report.urgent and report.category == Category.EMERGENCY


async def test_words_of_emergency_answer_110_at_once_and_the_flow_goes_on(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send("1")
    await resident.send("1")
    await resident.send("Tolong, ada begal bawa senjata tajam di jalan depan pasar")
    assert resident.replies[0].text.startswith("🚨")
    assert resident.heard("report.ask_location"), "the description was still taken"
    for answer in ("dekat pasar Sekar Bojonegoro", "ya", "1", "lewati", "2"):
        await resident.send(answer)
    assert "MENDESAK" in resident.text
    await resident.send("kirim")
    [report] = await reports(engine)
    assert report.urgent


async def test_anonymous_report_keeps_no_link_to_the_contact(engine: Engine) -> None:
    resident = Resident(engine)
    await walk_to_summary(resident, identity="3")
    await resident.send("kirim", message_id="SM-anonymous")
    assert resident.heard("report.submitted_anonymous")
    [report] = await reports(engine)
    assert report.contact_id is None
    assert report.identity == Identity.ANONYMOUS  # and no time that matches: tests/test_privacy.py


async def test_a_photo_sent_alone_first_starts_the_report_and_is_kept(engine: Engine, tmp_path: Path) -> None:
    photo = tmp_path / "motor.png"
    photo.write_bytes(PNG)
    resident = Resident(engine)
    await resident.send("", photo=photo)  # the photo first, then the story: as WhatsApp users often send them
    assert resident.heard("photo.kept_first") and not resident.heard("photo.rejected_not_now"), resident.text
    await resident.send("ini motor yg nabrak sy td pagi di jl mastrip kel gedog sananwetan blitar, pengendaranya kabur")
    for message in ("iya", "2"):  # the photo is not asked for: it came first
        await resident.send(message)
    assert resident.heard("report.summary") and "Foto: ada" in resident.text, resident.text


_PLACE = "kel gedog kec sananwetan blitar"


@pytest.mark.parametrize(("before", "after"), [
    (["halo", "1"], ["1", DESCRIPTION, _PLACE, "ya", "ya"]),  # at the kind
    (["halo", "1", "1", DESCRIPTION, "gedog"], ["1", "ya"]),  # the place offered
    (["halo", "1", "1", DESCRIPTION, _PLACE], ["ya", "ya"]),  # the place to confirm
    (["halo", "1", "1", DESCRIPTION, _PLACE, "ya"], ["ya"]),  # at the time
])
async def test_a_photo_sent_before_it_is_asked_is_kept_for_the_report(engine: Engine, tmp_path: Path,
                                                                      before: list[str], after: list[str]) -> None:
    """As an answer typed early is kept for its question, so is a photo: it is not asked for again."""
    photo = tmp_path / "motor.png"
    photo.write_bytes(PNG)
    resident = Resident(engine)
    for said in before:
        await resident.send(said)
    asked = resident.replies[-1].text
    await resident.send("", photo=photo)
    assert resident.heard("photo.kept_for_report") and not resident.heard("photo.rejected_not_now"), resident.text
    assert resident.replies[-1].text == asked, "the question it was sent at, again"
    for said in after:
        await resident.send(said)
        assert not resident.heard("report.ask_photo"), resident.text
    assert resident.heard("report.ask_identity"), resident.text
    await resident.send("rahasia aja")
    assert resident.heard("report.summary") and "Foto: ada" in resident.text, resident.text


@pytest.mark.parametrize("caption", ["ini fotonya pak", "fotonya", "here's the photo", "ini buktinya bu"])
async def test_a_photo_whose_caption_only_shows_it_asks_the_question_again(engine: Engine, tmp_path: Path,
                                                                          caption: str) -> None:
    """"ini fotonya pak" with the photo at the place question names no place: no try spent on it."""
    photo = tmp_path / "motor.png"
    photo.write_bytes(PNG)
    resident = Resident(engine)
    for said in ("halo", "1", "1", DESCRIPTION):
        await resident.send(said)
    await resident.send(caption, photo=photo)
    lang = "en" if resident.heard("language.changed", "en") else "id"  # "here's the photo": answered in English
    assert resident.heard("photo.kept_for_report", lang), resident.text
    assert matches(resident.replies[-1].text, "report.ask_location", lang), resident.text  # the same question
    assert "place_attempts" not in await draft_of(engine)


async def test_a_photo_with_an_answer_sent_early_keeps_both(engine: Engine, tmp_path: Path) -> None:
    photo = tmp_path / "motor.png"
    photo.write_bytes(PNG)
    resident = Resident(engine)
    for said in ("halo", "1", "1", DESCRIPTION, _PLACE, "ya"):
        await resident.send(said)
    await resident.send("kemarin sore", photo=photo)
    assert resident.heard("photo.kept_for_report") and resident.heard("report.ask_identity"), resident.text
    await resident.send("rahasia aja")
    assert "Foto: ada" in resident.text and "kemarin sore" in resident.text, resident.text


async def test_a_photo_sent_where_none_is_asked_is_not_kept(engine: Engine, tmp_path: Path) -> None:
    photo = tmp_path / "selfie.png"
    photo.write_bytes(PNG)
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send("1", photo=photo)
    assert resident.heard("photo.rejected_not_now")
    assert resident.heard("report.ask_category"), "the caption still answered the menu"
    assert not (tmp_path / "media").exists()


async def test_when_the_police_come_asked_after_a_report_nobody_reads_is_not_answered_it_reaches_them(
        engine: Engine) -> None:
    resident = Resident(engine)
    await walk_to_summary(resident)
    await resident.send("kirim")
    [report] = await reports(engine)
    assert _what_follows(resident, report.ref, "Polsek Sananwetan (Polres Blitar Kota)") == "unread", resident.text
    await resident.send("kapan polisi dateng?")
    assert resident.heard("report.no_officer_yet") and not resident.heard("menu.response"), resident.text


def _what_follows(resident: Resident, ref: str, station: str) -> str:
    """Which of the confirmation's two endings the resident was told: "unread" or "reviewed"."""
    [ending] = [key for key in ("unread", "reviewed")
                if t("id", f"report.submitted_{key}", station=station, ref=ref) in resident.text]
    return ending


async def test_the_resident_is_told_when_no_officer_reads_the_station_s_reports_yet(engine: Engine) -> None:
    """Told once, in the confirmation, what truly follows: never that officers review it, then that none is there."""
    station = "Polsek Sananwetan (Polres Blitar Kota)"
    alone = Resident(engine, "console:pertama")
    await walk_to_summary(alone)
    await alone.send("kirim")
    [first] = await reports(engine)
    assert alone.heard("report.submitted") and not alone.heard("report.no_officer_yet"), alone.text
    assert _what_follows(alone, first.ref, station) == "unread", alone.text
    await enrolled(engine, "console:petugas")
    told = Resident(engine, "console:kedua")
    await walk_to_summary(told)
    await told.send("kirim")
    [second] = [report for report in await reports(engine) if report.ref != first.ref]
    assert told.heard("report.submitted") and not told.heard("report.no_officer_yet"), told.text
    assert _what_follows(told, second.ref, station) == "reviewed", told.text


async def test_an_anonymous_report_no_officer_reads_yet_is_told_so_after_it(engine: Engine) -> None:
    resident = Resident(engine)
    await walk_to_summary(resident, identity="3")
    await resident.send("kirim")
    assert resident.heard("report.submitted_anonymous") and resident.heard("report.no_officer_yet"), resident.text


async def test_named_report_asks_the_name_once_and_keeps_it_encrypted(engine: Engine) -> None:
    resident = Resident(engine)
    await walk_to_summary(resident, identity="1")
    assert "Dengan nama (Budi Santoso)" in resident.text
    await resident.send("kirim")
    await walk_to_summary(resident, identity="1", name_known=True)  # fails if the name is asked again
    async with engine.sessions() as db:
        contact = (await db.execute(select(Contact))).scalar_one()
    assert contact.display_name_encrypted and "Budi" not in contact.display_name_encrypted


@READING_ON_SQLITE
@pytest.mark.parametrize(("answer", "shown"), [
    ("nama sy Dewi Lestari", "Dengan nama (Dewi Lestari)"),
    ("Nama saya: Ahmad Fauzi aja pak", "Dengan nama (Ahmad Fauzi)"),
    ("Dengan nama, Pak. Nama saya Soedarmo.", "Dengan nama (Soedarmo)"),
    ("nama aja, Bambang Sutrisno", "Dengan nama (Bambang Sutrisno)"),
    ("pakai nama sy aja pak, Joko", "Dengan nama (Joko)"),
    ("Named. My name is John Smith", "Dengan nama (John Smith)"),
])
async def test_a_name_given_at_the_identity_question_is_the_named_choice(
        engine: Engine, answer: str, shown: str) -> None:
    resident = Resident(engine)
    await walk_to_summary(resident, identity=answer)
    assert shown in resident.text
    await resident.send("kirim")
    [report] = await reports(engine)
    assert report.identity == Identity.NAMED


async def at_the_name_question(engine: Engine) -> Resident:
    """A resident who chose to report by name, asked the name."""
    resident = Resident(engine)
    for message in ("halo", "1", "1", DESCRIPTION, PLACE, "ya", "2", "lewati", "1"):
        await resident.send(message)
    assert resident.heard("report.ask_name"), resident.text
    return resident


@pytest.mark.parametrize("not_a_name", ["kirim", "ya", "lewati", "ya pak"])
async def test_an_answer_to_another_question_is_no_name(engine: Engine, not_a_name: str) -> None:
    """Told that a name is awaited, and how to choose otherwise: not asked for "2 to 100 characters"."""
    resident = await at_the_name_question(engine)
    await resident.send(not_a_name)
    assert resident.heard("report.name_awaited") and not resident.heard("report.name_invalid"), resident.text
    await resident.send("Bambang Sutrisno")
    assert "Dengan nama (Bambang Sutrisno)" in resident.text, resident.text


@pytest.mark.parametrize(("typed", "kept"), [("salah, namanya pake Slamet aja", "Slamet"),
                                             ("eh maaf, cukup Slamet Riyadi pak", "Slamet Riyadi"),
                                             ("eh salah ketik, Slamet", "Slamet")])
async def test_a_name_typed_as_a_correction_keeps_only_the_name(engine: Engine, typed: str, kept: str) -> None:
    resident = await at_the_name_question(engine)
    await resident.send("sy pak RT 03, Slamet Riyadi")
    assert resident.heard("report.name_letters_only"), resident.text
    await resident.send(typed)
    assert f"Dengan nama ({kept})" in resident.text, resident.text


@pytest.mark.parametrize(("changed", "shown"), [("anonim aja", "Anonim"), ("rahasia aja deh pak", "Rahasia"),
                                               ("gk jadi pake nama, anonim aja", "Anonim")])
async def test_a_mind_changed_at_the_name_question_is_taken(engine: Engine, changed: str, shown: str) -> None:
    resident = await at_the_name_question(engine)
    await resident.send(changed)
    assert resident.heard("report.summary") and f"Identitas: {shown}" in resident.text, resident.text
    async with engine.sessions() as db:
        assert (await db.execute(select(Contact.display_name_encrypted))).scalar_one() is None


@pytest.mark.parametrize(("changed", "shown"), [("gk jadi, rahasia aja", "Rahasia"),
                                               ("ga jadi pak, anonim aja", "Anonim"),
                                               ("gk jadi deh pak, dirahasiakan aja", "Rahasia"),
                                               ("never mind, anonymous please", "Anonim")])
async def test_a_mind_changed_on_how_to_be_shown_cancels_nothing(engine: Engine, changed: str, shown: str) -> None:
    resident = await at(engine, "photo")
    await resident.send("rahasia aja" if shown == "Anonim" else "anonim aja")  # said ahead, then changed
    await resident.send(changed)
    assert not resident.heard("report.cancelled") and await step_of(engine, resident) == "photo", resident.text
    await resident.send("lewati")
    assert f"Identitas: {shown}" in resident.text or f"Identity: {shown}" in resident.text, resident.text
    await resident.send("gak jadi deh")
    assert resident.heard("report.cancelled"), "a cancel said alone still cancels"


@READING_ON_SQLITE
@pytest.mark.parametrize(("typed", "kept"), [("Budi Santoso, tp nama sy dirahasiakan dr pelaku ya pak", "Budi Santoso"),
                                             ("budi santoso, tp nama sy dirahasiakan dr pelaku", "budi santoso"),
                                             ("Budi, rahasiakan dari pelaku ya", "Budi"),
                                             ("siti aminah tp jgn sampe suami sy tau ya", "siti aminah"),
                                             ("Siti Aminah. Jgn sampe suami tau", "Siti Aminah"),
                                             ("M. Ma'ruf, tp jgn sampe pelaku tau", "M. Ma'ruf")])
async def test_a_name_given_with_a_wish_to_keep_it_from_others_is_the_name(engine: Engine, typed: str,
                                                                           kept: str) -> None:
    resident = await at_the_name_question(engine)
    await resident.send(typed)
    assert resident.heard("report.name_seen_by_officers_only"), resident.text
    assert f"Dengan nama ({kept})" in resident.text, resident.text


@READING_ON_SQLITE
@pytest.mark.parametrize("not_a_name", ["nanti aja, jgn sampe pelaku tau", "sy korbannya, tp jgn sampe pelaku tau",
                                        "hmm, rahasiakan dari tetangga", "wkwk, rahasiakan dari tetangga",
                                        "aduh, rahasiakan dari tetangga ya", "sy istrinya, jgn sampe suami tau"])
async def test_chat_words_before_a_wish_are_no_name(engine: Engine, not_a_name: str) -> None:
    """Taken for a name, they would make the report named: the resident's number shown to officers."""
    resident = await at_the_name_question(engine)
    await resident.send(not_a_name)
    assert "Identitas: Dengan nama" not in resident.text, resident.text
    async with engine.sessions() as db:
        assert (await db.execute(select(Contact.display_name_encrypted))).scalar_one() is None


@pytest.mark.parametrize("wish", ["jgn sampe suami sy tau ya", "Rahasia aja, jgn sampe suami tau"])
async def test_a_wish_not_to_be_known_at_the_name_question_is_its_answer(engine: Engine, wish: str) -> None:
    resident = await at_the_name_question(engine)
    await resident.send(wish)
    assert resident.heard("report.summary") and "Identitas: Rahasia" in resident.text, resident.text
    assert not resident.heard("report.ask_name"), resident.text


@pytest.mark.parametrize("no_name", ["maaf pak", "mohon maaf pak", "sorry sir"])
async def test_words_around_or_about_a_name_are_no_name(engine: Engine, no_name: str) -> None:
    resident = await at_the_name_question(engine)
    await resident.send(no_name)
    assert resident.heard("report.name_invalid") and not resident.heard("report.summary"), resident.text


TELEGRAM, WHATSAPP = "telegram:5550077", "whatsapp:+6281234500077"


@pytest.mark.parametrize(("urn", "number_told"), [(TELEGRAM, False), ("console:resident", False), (WHATSAPP, True)])
@pytest.mark.parametrize("lang", ["id", "en"])
async def test_what_officers_see_of_a_name_is_told_as_the_channel_shows_it(engine: Engine, urn: str, lang: str,
                                                                          number_told: bool) -> None:
    """Officers see a named reporter's WhatsApp number; from Telegram they see the name alone and reply through the
    bot: the privacy notice, the identity options and the name question promise no number there."""
    resident = Resident(engine, urn)
    told = []
    for message in ("halo" if lang == "id" else "hello, english please", "1", "1", DESCRIPTION, PLACE,
                    "ya", "2", "lewati", "1"):
        told += [reply.text for reply in await resident.send(message)]
    said = "\n".join(told)
    for key in ("menu.greeting", "report.ask_identity", "report.ask_name"):
        assert (t(lang, key) in said) == number_told, (key, said)
        assert (t(lang, f"{key}_without_number") in said) != number_told, (key, said)
    promises = ("nama dan nomor Anda", "dapat menelepon") if lang == "id" else ("name and number", "may call")
    assert any(promise in said for promise in promises) == number_told, said


@pytest.mark.parametrize("urn", [TELEGRAM, WHATSAPP])
@pytest.mark.parametrize(("asked", "key"), [
    ("bedanya dengan nama, rahasia, anonim apa?", "menu.identity_options"),
    ("what's the difference between named and anonymous?", "menu.identity_options"),
    ("nanti polisi tau nama sy gk?", "menu.privacy"),
    ("will the police know my name?", "menu.privacy"),
])
async def test_the_options_explained_at_the_menu_say_what_the_channel_shows(engine: Engine, urn: str, asked: str,
                                                                           key: str) -> None:
    resident = Resident(engine, urn)
    await resident.send("halo")
    await resident.send(asked)
    seen = key if urn == WHATSAPP else f"{key}_without_number"
    assert any(t(told, seen) in resident.text for told in ("id", "en")), resident.text
    assert urn == WHATSAPP or not any(t(told, key) in resident.text for told in ("id", "en")), resident.text


@pytest.mark.parametrize("initials", ["cukup inisial", "inisial aja pak"])
async def test_initials_at_the_name_question_are_rahasia(engine: Engine, initials: str) -> None:
    resident = await at_the_name_question(engine)
    await resident.send(initials)
    assert resident.heard("report.identity_initials") and "Identitas: Rahasia" in resident.text, resident.text


@READING_ON_SQLITE
@pytest.mark.parametrize(("typed", "kept"), [
    ("Budi Santoso, 081234567890", "Budi Santoso"), ("Budi Santoso / wa 0812-3456-7890", "Budi Santoso"),
    ("Bambang, no hp sy 085712345678", "Bambang"), ("nama sy Siti, wa 081234567890", "Siti"),
    ("Pak Joko RT 3", "Pak Joko"), ("Budi aja pak", "Budi"), ("Budi, ini nomer sy 0812 3456 7890", "Budi"),
    ("Dewi Lestari no hp 081234567890", "Dewi Lestari"), ("Siti, S.Pd, wa 081234567890", "Siti, S.Pd"),
    ("My name is John Smith and my number is 081234567890", "John Smith"),
])
async def test_a_name_typed_with_the_chats_own_number_keeps_the_name(engine: Engine, typed: str, kept: str) -> None:
    """The number is the chat's own, which officers see beside the name: the name is the name alone."""
    resident = await at_the_name_question(engine)
    await resident.send(typed)
    assert f"Dengan nama ({kept})" in resident.text, resident.text


@pytest.mark.parametrize("forged", ['Budi”, +6281299990000 (boleh dihubungi)', 'Budi" 081299990000', "Budi (WA 0812)"])
async def test_a_name_with_digits_quotes_or_brackets_is_asked_again_in_letters(engine: Engine, forged: str) -> None:
    """Officers see a name in quotes beside the number: one that closes the quotes could pass for another number."""
    resident = await at_the_name_question(engine)
    await resident.send(forged)
    assert resident.heard("report.name_letters_only") and not resident.heard("report.summary"), resident.text
    await resident.send("M. Ma'ruf Amin")
    assert "Dengan nama (M. Ma'ruf Amin)" in resident.text, resident.text


@READING_ON_SQLITE
@pytest.mark.parametrize(("answer", "identity"), [
    ("pake nama aja, Budi Santoso", Identity.NAMED), ("yg disarankan aja pak", Identity.CONFIDENTIAL),
    ("terserah, yg paling aman aja", Identity.CONFIDENTIAL), ("anonim aja kak plis 🙈", Identity.ANONYMOUS),
    ("Saya ingin nama saya dirahasiakan, tapi petugas boleh membalas.", Identity.CONFIDENTIAL),
    # a name declined is never Dengan nama, though "nama" stands undeclined in it
    ("gak usah pake nama", Identity.CONFIDENTIAL), ("don't use my name", Identity.CONFIDENTIAL),
    ("dont show my name", Identity.CONFIDENTIAL), ("bukan anonim, rahasia aja", Identity.CONFIDENTIAL),
    ("not anonymous, confidential", Identity.CONFIDENTIAL), ("jangan anonim ya, rahasia aja", Identity.CONFIDENTIAL),
    ("no name", Identity.ANONYMOUS), ("jangan pake nama", Identity.CONFIDENTIAL),
])
async def test_an_identity_said_in_own_words_is_taken(engine: Engine, answer: str, identity: Identity) -> None:
    resident = Resident(engine)
    await walk_to_summary(resident, identity=answer)
    await resident.send("kirim")
    [report] = await reports(engine)
    assert report.identity == identity


@READING_ON_SQLITE
@pytest.mark.parametrize(("declined", "left", "then", "identity"), [
    ("jangan anonim", ["Dengan nama", "Rahasia"], "2", Identity.CONFIDENTIAL),
    ("gak mau anonim pak", ["Dengan nama", "Rahasia"], "rahasia aja", Identity.CONFIDENTIAL),
    ("ogah anonim", ["Dengan nama", "Rahasia"], "yg kedua", Identity.CONFIDENTIAL),
    ("anonim gak usah pak", ["Dengan nama", "Rahasia"], "1", Identity.NAMED),
    ("jgn dirahasiakan", ["Dengan nama", "Anonim"], "2", Identity.ANONYMOUS),
    ("ga usah rahasia", ["Dengan nama", "Anonim"], "anonim", Identity.ANONYMOUS),
    ("gak jadi anonim deh", ["Dengan nama", "Rahasia"], "rahasia", Identity.CONFIDENTIAL),
])
async def test_one_identity_declined_asks_between_the_two_left(engine: Engine, declined: str, left: list[str],
                                                                then: str, identity: Identity) -> None:
    """"jangan anonim" names neither of the others: asked which of the two, the next answer read among them."""
    resident = await at(engine, "identity")
    await resident.send(declined)
    assert resident.heard("report.identity_two_left") and not resident.heard("common.not_a_choice"), resident.text
    assert resident.options() == left
    await resident.send(then)
    if identity == Identity.NAMED:
        await resident.send(REPORTER_NAME)
    assert resident.heard("report.summary"), resident.text
    await resident.send("kirim")
    [report] = await reports(engine)
    assert report.identity == identity


@pytest.mark.parametrize(("declined", "identity"), [("not anonymous", Identity.CONFIDENTIAL),
                                                    ("I don't want to be anonymous", Identity.CONFIDENTIAL),
                                                    ("not confidential", Identity.ANONYMOUS)])
async def test_one_identity_declined_in_english_asks_between_the_two_left(engine: Engine, declined: str,
                                                                          identity: Identity) -> None:
    resident = Resident(engine)
    for answer in ("hello", "English", "report", "traffic", "A truck has blocked the junction since this morning",
                   "Jl. Merdeka, Kec. Sekar, Bojonegoro", "yes", "now", "skip"):
        await resident.send(answer)
    await resident.send(declined)
    assert resident.heard("report.identity_two_left", "en"), resident.text
    await resident.send("2")
    assert resident.heard("report.summary", "en"), resident.text
    await resident.send("send")
    [report] = await reports(engine)
    assert report.identity == identity


@pytest.mark.parametrize(("chosen", "declined", "then", "identity"), [
    ("3", "eh jangan anonim deh", "rahasia", Identity.CONFIDENTIAL), ("3", "ogah anonim", "2", Identity.CONFIDENTIAL),
    ("2", "gak jadi rahasia deh", "2", Identity.ANONYMOUS)])
async def test_the_identity_chosen_declined_at_the_summary_asks_between_the_two_others(
        engine: Engine, chosen: str, declined: str, then: str, identity: Identity) -> None:
    resident = Resident(engine)
    await walk_to_summary(resident, identity=chosen)
    await resident.send(declined)
    assert resident.heard("report.identity_two_left") and not resident.heard("common.not_a_choice"), resident.text
    await resident.send(then)
    assert resident.heard("report.summary"), resident.text
    await resident.send("kirim")
    [report] = await reports(engine)
    assert report.identity == identity


@pytest.mark.parametrize("declined", [["jangan anonim", "jangan rahasia juga"], ["jangan anonim, jangan rahasia"],
                                      ["gak mau dirahasiakan", "ga mau anonim juga pak"]])
async def test_only_the_name_left_is_confirmed_never_taken(engine: Engine, declined: list[str]) -> None:
    """Dengan nama shows name and number to officers: left alone after two declined, it is asked, not taken."""
    resident = await at(engine, "identity")
    for said in declined:
        await resident.send(said)
    assert resident.heard("report.identity_named_left"), resident.text
    assert "identity" not in await draft_of(engine)
    await resident.send("iya")
    assert resident.heard("report.ask_name"), resident.text


@pytest.mark.parametrize(("answer", "identity"), [("tidak", None), ("iya rahasia aja deh", Identity.CONFIDENTIAL),
                                                  ("anonim aja", Identity.ANONYMOUS)])
async def test_the_name_left_declined_or_another_chosen_is_no_name(engine: Engine, answer: str,
                                                                   identity: Identity | None) -> None:
    resident = await at(engine, "identity")
    await resident.send("jangan anonim, jangan rahasia")
    await resident.send(answer)
    if identity is None:  # all three asked again
        assert resident.heard("report.ask_identity") and resident.options() == ["Dengan nama", "Rahasia", "Anonim"]
        await resident.send("3")
        identity = Identity.ANONYMOUS
    assert resident.heard("report.summary"), resident.text
    assert (await draft_of(engine))["identity"] == identity


@pytest.mark.parametrize("declined", ["gak mau pake nama, gak mau rahasia juga", "jangan pake nama, jangan rahasia"])
async def test_the_name_and_rahasia_declined_leave_anonim(engine: Engine, declined: str) -> None:
    resident = await at(engine, "identity")
    await resident.send(declined)
    assert resident.heard("report.identity_noted") and resident.heard("report.summary"), resident.text
    assert (await draft_of(engine))["identity"] == Identity.ANONYMOUS


@pytest.mark.parametrize("named", ["use my name", "with my name", "you can use my name", "pake nama sy aja"])
async def test_a_name_wished_in_own_words_asks_for_the_name(engine: Engine, named: str) -> None:
    resident = await at(engine, "identity")
    await resident.send(named)
    assert resident.heard("report.ask_name"), resident.text


@READING_ON_SQLITE
@pytest.mark.parametrize("going_on", ["lanjut", "lanjut aja pak", "next"])
async def test_going_on_at_the_photo_question_skips_it(engine: Engine, going_on: str) -> None:
    resident = await at(engine, "photo")
    await resident.send(going_on)
    assert resident.heard("report.ask_identity") and not resident.heard("report.photo_send_it"), resident.text


@READING_ON_SQLITE
@pytest.mark.parametrize("no_photo", ["gak punya foto", "ga sempet moto pak", "nanti aja fotonya", "❌", "nope",
                                      "no photos sorry", "I don't have one", "no pics", "gak ada foto gpp kan?",
                                      "ga ada fotonya pak, gak papa kan", "cuma gak punya foto pak", "lupa",
                                      "lupa moto pak"])
async def test_no_photo_said_in_own_words_goes_on_to_the_identity(engine: Engine, no_photo: str) -> None:
    resident = await at(engine, "photo")
    await resident.send(no_photo)
    assert resident.heard("report.ask_identity") and not resident.heard("report.photo_or_skip"), resident.text


@READING_ON_SQLITE
@pytest.mark.parametrize("no_photo", ["no photo sorry, is that ok?", "no photo, is that alright?",
                                      "no photos sorry, is that ok?"])
async def test_no_photo_asked_in_english_goes_on_to_the_identity_in_english(engine: Engine, no_photo: str) -> None:
    """An English question in a report told in Indonesian: the report goes on in English."""
    resident = await at(engine, "photo")
    await resident.send(no_photo)
    assert resident.heard("report.ask_identity", "en") and not resident.heard("report.photo_or_skip", "en"), \
        resident.text


@READING_ON_SQLITE
@pytest.mark.parametrize("called_off", ["ga jadi, ga ada foto", "nevermind, no pics", "gak jadi, fotonya blur",
                                        "never mind the photo", "gak jadi, ga sempet moto",
                                        "batal aja, gk ada fotonya"])
async def test_calling_off_said_of_the_photo_declines_the_photo_not_the_report(engine: Engine,
                                                                               called_off: str) -> None:
    resident = await at(engine, "photo")
    await resident.send("ada")  # the photo promised, then called off
    await resident.send(called_off)
    assert resident.heard("report.ask_identity") and not resident.heard("report.cancelled"), resident.text
    assert "description" in await draft_of(engine)


@READING_ON_SQLITE
@pytest.mark.parametrize("cancel", ["ga jadi pak, hp sy udh ketemu", "batalin aja laporannya, gk ada fotonya jg",
                                    "ga jd lapor deh, fotonya jg gk ada"])
async def test_calling_off_the_report_at_the_photo_still_cancels_it(engine: Engine, cancel: str) -> None:
    resident = await at(engine, "photo")
    await resident.send(cancel)
    assert resident.heard("report.cancelled") and not resident.heard("report.ask_identity"), resident.text


@pytest.mark.parametrize("step", ["photo", "identity", "summary"])
async def test_all_of_it_wrong_asks_which_part_to_change(engine: Engine, step: str) -> None:
    resident = await at(engine, step)
    await resident.send("salah semua")
    assert resident.heard("report.ask_change"), resident.text
    await resident.send("kategori")
    assert resident.heard("report.ask_category"), resident.text


@pytest.mark.parametrize(("asked", "lang"), [("gmn ngirim screenshot pak?", "id"), ("cara kirim foto gimana", "id"),
                                             ("how do I send a photo?", "en")])
async def test_how_to_send_a_picture_asked_at_the_photo_is_told(engine: Engine, asked: str, lang: str) -> None:
    """In the language it is asked in: a report told in Indonesian goes on in English after an English question."""
    resident = await at(engine, "photo")
    before = (await draft_of(engine))["description"]
    await resident.send(asked)
    assert resident.heard("report.photo_how", lang) and resident.heard("report.ask_photo", lang), resident.text
    assert (await draft_of(engine))["description"] == before, "a question is no part of the story"


@pytest.mark.parametrize(("asked", "lang"), [("gk ada fotonya, gmn?", "id"),
                                             ("fotonya gak ada pak, trus gimana dong", "id"),
                                             ("no photo, what now?", "en"), ("gmn kalau gak ada foto?", "id")])
async def test_what_now_without_a_photo_is_told_none_is_needed(engine: Engine, asked: str, lang: str) -> None:
    resident = await at(engine, "photo")
    before = (await draft_of(engine))["description"]
    await resident.send(asked)
    assert resident.heard("report.photo_not_needed", lang) and resident.heard("report.ask_identity", lang), \
        resident.text
    assert not resident.heard("report.photo_how", lang), resident.text
    assert (await draft_of(engine))["description"] == before, "a question is no part of the story"


@READING_ON_SQLITE
@pytest.mark.parametrize("yes", ["ada", "ya ada pak", "ok", "sip", "👍", "punya", "ada ss nya", "ada screenshot",
                                 "ada ssnya pak", "ada tangkapan layar"])
async def test_a_yes_to_the_photo_asks_for_the_photo_itself(engine: Engine, yes: str) -> None:
    resident = await at(engine, "photo")
    await resident.send(yes)
    assert resident.heard("report.photo_send_it") and resident.heard("report.ask_photo"), resident.text
    assert "photo_skipped" not in await draft_of(engine), "a yes skips nothing"


@READING_ON_SQLITE
@pytest.mark.parametrize("later", ["fotonya nanti ya pak", "ntar sy kirim fotonya", "I will send the photo later",
                                   "nanti aja", "ntar ya pak", "Nanti saya kirim rekamannya ke kantor saja pak",
                                   "videonya sy kasih langsung ke kantor pak", "besok sy antar buktinya ke polsek",
                                   "I'll bring the footage to the station later",
                                   "nanti sy bawa ke polsek aja fotonya", "fotonya nanti sy kirim ya"])
async def test_a_photo_promised_for_later_goes_on_without_it_saying_how_to_add_it(engine: Engine, later: str) -> None:
    """Once sent, a photo is added to the resident's report within three hours: the question is not asked again."""
    resident = await at(engine, "photo")
    await resident.send(later)
    assert resident.heard("report.photo_later") and resident.heard("report.ask_identity"), resident.text
    assert "3 jam" in resident.text or "3 hours" in resident.text, resident.text
    assert (await draft_of(engine))["photo_skipped"] is True


@pytest.mark.parametrize("step", ["identity", "summary"])
async def test_a_photo_promised_then_sent_before_the_report_goes_is_kept(engine: Engine, tmp_path: Path,
                                                                        step: str) -> None:
    photo = tmp_path / "motor.png"
    photo.write_bytes(PNG)
    resident = await at(engine, "photo")
    await resident.send("nanti saya kirim fotonya")
    if step == "summary":
        await resident.send("rahasia aja")
    await resident.send("", photo=photo)
    assert resident.heard("photo.kept_for_report") and not resident.heard("photo.rejected_not_now"), resident.text
    if step == "identity":
        await resident.send("rahasia aja")
    assert resident.heard("report.summary") and "Foto: ada" in resident.text, resident.text


@pytest.mark.parametrize("asked", ["nanti dikirim ke kantor polisi?", "polisi", "ke polsek aja"])
async def test_the_station_named_without_a_photo_promised_skips_nothing(engine: Engine, asked: str) -> None:
    resident = await at(engine, "photo")
    await resident.send(asked)
    assert not resident.heard("report.photo_later") and "photo_skipped" not in await draft_of(engine), resident.text


@READING_ON_SQLITE
@pytest.mark.parametrize("asked", ["apa bedanya rahasia sm anonim?", "bedanya rahasia dan anonim apa",
                                   "rahasia sama anonim beda nya apa ya", "anonim itu apa?",
                                   # the options in view name what is asked of
                                   "bedanya apa", "apa bedanya", "bedanya apa sih pak", "rahasia tu maksudnya apa?",
                                   "artinya apa", "anonim tu gmn", "kalo rahasia gimana", "gk ngerti maksudnya",
                                   "sy blm paham", "bingung pak"])
async def test_what_the_ways_of_being_shown_mean_asked_is_explained_not_taken(engine: Engine, asked: str) -> None:
    resident = await at(engine, "identity")
    await resident.send(asked)
    assert resident.heard("menu.identity_options") and resident.heard("report.ask_identity"), resident.text
    assert "identity" not in await draft_of(engine), "no way is taken for the resident"
    await resident.send("rahasia")
    assert resident.heard("report.summary") and "Identitas: Rahasia" in resident.text, resident.text


@READING_ON_SQLITE
@pytest.mark.parametrize(("asked", "answer"), [
    ("what does confidential mean?", "menu.identity_options"), ("whats the difference", "menu.identity_options"),
    ("whats the difference between confidential and anonymous?", "menu.identity_options"),
    ("what is anonymous", "menu.identity_options"), ("i dont get it", "menu.identity_options"),
    ("will the police know my name?", "menu.privacy"), ("can they see my number", "menu.privacy"),
    ("is my name shown to the police?", "report.identity_question"),
    ("which one is safest?", "report.identity_question")])
async def test_the_ways_of_being_shown_asked_in_english_are_explained_in_english(engine: Engine, asked: str,
                                                                                 answer: str) -> None:
    resident = await at(engine, "identity")  # the report told in Indonesian, by its buttons
    await resident.send(asked)
    assert resident.heard(answer, "en") and resident.heard("report.ask_identity", "en"), resident.text
    assert "identity" not in await draft_of(engine)
    await resident.send("confidential")
    assert resident.heard("report.summary", "en"), resident.text


@READING_ON_SQLITE
@pytest.mark.parametrize("sorry", ["sorry", "ok sorry", "maaf pak", "sori", "mohon maaf"])
async def test_an_apology_at_the_time_question_is_no_time(engine: Engine, sorry: str) -> None:
    resident = await at(engine, "when")
    await resident.send(sorry)
    assert resident.heard("report.when_invalid") and "when" not in await draft_of(engine), resident.text
    await resident.send("sorry, kemarin malam")  # with a time: the time
    assert (await draft_of(engine))["when"] == {"text": "kemarin malam"}, await draft_of(engine)


ASKED_IN_ENGLISH = ["how long will it take?", "has anyone read it?", "can I add a photo?",
                    "will the police come to my house?", "is it free?"]


@READING_ON_SQLITE
@pytest.mark.parametrize("asked", ASKED_IN_ENGLISH)
@pytest.mark.parametrize(("step", "question"), [("photo", "report.ask_photo"), ("identity", "report.ask_identity"),
                                                ("summary", "report.summary")])
async def test_a_question_in_english_in_a_report_told_in_indonesian_is_answered_in_english(
        engine: Engine, step: str, question: str, asked: str) -> None:
    """The answer, and the question again, in the language asked in; the report goes on in it."""
    resident = await at(engine, step)  # told in Indonesian
    await resident.send(asked)
    assert resident.heard("language.changed", "en") and resident.heard(question, "en"), resident.text
    assert await step_of(engine, resident) == step


@READING_ON_SQLITE
@pytest.mark.parametrize("said", ["ok", "sorry", "thanks", "ok thanks pak", "sorry pak", "no pics", "skip",
                                  "pake gopay bisa?", "sy transfer lewat shopeepay", "oke noted"])
async def test_an_english_word_or_two_in_a_report_told_in_indonesian_changes_no_language(engine: Engine,
                                                                                      said: str) -> None:
    resident = await at(engine, "photo")
    await resident.send(said)
    assert not resident.heard("language.changed", "en") and not any(
        resident.heard(key, "en") for key in ("report.ask_photo", "report.ask_identity")), resident.text


@READING_ON_SQLITE
@pytest.mark.parametrize("asked", ["berapa lama prosesnya pak?", "udh ada yg baca blm?", "bisa tambah foto gk?"])
async def test_a_question_in_indonesian_in_a_report_told_in_english_is_answered_in_indonesian(engine: Engine,
                                                                                             asked: str) -> None:
    resident = await at(engine, "photo")
    await resident.send("can we continue in english?")
    assert resident.heard("report.ask_photo", "en"), resident.text
    await resident.send(asked)
    assert resident.heard("language.changed") and resident.heard("report.ask_photo"), resident.text


@READING_ON_SQLITE
async def test_the_ways_of_being_shown_asked_in_indonesian_are_explained_in_indonesian(engine: Engine) -> None:
    resident = await at(engine, "identity")
    await resident.send("polisi tau nama sy gk?")
    assert resident.heard("menu.privacy") and resident.heard("report.ask_identity"), resident.text
    await resident.send("english")
    await resident.send("rahasia tu maksudnya apa sih?")  # English chosen, the question written in Indonesian
    assert resident.heard("menu.identity_options") and resident.heard("report.ask_identity"), resident.text


@READING_ON_SQLITE
@pytest.mark.parametrize("step", ["when", "photo", "identity", "summary"])
@pytest.mark.parametrize("asked", ["nanti polisi dateng?", "berapa lama prosesnya?", "polisinya bakal dateng gak?",
                                   "lama gak prosesnya pak?", "will an officer come?"])
async def test_whether_police_come_and_how_long_it_takes_are_answered_at_every_step(engine: Engine, step: str,
                                                                                   asked: str) -> None:
    resident = await at(engine, step)
    told = (await draft_of(engine)).get("description")
    await resident.send(asked)
    assert resident.heard("menu.response") or resident.heard("menu.response", "en"), resident.text
    assert await step_of(engine, resident) == step
    assert (await draft_of(engine)).get("description") == told, "no part of the story"


@pytest.mark.parametrize("skipped", ["skip", "lewati", "skip aja"])
async def test_skip_where_the_story_is_asked_is_no_part_of_it(engine: Engine, skipped: str) -> None:
    resident = await at(engine, "description")
    await resident.send("maling")
    await resident.send(skipped)  # too short to go on with: asked for more, nothing kept of the skip
    assert resident.heard("report.description_too_short"), resident.text
    await resident.send("motor sy dibawa kabur")
    assert (await draft_of(engine))["description"] == "maling\nmotor sy dibawa kabur", resident.text


@pytest.mark.parametrize(("said", "shown"), [("gak usah deh, rahasia aja", "Identitas: Rahasia"),
                                             ("ga usah pak, anonim aja", "Identitas: Anonim"),
                                             ("ga jadi pake nama pak, rahasia aja", "Identitas: Rahasia")])
async def test_no_name_with_another_way_at_the_name_question_takes_that_way(engine: Engine, said: str,
                                                                            shown: str) -> None:
    resident = await at(engine, "identity")
    await resident.send("1")
    assert await step_of(engine, resident) == "name", resident.text
    await resident.send(said)
    assert resident.heard("report.summary") and shown in resident.text, resident.text
    await resident.send("kirim")
    assert len(await reports(engine)) == 1, resident.text


@pytest.mark.parametrize("said", ["gak usah", "gak usah rahasia"])
async def test_no_name_alone_at_the_name_question_asks_how_to_be_shown_again(engine: Engine, said: str) -> None:
    resident = await at(engine, "identity")
    await resident.send("1")
    await resident.send(said)
    assert await step_of(engine, resident) == "identity", resident.text


@pytest.mark.parametrize("asked", ["bisa lapor apa aja?", "apa aja yg bisa dilaporin?", "what can I report here?"])
async def test_what_may_be_reported_asked_at_the_category_question_is_answered(engine: Engine, asked: str) -> None:
    resident = await at(engine, "category")
    await resident.send(asked)
    assert resident.heard("report.kinds_explained") or resident.heard("report.kinds_explained", "en"), resident.text
    assert not resident.heard("common.not_a_choice") and await step_of(engine, resident) == "category"


@pytest.mark.parametrize(("asked", "kind"), [("kalo ditipu masuk yg mana ya pak?", "Gangguan keamanan"),
                                             ("kalau kena tipu online masuk kategori apa?", "Gangguan keamanan"),
                                             ("kalo tetangga berisik tiap malam masuk yg mana?", "Persoalan sosial")])
async def test_which_kind_a_case_goes_under_is_answered_and_asked_again(engine: Engine, asked: str,
                                                                      kind: str) -> None:
    resident = await at(engine, "category")
    await resident.send(asked)
    assert f"masuk {kind}" in resident.text, resident.text
    assert await step_of(engine, resident) == "category"
    assert "description" not in await draft_of(engine) and "story_begun" not in await draft_of(engine)


@pytest.mark.parametrize(("story", "key"), [
    ("saya ditipu penjual online di marketplace, sudah transfer 2 juta tapi barang tidak dikirim",
     "report.location_question_online"),
    ("motor saya dicuri orang di depan rumah tadi malam", "report.location_question")])
async def test_whose_place_is_asked_is_answered_as_the_question_asked_it(engine: Engine, story: str,
                                                                         key: str) -> None:
    """Online, where the resident lives decides the station: not where it happened, which no map holds."""
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send("1")
    await resident.send(story)
    await resident.send("lokasi maksudnya lokasi sy atau penjualnya?")
    assert resident.heard(key), resident.text
    assert await step_of(engine, resident) == "location"


WHOSE_PLACE_ASKED = ["maksudnya alamat sy atau alamat penipunya pak?", "alamat siapa?",
                     "where, my home or where it happened?", "lokasi yg mana pak? rumah sy ato tempat kejadian?",
                     "tempat sy skrg atau tempat kejadian?", "which location do you mean?", "whose address?"]


@pytest.mark.parametrize("asked", WHOSE_PLACE_ASKED)
@pytest.mark.parametrize(("story", "key"), [
    ("sy ketipu jual beli online pak, udh transfer 2jt barangnya gak dikirim", "report.location_question_online"),
    ("motor saya dicuri orang tadi malam pas diparkir", "report.location_question")])
async def test_whose_place_asked_back_is_explained_and_spends_no_try(engine: Engine, story: str, key: str,
                                                                     asked: str) -> None:
    """Asked three times, more than the tries a place has, and the place typed after it is still read."""
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send("1")
    await resident.send(story)
    await resident.send("iya kemarin")
    for _ in range(3):
        await resident.send(asked)
        assert resident.heard(key) or resident.heard(key, "en"), resident.text
        assert not resident.heard("place.ask_district"), resident.text
    assert "location_text" not in await draft_of(engine)
    await resident.send("kel gedog kec sananwetan blitar")
    assert await step_of(engine, resident) == "place_check", resident.text


@pytest.mark.parametrize("asked", ["alamat siapa pak?", "maksudnya alamat sy atau alamat penipunya pak?",
                                   "lokasi yg mana? rumah sy atau tempat kejadian?"])
async def test_whose_place_asked_at_the_read_back_is_explained(engine: Engine, asked: str) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send("sy ketipu jual beli online pak, udh transfer 2jt barangnya gak dikirim")
    assert resident.heard("report.read_back") or await step_of(engine, resident) == "read_back", resident.text
    await resident.send(asked)
    assert resident.heard("report.location_question_online"), resident.text
    # the read-back again, or the place question where the question was put as a correction of the place
    assert await step_of(engine, resident) in ("read_back", "location") and not resident.heard("common.not_a_choice")
    assert "location_text" not in await draft_of(engine)


@pytest.mark.parametrize("told", ["alamat sy di jl mawar kel gedog?", "rumah penipunya di gedog?",
                                  "tempat kejadian di kel gedog", "at my house in gedog, sananwetan"])
async def test_a_place_named_with_whose_it_is_is_the_place(engine: Engine, told: str) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send("1")
    await resident.send("motor saya dicuri orang tadi malam pas diparkir")
    await resident.send("iya kemarin")
    await resident.send(told)
    assert not resident.heard("report.location_question"), resident.text
    assert await step_of(engine, resident) in ("place_check", "place_pick"), resident.text


SAFE_ASKED = ["ini aman gak pak? nanti tetangga tau gak yg lapor saya?", "nanti tetangga tau gak yg lapor saya?",
              "apa pelaku bisa tau kalau saya yang lapor?", "is it safe? will my neighbours know it was me?"]


@READING_ON_SQLITE
@pytest.mark.parametrize("asked", SAFE_ASKED)
async def test_whether_the_reporter_is_safe_asked_at_the_read_back_is_answered_not_told(engine: Engine,
                                                                                        asked: str) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send("tetangga saya sering mabuk dan teriak teriak tiap malam di kel gedog sananwetan blitar")
    assert resident.heard("report.read_back"), resident.text
    await resident.send(asked)
    lang = "en" if asked.startswith("is") else "id"
    assert resident.heard("menu.privacy", lang) and not resident.heard("report.story_added"), resident.text
    draft = await draft_of(engine)
    assert asked not in draft["description"] and "tetangga tau" not in draft["description"], draft


@READING_ON_SQLITE
@pytest.mark.parametrize("step", ["location", "when", "photo", "identity", "summary"])
@pytest.mark.parametrize("asked", SAFE_ASKED[:2])
async def test_whether_the_reporter_is_safe_is_answered_at_every_step(engine: Engine, step: str,
                                                                      asked: str) -> None:
    resident = await at(engine, step)
    told = (await draft_of(engine)).get("description")
    await resident.send(asked)
    assert resident.heard("menu.privacy"), resident.text
    assert await step_of(engine, resident) == step
    assert (await draft_of(engine)).get("description") == told, "no part of the story"


@READING_ON_SQLITE
@pytest.mark.parametrize(("asked", "answer", "lang"), [
    ("kalo anonim nanti bisa dicek statusnya gak?", "menu.follow_up_anonymous", "id"),
    ("klo anonim tetep dikabarin gk pak?", "menu.follow_up_anonymous", "id"),
    ("if I stay anonymous can I still follow it?", "menu.follow_up_anonymous", "en"),
    ("kalau rahasia petugas masih bisa bales?", "menu.follow_up_confidential", "id"),
    ("if I choose confidential will I get updates?", "menu.follow_up_confidential", "en"),
    ("kalo pake nama bisa dapet kabar?", "menu.follow_up_named", "id")])
async def test_whether_a_way_of_being_shown_can_be_followed_is_answered_for_that_way(
        engine: Engine, asked: str, answer: str, lang: str) -> None:
    resident = await at(engine, "identity")
    await resident.send(asked)  # an anonymous report gets no replies and is checked only by its number
    assert resident.heard(answer, lang) and resident.heard("report.ask_identity", lang), resident.text
    assert not resident.heard("menu.response", lang), resident.text
    assert "identity" not in await draft_of(engine), "no way is taken for the resident"


@pytest.mark.parametrize("chosen", ["anonim aja, bisa cek status kan?", "anonim aja"])
async def test_a_way_chosen_with_a_question_of_following_it_is_taken(engine: Engine, chosen: str) -> None:
    resident = await at(engine, "identity")
    await resident.send(chosen)
    assert not resident.heard("menu.follow_up_anonymous"), resident.text
    assert (await draft_of(engine)).get("identity") == "anonymous", resident.text


@pytest.mark.parametrize("acknowledged", ["ok", "oke deh", "siap pak", "👍"])
async def test_an_acknowledgement_at_the_identity_question_asks_for_one_of_the_three(engine: Engine,
                                                                                   acknowledged: str) -> None:
    resident = await at(engine, "identity")
    await resident.send(acknowledged)
    assert resident.heard("report.identity_choose") and resident.heard("report.ask_identity"), resident.text
    assert "identity" not in await draft_of(engine), "none is taken for the resident"


@READING_ON_SQLITE
@pytest.mark.parametrize(("done", "sent"), [("udah cukup", True), ("itu aja pak", True), ("sudah lengkap", True),
                                           ("segitu aja", True), ("ok cukup", True), ("cukup sekian pak", True),
                                           ("that's all", True), ("itu salah", False), ("belum cukup", False),
                                           ("ok salah", False), ("sudah lengkap?", False), ("kurang cukup", False)])
async def test_nothing_more_to_add_at_the_summary_sends(engine: Engine, done: str, sent: bool) -> None:
    """Said whole and as no question; not a "no" that looks like it."""
    resident = await at(engine, "summary")
    await resident.send(done)
    assert resident.heard("report.submitted") == sent, resident.text


@READING_ON_SQLITE
@pytest.mark.parametrize("no", ["gak", "ga", "tidak pak", "jangan", "belum", "no"])
async def test_a_no_at_the_summary_sends_nothing_and_asks_to_change_or_cancel(engine: Engine, no: str) -> None:
    """"Kirim laporan ini?" "gak": not sent, nor cancelled, nor "not one of the options"; the two ways on are named."""
    resident = await at(engine, "summary")
    await resident.send(no)
    assert resident.heard("report.summary_not_sent") and resident.heard("report.summary"), resident.text
    assert not resident.heard("common.not_a_choice") and not resident.heard("report.submitted"), resident.text
    assert await reports(engine) == [] and (await draft_of(engine))["identity"], "the draft is kept whole"
    await resident.send("batal")
    assert resident.heard("report.cancelled"), resident.text


@pytest.mark.parametrize("unsure", ["ga tau", "bingung pilih yg mana pak", "gatau masuk mana", "terserah", "not sure"])
async def test_not_knowing_the_kind_asks_the_story_and_reads_the_kind_from_it(engine: Engine, unsure: str) -> None:
    resident = Resident(engine)
    for message in ("halo", "1", unsure):
        await resident.send(message)
    assert resident.heard("report.category_unsure") and resident.heard("report.ask_description"), resident.text
    await resident.send("motor sy dicuri td malam di parkiran")
    assert (await draft_of(engine))["category"] == "security", "read from the story"


async def test_a_kind_not_known_and_a_story_of_no_kind_is_lainnya(engine: Engine) -> None:
    resident = Resident(engine)
    for message in ("halo", "1", "ga tau pak", "ada rumah kosong di sebelah, lampunya nyala tiap malam"):
        await resident.send(message)
    draft = await draft_of(engine)
    assert draft["category"] == "other" and "category_unsure" not in draft


@pytest.mark.parametrize("said", ["pake inisial aja", "inisial aja pak", "cukup inisial ya", "pakai inisial saja",
                                  "inisial aja, jgn nama lengkap"])
async def test_initials_asked_for_at_the_identity_question_are_rahasia(engine: Engine, said: str) -> None:
    resident = await at(engine, "identity")
    await resident.send(said)
    assert resident.heard("report.identity_initials") and resident.heard("report.summary"), resident.text
    assert (await draft_of(engine))["identity"] == Identity.CONFIDENTIAL


def test_initials_in_english_are_confidential() -> None:
    assert IDENTITIES.pick("en", "just my initials please") == Identity.CONFIDENTIAL


async def test_initials_said_before_the_identity_question_are_kept_for_it(engine: Engine) -> None:
    resident = await at(engine, "when")
    await resident.send("inisial aja pak")
    assert resident.heard("report.identity_noted"), resident.text
    for said in ("1", "lewati"):
        await resident.send(said)
    assert resident.heard("report.summary") and (await draft_of(engine))["identity"] == Identity.CONFIDENTIAL


@READING_ON_SQLITE
@pytest.mark.parametrize(("step", "said", "heard"), [
    ("summary", "gak ada tambahan pak kirim aja", "report.submitted"),
    ("summary", "tidak ada tambahan, kirim", "report.submitted"),
    ("identity", "ga ada tambahan, rahasia aja", "report.summary"),
    ("identity", "salah pilih, mau anonim aja", "report.summary"),
    ("photo", "maaf salah pencet", "report.ask_when"),  # a slip owned: the last answer is asked again
])
async def test_words_of_adding_in_an_answer_to_the_question_are_no_addition(
        engine: Engine, step: str, said: str, heard: str) -> None:
    resident = await at(engine, step)
    await resident.send(said)
    assert resident.heard(heard) and not resident.heard("report.story_added"), resident.text


async def test_a_name_given_with_a_word_of_adding_stays_out_of_the_story(engine: Engine) -> None:
    resident = await at(engine, "identity")
    await resident.send("lupa, nama saya Budi Santoso")
    assert not resident.heard("report.story_added"), resident.text
    await resident.send("3")
    assert "Budi" not in resident.text.split("Kejadian:", 1)[-1].split("Lokasi:", 1)[0], resident.text


async def test_a_cry_at_a_later_question_is_added_to_the_story_officers_read(engine: Engine) -> None:
    resident = await at(engine, "identity")
    await resident.send("pak orangnya dateng lagi skrg bawa parang, teriak2 di depan rumah, sy takut")
    assert resident.heard("emergency.call_110") and resident.heard("report.story_added"), resident.text
    for said in ("2", "kirim"):
        await resident.send(said)
    [report] = await reports(engine)
    assert report.urgent and report.description.endswith("bawa parang, teriak2 di depan rumah, sy takut")


@pytest.mark.parametrize("said", ["ada foto tapi tidak jelas", "fotonya tidak jelas, gpp?",
                                  "foto pelakunya ga ada, tapi foto motornya ada"])
async def test_words_about_a_photo_to_come_skip_nothing(engine: Engine, said: str) -> None:
    resident = await at(engine, "photo")
    await resident.send(said)
    assert not resident.heard("report.ask_identity") and resident.heard("report.ask_photo"), resident.text


async def test_more_of_the_story_or_a_detail_corrected_at_a_later_question_is_added_to_it(engine: Engine) -> None:
    resident = await at(engine, "photo")
    await resident.send("eh sorry tadi salah, motornya bukan Beat tp Vario")
    assert resident.heard("report.story_added") and resident.heard("report.ask_photo"), resident.text
    for said in ("lewati", "2"):
        await resident.send(said)
    await resident.send("oh iya pak tambahan, pelakunya 2 org pake motor item")
    assert resident.heard("report.story_added") and resident.heard("report.summary"), resident.text
    assert "pelakunya 2 org" in resident.text, "the summary shows the story with what was added"
    await resident.send("kirim")
    [report] = await reports(engine)
    assert report.description == (f"{DESCRIPTION}\neh sorry tadi salah, motornya bukan Beat tp Vario\n"
                                  "oh iya pak tambahan, pelakunya 2 org pake motor item")


@READING_ON_SQLITE
@pytest.mark.parametrize(("step", "fix"), [
    ("photo", "eh sorry motornya bukan beat tp vario"), ("identity", "eh maaf motornya bukan beat tp vario"),
    ("photo", "maaf pak, pelakunya bukan 2 org tapi 3"), ("identity", "sorry, the bike was not a beat but a vario"),
])
async def test_a_detail_said_wrong_without_salah_is_added_to_the_story(engine: Engine, step: str, fix: str) -> None:
    resident = await at(engine, step)
    await resident.send(fix)
    assert not resident.heard("common.not_a_choice"), resident.text
    assert (await draft_of(engine))["description"].endswith(f"\n{fix}")


@READING_ON_SQLITE
@pytest.mark.parametrize("said", ["maaf pak bukan itu maksud sy, tp rahasia aja",
                                  "maaf bukan salah pencet tp kepencet"])
async def test_a_not_this_but_that_answering_the_question_is_no_detail(engine: Engine, said: str) -> None:
    resident = await at(engine, "identity")
    await resident.send(said)
    assert not resident.heard("report.story_added"), resident.text


async def test_the_place_said_wrong_at_the_summary_is_asked_again_with_the_new_one(engine: Engine) -> None:
    resident = await at(engine, "summary")
    await resident.send("salah, bukan di gedog tp di kel sananwetan")
    assert not resident.heard("report.story_added")
    assert resident.heard("place.confirm") and "Kel. Sananwetan" in resident.text, "the kelurahan named, to confirm"
    await resident.send("1")
    assert resident.heard("report.summary"), resident.text
    await resident.send("kirim")
    [report] = await reports(engine)
    assert report.village_code == "35.72.03.1004" and report.description == DESCRIPTION  # Kel. Sananwetan


@READING_ON_SQLITE
@pytest.mark.parametrize("step", ["when", "photo"])
@pytest.mark.parametrize("said", ["eh salah pak, bukan di gedog tp di kel bendogerit",
                                  "maaf bukan gedog tapi bendogerit"])
async def test_the_place_said_wrong_at_the_time_question_is_put_right_as_at_the_photo(engine: Engine, step: str,
                                                                                      said: str) -> None:
    """At the time question it was added to the story and the old place filed."""
    resident = await at(engine, step, f"console:{step}-{said}")
    await resident.send(said)
    assert not resident.heard("report.story_added"), resident.text
    assert resident.heard("place.confirm") and "Kel. Bendogerit" in resident.text, resident.text
    assert (await draft_of(engine))["description"] == DESCRIPTION


@READING_ON_SQLITE
@pytest.mark.parametrize("step", ["when", "photo", "identity", "summary"])
@pytest.mark.parametrize("said", ["eh bukan, maksudnya kel bendogerit kota blitar",
                                  "eh salah pak, maksud sy kel bendogerit kota blitar",
                                  "salah, harusnya di kelurahan bendogerit",
                                  "maaf keliru pak, yg bener kel bendogerit"])
async def test_a_slip_then_the_place_meant_at_a_later_question_reads_the_place_again(engine: Engine, step: str,
                                                                                     said: str) -> None:
    """At the time question it was added to the story, at the photo's asked again, and the old place filed; the
    place confirmed, the resident is back where they were."""
    resident = await at(engine, step, f"console:{step}-{said}")
    await resident.send(said)
    assert not resident.heard("report.story_added"), resident.text
    assert resident.heard("place.confirm") and "Kel. Bendogerit" in resident.text, resident.text
    await resident.send("1")
    assert await step_of(engine, resident) == step, resident.text
    draft = await draft_of(engine)
    assert draft["place"] == "35.72.03.1007" and draft["description"] == DESCRIPTION  # Kel. Bendogerit


async def test_a_place_put_right_at_the_photo_question_is_the_one_filed(engine: Engine) -> None:
    resident = await at(engine, "photo")
    await resident.send("eh bukan, maksudnya kel bendogerit kota blitar")
    await resident.send("1")
    for answer in ("lewati", "2", "kirim"):
        await resident.send(answer)
    [report] = await reports(engine)
    assert report.village_code == "35.72.03.1007" and report.description == DESCRIPTION


@READING_ON_SQLITE
@pytest.mark.parametrize(("step", "said"), [
    ("when", "eh salah, maksudnya kemarin sore"), ("when", "bukan pak, maksud sy tadi malam"),
    ("photo", "eh salah pak, maksudnya gak ada foto"), ("identity", "salah, maksudnya rahasia"),
    ("when", "eh bukan, maksudnya motornya vario merah"),
])
async def test_a_slip_then_no_place_at_a_later_question_keeps_the_place(engine: Engine, step: str,
                                                                        said: str) -> None:
    resident = await at(engine, step, f"console:{step}-{said}")
    await resident.send(said)
    assert not resident.heard("place.confirm") and not resident.heard("report.ask_location"), resident.text
    assert (await draft_of(engine))["place"] == "35.72.03.1001"  # Kel. Gedog


@READING_ON_SQLITE
@pytest.mark.parametrize(("said", "named"), [("Jakarta Selatan", "Kota Jakarta Selatan"),
                                             ("kota malang", "Kota Malang")])
async def test_a_place_typed_at_the_time_question_is_no_time(engine: Engine, said: str, named: str) -> None:
    """"Jakarta Selatan" was taken as the time, in place of the one the story told."""
    resident = await at(engine, "when")
    await resident.send(said)
    assert resident.heard("place.confirm") and named in resident.text, resident.text
    assert (await draft_of(engine)).get("when") == {"text": "tadi malam"}  # the story's, kept


@READING_ON_SQLITE
@pytest.mark.parametrize("said", ["rahasia aja yg disarankan", "yang disarankan saja", "yg disarankan aja pak",
                                  "rahasia yang disarankan"])
async def test_the_recommended_identity_said_at_the_time_question_is_kept_for_its_question(engine: Engine,
                                                                                         said: str) -> None:
    """It was added to the story, or became the time."""
    resident = await at(engine, "when", f"console:{said}")
    await resident.send(said)
    assert resident.heard("report.identity_noted") and resident.heard("report.ask_when"), resident.text
    draft = await draft_of(engine)
    assert draft["description"] == DESCRIPTION and "when" not in draft
    for answer in ("kemarin malam", "lewati"):
        await resident.send(answer)
    assert resident.heard("report.summary") and "Rahasia" in resident.text, resident.text


@READING_ON_SQLITE
@pytest.mark.parametrize("step", ["when", "place_check"])
@pytest.mark.parametrize("said", ["fotonya gimana kirimnya pak saya tidak bisa", "sy gak bisa kirim foto pak, gimana?",
                                  "cara kirim foto gimana?"])
async def test_how_to_send_a_photo_asked_before_its_question_is_answered(engine: Engine, step: str,
                                                                         said: str) -> None:
    """It was added to the story with no help."""
    resident = await at(engine, step, f"console:{step}-{said}")
    await resident.send(said)
    assert resident.heard("report.photo_how_ahead") and not resident.heard("report.story_added"), resident.text
    draft = await draft_of(engine)
    assert draft["description"] == DESCRIPTION and "when" not in draft and "photo_skipped" not in draft
    assert await step_of(engine, resident) == step


@READING_ON_SQLITE
@pytest.mark.parametrize(("said", "heard"), [("gak ada foto pak", "report.no_photo_noted"),
                                             ("terserah pak", "report.ask_photo")])
async def test_no_photo_or_a_leave_at_the_time_question_is_no_photo_worry_nor_identity(engine: Engine, said: str,
                                                                                      heard: str) -> None:
    resident = await at(engine, "when", f"console:{said}")
    await resident.send(said)
    assert resident.heard(heard), resident.text
    assert not resident.heard("report.photo_how_ahead") and not resident.heard("report.identity_noted")


@READING_ON_SQLITE
@pytest.mark.parametrize(("said", "time"), [("blm tau jamnya, td sore lah", "td sore lah"),
                                            ("td sore, gak inget jam brp", "td sore"),
                                            ("kemarin malam. jamnya lupa pak", "kemarin malam"),
                                            ("tadi sore", "tadi sore")])
async def test_a_time_told_with_its_hour_unknown_while_places_are_offered_is_kept(engine: Engine, said: str,
                                                                                time: str) -> None:
    """"blm tau jamnya, td sore lah" was no option, and the time was asked again after the place."""
    resident = Resident(engine, f"console:{said}")
    for message in ("hp sy dijambret org naik motor di jl merdeka depan alun2 blitar", "y"):
        await resident.send(message)
    assert resident.heard("place.pick"), resident.text
    await resident.send(said)
    assert resident.heard("report.time_noted") and resident.heard("place.pick"), resident.text
    await resident.send("1")
    assert resident.heard("report.ask_photo") and not resident.heard("report.ask_when"), resident.text
    assert (await draft_of(engine))["when"] == {"text": time}


@READING_ON_SQLITE
@pytest.mark.parametrize("said", ["blm tau pak, td sore", "motornya merah, td sore"])
async def test_more_than_an_hour_unknown_beside_a_time_while_places_are_offered_is_no_time_alone(
        engine: Engine, said: str) -> None:
    resident = Resident(engine, f"console:{said}")
    for message in ("hp sy dijambret org naik motor di jl merdeka depan alun2 blitar", "y", said):
        await resident.send(message)
    assert not resident.heard("report.time_noted"), resident.text


@READING_ON_SQLITE
@pytest.mark.parametrize("said", ["bukan kemarin tp tadi pagi", "eh salah pak, bukan td malam tp kemarin sore"])
async def test_a_time_put_right_at_the_time_question_names_no_place(engine: Engine, said: str) -> None:
    resident = await at(engine, "when")
    await resident.send(said)
    assert not resident.heard("place.confirm") and not resident.heard("report.story_added"), resident.text


@READING_ON_SQLITE
@pytest.mark.parametrize(("answer", "wish"), [
    ("nama saya jangan ditampilkan", "confidential"), ("namaku dirahasiain ya", "confidential"),
    ("nama saya harus asli ya?", "question"), ("saya takut pak", "distress"),
    ("nama saya takut ketahuan", "confidential"), ("bedanya rahasia sm anonim apa?", "options"),
    ("nama saya inisial aja", None), ("nama saya terserah bapak", None), ("nama saya sudah ada di data", None),
])
async def test_words_about_a_name_at_the_identity_question_are_no_name(engine: Engine, answer: str,
                                                                       wish: str | None) -> None:
    resident = Resident(engine)
    for message in ("halo", "1", "1", DESCRIPTION, PLACE, "ya", "2", "lewati"):
        await resident.send(message)
    assert resident.heard("report.ask_identity")
    await resident.send(answer)
    if wish is None:
        assert resident.heard("common.not_a_choice") and resident.heard("report.ask_identity")
    elif wish == "question":  # asked again, as its own answer
        assert resident.heard("report.identity_question") and resident.heard("report.ask_identity"), resident.text
    elif wish == "options":  # the ways of being shown explained, and the question asked again
        assert resident.heard("menu.identity_options") and resident.heard("report.ask_identity"), resident.text
    elif wish == "distress":  # fear, answered gently, and the question asked again
        assert resident.heard("report.aside_distress") and resident.heard("report.ask_identity"), resident.text
    else:  # a wish not to be shown is that choice
        assert resident.heard("report.summary") and "Identitas: Rahasia" in resident.text, resident.text
    async with engine.sessions() as db:
        contact = (await db.execute(select(Contact))).scalar_one()
    assert contact.display_name_encrypted is None


@pytest.mark.parametrize("description", [
    "Tolong ditertibkan, banyak orang mabuk dan berkelahi tiap malam minggu di pos ronda",
    "Mohon bantuannya, lampu jalan mati sudah seminggu",
])
async def test_everyday_please_is_no_emergency(engine: Engine, description: str) -> None:
    resident = Resident(engine)
    await walk_to_summary(resident, description=description)
    assert "MENDESAK" not in resident.text
    await resident.send("kirim")
    [report] = await reports(engine)
    assert not report.urgent


async def test_a_cry_for_help_alone_is_an_emergency(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send("tolong")
    assert resident.heard("emergency.call_110")


async def test_happening_now_reminds_of_110(engine: Engine) -> None:
    resident = Resident(engine)
    for message in ("halo", "1", "1", DESCRIPTION, "Kel. Gedog, Kec. Sananwetan, Kota Blitar", "ya"):
        await resident.send(message)
    await resident.send("1")  # sedang terjadi
    assert resident.heard("emergency.happening_now") and resident.heard("report.ask_photo")


async def test_a_story_begun_before_and_going_on_now_is_read_as_now_with_110(engine: Engine) -> None:
    """Last night's stranger still at the gate is happening now: read back so, and its yes reminded of 110."""
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send("td malam ada org mondar mandir depan rumah sy, skrg orgnya masih di depan pagar, "
                        "di kel gedog sananwetan")
    assert resident.heard("report.read_back") and "Waktu: Sedang terjadi" in resident.text
    assert not resident.heard("emergency.happening_now")
    await resident.send("ya")
    assert resident.heard("emergency.happening_now")
    for answer in ("1", "lewati", "2"):  # security, no photo, anonymous
        await resident.send(answer)
    assert resident.heard("report.summary") and "Sedang terjadi" in resident.text


async def test_a_time_typed_as_going_on_now_is_kept_in_its_words_with_110(engine: Engine) -> None:
    resident = Resident(engine)
    for message in ("halo", "1", "1", "ada org mabok teriak2", "Kel. Gedog, Kec. Sananwetan, Kota Blitar", "ya"):
        await resident.send(message)
    assert resident.heard("report.ask_when"), resident.text
    await resident.send("skrg masih disitu pak")
    assert resident.heard("emergency.happening_now") and resident.heard("report.ask_photo"), resident.text


async def test_draft_expires_after_inactivity_and_is_never_sent(database_url: str, tmp_path: Path) -> None:
    engine, db_engine = make_engine(database_url, tmp_path / "media", draft_ttl=dt.timedelta(minutes=30))
    try:
        resident = Resident(engine)
        await walk_to_summary(resident)
        async with engine.sessions() as db, db.begin():
            session = (await db.execute(select(ConversationSession))).scalar_one()
            assert session.expires_at is not None
            session.expires_at = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
        await resident.send("kirim")
        assert resident.heard("report.expired")
        assert resident.heard("report.ask_resume"), "offered back, never sent"
        assert await reports(engine) == []
    finally:
        await db_engine.dispose()


async def test_conversation_continues_at_its_step_after_a_restart(database_url: str, tmp_path: Path) -> None:
    first, first_db = make_engine(database_url, tmp_path / "media")
    resident = Resident(first)
    await resident.send("halo")
    await resident.send("1")
    await resident.send("5")
    await first_db.dispose()  # the process goes away; only the database remains

    second, second_db = make_engine(database_url, tmp_path / "media")
    try:
        resident.engine = second
        await resident.send(DESCRIPTION)
        assert resident.heard("report.ask_location")
        for answer in ("sekar bojonegoro", "ya", "1", "lewati", "2", "kirim"):
            await resident.send(answer)
        [report] = await reports(second)
        assert report.category == Category.DRUGS
    finally:
        await second_db.dispose()


async def test_two_residents_do_not_share_a_draft(engine: Engine) -> None:
    ani, budi = Resident(engine, "console:ani"), Resident(engine, "console:budi")
    await walk_to_summary(ani)
    await budi.send("halo")
    await budi.send("1")
    assert budi.heard("report.ask_category")
    await ani.send("kirim")
    assert ani.heard("report.submitted")
    async with engine.sessions() as db:
        assert (await db.execute(select(func.count()).select_from(Report))).scalar_one() == 1


@pytest.mark.parametrize("no_photo", ["blm punya pak", "saya tidak punya"])
async def test_having_none_in_own_words_declines_the_photo(engine: Engine, no_photo: str) -> None:
    resident = Resident(engine)
    for said in ("halo", "1", "3", DESCRIPTION, PLACE, "ya"):
        await resident.send(said)
    await resident.send("2")
    assert resident.heard("report.ask_photo"), resident.text
    await resident.send(no_photo)
    assert resident.heard("report.ask_identity"), resident.text


@pytest.mark.parametrize("said", ["maaf salah, mau lapor yang lain", "salah lapor pak, harusnya yg lain",
                                  "sy salah pilih, mau lapor kejadian lain", "I want to report something else",
                                  "mau bikin laporan baru aja"])
async def test_another_report_wished_at_the_summary_drops_this_one_once_confirmed(engine: Engine, said: str) -> None:
    """"This draft is wrong, I want to report something else": asked once, then a new report at its kind; not one
    step back."""
    resident = await at(engine, "summary")
    await resident.send(said)
    assert resident.heard("report.ask_another") or resident.heard("report.ask_another", "en"), resident.text
    assert (await draft_of(engine))["description"] == DESCRIPTION, "nothing dropped before the yes"
    await resident.send("1")
    assert resident.heard("report.dropped_for_another") or resident.heard("report.dropped_for_another", "en")
    assert resident.heard("report.ask_category") or resident.heard("report.ask_category", "en"), resident.text
    assert "description" not in await draft_of(engine) and not await reports(engine), "dropped, nothing sent"


@pytest.mark.parametrize("step", ["summary", "photo", "identity"])
async def test_another_report_not_confirmed_goes_back_to_the_question_it_was_at(engine: Engine, step: str) -> None:
    resident = await at(engine, step)
    before = await draft_of(engine)
    await resident.send("maaf salah, mau lapor yang lain")
    assert resident.heard("report.ask_another"), resident.text
    await resident.send("tidak")
    assert resident.heard("report.summary" if step == "summary" else f"report.ask_{step}"), resident.text
    assert await draft_of(engine) == before, "the report as it was"


async def test_eh_salah_alone_at_the_summary_still_goes_back_one_answer(engine: Engine) -> None:
    resident = await at(engine, "summary")
    await resident.send("eh salah")
    assert not resident.heard("report.ask_another") and resident.heard("report.ask_identity"), resident.text
    assert (await draft_of(engine))["description"] == DESCRIPTION


async def test_another_report_after_this_one_is_no_wish_to_drop_it(engine: Engine) -> None:
    resident = await at(engine, "summary")
    await resident.send("abis ini mau lapor yg lain juga")
    assert not resident.heard("report.ask_another"), resident.text
    assert (await draft_of(engine))["description"] == DESCRIPTION


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("pin", [(48.85, 2.35), (-33.87, 151.21), (40.71, -74.0), (14.6, 121.0), (-12.46, 130.84)])
async def test_a_pin_outside_indonesia_is_told_so_and_the_place_asked_again(engine: Engine, lang: str,
                                                                            pin: tuple[float, float]) -> None:
    """Paris, Sydney, New York, Manila, Darwin: no Polsek's; the pin is not kept with the place typed next."""
    resident = Resident(engine, f"console:abroad-{lang}")
    for message in ("halo" if lang == "id" else "hello, english please", "1", "1", DESCRIPTION):
        await resident.send(message)
    await resident.send(location=pin)
    assert resident.heard("place.pin_abroad", lang) and resident.heard("report.ask_location", lang), resident.text
    assert not resident.heard("place.ask_after_pin", lang), resident.text
    draft = await draft_of(engine)
    assert draft.get("latitude") is None and draft.get("longitude") is None
    await resident.send(PLACE)
    assert resident.heard("place.confirm", lang), resident.text
    assert (await draft_of(engine)).get("latitude") is None


@pytest.mark.parametrize("line", ["/loc 91,200", "/loc nan,nan", "/loc -95,112.1"])
@pytest.mark.parametrize("lang", ["id", "en"])
async def test_a_pin_off_the_map_is_told_it_is_no_valid_location_and_the_place_asked_again(
        engine: Engine, line: str, lang: str) -> None:
    """Not "not supported": a pin was sent, and it is no point on the map."""
    resident = Resident(engine, f"console:offmap-{lang}")
    for message in ("halo" if lang == "id" else "hello, english please", "1", "1", DESCRIPTION):
        await resident.send(message)
    resident.replies = await engine.handle(ConsoleChannel(resident.urn, io.StringIO()).receive(line))
    assert resident.heard("common.pin_off_the_map", lang) and resident.heard("report.ask_location", lang), \
        resident.text
    assert not resident.heard("common.unsupported", lang), resident.text


@pytest.mark.parametrize("pin", [(5.89, 95.32), (-8.49, 140.4), (-10.17, 123.6), (3.95, 108.38)])
async def test_a_pin_at_indonesia_s_edges_is_no_pin_abroad(engine: Engine, pin: tuple[float, float]) -> None:
    """Sabang, Merauke, Kupang, Natuna: far from the stations registered here, so kept for the place typed next."""
    resident = Resident(engine, "console:edges")
    for message in ("halo", "1", "1", DESCRIPTION):
        await resident.send(message)
    await resident.send(location=pin)
    assert resident.heard("place.ask_after_pin") and not resident.heard("place.pin_abroad"), resident.text
    assert (await draft_of(engine))["latitude"] == pin[0]


@pytest.mark.parametrize("said", ["skrg masih di depan", "orangnya masih di depan rumah",
                                  "pelakunya kabur naik motor", "the thief is still standing outside right now"])
async def test_more_of_the_story_at_the_places_yes_or_no_is_kept_and_the_place_asked_again(engine: Engine,
                                                                                        said: str) -> None:
    """Asked whether the place read is it, words of what happens are no "not a choice": a person would hear more of
    the story, keep it, and ask again."""
    resident = await at(engine, "place_check")
    await resident.send(said)
    lang = "en" if said.startswith("the") else "id"
    assert resident.heard("report.story_added", lang) and resident.heard("place.confirm", lang), resident.text
    assert not resident.heard("common.not_a_choice", lang), resident.text
    assert (await draft_of(engine))["description"].endswith(said)
    await resident.send("ya" if lang == "id" else "yes")
    assert await step_of(engine, resident) != "place_check", resident.text


@pytest.mark.parametrize(("said", "spot", "when"), [
    ("tadi di depan toko emas", "depan toko emas", {"text": "tadi"}),
    ("kemarin sore dekat pasar", "dekat pasar", {"text": "kemarin sore"}),
    ("di depan toko emas pak", "depan toko emas pak", None),
])
async def test_a_spot_said_at_the_places_yes_or_no_is_kept_as_the_places_spot(
        engine: Engine, said: str, spot: str, when: dict[str, str] | None) -> None:
    """As a spot typed with the place is: kept with the place offered, which it is within; a time said with it is
    the time."""
    resident = await at(engine, "place_check")
    before = await draft_of(engine)
    await resident.send(said)
    draft = await draft_of(engine)
    assert draft["place"] == before["proposal"]["code"] and draft["location_text"].endswith(spot), resident.text
    assert draft["description"] == before["description"] and not resident.heard("report.story_added"), resident.text
    assert draft.get("when") == when


@pytest.mark.parametrize("said", ["hmm", "apa maksudnya?", "gimana ya pak?"])
async def test_no_answer_at_the_places_yes_or_no_is_asked_again(engine: Engine, said: str) -> None:
    resident = await at(engine, "place_check")
    before = await draft_of(engine)
    await resident.send(said)
    assert resident.heard("place.confirm") and not resident.heard("report.story_added"), resident.text
    assert (await draft_of(engine))["description"] == before["description"]


@READING_ON_SQLITE
@pytest.mark.parametrize("step", ["identity", "photo", "summary"])
@pytest.mark.parametrize(("said", "asked", "lang"), [
    ("eh salah, tadi tempatnya di sentul bukan gedog", "place.confirm", "id"),
    ("salah pak, lokasinya di sentul, bukan di gedog", "place.confirm", "id"),
    ("tunggu, kategorinya salah", "report.ask_category", "id"),
    ("bentar pak, kategorinya salah", "report.ask_category", "id"),
    ("wait, the category is wrong", "report.ask_category", "en"),
])
async def test_a_correction_at_a_later_question_is_taken_as_at_the_read_back(engine: Engine, step: str, said: str,
                                                                             asked: str, lang: str) -> None:
    """A place put right with the one taken back after it ("di sentul bukan gedog": Sentul, not Gedog), or a
    correction after a moment asked for ("tunggu, …"), at the identity, photo or summary question: what is to
    change is asked, never "not a choice"."""
    resident = await at(engine, step)
    await resident.send(said)
    assert resident.heard(asked, lang) and not resident.heard("common.not_a_choice", lang), resident.text
    if asked == "place.confirm":
        assert "Kel. Sentul" in resident.text and "Kel. Gedog" not in resident.text, resident.text


@pytest.mark.parametrize("said", ["tunggu ya pak", "bentar sy pikir dulu", "rahasia aja"])
async def test_a_wait_or_an_answer_at_the_identity_question_is_no_correction(engine: Engine, said: str) -> None:
    resident = await at(engine, "identity")
    await resident.send(said)
    assert not resident.heard("report.ask_category") and not resident.heard("place.confirm"), resident.text
    assert not resident.heard("report.changed"), resident.text


STORY_WITH_PLACE = "motor sy dicuri td malam di parkiran, kel gedog sananwetan blitar"
GEDOG_CODE = "35.72.03.1001"


async def told_the_story(engine: Engine) -> Resident:
    """A resident whose one message told what, where and when: at the read-back."""
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send(STORY_WITH_PLACE)
    assert resident.heard("report.read_back"), resident.text
    return resident


async def street_kept_and_its_kelurahan_asked(engine: Engine, resident: Resident, street: str) -> None:
    """The street is kept as the spot and which kelurahan it is in asked, no try spent; the kelurahan typed next is
    read with it."""
    assert resident.heard("place.ask_kelurahan_of_street") and street in resident.text, resident.text
    draft = await draft_of(engine)
    assert draft["location_text"] == street and not draft.get("place_tries"), draft
    await resident.send("kel gedog kec sananwetan")
    assert resident.heard("place.confirm") and "Kel. Gedog" in resident.text, resident.text
    await resident.send("ya")
    draft = await draft_of(engine)
    assert draft["place"] == GEDOG_CODE and street in draft["location_text"], draft


@READING_ON_SQLITE
@pytest.mark.parametrize("street", ["jl kalimantan", "jl veteran", "Jl. Veteran", "jalan kalimantan no 12",
                                    "gg mawar"])
async def test_a_street_alone_where_the_place_is_asked_is_kept_and_its_kelurahan_asked(engine: Engine,
                                                                                     street: str) -> None:
    resident = await at(engine, "location")
    await resident.send(street)
    await street_kept_and_its_kelurahan_asked(engine, resident, street)


@READING_ON_SQLITE
@pytest.mark.parametrize("typed", ["kel gedog kec sananwetan", "jl merdeka kel gedog sananwetan"])
async def test_a_place_with_its_kelurahan_is_proposed_at_once(engine: Engine, typed: str) -> None:
    resident = await at(engine, "location")
    await resident.send(typed)
    assert resident.heard("place.confirm") and not resident.heard("place.ask_kelurahan_of_street"), resident.text


@READING_ON_SQLITE
@pytest.mark.parametrize(("said", "street"), [("bukan, jl kalimantan", "jl kalimantan"),
                                              ("salah, di jl veteran", "jl veteran"),
                                              ("bukan pak, jalan veteran no 3", "jalan veteran no 3")])
async def test_a_street_instead_of_the_place_proposed_is_kept_and_its_kelurahan_asked(engine: Engine, said: str,
                                                                                     street: str) -> None:
    resident = await at(engine, "place_check")
    await resident.send(said)
    await street_kept_and_its_kelurahan_asked(engine, resident, street)


@READING_ON_SQLITE
async def test_a_street_with_a_yes_to_the_place_proposed_is_a_spot_in_it(engine: Engine) -> None:
    resident = await at(engine, "place_check")
    await resident.send("jl kalimantan")
    draft = await draft_of(engine)
    assert draft["place"] == GEDOG_CODE and "jl kalimantan" in draft["location_text"], draft


@READING_ON_SQLITE
@pytest.mark.parametrize(("said", "street"), [("salah, jl kalimantan", "jl kalimantan"),
                                              ("bukan, jl veteran", "jl veteran"),
                                              ("salah lokasinya di jl veteran", "jl veteran"),
                                              ("keliru pak, di jalan kalimantan", "jalan kalimantan")])
async def test_a_street_correcting_the_place_read_back_keeps_the_rest_and_asks_its_kelurahan(
        engine: Engine, said: str, street: str) -> None:
    resident = await told_the_story(engine)
    await resident.send(said)
    await street_kept_and_its_kelurahan_asked(engine, resident, street)
    draft = await draft_of(engine)
    kept = draft.get("read", draft)  # read back again with the place, or taken already
    assert kept.get("category") == "security" and kept.get("when"), "what was read besides the place stands"


@READING_ON_SQLITE
@pytest.mark.parametrize("said", ["lokasinya jl kalimantan", "tepatnya di jl kalimantan"])
async def test_a_street_told_at_the_read_back_without_a_no_is_a_spot_in_the_place_read(engine: Engine,
                                                                                      said: str) -> None:
    resident = await told_the_story(engine)
    await resident.send(said)
    draft = await draft_of(engine)
    assert draft["place"] == GEDOG_CODE and "jl kalimantan" in draft["location_text"], draft
