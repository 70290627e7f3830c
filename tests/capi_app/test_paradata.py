"""Paradata on the client: recorded by a visit, kept encrypted with each save, sent with the
verification; the same image on a second household is linked to it."""

import json
import os
from datetime import datetime, timedelta, timezone

import pytest
from PIL import Image
from store_samples import ASSIGNMENT, make_household
from test_visit import sample_households

from capi_app.media import import_photo
from capi_app.store import Store, migrations
from capi_app.store import db as dbmod
from capi_app.store.db import write
from capi_app.visit import Visit, save_visit, start_visit
from dtks import integrity
from dtks.forms import load_form
from dtks.model import ChangeSet, Gps

WIB = timezone(timedelta(hours=7))


def _photo(tmp_path, name="rumah.jpg", seed=3):
    image = Image.effect_noise((640, 480), 60 + seed).convert("RGB")
    path = tmp_path / name
    image.save(path, "JPEG")
    return path


@pytest.fixture
def sampled(store):
    """The store with clean sample households the verivali form accepts."""
    store.upsert_pulled(sample_households(2), ASSIGNMENT.id)
    return store


def test_a_visit_records_and_keeps_its_paradata_across_saves(sampled, tmp_path):
    pulled = sampled
    form = load_form("forms/verivali-dtks.xlsx")
    hid = pulled.list_households()[0].household_id
    visit = start_visit(pulled, form, hid)
    t0 = visit.paradata.t0
    visit.record_section("lokasi", t0 + timedelta(seconds=5))
    visit.record_answer("alamat", t0 + timedelta(seconds=20))
    visit.record_gps(Gps(-6.98765, 107.62912, 8, "device"), t0 + timedelta(seconds=30))
    record = import_photo(pulled, hid, _photo(tmp_path), "enum1")
    visit.record_photo(record, t0 + timedelta(seconds=40))
    result = save_visit(
        pulled, form, hid, visit.answers, "enum1", revision=None, paradata=visit.paradata
    )
    saved = pulled.paradata(hid)
    assert saved == result.paradata
    assert [e.kind for e in saved.events] == ["o", "s", "a", "g", "p"]
    photo = saved.kinds(integrity.PHOTO)[0]
    assert (photo.sha256, photo.dhash, photo.ahash) == (record.sha256, record.dhash, record.ahash)
    again = start_visit(pulled, form, hid)  # reopened later: the same paradata goes on
    assert again.paradata.events[:5] == saved.events
    assert again.paradata.events[-1].kind == integrity.OPENED
    # The database is SQLCipher: the paradata is not in the file in clear.
    pulled.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = (pulled.profile_dir / dbmod.DB_NAME).read_bytes()
    assert b"lokasi" not in raw and integrity.encode(saved)[:20] not in raw


def test_the_verification_in_the_outbox_carries_its_paradata(pulled):
    hid = pulled.list_households()[0].household_id
    started = datetime(2026, 11, 2, 9, 0, tzinfo=WIB)
    visit = Visit(hid, {}, pulled.household(hid), started)
    visit.record_answer("alamat", started + timedelta(seconds=60))
    pulled.save_verification(
        hid, {"hasil": 1}, "finalized", "enum1", started_at=started,
        finished_at=started + timedelta(minutes=20), paradata=visit.paradata,
    )  # fmt: skip
    _, payload = pulled.build_changeset(
        pulled.device_id(), ASSIGNMENT.form_id, ASSIGNMENT.form_version
    )
    sent = ChangeSet.from_json(json.loads(payload))
    assert sent.households[0].verification.paradata == visit.paradata
    assert json.loads(payload)["households"][0]["verification"]["paradata"]["e"][1] == [
        60,
        "a",
        "alamat",
    ]


def test_a_finalize_adds_its_event(sampled):
    pulled = sampled
    form = load_form("forms/verivali-dtks.xlsx")
    hid = pulled.list_households()[0].household_id
    visit = start_visit(pulled, form, hid)
    result = save_visit(
        pulled, form, hid, {}, "enum1", revision=None, finalize=True, paradata=visit.paradata
    )
    assert result.problems  # an empty form does not finalize: nothing saved, no event
    assert pulled.paradata(hid) is None
    values = pulled.household(hid).values
    not_found = {
        "tanggal_kunjungan": "2026-11-02", "kode_wilayah": values["kode_wilayah"],
        "alamat": values["alamat"], "rt": values["rt"], "rw": values["rw"],
        "gps": "-6.98765 107.62912 700 8", "status_rt": 2, "hasil": 2, "alasan": 2,
    }  # fmt: skip
    result = save_visit(
        pulled, form, hid, not_found, "enum1", revision=None, finalize=True,
        paradata=visit.paradata,
    )  # fmt: skip
    assert result.finalized, result.problems
    assert [e.kind for e in pulled.paradata(hid).events] == ["o", "f"]


def test_the_same_image_on_a_second_household_is_linked_to_it(pulled, tmp_path):
    first, second = [h.household_id for h in pulled.list_households()[:2]]
    path = _photo(tmp_path)
    a = import_photo(pulled, first, path, "enum1")
    b = import_photo(pulled, second, path, "enum1")
    assert a.sha256 == b.sha256
    assert pulled.household(second).photos == [a.sha256]
    assert pulled.household(first).photos == [a.sha256]
    assert pulled.photo_households(a.sha256) == [first, second]
    assert [p.household_id for p in pulled.photos(second)] == [second]
    assert len(pulled.photos()) == 1  # one file, one upload
    for hid in (first, second):
        pulled.save_verification(hid, {"hasil": 1}, "finalized", "enum1")
    assert [p.sha256 for p in pulled.photos_to_upload()] == [a.sha256]


def test_a_resized_copy_gets_close_perceptual_hashes_at_capture(pulled, tmp_path):
    hid = pulled.list_households()[0].household_id
    original = _photo(tmp_path)
    smaller = tmp_path / "kecil.jpg"
    Image.open(original).resize((320, 240)).save(smaller, "JPEG", quality=60)
    a = import_photo(pulled, hid, original, "enum1")
    b = import_photo(pulled, hid, smaller, "enum1")
    assert a.sha256 != b.sha256
    facts = [integrity.PhotoFacts(r.sha256, r.dhash, r.ahash) for r in (a, b)]
    assert integrity.same_picture(*facts) == "perceptual"


def test_the_migration_links_the_photos_an_older_store_holds(tmp_path, monkeypatch):
    key = os.urandom(32)
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:4])
    old = Store.open(tmp_path, key)
    h = make_household(1)
    hid = h.household_id
    with write(old.db):  # a household and a photo as the app of schema 4 stored them
        old.db.execute(
            "INSERT INTO households (household_id, version, server_values, kode_wilayah) "
            "VALUES (?, 1, ?, ?)",
            [hid, json.dumps(h.values), h.values["kode_wilayah"]],
        )
        old.db.execute(
            "INSERT INTO photos (sha256, household_id, path, created_at) VALUES (?, ?, 'p', 'now')",
            ["ab" * 32, hid],
        )
    old.close()
    monkeypatch.undo()
    again = Store.open(tmp_path, key)
    assert again.schema_version() == len(migrations.MIGRATIONS)
    assert again.household(hid).photos == ["ab" * 32]
    assert again.paradata(hid) is None
