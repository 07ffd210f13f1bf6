"""Patrol notes (*patroli dialogis*): where officers met residents, how many, the concerns they raised,
and whether to follow up. Each concern becomes a report of the officer's station with source=patrol.
"""

from __future__ import annotations

import re
from typing import Any

from bot.channels.base import Choice
from handlers.actions import actor, change_status
from handlers.choices import Menu, pick
from handlers.i18n import labels, t
from handlers.language.answers import NEUTRAL, yes_or_no
from handlers.language.intents import NOT_WORDS, category_named
from handlers.language.normalise import words
from handlers.language.slots import hour_told
from handlers.office import Office
from handlers.publication import withheld
from handlers.routing import code_label, place_label
from handlers.state import PatrolDraft
from handlers.text import letters_and_digits, normalize
from handlers.turn import MENU, Step, Turn
from storage.models import Category, Identity, Officer, PatrolNote, Report, ReportSource, ReportStatus, Station
from storage.regions import PlaceCandidate
from storage.reports import create_report
from storage.stations import areas_of

PLACE, PLACE_PICK, MET, CATEGORY, CONCERN, MORE, FOLLOW_UP = (
    "patrol_place", "patrol_place_pick", "patrol_met", "patrol_category", "patrol_concern", "patrol_more",
    "patrol_follow_up")
FREE_TEXT_STEPS = (PLACE, PLACE_PICK, CONCERN)
PLACE_CHARS = (3, 300)
CONCERN_CHARS = (5, 4000)
MOST_MET = 10_000
# Words that may stand around the number of residents met: "12 orang", "sekitar 15 warga", "about 20 people".
_MET_WORDS = frozenset({"orang", "org", "warga", "people", "residents", "persons", "sekitar", "kira", "kurang",
                        "lebih", "kurleb", "about", "around", "approximately", "pak", "ada", "ketemu", "bertemu",
                        "dengan", "met", "we", "i"})
_ABOUT_A_NUMBER = re.compile(r"^(\d+)(?:an)?$")  # "20an": about twenty
# A number written below zero ("-5", "minus 3"): no count of people. A dash between two numbers is a range.
_BELOW_ZERO = re.compile(r"(?:^|[^\w])[-\u2212\u2013]\s*\d|\bminus\b", re.IGNORECASE)
MOST_CONCERNS = 20
CONCERN_WORDS = 3  # a concern told where another is offered: "Tambah keluhan" and "gak ada lagi" are shorter

_CLAUSE = re.compile(r"[,.;:!\n]")
CATEGORIES = Menu("category")
NO_CONCERNS = Menu("patrol_none")  # offered with the first concern's kind: a patrol where no one raised any
MORE_OPTIONS = Menu("patrol_more")
FOLLOW_UP_OPTIONS = Menu("patrol_follow_up")
AS_TYPED = Menu("patrol_place")


def start(turn: Turn) -> str:
    turn.data["patrol"] = PatrolDraft(concerns=[])
    return PLACE


def _note(turn: Turn) -> PatrolDraft:
    return turn.data["patrol"]


def ask_place(turn: Turn) -> None:
    turn.say("patrol.ask_place", ask_location=True)


async def place(turn: Turn) -> str:
    """Where the patrol was: the places it may be, to pick from, or the words as typed."""
    pin = turn.inbound.location
    if pin is not None:
        near = await turn.router.near_pin(turn.db, pin.latitude, pin.longitude)
        _note(turn).update(PatrolDraft(place_text=t(turn.lang, "report.pin", latitude=f"{pin.latitude:.5f}",
                                                    longitude=f"{pin.longitude:.5f}"), code=None))
        if near is None:
            return MET
        _note(turn)["options"] = [near[1].code]
        return PLACE_PICK
    problem = place_problem(turn.text)
    if problem is not None:
        turn.say("patrol.place_invalid", **problem)
        return PLACE
    _note(turn).update(PatrolDraft(place_text=turn.text, code=None))
    assert turn.officer is not None
    station = await turn.db.get_one(Station, turn.officer.station_id)
    found = await turn.router.read_within(turn.db, turn.text, await areas_of(turn.db, station))
    if not found:
        return MET
    _note(turn)["options"] = [candidate.code for candidate in found]
    return PLACE_PICK


def _place_options(turn: Turn) -> tuple[Choice, ...]:
    places = tuple(Choice(code, code_label(turn.lang, turn.router, code)) for code in _note(turn)["options"])
    return places + AS_TYPED.options(turn.lang)


def ask_place_pick(turn: Turn) -> None:
    turn.say("patrol.pick_place", _place_options(turn), typed=_note(turn)["place_text"])


async def place_pick(turn: Turn) -> str:
    offered = [(c.key, {normalize(c.label)}) for c in _place_options(turn)[:-1]] + AS_TYPED.answers(turn.lang)
    picked = pick(offered, turn.text, turn.inbound.choice)
    if picked is None and len(offered) == 2 and turn.inbound.choice is None and yes_or_no(turn.text) == "yes":
        picked = offered[0][0]  # one place offered: "iya" takes it
    if picked is None:
        turn.say("common.not_a_choice")
        return PLACE_PICK
    options = _note(turn).pop("options")
    if picked in options:
        _note(turn)["code"] = picked
    return MET


def ask_met(turn: Turn) -> None:
    turn.say("patrol.ask_met")


async def met(turn: Turn) -> str:
    count = met_count(turn.text)
    if count is None:
        turn.say("patrol.met_invalid", most=MOST_MET)
        return MET
    _note(turn)["met"] = count
    return CATEGORY


def _category_menus(turn: Turn) -> tuple[Menu, ...]:
    return (CATEGORIES,) if _note(turn)["concerns"] else (CATEGORIES, NO_CONCERNS)


def ask_category(turn: Turn) -> None:
    options = tuple(choice for menu in _category_menus(turn) for choice in menu.options(turn.lang))
    turn.say("patrol.ask_category", options, number=len(_note(turn)["concerns"]) + 1)


async def category(turn: Turn) -> str:
    """The kind of the concern to note; for the first, that there was none ("Tidak ada keluhan", "nihil",
    "gak ada"), and the note is saved without one."""
    menus = _category_menus(turn)
    picked = pick([answer for menu in menus for answer in menu.answers(turn.lang)], turn.text, turn.inbound.choice)
    opening = _CLAUSE.split(turn.text, maxsplit=1)[0]  # "nihil, warga aman2 saja": none, and why
    if picked is None and NO_CONCERNS in menus and turn.inbound.choice is None and (
            yes_or_no(turn.text) == "no" or NO_CONCERNS.pick(turn.lang, opening) is not None):
        picked = "none"
    if picked is None and "told" in _note(turn):
        turn.say("common.not_a_choice")  # the kind of the concern told is what is asked
        return CATEGORY
    if picked is None and NO_CONCERNS not in menus and turn.inbound.choice is None and _no_more(turn, opening):
        return FOLLOW_UP  # "Keluhan ke-2" answered "nihil", "gak ada lagi": the note is done with those told
    if picked is None and turn.inbound.choice is None and concern_problem(turn.text) is None \
            and (kind := category_named(turn.text)) is not None:
        _note(turn)["category"] = kind  # the concern told before its kind ("balap liar tiap malam minggu"): its
        return await concern(turn)  # words name the kind, as a resident's story does
    if picked is None:
        turn.say("common.not_a_choice")
        return CATEGORY
    if picked == "none":
        return FOLLOW_UP
    if (told := _note(turn).pop("told", None)) is not None:
        return _noted(turn, picked, told)
    _note(turn)["category"] = picked
    return CONCERN


def _no_more(turn: Turn, opening: str) -> bool:
    """Whether the answer says there is no further concern: a no, "nihil", "sudah itu saja"."""
    return yes_or_no(turn.text) == "no" or NO_CONCERNS.pick(turn.lang, opening) is not None \
        or MORE_OPTIONS.pick(turn.lang, turn.text) == "done" or _more_or_done(turn.text) == "done"


def ask_concern(turn: Turn) -> None:
    turn.say("patrol.ask_concern", shortest=CONCERN_CHARS[0])


async def concern(turn: Turn) -> str:
    problem = concern_problem(turn.text)
    if problem is not None:
        turn.say("patrol.concern_invalid", **problem)
        return CONCERN
    return _noted(turn, _note(turn).pop("category"), turn.text)


def _noted(turn: Turn, kind: str, text: str) -> str:
    _note(turn)["concerns"].append({"category": kind, "text": text})
    return MORE if len(_note(turn)["concerns"]) < MOST_CONCERNS else FOLLOW_UP


def ask_more(turn: Turn) -> None:
    turn.say("patrol.ask_more", MORE_OPTIONS, count=len(_note(turn)["concerns"]))


async def more(turn: Turn) -> str:
    picked = turn.pick(MORE_OPTIONS)
    if picked is None and turn.inbound.choice is None:  # "Ada keluhan lain?" answered "tidak ada lagi", "iya"
        picked = {"yes": "another", "no": "done"}.get(yes_or_no(turn.text) or "")
    if picked is None and turn.inbound.choice is None:
        picked = _more_or_done(turn.text)
    if picked is None and turn.inbound.choice is None and len(turn.text.split()) >= CONCERN_WORDS \
            and concern_problem(turn.text) is None:
        # the next concern told at once ("ada juga yg ngeluh lampu jalan mati di gang 3"): its kind, if its words
        # do not name it, is asked, and the words are kept
        if (kind := category_named(turn.text)) is not None:
            return _noted(turn, kind, turn.text)
        _note(turn)["told"] = turn.text
        return CATEGORY
    if picked is None:
        turn.say("common.not_a_choice")
        return MORE
    return CATEGORY if picked == "another" else FOLLOW_UP


# Words about the list itself, not a concern: "nggak ada keluhan lagi", "sekian dulu pak", "tambah satu lagi",
# "masih ada satu lagi pak".
_DONE_WORDS = frozenset({"selesai", "sekian", "cukup", "dulu", "dicatat", "semua", "saja", "makasih", "terima", "kasih",
                         "done", "enough", "all", "thanks"})
_MORE_WORDS = frozenset({"tambah", "lagi", "masih", "satu", "more", "another"})
_OF_THE_LIST = _DONE_WORDS | _MORE_WORDS | NEUTRAL | frozenset({
    "ada", "tidak", "enggak", "keluhan", "sudah", "itu", "ya", "iya", "ok", "oke", "sip", "yes", "no", "one",
    "that", "is", "s", "nothing", "else"})


def _more_or_done(text: str) -> str | None:
    """"another" or "done" for words about the list alone; None for a concern ("warga minta ronda malam")."""
    said = words(text)
    if not said or not set(said) <= _OF_THE_LIST:
        return None
    if NOT_WORDS & set(said) or _DONE_WORDS & set(said):
        return "done"
    return "another" if _MORE_WORDS & set(said) or yes_or_no(text) == "yes" else None


def ask_follow_up(turn: Turn) -> None:
    turn.say("patrol.ask_follow_up", FOLLOW_UP_OPTIONS)


async def follow_up(turn: Turn) -> str:
    picked = turn.pick(FOLLOW_UP_OPTIONS)
    said = set(words(turn.text))
    if picked is None and turn.inbound.choice is None and said & _NEEDED:  # "ya perlu", "gk perlu pak"
        picked = "no" if said & NOT_WORDS else "yes"
    if picked is None:
        turn.say("common.not_a_choice")
        return FOLLOW_UP
    await save(turn, follow_up=picked == "yes")
    return MENU


_NEEDED = frozenset({"perlu", "butuh", "need", "needed", "needs"})


def drop_concern(turn: Turn) -> str | None:
    """BATAL once concerns are noted keeps them (a note typed on the street is not lost to one word): it drops
    the concern being told, if any, and asks whether to follow up; None when the whole note goes (no concern
    noted yet, or BATAL a second time)."""
    if turn.step not in (CATEGORY, CONCERN, MORE, FOLLOW_UP) or not _note(turn)["concerns"] or _note(turn).get("kept"):
        return None
    _note(turn)["kept"] = True
    noted = len(_note(turn)["concerns"])
    if turn.step in (MORE, FOLLOW_UP):
        turn.say("patrol.concerns_kept", count=noted)
    else:
        _note(turn).pop("category", None)
        _note(turn).pop("told", None)
        turn.say("patrol.concern_dropped", number=noted + 1, count=noted)
    return FOLLOW_UP


def place_problem(place_text: str) -> dict[str, Any] | None:
    """Why the place as typed does not do, as the params of `patrol.place_invalid`; None when it does."""
    shortest, longest = PLACE_CHARS
    if letters_and_digits(place_text) < shortest or len(place_text) > longest:
        return {"shortest": shortest, "longest": longest}
    return None


def met_count(said: str) -> int | None:
    """The number of residents met, as officers type it: "12", "12 orang", "sekitar 15 warga", "dua puluh orang",
    "7 bapak2 dan 3 ibu2" (added up); None when the words hold no one number of people (or several not joined
    by "dan"), below zero, or more than MOST_MET."""
    if _BELOW_ZERO.search(said):
        return None
    said_words = normalize(_PEOPLE_REPEATED.sub(r"\1", said)).split()
    numbers, spelt = [], []
    for word in [*said_words, ""]:
        if word in _NUMBER_WORDS:
            spelt.append(word)
            continue
        if spelt:
            if (value := _spelt_number(spelt)) is None:
                return None
            numbers.append(value)
            spelt = []
        if found := _ABOUT_A_NUMBER.match(word):
            numbers.append(int(found[1]))
        elif word and word not in _MET_WORDS and word not in _PEOPLE and word not in _JOINED:
            return None
    if not numbers or (len(numbers) > 1 and not _JOINED & set(said_words)):
        return None
    return sum(numbers) if sum(numbers) <= MOST_MET else None


_UNITS = {"satu": 1, "se": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
          "sembilan": 9}
_ENGLISH = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10}
_NUMBER_WORDS = frozenset(_UNITS) | frozenset(_ENGLISH) | {"sepuluh", "sebelas", "belas", "puluh", "seratus", "ratus"}
# Who residents met are, between the numbers: "7 bapak2 dan 3 ibu2".
_PEOPLE = frozenset({"bapak", "ibu", "bapak-bapak", "ibu-ibu", "pemuda", "remaja", "anak", "tokoh", "masyarakat", "rt",
                     "rw", "men", "women", "youth"})
_JOINED = frozenset({"dan", "and", "+", "serta", "plus"})
_PEOPLE_REPEATED = re.compile(r"\b([a-z]+)2\b", re.IGNORECASE)  # "bapak2": the chat's doubled word, no number


def _spelt_number(spelt: list[str]) -> int | None:
    """"dua puluh tiga" 23, "sebelas" 11, "tiga belas" 13, "seratus lima" 105, "seven" 7; None for what is no
    number ("puluh" alone)."""
    if len(spelt) == 1 and spelt[0] in _ENGLISH:
        return _ENGLISH[spelt[0]]
    total, current = 0, 0
    for word in spelt:
        if word in _UNITS and word != "se":
            current += _UNITS[word]
        elif word in ("sepuluh", "sebelas"):
            current += 10 if word == "sepuluh" else 11
        elif word == "belas" and 0 < current < 10:
            current += 10
        elif word == "puluh" and 0 < current < 10:
            current *= 10
        elif word == "seratus":
            total += 100
        elif word == "ratus" and 0 < current < 10:
            total, current = total + current * 100, 0
        else:
            return None
    return total + current



def concern_problem(text: str) -> dict[str, Any] | None:
    """Why a concern does not do, as the params of `patrol.concern_invalid`."""
    shortest, longest = CONCERN_CHARS
    if letters_and_digits(text) < shortest or len(text) > longest:
        return {"shortest": shortest, "longest": longest}
    return None


async def save(turn: Turn, *, follow_up: bool) -> None:
    """Stores the note the conversation gathered and tells the officer its reports."""
    note_data = turn.data.pop("patrol")
    assert turn.officer is not None
    code = note_data.get("code")
    found = turn.router.place(code) if code else None
    concerns = [(Category(raised["category"]), raised["text"]) for raised in note_data["concerns"]]
    _note, reports = await record(turn.office, turn.officer, turn.lang, note_data["place_text"], found,
                                  note_data["met"], concerns, follow_up)
    refs = [f"• {report.ref} ({labels(turn.lang, 'category')[report.category.value]})" for report in reports]
    turn.say("patrol.saved" if refs else "patrol.saved_no_concerns",
             place=place_label(turn.lang, found) if found else note_data["place_text"],
             met=note_data["met"], count=len(refs), refs="\n".join(refs),
             follow_up=t(turn.lang, "patrol.follow_up_yes" if follow_up else "patrol.follow_up_no"))


async def record(office: Office, officer: Officer, lang: str, place_text: str, found: PlaceCandidate | None,
                 met: int, concerns: list[tuple[Category, str]], follow_up: bool) -> tuple[PatrolNote, list[Report]]:
    """Stores the note and one report per concern on the officer's station, taken as acknowledged: the
    officer heard it in person, so no alert goes out. The chat's PATROLI and the web page's form both
    end here."""
    district = found.district.code if found and found.district else None
    village = found.village.code if found and found.village else None
    note = PatrolNote(station_id=officer.station_id, officer_id=officer.id, place_text=place_text,
                      district_code=district, village_code=village, residents_met=met,
                      follow_up=follow_up, created_at=office.now)
    office.db.add(note)
    await office.db.flush()
    reports = []
    for category, text in concerns:
        report, _received = await create_report(
            office.db, attachments=[], actor=actor(officer),
            category=category, description=text, withheld=withheld(category, text),
            occurred_text=t(lang, "patrol.occurred"), location_text=place_text,
            occurred_hour=hour_told(text),  # "balap liar tiap malam minggu": the night, not the hour it was logged
            province_code=found.province.code if found else None, regency_code=found.regency.code if found else None,
            district_code=district, village_code=village, station_id=officer.station_id, urgent=False,
            identity=Identity.ANONYMOUS, source=ReportSource.PATROL, language=lang, contact_id=None,
            patrol_note_id=note.id, created_at=office.now, updated_at=office.now,
        )
        await change_status(office, report, ReportStatus.ACKNOWLEDGED, actor(officer), None, public=False)
        reports.append(report)
    return note, reports


STEPS: dict[str, Step] = {
    PLACE: Step(ask_place, place),
    PLACE_PICK: Step(ask_place_pick, place_pick),
    MET: Step(ask_met, met),
    CATEGORY: Step(ask_category, category),
    CONCERN: Step(ask_concern, concern),
    MORE: Step(ask_more, more),
    FOLLOW_UP: Step(ask_follow_up, follow_up),
}
