"""Pages from Jinja2 templates; every word on them comes from the message catalogues."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from handlers.alerts import status_at_station
from handlers.i18n import format_moment, labels, t

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"

environment = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]),
                          trim_blocks=True, lstrip_blocks=True)


@dataclass(frozen=True)
class Flash:
    """What the form before this page said, told once: its words, whether it was refused, and what the page fills in
    again (a refused form's values, a referral to confirm)."""

    said: list[str] = field(default_factory=list)
    refused: bool = False
    kept: dict[str, Any] = field(default_factory=dict)


def page(request: Request, template: str, lang: str, context: dict[str, Any], *,
         status_code: int = 200) -> HTMLResponse:
    """The page in `lang`: `_("web.…")` in a template reads the catalogue."""
    viewer = context.get("viewer")
    timezone = viewer.station.timezone if viewer is not None else "Asia/Jakarta"
    html = environment.get_template(template).render(
        request=request, lang=lang, _=partial(t, lang), labels=partial(labels, lang),
        status_at_station=partial(status_at_station, lang),
        when=lambda moment, hourly=False: format_moment(lang, moment, timezone, hourly=hourly), query=_query(request),
        path=request.url.path,
        here=request.url.path + (f"?{request.url.query}" if request.url.query else ""),
        flash=getattr(request.state, "flash", Flash()),
        **context)
    response = HTMLResponse(html, status_code=status_code)
    # Every script, style and image is Lapor's own; the map's tiles are the one exception, from MAP_TILE_URL.
    response.headers["Content-Security-Policy"] = (
        "default-src 'self'; img-src 'self' data: " + tile_origin(request.app.state.settings.map_tile_url) + "; "
        "style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["Cache-Control"] = "no-store"  # a report's page is not for a shared computer's cache
    return response


def tile_origin(url: str) -> str:
    """`https://tiles.example.org` of a tile URL template, for the page's content policy; "" without one."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") and parts.netloc else ""


def _query(request: Request) -> Any:
    """`query(page=2)`: this page's query string with some parameters changed, for links that keep the filters."""

    def changed(**changes: Any) -> str:
        params = dict(request.query_params)
        for key, value in changes.items():
            if value in (None, ""):
                params.pop(key, None)
            else:
                params[key] = str(value)
        return "?" + urlencode(params) if params else request.url.path

    return changed
