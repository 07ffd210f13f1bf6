"""The officer's side of the chat: acting on reports by button, by number or by keyword, the station's
open reports, one report with its history. An enrolled chat lands here instead of the resident's menu;
LAPOR still files a report like any resident.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from typing import Any
from zoneinfo import ZoneInfo

from rapidfuzz import fuzz
from sqlalchemy.ext.asyncio import AsyncSession

from bot.channels.base import Choice, Outbound
from handlers import patrol, report_flow
from handlers.actions import (
    NEEDS_ARGUMENT,
    NOTE_CHARS,
    Action,
    Outcome,
    act,
    actor_name,
    add_note,
    can_take,
    referred_by,
    refusal,
    refusal_said,
    station_and_reason,
    too_long,
)
from handlers.alerts import (
    ACTIONS,
    alert_payload,
    alerts_together,
    kept_instead,
    quoted,
    status_at_station,
    witness_accounts,
)
from handlers.choices import TYPO_CUTOFF, Menu, pick
from handlers.digest import compose, place_name
from handlers.i18n import catalogue, format_hour, format_moment, format_time, keywords, labels, t
from handlers.language.answers import yes_or_no
from handlers.language.duty import ADDRESS, AlertAnswer, answering_an_alert, command_word_in_everyday_sense
from handlers.language.intents import is_question, menu_intent
from handlers.language.normalise import normalise, words
from handlers.state import CommandMeant, PendingAction
from handlers.station_page import stations_seen
from handlers.text import letters_and_digits, normalize
from handlers.turn import MENU, Step, Turn, interrupt, resume
from storage.lexicon import is_ordinary
from storage.models import EventKind, Identity, OfficerRole, Outbox, OutboxKind, Report, ReportEvent, Station
from storage.officers import officers_to_alert
from storage.outbox import last_sent_id, latest_sent, open_payload, sent_since, sent_together
from storage.reports import history, open_reports, referral_from, report_by_ref, returning_referrals, split_ref
from storage.web_sessions import LINK_TTL, create_link
from storage.workflow import OPEN_STATUSES, UNACKNOWLEDGED

ACTION_NOTE = "action_note"  # the note, question, station or ref an action needs, asked after a tap
CONFIRM_NUMBER = "confirm_number"  # a bare number that may be meant for an alert that has just come in
#: An officer who wrote this recently may have been typing a number for the menu or a list as an alert came.
NUMBER_CONFIRM_WINDOW = dt.timedelta(seconds=60)
HEAD_MENU = Menu("officer_menu")
OFFICER_MENU = HEAD_MENU.only("open_reports", "patrol", "report", "help")  # the daily digest is the head's
PAGE = 10
# What an action says when the words after its ref do not fit: the officer's next message may put them right.
# An action the report's status does not allow now: said plainly, or saying who moved it there.
NOT_NOW = ("officer.not_allowed", "officer.taken_by", "officer.withdrawn_by_reporter", "officer.answered_by_reporter")
# Refused for what has happened since the officer's screen showed the action (a colleague took it, the reporter
# answered or asked to withdraw it, or stopped the bot's messages after their alert came): what is still possible
# is offered with it.
NOT_THIS_NOW = ("officer.taken_by", "officer.withdrawn_by_reporter", "officer.answered_by_reporter",
                "officer.cannot_ask_silenced", "officer.cannot_ask")
ARGUMENT_REFUSALS = ("officer.unknown_station", "officer.refer_own_station", "officer.unknown_duplicate",
                     "officer.argument_too_long")
VIEW = "view"  # choice key prefix: open one report
NOTE = "note"  # CATAT REF catatan, and the choice key prefix that keeps a note just typed
SHOW = "show"  # LIHAT REF
# Choice key prefix: a command read with the report it is for, taken on one tap (typed without its ref, or with
# a slip in its word); the command and its words wait in the session's "meant", and the key names them.
MEANT = "meant"
OFFER_TTL = dt.timedelta(minutes=5)  # how long a command offered waits for its tap or yes
ACTION_KEYWORDS = {action.value for action in Action}
ON_A_REPORT = ACTION_KEYWORDS | {SHOW, NOTE}  # the commands that name a report
KEYWORDS = ACTION_KEYWORDS | {"open_reports", "patrol", SHOW, "digest", "dashboard", NOTE}
# The actions whose words go to the reporter: a reason, a closing note, a question.
_TO_THE_REPORTER = frozenset({Action.RESOLVE, Action.REJECT, Action.REOPEN, Action.NEED_INFO})
NOTE_WORDS = 3  # words a message needs to be offered as a note on the report just handled: not "ok", "siap"
NOTE_OFFER_WINDOW = dt.timedelta(minutes=30)  # how lately: words typed a day later are no note on that report
_KEEP_WORDS = frozenset({"simpan", "save", "keep"})
_CONFIRMED = re.compile(r"\s+(?:ya|yes|tetap)\s*[.!]*\s*$", re.IGNORECASE)  # "RUJUK … POLRES-BLITAR YA"
_OF_TODAY = frozenset({"hari", "ini", "harian", "sekarang", "terbaru", "today", "latest", "now", "dong", "pak", "ya"})
# A reference begun and not finished: "lp", "LP-DJRY", "lp djry pqe", "djry-pqe".
_A_REF_TRIED = re.compile(r"^(?:lp\b[\s-]*[a-z0-9\s-]{0,12}|[a-z0-9]{4}-[a-z0-9]{0,4})$", re.IGNORECASE)
_COMMAND = re.compile(r"^/?\s*\S+?(?:@\w+)?(?:\s+(.*))?$", re.S)


def _words_after_keyword(turn: Turn, length: int) -> str:
    """What follows the command's words, exactly as typed (notes keep their capitals)."""
    match = _COMMAND.match(turn.text)
    after = (match.group(1) or "") if match else ""
    for _ in range(length - 1):  # the keyword's other words: "harian" of "laporan harian"
        after = after.split(maxsplit=1)[1] if len(after.split(maxsplit=1)) > 1 else ""
    return after


def parse_key(key: str | None) -> tuple[str, str] | None:
    """`ack:LP-7KX4-9QM2` → (`ack`, ref) for a report's button; None for any other choice."""
    if not key or ":" not in key:
        return None
    kind, ref = key.split(":", 1)
    return (kind, ref) if kind in ACTION_KEYWORDS | {VIEW, NOTE, MEANT} else None


async def command(turn: Turn, keyword: str, slash: bool, free_text_here: bool, length: int = 1) -> str | None:
    """An officer's keyword; None when the words are not meant as one (a resident's, or a description)."""
    if turn.officer is None:
        if slash or _an_action_on_a_report(keyword, _words_after_keyword(turn, length)):
            turn.say("officer.only")  # "TERIMA LP-…" from a resident acts on nothing, and is told why
            return turn.step
        return None
    ref, rest = split_ref(_words_after_keyword(turn, length))
    if keyword in ("open_reports", "patrol", "digest", "dashboard") and turn.step == ACTION_NOTE and ref is None:
        cancel_action(turn)  # "TERBUKA" where the other report's ref was asked: the list wanted, not that action
        turn.step = resume(turn)
    if keyword in ("open_reports", "patrol", "digest", "dashboard") and turn.step != MENU and not slash:
        return None  # inside a flow the step's own words win ("terbuka" is also "Dengan nama")
    if keyword == "open_reports":
        if rest and not (rest.isdecimal() and len(rest) <= 4):
            return None if free_text_here else _usage(turn)
        await list_open(turn, int(rest) if rest else 1)
        return turn.step
    if keyword == "digest":
        if ref or (rest and not set(words(rest)) <= _OF_TODAY):  # "rekap hari ini" is the digest
            return None if free_text_here else _usage(turn)
        await _latest_digest(turn)
        return turn.step
    if keyword == "dashboard":
        if rest or ref:
            return None if free_text_here else _usage(turn)
        await _sign_in_link(turn)
        return turn.step
    if keyword == "patrol":
        if rest or ref:
            return None if free_text_here else _usage(turn)
        if turn.busy:
            turn.say("report.already_started")
            return turn.step
        return patrol.start(turn)
    if ref is None and turn.step == MENU and _A_REF_TRIED.match(rest):
        turn.say("officer.ref_incomplete", typed=rest)  # "lihat lp", "terima lp-djry-pqe": no report, no new one
        return turn.step
    if ref is None and turn.step == MENU and keyword in ON_A_REPORT - {SHOW} \
            and (argument := _argument_without_ref(keyword, rest)) is not None \
            and not command_word_in_everyday_sense(turn.text, asks_for_a_question=keyword == Action.NEED_INFO):
        return await _which_report(turn, keyword, argument)  # "SELESAI sudah diamankan": of the report in play?
    if ref is None and turn.step == MENU and keyword == SHOW and _says_nothing(rest) \
            and (alerted := await _allowed(turn, await _alerted_lately(turn), None)):
        if len(alerted) == 1:  # "buka", "lihat ya" right after an alert: that report opened
            await show_report(turn, alerted[0])
        else:
            _offer_meant(turn, SHOW, "", alerted, one=None)
        return turn.step
    if ref is None:
        # "Terima kasih", "Selesai makan…", a step's own "Selesai": words, not a command without its ref.
        # At the note an action waits for, a bare command word is no note.
        return None if not slash and (rest or turn.step not in (MENU, ACTION_NOTE)) else _usage(turn)
    if keyword == SHOW:
        await show_report(turn, ref)  # "buka LP-…" too: the bot says "buka" for opening one; reopening is said whole
        return turn.step
    if keyword == NOTE:
        await _note(turn, ref, rest)
        return turn.step
    return await _take(turn, Action(keyword), ref, rest)


async def _note(turn: Turn, ref: str, note: str) -> None:
    """CATAT REF catatan: the officer's note, kept in the report's history for officers. A command word alone is no
    note ("CATAT REF SELESAI")."""
    assert turn.officer is not None
    if not note.strip() or normalize(note) in {word for word, _keyword in keywords()}:
        turn.say("officer.note_missing", ref=ref)
        return
    report = await report_by_ref(turn.db, ref, lock=True)
    outcome = Outcome("officer.unknown_ref", {"ref": ref}) if report is None else \
        await add_note(turn.office, turn.officer, report, note)
    if outcome.refusal:
        turn.say(outcome.refusal, **outcome.params)
        return
    turn.say("officer.note_kept", ref=ref)
    _handled(turn, ref)


# A report's number as a resident may have it besides Lapor's ref: the station's own ("LP/B/123/XII/2026",
# "LP-20261207-0001"), a token with a digit after "LP", and any more of digits.
_LP_NUMBER = re.compile(r"^\s*lp[\s/_.-]*(?=[\w/.-]*\d)[\w/.-]+(?:\s+\d[\w/.-]*)*(?P<rest>.*)$", re.IGNORECASE | re.S)
# What a resident may type that only an officer's action takes: not INFO ("info LP-…" asks after it) nor LIHAT.
_RESIDENT_REFUSED = ON_A_REPORT - {Action.NEED_INFO, SHOW}


def _an_action_on_a_report(keyword: str, after: str) -> bool:
    """Whether a resident's words are an officer's action on a report: its word, the report's number, and nothing
    but address after it ("TERIMA LP-…", "tolak lp-… pak"); not words that go on ("selesai LP-…, hp sy udh
    ketemu"), which tell of their own report."""
    if keyword not in _RESIDENT_REFUSED:
        return False
    ref, rest = split_ref(after)
    if ref is None:
        number = _LP_NUMBER.match(after)
        if number is None:
            return False
        rest = number["rest"]
    return _says_nothing(rest)


def _says_nothing(text: str) -> bool:
    """Words of address and filler alone ("ndan", "ya pak", "dong"), or none."""
    return all(word in ADDRESS for word in words(text))


def _too_little(action: Action, argument: str) -> bool:
    """Whether the words an action needs tell too little: too short ("ok", "👍"), or nothing to its reporter."""
    return letters_and_digits(argument) < NOTE_CHARS or nothing_to_the_reporter(action, argument)


def nothing_to_the_reporter(action: Action, argument: str) -> bool:
    """Whether words meant for the reporter (why it is closed, rejected or reopened; a question) tell them nothing:
    address and filler alone ("oke", "siap pak"), words the officer says to the bot or a colleague (_said_to_us), or,
    but for a question to them ("Kapan?"), a word or two asked back ("hah?", "maksudnya?"): the officer puzzled at the
    bot, not a reason."""
    if action not in _TO_THE_REPORTER:
        return False
    return _says_nothing(argument) or _said_to_us(argument) or (action != Action.NEED_INFO
                                                                and len(words(argument)) <= 2 and is_question(argument))


# Words typed to the bot, not to a reporter: a test, a laugh, a slip owned ("maaf salah pencet"), a moment asked.
_TO_US = frozenset({"tes", "test", "testing", "cek", "check", "wkwk", "wkwkwk", "haha", "hehe", "hmm", "hm", "p",
                    "eh", "maaf", "sorry", "salah", "pencet", "ketik", "tekan", "klik", "typo", "dulu", "deh",
                    "bentar", "sebentar", "tunggu", "lanjut", "next", "lol", "oops", "wrong", "button", "first",
                    "roger", "copy", "that", "wait"})
# The parts of the day a greeting names, said alone with an address ("pagi ndan", "malam pak").
_DAY_GREETINGS = frozenset({"pagi", "siang", "sore", "malam", "selamat", "met"})


# BATAL as an officer says it where an action waits for its words: "gak jadi", "batalin aja", "kembali".
_CANCELLING = frozenset({"batal", "batalin", "batalkan", "cancel", "kembali", "back"})
_NOT_AFTER_ALL = frozenset({"enggak", "tidak", "jadi", "deh", "dulu", "never", "mind"})


def _cancelled_in_own_words(text: str) -> bool:
    """Whether the words say BATAL and nothing else: "gak jadi deh pak", "batalin aja", "kembali". Not a reason that
    tells of a withdrawal ("dibatalkan pelapor", "pelapor tidak jadi melapor"): that goes to the reporter."""
    said = [word for word in words(text) if word not in ADDRESS]
    if not said or not all(word in _CANCELLING | _NOT_AFTER_ALL for word in said):
        return False
    return bool(set(said) & _CANCELLING) or ("jadi" in said and bool({"enggak", "tidak"} & set(said))) \
        or {"never", "mind"} <= set(said)


def _said_to_us(text: str) -> bool:
    """Whether the words are the officer's to the bot or a colleague, none of them a reason or question for a
    resident: a greeting or thanks ("pagi ndan", "terima kasih"), taking a job ("siap 86", "otw"), a command word with
    nothing after it but address ("terima ndan", "lihat dulu"), a number ("123": a choice typed here), a test or a slip
    ("tes", "maaf salah pencet"). A reason says what of the report: "bukan wilayah kami", "salah kirim"."""
    said = [word for word in words(text) if word not in ADDRESS and not word.startswith("emoji_")]
    if not said:
        return False  # address alone: _says_nothing's
    rest = " ".join(said)
    if all(word.isdecimal() for word in said) or all(word in _TO_US | _DAY_GREETINGS for word in said):
        return True
    # a greeting or thanks alone: "pelaku sudah kami amankan, terima kasih bu" is a note that also thanks
    if (len(said) <= 3 and menu_intent(rest) in ("greeting", "thanks")) or answering_an_alert(text) == AlertAnswer.TAKE:
        return True
    return _command_typed(text) is not None


def _command_typed(text: str) -> str | None:
    """The command word that opens the words, with nothing after it but address and filler ("terima ndan", "lihat
    dulu"): a command meant, typed without its report's number."""
    said = [word for word in words(text) if word not in ADDRESS and not word.startswith("emoji_")]
    command_words = {word for word, _keyword in keywords()}
    return said[0] if said and said[0] in command_words and all(word in _TO_US for word in said[1:]) else None


def _argument_without_ref(keyword: str, rest: str) -> str | None:
    """The words a command typed without its ref comes with ("SELESAI sudah diamankan"): "" for none (a form of
    address alone, "TERIMA ndan"); None where they make it no command: after TERIMA, which needs none, or BUKA,
    they are everyday words ("terima kasih", "buka puasa dulu")."""
    if _says_nothing(rest):
        return ""
    return None if keyword in (Action.ACKNOWLEDGE, Action.REOPEN) else rest


async def _which_report(turn: Turn, keyword: str, argument: str) -> str:
    """A command without its ref: for the one report in play (the alert just come, the report just opened or handled)
    confirmed with one tap; else the reports it may be for offered, those in play or else the station's open ones."""
    assert turn.officer is not None
    in_play = await _alerted_lately(turn)
    if (handled := _just_handled(turn)) is not None and handled not in in_play:
        in_play.append(handled)
    action = Action(keyword) if keyword in ACTION_KEYWORDS else None
    refs = await _allowed(turn, in_play, action)
    if not refs and in_play and action is not None:  # each in play refuses it: why, of the first
        return await _take(turn, action, in_play[0], argument)
    if not in_play:
        reports, _total = await open_reports(turn.db, turn.officer.station_id, offset=0, limit=PAGE)
        refs = await _allowed(turn, [report.ref for report in reports], action)
    if not refs:
        return _usage(turn)
    _offer_meant(turn, keyword, argument, refs, one="officer.confirm_command" if in_play else None)
    return turn.step


async def _allowed(turn: Turn, refs: list[str], action: Action | None) -> list[str]:
    """Of these reports of the officer's station, those `action` may be taken on now (all, for a note)."""
    assert turn.officer is not None
    kept = []
    for ref in refs:
        report = await report_by_ref(turn.db, ref)
        if report is None:
            continue
        if (action is None and report.station_id == turn.officer.station_id) \
                or (action is not None and await refusal(turn.db, turn.officer, report, action) is None):
            kept.append(ref)
    return kept


def _command_word(lang: str, keyword: str) -> str:
    """A command as the officer types it: "TERIMA", "ACK"."""
    return str(catalogue(lang)[f"keyword.{keyword}"][0]).upper()


def _meant_label(lang: str, keyword: str, ref: str) -> str:
    if keyword == NOTE:
        return t(lang, "officer.note_keep", ref=ref)
    action = t(lang, "officer.number_view") if keyword == SHOW else labels(lang, ACTIONS.group)[keyword]
    return f"{action} {ref}"


def _offer_meant(turn: Turn, keyword: str, argument: str, refs: list[str], *, one: str | None) -> None:
    """Offers the command for each of `refs`, taken on one tap (or, for one report, a yes): said with `one` where
    there is one report, otherwise asking which. Words longer than the command takes are refused here, not quoted
    back whole."""
    if (refused := too_long(argument)) is not None and refused.refusal is not None:
        turn.say(refused.refusal, **refused.params)
        return
    confirm = len(refs) == 1 and one is not None
    meant: CommandMeant = {"keyword": keyword, "argument": argument, "refs": refs, "confirm": confirm,
                           "at": turn.now.isoformat(), "spent": False}
    turn.data["meant"] = meant
    choices = [[_meant_key(meant, ref), _meant_label(turn.lang, keyword, ref)] for ref in refs]
    said = {"command": _command_word(turn.lang, keyword), "argument": f" {quoted(argument)}" if argument else ""}
    if confirm and one is not None:
        _offer(turn, one, choices, ref=refs[0], **said)
    else:
        _offer(turn, "officer.which_report", choices, **said)


def _meant_key(meant: CommandMeant, ref: str) -> str:
    """The button of a command offered on `ref`: it names the command and the words it binds, so that the button of
    an offer made before takes nothing of the one made since."""
    bound = hashlib.sha256(meant["argument"].encode()).hexdigest()[:8]
    return f"{MEANT}:{meant['keyword']}:{ref}:{bound}"


def offer_lives_one_message(turn: Turn) -> None:
    """Called as each message of an officer comes: a command offered is for the message right after it alone, and
    any other message lets it go ("SELESAI …?" ignored is never taken by a "siap" minutes later)."""
    meant = turn.data.get("meant")
    if meant is not None and meant["spent"]:
        turn.data.pop("meant")
    elif meant is not None:
        meant["spent"] = True


async def _live_offer(turn: Turn) -> CommandMeant | None:
    """The command offered by the message before, unless it has waited too long (OFFER_TTL) or an alert has come
    since, which the officer's words may be for: then dropped."""
    meant = turn.data.get("meant")
    if meant is None:
        return None
    if turn.now - dt.datetime.fromisoformat(meant["at"]) > OFFER_TTL or await _alerts_since_wrote(turn):
        turn.data.pop("meant")
        return None
    return meant


async def _take_meant(turn: Turn, key: str) -> str:
    """The tap of an offered command's button: taken where it is the one on offer, refused saying so otherwise."""
    meant = await _live_offer(turn)
    turn.data.pop("meant", None)
    ref = next((ref for ref in meant["refs"] if _meant_key(meant, ref) == key), None) if meant else None
    if meant is None or ref is None:
        turn.say("officer.offer_gone")
        return turn.step
    keyword, argument = meant["keyword"], meant["argument"]
    if keyword == SHOW:
        await show_report(turn, ref)
        return turn.step
    if keyword == NOTE:
        await _note(turn, ref, argument)
        return turn.step
    return await _take(turn, Action(keyword), ref, argument)


def _slip_of_a_command(text: str) -> tuple[str, str, str] | None:
    """A command word with a slip, then a ref ("SLESAI LP-… sudah aman", "rujk LP-… polsek sekar"): the command it is
    nearest to, the ref and the words after it; None for anything else. A word of the language is no slip of a command
    near it ("bukan LP-…", "diproses", "trims")."""
    head, _, after = text.strip().lstrip("/").partition(" ")
    ref, rest = split_ref(after)
    typed = normalize(head)
    if ref is None or not typed.isalpha() or is_ordinary(typed):
        return None
    score, keyword = max((fuzz.ratio(typed, word), keyword) for word, keyword in keywords()
                         if keyword in ON_A_REPORT and " " not in word)
    return (keyword, ref, rest) if score >= TYPO_CUTOFF else None


async def _alerts_since_wrote(turn: Turn) -> list[Outbox]:
    """The alerts sent to the officer since they last wrote, urgent first."""
    return await sent_since(turn.db, turn.contact.id, turn.data.get("outbox_seen", 0), OutboxKind.OFFICER_ALERT)


async def _alerted_lately(turn: Turn) -> list[str]:
    """The reports alerted to the officer since they last wrote, lately (NOTE_OFFER_WINDOW), urgent first."""
    rows = await _alerts_since_wrote(turn)
    # An anonymous report's alert keeps its time to the hour: an hour more of leeway.
    lately = [row for row in rows if row.sent_at is None or turn.now - row.sent_at
              <= NOTE_OFFER_WINDOW + (dt.timedelta(hours=1) if row.hourly else dt.timedelta(0))]
    return list(dict.fromkeys(open_payload(turn.cipher, row)["ref"] for row in lately))


async def _taken_in_own_words(turn: Turn) -> bool:
    """"Siap 86", "otw", "ok siap" right after an alert: that report taken (acknowledged); where it may be meant for
    more than one (several alerted, or the alert came as the officer was writing), which, asked with one tap each.
    "Sdh ditangani", "lagi dicek": which action, asked with its buttons. When no alert has come since: the report
    just opened or acted on, not yet taken by anyone (open, for words that it is handled). False when none is in
    play."""
    answer = answering_an_alert(turn.text) if turn.inbound.choice is None else None
    if answer is None:
        return False
    alerted = await _alerted_lately(turn)
    still = UNACKNOWLEDGED if answer == AlertAnswer.TAKE else OPEN_STATUSES
    in_play = alerted or [ref for ref in [_just_handled(turn)] if ref is not None
                          and (report := await report_by_ref(turn.db, ref)) is not None and report.status in still]
    if not in_play:
        return False
    if answer == AlertAnswer.WHICH:
        await _ask_which_action(turn, in_play)
        return True
    refs = await _allowed(turn, in_play, Action.ACKNOWLEDGE)
    wrote_at = turn.data.get("wrote_at")
    busy = bool(alerted) and wrote_at is not None \
        and turn.now - dt.datetime.fromisoformat(wrote_at) < NUMBER_CONFIRM_WINDOW
    if (len(refs) == 1 and not busy) or not refs:  # one to take; or none may be: why, of the first
        await _take(turn, Action.ACKNOWLEDGE, refs[0] if refs else in_play[0], "")
    else:
        _offer_meant(turn, Action.ACKNOWLEDGE.value, "", refs, one="officer.confirm_command")
    return True


# What words that a report is handled ("sdh dicek") may mean of it: taken, in progress, or done.
_HANDLED_MEANS = (Action.ACKNOWLEDGE, Action.PROGRESS, Action.RESOLVE)


async def _ask_which_action(turn: Turn, in_play: list[str]) -> None:
    """Words that a report is handled, of the one in play: which of the actions they may mean, that can be taken on
    it, with their buttons; of several, which report (to open). Of one on which none can be taken, why not."""
    assert turn.officer is not None
    if len(in_play) > 1:
        _offer_meant(turn, SHOW, "", in_play, one=None)
        return
    report = await report_by_ref(turn.db, in_play[0])
    assert report is not None
    can = [action for action in _HANDLED_MEANS if await refusal(turn.db, turn.officer, report, action) is None]
    if not can:
        await _take(turn, Action.ACKNOWLEDGE, report.ref, "")  # why it cannot, as for "siap 86"
        return
    names = labels(turn.lang, ACTIONS.group)
    _offer(turn, "officer.which_action", [[f"{action.value}:{report.ref}", f"{names[action.value]} {report.ref}"]
                                          for action in can], ref=report.ref, said=quoted(turn.text))


def _handled(turn: Turn, ref: str) -> None:
    """Remembers the report the officer has just handled, and when: words typed alone soon after are offered as a
    note on it."""
    turn.data["last_ref"] = {"ref": ref, "at": turn.now.isoformat()}


def _offer_note(turn: Turn, ref: str, text: str) -> None:
    """Words that may be a note on `ref`, offered to keep with one tap (or a yes); words typed again while it is
    offered go with them ("pelaku diduga dua orang", then "pakai motor vario merah")."""
    if _note_offered(turn) == ref:
        text = f"{turn.data['note_typed']['text']}\n{text}"
    turn.data["note_typed"] = {"ref": ref, "text": text}
    _show_note_offer(turn, ref)


def _show_note_offer(turn: Turn, ref: str) -> None:
    _offer(turn, "officer.note_offer", [[f"{NOTE}:{ref}", t(turn.lang, "officer.note_keep", ref=ref)]], ref=ref)


def _note_offered(turn: Turn) -> str | None:
    """The report whose note is offered by the last message, if one is."""
    offered = turn.data.get("note_typed")
    return offered["ref"] if offered and turn.data.get("shortcuts") == [f"{NOTE}:{offered['ref']}"] else None


async def _latest_digest(turn: Turn) -> None:
    """DIGEST: the station head reads the digest of the 24 hours up to now (where a WhatsApp template points to
    it, a few minutes after its hour, much what it summed up): asked at 10:00, not the morning's to 06:00."""
    assert turn.officer is not None
    if turn.officer.role != OfficerRole.HEAD:
        turn.say("digest.not_head")
        return
    station = await turn.db.get(Station, turn.officer.station_id)
    assert station is not None
    today = turn.now.astimezone(ZoneInfo(station.timezone)).date()
    digest = await compose(turn.office, station, today, turn.lang, turn.web_url, until=turn.now)
    turn.replies.append(Outbound(turn.inbound.urn, digest.text))


async def _sign_in_link(turn: Turn) -> None:
    """DASBOR: a one-time link that signs this officer in to the station's web page."""
    assert turn.officer is not None
    if not turn.web_url:
        turn.say("officer.dashboard_unavailable")
        return
    token = await create_link(turn.db, turn.cipher, turn.officer, turn.now)
    turn.say("officer.dashboard_link", url=f"{turn.web_url}/masuk/{token}",
             minutes=int(LINK_TTL.total_seconds() // 60))


def _usage(turn: Turn) -> str:
    turn.say("officer.usage")
    return turn.step


async def tap(turn: Turn, key: str) -> str:
    """A report's button, or its number: open the report, take the action, or ask what the action needs."""
    kind, ref = parse_key(key) or (VIEW, "")
    if kind == VIEW:
        await show_report(turn, ref)
        return turn.step
    if kind == MEANT:
        return await _take_meant(turn, key)
    if kind == NOTE:
        typed = turn.data.pop("note_typed", None)
        if typed is not None and typed["ref"] == ref:
            await _note(turn, ref, typed["text"])
        else:
            turn.say("officer.nothing_done")
        return turn.step
    return await _take(turn, Action(kind), ref, "")


async def _take(turn: Turn, action: Action, ref: str, argument: str) -> str:
    assert turn.officer is not None
    report = await report_by_ref(turn.db, ref, lock=True)
    if report is None or report.station_id != turn.officer.station_id:
        await _not_here(turn, ref, report)
        return turn.step  # an action waiting for its note still waits, and is asked again
    refused = await refusal_said(turn.office, turn.officer, report, action, turn.lang)
    if turn.step == ACTION_NOTE:  # a whole command typed where a note was asked: it replaces the action waiting,
        if refused is not None:  # unless it cannot be taken
            _say_outcome(turn, action, ref, refused)
            return turn.step
        turn.data.pop("pending_action", None)
        turn.step = resume(turn)
    # Asked for when missing, or when too short to tell the reporter anything ("ok", "👍"), as on the web page.
    if refused is None and action in NEEDS_ARGUMENT and _too_little(action, argument):
        turn.data["pending_action"] = await _pending(turn, action, report)
        return interrupt(turn, ACTION_NOTE)
    if refused is None and action == Action.REFER:
        confirmed = _CONFIRMED.search(argument)
        argument = argument[:confirmed.start()] if confirmed else argument
        station, _reason = await station_and_reason(turn.office, argument)
        if not confirmed and station is not None and station.id != report.station_id \
                and not await officers_to_alert(turn.db, station.id):
            # sent away from this station at once, to be read by no one: said first, made only when confirmed
            turn.say("officer.refer_confirm", station=station.name, ref=ref, typed=argument)
            # the next message's yes makes it, as the command typed again with YA does
            turn.data["meant"] = {"keyword": action.value, "argument": f"{argument} YA", "refs": [ref],
                                  "confirm": True, "at": turn.now.isoformat(), "spent": False}
            return turn.step
    outcome = refused or await act(turn.office, turn.officer, report, action, argument)
    _say_outcome(turn, action, ref, outcome)
    if outcome.refusal in NOT_NOW and letters_and_digits(argument) >= NOTE_CHARS:
        _offer_note(turn, ref, argument)  # "PROSES REF sedang dicek" on a report in progress: the words kept on a tap
    elif outcome.refusal in NOT_THIS_NOW and (left := await can_take(turn.db, turn.officer, report)):
        names = labels(turn.lang, ACTIONS.group)  # what this officer may still do on it
        _offer(turn, "officer.still_can", [[f"{a.value}:{ref}", f"{names[a.value]} {ref}"] for a in left], ref=ref)
    elif outcome.refusal is None and report.station_id == turn.officer.station_id:  # not once referred away
        _handled(turn, ref)
    if outcome.refusal in ARGUMENT_REFUSALS:
        turn.data["pending_action"] = await _pending(turn, action, report)
        return interrupt(turn, ACTION_NOTE)
    return turn.step


async def _pending(turn: Turn, action: Action, report: Report) -> PendingAction:
    """The action waiting for its argument; a decline of a referral, with the station that will read the reason."""
    pending = PendingAction(action=action.value, ref=report.ref)
    if action == Action.REJECT and (back_to := await referred_by(turn.office, report)) is not None:
        pending["returns_to"] = back_to.name
    return pending


def _say_outcome(turn: Turn, action: Action, ref: str, outcome: Outcome) -> None:
    for key, params in outcome_messages(turn.lang, action, ref, outcome):
        turn.say(key, **params)


def outcome_messages(lang: str, action: Action, ref: str, outcome: Outcome) -> list[tuple[str, dict[str, Any]]]:
    """What the officer is told after an action, as catalogue keys and their params: the chat and the
    web page say the same."""
    if outcome.refusal in NOT_NOW:
        return [(outcome.refusal, {**outcome.params, "ref": ref,
                                   "action": labels(lang, ACTIONS.group)[outcome.params["action"]],
                                   "status": t(lang, f"status.label.{outcome.params['status']}")})]
    if outcome.refusal:
        return [(outcome.refusal, outcome.params)]
    done = "returned" if outcome.returned else action.value
    said = [(f"officer.done.{done}", {"ref": ref, "station": outcome.station})]
    referred = action == Action.REFER or outcome.returned
    if referred and outcome.other_polres and not outcome.returned:  # sent back where it came from: no slip to undo
        said.append(("officer.referred_outside", {"station": outcome.station, "polres": outcome.other_polres}))
    if referred and not outcome.alerted:
        said.append(("officer.nobody_alerted", {}))
    told = "officer.reporter_told" if outcome.not_told is None else f"officer.reporter_not_told_{outcome.not_told}"
    said.append((told, {}))
    return said


def ask_action_note(turn: Turn) -> None:
    pending = turn.data["pending_action"]
    if "returns_to" in pending:  # its reason is for the station it goes back to, not the reporter
        turn.say("officer.ask_reason_returning", ref=pending["ref"], station=pending["returns_to"])
        return
    turn.say(f"officer.ask_{NEEDS_ARGUMENT[Action(pending['action'])]}", ref=pending["ref"])


async def action_note(turn: Turn) -> str:
    """Takes the pending action with what was typed; asks again when it does not fit."""
    if (picked := _menu_label(turn)) is not None:  # "Laporan terbuka", the menu's own words, typed as the reason
        cancel_action(turn)
        turn.step = resume(turn)
        return await _menu_choice(turn, picked)
    if _cancelled_in_own_words(turn.text):
        cancel_action(turn)
        return resume(turn)
    pending = turn.data["pending_action"]
    action = Action(pending["action"])
    if letters_and_digits(turn.text) < NOTE_CHARS:
        turn.say("officer.note_invalid", shortest=NOTE_CHARS)
        return ACTION_NOTE
    if action == Action.REFER:  # as if typed whole: a station nobody reads there is confirmed first
        return await _take(turn, action, pending["ref"], turn.text)
    if nothing_to_the_reporter(action, turn.text):  # "hah?", "oke": asked again, never sent as the reason
        if (command_word := _command_typed(turn.text)) is not None:  # "terima ndan": how that one is typed here
            turn.say("officer.note_is_a_command", said=quoted(turn.text), command=command_word.upper(),
                     ref=pending["ref"])
        else:
            turn.say("officer.note_says_nothing", said=quoted(turn.text))
        return ACTION_NOTE
    report = await report_by_ref(turn.db, pending["ref"], lock=True)
    assert turn.officer is not None and report is not None
    outcome = await act(turn.office, turn.officer, report, action, turn.text)
    if outcome.refusal in ARGUMENT_REFUSALS:
        turn.say(outcome.refusal, **outcome.params)
        return ACTION_NOTE
    turn.data.pop("pending_action")
    _say_outcome(turn, action, pending["ref"], outcome)
    return resume(turn)


def cancel_action(turn: Turn) -> None:
    """BATAL at the note: nothing is done."""
    pending = turn.data.pop("pending_action", None)
    if pending:
        turn.say("officer.action_cancelled", ref=pending["ref"])


async def home(turn: Turn) -> str:
    """The officer's menu: a number answers the last alert or list, a ref opens a report. A number typed just
    as an alert came in is confirmed first, naming the report."""
    said = normalize(turn.text)
    offered = _note_offered(turn)
    if offered and turn.inbound.choice is None and await _alerts_since_wrote(turn):
        turn.data.pop("note_typed")  # an alert came since it was offered: "siap 86" is for that, no yes to the note
        offered = None
    if offered and turn.inbound.choice is None and (yes_or_no(turn.text) == "yes" or said in _KEEP_WORDS):
        return await tap(turn, f"{NOTE}:{offered}")  # "ya", "simpan": the note offered, kept
    if offered and turn.inbound.choice is None and yes_or_no(turn.text) == "no":
        turn.data.pop("note_typed")
        turn.say("officer.note_not_kept")
        return MENU
    if turn.inbound.choice is None and (meant := await _live_offer(turn)) and meant["confirm"] \
            and (answer := yes_or_no(turn.text)):
        if answer == "yes":
            return await tap(turn, _meant_key(meant, meant["refs"][0]))
        turn.data.pop("meant")
        turn.say("officer.nothing_done")
        return MENU
    if await _taken_in_own_words(turn):
        return MENU
    if said.isdecimal() and turn.inbound.choice is None:
        number = int(said)
        if await _ask_which_alert(turn, number) or await _number_of_no_question(turn, number):
            return MENU
        key, fresh = await _shortcut(turn, number)
        if key is not None and fresh:
            turn.data["number_meant"] = {"number": number, "alert_key": key, "menu_key": _menu_key(turn, number)}
            return interrupt(turn, CONFIRM_NUMBER)
        if key is not None:
            return await tap(turn, key)
        if turn.data.get("shortcuts"):  # a number past the choices shown: not the menu's, which is not on screen
            turn.say("common.not_a_choice")
            if offered:
                _show_note_offer(turn, offered)
            return MENU
    ref, rest = split_ref(turn.text)
    if ref and not rest:
        await show_report(turn, ref)
        return MENU
    if turn.inbound.choice is None and (slip := _slip_of_a_command(turn.text)) is not None:
        keyword, ref, argument = slip  # "did you mean TERIMA LP-…?", taken on one tap
        action = Action(keyword) if keyword in ACTION_KEYWORDS else None
        if await _allowed(turn, [ref], action):
            _offer_meant(turn, keyword, argument, [ref], one="officer.did_you_mean")
        elif action is not None:  # not to be taken: why (unknown here, or its status), and nothing offered
            await _take(turn, action, ref, argument)
        else:
            await _not_here(turn, ref, await report_by_ref(turn.db, ref))
        return MENU
    return await _menu_choice(turn, turn.pick(_menu(turn)))


def _menu_label(turn: Turn) -> str | None:
    """The officer's menu option whose own words the message is, whole; its number or a near miss is not one."""
    said = normalise(turn.text)
    return next((key for key, names in _menu(turn).answers(turn.lang) if said in names), None)


def _menu(turn: Turn) -> Menu:
    return HEAD_MENU if turn.officer is not None and turn.officer.role == OfficerRole.HEAD else OFFICER_MENU


async def _menu_choice(turn: Turn, picked: str | None) -> str:
    if picked is None and len(turn.text.split()) >= NOTE_WORDS and (ref := _just_handled(turn)):
        _offer_note(turn, ref, turn.text)  # "tim sudah meluncur ke TKP" typed after PROSES: a note on that report?
        return MENU
    if picked == "open_reports":
        await list_open(turn, 1)
    elif picked == "digest":
        await _latest_digest(turn)
    elif picked == "patrol":
        return patrol.start(turn)
    elif picked == "report":
        return report_flow.start(turn)
    elif picked == "help":
        say_help(turn)
    else:
        await _not_understood(turn)
    return MENU


async def _not_understood(turn: Turn) -> None:
    """Words the officer's menu does not know ("hah?", a slip). Choices on a report still on screen (an alert come
    since the officer last wrote, the actions of a report looked at or offered) are offered again, numbered as they
    were, rather than the menu: the officer's next "1", "terima" or "siap 86" still answers them, and a bare "ya"
    confirms nothing, as nothing was proposed."""
    alert, its_own = await _alert_on_screen(turn)
    choices = alert or _actions_on_screen(turn)
    refs = list(dict.fromkeys(ref for _kind, ref in (parse_key(key) or ("", "") for key, _label in choices)))
    if not choices or not refs:
        turn.say("officer.not_understood")
        return
    # the alert's message as if unread: its number, "siap 86" or a bare TERIMA next answers it as it would have
    turn.alerts_still_open = its_own
    _offer(turn, "officer.not_understood_report" if len(refs) == 1 else "officer.not_understood_reports", choices,
           ref=refs[0])


async def _alert_on_screen(turn: Turn) -> tuple[list[list[str]], bool]:
    """The choices of the alerts (or the reporter's answer) come since the officer last wrote, lately, and whether
    they are the message's own: those of the one message that brought them, or where more than one message came,
    each report's Terima, numbered anew as a number asks (_ask_which_alert)."""
    alert = await latest_sent(turn.db, turn.contact.id, (OutboxKind.OFFICER_ALERT, OutboxKind.INFO_REPLY))
    lately = await _alerted_lately(turn)
    if alert is None or alert.id <= turn.data.get("outbox_seen", 0) \
            or (alert.kind == OutboxKind.OFFICER_ALERT and not lately):
        return [], False
    rows = await _alerts_since_wrote(turn)
    if len({row.provider_message_id or row.id for row in rows}) > 1 and len(lately) > 1:
        acknowledge = ACTIONS.options(turn.lang)[0]
        return [[f"{acknowledge.key}:{ref}", f"{acknowledge.label} {ref}"] for ref in lately], False
    return await _message_choices(turn, alert), True


def _actions_on_screen(turn: Turn) -> list[list[str]]:
    """The actions on the report the officer handled lately (NOTE_OFFER_WINDOW) that the bot's last message offered
    (LIHAT's, those offered again after a slip), named as they were."""
    keys = turn.data.get("shortcuts") or []
    actions = [(key, kind, ref) for key in keys if (parsed := parse_key(key)) is not None
               and (kind := parsed[0]) in ACTION_KEYWORDS and (ref := parsed[1]) == _just_handled(turn)]
    if not actions or len(actions) < len(keys):  # a list, the menu's, a report's of long ago: none on screen
        return []
    names = labels(turn.lang, ACTIONS.group)
    return [[key, names[kind]] for key, kind, _ref in actions]


async def _message_choices(turn: Turn, alert: Outbox) -> list[list[str]]:
    """The numbered choices of the message that brought `alert`: its own, or those of the alerts it went with."""
    shown = [open_payload(turn.cipher, row) for row in await sent_together(turn.db, alert)]
    return list(alerts_together(shown)["choices"] if len(shown) > 1 else shown[0].get("choices", []))


def _just_handled(turn: Turn) -> str | None:
    """The report the officer handled last, if that was lately (NOTE_OFFER_WINDOW)."""
    last = turn.data.get("last_ref")
    if last is None or turn.now - dt.datetime.fromisoformat(last["at"]) > NOTE_OFFER_WINDOW:
        return None
    return last["ref"]


def ask_home(turn: Turn) -> None:
    """The menu, unless this answer already ends with choices the officer can answer by number."""
    if turn.replies and turn.replies[-1].choices:
        return
    turn.data.pop("shortcuts", None)
    turn.say("officer.menu", _menu(turn))


async def note_messages_seen(turn: Turn) -> None:
    """Remembers the newest message sent to the officer so far (one sent after it came after they last wrote: told
    apart by order, not by time, as an anonymous report's alert keeps only whole hours), and when they wrote; not
    after words that answered nothing while alerts were open (_not_understood)."""
    if turn.alerts_still_open:
        return
    turn.data["outbox_seen"] = await last_sent_id(turn.db, turn.contact.id)
    turn.data["wrote_at"] = turn.now.isoformat()


async def _ask_which_alert(turn: Turn, number: int) -> bool:
    """A bare number after more than one message of alerts, of more than one report, came since the officer last
    wrote: each numbered its reports from 1, so the number names none for sure. Their reports are offered by
    name, urgent first, and numbered anew; False otherwise."""
    rows = await _alerts_since_wrote(turn)
    refs = list(dict.fromkeys(open_payload(turn.cipher, row)["ref"] for row in rows))
    if len({row.provider_message_id or row.id for row in rows}) < 2 or len(refs) < 2:
        return False  # one message, or one report alerted twice (its escalation): the number is the latest's
    acknowledge = ACTIONS.options(turn.lang)[0]
    _offer(turn, "officer.which_alert", [[f"{acknowledge.key}:{ref}", f"{acknowledge.label} {ref}"] for ref in refs],
           number=number)
    return True


async def _number_of_no_question(turn: Turn, number: int) -> bool:
    """A bare number right after a message that numbers nothing ("+1 saksi", a digest), no alert having come since
    the officer last wrote: it answers no question on screen, and the menu is not the last thing there. What was
    meant is asked, with the menu; False otherwise."""
    seen = turn.data.get("outbox_seen", 0)
    if await last_sent_id(turn.db, turn.contact.id) <= seen or await sent_since(
            turn.db, turn.contact.id, seen, OutboxKind.OFFICER_ALERT) or await sent_since(
            turn.db, turn.contact.id, seen, OutboxKind.INFO_REPLY):
        return False
    newest = await latest_sent(turn.db, turn.contact.id, tuple(OutboxKind))
    ref = open_payload(turn.cipher, newest).get("ref") if newest is not None else None
    turn.data.pop("shortcuts", None)
    turn.say("officer.number_unclear_ref" if ref else "officer.number_unclear", number=number, ref=ref or "")
    return True


async def _shortcut(turn: Turn, number: int) -> tuple[str | None, bool]:
    """What a bare number means, and whether it is an alert's that came in while the officer was writing: an
    action on the alert (or the reporter's answer) that came after the officer last wrote, otherwise a choice of
    the last list or report shown."""
    alert = await latest_sent(turn.db, turn.contact.id, (OutboxKind.OFFICER_ALERT, OutboxKind.INFO_REPLY))
    if alert is not None and alert.id > turn.data.get("outbox_seen", 0):
        choices = await _message_choices(turn, alert)
        if not 1 <= number <= len(choices):
            return None, False
        key, _label = choices[number - 1]
        # Confirmed where the number may have been typed for what was on screen before the alert: the officer was
        # at work in the chat when it came, or a list of theirs was open and the alert has just come (an anonymous
        # report's, kept to the hour, may have). An officer who had left the menu and taps the alert's number
        # means the alert: one tap.
        wrote_at = turn.data.get("wrote_at")
        busy = wrote_at is not None and turn.now - dt.datetime.fromisoformat(wrote_at) < NUMBER_CONFIRM_WINDOW
        just_come = alert.hourly or alert.sent_at is None or turn.now - alert.sent_at < NUMBER_CONFIRM_WINDOW
        # the alert's own choices offered again after a slip (_not_understood) are no list of something else
        listed = turn.data.get("shortcuts") or []
        return key, busy or (bool(listed) and listed != [key for key, _label in choices] and just_come)
    keys = turn.data.get("shortcuts", [])
    return (keys[number - 1], False) if 1 <= number <= len(keys) else (None, False)


def _menu_key(turn: Turn, number: int) -> str | None:
    """What the number means in the menu shown last to this officer: a list or report, else the officer menu."""
    keys = turn.data.get("shortcuts") or [c.key for c in _menu(turn).options(turn.lang)]
    return keys[number - 1] if 1 <= number <= len(keys) else None


def _number_options(turn: Turn) -> tuple[Choice, ...]:
    meant = turn.data["number_meant"]
    kind, ref = parse_key(meant["alert_key"]) or ("", "")
    # Named from its key: the label an alert showed may name its report already (alerts_together).
    options = [Choice("alert", f"{labels(turn.lang, ACTIONS.group).get(kind, '')} {ref}".strip())]
    menu_key = meant["menu_key"]
    if menu_key is not None and menu_key in labels(turn.lang, _menu(turn).group):
        options.append(Choice("menu", labels(turn.lang, _menu(turn).group)[menu_key]))
    elif menu_key and (parsed := parse_key(menu_key)):
        # an action's name, or "Lihat" for a report of the open list ("view:LP-…")
        action = labels(turn.lang, ACTIONS.group).get(parsed[0]) or t(turn.lang, "officer.number_view")
        options.append(Choice("menu", f"{action} {parsed[1]}"))
    return (*options, Choice("none", t(turn.lang, "officer.number_none")))


def ask_confirm_number(turn: Turn) -> None:
    meant = turn.data["number_meant"]
    _kind, ref = parse_key(meant["alert_key"]) or ("", "")
    turn.say("officer.confirm_number", _number_options(turn), number=meant["number"], ref=ref)


async def confirm_number(turn: Turn) -> str:
    """Takes the number for the alert, for the menu shown before it, or for nothing, as the officer says."""
    options = _number_options(turn)
    picked = pick([(c.key, {normalise(c.label)}) for c in options], turn.text, turn.inbound.choice)
    if picked is None and turn.inbound.choice is None:
        picked = {"yes": "alert", "no": "none"}.get(yes_or_no(turn.text) or "")
    if picked is None and (turn.inbound.choice is not None or normalize(turn.text).isdecimal()):
        turn.say("common.not_a_choice")
        return CONFIRM_NUMBER
    meant = turn.data.pop("number_meant")
    if picked is None:  # words that answer none of the options: the officer has moved on, the number left undone
        turn.step = resume(turn)
        return await home(turn)
    turn.step = resume(turn)
    if picked == "alert":
        return await tap(turn, meant["alert_key"])
    menu_key = meant["menu_key"]
    if picked == "menu" and menu_key in labels(turn.lang, _menu(turn).group):
        return await _menu_choice(turn, menu_key)
    if picked == "menu" and menu_key is not None:  # "menu" is offered only when the number meant something there
        return await tap(turn, menu_key)
    turn.say("officer.nothing_done")
    return turn.step


def _offer(turn: Turn, key: str, choices: list[list[str]], **params: Any) -> None:
    """Says `key` with report buttons; their numbers stay meaningful for the officer's next message."""
    turn.say(key, tuple(Choice(k, label) for k, label in choices), **params)
    turn.data["shortcuts"] = [k for k, _label in choices]


async def list_open(turn: Turn, page: int) -> None:
    """The station's open reports, urgent first, then newest; ten at a time."""
    assert turn.officer is not None
    station = await turn.db.get(Station, turn.officer.station_id)
    page = max(page, 1)
    reports, total = await open_reports(turn.db, turn.officer.station_id, offset=(page - 1) * PAGE, limit=PAGE)
    if not reports:
        turn.say("officer.no_open" if page == 1 else "officer.no_more", station=station.name if station else "")
        return
    first = (page - 1) * PAGE + 1
    lines = [_line(turn, report, station) for report in reports]
    more = t(turn.lang, "officer.more", page=page + 1) if first + len(reports) - 1 < total else ""
    categories = labels(turn.lang, "category")
    buttons = [[f"{VIEW}:{r.ref}", f"{r.ref} · {categories[r.category.value]}"] for r in reports]
    _offer(turn, "officer.open_list", buttons, station=station.name if station else "", total=total, first=first,
           last=first + len(reports) - 1, lines="\n".join(lines), more=more)


def _line(turn: Turn, report: Report, station: Station | None) -> str:
    code = report.place_code
    line = t(turn.lang, "officer.open_line", urgent="🚨 " if report.urgent else "", ref=report.ref,
             category=labels(turn.lang, "category")[report.category.value],
             place=place_name(turn.office, turn.lang, code) if code else "-",
             status=status_at_station(turn.lang, report.status),
             time=format_moment(turn.lang, report.created_at, station.timezone if station else "Asia/Jakarta",
                                hourly=report.identity == Identity.ANONYMOUS))
    return line + (t(turn.lang, "digest.sample") if report.sample else "")


async def show_report(turn: Turn, ref: str) -> None:
    """One report as its alert shows it, with its history and the actions that can be taken on it."""
    assert turn.officer is not None
    report = await report_by_ref(turn.db, ref)
    # A head sees the reports of the Polsek under their station too, as the web page and the digest show them:
    # to read, as the station that holds it acts on it.
    below = report is not None and report.station_id != turn.officer.station_id and \
        report.station_id in {seen.id for seen in await stations_seen(turn.db, turn.officer)}
    if report is None or (report.station_id != turn.officer.station_id and not below):
        await _not_here(turn, ref, report)
        return
    if not below:  # what the officer writes next may be about it; not where only reading it is theirs
        _handled(turn, ref)
    station = await turn.db.get(Station, report.station_id)
    timezone = station.timezone if station else "Asia/Jakarta"
    payload = await alert_payload(turn.office, report, turn.lang, arriving=False)
    hourly = report.identity == Identity.ANONYMOUS
    returning = await returning_referrals(turn.db, report)
    events = [await event_line(turn.db, turn.lang, event, timezone, hourly=hourly, returning=event.id in returning)
              for event in await history(turn.db, report)]
    accounts = [t(turn.lang, "officer.witness_line",
                  time=format_moment(turn.lang, witness.created_at, timezone,
                                     hourly=witness.identity == Identity.ANONYMOUS),
                  statement=quoted(witness.statement),
                  when=when, where=where, reporter=reporter)
                for witness, when, where, reporter in await witness_accounts(turn.office, report, turn.lang)]
    witnesses = t(turn.lang, "officer.witnesses", count=len(accounts), lines="\n".join(accounts)) if accounts else ""
    status = status_at_station(turn.lang, report.status)
    if kept := await kept_instead(turn.db, report):
        status += t(turn.lang, "officer.duplicate_of", ref=kept.ref)
    history_text = "\n".join(events) or t(turn.lang, "status.no_notes")  # "belum ada", not blank
    if below:
        turn.say("officer.report", alert=payload["text"], witnesses=witnesses, status=status, history=history_text)
        turn.say("officer.report_read_only", station=station.name if station else "")
        return
    # what can be done on it now, as the web page offers: Buka kembali alone on a report closed, no Minta info
    # where no question reaches its reporter
    names = labels(turn.lang, ACTIONS.group)
    choices = [[f"{action.value}:{report.ref}", names[action.value]]
               for action in await can_take(turn.db, turn.officer, report)]
    _offer(turn, "officer.report", choices, alert=payload["text"], witnesses=witnesses,
           status=status, history=history_text)


async def _not_here(turn: Turn, ref: str, report: Report | None) -> None:
    """A report not at the officer's station: that it is read only, when it is a Polsek's under the officer's
    station; where it went and how it stands there, when this station referred it; else "not found", as another
    station's report is not for this officer to learn of."""
    assert turn.officer is not None
    referral = await referral_from(turn.db, report, {turn.officer.station_id}) if report is not None else None
    now_at = await turn.db.get(Station, report.station_id) if report is not None and report.station_id else None
    if report is not None and now_at is not None and referral is None \
            and now_at.id in {seen.id for seen in await stations_seen(turn.db, turn.officer)}:
        turn.say("officer.report_read_only", station=now_at.name)  # a head's Polsek's: read here, acted on there
        return
    if report is None or referral is None or now_at is None:
        turn.say("officer.unknown_ref", ref=ref)
        return
    here = await turn.db.get(Station, turn.officer.station_id)
    turn.say("officer.referred_away", ref=report.ref, station=now_at.name,
             when=format_moment(turn.lang, referral.created_at, here.timezone if here else "Asia/Jakarta",
                                hourly=report.identity == Identity.ANONYMOUS),
             status=status_at_station(turn.lang, report.status))


async def event_line(db: AsyncSession, lang: str, event: ReportEvent, timezone: str, *, hourly: bool = False,
                     returning: bool = False) -> str:
    """One line of a report's history, as the chat and the web page show it; `hourly`, of a report whose times are
    kept to the whole hour (an anonymous one), said as such; `returning`, of a referral that took the report back
    to the station that had referred it (returning_referrals), said as sent back, not passed on."""
    when = (format_hour if hourly else format_time)(lang, event.created_at, timezone)
    if event.kind == EventKind.ESCALATION:
        return t(lang, f"officer.history.escalated_{event.note}", when=when)
    if event.kind == EventKind.REPLY:
        return t(lang, "officer.history.reply", when=when, answer=quoted(event.note or ""))
    if event.kind == EventKind.NOTE:
        return t(lang, "officer.history.note", when=when, who=await actor_name(db, lang, event.actor), note=event.note)
    if returning:
        return t(lang, "officer.history.returned", when=when, who=await actor_name(db, lang, event.actor),
                 station=event.note or "")
    note = f": {event.note}" if event.note else ""
    if event.kind == EventKind.REOPEN:
        return t(lang, "officer.history.reopened", when=when, who=await actor_name(db, lang, event.actor),
                 status=t(lang, f"status.label.{event.to_status.value}"), note=note)
    return t(lang, "officer.history.status", when=when, who=await actor_name(db, lang, event.actor),
             status=t(lang, f"status.label.{event.to_status.value}"), note=note)


STEPS: dict[str, Step] = {
    ACTION_NOTE: Step(ask_action_note, action_note),
    CONFIRM_NUMBER: Step(ask_confirm_number, confirm_number),
}


def say_help(turn: Turn) -> None:
    """The officer's commands, and for a station head the digest too."""
    turn.say("officer.help")
    if turn.officer is not None and turn.officer.role == OfficerRole.HEAD:
        turn.say("officer.help_head")
