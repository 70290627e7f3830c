"""capi_app.store.db and migrations: a real SQLCipher file, its key, its schema version."""

from __future__ import annotations

import os

import pytest
from store_samples import PASSWORD, make_household

from capi_app.store import Store, WrongKey, WrongPassword, db, migrations


def test_migrations_apply_on_a_fresh_database(tmp_path):
    store = Store.open(tmp_path, os.urandom(32))
    assert store.schema_version() == len(migrations.MIGRATIONS)
    tables = set(store.db.table_names())
    assert {"households", "members", "pending_fields", "verifications", "photos"} <= tables
    assert {"changesets", "assignments", "audit", "review_notes", "media_keys"} <= tables


def test_migrate_twice_changes_nothing(tmp_path):
    key = os.urandom(32)
    store = Store.open(tmp_path, key)
    store.upsert_pulled([make_household(1)])
    schema = store.db.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    assert migrations.migrate(store.db) == len(migrations.MIGRATIONS)
    store.close()
    again = Store.open(tmp_path, key)
    assert again.db.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall() == schema
    assert again.household("3204122002000001").version == 1


def test_a_database_from_a_newer_app_is_refused(tmp_path):
    store = Store.open(tmp_path, os.urandom(32))
    store.db.execute(f"PRAGMA user_version = {len(migrations.MIGRATIONS) + 1}")
    with pytest.raises(migrations.SchemaTooNew, match="update the app"):
        migrations.migrate(store.db)


def test_durability_pragmas(tmp_path):
    store = Store.open(tmp_path, os.urandom(32))
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert store.integrity_check() == "ok"


def test_the_file_is_encrypted_from_its_first_byte(tmp_path):
    Store.open(tmp_path, os.urandom(32)).close()
    assert not (tmp_path / "store.db").read_bytes().startswith(b"SQLite format 3")


def test_wrong_key_fails_cleanly_and_leaves_the_database_intact(tmp_path):
    key = os.urandom(32)
    store = Store.open(tmp_path, key)
    store.upsert_pulled([make_household(1)])
    store.close()
    before = (tmp_path / "store.db").read_bytes()
    with pytest.raises(WrongKey, match="does not open"):
        db.connect(tmp_path / "store.db", os.urandom(32))
    assert (tmp_path / "store.db").read_bytes() == before
    reopened = Store.open(tmp_path, key)
    assert reopened.integrity_check() == "ok"
    assert reopened.household("3204122002000001").values["alamat"] == "Jl. Mawar 1"


def test_wrong_password_fails_cleanly_and_the_right_one_still_opens(tmp_path):
    profile = tmp_path / "profile"
    store = Store.create(profile, PASSWORD)
    store.upsert_pulled([make_household(1)])
    store.close()
    files = {p.name: p.read_bytes() for p in profile.iterdir()}
    with pytest.raises(WrongPassword):
        Store.unlock(profile, "bukan-ini", sleep=lambda s: None)
    for name in ("store.db", "store.key"):
        assert (profile / name).read_bytes() == files[name]
    with Store.unlock(profile, PASSWORD) as again:
        assert again.integrity_check() == "ok"
        assert again.household_state("3204122002000001") == "not_visited"


def test_password_change_keeps_the_data(tmp_path):
    from capi_app.store import keys

    profile = tmp_path / "profile"
    store = Store.create(profile, PASSWORD)
    store.upsert_pulled([make_household(1)])
    store.set_field("3204122002000001", "alamat", "Jl. Melati 9", user="siti")
    store.close()
    keys.change_password(profile / "store.key", PASSWORD, "sandi-baru-2026")
    with Store.unlock(profile, "sandi-baru-2026") as again:
        assert again.household("3204122002000001").values["alamat"] == "Jl. Melati 9"


def test_district_recovery_opens_the_store(tmp_path):
    from capi_app.store import keys, recover

    private_pem, public_pem = keys.generate_district_keypair()
    (tmp_path / "d.key").write_bytes(private_pem)
    profile = tmp_path / "profile"
    store = Store.create(profile, PASSWORD, district_public_key=keys.load_public_key(public_pem))
    store.upsert_pulled([make_household(1)])
    store.close()
    recover.reset_password(profile / "store.key", tmp_path / "d.key", "sandi-dari-admin")
    with Store.unlock(profile, "sandi-dari-admin") as again:
        assert again.household("3204122002000001").version == 1


def test_a_second_process_on_the_profile_waits_for_the_writer(tmp_path):
    import threading
    import time

    key = os.urandom(32)
    first = Store.open(tmp_path, key)
    first.upsert_pulled([make_household(1)])
    second = Store.open(tmp_path, key)
    done = []
    with db.write(first.db):
        first.db.execute("UPDATE households SET updated_at = 'x'")
        worker = threading.Thread(
            target=lambda: done.append(second.set_field("3204122002000001", "rt", "009", "siti"))
        )
        worker.start()
        time.sleep(0.3)
        assert not done  # blocked on the write lock, not failed
    worker.join(10)
    assert done == [True]
    assert first.household("3204122002000001").values["rt"] == "009"
