"""Settings, read from the environment and `.env`."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
import os
import secrets
from functools import cached_property
from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from storage.models import OutboxKind

log = logging.getLogger(__name__)

MIN_SECRET_KEY_CHARS = 32


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    data_dir: Path = Path("data")
    database_url: str = ""
    secret_key: str = ""
    default_language: str = Field(default="id", pattern="^(id|en)$")
    draft_ttl_minutes: int = Field(default=30, ge=1)
    log_level: str = Field(default="INFO", pattern="(?i)^(debug|info|warn|warning|error|critical)$")
    fallback_station: str = "PUSAT"
    pin_max_km: float = Field(default=10.0, gt=0)

    telegram_bot_token: str = ""
    telegram_mode: str = Field(default="", pattern="^(|polling|webhook)$")
    telegram_webhook_secret: str = Field(default="", pattern="^[A-Za-z0-9_-]{0,256}$")
    telegram_base_url: str = "https://api.telegram.org/bot"
    # Where Telegram and Twilio reach the service, scheme and all: Twilio signs the URL it called.
    public_base_url: str = Field(default="", pattern=r"^(|https?://[^\s/\"'<>]+(/[^\s\"'<>]*)?)$")

    twilio_account_sid: str = ""
    twilio_auth_token: str = ""
    twilio_whatsapp_from: str = Field(default="", pattern=r"^(|whatsapp:\+[1-9]\d{5,14})$")
    twilio_api_base_url: str = ""
    # Twilio gives a sender 80 a second (text up to 400 on request); its sandbox takes one every 3 seconds.
    whatsapp_per_second: float = Field(default=10.0, gt=0, le=400)
    # The approved Content template (HX…) for each kind of message the bot starts on its own, used outside
    # WhatsApp's 24-hour window. The template gets one variable, {{1}}: the message's text, shortened.
    whatsapp_template_status_update: str = ""
    whatsapp_template_officer_alert: str = ""
    whatsapp_template_digest: str = ""
    whatsapp_template_expiry_notice: str = ""

    # The station web page's base map: a tile URL template ({z}/{x}/{y}) the officers' browsers can reach,
    # such as a tile server on the police network; empty, the map draws its points on a blank ground.
    map_tile_url: str = Field(default="https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                              pattern=r"^(|https?://[^\s\"'<>]+)$")
    map_tile_attribution: str = "© OpenStreetMap contributors"

    flood_per_minute: int = Field(default=20, ge=1)
    # The open read API (Open311 GeoReport v2) under /open311/v2/: off unless asked for; requests a client may
    # make a minute.
    open311_enabled: bool = False
    open311_per_minute: int = Field(default=60, ge=1)
    # A send is cut off at half of it and tried again, so a live sender never outlasts its lease.
    outbox_lease_seconds: int = Field(default=60, ge=30)
    # An alert nobody acknowledges goes again to every duty officer after this long, then to the head.
    escalate_urgent_minutes: int = Field(default=5, ge=1)
    escalate_minutes: int = Field(default=60, ge=1)
    # A station head's digest missed while the service was down is sent on start-up if younger than this.
    digest_catch_up_hours: int = Field(default=24, ge=1, le=24 * 7)  # 0 would send none: rounds run after the time
    # Personal data of reports closed longer ago than this is removed (the reports stay, de-identified).
    retention_days: int = Field(default=365, ge=1)

    @field_validator("secret_key")
    @classmethod
    def _long_enough(cls, key: str) -> str:
        # Unset, a key is generated (development); set, it guards production data and must resist guessing.
        if key and len(key) < MIN_SECRET_KEY_CHARS:
            raise ValueError(f"SECRET_KEY must be at least {MIN_SECRET_KEY_CHARS} characters "
                             "(e.g. python -c 'import secrets; print(secrets.token_urlsafe(48))')")
        return key

    @property
    def retention(self) -> dt.timedelta:
        return dt.timedelta(days=self.retention_days)

    @property
    def outbox_lease(self) -> dt.timedelta:
        return dt.timedelta(seconds=self.outbox_lease_seconds)

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
    def effective_telegram_mode(self) -> str:
        """Polling unless said otherwise, or unless there is a public URL for Telegram to call."""
        return self.telegram_mode or ("webhook" if self.public_base_url else "polling")

    @property
    def telegram_file_url(self) -> str:
        """Where files are downloaded: Telegram serves them beside the API, under /file/bot<token>/."""
        base = self.telegram_base_url.rstrip("/")
        return base[: -len("/bot")] + "/file/bot" if base.endswith("/bot") else base + "/file/bot"

    def telegram_secret(self) -> str:
        """TELEGRAM_WEBHOOK_SECRET, or one derived from the contact secret so that none has to be set."""
        if self.telegram_webhook_secret:
            return self.telegram_webhook_secret
        return hmac.new(self.contact_secret().encode(), b"lapor/telegram-webhook", hashlib.sha256).hexdigest()

    @property
    def whatsapp_enabled(self) -> bool:
        return bool(self.twilio_account_sid and self.twilio_auth_token and self.twilio_whatsapp_from)

    def whatsapp_templates(self) -> dict[str, str]:
        """Outbox kind → Content template sid, for the kinds that have one."""
        templates: dict[str, str] = {OutboxKind.STATUS_UPDATE: self.whatsapp_template_status_update,
                                     OutboxKind.OFFICER_ALERT: self.whatsapp_template_officer_alert,
                                     # a reporter's answer goes to an officer as an alert does
                                     OutboxKind.INFO_REPLY: self.whatsapp_template_officer_alert,
                                     OutboxKind.WITNESS_ADDED: self.whatsapp_template_officer_alert,  # "+1 saksi"
                                     OutboxKind.DIGEST: self.whatsapp_template_digest,
                                     OutboxKind.EXPIRY_NOTICE: self.whatsapp_template_expiry_notice}
        return {kind: sid for kind, sid in templates.items() if sid}

    @property
    def media_dir(self) -> Path:
        return self.data_dir / "media"

    def narrow_data_dir(self) -> None:
        """DATA_DIR for the service's account alone (0700), as Lapor makes it: one made beforehand with room for
        other accounts showed them the names and sizes of the files in it (the files themselves are 0600)."""
        try:
            status = self.data_dir.stat()
        except FileNotFoundError:
            return
        if not status.st_mode & 0o077:
            return
        # Only a folder that holds Lapor's files alone: one shared with other things (a home, a group's folder)
        # is the operator's to change.
        ours = all(entry.name.startswith("lapor.") or entry.name in ("secret_key", "media")
                   for entry in self.data_dir.iterdir())
        if status.st_uid == os.getuid() and ours:
            self.data_dir.chmod(0o700)
            log.warning("DATA_DIR %s was open to other accounts: now for this account alone (0700)", self.data_dir)
        else:
            log.warning("DATA_DIR %s is open to other accounts and holds more than Lapor's files: chmod 700 it, "
                        "or point DATA_DIR at a folder of Lapor's own", self.data_dir)

    def contact_secret(self) -> str:
        """SECRET_KEY, or in development a key generated once into data_dir."""
        if self.secret_key:
            return self.secret_key
        key_file = self.data_dir / "secret_key"
        if not key_file.exists():
            self.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as f:
                f.write(secrets.token_urlsafe(48))
            log.warning("SECRET_KEY is not set: generated a development key into %s. "
                        "Set SECRET_KEY in production and keep it safe: without it contact data cannot be read.",
                        key_file)
        return key_file.read_text().strip()
