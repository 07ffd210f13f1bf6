"""Sending replies: what to do when a send fails is decided here, from the failure's type."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence

from bot.channels.base import ContactUnreachable, Outbound, RetryLater, SendFailed
from bot.retry import backoff

log = logging.getLogger(__name__)

ATTEMPTS = 4
FIRST_WAIT_SECONDS = 1.0
MAX_WAIT_SECONDS = 30.0  # a reply that cannot go out within this is logged, not waited on further


async def deliver(send: Callable[[Outbound], Awaitable[object]], replies: Sequence[Outbound],
                  mark_unreachable: Callable[[str], Awaitable[None]]) -> None:
    """Sends replies in order: waits as asked and retries what may pass later; stops at a blocked
    contact; logs what fails for good."""
    for reply in replies:
        for attempt in range(1, ATTEMPTS + 1):
            try:
                await send(reply)
                break
            except RetryLater as failure:
                if attempt == ATTEMPTS:
                    log.warning("reply not sent after %d attempts: %s", attempt, failure)
                    break
                wait = backoff(attempt, FIRST_WAIT_SECONDS, MAX_WAIT_SECONDS, failure.delay)
                await asyncio.sleep(min(wait, MAX_WAIT_SECONDS))
            except ContactUnreachable:
                log.info("contact unreachable: replies stopped")
                await mark_unreachable(reply.urn)
                return
            except SendFailed as failure:  # refused for good, or a template needed: a reply has none
                log.warning("reply refused: %s", failure)
                break
