"""PAPI keying in the store (capi_app.papi): households by id or pre-list number, the papi
block saved with the verification and pushed, batch counters, and migration 4 on old rows."""

from __future__ import annotations

import json
import os
from datetime import datetime, timedelta

import pytest
from store_samples import make_household

from capi_app.forms import load
from capi_app.papi import DEPENDENT, FIRST_ENTRY, Batch, FirstEntry, HouseholdNotFound, PapiKeying
from capi_app.store import Store, migrations
from capi_app.store.db import connect, write

FORM = load("verivali_dtks")


def test_a_household_is_found_by_its_id_or_its_pre_list_number(pulled):
    keying = PapiKeying(pulled, FORM, Batch("B-1", FIRST_ENTRY, "clerk1"))
    assert keying.find_household("7") == "3204122002000007"
    assert keying.find_household("000012") == "3204122002000012"
    assert keying.find_household("3204122002000003") == "3204122002000003"
    for bad in ("99", "x1", "", "3204122002999999"):
        with pytest.raises(HouseholdNotFound):
            keying.find_household(bad)


def test_dependent_verification_offers_only_the_sampled_households(pulled):
    first = FirstEntry("3204122002000004", "0004", "clerk1", {"rt": "001"}, {})
    keying = PapiKeying(pulled, FORM, Batch("B-1", DEPENDENT, "clerk2"), [first])
    assert keying.find_household("4") == "3204122002000004"
    with pytest.raises(HouseholdNotFound):
        keying.find_household("5")
    assert keying.first_value("3204122002000004", "rt") == "001"


def test_a_second_entry_starts_from_the_pre_list_the_first_started_from(pulled):
    hid = "3204122002000002"
    before = {"values": {"alamat": "Jl. Lama 1", "rt": "009"},
              "members": [{"member_id": f"{hid}01", "status": "active", "values": {"nama": "Asep"}}]}  # fmt: skip
    keying = PapiKeying(pulled, FORM, Batch("B-1", DEPENDENT, "clerk2"),
                        [FirstEntry(hid, "2", "clerk1", {}, before)])  # fmt: skip
    start = keying.start(hid)
    assert (start["alamat"], start["rt"]) == ("Jl. Lama 1", "009")
    assert [m["nama"] for m in start["members"]] == ["Asep"]


def test_the_batch_counts_per_batch_and_per_hour():
    batch = Batch("B-1", FIRST_ENTRY, "clerk1")
    now = datetime.now().astimezone()
    batch.saved = [now - timedelta(minutes=90), now - timedelta(minutes=30), now]
    assert (batch.count(), batch.last_hour(now)) == (3, 2)
    papi = batch.papi("0012")
    assert (papi.batch, papi.questionnaire_no, papi.entry, papi.keyed_by, papi.verify) == (
        "B-1", "0012", 1, "clerk1", None)  # fmt: skip
    assert Batch("B-2", DEPENDENT, "clerk2").papi("1").entry == 2


def test_store_migration_4_keeps_verifications_saved_before_it(tmp_path):
    key = os.urandom(32)
    db = connect(tmp_path / "verivali.db", key)
    for step in migrations.MIGRATIONS[:3]:
        with write(db):
            step(db)
    db.execute("PRAGMA user_version = 3")
    h = make_household(1)
    with write(db):  # a household as the app of schema 3 stored it
        db.execute(
            "INSERT INTO households (household_id, version, server_values, kode_wilayah) "
            "VALUES (?, 1, ?, ?)",
            [h.household_id, json.dumps(h.values), h.values["kode_wilayah"]],
        )
    assert "papi" not in {c[1] for c in db.execute("PRAGMA table_info(verifications)")}
    db.execute(
        "INSERT INTO verifications (household_id, status, answers, updated_at) "
        "VALUES ('3204122002000001', 'draft', '{\"rt\": \"001\"}', 'x')"
    )
    store = Store.attach(db, tmp_path)
    assert migrations.migrate(db) == len(migrations.MIGRATIONS)
    v = store.household("3204122002000001").verification
    assert v.answers == {"rt": "001"} and v.papi is None
