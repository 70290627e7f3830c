"""The login throttle counts an attempt before the password is checked, keeps its state in the
database (across restarts and server processes), trusts X-Forwarded-For only from proxies the
admin named, and is trimmed by age, never emptied wholesale."""

import signal
import subprocess
import sys
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from threading import Barrier

import requests
from server_harness import PASSWORD, Server
from sqlalchemy import insert

from sync_server.db.tables import login_attempts

WRONG = "wrong-password"


def _login(base: str, username="enum1", password=WRONG, headers=None) -> int:
    body = {"username": username, "password": password, "device_id": str(uuid.uuid4())}
    return requests.post(base + "/auth/token", json=body, headers=headers, timeout=60).status_code


def _parallel(base: str, n: int) -> Counter:
    """n wrong passwords for enum1 at once, each on its own connection."""
    start = Barrier(n)

    def one(_):
        start.wait()
        return _login(base)

    with ThreadPoolExecutor(n) as pool:
        return Counter(pool.map(one, range(n)))


def test_thirty_parallel_wrong_passwords_reach_the_password_check_only_five_times(server):
    got = _parallel(server.base, 30)
    assert got == {401: 5, 429: 25}, got
    assert server.scalar("SELECT attempts FROM login_attempts WHERE username = 'enum1'") == 5


def test_forwarded_for_is_ignored_unless_the_proxy_is_named(server):
    got = Counter(
        _login(server.base, headers={"X-Forwarded-For": f"198.51.100.{i}"}) for i in range(40)
    )
    assert got[401] == 5 and got[429] == 35, got
    assert server.scalar("SELECT count(*) FROM login_attempts") == 1
    assert server.scalar("SELECT address FROM login_attempts") == "127.0.0.1"


def test_a_named_proxy_passes_the_client_address_and_a_spoofed_chain_does_not_help(server):
    server.kill(signal.SIGTERM)
    server.args = ["--trust-proxy", "127.0.0.1", "10.8.0.0/16"]
    server.start()
    own = Counter(
        _login(server.base, headers={"X-Forwarded-For": f"198.51.100.{i}"}) for i in range(8)
    )
    assert own == {401: 8}, own  # eight clients behind the proxy, one guess each
    spoofed = Counter(
        _login(server.base, headers={"X-Forwarded-For": f"203.0.113.{i}, 192.0.2.7, 10.8.3.4"})
        for i in range(12)
    )
    assert spoofed == {401: 5, 429: 7}, spoofed  # all counted for 192.0.2.7
    addresses = {r.address for r in server.sql("SELECT address FROM login_attempts")}
    assert "192.0.2.7" in addresses and not any(a.startswith("203.") for a in addresses)


def test_the_lock_holds_across_server_processes_and_a_restart(server):
    other = Server(server.db_url, server.data_dir).start()
    try:
        assert [_login(server.base) for _ in range(5)] == [401] * 5
        assert _login(other.base) == 429
        assert _login(other.base, password=PASSWORD) == 429
    finally:
        other.kill(signal.SIGTERM)
    server.kill(signal.SIGKILL)
    server.start()
    after = [_login(server.base) for _ in range(2)]
    assert 429 in after, after  # a forgetful restart would answer [401, 401]
    assert server.scalar("SELECT attempts FROM login_attempts WHERE username = 'enum1'") >= 6


def test_a_flood_of_names_never_clears_a_lock_and_idle_pairs_are_trimmed(server):
    now = time.time()
    flood = [
        {
            "username": f"guess{i}",
            "address": "192.0.2.1",
            "attempts": 1,
            "locked_until": 0.0,
            "last_at": now,
        }
        for i in range(100_001)
    ]
    flood.append(flood[0] | {"username": "idle", "last_at": now - 3 * 24 * 3600})
    with server.engine.begin() as conn:
        for start in range(0, len(flood), 20_000):
            conn.execute(insert(login_attempts), flood[start : start + 20_000])
    assert [_login(server.base) for _ in range(5)] == [401] * 5  # the first one trims
    assert _login(server.base, username="yet-another-name") == 401
    assert _login(server.base) == 429
    assert server.scalar("SELECT count(*) FROM login_attempts WHERE username = 'idle'") == 0
    assert server.scalar("SELECT count(*) FROM login_attempts") == 100_001 + 2


def test_serve_refuses_a_proxy_that_is_no_address(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "sync_server.cli", "serve", "--data-dir", str(tmp_path)]
        + ["--trust-proxy", "10.8.0.0/16", "proxy.example"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert "--trust-proxy 'proxy.example': not an IP address or network" in done.stderr
