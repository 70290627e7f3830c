"""Time the form engine on the verivali form: validating answer sets, and relevance after one change.

Run: python bench/bench_forms.py [--sets N] [--households H]
Answer sets are built from dtks.sample households (prefilled from the pre-list, the rest
answered consistently), so they are valid and exercise every section and the member repeat.
"""

import argparse
import copy
import platform
import statistics
import time
from datetime import datetime
from pathlib import Path

from dtks.forms import load_form
from dtks.forms.prefill import prefill
from dtks.sample import REFERENCE_DATE, generate

FORM = Path(__file__).resolve().parents[1] / "forms" / "verivali-dtks.xlsx"
NOW = datetime.combine(REFERENCE_DATE, datetime.min.time())
ANSWERED = {
    **dict.fromkeys(
        "tabung_gas lemari_es ac pemanas_air telepon_rumah televisi emas komputer sepeda "
        "sepeda_motor mobil perahu motor_tempel perahu_motor lahan rumah_lain".split(),
        "2",
    ),
    "status_bangunan": "1", "luas_lantai": 36, "lantai": "6", "dinding": "1",
    "kondisi_dinding": "1", "atap": "4", "kondisi_atap": "2", "kamar_tidur": 2,
    "sumber_air": "5", "cara_air": "3", "penerangan": "1", "daya": "1", "bahan_bakar": "3",
    "fasilitas_bab": "1", "kloset": "1", "tinja": "1", "tanggal_kunjungan": "2026-10-30",
    "gps": "-6.98765 107.62912 700 8", "foto_rumah": "f.jpg", "status_rt": "1",
    "art_lengkap": "1", "program": "1 2", "hasil": "1",
}  # fmt: skip


def answer_sets(form, households: int) -> list[dict]:
    """One complete answer set per sample household."""
    rows, members = generate(households, "32.04", seed=1)
    by_household: dict[str, list[dict]] = {}
    for m in members:
        by_household.setdefault(m["household_id"], []).append(m)
    sets = []
    for h in rows:
        answers = prefill(form, h, by_household.get(h["household_id"], []))
        answers.update(ANSWERED)
        for m in answers["members"]:
            m.update(status_art="1", disabilitas="2", penyakit_kronis="1", hamil="2")
        sets.append(answers)
    return sets


def main() -> None:
    """Run both measurements and print them."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--sets", type=int, default=10_000)
    parser.add_argument("--households", type=int, default=10_000)
    args = parser.parse_args()

    t0 = time.perf_counter()
    form = load_form(FORM)
    load_s = time.perf_counter() - t0
    sets = answer_sets(form, args.households)
    members = sum(len(s["members"]) for s in sets) / len(sets)

    t0 = time.perf_counter()
    problems = 0
    for i in range(args.sets):
        problems += len(form.validate(sets[i % len(sets)], now=NOW))
    validate_s = time.perf_counter() - t0

    # Relevance after one change: the UI recomputes the whole form's relevance on each edit.
    big = max(sets[:200], key=lambda s: len(s["members"]))
    answers = copy.deepcopy(big)
    timings = []
    for i in range(2000):
        member = answers["members"][i % len(answers["members"])]
        member["jenis_kelamin"] = "2" if member["jenis_kelamin"] == "1" else "1"
        t0 = time.perf_counter()
        form.relevance(answers, now=NOW)
        timings.append(time.perf_counter() - t0)
    timings.sort()

    print(f"machine: {platform.machine()}, {platform.processor() or platform.platform()}")
    print(f"load verivali-dtks.xlsx (pyxform + compile): {load_s * 1000:.0f} ms")
    print(
        f"validate {args.sets:,} answer sets ({len(sets):,} households, {members:.1f} members "
        f"on average, {problems} problems): {validate_s:.2f} s, "
        f"{validate_s / args.sets * 1000:.3f} ms per set"
    )
    print(
        f"relevance of the whole form after one change ({len(answers['members'])} members, "
        f"{len(form.relevance(answers, now=NOW))} fields): median "
        f"{statistics.median(timings) * 1000:.3f} ms, p95 {timings[int(len(timings) * 0.95)] * 1000:.3f} ms, "
        f"max {timings[-1] * 1000:.3f} ms (goal < 5 ms)"
    )


if __name__ == "__main__":
    main()
