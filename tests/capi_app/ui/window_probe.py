"""Open every top-level window of the client on the screen Qt gives and report how it fits.

Run by test_window_geometry.py in a process of its own, with the offscreen platform's screen
set to a laptop's size (``QT_QPA_PLATFORM=offscreen:configfile=...``)::

    python window_probe.py URL WORKDIR HOUSEHOLD_ID REVIEW_HOUSEHOLD_ID LANG > report.json

For each window (and each of its tabs) it prints the window's geometry, the screen's available
geometry, the buttons that are not fully in view and the labels squeezed below their text.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QRect, QTimer
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTabBar,
    QTabWidget,
    QWidget,
)

from capi_app import account, demo
from capi_app.profile import Profile
from capi_app.sync.errors import Rejected
from capi_app.sync.summary import SyncNote, SyncSummary
from capi_app.ui.app import make_app
from dtks.error_codes import ErrorCode

LONG_ERROR = (
    "Rumah tangga 3204122002000001 belum dapat disetujui: masih ada 2 konflik terbuka (alamat, "
    "pekerjaan anggota 320412200200000102). Selesaikan dulu, lalu setujui; atau kembalikan ke "
    "petugas dengan catatan tentang apa yang harus dicek. Ini baris terakhir."
)
"""Many households' outcomes in the sync dialog (the sync's own words are desk-ops' to word)."""


def every_note(household_id: str) -> SyncSummary:
    """A sync that met every kind of note and every refusal code, as push.py records them."""
    summary = SyncSummary()
    summary.note(SyncNote("conflict", household_id, fields=("alamat", "status_rt")))
    summary.note(SyncNote("rejected", household_id, detail="household x rejected"))
    summary.note(SyncNote("reused", detail="409", changeset_id="c-1"))
    summary.note(SyncNote("forbidden", detail="role enumerator may not"))
    summary.note(SyncNote("photo_unreadable", household_id, detail="bad file", photo="ab12"))
    fields = {ErrorCode.VALIDATION: "verification.answers.status_rt"}
    for code in ErrorCode:
        summary.note(
            SyncNote(
                "refused", household_id, code=code, field=fields.get(code),
                detail=f"household {household_id}: refused", changeset_id="c-2",
            )
        )  # fmt: skip
    return summary


def sync_log_window(session, household_id: str, parent):
    """The sync log after a sync that met a conflict and a refusal and one that failed."""
    from capi_app.store import sync_log
    from capi_app.store.sync_log import HouseholdOutcome, SyncLogEntry
    from capi_app.ui.sync_log_window import SyncLogWindow

    at = "2026-11-03T09:00:00+07:00"
    for outcome, kind, households, error in (
        (
            "problems", "sync", (
                HouseholdOutcome(household_id, "conflict", 5, ("alamat", "status_rt")),
                HouseholdOutcome(household_id[:-1] + "9", "refused", None, ("rt",), "x", None,
                                 "validation"),
            ), "",
        ),
        ("failed", "bundle_import", (), "ServerUnreachable"),
    ):  # fmt: skip
        sync_log.record(
            session.store.db,
            SyncLogEntry(kind, at, at, session.username, outcome, households=households,
                         error="x" if error else "", error_kind=error or None),
        )  # fmt: skip
    window = SyncLogWindow(session, parent)
    window.table.selectRow(1)
    window.household_table.selectRow(1)
    return window


def long_text() -> str:
    """A long message in the window's language, to see that it shows whole."""
    from PySide6.QtCore import QCoreApplication

    line = QCoreApplication.translate(
        "ReviewHouseholdDialog", "Choose a value for at least one conflict first."
    )
    return " ".join([line] * 5)


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


def plain(text: str) -> str:
    """A widget's text without rich-text markup and keyboard-accelerator ampersands."""
    if "<" in text and ">" in text:
        text = QTextDocumentFragment.fromHtml(text).toPlainText()
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def shown_texts(window: QWidget) -> list[str]:
    """Every text a user can read in the window: title, labels, buttons, tabs, placeholders,
    list and table headers and cells (the first rows), combo boxes."""
    out = [window.windowTitle()]
    for w in window.findChildren(QWidget):
        if not w.isVisibleTo(window) or w.window() is not window:
            continue
        if isinstance(w, QLabel | QAbstractButton):
            out.append(w.text())
            out.append(w.toolTip())
        elif isinstance(w, QLineEdit):
            out += [w.placeholderText(), w.toolTip()]
        elif isinstance(w, QTabBar):
            out += [w.tabText(i) for i in range(w.count())]
        elif isinstance(w, QComboBox):
            out += [w.itemText(i) for i in range(min(w.count(), 30))]
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            out += _model_texts(w.model())
    return [t for t in (plain(x) for x in out if x) if t]


def _model_texts(model, rows: int = 40) -> list[str]:
    """Header titles and the first rows' cells of a list or table."""
    from PySide6.QtCore import QModelIndex, Qt

    out = []
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:  # a list widget's model keeps it private: one column
        columns = 1
    for c in range(columns):
        out.append(str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
        for r in range(min(model.rowCount(QModelIndex()), rows)):
            out.append(str(model.data(model.index(r, c)) or ""))
    return out


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
        "texts": sorted(set(shown_texts(window))),
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


MOVED_TO = "3205011001"
"""Desa Kota Kulon, Kab. Garut: where the moves window's sample move goes."""


def data_words(store, scopes: list[str]) -> list[str]:
    """Words of the data the windows show (names, addresses, places, user names, the files a
    file dialog lists): the same in every language, so never a missing translation."""
    from capi_app.review import wilayah_choices
    from capi_app.ui.file_dialogs import pictures_folder
    from dtks import wilayah

    words = {"enum1", "enum2", "reviewer1", *Path.home().parts}
    folder = Path(pictures_folder())
    words |= {*folder.parts, *(p.name for p in folder.iterdir())}
    for _code, name, _depth in wilayah_choices(scopes):
        words |= set(name.split())
    for summary in store.list_households(limit=100000):
        view = store.household(summary.household_id)
        texts = [str(v) for v in view.values.values()]
        texts += [str(v) for m in view.members for v in m.values.values()]
        code = str(view.values.get("kode_wilayah") or "")
        texts += [wilayah.lookup(code[:n]) or "" for n in (2, 4, 6, 10)]
        for text in texts:
            words |= set(text.replace(",", " ").replace(".", " ").split())
    for n in (2, 4, 6, 10):
        words |= set((wilayah.lookup(MOVED_TO[:n]) or "").split())
    return sorted(words)


def probe(url: str, workdir: Path, household_id: str, review_id: str, lang: str) -> dict:
    """Every window of the client, opened on real data, and its report."""
    from capi_app.ui import file_dialogs
    from capi_app.ui.household_view import HouseholdDialog
    from capi_app.ui.login import LoginDialog
    from capi_app.ui.main_window import MainWindow
    from capi_app.ui.new_household import NewHouseholdDialog
    from capi_app.ui.papi.entry_window import PapiEntryWindow
    from capi_app.ui.papi.supervisor_window import PapiSupervisorWindow
    from capi_app.ui.papi.verify_guard import Pending
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
    login._fail(
        login.tr("The server cannot be reached.")
        + " "
        + login.tr("You can work offline with the data on this laptop.")
    )
    out.append(report(app, login, "login"))
    settings = SettingsDialog(enum_profile)
    out.append(report(app, settings, "settings"))

    main = MainWindow(enumerator)
    out.append(report(app, main, "main"))
    # The server refused the household's last push: the banner says why.
    enumerator.store.db.execute(
        "UPDATE households SET sync_message = ?, sync_code = ?, sync_field = ? "
        "WHERE household_id = ?",
        [f"household {household_id}, field rt: too long", "validation", "rt", household_id],
    )
    household = HouseholdDialog(enumerator, household_id, main)
    answers = household.form_view.answers(keep_hidden=True)
    moved_to = enumerator.store.list_households(limit=3)[2].alamat  # an address of the desa
    answers.update(status_rt="1", alamat=moved_to, tanggal_kunjungan="2026-11-02")
    household.form_view.set_answers(answers)
    household.save_draft()  # the history tab gets a draft with answers and an edited address
    household.finalize()  # every problem shown, the first named in the status line
    out += with_tabs(app, household, "household")
    photo_dialog = file_dialogs.make_dialog(
        household,
        household.tr("Choose the house photo"),
        file_dialogs.pictures_folder(),
        household.tr("Photos (*.jpg *.jpeg *.png)"),
    )
    out.append(report(app, photo_dialog, "photo file dialog"))
    photo_dialog.reject()
    household.close()
    new = NewHouseholdDialog(enumerator, main)
    new.create()  # every field empty: every message shows
    out.append(report(app, new, "new household"))
    sync = SyncDialog(enumerator, main)
    sync._done(every_note(household_id))
    out.append(report(app, sync, "sync"))
    from capi_app.ui.bundle_dialogs import ExportBundleDialog, ImportReplyDialog

    bundle = workdir / f"probe-{lang}-{app.primaryScreen().size().width()}.vvb"
    export = ExportBundleDialog(enumerator, bundle, main)
    export.start()
    wait_for(app, lambda: export.close_button.isEnabled())
    out.append(report(app, export, "export bundle"))
    export.accept()
    imported = ImportReplyDialog(enumerator, bundle, main)  # a push bundle, not a reply: refused
    imported.start()
    wait_for(app, lambda: imported.close_button.isEnabled())
    out.append(report(app, imported, "import reply"))
    imported.accept()
    sync.close()
    sync = SyncDialog(enumerator, main)
    refused = Rejected("household x, field rt: too long", household_id, "rt")
    refused.code = ErrorCode.VALIDATION
    sync._failed(refused)
    out.append(report(app, sync, "sync refused"))
    out.append(report(app, sync_log_window(enumerator, household_id, main), "sync log"))

    queue = ReviewWindow(reviewer)
    wait_for(app, lambda: queue.model.rowCount() > 0)
    out.append(report(app, queue, "review queue"))
    review = ReviewHouseholdDialog(reviewer, review_id, queue)
    wait_for(app, lambda: review.detail is not None)
    # A long refusal in the window's language (the server's own words are not ours to word).
    review._say(long_text(), error=True)
    wait_for(app, lambda: review.integrity.evidence is not None or review.integrity.error)
    out += with_tabs(app, review, "review household")
    review.close()
    from capi_app.ui.integrity_view import IntegrityDialog, IntegrityWindow

    desa = review_id[:10]
    integrity_window = IntegrityWindow(reviewer, queue.open_household, desa)
    wait_for(app, lambda: integrity_window.map.points or integrity_window.error)
    out.append(report(app, integrity_window, "integrity map"))
    integrity_window.close()
    evidence = IntegrityDialog(reviewer, review_id, queue)
    wait_for(app, lambda: evidence.panel.evidence is not None or evidence.panel.error)
    out.append(report(app, evidence, "integrity evidence"))
    evidence.close()

    papi = PapiEntryWindow(enumerator)
    papi.batch_edit.setText("B-01")
    papi.start_batch()
    papi.number_edit.setText("0001")
    papi.open_questionnaire(household_id)
    papi._ask_paper(Pending("alamat", LONG_ERROR[:60], "x", LONG_ERROR[:60]))
    papi._say(
        papi.tr("No household with id or pre-list number %1 in this batch.").replace(
            "%1", "3204122002999999"
        ),
        "error",
    )
    out.append(report(app, papi, "papi entry"))
    papi.close()
    boss = PapiSupervisorWindow(reviewer)
    wait_for(app, lambda: boss.report or boss.error)
    out += with_tabs(app, boss, "papi supervisor")
    boss.close()

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
    submissions.status.setText(long_text())
    out += with_tabs(app, submissions, "submissions")
    supervisor, files = supervisor_windows(app, url, workdir, enumerator, lang)
    out += supervisor
    progress = queue.open_progress()
    wait_for(app, lambda: progress.panel.progress is not None and not progress.panel.jobs)
    out.append(report(app, progress, "reviewer progress"))

    from capi_app.moves import Move
    from capi_app.ui.moves_window import MovesWindow

    moves = MovesWindow(reviewer)
    wait_for(app, lambda: not moves.jobs)
    h = enumerator.store.household(household_id)  # a move as the Garut reviewer would see it
    moves.model.set_items([Move(
        1, household_id, h.values["kode_wilayah"], MOVED_TO, "pending", "push", "enum1",
        "2026-11-03T10:00:00+07:00", "", True, str(h.values.get("nama_krt") or ""),
    )])  # fmt: skip
    moves.table.selectRow(0)
    moves._say(long_text(), error=True)
    out.append(report(app, moves, "moves"))
    words = data_words(enumerator.store, reviewer.scopes or []) + files
    return {"reports": out, "data": words}


def supervisor_windows(app: QApplication, url: str, workdir: Path, enumerator, lang: str):
    """The supervisor's window: a stick with a bundle and a damaged copy relayed, then the
    progress (its long refusal and the tables in view); and the words of the stick's file
    names (data, the same in every language)."""
    from capi_app.sync.bundles import export_bundle
    from capi_app.ui.supervisor_window import SupervisorWindow

    profile = Profile(workdir / "supervisor")
    profile.settings.language = lang
    session = account.login_online(profile, url, "super1", demo.DEMO_PASSWORD)
    stick = workdir / f"usb-{lang}-{app.primaryScreen().size().width()}"
    stick.mkdir(exist_ok=True)
    bundle = export_bundle(enumerator, stick / "enum1.vvb").path
    data = bytearray(bundle.read_bytes())
    data[len(data) // 2] ^= 0x01
    (stick / "enum1-salinan-rusak.vvb").write_bytes(bytes(data))
    window = SupervisorWindow(session)
    ended = []
    window.relay.listed.connect(lambda: window.relay.relay_all())
    window.relay.finished.connect(lambda: ended.append(True))
    window.relay.set_folder(stick)
    wait_for(app, lambda: ended)
    out = [report(app, window, "supervisor tab 0")]
    panel = window.show_progress()
    wait_for(app, lambda: panel.progress is not None and not panel.jobs)
    out.append(report(app, window, "supervisor tab 1"))
    window.close()
    return out, sorted({w for p in stick.iterdir() for w in re.findall(r"\w+", p.name)})


if __name__ == "__main__":
    url, workdir, household_id, review_id, lang = sys.argv[1:6]
    print(json.dumps(probe(url, Path(workdir), household_id, review_id, lang)))
