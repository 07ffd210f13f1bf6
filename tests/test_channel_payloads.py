"""Each channel as a table, in the manner of courier's handler tests: the payloads a provider posts (kept
under tests/fixtures/) through the channel's receive(), its webhook checks (Twilio's signature, Telegram's
secret and body) and status callbacks, and each error a provider answers with through the channel's mapping
to a typed send failure. In this process, no server: the end-to-end tests over HTTP are test_telegram.py and
test_whatsapp.py."""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import json
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlencode

import aiohttp
import pytest
from telegram import Bot, Update
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut
from twilio.base.exceptions import TwilioRestException

from bot.channels.base import (
    ContactUnreachable,
    Inbound,
    Location,
    MalformedWebhook,
    Media,
    NeedsTemplate,
    Outbound,
    PermanentFailure,
    RetryLater,
    SendFailed,
    TooLarge,
)
from bot.channels.console import ConsoleChannel
from bot.channels.telegram import (
    MAX_JSON_DEPTH,
    TelegramChannel,
    UnreadableUpdate,
    has_secret,
    read_update,
    webhook_update,
)
from bot.channels.whatsapp import (
    MAX_FORM_FIELDS,
    DeliveryStatus,
    WhatsAppChannel,
    delivery_status,
    read_form,
    typed_failure,
)
from harness.fake_telegram import TOKEN
from harness.fake_twilio import ACCOUNT_SID, AUTH_TOKEN, SENDER, load_payload

FIXTURES = Path(__file__).parent / "fixtures"
CHAT = "telegram:424242"
PHONE = "whatsapp:+6281234567890"


def telegram_update(name: str) -> Update:
    return Update.de_json(json.loads((FIXTURES / "telegram" / f"{name}.json").read_text()), Bot(TOKEN))


@pytest.mark.parametrize(("fixture", "expected"), [
    ("text", Inbound(CHAT, "100001", text="halo")),
    ("command", Inbound(CHAT, "100002", text="/start LP-7KX4-9QM2")),
    ("callback", Inbound(CHAT, "100003", choice="report")),
    ("location", Inbound(CHAT, "100004", location=Location(-8.0983, 112.1681))),
    ("photo", Inbound(CHAT, "100005", text="Motor saya dicuri",
                      media=(Media("image/jpeg", file_id="AgACAgUAAxkBAAIB", size_bytes=50000),))),
    ("sticker", Inbound(CHAT, "100006", unsupported="sticker")),
    ("voice", Inbound(CHAT, "100007", voice=Media("audio/ogg", file_id="voice_0", duration_seconds=3))),
    ("edited", Inbound(CHAT, "100008", unsupported="edited")),  # nothing of an edit is read
    ("group_text", Inbound("telegram:-100123", "100009", text="halo", group=True)),
    ("channel_post", Inbound("telegram:-100456", "100010", text="pengumuman", group=True)),
    ("unknown", None),
])
def test_a_telegram_update_becomes_the_inbound_it_stands_for(fixture: str, expected: Inbound | None) -> None:
    assert TelegramChannel(Bot(TOKEN)).receive(telegram_update(fixture)) == expected


def telegram_body(name: str) -> bytes:
    return (FIXTURES / "telegram" / f"{name}.json").read_bytes()


@pytest.mark.parametrize("name", ["text", "callback", "photo", "unknown"])
def test_a_posted_update_is_read_as_its_json(name: str) -> None:
    assert webhook_update(telegram_body(name)) == json.loads(telegram_body(name))


def _nested(depth: int) -> bytes:
    return b'{"update_id": 1, "message": ' + b'{"a": ' * depth + b"1" + b"}" * depth + b"}"


@pytest.mark.parametrize("body", [
    b"",
    b"not json",
    b"\xff\xfe",  # no UTF-8
    b"[1, 2]",  # no object
    b'{"message": {}}',  # no update_id
    b'{"update_id": "1"}',
    b'{"update_id": true}',
    b'{"update_id": -1}',
    b'{"update_id": 9223372036854775808}',  # past 2**63
    b'{"update_id": 1.5}',
    _nested(MAX_JSON_DEPTH + 1),
    b"[" * 100_000 + b"]" * 100_000,  # deeper than the parser itself goes
])
def test_a_posted_body_that_is_no_update_is_refused(body: bytes) -> None:
    with pytest.raises(MalformedWebhook):
        webhook_update(body)


def test_an_update_nested_as_deep_as_the_limit_is_read() -> None:
    assert webhook_update(_nested(MAX_JSON_DEPTH - 2))["update_id"] == 1


@pytest.mark.parametrize("data", [
    {"update_id": 1, "message": {"message_id": 1, "date": 1, "chat": {"id": "424242", "type": "private"}}},
    {"update_id": 1, "message": {"message_id": 1, "date": 1, "chat": {"id": 4.2, "type": "private"}}},
    {"update_id": 1, "message": {"message_id": 1, "date": 10**20, "chat": {"id": 1, "type": "private"}}},
    {"update_id": 1, "message": "halo"},
])
def test_an_update_the_library_cannot_read_is_unreadable(data: dict[str, Any]) -> None:
    with pytest.raises(UnreadableUpdate):
        read_update(data, Bot(TOKEN))


@pytest.mark.parametrize("latitude", [float("nan"), float("inf"), 999, -91])
def test_a_location_off_the_map_is_no_location(latitude: float) -> None:
    """Telegram never sends one, but a webhook's JSON or a polled update is taken as it comes."""
    update = Update.de_json({"update_id": 1, "message": {"message_id": 1, "date": 1,
                                                         "chat": {"id": 1, "type": "private"},
                                                         "location": {"latitude": latitude, "longitude": 112.19}}},
                            Bot(TOKEN))
    inbound = TelegramChannel(Bot(TOKEN)).receive(update)
    assert inbound is not None and inbound.location is None and inbound.unsupported == "location"


@pytest.mark.parametrize(("given", "matches"), [
    ("the-secret", True),
    ("the-secreT", False),
    ("the-secret ", False),
    ("", False),
    ("rahasia-ñ", False),  # not ASCII: refused, not an error
])
def test_the_telegram_webhook_takes_only_its_own_secret(given: str, matches: bool) -> None:
    assert has_secret(given, "the-secret") is matches


WHATSAPP = WhatsAppChannel(ACCOUNT_SID, AUTH_TOKEN, SENDER)
MEDIA = f"https://api.twilio.com/2010-04-01/Accounts/{ACCOUNT_SID}/Messages"


def whatsapp_form(name: str) -> dict[str, str]:
    return load_payload(name, From=PHONE)


@pytest.mark.parametrize(("fixture", "expected"), [
    ("text", Inbound(PHONE, "SM3f1c2a7b9d4e6f8a0b1c2d3e4f5a6b7c", text="halo")),
    ("button", Inbound(PHONE, "SM4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a", text="Ya, benar", choice="confirm_yes")),
    ("location", Inbound(PHONE, "SM8a2b4c6d8e0f1a3b5c7d9e1f3a5b7c9d", location=Location(-6.1944491, 106.8229198))),
    ("image", Inbound(PHONE, "MM1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d", text="jalan berlubang di depan pasar",
                      media=(Media("image/jpeg", url=f"{MEDIA}/MM1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d/Media/"
                                                     "ME9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c"),))),
    ("audio", Inbound(PHONE, "MM2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e",
                      voice=Media("audio/ogg", url=f"{MEDIA}/MM2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e/Media/"
                                                   "ME8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b"))),
    ("document", Inbound(PHONE, "MM3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f", unsupported="application")),
])
def test_a_twilio_form_becomes_the_inbound_it_stands_for(fixture: str, expected: Inbound) -> None:
    assert WHATSAPP.receive(whatsapp_form(fixture)) == expected


@pytest.mark.parametrize("fields", [
    {"From": "+6281234567890"},  # no whatsapp: prefix
    {"MessageSid": "not-a-sid"},
    {"Latitude": "north", "Longitude": "106.8"},
    {"NumMedia": "many"},
    {"NumMedia": "11"},
    {"NumMedia": "1", "MediaUrl0": "ftp://example.org/x.jpg", "MediaContentType0": "image/jpeg"},
])
def test_a_twilio_form_that_is_no_message_is_refused(fields: dict[str, str]) -> None:
    with pytest.raises(MalformedWebhook):
        WHATSAPP.receive({**whatsapp_form("text"), **fields})


@pytest.mark.parametrize(("latitude", "longitude"), [("91", "0"), ("-8.1", "200"), ("NaN", "112.1"), ("inf", "0")])
def test_a_twilio_pin_off_the_map_is_a_pin_that_is_none(latitude: str, longitude: str) -> None:
    """Numbers, but no point on the map: the resident is told so, where a form that is none is refused."""
    inbound = WHATSAPP.receive({**whatsapp_form("location"), "Latitude": latitude, "Longitude": longitude})
    assert inbound.location is None and inbound.unsupported == "location"


@pytest.mark.parametrize(("line", "location"), [("/loc -8.0983,112.1681", Location(-8.0983, 112.1681)),
                                                ("/loc 1.29, 103.85", Location(1.29, 103.85))])
def test_a_terminal_pin_is_a_location(line: str, location: Location) -> None:
    assert ConsoleChannel("console:local", io.StringIO()).receive(line).location == location


@pytest.mark.parametrize("line", ["/loc 91,200", "/loc nan,nan", "/loc -8.1,181", "/loc north,east"])
def test_a_terminal_pin_off_the_map_is_a_pin_that_is_none(line: str) -> None:
    inbound = ConsoleChannel("console:local", io.StringIO()).receive(line)
    assert inbound.location is None and inbound.unsupported == "location" and not inbound.text


def twilio_error(status: int, code: int | None = None) -> TwilioRestException:
    return TwilioRestException(status, "https://api.twilio.com/2010-04-01/Messages.json", "refused", code=code)


@pytest.mark.parametrize(("error", "failure"), [
    (twilio_error(400, 63016), NeedsTemplate),  # outside the 24-hour window
    (twilio_error(400, 63024), ContactUnreachable),  # invalid recipient
    (twilio_error(400, 21211), ContactUnreachable),  # invalid 'To' number
    (twilio_error(400, 63003), ContactUnreachable),
    (twilio_error(400, 21614), ContactUnreachable),  # not a mobile number
    (twilio_error(429, 20429), RetryLater),
    (twilio_error(500), RetryLater),
    (twilio_error(503, 20503), RetryLater),
    (twilio_error(401, 20003), RetryLater),  # credentials being rotated
    (twilio_error(400, 21617), PermanentFailure),  # body too long
    (twilio_error(404, 20404), PermanentFailure),
    (aiohttp.ClientConnectionError("connection refused"), RetryLater),
    (TimeoutError(), RetryLater),
    (ConnectionResetError(), RetryLater),
    (json.JSONDecodeError("Expecting value", "<html>", 0), RetryLater),  # a proxy's page
])
def test_a_twilio_error_becomes_the_send_failure_that_says_what_to_do(error: Exception,
                                                                     failure: type[SendFailed]) -> None:
    assert type(typed_failure(error)) is failure


def test_an_error_twilio_does_not_explain_is_raised_as_it_is() -> None:
    bug = KeyError("sid")
    assert typed_failure(bug) is bug


class _RefusingBot:
    """Stands in for the Bot: every send fails with `error`, as python-telegram-bot raises it from an API
    answer (test_telegram.py has the real Bot meet those answers over HTTP)."""

    def __init__(self, error: TelegramError) -> None:
        self.error = error

    async def send_message(self, *args: Any, **kwargs: Any) -> Any:
        raise self.error


def _not_json() -> TelegramError:
    error = TelegramError("Invalid server response")
    error.__cause__ = ValueError("Expecting value")
    return error


@pytest.mark.parametrize(("error", "failure"), [
    (RetryAfter(3), RetryLater),
    (Forbidden("Forbidden: bot was blocked by the user"), ContactUnreachable),
    (BadRequest("Bad Request: chat not found"), PermanentFailure),
    (BadRequest("Bad Request: message is too long"), PermanentFailure),
    (TimedOut(), RetryLater),
    (NetworkError("Bad Gateway"), RetryLater),
    (_not_json(), RetryLater),
    (TelegramError("Conflict"), PermanentFailure),
])
async def test_a_telegram_error_becomes_the_send_failure_that_says_what_to_do(error: TelegramError,
                                                                              failure: type[SendFailed]) -> None:
    with pytest.raises(SendFailed) as raised:
        await TelegramChannel(cast(Bot, _RefusingBot(error))).send(Outbound(CHAT, "halo"))
    assert type(raised.value) is failure


async def test_telegram_s_wait_is_the_one_it_asked_for() -> None:
    with pytest.raises(RetryLater) as raised:
        await TelegramChannel(cast(Bot, _RefusingBot(RetryAfter(7)))).send(Outbound(CHAT, "halo"))
    assert raised.value.delay == 7.0


PUBLIC_URL = "https://lapor.example.org/whatsapp/webhook"


def twilio_signature(url: str, fields: list[tuple[str, str]], token: str = AUTH_TOKEN) -> str:
    """X-Twilio-Signature as Twilio's security page describes it, written here apart from the library: the URL,
    then each field's name and value in order of name (a repeated field's values in order), HMAC-SHA1 with the
    auth token, in base64."""
    signed = url + "".join(name + value for name, value in sorted(fields))
    return base64.b64encode(hmac.new(token.encode(), signed.encode(), hashlib.sha1).digest()).decode()


TEXT_FORM = sorted(whatsapp_form("text").items())
REPEATED = [*TEXT_FORM, ("PersistentAction", "mailto:a@example.org"), ("PersistentAction", "tel:+6281")]


@pytest.mark.parametrize(("fields", "url", "signature", "signed"), [
    (TEXT_FORM, PUBLIC_URL, twilio_signature(PUBLIC_URL, TEXT_FORM), True),
    (REPEATED, PUBLIC_URL, twilio_signature(PUBLIC_URL, REPEATED), True),
    (TEXT_FORM, PUBLIC_URL + "?a=1", twilio_signature(PUBLIC_URL + "?a=1", TEXT_FORM), True),
    # Twilio signs some URLs with the port and some without: either passes.
    (TEXT_FORM, "https://lapor.example.org:443/whatsapp/webhook", twilio_signature(PUBLIC_URL, TEXT_FORM), True),
    (TEXT_FORM, PUBLIC_URL, "", False),
    (TEXT_FORM, PUBLIC_URL, "bm90IGEgc2lnbmF0dXJl", False),
    (TEXT_FORM, PUBLIC_URL, twilio_signature(PUBLIC_URL, TEXT_FORM, token="another-token"), False),
    (TEXT_FORM, "http://127.0.0.1:8000/whatsapp/webhook", twilio_signature(PUBLIC_URL, TEXT_FORM), False),
    ([*TEXT_FORM, ("Body", "forged")], PUBLIC_URL, twilio_signature(PUBLIC_URL, TEXT_FORM), False),
    (REPEATED[:-1], PUBLIC_URL, twilio_signature(PUBLIC_URL, REPEATED), False),  # one value taken away
])
def test_only_a_form_twilio_signed_for_the_public_url_passes(fields: list[tuple[str, str]], url: str,
                                                            signature: str, signed: bool) -> None:
    form = read_form(urlencode(fields).encode())
    assert WHATSAPP.signed(url, form, signature) is signed


ANOTHER_NUMBER, ANOTHER_ACCOUNT = "whatsapp:+19998887777", "AC" + "9" * 32


@pytest.mark.parametrize(("fixture", "fields", "ours"), [
    ("text", {}, True),
    ("text", {"To": ANOTHER_NUMBER}, False),
    ("text", {"AccountSid": ANOTHER_ACCOUNT}, False),
    ("text", {"To": ""}, False),
    ("image", {"AccountSid": ""}, False),
    ("status_delivered", {}, True),
    ("status_delivered", {"From": ANOTHER_NUMBER}, False),
    ("status_failed", {"AccountSid": ANOTHER_ACCOUNT}, False),
])
def test_only_a_form_for_our_account_and_number_is_ours(fixture: str, fields: dict[str, str], ours: bool) -> None:
    form = load_payload(fixture, **fields)
    assert WHATSAPP.for_us(form) is ours


def test_a_form_keeps_every_value_of_a_repeated_field_and_blank_ones() -> None:
    form = read_form(b"Body=&PersistentAction=a&PersistentAction=b")
    assert (form["Body"], form.getall("PersistentAction")) == ("", ["a", "b"])


def test_a_form_that_is_no_utf8_is_malformed() -> None:
    with pytest.raises(MalformedWebhook):
        read_form(b"Body=\xff")


def test_a_form_of_too_many_fields_is_too_large() -> None:
    read_form(urlencode([("f", "1")] * MAX_FORM_FIELDS).encode())
    with pytest.raises(TooLarge):
        read_form(urlencode([("f", "1")] * (MAX_FORM_FIELDS + 1)).encode())


DELIVERED_SID, FAILED_SID = "SM6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c", "SM7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d"


@pytest.mark.parametrize(("fixture", "fields", "expected"), [
    ("status_delivered", {}, DeliveryStatus(DELIVERED_SID, "delivered")),
    ("status_delivered", {"MessageStatus": "read"}, DeliveryStatus(DELIVERED_SID, "read")),
    ("status_delivered", {"ErrorCode": ""}, DeliveryStatus(DELIVERED_SID, "delivered")),
    ("status_failed", {}, DeliveryStatus(FAILED_SID, "failed", "63016", retry_as_template=True)),
    ("status_failed", {"ErrorCode": "63024"}, DeliveryStatus(FAILED_SID, "failed", "63024", unreachable=True)),
    ("status_failed", {"ErrorCode": "21211"}, DeliveryStatus(FAILED_SID, "failed", "21211", unreachable=True)),
    ("status_failed", {"ErrorCode": "30008"}, DeliveryStatus(FAILED_SID, "failed", "30008")),
    # Full-width digits are no ASCII number: the code is kept, and asks nothing of the outbox.
    ("status_failed", {"ErrorCode": "６３０１６"}, DeliveryStatus(FAILED_SID, "failed", "６３０１６")),
    ("status_failed", {"MessageStatus": "undelivered"}, DeliveryStatus(FAILED_SID, "undelivered", "63016",
                                                                       retry_as_template=True)),
])
def test_a_status_callback_says_how_a_message_went_and_what_follows(fixture: str, fields: dict[str, str],
                                                                   expected: DeliveryStatus) -> None:
    assert delivery_status(load_payload(fixture, **fields)) == expected


@pytest.mark.parametrize("fields", [
    {"MessageStatus": "teleported"},
    {"MessageStatus": ""},
    {"MessageSid": ""},
])
def test_a_status_callback_of_no_known_status_or_message_is_refused(fields: dict[str, str]) -> None:
    with pytest.raises(MalformedWebhook):
        delivery_status(load_payload("status_delivered", **fields))
