"""Driving the real outbox dispatcher until every row is done, and reading what the provider's API saw:
shared by the fault test and the dispatch benchmark (B4)."""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.outbox import Dispatcher
from storage.models import Outbox, OutboxState


async def pending(sessions: async_sessionmaker[AsyncSession]) -> int:
    async with sessions() as db:
        return (await db.execute(select(func.count()).select_from(Outbox)
                                 .where(Outbox.state == OutboxState.PENDING))).scalar_one()


async def send_all(dispatcher: Dispatcher, sessions: async_sessionmaker[AsyncSession], *, seconds: float,
                   idle_seconds: float = 1.0) -> None:
    """Runs the dispatcher's own loop, as the service does, until no row is pending; TimeoutError after
    `seconds`."""
    stop = asyncio.Event()
    sending = asyncio.create_task(dispatcher.run(stop, idle_seconds))
    try:
        async with asyncio.timeout(seconds):
            while await pending(sessions):
                if sending.done():  # run() only ends when stopped: an error here is a bug to see
                    sending.result()
                await asyncio.sleep(0.1)
    finally:
        stop.set()
        await sending


def busiest_second(times: list[float]) -> int:
    """The most requests within any one second, over request times (seconds, any order)."""
    times = sorted(times)
    busiest, right = 0, 0
    for left, start in enumerate(times):
        right = max(right, left)
        while right + 1 < len(times) and times[right + 1] - start < 1.0:
            right += 1
        busiest = max(busiest, right - left + 1)
    return busiest
