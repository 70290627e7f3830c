"""Relay a folder of bundles (a USB stick) to the server and write their replies back to it.

The supervisor chooses the folder; every push bundle in it is listed with the enumerator, the
device and the size its clear manifest tells (sync.bundles.describe). "Relay all" uploads them
one by one off the GUI thread (sync.bundles.relay) and writes each reply beside its bundle as
NAME.reply.vvb for the enumerator to import. Cancel stops between bundles: what was relayed
stays relayed, and relaying again is harmless (the server answers its first reply).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QLocale,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from capi_app.sync.bundles import BundleInfo, RelayResult, bundles_in, describe, relay, reply_path
from capi_app.sync.errors import Forbidden, ServerUnreachable, SessionExpired, SyncError
from capi_app.ui import file_dialogs, review_jobs
from capi_app.ui.lan_relay_bar import LanRelayBar
from capi_app.ui.progress_view import local_time
from dtks.error_codes import ErrorCode

LAN_INBOX = "lan-inbox"
"""The folder of the supervisor's profile that laptops' bundles go to when none is chosen."""
LAN_RESCAN_MS = 3000
OK_COLOR = QColor("#dcfce7")
REFUSED_COLOR = QColor("#fee2e2")


@dataclass
class BundleRow:
    """A bundle of the folder: what it is, whether its reply is there, how its relay went."""

    info: BundleInfo
    reply_there: bool = False
    result: RelayResult | None = None


def refusal_reason(error: Exception | None) -> str:
    """Why a bundle was refused or not relayed, in the user's language."""
    code = getattr(error, "code", None)
    reasons = {
        ErrorCode.BUNDLE_DAMAGED: QCoreApplication.translate(
            "RelayPanel",
            "the file is damaged or a byte of it changed (copy it again from the laptop)",
        ),
        ErrorCode.BUNDLE_SIGNATURE: QCoreApplication.translate(
            "RelayPanel", "it is not signed by the key registered for the enumerator's device"
        ),
        ErrorCode.BUNDLE_FOREIGN: QCoreApplication.translate(
            "RelayPanel",
            "it was made for another server, or the server does not know its user or device "
            "(or it is a reply, not a bundle to relay)",
        ),
        ErrorCode.BUNDLE_REVOKED: QCoreApplication.translate(
            "RelayPanel", "the enumerator's device was revoked by an admin, or the user is disabled"
        ),
        ErrorCode.TOO_LARGE: QCoreApplication.translate(
            "RelayPanel", "the file is larger than a bundle may be (64 MB)"
        ),
        ErrorCode.CHANGESET_MISMATCH: QCoreApplication.translate(
            "RelayPanel", "the server holds another bundle under the same id (the file was changed)"
        ),
    }
    if code in reasons:
        return reasons[code]
    if isinstance(error, ServerUnreachable):
        return QCoreApplication.translate(
            "RelayPanel", "the server cannot be reached (check the connection)"
        )
    if isinstance(error, SessionExpired):
        return QCoreApplication.translate(
            "RelayPanel", "your login has expired (log in online again)"
        )
    if isinstance(error, Forbidden):
        return QCoreApplication.translate(
            "RelayPanel", "the enumerator is outside your wilayah, or you may not relay for them"
        )
    if isinstance(error, OSError):
        return QCoreApplication.translate(
            "RelayPanel", "the file could not be read or its reply written: %1"
        ).replace("%1", error.strerror or str(error))
    return (
        str(error)
        if isinstance(error, SyncError)
        else QCoreApplication.translate("RelayPanel", "unexpected error: %1").replace(
            "%1", str(error)
        )
    )


def outcome_text(row: BundleRow) -> str:
    """The Result column of a bundle, in the user's language."""
    r = row.result
    if r is None:
        if row.info.problem is not None:
            return QCoreApplication.translate("RelayPanel", "Cannot be read: %1").replace(
                "%1", refusal_reason(row.info.problem)
            )
        if row.reply_there:
            return QCoreApplication.translate(
                "RelayPanel", "Reply already in the folder (relaying again is harmless)"
            )
        return QCoreApplication.translate("RelayPanel", "Waiting")
    if not r.ok:
        if isinstance(r.error, ServerUnreachable | SessionExpired):
            return QCoreApplication.translate("RelayPanel", "Not relayed: %1").replace(
                "%1", refusal_reason(r.error)
            )
        return QCoreApplication.translate("RelayPanel", "Refused, nothing applied: %1").replace(
            "%1", refusal_reason(r.error)
        )
    text = (
        QCoreApplication.translate(
            "RelayPanel", "Relayed before: nothing applied again; reply written"
        )
        if r.replayed
        else QCoreApplication.translate(
            "RelayPanel", "Relayed: %1 households; reply written"
        ).replace("%1", str(r.households))
    )
    if r.refused:
        text += "; " + QCoreApplication.translate(
            "RelayPanel",
            "%1 change-set(s) refused by the server (the enumerator sees why after importing)",
        ).replace("%1", str(r.refused))
    return text


def size_text(size: int) -> str:
    """A file size as people read it, in the language's numbers: 830 KB, 15,4 MB."""
    if size < 1024 * 1024:
        return f"{max(size // 1024, 1)} KB"
    return QLocale().toString(size / (1024 * 1024), "f", 1) + " MB"


class BundleModel(QAbstractTableModel):
    """The bundles of the folder and their outcome."""

    COLUMNS = 6

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[BundleRow] = []

    def set_rows(self, rows: list[BundleRow]) -> None:
        """Show these bundles."""
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def set_result(self, result: RelayResult) -> None:
        """Show a bundle's outcome."""
        for i, row in enumerate(self.rows):
            if row.info.path == result.source:
                row.result = result
                row.reply_there = row.reply_there or result.ok
                self.dataChanged.emit(self.index(i, 0), self.index(i, self.COLUMNS - 1))

    def rowCount(self, parent=None) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent=None) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent is not None and parent.isValid() else self.COLUMNS

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        heads = [self.tr("File"), self.tr("Enumerator"), self.tr("Device"), self.tr("Made"),
                 self.tr("Size"), self.tr("Result")]  # fmt: skip
        return heads[section] if section < len(heads) else None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        info = row.info
        if role == Qt.ItemDataRole.DisplayRole:
            made = local_time(info.created_at) if info.created_at else ""
            cells = [info.path.name, info.username or "—", (info.device_id or "—")[:8], made,
                     size_text(info.size), outcome_text(row)]  # fmt: skip
            return cells[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 2:
                return info.device_id
            if column == 5:  # the server's own words, for whoever has to look further
                r = row.result
                return (r.message if r else None) or (str(info.problem) if info.problem else None)
        if role == Qt.ItemDataRole.BackgroundRole and row.result is not None:
            return OK_COLOR if row.result.ok else REFUSED_COLOR
        return None


class RelayPanel(QWidget):
    """Choose a folder of bundles, relay them all with progress and Cancel, see each outcome."""

    listed = Signal()
    """Emitted when the folder's bundles are listed."""
    finished = Signal()
    """Emitted when a relay ends (done, cancelled or stopped)."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.folder: Path | None = None
        self.jobs = []
        self.relay_job = None
        self.results: list[RelayResult] = []
        self._build()
        self.retranslate()

    def _build(self) -> None:
        self.help = QLabel(wordWrap=True)
        self.folder_label = QLabel()
        self.folder_edit = QLineEdit(readOnly=True)
        self.choose_button = QPushButton(clicked=self.choose_folder)
        self.rescan_button = QPushButton(clicked=self.rescan, enabled=False)
        top = QHBoxLayout()
        top.addWidget(self.folder_label)
        top.addWidget(self.folder_edit, 1)
        top.addWidget(self.choose_button)
        top.addWidget(self.rescan_button)
        self.lan = LanRelayBar(self._lan_folder)
        self.lan.started.connect(self._lan_started)
        self.lan.stopped.connect(self._lan_timer_stop)
        self._lan_timer = QTimer(self, interval=LAN_RESCAN_MS)
        self._lan_timer.timeout.connect(self._rescan_if_new)
        self.model = BundleModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)  # a refusal's reason is read whole
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.bar = QProgressBar(minimum=0, maximum=1, value=0, textVisible=True)
        self.relay_button = QPushButton(objectName="primary", clicked=self.relay_all, enabled=False)
        self.cancel_button = QPushButton(clicked=self.cancel, enabled=False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.bar, 1)
        bottom.addWidget(self.relay_button)
        bottom.addWidget(self.cancel_button)
        self.status = QLabel(wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.help)
        layout.addLayout(top)
        layout.addWidget(self.lan)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.status)

    def retranslate(self) -> None:
        """Every text in the current language."""
        self.help.setText(
            self.tr(
                "Plug in the USB stick with the enumerators' bundles (.vvb) and choose its "
                "folder. Relay all sends them to the server; each reply is written back to the "
                "same folder as NAME.reply.vvb, for the enumerator to import on their laptop."
            )
        )
        self.folder_label.setText(self.tr("Folder of bundles"))
        self.folder_edit.setPlaceholderText(self.tr("No folder chosen"))
        self.choose_button.setText(self.tr("Choose folder…"))
        self.rescan_button.setText(self.tr("Read again"))
        self.relay_button.setText(self.tr("Relay all"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, BundleModel.COLUMNS - 1)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- the LAN relay -----------------------------------------------------------------------
    def _lan_folder(self) -> Path:
        """Where laptops' bundles go: the folder chosen, else one in the supervisor's profile."""
        return self.folder or self.session.profile.dir / LAN_INBOX

    def _lan_started(self, folder: Path) -> None:
        if self.folder != folder:
            self.set_folder(folder)
        self.choose_button.setEnabled(False)  # the relay keeps to its folder while it listens
        self._lan_timer.start()

    def _lan_timer_stop(self) -> None:
        self._lan_timer.stop()
        self.choose_button.setEnabled(not self.busy())

    def _rescan_if_new(self) -> None:
        """List the folder again when a laptop sent a bundle (not while relaying)."""
        if self.busy() or self.folder is None or self.jobs:
            return
        listed = {r.info.path for r in self.model.rows}
        if set(bundles_in(self.folder)) != listed:
            self.rescan()

    def stop_lan(self) -> None:
        """Stop listening on the LAN (the window closes)."""
        self.lan.set_on(False)

    def busy(self) -> bool:
        """Whether a relay is under way."""
        return self.relay_job is not None

    # -- the folder --------------------------------------------------------------------------
    def choose_folder(self) -> None:
        """Ask for the folder of bundles, then list it."""
        folder = file_dialogs.choose_folder(
            self, self.tr("Choose the folder of bundles"), str(self.folder or Path.home())
        )
        if folder:
            self.set_folder(Path(folder))

    def set_folder(self, folder: Path) -> None:
        """List the push bundles of a folder (off the GUI thread: a USB stick is slow)."""
        self.folder = Path(folder)
        self.folder_edit.setText(str(self.folder))
        self.rescan()

    def rescan(self) -> None:
        """Read the folder's bundles again."""
        if self.folder is None or self.busy():
            return
        folder = self.folder
        self.status.setText(self.tr("Reading the folder…"))
        self.relay_button.setEnabled(False)

        def read(_progress, _cancel):
            return [BundleRow(describe(p), reply_path(p).exists()) for p in bundles_in(folder)]

        review_jobs.start(self, read, self._listed, self._list_failed)

    def _listed(self, rows: list[BundleRow]) -> None:
        self.model.set_rows(rows)
        self.rescan_button.setEnabled(True)
        self.relay_button.setEnabled(bool(rows))
        self.bar.setMaximum(max(len(rows), 1))
        self.bar.setValue(0)
        total = sum(r.info.size for r in rows)
        if rows:
            self.status.setText(
                self.tr("%1 bundle(s), %2 in all.")
                .replace("%1", str(len(rows)))
                .replace("%2", size_text(total))  # fmt: skip
            )
        else:
            self.status.setText(self.tr("No bundles (.vvb) in this folder."))
        self.listed.emit()

    def _list_failed(self, error: Exception) -> None:
        self.rescan_button.setEnabled(True)
        self.status.setText(
            self.tr("The folder cannot be read: %1").replace("%1", refusal_reason(error))
        )
        self.listed.emit()

    # -- relaying ----------------------------------------------------------------------------
    def relay_all(self) -> None:
        """Relay every listed bundle, one after the other, replies into the same folder."""
        if self.busy() or not self.model.rows:
            return
        paths = [r.info.path for r in self.model.rows]
        api, folder = self.session.api, self.folder
        self.results = []
        lock = threading.Lock()

        def run(progress, cancel):
            def each(done, total, result):
                with lock:
                    self.results.append(result)
                progress("relay", done, total)

            return relay(api, paths, folder, progress=each, cancel=cancel)

        self.bar.setMaximum(len(paths))
        self.bar.setValue(0)
        self.bar.setFormat("%v / %m")
        self.status.setText(self.tr("Relaying…"))
        for button in (self.relay_button, self.choose_button, self.rescan_button):
            button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.relay_job = review_jobs.start(
            self, run, self._relayed, self._relay_failed, self._progress
        )

    def cancel(self) -> None:
        """Stop after the bundle under way (it is finished: relayed with its reply, or not)."""
        if self.relay_job is not None:
            self.relay_job.cancel.set()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Stopping after the bundle under way…"))

    def _progress(self, _phase: str, done: int, _total: int) -> None:
        self.bar.setValue(done)
        if done <= len(self.results):
            self.model.set_result(self.results[done - 1])

    def _relayed(self, results: list[RelayResult]) -> None:
        for result in results:
            self.model.set_result(result)
        cancelled = self.relay_job is not None and self.relay_job.cancel.is_set()
        self._end()
        ok = sum(1 for r in results if r.ok)
        left = len(self.model.rows) - len(results)
        text = self.tr("%1 of %2 bundle(s) relayed; the replies are in the folder.").replace(
            "%1", str(ok)).replace("%2", str(len(self.model.rows)))  # fmt: skip
        refused = len(results) - ok
        if refused:
            text += " " + self.tr("%1 refused or not relayed (see Result).").replace(
                "%1", str(refused)
            )
        if left:
            text += " " + (
                self.tr("Cancelled: %1 not sent yet; relay again to continue.")
                if cancelled
                else self.tr("Stopped: %1 not sent yet; relay again when the server answers.")
            ).replace("%1", str(left))
        self.status.setText(text)

    def _relay_failed(self, error: Exception) -> None:
        self._end()
        self.status.setText(
            self.tr("The relay stopped: %1. What was relayed stays relayed.").replace(
                "%1", refusal_reason(error)
            )
        )

    def _end(self) -> None:
        self.relay_job = None
        self.cancel_button.setEnabled(False)
        for button in (self.relay_button, self.rescan_button):
            button.setEnabled(True)
        self.choose_button.setEnabled(self.lan.relay is None)
        self.finished.emit()
