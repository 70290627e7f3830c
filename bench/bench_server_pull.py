"""Pull of a 5,000-household desa from a real server process over HTTP (gzip, pages of 500).

Run: python bench/bench_server_pull.py [--households 5000]
"""

import argparse
import os
import platform
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import requests

from dtks.sample import write_prelist
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
        for label in ("cold", "warm"):
            t0 = time.perf_counter()
            since, more, count, wire, pages = 0, True, 0, 0, 0
            while more:
                r = session.get(
                    f"{base}/assignments/{aid}/households",
                    params={"since": since, "limit": args.limit},
                    stream=True,
                )
                raw = r.raw.read(decode_content=False)
                wire += len(raw)
                import gzip
                import json

                page = json.loads(
                    gzip.decompress(raw) if r.headers.get("Content-Encoding") == "gzip" else raw
                )
                count += len(page["households"])
                since, more, pages = page["next_since"], page["more"], pages + 1
            dt = time.perf_counter() - t0
            print(
                f"pull ({label}): {count} households in {pages} pages, {dt:.2f} s "
                f"({count / dt:,.0f} households/s), {wire / 1e6:.2f} MB on the wire (gzip)"
            )
    finally:
        server.terminate()
        server.wait()
    print(f"machine: {platform.machine()}, Python {platform.python_version()}")


if __name__ == "__main__":
    main()
