"""Officers' own words on duty: the radio slang for taking a job ("siap 86", "otw", "meluncur", "on the way").

Read only as a whole message of such words: "siap 86 ndan, otw TKP" takes the report just alerted; "otw pulang dulu",
"86 orang diamankan" or "meluncur ke rumah makan" say something else, and "sudah 86?" asks: they stay words.
"""

from __future__ import annotations

import enum

from handlers.language.intents import is_question
from handlers.language.normalise import phrase_at, phrase_words, phrases_found, words

# Each says "understood, on it": 86 is the radio code for "understood" (and "delapan enam" it said out).
_TAKING = tuple(phrase_words(phrase) for phrase in (
    "86", "delapan enam", "laksanakan", "dilaksanakan", "otw", "omw", "meluncur", "on the way", "on my way",
    "heading there", "on it", "copy", "roger", "menuju tkp", "menuju lokasi", "ke tkp", "ke lokasi",
))
# Readiness, the forms of address and particles an officer puts beside anything ("terima ndan", "siap, 86", "info
# dong"): they add nothing to what they stand beside.
ADDRESS = frozenset({
    "siap", "siaap", "ok", "oke", "okay", "baik", "ya", "pak", "ndan", "dan", "komandan", "bos", "bang", "mas", "kak",
    "sir", "please", "dong", "aja", "saja", "sih", "nih",
})
# What may stand beside those words and leave them meaning the same: the above, who, the scene, "now" (and an emoji,
# "👍"). "I'm" is read as "i m".
_BESIDE = ADDRESS | frozenset({
    "segera", "langsung", "sudah", "udah", "sedang", "lagi", "kami", "saya", "anggota", "tim", "unit", "piket",
    "sekarang", "juga", "ke", "sana", "kesana", "menuju", "tkp", "lokasi", "now", "there", "to", "the", "scene",
    "we", "are", "i", "am", "m", "ready", "yes", "right", "away", "gas", "gerak", "bergerak", "merapat",
})


# Readiness itself ("siap", "ok siap", "siap ndan"): said alone right after an alert, it takes the job as "86" does.
_READY = frozenset({"siap", "siaap", "ok", "oke", "okay", "baik"})
# Words that something is done or being done about it ("sdh ditangani", "lagi dicek", "sudah aman"): right after an
# alert, which action they mean (taken, in progress, done) is asked.
_HANDLED = frozenset({
    "ditangani", "dicek", "dicheck", "diperiksa", "ditindaklanjuti", "ditindak", "diamankan", "diproses",
    "dikerjakan", "diurus", "dihandle", "dibereskan", "diselesaikan", "beres", "aman", "kondusif", "terkendali",
    "selesai", "handled", "checked", "checking", "done", "secured",
})

_EMOJI = "emoji_"  # how words() names an emoji

# A command word opening a message in its everyday sense: a cold remedy ("tolak angin"), done with one's own duties
# ("selesai apel pagi", "selesai makan"), the process itself ("proses nya lama"), news asked of colleagues ("info
# dong"). A command word with its ref is a command whatever follows.
_EVERYDAY = tuple(phrase_words(phrase) for phrase in (
    "tolak angin", "selesai apel", "selesai makan", "selesai rapat", "selesai sholat", "selesai shalat",
    "selesai solat", "selesai dinas", "selesai piket", "selesai jaga", "selesai patroli", "selesai istirahat",
    "selesai briefing", "selesai upacara", "selesai olahraga", "selesai ngopi", "proses nya", "info dong",
    "info nya", "info apa", "info terbaru",
))


def command_word_in_everyday_sense(text: str, *, asks_for_a_question: bool = False) -> bool:
    """Whether a message opening with a command word and no ref uses it otherwise: in a phrase of its everyday sense,
    or asking ("selesai belum?", "proses sampai mana?"), unless the command's words are a question (INFO's)."""
    said = words(text)
    everyday = any(phrase_at(said[:len(phrase)], phrase) == 0 for phrase in _EVERYDAY)
    return everyday or (is_question(text) and not asks_for_a_question)


def taking_it(text: str) -> bool:
    """Whether the message is an officer's word for taking the job just given: words of taking it, and nothing
    beside them but readiness, address and where they are heading. A question ("sudah 86?", "udah otw blm", "are we
    on it?") takes nothing."""
    if is_question(text):
        return False
    said = words(text)
    found = list(phrases_found(said, _TAKING))
    if not found:
        return False
    covered = {at + offset for phrase, at in found for offset in range(len(phrase))}
    return all(index in covered or word in _BESIDE or word.startswith(_EMOJI) for index, word in enumerate(said))


class AlertAnswer(enum.StrEnum):
    """What an officer's own words right after an alert say of it: they take it, or something was done about it
    (which action, to be asked)."""

    TAKE = "take"
    WHICH = "which"


def answering_an_alert(text: str) -> AlertAnswer | None:
    """Radio words or readiness alone ("siap 86", "ok siap") take the job; words that it is handled ("sdh ditangani",
    "sudah dicek pak") ask which action; a question, or words of anything else ("sdh ditangani yg kemarin", "siap
    makan dulu"), none."""
    if taking_it(text):
        return AlertAnswer.TAKE
    if is_question(text):
        return None
    said = [word for word in words(text) if not word.startswith(_EMOJI)]
    if said and all(word in ADDRESS for word in said) and any(word in _READY for word in said):
        return AlertAnswer.TAKE
    if any(word in _HANDLED for word in said) and all(word in _BESIDE or word in _HANDLED for word in said):
        return AlertAnswer.WHICH
    return None
