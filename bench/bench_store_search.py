"""Search the SQLCipher store by name prefix, NIK, No KK and address over 100,000 members.

Goal: under 50 ms per search (limit 50). Times are per call, median and 95th percentile.

Run: python bench/bench_store_search.py [members]
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_store_data import households, machine  # noqa: E402

from capi_app.store import Store  # noqa: E402


def _time(store: Store, queries: list[str]) -> tuple[float, float, float]:
    times, found = [], 0
    for q in queries:
        t0 = time.perf_counter()
        found += len(store.search(q, limit=50))
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], found / len(queries)


def main() -> None:
    target = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    items = households(int(target / 4.1) + 1)
    members = [m for h in items for m in h.members]
    while len(members) < target:  # top up to the exact member count
        items += households(500, seed=len(items))
        members = [m for h in items for m in h.members]
    with tempfile.TemporaryDirectory() as d:
        store = Store.open(Path(d), os.urandom(32))
        t0 = time.perf_counter()
        for i in range(0, len(items), 500):
            store.upsert_pulled(items[i : i + 500])
        load = time.perf_counter() - t0
        size = sum(p.stat().st_size for p in Path(d).iterdir()) / 2**20
        rng = random.Random(3)
        sample = rng.sample(members, 300)
        names = [m.values["nama"] for m in sample]
        cases = {
            "name prefix, 3 letters": [n.split()[0][:3] for n in names],
            "name prefix, full first name": [n.split()[0] for n in names],
            "name, two word prefixes": [" ".join(w[:3] for w in n.split()[:2]) for n in names],
            "NIK, full": [m.values["nik"] for m in sample],
            "NIK, first 12 digits": [m.values["nik"][:12] for m in sample],
            "No KK, full": [h.values["no_kk"] for h in rng.sample(items, 300)],
            "address word": [h.values["alamat"].split()[-1] for h in rng.sample(items, 300)],
        }
        print(f"machine: {machine()}; date: {date.today()}")
        print(
            f"{len(items)} households, {len(members)} members; loaded in {load:.1f} s; "
            f"database {size:.0f} MiB (SQLCipher)"
        )
        for label, queries in cases.items():
            median, p95, hits = _time(store, queries)
            print(f"{label:30s} median {median:6.2f} ms   p95 {p95:6.2f} ms   ({hits:.1f} hits)")
        store.close()


if __name__ == "__main__":
    main()
