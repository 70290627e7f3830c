"""Time `import-requests` of a generated request CSV (requests/s) on a store holding a
pre-list, then the same file again (every reference known), on SQLite or PostgreSQL.

Run: python bench/bench_import_requests.py [--households 20000] [--requests 20000] [--db URL]

Of the requests, half are usul warga for NIKs the store does not hold (each makes a proposed
household with its head), a quarter usul warga for NIKs an active member holds (the task goes
to that household) and a quarter sanggahan on pre-list households. CPU seconds of this
process are printed beside the wall time (on PostgreSQL the server's own CPU is not counted:
compare wall times there).
"""

import argparse
import csv
import os
import platform
import tempfile
import time
from pathlib import Path

from sqlalchemy import text

from dtks.sample import write_prelist
from sync_server.db.engine import make_engine
from sync_server.db.migrate import upgrade
from sync_server.services.citizen_requests import import_requests
from sync_server.services.prelist_import import import_prelist

HEADER = ["jenis", "nomor", "tanggal", "nik", "nama", "alamat", "kode_wilayah", "sasaran",
          "alasan", "program"]  # fmt: skip


def write_requests(path: Path, engine, n: int) -> None:
    """n requests: half new NIKs, a quarter held NIKs, a quarter sanggahan."""
    with engine.connect() as conn:
        held = conn.execute(
            text("SELECT n.nik, h.household_id, h.kode_wilayah FROM member_niks n JOIN households"
                 " h ON h.household_id = n.household_id ORDER BY n.member_id LIMIT :k"),
            {"k": max(1, n // 2)},
        ).all()  # fmt: skip
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        for i in range(n):
            nik, hid, kode = held[i % len(held)]
            if i % 2 == 0:  # a man born 12-03-1985 in Kec. Dayeuhkolot: NIKs the store lacks
                new = f"320412{(i // 2) % 28 + 1:02d}0385{(i // 2) // 28 % 9999 + 1:04d}"
                row = ["usul_warga", f"U-{i}", "2026-11-04", new, f"Warga {i}", "Jl. A", kode, "",
                       "tidak mampu", "PKH"]  # fmt: skip
            elif i % 4 == 1:
                row = ["usul_warga", f"U-{i}", "2026-11-04", nik, f"Warga {i}", "Jl. B", kode, "",
                       "belum dapat", "BPNT"]  # fmt: skip
            else:
                row = ["sanggahan", f"S-{i}", "2026-11-05", "", "Warga", "Jl. C", kode, hid,
                       "dinilai mampu", "PKH"]  # fmt: skip
            w.writerow(row)


def main() -> None:
    """Generate, import, import again; print the timings."""
    p = argparse.ArgumentParser()
    p.add_argument("--households", type=int, default=20_000)
    p.add_argument("--requests", type=int, default=20_000)
    p.add_argument("--db", help="database URL (default: SQLite in a temp dir)")
    args = p.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-requests-"))
    write_prelist(tmp / "prelist", args.households, "32.04.12", seed=1)
    engine = make_engine(args.db or f"sqlite:///{tmp / 'verivali.sqlite3'}")
    upgrade(engine)
    import_prelist(engine, tmp / "prelist", tmp / "report.csv")
    path = tmp / "requests.csv"
    write_requests(path, engine, args.requests)
    for label in ("import", "again (every reference known)"):
        t0, c0 = time.perf_counter(), time.process_time()
        r = import_requests(engine, path)
        dt, cpu = time.perf_counter() - t0, time.process_time() - c0
        print(
            f"{label}: {dt:.1f} s wall ({args.requests / dt:,.0f} requests/s), CPU {cpu:.1f} s "
            f"here: {r.new} new, {r.known} known, {r.proposed} proposed households, "
            f"{len(r.attached)} given to a held household, {len(r.errors)} refused"
        )
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, load average {os.getloadavg()[0]:.1f}, "
        f"{time.strftime('%Y-%m-%d')}"
    )


if __name__ == "__main__":
    main()
