"""One retry policy for replies and for the outbox: what it waits, and what a reply does on each kind of
send failure."""

from __future__ import annotations

import pytest

from bot import delivery
from bot.channels.base import (
    ContactUnreachable,
    NeedsTemplate,
    Outbound,
    PermanentFailure,
    RetryLater,
    SendFailed,
)
from bot.outbox import RetryPolicy
from bot.retry import backoff


@pytest.mark.parametrize(("attempt", "low", "high"), [(1, 1.0, 2.0), (2, 2.0, 4.0), (3, 4.0, 8.0), (9, 5.0, 10.0)])
def test_the_wait_doubles_with_full_jitter_up_to_the_most(attempt: int, low: float, high: float) -> None:
    waits = [backoff(attempt, first=2.0, most=10.0) for _ in range(200)]
    assert all(low <= wait <= high for wait in waits)
    assert len(set(waits)) > 100, "jittered: failed sends do not all come back at once"


def test_the_provider_s_own_delay_is_obeyed() -> None:
    assert backoff(1, first=2.0, most=10.0, asked=45.0) == 45.0
    assert RetryPolicy().delay(3, 7.0).total_seconds() == 7.0


def test_the_outbox_tries_a_first_failure_again_at_once_then_waits_by_the_same_formula() -> None:
    policy = RetryPolicy(first_delay=2.0, max_delay=10.0)
    assert policy.delay(1, None).total_seconds() == 0.0, "the provider allows it: it passes the pace like any call"
    assert policy.delay(1, 1.0).total_seconds() == 1.0, "unless the provider asked for a wait"
    assert all(1.0 <= policy.delay(2, None).total_seconds() <= 2.0 for _ in range(100))
    assert all(2.0 <= policy.delay(3, None).total_seconds() <= 4.0 for _ in range(100))


@pytest.mark.parametrize(("failure", "tries", "unreachable"), [
    (RetryLater("502", delay=0.0), delivery.ATTEMPTS, False),  # tried again, up to the last attempt
    (ContactUnreachable("blocked"), 1, True),  # stop writing to them
    (PermanentFailure("too long"), 1, False),  # given up, logged
    (NeedsTemplate("outside the window"), 1, False),  # a reply has no template: given up, logged
    (SendFailed("other"), 1, False),
])
async def test_a_reply_does_what_its_failure_says(failure: SendFailed, tries: int, unreachable: bool) -> None:
    tried: list[Outbound] = []
    marked: list[str] = []

    async def send(reply: Outbound) -> None:
        tried.append(reply)
        raise failure

    async def mark(urn: str) -> None:
        marked.append(urn)

    replies = [Outbound("telegram:1", "first"), Outbound("telegram:1", "second")]
    await delivery.deliver(send, replies, mark)
    first_tries = [reply for reply in tried if reply.text == "first"]
    assert len(first_tries) == tries
    assert marked == (["telegram:1"] if unreachable else [])
    assert any(reply.text == "second" for reply in tried) is not unreachable, "a blocked contact gets no more"
