"""Each channel as a table, in the manner of courier's handler tests: the payloads a provider posts (kept
under tests/fixtures/) through the channel's receive(), and each error a provider answers with through the
channel's mapping to a typed send failure. In this process, no server: the end-to-end tests over HTTP are
test_telegram.py and test_whatsapp.py."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, cast

import aiohttp
import pytest
from telegram import Bot, Update
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut
from twilio.base.exceptions import TwilioRestException

from bot.channels.base import (
    ContactUnreachable,
    Inbound,
    Location,
    Media,
    NeedsTemplate,
    Outbound,
    PermanentFailure,
    RetryLater,
    SendFailed,
)
from bot.channels.telegram import TelegramChannel
from bot.channels.whatsapp import MalformedWebhook, WhatsAppChannel, typed_failure
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
    ("edited", Inbound(CHAT, "100008", text="halo lagi", unsupported="edited")),
    ("group_text", Inbound("telegram:-100123", "100009", text="halo", group=True)),
    ("channel_post", Inbound("telegram:-100456", "100010", text="pengumuman", group=True)),
    ("unknown", None),
])
def test_a_telegram_update_becomes_the_inbound_it_stands_for(fixture: str, expected: Inbound | None) -> None:
    assert TelegramChannel(Bot(TOKEN)).receive(telegram_update(fixture)) == expected


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
    {"Latitude": "91", "Longitude": "0"},
    {"NumMedia": "many"},
    {"NumMedia": "11"},
    {"NumMedia": "1", "MediaUrl0": "ftp://example.org/x.jpg", "MediaContentType0": "image/jpeg"},
])
def test_a_twilio_form_that_is_no_message_is_refused(fields: dict[str, str]) -> None:
    with pytest.raises(MalformedWebhook):
        WHATSAPP.receive({**whatsapp_form("text"), **fields})


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
