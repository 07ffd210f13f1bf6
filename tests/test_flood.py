"""The per-sender flood limit, on a clock the test moves: what each message gets, and the answer to one held
back (the end-to-end form is test_whatsapp.py's)."""

from __future__ import annotations

from bot.channels.base import Outbound
from bot.flood import Flood, FloodGate, held_back
from handlers.i18n import t


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_past_the_limit_one_message_is_warned_and_the_rest_dropped_until_the_window_passes() -> None:
    clock = Clock()
    gate = FloodGate(per_minute=3, clock=clock)
    assert [gate.check("whatsapp:+6281") for _ in range(6)] == [Flood.PASS] * 3 + [Flood.WARN, Flood.DROP, Flood.DROP]
    assert gate.check("whatsapp:+6282") is Flood.PASS, "each sender has a window of their own"
    assert gate.wait("whatsapp:+6281") == 60.0
    clock.now += 60.5
    assert gate.wait("whatsapp:+6281") == 0.0
    assert [gate.check("whatsapp:+6281") for _ in range(5)] == [Flood.PASS] * 3 + [Flood.WARN, Flood.DROP]


def test_a_warned_message_gets_the_slow_down_answer_and_a_dropped_one_none() -> None:
    assert held_back(Flood.WARN, "telegram:1", "en") == [Outbound("telegram:1", t("en", "common.slow_down"))]
    assert held_back(Flood.DROP, "telegram:1", "id") == []


def test_a_message_sent_again_counts_once_so_replaying_it_holds_no_one_back() -> None:
    gate = FloodGate(per_minute=3, clock=Clock())
    assert [gate.check("whatsapp:+6281", "SM1") for _ in range(10)] == [Flood.PASS] * 10
    assert [gate.check("whatsapp:+6281", f"SM{n}") for n in (2, 3, 4)] == [Flood.PASS, Flood.PASS, Flood.WARN]


def test_a_cry_for_help_past_the_limit_still_goes_through_up_to_twice_the_limit() -> None:
    gate = FloodGate(per_minute=3, clock=Clock())
    assert [gate.check("whatsapp:+6281", f"SM{n}", "pak tolong") for n in range(3)] == [Flood.PASS] * 3
    assert gate.check("whatsapp:+6281", "SM3", "cepat pak") is Flood.WARN
    cry = "tolong ada begal bawa celurit di depan rumah saya sekarang"
    assert [gate.check("whatsapp:+6281", f"SM{n}", cry) for n in range(4, 8)] == [Flood.PASS] * 3 + [Flood.DROP]
