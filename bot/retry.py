"""When a failed send is tried again: one formula for replies (bot/delivery.py) and for what the outbox
sends (bot/outbox.py)."""

from __future__ import annotations

import random


def backoff(attempt: int, first: float, most: float, asked: float | None = None) -> float:
    """Seconds to wait after the `attempt`-th failed try: the provider's own delay when it gave one;
    otherwise exponential backoff with full jitter, between half and all of first·2^(attempt−1), at most
    `most`, so that many failed sends do not all come back at the same moment."""
    if asked is not None:
        return asked
    ceiling = min(most, first * 2 ** (attempt - 1))
    return random.uniform(ceiling / 2, ceiling)
