"""Pull of a 5,000-household desa from a real server process over HTTP, pages of 500, asking for
identity, gzip and zstd; and the share of the page time that compression takes.

Run: python bench/bench_server_pull.py [--households 5000]
"""

import argparse
import gzip
import json
import os
import platform
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from functools import partial
from pathlib import Path

import requests
from backports import zstd

from dtks.sample import write_prelist
from sync_server.api.compression import compress
from sync_server.db.engine import make_engine
from sync_server.db.migrate import upgrade
from sync_server.services.assignments import assign
from sync_server.services.prelist_import import import_prelist
from sync_server.services.users import create_user

DESA = "3204122002"


def main() -> None:
    """Set up, start the server, pull every page, print the figures."""
    p = argparse.ArgumentParser()
    p.add_argument("--households", type=int, default=5000)
    p.add_argument("--limit", type=int, default=500)
    args = p.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-pull-"))
    url = f"sqlite:///{tmp / 'data' / 'verivali.sqlite3'}"
    write_prelist(tmp / "prelist", args.households, "32.04.12.2002", seed=1)
    engine = make_engine(url)
    upgrade(engine)
    import_prelist(engine, tmp / "prelist")
    with engine.begin() as conn:
        create_user(conn, "enum1", "enumerator", [DESA], "password-123")
        aid = assign(conn, "enum1", DESA, "2026-11").id
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sync_server.cli",
            "serve",
            "--db",
            url,
            "--data-dir",
            str(tmp / "data"),
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        env=os.environ,
    )
    base = f"http://127.0.0.1:{port}/api/v1"
    try:
        for _ in range(100):
            try:
                requests.get(base + "/health", timeout=1)
                break
            except requests.ConnectionError:
                time.sleep(0.1)
        session = requests.Session()
        token = session.post(
            base + "/auth/token",
            json={"username": "enum1", "password": "password-123", "device_id": str(uuid.uuid4())},
        ).json()["token"]
        session.headers["Authorization"] = f"Bearer {token}"
        for encoding in ("identity", "gzip", "zstd", "identity"):
            _pull_all(session, f"{base}/assignments/{aid}/households", args.limit, encoding)
        _compression_share(session, f"{base}/assignments/{aid}/households", args.limit)
    finally:
        server.terminate()
        server.wait()
    print(f"machine: {platform.machine()}, Python {platform.python_version()}")


def _pull_all(session, url: str, limit: int, encoding: str) -> None:
    """Pull every page asking for one encoding; print time and bytes on the wire."""
    t0 = time.perf_counter()
    since, more, count, wire, pages = 0, True, 0, 0, 0
    while more:
        r = session.get(
            url,
            params={"since": since, "limit": limit},
            headers={"Accept-Encoding": encoding},
            stream=True,
        )
        raw = r.raw.read(decode_content=False)
        wire += len(raw)
        page = json.loads(_decode(raw, r.headers.get("Content-Encoding")))
        count += len(page["households"])
        since, more, pages = page["next_since"], page["more"], pages + 1
    dt = time.perf_counter() - t0
    print(
        f"pull ({encoding}): {count} households in {pages} pages, {dt:.2f} s, "
        f"{wire / 1e6:.3f} MB on the wire"
    )


def _decode(raw: bytes, encoding: str | None) -> bytes:
    if encoding == "gzip":
        return gzip.decompress(raw)
    if encoding == "zstd":
        return zstd.decompress(raw)
    return raw


def _compression_share(session, url: str, limit: int) -> None:
    """One full page: the server's compression time per encoding against the page's time."""
    t0 = time.perf_counter()
    for _ in range(5):
        body = session.get(
            url, params={"since": 0, "limit": limit}, headers={"Accept-Encoding": "identity"}
        ).content
    page_s = (time.perf_counter() - t0) / 5
    for encoding in ("gzip", "zstd"):
        t0 = time.perf_counter()
        for _ in range(5):
            size = len(compress(body, encoding))
        c = (time.perf_counter() - t0) / 5
        print(
            f"page of {limit} ({len(body) / 1e6:.2f} MB JSON): served in {page_s * 1e3:.0f} ms "
            f"uncompressed; {encoding} {c * 1e3:.1f} ms = {c / (page_s + c):.0%} of the page, "
            f"{size / 1e3:.1f} kB"
        )
    others = [("gzip level 9 (before)", lambda: gzip.compress(body, 9))]
    others += [(f"zstd level {n}", partial(zstd.compress, body, level=n)) for n in (3, 5, 7, 9)]
    for label, call in others:
        t0 = time.perf_counter()
        for _ in range(5):
            size = len(call())
        c = (time.perf_counter() - t0) / 5
        print(f"  {label}: {c * 1e3:.1f} ms = {c / (page_s + c):.0%}, {size / 1e3:.1f} kB")


if __name__ == "__main__":
    main()
