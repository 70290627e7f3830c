"""A real sync server in a child process on a free 127.0.0.1 port, set up like an admin would."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import requests

from dtks.sample import write_prelist
from sync_server.clock import CLOCK_FILE_ENV, write_clock_file
from sync_server.db.engine import make_engine
from sync_server.db.migrate import upgrade
from sync_server.services.assignments import assign
from sync_server.services.prelist_import import import_prelist
from sync_server.services.users import create_user, set_password
from sync_server.settings import Settings

DESA = "32.04.12.2002"
ROUND = "2026-11"
PASSWORD = "kunci-desa-2026"
SUITE_TIME = "2026-11-02T09:00:00+07:00"
"""Where an own clock starts: the suite's moment (tests/conftest.py)."""


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SyncServer:
    """sync-server with a dtks.sample pre-list of one desa imported, users assigned to it."""

    def __init__(self, root: Path, households: int, seed: int = 7, own_clock: bool = False):
        self.root = Path(root)
        self.clock_file = self.root / "clock" if own_clock else None
        """With own_clock, set_clock moves this server's clock (else it runs on the suite's)."""
        self.data_dir = self.root / "server-data"
        self.settings = Settings.resolve(data_dir=self.data_dir)
        self.engine = make_engine(self.settings.db_url)
        upgrade(self.engine)
        write_prelist(self.root / "prelist", households, DESA, seed=seed)
        import_prelist(self.engine, self.root / "prelist", self.root / "import-report.csv")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    def add_user(
        self, name: str, role: str = "enumerator", password: str = PASSWORD, scopes=(DESA,)
    ) -> None:
        """Create a user with the desa (or the scopes given) as scope; field roles are assigned
        the desa for the round."""
        with self.engine.begin() as conn:
            create_user(conn, name, role, list(scopes), password)
            if role in ("enumerator", "clerk"):
                assign(conn, name, DESA, ROUND)

    def set_password(self, name: str, password: str) -> None:
        """An admin resets a password (the server revokes the user's tokens)."""
        with self.engine.begin() as conn:
            set_password(conn, name, password)

    def start(self) -> SyncServer:
        """Start `sync-server serve` and wait until /health answers."""
        log = open(self.root / "server.log", "ab")  # noqa: SIM115 - lives as long as the process
        self.process = subprocess.Popen(
            [sys.executable, "-m", "sync_server.cli", "serve", "--data-dir", str(self.data_dir),
             "--port", str(self.port), "--log-level", "warning"],
            stdout=log, stderr=subprocess.STDOUT, env=self._env(),
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"sync-server exited: {(self.root / 'server.log').read_text()}")
            try:
                if requests.get(self.url + "/api/v1/health", timeout=1).ok:
                    return self
            except requests.ConnectionError:
                time.sleep(0.1)
        raise RuntimeError("sync-server did not answer within 30 s")

    def _env(self) -> dict:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        if self.clock_file is not None:
            if not self.clock_file.exists():
                self.set_clock(datetime.fromisoformat(SUITE_TIME))
            env[CLOCK_FILE_ENV] = str(self.clock_file)
        return env

    def set_clock(self, moment: datetime) -> None:
        """Move this server's clock (own_clock only) to an aware moment; it runs on from there."""
        if self.clock_file is None:
            raise RuntimeError("make the server with own_clock=True to move its clock")
        write_clock_file(self.clock_file, moment)

    def stop(self) -> None:
        """Terminate the server process."""
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.engine.dispose()

    def query(self, sql: str, params: tuple = ()) -> list[tuple]:
        """Rows from the server's SQLite database (read from the side, as an auditor would)."""
        conn = sqlite3.connect(f"file:{self.data_dir / 'verivali.sqlite3'}?mode=ro", uri=True)
        try:
            return conn.execute(sql, params).fetchall()
        finally:
            conn.close()

    def reaching_desa(self) -> int:
        """Live households a pull of the desa brings: listed there, or listed elsewhere with a
        household id naming it (an open wrong_wilayah anomaly, docs/cycle.md)."""
        return self.query(
            "SELECT count(*) FROM households WHERE deleted = 0 AND (kode_wilayah = '3204122002'"
            " OR household_id IN (SELECT household_id FROM household_reach"
            " WHERE kode = '3204122002'))"
        )[0][0]

    def household(self, household_id: str) -> tuple[dict, int]:
        """A household's values and version as the server holds them."""
        ((values, version),) = self.query(
            'SELECT "values", version FROM households WHERE household_id = ?', (household_id,)
        )
        return json.loads(values), version

    def members(self, household_id: str) -> dict[str, dict]:
        """The household's members by id: values, status and removal reason."""
        return {
            mid: {"values": json.loads(values), "status": status, "reason": reason}
            for mid, values, status, reason in self.query(
                'SELECT member_id, "values", status, removal_reason FROM members '
                "WHERE household_id = ?",
                (household_id,),
            )
        }

    def audit_count(self, changeset_id: str | None = None) -> int:
        """Audit rows, all or of one change-set."""
        if changeset_id is None:
            return self.query("SELECT count(*) FROM audit")[0][0]
        return self.query("SELECT count(*) FROM audit WHERE changeset_id = ?", (changeset_id,))[0][
            0
        ]
