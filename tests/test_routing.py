"""Routing: typed places and pins to region codes and the station that covers them."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from handlers import routing
from handlers.engine import Engine
from handlers.i18n import t
from storage import db as database
from storage import regions as storage_regions
from storage.models import Station, StationArea
from storage.regions import AREAS_ONE_BY_ONE
from storage.stations import (
    SEED_FILE,
    areas_covered,
    draft_registry,
    import_stations,
    list_stations,
    registry_csv,
    timezone_for,
)
from tests.helpers import READING_ON_SQLITE, Resident, at_location, draft_of, finish, regions, station_code

GEDOG = "35.72.03.1001"
SEKAR = "35.22.27"


@pytest.mark.parametrize("typed", [
    "Kel. Gedok, Kec. Sananwetn, Blitar",
    "gedog sananwetan",
    "gedok sananwetn blitar",
    "Jl. Merdeka RT 02/RW 05 Gedog, Sananwetan",
    "kelurahan gedog kecamatan sanan wetan kota blitar",
])
async def test_gedog_typed_any_way_lands_at_polsek_sananwetan(engine: Engine, typed: str) -> None:
    resident = await at_location(engine)
    await resident.send(typed)
    assert resident.text == "Maksud Anda Kel. Gedog, Kec. Sananwetan, Kota Blitar?"
    assert [c.label for c in resident.replies[0].choices] == ["Ya", "Bukan"]
    await resident.send("ya")
    report = await finish(resident)
    assert "diteruskan ke Polsek Sananwetan (Polres Blitar Kota)" in resident.text
    assert (report.village_code, report.district_code, report.regency_code, report.province_code) == (
        GEDOG, "35.72.03", "35.72", "35")
    assert report.location_text == typed, "the words as typed stay with the report"
    assert not report.needs_routing
    assert await station_code(engine, report) == "POLSEK-SANANWETAN"


@pytest.mark.parametrize("typed", [
    "Kec. Sekar, Kab. Bojonegoro",
    "sekar bojonegoro",
    "sekr bojonegor",
    "dekat pasar Sekar Bojonegoro",
    "kecamatan sekar kabupaten bojonegoro",
])
async def test_sekar_typed_any_way_lands_at_polsek_sekar(engine: Engine, typed: str) -> None:
    resident = await at_location(engine)
    await resident.send(typed)
    assert resident.text == "Maksud Anda Kec. Sekar, Kab. Bojonegoro?"
    await resident.send("Ya")
    report = await finish(resident)
    assert report.district_code == SEKAR and report.village_code is None
    assert await station_code(engine, report) == "POLSEK-SEKAR"
    assert "Polsek Sekar (Polres Bojonegoro)" in resident.text


async def test_a_repeated_village_name_is_asked_never_guessed(engine: Engine) -> None:
    resident = await at_location(engine)
    await resident.send("Sidomulyo")
    assert resident.heard("place.pick")
    options = resident.options()
    assert len(options) == 4 and options[-1] == "Tidak ada yang cocok"
    assert all("Sidomulyo" in option for option in options[:3])
    await resident.send("2")
    picked = resident.replies  # the next question: the place was taken
    assert any("Kapan" in reply.text for reply in picked)
    report = await finish(resident)
    assert report.village_code or report.district_code
    assert "Sidomulyo" in regions().get(report.village_code or report.district_code).name


@pytest.mark.parametrize("typed", ["kel karangtengah", "Kelurahan Sukorejo", "ds karang tengah"])
async def test_a_name_that_repeats_across_the_country_offers_the_one_the_stations_cover_first(
        engine: Engine, typed: str) -> None:
    resident = await at_location(engine)
    await resident.send(typed)
    options = resident.options()
    assert options and "Kota Blitar" in options[0], options


@READING_ON_SQLITE
@pytest.mark.parametrize(("typed", "first"), [
    # the one covered, then in the province the stations serve, a town's kelurahan before a desa; Kebumen's and the
    # Jati Mulyo of Sumatra after them
    ("jatimulyo", ["Kab. Bojonegoro", "Kel. Jatimulyo, Kec. Lowokwaru, Kota Malang", "Kab. Tulungagung"]),
    ("jati mulyo", ["Kab. Bojonegoro", "Kota Malang"]), ("jatimulyo pak", ["Kab. Bojonegoro", "Kota Malang"]),
    ("sidomulyo", ["Kab. Bojonegoro", "Kel. Sidomulyo, Kec. Tuban", "Kab. Pacitan"]),
    ("desa jatimulyo", ["Kab. Bojonegoro", "Kab. Tulungagung"]),  # a desa said: no kelurahan first
    # a kecamatan said as a village, near the stations, before the desa of its name far away
    ("desa singosari", ["Kec. Singosari, Kab. Malang"]), ("ds. singosari", ["Kec. Singosari, Kab. Malang"]),
    ("kel singosari", ["Kel. Singosari, Kec. Kebomas", "Kec. Singosari, Kab. Malang"]),
    ("desa singosri", ["Kec. Singosari, Kab. Malang"]), ("desa karangploso", ["Kec. Karangploso, Kab. Malang"]),
    ("pasar dinoyo", ["Kota Malang"]),  # none covered: a landmark's village of a kota first
    ("dkt psr dinoyo", ["Kota Malang"]),
    ("desa kauman", ["Kab. Bojonegoro"]),  # the kind typed goes first
    ("pasar besar malang", ["Kota Malang", "Kab. Malang"]),  # a landmark with a kab/kota's name: the town
    ("dpn stasiun kediri", ["Kota Kediri", "Kab. Kediri"]),
    # a town's spot (a campus, a mall) with a name a kota and a kabupaten share: the kota
    ("kampus ub malang", ["Kota Malang", "Kab. Malang"]), ("ub campus malang", ["Kota Malang", "Kab. Malang"]),
    ("universitas brawijaya malang", ["Kota Malang", "Kab. Malang"]), ("univ kediri", ["Kota Kediri", "Kab. Kediri"]),
    ("mall olympic garden malang", ["Kota Malang", "Kab. Malang"]),
    ("kampus unisba blitar", ["Kota Blitar", "Kab. Blitar"]),
    ("sawah di malang", ["Kab. Malang", "Kota Malang"]),  # no spot of a town's: as before, the kabupaten
    ("ds dumdum", ["Kab. Nduga"]), ("ds dum dum", ["Kab. Halmahera Utara"]),  # the name spelt as typed
    # a kab/kota's name alone is the kab/kota before a desa of its name near a station; a desa said is the desa
    ("tulungagung", ["Kab. Tulungagung", "Kab. Bojonegoro"]), ("di tulungagung pak", ["Kab. Tulungagung"]),
    ("desa tulungagung", ["Kab. Bojonegoro"]),
    # "kel." is written of a kelurahan only: the kelurahan of the name before a desa near a station; "desa" and the
    # name alone keep the near one first
    ("kel. bumiayu", ["Kel. Bumiayu, Kec. Kedungkandang", "Kel. Bumi Ayu"]),
    ("kelurahan bumiayu pak", ["Kel. Bumiayu, Kec. Kedungkandang", "Kel. Bumi Ayu"]),
    ("kel donan", ["Kel. Donan, Kec. Cilacap Tengah", "Kab. Bojonegoro"]),
    ("desa bumiayu", ["Kab. Bojonegoro"]), ("bumiayu", ["Kab. Bojonegoro"]),
])
async def test_places_of_one_name_are_offered_nearest_and_likeliest_first(engine: Engine, typed: str,
                                                                         first: list[str]) -> None:
    resident = await at_location(engine)
    await resident.send(typed)
    options = resident.options()
    assert len(options) > len(first), options
    assert all(area in option for area, option in zip(first, options[:len(first)], strict=True)), options


@pytest.mark.parametrize(("typed", "offered"), [
    ("bojonegoro", ["Kab. Bojonegoro"]), ("di bojonegoro pak", ["Kab. Bojonegoro"]),
    ("malang", ["Kab. Malang", "Kota Malang"]), ("blitar", ["Kota Blitar", "Kab. Blitar"]),
    ("tulungagung", ["Kab. Tulungagung", "Desa Tulungagung, Kec. Baureno, Kab. Bojonegoro",  # near: they stay
                     "Desa Tulungagung, Kec. Malo, Kab. Bojonegoro"]),
])
async def test_a_kab_kota_s_name_alone_offers_no_far_desa_of_that_name(engine: Engine, typed: str,
                                                                      offered: list[str]) -> None:
    """A resident who types "bojonegoro" means the regency, not Desa Bojonegoro of Temanggung or Minahasa Selatan;
    a desa of the name a station covers is still offered, and every one where "desa" is typed."""
    resident = await at_location(engine)
    await resident.send(typed)
    assert resident.options()[:-1] == offered, resident.options()


async def test_a_desa_typed_with_a_kab_kota_s_name_still_offers_the_desa_of_that_name(engine: Engine) -> None:
    resident = await at_location(engine)
    await resident.send("desa bojonegoro")
    assert "Desa Bojonegoro, Kec. Kedu, Kab. Temanggung" in resident.options(), resident.options()


async def test_a_typo_reading_near_the_stations_never_goes_before_a_name_spelt_exactly(engine: Engine) -> None:
    """"Lumajang" is spelt exactly (a kabupaten no station here covers); "sananwetn" is a typo of Sananwetan,
    which one does. Nearness puts places of one name in order, never a typo before what was spelt."""
    resident = await at_location(engine)
    await resident.send("Lumajang sananwetn")
    assert resident.heard("place.pick")
    options = resident.options()
    assert options[0] == "Kab. Lumajang" and "Kec. Sananwetan, Kota Blitar" in options[1:], options


async def test_a_village_name_alone_is_offered_not_assumed(engine: Engine) -> None:
    resident = await at_location(engine)
    await resident.send("gedog")
    assert resident.heard("place.pick_one")  # one place, offered as one
    await resident.send("Kel. Gedog, Kec. Sananwetan, Kota Blitar")  # a choice by its label
    report = await finish(resident)
    assert report.village_code == GEDOG


@pytest.mark.parametrize("typed", ["jl merdeka gedok", "toko sumber rejeki, gedok", "depan indomaret gedok",
                                   "depan smpn 3 gedok", "near indomaret gedok", "gg mawar no 5 gedok",
                                   "jl ahmad yani gedok", "warung bu sri gedok", "toko sinar jaya gedok",
                                   "gg kenari indah gedok"])
async def test_a_village_misspelt_after_a_spot_is_offered_as_when_sent_alone(engine: Engine, typed: str) -> None:
    """A street's, a shop's or a school's name, then the village misspelt: the village is offered as "gedok" alone
    is, and no village misspelt by the shop's name ("sumber rejeki": Sumberrejo of Bojonegoro)."""
    resident = await at_location(engine)
    await resident.send(typed)
    assert resident.heard("place.pick_one") and resident.options()[0].startswith("Kel. Gedog"), resident.text


@pytest.mark.parametrize(("typed", "spot", "told"), [
    ("jl kenari ribut2 tetangga", "jl kenari", "ribut2 tetangga"),
    ("di gg mawar tawuran pemuda tiap malam", "gg mawar", "tawuran pemuda tiap malam"),
    ("jl ahmad yani dpn indomaret mati udh 3hr", "jl ahmad yani dpn indomaret", "mati udh 3hr"),
])
async def test_a_spot_that_runs_into_the_story_is_where_and_the_rest_the_story(engine: Engine, typed: str, spot: str,
                                                                                told: str) -> None:
    """Asked where, a street and then what goes on there: the street is the place typed, kept with the kecamatan
    typed next; what goes on is added to the story."""
    resident = await at_location(engine)
    await resident.send(typed)
    assert resident.heard("report.story_added"), resident.text
    await resident.send("kec sananwetan")
    draft = await draft_of(engine)
    assert draft["description"].endswith(f"\n{told}"), draft["description"]
    assert draft["location_text"].startswith(spot) and told not in draft["location_text"], draft["location_text"]


@pytest.mark.parametrize(("typed", "told"), [
    ("jl ahmad yani dpn indomaret mati udh 3hr, kel. gedog kec sananwetan", "mati udh 3hr"),
    ("gg mawar lampunya padam sejak kemarin, kel gedog sananwetan", "lampunya padam sejak kemarin"),
])
async def test_a_spot_that_runs_into_the_story_before_the_village_keeps_the_village(
        engine: Engine, typed: str, told: str) -> None:
    resident = await at_location(engine)
    await resident.send(typed)
    assert resident.heard("report.story_added") and resident.heard("place.confirm") \
        and "Kel. Gedog" in resident.text, resident.text
    draft = await draft_of(engine)
    assert draft["description"].endswith(f"\n{told}") and told not in draft["location_text"], draft


@pytest.mark.parametrize("typed", ["jl merdeka rusak", "depan masjid rame", "gg buntu", "depan alfamart gelap",
                                   "jl ahmad yani rusak parah", "warung bu sri rame bgt"])
async def test_an_everyday_word_after_a_spot_is_no_village_misspelt(engine: Engine, typed: str) -> None:
    resident = await at_location(engine)
    await resident.send(typed)
    assert not resident.heard("place.confirm") and not resident.heard("place.pick_one"), resident.text


@pytest.mark.parametrize(("typed", "label"), [
    ("panakukang makasar", "Kec. Panakkukang, Kota Makassar"),
    ("kec panakukang, makasar", "Kec. Panakkukang, Kota Makassar"),
    ("kel banta-bantaeng rappocini makasar", "Kel. Banta-Bantaeng, Kec. Rappocini, Kota Makassar"),
    ("tamalate makasar", "Kec. Tamalate, Kota Makassar"),
    ("kec makasar jakarta timur", "Kec. Makasar, Kota Jakarta Timur"),
    ("makasar jaktim", "Kec. Makasar, Kota Jakarta Timur"),
])
async def test_makasar_as_most_spell_it_is_the_city_unless_written_with_jakarta(engine: Engine, typed: str,
                                                                               label: str) -> None:
    """Kec. Makasar of Jakarta Timur is spelt as most spell Makassar: a kecamatan typed with it is read inside
    the city, and the kecamatan of Jakarta only where Jakarta is written with it."""
    resident = await at_location(engine)
    await resident.send(typed)
    assert resident.text == f"Maksud Anda {label}?"


@pytest.mark.parametrize("typed", ["every day", "every night sir", "every day around 9 pm", "since last week",
                                   "in the morning", "every weekend please"])
def test_english_words_of_time_are_no_place(typed: str) -> None:
    """Desa Day and Desa Night exist; "every day" where a time is asked is none of them, as "tiap hari" is no Desa
    Hari. Read after a level word they still name the village."""
    assert regions().resolve(typed, limit=3) == []


def test_a_village_named_like_a_time_is_read_after_its_level_word() -> None:
    assert regions().resolve("desa day pulau gorom", limit=1)[0].village.name == "Day"


@pytest.mark.parametrize("typed", ["di depan pintu rumah", "pokoknya ga aman pak", "di pinggir sawah itu"])
async def test_an_everyday_word_is_never_proposed_as_the_place(engine: Engine, typed: str) -> None:
    """Desa Pintu, Desa Aman, Desa Sawah exist; a door, "safe" and a rice field are no reason to assume them.
    (Desa Golok too, but a machete named at the place is a cry for help: the question is asked again.)"""
    resident = await at_location(engine)
    await resident.send(typed)
    assert not resident.heard("place.confirm")
    assert resident.heard("place.pick_one") or resident.heard("place.pick") or resident.heard("place.ask_district") \
        or resident.heard("report.story_added"), resident.text  # "ga aman": of what happened, added to the story


@pytest.mark.parametrize(("typed", "label"), [
    ("depan pintu masuk pasar, kel gedog kec sananwetan", "Kel. Gedog, Kec. Sananwetan, Kota Blitar"),
    ("rumah saya ga aman, kec ngabang kab landak", "Kec. Ngabang, Kab. Landak"),
    ("desa pintu kec jenangan", "Desa Pintu, Kec. Jenangan, Kab. Ponorogo"),
])
async def test_the_place_named_beside_everyday_words_is_proposed(engine: Engine, typed: str, label: str) -> None:
    resident = await at_location(engine)
    await resident.send(typed)
    assert resident.text == f"Maksud Anda {label}?"


async def test_a_place_no_station_covers_is_said_so_at_the_summary(engine: Engine) -> None:
    """Kota Malang has no station here: the resident is told, before sending, that the desk passes it on, and
    where to call if there is danger now."""
    resident = await at_location(engine)
    for message in ("kec. klojen kota malang", "ya", "2", "lewati", "2"):
        await resident.send(message)
    assert resident.heard("report.summary") and t("id", "report.summary_unrouted").strip() in resident.text, \
        resident.text


async def test_eh_salah_to_a_place_offered_is_a_no_and_the_place_after_but_is_the_one_meant(engine: Engine) -> None:
    resident = await at_location(engine)
    await resident.send("gedog")
    assert resident.heard("place.pick_one"), resident.text
    await resident.send("eh salah")
    assert resident.heard("place.ask_district_after_no"), resident.text
    resident = await at_location(engine, "console:another")
    await resident.send("gedog")
    await resident.send("bukan gedog tp sentul")
    offered = " / ".join(resident.options())
    assert "Sentul" in offered and "Gedog" not in offered, offered


async def test_an_unknown_place_asks_for_kecamatan_then_goes_to_the_desk(engine: Engine) -> None:
    resident = await at_location(engine)
    await resident.send("rumah pak RT yang cat hijau")
    assert resident.heard("place.ask_district")
    await resident.send("xyzzy qwerty")
    assert resident.heard("place.goes_to_desk")
    assert resident.heard("report.ask_when")
    report = await finish(resident)
    assert report.needs_routing
    assert await station_code(engine, report) == "PUSAT"
    assert report.location_text == "rumah pak RT yang cat hijau / xyzzy qwerty", "every try goes to the desk"
    assert report.district_code is None


@pytest.mark.parametrize("typed", ["Jl. Ijen", "di jl ijen no 5", "jln ijen"])
async def test_a_street_that_names_no_region_asks_for_the_kecamatan(engine: Engine, typed: str) -> None:
    """Jl. Ijen is a street of Kota Malang, no region's name: nothing is guessed, which kelurahan it is in is asked
    (no try spent) and read with the street kept for officers."""
    resident = await at_location(engine)
    await resident.send(typed)
    assert resident.heard("place.ask_kelurahan_of_street") and not (await draft_of(engine)).get("place_tries"), \
        resident.text
    await resident.send("klojen malang")
    assert resident.text == "Maksud Anda Kec. Klojen, Kota Malang?"
    await resident.send("ya")
    report = await finish(resident)
    assert report.district_code == "35.73.02" and typed.removeprefix("di ") in (report.location_text or "")


@pytest.mark.parametrize("typed", ["kuta bali", "di kuta, bali", "kuta badung", "pantai kuta bali"])
async def test_a_place_far_from_every_station_is_read_and_goes_to_the_desk_said_so(engine: Engine, typed: str) -> None:
    """Kuta (Kab. Badung, Bali) is far from every station here: read as itself, not a look-alike in Java, and the
    report goes to the central desk to pass on (the summary says so: see the test before)."""
    resident = await at_location(engine)
    await resident.send(typed)
    assert resident.text == "Maksud Anda Kec. Kuta, Kab. Badung?"
    await resident.send("ya")
    report = await finish(resident)
    assert report.district_code == "51.03.01" and report.needs_routing
    assert await station_code(engine, report) == "PUSAT"


async def test_no_then_a_better_place(engine: Engine) -> None:
    resident = await at_location(engine)
    await resident.send("sekar bojonegoro")
    await resident.send("bukan")
    assert resident.heard("place.ask_district_after_no")  # not "we could not find it": they said no
    await resident.send("gedog sananwetan blitar")
    await resident.send("ya")
    report = await finish(resident)
    assert report.village_code == GEDOG and not report.needs_routing


@pytest.mark.parametrize(("typed", "proposed"), [
    ("jatimulyo lowokwaru", "Kel. Jatimulyo, Kec. Lowokwaru, Kota Malang"),
    ("sentul blitar", "Kel. Sentul, Kec. Kepanjenkidul, Kota Blitar"),
    ("di kel sentul kota blitar", "Kel. Sentul, Kec. Kepanjenkidul, Kota Blitar"),
])
async def test_a_place_said_not_to_be_it_is_not_proposed_again(engine: Engine, typed: str, proposed: str) -> None:
    """After "bukan", the next words are read with the ones before (a kecamatan narrows the village typed): but
    where those words still name the place refused, the new words are read alone."""
    resident = await at_location(engine)
    await resident.send("gedog sananwetan blitar")
    await resident.send("bukan")
    await resident.send(typed)
    assert resident.text == f"Maksud Anda {proposed}?", resident.text
    await resident.send("ya")
    report = await finish(resident)
    assert report.village_code != GEDOG and report.location_text == typed


@pytest.mark.parametrize(("typed", "refused"), [("gedog", "bukan"), ("gedok", "bukan pak"), ("gedog", "2"),
                                               ("kel gedok", "tidak ada yang cocok"), ("gedok", "gk ada yg cocok")])
async def test_a_place_offered_alone_and_refused_is_not_proposed_again(engine: Engine, typed: str,
                                                                       refused: str) -> None:
    """One place offered to pick ("Mungkin maksud Anda tempat ini?") and refused is refused as one proposed is: the
    kecamatan typed next is not read back into it."""
    resident = await at_location(engine)
    await resident.send(typed)
    assert resident.heard("place.pick_one") and len(resident.options()) == 2, resident.text
    await resident.send(refused)
    await resident.send("kec sananwetan kota blitar")
    assert resident.text == "Maksud Anda Kec. Sananwetan, Kota Blitar?", resident.text
    await resident.send("ya")
    report = await finish(resident)
    assert report.village_code != GEDOG and report.district_code == "35.72.03"


async def test_typing_another_place_instead_of_yes_reads_that_place(engine: Engine) -> None:
    resident = await at_location(engine)
    await resident.send("sekar bojonegoro")
    await resident.send("eh salah, gedog sananwetan blitar")
    assert resident.text == "Maksud Anda Kel. Gedog, Kec. Sananwetan, Kota Blitar?"


@pytest.mark.parametrize(("pin", "station", "label"), [
    ((-8.0950, 112.1750), "POLSEK-SANANWETAN", "Polsek Sananwetan (Polres Blitar Kota)"),
    ((-7.3900, 111.6700), "POLSEK-SEKAR", "Polsek Sekar (Polres Bojonegoro)"),
])
async def test_a_pin_near_a_station_is_confirmed_and_routed(engine: Engine, pin: tuple[float, float],
                                                           station: str, label: str) -> None:
    resident = await at_location(engine)
    await resident.send(location=pin)
    assert resident.heard("place.confirm_pin") and label in resident.text
    # asked about a place, not a boundary; and the pin is said to be near the station, not inside its kecamatan
    assert "Apakah kejadiannya di Kec. " in resident.text and "paling dekat dengan Polsek" in resident.text
    await resident.send("ya")
    report = await finish(resident)
    assert (report.latitude, report.longitude) == pin
    assert await station_code(engine, report) == station
    assert report.district_code == {"POLSEK-SANANWETAN": "35.72.03", "POLSEK-SEKAR": SEKAR}[station]


async def test_a_pin_far_from_any_station_keeps_the_pin_and_asks_the_kelurahan(engine: Engine) -> None:
    resident = await at_location(engine)
    await resident.send(location=(-6.2000, 106.8166))  # Jakarta: no station there in the registry
    assert resident.heard("place.ask_after_pin")
    await resident.send("Kec. Sekar, Bojonegoro")
    await resident.send("ya")
    report = await finish(resident)
    assert (report.latitude, report.longitude) == (-6.2, 106.8166)
    assert report.district_code == SEKAR


@pytest.mark.parametrize(("pin", "asked_again"), [((-6.2000, 106.8166), "report.ask_location"),  # no station near
                                                  ((-8.0990, 112.1900), "place.confirm_pin")])
async def test_a_story_after_a_pin_sent_first_begins_the_report(engine: Engine, pin: tuple[float, float],
                                                               asked_again: str) -> None:
    """A pin before anything else, then what happened: the story, kept with its kind, and the place asked again."""
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send(location=pin)
    await resident.send("motor saya dicuri tadi pagi di depan rumah")
    assert resident.heard("report.story_kept") and resident.heard(asked_again), resident.text
    draft = await draft_of(engine)
    assert (draft["description"], draft["category"]) == ("motor saya dicuri tadi pagi di depan rumah", "security")


async def test_a_story_after_a_pin_naming_another_kelurahan_proposes_that_kelurahan(engine: Engine) -> None:
    resident = Resident(engine)
    await resident.send("halo")
    await resident.send(location=(-8.0990, 112.1900))
    await resident.send("motor saya dicuri tadi pagi di depan pasar kel bendogerit")
    assert "Maksud Anda Kel. Bendogerit" in resident.text, resident.text


async def test_a_pin_answered_with_a_kelurahan_name_reads_the_name(engine: Engine) -> None:
    resident = await at_location(engine)
    await resident.send(location=(-8.0950, 112.1750))
    await resident.send("Kel. Gedog, Kec. Sananwetan")
    assert resident.text == "Maksud Anda Kel. Gedog, Kec. Sananwetan, Kota Blitar?"
    await resident.send("ya")
    report = await finish(resident)
    assert report.village_code == GEDOG and report.latitude == -8.095


async def test_a_place_no_polsek_covers_goes_to_the_polres_of_its_kota(engine: Engine) -> None:
    resident = await at_location(engine)
    await resident.send("Kel. Plosokerep, Kec. Sananwetan, Kota Blitar")
    await resident.send("ya")
    report = await finish(resident)
    assert await station_code(engine, report) == "POLSEK-SANANWETAN"
    resident = await at_location(engine, "console:another")
    await resident.send("Kec. Kepanjenkidul, Kota Blitar")
    await resident.send("ya")
    report = await finish(resident)
    assert await station_code(engine, report) == "POLRES-BLITAR-KOTA"
    assert not report.needs_routing


# --- the stations registry ---------------------------------------------------------------------

HEADER = "code,name,kind,parent,timezone,latitude,longitude,phone,areas\n"


async def test_the_shipped_stations_load_with_zones_from_the_province(engine: Engine) -> None:
    async with engine.sessions() as db:
        stations = {s["code"]: s for s in await list_stations(db)}
    assert stations["POLSEK-SANANWETAN"]["areas"] == ["35.72.03"]
    assert stations["POLSEK-SANANWETAN"]["parent"] == "POLRES-BLITAR-KOTA"
    assert stations["POLSEK-SEKAR"]["areas"] == [SEKAR]
    assert stations["POLRES-BOJONEGORO"]["areas"] == ["35.22"]
    assert stations["POLSEK-SEKAR"]["timezone"] == "Asia/Jakarta"
    assert timezone_for("73.71.01") == "Asia/Makassar"
    assert timezone_for("91.71.01") == "Asia/Jayapura"


async def test_reimporting_the_same_file_changes_nothing(engine: Engine) -> None:
    async with engine.sessions() as db, db.begin():
        result = await import_stations(db, SEED_FILE.read_text(), regions())
    assert (result.errors, result.created, result.updated, result.unchanged) == ([], 0, 0, 5)


@pytest.mark.parametrize(("body", "error"), [
    ("X1,Polsek X,polsek,,,,,,35.72.99\n", "line 2: area 35.72.99 is not an official code"),
    ("X1,Polsek X,polsek,,,,,,35.72\n", "line 2: area 35.72 is Kota Blitar, Jawa Timur, not a kecamatan"),
    ("X1,Polsek X,polsek,,,,,,73.71.01\nX2,Polsek Y,polsek,,,,,,73.71.01\n",
     "line 3: area 73.71.01 is already covered on line 2"),
    ("X1,Polsek X,polsek,,,,,,35.72.03\n", "line 2: area 35.72.03 is already covered by station POLSEK-SANANWETAN"),
    ("X1,Polsek X,polsek,NOPE,,,,,73.71.01\n", "line 2: parent station NOPE is unknown"),
    ("X1,Polsek X,kodim,,,,,,73.71.01\n", "line 2: kind 'kodim' must be polsek, polres or national"),
    ("X1,Polsek X,polsek,,Mars/Olympus,,,,73.71.01\n", "line 2: timezone 'Mars/Olympus' is not known"),
    ("X1,Polsek X,polsek,,,95,,,73.71.01\n", "line 2: latitude and longitude must both be given, as degrees"),
])
async def test_a_bad_csv_is_refused_whole_with_line_numbers(engine: Engine, body: str, error: str) -> None:
    good_first = "OK1,Polsek Baik,polsek,,,,,,73.71.02\n"
    async with engine.sessions() as db, db.begin():
        result = await import_stations(db, HEADER + good_first + body, regions())
    # `error` counts lines as if `body` followed the header; a good line stands before it here.
    expected = error.replace("line 3", "line 4").replace("line 2", "line 3")
    assert any(e.startswith(expected) for e in result.errors), result.errors
    async with engine.sessions() as db:
        assert (await db.execute(select(Station).where(Station.code == "OK1"))).first() is None


async def test_a_csv_missing_a_column_is_refused(engine: Engine) -> None:
    async with engine.sessions() as db, db.begin():
        result = await import_stations(db, "code,name,kind\nX1,Polsek X,polsek\n", regions())
    assert result.errors == ["line 1: missing column(s): parent, timezone, latitude, longitude, phone, areas"]


async def test_import_updates_and_moves_areas(engine: Engine) -> None:
    csv_text = HEADER + ("MKS,Polrestabes Makassar,polres,,,,,,73.71\n"
                         "MARISO,Polsek Mariso,polsek,MKS,,-5.15,119.40,0411-123456,73.71.01 73.71.02\n")
    async with engine.sessions() as db, db.begin():
        first = await import_stations(db, csv_text, regions())
    assert (first.errors, first.created) == ([], 2)
    moved = HEADER + ("MKS,Polrestabes Makassar,polres,,,,,,73.71\n"
                      "MARISO,Polsek Mariso,polsek,MKS,,-5.15,119.40,0411-123456,73.71.01\n"
                      "MAMAJANG,Polsek Mamajang,polsek,MKS,,,,,73.71.02\n")
    async with engine.sessions() as db, db.begin():
        second = await import_stations(db, moved, regions())
    assert (second.errors, second.created, second.updated, second.unchanged) == ([], 1, 1, 1)
    async with engine.sessions() as db:
        stations = {s["code"]: s for s in await list_stations(db)}
        assert (await db.execute(select(StationArea).where(StationArea.region_code == "73.71.02"))).scalar_one()
    assert stations["MARISO"]["areas"] == ["73.71.01"] and stations["MAMAJANG"]["areas"] == ["73.71.02"]
    assert stations["MARISO"]["timezone"] == "Asia/Makassar"


@pytest.mark.parametrize("reply", ["yg jember", "yang di jember pak", "jember", "yg kab jember"])
async def test_a_village_offered_then_the_kab_kota_said_is_the_village_there(engine: Engine, reply: str) -> None:
    """"dusun krajan desa sumbersari": no Kragan misspelt (Krajan is a hamlet's name), and "yg jember" after it is
    the Sumbersari of Jember, not Kab. Jember alone."""
    resident = await at_location(engine)
    await resident.send("dusun krajan desa sumbersari")
    assert "Kragan" not in resident.text
    await resident.send(reply)
    assert resident.text == "Maksud Anda Kel. Sumbersari, Kec. Sumbersari, Kab. Jember?"


@pytest.mark.parametrize("typed", ["kota baru", "di kota baru pak", "kota baru, dekat pasar", "Kota Baru"])
@pytest.mark.parametrize("lang", ["id", "en"])
async def test_a_place_named_with_an_everyday_word_is_offered_by_its_name(engine: Engine, typed: str,
                                                                          lang: str) -> None:
    """"kota baru" names Kab. Kotabaru and the kecamatan called Kota Baru, not Kab. Barru far away, read from "baru"
    one letter short as if "kota" were a kind word before it."""
    resident = await at_location(engine, f"console:kotabaru-{lang}")
    if lang == "en":
        await resident.send("/bahasa en")
    await resident.send(typed)
    offered = resident.options()
    assert resident.heard("place.pick", lang) and offered[0] == "Kab. Kotabaru", resident.text
    assert any(label.startswith("Kec. Kota Baru") for label in offered), offered
    assert not any("Barru" in label for label in offered) and "Barru" not in resident.text, resident.text


@pytest.mark.parametrize("typed", ["kab baru", "kab barru", "kabupaten baru sulsel"])
async def test_a_kabupaten_one_letter_off_after_its_kind_word_is_still_read(engine: Engine, typed: str) -> None:
    """No name is spelt exactly over "kab baru": Kab. Barru it is, its kind word saying a kab/kota follows."""
    resident = await at_location(engine)
    await resident.send(typed)
    assert "Kab. Barru" in resident.text, resident.text


@pytest.mark.parametrize(("typed", "first"), [
    ("pertigaan gedog arah kanigoro", "Kel. Gedog, Kec. Sananwetan, Kota Blitar"),
    ("gedog, jalan arah ke kanigoro", "Kel. Gedog, Kec. Sananwetan, Kota Blitar"),
    ("di jl raya sananwetan menuju kanigoro", "Kec. Sananwetan, Kota Blitar"),
    ("gedog jurusan kanigoro", "Kel. Gedog, Kec. Sananwetan, Kota Blitar"),
])
async def test_a_place_a_way_leads_to_comes_after_the_place_it_is_in(engine: Engine, typed: str, first: str) -> None:
    """"arah", "menuju", "jurusan": where the road goes, not where it happened; offered after, never first."""
    resident = await at_location(engine)
    await resident.send(typed)
    assert resident.options()[0] == first or f"Maksud Anda {first}?" in resident.text, resident.text


@READING_ON_SQLITE
@pytest.mark.parametrize("typed", ["plosokrep", "di gedok", "klampk", "bendogrit", "karangtengh", "depan rumah pak rt",
                                   "kampung baru dkt pasar", "sananwetn"])
async def test_villages_nearby_with_a_province_of_stations_are_those_read_area_by_area(
        engine: Engine, monkeypatch: pytest.MonkeyPatch, typed: str) -> None:
    """With stations for every kab/kota of a province (hundreds of areas) the villages a typo may mean are looked for
    in the whole country and kept to those the stations cover: the same as each covered area read in turn."""
    async with engine.sessions() as db, db.begin():
        rows = await draft_registry(db, regions(), [r.code for r in regions().regencies() if r.code.startswith("35.")])
        assert not (await import_stations(db, registry_csv(rows, regions()), regions())).errors
    async with engine.sessions() as db:
        assert await areas_covered(db) > AREAS_ONE_BY_ONE
        at_once = [place.code for place in await engine.router.villages_nearby(db, typed)]
        monkeypatch.setattr(routing, "AREAS_ONE_BY_ONE", 10**6)
        monkeypatch.setattr(storage_regions, "AREAS_ONE_BY_ONE", 10**6)
        assert at_once == [place.code for place in await engine.router.villages_nearby(db, typed)]


@pytest.mark.parametrize("story", [
    "sy dipukul sama pak slamet tetangga sy gara2 parkir motor, kejadian kemarin sore",  # Desa Gara, Manggarai
    "motor sy hilang gara-gara lupa kunci stang semalam di halaman rumah",
    "dompet sy jatuh di bis tadi pagi waktu ke bandara",  # Kel. Bandara, Samarinda
    "hp sy dicopet di lapangan bola tadi sore",  # Kec. Bola, Wajo
])
async def test_everyday_words_in_a_story_name_no_place_where_stations_cover_places_so_named(
        engine: Engine, story: str) -> None:
    """With stations for the kab/kota of villages named like everyday words, a story that says those words names
    none of them: the place is asked, not read back as the village far away."""
    async with engine.sessions() as db, db.begin():
        rows = await draft_registry(db, regions(), ["53.10", "64.72", "73.13"])
        assert not (await import_stations(db, registry_csv(rows, regions()), regions())).errors
    resident = Resident(engine)
    await resident.send(story)
    assert "Lokasi: (belum ada)" in resident.text, resident.text
    assert "place" not in await draft_of(engine)
    await resident.send("kel bandara samarinda")  # by its level word, the village so named is still found
    assert "Kel. Bandara" in resident.text, resident.text


@pytest.mark.parametrize("not_known", ["gatau pak", "lupa pak", "no idea", "I don't know", "ga tau yg mana",
                                       "dunno which one"])
async def test_not_knowing_which_of_the_places_offered_asks_the_kecamatan(engine: Engine, not_known: str) -> None:
    resident = await at_location(engine)
    await resident.send("sukorejo")
    assert resident.heard("place.pick"), resident.text
    await resident.send(not_known)
    assert resident.heard("place.ask_district_unknown") or resident.heard("place.ask_district_unknown", "en"), \
        resident.text
    await resident.send("kec sananwetan blitar")
    assert "Kec. Sananwetan" in resident.text, resident.text
    assert (await draft_of(engine))["location_text"].startswith("sukorejo"), "the name typed is kept for officers"


async def _import_the_whole_country(url: str) -> None:
    db_engine = database.create_engine(url)
    try:
        async with database.session_factory(db_engine)() as db, db.begin():
            rows = await draft_registry(db, regions(), [r.code for r in regions().regencies()])
            assert not (await import_stations(db, registry_csv(rows, regions()), regions())).errors
    finally:
        await db_engine.dispose()


@pytest.fixture(scope="session")
def whole_country_template(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Path:
    """The prepared SQLite file with a station drafted for every kecamatan of the country: seconds of work, done
    once for the tests that read places among all of them."""
    path = tmp_path_factory.mktemp("whole_country") / "lapor.db"
    shutil.copy(sqlite_template, path)
    asyncio.run(_import_the_whole_country(f"sqlite+aiosqlite:///{path}"))
    return path


@pytest.fixture
def whole_country(database_url: str, sqlite_path: Path, whole_country_template: Path) -> None:
    """This test's database is the whole country's, copied before its engine first connects."""
    shutil.copy(whole_country_template, sqlite_path)


@pytest.fixture
def country_engine(whole_country: None, engine: Engine) -> Engine:
    return engine


@READING_ON_SQLITE
async def test_a_town_spelt_the_old_way_is_read_as_spelt_today(country_engine: Engine) -> None:
    """With stations for the whole country, "djogja" is Jogja, not Desa Jogja of Nagan Raya; dj, tj and oe are j, c
    and u, and a j may be a y, where that makes a name known."""
    for typed, meant in [("djogja", "Kota Yogyakarta"), ("di djokja", "Kota Yogyakarta"),
                         ("tjilatjap", "Kab. Cilacap"), ("kota soerabaja", "Kota Surabaya"),
                         ("soerabaja", "Kota Surabaya"), ("bandoeng", "Kab. Bandung"),
                         ("tjitjadas", "Kel. Cicadas, Kec. Cibeunying Kidul, Kota Bandung")]:
        resident = await at_location(country_engine, f"console:{typed}")
        await resident.send(typed)
        assert f"Maksud Anda {meant}?" in resident.text or resident.options()[:1] == [meant], (typed, resident.text)


@READING_ON_SQLITE
async def test_a_province_alone_asks_which_kelurahan_not_a_village_far_away(country_engine: Engine) -> None:
    """"jakarta", "djakarta", "jawa timur": no Desa Jayakarta of Bengkulu nor Kel. Jawa of Singkawang; which
    kelurahan is asked, once, and no try is spent."""
    for typed in ("jakarta", "di djakarta", "dki jakarta", "jawa timur", "prov jawa timur", "bali", "jatim"):
        resident = await at_location(country_engine, f"console:{typed}")
        await resident.send(typed)
        assert resident.heard("place.ask_which_kelurahan") and not resident.options(), (typed, resident.text)
        await resident.send("kel gedog kec sananwetan")
        assert "Maksud Anda Kel. Gedog, Kec. Sananwetan, Kota Blitar?" in resident.text, (typed, resident.text)
    for typed, meant in [("jakarta selatan", "Kota Jakarta Selatan"), ("blitar", "Kota Blitar")]:  # a kab/kota
        resident = await at_location(country_engine, f"console:{typed}")
        await resident.send(typed)
        assert f"Maksud Anda {meant}?" in resident.text or meant in resident.options(), (typed, resident.text)


@READING_ON_SQLITE
async def test_a_name_many_villages_bear_misspelt_asks_the_kecamatan_not_one_of_them(country_engine: Engine) -> None:
    """"desa sukamju" confidently read as the one Desa Sukamaju in Kec. Sukamaju of Luwu Utara, and "sukamaj" as that
    kecamatan: hundreds of villages bear the name. The kecamatan and kab/kota are asked, and read with the name."""
    for typed in ("desa sukamju", "sukamaj", "di desa sukamjau", "desa sidomulya"):
        resident = await at_location(country_engine, f"console:{typed}")
        await resident.send(typed)
        assert resident.heard("place.ask_district_common") and not resident.options(), (typed, resident.text)
    resident = await at_location(country_engine, "console:sukamju-karo")
    for said in ("desa sukamju", "kec tigapanah karo"):
        await resident.send(said)
    assert "Maksud Anda Desa Sukamaju, Kec. Tigapanah, Kab. Karo?" in resident.text, resident.text
    # the name spelt right is offered as before; one the kab/kota narrows, or a name few villages bear, proposed
    for typed, proposed in [("kec sukamju luwu utara", "Kec. Sukamaju, Kab. Luwu Utara"),
                            ("sananwetn", "Kec. Sananwetan, Kota Blitar")]:
        resident = await at_location(country_engine, f"console:{typed}")
        await resident.send(typed)
        assert f"Maksud Anda {proposed}?" in resident.text or proposed in resident.options(), (typed, resident.text)
    resident = Resident(country_engine, "console:story")
    await resident.send("motor sy dicuri kemarin di desa sukamju")
    assert "Lokasi: (belum ada)" in resident.text, resident.text
    resident = await at_location(country_engine, "console:sidomulyo")
    await resident.send("desa sidomulyo")
    assert resident.heard("place.pick") and not resident.heard("place.ask_district_common"), resident.text


@READING_ON_SQLITE
async def test_a_landmark_told_by_its_name_asks_which_kelurahan_not_a_namesake_far_away(country_engine: Engine) -> None:
    """"masjid istiqlal" is no mosque of Kel. Istiqlal in Manado, "pasar beringharjo" no Desa Ringinharjo, "tugu
    pahlawan" no Kec. Tugu of Semarang: which kelurahan is asked, once, no try spent."""
    for typed in ("masjid istiqlal", "depan masjid istiqlal", "pasar beringharjo", "di tugu pahlawan", "pasar legi"):
        resident = await at_location(country_engine, f"console:{typed}")
        await resident.send(typed)
        assert resident.heard("place.ask_which_kelurahan") and not resident.options(), (typed, resident.text)
        await resident.send("kel gedog kec sananwetan")
        assert "Maksud Anda Kel. Gedog, Kec. Sananwetan, Kota Blitar?" in resident.text, (typed, resident.text)
    # a landmark told with its town, or named after the village it stands in: the place, as before
    for typed, meant in [("pasar besar malang", "Kota Malang"), ("alun2 blitar", "Kota Blitar"),
                         ("pasar gedog", "Kel. Gedog, Kec. Sananwetan, Kota Blitar"),
                         ("stasiun gubeng", "Kec. Gubeng, Kota Surabaya")]:
        resident = await at_location(country_engine, f"console:{typed}")
        await resident.send(typed)
        assert f"Maksud Anda {meant}?" in resident.text or meant in resident.options(), (typed, resident.text)


@READING_ON_SQLITE
@pytest.mark.parametrize("story", [
    "pak ada maling di rumah saya sekarang, saya ngumpet di kamar", "sy sembunyi di kamar",
    "ada bandar narkoba jualan sabu di warung kopi depan gang", "pak ada orang pingsan di pinggir jalan gak sadar",
    "tolong pak ada maling, sy di dapur", "ada yg ngintip dari teras", "anak sy dikunci di gudang",
    "sy ngumpet di wc skrg", "tetangga nyimpen ganja di garasi", "ada orang mabuk di kost sebelah",
])
async def test_a_story_s_everyday_words_are_no_village_among_the_country_s_stations(country_engine: Engine,
                                                                                     story: str) -> None:
    """With a station for every kecamatan every Desa Kamar or Sadar is covered, so none is nearer than the room,
    the drug or the state of a person the story tells of: an URGENT report went to Maluku after a "iya"."""
    resident = Resident(country_engine, f"console:{story}")
    await resident.send(story)
    assert "Lokasi: (belum ada)" in resident.text, resident.text


@READING_ON_SQLITE
@pytest.mark.parametrize(("story", "name"), [
    ("dompet sy dicopet di sentul", "Sentul"), ("ada maling di sentul tadi pagi", "Sentul"),
    ("hp sy dijambret dekat sentul", "Sentul"), ("motor ilang di gedok td malam", "Gedog"),
    ("motor sy hilang daerah gedok kemarin", "Gedog"), ("hp sy dicuri di jl mastrip, sentul", "Sentul"),
    ("ada orang mabuk di gg 3 kel gedok", "Gedog"), ("tawuran di canggu semalam", "Canggu"),
])
async def test_a_village_named_like_a_word_is_offered_where_a_story_says_it_as_a_place(country_engine: Engine,
                                                                                      story: str, name: str) -> None:
    """With a station for every kecamatan, "sentul" (a fruit) and "gedok" (Gedog slipped) after a word of where, a
    level word or a street's clause, at the end of their telling, are offered as the place: which one is asked."""
    resident = Resident(country_engine, f"console:{story}")
    await resident.send(story)
    read = next(line for line in resident.text.splitlines() if line.startswith("Lokasi: "))
    assert name in read and "belum ada" not in read, resident.text


@READING_ON_SQLITE
@pytest.mark.parametrize("story", [
    "motor sy di begal", "hp sy dicuri di sawah", "motor sy dicuri di pasar", "hp sy dicopet di kali",
    "sy dipukul di jalan", "dompet sy ilang di bis", "sy dipalak preman di terminal", "motor sy dicuri di kost sebelah",
    "hp sy dijambret di belakang", "my phone was stolen on Monday", "phone stolen at home last night",
    "i was robbed in the market", "phone stolen in my room last night", "someone in the village was beaten",
])
async def test_a_kind_of_place_or_a_deed_after_di_is_no_village_among_the_country_s_stations(country_engine: Engine,
                                                                                            story: str) -> None:
    """"di sawah", "di kali": the kind of place, though villages bear the name; "di begal": a deed written apart."""
    resident = Resident(country_engine, f"console:{story}")
    await resident.send(story)
    read = next(line for line in resident.text.splitlines() if line.startswith(("Lokasi: ", "Place: ")))
    assert "belum ada" in read or "not given" in read, resident.text


@READING_ON_SQLITE
@pytest.mark.parametrize(("story", "place"), [
    ("my bag was snatched on Jl. Raya Legian, Kuta", "Kec. Kuta, Kab. Badung"),
    ("my phone was stolen in Kuta last night", "Kec. Kuta, Kab. Badung"),
    ("phone stolen near Seminyak beach", "Seminyak"), ("phone snatched in Seminyak", "Seminyak"),
    ("my scooter was stolen in Canggu this morning", "Canggu"),
    ("someone hit me in front of my hotel in Legian", "Legian"),
    ("my villa in Canggu was broken into", "Canggu"), ("someone stole my helmet at the Seminyak market", "Seminyak"),
    ("our house in Kuta got robbed", "Kec. Kuta, Kab. Badung"),
])
async def test_an_english_story_s_place_is_read_as_an_indonesian_one_s(country_engine: Engine, story: str,
                                                                       place: str) -> None:
    resident = Resident(country_engine, f"console:{story}")
    await resident.send(story)
    read = next(line for line in resident.text.splitlines() if line.startswith(("Lokasi: ", "Place: ")))
    assert place in read, resident.text


@READING_ON_SQLITE
@pytest.mark.parametrize(("typed", "meant"), [
    ("seminyak kuta badung", "Kel. Seminyak, Kec. Kuta, Kab. Badung"),
    ("legian, kuta, badung", "Kel. Legian, Kec. Kuta, Kab. Badung"),
    ("canggu kuta utara badung", "Desa Canggu, Kec. Kuta Utara, Kab. Badung"),
])
async def test_a_village_kecamatan_and_kab_all_named_like_words_are_read_as_the_chain_they_make(
        country_engine: Engine, typed: str, meant: str) -> None:
    """"seminyak" (se-minyak), "kuta" and "badung" are all words; one inside the next, all that is said, the place."""
    resident = await at_location(country_engine, f"console:{typed}")
    await resident.send(typed)
    assert f"Maksud Anda {meant}?" in resident.text, resident.text


@READING_ON_SQLITE
@pytest.mark.parametrize(("story", "street"), [
    ("di jl soekarno hatta tadi malam motor sy dicuri", "jl soekarno hatta"),
    ("hp sy dijambret di jalan diponegoro kemarin sore pas pulang kerja", "jalan diponegoro"),
    ("motor sy dicuri di gg mawar td pagi", "gg mawar"),
    ("someone broke into my car on Jl. Sunset Road last night", "Jl. Sunset Road"),
    ("hp sy dijambret di jl. sudirman dpn bank bri td siang", "jl. sudirman dpn bank bri"),
    ("di gang kelinci rt 04 ada maling tadi subuh", "gang kelinci rt 04"),
    ("motor sy dicuri di jl ahmad yani no 12 semalam", "jl ahmad yani no 12"),
])
async def test_a_story_s_street_before_a_time_is_kept_and_its_kelurahan_asked(country_engine: Engine, story: str,
                                                                             street: str) -> None:
    resident = Resident(country_engine, f"console:{story}")
    await resident.send(story)
    await resident.send("iya")
    assert (resident.heard("place.ask_kelurahan_of_street") or resident.heard("place.ask_kelurahan_of_street", "en")) \
        and f"{street} " in resident.text, resident.text
    await resident.send("kel gedog kec sananwetan")
    assert "Kel. Gedog, Kec. Sananwetan, Kota Blitar?" in resident.text, resident.text


@READING_ON_SQLITE
@pytest.mark.parametrize(("story", "place"), [
    ("sy ngumpet di kamar, rumah sy di kel gedog kec sananwetan", "Kel. Gedog, Kec. Sananwetan"),
    ("ada yg jualan sabu di warung kopi desa sabu batipuh", "Desa Sabu, Kec. Batipuh"),
    ("hp sy dijambret di gedog sananwetan", "Kel. Gedog, Kec. Sananwetan"),
])
async def test_a_village_named_as_one_in_a_story_is_read_among_the_country_s_stations(country_engine: Engine,
                                                                                       story: str, place: str) -> None:
    resident = Resident(country_engine, f"console:{story}")
    await resident.send(story)
    read = next(line for line in resident.text.splitlines() if line.startswith("Lokasi: "))
    assert place in read, resident.text


@READING_ON_SQLITE
@pytest.mark.parametrize("cry", ["tulungan pak aya maling di imah ayeuna", "tulungin pak ana maling nang omah",
                                 "help pak ada maling di rumah", "tolongin pak ada maling"])
async def test_a_plea_is_no_place_among_the_country_s_stations(country_engine: Engine, cry: str) -> None:
    """"tulungan" read as Kec. Tulangan of Sidoarjo, and one "muhun" sent the report there."""
    resident = Resident(country_engine, f"console:{cry}")
    await resident.send(cry)
    assert "Lokasi: (belum ada)" in resident.text, resident.text


@READING_ON_SQLITE
@pytest.mark.parametrize("street", ["jl soekarno hatta", "jl gatot subroto", "jalan diponegoro no 12", "jl hayam wuruk",
                                    "jl ahmad yani", "gg sudirman"])
async def test_a_street_named_after_a_hero_asks_its_kelurahan_among_the_country_s_stations(country_engine: Engine,
                                                                                          street: str) -> None:
    """"jl soekarno hatta" was read as "jl soekarno" in Desa Hatta of Lampung: the street's name is all of it."""
    resident = await at_location(country_engine, f"console:{street}")
    await resident.send(street)
    assert resident.heard("place.ask_kelurahan_of_street") and not resident.options(), resident.text
    await resident.send("kel gedog kec sananwetan")
    assert "Maksud Anda Kel. Gedog, Kec. Sananwetan, Kota Blitar?" in resident.text, resident.text
    assert (await draft_of(country_engine))["location_text"].startswith(street), "the street is kept for officers"


@READING_ON_SQLITE
async def test_a_story_s_street_alone_is_kept_and_its_kelurahan_asked_after_a_yes(country_engine: Engine) -> None:
    resident = Resident(country_engine)
    await resident.send("balapan liar di jl soekarno hatta")
    assert "Lokasi: (belum ada)" in resident.text and "Hatta," not in resident.text, resident.text
    await resident.send("iya, sedang terjadi")
    assert resident.heard("place.ask_kelurahan_of_street") and "jl soekarno hatta" in resident.text, resident.text
    await resident.send("kel gedog kec sananwetan")
    assert "Maksud Anda Kel. Gedog, Kec. Sananwetan, Kota Blitar?" in resident.text, resident.text


@READING_ON_SQLITE
@pytest.mark.parametrize(("said", "meant"), [
    ("di perumahan griya asri kelurahan tlogomas malang", "Kel. Tlogomas, Kec. Lowokwaru, Kota Malang"),
    ("perum bumi mas blok C kelurahan bendogerit blitar", "Kel. Bendogerit, Kec. Sananwetan, Kota Blitar"),
    ("perum bumi mas blok C, kelurahan bendogerit blitar", "Kel. Bendogerit, Kec. Sananwetan, Kota Blitar"),
    ("komplek griya asri kecamatan sananwetan blitar", "Kec. Sananwetan, Kota Blitar"),
])
async def test_an_estate_before_its_kelurahan_named_by_its_level_word_is_there(country_engine: Engine, said: str,
                                                                               meant: str) -> None:
    """"kelurahan" is made as "kemalingan" is: it was read as the story going on after the estate's spot, added to
    the story, and the place asked again and again."""
    resident = await at_location(country_engine, f"console:{said}")
    await resident.send(said)
    assert f"Maksud Anda {meant}?" in resident.text and not resident.heard("report.story_added"), resident.text
