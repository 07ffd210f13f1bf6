"""A per-sender flood limit: past it, one polite answer and no further work until the sender slows down."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from enum import StrEnum

from bot.channels.base import Outbound
from handlers.i18n import t
from handlers.language.emergency import is_cry_for_help

MAX_TRACKED = 10_000  # senders remembered before the idle ones are dropped
CRIES_BEYOND = 2  # a cry for help still goes through up to this many times the limit: panic writes fast


class Flood(StrEnum):
    """What a sender's next message gets: handled, one polite answer, or nothing."""

    PASS = "pass"
    WARN = "warn"  # the first message over the limit
    DROP = "drop"  # every one after it, until the sender slows down


def held_back(verdict: Flood, urn: str, language: str) -> list[Outbound]:
    """The answer to a message the gate did not let through: once a polite word, then silence."""
    return [Outbound(urn, t(language, "common.slow_down"))] if verdict is Flood.WARN else []


class FloodGate:
    """Sliding one-minute windows kept in memory, per process (several replicas each count their own)."""

    def __init__(self, per_minute: int = 20, window_seconds: float = 60.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self.window = window_seconds
        self.clock = clock
        self._seen: dict[str, deque[tuple[float, str | None]]] = {}  # per sender: when, and the provider's id
        self._warned: set[str] = set()

    def check(self, sender: str, message_id: str | None = None, text: str = "") -> Flood:
        """Whether `sender`'s message now is let through, and if not, whether it is answered. A message counted
        already (`message_id` seen in the window: a provider's retry, a replayed request) counts no more, so a
        copy sent over and over cannot hold its sender back; the engine answers it as the replay it is. Over
        the limit, a `text` that cries for help ("pak", "tolong", "cepat", then "ada begal bawa celurit") still goes
        through, up to CRIES_BEYOND times the limit."""
        now = self.clock()
        if len(self._seen) > MAX_TRACKED:
            self.forget_idle()
        seen = self._seen.setdefault(sender, deque())
        while seen and now - seen[0][0] > self.window:
            seen.popleft()
        if message_id is not None and any(counted == message_id for _at, counted in seen):
            return Flood.PASS
        if len(seen) < self.per_minute:
            seen.append((now, message_id))
            self._warned.discard(sender)
            return Flood.PASS
        if len(seen) < self.per_minute * CRIES_BEYOND and is_cry_for_help(text):
            seen.append((now, message_id))
            return Flood.PASS
        if sender in self._warned:
            return Flood.DROP
        self._warned.add(sender)
        return Flood.WARN

    def wait(self, sender: str) -> float:
        """Seconds until `sender` may be let through again (0 if now)."""
        seen = self._seen.get(sender)
        if not seen or len(seen) < self.per_minute:
            return 0.0
        return max(0.0, seen[0][0] + self.window - self.clock())

    def forget_idle(self) -> None:
        """Drops senders with nothing in their window, so memory follows the active senders only."""
        now = self.clock()
        for sender in [s for s, seen in self._seen.items() if not seen or now - seen[-1][0] > self.window]:
            del self._seen[sender]
            self._warned.discard(sender)
