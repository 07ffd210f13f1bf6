"""Stored photos and voice notes handed to a channel: by path, or by an expiring signed link that a provider such
as Twilio fetches from `lapor serve` (GET /media/...). Always the stored copy, stripped of what its maker's device
wrote: never the resident's own upload, whatever channel it came by."""

from __future__ import annotations

import hashlib
import hmac
import re
import time
from pathlib import Path
from typing import Any

from bot.channels.base import Media, ascii_number
from bot.chart import digest_chart
from storage.media import MediaStore

# How a stored photo or voice note is served, by a signed link or on the station's page. Stored files are only ever
# photos and voice notes: no browser may read one as a page or run anything from it (the page's own origin holds
# the officer's session), and no cache on the way keeps a resident's photo past its link's day or its erasure.
MEDIA_HEADERS = {"X-Content-Type-Options": "nosniff", "Content-Security-Policy": "default-src 'none'; sandbox",
                 "Content-Disposition": "inline", "Cache-Control": "private, no-store"}
LINK_SECONDS = 24 * 3600  # Twilio fetches at once; a day covers its retries and nothing more
_STORED_NAME = re.compile(r"^[0-9a-f]{64}\.(jpg|png|gif|webp|ogg|m4a|aac|mp3|amr)$")  # what the media store names files


class Photos:
    def __init__(self, secret: str, media_root: Path, public_base_url: str = "") -> None:
        self._key = hmac.new(secret.encode(), b"lapor/photo-links", hashlib.sha256).digest()
        self.media_root = media_root
        self.public_base_url = public_base_url.rstrip("/")

    def for_payload(self, stored: dict[str, Any] | None) -> Media | None:
        """The Media an outbox row's photo or voice note stands for, in every form a channel may need; None for a file
        gone since the row was queued (its reporter erased it with HAPUS): the message goes without it."""
        if not stored or not _STORED_NAME.match(stored.get("stored_name") or ""):
            return None
        if not (self.media_root / stored["stored_name"]).is_file():
            return None
        name = stored["stored_name"]
        return Media(stored.get("content_type", "image/*"), path=str(self.media_root / name),
                     url=self.link(name) if self.public_base_url else None,
                     duration_seconds=stored.get("duration_seconds"))

    def chart(self, chart: dict[str, Any] | None) -> Media | None:
        """A digest's chart, drawn and stored like a photo (named by its hash, so drawn once per content)."""
        if not chart:
            return None
        data = digest_chart(chart)
        name = f"{hashlib.sha256(data).hexdigest()}.png"
        path = MediaStore(self.media_root).keep(name, data)
        return Media("image/png", path=str(path), url=self.link(name) if self.public_base_url else None)

    def link(self, name: str, now: float | None = None) -> str:
        expires = int((now or time.time()) + LINK_SECONDS)
        return f"{self.public_base_url}/media/{name}?expires={expires}&sig={self._sign(name, expires)}"

    def file_for(self, name: str, expires: str, signature: str, now: float | None = None) -> Path | None:
        """The stored file a link points to, if the link is ours, unexpired and the file exists."""
        expiry = ascii_number(expires)
        if not _STORED_NAME.match(name) or expiry is None or expiry < (now or time.time()):
            return None
        if not hmac.compare_digest(signature.encode(), self._sign(name, expiry).encode()):
            return None
        path = self.media_root / name
        return path if path.is_file() else None

    def _sign(self, name: str, expires: int) -> str:
        return hmac.new(self._key, f"{name}:{expires}".encode(), hashlib.sha256).hexdigest()
