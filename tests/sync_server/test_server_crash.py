"""A server killed with SIGKILL in the middle of a large push: all of the change-set or nothing."""

import signal
import threading
import time

import pytest
import requests
from server_harness import changeset, edit
from server_prelist import DESA, household_id, write_prelist

from sync_server.services.prelist_import import import_prelist

LARGE = 1500


def _large_push(server, tmp_path):
    write_prelist(tmp_path / "large", LARGE, DESA, start=1001)
    import_prelist(server.engine, tmp_path / "large")
    enum1 = server.client("enum1")
    entries = [
        edit(household_id(DESA, n), 1, alamat=(f"Jl. Mawar {n}", f"Jl. Dahlia {n}"))
        for n in range(1001, 1001 + LARGE)
    ]
    return enum1, changeset(entries, enum1.device_id)


def _state(server):
    return (
        server.scalar("SELECT count(*) FROM changesets"),
        server.scalar("SELECT count(*) FROM audit"),
        server.scalar("SELECT count(*) FROM households WHERE version > 1"),
    )


def _post_in_background(client, body):
    def run():
        try:
            client.post(client.url("/changesets"), json=body, timeout=120)
        except requests.RequestException:
            pass  # the server dies under it

    t = threading.Thread(target=run, daemon=True)
    t.start()
    return t


def _restart_and_retry(server, enum1, body):
    server.start()
    r = enum1.post(enum1.url("/changesets"), json=body)
    assert r.status_code == 200, r.text
    assert {h["outcome"] for h in r.json()["households"]} == {"applied"}
    after = _state(server)
    assert after == (1, LARGE, LARGE)
    again = enum1.post(enum1.url("/changesets"), json=body)
    assert again.json() == r.json() and _state(server) == after


def test_sigkill_before_commit_leaves_nothing_and_retry_applies_once(server, tmp_path):
    enum1, body = _large_push(server, tmp_path)
    server.kill(signal.SIGTERM)
    server.start(VERIVALI_FAULT_PAUSE_BEFORE_COMMIT_S="60")
    thread = _post_in_background(enum1, body)
    line = server.process.stderr.readline().decode()
    assert "fault pause" in line  # every row is written, nothing committed
    server.kill(signal.SIGKILL)
    thread.join(10)
    assert _state(server) == (0, 0, 0)
    _restart_and_retry(server, enum1, body)


@pytest.mark.parametrize("after_s", [0.3, 0.8])
def test_sigkill_at_any_moment_is_all_or_nothing(server, tmp_path, after_s):
    enum1, body = _large_push(server, tmp_path)
    thread = _post_in_background(enum1, body)
    time.sleep(after_s)
    server.kill(signal.SIGKILL)
    thread.join(10)
    assert _state(server) in ((0, 0, 0), (1, LARGE, LARGE))
    _restart_and_retry(server, enum1, body)
