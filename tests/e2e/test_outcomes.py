"""What the client does with each reply: conflict goes to review, a refusal keeps the edits."""

from __future__ import annotations

from datetime import datetime, timedelta

from e2e_helpers import WIB, answers, login

from capi_app.profile import Profile
from capi_app.sync.session import run_sync


def _finalize(store, hid, user):
    started = datetime(2026, 11, 3, 10, 0, tzinfo=WIB)
    store.save_verification(
        hid, answers(store.household(hid).values), "finalized", user, result="2",
        started_at=started, finished_at=started + timedelta(minutes=5),
    )  # fmt: skip


def test_two_enumerators_same_field_conflict_keeps_both_values(tmp_path, small_server):
    one = login(Profile(tmp_path / "one"), small_server.url, "enum1")
    two = login(Profile(tmp_path / "two"), small_server.url, "enum2")
    for s in (one, two):
        run_sync(s, phases=("pull",))
    hid = one.store.list_households(limit=1)[0].household_id
    for s, alamat in ((one, "Jl. Satu 1"), (two, "Jl. Dua 2")):
        s.store.set_field(hid, "alamat", alamat, s.username)
        _finalize(s.store, hid, s.username)
    assert run_sync(one).outcomes["applied"] == 1

    second = run_sync(two)

    assert second.outcomes["conflict"] == 1
    assert any("conflict on alamat" in m for m in second.messages)
    assert two.store.household_state(hid) == "in_review"
    assert small_server.household(hid)[0]["alamat"] == "Jl. Satu 1"  # never overwritten
    ((client,),) = small_server.query(
        "SELECT client FROM conflicts WHERE household_id = ? AND field = 'alamat'", (hid,)
    )
    assert client == '"Jl. Dua 2"'  # nothing the client sent is dropped
    for s in (one, two):
        s.close()


def test_refused_changeset_keeps_the_edits_with_the_servers_message(profile, small_server):
    session = login(profile, small_server.url)
    run_sync(session, phases=("pull",))
    bad, good = [h.household_id for h in session.store.list_households(limit=2)]
    session.store.set_field(bad, "rt", "2", "enum1")  # rt is three digits, e.g. "002"
    session.store.set_field(good, "alamat", "Jl. Baik 1", "enum1")
    for hid in (bad, good):
        _finalize(session.store, hid, "enum1")

    refused = run_sync(session)

    assert refused.failed_changesets == 1 and not refused.ok
    assert any(f"household {bad}" in m and "rt" in m for m in refused.messages)
    refused_id = session.store.db.execute(
        "SELECT changeset_id FROM changesets WHERE state = 'failed'"
    ).fetchone()[0]
    assert small_server.audit_count(refused_id) == 0  # nothing of that change-set was written
    view = session.store.household(bad)
    assert view.pending["rt"].value == "2" and "rt" in (view.message or "")

    # The change-set was refused whole; the good household went out again in the same sync.
    assert refused.outcomes["applied"] == 1
    assert small_server.household(good)[0]["alamat"] == "Jl. Baik 1"
    assert session.store.household_state(bad) == "finalized"
    session.store.set_field(bad, "rt", "002", "enum1")
    _finalize(session.store, bad, "enum1")  # the form's answers carry rt as well
    fixed = run_sync(session)

    assert fixed.ok and fixed.households_pushed == 1, fixed.messages
    assert small_server.household(bad)[0]["rt"] == "002"
    assert small_server.household(good)[0]["alamat"] == "Jl. Baik 1"
    session.close()
