"""Time `import-prelist` of a generated pre-list (households/s), then a re-import of the same
files (every household unchanged), on SQLite or PostgreSQL.

Run: python bench/bench_server_import.py [--households 100000] [--db URL]

Besides wall time it prints the CPU seconds of this process and, on PostgreSQL, of the server
backends the import used (found by application_name, read from /proc: the server must run on
this machine): on a machine shared with other work, households per CPU second is the figure
that does not depend on how much of the machine the import got.
"""

import argparse
import os
import platform
import tempfile
import time
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url

from dtks.sample import write_prelist
from sync_server.db.engine import make_engine
from sync_server.db.migrate import upgrade
from sync_server.services.prelist_import import import_prelist

APP = "bench-import"


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
    url = args.db or f"sqlite:///{tmp / 'verivali.sqlite3'}"
    if url.startswith("postgresql"):
        url = make_url(url).update_query_dict({"application_name": APP})
        url = url.render_as_string(hide_password=False)
    engine = make_engine(url)
    upgrade(engine)
    for label in ("import", "re-import (unchanged)"):
        server0 = _server_cpu(engine)
        t0, c0 = time.perf_counter(), time.process_time()
        r = import_prelist(engine, tmp / "prelist", tmp / "report.csv")
        dt, cpu = time.perf_counter() - t0, time.process_time() - c0
        server = _server_cpu(engine) - server0
        n = summary.households
        print(
            f"{label}: {dt:.1f} s wall ({n / dt:,.0f} households/s); CPU {cpu:.1f} s here + "
            f"{server:.1f} s database server = {n / (cpu + server):,.0f} households per CPU "
            f"second: {r.households_new} new, {r.households_updated} updated, "
            f"{r.households_unchanged} unchanged, {r.members_new} members new, "
            f"{r.rejected} rejected, {r.flagged} flagged"
        )
    print(
        f"machine: {platform.machine()}, {_cpu()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.1f}, "
        f"{time.strftime('%Y-%m-%d')}"
    )


def _server_cpu(engine) -> float:
    """CPU seconds so far of the PostgreSQL backends serving this benchmark (0 on SQLite)."""
    if engine.dialect.name != "postgresql":
        return 0.0
    with engine.connect() as conn:
        pids = conn.execute(
            text("SELECT pid FROM pg_stat_activity WHERE application_name = :a"), {"a": APP}
        ).scalars()
        total = 0
        for pid in pids:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += int(fields[11]) + int(fields[12])  # utime + stime, in clock ticks
    return total / os.sysconf("SC_CLK_TCK")


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
