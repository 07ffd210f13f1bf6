"""The station head's daily digest: what came in during the 24 hours before the digest time, what is
still open or overdue, the patrol notes, a 7-day trend, and where the day's *patroli dialogis*
should go. Composed here from data, channel-agnostic; each channel renders it (Telegram adds the
chart picture, WhatsApp outside its window sends the template summary)."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from handlers.alerts import story_start
from handlers.i18n import format_clock, format_time, labels, t
from handlers.office import Office
from handlers.routing import place_label
from storage import digests
from storage.digests import Count
from storage.models import Category, Officer, OfficerRole, OutboxKind, PatrolNote, ReportStatus, Station
from storage.officers import station_heads
from storage.outbox import enqueue

# Each category's colour, the same on the digest's picture and the web page's map and grid (style.css's c-* classes
# hold them for the page's legend).
CATEGORY_COLOURS = {"security": "#b03a2e", "unsafe_place": "#7d3c98", "traffic": "#8a5a00", "social": "#1f618d",
                    "drugs": "#1e8449", "other": "#566573", "emergency": "#17202a"}

WINDOW = dt.timedelta(hours=24)
TREND_DAYS = 7
HOTSPOT_DAYS = 28
HOTSPOTS = 3
NAMED_OVERDUE = 10
NAMED_PATROLS = 5  # the day's patrols told one by one; more are in the count above them
TOP_PLACES = 5
CATCH_UP = dt.timedelta(hours=24)  # by default a digest missed while the service was down is sent this late
# Local hours of each time band: four hours each, narrow enough to say when a patrol should be there.
BANDS = (("dini", range(0, 4)), ("subuh", range(4, 8)), ("pagi", range(8, 12)), ("siang", range(12, 16)),
         ("sore", range(16, 20)), ("malam", range(20, 24)))


class NotDue(Exception):
    """The digest's time has not come yet: its 24 hours are not over."""


@dataclass(frozen=True)
class Digest:
    text: str
    summary: str  # one line: the template variable outside WhatsApp's 24-hour window
    chart: dict[str, Any]  # the 7-day counts by category, for the picture; empty when there is nothing to draw
    reports: int


@dataclass(frozen=True)
class Hotspot:
    place_code: str
    band: str
    categories: tuple[tuple[Category, int], ...]  # what was reported there then, the most first
    total: int
    recent: int
    still_open: int
    urgent: int
    witnesses: int

    @property
    def score(self) -> int:
        # Recent reports count twice, open or urgent ones once more, and each resident who joined a report
        # as a witness once: where to be on the day's patrol.
        return self.total + self.recent + self.still_open + self.urgent + self.witnesses


def band_of(local_hour: int) -> str:
    return next(name for name, hours in BANDS if local_hour in hours)


def digest_moment(station: Station, local_date: dt.date) -> dt.datetime:
    """When the station's digest for `local_date` is due, in UTC."""
    hour, minute = (int(part) for part in station.digest_time.split(":"))
    local = dt.datetime.combine(local_date, dt.time(hour, minute), ZoneInfo(station.timezone))
    return local.astimezone(dt.UTC)


def latest_due_date(station: Station, now: dt.datetime) -> dt.date:
    """The date of the newest digest whose time has come."""
    today = now.astimezone(ZoneInfo(station.timezone)).date()
    return today if digest_moment(station, today) <= now else today - dt.timedelta(days=1)


def hotspots(counts: list[Count], zone: ZoneInfo, recent_since: dt.datetime) -> list[Hotspot]:
    """Places × time bands, ranked by score; ties by count, then code, so the order is stable. A patrol goes to a
    place at a time whatever was reported there: its kinds are one line, the most reported first."""
    grouped: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    kinds: dict[tuple[str, str], Counter[Category]] = defaultdict(Counter)
    for count in counts:
        if count.place_code is None:
            continue
        key = (count.place_code, band_of(count.hour_of_day(zone)))
        grouped[key].update(total=count.total, still_open=count.still_open,
                            recent=count.total if count.hour >= recent_since else 0,
                            urgent=count.total if count.urgent else 0, witnesses=count.witnesses)
        kinds[key][count.category] += count.total
    spots = [Hotspot(place, band, tuple(sorted(kinds[place, band].items(), key=lambda kind: (-kind[1], kind[0].value))),
                     c["total"], c["recent"], c["still_open"], c["urgent"], c["witnesses"])
             for (place, band), c in grouped.items()]
    return sorted(spots, key=lambda s: (-s.score, -s.total, s.place_code, s.band))


def kinds_text(lang: str, spot: Hotspot) -> str:
    """"Narkoba", or "Narkoba 2, Gangguan keamanan & kriminalitas 1" where more than one kind was reported."""
    return ", ".join(kinds_of(lang, spot))


def kinds_of(lang: str, spot: Hotspot) -> list[str]:
    """["Narkoba"], or ["Narkoba 2", "Gangguan keamanan & kriminalitas 1"] where more than one kind was reported:
    each kind with its count, for a page that keeps each on one line."""
    categories = labels(lang, "category")
    if len(spot.categories) == 1:
        return [categories[spot.categories[0][0].value]]
    return [f"{categories[category.value]} {n}" for category, n in spot.categories]


@dataclass(frozen=True)
class Facts:
    """What a station's digest says, before it is put in words: the chat's digest and the web page's home
    both read it, so that they never disagree."""

    station: Station
    stations: list[Station]  # the station and, for a Polres, its Polsek
    local_date: dt.date
    end: dt.datetime
    recent: list[Count]  # the HOTSPOT_DAYS before `end`
    today: list[Count]  # the WINDOW before `end`
    totals: dict[str, int]  # open, unacknowledged, overdue
    attention: list[digests.OpenReport]  # open ones to name: urgent and escalated first, then the oldest
    notes: list[PatrolNote]
    failed: list[tuple[str, str, str | None]]

    @property
    def came_in(self) -> int:
        return sum(c.total for c in self.today)

    def trend(self, days: int = TREND_DAYS) -> dict[Category, list[int]]:
        return _trend(self.recent, self.end, days)

    def trend_days(self, days: int = TREND_DAYS) -> list[dt.date]:
        return [self.local_date - dt.timedelta(days=back) for back in range(days - 1, -1, -1)]

    def hotspots(self) -> list[Hotspot]:
        return hotspots(self.recent, ZoneInfo(self.station.timezone), self.end - dt.timedelta(days=TREND_DAYS))


async def gather(office: Office, station: Station, local_date: dt.date, until: dt.datetime | None = None) -> Facts:
    """The digest's facts for `local_date`, to its hour or `until`; open and overdue are what they are at
    `office.now`."""
    end = until or digest_moment(station, local_date)
    stations = await digests.family(office.db, station)
    ids = [s.id for s in stations]
    recent = await digests.counts(office.db, ids, end - dt.timedelta(days=HOTSPOT_DAYS), end)
    totals, attention = await digests.open_reports(office.db, ids, office.now, NAMED_OVERDUE)
    return Facts(station, stations, local_date, end, recent, [c for c in recent if c.hour >= end - WINDOW],
                 totals, attention, await digests.patrol_notes(office.db, ids, end - WINDOW, end),
                 await digests.failed_messages(office.db, ids, end - WINDOW, end))


def open_for(lang: str, age: dt.timedelta) -> str:
    """"terbuka 3 hari", and under a day its hours ("terbuka 5 jam"), not "0 hari" for each of the day's reports."""
    if age < dt.timedelta(hours=1):
        return t(lang, "digest.just_in")
    if age < dt.timedelta(days=1):
        return t(lang, "digest.hours_open", hours=int(age.total_seconds() // 3600))
    return t(lang, "digest.days_open", days=age.days)


def open_status(lang: str, status: ReportStatus) -> str:
    """How far an open report has come, short for a list: "belum dibaca", "ditindaklanjuti"."""
    return t(lang, f"digest.open_status.{status.value}")


def attention_line(office: Office, lang: str, report: digests.OpenReport) -> str:
    """`🚨 LP-… · Narkoba · Kel. Gedog · Diterima · terbuka 3 hari · 👥 3 warga`: what needs an officer first,
    where, and how far it has come."""
    flags = ("🚨 " if report.urgent else "") + ("⏰ " if report.escalated else "")
    return t(lang, "digest.attention_line", flags=flags, ref=report.ref,
             category=labels(lang, "category")[report.category.value],
             status=open_status(lang, report.status),
             place=place_name(office, lang, report.place_code) if report.place_code else "-",
             days=open_for(lang, office.now - report.created_at),
             residents=t(lang, "digest.residents", residents=report.residents) if report.residents > 1 else "",
             sample=t(lang, "digest.sample") if report.sample else "")


async def compose(office: Office, station: Station, local_date: dt.date, lang: str, web_url: str = "",
                  until: dt.datetime | None = None) -> Digest:
    facts = await gather(office, station, local_date, until)
    end, stations, today, totals, notes, failed = (facts.end, facts.stations, facts.today, facts.totals,
                                                   facts.notes, facts.failed)
    categories = labels(lang, "category")
    came_in = facts.came_in
    sections = [t(lang, "digest.header", station=station.name, date=_date(lang, local_date),
                  time=format_clock(end, station.timezone))]
    if came_in:
        by_category = Counter[Category]()
        by_place = Counter[str]()
        for c in today:
            by_category[c.category] += c.total
            if c.place_code:
                by_place[c.place_code] += c.total
        places = [f"{place_name(office, lang, code)} {n}" for code, n in by_place.most_common(TOP_PLACES)]
        sections.append(t(lang, "digest.came_in", total=came_in, urgent=sum(c.total for c in today if c.urgent),
                          categories=", ".join(f"{categories[k.value]} {n}" for k, n in by_category.most_common()),
                          places=_and_more(lang, places, len(by_place), more="digest.and_more_places") or "-"))
    else:
        sections.append(t(lang, "digest.no_reports"))
    if len(stations) > 1:
        per_station = Counter[int]()
        for c in today:
            per_station[c.station_id] += c.total
        own, polsek = stations[0], stations[1:]
        shown = polsek + ([own] if per_station[own.id] else [])  # a Polres's own line only when it took reports
        sections.append(t(lang, "digest.roll_up", lines="\n".join(f"• {s.name}: {per_station[s.id]}" for s in shown)))
    lines = [attention_line(office, lang, r) for r in facts.attention]
    sections.append(t(lang, "digest.open", open=totals["open"], unacknowledged=totals["unacknowledged"],
                      overdue=totals["overdue"], now=format_time(lang, office.now, station.timezone),
                      lines=_and_more(lang, lines, totals["open"], "\n") or t(lang, "digest.none_open")))
    if notes:
        sections.append("\n".join([t(lang, "digest.patrols", notes=len(notes), met=sum(n.residents_met for n in notes),
                                      follow_up=sum(n.follow_up for n in notes)),
                                    *await _patrol_lines(office, lang, notes)]))
    days = facts.trend_days()
    trend = facts.trend()
    sections.append(t(lang, "digest.trend", days=" · ".join(
        f"{_date(lang, day, short=True)} {sum(series[i] for series in trend.values())}" for i, day in enumerate(days))))
    spots = facts.hotspots()[:HOTSPOTS]
    sections.append(t(lang, "digest.hotspots", lines="\n".join(
        t(lang, "digest.hotspot", number=n, place=place_name(office, lang, s.place_code),
          band=t(lang, f"digest.band.{s.band}"), category=kinds_text(lang, s), total=s.total,
          days=HOTSPOT_DAYS, recent=s.recent, still_open=s.still_open,
          witnesses=t(lang, "digest.hotspot_witnesses", count=s.witnesses) if s.witnesses else "")
        for n, s in enumerate(spots, 1)) or t(lang, "digest.no_hotspots")))
    if failed:
        refs = sorted({ref for ref, _kind, _error in failed})
        sections.append(t(lang, "digest.failed", count=len(failed),
                          refs=_and_more(lang, refs[:NAMED_OVERDUE], len(refs))))
    if web_url:
        sections.append(t(lang, "digest.web_link", url=web_url))
    summary = t(lang, "digest.summary", station=station.name, date=_date(lang, local_date), total=came_in,
                open=totals["open"], overdue=totals["overdue"])
    drawn = [k for k, v in trend.items() if any(v)]
    grid = hotspot_grid(office, lang, facts)
    # A picture of empty bars over no grid says nothing the text's trend line does not: none is sent.
    chart = {"title": t(lang, "digest.chart_title", station=station.name),
             "days": [_date(lang, day, short=True) for day in days],
             "series": {categories[k.value]: trend[k] for k in drawn},
             "colours": [CATEGORY_COLOURS[k.value] for k in drawn],
             "grid": grid} if drawn or grid["places"] else {}
    return Digest("\n\n".join(sections), summary, chart, came_in)


_CONCERN_CHARS = 40  # of a concern's words in the digest: enough to tell two of one kind apart


async def _patrol_lines(office: Office, lang: str, notes: list[PatrolNote]) -> list[str]:
    """Each patrol of the day: where, who, how many met, the kinds of concern raised, and whether it needs following
    up; what a head reads to plan the next one."""
    concerns = await digests.patrol_concerns(office.db, notes)
    names = await digests.officer_names(office.db, {note.officer_id for note in notes if note.officer_id})
    categories = labels(lang, "category")
    unnamed = t(lang, "officer.history.an_officer")  # enrolled without a name: "petugas", as their history says
    return [t(lang, "digest.patrol_line",
              place=place_name(office, lang, code) if (code := note.village_code or note.district_code)
              else note.place_text, officer=names.get(note.officer_id or 0, unnamed), met=note.residents_met,
              concerns="; ".join(f"{categories[kind.value]} {story_start(words, _CONCERN_CHARS)}"
                                 for kind, words in concerns.get(note.id, []))
              or t(lang, "digest.patrol_no_concerns"),
              follow_up=t(lang, "digest.patrol_follow_up") if note.follow_up else "")
            for note in notes[:NAMED_PATROLS]]


GRID_PLACES = 8  # rows of the digest picture's grid: what a phone screen shows readably


def hotspot_grid(office: Office, lang: str, facts: Facts, places: int = GRID_PLACES) -> dict[str, Any]:
    """Reports of the last HOTSPOT_DAYS by place × time band, the busiest places first: where and when."""
    zone = ZoneInfo(facts.station.timezone)
    cells: dict[str, Counter[str]] = defaultdict(Counter)
    for count in facts.recent:
        if count.place_code:
            cells[count.place_code][band_of(count.hour_of_day(zone))] += count.total
    busiest = sorted(cells, key=lambda code: (-sum(cells[code].values()), code))[:places]
    return {"title": t(lang, "digest.grid_title", days=HOTSPOT_DAYS),
            "bands": [t(lang, f"digest.band.{name}") for name, _hours in BANDS],
            "places": [place_name(office, lang, code) for code in busiest],
            "codes": busiest,
            "counts": [[cells[code][name] for name, _hours in BANDS] for code in busiest]}


def _trend(counts: list[Count], end: dt.datetime, days: int = TREND_DAYS) -> dict[Category, list[int]]:
    """Reports by category in each of the 24-hour periods ending at the digest time of the trend's days
    (the last one is the digest's own), so that every day counts whole days."""
    trend = {category: [0] * days for category in Category}
    for count in counts:
        back = (end - count.hour - dt.timedelta(microseconds=1)) // WINDOW  # digest times are on the hour
        if 0 <= back < days:
            trend[count.category][days - 1 - back] += count.total
    return trend


def _and_more(lang: str, shown: list[str], total: int, separator: str = ", ", more: str = "digest.and_more") -> str:
    """The items shown, and how many more there are ("dan 2 tempat lainnya": places, not reports)."""
    left = total - len(shown)
    return separator.join(shown + ([t(lang, more, count=left)] if left > 0 else []))


def place_name(office: Office, lang: str, code: str) -> str:
    """`Kel. Gedog`: the place's own name, without the kecamatan and kota above it."""
    place = office.router.place(code)
    return place_label(lang, place).split(", ")[0] if place else code


def _date(lang: str, day: dt.date, *, short: bool = False) -> str:
    month = t(lang, "time.months").split()[day.month - 1]
    return f"{day.day} {month}" if short else f"{day.day} {month} {day.year}"


async def send_digest(office: Office, station: Station, local_date: dt.date, *, force: bool = False,
                      web_url: str = "") -> int | None:
    """Queues the digest to each of the station's heads, once per date (again only with `force`); returns
    how many heads it went to (0, and nothing recorded, when it has none), or None when it went already.
    Raises NotDue before the digest's time: its day is not over."""
    if digest_moment(station, local_date) > office.now:
        raise NotDue(f"{station.code} {local_date}")
    heads = await station_heads(office.db, station.id)
    if not heads:
        return 0
    run = await digests.claim_run(office.db, station.id, local_date, office.now, force=force)
    if run is None:
        return None
    composed: dict[str, Digest] = {}
    for officer, contact in heads:
        lang = contact.language or "id"
        if lang not in composed:
            composed[lang] = await compose(office, station, local_date, lang, web_url)
        digest = composed[lang]
        await enqueue(office.db, office.cipher, kind=OutboxKind.DIGEST, contact_id=contact.id,
                      payload={"text": digest.text, "variables": {"1": digest.summary}, "chart": digest.chart},
                      idempotency_key=f"{OutboxKind.DIGEST}:{run.id}:{run.sends}:{officer.id}", at=office.now)
    run.recipients = len(heads)
    return len(heads)


async def due_digests(office: Office, catch_up: dt.timedelta = CATCH_UP) -> list[tuple[Station, dt.date]]:
    """The digests whose time has come and that have not gone yet, oldest first, including those missed
    while the service was down if they are younger than `catch_up`. None of a day whose time came before the
    station had a head: a head enrolled at night would get the day before's, a day that was nobody's to read."""
    stations = list((await office.db.execute(
        select(Station).where(Station.id.in_(
            select(Officer.station_id).where(Officer.role == OfficerRole.HEAD, Officer.active.is_(True))))
        .order_by(Station.id)
    )).scalars())
    candidates = []
    for station in stations:
        first_head = await office.db.scalar(select(func.min(Officer.created_at)).where(
            Officer.station_id == station.id, Officer.role == OfficerRole.HEAD, Officer.active.is_(True)))
        local_date = latest_due_date(station, office.now)
        while office.now - digest_moment(station, local_date) < catch_up \
                and first_head is not None and digest_moment(station, local_date) >= first_head:
            candidates.append((station, local_date))
            local_date -= dt.timedelta(days=1)
    sent_already = await digests.runs_on(office.db, sorted({day for _station, day in candidates}))
    return sorted(((station, day) for station, day in candidates if (station.id, day) not in sent_already),
                  key=lambda due: (due[1], due[0].id))
