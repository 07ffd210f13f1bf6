"""Words that mean someone may be in danger now. One list, in one place."""

from __future__ import annotations

import re

from handlers.text import normalize

EMERGENCY_WORDS = frozenset({
    # Bahasa Indonesia
    "begal", "dibegal", "rampok", "dirampok", "perampokan", "tolong", "kebakaran", "terbakar",
    "bacok", "dibacok", "tusuk", "ditusuk", "penusukan", "pembunuhan", "dibunuh", "bunuh", "kdrt",
    "senjata", "pistol", "tembak", "ditembak", "penembakan", "tawuran", "diperkosa", "pemerkosaan",
    "perkosa", "culik", "diculik", "penculikan", "bom", "ledakan", "sandera", "disandera",
    "darurat", "gawat", "pingsan", "berdarah", "luka parah", "kecelakaan parah", "bunuh diri",
    # English
    "help", "emergency", "fire", "robbery", "robbed", "stabbed", "stabbing", "gun", "shooting",
    "kidnap", "kidnapped", "murder", "rape", "bomb", "hostage",
})

_PATTERN = re.compile(r"\b(" + "|".join(sorted(map(re.escape, EMERGENCY_WORDS), key=len, reverse=True)) + r")\b")


def mentions_emergency(text: str) -> bool:
    return bool(text) and _PATTERN.search(normalize(text)) is not None
