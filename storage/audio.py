"""Voice notes read from their bytes: which of the accepted formats a file is, how long it plays, and the
sound alone, without the tags a recorder or a phone wrote into it.

Accepted: OGG/Opus (what WhatsApp and Telegram record), AAC (M4A, or bare ADTS frames), MP3 and AMR. The
duration is counted from the file's own frames or pages, never taken from what the sender declared.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass


class NotAudio(ValueError):
    """Not a voice note of an accepted format, or not one whose length can be read."""


@dataclass(frozen=True)
class Audio:
    content_type: str
    extension: str
    seconds: float
    data: bytes  # what is kept: the sound, without tags where the format allows it


def read_audio(data: bytes) -> Audio:
    """The format, duration and sound of `data`; NotAudio when it is none of the accepted formats."""
    if data.startswith(b"OggS"):
        return _ogg_opus(data)
    if data.startswith((b"#!AMR\n", b"#!AMR-WB\n")):
        return _amr(data)
    if data[4:8] == b"ftyp":
        return _m4a(data)
    if data.startswith(b"ID3") or data[:2] >= b"\xff\xe0":
        return _mpeg(data)
    raise NotAudio("unknown format")


# --- OGG/Opus ----------------------------------------------------------------------------------------

OPUS_RATE = 48_000  # Opus granule positions count 48 kHz samples whatever the recording's rate


def _crc_entry(byte: int) -> int:
    crc = byte << 24
    for _ in range(8):
        crc = ((crc << 1) ^ 0x04C11DB7) & 0xFFFFFFFF if crc & 0x80000000 else (crc << 1) & 0xFFFFFFFF
    return crc


_CRC_TABLE = tuple(_crc_entry(byte) for byte in range(256))


def ogg_crc(data: bytes) -> int:
    """OGG's CRC-32: polynomial 0x04C11DB7, not reflected, starting at 0 (zlib's is reflected: not this one)."""
    crc = 0
    for byte in data:
        crc = ((crc << 8) & 0xFFFFFFFF) ^ _CRC_TABLE[(crc >> 24) ^ byte]
    return crc


@dataclass
class _Page:
    header_type: int
    granule: int
    serial: int
    lacing: bytes
    body: bytes

    def encode(self, sequence: int) -> bytes:
        head = struct.pack("<4sBBqIII", b"OggS", 0, self.header_type, self.granule, self.serial, sequence, 0)
        page = head + bytes([len(self.lacing)]) + self.lacing + self.body
        return page[:22] + struct.pack("<I", ogg_crc(page)) + page[26:]


def _ogg_pages(data: bytes) -> list[_Page]:
    pages, offset = [], 0
    while offset < len(data):
        if data[offset:offset + 4] != b"OggS" or len(data) < offset + 27 or data[offset + 4] != 0:
            raise NotAudio("broken OGG page")
        header_type, granule, serial = struct.unpack_from("<Bqi", data, offset + 5)
        count = data[offset + 26]
        lacing = data[offset + 27:offset + 27 + count]
        start = offset + 27 + count
        end = start + sum(lacing)
        if len(lacing) < count or end > len(data):
            raise NotAudio("truncated OGG page")
        pages.append(_Page(header_type, granule, serial & 0xFFFFFFFF, lacing, data[start:end]))
        offset = end
    return pages


def _ogg_opus(data: bytes) -> Audio:
    """Opus in OGG (RFC 7845): the OpusHead page, the OpusTags pages, then audio pages, whose last granule
    position, less the pre-skip, is the length. The tags are written anew, empty."""
    pages = _ogg_pages(data)
    if len(pages) < 3 or not pages[0].body.startswith(b"OpusHead") or len(pages[0].body) < 19:
        raise NotAudio("not Opus")
    if not pages[1].body.startswith(b"OpusTags"):
        raise NotAudio("no OpusTags")
    # The tags end on the first page whose last segment is shorter than 255 bytes; audio starts on a new page.
    tags_end = next((i for i, page in enumerate(pages[1:], 1) if page.lacing and page.lacing[-1] < 255), None)
    if tags_end is None or tags_end + 1 >= len(pages):
        raise NotAudio("no audio pages")
    pre_skip = struct.unpack_from("<H", pages[0].body, 10)[0]
    samples = pages[-1].granule - pre_skip
    if samples <= 0 or any(page.serial != pages[0].serial for page in pages):
        raise NotAudio("no Opus audio")
    empty_tags = b"OpusTags" + struct.pack("<I", 0) + struct.pack("<I", 0)
    tags = _Page(0x00, 0, pages[0].serial, bytes([len(empty_tags)]), empty_tags)
    kept = [pages[0], tags, *pages[tags_end + 1:]]
    return Audio("audio/ogg", "ogg", samples / OPUS_RATE, b"".join(p.encode(n) for n, p in enumerate(kept)))


# --- AMR ---------------------------------------------------------------------------------------------

# Bytes of a frame, header included, by frame type (RFC 4867 section 5.3); None for reserved types.
_AMR_NB = (13, 14, 16, 18, 20, 21, 27, 32, 6, None, None, None, None, None, None, 1)
_AMR_WB = (18, 24, 33, 37, 41, 47, 51, 59, 61, 6, None, None, None, None, 1, 1)
AMR_FRAME_SECONDS = 0.02


def _amr(data: bytes) -> Audio:
    wide = data.startswith(b"#!AMR-WB\n")
    offset, sizes = (9, _AMR_WB) if wide else (6, _AMR_NB)
    frames = 0
    while offset < len(data):
        size = sizes[(data[offset] >> 3) & 0x0F]
        if size is None or offset + size > len(data):
            raise NotAudio("broken AMR frame")
        offset += size
        frames += 1
    if not frames:
        raise NotAudio("no AMR frames")
    return Audio("audio/amr-wb" if wide else "audio/amr", "amr", frames * AMR_FRAME_SECONDS, data)


# --- MP3 and bare AAC (ADTS) -------------------------------------------------------------------------

_MP3_KBPS = {3: (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),  # MPEG-1 layer III
             2: (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160)}  # MPEG-2 and 2.5
_MP3_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}
_AAC_RATES = (96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350)


def _mpeg(data: bytes) -> Audio:
    """MP3 (layer III) or ADTS AAC frames, one after another, counted to the end; an ID3 tag before them and
    an ID3v1 tag after them are left out of what is kept."""
    offset = 0
    if data.startswith(b"ID3") and len(data) >= 10:
        size = (data[6] & 0x7F) << 21 | (data[7] & 0x7F) << 14 | (data[8] & 0x7F) << 7 | (data[9] & 0x7F)
        offset = 10 + size + (10 if data[5] & 0x10 else 0)
    end = len(data) - 128 if data[-128:-125] == b"TAG" else len(data)
    start, seconds, kind = offset, 0.0, None
    while offset < end:
        frame = _adts_frame(data, offset) if data[offset + 1:offset + 2] and data[offset + 1] & 0x06 == 0 \
            else _mp3_frame(data, offset)
        if frame is None or offset + frame[0] > end or (kind and kind != frame[2]):
            raise NotAudio("broken MPEG frame")
        length, frame_seconds, kind = frame
        offset += length
        seconds += frame_seconds
    if kind is None:
        raise NotAudio("no MPEG frames")
    return Audio(*(("audio/aac", "aac") if kind == "aac" else ("audio/mpeg", "mp3")), seconds, data[start:end])


def _mp3_frame(data: bytes, offset: int) -> tuple[int, float, str] | None:
    """A layer III frame's length in bytes and in seconds, or None when no such frame starts at `offset`."""
    if len(data) < offset + 4 or data[offset] != 0xFF or data[offset + 1] & 0xE0 != 0xE0:
        return None
    version, layer = (data[offset + 1] >> 3) & 3, (data[offset + 1] >> 1) & 3
    bitrate_index, rate_index = data[offset + 2] >> 4, (data[offset + 2] >> 2) & 3
    if version == 1 or layer != 1 or bitrate_index in (0, 15) or rate_index == 3:
        return None
    kbps = _MP3_KBPS[3 if version == 3 else 2][bitrate_index]
    rate = _MP3_RATES[version][rate_index]
    samples = 1152 if version == 3 else 576
    padding = (data[offset + 2] >> 1) & 1
    return samples // 8 * kbps * 1000 // rate + padding, samples / rate, "mp3"


def _adts_frame(data: bytes, offset: int) -> tuple[int, float, str] | None:
    if len(data) < offset + 7 or data[offset] != 0xFF or data[offset + 1] & 0xF6 != 0xF0:
        return None
    rate_index = (data[offset + 2] >> 2) & 0x0F
    length = (data[offset + 3] & 0x03) << 11 | data[offset + 4] << 3 | data[offset + 5] >> 5
    if rate_index >= len(_AAC_RATES) or length < 7:
        return None
    blocks = (data[offset + 6] & 0x03) + 1
    return length, blocks * 1024 / _AAC_RATES[rate_index], "aac"


# --- M4A ---------------------------------------------------------------------------------------------

_CONTAINERS = (b"moov", b"trak", b"mdia", b"minf")  # where the notes and timed headers stand, at any level
# User data and metadata (a title, often named after the place; the device; a position) and vendors' own boxes.
_NOTES = (b"udta", b"meta", b"uuid")
# Headers that say to the second when the recording was made (creation and modification time): zeroed, as MP4
# allows, so no stored voice note keeps a time finer than the report's (an anonymous one's is a whole hour).
_TIMED = (b"mvhd", b"tkhd", b"mdhd")


def _boxes(data: bytes, start: int, end: int) -> list[tuple[bytes, int, int, int]]:
    """The ISO media boxes between `start` and `end`: (type, where the box starts, where its content starts,
    where it ends)."""
    found, offset = [], start
    while offset + 8 <= end:
        size, kind = struct.unpack_from(">I4s", data, offset)
        head = 8
        if size == 1 and offset + 16 <= end:
            size, head = struct.unpack_from(">Q", data, offset + 8)[0], 16
        elif size == 0:
            size = end - offset
        if size < head or offset + size > end:
            raise NotAudio("broken MP4 box")
        found.append((kind, offset, offset + head, offset + size))
        offset += size
    return found


def _inside(data: bytes, box: tuple[bytes, int, int, int], kind: bytes) -> list[tuple[bytes, int, int, int]]:
    return [child for child in _boxes(data, box[2], box[3]) if child[0] == kind]


def _m4a(data: bytes) -> Audio:
    """AAC in an MP4 container: its movie header gives the length; a file with a video track is refused. Its
    notes are blanked where they stand (made `free` boxes of zeros) and its headers' times zeroed, so the sound's
    offsets stay right."""
    top = _boxes(data, 0, len(data))
    movies = [box for box in top if box[0] == b"moov"]
    if len(movies) != 1 or not any(box[0] == b"mdat" for box in top):
        raise NotAudio("no movie")
    headers = _inside(data, movies[0], b"mvhd")
    if not headers:
        raise NotAudio("no movie header")
    header = headers[0]
    if data[header[2]] == 1:  # version 1: 64-bit times
        timescale, duration = struct.unpack_from(">IQ", data, header[2] + 20)
    else:
        timescale, duration = struct.unpack_from(">II", data, header[2] + 12)
    tracks = {data[handler[2] + 8:handler[2] + 12] for track in _inside(data, movies[0], b"trak")
              for media in _inside(data, track, b"mdia") for handler in _inside(data, media, b"hdlr")}
    if not timescale or b"soun" not in tracks or b"vide" in tracks:
        raise NotAudio("no sound track, or a video")
    kept = bytearray(data)
    _blank_notes(kept, 0, len(kept))
    return Audio("audio/mp4", "m4a", duration / timescale, bytes(kept))


def _blank_notes(data: bytearray, start: int, end: int) -> None:
    for kind, box, content, box_end in _boxes(data, start, end):
        if kind in _NOTES:
            data[box + 4:box + 8] = b"free"
            data[content:box_end] = bytes(box_end - content)
        elif kind in _TIMED:
            # After the version and flags: the two times, 32-bit each in version 0, 64-bit in version 1.
            times = 16 if content < box_end and data[content] == 1 else 8
            if content + 4 + times > box_end:
                raise NotAudio("broken MP4 header")
            data[content + 4:content + 4 + times] = bytes(times)
        elif kind in _CONTAINERS:
            _blank_notes(data, content, box_end)
