"""How well Lapor reads what residents write, measured on the corpus beside this file.

`make eval` prints accuracy per class, the category confusion and the messages a scripted informal resident
needs per report; tests/test_corpus.py holds the floors. Each `*.jsonl` line is one message as a resident
would write it, with what it should be read as (see README, "Adding a case to the corpus").
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from bot.channels.base import Inbound
from handlers.engine import Engine
from handlers.i18n import catalogue, labels
from handlers.language.alike import LIKE_AT, alike, likeness
from handlers.language.answers import yes_or_no
from handlers.language.emergency import is_cry_for_help
from handlers.language.intents import (
    aside,
    category_named,
    follow_up_asked,
    menu_intent,
    questions_asked,
    stopping,
    weary_of_questions,
)
from handlers.language.self_told import names_told
from handlers.language.slots import not_given, time_told, when_named, without_where_one_is
from handlers.report_flow import IDENTITIES
from handlers.witnesses import place_names_of
from storage.contacts import current_step
from storage.models import Report
from storage.regions import RegionIndex, is_confident
from tests.corpus.bursts import INCIDENTS, burst

CORPUS = Path(__file__).parent
MAX_MESSAGES = 15  # a scripted report that has not finished by then is counted as this many, and failed

# How a scripted resident answers each question, informally.
INFORMAL = {
    "category": {"security": "kriminal pak", "unsafe_place": "daerah rawan", "traffic": "lalin",
                 "social": "konflik warga", "drugs": "narkoba", "other": "lainnya", "emergency": "darurat"},
    "when": {"now": "lagi terjadi", "today": "tadi", "earlier": "kemarin", None: "tadi"},
    "read_back_yes": "iya bener pak", "read_back_no": "bukan", "place_yes": "iyaa betul", "place_none": "ga ada",
    "photo": "ga ada fotonya", "identity": "rahasia aja", "summary": "kirim",
    "same_incident": "bukan, kejadian lain",  # every story of the corpus is an incident of its own
}
BURST_RESIDENTS = 20
BURST_SEEDS = range(5)


def load(name: str) -> list[dict[str, Any]]:
    with (CORPUS / f"{name}.jsonl").open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@dataclass
class Score:
    right: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, ok: bool, what: str) -> None:
        self.total += 1
        self.right += ok
        if not ok:
            self.misses.append(what)

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 1.0


def _reader_score(name: str, read: Callable[[str], Any], key: str = "expect") -> Score:
    score = Score()
    for case in load(name):
        got = read(case["text"])
        score.add(got == case[key], f"{case['text']!r}: read {got!r}, expected {case[key]!r}")
    return score


def yes_no() -> Score:
    return _reader_score("yes_no", yes_or_no)


def menu() -> Score:
    return _reader_score("menu", menu_intent)


def asides() -> tuple[Score, Score]:
    """(asides in the middle of a report read as such, answers left to their step): a thank-you, a greeting,
    "what now" or the police number is answered and the question asked again; anything more is the answer. A list
    expected is the questions a message asks one after another, each answered ([] where it asks at most one)."""
    heard, left = Score(), Score()
    for case in load("asides"):
        got = questions_asked(case["text"]) if isinstance(case["expect"], list) else aside(case["text"])
        (heard if case["expect"] else left).add(got == case["expect"],
                                                f"{case['text']!r}: read {got!r}, expected {case['expect']!r}")
    return heard, left


def follow_ups() -> tuple[Score, Score]:
    """(whether a report shown one way can be followed, read with the way it names; questions and answers that are
    none of it, left): a way misread tells the resident they will hear back where they will not."""
    heard, left = Score(), Score()
    for case in load("follow_ups"):
        got = follow_up_asked(case["text"])
        (heard if case["expect"] else left).add(got == case["expect"],
                                                f"{case['text']!r}: read {got!r}, expected {case['expect']!r}")
    return heard, left


def weary() -> tuple[Score, Score]:
    """(weariness of the questions heard; a time long ago, a story or a question of how long, left to the step)."""
    heard, left = Score(), Score()
    for case in load("weary"):
        got = weary_of_questions(case["text"])
        (heard if case["weary"] else left).add(got == case["weary"], f"{case['text']!r}: weary={got}")
    return heard, left


def declines() -> Score:
    """The identity options an answer declines ("jangan anonim": Anonim; "rahasia aja": none)."""
    score = Score()
    for case in load("declines"):
        got = sorted(IDENTITIES.declined("id", case["text"]))
        score.add(got == case["declined"], f"{case['text']!r}: read {got!r}, expected {case['declined']!r}")
    return score


def times() -> Score:
    """The moment a message names, and in what words officers read it; at the place question ("at_the_place"),
    without where the resident says they are; as the answer to "when?", whether it says the time is not known
    ("not_given": "gatau y", "lupa bro"), so that no slang is shown as the time."""
    score = Score()
    for case in load("times"):
        text = without_where_one_is(case["text"]) if case.get("at_the_place") else case["text"]
        got, told = when_named(text), time_told(text)
        ok = got == case["expect"] and ("told" not in case or (told is not None and told[1] == case["told"])) \
            and ("not_given" not in case or not_given(text) == case["not_given"])
        score.add(ok, f"{case['text']!r}: read {got!r} {told!r}, expected {case['expect']!r} {case.get('told')!r}"
                      f"{' not given' if case.get('not_given') else ''}")
    return score


def own_names() -> tuple[Score, Score]:
    """(stories that give the reporter's own name, each name found to hide; stories that name only others, nothing
    found): a name missed reaches officers of a report kept unnamed, another's taken is evidence lost."""
    hidden, kept = Score(), Score()
    for case in load("own_names"):
        got = names_told(case["text"])
        (hidden if case["names"] else kept).add(got == case["names"],
                                                f"{case['text']!r}: read {got!r}, expected {case['names']!r}")
    return hidden, kept


def stops() -> tuple[Score, Score]:
    """(not going on read as such, "cancel" or only "no_need", answers that hold those words left to their step)."""
    heard, left = Score(), Score()
    for case in load("stops"):
        got = stopping(case["text"])
        (heard if case["expect"] else left).add(got == case["expect"],
                                                f"{case['text']!r}: read {got!r}, expected {case['expect']!r}")
    return heard, left


def categories() -> tuple[Score, Counter[tuple[str, str | None]]]:
    confusion: Counter[tuple[str | None, str | None]] = Counter()
    score = Score()
    for case in load("categories"):
        got = category_named(case["text"])
        confusion[(case["expect"], got)] += 1
        score.add(got == case["expect"], f"{case['text']!r}: read {got!r}, expected {case['expect']!r}")
    return score, confusion


def cries() -> tuple[Score, Score]:
    """(cries for help answered, calm look-alikes left calm)."""
    caught, calm = Score(), Score()
    for case in load("cries"):
        said = is_cry_for_help(case["text"])
        (caught if case["cry"] else calm).add(said == case["cry"], f"{case['text']!r}: cry={said}")
    return caught, calm


@cache
def _regions() -> RegionIndex:
    return RegionIndex.load()


def places(index: RegionIndex | None = None) -> tuple[Score, Score]:
    """(top-1 readings right, confident readings right: a miss there is a place proposed with confidence
    that is not the one meant, or one taken where the line says several places share the name ("asked"))."""
    index = index or _regions()
    top, confident = Score(), Score()
    for case in load("places"):
        found = index.resolve(case["text"], limit=3)
        got = found[0].code if found else None
        top.add(got == case["code"], f"{case['text']!r}: read {got}, expected {case['code']}")
        if is_confident(found):
            asked = f" among others ({found[1].code if found[1:] else None})" if case.get("asked") else ""
            confident.add(got == case["code"] and not asked,
                          f"{case['text']!r}: confidently {got}, expected {case['code']}{asked}")
    return top, confident


GEDOG = "35.72.03.1001"  # Kel. Gedog, Kec. Sananwetan, Kota Blitar


@cache
def _gedog_names() -> frozenset[str]:
    """The names of the kelurahan the corpus's and the bursts' incidents happen in, which count for nothing."""
    return place_names_of(_regions().candidate_for(GEDOG))


def same_incident() -> tuple[Score, Score]:
    """(stories of one incident found alike, stories of two incidents in one kelurahan told apart)."""
    found, apart = Score(), Score()
    for case in load("same_incident"):
        said = alike(case["report"], case["story"], _gedog_names())
        (found if case["same"] else apart).add(said == case["same"],
                                               f"{case['report']!r} / {case['story']!r}: alike={said}")
    return found, apart


def burst_alerts() -> list[int]:
    """For each generated burst (one incident, BURST_RESIDENTS residents in their own words, each saying yes
    when asked), how many reports, and so alerts, it makes: an account joins the report whose story or
    witness statement is most alike, as the report flow does, or opens its own."""
    made = []
    for incident, seed in itertools.product(INCIDENTS, BURST_SEEDS):
        reports: list[list[str]] = []
        for story in burst(incident, BURST_RESIDENTS, seed):
            scored = [(max(likeness(story, said, _gedog_names()) for said in told), told) for told in reports]
            best = max(scored, key=lambda pair: pair[0], default=None)
            if best is not None and best[0] >= LIKE_AT:
                best[1].append(story)
            else:
                reports.append([story])
        made.append(len(reports))
    return made


@dataclass
class Scripted:
    text: str
    kind: str  # what the story names besides what happened: "what, where, when", "what, where", ...
    messages: int
    filed: bool
    category_right: bool
    place_right: bool


def kind_of(case: dict[str, Any]) -> str:
    return ", ".join(["what", *(name for name, key in (("where", "code"), ("when", "when")) if key in case)])


def _place_words(index: RegionIndex, code: str) -> str:
    """The place as a resident would type it when asked: the names of the chain, village first, no prefixes."""
    chain = index.candidate_for(code)
    assert chain is not None, code
    return " ".join(r.name.lower() for r in (chain.village, chain.district, chain.regency) if r is not None)


@cache
def _key_patterns(lang: str = "id") -> dict[str, str]:
    return {key: re.sub(r"\\\{\w+\\\}", ".*", re.escape(text)) for key, text in catalogue(lang).items()
            if isinstance(text, str)}


# The read-back's place line in each language (the catalogue's report.read_back), and the switch that says Lapor
# answers in English from here: a story written in English is answered in English.
PLACE_LINE = {"id": "Lokasi: ", "en": "Place: "}


async def script_story(engine: Engine, case: dict[str, Any], urn: str) -> Scripted:
    """Files one story the way an informal resident would, answering only what is asked."""
    index = engine.router.places
    counter = itertools.count()
    said = case["text"]
    messages = 0
    filed = False
    replies: list[str] = []
    lang = "id"
    while messages < MAX_MESSAGES:
        messages += 1
        out = await engine.handle(Inbound(urn=urn, provider_message_id=f"{urn}-{next(counter)}", text=said))
        replies = [reply.text for reply in out]
        if catalogue("en")["language.changed"] in replies:
            lang = "en"
        async with engine.sessions() as db:
            step = await current_step(db, engine.cipher, urn)
        if any(text.startswith("✅") for text in replies):
            filed = True
            break
        said = _answer(step, case, out, index, lang)
    report = await _last_report(engine)
    category_right = filed and report is not None and report.category.value == case["category"]
    code = case.get("code")
    place_right = filed and report is not None and (
        code is None or code in (report.village_code, report.district_code, report.regency_code))
    return Scripted(case["text"], kind_of(case), messages, filed, category_right, place_right)


def _answer(step: str | None, case: dict[str, Any], out: list[Any], index: RegionIndex, lang: str) -> str:
    """The informal answer to the question at `step`, whatever the language of the question."""
    if step == "read_back":
        if not _read_back_right(out, case, index, lang):
            return INFORMAL["read_back_no"]
        asks_when = any(choice.key == "today" for reply in out for choice in reply.choices)
        return f"{INFORMAL['read_back_yes']}, {INFORMAL['when'][case.get('when')]}" if asks_when \
            else INFORMAL["read_back_yes"]
    if step == "category":
        return INFORMAL["category"][case["category"]]
    if step == "location":
        return _place_words(index, case["code"]) if case.get("code") else "tidak tahu nama desanya"
    if step == "place_check":
        return INFORMAL["place_yes"] if _proposes(out, case, index, lang) else "bukan"
    if step == "place_pick":
        for reply in out:
            for number, choice in enumerate(reply.choices, 1):
                if case.get("code") and choice.key == case["code"]:
                    return str(number)
        return INFORMAL["place_none"]
    if step == "when":
        return INFORMAL["when"][case.get("when")]
    if step in ("photo", "identity", "summary", "same_incident"):
        return INFORMAL[step]
    return case["text"]


def _proposes(out: list[Any], case: dict[str, Any], index: RegionIndex, lang: str) -> bool:
    from handlers.routing import place_label
    chain = index.candidate_for(case["code"]) if case.get("code") else None
    return chain is not None and any(place_label(lang, chain) in reply.text for reply in out)


def _read_back_right(out: list[Any], case: dict[str, Any], index: RegionIndex, lang: str) -> bool:
    """Whether what Lapor read from the story, as shown, is what the story says (missing parts are fine)."""
    from handlers.routing import place_label
    text = "\n".join(reply.text for reply in out)
    category_ok = labels(lang, "category")[case["category"]] in text
    chain = index.candidate_for(case["code"]) if case.get("code") else None
    place_line = next((line for line in text.splitlines() if line.startswith(PLACE_LINE[lang])), "")
    shared = chain is not None and any(re.fullmatch(_key_patterns(lang)[key], place_line.removeprefix(PLACE_LINE[lang]))
                                       for key in ("report.read_place_shared", "report.read_place_which")) and \
        (chain.village or chain.district or chain.regency).name in place_line  # asked which after the yes
    place_ok = (catalogue(lang)["report.read_missing"] in place_line or shared
                or (chain is not None and place_label(lang, chain) in place_line))
    return category_ok and place_ok


async def _last_report(engine: Engine) -> Report | None:
    from sqlalchemy import select
    async with engine.sessions() as db:
        return (await db.execute(select(Report).order_by(Report.id.desc()).limit(1))).scalar_one_or_none()


async def script_stories(engine: Engine) -> list[Scripted]:
    return [await script_story(engine, case, f"console:eval-{i}") for i, case in enumerate(load("stories"))]


def _line(name: str, score: Score) -> str:
    return f"{name:<32} {score.right:>4}/{score.total:<4} {100 * score.accuracy:6.1f}%"


async def _scripted_on_a_fresh_database() -> list[Scripted]:
    from bot.channels.console import ConsoleChannel
    from handlers.routing import Router
    from storage import db as database
    from storage.crypto import ContactCipher
    from storage.media import MediaStore
    from storage.stations import seed_if_empty

    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite+aiosqlite:///{folder}/eval.db"
        await asyncio.to_thread(database.upgrade, url)
        db_engine = database.create_engine(url)
        async with database.session_factory(db_engine)() as db, db.begin():
            await seed_if_empty(db, _regions())
        engine = Engine(database.session_factory(db_engine), ContactCipher("evaluation-only-key"),
                        MediaStore(Path(folder) / "media"), Router(_regions(), "PUSAT", 10.0),
                        media_fetchers={"console": ConsoleChannel.fetch_media})
        try:
            return await script_stories(engine)
        finally:
            await db_engine.dispose()


def main() -> int:
    caught, calm = cries()
    category, confusion = categories()
    top, confident = places()
    heard, left = asides()
    print(_line("yes/no", yes_no()))
    print(_line("menu intents", menu()))
    print(_line("asides in a report", heard))
    print(_line("answers left to their step", left))
    stopped, answered = stops()
    print(_line("not going on, understood", stopped))
    print(_line("answers not taken for a cancel", answered))
    print(_line("categories", category))
    print(_line("identity options declined", declines()))
    followed, not_followed = follow_ups()
    print(_line("follow-up by the way shown", followed))
    print(_line("no follow-up question, left", not_followed))
    wearied, not_weary = weary()
    print(_line("weary of the questions", wearied))
    print(_line("no weariness, left", not_weary))
    own, others = own_names()
    print(_line("own names found to hide", own))
    print(_line("others' names left as evidence", others))
    print(_line("times, and since when", times()))
    print(_line("cries for help answered", caught))
    print(_line("calm look-alikes left calm", calm))
    print(_line("places, top-1", top))
    print(_line("places, confident and right", confident))
    found, apart = same_incident()
    print(_line("same incident, found alike", found))
    print(_line("other incidents, told apart", apart))
    bursts = burst_alerts()
    print(f"bursts of {BURST_RESIDENTS} residents, one incident: {len(bursts)} generated, alerts per burst "
          f"{min(bursts)} to {max(bursts)} (mean {sum(bursts) / len(bursts):.1f})")
    print("\ncategory confusion (expected → read: count)")
    for (expected, got), count in sorted(confusion.items(), key=lambda item: (str(item[0][0]), str(item[0][1]))):
        print(f"  {expected!s:<14} → {got!s:<14} {count}")  # None: a message of no kind
    scripted = asyncio.run(_scripted_on_a_fresh_database())
    filed = [s for s in scripted if s.filed]
    print(f"\none-message reports, scripted informal resident: {len(filed)}/{len(scripted)} filed, "
          f"category right {sum(s.category_right for s in scripted)}, "
          f"place right {sum(s.place_right for s in scripted)}")
    for kind in sorted({s.kind for s in scripted}, key=len, reverse=True):
        counts = [s.messages for s in scripted if s.kind == kind]
        print(f"  {kind:<18} {len(counts):>3} stories, {sum(counts) / len(counts):.2f} messages on average, "
              f"at most {max(counts)}")
    misses = [m for s in (yes_no(), menu(), heard, left, stopped, answered, category, declines(), followed,
                          not_followed, wearied, not_weary, own, others, times(), caught, calm, top, confident, found,
                          apart)
              for m in s.misses]
    if misses:
        print("\nmisread:")
        print("\n".join(f"  {m}" for m in misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
