"""Logs never carry a contact address in clear."""

from __future__ import annotations

import io
import logging
from pathlib import Path

import pytest
from PIL import Image

from bot.logs import RedactingFilter, configure
from storage.media import MediaStore


@pytest.mark.parametrize("secret", ["whatsapp:+6281234567890", "telegram:987654321", "+6281234567890",
                                    "081234567890", "987654321", "0812-9999-0000", "+62 812 9999 0000",
                                    "812.9999.0000"])
def test_addresses_and_numbers_are_redacted(secret: str) -> None:
    record = logging.LogRecord("t", logging.INFO, __file__, 1, "sending to %s now", (secret,), None)
    RedactingFilter().filter(record)
    assert secret not in record.getMessage()
    assert "[redacted]" in record.getMessage()


@pytest.mark.parametrize("said", ["chat_id=1234567 refused", "Chat 54321 not found", "user id 987654 blocked the bot",
                                  "{'chat': {'id': 54321, 'type': 'private'}}", '"chat_id": 7654321'])
def test_a_short_chat_id_named_as_one_is_redacted(said: str) -> None:
    """Early Telegram accounts have chat ids of five to eight digits, too short for the rule of numbers; where a
    provider's error names one as a chat's or a user's, it is taken out all the same."""
    record = logging.LogRecord("t", logging.WARNING, __file__, 1, "send failed: %s", (said,), None)
    RedactingFilter().filter(record)
    assert not any(number in record.getMessage() for number in ("1234567", "54321", "987654"))
    assert "[redacted]" in record.getMessage()


def test_a_sign_in_token_in_an_access_line_is_redacted() -> None:
    token = "LIzSUQXYk5W9Y4xN3-W4MwfaVqdt1NIvS12i3ofJ-no"
    record = logging.LogRecord("uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d',
                               ("127.0.0.1:45296", "GET", f"/masuk/{token}", "1.1", 200), None)
    RedactingFilter().filter(record)
    assert token not in record.getMessage() and "/masuk/[redacted]" in record.getMessage()


def test_exception_text_is_redacted_too() -> None:
    try:
        raise ValueError("no route to whatsapp:+6281234567890")
    except ValueError:
        import sys
        record = logging.LogRecord("t", logging.ERROR, __file__, 1, "failed", (), sys.exc_info())
    RedactingFilter().filter(record)
    formatted = logging.Formatter().format(record)
    assert "6281234567890" not in formatted and "ValueError" in formatted


def test_ordinary_numbers_stay() -> None:
    said = "contact=%s step=%s at 2026-11-25 06:00, Rp 12.500.000, 127.0.0.1:8000, 12345 users, update 54321"
    record = logging.LogRecord("t", logging.INFO, __file__, 1, said, (42, "when"), None)
    RedactingFilter().filter(record)
    assert record.getMessage() == said % (42, "when")


def test_a_photos_exif_never_reaches_the_log_even_at_debug(tmp_path: Path) -> None:
    """Pillow writes each EXIF tag it reads at DEBUG: the owner's name and the phone, of an anonymous report too."""
    exif = Image.Exif()
    exif[0x013B] = "Siti Rahayu"  # Artist
    exif[0x0110] = "SM-A155F"  # Model
    picture = io.BytesIO()
    Image.new("RGB", (16, 16), (10, 200, 10)).save(picture, "JPEG", exif=exif)
    log_file = tmp_path / "lapor.log"
    root, pillow = logging.getLogger(), logging.getLogger("PIL")
    level, handlers, pillow_level = root.level, list(root.handlers), pillow.level  # the suite's, put back after
    try:
        configure("DEBUG", log_file)
        MediaStore(tmp_path / "media").save_photo(picture.getvalue())
        logging.getLogger("lapor.test").debug("a line that shows DEBUG reaches the file")
    finally:
        for handler in root.handlers:
            handler.close()
        root.handlers = handlers
        root.setLevel(level)
        pillow.setLevel(pillow_level)
    written = log_file.read_text()
    assert "a line that shows DEBUG reaches the file" in written
    assert "Siti Rahayu" not in written and "SM-A155F" not in written, written
