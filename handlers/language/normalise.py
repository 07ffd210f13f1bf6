"""Text as the readers compare it: lower case, elongations folded, emoji named, slang spelt out.

The slang and abbreviation lexicon is indoNLP's (shipped in its wheel, 4,000+ entries), with a few chat
abbreviations it lacks; stems are Sastrawi's (storage/lexicon.py), so "dianiaya", "penganiayaan" and "aniaya"
meet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache, lru_cache

from indoNLP.preprocessing import emoji_to_words
from indoNLP.preprocessing.slang_data import SLANG_DATA

from handlers.language.written import ENGLISH_WORDS_ALSO_SLANG, written_in
from storage.lexicon import JAVANESE_DAYS, JAVANESE_EARLIER, KRAMA, NGOKO, SPOKEN, stem

# What indoNLP's lexicon lacks or reads otherwise in a report: "gg" is its "enggak", but a chat line's "gg" is
# as often a gang (alley), so it is left as typed; places are read from the raw text anyway.
_MORE_SLANG = {
    "dkt": "dekat", "jln": "jalan", "jl": "jalan", "skr": "sekarang", "skg": "sekarang", "brusan": "barusan",
    "kmren": "kemarin", "smlm": "semalam", "semalem": "semalam", "tlp": "telepon", "telp": "telepon",
    "tolongin": "tolong", "sktr": "sekitar",
    # stealing as it is said ("ada yg lagi nyuri motor"); the lexicon has "nyolong" (mencolong) but not these
    "nyuri": "mencuri", "nyuriin": "mencuri", "nyolongin": "mencolong",
    "kurleb": "kurang lebih", "sejam": "satu jam",
    "thx": "thanks", "ty": "thanks", "mksih": "terima kasih", "makasi": "terima kasih", "trimakasih": "terima kasih",
    "gimana": "bagaimana", "gmna": "bagaimana", "gmana": "bagaimana", "bgmn": "bagaimana",
    "nomer": "nomor", "no": "no", "gg": "gg", "pk": "pak", "bpk": "bapak", "lp": "lapor", "lpr": "lapor",
    "sj": "saja", "ngga": "enggak", "nggak": "enggak", "kagak": "enggak", "kaga": "enggak", "gak": "enggak",
    "ga": "enggak", "engga": "enggak", "tdk": "tidak", "ndak": "enggak", "nda": "enggak", "ilang": "hilang",
    # English words the lexicon reads as Indonesian abbreviations: residents write English too.
    "in": "in", "it": "it", "to": "to", "or": "or", "do": "do", "so": "so", "week": "week", "make": "make",
    "than": "than", "see": "see", "say": "say", "add": "add", "may": "may", "am": "am",
    "ngapain": "ngapain",  # "doing what", which the lexicon reads as "mengapai" (to reach for)
    "nggeh": "nggeh",  # Javanese "yes", which the lexicon reads as "engah"
    "ono": "ono",  # Javanese "there is" ("ora ono": there is none), which the lexicon reads as "sono"
    "orgnya": "orangnya",
    "kel": "kelurahan",  # in an address, as residents write it ("kel gedog"), which the lexicon reads as "keluarga"
    "kamari": "kemarin",  # Sundanese "yesterday", as residents write it between Indonesian words ("kamari sore")
    # Betawi -in of being followed ("sy dibuntutin org"), as the lists hold it
    "dibuntutin": "dibuntuti", "buntutin": "buntuti", "ngebuntutin": "membuntuti", "dikuntitin": "dikuntit",
    # fire typed in a hurry, one letter off ("ada kbakaran di pasar", "rumah tetangga kebakarn")
    "kbakaran": "kebakaran", "kebakarn": "kebakaran", "kebakran": "kebakaran", "kbakarn": "kebakaran",
    "kebkaran": "kebakaran", "kebakara": "kebakaran",
}
# Words that are also names, spelt out only where they follow what they tell of: Javanese krama "ical" (lost: "motor
# sy ical di pasar"), not the name Ical ("Ical dipukul orang", "nama saya Ical", "mas ical"). Not in storage.lexicon's
# ordinary words, so a name typed in lower case is still read as one.
_ALSO_NAMES = {"ical": "hilang"}
_BEFORE_A_NAME = frozenset({"nama", "namanya", "namaku", "name", "si", "sama", "sm", "dengan", "dgn", "and", "dan",
                            "mas", "bang", "abang", "dek", "adek", "adik", "kak", "pak", "bu", "mbak", "mba", "om",
                            "tante", "cak", "kang", "aa", "teh", "is", "ama"})
_SLANG = {**SLANG_DATA, **KRAMA, **NGOKO, **SPOKEN, **_MORE_SLANG}

_EMOJI_WORD = re.compile(r"!([a-z_-]+)!")  # "wajah_bersungguh-sungguh" (😤): the lexicon's names hold hyphens
# A skin tone says nothing of what an emoji means: "🙏🏽" is "🙏" (the lexicon would name it "…_warna_kulit_sedang");
# nor does a sign of sex, left alone once sanitize() has dropped the joiner before it ("👮‍♂️" reaches words() as "👮♂️")
_SKIN_TONES_AND_SEXES = re.compile("[\U0001F3FB-\U0001F3FF\u2640\u2642]\uFE0F?")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_RUN = re.compile(r"(.)\1{2,}")  # three or more of one letter: "tolooong", "iyaaa"


#: A stem costs up to a few milliseconds, and a description may hold 600 words: only words that could hold one
#: of the roots asked about are stemmed, and at most MAX_STEMMED a message.
MAX_STEMMED = 40


def fold_runs(word: str) -> str:
    """"tolooong" → "tolong", "iyaaa" → "iya"; a doubled letter ("maaf", "saat") is left."""
    return _RUN.sub(r"\1", word)


def is_emoji(word: str) -> bool:
    """Whether a word of words() is an emoji named ("emoji_wajah_marah")."""
    return word.startswith("emoji_")


def words(text: str) -> list[str]:
    """The words of `text`, lower case, runs folded, emoji as their Indonesian names ("🙏" → "melipat_tangan"),
    slang spelt out ("sy" → "saya", "makasih" → "terima kasih"). Digits stay words ("110")."""
    return list(_words(text))


def without_phrase(text: str, phrase: str) -> str:
    """`text` less the words, as typed, that read as `phrase` ("td sore" for "tadi sore"), where they stand together;
    `text` as it was where they do not."""
    typed = list(re.finditer(r"\S+", text))
    wanted = phrase.split()
    read = [words(token.group()) for token in typed]
    for first in range(len(typed)):
        got: list[str] = []
        for last in range(first, len(typed)):
            got += read[last]
            if got == wanted:
                cut = f"{text[:typed[first].start()]} {text[typed[last].end():]}"
                return re.sub(r"\s+", " ", cut).strip(" ,.;")
            if got != wanted[:len(got)]:
                break
    return text


def phrase_at(said: Sequence[str], phrase: Sequence[str], start: int = 0) -> int | None:
    """Where the words of `phrase` first stand together in `said`, from `start` on; None when nowhere."""
    first, length = phrase[0], len(phrase)
    at = start
    while True:
        try:
            at = said.index(first, at)
        except ValueError:
            return None
        if length == 1 or list(said[at + 1:at + length]) == list(phrase[1:]):
            return at
        at += 1


def positions_of(said: Sequence[str], phrase: Sequence[str]) -> Iterator[int]:
    """Every place, in order, where the words of `phrase` stand together in `said`."""
    at = phrase_at(said, phrase)
    while at is not None:
        yield at
        at = phrase_at(said, phrase, at + 1)


def phrases_found(said: Sequence[str], phrases: Iterable[Sequence[str]]) -> Iterator[tuple[Sequence[str], int]]:
    """Each of `phrases` that stands in `said`, in the phrases' order, with where it first does. Readers look
    for hundreds of phrases in every message: most are passed over by their first word alone."""
    present = set(said)
    for phrase in phrases:
        if phrase[0] in present and (at := phrase_at(said, phrase)) is not None:
            yield phrase, at


def any_phrase(said: Sequence[str], phrases: Iterable[Sequence[str]]) -> bool:
    """Whether any of `phrases` stands in `said`."""
    return next(phrases_found(said, phrases), None) is not None


@cache
def phrase_words(phrase: str) -> tuple[str, ...]:
    """A phrase kept as one string ("tadi malam") as the words `phrase_at` compares."""
    return tuple(phrase.split())


@lru_cache(maxsize=64)
def _words(text: str) -> tuple[str, ...]:
    """words(), kept for the last few texts: the readers of one message each ask for its words, ten times in all."""
    text = text.casefold()
    # Every emoji holds a character past ASCII (a keycap's too): ASCII text has none, and indoNLP's pattern of
    # all emoji would cost a tenth of a millisecond to say so, several times a message.
    if not text.isascii():
        text = emoji_to_words(_SKIN_TONES_AND_SEXES.sub("", text), lang="id", delimiter=("!", "!"))
    text = _EMOJI_WORD.sub(lambda m: f" emoji_{m.group(1).replace('-', '_')} ", text)
    if "/2" in text or ",5" in text or ".5" in text:  # "1/2 jam", "1,5 jam": halves, not two numbers
        text = _AND_A_HALF.sub(r"\1 setengah", _HALF_A.sub("setengah", text))
    out: list[str] = []
    before = ""
    # "a cow", not "a cowok": asked only of a message that holds such a word
    english = not ENGLISH_WORDS_ALSO_SLANG.isdisjoint(_WORD.findall(text)) and written_in(text) == "en"
    for found in re.finditer(r"emoji_[a-z_]+|[^\W_]+", text):
        token = found.group()
        if english and token in ENGLISH_WORDS_ALSO_SLANG:
            out.append(token)
        elif token in _CLITICS and text[found.start() - 1:found.start()] in ("'", "’"):
            out.append(token)  # English "it's", "i'm": not the lexicon's "s" (si) or "m" (sama)
        elif before in _EARLIER and (part := _part_of_day_after(before, token)):  # "wau dalu": "tadi malam"
            out[-1:] = [_EARLIER[before], part]
        elif token == _DAY and (before in _COUNTS or before.isdecimal()):  # "rong dino", "3 dino": days
            out.append(_DAY_READ)
        elif (counted := _COUNTED_SPAN.match(token)) and _a_span(*counted.groups()):  # "3hr", "2mg": 3 hari, 2 minggu
            out.extend((counted[1], _TIME_UNITS[counted[2]]))
        elif before.isdecimal() and _a_span(before, token):  # "2 mg": weeks, not "moga" (semoga)
            out.append(_TIME_UNITS[token])
        elif token in _ALSO_NAMES:
            named = not out or before in _BEFORE_A_NAME or out[-2:-1] == ["nama"]  # "nama saya Ical"
            out.append(token if named else _ALSO_NAMES[token])
        else:
            out.extend(spelt_out(token))
        before = token
    return tuple(out)


_CLITICS = frozenset({"s", "m", "re", "ll", "ve", "d", "t"})
# Spans of time counted as chat writes them, glued to the count or not: "udh 3hr", "udh 2mg", "5bln lalu", "2thn".
_TIME_UNITS = {"mnt": "menit", "hr": "hari", "mg": "minggu", "mgg": "minggu", "bln": "bulan", "thn": "tahun",
          "jam": "jam", "menit": "menit", "hari": "hari", "minggu": "minggu", "bulan": "bulan", "tahun": "tahun"}
_COUNTED_SPAN = re.compile(rf"^(\d{{1,3}})({'|'.join(_TIME_UNITS)})$")
_MOST_WEEKS = 52  # "500mg" is a dose, not weeks


def _a_span(count: str, unit: str) -> bool:
    return unit in _TIME_UNITS and (_TIME_UNITS[unit] != "minggu" or int(count) <= _MOST_WEEKS)
_EARLIER, _JAVANESE_PARTS_OF_DAY, (_KRAMA_EARLIER, _PARTS_OF_DAY) = JAVANESE_EARLIER


def _part_of_day_after(earlier: str, token: str) -> str | None:
    """The part of the day `token` names after a Javanese word of earlier ("mau", "wau", "wingi"), or None."""
    if earlier == _KRAMA_EARLIER and token in _PARTS_OF_DAY:
        return token
    return _JAVANESE_PARTS_OF_DAY.get(token)
_COUNTS, _DAY, _DAY_READ = JAVANESE_DAYS
_SPANS = r"(?=\s*(?:jam|hari|minggu|bulan|tahun|menit|hours?|days?|weeks?|months?|years?|minutes?)\b)"
_HALF_A = re.compile(r"(?<![\d/])1/2" + _SPANS)
_AND_A_HALF = re.compile(r"\b(\d+)[.,]5" + _SPANS)


# A word written twice as the word and a 2, as chat writes Indonesian's doubled words: "anak2" (anak-anak),
# "obat2an" (obat-obatan), "lempar2nya".
_DOUBLED = re.compile(r"([a-z]{3,})2([a-z]{0,3})")


def spelt_out(token: str) -> list[str]:
    """One lower-case token as the slang lexicon spells it out: "gak" → ["enggak"], "makasih" → ["terima", "kasih"];
    a doubled word's 2 written out ("obat2an" → ["obat", "obatan"])."""
    word = fold_runs(token)
    spelt = _SLANG.get(word) or _SLANG.get(token)
    if spelt is None and len(word) > 6 and word.endswith("nya") and " " not in (base := _SLANG.get(word[:-3], " ")):
        spelt = f"{base}nya"  # "ilangnya" as "hilangnya", which the lexicon lists without its -nya
    if spelt is None and (doubled := _DOUBLED.fullmatch(word)):
        spelt = f"{doubled[1]} {doubled[1]}{doubled[2]}"
    return (spelt or word).replace("-", " ").split()


def normalise(text: str) -> str:
    """words() joined by single spaces: the form whole phrases are matched in."""
    return " ".join(words(text))


@lru_cache(maxsize=64)
def _core_pattern(roots: frozenset[str]) -> re.Pattern[str]:
    """A pattern of the roots less their first letter, once per set of roots: the readers ask with the same few
    sets. It finds one in a word as `any(core in word …)` would, in one pass."""
    cores = sorted({root[1:] for root in roots if len(root) > 3})
    return re.compile("|".join(map(re.escape, cores)) if cores else "(?!)")


def stems_of(said: Iterable[str], roots: Iterable[str]) -> list[str]:
    """The words, each stemmed when it could be an affixed form of one of `roots` (it holds the root, less the
    first letter that "menusuk" or "memukul" drop); at most MAX_STEMMED words are stemmed."""
    cores = _core_pattern(frozenset(roots))
    out, tried = [], 0
    for word in said:
        if tried < MAX_STEMMED and cores.search(word):
            tried += 1
            out.append(stem(word))
        else:
            out.append(word)
    return out
