"""The time a story names, as one of the report's time choices: now, today, or before today."""

from __future__ import annotations

from handlers.language.normalise import words

# Words of the moment, checked in this order: "tadi malam" is earlier than "tadi", "kemarin" than "sekarang".
WHEN_PHRASES = (
    ("earlier", ("kemarin", "kemaren", "kemarinnya", "kemarennya", "semalam", "semalem", "tadi malam",
                 "malam tadi", "minggu lalu", "bulan lalu", "hari lalu", "tahun lalu", "yang lalu", "lusa",
                 "yesterday", "last night", "last week", "days ago", "week ago", "ago")),
    ("now", ("sekarang", "sedang", "lagi", "masih", "saat ini", "barusan banget", "right now", "happening",
             "now", "currently")),
    ("today", ("tadi", "barusan", "hari ini", "pagi ini", "siang ini", "sore ini", "malam ini", "today",
               "this morning", "this afternoon", "this evening", "just now", "earlier today")),
)


def when_named(text: str) -> str | None:
    """"now", "today", "earlier", or None when the text names no time."""
    said = words(text)
    for choice, phrases in WHEN_PHRASES:
        for phrase in phrases:
            want = phrase.split()
            if any(said[i:i + len(want)] == want for i in range(len(said) - len(want) + 1)):
                return choice
    return None
