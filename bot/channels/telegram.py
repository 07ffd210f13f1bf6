"""Telegram through python-telegram-bot: webhook bodies and updates in, Inbound out; Outbound in, Bot API
calls out."""

from __future__ import annotations

import hmac
import json
import logging
from pathlib import Path
from typing import Any

from telegram import (
    Bot,
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    LinkPreviewOptions,
    Message,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    Update,
)
from telegram.constants import MessageLimit
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError

from bot.channels.base import (
    ContactUnreachable,
    Inbound,
    Location,
    MalformedWebhook,
    Media,
    Outbound,
    PermanentFailure,
    RetryLater,
    make_urn,
    split_text,
)
from handlers.i18n import LANGUAGES, t
from storage.media import MAX_PHOTO_BYTES

log = logging.getLogger(__name__)

SCHEME = "telegram"
CHOICE_PREFIX = "c:"  # callback data is "c:<choice key>": short, and well under Telegram's 64 bytes
COMMANDS = ("lapor", "status", "bantuan", "batal", "bahasa", "hapus")
VOICE_TYPES = ("audio/ogg", "audio/mpeg", "audio/mp4")  # what sendVoice takes: OGG/Opus, MP3, M4A
PER_SECOND = 25.0  # messages a second the bot starts on its own: below Telegram's limit of about 30 for a bot
# No preview of a link in what the bot sends: a resident's link quoted in an officer's alert would show a page the
# resident chose inside a police alert, and Telegram would fetch it.
NO_LINK_PREVIEW = LinkPreviewOptions(is_disabled=True)
_UNSUPPORTED = ("sticker", "video", "video_note", "audio", "animation", "document", "contact",
                "poll", "dice", "game", "venue", "story")


WEBHOOK_PATH = "/telegram/webhook"
SECRET_HEADER = "x-telegram-bot-api-secret-token"
MAX_UPDATE_BYTES = 1024 * 1024  # an update is a few kilobytes
MAX_JSON_DEPTH = 32  # an update nests a dozen levels at most (a reply quoting a message)


class UnreadableUpdate(ValueError):
    """Well-formed JSON with an update_id, but no Update this library can read: taken and dropped, or
    Telegram would post it again and again."""


def has_secret(given: str, secret: str) -> bool:
    """Whether the webhook's secret header is the one the bot registered with its webhook."""
    return hmac.compare_digest(given.encode(), secret.encode())


def webhook_update(body: bytes) -> dict[str, Any]:
    """The update a webhook posted, as JSON; MalformedWebhook when it is no JSON object with a whole
    update_id."""
    try:
        data = _load_json(body)
    except ValueError as error:  # no UTF-8, no JSON, or too deep
        raise MalformedWebhook("no JSON document") from error
    update_id = data.get("update_id") if isinstance(data, dict) else None
    if not isinstance(update_id, int) or isinstance(update_id, bool) or not 0 <= update_id < 2**63:
        raise MalformedWebhook("no update_id")
    return data


def _load_json(body: bytes) -> Any:
    """The JSON document in `body`, refused (ValueError) past MAX_JSON_DEPTH levels: deeper still, the parser
    itself gives up with a RecursionError, and what it does return is walked by libraries that recurse."""
    try:
        document = json.loads(body)
    except RecursionError as error:
        raise ValueError("too deep") from error
    level = [document]  # the containers at one depth, from the top down
    for _ in range(MAX_JSON_DEPTH + 1):
        level = [child for node in level if isinstance(node, (dict, list))
                 for child in (node.values() if isinstance(node, dict) else node) if isinstance(child, (dict, list))]
        if not level:
            return document
    raise ValueError("too deep")


def webhook_answer(update: Update) -> dict[str, Any] | None:
    """The Bot API call the webhook's own answer carries for this update: a button press is answered there, as
    the Bot API allows (it runs the method, telling no result), so its spinner stops once the update is kept,
    and a request to the Bot API is spared."""
    query_id = update.callback_query.id if update.callback_query is not None else None
    if not (isinstance(query_id, str) and query_id.isascii()):  # Telegram's are digits; a lone surrogate (JSON
        return None  # allows one escaped) would fail to encode in the answer, a 500 each time the update came again
    return {"method": "answerCallbackQuery", "callback_query_id": query_id}


def unreadable_chat(data: dict[str, Any]) -> int | None:
    """The private chat of a person who wrote an update the library cannot read: told so, where silence would
    leave them waiting. None for any other update."""
    message = data.get("message")
    chat = message.get("chat") if isinstance(message, dict) else None
    if not isinstance(chat, dict) or chat.get("type") != "private":
        return None
    chat_id = chat.get("id")
    if type(chat_id) is not int or not 0 < chat_id < 2**52:
        return None
    return chat_id


def chat_urn(chat_id: int) -> str:
    return make_urn(SCHEME, str(chat_id))


def send_answer(chat_id: int, text: str) -> dict[str, Any]:
    """The webhook's answer that sends `text` to a chat (the Bot API runs the method, telling no result)."""
    return {"method": "sendMessage", "chat_id": chat_id, "text": text}


def read_update(data: dict[str, Any], bot: Bot) -> Update:
    """The Update in a webhook's JSON; UnreadableUpdate when the library cannot read it. The library takes
    fields as they come; one whose chat or sender id is no whole number is refused here, before the library
    keys its per-chat state by it."""
    try:
        update = Update.de_json(data, bot)
    except (TypeError, ValueError, KeyError, AttributeError, OverflowError, OSError) as error:  # OSError: a date
        raise UnreadableUpdate(type(error).__name__) from error  # past 2038
    for party in (update.effective_chat, update.effective_user):
        if party is not None and type(party.id) is not int:
            raise UnreadableUpdate("chat or user id is not an integer")
    return update


class TelegramChannel:
    name = SCHEME

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    def receive(self, update: Update) -> Inbound | None:
        """The Inbound an update stands for; None for updates that carry no message from a person."""
        message_id = str(update.update_id)
        query = update.callback_query
        if query is not None:
            chat = query.message.chat if query.message else None
            data = query.data if isinstance(query.data, str) else ""
            return Inbound(
                urn=chat_urn(chat.id if chat else query.from_user.id),
                provider_message_id=message_id,
                choice=data.removeprefix(CHOICE_PREFIX) if data.startswith(CHOICE_PREFIX) else "",
                group=chat is not None and chat.type != chat.PRIVATE,
            )
        if update.edited_message is not None:
            # Nothing of an edit is passed on, so nothing of it can be read: an edited DAFTAR or story acted on
            # would enrol the chat or begin a report from words already answered (or never sent as they stand).
            edit = update.edited_message
            return Inbound(urn=chat_urn(edit.chat.id), provider_message_id=message_id, unsupported="edited",
                           group=edit.chat.type != edit.chat.PRIVATE)
        message = update.message or update.channel_post
        if message is None:
            return None  # membership changes, polls, reactions and updates this version does not know
        kind = next((k for k in _UNSUPPORTED if getattr(message, k, None)), None)
        return self._inbound(message, message_id, unsupported=kind)

    def _inbound(self, message: Message, message_id: str, unsupported: str | None) -> Inbound:
        location = Location(message.location.latitude, message.location.longitude) if message.location else None
        if location is not None and not location.on_earth:  # "NaN", "Infinity", 999: taken as fields come, by webhook
            location, unsupported = None, unsupported or "location"  # or by polling alike: a pin, but none
        photo = self._largest_photo(message)
        # The duration as sent, in seconds: reading Voice.duration warns of its type in PTB's next major version.
        voice = Media(message.voice.mime_type or "audio/ogg", file_id=message.voice.file_id,
                      size_bytes=_declared(message.voice.file_size),
                      duration_seconds=_declared(message.voice.to_dict().get("duration"))) if message.voice else None
        # The library takes fields as they come: text that is no string is no text.
        text = next((value for value in (message.text, message.caption) if isinstance(value, str) and value), "")
        if not (unsupported or text or location or photo or voice):
            unsupported = "other"
        return Inbound(
            urn=chat_urn(message.chat.id),
            provider_message_id=message_id,
            text=text,
            location=location,
            media=(photo,) if photo else (),
            voice=voice,
            unsupported=unsupported,
            group=message.chat.type != message.chat.PRIVATE,
        )

    @staticmethod
    def _largest_photo(message: Message) -> Media | None:
        """Telegram sends each photo in several sizes: the largest within our limit is kept."""
        fitting = [p for p in message.photo if (_declared(p.file_size) or 0) <= MAX_PHOTO_BYTES]
        if not fitting:
            return None
        best = max(fitting, key=lambda p: (_declared(p.width) or 0) * (_declared(p.height) or 0))
        return Media("image/jpeg", file_id=best.file_id, size_bytes=_declared(best.file_size))

    async def acknowledge(self, update: Update, *, answered: bool) -> None:
        """Answers a button press, unless the webhook's answer did (`webhook_answer`), and removes the buttons it
        came with, so each is used once."""
        query = update.callback_query
        if query is None:
            return
        try:
            if not answered:
                await query.answer()
            if query.message is not None:
                await query.edit_message_reply_markup(reply_markup=None)
        except TelegramError as error:  # an old or already edited message: the reply still goes out
            log.info("button press not acknowledged: %s", type(error).__name__)

    async def send(self, message: Outbound) -> None:
        chat_id = int(message.urn.split(":", 1)[1])
        pieces = split_text(message.text, MessageLimit.MAX_TEXT_LENGTH)
        try:
            if message.photo is not None:
                await self.bot.send_photo(chat_id, _file_input(message.photo))
            if message.voice is not None:
                await self._send_voice(chat_id, message.voice)
            for number, piece in enumerate(pieces, 1):
                last = number == len(pieces)
                await self.bot.send_message(chat_id, piece, reply_markup=self._markup(message) if last else None,
                                            link_preview_options=NO_LINK_PREVIEW)
        except RetryAfter as error:
            raise RetryLater("telegram asked to wait", _seconds(error.retry_after)) from error
        except Forbidden as error:
            raise ContactUnreachable(error.message) from error
        except BadRequest as error:
            raise PermanentFailure(error.message) from error
        except NetworkError as error:  # timeouts and 5xx answers included
            raise RetryLater(error.message) from error
        except TelegramError as error:
            if isinstance(error.__cause__, ValueError):  # an answer that was no JSON (a proxy's page): it may not
                raise RetryLater(error.message) from error  # have reached Telegram, so it goes again
            raise PermanentFailure(error.message) from error

    async def _send_voice(self, chat_id: int, voice: Media) -> None:
        """As a voice note in the formats Telegram plays as one (sendVoice), else as a file to open."""
        if voice.content_type in VOICE_TYPES:
            await self.bot.send_voice(chat_id, _file_input(voice), duration=voice.duration_seconds)
        else:
            await self.bot.send_document(chat_id, _file_input(voice))

    @staticmethod
    def _markup(message: Outbound) -> InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove:
        if message.choices:
            return InlineKeyboardMarkup(
                [[InlineKeyboardButton(c.label, callback_data=CHOICE_PREFIX + c.key)] for c in message.choices])
        if message.location_button:
            return ReplyKeyboardMarkup([[KeyboardButton(message.location_button, request_location=True)]],
                                       resize_keyboard=True, one_time_keyboard=True)
        return ReplyKeyboardRemove()

    async def fetch_media(self, media: Media) -> bytes:
        if media.size_bytes and media.size_bytes > MAX_PHOTO_BYTES:
            return b""  # never downloaded: the media store refuses what is empty
        file = await self.bot.get_file(media.file_id or "")
        return bytes(await file.download_as_bytearray())

    async def set_commands(self) -> None:
        """The command menu in each language; Indonesian for everyone else."""
        for lang in (None, *LANGUAGES):
            commands = [BotCommand(c, t(lang or "id", f"telegram.command.{c}")) for c in COMMANDS]
            await self.bot.set_my_commands(commands, language_code=lang)


def _declared(value: object) -> int | None:
    """A file's size, length or side as the update declares it; None when it declares none, or no number (the
    library takes fields as they come): the media store reads the file itself."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value < 2**63:
        return None
    return round(value)


def _file_input(media: Media) -> bytes:
    """The stored file's bytes: a resident's own upload (its Telegram file id) may carry what the store stripped."""
    with Path(media.path or "").open("rb") as f:
        return f.read(MAX_PHOTO_BYTES + 1)


def _seconds(retry_after: object) -> float:
    # PTB 22 gives retry_after as seconds, or as a timedelta where PTB_TIMEDELTA opts in to its next major
    # version's type.
    total_seconds = getattr(retry_after, "total_seconds", None)
    return float(total_seconds()) if total_seconds else float(retry_after)  # type: ignore[arg-type]
