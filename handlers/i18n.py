"""Message catalogues: every text a person reads comes from `locales/<lang>.toml`."""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any
from zoneinfo import ZoneInfo

from handlers.text import normalize

LANGUAGES = ("id", "en")
LOCALES = Path(__file__).parent / "locales"


def _flatten(table: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in table.items():
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


@cache
def catalogue(lang: str) -> dict[str, Any]:
    with (LOCALES / f"{lang}.toml").open("rb") as f:
        return _flatten(tomllib.load(f))


def t(lang: str, key: str, **params: Any) -> str:
    text: str = catalogue(lang)[key]
    return text.format(**params) if params else text


# Read on every message that shows or reads a choice: picked out of the catalogue once, and read-only.
@cache
def labels(lang: str, group: str) -> Mapping[str, str]:
    """The labels of a choice group, `{key: label}`, in catalogue order."""
    prefix = f"choice.{group}."
    return MappingProxyType({k[len(prefix):]: v for k, v in catalogue(lang).items() if k.startswith(prefix)})


@cache
def aliases(lang: str, group: str) -> Mapping[str, list[str]]:
    prefix = f"alias.{group}."
    return MappingProxyType({k[len(prefix):]: v for k, v in catalogue(lang).items() if k.startswith(prefix)})


_ZONE_NAMES = {"Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}


@cache
def keywords() -> list[tuple[str, str]]:
    """The words that work at any step, as (word, keyword) of both languages, longest word first."""
    pairs = {(normalize(word), name.removeprefix("keyword."))
             for lang in LANGUAGES for name, words in catalogue(lang).items() if name.startswith("keyword.")
             for word in words}
    return sorted(pairs, key=lambda pair: -len(pair[0]))


@cache
def keywords_by_first_word() -> dict[str, list[tuple[str, str]]]:
    """keywords(), each under its first word, longest first: a message is looked up by its own first word."""
    by_first: dict[str, list[tuple[str, str]]] = {}
    for word, keyword in keywords():
        by_first.setdefault(word.split(" ", 1)[0], []).append((word, keyword))
    return by_first


def format_time(lang: str, moment: dt.datetime, timezone: str = "Asia/Jakarta") -> str:
    """`25 Nov 2026 17:05 WIB`, in the station's zone."""
    return f"{format_date(lang, moment, timezone)} {format_clock(moment, timezone)}"


def format_moment(lang: str, moment: dt.datetime, timezone: str, *, hourly: bool) -> str:
    """format_time, or format_hour for a time kept to its whole hour (an anonymous account's): never said as more."""
    return format_hour(lang, moment, timezone) if hourly else format_time(lang, moment, timezone)


def format_hour(lang: str, moment: dt.datetime, timezone: str = "Asia/Jakarta") -> str:
    """`25 Nov 2026 sekitar 17:00 WIB`: a time kept to the whole hour (an anonymous report's), said as no more."""
    return t(lang, "time.about", date=format_date(lang, moment, timezone), clock=format_clock(moment, timezone))


def format_date(lang: str, moment: dt.datetime, timezone: str = "Asia/Jakarta") -> str:
    """`25 Nov 2026`, in the station's zone."""
    local = moment.astimezone(ZoneInfo(timezone))
    month = t(lang, "time.months").split()[local.month - 1]
    return f"{local.day} {month} {local.year}"


def format_clock(moment: dt.datetime, timezone: str = "Asia/Jakarta") -> str:
    """`17:05 WIB`, in the station's zone."""
    local = moment.astimezone(ZoneInfo(timezone))
    return f"{local:%H:%M} {_ZONE_NAMES.get(timezone, local.strftime('%Z'))}"
