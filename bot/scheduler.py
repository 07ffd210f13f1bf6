"""The service's recurring work on APScheduler 3, in the service's own event loop.

With several processes on one database only the leader runs the jobs: on PostgreSQL the holder of an
advisory lock on a connection of its own, on SQLite the holder of a lock file beside the database. When the
leader dies its lock goes with it, and another process takes over at its next try. A leader that loses its
lock connection stops its jobs at its next check (a job already running finishes); until then two may run,
which every job tolerates (the database's unique rows and row locks keep each piece of work once).

The jobs are kept in memory, in the leader alone: they are made afresh whenever a process takes the lead,
so their next runs count from then. A purge missed by a restart runs the next night, and missed digests
are caught up at once by the start-up round. What the jobs did is in the database; when they run next is
not, so a database that is busy or down holds up a job's work, never the scheduler.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import fcntl
import functools
import logging
import os
from collections.abc import Awaitable, Callable
from pathlib import Path

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy import pool, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncConnection, create_async_engine

from handlers.engine import Engine
from storage.db import is_sqlite

log = logging.getLogger(__name__)

LEADER_KEY = 0x4C41504F52  # "LAPOR": the advisory lock every Lapor process tries for
LEADER_RETRY_SECONDS = 15.0  # how often a follower tries for the lead, and the leader checks it still has it
MISFIRE_GRACE_SECONDS = 6 * 3600  # a run due while the loop was busy still goes

Work = Callable[[], Awaitable[int]]  # a round of a job: how many things it did


def jobs(engine: Engine, retention: dt.timedelta) -> tuple[tuple[str, Work, BaseTrigger], ...]:
    """The recurring work: id, what it runs, when."""
    return (
        ("escalation", engine.escalate, IntervalTrigger(seconds=30)),
        ("digests", engine.send_due_digests, IntervalTrigger(seconds=60)),
        ("draft-expiry", engine.expire_drafts, IntervalTrigger(minutes=5)),
        # At a fixed time rather than every 24 hours, which a daily restart would put off for ever.
        ("retention-purge", functools.partial(engine.purge, retention),
         CronTrigger(hour=19, minute=30, timezone="UTC")),  # 02:30 WIB
    )


async def run_job(job_id: str, work: Work) -> None:
    """One round of a job; a failure is logged, and the next round tries again."""
    try:
        done = await work()
    except Exception:  # one bad round (the database down) must not stop the job
        log.exception("%s failed", job_id)
        return
    if done:
        log.info("%s: %d", job_id, done)


class Leadership:
    """Who runs the jobs among processes sharing one database."""

    def __init__(self, database_url: str) -> None:
        self.database_url = database_url
        self._connection: AsyncConnection | None = None
        self._lock_file: int | None = None

    async def try_acquire(self) -> bool:
        if is_sqlite(self.database_url):
            return self._try_file_lock()
        engine = create_async_engine(self.database_url, poolclass=pool.NullPool)
        connection = None
        try:
            connection = await engine.connect()
            got = (await connection.execute(text("SELECT pg_try_advisory_lock(:key)"),
                                            {"key": LEADER_KEY})).scalar()
            if got:
                self._connection = connection  # held open: the lock lives as long as this connection
                return True
        finally:  # not the lead, an error, or stopped while asking: nothing may keep the connection
            if self._connection is not connection:
                if connection is not None:
                    await connection.close()
                await engine.dispose()
        return False

    def _try_file_lock(self) -> bool:
        database = Path(make_url(self.database_url).database or "lapor.db")
        fd = os.open(f"{database}.scheduler-lock", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        self._lock_file = fd
        return True

    async def still_held(self) -> bool:
        """Whether the lock is still ours: on PostgreSQL, whether its connection still answers."""
        if self._connection is None:
            return self._lock_file is not None
        try:
            # Not asyncio.wait_for: on Python 3.11 it drops a cancellation that comes as the query answers, and
            # the scheduler, stopped then, would go on checking for ever.
            async with asyncio.timeout(LEADER_RETRY_SECONDS):
                await self._connection.execute(text("SELECT 1"))
        except Exception:  # the connection is gone, and the lock with it
            return False
        return True

    async def release(self) -> None:
        """Gives the lock up; never fails, since it runs while the process stops or after the database went."""
        if self._connection is not None:
            connection, self._connection = self._connection, None
            with contextlib.suppress(Exception):
                await connection.close()
            with contextlib.suppress(Exception):
                await connection.engine.dispose()
        if self._lock_file is not None:
            os.close(self._lock_file)  # closing the file releases the lock
            self._lock_file = None


class Scheduler:
    """Runs the jobs while this process is the leader; `stop()` gives the lead up."""

    def __init__(self, engine: Engine, database_url: str, retention: dt.timedelta) -> None:
        self.engine, self.database_url, self.retention = engine, database_url, retention
        self.leadership = Leadership(database_url)
        self.scheduler: AsyncIOScheduler | None = None
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._follow_or_lead())

    async def _follow_or_lead(self) -> None:
        while True:
            if await self._try_acquire():
                try:
                    await self._lead()
                except Exception:  # whatever stopped it, the lead goes back to be taken up again
                    log.exception("the scheduled jobs stopped")
                finally:
                    self._stop_jobs()
                    await self.leadership.release()
            await asyncio.sleep(LEADER_RETRY_SECONDS)

    async def _lead(self) -> None:
        self.scheduler = AsyncIOScheduler(
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": MISFIRE_GRACE_SECONDS},
            timezone="UTC",
        )
        for job_id, work, trigger in jobs(self.engine, self.retention):
            self.scheduler.add_job(run_job, trigger, args=(job_id, work), id=job_id)
        self.scheduler.start()
        log.info("this process runs the scheduled jobs")
        # A digest missed while nobody was leader goes now, not a minute later.
        await run_job("digests", self.engine.send_due_digests)
        while await self.leadership.still_held():
            await asyncio.sleep(LEADER_RETRY_SECONDS)
        log.warning("the scheduler's lead was lost with its database connection; its jobs stop here")

    async def _try_acquire(self) -> bool:
        try:
            return await self.leadership.try_acquire()
        except Exception:  # the database is down: try again later
            log.exception("could not try for the scheduler's lead")
            return False

    def _stop_jobs(self) -> None:
        if self.scheduler is not None:
            with contextlib.suppress(Exception):  # not started yet
                self.scheduler.shutdown(wait=False)
            self.scheduler = None

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        self._stop_jobs()  # again: stopped halfway, the task may not have got to it
        await self.leadership.release()
