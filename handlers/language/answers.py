"""Yes or no, as residents answer in chat: informal, regional (Javanese, Sundanese, Betawi), with a
form of address, a particle, a typo or a held-down key."""

from __future__ import annotations

from rapidfuzz import fuzz

from handlers.language.normalise import fold_runs, words
from storage.lexicon import is_ordinary

# Regional and informal forms indoNLP's lexicon does not spell out. Javanese: nggih, inggih, enggih, enggeh,
# iyo, ho oh, leres, mboten, ora; Sundanese: muhun, sumuhun, leres, heueuh, henteu, teu, lain; Betawi: iye,
# kagak, kaga; Balinese: nggih, ten; Minang: iyo, indak.
YES = frozenset({
    "ya", "iya", "iye", "iyo", "yoi", "ye", "yup", "yups", "yap", "btl", "bnr", "86",
    "yes", "yess", "yeah", "yea", "y", "ok", "oke", "okey",
    "okay", "okeh", "sip", "siap", "setuju", "benar", "betul", "bener", "tepat", "cocok", "pas", "mantap", "boleh",
    "nggih", "inggih", "enggih", "enggeh", "ngih", "injih", "leres", "muhun", "sumuhun", "heeh", "heem", "hooh",
    "hoo", "heueuh", "iyah", "yah", "right", "correct", "sure", "yep", "yo", "betol", "emoji_jempol_ke_atas",
    "emoji_tanda_centang_tebal", "emoji_tanda_centang", "emoji_tangan_ok", "gas", "lanjut", "baik", "baiklah",
    "okelah", "oc", "nggeh", "ngge", "yoa", "ember", "iyes", "mangga", "yesh", "yoai", "sesuai",
    "laksanakan",  # a duty officer's "siap laksanakan"; not "roger" or "copy", which may be a name or a paper
})  # fmt: skip
NO = frozenset({
    "tidak", "enggak", "bukan", "salah", "jangan", "tak", "ndak", "indak", "nope", "no", "nggak", "ora", "mboten",
    "boten", "henteu", "teu", "lain", "sanes", "ten", "wrong", "not", "nah", "keliru", "beda", "belum", "kagak",
    "emoji_jempol_ke_bawah", "emoji_tanda_silang", "endak", "embung", "moal", "ogah", "nehi", "tida", "gak", "bkn",
})  # fmt: skip
# Words around the answer that change nothing: forms of address, particles, filler.
# Greetings, as typed at the start of a message (or its end: "wassalam"); what they say is read as nothing more.
GREETING_PHRASES = ("halo", "hallo", "helo", "hai", "hi", "hello", "hey", "hiya", "heya", "howdy", "assalamualaikum",
                    "assalamu alaikum",
                    "asalamualaikum", "asalamu alaikum", "assalammualaikum", "aslmkm", "asslmkm", "aslm", "asslm",
                    "samlekom", "mikum",
                    "ass wr wb", "punten", "permisi", "selamat pagi", "selamat siang", "selamat sore",
                    "selamat malam", "met pagi", "met siang", "met sore", "met malam", "good morning",
                    "good afternoon", "good evening", "sugeng pagi", "sugeng sore",
                    "om swastiastu", "shalom", "salam sejahtera", "wassalamualaikum", "wassalam", "wslm",
                    "emoji_tangan_melambai")
NEUTRAL = frozenset({
    "pak", "bapak", "bu", "ibu", "mas", "mbak", "mba", "kak", "kakak", "bang", "abang", "dik", "adik", "om",
    "tante", "min", "admin", "gan", "bos", "boss", "bro", "sis", "mang", "teh", "aa", "akang", "kang", "neng", "nak",
    "komandan", "ndan",
    "uda", "uni", "bli", "beli", "eta", "kuwi", "iku", "niku", "wis", "dah", "lho", "kan", "cak", "ning", "sir",
    "maam", "madam", "dong", "deh", "sih", "kok", "lah", "kah",
    "nih", "tuh", "aja", "saja", "itu", "ini", "sudah", "udah", "memang", "emang", "sangat", "banget", "sekali",
    "bgt", "pol", "tenan", "tempat", "lokasi", "alamat", "daerah", "desa", "kelurahan", "kecamatan", "kota",
    "pisan", "please", "mohon", "terima", "kasih", "thanks", "thank", "you", "place", "the", "si",
    "so", "that", "is", "it", "s", "its", "yang", "tempatnya", "lokasinya", "disitu", "situ", "sana", "nya", "ada",
    "loh", "uwis", "pun", "sampun", "mah", "atuh", "euy", "weh", "wae", "emoji_melipat_tangan",
})  # fmt: skip
# Words that ask before what is asked for: "tolong hapus data saya", "saya mau batal", "please cancel". The slang
# lexicon spells "minta" out as "meminta".
ASKING = frozenset({
    "tolong", "mohon", "minta", "meminta", "bantu", "saya", "aku", "sy", "mau", "ingin", "pengen", "pingin", "pengin",
    "bisa", "please", "pls", "i", "want", "to", "would", "like", "can", "could", "you", "kindly",
})  # fmt: skip
# Two words that make one answer: "ho oh" (yes), "tidak salah" / "ga salah" (yes: not wrong).
_YES_PAIRS = {("ho", "oh"), ("he", "eh"), ("hu", "um"), ("tidak", "salah"), ("enggak", "salah"),
              ("ora", "salah"), ("not", "wrong"), ("of", "course"), ("nah", "itu")}  # "nah itu": that's the one
_NO_PAIRS = {("teu", "benar"), ("ora", "benar"),  # "teu leres", "ora leres": krama "leres" is read as "benar"
             ("not", "right"), ("tidak", "benar"), ("enggak", "benar"), ("tidak", "betul"), ("enggak", "betul"),
             ("tidak", "cocok"), ("enggak", "cocok"), ("bukan", "itu"), ("tidak", "tepat"), ("belum", "benar"),
             ("tidak", "sesuai"), ("enggak", "sesuai")}
# "It's fine": "gpp", "gak papa", "ga masalah", "no problem" (as the lexicon spells them out). A yes; beside a no
# it asks leave for the no ("gak ada foto gpp kan?"), not a question to answer.
ALL_RIGHT = (("enggak", "apa", "apa"), ("tidak", "apa", "apa"), ("enggak", "papa"), ("tidak", "papa"),
             ("enggak", "masalah"), ("tidak", "masalah"), ("no", "problem"), ("gapapa",), ("gakpapa",),
             ("nggakpapa",), ("gpp",), ("is", "that", "ok"), ("is", "that", "okay"), ("is", "it", "ok"),
             ("is", "it", "okay"), ("that", "s", "ok"))


def _all_right_at(said: list[str], i: int) -> int:
    """How many words from `i` say "it's fine"; 0 when they do not."""
    return next((len(phrase) for phrase in ALL_RIGHT if tuple(said[i:i + len(phrase)]) == phrase), 0)


def without_all_right(said: list[str]) -> list[str]:
    """The words less each "it's fine" in them."""
    kept, i = [], 0
    while i < len(said):
        if length := _all_right_at(said, i):
            i += length
            continue
        kept.append(said[i])
        i += 1
    return kept


TYPO_CUTOFF = 90.0  # fuzz.ratio for words of four letters or more: "betull" → "betul", not "siapa" → "siap"
_VOCABULARY = {**{w: "yes" for w in YES}, **{w: "no" for w in NO}}


def _read_word(word: str) -> str | None:
    if word in _VOCABULARY:
        return _VOCABULARY[word]
    folded = fold_runs(word)
    for form in (folded, _single_letters(word)):
        if form in _VOCABULARY:
            return _VOCABULARY[form]
    if len(word) >= 4 and word not in NEUTRAL:
        best = max(((fuzz.ratio(word, v), v) for v in _VOCABULARY if len(v) >= 4 and not v.startswith("emoji")),
                   default=(0.0, ""))
        # A word of its own is no typo ("dilaksanakan", "bentar"), unless a letter short or over ("sesua", "setujuh")
        if best[0] >= TYPO_CUTOFF and (not is_ordinary(word) or best[1].startswith(word) or word.startswith(best[1])):
            return _VOCABULARY[best[1]]
    return None


def _single_letters(word: str) -> str:
    """"iyaa" → "iya", "okk" → "ok": a doubled letter typed twice by a thumb."""
    return "".join(ch for i, ch in enumerate(word) if i == 0 or ch != word[i - 1])


# Words that say what a yes is to, beside it: "Iya, betul sekali, Nak, itu alamat saya", "ya benar, di situ
# kejadiannya", "iya pak, sudah benar semua", "yes, that's right, that's where I live". Alone they answer nothing.
_WHAT_IS_RIGHT = frozenset({
    "saya", "kami", "aku", "rumah", "rumahnya", "kejadian", "kejadiannya", "tkp", "di", "semua", "semuanya",
    "persis", "pas", "my", "our", "i", "we", "live", "where", "home", "house", "all", "exactly", "here",
})  # fmt: skip
_ANSWER_WORDS = 10  # "yes, that's right, that's where I live": more is a message of its own
# Words that soften an answer without turning it: "kyknya iya", "sepertinya bener", "i think so, yes". A yes said so
# is a yes; what cannot be undone (erasing one's data) asks for a plain one (see hedged).
_HEDGES = frozenset({"kayaknya", "kayanya", "keknya", "sepertinya", "rasanya", "think", "guess"})


def hedged(text: str) -> bool:
    return not _HEDGES.isdisjoint(words(text))

_THANKS_AT_LENGTH = (["terima", "kasih", "banyak"], ["thanks", "a", "lot"], ["thank", "you", "so"])


def yes_or_no(text: str) -> str | None:
    """"yes", "no", or None when the text is not plainly one of them (both, neither, or more besides)."""
    said = words(text)
    if not said or len(said) > _ANSWER_WORDS:
        return None
    readings: list[str] = []
    i = 0
    while i < len(said):
        if length := _all_right_at(said, i):
            readings.append("yes")
            i += length
            continue
        if said[i:i + 3] in _THANKS_AT_LENGTH:  # "Ya benar. Terima kasih banyak.": thanks, said warmly
            i += 3
            continue
        pair = tuple(said[i:i + 2])
        if pair in _YES_PAIRS or pair in _NO_PAIRS:
            readings.append("yes" if pair in _YES_PAIRS else "no")
            i += 2
            continue
        word = said[i]
        if word == "nah" and i + 1 < len(said) and _read_word(said[i + 1]) == "yes":
            i += 1  # "nah iya itu pak", "nah bener": Indonesian's "there", before a yes; alone it is English's no
            continue
        reading = _read_word(word)
        if reading is not None:
            readings.append(reading)
        elif word not in NEUTRAL and word not in _WHAT_IS_RIGHT and word not in _HEDGES:
            return None  # other words: a place, a story, a question
        i += 1
    if not readings:
        return None
    # "Ya benar", "bukan, salah" agree; a "ya" before a no is the filler "ya" ("ya bukan itu"), a "no"
    # before a yes is doubt ("tidak, eh iya"): the last word said is the answer then.
    if len(set(readings)) == 1:
        return readings[0]
    return readings[-1] if said[0] in ("eh", "ralat") or (readings[0] == "yes" and said[0] == "ya") else None
