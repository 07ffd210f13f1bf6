"""What a message asks for: at the menu (to report, how to, thanks, the police number…), the category of an
incident it names, whether it tells a whole story, and corrections at any step ("eh salah, maksudnya narkoba")."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache

from handlers.i18n import LANGUAGES, aliases
from handlers.language.answers import NEUTRAL, yes_or_no
from handlers.language.normalise import normalise, stem, stems_of, words

# Stems of what happened, by category (the catalogue's aliases are read too). A story names its incident
# in these words far more often than by the category's label.
INCIDENT_STEMS: dict[str, frozenset[str]] = {
    "security": frozenset({
        "curi", "maling", "begal", "jambret", "rampok", "copet", "tipu", "aniaya", "keroyok", "palak", "preman",
        "bobol", "rampas", "todong", "bacok", "tusuk", "culik", "perkosa", "cabul", "leceh", "ancam", "peras",
        "judi", "golok", "parang", "celurit", "pisau", "senjata", "pistol", "curanmor", "hilang", "gasak",
        "gondol", "colong", "pukul", "gebuk", "hajar", "tendang", "tampar", "tawur", "berantem", "kelahi", "amuk",
        "bunuh", "sandera", "theft", "stolen", "steal", "thief", "robbery", "robbed", "burglary", "burglar",
        "mugged", "scam", "fraud", "assault", "knife", "gun", "stab", "stabbed", "fight", "attacked", "beaten",
        "gendam", "hipnotis", "nyuri", "nyolong", "nyopet", "scammed", "cheated", "bully", "mencuri", "pencuri",
    }),
    "unsafe_place": frozenset({"rawan", "gelap", "sepi", "nongkrong", "geng", "angker", "unsafe", "dark"}),
    "traffic": frozenset({
        "kecelakaan", "celaka", "tabrak", "tabrakan", "macet", "lalin", "balap", "parkir", "ugal", "knalpot",
        "tilang", "serempet", "lampu", "trotoar", "accident", "crash", "traffic", "speeding", "parking", "ugal2an",
        "ugalan", "ngebut", "angkot", "truk",
    }),
    "social": frozenset({
        "tetangga", "ribut", "berisik", "bising", "cekcok", "konflik", "sengketa", "warisan", "karaoke",
        "musik", "mabuk", "miras", "sampah", "noise", "noisy", "neighbour", "neighbor", "dispute", "drunk",
    }),
    "drugs": frozenset({
        "narkoba", "narkotika", "sabu", "nyabu", "ganja", "ekstasi", "inex", "putaw", "tramadol", "ngelem",
        "pil", "obat", "drug", "drugs", "weed", "meth", "dealer", "pengedar", "edar", "bandar",
    }),
    "other": frozenset({"saran", "usul", "aspirasi", "pungli", "suggestion"}),
}

REPORT_WORDS = frozenset({"lapor", "adu", "report", "complain", "complaint", "laporan", "melapor", "ngadu"})
# "Lapor" wanted: the word opens the message ("lapor pak") or follows a word of wanting ("sy mau lapor").
WANT_WORDS = frozenset({"mau", "ingin", "pengin", "pingin", "mo", "want", "like", "need", "perlu", "bikin", "buat",
                        "minta", "make", "permisi", "izin", "boleh", "bisa", "can", "to", "a", "saya", "sy"})
HOW_WORDS = frozenset({"bagaimana", "cara", "caranya", "how", "gimana", "prosedur", "langkah"})
THANKS_PHRASES = ("terima kasih", "thanks", "thank you", "nuhun", "hatur nuhun", "matur nuwun", "suwun",
                  "tengkyu", "makasih", "tq", "emoji_melipat_tangan", "alhamdulillah", "thx")
NUMBER_WORDS = frozenset({"nomor", "no", "telepon", "telpon", "nomer", "kontak", "hotline", "number", "call",
                          "phone", "hubungi", "wa", "whatsapp"})
POLICE_WORDS = frozenset({"polisi", "polsek", "polres", "police", "110", "darurat", "emergency", "polri"})
# A correction: "salah", "eh", "maksudnya", "ralat", "kembali", "back", "ubah", "ganti" and what it changes.
BACK_WORDS = frozenset({"kembali", "balik", "back", "mundur", "sebelumnya", "previous", "undo"})
# Words that say an answer is being changed; "salah", "eh" or "sorry" alone do not ("salah paham dengan
# tetangga" is a story), only with one of these or with the name of what is changed.
CORRECTION_WORDS = frozenset({"maksud", "maksudnya", "ralat", "koreksi", "ubah", "ganti", "change", "mean",
                              "meant", "edit", "ubahin", "gantiin"})
STORY_WORDS = 6  # a message of at least this many words, with an incident in it, tells what happened
STORY_LETTERS = 25


@cache
def _alias_stems() -> dict[str, frozenset[str]]:
    """Each category's catalogue aliases (both languages), one-word ones as stems."""
    found: dict[str, set[str]] = {}
    for lang in LANGUAGES:
        for key, names in aliases(lang, "category").items():
            for name in names:
                said = words(name)
                if len(said) == 1:
                    found.setdefault(key, set()).add(stem(said[0]))
    return {key: frozenset(stems) for key, stems in found.items()}


# Words that say what the report is about more than the others beside them: "tempat rawan begal" is about an
# unsafe place, "cekcok soal parkir" about a quarrel.
STRONG = frozenset({"rawan", "cekcok", "konflik", "sengketa", "narkoba", "narkotika", "unsafe", "dispute"})
# Where two categories are named as often, the first of these wins: a theft in a car park is a theft.
PRECEDENCE = ("emergency", "drugs", "security", "traffic", "social", "unsafe_place", "other")


@cache
def _lexicon() -> frozenset[str]:
    """Every root a category is named by."""
    return frozenset().union(*INCIDENT_STEMS.values(), *_alias_stems().values())


def category_named(text: str) -> str | None:
    """The category whose incident words the text uses most (ties by PRECEDENCE); None when none."""
    said = words(text)
    roots = stems_of(said, _lexicon()) + said
    votes: Counter[str] = Counter()
    for key in (*INCIDENT_STEMS, *_alias_stems()):
        lexicon = INCIDENT_STEMS.get(key, frozenset()) | _alias_stems().get(key, frozenset())
        votes[key] = sum(2 if r in STRONG else 1 for r in set(roots) if r in lexicon)
    ranked = sorted((key for key, n in votes.items() if n), key=lambda k: (-votes[k], PRECEDENCE.index(k)))
    return ranked[0] if ranked else None


def _has(said: list[str], phrase: str) -> bool:
    want = phrase.split()
    return any(said[i:i + len(want)] == want for i in range(len(said) - len(want) + 1))


def tells_a_story(text: str) -> bool:
    """Whether the text recounts an incident rather than asks for something."""
    said = words(text)
    return (len(said) >= STORY_WORDS and sum(ch.isalpha() for ch in text) >= STORY_LETTERS
            and category_named(text) is not None)


def menu_intent(text: str) -> str | None:
    """At the menu: story, police_number, thanks, how, report, category, ok; None when none is clear."""
    said = words(text)
    if not said:
        return None
    roots = set(stems_of(said, _lexicon() | REPORT_WORDS | HOW_WORDS)) | set(said)
    if roots & NUMBER_WORDS and roots & POLICE_WORDS and len(said) <= 10:
        return "police_number"
    if tells_a_story(text):
        return "story"
    if roots & HOW_WORDS and (roots & REPORT_WORDS or len(said) <= 4):
        return "how"
    if any(_has(said, p) for p in THANKS_PHRASES) and len(said) <= 8:
        return "thanks"
    if category_named(text) is not None and len(said) <= 8:
        return "category"
    wanted = [i for i, w in enumerate(stems_of(said, REPORT_WORDS)) if w in REPORT_WORDS]
    if wanted and (wanted[0] == 0 or said[wanted[0] - 1] in WANT_WORDS):
        return "report"
    if yes_or_no(text) == "yes" or all(w in NEUTRAL for w in said):
        return "ok"
    return None


@dataclass(frozen=True)
class Correction:
    """A resident taking back an answer: go back one step, or change one field (and maybe to what)."""

    field: str | None = None  # a step of the report, or None to go back one step
    category: str | None = None  # the category meant, when the correction names it
    back: bool = False  # said with a word of going back ("kembali"), not only "salah"


FIELD_WORDS = {
    "category": {"kategori", "jenis", "category", "kind"},
    "description": {"cerita", "kejadian", "deskripsi", "description", "story"},
    "location": {"lokasi", "tempat", "alamat", "location", "place", "address"},
    "when": {"waktu", "kapan", "jam", "tanggal", "time", "when"},
    "photo": {"foto", "gambar", "photo", "picture"},
    "identity": {"identitas", "identity"},
}
CORRECTION_MAX_WORDS = 7  # a correction is short: a longer message is an answer that happens to say "salah"


def correction(text: str) -> Correction | None:
    """"kembali" / "back" (one step back), "ubah kategori" (that field), "eh salah, maksudnya narkoba"
    (the category, to narkoba). None when the text is no correction."""
    said = words(text)
    if not said or len(said) > CORRECTION_MAX_WORDS:
        return None
    if said[0] in BACK_WORDS or normalise(text) in ("go back", "mundur satu"):
        return Correction(back=True)
    changing = bool(set(said) & CORRECTION_WORDS)
    fields = [field for field, names in FIELD_WORDS.items() if set(said) & names]
    if said[0] in ("salah", "wrong", "keliru", "ralat") and len(said) <= 2 and not fields:
        return Correction()  # "salah", "salah pak": the last answer was wrong
    if not changing and not (fields and said[0] in ("salah", "wrong", "keliru", "eh", "ubah", "ganti")):
        return None
    named = category_named(text) if len(said) > 1 else None
    if fields:
        return Correction(fields[0], named if fields[0] == "category" else None)
    return Correction("category", named) if named is not None else None
