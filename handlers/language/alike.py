"""Whether two residents' stories tell of one incident. Both are already of one category and one kelurahan,
told within a day (see storage/witnesses.py); what is left is whether they say the same thing.

The stories are read as their content words: normalised (slang spelt out), stemmed (Sastrawi: "ditabrak" and
"tabrakan" meet at "tabrak"), without the words every story has ("ada", "di", "pak", "tadi") and without the
landmarks a kelurahan's stories share whatever happened ("jalan", "pasar", "sekolah"): the place is the same
already, and a theft and a brawl at one market must not meet there. Two are alike when rapidfuzz's token-set
ratio of those words reaches LIKE_AT: the set ratio scores the shorter story against what the two share, so a
short "tawuran di pasar gedog" is alike to a longer account of it. Measured on
tests/corpus/same_incident.jsonl (`make eval`): leaving the landmarks out lifted the stories of one incident
found alike from 53% to 67% at no false join. The names of the place are left out too (a sandal lost at the
mosque in Kel. Gedog shared only "gedog sananwetan" with a brawl there, and was offered as the same incident):
63% found alike, no false join. Words residents use for one thing are read as one (_SAME_THING: "mayat" and
"jenazah", "tawuran" and "bentrok"): 95% (38 of 40) found alike, no false join, where ten of the pairs were
written after those words were chosen (9 of those 10 alike, 7 without them). Pupils named by their school ("anak
sma") read as "pelajar", and the words of a wish to stay unknown told in the story left out: 39 of 41. A thief
and a catch read as one whatever their word ("maling"/"pencuri", "ketangkep"/"ditangkap"), and "pelajar" kept
whole beside the schools read as it ("anak sekolah" too): 46 of 46, five of them written after, and no false
join in 46.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from handlers.language.normalise import words
from storage.lexicon import stem

#: Where two stories count as one incident: the lowest ratio that joins no pair of the corpus told apart.
LIKE_AT = 62.0
#: Words that tell nothing of what happened: function words, greetings, times of day, how residents address
#: the police.
_COMMON = frozenset({
    "ada", "adalah", "agar", "akan", "aku", "anda", "apa", "assalamualaikum", "atau", "bagaimana", "banget",
    "banyak", "bapak", "baru", "barusan", "belum", "biar", "bisa", "buat", "bukan", "dan", "dari", "deh", "dekat",
    "dengan", "depan", "di", "dia", "dong", "ini", "itu", "jadi", "juga", "kak", "kalau", "kami", "kamu", "kan",
    "karena", "ke", "kemarin", "kena", "ketika", "kok", "lagi", "lah", "lalu", "lapor", "lewat", "malam", "mas",
    "masih", "mau", "mereka", "min", "mohon", "nya", "oleh", "orang", "pada", "pagi", "pak", "para", "pas",
    "permisi", "polisi", "rame", "saat", "saja", "sama", "sampai", "sangat", "saya", "sedang", "sekarang",
    "semalam", "semua", "siang", "sini", "situ", "sore", "sudah", "tadi", "tapi", "terus", "tiap", "tolong",
    "untuk", "warga", "ya", "yang",
    # a wish to stay unknown, said in the story: nothing of what happened
    "nama", "jangan", "kasih", "tahu", "tau", "rahasia", "rahasiakan", "dirahasiakan", "anonim", "disembunyikan",
})
_LANDMARKS = frozenset({
    "jalan", "pasar", "gang", "gg", "rumah", "sungai", "desa", "balai", "depan", "belakang", "samping", "kos",
    "masjid", "sekolah", "taman", "kota", "stasiun", "pabrik", "kebun", "lapang", "tikung", "empat", "tanjak",
    "kelurahan", "lurah", "kec", "kecamatan", "camat", "kab", "kabupaten", "rt", "rw",
})


#: Words residents use for one thing in a report, read as one word (a word as typed, or its stem): a body found is
#: "mayat" or "jenazah", a brawl "tawuran" or "bentrok", a blade "celurit", "parang" or "sajam".
_SAME_THING = {
    "bentrok": "tawur", "bentrokan": "tawur", "berantem": "tawur", "kelahi": "tawur", "perkelahian": "tawur",
    "sajam": "senjata", "celurit": "senjata", "clurit": "senjata", "parang": "senjata", "golok": "senjata",
    "pistol": "senjata", "bersenjata": "senjata", "gun": "senjata",
    "miras": "mabuk", "drunk": "mabuk",
    "roboh": "tumbang", "rubuh": "tumbang", "ambruk": "tumbang", "fallen": "tumbang",
    "kencang": "keras", "berisik": "keras", "bising": "keras", "loud": "keras",
    "dikenal": "asing", "mondar": "keliling", "mandir": "keliling", "ngintip": "intip",
    "jenazah": "mayat", "body": "mayat",
    "perampokan": "rampok", "robbery": "rampok", "robbed": "rampok",
    "odgj": "gila", "ngamuk": "amuk",
    "bis": "bus", "terbalik": "guling", "terguling": "guling", "berdarah": "luka", "darah": "luka",
    "sma": "pelajar", "smk": "pelajar", "smp": "pelajar", "siswa": "pelajar", "student": "pelajar",
    "students": "pelajar", "pelajar": "pelajar",  # its stem ("ajar") is also what is taught
    "maling": "curi", "thief": "curi", "stolen": "curi", "stole": "curi", "nicked": "curi", "swiped": "curi",
    "ketangkep": "tangkap", "ketangkap": "tangkap", "caught": "tangkap",
}


def _root(word: str) -> str:
    root = _SAME_THING.get(word) or stem(word)
    return _SAME_THING.get(root, root)


def content_words(text: str, place_names: frozenset[str] = frozenset()) -> str:
    """The story's words that tell what happened, stemmed (one word for one thing, see _SAME_THING), each once, in
    order, without numbers, emoji, the landmarks and the names of the place both stories are in (`place_names`,
    lower case): "gedog sananwetan" tells nothing of what happened in Kel. Gedog."""
    kept = dict.fromkeys(_root(word) for word in _said(text) if word not in _COMMON and word not in place_names
                         and len(word) > 1 and not word.isdecimal() and not word.startswith("emoji_"))
    return " ".join(word for word in kept if word not in _COMMON and word not in _LANDMARKS)


# Pupils said as the school's children: "anak sekolah", "anak2 smk".
_PUPILS_OF = frozenset({"sekolah", "sd", "smp", "sma", "smk", "stm", "mts", "ma"})


def _said(text: str) -> list[str]:
    # "lempar2", "anak2": the chat's doubled word is the word.
    said: list[str] = []
    for word in words(text):
        word = word[:-1] if word.endswith("2") and word[:-1].isalpha() else word
        if word in _PUPILS_OF and said[-1:] == ["anak"]:
            said[-1] = "pelajar"
        else:
            said.append(word)
    return said


def likeness(story: str, other: str, place_names: frozenset[str] = frozenset()) -> float:
    """0 to 100: how much the two stories say the same, the names of their place left out."""
    return fuzz.token_set_ratio(content_words(story, place_names), content_words(other, place_names))


def alike(story: str, other: str, place_names: frozenset[str] = frozenset()) -> bool:
    return likeness(story, other, place_names) >= LIKE_AT
