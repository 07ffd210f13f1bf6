"""Contact addresses at rest: encrypted for sending, HMAC'd for look-up; officers' invite codes HMAC'd.

A phone number or chat id is never stored in clear. Every key is derived from one SECRET_KEY with
HKDF, under its own label, so none can stand in for another.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF


def _derive(secret: str, label: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=label).derive(secret.encode())


class ContactCipher:
    def __init__(self, secret: str) -> None:
        if not secret:
            raise ValueError("an empty secret cannot protect contact data")
        self._fernet = Fernet(base64.urlsafe_b64encode(_derive(secret, b"lapor/contact-encryption")))
        self._lookup_key = _derive(secret, b"lapor/contact-lookup")
        self._invite_key = _derive(secret, b"lapor/invite-codes")
        self.fingerprint = hmac.new(_derive(secret, b"lapor/key-fingerprint"), b"SECRET_KEY",
                                    hashlib.sha256).hexdigest()  # tells keys apart; reveals nothing of one

    def lookup_hash(self, value: str) -> str:
        """A stable keyed hash of `value`, for finding a contact without decrypting every row."""
        return hmac.new(self._lookup_key, value.encode(), hashlib.sha256).hexdigest()

    def invite_hash(self, code: str) -> str:
        """The stored form of an invite code: keyed, so that a copy of the database alone cannot be searched
        for the codes (40 bits, which a plain hash leaves to a few minutes of guessing)."""
        return hmac.new(self._invite_key, code.encode(), hashlib.sha256).hexdigest()

    def encrypt(self, value: str) -> str:
        return self._fernet.encrypt(value.encode()).decode()

    def decrypt(self, token: str) -> str:
        return self._fernet.decrypt(token.encode()).decode()

    def can_decrypt(self, token: str) -> bool:
        try:
            self._fernet.decrypt(token.encode())
        except InvalidToken:
            return False
        return True
