"""The sync log in the encrypted store: every sync kept, newest first, with its households."""

from __future__ import annotations

import os

import pytest
from store_samples import PASSWORD

from capi_app.store import Store, migrations
from capi_app.store import sync_log as log
from capi_app.store.sync_log import HouseholdOutcome, SyncLogEntry

HID = "3204122002000001"


def entry(n: int, **kw) -> SyncLogEntry:
    values = dict(
        kind="sync",
        started_at=f"2026-11-0{n}T09:00:00+07:00",
        finished_at=f"2026-11-0{n}T09:00:05+07:00",
        username="enum1",
        outcome="ok",
    )
    values.update(kw)
    return SyncLogEntry(**values)


def test_every_sync_is_kept_newest_first(store):
    ids = [log.record(store.db, entry(n, received=n)) for n in range(1, 4)]
    kept = log.entries(store.db)
    assert [e.id for e in kept] == ids[::-1]
    assert [e.received for e in kept] == [3, 2, 1]
    assert log.count(store.db) == 3
    assert [e.id for e in log.entries(store.db, limit=1, offset=1)] == [ids[1]]


def test_households_notes_and_errors_come_back_as_written(store):
    outcomes = (
        HouseholdOutcome(HID, "conflict", 4, ("alamat", "rt"), "", "cs-1"),
        HouseholdOutcome(
            "3204122002000002", "refused", None, ("nik",), "bad", "cs-2", "validation"
        ),
    )
    note = {"kind": "conflict", "household_id": HID, "fields": ["alamat", "rt"]}
    sid = log.record(
        store.db,
        entry(1, outcome="problems", households_sent=2, notes=(note,), households=outcomes),
    )
    failed = log.record(
        store.db, entry(2, outcome="failed", error="no network", error_code="unreachable")
    )
    got = log.entry(store.db, sid)
    assert got.households == outcomes
    assert got.notes == (note,)
    assert got.outcome == "problems" and got.households_sent == 2
    assert log.entry(store.db, failed).error == "no network"
    assert log.entry(store.db, failed).households == ()
    assert log.entry(store.db, 999) is None
    assert [(sid_, o.outcome) for sid_, _, o in log.of_household(store.db, HID)] == [
        (sid, "conflict")
    ]


def test_a_household_answered_twice_in_one_sync_keeps_the_last_answer(store):
    sid = log.record(
        store.db,
        entry(
            1,
            households=(
                HouseholdOutcome(HID, "refused", message="bad"),
                HouseholdOutcome(HID, "applied", 5),
            ),
        ),
    )
    assert log.entry(store.db, sid).households == (HouseholdOutcome(HID, "applied", 5),)


def test_unknown_kind_or_outcome_is_refused():
    with pytest.raises(ValueError, match="kind"):
        entry(1, kind="upload")
    with pytest.raises(ValueError, match="outcome"):
        entry(1, outcome="fine")


def test_the_log_survives_a_reopen_and_is_encrypted(tmp_path):
    profile = tmp_path / "p"
    store = Store.create(profile, PASSWORD)
    log.record(store.db, entry(1, error="Jl. Rahasia 7 refused"))
    store.close()
    raw = b"".join(p.read_bytes() for p in profile.rglob("*") if p.is_file())
    assert b"Rahasia" not in raw
    again = Store.unlock(profile, PASSWORD)
    try:
        assert [e.error for e in log.entries(again.db)] == ["Jl. Rahasia 7 refused"]
    finally:
        again.close()


def test_an_older_store_gains_an_empty_log(tmp_path, monkeypatch):
    key = os.urandom(32)
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:-1])
    Store.open(tmp_path, key).close()
    monkeypatch.undo()
    again = Store.open(tmp_path, key)
    try:
        assert again.schema_version() == len(migrations.MIGRATIONS)
        assert log.entries(again.db) == []
    finally:
        again.close()
