"""Time `import-prelist` of a generated pre-list (households/s), then a re-import of the same
files (every household unchanged), on SQLite or PostgreSQL.

Run: python bench/bench_server_import.py [--households 100000] [--db URL] [--workers N]

Besides wall time it prints the CPU seconds of this process, of the import's worker processes
and, on PostgreSQL, of the server backends the import used (found by application_name, read
from /proc: the server must run on this machine): on a machine shared with other work,
households per CPU second is the figure that does not depend on how much of the machine the
import got. Peak RSS is the sum over this process and its workers (sampled every 50 ms; pages a
forked worker shares with this process count twice, so it is an upper figure). On PostgreSQL
the import runs in a schema of its own, dropped afterwards.
"""

import argparse
import os
import platform
import resource
import secrets
import tempfile
import threading
import time
from pathlib import Path

from sqlalchemy import create_engine, text
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
    p.add_argument("--db", help="PostgreSQL URL (default: SQLite in a temp dir)")
    p.add_argument("--workers", type=int, help="worker processes (default: the import's own)")
    args = p.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-import-"))
    t0 = time.perf_counter()
    summary = write_prelist(tmp / "prelist", args.households, "32.04", seed=1)
    print(
        f"generated {summary.households} households, {summary.members} members "
        f"in {time.perf_counter() - t0:.1f} s"
    )
    schema = None
    if args.db:
        schema = f"bench_import_{secrets.token_hex(4)}"
        with create_engine(args.db).begin() as conn:
            conn.execute(text(f"CREATE SCHEMA {schema}"))
        options = {"application_name": APP, "options": f"-csearch_path={schema}"}
        url = make_url(args.db).update_query_dict(options).render_as_string(hide_password=False)
    else:
        url = f"sqlite:///{tmp / 'verivali.sqlite3'}"
    try:
        _run(make_engine(url), tmp, summary.households, args.workers)
    finally:
        if schema:
            with create_engine(args.db).begin() as conn:
                conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))


def _run(engine, tmp: Path, n: int, workers: int | None) -> None:
    upgrade(engine)
    for label in ("import", "re-import (unchanged)"):
        load0 = os.getloadavg()[0]
        server0, children0 = _server_cpu(engine), _children_cpu()
        rss = _TreeRss()
        t0, c0 = time.perf_counter(), time.process_time()
        r = import_prelist(engine, tmp / "prelist", tmp / "report.csv", workers=workers)
        dt, cpu = time.perf_counter() - t0, time.process_time() - c0
        rss.stop()
        server, kids = _server_cpu(engine) - server0, _children_cpu() - children0
        total = cpu + kids + server
        print(
            f"{label}: {dt:.1f} s wall ({n / dt:,.0f} households/s); CPU {cpu:.1f} s here + "
            f"{kids:.1f} s workers + {server:.1f} s database server = {total:.1f} s, "
            f"{n / total:,.0f} households per CPU second ({total / n * 1e6:,.0f} µs CPU per "
            f"household); peak RSS {rss.peak / 2**20:.0f} MiB "
            f"(PSS {rss.peak_pss / 2**20:.0f} MiB); load average "
            f"{load0:.1f} -> {os.getloadavg()[0]:.1f}: {r.households_new} new, "
            f"{r.households_updated} updated, {r.households_unchanged} unchanged, "
            f"{r.members_new} members new, {r.rejected} rejected, {r.flagged} flagged"
        )
    print(
        f"machine: {platform.machine()}, {_cpu()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d')}"
    )


def _children_cpu() -> float:
    """CPU seconds of the worker processes that have ended (the import stops its own)."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


class _TreeRss:
    """The peaks of the summed RSS and PSS (shared pages divided among the processes that
    share them) of this process and its children, sampled in a thread."""

    def __init__(self):
        self.peak, self.peak_pss, self._stop = 0, 0, threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop sampling (peak holds the figure)."""
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._stop.wait(0.05):
            pids = [os.getpid(), *_children(os.getpid())]
            self.peak = max(self.peak, sum(_rss(pid) for pid in pids))
            self.peak_pss = max(self.peak_pss, sum(_pss(pid) for pid in pids))


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _pss(pid: int) -> int:
    try:
        for line in open(f"/proc/{pid}/smaps_rollup"):
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _rss(pid: int) -> int:
    try:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


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
