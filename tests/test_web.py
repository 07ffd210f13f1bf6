"""The station's web page: signing in from the chat, scoping to the officer's station, the same actions
and relays as the chat, the reports table and its export, the map and the patrol form."""

from __future__ import annotations

import base64
import csv
import datetime as dt
import hashlib
import io
import json
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest
from sqlalchemy import select

from bot import web
from handlers.digest import CATEGORY_COLOURS
from handlers.engine import Engine
from handlers.i18n import t
from storage.models import (
    Category,
    Officer,
    OfficerRole,
    Outbox,
    PatrolNote,
    Report,
    ReportStatus,
    Station,
    WebLink,
    WebSession,
    utcnow,
)
from storage.officers import revoke
from storage.reports import find_ref
from storage.web_sessions import create_link
from tests.helpers import (
    BASE_URL,
    DESCRIPTION,
    PLACE,
    RESIDENT,
    Resident,
    a_report,
    add,
    alerts,
    another_incident,
    browser,
    csrf_of,
    enrolled,
    file_report,
    payload,
    photo,
    report,
    sign_in_link,
    signed_in,
    web_app,
)

ADDRESS = "Jl. Melati 7, samping warung Bu Sri, Gedog"


async def answered(client: httpx.AsyncClient, posted: httpx.Response, to: str) -> str:
    """A form's answer, done or refused: 303 See Other to the page `to`, so that a reload fetches that page and sends
    nothing again; the page's text, which tells what the form did once."""
    assert posted.status_code == 303 and posted.headers["location"] == to, (posted.status_code, posted.text)
    return (await client.get(to)).text


async def test_a_link_from_the_chat_signs_in_once_and_only_for_ten_minutes(engine: Engine, tmp_path: Path) -> None:
    app = web_app(engine, tmp_path)
    head = await enrolled(engine, "telegram:700001", role=OfficerRole.HEAD)
    link = await sign_in_link(head)
    assert link.startswith(f"{BASE_URL}/masuk/")
    path = link.removeprefix(BASE_URL)
    async with browser(app) as preview:  # a chat app's link preview fetches the link before the officer does
        fetched = await preview.get(path)
        assert fetched.status_code == 200 and "set-cookie" not in fetched.headers
    async with browser(app) as first:
        shown = await first.get(path)
        assert shown.status_code == 200 and f'action="{path}"' in shown.text, "the link is still good"
        opened = await first.post(path)
        assert opened.status_code == 303 and opened.headers["location"] == "/"
        cookie = opened.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=lax" in cookie and "max-age=43200" in cookie
        assert "secure" not in cookie, "plain HTTP here: a Secure cookie would never come back"
        home = await first.get("/")
        assert home.status_code == 200 and "Polsek Sananwetan" in home.text
    async with browser(app) as second:
        assert (await second.get(path)).status_code == 403, "a link works once"
        assert (await second.post(path)).status_code == 403
        assert (await second.get("/")).status_code == 401
    async with engine.sessions() as db, db.begin():
        officer = (await db.execute(select(Officer))).scalar_one()
        token = await create_link(db, engine.cipher, officer, utcnow() - dt.timedelta(minutes=11))
        stored = [row.token_hash for row in (await db.execute(select(WebLink))).scalars()]
    assert token not in str(stored) and link.rsplit("/", 1)[1] not in str(stored), "only keyed hashes are kept"
    async with browser(app) as late:
        assert (await late.post(f"/masuk/{token}")).status_code == 403, "eleven minutes old"


async def test_a_sign_in_sent_from_another_site_is_refused_and_leaves_the_link_unused(
        engine: Engine, tmp_path: Path) -> None:
    """Someone holding a link, posting it from their own page, would sign a visitor into their session."""
    app = web_app(engine, tmp_path)
    path = (await sign_in_link(await enrolled(engine, "telegram:700003"))).removeprefix(BASE_URL)
    async with browser(app) as visitor:
        for headers in ({"Sec-Fetch-Site": "cross-site"}, {"Sec-Fetch-Site": "same-site"},
                        {"Origin": "https://elsewhere.example"}, {"Origin": "null"}):
            refused = await visitor.post(path, headers=headers)
            assert refused.status_code == 403 and "set-cookie" not in refused.headers, headers
        opened = await visitor.post(path, headers={"Sec-Fetch-Site": "same-origin", "Origin": "null"})
        assert opened.status_code == 303, "the link was still unused, and the officer's own page signs in"


async def test_https_makes_the_cookie_secure(engine: Engine, tmp_path: Path) -> None:
    app = web_app(engine, tmp_path)
    app.state.settings.public_base_url = "https://lapor.example"
    duty = await enrolled(engine, "telegram:700002")
    async with browser(app) as client:
        opened = await client.post((await sign_in_link(duty)).removeprefix(BASE_URL))
        assert "secure" in opened.headers["set-cookie"].lower()


async def test_a_revoked_officers_session_ends_at_their_next_request(engine: Engine, tmp_path: Path) -> None:
    app = web_app(engine, tmp_path)
    duty = await enrolled(engine, "telegram:700003")
    client = await signed_in(app, duty)
    assert (await client.get("/laporan")).status_code == 200
    async with engine.sessions() as db, db.begin():
        officer = (await db.execute(select(Officer))).scalar_one()
        assert await revoke(db, officer.id, utcnow())
    assert (await client.get("/laporan")).status_code == 401
    async with engine.sessions() as db:
        assert (await db.execute(select(WebSession))).first() is None, "the session is gone, not only refused"


async def test_a_chat_without_a_public_address_says_the_page_is_not_set_up(engine: Engine) -> None:
    duty = await enrolled(engine, "telegram:700004")
    await duty.send("/dasbor")
    assert duty.heard("officer.dashboard_unavailable")
    resident = Resident(engine, "telegram:700005")
    await resident.send("/dasbor")
    assert resident.heard("officer.only"), "residents get no link"


async def test_another_stations_report_is_not_found_and_a_polres_head_sees_its_polsek(engine: Engine,
                                                                                   tmp_path: Path) -> None:
    app = web_app(engine, tmp_path)
    ref = await a_report(engine)
    elsewhere = await signed_in(app, await enrolled(engine, "telegram:700006", station="POLSEK-SEKAR"))
    page = await elsewhere.get(f"/laporan/{ref}")
    assert page.status_code == 404 and ref in page.text and "tidak ditemukan" in page.text
    listed = await elsewhere.get("/laporan")
    assert ref not in listed.text
    csrf = csrf_of(listed.text)
    acted = await elsewhere.post(f"/laporan/{ref}", data={"csrf": csrf, "action": "ack"})
    assert "tidak ditemukan" in await answered(elsewhere, acted, f"/laporan/{ref}")
    polres = await signed_in(app, await enrolled(engine, "telegram:700007", station="POLRES-BLITAR-KOTA",
                                                 role=OfficerRole.HEAD))
    seen = await polres.get(f"/laporan/{ref}")
    assert seen.status_code == 200 and 'name="action"' not in seen.text, "seen from above; acted on by its Polsek"
    assert ref in (await polres.get("/laporan")).text


async def test_an_action_on_the_page_changes_the_status_and_relays_to_the_resident(engine: Engine,
                                                                                 tmp_path: Path) -> None:
    app = web_app(engine, tmp_path)
    ref = await a_report(engine)
    duty = await enrolled(engine, "telegram:700008")
    client = await signed_in(app, duty)
    page = await client.get(f"/laporan/{ref}")
    assert page.status_code == 200 and "Terima" in page.text
    forged = await client.post(f"/laporan/{ref}", data={"action": "ack"})
    assert "sudah kedaluwarsa" in await answered(client, forged, f"/laporan/{ref}"), "no CSRF token, no change"
    huge = await client.post(f"/laporan/{ref}", data={"csrf": csrf_of(page.text), "action": "resolve",
                                                       "argument": "x" * 100_000})
    assert "tidak dapat dibaca" in await answered(client, huge, f"/laporan/{ref}"), "read no further"
    uploaded = await client.post(f"/laporan/{ref}", files={"argument": ("a.bin", b"x" * 1000)})
    assert "tidak dapat dibaca" in await answered(client, uploaded, f"/laporan/{ref}")
    short = await client.post(f"/laporan/{ref}", data={"csrf": csrf_of(page.text), "action": "resolve",
                                                        "argument": "👍"})
    shown = await answered(client, short, f"/laporan/{ref}")
    assert "minimal 3 huruf/angka" in shown and "BATAL" not in shown
    assert "minimal 3 huruf/angka" not in (await client.get(f"/laporan/{ref}")).text, "a refusal is told once too"
    posted = await client.post(f"/laporan/{ref}", data={"csrf": csrf_of(page.text), "action": "resolve",
                                                         "argument": "Motor sudah ditemukan dan dikembalikan"})
    assert posted.status_code == 303 and posted.headers["location"] == f"/laporan/{ref}", "a reload sends nothing"
    done = await client.get(posted.headers["location"])
    assert done.status_code == 200 and "selesai" in done.text and "Pesan untuk pelapor dikirim lewat bot" in done.text
    assert "Pesan untuk pelapor dikirim lewat bot" not in (await client.get(f"/laporan/{ref}")).text, "told once"
    relayed = done.text.split("Kabar yang dikirim ke pelapor", 1)[1]
    assert "menunggu dikirim" in relayed and "Motor sudah ditemukan dan dikembalikan" in relayed, "the relay, queued"
    async with engine.sessions() as db:
        report = (await db.execute(select(Report).where(Report.ref == ref))).scalar_one()
        relays = list((await db.execute(select(Outbox).where(Outbox.kind == "status_update",
                                                             Outbox.report_id == report.id))).scalars())
    assert report.status.value == "resolved"
    assert [payload(r)["text"] for r in relays] and "Motor sudah ditemukan" in payload(relays[-1])["text"]
    again = await client.post(f"/laporan/{ref}", data={"csrf": csrf_of(page.text), "action": "ack"})
    refused = await answered(client, again, f"/laporan/{ref}")
    assert "tidak dapat dilakukan sekarang" in refused, "the one status table refuses what the chat refuses"
    await duty.send(f"LIHAT {ref}")
    assert "Motor sudah ditemukan dan dikembalikan" in duty.text, "the chat sees what the page did"


async def name_last_enrolled(engine: Engine, name: str) -> None:
    async with engine.sessions() as db, db.begin():
        officer = (await db.execute(select(Officer).order_by(Officer.id.desc()))).scalars().first()
        assert officer is not None
        officer.name = name


async def test_an_action_a_colleague_made_moot_on_the_page_says_who_the_status_and_what_is_left(
        engine: Engine, tmp_path: Path) -> None:
    """Two officers on the same report's page: the one who acts second reads who acted first and when, the status
    now and what can still be done there (as the chat tells a colleague's tap), in either language."""
    app = web_app(engine, tmp_path)
    ref = await a_report(engine)
    rina = await signed_in(app, await enrolled(engine, "telegram:700030"))
    await name_last_enrolled(engine, "Aiptu Rina")
    budi = await signed_in(app, await enrolled(engine, "telegram:700031"))
    csrf_rina, csrf_budi = [csrf_of((await client.get(f"/laporan/{ref}")).text) for client in (rina, budi)]
    await rina.post(f"/laporan/{ref}", data={"csrf": csrf_rina, "action": "ack"})
    moot = await answered(budi, await budi.post(f"/laporan/{ref}", data={"csrf": csrf_budi, "action": "ack"}),
                          f"/laporan/{ref}")
    said = re.sub(r"\s+", " ", moot)
    assert "Aiptu Rina sudah lebih dulu menindak laporan ini" in said and "WIB" in said, said
    assert "statusnya kini &#34;Sudah dibaca petugas&#34;" in said, said
    assert "Yang masih dapat Anda lakukan di bawah: Proses, Selesai, Minta info, Rujuk, Duplikat, Tolak" in said
    assert "tidak dapat dilakukan sekarang" not in said and "CATAT" not in said, "the chat's command is no use here"
    await rina.post(f"/laporan/{ref}", data={"csrf": csrf_rina, "action": "reject", "argument": "laporan iseng"})
    await budi.get("/bahasa/en?ke=/laporan")
    english = await answered(budi, await budi.post(f"/laporan/{ref}", data={
        "csrf": csrf_budi, "action": "resolve", "argument": "Motor sudah ditemukan"}), f"/laporan/{ref}")
    said = re.sub(r"\s+", " ", english)
    assert "Aiptu Rina acted on this report first" in said and "What you can still do below: Reopen" in said, said
    async with engine.sessions() as db:
        assert (await db.execute(select(Report.status).where(Report.ref == ref))).scalar_one() == \
            ReportStatus.REJECTED, "nothing done by the second"


async def test_what_a_form_did_is_told_once_on_its_page_and_never_from_the_address(engine: Engine,
                                                                                    tmp_path: Path) -> None:
    """Post/Redirect/Get: after an action the report's page is fetched anew, and what was done is told there once,
    by a cookie signed for the session and the page: a reload neither does it again nor says it again, and no
    link, nor another session's cookie, puts words on an officer's page."""
    app = web_app(engine, tmp_path)
    ref = await a_report(engine)
    client = await signed_in(app, await enrolled(engine, "telegram:700023"))
    page = await client.get(f"/laporan/{ref}")
    posted = await client.post(f"/laporan/{ref}", data={"csrf": csrf_of(page.text), "action": "ack"})
    assert posted.status_code == 303 and posted.headers["location"] == f"/laporan/{ref}"
    told = t("id", "officer.done.ack", ref=ref)
    flash = client.cookies["lapor_flash"]
    assert told not in (await client.get("/laporan")).text, "another page is not where it is told"
    assert told in (await client.get(f"/laporan/{ref}")).text
    assert told not in (await client.get(f"/laporan/{ref}")).text, "told once"
    other = await signed_in(app, await enrolled(engine, "telegram:700024"))
    other.cookies.set("lapor_flash", flash, domain="lapor.test")
    assert told not in (await other.get(f"/laporan/{ref}")).text, "another session's"
    said = {"to": "/patroli", "said": [["web.patrol.saved", {"count": "Hadiah gratis"}]]}
    made_up = base64.urlsafe_b64encode(json.dumps(said).encode()).decode()
    for cookie in (f"{made_up}.{flash.rpartition('.')[2]}", "%%%.00", "no-mac"):
        client.cookies.set("lapor_flash", cookie, domain="lapor.test")
        shown = await client.get("/patroli")
        assert shown.status_code == 200 and "gratis" not in shown.text, cookie
        assert "lapor_flash=" in shown.headers["set-cookie"], "a bad one is let go"
    linked = await client.get("/patroli?tercatat=99%20hadiah%20gratis")
    assert "tercatat;" not in linked.text and 'role="status"' not in linked.text, "no words from the address"


async def test_a_closed_report_is_reopened_on_the_page_with_its_reason(engine: Engine, tmp_path: Path) -> None:
    app = web_app(engine, tmp_path)
    ref = await a_report(engine)
    duty = await enrolled(engine, "telegram:700008")
    await duty.send(f"TOLAK {ref} laporan iseng")
    client = await signed_in(app, duty)
    page = await client.get(f"/laporan/{ref}")
    assert page.status_code == 200 and "Buka kembali" in page.text and "Alasan dibuka kembali" in page.text
    short = await client.post(f"/laporan/{ref}", data={"csrf": csrf_of(page.text), "action": "reopen",
                                                        "argument": "ok"})
    assert "minimal 3 huruf/angka" in await answered(client, short, f"/laporan/{ref}"), "a reason that says nothing"
    posted = await client.post(f"/laporan/{ref}", data={"csrf": csrf_of(page.text), "action": "reopen",
                                                         "argument": "Pelapor mengirim bukti, bukan iseng"})
    assert posted.status_code == 303, posted.text
    done = await client.get(posted.headers["location"])
    assert "dibuka kembali" in done.text, done.text
    async with engine.sessions() as db:
        report = (await db.execute(select(Report).where(Report.ref == ref))).scalar_one()
    assert report.status.value == "in_progress"
    assert "Buka kembali" not in (await client.get(f"/laporan/{ref}")).text, "an open report is not reopened"


async def test_a_referral_declined_reads_as_sent_back_in_the_pages_history(engine: Engine, tmp_path: Path) -> None:
    app = web_app(engine, tmp_path)
    ref = await a_report(engine)
    duty = await enrolled(engine, "telegram:700031")
    sekar = await enrolled(engine, "telegram:700032", station="POLSEK-SEKAR")
    await duty.send(f"RUJUK {ref} polsek-sekar")
    await sekar.send(f"TOLAK {ref} bukan wilayah kami")
    shown = (await (await signed_in(app, duty)).get(f"/laporan/{ref}")).text.split("Riwayat", 1)[1]
    assert "Dikembalikan ke Polsek Sananwetan" in shown and "Diteruskan ke kantor polisi lain: Polsek Sekar" in shown
    assert "Diteruskan ke kantor polisi lain: Polsek Sananwetan" not in shown


async def test_an_officers_note_on_the_page_is_kept_in_the_history_and_not_relayed(engine: Engine,
                                                                                 tmp_path: Path) -> None:
    app = web_app(engine, tmp_path)
    ref = await a_report(engine)
    duty = await enrolled(engine, "telegram:700012")
    client = await signed_in(app, duty)
    page = await client.get(f"/laporan/{ref}")
    assert 'value="note"' in page.text
    short = await client.post(f"/laporan/{ref}", data={"csrf": csrf_of(page.text), "action": "note", "argument": "ok"})
    assert "minimal 3 huruf/angka" in await answered(client, short, f"/laporan/{ref}")
    note = {"csrf": csrf_of(page.text), "action": "note", "argument": "Rekaman CCTV <b>toko</b> sudah diminta"}
    kept = await client.post(f"/laporan/{ref}", data=note)
    assert kept.status_code == 303 and kept.headers["location"] == f"/laporan/{ref}"
    shown = (await client.get(kept.headers["location"])).text
    assert "Catatan disimpan di riwayat" in shown
    assert "catatan: Rekaman CCTV &lt;b&gt;toko&lt;/b&gt; sudah diminta" in shown.split("Riwayat", 1)[1]
    again = await client.post(f"/laporan/{ref}", data=note)  # sent again all the same: the back button, a double click
    assert again.status_code == 303
    assert (await client.get(f"/laporan/{ref}")).text.split("Riwayat", 1)[1].count("Rekaman CCTV") == 1, "kept once"
    async with engine.sessions() as db:
        report = (await db.execute(select(Report).where(Report.ref == ref))).scalar_one()
        relays = (await db.execute(select(Outbox).where(Outbox.kind == "status_update",
                                                        Outbox.report_id == report.id))).scalars().all()
    assert report.status.value == "received" and not relays, "no status change, nothing for the reporter"
    await duty.send(f"LIHAT {ref}")
    assert "catatan: Rekaman CCTV <b>toko</b> sudah diminta" in duty.text, "the chat sees the page's note"


async def test_a_duplicate_links_to_the_report_kept(engine: Engine, tmp_path: Path) -> None:
    app = web_app(engine, tmp_path)
    _one, kept = await file_report(engine, "console:satu")
    _two, dropped = await file_report(engine, "console:dua")
    duty = await enrolled(engine, "telegram:700011")
    await duty.send(f"DUPLIKAT {dropped} {kept}")
    client = await signed_in(app, duty)
    page = await client.get(f"/laporan/{dropped}")
    assert page.status_code == 200 and f'<a href="/laporan/{kept}">{kept}</a>' in page.text, page.text
    assert "Duplikat dari" not in (await client.get(f"/laporan/{kept}")).text


async def test_the_export_holds_no_address_and_follows_the_filters(engine: Engine, tmp_path: Path) -> None:
    app = web_app(engine, tmp_path)
    ref = await a_report(engine, identity="3", place=ADDRESS)
    client = await signed_in(app, await enrolled(engine, "telegram:700009", role=OfficerRole.HEAD))
    exported = await client.get("/laporan.csv?kategori=security&periode=7")
    assert exported.status_code == 200 and exported.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(exported.text)))
    assert rows[0][0] == "nomor" and [row[0] for row in rows[1:]] == [ref]
    assert "Melati" not in exported.text and "Gedog" in exported.text, "the kelurahan, never the address"
    assert len(list(csv.reader(io.StringIO((await client.get("/laporan.csv?kategori=traffic")).text)))) == 1
    table = await client.get("/laporan?q=motor+tetangga")
    assert ref in table.text and "Melati" not in table.text
    assert ref not in (await client.get("/laporan?q=tidak+ada+kata+ini")).text


async def test_the_map_and_the_patrol_form(engine: Engine, tmp_path: Path) -> None:
    app = web_app(engine, tmp_path)
    client = await signed_in(app, await enrolled(engine, "telegram:700010"))
    empty = await client.get("/peta")
    assert empty.status_code == 200 and t("id", "web.map.empty") in empty.text, "an empty map says why it is"
    await a_report(engine)
    page = await client.get("/peta")
    assert page.status_code == 200 and "Kel. Gedog" in page.text and "/static/leaflet/leaflet.js" in page.text
    assert t("id", "web.map.empty") not in page.text
    leaflet = await client.get("/static/leaflet/leaflet.js")
    assert leaflet.status_code == 200, "Leaflet served by Lapor itself"
    own_script = await client.get("/static/map.js")
    assert [leaflet.headers["x-content-type-options"], own_script.headers["x-content-type-options"]] == ["nosniff"] * 2
    assert (await client.get("/static/nothing.js")).status_code == 404
    form = await client.get("/patroli")
    bad = await client.post("/patroli", data={"csrf": csrf_of(form.text), "tempat": "x", "warga": "banyak"})
    refused = await answered(client, bad, "/patroli")
    assert 'role="alert"' in refused and "angka" in refused and 'value="banyak"' in refused, "the form as it was sent"
    assert 'value="banyak"' not in (await client.get("/patroli")).text, "filled in again once"
    below_zero = await client.post("/patroli", data={"csrf": csrf_of(form.text), "tempat": "balai RW 05 plosokerep",
                                                      "warga": "-5", "tanpa_keluhan": "1"})
    assert 'role="alert"' in await answered(client, below_zero, "/patroli"), "no count of people below zero"
    saved = await client.post("/patroli", data={
        "csrf": csrf_of(form.text), "tempat": "Pos ronda RW 3 Gedog", "warga": "12", "kategori_1": "traffic",
        "keluhan_1": "Balap liar tiap malam Minggu", "tindak_lanjut": "1"})
    assert saved.status_code == 303 and saved.headers["location"] == "/patroli"
    listed = await client.get(saved.headers["location"])
    assert "Pos ronda RW 3 Gedog" in listed.text and "12 warga" in listed.text
    assert "1 keluhan dicatat sebagai laporan" in listed.text
    assert "Bripka Santoso · Pos ronda RW 3 Gedog" in listed.text, "who patrolled, for the head reading the log"
    async with engine.sessions() as db:
        made = (await db.execute(select(Report).where(Report.source == "patrol"))).scalar_one()
        station = await db.get(Station, made.station_id)
    assert made.status.value == "acknowledged" and station is not None and station.code == "POLSEK-SANANWETAN"
    blank = await client.post("/patroli", data={"csrf": csrf_of(form.text), "tempat": "Balai RW 2", "warga": "8"})
    assert "Tidak ada keluhan warga" in await answered(client, blank, "/patroli"), "no concern left blank by mistake"
    nowhere = {"csrf": csrf_of(form.text), "tempat": "Balai RW 2", "warga": "sekitar 8 warga", "tanpa_keluhan": "1"}
    unknown = await answered(client, await client.post("/patroli", data=nowhere), "/patroli")
    assert "tidak ditemukan di wilayah ini" in unknown, "not off the map unsaid"
    none = await client.post("/patroli", data={**nowhere, "kelurahan": "seperti_ditulis"})
    assert none.status_code == 303
    assert "tanpa keluhan warga" in (await client.get(none.headers["location"])).text
    # a village of the station's own area before the same name elsewhere in the country; a place named plainly
    # elsewhere is that place; a name only like one of the area's is asked, never taken on a guess
    for typed, met in (("balai RW 05 plosokerep", "9"), ("Balai desa Klampok Kabupaten Malang", "10")):
        posted = await client.post("/patroli", data={"csrf": csrf_of(form.text), "tempat": typed, "warga": met,
                                                     "tanpa_keluhan": "1"})
        assert posted.status_code == 303, posted.text
    guess = await client.post("/patroli", data={"csrf": csrf_of(form.text), "tempat": "rumah pak rembung",
                                                "warga": "11", "tanpa_keluhan": "1"})
    assert "tidak ditemukan di wilayah ini" in await answered(client, guess, "/patroli")
    async with engine.sessions() as db:
        notes = (await db.execute(select(PatrolNote).order_by(PatrolNote.id))).scalars().all()
    assert [(note.residents_met, note.village_code) for note in notes[1:3]] == [(8, None), (9, "35.72.03.1002")]
    assert notes[3].residents_met == 10 and (notes[3].village_code or "").startswith("35.07."), "Kab. Malang's"
    # a concern whose kind is left to its words is read as the chat reads it, not filed as the first kind listed
    read = await client.post("/patroli", data={
        "csrf": csrf_of(form.text), "tempat": "Pos ronda RW 3 Gedog", "warga": "10", "kategori_1": "",
        "keluhan_1": "ada pengedar pil koplo di gang buntu"})
    assert read.status_code == 303, read.text
    async with engine.sessions() as db:
        kinds = [r.category.value for r in (await db.execute(
            select(Report).where(Report.source == "patrol").order_by(Report.id))).scalars()]
    assert kinds == ["traffic", "drugs"], kinds
    kecamatan = await client.post("/patroli", data={"csrf": csrf_of(form.text), "tempat": "pos kamling rt 2 sananwetan",
                                                    "warga": "15", "tanpa_keluhan": "1"})
    assert "tidak ditemukan di wilayah ini" in await answered(client, kecamatan, "/patroli"), \
        "a kecamatan alone puts the patrol on no kelurahan: the kelurahan is asked"


async def test_a_refused_patrol_too_long_for_a_cookie_is_answered_where_it_was_sent(engine: Engine,
                                                                                     tmp_path: Path) -> None:
    """What a refused form sent comes back in the flash cookie; a form too long for one is answered in place
    instead, so that nothing typed is lost."""
    client = await signed_in(web_app(engine, tmp_path), await enrolled(engine, "telegram:700025"))
    form = await client.get("/patroli")
    words = [hashlib.sha256(str(n).encode()).hexdigest()[:12] for n in range(600)]  # too varied to compress
    concerns = {f"keluhan_{row}": " ".join(words[row::3]) for row in (1, 2, 3)}
    posted = await client.post("/patroli", data={"csrf": csrf_of(form.text), "tempat": "x", "warga": "5", **concerns})
    assert posted.status_code == 400 and "lapor_flash" not in posted.headers.get("set-cookie", "")
    assert all(text in posted.text for text in concerns.values()) and 'role="alert"' in posted.text


async def pinned(engine: Engine, ref: str, latitude: float, longitude: float) -> None:
    async with engine.sessions() as db, db.begin():
        report = (await db.execute(select(Report).where(Report.ref == ref))).scalar_one()
        report.latitude, report.longitude = latitude, longitude


async def test_an_anonymous_reports_forms_do_not_say_the_reporter_is_sent_the_note(engine: Engine,
                                                                                   tmp_path: Path) -> None:
    app = web_app(engine, tmp_path)
    client = await signed_in(app, await enrolled(engine, "telegram:700017"))
    anonymous = (await client.get(f"/laporan/{await a_report(engine, identity='3')}")).text
    assert "(dikirim ke pelapor)" not in anonymous and "terlihat lewat STATUS" in anonymous
    confidential = (await client.get(f"/laporan/{await a_report(engine, identity='2')}")).text
    assert "Catatan penyelesaian (dikirim ke pelapor)" in confidential


async def test_an_anonymous_reports_time_in_the_list_is_said_as_its_hour(engine: Engine, tmp_path: Path) -> None:
    """Kept to its whole hour, it is said as no more: a bare "23:00" reads as the minute it came in."""
    app = web_app(engine, tmp_path)
    client = await signed_in(app, await enrolled(engine, "telegram:700018"))
    anonymous, confidential = await a_report(engine, identity="3"), await a_report(engine, identity="2")
    listed = (await client.get("/laporan")).text
    rows = {row.split("</a>")[0].rsplit(">", 1)[-1]: row for row in listed.split('<tr role="row">')}
    assert "sekitar" in rows[anonymous] and "sekitar" not in rows[confidential], rows


async def test_a_pin_shows_only_for_a_named_report(engine: Engine, tmp_path: Path) -> None:
    app = web_app(engine, tmp_path)
    anonymous = await a_report(engine, identity="3")
    await pinned(engine, anonymous, -8.10101, 112.17171)
    client = await signed_in(app, await enrolled(engine, "telegram:700011"))
    assert "112.17171" not in (await client.get("/peta")).text
    assert "112.17171" not in (await client.get(f"/laporan/{anonymous}")).text.split("<pre", 1)[0]
    named = await a_report(engine, identity="1")
    await pinned(engine, named, -8.10202, 112.17272)
    assert "112.17272" in (await client.get("/peta")).text
    assert 'data-lon="112.17272"' in (await client.get(f"/laporan/{named}")).text


async def test_the_language_switch_and_signing_out(engine: Engine, tmp_path: Path) -> None:
    app = web_app(engine, tmp_path)
    client = await signed_in(app, await enrolled(engine, "telegram:700012"))
    switched = await client.get("/bahasa/en?ke=/laporan")
    assert switched.status_code == 303 and switched.headers["location"] == "/laporan"
    english = await client.get("/laporan")
    assert "Filter reports" in english.text and '<html lang="en">' in english.text
    for elsewhere in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
        assert (await client.get("/bahasa/id", params={"ke": elsewhere})).headers["location"] == "/"
    assert "Saring laporan" in (await client.get("/laporan")).text
    for no_token in ({}, {"csrf": "x" * 200_000}, {"csrf": "ü"}):  # another site's, too long, past ASCII
        kept = await client.post("/keluar", data=no_token)
        assert kept.status_code == 303 and (await client.get("/laporan")).status_code == 200, "still signed in"
    out = await client.post("/keluar", data={"csrf": csrf_of(english.text)})
    assert out.status_code == 303
    assert (await client.get("/laporan")).status_code == 401
    async with engine.sessions() as db:
        assert (await db.execute(select(WebSession))).first() is None


async def test_the_home_page_counts_the_24_hours_up_to_now(engine: Engine, tmp_path: Path) -> None:
    """Not the window of this morning's digest: a report filed a moment ago came in, and today is the local date."""
    app = web_app(engine, tmp_path)
    await a_report(engine)
    home = await signed_in(app, await enrolled(engine, "telegram:700014", role=OfficerRole.HEAD))
    before = dt.datetime.now(ZoneInfo("Asia/Jakarta")).date()
    page = (await home.get("/")).text
    after = dt.datetime.now(ZoneInfo("Asia/Jakarta")).date()  # the request may cross midnight
    came_in = re.search(r'<span class="number">(\d+)</span>laporan masuk \(24 jam\)', page)
    assert came_in is not None and came_in[1] == "1", page
    assert any(f"Ringkasan hari ini ({day:%d-%m-%Y})" in page for day in (before, after)), page


async def test_each_count_on_the_home_page_opens_the_reports_it_counts(engine: Engine, tmp_path: Path) -> None:
    """The 24 hours' count opens the 24 hours' reports, not a week's; the overdue count its list; every place that
    took a report is named, or counted among "the others"."""
    now = dt.datetime.now(dt.UTC)
    villages = [f"35.72.03.100{n}" for n in range(1, 8)]  # the seven kelurahan of Sananwetan
    today = [await add(engine, now - dt.timedelta(hours=2), village=village) for village in villages]
    last_week = await add(engine, now - dt.timedelta(days=3))
    overdue = await add(engine, now - dt.timedelta(days=9), status=ReportStatus.ACKNOWLEDGED)
    taken_up = await add(engine, now - dt.timedelta(hours=5), status=ReportStatus.IN_PROGRESS, escalations=1)
    head = await enrolled(engine, "telegram:700016", role=OfficerRole.HEAD)
    client = await signed_in(web_app(engine, tmp_path), head)
    home = (await client.get("/")).text
    assert '<a class="card" href="/laporan?periode=1"><span class="number">8</span>' in home, home
    assert "dan 2 tempat lainnya" in home, "seven places took reports, five are named"
    place_links = re.findall(r'href="/laporan\?kelurahan=([\d.]+)&amp;periode=1"', home)
    assert len(place_links) == 5 and set(place_links) <= set(villages), "each place named opens its reports"
    one_place = (await client.get(f"/laporan?kelurahan={place_links[0]}&periode=1")).text
    assert sum(ref in one_place for ref in today) == 1
    listed = (await client.get("/laporan?periode=1")).text
    assert all(ref in listed for ref in [*today, taken_up]) and last_week not in listed and overdue not in listed
    assert 'href="/laporan?status=overdue"' in home
    late = (await client.get("/laporan?status=overdue")).text
    assert overdue in late and taken_up not in late and not any(ref in late for ref in today), \
        "open over seven days; an escalation once taken up is no longer overdue"


@pytest.mark.parametrize("asked", ["DIGEST", "laporan harian", "ringkasan", "2"])
async def test_a_head_finds_the_digest_in_own_words_and_in_the_menu(engine: Engine, asked: str) -> None:
    head = await enrolled(engine, "telegram:700015", role=OfficerRole.HEAD)
    await head.send("menu")
    assert head.options()[1] == "Laporan harian", head.options()
    await head.send(asked)
    assert head.text.startswith("📋 Laporan harian Polsek Sananwetan"), head.text


async def test_the_chat_digest_links_to_the_page(engine: Engine, tmp_path: Path) -> None:
    web_app(engine, tmp_path)
    head = await enrolled(engine, "telegram:700013", role=OfficerRole.HEAD)
    await head.send("DIGEST")
    assert f"Peta, laporan terbuka dan riwayatnya: {BASE_URL}" in head.text


async def test_a_referral_from_the_page_alerts_the_other_station_and_leaves_this_one(engine: Engine,
                                                                                   tmp_path: Path) -> None:
    app = web_app(engine, tmp_path)
    ref = await a_report(engine)
    await enrolled(engine, "telegram:700014", station="POLSEK-SEKAR")
    duty = await enrolled(engine, "telegram:700015")
    await duty.send("DASHBOARD")
    assert duty.heard("officer.dashboard_link"), "the English word works too"
    client = await signed_in(app, duty)
    page = await client.get(f"/laporan/{ref}")
    unknown = await client.post(f"/laporan/{ref}", data={"csrf": csrf_of(page.text), "action": "refer",
                                                         "argument": "POLSEK-ENTAH"})
    assert "tidak dikenal" in await answered(client, unknown, f"/laporan/{ref}")
    asked = await answered(client, await client.post(f"/laporan/{ref}", data={
        "csrf": csrf_of(page.text), "action": "refer", "argument": "polsek-sekar"}), f"/laporan/{ref}")
    assert "Polsek Sekar berada di bawah Polres Bojonegoro, di luar Polres kantor Anda." in asked
    assert "Ya, tetap rujuk ke polsek-sekar" in asked, "one click away from another Polres: asked first"
    assert "Ya, tetap rujuk" not in (await client.get(f"/laporan/{ref}")).text, "asked once"
    referred = await client.post(f"/laporan/{ref}", data={"csrf": csrf_of(page.text), "action": "refer",
                                                          "argument": "polsek-sekar", "yakin": "1"})
    assert referred.status_code == 303 and referred.headers["location"] == f"/laporan/{ref}"
    followed = await client.get(f"/laporan/{ref}")
    assert followed.status_code == 200, "the station that referred it follows it there"
    assert "diteruskan ke Polsek Sekar" in followed.text
    assert "Kantor Anda merujuk laporan ini ke Polsek Sekar" in followed.text
    assert 'name="action"' not in followed.text, "read only: Polsek Sekar acts on it now"
    taken = await client.post(f"/laporan/{ref}", data={"csrf": csrf_of(page.text), "action": "ack"})
    assert "Terima" not in await answered(client, taken, f"/laporan/{ref}"), "no action of the station that sent it on"
    listed = await client.get("/laporan?status=dirujuk_keluar")
    assert ref in listed.text and "kini di Polsek Sekar" in listed.text
    assert ref not in (await client.get("/laporan")).text, "no longer among this station's own"
    await duty.send(f"LIHAT {ref}")
    assert duty.heard("officer.referred_away") and "Polsek Sekar" in duty.text, duty.text
    await duty.send(f"SELESAI {ref} sudah ditangani")
    assert duty.heard("officer.referred_away"), "no action from here, and why"
    elsewhere = await signed_in(app, await enrolled(engine, "telegram:700018", station="POLRES-BLITAR-KOTA"))
    assert (await elsewhere.get(f"/laporan/{ref}")).status_code == 404, "a station that never had it"
    async with engine.sessions() as db:
        alerted = {row.contact_id for row in (await db.execute(select(Outbox).where(
            Outbox.kind == "officer_alert"))).scalars()}
        at_sekar = (await db.execute(select(Officer.contact_id).join(Station, Officer.station_id == Station.id)
                                     .where(Station.code == "POLSEK-SEKAR"))).scalar_one()
    assert at_sekar in alerted, "Polsek Sekar's duty officer (enrolled after the report came) is alerted"


async def test_a_referral_to_a_station_nobody_reads_is_asked_first(engine: Engine, tmp_path: Path) -> None:
    ref = await a_report(engine)
    duty = await enrolled(engine, "telegram:700017")
    client = await signed_in(web_app(engine, tmp_path), duty)
    page = await client.get(f"/laporan/{ref}")
    refer = {"csrf": csrf_of(page.text), "action": "refer", "argument": "POLRES-BLITAR-KOTA salah wilayah"}
    asked = await answered(client, await client.post(f"/laporan/{ref}", data=refer), f"/laporan/{ref}")
    assert "Belum ada petugas piket Polres Blitar Kota yang terdaftar" in asked, asked
    assert "di luar Polres" not in asked, "its own Polres"
    assert (await client.get(f"/laporan/{ref}")).status_code == 200, "nothing done"


async def test_a_reports_photo_is_served_to_its_station_alone_and_odd_numbers_are_not_found(engine: Engine,
                                                                                              tmp_path: Path) -> None:
    app = web_app(engine, tmp_path)
    resident = Resident(engine)
    picture = tmp_path / "kejadian.png"
    picture.write_bytes(photo("PNG"))
    for said in ("halo", "1", "1", DESCRIPTION, PLACE, "ya"):
        await resident.send(said)
    await another_incident(resident)
    await resident.send("2")
    await resident.send(photo=picture)
    for said in ("2", "kirim"):
        await resident.send(said)
    ref = find_ref(resident.text)
    client = await signed_in(app, await enrolled(engine, "telegram:700020"))
    page = await client.get(f"/laporan/{ref}")
    [number] = re.findall(rf'src="/laporan/{ref}/foto/(\d+)"', page.text)
    served = await client.get(f"/laporan/{ref}/foto/{number}")
    assert served.status_code == 200 and served.headers["content-type"] == "image/png" and served.content
    # on the page's own origin, where the officer's session is: never read as a page, never kept by a cache
    assert served.headers["x-content-type-options"] == "nosniff"
    assert "sandbox" in served.headers["content-security-policy"]
    assert served.headers["cache-control"] == "private, no-store"
    # past any id, past what PostgreSQL's INTEGER holds, an Arabic-Indic digit, no number
    for odd in ("9" * 30, "2147483648", "999999999999", "\u0663", "-1", "0", "abc"):
        assert (await client.get(f"/laporan/{ref}/foto/{odd}")).status_code == 404
    elsewhere = await signed_in(app, await enrolled(engine, "telegram:700021", station="POLSEK-SEKAR"))
    assert (await elsewhere.get(f"/laporan/{ref}/foto/{number}")).status_code == 404


async def test_a_grid_cell_of_categories_equally_many_is_no_ones_colour(engine: Engine, tmp_path: Path) -> None:
    app = web_app(engine, tmp_path)
    now = utcnow()
    for category in (Category.DRUGS, Category.TRAFFIC, Category.DRUGS, Category.TRAFFIC, Category.SOCIAL):
        await add(engine, now, category, occurred_hour=21)  # Kel. Gedog at night: two and two, and one
    await add(engine, now, Category.DRUGS, occurred_hour=9)
    client = await signed_in(app, await enrolled(engine, "telegram:700016"))
    cells = re.findall(r'<td role="cell" class="([^"]*)"', (await client.get("/peta")).text)
    assert "mixed" in cells and "c-drugs" in cells, cells


async def test_a_patrol_priority_and_a_grid_cell_open_the_reports_of_their_time_of_day(engine: Engine,
                                                                                         tmp_path: Path) -> None:
    """A head who clicks "Kel. Gedog · malam" wants the night's reports there, not the place's four weeks: the
    hour they happened where residents said it, else the station's local hour they came in."""
    day = dt.datetime.now(dt.UTC).replace(minute=0, second=0, microsecond=0) - dt.timedelta(days=1)
    night = [await add(engine, day.replace(hour=3), occurred_hour=21),  # told: "tadi malam jam 9"
             await add(engine, day.replace(hour=5), occurred_hour=22),
             await add(engine, day.replace(hour=14))]  # 21:00 WIB, as it came in
    morning = [await add(engine, day.replace(hour=2)), await add(engine, day.replace(hour=16), occurred_hour=9)]
    client = await signed_in(web_app(engine, tmp_path), await enrolled(engine, "telegram:700022",
                                                                       role=OfficerRole.HEAD))
    home = (await client.get("/")).text
    priority = re.search(r'href="(/laporan\?kelurahan=[\d.]+&amp;kategori=drugs&amp;waktu=malam&amp;periode=28)"', home)
    assert priority is not None, home
    map_page = (await client.get("/peta")).text
    grid = re.search(r'href="(/laporan\?kelurahan=[\d.]+&amp;waktu=malam&amp;periode=28)"', map_page)
    assert grid is not None
    for link in (priority[1], grid[1]):
        listed = (await client.get(link.replace("&amp;", "&"))).text
        assert all(ref in listed for ref in night) and not any(ref in listed for ref in morning), (link, listed)
    mornings = (await client.get("/laporan?waktu=pagi")).text
    assert all(ref in mornings for ref in morning) and not any(ref in mornings for ref in night)
    assert 'value="malam"' in mornings, "the table's own filter offers the bands"


def test_each_category_has_one_colour_on_the_page_and_in_the_digests_picture() -> None:
    """A head reads the chat's picture and the page's map side by side: a category is one colour on both."""
    style = (Path(web.__file__).parent / "static" / "style.css").read_text()
    in_style = dict(re.findall(r"\.c-(\w+) \{ background: (#[0-9a-f]{6}); \}", style))
    assert in_style == CATEGORY_COLOURS and set(in_style) == {category.value for category in Category}


# What a resident told of themselves, each as a trial found it reaching officers: the words leading up to it, kept,
# what is hidden, and what officers read in its place.
TOLD_OF_ONESELF = [
    ("no hp sy", "nol delapan satu dua tiga empat lima enam tujuh delapan sembilan", "[nomor disembunyikan]"),
    ("kalau perlu wa sy", "08 satu dua 3456 7890", "[nomor disembunyikan]"),
    # the number written from, read out in words and said to be no one's: still the reporter's
    ("ini", "kosong delapan satu dua tiga empat lima enam tujuh delapan sembilan nol", "[nomor disembunyikan]"),
    ("email sy", "budi.santoso@gmail.com", "[email disembunyikan]"),
    ("atau email saya", "budi at gmail dot com", "[email disembunyikan]"),
    ("imel gw", "budi.s @ gmail . com", "[email disembunyikan]"),
    ("ig sy", "@budi_s", "[akun disembunyikan]"),
    ("Tiktok", "@budisantoso", "[akun disembunyikan]"),
    ("fb:", "budi santoso", "[akun disembunyikan]"),
    ("x gw", "@budi.santoso88", "[akun disembunyikan]"),
    ("ig aku", "budi_s atau @budi.s88", "[akun disembunyikan] atau [akun disembunyikan]"),
    ("fb sy", "facebook.com/budi.santoso", "[akun disembunyikan]"),
    ("hubungi gw di", "wa.me/6285712349876", "[nomor disembunyikan]"),
    ("nomor aku", "o856 l234 987O", "[nomor disembunyikan]"),
    ("id line aku:", "santoso.b", "[akun disembunyikan]"),
]


@pytest.mark.parametrize(("identity", "hidden"), [("2", True), ("3", True), ("1", False)])  # Rahasia, Anonim; named
async def test_what_an_unnamed_reporter_tells_of_themselves_reaches_no_officer(engine: Engine, tmp_path: Path,
                                                                             identity: str, hidden: bool) -> None:
    """The alert, the report page (and the export, the digest, the history: all read the story as stored) carry
    the story with the reporter's contact hidden, the story told around it kept; a named report as it was told."""
    officer = await enrolled(engine, "telegram:700031")
    story = f"{DESCRIPTION}. " + ". ".join(f"{leading} {told}" for leading, told, _ in TOLD_OF_ONESELF)
    _, ref = await file_report(engine, "whatsapp:+6281234567890", identity=identity, description=story)
    stored = (await report(engine, ref)).description
    page = (await (await signed_in(web_app(engine, tmp_path), officer)).get(f"/laporan/{ref}")).text
    [alert] = [payload(row)["text"] for row in await alerts(engine)]
    for leading, told, in_its_place in TOLD_OF_ONESELF:
        for read in (stored, alert, page):
            assert f"{leading} {in_its_place if hidden else told}" in read, read


async def test_an_anonymous_story_keeps_counts_sums_and_a_scammers_contacts_as_told(engine: Engine) -> None:
    """What only looks like the reporter's contact (counts, sums, times and plates in words, a scammer's number
    read out, a shop's account and address) reaches officers as told: evidence."""
    story = ("sy ditipu olshop, ada tiga orang naik dua motor jam sembilan malam plat B 1234 XYZ, kerugian dua juta "
             "lima ratus ribu. penipunya nelpon dari nol delapan satu dua tiga empat lima enam tujuh delapan sembilan, "
             "pake ig @olshop_murah123 dan email cs.olshop @ gmail . com. sy lg @kantor waktu itu. preman kampung "
             "ngancem sy lewat ig @preman_kampung, tokonya di instagram.com/olshop_murah123")
    await enrolled(engine, "telegram:700032")
    _, ref = await file_report(engine, "whatsapp:+6281234567890", identity="3", description=story)
    assert (await report(engine, ref)).description == story
    [alert] = [payload(row)["text"] for row in await alerts(engine)]
    assert "nol delapan satu dua tiga empat lima enam tujuh delapan sembilan" in alert and "@olshop_murah123" in alert \
        and "@preman_kampung" in alert and "cs.olshop @ gmail . com" in alert


async def test_the_spot_a_story_told_its_place_with_is_on_the_reports_page(engine: Engine, tmp_path: Path) -> None:
    """Told in one message, the street and the shop it was in front of are shown where the place is, as typed."""
    app = web_app(engine, tmp_path)
    resident = Resident(engine, "console:spot")
    for said in ("hp sy dicopet td pagi di jl merdeka depan toko pakaian, kel gedog kota blitar", "ya", "ga ada",
                 "rahasia", "kirim"):
        await resident.send(said)
    ref = find_ref(resident.text)
    client = await signed_in(app, await enrolled(engine, "telegram:700031"))
    page = await client.get(f"/laporan/{ref}")
    assert page.status_code == 200 and "jl merdeka depan toko pakaian" in page.text, page.text


async def test_a_station_that_declined_a_referral_and_its_polres_no_longer_read_it(engine: Engine,
                                                                                   tmp_path: Path) -> None:
    """Sekar's page asks why it declines for the station that referred it, not for the reporter; once declined,
    Sekar's head and the head of Sekar's Polres (not the report's) get "not found", as a station that never had it,
    for the report and its list of reports referred away; Sananwetan's head reads it as its own."""
    app = web_app(engine, tmp_path)
    ref = await a_report(engine)
    sekar = await signed_in(app, await enrolled(engine, "telegram:700032", station="POLSEK-SEKAR"))
    sekar_head = await signed_in(app, await enrolled(engine, "telegram:700033", station="POLSEK-SEKAR",
                                                     role=OfficerRole.HEAD))
    polres = await signed_in(app, await enrolled(engine, "telegram:700034", station="POLRES-BOJONEGORO",
                                                 role=OfficerRole.HEAD))
    sananwetan = await enrolled(engine, "telegram:700031")
    await sananwetan.send(f"RUJUK {ref} polsek-sekar")
    page = await sekar.get(f"/laporan/{ref}")
    assert "Alasan menolak rujukan (dibaca petugas Polsek Sananwetan, tidak dikirim ke pelapor)" in page.text
    assert "Alasan (dikirim ke pelapor)" not in page.text
    assert (await polres.get(f"/laporan/{ref}")).status_code == 200, "its Polsek's, until declined"
    declined = await sekar.post(f"/laporan/{ref}", data={"csrf": csrf_of(page.text), "action": "reject",
                                                         "argument": "salah rujuk, bukan wilayah kami"})
    assert declined.status_code == 303
    for viewer in (sekar, sekar_head, polres):
        assert (await viewer.get(f"/laporan/{ref}")).status_code == 404
        assert ref not in (await viewer.get("/laporan?status=dirujuk_keluar")).text
    home = await signed_in(app, await enrolled(engine, "telegram:700035", role=OfficerRole.HEAD))
    shown = await home.get(f"/laporan/{ref}")
    assert shown.status_code == 200 and "Alasan (dikirim ke pelapor)" in shown.text, "its own again"


async def test_the_page_offers_no_question_to_a_reporter_who_stopped_the_bot(engine: Engine, tmp_path: Path) -> None:
    """As the alert and LIHAT: after BERHENTI, the report's page has no Minta info, and a form sent from a page loaded
    before is refused saying why."""
    app = web_app(engine, tmp_path)
    ref = await a_report(engine)
    duty = await signed_in(app, await enrolled(engine, "telegram:700040"))
    before = (await duty.get(f"/laporan/{ref}")).text
    assert 'name="action" value="info"' in before
    await Resident(engine, RESIDENT).send("berhenti")
    page = (await duty.get(f"/laporan/{ref}")).text
    assert 'name="action" value="info"' not in page and 'name="action" value="refer"' in page
    said = await answered(duty, await duty.post(f"/laporan/{ref}", data={
        "csrf": csrf_of(before), "action": "info", "argument": "Jam berapa kejadiannya?"}), f"/laporan/{ref}")
    assert "memilih berhenti menerima pesan" in said, said


async def test_an_action_the_reporters_withdrawal_made_moot_on_the_page_says_so_and_what_is_left(
        engine: Engine, tmp_path: Path) -> None:
    """The page said only "cannot be done now" where the reporter, asked a question, had answered asking to withdraw
    the report: it says that they did, when, and what can still be done, in either language."""
    app = web_app(engine, tmp_path)
    ref = await a_report(engine)
    duty = await enrolled(engine, "telegram:700041")
    client = await signed_in(app, duty)
    csrf = csrf_of((await client.get(f"/laporan/{ref}")).text)
    await duty.send(f"INFO {ref} Jam berapa kejadiannya?")
    await Resident(engine, RESIDENT).send("batalin aja pak, hpnya udah ketemu")
    said = re.sub(r"\s+", " ", await answered(client, await client.post(
        f"/laporan/{ref}", data={"csrf": csrf, "action": "ack"}), f"/laporan/{ref}"))
    assert "Pelapor meminta laporan ini dibatalkan" in said and "WIB" in said and "hpnya udah ketemu" in said, said
    assert "Yang masih dapat Anda lakukan: Proses, Selesai, Minta info, Rujuk, Duplikat, Tolak" in said, said
    assert "tidak dapat dilakukan sekarang" not in said
    await client.get("/bahasa/en?ke=/laporan")
    english = re.sub(r"\s+", " ", await answered(client, await client.post(
        f"/laporan/{ref}", data={"csrf": csrf, "action": "ack"}), f"/laporan/{ref}"))
    assert "The reporter asked to withdraw this report" in english and "Resolve or Reject" in english, english


@pytest.mark.parametrize(("action", "typed"), [("resolve", "oke siap"), ("resolve", "otw ndan"),
                                               ("reject", "terima kasih"), ("reject", "siap 86")])
async def test_the_page_sends_the_reporter_no_words_the_chat_would_refuse(engine: Engine, tmp_path: Path,
                                                                          action: str, typed: str) -> None:
    """The chat asks again for a closing note or reason that tells the reporter nothing; the page sent it on."""
    app = web_app(engine, tmp_path)
    ref = await a_report(engine)
    duty = await signed_in(app, await enrolled(engine, "telegram:700042"))
    csrf = csrf_of((await duty.get(f"/laporan/{ref}")).text)
    said = await answered(duty, await duty.post(f"/laporan/{ref}", data={
        "csrf": csrf, "action": action, "argument": typed}), f"/laporan/{ref}")
    assert "belum menjelaskan apa pun kepada pelapor" in said, said
    assert (await report(engine, ref)).status == ReportStatus.RECEIVED
    done = await answered(duty, await duty.post(f"/laporan/{ref}", data={
        "csrf": csrf, "action": action, "argument": "Sudah dicek di lokasi, tidak ada kejadian"}), f"/laporan/{ref}")
    assert "belum menjelaskan" not in done and (await report(engine, ref)).status != ReportStatus.RECEIVED
