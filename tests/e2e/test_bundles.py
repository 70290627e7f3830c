"""Sync without a network (issue 14): two enumerators export bundles offline, a supervisor
relays both in one command, the replies are imported; server and laptops end as direct syncs
would have left them, with the enumerator as collector and the supervisor as relayer."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from e2e_helpers import edit_many, listed_here, login
from server_process import PASSWORD, SyncServer

from capi_app.sync.bundles import export_bundle, import_reply
from capi_app.sync.session import run_sync

ENUMERATORS = ("enum1", "enum2")
EDITS = {"enum1": slice(0, 12), "enum2": slice(12, 24)}


def _server(root) -> SyncServer:
    server = SyncServer(root, households=60)
    for name in ENUMERATORS:
        server.add_user(name)
    server.add_user("spv1", role="supervisor")
    return server.start()


def _capi(profile_dir, *args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "capi_app.cli", *args, "--profile", str(profile_dir),
         "--password-stdin"],
        input=PASSWORD + "\n", capture_output=True, text=True, timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip


def _field_work(server, root):
    """Each enumerator logs in and pulls online, then edits its own households offline."""
    sessions = {}
    for name in ENUMERATORS:
        from capi_app.profile import Profile

        session = login(Profile(root / name), server.url, name)
        run_sync(session, phases=("pull",))
        ids = sorted(listed_here(session.store, 500))
        edit_many(session.store, ids[EDITS[name]], name)
        sessions[name] = session
    return sessions


def _mid(member_id):
    """A member id made on a laptop is a random UUID: two runs agree only that it is one."""
    return (
        member_id
        if member_id is None or member_id[:1].isdigit() and "-" not in member_id
        else "client-made"
    )


def _server_state(server) -> dict:
    households = server.query('SELECT household_id, "values", version FROM households')
    members = server.query(
        'SELECT member_id, household_id, "values", status, removal_reason FROM members'
    )
    audit = server.query(
        "SELECT a.household_id, a.member_id, a.field, a.old, a.new, u.username FROM audit a "
        "JOIN users u ON u.id = a.user_id"
    )
    verifications = server.query(
        "SELECT household_id, status, result FROM verifications ORDER BY household_id"
    )
    return {
        "households": sorted(households),
        "members": sorted((_mid(m[0]), m[1], m[2], m[3], m[4]) for m in members),
        "audit": sorted(((a[0], _mid(a[1]), *a[2:]) for a in audit), key=repr),
        "verifications": verifications,
    }


def _laptop_state(session) -> dict:
    db = session.store.db
    return {
        "households": db.execute(
            "SELECT household_id, version, sync_state, server_values, dirty FROM households "
            "ORDER BY household_id"
        ).fetchall(),
        "members": sorted(
            (_mid(m[0]), *m[1:])
            for m in db.execute(
                "SELECT member_id, household_id, server_values, status FROM members"
            ).fetchall()
        ),
        "pending": len(session.store.pending_changesets()),
        "photos_to_upload": len(session.store.photos_to_upload()),
    }


@pytest.fixture(scope="module")
def relayed(tmp_path_factory):
    """The bundle way: export offline, relay both with one command, import the replies."""
    root = tmp_path_factory.mktemp("bundles")
    server = _server(root / "server")
    sessions = _field_work(server, root)
    stick = root / "usb"
    stick.mkdir()
    exports = {}
    for name, session in sessions.items():
        exports[name] = export_bundle(session, stick / f"{name}.vvb")
        session.close()  # the laptops go home; the stick goes to the office
    spv = root / "spv1"
    from capi_app.profile import Profile

    login(Profile(spv), server.url, "spv1").close()
    done = _capi(spv, "relay", str(stick / "enum1.vvb"), str(stick / "enum2.vvb"),
                 "--replies", str(stick / "replies"))  # fmt: skip
    imported = {
        "enum1": _capi(root / "enum1", "bundle", "import", str(stick / "replies/enum1.reply.vvb"))
    }
    from capi_app.account import unlock_offline

    laptops = {name: unlock_offline(Profile(root / name), PASSWORD) for name in ENUMERATORS}
    imported["enum2"] = import_reply(laptops["enum2"], stick / "replies/enum2.reply.vvb")
    yield {
        "server": server,
        "exports": exports,
        "relay": done,
        "imported": imported,
        "laptops": laptops,
        "stick": stick,
        "root": root,
    }
    for s in laptops.values():
        s.close()
    server.stop()


@pytest.fixture(scope="module")
def direct(tmp_path_factory):
    """The same field work synced directly, one enumerator after the other."""
    root = tmp_path_factory.mktemp("direct")
    server = _server(root / "server")
    sessions = _field_work(server, root)
    for session in sessions.values():
        summary = run_sync(session)
        assert summary.ok, summary.messages
    yield {"server": server, "laptops": sessions}
    for s in sessions.values():
        s.close()
    server.stop()


def test_each_export_carries_the_enumerators_finalized_households_and_photos(relayed):
    for name in ENUMERATORS:
        result = relayed["exports"][name]
        assert result.households == 12
        assert result.photos == 2  # edit() adds a photo to every tenth household
        raw = result.path.read_bytes()
        assert b"Jl. Verivali" not in raw and b"alamat" not in raw  # nothing readable inside


def test_one_relay_command_relays_both_bundles(relayed):
    done = relayed["relay"]
    assert done.returncode == 0, done.stderr
    assert "2 of 2 bundles relayed" in done.stdout
    for name in ENUMERATORS:
        assert (relayed["stick"] / "replies" / f"{name}.reply.vvb").is_file()


def test_the_replies_import_on_their_laptops(relayed):
    cli = relayed["imported"]["enum1"]
    assert cli.returncode == 0, cli.stdout + cli.stderr
    assert "pushed 12 households in" in cli.stdout
    summary = relayed["imported"]["enum2"].summary
    assert summary.ok and summary.households_pushed == 12 and summary.pending_changesets == 0


def test_the_server_holds_what_direct_syncs_would_have_made(relayed, direct):
    assert _server_state(relayed["server"]) == _server_state(direct["server"])


def test_the_audit_names_the_enumerator_as_collector_and_the_supervisor_as_relayer(relayed):
    rows = relayed["server"].query(
        "SELECT DISTINCT u.username, r.username FROM audit a JOIN users u ON u.id = a.user_id "
        "JOIN users r ON r.id = a.relayer_id"
    )
    assert sorted(rows) == [("enum1", "spv1"), ("enum2", "spv1")]
    unrelayed = relayed["server"].query(
        "SELECT count(*) FROM audit WHERE changeset_id IS NOT NULL AND relayer_id IS NULL"
    )
    assert unrelayed == [(0,)]


def test_the_laptops_are_as_direct_syncs_would_have_left_them(relayed, direct):
    for name in ENUMERATORS:
        bundle, sync = (
            _laptop_state(relayed["laptops"][name]),
            _laptop_state(direct["laptops"][name]),
        )
        assert bundle["pending"] == sync["pending"] == 0
        assert bundle["photos_to_upload"] == sync["photos_to_upload"] == 0
        assert bundle["households"] == sync["households"]
        assert bundle["members"] == sync["members"]


def test_a_bundle_relayed_twice_changes_nothing(relayed):
    server, stick = relayed["server"], relayed["stick"]
    before = _server_state(server)
    done = _capi(relayed["root"] / "spv1", "relay", str(stick / "enum1.vvb"),
                 "--replies", str(stick / "again"))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "relayed before" in done.stdout
    assert _server_state(server) == before


def test_a_reply_imported_twice_changes_nothing(relayed):
    laptop = relayed["laptops"]["enum2"]
    before = _laptop_state(laptop)
    again = import_reply(laptop, relayed["stick"] / "replies/enum2.reply.vvb")
    assert again.summary.households_pushed == 0
    assert _laptop_state(laptop) == before


def test_history_shows_the_relayer(relayed):
    from capi_app.account import login_online

    hid = relayed["server"].query(
        "SELECT household_id FROM audit WHERE relayer_id IS NOT NULL LIMIT 1"
    )[0][0]
    from capi_app.profile import Profile

    session = login_online(
        Profile(relayed["root"] / "spv1"), relayed["server"].url, "spv1", PASSWORD
    )
    try:
        events = session.api.household_history(hid)
    finally:
        session.close()
    assert {e["relayer"] for e in events if e["changeset_id"]} == {"spv1"}


def test_a_reply_meant_for_another_device_is_refused_and_nothing_is_applied(relayed):
    from capi_app.sync.errors import BundleInvalid

    laptop = relayed["laptops"]["enum2"]
    before = _laptop_state(laptop)
    with pytest.raises(BundleInvalid) as refused:
        import_reply(laptop, relayed["stick"] / "replies/enum1.reply.vvb")
    assert "not for enum2" in str(refused.value)
    assert str(refused.value.code) == "bundle_foreign"
    assert _laptop_state(laptop) == before


def test_a_reply_with_a_changed_byte_is_refused_and_nothing_is_applied(relayed, tmp_path):
    from capi_app.sync.errors import BundleInvalid

    laptop = relayed["laptops"]["enum2"]
    data = bytearray((relayed["stick"] / "replies/enum2.reply.vvb").read_bytes())
    data[len(data) // 2] ^= 0x40
    (tmp_path / "bad.reply.vvb").write_bytes(bytes(data))
    before = _laptop_state(laptop)
    with pytest.raises(BundleInvalid) as refused:
        import_reply(laptop, tmp_path / "bad.reply.vvb")
    assert str(refused.value.code) == "bundle_damaged"
    assert _laptop_state(laptop) == before


def test_progress_after_the_relay_counts_both_enumerators_work(relayed):
    from capi_app.account import unlock_offline
    from capi_app.profile import Profile

    session = unlock_offline(Profile(relayed["root"] / "spv1"), PASSWORD)
    try:
        body = session.api.progress(scope="32.04.12.2002", round="2026-11")
    finally:
        session.close()
    (desa,) = body["desa"]
    live = relayed["server"].query(
        "SELECT count(*) FROM households WHERE deleted = 0 AND kode_wilayah = '3204122002'"
    )[0][0]  # 60 generated, one planted with a wrong kode wilayah
    assert (desa["households"], desa["finalized"], desa["synced"]) == (live, 24, 24)
    users = {u["username"]: u for u in body["users"]}
    for name in ENUMERATORS:
        assert users[name]["finalized"] == 12
        assert users[name]["last_device_id"] == relayed["laptops"][name].device_id
