"""Builds the running pieces from Settings: database, engine, media store."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import AsyncIterator, Mapping

from bot.config import Settings
from handlers.engine import Engine, MediaFetcher
from storage.crypto import ContactCipher
from storage.db import create_engine, session_factory
from storage.media import MediaStore


@contextlib.asynccontextmanager
async def open_engine(settings: Settings, *, default_language: str | None = None,
                      media_fetchers: Mapping[str, MediaFetcher] | None = None) -> AsyncIterator[Engine]:
    database = create_engine(settings.effective_database_url)
    try:
        yield Engine(
            session_factory(database),
            ContactCipher(settings.contact_secret()),
            MediaStore(settings.media_dir),
            draft_ttl=dt.timedelta(minutes=settings.draft_ttl_minutes),
            default_language=default_language or settings.default_language,
            media_fetchers=media_fetchers,
        )
    finally:
        await database.dispose()
