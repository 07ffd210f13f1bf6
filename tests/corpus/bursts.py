"""Bursts: one incident told by many residents, each in their own words, generated from a few ways of saying
each part of it (what, where, what else, how they start) with a seeded generator, so a run is repeatable and
no two residents write the same message."""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Incident:
    category: str
    place: str  # the kelurahan, as a resident types it when asked
    what: tuple[str, ...]
    where: tuple[str, ...]
    more: tuple[str, ...]


OPENINGS = ("", "pak ", "tolong pak, ", "lapor, ", "pak polisi ", "min, ", "assalamualaikum, ", "permisi, ")

INCIDENTS = (
    Incident("social", "gedog sananwetan blitar",
             what=("ada tawuran pelajar", "anak2 sekolah tawuran", "tawuran antar pelajar", "pelajar smk bentrok",
                   "rombongan anak sekolah tawuran", "remaja tawuran rame2"),
             where=("di depan pasar gedog", "dekat pasar gedog", "di jalan depan pasar", "di perempatan pasar gedog",
                    "samping pasar gedog"),
             more=("bawa celurit", "lempar2 batu", "ada yang luka", "warga pada takut keluar", "pakai sajam",
                   "jalan jadi macet", "")),
    Incident("traffic", "gedog sananwetan blitar",
             what=("kecelakaan truk tabrak motor", "truk nabrak pengendara motor", "tabrakan truk sama motor",
                   "ada motor ketabrak truk", "kecelakaan, motor ditabrak truk pasir"),
             where=("di perempatan lampu merah gedog", "di lampu merah perempatan", "perempatan gedog",
                    "di traffic light perempatan gedog"),
             more=("korbannya tergeletak", "pengendara luka parah", "butuh ambulans", "jalan macet total",
                   "truknya kabur", "")),
    Incident("other", "gedog sananwetan blitar",
             what=("banjir", "jalan kebanjiran", "banjir setinggi lutut", "air banjir masuk rumah warga",
                   "genangan banjir tinggi"),
             where=("di jalan raya depan sdn 2 gedog", "depan SD gedog", "jalan depan sekolah dasar gedog",
                    "di jalan depan sdn gedog"),
             more=("motor pada mogok", "anak sekolah ga bisa lewat", "airnya sampai lutut", "arus deras",
                   "selokan mampet", "")),
)


def burst(incident: Incident, residents: int, seed: int) -> list[str]:
    """`residents` different messages telling of `incident`, in a repeatable order."""
    rng = random.Random(seed)
    told: list[str] = []
    while len(told) < residents:
        parts = [rng.choice(incident.what), rng.choice(incident.where), rng.choice(incident.more)]
        story = rng.choice(OPENINGS) + " ".join(parts[:2]) + (f", {parts[2]}" if parts[2] else "")
        if story not in told:
            told.append(story)
    return told
