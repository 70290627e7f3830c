"""The server's files are private whatever the umask: data directory and its directories 0700,
the SQLite database with its WAL and shared memory, photos, scans and exports 0600."""

import hashlib
import os
import signal
import stat
import subprocess
import sys

import pytest
from server_harness import HID, ROUND, Server, edit, jpeg, prepare_database, verification

from sync_server.db.engine import make_engine

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def modes(root) -> dict[str, str]:
    """{relative path: octal mode} of root and everything under it."""
    out = {".": oct(root.stat().st_mode & 0o777)}
    for path in root.rglob("*"):
        out[str(path.relative_to(root))] = oct(path.stat().st_mode & 0o777)
    return out


def lax(found: dict[str, str]) -> dict[str, str]:
    """The entries another account could read, write or enter."""
    return {n: m for n, m in found.items() if int(m, 8) & (stat.S_IRWXG | stat.S_IRWXO)}


@pytest.fixture(params=[0o022, 0o000], ids=["umask022", "umask000"])
def umask(request):
    """Run the test (and the server it starts) under a lax umask."""
    old = os.umask(request.param)
    yield request.param
    os.umask(old)


def test_data_directory_database_photos_scans_and_exports_are_private(db_url, tmp_path, umask):
    data_dir = tmp_path / "data"
    srv = Server(db_url, data_dir)
    srv.assignment_ids = prepare_database(db_url, data_dir)
    srv.engine = make_engine(db_url)
    srv.start()
    try:
        enum1, reviewer = srv.client("enum1"), srv.client("reviewer1")
        photo = jpeg(1)
        sha = hashlib.sha256(photo).hexdigest()
        assert enum1.put(enum1.url(f"/photos/{sha}"), data=photo).status_code == 201
        r = enum1.push([{**edit(HID, 1, rt=("002", "007")), "verification": verification([sha])}])
        assert r.status_code == 200, r.text
        r = reviewer.put(
            reviewer.url(f"/rounds/{ROUND}/pengesahan"),
            params={"scope": "32.04.12.2002"},
            data=PDF,
            headers={"Content-Type": "application/pdf"},
        )
        assert r.status_code == 201, r.text
        found = modes(data_dir)
    finally:
        srv.kill(signal.SIGTERM)
        srv.engine.dispose()
    out = tmp_path / "exports" / "hasil.csv"
    done = subprocess.run(
        [sys.executable, "-m", "sync_server.cli", "export", "--db", db_url]
        + ["--data-dir", str(data_dir), "--round", ROUND, "--out", str(out)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert f"photos/{sha[:2]}/{sha}.jpg" in found
    assert any(n.startswith("pengesahan/") and n.endswith(".pdf") for n in found)
    if srv.db_url.startswith("sqlite"):
        assert {"verivali.sqlite3", "verivali.sqlite3-wal", "verivali.sqlite3-shm"} <= set(found)
    assert lax(found) == {}
    assert found["."] == found["photos"] == found[f"photos/{sha[:2]}"] == "0o700"
    assert oct(out.stat().st_mode & 0o777) == "0o600"


def test_a_data_directory_left_lax_by_an_older_version_is_made_private_at_start(db_url, tmp_path):
    data_dir = tmp_path / "data"
    srv = Server(db_url, data_dir)
    prepare_database(db_url, data_dir)
    (data_dir / "photos" / "ab").mkdir(parents=True)
    for path in [data_dir, *data_dir.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    srv.start()
    srv.kill(signal.SIGTERM)
    found = modes(data_dir)
    assert lax(found) == {}
    assert found["photos/ab"] == "0o700"
