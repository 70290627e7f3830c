"""The store on disk: no plaintext NIK or name in any file; a SIGKILL never loses a saved edit."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from store_samples import PASSWORD, make_household

from capi_app.media import import_photo, read_photo
from capi_app.store import Store, keys

REPO = Path(__file__).resolve().parents[2]
PHOTOS = Path(__file__).parent / "photos"
HID = "3204122002000001"


def _profile_bytes(profile: Path) -> dict[str, bytes]:
    return {str(p.relative_to(profile)): p.read_bytes() for p in profile.rglob("*") if p.is_file()}


def _secrets(store: Store) -> list[bytes]:
    hv = store.household(HID)
    found = [hv.values["no_kk"], hv.values["nama_krt"]]
    for m in hv.members:
        found += [m.values["nik"], m.values["nama"]]
    return [s.encode("utf-8") for s in found] + [b"Kartini Wijaya", b"3204125512900001"]


def _assert_no_plaintext(profile: Path, secrets: list[bytes], jpeg: bytes) -> None:
    files = _profile_bytes(profile)
    assert "store.db" in files and any(name.startswith("photos/") for name in files)
    for name, data in files.items():
        assert not data.startswith(b"SQLite format 3"), name
        for secret in secrets:
            assert secret not in data, f"{secret!r} in clear in {name}"
        assert jpeg[100:164] not in data, f"photo bytes in clear in {name}"


def test_no_plaintext_nik_or_name_in_any_file(tmp_path):
    profile = tmp_path / "profile"
    store = Store.create(profile, PASSWORD)
    store.upsert_pulled([make_household(i) for i in range(1, 30)])
    store.change_member(HID, HID + "02", {"nama": "Kartini Wijaya"}, user="siti")
    store.add_member(HID, {"nama": "Bayi", "nik": "3204125512900001"}, user="siti")
    store.save_verification(HID, {"catatan": "Kartini Wijaya di rumah"}, "draft", "siti")
    record = import_photo(store, HID, PHOTOS / "bandung_south_gps.jpg", user="siti")
    jpeg = read_photo(store, record.sha256)
    secrets = _secrets(store)
    _assert_no_plaintext(profile, secrets, jpeg)  # while open: WAL and shm included
    store.close()
    _assert_no_plaintext(profile, secrets, jpeg)  # after the checkpoint into store.db


CHILD = """
import sys
from capi_app.store import Store
store = Store.open(sys.argv[1], bytes.fromhex(sys.argv[2]))
i = int(sys.argv[3])
print("ready", flush=True)
while True:
    i += 1
    if i % 3 == 0:
        store.change_member("{hid}", "{hid}02", {{"pekerjaan": i}}, user="siti")
    elif i % 3 == 1:
        store.save_verification("{hid}", {{"counter": i}}, "draft", "siti")
    store.set_field("{hid}", "alamat", f"Jl. Mawar {{i}}", user="siti")
    print(i, flush=True)
"""


def _saved_counter(store: Store) -> int:
    return int(store.household(HID).values["alamat"].rsplit(" ", 1)[1])


@pytest.mark.slow
def test_sigkill_in_a_loop_of_saves_loses_no_saved_edit(tmp_path):
    profile = tmp_path / "profile"
    store = Store.create(profile, PASSWORD)
    store.upsert_pulled([make_household(i) for i in range(1, 50)])
    store.close()
    key = keys.unlock(profile / "store.key", PASSWORD)
    script = tmp_path / "child.py"
    script.write_text(CHILD.format(hid=HID))
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    rng = random.Random(5)
    counter = 0
    for _round in range(5):
        child = subprocess.Popen(
            [sys.executable, str(script), str(profile), key.hex(), str(counter)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert child.stdout.readline().strip() == "ready"
        last = counter
        for _ in range(rng.randint(5, 80)):
            last = int(child.stdout.readline())
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        child.stdout.close()
        with Store.open(profile, key) as reopened:
            assert reopened.integrity_check() == "ok"
            saved = _saved_counter(reopened)
            # Everything printed was committed; at most the one in flight may also be there.
            assert last <= saved <= last + 1
            hv = reopened.household(HID)
            assert hv.pending["alamat"].base == "Jl. Mawar 1"
            assert hv.verification.answers["counter"] >= saved - 2
        counter = saved
