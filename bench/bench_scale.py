"""Scale: pull pages and review-queue pages at 10k and at 1M households, measured
interleaved, and the import of the 990k households in between (time, households/s, peak RSS),
on SQLite and PostgreSQL.

One command generates, imports and measures (about 25 minutes per engine on 2 shared cores):

    python bench/bench_scale.py --engines sqlite,postgres --pg URL [--big 1000000] \
        [--dir DIR --keep]

The small database is a 10,000-household pre-list of kabupaten Bandung (32.04, dtks.sample,
seed 1) with 100 households of its first desa in needs_review (pushed conflicts). The big one
is a copy of it grown to --big households by one import of the other kabupaten/kota of
province 32 (Jawa Barat): so the desa, kecamatan and kabupaten scopes hold the same
households in both (their cost must not grow with the table), while the province scope grows
with it (a page of it must not either). Both databases are kept open side by side and each
figure is measured interleaved, one call on the small database then the same call on the big
one, RUNS times: machine load hits both alike. A figure is the median of those runs (wall ms,
and the CPU ms of this process), ratio big / small; the load average is printed before and
after, and the EXPLAIN plans of the pull's two household queries and of the queue's counts are
printed for both sizes. With --dir and --keep the databases stay (SQLite files in DIR,
PostgreSQL databases named bench_scale_small / bench_scale_big) and a second run only
measures.
"""

import argparse
import csv
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from functools import partial
from pathlib import Path

from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from dtks import wilayah
from dtks.prelist import HOUSEHOLD_COLUMNS, MEMBER_COLUMNS
from dtks.sample import iter_prelist, write_prelist
from sync_server.db.engine import make_engine
from sync_server.db.migrate import upgrade
from sync_server.db.tables import households
from sync_server.services.assignments import assign
from sync_server.services.merge import push
from sync_server.services.pull import page_query, pull_page, reached_query
from sync_server.services.review_queue import (
    WIDE_BELOW,
    exact_counts_query,
    flag_count_query,
    queue,
    scope_condition,
)
from sync_server.services.users import create_user, get_user

KABUPATEN = "3204"
PROVINCE = "32"
RUNS = 9
CONFLICTS = 100
SIZES = ("small", "big")


def main() -> None:
    """Generate once, then for each engine: build the small and the big database (or find them
    kept), measure both interleaved, print."""
    p = argparse.ArgumentParser()
    p.add_argument("--engines", default="sqlite")
    p.add_argument("--pg", help="PostgreSQL URL (two databases are made beside its own)")
    p.add_argument("--small", type=int, default=10_000)
    p.add_argument("--big", type=int, default=1_000_000)
    p.add_argument("--dir", help="work directory (default: a temp dir)")
    p.add_argument("--keep", action="store_true", help="keep the databases for the next run")
    p.add_argument("--runs", type=int, default=RUNS)
    args = p.parse_args()
    work = Path(args.dir or tempfile.mkdtemp(prefix="bench-scale-"))
    t0 = time.perf_counter()
    small, grow = work / "small", work / "grow"
    if not (small / "members.csv").exists():
        write_prelist(small, args.small, KABUPATEN, seed=1)
    if not (grow / "members.csv").exists():
        _write_growth(grow, args.big - args.small)
    print(f"generated pre-lists in {time.perf_counter() - t0:.0f} s ({work})")
    for engine_name in args.engines.split(","):
        dbs = _databases(engine_name, work, args.pg)
        try:
            _run(engine_name, dbs, small, grow, args)
        finally:
            if not args.keep:
                dbs.drop()
    print(
        f"machine: {platform.machine()}, {_cpu()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d %H:%M %Z')}"
    )


def _write_growth(out: Path, n: int) -> None:
    """n households spread over the other kabupaten/kota of the province, one file pair."""
    regencies = [c for c in wilayah.codes_under(PROVINCE, 2) if c != KABUPATEN]
    out.mkdir(parents=True, exist_ok=True)
    with (
        open(out / "households.csv", "w", newline="", encoding="utf-8") as hf,
        open(out / "members.csv", "w", newline="", encoding="utf-8") as mf,
    ):
        hw, mw = csv.writer(hf, lineterminator="\n"), csv.writer(mf, lineterminator="\n")
        hw.writerow(HOUSEHOLD_COLUMNS)
        mw.writerow(MEMBER_COLUMNS)
        for i, code in enumerate(regencies):
            share = n // len(regencies) + (1 if i < n % len(regencies) else 0)
            for row, members in iter_prelist(share, code, seed=100 + i):
                hw.writerow(row.values())
                mw.writerows(m.values() for m in members)


class _databases:
    """The small and the big database of an engine: their URLs, whether they are built (a
    marker file in the work directory), how to copy the small one into the big one, drop."""

    def __init__(self, name: str, work: Path, pg: str | None):
        self.name, self.work, self.pg = name, work, pg
        if name == "sqlite":
            self.urls = {s: f"sqlite:///{work / f'verivali-{s}.sqlite3'}" for s in SIZES}
        else:
            base = make_url(pg)
            self.urls = {
                s: base.set(database=f"bench_scale_{s}").render_as_string(hide_password=False)
                for s in SIZES
            }

    def built(self, size: str) -> bool:
        return self._marker(size).exists()

    def mark(self, size: str) -> None:
        self._marker(size).write_text(time.strftime("%Y-%m-%d %H:%M\n"))

    def _marker(self, size: str) -> Path:
        return self.work / f"{self.name}-{size}.built"

    def fresh(self, size: str) -> str:
        """An empty database of the size (dropping what was there)."""
        self._drop(size)
        if self.name != "sqlite":
            self._admin(f"CREATE DATABASE bench_scale_{size}")
        return self.urls[size]

    def copy_small_to_big(self) -> None:
        self._drop("big")
        if self.name == "sqlite":
            shutil.copyfile(self._path("small"), self._path("big"))
        else:
            self._admin("CREATE DATABASE bench_scale_big TEMPLATE bench_scale_small")

    def drop(self) -> None:
        for size in SIZES:
            self._drop(size)

    def _drop(self, size: str) -> None:
        self._marker(size).unlink(missing_ok=True)
        if self.name == "sqlite":
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self._path(size)}{suffix}").unlink(missing_ok=True)
        else:
            self._admin(f"DROP DATABASE IF EXISTS bench_scale_{size}")

    def _path(self, size: str) -> Path:
        return self.work / f"verivali-{size}.sqlite3"

    def _admin(self, sql: str) -> None:
        engine = create_engine(self.pg, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text(sql))
        engine.dispose()


def _run(name: str, dbs: _databases, small: Path, grow: Path, args) -> None:
    print(f"\n== {name}")
    if not dbs.built("small"):
        url = dbs.fresh("small")
        engine = make_engine(url)
        upgrade(engine)
        _import(url, small, "import 10k")
        _conflicts(engine, _scopes(engine)["desa"])
        _analyze(engine)
        engine.dispose()
        dbs.mark("small")
    if not dbs.built("big"):
        dbs.copy_small_to_big()
        _import(dbs.urls["big"], grow, f"import {args.big - args.small:,} more")
        engine = make_engine(dbs.urls["big"])
        _analyze(engine)
        engine.dispose()
        dbs.mark("big")
    engines = {}
    for size in SIZES:
        engines[size] = make_engine(dbs.urls[size])
        upgrade(engines[size])  # a kept database gets the migrations since it was built
    counts = {}
    for size, engine in engines.items():
        with engine.connect() as conn:
            counts[size] = conn.execute(text("SELECT count(*) FROM households")).scalar()
    print(f"households: {counts['small']:,} and {counts['big']:,}")
    scopes = _scopes(engines["small"])
    print(f"load average before: {_load()}")
    figures = _measure(engines, scopes, args.runs)
    print(f"load average after: {_load()}")
    print(f"{'figure':<34} {'10k ms':>8} {'1M ms':>8} {'ratio':>6}  {'10k cpu':>8} {'1M cpu':>8}")
    for key, (a, b, ca, cb) in figures.items():
        print(
            f"{key:<34} {a * 1e3:8.2f} {b * 1e3:8.2f} {b / a:6.2f}  {ca * 1e3:8.2f} {cb * 1e3:8.2f}"
        )
    for size, engine in engines.items():
        for label, plan in _plans(engine, scopes).items():
            print(f"plan {size} {label}: {plan}")
        engine.dispose()


def _import(url: str, directory: Path, label: str) -> None:
    """Import through the CLI in a child process: wall time, households/s, its peak RSS."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    r = subprocess.run(
        [sys.executable, "-m", "sync_server.cli", "import-prelist", str(directory), "--db", url],
        capture_output=True,
        text=True,
    )
    dt = time.perf_counter() - t0
    if r.returncode != 0:
        raise SystemExit(r.stderr)
    n = sum(1 for _ in open(directory / "households.csv")) - 1
    rss = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    print(
        f"{label}: {n:,} households in {dt:.0f} s ({n / dt:,.0f} households/s), "
        f"peak RSS {rss:.0f} MiB; {r.stdout.strip().splitlines()[-1]}"
    )


def _scopes(engine) -> dict[str, str]:
    """The desa, kecamatan, kabupaten and province measured: the first desa of the small list."""
    with engine.connect() as conn:
        desa = conn.execute(
            select(households.c.kode_wilayah)
            .where(households.c.kode_wilayah.like(KABUPATEN + "%"))
            .order_by(households.c.kode_wilayah)
            .limit(1)
        ).scalar()
    return {"desa": desa, "kecamatan": desa[:6], "kabupaten": KABUPATEN, "province": PROVINCE}


def _conflicts(engine, desa: str):
    """Push conflicting edits of CONFLICTS households of the desa; return a reviewer."""
    with engine.begin() as conn:
        enum = create_user(conn, "enum1", "enumerator", [desa], "password-123")
        assign(conn, "enum1", desa, "2026-11")
        create_user(conn, "rev1", "reviewer", [PROVINCE], "password-123")
        ids = (
            conn.execute(
                select(households.c.household_id)
                .where(households.c.kode_wilayah == desa)
                .order_by(households.c.household_id)
                .limit(CONFLICTS)
            )
            .scalars()
            .all()
        )
    body = {
        "changeset_id": str(uuid.uuid4()),
        "device_id": str(uuid.uuid4()),
        "form_id": "verivali_dtks",
        "form_version": "2026110101",
        "mode": "CAPI",
        "created_at": "2026-11-02T09:41:12+07:00",
        "households": [
            {
                "household_id": h,
                "base_version": 1,
                "fields": {"alamat": {"base": "somewhere else", "value": "Jl. Baru"}},
            }
            for h in ids
        ],
    }
    push(engine, enum, json.dumps(body).encode())
    with engine.connect() as conn:
        return get_user(conn, "rev1")


def _measure(engines: dict, scopes: dict[str, str], runs: int) -> dict[str, tuple]:
    """{figure: (small wall, big wall, small CPU, big CPU)}, medians of interleaved runs."""
    conns = {size: engine.connect() for size, engine in engines.items()}
    calls: dict[str, dict] = {}
    for size, conn in conns.items():
        user = get_user(conn, "rev1")
        for level, scope in scopes.items():
            top = conn.execute(
                select(households.c.seq)
                .where(households.c.kode_wilayah.like(scope + "%"))
                .order_by(households.c.seq.desc())
                .limit(1)
            ).scalar()
            calls.setdefault(f"pull first page, {level}", {})[size] = partial(
                pull_page, conn, scope, 0, 500
            )
            calls.setdefault(f"pull last page, {level}", {})[size] = partial(
                pull_page, conn, scope, top - 1, 500
            )
            calls.setdefault(f"review queue page, {level}", {})[size] = partial(
                queue, conn, user, scope=scope, limit=200
            )
    times = {key: {s: ([], []) for s in SIZES} for key in calls}
    for by_size in calls.values():
        for size in SIZES:
            by_size[size]()  # warm: the first call of a statement compiles it
    for _ in range(runs):
        for key, by_size in calls.items():
            for size in SIZES:
                w0, c0 = time.perf_counter(), time.process_time()
                by_size[size]()
                times[key][size][0].append(time.perf_counter() - w0)
                times[key][size][1].append(time.process_time() - c0)
    for conn in conns.values():
        conn.close()
    med = statistics.median
    return {
        key: (med(t["small"][0]), med(t["big"][0]), med(t["small"][1]), med(t["big"][1]))
        for key, t in times.items()
    }


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _plans(engine, scopes: dict[str, str]) -> dict[str, str]:
    """The plans of the pull's household query and reach query, and of the queue's flag counts
    (a province: the capped count of one flag), per scope."""
    out = {}
    with engine.connect() as conn:
        for level, scope in scopes.items():
            queries = {
                f"pull {level}": page_query(scope, 0, 500),
                f"reach {level}": reached_query(scope, 0, 500),
                f"flag counts {level}": (
                    flag_count_query(scope_condition([scope]), "anomaly")
                    if len(scope) < WIDE_BELOW
                    else exact_counts_query(scope_condition([scope]))
                ),
            }
            for label, q in queries.items():
                sql = str(q.compile(engine, compile_kwargs={"literal_binds": True}))
                if engine.dialect.name == "sqlite":
                    rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql).all()
                    out[label] = " / ".join(r[-1] for r in rows)
                else:
                    rows = conn.exec_driver_sql("EXPLAIN " + sql).all()
                    out[label] = " / ".join(r[0].strip() for r in rows)
    return out


def _analyze(engine) -> None:
    """Fresh planner statistics after the big import (autovacuum would do it a bit later)."""
    with engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")


def _cpu() -> str:
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return "?"


if __name__ == "__main__":
    main()
