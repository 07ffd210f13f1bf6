"""Answers one message: words that work at any step first, then the step the contact is at.

The report itself is in report_flow; this module holds the menu and the short side conversations
(status look-up, language, deleting one's data) that interrupt it and then resume it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Literal, get_args

from handlers import officer, patrol, report_flow
from handlers.actions import (
    OBJECTION_WITHIN,
    ReporterWord,
    take_answer,
    take_objection,
    take_reporter_word,
    take_witness_photo,
)
from handlers.choices import Menu
from handlers.i18n import keywords_by_first_word, labels, t
from handlers.language.answers import ASKING, NEUTRAL, hedged
from handlers.language.emergency import (
    a_theft_and_nothing_more,
    emergency_denied,
    is_cry_for_help,
    life_at_risk,
    missing_one_asked_after,
    returned_now,
    urgency_said,
)
from handlers.language.intents import (
    REPORT_NOUNS,
    SERVICE_QUESTIONS,
    after_sending_asked,
    aside,
    asks_after_a_report,
    begins_a_story,
    called_here,
    category_named,
    erasure_answer,
    erasure_asked,
    identity_wished,
    is_question,
    menu_intent,
    names_own_report,
    objects_to_decision,
    only_shows_a_photo,
    outcome_asked,
    photo_announced,
    photo_of_a_report_sent,
    puts_off,
    questions_asked,
    real_name_asked,
    ref_asked,
    report_kind_asked,
    report_wished,
    reporter_word,
    sent_asked,
    station_service_asked,
    status_asked,
    stopping,
    supposes,
    takes_back,
    tells_a_story,
    tells_after_the_wish,
    tells_of_the_kind,
    told_at_length,
    urges_haste,
    wants_to_report,
)
from handlers.language.normalise import normalise, words
from handlers.language.slots import when_named
from handlers.language.written import language_asked, language_wished, plainly_english, written_in
from handlers.routing import station_label
from handlers.state import JustFiled, JustJoined, SessionData
from handlers.status import (
    decided_report,
    has_open_emergency,
    has_own_reports,
    offer_own_reports,
    open_own_report,
    picked_own_report,
    recent_own_report,
    recent_witness_account,
    show_own_reports,
    show_status,
)
from handlers.text import letters_and_digits, normalize
from handlers.turn import MENU, Step, Turn, interrupt, one_table, resume
from handlers.unexposed import unexposed
from handlers.voice import voice_lines, voice_story
from storage.contacts import delete_contact
from storage.media import MAX_MEDIA_A_REPORT, StoredMedia
from storage.models import Category, Identity, OfficerRole, Report, ReportStatus, Station, StationKind, Witness
from storage.officers import ENROLL_WINDOW, enroll, invite_code_in
from storage.reports import find_ref, media_kept, question_waiting_for, report_by_ref
from storage.workflow import OPEN_STATUSES

STATUS_REF, LANGUAGE, CONFIRM_DELETE = "status_ref", "language", "confirm_delete"
RESIDENT_SIDE_STEPS = (STATUS_REF, LANGUAGE, CONFIRM_DELETE)
SIDE_STEPS = (*RESIDENT_SIDE_STEPS, officer.ACTION_NOTE, officer.CONFIRM_NUMBER)
FREE_TEXT_STEPS = report_flow.FREE_TEXT_STEPS + patrol.FREE_TEXT_STEPS
OFFICER_STEPS = (officer.ACTION_NOTE, officer.CONFIRM_NUMBER, *patrol.STEPS)
LANGUAGE_OPTIONS = Menu("language")
YES_NO = Menu("yes_no")
DEEP_LINK_STATUS = "status"  # t.me/<bot>?start=status_LP-XXXX-XXXX
ANSWER_CHARS = 2  # an answer to an officer's question says at least this much
ADDS_TO_AN_ANSWER = dt.timedelta(minutes=30)  # how long the next message after an answer may add to it
# What an officer's unfinished action or patrol leaves, dropped when the officer is revoked in the middle of it.
OfficerWork = Literal["pending_action", "number_meant", "patrol", "resume"]
OFFICER_WORK: tuple[OfficerWork, ...] = get_args(OfficerWork)


_REPORT_OPTION = Menu("main", ("report",))


def main_menu(turn: Turn) -> Menu:
    other_language = "english" if turn.lang == "id" else "indonesian"
    return Menu("main", ("report", "status", "help", other_language))


def switch_language(turn: Turn, lang: str) -> None:
    turn.lang = lang
    turn.say("language.changed")


def ask_menu(turn: Turn) -> None:
    if turn.officer is not None:
        officer.ask_home(turn)
    else:
        turn.say("menu.ask", main_menu(turn))


async def menu(turn: Turn) -> str:
    """Starts a report, a status look-up, help, or switches language; takes the answer to an officer's
    question. An officer's chat has the officer's menu instead."""
    if turn.officer is not None:
        if turn.voice is not None:
            turn.say("voice.rejected_not_now")  # a report is begun with one in a resident's chat only
        return await officer.home(turn)
    if turn.emergency_answered and not report_kind_asked(turn.text):
        if objects_to_decision(turn.text) and (decided := await decided_report(turn, OBJECTION_WITHIN)):
            # "lho kok udh selesai? …masih tawuran": the officers who closed it hear it, and the danger now is
            # reported anew, urgent, with its alert and escalation
            await take_objection(turn.office, decided, _for_officers(turn, decided, turn.text))
            turn.say("relay.objection_sent_urgent", ref=decided.ref)
        return await _start_urgent(turn)
    if (sent := turn.voice or turn.photo) is not None and await answer_question(turn, turn.text, sent):
        return MENU
    picked = turn.pick(main_menu(turn))
    # A thank-you, a "sebentar, sy cek dulu" or a wish to report something else leaves the officer's question open.
    answers = (picked is None and letters_and_digits(turn.text) >= ANSWER_CHARS and aside(turn.text) is None
               and not wants_to_report(turn.text))
    if answers and puts_off(turn.text) and (asked := await question_waiting_for(turn.db, turn.contact.id)):
        turn.say("relay.answer_awaited", ref=asked.ref)
        return MENU
    answered = turn.data.pop("answered", None)
    just_filed = turn.data.pop("just_filed", None)
    just_joined = turn.data.pop("just_joined", None)
    # An anonymous report just sent is the one a photo after it is meant for, not an older one of theirs still open
    anonymous_just_sent = just_filed in ("anonymous", "anonymous_told")
    unread_at = turn.data.pop("unread_at", None)
    if answers and await answer_question(turn, turn.text):
        return MENU
    if (answers or turn.photo) and answered and turn.now - dt.datetime.fromisoformat(answered["at"]) <= \
            ADDS_TO_AN_ANSWER and not _starts_something(turn) and await _add_to_answer(turn, answered["ref"]):
        return MENU
    if turn.photo and photo_of_a_report_sent(turn.text) and not anonymous_just_sent \
            and await _photo_of_a_report_sent(turn):
        return MENU
    if turn.photo and just_filed and photo_of_a_report_sent(turn.text):
        # The report just sent is none of theirs to be found: anonymous, it keeps no link to add the photo by. Said
        # so (once: not after "ini fotonya pak" was answered so), and the photo may begin a new report.
        if just_filed != "anonymous_told":
            turn.say("relay.photo_not_to_anonymous")
        return report_flow.start_with_photo(turn)
    if turn.photo and not turn.text.strip():
        return report_flow.start_with_photo(turn)  # sent first, as WhatsApp users do: the story is asked next
    if turn.voice is not None:
        return await report_flow.start_with_voice(turn)  # the story told first, in the resident's voice
    if picked in (None, "report") and turn.inbound.choice is None and menu_intent(turn.text) in ("story", "category"):
        return await _menu_intent(turn)  # "lapor pencurian" says more than "lapor"
    if picked == "report":
        return report_flow.start(turn)
    if picked == "status":
        return await _ask_for_status(turn)
    if picked == "help":
        turn.say("help.text")
    elif picked in ("english", "indonesian"):
        switch_language(turn, "en" if picked == "english" else "id")
    elif picked is None and unread_at and menu_intent(turn.text) in ("response", "after_report"):
        turn.say("report.no_officer_yet", station=unread_at)  # "kapan polisi dateng?": not "it reaches the officers"
    elif picked is None and just_filed and photo_announced(turn.text) and \
            (anonymous_just_sent or await recent_own_report(turn, report_flow.PHOTO_OF_A_REPORT_WITHIN) is None):
        turn.say("relay.photo_announced_anonymous")  # "fotonya nyusul ya pak" after an anonymous report: see above
        turn.data["just_filed"] = "anonymous_told"  # the photo that follows goes to no older report either
    elif picked is None and (just_filed or just_joined) and (after := after_sending_asked(turn.text)):
        # "trus gmn pak selanjutnya?", "gmn kabarnya": of the report just sent (or the account just added), and the
        # question after it may be of it too
        await _answer_after_sending(turn, after, filed=just_filed, joined=just_joined, unread_at=unread_at)
    elif picked is None and just_filed and report_flow.sends(turn.text) and set(words(turn.text)) <= _SENT_AGAIN:
        turn.say("menu.already_sent")  # "kirim" tapped twice: the report went once
        turn.data["just_filed"] = just_filed  # and a third time
    elif picked is None:
        if just_filed and menu_intent(turn.text) in ("thanks", "ok"):
            # "makasih pak", then "trus gmn selanjutnya?": still of the report just sent, as it was before the thanks
            turn.data["just_filed"] = just_filed
            if unread_at:
                turn.data["unread_at"] = unread_at
        return await _menu_intent(turn)
    return MENU


async def _answer_after_sending(turn: Turn, asked: str, *, filed: JustFiled | None, joined: JustJoined | None,
                                unread_at: str | None) -> None:
    """What happens next, or how it is getting on (their reports, the one just sent first), of the report just sent
    or the account just added; where no officer reads it yet, said so rather than that officers review it."""
    if asked == "progress" and (filed in ("anonymous", "anonymous_told") or joined == "anonymous") \
            and status_asked(turn.text) is None:  # not "status laporan saya": their reports are listed
        turn.say("status.just_sent_anonymous" if filed else "status.just_joined_anonymous")
    elif asked == "progress":
        await show_own_reports(turn)  # newest first: the one just sent, with its status
    elif unread_at is None and filed in ("anonymous", "anonymous_told"):
        turn.say("menu.after_report_anonymous")  # no question and no news reach an anonymous reporter: the number does
    elif unread_at is None and joined == "anonymous":
        turn.say("status.just_joined_anonymous")
    elif unread_at is None:
        turn.say("menu.after_report")
    if unread_at is not None:
        turn.say("report.no_officer_yet", station=unread_at)
        turn.data["unread_at"] = unread_at
    if filed:
        turn.data["just_filed"] = filed
    if joined:
        turn.data["just_joined"] = joined


# "Kirim" again and nothing else ("kirim", "ok kirim", "kirim aja pak"): not "kirim nomor polsek nya", "mau kirim foto".
_SENT_AGAIN = frozenset({"kirim", "kirimkan", "kirimin", "send", "submit", "it", "ok", "oke", "ya", "iya", "saja",
                         "aja", "lagi", "dong", "deh", "pak", "bu", "mas", "mbak", "kak", "min", "sudah"})


async def _start_urgent(turn: Turn) -> str:
    """After a cry for help at the menu: an urgent report, told in the same message when it says more."""
    if report_flow.DESCRIPTION_CHARS[0] <= letters_and_digits(turn.text) and len(turn.text.split()) >= 3:
        return await report_flow.start_from_story(turn, urgent=True)
    return report_flow.start(turn, category=category_named(turn.text), urgent=True)


# Questions the menu answers in a message of their own, before asking what the resident wants.
_ANSWERED_AT_THE_MENU = ("police_number", "distress", "hearsay", *SERVICE_QUESTIONS)


async def _menu_intent(turn: Turn) -> str:
    """What a message that is no menu choice asks for: a report (told whole, of a kind, or just wanted), how to
    report, the police number; thanks and an "ok" are answered, tears or fear with a gentle question of what
    happened; a place alone starts a report with it; anything else is asked once, with the menu."""
    if asked := questions_asked(turn.text):
        for question in asked:  # "gratis gk pak? trus nanti sy ditelpon polisi?": each answered, in turn
            turn.say(f"menu.{question}")
        return MENU
    intent = "privacy" if real_name_asked(turn.text) else menu_intent(turn.text)
    if service := station_service_asked(turn.text):
        turn.say(f"menu.{service}")  # answered, and whatever else the message tells is taken as ever
        if not tells_a_story(turn.text) or supposes(turn.text):  # "kalo mau bikin surat kehilangan gmn?"
            return MENU
    if intent == "story" or (intent == "category" and tells_of_the_kind(turn.text)):
        return await report_flow.start_from_story(turn)
    # how to be shown, said with the wish ("sy mau lapor anonim aja", "can i report anonymously?"): kept for it
    wished = identity_wished(turn.text) if intent in ("category", "can_report", "how", "report", None) else None
    if wished and (intent is None or "?" in turn.text):  # "bisa lapor tanpa nama gk?": answered how it is done
        turn.say("menu.privacy")
    if intent == "category":
        begun = report_flow.start(turn, category=category_named(turn.text), identity=wished)
        if begins_a_story(turn.text):
            turn.draft["story_begun"] = turn.text  # "ada yg ngintip": the story's first words, kept for it
        return begun
    if intent == "can_report" and (kind := report_kind_asked(turn.text)):
        turn.say("menu.can_report", kind=labels(turn.lang, report_flow.CATEGORIES.group)[kind])
        begun = report_flow.start(turn, category=kind, urgent=turn.emergency_answered, identity=wished)
        if told := turn.text.rsplit("?", 1)[-1].strip():  # "…bisa tolong ke sini? ada maling": the story begun
            turn.draft["story_begun"] = told
        return begun
    if intent == "how":  # "gmn cara lapor tetangga berisik?": how, and the report of the kind it names
        turn.say("menu.how")
        return report_flow.start(turn, category=category_named(turn.text), identity=wished)
    if intent in ("report", None) and told_at_length(turn.text) and await report_flow.tells_more_than_where(turn):
        # "kulo badhe lapor, wingi motor kulo dipundhut …", a story no list knows: its kind is asked, nothing lost
        return await report_flow.start_from_story(turn)
    if intent == "report":
        begun = report_flow.start(turn, identity=wished)
        if tells_after_the_wish(turn.text):
            turn.draft["story_begun"] = turn.text  # "pak kulo ajeng lapor, motor kulo dipundhut": not lost
        return begun
    if intent == "thanks" or intent in _ANSWERED_AT_THE_MENU:
        turn.say(f"menu.{intent}")
        if intent == "privacy" and report_wished(turn.text):  # "sy mau lapor tp takut ketauan suami sy"
            begun = report_flow.start(turn)
            turn.draft["story_begun"] = turn.text  # who is feared is part of the story officers will read
            return begun
    elif intent is None and wished:  # "sy gk mau disebut nama y pak": how reporters are shown, and the report
        return report_flow.start(turn, identity=wished)
    elif intent is None and called_here(turn.text):
        turn.answer_emergency()  # "tolong ksini pak", "pak kamari cepet": 110 sends someone; what happened is asked
        return report_flow.start(turn, urgent=True)
    elif intent is None and (step := await report_flow.start_from_place(turn)):
        return step
    elif intent is None and (ref := find_ref(turn.text, prefix_optional=True)):
        await show_status(turn, ref)  # eight letters alone, no place: a reference typed bare, at the menu only
    elif intent is None and photo_announced(turn.text) and \
            (sent := await recent_own_report(turn, report_flow.PHOTO_OF_A_REPORT_WITHIN)):
        turn.say("relay.photo_awaited", ref=sent.ref)  # "ini fotonya pak", the photo to follow: it goes to that report
    elif intent is None and _FORGOTTEN & set(words(turn.text)) and _OF_A_REPORT & set(words(turn.text)):
        if await has_own_reports(turn):  # "sy lupa nomor laporannya": their reports, to pick from
            return await _ask_for_status(turn)
        turn.say("status.ref_forgotten")
    elif intent not in ("ok", "greeting") and stopping(turn.text) not in ("cancel", "no_need"):
        turn.say("menu.not_understood")  # the menu that follows answers an ok, a greeting, and "gk jd deh" alike
    return MENU


async def answer_question(turn: Turn, answer: str, sent: StoredMedia | None = None) -> bool:
    """Passes the answer, in words, a voice note or a photo (with its caption), to the officer whose question
    about one of the contact's reports waits for it; False when no question waits. The next message may add to
    it (_add_to_answer)."""
    asked = await question_waiting_for(turn.db, turn.contact.id)
    if asked is None:
        return False
    kept = await _room_for(turn, asked, sent)
    if sent is not None and kept is None and not answer.strip():
        return True  # said so: the question waits for an answer that can be kept
    sent = kept
    await take_answer(turn.office, asked, _for_officers(turn, asked, _in_words(turn, answer, sent)), sent)
    turn.say("relay.answer_sent", ref=asked.ref)
    turn.data["answered"] = {"ref": asked.ref, "at": turn.now.isoformat()}
    return True


def _starts_something(turn: Turn) -> bool:
    """Whether a message right after an answer starts something of its own: a report of a kind named, a question
    of the menu's."""
    return menu_intent(turn.text) not in (None, "story", "ok")


async def _add_to_answer(turn: Turn, ref: str) -> bool:
    """The message right after an answer to an officer's question, which adds to it ("oh oke, hp samsung a14
    item, imei gk tau" after "maksudnya imei itu apa ya pak?"): passed to that officer too, while the report is
    still open and the contact's own."""
    report = await report_by_ref(turn.db, ref, lock=True)
    if report is None or report.contact_id != turn.contact.id \
            or report.status not in (ReportStatus.ACKNOWLEDGED, ReportStatus.IN_PROGRESS):
        return False
    sent = await _room_for(turn, report, turn.photo)
    await take_answer(turn.office, report, _for_officers(turn, report, _in_words(turn, turn.text, sent)), sent,
                      adding=True)
    turn.say("relay.answer_added", ref=ref)
    return True


async def _photo_of_a_report_sent(turn: Turn) -> bool:
    """A photo sent soon after a report of the resident's ("ini fotonya pak", or none said): for that report, the
    newest of theirs, named in the reply. Kept with it and passed to its officers as more told of it is. After an
    account joined to another's report, newer than any report of their own, the photo is for that report."""
    report = await recent_own_report(turn, report_flow.PHOTO_OF_A_REPORT_WITHIN)
    joined = await recent_witness_account(turn, report_flow.PHOTO_OF_A_REPORT_WITHIN)
    if joined is not None and (report is None or joined[1].created_at > report.created_at):
        return await _photo_of_a_report_witnessed(turn, *joined)
    if report is None:
        return False
    if await _room_for(turn, report, turn.photo) is None:
        return True  # said so; the officers are not paged for a photo they do not get
    said = _for_officers(turn, report, _in_words(turn, turn.text, turn.photo))
    await take_reporter_word(turn.office, report, said, ReporterWord.ADDED, turn.photo)
    turn.say("relay.photo_added", ref=report.ref)
    return True


async def _photo_of_a_report_witnessed(turn: Turn, report: Report, witness: Witness) -> bool:
    """The photo added to the report the resident joined as a witness, unnamed unless the account is by name; the
    reply names no report (its number is its reporter's). A report holding all the files it may keeps none more:
    the photo goes as a message of its own."""
    if turn.photo is None or await media_kept(turn.db, report.id) >= MAX_MEDIA_A_REPORT:
        return False
    said = _in_words(turn, turn.text, turn.photo)
    if witness.identity != Identity.NAMED:
        said = unexposed(said, lang=turn.lang, urn=turn.inbound.urn)
    await take_witness_photo(turn.office, report, witness, said, turn.photo)
    turn.say("relay.photo_added_witnessed")
    return True


async def _room_for(turn: Turn, report: Report, sent: StoredMedia | None) -> StoredMedia | None:
    """`sent` while the report keeps fewer than MAX_MEDIA_A_REPORT photos and voice notes; else None, said so, and
    the file goes with the message (what one resident can make the server keep stays bounded)."""
    if sent is None or await media_kept(turn.db, report.id) < MAX_MEDIA_A_REPORT:
        return sent
    turn.say("photo.rejected_too_many", ref=report.ref, most=MAX_MEDIA_A_REPORT)
    return None


def _for_officers(turn: Turn, report: Report, said: str) -> str:
    """What the reporter writes to the officers of their report, as they read it: the reporter unexposed unless
    the report is by name, as its story was."""
    return said if report.identity == Identity.NAMED else unexposed(said, lang=turn.lang, urn=turn.inbound.urn)


def _in_words(turn: Turn, answer: str, sent: StoredMedia | None) -> str:
    """An answer as its history keeps it: a voice note's line or a photo's, with the words sent with it."""
    if sent is not None and sent.content_type.startswith("audio/"):
        return voice_story(turn.lang, sent.duration_seconds or 0, answer)
    if sent is not None:
        line = t(turn.lang, "relay.photo_line")
        return f"{line} — {answer}" if answer.strip() else line
    return answer


async def _ask_for_status(turn: Turn) -> str:
    """Cek status, or STATUS alone: the contact's own reports to pick from, else their reference is asked for."""
    await offer_own_reports(turn)
    return interrupt(turn, STATUS_REF)


def ask_status_ref(turn: Turn) -> None:
    if turn.replies and turn.replies[-1].choices:
        return  # the contact's reports, listed to pick from, ask already
    turn.say("status.ask_ref")


async def status_ref(turn: Turn) -> str:
    """Shows the status of the report picked from the contact's list or of the typed reference, and goes back
    to where the contact was."""
    ref = find_ref(turn.text, prefix_optional=True) or await picked_own_report(turn)
    if ref is None and _FORGOTTEN & set(words(turn.text)):
        turn.say("status.ref_forgotten")  # "sy lupa nomornya pak": what can be done, and back
        return resume(turn)
    if ref is None and turn.inbound.choice is None and letters_and_digits(turn.text) >= ANSWER_CHARS \
            and not _like_a_ref(turn.text) and await answer_question(turn, turn.text, turn.photo):
        return resume(turn)  # the officer's question, which the status showed, answered from here
    if ref is None:
        turn.say("status.ref_not_recognised")
        return STATUS_REF
    await show_status(turn, ref)
    return resume(turn)


_FORGOTTEN = frozenset({"lupa", "kelupaan", "forgot", "forgotten", "forget", "hilang", "lost"})
_OF_A_REPORT = frozenset({"nomor", "nomornya", "no", "laporan", "laporannya", "ref", "reference", "number", "tiket"})


def _like_a_ref(text: str) -> bool:
    """A reference mistyped ("LP-7KX4-9Q", "7kx4 9qm"): "LP" first, or no more than two words, each of letters
    and digits mixed ("jam 5an sore" is an answer)."""
    said = re.findall(r"[^\W_]+", text.lower())  # as typed: the slang lexicon reads "lp" as "lapor"
    return said[:1] == ["lp"] or (len(said) <= 2 and all(re.search(r"\d", w) and re.search(r"[a-z]", w) for w in said))


def ask_language(turn: Turn) -> None:
    turn.say("language.ask", LANGUAGE_OPTIONS)


async def language(turn: Turn) -> str:
    """Switches the language and goes back to where the contact was."""
    picked = turn.pick(LANGUAGE_OPTIONS)
    if picked is None:
        turn.say("common.not_a_choice")
        return LANGUAGE
    switch_language(turn, picked)
    return resume(turn)


def ask_confirm_delete(turn: Turn) -> None:
    turn.say("privacy.confirm_delete", YES_NO)


async def confirm_delete(turn: Turn) -> str:
    """Erases the contact's personal data on a yes; otherwise goes back."""
    picked = turn.pick(YES_NO) or erasure_answer(turn.text)  # "iya hapus aja", "yes delete it"
    if picked == "yes" and hedged(turn.text):
        picked = None  # "kyknya iya": what cannot be undone waits for a plain yes
    if picked == "yes":
        turn.files_let_go |= await delete_contact(turn.db, turn.cipher, turn.contact, t(turn.lang, "privacy.erased"),
                                                  voice_lines)
        turn.contact_deleted = turn.unlinkable = True
        turn.data = SessionData()
        turn.say("privacy.deleted")
        return MENU
    if picked == "no":
        turn.say("privacy.kept")
        return resume(turn)
    turn.say("common.not_a_choice")
    return CONFIRM_DELETE


# Every flow keeps its own step names; a name two flows share stops the import (`one_table`).
STEPS: dict[str, Step] = one_table(
    {
        MENU: Step(ask_menu, menu),
        STATUS_REF: Step(ask_status_ref, status_ref),
        LANGUAGE: Step(ask_language, language),
        CONFIRM_DELETE: Step(ask_confirm_delete, confirm_delete),
    },
    report_flow.STEPS,
    officer.STEPS,
    patrol.STEPS,
)



@dataclass(frozen=True)
class Said:
    """A global word as the message put it: what follows it, and whether it was typed as a /command."""

    keyword: str
    argument: str
    slash: bool
    length: int = 1  # words of the keyword as typed: "laporan harian" is two


def _parse_keyword(text: str) -> Said | None:
    """The global word `text` starts with, if it starts with one."""
    slash = text.startswith("/")
    if slash:
        head, _, rest = text[1:].partition(" ")
        text = f"{head.split('@')[0]} {rest}"  # /status@LaporBot in a group
    said = normalize(text)
    for word, keyword in keywords_by_first_word().get(said.split(" ", 1)[0], ()):
        if said == word:
            return Said(keyword, "", slash, len(word.split()))
        if said.startswith(word + " "):
            return Said(keyword, said[len(word) + 1:], slash, len(word.split()))
    return None


def _enrolls(text: str) -> bool:
    said = _parse_keyword(text)
    return said is not None and said.keyword == "enroll" and invite_code_in(said.argument) is not None


def _keyword_in_own_words(text: str) -> Said | None:
    """A word that counts only as the whole message, as residents write it: slang spelt out and particles or forms
    of address after it ("hapus data sy dong", "bantuan pak"), and for a word one asks for, a request before it
    ("tolong hapus data saya", "saya mau batal")."""
    spelt = normalise(text).split()
    for start in range(len(spelt)):
        said = _parse_keyword(" ".join(spelt[start:]))
        if said is not None and GLOBAL_WORDS[said.keyword].alone and (start == 0 or GLOBAL_WORDS[said.keyword].asked) \
                and all(w in NEUTRAL for w in said.argument.split()):
            return Said(said.keyword, "", said.slash)
        if spelt[start] not in ASKING | NEUTRAL:
            return None
    return None


def _cancel_in_own_words(turn: Turn) -> Said | None:
    """BATAL as residents say it ("gak jadi deh", "batalin aja", "ga jd pak, udh ketemu"), read where they have a
    report or a question of their own to cancel; "gak usah" where something optional is asked declines only that."""
    if turn.inbound.choice is not None or turn.emergency_answered:  # a cry in it goes first: the report stays
        return None
    if turn.step not in RESIDENT_SIDE_STEPS and not ("draft" in turn.data and turn.step in report_flow.STEPS):
        return None
    if turn.step == report_flow.CHANGE and report_flow.change_dropped(turn.text):
        return None  # "gk jadi deh" where what to change is asked: nothing is changed, the report stays
    if identity_wished(turn.text) is not None:
        return None  # "gk jadi, rahasia aja" after "anonim aja": a mind changed on how to be shown, not on the report
    if turn.step == report_flow.PHOTO and report_flow.photo_called_off(turn.text):
        return None  # "ga jadi, ga ada foto": the photo is off, not the report
    kind = stopping(turn.text)
    if kind == "cancel" or (kind == "no_need" and turn.step not in report_flow.DECLINABLE_STEPS) \
            or (kind == "only_asking" and turn.step == report_flow.READ_BACK):
        return Said("cancel", "", slash=False)
    return None


def _erasure_in_own_words(turn: Turn) -> Said | None:
    """HAPUS as residents ask it ("tolong hapus data saya pak, sy takut ketauan", "sy mau data sy dihapus aja",
    "please delete everything about me"), at any step: the confirmation follows, and the report under it stays.
    Not in an officer's chat, where such words are a resident's, noted at work; nor in a cry for help, which
    goes first."""
    if turn.officer is not None or turn.inbound.choice is not None or turn.emergency_answered:
        return None
    return Said("delete", "", slash=False) if erasure_asked(turn.text) else None


@dataclass(frozen=True)
class GlobalWord:
    """What answers a global word: the step to ask next, or None to let the step take the message."""

    answer: Callable[[Turn, Said], Awaitable[str | None]]
    alone: bool = True  # it counts only as the whole message; otherwise what follows is meant for it
    asked: bool = False  # a word alone may follow a request ("tolong hapus data saya")


async def global_word(turn: Turn) -> str | None:
    """Handles a word that works at any step; returns the step to ask next, or None to let the step answer.

    A global word must be the whole message, except where what follows is meant for it (a /command's
    argument, a reference after STATUS, a language after BAHASA): a description that starts with
    "Batal", "Mulai" or "Bahasa" stays a description.
    """
    if turn.officer is not None and officer.parse_key(turn.inbound.choice):
        return await officer.tap(turn, turn.inbound.choice or "")
    said = _parse_keyword(turn.text)
    if said is None or (GLOBAL_WORDS[said.keyword].alone and said.argument):
        said = _keyword_in_own_words(turn.text) or _cancel_in_own_words(turn) or _erasure_in_own_words(turn)
    if turn.officer is None and said is None and sent_asked(turn.text):
        if turn.step in report_flow.STEPS and "draft" in turn.data:  # "udh sy kirim blm?" in the middle of a report
            report_flow.say_not_sent(turn)
            return turn.step
        return await _status_asked(turn, "own")  # once sent, how it is going
    # "cek LP-…", "status laporan saya", "lihat LP-…": a resident's own words for STATUS (an officer's bare ref or
    # LIHAT opens the report)
    status_words = said.keyword in ("status", officer.SHOW) if said else not turn.text.startswith("/")
    if turn.officer is None and status_words and (asked := await _status_in_own_words(turn)):
        return await _status_asked(turn, asked)
    if said is None:
        if turn.text.startswith("/"):
            turn.say("common.unknown_command")
            return turn.step
        return await _of_a_report_sent(turn) if turn.officer is None and turn.step == MENU else None
    word = GLOBAL_WORDS[said.keyword]
    if word.alone and said.argument:
        return None
    if turn.step == officer.CONFIRM_NUMBER:  # the officer moved on: a number after this means what it shows next
        turn.data.pop("number_meant", None)
        turn.step = resume(turn)
    return await word.answer(turn, said)


async def _of_a_report_sent(turn: Turn) -> str | None:
    """More told of a report already sent, or a wish to withdraw it ("LP-… sy mau nambahin info: …", "batalin aja
    laporan sy pak, hpnya udh ketemu"): passed to its officers, as the story was; only they close it. A cry in it is
    a report of its own."""
    said = reporter_word(turn.text)
    if said is None or turn.emergency_answered:
        return None
    ref = find_ref(turn.text)
    report = await open_own_report(turn, ref) or (await _open_anonymous(turn, ref) if ref and not turn.photo else None)
    if report is None and said == ReporterWord.WITHDRAWAL and not ref and not await has_own_reports(turn):
        turn.say("status.no_own_reports")  # "tolong hapus laporan sy": there is none, or an anonymous one, by its ref
        return MENU
    if report is None:
        return None
    word = ReporterWord(said)
    told = _for_officers(turn, report, _in_words(turn, turn.text, turn.photo))
    if await take_reporter_word(turn.office, report, told, word, turn.photo):
        turn.say(f"relay.{word.value}_sent", ref=report.ref)
    else:
        turn.say("relay.told_already", ref=report.ref)
    return MENU


async def _open_anonymous(turn: Turn, ref: str) -> Report | None:
    """The open anonymous report `ref` names: it keeps no link to its sender, so its ref, which only they and its
    officers were given, is what more told of it comes by ("LP-… sy mau nambahin info: pelakunya 2 org")."""
    report = await report_by_ref(turn.db, ref)
    return report if report is not None and report.identity == Identity.ANONYMOUS \
        and report.status in OPEN_STATUSES else None


def _free_text_here(turn: Turn) -> bool:
    return turn.step in FREE_TEXT_STEPS


async def _officer_command(turn: Turn, said: Said) -> str | None:
    return await officer.command(turn, said.keyword, said.slash, _free_text_here(turn), said.length)


async def _start(turn: Turn, said: Said) -> str | None:
    """/start, and a deep link's /start status_LP-…, which shows that report."""
    if said.argument and not said.slash:
        return None
    ref = find_ref(turn.text)
    if ref and said.argument.startswith(DEEP_LINK_STATUS):
        await show_status(turn, ref)
    return turn.step


async def _status(turn: Turn, said: Said) -> str | None:
    """STATUS ‹ref› shows the report (its "LP-" may be left out); STATUS alone lists the contact's reports, or asks
    for the reference."""
    ref = find_ref(turn.text) or find_ref(said.argument, prefix_optional=True)
    if ref is not None:
        await show_status(turn, ref)
        return resume(turn) if turn.step == STATUS_REF else turn.step
    if said.argument and _free_text_here(turn) and not said.slash:
        return None  # "status tanah sengketa…" is a description
    if said.argument:
        turn.say("status.ref_not_recognised")
        return turn.step
    return await _ask_for_status(turn)


def _back_now(turn: Turn) -> bool:
    """Whether, in the middle of a report of a break-in, a theft, a threat or violence, the one it tells of is told
    to be back now ("pak org nya dateng lagi skrg, lg di depan pintu!!")."""
    story = _story_so_far(turn)
    return bool(story) and returned_now(turn.text, story)


def _story_so_far(turn: Turn) -> str:
    """The story of the report in progress as told so far: its first words ("rumah sy", "dimasukin maling") until the
    story is asked, and the story told then."""
    draft = turn.data.get("draft", {})
    return "\n".join(told for told in (draft.get("story_begun"), draft.get("description")) if told)


def _time_told_over(turn: Turn) -> str | None:
    """The time of the report in progress as the resident typed it, when it is over ("kmrn mlm", "td pagi")."""
    told = turn.data.get("draft", {}).get("when", {}).get("text")
    return told if told and when_named(told) in ("today", "earlier") else None


def _with_the_time_told(turn: Turn) -> str:
    """The message, read after the time of the report in progress when the resident typed one that is over and the
    message tells a theft and nothing more ("kmrn mlm", then "rumah sy dimasukin maling": last night's). Any other
    danger is read as it comes: a missed cry costs more than a page too many."""
    if (told := _time_told_over(turn)) and a_theft_and_nothing_more(turn.text):
        return f"{told}, {turn.text}"
    return turn.text


def _urgency_of_a_theft_weighed(turn: Turn) -> None:
    """A draft urgent only for a theft told before its time ("rumah sy", "dimasukin maling": 110 at once, as it may
    be going on; Turn.answer_emergency marks it) is urgent no more once the time told puts it past ("tadi malem"),
    the story read with that time as _with_the_time_told reads a message. Not once Darurat is picked or urgency
    said ("cepet pak", "ini mendesak"), nor after any other danger told (which leaves no mark). A time picked
    ("Sebelum hari ini") puts it past as well."""
    draft = turn.data.get("draft")
    if not draft or not draft.get("urgent_for_a_theft"):
        return
    if urges_haste(turn.text) or urgency_said(turn.text) or draft.get("category") == Category.EMERGENCY:
        del draft["urgent_for_a_theft"]
        return
    story = _story_so_far(turn)
    told = _time_told_over(turn)
    past = told is not None or draft.get("when", {}).get("choice") in ("today", "earlier")  # typed, or picked
    if past and a_theft_and_nothing_more(story) and not (told and is_cry_for_help(f"{told}, {story}")):
        draft["urgent"] = False
        del draft["urgent_for_a_theft"]


async def _status_in_own_words(turn: Turn) -> str | None:
    """What status_asked reads: loosely at the menu; at any other step ("laporan sy yg hp td gimana pak?" at the
    place question) loosely only of a resident with reports of their own and as asks_after_a_report has it, since an
    answer may tell of the loss ("di gedog, pelakunya belum ketemu") and a story of a report made elsewhere
    ("sudah lapor ke pak RT belum ditanggapi")."""
    strict = status_asked(turn.text)
    if strict is None and turn.emergency_answered and not missing_one_asked_after(turn.text) \
            and not await _about_own_report(turn):
        return None  # a danger told loosely like a question, of no report of theirs, is the cry: its report
    # ("any update on my missing daughter?" asks after one: the status, besides the 110 said)
    if strict is not None or turn.step == MENU:
        return strict or status_asked(turn.text, loosely=True)
    asked = status_asked(turn.text, loosely=True)
    if asked is None or not asks_after_a_report(turn.text, story_asked=turn.step in report_flow.STORY_STEPS):
        return None
    # "laporan sy yg kemarin udh diproses blm pak" names a report of theirs, "did the police catch the thief yet?"
    # asks what came of one: answered with none to show (an anonymous one is found by its number), not told as the
    # story nor tried as a place
    return asked if names_own_report(turn.text) or outcome_asked(turn.text) or await has_own_reports(turn) else None


async def _status_asked(turn: Turn, asked: str) -> str:
    """A resident asking after a report in their own words: "cek LP-…" or the ref alone shows that report as
    STATUS does; "status laporan saya" or "my reports" lists their own. Then back to where they were. Asked in the
    other language ("what's the status of my report?" in a report told in Indonesian), it is answered in that one,
    and the report goes on in it."""
    ref = ref_asked(turn.text)
    if asked == "report" and ref is not None:
        await show_status(turn, ref)
    elif objects_to_decision(turn.text) and (decided := await decided_report(turn, OBJECTION_WITHIN)):
        await take_objection(turn.office, decided, _for_officers(turn, decided, turn.text))
        turn.say("relay.objection_sent", ref=decided.ref)
    elif turn.step == MENU and ("just_filed" in turn.data or "just_joined" in turn.data):
        # "udah diproses blm?" right after sending: the report just sent, anonymous too, or the account just added
        await _answer_after_sending(turn, "progress", filed=turn.data.pop("just_filed", None),
                                    joined=turn.data.pop("just_joined", None),
                                    unread_at=turn.data.pop("unread_at", None))
    else:
        await show_own_reports(turn)
    return resume(turn) if turn.step == STATUS_REF else turn.step


async def _language(turn: Turn, said: Said) -> str | None:
    """BAHASA ‹language› switches; BAHASA alone asks which."""
    wanted = LANGUAGE_OPTIONS.pick(turn.lang, said.argument) if said.argument else None
    if wanted:
        switch_language(turn, wanted)
        return resume(turn) if turn.step == LANGUAGE else turn.step
    if said.argument and not said.slash:
        return None  # "Bahasa kasar dari tetangga…" is a description
    return interrupt(turn, LANGUAGE)


async def _enroll(turn: Turn, said: Said) -> str | None:
    """DAFTAR ‹code›: links this chat to the station and role of an officer's invite."""
    code = invite_code_in(said.argument)
    if code is None:
        if said.argument and _free_text_here(turn) and not said.slash:
            return None  # "Daftar barang yang hilang: …" is a description
        turn.say("officer.code_format")
        return turn.step
    enrollment = await enroll(turn.db, turn.cipher, code, turn.contact, turn.now)
    if enrollment.officer is None:
        turn.say(f"officer.code_{enrollment.refusal}", minutes=int(ENROLL_WINDOW.total_seconds() // 60))
        return turn.step
    turn.officer = enrollment.officer
    station = await turn.db.get_one(Station, enrollment.officer.station_id)
    role = enrollment.officer.role.value
    if enrollment.officer.role == OfficerRole.HEAD and station.kind != StationKind.POLSEK:
        role = f"head_{station.kind.value}"  # a Polres's head is its Kapolres
    turn.say("officer.enrolled", station=await station_label(turn.db, station),
             role=t(turn.lang, f"officer.role.{role}"))
    return turn.step


async def _answer(turn: Turn, said: Said) -> str | None:
    """JAWAB ‹words›: the answer to an officer's question about one of the contact's reports."""
    free_text_here = _free_text_here(turn)
    if not said.argument:
        return None if free_text_here and not said.slash else turn.step
    answer = turn.text.split(maxsplit=1)[1]  # as typed, capitals and all
    if not await answer_question(turn, answer):
        if free_text_here and not said.slash:
            return None  # "Jawab saja pertanyaannya…" may be a description
        turn.say("relay.no_question")
    return turn.step


async def _cancel(turn: Turn, _said: Said) -> str:
    """BATAL: drops the report or patrol note in progress; at a side step, only that question."""
    if turn.step == officer.ACTION_NOTE:
        officer.cancel_action(turn)
    turn.data.pop("number_meant", None)
    if turn.step in SIDE_STEPS:
        return resume(turn)  # cancels the look-up or question, not the report under it
    if kept := patrol.drop_concern(turn):
        return kept
    cancelled = report_flow.set_aside(turn.data, turn.step, turn.now)
    if cancelled is not None:  # for the next message only: "eh jangan dibatalin, lanjut aja" takes it back
        turn.data["cancelled"] = cancelled
    had_report = turn.data.pop("draft", None) is not None
    had_patrol = turn.data.pop("patrol", None) is not None
    turn.say("report.cancelled" if had_report else "patrol.cancelled" if had_patrol else "common.nothing_to_cancel")
    return MENU


def _cancel_taken_back(turn: Turn) -> str | None:
    """The report cancelled by the message before, back where it was when this one takes the cancel back ("eh
    jangan dibatalin pak, lanjut aja", "LANJUT"), or answers its question as if it went on ("kirim", "rahasia aja"):
    the cancelled report is kept for that one message only."""
    cancelled = turn.data.pop("cancelled", None)
    if cancelled is None or turn.step != MENU or turn.inbound.choice is not None or not (
            takes_back(turn.text) or report_flow.answers_step(turn, cancelled["step"])):
        return None
    turn.data["draft"] = cancelled["draft"]
    turn.say("report.cancel_taken_back")
    return cancelled["step"]


async def _help(turn: Turn, _said: Said) -> str:
    if turn.officer:
        officer.say_help(turn)
    else:
        turn.say("help.text")
    return turn.step


async def _emergency(turn: Turn, _said: Said) -> str | None:
    """110 / DARURAT: the Call Center 110 answer; at the menu it starts an urgent report."""
    turn.answer_emergency()
    if turn.step == MENU and not turn.busy and turn.officer is None:
        return await _start_urgent(turn)
    # At the category step "darurat" is also the Emergency category: let the step take it.
    takes_it = turn.step == report_flow.CATEGORY and turn.pick(report_flow.CATEGORIES) is not None
    return None if takes_it else turn.step


async def _delete(turn: Turn, _said: Said) -> str | None:
    return None if turn.step == CONFIRM_DELETE else interrupt(turn, CONFIRM_DELETE)


async def _report(turn: Turn, _said: Said) -> str:
    if turn.busy:
        turn.say("report.already_started")
        return turn.step
    return report_flow.start(turn)


async def _opt_out_or_in(turn: Turn, said: Said) -> str:
    if turn.officer is not None and said.keyword == "opt_out":
        turn.say("officer.alerts_stay_on")  # an officer's STOP would silence every alert of the station unseen
        return turn.step
    turn.contact.opted_out = said.keyword == "opt_out"
    turn.say(f"common.{'opted_out' if turn.contact.opted_out else 'opted_in'}")
    return turn.step


async def _greeting(turn: Turn, _said: Said) -> str:
    if turn.busy:
        turn.say("report.already_started")
    return turn.step


# The words that work at any step (`keyword.*` in the catalogues), read in this one table as
# python-telegram-bot reads a ConversationHandler's fallbacks.
GLOBAL_WORDS: dict[str, GlobalWord] = one_table(
    {
        "start": GlobalWord(_start, alone=False),
        "status": GlobalWord(_status, alone=False),
        "language": GlobalWord(_language, alone=False),
        "enroll": GlobalWord(_enroll, alone=False),
        "answer": GlobalWord(_answer, alone=False),
        "cancel": GlobalWord(_cancel, asked=True),
        "help": GlobalWord(_help),
        "emergency": GlobalWord(_emergency),
        "delete": GlobalWord(_delete, asked=True),
        "report": GlobalWord(_report),
        "opt_out": GlobalWord(_opt_out_or_in),
        "opt_in": GlobalWord(_opt_out_or_in),
        "greeting": GlobalWord(_greeting),
    },
    {keyword: GlobalWord(_officer_command, alone=False) for keyword in officer.KEYWORDS},
)


async def _asks_after_a_danger(turn: Turn) -> bool:
    """Whether a danger at the menu is named in asking after the resident's own report of it, by the word
    ("laporan yg celurit itu gmn pak"): no new cry. A life at risk is one still ("anak sy yg hilang kemarin udh ada
    kabar blm?"), and a danger asked after with no report named may be a new one ("ada yg bawa pisau di depan
    rumah, polisi udh dtg blm?"): 110 is said."""
    return turn.step == MENU and status_asked(turn.text, loosely=True) is not None and _names_a_report(turn.text) \
        and not life_at_risk(turn.text) and await has_own_reports(turn)


def _names_a_report(text: str) -> bool:
    """A report named, by the word, its reference, or its matter ("soal maling kemarin", "about the break-in"), and
    no danger told as going on now beside it ("soal utang, debt collector skrg ngancam bunuh sy")."""
    said = set(words(text))
    return bool((REPORT_NOUNS | _ITS_MATTER) & said or find_ref(text) is not None) and not _GOING_ON & said


_GOING_ON = frozenset({"sekarang", "masih", "lagi", "sedang", "now", "still"})


_ITS_MATTER = frozenset({"soal", "tentang", "perihal", "masalah", "kasus", "about", "regarding", "case"})


async def _about_own_report(turn: Turn) -> bool:
    """Whether a danger told like a question after a report is about the resident's own report: one named ("laporan
    sy yg …"), or, for a life at risk, an open Darurat of theirs it may be ("anak sy yg hilang kemarin udh ada
    kabar blm?"); not one that tells a new danger beside an old report of a stolen motorbike ("ada yg tenggelam di
    sungai, polisi udh dtg blm?"), which is its own report."""
    if not await has_own_reports(turn):
        return False
    return _names_a_report(turn.text) or (life_at_risk(turn.text) and await has_open_emergency(turn))


def _tells_something(turn: Turn) -> bool:
    """Whether a first message (or the first after a draft expired) says what the contact wants by itself."""
    return turn.emergency_answered or turn.photo is not None or turn.voice is not None \
        or menu_intent(turn.text) in ("story", "category", "can_report", "report", "how", *_ANSWERED_AT_THE_MENU) \
        or told_at_length(turn.text) or station_service_asked(turn.text) is not None \
        or identity_wished(turn.text) is not None  # "sy gk mau disebut nama y pak": a report, kept unnamed


def _asked_in_the_other_language(turn: Turn) -> str | None:
    """The other language, when a question, a correction or a status question past the menu is plainly written in
    it ("how long will it take?", "has anyone read it?", "my bad, traffic please", "what does confidential mean?" in
    a report told in Indonesian; "bedanya apa sih" where the ways of being shown are offered in English): answered in
    it, and the conversation goes on in it. A word or two ("ok", "sorry", "thanks", a brand's name) is no language's
    mark, nor is an answer with an English word in it ("no pics", "anonymous pls")."""
    written = written_in(turn.text)
    if written is None or written == turn.lang:
        return None
    asks = is_question(turn.text) or aside(turn.text) in SERVICE_QUESTIONS \
        or status_asked(turn.text, loosely=True) is not None or report_flow.puts_right(turn) \
        or report_flow.options_asked(turn)
    return written if asks else None


async def respond(turn: Turn, *, first_contact: bool, expired: bool) -> None:
    """Answers one message: emergency first, then global words, then the current step."""
    if turn.officer is not None:
        officer.offer_lives_one_message(turn)
    # A resident writing the other language at the menu, or picking the kind by its name in it, is answered in
    # theirs from then on; one writing plain English where the report is told too (Indonesian there may quote what
    # was said or name the place, in English chosen). A cry in it is answered first, in it.
    written = None
    if turn.officer is None and turn.inbound.choice is None and turn.step == MENU:
        written = written_in(turn.text) or _REPORT_OPTION.language_named_in(turn.text)  # "report", not "help"
        if first_contact and written is None:  # "english please" as a first word: greeted in it
            written = language_asked(turn.text)
    elif turn.officer is None and turn.inbound.choice is None and turn.step == report_flow.CATEGORY \
            and (named_in := report_flow.CATEGORIES.language_named_in(turn.text)) is not None:
        written = named_in  # "theft", "kecelakaan": the kind picked by a name of one language
    elif turn.officer is None and turn.inbound.choice is None \
            and turn.step in report_flow.TELLING_STEPS and plainly_english(turn.text):
        written = "en"  # not "dijambret on the way home": a few English words in an Indonesian story
    elif turn.officer is None and turn.inbound.choice is None and turn.step != MENU:
        written = _asked_in_the_other_language(turn)
    asked_in = language_wished(turn.text) if turn.inbound.choice is None and turn.step != MENU else None
    if asked_in is not None:
        written = asked_in  # "bisa pake bahasa indonesia aja?" in a report: the language, and the question again
    switching = written is not None and written != turn.lang
    if written is not None:
        turn.lang = written
    # Officers write of danger in their work; a resident asking after a report may name its danger ("laporan yg
    # celurit itu gmn pak"), which is no new cry. Asking whether a danger may be reported ("bisa lapor kdrt?") is
    # none either: its answer names 110 for a danger now (menu.can_report), and the report begun is not urgent.
    if turn.officer is None and (is_cry_for_help(_with_the_time_told(turn)) or _back_now(turn)) \
            and not await _asks_after_a_danger(turn):
        turn.answer_emergency()
    elif turn.data.get("draft", {}).get("urgent") and emergency_denied(turn.text):
        turn.draft["urgent"] = False  # "No, it's not an emergency": the resident knows, officers are told so
    if switching:
        turn.say("language.changed")
    if first_contact and not _enrolls(turn.text):  # an officer's first message is DAFTAR ‹code›: no resident's notice
        turn.say("menu.greeting")
    if turn.photo_problem == "not_now":
        turn.say("photo.rejected_not_now")
        if not turn.text and not first_contact and turn.step in STEPS:
            STEPS[turn.step].ask(turn)  # a photo alone answers nothing: one reply, then the question again
            return
    elif turn.photo_problem and turn.step not in report_flow.TAKES_A_PHOTO_ALONE:
        turn.say(f"photo.rejected_{turn.photo_problem}")  # a photo that could not be kept: told, not dropped
        if only_shows_a_photo(turn.text):  # alone, or "ini fotonya pak": nothing else to answer
            if turn.step in STEPS:
                STEPS[turn.step].ask(turn)  # the menu after the greeting, to a first message
            return
    if turn.voice_problem:
        turn.say(f"voice.rejected_{turn.voice_problem}")
        if not turn.text and not first_contact and turn.step in STEPS:
            STEPS[turn.step].ask(turn)  # a voice note refused answers nothing: the question again
            return
    if turn.inbound.unsupported:  # the same answer on a first message: after the greeting
        turn.say("common.pin_off_the_map" if turn.inbound.unsupported == "location" else "common.unsupported")
        if turn.step in STEPS:
            STEPS[turn.step].ask(turn)
        return
    if turn.step not in STEPS:  # a step of an older version of the flow
        turn.data = SessionData()
        turn.step = MENU
    if turn.officer is None and turn.step in OFFICER_STEPS:  # revoked in the middle of an action or a patrol
        for key in OFFICER_WORK:
            turn.data.pop(key, None)
        turn.step = MENU
        turn.say("officer.no_longer")
    if expired:
        kept = report_flow.set_aside(turn.data, turn.step, turn.now)
        turn.data = SessionData()
        turn.step = MENU
        if kept:
            turn.data["expired_draft"] = kept
            turn.say("report.expired")
    if turn.photo is not None and report_flow.keep_photo_sent_aside(turn) and only_shows_a_photo(turn.text):
        STEPS[turn.step].ask(turn)  # the photo alone ("ini fotonya pak") answers the photo's question, not this one
        return
    next_step = _cancel_taken_back(turn)
    if next_step is None and asked_in is not None and turn.step in report_flow.STEPS:
        next_step = turn.step  # asked for the language alone: nothing of it answers the question
    if next_step is None:
        next_step = await global_word(turn)
    if next_step is None and turn.step in report_flow.STEPS and "draft" in turn.data:
        next_step = report_flow.for_another_report(turn) or await report_flow.correct(turn) \
            or report_flow.answer_aside(turn) or report_flow.answer_ahead(turn)
    if next_step is None and turn.step == report_flow.CATEGORY and letters_and_digits(turn.text) >= ANSWER_CHARS \
            and report_flow.says_nothing_of_a_kind(turn) and await answer_question(turn, turn.text):
        next_step = turn.step  # an officer's question answered while a new report begins; the kind asked again
    if next_step is None and (first_contact or expired) and not _tells_something(turn):
        next_step = MENU  # a first "1" or "ok" is no answer to a menu not yet shown
        kept = turn.data.get("expired_draft")
        if kept and kept["step"] == report_flow.LOCATION and turn.text:
            found, _confident = await turn.router.read(turn.db, turn.text)
            if found:
                kept["unanswered"] = turn.text  # "kel gedog": the place asked when it expired, kept for it
    turn.step = next_step or await STEPS[turn.step].answer(turn)
    _urgency_of_a_theft_weighed(turn)  # the time may just have been told
    if turn.step == MENU and "expired_draft" in turn.data and turn.officer is None:
        turn.step = report_flow.offer_to_resume(turn)  # once, and within a day
    if not turn.contact_deleted:
        STEPS[turn.step].ask(turn)
    if turn.officer is not None:
        await officer.note_messages_seen(turn)
