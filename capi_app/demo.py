"""The demo: a local sync server with a sample desa, started beside the client for trying it out.

The server runs as a separate process (`python -m sync_server.cli`), never imported: the
client and the server share only the HTTP protocol. Its data and the client's profile live
in a per-user directory, so a second `capi --demo` continues where the first stopped.
"""

from __future__ import annotations

import atexit
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import requests

from capi_app.profile import default_profile_dir
from dtks.private_files import append_private

DEMO_USER = "enum1"
DEMO_PASSWORD = "verivali-demo"
"""The password `sync-server demo` gives its users (printed by that command)."""

DEMO_USERS = (
    ("enum1", "enumerator", "the household list of desa Dayeuhkolot: visit, verify, sync"),
    ("enum2", "enumerator", "the same desa as a second enumerator (conflicts with enum1)"),
    ("clerk1", "clerk", "heads-down PAPI entry of paper questionnaires"),
    ("super1", "supervisor", "relay of USB bundles, progress per desa, PAPI adjudication"),
    ("reviewer1", "reviewer", "the Dinas Sosial review queue of Kabupaten Bandung"),
    ("admin1", "admin", "the review queue of the province, exports"),
    ("prov1", "reviewer", "submissions at the provinsi level"),
    ("kemensos1", "reviewer", "submissions at the Kemensos level (penetapan)"),
)
"""The users `sync-server demo` creates (its `people`), and what each sees in the client."""


def user_commands(command: str = "bash scripts/demo.sh") -> list[str]:
    """One line per demo user: the command that opens the client as them, and what they see."""
    width = max(len(name) for name, _, _ in DEMO_USERS)
    return [
        f"  {command} --user {name:<{width}}  {role}: {sees}" for name, role, sees in DEMO_USERS
    ]


def check_user(name: str) -> str:
    """The demo user's name, or DemoError naming the demo's users."""
    if name not in {n for n, _, _ in DEMO_USERS}:
        names = ", ".join(n for n, _, _ in DEMO_USERS)
        raise DemoError(f"{name!r} is not a demo user; the demo has {names}")
    return name


STARTUP_TIMEOUT = 60


class DemoError(RuntimeError):
    """The demo server could not be set up or started; the message says which step failed."""


@dataclass
class DemoServer:
    """A running demo server process."""

    url: str
    process: subprocess.Popen
    directory: Path

    def stop(self) -> None:
        """Stop the server process (it keeps its data for the next demo)."""
        if self.process.stdin is not None and not self.process.stdin.closed:
            self.process.stdin.close()  # the server's own watch ends it too
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()


def demo_dir() -> Path:
    """Where the demo keeps its server data and client profile."""
    return default_profile_dir().with_name("verivali-demo")


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _server(*args: str) -> list[str]:
    return [sys.executable, "-m", "sync_server.cli", *args]


def start_demo_server(directory: Path | None = None, log=print) -> DemoServer:
    """Create the demo desa on first use, start the server on a free port and wait until it answers."""
    directory = Path(directory or demo_dir())
    data = directory / "server-data"
    if not (directory / "prelist").exists():
        log("Setting up the demo desa (first run only)…")
        done = subprocess.run(
            _server("demo", "--dir", str(directory), "--data-dir", str(data)),
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            raise DemoError(
                f"sync-server demo failed: {done.stderr.strip() or done.stdout.strip()}"
            )
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log_file = append_private(directory / "server.log")  # lives as long as the server
    # The server reads its stdin until it closes: however this process ends (normal exit, a
    # crash, SIGTERM, SIGKILL), the system closes our end of the pipe and the server stops.
    process = subprocess.Popen(
        _server(
            "serve", "--data-dir", str(data), "--host", "127.0.0.1", "--port", str(port),
            "--exit-with-stdin",
        ),
        stdin=subprocess.PIPE,
        stdout=log_file,
        stderr=subprocess.STDOUT,
    )  # fmt: skip
    server = DemoServer(url, process, directory)
    atexit.register(server.stop)
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise DemoError(f"the demo server stopped at start; see {directory / 'server.log'}")
        try:
            requests.get(url + "/api/v1/openapi.json", timeout=1)
            return server
        except requests.RequestException:
            time.sleep(0.2)
    server.stop()
    raise DemoError(f"the demo server did not answer within {STARTUP_TIMEOUT} s")
