"""Times RegionIndex.load() and resolve() on places typed the way residents type them.

Run from the repository root: python benchmarks/bench_regions.py [resolutions]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from storage.regions import RegionIndex, is_confident

PLACES = [
    "Kel. Gedok, Kec. Sananwetn, Blitar",
    "gedog sananwetan",
    "gedok sananwetn blitar",
    "Jl. Merdeka RT 02/RW 05 Gedog, Sananwetan",
    "kelurahan gedog kecamatan sanan wetan kota blitar",
    "plosokrep sanan wetan",
    "Kec. Sekar, Kab. Bojonegoro",
    "sekar bojonegoro",
    "sekr bojonegor",
    "dekat pasar Sekar Bojonegoro",
    "kec sekar bjn",
    "Sidomulyo",
    "Sekar",
    "sananwetan",
    "blitar",
    "kota blitar",
    "karanganyar demak",
    "pasar minggu jakarta selatan",
    "Desa Kurau Timur, Kec. Koba, Kab. Bangka Tengah",
    "kebayoran baru jaksel",
    "gg. mawar no 3 rt 1 rw 4 kemiri muka beji depok",
    "depan masjid agung, cibinong bogor",
    "Jalan Ahmad Yani No. 88 Wonokromo Surabaya",
    "sukamaju",
    "motor saya hilang tadi malam",
    "xyzzy qwerty",
    "",
    "rt 02 rw 05",
]


def main(resolutions: int = 1000) -> None:
    started = time.perf_counter()
    index = RegionIndex.load()
    load_s = time.perf_counter() - started
    counts = index.counts()

    timings_ms: list[float] = []
    confident = 0
    for i in range(resolutions):
        text = PLACES[i % len(PLACES)]
        started = time.perf_counter()
        candidates = index.resolve(text)
        timings_ms.append((time.perf_counter() - started) * 1000)
        confident += is_confident(candidates)

    timings_ms.sort()
    total_s = sum(timings_ms) / 1000
    p50 = statistics.median(timings_ms)
    p95 = timings_ms[max(0, round(0.95 * len(timings_ms)) - 1)]
    print(f"load:        {load_s:.2f} s ({counts[1]} provinces, {counts[2]} kab/kota, {counts[3]} kecamatan, "
          f"{counts[4]} desa/kelurahan)")
    print(f"resolutions: {resolutions} over {len(PLACES)} typed places, {confident} confident")
    print(f"throughput:  {resolutions / total_s:,.0f} resolutions/s")
    print(f"per call:    p50 {p50:.2f} ms, p95 {p95:.2f} ms, max {timings_ms[-1]:.2f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
