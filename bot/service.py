"""Builds the running pieces from Settings: database, engine, media store, regions, stations."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import gc
import logging
from collections.abc import AsyncIterator, Mapping

from sqlalchemy import text

from bot.config import Settings
from handlers.engine import Engine, MediaFetcher
from handlers.office import EscalationDelays
from handlers.routing import Router
from storage.contacts import hash_clear_inbound_ids
from storage.crypto import ContactCipher
from storage.db import create_engine, session_factory
from storage.keys import check_secret_key
from storage.media import MediaStore
from storage.regions import RegionIndex
from storage.stations import seed_if_empty, station_by_code

log = logging.getLogger(__name__)

SEED_LOCK_KEY = 0x4C41504F5253  # "LAPORS"
# Container objects allocated (net of those freed) between two collections of the youngest generation while the
# engine runs. Python's 700 is one every few messages: each promotes what the messages then in flight hold, which
# the older generations' collections then walk again.
YOUNG_COLLECTION_EVERY = 10_000


async def seed_stations(settings: Settings, regions: RegionIndex) -> None:
    """Gives an empty stations registry the shipped stations, so a fresh install can route; warns when
    the fallback desk is missing."""
    database = create_engine(settings.effective_database_url)
    try:
        async with session_factory(database)() as db, db.begin():
            if db.get_bind().dialect.name == "postgresql":  # processes starting together: one seeds, the others wait
                await db.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SEED_LOCK_KEY})
            result = await seed_if_empty(db, regions)
            fallback = await station_by_code(db, settings.fallback_station)
    finally:
        await database.dispose()
    if fallback is None:
        log.warning("FALLBACK_STATION %s is not in the stations registry: reports that cannot be routed "
                    "will have no station until it is imported", settings.fallback_station)
    if result is not None:
        if result.errors:
            raise RuntimeError(f"the shipped stations do not load: {result.errors}")
        log.info("stations registry was empty: loaded %d shipped stations", result.created)


@contextlib.asynccontextmanager
async def open_engine(settings: Settings, *, default_language: str | None = None,
                      media_fetchers: Mapping[str, MediaFetcher] | None = None) -> AsyncIterator[Engine]:
    """The engine with its database, region index (built here, once) and stations registry."""
    regions = await asyncio.to_thread(RegionIndex.load)
    await seed_stations(settings, regions)
    database, thresholds = create_engine(settings.effective_database_url), gc.get_threshold()
    try:
        sessions, cipher = session_factory(database), ContactCipher(settings.contact_secret())
        await check_secret_key(sessions, cipher)
        async with sessions() as db, db.begin():
            if hashed := await hash_clear_inbound_ids(db, cipher):
                log.info("%d provider message ids recorded in clear were hashed", hashed)
        # What startup built (the region index alone is ~200,000 objects) lives as long as the process: frozen, a
        # full collection no longer walks it, and no longer stalls every message waiting (~120 ms a time here).
        gc.collect()
        gc.freeze()
        gc.set_threshold(YOUNG_COLLECTION_EVERY, *thresholds[1:])
        yield Engine(
            sessions,
            cipher,
            MediaStore(settings.media_dir),
            Router(regions, settings.fallback_station, settings.pin_max_km),
            draft_ttl=dt.timedelta(minutes=settings.draft_ttl_minutes),
            default_language=default_language or settings.default_language,
            media_fetchers=media_fetchers,
            escalation=EscalationDelays(urgent=dt.timedelta(minutes=settings.escalate_urgent_minutes),
                                        other=dt.timedelta(minutes=settings.escalate_minutes)),
            digest_catch_up=dt.timedelta(hours=settings.digest_catch_up_hours),
            web_url=settings.public_base_url,
        )
    finally:
        gc.set_threshold(*thresholds)  # a process that goes on (the tests, B2's stock bot after ours) as it was
        await database.dispose()
