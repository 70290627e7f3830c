"""A save made from a stale copy of a household is refused: the store keeps the newer work.

Real SQLCipher stores in tmp_path; the second "window" is a second visit read earlier.
"""

from __future__ import annotations

import dataclasses
import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from store_samples import ASSIGNMENT, PASSWORD
from test_visit import sample_households

from capi_app.media import import_photo, read_and_process, store_photo
from capi_app.store import StaleSave, Store, migrations
from capi_app.store.db import write
from capi_app.visit import save_visit, start_visit
from dtks.forms import load_form
from dtks.model import Gps

SAMPLE = sample_households(2)
HID = SAMPLE[0].household_id
OTHER = SAMPLE[1].household_id
PHOTOS = Path(__file__).parent / "photos"
WIB = timezone(timedelta(hours=7))
FINALIZED = {"tanggal_kunjungan": "2026-11-02", "status_rt": 2, "hasil": 2, "alasan": 2}


@pytest.fixture(scope="module")
def form():
    return load_form("forms/verivali-dtks.xlsx")


@pytest.fixture
def pulled(tmp_path):
    """A store holding two clean sample households, as pulled from the server."""
    s = Store.create(tmp_path / "profile", PASSWORD)
    s.save_assignments([ASSIGNMENT])
    s.upsert_pulled(SAMPLE, ASSIGNMENT.id)
    yield s
    s.close()


def pulled_again(**values) -> list:
    """The first household as a later pull brings it: version 2 with other values."""
    first = SAMPLE[0]
    return [dataclasses.replace(first, version=2, values={**first.values, **values})]


def finalize_elsewhere(store: Store, revision: int) -> int:
    """What the first window does: a new address, a photo and a finalized verification."""
    photo = store_photo(store, HID, read_and_process(PHOTOS / "Canon_40D.jpg"), "enum2",
                        revision=revision)  # fmt: skip
    store.set_field(HID, "alamat", "Jl. Baru 41", "enum2")
    started = datetime(2026, 11, 2, 9, 0, tzinfo=WIB)
    store.save_verification(
        HID, {**FINALIZED, "foto_rumah": photo.sha256}, "finalized", "enum2", result="2",
        gps=Gps(lat=-6.98765, lon=107.62912, accuracy_m=8, source="device"), started_at=started,
    )  # fmt: skip
    return store.revision(HID)


def test_every_saved_change_moves_the_revision_on(pulled):
    before = pulled.revision(HID)
    pulled.set_field(HID, "alamat", "Jl. Melati 2", "enum1")
    after_edit = pulled.revision(HID)
    pulled.save_verification(HID, {"status_rt": 1}, "draft", "enum1")
    after_save = pulled.revision(HID)
    pulled.upsert_pulled(pulled_again(rw="009"), ASSIGNMENT.id)
    after_pull = pulled.revision(HID)
    assert before < after_edit < after_save < after_pull
    assert pulled.household(HID).revision == after_pull


def test_a_draft_saved_from_a_stale_window_is_refused_and_the_finalized_work_stays(pulled, form):
    stale = start_visit(pulled, form, HID)
    fresh = start_visit(pulled, form, HID)
    finalize_elsewhere(pulled, fresh.revision)
    answers = dict(stale.answers)
    with pytest.raises(StaleSave, match=f"household {HID}: saved again") as refused:
        save_visit(pulled, form, HID, answers, "enum1", revision=stale.revision)
    assert refused.value.expected == stale.revision
    assert refused.value.current == pulled.revision(HID)
    hv = pulled.household(HID)
    assert hv.state == "finalized"
    assert hv.values["alamat"] == "Jl. Baru 41"
    assert hv.verification.status == "finalized"
    assert hv.verification.answers["hasil"] == 2 and hv.verification.answers["foto_rumah"]


def test_a_finalize_from_a_stale_window_is_refused_before_its_problems_are_listed(pulled, form):
    stale = start_visit(pulled, form, HID)
    finalize_elsewhere(pulled, pulled.revision(HID))
    with pytest.raises(StaleSave):
        save_visit(pulled, form, HID, dict(stale.answers), "enum1", finalize=True,
                   revision=stale.revision)  # fmt: skip
    assert pulled.household(HID).verification.status == "finalized"


def test_a_save_from_the_current_revision_passes_and_hands_back_the_next(pulled, form):
    visit = start_visit(pulled, form, HID)
    answers = {**visit.answers, "alamat": "Jl. Kenanga 7"}
    first = save_visit(pulled, form, HID, answers, "enum1", revision=visit.revision)
    second = save_visit(pulled, form, HID, answers, "enum1", revision=first.revision)
    assert first.revision > visit.revision and second.revision >= first.revision
    assert pulled.household(HID).values["alamat"] == "Jl. Kenanga 7"


def test_a_refused_save_writes_nothing_at_all(pulled, form):
    stale = start_visit(pulled, form, HID)
    finalize_elsewhere(pulled, pulled.revision(HID))
    audit_before = len(pulled.audit(HID))
    answers = {**stale.answers, "alamat": "Jl. Lama", "rt": "011"}
    with pytest.raises(StaleSave):
        save_visit(pulled, form, HID, answers, "enum1", revision=stale.revision)
    assert len(pulled.audit(HID)) == audit_before
    assert pulled.household(HID).values["rt"] != "011"


def test_a_photo_from_a_stale_window_is_not_indexed(pulled, form):
    stale = start_visit(pulled, form, HID)
    finalize_elsewhere(pulled, pulled.revision(HID))
    kept = [p.sha256 for p in pulled.photos(HID)]
    with pytest.raises(StaleSave):
        store_photo(pulled, HID, read_and_process(PHOTOS / "DSCN0010.jpg"), "enum1",
                    revision=stale.revision)  # fmt: skip
    assert [p.sha256 for p in pulled.photos(HID)] == kept


def test_a_pull_after_the_window_opened_makes_its_save_stale(pulled, form):
    visit = start_visit(pulled, form, HID)
    pulled.upsert_pulled(pulled_again(alamat="Jl. Server 3"), ASSIGNMENT.id)
    with pytest.raises(StaleSave):
        save_visit(pulled, form, HID, dict(visit.answers), "enum1", revision=visit.revision)
    assert pulled.household(HID).pending == {}


def test_only_photos_of_finalized_visits_are_uploaded(pulled):
    draft = import_photo(pulled, OTHER, PHOTOS / "DSCN0012.jpg", "enum1")
    pulled.save_verification(OTHER, {"status_rt": 1}, "draft", "enum1")
    finalize_elsewhere(pulled, pulled.revision(HID))
    waiting = {p.sha256 for p in pulled.photos_to_upload()}
    assert waiting == {p.sha256 for p in pulled.photos(HID)}
    assert draft.sha256 not in waiting


def test_the_revision_migration_keeps_an_older_store_and_its_rows(tmp_path, monkeypatch):
    key = os.urandom(32)
    # A store at schema 1 with rows in it, as an installed older app left it: the app of
    # then knew only the first migration.
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:1])
    old = Store.open(tmp_path, key)
    with write(old.db):
        old.db.execute(
            "INSERT INTO households (household_id, server_values, alamat, dirty, state) "
            """VALUES ('3204122002000001', '{"alamat": "Jl. Mawar 1"}', 'Jl. Mawar 1', 1, 'draft')"""
        )
        old.db.execute(
            "INSERT INTO pending_fields (household_id, field, base, value, updated_at) "
            """VALUES ('3204122002000001', 'alamat', '"Jl. Mawar 1"', '"Jl. Draf 1"', 'x')"""
        )
    old.close()
    monkeypatch.undo()
    again = Store.open(tmp_path, key)
    assert again.schema_version() == len(migrations.MIGRATIONS)
    hv = again.household("3204122002000001")
    assert hv.values["alamat"] == "Jl. Draf 1" and hv.revision == 0
    again.set_field("3204122002000001", "alamat", "Jl. Draf 2", "enum1")
    assert again.revision("3204122002000001") == 1
    again.close()
