"""Open every top-level window of the client on the screen Qt gives and report how it fits.

Run by test_window_geometry.py in a process of its own, with the offscreen platform's screen
set to a laptop's size (``QT_QPA_PLATFORM=offscreen:configfile=...``)::

    python window_probe.py URL WORKDIR HOUSEHOLD_ID REVIEW_HOUSEHOLD_ID LANG > report.json

For each window (and each of its tabs) it prints the window's geometry, the screen's available
geometry, the buttons that are not fully in view and the labels squeezed below their text.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QRect, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QScrollArea,
    QTabWidget,
    QWidget,
)

from capi_app import account, demo
from capi_app.profile import Profile
from capi_app.sync.summary import SyncSummary
from capi_app.ui.app import make_app

LONG_ERROR = (
    "Household 3204122002000001 cannot be approved yet: 2 conflicts are still open (alamat, "
    "pekerjaan of member 320412200200000102). Resolve them first, then approve; or return the "
    "household to the enumerator with a note saying what to check. This is the last line."
)


def settle(app: QApplication, ms: int = 150) -> None:
    """Let Qt lay out, paint and deliver workers' results."""
    QTimer.singleShot(ms, app.quit)
    app.exec()


def wait_for(app: QApplication, done: Callable[[], bool], seconds: float = 20) -> None:
    """Run the event loop until done() holds (a worker's result arrived)."""
    for _ in range(int(seconds * 10)):
        if done():
            return
        settle(app, 100)
    raise SystemExit("timed out waiting for a window to load")


def in_scroll_area(widget: QWidget, window: QWidget) -> bool:
    """Whether the widget sits in scrollable content (it may be scrolled out of view)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def shown_rect(widget: QWidget, window: QWidget) -> QRect:
    """The part of the widget inside every ancestor up to the window, in window coordinates."""
    top_left = widget.mapTo(window, widget.rect().topLeft())
    rect = QRect(top_left, widget.size())
    parent = widget.parentWidget()
    while parent is not None:
        origin = parent.mapTo(window, parent.rect().topLeft()) if parent is not window else None
        clip = QRect(origin, parent.size()) if origin is not None else window.rect()
        rect = rect.intersected(clip)
        if parent is window:
            break
        parent = parent.parentWidget()
    return rect


def fixed_widgets(window: QWidget, kind: type) -> Iterator[QWidget]:
    """Visible widgets of a kind outside scrollable content."""
    for widget in window.findChildren(kind):
        if widget.isVisibleTo(window) and widget.window() is window:
            if not in_scroll_area(widget, window):
                yield widget


def label_squeezed(label: QLabel) -> bool:
    """Whether the label is smaller than its text needs (a wrapped line or a word cut off)."""
    if not label.text():
        return False
    if label.wordWrap():
        return label.height() + 1 < label.heightForWidth(label.width())
    return label.width() + 1 < label.sizeHint().width()


def report(app: QApplication, window: QWidget, name: str) -> dict:
    """How the window sits on its screen."""
    window.show()
    settle(app)
    g, frame = window.geometry(), window.frameGeometry()
    area = window.screen().availableGeometry()
    clipped = [
        b.text() or b.objectName() or type(b).__name__
        for b in fixed_widgets(window, QAbstractButton)
        if shown_rect(b, window).size() != b.size()
    ]
    squeezed = [
        label.text()[:80] for label in fixed_widgets(window, QLabel) if label_squeezed(label)
    ]
    hint = window.minimumSizeHint()
    return {
        "name": name,
        "class": type(window).__name__,
        "geometry": [g.x(), g.y(), g.width(), g.height()],
        "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
        "available": [area.x(), area.y(), area.width(), area.height()],
        "minimum": [hint.width(), hint.height()],
        "clipped_buttons": clipped,
        "squeezed_labels": squeezed,
    }


def with_tabs(app: QApplication, window: QWidget, name: str) -> list[dict]:
    """The window's report, once per tab of its tab widget (a tab may need more room)."""
    tabs = window.findChild(QTabWidget)
    if tabs is None:
        return [report(app, window, name)]
    out = []
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        out.append(report(app, window, f"{name} tab {i}"))
    return out


def probe(url: str, workdir: Path, household_id: str, review_id: str, lang: str) -> list[dict]:
    """Every window of the client, opened on real data, and its report."""
    from capi_app.ui.household_view import HouseholdDialog
    from capi_app.ui.login import LoginDialog
    from capi_app.ui.main_window import MainWindow
    from capi_app.ui.new_household import NewHouseholdDialog
    from capi_app.ui.review_household import ReviewHouseholdDialog
    from capi_app.ui.review_window import ReviewWindow
    from capi_app.ui.settings_dialog import SettingsDialog
    from capi_app.ui.sync_dialog import SyncDialog

    app = make_app(lang)
    out: list[dict] = []
    enum_profile = Profile(workdir / "enumerator")
    enum_profile.settings.language = lang
    enumerator = account.unlock_offline(enum_profile, demo.DEMO_PASSWORD)
    reviewer_profile = Profile(workdir / "reviewer")
    reviewer_profile.settings.language = lang
    reviewer = account.login_online(reviewer_profile, url, "reviewer1", demo.DEMO_PASSWORD)

    login = LoginDialog(enum_profile)
    login._fail("The server cannot be reached. You can work offline with the data on this laptop.")
    out.append(report(app, login, "login"))
    settings = SettingsDialog(enum_profile)
    out.append(report(app, settings, "settings"))

    main = MainWindow(enumerator)
    out.append(report(app, main, "main"))
    household = HouseholdDialog(enumerator, household_id, main)
    household.finalize()  # every problem shown, the first named in the status line
    out += with_tabs(app, household, "household")
    household.close()
    new = NewHouseholdDialog(enumerator, main)
    new.create()  # every field empty: every message shows
    out.append(report(app, new, "new household"))
    sync = SyncDialog(enumerator, main)
    summary = SyncSummary(messages=[LONG_ERROR] * 10)
    sync._done(summary)
    out.append(report(app, sync, "sync"))

    queue = ReviewWindow(reviewer)
    wait_for(app, lambda: queue.model.rowCount() > 0)
    out.append(report(app, queue, "review queue"))
    review = ReviewHouseholdDialog(reviewer, review_id, queue)
    wait_for(app, lambda: review.detail is not None)
    review._say(LONG_ERROR, error=True)
    out += with_tabs(app, review, "review household")
    review.close()

    exports = queue.exports
    exports._show_progress(exports.tr("Downloading the results…"))
    out.append(report(app, exports.progress, "export progress"))
    exports._close_progress(None)
    exports._tell_saved(str(workdir / "ekspor" / "verivali-2026-11-3204122002-hasil.xlsx"))
    out.append(report(app, exports.last_message, "export saved"))
    exports.last_message.accept()

    from capi_app.ui.submissions_window import SubmissionsWindow
    from dtks import review as rule

    if not reviewer.api.submissions()["submissions"]:  # the probe runs once per screen size
        reviewer.api.review_decide(household_id, rule.APPROVE)
        rnd = reviewer.api.review_queue(state=rule.APPROVED)["households"][0]["round"]
        reviewer.api.create_submission(rnd)
    submissions = SubmissionsWindow(reviewer)
    wait_for(app, lambda: submissions.detail is not None and not submissions.jobs)
    submissions.status.setText(LONG_ERROR)
    out += with_tabs(app, submissions, "submissions")
    return out


if __name__ == "__main__":
    url, workdir, household_id, review_id, lang = sys.argv[1:6]
    print(json.dumps(probe(url, Path(workdir), household_id, review_id, lang)))
