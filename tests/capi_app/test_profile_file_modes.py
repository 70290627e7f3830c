"""The client profile is private whatever the umask: directories 0700, files 0600."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from store_samples import ASSIGNMENT, PASSWORD, make_household

from capi_app.media import import_photo
from capi_app.profile import Profile
from capi_app.store import Store, keys
from capi_app.store.store import KEY_FILE

PHOTOS = Path(__file__).parent / "photos"


def modes(root: Path) -> dict[str, str]:
    """{relative path: octal mode} of root and everything under it."""
    out = {".": oct(root.stat().st_mode & 0o777)}
    for path in root.rglob("*"):
        out[str(path.relative_to(root))] = oct(path.stat().st_mode & 0o777)
    return out


def lax(root: Path) -> dict[str, str]:
    """The entries of root that another account could read or enter."""
    return {
        name: mode
        for name, mode in modes(root).items()
        if int(mode, 8) & (stat.S_IRWXG | stat.S_IRWXO)
    }


@pytest.fixture(params=[0o022, 0o000], ids=["umask022", "umask000"])
def umask(request):
    """Run the test under a lax umask."""
    old = os.umask(request.param)
    yield request.param
    os.umask(old)


def test_profile_database_key_photos_and_settings_are_private(tmp_path, umask):
    profile = Profile(tmp_path / "profile")
    profile.save()
    store = Store.create(profile.dir, PASSWORD)
    store.save_assignments([ASSIGNMENT])
    store.upsert_pulled([make_household(1)], ASSIGNMENT.id)
    import_photo(store, "3204122002000001", PHOTOS / "bandung_south_gps.jpg", user="siti")
    with pytest.raises(keys.WrongPassword):
        keys.unlock(profile.dir / KEY_FILE, "not the password", sleep=lambda s: None)
    names = modes(profile.dir)
    store.close()
    assert {"store.db", "store.db-wal", "store.db-shm", KEY_FILE, "settings.json"} <= set(names)
    assert keys.failures_path(profile.dir / KEY_FILE).name in names
    assert any(n.startswith("photos/") and n.endswith(".vvp") for n in names)
    assert lax(profile.dir) == {}
    assert names["."] == names["photos"] == "0o700"
    assert names["store.db"] == names["store.db-wal"] == names[KEY_FILE] == "0o600"


def test_an_old_lax_profile_is_made_private_when_opened(tmp_path):
    directory = tmp_path / "profile"
    Store.create(directory, PASSWORD).close()
    for path in [directory, *directory.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    Store.unlock(directory, PASSWORD).close()
    Profile(directory)
    assert lax(directory) == {}


def _mode(path: Path) -> str:
    return oct(path.stat().st_mode & 0o777)


def test_reports_and_keyer_error_rates_written_outside_the_profile_are_private(tmp_path, umask):
    """A BNBA list or pengesahan draft names heads of household with their NIK, a keyer report
    names clerks with their error rates: 0600 wherever the user saves them."""
    from reports.bnba_samples import make_report

    from capi_app.papi_export import write_keyer_report
    from capi_app.reports import render_bnba, render_pengesahan

    report = make_report(5, "32.04.12.2002")
    old = tmp_path / "old-bnba.pdf"
    old.write_bytes(b"an earlier list, left 0644")
    old.chmod(0o644)
    keyers = {"keyers": [{"username": "clerk1", "errors": 2}], "fields": [], "batches": []}
    written = [
        render_bnba(report, tmp_path / "bnba.pdf"),
        render_bnba(report, old),
        render_pengesahan(report, tmp_path / "pengesahan.pdf"),
        write_keyer_report(keyers, tmp_path / "keyers.csv"),
        write_keyer_report(keyers, tmp_path / "keyers.xlsx"),
    ]
    assert {p.name: _mode(p) for p in written} == {p.name: "0o600" for p in written}
    assert old.read_bytes().startswith(b"%PDF-")


def test_a_log_opened_to_append_is_private_also_one_left_lax(tmp_path, umask):
    """The demo keeps its server's log (addresses, household ids in paths) this way."""
    from dtks.private_files import append_private

    log = tmp_path / "server.log"
    log.write_bytes(b"from an older run\n")
    log.chmod(0o644)
    with append_private(log) as f:
        f.write(b"GET /api/v1/review/households/3204122002000001\n")
    assert _mode(log) == "0o600"
    assert log.read_bytes().startswith(b"from an older run\n")
