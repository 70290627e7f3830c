"""Scale: pull pages and review-queue pages at 10k and at 1M households, and the import of the
990k households in between (time, households/s, peak RSS), on SQLite and PostgreSQL.

One command generates, imports and measures (about 25 minutes per engine on 2 shared cores):

    python bench/bench_scale.py --engines sqlite,postgres --pg URL [--big 1000000]

The small database is a 10,000-household pre-list of kabupaten Bandung (32.04, dtks.sample,
seed 1) with 100 households of its first desa in needs_review (pushed conflicts). It grows
to --big households by one import of the other kabupaten/kota of province 32 (Jawa Barat): so
the desa, kecamatan and kabupaten scopes hold the same households at both sizes (their cost
must not grow with the table), while the province scope grows with it (a page of it must not
either). Each figure is the median of 7 runs of the service call (pull_page, queue), ratio
1M / 10k; the EXPLAIN plans of the pull query are printed for both sizes.
"""

import argparse
import csv
import json
import os
import platform
import resource
import secrets
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
from sync_server.services.pull import page_query, pull_page
from sync_server.services.review_queue import queue
from sync_server.services.users import create_user, get_user

KABUPATEN = "3204"
PROVINCE = "32"
RUNS = 7
CONFLICTS = 100


def main() -> None:
    """Generate once, then for each engine: import small, measure, grow, measure; print."""
    p = argparse.ArgumentParser()
    p.add_argument("--engines", default="sqlite")
    p.add_argument("--pg", help="PostgreSQL URL (a schema is made in it and dropped after)")
    p.add_argument("--small", type=int, default=10_000)
    p.add_argument("--big", type=int, default=1_000_000)
    p.add_argument("--dir", help="work directory (default: a temp dir)")
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
        with _database(engine_name, work, args.pg) as url:
            _run(engine_name, url, small, grow, args)
    print(
        f"machine: {platform.machine()}, {_cpu()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d')}"
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


class _database:
    """A context manager giving an empty database URL of the engine (and dropping it)."""

    def __init__(self, name: str, work: Path, pg: str | None):
        self.name, self.work, self.pg, self.schema = name, work, pg, None

    def __enter__(self) -> str:
        if self.name == "sqlite":
            path = self.work / "verivali.sqlite3"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            return f"sqlite:///{path}"
        self.schema = f"bench_{secrets.token_hex(4)}"
        with create_engine(self.pg).begin() as conn:
            conn.execute(text(f"CREATE SCHEMA {self.schema}"))
        url = make_url(self.pg).update_query_dict({"options": f"-csearch_path={self.schema}"})
        return url.render_as_string(hide_password=False)

    def __exit__(self, *exc) -> None:
        if self.schema:
            with create_engine(self.pg).begin() as conn:
                conn.execute(text(f"DROP SCHEMA {self.schema} CASCADE"))


def _run(name: str, url: str, small: Path, grow: Path, args) -> None:
    engine = make_engine(url)
    upgrade(engine)
    print(f"\n== {name}")
    _import(url, small, "import 10k")
    scopes = _scopes(engine)
    user = _conflicts(engine, scopes["desa"])
    before = _measure(engine, scopes, user)
    plans = {"10k": _plans(engine, scopes)}
    _import(url, grow, f"import {args.big - args.small:,} more")
    _analyze(engine)
    after = _measure(engine, scopes, user)
    plans["1M"] = _plans(engine, scopes)
    with engine.connect() as conn:
        total = conn.execute(text("SELECT count(*) FROM households")).scalar()
    print(f"households: {args.small:,} then {total:,}")
    print(f"{'figure':<34} {'10k ms':>9} {'1M ms':>9} {'ratio':>6}")
    for key in before:
        print(
            f"{key:<34} {before[key] * 1e3:9.2f} {after[key] * 1e3:9.2f} "
            f"{after[key] / before[key]:6.2f}"
        )
    for size, by_scope in plans.items():
        for scope, plan in by_scope.items():
            print(f"plan {size} {scope}: {plan}")
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


def _measure(engine, scopes: dict[str, str], user) -> dict[str, float]:
    out = {}
    with engine.connect() as conn:
        for level, scope in scopes.items():
            top = conn.execute(
                select(households.c.seq)
                .where(households.c.kode_wilayah.like(scope + "%"))
                .order_by(households.c.seq.desc())
                .limit(1)
            ).scalar()
            first = partial(pull_page, conn, scope, 0, 500)
            last = partial(pull_page, conn, scope, top - 1, 500)
            page = partial(queue, conn, user, scope=scope, limit=200)
            out[f"pull first page, {level}"] = _median(first)
            out[f"pull last page, {level}"] = _median(last)
            out[f"review queue page, {level}"] = _median(page)
    return out


def _median(call) -> float:
    times = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        call()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _plans(engine, scopes: dict[str, str]) -> dict[str, str]:
    out = {}
    with engine.connect() as conn:
        for level, scope in scopes.items():
            q = page_query(scope, 0, 500)
            sql = str(q.compile(engine, compile_kwargs={"literal_binds": True}))
            if engine.dialect.name == "sqlite":
                rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql).all()
                out[level] = " / ".join(r[-1] for r in rows)
            else:
                rows = conn.exec_driver_sql("EXPLAIN " + sql).all()
                out[level] = " / ".join(r[0].strip() for r in rows)
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
