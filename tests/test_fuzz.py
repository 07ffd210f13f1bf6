"""Hostile input over HTTP: generated Twilio forms (signed, so they reach the parser and the engine)
and generated Telegram updates posted to the running service on 127.0.0.1. Whatever comes, the answer
is a status the provider understands (never a 500), nothing is logged as an error, and the service
still answers a resident afterwards.

`make test` runs a few dozen cases, the slow lane a few hundred (the same cases each run); `make reliability`
sets FUZZ_EXAMPLES to 10,000 a database, new ones each run (FUZZ_RANDOM), four
in five of them WhatsApp forms: Telegram's answers go at Telegram's rate (30 a second), so its cases
take longer to be handled.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from harness.fake_telegram import text_update
from harness.fake_twilio import ACCOUNT_SID, SENDER, load_payload, sign
from harness.loopback import until
from tests.helpers import PUBLIC, service

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))
pytestmark = pytest.mark.sized
FUZZ = {"deadline": None, "derandomize": os.environ.get("FUZZ_RANDOM") != "1",
        "suppress_health_check": list(HealthCheck)}
SECRET = "fuzz-webhook-secret"

# Text as it can arrive: anything but lone surrogates, which no HTTP client can encode.
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=400)
WORDS = st.sampled_from(["halo", "1", "2", "kirim", "batal", "ya", "lewati", "hapus", "STATUS LP-2345-6789",
                         "/start", "/lapor", "/daftar 123456", "TERIMA LP-2345-6789", "DIGEST", "110", "¹", "٣"])
FIELD_VALUES = st.one_of(TEXT, WORDS, st.integers().map(str), st.floats().map(str),
                         st.sampled_from(["", "https://evil.example/x.jpg", "image/jpeg", "nan", "-0", "1e309"]))
FORM_FIELDS = st.sampled_from(["Body", "NumMedia", "MediaUrl0", "MediaContentType0", "Latitude", "Longitude",
                               "ButtonPayload", "ButtonText", "MessageType", "ProfileName", "From", "MessageSid",
                               "WaId", "To"])


@st.composite
def twilio_forms(draw: st.DrawFn) -> dict[str, str]:
    """A Twilio message form with some fields changed, dropped or added."""
    sender = draw(st.sampled_from([f"whatsapp:+62812{n:07d}" for n in range(25)]))
    form = load_payload("text", From=sender, WaId=sender.split("+")[1],
                        MessageSid=f"SM{draw(st.integers(0, 2**127)):032x}", Body=draw(st.one_of(WORDS, TEXT)))
    for name in draw(st.lists(FORM_FIELDS, max_size=4)):
        form[name] = draw(FIELD_VALUES)
    for name in draw(st.lists(st.sampled_from(sorted(form)), max_size=2)):
        form.pop(name, None)
    form.update(draw(st.dictionaries(st.text(max_size=20), FIELD_VALUES, max_size=3)))
    return form


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | TEXT,
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
                    max_leaves=12)


@st.composite
def telegram_updates(draw: st.DrawFn) -> Any:
    """A Telegram update with parts changed, or any JSON at all."""
    update_id = draw(st.integers(1, 2**31))
    # Chats of all kinds, many of them: one chat's answers are paced to Telegram's one a second.
    chat = draw(st.one_of(st.integers(1, 2**40), st.integers(-(2**40), -1)))
    update = text_update(update_id, chat, draw(st.one_of(WORDS, TEXT)))
    message = update["message"]
    for name in draw(st.lists(st.sampled_from(["text", "chat", "from", "date", "message_id", "entities",
                                               "location", "photo", "caption", "contact", "sticker"]), max_size=3)):
        message[name] = draw(JSON)
    return draw(st.sampled_from([update, update, update, draw(JSON), {"update_id": update_id, **draw(
        st.dictionaries(TEXT, JSON, max_size=3))}]))


@dataclass
class Fuzzed:
    http: httpx.AsyncClient
    caplog: pytest.LogCaptureFixture
    seen: int = 0  # log records already looked at

    def no_new_errors(self) -> None:
        records = self.caplog.records[self.seen:]
        self.seen += len(records)
        failures = [f"{r.name}: {r.getMessage()}" for r in records if r.levelno >= logging.ERROR]
        assert failures == [], failures


@pytest.fixture
async def fuzzed(tmp_path: Path, database_url: str, caplog: pytest.LogCaptureFixture) -> AsyncIterator[Fuzzed]:
    """The service with both channels on their fake APIs, shared by all of a test's generated cases; once
    they are done it must still answer a resident on each channel, with no error logged on the way."""
    async with (service(tmp_path, database_url, telegram_webhook_secret=SECRET, flood_per_minute=1_000_000)
                as (url, _engine, telegram, _twilio), httpx.AsyncClient(base_url=url, timeout=30) as http):
        fuzz = Fuzzed(http, caplog)
        yield fuzz
        resident = load_payload("text", MessageSid="SM" + "f" * 32, Body="halo")
        answer = await post_form(http, resident)
        assert answer.status_code == 200 and "<Message>" in answer.text, "still answering on WhatsApp"
        # Updates are handled in order: once this one is answered, every one before it was handled.
        await post_update(http, text_update(2**31 + 1, 8008, "halo"))
        await until(lambda: bool(telegram.sent_texts(8008)), seconds=600)
        fuzz.no_new_errors()


async def post_form(http: httpx.AsyncClient, form: dict[str, str]) -> httpx.Response:
    return await http.post("/whatsapp/webhook", data=form,
                           headers={"X-Twilio-Signature": sign(PUBLIC + "/whatsapp/webhook", form)})


async def post_update(http: httpx.AsyncClient, update: Any) -> httpx.Response:
    return await http.post("/telegram/webhook", json=update, headers={"X-Telegram-Bot-Api-Secret-Token": SECRET})


def _status(**changes: str) -> dict[str, str]:
    return {"MessageSid": "SM" + "e" * 32, "MessageStatus": "undelivered", "AccountSid": ACCOUNT_SID, "From": SENDER,
            **changes}


def _deep(levels: int) -> bytes:
    return b'{"update_id": 44, "message": ' + b"[" * levels + b"]" * levels + b"}"


_ABC_CHAT = {**text_update(45, 7002, "halo"), "message": {**text_update(45, 7002, "halo")["message"],
                                                          "chat": {"id": "abc", "type": "private"}}}


@pytest.mark.parametrize(("method", "path", "body", "answer"), [
    # digits that str.isdigit() takes and int() refuses, or too many of them for int()
    ("GET", "/media/" + "a" * 64 + ".jpg?expires=%C2%B2&sig=x", None, 404),
    ("GET", "/media/" + "a" * 64 + ".jpg?expires=" + "9" * 5000 + "&sig=x", None, 404),
    ("POST", "/whatsapp/status", _status(ErrorCode="²"), 200),
    ("POST", "/whatsapp/status", _status(ErrorCode="9" * 5000), 200),
    ("POST", "/whatsapp/status", _status(ErrorCode="٦٣٠١٦"), 200),
    # JSON nested past what a parser or a library walking it can take
    ("POST", "/telegram/webhook", _deep(100_000), 400),
    ("POST", "/telegram/webhook", _deep(500), 400),
    ("POST", "/telegram/webhook", b'{"update_id": 46, "x": ' + b'{"a": ' * 2000 + b"1" + b"}" * 2001, 400),
    # a chat nobody could be answered in: taken and dropped, or Telegram sends it again and again
    ("POST", "/telegram/webhook", _ABC_CHAT, 200),
    ("POST", "/telegram/webhook", {**_ABC_CHAT, "update_id": 47, "message": {
        **_ABC_CHAT["message"], "chat": {"id": [1], "type": "private"}}}, 200),
])
async def test_crafted_requests_get_a_clear_answer(fuzzed: Fuzzed, method: str, path: str, body: Any,
                                                  answer: int) -> None:
    if path == "/whatsapp/status":
        response = await fuzzed.http.post(path, data=body, headers={"X-Twilio-Signature": sign(PUBLIC + path, body)})
    elif path == "/telegram/webhook":
        raw = body if isinstance(body, bytes) else json.dumps(body).encode()
        response = await fuzzed.http.post(path, content=raw, headers={"X-Telegram-Bot-Api-Secret-Token": SECRET,
                                                                     "Content-Type": "application/json"})
    else:
        response = await fuzzed.http.request(method, path)
    assert response.status_code == answer, response.text
    fuzzed.no_new_errors()


@settings(max_examples=EXAMPLES * 4 // 5, **FUZZ)
@given(form=twilio_forms())
async def test_generated_twilio_forms_never_get_a_500(fuzzed: Fuzzed, form: dict[str, str]) -> None:
    response = await post_form(fuzzed.http, form)
    assert response.status_code in (200, 400, 403, 413), response.text  # 403: To or AccountSid changed
    fuzzed.no_new_errors()


@settings(max_examples=EXAMPLES // 5, **FUZZ)
@example(update={**text_update(41, 7001, "x"), "message": {**text_update(41, 7001, "x")["message"], "text": [1]}})
@example(update={**text_update(43, 7001, "x"),  # a date past what the platform's clock holds: OSError, not 500
                 "message": {**text_update(43, 7001, "x")["message"], "date": 2_767_396_768_504_559_104}})
@example(update={"update_id": 42, "callback_query": {"id": "1", "from": {"id": 7001, "is_bot": False,
                                                                          "first_name": "B"},
                                                     "chat_instance": "1", "data": {"a": 1}}})
@given(update=telegram_updates())
async def test_generated_telegram_updates_never_get_a_500(fuzzed: Fuzzed, update: Any) -> None:
    response = await post_update(fuzzed.http, update)
    assert response.status_code in (200, 400), response.text
    fuzzed.no_new_errors()
