"""Logging in online and offline against a real server: passwords, tokens, owners."""

from __future__ import annotations

import pytest
from e2e_helpers import edit_many, login
from server_process import PASSWORD

from capi_app.account import (
    PasswordOutOfDate,
    login_online,
    logout,
    unlock_offline,
)
from capi_app.store import WrongPassword
from capi_app.sync.errors import LoginFailed, ServerUnreachable, SessionExpired
from capi_app.sync.session import run_sync
from dtks.error_codes import ErrorCode


def test_wrong_password_online_sets_nothing_up(profile, small_server):
    with pytest.raises(LoginFailed) as refused:
        login_online(profile, small_server.url, "enum1", "salah-sandi")
    assert refused.value.code is ErrorCode.UNAUTHENTICATED
    assert not profile.is_set_up()
    with pytest.raises(ServerUnreachable):
        login_online(profile, "http://127.0.0.1:9", "enum1", PASSWORD)
    assert not profile.is_set_up()


def test_offline_unlock_reuses_the_saved_token(profile, small_server):
    login(profile, small_server.url).close()
    session = unlock_offline(profile, PASSWORD)
    try:
        assert not session.online and session.can_sync()
        assert session.role == "enumerator" and session.scopes == ["32.04.12.2002"]
        assert run_sync(session).completed
    finally:
        session.close()


def test_token_is_kept_only_inside_the_encrypted_store(profile, small_server):
    session = login(profile, small_server.url)
    token = session.api.token.encode()
    session.close()
    for path in profile.dir.rglob("*"):
        if path.is_file():
            assert token not in path.read_bytes(), path.name


def test_wrong_password_offline_is_a_clear_error_and_never_a_wipe(profile, small_server):
    session = login(profile, small_server.url)
    run_sync(session, phases=("pull",))
    edit_many(session.store, [session.store.list_households(limit=1)[0].household_id])
    session.close()
    for _ in range(2):
        with pytest.raises(WrongPassword, match="wrong password for enum1"):
            unlock_offline(profile, "salah")
    session = unlock_offline(profile, PASSWORD)
    try:
        assert session.store.counts_by_state()["finalized"] == 1
    finally:
        session.close()


def test_password_changed_on_the_server_moves_the_data_to_the_new_one(profile, small_server):
    session = login(profile, small_server.url)
    run_sync(session, phases=("pull",))
    session.close()
    small_server.set_password("enum1", "sandi-baru-2026")
    with pytest.raises(PasswordOutOfDate, match="previous password"):
        login_online(profile, small_server.url, "enum1", "sandi-baru-2026")
    with pytest.raises(WrongPassword):
        login_online(profile, small_server.url, "enum1", "sandi-baru-2026", old_password="salah")
    session = login_online(
        profile, small_server.url, "enum1", "sandi-baru-2026", old_password=PASSWORD
    )
    session.close()
    session = unlock_offline(profile, "sandi-baru-2026")
    try:
        assert sum(session.store.counts_by_state().values()) > 50
        assert run_sync(session).completed
    finally:
        session.close()
    with pytest.raises(WrongPassword):
        unlock_offline(profile, PASSWORD)


def test_revoked_token_asks_for_an_online_login(profile, small_server):
    login(profile, small_server.url).close()
    small_server.set_password("enum1", "sandi-baru-2026")  # revokes every token of enum1
    session = unlock_offline(profile, PASSWORD)
    try:
        with pytest.raises(SessionExpired) as expired:
            run_sync(session)
        assert expired.value.code is ErrorCode.UNAUTHENTICATED
    finally:
        session.close()


def test_each_user_of_a_profile_has_a_store_of_their_own(profile, small_server):
    login(profile, small_server.url).close()
    second = login_online(profile, small_server.url, "enum2", PASSWORD)
    try:
        assert second.store.profile_dir == profile.dir / "users" / "enum2"
        assert second.username == "enum2"
    finally:
        second.close()
    assert profile.users() == ["enum1", "enum2"] and profile.settings.owner == "enum1"
    with pytest.raises(WrongPassword, match="wrong password for enum1"):
        unlock_offline(profile, "salah", "enum1")
    for user in ("enum1", "enum2"):
        session = unlock_offline(profile, PASSWORD, user)
        try:
            assert session.username == user and profile.settings.username == user
        finally:
            session.close()


def test_logout_forget_revokes_and_removes_the_token(profile, small_server):
    session = login(profile, small_server.url)
    logout(session, forget=True)
    session = unlock_offline(profile, PASSWORD)
    try:
        assert not session.can_sync()
        with pytest.raises(SessionExpired, match="log in online"):
            run_sync(session)
    finally:
        session.close()
    assert small_server.query("SELECT count(*) FROM tokens WHERE revoked_at IS NULL")[0][0] == 0


def test_the_login_window_asks_the_previous_password_in_indonesian(qtbot, profile, small_server):
    """After an admin reset the password, the window asks once for the previous one (the data
    on the laptop is locked with it) and says every step in Bahasa Indonesia."""
    from PySide6.QtCore import Qt

    from capi_app.account import NotSetUp
    from capi_app.ui import i18n
    from capi_app.ui.login import LoginDialog

    login(profile, small_server.url).close()
    small_server.set_password("enum1", "sandi-baru-2026")
    i18n.set_language("id")
    try:
        dialog = LoginDialog(profile)
        qtbot.addWidget(dialog)
        dialog.server.setText(small_server.url)
        dialog.user.setText("enum1")
        assert not dialog.asks_old_password()

        def submit(expect: str):
            qtbot.mouseClick(dialog.button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: expect in dialog.error.text(), timeout=30000)

        dialog.password.setText("sandi-baru-2026")
        submit("masih terkunci dengan kata sandi lama")
        assert dialog.asks_old_password() and dialog.old_password_label.text() == "Kata sandi lama"
        submit("Masukkan kata sandi lama")  # empty: nothing sent
        dialog.old_password.setText("salah")
        submit("Kata sandi lama juga salah")
        dialog.old_password.setText(PASSWORD)
        with qtbot.waitSignal(dialog.logged_in, timeout=30000) as signal:
            qtbot.mouseClick(dialog.button, Qt.MouseButton.LeftButton)
        signal.args[0].close()
        unlock_offline(profile, "sandi-baru-2026").close()  # the data moved to the new one
        # No data for a user yet (offline): said in Indonesian too.
        other = LoginDialog(profile)
        qtbot.addWidget(other)
        other.user.setText("enum2")
        other._failed(NotSetUp("no data for enum2"))
        assert other.error.text() == (
            "Laptop ini belum memiliki data untuk enum2: login pertama memerlukan server."
        )
    finally:
        i18n.set_language("en")
