"""The sync log against a real server: each sync kept, with what went each way and how it
ended, per household; failed and cancelled syncs and bundles too."""

from __future__ import annotations

import threading

import pytest
from e2e_helpers import edit_many, login
from test_outcomes import _finalize

from capi_app.store import sync_log as log
from capi_app.sync.bundles import export_bundle
from capi_app.sync.errors import Cancelled, ServerUnreachable
from capi_app.sync.session import run_sync


def test_every_sync_is_logged_with_its_households(profile, small_server):
    session = login(profile, small_server.url)
    try:
        pulled = run_sync(session, phases=("pull",))
        ids = [h.household_id for h in session.store.list_households(limit=3)]
        bad, good = ids[0], ids[1:]
        edit_many(session.store, good)
        session.store.set_field(bad, "rt", "2", "enum1")  # refused: rt has three digits
        _finalize(session.store, bad, "enum1")
        pushed = run_sync(session)

        first, second = log.entries(session.store.db)[::-1]
        assert (first.kind, first.outcome, first.username) == ("pull", "ok", "enum1")
        assert first.received == pulled.pulled > 50
        assert first.bytes_received == pulled.bytes_received > 0
        assert (second.kind, second.outcome) == ("sync", "problems")
        assert second.households_sent == pushed.households_pushed == 2
        assert second.bytes_sent == pushed.bytes_sent > 0
        detail = log.entry(session.store.db, second.id)
        by_household = {h.household_id: h for h in detail.households}
        assert {by_household[h].outcome for h in good} == {"applied"}
        assert by_household[bad].outcome == "refused"
        assert by_household[bad].fields == ("rt",) and "rt" in by_household[bad].message
        assert by_household[good[0]].version == small_server.household(good[0])[1]
        assert any(n["kind"] == "refused" for n in detail.notes)
    finally:
        session.close()


def test_a_failed_and_a_cancelled_sync_are_logged_too(profile, small_server):
    session = login(profile, small_server.url)
    try:
        cancel = threading.Event()
        cancel.set()
        with pytest.raises(Cancelled):
            run_sync(session, cancel=cancel)
        session.api.cancel.clear()
        small_server.stop()
        session.api.retries = 1
        with pytest.raises(ServerUnreachable):
            run_sync(session, phases=("pull",))
        failed, cancelled = log.entries(session.store.db)[:2]
        assert (cancelled.kind, cancelled.outcome) == ("sync", "cancelled")
        assert (failed.kind, failed.outcome) == ("pull", "failed")
        assert failed.error and failed.received == 0
    finally:
        session.close()


def test_a_bundle_export_is_logged_with_what_it_carries(profile, small_server, tmp_path):
    session = login(profile, small_server.url)
    try:
        run_sync(session, phases=("pull",))
        ids = [h.household_id for h in session.store.list_households(limit=2)]
        edit_many(session.store, ids)
        result = export_bundle(session, tmp_path / "enum1.vvb")
        latest = log.entries(session.store.db)[0]
        assert (latest.kind, latest.outcome) == ("bundle_export", "ok")
        assert latest.households_sent == result.households == 2
        assert latest.bytes_sent == result.size
    finally:
        session.close()
