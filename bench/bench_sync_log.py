"""The sync log's cost: a year of daily syncs of 100 households each in a real SQLCipher store.

Run: python bench/bench_sync_log.py [--syncs 365] [--households 100]
Records the syncs as run_sync would (capi_app/sync/sync_log.py: one entry and a row per
household the server answered, a conflict or refusal in every tenth), then prints the store's
growth in bytes per sync and per household row, the time of one record, of listing every
sync (the window's list) and of opening one with its households (the window's details).
"""

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "bench")]

from bench_sync_wire import cpu_model  # noqa: E402

from capi_app.store import Store, sync_log  # noqa: E402
from capi_app.store.sync_log import HouseholdOutcome, SyncLogEntry  # noqa: E402


def size(directory: Path) -> int:
    return sum(p.stat().st_size for p in directory.rglob("*") if p.is_file())


def entry(day: int, households: int) -> SyncLogEntry:
    at = f"2026-{1 + day // 28 % 12:02d}-{1 + day % 28:02d}T17:00:00+07:00"
    rows = tuple(
        HouseholdOutcome(
            f"3204122002{day * households + i:06d}",
            "conflict" if i % 10 == 0 else "applied",
            day + 2,
            ("alamat",) if i % 10 == 0 else (),
            "",
            f"cs-{day}-{i // 100}",
        )
        for i in range(households)
    )
    return SyncLogEntry(
        "sync", at, at, "enum1", "problems", households_sent=households, received=households,
        bytes_sent=households * 170, bytes_received=households * 128, households=rows,
        notes=tuple({"kind": "conflict", "household_id": h.household_id, "fields": ["alamat"]}
                    for h in rows if h.outcome == "conflict"),
    )  # fmt: skip


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--syncs", type=int, default=365)
    p.add_argument("--households", type=int, default=100)
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        store = Store.create(profile, "kata-sandi-bench")
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        before = size(profile)
        times = []
        for day in range(args.syncs):
            item = entry(day, args.households)
            start = time.perf_counter()
            sync_log.record(store.db, item)
            times.append(time.perf_counter() - start)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        grown = size(profile) - before
        start = time.perf_counter()
        listed = sync_log.entries(store.db)
        list_s = time.perf_counter() - start
        start = time.perf_counter()
        one = sync_log.entry(store.db, listed[len(listed) // 2].id)
        open_s = time.perf_counter() - start
        store.close()
    rows = args.syncs * args.households
    print(f"machine: {cpu_model()}")
    print(f"{args.syncs} syncs of {args.households} households: store grew {grown / 1e6:.2f} MB")
    print(f"  {grown / args.syncs:.0f} bytes per sync, {grown / rows:.0f} bytes per household row")
    print(f"record one sync: median {statistics.median(times) * 1000:.1f} ms, "
          f"max {max(times) * 1000:.1f} ms")  # fmt: skip
    print(f"list {len(listed)} syncs: {list_s * 1000:.1f} ms; "
          f"open one with {len(one.households)} households: {open_s * 1000:.1f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
