"""Which of Lapor's two languages a message is written in, when that is clear, so that a resident is answered in
the language they write without looking for the menu's language choice.

Indonesian is told by its ordinary words (Sastrawi's roots, indoNLP's slang: storage.lexicon); English by the
small words its sentences cannot do without, which no Indonesian sentence uses. Indonesians write English words
("sorry pak", "tolong help") and place and shop names are no language's words, so a message counts only when it
has a few words and one language's mark is plain with little of the other's.
"""

from __future__ import annotations

import re

from storage.lexicon import is_ordinary

ENGLISH_GRAMMAR = frozenset({
    "i", "me", "my", "we", "our", "you", "your", "he", "she", "his", "her", "they", "their", "it", "its", "the",
    "a", "an", "is", "was", "are", "were", "be", "been", "am", "have", "has", "had", "do", "does", "did", "to",
    "of", "in", "on", "at", "with", "for", "from", "by", "and", "but", "this", "that", "there", "someone",
    "somebody", "please", "want", "need", "would", "could", "can", "what", "how", "where", "when", "not", "just",
    "got", "about", "into", "near",
})  # fmt: skip
# Words both languages write alike ("report status please"): a mark of neither.
BOTH_LANGUAGES = frozenset({"status", "data", "info", "video", "menu", "online", "admin", "normal", "total"})
# English words the slang lexicon holds as the chat spelling of another, Indonesian word: "cow" (cowok), "past"
# (pasti), "bat" (banget), "spy" (supaya). A mark of neither language; normalise spells them out in Indonesian ("ada
# cow bawa pisau") and leaves them as typed in English ("got kicked by a cow at the farm", "hit my car with a bat").
# Not those the lexicon reads as the same word ("boss", "fans", "u"), nor a letter alone.
ENGLISH_WORDS_ALSO_SLANG = frozenset({
    "abs", "ape", "bat", "bet", "bets", "bird", "cans", "cape", "cock", "cow", "dung", "gag", "hat", "hay", "hub",
    "kale", "kite", "loo", "met", "pan", "pans", "pass", "past", "pen", "sling", "slam", "smog", "spy", "tar", "tot",
    "yank", "yam", "yap",
})  # fmt: skip
MIN_WORDS = 3  # "ok", "ya", "help me" say nothing of the language they are written in
# Whole words: "AT3K-IS9P", a code, has none; nor has what follows an apostrophe ("i'm", "don't", "jum'at"), an
# ending the lexicon would read as slang ("m" for "sama").
_WORD = re.compile(r"(?<![a-z0-9'’])[a-z]+(?![a-z0-9])")


# Words after an English preposition name a place until the next English word ("i'm near pasar besar malang", "at
# alun alun kota batu"): a name, no mark of Indonesian.
_PLACE_BEFORE = frozenset({"at", "in", "near", "from"})


def written_in(text: str) -> str | None:
    """"en" or "id" when the message is plainly written in it, else None."""
    said = _WORD.findall(text.casefold())
    if len(said) < MIN_WORDS:
        return None
    english = indonesian = 0
    naming = False
    for word in said:
        if word in ENGLISH_GRAMMAR:
            english += 1
            naming = word in _PLACE_BEFORE
        elif not naming and word not in BOTH_LANGUAGES | ENGLISH_WORDS_ALSO_SLANG and is_ordinary(word):
            indonesian += 1
    if (english >= 2 and indonesian * 4 <= len(said)) or (english and not indonesian):  # "my bike stolen"
        return "en"
    if english == 0 and indonesian * 2 >= len(said) and indonesian >= 2:
        return "id"
    return None


def plainly_english(text: str) -> bool:
    """Written in English with hardly a word of Indonesian (one in a long message may be an English word the
    lexicon also holds: "front"): what switches a report begun in Indonesian to English ("my motorbike was stolen
    last night"), where "hp sy dijambret on the way home" does not."""
    said = _WORD.findall(text.casefold())
    indonesian = sum(is_ordinary(word) and word not in ENGLISH_GRAMMAR | BOTH_LANGUAGES for word in said)
    return written_in(text) == "en" and indonesian * 8 <= len(said)


# A message that only asks for a language by its name: "english please", "bahasa inggris dong", "can we speak
# english?". A number ("2", the menu's choice before the menu is shown) or another word around the name ("les
# inggris", "kampung inggris", "no english") asks for none.
_LANGUAGE_NAMES = {("english",): "en", ("bahasa", "inggris"): "en", ("indonesian",): "id", ("indonesia",): "id",
                   ("bahasa", "indonesia"): "id"}
_AROUND_A_LANGUAGE = frozenset({
    "please", "pls", "plz", "in", "use", "speak", "can", "could", "we", "i", "you", "language", "only", "pakai",
    "pake", "dong", "aja", "saja", "ya", "mau", "ingin", "minta", "bisa", "ganti", "ke", "pak", "min", "hi",
    "hello", "halo", "hai", "hey",
})  # fmt: skip


def language_asked(text: str) -> str | None:
    """"en" or "id" when the message only asks for that language by its name, else None."""
    said = tuple(word for word in _WORD.findall(text.casefold()) if word not in _AROUND_A_LANGUAGE)
    return _LANGUAGE_NAMES.get(said)



# A language asked for in the middle of something ("bisa pake bahasa indonesia aja? sy lebih ngerti", "sorry, can we
# continue in English? I'm not Indonesian"): its name after a word of asking or using, in a short message.
_ASKED_IN = {("bahasa", "indonesia"): "id", ("in", "indonesian"): "id", ("in", "bahasa"): "id",
             ("bahasa", "inggris"): "en", ("in", "english"): "en", ("english", "please"): "en",
             ("speak", "english"): "en", ("speak", "indonesian"): "id"}
_ASKING_TO_USE = frozenset({"bisa", "pakai", "pake", "ganti", "minta", "mau", "can", "could", "continue", "use",
                            "speak", "please", "switch", "change", "dalam", "aja", "saja"})
_WISH_WORDS = 12
# Not a wish: a language one cannot speak ("I can't speak Indonesian", "sy gk bisa bahasa inggris"), or one someone
# spoke in a story ("pelakunya bule ngomong pake bahasa inggris").
_CANNOT = frozenset({"not", "t", "dont", "cant", "cannot", "gak", "gk", "ga", "nggak", "enggak", "tidak", "tdk"})
_SPOKEN_BY_OTHERS = frozenset({"pelaku", "pelakunya", "dia", "orangnya", "bule", "he", "she", "they", "ngomong",
                               "bilang"})


def language_wished(text: str) -> str | None:
    """"en" or "id" when a short message asks to go on in that language, else None."""
    said = _WORD.findall(text.casefold())
    if len(said) > _WISH_WORDS or _SPOKEN_BY_OTHERS & set(said):
        return None
    for i in range(len(said) - 1):
        language = _ASKED_IN.get((said[i], said[i + 1]))
        if language and (_ASKING_TO_USE & set(said[max(0, i - 3):i + 3]) or "?" in text) \
                and not _CANNOT & set(said[max(0, i - 3):i]):
            return language
    return None
