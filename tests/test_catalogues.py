"""The message catalogues: complete in both languages, and every key the code uses exists."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from handlers.choices import Menu
from handlers.i18n import LANGUAGES, aliases, catalogue, format_time
from handlers.report_flow import ORDER

ROOT = Path(__file__).parent.parent


def placeholders(text: object) -> set[str]:
    if not isinstance(text, str):
        return set()
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_languages_have_the_same_keys_and_placeholders() -> None:
    indonesian, english = catalogue("id"), catalogue("en")
    assert indonesian.keys() == english.keys()
    for key in indonesian:
        assert placeholders(indonesian[key]) == placeholders(english[key]), key


def test_every_key_the_code_says_exists() -> None:
    sections = "|".join(sorted({key.split(".")[0] for key in catalogue("id")} - {"choice", "alias", "keyword"}))
    used: set[str] = set()
    for path in (ROOT / "handlers").rglob("*.py"):
        used |= set(re.findall(rf"""["']((?:{sections})\.[a-z_]+(?:\.[a-z_]+)*)["']""", path.read_text()))
    assert {"common.error", "report.summary", "status.report", "report.submitted"} <= used
    for lang in LANGUAGES:
        missing = used - catalogue(lang).keys()
        assert not missing, (lang, missing)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_report_step_that_offers_a_choice_has_labels(lang: str) -> None:
    for group in ("main", "category", "when", "photo", "identity", "summary", "field", "language", "yes_no"):
        assert any(key.startswith(f"choice.{group}.") for key in catalogue(lang)), group
    fields = {key.removeprefix("choice.field.") for key in catalogue(lang) if key.startswith("choice.field.")}
    assert fields == set(ORDER) - {"summary", "name", "same_incident"}  # the last is a question, not an answer


def test_times_are_shown_in_the_station_zone() -> None:
    import datetime as dt
    moment = dt.datetime(2026, 11, 25, 1, 30, tzinfo=dt.UTC)
    assert format_time("id", moment) == "25 Nov 2026 08:30 WIB"
    assert format_time("en", moment, "Asia/Jayapura") == "25 Nov 2026 10:30 WIT"
    assert format_time("id", moment, "Asia/Makassar") == "25 Nov 2026 09:30 WITA"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_name_of_a_category_picks_that_category(lang: str) -> None:
    menu = Menu("category")
    for key, names in aliases(lang, "category").items():
        for name in names:
            assert menu.pick(lang, name) == key, name
    assert menu.pick("id", "cepet") is None, '"hurry!" is no near miss of a crime\'s name'
