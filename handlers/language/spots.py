"""The spot a story tells its place with, finer than the village: a street, a gang, an RT/RW, a shop or a landmark
it was in front of ("hp sy dicopet di jl merdeka depan toko mas sinar, kel kepanjenlor kota blitar" → "jl merdeka
depan toko mas sinar"). Officers write it before the village, as a person taking the report would; the village, the
kecamatan and the town are what the region reader reads, so their names are left out of the spot."""

from __future__ import annotations

import re
from collections.abc import Iterable
from difflib import SequenceMatcher

from handlers.language.slots import DAY_WORDS, TIME_WORDS
from storage.lexicon import ROOT_WORDS, stem

# Words a spot begins with: a street or a gang, an RT/RW, where it was beside ("depan", "dkt"), and in English.
_STREETS = frozenset({"jl", "jln", "jalan", "gg", "gang", "lorong", "komplek", "kompleks", "komp", "perum",
                      "perumahan", "blok", "rt", "rw"})
_BESIDE = frozenset({"depan", "dpn", "dpan", "didepan", "dekat", "dkt", "deket", "dket", "dkat", "samping", "smping",
                     "disamping", "sebelah", "sblh", "sblah", "sbelah", "disebelah", "seberang", "sebrang", "sbrg",
                     "diseberang", "belakang", "blkg", "blakang", "blkng", "dibelakang", "pojok", "dipojok", "ujung",
                     "near", "opposite", "behind", "beside"})
# A shop or a landmark, a spot where it follows a word of where: "di toko mas sinar", "di pasar legi".
_SHOPS = frozenset({"toko", "warung", "warkop", "kedai", "depot", "alfamart", "indomaret", "alfamidi", "minimarket",
                    "pasar", "psr", "terminal", "stasiun", "halte", "masjid", "mesjid", "musholla", "mushola",
                    "gereja", "sekolah", "sd", "sdn", "smp", "smpn", "sma", "sman", "smk", "smkn", "kampus", "spbu",
                    "pom", "bank", "atm", "mall", "mal", "plaza", "ruko", "kios", "lapangan", "taman", "alun",
                    "pantai", "parkiran", "puskesmas", "rs", "rsud", "hotel", "kantor", "bengkel", "apotek",
                    "apotik", "konter", "counter", "jembatan", "perempatan", "pertigaan", "simpang", "gedung",
                    "market", "station", "school", "mosque", "beach", "shop", "store", "hospital"})
# Words of where a shop follows as the spot: not "ke" ("korbannya dibawa ke rs"), where someone went.
_WHERE = frozenset({"di", "at", "in", "on", "the", "of"}) | _BESIDE
# English names a street before its word: "merdeka street", "jalan raya road".
_STREET_AFTER = frozenset({"street", "st", "road", "rd", "avenue", "lane"})
# English names a landmark before its word as a street: "near Seminyak beach" is the beach's name, though a village's.
_NAMED_BEFORE = _STREET_AFTER | frozenset({"beach", "market", "station", "school", "mosque", "shop", "store",
                                           "hospital"})
# Level words, and the region's name after each, are the place, not the spot.
_LEVELS = frozenset({"kel", "kelurahan", "desa", "ds", "kec", "kecamatan", "kab", "kabupaten", "kota", "kodya",
                     "prov", "provinsi", "propinsi", "village", "district", "regency", "city"})
# How long, said after the spot ("gang mawar udh 2 minggu gelap", "jl kenari sejak kemarin"): the story's time.
_SINCE = frozenset({"udh", "udah", "sudah", "sdh", "dah", "sejak", "since", "already"})
# Where the spot's words end: a time, the story going on, the teller, a way of address to the officer.
_ENDS = TIME_WORDS | DAY_WORDS | frozenset({
    "td", "tdi", "tadi", "kmrn", "kmrin", "kemaren", "semalem", "smlm", "skrg", "sekarang", "barusan", "pukul",
    "pas", "waktu", "wkt", "saat", "ketika", "trus", "terus", "trs", "lalu", "kemudian", "dan", "sama", "sm", "yg",
    "yang", "sy", "saya", "aku", "gue", "gw", "ak", "kami", "dia", "pelaku", "pelakunya", "ada", "tolong", "mohon",
    "tlg", "sampai", "sampe", "karena", "krn", "soalnya", "tapi", "tp", "kejadian", "kejadiannya", "when", "while",
    "and", "then", "i", "my", "we", "he", "she", "they", "someone", "please", "but", "because", "this", "last",
    "yesterday", "today", "menit", "mnt", "sejam", "setengah", "hour", "hours", "minute", "minutes", "mins", "now",
    "earlier", *_SINCE})
# What a spot is like or what goes on there, said after it: the story going on ("… kel sananwetan sering ada
# jambret", "gang mawar rawan", "depan toko gelap bgt", "jl kenari ribut2 tetangga"), or what is broken there
# ("jl ahmad yani dpn indomaret mati udh 3hr": its lamp).
_SAID_OF_IT = frozenset({"sering", "srg", "sring", "rawan", "selalu", "slalu", "suka", "biasa", "biasanya", "kerap",
                         "sepi", "rame", "ramai", "gelap", "ribut", "berisik", "bising", "berantem", "tawuran",
                         "mabuk", "mabok", "balapan", "often", "always", "usually", "dark", "unsafe", "dangerous",
                         "noisy", "loud", "fighting", "mati", "padam", "rusak", "bocor", "macet", "berlubang",
                         "bolong", "amblas", "ambles", "banjir", "roboh", "tumbang", "putus", "broken", "flooded",
                         "dead"})
_TWICE = re.compile(r"(?<=[a-z])2$")  # "ribut2", "rame2": a word said twice, as chat writes it
# Words that make what follows them a predicate, though it could be a shop's name: "toko gelap bgt".
_VERY = (["bgt"], ["banget"], ["bngt"], ["sekali"], ["skali"], ["amat"], ["very"])
# "di-" words that say where, not what was done: "disamping", "didepan".
_WHERE_WITH_DI = frozenset({"disini", "disana", "disitu", "dirumah", "didalam", "diluar", "dijalan", "dipasar",
                            "diatas", "dibawah", "dipinggir", "diujung"}) | _BESIDE
# Level words made as "ke-…-an" ("kelurahan" of "lurah"), as a word of what befell someone is ("kemalingan"): where,
# never what goes on ("perum griya asri kelurahan tlogomas").
_LEVELS_OF_KE_AN = frozenset({"kelurahan", "kecamatan", "kedusunan"})
# Words of "about" that begin a time where a number or a time's word follows and a time's word comes within three
# ("sekitar 1 jam lalu", "around 8 pm", "kurang lebih jam 9"), and are where otherwise ("sekitar pasar", "around
# the corner", "kurang lebih 2 meter dari jalan").
_ABOUT = frozenset({"sekitar", "sktr", "kira", "kira2", "kurleb", "kurang", "about", "around", "approx",
                    "approximately", "roughly"})
_OF_A_TIME = _ENDS | frozenset({"lebih", "an", "a", "half"})
_CLOCK = frozenset({"pm", "am", "wib", "wita", "wit"})
# Words a spot does not end with: "… di jl merdeka pak", "depan toko sinar di" ("mas" may be a gold shop's).
_TRAILING = frozenset({"di", "ke", "just", "bgt", "banget", "pak", "bu", "mbak", "kak", "ya", "nya", "sekitar",
                       "daerah", "wilayah", "arah", "at", "in", "on", "the", "of", "near", "lokasi", "lokasinya",
                       "tepatnya", "sini", "situ", "sana", "here", "there"})
# Whose a thing is, after it: "hp sy", "motor saya".
_OWNERS = frozenset({"sy", "saya", "aku", "ku", "gue", "gw", "kami", "dia", "my", "our"})
_MARKERS = _STREETS | _BESIDE | _SHOPS
# The word after these is the street's, the shop's or the landmark's own name, though a region's ("jl blitar",
# "pasar gedog", "toko jambi"); a parking lot or a minimarket is named by what it is of, or by the place it is in.
# Words of when that name no market or street, even after a word naming one: "pasar tadi pagi" (where "pasar
# pagi" and "pasar minggu" may be names).
_NEVER_NAMED = frozenset({"td", "tdi", "tadi", "kmrn", "kmrin", "kemaren", "kemarin", "semalem", "semalam", "smlm",
                          "skrg", "sekarang", "barusan", "yesterday", "today", "tonight"})
_NAMING = _STREETS | _SHOPS - {"parkiran", "alfamart", "indomaret", "alfamidi", "minimarket", "atm", "spbu", "pom"} \
    | frozenset({"raya"})
_OF_THE_SPOT = _STREETS | _BESIDE | _SHOPS | _STREET_AFTER | _WHERE | _TRAILING | frozenset({"front", "next"})
_NAME_ALIKE = 0.85  # a word this like a region's name is that name misspelt ("kepanjenlr")
_MAX_WORDS = 10  # a spot is a few words: more is the story going on
_MAX_CHARS = 120
_PLAIN = re.compile(r"[^a-z0-9]")
_CLAUSE_END = re.compile(r"\s*[,;]\s*|(?<=[^\W\d_]{4})\.\s+|(?<=\d)\.\s+")  # not the point of "kel. sentul"


def spot_told(clauses: Iterable[str], names: Iterable[str]) -> str | None:
    """The spot the clauses of a story tell, as typed, less the `names` (name keys, no spaces: "kepanjenlor") of
    the regions the place was read as; None when they tell none finer than the place."""
    keys = frozenset(names)
    spots = [spot for clause in clauses if (spot := _spot_in(clause.split(), keys))]
    told = ", ".join(dict.fromkeys(spots))
    return told[:_MAX_CHARS].rstrip(" ,") or None


def street_first(spot: str) -> str:
    """The street a spot begins with, up to where it tells the spot on it more finely ("jl. sudirman dpn bank bri":
    "jl. sudirman"; "gang kelinci rt 04": "gang kelinci"); the spot as it is where nothing follows the street."""
    tokens = spot.split()
    return next((" ".join(tokens[:i]) for i in range(1, len(tokens)) if _plain(tokens[i]) in _BESIDE | {"rt", "rw"}),
                spot)


def spot_then_story(text: str) -> tuple[str, str] | None:
    """A place's answer that opens with a street's or a beside's spot and runs into what goes on there ("jl kenari
    ribut2 tetangga", "depan alfamart sering ada jambret"): the place (the spot, and the clauses after the story's:
    "jl ahmad yani dpn indomaret mati udh 3hr, kel. sentul" is at Kel. Sentul) and the story, as typed; None when
    it is no such answer. A word alone after the spot says what it is like ("depan masjid rame"), which officers
    read with it; a shop's word first is as often what happened there ("parkiran motornya ditarik paksa"): the
    story."""
    if (clause_end := _CLAUSE_END.search(text)) is not None:
        ran_on = spot_then_story(text[:clause_end.start()])
        return (f"{ran_on[0]}, {text[clause_end.end():]}", ran_on[1]) if ran_on else None
    tokens = text.split()
    plain = [_plain(token) for token in tokens]
    start = 1 if plain[:1] and plain[0] in _WHERE and not _begins(plain, 0) else 0  # "di jl kenari …"
    if start >= len(plain) or plain[start] not in _STREETS | _BESIDE or not _begins(plain, start):
        return None
    for i in range(start + 1, min(len(plain), start + _MAX_WORDS)):
        if plain[i] in _ENDS or _a_time_begins(plain, i):
            return None
        if plain[i - 1] not in _NAMING and _the_story_goes_on(plain[i]):
            return (" ".join(tokens[start:i]), " ".join(tokens[i:])) if len(tokens) - i > 1 else None
        if plain[i].endswith("nya") and plain[i + 1:i + 2] and _the_story_goes_on(plain[i + 1]):
            return " ".join(tokens[start:i]), " ".join(tokens[i:])  # "… depan masjid lampunya mati": what of it
    return None


def _plain(token: str) -> str:
    return _PLAIN.sub("", token.lower())


def _spot_in(tokens: list[str], names: frozenset[str]) -> str | None:
    plain = [_plain(token) for token in tokens]
    start = next((i for i in range(len(plain)) if _begins(plain, i)), None)
    if start is None:
        return None
    kept: list[str] = []
    i = start
    while i < len(plain) and len(kept) < _MAX_WORDS:
        word = plain[i]
        named_by = i > start and plain[i - 1] in _NAMING  # "jl blitar", "pasar gedog": a name of its own
        # a state with how long after it is said of the spot, not its name: "gang mati udh 2 minggu" (its lamp)
        said_of_it = not named_by or plain[i + 1:i + 2] in _VERY or plain[i + 1:i + 2] in ([w] for w in _SINCE)
        if i > start and ((word in _ENDS and not named_by) or word in _NEVER_NAMED or _a_time_begins(plain, i)
                          or (said_of_it and _the_story_goes_on(word))):
            break
        if i > start and plain[i + 1:i + 2] and plain[i + 1] in _OWNERS and plain[i - 1] not in _MARKERS:
            break  # "… toko mas sinar hp sy dicopet": the story goes on with what was whose; not "depan rumah sy"
        if word in _LEVELS:
            i += 1 + _name_length(plain, i + 1, names, any_word=True)
            continue
        if not named_by and (length := _name_length(plain, i, names)) and not _name_goes_on(plain, i + length, names) \
                and plain[i + length:i + length + 1] not in ([word] for word in _NAMED_BEFORE):
            i += length
            continue
        kept.append(tokens[i])
        i += 1
    while kept and _plain(kept[-1]) in _TRAILING:
        kept.pop()
    if not kept or (_plain(kept[0]) not in {"rt", "rw"} and all(
            _plain(token) in _OF_THE_SPOT - _SHOPS or _plain(token).isdigit() for token in kept[1:])):
        return None  # "depan", "di toko", "deket sini": no spot said finer than the place; "rt 3" is one
    return " ".join(kept).strip(" ,.;:")


def _name_goes_on(plain: list[str], i: int, names: frozenset[str]) -> bool:
    """Whether the word at i goes on with a name a region's name stands in: "perumahan griya bendogerit asri" is an
    estate's name, where "jl merdeka gedok" and "depan toko sinar gedog sananwetan" end with the place's."""
    if i >= len(plain):
        return False
    word = plain[i]
    return word.isalpha() and word not in _LEVELS | _ENDS | _OF_THE_SPOT | _OWNERS \
        and not _name_length(plain, i, names) and not _the_story_goes_on(word)


def _the_story_goes_on(word: str) -> bool:
    """Whether a word tells what happened or what the spot is like, not where: a deed done ("dimasukin", "dicuri"),
    what befell someone ("kemalingan"), or a word of _SAID_OF_IT."""
    if _TWICE.sub("", word) in _SAID_OF_IT:
        return True
    if word in _LEVELS_OF_KE_AN:
        return False
    base = word[:-2] if word.endswith("in") else word  # "dimasukin": spoken "-in" for "-kan"/"-i"
    done = word.startswith("di") and word not in _WHERE_WITH_DI
    befell = word.startswith("ke") and word.endswith("an")
    return (done or befell) and (root := stem(base)) != base and root in ROOT_WORDS


def _a_time_begins(plain: list[str], i: int) -> bool:
    """Whether the i-th word is an "about" of a time: "sekitar 1 jam", "around 8 pm", "about an hour ago"."""
    after = plain[i + 1:i + 4]
    return plain[i] in _ABOUT and bool(after) and (after[0].isdigit() or after[0] in _OF_A_TIME) and any(
        word in _ENDS or word in _CLOCK for word in after)


def _begins(plain: list[str], i: int) -> bool:
    """Whether a spot begins at the i-th word: a street's or a beside's word, a shop's after a word of where, or
    the name before an English street's word ("merdeka street")."""
    word, before = plain[i], plain[i - 1] if i else ""
    if word in {"rt", "rw"}:
        return (i + 1 < len(plain) and plain[i + 1].isdigit()) or word[2:].isdigit()
    if word == "jalan":  # "sy lg jalan pulang" walks; "di jalan ahmad yani" is a street
        return before in _WHERE or not i
    if word in _STREETS | _BESIDE:
        return True
    if (word == "in" and plain[i + 1:i + 3] == ["front", "of"]) or (word == "next" and plain[i + 1:i + 2] == ["to"]):
        return True
    if word in _SHOPS:
        return before in _WHERE or not i
    return i + 1 < len(plain) and plain[i + 1] in _STREET_AFTER and before in _WHERE


def _name_length(plain: list[str], i: int, names: frozenset[str], any_word: bool = False) -> int:
    """How many words from the i-th spell one of the region names, spaced as typed ("kepanjen lor"), or one word a
    letter or two off it ("kepanjenlr"); with `any_word`, one word where none does (the name after a level word,
    however spelt)."""
    for length in (3, 2, 1):
        typed = "".join(plain[i:i + length])
        if len(plain[i:i + length]) == length and typed and (
                typed in names or (length == 1 and any(SequenceMatcher(None, typed, name).ratio() >= _NAME_ALIKE
                                                      for name in names if len(name) >= 5))):
            return length
    return 1 if any_word and i < len(plain) else 0
