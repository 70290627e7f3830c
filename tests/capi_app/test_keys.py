"""capi_app.store.keys: password wrap, growing delay, password change, district recovery."""

from __future__ import annotations

import base64
import io
import json

import pytest

from capi_app.store import keys, recover


def test_create_then_unlock_returns_the_same_random_key(tmp_path):
    path = tmp_path / "store.key"
    key = keys.create_keyfile(path, "rahasia")
    assert len(key) == 32
    assert keys.unlock(path, "rahasia") == key
    assert keys.create_keyfile(tmp_path / "other.key", "rahasia") != key


def test_key_file_holds_no_key_in_clear_and_strong_scrypt(tmp_path):
    path = tmp_path / "store.key"
    key = keys.create_keyfile(path, "rahasia")
    raw = path.read_bytes()
    for form in (key, key.hex().encode(), base64.b64encode(key)):
        assert form not in raw
    data = json.loads(raw)
    kdf = data["password"]["kdf"]
    assert kdf["name"] == "scrypt" and kdf["n"] >= 2**15 and kdf["r"] == 8 and kdf["p"] == 1
    assert len(base64.b64decode(kdf["salt"])) == 16


def test_refuses_to_overwrite_an_existing_key_file(tmp_path):
    path = tmp_path / "store.key"
    keys.create_keyfile(path, "rahasia")
    with pytest.raises(keys.KeyFileError, match="already exists"):
        keys.create_keyfile(path, "lain")


def test_wrong_password_is_a_clear_error_and_changes_nothing(tmp_path):
    path = tmp_path / "store.key"
    key = keys.create_keyfile(path, "rahasia")
    before = path.read_bytes()
    with pytest.raises(keys.WrongPassword, match="wrong password"):
        keys.unlock(path, "salah", sleep=lambda s: None)
    assert path.read_bytes() == before
    assert keys.failed_attempts(path) == 1
    assert keys.unlock(path, "rahasia") == key
    assert keys.failed_attempts(path) == 0


def test_delay_grows_after_repeated_failures_and_is_capped():
    assert [keys.delay_for(n) for n in range(10)] == [0, 0, 0, 2, 4, 8, 16, 32, 60, 60]


def test_unlock_waits_the_growing_delay_before_trying(tmp_path):
    path = tmp_path / "store.key"
    keys.create_keyfile(path, "rahasia")
    now = [1000.0]
    slept: list[float] = []
    for _ in range(5):
        with pytest.raises(keys.WrongPassword):
            keys.unlock(path, "salah", sleep=slept.append, clock=lambda: now[0])
    # 0, 0, 0 then 2 and 4 seconds (no time passed between tries)
    assert slept == [2.0, 4.0]
    now[0] += 100  # time already waited counts
    keys.unlock(path, "rahasia", sleep=slept.append, clock=lambda: now[0])
    assert slept == [2.0, 4.0]


def test_change_password_rewraps_the_same_key(tmp_path):
    path = tmp_path / "store.key"
    key = keys.create_keyfile(path, "lama")
    keys.change_password(path, "lama", "baru")
    assert keys.unlock(path, "baru") == key
    with pytest.raises(keys.WrongPassword):
        keys.unlock(path, "lama", sleep=lambda s: None)


def test_change_password_with_wrong_old_password_changes_nothing(tmp_path):
    path = tmp_path / "store.key"
    keys.create_keyfile(path, "lama")
    before = path.read_bytes()
    with pytest.raises(keys.WrongPassword):
        keys.change_password(path, "salah", "baru", sleep=lambda s: None)
    assert path.read_bytes() == before


def test_district_key_recovers_the_database_key(tmp_path):
    private_pem, public_pem = keys.generate_district_keypair()
    path = tmp_path / "store.key"
    key = keys.create_keyfile(path, "lupa", district_public_key=keys.load_public_key(public_pem))
    assert keys.recover(path, keys.load_private_key(private_pem)) == key


def test_another_district_key_cannot_recover(tmp_path):
    _, public_pem = keys.generate_district_keypair()
    other_private, _ = keys.generate_district_keypair()
    path = tmp_path / "store.key"
    keys.create_keyfile(path, "lupa", district_public_key=keys.load_public_key(public_pem))
    with pytest.raises(keys.WrongDistrictKey, match="does not open"):
        keys.recover(path, keys.load_private_key(other_private))


def test_recovery_needs_a_recovery_wrap(tmp_path):
    private_pem, _ = keys.generate_district_keypair()
    path = tmp_path / "store.key"
    keys.create_keyfile(path, "lupa")
    with pytest.raises(keys.NoRecoveryWrap):
        keys.recover(path, keys.load_private_key(private_pem))


def test_add_recovery_later_to_an_unlocked_key(tmp_path):
    private_pem, public_pem = keys.generate_district_keypair()
    path = tmp_path / "store.key"
    key = keys.create_keyfile(path, "rahasia")
    keys.add_recovery(path, key, keys.load_public_key(public_pem))
    assert keys.recover(path, keys.load_private_key(private_pem)) == key
    assert keys.unlock(path, "rahasia") == key


def test_recover_command_sets_a_new_password(tmp_path, monkeypatch, capsys):
    prefix = str(tmp_path / "district-3204")
    assert recover.main(["--generate-keypair", prefix]) == 0
    assert "district key id" in capsys.readouterr().out
    public = keys.load_public_key((tmp_path / "district-3204.pub").read_bytes())
    assert (tmp_path / "district-3204.key").stat().st_mode & 0o077 == 0
    path = tmp_path / "store.key"
    key = keys.create_keyfile(path, "terlupa", district_public_key=public)
    monkeypatch.setattr("sys.stdin", io.StringIO("sandi-baru\n"))
    rc = recover.main(
        ["--keyfile", str(path), "--private-key", prefix + ".key", "--new-password-stdin"]
    )
    assert rc == 0
    assert keys.unlock(path, "sandi-baru") == key
    assert (
        keys.recover(path, keys.load_private_key((tmp_path / "district-3204.key").read_bytes()))
        == key
    )


def test_recover_command_with_the_wrong_district_key_fails_cleanly(tmp_path, monkeypatch, capsys):
    _, public_pem = keys.generate_district_keypair()
    recover.main(["--generate-keypair", str(tmp_path / "other")])
    path = tmp_path / "store.key"
    keys.create_keyfile(path, "terlupa", district_public_key=keys.load_public_key(public_pem))
    before = path.read_bytes()
    monkeypatch.setattr("sys.stdin", io.StringIO("sandi-baru\n"))
    rc = recover.main(
        [
            "--keyfile",
            str(path),
            "--private-key",
            str(tmp_path / "other.key"),
            "--new-password-stdin",
        ]
    )
    assert rc == 1
    assert "recovery failed" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_not_a_key_file_is_a_clear_error(tmp_path):
    path = tmp_path / "store.key"
    path.write_text("{}")
    with pytest.raises(keys.KeyFileError, match="not a Verivali key file"):
        keys.unlock(path, "x")
    with pytest.raises(keys.KeyFileError, match="no key file"):
        keys.unlock(tmp_path / "missing.key", "x")
