"""Menus, and reading a choice from a button, its number, its label or a near miss of it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz

from bot.channels.base import Choice
from handlers.i18n import LANGUAGES, aliases, labels
from handlers.language.answers import NEUTRAL, yes_or_no
from handlers.language.normalise import normalise

TYPO_CUTOFF = 80  # fuzz.ratio: "narkob" → "narkoba" 92, "lalulintas" → "lalu lintas" 95
CONTAINED_MAX_WORDS = 6  # "rahasia aja", "ga ada fotonya": a short answer that holds one option's name
NEGATIONS = frozenset({"tidak", "enggak", "bukan", "jangan", "not", "no", "never", "dont", "ogah", "emoh", "moh"})
NEEDED = frozenset({"usah", "perlu", "need"})  # "gak usah", "tidak perlu", "no need": a thing declined
# Words between a negation and what it declines: "gak mau anonim", "ga jadi anonim", "I don't want to be anonymous".
_DECLINING_ON = NEEDED | frozenset({"mau", "ingin", "pengin", "jadi", "pakai", "want", "wanna", "to", "be", "use"})
_DECLINING_WITHIN = 5  # "don t want to be": the words a refusal may stand before the name
# A refusal closing the message after the name: "anonim gak usah pak", "anonymous no".
_DECLINED_AFTER = (["jangan"], ["enggak"], ["tidak"], ["no"], ["enggak", "usah"], ["tidak", "usah"],
                   ["enggak", "perlu"], ["tidak", "perlu"], ["enggak", "mau"], ["tidak", "mau"])
NUMBER_WORDS = {"satu": "1", "dua": "2", "tiga": "3", "empat": "4", "lima": "5", "enam": "6", "tujuh": "7",
                "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
                "siji": "1", "loro": "2", "telu": "3", "hiji": "1", "tilu": "3",
                # the one in its place: "yg pertama", "nomor 2", "the second one"
                "pertama": "1", "kedua": "2", "ketiga": "3", "keempat": "4", "kelima": "5", "first": "1",
                "second": "2", "third": "3", "fourth": "4", "fifth": "5"}
# Words around a number that say which: "yg kedua", "nomor 2", "no. 3", "the first one", "pilih 1".
_AROUND_A_NUMBER = frozenset({"yang", "nomor", "no", "nomer", "pilih", "pilihan", "the", "one", "number", "saja"})
NO_MATTER = frozenset({"gpp", "gapapa", "gakpapa", "nggakpapa", "fine"})  # "it's fine": said with the answer


@cache
def _names_in(lang: str, group: str, key: str) -> frozenset[str]:
    """The ways one language's catalogue names one choice."""
    names = {normalise(labels(lang, group).get(key, ""))} | {normalise(a) for a in aliases(lang, group).get(key, [])}
    return frozenset(names - {""})


@cache
def _names(group: str, key: str) -> frozenset[str]:
    """Every way of naming one choice of the catalogue, in every language: residents mix them."""
    return frozenset().union(*(_names_in(lang, group, key) for lang in LANGUAGES))


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

    def answers(self, lang: str) -> list[tuple[str, frozenset[str]]]:
        """Each option's key with the names it answers to, for pick()."""
        return [(c.key, _names(self.group, c.key)) for c in self.options(lang)]

    def pick(self, lang: str, text: str, button: str | None = None) -> str | None:
        """The key the resident meant, or None when it is not clearly one of the options."""
        return pick(self.answers(lang), text, button)

    def language_named_in(self, text: str) -> str | None:
        """The one language whose own name of an option is the whole message ("report", "theft"): a resident who
        picks in it reads it. None for a name both share ("status")."""
        said = normalise(text)
        named = {lang for lang in LANGUAGES for key, _ in self.answers(lang)
                 if said in _names_in(lang, self.group, key)}
        return named.pop() if len(named) == 1 else None

    def declined(self, lang: str, text: str) -> frozenset[str]:
        """The keys of the options the words decline ("jangan anonim", "gak mau dirahasiakan", "not anonymous")."""
        said = normalise(text).split()
        return frozenset(key for key, names in self.answers(lang) if _declined_in(said, names))


_SIGNED = re.compile(r"^\s*[-+−–]\s*\d")


def pick(options: Sequence[tuple[str, Iterable[str]]], text: str, button: str | None = None) -> str | None:
    """The key of the option meant by a button, a number, a name, a yes or a no where the options are
    those two, or a near miss of one name.

    `options` pairs each key with the normalised names it answers to, in the order shown.
    """
    keys = [key for key, _ in options]
    if button is not None:
        return button if button in keys else None
    if _SIGNED.match(text):
        return None  # "-1": no option's number, though its digit is one
    said = normalise(text)
    if not said:
        return None
    if (number := number_said(said)) is not None:
        return keys[number - 1] if 1 <= number <= len(keys) else None
    names = {key: set(key_names) for key, key_names in options}
    exact = [key for key in keys if said in names[key]]
    if len(exact) == 1:
        return exact[0]
    yes_or_no_asked = "yes" in keys and "no" in keys
    if yes_or_no_asked:
        answer = yes_or_no(text)  # not by a name held in more words: "hapus apa pak?" confirms no erasure
        if answer is not None:
            return answer
    # "gak usah pake nama", "don't show my name": an option declined is not the one meant, however near
    keys = [key for key in keys if not _declined_in(said.split(), names[key])]
    if not keys:
        return None
    if not yes_or_no_asked:
        contained = _contained(said, names, keys)  # "rahasia aja"
        if contained is not None:
            return contained
    scored = sorted(((max((fuzz.ratio(said, n) for n in names[key]), default=0.0), key) for key in keys),
                    reverse=True)
    best_score, best = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else 0.0
    return best if best_score >= TYPO_CUTOFF and best_score > runner_up else None


def number_said(said: str) -> int | None:
    """The option's number the normalised words say: "2", "dua", "two", "yg kedua", "nomor 2"; None when they say
    more than a number."""
    said = NUMBER_WORDS.get(said, said)
    stripped = " ".join(word for word in said.split() if word not in _AROUND_A_NUMBER)
    said = NUMBER_WORDS.get(stripped, stripped) if NUMBER_WORDS.get(stripped, stripped).isdecimal() else said
    return int(said) if said.isdecimal() else None  # not isdigit(): "²" is a digit int() cannot read


def _declined_in(words: list[str], names: Iterable[str]) -> bool:
    """Whether one of an option's names is said declined ("tidak rahasia", "jangan pakai nama", "anonim gak usah")."""
    return any(words[i:i + len(want)] == want and (_declined(words, i) or _declined_after(words[i + len(want):]))
               for want in (name.split() for name in names if name and name.split()[0] not in NEGATIONS)
               for i in range(len(words) - len(want) + 1))


def _declined_after(rest: list[str]) -> bool:
    """Whether the words after a name, to the end, refuse it ("anonim gak usah pak"); not "rahasia jangan anonim"."""
    return [word for word in rest if word not in NEUTRAL] in _DECLINED_AFTER


def _contained(said: str, names: dict[str, set[str]], keys: list[str]) -> str | None:
    """The one option whose name a short answer holds ("rahasia aja", "kriminal pak", "ga ada fotonya"), with
    at most one other word that says something, and not negated."""
    words = said.split()
    if len(words) > CONTAINED_MAX_WORDS:
        return None
    found = set()
    for key in keys:
        for name in names[key]:
            want = name.split()
            if len(name) < 3 or want[0] not in words:
                continue
            for i in range(len(words) - len(want) + 1):
                if words[i:i + len(want)] != want or (want[0] not in NEGATIONS and _declined(words, i)):
                    continue
                rest = words[:i] + words[i + len(want):]
                if sum(w not in NEUTRAL for w in _without_declining(rest)) <= 1:
                    found.add(key)
    return found.pop() if len(found) == 1 else None


def _declined(words: list[str], at: int) -> bool:
    """Whether the word at `at` is negated ("tidak rahasia", "don't use my name") or declined ("gak usah
    rahasia", "gak mau anonim", "I don't want to be anonymous")."""
    before = words[max(0, at - _DECLINING_WITHIN):at]
    while before and before[-1] in _DECLINING_ON:
        before.pop()
    return bool(before) and (before[-1] in NEGATIONS or before[-2:] == ["don", "t"])


def _without_declining(words: list[str]) -> list[str]:
    """The words less a "gak usah" that declines something else ("gak usah pak, rahasia aja" answers *rahasia*)
    and a "no matter" ("pake nama aja gpp")."""
    out: list[str] = []
    for word in words:
        if word in NEEDED and out and out[-1] in NEGATIONS:
            out.pop()
        elif word in NO_MATTER:
            continue
        elif word in ("apa", "papa") and out and out[-1] in NEGATIONS | {"apa"}:
            while out and out[-1] in NEGATIONS | {"apa"}:  # "enggak apa apa", "enggak papa"
                out.pop()
        else:
            out.append(word)
    return out
