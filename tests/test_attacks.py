"""What an attacker or a broken client sends to Lapor's outside surfaces: each gets a clear answer with the right
status, and the service keeps running."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from bot.config import Settings
from handlers.engine import Engine
from harness.loopback import serving
from tests.helpers import TEST_SECRET, a_report, enrolled, signed_in, web_app


@pytest.mark.parametrize("query", ["page=²", "page_size=" + "9" * 5000, "page=" + "0" * 4400 + "1"])
async def test_open311_paging_that_is_no_ascii_number_is_a_400(tmp_path: Path, database_url: str, query: str) -> None:
    """isdigit() passes a superscript digit, which int() refuses, and int() refuses past 4,300
    digits: each was a 500."""
    settings = Settings(_env_file=None, data_dir=tmp_path, database_url=database_url,  # type: ignore[call-arg]
                        secret_key=TEST_SECRET, open311_enabled=True)
    async with serving(settings) as (url, _engine), httpx.AsyncClient(base_url=url) as client:
        response = await client.get(f"/open311/v2/requests.json?{query}")
        assert response.status_code == 400, response.text
        [error] = response.json()
        assert error["code"] == 400 and "must be a whole number" in error["description"]
        assert (await client.get("/open311/v2/requests.json?page=2&page_size=10")).status_code == 200


async def test_a_page_number_of_thousands_of_digits_shows_the_first_page(engine: Engine, tmp_path: Path) -> None:
    app = web_app(engine, tmp_path)
    ref = await a_report(engine)
    client = await signed_in(app, await enrolled(engine, "telegram:700020"))
    for asked in ("9" * 5000, "²", "-1", "0", ""):
        table = await client.get("/laporan", params={"hal": asked})
        assert table.status_code == 200 and ref in table.text, asked
    assert ref not in (await client.get("/laporan", params={"hal": "2"})).text
