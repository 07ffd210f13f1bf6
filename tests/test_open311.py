"""The open read API (Open311 GeoReport v2) of `lapor serve`, over real HTTP against a year of sample reports:
answers hold the spec's fields and types, filters and paging agree with the data, it is off by default and
rate limited, and nothing in it reaches a resident."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import httpx
import pytest
from sqlalchemy import func, select

from bot.config import Settings
from handlers.publication import redact, service_request
from harness.loopback import serving
from storage import db as database
from storage import sample_reports
from storage.crypto import ContactCipher, PublicIds
from storage.models import (
    Attachment,
    Category,
    Contact,
    Identity,
    Report,
    ReportSource,
    ReportStatus,
    Station,
    to_the_hour,
    utcnow,
)
from storage.reports import create_report
from tests.helpers import TEST_SECRET, regions

pytestmark = pytest.mark.slow

BASE = "/open311/v2"
# GeoReport v2, "GET Service Requests" and "GET Service List": every field a response element carries.
SPEC_REQUEST_FIELDS = {"service_request_id", "status", "status_notes", "service_name", "service_code",
                       "description", "agency_responsible", "service_notice", "requested_datetime",
                       "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long",
                       "media_url"}
SPEC_SERVICE_FIELDS = {"service_code", "service_name", "description", "metadata", "type", "keywords", "group"}
NOW = to_the_hour(utcnow())
PHONE, EMAIL, NAME, URN = "081234567890", "ani.lestari@example.org", "Ani Lestari", "whatsapp:+6281299887766"
STREET = "Jl. Melati No. 7 RT 02/RW 05"
PIN = (-8.0987654, 112.1723456)


def settings(tmp_path: Path, database_url: str, **overrides: Any) -> Settings:
    return Settings(_env_file=None, data_dir=tmp_path, database_url=database_url,  # type: ignore[call-arg]
                    secret_key=TEST_SECRET, **{"open311_enabled": True, **overrides})


def valid_request(item: dict[str, Any]) -> None:
    """One service request as GeoReport v2 describes it."""
    assert set(item) == SPEC_REQUEST_FIELDS, set(item) ^ SPEC_REQUEST_FIELDS
    assert isinstance(item["service_request_id"], str) and item["service_request_id"]
    assert item["status"] in ("open", "closed")
    for field in ("requested_datetime", "updated_datetime"):
        moment = dt.datetime.fromisoformat(item[field])
        assert moment.tzinfo is not None, "a W3C date-time carries its offset"
        assert (moment.minute, moment.second, moment.microsecond) == (0, 0, 0), "times are to the hour"
    for field in SPEC_REQUEST_FIELDS - {"lat", "long"}:
        assert item[field] is None or isinstance(item[field], str), field
    assert all(item[f] is None or isinstance(item[f], float) for f in ("lat", "long"))


def valid_service(item: dict[str, Any]) -> None:
    assert set(item) == SPEC_SERVICE_FIELDS, set(item) ^ SPEC_SERVICE_FIELDS
    assert isinstance(item["metadata"], bool) and item["type"] in ("realtime", "batch", "blackbox")
    assert all(isinstance(item[f], str) and item[f] for f in ("service_code", "service_name", "group"))


async def add(db: Any, station: Station, identity: Identity, *, at: dt.datetime, contact: Contact | None,
              status: ReportStatus = ReportStatus.RECEIVED, category: Category = Category.SECURITY,
              withheld: bool = False) -> Report:
    report, _ = await create_report(
        db, attachments=[], actor="resident", category=category, withheld=withheld,
        description=f"Motor saya dicuri, saya {NAME}, hubungi {PHONE} atau {EMAIL}", occurred_text="tadi malam",
        location_text=STREET, latitude=PIN[0], longitude=PIN[1], province_code="35", regency_code="35.72",
        district_code="35.72.03", village_code="35.72.03.1001", station_id=station.id, urgent=False,
        identity=identity, source=ReportSource.CITIZEN, language="id",
        contact_id=None if identity == Identity.ANONYMOUS else contact.id if contact else None,
        created_at=to_the_hour(at) if identity == Identity.ANONYMOUS else at, updated_at=at)
    report.status = status
    db.add(Attachment(report_id=report.id, stored_name="a" * 64 + ".jpg", sha256="a" * 64,
                      content_type="image/jpeg"))
    return report


@pytest.fixture
async def year(database_url: str) -> AsyncIterator[dict[str, Any]]:
    """A year of sample reports at Polsek Sananwetan, and one report of each identity that says too much."""
    engine = database.create_engine(database_url)
    cipher = ContactCipher(TEST_SECRET)
    async with database.session_factory(engine)() as db, db.begin():
        station = (await db.execute(select(Station).where(Station.code == "POLSEK-SANANWETAN"))).scalar_one()
        samples = await sample_reports.generate(db, regions(), station, days=365, per_day=3, now=NOW, seed=7)
        contact = Contact(urn_hash=cipher.lookup_hash(URN), urn_encrypted=cipher.encrypt(URN),
                          display_name_encrypted=cipher.encrypt(NAME), channel="whatsapp", language="id")
        db.add(contact)
        await db.flush()
        at = NOW - dt.timedelta(hours=5) + dt.timedelta(minutes=23)
        chatty = {identity: await add(db, station, identity, at=at, contact=contact) for identity in Identity}
        refs = {identity: report.ref for identity, report in chatty.items()}
    yield {"samples": samples, "refs": refs, "station_id": station.id}
    await engine.dispose()


async def get(client: httpx.AsyncClient, path: str, **params: Any) -> Any:
    response = await client.get(BASE + path, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    return response.json()


async def all_pages(client: httpx.AsyncClient, **params: Any) -> list[dict[str, Any]]:
    found, page = [], 1
    while batch := await get(client, "/requests.json", page=page, page_size=200, **params):
        found += batch
        page += 1
    return found


async def test_the_api_is_off_unless_enabled(tmp_path: Path, database_url: str) -> None:
    async with serving(settings(tmp_path, database_url, open311_enabled=False)) as (url, _engine), \
            httpx.AsyncClient(base_url=url) as client:
        assert (await client.get(f"{BASE}/services.json")).status_code == 404
        assert (await client.get(f"{BASE}/requests.json")).status_code == 404


async def test_a_year_of_reports_read_through_the_spec(tmp_path: Path, database_url: str,
                                                      year: dict[str, Any]) -> None:
    async with serving(settings(tmp_path, database_url, open311_per_minute=10_000)) as (url, engine), \
            httpx.AsyncClient(base_url=url) as client:
        listed_services = await get(client, "/services.json")
        for service in listed_services:
            valid_service(service)
        assert {s["service_code"] for s in listed_services} == {c.value for c in Category} - {"drugs"}

        default = await get(client, "/requests.json")
        assert len(default) == 50, "one page of the default size"
        for item in default:
            valid_request(item)
        start = (NOW - dt.timedelta(days=400)).isoformat()
        everything = await all_pages(client, start_date=start)
        async with engine.sessions() as db:
            total = (await db.execute(select(func.count()).select_from(Report))).scalar_one()
        async with engine.sessions() as db:
            undisclosed = (await db.execute(select(func.count()).select_from(Report)
                                            .where(Report.category == Category.DRUGS))).scalar_one()
        assert undisclosed and len(everything) == total - undisclosed and total == year["samples"] + 3
        assert all(item["service_code"] != "drugs" for item in everything), "a drug report is never published"
        assert len({item["service_request_id"] for item in everything}) == len(everything), "pages do not overlap"
        stamps = [item["requested_datetime"] for item in everything]
        assert [dt.datetime.fromisoformat(s) for s in stamps] == sorted(
            (dt.datetime.fromisoformat(s) for s in stamps), reverse=True)

        traffic_closed = await all_pages(client, start_date=start, service_code="traffic", status="closed")
        assert traffic_closed and all(i["service_code"] == "traffic" and i["status"] == "closed"
                                      for i in traffic_closed)
        assert len(traffic_closed) == sum(i["service_code"] == "traffic" and i["status"] == "closed"
                                          for i in everything)
        asked = await client.get(f"{BASE}/requests.json", params={"service_code": "drugs"})
        assert asked.status_code == 400, "no such service to ask for"
        async with engine.sessions() as db:
            drug_report = (await db.execute(select(Report.id).where(Report.category == Category.DRUGS))).scalar()
        hidden_id = PublicIds(TEST_SECRET).encode(drug_report)
        assert (await client.get(f"{BASE}/requests/{hidden_id}.json")).status_code == 404
        assert await get(client, "/requests.json", service_request_id=hidden_id) == []

        end = NOW - dt.timedelta(days=30)
        month = await all_pages(client, start_date=(end - dt.timedelta(days=30)).isoformat(), end_date=end.isoformat())
        assert month and all(end - dt.timedelta(days=30) <= dt.datetime.fromisoformat(i["requested_datetime"]) <= end
                             for i in month)
        assert len(month) == sum(end - dt.timedelta(days=30) <= dt.datetime.fromisoformat(i["requested_datetime"])
                                 <= end for i in everything)

        # Inside an hour the order says nothing of when each came: not the order of creation, nor its reverse.
        ids = PublicIds(TEST_SECRET)
        async with engine.sessions() as db:
            created = {i: (at, i) for i, at in await db.execute(select(Report.id, Report.created_at))}
        by_hour: dict[str, list[tuple[dt.datetime, int]]] = {}
        for item in everything:
            by_hour.setdefault(item["requested_datetime"], []).append(created[ids.decode(item["service_request_id"])])
        shared = [listed for listed in by_hour.values() if len(listed) > 1]
        assert len(shared) >= 30, "enough hours with several reports to tell"
        in_order = sum(listed == sorted(listed) for listed in shared)
        in_reverse = sum(listed == sorted(listed, reverse=True) for listed in shared)
        assert 0.15 * len(shared) < in_order < 0.85 * len(shared), (in_order, len(shared))
        assert 0.15 * len(shared) < in_reverse < 0.85 * len(shared), (in_reverse, len(shared))

        one = everything[123]
        assert await get(client, f"/requests/{one['service_request_id']}.json") == [one]
        both = await get(client, "/requests.json",
                         service_request_id=f"{one['service_request_id']},{everything[7]['service_request_id']}")
        assert [i["service_request_id"] for i in both] == [one["service_request_id"],
                                                            everything[7]["service_request_id"]]
        for missing in ("0" * 32, "nothex", year["refs"][Identity.ANONYMOUS]):
            answer = await client.get(f"{BASE}/requests/{missing}.json")
            assert answer.status_code == 404 and answer.json()[0]["code"] == 404


@pytest.mark.parametrize(("params", "says"), [
    ({"service_code": "theft"}, "unknown service_code"),
    ({"status": "pending"}, "status must be"),
    ({"start_date": "yesterday"}, "start_date must be a W3C date-time"),
    ({"start_date": "2026-02-01T00:00:00Z", "end_date": "2026-01-01T00:00:00Z"}, "start_date is after end_date"),
    ({"page_size": "100000"}, "page_size must be"),
    ({"page": "-1"}, "page must be"),
    ({"end_date": "0001-01-01T00:00:00Z"}, "between the years 1 and 9999"),
    ({"end_date": "9999-12-31T23:30:00Z"}, "between the years 1 and 9999"),
    ({"start_date": "0001-01-01T00:00:00+07:00"}, "start_date must be a W3C date-time"),
])
async def test_bad_parameters_get_the_specs_error_form(tmp_path: Path, database_url: str, params: dict[str, str],
                                                       says: str) -> None:
    async with serving(settings(tmp_path, database_url)) as (url, _engine), httpx.AsyncClient(base_url=url) as client:
        response = await client.get(f"{BASE}/requests.json", params=params)
    assert response.status_code == 400
    [error] = response.json()
    assert error["code"] == 400 and says in error["description"]


async def test_each_client_is_rate_limited_and_told_when_to_come_back(tmp_path: Path, database_url: str) -> None:
    async with serving(settings(tmp_path, database_url, open311_per_minute=3)) as (url, _engine), \
            httpx.AsyncClient(base_url=url) as client:
        answers = [await client.get(f"{BASE}/services.json") for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert 1 <= int(answers[-1].headers["retry-after"]) <= 60
    assert answers[-1].json()[0]["code"] == 429


async def test_a_withheld_report_is_never_published(tmp_path: Path, database_url: str) -> None:
    """Violence at home or a threat: the household, or whoever threatened, would read it as a neighbour's word."""
    engine = database.create_engine(database_url)
    at = NOW - dt.timedelta(hours=3)
    async with database.session_factory(engine)() as db, db.begin():
        station = (await db.execute(select(Station).where(Station.code == "POLSEK-SANANWETAN"))).scalar_one()
        for withheld in (False, True):
            await add(db, station, Identity.ANONYMOUS, at=at, contact=None, withheld=withheld)
    await engine.dispose()
    async with serving(settings(tmp_path, database_url)) as (url, _engine), httpx.AsyncClient(base_url=url) as client:
        published = await all_pages(client, start_date=(at - dt.timedelta(hours=1)).isoformat())
        singles = [(await client.get(f"{BASE}/requests/{i['service_request_id']}.json")).status_code
                   for i in published]
    assert len(published) == 1 and singles == [200], "the report told alike but withheld is not there"


async def test_the_answers_leak_nothing_of_residents(tmp_path: Path, database_url: str,
                                                      year: dict[str, Any]) -> None:
    refs = year["refs"]
    async with serving(settings(tmp_path, database_url)) as (url, engine), httpx.AsyncClient(base_url=url) as client:
        recent = await all_pages(client, start_date=(NOW - dt.timedelta(days=2)).isoformat())
        published = await all_pages(client)
        singles = [await get(client, f"/requests/{i['service_request_id']}.json") for i in recent]
        async with engine.sessions() as db, db.begin():
            station = await db.get(Station, year["station_id"])
            station.public_descriptions = True
        opened = await all_pages(client, start_date=(NOW - dt.timedelta(days=2)).isoformat())
    raw = json.dumps([recent, published, singles])
    secrets_of_residents = [PHONE, PHONE[1:], EMAIL, NAME, URN, URN.split("+")[1], STREET, "Melati",
                            str(PIN[0]), str(PIN[1]), "8.0987", "112.1723", "a" * 64, *refs.values()]
    assert not [s for s in secrets_of_residents if s in raw]
    assert all(item["description"] is None and item["media_url"] is None for item in published)
    chatty = [i for i in recent if i["requested_datetime"] == to_the_hour(NOW - dt.timedelta(hours=5)).astimezone(
        dt.timezone(dt.timedelta(hours=7))).isoformat() and i["service_code"] == "security"]
    assert len(chatty) >= 3
    # The three reports that differ only in how the resident chose to be known read the same.
    shapes = {json.dumps({k: v for k, v in item.items() if k != "service_request_id"}, sort_keys=True)
              for item in chatty}
    assert len(shapes) == 1, shapes
    assert chatty[0]["address"] == "Kel. Gedog, Kec. Sananwetan, Kota Blitar"
    assert chatty[0]["address_id"] == "35.72.03.1001" and chatty[0]["zipcode"] == "66137"
    assert (chatty[0]["lat"], chatty[0]["long"]) == (None, None)

    # A station that publishes its reports' text: the words, without what reaches the resident.
    texts = [i["description"] for i in opened if i["description"] and "Motor saya dicuri" in i["description"]]
    assert len(texts) == 3
    opened_raw = json.dumps(opened)
    assert PHONE not in opened_raw and EMAIL not in opened_raw and URN.split("+")[1] not in opened_raw


@pytest.mark.parametrize("private", ["0812-3456-7890", "+62 812 3456 7890", "ani.l@mail.co.id", "@ani_lestari",
                                     "https://wa.me/6281234567890", "AG 1234 XY", "ag1234xy", "RT 02", "RW.05",
                                     "No. 7B", "Jl. Melati Indah", "Gang Mawar", "3572031234567890",
                                     "0812/3456/7890", "0812–3456–7890", "nomor 0812 3456 7890", "@budi.santoso88",
                                     "Jl. Melati no 12 RT 03 RW 05", "rumah no 5 rt 2", "nama saya Rudi Hartono",
                                     "[nama disembunyikan]", "[nomor disembunyikan]", "[dihapus]", "[number hidden]",
                                     "[email disembunyikan]", "[e-mail hidden]", "[akun disembunyikan]",
                                     "[account hidden]", "nol delapan satu dua tiga empat lima enam tujuh delapan",
                                     "wa 08 satu dua 3456 7890", "budi at gmail dot com", "fb: budi santoso",
                                     "ig sy budi_s"])
def test_a_published_text_keeps_the_words_but_not_what_reaches_or_places_a_person(private: str) -> None:
    text = f"Motor saya dicuri kemarin malam di dekat pasar, {private}, tolong ditindak"
    published = redact(text)
    assert private.lower() not in published.lower()
    assert not re.search(r"\d|Rudi|disembunyikan|hidden|dihapus", published), published
    assert published.startswith("Motor saya dicuri kemarin malam di dekat pasar,")
    assert published.endswith("tolong ditindak")


def test_waiting_for_the_reporter_is_published_as_being_handled_as_no_anonymous_report_can_be() -> None:
    report = Report(ref="LP-TEST-0001", category=Category.SECURITY, description="Motor saya dicuri",
                    status=ReportStatus.NEED_INFO, created_at=NOW, updated_at=NOW)
    published = service_request(report, None, "x", regions(), "id")
    assert (published["status"], published["status_notes"]) == ("open", "Sedang ditindaklanjuti")


async def test_the_same_answers_come_as_xml(tmp_path: Path, database_url: str, year: dict[str, Any]) -> None:
    async with serving(settings(tmp_path, database_url)) as (url, _engine), httpx.AsyncClient(base_url=url) as client:
        as_json = (await client.get(f"{BASE}/requests.json", params={"page_size": 20})).json()
        as_xml = await client.get(f"{BASE}/requests.xml", params={"page_size": 20})
        services_xml = await client.get(f"{BASE}/services.xml")
        one = await client.get(f"{BASE}/requests/{as_json[0]['service_request_id']}.xml")
        error = await client.get(f"{BASE}/requests.xml", params={"status": "pending"})
        other = await client.get(f"{BASE}/requests.csv")
    assert as_xml.headers["content-type"].startswith("text/xml")
    root = ElementTree.fromstring(as_xml.content)
    assert root.tag == "service_requests"
    read = [{field.tag: field.text for field in request} for request in root]
    for item in read:
        assert set(item) == SPEC_REQUEST_FIELDS
    assert read == [{k: None if v is None else str(v) for k, v in item.items()} for item in as_json]
    services_root = ElementTree.fromstring(services_xml.content)
    assert services_root.tag == "services" and len(services_root) == len(Category) - 1  # no drugs
    assert {field.tag for field in services_root[0]} == SPEC_SERVICE_FIELDS
    assert services_root[0].find("metadata").text == "false"
    assert ElementTree.fromstring(one.content)[0].find("service_request_id").text == as_json[0]["service_request_id"]
    assert error.status_code == 400 and ElementTree.fromstring(error.content)[0].find("code").text == "400"
    assert other.status_code == 404
