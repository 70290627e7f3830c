"""Files of household data that the client and server write outside their stores are 0600
whatever the umask: a reviewer's export download (its .part while it arrives and the file),
a bundle on the stick, the server's import report (it quotes NIKs of rejected rows)."""

from __future__ import annotations

import csv
import os
import subprocess
import sys

import pytest
from e2e_helpers import edit_many, login
from server_process import ROUND

from capi_app.profile import Profile
from capi_app.sync.bundles import export_bundle
from capi_app.sync.session import run_sync
from dtks.sample import write_prelist


def _mode(path) -> str:
    return oct(path.stat().st_mode & 0o777)


@pytest.fixture
def lax_umask():
    """The test, and the processes it starts, under umask 022 (others may read)."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_an_export_download_is_private_while_it_arrives_and_after(
    small_server, tmp_path, lax_umask
):
    small_server.add_user("rev1", role="reviewer", scopes=("32.04",))
    reviewer = login(Profile(tmp_path / "rev1"), small_server.url, "rev1")
    dest = tmp_path / "Unduhan" / "hasil-2026-11.csv"
    dest.parent.mkdir()
    dest.write_text("an older export, left 0644\n")
    dest.chmod(0o644)
    seen = []

    def progress(done, total):
        seen.append(_mode(dest.with_name(dest.name + ".part")))

    reviewer.api.download_export(ROUND, "32.04.12.2002", "csv", dest, progress)
    assert seen and set(seen) == {"0o600"}
    assert _mode(dest) == "0o600"
    header = next(csv.reader(dest.open(encoding="utf-8")))
    assert header[0] == "household_id"  # the new export replaced the older one


def test_a_bundle_exported_to_a_stick_is_private(small_server, tmp_path, lax_umask):
    session = login(Profile(tmp_path / "enum1"), small_server.url, "enum1")
    run_sync(session, phases=("pull",))
    ids = sorted(h.household_id for h in session.store.list_households(limit=10))
    edit_many(session.store, ids[:2], "enum1")
    stick = tmp_path / "stick"
    stick.mkdir()
    result = export_bundle(session, stick / "enum1.vvb")
    assert _mode(result.path) == "0o600"
    assert [p.name for p in stick.iterdir()] == ["enum1.vvb"]


def test_the_import_report_is_private(tmp_path, lax_umask):
    prelist = tmp_path / "prelist"
    write_prelist(prelist, 5, "32.04.12.2002", seed=3)
    with (prelist / "members.csv").open("a", encoding="utf-8") as f:
        f.write("not-a-member-id,x\n")  # a rejected row: the report names it
    done = subprocess.run(
        [sys.executable, "-m", "sync_server.cli", "import-prelist", str(prelist),
         "--data-dir", str(tmp_path / "data")],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    report = prelist / "import-report.csv"
    assert "not-a-member-id" in report.read_text(encoding="utf-8")
    assert _mode(report) == "0o600"
