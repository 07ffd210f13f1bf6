"""Cleaning what people type, once, before anything else reads it."""

from __future__ import annotations

import re
import unicodedata

MAX_INBOUND_CHARS = 20_000  # far above any step's limit: longer text is cut, then re-asked by length

_KEEP_CONTROLS = {"\n", "\t"}
_SPACES = re.compile(r"[ \t]+")
_BLANK_LINES = re.compile(r"\n{3,}")
_NOT_WORD = re.compile(r"[^\w]+")
_TERMINAL_ESCAPE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]")  # colour codes and the like, not words
# Every way of breaking a line, a lone carriage return too: a line break, not a character dropped ("…)\rFoto").
_LINE_BREAKS = re.compile("\r\n?|[\v\f\x1c-\x1e\x85\u2028\u2029]")


def sanitize(text: str | None) -> str:
    """Drops control bytes, zero-width and bidirectional-override characters and surrogates, and writes
    look-alike letters and digits plainly (full-width, mathematical, other scripts' digits: "０８１２",
    "𝟎𝟖𝟏𝟐", "٠٨١٢" are "0812").

    What officers read must look exactly like what is stored: invisible characters could hide or
    reorder words, and a number written in look-alikes would pass every reader of numbers, the one that
    hides a confidential reporter's own among them.
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", _TERMINAL_ESCAPE.sub("", text[: MAX_INBOUND_CHARS * 2]))
    kept = "".join(
        str(unicodedata.decimal(ch)) if ch.isdecimal() and not ch.isascii() else ch
        for ch in _LINE_BREAKS.sub("\n", text)
        if ch in _KEEP_CONTROLS or unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Cn")
    )
    kept = "\n".join(_SPACES.sub(" ", line).strip() for line in kept.split("\n"))
    return _BLANK_LINES.sub("\n\n", kept).strip()[:MAX_INBOUND_CHARS]


def normalize(text: str) -> str:
    """Lower case, punctuation folded to single spaces: the form used for matching words."""
    return _NOT_WORD.sub(" ", text.casefold()).replace("_", " ").strip()


def letters_and_digits(text: str) -> int:
    """How much of `text` says something: emoji and punctuation alone describe no place or event."""
    return sum(ch.isalnum() for ch in text)
