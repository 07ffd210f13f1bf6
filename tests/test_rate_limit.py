"""The pace kept towards a provider: never more calls in a second than allowed as the provider counts them,
however the calls come and however long their answers take."""

from __future__ import annotations

import asyncio
import random

import pytest

from bot.channels.base import Call, RateLimit
from harness.dispatching import busiest_second


async def calls_through(limit: RateLimit, calls: int, senders: int = 8, longest_answer: float = 0.01) -> list[Call]:
    """`calls` calls made by `senders` tasks, each answered after up to `longest_answer` seconds, in the order
    they started."""
    made: list[Call] = []
    left, answers = iter(range(calls)), random.Random(0)

    async def sender() -> None:
        for _ in left:
            async with limit.call() as call:
                made.append(call)
                await asyncio.sleep(answers.uniform(0, longest_answer))

    await asyncio.gather(*(sender() for _ in range(senders)))
    return made


def within_the_limit_at_the_provider(limit: RateLimit, made: list[Call]) -> bool:
    """Wherever between its start and the moment it is counted by (its answer, or a window after its start)
    the provider saw each call, no window held more than the limit: each call started a window after the call
    `limit.calls` before it was counted."""
    return all(later.started >= earlier.counted(limit.window) + limit.window
               for earlier, later in zip(made, made[limit.calls:], strict=False))


async def test_no_second_holds_more_calls_than_the_limit_as_the_provider_counts_them() -> None:
    limit = RateLimit(50)
    made = await calls_through(limit, 150)
    starts = [call.started for call in made]
    assert busiest_second(starts) == 50, "the limit is reached and never passed"
    assert within_the_limit_at_the_provider(limit, made)
    assert max(starts) - min(starts) >= 2.0, "150 calls at 50 a second take more than two seconds"


async def test_slow_answers_push_the_calls_after_them_back() -> None:
    limit = RateLimit(20)
    made = await calls_through(limit, 60, senders=20, longest_answer=0.3)
    assert within_the_limit_at_the_provider(limit, made)
    assert any(later.started - earlier.started >= limit.window + 0.05
               for earlier, later in zip(made, made[limit.calls:], strict=False)), "an answer's wait counts"


async def test_a_call_without_an_answer_holds_the_pace_back_one_window_not_until_it_ends() -> None:
    limit, answer, stalled = RateLimit(2), asyncio.Event(), []

    async def stalling() -> None:
        async with limit.call() as call:
            stalled.append(call)
            await answer.wait()

    stalling_task = asyncio.create_task(stalling())
    await asyncio.sleep(0)
    made = await calls_through(limit, 3, senders=1, longest_answer=0)
    assert not stalling_task.done(), "the calls after the stalled one went while it had no answer"
    answer.set()
    await stalling_task
    # Two a second: the second call after the stalled one waits for it to count as seen, a window after its
    # start, and then for a window.
    assert made[1].started >= stalled[0].started + 2 * limit.window
    assert within_the_limit_at_the_provider(limit, [*stalled, *made])


@pytest.mark.parametrize(("per_second", "calls"), [(4 / 3, 3), (2.5, 5)])
async def test_a_limit_below_a_few_a_second_spaces_the_calls(per_second: float, calls: int) -> None:
    limit = RateLimit(per_second)
    made = await calls_through(limit, calls, senders=3)
    starts = [call.started for call in made]
    whole = max(1, int(per_second))
    window = whole / per_second  # at most `whole` calls within any such span
    assert all(later - earlier >= window for earlier, later in zip(starts, starts[whole:], strict=False))
    assert within_the_limit_at_the_provider(limit, made)
