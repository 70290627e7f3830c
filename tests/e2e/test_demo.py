"""The demo's server ends with its client, however the client ends (real processes)."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time

import pytest


def port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def start_demo(tmp_path) -> tuple[subprocess.Popen, int]:
    """`capi --demo` offscreen in a child process; returns it and its server's port once the
    window is up (the client logged in and pulled)."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "VERIVALI_PROFILE": str(tmp_path / "data" / "verivali"),
        "PYTHONUNBUFFERED": "1",
    }
    client = subprocess.Popen(
        [sys.executable, "-m", "capi_app.cli", "--demo"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
    )  # fmt: skip
    port = None
    deadline = time.monotonic() + 240
    for line in client.stdout:
        found = re.search(r"demo server at http://127\.0\.0\.1:(\d+)", line)
        if found:
            port = int(found.group(1))
        if "capi --demo" in line or "--user kemensos1" in line:
            break  # the list of users is printed once the server answers
        assert time.monotonic() < deadline, "the demo did not start"
    assert port is not None and port_open(port)
    time.sleep(2)  # logged in, pulled, the window shown
    return client, port


def closes_soon(port: int, seconds: float = 15) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not port_open(port):
            return True
        time.sleep(0.2)
    return False


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL])
def test_the_demo_server_ends_when_its_client_is_killed(tmp_path, how):
    client, port = start_demo(tmp_path)
    try:
        assert client.poll() is None
        client.send_signal(how)
        client.wait(10)
        assert closes_soon(port), f"the demo server still listens on {port} after {how.name}"
    finally:
        if client.poll() is None:
            client.kill()
        client.stdout.close()
