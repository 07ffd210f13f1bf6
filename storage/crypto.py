"""Contact addresses at rest: encrypted for sending, HMAC'd for look-up; officers' invite codes and witnesses'
tokens HMAC'd.

A phone number or chat id is never stored in clear. Every key is derived from one SECRET_KEY with
HKDF, under its own label, so none can stand in for another. A Fernet token carries the time it was made,
in clear: ours carry only the hour, so a token can tie nothing to the minute it was written.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
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
        self._teller_key = _derive(secret, b"lapor/witness-tellers")
        self.fingerprint = hmac.new(_derive(secret, b"lapor/key-fingerprint"), b"SECRET_KEY",
                                    hashlib.sha256).hexdigest()  # tells keys apart; reveals nothing of one

    def lookup_hash(self, value: str) -> str:
        """A stable keyed hash of `value`, for finding a contact without decrypting every row."""
        return hmac.new(self._lookup_key, value.encode(), hashlib.sha256).hexdigest()

    def invite_hash(self, code: str) -> str:
        """The stored form of an invite code: keyed, so that a copy of the database alone cannot be searched
        for the codes (40 bits, which a plain hash leaves to a few minutes of guessing)."""
        return hmac.new(self._invite_key, code.encode(), hashlib.sha256).hexdigest()

    def teller_token(self, urn_hash: str, report_id: int) -> str:
        """Who told a report as a witness, for that report alone: the same contact and report always give the same
        token, which a copy of the database alone cannot tie to a contact, nor two tokens to each other."""
        return hmac.new(self._teller_key, f"{report_id}:{urn_hash}".encode(), hashlib.sha256).hexdigest()

    def encrypt(self, value: str) -> str:
        hour = int(time.time()) // 3600 * 3600
        return self._fernet.encrypt_at_time(value.encode(), hour).decode()

    def decrypt(self, token: str) -> str:
        return self._fernet.decrypt(token.encode()).decode()

    def can_decrypt(self, token: str) -> bool:
        try:
            self._fernet.decrypt(token.encode())
        except InvalidToken:
            return False
        return True


class PublicIds:
    """Report ids as published to other systems: opaque, stable, and not the ref, which is what lets its
    holder read an anonymous report's status. One AES block encrypts the row id, so the id comes back
    without a stored mapping, and neither the order of reports nor their number shows through."""

    _MARK = b"lapor311"  # the second half of the block: a forged or mistyped id does not decrypt to it

    def __init__(self, secret: str) -> None:
        if not secret:
            raise ValueError("an empty secret cannot protect report ids")
        self._cipher = Cipher(algorithms.AES(_derive(secret, b"lapor/public-report-ids")), modes.ECB())
        #: A secret multiplier for listing the reports of one hour in no telling order (1 to 2**31 - 2).
        self.order_key = 1 + int.from_bytes(_derive(secret, b"lapor/public-report-order")[:8], "big") % (2**31 - 2)

    def encode(self, report_id: int) -> str:
        encryptor = self._cipher.encryptor()
        return (encryptor.update(report_id.to_bytes(8, "big") + self._MARK) + encryptor.finalize()).hex()

    def decode(self, public_id: str) -> int | None:
        """The row id, or None for anything this key did not make."""
        try:
            block = bytes.fromhex(public_id)
        except ValueError:
            return None
        if len(block) != 16:
            return None
        decryptor = self._cipher.decryptor()
        plain = decryptor.update(block) + decryptor.finalize()
        return int.from_bytes(plain[:8], "big") if plain[8:] == self._MARK else None
