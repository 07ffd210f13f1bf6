"""Deploying stations: official codes looked up, a registry drafted for whole kabupaten/kota, every row of an
import checked against the official names before anything is written."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import create_async_engine

from handlers.engine import Engine
from storage import db as database
from storage.models import Base, Category, Identity, Report, Station, utcnow
from storage.regions import PlaceCandidate
from storage.stations import (
    StationRow,
    coverage,
    draft_registry,
    import_stations,
    list_stations,
    parse_stations,
    registry_csv,
    station_by_code,
)
from tests.helpers import lapor, regions

HEADER = "code,name,kind,parent,timezone,latitude,longitude,phone,areas\n"
KOTA_BLITAR, KAB_BLITAR = "35.72", "35.05"
KEPANJENKIDUL, SUKOREJO, SANANWETAN = "35.72.01", "35.72.02", "35.72.03"


def codes(found: list[PlaceCandidate]) -> list[str]:
    return [place.code for place in found]


def test_find_reads_a_typed_name_as_route_does_and_gives_official_codes() -> None:
    assert codes(regions().find("kepanjen kidul blitar", level=3))[0] == KEPANJENKIDUL
    assert set(codes(regions().find("blitar", level=2))) == {KOTA_BLITAR, KAB_BLITAR}
    assert regions().full_name(SUKOREJO) == "Kecamatan Sukorejo, Kota Blitar, Jawa Timur"
    # A village read with its kecamatan gives the kecamatan at that level; without a level, the village.
    assert codes(regions().find("gedok sananwetn blitar", level=3)) == [SANANWETAN]
    assert codes(regions().find("gedok sananwetn blitar")) == ["35.72.03.1001"]


def test_find_at_kecamatan_level_leaves_out_villages_named_alone() -> None:
    found = regions().find("sukorejo", level=3)
    assert SUKOREJO in codes(found)
    assert all(regions().get(place.code).name == "Sukorejo" for place in found), [p.code for p in found]


def test_find_takes_codes_dotted_or_run_together() -> None:
    assert codes(regions().find("357202")) == [SUKOREJO]
    assert codes(regions().find("35.72.02", level=3)) == [SUKOREJO]
    assert regions().find("35.72.02", level=2) == []
    assert regions().find("xyzzy qwrtp") == []


def test_matches_name_forgives_spaces_and_level_words_but_not_another_kind() -> None:
    assert regions().matches_name(SANANWETAN, "Kec. Sanan Wetan")
    assert regions().matches_name(KOTA_BLITAR, "Kota Blitar") and regions().matches_name(KOTA_BLITAR, "Blitar")
    assert not regions().matches_name(KOTA_BLITAR, "Kabupaten Blitar")
    assert not regions().matches_name(SUKOREJO, "Kepanjenkidul")


async def test_a_station_named_after_another_kecamatan_is_refused_with_the_code_it_meant(engine: Engine) -> None:
    text = HEADER + "POLSEK-KEPANJENKIDUL,Polsek Kepanjenkidul,polsek,POLRES-BLITAR-KOTA,,,,,35.72.02\n"
    async with engine.sessions() as db, db.begin():
        result = await import_stations(db, text, regions())
    [error] = result.errors
    assert error.startswith("line 2: ")
    assert "Kepanjenkidul" in error and "Sukorejo" in error and KEPANJENKIDUL in error
    assert f"put {KEPANJENKIDUL} in areas, or correct the name" in error


async def test_a_name_beside_a_code_must_be_that_codes_official_name(engine: Engine) -> None:
    text = HEADER + ("A1,Polsek Satu,polsek,POLRES-BLITAR-KOTA,,,,,35.72.02 Kepanjen Kidl\n"
                     "A2,Polsek Dua,polsek,POLRES-BLITAR-KOTA,,,,,357201 Sukorejo\n")
    async with engine.sessions() as db, db.begin():
        result = await import_stations(db, text, regions())
    first, second = result.errors
    assert first.startswith("line 2: area 35.72.02 is Kecamatan Sukorejo, Kota Blitar")
    assert f"probably {KEPANJENKIDUL}" in first and "write its name, Sukorejo" in first
    assert second.startswith("line 3: area 35.72.01 is Kecamatan Kepanjenkidul")
    assert f"probably {SUKOREJO}" in second


async def test_every_rows_problem_is_listed_and_nothing_is_written(engine: Engine) -> None:
    text = HEADER + ("OK,Polsek Baik,polsek,POLRES-BLITAR-KOTA,,,,,35.72.01 Kepanjenkidul\n"
                     "B1,Polsek B,polsek,POLRES-NOWHERE,,,,,35.72.02 Sukorejo\n"
                     "B2,Polsek C,polsek,,,,,,35.72.02\n"
                     "B3,Polsek D,polsek,,,,,,Sukorejo\n"
                     "B4,Polsek E,polsek,POLRES-BLITAR-KOTA,,,,,35.05.01\n"
                     "B5,Polsek F,polsek,,,,,,35.72.03.1001\n")
    async with engine.sessions() as db, db.begin():
        before = (await db.execute(select(func.count()).select_from(Station))).scalar_one()
        result = await import_stations(db, text, regions())
    lines = [int(error.split(":")[0].removeprefix("line ")) for error in result.errors]
    assert set(lines) == {3, 4, 5, 6, 7}, result.errors
    assert lines == sorted(lines)
    joined = "\n".join(result.errors)
    assert "parent station POLRES-NOWHERE is unknown" in joined
    assert "area 35.72.02 is already covered on line 3" in joined
    assert "must start with a code" in joined and "lapor regions find" in joined
    assert "parent POLRES-BLITAR-KOTA covers 35.72: give the Polres of 35.05 as parent" in joined
    assert f"its kecamatan is {SANANWETAN}" in joined
    async with engine.sessions() as db:
        assert (await db.execute(select(func.count()).select_from(Station))).scalar_one() == before


async def test_a_draft_for_two_regencies_imports_and_imports_again_unchanged(engine: Engine) -> None:
    async with engine.sessions() as db, db.begin():
        rows = await draft_registry(db, regions(), [KOTA_BLITAR, KAB_BLITAR])
        text = registry_csv(rows, regions())
        first = await import_stations(db, text, regions())
    kab_districts = regions().districts_in(KAB_BLITAR)
    kota_districts = regions().districts_in(KOTA_BLITAR)
    assert first.errors == []
    # The shipped Polres Blitar Kota and Polsek Sananwetan keep their regions; everything else is new.
    assert (first.created, first.unchanged) == (1 + len(kab_districts) + len(kota_districts) - 1, 2)
    async with engine.sessions() as db:
        stations = {s["code"]: s for s in await list_stations(db)}
    polres = stations["POLRES-3505"]
    assert (polres["name"], polres["kind"], polres["areas"]) == ("Polres Blitar", "polres", [KAB_BLITAR])
    for district in kab_districts:
        polsek = stations[f"POLSEK-{district.code.replace('.', '')}"]
        assert polsek["name"] == f"Polsek {district.name}" and polsek["parent"] == "POLRES-3505"
        assert polsek["areas"] == [district.code] and polsek["timezone"] == "Asia/Jakarta"
    assert stations["POLSEK-357201"]["parent"] == "POLRES-BLITAR-KOTA"
    assert stations["POLSEK-SANANWETAN"]["areas"] == [SANANWETAN]
    async with engine.sessions() as db, db.begin():
        again = await import_stations(db, registry_csv(await draft_registry(db, regions(), [KAB_BLITAR]), regions()),
                                      regions())
    assert (again.errors, again.created, again.updated) == ([], 0, 0)


def test_the_whole_country_drafts_one_polsek_per_kecamatan_that_the_import_accepts() -> None:
    index = regions()
    rows = _draft_all()
    counts = index.counts()
    assert len(rows) == counts[2] + counts[3]
    parsed, errors = parse_stations(registry_csv(rows, index), index)
    assert errors == [] and len(parsed) == len(rows)
    zone_of = {row.areas[0]: row.timezone for row in rows}
    wita = ("Bali", "Nusa Tenggara Barat", "Nusa Tenggara Timur", "Kalimantan Selatan", "Kalimantan Timur",
            "Kalimantan Utara", "Sulawesi Utara", "Sulawesi Tengah", "Sulawesi Selatan", "Sulawesi Tenggara",
            "Gorontalo", "Sulawesi Barat")
    wit = ("Maluku", "Maluku Utara", "Papua", "Papua Barat", "Papua Selatan", "Papua Tengah", "Papua Pegunungan",
           "Papua Barat Daya")
    for code, zone in zone_of.items():
        province = index.get(code[:2]).name
        expected = "WITA" if province in wita else "WIT" if province in wit else "WIB"
        assert {"Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA",
                "Asia/Jayapura": "WIT"}[zone] == expected, (code, province, zone)
    assert sum(index.get(code[:2]).name in wit for code in zone_of) > 1000


def _draft_all() -> list[StationRow]:
    """The draft of every kabupaten/kota on an empty registry."""

    async def draft() -> list[StationRow]:
        engine = create_async_engine("sqlite+aiosqlite://")
        async with engine.begin() as connection:
            await connection.run_sync(Base.metadata.create_all)
        async with database.session_factory(engine)() as db:
            rows = await draft_registry(db, regions(), [r.code for r in regions().regencies()])
        await engine.dispose()
        return rows

    return asyncio.run(draft())


@pytest.mark.slow
def test_a_polres_is_deployed_from_the_command_line(tmp_path: Path, database_url: str) -> None:
    found = lapor("regions", "find", "blitar", "--level", "kab", "--json", data_dir=tmp_path, database_url=database_url)
    assert found.returncode == 0, found.stderr
    assert {r["code"]: r["full_name"] for r in json.loads(found.stdout)} == {
        KAB_BLITAR: "Kabupaten Blitar, Jawa Timur", KOTA_BLITAR: "Kota Blitar, Jawa Timur"}
    draft = tmp_path / "stations.csv"
    written = lapor("stations", "generate", "--regency", KAB_BLITAR, "--regency", "3572", "--out", str(draft),
                    data_dir=tmp_path, database_url=database_url)
    assert written.returncode == 0, written.stderr
    assert "POLSEK-350503,Polsek Srengat,polsek,POLRES-3505,Asia/Jakarta" in draft.read_text()
    imported = lapor("stations", "import", str(draft), data_dir=tmp_path, database_url=database_url)
    assert imported.returncode == 0, imported.stderr
    applied = lapor("stations", "generate", "--regency", KAB_BLITAR, "--apply", data_dir=tmp_path,
                    database_url=database_url)
    assert applied.returncode == 0, applied.stderr
    assert applied.stdout.startswith("0 created, 0 updated,")
    routed = lapor("route", "srengat blitar", "--json", data_dir=tmp_path, database_url=database_url)
    assert json.loads(routed.stdout)["station"] == "POLSEK-350503"
    covered = lapor("stations", "coverage", "--regency", KAB_BLITAR, data_dir=tmp_path, database_url=database_url)
    assert "every kecamatan of the 1 kabupaten/kota is covered by a Polsek" in covered.stdout, covered.stderr
    gaps = lapor("stations", "coverage", "--regency", "35.22", "--json", data_dir=tmp_path, database_url=database_url)
    [bojonegoro] = json.loads(gaps.stdout)
    assert bojonegoro["polres"] == "POLRES-BOJONEGORO" and len(bojonegoro["uncovered"]) == 27
    neither = lapor("stations", "generate", data_dir=tmp_path, database_url=database_url)
    assert neither.returncode == 1 and "--regency CODE" in neither.stderr
    wrong = lapor("stations", "generate", "--regency", "35.05.01", data_dir=tmp_path, database_url=database_url)
    assert wrong.returncode != 0 and "not a kabupaten/kota code" in wrong.stderr


async def test_coverage_lists_uncovered_kecamatan_and_the_reports_the_fallback_desk_got(engine: Engine) -> None:
    now = utcnow()
    async with engine.sessions() as db, db.begin():
        desk = await station_by_code(db, "PUSAT")
        polsek = await station_by_code(db, "POLSEK-SANANWETAN")
        for number, (district, station, age) in enumerate([
                (SUKOREJO, desk, 1), (SUKOREJO, desk, 2), ("35.05.03", desk, 3), (None, desk, 4),
                (SUKOREJO, desk, 45), (SANANWETAN, polsek, 1)]):
            regency = district[:5] if district else KAB_BLITAR
            db.add(Report(ref=f"LP-TEST-{number:04d}", category=Category.SECURITY, description="(data contoh)",
                          occurred_text="tadi", identity=Identity.CONFIDENTIAL, language="id",
                          station_id=station.id, district_code=district, regency_code=regency,
                          created_at=now - dt.timedelta(days=age)))
    async with engine.sessions() as db:
        kab, kota = await coverage(db, regions(), [KOTA_BLITAR, KAB_BLITAR], now - dt.timedelta(days=30))
    assert kab.regency.code == KAB_BLITAR and kota.regency.code == KOTA_BLITAR
    assert kota.polres == "POLRES-BLITAR-KOTA" and kab.polres is None
    assert [d.code for d in kota.uncovered] == [KEPANJENKIDUL, SUKOREJO]
    assert kota.fallback_reports == {SUKOREJO: 2}  # the report 45 days old is left out, the covered one too
    assert len(kab.uncovered) == kab.districts == len(regions().districts_in(KAB_BLITAR))
    assert kab.fallback_reports == {"35.05.03": 1, "": 1}


@pytest.mark.parametrize(("row", "says"), [
    ("T1,Polsek Sukorejo,polsek,POLRES-BLITAR-KOT,,,,,35.72.02\n",
     "parent station POLRES-BLITAR-KOT is unknown: did you mean POLRES-BLITAR-KOTA?"),
    ("T1,Polsek Sukorejo,polsek,POLRES-BLITAR-KOTA,,,,,35.72.2\n", "'35.72.2' is not an official code: write two"),
    ("T1,Polsek Sukorejo,polsek,POLRES-BLITAR-KOTA,,,,,35.72.02 Sukorjo\n",
     "area 35.72.02 is Kecamatan Sukorejo, Kota Blitar, Jawa Timur, not 'Sukorjo': write its name as Sukorejo"),
    ("T1,Polres Blitar,polres,,,,,,35.06 Kabupaten Blitar\n", "probably 35.05 (Kabupaten Blitar, Jawa Timur)"),
    ("T1,Polsek Anam,polsek,,,,,,13.05.04 2 x 11 Anam Lingkuang; 35.722\n", "'35.722' is not an official code"),
    ("T1,Polres X,polres,,,,,,35.72.02\n", "a polres covers kabupaten/kota codes"),
])
async def test_a_typo_in_a_row_is_refused_with_how_to_fix_it(engine: Engine, row: str, says: str) -> None:
    async with engine.sessions() as db, db.begin():
        result = await import_stations(db, HEADER + row, regions())
    assert len(result.errors) == 1 and says in result.errors[0], result.errors


async def test_a_station_opens_its_report_texts_only_with_a_yes_in_its_row(engine: Engine) -> None:
    header = HEADER.rstrip("\n") + ",public_descriptions\n"
    async with engine.sessions() as db, db.begin():
        row = "T1,Polsek Sukorejo,polsek,POLRES-BLITAR-KOTA,,,,,35.72.02,maybe\n"
        refused = await import_stations(db, header + row, regions())
        opened = await import_stations(db, header + "T1,Polsek Sukorejo,polsek,POLRES-BLITAR-KOTA,,,,,35.72.02,yes\n"
                                       "T2,Polsek Kepanjenkidul,polsek,POLRES-BLITAR-KOTA,,,,,35.72.01,\n", regions())
    assert refused.errors == ["line 2: public_descriptions 'maybe' must be yes or no"]
    assert opened.errors == []
    async with engine.sessions() as db:
        stations = {s["code"]: s for s in await list_stations(db)}
    assert stations["T1"]["public_descriptions"] is True and stations["T2"]["public_descriptions"] is False
    assert stations["POLSEK-SANANWETAN"]["public_descriptions"] is False
