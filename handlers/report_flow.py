"""The resident's report, one step per function, wired together in STEPS at the bottom.

Each step has an `ask_*` that sends its question and an answer function, named after what it
receives, that stores the answer and returns the next step. A step that cannot use the answer says
why and returns itself, so its question is asked again.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
from difflib import SequenceMatcher
from typing import Literal, get_args
from zoneinfo import ZoneInfo

from bot.channels.base import Choice
from handlers.alerts import alert_station, number_shown
from handlers.choices import Menu, pick
from handlers.i18n import labels, t
from handlers.language.answers import NEUTRAL, NO, YES, without_all_right, yes_or_no
from handlers.language.emergency import emergency_denied, is_cry_for_help
from handlers.language.intents import (
    ASIDE_MAX_WORDS,
    CORRECTION_WORDS,
    FIX_OPENERS,
    HOW_ONLY,
    HOW_WORDS,
    NOT_WORDS,
    OWN_WORDS,
    PLACE_WORDS,
    REPORT_NOUNS,
    REPORT_WORDS,
    SERVICE_QUESTIONS,
    SLIPS,
    STORY_WORDS,
    WANT_WORDS,
    Correction,
    another_report_wished,
    aside,
    begins_a_story,
    category_fit_asked,
    category_named,
    correction,
    field_named,
    hiding_now,
    identity_options_asked,
    identity_wished,
    kind_instead,
    only_a_time,
    puts_off,
    questions_asked,
    report_kind_asked,
    says_a_stop,
    stopping,
    story_after_a_slip,
    story_without_opener,
    tells_a_story,
    time_instead,
    urges_haste,
    weary_of_questions,
    what_may_be_reported,
    where_it_lies_asked,
    whose_place_asked,
)
from handlers.language.normalise import is_emoji, normalise, phrase_at, without_phrase, words
from handlers.language.self_told import ABOUT_A_NAME, name_said
from handlers.language.slots import (
    CHAT_SOUND,
    DAY_WORDS,
    TIME_WORDS,
    WEEKDAYS,
    area_word_asked,
    as_told,
    hour_before,
    hour_phrase,
    kind_not_known,
    not_given,
    put_off,
    qualifies_a_time,
    said_online,
    story_asked_how,
    time_told,
    village_not_known,
    when_asked_back,
    when_named,
    where_it_happened,
    without_home,
    without_where_one_is,
)
from handlers.language.spots import spot_then_story, spot_told, street_first
from handlers.publication import withheld
from handlers.routing import (
    CANDIDATES_SHOWN,
    CANDIDATES_WEIGHED,
    Route,
    code_label,
    describe_place,
    place_label,
    said_with_place,
    station_label,
)
from handlers.state import Draft, ExpiredDraft, Photo, Proposal, ReadBack, SessionData, Voice, When
from handlers.status import told_already_reported
from handlers.text import letters_and_digits
from handlers.turn import MENU, Step, Turn
from handlers.unexposed import unexposed
from handlers.voice import CAPTION_CHARS, voice_story
from handlers.witnesses import find_same_incident, join_report
from storage.lexicon import ACRONYMS, THINGS_OWNED, is_ordinary, no_village_in_a_story, spoken_root, stem
from storage.models import Category, Identity, Report, Station, to_the_hour
from storage.officers import has_officers
from storage.regions import KIND_WORDS, PlaceCandidate, name_key, named_alone, within_indonesia
from storage.reports import NewAttachment, create_report
from storage.stations import timezone_for
from storage.workflow import OPEN_STATUSES

CATEGORY, DESCRIPTION, LOCATION, WHEN, PHOTO, IDENTITY, NAME, SUMMARY, CHANGE = (
    "category", "description", "location", "when", "photo", "identity", "name", "summary", "change")
PLACE_CHECK, PLACE_PICK = "place_check", "place_pick"  # the place read from the location, confirmed
READ_BACK = "read_back"  # what was read from a report told in one message, confirmed
VOICE_CAPTION = "voice_caption"  # the one line a resident may add to a voice note told as the story
RESUME = "resume_draft"  # a report left unfinished until it expired, offered back once
SAME = "same_incident"  # an open report alike to this one in the same place: the resident says if it is theirs
ANOTHER = "another_report"  # "maaf salah, mau lapor yang lain": whether to drop this report for a new one
RESUMABLE_FOR = dt.timedelta(days=1)
# How long after a report a photo sent with no new report in its words is taken as that report's: residents send
# the report, then walk back to take the photo or get it from whoever has it, within the hour or two; later, a
# photo is as likely a new matter. The reply names the report, so one taken wrongly is seen at once.
PHOTO_OF_A_REPORT_WITHIN = dt.timedelta(hours=3)
# The draft's answers about where, asked again together; what the last reading of a place gave, cleared before
# the next; the tries at naming a place and what was found alike there, cleared once one is confirmed.
WhereKey = Literal["latitude", "longitude", "location_text", "story_spot", "pin_kept", "place_tries", "place_attempts",
                   "place", "station_id", "station_label", "needs_routing", "proposal", "options", "same", "join",
                   "join_station", "online", "street_asked"]
ReadingKey = Literal["place", "station_id", "station_label", "needs_routing", "proposal", "options", "place_rejected"]
TryingKey = Literal["place_tries", "place_attempts", "place_rejected", "places_refused", "place_unknown", "home_asked",
                    "too_wide_asked", "street_asked", "common_name", "same", "join", "join_station", "corrected_place",
                    "offered_before"]
WHERE_KEYS: tuple[WhereKey, ...] = get_args(WhereKey)
READING_KEYS: tuple[ReadingKey, ...] = get_args(ReadingKey)
TRYING_KEYS: tuple[TryingKey, ...] = get_args(TryingKey)
ORDER = (CATEGORY, DESCRIPTION, LOCATION, SAME, WHEN, PHOTO, IDENTITY, NAME, SUMMARY)
ANSWER_OF_STEP = {PLACE_CHECK: LOCATION, PLACE_PICK: LOCATION, READ_BACK: CATEGORY,  # side steps of a step
                  VOICE_CAPTION: DESCRIPTION}
# Where a photo sent is kept for the report though another question is open: before the photo is asked, as an
# answer typed early is (the kind, the place, the read-back, the time), and after it, until the report is sent
# ("nanti saya kirim fotonya", then the photo).
OTHER_PHOTO_STEPS = (CATEGORY, LOCATION, PLACE_CHECK, PLACE_PICK, READ_BACK, SAME, WHEN, IDENTITY, NAME, SUMMARY)
PHOTO_STEPS = (DESCRIPTION, PHOTO, *OTHER_PHOTO_STEPS)  # a photo sent anywhere else is not kept
VOICE_STEPS = (DESCRIPTION, VOICE_CAPTION)  # nor a voice note (but as the answer to an officer's question)
STORY_STEPS = (DESCRIPTION, VOICE_CAPTION)  # where what happened is asked
# where the report is told in words: more of the story may come at the place's yes or no too
TELLING_STEPS = (CATEGORY, *STORY_STEPS, READ_BACK, LOCATION, PLACE_CHECK, WHEN)
TAKES_A_PHOTO_ALONE = (DESCRIPTION, PHOTO)  # whose answer keeps a photo sent alone, or says why it could not
FREE_TEXT_STEPS = (DESCRIPTION, VOICE_CAPTION, LOCATION, PLACE_CHECK, PLACE_PICK, WHEN, NAME)  # any words may answer
# "Gak usah" (no need) there declines what is asked, or goes with the answer ("gak usah pak, rahasia aja"; "gak
# usah, beda kejadian"), not the report.
DECLINABLE_STEPS = (VOICE_CAPTION, PHOTO, IDENTITY, NAME, SAME)
YES_NO_STEPS = (READ_BACK, PLACE_CHECK, PLACE_PICK, SUMMARY)  # where "sip makasih" is a yes, not an aside
ANSWERED_IN_WORDS = (DESCRIPTION, LOCATION, WHEN)  # a correction may carry the new answer to these
ASIDE_ANSWERS = {"thanks": "report.aside_thanks", "how": "report.aside_how",
                 "police_number": "report.aside_police_number", "greeting": "report.already_started",
                 "distress": "report.aside_distress", **{kind: f"menu.{kind}" for kind in SERVICE_QUESTIONS}}

DESCRIPTION_CHARS = (10, 4000)
LOCATION_CHARS = (3, 300)
WHEN_CHARS = (2, 200)
NAME_CHARS = (2, 100)
NAME_WORDS = 5  # a name typed as a name has no more words than this
ANONYMOUS_PIN_DECIMALS = 3  # about 110 m of latitude
SUMMARY_DESCRIPTION_CHARS = 600  # the whole text is stored; the summary only has to recognise it
CATEGORY_NAMED_WORDS = 6  # a short answer to "what kind" may name the incident rather than the category
PLACE_TRIES = 2  # failed tries at naming a place before the report goes to the fallback desk

CATEGORIES = Menu("category")
WHEN_OPTIONS = Menu("when")
PHOTO_OPTIONS = Menu("photo")
IDENTITIES = Menu("identity")
NAMED_CONFIRM = Menu("named_confirm")  # Dengan nama left after the two others were declined: confirmed, not taken
SUMMARY_OPTIONS = Menu("summary")
FIELDS = Menu("field")
PLACE_YES_NO = Menu("place_check")
NONE_OF_THESE = Menu("place_pick")
READ_BACK_OPTIONS = Menu("read_back")
READ_BACK_WHEN = Menu("read_back_when")  # a yes with the time the story did not say, in one answer
ANOTHER_OPTIONS = Menu("another_report")
RESUME_OPTIONS = Menu("resume_draft")
CAPTION_OPTIONS = Menu("voice_caption")
SAME_OPTIONS = Menu("same_incident")


def start(turn: Turn, *, category: str | None = None, urgent: bool = False, identity: str | None = None) -> str:
    """Opens a draft, with the category already named ("lapor pencurian"), marked urgent after a cry for help,
    and with how to be shown where the wish to report said it ("sy mau lapor anonim aja"), and asks the first thing
    missing."""
    draft = turn.data["draft"] = {}
    if category:
        draft["category"] = category
    if urgent:
        turn.answer_emergency()  # answered already: the draft is marked urgent, and for what (Turn.answer_emergency)
    if identity:
        _identity_read(turn, identity)
        turn.say("report.identity_noted", identity=labels(turn.lang, IDENTITIES.group)[identity])
    return first_missing(turn)


async def start_from_story(turn: Turn, *, urgent: bool = False) -> str:
    """Opens a draft whose description is the message, and reads its category, place and time to confirm them
    together; what is not there is asked afterwards. A story the resident reported already is no new report,
    unless it cries for help (officers are to be paged again) or brings a photo (evidence to add)."""
    if not urgent and not turn.photo and await told_already_reported(turn, turn.text):
        return MENU
    start(turn, urgent=urgent)
    _keep_photo(turn)  # a photo whose caption tells the story
    return await _take_story(turn)


def start_with_photo(turn: Turn) -> str:
    """A photo sent alone before anything else opens a report with it, and asks the rest."""
    start(turn)
    _keep_photo(turn)
    turn.say("photo.kept_first")
    return first_missing(turn)


async def start_with_voice(turn: Turn) -> str:
    """A voice note sent before anything else, as WhatsApp users often begin, opens a report with it as the story;
    words sent with it are its line and may name the kind. The rest is asked, the kind first when none is named."""
    start(turn, urgent=turn.emergency_answered)
    _keep_voice(turn)
    if not turn.text.strip():
        return VOICE_CAPTION
    return await voice_caption(turn)


async def start_from_place(turn: Turn) -> str | None:
    """A place sent before anything else ("di gedog sananwetan blitar pak") starts a report with it: the place is
    confirmed first, then the rest asked. None when the message names no place."""
    if not await _names_a_place(turn):
        return None
    start(turn)
    return await location(turn)


def _later_answers_in_story(turn: Turn, story: str) -> None:
    """What a story says of later questions: "…, sy gk punya foto", "…, tolong nama saya dirahasiakan" (the summary
    shows it to confirm), "sy mau lapor tp jangan sampai tetangga tau", then the story."""
    if "photo" not in turn.draft and any(_no_photo_told(clause) for clause in _CLAUSES.split(story)):
        turn.draft["photo_skipped"] = True
    if wished := identity_wished(story):
        _identity_read(turn, wished)


async def _take_story(turn: Turn) -> str:
    urgent = bool(turn.draft.get("urgent"))
    if begun := turn.draft.pop("story_begun", None):  # "sy mau lapor tp takut ketauan suami sy", then the story
        turn.text = f"{begun}\n{turn.text}"
    text, (shortest, longest) = turn.text, DESCRIPTION_CHARS
    _later_answers_in_story(turn, text)
    story = story_without_opener(text, shortest)
    turn.draft["description"] = story[:longest]
    if len(story) > longest:
        turn.say("report.description_cut", longest=longest)
    read = ReadBack()
    category = category_named(text)
    if urgent and category in (None, Category.OTHER):
        category = Category.EMERGENCY.value  # a fire, a body found: officers are better told "Darurat" than "Lainnya"
    if category:
        read["category"] = category
    read.update(await _place_of_story(turn, text))
    read.update(_time_of_story(text))
    if "when" not in read and "when" not in turn.draft and _going_on_now(turn):
        read["when"] = "now"  # shown as read, not asked
    if not read:
        return first_missing(turn)
    turn.draft["read"] = read
    return READ_BACK


def _time_of_story(text: str) -> ReadBack:
    """The time a story tells, to confirm: its choice, and its words but for "now" (a choice of its own, with its
    reminder of 110); empty when it tells none."""
    of_it = without_home(text)  # "skrg sy di rumah di klampok, tadi hp sy dijambret": "tadi", not "skrg"
    if moment := when_named(of_it):
        told = time_told(of_it)
        return ReadBack(when=moment, when_told=told[1]) if told and moment != "now" else ReadBack(when=moment)
    if told := time_told(of_it):  # "tiap malam": a repeat, in its words
        return ReadBack(when=told[0], when_told=told[1])
    return ReadBack()


async def _place_of_story(turn: Turn, text: str) -> ReadBack:
    """The place a story names, to confirm ("place"), or the places its name may be, to pick from ("places"),
    with the spot it tells the place with ("spot"); empty when it names none."""
    read = await _region_of_story(turn, text)
    codes = [read["place"]] if "place" in read else read.get("places", [])
    if codes and (spot := _spot_of_story(turn, text, codes)):
        read["spot"] = spot
    elif not read and (street := await _street_of_story(turn, text)):
        read["street"] = street  # "balapan liar di jl soekarno hatta": kept, and its kelurahan asked after a yes
    return read


async def _street_of_story(turn: Turn, text: str) -> str | None:
    """The street a story names alone after a word of where, as typed, last or before what the spot reader ends a
    spot at: a time or the story going on ("di jl soekarno hatta tadi malam motor sy dicuri"); with what it tells
    of the spot on it ("di jl. sudirman dpn bank bri td siang": "jl. sudirman dpn bank bri"), which officers read."""
    for said in reversed(_AFTER_WHERE_OR_ON.findall(text)):
        if (spot := spot_told([said], ())) and await _a_street_alone(turn, street_first(spot)):
            return spot
        if street := await _a_street_alone(turn, said):
            return street
    return None


def _spot_of_story(turn: Turn, text: str, codes: list[str]) -> str | None:
    """The street, RT or shop the story tells where it happened with, less the names of the places read: where the
    incident was told apart from the resident's home, that part's ("sy tinggal di jl mawar, …"), else the whole's
    but where someone fled to."""
    names = {name_key(region.name) for code in codes if (place := turn.router.place(code))
             for region in (place.village, place.district, place.regency, place.province) if region}
    for told in dict.fromkeys((where_it_happened(text), where_it_happened(text, home_too=True))):
        if spot := spot_told(_clauses(told), names):
            return spot
    return None


async def _region_of_story(turn: Turn, text: str) -> ReadBack:
    found, confident = await _places_in_story(turn, text)
    if found and turn.router.common_name_misspelt(text, found[0]):
        return ReadBack()  # "… di desa sukamju": which of the many Sukamaju, asked with the place
    # A place the story names as one ("kel. Gedog") is shown too when it is not certain: the resident confirms.
    if taken := found[0] if confident else named_alone(found):
        return ReadBack(place=taken.code)
    if named := [place.code for place in found if place.marked]:
        # a name several places share, or one beside a kecamatan it is not in: which one is asked after a yes
        return ReadBack(places=named if len(named) > 1 else [place.code for place in found])
    if not found and (misspelt := await _misspelt_after_where(turn, text)):
        return ReadBack(places=[place.code for place in misspelt])  # "hp sy dicuri di gedok y": offered, as alone
    if near := await _near_and_spelt(turn, text, found) or await _near_after_where(turn, text):
        # "…di parkiran alfamart jl. mastrip, plosokerep": the one near, to confirm; "klampok", which names a
        # kelurahan of Sananwetan and a desa of Bojonegoro, both near, or "blitar", a kota near and the kabupaten
        # of the same name around it: which one is asked
        twins = [place.code for place in found if place.code not in near and place.district is None
                 and _own_name(place) in {_own_name(p) for p in found if p.code in near and p.district is None}]
        near += twins
        return ReadBack(place=near[0]) if len(near) == 1 else ReadBack(places=near[:CANDIDATES_SHOWN])
    if regencies := [place.code for place in found if place.district is None and _spelt_in(text, place)
                     and (not place.ordinary or _named_last(text, place))]:
        # "…jl kaliurang km 5 sleman": a kab/kota the story ends its telling with, though a village somewhere has
        # its name: offered, its kecamatan asked after a yes
        return ReadBack(places=regencies[:CANDIDATES_SHOWN])
    return ReadBack()


async def _places_in_story(turn: Turn, story: str) -> tuple[list[PlaceCandidate], bool]:
    """The places a story (or a place typed) names, those of where the resident lives, works or is now left out
    unless no other is named ("rumah sy di gedog kemalingan" happened at home), or it happened by phone or online,
    where the home is what routes it ("ketipu online…, sy tinggal di kel plosokerep")."""
    home_first = said_online(story)
    readings = (where_it_happened(story, home_too=True),) if home_first else ()
    first: tuple[list[PlaceCandidate], bool] = ([], False)
    for text in dict.fromkeys((*readings, where_it_happened(story), where_it_happened(story, home_too=True), story)):
        found, confident = await turn.router.read(turn.db, text)
        if found and not first[0]:
            first = found, confident
        # "…hilang dari teras rumah. Alamat saya …, Kelurahan Sananwetan": everyday words read as places (Kec. Teras
        # of Boyolali), none said as one ("hp ilang di sentul"), say less than the home named
        if found and (confident or not all(place.ordinary for place in found)
                      or any(_named_last(text, place) for place in found)):
            return found, confident
    return first


async def _near_and_spelt(turn: Turn, text: str, found: list[PlaceCandidate]) -> list[str]:
    """Of the places found, those a station near covers whose name the text spells: a name that is also a word
    ("sentul", "rembang", "tanggung") only said as a place, last in its clause (_named_last), and where the stations
    are the whole country's (Router.near_is_local) only when no kind of place, room or drug (no_village_in_a_story):
    "in Kuta last night" is Kec. Kuta, "ngumpet di kamar" no Desa Kamar."""
    local = await turn.router.near_is_local(turn.db)
    return [place.code for place in await turn.router.covered(turn.db, found)
            if (not place.ordinary or ((local or not no_village_in_a_story(_own_name(place)))
                                       and _named_last(text, place))) and _spelt_in(text, place)]


_CLAUSE_END, _WHERE_BEFORE = "|", 6  # a clause's end among the words; words back to its word of where
# Words written with a full stop that ends no sentence: "kel. sudah", "jl. mastrip", "no. 5".
_ABBREVIATED = frozenset({"kel", "kec", "ds", "dsn", "kab", "kot", "prov", "jl", "jln", "gg", "no", "rt", "rw", "kp",
                          "komp", "perum", "dr", "ir", "hj"})


def _clauses(text: str) -> list[str]:
    """The text's clauses: split at a comma and the like, and at a sentence's full stop ("…di ibunya. Sudah 2
    hari…"), not at an abbreviation's."""
    clauses: list[str] = []
    for piece in re.split(r"[,;!?\n]", text):
        glued = False
        for sentence in re.split(r"(?<=\.)\s+", piece):
            if glued:
                clauses[-1] += f" {sentence}"
            else:
                clauses.append(sentence)
            last = clauses[-1].rstrip(".").split()[-1:]
            glued = clauses[-1].endswith(".") and bool(last) and (last[0].lower() in _ABBREVIATED or len(last[0]) == 1)
    return clauses


def _named_last(text: str, place: PlaceCandidate) -> bool:
    """Whether the place's own name closes a clause after a word of where, or with a time or a form of address
    after it ("di sentul", "…jl. mastrip sentul, skrg…", "di rembang kemarin"), or alone in the clause after a street's
    ("…on Jl. Raya Legian, Kuta"); not "di pojok warung", nor "sudah" in "…di ibunya. Sudah 2 hari"."""
    said = " ".join(f"{normalise(clause)} {_CLAUSE_END}" for clause in _clauses(text)).split()
    own = _own_name(place)
    for i in range(len(said)):
        for length in (1, 2, 3):
            named = said[i:i + length]
            if name_key("".join(named)) != own or any(word.isdigit() for word in named):
                continue  # a number is no part of a name said: "sudah 2 hari" is not Sudah
            before = said[max(0, i - _WHERE_BEFORE):i]
            clause = before[len(before) - before[::-1].index(_CLAUSE_END):] if _CLAUSE_END in before else before
            after = said[i + length:i + length + 1]
            if _closes(after) and (_WHERE_WORDS & set(clause) or _after_a_street(said, i)) \
                    and said[i - 1:i] not in (["pohon"], ["buah"], ["daun"]):
                return True  # not "di bawah pohon sentul"
    return False


def _after_a_street(said: list[str], i: int) -> bool:
    """Whether the i-th word opens the clause after one that told a street: "…on Jl. Raya Legian, Kuta", "…di jl
    mastrip, sentul": the street's village, said after it as an address is written."""
    if said[i - 1:i] != [_CLAUSE_END]:
        return False
    told = said[:i - 1]
    return bool(_STREET_WORDS & set(told[len(told) - told[::-1].index(_CLAUSE_END):] if _CLAUSE_END in told else told))


_PARTICLES = frozenset({"ya", "yah", "sih", "deh", "lho", "loh"})  # "di gedok ya"
# Where English ends a place's telling: what the place is, after its name ("near Seminyak beach", "in Kuta area"), a
# time begun ("in Kuta last night", "this morning", "earlier today"), or the verb of what befell it ("my villa in
# Canggu was broken into").
_KINDS_IN_ENGLISH = frozenset({"beach", "market", "village", "area", "district", "regency", "city", "town"})
_ENDS_IN_ENGLISH = _KINDS_IN_ENGLISH | frozenset({"last", "this", "earlier", "today", "around", "was", "were", "is",
                                                  "got"})


def _closes(after: list[str]) -> bool:
    """Whether the word after a name ends its telling: nothing, a clause's end, a time, a form of address or a
    particle ("di sentul skrg", "di gedok ya"), or where English ends it (_ENDS_IN_ENGLISH)."""
    return not after or after[0] in {_CLAUSE_END} | DAY_WORDS | TIME_WORDS | NEUTRAL | _PARTICLES | _ENDS_IN_ENGLISH \
        or when_named(after[0]) is not None


async def _misspelt_after_where(turn: Turn, text: str) -> list[PlaceCandidate]:
    """The villages nearby a story's one word after a word of where or a village's ("kel gedok"), or alone after a
    street's clause ("…di jl mastrip, gedok"), misspells, read as that word sent alone where the place is asked ("hp
    sy dicuri di gedok y": Gedog), though it is an everyday word too; offered, never taken. A word of a spot ("di
    tengah", "di dalam") is none."""
    said = " ".join(f"{normalise(clause)} {_CLAUSE_END}" for clause in _clauses(text)).split()
    local = await turn.router.near_is_local(turn.db)  # with the country's stations "di kamar" is the room
    for i in range(1, len(said)):
        if (said[i - 1] in _WHERE_WORDS | _VILLAGE_WORDS or _after_a_street(said, i) or _the_place_s_kind(said, i)) \
                and said[i].isalpha() \
                and said[i] not in PLACE_WORDS \
                and (local or not is_ordinary(said[i]) or _a_name_among_the_country_s(said, i)) \
                and _closes(said[i + 1:i + 2]) \
                and (found := await turn.router.villages_nearby(turn.db, said[i])):
            return found
    return []


def _the_place_s_kind(said: list[str], i: int) -> bool:
    """Whether the i-th word is named in English between "the" after a word of where and what the place is: "at the
    Seminyak market", "near the Kuta beach"."""
    return said[i - 1] == "the" and said[i - 2:i - 1] in ([word] for word in _WHERE_WORDS) \
        and said[i + 1:i + 2] in ([word] for word in _KINDS_IN_ENGLISH)


def _a_name_among_the_country_s(said: list[str], i: int) -> bool:
    """Whether an everyday word after a word of where (said[i - 1]) is said as a village's name where every village
    is covered ("dompet sy dicopet di sentul", "motor ilang daerah gedok"): no kind of place, room or drug
    (no_village_in_a_story), and after "di", which chat also writes apart from a deed ("motor sy di begal": no Desa
    Begal), only once its clause has told the deed."""
    if said[i - 1] in _VILLAGE_WORDS:
        return True  # "ada orang mabuk di gg 3 kel gedok": said to be a village's name
    if no_village_in_a_story(said[i]):
        return False
    if said[i - 1] != "di":
        return True
    clause = said[:i - 1]
    told = clause[len(clause) - clause[::-1].index(_CLAUSE_END):] if _CLAUSE_END in clause else clause
    return category_named(" ".join(told)) is not None


async def _near_after_where(turn: Turn, text: str) -> list[str]:
    """Where the whole story found no place near, the one its words after a word of where name: "…ngerusak pager
    rumah sy, di tanggung" (a desa "Pager" far away is what the whole reads first)."""
    said = _AFTER_WHERE.findall(text)
    if not said:
        return []
    found, _confident = await turn.router.read(turn.db, said[-1])
    return await _near_and_spelt(turn, text, found)


def _spelt_in(text: str, place: PlaceCandidate) -> bool:
    """Whether the text spells the place's own name, spaced as it may be, or all but a letter or two of it in one
    word ("sananwetn"): a near spelling of other words ("makam bung karno" read as Desa Bungur) is no place to put to
    the resident as read."""
    own = _own_name(place)
    return own in name_key(text) or any(
        SequenceMatcher(None, own, word).ratio() >= SPELT_NEARLY and not spoken_root(word)  # "ngancem": no Ngrance
        for word in normalise(text).split())


# Things a story names that are no place: a make or model of what was taken, a body or paper by its acronym.
_NAMED_THINGS = THINGS_OWNED | ACRONYMS
# "laptop jg", "dompet sama kunci juga": a thing added, "too", to what the story told was taken; no place.
_TOO = frozenset({"juga"})
_WHERE_WORDS = frozenset({"di", "ke", "dekat", "deket", "daerah", "kawasan", "sekitar", "in", "at", "near"})
# The words after a word of where, to a comma or the end: "…di warung bu sri jl. mastrip sentul, skrg …"; and after
# English "on", which is where before a street ("on Jl. Raya Legian") and seldom before another place.
_AFTER_WHERE = re.compile(rf"\b(?:{'|'.join(sorted(_WHERE_WORDS))})\s+([^,;!?\n]+)", re.IGNORECASE)
_AFTER_WHERE_OR_ON = re.compile(rf"\b(?:{'|'.join(sorted(_WHERE_WORDS | {'on'}))})\s+([^,;!?\n]+)", re.IGNORECASE)
_STREET_WORDS = frozenset({"jl", "jln", "jalan", "gg", "gang", "street", "road"})
_VILLAGE_WORDS = frozenset({"kel", "kelurahan", "desa", "ds"})  # a village's name follows, however spelt


def _said_where(text: str, place: PlaceCandidate) -> bool:
    """Whether the place's own name follows a word of where ("…sengketa di Sekar"), not another ("udh damai")."""
    said, own = normalise(text).split(), _own_name(place)
    return any(name_key("".join(said[i:i + 3])).startswith(own) and i and said[i - 1] in _WHERE_WORDS
               for i in range(len(said)))


def _own_name(place: PlaceCandidate) -> str:
    return name_key((place.village or place.district or place.regency).name)


def _answered(turn: Turn, step: str) -> bool:
    """Whether the draft already holds this step's answer (told in one message, or kept on going back)."""
    draft = turn.draft
    if step == PHOTO:
        return bool(draft.get("photo") or draft.get("photo_skipped"))
    if step == NAME:
        return draft.get("identity") != Identity.NAMED or turn.contact.display_name_encrypted is not None
    if step == LOCATION:
        return "needs_routing" in draft
    if step == SAME:
        return "same" not in draft
    return step != SUMMARY and step in draft


def first_missing(turn: Turn) -> str:
    """The question to ask next. One left open comes first, asked again rather than begun anew when the resident
    corrected another answer meanwhile: the place proposed or the places offered, what was read from the story,
    the line to a voice note. Then the first answer the draft does not hold, in the report's order, whichever
    step answered last (a correction may answer one further on)."""
    draft = turn.draft
    if "proposal" in draft:
        return PLACE_CHECK
    if "options" in draft:
        return PLACE_PICK
    if "read" in draft:
        return READ_BACK
    if "voice" in draft and "description" not in draft:
        return VOICE_CAPTION
    step = next(step for step in ORDER if not _answered(turn, step))
    if step == WHEN and _going_on_now(turn):
        draft["when"] = {"choice": "now"}  # "ada maling di rumah sy", "sy ngumpet di kamar": now, not asked
        return first_missing(turn)
    return step


def _going_on_now(turn: Turn) -> bool:
    """Whether the report tells a danger going on as it is told: urgent, someone hiding from it as they write ("ada
    maling di rumah sy", "sy ngumpet di kamar"), and a story that tells no time but now. Its time is now; a time told
    or a habit ("tiap malam") leave the time to be asked, as a danger told with no one hiding does."""
    draft = turn.draft
    story = without_home(draft.get("description", ""))
    if not draft.get("urgent") or not hiding_now(story):
        return False
    moment = when_named(story)
    return moment == "now" or (moment is None and time_told(story) is None)


def set_aside(data: SessionData, step: str, now: dt.datetime) -> ExpiredDraft | None:
    """What an expiring conversation keeps of its report, to offer it back: None when there was none."""
    if "draft" not in data:
        return None
    step = SUMMARY if step == CHANGE else step  # taken back, it is read again before what to change is asked
    return {"draft": data["draft"], "step": step if step in STEPS else CATEGORY, "at": now.isoformat()}


def offer_to_resume(turn: Turn) -> str:
    """Asks whether to go on with the report that expired, if it did less than a day ago; asked once."""
    kept = turn.data.get("expired_draft")
    if turn.busy or kept is None or turn.now - dt.datetime.fromisoformat(kept["at"]) > RESUMABLE_FOR:
        turn.data.pop("expired_draft", None)
        return MENU
    return RESUME


def ask_resume_draft(turn: Turn) -> None:
    kept = turn.data["expired_draft"]["draft"]
    category = labels(turn.lang, CATEGORIES.group).get(kept.get("category", ""), "-")
    story = (kept.get("description") or "-")[:80]
    turn.say("report.ask_resume", RESUME_OPTIONS, category=category, description=story)


async def resume_draft(turn: Turn) -> str:
    """Takes the expired report up again where it was left, or lets it go."""
    picked = turn.pick(RESUME_OPTIONS)
    if picked is None:
        turn.say("common.not_a_choice")
        return RESUME
    kept = turn.data.pop("expired_draft")
    if picked == "no":
        turn.say("report.resume_dropped")
        return MENU
    turn.data["draft"] = kept["draft"]
    step = str(kept["step"])
    if "unanswered" in kept:  # the message that found the report expired answers the question it was left at
        turn.text = kept["unanswered"]
        turn.inbound = dataclasses.replace(turn.inbound, text=turn.text, choice=None)
        return await STEPS[step].answer(turn)
    return step


def ask_read_back(turn: Turn) -> None:
    """Shows what was read from the story, and an answer corrected meanwhile in its place; when the time is
    neither, asks for it with the same answer, so a story of what and where is filed in five messages as one
    of what, where and when is."""
    draft, read = turn.draft, turn.draft["read"]
    missing = t(turn.lang, "report.read_missing")
    place = turn.router.place(read["place"]) if "place" in read else None
    # a name several places share, or a place beside a kecamatan it is not in ("balikpapan selatan, kel. damai")
    names = list(dict.fromkeys((p.village or p.district or p.regency).name
                               for code in read.get("places", ()) if (p := turn.router.place(code))))
    if place is not None:
        place_text = place_label(turn.lang, place)
    elif len(names) == 1 and len(read["places"]) > 1:
        place_text = t(turn.lang, "report.read_place_shared", name=names[0])
    elif names:
        place_text = t(turn.lang, "report.read_place_which", names=" / ".join(names))
    else:
        place_text = _place_text(turn, draft) if _answered(turn, LOCATION) else missing
    if "spot" in read and (place is not None or names):
        place_text = f"{read['spot']}, {place_text}"  # as a person taking the report writes it
    category = read.get("category") or draft.get("category")
    when = read.get("when_told") or labels(turn.lang, WHEN_OPTIONS.group)[read["when"]] if "when" in read else \
        _when_text(turn) if "when" in draft else None
    key, options = ("report.read_back", READ_BACK_OPTIONS) if when else ("report.read_back_ask_when", READ_BACK_WHEN)
    turn.say(key, options, place=place_text, when=when or missing,
             category=labels(turn.lang, CATEGORIES.group)[category] if category else missing)


async def read_back(turn: Turn) -> str:
    """Keeps what was read from the story on a yes (with the time, or the time not said), none of it on a no;
    then asks what is still missing. A yes that says the time ("iya bener, semalam") keeps that time; answers to
    later questions said with it ("…, ga ada foto", "…, rahasia aja") are kept for them."""
    if turn.inbound.choice is None and whose_place_asked(turn.text):
        _explain_the_place_asked(turn)  # "alamat siapa pak?" before the place is asked: which, and the read-back again
        return READ_BACK
    _keep_later_answers(turn)
    meant = (await _place_read_wrong(turn) or await _a_street_alone(turn, turn.text, after_a_no=True)) \
        if turn.inbound.choice is None else None
    if meant is not None:
        turn.text = meant  # "ya tp bukan di gedog, di pasar bendogerit": the rest holds, the place is read anew
        if denied := turn.draft["read"].pop("place", None):
            turn.draft["corrected_place"] = denied  # the new name is looked for beside it first
        turn.draft["read"].pop("places", None)
    asks_when = "when" not in turn.draft["read"] and "when" not in turn.draft
    picked = None if meant is not None else turn.pick(READ_BACK_WHEN if asks_when else READ_BACK_OPTIONS)
    if picked is None and turn.inbound.choice is None:
        picked = _yes_with_a_time(turn.text)
    if picked is None and turn.inbound.choice is None and asks_when and (told := _yes_and_when(turn.text)):
        turn.draft["when"] = {"text": told}  # "iya, tiap malem pak": a time of its own, as told
        picked = "yes"
    if picked is None and turn.inbound.choice is None and not asks_when and (more := _yes_but_when(turn.text)):
        read = turn.draft["read"]  # "Benar, Pak. Namun waktunya sekitar pukul 14.00 WIB.": the hour to the day
        day = read.get("when_told", "")
        if _TIME_DENIED.search(turn.text):  # "iya tp bukan jam 5, jam 7 malam": the time read was wrong
            day = " ".join(word for word in day.split() if word in DAY_WORDS)  # the day stands, its hour does not
        told = more if not day or day in more or when_named(more) else _at_the_hour(day, more)
        if "when" in read:
            read["when_told"] = told
            read["when"] = when_named(told) or read["when"]
        else:  # the time was told before the story: the correction is the time
            turn.draft["when"] = {"text": told}
        picked = "yes"
    if picked is None and turn.inbound.choice is None and not asks_when and (fixed := _only_the_time_wrong(turn.text)):
        read = turn.draft["read"]  # "bukan, wktunya tadi pagi jam 7an", "eh salah, bukan kemarin tapi tadi pagi"
        if "when" in read:
            read["when_told"] = fixed
            read["when"] = when_named(fixed) or read["when"]
        else:
            turn.draft["when"] = {"text": fixed}
        picked = "yes"
    if picked is None and turn.inbound.choice is None and _only_sending(turn.text):
        picked = "yes"  # "kirim": all is right, send it (what is missing is still asked)
    if picked is None and turn.inbound.choice is None and (where := _where_after_not_knowing(turn.text)):
        picked = "yes"  # "gatau pak, di bus jurusan blitar malang": unsure of the place read, not a no to the rest;
        turn.draft["read"].pop("place", None)  # what they know of where is kept, and the place asked kindly
        turn.draft["read"].pop("places", None)
        turn.draft["place_unknown"], turn.draft["place_tries"] = True, 1
        turn.draft["location_text"] = where
        turn.draft.setdefault("place_attempts", []).append(where)
    if meant is None and picked is None and turn.inbound.choice is None and (kind := kind_instead(turn.text)) \
            and kind != turn.draft["read"].get("category", turn.draft.get("category")):
        turn.draft["read"]["category"] = kind  # "bukan, ini pencurian": the kind put right, the rest read as before
        if kind == Category.EMERGENCY:
            turn.answer_emergency()
        _say_changed(turn, CATEGORY)
        return READ_BACK
    if meant is None and picked is None and turn.inbound.choice is None and tells_a_story(turn.text):
        return await _story_told_on(turn)  # what happened, where and when, told after an opener: all read again
    none_read = not {"place", "places"} & set(turn.draft["read"])
    place_given = meant is not None or (picked is None and turn.inbound.choice is None and (
        await _names_a_place(turn, none_read=none_read)
        or (none_read and _PLACE_KIND_ALONE.match(turn.text) is not None)))  # "di rumah": which kelurahan is asked
    if place_given:  # "di jl kalimantan kel sananwetan", "bukan, lokasinya di kel plosokerep": the rest holds
        picked = "yes"
        turn.draft["read"].pop("place", None)
        turn.draft["read"].pop("places", None)
    if picked is None and turn.inbound.choice is None and {"place", "places"} & set(turn.draft["read"]) \
            and await _spot_within(turn):
        picked = "yes"  # "lokasinya kurang lengkap, di jl merdeka no 5": the place read, and the street in it
    if picked is None and turn.inbound.choice is None and _goes_on(turn.text):
        return await _story_told_on(turn)  # "terus mereka mecahin kaca warung"
    if picked is None and turn.inbound.choice is None and _besides_not_knowing_the_place(turn.text) is not None:
        picked = "yes"  # "gk tau pak, sy lg di jalan, gk tau ini daerah mana": the rest holds, the place is asked
        if "place" not in turn.draft["read"] or not set(words(turn.text)) & _FINER_THAN_THE_VILLAGE \
                or set(words(turn.text)) & _THE_VILLAGE_ITSELF:  # "sy gk tau alamat persisnya": the village stands
            turn.draft["read"].pop("place", None)
            turn.draft["read"].pop("places", None)
            turn.draft["place_unknown"], turn.draft["place_tries"] = True, 1  # asked kindly, as _place_not_known does
    if picked is None and turn.inbound.choice is None and not_given(turn.text):
        # "gatau", "ga tau pak": no word against what was read, but what is missing is not known: the place where
        # none was read (asked kindly, as _place_not_known does), else the time asked with it; else asked again
        if not {"place", "places"} & set(turn.draft["read"]):
            turn.draft["place_unknown"], turn.draft["place_tries"] = True, 1
        elif asks_when:
            turn.draft["when"] = {"text": t(turn.lang, "report.when_not_said")}
        else:
            turn.say("common.not_a_choice")
            return READ_BACK
        picked = "yes"
    if picked is None and turn.inbound.choice is None and words(turn.text)[:1] and words(turn.text)[0] in NO:
        picked = "no"  # "bukan, ini kehilangan bukan kriminal": what was read is not right, and each is asked
    if picked is None:
        turn.say("common.not_a_choice")
        return READ_BACK
    read = turn.draft.pop("read")
    if picked in labels(turn.lang, WHEN_OPTIONS.group):
        read["when"] = picked
        read.pop("when_told", None)
        as_labelled = normalise(turn.text) in dict(READ_BACK_WHEN.answers(turn.lang)).get(picked, ())
        # the time denied left out: "iya tp bukan td pagi, kmrn malem" is last night
        typed = time_told(_TIME_DENIED.sub("", turn.text)) if turn.inbound.choice is None and not as_labelled else None
        # "iya, kemarin", "yes, last night around 10pm": the words say more than the choice ("now" is one of its
        # own, with its reminder; "ya, sebelum hari ini" says the choice)
        if typed is not None and typed[0] == picked != "now" \
                and normalise(typed[1]) not in dict(WHEN_OPTIONS.answers(turn.lang))[picked]:
            read["when_told"] = typed[1]
        picked = "yes"
    if picked == "yes":
        if "category" in read:
            turn.draft["category"] = read["category"]
        # The time was offered with the read-back: a yes without one is asked it next, as the read-back said
        # what is missing would be.
        if "when" not in read and "when" not in turn.draft and turn.draft.get("urgent") and not place_given:
            read["when"] = "now"  # "tolong ada orang ngamuk bawa golok", "iya": a cry is going on as told
        if "when" in read:
            turn.draft["when"] = {"text": read["when_told"]} if "when_told" in read else {"choice": read["when"]}
            if turn.draft["when"] == {"choice": "now"} and not turn.emergency_answered:
                turn.say("emergency.happening_now")  # told in the story or picked here: going on now
        if "spot" in read:
            turn.draft["story_spot"] = read["spot"]
        if "street" in read and not place_given:
            _keep_the_street(turn, read["street"])
        if "place" in read:
            await accept_place(turn, {"code": read["place"]})
        elif "places" in read:
            turn.draft["options"] = read["places"]
    if place_given:
        return await location(turn)
    return first_missing(turn)


# A question asked about a question, rather than its answer: "foto apa ya pak?", "harus pake kecamatan ya?",
# "lokasi maksudnya lokasi sy atau penjualnya?".
_ASKING = frozenset({"apa", "apakah", "gimana", "bagaimana", "kenapa", "siapa", "berapa", "maksudnya", "maksud",
                     "harus", "wajib", "perlu", "what", "how", "why", "who", "mean", "must"})


def _asks_instead(text: str) -> bool:
    return "?" in text and bool(_ASKING & set(words(text)))


# English that asks only where it opens a message: "is it sent?", not "he is still at home".
_ASKS_FIRST = frozenset({"is", "are", "does", "do", "can", "will"})
# Words that make a message a question, an answer or a correction rather than more of the story.
_NOT_TELLING = frozenset({"apa", "apakah", "gimana", "bagaimana", "kapan", "kenapa", "siapa", "mana", "berapa",
                          "bisa", "boleh", "what", "how", "when", "why", "who", "where", "laporan", "lapor", "report",
                          *_ASKS_FIRST})
_TELLS_ON_WORDS = 3
_SORRY = frozenset({"maaf", "sorry", "sori", "sorri", "mohon", "ok"})
# An apology, a slip or a wait said at the read-back is no piece of the story: "maaf pak salah ketik", "saya
# tunggu kabar selanjutnya".
_NOT_THE_STORY = frozenset({"maaf", "sorry", "typo", "tunggu", "ditunggu", "menunggu", "kabar", "kabarnya",
                            "terima", "makasih", "thanks"})


async def _story_told_on(turn: Turn) -> str:
    """More of the story at the read-back: added to it, and the whole read again; told already, the question asked
    again."""
    if _told_already(turn, turn.text):
        turn.say("report.story_again")  # sent twice, as phones do
        return READ_BACK
    turn.text = f"{turn.draft['description']}\n{turn.text}"
    turn.say("report.story_added")
    return await _take_story(turn)


def _telling(said: list[str]) -> list[str]:
    """The words that tell something: no filler, and no emoji, which tells a feeling officers cannot act on ("😡😡😡"
    is no more of the story)."""
    return [word for word in said if word not in NEUTRAL and not is_emoji(word)]


def _goes_on(text: str) -> bool:
    """Whether a message at the read-back tells more of the story, as people send a story in pieces: one that
    tells one, or words that tell something ("diparkir depan rumah, gak dikunci stang", "honda beat item plat AG
    1234 XY") and ask, answer and correct nothing ("terus laporan saya diproses kapan" asks, "bukan, yg kemarin"
    answers)."""
    said = words(text)
    if tells_a_story(text):
        return True
    telling = _telling(said)
    if _ADDING & set(said) and len(telling) >= _TELLS_ON_WORDS and "?" not in text:
        return True  # "sorry, forgot to say the helmet was taken too", "oh iya tambahan, …"
    # "gak dikunci stang" later in it tells; "bukan, …" answers; "oh iya, helmnya jg dibawa" remembers
    answers = (YES & set(said) and said[:2] != ["oh", "iya"]) or NO & set(said[:2])
    return len(telling) >= _TELLS_ON_WORDS and "?" not in text and not answers and said[0] not in _ASKS_FIRST \
        and not any(word in _NO_PIECE or field_named(word) for word in said)


# How more of the story is brought in once it was told: "oh iya pak tambahan, pelakunya 2 org", "lupa bilang,
# ...", "ralat: ..."; or a detail said wrong, "not this but that" ("eh sorry tadi salah, motornya bukan Beat tp
# Vario"). Not "gak ada tambahan, kirim", "salah pencet", "salah pilih, mau anonim aja".
_ADDING = frozenset({"tambahan", "lupa", "ketinggalan", "ralat", "koreksi", "forgot", "addition", "correction"})
_ADDING_WITHIN = 4  # words from the start a word of adding stands in ("oh iya pak tambahan, ...")
# What a message to the question itself holds: a choice of how to be shown, a name, sending, changing, a place.
_ANSWERING = frozenset({"kirim", "send", "ubah", "ganti", "change", "nama", "name", "anonim", "anonymous", "rahasia",
                        "confidential", "kel", "kelurahan", "desa", "kec", "kecamatan", "kota", "kab", "kabupaten"})
_NO_PIECE = (_NOT_TELLING - _ASKS_FIRST) | _ANSWERING | SLIPS | _NOT_THE_STORY  # read on every read-back reply


_NOT_THIS, _BUT_THAT = frozenset({"bukan", "not"}), frozenset({"tapi", "tetapi", "melainkan", "but"})


def _adds_to_story(turn: Turn) -> bool:
    """Whether a message at a later question (the photo, how to be shown, the summary) adds to the story or
    corrects a detail of it: a word of adding near its start and not denied ("gak ada tambahan"), or a slip owned
    ("salah", "eh sorry", "maaf") with a "bukan … tapi …"; words besides that are no time (a time corrected is the
    time's); and no question, slip of the finger, field named or answer to the question itself in it."""
    said = words(turn.text)
    at = next((i for i, word in enumerate(said[:_ADDING_WITHIN]) if word in _ADDING), None)
    not_at = next((i for i, word in enumerate(said) if word in _NOT_THIS), None)
    not_this_but_that = bool(FIX_OPENERS & set(said[:_ADDING_WITHIN])) and not_at is not None \
        and bool(_BUT_THAT & set(said[not_at + 2:]))
    if at is None and not not_this_but_that:
        return False
    if at is not None and (NO | NOT_WORDS) & set(said[max(0, at - 2):at]):
        return False  # "gak ada tambahan", "tidak ada yang salah"
    telling = [word for word in _telling(said) if word not in _ADDING and not _names_a_time(word)]
    return (turn.inbound.choice is None and len(telling) >= 2 and "?" not in turn.text
            and not (SLIPS | _ANSWERING) & set(said) and not any(field_named(word) for word in said))


def _tells_more(text: str) -> bool:
    """Words that tell something, sent where another answer was asked: enough of them, no question, no slip of the
    finger, no answer to a question and no field named."""
    said = words(text)
    return len(_telling(said)) >= _TELLS_ON_WORDS and "?" not in text \
        and not (SLIPS | _ANSWERING | _NOT_THE_STORY | _A_MOMENT) & set(said) \
        and not any(field_named(word) for word in said)


# "bentar pak sy cari dulu", "wait a moment": the resident looks for what was asked.
_A_MOMENT = frozenset({"bentar", "sebentar", "cari", "nyari", "carikan", "dulu", "tunggu", "wait", "moment",
                       "minute"})
# "bukan kemarin, tadi pagi", "kemarin sore, eh bukan, tadi pagi": a time taken back, then the one meant
_TAKEN_BACK_FIRST = re.compile(r"^\W*(?:bukan|bkn|not)\b", re.IGNORECASE)
_TAKING_BACK = re.compile(r"^(?:(?:eh|oh|maaf)\s+)?(?:bukan|bkn|salah|ralat|keliru)(?:\s+(?:pak|bu|deh|ding))?$",
                          re.IGNORECASE)


def _time_meant(text: str) -> str | None:
    """The time meant where one is taken back; None where none is."""
    if _TAKEN_BACK_FIRST.match(text):
        return time_instead(text)
    clauses = [clause.strip() for clause in _CLAUSES.split(text)]
    taken_back = [k for k, clause in enumerate(clauses) if _TAKING_BACK.match(clause)]
    meant = ", ".join(clause for clause in clauses[taken_back[-1] + 1:] if clause) if taken_back else ""
    # the day or the part of it, not only an hour: "tadi malam jam 11, bukan, jam 12" is kept whole
    return meant if meant and when_named(meant) is not None else None
_TOLD_ALL = YES | {"lanjut", "lanjutkan", "continue", "next", "sudah", "udah", "cukup", "segitu", "done", "that",
                   "skip", "lewati", "lewat"}  # "skip" where the story is asked: go on with what was told
_ONLY = frozenset({"aja", "saja", "doang", "all"})
_NONE_LEFT = frozenset({"enggak", "tidak", "no", "nothing", "lagi", "more", "else"})  # "ga ada lagi", "nothing else"


def _all_told(text: str) -> bool:
    """"ok", "udah itu aja pak", "cukup", "ga ada lagi", "that's all": nothing more to tell, where more of a story
    was asked."""
    said = set(words(text))
    none_left = (bool(said & {"enggak", "tidak"}) and "ada" in said) or bool(said & {"no", "nothing"})
    return _nothing_more(text) or ((bool(said & (_TOLD_ALL | _ONLY)) or none_left) and not said & _A_MOMENT
                                   and said <= _TOLD_ALL | _ONLY | _NONE_LEFT | NEUTRAL)


def _add_to_story(turn: Turn, *, said: bool = True, part: str | None = None) -> None:
    """The message (or `part` of it) appended to the story officers read (cut at its longest); the resident told so,
    unless `said` is False (a photo's caption, which goes with the photo)."""
    told = (turn.text if part is None else part).strip()
    earlier = turn.draft.get("description")  # none yet where a pin came first: this begins the story
    if earlier and _told_already(turn, told):
        if said:
            turn.say("report.story_again")
        return
    turn.draft["description"] = (f"{earlier}\n{told}" if earlier else told)[:DESCRIPTION_CHARS[1]]
    if not earlier and "category" not in turn.draft and (kind := category_named(told)):
        turn.draft["category"] = kind  # the kind it tells, as a story told first is read
    if said:
        turn.say("report.story_added" if earlier else "report.story_kept")


def _told_already(turn: Turn, told: str) -> bool:
    """Whether these words are the story, or one of the pieces it was told in, once more."""
    story = turn.draft.get("description", "")
    return bool(normalise(told)) and normalise(told) in {normalise(piece) for piece in (story, *story.split("\n"))}


# Words that say a message gives a place by its name: "kel …", "lokasinya di …" (not "di depan rumah": a spot, no
# place's name, and a correction may say it: "bukan maling pak, tapi orang mabuk di depan rumah").
_PLACE_MARKERS = frozenset({"kel", "kelurahan", "desa", "kec", "kecamatan", "kota", "kab", "kabupaten", "jl", "jalan",
                            "gg", "gang", "lokasi", "lokasinya", "tempatnya", "alamat", "alamatnya"})


# Words that say where, or that a report is wanted, rather than what happened: "mau lapor ke polsek sananwetan pak".
_NOT_WHAT = NEUTRAL | _PLACE_MARKERS | REPORT_WORDS | WANT_WORDS | frozenset({
    "di", "ke", "dekat", "depan", "belakang", "samping", "sebelah", "no", "nomor", "rt", "rw", "blok", "polsek",
    "polres", "polisi", "kantor", "kulo", "badhe", "ajeng", "aku", "saya"})


async def tells_more_than_where(turn: Turn, story_words: int = STORY_WORDS) -> bool:
    """Whether a message tells what happened, besides where and that a report is wanted: at least `story_words`
    words other than those and the names of the place read in it."""
    found, _confident = await turn.router.read(turn.db, turn.text)
    names = {word for place in found[:1] for region in (place.village, place.district, place.regency) if region
             for word in words(region.name)}
    return sum(word not in names and word not in _NOT_WHAT and not word.isdecimal()
               for word in words(turn.text)) >= story_words


# "bukan di gedog, di pasar bendogerit", "lokasinya bukan gedog tp bendogerit": the place denied, then the one meant.
_PLACE_DENIED = re.compile(r"\b(?:bukan|bkn|gk|gak|ga|nggak|enggak|tidak|tdk)\s+(?:di\s+|ke\s+|kel\.?\s+|kelurahan\s+|"
                           r"desa\s+)?(?P<this>[^\W\d_]+)(?P<that>.*)$", re.IGNORECASE | re.DOTALL)
_BEFORE_THE_PLACE_MEANT = re.compile(r"^[\s,.;:-]*(?:(?:pak|bu|mas|mbak|kak)\b[\s,]*)?"
                                     r"(?:(?:tapi|tp|tetapi|melainkan|but|tpi)\b[\s,]*)?", re.IGNORECASE)
# What may stand before a place denied: "iya benar pak tapi bukan di gedog", "ya betul semua pak, cuma lokasinya
# bukan gedog"; not what tells of something else ("tp motornya udh gk di gedog").
_BEFORE_A_DENIAL = YES | NEUTRAL | FIX_OPENERS | frozenset({
    "betul", "benar", "bener", "semua", "semuanya", "lokasinya", "tempatnya", "tapi", "tp", "but", "namun", "cuma",
    "hanya", "yang", "lain"})  # and a slip owned: "eh salah, bukan di gedog tp di plosokerep"
# "bukan, kejadiannya di indomaret bendogerit, bukan gedog": a no, the place meant, and the one read denied after it.
_PLACE_MEANT_FIRST = re.compile(r"^\s*(?:bukan|bkn|salah|keliru|no|wrong)\b[\s,.!:-]*"
                                r"(?:(?:pak|bu|mas|mbak|kak)\b[\s,.!:-]*)?"
                                r"(?:(?:kejadiannya|lokasinya|tempatnya|it\s+was|it\s+happened)\s+)?"
                                r"(?P<that>(?:di|in|at)\s+.+?)(?:[,;]?\s*(?:bukan|bkn|not)\s+(?:di\s+|in\s+)?"
                                r"(?P<this>[^\W\d_]+)\s*[.!]*)?\s*$", re.IGNORECASE | re.DOTALL)
# "salah pak, di plosokerep": the place read is wrong, and the one meant follows.
_PLACE_SAID_WRONG = re.compile(r"^\s*(?:salah|keliru|wrong)\b[\s,.!:-]*(?:(?:pak|bu|mas|mbak|kak)\b[\s,.!:-]*)?"
                               r"(?:(?:lokasinya|tempatnya)\s+)?(?P<that>(?:di|in|at)\s+.+)$",
                               re.IGNORECASE | re.DOTALL)


async def _place_read_wrong(turn: Turn) -> str | None:
    """The words of the place meant, when a message at the read-back denies the place read by its name and names
    another after it; None otherwise ("bukan, ini kehilangan" denies no place; "bukan gedog, motor sy yg dicuri
    honda beat" names none)."""
    read = turn.draft["read"]
    codes = [read["place"]] if "place" in read else read.get("places", [])
    names = {word for code in codes if (place := turn.router.place(code)) is not None
             for region in (place.village, place.district) if region for word in words(region.name)}
    denied = _PLACE_DENIED.search(turn.text)
    if denied is not None and normalise(denied["this"]) in names \
            and set(words(turn.text[:denied.start()])) <= _BEFORE_A_DENIAL:  # not "…, tp motornya udh gk di gedog"
        meant = _BEFORE_THE_PLACE_MEANT.sub("", denied["that"]).strip()
    elif said_wrong := _PLACE_SAID_WRONG.match(turn.text):
        meant = said_wrong["that"].strip()
    elif (first := _PLACE_MEANT_FIRST.match(turn.text)) and (not first["this"] or normalise(first["this"]) in names):
        meant = first["that"].strip()  # "bukan, kejadiannya di indomaret bendogerit, bukan gedog"
    else:
        return None
    if letters_and_digits(meant) < LOCATION_CHARS[0]:
        return None
    found, confident = await turn.router.read(turn.db, meant)
    named = confident or any(place.marked for place in found) or bool(await turn.router.covered(turn.db, found))
    return meant if named else None


_PLACE_ALONE_WORDS = 4  # "sekar", "gedog sananwetan blitar": a place typed alone where none was read


async def _names_a_place(turn: Turn, *, none_read: bool = False) -> bool:
    """Whether a message gives the place: a pin, or words read as one with confidence, or with a word that names
    a place, or, at a read-back that read no place (`none_read`), a few words that name one ("sekar")."""
    if turn.inbound.location is not None:
        return True
    found, confident = await turn.router.read(turn.db, turn.text)
    if confident or (found and _PLACE_MARKERS & set(normalise(turn.text).split())):
        return True
    # an everyday word ("bentar": Desa Bentar, Brebes) only where a station covers it ("sekar": Kec. Sekar)
    if not none_read or len(words(turn.text)) > _PLACE_ALONE_WORDS:
        return False
    if said_online(turn.text):
        return True  # "online": where the resident lives is asked next
    if not found:  # "di kelurahan gedok": a village near misspelt, which the place's question offers
        return bool(await turn.router.villages_nearby(turn.db, turn.text))
    return any(not place.ordinary for place in found) or bool(await turn.router.covered(turn.db, found))


def _yes_with_a_time(text: str) -> str | None:
    """A typed answer to what was read: the time ("iya, kemarin malam", "ya, bukan hari ini", or the time
    alone), "yes" or "no"; a time after a no ("bukan, kemarin") is no yes."""
    answer = yes_or_no(text)
    said = words(text)
    moment = None if _ADDING & set(said) else when_named(text)  # "maaf pak td lupa": forgotten, no time
    # a no that qualifies a time ("bukan hari ini") says when, not that what was read is wrong
    says_no = any(word in NO and not qualifies_a_time(said, i) for i, word in enumerate(said))
    if answer is None and moment is not None and not says_no and not tells_a_story(text) \
            and not _tells_beside_the_time(text):
        return moment  # not "sepeda polygon biru sy dicuri …, kemarin sore": the story told whole, with its time
    return answer


def _tells_beside_the_time(text: str) -> bool:
    """Whether a message with a time in it tells more of the story besides ("sy takut pak, skrg dia msh di rumah":
    he is still there), which officers are to read: no answer of a time alone."""
    told = time_told(text)
    rest = without_phrase(text, normalise(told[1])) if told else text
    return _goes_on(rest)


_BUT = frozenset({"tapi", "but", "namun", "cuma", "hanya"})
_PHOTO_BUT = _BUT - {"cuma", "hanya"}  # "ada foto tapi tidak jelas" says more; "cuma gak punya foto" is a no
_YES_THEN = re.compile(r"^\s*([^\W\d_]+)\s*[,.!]*\s+(.+)$", re.DOTALL)


SPELT_NEARLY = 0.85  # how alike a word and a place's name are to be read as the name misspelt ("sananwetn")
_SENDING_WORDS = frozenset({"kirim", "kirimkan", "kirimin", "send", "lanjut", "lanjutkan"})
# A kind of place named with no place: "di rumah", "dkt tempat kerja sy", "di pasar", "depan sekolah", "at home".
_PLACE_KIND_ALONE = re.compile(r"^\W*(?:(?:di|dkt|dekat|deket|depan|dpn|belakang|sebelah|samping|at|near|in)\s*)?"
                               r"(?:(?:my|our|the)\s+)?(?:(?:dalam|dalem)\s+)?"
                               r"(?:rumah|rmh|rumahku|rumahnya|tempat\s+kerja|kantor|kos|kost|kosan|kostan|kos2an|"
                               r"kos-kosan|kontrakan|pasar|sekolah|masjid|musholla|mushola|gereja|terminal|stasiun|jalan|"
                               r"jalan\s+raya|home|house|flat|apartment|work|place)"
                               r"(?:\s+(?:mertua|ortu|orang\s+tua|ibu|bapak|nenek|kakek|om|tante|pacar))?"
                               r"(?:\s+(?:sy|saya|aku|ku|kami|gue|gw|sendiri|tetangga|sodara|saudara|teman|temen))?"
                               r"(?:\s+(?:aja|saja|pak|bu|mas|mbak|kak))*\W*$", re.IGNORECASE)


# Where the place's question is answered with the kind of spot first and its name after: "tempat parkir pasar legi",
# "parkiran stasiun", "warung bu sri": where it was, though a word of it may tell a kind of report ("parkir").
_A_SPOT_BY_ITS_KIND = re.compile(r"^\W*(?:tempat\s+parkir|parkiran|lahan\s+parkir|pasar|toko|warung|warkop|kios|ruko|"
                                 r"minimarket|indomaret|alfamart|spbu|pom\s+bensin|masjid|musholla|mushola|gereja|"
                                 r"sekolah|sekolahan|kampus|terminal|stasiun|halte|lapangan|alun\W?alun|taman|pantai|"
                                 r"perempatan|pertigaan|simpang|jembatan|komplek|kompleks|perumahan|perum|puskesmas|"
                                 r"rumah\s+sakit|rs|kantor|balai\s+desa|pos\s+ronda|gedung|mall|mal|hotel|bank)\s+(?=\w)",
                                 re.IGNORECASE)


_DONE_PREFIXES = ("di", "ter", "ke", "me", "ber", "ng")  # of a verb: "ditarik", "kemalingan", "ngambil"


def _a_spot_by_its_kind(text: str) -> bool:
    """Whether words begin with the kind of a spot and go on with nothing of what happened: "tempat parkir pasar
    legi", not "pasar rame bgt trs hp sy ilang" nor "terminal rame orang mabuk"."""
    kind = _A_SPOT_BY_ITS_KIND.match(text)
    if kind is None:
        return False
    rest = text[kind.end():]
    done = any(word.startswith(_DONE_PREFIXES) and stem(word) != word for word in words(rest))  # "…motornya ditarik"
    return category_named(rest) is None and not tells_a_story(rest) and not done


_GOING_ON_WORDS = frozenset({"lanjut", "lanjutkan", "continue", "next"})


def _only_going_on(text: str) -> bool:
    """"lanjut", "lanjut aja pak", "next": go on to the next question (not "kirim", which at the photo's question may
    be the photo promised)."""
    said = set(words(text))
    return bool(said & _GOING_ON_WORDS) and said <= _GOING_ON_WORDS | NEUTRAL


def _only_sending(text: str) -> bool:
    """"kirim", "lanjut aja pak": a word of sending and nothing else of note ("pak??" calls, it sends nothing)."""
    said = set(words(text))
    return bool(said & _SENDING_WORDS) and said <= _SENDING_WORDS | NEUTRAL


def _yes_but_when(text: str) -> str | None:
    """After a yes, a time that says more than the one read ("Benar, Pak. Namun waktunya sekitar pukul 14.00"):
    the time as told; None for anything else."""
    found = _YES_THEN.match(text)
    if found is None or yes_or_no(found[1]) != "yes":
        return None
    rest = _TIME_DENIED.sub("", found[2])  # "iya tp bukan td pagi, kmrn malem": the time meant is after
    told = time_told(rest)
    return told[1] if told else hour_phrase(rest)


# A time denied, a day and its part or an hour: "bukan td pagi", "bkn kemarin", "bukan jam 12,", "bukan hari ini".
_PART_OF_DAY = r"(?:pagi|siang|sore|malam|malem|mlm|subuh|ini)"
_TIME_DENIED = re.compile(rf"\b(?:bukan|bkn)\s+(?:(?:td|tadi|kemarin|kmrn|kemaren|semalam|smlm|hari)\b"
                          rf"(?:\s+{_PART_OF_DAY}\b)?|(?:jam|pukul)\s*\d+[\w.:]*|{_PART_OF_DAY}\b)[\s,.;]*",
                          re.IGNORECASE)


# A no or a slip said of the time read, and the time meant: "bukan, wktunya tadi pagi jam 7an", "eh salah, bukan
# kemarin tapi tadi pagi". Nothing else is said wrong: "bukan, ini kehilangan bukan kriminal" is a no.
_SAID_WRONG = re.compile(r"^\W*(?:eh\W+|maaf\W+|oh\W+)?(?:bukan|bkn|salah|keliru|no|wrong)\b[\s,.!:-]*",
                         re.IGNORECASE)
_ABOUT_THE_TIME = frozenset({"waktunya", "waktu", "jamnya", "harinya", "tanggalnya", "tapi", "harusnya",
                             "seharusnya", "maksudnya", "maksud", "yang", "benar", "benarnya", "sebenarnya",
                             "kejadiannya", "kejadian", "it", "was", "but", "happened"})


def _only_the_time_wrong(text: str) -> str | None:
    """The time meant, when a message opens with a no or a slip and says only that the time read was wrong."""
    found = _SAID_WRONG.match(text)
    if found is None:
        return None
    rest = _TIME_DENIED.sub("", text[found.end():]).strip(" ,.;")
    told = time_told(rest)
    if told is None:
        return None
    untimed = [w for w in words(rest) if w not in set(words(told[1])) | _ABOUT_THE_TIME | NEUTRAL]
    return told[1] if not untimed else None


def _yes_and_when(text: str) -> str | None:
    """After a yes, the rest of the message, when the time was asked with what was read and no choice of it fits:
    "iya, tiap malem pak" is a yes, and "tiap malem pak" when."""
    found = _YES_THEN.match(text)
    said = set(words(found[2])) if found else set()
    if found is None or yes_or_no(found[1]) != "yes" or said & (NO | _BUT) or any(map(field_named, said)):
        return None  # "ya, tapi tempatnya di Gedog" is no time
    if not said & (TIME_WORDS | DAY_WORDS) and not any(word.isdecimal() for word in said):
        return None  # "ya betul pak mohon dibantu" says no time
    rest = _without_leading_yes(found[2])
    return rest if letters_and_digits(rest) >= WHEN_CHARS[0] and len(rest) <= WHEN_CHARS[1] else None


_LEADING_WORD = re.compile(r"^\s*([^\W\d_]+)[\s,.!]+(.*)$", re.DOTALL)


def _without_leading_yes(text: str) -> str:
    """The words after a yes less the yes and forms of address said again ("benar, sekitar pukul 21.00",
    "pak kira2 jm 2 pagi")."""
    while (found := _LEADING_WORD.match(text)) and (normalise(found[1]) in YES | NEUTRAL):
        text = found[2]
    return text.strip()


_CRY_AS_STORY_WORDS = 3  # a cry of this many words tells what happened, as one at the menu begins the report with it


def for_another_report(turn: Turn) -> str | None:
    """"maaf salah, mau lapor yang lain" once the story is told: this report is not the one meant. Asked before it
    is dropped, since it holds all the resident told; "eh salah" alone goes back one answer (correct). A cry in it
    goes first, and the report stays."""
    if turn.inbound.choice is not None or turn.emergency_answered or turn.step in (*STORY_STEPS, ANOTHER) \
            or "description" not in turn.draft or not another_report_wished(turn.text):
        return None
    turn.draft["another_asked_at"] = turn.step
    return ANOTHER


def ask_another_report(turn: Turn) -> None:
    turn.say("report.ask_another", ANOTHER_OPTIONS)


async def another_report(turn: Turn) -> str:
    """Drops the report for a new one, begun at its kind; or goes back to the question it was at."""
    picked = turn.pick(ANOTHER_OPTIONS) or ("yes" if another_report_wished(turn.text) else None)
    if picked is None:
        turn.say("common.not_a_choice")
        return ANOTHER
    back = turn.draft.pop("another_asked_at", SUMMARY)
    if picked == "no":
        return back
    turn.say("report.dropped_for_another")
    return start(turn)


def puts_right(turn: Turn) -> bool:
    """Whether the message puts an answer of the report right (see correct)."""
    return turn.step in STEPS and "draft" in turn.data and turn.inbound.choice is None \
        and _correction_of(turn) is not None


def _correction_of(turn: Turn) -> Correction | None:
    """What the message puts right, as correct() reads it; None when it is no correction."""
    fix = correction(turn.text)
    if fix in (None, Correction()) and (told := story_after_a_slip(turn.text)) is not None \
            and told.category != turn.draft.get("category"):
        fix = told  # "salah pak. motor sy dicuri tadi pagi": the kind was wrong, and what happened follows
    if fix is not None and fix.field == WHEN and (at_the_hour := _with_the_hour_told(turn)) is not None:
        fix = Correction(WHEN, rest=at_the_hour)  # "eh jam 6 pak": the hour, not "6 pak", and the day kept
    # A time taken back where the question is no yes or no of its own ("bukan yang itu, ini tadi pagi" answers a
    # place offered), nor what happened or when.
    if fix is None and turn.step in (LOCATION, PHOTO, IDENTITY, NAME, SUMMARY):
        new_time = time_instead(turn.text)
        if new_time is None and _time_unsure(turn) and only_a_time(turn.text):
            new_time = turn.text  # "wingi sore" after a plain yes, "3 hari yg lalu" after "Sebelum hari ini"
        if new_time is None:
            new_time = _with_the_hour_told(turn)  # "oh iya kejadiannya sekitar jam 11 malam" after "kemarin malam"
        fix = Correction(WHEN, rest=new_time) if new_time is not None else None
    # the place confirmed put right at any later question: "eh salah pak, bukan di gedog tp di kel bendogerit" where
    # the time is asked, as where the photo is
    if fix is None and turn.step in (WHEN, PHOTO, IDENTITY, NAME, SUMMARY) \
            and (new_place := _place_said_wrong(turn)):
        fix = Correction(LOCATION, rest=new_place)
    return fix


async def correct(turn: Turn) -> str | None:
    """Goes back a step, or to the answer the resident wants to change, keeping the others; None when the
    message is no correction. "eh salah, maksudnya narkoba" changes the category and asks the same again;
    "eh salah, lokasinya di Plosokerep" takes the new place as the answer to the place's question; "eh bentar, bukan
    kmrn tp tadi siang", away from the questions of what happened and when, the new time."""
    fix = _correction_of(turn)
    if fix is None and turn.step in (WHEN, PHOTO, IDENTITY, NAME, SUMMARY) \
            and (new_place := await _place_meant_after_a_slip(turn)):  # "eh bukan, maksudnya kel bendogerit"
        fix = Correction(LOCATION, rest=new_place)
    if fix is None or turn.inbound.choice is not None:
        return None
    here = ANSWER_OF_STEP.get(turn.step, turn.step)
    if fix.field is None and turn.step in (WHEN, PHOTO, IDENTITY, NAME, SUMMARY) \
            and _ALL_OF_IT & set(words(turn.text)):
        return CHANGE  # "salah semua": which part, of all that was answered, is asked
    if fix.number is not None:
        # "salah, harusnya yg nomor 5" where the story is asked, right after the kind was picked: the kind of that
        # number. Elsewhere the number may be a house's or an option of the question open: no correction.
        by_number = CATEGORIES.pick(turn.lang, str(fix.number)) if here == DESCRIPTION else None
        if by_number is None:
            return None
        fix = Correction(CATEGORY, by_number)
    if fix.field is None:
        if turn.step in (PLACE_CHECK, PLACE_PICK, READ_BACK) and not fix.back:
            return None  # "salah" here is the answer "no"
        earlier = [step for step in ORDER[:ORDER.index(here)] if step not in (NAME, SAME)] if here in ORDER else []
        if not earlier:
            return None
        turn.draft.pop("read", None)
        return _reopen(turn, earlier[-1])
    _drop_reading(turn, fix.field)
    # "kategorinya salah, harusnya lalu lintas": the new category named by its label ("…, harusnya lalu lintas
    # soalnya pas di jalan": the reason after it names none)
    named = fix.category or (CATEGORIES.pick(turn.lang, _REASON_GIVEN.split(fix.rest, maxsplit=1)[0])
                             if fix.field == CATEGORY and fix.rest else None)
    if fix.field == CATEGORY and named:
        turn.draft["category"] = named
        _say_changed(turn, CATEGORY)
        if fix.story:  # "salah, harusnya pencurian. motor sy dicuri tadi pagi": the story told after the kind
            return await _story_after_the_kind(turn, fix.story)
        return first_missing(turn)  # the read-back goes when nothing read is left to confirm
    step = _reopen(turn, fix.field)
    if fix.rest and step in ANSWERED_IN_WORDS:
        turn.text = _place_instead(fix.rest) if step == LOCATION else fix.rest  # "… di sentul bukan gedog"
        taken = await STEPS[step].answer(turn)
        if step != LOCATION and taken != step:  # a new place is confirmed first; the time or the story is taken
            _say_changed(turn, step)
        return taken
    return step


_ALL_OF_IT = frozenset({"semua", "semuanya", "all", "everything"})


async def _story_after_the_kind(turn: Turn, story: str) -> str:
    """What happened, told after the kind put right: the answer to the story's question where it is asked, or
    added to the story already told."""
    if "description" in turn.draft:
        _add_to_story(turn, part=story)
        if "read" in turn.draft and (timed := _time_of_story(story)):
            # "salah, harusnya pencurian. mobil sy dicuri tadi pagi": the time told now, not the one read before
            turn.draft["read"].pop("when_told", None)
            turn.draft["read"].update(timed)
        return first_missing(turn)
    turn.text = story
    turn.inbound = dataclasses.replace(turn.inbound, text=story)
    turn.step = DESCRIPTION
    return await description(turn)


def _say_changed(turn: Turn, step: str) -> None:
    """"Baik, waktu sudah diubah": the answer's name in the middle of a sentence, in lower case."""
    turn.say("report.changed", field=labels(turn.lang, FIELDS.group)[step].lower())


# Where the reason for an answer begins: "lalu lintas soalnya pas di jalan", "narkoba, karena …".
_REASON_GIVEN = re.compile(r"[,.;!?]|\b(?:soalnya|karena|krn|karna|sebab|because|coz|since|tapi|tp|but)\b",
                           re.IGNORECASE)


# "salah, bukan di gedog tp di sananwetan": a place that is not it, and the one that is.
_NOT_THIS_BUT_THAT = re.compile(r"\bbukan\b(?P<this>.+?)\b(?:tapi|tp|tetapi|melainkan|but)\b(?P<that>.+)$",
                                re.IGNORECASE | re.DOTALL)
_PLACE_KINDS = frozenset({"di", "kel", "kelurahan", "desa", "kec", "kecamatan", "kota", "kab", "kabupaten", "in", "at"})


def _place_said_wrong(turn: Turn) -> str | None:
    """The place meant instead, when a message says the place given is not it: the words after "tapi", where those
    after "bukan" name the place confirmed (as typed or by its official name). "motornya bukan Beat tp Vario" is
    a detail of the story."""
    found = _NOT_THIS_BUT_THAT.search(turn.text)
    if found is None or "place" not in turn.draft:
        return None
    given = f"{code_label(turn.lang, turn.router, turn.draft['place'])} {turn.draft.get('location_text') or ''}"
    named = set(normalise(given).split()) - _PLACE_KINDS
    this = set(normalise(found["this"]).split()) - _PLACE_KINDS
    return found["that"].strip(" ,.") if this and this <= named else None


# "eh bukan, maksudnya kel bendogerit kota blitar", "salah pak, maksud sy di sananwetan": a slip owned, then what
# was meant.
_MEANT_AFTER_A_SLIP = re.compile(r"^\W*(?:(?:eh|oh|maaf|sorry|waduh|aduh)\W+)*(?:bukan|bkn|salah|keliru|ralat|wrong)"
                                 r"(?:\s+(?:pak|bu|mas|mbak|kak|ya|deh|ding|tadi|ketik|tulis))*[\s,.!:-]*"
                                 r"(?:(?:maksudnya|maksud\s+(?:saya|sy|aku|ku)|harusnya|seharusnya|yang\s+benar|"
                                 r"yg\s+bener|yg\s+benar|i\s+meant?)\b[\s,.:-]*)?(?P<meant>.+)$",
                                 re.IGNORECASE | re.DOTALL)


async def _place_meant_after_a_slip(turn: Turn) -> str | None:
    """The place meant, when a message at a later question owns a slip and names a place after it, and no time
    ("eh salah, maksudnya kemarin" puts the time right); None otherwise."""
    slip = _MEANT_AFTER_A_SLIP.match(turn.text)
    if slip is None or "place" not in turn.draft or _names_a_time(slip["meant"]) \
            or letters_and_digits(slip["meant"]) < LOCATION_CHARS[0]:
        return None
    found, confident = await turn.router.read(turn.db, slip["meant"])
    marked = bool(found) and bool(_PLACE_MARKERS & set(normalise(slip["meant"]).split()))
    return slip["meant"].strip() if confident or marked else None


def _time_not_said(turn: Turn) -> bool:
    return turn.draft.get("when") == {"text": t(turn.lang, "report.when_not_said")}


# What may stand around an hour told on its own, late: "oh iya kejadiannya sekitar jam 11 malam", "it was around 11pm".
_AROUND_AN_HOUR_TOLD = frozenset({"oh", "eh", "maaf", "ralat", "salah", "maksudnya", "jamnya", "kejadiannya",
                                  "kejadian", "waktunya", "it", "happened", "was", "sekitar", "kira", "around", "about",
                                  "at", "jam", "pukul", "am", "pm", "wib", "wita", "wit"})
_WITH_AN_HOUR = _AROUND_AN_HOUR_TOLD | TIME_WORDS | DAY_WORDS | YES | NEUTRAL


# An hour taken back beside the one meant: "bukan jam 12, tapi jam 7 malam", "jam 7 malam, bukan jam 12".
_HOUR_TAKEN_BACK = re.compile(r"\b(?:bukan|not)\b[^,.;]*?(?:[,.;]|\b(?:tapi|tp|but)\b)\s*(?:(?:tapi|tp|but)\b\s*)?"
                              r"|[,.;]?\s*\b(?:bukan|not)\b[^,.;]*$", re.IGNORECASE)


def _with_the_hour_told(turn: Turn) -> str | None:
    """An hour sent alone at a later question: the report's time with it, in place of the hour the time named
    ("kemarin jam 12 siang" and "iya, sekitar jam 7 malam" are "kemarin jam 7 malam"); None when the message says
    more than an hour, or the same hour again."""
    if not turn.draft.get("when"):
        return None
    text = _HOUR_TAKEN_BACK.sub(" ", turn.text)
    said = words(text)
    hour = _clock_told(text) or hour_phrase(text)
    telling = [w for w in said if not (w in _WITH_AN_HOUR or re.fullmatch(r"\d{1,2}(?:an|am|pm)?", w))]
    if hour is None or telling:
        return None
    told = _when_text(turn)
    if words(_clock_told(told) or "") == words(hour):
        return None
    return _at_the_hour(told, hour)


# An hour on the clock as residents write it, with the part of the day after it: "jam 9", "sekitar pukul 14.00
# WIB", "jm 7an malam", "9pm".
_CLOCK = re.compile(r"(?:\b(?:sekitar|kira[\s-]*kira|kira2|kurang\s+lebih|kurleb)\s+)?\b(?:jam|jm|pukul|pkl)\.?\s*"
                    r"\d{1,2}(?:[.:]\d{2})?(?:an)?(?:\s*(?:wib|wita|wit)\b)?|\b\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)\b",
                    re.IGNORECASE)
_PART_OF_DAY_AFTER = re.compile(r"\s+(?:pagi|siang|sore|malam|malem|subuh|dini\s+hari)\b", re.IGNORECASE)


def _clock_told(text: str) -> str | None:
    """The hour on the clock the text tells, with its part of the day if said right after it."""
    clock = _CLOCK.search(text)
    if clock is None:
        return None
    part = _PART_OF_DAY_AFTER.match(text, clock.end())
    return text[clock.start():part.end() if part else clock.end()]


def _at_the_hour(told: str, hour: str) -> str:
    """A time with an hour told after it, in place of the clock it named and keeping its day, part of the day or
    repeat ("kemarin malam jam 9" and "jam 10" are "kemarin malam jam 10"; "2 hari lalu jam 9 malam" and "sekitar
    jam 10" are "2 hari lalu sekitar jam 10 malam"); a time without a clock takes the hour after it."""
    hour = _clock_told(hour) or hour
    clock = _CLOCK.search(told)
    if clock is None:
        return f"{told}, {hour}" if words(told) else hour
    end = clock.end()
    if (part := _PART_OF_DAY_AFTER.match(told, end)) and _PART_OF_DAY_AFTER.search(f" {hour}"):
        end = part.end()  # the new hour says its own part of the day
    return f"{told[:clock.start()]}{hour}{told[end:]}".strip(" ,")


def _time_unsure(turn: Turn) -> bool:
    """Whether the report's time is not said, or only a choice that a time told later says more of."""
    return _time_not_said(turn) or "choice" in turn.draft.get("when", {})


def _drop_reading(turn: Turn, field: str) -> None:
    """What was read from the story of an answer the resident corrects at the read-back: it was read wrong, and
    the new answer takes its place."""
    read = turn.draft.get("read")
    if read is None:
        return
    if field == CATEGORY:
        read.pop("category", None)
    elif field == LOCATION:
        read.pop("place", None)
        read.pop("places", None)
    elif field == WHEN:
        read.pop("when", None)
        read.pop("when_told", None)
    if not read:
        del turn.draft["read"]


_WHERE_ASKED = frozenset({LOCATION, READ_BACK, PLACE_CHECK, PLACE_PICK})  # steps whose question names the kelurahan
# Words that may stand beside a name told as the resident's own: "nama saya Budi Santoso, pake nama aja".
_ABOUT_ONES_NAME = NEUTRAL | {"nama", "namaku", "saya", "aku", "my", "name", "is", "pake", "pakai", "aja", "dengan",
                              "with", "by", "named"}


def _only_a_name_told(text: str) -> str | None:
    """The name a message tells as the resident's own, when it tells nothing else (no place beside it)."""
    given = name_said(text)
    if given is None:
        return None
    of_the_name = set(words(given))
    return given if all(word in _ABOUT_ONES_NAME or word in of_the_name for word in words(text)) else None


def answer_aside(turn: Turn) -> str | None:
    """Answers a thank-you, a greeting, a question of how (or what now) or one for the police number said in the
    middle of the report, or the story sent again, and asks the same question again: nothing of the draft
    changes. None when the message is more than that, or holds a photo, or is a yes or no where one is asked. A
    cry for help, answered with 110
    and the report marked urgent, is the answer only to a question of what happened: elsewhere its words are no
    place, time or choice ("ada org bawa golok" is no Desa Golok), and the question is asked again."""
    if turn.inbound.choice is not None or turn.inbound.media or turn.inbound.location is not None:
        return None
    if turn.step not in (DESCRIPTION, READ_BACK) and turn.text.strip() and \
            turn.text.strip() == turn.draft.get("description", "").strip():
        turn.say("report.story_again")  # sent twice, as phones do: no place, time or answer
        return turn.step
    if turn.step in (PLACE_CHECK, PLACE_PICK) and where_it_lies_asked(turn.text):
        offered = [turn.draft["proposal"]["code"]] if turn.step == PLACE_CHECK \
            else [place.key for place in _place_options(turn)[:-1]]
        for candidate in filter(None, map(turn.router.place, offered)):  # "gedog itu kecamatan mana pak?"
            turn.say("place.lies_in", place=code_label(turn.lang, turn.router, candidate.code),
                     province=candidate.province.name)
        return turn.step
    if turn.step == DESCRIPTION and story_asked_how(turn.text):
        turn.say("report.description_question")  # "sy hrs nulis apa?": what to write, and the story asked again
        return turn.step
    if turn.step in _WHERE_ASKED and area_word_asked(turn.text):
        turn.say("report.area_explained")  # "kelurahan itu apa ya?": what is asked, and how to go on without it
        return turn.step
    if weary_of_questions(turn.text):  # "kok banyak bgt sih pertanyaannya": sorry, how much is left, nothing lost
        left = _left_to_answer(turn)
        if left and "description" not in turn.draft:  # a person would say it may all be told in one message
            turn.say("report.weary_story_first", count=len(left), left=", ".join(left))
        elif left:
            turn.say("report.weary", count=len(left), left=", ".join(left))
        else:
            turn.say("report.weary_summary")
        if turn.draft.get("urgent"):
            turn.say("report.haste_urgent")
        return turn.step
    if urges_haste(turn.text):  # "cepet pak": the quickest help is 110, and the report goes the moment it is sent
        turn.say("report.haste_urgent" if turn.draft.get("urgent") else "report.haste")
        return turn.step
    if turn.step in _WHERE_ASKED and (given := _only_a_name_told(turn.text)):
        # "nama saya Budi Santoso" where the place is asked: kept for "Dengan nama", and no place tried with it
        turn.contact.display_name_encrypted = turn.cipher.encrypt(given)
        picked = [IDENTITIES.pick(turn.lang, clause) for clause in _CLAUSES.split(turn.text) if clause.strip()]
        if shown := next((identity for identity in picked if identity), None):
            _identity_read(turn, shown)  # "…, pake nama aja"
        turn.say("report.name_kept")
        return turn.step
    if turn.step not in STORY_STEPS and puts_off(turn.text):
        # "bentar sy cek dulu alamatnya": no place, no story, the question waits (at the story question, a wait is
        # the story's own to read: its first piece may be too short)
        turn.say("report.held")
        return turn.step
    if turn.emergency_answered:
        tells_what_happened = turn.step in (DESCRIPTION, VOICE_CAPTION) or \
            (turn.step == CATEGORY and "description" not in turn.draft) or \
            (turn.step == READ_BACK and _goes_on(turn.text))  # the story told on, with a cry in it
        if tells_what_happened or (turn.step == WHEN and when_named(turn.text) == "now"):
            return None  # the story, or the time asked ("skrg lg ribut lagi, …": now, and more of the story)
        if "description" not in turn.draft and turn.step not in STORY_STEPS and \
                letters_and_digits(turn.text) >= DESCRIPTION_CHARS[0] and len(turn.text.split()) >= _CRY_AS_STORY_WORDS:
            _add_to_story(turn)  # a pin sent first, then "ada tawuran skrg pak pake sajam!!": not to be told again
            return turn.step
        if "description" in turn.draft and (turn.step in (PHOTO, IDENTITY, NAME, SUMMARY) or (
                turn.step not in STORY_STEPS and _REFERS_BACK & set(words(turn.text)[:_REFERS_WITHIN]))):
            # "pak orangnya dateng lagi skrg bawa parang": officers read why it is urgent now; before the place and
            # time are known, only what speaks of the one told of ("dia skrg manjat pager"), not a new danger
            _add_to_story(turn)
        return turn.step
    if emergency_denied(turn.text) and turn.step not in (*STORY_STEPS, CATEGORY) and not tells_a_story(turn.text):
        turn.say("report.urgent_off")  # "bukan darurat pak, cuma luka kecil" is no "Bukan" to what was read
        return turn.step
    if turn.step != CATEGORY and (kind := report_kind_asked(turn.text)):
        # "bisa lapor soal tetangga berisik?" in the middle of a report: answered as the menu answers it, and no
        # part of this report (where the kind is asked, the question keeps its kind: _kind_asked)
        turn.say("menu.can_report", kind=labels(turn.lang, CATEGORIES.group)[kind])
        return turn.step
    if asked := questions_asked(turn.text):
        for question in asked:  # "is this free? and will the police call me?": each answered, in turn
            _answer_one_aside(turn, question)
        return turn.step
    said = aside(turn.text)
    if said in SERVICE_QUESTIONS and turn.step in YES_NO_STEPS and not identity_wished(turn.text) \
            and (told := _told_beside_the_question(turn.text)) \
            and (yes_or_no(told) is not None or (turn.step == SUMMARY and sends(told))):
        turn.say(ASIDE_ANSWERS[said])  # "iya bener, tp ini bakal diurus beneran kan?": answered, and the yes taken
        turn.text = told
        return None
    if said is None or (turn.step in YES_NO_STEPS and yes_or_no(turn.text) is not None):
        return None
    if said == "privacy" and turn.step == NAME and _name_before_a_wish(turn.text) is not None:
        return None  # "siti aminah, tp jgn sampe suami sy tau ya": the name, for the name question
    if said == "privacy" and (wished := identity_wished(turn.text)):
        # "jangan sampai tetangga tau ya pak": answered, and the wish kept for the identity question (or its answer)
        _identity_read(turn, wished)
        turn.say(ASIDE_ANSWERS[said])
        turn.say("report.identity_noted", identity=labels(turn.lang, IDENTITIES.group)[wished])
        # at the name question, a wish not to be named is the answer to it ("jgn sampe suami sy tau ya")
        return first_missing(turn) if turn.step == IDENTITY or (turn.step == NAME and wished != Identity.NAMED) \
            else turn.step
    if said == "station" and turn.step == LOCATION and (place := _told_beside_the_question(turn.text)):
        turn.say(ASIDE_ANSWERS[said])  # "di gedog pak, itu masuk polsek mana y?": the place, and whose it is after
        turn.text = place
        return None
    _answer_one_aside(turn, said)
    return turn.step


def _answer_one_aside(turn: Turn, said: str) -> None:
    if said == "station" and (station := _station_it_goes_to(turn.draft)):
        turn.say("report.aside_station", station=station)
    elif said == "after_report" and turn.draft.get("identity") == Identity.ANONYMOUS:
        turn.say("menu.after_report_anonymous")  # no question and no news will reach an anonymous reporter
    else:
        turn.say(ASIDE_ANSWERS[said])


def options_asked(turn: Turn) -> bool:
    """Whether the message asks what the ways of being shown mean, where they are offered ("bedanya apa sih"): no one
    is to choose how they are shown from words they cannot read, so it is answered in the language it is asked in."""
    return turn.step == IDENTITY and identity_options_asked(turn.text, options_shown=True)


_REFERS_BACK = frozenset({"dia", "orangnya", "pelakunya", "pelaku", "malingnya", "mereka", "he", "she", "they"})
_REFERS_WITHIN = 4  # words from the start


def _told_beside_the_question(text: str) -> str:
    """The clauses of a message besides the one that asks ("di gedog pak" of "di gedog pak, itu masuk polsek
    mana y?"); empty when it only asks."""
    clauses = [clause.strip() for clause in re.findall(r"[^,;?!\n]+\??", text) if clause.strip(" ?")]
    told = [clause for clause in clauses if aside(clause) is None and letters_and_digits(clause) >= LOCATION_CHARS[0]]
    return ", ".join(told) if len(told) < len(clauses) else ""


AHEAD_STEPS = (CATEGORY, DESCRIPTION, LOCATION, PLACE_CHECK, PLACE_PICK, SAME, WHEN)  # before the photo and identity
AHEAD_WORDS = 6  # an answer out of turn is short: "gak ada foto pak", "rahasia aja ya"
PHOTO_WORRY_WORDS = 10  # "fotonya gimana kirimnya pak saya tidak bisa": a worry, not a story with a photo in it
DETAIL_WORDS = 3  # words no time is read in, that tell more of what happened: "pelakunya 2 org pake motor vario"
DETAIL_PART_WORDS = 2  # such words beside a time, in a clause of their own: "plat AG 1234 XY, td malam jam 10"
# A vehicle's plate ("AG 1234 XY", "plat N 4521 AB"): a detail of what happened, never a place.
_PLATE = re.compile(r"\b(?:plat|nopol)\b|\b(?!RT|RW|NO)[A-Z]{1,2} ?\d{1,4} ?(?!RT|RW)[A-Z]{1,3}\b")
_IDENTITY_WORDS = frozenset({"nama", "rahasia", "anonim", "identitas", "name", "named", "confidential", "anonymous",
                             "inisial", "initials", "disarankan", "recommended"})  # the option the question marks


def answer_ahead(turn: Turn) -> str | None:
    """A later question answered where an earlier one is asked ("gak ada foto" where a place is picked, "rahasia
    aja" where the time is asked): kept for its question, and this one asked again. None for anything else."""
    if turn.inbound.choice is not None or turn.inbound.media:
        return None
    if turn.step == READ_BACK:
        # "rahasia ya pak jgn bilang sy yg lapor" where what was read is confirmed: how to be shown, kept for it.
        # A yes or a no with it, or a clause beside it ("iya bener, rahasia ya"), answers what was read.
        said = words(turn.text)
        return turn.step if 0 < len(said) <= ASIDE_MAX_WORDS and yes_or_no(turn.text) is None \
            and len([c for c in _CLAUSES.split(turn.text) if c]) == 1 and _identity_ahead(turn, said) else None
    if turn.step not in AHEAD_STEPS:
        return None
    said = words(turn.text)
    # "kmrn malem" where a place is picked: the time, kept; one given already is given anew ("td siang", then "eh
    # bukan, kemarin"; "td sore jam 4" after "tadi"), unless it is or becomes now, which has its reminder to call
    lead = _BEFORE_A_TIME.match(turn.text)
    told = turn.text[lead.end():] if lead else turn.text
    told = _time_beside_its_hour_unknown(told) or told  # "blm tau jamnya, td sore lah": the time, all that is known
    if turn.step != WHEN and 0 < len(words(told)) <= AHEAD_WORDS and told and only_a_time(told) and (
            "when" not in turn.draft or (when_named(told) != "now" and turn.draft["when"] != {"choice": "now"})):
        turn.draft["when"] = {"text": told}
        turn.say("report.time_noted", when=told)
        return turn.step
    if turn.step not in STORY_STEPS and len(said) <= PHOTO_WORRY_WORDS and _photo_worry(turn.text):
        turn.say("report.photo_how_ahead")  # "fotonya gimana kirimnya pak saya tidak bisa": how, and it may be left
        return turn.step
    if turn.step not in STORY_STEPS and len([c for c in _CLAUSES.split(turn.text) if c]) > 1:
        _keep_later_answers(turn)  # "kel gedog, gak punya foto pak": the photo's answer kept, the place answered
        return None
    if not 0 < len(said) <= AHEAD_WORDS:
        return None
    if _names_a_time(turn.text):
        return None
    if _no_photo(turn.text):
        turn.draft["photo_skipped"] = True
        turn.say("report.no_photo_noted")
        return turn.step
    return turn.step if _identity_ahead(turn, said) else None


# Of an hour not known, said beside the time that is: "blm tau jamnya", "gak inget jam brp", "not sure what time".
_THE_HOUR = frozenset({"jam", "jamnya", "pukul", "berapa", "waktunya", "persisnya", "pastinya", "tepatnya", "time",
                       "exact", "exactly", "hour"})
_NOT_KNOWING = frozenset({"tau", "tahu", "lupa", "ingat", "inget", "pasti", "yakin", "know", "remember", "sure"})
_AROUND_NOT_KNOWING = NOT_WORDS | {"belum", "kurang", "saya", "aku", "i", "m", "am", "what", "the", "s", "it"}


def _time_beside_its_hour_unknown(text: str) -> str | None:
    """The time told beside words saying its hour is not known: "blm tau jamnya, td sore lah" is "td sore lah";
    None where the message says anything else."""
    clauses = [clause.strip() for clause in _CLAUSES.split(text) if clause.strip()]
    timed = [clause for clause in clauses if only_a_time(clause)]
    unknown = [set(words(clause)) for clause in clauses if clause not in timed]
    if not timed or not unknown or not all(said & _THE_HOUR and said & _NOT_KNOWING
                                           and said <= _THE_HOUR | _NOT_KNOWING | _AROUND_NOT_KNOWING | NEUTRAL
                                           for said in unknown):
        return None
    return ", ".join(timed)


def _identity_ahead(turn: Turn, said: list[str]) -> bool:
    """"rahasia aja", "pakai nama aja", "anonim aja kak": how to be shown, said before it is asked; kept for it."""
    choice = [word for word in said if word not in NEUTRAL]  # "pakai nama aja" is "pakai nama"
    answers = IDENTITIES.answers(turn.lang) if _IDENTITY_WORDS & set(choice) else []  # not "terserah", which says
    # so much else; an option's name, or else each word of one option's names ("rahasia aja yg disarankan")
    named = [key for key, names in answers if " ".join(choice) in names] or [
        key for key, names in answers if set(choice) <= {word for name in names for word in name.split()}]
    if shown := identity_wished(turn.text) or (named[0] if len(named) == 1 else None):
        _identity_read(turn, shown)
        turn.say("report.identity_noted", identity=labels(turn.lang, IDENTITIES.group)[shown])
        return True
    return False


def _reopen(turn: Turn, step: str) -> str:
    """Asks one step again; the answers after it are kept, so the flow comes back to where it was."""
    if step == LOCATION:
        corrected = turn.draft.get("place")
        for key in WHERE_KEYS:
            turn.draft.pop(key, None)
        if corrected:
            turn.draft["corrected_place"] = corrected  # the new name is looked for beside it first
    elif step == PHOTO:
        turn.draft.pop("photo_skipped", None)
    elif step == WHEN:
        turn.draft["told_time_wrong"] = True  # the time is what is wrong: not the story's offered back
    return step


def _keep_photo(turn: Turn) -> bool:
    """Keeps a photo sent with this message; says why when one was refused."""
    if turn.photo:
        stored = turn.photo
        turn.draft["photo"] = Photo(sha256=stored.sha256, content_type=stored.content_type,
                                    stored_name=stored.stored_name)
        return True
    if turn.photo_problem:
        turn.say(f"photo.rejected_{turn.photo_problem}")
    return False


def keep_photo_sent_aside(turn: Turn) -> bool:
    """Keeps a photo sent where another question is open (the place choices on screen) as the report's photo, and
    says so; whether one was kept."""
    if turn.step not in OTHER_PHOTO_STEPS or "draft" not in turn.data or not _keep_photo(turn):
        return False
    turn.draft.pop("photo_skipped", None)
    turn.say("photo.kept_for_report")
    return True


def _keep_voice(turn: Turn) -> bool:
    """Keeps a voice note sent with this message as the story; one sent before it is replaced."""
    if turn.voice is None or turn.inbound.voice is None:
        return False
    stored = turn.voice
    turn.draft["voice"] = Voice(sha256=stored.sha256, content_type=stored.content_type, stored_name=stored.stored_name,
                                duration_seconds=stored.duration_seconds or 0)
    turn.draft.pop("description", None)  # until the resident says whether to add a line to it
    return True


def ask_category(turn: Turn) -> None:
    turn.say("report.ask_category", CATEGORIES)


def says_nothing_of_a_kind(turn: Turn) -> bool:
    """Whether a message where the kind is asked, before any story, neither picks nor names one, tells no story and
    is no aside: words meant for something else, such as an officer's question ("kayaknya anak smk pgri pak")."""
    return turn.inbound.choice is None and "description" not in turn.draft and turn.pick(CATEGORIES) is None \
        and category_named(turn.text) is None and not tells_a_story(turn.text) and aside(turn.text) is None


async def category(turn: Turn) -> str:
    """Stores the category and asks what happened."""
    picked = turn.pick(CATEGORIES)
    if picked is None and turn.inbound.choice is None and _kind_asked(turn):
        return first_missing(turn)
    if picked is None and turn.inbound.choice is None and what_may_be_reported(turn.text):
        turn.say("report.kinds_explained")  # "bisa lapor apa aja?": the options are the answer, asked again
        return CATEGORY
    if picked is None and turn.inbound.choice is None and (fits := category_fit_asked(turn.text)):
        turn.say("report.kind_fits", kind=labels(turn.lang, CATEGORIES.group)[fits])  # "kalo ditipu masuk yg mana?"
        return CATEGORY
    if picked is None and turn.inbound.choice is None and tells_a_story(turn.text):
        if "description" not in turn.draft and not turn.draft.get("urgent") and "photo" not in turn.draft \
                and await told_already_reported(turn, turn.text):
            return CATEGORY  # the story of a report sent already, after "lapor": said so, nothing filed twice
        return await _take_story(turn)  # asked what kind, the resident told what happened
    if picked is None and turn.inbound.choice is None and len(turn.text.split()) <= CATEGORY_NAMED_WORDS:
        picked = category_named(turn.text)  # "motor sy ilang": the incident names its category
    if picked is not None and turn.inbound.choice is None and category_named(turn.text) is not None \
            and not _names_the_kind(turn, picked) and begins_a_story(turn.text):
        _story_begun(turn)  # "dimasukin maling": the kind, and the story's first words, which the next goes on with
    # "di kel gedog pak": where, before what; the kind is asked once it is confirmed. Once the story is told (a
    # voice note's too), a name alone is read as the place question reads it ("gedog")
    if picked is None and turn.inbound.choice is None and "place" not in turn.draft \
            and await _names_a_place(turn, none_read="description" in turn.draft):
        return await location(turn)
    if picked is None and turn.inbound.choice is None and kind_not_known(turn.text):
        # "ga tau", "bingung pak": Lainnya until the story, asked next, names its kind
        turn.draft.update(Draft(category=Category.OTHER.value, category_unsure=True))
        turn.say("report.category_unsure")
        return first_missing(turn)
    if picked is None and "description" not in turn.draft and _a_piece_of_a_story(turn.text) and "?" not in turn.text:
        if (PLACE_WORDS | OWN_WORDS) & set(words(turn.text)):
            # "rumah sy", "di rumah": where it happened, the story's first words as a person hears them, kept (then
            # "dimasukin maling": one story), and the kind asked again with a hint that the story alone will do
            _story_begun(turn)
            turn.say("report.kind_after_a_piece")
            return CATEGORY
        turn.draft["story_begun"] = _joined_to_begun(turn)  # kept, should the next words go on with it
    if picked is None:
        turn.say("common.not_a_choice")
        return CATEGORY
    if picked == Category.EMERGENCY:
        turn.answer_emergency()
    named_first = "category" not in turn.draft
    turn.draft["category"] = picked
    if named_first and "place" in turn.draft:  # the place came first (a story that named none): look now
        await _look_for_same_incident(turn)
    return first_missing(turn)


# Words around a kind's name that tell nothing of an incident: "soal narkoba pak", "yg lalu lintas aja".
_AROUND_A_KIND = frozenset({"soal", "tentang", "masalah", "kasus", "laporan", "lapor", "yg", "yang", "aja", "saja",
                            "about", "the", "a"})


def _names_the_kind(turn: Turn, picked: str) -> bool:
    """Whether the message is one of the kind's own names ("maling", "narkoba pak", "soal lalu lintas"), nothing
    more; "ada maling", "ada begal" say someone was there: what happened, which begins the story."""
    named = " ".join(word for word in normalise(turn.text).split()
                     if word not in (NEUTRAL - {"ada"}) | _AROUND_A_KIND)
    return named in dict(CATEGORIES.answers(turn.lang)).get(picked, ())


def _joined_to_begun(turn: Turn) -> str:
    begun = turn.draft.get("story_begun")
    return f"{begun}\n{turn.text}" if begun else turn.text


def _story_begun(turn: Turn) -> None:
    """Keeps the message as the story's first words, after any piece before it, and says so: so that it is not
    told again as if lost."""
    turn.draft["story_begun"] = _joined_to_begun(turn)
    turn.say("report.story_begun_noted", begun=turn.draft["story_begun"].replace("\n", " "))


def _kind_asked(turn: Turn) -> bool:
    """Whether the message asks if a kind may be reported ("ini bisa buat lapor penipuan online gk?"): answered
    yes, the kind kept as the category when none is, and what follows the question kept to begin the story."""
    kind = report_kind_asked(turn.text)
    if kind is None:
        return False
    turn.say("menu.can_report", kind=labels(turn.lang, CATEGORIES.group)[kind])
    turn.draft.setdefault("category", kind)
    if told := turn.text.rsplit("?", 1)[-1].strip():  # "bisa lapor penipuan? td sy ditipu…": the story begun
        turn.draft["story_begun"] = told
    return True


def ask_description(turn: Turn) -> None:
    begun = turn.draft.get("story_begun")
    if begun and letters_and_digits(begun) >= DESCRIPTION_CHARS[0]:  # "motor sy dicuri": more of it, or that is all
        turn.say("report.ask_description_more")
    else:
        turn.say("report.ask_description", shortest=DESCRIPTION_CHARS[0], longest=DESCRIPTION_CHARS[1])


async def description(turn: Turn) -> str:
    """Stores what happened, told in words or in a voice note, and a photo sent with it, and asks where: or
    whether it was where the story says, when it names a place with confidence."""
    got_photo = _keep_photo(turn)
    begun = turn.draft.pop("story_begun", None)  # a voice note tells the story over, in the resident's voice
    if _keep_voice(turn):
        if not turn.text:
            return VOICE_CAPTION
        return await voice_caption(turn)  # Telegram's voice notes may come with a caption
    if turn.inbound.location is not None and not turn.text.strip():
        _reopen(turn, LOCATION)  # a pin sent where the story is asked: the place, and the story asked after it
        return await location(turn)
    shortest, longest = DESCRIPTION_CHARS
    if got_photo and not turn.text:
        turn.say("report.photo_needs_words")
        return DESCRIPTION
    if not begun and not got_photo and _kind_asked(turn):
        return DESCRIPTION
    if begun and set(words(turn.text)) & _PIECE_TAKEN_BACK:  # "maaf salah, mau lapor lain": the piece before is not it
        begun = None
    elif begun and _all_told(turn.text):
        if letters_and_digits(begun) < shortest:
            turn.draft["story_begun"] = begun
            turn.say("report.description_too_short", shortest=shortest)
            return DESCRIPTION
        turn.text, begun = begun, None  # "motor sy dicuri", then "udah itu aja": the story is what was begun
    elif begun and not _a_piece_of_a_story(turn.text):  # "bentar", "English": the story waits for its next piece
        turn.draft["story_begun"] = begun
        turn.say("report.story_go_on")
        return DESCRIPTION
    if begun:
        turn.text = f"{begun}\n{turn.text}"
    if letters_and_digits(turn.text) < shortest:
        if _a_piece_of_a_story(turn.text):  # "rumah sy", then "tv ilang", then "td mlm": one story, in pieces
            turn.draft["story_begun"] = turn.text
            turn.say("report.story_go_on")
        else:
            turn.say("report.description_too_short", shortest=shortest)
        return DESCRIPTION
    if "description" not in turn.draft and not turn.draft.get("urgent") and "photo" not in turn.draft \
            and await told_already_reported(turn, turn.text):
        return DESCRIPTION  # the same story once more is taken as a report of its own; BATAL stops
    story = story_without_opener(turn.text, shortest)
    if len(story) > longest:
        turn.say("report.description_cut", longest=longest)
    _later_answers_in_story(turn, turn.text)
    turn.draft["description"] = story[:longest]
    if turn.draft.pop("category_unsure", False):
        turn.draft["category"] = category_named(turn.text) or turn.draft["category"]
    turn.draft.pop("told_time_wrong", None)  # a new story, whose time may be offered
    turn.draft.pop("voice", None)  # the story told again in words replaces one told in a voice note
    if not _answered(turn, LOCATION):
        # "…depan pasar gedog sananwetan", "…di parkiran kel bendogerit": the place the story names is proposed,
        # or the places of its name offered, rather than asked (as from a story told first)
        # or the one near that the place reader reads without confidence ("…di jl sudanco supriyadi bendogerit")
        read = await _place_of_story(turn, turn.draft["description"])
        if "spot" in read:
            turn.draft["story_spot"] = read["spot"]
        if "place" in read:
            turn.draft["proposal"] = {"code": read["place"]}
            return PLACE_CHECK
        if "places" in read:
            turn.draft["options"] = read["places"]
            return PLACE_PICK
    return first_missing(turn)


def _a_piece_of_a_story(text: str) -> bool:
    """Whether words too few to be the story may begin it, or go on with one begun: a word of something ("rumah sy",
    "maling"), not a yes, a no, a greeting, a wait, a sorry ("bentar", "maaf"), a language's name or emoji alone."""
    return any(word not in NEUTRAL | YES | NO | _A_MOMENT | _NOT_THE_STORY | _LANGUAGE_OR_GOING_ON | _PIECE_TAKEN_BACK
               and any(ch.isalpha() for ch in word) and not is_emoji(word) for word in words(text))


_LANGUAGE_OR_GOING_ON = frozenset({"english", "inggris", "indonesia", "bahasa", "lanjut", "lanjutkan", "continue"})
_PIECE_TAKEN_BACK = frozenset({"salah", "keliru", "wrong", "bukan"})  # the piece sent before was not meant


def ask_voice_caption(turn: Turn) -> None:
    turn.say("report.ask_voice_caption", CAPTION_OPTIONS)


async def voice_caption(turn: Turn) -> str:
    """Stores the one line the resident adds to their voice note, or none, and asks where."""
    if _keep_voice(turn) and not turn.text:  # recorded again
        return VOICE_CAPTION
    caption = ""
    # "gedog" after a voice note: where it happened, read as the place question reads it after a story typed
    place_told = turn.pick(CAPTION_OPTIONS) is None and not _answered(turn, LOCATION) \
        and not tells_a_story(turn.text) and await _names_a_place(turn, none_read=True)
    if turn.pick(CAPTION_OPTIONS) != "skip" and not place_told:
        shortest, longest = CAPTION_CHARS
        if letters_and_digits(turn.text) < shortest or len(turn.text) > longest:
            turn.say("report.voice_caption_invalid", shortest=shortest, longest=longest)
            return VOICE_CAPTION
        caption = turn.text
    if turn.draft.pop("category_unsure", False):
        turn.draft["category"] = category_named(caption) or turn.draft["category"]
    elif "category" not in turn.draft and (named := category_named(caption)):
        turn.draft["category"] = named  # a voice note that began the report: its line may name the kind
    turn.draft["description"] = voice_story(turn.lang, turn.draft["voice"]["duration_seconds"], caption)
    return await location(turn) if place_told else first_missing(turn)


def ask_location(turn: Turn) -> None:
    if turn.draft.get("pin_kept"):
        turn.say("place.ask_after_pin")
    elif (turn.draft.get("online") or said_online(turn.draft.get("description", ""))) \
            and not turn.draft.get("place_tries"):  # "sy ditipu lewat wa, …": where they live is what routes it
        turn.say("place.ask_home_for_online", ask_location=True)
    elif turn.draft.get("place_tries") and (name := turn.draft.get("common_name")):
        turn.say("place.ask_district_common", ask_location=True, name=name)
    elif turn.draft.get("place_tries"):
        key = "place.ask_district_after_no" if turn.draft.get("place_rejected") else \
            "place.ask_district_unknown" if turn.draft.get("place_unknown") else "place.ask_district"
        turn.say(key, ask_location=True)
    elif turn.draft.get("street_asked") and (street := turn.draft.get("location_text")):
        turn.say("place.ask_kelurahan_of_street", ask_location=True, street=street)
    elif turn.draft.get("home_asked") or turn.draft.get("too_wide_asked"):
        turn.say("place.ask_which_kelurahan", ask_location=True)
    else:
        turn.say("report.ask_location", ask_location=True)


def _explain_the_place_asked(turn: Turn) -> None:
    """Which place the question asks, as it asks it: where it happened, or, online, where the resident lives."""
    online = turn.draft.get("online") or said_online(turn.draft.get("description", ""))
    turn.say("report.location_question_online" if online else "report.location_question")


async def location(turn: Turn) -> str:
    """Stores where it happened, a pin or typed words, and proposes the place and station it names."""
    for key in READING_KEYS:
        turn.draft.pop(key, None)
    offered = turn.draft.pop("offered_before", [])  # the areas offered just before: for this answer only
    pin = turn.inbound.location
    if pin is not None:
        if not within_indonesia(pin.latitude, pin.longitude):  # Singapore, Paris: no Polsek's, and not kept
            turn.say("place.pin_abroad")
            return LOCATION
        turn.draft.update(Draft(latitude=pin.latitude, longitude=pin.longitude, location_text=turn.text or None))
        near = await turn.router.near_pin(turn.db, pin.latitude, pin.longitude)
        if near is None:
            turn.draft["pin_kept"] = True  # the typed place that follows goes with this pin
            return LOCATION
        station, place = near
        turn.draft["proposal"] = {"station_id": station.id, "code": place.code,
                                  "label": await station_label(turn.db, station)}
        return PLACE_CHECK
    shortest, longest = LOCATION_CHARS
    if letters_and_digits(turn.text) < shortest or len(turn.text) > longest:
        turn.say("report.location_invalid", shortest=shortest, longest=longest)
        return LOCATION
    if whose_place_asked(turn.text):  # "alamat sy atau alamat penipunya?": the question explained, no try spent
        _explain_the_place_asked(turn)
        return LOCATION
    if (ran_on := spot_then_story(turn.text)) is not None:
        turn.text, goes_on = ran_on  # "jl kenari ribut2 tetangga": the spot is where, what goes on there the story
        _add_to_story(turn, part=goes_on)
    if not turn.draft.get("street_asked") and not _asks_instead(turn.text) \
            and (street := await _a_street_alone(turn, turn.text)):  # "maksudnya alamat sy?" asks, names no street
        _keep_the_street(turn, street)
        return LOCATION
    landmark = _besides_not_knowing_the_place(turn.text)
    if landmark is not None:
        if not landmark or not (await turn.router.read(turn.db, landmark))[0]:
            return await _place_not_known(turn, landmark)
        turn.text = landmark  # "gk tau kelurahannya, tp kec sananwetan": the kecamatan is read
    turn.draft["location_text"], found, confident = await _read_place(turn)
    if not found and _PLACE_KIND_ALONE.match(turn.text) and not turn.draft.get("home_asked"):
        turn.draft.pop("location_text", None)  # "di rumah", "dkt tempat kerja sy": whose place, not where it is;
        turn.draft["home_asked"] = True  # asked once, in a question of its own (ask_location), no try spent
        return LOCATION
    if not confident and not turn.draft.get("too_wide_asked") and (
            turn.router.a_province_alone(turn.text) or turn.router.a_landmark_alone(turn.text, found)):
        # "jakarta", "jawa timur", "masjid istiqlal": no village of its name far away, nor one near in spelling; which
        # kelurahan, asked once, no try spent
        turn.draft.pop("location_text", None)
        turn.draft["too_wide_asked"] = True
        return LOCATION
    if all(place.ordinary for place in found) and (
            yes_or_no(turn.text) is not None or IDENTITIES.pick(turn.lang, turn.text) is not None
            or all(w in _SENDING_WORDS | NEUTRAL or CHAT_SOUND.match(w) for w in words(turn.text))):
        # an answer to another question ("iya", "rahasia", "kirim", "sudah": no Desa Sudah), or a call ("pak??",
        # "hmm"), that names no place: asked again, no try spent, a pin kept still kept
        turn.draft.pop("location_text", None)
        turn.say("report.location_not_a_place")
        return LOCATION
    if not_given(_CLAUSES.split(turn.text)[0]):  # "gak tau pak, sy lg tidur": no place (no Desa Tahu)
        return await _place_not_known(turn, _where_after_not_knowing(turn.text) or "")
    if not turn.draft.pop("pin_kept", False):  # a pin far from any Polsek goes with the place typed after it
        turn.draft.update(Draft(latitude=None, longitude=None))
    if not confident and not any(place.marked for place in found) and _asks_instead(turn.text):
        # "lokasi maksudnya lokasi sy atau penjualnya?", "foto apa ya pak?": the question explained, no try spent
        turn.draft.pop("location_text", None)
        _explain_the_place_asked(turn)
        return LOCATION
    misspelt = False  # "hp sy dicuri di gedok y": a village misspelt after a word of where, offered as if alone
    if not found:
        found = await turn.router.villages_nearby(turn.db, turn.text)  # offered, never taken: a typo is a guess
        if not found:
            found = await _misspelt_after_where(turn, turn.text)
            misspelt = bool(found)
    marked = words(turn.text)[:1] in (["di"], ["dekat"], ["depan"], ["at"], ["near"], ["in"]) \
        or bool(_PLACE_MARKERS & set(normalise(turn.text).split())) or _a_spot_by_its_kind(turn.text)
    only_in_passing = bool(found) and not misspelt and all((place.ordinary and not _said_where(turn.text, place))
                                                           or not _spelt_in(turn.text, place) for place in found)
    if not confident and not marked and not said_online(turn.text) and (
            (not found and (category_named(turn.text) or tells_a_story(turn.text) or time_told(turn.text)
                            or not _NAMED_THINGS.isdisjoint(words(turn.text))
                            or not _TOO.isdisjoint(words(turn.text)[-1:])))
            or (only_in_passing and await tells_more_than_where(turn, DETAIL_WORDS))
            or _PLATE.search(turn.text)):
        # "nyolong jemuran sy", "honda beat item plat AG 1234 XY" (a guess at Desa Belat), "motornya beat merah" (the
        # thing taken, by its make or model), "ngaku petugas pln" (a body by its acronym), "tiap malem jam 10an rame
        # anak muda beli", "isinya ktp sim atm", "cuma lecet, udh damai" (Kec.
        # Damai, an everyday word): more of what happened, sent in pieces, not where
        turn.draft.pop("location_text", None)
        _add_to_story(turn)
        return LOCATION
    if not confident and said_online(turn.text) and not turn.draft.get("online"):
        turn.draft["online"] = True  # asked once where the resident lives, read with these words
        turn.draft.setdefault("place_attempts", []).append(turn.text)
        return LOCATION
    if found and "when" not in turn.draft and (told := _time_beside_a_place(turn.text)):
        turn.draft["when"] = {"text": told}  # "di bendogerit td siang": the time too, kept for its question
        turn.say("report.time_noted", when=told)
        if typed := turn.draft.get("location_text"):
            turn.draft["location_text"] = without_phrase(typed, told) or typed  # officers read where, not when
    elif found and "when" not in turn.draft \
            and when_named(without_where_one_is(where_it_happened(turn.text))) == "now":
        # "di gedog skrg", "di rembang, masih berlangsung"; not where the resident is ("sy lg di pasar legi")
        turn.draft["when"] = {"choice": "now"}
        if not turn.emergency_answered:
            turn.say("emergency.happening_now")
    if found and (common := turn.router.common_name_misspelt(turn.text, found[0])):
        turn.draft["common_name"] = common  # "desa sukamju": which of the many Sukamaju, by the kecamatan asked next
        return await place_not_found(turn)
    # "… rt 3 kel bendogerit": Bendogerit, not Desa Nya of "kos nya"
    if taken := found[0] if confident else named_alone(found):
        turn.draft["proposal"] = {"code": taken.code}
        return PLACE_CHECK
    corrected = turn.draft.get("corrected_place")
    if found and corrected and (beside := _beside(turn.router.place(corrected), found)) is not None:
        turn.draft["proposal"] = {"code": beside.code}  # put alone to the resident, who says yes or no
        return PLACE_CHECK
    # Kab. Malang or Kota Malang offered, then "jatimulyo": Kel. Jatimulyo of Kota Malang, not Bojonegoro's; where
    # two of that name lie inside ("pandansari": one in Ngantang, one in Poncokusumo), which one is asked
    inside = [place for place in turn.router.places.resolve(turn.text, limit=CANDIDATES_WEIGHED)
              if offered and any(place.code.startswith(f"{code}.") for code in offered)
              and _own_name(place) in {_own_name(shown) for shown in found}]
    if len(inside) == 1:
        turn.draft["proposal"] = {"code": inside[0].code}
        return PLACE_CHECK
    if len(inside) > 1:
        turn.draft["options"] = [place.code for place in inside[:CANDIDATES_SHOWN]]
        return PLACE_PICK
    if found:
        turn.draft["options"] = [place.code for place in found]
        return PLACE_PICK
    return await place_not_found(turn)


def _beside(before: PlaceCandidate | None, found: list[PlaceCandidate]) -> PlaceCandidate | None:
    """Of the places a corrected place's name may be, the one alone in the kecamatan, else the kab/kota, of the
    place it corrects: "harusnya kel. plosokerep" after Kel. Gedog, Kec. Sananwetan is the Plosokerep there, not
    those of Indramayu and Sragen."""
    if before is None:
        return None
    for area in (before.district_code, before.regency.code):
        inside = [place for place in found if area and place.code.startswith(f"{area}.")]
        if len(inside) == 1:
            return inside[0]
    return None


def _story_beside_its_time(text: str) -> bool:
    """Whether a clause that tells a time tells what happened beside it, an incident or a danger: "skrg dia bawa
    pisau ngancem sy", "jam 6 pelakunya lari ke arah timur"; not "kemarin sore sekitar jam 9", "kemarin habis sholat
    isya", "tadi pas adzan maghrib"."""
    return len([word for word in words(text) if word not in TIME_WORDS | DAY_WORDS | NEUTRAL
                and when_named(word) is None and not word.isdecimal()]) >= DETAIL_WORDS \
        and (category_named(text) is not None or is_cry_for_help(text) or bool(_REFERS_BACK & set(words(text))))


def _tells_no_time(text: str) -> bool:
    """Whether the words tell no time at all: no word of one, no hour ("pelakunya 2 org" has a number, no time)."""
    return not (TIME_WORDS | DAY_WORDS) & set(words(text)) and when_named(text) is None and hour_phrase(text) is None


def _time_beside_a_place(text: str) -> str | None:
    """A time told with the place, in its words ("di bendogerit td siang"); not a day or a repeat that names a place
    ("pasar jumat", "perumahan griya sabtu indah", "warung yg tiap malam rame"), nor now (a choice of its own)."""
    told = time_told(text)
    if told is None or when_named(text) in (None, "now") or set(told[1].split()) <= set(WEEKDAYS) | {"hari", "pada"}:
        return None
    return told[1]


async def _place_not_known(turn: Turn, landmark: str = "") -> str:
    """The place is not known: the kecamatan or the town may be, asked once, then the desk. What the resident does
    know ("deket pasar templek") is kept for officers, and read with the next answer."""
    turn.draft.pop("location_text", None)
    if landmark:
        turn.draft["location_text"] = landmark
    if not turn.draft.get("place_tries"):
        turn.draft["place_unknown"] = True
    else:
        turn.draft["place_tries"] = PLACE_TRIES - 1
    return await place_not_found(turn)


# Words that begin telling where: "di bus jurusan blitar malang", "deket terminal", "on the bus".
_WHERE_BEGINS = frozenset({"di", "dekat", "deket", "depan", "belakang", "samping", "sebelah", "seberang", "sekitar",
                           "arah", "in", "on", "at", "near", "around"})


def _where_after_not_knowing(text: str) -> str | None:
    """What a message that begins by not knowing says of where after it: "gatau pak, di bus jurusan blitar malang"
    → "di bus jurusan blitar malang"; None where it says no such thing ("gak tau pak, sy lg tidur")."""
    first, *rest = _CLAUSES.split(text.strip(), maxsplit=1)
    if not rest or not not_given(first) or not words(rest[0])[:1] or words(rest[0])[0] not in _WHERE_BEGINS:
        return None
    return rest[0].strip()


# Where a message goes on after saying what is not known: "…, cuma tau deket pasar", "… tp deket masjid".
_BUT_CLAUSES = re.compile(r"\s*[,.;]+\s*|\s+\b(?:tapi|tp|tpi|cuma|cuman|hanya|but|only)\b\s*", re.IGNORECASE)


_FINER_THAN_THE_VILLAGE = frozenset({"alamat", "alamatnya", "persis", "persisnya", "jalan", "jalannya", "rt", "rw",
                                     "detail", "detailnya", "lengkap", "lengkapnya", "address", "exact", "street"})
_THE_VILLAGE_ITSELF = frozenset({"kelurahan", "kelurahannya", "desa", "desanya", "daerah", "daerahnya", "kampung",
                                 "kampungnya", "mana", "area"})


def _besides_not_knowing_the_place(text: str) -> str | None:
    """The rest of a message that says the village or the address is not known ("sy gk tau kelurahannya, cuma tau
    deket pasar templek" → "deket pasar templek"); "" when it says no more, None when it says no such
    thing."""
    clauses = [clause for clause in _BUT_CLAUSES.split(text) if clause.strip()]
    if not any(village_not_known(clause) for clause in clauses):
        return None
    return ", ".join(_ONLY_KNOWN.sub("", clause.strip()) for clause in clauses if not village_not_known(clause))


# What only says the rest is what is known: "cuma tau", "yg sy tau", "taunya", "I only know it's".
_ONLY_KNOWN = re.compile(r"^(?:(?:cuma|cuman|hanya|only|yg|yang|sy|saya|aku|taunya|tau|tahu|i|know|that|its|it|s|is)"
                         r"\b[\s']*)+", re.IGNORECASE)


async def _read_place(turn: Turn) -> tuple[str, list[PlaceCandidate], bool]:
    """The place as typed, its readings, and whether the first is confident. After a place was not found or
    not right, the kecamatan or kota typed next is read together with the words before it, so a village named
    first is kept ("Gedog" then "Kec. Sananwetan"), and so is a street that named no place ("Jl. Ijen"); words of
    a deed done online ("lewat hp") are kept, but not read as a place (no Desa Lewat). A place the resident said
    was not it is not read again from those words: what was typed after the "bukan" is read alone."""
    attempts = turn.draft.get("place_attempts")
    earlier = attempts[-1] if attempts else None
    if earlier and normalise(earlier) != normalise(turn.text):
        together = f"{earlier}, {turn.text}"
        if said_online(earlier):  # kept for officers to read, but no place to read in it
            return together, *(await turn.router.read(turn.db, turn.text))
        found, confident = await turn.router.read(turn.db, together)
        if found and found[0].village is not None and found[0].code not in turn.draft.get("places_refused", []):
            return together, found, confident
        if turn.draft.get("place_unknown"):  # "deket pasar templek" then "sananwetan": officers read both
            return together, *(await _places_in_story(turn, turn.text))
        found, confident = await _places_in_story(turn, turn.text)
        if found and not (await turn.router.read(turn.db, earlier))[0]:
            return together, found, confident  # "jl. ijen" (no region's name) then "klojen malang": both kept
        return turn.text, found, confident
    return turn.text, *(await _places_in_story(turn, turn.text))


def ask_place_check(turn: Turn) -> None:
    proposal = turn.draft["proposal"]
    place = code_label(turn.lang, turn.router, proposal["code"])
    if "station_id" in proposal:
        turn.say("place.confirm_pin", PLACE_YES_NO, place=place, station=proposal["label"])
    else:
        turn.say("place.confirm", PLACE_YES_NO, place=place)


async def place_check(turn: Turn) -> str:
    """Takes the proposed place on a yes; on a no, asks again; words that name another place are read anew.
    Anything else asks the same question again: the place typed first is never dropped for a stray answer."""
    picked = turn.pick(PLACE_YES_NO) or ("no" if _said_wrong(turn) else None)
    if picked == "yes":
        await accept_place(turn, turn.draft.pop("proposal"))
        return first_missing(turn)
    if picked == "no":
        if not turn.draft.get("location_text") and "station_id" not in turn.draft["proposal"]:
            turn.draft.pop("proposal")  # read from the story, not typed: where it was is asked, no try spent
            return LOCATION
        turn.draft["place_rejected"] = True
        turn.draft.setdefault("places_refused", []).append(turn.draft["proposal"]["code"])
        return await place_not_found(turn)
    if picked is None and turn.inbound.choice is None and await _spot_within(turn):
        await accept_place(turn, turn.draft.pop("proposal"))  # "iya, tepatnya di jl merdeka no 5"
        return first_missing(turn)
    if "description" not in turn.draft and turn.inbound.choice is None and tells_a_story(turn.text):
        _add_to_story(turn)  # a pin sent first, then what happened: kept, and the pin's place asked again,
        found, confident = await _places_in_story(turn, turn.text)  # or the one the story names instead
        if taken := found[0] if confident else named_alone(found):
            turn.draft["pin_kept"] = True
            turn.draft["proposal"] = {"code": taken.code}
        return PLACE_CHECK
    if turn.inbound.choice is None and await _a_street_alone(turn, turn.text, after_a_no=True):
        refused = turn.draft.pop("proposal")  # "bukan, jl kalimantan": not that kelurahan; the street's is asked
        turn.draft.setdefault("places_refused", []).append(refused["code"])
        return await location(turn)
    turn.text = _place_instead(turn.text)  # "bukan gedog tp sentul"
    if not await _names_another_place(turn):
        if turn.inbound.choice is None and _more_of_the_story(turn.text):
            # "skrg masih di depan", "orangnya kabur ke arah pasar": what happens, no answer to where: kept, and the
            # place asked again (and going on now, where it says so)
            _add_to_story(turn)
            if "when" not in turn.draft and when_named(turn.text) == "now":
                _take_time_told(turn, ("now", turn.text))
            return PLACE_CHECK
        turn.say("common.not_a_choice")
        return PLACE_CHECK
    if "station_id" in turn.draft["proposal"]:
        turn.draft["pin_kept"] = True
    return await location(turn)


# A street named alone, perhaps after a no ("jl kalimantan", "bukan, di jalan veteran no 12", "salah pak, gg mawar"):
# where within a kelurahan, not which one.
_A_STREET_ALONE = re.compile(r"^\W*(?P<no>(?:bukan|bkn|salah|keliru|no|wrong)\b[\s,.!:-]*"
                             r"(?:(?:pak|bu|mas|mbak|kak)\b[\s,.!:-]*)?)?"
                             r"(?:(?:lokasinya|tempatnya|kejadiannya|alamatnya)\s+)?(?:(?:di|at|in|on)\s+)?"
                             r"(?P<street>(?:jl|jln|jalan|gg|gang)\b\.?\s*[^\W\d_][\w.'-]*(?:\s+[^\W\d_][\w.'-]*){0,2}"
                             r"(?:\s+(?:no|nomor)\.?\s*\d+\w*)?)\W*$", re.IGNORECASE)


def _keep_the_street(turn: Turn, street: str) -> None:
    """"jl kalimantan": where within a kelurahan, not which: kept for officers and read with the next answer, the
    kelurahan asked once in a question of its own, no try spent."""
    turn.draft["street_asked"], turn.draft["location_text"] = True, street
    turn.draft.setdefault("place_attempts", []).append(street)


async def _a_street_alone(turn: Turn, text: str, *, after_a_no: bool = False) -> str | None:
    """The street `text` names alone (said `after_a_no` only, if asked), as typed; None where it names none, or a
    place the region reader finds by its name or its marks ("jl kel gedog"), or a village near misspelt after it
    ("jl merdeka gedok")."""
    named = _A_STREET_ALONE.match(text)
    if named is None or (after_a_no and not named["no"]):
        return None
    street = named["street"].strip()
    places, confident = await turn.router.read(turn.db, street)
    near = await turn.router.covered(turn.db, [place for place in places if not place.ordinary])
    if confident or any(place.marked for place in places) or any(_spelt_in(street, place) for place in near) \
            or await turn.router.villages_nearby(turn.db, street):
        return None
    return street


# A spot within the place read, told with a yes or instead of one: "iya, tp lebih tepatnya di jl merdeka no 5",
# "lokasinya kurang lengkap, di jl merdeka no 5", "ya, depan indomaret".
_SPOT = re.compile(r"\b(?:jl|jln|jalan|gg|gang|rt|rw|blok|komplek|kompleks|perum|perumahan|depan|dekat|deket|samping|"
                   r"ujung|pojok|sudut|pinggir|"
                   r"belakang|sebelah|seberang|no|nomor|street|road|near|opposite|behind)\b", re.IGNORECASE)
_BEFORE_A_SPOT = YES | NEUTRAL | _BUT | frozenset({
    "tapi", "lebih", "tepat", "tepatnya", "persis", "persisnya", "detail", "detailnya", "kurang", "lengkap",
    "lengkapnya", "lokasinya", "alamatnya", "tempatnya", "di", "exactly", "more", "precisely", "at", "on", "in"})


async def _spot_within(turn: Turn) -> bool:
    """Keeps a spot told within the place proposed or read (a street, a number, a shop it was in front of) where
    the officers read the place as typed; False when the words are no such spot, or name a place of their own."""
    found = _SPOT.search(turn.text)
    before = words(turn.text[:found.start()]) if found else []
    # a time may be said with it ("tadi di depan toko emas"): the spot is where, the time kept where none is yet
    if found is None or not set(before) <= _BEFORE_A_SPOT | TIME_WORDS | DAY_WORDS:
        return False
    spot = turn.text[found.start():].strip(" ,.")
    if letters_and_digits(spot) < LOCATION_CHARS[0]:
        return False
    for told in (spot, turn.text[found.end():]):  # "lokasinya di jalan kepanjenkidul": a place near, by its name
        places, confident = await turn.router.read(turn.db, told)
        near = await turn.router.covered(turn.db, [place for place in places if not place.ordinary])
        if confident or any(place.marked for place in places) or any(_spelt_in(told, place) for place in near):
            return False  # not "di jl sudirman", a street named as places far away are
    typed = turn.draft.get("location_text")
    turn.draft["location_text"] = f"{typed}, {spot}"[:LOCATION_CHARS[1]] if typed else spot
    if "when" not in turn.draft and (time := time_told(" ".join(before))):
        _take_time_told(turn, time)
    return True


def _more_of_the_story(text: str) -> bool:
    """Whether an answer to a yes or no tells more of what happened, with a time, a deed or the one told of: "skrg
    masih di depan", "pelakunya kabur naik motor"; not a question, nor a yes or a no."""
    return len(words(text)) >= DETAIL_PART_WORDS and "?" not in text and yes_or_no(text) is None and (
        when_named(text) is not None or tells_a_story(text) or category_named(text) is not None
        or bool(_REFERS_BACK & set(words(text))))


async def _names_another_place(turn: Turn) -> bool:
    """Whether an answer that is no choice is a place typed anew: a pin, or words the region reader finds."""
    if turn.inbound.location is not None:
        return True
    return letters_and_digits(turn.text) >= LOCATION_CHARS[0] and bool((await turn.router.read(turn.db, turn.text))[0])


def _place_options(turn: Turn) -> tuple[Choice, ...]:
    places = tuple(Choice(code, code_label(turn.lang, turn.router, code)) for code in turn.draft["options"])
    return places + NONE_OF_THESE.options(turn.lang)


def ask_place_pick(turn: Turn) -> None:
    options = _place_options(turn)
    turn.say("place.pick_one" if len(options) == 2 else "place.pick", options)


_WHICH_ONE = re.compile(r"\b(?:(?:yang|yg)\s+mana|which(?:\s+one)?)\b", re.IGNORECASE)  # "ga tau yg mana"


async def place_pick(turn: Turn) -> str:
    """Takes one of the places offered (a yes when only one was); "none of these" asks again; words that name
    another place are read anew; anything else asks again."""
    places = _place_options(turn)[:-1]
    offered = [(c.key, {normalise(c.label)}) for c in places] + NONE_OF_THESE.answers(turn.lang)
    picked = pick(offered, turn.text, turn.inbound.choice) or ("none" if _said_wrong(turn) else None)
    if picked is None and len(places) == 1 and turn.inbound.choice is None:
        picked = {"yes": places[0].key, "no": "none"}.get(yes_or_no(turn.text) or "")
        if picked is None and await _spot_within(turn):
            picked = places[0].key  # "iya, tepatnya di ujung gang deket musholla"
    if picked is None and len(places) > 1 and turn.inbound.choice is None and yes_or_no(turn.text) == "yes":
        return await _yes_to_several(turn, places)
    if picked is None and turn.inbound.choice is None:
        picked = _of_the_kind_said(turn, places)  # "yg kota", "kabupaten aja": Kota Blitar or Kab. Blitar
    areas = _areas_named(turn) if picked is None and turn.inbound.choice is None else frozenset()
    inside = [place.key for place in places
              if any(place.key == area or place.key.startswith(f"{area}.") for area in areas)]
    if len(inside) == 1:
        picked = inside[0]  # "yg jawa timur": the one offered there
    elif len(inside) > 1:
        turn.say("place.which_one")  # "yg di jatim", all offered there: which of them, not a place of its own
        return PLACE_PICK
    elif areas and not inside and (typed := turn.draft.get("location_text")):
        turn.text = f"{typed}, {turn.text}"  # "yg jawa barat", none offered there: the name read again with it
        return await location(turn)
    if picked == "none":
        turn.draft["place_rejected"] = True
        if len(places) == 1:  # one offered to pick is one proposed: "bukan" to it is as sure as to "Maksud Anda …?"
            turn.draft.setdefault("places_refused", []).append(places[0].key)
        return await place_not_found(turn)
    if picked is not None:
        await accept_place(turn, {"code": picked})
        return first_missing(turn)
    if turn.inbound.choice is None and not_given(_WHICH_ONE.sub(" ", _CLAUSES.split(turn.text)[0]).strip()):
        # "gatau pak", "ga tau yg mana": which of them is not known either; the name typed is kept, the kecamatan
        # asked
        return await _place_not_known(turn, turn.draft.get("location_text") or "")
    turn.text = _place_instead(turn.text)  # "bukan gedog tp sentul"
    if _asks_instead(turn.text) or not await _names_another_place(turn):
        turn.say("common.not_a_choice")
        return PLACE_PICK
    turn.draft["offered_before"] = [place.key for place in places]
    return await location(turn)


def _said_wrong(turn: Turn) -> bool:
    """"eh salah", "salah pak": the place offered is not it."""
    fix = correction(turn.text) if turn.inbound.choice is None else None
    return fix is not None and fix.field is None and not fix.back and fix.number is None


# "bukan gedog tp sentul", "not gedog but sentul": the place after the "but" is the one meant
_NOT_THIS_BUT = re.compile(r"^\W*(?:bukan|bkn|not)\b.+?\b(?:tapi|tp|tpi|tetapi|melainkan|but)\b\W*(?P<meant>.+)$",
                           re.IGNORECASE | re.DOTALL)


# "sentul bukan gedog", "di sentul, bukan di gedog", "sentul not gedog": the place meant, then the one taken back.
_THIS_NOT_THAT = re.compile(r"^(?P<meant>.*?\w.*?)[\s,]+(?:bukan|bkn|not)\s+\w.*$", re.IGNORECASE | re.DOTALL)


def _place_instead(text: str) -> str:
    """The place meant of words that take one back: "bukan gedog tp sentul", "sentul bukan gedog"."""
    if meant := _NOT_THIS_BUT.match(text) or _THIS_NOT_THAT.match(text):
        return meant["meant"]
    return text


# Words that point at one of the places offered by the area it lies in ("yg jawa timur", "yang di kab bojonegoro").
_POINTING = frozenset({"yang", "di", "daerah", "wilayah", "provinsi", "prov", "kab", "kabupaten", "kec", "the", "one",
                       "in", "province"})


async def _yes_to_several(turn: Turn, places: tuple[Choice, ...]) -> str:
    """A yes where several places were offered: the one a station here covers is put to the resident alone ("Yang
    di Kota Blitar ya?"); otherwise which one is asked."""
    found = [place for choice in places if (place := turn.router.place(choice.key)) is not None]
    near = await turn.router.covered(turn.db, found)
    if len(near) == 1:
        turn.draft.pop("options", None)
        turn.draft["proposal"] = {"code": near[0].code}
        return PLACE_CHECK
    turn.say("place.which_one")
    return PLACE_PICK


# A kabupaten or a kota said alone, as residents tell apart two of one name; English too ("the city one").
_KINDS_SAID = {**KIND_WORDS, "city": "kota", "regency": "kabupaten"}


def _of_the_kind_said(turn: Turn, places: tuple[Choice, ...]) -> str | None:
    """The one place offered that is a kota, or a kabupaten, or else lies in one, where the answer names that kind
    and nothing else than the names all the places share ("yg kota pak", "kab blitar", "the regency")."""
    found = [(choice.key, place) for choice in places if (place := turn.router.place(choice.key)) is not None]
    shared = set.intersection(*(set(words(choice.label)) for choice in places)) if places else set()
    said = [word for word in words(turn.text) if word not in NEUTRAL | _POINTING | shared or word in _KINDS_SAID]
    kinds = {_KINDS_SAID.get(word) for word in said}
    if len(kinds) != 1 or None in kinds:
        return None
    in_one = [key for key, place in found if place.regency.kind in kinds]
    # "kabupaten" of Kota Blitar, Kab. Blitar and Desa Blitar of Kab. Banjarnegara: the kabupaten itself
    itself = [key for key, place in found if place.district is None and place.regency.kind in kinds]
    of_the_kind = itself if len(itself) == 1 else in_one
    return of_the_kind[0] if len(of_the_kind) == 1 else None


def _areas_named(turn: Turn) -> frozenset[str]:
    """The provinces, kab/kota or kecamatan the words name alone, pointing words aside."""
    named = " ".join(word for word in normalise(turn.text).split() if word not in _POINTING | NEUTRAL)
    return turn.router.places.areas_named(named) if named else frozenset()


async def place_not_found(turn: Turn) -> str:
    """Asks for the kecamatan and kabupaten/kota; after the last try the report goes on to the fallback desk."""
    turn.draft.pop("proposal", None)
    turn.draft.pop("options", None)
    tries = turn.draft["place_tries"] = turn.draft.get("place_tries", 0) + 1
    if typed := turn.draft.get("location_text"):
        turn.draft.setdefault("place_attempts", []).append(typed)
    if tries < PLACE_TRIES:
        return LOCATION
    # Every way the resident put it goes to the desk that places it by hand.
    turn.draft["location_text"] = " / ".join(dict.fromkeys(turn.draft.pop("place_attempts", [])))[:500] or None
    route = await turn.router.route(turn.db, None)
    await _keep_route(turn, route)
    turn.say("place.goes_to_desk")
    return first_missing(turn)


async def accept_place(turn: Turn, proposal: Proposal) -> None:
    """Keeps the confirmed place; a pin keeps the station nearest to it, a typed place the one covering it. A place
    read from the story keeps the spot the story told it with as the place typed, for officers to read with it."""
    turn.draft["place"] = proposal["code"]
    if (spot := turn.draft.pop("story_spot", None)) and not turn.draft.get("location_text"):
        turn.draft["location_text"] = spot
    turn.draft.pop("proposal", None)
    turn.draft.pop("options", None)
    if "station_id" in proposal:
        station = await turn.db.get(Station, proposal["station_id"])
        await _keep_route(turn, Route(station, False, "pin"))
    else:
        await _keep_route(turn, await turn.router.route(turn.db, turn.router.place(proposal["code"])))
    for key in TRYING_KEYS:
        turn.draft.pop(key, None)
    await _look_for_same_incident(turn)


async def _look_for_same_incident(turn: Turn) -> None:
    """Once the category, the story and the place are known, looks for an open report of the same incident
    that the resident may join instead of filing another."""
    draft = turn.draft
    if "category" not in draft or "description" not in draft:
        return
    found = await find_same_incident(turn.office, category=Category(draft["category"]), pin=_pin(draft),
                                     story=draft["description"], told_by=turn.contact.id,
                                     place=turn.router.place(draft["place"]))
    if found is not None:
        # The station holding it now, which a referral may have changed: where a yes sends the account.
        holding = await turn.db.get(Station, found.report.station_id) if found.report.station_id else None
        draft["same"] = {"report_id": found.report.id, "residents": found.residents,
                         "place": code_label(turn.lang, turn.router, draft["place"]).split(", ")[0],
                         "station": await station_label(turn.db, holding) if holding else None}


def ask_same_incident(turn: Turn) -> None:
    same = turn.draft["same"]
    turn.say("report.ask_same_incident", SAME_OPTIONS, residents=same["residents"], place=same["place"])


async def same_incident(turn: Turn) -> str:
    """Joins the report of the same incident on a yes, or goes on with a report of its own; asks when."""
    picked = turn.pick(SAME_OPTIONS)
    if picked is None and turn.inbound.choice is None:  # "ya sama", "iya sama pak": a yes, "same" said with it
        picked = {"yes": "yes", "no": "no"}.get(yes_or_no(" ".join(w for w in words(turn.text) if w != "sama")) or "")
    if picked is None:
        turn.say("common.not_a_choice")
        return SAME
    same = turn.draft.pop("same")
    if picked == "yes":
        turn.draft["join"], turn.draft["join_station"] = same["report_id"], same.get("station")
    return first_missing(turn)


async def _keep_route(turn: Turn, route: Route) -> None:
    turn.draft["needs_routing"] = route.needs_routing
    turn.draft["station_id"] = route.station.id if route.station else None
    turn.draft["station_label"] = await station_label(turn.db, route.station) if route.station else None


def ask_when(turn: Turn) -> None:
    """Asks when; a time the story told is shown, to be taken with a yes."""
    told = _time_in_story(turn)
    turn.say("report.ask_when", WHEN_OPTIONS, told=t(turn.lang, "report.when_told", told=told[1]) if told else "")


def _time_in_story(turn: Turn) -> tuple[str, str] | None:
    if turn.draft.get("told_time_wrong"):
        return None
    return time_told(turn.draft.get("description", ""))


# Words before a time that add nothing to it: the time said again as the right one ("eh salah, maksudnya kemarin",
# "sorry, I mean yesterday"), or a leave to take it as told said before telling it ("terserah pak, jam 8 malam").
# "eh salah ketik, kemarin sore", "bukan, kemarin sore" ("bukan kemarin" takes the day back), "maksudnya tadi pagi"
_BEFORE_A_TIME = re.compile(r"^\W*(?:(?:(?:eh|oh|maaf|sorry|ralat|keliru|wrong|salah(?:\s+(?:ketik|pilih|pencet|"
                            r"tulis|nulis|kirim))?)\W+|(?:bukan|bkn)\s*[,.!]+\W*)+"
                            r"(?:maksudnya|maksud\s+(?:saya|sy|aku)|yang\s+benar|yg\s+bener|harusnya|seharusnya|i\s+mean)?"
                            r"|(?:maksudnya|maksud\s+(?:saya|sy|aku)|yang\s+benar|yg\s+bener|harusnya|seharusnya|i\s+mean)"
                            r"|(?:terserah|bebas|sesuai)(?:\s+(?:aja|saja|deh|sih|pak|bu|mas|mbak|kak))*)\W*",
                            re.IGNORECASE)


# Words of a question about the time itself: "emang harus tau jamnya ya?", "tanggalnya harus pas?".
_HOUR_ASKED = ("jam", "berapa")
_OF_THE_TIME = frozenset({"jam", "jamnya", "waktu", "waktunya", "tanggal", "tanggalnya", "tepat", "pas", "persis",
                          "time", "exact", "exactly", "date"})


async def when(turn: Turn) -> str:
    """Stores when it happened, a choice or the resident's own words (on a yes, the time the story told; on a
    no to that, the time is asked plainly), and asks for a photo."""
    if turn.inbound.choice is None and (lead := _BEFORE_A_TIME.match(turn.text)) \
            and _names_a_time(turn.text[lead.end():]):
        turn.text = turn.text[lead.end():]
        turn.inbound = dataclasses.replace(turn.inbound, text=turn.text)
    elif turn.inbound.choice is None and (instead := _time_meant(turn.text)):
        turn.text = instead  # "bukan kemarin, tadi pagi": the time meant, not the one taken back
        turn.inbound = dataclasses.replace(turn.inbound, text=turn.text)
    told = _time_in_story(turn)
    if turn.inbound.choice is None and await _place_at_the_time_question(turn):
        # "sananwetan" after Kota Blitar, "kel rembang": where, narrowed or put right, not when; the time the story
        # told ("…semalem") is the time, not asked again
        if told:
            _take_time_told(turn, told)
            turn.say("report.time_noted", when=told[1])
        kept = turn.draft.get("location_text") if _left_unplaced(turn) else None
        _reopen(turn, LOCATION)
        if kept:  # "pokoknya deket pasar legi" went to the desk, then "sananwetan": officers read both
            turn.draft["place_attempts"], turn.draft["place_unknown"] = [kept], True
        return await location(turn)
    answer = yes_or_no(turn.text) if turn.inbound.choice is None else None
    if answer is None and turn.inbound.choice is None and as_told(turn.text):
        if not told:  # "terserah" with no time told: none is
            turn.draft["when"] = {"text": t(turn.lang, "report.when_not_said")}
            return first_missing(turn)
        answer = "yes"  # "sesuai aja", "yg tadi": the time the story told
    if told and answer == "yes":
        _take_time_told(turn, told)
        return first_missing(turn)
    if told and answer == "no":
        turn.draft["told_time_wrong"] = True
        return WHEN
    if turn.inbound.choice is None and (rest := _yes_and_when(turn.text)):
        turn.draft["when"] = {"text": rest}  # "iya, kemarin sore": the time, without the yes
        return first_missing(turn)
    if turn.inbound.choice is None and when_asked_back(turn.text):
        turn.say("report.when_asked_back")  # "kapan sih", "kapan maksudnya": what is asked, and the question again
        return WHEN
    if turn.inbound.choice is None and not_given(turn.text):
        # "lewati", "ga tau", "udh lupa" (no "sudah" of a choice): not said, rather than those words as the time;
        # put off ("ntar aja"), the time the story told stands
        if told and put_off(turn.text):
            _take_time_told(turn, told)
        else:
            turn.draft["when"] = {"text": t(turn.lang, "report.when_not_said")}
        return first_missing(turn)
    picked = turn.pick(WHEN_OPTIONS)
    if picked is not None:
        turn.draft["when"] = {"text": turn.text} if _says_more_than(turn, picked) else {"choice": picked}
        if picked == "now" and not turn.emergency_answered:
            turn.say("emergency.happening_now")
        return first_missing(turn)
    if words(turn.text) and all(CHAT_SOUND.match(w) or w in NEUTRAL for w in words(turn.text)):
        turn.say("report.when_invalid", shortest=WHEN_CHARS[0], longest=WHEN_CHARS[1])  # "hmm": no answer yet
        return WHEN
    said_in_order = words(turn.text)
    said = set(said_in_order)
    asks = "?" in turn.text and bool(said & (_NOT_TELLING | _ASKING))  # "is this going to the police directly?"
    # the hour asked ("emg hrs tau jam brp?") names none
    time_named = _names_a_time(turn.text) and not (asks and phrase_at(said_in_order, _HOUR_ASKED) is not None)
    if not time_named and asks and said & _OF_THE_TIME:  # "emang harus tau jamnya ya?"
        turn.say("report.when_question")
        return WHEN
    # "ga", "ok deh", "iya pak", "sip": a no or a yes, where the story told no time to say yes to, is no time; nor is
    # an apology ("sorry", "maaf pak")
    bare_answer = answer is not None or (bool(said) and said <= NO | NEUTRAL | _SORRY)
    if not time_named and (asks or _only_sending(turn.text) or bare_answer):  # "kirim", "ga"
        turn.say("report.when_invalid", shortest=WHEN_CHARS[0], longest=WHEN_CHARS[1])
        return WHEN
    shortest, longest = WHEN_CHARS
    if letters_and_digits(turn.text) < shortest or len(turn.text) > longest:
        turn.say("report.when_invalid", shortest=shortest, longest=longest)
        return WHEN
    if _tells_no_time(turn.text) and len(words(turn.text)) >= DETAIL_WORDS and not turn.draft.get("when_asked_again"):
        # "pelakunya 2 org pake motor vario merah": more of what happened; the time is asked once more, and what
        # comes then is the time, as typed (a time told in words no reader knows: "pas hujan deras")
        _add_to_story(turn)
        turn.draft["when_asked_again"] = True
        return WHEN
    clauses = [clause.strip() for clause in _CLAUSES.split(turn.text) if clause.strip()]
    details = [clause for clause in clauses if _tells_no_time(clause) and len(words(clause)) >= DETAIL_PART_WORDS]
    timed = [clause for clause in clauses if clause not in details]
    more = [clause for clause in timed if _story_beside_its_time(clause)]
    if more and (told := time_told(", ".join(timed))):
        # "orgnya balik lg pak, skrg dia bawa pisau ngancem sy": what happens, to the story; its time, to the time
        _add_to_story(turn, part=", ".join(clause for clause in clauses if not only_a_time(clause)))
        choice, words_told = told
        turn.draft["when"] = {"choice": choice} if choice == "now" else {"text": words_told}
    elif details and len(details) < len(clauses):  # "pelakunya 2 org, kejadiannya kemarin sore": each to its place
        _add_to_story(turn, part=", ".join(details))
        beside = [clause for clause in clauses if clause not in details]
        if all(_owns_a_slip(clause) for clause in beside):  # "eh sorry tadi salah, motornya scoopy": no time in it
            turn.draft["when_asked_again"] = True
            return WHEN
        turn.draft["when"] = {"text": ", ".join(beside)}
    else:
        turn.draft["when"] = {"text": turn.text}
    if when_named(turn.text) == "now" and not turn.emergency_answered:
        turn.say("emergency.happening_now")  # "skrg masih disitu pak": in the resident's words, and going on
    return first_missing(turn)


# Words of a clause that owns a slip of what was written before: "eh sorry tadi salah", "tadi sy keliru pak".
_WRONG_WORDS = frozenset({"salah", "keliru", "typo", "wrong", "bad"})
_OWNING_A_SLIP = FIX_OPENERS | NEUTRAL | _WRONG_WORDS | {"tadi", "saya", "aku", "ya", "my", "i", "mean", "meant"}


def _owns_a_slip(clause: str) -> bool:
    said = words(clause)
    return bool(said) and bool(_WRONG_WORDS & set(said)) and all(word in _OWNING_A_SLIP for word in said)


def _take_time_told(turn: Turn, told: tuple[str, str]) -> None:
    """The time the story told, as the answer to when: going on now as the choice, with its reminder."""
    choice, words_told = told
    turn.draft["when"] = {"choice": choice} if choice == "now" else {"text": words_told}
    if choice == "now" and not turn.emergency_answered:
        turn.say("emergency.happening_now")


async def _place_at_the_time_question(turn: Turn) -> bool:
    """Whether an answer to when names a place and no time: one inside the place taken ("sananwetan" after Kota
    Blitar), one said with a word of a place ("kel rembang"), one read without doubt ("Jakarta Selatan"), or any,
    where the place was left to the desk after its tries ("gatau pak", "pokoknya deket pasar legi", then
    "sananwetan"); not a time in words ("pas hujan deras")."""
    if _names_a_time(turn.text) or len(words(turn.text)) > _PLACE_ALONE_WORDS:
        return False
    found, confident = await turn.router.read(turn.db, turn.text)
    taken = turn.draft.get("place")
    return bool(found) and (confident or any(taken and place.code.startswith(f"{taken}.") for place in found)
                            or bool(_PLACE_MARKERS & set(normalise(turn.text).split())) or _left_unplaced(turn))


def _left_unplaced(turn: Turn) -> bool:
    """Whether the place went to the fallback desk unread, after the tries at it."""
    return bool(turn.draft.get("needs_routing")) and not turn.draft.get("place") and turn.draft.get("latitude") is None


_CLAUSES = re.compile(r"\s*(?:[,;]|(?<!\d)\.|\.(?!\d))+\s*")  # not the point of a clock: "pukul 21.00"


def _keep_later_answers(turn: Turn) -> None:
    """Takes out of a message of several clauses those that answer the photo or identity question ("iya bener, td
    pagi jam 6an, ga ada foto"), keeping them for those questions; the rest answers the question asked."""
    if turn.inbound.choice is not None:
        return
    clauses = [clause for clause in _CLAUSES.split(turn.text) if clause]
    if len(clauses) < 2:
        return
    rest = []
    for clause in clauses:
        if _no_photo_told(clause):
            turn.draft["photo_skipped"] = True
        elif not _names_a_time(clause) and (shown := IDENTITIES.pick(turn.lang, clause) or identity_wished(clause)):
            _identity_read(turn, shown)
        else:
            rest.append(clause)
    if rest and len(rest) < len(clauses):
        turn.text = ", ".join(rest)
        turn.inbound = dataclasses.replace(turn.inbound, text=turn.text)


_WITHOUT = frozenset({"tanpa", "without", "none"})


def _no_photo(text: str) -> bool:
    """Whether a message says there is no photo, and nothing of a time: "no photo", "gak ada fotonya pak"."""
    said = set(without_all_right(words(text)))
    return any(field_named(word) == PHOTO for word in said) and bool(said & (NO | _WITHOUT)) and not _names_a_time(text)


# Between a no and the photo it is about: "gk ada foto", "tdk punya bukti foto", "ga sempet moto", "no pics".
_HAVING_NONE = frozenset({"ada", "punya", "sempat", "bisa", "ambil", "yang", "bukti", "any", "a", "have", "dont", "don",
                          "t", "got"})


def _no_photo_told(clause: str) -> bool:
    """Whether a clause among others says there is no photo to send ("sy gk punya foto", "fotonya gk ada"), the no
    bound to the photo: a photo the story tells of ("ngancem mau nyebarin foto sy kalo sy gk mau balikan") is none."""
    if not _no_photo(clause):
        return False
    said = words(clause)
    for at, word in enumerate(said):
        if word in NO | _WITHOUT:
            between = list(itertools.takewhile(lambda w: w in _HAVING_NONE, said[at + 1:]))
            after = said[at + 1 + len(between):at + 2 + len(between)]
            if after and (field_named(after[0]) == PHOTO or after[0] in _TAKING_A_PHOTO):
                return True  # "gk ada foto", "tanpa foto", "ga sempet moto"
        elif field_named(word) == PHOTO:
            rest = list(itertools.dropwhile(lambda w: w in NEUTRAL, said[at + 1:]))
            if rest[:1] and rest[0] in NO and all(w in NEUTRAL | {"ada", "punya"} for w in rest[1:]):
                return True  # "fotonya gk ada pak", "foto blm ada"
    return False


_TAKING_A_PHOTO = frozenset({"moto", "motoin", "motret", "memotret", "memfoto", "fotoin"})


# A photo had, taken or sent, in the resident's words: "gak punya foto", "ga sempet moto", "I don't have one".
_HAVING_A_PHOTO = frozenset({"punya", "sempat", "moto", "motret", "memotret", "difoto", "gambar", "have", "take",
                             "took", "one", "pic", "pics", "picture", "pictures", "photos"})


_PHOTO_AFTER_ALL = re.compile(r"\b(?:foto|fotonya|fotoin|poto|potonya|potoin|memfoto|photo|photos|pic|pics|"
                              r"gambar|gambarnya)\b", re.IGNORECASE)
_NO_PHOTO_BUT = re.compile(r"^(?P<no>[^,.;]+?)(?:[,.;]\s*|\s+)(?:tapi|tp|tpi|tetapi|but)\b[\s,]*(?P<more>.+)$",
                           re.IGNORECASE | re.DOTALL)


def _no_photo_but(text: str) -> str | None:
    """What follows a no to the photo and a "but", when it tells more: "fotonya gk ada pak, tp pelakunya 2 org"."""
    said = _NO_PHOTO_BUT.match(text)
    if said is None or not _declines_photo(said["no"]) or not _tells_more(said["more"]) \
            or _PHOTO_AFTER_ALL.search(said["more"]):
        return None  # "gak ada, tapi nanti bisa sy fotoin pak": a photo after all
    return said["more"].strip()


def _declines_photo(text: str) -> bool:
    """At the photo question, a no in the resident's words ("nope", ❌, "no pics", "ga sempet moto pak", "I don't
    have one"), or a photo put off ("nanti aja fotonya"): not a question, a "but" or a time, which say more."""
    said = without_all_right(words(text))
    telling = set(said)
    # "gak ada foto gpp kan?" asks leave for having none, no question to answer ("fotonya tidak jelas, gpp?" has one)
    none_excused = len(said) < len(words(text)) and any(
        word in NO and (said[i + 1:i + 2] in (["ada"], ["punya"], ["have"]) or field_named(said[i + 1]) == PHOTO)
        for i, word in enumerate(said[:-1]))
    if _names_a_time(text) or ("?" in text and not none_excused) or telling & _PHOTO_BUT:
        return False
    if yes_or_no(text) == "no" or _no_photo(text):
        return True
    if "lupa" in telling and all(word in NEUTRAL | _HAVING_A_PHOTO | {"lupa"} or field_named(word) == PHOTO
                                 for word in said):
        return True  # "lupa", "lupa moto pak": none was taken
    photo_named = any(field_named(word) == PHOTO for word in said) or bool(telling & _HAVING_A_PHOTO)
    put_off = bool(telling & {"nanti"} and "saja" in telling) or "later" in telling  # not "nanti saya kirim"
    return photo_named and (bool(telling & (NO | _WITHOUT | {"don"})) or put_off)


# What to do now, asked after a no to the photo: "gk ada fotonya, gmn?", "fotonya gak ada, trus gimana dong",
# "no photo, what now?".
_WHAT_NOW = frozenset({"bagaimana", "terus", "lalu", "jadi", "how", "what", "now", "then", "so", "dong"})


def _no_photo_what_now(text: str) -> bool:
    said = words(text)
    rest = [word for word in said if word not in _WHAT_NOW]
    return 0 < len(rest) < len(said) and _declines_photo(" ".join(rest))


# A photo, or other evidence, promised for later or for the station ("fotonya nanti ya pak", "nanti saya kirim
# rekamannya ke kantor saja pak", "I'll bring the footage to the station"): the report goes on without it, and the
# resident is told how a photo may still be added to it once sent.
_LATER = frozenset({"nanti", "entar", "later", "besok", "tomorrow", "menyusul", "nyusul", "susul"})
_AT_THE_STATION = frozenset({"kantor", "polsek", "polres", "polisi", "station", "office"})
_SENDING = frozenset({"kirim", "dikirim", "kirimin", "send", "sent", "bawa", "dibawa", "bawain", "antar", "anter",
                      "kasih", "kasihkan", "serahkan", "tunjukkan", "tunjukin", "bring", "show", "langsung"})
_EVIDENCE = frozenset({"rekaman", "rekamannya", "video", "videonya", "cctv", "footage", "recording", "bukti",
                       "buktinya", "ss", "ssnya", "screenshot", "screenshotnya"})
_AROUND_SENDING = frozenset({"i", "will", "ll", "the", "saya", "aku", "ya", "ke", "to", "at"})


def _photo_later(text: str) -> bool:
    said = set(words(text))
    told = _LATER & said or (_AT_THE_STATION & said and (_SENDING | _EVIDENCE) & said)  # not "polisi" alone
    return bool(told) and "?" not in text and all(
        word in _LATER | _AT_THE_STATION | _SENDING | _EVIDENCE | _AROUND_SENDING | NEUTRAL
        or field_named(word) == PHOTO for word in said)


_HAVING = frozenset({"punya", "have", "do", "i", "got"})


def photo_called_off(text: str) -> bool:
    """At the photo question, calling off said of the photo ("ga jadi, ga ada foto", "never mind the photo",
    "gak jadi, fotonya blur"): the photo is declined, not the report, unless the report is named ("batalin aja
    laporannya, gk ada fotonya jg", "ga jd lapor deh, fotonya jg gk ada")."""
    said = words(text)
    return says_a_stop(text) and not set(said) & (REPORT_NOUNS | REPORT_WORDS) and not _has_a_photo(text) \
        and any(field_named(word) == PHOTO or word in _PICTURES | _HAVING_A_PHOTO for word in said)


def _has_a_photo(text: str) -> bool:
    """A yes to "is there a photo?" without the photo: "ada pak", "ok", "punya", "👍", "ada ss nya"."""
    said = words(text)
    return bool(said) and not NO & set(said) and yes_or_no(text) != "no" and all(
        word in YES | NEUTRAL | _HAVING | _PICTURES | {"layar"} or field_named(word) == PHOTO for word in said)


def _names_a_time(text: str) -> bool:
    """Whether a message has a word of a time in it: a day, a part of it, a number."""
    said = set(words(text))
    return bool(said & (TIME_WORDS | DAY_WORDS)) or when_named(text) is not None or any(w.isdecimal() for w in said)


def _says_more_than(turn: Turn, picked: str) -> bool:
    """Whether a typed time says more than the choice it names: "tadi subuh" is today, and at dawn, which
    officers are better shown in the resident's words."""
    if turn.inbound.choice is not None:
        return False
    names = {word for name in dict(WHEN_OPTIONS.answers(turn.lang))[picked] for word in name.split()}
    return any(word not in names | NEUTRAL | YES and not word.isdecimal() for word in words(turn.text))


def _when_text(turn: Turn) -> str:
    """A chosen time in the language of the moment (it may have changed since), or the resident's words."""
    when = turn.draft["when"]
    return labels(turn.lang, WHEN_OPTIONS.group)[when["choice"]] if "choice" in when else when["text"]


def _hour_it_happened(when: When, now: dt.datetime, timezone: str) -> int | None:
    """The local hour of the day it happened: now's, for "happening now"; the hour or part of the day the
    resident's words name ("tadi malam jam 11"); None for a day alone ("tadi", "kemarin")."""
    if when.get("choice") == "now":
        return now.astimezone(ZoneInfo(timezone)).hour
    return hour_before(when["text"], now.astimezone(ZoneInfo(timezone))) if "text" in when else None


def _photo_options(turn: Turn) -> Menu:
    return PHOTO_OPTIONS if turn.draft.get("photo") else PHOTO_OPTIONS.only("skip")


def ask_photo(turn: Turn) -> None:
    turn.say("report.ask_photo", _photo_options(turn))


async def photo(turn: Turn) -> str:
    """Stores the photo, or none, and asks how the resident wants to be identified. A photo's caption ("ini
    bukti transfernya pak") is added to the story, which officers read."""
    if _keep_photo(turn):
        if turn.text.strip():
            _add_to_story(turn, said=False)
        return first_missing(turn)
    if turn.photo_problem:
        return PHOTO
    if turn.inbound.choice is None and _has_a_photo(turn.text) and not _only_going_on(turn.text):
        turn.say("report.photo_send_it")  # "ada", "ok", "👍": the photo itself is what is asked for
        return PHOTO
    picked = turn.pick(_photo_options(turn))
    if picked is None and turn.inbound.choice is None and _photo_later(turn.text):
        hours = int(PHOTO_OF_A_REPORT_WITHIN.total_seconds() // 3600)
        turn.say("report.photo_later", hours=hours)  # "nanti sy kirim rekamannya ke kantor aja pak"
        picked = "skip"
    if picked is None and turn.inbound.choice is None and _no_photo_what_now(turn.text):
        turn.say("report.photo_not_needed")  # "gk ada fotonya, gmn?": they may go on without one
        picked = "skip"
    if picked is None and (_declines_photo(turn.text) or photo_called_off(turn.text) or _only_going_on(turn.text)):
        picked = "skip"
    if picked is None and turn.inbound.choice is None and (more := _no_photo_but(turn.text)):
        _add_to_story(turn, part=more)  # "fotonya gk ada pak, tp pelakunya 2 org pake motor nmax item"
        picked = "skip"
    if picked is None and turn.inbound.choice is None and _asks_how_to_send(turn.text):
        turn.say("report.photo_how")  # "gmn ngirim screenshot pak?": how, then the same question
        return PHOTO
    if picked is None and _adds_to_story(turn):
        _add_to_story(turn)
        return PHOTO
    if picked is None and (0 < len(words(turn.text)) <= AHEAD_WORDS or identity_wished(turn.text)) \
            and _identity_ahead(turn, words(turn.text)):
        return PHOTO  # "rahasia aja": kept for its question, and the photo asked again
    if picked is None and turn.inbound.choice is None and _tells_more(turn.text) \
            and not _PHOTO_AFTER_ALL.search(turn.text):
        _add_to_story(turn)  # "sy lapor buat tetangga sy bu sri, dia lg gk di rumah": for officers, not lost
        return PHOTO
    if picked is None:
        turn.say("report.photo_or_skip")
        return PHOTO
    if picked == "remove":
        turn.draft.pop("photo", None)
    turn.draft["photo_skipped"] = True
    return first_missing(turn)


# How to send a picture, asked where one is: "gmn ngirim screenshot pak?", "cara kirim foto gimana", "how do I
# send a screenshot".
_PICTURES = frozenset({"foto", "fotonya", "gambar", "gambarnya", "screenshot", "screenshotnya", "ss", "ssnya",
                       "tangkapan", "bukti", "buktinya", "photo", "picture", "image"})
_SENDING_A_PICTURE = frozenset({"kirim", "mengirim", "ngirim", "kirimnya", "upload", "unggah", "lampir", "lampirkan",
                                "send", "attach", "share"})


def _photo_worry(text: str) -> bool:
    """How to send a photo asked, or one said not to be sendable: "fotonya gimana kirimnya?", "sy gak bisa kirim
    foto"; not "gak ada foto", a photo declined."""
    said = set(words(text))
    cannot = bool(said & {"cannot", "cant", "unable"}) or (
        bool(said & NOT_WORDS) and bool(said & {"bisa", "can", "able", "could", "ngerti", "tahu", "paham"}))
    return bool(said & _PICTURES) and (_asks_how_to_send(text) or (cannot and bool(said & _SENDING_A_PICTURE))
                                       or (cannot and bool(said & HOW_WORDS)))


def _asks_how_to_send(text: str) -> bool:
    said = set(words(text))
    asked = "?" in text or bool(said & HOW_ONLY)  # "gimana" alone may tell how it went, not ask
    return asked and bool(said & HOW_WORDS) and bool(said & (_PICTURES | _SENDING_A_PICTURE)) \
        and not said & (NO | NOT_WORDS)  # "gk ada fotonya, gmn?": none to send


def _identity_read(turn: Turn, identity: str) -> None:
    _identity_taken(turn, identity)
    turn.draft["identity_read"] = True


def _identity_taken(turn: Turn, identity: str) -> None:
    """How the resident is shown, settled: the options left after one declined are asked no more."""
    turn.draft["identity"] = identity
    turn.draft.pop("identity_left", None)


def ask_identity(turn: Turn) -> None:
    left = turn.draft.get("identity_left")
    if left == [Identity.NAMED]:  # the other two declined: shown by name only if the resident says so
        turn.say("report.identity_named_left", NAMED_CONFIRM)
        return
    if left:
        names = labels(turn.lang, IDENTITIES.group)
        declined = next(key for key in names if key not in left)
        turn.say("report.identity_two_left", IDENTITIES.only(*left), declined=names[declined], first=names[left[0]],
                 second=names[left[1]])
        return
    if turn.draft.get("voice"):
        turn.say("report.voice_identifies")  # whichever they choose, officers will hear their voice
    turn.say("report.ask_identity", IDENTITIES)


def _identities_left(turn: Turn) -> Menu:
    """The identity options still offered: those the resident has not declined."""
    left = turn.draft.get("identity_left")
    return IDENTITIES.only(*left) if left and left != [Identity.NAMED] else IDENTITIES


def _identity_declined(turn: Turn) -> str | None:
    """An answer that declines one option or two and picks none ("jangan anonim", "not confidential"): the one left
    is taken, unless it is Dengan nama, which shows name and number and is confirmed first; of two, which is asked."""
    if turn.inbound.choice is not None:
        return None
    declined = IDENTITIES.declined(turn.lang, turn.text)
    left = [key for key in turn.draft.get("identity_left") or list(labels(turn.lang, IDENTITIES.group))
            if key not in declined]
    if not declined or not left:
        return None  # "gak mau semua": none left to offer, the question is asked whole
    if len(left) == 1 and left != [Identity.NAMED]:
        _identity_taken(turn, left[0])
        turn.say("report.identity_noted", identity=labels(turn.lang, IDENTITIES.group)[left[0]])
        return first_missing(turn)
    turn.draft["identity_left"] = left
    return IDENTITY


async def identity(turn: Turn) -> str:
    """Stores how the resident wants to be identified and shows the summary. A name given instead of a choice
    ("nama saya Budi Santoso") is the choice to be shown with it; the summary reads it back."""
    if turn.inbound.choice is None and _named_without_the_number(turn.text):
        turn.say("report.named_shows_number")  # "pake nama aja, tp nomor hp sy jgn dikasih"
        if number_shown(turn.inbound.urn):
            return IDENTITY  # not both, so asked again
        _identity_taken(turn, Identity.NAMED)  # what was asked for: officers see no number from this chat
        return first_missing(turn)
    if turn.draft.get("identity_left") == [Identity.NAMED] and turn.inbound.choice != Identity.NAMED:
        return _named_confirmed(turn)
    picked = turn.pick(_identities_left(turn)) if turn.inbound.choice is None else turn.pick(IDENTITIES)
    if picked is None and _adds_to_story(turn):
        _add_to_story(turn)
        return IDENTITY
    declined = IDENTITIES.declined(turn.lang, turn.text) if turn.inbound.choice is None else frozenset()
    wished = identity_wished(turn.text) if picked is None and turn.inbound.choice is None else None
    if wished is not None and wished not in declined:  # "Budi Santoso, tolong jgn disebarin nama sy": the wish
        _identity_taken(turn, wished)
        return first_missing(turn)
    given = _name_given(turn.text) if picked in (None, Identity.NAMED) else None
    if given is None and picked == Identity.NAMED and turn.contact.display_name_encrypted is None:
        given = name_said(turn.draft.get("description", ""))  # "nama saya Budi, …" in the story
    if given is not None:
        picked = Identity.NAMED
        turn.contact.display_name_encrypted = turn.cipher.encrypt(given)
    if picked is None and turn.inbound.choice is None:
        # "ga ada tambahan, rahasia aja", "salah pilih, mau anonim aja", "anonim aja kak plis 🙈"
        picked = _identity_asked(turn, _identities_left(turn))
    if picked is None and (after_declining := _identity_declined(turn)):
        return after_declining  # "gak mau anonim pak": the two left asked between
    if picked is None:
        # "bedanya apa", "whats the difference", the options in view: what each means, as when one is named; "yg mana
        # yg paling aman?": the question asked again is its answer; "ok", "siap", "👍": one is asked for
        turn.say("menu.identity_options" if identity_options_asked(turn.text, options_shown=True) else
                 "report.identity_question" if "?" in turn.text else
                 "report.identity_choose" if yes_or_no(turn.text) == "yes" or as_told(turn.text)  # "ok", "bebas"
                 else "common.not_a_choice")
        return IDENTITY
    _say_if_initials(turn, picked)
    _identity_taken(turn, picked)
    return first_missing(turn)


def _named_confirmed(turn: Turn) -> str:
    """The answer to whether to be shown by name, the two others declined: a yes takes it; a no, or another option
    named, goes back to the three; another option named is taken."""
    answer = NAMED_CONFIRM.pick(turn.lang, turn.text, turn.inbound.choice)
    other = None if turn.inbound.choice is not None else IDENTITIES.pick(turn.lang, turn.text) or identity_wished(
        turn.text)
    if other is not None and other != Identity.NAMED:  # "iya rahasia aja deh": the mind changed, whatever the yes
        _identity_taken(turn, other)
        return first_missing(turn)
    if answer == "yes" or other == Identity.NAMED:
        _identity_taken(turn, Identity.NAMED)
        return first_missing(turn)
    if answer == "no":
        turn.draft.pop("identity_left")
    else:
        turn.say("common.not_a_choice")
    return IDENTITY


_INITIALS = frozenset({"inisial", "inisialnya", "disingkat", "initials", "initial"})


def _say_if_initials(turn: Turn, identity: str) -> None:
    """"pake inisial aja": Rahasia, and what it hides said, since no initials are shown either."""
    if identity == Identity.CONFIDENTIAL and _INITIALS & set(words(turn.text)):
        turn.say("report.identity_initials")
_NAMED_WORDS = frozenset({"nama", "name", "named"})
_NUMBER_WORDS = frozenset({"nomor", "no", "nomer", "hp", "wa", "number", "telepon", "phone"})
_KEPT_BACK = frozenset({"jangan", "enggak", "tidak", "usah", "rahasiakan", "dirahasiakan", "sembunyikan",
                        "disembunyikan", "don", "dont", "hide", "hidden", "not", "without", "tanpa"})


def _named_without_the_number(text: str) -> bool:
    """Named, but the number kept back: "pake nama aja, tp nomor hp sy jgn dikasih ya", "named but hide my number"."""
    said = words(text)
    at = next((i for i, word in enumerate(said) if word in _NUMBER_WORDS), None)
    return at is not None and bool(_NAMED_WORDS & set(said[:at])) and bool(_KEPT_BACK & set(said[max(0, at - 2):])) \
        and not _CONSENTING & set(said[at:])  # not "pake nama aja, nomor gpp dikasih", "no need to hide my number"


_CONSENTING = frozenset({"boleh", "apa", "masalah", "need", "fine", "ok", "oke", "okay", "silakan", "silahkan"})


# A name said as one ("nama saya Budi", "nama: Budi", "my name is Budi"), not "saya takut" nor "I'm scared".
_NAME_SAID = re.compile(r"^(?:nama\s+(?:saya|sy|aku|ku|gue|gw)\b|namaku\b|nama\s*:|my\s+name\s+is\b|name\s*:"
                        r"|(?:(?:pakai|pake|dengan|dgn)\s+)?nama(?:\s+(?:saya|sy|aku))?(?:\s+(?:aja|saja|asli))?"
                        r"(?:\s+(?:pak|bu|mas|mbak|kak))?\s*[,:.])"  # "nama aja, Budi", "pakai nama sy aja pak, Joko"
                        r"[\s:,-]*(?:adalah\s+|is\s+)?(?P<name>.*)$", re.IGNORECASE | re.DOTALL)
_AFTER_A_NAME = frozenset({"pak", "bu", "mas", "mbak", "kak", "ya", "aja", "saja", "sir", "please"})
# Courtesies said at the name question, no name in them: "mohon maaf pak" (thanks and greetings are asides).
_COURTESIES = frozenset({"maaf", "mohon", "sorry"})
def _name_given(text: str) -> str | None:
    """The name in a message that gives one ("Named. My name is John Smith": after the choice too), or None."""
    said = _NAME_SAID.match(text.strip()) or _NAME_SAID.match(_AFTER_A_CHOICE.sub("", text.strip(), count=1))
    if said is None or "?" in text:
        return None
    # "Dengan nama, Pak. Nama saya Soedarmo": the address and the name said once more go before the name
    name = _NAME_OPENING.sub("", _ADDRESSED.sub("", said["name"].strip())).split()
    while name and normalise(name[-1]).strip(" .,!") in _AFTER_A_NAME:
        name.pop()
    given = " ".join(name).strip(" .,!")
    if _fits_as_a_name(given):
        return given
    # "nama sy Rudi Hartono, boleh dihubungi": the name, then a word of how to be shown
    first = given.split(",", 1)[0].strip()
    return first if first != given and _fits_as_a_name(first) else None


def _fits_as_a_name(given: str) -> bool:
    return bool(given) and len(given.split()) <= NAME_WORDS and not ABOUT_A_NAME & set(words(given)) \
        and _written_as_a_name(given) and NAME_CHARS[0] <= letters_and_digits(given) and len(given) <= NAME_CHARS[1]


def _written_as_a_name(given: str) -> bool:
    """Letters, with the spaces, dots, commas, hyphens and apostrophes of names ("M. Ma'ruf", "Siti, S.Pd"): no
    digits, quotes or brackets, with which a name shown to officers in quotes could pass for another number."""
    return all(char.isalpha() or char.isspace() or char in ".,-'’" for char in given)


def _for_officers(turn: Turn, text: str | None) -> str | None:
    """The story or the place typed as officers will read them: the reporter unexposed (see unexposed) unless they
    report by name (the summary shows it so)."""
    if not text or turn.draft.get("identity") == Identity.NAMED:
        return text
    return unexposed(text, lang=turn.lang, urn=turn.inbound.urn, names_in=turn.draft.get("description", ""))


def _story_for_officers(turn: Turn) -> str:
    return _for_officers(turn, turn.draft["description"]) or ""


def ask_name(turn: Turn) -> None:
    turn.say("report.ask_name")  # what officers will see with the name: as_seen_from


_AFTER_A_CHOICE = re.compile(r"^[^.,!:]*[.,!:]\s*")  # "Named. " before "My name is …"
_NOT_A_NAME = frozenset({"kirim", "send", "lewati", "skip", "ubah", "ganti", "change", "batal", "cancel", "need"})
_ADDRESSED = re.compile(r"^(?:(?:pak|bu|bapak|ibu|mas|mbak|kak|sir)\b[\s.,!]*)+", re.IGNORECASE)
# How a name is introduced: "nama saya Budi", "nama sy: Budi", "saya Budi", "my name is Budi", "I'm Budi".
_NAME_OPENING = re.compile(r"^(?:(?:nama\s+(?:saya|sy|aku|ku)|namaku|my\s+name\s+is|i\s*'?\s*a?m|saya|sy|aku)\b[\s:,-]*"
                           r"(?:adalah\s+|is\s+)?)", re.IGNORECASE)


# A name typed again as a correction: "salah, namanya pake Slamet aja", "eh maaf, cukup Slamet".
_NAME_CORRECTED = re.compile(r"^(?:(?:salah(?:\s+(?:ketik|tulis))?|maaf|eh|ralat|sorry)\b[\s,.!:-]*)*"
                             r"(?:nama(?:nya)?\s+(?:pake|pakai|jadi|cukup)\s+|(?:pake|pakai|cukup)\s+)?", re.IGNORECASE)


# What may follow a name and is no part of it: a number or a word of one ("Bambang, no hp sy 0857…", "Budi / wa
# 0812-3456-7890"; the number of a named report is the chat's own, which officers see with it), or of where one
# lives ("Pak Joko RT 3").
_AFTER_THE_NAME = re.compile(r"\b(?:no|nomor|nomer|nmr|hp|wa|whatsapp|telp|telpon|telepon|tlp|number|phone|rt|rw|"
                             r"alamat|address)\b|[+(]?\d", re.IGNORECASE)
_BEFORE_WHAT_FOLLOWS = frozenset({"saya", "dan", "and", "my", "ini", "ya"})


def _name_typed(text: str) -> str:
    """The name in a message to the name question, less the words around it: "nama saya Budi" and "salah,
    namanya pake Slamet aja" are Budi and Slamet; "Budi Santoso, 081234567890" and "Bambang, no hp sy 0857…" are
    Budi Santoso and Bambang."""
    if (after := _AFTER_THE_NAME.search(text)) and after.start() > 0:
        before = text[:after.start()]
        comma = before.rfind(",")  # "Budi, ini no sy …"; but "Siti, S.Pd, wa …" keeps its title
        given = _without_words_around(before[:comma] if comma > 0 else before)
        if not set(words(given)) <= _AFTER_A_NAME | NEUTRAL | _BEFORE_WHAT_FOLLOWS:
            return given  # not "sy pak RT 03, Slamet Riyadi", whose name is not before, asked again in letters
    return _without_words_around(text)


def _without_words_around(text: str) -> str:
    name = _NAME_OPENING.sub("", _NAME_CORRECTED.sub("", text.strip())).strip().split()
    while len(name) > 1 and normalise(name[-1]).strip(" .,!/-") in _AFTER_A_NAME | _BEFORE_WHAT_FOLLOWS:
        name.pop()
    return " ".join(name).strip(" ,/-") or text.strip()


# Where a name ends and a wish begins: a comma, a "but", or a full stop after a word ("Siti Aminah. Jgn sampe…";
# not the initial of "M. Ma'ruf").
_BEFORE_A_BUT = re.compile(r",|(?<=\w\w)\.\s|\b(?:tp|tapi|tetapi|but)\b", re.IGNORECASE)


# A wish to keep the name from someone, not from officers: "rahasiakan dari pelaku", "dirahasiakan dr tetangga",
# "jangan sampai pelaku tau", "keep it from my neighbour".
_KEPT_FROM_SOMEONE = re.compile(r"\b(?:di)?(?:rahasia\w*|sembunyi\w*)\b(?:\s+\w+){0,2}?\s+(?:dari|dr|ke|from)\s+\w"
                                r"|\b(?:jangan|jgn)\s+(?:sampai|sampe|smp)\b.*\b(?:tau|tahu)\b|\bkeep\b.*\bfrom\s+\w",
                                re.IGNORECASE)


def _name_before_a_wish(text: str) -> str | None:
    """The name typed before a wish to keep it from others, or before "rahasia" said of it, at the name question
    ("Budi Santoso, tp nama sy dirahasiakan dr pelaku ya pak"); None when the message gives none so."""
    kept_from_someone = _KEPT_FROM_SOMEONE.search(text) is not None
    if not kept_from_someone and identity_wished(text) in (None, Identity.NAMED):
        return None
    given = _name_typed(_BEFORE_A_BUT.split(text, maxsplit=1)[0])
    return given if _reads_as_a_name(given, kept_from_someone) else None


def _reads_as_a_name(given: str, kept_from_someone: bool) -> bool:
    """A name as names are written, each word capitalised ("Budi Santoso"), or in any case when the wish is to
    keep it from someone ("budi santoso, tp rahasiakan dr pelaku"): not words of the chat ("gk jadi pake nama")."""
    typed = given.split()
    said = re.findall(r"[^\W\d_]+", given.lower())  # as typed: the slang lexicon reads the "Ma" of "Ma'ruf" as "sama"
    if not typed or len(typed) > NAME_WORDS or not _written_as_a_name(given) or ABOUT_A_NAME & set(said):
        return False
    if all(word[:1].isupper() for word in typed):
        return True
    if ABOUT_A_NAME & set(words(given)):
        return False
    # in lower case, a name has a word that is no word of the language ("siti aminah"; not "nanti aja", "aduh",
    # "sy korbannya"), and no sound of the chat ("hmm", "wkwk")
    return kept_from_someone and not set(said) & (_AFTER_A_NAME | NEUTRAL | _NOT_A_NAME | {"nama", "name"}) \
        and any(not is_ordinary(word) for word in said) and not any(CHAT_SOUND.match(word) for word in said) \
        and yes_or_no(given) is None and identity_wished(given) is None


async def name(turn: Turn) -> str:
    """Stores the name officers will see on a named report, encrypted with the contact, and shows the summary."""
    said = words(turn.text)
    picked = turn.pick(IDENTITIES)
    # "gak usah deh, rahasia aja": no name, and what instead, taken below
    other_named = picked not in (None, Identity.NAMED) and picked not in IDENTITIES.declined(turn.lang, turn.text)
    # "gak usah", "ga usah pakai nama", "gk mau ah", "ga": no name after all, so how to be shown is asked again,
    # Rahasia among the choices
    if not other_named and (stopping(turn.text) == "no_need" or yes_or_no(turn.text) == "no" or (
            said[:1] in (["enggak"], ["tidak"]) and said[1:2] in (["usah"], ["perlu"], ["mau"], ["ingin"]))):
        turn.draft.pop("identity", None)
        return IDENTITY
    # "anonim aja", "gk jadi pake nama, rahasia aja deh": the mind changed, no name asked; but a name given with a
    # wish to keep it from others ("Budi Santoso, tp nama sy dirahasiakan dr pelaku ya pak") is the name, and the
    # resident is told who sees it
    changed = picked or identity_wished(turn.text)
    if picked is None and (given_first := _name_before_a_wish(turn.text)) is not None:
        turn.contact.display_name_encrypted = turn.cipher.encrypt(given_first)
        turn.say("report.name_seen_by_officers_only")
        return first_missing(turn)
    if changed is not None and changed != Identity.NAMED:
        _say_if_initials(turn, changed)
        _identity_taken(turn, changed)
        return first_missing(turn)
    # "dgn nama", "pakai nama": how to be known again; "harus nama asli ya pak?": a question. Neither is a name.
    if changed is not None or "?" in turn.text:
        turn.say("report.name_invalid", shortest=NAME_CHARS[0], longest=NAME_CHARS[1])
        return NAME
    given = _name_typed(turn.text)
    shortest, longest = NAME_CHARS
    # "kirim", "ya", "lewati": an answer to another question, sent before the name was given, is no name
    answering = yes_or_no(turn.text) is not None or bool(set(words(given)) & _NOT_A_NAME)
    if answering:
        turn.say("report.name_awaited")
        return NAME
    if letters_and_digits(given) < shortest or len(given) > longest:
        turn.say("report.name_invalid", shortest=shortest, longest=longest)
        return NAME
    if not _written_as_a_name(given):
        turn.say("report.name_letters_only")
        return NAME
    typed = set(re.findall(r"[^\W\d_]+", given.lower()))  # as typed: the slang lexicon reads "Ma" as "sama"
    if typed <= _AFTER_A_NAME | NEUTRAL | _COURTESIES or ABOUT_A_NAME & typed:  # "cukup inisial": no name in it
        turn.say("report.name_invalid", shortest=shortest, longest=longest)
        return NAME
    turn.contact.display_name_encrypted = turn.cipher.encrypt(given)
    return first_missing(turn)


def _place_text(turn: Turn, draft: Draft) -> str:
    return describe_place(turn.lang, turn.router, location_text=_for_officers(turn, draft.get("location_text")),
                          latitude=draft.get("latitude"), longitude=draft.get("longitude"), code=draft.get("place"))


def _station_it_goes_to(draft: Draft) -> str | None:
    """The station a yes sends it to: the one holding the report joined, else the one its place is routed to."""
    return (draft.get("join_station") if "join" in draft else None) or draft.get("station_label")


def ask_summary(turn: Turn) -> None:
    draft = turn.draft
    place = _place_text(turn, draft)
    description = _story_for_officers(turn)
    if len(description) > SUMMARY_DESCRIPTION_CHARS:
        description = description[:SUMMARY_DESCRIPTION_CHARS].rstrip() + "…"
    identity = labels(turn.lang, IDENTITIES.group)[draft["identity"]]
    if draft["identity"] == Identity.NAMED and turn.contact.display_name_encrypted:
        identity += f" ({turn.cipher.decrypt(turn.contact.display_name_encrypted)})"
    urgent_beyond_category = draft.get("urgent") and draft["category"] != Category.EMERGENCY
    joining = "join" in draft
    if draft.pop("identity_read", False) and draft["identity"] != Identity.NAMED:
        turn.say("report.identity_reminder")  # what the identity question would have told them
    turn.say(
        "report.summary", SUMMARY_OPTIONS,
        category=labels(turn.lang, CATEGORIES.group)[draft["category"]],
        urgent=t(turn.lang, "report.urgent_mark") if urgent_beyond_category else "",
        description=description,
        place=place,
        when=_when_text(turn),
        photo=t(turn.lang, "report.photo_yes" if draft.get("photo") else "report.photo_no"),
        identity=identity,
        station=_station_it_goes_to(draft) or t(turn.lang, "report.station_unknown"),
        unrouted=t(turn.lang, "report.summary_unrouted")
        if draft.get("needs_routing") and draft.get("place") and not joining else "",
        joining=t(turn.lang, "report.summary_joining") if joining else "",
    )


async def summary(turn: Turn) -> str:
    """Sends, changes or cancels the report. A draft that reached the summary with an answer missing (stored by
    an older version of the flow) is asked that answer first, rather than shown a summary it cannot fill."""
    if (missing := first_missing(turn)) != SUMMARY:
        return missing
    picked = turn.pick(SUMMARY_OPTIONS)
    if picked is None and turn.inbound.choice is None and (yes_or_no(turn.text) == "yes" or sends(turn.text)
                                                          or _nothing_more(turn.text)):
        picked = "send"
    if picked == "send":
        await submit(turn)
        return MENU
    if picked == "change":
        return CHANGE
    if picked == "cancel":
        turn.data.pop("draft", None)
        turn.say("report.cancelled")
        return MENU
    declined = IDENTITIES.declined(turn.lang, turn.text) if turn.inbound.choice is None else frozenset()
    if turn.inbound.choice is None and (identity := _identity_asked(turn) or identity_wished(turn.text)) is not None \
            and identity not in declined:
        _identity_taken(turn, identity)  # "eh gak usah pake nama deh": the name comes off before it is sent
        _say_changed(turn, IDENTITY)
        return first_missing(turn)
    if turn.draft["identity"] in declined and (after_declining := _identity_declined(turn)):
        return after_declining  # "eh jangan anonim deh": the two others asked between
    if picked is None and _adds_to_story(turn):
        _add_to_story(turn)  # the summary shows it again, with what was added
        return SUMMARY
    if picked is None and turn.inbound.choice is None and yes_or_no(turn.text) == "no":
        turn.say("report.summary_not_sent")  # "gak": not sent, but to be changed or called off? asked again
        return SUMMARY
    turn.say("common.not_a_choice")
    return SUMMARY


def answers_step(turn: Turn, step: str) -> bool:
    """Whether the message answers the question of `step` by one of its choices, named (not a yes or a no, which
    may answer "was it a mistake?", nor a number of the menu shown since), or sends: a report cancelled just
    before was not meant to stop."""
    if yes_or_no(turn.text) is not None or any(ch.isdigit() for ch in turn.text):  # "2", "nomor 2": the menu shown
        return False
    menu = {CATEGORY: CATEGORIES, IDENTITY: IDENTITIES, SUMMARY: SUMMARY_OPTIONS.only("send")}.get(step)
    return sends(turn.text) or (menu is not None and turn.pick(menu) is not None)


# Nothing more to add, said where the report is read back to be sent: "udah cukup", "itu aja pak", "sudah lengkap",
# "ok cukup sekian"; as the whole message, and no question ("sudah lengkap?") nor a "not" ("belum cukup", "itu salah").
_NOTHING_MORE = frozenset({("cukup",), ("sudah", "cukup"), ("itu", "saja"), ("sudah", "itu", "saja"),
                           ("sekian",), ("cukup", "sekian"), ("sudah", "sekian"), ("sekian", "saja"),
                           ("sudah", "cukup", "sekian"), ("sudah", "sekian", "saja"),
                           ("sudah", "semua"), ("sudah", "lengkap"), ("begitu", "saja"), ("segitu", "saja"),
                           ("sudah", "sesuai"), ("that", "is", "all"), ("that", "s", "all"), ("thats", "all"),
                           ("all", "good"), ("looks", "good")})
_AROUND_NOTHING_MORE = frozenset({"ok", "oke", "okay", "sip", "pak", "bu", "mas", "mbak", "kak", "bang", "min", "ya",
                                  "deh", "dong", "kok",
                                  "terima", "kasih", "thanks", "thank", "you"})


def _nothing_more(text: str) -> bool:
    said = tuple(word for word in words(text) if word not in _AROUND_NOTHING_MORE)
    return "?" not in text and said in _NOTHING_MORE


def sends(text: str) -> bool:
    """"gak ada tambahan pak kirim aja", "ok send it": sending asked in a sentence, not denied nor asked about."""
    said = words(text)
    return "?" not in text and any(word in ("kirim", "send", "submit")
                                   and not (NO | NOT_WORDS) & set(said[max(0, i - 2):i]) for i, word in enumerate(said))


_PARTS = re.compile(r"[,.;!?\n]+|\b(?:tapi|tp|but)\b", re.IGNORECASE)
_TAKEN_BACK = NOT_WORDS | {"bukan", "jangan", "no", "instead", "bahaya", "berbahaya", "takut", "dangerous", "risky"}


def _identity_asked(turn: Turn, menu: Menu = IDENTITIES) -> str | None:
    """How to be known, asked at the summary ("anonim aja", "ganti jadi anonim"): the last one named and not
    taken back ("eh gak jadi anonim, rahasia aja" is Rahasia; "rahasia aja, jangan anonim" too)."""
    wanted = None
    for part in _PARTS.split(turn.text):
        said = words(part)
        asked_for = " ".join(w for w in said if w not in CORRECTION_WORDS and w not in ("jadi", "to"))
        identity = menu.pick(turn.lang, asked_for) if asked_for else None
        if identity is not None and not _TAKEN_BACK & set(said):
            wanted = identity
    return wanted


# What the read-back puts to the resident, by the step it answers: a yes keeps it, so it is not "left" but confirmed.
_READ_FOR = {CATEGORY: ("category",), LOCATION: ("place", "places"), WHEN: ("when",)}


def _left_to_answer(turn: Turn) -> list[str]:
    """What is still to be answered before Kirim, by the fields' names (at the read-back, its yes first, not what
    it read)."""
    names = labels(turn.lang, FIELDS.group)
    read = turn.draft.get("read", {}) if turn.step == READ_BACK else {}
    left = [names[step] for step in ORDER if step in names and not _answered(turn, step)
            and not any(key in read for key in _READ_FOR.get(step, ()))]
    if read:
        left.insert(0, t(turn.lang, "report.read_to_confirm"))
    return left


def say_not_sent(turn: Turn) -> None:
    """"udh sy kirim blm?" before it is: not yet, and what is left before Kirim."""
    left = _left_to_answer(turn)
    if left:
        turn.say("report.not_sent_yet", left=", ".join(left))
    else:
        turn.say("report.not_sent_yet_summary")


def ask_change(turn: Turn) -> None:
    turn.say("report.ask_change", FIELDS)


async def change(turn: Turn) -> str:
    """Asks again the one step the resident wants to change; its answer leads back to the summary, as every
    other answer is there (or to the name, when a named report has none yet)."""
    if change_dropped(turn.text):
        turn.say("report.change_none")  # "gk jadi deh": nothing to change after all, the report stays
        return SUMMARY
    picked = turn.pick(FIELDS)
    if picked is None:
        turn.say("common.not_a_choice")
        return CHANGE
    return _reopen(turn, picked)


# "gk jadi deh", "ga usah", "never mind" where what to change is asked: nothing after all; not the report cancelled
# ("batalin aja laporannya"), which BATAL or its words do.
_CHANGE_DROPPED = frozenset({"jadi", "usah", "mind", "nevermind", "nothing"})
_NO_CHANGE_WORDS = _CHANGE_DROPPED | NO | frozenset({"deh", "dong", "aja", "saja", "sudah", "ok", "oke", "never",
                                                     "pak", "bu", "kak", "ya", "sorry", "maaf", "ternyata", "benar",
                                                     "bener", "betul"})


def change_dropped(text: str) -> bool:
    said = [word for word in words(text) if word not in NEUTRAL]
    return bool(_CHANGE_DROPPED & set(said)) and all(word in _NO_CHANGE_WORDS for word in said)


def _pin(draft: Draft, *, anonymous: bool = False) -> tuple[float, float] | None:
    """The draft's pin; kept to about 100 m for an anonymous account, since a pin is often where its sender lives."""
    latitude, longitude = draft.get("latitude"), draft.get("longitude")
    if latitude is None or longitude is None:
        return None
    return (round(latitude, ANONYMOUS_PIN_DECIMALS), round(longitude, ANONYMOUS_PIN_DECIMALS)) if anonymous \
        else (latitude, longitude)


async def submit(turn: Turn) -> None:
    """Stores the report as `received` and gives the resident its reference."""
    draft = turn.data["draft"]
    when = _when_text(turn)
    story, typed_place = _story_for_officers(turn), _for_officers(turn, draft.get("location_text"))
    happened_at_hour = _hour_it_happened(draft["when"], turn.now, timezone_for(draft.get("place") or ""))
    turn.data.pop("draft")
    anonymous = draft["identity"] == Identity.ANONYMOUS
    if anonymous:
        turn.unlinkable = True
    pin = _pin(draft, anonymous=anonymous)
    attachments = [NewAttachment(**kept) for kept in (draft.get("photo"), draft.get("voice")) if kept]
    joined = await turn.db.get(Report, draft["join"], with_for_update=True) if "join" in draft else None
    place = turn.router.place(draft["place"]) if draft.get("place") else None
    if joined is not None and joined.status in OPEN_STATUSES:
        # A witness statement keeps no region codes: where they said, with the place read where their words do not
        # name it (the spot their story told it with), else the place read from their story.
        where = said_with_place(turn.lang, turn.router, typed_place, draft.get("place"))
        residents = await join_report(turn.office, joined, contact=turn.contact,
                                      identity=Identity(draft["identity"]), statement=story,
                                      occurred_text=when, location_text=where,
                                      pin=pin, language=turn.lang, attachments=attachments,
                                      urgent=bool(draft.get("urgent")))
        unread_at = await _unread_at(turn, joined.station_id)
        if residents is None:
            turn.say("report.already_joined")
        elif anonymous:
            turn.say("report.joined_anonymous", residents=residents)
        elif unread_at is None:
            turn.say("report.joined", residents=residents)
        else:  # "the officers have been told" only where one is there to read the "+1"
            turn.say("report.joined_unread", residents=residents, station=unread_at)
        if residents is not None:  # "trus gmn pak?", "udah diproses blm?" next: of this account, not a new report
            turn.data["just_joined"] = "anonymous" if anonymous else "linked"
        if unread_at is not None:
            if residents is None or anonymous:
                turn.say("report.no_officer_yet", station=unread_at)
            turn.data["unread_at"] = unread_at
        return
    # The report joined was closed meanwhile: the account is filed as a report of its own, nothing lost.
    station_id, station_name = draft.get("station_id"), draft.get("station_label")
    if station_id is not None:  # a station with no officer enrolled yet: the one above it answers
        routed = await turn.db.get_one(Station, station_id)
        answering = await turn.router.answering_for(turn.db, routed)
        if answering is not routed:
            station_id, station_name = answering.id, await station_label(turn.db, answering)
    report, received = await create_report(
        turn.db,
        attachments=attachments,
        actor="resident",
        category=Category(draft["category"]),
        description=story,
        occurred_text=when,
        occurred_hour=happened_at_hour,
        location_text=typed_place,
        online=bool(draft.get("online")) or said_online(draft["description"]),
        withheld=withheld(Category(draft["category"]), story, voice="voice" in draft),
        latitude=pin[0] if pin else None,
        longitude=pin[1] if pin else None,
        province_code=place.province.code if place else None,
        regency_code=place.regency.code if place else None,
        district_code=place.district.code if place and place.district else None,
        village_code=place.village.code if place and place.village else None,
        station_id=station_id,
        needs_routing=bool(draft.get("needs_routing")),
        urgent=bool(draft.get("urgent")),
        identity=Identity(draft["identity"]),
        language=turn.lang,
        contact_id=None if anonymous else turn.contact.id,
        created_at=to_the_hour(turn.now) if anonymous else turn.now,
        updated_at=to_the_hour(turn.now) if anonymous else turn.now,
    )
    alerted = await alert_station(turn.office, report, received)
    station = station_name or t(turn.lang, "report.station_unknown")
    unread = station_id is not None and not alerted and not await has_officers(turn.db, station_id)
    if anonymous:
        turn.say("report.submitted_anonymous", ref=report.ref, station=station)
        if unread:
            turn.say("report.no_officer_yet", station=station)
    else:  # told as it is: reviewed, or kept until an officer of the station reads it, never both
        what_follows = t(turn.lang, "report.submitted_unread", station=station, ref=report.ref) if unread \
            else t(turn.lang, "report.submitted_reviewed", ref=report.ref)
        turn.say("report.submitted", ref=report.ref, station=station, what_follows=what_follows)
    turn.data["just_filed"] = "anonymous" if anonymous else "linked"
    if unread:
        turn.data["unread_at"] = station  # and again if asked next when the police come


async def _unread_at(turn: Turn, station_id: int | None) -> str | None:
    """The station a report joined waits at unread, no officer of it enrolled; None when one reads it."""
    if station_id is None:
        return t(turn.lang, "report.station_unknown")
    if await has_officers(turn.db, station_id):
        return None
    return await station_label(turn.db, await turn.db.get_one(Station, station_id))


STEPS: dict[str, Step] = {
    CATEGORY: Step(ask_category, category),
    DESCRIPTION: Step(ask_description, description),
    LOCATION: Step(ask_location, location),
    PLACE_CHECK: Step(ask_place_check, place_check),
    PLACE_PICK: Step(ask_place_pick, place_pick),
    READ_BACK: Step(ask_read_back, read_back),
    VOICE_CAPTION: Step(ask_voice_caption, voice_caption),
    RESUME: Step(ask_resume_draft, resume_draft),
    ANOTHER: Step(ask_another_report, another_report),
    SAME: Step(ask_same_incident, same_incident),
    WHEN: Step(ask_when, when),
    PHOTO: Step(ask_photo, photo),
    IDENTITY: Step(ask_identity, identity),
    NAME: Step(ask_name, name),
    SUMMARY: Step(ask_summary, summary),
    CHANGE: Step(ask_change, change),
}
