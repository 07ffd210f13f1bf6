"""Ordinary Indonesian words and their roots, from the lexicons two installed packages ship: Sastrawi's
dictionary of root words (30,000) and stemmer, and indoNLP's chat slang (4,000).

The readers of handlers/language/ compare words by their roots ("dianiaya", "penganiayaan" and "aniaya" meet);
the region reader takes a place name that is also an ordinary word ("pintu", "aman", "pejalan") for little
evidence of a place.
"""

from __future__ import annotations

import re
from functools import lru_cache

from indoNLP.preprocessing.slang_data import SLANG_DATA
from Sastrawi.Stemmer.Stemmer import Stemmer
from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

ROOT_WORDS = frozenset(word for word in StemmerFactory().get_words() if word.strip())
# Polite (krama) Javanese words residents write between Indonesian ones ("pak kulo badhe lapor", "wingi sonten
# motor kulo dipun colong"), with the Indonesian they are read as: no package lists them, and some name places
# elsewhere (Kec. Kulo, Sidenreng Rappang). Not those that are also Indonesian words or common names ("teng",
# "griya"; Ajeng, Sugeng, Ical, Niki).
KRAMA = {
    "kulo": "saya", "kula": "saya", "badhe": "mau", "wingi": "kemarin", "sonten": "sore", "enjing": "pagi",
    "ndalu": "malam", "dalu": "malam", "ngajeng": "depan", "nggih": "iya", "mboten": "tidak", "sampun": "sudah",
    "dereng": "belum",
    "wonten": "ada", "tiyang": "orang", "sakniki": "sekarang", "sakmenika": "sekarang", "samenika": "sekarang",
    "sakpunika": "sekarang", "sapunika": "sekarang", "mriki": "sini", "panjenengan": "anda", "dipun": "di",
    "kemawon": "saja", "leres": "benar",
}
# Everyday (ngoko) Javanese, as residents of East and Central Java write it in a hurry ("ono wong digebuki nang
# gedog saiki", "omahku dilebokki maling"): read as its Indonesian. "nang", "montor" and "iso" name villages
# elsewhere, which being ordinary words here counts for little.
NGOKO = {
    "saiki": "sekarang", "omah": "rumah", "wong": "orang", "nang": "di", "digebuki": "dipukuli",
    "digebugi": "dipukuli", "diantemi": "dipukuli", "mlebu": "masuk", "dilebokki": "dimasuki",
    "dilebokke": "dimasuki", "bengi": "malam", "esuk": "pagi", "cedhak": "dekat", "mburi": "belakang",
    "dalan": "jalan", "montor": "motor", "kobongan": "kebakaran", "dijupuk": "diambil", "ora": "tidak", "iyo": "iya",
    "isih": "masih", "njero": "dalam", "malinge": "malingnya", "kobong": "terbakar", "geni": "api",
    "gedhe": "besar", "tenggelem": "tenggelam", "kecemplung": "tercebur", "nglangi": "berenang", "obah": "bergerak",
    "korbane": "korbannya", "omahe": "rumahnya", "tanggaku": "tetangga saya", "iso": "bisa",
    "digowo": "dibawa", "lungo": "pergi", "kepungkur": "lalu", "rong": "dua", "telung": "tiga",
    "maeng": "tadi", "bojo": "pasangan", "bojoku": "pasangan saya", "nggebuki": "mukulin", "ngantemi": "mukulin",
    "ndelik": "sembunyi", "nggowo": "bawa", "ngoyak": "ngejar", "tonggo": "tetangga", "tonggoku": "tetangga saya",
    "durung": "belum", "mulih": "pulang", "iku": "itu", "mendem": "mabuk",
}
# Everyday Sundanese, as residents of West Java write it between Indonesian words ("tulungan pak aya maling di imah
# ayeuna"): ordinary words, though "imah" is a letter from Desa Ima and "aya" names villages elsewhere.
SUNDANESE = frozenset({"imah", "aya", "ayeuna", "abdi", "urang", "teu", "henteu", "muhun", "punten", "nuhun", "hatur",
                       "naon", "kumaha", "bapa", "akang", "teteh", "tadi", "kamari", "peuting", "enjing", "beurang"})
# A plea, in Indonesian, Javanese or Sundanese, that opens a cry ("tulungan pak aya maling"): an ordinary word, no
# Kec. Tulangan misspelt unless its kab/kota stands beside it ("tulungan sidoarjo").
PLEAS = frozenset({"tolong", "tlg", "tolongin", "tulungan", "tulungin", "help"})  # "tulung" is Kec. Tulung too
# Javanese "tadi" and "kemarin" before a part of the day, ngoko and krama: "mau bengi jam 1", "wau dalu", "wingi
# sonten", "wingi awan". In Indonesian "mau" is "want" and in chat "wau" is "wow", so they are read so only before
# these Javanese words of the day ("udah mau siang" is nearly noon); krama "wau" also before the Indonesian ones
# ("wau siang"). "awan" is "siang" only there (in Indonesian, a cloud).
JAVANESE_EARLIER = (
    {"mau": "tadi", "wau": "tadi", "wingi": "kemarin"},
    {"bengi": "malam", "esuk": "pagi", "awan": "siang", "enjing": "pagi", "sonten": "sore", "dalu": "malam",
     "ndalu": "malam"},
    ("wau", frozenset({"pagi", "siang", "sore", "malam"})),
)
# Javanese "dino" (day) only after a count ("rong dino kepungkur"): alone it is also a name (Dino).
JAVANESE_DAYS = ({"rong", "telung", "sak", "siji", "loro", "telu", "papat", "limang", "pitung", "dua", "tiga"}, "dino",
                 "hari")
# Spoken shortenings the slang lexicon lacks, some of them a typo away from a place ("crita": Kec. Carita).
SPOKEN = {"crita": "cerita", "critanya": "ceritanya", "crito": "cerita"}
# The makes and models of the motorbikes, cars and phones residents report stolen, which they name with the thing
# ("motor honda beat merah", "hp samsung a50"): no package lists them, and some name places ("beat" is a typo away
# from Kec. Belat; Desa Mio, Desa Fino). As ordinary words, they name a place only with a level word or beside
# the place's kecamatan or kabupaten, as "pintu" does.
THINGS_OWNED = frozenset({
    "honda", "yamaha", "suzuki", "kawasaki", "vespa", "toyota", "daihatsu", "mitsubishi", "nissan", "wuling",
    "beat", "vario", "scoopy", "genio", "pcx", "supra", "revo", "blade", "spacy", "cbr", "crf",
    "mio", "fino", "nmax", "aerox", "lexi", "xeon", "jupiter", "vega", "vixion", "byson", "xmax", "xride", "freego",
    "satria", "smash", "shogun", "nex", "ninja", "klx",
    "avanza", "xenia", "innova", "fortuner", "terios", "brio", "jazz", "mobilio", "ertiga", "calya", "sigra",
    "agya", "ayla", "livina", "xpander", "pajero", "kijang",
    "iphone", "samsung", "galaxy", "oppo", "vivo", "xiaomi", "redmi", "realme", "infinix", "poco", "nokia",
    "tecno", "itel",
    # the things themselves as chat shortens them ("tv ilang", "hp sy dijambret"), which no package lists either
    "hp", "hape", "tv", "tivi", "cctv", "ac", "pc",
})
# The drugs residents report by their street names ("jualan sabu di warung", "nyimpen inex"), and the rooms of a
# home or a lodging ("ngumpet di wc", "di kost"): Sastrawi lacks most drugs and the borrowed rooms, and some name
# villages (Desa Sabu of Tanah Datar, Desa Kamar of Seram). Ordinary words, they name a place only as "pintu" does.
DRUG_NAMES = frozenset({"sabu", "shabu", "ganja", "ekstasi", "inex", "putaw", "tramadol", "narkoba", "narkotika"})
ROOMS = frozenset({"wc", "toilet", "kos", "kost", "kosan", "kamar", "dapur", "teras", "gudang", "garasi", "loteng"})
# The kinds of place and the parts of one a story says it happened at ("di pasar", "di sawah", "di pinggir", "di bis"),
# as residents say them after a word of where: many name villages somewhere (Desa Sawah, Desa Pinggir), which among
# the whole country's stations are all covered, so the word is the kind of place, never one of them.
KINDS_OF_PLACE = frozenset({
    "dalam", "luar", "atas", "bawah", "tengah", "depan", "belakang", "samping", "sebelah", "seberang", "antara",
    "sekitar", "pinggir", "tepi", "ujung", "pojok", "sudut", "muka", "sini", "situ",
    "sana", "mana", "tempat", "lokasi", "rumah", "halaman", "pekarangan", "atap", "pintu", "jendela", "pagar", "tembok",
    "kolong", "lorong", "tangga", "lantai", "ruang", "ruangan", "kamar", "jalan", "jalanan", "gang", "lapangan",
    "pasar", "toko", "warung", "kios", "ruko", "kantor", "balai", "gedung", "sekolah", "kampus", "kelas", "masjid",
    "musala", "gereja", "pura", "makam", "kuburan", "taman", "kebun", "kebon", "sawah", "ladang", "tegal", "hutan",
    "gunung", "bukit", "tebing", "gua", "goa", "kali", "sungai", "kolam", "empang", "tambak", "danau", "waduk",
    "bendungan", "rawa", "laut", "pantai", "pelabuhan", "dermaga", "sumur", "selokan", "parit", "got", "jembatan",
    "tanjakan", "turunan", "tikungan", "perempatan", "pertigaan", "simpang", "terminal", "stasiun", "halte", "bandara",
    "stadion", "kandang", "pabrik", "bengkel", "parkiran", "kampung", "desa", "kota", "dusun", "kelurahan", "pos",
    "bis", "bus", "angkot", "kereta", "kapal", "perahu", "pesawat", "mobil", "motor", "truk", "ojek", "lift",
})
# The acronyms of bodies, services and papers residents name in a story ("ngaku petugas pln", "lapor ke bnn", "ktp sy
# ilang"): some are also a chat abbreviation a place name would make ("pln": Probolinggo, Pekalongan and three more;
# "bnn", "dpr", "ktp"), which they never are in a story.
ACRONYMS = frozenset({
    "pln", "pdam", "dpr", "dprd", "kpk", "bnn", "bnnk", "bpjs", "tni", "polri", "kpu", "pns", "asn", "kkn", "pkb",
    "stnk", "bpkb", "sim", "ktp", "kk", "atm", "mrt", "krl",
})
# The words chat slang is spelt out to ("dl" → "dulu", "tdk" → "tidak"): everyday words, some no root of Sastrawi's.
SLANG_MEANINGS = frozenset(word for meaning in SLANG_DATA.values() for word in meaning.split())
# A word said twice over, which the dictionary holds only whole ("gara-gara", "masing-masing", "kupu-kupu"): chat
# writes it "gara2" or "gara gara", whose half is no word of its own there and names villages elsewhere (Desa
# Gara, Manggarai).
REDUPLICATED_HALVES = frozenset(word.split("-")[0] for word in ROOT_WORDS
                                if "-" in word and len(set(word.split("-"))) == 1)
_ORDINARY_WORDS = (ROOT_WORDS | frozenset(SLANG_DATA) | frozenset(KRAMA) | frozenset(NGOKO) | SUNDANESE | PLEAS
                   | frozenset(SPOKEN) | THINGS_OWNED | DRUG_NAMES | ROOMS | REDUPLICATED_HALVES)


def no_village_in_a_story(word: str) -> bool:
    """Whether a word said after a word of where in a story is what it names and never a village of its name (Desa
    Kamar, Desa Sabu, Kec. Tulangan): a kind of place, a room, a drug, a plea, a thing owned or a body's acronym."""
    return word in KINDS_OF_PLACE | ROOMS | DRUG_NAMES | PLEAS | THINGS_OWNED | ACRONYMS or stem(word) in KINDS_OF_PLACE


class RootWords:
    """Sastrawi's root words behind its dictionary interface (DictionaryInterface: `contains`), held as a set.

    Sastrawi's own ArrayDictionary keeps the 30,000 words in a list and looks every candidate up in it: as a
    set, a word it does not know takes a millisecond instead of up to half a second. Only Sastrawi's public
    parts are used (StemmerFactory.get_words, Stemmer(dictionary), the dictionary's `contains`); a test
    compares the stems with those of Sastrawi's own stemmer, so an upgrade that changes them is caught.
    """

    def __init__(self, words: frozenset[str]) -> None:
        self._words = words

    def contains(self, word: str) -> bool:
        return word in self._words


# Sastrawi's stemmer without its unbounded cache: stem() keeps a bounded one.
_STEMMER = Stemmer(RootWords(ROOT_WORDS))
#: A stem costs up to a few milliseconds: only words with an Indonesian prefix or suffix, of a sensible length,
#: are stemmed.
_AFFIXED = re.compile(r"^(di|ke|se|be|te|me|pe|ng|ny)|(kan|an|i|nya|lah|kah)$")
_LONGEST_STEMMED = 20


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """Sastrawi's root of an affixed Indonesian word ("penganiayaan" → "aniaya"); other words as they are."""
    if not word.isalpha() or not 4 <= len(word) <= _LONGEST_STEMMED or not _AFFIXED.search(word):
        return word
    return _STEMMER.stem(word) or word


# Spoken verbs ("ngancem", "nyolong", "ngejar", "ngancemin"): the nasal of "meN-" said alone before the root, its
# first letter dropped as in "menc-/meng-" ("nyuri" of "curi", "ngejar" of "kejar"), "-in" said for "-kan"/"-i",
# and the last "a" of the root often said "e" ("ancem" for "ancam"). The stemmer knows none of it; the roots are
# its own.
_SPOKEN_PREFIXES = (("nge", ("",)), ("ng", ("", "k")), ("ny", ("s", "c")))
_LAST_A_SAID_E = re.compile(r"e(?=[^aeiou]+$)")
_SHORTEST_ROOT = 4


def spoken_root(word: str) -> str | None:
    """The root a spoken verb is made on ("ngancem": "ancam", "nyuri": "curi", "ngejarin": "kejar"); None for any
    other word."""
    for base in ((word[:-2], word) if word.endswith("in") else (word,)):
        for prefix, first_letters in _SPOKEN_PREFIXES:
            if not base.startswith(prefix):
                continue
            for first in first_letters:
                said = first + base[len(prefix):]
                for root in (said, _LAST_A_SAID_E.sub("a", said, count=1)):
                    if len(root) >= _SHORTEST_ROOT and root in ROOT_WORDS:
                        return root
    return None


def is_ordinary(word: str) -> bool:
    """Whether a lower-case word is an ordinary Indonesian word: a root, chat slang, or a root with affixes
    ("pejalan", "digantung"), or the name of a thing owned ("beat", "samsung")."""
    return word in _ORDINARY_WORDS or stem(word) in ROOT_WORDS
