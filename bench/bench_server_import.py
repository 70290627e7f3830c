"""Time `import-prelist` of a 100,000-household pre-list on SQLite (goal < 60 s), and a re-import.

Run: python bench/bench_server_import.py [--households 100000] [--db URL]
"""

import argparse
import platform
import tempfile
import time
from pathlib import Path

from dtks.sample import write_prelist
from sync_server.db.engine import make_engine
from sync_server.db.migrate import upgrade
from sync_server.services.prelist_import import import_prelist


def main() -> None:
    """Generate, import, re-import; print the timings."""
    p = argparse.ArgumentParser()
    p.add_argument("--households", type=int, default=100_000)
    p.add_argument("--db", help="database URL (default: SQLite in a temp dir)")
    args = p.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-import-"))
    t0 = time.perf_counter()
    summary = write_prelist(tmp / "prelist", args.households, "32.04", seed=1)
    print(
        f"generated {summary.households} households, {summary.members} members "
        f"in {time.perf_counter() - t0:.1f} s"
    )
    engine = make_engine(args.db or f"sqlite:///{tmp / 'verivali.sqlite3'}")
    upgrade(engine)
    for label in ("import", "re-import (unchanged)"):
        t0 = time.perf_counter()
        r = import_prelist(engine, tmp / "prelist", tmp / "report.csv")
        dt = time.perf_counter() - t0
        print(
            f"{label}: {dt:.1f} s ({summary.households / dt:,.0f} households/s): "
            f"{r.households_new} new, {r.households_updated} updated, {r.households_unchanged} "
            f"unchanged, {r.members_new} members new, {r.rejected} rejected, {r.flagged} flagged"
        )
    print(
        f"machine: {platform.machine()}, {platform.processor() or _cpu()}, Python {platform.python_version()}"
    )


def _cpu() -> str:
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "?"


if __name__ == "__main__":
    main()
