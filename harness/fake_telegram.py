"""A fake Telegram Bot API server for end-to-end tests.

The real python-telegram-bot client talks to it over HTTP on 127.0.0.1, so tests exercise PTB's own
request encoding, response parsing and error mapping rather than a mock of them.

How PTB 22.8 talks to the Bot API (read in telegram/request/ and checked by test_fake_telegram.py):

- Every method is ``POST {base_url}{token}/{method}`` with the parameters as form fields:
  ``application/x-www-form-urlencoded``, or ``multipart/form-data`` when a file is uploaded (the
  file is a part named after its parameter, e.g. ``photo``). A ``str`` value is sent verbatim;
  every other value (int, bool, list, and objects such as ``reply_markup``) is sent JSON-encoded.
- A success is ``{"ok": true, "result": ...}``. On an error PTB goes by the HTTP status, not by
  ``error_code``: 400 BadRequest, 401/404 InvalidToken (EndPointNotFound from ``do_api_request``
  once the bot is initialised), 403 Forbidden, 409 Conflict, anything else NetworkError;
  ``parameters.retry_after`` raises RetryAfter whatever the status. So the fake answers an error
  with the HTTP status equal to its ``error_code``, as Telegram does.
- Files are fetched with ``GET {base_file_url}{token}/{file_path}``.

Tests run it in their own event loop and read ``calls``. A benchmark runs it in a process of its own
(``python -m harness.fake_telegram --port N``, which prints the address it serves on) and reads what it was
called with from ``GET /_calls/{method}``, so the fake's work counts against no bot under test.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import inspect
import itertools
import json
import signal
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from harness.loopback import FaultyAPI

TOKEN = "123456:TEST-TOKEN"

# Long polls are cut short so a test never waits on an idle getUpdates for long.
MAX_POLL_WAIT = 0.5
# Parameters Telegram types as String. They are kept verbatim even when they look like JSON, so a
# message text "42" stays a string; every other form field is JSON-decoded when it parses.
STRING_PARAMS = frozenset(
    {"text", "caption", "callback_query_id", "file_id", "photo", "voice", "document", "url", "secret_token",
     "inline_message_id"}
)
DEFAULT_PHOTO_SIZE = 50_000
# The methods that send a message: the ones ``inject_faults`` makes fail.
SENDS = frozenset({"sendMessage", "sendPhoto", "sendVoice", "sendDocument"})
USER_NAME = {"first_name": "Budi", "last_name": "Santoso"}
MAX_CALLS_WAIT = 300.0  # seconds GET /_calls holds its answer at most


class _ApiError(Exception):
    """A Bot API error answer; raised by a method handler or queued by ``fail_next``."""

    def __init__(self, error_code: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.error_code = error_code
        self.description = description
        self.retry_after = retry_after

    def response(self) -> JSONResponse:
        body: dict[str, Any] = {"ok": False, "error_code": self.error_code, "description": self.description}
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return JSONResponse(body, status_code=self.error_code)


@dataclass(frozen=True)
class _StoredFile:
    path: str
    data: bytes


class FakeBotAPI(FaultyAPI):
    """An in-process Bot API that records every call and answers with minimal realistic objects.

    ``calls`` holds every API call in order, including those answered with an error (from
    ``fail_next``, an unknown method or a bad argument): their params carry ``"_failed": True``.
    Uploaded files appear in the params as ``bytes``. File downloads are not recorded.
    """

    def __init__(self, token: str = TOKEN) -> None:
        super().__init__()
        self.token = token
        self.bot_user = bot_user(token)
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self._call_times: list[float] = []  # monotonic, one per entry of calls
        self.client_ports: set[int] = set()  # one a connection the bot opened
        self._counts: Counter[str] = Counter()  # calls by method, for GET /_calls to wait on
        self._called = asyncio.Event()
        self.webhook: dict[str, Any] | None = None
        self._updates: list[dict[str, Any]] = []
        self._update_queued = asyncio.Event()
        self._files: dict[str, _StoredFile] = {}
        self._failures: dict[str, list[_ApiError]] = {}
        self._ids = itertools.count(1)
        self._methods: dict[str, Callable[[dict[str, Any]], Any]] = {
            "getMe": lambda p: self.bot_user,
            "setWebhook": self._set_webhook,
            "deleteWebhook": self._delete_webhook,
            "getWebhookInfo": self._webhook_info,
            "getUpdates": self._get_updates,
            "sendMessage": lambda p: self._message(p["chat_id"], text=p["text"], reply_markup=_inline(p)),
            "sendPhoto": self._send_photo,
            "sendVoice": self._send_voice,
            "sendDocument": self._send_document,
            "answerCallbackQuery": lambda p: True,
            "editMessageText": lambda p: self._edited(p, text=p["text"]),
            "editMessageReplyMarkup": lambda p: self._edited(p),
            "setMyCommands": lambda p: True,
            "deleteMyCommands": lambda p: True,
            "getFile": self._get_file,
        }

    # --- lifecycle -------------------------------------------------------------------------

    async def start(self, port: int = 0) -> None:
        """Serve on `port` (an ephemeral one by default) in the running loop; return once connections are
        accepted."""
        await self._serve([
                Route("/bot{token}/{method}", self._api, methods=["GET", "POST"]),
                Route("/file/bot{token}/{file_path:path}", self._download, methods=["GET"]),
                Route("/_calls/{method}", self._recorded, methods=["GET"]),
        ], port)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._port}"

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://127.0.0.1:{self._port}/file/bot"

    # --- test helpers ----------------------------------------------------------------------

    def calls_to(self, method: str) -> list[dict[str, Any]]:
        return [params for name, params in self.calls if name == method]

    def sent_texts(self, chat_id: int) -> list[str]:
        """Texts the bot delivered to ``chat_id``; calls answered with an error are left out."""
        return [p["text"] for p in self.calls_to("sendMessage") if p.get("chat_id") == chat_id and not p.get("_failed")]

    def queue_update(self, update: dict[str, Any]) -> None:
        self._updates.append(update)
        self._update_queued.set()

    def add_file(self, file_id: str, data: bytes, file_path: str = "photos/file_0.jpg") -> None:
        self._files[file_id] = _StoredFile(file_path, data)

    def fail_next(
        self, method: str, *, error_code: int, description: str, retry_after: int | None = None, times: int = 1
    ) -> None:
        """Answer the next ``times`` calls of ``method`` with this error instead of handling them."""
        errors = [_ApiError(error_code, description, retry_after) for _ in range(times)]
        self._failures.setdefault(method, []).extend(errors)

    # --- HTTP endpoints --------------------------------------------------------------------

    async def _api(self, request: Request) -> Response:
        if request.path_params["token"] != self.token:
            return _ApiError(401, "Unauthorized").response()
        method = request.path_params["method"]
        params = await _read_params(request)
        if request.client is not None:
            self.client_ports.add(request.client.port)
        self.calls.append((method, params))
        self._call_times.append(time.monotonic())
        self._counts[method] += 1
        self._called.set()
        fault = None
        try:
            if failures := self._failures.get(method):
                raise failures.pop(0)
            if method in SENDS:
                self.request_times.append(time.monotonic())
                fault = self._draw_fault()
            if fault == "500":
                raise _ApiError(500, "Internal Server Error")
            if fault == "429":
                raise _ApiError(429, "Too Many Requests: retry after 1", retry_after=1)
            if fault == "garbage":
                params["_failed"] = True
                return Response("<html><body>Gateway timeout</body></html>", media_type="text/html")
            handler = self._methods.get(method)
            if handler is None:
                raise _ApiError(404, "Not Found: method not found")
            result = handler(params)
            if inspect.isawaitable(result):
                result = await result
        except _ApiError as error:
            params["_failed"] = True
            return error.response()
        if fault == "stall":
            params["_stalled"] = True
            await asyncio.sleep(self.stall_seconds)
        return JSONResponse({"ok": True, "result": result})

    async def _recorded(self, request: Request) -> Response:
        """``GET /_calls/{method}?since=N&until=M&wait=S``: the calls of `method` from the Nth on (counted from
        0), as ``{"count": all of them, "calls": [params], "times": [when each came, time.monotonic()]}``;
        with `until`, the answer waits up to S seconds for there to be M calls. Uploaded bytes are given as
        their length."""
        query = request.query_params
        try:
            since, until, wait = int(query.get("since", 0)), int(query.get("until", 0)), float(query.get("wait", 0))
        except ValueError:
            return JSONResponse({"error": "since and until are whole numbers, wait is seconds"}, status_code=400)
        method = request.path_params["method"]
        loop = asyncio.get_running_loop()
        deadline = loop.time() + min(max(wait, 0.0), MAX_CALLS_WAIT)
        while self._counts[method] < until and (left := deadline - loop.time()) > 0:
            self._called.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._called.wait(), left)
        recorded = [(params, at) for (name, params), at in zip(self.calls, self._call_times, strict=True)
                    if name == method][max(since, 0):]
        body = {"count": self._counts[method], "calls": [params for params, _ in recorded],
                "times": [at for _, at in recorded]}
        return Response(json.dumps(body, default=len), media_type="application/json")

    async def _download(self, request: Request) -> Response:
        path = request.path_params["file_path"]
        stored = next((f for f in self._files.values() if f.path == path), None)
        if request.path_params["token"] != self.token or stored is None:
            return _ApiError(404, "Not Found").response()
        return Response(stored.data, media_type="application/octet-stream")

    # --- method handlers -------------------------------------------------------------------

    def _set_webhook(self, params: dict[str, Any]) -> bool:
        self.webhook = params
        return True

    def _delete_webhook(self, params: dict[str, Any]) -> bool:
        self.webhook = None
        if params.get("drop_pending_updates"):
            self._updates.clear()
        return True

    def _webhook_info(self, params: dict[str, Any]) -> dict[str, Any]:
        info = {"url": "", "has_custom_certificate": False, "pending_update_count": len(self._updates)}
        if self.webhook is not None:
            info["url"] = self.webhook["url"]
            if "allowed_updates" in self.webhook:
                info["allowed_updates"] = self.webhook["allowed_updates"]
        return info

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        """Telegram forgets updates below ``offset`` and holds an empty poll open up to ``timeout``."""
        if self.webhook is not None:
            raise _ApiError(
                409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook first"
            )
        offset = params.get("offset", 0)
        self._updates = [u for u in self._updates if u["update_id"] >= offset]
        timeout = min(params.get("timeout", 0), MAX_POLL_WAIT)
        if not self._updates and timeout > 0:
            self._update_queued.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._update_queued.wait(), timeout)
        return self._updates[: params.get("limit", 100)]

    def _send_photo(self, params: dict[str, Any]) -> dict[str, Any]:
        photo = params["photo"]
        if isinstance(photo, bytes):
            sizes = _photo_sizes(f"uploaded_{next(self._ids)}", len(photo))
        else:
            sizes = _photo_sizes(photo, DEFAULT_PHOTO_SIZE)
        return self._message(
            params["chat_id"], photo=sizes, caption=params.get("caption"), reply_markup=_inline(params)
        )

    def _send_voice(self, params: dict[str, Any]) -> dict[str, Any]:
        voice = params["voice"]
        file_id = f"uploaded_{next(self._ids)}" if isinstance(voice, bytes) else voice
        duration = params.get("duration") or 1
        return self._message(params["chat_id"], voice=_file(file_id, duration=duration, mime_type="audio/ogg"))

    def _send_document(self, params: dict[str, Any]) -> dict[str, Any]:
        document = params["document"]
        file_id = f"uploaded_{next(self._ids)}" if isinstance(document, bytes) else document
        return self._message(params["chat_id"], document=_file(file_id))

    def _edited(self, params: dict[str, Any], **fields: Any) -> dict[str, Any] | bool:
        """Telegram returns the edited message, or True for a message sent via inline mode."""
        if "inline_message_id" in params:
            return True
        return self._message(
            params["chat_id"], message_id=params["message_id"], edit_date=_now(), reply_markup=_inline(params), **fields
        )

    def _get_file(self, params: dict[str, Any]) -> dict[str, Any]:
        file_id = params["file_id"]
        if file_id not in self._files:
            raise _ApiError(400, "Bad Request: invalid file_id")
        stored = self._files[file_id]
        return {
            "file_id": file_id,
            "file_unique_id": _unique(file_id),
            "file_size": len(stored.data),
            "file_path": stored.path,
        }

    def _message(self, chat_id: int | str, message_id: int | None = None, **fields: Any) -> dict[str, Any]:
        """A message from the bot; PTB needs message_id, date (non-zero) and chat {id, type}."""
        chat_type = "private" if isinstance(chat_id, int) and chat_id > 0 else "group"
        message = {
            "message_id": message_id or next(self._ids),
            "date": _now(),
            "chat": {"id": chat_id, "type": chat_type},
            "from": self.bot_user,
        }
        message.update({key: value for key, value in fields.items() if value is not None})
        return message


async def _read_params(request: Request) -> dict[str, Any]:
    params: dict[str, Any] = {}
    async with request.form() as form:
        for name, value in form.multi_items():
            if isinstance(value, UploadFile):
                params[name] = await value.read()
            elif name in STRING_PARAMS:
                params[name] = value
            else:
                try:
                    params[name] = json.loads(value)
                except ValueError:
                    params[name] = value
    return params


def _inline(params: dict[str, Any]) -> dict[str, Any] | None:
    """The markup to echo in a sent Message: Telegram only echoes inline keyboards, and PTB parses
    Message.reply_markup as an InlineKeyboardMarkup (a reply keyboard there would fail to parse)."""
    markup = params.get("reply_markup")
    return markup if isinstance(markup, dict) and "inline_keyboard" in markup else None


def _now() -> int:
    return int(time.time())


def _unique(file_id: str) -> str:
    return f"u_{file_id}"


def _file(file_id: str, **fields: Any) -> dict[str, Any]:
    return {"file_id": file_id, "file_unique_id": _unique(file_id), **fields}


def _photo_sizes(file_id: str, file_size: int) -> list[dict[str, Any]]:
    """Three sizes, smallest first as Telegram sends them; the largest keeps the given id and size."""
    return [
        _file(f"{file_id}{suffix}", width=width, height=width * 3 // 4, file_size=file_size // divisor)
        for suffix, width, divisor in (("_s", 90, 16), ("_m", 320, 4), ("", 1280, 1))
    ]


# --- update builders: plain dicts that telegram.Update.de_json accepts --------------------------


def bot_user(token: str = TOKEN) -> dict[str, Any]:
    """The bot as a User; its id is the number before the colon in the token, as with Telegram."""
    return {"id": int(token.split(":")[0]), "is_bot": True, "first_name": "Lapor", "username": "LaporTestBot"}


def _user(user_id: int) -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, **USER_NAME, "language_code": "id"}


def _private_chat(chat_id: int) -> dict[str, Any]:
    return {"id": chat_id, "type": "private", **USER_NAME}


def _update(
    update_id: int, chat: dict[str, Any], sender: dict[str, Any] | None, kind: str = "message", **fields: Any
) -> dict[str, Any]:
    """An update carrying one message; the message_id is the update_id, unique without extra state."""
    message = {"message_id": update_id, "date": _now(), "chat": chat, **fields}
    if sender is not None:
        message["from"] = sender
    return {"update_id": update_id, kind: message}


def _private(update_id: int, chat_id: int, kind: str = "message", **fields: Any) -> dict[str, Any]:
    """A message the user sent in their private chat with the bot (user id == chat id)."""
    return _update(update_id, _private_chat(chat_id), _user(chat_id), kind, **fields)


def text_update(update_id: int, chat_id: int, text: str) -> dict[str, Any]:
    return _private(update_id, chat_id, text=text)


def command_update(update_id: int, chat_id: int, command: str, payload: str = "") -> dict[str, Any]:
    text = f"{command} {payload}" if payload else command
    return _private(
        update_id, chat_id, text=text, entities=[{"type": "bot_command", "offset": 0, "length": len(command)}]
    )


def callback_update(update_id: int, chat_id: int, data: str, message_id: int) -> dict[str, Any]:
    """A button press on the bot's message ``message_id`` (a non-zero date keeps it accessible)."""
    message = {
        "message_id": message_id,
        "date": _now(),
        "chat": _private_chat(chat_id),
        "from": bot_user(),
        "text": "…",
    }
    query = {
        "id": f"cbq_{update_id}",
        "from": _user(chat_id),
        "message": message,
        "chat_instance": f"ci_{chat_id}",
        "data": data,
    }
    return {"update_id": update_id, "callback_query": query}


def location_update(update_id: int, chat_id: int, latitude: float, longitude: float) -> dict[str, Any]:
    return _private(update_id, chat_id, location={"latitude": latitude, "longitude": longitude})


def photo_update(
    update_id: int, chat_id: int, file_id: str, caption: str = "", file_size: int = DEFAULT_PHOTO_SIZE
) -> dict[str, Any]:
    caption_field = {"caption": caption} if caption else {}
    return _private(update_id, chat_id, photo=_photo_sizes(file_id, file_size), **caption_field)


def sticker_update(update_id: int, chat_id: int, file_id: str = "sticker_0", emoji: str = "👍") -> dict[str, Any]:
    sticker = _file(file_id, type="regular", width=512, height=512, is_animated=False, is_video=False, emoji=emoji)
    return _private(update_id, chat_id, sticker=sticker)


def voice_update(update_id: int, chat_id: int, file_id: str = "voice_0", duration: int = 3,
                 file_size: int | None = None) -> dict[str, Any]:
    size = {"file_size": file_size} if file_size is not None else {}
    return _private(update_id, chat_id, voice=_file(file_id, duration=duration, mime_type="audio/ogg", **size))


def video_update(update_id: int, chat_id: int, file_id: str = "video_0", duration: int = 5) -> dict[str, Any]:
    video = _file(file_id, width=1280, height=720, duration=duration, mime_type="video/mp4")
    return _private(update_id, chat_id, video=video)


def document_update(
    update_id: int,
    chat_id: int,
    file_id: str = "document_0",
    file_name: str = "laporan.pdf",
    mime_type: str = "application/pdf",
) -> dict[str, Any]:
    return _private(update_id, chat_id, document=_file(file_id, file_name=file_name, mime_type=mime_type))


def contact_update(update_id: int, chat_id: int, phone_number: str = "+6281234567890") -> dict[str, Any]:
    """The user sharing their own contact, as a request_contact button sends it."""
    return _private(update_id, chat_id, contact={"phone_number": phone_number, **USER_NAME, "user_id": chat_id})


def edited_message_update(update_id: int, chat_id: int, text: str) -> dict[str, Any]:
    return _private(update_id, chat_id, kind="edited_message", text=text, edit_date=_now())


def group_text_update(update_id: int, chat_id: int, text: str, user_id: int = 1001) -> dict[str, Any]:
    if chat_id >= 0:
        raise ValueError("group chat ids are negative")
    return _update(update_id, {"id": chat_id, "type": "group", "title": "Warga RT 05"}, _user(user_id), text=text)


def channel_post_update(update_id: int, chat_id: int, text: str) -> dict[str, Any]:
    """A channel post has no ``from``; the channel itself is the sender_chat."""
    chat = {"id": chat_id, "type": "channel", "title": "Info Polres"}
    return _update(update_id, chat, None, kind="channel_post", sender_chat=chat, text=text)


def unknown_update(update_id: int) -> dict[str, Any]:
    """An update of a type newer than PTB: it must parse, with every known field None."""
    return {"update_id": update_id, "some_future_field": {"id": 1, "note": "added in a later Bot API"}}


async def _serve_until_stopped(port: int) -> None:
    fake = FakeBotAPI()
    await fake.start(port)
    stop = asyncio.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        asyncio.get_running_loop().add_signal_handler(signum, stop.set)
    print(fake.url, flush=True)
    await stop.wait()
    await fake.stop()


if __name__ == "__main__":  # python -m harness.fake_telegram [--port N]: serves until SIGTERM or Ctrl-C
    parser = argparse.ArgumentParser(description="The fake Bot API on 127.0.0.1, in a process of its own.")
    parser.add_argument("--port", type=int, default=0, help="the port to serve on; by default a free one")
    asyncio.run(_serve_until_stopped(parser.parse_args().port))
