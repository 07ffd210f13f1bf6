"""Cries for help: someone may be in danger now. One place for them, in Indonesian, its slang and English.

Words are compared as stems (Sastrawi), so "dianiaya", "penganiayaan" and "aniaya" are one entry. A theft
is a cry while it happens ("lagi dimasuki maling", "ada maling"), a report when it is over ("motor dicuri
kemarin"). A cry right after a negation ("tidak ada yang luka") is not one. "Tolong" is also the everyday
"please" ("tolong ditertibkan"): it is a cry only with no other request beside it.
"""

from __future__ import annotations

import re

from handlers.language.normalise import stems_of, words

# Stems that are a cry wherever they come: weapons, violence against a person, fire, abduction, self-harm.
ALWAYS = frozenset({
    # weapons
    "golok", "parang", "celurit", "clurit", "sajam", "samurai", "pedang", "pistol", "senpi", "pisau", "senjata",
    "bacok", "tikam", "badik", "molotov", "bom",
    # violence to a person
    "aniaya", "keroyok", "bunuh", "perkosa", "cabul", "leceh", "sandera", "culik", "begal", "rampok", "todong",
    "bantai", "amuk", "ngamuk", "sekap", "kdrt", "tawur", "tawuran", "bentrok",
    "berdarah", "pingsan", "sekarat", "darurat", "gawat", "overdosis",
    # English
    "stab", "stabbed", "stabbing", "gun", "guns", "shooting", "shot", "knife", "machete", "weapon", "robbery",
    "robbed", "mugged", "kidnap", "kidnapped", "murder", "rape", "raped", "bomb", "hostage", "emergency",
    "attacked", "attacking", "beaten", "beating", "suicide", "fire", "burning", "bleeding", "unconscious",
    "overdose", "explosion",
})  # fmt: skip
# Words, not stems: the stem is also an everyday word ("bakar sampah", "pukul 9", "tendang bola", "bau
# menusuk", "nembak" is also to ask someone out), or Sastrawi misreads it ("penculikan" → culi).
ALWAYS_WORDS = frozenset({
    "kebakaran", "terbakar", "dibakar", "pembakaran", "dipukul", "dipukuli", "memukuli", "mukulin", "pukulin",
    "dipukulin", "ditusuk", "penusukan", "tertusuk", "nusuk", "ditendang", "ditendangi", "ditampar", "dijambak",
    "dicekik", "dihajar", "digebuk", "digebukin", "disiksa", "penyiksaan", "ditembak", "ditembaki", "penembakan",
    "tembakan", "ledakan", "ngebacok", "ngeroyok", "dikeroyok", "penculikan", "perampokan", "perampok",
    "pembacokan", "perampasan", "penjarahan", "ngancam",
})  # fmt: skip
# A fight is a cry while it happens; one that happens "tiap malam minggu" is a complaint to report.
FIGHTS = frozenset({"berkelahi", "perkelahian", "berantem", "berantam", "kelahi", "jotos", "fighting"})
HABITUAL = frozenset({"tiap", "setiap", "sering", "selalu", "biasanya", "kadang", "every", "often", "always"})
# Phrases (normalised words, in order) that are a cry.
PHRASES = tuple(tuple(p.split()) for p in (
    "bunuh diri", "gantung diri", "mau mati", "ingin mati", "pengen mati", "pengin mati", "pingin mati",
    "ingin bunuh",
    "sayat tangan", "menyayat tangan", "minum racun", "akhiri hidup", "mengakhiri hidup", "loncat dari",
    "lompat dari", "main hakim", "hakim sendiri", "amuk massa", "dihakimi massa", "dihajar massa", "diamuk massa",
    "anak hilang", "anak saya hilang", "anak saya belum pulang", "anak belum pulang", "anak tidak pulang",
    "anak enggak pulang", "anak diculik", "anak dibawa orang", "anak kami hilang", "anak ku hilang",
    "adik saya hilang", "api besar", "ada api", "asap tebal", "help me", "help us", "kill me", "kill myself",
    "end my life", "hurt myself", "self harm", "break in", "breaking in", "broke in", "burglar", "someone is in",
    "my child is missing", "child is missing", "missing child", "my son is missing", "my daughter is missing",
    "domestic violence", "hits me", "hitting me", "beats me", "beating me", "my husband hit", "my wife hit",
    "mob", "lynch", "lynching", "on fire", "being robbed", "being attacked", "tolong saya", "tolong kami",
    "tolong aku", "tolong cepat", "tolong segera", "meminta tolong segera", "tolong tolong", "luka parah",
    "kecelakaan parah", "korban jiwa", "ada mayat", "tidak bernapas", "tidak sadar", "tidak sadarkan",
    "ditodong pisau", "ancam bunuh", "mengancam bunuh", "diancam bunuh", "dead body", "sos",
    "teriak meminta tolong", "teriak tolong", "meminta tolong cepat", "baku hantam", "adu jotos",
))  # fmt: skip
# A theft is a cry while it happens: a word of the moment before it ("lagi dimasuki maling"; after it, "lagi"
# is "again"), or a thief said to be there ("ada maling", "maling masuk").
THEFT_STEMS = frozenset({"maling", "curi", "copet", "jambret", "bobol", "rampas", "jarah", "bongkar"})
THIEVES = frozenset({"maling", "pencuri", "jambret", "copet", "thief", "thieves", "burglar", "burglars",
                     "intruder", "intruders", "perampok", "garong"})
PROGRESS = frozenset({"lagi", "sedang", "masih", "sekarang", "now", "currently", "being"})
PRESENCE = PROGRESS | {"ada", "masuk", "dimasuki", "kepergok", "ketahuan", "dalam", "inside", "nih", "here",
                       "there", "sembunyi", "manjat", "memanjat", "naik", "kejar"}
# A missing child is one when the child is the subject ("anak saya hilang"), not the owner ("sepeda anak
# saya hilang"): the phrase opens the message or follows one of these.
_CHILD_PHRASES = frozenset(p for p in PHRASES if p[0] in ("anak", "adik"))
_BEFORE_A_SUBJECT = frozenset({"ada", "tolong", "pak", "bu", "mas", "mbak", "kak", "bang", "sudah", "soalnya",
                               "karena", "bahwa", "ini", "help", "gawat", "darurat", "min"})
NEGATIONS = frozenset({"tidak", "enggak", "bukan", "tanpa", "belum", "not", "no", "never", "without", "jangan"})
# "Tolong" with only these is a cry ("tolong!", "tolong pak"); beside any other word it is "please".
_ALONE_WITH = frozenset({"pak", "bu", "mas", "mbak", "kak", "bang", "tolong", "help", "please", "saya", "kami",
                         "aku", "cepat", "segera", "sos", "pol", "polisi"})
_CLOCK = re.compile(r"^\d")


def _negated(said: list[str], at: int) -> bool:
    """A negation one or two words before `at`: "tidak ada kebakaran", "no fire", "bukan begal"."""
    return any(w in NEGATIONS for w in said[max(0, at - 2):at])


def _phrase_at(said: list[str], phrase: tuple[str, ...]) -> int | None:
    n = len(phrase)
    for i in range(len(said) - n + 1):
        if tuple(said[i:i + n]) == phrase:
            return i
    return None


def is_cry_for_help(text: str) -> bool:
    """Whether `text` says someone may be in danger now."""
    said = words(text)
    if not said:
        return False
    if said[0] in ("tolong", "sos") and all(w in _ALONE_WITH for w in said):
        return True
    for phrase in PHRASES:
        at = _phrase_at(said, phrase)
        if at is None or _negated(said, at):
            continue
        if phrase not in _CHILD_PHRASES or at == 0 or said[at - 1] in _BEFORE_A_SUBJECT:
            return True
    roots = stems_of(said, ALWAYS | THEFT_STEMS)
    for i, (word, root) in enumerate(zip(said, roots, strict=True)):
        if _negated(said, i):
            continue
        if root in ALWAYS or word in ALWAYS or word in ALWAYS_WORDS:
            return True
        if (word in FIGHTS or root in FIGHTS) and not HABITUAL & set(said):
            return True
        if word in ("pukul", "hit") and i + 1 < len(said) and not _CLOCK.match(said[i + 1]):
            return True  # "dipukul" stems to "pukul", but "pukul 9" is nine o'clock
        if root in THEFT_STEMS and any(w in PROGRESS for w in said[max(0, i - 3):i]):
            return True
        if word in THIEVES and any(w in PRESENCE for w in said[max(0, i - 3):i + 4]):
            return True
    return False
