"""Pull 10,000 households (with members) into the SQLCipher store vs the same store on plain SQLite.

Same code path as a real pull: ``Store.apply_pull_page`` per page of 500, one transaction each,
WAL + synchronous=FULL on both. Goal: SQLCipher / plain <= 1.3.

Run: python bench/bench_store_pull.py [households]
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_store_data import households, machine  # noqa: E402

from capi_app.store import Store  # noqa: E402
from capi_app.store import db as dbmod  # noqa: E402
from dtks.model import Assignment, PullPage  # noqa: E402

PAGE = 500
ASSIGNMENT = Assignment(7, "2026-11", "32.04", "verivali_dtks", "2026110101")


def _pull(store: Store, items) -> float:
    store.save_assignments([ASSIGNMENT])
    pages = [
        PullPage(items[i : i + PAGE], next_since=i + PAGE, more=i + PAGE < len(items))
        for i in range(0, len(items), PAGE)
    ]
    t0 = time.perf_counter()
    for page in pages:
        store.apply_pull_page(ASSIGNMENT.id, page)
    return time.perf_counter() - t0


def run_encrypted(items, workdir: Path) -> float:
    """Seconds to pull into a fresh SQLCipher profile."""
    with Store.open(workdir, os.urandom(32)) as store:
        return _pull(store, items)


def run_plain(items, workdir: Path) -> float:
    """Seconds to pull into a fresh plain SQLite database with the same schema and pragmas."""
    with Store.attach(dbmod.connect_plain(workdir / "plain.db"), workdir) as store:
        return _pull(store, items)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    t0 = time.perf_counter()
    items = households(n)
    members = sum(len(h.members) for h in items)
    print(f"{n} households, {members} members made in {time.perf_counter() - t0:.1f} s")
    wire = len(json.dumps(PullPage(items[:PAGE], PAGE, True).to_json()).encode()) / PAGE
    enc, plain = [], []
    for _ in range(3):  # alternate, so drift on the machine hits both alike
        with tempfile.TemporaryDirectory() as d:
            enc.append(run_encrypted(items, Path(d)))
        with tempfile.TemporaryDirectory() as d:
            plain.append(run_plain(items, Path(d)))
    e, p = statistics.median(enc), statistics.median(plain)
    print(f"machine: {machine()}; date: {date.today()}")
    print(f"SQLCipher: {e:.2f} s ({n / e:.0f} households/s)  runs {[round(x, 2) for x in enc]}")
    print(
        f"plain SQLite: {p:.2f} s ({n / p:.0f} households/s)  runs {[round(x, 2) for x in plain]}"
    )
    print(f"ratio SQLCipher / plain: {e / p:.2f} (goal <= 1.3)")
    print(f"pull page JSON, uncompressed: {wire:.0f} bytes per household")


if __name__ == "__main__":
    main()
