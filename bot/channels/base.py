"""The message types every channel speaks, and the channel interface.

`handlers/` may import this module and nothing else of `bot/`.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Protocol, TypeVar

from starlette.requests import Request

RawT_contra = TypeVar("RawT_contra", contravariant=True)


def make_urn(scheme: str, address: str) -> str:
    """`telegram:123456789`, `whatsapp:+6281234567890`, `console:local`."""
    return f"{scheme}:{address}"


def ascii_number(text: str, digits: int = 18) -> int | None:
    """A whole number written in at most `digits` ASCII digits, else None. Not `isdigit()`: it accepts "²",
    which int() refuses, and int() refuses more than 4,300 digits too."""
    if not (0 < len(text) <= digits and text.isascii() and text.isdigit()):
        return None
    return int(text)


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused (TooLarge) as soon as it passes `limit`: a declared length is not trusted."""
    declared = ascii_number(request.headers.get("content-length", ""))
    if declared is not None and declared > limit:
        raise TooLarge(f"declared {declared} bytes")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise TooLarge(f"past {limit} bytes")
    return bytes(body)


def urn_scheme(urn: str) -> str:
    return urn.split(":", 1)[0]


CONTINUED = "… "  # begins a piece that goes on with the line the piece before it ended in


def split_text(text: str, limit: int) -> list[str]:
    """Pieces of at most `limit` characters, cut after a paragraph, line or sentence where one is near. A piece
    cut inside a line begins with CONTINUED: the rest of a line (a resident's story quoted in an alert) never
    starts a message as if it were a line of its own."""
    pieces: list[str] = []
    while len(text) > limit:
        window = text[:limit]
        # The first kind of boundary found in the second half of the window wins: a paragraph, a line,
        # a sentence, a word; failing all, a hard cut.
        candidates = (window.rfind("\n\n"), window.rfind("\n"),
                      max(window.rfind(". "), window.rfind("! "), window.rfind("? ")) + 1, window.rfind(" "))
        cut = next((c for c in candidates if c > limit // 2), limit)
        pieces.append(text[:cut].rstrip())
        inside_a_line = text[cut] != "\n"
        text = text[cut:].lstrip()
        if inside_a_line and text:
            text = CONTINUED + text
    text = text.rstrip()
    return [*pieces, text] if text or not pieces else pieces


@dataclass(frozen=True)
class Location:
    latitude: float
    longitude: float

    @property
    def on_earth(self) -> bool:
        """Whether both are numbers within their ranges (no NaN, no infinity): what a channel takes."""
        return isinstance(self.latitude, (int, float)) and isinstance(self.longitude, (int, float)) \
            and -90 <= self.latitude <= 90 and -180 <= self.longitude <= 180


@dataclass(frozen=True)
class Media:
    """A photo, voice note or file as the channel gives it: a provider file id or URL, or a local path."""

    content_type: str
    file_id: str | None = None
    url: str | None = None
    path: str | None = None
    size_bytes: int | None = None
    duration_seconds: int | None = None  # a voice note's, as the channel declares or the store read it


@dataclass(frozen=True)
class Choice:
    key: str
    label: str


@dataclass(frozen=True)
class Inbound:
    """One message as a channel received it. `provider_message_id` must be unique within its channel
    (Twilio's MessageSid, Telegram's update_id): a repeated one is taken for a replay."""

    urn: str
    provider_message_id: str
    text: str = ""
    location: Location | None = None
    media: tuple[Media, ...] = ()  # photos
    voice: Media | None = None  # a voice note
    choice: str | None = None  # the key of a tapped button, when the channel has buttons
    # what was sent that the bot cannot take: "sticker", "voice", "edited"…; "location", a pin off the map (latitude 91)
    unsupported: str | None = None
    group: bool = False  # from a group or channel chat, where no report is taken

    @property
    def channel(self) -> str:
        return urn_scheme(self.urn)


@dataclass(frozen=True)
class Outbound:
    urn: str
    text: str
    choices: tuple[Choice, ...] = ()
    choices_hint: str = ""  # how to answer by number, for channels that show choices as a numbered list
    location_button: str = ""  # the label of a "send my location" button, where the channel has one
    photo: Media | None = None  # sent before the text: a stored file, or a public link to it
    voice: Media | None = None  # a voice note, sent before the text in the same forms as a photo


class MalformedWebhook(ValueError):
    """What a provider posted is not what it posts (no message, a field of the wrong form): answered 400."""


class TooLarge(ValueError):
    """What a provider posted is past the size its channel takes: answered 413, before any work."""


class SendFailed(Exception):
    """A send that did not go through. Channels raise the subclass that says what to do next; what
    is done about it (retry, give up, stop writing to the contact) is decided in one place."""


class RetryLater(SendFailed):
    def __init__(self, reason: str, delay: float | None = None) -> None:
        super().__init__(reason)
        self.delay = delay  # what the service asked for (Telegram's retry_after), if it said


class ContactUnreachable(SendFailed):
    """The contact blocked the bot or no longer exists: stop writing to them."""


class NeedsTemplate(SendFailed):
    """WhatsApp's 24-hour window is closed: only an approved template may start the conversation."""


class PermanentFailure(SendFailed):
    """The service refused this message for good; sending it again would fail again."""


class Channel(Protocol[RawT_contra]):
    """One messaging service, both directions: `receive` translates what the service delivers (an
    update, a webhook form, a terminal line) into an Inbound, `send` an Outbound into API calls."""

    name: str

    def receive(self, raw: RawT_contra) -> Inbound | None: ...

    async def send(self, message: Outbound) -> str | None: ...

    async def fetch_media(self, media: Media) -> bytes:
        """The bytes of a photo or voice note the contact sent, for the media store."""
        ...


class RateLimit:
    """At most `per_second` calls to a provider in any one second as the provider counts them. The provider
    counts a call somewhere between its start here and its answer; so a call starts only once the call
    `per_second` before it is a second past its answer (the same clock, in one process). A late wake-up of the
    event loop is made up by the calls after it rather than lost, and no second ever holds more. (Below one a
    second: one call per 1/per_second seconds.) Each call is made inside `async with limit.call():`."""

    def __init__(self, per_second: float) -> None:
        self.calls = max(1, int(per_second))
        self.window = self.calls / per_second
        self._made: deque[Call] = deque(maxlen=self.calls)
        self._turn = asyncio.Lock()

    @contextlib.asynccontextmanager
    async def call(self) -> AsyncIterator[Call]:
        """Waits for the call's turn; notes when its answer came (or it failed) on leaving."""
        loop = asyncio.get_running_loop()
        async with self._turn:
            if len(self._made) == self.calls:
                earlier = self._made[0]
                # A call still unanswered a whole window after its start is taken to have reached the provider
                # within it: a stalled call holds the pace back by one window, not until its time limit.
                if not earlier.answered.done():
                    # Not wait_for: on Python 3.11 it drops a cancel that comes as the awaited call ends.
                    with contextlib.suppress(TimeoutError):
                        async with asyncio.timeout_at(earlier.started + self.window):
                            await asyncio.shield(earlier.answered)
                wait = earlier.counted(self.window) + self.window - loop.time()
                if wait > 0:
                    await asyncio.sleep(wait)
            call = Call(loop.time(), loop.create_future())
            self._made.append(call)
        try:
            yield call
        finally:
            call.answered.set_result(loop.time())


@dataclass(frozen=True)
class Call:
    """One call through a RateLimit, on the event loop's clock."""

    started: float
    answered: asyncio.Future[float]  # done when the answer came, or the call failed

    def counted(self, longest: float) -> float:
        """The latest the provider can have counted it: by its answer, and at most `longest` after its start."""
        latest = self.started + longest
        return min(self.answered.result(), latest) if self.answered.done() else latest
