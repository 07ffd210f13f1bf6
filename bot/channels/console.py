"""The terminal channel: one line in is one message; replies are printed with numbered options."""

from __future__ import annotations

import math
import mimetypes
import re
import shlex
import uuid
from pathlib import Path
from typing import TextIO

from bot.channels.base import Inbound, Location, Media, Outbound
from storage.media import MAX_PHOTO_BYTES

_LOCATION = re.compile(r"^/loc\s+([-+.\w]+)\s*,\s*([-+.\w]+)\s*$", re.I)
_PHOTO = re.compile(r"^/photo\s+(.+)$", re.I | re.S)
_VOICE = re.compile(r"^/voice\s+(.+)$", re.I | re.S)


class ConsoleChannel:
    name = "console"

    def __init__(self, urn: str, output: TextIO) -> None:
        self.urn = urn
        self.output = output

    def receive(self, line: str) -> Inbound:
        """`/loc LAT,LON` is a location pin, `/photo PATH [caption]` a photo, `/voice PATH` a voice note;
        anything else is text."""
        line = line.rstrip("\r\n")
        message_id = f"console-{uuid.uuid4()}"
        if pin := _LOCATION.match(line):
            try:
                location = Location(float(pin[1]), float(pin[2]))
            except ValueError:  # "/loc north,east"
                location = Location(math.nan, math.nan)
            if location.on_earth:
                return Inbound(self.urn, message_id, location=location)
            return Inbound(self.urn, message_id, unsupported="location")  # "/loc 91,200", "/loc nan,nan"
        photo = _PHOTO.match(line)
        if photo:
            try:  # a path with spaces can be quoted
                path, *caption = shlex.split(photo[1])
            except ValueError:
                path, caption = photo[1].strip(), []
            content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
            return Inbound(self.urn, message_id, text=" ".join(caption), media=(Media(content_type, path=path),))
        voice = _VOICE.match(line)
        if voice:
            path = _unquoted(voice[1])
            content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
            return Inbound(self.urn, message_id, voice=Media(content_type, path=path))
        return Inbound(self.urn, message_id, text=line)

    async def send(self, message: Outbound) -> None:
        lines = [f"Lapor: [foto: {message.photo.path}]"] if message.photo else []
        if message.voice:
            lines.append(f"Lapor: [pesan suara: {message.voice.path}]")
        lines.append(f"Lapor: {message.text}")
        lines += [f"  {number}. {choice.label}" for number, choice in enumerate(message.choices, 1)]
        if message.location_button:
            lines.append(f"  [{message.location_button}: /loc LAT,LON]")
        print("\n".join(lines), file=self.output, flush=True)

    @staticmethod
    async def fetch_media(media: Media) -> bytes:
        """Reads at most one byte more than a photo may have (a voice note may have less), so a huge file is
        refused, not loaded."""
        with Path(media.path or "").open("rb") as f:
            return f.read(MAX_PHOTO_BYTES + 1)


def _unquoted(words: str) -> str:
    """A path as typed, quotes around one with spaces taken off."""
    try:
        return " ".join(shlex.split(words))
    except ValueError:
        return words.strip()
