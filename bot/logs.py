"""Logging set-up. Contact addresses never reach a log in clear, whoever wrote the message."""

from __future__ import annotations

import logging
import os
import re
import sys
from pathlib import Path

# URNs, and any run of 9 to 15 digits: phone numbers and Telegram chat ids both look like that; and the
# token of a web page's sign-in link, which uvicorn's access log would otherwise write while it still works.
_SECRETS = re.compile(r"\b(?:telegram|whatsapp|console):[^\s'\",)]+|(?<![\w.])\+?\d{9,15}(?!\w)"
                      r"|(?<=/masuk/)[\w-]+")


# A chat id too short for the rule above (early Telegram accounts have 5 to 8 digits), where a word names it as
# one: "chat_id=1234567", "'chat': {'id': 54321", "user 987654". An ordinary count keeps its digits.
_NAMED_ID = re.compile(r"(?i)(\b(?:chat|user|sender|recipient|peer)(?:[_ ]?id)?\W{0,12}?(?:\bid\W{1,4})?)-?\d{5,8}\b")
# A phone number written in groups: "0812-9999-0000", "+62 812 9999 0000", "812.9999.0000" (nine digits or more;
# not a date, "2026-11-25", nor an hour).
_GROUPED = re.compile(r"(?<![\w.+])\+?\d{2,4}(?:[ .-]\d{3,4}){2,3}(?!\w)")
_ADDRESS_DIGITS = 9


def redacted(text: str) -> str:
    """The text with what looks like an address or a sign-in token taken out: for logs, and for what a provider
    said of a failure, which is kept (the outbox's last error) and may quote a chat id or a number."""
    text = _SECRETS.sub("[redacted]", _NAMED_ID.sub(r"\1[redacted]", text))
    return _GROUPED.sub(lambda m: "[redacted]" if sum(c.isdigit() for c in m[0]) >= _ADDRESS_DIGITS else m[0], text)


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if (clean := redacted(message)) != message:
            record.msg, record.args = clean, None
        if record.exc_info and record.exc_text is None:
            record.exc_text = redacted(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        return True


def configure(level: str, log_file: Path | None = None) -> None:
    """Logs to stderr, or with `log_file` to that file and only warnings to stderr (a chat owns the screen)."""
    handlers: list[logging.Handler] = []
    stderr = logging.StreamHandler(sys.stderr)
    if log_file is not None:
        log_file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.close(os.open(log_file, os.O_WRONLY | os.O_CREAT, 0o600))  # created for this account alone
        handlers.append(logging.FileHandler(log_file, encoding="utf-8"))
        stderr.setLevel(logging.WARNING)
    handlers.append(stderr)
    for handler in handlers:
        handler.addFilter(RedactingFilter())
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=level.upper(), handlers=handlers, force=True)
    # twilio logs every request's form (phone numbers included) at INFO, python-telegram-bot every update and
    # API call (chat ids and what residents wrote) at DEBUG, aiosqlite every statement's values at DEBUG: the
    # filter redacts only what looks like an address, so they stay quiet whatever the level. Pillow writes a
    # photo's EXIF (the owner's name, the phone, when it was taken) at DEBUG, before it is stripped. APScheduler
    # writes a line at INFO each time a job runs, every few seconds: its warnings (a job missed, one failed) stay.
    for noisy in ("httpx", "alembic.runtime.migration", "twilio", "telegram", "aiosqlite", "PIL", "apscheduler"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
