"""Officers acting on reports: the transitions, relays to the reporter, the question round trip, referral,
station isolation, the open list, escalation and patrol notes. Through the engine, on a real database."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import json
from functools import partial
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from bot.channels.console import ConsoleChannel
from bot.outbox import Dispatcher
from handlers import patrol
from handlers.actions import EVENT_OF, LEADS_TO, Action, change_status
from handlers.alerts import alerts_together, fit_together, quoted, said_when
from handlers.engine import Engine
from handlers.language.duty import AlertAnswer, answering_an_alert, taking_it
from handlers.office import Office
from handlers.state import dump_session, load_session
from storage.models import (
    Attachment,
    Contact,
    ConversationSession,
    EventKind,
    Officer,
    OfficerRole,
    Outbox,
    OutboxKind,
    OutboxState,
    PatrolNote,
    Report,
    ReportEvent,
    ReportSource,
    ReportStatus,
    utcnow,
)
from storage.officers import revoke
from storage.outbox import open_payload, retry, seal
from storage.reports import find_ref, report_by_ref
from storage.stations import station_by_code
from storage.workflow import CLOSED_STATUSES, OPEN_STATUSES, StatusChangeNotAllowed, check_status_change
from tests.helpers import (
    READING_ON_SQLITE,
    WARGA,
    Resident,
    alerts,
    another_incident,
    enrolled,
    file_report,
    lapor,
    officers,
    payload,
    photo,
    report,
    station_code,
    step_of,
    walk_to_summary,
)

PETUGAS = "console:petugas"


async def outbox(engine: Engine, kind: str | None = None) -> list[Outbox]:
    async with engine.sessions() as db:
        query = select(Outbox).order_by(Outbox.id)
        return list((await db.execute(query.where(Outbox.kind == kind) if kind else query)).scalars())


async def deliver_to(engine: Engine, urn: str) -> str:
    """Sends what the outbox holds for one terminal chat; returns what that chat printed."""
    printed = io.StringIO()
    dispatcher = Dispatcher(engine.sessions, engine.cipher, {"console": ConsoleChannel(urn, printed)}, only_urn=urn)
    while await dispatcher.run_once():  # a report's second message goes in the round after its first
        pass
    return printed.getvalue()


async def events(engine: Engine, ref: str) -> list[ReportEvent]:
    async with engine.sessions() as db:
        found = await report(engine, ref)
        return list((await db.execute(select(ReportEvent).where(ReportEvent.report_id == found.id)
                                      .order_by(ReportEvent.id))).scalars())


async def test_acknowledge_by_the_alert_number_reaches_the_reporter(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    alert = await deliver_to(engine, PETUGAS)
    assert ref in alert and "1. Terima" in alert and "7. Tolak" in alert
    await petugas.send("1")
    assert petugas.heard("officer.confirm_number") and ref in petugas.text, "a number just after an alert is confirmed"
    assert (await report(engine, ref)).status == ReportStatus.RECEIVED
    assert petugas.options() == [f"Terima {ref}", "Laporan terbuka", "Tidak jadi"]
    await petugas.send("iya")
    assert petugas.heard("officer.done.ack")
    assert (await report(engine, ref)).status == ReportStatus.ACKNOWLEDGED
    relay = await deliver_to(engine, WARGA)
    assert f"Kabar laporan {ref}: Sudah dibaca petugas." in relay
    [event] = [e for e in await events(engine, ref) if e.to_status == ReportStatus.ACKNOWLEDGED]
    [officer] = await officers(engine)
    assert event.actor == f"officer:{officer.id}" and event.from_status == ReportStatus.RECEIVED


async def officer_wrote_ago(engine: Engine, ago: dt.timedelta, urn: str | None = None) -> None:
    """As if the officer (at `urn`, or the one enrolled) had last written `ago` before now."""
    async with engine.sessions() as db, db.begin():
        officer_contact = (await db.execute(select(Officer.contact_id) if urn is None else select(Contact.id)
                                            .where(Contact.urn_hash == engine.cipher.lookup_hash(urn)))).scalar_one()
        session = (await db.execute(select(ConversationSession)
                                    .where(ConversationSession.contact_id == officer_contact))).scalar_one()
        data = load_session(session.data, engine.cipher)
        data["wrote_at"] = (utcnow() - ago).isoformat()
        session.data = dump_session(data, engine.cipher)


async def alerted_while_away(engine: Engine) -> tuple[Resident, str]:
    """An enrolled officer who last wrote five minutes ago, and a report's alert delivered to them since."""
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    await officer_wrote_ago(engine, dt.timedelta(minutes=5))
    await deliver_to(engine, PETUGAS)
    return petugas, ref


@pytest.mark.parametrize("identity", ["2", "3"])  # an anonymous report's alert keeps only the hour it went
async def test_one_tap_acknowledges_an_alert_that_came_while_the_officer_was_away(engine: Engine,
                                                                                   identity: str) -> None:
    petugas = await enrolled(engine, PETUGAS)
    warga = Resident(engine, WARGA)
    await walk_to_summary(warga, identity=identity)
    await warga.send("kirim")
    ref = find_ref(warga.text)
    await officer_wrote_ago(engine, dt.timedelta(minutes=5))
    await deliver_to(engine, PETUGAS)
    await petugas.send("1")
    assert petugas.heard("officer.done.ack") and not petugas.heard("officer.confirm_number"), petugas.text
    assert (await report(engine, ref)).status == ReportStatus.ACKNOWLEDGED


@pytest.mark.parametrize("slip", ["hah?", "apaan nih", "kok gitu", "1a"])
@pytest.mark.parametrize(("then", "confirm"), [
    (["1"], None), (["siap 86"], None), (["ok siap ndan"], None), (["terima"], "iya"), (["hah?", "1"], None),
])
async def test_words_not_understood_after_an_alert_leave_its_actions_on_screen(
        engine: Engine, slip: str, then: list[str], confirm: str | None) -> None:
    """A slip after an alert is answered with the alert's own actions, numbered as the alert numbered them, not the
    menu: the officer's next clear word for it still takes it."""
    petugas, ref = await alerted_while_away(engine)
    await petugas.send(slip)
    assert petugas.heard("officer.not_understood_report") and ref in petugas.text, petugas.text
    assert petugas.options() == ALL_SEVEN, "the alert's choices, in its order"
    for said in then:
        await petugas.send(said)
    if confirm is not None:  # a bare command is confirmed, as right after the alert
        assert petugas.heard("officer.confirm_command") and ref in petugas.text, petugas.text
        await petugas.send(confirm)
    assert petugas.heard("officer.done.ack"), petugas.text
    assert (await report(engine, ref)).status == ReportStatus.ACKNOWLEDGED


@pytest.mark.parametrize("script", [
    ["hah?", "ya"], ["hah?", "ya pak"], ["tolak", "hah?", "ya"], ["tolak", "apa?", "iya"], ["hah?", "hah?", "ya"],
    ["7", "hah?", "ya"],
])
async def test_a_bare_yes_after_words_not_understood_confirms_nothing(engine: Engine, script: list[str]) -> None:
    """Nothing was proposed just before the yes (an offer lapses with the next message, a number's question with
    words that answer none of it): nothing is done, least of all a Tolak."""
    petugas, ref = await alerted_while_away(engine)
    await officer_wrote_ago(engine, dt.timedelta(seconds=5))  # at work in the chat: a number is confirmed first
    for said in script:
        await petugas.send(said)
    assert not petugas.heard("officer.ask_reason") and not petugas.heard("officer.done.reject"), petugas.text
    assert (await report(engine, ref)).status == ReportStatus.RECEIVED
    assert not await events_of_kind(engine, ref)


@pytest.mark.parametrize(("number", "asked", "done"), [("7", "officer.ask_reason", ReportStatus.REJECTED),
                                                       ("3", "officer.ask_note", ReportStatus.RESOLVED)])
async def test_words_that_say_nothing_are_no_reason_sent_to_the_reporter(engine: Engine, number: str, asked: str,
                                                                         done: ReportStatus) -> None:
    """Where a Tolak's reason or a Selesai's note is asked, "hah?" or "oke" is no answer: the reporter would read it
    as why their report was closed. Asked again; nothing done till words come."""
    petugas, ref = await alerted_while_away(engine)
    await petugas.send(number)
    assert petugas.heard(asked), petugas.text
    for said in ("hah?", "apa?", "oke", "siap pak", "ya ndan", "maksudnya?"):
        await petugas.send(said)
        assert petugas.heard("officer.note_says_nothing") and petugas.heard(asked), (said, petugas.text)
        assert (await report(engine, ref)).status == ReportStatus.RECEIVED, said
    await petugas.send("Sudah dicek ke lokasi, tidak ada kejadian")
    assert (await report(engine, ref)).status == done


@pytest.mark.parametrize("question", ["Kapan?", "Jam berapa?", "Motornya apa?"])
async def test_a_short_question_to_the_reporter_is_still_asked(engine: Engine, question: str) -> None:
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    await petugas.send(f"INFO {ref}")
    await petugas.send(question)
    assert petugas.heard("officer.done.info"), petugas.text
    assert (await report(engine, ref)).status == ReportStatus.NEED_INFO


async def test_looking_at_a_report_then_a_slip_keeps_its_actions_and_their_numbers(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine, identity="3")
    await petugas.send(f"LIHAT {ref}")
    shown = petugas.options()
    await petugas.send("hmm")
    assert petugas.heard("officer.not_understood_report") and petugas.options() == shown, petugas.text
    await petugas.send(str(shown.index("Rujuk") + 1))
    assert petugas.heard("officer.ask_station"), petugas.text


async def test_a_slip_with_no_report_on_screen_still_shows_the_menu(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    await petugas.send("hah?")
    assert petugas.heard("officer.not_understood") and petugas.options()[0] == "Laporan terbuka", petugas.text
    await petugas.send("terbuka")
    await petugas.send("hah?")
    assert petugas.heard("officer.not_understood"), "a list's numbers open reports: the menu, as before"


async def test_a_number_after_reading_a_list_a_while_is_confirmed_when_an_alert_has_just_come(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    _warga, listed = await file_report(engine)
    await deliver_to(engine, PETUGAS)
    await petugas.send("terbuka")
    assert listed in petugas.text, petugas.text
    await officer_wrote_ago(engine, dt.timedelta(minutes=3))  # reading the list
    _lain, arrived = await file_report(engine, "console:lain")
    await deliver_to(engine, PETUGAS)
    await petugas.send("1")
    assert petugas.heard("officer.confirm_number") and arrived in petugas.text, petugas.text
    assert (await report(engine, arrived)).status == ReportStatus.RECEIVED


async def test_words_instead_of_an_answer_to_the_numbers_question_are_taken_as_they_come(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    await deliver_to(engine, PETUGAS)
    await petugas.send("1")
    assert petugas.heard("officer.confirm_number")
    await petugas.send("9")
    assert petugas.heard("common.not_a_choice"), "a number still answers the question"
    await petugas.send("terbuka")
    assert petugas.heard("officer.open_list") and ref in petugas.text, "the officer moved on: the list comes"
    assert not petugas.heard("officer.confirm_number"), "and the question is not asked again"
    assert (await report(engine, ref)).status == ReportStatus.RECEIVED, "and the number was left undone"
    await petugas.send("halo pak")
    assert not petugas.heard("common.not_a_choice")


async def test_a_number_meant_for_the_open_list_or_a_new_alert_names_both_with_their_verbs(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    _warga, listed = await file_report(engine)
    await deliver_to(engine, PETUGAS)
    await petugas.send("terbuka")
    assert listed in petugas.text, petugas.text
    _lain, arrived = await file_report(engine, "console:lain")
    await deliver_to(engine, PETUGAS)
    await petugas.send("1")
    assert petugas.heard("officer.confirm_number"), petugas.text
    assert f"Lihat {listed}" in petugas.options() and f"Terima {arrived}" in petugas.options(), petugas.options()


async def test_a_station_with_only_its_head_enrolled_keeps_its_reports(engine: Engine) -> None:
    await enrolled(engine, "console:kapolsek", role=OfficerRole.HEAD)
    await enrolled(engine, "console:polres", station="POLRES-BLITAR-KOTA")
    warga, ref = await file_report(engine)
    assert "diteruskan ke Polsek Sananwetan" in warga.text, warga.text
    assert ref not in await deliver_to(engine, "console:polres")


async def test_stations_whose_parents_loop_still_answer_for_a_report(engine: Engine) -> None:
    async with engine.sessions() as db, db.begin():
        polres = await station_by_code(db, "POLRES-BLITAR-KOTA")
        desk = await station_by_code(db, "PUSAT")
        assert polres is not None and desk is not None
        polres.parent_id, desk.parent_id = desk.id, polres.id  # a registry mistake: each the other's parent
        polsek = await station_by_code(db, "POLSEK-SANANWETAN")
        assert polsek is not None
        assert await engine.router.answering_for(db, polsek) is polsek  # nobody enrolled anywhere: as routed


@pytest.mark.parametrize(("lang", "occurred", "shown"), [
    ("id", "Before today", "Sebelum hari ini"),  # a choice, in the officer's language
    ("id", "Not said", "Tidak disebutkan"),      # Lapor's own words, not quoted as the resident's
    ("en", "Tidak disebutkan", "Not said"),      # whichever language the resident ended in
    ("id", "tadi subuh", "\u201ctadi subuh\u201d"),  # the resident's, quoted
])
def test_when_it_happened_reaches_an_officer_in_their_language(lang: str, occurred: str, shown: str) -> None:
    assert said_when(lang, occurred) == shown


async def test_a_report_for_a_station_with_no_officer_yet_goes_to_the_one_above_it(
        engine: Engine, database_url: str, tmp_path: Path) -> None:
    polres = await enrolled(engine, "console:polres", station="POLRES-BLITAR-KOTA")  # none at Polsek Sananwetan
    routed = lapor("route", "kel gedog sananwetan blitar", "--json", data_dir=tmp_path, database_url=database_url)
    assert json.loads(routed.stdout)["candidates"][0]["answered_by"] == "POLRES-BLITAR-KOTA", routed.stdout
    warga, ref = await file_report(engine)
    assert warga.heard("report.submitted") and "diteruskan ke Polres Blitar Kota." in warga.text, warga.text
    assert ref in await deliver_to(engine, "console:polres"), "an officer is alerted"
    await polres.send(f"TERIMA {ref}")
    assert polres.heard("officer.done.ack"), "and may act on it"
    await enrolled(engine, PETUGAS)  # once the Polsek has one, its reports go to it
    _other, second = await file_report(engine, "console:lain", description="Helm dicuri di parkiran pasar pagi")
    assert second in await deliver_to(engine, PETUGAS)
    assert second not in await deliver_to(engine, "console:polres")


async def test_a_number_after_another_report_is_shown_acts_on_that_report_not_the_alert(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    _first, shown = await file_report(engine)
    await deliver_to(engine, PETUGAS)
    _second, alerted = await file_report(engine, "console:lain", description="Helm dicuri di parkiran pasar pagi")
    await deliver_to(engine, PETUGAS)
    await petugas.send("1")
    assert petugas.heard("officer.which_alert") and petugas.options() == [f"Terima {shown}", f"Terima {alerted}"]
    await petugas.send(f"LIHAT {shown}")
    assert shown in petugas.text and not petugas.heard("officer.confirm_number"), petugas.text
    await petugas.send("1")  # Terima, for the report on screen
    assert (await report(engine, shown)).status == ReportStatus.ACKNOWLEDGED, petugas.text
    assert (await report(engine, alerted)).status == ReportStatus.RECEIVED


async def test_a_note_too_short_to_tell_the_reporter_anything_is_asked_for(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    await petugas.send(f"selesai {ref} ok")
    assert petugas.heard("officer.ask_note"), "two letters are no note"
    assert (await report(engine, ref)).status == ReportStatus.RECEIVED
    await petugas.send("Motor sudah ditemukan dan dikembalikan")
    assert petugas.heard("officer.done.resolve")
    relay = await deliver_to(engine, WARGA)
    assert "Motor sudah ditemukan dan dikembalikan" in relay


async def test_alerts_due_together_go_in_one_message_whose_numbers_acknowledge_each_report(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    refs = []
    for urn in ("console:warga-a", "console:warga-b", "console:warga-c"):
        refs.append((await file_report(engine, urn, description=f"Motor dicuri di depan rumah {urn[-1]} semalam"))[1])
    printed = await deliver_to(engine, PETUGAS)
    assert printed.count("3 laporan sekaligus") == 1, "one message for the three"
    assert [printed.index(ref) for ref in refs] == sorted(printed.index(ref) for ref in refs)
    numbered = [line.strip() for line in printed.splitlines() if line.strip()[:1].isdigit() and ". " in line[:6]]
    assert numbered == [f"{number}. Terima {ref}" for number, ref in enumerate(refs, 1)]
    rows = await outbox(engine, "officer_alert")
    assert len(rows) == 3 and {row.state for row in rows} == {OutboxState.SENT}
    await petugas.send("2")
    assert petugas.heard("officer.confirm_number") and refs[1] in petugas.text and refs[0] not in petugas.text
    assert petugas.options()[0] == f"Terima {refs[1]}"
    await petugas.send("iya")
    assert petugas.heard("officer.done.ack")
    assert [(await report(engine, ref)).status for ref in refs] == [
        ReportStatus.RECEIVED, ReportStatus.ACKNOWLEDGED, ReportStatus.RECEIVED]
    await petugas.send(f"LIHAT {refs[2]}")
    assert refs[2] in petugas.text and "Tolak" in petugas.options(), "every action is a LIHAT away"


async def test_a_number_after_two_messages_of_alerts_asks_which_report_it_means(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    first = [(await file_report(engine, f"console:warga-{n}", description=f"Motor dicuri di rumah {n} semalam"))[1]
             for n in "ab"]
    await deliver_to(engine, PETUGAS)
    then = [(await file_report(engine, f"console:warga-{n}", description=f"Helm dicuri di parkiran pasar, yang {n}"))[1]
            for n in "cd"]
    printed = await deliver_to(engine, PETUGAS)
    assert printed.count("1. Terima") == 1, "the second message numbers its reports from 1 too"
    await petugas.send("1")
    assert petugas.heard("officer.which_alert"), petugas.text
    assert petugas.options() == [f"Terima {ref}" for ref in first + then]
    await petugas.send("3")
    assert petugas.heard("officer.done.ack") and then[0] in petugas.text, petugas.text
    assert [(await report(engine, ref)).status for ref in first + then] == [
        ReportStatus.RECEIVED, ReportStatus.RECEIVED, ReportStatus.ACKNOWLEDGED, ReportStatus.RECEIVED]


async def test_a_number_after_a_report_and_its_escalation_means_the_latest(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    await deliver_to(engine, PETUGAS)
    assert await engine.escalate(now=utcnow() + dt.timedelta(hours=3)) == 1
    await deliver_to(engine, PETUGAS)  # two messages since the officer wrote, of one report
    await petugas.send("1")
    assert not petugas.heard("officer.which_alert") and ref in petugas.text, petugas.text


async def test_an_alert_sent_together_then_again_on_its_own_asks_which_report_a_number_means(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    refs = [(await file_report(engine, urn, description=f"Helm dicuri di parkiran pasar, yang {urn[-1]}"))[1]
            for urn in ("console:warga-a", "console:warga-b")]
    await deliver_to(engine, PETUGAS)
    [_first, last] = await outbox(engine, "officer_alert")
    async with engine.sessions() as db, db.begin():  # its delivery failed: an operator sends it again
        (await db.get(Outbox, last.id)).state = OutboxState.FAILED
        assert await retry(db, last.id, utcnow())
    again = await deliver_to(engine, PETUGAS)
    assert "sekaligus" not in again and "7. Tolak" in again and refs[1] in again, again
    await petugas.send("1")  # two messages since the officer wrote, each numbered from 1: which is asked
    assert petugas.heard("officer.which_alert") and petugas.options() == [f"Terima {ref}" for ref in refs]
    await petugas.send("2")
    assert petugas.heard("officer.done.ack") and refs[1] in petugas.text, petugas.text


def test_alerts_go_together_only_as_many_as_fit_one_message() -> None:
    def alert(n: int, story: str, brief: str = "Motor dicuri…") -> dict[str, object]:
        ref = f"LP-{n}ABC-DEFG"
        return {"text": f"Laporan baru {ref}\nKejadian: {story}", "brief": f"{ref} {brief}", "ref": ref,
                "lang": "id", "choices": [[f"ack:{ref}", "Terima"]], "hint": ""}

    short = [alert(n, "Motor dicuri") for n in range(2, 7)]
    assert fit_together(short), "five short ones go together"
    assert "Kejadian: Motor dicuri" in alerts_together(short)["text"], "whole, where the whole alerts fit"
    assert not fit_together([alert(n, "Motor dicuri") for n in range(2, 8)]), "never more than five"
    long = [alert(n, "x" * 600) for n in range(2, 7)]
    assert fit_together(long), "five long ones go together in their brief form"
    assert "x" * 600 not in alerts_together(long)["text"] and alerts_together(long)["text"].count("Motor dicuri…") == 5
    assert not fit_together([alert(n, "x" * 600, "y" * 400) for n in range(2, 7)]), "nor more than a message holds"


async def test_a_burst_of_long_stories_reaches_the_officer_in_one_message_of_their_first_words(
        engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    story = ("Tadi malam sekitar jam sebelas motor Honda Beat hitam saya yang diparkir di depan rumah hilang, "
             "kuncinya sudah saya pasang ganda dan pagar dikunci, tetangga mendengar suara motor dinyalakan lalu "
             "pergi ke arah jalan raya, dan di rekaman kamera warung sebelah terlihat dua orang memakai jaket gelap")
    refs = [(await file_report(engine, f"console:warga-{n}", description=f"{story} ({n})"))[1] for n in "abcde"]
    printed = await deliver_to(engine, PETUGAS)
    assert printed.count("5 laporan sekaligus") == 1 and all(ref in printed for ref in refs), printed
    assert story not in printed and printed.count("Tadi malam sekitar jam sebelas motor Honda Beat hitam") == 5
    await petugas.send(f"LIHAT {refs[3]}")
    assert story in petugas.text and refs[3] in petugas.text


def test_a_report_alerted_twice_in_one_message_is_shown_once_as_its_last_alert() -> None:
    def alert(ref: str, heading: str = "") -> dict[str, object]:
        return {"text": f"{heading}Laporan baru {ref}", "brief": f"{heading}{ref}", "ref": ref, "lang": "id",
                "choices": [[f"ack:{ref}", "Terima"]], "hint": ""}

    together = alerts_together([alert("LP-2ABC-DEFG"), alert("LP-3ABC-DEFG"),
                                alert("LP-2ABC-DEFG", "⏰ BELUM DITANGGAPI 30 MENIT\n")])
    assert together["choices"] == [["ack:LP-3ABC-DEFG", "Terima LP-3ABC-DEFG"],
                                   ["ack:LP-2ABC-DEFG", "Terima LP-2ABC-DEFG"]]
    assert together["text"].startswith("📣 2 laporan sekaligus:"), together["text"]
    assert together["text"].count("LP-2ABC-DEFG") == 1 and "BELUM DITANGGAPI" in together["text"]
    alone = alerts_together([alert("LP-2ABC-DEFG"), alert("LP-2ABC-DEFG", "⏰ BELUM DITANGGAPI 30 MENIT\n")])
    assert alone["text"].startswith("⏰ BELUM DITANGGAPI") and "sekaligus" not in alone["text"], "one report: its alert"


async def test_an_alert_with_a_photo_goes_on_its_own(engine: Engine) -> None:
    await enrolled(engine, PETUGAS)
    _plain, first = await file_report(engine, "console:warga-a", description="Motor dicuri di depan warung semalam")
    _also, second = await file_report(engine, "console:warga-b", description="Ada pencurian helm di parkiran pasar")
    async with engine.sessions() as db, db.begin():
        [row] = [row for row in (await db.execute(select(Outbox).where(Outbox.kind == "officer_alert")))
                 .scalars() if second in open_payload(engine.cipher, row)["text"]]
        row.payload = seal(engine.cipher, {**open_payload(engine.cipher, row), "photo": {"stored_name": "x.jpg"}})
    printed = await deliver_to(engine, PETUGAS)
    assert "laporan sekaligus" not in printed and printed.count("1. Terima") == 2, "each alone, all actions"
    assert printed.count("7. Tolak") == 2 and printed.index(first) < printed.index(second)


async def test_each_action_by_keyword_with_its_note(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    await petugas.send(f"proses {ref.lower()}")
    assert petugas.heard("officer.done.progress")
    await petugas.send(f"SELESAI {ref}")
    assert petugas.heard("officer.ask_note"), "resolving needs a note for the reporter"
    await petugas.send("batal")
    await petugas.send(f"SELESAI {ref} Motor ditemukan, Pak RT sudah dihubungi")
    assert petugas.heard("officer.done.resolve")
    found = await report(engine, ref)
    assert found.status == ReportStatus.RESOLVED
    relay = await deliver_to(engine, WARGA)
    assert "Catatan petugas: Motor ditemukan, Pak RT sudah dihubungi" in relay, "the note keeps its capitals"
    await petugas.send(f"TERIMA {ref}")
    assert petugas.heard("officer.not_allowed"), "a resolved report cannot be acknowledged"
    assert (await report(engine, ref)).status == ReportStatus.RESOLVED


async def test_an_officers_note_is_kept_in_the_history_and_never_reaches_the_reporter(engine: Engine) -> None:
    """CATAT REF catatan at any status, and a note typed alone after an action, kept on one tap: the status
    stays, the history shows it, and the reporter hears nothing of it."""
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    await petugas.send(f"PROSES {ref}")
    await deliver_to(engine, WARGA)  # the reporter hears "in progress"
    await petugas.send(f"CATAT {ref} Tim sudah ke TKP, pelaku kabur ke arah utara")
    assert petugas.heard("officer.note_kept"), petugas.text
    await petugas.send("Saksi Pak Slamet bisa ditemui sore ini")  # typed alone, after the note
    assert petugas.heard("officer.note_offer") and petugas.options() == [f"Simpan catatan {ref}"], petugas.text
    await petugas.send("1")
    assert petugas.heard("officer.note_kept"), petugas.text
    await petugas.send(f"CATAT {ref}")
    assert petugas.heard("officer.note_missing"), "a note needs its words"
    await petugas.send("CATAT LP-2345-6789 salah nomor")
    assert petugas.heard("officer.unknown_ref")
    found = await report(engine, ref)
    assert found.status == ReportStatus.IN_PROGRESS, "a note changes no status"
    notes = [event for event in await events(engine, ref) if event.kind == EventKind.NOTE]
    assert [event.note for event in notes] == ["Tim sudah ke TKP, pelaku kabur ke arah utara",
                                               "Saksi Pak Slamet bisa ditemui sore ini"]
    assert not any(event.public for event in notes)
    assert await deliver_to(engine, WARGA) == "", "nothing of the notes reaches the reporter"
    await petugas.send(f"LIHAT {ref}")
    assert "catatan: Tim sudah ke TKP" in petugas.text and "catatan: Saksi Pak Slamet" in petugas.text
    await petugas.send(f"SELESAI {ref} Motor ditemukan")
    await petugas.send(f"CATAT {ref} Motor sudah diambil pemiliknya")
    assert petugas.heard("officer.note_kept"), "a closed report takes a note too"


@pytest.mark.parametrize("source", ["confidential", "anonymous", "patrol"])  # the last two keep whole hours
async def test_the_same_note_sent_twice_is_kept_once_and_again_later_twice(engine: Engine, source: str) -> None:
    petugas = await enrolled(engine, PETUGAS)
    if source == "patrol":  # a concern's report: its first event at the minute, its notes at the whole hour
        for said in ("patroli", "Gedog Sananwetan", "1", "20 warga", "Peredaran sabu di warung ujung gang",
                     "selesai", "tidak"):
            await petugas.send(said)
        ref = find_ref(petugas.text)
        assert ref is not None
    else:
        _warga, ref = await file_report(engine, identity="2" if source == "confidential" else "3")
    note = "Pelapor ditelpon, tidak diangkat"
    for _ in range(2):  # a message sent twice on a poor line
        await petugas.send(f"CATAT {ref} {note}")
        assert petugas.heard("officer.note_kept"), petugas.text
    assert [e.note for e in await events(engine, ref) if e.kind == EventKind.NOTE] == [note]
    async with engine.sessions() as db, db.begin():  # all of it hours ago: the same words are news again
        await db.execute(update(ReportEvent).values(created_at=utcnow() - dt.timedelta(hours=3)))
    await petugas.send(f"CATAT {ref} {note}")
    assert [e.note for e in await events(engine, ref) if e.kind == EventKind.NOTE] == [note, note]


async def test_a_note_offered_goes_on_with_more_words_and_is_kept_on_a_yes(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    await petugas.send(f"PROSES {ref}")
    await petugas.send("pelaku diduga dua orang")
    await petugas.send("pakai motor vario merah tanpa plat")
    assert petugas.heard("officer.note_offer"), petugas.text
    await petugas.send("2")  # past the one choice shown: not the officer menu's patrol, which is not on screen
    assert petugas.heard("common.not_a_choice") and await step_of(engine, petugas) == "menu", petugas.text
    await petugas.send("ya")
    assert petugas.heard("officer.note_kept"), petugas.text
    notes = [event.note for event in await events(engine, ref) if event.kind == EventKind.NOTE]
    assert notes == ["pelaku diduga dua orang\npakai motor vario merah tanpa plat"]


async def test_an_alert_after_a_note_offered_takes_the_yes_that_follows(engine: Engine) -> None:
    """A note offered on the report just closed, then a new alert: "siap 86 ndan" takes the new report, and puts
    nothing in the closed one's history."""
    petugas = await enrolled(engine, PETUGAS)
    _warga, closed = await file_report(engine)
    await petugas.send(f"SELESAI {closed} Motor ditemukan")
    await petugas.send("pelaku sudah diamankan warga")
    assert petugas.heard("officer.note_offer"), petugas.text
    _other, new = await file_report(engine, "console:warga-b", description="Helm dicuri di parkiran pasar tadi")
    await deliver_to(engine, PETUGAS)
    await petugas.send("siap 86 ndan")
    # the alert came as the officer was writing: which report is named, to take on a yes
    assert petugas.heard("officer.confirm_command") and new in petugas.text, petugas.text
    await petugas.send("ya")
    assert (await report(engine, new)).status == ReportStatus.ACKNOWLEDGED
    assert not [event for event in await events(engine, closed) if event.kind == EventKind.NOTE]


async def test_a_note_offered_is_dropped_on_a_no(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    await petugas.send(f"PROSES {ref}")
    await petugas.send("nanti sore sy cek ke lokasi")
    assert petugas.heard("officer.note_offer"), petugas.text
    await petugas.send("tidak")
    assert petugas.heard("officer.note_not_kept"), petugas.text
    assert not [event for event in await events(engine, ref) if event.kind == EventKind.NOTE]


async def test_the_words_of_a_refused_action_are_offered_as_a_note(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    await petugas.send(f"PROSES {ref}")
    await petugas.send(f"PROSES {ref} sedang dicek ke lokasi")
    assert petugas.heard("officer.not_allowed") and petugas.heard("officer.note_offer"), petugas.text
    await petugas.send("1")
    notes = [event.note for event in await events(engine, ref) if event.kind == EventKind.NOTE]
    assert notes == ["sedang dicek ke lokasi"]


@pytest.mark.parametrize(("typed", "said"), [("SELESAI", "officer.note_missing"), ("", "officer.note_missing"),
                                             ("ok", "officer.note_invalid"), ("👍👍👍", "officer.note_invalid")])
async def test_a_note_that_says_nothing_is_refused_with_why(engine: Engine, typed: str, said: str) -> None:
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    await petugas.send(f"CATAT {ref} {typed}".strip())
    assert petugas.heard(said), petugas.text
    assert not [event for event in await events(engine, ref) if event.kind == EventKind.NOTE]


async def test_no_note_is_offered_on_a_report_referred_away_or_handled_long_ago(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    await petugas.send(f"RUJUK {ref} POLSEK-SEKAR salah rujuk")
    await petugas.send("pelapor kenal pelakunya katanya")
    assert petugas.heard("officer.not_understood") and not petugas.heard("officer.note_offer"), petugas.text
    _other, later = await file_report(engine, "console:dua")
    await petugas.send(f"LIHAT {later}")
    async with engine.sessions() as db, db.begin():
        officer_contact = (await db.execute(select(Officer.contact_id))).scalar_one()
        session = (await db.execute(select(ConversationSession)
                                    .where(ConversationSession.contact_id == officer_contact))).scalar_one()
        data = load_session(session.data, engine.cipher)
        data["last_ref"]["at"] = (utcnow() - dt.timedelta(hours=2)).isoformat()
        session.data = dump_session(data, engine.cipher)
    await petugas.send("pelapor kenal pelakunya katanya")
    assert petugas.heard("officer.not_understood") and not petugas.heard("officer.note_offer"), petugas.text


async def test_chat_of_an_officer_who_has_handled_no_report_is_not_offered_as_a_note(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    await petugas.send("selamat pagi semua rekan piket")
    assert petugas.heard("officer.not_understood") and not petugas.heard("officer.note_offer"), petugas.text


async def test_reject_and_duplicate(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    _one, first = await file_report(engine, "console:satu")
    _two, second = await file_report(engine, "console:dua")
    await petugas.send(f"DUPLIKAT {second} {second}")
    assert petugas.heard("officer.unknown_duplicate"), "a report is no duplicate of itself"
    await petugas.send(f"DUPLIKAT {second} {first}")
    assert petugas.heard("officer.done.duplicate")
    merged = await report(engine, second)
    assert merged.status == ReportStatus.DUPLICATE and merged.duplicate_of_id == (await report(engine, first)).id
    told = await deliver_to(engine, "console:dua")
    assert first not in told, "the other ref stays among officers"
    assert "tetap ditangani" in told, "the reporter hears the incident is still handled, and that they will hear more"
    await petugas.send(f"LIHAT {second}")
    assert petugas.heard("officer.report") and f"duplikat dari {first}" in petugas.text, "LIHAT names the one kept"
    await petugas.send(f"TOLAK {first} laporan iseng, lokasi tidak ada kejadian")
    assert (await report(engine, first)).status == ReportStatus.REJECTED
    assert "laporan iseng" in await deliver_to(engine, "console:satu")


async def test_a_button_tap_that_needs_a_note_asks_for_it_and_batal_goes_back(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    await petugas.send(button=f"reject:{ref}")
    assert petugas.heard("officer.ask_reason")
    await petugas.send("batal")
    assert (await report(engine, ref)).status == ReportStatus.RECEIVED
    await petugas.send(button=f"reject:{ref}")
    await petugas.send("Hoaks: foto diambil dari internet")
    assert petugas.heard("officer.done.reject")
    assert (await report(engine, ref)).status == ReportStatus.REJECTED


async def test_need_info_round_trip(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    warga, ref = await file_report(engine)
    await petugas.send(f"TERIMA {ref}")
    await petugas.send(f"INFO {ref} Jam berapa motornya terakhir terlihat?")
    assert petugas.heard("officer.done.info")
    question = await deliver_to(engine, WARGA)
    assert "Jam berapa motornya terakhir terlihat?" in question
    await petugas.send(f"TERIMA {ref}")
    assert petugas.heard("officer.not_allowed"), "a report that waits for an answer was acknowledged already"
    await warga.send("Sekitar jam 11 malam, Pak")
    assert warga.heard("relay.answer_sent")
    answer = await deliver_to(engine, PETUGAS)
    assert f"Jawaban pelapor untuk {ref}" in answer and "Sekitar jam 11 malam, Pak" in answer
    found = await report(engine, ref)
    assert found.status == ReportStatus.ACKNOWLEDGED, "back where it was before the question"
    [reply] = [e for e in await events(engine, ref) if e.kind == EventKind.REPLY]
    assert reply.note == "Sekitar jam 11 malam, Pak" and not reply.public
    await warga.send("1")
    assert warga.heard("report.ask_category"), "once answered, the menu works as before"


async def test_the_reporters_answer_offers_only_what_can_be_done_now(engine: Engine) -> None:
    """The answer comes back to a report acknowledged already: its numbers offer no Terima, and each does what it
    names."""
    petugas = await enrolled(engine, PETUGAS)
    warga, ref = await file_report(engine)
    await petugas.send(f"INFO {ref} Jam berapa motornya terakhir terlihat?")
    await deliver_to(engine, WARGA)
    await warga.send("Sekitar jam 11 malam, Pak")
    await officer_wrote_ago(engine, dt.timedelta(minutes=5))
    answer = await deliver_to(engine, PETUGAS)
    assert "Terima" not in answer and "1. Proses" in answer, answer
    await petugas.send("1")
    assert petugas.heard("officer.done.progress"), petugas.text
    assert (await report(engine, ref)).status == ReportStatus.IN_PROGRESS


async def test_an_answer_sent_where_a_new_report_asks_its_kind_reaches_the_officer(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    warga, ref = await file_report(engine)
    await petugas.send(f"TERIMA {ref}")
    await warga.send("lapor")
    assert warga.heard("report.ask_category"), warga.text
    await petugas.send(f"INFO {ref} bu, kira2 anak sekolah mana ya?")
    await warga.send("kayaknya anak smk pgri pak, seragamnya abu2")
    assert warga.heard("relay.answer_sent") and warga.heard("report.ask_category"), warga.text
    assert "kayaknya anak smk pgri pak" in await deliver_to(engine, PETUGAS)
    await warga.send("motor sy dicuri tadi pagi")  # the new report goes on as it began
    assert not warga.heard("relay.answer_added") and not warga.heard("common.not_a_choice"), warga.text


async def test_a_photo_asked_for_is_kept_with_the_report_and_sent_to_the_officer(engine: Engine,
                                                                                 tmp_path: Path) -> None:
    petugas = await enrolled(engine, PETUGAS)
    warga, ref = await file_report(engine)
    await petugas.send(f"TERIMA {ref}")
    await petugas.send(f"INFO {ref} Ada bukti transfernya? Kalau ada tolong kirim fotonya")
    proof, later = tmp_path / "bukti.jpg", tmp_path / "struk.jpg"
    proof.write_bytes(photo(shade=40))
    later.write_bytes(photo(shade=90))
    await warga.send("ini bukti transfernya pak", photo=proof)
    assert warga.heard("relay.answer_sent") and not warga.heard("photo.rejected_not_now"), warga.text
    await warga.send(photo=later)  # a second photo, right after: it adds to the answer
    assert warga.heard("relay.answer_added"), warga.text
    async with engine.sessions() as db:
        relayed = [payload(row) for row in (await db.execute(
            select(Outbox).where(Outbox.kind == OutboxKind.INFO_REPLY).order_by(Outbox.id))).scalars()]
        kept = (await db.execute(select(Attachment.stored_name).order_by(Attachment.id))).scalars().all()
    assert [r["photo"]["stored_name"] for r in relayed] == kept[-2:], "each photo goes to the officer who asked"
    assert "📷 foto — ini bukti transfernya pak" in relayed[0]["text"], relayed[0]["text"]
    replies = [e.note for e in await events(engine, ref) if e.kind == EventKind.REPLY]
    assert replies == ["📷 foto — ini bukti transfernya pak", "📷 foto"]
    await petugas.send(f"LIHAT {ref}")
    assert "Foto: terlampir" in petugas.text, petugas.text


@pytest.mark.parametrize(("shown", "line"), [
    ("confidential", "🌐 Pelapor menulis dalam bahasa Inggris: tulis pertanyaan"),
    ("anonymous", "🌐 Pelapor menulis dalam bahasa Inggris."),  # no question reaches them
])
async def test_an_alert_says_when_the_reporter_writes_another_language(engine: Engine, shown: str, line: str) -> None:
    """In the officer's language, and with the questions that may reach them only where any can."""
    await enrolled(engine, PETUGAS)
    expat = Resident(engine, "console:expat")
    for said in ("hi", "my motorbike was stolen last night in front of my house in Gedog, Sananwetan, Blitar", "yes",
                 "no photo", shown, "send"):
        await expat.send(said)
    assert expat.heard("report.submitted", "en") or expat.heard("report.submitted_anonymous", "en"), expat.text
    alert = await deliver_to(engine, PETUGAS)
    assert line in alert and "English" not in alert, alert
    if shown == "anonymous":
        return  # the rest is of two alerts, the second a report of one's own language
    _warga, ref = await file_report(engine)
    assert ref in (same := await deliver_to(engine, PETUGAS)) and "🌐" not in same, "one's own language goes unsaid"
    async with engine.sessions() as db:
        [row] = (await db.execute(select(Outbox).where(Outbox.kind == OutboxKind.OFFICER_ALERT)
                                  .order_by(Outbox.id).limit(1))).scalars()
    assert "🌐 Pelapor menulis dalam bahasa Inggris." in open_payload(engine.cipher, row)["brief"], "the brief says it"


async def test_the_message_right_after_an_answer_adds_to_it(engine: Engine) -> None:
    """A question back ("maksudnya imei itu apa?") went as the answer; what was meant comes next."""
    petugas = await enrolled(engine, PETUGAS)
    warga, ref = await file_report(engine)
    await petugas.send(f"TERIMA {ref}")
    await petugas.send(f"INFO {ref} HP merk apa, ada IMEI-nya?")
    await warga.send("maksudnya imei itu apa ya pak?")
    assert warga.heard("relay.answer_sent"), warga.text
    await warga.send("oh oke, hp samsung a14 item, imei gk tau pak")
    assert warga.heard("relay.answer_added") and not warga.heard("menu.not_understood"), warga.text
    relayed = await deliver_to(engine, PETUGAS)
    assert f"Tambahan jawaban pelapor untuk {ref}" in relayed and "samsung a14" in relayed, relayed
    assert (await report(engine, ref)).status == ReportStatus.ACKNOWLEDGED, "where the answer had left it"
    replies = [e.note for e in await events(engine, ref) if e.kind == EventKind.REPLY]
    assert replies == ["maksudnya imei itu apa ya pak?", "oh oke, hp samsung a14 item, imei gk tau pak"]
    await warga.send("casingnya bening pak")
    assert not warga.heard("relay.answer_added"), "only the message right after the answer adds to it"


@pytest.mark.parametrize(("identity", "hidden"), [("2", True), ("1", False)])  # Rahasia; by name
async def test_what_a_reporter_writes_to_officers_later_keeps_them_as_unexposed_as_the_story(
        engine: Engine, identity: str, hidden: bool) -> None:
    """An answer, what is added to it and an objection reach officers (and the history) as the story does: the
    number the reporter writes from and the name they introduce themselves by hidden, unless by name."""
    petugas = await enrolled(engine, PETUGAS)
    urn = "whatsapp:+6281234500120"
    warga, ref = await file_report(engine, urn, identity=identity)
    await petugas.send(f"TERIMA {ref}")
    await petugas.send(f"INFO {ref} helmnya merek apa?")
    await warga.send("Merek KYT hitam. Kalau perlu hubungi saya di 0812-3450-0120 ya pak, nama saya Rudi Hartono")
    await warga.send("WA saya 081234500120 atau nol delapan satu dua tiga empat lima nol nol satu dua nol, email sy "
                     "rudi.h@gmail.com")
    assert warga.heard("relay.answer_added"), warga.text
    await petugas.send(f"TOLAK {ref} tidak ada bukti kejadian")
    await warga.send("lho kok ditolak pak, telpon saya aja di +62 812 3450 0120, ig sy @rudi_h88")
    assert warga.heard("relay.objection_sent"), warga.text
    officers_read = await deliver_to(engine, PETUGAS) + " ".join(
        e.note or "" for e in await events(engine, ref) if e.kind == EventKind.REPLY)
    assert "Merek KYT hitam" in officers_read and "lho kok ditolak pak" in officers_read
    for own in ("0812-3450-0120", "081234500120", "+62 812 3450 0120", "Rudi", "nol delapan satu dua",
                "rudi.h@gmail.com", "@rudi_h88"):
        assert (own in officers_read) != hidden, own


async def test_a_reporter_disputing_a_rejection_reaches_the_officer_who_rejected_it(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    warga, ref = await file_report(engine)
    await petugas.send(f"TOLAK {ref} tidak ada bukti kejadian")
    await deliver_to(engine, WARGA)
    await warga.send("lho kok ditolak pak, kaca mobil sy beneran dipecah maling, ada saksinya")
    assert warga.heard("relay.objection_sent") and ref in warga.text, warga.text
    relayed = await deliver_to(engine, PETUGAS)
    assert f"Pelapor {ref} menanggapi keputusan (Tidak dapat ditindaklanjuti)" in relayed, relayed
    assert "\u201clho kok ditolak pak, kaca mobil sy beneran dipecah maling, ada saksinya\u201d" in relayed, relayed
    found = await report(engine, ref)
    assert found.status == ReportStatus.REJECTED, "the report stays closed"
    [objection] = [e for e in await events(engine, ref) if e.kind == EventKind.REPLY]
    assert "ada saksinya" in (objection.note or "") and not objection.public
    stranger = Resident(engine, "console:orang-lain")
    await stranger.send("lho kok ditolak pak?")
    assert not stranger.heard("relay.objection_sent"), "no report of theirs was decided"


@pytest.mark.parametrize(("said", "word"), [
    ("{ref} sy mau nambahin info: pelakunya pake jaket ojol ijo", "reporter_added"),
    ("pak sy mau nambahin, pelakunya 2 org naik beat merah", "reporter_added"),
    ("I want to add something: the thief wore a green ojol jacket", "reporter_added"),
    ("batalin aja laporan sy pak, hpnya udh ketemu", "reporter_withdrawal"),
    ("please cancel my report, I found the phone", "reporter_withdrawal"),
    ("sy dipaksa cabut laporan sm pelaku", "reporter_added"),
])
async def test_more_told_of_a_sent_report_or_its_withdrawal_reaches_its_officer(engine: Engine, said: str,
                                                                                word: str) -> None:
    """After the report is sent, more of it, or that it is no longer needed, goes to the officer who took it: not
    a new report begun, and not "cancelled" said of a report only an officer can close."""
    petugas = await enrolled(engine, PETUGAS)
    warga, ref = await file_report(engine)
    await petugas.send(f"TERIMA {ref}")
    await deliver_to(engine, PETUGAS)
    await warga.send(said.format(ref=ref))
    sent = "relay.added_sent" if word == "reporter_added" else "relay.withdrawal_sent"
    assert (warga.heard(sent) or warga.heard(sent, "en")) and ref in warga.text, warga.text
    assert not warga.heard("report.ask_category") and "Kami baca dari pesan Anda" not in warga.text, \
        "no new report begun"
    relayed = await deliver_to(engine, PETUGAS)
    heading = "Tambahan dari pelapor" if word == "reporter_added" else "meminta laporannya dibatalkan"
    assert ref in relayed and heading in relayed, relayed
    assert said.format(ref=ref).split(":")[-1].strip()[:20] in relayed, relayed
    assert (await report(engine, ref)).status == ReportStatus.ACKNOWLEDGED, "only an officer closes it"
    [told] = [e for e in await events(engine, ref) if e.kind == EventKind.REPLY]
    assert not told.public and told.actor == "reporter"


@pytest.mark.parametrize("identity", ["2", "3"])
async def test_the_same_words_sent_again_page_the_officers_once(engine: Engine, identity: str) -> None:
    """An addition sent again word for word (a resident tapping send twice, or anyone holding an anonymous report's
    ref) is not passed on again: the officers were paged with it already. Something new still is."""
    petugas = await enrolled(engine, PETUGAS)
    warga, ref = await file_report(engine, identity=identity)
    await petugas.send(f"TERIMA {ref}")
    await deliver_to(engine, PETUGAS)
    addition = f"{ref} oh iya tambahan pak, pelakunya pake jaket ojol ijo"
    await warga.send(addition)
    assert warga.heard("relay.added_sent"), warga.text
    for _ in range(3):
        await warga.send(addition)
        assert warga.heard("relay.told_already") and not warga.heard("relay.added_sent"), warga.text
    await warga.send(f"{ref} tambahan lagi pak, motornya beat merah")
    assert warga.heard("relay.added_sent"), warga.text
    relayed = await deliver_to(engine, PETUGAS)
    assert relayed.count("jaket ojol ijo") == 1 and "beat merah" in relayed, relayed
    assert len([e for e in await events(engine, ref) if e.kind == EventKind.REPLY]) == 2


async def test_an_anonymous_reporters_withdrawal_does_not_promise_they_are_told(engine: Engine) -> None:
    await enrolled(engine, PETUGAS)
    warga, ref = await file_report(engine, identity="3")
    await deliver_to(engine, PETUGAS)
    await warga.send(f"{ref} batalin aja laporan sy pak, hpnya udh ketemu")
    assert warga.heard("relay.withdrawal_sent"), warga.text
    relayed = await deliver_to(engine, PETUGAS)
    assert "meminta laporannya dibatalkan" in relayed and "pelapor anonim tidak dapat diberi tahu" in relayed, relayed
    assert "pelapor diberi tahu" not in relayed


async def test_more_told_of_an_anonymous_report_by_its_ref_reaches_its_officers_unlinked(engine: Engine) -> None:
    """An anonymous report keeps no link to its sender: its ref, which only they and its officers have, is what
    more told of it comes by. It reaches the officers with the sender's own name and number hidden, and every time
    kept of it is a whole hour. Without the ref, nothing names the report, and a new one begins."""
    await enrolled(engine, PETUGAS)
    warga, ref = await file_report(engine, identity="3")
    await deliver_to(engine, PETUGAS)
    await warga.send(f"{ref} sy mau nambahin info: pelakunya 2 org pake motor ninja merah, sy Budi, hp 081234567890")
    assert warga.heard("relay.added_sent") and ref in warga.text, warga.text
    relayed = await deliver_to(engine, PETUGAS)
    assert "Tambahan dari pelapor" in relayed and "motor ninja merah" in relayed, relayed
    assert "081234567890" not in relayed and "Budi" not in relayed, relayed
    [told] = [e for e in await events(engine, ref) if e.kind == EventKind.REPLY]
    assert told.actor == "reporter" and told.created_at.minute == 0 and told.created_at.second == 0
    async with engine.sessions() as db:
        rows = (await db.execute(select(Outbox).where(Outbox.kind == OutboxKind.INFO_REPLY))).scalars().all()
    assert rows and all(row.hourly and {row.created_at.minute, (row.sent_at or row.created_at).minute} == {0}
                        for row in rows)
    await warga.send("sy mau nambahin info: pelakunya 2 org pake motor ninja merah")
    assert not warga.heard("relay.added_sent"), "no ref, no report of theirs to add it to"


@pytest.mark.parametrize("asked", ["kenapa laporan sy dibatalkan pak?", "gimana cara cabut laporan?",
                                   "tolong jgn dicabut laporan sy pak"])
async def test_a_question_about_withdrawing_is_no_withdrawal(engine: Engine, asked: str) -> None:
    petugas = await enrolled(engine, PETUGAS)
    warga, ref = await file_report(engine)
    await petugas.send(f"TERIMA {ref}")
    await deliver_to(engine, PETUGAS)
    await warga.send(asked)
    assert not warga.heard("relay.withdrawal_sent"), warga.text
    assert "meminta laporannya dibatalkan" not in await deliver_to(engine, PETUGAS)


async def test_an_answer_to_an_officers_question_is_quoted_and_forges_no_line(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    warga, ref = await file_report(engine)
    await petugas.send(f"INFO {ref} Siapa saksinya?")
    await warga.send("Tetangga saya.\nPelapor: Budi, 081298765432 (boleh dihubungi)\n*hubungi segera*")
    assert warga.heard("relay.answer_sent"), warga.text
    answer = await deliver_to(engine, PETUGAS)
    relayed = answer[answer.index(f"Jawaban pelapor untuk {ref}"):].splitlines()
    assert relayed[1] == ("\u201cTetangga saya. / Pelapor: Budi, 081298765432 (boleh dihubungi) / "
                          "\u2217hubungi segera\u2217\u201d"), answer
    await petugas.send(f"LIHAT {ref}")
    assert not [line for line in petugas.text.splitlines() if line.startswith("Pelapor: Budi")], petugas.text
    assert "jawaban pelapor: \u201cTetangga saya. / Pelapor: Budi" in petugas.text, "the history quotes it too"


@pytest.mark.parametrize(("typed", "shown"), [  # the look-alikes: ∗ ˍ ∼ ˋ
    ("akunnya arisan_berkah_blitar", "akunnya arisan_berkah_blitar"),  # inside a word: formats nothing, as typed
    ("a*b, 5 * 3 ~ 15, x~y, my`var", "a*b, 5 * 3 ~ 15, x~y, my`var"),   # nor alone between spaces
    ("*PENTING* _segera_ ~abaikan~ `x`", "∗PENTING∗ ˍsegeraˍ ∼abaikan∼ ˋxˋ"),
    ("_arisan_berkah_", "ˍarisan_berkahˍ"),                               # the edges of a word only
    ("(*tolong*), **dua** ```kode```", "(∗tolong∗), ∗∗dua∗∗ ˋˋˋkodeˋˋˋ"),  # beside punctuation or another mark
    ("sampai_ besok _pagi", "sampaiˍ besok ˍpagi"),                      # one that could close, one that could open
    ("baris_\n_baris", "barisˍ / ˍbaris"),                                # a line's end is an edge
])
def test_only_a_mark_that_could_format_is_made_inert(typed: str, shown: str) -> None:
    assert quoted(typed) == f"\u201c{shown}\u201d"


async def test_an_answer_keeps_the_marks_inside_its_words(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    warga, ref = await file_report(engine)
    await petugas.send(f"INFO {ref} Apa nama akun penipunya?")
    await warga.send("akunnya arisan_berkah_blitar")
    answer = await deliver_to(engine, PETUGAS)
    assert "\u201cakunnya arisan_berkah_blitar\u201d" in answer, "copied into a search, it still matches"


async def test_an_anonymous_report_gets_no_relay(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine, identity="3")
    await petugas.send(f"TERIMA {ref}")
    await petugas.send(f"SELESAI {ref} sudah ditangani")
    assert await outbox(engine, "status_update") == []
    reader = Resident(engine, "console:siapa-saja")
    await reader.send(f"STATUS {ref}")
    assert "Selesai" in reader.text and "sudah ditangani" in reader.text
    await petugas.send(f"LIHAT {ref}")
    history = [line for line in petugas.text.splitlines() if line.startswith("• ")]
    assert history and all(" sekitar " in line and ":00 " in line for line in history), \
        "its times are whole hours, and say so"


async def test_referral_moves_the_report_and_alerts_the_other_station(engine: Engine) -> None:
    sananwetan = await enrolled(engine, PETUGAS)
    sekar = await enrolled(engine, "console:sekar", station="POLSEK-SEKAR")
    _warga, ref = await file_report(engine)
    await sananwetan.send(f"RUJUK {ref} NOWHERE")
    assert sananwetan.heard("officer.unknown_station")
    await sananwetan.send(f"RUJUK {ref} polsek sananwetan")
    assert sananwetan.heard("officer.refer_own_station") and "Polsek Sananwetan" in sananwetan.text, sananwetan.text
    await sananwetan.send(f"RUJUK {ref} polsek-sekar")
    assert sananwetan.heard("officer.done.refer")
    assert sananwetan.heard("officer.referred_outside") and "Polres Bojonegoro" in sananwetan.text, sananwetan.text
    alert = await deliver_to(engine, "console:sekar")
    assert ref in alert and "↪️ Dirujuk dari Polsek Sananwetan" in alert, "the new station gets the alert, and from whom"
    await sekar.send(f"LIHAT {ref}")
    assert "Status: Diteruskan ke kantor ini, menunggu ditinjau petugas" in sekar.text, sekar.text
    await sananwetan.send(f"TERIMA {ref}")
    assert sananwetan.heard("officer.referred_away") and "Polsek Sekar" in sananwetan.text, "no longer theirs"
    await sekar.send(f"TERIMA {ref}")
    assert sekar.heard("officer.done.ack")
    relays = await deliver_to(engine, WARGA)
    assert "Diteruskan ke kantor polisi lain" in relays and "Diteruskan ke: Polsek Sekar" in relays
    assert "Catatan petugas: Polsek Sekar" not in relays, "a station is no officer's note"
    warga = Resident(engine, WARGA)
    await warga.send(f"STATUS {ref}")
    assert "WIB: Diteruskan ke Polsek Sekar" in warga.text and "WIB: Polsek Sekar" not in warga.text, warga.text


async def test_a_referral_declined_goes_back_with_no_word_of_another_polres(engine: Engine) -> None:
    """Polsek Sekar declines a report Polsek Sananwetan sent it: it goes back, and Sekar's officer was told to ask
    them to refer it back, as if Sekar had sent it outside its Polres by a slip."""
    sananwetan = await enrolled(engine, PETUGAS)
    sekar = await enrolled(engine, "console:sekar", station="POLSEK-SEKAR")
    _warga, ref = await file_report(engine)
    await sananwetan.send(f"RUJUK {ref} polsek-sekar")
    await sekar.send(f"TOLAK {ref} bukan wilayah kami")
    assert sekar.heard("officer.done.returned") and not sekar.heard("officer.referred_outside"), sekar.text
    assert await station_code(engine, await report(engine, ref)) == "POLSEK-SANANWETAN"


async def test_a_referral_within_the_polres_says_nothing_of_it(engine: Engine) -> None:
    sananwetan = await enrolled(engine, PETUGAS)
    await enrolled(engine, "console:polres", station="POLRES-BLITAR-KOTA")
    _warga, ref = await file_report(engine)
    await sananwetan.send(f"RUJUK {ref} POLRES-BLITAR-KOTA")
    assert sananwetan.heard("officer.done.refer") and not sananwetan.heard("officer.referred_outside"), sananwetan.text


async def test_a_referral_to_a_station_nobody_reads_is_confirmed_first(engine: Engine) -> None:
    """Sent away at once, to be read by no one there: the web page asks first, and so does the chat."""
    sananwetan = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    await sananwetan.send(f"RUJUK {ref} polres blitar kota")
    assert sananwetan.heard("officer.refer_confirm") and not sananwetan.heard("officer.done.refer"), sananwetan.text
    assert (await report(engine, ref)).status == ReportStatus.RECEIVED
    await sananwetan.send(f"RUJUK {ref} polres blitar kota YA")
    assert sananwetan.heard("officer.done.refer"), sananwetan.text


async def test_a_referral_may_say_why_for_the_station_it_goes_to_alone(engine: Engine) -> None:
    sananwetan = await enrolled(engine, PETUGAS)
    await enrolled(engine, "console:sekar", station="POLSEK-SEKAR")
    _warga, ref = await file_report(engine)
    await sananwetan.send(f"RUJUK {ref} POLSEK-SEKAR salah rujuk, lokasinya di kec. sekar")
    assert sananwetan.heard("officer.done.refer"), sananwetan.text
    alert = await deliver_to(engine, "console:sekar")
    assert "↪️ Dirujuk dari Polsek Sananwetan: \u201csalah rujuk, lokasinya di kec. sekar\u201d" in alert, alert
    relays = await deliver_to(engine, WARGA)
    assert "Diteruskan ke: Polsek Sekar" in relays and "salah rujuk" not in relays, "the reason is the officers'"
    sekar = Resident(engine, "console:sekar")  # enrolled above
    await sekar.send(f"LIHAT {ref}")
    assert "catatan: salah rujuk, lokasinya di kec. sekar" in sekar.text, "the reason stays in the history"


async def test_a_referral_declined_goes_back_to_the_station_that_made_it(engine: Engine) -> None:
    """Sekar declines what Sananwetan referred to it ("bukan wilayah kami"): the report was closed as "cannot be
    followed up", the resident told so, and Sananwetan never heard. It goes back to Sananwetan instead, whose
    officers are alerted with Sekar's reason; the resident reads where it went."""
    sananwetan = await enrolled(engine, PETUGAS)
    sekar = await enrolled(engine, "console:sekar", station="POLSEK-SEKAR")
    _warga, ref = await file_report(engine)
    await sananwetan.send(f"TERIMA {ref}")
    await sananwetan.send(f"RUJUK {ref} polsek-sekar")
    await deliver_to(engine, PETUGAS)
    await deliver_to(engine, WARGA)
    await sekar.send(f"TOLAK {ref} bukan wilayah kami")
    assert sekar.heard("officer.done.returned") and "Polsek Sananwetan" in sekar.text, sekar.text
    assert not sekar.heard("officer.done.reject")
    found = await report(engine, ref)
    assert found.status == ReportStatus.REFERRED and found.status != ReportStatus.REJECTED
    alert = await deliver_to(engine, PETUGAS)
    assert ref in alert and "Dikembalikan oleh Polsek Sekar" in alert and "bukan wilayah kami" in alert, alert
    relays = await deliver_to(engine, WARGA)
    assert "Dikembalikan ke: Polsek Sananwetan" in relays and "bukan wilayah kami" not in relays, relays
    assert "Diteruskan ke: Polsek Sananwetan" not in relays, "back where it was, not passed on"
    await sananwetan.send(f"TERIMA {ref}")
    assert sananwetan.heard("officer.done.ack"), "theirs again, to take or decline"
    await sananwetan.send(f"TOLAK {ref} laporan palsu")
    assert sananwetan.heard("officer.done.reject"), "declined where it was not referred to: rejected"


@pytest.mark.parametrize("decline", ["TOLAK {ref}", "tap"])
async def test_a_referral_declined_asks_a_reason_for_the_station_it_goes_back_to(engine: Engine, decline: str) -> None:
    """Declining a referral, the officer is asked a reason that the referring station's officers read, not the
    reporter (who hears only that it went back): the prompt says so, and Sananwetan's alert says it came back,
    declined, with the reason; no "new report" of its own."""
    sananwetan = await enrolled(engine, PETUGAS)
    sekar = await enrolled(engine, "console:sekar", station="POLSEK-SEKAR")
    _warga, ref = await file_report(engine)
    await sananwetan.send(f"RUJUK {ref} polsek-sekar")
    await deliver_to(engine, PETUGAS)
    await deliver_to(engine, WARGA)
    if decline == "tap":
        await deliver_to(engine, "console:sekar")
        await sekar.send(button=f"{Action.REJECT.value}:{ref}")
    else:
        await sekar.send(decline.format(ref=ref))
    assert sekar.heard("officer.ask_reason_returning") and not sekar.heard("officer.ask_reason"), sekar.text
    assert "Polsek Sananwetan" in sekar.text and "dikirim ke pelapor" not in sekar.text, sekar.text
    await sekar.send("salah rujuk ndan, gedog itu wilayah blitar")
    assert sekar.heard("officer.done.returned"), sekar.text
    alert = await deliver_to(engine, PETUGAS)
    assert "↩️ Dikembalikan oleh Polsek Sekar, yang menolak rujukan ini: \u201csalah rujuk ndan" in alert, alert
    assert f"Laporan {ref}" in alert and "Laporan baru" not in alert and "Dirujuk dari" not in alert, alert
    relays = await deliver_to(engine, WARGA)
    assert "Dikembalikan ke: Polsek Sananwetan" in relays and "salah rujuk" not in relays, relays


async def test_a_decline_of_a_stations_own_report_still_asks_a_reason_for_the_reporter(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    sekar = await enrolled(engine, "console:sekar", station="POLSEK-SEKAR")
    _warga, ref = await file_report(engine)
    await petugas.send(f"TOLAK {ref}")
    assert petugas.heard("officer.ask_reason") and not petugas.heard("officer.ask_reason_returning"), petugas.text
    await petugas.send("BATAL")
    await petugas.send(f"RUJUK {ref} polsek-sekar")
    await sekar.send(f"RUJUK {ref} polsek-sananwetan sudah benar di sana")  # sent back, not declined
    await petugas.send(f"TOLAK {ref}")
    assert petugas.heard("officer.ask_reason"), "declined where it was sent back to: the reporter reads why"


async def test_a_referral_declined_reads_back_in_english_to_the_station_it_returns_to(engine: Engine) -> None:
    sananwetan = await enrolled(engine, PETUGAS)
    sekar = await enrolled(engine, "console:sekar", station="POLSEK-SEKAR")
    _warga, ref = await file_report(engine)
    await sananwetan.send("/bahasa en")
    await sekar.send("/bahasa en")
    await sananwetan.send(f"RUJUK {ref} polsek-sekar")
    await deliver_to(engine, PETUGAS)
    await sekar.send(f"TOLAK {ref}")
    assert sekar.heard("officer.ask_reason_returning", "en") and "Polsek Sananwetan" in sekar.text, sekar.text
    await sekar.send("not our area")
    alert = await deliver_to(engine, PETUGAS)
    assert "Sent back by Polsek Sekar, which declined the referral: \u201cnot our area\u201d" in alert, alert


async def test_a_station_that_gave_a_referral_back_no_longer_follows_it(engine: Engine) -> None:
    """Declined, or referred back where it came from: the station that gave it back learns nothing more of it, as
    a station that never had it; the station that referred it away follows it until then."""
    sananwetan = await enrolled(engine, PETUGAS)
    sekar = await enrolled(engine, "console:sekar", station="POLSEK-SEKAR")
    _warga, ref = await file_report(engine)
    await sananwetan.send(f"RUJUK {ref} polsek-sekar")
    await sananwetan.send(f"LIHAT {ref}")
    assert sananwetan.heard("officer.referred_away"), "followed there, read only"
    await sekar.send(f"TOLAK {ref} bukan wilayah kami")
    await sananwetan.send(f"PROSES {ref} dicek")
    await sekar.send(f"LIHAT {ref}")
    assert sekar.heard("officer.unknown_ref") and "Sedang ditindaklanjuti" not in sekar.text, sekar.text
    await sananwetan.send(f"RUJUK {ref} polsek-sekar")
    await sekar.send(f"RUJUK {ref} polsek-sananwetan")
    await sekar.send(f"LIHAT {ref}")
    assert sekar.heard("officer.unknown_ref"), sekar.text


async def test_a_referral_declined_tells_the_resident_it_is_back_where_it_was(engine: Engine) -> None:
    """Sekar declines what Sananwetan referred to it: the report is Sananwetan's again, waiting for its officers.
    The resident's status says so, in STATUS, in the list of their reports and in the news sent them; never
    "passed on to another station" while the station that had it handles it."""
    sananwetan = await enrolled(engine, PETUGAS)
    sekar = await enrolled(engine, "console:sekar", station="POLSEK-SEKAR")
    warga, ref = await file_report(engine)
    await sananwetan.send(f"RUJUK {ref} polsek-sekar")
    await sekar.send(f"TOLAK {ref} bukan wilayah kami")
    assert sekar.heard("officer.done.returned"), sekar.text
    relays = await deliver_to(engine, WARGA)
    back = "Kembali ke kantor polisi sebelumnya, menunggu ditinjau petugas"
    assert relays.count("Diteruskan ke kantor polisi lain") == 1 and back in relays, relays
    await warga.send(f"STATUS {ref}")
    assert f"Status: {back}" in warga.text and "Ditangani oleh: Polsek Sananwetan" in warga.text, warga.text
    await warga.send("STATUS")
    assert back in warga.text and "kantor polisi lain" not in warga.text, warga.text
    await sananwetan.send(f"TERIMA {ref}")
    await warga.send(f"STATUS {ref}")
    assert "Status: Sudah dibaca petugas" in warga.text, "taken where it came back: as any report taken"


@pytest.mark.parametrize("back", ["TOLAK {ref} bukan wilayah kami", "RUJUK {ref} polsek-sananwetan"])
async def test_a_referral_declined_or_sent_back_reads_so_in_the_history_and_the_news(engine: Engine,
                                                                                   back: str) -> None:
    """Declined where it went, or referred back to the station that sent it: the officers' history, the news sent
    to the resident and their STATUS say it went back there, as its status does, not that it was passed on."""
    sananwetan = await enrolled(engine, PETUGAS)
    sekar = await enrolled(engine, "console:sekar", station="POLSEK-SEKAR")
    warga, ref = await file_report(engine)
    await sananwetan.send(f"RUJUK {ref} polsek-sekar")
    await sekar.send(back.format(ref=ref))
    await sananwetan.send(f"LIHAT {ref}")
    lines = [line for line in sananwetan.text.splitlines() if line.startswith("•")]
    assert any(line.endswith(": Diteruskan ke kantor polisi lain: Polsek Sekar") for line in lines), lines
    assert any(line.endswith(": Dikembalikan ke Polsek Sananwetan") for line in lines), lines
    assert not any("Diteruskan ke kantor polisi lain: Polsek Sananwetan" in line for line in lines), lines
    relays = await deliver_to(engine, WARGA)
    assert "Diteruskan ke: Polsek Sekar" in relays and "Dikembalikan ke: Polsek Sananwetan" in relays, relays
    await warga.send(f"STATUS {ref}")
    assert "WIB: Dikembalikan ke Polsek Sananwetan" in warga.text, warga.text
    assert "WIB: Diteruskan ke Polsek Sekar" in warga.text, "where it went first, as it was"


async def test_a_referral_sent_back_reads_so_in_english(engine: Engine) -> None:
    sananwetan = await enrolled(engine, PETUGAS)
    sekar = await enrolled(engine, "console:sekar", station="POLSEK-SEKAR")
    warga, ref = await file_report(engine)
    await warga.send("/bahasa en")
    await sananwetan.send("/bahasa en")
    await sananwetan.send(f"RUJUK {ref} polsek-sekar")
    await sekar.send(f"TOLAK {ref} not ours")
    await sananwetan.send(f"LIHAT {ref}")
    assert ": Sent back to Polsek Sananwetan" in sananwetan.text, sananwetan.text
    relays = await deliver_to(engine, WARGA)
    assert "Sent back to: Polsek Sananwetan" in relays and "Referred to: Polsek Sananwetan" not in relays, relays


async def test_a_report_referred_on_is_passed_on_where_it_never_was(engine: Engine) -> None:
    """Sananwetan refers to Sekar, Sekar on to the Polres: a station it never was at, so passed on, not back."""
    sananwetan = await enrolled(engine, PETUGAS)
    sekar = await enrolled(engine, "console:sekar", station="POLSEK-SEKAR")
    polres = await enrolled(engine, "console:polres", station="POLRES-BOJONEGORO")
    warga, ref = await file_report(engine)
    await sananwetan.send(f"RUJUK {ref} polsek-sekar")
    await warga.send(f"STATUS {ref}")
    assert "Status: Diteruskan ke kantor polisi lain" in warga.text, warga.text
    await sekar.send(f"RUJUK {ref} POLRES-BOJONEGORO")
    assert sekar.heard("officer.done.refer"), sekar.text
    await warga.send(f"STATUS {ref}")
    assert "Status: Diteruskan ke kantor polisi lain" in warga.text and "Kembali" not in warga.text, warga.text
    assert "Dikembalikan" not in warga.text and "Dikembalikan" not in await deliver_to(engine, WARGA), warga.text
    await polres.send(f"LIHAT {ref}")
    assert "Dikembalikan" not in polres.text and "Diteruskan ke kantor polisi lain: Polres" in polres.text, polres.text
    await warga.send("STATUS")
    assert "Diteruskan ke kantor polisi lain" in warga.text, warga.text


async def test_a_referral_declined_reads_back_in_english(engine: Engine) -> None:
    sananwetan = await enrolled(engine, PETUGAS)
    sekar = await enrolled(engine, "console:sekar", station="POLSEK-SEKAR")
    warga, ref = await file_report(engine)
    await warga.send("/bahasa en")
    await sananwetan.send(f"RUJUK {ref} polsek-sekar")
    await sekar.send(f"TOLAK {ref} not ours")
    await warga.send(f"STATUS {ref}")
    assert "Status: Back with the previous police station, waiting for an officer" in warga.text, warga.text

async def named(engine: Engine, urn: str, name: str) -> None:
    """Names the officer enrolled at `urn` as their station's list has them."""
    async with engine.sessions() as db, db.begin():
        officer = (await db.execute(select(Officer).order_by(Officer.id.desc()))).scalars().first()
        assert officer is not None
        officer.name = name


async def test_a_report_taken_by_a_colleague_first_says_who_and_what_is_left(engine: Engine) -> None:
    """Two officers alerted, one report: the second to tap Terima reads who took it (rank and name) and when, and
    is offered what they can still do on it, as buttons."""
    rina = await enrolled(engine, PETUGAS)
    await named(engine, PETUGAS, "Aiptu Rina")
    budi = await enrolled(engine, "console:budi")
    await named(engine, "console:budi", "Bripda Budi")
    _warga, ref = await file_report(engine)
    await rina.send(button=f"ack:{ref}")
    assert rina.heard("officer.done.ack"), rina.text
    await budi.send(button=f"ack:{ref}")
    assert budi.heard("officer.taken_by") and "Aiptu Rina sudah lebih dulu menindak" in budi.text, budi.text
    assert "Sudah dibaca petugas" in budi.text and "WIB" in budi.text, budi.text
    assert budi.options() == [f"{label} {ref}" for label in ("Proses", "Selesai", "Minta info", "Rujuk", "Duplikat",
                                                             "Tolak")], budi.options()
    await budi.send("1")
    assert budi.heard("officer.done.progress"), "the button numbered answers"
    await rina.send(f"SELESAI {ref} pelaku diamankan")
    await budi.send(f"PROSES {ref}")
    assert "Aiptu Rina sudah lebih dulu" in budi.text and "Selesai" in budi.text, budi.text
    assert budi.options() == [f"Buka kembali {ref}"], budi.options()


async def test_an_action_refused_after_ones_own_says_the_status_alone(engine: Engine) -> None:
    rina = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    await rina.send(f"TERIMA {ref}")
    await rina.send(f"TERIMA {ref}")
    assert rina.heard("officer.not_allowed") and not rina.heard("officer.taken_by"), rina.text


async def test_a_colleagues_take_reads_in_english(engine: Engine) -> None:
    rina = await enrolled(engine, PETUGAS)
    await named(engine, PETUGAS, "Aiptu Rina")
    budi = await enrolled(engine, "console:budi")
    await budi.send("/bahasa en")
    _warga, ref = await file_report(engine)
    await rina.send(f"TERIMA {ref}")
    await budi.send(f"ACK {ref}")
    assert budi.heard("officer.taken_by", "en") and "Aiptu Rina acted on report" in budi.text, budi.text


async def test_a_whole_command_typed_where_its_note_is_asked_takes_its_place(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    await petugas.send(f"TOLAK {ref} ok")
    assert petugas.heard("officer.ask_reason"), petugas.text
    await petugas.send(f"TOLAK {ref} laporan ganda dengan yang kemarin")
    assert petugas.heard("officer.done.reject") and not petugas.heard("officer.ask_reason"), petugas.text
    assert (await report(engine, ref)).status == ReportStatus.REJECTED
    assert await step_of(engine, petugas) == "menu", "no reason is waited for any more"


async def test_a_command_that_cannot_be_taken_leaves_the_action_waiting_for_its_note(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    await petugas.send(f"TOLAK {ref} ok")
    await petugas.send("TERIMA LP-ZZZZ-ZZZZ")
    assert petugas.heard("officer.unknown_ref") and petugas.heard("officer.ask_reason"), petugas.text
    await petugas.send("laporan ganda dengan yang kemarin")
    assert petugas.heard("officer.done.reject"), petugas.text
    assert (await report(engine, ref)).status == ReportStatus.REJECTED


@READING_ON_SQLITE
@pytest.mark.parametrize("typed", ["polsek sekar", "Polsek Sekar", "POLSEK - SEKAR", "sekar"])
async def test_a_station_is_named_however_typed_and_a_wrong_one_put_right_next(engine: Engine, typed: str) -> None:
    sananwetan = await enrolled(engine, PETUGAS)
    await enrolled(engine, "console:sekar", station="POLSEK-SEKAR")
    _warga, ref = await file_report(engine)
    await sananwetan.send(f"rujuk {ref} {typed}")
    assert sananwetan.heard("officer.done.refer"), sananwetan.text
    _other, second = await file_report(engine, "console:lain", description="Helm dicuri di parkiran pasar pagi")
    await sananwetan.send(f"rujuk {second} polsek sekarr")
    assert sananwetan.heard("officer.unknown_station")
    await sananwetan.send(typed)
    assert sananwetan.heard("officer.done.refer"), "the code typed next is the one the referral waited for"
    assert (await report(engine, second)).status == ReportStatus.REFERRED


async def test_station_isolation(engine: Engine) -> None:
    await enrolled(engine, PETUGAS)
    sekar = await enrolled(engine, "console:sekar", station="POLSEK-SEKAR")
    _warga, ref = await file_report(engine)  # Polsek Sananwetan's
    for command in (f"TERIMA {ref}", f"SELESAI {ref} ditutup", f"TOLAK {ref} bukan urusan", f"LIHAT {ref}"):
        await sekar.send(command)
        assert sekar.heard("officer.unknown_ref"), "another station's report is not found, whatever is asked"
        assert "Motor tetangga" not in sekar.text
    await sekar.send(button=f"ack:{ref}")
    assert sekar.heard("officer.unknown_ref")
    await sekar.send(button=f"resolve:{ref}")
    assert sekar.heard("officer.unknown_ref") and not sekar.heard("officer.ask_note")
    await sekar.send("terbuka")
    assert sekar.heard("officer.no_open")
    assert (await report(engine, ref)).status == ReportStatus.RECEIVED


async def test_a_revoked_officer_is_refused(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    [officer] = await officers(engine)
    async with engine.sessions() as db, db.begin():
        await revoke(db, officer.id, utcnow())
    await petugas.send(f"/terima {ref}")
    assert petugas.heard("officer.only")
    await petugas.send(f"TERIMA {ref}")
    assert not petugas.heard("officer.done.ack")
    await petugas.send("terbuka")
    assert not petugas.heard("officer.open_list")
    assert (await report(engine, ref)).status == ReportStatus.RECEIVED


async def test_residents_words_that_look_like_commands_stay_words(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send("/terbuka")
    assert resident.heard("officer.only")
    await resident.send("info")
    assert resident.heard("help.text"), "'info' is still help for a resident"
    await walk_to_summary(Resident(engine, "console:lain"),
                          description="Selesai pengajian ada yang terima paket mencurigakan di masjid")
    petugas = await enrolled(engine, PETUGAS)
    await petugas.send("terima kasih")
    assert petugas.heard("officer.not_understood")


async def test_a_residents_action_on_a_report_is_refused_as_an_officers_command(engine: Engine) -> None:
    warga, ref = await file_report(engine)
    tetangga = Resident(engine, "console:tetangga")
    await tetangga.send("halo")
    for typed in (f"TERIMA {ref}", f"selesai {ref}", f"tolak {ref.lower()}", f"proses {ref} pak",
                  "TERIMA LP-20261207-0001", "tolak lp/b/123/xii/2026", "rujuk LP 20261207 0001", f"/terima {ref}"):
        for resident in (warga, tetangga):
            await resident.send(typed)
            assert resident.heard("officer.only") and not resident.heard("menu.not_understood"), (typed, resident.text)
    await tetangga.send("english")
    for typed in (f"ACK {ref}", f"resolve {ref}", f"reject {ref} please"):
        await tetangga.send(typed)
        assert tetangga.heard("officer.only", "en"), (typed, tetangga.text)
    assert (await report(engine, ref)).status == ReportStatus.RECEIVED, "nothing acted on"
    await warga.send(f"lihat {ref}")
    assert ref in warga.text and not warga.heard("officer.only"), "LIHAT is a resident's look at their own report"
    await warga.send(f"selesai {ref}, hp sy udh ketemu pak")
    assert not warga.heard("officer.only"), "words that go on tell of their own report"
    await warga.send("terima kasih pak")
    assert not warga.heard("officer.only")


async def test_the_open_list_is_urgent_first_newest_first_ten_at_a_time(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    refs = [(await file_report(engine, f"console:w{n}"))[1] for n in range(11)]
    _urgent, urgent = await file_report(engine, "console:darurat",
                                        description="Tolong saya, ada begal di depan gang sekarang")
    await petugas.send("terbuka")
    assert petugas.heard("officer.open_list")
    listed = [find_ref(label) for label in petugas.options()]
    assert len(listed) == 10
    assert listed[0] == urgent and listed[1:] == refs[::-1][:9]
    assert f"{refs[-1]} · Gangguan keamanan & kriminalitas · Kel. Gedog · " in petugas.text, "where, on a phone"
    assert "TERBUKA 2" in petugas.text
    await petugas.send("TERBUKA 2")
    assert [find_ref(label) for label in petugas.options()] == refs[:2][::-1]
    await petugas.send("2")
    assert petugas.heard("officer.report") and refs[0] in petugas.text, "a number opens the listed report"


async def test_the_report_view_shows_its_history(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    await petugas.send(f"TERIMA {ref}")
    await petugas.send(ref)
    assert petugas.heard("officer.report")
    assert "Bripka Santoso: Sudah dibaca petugas" in petugas.text
    await petugas.send("1")  # taken: Terima is not offered again, Proses comes first
    assert petugas.heard("officer.done.progress"), "numbers answer the report just shown"


# What officers could do before the status table, written out by action: (leads to, may be taken from).
S = ReportStatus
_NEW, _TAKEN = {S.RECEIVED, S.REFERRED}, {S.ACKNOWLEDGED}
_OPEN = {S.RECEIVED, S.REFERRED, S.ACKNOWLEDGED, S.IN_PROGRESS, S.NEED_INFO}
BY_ACTION = {
    Action.ACKNOWLEDGE: (S.ACKNOWLEDGED, _NEW),
    Action.PROGRESS: (S.IN_PROGRESS, _NEW | _TAKEN | {S.NEED_INFO}),
    Action.NEED_INFO: (S.NEED_INFO, _NEW | _TAKEN | {S.IN_PROGRESS}),
    Action.RESOLVE: (S.RESOLVED, _OPEN),
    Action.REFER: (S.REFERRED, _OPEN),
    Action.DUPLICATE: (S.DUPLICATE, _OPEN),
    Action.REJECT: (S.REJECTED, _OPEN),
}
# The reporter's answer takes a report waiting for it back to where it was before the question; what they add right
# after leaves it there.
BY_ANSWER = {(S.NEED_INFO, S.ACKNOWLEDGED), (S.NEED_INFO, S.IN_PROGRESS), (S.ACKNOWLEDGED, S.ACKNOWLEDGED),
             (S.IN_PROGRESS, S.IN_PROGRESS)}


def _allowed(from_status: ReportStatus, to_status: ReportStatus, kind: EventKind) -> bool:
    try:
        check_status_change(from_status, to_status, kind)
    except StatusChangeNotAllowed:
        return False
    return True


# A reopening takes a report closed by a decision back to work; a duplicate stays one.
BY_REOPENING = {(S.RESOLVED, S.IN_PROGRESS), (S.REJECTED, S.IN_PROGRESS)}


@pytest.mark.parametrize("kind", [EventKind.STATUS, EventKind.REPLY, EventKind.REOPEN])
@pytest.mark.parametrize("to_status", list(ReportStatus))
@pytest.mark.parametrize("from_status", list(ReportStatus))
def test_the_status_table_allows_what_officers_and_answers_could_do(
        from_status: ReportStatus, to_status: ReportStatus, kind: EventKind) -> None:
    if kind == EventKind.REPLY:
        expected = (from_status, to_status) in BY_ANSWER
    elif kind == EventKind.REOPEN:
        expected = (from_status, to_status) in BY_REOPENING
    else:
        expected = any(to == to_status and from_status in before for to, before in BY_ACTION.values())
    assert _allowed(from_status, to_status, kind) == expected
    assert not (expected and from_status in CLOSED_STATUSES and kind != EventKind.REOPEN), \
        "a closed report stays closed, unless an officer reopens it"


def test_every_action_leads_to_a_status_of_its_own() -> None:
    assert set(LEADS_TO) == set(Action)
    changes = set(Action) - set(EVENT_OF)  # a reopening leads to "in progress" by its own table
    assert len({LEADS_TO[action] for action in changes}) == len(changes)
    assert {to for to, _before in BY_ACTION.values()} == {LEADS_TO[action] for action in changes}
    assert {LEADS_TO[action] for action in EVENT_OF} == {to for _from, to in BY_REOPENING}
    assert set(OPEN_STATUSES) | set(CLOSED_STATUSES) == set(ReportStatus)
    assert not set(OPEN_STATUSES) & set(CLOSED_STATUSES)


async def test_a_status_change_around_the_table_is_refused_and_changes_nothing(engine: Engine) -> None:
    _warga, ref = await file_report(engine)
    async with engine.sessions() as db, db.begin():
        found = await report_by_ref(db, ref, lock=True)
        assert found is not None
        office = Office(db, engine.cipher, engine.router, engine.escalation, utcnow())
        await change_status(office, found, S.RESOLVED, "system", "selesai")
        with pytest.raises(StatusChangeNotAllowed):
            await change_status(office, found, S.IN_PROGRESS, "system", None)
    assert (await report(engine, ref)).status == S.RESOLVED
    assert [e.to_status for e in await events(engine, ref)] == [S.RECEIVED, S.RESOLVED]


# --- escalation -------------------------------------------------------------------------------------

async def test_an_unacknowledged_alert_goes_again_then_to_the_head(engine: Engine) -> None:
    await enrolled(engine, PETUGAS)
    await enrolled(engine, "console:piket2")
    await enrolled(engine, "console:kapolsek", role=OfficerRole.HEAD)
    _warga, ref = await file_report(engine)
    filed = utcnow()
    assert len(await outbox(engine, "officer_alert")) == 2
    assert await engine.escalate(now=filed + dt.timedelta(minutes=59)) == 0, "not yet"
    assert await engine.escalate(now=filed + dt.timedelta(minutes=61)) == 1
    alerts = await outbox(engine, "officer_alert")
    assert len(alerts) == 4 and "BELUM DITANGGAPI 61 MENIT" in payload(alerts[-1])["text"]
    assert "Laporan baru" not in payload(alerts[-1])["text"], "alerted again, not a new report"
    assert await engine.escalate(now=filed + dt.timedelta(minutes=62)) == 0, "each round once"
    assert await engine.escalate(now=filed + dt.timedelta(minutes=122)) == 1
    to_head = (await outbox(engine, "officer_alert"))[4:]
    assert len(to_head) == 1 and "BELUM DITANGGAPI 122 MENIT" in payload(to_head[0])["text"]
    head = [o for o in await officers(engine) if o.role == OfficerRole.HEAD]
    assert [row.contact_id for row in to_head] == [head[0].contact_id]
    assert await engine.escalate(now=filed + dt.timedelta(days=1)) == 0, "after the head, no more rounds"
    rounds = [e.note for e in await events(engine, ref) if e.kind == EventKind.ESCALATION]
    assert rounds == ["duty", "head"]
    kapolsek = Resident(engine, "console:kapolsek")
    await kapolsek.send(f"LIHAT {ref}")
    assert "diteruskan ke Kapolsek" in kapolsek.text, "escalations show in the report's history"


async def test_a_referred_reports_escalation_counts_from_the_referral_and_says_from_where(engine: Engine) -> None:
    """Filed hours ago at another station, it has waited here only since it was referred: "240 minutes" would tell
    the officers here of a delay that was not theirs."""
    sananwetan = await enrolled(engine, PETUGAS)
    await enrolled(engine, "console:sekar", "POLSEK-SEKAR")
    _warga, ref = await file_report(engine)
    async with engine.sessions() as db, db.begin():
        filed = (await db.execute(select(Report).where(Report.ref == ref))).scalar_one()
        filed.created_at -= dt.timedelta(hours=3)
    await sananwetan.send(f"RUJUK {ref} POLSEK-SEKAR")
    referred = utcnow()
    assert await engine.escalate(now=referred + dt.timedelta(minutes=61)) == 1
    heading = payload((await outbox(engine, "officer_alert"))[-1])["text"].split("\n")[0]
    assert heading == "⏰ BELUM DITANGGAPI 61 MENIT sejak dirujuk dari Polsek Sananwetan", heading


async def test_an_urgent_report_escalates_after_five_minutes_and_an_acknowledged_one_never(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    _urgent, urgent = await file_report(engine, "console:darurat",
                                        description="Tolong saya, ada begal di depan gang sekarang")
    _calm, calm = await file_report(engine)
    await petugas.send(f"TERIMA {calm}")
    filed = utcnow()
    assert await engine.escalate(now=filed + dt.timedelta(minutes=6)) == 1
    assert (await report(engine, urgent)).escalations == 1
    assert await engine.escalate(now=filed + dt.timedelta(hours=3)) == 1  # the urgent one's head round
    assert (await report(engine, calm)).escalations == 0


# --- patrol notes -----------------------------------------------------------------------------------

async def test_a_patrol_note_with_two_concerns(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    await petugas.send("/patroli")
    assert petugas.heard("patrol.ask_place")
    for said in ("Gedog Sananwetan", "1"):
        await petugas.send(said)
    for said in ("banyak", "25 lalu lintas"):
        await petugas.send(said)
        assert petugas.heard("patrol.met_invalid"), "no one number of residents"
    for said in ("ketemu 25an orang", "lalu lintas", "Balap liar tiap malam minggu di jalan raya",
                 "iya", "5", "Peredaran sabu di warung ujung gang", "tidak ada lagi", "ya"):
        await petugas.send(said)
    assert petugas.heard("patrol.saved"), petugas.text
    async with engine.sessions() as db:
        [note] = (await db.execute(select(PatrolNote))).scalars()
        concerns = list((await db.execute(select(Report).where(Report.patrol_note_id == note.id)
                                          .order_by(Report.id))).scalars())
    assert (note.residents_met, note.follow_up, note.village_code) == (25, True, "35.72.03.1001")
    assert [c.category.value for c in concerns] == ["traffic", "drugs"]
    assert all(c.source == ReportSource.PATROL and c.status == ReportStatus.ACKNOWLEDGED and c.contact_id is None
               and c.escalate_at is None for c in concerns)
    assert await outbox(engine) == [], "a patrol's concerns alert no one and relay to no one"
    head = await enrolled(engine, "console:kapolsek", role=OfficerRole.HEAD)
    await head.send("DIGEST")
    said = ("• Kel. Gedog (Bripka Santoso): 25 warga; keluhan: Lalu lintas \u201cBalap liar tiap malam minggu di "
            "jalan…\u201d; Narkoba \u201cPeredaran sabu di warung ujung gang\u201d · perlu tindak lanjut")
    assert said in head.text, "where, who, what was raised: the next patrol is planned from it"
    await head.send(f"LIHAT {concerns[0].ref}")
    assert "Pelapor: warga saat patroli dialogis, dicatat Bripka Santoso" in head.text, "not \"anonim\""


async def test_a_patrol_can_be_cancelled_and_is_for_officers_only(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send("/patroli")
    assert resident.heard("officer.only")
    petugas = await enrolled(engine, PETUGAS)
    await petugas.send("patroli")
    await petugas.send("Pasar Legi")
    await petugas.send("batal")
    assert petugas.heard("patrol.cancelled")
    async with engine.sessions() as db:
        assert (await db.execute(select(func.count()).select_from(PatrolNote))).scalar_one() == 0


@pytest.mark.parametrize(("said", "met"), [("dua puluh orang", 20), ("tiga belas warga", 13), ("sebelas", 11),
                                           ("ada 7 bapak2 dan 3 ibu2", 10), ("seratus lima orang", 105),
                                           ("5 - bapak2", 5)])
def test_residents_met_may_be_counted_in_words_or_added_up(said: str, met: int) -> None:
    assert patrol.met_count(said) == met


@pytest.mark.parametrize("said", ["belasan warga", "12 15", "puluh", "hari ini ramai", "-5", "- 5 orang",
                                  "\u22125", "minus 3 warga", "sekitar -20"])
def test_residents_met_as_no_one_number_are_asked_again(said: str) -> None:
    assert patrol.met_count(said) is None


async def test_a_patrol_concerns_times_keep_their_minutes_and_agree(engine: Engine) -> None:
    """A concern taken down on patrol is anonymous, but no resident sent it: its times keep their minutes, as its
    note's do, and it was never updated before it was made. A resident's anonymous report keeps whole hours."""
    petugas = await enrolled(engine, PETUGAS)
    for said in ("patroli", "Gedog Sananwetan", "1", "12 orang", "lalu lintas",
                 "Balap liar tiap malam minggu di jalan raya", "2", "ya"):
        await petugas.send(said)
    assert petugas.heard("patrol.saved"), petugas.text
    _warga, anonymous_ref = await file_report(engine, identity="3")
    async with engine.sessions() as db:
        note = (await db.execute(select(PatrolNote))).scalar_one()
        concern = (await db.execute(select(Report).where(Report.patrol_note_id == note.id))).scalar_one()
        times = list((await db.execute(select(ReportEvent.created_at)
                                       .where(ReportEvent.report_id == concern.id))).scalars())
    assert concern.created_at == note.created_at <= concern.updated_at, (note.created_at, concern.updated_at)
    assert all(at >= concern.created_at for at in times), times
    await petugas.send(f"PROSES {concern.ref} dicek sabhara")
    assert (await report(engine, concern.ref)).updated_at >= concern.created_at
    anonymous = await report(engine, anonymous_ref)
    assert (anonymous.created_at.minute, anonymous.created_at.second) == (0, 0), "a resident's: the whole hour"
    assert anonymous.updated_at is None or (anonymous.updated_at.minute, anonymous.updated_at.second) == (0, 0)


async def test_batal_at_a_later_concern_drops_that_concern_and_keeps_the_note(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    for said in ("patroli", "Gedog Sananwetan", "1", "12 orang", "lalu lintas",
                 "Balap liar tiap malam minggu di jalan raya", "iya", "5"):
        await petugas.send(said)
    await petugas.send("batal")
    assert petugas.heard("patrol.concern_dropped") and petugas.heard("patrol.ask_follow_up"), petugas.text
    await petugas.send("tidak")
    assert petugas.heard("patrol.saved"), petugas.text
    async with engine.sessions() as db:
        [note] = (await db.execute(select(PatrolNote))).scalars()
        concerns = (await db.execute(select(Report.description).where(Report.patrol_note_id == note.id))).scalars()
        assert (note.residents_met, note.follow_up, list(concerns)) == (
            12, False, ["Balap liar tiap malam minggu di jalan raya"])
    for said in ("patroli", "Gedog Sananwetan", "1", "3 orang", "lalu lintas", "Parkir liar di depan pasar tiap pagi",
                 "iya", "narkoba", "batal"):
        await petugas.send(said)
    assert petugas.heard("patrol.concern_dropped")
    await petugas.send("batal")
    assert petugas.heard("patrol.cancelled"), "a second BATAL drops the whole note"
    for said in ("patroli", "Gedog Sananwetan", "1", "15 orang", "lalu lintas", "Parkir liar di depan pasar tiap pagi"):
        await petugas.send(said)
    await petugas.send("batal")  # at "Ada keluhan lain?"
    assert petugas.heard("patrol.concerns_kept") and petugas.heard("patrol.ask_follow_up"), petugas.text
    await petugas.send("ya")
    assert petugas.heard("patrol.saved"), petugas.text
    async with engine.sessions() as db:
        assert (await db.execute(select(func.count()).select_from(PatrolNote))).scalar_one() == 2


@pytest.mark.parametrize(("answer", "follow_up"), [("ya perlu", True), ("gk perlu pak", False)])
async def test_the_follow_up_question_takes_perlu_as_said(engine: Engine, answer: str, follow_up: bool) -> None:
    petugas = await enrolled(engine, PETUGAS)
    for said in ("/patroli", "Gedog Sananwetan", "1", "ketemu 25an orang", "lalu lintas",
                 "Balap liar tiap malam minggu di jalan raya", "tidak ada lagi"):
        await petugas.send(said)
    assert petugas.heard("patrol.ask_follow_up"), petugas.text
    await petugas.send(answer)
    assert petugas.heard("patrol.saved") and not petugas.heard("common.not_a_choice"), petugas.text
    async with engine.sessions() as db:
        [note] = (await db.execute(select(PatrolNote))).scalars()
    assert note.follow_up is follow_up


async def test_batal_at_the_follow_up_question_keeps_the_concerns_once(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    for said in ("patroli", "Gedog Sananwetan", "1", "12 orang", "lalu lintas",
                 "Balap liar tiap malam minggu di jalan raya", "tidak ada lagi"):
        await petugas.send(said)
    assert petugas.heard("patrol.ask_follow_up"), petugas.text
    await petugas.send("batal")
    assert petugas.heard("patrol.concerns_kept") and petugas.heard("patrol.ask_follow_up"), petugas.text
    await petugas.send("batal")
    assert petugas.heard("patrol.cancelled"), "a second BATAL drops the whole note"
    async with engine.sessions() as db:
        assert (await db.execute(select(func.count()).select_from(PatrolNote))).scalar_one() == 0


@pytest.mark.parametrize("none", ["8", "Tidak ada keluhan", "nihil", "gak ada pak", "nihil, warga aman2 saja"])
async def test_a_patrol_where_no_concern_was_raised_is_saved_without_one(engine: Engine, none: str) -> None:
    petugas = await enrolled(engine, PETUGAS)
    for said in ("patroli", "Gedog Sananwetan", "1", "20 warga"):
        await petugas.send(said)
    assert "Tidak ada keluhan" in petugas.options(), petugas.options()
    await petugas.send(none)
    assert petugas.heard("patrol.ask_follow_up"), petugas.text
    await petugas.send("tidak")
    assert petugas.heard("patrol.saved_no_concerns"), petugas.text
    async with engine.sessions() as db:
        [note] = (await db.execute(select(PatrolNote))).scalars()
        assert note.residents_met == 20 and (await db.execute(select(Report))).first() is None


@pytest.mark.parametrize("done", ["nihil", "gak ada lagi", "udah itu aja pak", "tidak"])
async def test_asked_the_next_concerns_kind_no_more_ends_the_list(engine: Engine, done: str) -> None:
    """"Ada keluhan lain?" answered yes, then "Keluhan ke-2: tentang apa?" answered that there is none: the note
    goes on to its follow-up with the one concern told, not round the kinds again until BATAL."""
    petugas = await enrolled(engine, PETUGAS)
    for said in ("patroli", "Gedog Sananwetan", "1", "20 warga", "Peredaran sabu di warung ujung gang", "ya"):
        await petugas.send(said)
    assert petugas.heard("patrol.ask_category"), petugas.text
    await petugas.send(done)
    assert petugas.heard("patrol.ask_follow_up") and not petugas.heard("common.not_a_choice"), petugas.text
    await petugas.send("tidak")
    async with engine.sessions() as db:
        [concern] = (await db.execute(select(Report))).scalars()
    assert concern.category.value == "drugs"


async def test_a_concern_typed_before_its_kind_is_noted_with_the_kind_its_words_name(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    for said in ("patroli", "Gedog Sananwetan", "1", "20 warga", "Peredaran sabu di warung ujung gang"):
        await petugas.send(said)
    assert petugas.heard("patrol.ask_more") and not petugas.heard("common.not_a_choice"), petugas.text
    for said in ("selesai", "tidak"):
        await petugas.send(said)
    async with engine.sessions() as db:
        [concern] = (await db.execute(select(Report))).scalars()
    assert (concern.category.value, concern.description) == ("drugs", "Peredaran sabu di warung ujung gang")


@pytest.mark.parametrize(("typed", "first"), [("balai RW 05 plosokerep", "Kel. Plosokerep, Kec. Sananwetan"),
                                              ("lapangan klampok", "Kel. Klampok, Kec. Sananwetan"),
                                              ("plosokrep", "Kel. Plosokerep, Kec. Sananwetan"),
                                              ("Balai desa Klampok Kabupaten Malang", "Desa Klampok, Kec. Singosari")])
async def test_a_patrol_place_of_the_officers_own_area_is_offered_first(engine: Engine, typed: str,
                                                                        first: str) -> None:
    """Plosokerep is a village in four kab/kota: the officer's patrol was on their own beat, unless the words name
    another kab/kota."""
    petugas = await enrolled(engine, PETUGAS)
    for said in ("patroli", typed):
        await petugas.send(said)
    assert petugas.options()[0].startswith(first), petugas.options()


@pytest.mark.parametrize(("said", "asked"), [("nggak ada keluhan lagi", "patrol.ask_follow_up"),
                                             ("sekian dulu pak", "patrol.ask_follow_up"),
                                             ("sudah dicatat semua", "patrol.ask_follow_up"),
                                             ("tambah satu lagi", "patrol.ask_category"),
                                             ("masih ada satu lagi pak", "patrol.ask_category")])
async def test_words_about_the_list_of_concerns_are_no_concern(engine: Engine, said: str, asked: str) -> None:
    petugas = await enrolled(engine, PETUGAS)
    for message in ("patroli", "Gedog Sananwetan", "1", "20 warga", "Peredaran sabu di warung ujung gang", said):
        await petugas.send(message)
    assert petugas.heard(asked), petugas.text
    if asked == "patrol.ask_category":  # the next concern's kind, then its words: nothing of "tambah" kept
        for message in ("sosial", "warga minta ronda malam dihidupkan lagi", "selesai", "tidak"):
            await petugas.send(message)
    else:
        await petugas.send("tidak")
    async with engine.sessions() as db:
        texts = [report.description for report in (await db.execute(select(Report).order_by(Report.id))).scalars()]
    assert said not in texts and texts[0] == "Peredaran sabu di warung ujung gang", texts


async def test_the_kind_asked_for_a_concern_told_is_its_kind_and_nothing_else(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    for message in ("patroli", "Gedog Sananwetan", "1", "20 warga", "Peredaran sabu di warung ujung gang",
                    "warga minta ronda malam dihidupkan lagi"):
        await petugas.send(message)
    assert petugas.heard("patrol.ask_category"), petugas.text
    await petugas.send("ada juga balap liar tiap malam minggu")  # no kind: asked again, the words kept
    assert petugas.heard("common.not_a_choice"), petugas.text
    for message in ("sosial", "selesai", "tidak"):
        await petugas.send(message)
    async with engine.sessions() as db:
        reports = (await db.execute(select(Report).order_by(Report.id))).scalars().all()
    assert [(r.category.value, r.description) for r in reports][1:] == [
        ("social", "warga minta ronda malam dihidupkan lagi")]


async def test_the_next_concern_typed_where_another_is_offered_is_noted(engine: Engine) -> None:
    """At "Ada keluhan lain?" the next concern told at once: with the kind its words name, or its kind asked and
    the words kept; "itu aja pak makasih" ends the list."""
    petugas = await enrolled(engine, PETUGAS)
    for said in ("patroli", "Gedog Sananwetan", "1", "20 warga", "Peredaran sabu di warung ujung gang",
                 "ada juga yg ngeluh balap liar tiap malam minggu"):
        await petugas.send(said)
    assert petugas.heard("patrol.ask_more") and not petugas.heard("common.not_a_choice"), petugas.text
    await petugas.send("warga minta ronda malam dihidupkan lagi")
    assert petugas.heard("patrol.ask_category"), petugas.text
    await petugas.send("lainnya")
    assert petugas.heard("patrol.ask_more"), petugas.text
    for said in ("itu aja pak makasih", "tidak"):
        await petugas.send(said)
    assert petugas.heard("patrol.saved"), petugas.text
    async with engine.sessions() as db:
        concerns = (await db.execute(select(Report).order_by(Report.id))).scalars().all()
    assert [(concern.category.value, concern.description) for concern in concerns] == [
        ("drugs", "Peredaran sabu di warung ujung gang"),
        ("traffic", "ada juga yg ngeluh balap liar tiap malam minggu"),
        ("other", "warga minta ronda malam dihidupkan lagi")]
    # the patrol priorities count a concern at the hour its words name, not the hour it was logged
    assert [concern.occurred_hour for concern in concerns] == [None, 21, 21]


async def test_no_concerns_is_offered_only_before_the_first_is_noted(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    for said in ("patroli", "Gedog Sananwetan", "1", "20 warga", "lalu lintas", "Balap liar di jalan raya", "iya"):
        await petugas.send(said)
    assert petugas.heard("patrol.ask_category") and "Tidak ada keluhan" not in petugas.options(), petugas.options()


# --- the outbox commands ----------------------------------------------------------------------------

async def test_failed_rows_are_listed_and_sent_again_by_hand(engine: Engine, tmp_path: Path,
                                                             database_url: str) -> None:
    await enrolled(engine, "telegram:900001")
    _warga, ref = await file_report(engine)
    # No Telegram channel in this dispatcher: the alert fails for good, with the reason.
    assert await Dispatcher(engine.sessions, engine.cipher, {}).run_once() == 1
    listed = await asyncio.to_thread(partial(lapor, data_dir=tmp_path, database_url=database_url),
                                     "outbox", "list", "--state", "failed",
                                     "--json")
    assert listed.returncode == 0, listed.stderr
    [row] = json.loads(listed.stdout)
    assert (row["kind"], row["ref"], row["channel"], row["last_error"]) == (
        "officer_alert", ref, "telegram", "no telegram channel configured")
    assert "900001" not in listed.stdout, "recipients stay encrypted"
    retried = await asyncio.to_thread(partial(lapor, data_dir=tmp_path, database_url=database_url),
                                      "outbox", "retry", str(row["id"]))
    assert retried.returncode == 0, retried.stderr
    [again] = await outbox(engine, "officer_alert")
    assert (again.state, again.attempts) == (OutboxState.PENDING, 0)
    twice = await asyncio.to_thread(partial(lapor, data_dir=tmp_path, database_url=database_url),
                                    "outbox", "retry", str(row["id"]))
    assert twice.returncode == 1 and "no failed outbox row" in twice.stderr


# --- what the review and the trial found ------------------------------------------------------------

async def test_a_number_answers_the_message_that_came_last(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    warga, first = await file_report(engine)
    _other, second = await file_report(engine, "console:lain")
    await deliver_to(engine, PETUGAS)
    await petugas.send(f"INFO {first} Warna motornya?")
    await deliver_to(engine, WARGA)
    await petugas.send(second)  # the officer opens the other report…
    await warga.send("Merah")   # …and the answer about the first arrives
    answer = await deliver_to(engine, PETUGAS)
    assert first in answer and "1. Proses" in answer and "Terima" not in answer, "acknowledged with the question"
    await petugas.send("1")
    assert petugas.heard("officer.confirm_number") and first in petugas.text
    await petugas.send("1")
    assert (await report(engine, first)).status == ReportStatus.IN_PROGRESS
    assert (await report(engine, second)).status == ReportStatus.RECEIVED


async def test_words_with_an_acknowledgement_stay_among_officers(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    await petugas.send(f"PROSES {ref} internal: cek CCTV warung dulu")
    relay = await deliver_to(engine, WARGA)
    assert "Sedang ditindaklanjuti" in relay and "CCTV" not in relay
    reader = Resident(engine, WARGA)
    await reader.send(f"STATUS {ref}")
    assert "CCTV" not in reader.text
    await petugas.send(f"LIHAT {ref}")
    assert "internal: cek CCTV warung dulu" in petugas.text, "the note is in the officers' history"
    assert f"Laporan {ref}" in petugas.text and "Laporan baru" not in petugas.text, "looked up, not new"


async def test_a_note_must_say_something_and_a_command_word_is_no_note(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    await petugas.send(f"SELESAI {ref}")
    for said, answer in (("👍", "officer.note_invalid"), ("TERIMA", "officer.usage"), ("", "officer.note_invalid")):
        await petugas.send(said)
        assert petugas.heard(answer), said
        assert (await report(engine, ref)).status == ReportStatus.RECEIVED, said
    await petugas.send("batal")
    assert petugas.heard("officer.action_cancelled")


async def test_questions_only_where_someone_can_answer(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine, identity="3")
    await petugas.send(f"INFO {ref} Jam berapa?")
    assert petugas.heard("officer.cannot_ask")
    assert (await report(engine, ref)).status == ReportStatus.RECEIVED
    await petugas.send(f"TOLAK {ref} laporan iseng")
    assert petugas.heard("officer.reporter_not_told_anonymous")
    warga, erased_ref = await file_report(engine, "console:warga-lain")
    await warga.send("HAPUS")
    await warga.send("ya")
    await petugas.send(f"SELESAI {erased_ref} sudah ditangani")
    assert petugas.heard("officer.reporter_not_told_erased"), "not \"anonymous or from a patrol\""


async def test_a_reporter_who_sent_berhenti_is_not_asked_and_the_officer_is_told_so(engine: Engine) -> None:
    """The officer was told "Pelapor diberi tahu" while the outbox dropped the message as opted out."""
    petugas = await enrolled(engine, PETUGAS)
    warga, ref = await file_report(engine)
    await warga.send("berhenti")
    await petugas.send(f"INFO {ref} lampunya sdh nyala lagi blm?")
    assert petugas.heard("officer.cannot_ask_silenced") and not petugas.heard("officer.done.info"), petugas.text
    await petugas.send(f"SELESAI {ref} sudah diperbaiki")
    assert petugas.heard("officer.reporter_not_told_opted_out") and not petugas.heard("officer.reporter_told"), \
        petugas.text


async def test_an_open_report_is_not_merged_into_a_closed_one(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    _one, closed = await file_report(engine, "console:satu")
    _two, open_ref = await file_report(engine, "console:dua")
    await petugas.send(f"SELESAI {closed} sudah ditangani")
    await petugas.send(f"DUPLIKAT {open_ref} {closed}")
    assert petugas.heard("officer.duplicate_of_closed"), petugas.text
    assert (await report(engine, open_ref)).status == ReportStatus.RECEIVED


async def test_a_resident_filling_in_another_report_answers_with_jawab(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    warga, ref = await file_report(engine)
    await petugas.send(f"INFO {ref} Warna motornya?")
    await warga.send("lapor")
    await warga.send("1")
    await warga.send("Jawab: merah, Honda Beat")
    assert warga.heard("relay.answer_sent") and warga.heard("report.ask_description"), "the draft goes on"
    assert "merah, Honda Beat" in await deliver_to(engine, PETUGAS)


async def test_duplicates_do_not_point_at_each_other(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    _one, first = await file_report(engine, "console:satu")
    _two, second = await file_report(engine, "console:dua")
    await petugas.send(f"DUPLIKAT {first} {second}")
    await petugas.send(f"DUPLIKAT {second} {first}")
    assert petugas.heard("officer.unknown_duplicate")
    assert (await report(engine, second)).status == ReportStatus.RECEIVED


@pytest.mark.parametrize("command", ["TERBUKA", "terbuka", "DASBOR", "laporan harian", "/terbuka"])
async def test_a_command_where_an_actions_words_are_asked_drops_the_action_and_is_taken(
        engine: Engine, command: str) -> None:
    """A wrong ref after DUPLIKAT asks for the other report's number; the officer's list or page asked for then was
    refused as no ref, again and again until BATAL, and a number read from the list went to the action too."""
    petugas = await enrolled(engine, PETUGAS, role=OfficerRole.HEAD)
    _warga, ref = await file_report(engine)
    await petugas.send(f"DUPLIKAT {ref} LP-2345-6789")
    assert petugas.heard("officer.unknown_duplicate"), petugas.text
    await petugas.send(command)
    assert petugas.heard("officer.action_cancelled") and not petugas.heard("officer.unknown_duplicate"), petugas.text
    await petugas.send(f"LIHAT {ref}")
    assert ref in petugas.text and not petugas.heard("officer.unknown_duplicate"), petugas.text
    assert (await report(engine, ref)).status == ReportStatus.RECEIVED


@pytest.mark.parametrize("action", ["TOLAK", "INFO"])
@pytest.mark.parametrize("label", ["Laporan terbuka", "laporan terbuka"])
async def test_the_menus_own_words_where_a_reason_is_asked_are_the_menu(engine: Engine, action: str,
                                                                          label: str) -> None:
    """A tester tapped out "Laporan terbuka", the menu's first option, where TOLAK's reason was asked: the report
    was rejected with that for its reason, and the resident told it."""
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    await petugas.send(f"{action} {ref}")
    await petugas.send(label)
    assert petugas.heard("officer.action_cancelled"), petugas.text
    assert (await report(engine, ref)).status == ReportStatus.RECEIVED
    await petugas.send("tidak ada yang bisa kami tindak lanjuti")
    assert (await report(engine, ref)).status == ReportStatus.RECEIVED, "the reason asked no more"


async def test_odd_pages_and_officer_words_inside_a_flow(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    await file_report(engine)
    for page in ("TERBUKA 0", "TERBUKA 99999999999999999999", "TERBUKA 9999"):
        await petugas.send(page)
        assert not petugas.heard("common.error"), page
    await petugas.send("bantuan")
    assert petugas.heard("officer.help")
    await walk_to_summary_as_officer(petugas)


async def walk_to_summary_as_officer(petugas: Resident) -> None:
    """An officer filing a report as a resident: "terbuka" at the identity step is "Dengan nama"."""
    for said in ("lapor", "1", "Motor saya sendiri dicuri di parkiran pasar", "Kel. Gedog, Kec. Sananwetan", "ya"):
        await petugas.send(said)
    await another_incident(petugas)  # the resident's theft that morning is alike
    for said in ("2", "lewati", "terbuka"):
        await petugas.send(said)
    assert petugas.heard("report.ask_name"), petugas.text


async def test_a_revoked_officer_in_the_middle_of_a_patrol_is_told_and_not_stuck(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    await petugas.send("patroli")
    await petugas.send("Pasar Legi")
    [officer] = await officers(engine)
    async with engine.sessions() as db, db.begin():
        await revoke(db, officer.id, utcnow())
    await petugas.send("12")
    assert petugas.heard("officer.no_longer") and not petugas.heard("common.error")
    await petugas.send("halo")
    assert petugas.heard("menu.ask")


async def test_a_menu_number_typed_as_an_alert_arrives_means_the_menu_when_the_officer_says_so(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    await petugas.send("halo")
    assert petugas.heard("officer.menu")  # 4. Bantuan
    _warga, ref = await file_report(engine)
    await deliver_to(engine, PETUGAS)  # the alert lands while the officer types 4 for Bantuan
    await petugas.send("4")
    assert petugas.heard("officer.confirm_number") and ref in petugas.text
    assert petugas.options() == [f"Minta info {ref}", "Bantuan", "Tidak jadi"]
    await petugas.send("2")
    assert petugas.heard("officer.help")
    assert (await report(engine, ref)).status == ReportStatus.RECEIVED
    assert not await events_of_kind(engine, ref)


async def events_of_kind(engine: Engine, ref: str) -> list[ReportEvent]:
    """The report's events after it was received: none when the officer did nothing to it."""
    return [e for e in await events(engine, ref) if e.to_status not in (None, ReportStatus.RECEIVED)]


async def test_an_action_typed_as_officers_type_it_is_taken(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    await petugas.send(f"trima {ref}")
    assert petugas.heard("officer.done.ack"), petugas.text
    assert (await report(engine, ref)).status == ReportStatus.ACKNOWLEDGED


async def test_an_officer_who_erases_their_chat_stays_named_in_what_they_did(engine: Engine) -> None:
    """HAPUS from an officer takes the chat away, not the record of their actions, and their id is never given to
    the next officer enrolled (who would otherwise read as having done it)."""
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    await petugas.send(f"TOLAK {ref} laporan tidak bisa diverifikasi")
    async with engine.sessions() as db:
        first = (await db.execute(select(Officer))).scalar_one()
        first.name = "Brigpol Lama"
        await db.commit()
    await petugas.send("HAPUS")
    await petugas.send("ya")
    assert petugas.heard("privacy.deleted"), petugas.text
    newcomer = await enrolled(engine, "console:petugas-baru")
    async with engine.sessions() as db:
        officers = {o.id: o for o in (await db.execute(select(Officer))).scalars()}
    assert officers[first.id].contact_id is None and not officers[first.id].active, "kept, revoked, no chat"
    assert len(officers) == 2, "the newcomer has an id of their own"
    await newcomer.send(f"LIHAT {ref}")
    assert "Brigpol Lama: Tidak dapat ditindaklanjuti" in newcomer.text, newcomer.text


@pytest.mark.parametrize("typed", ["lihat lp", "terima lp-djry-pq", "LIHAT djry-pqe"])
async def test_a_reference_left_unfinished_is_said_so_and_starts_no_report(engine: Engine, typed: str) -> None:
    petugas = await enrolled(engine, PETUGAS)
    await petugas.send(typed)
    assert petugas.heard("officer.ref_incomplete") and not petugas.heard("report.ask_category"), petugas.text
    await petugas.send("1")
    assert not petugas.heard("report.ask_description"), "a number then is no category of a resident's report"


async def test_a_report_taken_by_one_officer_drops_the_others_unsent_alerts(engine: Engine) -> None:
    """Another officer would read "BELUM DITANGGAPI" of a report a colleague took."""
    petugas = await enrolled(engine, PETUGAS)
    await enrolled(engine, "console:petugas-dua")
    _warga, ref = await file_report(engine)
    assert len(await alerts(engine)) == 2
    await petugas.send(f"TERIMA {ref}")
    assert petugas.heard("officer.done.ack") and await alerts(engine) == [], "neither alert was sent yet"


async def test_danger_going_on_told_against_a_closed_report_is_a_cry_and_reaches_the_officer(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    warga, ref = await file_report(engine)
    await petugas.send(f"SELESAI {ref} sudah dibubarkan")
    await warga.send("lho kok udh selesai pak? anak2nya masih pada tawuran di depan sekolah")
    assert warga.replies[0].text.startswith("🚨") and warga.heard("relay.objection_sent_urgent"), warga.text
    assert await step_of(engine, warga) == "read_back", "the danger now is reported anew (its read-back)"
    assert "masih pada tawuran" in await deliver_to(engine, PETUGAS), "the officer who closed it hears it"


async def test_an_anonymous_reports_time_in_the_open_list_is_said_as_its_hour(engine: Engine) -> None:
    """Kept to its whole hour, it is said as no more: a bare "11:00" reads as the minute it came in."""
    petugas = await enrolled(engine, PETUGAS)
    await file_report(engine, identity="3")
    await petugas.send("TERBUKA")
    assert petugas.heard("officer.open_list") and "sekitar" in petugas.text, petugas.text


async def test_an_anonymous_reports_escalation_says_the_rounds_as_a_least(engine: Engine) -> None:
    """Its times are kept to whole hours: its age read from them would say up to an hour more than it waited, and
    its rounds come at whole hours, so the rounds are what it has waited at least."""
    await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine, identity="3")
    due = (await report(engine, ref)).escalate_at
    assert due is not None
    assert await engine.escalate(now=due) == 1
    alerts = await outbox(engine, "officer_alert")
    assert "BELUM DITANGGAPI LEBIH DARI 60 MENIT" in payload(alerts[-1])["text"], payload(alerts[-1])["text"]


async def test_a_polres_head_reads_a_report_of_a_polsek_below_in_the_chat_as_on_the_page(engine: Engine) -> None:
    """The web page showed a Polres head the reports of its Polsek, to read; LIHAT in the chat said "not found".
    It shows it now, without the actions its Polsek takes; a head of another Polres still finds nothing."""
    _warga, ref = await file_report(engine)  # Kel. Gedog: Polsek Sananwetan, under Polres Blitar Kota
    head = await enrolled(engine, "telegram:700031", station="POLRES-BLITAR-KOTA", role=OfficerRole.HEAD)
    await head.send(f"LIHAT {ref}")
    assert ref in head.text and head.heard("officer.report_read_only"), head.text
    assert not {"Terima", "Tolak", "Selesai"} & set(head.options()), head.options()
    await head.send("anggota sudah di lokasi, pelaku diamankan warga")
    assert not head.heard("officer.note_offer"), "words after reading it are no note on a report not theirs"
    other = await enrolled(engine, "telegram:700032", station="POLSEK-SEKAR", role=OfficerRole.HEAD)
    await other.send(f"LIHAT {ref}")
    assert other.heard("officer.unknown_ref") and not other.heard("officer.report_read_only"), other.text
    await head.send(f"TERIMA {ref}")
    assert (await report(engine, ref)).status == ReportStatus.RECEIVED, "read from above, acted on below"
    assert head.heard("officer.report_read_only") and not head.heard("officer.unknown_ref"), \
        "an action on it says why it is not taken, as LIHAT does: not that the report is not found"
    await other.send(f"TERIMA {ref}")
    assert other.heard("officer.unknown_ref"), other.text


async def test_an_urgent_anonymous_reports_rounds_come_within_minutes_not_at_the_hour(engine: Engine) -> None:
    """Someone in danger now, writing anonymously: its rounds come at the next five minutes after they fall due,
    where a round kept to the whole hour left the alert unacknowledged for up to 65 minutes."""
    await enrolled(engine, PETUGAS)
    filed = utcnow()
    _warga, ref = await file_report(engine, identity="3",
                                    description="suami sy mukulin sy barusan, skrg dia masih ngamuk di rumah")
    found = await report(engine, ref)
    assert found.urgent and found.escalate_at is not None
    assert found.escalate_at.timestamp() % 300 == 0, found.escalate_at
    assert filed + dt.timedelta(minutes=5) <= found.escalate_at <= utcnow() + dt.timedelta(minutes=10)
    assert await engine.escalate(now=found.escalate_at) == 1
    assert "BELUM DITANGGAPI LEBIH DARI 5 MENIT" in payload((await outbox(engine, "officer_alert"))[-1])["text"]
    head_round = (await report(engine, ref)).escalate_at
    assert head_round is not None and head_round - found.escalate_at <= dt.timedelta(minutes=10)


# --- officers' own words: slang for taking a report, a command without its ref or with a slip ---------------------

TAKING = ["siap 86", "86", "Siap laksanakan", "otw", "OTW", "meluncur", "on the way", "siap 86 ndan", "siap, 86!",
          "86 pak", "otw tkp", "otw ke tkp ndan", "siap meluncur ke lokasi", "langsung meluncur", "lgsg meluncur pak",
          "siap 86, anggota otw", "on my way", "I'm on my way", "on the way to the scene", "siap dan, otw",
          "delapan enam", "siap laksanakan komandan", "anggota sdh meluncur ke tkp", "otw skrg", "omw", "86 otw",
          "siaaap 86", "laksanakan ndan", "kami menuju tkp", "siap ndan meluncur", "copy, on the way",
          "heading there now", "86👍", "siap 86 ndan 🙏"]
NOT_TAKING = ["otw pulang dulu", "86 orang diamankan", "meluncur ke rumah makan", "on the way home", "siap", "ok",
              "ok siap", "terima kasih", "belum bisa meluncur", "gk bisa otw skrg", "siap makan dulu", "otw beli kopi",
              "jam 8 6 pagi", "tim sudah di tkp pelaku kabur", "86 ribu", "lagi otw ke kantor", "nomor 86",
              "meluncur nanti sore", "otw ntar", "otw besok", "sy lagi cuti", "gas ndan",
              # questions take nothing
              "sudah 86?", "udah otw?", "86?", "are we on it?", "are we on it", "udh otw blm", "apa sudah 86",
              "siap 86 ya?", "otw kah", "on the way?", "sdh meluncur belum pak", "is anyone on the way"]


def test_radio_words_for_taking_a_job_are_read_whole_and_only_so() -> None:
    assert [said for said in TAKING if not taking_it(said)] == []
    assert [said for said in NOT_TAKING if taking_it(said)] == []


@READING_ON_SQLITE
@pytest.mark.parametrize("said", ["siap 86", "86", "Siap laksanakan", "otw", "meluncur", "on the way",
                                  "siap 86 ndan, anggota otw TKP", "86👍", "lgsg meluncur ke lokasi pak",
                                  "I'm on my way", "siap dan, otw",
                                  # readiness alone
                                  "ok siap", "siap ndan", "ok otw", "baik ndan 👍"])
async def test_radio_slang_right_after_an_alert_takes_its_report(engine: Engine, said: str) -> None:
    petugas, ref = await alerted_while_away(engine)
    await petugas.send(said)
    assert petugas.heard("officer.done.ack") and ref in petugas.text, petugas.text
    assert (await report(engine, ref)).status == ReportStatus.ACKNOWLEDGED


@READING_ON_SQLITE
@pytest.mark.parametrize("said", [
    # radio words that say something else, or ask
    "otw pulang dulu", "86 orang diamankan kemarin", "meluncur ke rumah makan", "on the way home", "siap makan dulu",
    "belum bisa meluncur, ban bocor", "otw besok pagi", "sudah 86?", "udah otw?", "86?", "are we on it?",
    "udh otw blm ndan",
    # a command word in its everyday sense
    "selesai apel pagi, lanjut patroli", "tolak angin dulu ndan", "info dong pak ada apa", "proses nya lama ya",
    "selesai belum?", "udah selesai blm", "proses sampai mana?", "Selesai makan siang, siap bertugas",
    "tolak angin 1 sachet pak"])
async def test_words_after_an_alert_that_say_something_else_take_and_offer_nothing(engine: Engine, said: str) -> None:
    petugas, ref = await alerted_while_away(engine)
    await petugas.send(said)
    assert not any(petugas.heard(key) for key in ("officer.done.ack", "officer.confirm_command",
                                                  "officer.which_report")), petugas.text
    assert (await report(engine, ref)).status == ReportStatus.RECEIVED


READY = ["ok siap", "siap", "siap ndan", "Ok siap!", "siap 👍", "oke pak", "baik ndan", "siaap komandan", "ok"]
HANDLED = ["sdh ditangani", "sdh dicek", "lagi dicek ndan", "udah diamankan pak", "sudah aman", "sdg ditangani",
           "udah beres pak", "siap, sudah ditindaklanjuti"]
NEITHER = ["sdh ditangani?", "sudah dicek belum", "sdh dicek yg kemarin", "sdh ditangani polsek lain", "ya pak",
           "siap makan dulu", "terima kasih", "aman gak ndan", "sdh dicek LP-AAAA-BBBB", "ok siap, nanti sore ke sana",
           "tim sudah di tkp pelaku kabur", "belum dicek", "sdh dicek blm"]


def test_readiness_alone_takes_and_handled_words_ask_which_action() -> None:
    assert [said for said in TAKING + READY if answering_an_alert(said) != AlertAnswer.TAKE] == []
    assert [said for said in HANDLED if answering_an_alert(said) != AlertAnswer.WHICH] == []
    assert [said for said in NEITHER + NOT_TAKING[NOT_TAKING.index("terima kasih"):]
            if answering_an_alert(said) is not None and said not in READY] == []


@READING_ON_SQLITE
@pytest.mark.parametrize("said", ["sdh ditangani", "sdh dicek", "lagi dicek ndan", "udah diamankan pak"])
async def test_words_that_it_is_handled_right_after_an_alert_ask_which_action(engine: Engine, said: str) -> None:
    """Taken, in progress or done? Asked with the report's buttons, never "not recognised"; the number answers it."""
    petugas, ref = await alerted_while_away(engine)
    await petugas.send(said)
    assert petugas.heard("officer.which_action") and not petugas.heard("officer.not_understood"), petugas.text
    assert petugas.options() == [f"Terima {ref}", f"Proses {ref}", f"Selesai {ref}"], petugas.options()
    assert (await report(engine, ref)).status == ReportStatus.RECEIVED, "asked, nothing done"
    await petugas.send("2")
    assert petugas.heard("officer.done.progress"), petugas.text
    assert (await report(engine, ref)).status == ReportStatus.IN_PROGRESS


@READING_ON_SQLITE
async def test_handled_words_on_a_report_taken_already_offer_what_is_left(engine: Engine) -> None:
    petugas, ref = await alerted_while_away(engine)
    await petugas.send("ok siap")
    await deliver_to(engine, PETUGAS)
    await petugas.send("sdh dicek")
    assert petugas.heard("officer.which_action"), petugas.text
    assert petugas.options() == [f"Proses {ref}", f"Selesai {ref}"], "taken already: no Terima"
    await petugas.send(f"PROSES {ref}")
    await petugas.send("sdh ditangani ndan")
    assert petugas.options() == [f"Selesai {ref}"], "in progress: done, or nothing"
    await petugas.send("1")
    assert petugas.heard("officer.ask_note"), "done: its note for the reporter asked"


@READING_ON_SQLITE
@pytest.mark.parametrize("said", ["sdh ditangani?", "sudah dicek belum", "sdh dicek yg kemarin", "ya pak",
                                  "sdh ditangani polsek lain", "ok siap, nanti sore ke sana"])
async def test_a_question_or_words_of_something_else_after_an_alert_take_and_ask_nothing(engine: Engine,
                                                                                       said: str) -> None:
    petugas, ref = await alerted_while_away(engine)
    await petugas.send(said)
    assert not any(petugas.heard(key) for key in ("officer.done.ack", "officer.confirm_command",
                                                  "officer.which_action")), petugas.text
    assert (await report(engine, ref)).status == ReportStatus.RECEIVED


async def test_radio_slang_with_no_alert_in_play_takes_nothing(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    await deliver_to(engine, PETUGAS)
    await petugas.send("terbuka")  # the alert is read: what comes next is not its answer
    await petugas.send("siap 86")
    assert not petugas.heard("officer.done.ack") and (await report(engine, ref)).status == ReportStatus.RECEIVED


async def test_radio_slang_after_two_alerts_asks_which_report(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    first = (await file_report(engine, "console:warga-a", description="Motor dicuri di depan rumah semalam"))[1]
    await deliver_to(engine, PETUGAS)
    second = (await file_report(engine, "console:warga-b", description="Helm dicuri di parkiran pasar tadi"))[1]
    await deliver_to(engine, PETUGAS)
    await officer_wrote_ago(engine, dt.timedelta(minutes=5))
    await petugas.send("otw ndan")
    assert petugas.heard("officer.which_report") and not petugas.heard("officer.done.ack"), petugas.text
    assert sorted(petugas.options()) == sorted([f"Terima {first}", f"Terima {second}"])
    await petugas.send(str(petugas.options().index(f"Terima {second}") + 1))
    assert petugas.heard("officer.done.ack") and second in petugas.text, petugas.text
    assert [(await report(engine, ref)).status for ref in (first, second)] == [ReportStatus.RECEIVED,
                                                                               ReportStatus.ACKNOWLEDGED]


async def test_radio_slang_typed_as_the_alert_came_is_confirmed_first(engine: Engine) -> None:
    """The officer was writing when it came: "otw" may be of what they were at."""
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    await deliver_to(engine, PETUGAS)
    await officer_wrote_ago(engine, dt.timedelta(seconds=20))
    await petugas.send("otw")
    assert petugas.heard("officer.confirm_command") and petugas.options() == [f"Terima {ref}"], petugas.text
    assert (await report(engine, ref)).status == ReportStatus.RECEIVED
    await petugas.send("iya")
    assert petugas.heard("officer.done.ack") and (await report(engine, ref)).status == ReportStatus.ACKNOWLEDGED


async def test_radio_slang_after_a_colleague_took_it_says_so(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    rekan = await enrolled(engine, "console:rekan")
    _warga, ref = await file_report(engine)
    await officer_wrote_ago(engine, dt.timedelta(minutes=5), PETUGAS)
    await deliver_to(engine, PETUGAS)
    await rekan.send(f"TERIMA {ref}")
    await petugas.send("siap 86")
    assert petugas.heard("officer.taken_by") and ref in petugas.text and "Bripka Santoso" in petugas.text, petugas.text


@pytest.mark.parametrize(("typed", "status", "note"), [
    ("TERIMA", ReportStatus.ACKNOWLEDGED, None), ("terima ndan", ReportStatus.ACKNOWLEDGED, None),
    ("SELESAI sudah diamankan", ReportStatus.RESOLVED, "sudah diamankan"),
    ("tolak laporan iseng, nomor fiktif", ReportStatus.REJECTED, "laporan iseng, nomor fiktif"),
])
async def test_a_command_without_its_ref_after_the_one_alert_is_confirmed_with_its_ref(
        engine: Engine, typed: str, status: ReportStatus, note: str | None) -> None:
    petugas, ref = await alerted_while_away(engine)
    await petugas.send(typed)
    assert petugas.heard("officer.confirm_command") and ref in petugas.text, petugas.text
    assert len(petugas.options()) == 1 and petugas.options()[0].endswith(ref)
    assert (await report(engine, ref)).status == ReportStatus.RECEIVED, "nothing done before the tap"
    await petugas.send("1")
    assert (await report(engine, ref)).status == status, petugas.text
    [changed] = [event for event in await events(engine, ref) if event.to_status == status]
    assert changed.note == note


async def test_a_question_for_the_reporter_without_its_ref_is_offered_as_info(engine: Engine) -> None:
    petugas, ref = await alerted_while_away(engine)
    await petugas.send("info alamat lengkapnya di mana?")
    assert petugas.heard("officer.confirm_command") and ref in petugas.text, petugas.text


async def test_a_command_without_its_ref_after_opening_a_report_is_for_that_report(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    _lain, other = await file_report(engine, "console:lain")
    await petugas.send(f"LIHAT {ref}")
    await petugas.send("selesai, pelaku sudah diamankan")
    assert petugas.heard("officer.confirm_command") and ref in petugas.text and other not in petugas.text, \
        petugas.text
    await petugas.send("ya")
    assert petugas.heard("officer.done.resolve") and (await report(engine, ref)).status == ReportStatus.RESOLVED


async def test_a_command_without_its_ref_and_no_report_in_play_asks_which(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    refs = [(await file_report(engine, f"console:warga-{n}", description=f"Helm dicuri di parkiran pasar, {n}"))[1]
            for n in "ab"]
    await deliver_to(engine, PETUGAS)
    await petugas.send("terbuka")
    await petugas.send("PROSES")
    assert petugas.heard("officer.which_report"), petugas.text
    assert sorted(petugas.options()) == sorted(f"Proses {ref}" for ref in refs)
    await petugas.send("tidak")
    assert not petugas.heard("officer.done.progress")
    assert [(await report(engine, ref)).status for ref in refs] == [ReportStatus.RECEIVED] * 2


@READING_ON_SQLITE
@pytest.mark.parametrize("yes", ["ya", "iya", "ok", "siap"])
async def test_a_yes_is_no_answer_to_which_report_and_thanks_stay_words(engine: Engine, yes: str) -> None:
    """A list to pick from is answered by a pick: a yes names no report, even where the list has one."""
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    await deliver_to(engine, PETUGAS)
    await petugas.send("terima kasih")
    assert petugas.heard("officer.not_understood_report") and (await report(engine, ref)).status == \
        ReportStatus.RECEIVED, "thanks, no TERIMA: the alert's actions stay on screen"
    await petugas.send("terbuka")  # the list read: no report in play any more
    await petugas.send("tolak laporan iseng nomor palsu")
    assert petugas.heard("officer.which_report") and petugas.options() == [f"Tolak {ref}"], petugas.text
    await petugas.send(yes)
    assert not petugas.heard("officer.done.reject") and (await report(engine, ref)).status == ReportStatus.RECEIVED
    await petugas.send("1")
    assert not petugas.heard("officer.done.reject"), "the list was for the message after it alone"


async def offered_ago(engine: Engine, ago: dt.timedelta) -> None:
    """As if the command offered to the officer enrolled had been offered `ago` before now."""
    async with engine.sessions() as db, db.begin():
        officer_contact = (await db.execute(select(Officer.contact_id))).scalar_one()
        session = (await db.execute(select(ConversationSession)
                                    .where(ConversationSession.contact_id == officer_contact))).scalar_one()
        data = load_session(session.data, engine.cipher)
        data["meant"]["at"] = (utcnow() - ago).isoformat()
        session.data = dump_session(data, engine.cipher)


@READING_ON_SQLITE
@pytest.mark.parametrize("slang", ["siap 86", "86", "ok otw", "siap laksanakan"])
async def test_a_confirmation_ignored_is_not_taken_by_radio_slang_for_the_next_alert(engine: Engine,
                                                                                    slang: str) -> None:
    """"SELESAI A …?" left unanswered, then B alerted: "siap 86" takes B, and A stays as it was, its reporter told
    nothing."""
    petugas = await enrolled(engine, PETUGAS)
    first = (await file_report(engine, "console:warga-a", description="Motor dicuri di depan rumah semalam"))[1]
    await officer_wrote_ago(engine, dt.timedelta(minutes=5))
    await deliver_to(engine, PETUGAS)
    await petugas.send(f"TERIMA {first}")
    await petugas.send("selesai sudah diamankan")
    assert petugas.heard("officer.confirm_command") and first in petugas.text, petugas.text
    second = (await file_report(engine, "console:warga-b", description="Helm dicuri di parkiran pasar tadi"))[1]
    await officer_wrote_ago(engine, dt.timedelta(minutes=5))
    await deliver_to(engine, PETUGAS)
    await petugas.send(slang)
    assert petugas.heard("officer.done.ack") and second in petugas.text, petugas.text
    assert [(await report(engine, ref)).status for ref in (first, second)] == [ReportStatus.ACKNOWLEDGED] * 2
    assert "sudah diamankan" not in await deliver_to(engine, "console:warga-a")


@pytest.mark.parametrize("between", ["terbuka", "cek dulu ya", None])
async def test_a_confirmation_lives_for_the_next_message_and_a_few_minutes(engine: Engine,
                                                                          between: str | None) -> None:
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    await petugas.send(f"LIHAT {ref}")
    await petugas.send("selesai sudah diamankan")
    assert petugas.heard("officer.confirm_command"), petugas.text
    key = petugas.replies[-1].choices[0].key
    if between is None:
        await offered_ago(engine, dt.timedelta(minutes=10))
    else:
        await petugas.send(between)
    await petugas.send("ya")
    assert not petugas.heard("officer.done.resolve") and (await report(engine, ref)).status != ReportStatus.RESOLVED
    await petugas.send(button=key)
    assert petugas.heard("officer.offer_gone"), petugas.text
    assert (await report(engine, ref)).status != ReportStatus.RESOLVED


async def test_an_earlier_confirmations_button_takes_nothing_of_the_one_offered_since(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    await petugas.send(f"LIHAT {ref}")
    await petugas.send("selesai sudah diamankan")
    resolve = petugas.replies[-1].choices[0].key
    await petugas.send("tolak laporan iseng nomor palsu")
    assert petugas.heard("officer.confirm_command") and petugas.options() == [f"Tolak {ref}"], petugas.text
    await petugas.send(button=resolve)
    assert petugas.heard("officer.offer_gone") and not petugas.heard("officer.done.reject"), petugas.text
    assert (await report(engine, ref)).status == ReportStatus.RECEIVED
    await petugas.send("ya")
    assert (await report(engine, ref)).status == ReportStatus.RECEIVED, "the tap refused ended the offer"


@READING_ON_SQLITE
@pytest.mark.parametrize(("typed", "status", "command"), [
    ("TERIMAAA {ref}", ReportStatus.ACKNOWLEDGED, "TERIMA"),
    ("SLESAI {ref} sudah diamankan", ReportStatus.RESOLVED, "SELESAI"),
    ("selsai {ref} sudah diamankan", ReportStatus.RESOLVED, "SELESAI"),
    ("rujk {ref} POLSEK-SEKAR", ReportStatus.REFERRED, "RUJUK"),
    ("prosess {ref}", ReportStatus.IN_PROGRESS, "PROSES"),
    ("tolk {ref} laporan iseng", ReportStatus.REJECTED, "TOLAK"),
])
async def test_a_command_word_with_a_slip_is_offered_as_the_command_it_is_nearest(
        engine: Engine, typed: str, status: ReportStatus, command: str) -> None:
    petugas = await enrolled(engine, PETUGAS)
    await enrolled(engine, "console:sekar", "POLSEK-SEKAR")
    _warga, ref = await file_report(engine)
    await petugas.send(typed.format(ref=ref))
    assert petugas.heard("officer.did_you_mean") and f"{command} {ref}" in petugas.text, petugas.text
    assert not petugas.heard("report.ask_category"), "no resident's report begun"
    assert (await report(engine, ref)).status == ReportStatus.RECEIVED
    await petugas.send("1")
    assert (await report(engine, ref)).status == status, petugas.text


@READING_ON_SQLITE
@pytest.mark.parametrize("typed", ["kenapa {ref} belum ditangani", "bukan {ref} yg itu ndan", "diproses {ref} kah?",
                                   "trims {ref} sudah beres", "diterima {ref} sama siapa", "ditolak {ref} ya?",
                                   "dilihat {ref} dulu"])
async def test_a_word_of_the_language_before_a_ref_is_no_slip(engine: Engine, typed: str) -> None:
    """Not far from a command ("bukan" from BUKA, "diproses" from PROSES) but a word of its own: no "did you mean"."""
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    await petugas.send(typed.format(ref=ref))
    assert not petugas.heard("officer.did_you_mean"), petugas.text
    assert (await report(engine, ref)).status == ReportStatus.RECEIVED


@pytest.mark.parametrize("typed", ["SLESAI {ref} sudah diamankan", "prosess {ref}", "TERIMAAA {ref}"])
async def test_a_slip_before_a_ref_not_here_or_not_to_be_taken_offers_nothing(engine: Engine, typed: str) -> None:
    """Another station's report, one that does not exist, or one whose status refuses the command: said so at once,
    never a button that would only say it after the tap."""
    petugas = await enrolled(engine, PETUGAS)
    sekar = await enrolled(engine, "console:sekar", "POLSEK-SEKAR")
    _warga, ref = await file_report(engine)
    for ref_typed in (ref, "LP-2345-6789"):
        await sekar.send(typed.format(ref=ref_typed))
        assert sekar.heard("officer.unknown_ref") and not sekar.heard("officer.did_you_mean"), sekar.text
    await petugas.send(f"TOLAK {ref} laporan iseng")
    await petugas.send(typed.format(ref=ref))
    assert petugas.heard("officer.not_allowed") and not petugas.heard("officer.did_you_mean"), petugas.text
    assert (await report(engine, ref)).status == ReportStatus.REJECTED


async def test_words_too_long_for_a_command_are_refused_at_its_offer(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    await petugas.send(f"LIHAT {ref}")
    long_note = "pelaku sudah diamankan " * 60
    for typed in (f"selesai {long_note}", f"SLESAI {ref} {long_note}"):
        await petugas.send(typed)
        assert petugas.heard("officer.argument_too_long") and not any(ref in o for o in petugas.options()), \
            petugas.text
        assert long_note.strip() not in petugas.text
    assert (await report(engine, ref)).status == ReportStatus.RECEIVED


# --- reopening a closed report ------------------------------------------------------------------------------------

async def test_a_resolved_report_is_reopened_with_its_reason_and_the_reporter_is_told(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    await petugas.send(f"SELESAI {ref} pelaku sudah diamankan")
    await deliver_to(engine, WARGA)
    await petugas.send(f"BUKA KEMBALI {ref}")
    assert petugas.heard("officer.ask_reopen_reason") and (await report(engine, ref)).status == ReportStatus.RESOLVED
    await petugas.send("ternyata pelaku kedua masih berkeliaran")
    assert petugas.heard("officer.done.reopen") and petugas.heard("officer.reporter_told"), petugas.text
    assert (await report(engine, ref)).status == ReportStatus.IN_PROGRESS
    told = await deliver_to(engine, WARGA)
    assert f"Kabar laporan {ref}: dibuka kembali oleh petugas. Sedang ditindaklanjuti." in told, told
    assert "pelaku kedua masih berkeliaran" in told, "with the reason"
    [reopened] = [event for event in await events(engine, ref) if event.kind == EventKind.REOPEN]
    assert (reopened.from_status, reopened.to_status) == (ReportStatus.RESOLVED, ReportStatus.IN_PROGRESS)
    await petugas.send(f"LIHAT {ref}")
    assert "Selesai: pelaku sudah diamankan" in petugas.text, "the history keeps how it was closed"
    assert "Sedang ditindaklanjuti (dibuka kembali): ternyata pelaku kedua" in petugas.text, petugas.text
    await petugas.send(f"SELESAI {ref} pelaku kedua juga diamankan")
    assert (await report(engine, ref)).status == ReportStatus.RESOLVED, "worked on, and closed again"


ALL_SEVEN = ["Terima", "Proses", "Selesai", "Minta info", "Rujuk", "Duplikat", "Tolak"]


@pytest.mark.parametrize("close", ["SELESAI {ref} pelaku sudah diamankan", "TOLAK {ref} laporan iseng"])
async def test_a_closed_reports_view_offers_reopening_alone(engine: Engine, close: str) -> None:
    """Resolved or rejected: every other action would be refused, so LIHAT offers none of them."""
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    await petugas.send(close.format(ref=ref))
    await petugas.send(f"LIHAT {ref}")
    assert petugas.heard("officer.report") and petugas.options() == ["Buka kembali"], petugas.options()
    await petugas.send("1")
    assert petugas.heard("officer.ask_reopen_reason"), "its number answers it"


@pytest.mark.parametrize(("identity", "offered"), [
    ("3", [action for action in ALL_SEVEN if action != "Minta info"]),  # anonymous: no question reaches anyone
    ("2", ALL_SEVEN),  # confidential: asked through the bot
    ("1", ALL_SEVEN),  # named
])
async def test_a_reports_view_offers_only_what_can_be_done(engine: Engine, identity: str, offered: list[str]) -> None:
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine, identity=identity)
    await petugas.send(f"LIHAT {ref}")
    assert petugas.options() == offered, petugas.options()
    await petugas.send(f"TERIMA {ref}")
    await petugas.send(f"LIHAT {ref}")
    assert petugas.options() == [action for action in offered if action != "Terima"], "taken: not again"


@pytest.mark.parametrize(("identity", "offered"), [
    ("3", [action for action in ALL_SEVEN if action != "Minta info"]),  # anonymous: no question reaches anyone
    ("2", ALL_SEVEN),
])
async def test_an_alert_numbers_what_its_view_numbers_and_each_number_does_that(engine: Engine, identity: str,
                                                                                  offered: list[str]) -> None:
    """An anonymous reporter cannot be asked: its alert offers no Minta info, and the numbers after it (the alert's
    own, LIHAT's) name the same actions, each doing what it names."""
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine, identity=identity)
    await officer_wrote_ago(engine, dt.timedelta(minutes=5))
    alert = await deliver_to(engine, PETUGAS)
    numbered = [f"{number}. {label}" for number, label in enumerate(offered, 1)]
    assert all(line in alert for line in numbered), alert
    assert ("Minta info" in alert) == ("Minta info" in offered), alert
    [sent] = await alerts(engine)
    assert f"1–{len(offered)}" in payload(sent)["hint"], "WhatsApp's hint counts the choices shown"
    rujuk = offered.index("Rujuk") + 1
    await petugas.send(str(rujuk))
    assert petugas.heard("officer.ask_station"), petugas.text
    await petugas.send("batal")
    await petugas.send(f"LIHAT {ref}")
    assert petugas.options() == offered, petugas.options()
    await petugas.send(str(rujuk))
    assert petugas.heard("officer.ask_station"), "LIHAT's number names the same action"


async def test_a_rejected_report_is_reopened_in_one_line_and_its_view_offers_it(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    await petugas.send(f"TOLAK {ref} laporan iseng")
    await petugas.send(f"LIHAT {ref}")
    assert petugas.options()[-1] == "Buka kembali", petugas.options()
    await petugas.send(str(len(petugas.options())))
    assert petugas.heard("officer.ask_reopen_reason"), petugas.text
    await petugas.send("batal")
    assert (await report(engine, ref)).status == ReportStatus.REJECTED
    await petugas.send(f"buka kembali {ref} pelapor mengirim bukti foto, bukan iseng")
    assert petugas.heard("officer.done.reopen") and (await report(engine, ref)).status == ReportStatus.IN_PROGRESS


async def test_a_closed_report_reopens_only_by_its_station_with_a_reason_and_never_as_a_duplicate(
        engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    sekar = await enrolled(engine, "console:sekar", "POLSEK-SEKAR")
    _warga, ref = await file_report(engine)
    _lain, other = await file_report(engine, "console:lain", description="Motor dicuri di parkiran pasar Legi tadi")
    await petugas.send(f"DUPLIKAT {other} {ref}")
    await petugas.send(f"SELESAI {ref} sudah diamankan")
    await petugas.send(f"PROSES {ref}")
    assert petugas.heard("officer.not_allowed"), "only a reopening, with its reason, takes it back to work"
    await sekar.send(f"BUKA KEMBALI {ref} salah tutup")
    assert sekar.heard("officer.unknown_ref"), sekar.text
    await petugas.send(f"BUKA KEMBALI {ref} ok")
    assert petugas.heard("officer.ask_reopen_reason"), "a reason that says nothing is asked for again"
    await petugas.send("batal")
    await petugas.send(f"REOPEN {other} bukan duplikat")
    assert petugas.heard("officer.not_allowed") and (await report(engine, other)).status == ReportStatus.DUPLICATE
    assert (await report(engine, ref)).status == ReportStatus.RESOLVED


async def test_a_report_whose_reporters_data_was_purged_is_not_reopened_and_says_why(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    await petugas.send(f"SELESAI {ref} pelaku sudah diamankan")
    assert await engine.purge(dt.timedelta(days=30), now=utcnow() + dt.timedelta(days=31)) == 1
    await petugas.send(f"LIHAT {ref}")
    assert "Buka kembali" not in petugas.options(), petugas.options()
    await petugas.send(f"BUKA KEMBALI {ref} pelaku kedua masih berkeliaran")
    assert petugas.heard("officer.cannot_reopen") and not petugas.heard("officer.done.reopen"), petugas.text
    assert (await report(engine, ref)).status == ReportStatus.RESOLVED


async def test_buka_of_an_open_report_opens_it_to_read(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    await petugas.send(f"buka {ref}")
    assert petugas.heard("officer.report") and "Buka kembali" not in petugas.options(), petugas.text
    assert (await report(engine, ref)).status == ReportStatus.RECEIVED


@pytest.mark.parametrize("typed", ["buka {ref}", "buka {ref} dong", "Buka {ref} ya pak", "BUKA {ref} sebentar",
                                   "buka {ref} cek dulu"])
async def test_buka_of_a_closed_report_opens_it_to_read_and_tells_its_reporter_nothing(engine: Engine,
                                                                                       typed: str) -> None:
    """The bot says "buka" for opening a report: reopening one is said whole, "buka kembali", "buka lagi", "REOPEN"."""
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    await petugas.send(f"SELESAI {ref} pelaku sudah diamankan")
    await deliver_to(engine, WARGA)
    await petugas.send(typed.format(ref=ref))
    assert petugas.heard("officer.report") and not petugas.heard("officer.done.reopen"), petugas.text
    assert (await report(engine, ref)).status == ReportStatus.RESOLVED
    assert "dibuka kembali" not in await deliver_to(engine, WARGA)


@pytest.mark.parametrize("typed", ["buka kembali {ref} dong", "buka lagi {ref} ya pak", "REOPEN {ref} please",
                                   "buka kembali {ref} siap ndan"])
async def test_a_reopening_with_filler_for_its_reason_asks_for_one(engine: Engine, typed: str) -> None:
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    await petugas.send(f"TOLAK {ref} laporan iseng")
    await petugas.send(typed.format(ref=ref))
    assert petugas.heard("officer.ask_reopen_reason") and (await report(engine, ref)).status == ReportStatus.REJECTED
    await petugas.send("dong")
    assert petugas.heard("officer.note_says_nothing"), "an answer of a particle is no reason either"
    await petugas.send("pelapor kirim bukti foto")
    assert petugas.heard("officer.done.reopen") and (await report(engine, ref)).status == ReportStatus.IN_PROGRESS


@pytest.mark.parametrize("said", ["buka", "buka ya", "lihat", "Buka dong ndan"])
async def test_buka_alone_right_after_an_alert_opens_that_report(engine: Engine, said: str) -> None:
    petugas, ref = await alerted_while_away(engine)
    await petugas.send(said)
    assert petugas.heard("officer.report") and ref in petugas.text, petugas.text
    assert (await report(engine, ref)).status == ReportStatus.RECEIVED


async def _taken_up_and_a_photo(engine: Engine, tmp_path: Path, shade: int) -> tuple[Resident, str, Path]:
    """A resident's report, accepted by the duty officer (its alert delivered), and a photo on their phone."""
    petugas = await enrolled(engine, PETUGAS)
    warga, ref = await file_report(engine)
    await petugas.send(f"TERIMA {ref}")
    await deliver_to(engine, PETUGAS)
    picture = tmp_path / "foto.jpg"
    picture.write_bytes(photo(shade=shade))
    return warga, ref, picture


async def _relayed_photos(engine: Engine, ref: str) -> tuple[list[dict], list[str]]:
    """What officers were sent of a report's additions, and the stored names of the photos kept with it."""
    async with engine.sessions() as db:
        found = await report(engine, ref)
        relayed = [payload(row) for row in (await db.execute(
            select(Outbox).where(Outbox.kind == OutboxKind.INFO_REPLY, Outbox.report_id == found.id)
            .order_by(Outbox.id))).scalars()]
        kept = (await db.execute(select(Attachment.stored_name).where(Attachment.report_id == found.id)
                                 .order_by(Attachment.id))).scalars().all()
    return relayed, list(kept)


@pytest.mark.parametrize("caption", ["", "ini fotonya pak", "ini foto motor sy yg dicuri", "this is the guy",
                                     "bukti nya pak", "ini foto yg lain pak", "another pic of the guy",
                                     "foto dr sisi lain", "ini fotonya lagi, beda sudut"])
async def test_a_photo_after_kirim_is_added_to_the_report_just_sent(engine: Engine, tmp_path: Path,
                                                                    caption: str) -> None:
    """"Here is the photo for the report I just sent": added to it and sent to its officers, not a new report."""
    warga, ref, picture = await _taken_up_and_a_photo(engine, tmp_path, shade=60)
    await warga.send(caption, photo=picture)
    assert (warga.heard("relay.photo_added") or warga.heard("relay.photo_added", "en")) and ref in warga.text, \
        warga.text
    assert not warga.heard("photo.kept_first") and not warga.heard("report.ask_category"), "no new report begun"
    relayed, kept = await _relayed_photos(engine, ref)
    assert len(kept) == 1 and [r["photo"]["stored_name"] for r in relayed] == kept, "kept with it, sent to officers"
    assert "Tambahan dari pelapor" in relayed[0]["text"] and "📷" in relayed[0]["text"], relayed[0]["text"]
    assert "Tambahan dari pelapor" in await deliver_to(engine, PETUGAS)
    assert (await report(engine, ref)).status == ReportStatus.ACKNOWLEDGED


async def test_a_photo_announced_then_sent_goes_to_the_newest_report(engine: Engine, tmp_path: Path) -> None:
    await enrolled(engine, PETUGAS)
    warga, first = await file_report(engine)
    _same, newest = await file_report(engine, description="Sepeda anak saya dicuri dari teras rumah tadi siang")
    assert first != newest
    await warga.send("ini fotonya pak")
    assert warga.heard("relay.photo_awaited") and newest in warga.text, warga.text
    picture = tmp_path / "foto.jpg"
    picture.write_bytes(photo())
    await warga.send(photo=picture)
    assert warga.heard("relay.photo_added") and newest in warga.text and first not in warga.text, warga.text
    assert len((await _relayed_photos(engine, newest))[1]) == 1
    assert not (await _relayed_photos(engine, first))[1]


async def test_a_photo_added_to_a_confidential_report_keeps_its_reporter_unexposed(engine: Engine,
                                                                                   tmp_path: Path) -> None:
    await enrolled(engine, PETUGAS)
    warga, ref = await file_report(engine, identity="2")
    picture = tmp_path / "foto.jpg"
    picture.write_bytes(photo())
    await warga.send("ini fotonya pak, nama saya Budi Santoso", photo=picture)
    assert warga.heard("relay.photo_added"), warga.text
    [relayed], _kept = await _relayed_photos(engine, ref)
    assert "Budi" not in relayed["text"] and "[nama disembunyikan]" in relayed["text"], relayed["text"]
    [told] = [e for e in await events(engine, ref) if e.kind == EventKind.REPLY]
    assert "Budi" not in told.note


async def test_a_photo_after_an_anonymous_report_stays_unlinked_to_it(engine: Engine, tmp_path: Path) -> None:
    """An anonymous report keeps no link to its reporter: a photo after it is not added to it (which would tell
    its officers and its history who sent it), and begins a report as a photo sent first does."""
    await enrolled(engine, PETUGAS)
    warga, ref = await file_report(engine, identity="3")
    picture = tmp_path / "foto.jpg"
    picture.write_bytes(photo())
    await warga.send(photo=picture)
    assert not warga.heard("relay.photo_added") and ref not in warga.text, warga.text
    assert warga.heard("relay.photo_not_to_anonymous") and warga.heard("photo.kept_first"), warga.text
    await warga.send("batal")
    await warga.send("ini fotonya pak", photo=picture)
    assert not warga.heard("relay.photo_added") and ref not in warga.text, warga.text
    assert await _relayed_photos(engine, ref) == ([], [])


@pytest.mark.parametrize(("announced", "lang"), [("ini fotonya pak", "id"), ("fotonya nyusul ya pak", "id"),
                                                ("mau kirim foto pak", "id"), ("i have a photo of him", "en")])
async def test_a_photo_announced_after_an_anonymous_report_is_told_it_cannot_be_added(engine: Engine, tmp_path: Path,
                                                                                    announced: str,
                                                                                    lang: str) -> None:
    """The resident is told plainly why (the report is not linked to them) and what they can do; the photo that
    follows begins a new report, and nothing links either to the anonymous report."""
    await enrolled(engine, PETUGAS)
    warga, ref = await file_report(engine, identity="3")
    await warga.send(announced)
    assert warga.heard("relay.photo_announced_anonymous", lang), warga.text
    assert not warga.heard("menu.not_understood", lang) and ref not in warga.text
    picture = tmp_path / "foto.jpg"
    picture.write_bytes(photo())
    await warga.send(photo=picture)
    assert warga.heard("photo.kept_first", lang) and not warga.heard("relay.photo_added", lang), warga.text
    assert await _relayed_photos(engine, ref) == ([], [])
    assert (await report(engine, ref)).contact_id is None


@pytest.mark.parametrize(("caption", "lang"), [("", "id"), ("ini fotonya pak", "id"), ("here is the photo", "en")])
async def test_a_photo_right_after_an_anonymous_report_is_told_it_cannot_be_added(engine: Engine, tmp_path: Path,
                                                                                caption: str, lang: str) -> None:
    await enrolled(engine, PETUGAS)
    warga, ref = await file_report(engine, identity="3")
    picture = tmp_path / "foto.jpg"
    picture.write_bytes(photo())
    await warga.send(caption, photo=picture)
    assert warga.heard("relay.photo_not_to_anonymous", lang) and warga.heard("photo.kept_first", lang), warga.text
    assert not warga.heard("photo.rejected_not_now", lang) and ref not in warga.text
    assert await _relayed_photos(engine, ref) == ([], [])


@pytest.mark.parametrize(("older", "caption", "lang"), [("1", "", "id"), ("2", "ini fotonya pak", "id"),
                                                       ("1", "here is the photo", "en")])
async def test_a_photo_after_an_anonymous_report_goes_to_no_older_report_of_the_resident(
        engine: Engine, tmp_path: Path, older: str, caption: str, lang: str) -> None:
    """A named (or confidential) report an hour old and open, then an anonymous one: the photo right after is meant
    for the anonymous one, which keeps no link. Added to the older one it would tell its officers what the resident
    did not mean them to see, and show the anonymous report's photo under the resident's name."""
    await enrolled(engine, PETUGAS)
    warga, named = await file_report(engine, identity=older)
    _same, anonymous = await file_report(engine, identity="3",
                                         description="Sepeda anak saya dicuri dari teras rumah tadi siang")
    picture = tmp_path / "foto.jpg"
    picture.write_bytes(photo())
    await warga.send(caption, photo=picture)
    assert warga.heard("relay.photo_not_to_anonymous", lang) and warga.heard("photo.kept_first", lang), warga.text
    assert not warga.heard("relay.photo_added", lang) and named not in warga.text, warga.text
    assert await _relayed_photos(engine, named) == ([], [])
    assert await _relayed_photos(engine, anonymous) == ([], [])


@pytest.mark.parametrize("announced", ["ini fotonya pak", "fotonya nyusul ya pak"])
async def test_a_photo_announced_after_an_anonymous_report_goes_to_no_older_report(engine: Engine, tmp_path: Path,
                                                                                   announced: str) -> None:
    await enrolled(engine, PETUGAS)
    warga, named = await file_report(engine, identity="1")
    await file_report(engine, identity="3", description="Sepeda anak saya dicuri dari teras rumah tadi siang")
    await warga.send(announced)
    assert warga.heard("relay.photo_announced_anonymous") and named not in warga.text, warga.text
    picture = tmp_path / "foto.jpg"
    picture.write_bytes(photo())
    await warga.send(photo=picture)
    assert warga.heard("photo.kept_first") and not warga.heard("relay.photo_added"), warga.text
    assert not warga.heard("relay.photo_not_to_anonymous"), "told once is enough"
    assert await _relayed_photos(engine, named) == ([], [])


async def test_a_photo_after_a_named_report_sent_after_an_anonymous_one_is_added_to_it(engine: Engine,
                                                                                      tmp_path: Path) -> None:
    await enrolled(engine, PETUGAS)
    warga, _anonymous = await file_report(engine, identity="3")
    _same, named = await file_report(engine, identity="1", description="Sepeda anak saya dicuri dari teras rumah")
    picture = tmp_path / "foto.jpg"
    picture.write_bytes(photo())
    await warga.send(photo=picture)
    assert warga.heard("relay.photo_added") and named in warga.text, warga.text


async def test_an_announced_photo_after_a_confidential_report_is_still_awaited_for_it(engine: Engine) -> None:
    await enrolled(engine, PETUGAS)
    warga, _ref = await file_report(engine)
    await warga.send("fotonya nyusul ya pak")
    assert warga.heard("relay.photo_awaited") and not warga.heard("relay.photo_announced_anonymous"), warga.text


async def test_a_photo_with_no_recent_open_report_begins_a_report_as_today(engine: Engine, tmp_path: Path) -> None:
    picture = tmp_path / "foto.jpg"
    picture.write_bytes(photo())
    newcomer = Resident(engine, "console:baru")
    await newcomer.send("halo")
    await newcomer.send(photo=picture)
    assert newcomer.heard("photo.kept_first") and newcomer.heard("report.ask_category"), newcomer.text
    petugas = await enrolled(engine, PETUGAS)
    warga, ref = await file_report(engine)
    async with engine.sessions() as db, db.begin():
        filed = (await db.execute(select(Report).where(Report.ref == ref))).scalar_one()
        filed.created_at -= dt.timedelta(hours=4)
    await warga.send(photo=picture)
    assert not warga.heard("relay.photo_added") and warga.heard("photo.kept_first"), "hours later: a new matter"
    _other, closed = await file_report(engine, urn="console:lain")
    await petugas.send(f"TOLAK {closed} bukan wewenang polsek")
    await _other.send(photo=picture)
    assert not _other.heard("relay.photo_added") and _other.heard("photo.kept_first"), "closed: as today"


@pytest.mark.parametrize("caption", ["mau lapor lagi, ada orang mabuk di pos ronda tiap malam",
                                     "laporan baru pak, jalan depan sekolah berlubang",
                                     "ada tawuran di depan pasar gedog",
                                     "ini foto kecelakaan di perempatan tadi, beda lagi pak",
                                     "foto kecelakaan td di perempatan pak, beda kejadian",
                                     "ini kasus yg lain pak", "another one, a crash at the crossroads",
                                     "this is a different incident"])
async def test_a_photo_telling_another_matter_after_kirim_begins_a_new_report(engine: Engine, tmp_path: Path,
                                                                             caption: str) -> None:
    await enrolled(engine, PETUGAS)
    warga, ref = await file_report(engine)
    picture = tmp_path / "foto.jpg"
    picture.write_bytes(photo())
    await warga.send(caption, photo=picture)
    assert not warga.heard("relay.photo_added") and ref not in warga.text, warga.text
    assert not (await _relayed_photos(engine, ref))[1]


async def test_a_cry_sent_as_a_photos_caption_after_kirim_gets_the_110_answer(engine: Engine, tmp_path: Path) -> None:
    await enrolled(engine, PETUGAS)
    warga, ref = await file_report(engine)
    picture = tmp_path / "foto.jpg"
    picture.write_bytes(photo())
    await warga.send("tolong pak ada kebakaran di rumah tetangga", photo=picture)
    assert warga.heard("emergency.call_110") and not warga.heard("relay.photo_added"), warga.text
    assert not (await _relayed_photos(engine, ref))[1]


async def test_a_photo_sent_with_more_told_of_a_report_goes_with_it(engine: Engine, tmp_path: Path) -> None:
    """"pak sy mau nambahin, …" with a photo: the words and the photo reach its officers together, nothing dropped."""
    warga, ref, picture = await _taken_up_and_a_photo(engine, tmp_path, shade=20)
    await warga.send("pak sy mau nambahin, pelakunya 2 org naik beat merah", photo=picture)
    assert warga.heard("relay.added_sent") or warga.heard("relay.photo_added"), warga.text
    [relayed], kept = await _relayed_photos(engine, ref)
    assert relayed["photo"]["stored_name"] == kept[0] and "beat merah" in relayed["text"], relayed


async def silence(engine: Engine, urn: str, *, opted_out: bool = False, unreachable: bool = False) -> None:
    """The contact at `urn` as BERHENTI leaves it, or as a channel that no longer reaches them (a WhatsApp number gone)
    marks it."""
    async with engine.sessions() as db, db.begin():
        await db.execute(update(Contact).where(Contact.urn_hash == engine.cipher.lookup_hash(urn))
                         .values(opted_out=opted_out, unreachable=unreachable))


async def test_no_question_is_offered_where_the_reporter_stopped_the_bot_or_cannot_be_reached(engine: Engine) -> None:
    """Minta info was among an alert's and LIHAT's actions for a reporter who had sent BERHENTI, or whose chat was gone,
    and refused when tapped. It is offered nowhere now, and the numbers that follow it stay those shown."""
    petugas = await enrolled(engine, PETUGAS)
    warga = Resident(engine, "console:diam")
    await warga.send("halo")
    await warga.send("berhenti")
    await warga.send("lapor")
    _warga, stopped = await file_report(engine, "console:diam")
    [alert] = [payload(row) for row in await alerts(engine) if payload(row)["ref"] == stopped]
    shown = [label for _key, label in alert["choices"]]
    assert shown == [label for label in ALL_SEVEN if label != "Minta info"], shown
    assert "balas 1–6" in alert["hint"], alert["hint"]
    _warga, gone = await file_report(engine, "console:hilang")
    await silence(engine, "console:hilang", unreachable=True)  # their chat found gone after they reported
    for ref in (stopped, gone):
        await petugas.send(f"LIHAT {ref}")
        assert petugas.options() == shown, (ref, petugas.options())
        await petugas.send("4")  # LIHAT's fourth, as the alert's: Rujuk, not a question
        assert petugas.heard("officer.ask_station"), (ref, petugas.text)
        await petugas.send("batal")


async def test_an_alert_sent_before_the_reporter_stopped_the_bot_keeps_its_numbers_and_says_why(engine: Engine) -> None:
    """The alert offered Minta info as 4 when the reporter could still be asked; they sent BERHENTI since. Its 4 is
    still Minta info, as the officer read it (never the Rujuk that is fourth now): refused saying why, with what can
    still be done, numbered anew."""
    petugas = await enrolled(engine, PETUGAS)
    warga, ref = await file_report(engine)
    assert "4. Minta info" in await deliver_to(engine, PETUGAS)
    await warga.send("berhenti")
    await officer_wrote_ago(engine, dt.timedelta(minutes=5))
    await petugas.send("4")
    if petugas.heard("officer.confirm_number"):
        await petugas.send("ya")
    assert petugas.heard("officer.cannot_ask_silenced") and petugas.heard("officer.still_can"), petugas.text
    assert "Minta info" not in " ".join(petugas.options()) and f"Rujuk {ref}" in petugas.options(), petugas.options()
    assert (await report(engine, ref)).status == ReportStatus.RECEIVED
    await petugas.send(button=f"info:{ref}")  # the alert's button, tapped later
    assert petugas.heard("officer.cannot_ask_silenced") and not petugas.heard("officer.ask_question"), petugas.text
    await petugas.send("1")  # the list just offered: Terima
    assert petugas.heard("officer.done.ack"), petugas.text


@pytest.mark.parametrize(("typed", "answer"), [
    ("terima ndan", "officer.note_is_a_command"), ("lihat dulu", "officer.note_is_a_command"),
    ("Proses pak", "officer.note_is_a_command"), ("123", "officer.note_says_nothing"),
    ("terima kasih pak", "officer.note_says_nothing"), ("makasih ndan", "officer.note_says_nothing"),
    ("pagi ndan", "officer.note_says_nothing"), ("malam ndan", "officer.note_says_nothing"),
    ("selamat malam pak", "officer.ask_reason"),  # a greeting: the question again, as at any step
    ("siap 86", "officer.note_says_nothing"), ("otw", "officer.note_says_nothing"),
    ("siap laksanakan", "officer.note_says_nothing"), ("tes", "officer.note_says_nothing"),
    ("wkwk", "officer.note_says_nothing"), ("maaf salah pencet", "officer.note_says_nothing"),
    ("tunggu sebentar", "officer.note_says_nothing"), ("roger that", "officer.note_says_nothing"),
    ("oops wrong button", "officer.note_says_nothing"), ("lol", "officer.note_says_nothing"),
    ("view first", "officer.note_is_a_command"),
])
async def test_words_for_the_bot_at_tolaks_reason_are_no_reason(engine: Engine, typed: str, answer: str) -> None:
    """At TOLAK's reason, any words of three letters were sent to the resident as why their report was rejected:
    "terima kasih", "siap 86", "lihat dulu", a number. They are asked again, saying why, and the reason still waits."""
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    await petugas.send(f"TOLAK {ref}")
    assert petugas.heard("officer.ask_reason"), petugas.text
    await petugas.send(typed)
    assert petugas.heard(answer) and petugas.heard("officer.ask_reason"), petugas.text
    assert (await report(engine, ref)).status == ReportStatus.RECEIVED
    await petugas.send("bukan wilayah kami, lokasinya di Kec. Sukorejo")
    assert petugas.heard("officer.done.reject"), petugas.text
    [rejected] = [e for e in await events(engine, ref) if e.to_status == ReportStatus.REJECTED]
    assert rejected.note == "bukan wilayah kami, lokasinya di Kec. Sukorejo"


@pytest.mark.parametrize("reason", [
    "bukan wilayah kami", "laporan palsu", "sudah diselesaikan RT", "iseng", "hoax", "salah kirim", "salah alamat",
    "sudah damai", "nihil", "spam", "laporan ganda", "dibatalkan pelapor", "pelapor tidak jadi melapor",
    "sudah dicek, tidak ada kejadian", "bukan ranah polisi, masuk perdata", "sudah ditangani polsek lain",
    "not our area", "fake report", "wrong address", "resolved by the RT head",
])
async def test_a_real_reason_at_tolak_is_kept_as_typed(engine: Engine, reason: str) -> None:
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    await petugas.send(f"TOLAK {ref}")
    await petugas.send(reason)
    assert petugas.heard("officer.done.reject"), (reason, petugas.text)
    [rejected] = [e for e in await events(engine, ref) if e.to_status == ReportStatus.REJECTED]
    assert rejected.note == reason


@pytest.mark.parametrize("typed", ["gak jadi deh pak", "nggak jadi", "batalin aja", "kembali", "never mind"])
async def test_batal_in_the_officers_own_words_at_a_reason_drops_the_action(engine: Engine, typed: str) -> None:
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    await petugas.send(f"TOLAK {ref}")
    await petugas.send(typed)
    assert petugas.heard("officer.action_cancelled"), petugas.text
    assert (await report(engine, ref)).status == ReportStatus.RECEIVED
    await petugas.send("laporan palsu")  # no reason is waiting now: words at the menu, not a rejection
    assert (await report(engine, ref)).status == ReportStatus.RECEIVED


async def test_words_for_the_bot_are_no_closing_note_either(engine: Engine) -> None:
    """SELESAI's note reaches the reporter as TOLAK's reason does: "ok siap" typed with it is no note."""
    petugas = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    await petugas.send(f"SELESAI {ref} terima kasih")
    assert petugas.heard("officer.ask_note"), petugas.text
    await petugas.send("otw ndan")
    assert petugas.heard("officer.note_says_nothing") and (await report(engine, ref)).status == ReportStatus.RECEIVED
    await petugas.send("Motor sudah ditemukan di parkiran pasar")
    assert petugas.heard("officer.done.resolve"), petugas.text


async def test_an_action_the_reporters_withdrawal_made_moot_says_so_and_what_is_left(engine: Engine) -> None:
    """Terima tapped on an alert after the reporter had asked to withdraw the report (in answer to a question, or of
    their own after a colleague took it) said only that the status does not allow it."""
    petugas = await enrolled(engine, PETUGAS)
    warga, asked = await file_report(engine)
    await petugas.send(f"INFO {asked} Jam berapa kejadiannya?")
    await warga.send("batalin aja pak, hpnya udah ketemu")
    await petugas.send(button=f"ack:{asked}")
    assert petugas.heard("officer.withdrawn_by_reporter") and "hpnya udah ketemu" in petugas.text, petugas.text
    assert petugas.heard("officer.still_can") and f"Tolak {asked}" in petugas.options(), petugas.options()
    _lain, taken = await file_report(engine, "console:warga-lain")
    rina = await enrolled(engine, "console:rina")
    await rina.send(f"TERIMA {taken}")
    await Resident(engine, "console:warga-lain").send(f"pak laporan {taken} dibatalkan aja, motornya sudah ketemu")
    await petugas.send(button=f"ack:{taken}")
    assert petugas.heard("officer.withdrawn_by_reporter") and "motornya sudah ketemu" in petugas.text, petugas.text


async def test_an_action_the_reporters_answer_made_moot_says_they_answered(engine: Engine) -> None:
    petugas = await enrolled(engine, PETUGAS)
    warga, ref = await file_report(engine)
    await petugas.send(f"INFO {ref} Jam berapa kejadiannya?")
    await warga.send("sekitar jam 7 malam pak")
    await petugas.send(button=f"ack:{ref}")
    assert petugas.heard("officer.answered_by_reporter") and "jam 7 malam" in petugas.text, petugas.text
    assert not petugas.heard("officer.withdrawn_by_reporter")


@pytest.mark.parametrize("confirm", ["ya", "iya pak", "YA"])
async def test_a_referral_nobody_would_read_is_confirmed_with_a_yes_whichever_way_it_was_asked(
        engine: Engine, confirm: str) -> None:
    """Asked to confirm, a plain "ya" was "Perintah tidak dikenali"; and the station typed after the Rujuk button was
    referred to at once, unconfirmed, where no officer there would read it."""
    sananwetan = await enrolled(engine, PETUGAS)
    _warga, typed = await file_report(engine)
    await sananwetan.send(f"RUJUK {typed} polres blitar kota")
    assert sananwetan.heard("officer.refer_confirm"), sananwetan.text
    await sananwetan.send(confirm)
    assert sananwetan.heard("officer.done.refer"), sananwetan.text
    _warga, tapped = await file_report(engine, "console:warga-lain")
    await sananwetan.send(button=f"refer:{tapped}")
    await sananwetan.send("polres blitar kota")
    assert sananwetan.heard("officer.refer_confirm") and not sananwetan.heard("officer.done.refer"), sananwetan.text
    assert (await report(engine, tapped)).status == ReportStatus.RECEIVED
    await sananwetan.send(confirm)
    assert sananwetan.heard("officer.done.refer"), sananwetan.text


async def test_a_referral_left_unconfirmed_is_not_made_by_a_later_yes(engine: Engine) -> None:
    sananwetan = await enrolled(engine, PETUGAS)
    _warga, ref = await file_report(engine)
    await sananwetan.send(f"RUJUK {ref} polres blitar kota")
    await sananwetan.send("tidak")
    assert sananwetan.heard("officer.nothing_done"), sananwetan.text
    await sananwetan.send("TERBUKA")
    await sananwetan.send("ya")
    assert (await report(engine, ref)).status == ReportStatus.RECEIVED


async def test_an_anonymous_report_referred_away_is_dated_to_its_hour_only(engine: Engine) -> None:
    """LIHAT of an anonymous report this station referred said "8 Des 2026 08:00 WIB", a time to the minute that an
    anonymous report's times never hold: said as its hour, as its history says it."""
    sananwetan = await enrolled(engine, PETUGAS)
    await enrolled(engine, "console:sekar", station="POLSEK-SEKAR")
    _warga, ref = await file_report(engine, identity="3")
    await sananwetan.send(f"RUJUK {ref} POLSEK-SEKAR")
    await sananwetan.send(f"LIHAT {ref}")
    assert sananwetan.heard("officer.referred_away") and "sekitar" in sananwetan.text, sananwetan.text


async def test_a_patrol_by_an_officer_enrolled_without_a_name_names_them_as_their_history_does(
        engine: Engine) -> None:
    """The digest read "Desa Caturtunggal (-)" and the concern's alert "dicatat -" for an officer whose invite named
    nobody (`lapor officers invite` without a name): "petugas", as the report's history says."""
    petugas = await enrolled(engine, PETUGAS)
    async with engine.sessions() as db, db.begin():
        await db.execute(update(Officer).values(name=None))
    for said in ("/patroli", "Gedog Sananwetan", "1", "ketemu 10 orang", "lalu lintas",
                 "Balap liar tiap malam minggu di jalan raya", "tidak ada lagi", "ya"):
        await petugas.send(said)
    assert petugas.heard("patrol.saved"), petugas.text
    head = await enrolled(engine, "console:kapolsek", role=OfficerRole.HEAD)
    await head.send("DIGEST")
    assert "• Kel. Gedog (petugas): 10 warga" in head.text and "(-)" not in head.text, head.text
    async with engine.sessions() as db:
        ref = (await db.execute(select(Report.ref).where(Report.patrol_note_id.is_not(None)))).scalar_one()
    await head.send(f"LIHAT {ref}")
    assert "dicatat petugas" in head.text and "dicatat -" not in head.text, head.text
