"""Words that mean someone may be in danger now. One list, in one place."""

from __future__ import annotations

import re

from handlers.text import normalize

EMERGENCY_WORDS = frozenset({
    # Bahasa Indonesia
    "begal", "dibegal", "rampok", "dirampok", "perampokan", "kebakaran", "terbakar",
    "tolong saya", "tolong kami", "tolong aku", "tolong tolong", "tolong cepat", "minta tolong segera",
    "bacok", "dibacok", "tusuk", "ditusuk", "penusukan", "pembunuhan", "dibunuh", "bunuh", "kdrt",
    "senjata", "pistol", "tembak", "ditembak", "penembakan", "tawuran", "diperkosa", "pemerkosaan",
    "perkosa", "culik", "diculik", "penculikan", "bom", "ledakan", "sandera", "disandera",
    "darurat", "gawat", "pingsan", "berdarah", "luka parah", "kecelakaan parah", "bunuh diri",
    # English
    "help me", "help us", "emergency", "fire", "robbery", "robbed", "stabbed", "stabbing", "gun", "shooting",
    "kidnap", "kidnapped", "murder", "rape", "bomb", "hostage",
})

_PATTERN = re.compile(r"\b(" + "|".join(sorted(map(re.escape, EMERGENCY_WORDS), key=len, reverse=True)) + r")\b")


# "Tolong" is also the everyday "please" ("tolong ditertibkan"): it is a cry for help only on its own.
CRIES = frozenset({"tolong", "sos"})


def mentions_emergency(text: str) -> bool:
    said = normalize(text)
    return said in CRIES or _PATTERN.search(said) is not None
