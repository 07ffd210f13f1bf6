"""The pace kept towards a provider: never more calls in a second than allowed, however the calls come."""

from __future__ import annotations

import asyncio
import random

import pytest

from bot.channels.base import RateLimit
from harness.dispatching import busiest_second


async def starts_of(limit: RateLimit, calls: int, senders: int = 8) -> list[float]:
    """When each of `calls` calls started, made by `senders` tasks that each do a little work between."""
    loop, starts, left = asyncio.get_running_loop(), [], iter(range(calls))
    jitter = random.Random(0)

    async def sender() -> None:
        for _ in left:
            await limit.wait()
            starts.append(loop.time())
            await asyncio.sleep(jitter.uniform(0, 0.01))

    await asyncio.gather(*(sender() for _ in range(senders)))
    return starts


async def test_no_second_holds_more_calls_than_the_limit() -> None:
    starts = await starts_of(RateLimit(50), 150)
    assert busiest_second(starts) == 50, "the limit is reached and never passed"
    assert max(starts) - min(starts) >= 2.0, "150 calls at 50 a second take more than two seconds"


@pytest.mark.parametrize(("per_second", "calls"), [(4 / 3, 3), (2.5, 5)])
async def test_a_limit_below_a_few_a_second_spaces_the_calls(per_second: float, calls: int) -> None:
    starts = sorted(await starts_of(RateLimit(per_second), calls, senders=3))
    whole = max(1, int(per_second))
    window = whole / per_second  # at most `whole` calls within any such span
    assert all(later - earlier >= window for earlier, later in zip(starts, starts[whole:], strict=False))
