"""Menus, and reading a choice from a button, its number, its label or a near miss of it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz

from bot.channels.base import Choice
from handlers.i18n import LANGUAGES, aliases, labels
from handlers.text import normalize

TYPO_CUTOFF = 80  # fuzz.ratio: "narkob" → "narkoba" 92, "lalulintas" → "lalu lintas" 95


@cache
def _names(group: str, key: str) -> frozenset[str]:
    """Every way of naming one choice, in every language: residents mix them."""
    names: set[str] = set()
    for lang in LANGUAGES:
        names.add(normalize(labels(lang, group).get(key, "")))
        names.update(normalize(a) for a in aliases(lang, group).get(key, []))
    names.discard("")
    return frozenset(names)


@dataclass(frozen=True)
class Menu:
    """A choice group of the catalogue (`choice.<group>.<key>`), or some of its keys, in order."""

    group: str
    keys: tuple[str, ...] = ()

    def options(self, lang: str) -> tuple[Choice, ...]:
        group_labels = labels(lang, self.group)
        return tuple(Choice(key, group_labels[key]) for key in (self.keys or tuple(group_labels)))

    def only(self, *keys: str) -> Menu:
        return Menu(self.group, keys)

    def pick(self, lang: str, text: str, button: str | None = None) -> str | None:
        """The key the resident meant, or None when it is not clearly one of the options."""
        keys = [c.key for c in self.options(lang)]
        if button is not None:
            return button if button in keys else None
        said = normalize(text)
        if not said:
            return None
        if said.isdigit():
            number = int(said)
            return keys[number - 1] if 1 <= number <= len(keys) else None
        exact = [key for key in keys if said in _names(self.group, key)]
        if len(exact) == 1:
            return exact[0]
        scored = sorted(((max(fuzz.ratio(said, n) for n in _names(self.group, key)), key) for key in keys),
                        reverse=True)
        best_score, best = scored[0]
        runner_up = scored[1][0] if len(scored) > 1 else 0.0
        return best if best_score >= TYPO_CUTOFF and best_score > runner_up else None
