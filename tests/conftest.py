"""Shared fixtures: a real database (a SQLite file always, PostgreSQL when TEST_DATABASE_URL is set)
and an engine wired as the service wires it."""

from __future__ import annotations

import asyncio
import io
import os
import re
import shutil
from collections.abc import AsyncIterator, Iterable, Iterator
from functools import cache
from pathlib import Path

import pytest
from PIL import Image

from bot.channels.base import Inbound, Location, Media, Outbound
from bot.channels.console import ConsoleChannel
from handlers.engine import Engine
from handlers.i18n import catalogue
from handlers.routing import Router
from storage import db as database
from storage.crypto import ContactCipher
from storage.media import MediaStore
from storage.models import Base
from storage.regions import RegionIndex
from storage.stations import seed_if_empty
from tests.running import empty_postgres

TEST_SECRET = "test-secret-key-for-lapor-at-least-32-chars"
POSTGRES_URL = os.environ.get("TEST_DATABASE_URL", "")


def photo(image_format: str = "JPEG", shade: int = 0, size: tuple[int, int] = (32, 24), **save: object) -> bytes:
    """A real photo of one colour, as a phone would send it; `save` passes Pillow's options (exif=...)."""
    out = io.BytesIO()
    Image.new("RGB", size, (shade, 120, 200)).save(out, image_format, **save)
    return out.getvalue()


def same_picture(stored: bytes, sent: bytes) -> bool:
    """Whether a stored photo shows what was sent: same type and size, colours within JPEG's losses."""
    with Image.open(io.BytesIO(stored)) as kept, Image.open(io.BytesIO(sent)) as original:
        if (kept.format, kept.size) != (original.format, original.size):
            return False
        pairs = zip(kept.convert("RGB").getdata(), original.convert("RGB").getdata(), strict=True)
        return all(abs(a - b) <= 8 for one, other in pairs for a, b in zip(one, other, strict=True))


def pytest_report_header() -> str:
    return f"PostgreSQL tests: {'on' if POSTGRES_URL else 'skipped (TEST_DATABASE_URL is not set)'}"


@cache
def regions() -> RegionIndex:
    """The region index, built once for the whole run as the service builds it once at start."""
    return RegionIndex.load()


async def _seed(url: str) -> None:
    engine = database.create_engine(url)
    async with database.session_factory(engine)() as db, db.begin():
        result = await seed_if_empty(db, regions())
    await engine.dispose()
    assert result is not None and not result.errors


def _prepare(url: str) -> None:
    """Migrations and the shipped stations, as `lapor run` leaves a fresh database."""
    database.upgrade(url)
    asyncio.run(_seed(url))


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One prepared SQLite file, copied for each test: preparing once keeps the suite quick."""
    path = tmp_path_factory.mktemp("template") / "lapor.db"
    _prepare(f"sqlite+aiosqlite:///{path}")
    return path


def _reset_postgres(url: str) -> None:
    empty_postgres(url)
    _prepare(url)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path) -> Iterator[str]:
    """A migrated, empty database of each kind."""
    if request.param == "sqlite":
        path = tmp_path / "lapor.db"
        shutil.copy(sqlite_template, path)
        yield f"sqlite+aiosqlite:///{path}"
        return
    if not POSTGRES_URL:
        pytest.skip("TEST_DATABASE_URL is not set")
    url = POSTGRES_URL.replace("postgresql://", "postgresql+psycopg://", 1)
    _reset_postgres(url)
    yield url


def make_engine(url: str, media_root: Path, **kwargs: object) -> tuple[Engine, object]:
    db_engine = database.create_engine(url)
    engine = Engine(
        database.session_factory(db_engine),
        ContactCipher(TEST_SECRET),
        MediaStore(media_root),
        Router(regions(), "PUSAT", 10.0),
        media_fetchers={"console": ConsoleChannel.fetch_media},
        **kwargs,  # type: ignore[arg-type]
    )
    return engine, db_engine


@pytest.fixture
async def engine(database_url: str, tmp_path: Path) -> AsyncIterator[Engine]:
    bot_engine, db_engine = make_engine(database_url, tmp_path / "media")
    yield bot_engine
    await db_engine.dispose()  # type: ignore[attr-defined]


async def assert_no_address_in_clear(engine: Engine, database_url: str, addresses: Iterable[str],
                                     logs: Iterable[Path] = ()) -> int:
    """Reads every row of every table of the product's schema, the SQLite file itself (and its write-ahead
    log) byte by byte, and the logs: none holds any of the phone numbers or chat ids in `addresses` as
    they came (digits without "+"). Returns how many rows were read."""
    addresses = {address.split(":", 1)[-1].lstrip("+") for address in addresses}
    rows = 0
    async with engine.sessions() as db:
        for table in Base.metadata.sorted_tables:
            for row in (await db.execute(table.select())).all():
                rows += 1
                text_of_row = repr(row)
                assert not [a for a in addresses if a in text_of_row], f"an address in clear in {table.name}"
    raw_files = list(logs)
    if database.is_sqlite(database_url):
        path = Path(database_url.split("///", 1)[1])
        raw_files += [file for file in (path, path.with_name(path.name + "-wal")) if file.exists()]
    for file in raw_files:
        data = file.read_bytes()
        assert not [a for a in addresses if a.encode() in data], f"an address in clear in {file.name}"
    return rows


class Resident:
    """Someone chatting with the engine; keeps the last replies for the test to read."""

    _counter = 0

    def __init__(self, engine: Engine, urn: str = "console:resident") -> None:
        self.engine = engine
        self.urn = urn
        self.replies: list[Outbound] = []

    async def send(self, text: str = "", *, location: tuple[float, float] | None = None,
                   photo: Path | None = None, button: str | None = None,
                   message_id: str | None = None) -> list[Outbound]:
        Resident._counter += 1
        inbound = Inbound(
            urn=self.urn,
            provider_message_id=message_id or f"test-{Resident._counter}",
            text=text,
            location=Location(*location) if location else None,
            media=(Media("image/jpeg", path=str(photo)),) if photo else (),
            choice=button,
        )
        self.replies = await self.engine.handle(inbound)
        return self.replies

    @property
    def text(self) -> str:
        return "\n".join(reply.text for reply in self.replies)

    def heard(self, key: str, lang: str = "id") -> bool:
        """Whether one of the last replies is the catalogue text `key`, whatever filled its {names}."""
        return any(matches(reply.text, key, lang) for reply in self.replies)

    def options(self) -> list[str]:
        return [choice.label for reply in self.replies for choice in reply.choices]


def matches(said: str, key: str, lang: str = "id") -> bool:
    pattern = re.escape(catalogue(lang)[key])
    pattern = re.sub(r"\\\{\w+\\\}", ".*", pattern)
    return re.fullmatch(pattern, said, re.S) is not None


DESCRIPTION = "Motor tetangga dicuri di depan rumah saat parkir tadi malam"
PLACE = "Kel. Gedog, Kec. Sananwetan, Kota Blitar"
REPORTER_NAME = "Budi Santoso"


async def walk_to_summary(resident: Resident, *, identity: str = "2", description: str = DESCRIPTION,
                          name_known: bool = False) -> None:
    """Takes a fresh resident from hello to the summary with typical answers."""
    await resident.send("halo")
    await resident.send("1")             # Lapor
    await resident.send("1")             # category: security
    await resident.send(description)
    await resident.send(PLACE)
    await resident.send("ya")            # Kel. Gedog, Kec. Sananwetan, Kota Blitar
    await resident.send("2")             # earlier today
    await resident.send("lewati")        # no photo
    await resident.send(identity)
    if identity == "1" and not name_known:  # named: officers will see the name, so it is asked once
        assert resident.heard("report.ask_name"), resident.text
        await resident.send(REPORTER_NAME)
    assert resident.heard("report.summary"), resident.text
