"""Words that work at any step: BATAL, BANTUAN, STATUS ‹ref›, HAPUS, 110/DARURAT, /bahasa."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from handlers import conversation, officer, patrol, report_flow
from handlers.conversation import GLOBAL_WORDS
from handlers.engine import Engine
from handlers.i18n import LANGUAGES, catalogue
from handlers.state import load_session
from handlers.turn import one_table
from storage.crypto import ContactCipher
from storage.models import Contact, ConversationSession
from tests.helpers import READING_ON_SQLITE, STEPS, TEST_SECRET, Resident, at, enrolled, step_of

SIDE_STEPS = {"status_ref", "language", "confirm_delete"}  # all reached from the menu above
IN_A_DRAFT = {"category", "description", "location", "place_check", "place_pick", "when", "photo", "identity",
              "summary", "change", "another_report"}


async def has_draft(engine: Engine, resident: Resident) -> bool:
    urn_hash = ContactCipher(TEST_SECRET).lookup_hash(resident.urn)
    async with engine.sessions() as db:
        data = (await db.execute(
            select(ConversationSession.data).join(Contact).where(Contact.urn_hash == urn_hash)
        )).scalar_one()
    return "draft" in load_session(data, engine.cipher)


CANCEL_WORDS = ["BATAL", "batal", "cancel", "/batal"]
# Every step with one of the ways to say it, in turn, and every way at the step a report is most often left from:
# the words are one path, the steps are many.
CANCEL_AT_STEPS = [(step, CANCEL_WORDS[i % len(CANCEL_WORDS)]) for i, step in enumerate(STEPS)]


@READING_ON_SQLITE
@pytest.mark.parametrize(("step", "word"), CANCEL_AT_STEPS + [("location", word) for word in CANCEL_WORDS
                                                               if ("location", word) not in CANCEL_AT_STEPS])
async def test_cancel_goes_back_to_the_menu_from_any_step(engine: Engine, step: str, word: str) -> None:
    resident = await at(engine, step)
    await resident.send(word)
    if step in SIDE_STEPS:
        assert not resident.heard("report.cancelled")  # it cancels the question, back to where they were
    else:
        assert resident.heard("report.cancelled" if step in IN_A_DRAFT else "common.nothing_to_cancel")
    assert resident.heard("menu.ask")
    assert await step_of(engine, resident) == "menu"
    assert not await has_draft(engine, resident)


@READING_ON_SQLITE
@pytest.mark.parametrize("back", ["eh jangan dibatalin pak, lanjut aja", "gak jadi batal", "LANJUT"])
async def test_a_cancel_taken_back_at_once_brings_the_report_back_where_it_was(engine: Engine, back: str) -> None:
    resident = await at(engine, "location")
    await resident.send("batal")
    assert resident.heard("report.cancelled") and not await has_draft(engine, resident)
    await resident.send(back)
    assert resident.heard("report.cancel_taken_back") and resident.heard("report.ask_location"), resident.text
    assert await step_of(engine, resident) == "location" and await has_draft(engine, resident)


@READING_ON_SQLITE
@pytest.mark.parametrize(("step", "answer", "back"), [("identity", "terserah", True), ("summary", "kirim", True),
                                                     ("identity", "gak", False), ("summary", "batal", False),
                                                     ("category", "2", False)])
async def test_an_answer_to_the_question_right_after_a_cancel_takes_it_back(engine: Engine, step: str, answer: str,
                                                                           back: bool) -> None:
    """"gk jadi, gk ada" meant no photo, and the resident answers on: the report was not meant to stop. A no
    answers "was it a mistake?", a cancel again is a cancel, and a number picks from the menu now shown."""
    resident = await at(engine, step)
    await resident.send("gk jadi, gk ada")
    assert resident.heard("report.cancelled"), resident.text
    await resident.send(answer)
    assert resident.heard("report.cancel_taken_back") == back and await has_draft(engine, resident) == back
    if back:
        assert await step_of(engine, resident) == step


@READING_ON_SQLITE
async def test_a_cancel_is_taken_back_only_by_the_next_message(engine: Engine) -> None:
    resident = await at(engine, "location")
    await resident.send("batal")
    await resident.send("halo")
    await resident.send("lanjut")
    assert not resident.heard("report.cancel_taken_back") and not await has_draft(engine, resident), resident.text


@READING_ON_SQLITE
async def test_a_cancel_said_again_is_no_cancel_taken_back(engine: Engine) -> None:
    resident = await at(engine, "location")
    await resident.send("batal")
    await resident.send("bukan, memang batal")
    assert not resident.heard("report.cancel_taken_back") and not await has_draft(engine, resident), resident.text


@READING_ON_SQLITE
@pytest.mark.parametrize("step", sorted(SIDE_STEPS))
async def test_cancel_at_a_side_question_keeps_the_report_under_it(engine: Engine, step: str) -> None:
    resident = await at(engine, "when")
    await resident.send({"status_ref": "status", "language": "bahasa", "confirm_delete": "hapus"}[step])
    assert await step_of(engine, resident) == step
    await resident.send("batal")
    assert resident.heard("report.ask_when")
    assert await step_of(engine, resident) == "when"
    assert await has_draft(engine, resident)


@READING_ON_SQLITE
@pytest.mark.parametrize("step", STEPS)
async def test_help_answers_and_stays_at_the_step(engine: Engine, step: str) -> None:
    resident = await at(engine, step)
    for word in ("BANTUAN", "help", "/bantuan"):  # one after the other: each leaves the step where it was
        await resident.send(word)
        assert resident.heard("help.text"), word
        assert not resident.heard("emergency.call_110"), word
        assert await step_of(engine, resident) == step, word


@READING_ON_SQLITE
@pytest.mark.parametrize("step", STEPS)
async def test_status_with_a_ref_answers_and_stays_at_the_step(engine: Engine, step: str) -> None:
    resident = await at(engine, step)
    await resident.send("STATUS LP-2345-6789")
    assert resident.heard("status.not_found")
    expected = "menu" if step == "status_ref" else step  # the look-up it was waiting for is done
    assert await step_of(engine, resident) == expected


@READING_ON_SQLITE
@pytest.mark.parametrize("step", STEPS)
async def test_delete_asks_first_and_no_goes_back_to_the_step(engine: Engine, step: str) -> None:
    resident = await at(engine, step)
    await resident.send("HAPUS")
    if step == "confirm_delete":
        assert resident.heard("privacy.deleted"), "HAPUS answers its own question"
    else:
        assert resident.heard("privacy.confirm_delete")
        await resident.send("tidak")
        assert resident.heard("privacy.kept")
        assert await step_of(engine, resident) == step
        assert await has_draft(engine, resident) == (step in IN_A_DRAFT)


@pytest.mark.parametrize("step", STEPS)
async def test_delete_confirmed_erases_the_contact(engine: Engine, step: str) -> None:
    resident = await at(engine, step)
    if step != "confirm_delete":
        await resident.send("hapus")
    await resident.send("ya")
    assert resident.heard("privacy.deleted")
    assert await step_of(engine, resident) is None
    async with engine.sessions() as db:
        assert (await db.execute(select(Contact))).first() is None
    await resident.send("halo")
    assert resident.heard("menu.greeting"), "a deleted contact starts afresh"


@READING_ON_SQLITE
@pytest.mark.parametrize("step", STEPS)
async def test_110_answers_at_once_at_any_step(engine: Engine, step: str) -> None:
    resident = await at(engine, step)
    for n, word in enumerate(("110", "tolong", "DARURAT")):  # each but the last leaves a step as it was
        if step == "menu" and n:  # at the menu a cry starts a report: the next word from the menu again
            resident = await at(engine, step, f"console:resident-{n}")
        await resident.send(word)
        assert resident.replies[0].text.startswith("🚨"), word
        if word == "DARURAT" and step in ("category", "menu"):
            assert await step_of(engine, resident) == "description"  # it is also the Emergency category
        elif step == "menu":
            assert await step_of(engine, resident) == "category", word  # a cry starts an urgent report
            assert resident.heard("report.ask_category"), word
        else:
            assert await step_of(engine, resident) == step, word
            assert not resident.heard("common.not_a_choice"), word


@READING_ON_SQLITE
@pytest.mark.parametrize("step", STEPS)
async def test_language_switch_keeps_the_step(engine: Engine, step: str) -> None:
    resident = await at(engine, step)
    expected = "menu" if step == "language" else step  # there the switch answers the question
    await resident.send("/lang en")
    assert resident.heard("language.changed", "en")
    assert await step_of(engine, resident) == expected
    await resident.send("/bahasa")
    assert resident.heard("language.ask", "en")
    await resident.send("1")
    assert resident.heard("language.changed", "id")
    assert await step_of(engine, resident) == expected


@READING_ON_SQLITE
@pytest.mark.parametrize("step", STEPS)
async def test_unknown_command_is_named_and_the_step_asked_again(engine: Engine, step: str) -> None:
    resident = await at(engine, step)
    await resident.send("/hack")
    assert resident.heard("common.unknown_command")
    assert len(resident.replies) == 2
    assert await step_of(engine, resident) == step


@READING_ON_SQLITE
async def test_a_description_that_starts_with_a_keyword_is_kept_as_text(engine: Engine) -> None:
    resident = await at(engine, "description")
    await resident.send("Batal nikah berujung ribut antar keluarga di balai desa")
    assert resident.heard("report.ask_location")
    await resident.send("status tanah sengketa di Sekar")  # "status" with no ref is the place, not a look-up
    assert not resident.heard("status.ask_ref")
    assert resident.heard("place.pick") or resident.heard("place.pick_one") or resident.heard("place.confirm")


@READING_ON_SQLITE
@pytest.mark.parametrize("step", STEPS)
async def test_a_greeting_mid_report_reminds_and_asks_again(engine: Engine, step: str) -> None:
    resident = await at(engine, step)
    await resident.send("halo")
    assert await step_of(engine, resident) == step, "a greeting is never taken as an answer"
    assert resident.heard("report.already_started") == (step in IN_A_DRAFT)
    assert not resident.heard("common.not_a_choice")


@READING_ON_SQLITE
@pytest.mark.parametrize(("step", "text"), [
    ("when", "mulai jam 9 malam tadi"),
    ("description", "Bahasa kasar dan ancaman dari tetangga setiap malam"),
    ("description", "Hapus grafiti di tembok sekolah sudah tiga kali kami minta"),
    ("location", "Status quo di gang Gedog, Sananwetan"),
])
async def test_words_that_open_a_sentence_are_not_taken_for_commands(engine: Engine, step: str,
                                                                      text: str) -> None:
    resident = await at(engine, step)
    await resident.send(text)
    assert not resident.heard("language.ask") and not resident.heard("privacy.confirm_delete")
    assert not resident.heard("status.ask_ref") and not resident.heard("status.ref_not_recognised")
    assert await step_of(engine, resident) != step


@READING_ON_SQLITE
@pytest.mark.parametrize("text", ["bahasa inggris", "/lang english", "ganti bahasa english"])
async def test_language_named_in_words_switches(engine: Engine, text: str) -> None:
    resident = await at(engine, "menu")
    await resident.send(text)
    assert resident.heard("language.changed", "en")


@READING_ON_SQLITE
@pytest.mark.parametrize("first", ["english", "English please", "in english", "hi, english please"])
async def test_a_language_asked_for_in_the_first_message_is_the_greetings(engine: Engine, first: str) -> None:
    resident = Resident(engine)
    await resident.send(first)
    assert resident.heard("language.changed", "en") and resident.heard("menu.greeting", "en"), resident.text
    await resident.send("1")
    assert resident.heard("report.ask_category", "en"), resident.text


@READING_ON_SQLITE
@pytest.mark.parametrize("first", ["2", "dua", "no english", "kampung inggris", "les inggris"])
async def test_a_first_message_that_only_mentions_a_language_keeps_indonesian(engine: Engine, first: str) -> None:
    resident = Resident(engine)
    await resident.send(first)
    assert resident.heard("menu.greeting") and not resident.heard("language.changed", "en"), resident.text


@READING_ON_SQLITE
async def test_a_malformed_ref_after_status_is_explained(engine: Engine) -> None:
    resident = await at(engine, "menu")
    await resident.send("status LP-U3NN-CJ8")
    assert resident.heard("status.ref_not_recognised")
    await resident.send("2")
    await resident.send("u3nn cj8k")  # the eight characters alone, once asked for a reference
    assert resident.heard("status.not_found") and "LP-U3NN-CJ8K" in resident.text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_global_word_of_the_catalogue_has_its_handler(lang: str) -> None:
    named = {name.removeprefix("keyword.") for name in catalogue(lang) if name.startswith("keyword.")}
    assert named == set(GLOBAL_WORDS)


def test_a_step_name_two_flows_share_stops_the_import() -> None:
    assert len(conversation.STEPS) == 4 + len(report_flow.STEPS) + len(officer.STEPS) + len(patrol.STEPS)
    renamed = {report_flow.CATEGORY: patrol.STEPS[patrol.CATEGORY]}  # a patrol step named like the report's
    with pytest.raises(ValueError, match="named twice: category"):
        one_table(report_flow.STEPS, officer.STEPS, renamed)


@READING_ON_SQLITE
@pytest.mark.parametrize(("said", "key"), [("hapus data sy dong", "privacy.confirm_delete"),
                                           ("bantuan pak", "help.text"), ("hapus pak", "privacy.confirm_delete")])
async def test_a_word_that_stands_alone_is_read_with_slang_and_particles_after_it(
        engine: Engine, said: str, key: str) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send(said)
    assert resident.heard(key), resident.text


@READING_ON_SQLITE
async def test_a_word_that_stands_alone_with_more_words_after_it_is_still_no_command(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send("hapus data rekaman cctv di warung itu pak")
    assert not resident.heard("privacy.confirm_delete"), resident.text


@READING_ON_SQLITE
@pytest.mark.parametrize(("said", "lang"), [("tolong hapus data saya", "id"), ("pak sy mau hapus data sy", "id"),
                                            ("please delete my data", "en")])
async def test_erasure_asked_for_with_a_request_before_it_is_confirmed_first(
        engine: Engine, said: str, lang: str) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send(said)
    assert resident.heard("privacy.confirm_delete", lang), resident.text


@READING_ON_SQLITE
@pytest.mark.parametrize("said", ["hapus apa pak?", "hapus nanti aja", "hapus fotonya aja",
                                  "semua data saya dihapus ya?", "so my number is deleted?"])
async def test_only_a_yes_confirms_the_erasure(engine: Engine, said: str) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send("hapus")
    assert resident.heard("privacy.confirm_delete"), resident.text
    await resident.send(said)
    assert not resident.heard("privacy.deleted"), resident.text


@READING_ON_SQLITE
@pytest.mark.parametrize("said", ["tolong hapus coretan di tembok sekolah", "saya mau hapus foto yang tadi"])
async def test_a_request_before_other_words_is_no_command(engine: Engine, said: str) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send(said)
    assert not resident.heard("privacy.confirm_delete"), resident.text


# A resident's own words for HAPUS: a request to erase their data, number, account or everything about them.
ERASURE_ASKED = [
    "tolong hapus data saya pak, sy takut ketauan anak2 itu",  # the reason after it is theirs to give
    "sy mau data sy dihapus aja pak",
    "tolong hapus nomor hp sy dari sistem",
    "hapusin akun sy",
    "pak, minta semua data saya dihapus",
    "please delete everything about me",
    "delete my account",
    "I want my number removed from your system",
    "hps data sy pak",             # "hapus" typed short
    "pak tolong nama sy dihapus dr laporan td, sy takut",  # one's name off a report sent: erasing does that
    "please remove my name from the report",
    # one's chat or history, everything on leaving the service, or one's data no longer kept
    "sy mau berhenti pake layanan ini, hapus semua",
    "hapus riwayat chat sy",
    "tolong hapus semua percakapan kita pak",
    "delete my chat history",
    "i want to stop using this service, delete everything",
    "sy gk mau data sy disimpan",
    "jangan simpan nomor sy ya pak",
    "data sy gak usah disimpan lagi",
    "please don't keep my data",
    "i dont want my number stored",
    # leaving the service said first, in a sentence of its own; what is held of the resident
    "udah ga mau pake lapor lagi, hapus data sy",
    "sy gak mau pake aplikasi ini lagi. tolong hapus semua data sy",
    "i don't want to use this bot anymore, delete my data",
    "tolong hapus semua data saya ya",
    "delete everything you have on me",
    "delete everything you know about me",
    "hapus semua yg kalian punya tentang saya",
    # forgetting asked, and what is held named as information
    "forget everything about me",
    "please forget my data",
    "please remove all my personal information",
    "delete all information about me",
]
# Words of erasing that ask nothing of the sort: a story, a statement of what was done, someone else's data.
NO_ERASURE_ASKED = [
    "pelaku menghapus chat di hp saya",
    "dia hapus semua bukti transfer",
    "motor saya dicuri, tolong dibantu",
    "saya sudah hapus semua data saya",
    "tolong hapus data pelaku dari grup wa",
    "he deleted everything on my phone",
    "iya dihapus semua pak",       # an answer of what was done: an officer asked whether the chat was erased
    "sudah dihapus semua",
    "tolong hapus akunnya pak",    # the scammer's account, not the resident's
    "please delete the account",
    "tolong hapus laporan sy",     # a withdrawal, for its officers
    "dia hapus nama sy dari grup",
    "nama pelaku dihapus dari laporan?",
    "chat sy dihapus sama dia",
    "penipunya hapus riwayat chat sy",
    "data sy tidak disimpan",
    "my data was not stored",
    "nomor penipunya jangan disimpan",
    "sy gk mau simpan nomor penipu",
    "hapus semua ini",
    "nama sy jangan disimpan",
    "sy udah ga mau pake hp itu lagi, pelaku hapus data sy",
    "dia udah ga mau pake lapor lagi, hapus data dia",
    "delete everything on my phone",
    "dont forget to check my report",
    "forget about it",
    "the thief removed all the information from my phone",
]
# Forgetting or information said of nothing held, and no story either: asked at the menu only.
FORGETTING_NOTHING_HELD = ["forget it", "please forget it, i will report later",
                           "can you tell me information about my report"]


def asked_to_confirm(resident: Resident) -> bool:
    """The HAPUS question, in whichever language Lapor answered (a first English message at the menu switches)."""
    return any(resident.heard("privacy.confirm_delete", lang) for lang in LANGUAGES)


@READING_ON_SQLITE
async def test_a_hedged_yes_to_erasing_is_asked_again(engine: Engine) -> None:
    resident = await at(engine, "menu")
    await resident.send("hps data sy pak")
    await resident.send("kyknya iya")  # a yes elsewhere ("seems so"), not for what cannot be undone
    assert resident.heard("common.not_a_choice") and await step_of(engine, resident) == "confirm_delete", \
        resident.text
    await resident.send("tidak")
    assert resident.heard("privacy.kept"), resident.text


@READING_ON_SQLITE
@pytest.mark.parametrize("said", ERASURE_ASKED)
async def test_erasure_asked_for_in_own_words_at_the_menu_is_confirmed_first(engine: Engine, said: str) -> None:
    resident = await at(engine, "menu")
    await resident.send(said)
    assert asked_to_confirm(resident), resident.text
    await resident.send("no")
    assert any(resident.heard("privacy.kept", lang) for lang in LANGUAGES), resident.text
    assert await step_of(engine, resident) == "menu", "nothing is erased without a yes"


@READING_ON_SQLITE
@pytest.mark.parametrize("said", ERASURE_ASKED)
async def test_erasure_asked_for_in_own_words_in_a_report_keeps_it_under_the_question(
        engine: Engine, said: str) -> None:
    resident = await at(engine, "when")  # in Indonesian; asked in English, answered in English
    await resident.send(said)
    lang = "en" if resident.heard("language.changed", "en") else "id"
    assert resident.heard("privacy.confirm_delete", lang), resident.text
    await resident.send("tidak")
    assert resident.heard("report.ask_when", lang), resident.text
    assert await step_of(engine, resident) == "when" and await has_draft(engine, resident)


@READING_ON_SQLITE
@pytest.mark.parametrize("step", ["place_check", "photo", "identity", "summary"])
@pytest.mark.parametrize("said", ["tolong hapus semua data saya ya", "udah ga mau pake lapor lagi, hapus data sy",
                                  "delete everything you have on me"])
async def test_erasure_asked_for_at_any_question_of_a_report_is_confirmed_first(
        engine: Engine, step: str, said: str) -> None:
    """A yes or a choice asked is not what a request to erase answers ("… ya"): it is confirmed, the draft kept."""
    resident = await at(engine, step)
    await resident.send(said)
    assert asked_to_confirm(resident), resident.text
    await resident.send("tidak")
    assert await step_of(engine, resident) == step and await has_draft(engine, resident)


@READING_ON_SQLITE
@pytest.mark.parametrize("said", [*NO_ERASURE_ASKED, *FORGETTING_NOTHING_HELD])
async def test_words_of_erasing_at_the_menu_ask_no_erasure(engine: Engine, said: str) -> None:
    resident = await at(engine, "menu")
    await resident.send(said)
    assert not asked_to_confirm(resident), resident.text


@READING_ON_SQLITE
@pytest.mark.parametrize("said", NO_ERASURE_ASKED)
async def test_words_of_erasing_in_a_story_are_the_story(engine: Engine, said: str) -> None:
    resident = await at(engine, "description")
    await resident.send(said)
    assert not asked_to_confirm(resident), resident.text
    assert await step_of(engine, resident) != "description", "the story was taken"
    assert await has_draft(engine, resident)


@READING_ON_SQLITE
@pytest.mark.parametrize("said", ["iya hapus aja", "ya hapus", "hapus aja pak", "iya, hapus semua data saya",
                                  "yes delete it", "tolong hapus data saya pak, sy takut ketauan anak2 itu",
                                  "ya hapus, tidak usah disimpan lagi", "iya hapus, gak apa2", "hapus aja gpp",
                                  "gpp pak"])
async def test_a_yes_with_words_of_erasing_around_it_confirms(engine: Engine, said: str) -> None:
    resident = await at(engine, "confirm_delete")
    await resident.send(said)
    assert resident.heard("privacy.deleted"), resident.text
    async with engine.sessions() as db:
        assert (await db.execute(select(Contact))).first() is None


@READING_ON_SQLITE
@pytest.mark.parametrize("said", ["jangan dihapus", "tidak, jangan hapus data saya", "ya jangan dihapus",
                                  "don't delete", "gak jadi hapus", "ga usah dihapus pak", "no, do not delete it"])
async def test_a_no_with_words_of_erasing_around_it_keeps_the_data(engine: Engine, said: str) -> None:
    resident = await at(engine, "confirm_delete")
    await resident.send(said)
    assert not resident.heard("privacy.deleted"), resident.text
    assert resident.heard("privacy.kept"), resident.text
    async with engine.sessions() as db:
        assert (await db.execute(select(Contact))).first() is not None


@READING_ON_SQLITE
async def test_an_officers_note_in_a_residents_words_asks_no_erasure(engine: Engine) -> None:
    petugas = await enrolled(engine, "console:petugas")
    for said in ("patroli", "Gedog Sananwetan", "1", "12 orang", "lainnya"):
        await petugas.send(said)
    assert petugas.heard("patrol.ask_concern"), petugas.text
    await petugas.send("minta semua data saya dihapus saja")  # a resident's concern, as the officer notes it
    assert not petugas.heard("privacy.confirm_delete") and petugas.heard("patrol.ask_more"), petugas.text


@pytest.mark.parametrize(("story", "left"), [
    ("hp sy dijambret td siang di depan toko sumber rejeki gedog", "Foto, Identitas"),  # the kind, place and time read
    ("hp sy dicopet pas di angkot", "Lokasi, Waktu, Foto, Identitas"),  # the kind alone read
])
async def test_whether_a_report_at_its_read_back_was_sent_lists_its_yes_not_what_it_read(
        engine: Engine, story: str, left: str) -> None:
    """What the read-back read waits for a yes, not for an answer: it was listed as still needed."""
    resident = Resident(engine)
    await resident.send(story)
    await resident.send("laporan sy udah masuk belum?")
    assert resident.heard("report.not_sent_yet") and "Kami baca dari pesan Anda" in resident.text, resident.text
    assert f"Masih perlu: jawaban Ya atas yang kami baca dari pesan Anda, {left}." in resident.text, resident.text


@READING_ON_SQLITE
@pytest.mark.parametrize("asked", ["udh sy kirim blm?", "laporan sy udah masuk belum?", "udah terkirim belum pak?",
                                   "sudah masuk belum laporan saya"])
@pytest.mark.parametrize(("step", "left"), [("location", "Lokasi, Waktu, Foto, Identitas"),
                                            ("identity", "Identitas")])
async def test_whether_a_report_in_progress_was_sent_is_answered_with_what_is_left(
        engine: Engine, asked: str, step: str, left: str) -> None:
    resident = await at(engine, step)
    await resident.send(asked)
    assert resident.heard("report.not_sent_yet") and f"Masih perlu: {left}." in resident.text, resident.text
    assert await step_of(engine, resident) == step


@READING_ON_SQLITE
async def test_whether_a_report_was_sent_asked_in_english_where_it_is_told_is_answered_in_english(
        engine: Engine) -> None:
    resident = await at(engine, "location")  # told in Indonesian so far
    await resident.send("has my report been sent?")
    assert resident.heard("report.not_sent_yet", "en") and "Still needed: Place, Time, Photo, Identity." \
        in resident.text, resident.text
    assert await step_of(engine, resident) == "location"


@READING_ON_SQLITE
async def test_whether_a_report_was_sent_at_the_summary_and_after_sending(engine: Engine) -> None:
    resident = await at(engine, "summary")
    await resident.send("laporan sy udah masuk belum?")
    assert resident.heard("report.not_sent_yet_summary") and resident.heard("report.summary"), resident.text
    await resident.send("kirim")
    await resident.send("udh sy kirim blm?")
    assert resident.heard("status.own_reports") or "Laporan Anda, yang terbaru dulu" in resident.text, resident.text


@READING_ON_SQLITE
@pytest.mark.parametrize("told", ["sy udh kirim uang ke penipu itu", "paket sy udh nyampe blm?",
                                  "gimana cara kirim laporan?"])
async def test_sending_told_or_asked_of_something_else_is_no_question_of_the_report(engine: Engine, told: str) -> None:
    resident = await at(engine, "description")
    await resident.send(told)
    assert not resident.heard("report.not_sent_yet"), resident.text
