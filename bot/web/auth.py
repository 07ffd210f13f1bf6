"""Who is looking at the station's web page: the session cookie a one-time chat link opens, checked on
every request against the database, and the CSRF token every form carries."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import zlib
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from multidict import MultiDict
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from bot.channels.base import TooLarge, read_body
from bot.web.render import Flash, page
from handlers.engine import Engine
from handlers.i18n import LANGUAGES, t
from handlers.office import Office
from handlers.station_page import stations_seen
from handlers.text import sanitize
from storage.models import Contact, Officer, Station, utcnow
from storage.web_sessions import SESSION_TTL, link_is_good, redeem_link, sign_out, signed_in

SESSION_COOKIE = "lapor_session"
LANGUAGE_COOKIE = "lapor_lang"
FLASH_COOKIE = "lapor_flash"
FLASH_SECONDS = 60  # the page it is for is fetched at once, on the redirect; later it would tell of nothing now
FLASH_BYTES = 3800  # a browser keeps a cookie of 4096 bytes at most, its name and attributes counted


@dataclass(frozen=True)
class Viewer:
    """A signed-in officer, what they may see, and how the page speaks to them."""

    officer: Officer
    station: Station
    stations: list[Station]
    lang: str
    csrf: str
    office: Office

    @property
    def station_ids(self) -> list[int]:
        return [s.id for s in self.stations]


def csrf_token(request: Request, session_token: str) -> str:
    """The session's form token: a keyed hash of its cookie, so nothing more is stored and another site,
    which cannot read the cookie, cannot make one."""
    key = request.app.state.settings.contact_secret().encode()
    return hmac.new(key, f"lapor/csrf:{session_token}".encode(), hashlib.sha256).hexdigest()


Said = list[tuple[str, dict[str, Any]]]  # catalogue keys and their params


def _flash_mac(request: Request, body: str) -> str:
    """The flash's signature, for this session alone: another session's, or one made up, is not shown."""
    key = request.app.state.settings.contact_secret().encode()
    session_token = request.cookies.get(SESSION_COOKIE, "")
    return hmac.new(key, f"lapor/flash:{session_token}:{body}".encode(), hashlib.sha256).hexdigest()


def after_form(request: Request, to: str, said: Said, *, refused: bool = False,
               kept: dict[str, Any] | None = None) -> RedirectResponse | None:
    """Every form's answer, done or refused: 303 See Other to the page `to`, which tells `said` once
    (Post/Redirect/Get), so that a reload or the back button fetches that page and never sends the form again.
    `kept` is what the page fills in again: a refused form's values, a referral to confirm. What is said and kept
    travels in a cookie signed for this session and page, never in the address, where anyone's link could put
    words on an officer's page. None when it is too long for a cookie: the form is then answered where it was
    sent, so that nothing typed is lost."""
    flash = json.dumps({"to": to, "said": said, "refused": refused, "kept": kept or {}}, ensure_ascii=False)
    body = base64.urlsafe_b64encode(zlib.compress(flash.encode())).decode().rstrip("=")
    cookie = f"{body}.{_flash_mac(request, body)}"
    if len(cookie) > FLASH_BYTES:
        return None
    response = RedirectResponse(to, status_code=303)
    response.set_cookie(FLASH_COOKIE, cookie, max_age=FLASH_SECONDS, httponly=True, secure=secure(request),
                        samesite="lax", path="/")
    return response


def refused_form(request: Request, said: Said) -> RedirectResponse:
    """A form that changed nothing, answered on its own page fetched anew: sending it again is not offered."""
    answer = after_form(request, request.url.path, said, refused=True)
    assert answer is not None, "catalogue words alone fit a cookie"
    return answer


def _flash(request: Request, lang: str) -> tuple[Flash, bool]:
    """What the form before this page said and kept, for this page alone, and whether the cookie is done with
    (shown, or not good: a valid one for another page is left to its own)."""
    body, _, mac = request.cookies.get(FLASH_COOKIE, "").partition(".")
    if not _same(mac, _flash_mac(request, body)):
        return Flash(), True
    try:
        flash = json.loads(zlib.decompress(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))))
    except (binascii.Error, zlib.error, ValueError):
        return Flash(), True
    if flash["to"] != request.url.path:
        return Flash(), False
    return Flash([t(lang, key, **params) for key, params in flash["said"]], flash["refused"], flash["kept"]), True


def language(request: Request, contact: Contact | None = None) -> str:
    """The page's language: the one picked on the page, else the officer's chat language, else Indonesian."""
    picked = request.cookies.get(LANGUAGE_COOKIE, "")
    if picked in LANGUAGES:
        return picked
    return contact.language if contact is not None and contact.language in LANGUAGES else "id"


def secure(request: Request) -> bool:
    return request.url.scheme == "https" or request.app.state.settings.public_base_url.startswith("https://")


@asynccontextmanager
async def viewer_of(request: Request) -> AsyncIterator[Viewer | None]:
    """The signed-in viewer in one transaction, or None: a session ends at the first request after its
    officer was revoked or moved."""
    engine: Engine = request.app.state.engine
    token = request.cookies.get(SESSION_COOKIE, "")
    now = utcnow()
    async with engine.sessions() as db, db.begin():
        found = await signed_in(db, engine.cipher, token, now) if token else None
        if found is None:
            yield None
            return
        _session, officer = found
        station = await db.get(Station, officer.station_id)
        assert station is not None
        contact = await db.get(Contact, officer.contact_id)
        yield Viewer(officer, station, await stations_seen(db, officer), language(request, contact),
                     csrf_token(request, token), Office(db, engine.cipher, engine.router, engine.escalation, now))


async def sign_in_page(request: Request) -> Response:
    """GET /masuk/{token}: a button that signs in. Opening the link uses nothing up: a chat app's link
    preview fetches it before the officer does, and must not spend it."""
    engine: Engine = request.app.state.engine
    async with engine.sessions() as db:
        good = await link_is_good(db, engine.cipher, request.path_params["token"], utcnow())
    if not good:
        return page(request, "signed_out.html", language(request), {"reason": "link"}, status_code=403)
    # The token is in this page's address: it goes to no other site (render's same-origin policy), and the button's
    # POST carries the page's origin, by which _sent_from_another_site tells it from another site's.
    return page(request, "sign_in.html", language(request), {"token": request.path_params["token"]})


def _sent_from_another_site(request: Request) -> bool:
    """Whether a sign-in was sent by another site's page: a link someone holds, posted from their page, would
    sign a visitor's browser into their session (login CSRF). Browsers name where a request comes from in
    Sec-Fetch-Site; older ones only in Origin ("null" from a sandboxed or no-referrer page, another site's too)."""
    site = request.headers.get("sec-fetch-site")
    if site is not None:
        return site not in ("same-origin", "none")
    origin = request.headers.get("origin")
    own = {f"{request.url.scheme}://{request.url.netloc}", request.app.state.settings.public_base_url.rstrip("/")}
    return origin is not None and origin not in own


async def sign_in(request: Request) -> Response:
    """POST /masuk/{token}: the chat's one-time link opens a session and goes home; a used, expired or
    unknown link says so and how to get a new one, and one sent from another site is refused unused."""
    if _sent_from_another_site(request):
        return page(request, "signed_out.html", language(request), {"reason": "link"}, status_code=403)
    engine: Engine = request.app.state.engine
    async with engine.sessions() as db, db.begin():
        session_token = await redeem_link(db, engine.cipher, request.path_params["token"], utcnow())
    if session_token is None:
        return page(request, "signed_out.html", language(request), {"reason": "link"}, status_code=403)
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(SESSION_COOKIE, session_token, max_age=int(SESSION_TTL.total_seconds()), httponly=True,
                        secure=secure(request), samesite="lax", path="/")
    return response


FORM_BYTES = 64 * 1024  # the largest form, a patrol's concerns, is a few kilobytes
FORM_FIELDS = 100


async def posted_form(request: Request) -> MultiDict[str] | None:
    """The page's posted form: urlencoded, as the pages post, and read no further than FORM_BYTES (Starlette's
    own reader takes a body of any size, to a file on disk). None for anything else. Each value is cleaned as the
    chat cleans what is typed: a note or a reason relayed to a resident carries no control, zero-width or
    direction-overriding character (and PostgreSQL takes no NUL). TooLarge past FORM_BYTES."""
    if request.headers.get("content-type", "").partition(";")[0].strip() != "application/x-www-form-urlencoded":
        return None
    try:
        body = (await read_body(request, FORM_BYTES)).decode("utf-8")
        fields = parse_qsl(body, keep_blank_values=True, max_num_fields=FORM_FIELDS)
    except TooLarge:
        raise
    except (UnicodeDecodeError, ValueError):  # not UTF-8, more fields than FORM_FIELDS
        return None
    return MultiDict((name, sanitize(value)) for name, value in fields)


def _same(posted: str, token: str) -> bool:
    """A posted CSRF token against the session's, in constant time; any text posted (compare_digest refuses a str
    past ASCII) is compared as bytes."""
    return hmac.compare_digest(posted.encode(), token.encode())


async def sign_out_page(request: Request) -> Response:
    """POST /keluar: ends the session, with the form's CSRF token; without it (another site's form) nothing."""
    engine: Engine = request.app.state.engine
    token = request.cookies.get(SESSION_COOKIE, "")
    try:
        form = await posted_form(request)
    except TooLarge:
        form = None
    response = RedirectResponse("/", status_code=303)
    if token and form is not None and _same(form.get("csrf", ""), csrf_token(request, token)):
        async with engine.sessions() as db, db.begin():
            await sign_out(db, engine.cipher, token)
        response.delete_cookie(SESSION_COOKIE, path="/")
    return response


def _nul_in_address(request: Request) -> bool:
    """Whether the page's address carries a NUL (%00), in its path or its query: PostgreSQL refuses one in any text
    a query compares, so no page reads such an address."""
    return any("\x00" in str(value) for value in request.path_params.values()) \
        or any("\x00" in name + value for name, value in request.query_params.multi_items())


Handler = Callable[[Request, Viewer], Awaitable[Response]]


def signed_in_only(handler: Handler) -> Callable[[Request], Awaitable[Response]]:
    """A page for signed-in officers; anyone else is told to ask for a link in the chat. A form posted
    without its session's CSRF token, or unread, changes nothing and is answered on its page fetched anew; the form
    read is the handler's `request.state.form`, and what the form before said and kept (`after_form`), for the page
    it redirected to, is `request.state.flash`."""

    async def endpoint(request: Request) -> Response:
        async with viewer_of(request) as viewer:
            if viewer is None:
                return page(request, "signed_out.html", language(request), {"reason": "session"}, status_code=401)
            if _nul_in_address(request):
                return page(request, "error.html", viewer.lang, {"viewer": viewer, "message": "web.error.address"},
                            status_code=400)
            if request.method == "POST":
                try:
                    form = request.state.form = await posted_form(request)
                except TooLarge:
                    form = None
                if form is None:
                    return refused_form(request, [("web.error.form", {})])
                if not _same(form.get("csrf", ""), viewer.csrf):  # a page left open across a new sign-in
                    return refused_form(request, [("web.error.csrf", {})])
            shown, spent = _flash(request, viewer.lang) if request.method == "GET" and FLASH_COOKIE in request.cookies \
                else (Flash(), False)
            request.state.flash = shown
            response = await handler(request, viewer)
            if spent:
                response.delete_cookie(FLASH_COOKIE, path="/")
            return response

    return endpoint

