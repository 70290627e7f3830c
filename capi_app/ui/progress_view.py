"""Progress of the field work (GET /progress): per desa, per field user, a chart, a CSV.

``ProgressPanel`` is the supervisor window's Progress tab; ``ProgressWindow`` shows the same
panel to a reviewer (opened from the review queue or the submissions). The counts are the
server's, for the wilayah and round chosen; a field user who has not synced for N days (N
adjustable) or never is highlighted.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from capi_app.progress import DEFAULT_STALE_DAYS, DESA_COUNTS, Progress, write_csv
from capi_app.review import wilayah_choices
from capi_app.ui import file_dialogs, review_jobs, window_size
from capi_app.ui.desa_chart import DesaChart
from capi_app.ui.review_errors import plain_error
from dtks import wilayah

STALE_COLOR = QColor("#fde68a")
"""Background of a field user's row who has not synced for N days or more."""
ROUNDS_BACK = 6


def count_names() -> dict[str, str]:
    """The label of each desa count, in the window's language."""
    return {
        "households": QCoreApplication.translate("ProgressPanel", "Households"),
        "visited": QCoreApplication.translate("ProgressPanel", "Visited"),
        "finalized": QCoreApplication.translate("ProgressPanel", "Finalized"),
        "synced": QCoreApplication.translate("ProgressPanel", "Synced"),
        "approved": QCoreApplication.translate("ProgressPanel", "Approved"),
        "returned": QCoreApplication.translate("ProgressPanel", "Returned"),
        "anomalies_open": QCoreApplication.translate("ProgressPanel", "Open anomalies"),
        "requests_pending": QCoreApplication.translate("ProgressPanel", "Requests pending"),
    }


def recent_rounds(today: date, n: int = ROUNDS_BACK) -> list[str]:
    """This month's round and the n-1 before it, newest first."""
    year, month = today.year, today.month
    out = []
    for _ in range(n):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return out


class DesaModel(QAbstractTableModel):
    """One row per desa: kode wilayah, name, then each of DESA_COUNTS."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows = []
        self.names: dict[str, str] = {}

    def set_rows(self, rows, names: dict[str, str]) -> None:
        """Show these desa (a Progress's ``desa``)."""
        self.beginResetModel()
        self.rows, self.names = list(rows), names
        self.endResetModel()

    def rowCount(self, parent=None) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent=None) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent is not None and parent.isValid() else 2 + len(DESA_COUNTS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        heads = [self.tr("Kode wilayah"), self.tr("Desa")]
        heads += [self.names.get(n, n) for n in DESA_COUNTS]
        return heads[section] if section < len(heads) else None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        d, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return d.kode_wilayah
            if column == 1:
                return d.name
            return str(d.count(DESA_COUNTS[column - 2]))
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class UserModel(QAbstractTableModel):
    """One row per field user: name, role, last sync, days since, device, assigned, finalized."""

    COLUMNS = 7

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows = []
        self.days = DEFAULT_STALE_DAYS

    def set_rows(self, rows, days: int) -> None:
        """Show these users (a Progress's ``users``); highlight those stale for ``days``."""
        self.beginResetModel()
        self.rows, self.days = list(rows), days
        self.endResetModel()

    def set_days(self, days: int) -> None:
        """Highlight those not synced for ``days`` days or more."""
        self.days = days
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, self.COLUMNS - 1)
            )

    def stale(self, row: int) -> bool:
        """Whether the user of this row is highlighted."""
        return self.rows[row].not_synced_for(self.days)

    def rowCount(self, parent=None) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent=None) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent is not None and parent.isValid() else self.COLUMNS

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        heads = [
            self.tr("Enumerator"), self.tr("Role"), self.tr("Last sync"),
            self.tr("Days"), self.tr("Device"), self.tr("Assigned"), self.tr("Finalized"),
        ]  # fmt: skip
        return heads[section] if section < len(heads) else None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        u, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(u, column)
        if role == Qt.ItemDataRole.BackgroundRole and self.stale(index.row()):
            return STALE_COLOR
        if role == Qt.ItemDataRole.ToolTipRole and column == 4:
            return u.last_device_id
        return None

    def _text(self, u, column: int) -> str:
        roles = {"enumerator": self.tr("enumerator"), "clerk": self.tr("data-entry clerk")}
        if column == 0:
            return u.username
        if column == 1:
            return roles.get(u.role, u.role)
        if column == 2:
            return local_time(u.last_sync) if u.last_sync else self.tr("never")
        if column == 3:
            return "—" if u.days_since_sync is None else str(u.days_since_sync)
        if column == 4:
            return (u.last_device_id or "—")[:8]
        return str(u.households_assigned if column == 5 else u.finalized)


def local_time(stamp: str) -> str:
    """An ISO timestamp as the laptop's local day and time, as Indonesians write it:
    02-11-2026 09:00."""
    from datetime import datetime

    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return stamp
    return moment.strftime("%d-%m-%Y %H:%M")


def _box(*widgets) -> QWidget:
    """Widgets one above the other, the last taking the room left."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for w in widgets:
        layout.addWidget(w, 1 if w is widgets[-1] else 0)
    return box


def _table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAlternatingRowColors(False)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class ProgressPanel(QWidget):
    """Choose wilayah, round and N; see the desa table, the field users and the chart."""

    loaded = Signal()
    """Emitted after each load (success or failure)."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.progress: Progress | None = None
        self.error = ""
        self.jobs = []
        self._build()
        self.retranslate()

    def _build(self) -> None:
        self.wilayah_label, self.round_label, self.days_label = QLabel(), QLabel(), QLabel()
        self.wilayah = QComboBox(minimumWidth=280)
        self.wilayah.setMaxVisibleItems(25)
        for code, name, depth in wilayah_choices(self.session.scopes or []):
            self.wilayah.addItem("    " * depth + f"{wilayah.dotted(code)}  {name}", code)
        self.round = QComboBox(minimumWidth=150)
        self.round.addItem("", "")
        for rnd in recent_rounds(date.today()):
            self.round.addItem(rnd, rnd)
        self.days = QSpinBox(minimum=1, maximum=60, value=DEFAULT_STALE_DAYS)
        self.days.valueChanged.connect(self._days_changed)
        self.refresh_button = QPushButton(clicked=self.refresh)
        self.csv_button = QPushButton(clicked=self.export_csv, enabled=False)
        self.wilayah.currentIndexChanged.connect(lambda _i: self.refresh())
        self.round.currentIndexChanged.connect(lambda _i: self.refresh())
        top = QHBoxLayout()
        for w in (self.wilayah_label, self.wilayah, self.round_label, self.round):
            top.addWidget(w)
        top.addSpacing(12)
        top.addWidget(self.days_label)
        top.addWidget(self.days)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.csv_button)

        self.desa_model, self.user_model = DesaModel(self), UserModel(self)
        self.desa_table, self.user_table = _table(self.desa_model), _table(self.user_model)
        self.desa_title = QLabel(objectName="sectiontitle")
        self.user_title = QLabel(objectName="sectiontitle")
        self.stale_label = QLabel(wordWrap=True)
        self.chart = DesaChart()
        self.chart_area = QScrollArea(widgetResizable=True)
        self.chart_area.setWidget(self.chart)
        self.chart_title = QLabel(objectName="sectiontitle")
        below = QSplitter(Qt.Orientation.Horizontal)
        below.addWidget(_box(self.user_title, self.stale_label, self.user_table))
        below.addWidget(_box(self.chart_title, self.chart_area))
        below.setStretchFactor(0, 3)
        below.setStretchFactor(1, 2)
        below.setSizes([780, 500])
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(_box(self.desa_title, self.desa_table))
        split.addWidget(below)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        self.desa_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.desa_table.horizontalHeader().setStretchLastSection(False)
        self.status = QLabel(wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)

    def retranslate(self) -> None:
        """Every text in the current language."""
        self.wilayah_label.setText(self.tr("Wilayah"))
        self.round_label.setText(self.tr("Round"))
        self.round.setItemText(0, self.tr("All rounds"))
        self.days_label.setText(self.tr("Highlight not synced for (days)"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.csv_button.setText(self.tr("Export CSV…"))
        self.desa_title.setText(self.tr("Counts per desa"))
        self.user_title.setText(self.tr("Field users: last sync and device"))
        self.chart_title.setText(self.tr("Chart per desa (bars against the households)"))
        self._show()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def scope(self) -> str:
        """The kode wilayah chosen (plain digits), '' for all of the user's scopes."""
        return self.wilayah.currentData() or ""

    def round_filter(self) -> str:
        """The round chosen, '' for every round."""
        return self.round.currentData() or ""

    def set_round(self, rnd: str) -> None:
        """Choose a round (added to the list when it is not there)."""
        i = self.round.findData(rnd)
        if i < 0:
            self.round.addItem(rnd, rnd)
            i = self.round.count() - 1
        self.round.setCurrentIndex(i)

    def refresh(self) -> None:
        """Ask the server for the progress off the GUI thread."""
        api, scope, rnd = self.session.api, self.scope() or None, self.round_filter() or None
        self.status.setText(self.tr("Loading…"))
        self.refresh_button.setEnabled(False)
        review_jobs.start(
            self,
            lambda _p, _c: Progress.from_json(api.progress(scope=scope, round=rnd)),
            self._loaded,
            self._failed,
        )

    def _loaded(self, progress: Progress) -> None:
        self.progress, self.error = progress, ""
        self.refresh_button.setEnabled(True)
        self.csv_button.setEnabled(True)
        self._show()
        self.loaded.emit()

    def _failed(self, error: Exception) -> None:
        self.error = plain_error(error)
        self.refresh_button.setEnabled(True)
        self.status.setText(self.error)
        self.loaded.emit()

    def _days_changed(self, days: int) -> None:
        self.user_model.set_days(days)
        self._show_stale()

    def _show(self) -> None:
        names = count_names()
        if self.progress is None:
            self.chart.set_data([], {**names, "": self.tr("No desa to show yet.")})
            return
        p = self.progress
        self.desa_model.set_rows(p.desa, names)
        self.user_model.set_rows(p.users, self.days.value())
        self.chart.set_data(p.desa, {**names, "": self.tr("No desa in this wilayah.")})
        t = p.totals()
        self.status.setText(
            self.tr("%1 desa: %2 households, %3 visited, %4 finalized, %5 synced, %6 approved.")
            .replace("%1", str(len(p.desa))).replace("%2", str(t["households"]))
            .replace("%3", str(t["visited"])).replace("%4", str(t["finalized"]))
            .replace("%5", str(t["synced"])).replace("%6", str(t["approved"]))
        )  # fmt: skip
        self._show_stale()

    def _show_stale(self) -> None:
        if self.progress is None:
            self.stale_label.setText("")
            return
        stale = self.progress.not_synced(self.days.value())
        if not stale:
            self.stale_label.setText(
                self.tr("Every field user synced within the last %1 days.").replace(
                    "%1", str(self.days.value())
                )
            )
            self.stale_label.setStyleSheet("")
            return
        self.stale_label.setText(
            self.tr("Not synced for %1 days or more (highlighted): %2")
            .replace("%1", str(self.days.value()))
            .replace("%2", ", ".join(u.username for u in stale))
        )
        self.stale_label.setStyleSheet(
            "QLabel { background: #fef3c7; color: #92400e; padding: 4px 8px; border-radius: 4px; }"
        )

    def export_csv(self) -> str:
        """Ask where, then write both tables as CSV (0600); returns the path ('' if cancelled)."""
        if self.progress is None:
            return ""
        code = self.scope() or "semua"
        name = f"progres-{self.round_filter() or 'semua'}-{code}.csv"
        path = file_dialogs.save_file(
            self, self.tr("Export progress as CSV"), str(Path.home() / name),
            self.tr("CSV files (*.csv)"),
        )  # fmt: skip
        if path:
            self.save_csv(path if path.lower().endswith(".csv") else path + ".csv")
        return path

    def save_csv(self, path: str) -> None:
        """Write the progress shown to path (0600, as every file of household data)."""
        try:
            write_csv(self.progress, path)
        except OSError as e:
            self.status.setText(self.tr("Could not write %1: %2").replace("%1", path).replace(
                "%2", e.strerror or str(e)))  # fmt: skip
            return
        self.status.setText(self.tr("Saved %1").replace("%1", path))


class ProgressWindow(QMainWindow):
    """The progress of a reviewer's scope in a window of its own."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.panel = ProgressPanel(session, self)
        self.setCentralWidget(self.panel)
        QShortcut(QKeySequence("F5"), self).activated.connect(self.panel.refresh)
        self.retranslate()
        window_size.fit(self, 1300, 720)
        self.panel.refresh()

    def retranslate(self) -> None:
        """The title in the current language (the panel translates itself)."""
        self.setWindowTitle(self.tr("Verivali: progress of the field work"))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def open_progress(owner, session) -> ProgressWindow:
    """Show the progress window of owner's session (one per owner: a second call raises it)."""
    window = getattr(owner, "progress_window", None)
    if window is None:
        window = owner.progress_window = ProgressWindow(session)
    window.show()
    window.raise_()
    window.activateWindow()
    return window
