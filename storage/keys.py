"""The one check that the SECRET_KEY in use is the one the database's data was written with."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.crypto import ContactCipher
from storage.models import Contact, KeyFingerprint

WRONG_KEY = ("SECRET_KEY is not the key this database was written with: its contact data cannot be read with it. "
             "Start with the SECRET_KEY used before (in development, the one in DATA_DIR/secret_key), or point "
             "DATABASE_URL / DATA_DIR at the database that belongs to this key.")


class WrongSecretKey(RuntimeError):
    def __init__(self) -> None:
        super().__init__(WRONG_KEY)


async def check_secret_key(sessions: async_sessionmaker[AsyncSession], cipher: ContactCipher) -> None:
    """Raises WrongSecretKey unless `cipher`'s key is the database's. The first start records the key's
    fingerprint; a database that holds contacts from before fingerprints must decrypt one of them."""
    for _ in range(2):  # two processes starting at once: one records, the other reads it on its second try
        try:
            async with sessions() as db, db.begin():
                recorded = await db.get(KeyFingerprint, 1)
                if recorded is not None:
                    if recorded.fingerprint != cipher.fingerprint:
                        raise WrongSecretKey
                    return
                sample = (await db.execute(select(Contact.urn_encrypted).limit(1))).scalar_one_or_none()
                if sample is not None and not cipher.can_decrypt(sample):
                    raise WrongSecretKey
                db.add(KeyFingerprint(id=1, fingerprint=cipher.fingerprint))
            return
        except IntegrityError:
            continue
    raise RuntimeError("the key fingerprint could be neither read nor recorded")
