"""The media store: photos and voice notes kept by content hash, after checking they are what they claim and
stripping what they say about whoever made them."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import secrets
import struct
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

from storage.audio import NotAudio, read_audio

MAX_PHOTO_BYTES = 10 * 1024 * 1024
# Decoding takes a few bytes a pixel: a small file may declare billions of them. 40 million is above any
# phone's photo (and far above what Telegram or WhatsApp pass on), about 160 MB once decoded.
MAX_PHOTO_PIXELS = 40_000_000
MAX_VOICE_BYTES = 5 * 1024 * 1024
MAX_VOICE_SECONDS = 180
# Photos and voice notes one report keeps, its story's and photo's included: with a draft's own two (the ones it
# replaces go at once), this bounds what one resident can make the server keep.
MAX_MEDIA_A_REPORT = 5

# Decided by the bytes, never by a name or a header the sender chose.
_SIGNATURES = (
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
    (b"GIF87a", "image/gif", "gif"),
    (b"GIF89a", "image/gif", "gif"),
)
# The one decoder allowed for each sniffed type, the modes its encoder writes, and the mode other pixels
# are converted to.
_FORMATS = {"image/jpeg": ("JPEG", ("RGB", "L"), "RGB"),
            "image/png": ("PNG", ("1", "L", "LA", "I", "I;16", "P", "RGB", "RGBA"), "RGBA"),
            "image/gif": ("GIF", ("P", "L"), "P"),
            "image/webp": ("WEBP", ("RGB", "RGBA"), "RGBA")}


class MediaRejected(ValueError):
    """Not a photo or voice note we accept; `reason` is `too_large`, `too_many_pixels`, `empty`, `not_image`,
    `not_audio` or `too_long`."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class StoredMedia:
    sha256: str
    content_type: str
    stored_name: str
    duration_seconds: int | None = None  # a voice note's, read from its bytes


def _sniff(data: bytes) -> tuple[str, str] | None:
    for magic, content_type, extension in _SIGNATURES:
        if data.startswith(magic):
            return content_type, extension
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp", "webp"
    return None


def _pixels_only(data: bytes, content_type: str) -> bytes:
    """The photo decoded by the decoder of its sniffed type alone and written again from its pixels: what
    is not an image of that type is refused, and nothing else survives (EXIF with its GPS position and
    time, comments, trailing bytes, an animation's later frames). Its size is read from the header, and
    refused when too large, before anything is decoded."""
    image_format, modes, fallback_mode = _FORMATS[content_type]
    try:
        with Image.open(io.BytesIO(data), formats=[image_format]) as image:
            if image.width * image.height > MAX_PHOTO_PIXELS:
                raise MediaRejected("too_many_pixels")
            image.load()  # the first frame
            upright = ImageOps.exif_transpose(image)  # the orientation EXIF gave, kept in the pixels
    except MediaRejected:
        raise
    except Image.DecompressionBombError as error:
        raise MediaRejected("too_many_pixels") from error
    except (OSError, SyntaxError, ValueError, EOFError) as error:  # Pillow's ways of saying "not this format"
        raise MediaRejected("not_image") from error
    if upright.mode not in modes:
        upright = upright.convert(fallback_mode)
    upright.info = {key: value for key, value in upright.info.items() if key == "transparency"}
    out = io.BytesIO()
    upright.save(out, image_format, **({"quality": 90} if image_format in ("JPEG", "WEBP") else {}))
    return out.getvalue()


def _apart(data: bytes, extension: str) -> tuple[str, str]:
    """A file of its own for each photo or voice note kept, and the hash of what it holds under its name: one
    picture sent with a named report and with an anonymous one is two files, which nothing in a copy of the
    database ties together. The name is ours: nothing the sender wrote reaches the file system."""
    token = secrets.token_hex(32)
    return f"{token}.{extension}", hashlib.sha256(token.encode() + data).hexdigest()


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
        stored = _pixels_only(data, content_type)
        name, digest = _apart(stored, extension)
        self.keep(name, stored)
        return StoredMedia(digest, content_type, name)

    def save_voice(self, data: bytes) -> StoredMedia:
        """A voice note of an accepted format and length, kept without its tags."""
        if not data:
            raise MediaRejected("empty")
        if len(data) > MAX_VOICE_BYTES:
            raise MediaRejected("too_large")
        try:
            audio = read_audio(data)
        except (NotAudio, struct.error, IndexError) as error:  # a file cut short fails as either of the last two
            raise MediaRejected("not_audio") from error
        if audio.seconds > MAX_VOICE_SECONDS:
            raise MediaRejected("too_long")
        name, digest = _apart(audio.data, audio.extension)
        self.keep(name, audio.data)
        return StoredMedia(digest, audio.content_type, name, max(1, round(audio.seconds)))

    def keep(self, name: str, data: bytes) -> Path:
        """Stores `data` as `name`, unless it is stored already (a digest's chart, named by its content); either
        way the file is young again, so the sweep of unused files leaves it. Written whole under another name
        first, so two writers of the same file at once are fine."""
        path = self.root / name
        # Whole hours, as every time kept of an anonymous report: a file's time must not match its sender's.
        hour = int(time.time()) // 3600 * 3600
        try:
            os.utime(path, (hour, hour))
        except FileNotFoundError:
            self.root.mkdir(mode=0o700, parents=True, exist_ok=True)
            # Created 0600, like every temporary file: photos are for this account alone.
            with tempfile.NamedTemporaryFile(dir=self.root, suffix=".part", delete=False) as partial:
                partial.write(data)
            os.utime(partial.name, (hour, hour))
            Path(partial.name).replace(path)
        return path

    def delete(self, names: Iterable[str]) -> None:
        """Removes stored files nothing uses any more, at once: each a photo or voice note a resident sent."""
        for name in names:
            self._stored(name).unlink(missing_ok=True)

    def names_older_than(self, before: float) -> list[str]:
        """The stored files last written or used before `before` (a POSIX time)."""
        if not self.root.is_dir():
            return []
        names = []
        for entry in os.scandir(self.root):
            with contextlib.suppress(FileNotFoundError):  # renamed or deleted while we looked
                if not entry.name.startswith(".") and entry.is_file() and entry.stat().st_mtime < before:
                    names.append(entry.name)
        return names

    def delete_unused(self, stored_names: list[str], before: float) -> int:
        """Removes those stored files that nobody wrote or used since `before`; returns how many went.
        Each is first moved aside and looked at again, so one used again meanwhile is put back."""
        deleted = 0
        for name in stored_names:
            path, aside = self._stored(name), self.root / f".{name}.sweep"
            try:
                if path.stat().st_mtime >= before:
                    continue
                path.rename(aside)
            except FileNotFoundError:
                continue
            if aside.stat().st_mtime < before:
                aside.unlink()
                deleted += 1
            else:
                aside.rename(path)
        return deleted

    def _stored(self, name: str) -> Path:
        if "/" in name or name.startswith("."):
            raise ValueError("not a stored file's name")
        return self.root / name
