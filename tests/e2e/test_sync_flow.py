"""Login, pull 2,000 households, edit 100, push: the server holds exactly those changes."""

from __future__ import annotations

import pytest
from e2e_helpers import edit_many, login

from capi_app.account import unlock_offline
from capi_app.store import WrongPassword
from capi_app.sync.session import run_sync

EDITED = 100


@pytest.fixture(scope="module")
def synced(big_server, tmp_path_factory):
    """A profile that pulled the whole desa, edited 100 households and pushed them."""
    from capi_app.profile import Profile

    profile = Profile(tmp_path_factory.mktemp("field") / "profile")
    session = login(profile, big_server.url)
    before = dict(big_server.query("SELECT household_id, version FROM households"))
    pulled = run_sync(session, phases=("pull",))
    ids = sorted(h.household_id for h in session.store.list_households(limit=5000))
    edited = ids[:: len(ids) // EDITED][:EDITED]
    expected = edit_many(session.store, edited)
    pushed = run_sync(session)
    yield {
        "session": session,
        "profile": profile,
        "before": before,
        "pulled": pulled,
        "pushed": pushed,
        "edited": edited,
        "expected": expected,
    }
    session.close()


def test_pull_brings_every_household_of_the_assignment(synced, big_server):
    # 2,000 generated; a few carry a planted wrong kode wilayah and lie outside the desa, but
    # their household id names it: they reach its enumerator too (docs/cycle.md).
    served = big_server.reaching_desa()
    listed_elsewhere = big_server.query(
        "SELECT count(*) FROM households WHERE kode_wilayah != '3204122002'"
    )[0][0]
    assert served == 2000 and listed_elsewhere > 0
    assert synced["pulled"].pulled == served
    assert sum(synced["session"].store.counts_by_state().values()) == served


def test_push_reports_every_edited_household_applied(synced):
    s = synced["pushed"]
    assert s.completed and s.ok, s.messages
    assert s.households_pushed == EDITED
    assert s.outcomes["applied"] + s.outcomes["merged"] == EDITED
    assert s.pending_changesets == 0
    assert s.photos_uploaded == len(synced["expected"].photos)


def test_server_holds_exactly_the_edits(synced, big_server):
    exp, edited = synced["expected"], set(synced["edited"])
    for hid, alamat in exp.alamat.items():
        values, version = big_server.household(hid)
        assert values["alamat"] == alamat
        assert version > synced["before"][hid]
    for hid, (mid, job) in exp.changed_members.items():
        assert big_server.members(hid)[mid]["values"]["pekerjaan"] == job
    for hid, nama in exp.added.items():
        assert nama in [m["values"]["nama"] for m in big_server.members(hid).values()]
    for hid, mid in exp.removed.items():
        m = big_server.members(hid)[mid]
        assert (m["status"], m["reason"]) == ("removed", "meninggal")
    # Nothing else moved: only the edited households got a new version or an audit row.
    after = dict(big_server.query("SELECT household_id, version FROM households"))
    moved = {hid for hid, v in after.items() if v != synced["before"].get(hid)}
    assert moved == edited
    audited = {r[0] for r in big_server.query("SELECT DISTINCT household_id FROM audit")}
    assert audited == edited


def test_server_holds_one_verification_with_its_photo_per_household(synced, big_server):
    rows = big_server.query("SELECT household_id, photos, status FROM verifications")
    assert sorted(r[0] for r in rows) == sorted(synced["edited"])
    assert {r[2] for r in rows} == {"finalized"}
    for hid, sha in synced["expected"].photos.items():
        (photos,) = [r[1] for r in rows if r[0] == hid]
        assert sha in photos
        assert (big_server.data_dir / "photos" / sha[:2] / f"{sha}.jpg").exists()


def test_client_shows_pushed_households_as_synced(synced):
    store = synced["session"].store
    states = {store.household_state(hid) for hid in synced["edited"]}
    assert states == {"synced"}
    assert store.pending_changesets() == []


def test_next_sync_sends_nothing_and_pulls_only_what_changed(synced):
    again = run_sync(synced["session"])
    assert again.households_pushed == 0 and again.photos_uploaded == 0
    assert again.pulled <= EDITED  # our own pushed households come back with their new version


def test_local_files_hold_no_plaintext_nik_or_name(synced, big_server):
    session = synced["session"]
    hid = synced["edited"][0]
    members = big_server.members(hid)
    needles = [m["values"]["nik"] for m in members.values()]
    needles += [m["values"]["nama"] for m in members.values()]
    needles += [big_server.household(hid)[0]["alamat"], hid]
    needles = [n.encode() for n in needles if n]
    session.store.db.execute("PRAGMA wal_checkpoint(FULL)")
    files = [p for p in synced["profile"].dir.rglob("*") if p.is_file()]
    assert any(p.suffix == ".vvp" for p in files)
    for path in files:
        data = path.read_bytes()
        for needle in needles:
            assert needle not in data, f"{needle!r} in clear in {path.name}"


def test_wrong_password_fails_cleanly_and_keeps_the_data(synced):
    profile = synced["profile"]
    with pytest.raises(WrongPassword, match="wrong password"):
        unlock_offline(profile, "not-the-password")
    other = unlock_offline(profile, "kunci-desa-2026")
    try:
        assert other.can_sync()
        assert sum(other.store.counts_by_state().values()) > 1900
    finally:
        other.close()
