"""Load test on 127.0.0.1: concurrent enumerators pushing and pulling against several server
processes on PostgreSQL, for a bounded time; prints requests, errors, throughput and latencies.

Run: python bench/bench_load.py --pg URL [--workers 3] [--clients 50] [--seconds 120]

A fresh schema gets a 2,000-household pre-list of kabupaten Bandung (dtks.sample, seed 1) and
one enumerator per client, assigned round-robin to its desas. `sync-server serve --workers N`
runs on a free port of 127.0.0.1. Each client logs in, pulls its desa, then until the time is
up pushes a change-set editing 1-3 of its households' alamat (from the versions it holds, so
most merge cleanly; two clients of one desa edit different households) and pulls what changed
since its last page. Every request that is not 200, or fails, is an error. The traffic goes to
127.0.0.1 only and stops by itself after --seconds.
"""

import argparse
import os
import platform
import random
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import defaultdict
from pathlib import Path

import requests
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from dtks.sample import write_prelist
from sync_server.db.engine import make_engine
from sync_server.db.migrate import upgrade
from sync_server.db.tables import households
from sync_server.services.assignments import assign
from sync_server.services.prelist_import import import_prelist
from sync_server.services.users import create_user

PASSWORD = "load-test-password"
ROUND = "2026-11"
FORM = ("verivali_dtks", "2026110101")
HOUSEHOLDS = 2000


def main() -> None:
    """Set up, run the clients for the given time, print the figures."""
    p = argparse.ArgumentParser()
    p.add_argument("--pg", required=True, help="PostgreSQL URL (a schema is made and dropped)")
    p.add_argument("--workers", type=int, default=3)
    p.add_argument("--clients", type=int, default=50)
    p.add_argument("--seconds", type=float, default=120)
    args = p.parse_args()
    schema = f"bench_load_{secrets.token_hex(4)}"
    admin = create_engine(args.pg)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    url = make_url(args.pg).update_query_dict({"options": f"-csearch_path={schema}"})
    url = url.render_as_string(hide_password=False)
    try:
        _run(url, args)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))


def _run(url: str, args) -> None:
    work = Path(tempfile.mkdtemp(prefix="bench-load-"))
    desas = _prepare(url, work, args.clients)
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sync_server.cli",
            "serve",
            "--db",
            url,
            "--data-dir",
            str(work / "data"),
            "--port",
            str(port),
            "--workers",
            str(args.workers),
            "--log-level",
            "warning",
        ],
        stdout=subprocess.DEVNULL,
        stderr=open(work / "server.log", "w"),
    )
    base = f"http://127.0.0.1:{port}/api/v1"
    try:
        _wait(base, server)
        clients = [_Client(base, f"enum{i}", i // len(desas)) for i in range(args.clients)]
        stats = _Stats()
        deadline = time.monotonic() + args.seconds
        threads = [threading.Thread(target=c.run, args=(deadline, stats)) for c in clients]
        t0 = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - t0
    finally:
        server.terminate()
        server.wait(timeout=30)
    _report(stats, elapsed, args, url)


def _prepare(url: str, work: Path, clients: int) -> list[str]:
    """Import the pre-list, make one enumerator per client; return the desas."""
    engine = make_engine(url)
    upgrade(engine)
    write_prelist(work / "prelist", HOUSEHOLDS, "32.04", seed=1)
    import_prelist(engine, work / "prelist")
    with engine.begin() as conn:
        q = (
            select(households.c.kode_wilayah)
            .group_by(households.c.kode_wilayah)
            .order_by(func.count().desc(), households.c.kode_wilayah)
            .limit(max(1, clients // 2))
        )
        desas = list(conn.execute(q).scalars())  # the largest: planted defects sit alone
        for i in range(clients):
            create_user(conn, f"enum{i}", "enumerator", [desas[i % len(desas)]], PASSWORD)
            assign(conn, f"enum{i}", desas[i % len(desas)], ROUND, *FORM)
    engine.dispose()
    return desas


class _Stats:
    """Latencies by request kind, errors, households pushed; shared by the client threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.errors: list[str] = []
        self.pushed = 0

    def add(self, kind: str, seconds: float, error: str | None = None) -> None:
        """Record one request."""
        with self.lock:
            self.latency[kind].append(seconds)
            if error:
                self.errors.append(f"{kind}: {error}")


class _Client:
    """One enumerator's device: a session, its desa's households and its pull position."""

    def __init__(self, base: str, username: str, rank: int):
        self.base, self.rank = base, rank
        self.http = requests.Session()
        self.device = str(uuid.uuid4())
        r = self.http.post(
            f"{base}/auth/token",
            json={"username": username, "password": PASSWORD, "device_id": self.device},
        )
        r.raise_for_status()
        self.http.headers["Authorization"] = f"Bearer {r.json()['token']}"
        self.assignment = self.http.get(f"{base}/assignments/mine").json()["assignments"][0]["id"]
        self.held: dict[str, dict] = {}
        self.since = 0
        self.random = random.Random(rank)

    def run(self, deadline: float, stats: _Stats) -> None:
        """Pull once, then push and pull until the deadline."""
        self._pull(stats)
        mine = [h for i, h in enumerate(sorted(self.held)) if i % 2 == self.rank % 2]
        while time.monotonic() < deadline:
            self._push(self.random.sample(mine, min(len(mine), self.random.randint(1, 3))), stats)
            self._pull(stats)

    def _pull(self, stats: _Stats) -> None:
        more = True
        while more:
            t0 = time.perf_counter()
            try:
                r = self.http.get(
                    f"{self.base}/assignments/{self.assignment}/households",
                    params={"since": self.since, "limit": 500},
                    timeout=60,
                )
            except requests.RequestException as e:
                stats.add("pull", time.perf_counter() - t0, repr(e))
                return
            ok = r.status_code == 200
            stats.add("pull", time.perf_counter() - t0, None if ok else f"{r.status_code}")
            if not ok:
                return
            page = r.json()
            self.held.update({h["household_id"]: h for h in page["households"]})
            self.since, more = page["next_since"], page["more"]

    def _push(self, ids: list[str], stats: _Stats) -> None:
        body = {
            "changeset_id": str(uuid.uuid4()),
            "device_id": self.device,
            "form_id": FORM[0],
            "form_version": FORM[1],
            "mode": "CAPI",
            "created_at": "2026-11-02T09:41:12+07:00",
            "households": [self._edit(h) for h in ids],
        }
        t0 = time.perf_counter()
        try:
            r = self.http.post(f"{self.base}/changesets", json=body, timeout=60)
        except requests.RequestException as e:
            stats.add("push", time.perf_counter() - t0, repr(e))
            return
        ok = r.status_code == 200
        stats.add("push", time.perf_counter() - t0, None if ok else f"{r.status_code} {r.text}")
        if ok:
            with stats.lock:
                stats.pushed += len(ids)

    def _edit(self, hid: str) -> dict:
        h = self.held[hid]
        old = h["values"].get("alamat")
        return {
            "household_id": hid,
            "base_version": h["version"],
            "fields": {"alamat": {"base": old, "value": f"Jl. Beban {uuid.uuid4().hex[:8]}"}},
        }


def _report(stats: _Stats, elapsed: float, args, url: str) -> None:
    total = sum(len(v) for v in stats.latency.values())
    print(
        f"{args.clients} clients, {args.workers} server processes, PostgreSQL, "
        f"{elapsed:.0f} s: {total:,} requests ({total / elapsed:,.1f}/s), "
        f"{len(stats.errors)} errors, {stats.pushed:,} households pushed "
        f"({stats.pushed / elapsed:,.1f}/s)"
    )
    for kind, times in sorted(stats.latency.items()):
        times.sort()
        p95 = times[int(0.95 * (len(times) - 1))]
        print(
            f"  {kind}: {len(times):,} requests, median {statistics.median(times) * 1e3:.0f} ms, "
            f"p95 {p95 * 1e3:.0f} ms, max {times[-1] * 1e3:.0f} ms"
        )
    for e in stats.errors[:10]:
        print("  error:", e[:300])
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, load average {os.getloadavg()[0]:.1f}, "
        f"{time.strftime('%Y-%m-%d')}"
    )


def _wait(base: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("the server exited")
        try:
            if requests.get(f"{base}/health", timeout=1).ok:
                return
        except requests.ConnectionError:
            time.sleep(0.2)
    raise SystemExit("the server did not start in 60 s")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


if __name__ == "__main__":
    main()
