"""Log out and switch user: close every window of the session, then the app shows the login.

A window asks with ``request(LOG_OUT)`` or ``request(SWITCH_USER)`` (Settings offers both). Every
open window is asked to close first, so one with unsaved work can say so and stay; at the
first that stays, the request stops and the session goes on. Otherwise the windows close, the application's event loop ends as
with the last window closed, and ``ui/app.py`` takes the request (``take``), locks the
session and shows the login window again: for the same user (log out) or with the user name
empty (switch user). Each user's data lives in a store of its own (``Profile.store_dir``), so
the next user never sees, nor sends, the last one's.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QMenu, QToolButton, QWidget

LOG_OUT = "log_out"
SWITCH_USER = "switch_user"
_PROPERTY = "verivali.account_request"


def _open_windows() -> list[QWidget]:
    app = QApplication.instance()
    return [w for w in app.topLevelWidgets() if w.isVisible() and w.isWindow()]


def request(kind: str) -> bool:
    """Close the session's windows for a log out or switch of user; False when a window
    stayed open (unsaved work): the session goes on."""
    if kind not in (LOG_OUT, SWITCH_USER):
        raise ValueError(f"account request {kind!r}")
    windows = _open_windows()
    # Dialogs and other windows before the main windows they belong to.
    windows.sort(key=lambda w: w.parent() is None)
    for window in windows:
        window.close()
        if window.isVisible():
            return False
    QApplication.instance().setProperty(_PROPERTY, kind)
    return True


def take() -> str | None:
    """The pending request (once), or None when the windows closed for another reason."""
    app = QApplication.instance()
    kind = app.property(_PROPERTY)
    app.setProperty(_PROPERTY, None)
    return kind or None


class AccountButton(QToolButton):
    """The user's name with a menu: Settings…, Log out, Switch user (for windows whose
    toolbar has no Settings of its own: review, submissions, PAPI entry)."""

    def __init__(self, session, parent=None):
        super().__init__(parent, popupMode=QToolButton.ToolButtonPopupMode.InstantPopup)
        self.session = session
        self.setObjectName("account")
        menu = QMenu(self)
        self.settings_action = menu.addAction("", self.open_settings)
        menu.addSeparator()
        self.log_out_action = menu.addAction("", lambda: request(LOG_OUT))
        self.switch_action = menu.addAction("", lambda: request(SWITCH_USER))
        self.setMenu(menu)
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setText(self.tr("Account: {0}").format(self.session.username))
        self.settings_action.setText(self.tr("Settings…"))
        self.log_out_action.setText(self.tr("Log out"))
        self.switch_action.setText(self.tr("Switch user"))
        self.setToolTip(self.tr("Logged in as {0}").format(self.session.username))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def open_settings(self):
        """The settings dialog of the session, over the window."""
        from capi_app.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.session.profile, self.window(), self.session)
        dialog.open()
        return dialog
