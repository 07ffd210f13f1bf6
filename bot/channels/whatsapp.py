"""WhatsApp through Twilio: signed webhook forms in, Inbound and delivery statuses out; replies out as TwiML,
messages the bot starts on its own through the REST API."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlsplit
from xml.sax.saxutils import escape

import aiohttp
import httpx
from multidict import MultiDict
from twilio.base.exceptions import TwilioRestException
from twilio.http.async_http_client import AsyncTwilioHttpClient
from twilio.request_validator import RequestValidator
from twilio.rest import Client

from bot.channels.base import (
    ContactUnreachable,
    Inbound,
    Location,
    MalformedWebhook,
    Media,
    NeedsTemplate,
    Outbound,
    PermanentFailure,
    RateLimit,
    RetryLater,
    TooLarge,
    ascii_number,
    split_text,
)
from storage.media import MAX_PHOTO_BYTES
from storage.outbox import PROVIDER_STATUS

SCHEME = "whatsapp"
TWILIO_API = "https://api.twilio.com"
MAX_BODY_CHARS = 1600  # Twilio refuses longer WhatsApp bodies (error 21617)
MAX_MEDIA = 10
_ADDRESS = re.compile(r"^whatsapp:\+[1-9]\d{5,14}$")
_MESSAGE_SID = re.compile(r"^[A-Z]{2}[0-9a-fA-F]{32}$")
# Where Twilio redirects a media URL: its CDN, or (accounts without media authentication) its S3 bucket.
_MEDIA_STORE_HOSTS = (".twiliocdn.com", ".twilio.com", "s3-external-1.amazonaws.com")
_DEFAULT_PORTS = {"http": 80, "https": 443}
OUTSIDE_WINDOW = 63016
UNREACHABLE_CODES = {63024, 21211, 63003, 21614}  # invalid or non-WhatsApp recipient
MAX_FORM_BYTES = 64 * 1024  # a Twilio form is a few kilobytes; its signature is checked before any work
MAX_FORM_FIELDS = 200
SIGNATURE_HEADER = "x-twilio-signature"
# Twilio waits 15 s for a webhook's answer, then drops it (error 11200): an answer not ready well within that
# goes by the REST API instead.
ANSWER_WITHIN = 10.0
_XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'


def read_form(body: bytes) -> MultiDict[str]:
    """The fields of a posted form. A multidict, as twilio's signature check reads each field with getall()
    (any other mapping costs it two exceptions a field). MalformedWebhook when it is no UTF-8 text,
    TooLarge past MAX_FORM_FIELDS fields."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise MalformedWebhook("the form is not UTF-8") from error
    try:
        return MultiDict(parse_qsl(text, keep_blank_values=True, max_num_fields=MAX_FORM_FIELDS))
    except ValueError as error:
        raise TooLarge(f"more than {MAX_FORM_FIELDS} fields") from error


@dataclass(frozen=True)
class DeliveryStatus:
    """A status callback: how a message the bot sent went, and what its error code asks of the outbox."""

    message_sid: str
    status: str  # one of storage.outbox.PROVIDER_STATUS
    error_code: str | None = None
    retry_as_template: bool = False  # refused outside the 24-hour window: an approved template may go
    unreachable: bool = False  # no such WhatsApp user: stop writing to them


def delivery_status(form: Mapping[str, str]) -> DeliveryStatus:
    """The DeliveryStatus a status callback's form stands for; MalformedWebhook when it is not one."""
    status, message_sid = form.get("MessageStatus", ""), form.get("MessageSid", "")
    if status not in PROVIDER_STATUS or not _MESSAGE_SID.fullmatch(message_sid):  # as an inbound's: no NUL reaches
        raise MalformedWebhook("MessageStatus or MessageSid missing or unknown")  # the outbox's query
    error_code = form.get("ErrorCode") or None
    code = ascii_number(error_code or "", 9)
    return DeliveryStatus(message_sid, status, error_code, retry_as_template=code == OUTSIDE_WINDOW,
                          unreachable=code in UNREACHABLE_CODES)


def render(message: Outbound) -> str:
    """The text of a reply with its choices as a numbered list: WhatsApp has no buttons for free replies."""
    if not message.choices:
        return message.text
    options = "\n".join(f"{number}. {choice.label}" for number, choice in enumerate(message.choices, 1))
    return f"{message.text}\n\n{options}\n\n{message.choices_hint}".rstrip()


class TwilioHttp(AsyncTwilioHttpClient):
    """twilio's aiohttp client with what a long-running service needs from it: a real time limit (the
    library passes none on its own), Retry-After from a 429 (its exception does not carry headers), and
    TWILIO_API_BASE_URL in place of api.twilio.com (tests, proxies)."""

    def __init__(self, base_url: str = "", seconds: float = 10.0) -> None:
        super().__init__()
        self.base_url = base_url.rstrip("/")
        self.seconds = seconds

    async def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> Any:
        if self.base_url:
            url = url.replace(TWILIO_API, self.base_url, 1)
        async with asyncio.timeout(self.seconds):  # not wait_for, which on Python 3.11 can drop a cancel
            response = await super().request(method, url, *args, **kwargs)
        if response.status_code == 429:
            retry_after = (response.headers or {}).get("Retry-After", "")
            raise RetryLater("twilio answered 429", ascii_number(retry_after, 6))
        return response


class WhatsAppChannel:
    name = SCHEME

    def __init__(self, account_sid: str, auth_token: str, sender: str, *, api_base_url: str = "",
                 status_callback: str = "", send_timeout: float = 10.0, per_second: float = 10.0) -> None:
        self.account_sid, self.auth_token, self.sender = account_sid, auth_token, sender
        self.send_timeout = send_timeout
        self._pace = RateLimit(per_second)  # every call counts: a photo, a voice note and each piece of a long text
        self.status_callback = status_callback or None
        self.api_base_url = api_base_url.rstrip("/")
        self._http: TwilioHttp | None = None
        self._client: Client | None = None
        api = urlsplit(self.api_base_url or TWILIO_API)
        self._api_origin = (api.scheme, api.hostname, api.port or _DEFAULT_PORTS.get(api.scheme))

    def signed(self, url: str, form: Mapping[str, str], signature: str) -> bool:
        """Whether `signature` (the X-Twilio-Signature header) proves Twilio posted `form` to `url`. Twilio signs
        the URL it called: the public one, not the one this process sees behind a proxy."""
        return bool(RequestValidator(self.auth_token).validate(url, form, signature))

    def for_us(self, form: Mapping[str, str]) -> bool:
        """Whether a signed form is for this account and this number: the number a message is sent to, or a status
        callback's message was sent from. The auth token signs alike for every number of the account (and a
        subaccount's forms, where it is the parent's), so a valid signature alone does not say it is ours."""
        ours = form.get("From" if "MessageStatus" in form else "To", "")
        return form.get("AccountSid", "") == self.account_sid and ours == self.sender

    def receive(self, form: Mapping[str, str]) -> Inbound:
        """The Inbound a Twilio webhook form stands for; MalformedWebhook when it is not one."""
        sender = form.get("From", "")
        message_sid = form.get("MessageSid", "")
        if not _ADDRESS.fullmatch(sender) or not _MESSAGE_SID.fullmatch(message_sid):
            raise MalformedWebhook("From or MessageSid missing or malformed")
        if "MessageStatus" in form or sender == self.sender:  # the status callback's URL set to this one
            raise MalformedWebhook("a delivery status, not a message: the status callback goes to /whatsapp/status")
        location = None
        if form.get("Latitude") or form.get("Longitude"):
            try:
                latitude, longitude = float(form["Latitude"]), float(form["Longitude"])
            except (KeyError, ValueError) as error:
                raise MalformedWebhook("Latitude/Longitude") from error
            location = Location(latitude, longitude)
        media, voice, unsupported = self._media(form)
        if location is not None and not location.on_earth:  # "NaN", 95: numbers, but no point on the map
            location, unsupported = None, unsupported or "location"
        text = form.get("Body", "") or form.get("ButtonText", "")
        if not (text or location or media or voice or unsupported or form.get("ButtonPayload")):
            unsupported = "other"
        return Inbound(
            urn=sender,
            provider_message_id=message_sid,
            text=text,
            location=location,
            media=media,
            voice=voice,
            choice=form.get("ButtonPayload") or None,
            unsupported=unsupported,
        )

    @staticmethod
    def _media(form: Mapping[str, str]) -> tuple[tuple[Media, ...], Media | None, str | None]:
        """The first photo, else the first voice note (Twilio declares no duration: it is read from the
        bytes), else what kind of file came that the bot does not take."""
        try:
            count = int(form.get("NumMedia") or 0)
        except ValueError as error:
            raise MalformedWebhook("NumMedia") from error
        if not 0 <= count <= MAX_MEDIA:
            raise MalformedWebhook("NumMedia out of range")
        photos, voices, other = [], [], None
        for index in range(count):
            url, content_type = form.get(f"MediaUrl{index}", ""), form.get(f"MediaContentType{index}", "")
            if not url.startswith(("https://", "http://")):
                raise MalformedWebhook(f"MediaUrl{index}")
            if content_type.startswith("image/"):
                photos.append(Media(content_type, url=url))
            elif content_type.startswith("audio/"):
                voices.append(Media(content_type, url=url))
            else:
                other = content_type.split("/")[0] or "file"
        voice = voices[0] if voices and not photos else None
        return tuple(photos[:1]), voice, (other if not (photos or voices) else None)

    def twiml(self, replies: list[Outbound]) -> str:
        """The webhook's answer: each reply as one or more messages within Twilio's length limit. Written out
        as text, as twilio's TwiML classes would write it: they build an ElementTree for it, some 60 µs a
        message, about 2 % of what a message costs the service."""
        messages = "".join(f"<Message>{escape(piece)}</Message>"
                           for reply in replies for piece in split_text(render(reply), MAX_BODY_CHARS))
        return f"{_XML_DECLARATION}<Response>{messages}</Response>"

    async def fetch_media(self, media: Media) -> bytes:
        """Downloads a photo or voice note, at most 10 MB. The URL must be Twilio's API; it redirects to its
        media store, which is followed over HTTPS to Twilio's (or its storage's) hosts only. The account's
        credentials go to the API host alone, never along a redirect."""
        url = media.url or ""
        if not self._is_api(url):
            raise ValueError("media outside Twilio's API refused")
        async with httpx.AsyncClient(timeout=10.0) as http:
            for _ in range(3):
                if not (self._is_api(url) or _is_media_store(url)):
                    raise ValueError("media redirect outside Twilio's hosts refused")
                auth = (self.account_sid, self.auth_token) if self._is_api(url) else None
                async with http.stream("GET", url, auth=auth) as response:
                    if response.is_redirect:
                        url = str(response.next_request.url) if response.next_request else ""
                        continue
                    response.raise_for_status()
                    data = bytearray()
                    async for chunk in response.aiter_bytes():
                        data += chunk
                        if len(data) > MAX_PHOTO_BYTES:
                            break  # one byte over is enough for the media store to refuse it
                    return bytes(data)
        raise ValueError("too many redirects")

    def _is_api(self, url: str) -> bool:
        """Whether a URL is Twilio's, port and all: the account's credentials go to no other service of that host."""
        parts = urlsplit(url)
        return (parts.scheme, parts.hostname, parts.port or _DEFAULT_PORTS.get(parts.scheme)) == self._api_origin

    def _rest(self) -> Client:
        if self._client is None:  # created in the running loop: aiohttp binds its session to it
            self._http = TwilioHttp(self.api_base_url, self.send_timeout)
            self._client = Client(self.account_sid, self.auth_token, http_client=self._http)
        return self._client

    async def send(self, message: Outbound) -> str:
        """Sends free text (inside the 24-hour window); returns Twilio's message sid (of the last piece)."""
        for media in (message.photo, message.voice):
            if media is not None and media.url:  # Twilio fetches it from our public address
                await self._create(to=message.urn, media_url=[media.url])
        sids = [await self._create(to=message.urn, body=piece) for piece in split_text(render(message), MAX_BODY_CHARS)]
        return sids[-1]

    async def send_template(self, urn: str, content_sid: str, variables: Mapping[str, str]) -> str:
        """Sends an approved template: what may start a conversation outside the 24-hour window."""
        return await self._create(to=urn, content_sid=content_sid, content_variables=json.dumps(dict(variables)))

    async def _create(self, *, to: str, **fields: Any) -> str:
        if self.status_callback:
            fields["status_callback"] = self.status_callback
        try:
            async with self._pace.call():
                created = await self._rest().messages.create_async(from_=self.sender, to=to, **fields)
        except Exception as error:
            failure = typed_failure(error)
            if failure is error:
                raise
            raise failure from error
        return str(created.sid)

    async def close(self) -> None:
        if self._http is not None:
            await self._http.close()
            self._http = self._client = None


def _is_media_store(url: str) -> bool:
    parts = urlsplit(url)
    host = parts.hostname or ""
    return parts.scheme == "https" and any(
        host == allowed or (allowed.startswith(".") and host.endswith(allowed)) for allowed in _MEDIA_STORE_HOSTS)


def typed_failure(error: Exception) -> Exception:
    """What a Twilio error means for the sender: wait and retry, use a template, stop, or give up."""
    if isinstance(error, TwilioRestException):
        # Only the code is kept: Twilio's message text may repeat the recipient's number.
        if error.code == OUTSIDE_WINDOW:
            return NeedsTemplate(f"twilio error {error.code}")
        if error.code in UNREACHABLE_CODES:
            return ContactUnreachable(f"twilio error {error.code}")
        if error.status == 429 or error.status >= 500 or error.status == 401:
            return RetryLater(f"twilio answered {error.status}")  # 401: credentials being rotated
        return PermanentFailure(f"twilio error {error.code} (HTTP {error.status})")
    if isinstance(error, aiohttp.ClientError | asyncio.TimeoutError | OSError):
        return RetryLater(type(error).__name__)
    if isinstance(error, json.JSONDecodeError):  # an answer that was no JSON (a proxy's page): it may not
        return RetryLater("twilio's answer was no JSON")  # have reached Twilio, so it goes again
    return error
