"""Voice notes as the bot shows them: the line that stands for one in a summary, an alert or an answer,
and what an outbox row carries of one for the channel to send it on."""

from __future__ import annotations

from typing import Any

from handlers.i18n import LANGUAGES, t
from storage.models import Attachment

CAPTION_CHARS = (2, 200)  # the one line a resident may add to a voice note


def voice_story(lang: str, seconds: int, caption: str = "") -> str:
    """"🎤 pesan suara 0:42", and the resident's one line when they added one: what stands as the story."""
    line = _voice_line(lang, seconds)
    return f"{line} — {caption}" if caption else line


def voice_lines(seconds: int) -> tuple[str, ...]:
    """The line that stands for a voice note of so many seconds, in every language it may have been written in."""
    return tuple(_voice_line(lang, seconds) for lang in LANGUAGES)


def _voice_line(lang: str, seconds: int) -> str:
    minutes, rest = divmod(seconds, 60)
    return t(lang, "voice.line", duration=f"{minutes}:{rest:02d}")


def voice_payload(attachment: Attachment) -> dict[str, Any]:
    """What an outbox row keeps of a voice note: the stored file, stripped of its tags, which is what is sent."""
    return {"stored_name": attachment.stored_name, "content_type": attachment.content_type,
            "duration_seconds": attachment.duration_seconds}
