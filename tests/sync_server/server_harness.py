"""Test harness for the server: a real `sync-server serve` process, a database, an HTTP client.

Shared by conftest.py (fixtures) and the test modules (helpers such as ``edit``).
"""

import io
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import requests
from PIL import Image
from server_prelist import DESA, OTHER_DESA, household_id, write_prelist
from sqlalchemy import text

from sync_server.clock import CLOCK_FILE_ENV, write_clock_file
from sync_server.db.engine import make_engine
from sync_server.db.migrate import upgrade
from sync_server.services.assignments import assign
from sync_server.services.prelist_import import import_prelist
from sync_server.services.users import create_user

PASSWORD = "password-123"
ROUND = "2026-11"
FORM_ID = "verivali_dtks"
FORM_VERSION = "2026110101"
USERS = [
    ("enum1", "enumerator", [DESA]),
    ("enum2", "enumerator", [DESA]),
    ("enum3", "enumerator", [OTHER_DESA]),
    ("clerk1", "clerk", [DESA]),
    ("super1", "supervisor", ["320412"]),
    ("reviewer1", "reviewer", ["3204"]),
    ("reviewer2", "reviewer", ["3205"]),
    ("admin1", "admin", ["32"]),
]
HOUSEHOLDS_A = 20
HOUSEHOLDS_B = 5
HID = household_id(DESA, 1)
HID2 = household_id(DESA, 2)
HID_B = household_id(OTHER_DESA, 1)


def jpeg(seed: int = 0, size: tuple[int, int] = (64, 48)) -> bytes:
    """A real, small JPEG (as the client uploads it), different for each seed."""
    out = io.BytesIO()
    Image.new("RGB", size, (seed * 37 % 256, seed * 91 % 256, 120)).save(out, "JPEG", quality=80)
    return out.getvalue()


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    """A running `sync-server serve` process and its database."""

    db_url: str
    data_dir: Path
    port: int = 0
    env: dict = field(default_factory=dict)
    args: list = field(default_factory=list)
    """Extra `sync-server serve` options, e.g. ["--trust-proxy", "127.0.0.1"]."""
    process: subprocess.Popen | None = None
    engine: object = None
    assignment_ids: dict = field(default_factory=dict)
    clock_file: Path | None = None
    """This server's own clock (sync_server.clock), when a test moves time."""

    @property
    def base(self) -> str:
        """The API root URL."""
        return f"http://127.0.0.1:{self.port}/api/v1"

    def start(self, **env) -> "Server":
        """Start the server process and wait until it answers."""
        self.port = free_port()
        cmd = [
            sys.executable,
            "-m",
            "sync_server.cli",
            "serve",
            "--db",
            self.db_url,
            "--data-dir",
            str(self.data_dir),
            "--port",
            str(self.port),
            "--log-level",
            "warning",
            *self.args,
        ]
        if self.clock_file is not None:
            env = {CLOCK_FILE_ENV: str(self.clock_file), **env}
        self.process = subprocess.Popen(
            cmd,
            env={**os.environ, **self.env, **env},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: {self.process.stderr.read().decode()}")
            try:
                if requests.get(f"{self.base}/health", timeout=1).ok:
                    return self
            except requests.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("server did not start in 30 s")

    def set_clock(self, moment: datetime) -> None:
        """Move this server's clock to an aware moment (it runs on from there)."""
        if self.clock_file is None:
            raise RuntimeError("give the server a clock_file before start()")
        write_clock_file(self.clock_file, moment)

    def kill(self, sig=signal.SIGKILL) -> None:
        """Stop the process with a signal (SIGKILL: no cleanup at all)."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(sig)
            self.process.wait(timeout=15)
        if self.process and self.process.stderr:
            self.process.stderr.close()

    def client(self, username: str, device_id: str | None = None) -> "Client":
        """A logged-in HTTP client."""
        return Client(self, username, device_id or str(uuid.uuid4()))

    def sql(self, query: str, **params):
        """Run a query on the server's database; return all rows."""
        with self.engine.connect() as conn:
            return conn.execute(text(query), params).all()

    def scalar(self, query: str, **params):
        """Run a query and return its single value."""
        with self.engine.connect() as conn:
            return conn.execute(text(query), params).scalar()


class Client(requests.Session):
    """requests.Session logged in to the server as one user on one device."""

    def __init__(self, server: Server, username: str, device_id: str):
        super().__init__()
        self.server, self.username, self.device_id = server, username, device_id
        r = self.post(
            f"{server.base}/auth/token",
            json={"username": username, "password": PASSWORD, "device_id": device_id},
        )
        assert r.status_code == 200, r.text
        self.headers["Authorization"] = f"Bearer {r.json()['token']}"

    def url(self, path: str) -> str:
        """Absolute URL of an API path."""
        return self.server.base + path

    def pull(self, assignment_id: int, since: int = 0, limit: int = 500) -> dict:
        """One pull page (asserting 200)."""
        r = self.get(
            self.url(f"/assignments/{assignment_id}/households"),
            params={"since": since, "limit": limit},
        )
        assert r.status_code == 200, r.text
        return r.json()

    def pull_all(self, assignment_id: int) -> dict:
        """Every household of an assignment as {household_id: household}."""
        out, since, more = {}, 0, True
        while more:
            page = self.pull(assignment_id, since)
            out.update({h["household_id"]: h for h in page["households"]})
            since, more = page["next_since"], page["more"]
        return out

    def household(self, assignment_id: int, hid: str) -> dict:
        """The pulled form of one household."""
        return self.pull_all(assignment_id)[hid]

    def pull_until(self, assignment_id: int, since=0, until=lambda got: True, timeout=15.0):
        """Every household pulled since, once until(got) holds (or after timeout): on the
        shared PostgreSQL a pull stops below transactions still running, other engineers'
        tests in other schemas of the same database too, so a change may show a moment
        later."""
        deadline = time.monotonic() + timeout
        while True:
            got, at, more = {}, since, True
            while more:
                page = self.pull(assignment_id, at)
                got.update({h["household_id"]: h for h in page["households"]})
                at, more = page["next_since"], page["more"]
            if until(got) or time.monotonic() > deadline:
                return got
            time.sleep(0.2)

    def push(
        self, households: list[dict], changeset_id: str | None = None, **extra
    ) -> requests.Response:
        """POST a change-set with these household entries."""
        body = changeset(households, self.device_id, changeset_id, **extra)
        return self.post(self.url("/changesets"), json=body)


def changeset(households, device_id, changeset_id=None, **extra) -> dict:
    """A change-set body."""
    return {
        "changeset_id": changeset_id or str(uuid.uuid4()),
        "device_id": device_id,
        "form_id": FORM_ID,
        "form_version": FORM_VERSION,
        "mode": "CAPI",
        "created_at": "2026-11-02T09:41:12+07:00",
        "households": households,
        **extra,
    }


def edit(hid: str, base_version: int, **fields) -> dict:
    """A household entry changing fields: edit(hid, 1, alamat=("old", "new"))."""
    return {
        "household_id": hid,
        "base_version": base_version,
        "fields": {k: {"base": b, "value": v} for k, (b, v) in fields.items()},
    }


def verification(photos=(), result="ditemukan", answers=None, status="draft") -> dict:
    """A verification record (draft by default: a finalized one must satisfy the real form)."""
    return {
        "status": status,
        "result": result,
        "answers": answers if answers is not None else {"keberadaan_ruta": "1"},
        "gps": {"lat": -6.98765, "lon": 107.62912, "accuracy_m": 8, "source": "exif"},
        "photos": list(photos),
        "started_at": "2026-11-02T09:00:00+07:00",
        "finished_at": "2026-11-02T09:30:00+07:00",
    }


def prepare_database(db_url: str, data_dir: Path) -> dict:
    """Migrate, import the test pre-list, create users and assignments; return assignment ids."""
    engine = make_engine(db_url)
    upgrade(engine)
    prelist = data_dir.parent / "prelist"
    write_prelist(prelist, HOUSEHOLDS_A, DESA)
    write_prelist(prelist / "b", HOUSEHOLDS_B, OTHER_DESA)
    import_prelist(engine, prelist)
    import_prelist(engine, prelist / "b")
    ids = {}
    with engine.begin() as conn:
        for name, role, scopes in USERS:
            create_user(conn, name, role, scopes, PASSWORD)
        for name, scope in (
            ("enum1", DESA),
            ("enum2", DESA),
            ("enum3", OTHER_DESA),
            ("clerk1", DESA),
        ):
            ids[name] = assign(conn, name, scope, ROUND, FORM_ID, FORM_VERSION).id
    engine.dispose()
    return ids
