"""Settings, read from the environment and `.env`."""

from __future__ import annotations

import logging
import os
import secrets
from functools import cached_property
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

log = logging.getLogger(__name__)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    data_dir: Path = Path("data")
    database_url: str = ""
    secret_key: str = ""
    default_language: str = Field(default="id", pattern="^(id|en)$")
    draft_ttl_minutes: int = Field(default=30, ge=1)
    log_level: str = "INFO"
    fallback_station: str = "PUSAT"
    pin_max_km: float = Field(default=10.0, gt=0)

    @cached_property
    def effective_database_url(self) -> str:
        """The async SQLAlchemy URL: a SQLite file under data_dir unless DATABASE_URL says otherwise."""
        url = self.database_url or f"sqlite+aiosqlite:///{self.data_dir / 'lapor.db'}"
        # Plain scheme names are what operators write; the service needs the async drivers.
        for plain, driver in (("postgresql://", "postgresql+psycopg://"), ("postgres://", "postgresql+psycopg://"),
                              ("sqlite://", "sqlite+aiosqlite://")):
            if url.startswith(plain):
                return driver + url[len(plain):]
        return url

    @property
    def media_dir(self) -> Path:
        return self.data_dir / "media"

    def contact_secret(self) -> str:
        """SECRET_KEY, or in development a key generated once into data_dir."""
        if self.secret_key:
            return self.secret_key
        key_file = self.data_dir / "secret_key"
        if not key_file.exists():
            self.data_dir.mkdir(parents=True, exist_ok=True)
            fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as f:
                f.write(secrets.token_urlsafe(48))
            log.warning("SECRET_KEY is not set: generated a development key into %s. "
                        "Set SECRET_KEY in production and keep it safe: without it contact data cannot be read.",
                        key_file)
        return key_file.read_text().strip()
