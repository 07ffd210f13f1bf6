"""storage.regions: the Kemendagri data as loaded, and typed places resolved to codes."""

from __future__ import annotations

import pytest

from storage import regions
from storage.regions import (
    PlaceCandidate,
    Region,
    RegionIndex,
    is_confident,
    landmark_named,
    name_key,
    named_alone,
    normalize,
    town_names,
)

GEDOG = "35.72.03.1001"  # Kel. Gedog, Kec. Sananwetan, Kota Blitar
SANANWETAN = "35.72.03"
SEKAR = "35.22.27"  # Kec. Sekar, Kab. Bojonegoro


@pytest.fixture(scope="module")
def index() -> RegionIndex:
    return RegionIndex.load()


def _related(a: str, b: str) -> bool:
    return a == b or a.startswith(b + ".") or b.startswith(a + ".")


def test_counts_match_the_2025_decree(index: RegionIndex) -> None:
    assert index.counts() == {1: 38, 2: 514, 3: 7285, 4: 83762}


def test_town_names_are_said_without_their_level_word() -> None:
    names = town_names()
    assert {("medan",), ("jakarta",), ("jakarta", "selatan"), ("jawa", "timur"), ("lima", "puluh", "kota")} <= names
    assert not any(name[0] in ("kota", "kabupaten", "daerah") for name in names)
    assert ("gedog",) not in names, "a village is no town"


def test_get_gives_display_name_level_and_kind(index: RegionIndex) -> None:
    assert index.get("35.72") == Region("35.72", "Blitar", 2, "kota")
    assert index.get("35.05") == Region("35.05", "Blitar", 2, "kabupaten")
    assert index.get(SANANWETAN) == Region(SANANWETAN, "Sananwetan", 3, "kecamatan")
    assert index.get(GEDOG) == Region(GEDOG, "Gedog", 4, "kelurahan")
    assert index.get("35.22.27.2003") == Region("35.22.27.2003", "Sekar", 4, "desa")
    assert index.get("35") == Region("35", "Jawa Timur", 1, "provinsi")
    assert index.get("99.99") is None


def test_candidate_for_gives_the_whole_chain(index: RegionIndex) -> None:
    candidate = index.candidate_for(GEDOG)
    assert candidate is not None
    assert (candidate.province.name, candidate.regency.name, candidate.regency.kind) == ("Jawa Timur", "Blitar", "kota")
    assert candidate.district is not None and candidate.district.name == "Sananwetan"
    assert candidate.village is not None and candidate.village.name == "Gedog"
    assert (candidate.code, candidate.district_code) == (GEDOG, SANANWETAN)

    district = index.candidate_for(SEKAR)
    assert district is not None and district.village is None
    assert (district.code, district.district_code, district.regency.name) == (SEKAR, SEKAR, "Bojonegoro")

    regency = index.candidate_for("35.05")
    assert regency is not None and (regency.code, regency.district_code) == ("35.05", None)


@pytest.mark.parametrize("code", ["35", "35.72.99", "", "not a code"])
def test_candidate_for_refuses_provinces_and_unknown_codes(index: RegionIndex, code: str) -> None:
    assert index.candidate_for(code) is None


@pytest.mark.parametrize("text", [
    "Kel. Gedok, Kec. Sananwetn, Blitar",
    "gedog sananwetan",
    "gedok sananwetn blitar",
    "Jl. Merdeka RT 02/RW 05 Gedog, Sananwetan",
    "kelurahan gedog kecamatan sanan wetan kota blitar",
    "GEDOG, SANAN WETAN, KOTA BLITAR, JAWA TIMUR",
])
def test_gedog_typos_resolve_to_kelurahan_code(index: RegionIndex, text: str) -> None:
    candidates = index.resolve(text)
    assert candidates[0].code == GEDOG
    assert is_confident(candidates)


@pytest.mark.parametrize("text", [
    "Kec. Sekar, Kab. Bojonegoro",
    "sekar bojonegoro",
    "sekr bojonegor",
    "dekat pasar Sekar Bojonegoro",
    "kecamatan sekar kabupaten bojonegoro",
    "kec sekar bjn",
])
def test_sekar_variants_resolve_to_kecamatan_sekar(index: RegionIndex, text: str) -> None:
    candidates = index.resolve(text)
    assert candidates[0].district_code == SEKAR
    assert is_confident(candidates)


def test_misspelt_village_is_found_inside_its_kecamatan(index: RegionIndex) -> None:
    candidates = index.resolve("plosokrep sanan wetan")
    assert candidates[0].code == "35.72.03.1002"  # Plosokerep
    assert is_confident(candidates)


@pytest.mark.parametrize("text", ["Sidomulyo", "Karanganyar", "sukamaju"])
def test_repeated_name_alone_is_ambiguous(index: RegionIndex, text: str) -> None:
    candidates = index.resolve(text)
    assert len(candidates) > 1
    assert not is_confident(candidates)


@pytest.mark.parametrize(("text", "province"), [("sidomulyo jawa barat", "32"), ("sidomulyo, yg jawa barat", "32"),
                                              ("sidomulyo jatim", "35")])
def test_a_province_written_last_keeps_the_places_in_it(index: RegionIndex, text: str, province: str) -> None:
    found = index.resolve(text)
    assert found and all(place.code.startswith(f"{province}.") for place in found), found


@pytest.mark.parametrize(("text", "code"), [("sumber jatim", "35.13.02"), ("candi jatim", "35.15.07"),
                                            ("tanggul jatim", "35.09.06"), ("di candi, jawa timur", "35.15.07"),
                                            ("sumber jawa timur pak", "35.13.02"), ("ngemplak jateng", "33.09.11")])
def test_a_kecamatan_with_only_its_province_where_villages_share_its_name_is_asked(index: RegionIndex, text: str,
                                                                                  code: str) -> None:
    """Kec. Candi of Sidoarjo, and Desa Candi of Pacitan, Ponorogo and Sumenep: the province tells none apart."""
    found = index.resolve(text)
    assert found[0].code == code and not is_confident(found)
    assert all(place.code.startswith(code[:3]) for place in found), found


@pytest.mark.parametrize(("text", "code"), [("kuta bali", "51.03.01"), ("ubud bali", "51.04.05"),
                                            ("klojen jatim", "35.73.02"), ("kec candi jatim", "35.15.07"),
                                            ("purworejo jateng", "33.06")])
def test_a_kecamatan_or_kab_kota_the_province_tells_apart_is_taken(index: RegionIndex, text: str, code: str) -> None:
    found = index.resolve(text)
    assert found[0].code == code and is_confident(found)


def test_a_province_none_of_the_places_is_in_leaves_them_all(index: RegionIndex) -> None:
    assert index.resolve("kota blitar jawa tengah")[0].code == "35.72", "a province mistaken takes nothing away"


def test_sekar_alone_is_ambiguous_between_kecamatan_and_villages(index: RegionIndex) -> None:
    candidates = index.resolve("Sekar")
    assert SEKAR in [c.code for c in candidates]
    assert any(c.village is not None for c in candidates)
    assert not is_confident(candidates)


def test_unique_kecamatan_alone_is_confident_at_kecamatan_level(index: RegionIndex) -> None:
    candidates = index.resolve("sananwetan")
    assert candidates[0].code == SANANWETAN and candidates[0].village is None
    assert is_confident(candidates)


def test_village_alone_is_never_confident_even_when_unique(index: RegionIndex) -> None:
    candidates = index.resolve("gedog")
    assert candidates[0].code == GEDOG
    assert not is_confident(candidates)


def test_level_word_picks_the_kelurahan_named_like_its_kecamatan(index: RegionIndex) -> None:
    assert index.resolve("kelurahan sananwetan kota blitar")[0].code == "35.72.03.1004"
    assert index.resolve("kecamatan sananwetan kota blitar")[0].code == SANANWETAN


def test_kota_or_kab_word_decides_between_same_named_regencies(index: RegionIndex) -> None:
    kota, kab, bare = index.resolve("kota blitar"), index.resolve("kab. blitar"), index.resolve("blitar")
    assert kota[0].code == "35.72" and is_confident(kota)
    assert kab[0].code == "35.05" and is_confident(kab)
    assert {"35.72", "35.05"} <= {c.code for c in bare} and not is_confident(bare)


@pytest.mark.parametrize("text", ["kelurahan kepanjen kidul", "di jl kenanga kel. kepanjen kidul, dekat pasar"])
def test_a_name_read_inside_a_longer_name_typed_is_no_rival(index: RegionIndex, text: str) -> None:
    """"kepanjen kidul" is Kepanjenkidul, not one of the Kepanjens with a word left over."""
    candidates = index.resolve(text, limit=8)
    assert [c.village.name for c in candidates if c.village] == ["Kepanjenkidul"]
    kepanjen = index.resolve("kelurahan kepanjen")[0]
    assert kepanjen.village is not None and kepanjen.village.name == "Kepanjen"


@pytest.mark.parametrize(("text", "code"), [
    ("gg mawar rt 3 kepanjen lor", "35.72.01.1007"), ("rumah sy di kepanjen lor", "35.72.01.1007"),
    ("mojo kusumo", "35.16.15.2011"), ("di simo ketawang", "35.15.10.2002"), ("tegal bangsri rt 5", "35.08.20.2003"),
    ("soko puluhan", "33.18.05.2019"), ("ploso genuk", "35.17.01.2010"),
])
def test_two_words_of_one_village_name_outrank_a_region_read_from_one(
        index: RegionIndex, text: str, code: str) -> None:
    """"kepanjen lor" is Kel. Kepanjenlor, typed as two words: Kec. Kepanjen of Kab. Malang reads "kepanjen" only
    and leaves "lor" unread, and no longer goes first. A village alone is still asked about."""
    candidates = index.resolve(text)
    assert candidates[0].code == code and not is_confident(candidates)


def test_a_village_of_two_words_leaves_a_reading_of_both_alone(index: RegionIndex) -> None:
    """"mojo demak" reads both words, Desa Mojo of Kab. Demak; Desa Mojodemak alone reads no more."""
    assert index.resolve("mojo demak")[0].code.startswith("33.21")


@pytest.mark.parametrize(("text", "kind"), [
    ("kel sukorejo", "kelurahan"), ("kelurahan suko rejo", "kelurahan"), ("jl mastrip dpn toko sinar kel sukorejo",
                                                                          "kelurahan"),
    ("desa sentul", "desa"), ("ds kepanjen", "desa"), ("kel kepanjen", "kelurahan"),
])
def test_the_kind_of_village_typed_goes_first_among_namesakes(index: RegionIndex, text: str, kind: str) -> None:
    """"kel" says kelurahan and "desa"/"ds" desa: the three Desa Suko Rejo of Sumatra no longer head "kel
    sukorejo" for their codes, where dozens of Kel. Sukorejo share the name."""
    kinds = [c.village.kind for c in index.resolve(text, limit=3) if c.village]
    assert kinds[0] == kind and kinds == sorted(kinds, key=lambda k: k != kind)


@pytest.mark.parametrize(("text", "code"), [
    ("kel sukodono kab gresik", "35.25.16.1012"), ("ds sukodono gresik", "35.25.03.2010"),
    ("kel. banaran nganjuk", "35.18.08.1011"), ("desa banaran, kab nganjuk", "35.18.05.2011"),
])
def test_the_kind_typed_picks_between_a_desa_and_a_kelurahan_of_one_regency(
        index: RegionIndex, text: str, code: str) -> None:
    """Both are read with their kab/kota as well: the kind typed goes first, and the other is still offered."""
    candidates = index.resolve(text, limit=3)
    assert candidates[0].code == code and len(candidates) > 1 and not is_confident(candidates)


def test_a_name_spaced_as_typed_goes_first_among_namesakes(index: RegionIndex) -> None:
    """"desa sukorejo" is a Desa Sukorejo before a Desa Suko Rejo, "tanjung sari" Kec. Tanjung Sari first."""
    assert all(c.village and c.village.name == "Sukorejo" for c in index.resolve("desa sukorejo", limit=3))
    assert all(c.village and c.village.name == "Suko Rejo" for c in index.resolve("desa suko rejo", limit=3))
    assert index.resolve("tanjung sari")[0].code == "18.01.22"
    assert all(c.district and c.district.name == "Tanjungsari" for c in index.resolve("tanjungsari", limit=3))


def test_a_name_spelt_exactly_outranks_a_typo_reading_of_other_words(index: RegionIndex) -> None:
    """"Lumajang" is Kab. Lumajang spelt exactly; "salaan magelag" reads, with two typos, as Kec. Salaman, Kab.
    Magelang, which scores higher (two levels agree) and was proposed with confidence. The exact name comes
    first, and the resident is asked: the typo reading is still offered, never assumed."""
    found = index.resolve("Lumajang salaan magelag", limit=3)
    assert [c.code for c in found][:2] == ["35.08", "33.08.01"]
    assert found[1].score > found[0].score and not is_confident(found)


@pytest.mark.parametrize(("text", "code"), [
    ("wonoayu sidoharjo", "35.15.10"),  # Kec. Wonoayu, Kab. Sidoarjo; Kec. Sidoharjo is of Wonogiri and Sragen
    ("kokop bangkala", "35.26.10"),  # Kec. Kokop, Kab. Bangkalan; Kec. Bangkala is of Jeneponto
    ("semampir purabaya", "35.78.16"),  # Kec. Semampir, Kota Surabaya; Kec. Purabaya is of Sukabumi
    ("oebobo, kopang", "53.71.04"),  # Kec. Oebobo, Kota Kupang; Kec. Kopang is of Lombok Tengah
])
def test_places_one_inside_the_other_outrank_a_lone_name_spelt_so_far_away(index: RegionIndex, text: str,
                                                                           code: str) -> None:
    """A kecamatan typed with its kab/kota misspelt as another place's name: the two that fit one another are the
    place, not the lone name far away, which the word alone still is."""
    found = index.resolve(text, limit=3)
    assert found[0].code == code and is_confident(found), found
    assert not index.resolve(text.split()[-1], limit=3)[0].code.startswith(code[:5])


def test_a_typo_reading_of_words_spelt_as_another_name_is_no_rival(index: RegionIndex) -> None:
    """"ilir timur satu" spells Kec. Ilir Timur Satu exactly; read as a typo it is also Ilir Timur Dua and Tiga,
    close enough to keep the exact reading from confidence. They are no alternatives to what was spelt."""
    found = index.resolve("hp hilang di angkot kec ilir timur satu palembang", limit=3)
    assert found[0].code == "16.71.05" and is_confident(found)
    assert not {"16.71.06", "16.71.18"} & {c.code for c in found}


PINTU = "35.02.18.2009"  # Desa Pintu, Kec. Jenangan, Kab. Ponorogo: "pintu" is a door
AMANG = "61.08.01.2011"  # Desa Amang, Kec. Ngabang, Kab. Landak: "aman" is safe


@pytest.mark.parametrize("text", [
    "pintu", "di pintu", "di depan pintu rumah", "rumah saya tidak aman", "dia bawa golok", "motornya dilempar batu",
    "pedagang kaki lima berjualan di trotoar taman, pejalan kaki susah lewat",  # Pedagung, Pemalang by typos
])
def test_an_everyday_word_alone_is_never_a_confident_place(index: RegionIndex, text: str) -> None:
    assert not is_confident(index.resolve(text))


@pytest.mark.parametrize(("text", "code"), [
    ("depan pintu masuk pasar, kel gedog kec sananwetan", GEDOG),
    ("rumah saya ga aman, kec ngabang kab landak", "61.08.01"),  # not Desa Amang, Ngabang
    ("di ngabang aman kok", "61.08.01"),
    ("dia bawa golok, banyuurip purworejo", "33.06.07"),  # not Desa Golok, Banyuurip
    ("kaca jendela dipecah, plosokerep sananwetan", "35.72.03.1002"),
    ("di sekar, bojonegoro", SEKAR),  # "sekar" is a flower, but stands alone before its kabupaten
])
def test_an_everyday_word_beside_a_place_named_leaves_it_that_place(index: RegionIndex, text: str, code: str) -> None:
    found = index.resolve(text)
    assert found[0].code == code and is_confident(found)


@pytest.mark.parametrize("text", ["desa pintu jenangan", "kel. pintu, kec. jenangan", "pintu jenangan ponorogo",
                                  "pintu, jenangan, ponorogo"])
def test_an_everyday_word_marked_or_written_before_its_kecamatan_is_the_village(index: RegionIndex, text: str) -> None:
    found = index.resolve(text)
    assert found[0].code == PINTU and is_confident(found)


@pytest.mark.parametrize(("text", "code"), [
    ("gedok kota blitar", GEDOG), ("gedok, kota blitar", GEDOG), ("di gedok kota blitar", GEDOG),
    ("gedok kab blitar", "35.05"),  # no Gedog in the kabupaten
    ("aman kota blitar", "35.72"),  # Kauman with two letters left out: the word "aman"
])
def test_an_everyday_word_one_letter_off_a_village_before_its_marked_kota_is_that_village(
        index: RegionIndex, text: str, code: str) -> None:
    """"gedok" (a word) is Gedog with one letter slipped: before "kota blitar" as before "blitar", the village."""
    found = index.resolve(text)
    assert found[0].code == code and is_confident(found)


@pytest.mark.parametrize(("text", "code"), [
    ("malang kota", "35.73"), ("blitar kab", "35.05"), ("bekasi kota", "32.75"), ("kediri kabupaten", "35.06"),
    ("tegal kab.", "33.28"), ("di bogor kota, dekat stasiun", "32.71"), ("sukun malang kota", "35.73.04"),
    ("gedok blitar kota", GEDOG),
    ("klojen kota", "35.73.02"),  # there is no Kota Klojen: the kecamatan
    # the kind word between the kab/kota and the kecamatan after it
    ("malang kota klojen", "35.73.02"), ("kediri kota mojoroto", "35.71.01"), ("malang kab kepanjen", "35.07.13"),
    ("malang kota batu", "35.79"),  # "kota batu" is Kota Batu
])
def test_a_kind_word_after_a_kab_kota_name_picks_that_kind(index: RegionIndex, text: str, code: str) -> None:
    """"malang kota" is said for Kota Malang as often as "kota malang": the kind word after the name marks it."""
    found = index.resolve(text)
    assert found[0].code == code and is_confident(found)


@pytest.mark.parametrize(("text", "code"), [
    ("kota jember", "35.09"), ("di kota banyuwangi", "35.10"), ("tuban kota", "35.23"), ("kab surabaya", "35.78"),
    ("kota jember kec. kaliwates", "35.09.19"), ("kota blitar", "35.72"), ("kab blitar", "35.05"),
    ("kot blitar", "35.72"), ("kot malang", "35.73"), ("kel sukorejo kot blitar", "35.72.02.1006"),
])
def test_a_kind_word_tells_a_kota_from_a_kabupaten_only_where_both_have_the_name(
        index: RegionIndex, text: str, code: str) -> None:
    """"kota jember" is the town of Kab. Jember (there is no Kota Jember): it was read as no place at all."""
    found = index.resolve(text)
    assert found[0].code == code and is_confident(found)


@pytest.mark.parametrize(("text", "code"), [
    ("kab blitat", "35.05"), ("kota blitat", "35.72"), ("kabupaten slemen", "34.04"), ("kota mataran", "52.71"),
    ("kab pato", "33.18"), ("kab nias selatam", "12.14"), ("kota tangerang selaan", "36.74"),
    ("kab bandung bara", "32.17"),
])
def test_a_kab_kota_one_letter_off_after_its_level_word_is_offered(index: RegionIndex, text: str, code: str) -> None:
    """"kab blitat" was no place: one name misspelt scored below MIN_SCORE, a name of four letters one letter off
    was below the cutoff, and "nias selatam" read as Kab. Nias, spelt, and a stray word. Offered, not taken."""
    found = index.resolve(text)
    assert found[0].code == code and found[0].marked and not is_confident(found)


@pytest.mark.parametrize(("text", "code"), [
    ("kec sananwetan kota blitat", "35.72.03"), ("kel sukorejo kec sukorejo kota blitat", "35.72.02.1006"),
    ("desa sumberpucung kab malamg", "35.07.12.2006"), ("kec fanayama kab nias selatam", "12.14.18"),
])
def test_a_kab_kota_one_letter_off_with_a_place_in_it_is_that_place(index: RegionIndex, text: str, code: str) -> None:
    found = index.resolve(text)
    assert found[0].code == code and is_confident(found)


@pytest.mark.parametrize("text", ["kota sebelah", "kab sebelah", "kota kecil", "pindah ke kota lain", "maling"])
def test_a_word_after_a_kind_word_is_no_kab_kota_misspelt(index: RegionIndex, text: str) -> None:
    assert index.resolve(text) == []


@pytest.mark.parametrize(("text", "code"), [
    ("kel sukorejo kota blitar", "35.72.02.1006"), ("di gg. kelinci kel. sukorejo kota blitar", "35.72.02.1006"),
    ("kec. cibinong bogor", "32.01.01"), ("kec. lengkong bdg", "32.73.13"), ("kec. wates kediri", "35.06.06"),
    ("kel sentul kab blitar", "35.72.01.1003"),  # no Sentul in the kabupaten: the kind word was a slip
])
def test_a_place_of_one_name_read_as_its_level_word_says_is_taken(index: RegionIndex, text: str, code: str) -> None:
    """A Sukorejo of Kab. Blitar, a Desa Cibinong of another kecamatan, read against the level word before the
    words, no longer keep the one it names from confidence."""
    found = index.resolve(text)
    assert found[0].code == code and is_confident(found)
    sukorejo = index.resolve("kel sukorejo kab blitar")  # three of them in the kabupaten
    assert not is_confident(sukorejo) and all(c.code.startswith("35.05.") for c in sukorejo)


@pytest.mark.parametrize("text", ["di tengah kota", "mau ke luar kota", "di dalam kota", "sorong kota"])
def test_a_kind_word_after_a_word_or_a_kecamatan_name_marks_no_kab_kota(index: RegionIndex, text: str) -> None:
    found = index.resolve(text)
    assert not is_confident(found) and all(c.code.count(".") > 1 for c in found)


@pytest.mark.parametrize(("text", "code"), [
    ("pare kediri", "35.06.17"), ("pare, kediri", "35.06.17"), ("kuta badung", "51.03.01"),
    ("motor sy hilang di kuta badung tadi malam", "51.03.01"), ("hp sy dijambret dkt pasar pare kediri", "35.06.17"),
    ("kuta bali", "51.03.01"), ("di kuta, bali", "51.03.01"), ("motor sy ilang di kuta bali", "51.03.01"),
    # a beach said before its name, or after it in English, is no word of the story
    ("pantai kuta bali", "51.03.01"), ("di pantai kuta, bali", "51.03.01"), ("at kuta beach, bali", "51.03.01"),
    ("hp sy ilang di pantai kuta bali td sore", "51.03.01"), ("near the beach in kuta, bali", "51.03.01"),
])
def test_two_everyday_words_naming_a_place_and_its_kab_kota_are_that_place(
        index: RegionIndex, text: str, code: str) -> None:
    """"pare" (a gourd) and "kediri" (a word by its stem) are Kec. Pare, Kab. Kediri when that is all their
    clause says, or a word of where comes before them; so is an everyday word before its province ("kuta bali")."""
    found = index.resolve(text)
    assert found[0].code == code and is_confident(found)


@pytest.mark.parametrize("text", ["tukang sayur jual pare kediri", "beli bawang kediri", "di pasar beli bawang kediri",
                                  "nasib saya malang", "beli minyak bali", "jual kuta bali", "di pantai",
                                  "main ke pantai sama anak2"])
def test_two_everyday_words_inside_what_is_said_are_no_place(index: RegionIndex, text: str) -> None:
    assert not is_confident(index.resolve(text))


def test_an_everyday_word_marked_as_a_village_alone_is_offered_first(index: RegionIndex) -> None:
    found = index.resolve("desa pintu")
    assert found[0].code == PINTU and found[0].marked and not is_confident(found)


def test_a_fuzzy_reading_of_everyday_words_never_outranks_a_village_typed_exactly(index: RegionIndex) -> None:
    """"tetangga" and "golok" read with typos as a village in Dolok (Aek Tangga) outranked Amang, spelt exactly."""
    found = index.resolve("tetangga ngancam pakai golok di desa amang")
    assert found[0].code == AMANG
    assert all(c.village is None or c.village.name in ("Amang", "Golok") for c in found)


@pytest.mark.parametrize("text", ["xyzzy qwerty", "", "   ", "🚓🙏🏽", "12345", "RT 02 / RW 05 No. 7", "jl. gg. dekat"])
def test_unknown_text_gives_no_candidates(index: RegionIndex, text: str) -> None:
    assert index.resolve(text) == []


@pytest.mark.parametrize("text", ["rumah kosong dibobol maling", "motor saya hilang tadi malam", "di depan alfamart",
                                  "kemarin jam 9 malam hp sy hilang", "sekitar pukul 3 sore motor sy dicuri",
                                  "td jam 2 siang ada yg ribut", "sebrang jalan", "blakang rumah", "di parkiran",
                                  "sblah sekolahan", "dpan pasar"])
def test_words_that_only_resemble_a_place_give_no_candidates(index: RegionIndex, text: str) -> None:
    # "maling" is one letter from Malang, "malam" from Salam: one loose match alone is not a place; the hour of "jam 9"
    # is no number word of a name (Desa Sembilan).
    assert index.resolve(text) == []


def test_rt_rw_house_numbers_and_street_words_are_ignored(index: RegionIndex) -> None:
    noisy = index.resolve("Jl. Merdeka No. 12 RT 002/RW 005 dekat masjid, Kec. Sekar, Bojonegoro")
    assert noisy[0].district_code == SEKAR and is_confident(noisy)
    # "Merdeka" is also a kecamatan in Karo; after "Jl." it is a street and loses to the kecamatan named.
    street = index.resolve("Jl. Merdeka, Sananwetan")
    assert street[0].code == SANANWETAN and is_confident(street)
    # A street's name is its first word; the place after it counts in full.
    after_street = index.resolve("jl. diponegoro sananwetan blitar")
    assert after_street[0].code == SANANWETAN and is_confident(after_street)
    # A street of two words: its second word names a village elsewhere, the kelurahan said as one comes first.
    assert index.resolve("jl. sunan kalijaga, kel gedog")[0].code == "35.72.03.1001"
    # A housing estate named after the kelurahan, then the kelurahan said as one: one misspelt word typed twice
    # ("gedog" as Desa and Kec. Gedeg, Mojokerto) does not support itself against Gedog spelt exactly.
    assert [c.code for c in index.resolve("perum griya gedog indah kel gedog")] == ["35.72.03.1001"]
    # A village name many villages share, spelt exactly, with its kab/kota misspelt: the kab/kota decides.
    for typed, regency in (("desa Wonorejo kab tluungagung", "35.04"), ("desa sukorejo kab blitr", "35.05"),
                           ("kel sukorejo kota blitr", "35.72"), ("desa gayam kab mojokrto", "35.16")):
        assert index.resolve(typed)[0].code.startswith(regency + "."), typed
    # An English word far from the place ("keeps") is no misspelt village of it (Desa Kenep, Bojonegoro), and "we
    # live in" leaves "Sekar" standing alone before its kab/kota.
    expat = index.resolve("my neighbour dog keeps getting poisoned, I think someone is throwing poison over the "
                          "fence, we live in Sekar, Bojonegoro")
    assert expat[0].code == SEKAR and is_confident(expat)
    # A misspelt village with a few words between it and its kecamatan still goes with it.
    assert index.resolve("tadi pagi di klampk ada tawuran, sananwetan blitar")[0].code == "35.72.03.1003"
    assert index.resolve("I live in plosokrep near the mosque, sananwetan blitar")[0].code == "35.72.03.1002"
    assert index.resolve("plosokrep, jl kenari, sananwetan")[0].code == "35.72.03.1002"  # a street says nothing
    # "kec" marks a kecamatan: the village of that name in it is no place the text marks.
    kecamatan = index.resolve("kec kebonagung pacitn")
    assert kecamatan[0].code == "35.01.05" and kecamatan[0].marked and is_confident(kecamatan)
    # A school's number is no name's number word: "SMPN 3" is no Desa Tiga.
    assert index.resolve("smpn 3") == [] and index.resolve("sdn 2 sananwetan")[0].code == SANANWETAN


@pytest.mark.parametrize("text", ["balikpapan selatan, kel. damai", "kel damai balikpapan selatan"])
def test_a_name_read_out_of_a_longer_one_around_another_region_is_asked(index: RegionIndex, text: str) -> None:
    """"balikpapan selatan" spells Kec. Balikpapan Selatan; Kel. Damai is in Balikpapan Kota, which "balikpapan"
    alone would allow. The resident is asked which, never told Balikpapan Kota."""
    found = index.resolve(text)
    assert not is_confident(found) and {"64.71.06.1005", "64.71.05"} <= {c.code for c in found}
    named_whole = index.resolve("kel damai balikpapan kota")
    assert named_whole[0].code == "64.71.06.1005" and is_confident(named_whole)


@pytest.mark.parametrize(("text", "alone"), [
    ("balikpapan selatan, kel. damai", None), ("kel damai balikpapan selatan", None),
    ("kos nya di jl. ciliwung no 12 rt 3 rw 2 kel bendogerit", "35.72.03.1007"), ("desa pintu", PINTU),
    ("kel sukorejo", None),  # several places of one name
])
def test_a_place_named_alone_is_the_one_marked_with_no_area_around_it_said_as_plainly(
        index: RegionIndex, text: str, alone: str | None) -> None:
    taken = named_alone(index.resolve(text))
    assert (taken.code if taken else None) == alone


@pytest.mark.parametrize(("text", "code"), [
    ("kec padang utara kota padang", "13.71.04"), ("kel lolong belanti kec padang utara kota padang", "13.71.04.1005"),
    ("kota padang", "13.71"), ("kec kota padang", "17.02.06"),
])
def test_a_level_word_and_a_name_are_no_longer_name_that_holds_them(index: RegionIndex, text: str, code: str) -> None:
    """Kec. Kota Padang of Rejang Lebong spells "kota padang": read as a whole name it capped Kec. Padang Utara of
    Kota Padang, and Kec. Padang of Lumajang was taken."""
    found = index.resolve(text)
    assert found[0].code == code and is_confident(found)


@pytest.mark.parametrize(("text", "code"), [
    ("jl. pejanggik dpn mataram mall kel cakranegara timur kec cakranegara mataram", "52.71.03.1006"),
    ("jl sukorejo no 4 kel gedog kec sananwetan", "35.72.03.1001"),
])
def test_a_street_named_as_a_village_gives_way_to_the_village_said(index: RegionIndex, text: str, code: str) -> None:
    """Jl. Pejanggik named Kel. Pejanggik of Kec. Mataram ("mataram mall" too), which kept the kelurahan said from
    confidence."""
    found = index.resolve(text)
    assert found[0].code == code and is_confident(found)
    assert all(c.code.count(".") < 3 or c.code == code for c in found)


@pytest.mark.parametrize(("text", "code", "street"), [
    ("jl imam bonjol gedog", GEDOG, "Bonjol"), ("jl sunan giri rt 2 bendogerit", "35.72.03.1007", "Giri"),
    ("jl sunan ampel kepanjenlor", "35.72.01.1007", "Ampel"), ("jl teuku umar bendo kepanjenkidul", "35.72.01.1006",
                                                                "Umar"),
    ("jl bengawan solo gg 2 tanggung blitar", "35.72.01.1005", "Surakarta"),
    ("jl panglima sudirman no 9 kepanjenkidul", "35.72.01", "Sudirman"),
    ("jl. imam bonjol no. 7, kepanjenlor", "35.72.01.1007", "Bonjol"),
])
def test_a_street_named_after_a_titled_person_is_no_region(index: RegionIndex, text: str, code: str,
                                                           street: str) -> None:
    """"Sunan", "Teuku", "Panglima" begin a street's name: the name after them is the street's, as the word after
    "jl" is, not Kec. Giri, Desa Umar or Kota Surakarta ("bengawan solo" is a river) ahead of the village said."""
    found = index.resolve(text)
    assert found[0].code == code and all(street not in index.full_name(c.code) for c in found), found
    assert is_confident(found) == (found[0].score >= 75)  # a village alone is asked about, as without the street


@pytest.mark.parametrize(("text", "code"), [
    ("toko bangunan sumber rejeki, jl kalimantan, gedog", GEDOG), ("toko sumber rejeki gedog", GEDOG),
    ("depan toko emas sinar jaya kel bendogerit", "35.72.03.1007"), ("warung makan barokah sananwetan", SANANWETAN),
])
def test_a_shop_s_name_is_no_village_far_away(index: RegionIndex, text: str, code: str) -> None:
    """"Sumber Rejeki", "Sinar Jaya": shops' names and dozens of villages' across the country; the place is the one
    said beside the shop."""
    found = index.resolve(text, limit=8)
    assert found[0].code == code and not any("Rejeki" in (c.village.name if c.village else "") for c in found), found


@pytest.mark.parametrize(("text", "code"), [
    ("I live near the market in Sekar, Bojonegoro", SEKAR), ("near the market in sekar bojonegoro", SEKAR),
    ("it happened in front of the school in gedog, blitar", GEDOG), ("next to the mosque in sananwetan", SANANWETAN),
])
def test_a_place_told_in_english_by_the_spot_near_it_is_read(index: RegionIndex, text: str, code: str) -> None:
    """"the market", "the school" are the spot, as "pasar" is; "Sekar" after them is the kecamatan, not a flower."""
    found = index.resolve(text)
    assert found[0].code == code and is_confident(found), found


@pytest.mark.parametrize(("text", "code"), [
    ("jl ki hajar dewantara gedog", GEDOG), ("jl ki hajar dewantara bendogerit", "35.72.03.1007"),
    ("jl raya kepanjen sumberpucung", "35.07.12"),
])
def test_a_region_named_like_the_street_goes_after_the_place_said_after_it(
        index: RegionIndex, text: str, code: str) -> None:
    """"Dewantara" is Kec. Dewantara of Aceh Utara and the last word of Jl. Ki Hajar Dewantara: said before the
    village, in the words that run on from "jl", it is the street's; "jl raya kepanjen" is the road to Kepanjen."""
    found = index.resolve(text)
    assert found[0].code == code and not is_confident(found), found


@pytest.mark.parametrize(("text", "code"), [
    ("toko sinar kepanjenlor", "35.72.01.1007"), ("jl merdeka no 12 depan toko mas sinar kepanjenlor", "35.72.01.1007"),
    ("depan toko emas sinar gedog", GEDOG), ("konter hp maju gedog", GEDOG), ("toko emas murni bendogerit",
                                                                              "35.72.03.1007"),
])
def test_a_village_after_a_shop_s_name_of_one_word_is_read(index: RegionIndex, text: str, code: str) -> None:
    """A shop's name may be two words, but "sinar kepanjenlor" is Toko Sinar in Kepanjenlor: a village's name, no
    everyday word, after one word of the shop's was lowered with it, below any reading, and nothing was found."""
    assert index.resolve(text)[0].code == code


def test_an_everyday_word_after_a_shop_s_name_of_one_word_is_read_as_one(index: RegionIndex) -> None:
    """"toko emas sinar kauman": Kauman is an everyday word and the name of villages everywhere, Kel. Kauman of Kota
    Blitar among them; read as such a word (never confident alone), where the stations' readers can find theirs."""
    found = index.resolve("toko emas sinar kauman", limit=8)
    assert any(c.village and c.village.name == "Kauman" for c in found) and not is_confident(found)
    assert index.resolve("toko mas sinar kauman kepanjenkidul")[0].score == 90


def test_a_shop_named_like_a_village_is_still_no_village(index: RegionIndex) -> None:
    """"sumber rejeki" is Desa Sumber Rejeki's name as a whole: it is the shop's, and "rejeki" no village alone."""
    assert all(c.village is None or c.village.name != "Rejeki" for c in index.resolve("toko sumber rejeki", limit=8))


@pytest.mark.parametrize("text", ["bengkel sekar", "toko sinar sananwetan"])
def test_a_kecamatan_after_a_shop_s_word_is_still_read(index: RegionIndex, text: str) -> None:
    assert index.resolve(text)[0].district is not None


def test_filler_words_still_match_inside_names_spelt_out(index: RegionIndex) -> None:
    assert index.resolve("pasar minggu jakarta selatan")[0].code == "31.74.04"
    assert index.resolve("kec. ujung, parepare")[0].code == "73.72.02"


def test_candidates_are_ranked_limited_and_distinct_places(index: RegionIndex) -> None:
    for text in ["Sidomulyo", "gedok sananwetn blitar", "sekar", "blitar", "karanganyar demak"]:
        candidates = index.resolve(text, limit=5)
        assert 1 <= len(candidates) <= 5
        assert [c.score for c in candidates] == sorted((c.score for c in candidates), reverse=True)
        assert all(0 < c.score <= 100 for c in candidates)
        codes = [c.code for c in candidates]
        assert not any(_related(a, b) for i, a in enumerate(codes) for b in codes[i + 1:])
    assert len(index.resolve("Sidomulyo", limit=1)) == 1
    assert index.resolve("Sidomulyo", limit=0) == []


def test_a_long_story_is_read_from_where_it_names_its_place(index: RegionIndex) -> None:
    story = "motor saya diambil orang waktu parkir di depan warung, " * 6 + "kejadiannya di kel gedog kec sananwetan"
    assert len(story.split()) > 50
    found = index.resolve(story)
    assert found[0].code == GEDOG and found[0].marked and is_confident(found)


@pytest.mark.parametrize(("story", "code"), [
    ("motor saya dicuri tadi malam sekitar jam 10, waktu itu saya parkir motor di depan warung makan terus saya masuk "
     "sebentar beli makan, pas keluar motornya sudah tidak ada, kuncinya masih saya bawa, lokasinya di jl kaliurang km "
     "5 sleman", "34.04"),
    ("ada tabrakan motor sama mobil barusan, pengendara motornya jatuh dan kakinya berdarah, mobilnya malah kabur "
     "tidak berhenti, warga sudah berkumpul tapi belum ada ambulans datang tolong segera dikirim petugas ke jl ahmad "
     "yani depan alfamart sidoarjo", "35.15"),
    ("kemarin malam sekitar jam 9 saya lagi jalan kaki sama teman teman habis makan, tiba tiba ada orang nyenggol "
     "saya dan pas saya cek hp saya di saku celana sudah tidak ada, orangnya langsung lari ke kerumunan, itu di jl "
     "malioboro jogja", "34.71"),
    ("rumah tetangga saya kemasukan maling waktu mereka pergi mudik, pintu belakangnya dicongkel dan tv sama perhiasan "
     "emas hilang, baru ketahuan tadi pagi waktu saya lihat pintunya terbuka, alamatnya desa mijen kec kebonagung "
     "demak", "33.21.14.2004"),
    ("waktu sy lg antri bensin tiba2 ada yg ribut trs mukul petugas spbu, pelakunya udh kabur naik mobil avanza putih, "
     "petugasnya luka di kepala dan skrg dibawa ke puskesmas, kejadian nya di spbu jl raya kartasura sukoharjo",
     "33.11.12"),
    ("my motorbike was stolen last night while i was having dinner with my family at a small restaurant, the parking "
     "guy said he did not see anything and the police station told me to report online, it happened in kuta badung",
     "51.03.01"),
    ("hp saya dijambret di jl malioboro jogja tadi malam, saya sempat kejar tapi pelakunya lari ke gang kecil dan "
     "hilang, pelakunya pakai kaos hitam celana pendek, badannya kurus tinggi, rambut cepak, mohon bantuannya pak "
     "karena di hp itu banyak data penting", "34.71"),
])
def test_a_place_said_anywhere_in_a_long_story_is_read(index: RegionIndex, story: str, code: str) -> None:
    """A story longer than the words looked up still has its place read: at its end, or after a word of where."""
    assert len(story.split()) > 32
    assert index.resolve(story)[0].code == code


@pytest.mark.parametrize("text", ["gedog sananwetan " * 600, "x" * 10_000, "Sidomulyo, RT 1 " * 700])
def test_very_long_input_returns_a_list(index: RegionIndex, text: str) -> None:
    assert len(text) >= 10_000
    assert isinstance(index.resolve(text), list)


def test_normalize_and_name_key_fold_case_accents_punctuation_and_spaces() -> None:
    assert normalize("Kel. GEDOG,  Sanan-Wetan\n") == "kel gedog sanan wetan"
    assert normalize("Kecamatan Ma'u, Désa Ḡedog") == "kecamatan mau desa gedog"
    assert name_key("Sanan Wetan") == name_key("Sananwetan") == "sananwetan"


def _candidate(score: float) -> PlaceCandidate:
    province = Region("35", "Jawa Timur", 1, "provinsi")
    return PlaceCandidate(province, Region("35.72", "Blitar", 2, "kota"), None, None, score)


@pytest.mark.parametrize(("scores", "confident"), [
    ([], False),
    ([75.0], True),
    ([74.9], False),
    ([90.0, 82.0], True),
    ([90.0, 82.1], False),
    ([100.0, 70.0, 70.0], True),
])
def test_is_confident_needs_a_high_score_and_a_clear_lead(scores: list[float], confident: bool) -> None:
    assert is_confident([_candidate(s) for s in scores]) is confident


def test_a_misspelt_village_is_found_only_inside_the_areas_given(index: RegionIndex) -> None:
    """resolve() finds a village alone only spelt exactly; villages_like() finds a typo of one in given areas."""
    assert index.resolve("plosokrep") == []
    [found] = index.villages_like("kel plosokrep", ["35.72.03"])
    assert found.code == "35.72.03.1002" and not is_confident([found])
    assert index.villages_like("plosokrep", ["35.22.19"]) == []  # Kec. Sekar has no such village
    assert index.villages_like("depan rumah pak rt", ["35.72.03", "35.72"]) == []  # everyday words are no typo


@pytest.mark.parametrize("text", ["plosokrep", "kel plosokrep", "jl merdeka gedok", "klampk", "bendogrit",
                                  "karangtengh", "kampung baru dkt pasar", "ngancem sy di ngrancee", "sananwetn",
                                  "depan rumah pak rt"])
def test_the_villages_of_many_areas_are_found_as_area_by_area(index: RegionIndex, monkeypatch: pytest.MonkeyPatch,
                                                              text: str) -> None:
    """Stations generated for whole provinces cover thousands of kecamatan and kab/kota: their villages are looked
    up in the country's table once and kept to the areas, and found as they are when each area is read alone."""
    east_java = [regency.code for regency in index.regencies(None) if regency.code.startswith("35.")]
    areas = [*east_java, *(district.code for code in east_java for district in index.districts_in(code))]
    assert len(areas) > regions.AREAS_ONE_BY_ONE
    at_once = [found.code for found in index.villages_like(text, areas)]
    assert all(code.startswith("35.") for code in at_once)
    monkeypatch.setattr(regions, "AREAS_ONE_BY_ONE", len(areas))
    assert at_once == [found.code for found in index.villages_like(text, areas)]


@pytest.mark.parametrize("acronym", ["pln", "bnn", "dpr", "ktp", "pns", "kkn"])
def test_an_acronym_residents_write_is_no_chat_abbreviation_of_a_place(index: RegionIndex, acronym: str) -> None:
    """"ngaku petugas pln" named Probolinggo (and four more "p-l-n" places), so a Desa Sentul there was read with
    confidence over the Kel. Sentul the resident wrote."""
    assert index.resolve(acronym) == []


@pytest.mark.parametrize(("text", "code"), [
    ("south jakarta", "31.74"), ("Central Jakarta", "31.71"), ("cilandak, south jakarta", "31.74.06"),
    ("kec. kelapa gading, north jakarta", "31.72.06"), ("serpong, south tangerang", "36.74.01"),
    ("west lombok", "52.01"), ("north minahasa", "71.06"),
])
def test_a_kab_kota_named_in_english_is_that_kab_kota(index: RegionIndex, text: str, code: str) -> None:
    """English speakers put the direction first: "South Jakarta" offered Desa Jayakarta of Bengkulu Tengah."""
    assert index.resolve(text)[0].code == code, [c.code for c in index.resolve(text)]


@pytest.mark.parametrize(("text", "code"), [
    ("west java", "32"), ("Central Java", "33"), ("north sumatra", "12"), ("southeast sulawesi", "74"),
    ("riau islands", "21"), ("bangka belitung islands", "19"), ("southwest papua", "96"),
])
def test_a_province_named_in_english_is_that_province(index: RegionIndex, text: str, code: str) -> None:
    assert index.areas_named(text) == {code}


def test_a_kelurahan_in_a_story_with_an_acronym_is_not_read_elsewhere(index: RegionIndex) -> None:
    found = index.resolve("td pagi ada org ngaku petugas pln dtg ke rmh sy di kelurahan sentul, minta duit 500rb")
    assert found[0].code == "35.72.01.1003" and not is_confident(found), [c.code for c in found]


@pytest.mark.parametrize(("typed", "first"), [("gedok", "Gedog"), ("di gedok", "Gedog"), ("kedog", "Kedok")])
def test_of_villages_misspelt_alike_the_one_said_as_typed_comes_first(index: RegionIndex, typed: str,
                                                                       first: str) -> None:
    """A final g is said as k: in the whole country, "gedok" is a letter from Gewok, Ledok and Kedok as from Gedog,
    and ties went by code, Gedog not even among the first three."""
    found = index.villages_like(typed, None)
    assert found[0].village is not None and found[0].village.name == first, [c.village for c in found]


@pytest.mark.parametrize("said", ["dia ngancem sy", "pacar sy ngancem mau nyebar foto", "dia ngancemin sy terus",
                                  "org itu nyolong hp sy", "dia ngejar sy sampe rumah"])
def test_a_spoken_verb_is_no_village_misspelt(index: RegionIndex, said: str) -> None:
    """"ngancem" is "mengancam" as it is said, a letter from Desa Ngrance (Tulungagung): no guess at a place."""
    assert index.villages_like(said, ["35.04", "35.72", "35.22"]) == []


@pytest.mark.parametrize("said", ["pak tolong", "tolong", "tv ilang", "hp ilang jg", "jl kalimantan",
                                  "jln kalimantan no 15"])
def test_an_everyday_word_or_a_street_is_no_village_misspelt(index: RegionIndex, said: str) -> None:
    """"tolong" is a letter from Desa Kolong, "tv ilang" from Desa Pilang (both Bojonegoro, where a station is): an
    everyday word is a village's name only as it is said. A street's own name ("jl kalimantan": Desa Kalangan) is
    no village misspelt."""
    assert index.villages_like(said, ["35.72", "35.72.03", "35.22", "35.22.27"]) == []
    assert all(place.village and name_key(place.village.name) in name_key(said)
               for place in index.villages_like(said, None)), said  # Desa Tolong of Papua, spelt so


@pytest.mark.parametrize("said", ["tulungan pak aya maling di imah ayeuna", "tulungan", "tulungin pak ana maling",
                                  "tolongin pak", "help pak ada maling", "tlg pak"])
def test_a_plea_is_no_place(index: RegionIndex, said: str) -> None:
    """"tulungan" (Sundanese "help!") is two letters from Kec. Tulangan of Sidoarjo, which one "muhun" took."""
    assert index.resolve(said, limit=3) == [], said
    assert index.villages_like(said, None) == [], said


@pytest.mark.parametrize(("said", "code"), [("kec tulangan sidoarjo", "35.15.09"), ("tulangan sidoarjo", "35.15.09"),
                                            ("tulungan sidoarjo", "35.15.09"), ("desa tolong", "73.17.01.2022")])
def test_a_place_named_like_a_plea_is_still_read(index: RegionIndex, said: str, code: str) -> None:
    assert [place.code for place in index.resolve(said, limit=3)][:1] == [code], said


@pytest.mark.parametrize("street", ["jl soekarno hatta", "jl gatot subroto", "jl ahmad yani", "jl hayam wuruk",
                                    "jalan diponegoro", "gg sudirman no 5"])
def test_a_street_s_last_word_is_no_village_misspelt_in_the_whole_country(index: RegionIndex, street: str) -> None:
    """Heroes' names streets bear in every town: "hatta" is no Desa Hatta of Lampung, "subroto" no village of Jawa
    Timur. Near the stations, the word after a street's name may still be the village ("jl merdeka gedok")."""
    assert index.villages_like(street, None) == [], street


@pytest.mark.parametrize(("said", "code"), [("gedok", "35.72.03.1001"), ("jl merdeka gedok", "35.72.03.1001"),
                                            ("bendogrit", "35.72.03.1007"), ("plosokrep", "35.72.03.1002")])
def test_a_village_misspelt_from_its_first_letter_on_is_still_offered(index: RegionIndex, said: str,
                                                                      code: str) -> None:
    found = index.villages_like(said, ["35.72", "35.72.03", "35.22", "35.22.27"])
    assert [place.code for place in found][:1] == [code], [place.code for place in found]


def test_a_village_misspelt_alone_or_after_di_is_still_found_among_spoken_verbs(index: RegionIndex) -> None:
    assert [found.code for found in index.villages_like("ngrancee", ["35.04"])] == ["35.04.18.2016"]
    assert [found.code for found in index.villages_like("ngancem sy di ngrancee", ["35.04"])] == ["35.04.18.2016"]


@pytest.mark.parametrize(("text", "code", "spot"), [
    ("pasar kliwon kudus", "33.19", "pasar kliwon"),
    ("hp sy dijambret di pasar kliwon kudus!!", "33.19", "pasar kliwon"),
    ("terminal purabaya sidoarjo", "35.15", "purabaya"),
    ("pasar besar malang", "35.73", "besar"),  # the kota of the name first: a landmark is in the town of the name
    # the landmark's name is the kecamatan's, in the kab/kota named: that kecamatan
    ("pasar kliwon solo", "33.72.03", None), ("pasar minggu jakarta selatan", "31.74.04", None),
    ("hp sy dijambret dkt pasar pare kediri", "35.06.17", None), ("dekat pasar Sekar Bojonegoro", SEKAR, None),
])
def test_a_landmark_named_before_a_kab_kota_is_of_that_kab_kota(index: RegionIndex, text: str, code: str,
                                                                spot: str | None) -> None:
    """"pasar kliwon kudus" is a market in Kudus, not Kec. Pasar Kliwon of Kota Surakarta."""
    found = index.resolve(text, limit=8)
    assert found[0].code == code
    assert not any(normalize((c.village or c.district or c.regency).name) == spot for c in found)


@pytest.mark.parametrize(("text", "code", "taken"), [
    ("alun2 blitar", "35.72", False), ("alun-alun blitar", "35.72", False), ("di alun2 malang td mlm", "35.73", False),
    ("alun alun malang", "35.73", False), ("stasiun malang", "35.73", False), ("alun2 batu", "35.79", True),
    ("psr batu", "35.79", True), ("terminal batu", "35.79", True), ("alun2 kota batu", "35.79", True),
])
def test_a_kab_kota_after_a_town_s_landmark_is_that_town(index: RegionIndex, text: str, code: str,
                                                         taken: bool) -> None:
    """"alun2 malang": no everyday word (malang, unlucky) but Kota Malang, before Kab. Malang, which shares the name
    and is asked about with it; "alun2" is the chat's alun-alun."""
    found = index.resolve(text)
    assert found[0].code == code and not found[0].ordinary and is_confident(found) == taken, found


@pytest.mark.parametrize(("text", "code"), [
    ("kampus ub malang", "35.73"), ("ub campus malang", "35.73"), ("universitas brawijaya malang", "35.73"),
    ("mall olympic garden malang", "35.73"), ("plaza araya malang", "35.73"), ("kampus unisba blitar", "35.72"),
    ("univ kediri", "35.71"), ("kampus di kediri", "35.71"),
    ("malang", "35.07"), ("sawah di malang", "35.07"), ("kampus ub kab malang", "35.07"),
])
def test_a_town_s_spot_with_a_name_a_kota_and_a_kabupaten_share_is_the_kota_first(index: RegionIndex, text: str,
                                                                                   code: str) -> None:
    """A campus or a mall is likelier in the kota than in the kabupaten of its name; either is still asked, and
    without such a spot, or with the kabupaten said, it is as it was."""
    found = index.resolve(text)
    assert found[0].code == code, found
    assert not is_confident(found) or "kab" in text, found


@pytest.mark.parametrize("text", ["jembatan batu", "pasar batu akik", "jual batu di pasar", "taman batu"])
def test_an_everyday_word_after_a_landmark_that_is_no_town_s_stays_a_word(index: RegionIndex, text: str) -> None:
    """A stone bridge, a gem market: "batu" is a stone there, never proposed as Kota Batu."""
    found = index.resolve(text)
    assert not is_confident(found) and all(place.ordinary for place in found if place.code == "35.79"), found


@pytest.mark.parametrize(("text", "code"), [
    ("pasar beringharjo jogja", "34.71"), ("jogja", "34.71"), ("yg jogja", "34.71"),
    ("dkt stasiun tugu jogja", "34.71"), ("pasar klewer solo", "33.72"), ("solo", "33.72"),
])
def test_a_kota_s_nickname_is_no_village_of_that_name(index: RegionIndex, text: str, code: str) -> None:
    """"jogja" is Kota Yogyakarta, not also Desa Jogja of Nagan Raya; "desa jogja" is still that desa."""
    found = index.resolve(text, limit=8)
    assert found[0].code == code
    assert not any(c.village is not None and normalize(c.village.name) in ("jogja", "solo") for c in found)


@pytest.mark.parametrize("text", ["desa jogja kuala nagan raya", "desa jogja"])
def test_a_village_named_as_a_nickname_is_found_by_its_level_word(index: RegionIndex, text: str) -> None:
    assert index.resolve(text)[0].code == "11.15.01.2004"


@pytest.mark.parametrize(("text", "code"), [
    ("ga tau kel nya apa", None), ("kel nya apa ya lupa", None), ("kec nya lupa", None), ("desa ny ga tau", None),
    ("kel nya sy ga tau, kec sananwetan", SANANWETAN),
    ("desa nya simpang tiga aceh besar", "11.06.18.2009"),  # Desa Nya, with its kecamatan
])
def test_a_clitic_after_a_level_word_is_no_place_alone(index: RegionIndex, text: str, code: str | None) -> None:
    """"ga tau kel nya apa" asks nothing of a Desa Nya."""
    found = index.resolve(text)
    assert (found[0].code if found else None) == code


@pytest.mark.parametrize(("text", "code"), [
    ("canggu bali", "51.03.06.2005"), ("di canggu bali", "51.03.06.2005"), ("villa di canggu, bali", "51.03.06.2005"),
    ("motor sy hilang di canggu bali", "51.03.06.2005"), ("legian bali", "51.03.01.1004"),
    ("jimbaran bali", "51.03.05.1006"), ("senggigi ntb", "52.01.14.2006"),
])
def test_a_village_with_only_its_province_is_offered_first(index: RegionIndex, text: str, code: str) -> None:
    """"canggu bali": of six Desa Canggu, the one in Bali, though "bali" alone is an ordinary word; offered, as a
    village alone is, never taken."""
    found = index.resolve(text)
    assert found[0].code == code and not is_confident(found)


@pytest.mark.parametrize("text", ["dusun krajan desa sumbersari", "dsn krajan ds sumbersari",
                                  "dukuh krajan desa sumbersari"])
def test_a_hamlet_s_name_is_no_kecamatan_misspelt(index: RegionIndex, text: str) -> None:
    """"Krajan", the main hamlet of many villages of Java, is one letter from Kec. Kragan (Rembang)."""
    assert not any(c.district is not None and c.district.name == "Kragan" for c in index.resolve(text, limit=8))


@pytest.mark.parametrize("text", ["dusun krajan desa sumbersari, yg jember", "desa sumbersari, yg jember",
                                  "desa sumbersari, yg di jember", "kel sumbersari, yang jember",
                                  "dsn krajan ds sumbersari, kab jember", "dusun krajan desa sumbersari jember"])
def test_a_village_then_its_kab_kota_pointed_at_is_the_village_there(index: RegionIndex, text: str) -> None:
    found = index.resolve(text)
    assert found[0].code == "35.09.21.1002" and is_confident(found)


def test_a_village_beside_a_kota_it_is_not_in_is_no_reading_of_the_kabupaten(index: RegionIndex) -> None:
    assert index.resolve("sblh masjid agung, kota kediri")[0].code == "35.71"


@pytest.mark.parametrize("text", ["desa karangploso", "ds karangploso", "kel. karangploso", "kelurahan karangploso",
                                  "desa krangploso", "ds. karangplosso"])
def test_a_kecamatan_said_as_a_village_with_no_village_of_its_name_is_offered(index: RegionIndex, text: str) -> None:
    """No desa is named Karangploso: the resident's "desa" is the kecamatan, asked about, not taken."""
    found = index.resolve(text)
    assert found[0].code == "35.07.23" and not is_confident(found)


@pytest.mark.parametrize("text", ["desa singosari", "ds singosari", "kel. singosari", "di desa singosari pak"])
def test_a_kecamatan_said_as_a_village_is_offered_beside_the_villages_of_its_name(index: RegionIndex,
                                                                                 text: str) -> None:
    """Desa Singosari of Lampung, Kebumen and Boyolali take nothing from Kec. Singosari of Kab. Malang: a village
    named alone says nothing of where it is."""
    found = index.resolve(text, limit=8)
    assert "35.07.24" in {place.code for place in found} and not is_confident(found), found


@pytest.mark.parametrize(("text", "code"), [("desa sekar bojonegoro", "35.22.27.2003"),
                                            ("desa lowokwaru", "35.73.05.1011")])
def test_a_village_of_the_name_said_goes_before_its_kecamatan(index: RegionIndex, text: str, code: str) -> None:
    assert index.resolve(text)[0].code == code


@pytest.mark.parametrize("text", ["tulungan", "di tulungan", "tulungan rt 3", "andung"])
def test_a_name_alone_misspelt_from_its_first_letter_is_no_reading(index: RegionIndex, text: str) -> None:
    """"tulungan" is one letter off Kab. Bulungan (Kalimantan), but from its first letter: likelier a word, or a
    name nearer (Kec. Tulangan), than a slip; never taken."""
    found = index.resolve(text)
    assert not is_confident(found) and all(c.regency.code not in ("65.01", "32.04", "32.73") for c in found)


@pytest.mark.parametrize(("text", "code"), [("bulungan", "65.01"), ("tulungagng", "35.04"), ("kab bandumg", "32.04")])
def test_a_name_spelt_or_misspelt_after_its_first_letter_is_still_read(index: RegionIndex, text: str,
                                                                       code: str) -> None:
    assert index.resolve(text)[0].code == code


@pytest.mark.parametrize("text", ["kel sentul kec kepanjen kidl", "sentul kepanjen kidl", "sentul kepanjen kdul",
                                  "kel sentul kec kepanjen kidul", "sentul kepanjn kidul"])
def test_a_village_spelt_with_its_kecamatan_of_two_words_misspelt_is_found(index: RegionIndex, text: str) -> None:
    """"kepanjen" alone is Kec. Kepanjen of Kab. Malang, spelt exactly; with "kidl" after it, the kecamatan of Kel.
    Sentul (Kepanjenkidul, Kota Blitar) misspelt."""
    found = index.resolve(text)
    assert found[0].code == "35.72.01.1003" and is_confident(found), [c.code for c in found]


@pytest.mark.parametrize(("text", "code"), [("kepanjen kidl", "35.07.13"), ("sentul kepanjen", "35.07.13"),
                                            ("ilir timur satu", "16.71.05")])
def test_a_name_spelt_is_still_not_read_as_a_longer_one_misspelt(index: RegionIndex, text: str, code: str) -> None:
    assert index.resolve(text)[0].code == code


@pytest.mark.parametrize("text", ["rumah sy di gedog sering dipake pesta miras anak2",
                                  "rumah kosong sebelah rumah sy di gedog sering dipake pesta miras anak2 muda"])
def test_an_everyday_word_misspelt_from_its_first_letter_is_no_kecamatan(index: RegionIndex, text: str) -> None:
    """"anak" is two letters from Kec. Mancak (Serang), whose Desa Sigedong then took "di gedog" in as a typo."""
    assert index.resolve(text)[0].code == "35.72.03.1001", [c.code for c in index.resolve(text)]


KUTA = "51.03.01"  # Kec. Kuta, Kab. Badung, Bali


@pytest.mark.parametrize(("english", "indonesian"), [
    ("kuta beach bali", "pantai kuta bali"), ("di kuta beach", "di pantai kuta"),
    ("sanur beach bali", "pantai sanur bali"),
    ("legi market blitar", "pasar legi blitar"), ("pare market kediri", "pasar pare kediri"),
    ("batu station", "stasiun batu"), ("kepanjen terminal", "terminal kepanjen"),
    ("merdeka street gedog sananwetan", "jl merdeka gedog sananwetan"),
    ("pasir putih beach situbondo", "pantai pasir putih situbondo"),
])
def test_a_spot_named_in_english_reads_as_named_in_indonesian(index: RegionIndex, english: str,
                                                               indonesian: str) -> None:
    """"kuta beach" is Pantai Kuta: the kind after the name, as English puts it, says what the kind before it says."""
    assert _read(index, english) == _read(index, indonesian)


@pytest.mark.parametrize(("slipped", "meant"), [
    ("pntai kuta bali", "pantai kuta bali"), ("pnatai kuta bali", "pantai kuta bali"),
    ("pasr legi blitar", "pasar legi blitar"), ("pasr pare kediri", "pasar pare kediri"),
    ("stasion batu", "stasiun batu"), ("termnal kepanjen", "terminal kepanjen"),
])
def test_a_kind_of_spot_misspelt_reads_as_spelt(index: RegionIndex, slipped: str, meant: str) -> None:
    assert _read(index, slipped) == _read(index, meant)


def test_a_beach_named_with_its_province_is_the_kecamatan_of_its_name(index: RegionIndex) -> None:
    for typed in ("kuta beach bali", "pntai kuta bali", "pnatai kuta, bali", "pantai kuta bali"):
        found = index.resolve(typed, limit=3)
        assert found[0].code == KUTA and is_confident(found), typed


@pytest.mark.parametrize(("typed", "code"), [("bandar lampung", "18.71"), ("pasir putih situbondo", "35.12.17.2007"),
                                           ("pantau gedog sananwetan", GEDOG)])
def test_an_everyday_word_a_letter_off_a_kind_of_spot_is_left_as_it_is(index: RegionIndex, typed: str,
                                                                       code: str) -> None:
    """"bandar" is no "bandara", "pasir" no "pasar", "pantau" no "pantai": words of their own."""
    assert index.resolve(typed, limit=1)[0].code == code


def _read(index: RegionIndex, typed: str) -> list[tuple[str, float]]:
    return [(c.code, c.score) for c in index.resolve(typed, limit=3)]


@pytest.mark.parametrize(("typed", "today"), [
    ("djogja", "jogja"), ("motor sy dicuri di djogja kemarin", "motor sy dicuri di jogja kemarin"),
    ("soerabaja", "surabaya"), ("tjilatjap", "cilacap"), ("bandoeng", "bandung"), ("djakarta", "jakarta"),
    # a name spelt so today, and words that make no name spelt anew, are left as typed
    ("oebobo", "oebobo"), ("boven digoel", "boven digoel"), ("djokja", "djokja"), ("doeloe", "doeloe"),
    ("tjoba", "tjoba"), ("gedog", "gedog"),
])
def test_a_name_spelt_the_old_way_is_spelt_as_today(index: RegionIndex, typed: str, today: str) -> None:
    assert index.today_spelt(typed) == today


@pytest.mark.parametrize(("typed", "name"), [
    ("masjid istiqlal", "istiqlal"), ("di depan masjid istiqlal", "istiqlal"), ("pasar besar malang", "besar malang"),
    ("tugu pahlawan", "pahlawan"),
    # more than a landmark, or none
    ("masjid", None), ("pasar legi kel gedog kec sananwetan", None), ("gedog", None), ("rumah pak rt", None),
])
def test_a_landmark_told_alone_gives_its_own_name(typed: str, name: str | None) -> None:
    assert landmark_named(typed) == name
