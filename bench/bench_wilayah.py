"""Time the one-time load of the kode wilayah table and id validation throughput.

Run: python bench/bench_wilayah.py
"""

import time

t0 = time.perf_counter()
from dtks import ids, wilayah  # noqa: E402  (the import is part of what is timed)

wilayah.table()
load = time.perf_counter() - t0

villages = [c for c in wilayah.table() if len(c) == 10][:20000]
t0 = time.perf_counter()
for code in villages:
    ids.parse_wilayah(code)
per_wilayah = (time.perf_counter() - t0) / len(villages)

niks = [f"{c[:6]}{(i % 28) + 1:02d}0890{(i % 9999) + 1:04d}" for i, c in enumerate(villages)]
t0 = time.perf_counter()
for nik in niks:
    ids.parse_nik(nik)
per_nik = (time.perf_counter() - t0) / len(niks)

print(f"kode wilayah table: {len(wilayah.table())} regions, import + load {load * 1000:.0f} ms")
print(f"parse_wilayah: {per_wilayah * 1e6:.1f} µs per code")
print(f"parse_nik: {per_nik * 1e6:.1f} µs per NIK")
