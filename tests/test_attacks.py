"""What an attacker or a broken client sends to Lapor's outside surfaces: each gets a clear answer with the right
status, and the service keeps running."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from bot.config import Settings
from harness.loopback import serving
from tests.helpers import TEST_SECRET


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
