"""The station's web page in a real browser: Debian's chromium, headless, driven by Playwright (never a
browser Playwright downloads). An officer signs in through the chat's link and uses each page at a
phone's width; screenshots of each page at phone and desktop width go to SCREENSHOTS_DIR."""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from handlers.engine import Engine
from handlers.i18n import labels
from harness.loopback import LoopbackServer
from storage import sample_reports
from storage.models import EventKind, Identity, Officer, OfficerRole, Outbox, Report, ReportEvent, Station, utcnow
from tests.helpers import BASE_URL, GEDOG, a_report, enrolled, payload, regions, sign_in_link, web_app

CHROMIUM = shutil.which("chromium")
pytestmark = [pytest.mark.slow, pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's chromium is not installed: `make chromium` (scripts/chromium.sh) installs it")]
playwright = pytest.importorskip("playwright.async_api")

# `make screenshots` sets SCREENSHOTS_DIR=docs/screenshots to refresh the README's; otherwise they go aside, so
# that a test run leaves the work tree as it was.
SCREENSHOTS = Path(os.environ.get("SCREENSHOTS_DIR") or tempfile.mkdtemp(prefix="lapor-screenshots-"))
PHONE, DESKTOP = {"width": 360, "height": 780}, {"width": 1366, "height": 768}
PHONE_390 = {"width": 390, "height": 844}
# What headless chromium needs as root on a machine without a display or GPU, and what keeps it from
# calling out on its own.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def closed_port() -> int:
    """A port nothing listens on: the tile server the network cannot reach."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
async def site(engine: Engine, tmp_path: Path) -> AsyncIterator[str]:
    """The page served by uvicorn on 127.0.0.1, its tiles pointed at a port nothing answers on."""
    app = web_app(engine, tmp_path, map_tile_url=f"http://127.0.0.1:{closed_port()}/{{z}}/{{x}}/{{y}}.png")
    server = LoopbackServer(app)
    await server.start()
    url = f"http://127.0.0.1:{server.port}"
    app.state.settings.public_base_url = engine.web_url = url
    try:
        yield url
    finally:
        await server.stop()


async def fits(page: Any, name: str) -> None:
    """The page is no wider than the screen: nothing on it is reached by scrolling sideways."""
    width, screen = await page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    wide = await page.evaluate("""limit => [...document.querySelectorAll("body *")]
        .filter(e => e.getBoundingClientRect().right > limit).slice(0, 5).map(e => e.tagName + "." + e.className)""",
                               screen + 1)
    assert width <= screen, f"the {name} page is {width} px wide on a {screen} px screen: {wide}"


async def grid_fits(page: Any) -> None:
    """The hotspot grid, whose box would scroll sideways, is no wider than its box: a row is read whole."""
    right, inside, wide = await page.locator("table.hotspots").evaluate(
        "table => [table.getBoundingClientRect().right, table.parentElement.clientWidth,"
        " table.parentElement.scrollWidth]")
    screen = await page.evaluate("window.innerWidth")
    assert right <= screen and wide <= inside, f"the grid is {wide} px in a box of {inside} px on a {screen} px screen"


async def controls_cover_no_label(page: Any) -> None:
    """The map's layer switch and zoom buttons and the places' names are side by side, none over another."""
    names = page.locator("#map .place-label")
    assert await names.count()
    for control in (page.get_by_role("group", name="Tampilkan di peta"),
                    page.locator(".leaflet-control-zoom, #map-zoom")):
        box = await control.bounding_box()
        assert box is not None, control
        for label in await names.all():
            name = await label.bounding_box()
            apart = name["x"] >= box["x"] + box["width"] or box["x"] >= name["x"] + name["width"] \
                or name["y"] >= box["y"] + box["height"] or box["y"] >= name["y"] + name["height"]
            assert apart, f"{control} at {box} covers {await label.inner_text()} at {name}"


async def reports_read_whole(page: Any) -> None:
    """Each report's number, when it came in, category, status and place (its row's cells 1, 2, 3, 4 and 6) are on
    the screen, none scrolled off to the side, and the number is on one line: broken at its hyphens it reads as
    three."""
    unread = await page.locator("main table tbody tr").evaluate_all("""rows => rows.map(row => {
        const ref = row.querySelector("td:nth-child(1) a");
        const off = [1, 2, 3, 4, 6].map(n => row.querySelector(`td:nth-child(${n})`)).filter(cell => {
            const box = cell.getBoundingClientRect();
            return box.width === 0 || box.left < 0 || box.right > window.innerWidth; }).map(cell => cell.cellIndex);
        return [ref.textContent, ref.getClientRects().length, off];
    }).filter(([ref, lines, off]) => lines > 1 || off.length)""")
    assert not unread, f"reports split or off the screen (number, its lines, the cells off): {unread[:3]}"
    wide, inside = await page.locator("main .table-wrap").evaluate("box => [box.scrollWidth, box.clientWidth]")
    assert wide <= inside, f"the reports scroll sideways: {wide} px in a box of {inside} px"


async def priorities_read_whole(page: Any) -> None:
    """Each patrol priority begins with its place, and neither the place nor any kind of report with its count is
    broken over two lines."""
    kinds = list(labels("id", "category").values())
    broken = await page.locator("section", has=page.get_by_role("heading", name="Prioritas patroli hari ini")) \
        .locator("ol > li").evaluate_all("""(items, kinds) => items.flatMap(item => {
        const lines = (node, start, end) => {
            const range = document.createRange();
            range.setStart(node, start);
            range.setEnd(node, end);
            return new Set([...range.getClientRects()].map(box => Math.round(box.top))).size;
        };
        const walker = document.createTreeWalker(item, NodeFilter.SHOW_TEXT), texts = [];
        while (walker.nextNode()) { if (walker.currentNode.textContent.trim()) { texts.push(walker.currentNode); } }
        const first = texts[0], place = first.textContent.match(/^\\s*(Kel\\. [^·]+?)\\s*(·|$)/);
        const found = place ? (lines(first, place.index, place.index + place[0].trimEnd().length) > 1
                               ? [`${place[1]} split`] : []) : [`${first.textContent} first`];
        texts.forEach(node => kinds.forEach(kind => {
            const at = node.textContent.indexOf(kind);
            if (at < 0) { return; }
            const count = node.textContent.slice(at + kind.length).match(/^ \\d+/);
            if (lines(node, at, at + kind.length + (count ? count[0].length : 0)) > 1) { found.push(`${kind} split`); }
        }));
        return found;
    })""", kinds)
    assert not broken, f"patrol priorities hard to read on a phone: {broken}"


async def tables_keep_their_roles(page: Any, table: str) -> None:
    """A table whose parts CSS shows as something else (a phone's cards and grids) says their roles outright, which
    some screen readers otherwise drop, and chromium's accessibility tree reads it as a table of rows and cells."""
    unsaid = await page.evaluate("""() => {
        const parts = {TABLE: ["table", "table"], THEAD: ["table-header-group", "rowgroup"],
                       TBODY: ["table-row-group", "rowgroup"], TR: ["table-row", "row"], TD: ["table-cell", "cell"],
                       TH: ["table-cell", null]};
        return [...document.querySelectorAll("main table, main table *")].filter(part => parts[part.tagName])
            .filter(part => {
                const [display, role] = parts[part.tagName];
                const wanted = role || (part.scope === "row" ? "rowheader" : "columnheader");
                return getComputedStyle(part).display !== display && part.getAttribute("role") !== wanted;
            }).slice(0, 5).map(part => `${part.tagName} ${part.textContent.trim().slice(0, 40)}`);
    }""")
    assert not unsaid, f"table parts shown otherwise and not said to be what they are: {unsaid}"
    browser = await page.context.new_cdp_session(page)
    root = (await browser.send("DOM.getDocument"))["root"]["nodeId"]
    read = []
    for part in (table, f"{table} tbody tr", f"{table} tbody td"):
        node = (await browser.send("DOM.querySelector", {"nodeId": root, "selector": part}))["nodeId"]
        tree = await browser.send("Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False})
        read.append(tree["nodes"][0]["role"]["value"])
    assert read == ["table", "row", "cell"], f"{table} is read as {read}"


async def phone_shot(page: Any, name: str) -> None:
    """The page fits a phone's width (a wide table scrolls in its own box), and its screenshot."""
    width = await page.evaluate("document.documentElement.scrollWidth")
    wide = await page.evaluate("""limit => [...document.querySelectorAll("body *")]
        .filter(e => e.getBoundingClientRect().right > limit).slice(0, 5).map(e => e.tagName + "." + e.className)""",
                               PHONE["width"] + 1)
    assert width <= PHONE["width"], f"the {name} page is {width} px wide at {PHONE['width']} px: {wide}"
    await page.screenshot(path=SCREENSHOTS / f"{name}-phone.png", full_page=True)


async def sample_month(engine: Engine) -> None:
    async with engine.sessions() as db, db.begin():
        station = (await db.execute(select(Station).where(Station.code == "POLSEK-SANANWETAN"))).scalar_one()
        await sample_reports.generate(db, regions(), station, days=28, per_day=12, now=utcnow())


async def test_a_head_signs_in_from_the_chat_and_uses_every_page(engine: Engine, site: str) -> None:
    await sample_month(engine)
    ref = await a_report(engine)
    head = await enrolled(engine, "telegram:710001", role=OfficerRole.HEAD)
    link = (await sign_in_link(head)).replace(BASE_URL, site)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    async with playwright.async_playwright() as driver:
        browser = await driver.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        phone = await browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
        page = await phone.new_page()
        elsewhere: list[str] = []
        page.on("request", lambda request: elsewhere.append(request.url) if not request.url.startswith(site) else None)

        await page.goto(link)
        await page.get_by_role("button", name="Masuk").click()
        await page.wait_for_url(f"{site}/")
        await page.get_by_role("heading", level=1).wait_for()
        assert "Polsek Sananwetan" in await page.locator(".brand").inner_text()
        flagged = [bool(c) for c in await page.locator("section:nth-of-type(2) ul.list > li").evaluate_all(
            "items => items.map(item => item.className)")]
        assert len(flagged) == 10 and flagged == sorted(flagged, reverse=True), "urgent and escalated come first"
        await phone_shot(page, "home")

        await page.get_by_role("link", name="Laporan", exact=True).click()
        await page.get_by_label("Kategori").select_option("security")
        await page.get_by_label("Cari (nomor laporan atau isi)").fill("tetangga")
        await page.get_by_role("button", name="Terapkan").click()
        await page.wait_for_url("**/laporan?*")
        rows = page.locator("tbody tr")
        assert await rows.count() == 1 and ref in await rows.first.inner_text()
        await reports_read_whole(page)
        await phone_shot(page, "reports")

        await page.get_by_role("link", name=ref).click()
        await page.get_by_label("Catatan penyelesaian (dikirim ke pelapor)").fill("Motor sudah ditemukan di Gedog")
        await page.get_by_role("button", name="Selesai").click()
        await page.get_by_text("Pesan untuk pelapor dikirim lewat bot").wait_for()
        assert page.url == f"{site}/laporan/{ref}", "the action's answer is the report's page, fetched anew"
        relays = page.locator("section", has=page.get_by_role("heading", name="Kabar yang dikirim ke pelapor"))
        assert "Motor sudah ditemukan di Gedog" in await relays.inner_text(), "the relay shows on the page"
        await phone_shot(page, "report")
        await page.get_by_label("Catatan petugas", exact=False).fill("👍")
        await page.get_by_role("button", name="Simpan catatan").click()
        refused = page.get_by_text("minimal 3 huruf/angka")
        await refused.wait_for()
        resent: list[str] = []
        page.on("request", lambda request: resent.append(request.method))
        await page.reload()  # a refused form too: a reload fetches its page, and sends nothing again
        await page.get_by_role("heading", level=1).wait_for()
        assert resent and "POST" not in resent and not await refused.count(), (resent, "refused, told once")
        await page.get_by_label("Catatan petugas", exact=False).fill("Motor diambil pemiliknya")
        await page.get_by_role("button", name="Simpan catatan").click()
        await page.get_by_text("Catatan disimpan di riwayat").wait_for()
        sent: list[str] = []
        page.on("request", lambda request: sent.append(request.method))
        await page.reload()  # no "confirm form resubmission": a reload fetches the page
        await page.go_back()  # the page before the note, fetched as it is now
        assert "Motor diambil pemiliknya" in await page.locator("main").inner_text()
        assert sent and "POST" not in sent, sent
        assert not await page.get_by_text("Catatan disimpan di riwayat").count(), "what was done is told once"
        async with engine.sessions() as db:
            report = (await db.execute(select(Report).where(Report.ref == ref))).scalar_one()
            relay = (await db.execute(select(Outbox).where(Outbox.report_id == report.id,
                                                           Outbox.kind == "status_update"))).scalars().all()
            notes = (await db.execute(select(ReportEvent).where(ReportEvent.report_id == report.id,
                                                                ReportEvent.kind == EventKind.NOTE))).scalars().all()
        assert report.status.value == "resolved" and len(notes) == 1
        assert len(relay) == 1 and "Motor sudah ditemukan di Gedog" in payload(relay[0])["text"], "told, once"

        await page.goto(f"{site}/peta")
        await page.locator("#map .leaflet-interactive").first.wait_for()
        assert await page.locator("#map path.leaflet-interactive").count() >= 3, "places drawn without tiles"
        assert "Kel. Gedog" in await page.locator("#map").inner_text(), "their names stay readable"
        places = page.get_by_role("checkbox", name="Laporan per tempat")
        await places.uncheck()
        await page.locator("#map .place-label").first.wait_for(state="detached")  # a layer switched off
        await places.check()
        await page.locator("#map .place-label").first.wait_for()  # and on again
        assert await page.locator("table.hotspots tbody tr").count() >= 3
        await grid_fits(page)
        await phone_shot(page, "map")

        await page.goto(f"{site}/patroli")
        await page.get_by_label("Tempat (seperti ditulis)").fill("Pos ronda RW 3 Gedog")
        await page.get_by_label("Jumlah warga yang ditemui").fill("15")
        await page.get_by_label("Kategori keluhan 1").select_option("traffic")
        await page.get_by_label("Keluhan 1", exact=True).fill("Balap liar tiap malam Minggu di jalan desa")
        await page.get_by_role("button", name="Simpan catatan patroli").click()
        await page.get_by_text("Patroli dialogis tercatat; 1 keluhan dicatat sebagai laporan.").wait_for()
        assert "Pos ronda RW 3" in await page.locator("main").inner_text()
        await phone_shot(page, "patrol")

        tiles = [url for url in elsewhere if not url.startswith("http://127.0.0.1:")]
        assert not tiles, f"nothing but Lapor and the tile server is asked for: {tiles}"

        desktop = await browser.new_context(viewport=DESKTOP, storage_state=await phone.storage_state())
        wide = await desktop.new_page()
        for name, path in (("home", "/"), ("reports", "/laporan?periode=28"), ("report", f"/laporan/{ref}"),
                           ("map", "/peta"), ("patrol", "/patroli")):
            await wide.goto(site + path)
            if name == "map":
                await wide.locator("#map .leaflet-interactive").first.wait_for()
                await controls_cover_no_label(wide)
            await wide.screenshot(path=SCREENSHOTS / f"{name}-desktop.png", full_page=True)
        await browser.close()


async def test_every_page_fits_a_phone_without_scrolling_sideways(engine: Engine, site: str) -> None:
    """At a common phone's 390 px each page, the hotspot grid among them, fits the screen's width: an officer on
    patrol reads a whole row of the grid, and a head each report of the table, without scrolling sideways."""
    await sample_month(engine)
    ref = await a_report(engine)
    head = await enrolled(engine, "telegram:710003", role=OfficerRole.HEAD)
    link = (await sign_in_link(head)).replace(BASE_URL, site)
    async with playwright.async_playwright() as driver:
        browser = await driver.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        phone = await browser.new_context(viewport=PHONE_390, device_scale_factor=2, is_mobile=True, has_touch=True)
        page = await phone.new_page()
        for name, path in (("sign-in", link), ("home", "/"), ("reports", "/laporan?periode=28"),
                           ("report", f"/laporan/{ref}"), ("not-found", "/laporan/LPR-TIDAK-ADA"), ("map", "/peta"),
                           ("patrol", "/patroli")):
            await page.goto(path if path.startswith("http") else site + path)
            if name == "sign-in":
                await fits(page, name)
                await page.get_by_role("button", name="Masuk").click()
                await page.wait_for_url(f"{site}/")
                continue
            if name == "map":
                await page.locator("#map .leaflet-interactive").first.wait_for()
                await grid_fits(page)
                await tables_keep_their_roles(page, "table.hotspots")
            if name == "reports":
                await reports_read_whole(page)
                await tables_keep_their_roles(page, "main table")
            if name == "home":
                await priorities_read_whole(page)
            await fits(page, name)
        await page.get_by_role("button", name="Keluar").click()
        await page.goto(site + "/laporan")
        await fits(page, "signed-out")
        await browser.close()


async def test_another_stations_report_is_not_found_in_the_browser(engine: Engine, site: str) -> None:
    ref = await a_report(engine)
    other = await enrolled(engine, "telegram:710002", station="POLSEK-SEKAR")
    async with playwright.async_playwright() as driver:
        browser = await driver.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = await browser.new_page(viewport=PHONE)
        await page.goto((await sign_in_link(other)).replace(BASE_URL, site))
        await page.get_by_role("button", name="Masuk").click()
        await page.wait_for_url(f"{site}/")
        answer = await page.goto(f"{site}/laporan/{ref}")
        assert answer is not None and answer.status == 404
        assert f"Laporan {ref} tidak ditemukan di kantor Anda." in await page.locator("h1").inner_text()
        await browser.close()


async def test_the_maps_controls_cover_no_place_name(engine: Engine, site: str) -> None:
    """A place at the north-west corner of the reports' spread, where the map puts its controls, keeps its name
    readable on a desktop and a phone, and the zoom buttons zoom."""
    gedog, plosokerep = await a_report(engine, identity="1"), await a_report(engine)
    async with engine.sessions() as db, db.begin():
        for ref, village, latitude, longitude in ((gedog, GEDOG, -8.085, 112.150),
                                                  (plosokerep, "35.72.03.1002", -8.115, 112.190)):
            report = (await db.execute(select(Report).where(Report.ref == ref))).scalar_one()
            report.identity, report.village_code = Identity.NAMED, village  # a pin is drawn for a named report
            report.latitude, report.longitude = latitude, longitude
    head = await enrolled(engine, "telegram:710004", role=OfficerRole.HEAD)
    link = (await sign_in_link(head)).replace(BASE_URL, site)
    async with playwright.async_playwright() as driver:
        browser = await driver.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        signing = await browser.new_page()
        await signing.goto(link)
        await signing.get_by_role("button", name="Masuk").click()
        await signing.wait_for_url(f"{site}/")
        for screen in (DESKTOP, PHONE_390):
            context = await browser.new_context(viewport=screen, storage_state=await signing.context.storage_state())
            page = await context.new_page()
            await page.goto(f"{site}/peta")
            await page.locator("#map .place-label").nth(1).wait_for()
            await controls_cover_no_label(page)
            zoomed = page.locator("#map .leaflet-proxy")
            before = await zoomed.get_attribute("style")
            await page.get_by_role("button", name="Perbesar peta").click()
            await page.wait_for_function("style => document.querySelector('#map .leaflet-proxy').style.cssText"
                                         " !== style", arg=before)
            await context.close()
        await browser.close()


async def test_two_officers_on_one_report_the_second_reads_who_took_it(engine: Engine, site: str) -> None:
    """Both have the report's page open; one takes it, then the other's Terima, made moot, says who took it, the
    status now and what is left, and the page offers just that."""
    ref = await a_report(engine)
    first = await enrolled(engine, "telegram:710003")
    async with engine.sessions() as db, db.begin():
        (await db.execute(select(Officer).order_by(Officer.id.desc()))).scalars().first().name = "Aiptu Rina"
    second = await enrolled(engine, "telegram:710004")
    async with playwright.async_playwright() as driver:
        browser = await driver.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        pages = []
        for officer in (first, second):
            page = await (await browser.new_context(viewport=PHONE)).new_page()
            await page.goto((await sign_in_link(officer)).replace(BASE_URL, site))
            await page.get_by_role("button", name="Masuk").click()
            await page.wait_for_url(f"{site}/")
            await page.goto(f"{site}/laporan/{ref}")
            pages.append(page)
        await pages[0].get_by_role("button", name="Terima", exact=True).click()
        await pages[0].get_by_text(f"Laporan {ref} ditandai sudah dibaca").wait_for()
        await pages[1].get_by_role("button", name="Terima", exact=True).click()
        told = pages[1].get_by_text("Aiptu Rina sudah lebih dulu menindak laporan ini")
        await told.wait_for()
        said = await told.inner_text()
        assert "Sudah dibaca petugas" in said and "Yang masih dapat Anda lakukan di bawah: Proses" in said, said
        assert not await pages[1].get_by_role("button", name="Terima", exact=True).count(), "not offered again"
        await fits(pages[1], "report, moot")
        await browser.close()
