"""The media store: photos kept by content hash, after checking they are what they claim."""

from __future__ import annotations

import contextlib
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

MAX_PHOTO_BYTES = 10 * 1024 * 1024

# Decided by the bytes, never by a name or a header the sender chose.
_SIGNATURES = (
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
    (b"GIF87a", "image/gif", "gif"),
    (b"GIF89a", "image/gif", "gif"),
)


class MediaRejected(ValueError):
    """Not a photo we accept; `reason` is `too_large`, `empty` or `not_image`."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class StoredMedia:
    sha256: str
    content_type: str
    size_bytes: int
    stored_name: str


def _sniff(data: bytes) -> tuple[str, str] | None:
    for magic, content_type, extension in _SIGNATURES:
        if data.startswith(magic):
            return content_type, extension
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp", "webp"
    return None


class MediaStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def save_photo(self, data: bytes) -> StoredMedia:
        if not data:
            raise MediaRejected("empty")
        if len(data) > MAX_PHOTO_BYTES:
            raise MediaRejected("too_large")
        kind = _sniff(data)
        if kind is None:
            raise MediaRejected("not_image")
        content_type, extension = kind
        digest = hashlib.sha256(data).hexdigest()
        # The name is ours, from the hash: nothing the sender wrote reaches the file system.
        name = f"{digest}.{extension}"
        path = self.root / name
        if path.exists():
            os.utime(path)  # used again: young again, so the sweep of unused files leaves it
        else:
            self.root.mkdir(parents=True, exist_ok=True)
            partial = path.with_suffix(f".{os.getpid()}.part")
            partial.write_bytes(data)
            partial.replace(path)
        return StoredMedia(digest, content_type, len(data), name)

    def names_older_than(self, before: float) -> list[str]:
        """The stored files last written or used before `before` (a POSIX time)."""
        if not self.root.is_dir():
            return []
        return [entry.name for entry in os.scandir(self.root)
                if entry.is_file() and entry.stat().st_mtime < before]

    def delete_if_older(self, stored_name: str, before: float) -> None:
        """Removes a stored file unless it was written or used since `before`; one already gone is no error."""
        if "/" in stored_name or stored_name.startswith("."):
            raise ValueError("not a stored file's name")
        path = self.root / stored_name
        with contextlib.suppress(FileNotFoundError):
            if path.stat().st_mtime < before:
                path.unlink()
