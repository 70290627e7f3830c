"""Cut connections at every step of a sync: nothing is lost, nothing is applied twice."""

from __future__ import annotations

import pytest
from e2e_helpers import Expected, edit, edit_many, login

from capi_app.sync.errors import ChangesetReused, ServerUnreachable
from capi_app.sync.pull import pull
from capi_app.sync.push import build_outbox
from capi_app.sync.session import run_sync
from capi_app.sync.summary import SyncSummary

PUSH = b"POST /api/v1/changesets"
PHOTO = b"PUT /api/v1/photos/"
PAGE = b"/households?since="


@pytest.fixture
def field(profile, small_server, proxy):
    """A session through the proxy that pulled the desa and finalized 12 households."""
    session = login(profile, proxy.url)
    run_sync(session, phases=("pull",))
    ids = sorted(h.household_id for h in session.store.list_households(limit=100))[:12]
    edit_many(session.store, ids)
    yield session, ids
    session.close()


def changesets_on_server(server) -> int:
    return server.query("SELECT count(*) FROM changesets")[0][0]


def test_cut_mid_upload_then_next_push_applies_each_changeset_once(field, small_server, proxy):
    session, ids = field
    session.api.retries = 0
    proxy.cut(PUSH, "request", after=400)  # headers and the start of the gzip body
    with pytest.raises(ServerUnreachable) as cut:
        run_sync(session, phases=("photos", "push"))
    assert cut.value.summary.pending_changesets == 1
    assert changesets_on_server(small_server) == 0 and small_server.audit_count() == 0
    (item,) = session.store.pending_changesets()

    again = run_sync(session, phases=("photos", "push"))

    assert again.ok and again.households_pushed == len(ids)
    assert small_server.query("SELECT changeset_id FROM changesets") == [(item.changeset_id,)]
    assert small_server.audit_count() == small_server.audit_count(item.changeset_id) > 0
    assert {session.store.household_state(h) for h in ids} == {"synced"}


def test_reply_lost_after_commit_resend_gets_the_stored_reply(field, small_server, proxy):
    session, ids = field
    session.api.retries = 0
    proxy.cut(PUSH, "reply")
    with pytest.raises(ServerUnreachable):
        run_sync(session, phases=("photos", "push"))
    # The server applied it; the client does not know and keeps it pending, same id and bytes.
    applied = small_server.audit_count()
    assert changesets_on_server(small_server) == 1 and applied > 0
    (item,) = session.store.pending_changesets()

    again = run_sync(session, phases=("push",))

    assert again.ok and again.outcomes["applied"] == len(ids)
    assert small_server.audit_count() == applied
    assert changesets_on_server(small_server) == 1
    assert session.store.pending_changesets() == []
    versions = {small_server.household(h)[1] for h in ids}
    assert versions == {2}  # one change-set, one new version each: not applied twice
    assert session.store.household(ids[0]).version == 2


def test_lost_reply_is_retried_within_the_same_sync(field, small_server, proxy):
    session, ids = field
    proxy.cut(PUSH, "reply", times=2)  # the client's own retries ride it out
    summary = run_sync(session)
    assert summary.ok and summary.households_pushed == len(ids)
    assert changesets_on_server(small_server) == 1
    (cs,) = small_server.query("SELECT changeset_id FROM changesets")[0]
    assert small_server.audit_count() == small_server.audit_count(cs)


def test_same_changeset_twice_is_applied_once(field, small_server):
    session, ids = field
    session.api.base_url = small_server.url  # straight to the server
    run_sync(session, phases=("photos",))  # the change-set names photos: upload them first
    build_outbox(session.store, session.store.assignments(), session.device_id, "CAPI")
    (item,) = session.store.pending_changesets()
    first = session.api.push(item.payload)
    audit = small_server.audit_count()
    second = session.api.push(item.payload)
    assert second == first
    assert small_server.audit_count() == audit
    assert changesets_on_server(small_server) == 1
    # The same id with other content is refused, never merged.
    other = item.payload.replace(b"Jl. Verivali No. 1", b"Jl. Verivali No. 99")
    with pytest.raises(ChangesetReused):
        session.api.push(other)
    assert small_server.audit_count() == audit


def test_cut_photo_upload_then_next_sync_uploads_and_pushes(field, small_server, proxy):
    session, ids = field
    session.api.retries = 0
    proxy.cut(PHOTO, "request", after=2000)
    with pytest.raises(ServerUnreachable):
        run_sync(session, phases=("photos", "push"))
    assert small_server.query("SELECT count(*) FROM photos")[0][0] == 0
    assert len(session.store.photos_to_upload()) == 2
    summary = run_sync(session, phases=("photos", "push"))
    assert summary.ok and summary.photos_uploaded == 2
    assert small_server.query("SELECT count(*) FROM photos")[0][0] == 2


def test_cut_pull_resumes_at_the_first_page_not_stored(profile, small_server, proxy):
    session = login(profile, proxy.url)
    session.api.retries = 0
    proxy.cut(PAGE, "reply", skip=2)  # pages 1 and 2 arrive, page 3 is cut
    first = SyncSummary()
    with pytest.raises(ServerUnreachable):
        pull(session.store, session.api, first, page_size=10)
    assert first.pulled == 20
    second = SyncSummary()
    pull(session.store, session.api, second, page_size=10)
    in_desa = small_server.reaching_desa()
    assert first.pulled + second.pulled == in_desa
    assert sum(session.store.counts_by_state().values()) == in_desa
    session.close()


def test_server_out_of_reach_keeps_the_work_and_the_next_sync_sends_it(field, small_server, proxy):
    session, ids = field
    session.api.retries = 1
    proxy.go_down()
    with pytest.raises(ServerUnreachable, match="cannot reach the server"):
        run_sync(session)
    assert {session.store.household_state(h) for h in ids} <= {"finalized", "pending_sync"}
    proxy.come_back()
    summary = run_sync(session)
    assert summary.ok and summary.households_pushed == len(ids)


def test_reply_cut_midway_is_retried_within_the_same_sync(field, small_server, proxy):
    session, ids = field
    # The head and 20 bytes of the body arrive, then the link drops: IncompleteRead.
    cut = proxy.cut(PUSH, "reply_body", after=20, times=2)
    summary = run_sync(session)
    assert cut.done == 2  # two replies were cut; the third try got the stored reply
    assert summary.ok and summary.households_pushed == len(ids)
    assert summary.outcomes["applied"] == len(ids)
    (cs,) = small_server.query("SELECT changeset_id FROM changesets")[0]
    assert changesets_on_server(small_server) == 1
    assert small_server.audit_count() == small_server.audit_count(cs) > 0
    assert {small_server.household(h)[1] for h in ids} == {2}  # applied once
    assert session.store.pending_changesets() == []


def test_reply_cut_every_time_gives_up_with_a_clear_message_and_keeps_the_work(
    field, small_server, proxy
):
    session, ids = field
    session.api.retries = 2
    proxy.cut(PUSH, "reply_body", after=20, times=100)
    with pytest.raises(ServerUnreachable, match="reply .* broke off.* 3 tries") as gave_up:
        run_sync(session)
    assert gave_up.value.summary.pending_changesets == 1
    assert changesets_on_server(small_server) == 1  # applied once, whatever the client heard
    proxy.cuts.clear()
    again = run_sync(session, phases=("push",))
    assert again.ok and again.outcomes["applied"] == len(ids)
    assert {small_server.household(h)[1] for h in ids} == {2}


# (what, how, after bytes, how many times in a row): once is ridden out by the client's own
# retries; 6 times outlasts them (4 retries), so the sync fails and the next one recovers.
CUT_LOOP = [
    (PUSH, "request", 0, 1),
    (PUSH, "request", 300, 1),
    (PHOTO, "request", 500, 1),  # rounds 2, 5 and 10 carry a photo (edit(): every 10th)
    (PUSH, "request", 900, 6),
    (PUSH, "reply", 0, 1),
    (PHOTO, "request", 5000, 6),
    (PUSH, "reply", 0, 6),
    (PUSH, "reply", 40, 1),
    (PUSH, "reply_body", 0, 1),
    (PUSH, "reply_body", 20, 6),
    (PHOTO, "reply", 0, 1),
    (PUSH, "reply_body", 60, 2),
]
PER_ROUND = 4


def test_cuts_in_a_loop_lose_nothing_and_apply_nothing_twice(profile, small_server, proxy):
    session = login(profile, proxy.url)
    run_sync(session, phases=("pull",))
    ids = sorted(h.household_id for h in session.store.list_households(limit=100))
    expected, cuts, failed_syncs = Expected(), 0, 0
    for n, (marker, kind, after, times) in enumerate(CUT_LOOP):
        round_ids = ids[n * PER_ROUND : (n + 1) * PER_ROUND]
        for k, hid in enumerate(round_ids):
            edit(session.store, hid, n * PER_ROUND + k, expected)
        cut = proxy.cut(marker, kind, after=after, times=times)
        try:
            run_sync(session, phases=("photos", "push"))
        except ServerUnreachable:
            failed_syncs += 1
            summary = run_sync(session, phases=("photos", "push"))  # the link is back
            assert summary.ok, summary.messages
        cuts += cut.done
        assert cut.done == times, (marker, kind, after)  # every armed cut happened
        assert session.store.pending_changesets() == []
        for hid in round_ids:
            assert session.store.household_state(hid) == "synced"
    edited = ids[: len(CUT_LOOP) * PER_ROUND]
    assert {small_server.household(h)[1] for h in edited} == {2}  # one new version each
    for hid in edited:
        assert small_server.household(hid)[0]["alamat"] == expected.alamat[hid]  # none lost
        applied_by = small_server.query(
            "SELECT DISTINCT changeset_id FROM audit WHERE household_id = ?", (hid,)
        )
        assert len(applied_by) == 1
    photos = small_server.query("SELECT sha256 FROM photos")
    assert sorted(p for (p,) in photos) == sorted(expected.photos.values())
    print(f"{cuts} cuts over {len(CUT_LOOP)} syncs, {failed_syncs} syncs gave up and recovered")
