"""The fake Twilio API driven by the real twilio client, and the webhook fixtures it ships with.

If twilio changes how it encodes a message or maps an error, these tests fail here rather than as
a puzzling end-to-end failure in the product's tests.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
from twilio.base.exceptions import TwilioRestException
from twilio.http.async_http_client import AsyncTwilioHttpClient
from twilio.http.http_client import TwilioHttpClient
from twilio.http.response import Response
from twilio.request_validator import RequestValidator
from twilio.rest import Client

from harness.fake_twilio import ACCOUNT_SID, AUTH_TOKEN, FIXTURES, SENDER, FakeTwilioAPI, load_payload, sign

# twilio 9.13 passes auth=aiohttp.BasicAuth(...), both of which aiohttp 3.14 deprecates; not ours to fix.
pytestmark = [
    pytest.mark.filterwarnings("ignore:BasicAuth is deprecated:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:The 'auth' parameter is deprecated:DeprecationWarning"),
]

TWILIO_API = "https://api.twilio.com"
USER = "whatsapp:+6281234567890"
WEBHOOK_URL = "https://lapor.example.id/twilio/whatsapp"


class RedirectingHttpClient(AsyncTwilioHttpClient):
    """Sends twilio's requests to the fake; keeps the last response's headers, which a
    TwilioRestException does not carry."""

    def __init__(self, base_url: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.base_url = base_url
        self.last_headers: Any = None

    async def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> Response:
        response = await super().request(method, url.replace(TWILIO_API, self.base_url), *args, **kwargs)
        self.last_headers = response.headers
        return response


@pytest.fixture
async def fake() -> AsyncIterator[FakeTwilioAPI]:
    api = FakeTwilioAPI()
    await api.start()
    yield api
    await api.stop()


@pytest.fixture
async def http(fake: FakeTwilioAPI) -> AsyncIterator[RedirectingHttpClient]:
    """Created inside the running loop and closed after the test: aiohttp's session needs both."""
    async with RedirectingHttpClient(fake.base_url, timeout=5) as client:
        yield client


@pytest.fixture
def client(http: RedirectingHttpClient) -> Client:
    return Client(ACCOUNT_SID, AUTH_TOKEN, http_client=http)


async def test_text_message_is_recorded_and_parsed(fake: FakeTwilioAPI, client: Client) -> None:
    message = await client.messages.create_async(from_=SENDER, to=USER, body="Laporan diterima")

    assert re.fullmatch(r"SM[0-9a-f]{32}", message.sid)
    assert (message.status, message.to, message.from_, message.body) == ("queued", USER, SENDER, "Laporan diterima")
    assert message.account_sid == ACCOUNT_SID
    assert message.date_created is not None and message.date_created.tzinfo is not None
    assert message.num_segments == "1"
    assert fake.sent(USER) == [{"To": USER, "From": SENDER, "Body": "Laporan diterima", "_sid": message.sid}]


async def test_template_and_media_params_are_recorded_as_twilio_sends_them(fake: FakeTwilioAPI, client: Client) -> None:
    variables = json.dumps({"1": "Polsek Menteng", "2": "5"})
    await client.messages.create_async(
        from_=SENDER,
        to=USER,
        content_sid="HX" + "1" * 32,
        content_variables=variables,
        status_callback="https://lapor.example.id/twilio/status",
    )
    media = ["https://lapor.example.id/m/1.jpg", "https://lapor.example.id/m/2.jpg"]
    message = await client.messages.create_async(from_=SENDER, to=USER, body="Foto", media_url=media)

    template, with_media = fake.sent(USER)
    assert template["ContentSid"] == "HX" + "1" * 32
    assert template["ContentVariables"] == variables
    assert template["StatusCallback"] == "https://lapor.example.id/twilio/status"
    assert "Body" not in template
    assert with_media["MediaUrl"] == media
    assert message.num_media == "2"


async def test_wrong_auth_token_is_a_401(fake: FakeTwilioAPI, http: RedirectingHttpClient) -> None:
    client = Client(ACCOUNT_SID, "wrong-token", http_client=http)

    with pytest.raises(TwilioRestException) as raised:
        await client.messages.create_async(from_=SENDER, to=USER, body="halo")

    assert (raised.value.status, raised.value.code) == (401, 20003)
    assert fake.sent(USER) == []
    assert fake.messages[-1]["_failed"] is True


@pytest.mark.parametrize(
    ("status", "code", "expected_code"),
    [(429, 20429, 20429), (500, None, 500), (400, 63024, 63024)],
    ids=["rate-limited", "server-error-without-code", "invalid-recipient"],
)
async def test_fail_next_raises_twilio_rest_exception(
    fake: FakeTwilioAPI, client: Client, status: int, code: int | None, expected_code: int
) -> None:
    fake.fail_next(status=status, code=code, message="Simulated failure", times=2)

    for _ in range(2):
        with pytest.raises(TwilioRestException) as raised:
            await client.messages.create_async(from_=SENDER, to=USER, body="halo")
        assert (raised.value.status, raised.value.code) == (status, expected_code)
        assert raised.value.msg == "Unable to create record: Simulated failure"
    await client.messages.create_async(from_=SENDER, to=USER, body="halo")

    assert [m.get("_failed", False) for m in fake.messages] == [True, True, False]


async def test_retry_after_reaches_the_http_client_not_the_exception(
    fake: FakeTwilioAPI, client: Client, http: RedirectingHttpClient
) -> None:
    fake.fail_next(status=429, code=20429, message="Too Many Requests", retry_after=7)

    with pytest.raises(TwilioRestException) as raised:
        await client.messages.create_async(from_=SENDER, to=USER, body="halo")

    assert raised.value.status == 429
    assert not hasattr(raised.value, "headers")
    assert http.last_headers["Retry-After"] == "7"


async def test_freeform_outside_the_window_fails_but_a_template_goes_out(fake: FakeTwilioAPI, client: Client) -> None:
    fake.outside_window.add(USER)

    with pytest.raises(TwilioRestException) as raised:
        await client.messages.create_async(from_=SENDER, to=USER, body="Ringkasan harian")
    await client.messages.create_async(from_=SENDER, to=USER, content_sid="HX" + "2" * 32)

    assert (raised.value.status, raised.value.code) == (400, 63016)
    assert "outside the allowed window" in raised.value.msg
    assert [m.get("ContentSid") for m in fake.sent(USER)] == ["HX" + "2" * 32]


@pytest.mark.parametrize(
    ("params", "code"),
    [({"from_": SENDER}, 21602), ({"body": "halo"}, 21603), ({"from_": SENDER, "body": "x" * 1601}, 21617)],
    ids=["no-body", "no-from", "body-too-long"],
)
async def test_invalid_creations_are_rejected_like_twilio(
    fake: FakeTwilioAPI, client: Client, params: dict[str, str], code: int
) -> None:
    with pytest.raises(TwilioRestException) as raised:
        await client.messages.create_async(to=USER, **params)

    assert (raised.value.status, raised.value.code) == (400, code)
    assert fake.sent(USER) == []


async def test_sync_client_works_too(fake: FakeTwilioAPI) -> None:
    """The requests-based client blocks, so it runs in a thread while the loop serves the fake."""

    class SyncRedirectingHttpClient(TwilioHttpClient):
        def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> Response:
            return super().request(method, url.replace(TWILIO_API, fake.base_url), *args, **kwargs)

    client = Client(ACCOUNT_SID, AUTH_TOKEN, http_client=SyncRedirectingHttpClient(timeout=5))
    message = await asyncio.to_thread(client.messages.create, from_=SENDER, to=USER, body="sync")

    assert message.sid == fake.sent(USER)[0]["_sid"]


async def test_media_needs_basic_auth_and_redirects_to_the_cdn(fake: FakeTwilioAPI) -> None:
    message_sid, media_sid = "MM" + "a" * 32, "ME" + "b" * 32
    url = fake.add_media(message_sid, media_sid, b"\xff\xd8jpeg-bytes", "image/jpeg")
    path = f"/2010-04-01/Accounts/{ACCOUNT_SID}/Messages/{message_sid}/Media/{media_sid}"
    assert url == fake.base_url + path

    async with httpx.AsyncClient(auth=(ACCOUNT_SID, AUTH_TOKEN), follow_redirects=True) as authed:
        response = await authed.get(url)
    async with httpx.AsyncClient(follow_redirects=True) as anonymous:
        refused = await anonymous.get(url)

    assert response.status_code == 200
    assert response.content == b"\xff\xd8jpeg-bytes"
    assert response.headers["content-type"] == "image/jpeg"
    assert [r.status_code for r in response.history] == [307]
    assert response.history[0].headers["location"].startswith(f"{fake.base_url}/cdn/")
    assert refused.status_code == 401
    assert fake.media_requests == [{"path": path, "authorized": True}, {"path": path, "authorized": False}]


PAYLOADS = {
    "text": {"MessageType": "text", "Body": "halo", "NumMedia": "0"},
    "location": {"MessageType": "location", "Body": "", "Latitude": "-6.1944491", "Longitude": "106.8229198"},
    "image": {"MessageType": "image", "NumMedia": "1", "MediaContentType0": "image/jpeg"},
    "audio": {"MessageType": "audio", "NumMedia": "1", "MediaContentType0": "audio/ogg"},
    "document": {"MessageType": "document", "NumMedia": "1", "MediaContentType0": "application/pdf"},
    "button": {"MessageType": "button", "ButtonText": "Ya, benar", "ButtonPayload": "confirm_yes"},
    "status_delivered": {"MessageStatus": "delivered", "From": SENDER, "To": USER},
    "status_failed": {"MessageStatus": "failed", "ErrorCode": "63016", "From": SENDER, "To": USER},
}


def test_every_fixture_file_is_covered() -> None:
    assert sorted(p.stem for p in FIXTURES.glob("*.txt")) == sorted(PAYLOADS)


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_fixture_is_one_raw_urlencoded_body(name: str) -> None:
    raw = (FIXTURES / f"{name}.txt").read_text()
    params = load_payload(name)

    assert urlencode(params) == raw  # one line, no trailing newline, nothing but the body
    assert params["AccountSid"] == ACCOUNT_SID
    assert params["ApiVersion"] == "2010-04-01"
    assert re.fullmatch(r"(SM|MM)[0-9a-f]{32}", params["MessageSid"])
    assert params.items() >= PAYLOADS[name].items()
    if not name.startswith("status_"):
        assert (params["From"], params["To"], params["WaId"]) == (USER, SENDER, "6281234567890")
        assert params["SmsMessageSid"] == params["SmsSid"] == params["MessageSid"]
    if params.get("NumMedia") == "1":
        media_url = f"{TWILIO_API}/2010-04-01/Accounts/{ACCOUNT_SID}/Messages/{params['MessageSid']}/Media/"
        assert re.fullmatch(re.escape(media_url) + r"ME[0-9a-f]{32}", params["MediaUrl0"])


def test_load_payload_applies_overrides() -> None:
    params = load_payload("image", MediaUrl0="http://127.0.0.1:1/media", Body="")

    assert (params["MediaUrl0"], params["Body"]) == ("http://127.0.0.1:1/media", "")
    assert params["MediaContentType0"] == "image/jpeg"


def test_signature_is_valid_only_for_the_signed_url_and_params() -> None:
    params = load_payload("text")
    signature = sign(WEBHOOK_URL, params)
    validator = RequestValidator(AUTH_TOKEN)

    assert validator.validate(WEBHOOK_URL, params, signature)
    assert not validator.validate("http://10.0.0.5:8000/twilio/whatsapp", params, signature)
    assert not validator.validate(WEBHOOK_URL, params | {"Body": "halo!"}, signature)
    assert not RequestValidator("another-token").validate(WEBHOOK_URL, params, signature)
