"""The open read API, Open311 GeoReport v2 (JSON, or XML): the categories and the reports, as
handlers.publication publishes them. Off unless OPEN311_ENABLED; each client (by address) gets
OPEN311_PER_MINUTE requests a minute."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any
from xml.etree import ElementTree

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from bot.channels.base import ascii_number
from bot.config import Settings
from bot.flood import Flood, FloodGate
from handlers.publication import CLOSED, OPEN, PUBLISHED, service_request, services, statuses_for
from storage.crypto import PublicIds
from storage.models import Category, Report, Station, to_the_hour, utcnow
from storage.reports import published_reports, report_with_station

PREFIX = "/open311/v2"
#: What GeoReport v2 asks of a server that is given no dates: the last 90 days.
DEFAULT_SPAN = dt.timedelta(days=90)
PAGE_SIZE, MAX_PAGE_SIZE = 50, 200
MAX_IDS = 50  # service_request_id=a,b,c… in one request
FORMATS = ("json", "xml")
_HEADERS = {"Access-Control-Allow-Origin": "*"}  # public, read-only data: a dashboard in a browser may read it


class BadRequest(Exception):
    pass


class Open311:
    def __init__(self, settings: Settings) -> None:
        self.ids = PublicIds(settings.contact_secret())
        self.limit = FloodGate(settings.open311_per_minute)
        self.lang = settings.default_language

    def routes(self) -> list[Route]:
        return [Route(f"{PREFIX}/services.{{format}}", self.services),
                Route(f"{PREFIX}/requests.{{format}}", self.requests),
                Route(f"{PREFIX}/requests/{{request_id}}.{{format}}", self.request)]

    def _refused(self, request: Request) -> Response | None:
        """The answer to a request in a format there is none of, or from a client over its rate; else None."""
        if request.path_params["format"] not in FORMATS:
            return _error(request, 404, "there are .json and .xml answers")
        client = request.client.host if request.client else "-"
        if self.limit.check(client) is Flood.PASS:
            return None
        wait = max(1, math.ceil(self.limit.wait(client)))
        return _error(request, 429, f"too many requests: try again in {wait} s", {"Retry-After": str(wait)})

    async def services(self, request: Request) -> Response:
        return self._refused(request) or _answer(request, services(self.lang), "services", "service")

    async def requests(self, request: Request) -> Response:
        refused = self._refused(request)
        if refused:
            return refused
        try:
            params = _params(request, self.ids)
        except BadRequest as error:
            return _error(request, 400, str(error))
        state = request.app.state
        async with state.engine.sessions() as db:
            if params["ids"] is not None:
                found = [r for i in params["ids"] if (r := await _published_report(db, i)) is not None]
            else:
                found = await published_reports(db, categories=params["categories"], statuses=params["statuses"],
                                                since=params["since"], until=params["until"],
                                                offset=(params["page"] - 1) * params["page_size"],
                                                limit=params["page_size"], order_key=self.ids.order_key)
            return _answer(request, [self._published(report, station, state) for report, station in found],
                           "service_requests", "request")

    async def request(self, request: Request) -> Response:
        refused = self._refused(request)
        if refused:
            return refused
        report_id = self.ids.decode(request.path_params["request_id"])
        state = request.app.state
        async with state.engine.sessions() as db:
            found = await _published_report(db, report_id) if report_id is not None else None
            if found is None:
                return _error(request, 404, "no such service request")
            return _answer(request, [self._published(*found, state)], "service_requests", "request")

    def _published(self, report: Report, station: Station | None, state: Any) -> dict[str, Any]:
        return service_request(report, station, self.ids.encode(report.id), state.engine.router.places, self.lang)


async def _published_report(db: AsyncSession, report_id: int) -> tuple[Report, Station | None] | None:
    found = await report_with_station(db, report_id)
    return found if found is not None and found[0].category in PUBLISHED and not found[0].withheld else None


def _params(request: Request, ids_of: PublicIds) -> dict[str, Any]:
    """The query of requests.json, checked; dates widened to the whole hours that are published."""
    query = request.query_params
    ids = None
    if query.get("service_request_id"):
        ids = [i for i in query["service_request_id"].split(",") if i.strip()][:MAX_IDS]
    categories = list(PUBLISHED)
    if query.get("service_code"):
        codes = [c.strip() for c in query["service_code"].split(",") if c.strip()]
        unknown = [c for c in codes if c not in {k.value for k in PUBLISHED}]
        if unknown:
            raise BadRequest(f"unknown service_code {unknown[0]!r}: see services.json")
        categories = [Category(c) for c in codes]
    wanted = [s.strip() for s in query.get("status", f"{OPEN},{CLOSED}").split(",") if s.strip()]
    if not wanted or any(s not in (OPEN, CLOSED) for s in wanted):
        raise BadRequest("status must be open, closed, or both (open,closed)")
    end = _date(query, "end_date") or utcnow()
    start = _date(query, "start_date")
    try:
        start = start or end - DEFAULT_SPAN
        # Times are published to the hour, so a bound inside an hour must not sort that hour's reports by minute.
        since = to_the_hour(start) + (dt.timedelta(hours=1) if start != to_the_hour(start) else dt.timedelta(0))
        until = to_the_hour(end) + dt.timedelta(hours=1)
    except OverflowError:
        raise BadRequest("start_date and end_date must lie between the years 1 and 9999") from None
    if start > end:
        raise BadRequest("start_date is after end_date")
    page, page_size = _number(query, "page", 1, 1, 100_000), _number(query, "page_size", PAGE_SIZE, 1, MAX_PAGE_SIZE)
    return {"ids": None if ids is None else [i for i in map(ids_of.decode, ids) if i is not None],
            "categories": categories, "statuses": statuses_for(wanted), "since": since, "until": until,
            "page": page, "page_size": page_size}


def _date(query: Any, name: str) -> dt.datetime | None:
    value = query.get(name)
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value.replace(" ", "+"))  # a "+" left unescaped in a URL reads as a space
        return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)
    except (ValueError, OverflowError):
        raise BadRequest(f"{name} must be a W3C date-time, e.g. 2026-11-01T00:00:00+07:00") from None


def _number(query: Any, name: str, default: int, low: int, high: int) -> int:
    value = query.get(name)
    if value is None:
        return default
    number = ascii_number(value, len(str(high)))  # not isdigit(): "²" passes it, and int() refuses it
    if number is None or not low <= number <= high:
        raise BadRequest(f"{name} must be a whole number from {low} to {high}")
    return number


def _answer(request: Request, items: list[dict[str, Any]], root: str, element: str, status: int = 200,
            headers: dict[str, str] | None = None) -> Response:
    """A list of items in the format asked for: a JSON array, or GeoReport's XML (`<root><element>…`)."""
    headers = _HEADERS | (headers or {})
    if request.path_params.get("format") != "xml":
        return JSONResponse(items, status_code=status, headers=headers)
    tree = ElementTree.Element(root)
    for item in items:
        node = ElementTree.SubElement(tree, element)
        for key, value in item.items():
            ElementTree.SubElement(node, key).text = _xml_text(value)
    body = ElementTree.tostring(tree, encoding="utf-8", xml_declaration=True)
    return Response(body, status_code=status, headers=headers, media_type="text/xml; charset=utf-8")


def _xml_text(value: Any) -> str | None:
    if isinstance(value, bool):
        return "true" if value else "false"
    return None if value is None else str(value)


def _error(request: Request, status: int, description: str, headers: dict[str, str] | None = None) -> Response:
    """GeoReport's error form: a list of {code, description}."""
    return _answer(request, [{"code": status, "description": description}], "errors", "error", status, headers)
