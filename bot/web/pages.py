"""The station's pages: Ringkasan (home), Laporan (the table and one report), Peta (map) and Patroli.
Each reads through the functions the chat uses, so that the page and the chat never disagree."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter
from zoneinfo import ZoneInfo

from sqlalchemy import select
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response

from bot.channels.base import ascii_number
from bot.photos import MEDIA_HEADERS
from bot.web.auth import LANGUAGE_COOKIE, Said, Viewer, after_form, secure, signed_in_only
from bot.web.render import page
from handlers import patrol
from handlers.actions import (
    NEEDS_ARGUMENT,
    NOTE_CHARS,
    Action,
    act,
    add_note,
    can_take,
    referral_doubts,
    referred_by,
    refusal_said,
)
from handlers.alerts import alert_payload, kept_instead, not_told_why, quoted, status_at_station, witness_accounts
from handlers.digest import (
    BANDS,
    CATEGORY_COLOURS,
    HOTSPOT_DAYS,
    HOTSPOTS,
    TOP_PLACES,
    TREND_DAYS,
    gather,
    kinds_of,
    open_for,
    open_status,
    place_name,
)
from handlers.i18n import LANGUAGES, labels, t
from handlers.language.intents import category_named
from handlers.officer import NOTE, event_line, nothing_to_the_reporter, outcome_messages
from handlers.station_page import map_data, patrol_log, places_of, shows_pin, visible_report
from handlers.text import letters_and_digits
from storage.models import (
    LARGEST_ROW_ID,
    Attachment,
    Category,
    Identity,
    Outbox,
    OutboxKind,
    Report,
    ReportSource,
    ReportStatus,
    Station,
)
from storage.outbox import open_payload
from storage.regions import PlaceCandidate
from storage.report_search import SORTS, ReportFilter, matching, search
from storage.reports import history, returning_referrals
from storage.stations import areas_of
from storage.workflow import OPEN_STATUSES

PAGE_SIZE = 50
# An action refused for what happened since the page was loaded: a colleague acted first, or the reporter answered or
# asked to withdraw the report (handlers.actions.refusal_said); said with what is still possible on the page.
MOVED_SINCE = ("officer.taken_by", "officer.withdrawn_by_reporter", "officer.answered_by_reporter")
EXPORT_ROWS = 100_000
PERIODS = {"1": 1, "7": 7, "28": 28, "90": 90, "365": 365}  # days; no period is all time
CONCERN_ROWS = 3  # concerns the patrol form offers at once
AS_TYPED = "seperti_ditulis"  # the patrol form's choice of no kelurahan, the place kept as written
REFERRED_OUT = "dirujuk_keluar"  # the table's choice of the reports these stations referred to another


def _since(viewer: Viewer, period: str) -> dt.datetime | None:
    days = PERIODS.get(period)
    return viewer.office.now - dt.timedelta(days=days) if days else None


def _not_found(request: Request, viewer: Viewer, ref: str) -> Response:
    return page(request, "error.html", viewer.lang,
                {"viewer": viewer, "message": "officer.unknown_ref", "params": {"ref": ref}}, status_code=404)


@signed_in_only
async def home(request: Request, viewer: Viewer) -> Response:
    """The digest of the 24 hours up to now as a page, as the chat's DIGEST: what came in since this morning's
    digest is on it, not left for tomorrow's."""
    now = viewer.office.now
    facts = await gather(viewer.office, viewer.station, now.astimezone(ZoneInfo(viewer.station.timezone)).date(),
                         until=now)
    office, lang = viewer.office, viewer.lang
    came_in_by_category, came_in_by_place = Counter[str](), Counter[str]()
    for count in facts.today:
        came_in_by_category[count.category.value] += count.total
        if count.place_code:
            came_in_by_place[count.place_code] += count.total
    trends = {}
    for days in (TREND_DAYS, HOTSPOT_DAYS):
        series = facts.trend(days)
        totals = [sum(values[i] for values in series.values()) for i in range(days)]
        trends[days] = list(zip(facts.trend_days(days), totals, strict=True))
    attention = [(r, place_name(office, lang, r.place_code) if r.place_code else "-",
                  open_for(lang, office.now - r.created_at), open_status(lang, r.status)) for r in facts.attention]
    spots = [(s, place_name(office, lang, s.place_code), kinds_of(lang, s)) for s in facts.hotspots()[:HOTSPOTS]]
    return page(request, "home.html", lang, {
        "viewer": viewer, "facts": facts, "by_category": came_in_by_category.most_common(),
        "by_place": [(code, place_name(office, lang, code), n) for code, n in came_in_by_place.most_common(TOP_PLACES)],
        "more_places": max(0, len(came_in_by_place) - TOP_PLACES), "trends": trends,
        "attention": attention, "spots": spots, "hotspot_days": HOTSPOT_DAYS})


def _filter(request: Request, viewer: Viewer) -> ReportFilter:
    """The table's filters from the query; a value that is not one of the choices is left out."""
    query = request.query_params
    status = query.get("status", "")
    category = query.get("kategori", "")
    source = query.get("sumber", "")
    return ReportFilter(
        status=ReportStatus(status) if status in ReportStatus._value2member_map_ else None,
        open_only=status == "open", referred_out=status == REFERRED_OUT,
        overdue_at=viewer.office.now if status == "overdue" else None,
        category=Category(category) if category in Category._value2member_map_ else None,
        urgent=query.get("mendesak") == "1", village_code=query.get("kelurahan") or None,
        source=ReportSource(source) if source in ReportSource._value2member_map_ else None,
        text=query.get("q", "").strip(), sort=query.get("urut", "created") if query.get("urut") in SORTS else "created",
        descending=query.get("arah") != "naik", since=_since(viewer, query.get("periode", "")),
        hours_of_day=tuple(dict(BANDS).get(query.get("waktu", ""), ())), hours_ahead=_hours_ahead(viewer))


def _hours_ahead(viewer: Viewer) -> tuple[tuple[int, int], ...]:
    """Each of the viewer's stations with its hours ahead of UTC now, for a time band's filter."""
    return tuple((s.id, int((ZoneInfo(s.timezone).utcoffset(viewer.office.now) or dt.timedelta()).total_seconds())
                  // 3600) for s in viewer.stations)


@signed_in_only
async def reports(request: Request, viewer: Viewer) -> Response:
    """The station's reports, filtered, sorted and a page at a time."""
    wanted = _filter(request, viewer)
    period = request.query_params.get("periode", "")
    asked = ascii_number(request.query_params.get("hal", ""), digits=5)  # int() refuses past 4,300 digits
    number = asked if asked else 1
    rows, total = await search(viewer.office.db, viewer.station_ids, wanted, offset=(number - 1) * PAGE_SIZE,
                               limit=PAGE_SIZE)
    places = await places_of(viewer.office, viewer.lang, viewer.stations)
    elsewhere = {r.station_id for r in rows if r.station_id not in viewer.station_ids}
    now_at = {station.id: station.name for station in (await viewer.office.db.execute(
        select(Station).where(Station.id.in_(elsewhere)))).scalars()} if elsewhere else {}
    return page(request, "reports.html", viewer.lang, {
        "viewer": viewer, "rows": [(r, _place_of(viewer, r), now_at.get(r.station_id or 0)) for r in rows],
        "total": total, "number": number, "referred_out": REFERRED_OUT,
        "pages": max(1, -(-total // PAGE_SIZE)), "wanted": wanted, "period": period, "places": places,
        "statuses": [s.value for s in ReportStatus], "periods": list(PERIODS),
        "bands": [name for name, _hours in BANDS], "band": request.query_params.get("waktu", "")})


def _place_of(viewer: Viewer, report: Report) -> str:
    """The kelurahan (else kecamatan) a report was placed in: an official name, never the address typed."""
    code = report.village_code or report.district_code
    return place_name(viewer.office, viewer.lang, code) if code else "-"


@signed_in_only
async def reports_csv(request: Request, viewer: Viewer) -> Response:
    """The filtered rows as CSV: official places only, no description, address or reporter, ever."""
    wanted = _filter(request, viewer)
    lang = viewer.lang
    zone = ZoneInfo(viewer.station.timezone)
    categories, buffer = labels(lang, "category"), io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([t(lang, f"web.csv.{column}") for column in
                     ("ref", "created", "category", "status", "urgent", "source", "place", "district", "sample")])
    for report in await matching(viewer.office.db, viewer.station_ids, wanted, EXPORT_ROWS):
        district = report.district_code
        writer.writerow([report.ref, report.created_at.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
                         categories[report.category.value], status_at_station(lang, report.status),
                         t(lang, "web.yes") if report.urgent else "", t(lang, f"web.source.{report.source.value}"),
                         _place_of(viewer, report),
                         place_name(viewer.office, lang, district) if district else "",
                         t(lang, "web.yes") if report.sample else ""])
    return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="laporan.csv"', "Cache-Control": "no-store"})


async def _report_page(request: Request, viewer: Viewer, report: Report, said: Said | None = None,
                       status_code: int = 200) -> Response:
    """The report's page, with what the form before did or refused (its flash, else `said` when answered in place)
    and a referral it asks to be confirmed first."""
    payload = await alert_payload(viewer.office, report, viewer.lang, arriving=False)
    attachments = list((await viewer.office.db.execute(
        select(Attachment).where(Attachment.report_id == report.id, Attachment.stored_name.is_not(None))
        .order_by(Attachment.id))).scalars())
    photos = [a.id for a in attachments if a.content_type.startswith("image/")]
    voices = [a for a in attachments if a.content_type.startswith("audio/")]
    returning = await returning_referrals(viewer.office.db, report)
    events = [await event_line(viewer.office.db, viewer.lang, event, viewer.station.timezone,
                               hourly=report.identity == Identity.ANONYMOUS, returning=event.id in returning)
              for event in await history(viewer.office.db, report)]
    relays = [(row, open_payload(viewer.office.cipher, row).get("text", ""))  # what the resident was sent, and
              for row in (await viewer.office.db.execute(            # whether it reached them
                  select(Outbox).where(Outbox.report_id == report.id, Outbox.kind == OutboxKind.STATUS_UPDATE)
                  .order_by(Outbox.id))).scalars()]
    witnessed = await witness_accounts(viewer.office, report, viewer.lang)
    own = report.station_id == viewer.officer.station_id  # a head sees the Polsek under it; its officers act
    # referred by these stations to another: followed there, read only
    now_at = None if report.station_id in viewer.station_ids or report.station_id is None else \
        await viewer.office.db.get(Station, report.station_id)
    actions = await can_take(viewer.office.db, viewer.officer, report) if own else []
    # a referral declined goes back with its reason to the station that made it, not to the reporter
    returns_to = await referred_by(viewer.office, report) if Action.REJECT in actions else None
    return page(request, "report.html", viewer.lang, {
        "viewer": viewer, "report": report, "alert": payload["text"], "photos": photos, "voices": voices,
        "witnessed": witnessed, "history": events, "relays": relays,
        "actions": actions, "needs": {a: NEEDS_ARGUMENT.get(a) for a in actions},
        "messages": [t(viewer.lang, key, **params) for key, params in said or []],
        "can_note": own,
        "place": _place_of(viewer, report), "open": report.status in OPEN_STATUSES,
        "why_not_told": not_told_why(report), "colour": CATEGORY_COLOURS[report.category.value],
        "pin": shows_pin(report), "kept": await kept_instead(viewer.office.db, report),
        "confirm": request.state.flash.kept.get("confirm"),
        "now_at": now_at, "returns_to": returns_to},
        status_code=status_code)


@signed_in_only
async def report(request: Request, viewer: Viewer) -> Response:
    found = await visible_report(viewer.office.db, viewer.stations, request.path_params["ref"], referred_too=True)
    if found is None:
        return _not_found(request, viewer, request.path_params["ref"])
    return await _report_page(request, viewer, found)


@signed_in_only
async def report_action(request: Request, viewer: Viewer) -> Response:
    """An action from the report's page: the chat's own, through the one status table, with its relay. Done or
    refused, the report's page is fetched anew, saying so."""
    ref = request.path_params["ref"]
    found = await visible_report(viewer.office.db, viewer.stations, ref, lock=True)
    if found is None:  # its page says it is not found
        return RedirectResponse(request.url.path, status_code=303)
    form = request.state.form
    action_name, argument = str(form.get("action", "")), str(form.get("argument", "")).strip()
    to = f"/laporan/{found.ref}"
    said, refused, confirm = await _acted(viewer, found, action_name, argument, form.get("yakin") == "1")
    # a referral to confirm comes back to be confirmed; what was typed for it is in its question
    return after_form(request, to, said, refused=refused, kept={"confirm": confirm} if confirm else None) \
        or await _report_page(request, viewer, found, said, 409 if refused else 200)


async def _acted(viewer: Viewer, found: Report, action_name: str, argument: str,
                 confirmed: bool) -> tuple[Said, bool, dict[str, str] | None]:
    """What an action or note did to the report, as catalogue keys and params; whether it was refused; and a
    referral to be confirmed before it is made."""
    if action_name == NOTE:  # an officers' note: kept in the history, never sent to the reporter
        kept = await add_note(viewer.office, viewer.officer, found, argument)
        if kept.refusal == "officer.note_invalid":  # the chat's words name its BATAL, which a page has not
            return [("web.report.note_invalid", kept.params)], True, None
        if kept.refusal:
            return [(kept.refusal, kept.params)], True, None
        return [("officer.note_kept", {"ref": found.ref})], False, None
    if action_name not in Action._value2member_map_:
        return [("web.report.unknown_action", {})], True, None
    action = Action(action_name)
    refused = await refusal_said(viewer.office, viewer.officer, found, action, viewer.lang)
    if refused is None and action in NEEDS_ARGUMENT and letters_and_digits(argument) < NOTE_CHARS:
        return [("web.report.note_invalid", {"shortest": NOTE_CHARS})], True, None
    if refused is None and nothing_to_the_reporter(action, argument):  # "oke siap", "otw": as the chat refuses them
        return [("officer.note_says_nothing", {"said": quoted(argument)})], True, None
    if refused is None and action == Action.REFER and not confirmed \
            and (doubts := await referral_doubts(viewer.office, found, argument)):
        # one click sends it away from this station's page: said first, and made only when confirmed
        return doubts, False, {"action": action.value, "argument": argument}
    outcome = refused or await act(viewer.office, viewer.officer, found, action, argument)
    said = outcome_messages(viewer.lang, action, found.ref, outcome)
    if outcome.refusal in MOVED_SINCE:  # as the chat says it, with what is left on this page, not its commands
        left = [labels(viewer.lang, "action")[a.value] for a in await can_take(viewer.office.db, viewer.officer, found)]
        key = outcome.refusal.replace("officer.", "web.report.", 1)
        said = [(key if left else f"{key}_note_only", {**said[0][1], "left": ", ".join(left)})]
    return said, outcome.refusal is not None, None


@signed_in_only
async def report_photo(request: Request, viewer: Viewer) -> Response:
    """A report's photo or voice note, for an officer who may see the report."""
    found = await visible_report(viewer.office.db, viewer.stations, request.path_params["ref"], referred_too=True)
    number = ascii_number(request.path_params["number"], digits=10)
    attachment = await viewer.office.db.get(Attachment, number) \
        if found is not None and number and number <= LARGEST_ROW_ID else None
    if found is None or attachment is None or attachment.report_id != found.id or not attachment.stored_name:
        return Response(status_code=404)
    path = request.app.state.engine.media_store.root / attachment.stored_name
    if not path.is_file():
        return Response(status_code=404)
    return FileResponse(path, media_type=attachment.content_type, headers=MEDIA_HEADERS)


@signed_in_only
async def map_page(request: Request, viewer: Viewer) -> Response:
    """Reports of a period by place, the residents' pins, the patrol notes, and the hotspot grid."""
    period = request.query_params.get("periode", "28")
    period = period if period in PERIODS else "28"
    since = _since(viewer, period)
    assert since is not None
    data = await map_data(viewer.office, viewer.lang, viewer.stations, since)
    categories = labels(viewer.lang, "category")
    settings = request.app.state.settings
    points = {
        "centre": data.centre, "tiles": settings.map_tile_url, "attribution": settings.map_tile_attribution,
        "places": [{"code": p.code, "name": p.name, "lat": p.latitude, "lon": p.longitude, "total": p.total,
                    "pinned": p.pinned, "top": p.by_category.most_common(1)[0][0],
                    "counts": {categories[k]: n for k, n in p.by_category.most_common()}} for p in data.places],
        "pins": [{"lat": lat, "lon": lon, "category": c, "ref": ref} for lat, lon, c, ref in data.pins],
        "notes": [{"lat": lat, "lon": lon, "place": place, "met": met} for lat, lon, place, met in data.notes],
        "colours": CATEGORY_COLOURS,
        "words": {"reports": t(viewer.lang, "web.map.reports"), "met": t(viewer.lang, "web.map.met")},
    }
    return page(request, "map.html", viewer.lang, {
        "viewer": viewer, "points": points, "grid": data.grid, "period": period, "periods": list(PERIODS),
        "bands": [name for name, _hours in BANDS],
        "colours": CATEGORY_COLOURS, "categories": categories})


@signed_in_only
async def patrol_page(request: Request, viewer: Viewer) -> Response:
    return await _patrol_page(request, viewer)


async def _patrol_page(request: Request, viewer: Viewer,
                       refused: tuple[dict[str, str], Said] | None = None) -> Response:
    """The patrol page: a refused form's values filled in again, and its problems, from its flash, else `refused`
    when answered in place."""
    period = request.query_params.get("periode", "7")
    period = period if period in PERIODS else "7"
    since = _since(viewer, period)
    assert since is not None
    notes = await patrol_log(viewer.office.db, viewer.stations, since, viewer.office.now)
    flash = request.state.flash
    form, problems = (refused[0], [t(viewer.lang, key, **params) for key, params in refused[1]]) if refused \
        else (flash.kept.get("form", {}), flash.said if flash.refused else [])
    return page(request, "patrol.html", viewer.lang, {
        "viewer": viewer, "notes": notes, "period": period, "periods": list(PERIODS), "form": form,
        "problems": problems, "said": [] if flash.refused else flash.said, "rows": range(1, CONCERN_ROWS + 1),
        "places": await places_of(viewer.office, viewer.lang, [viewer.station]), "as_typed": AS_TYPED},
        status_code=400 if refused else 200)


@signed_in_only
async def patrol_post(request: Request, viewer: Viewer) -> Response:
    """A patrol note from the form: the chat's PATROLI rules, and its reports made the same way. Refused, the
    patrol page is fetched anew with the form filled in as it was sent, and what to change."""
    form = {key: value for key, value in request.state.form.items() if key != "csrf"}
    read = await _read_patrol_form(viewer, form)
    if isinstance(read, list):  # what to change: asked with the form as it was sent
        return after_form(request, "/patroli", read, refused=True, kept={"form": form}) \
            or await _patrol_page(request, viewer, (form, read))
    found, met, concerns = read
    _note, made = await patrol.record(viewer.office, viewer.officer, viewer.lang, form.get("tempat", "").strip(),
                                      found, met, concerns, form.get("tindak_lanjut") == "1")
    answer = after_form(request, "/patroli", [("web.patrol.saved", {"count": len(made)}) if made
                                              else ("web.patrol.saved_no_concerns", {})])
    assert answer is not None, "a count fits a cookie"
    return answer


async def _read_patrol_form(viewer: Viewer, form: dict[str, str]) \
        -> Said | tuple[PlaceCandidate | None, int, list[tuple[Category, str]]]:
    """What is wrong with a patrol form, as catalogue keys and params; else its place, residents met and concerns."""
    lang, problems = viewer.lang, []
    place_text = form.get("tempat", "").strip()
    if (problem := patrol.place_problem(place_text)) is not None:
        problems.append(("patrol.place_invalid", problem))
    met = patrol.met_count(form.get("warga", ""))
    if met is None:
        problems.append(("patrol.met_invalid", {"most": patrol.MOST_MET}))
    concerns = []
    for row in range(1, CONCERN_ROWS + 1):
        text, category = form.get(f"keluhan_{row}", "").strip(), form.get(f"kategori_{row}", "")
        if not text:
            continue
        if (problem := patrol.concern_problem(text)) is not None:
            problems.append(("patrol.concern_invalid", problem))
        elif category and category not in Category._value2member_map_:
            problems.append(("web.patrol.pick_category", {}))
        else:  # none picked: the kind the words name, as the chat reads it, else "other"
            concerns.append((Category(category or category_named(text) or Category.OTHER), text))
    if not concerns and not problems and form.get("tanpa_keluhan") != "1":  # none raised is said, not left blank
        problems.append(("web.patrol.no_concern", {}))
    if problems or met is None:
        return problems
    code = form.get("kelurahan", "")
    own_places = {c for c, _name in await places_of(viewer.office, lang, [viewer.station])}
    found = viewer.office.router.place(code) if code in own_places else None
    if found is None and code != AS_TYPED:
        # a place named plainly, or else the one kelurahan of the station's own that the words spell; anything
        # less sure is asked, so that a patrol is neither put on a guess nor left off the map unsaid
        router = viewer.office.router
        candidates, confident = await router.read(viewer.office.db, place_text)
        inside = [c for c in router.within(place_text, await areas_of(viewer.office.db, viewer.station))
                  if c.code in own_places]
        found = candidates[0] if confident else inside[0] if len(inside) == 1 else None
        if found is not None and found.village is None and own_places:
            found = None  # "pos kamling rt 2 sananwetan": the kecamatan alone puts the patrol on no kelurahan's map
        if found is None:
            return [("web.patrol.village_unknown", {"typed": place_text})]
    return found, met, concerns


async def switch_language(request: Request) -> Response:
    """GET /bahasa/{lang}: the page's language, kept in a cookie; back to the page it was picked on."""
    lang = request.path_params["lang"]
    back = request.query_params.get("ke", "/")
    if not back.startswith("/") or back.startswith("//") or "\\" in back:
        back = "/"  # only a page of this site: never a way to send someone elsewhere
    response = RedirectResponse(back, status_code=303)
    if lang in LANGUAGES:
        response.set_cookie(LANGUAGE_COOKIE, lang, max_age=365 * 24 * 3600, secure=secure(request), samesite="lax",
                            httponly=True, path="/")
    return response
