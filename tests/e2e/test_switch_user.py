"""Two users on one profile (one laptop): a user's waiting work stays with that user and is
never pushed under another's login; back as its user, it goes."""

from __future__ import annotations

from e2e_helpers import edit_many, login
from server_process import PASSWORD

from capi_app.account import logout, unlock_offline
from capi_app.sync.bundles import export_bundle
from capi_app.sync.push import build_outbox
from capi_app.sync.session import run_sync


def test_pending_change_sets_go_only_under_their_own_user(profile, small_server, tmp_path):
    enum1 = login(profile, small_server.url, "enum1")
    run_sync(enum1, phases=("pull",))
    ids = [h.household_id for h in enum1.store.list_households(limit=3)]
    expected = edit_many(enum1.store, ids)
    # Frozen into a change-set as a sync would, not yet sent (the link broke, say).
    build_outbox(enum1.store, enum1.store.assignments(), enum1.device_id, "CAPI")
    assert len(enum1.store.pending_changesets()) == 1
    logout(enum1)

    # Switch user on the same profile: enum2's sync sends nothing of enum1's.
    enum2 = login(profile, small_server.url, "enum2")
    try:
        assert enum2.store.pending_changesets() == []
        summary = run_sync(enum2)
        assert summary.completed and summary.households_pushed == 0
        assert small_server.query("SELECT count(*) FROM changesets")[0][0] == 0
        for hid in ids:
            assert small_server.household(hid)[0]["alamat"] != expected.alamat[hid]
        bundle = export_bundle(enum2, tmp_path / "enum2.vvb")
        assert bundle.households == 0  # not in a bundle either
    finally:
        logout(enum2)

    # Back to enum1, offline unlock of their own store: their work goes, as enum1.
    enum1 = unlock_offline(profile, PASSWORD, "enum1")
    enum1.api.backoff = 0.01
    try:
        assert len(enum1.store.pending_changesets()) == 1
        summary = run_sync(enum1)
        assert summary.ok and summary.households_pushed == 3
        for hid in ids:
            assert small_server.household(hid)[0]["alamat"] == expected.alamat[hid]
        ((who,),) = set(
            small_server.query(
                "SELECT u.username FROM changesets c JOIN users u ON u.id = c.user_id"
            )
        )
        assert who == "enum1"
    finally:
        enum1.close()
