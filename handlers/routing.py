"""Where a report goes: from a typed place or a pin to the station that covers it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from handlers.i18n import t
from handlers.text import normalize
from storage.models import Station
from storage.officers import has_officers
from storage.regions import (
    AREAS_ONE_BY_ONE,
    COMMON_NAME_VILLAGES,
    PlaceCandidate,
    Region,
    RegionIndex,
    is_confident,
    landmark_named,
    name_key,
)
from storage.stations import (
    areas_covered,
    areas_of,
    covered_among,
    covered_codes,
    nearest_polsek,
    provinces_served,
    station_by_code,
    station_covering,
)

CANDIDATES_SHOWN = 3
CANDIDATES_FIRST = 8  # readings that tell whether one is clear
# Readings looked at to put those the stations cover first, when none is clear: every one there is, as a common
# name repeats in dozens of villages (63 Sukorejo) and the one near the stations may come last (some 3 ms more).
CANDIDATES_WEIGHED = 512


_WHERE_FIRST = re.compile(r"^\s*(?:di|ke|dekat|deket|daerah|kawasan|sekitar)\s+", re.IGNORECASE)  # "di gedok"
_PROVINCE_WORD = re.compile(r"^\s*(?:prov|provinsi|propinsi|dki)\.?\s+", re.IGNORECASE)  # "dki jakarta"


@dataclass(frozen=True)
class Route:
    station: Station | None
    needs_routing: bool
    reason: str  # kecamatan | kabupaten_kota | pin | fallback_no_station | fallback_unplaced


@dataclass(frozen=True)
class Router:
    places: RegionIndex
    fallback_station: str
    pin_max_km: float

    async def read(self, db: AsyncSession, text: str) -> tuple[list[PlaceCandidate], bool]:
        """candidates(), where a name repeats with those inside the area the stations cover first: a resident
        writing to these stations most likely means the Sidomulyo nearby. Only places of one name trade places:
        a typo reading near the stations never goes before a name spelt exactly elsewhere."""
        found = self.places.resolve(text, limit=CANDIDATES_FIRST)
        if is_confident(found):
            return found[:CANDIDATES_SHOWN], True
        if len(found) == CANDIDATES_FIRST:  # a name that repeats: all its places
            found = self.places.resolve(text, limit=CANDIDATES_WEIGHED)
        covered = await covered_among(db, _areas(found))
        # An everyday word read as a far village ("… sama celana jeans": Desa Sama, Manggarai Barat) is no place.
        near = covered if await self.near_is_local(db) else frozenset()
        found = [c for c in found if not (c.ordinary and c.village) or {c.district_code, c.regency.code} & near]
        kind = _village_kind(text)
        if kind is None:
            # "bojonegoro" alone is the regency all know, not also a desa of its name in Temanggung or Minahasa
            # Selatan; one a station covers stays ("tulungagung": Desa Tulungagung of Bojonegoro, near), and so does
            # each where "desa"/"kel" is typed
            towns = {_name(c) for c in found if c.district is None}
            found = [c for c in found if c.village is None or _name(c) not in towns
                     or {c.district_code, c.regency.code} & covered]
        if len(found) < 2:
            return found, False
        names = [_name(c) for c in found]
        typed = f" {normalize(text)} "
        provinces = await provinces_served(db)
        # A Polsek's own kecamatan before a kab/kota a Polres covers whole, before a province the stations serve (a
        # resident writing to them lives near them), before the rest of the country; in each, the kind typed ("desa
        # kauman"), then the name spaced as typed before one spaced otherwise ("jatimulyo": Desa Jatimulyo before
        # Desa Jati Mulyo), then a kelurahan before a desa: a town's, where more people live and report
        # ("jatimulyo": Kel. Jatimulyo of Kota Malang before the desa of Tulungagung).
        # A kab/kota goes first among the places of its name, unless a village's kind is typed: "tulungagung" alone is
        # the regency of a million people, not the desa of that name near a station. A kelurahan typed goes before
        # all that: "kel. bumiayu" is the Kel. Bumiayu of Kota Malang, not the desa near a station ("kel." is written
        # of a kelurahan only, where "desa" is said of any village: "desa sentul" may still be Kel. Sentul nearby).
        ranked = sorted(found, key=lambda c: (names.index(_name(c)),
                                              _kind_rank(c, kind) if kind == "kelurahan" else 0,
                                              kind is None and c.district is not None,
                                              c.district_code not in covered,
                                              c.regency.code not in covered, c.province.code not in provinces,
                                              _kind_rank(c, kind), f" {normalize(_own(c).name)} " not in typed,
                                              c.village is not None and c.village.kind != "kelurahan"))
        return ranked[:CANDIDATES_SHOWN], False

    @staticmethod
    async def near_is_local(db: AsyncSession) -> bool:
        """Whether the stations cover a few areas, where an everyday word that names a place of theirs ("di sentul",
        a fruit and a kelurahan) is likelier that place than the word. With a province's or the country's stations
        every such place is covered and none is nearer than another: "ngumpet di kamar" is no Desa Kamar."""
        return await areas_covered(db) <= AREAS_ONE_BY_ONE

    async def offered(self, db: AsyncSession, text: str) -> tuple[list[PlaceCandidate], bool]:
        """The places offered for a place typed alone, as the chat offers them: read(), else the villages nearby whose
        names it misspells (villages_nearby); and whether the first is proposed on its own."""
        found, confident = await self.read(db, text)
        return (found, confident) if found else (await self.villages_nearby(db, text), False)

    async def read_within(self, db: AsyncSession, text: str, areas: list[str]) -> list[PlaceCandidate]:
        """read(), with the places inside `areas` (a station's kecamatan or kab/kota) first, and where none is,
        the villages there whose names the text misspells: an officer's patrol was most likely on their beat.
        A place named plainly elsewhere ("Klampok, Kab. Malang") stays first."""
        found, confident = await self.read(db, text)
        if confident:
            return found
        inside = self.within(text, areas) or self.places.villages_like(text, areas, limit=CANDIDATES_SHOWN)
        codes = {c.code for c in inside}
        return [*inside, *(c for c in found if c.code not in codes)][:CANDIDATES_SHOWN]

    def within(self, text: str, areas: list[str]) -> list[PlaceCandidate]:
        """The readings of a typed place, as spelt, that lie inside `areas`."""
        return [c for c in self.places.resolve(text, limit=CANDIDATES_WEIGHED)
                if {c.district_code, c.regency.code} & set(areas)]

    async def covered(self, db: AsyncSession, places: list[PlaceCandidate]) -> list[PlaceCandidate]:
        """The places whose kecamatan or kab/kota a station covers, in their order."""
        codes = await covered_among(db, _areas(places))
        return [place for place in places if {place.district_code, place.regency.code} & codes]

    async def villages_nearby(self, db: AsyncSession, text: str) -> list[PlaceCandidate]:
        """Villages the stations cover whose names the text misspells: where read() finds nothing, a typo of a
        village nearby ("plosokrep", "di gedok") is likelier than a place no one has heard of."""
        text = _WHERE_FIRST.sub("", text)  # "di gedok" is the name alone
        if await areas_covered(db) <= AREAS_ONE_BY_ONE:
            return self.places.villages_like(text, await covered_codes(db), limit=CANDIDATES_SHOWN)
        # Stations for whole provinces or the country: the villages misspelt anywhere, then those the stations cover,
        # rather than every covered code read (4.5 ms at the country's 7,799)
        found = self.places.villages_like(text, None, limit=None)
        covered = await covered_among(db, _areas(found))
        return [place for place in found if {place.district_code, place.regency.code} & covered][:CANDIDATES_SHOWN]

    def common_name_misspelt(self, text: str, place: PlaceCandidate) -> str | None:
        """The name of the village or kecamatan read, where the text misspells it, names nothing else of its chain, and
        many villages bear it ("desa sukamju", "sukamaj": Sukamaju): one of those, taken or proposed alone, would be a
        guess."""
        own = place.village or place.district
        typed = name_key(self.places.today_spelt(text))  # "bandoeng" is Bandung spelt the old way, not misspelt
        if own is None or name_key(own.name) in typed or self.places.namesakes(own.name) < COMMON_NAME_VILLAGES:
            return None  # a kab/kota misspelt ("bandng") is the town all know
        chain = (place.village, place.district, place.regency, place.province)
        if any(name_key(region.name) in typed for region in chain if region and region.name != own.name):
            return None  # "kec sukamju luwu utara": the kab/kota says which
        return own.name

    @staticmethod
    def a_landmark_alone(text: str, found: list[PlaceCandidate]) -> bool:
        """Whether the text is a landmark told by its own name that no place read bears, last and as no everyday word
        ("masjid istiqlal": Kel. Istiqlal of Manado is no mosque's; "tugu pahlawan", "pasar beringharjo"): a same-named
        or like-named village elsewhere would be a guess. Not "alun2 blitar", "pasar besar malang", "pasar gedog"."""
        name = landmark_named(text)
        if name is None:
            return False
        return not any(name_key(name).endswith(name_key((place.village or place.district or place.regency).name))
                       and not place.ordinary for place in found)

    def a_province_alone(self, text: str) -> bool:
        """Whether the text names a province and nothing else ("jakarta", "di jawa timur", "djakarta")."""
        named = self.places.areas_named(_PROVINCE_WORD.sub("", _WHERE_FIRST.sub("", text)))
        return any("." not in code for code in named)

    def place(self, code: str) -> PlaceCandidate | None:
        return self.places.candidate_for(code)

    async def route(self, db: AsyncSession, place: PlaceCandidate | None) -> Route:
        """The Polsek of the kecamatan, else the Polres of the kabupaten/kota, else the fallback desk."""
        if place is not None:
            if place.district is not None:
                station = await station_covering(db, place.district.code)
                if station is not None:
                    return Route(station, False, "kecamatan")
            station = await station_covering(db, place.regency.code)
            if station is not None:
                return Route(station, False, "kabupaten_kota")
        fallback = await station_by_code(db, self.fallback_station)
        return Route(fallback, True, "fallback_no_station" if place else "fallback_unplaced")

    async def answering_for(self, db: AsyncSession, station: Station) -> Station:
        """The station that answers a report of `station` when it is filed: itself while an officer (on duty, or
        its head) is enrolled there, else the first above it that has one, else the fallback desk if it has one,
        so that no report alerts nobody; itself when none has one (a new install, before any officer enrolls)."""
        above: Station | None = station
        seen: set[int] = set()
        while above is not None and above.id not in seen:  # a registry's parents may loop
            if await has_officers(db, above.id):
                return above
            seen.add(above.id)
            above = await db.get(Station, above.parent_id) if above.parent_id else None
        desk = await station_by_code(db, self.fallback_station)
        return desk if desk is not None and await has_officers(db, desk.id) else station

    async def near_pin(self, db: AsyncSession, latitude: float,
                       longitude: float) -> tuple[Station, PlaceCandidate] | None:
        """The nearest Polsek to a pin, and the place to name to the resident: its kecamatan when it covers
        one, else the kabupaten/kota of its first."""
        found = await nearest_polsek(db, latitude, longitude, self.pin_max_km)
        if found is None:
            return None
        station = found[0]
        areas = await areas_of(db, station)
        place = self.places.candidate_for(areas[0] if len(areas) == 1 else areas[0].rsplit(".", 1)[0])
        return (station, place) if place else None


# "kel. Sukorejo" is a kelurahan, "desa Sukorejo" or "ds" a desa: where a name repeats, the kind typed goes first.
_VILLAGE_KIND = (("kelurahan", re.compile(r"\b(kel|kelurahan|kelurhan)\b")), ("desa", re.compile(r"\b(desa|ds)\b")))


def _village_kind(text: str) -> str | None:
    typed = normalize(text)
    return next((kind for kind, word in _VILLAGE_KIND if word.search(typed)), None)


def _kind_rank(place: PlaceCandidate, kind: str | None) -> int:
    """How well a place fits the village kind typed: a village of that kind, then a kecamatan or kab/kota named so
    ("desa singosari": Kec. Singosari, named as its people name it), then a village of the other kind."""
    if kind is None or (place.village is not None and place.village.kind == kind):
        return 0
    return 1 if place.village is None else 2


def _own(place: PlaceCandidate) -> Region:
    return place.village or place.district or place.regency


def _areas(places: list[PlaceCandidate]) -> set[str]:
    """The kecamatan and kab/kota of the places: what a station may cover."""
    return {code for place in places for code in (place.district_code, place.regency.code) if code}


def _name(place: PlaceCandidate) -> str:
    """A place's own name as it competes with others: "Karang Tengah" and "Karangtengah" are one name."""
    return normalize(_own(place).name).replace(" ", "")


def code_label(lang: str, router: Router, code: str) -> str:
    """The label of a region code a draft keeps; the code itself when the region list no longer has it
    (a draft begun before an upgrade of the list)."""
    place = router.place(code)
    return place_label(lang, place) if place is not None else code


def place_label(lang: str, place: PlaceCandidate) -> str:
    """`Kel. Gedog, Kec. Sananwetan, Kota Blitar`."""
    parts = [place.village, place.district, place.regency]
    return ", ".join(f"{t(lang, f'place.kind.{r.kind}')} {r.name}" for r in parts if r is not None)


def said_with_place(lang: str, router: Router, typed: str | None, code: str | None) -> str | None:
    """Where a resident said it was, for a statement that keeps no region code: as typed, with the place it was read
    as after it where the words do not name it and what it lies in ("jl merdeka depan toko mas sinar, Kel.
    Kepanjenlor, …": the spot their story told it with), the place alone where nothing was typed."""
    place = router.place(code) if code else None
    if place is None:
        return typed or code  # a code the region list no longer has (see code_label)
    label = place_label(lang, place)
    if not typed:
        return label
    named = normalize(typed).replace(" ", "")
    above = [r for r in (place.district, place.regency) if r is not None and r is not _own(place)]
    said = all(normalize(r.name).replace(" ", "") in named for r in (_own(place), *above[:1]))
    return typed if said else f"{typed}, {label}"


def describe_place(lang: str, router: Router, *, location_text: str | None, latitude: float | None,
                   longitude: float | None, code: str | None, exact_pin: bool = True) -> str:
    """Where, as the resident put it and as their pin, with the official place it was read as. Not `exact_pin`,
    the pin is given to about 100 m (what officers see of an account not given by name: a pin is often a home)."""
    pin = None
    if latitude is not None and longitude is not None:
        pin = t(lang, "report.pin", latitude=f"{latitude:.5f}", longitude=f"{longitude:.5f}") if exact_pin \
            else t(lang, "report.pin_near", latitude=f"{latitude:.3f}", longitude=f"{longitude:.3f}")
    place = " · ".join(part for part in (location_text, pin) if part) or "-"
    candidate = router.place(code) if code else None
    if candidate is not None:
        label = place_label(lang, candidate)
        place = label if place == "-" or normalize(place) == normalize(label) else f"{place} ({label})"
    return place


async def station_label(db: AsyncSession, station: Station) -> str:
    """`Polsek Sananwetan (Polres Blitar Kota)`."""
    parent = await db.get(Station, station.parent_id) if station.parent_id else None
    return f"{station.name} ({parent.name})" if parent else station.name
