"""The station's web page in process, for tests: the service's routes over httpx, signed in the way an
officer is, through the link the chat sends."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
from starlette.applications import Starlette

from bot import web
from bot.config import Settings
from handlers.engine import Engine
from tests.conftest import TEST_SECRET, Resident

BASE_URL = "http://lapor.test"


def web_app(engine: Engine, data_dir: Path, **settings: object) -> Starlette:
    """The page's routes with the state the service's lifespan gives them."""
    app = Starlette(routes=web.routes())
    app.state.settings = Settings(_env_file=None, public_base_url=BASE_URL, secret_key=TEST_SECRET,  # type: ignore[call-arg]
                                  data_dir=data_dir, **settings)
    app.state.engine = engine
    engine.web_url = BASE_URL
    return app


def browser(app: Starlette) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL, follow_redirects=False)


async def sign_in_link(officer: Resident) -> str:
    """The link DASBOR sends, as the officer's chat shows it."""
    await officer.send("DASBOR")
    assert officer.heard("officer.dashboard_link"), officer.text
    found = re.search(r"https?://\S+/masuk/\S+", officer.text)
    assert found is not None
    return found.group(0)


async def signed_in(app: Starlette, officer: Resident) -> httpx.AsyncClient:
    """A browser that opened the officer's link and pressed its button."""
    client = browser(app)
    path = (await sign_in_link(officer)).removeprefix(BASE_URL)
    assert (await client.get(path)).status_code == 200
    opened = await client.post(path)
    assert opened.status_code == 303, opened.text
    return client


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([0-9a-f]+)"', html)
    assert found is not None, "no CSRF token on the page"
    return found.group(1)
