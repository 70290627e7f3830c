"""Log out and Switch user from Settings, on real windows and a real demo server: the window
closes, the session is locked, the login comes back (empty user for a switch), and the next
user's window opens on their own store; one with unsaved work keeps the session."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from capi_app import account, demo
from capi_app.profile import Profile
from capi_app.sync.session import run_sync
from capi_app.ui import account_switch, i18n
from capi_app.ui.app import show_main
from capi_app.ui.login import LoginDialog
from capi_app.ui.main_window import MainWindow
from capi_app.ui.settings_dialog import SettingsDialog


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    s = demo.start_demo_server(tmp_path_factory.mktemp("demo"), log=lambda *_: None)
    yield s
    s.stop()


def later(ms: int, fn) -> None:
    QTimer.singleShot(ms, fn)


def main_window() -> MainWindow:
    (window,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)
                 and w.isVisible()]  # fmt: skip
    return window


def test_switch_user_from_settings_opens_the_next_users_own_store(qtbot, server, tmp_path):
    i18n.set_language("id")
    profile = Profile(tmp_path / "profile")
    enum1 = account.login_online(profile, server.url, "enum1", demo.DEMO_PASSWORD)
    run_sync(enum1, phases=("pull",))
    hid = enum1.store.list_households(limit=1)[0].household_id
    enum1.store.set_field(hid, "alamat", "Jl. Punya Enum1 1", "enum1")  # waits to be sent
    asked, seen = [], {}

    def switch_in_settings():
        window = main_window()
        seen["first"] = window.session.username
        settings = window.open_settings()
        assert isinstance(settings, SettingsDialog)
        assert settings.switch_button.text() == "Ganti pengguna"
        settings.switch_button.click()

    def login(p, *, switch_user):
        asked.append(switch_user)
        dialog = LoginDialog(p, switch_user=switch_user)
        seen["user field"] = dialog.user.text()
        dialog.deleteLater()
        later(300, lambda: main_window().close())  # enum2 quits normally
        return account.login_online(p, server.url, "enum2", demo.DEMO_PASSWORD)

    later(300, switch_in_settings)
    assert show_main(QApplication.instance(), enum1, login=login) == 0
    assert seen == {"first": "enum1", "user field": ""}
    assert asked == [True]
    assert enum1.store.db.conn is None or not enum1.api.token  # enum1's session was locked
    enum2 = account.unlock_offline(profile, demo.DEMO_PASSWORD, "enum2")
    try:
        assert enum2.store.profile_dir != enum1.store.profile_dir
        # enum1's work is not in enum2's store
        assert enum2.store.db.execute("SELECT count(*) FROM pending_fields").fetchone()[0] == 0
    finally:
        enum2.close()
    again = account.unlock_offline(profile, demo.DEMO_PASSWORD, "enum1")
    try:
        assert again.store.household(hid).pending["alamat"].value == "Jl. Punya Enum1 1"
    finally:
        again.close()


def test_log_out_shows_the_login_for_the_same_user_and_closing_it_quits(qtbot, server, tmp_path):
    profile = Profile(tmp_path / "profile")
    session = account.login_online(profile, server.url, "enum1", demo.DEMO_PASSWORD)
    asked = []

    def login(p, *, switch_user):
        asked.append(switch_user)
        return None  # the user closed the login window

    later(300, lambda: main_window().open_settings().log_out_button.click())
    assert show_main(QApplication.instance(), session, login=login) == 0
    assert asked == [False]
    assert LoginDialog(profile).user.text() == "enum1"


class Stubborn(QDialog):
    keep = True

    def closeEvent(self, event):  # noqa: N802 (Qt's name)
        event.setAccepted(not self.keep)


def test_a_window_that_keeps_unsaved_work_stops_the_switch(qtbot, server, tmp_path):
    profile = Profile(tmp_path / "profile")
    session = account.login_online(profile, server.url, "enum1", demo.DEMO_PASSWORD)
    try:
        main = MainWindow(session)
        qtbot.addWidget(main)
        main.show()
        stubborn = Stubborn(main)  # as a household window with unsaved edits
        stubborn.show()
        assert not account_switch.request(account_switch.SWITCH_USER)
        assert main.isVisible() and stubborn.isVisible() and account_switch.take() is None
        stubborn.keep = False
        stubborn.close()
    finally:
        session.close()


def test_every_demo_user_the_client_names_logs_in_with_that_role(server):
    from capi_app.sync.client import ApiClient

    for name, role, _ in demo.DEMO_USERS:
        reply = ApiClient(server.url).login(name, demo.DEMO_PASSWORD, str(uuid.uuid4()))
        assert reply["role"] == role, name
    lines = demo.user_commands()
    assert lines[4].split()[:4] == ["bash", "scripts/demo.sh", "--user", "reviewer1"]
    with pytest.raises(demo.DemoError, match="reviewer1"):
        demo.check_user("reviewer9")
