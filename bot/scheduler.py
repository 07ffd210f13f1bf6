"""The service's recurring work on APScheduler, in the service's own event loop."""

from __future__ import annotations

import logging

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from handlers.engine import Engine

log = logging.getLogger(__name__)

ESCALATION_EVERY_SECONDS = 30


def start_scheduler(engine: Engine) -> AsyncIOScheduler:
    """Starts the jobs; call it inside the running loop and `shutdown()` the result on the way out."""
    scheduler = AsyncIOScheduler(timezone="UTC")
    scheduler.add_job(_escalate, "interval", args=[engine], seconds=ESCALATION_EVERY_SECONDS, id="escalation",
                      replace_existing=True, coalesce=True, max_instances=1)
    scheduler.start()
    return scheduler


async def _escalate(engine: Engine) -> None:
    try:
        escalated = await engine.escalate()
    except Exception:  # the next run tries again; the job must not die with one bad round
        log.exception("escalation round failed")
        return
    if escalated:
        log.info("escalated %d unacknowledged report(s)", escalated)
