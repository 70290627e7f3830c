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


KILLS = 8
PER_CHANGESET = 150
# Moments after the pushes start, in seconds: before the body is read, mid-merge, mid-write,
# around the commit and after it (the reply lost); the same every run.
KILL_AFTER_S = [0.0, 0.05, 0.1, 0.2, 0.3, 0.45, 0.6, 0.9]


def _changesets_in_waves(server, tmp_path, waves: int) -> tuple:
    """Two change-sets per wave, each editing its own PER_CHANGESET households once."""
    write_prelist(tmp_path / "loop", 2 * waves * PER_CHANGESET, DESA, start=2001)
    import_prelist(server.engine, tmp_path / "loop")
    enum1 = server.client("enum1")
    bodies = []
    for k in range(2 * waves):
        numbers = range(2001 + k * PER_CHANGESET, 2001 + (k + 1) * PER_CHANGESET)
        entries = [edit(household_id(DESA, n), 1, alamat=(f"Jl. Mawar {n}", f"Jl. Kenanga {n}"))
                   for n in numbers]  # fmt: skip
        bodies.append(changeset(entries, enum1.device_id))
    return enum1, [bodies[i : i + 2] for i in range(0, len(bodies), 2)]


def test_sigkill_in_a_loop_of_pushes_loses_nothing_and_applies_nothing_twice(server, tmp_path):
    enum1, waves = _changesets_in_waves(server, tmp_path, KILLS)
    sent, committed = [], []
    for after_s, wave in zip(KILL_AFTER_S, waves, strict=True):
        threads = [_post_in_background(enum1, body) for body in wave]
        time.sleep(after_s)
        server.kill(signal.SIGKILL)
        for t in threads:
            t.join(10)
        server.start()
        for body in wave:  # each change-set is all there or not at all
            rows = server.scalar(
                "SELECT count(*) FROM audit WHERE changeset_id = :c", c=body["changeset_id"]
            )
            assert rows in (0, PER_CHANGESET)
            committed.append(rows == PER_CHANGESET)
        sent += wave
        # The client resends whatever it has not seen acknowledged: here, everything so far.
        for body in sent:
            r = enum1.post(enum1.url("/changesets"), json=body)
            assert r.status_code == 200, r.text
            assert {h["outcome"] for h in r.json()["households"]} == {"applied"}
    edited = len(sent) * PER_CHANGESET
    assert server.scalar("SELECT count(*) FROM changesets") == len(sent)
    assert server.scalar("SELECT count(*) FROM audit WHERE household_id LIKE :p", p=f"{DESA}%") == (
        edited
    )
    per_changeset = server.sql("SELECT changeset_id, count(*) FROM audit GROUP BY changeset_id")
    assert sorted(n for _, n in per_changeset) == [PER_CHANGESET] * len(sent)
    versions = server.sql(
        "SELECT version, count(*) FROM households WHERE household_id >= :first "
        "AND kode_wilayah = :desa GROUP BY version",
        first=household_id(DESA, 2001),
        desa=DESA,
    )
    assert versions == [(2, edited)]  # every edit applied, none twice
    print(f"{KILLS} kills: {sum(committed)} of {len(committed)} change-sets in flight committed")
