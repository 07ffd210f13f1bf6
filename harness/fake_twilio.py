"""A fake Twilio REST API, and the WhatsApp webhook payloads Twilio posts, for end-to-end tests.

The real twilio ``Client`` talks to it over HTTP on 127.0.0.1 through an ``http_client`` whose
``request()`` swaps ``https://api.twilio.com`` for ``base_url`` (twilio has no base-URL option), so
tests exercise twilio's own request encoding, response parsing and error mapping.

How twilio 9.13 talks to the API (read in twilio/base/*, twilio/http/*, and checked by
test_fake_twilio.py):

- ``messages.create[_async]`` is ``POST /2010-04-01/Accounts/{sid}/Messages.json``, form-encoded,
  HTTP Basic auth (account sid, auth token). Unset arguments are left out; ``media_url`` is sent as
  repeated ``MediaUrl`` fields; ``content_variables`` is sent verbatim (the caller JSON-encodes it).
- Any status outside 2xx raises ``TwilioRestException`` with ``.status`` (the HTTP status) and
  ``.code`` (the body's ``code``, or the HTTP status when the body has none or is not JSON), ``.msg``
  ("Unable to create record: " + the body's ``message``), ``.uri``, ``.method``, ``.details``. It
  carries no response headers, so a 429's ``Retry-After`` is only visible to the ``http_client``,
  whose ``request()`` returns a ``twilio.http.response.Response`` with ``.headers``. (A body with
  ``type``, ``title``, ``status`` and ``code`` would raise ``TwilioServiceException`` instead; the
  2010 API answers in the legacy shape used here.)
- The client never follows redirects (``allow_redirects=False``); media downloads are the caller's
  business: Twilio answers a media URL with a redirect to its CDN.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route
from twilio.request_validator import RequestValidator

from harness.loopback import FaultyAPI

ACCOUNT_SID = "AC" + "0" * 32
AUTH_TOKEN = "test-auth-token"
SENDER = "whatsapp:+14155238886"
API_VERSION = "2010-04-01"
FIXTURES = Path(__file__).parent.parent / "tests" / "fixtures" / "whatsapp"  # captured forms, read as data

# Form fields Twilio accepts more than once; they are recorded as lists.
LIST_PARAMS = frozenset({"MediaUrl", "PersistentAction"})
MAX_BODY = 1600
OUTSIDE_WINDOW = (
    "Failed to send freeform message because you are outside the allowed window. "
    "If you want to send messages outside a session, use a Template."
)


class _ApiError(Exception):
    """An error answer in the 2010 API's shape; raised by validation or queued by ``fail_next``."""

    def __init__(self, status: int, code: int | None, message: str, retry_after: int | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.retry_after = retry_after

    def response(self) -> JSONResponse:
        body: dict[str, Any] = {"message": self.message, "status": self.status}
        if self.code is not None:
            body |= {"code": self.code, "more_info": f"https://www.twilio.com/docs/errors/{self.code}"}
        headers = {"Retry-After": str(self.retry_after)} if self.retry_after is not None else None
        return JSONResponse(body, status_code=self.status, headers=headers)


@dataclass(frozen=True)
class _Media:
    data: bytes
    content_type: str




class FakeTwilioAPI(FaultyAPI):
    """An in-process Twilio REST API: message creation and media download.

    ``messages`` holds every ``POST .../Messages.json`` in order as its form params (``MediaUrl`` a
    list), including those answered with an error (``"_failed": True``); a created one also carries
    the ``"_sid"`` it was given, so a test can post status callbacks for it.

    Addresses in ``outside_window`` have not written in 24 hours: a freeform creation to them (Body
    or MediaUrl, no ContentSid) fails with 63016, as Twilio does; a template goes out.
    """

    def __init__(self, account_sid: str = ACCOUNT_SID, auth_token: str = AUTH_TOKEN) -> None:
        super().__init__()
        self.account_sid = account_sid
        self.auth_token = auth_token
        self.messages: list[dict[str, Any]] = []
        self.media_requests: list[dict[str, Any]] = []
        self.outside_window: set[str] = set()
        self._failures: list[_ApiError] = []
        self.answer_delay = 0.0  # seconds between taking a message and answering: a slow provider
        self.unanswered: set[str] = set()  # bodies of messages taken whose answer has not gone yet
        self._media: dict[tuple[str, str], _Media] = {}
        self._cdn: dict[str, _Media] = {}

    # --- lifecycle -------------------------------------------------------------------------

    async def start(self) -> None:
        """Serve on an ephemeral port in the running loop; return once connections are accepted."""
        prefix = f"/{API_VERSION}/Accounts/{{account_sid}}"
        await self._serve([
                Route(f"{prefix}/Messages.json", self._create_message, methods=["POST"]),
                Route(f"{prefix}/Messages/{{message_sid}}/Media/{{media_sid}}", self._media_url, methods=["GET"]),
                Route("/cdn/{token}", self._cdn_file, methods=["GET"]),
        ])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._port}"

    # --- test helpers ----------------------------------------------------------------------

    def sent(self, to: str) -> list[dict[str, Any]]:
        """Messages created for ``to``; creations answered with an error are left out."""
        return [m for m in self.messages if m.get("To") == to and not m.get("_failed")]

    def fail_next(
        self,
        *,
        status: int,
        code: int | None = None,
        message: str = "",
        retry_after: int | None = None,
        times: int = 1,
    ) -> None:
        """Answer the next ``times`` authenticated message creations with this error.

        Without a ``code`` the body has none, and twilio then reports the HTTP status as the code.
        """
        self._failures.extend(_ApiError(status, code, message, retry_after) for _ in range(times))

    def add_media(self, message_sid: str, media_sid: str, data: bytes, content_type: str) -> str:
        """Store an inbound media file; return its URL, shaped like a webhook's ``MediaUrl0``."""
        self._media[(message_sid, media_sid)] = _Media(data, content_type)
        return f"{self.base_url}/{API_VERSION}/Accounts/{self.account_sid}/Messages/{message_sid}/Media/{media_sid}"

    # --- HTTP endpoints --------------------------------------------------------------------

    def _authorized(self, request: Request) -> bool:
        scheme, _, encoded = request.headers.get("authorization", "").partition(" ")
        try:
            credentials = base64.b64decode(encoded, validate=True).decode()
        except (binascii.Error, UnicodeDecodeError):
            return False
        return scheme.lower() == "basic" and credentials == f"{self.account_sid}:{self.auth_token}"

    def _check_access(self, request: Request) -> None:
        if not self._authorized(request):
            raise _ApiError(401, 20003, "Authenticate")
        if request.path_params["account_sid"] != self.account_sid:
            raise _ApiError(404, 20404, f"The requested resource {request.url.path} was not found")

    async def _create_message(self, request: Request) -> Response:
        params = await _read_params(request)
        self.messages.append(params)
        try:
            self._check_access(request)
            self.request_times.append(time.monotonic())
            if self._failures:
                raise self._failures.pop(0)
            fault = self._draw_fault()
            if fault == "500":
                raise _ApiError(500, 20500, "Internal Server Error")
            if fault == "429":
                raise _ApiError(429, 20429, "Too Many Requests", retry_after=1)
            if fault == "garbage":
                params["_failed"] = True
                return Response("<html><body>502 Bad Gateway</body></html>", media_type="text/html")
            _validate(params)
            if params["To"] in self.outside_window and "ContentSid" not in params:
                raise _ApiError(400, 63016, OUTSIDE_WINDOW)
        except _ApiError as error:
            params["_failed"] = True
            response = error.response()
            if error.status == 401:
                response.headers["WWW-Authenticate"] = 'Basic realm="Twilio API"'
            return response
        params["_sid"] = "SM" + secrets.token_hex(16)
        delay = self.answer_delay
        if fault == "stall":
            params["_stalled"] = True
            delay = self.stall_seconds
        if delay:
            self.unanswered.add(params.get("Body", ""))
            await asyncio.sleep(delay)
            self.unanswered.discard(params.get("Body", ""))
        return JSONResponse(self._message_instance(params), status_code=201)

    async def _media_url(self, request: Request) -> Response:
        """Twilio guards media with Basic auth and redirects to a short-lived CDN URL."""
        authorized = self._authorized(request)
        self.media_requests.append({"path": request.url.path, "authorized": authorized})
        try:
            self._check_access(request)
        except _ApiError as error:
            return error.response()
        media = self._media.get((request.path_params["message_sid"], request.path_params["media_sid"]))
        if media is None:
            return _ApiError(404, 20404, f"The requested resource {request.url.path} was not found").response()
        token = secrets.token_hex(16)
        self._cdn[token] = media
        return RedirectResponse(f"{self.base_url}/cdn/{token}", status_code=307)

    async def _cdn_file(self, request: Request) -> Response:
        media = self._cdn.get(request.path_params["token"])
        if media is None:
            return Response(status_code=404)
        return Response(media.data, media_type=media.content_type)

    def _message_instance(self, params: dict[str, Any]) -> dict[str, Any]:
        """A MessageInstance as the create call answers it: queued, not yet sent or priced."""
        sid = params["_sid"]
        uri = f"/{API_VERSION}/Accounts/{self.account_sid}/Messages/{sid}"
        now = format_datetime(datetime.now(UTC).replace(microsecond=0))
        return {
            "account_sid": self.account_sid,
            "api_version": API_VERSION,
            "body": params.get("Body", ""),
            "date_created": now,
            "date_sent": None,
            "date_updated": now,
            "direction": "outbound-api",
            "error_code": None,
            "error_message": None,
            "from": params.get("From"),
            "messaging_service_sid": params.get("MessagingServiceSid"),
            "num_media": str(len(params.get("MediaUrl", []))),
            "num_segments": "1",
            "price": None,
            "price_unit": "USD",
            "sid": sid,
            "status": "queued",
            "subresource_uris": {"media": f"{uri}/Media.json"},
            "to": params["To"],
            "uri": f"{uri}.json",
        }


async def _read_params(request: Request) -> dict[str, Any]:
    params: dict[str, Any] = {}
    async with request.form() as form:
        for name, value in form.multi_items():
            if name in LIST_PARAMS:
                params.setdefault(name, []).append(value)
            else:
                params[name] = value
    return params


def _validate(params: dict[str, Any]) -> None:
    """The parameter checks Twilio makes before queueing a message."""
    if not params.get("To"):
        raise _ApiError(400, 21604, "A 'To' phone number is required.")
    if not params.get("From") and not params.get("MessagingServiceSid"):
        raise _ApiError(400, 21603, "A 'From' or 'MessagingServiceSid' parameter is required to send a message.")
    if not (params.get("Body") or params.get("MediaUrl") or params.get("ContentSid")):
        raise _ApiError(400, 21602, "Message body is required.")
    if len(params.get("Body", "")) > MAX_BODY:
        raise _ApiError(400, 21617, "The concatenated message body exceeds the 1600 character limit.")
    if "ContentVariables" in params:
        try:
            json.loads(params["ContentVariables"])
        except ValueError:
            raise _ApiError(400, 21656, "The ContentVariables Parameter is invalid.") from None


# --- webhook payloads ------------------------------------------------------------------------


def load_payload(name: str, **overrides: str) -> dict[str, str]:
    """The form fields of ``fixtures/whatsapp/{name}.txt`` (a raw webhook body), with overrides,
    e.g. ``MediaUrl0=fake.add_media(...)`` so the product downloads from the fake."""
    body = (FIXTURES / f"{name}.txt").read_text().strip()
    return dict(parse_qsl(body, keep_blank_values=True, strict_parsing=True)) | overrides


def sign(url: str, params: dict[str, str], auth_token: str = AUTH_TOKEN) -> str:
    """The ``X-Twilio-Signature`` Twilio would send for a form POST of ``params`` to ``url``."""
    return RequestValidator(auth_token).compute_signature(url, params)
