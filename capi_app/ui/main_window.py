"""The enumerator's home: the assignment list with search, state filters, counts and sync."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from capi_app import deadlines
from capi_app.store.listing import list_rows
from capi_app.ui import window_size
from capi_app.ui.household_list import (
    ANOMALY_COLOR,
    MOVE_REFUSED,
    MOVE_REFUSED_COLOR,
    STATES,
    TASK_PREFIX,
    WORKLIST,
    HouseholdTableModel,
    make_proxy,
    state_label,
)
from capi_app.ui.worklist_texts import activity_title, refused_move_title, task_title
from dtks import tasks

PAPI_SUPERVISORS = ("supervisor",)
"""Roles offered the PAPI adjudication and keyer error rates from the household list."""


class MainWindow(QMainWindow):
    """List of the user's households; Enter or double-click opens one."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.model = HouseholdTableModel(parent=self)
        self.proxy = make_proxy(self.model)
        self._windows: dict[str, object] = {}  # household_id -> its open window
        self._build()
        self.retranslate()
        self.reload()
        window_size.fit(self, 1280, 760)

    def _build(self) -> None:
        bar = QToolBar(movable=False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(bar)
        self.sync_action = QAction(self, shortcut=QKeySequence("F5"))
        self.sync_action.triggered.connect(self.open_sync)
        self.sync_log_action = QAction(self, shortcut=QKeySequence("Ctrl+L"))
        self.sync_log_action.triggered.connect(self.open_sync_log)
        self.settings_action = QAction(self)
        self.settings_action.triggered.connect(self.open_settings)
        self.new_action = QAction(self, shortcut=QKeySequence("Ctrl+N"))
        self.new_action.triggered.connect(self.new_household)
        self.export_action = QAction(self)
        self.export_action.triggered.connect(self.export_bundle)
        self.import_action = QAction(self)
        self.import_action.triggered.connect(self.import_reply)
        self.papi_action = QAction(self, shortcut=QKeySequence("Ctrl+Shift+K"))
        self.papi_action.triggered.connect(self.open_papi)
        bar.addAction(self.sync_action)
        bar.addAction(self.sync_log_action)
        bar.addAction(self.new_action)
        bar.addAction(self.export_action)
        bar.addAction(self.import_action)
        bar.addAction(self.settings_action)
        if self.session.role in PAPI_SUPERVISORS:
            bar.addAction(self.papi_action)
        spacer = QWidget()
        spacer.setSizePolicy(
            spacer.sizePolicy().horizontalPolicy().Expanding, spacer.sizePolicy().verticalPolicy()
        )
        bar.addWidget(spacer)
        self.user_label = QLabel()
        bar.addWidget(self.user_label)

        self.search = QLineEdit(clearButtonEnabled=True)
        self.search.textChanged.connect(lambda text: self._filter_later())
        self.search.returnPressed.connect(self.open_current)
        self._filter_timer = QTimer(self, singleShot=True, interval=60)
        self._filter_timer.timeout.connect(self._apply_filter)

        self.filters = QListWidget(objectName="filters")
        self.filters.setFixedWidth(290)
        self.filters.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.filters.currentRowChanged.connect(lambda row: self._apply_filter())

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(30)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((150, 190, 110, 240, 70, 130, 145)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        # activated comes on Enter and on a double-click alike: doubleClicked too would open twice.
        self.table.activated.connect(lambda index: self.open_current())

        self.count_label = QLabel(objectName="subtitle")
        self.deadline_label = QLabel(objectName="deadlines", wordWrap=True)
        self.deadline_label.hide()
        right = QVBoxLayout()
        right.addWidget(self.deadline_label)
        right.addWidget(self.search)
        right.addWidget(self.table, 1)
        right.addWidget(self.count_label)
        left = QVBoxLayout()
        self.filter_title = QLabel()
        self.filter_title.setStyleSheet("font-weight: 600;")
        left.addWidget(self.filter_title)
        left.addWidget(self.filters, 1)
        body = QHBoxLayout()
        body.setContentsMargins(12, 12, 12, 8)
        body.addLayout(left)
        body.addLayout(right, 1)
        central = QWidget()
        central.setLayout(body)
        self.setCentralWidget(central)
        self.search.setFocus()

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Verivali: households"))
        self.sync_action.setText(self.tr("Sync (F5)"))
        self.sync_log_action.setText(self.tr("Sync log (Ctrl+L)"))
        self.settings_action.setText(self.tr("Settings"))
        self.export_action.setText(self.tr("Export bundle…"))
        self.export_action.setToolTip(
            self.tr("Without a network: write the finished work to a file for the supervisor")
        )
        self.import_action.setText(self.tr("Import reply…"))
        self.new_action.setText(self.tr("New household (Ctrl+N)"))
        self.papi_action.setText(self.tr("PAPI double entry (Ctrl+Shift+K)"))
        self.search.setPlaceholderText(
            self.tr("Search by name, NIK, No KK or address… (type part of a name)")
        )
        self.filter_title.setText(self.tr("Show"))
        mode = self.tr("online") if self.session.online else self.tr("offline")
        roles = {
            "enumerator": self.tr("enumerator"),
            "clerk": self.tr("data-entry clerk"),
            "supervisor": self.tr("supervisor"),
            "reviewer": self.tr("reviewer"),
            "admin": self.tr("admin"),
        }
        role = roles.get(self.session.role or "", self.session.role or "")
        self.user_label.setText(f"{self.session.username} · {role} · {mode}")
        self._fill_filters()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 5)
        super().changeEvent(event)

    def reload(self) -> None:
        """Read the list again from the store (after a save or a sync); keep the selected row."""
        current = self.current_household_id()
        self.model.set_rows(list_rows(self.session.store.db))
        self._fill_filters()
        self._show_count()
        self.show_deadlines()
        if current:
            self.select_household(current)

    def show_deadlines(self, now=None) -> list:
        """Days left per activity of the user's rounds; warn in colour when one closes soon."""
        kept = self.session.store.calendars()
        found = deadlines.current(
            deadlines.notes(
                kept,
                deadlines.now_for(kept, now),
                deadlines.activities_for(self.session.role),
            )
        )
        if not found:
            self.deadline_label.hide()
            return found
        lines = {}
        for n in found:
            lines.setdefault(n.round, []).append(self._deadline_text(n))
        text = "   ".join(
            self.tr("Round {0}:").format(r) + " " + " · ".join(items) for r, items in lines.items()
        )
        warn = any(n.warn for n in found)
        self.deadline_label.setText(("\u26a0 " if warn else "") + text)
        self.deadline_label.setProperty("warn", warn)
        self.deadline_label.setStyleSheet(
            "QLabel { padding: 4px 8px; border-radius: 4px; "
            + (
                "background: #fef3c7; color: #92400e; font-weight: 600; }"
                if warn
                else "color: #374151; }"
            )
        )
        self.deadline_label.show()
        return found

    def _deadline_text(self, n) -> str:
        name = activity_title(n.activity)
        if not n.started:
            return self.tr("{0} opens {1}").format(name, _day(n.opens))
        if n.closed:
            return self.tr("{0} closed {1}").format(name, _day(n.closes))
        if n.days_left == 1:
            return self.tr("{0}: last day today (until 24:00 {1})").format(name, n.zone)
        return self.tr("{0}: {1} days left (until {2} {3})").format(
            name, n.days_left, _day(n.closes), n.zone
        )

    def select_household(self, household_id: str) -> bool:
        """Select the household's row if it is shown; False when it is not."""
        matches = self.proxy.match(
            self.proxy.index(0, 0),
            Qt.ItemDataRole.UserRole,
            household_id,
            1,
            Qt.MatchFlag.MatchExactly,
        )
        if not matches:
            return False
        self.table.selectRow(matches[0].row())
        self.table.scrollTo(matches[0])
        return True

    def _fill_filters(self) -> None:
        counts = self.model.counts()
        current = max(self.filters.currentRow(), 0)
        self.filters.blockSignals(True)
        self.filters.clear()
        total = sum(counts.values())
        all_item = QListWidgetItem(self.tr("All households") + f"  ({total})")
        all_item.setData(Qt.ItemDataRole.UserRole, "")
        self.filters.addItem(all_item)
        for state in STATES:
            item = QListWidgetItem(f"{state_label(state)}  ({counts.get(state, 0)})")
            item.setData(Qt.ItemDataRole.UserRole, state)
            self.filters.addItem(item)
        work = self.model.worklist_counts()
        item = QListWidgetItem(self.tr("Worklist: anomalies") + f"  ({work[WORKLIST]})")
        item.setData(Qt.ItemDataRole.UserRole, WORKLIST)
        item.setForeground(QColor(ANOMALY_COLOR))
        self.filters.addItem(item)
        for kind in tasks.REQUEST_KINDS:
            if work.get(TASK_PREFIX + kind):
                item = QListWidgetItem(f"{task_title(kind)}  ({work[TASK_PREFIX + kind]})")
                item.setData(Qt.ItemDataRole.UserRole, TASK_PREFIX + kind)
                self.filters.addItem(item)
        if work[MOVE_REFUSED]:
            item = QListWidgetItem(f"{refused_move_title()}  ({work[MOVE_REFUSED]})")
            item.setData(Qt.ItemDataRole.UserRole, MOVE_REFUSED)
            item.setForeground(QColor(MOVE_REFUSED_COLOR))
            self.filters.addItem(item)
        self.filters.setCurrentRow(current)
        self.filters.blockSignals(False)

    def _filter_later(self) -> None:
        self._filter_timer.start()

    def _apply_filter(self) -> None:
        item = self.filters.currentItem()
        state = item.data(Qt.ItemDataRole.UserRole) if item else ""
        self.model.set_filter(text=self.search.text(), state=state)
        self._show_count()
        if self.proxy.rowCount():
            self.table.selectRow(0)

    def _show_count(self) -> None:
        self.count_label.setText(
            self.tr("{0} of {1} households shown").format(
                self.model.rowCount(), len(self.model.all_items())
            )
        )

    def current_household_id(self) -> str | None:
        """The id of the selected household, if any."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.proxy.data(index, Qt.ItemDataRole.UserRole)

    def open_current(self):
        """Open the selected household for its visit; returns its window (None if none selected)."""
        household_id = self.current_household_id()
        return self.open_household(household_id) if household_id else None

    def open_household(self, household_id: str):
        """Show the household's window (one per household: a second open raises the first);
        reload the list when it closes."""
        from capi_app.ui.household_view import HouseholdDialog

        dialog = self._windows.get(household_id)
        if dialog is not None:
            dialog.raise_()
            dialog.activateWindow()
            return dialog
        dialog = HouseholdDialog(self.session, household_id, self)
        self._windows[household_id] = dialog
        dialog.finished.connect(lambda _: self._household_closed(household_id))
        dialog.open()
        return dialog

    def _household_closed(self, household_id: str) -> None:
        self._windows.pop(household_id, None)
        self.reload()

    def new_household(self):
        """Propose a household not on the pre-list, then open it for its visit."""
        from capi_app.ui.new_household import NewHouseholdDialog

        dialog = NewHouseholdDialog(self.session, self)
        dialog.accepted.connect(lambda: self._opened_proposal(dialog.household_id))
        dialog.open()
        return dialog

    def _opened_proposal(self, household_id: str) -> None:
        self.reload()
        self.open_household(household_id)

    def open_sync(self):
        """Run a sync with progress; reload the list afterwards."""
        from capi_app.ui.sync_dialog import SyncDialog

        dialog = SyncDialog(self.session, self)
        dialog.finished.connect(lambda _: self.reload())
        dialog.open()
        dialog.start()
        return dialog

    def open_sync_log(self):
        """Every sync of this laptop, and the details of one."""
        from capi_app.ui.sync_log_window import open_sync_log

        return open_sync_log(self.session, self)

    def export_bundle(self):
        """Ask where (a USB stick), then write a push bundle there with progress."""
        from capi_app.ui.file_dialogs import save_file

        name = f"{self.session.username}-{date.today():%Y%m%d}.vvb"
        path = save_file(
            self, self.tr("Export a bundle for the supervisor"), str(Path.home() / name),
            self.tr("Bundles (*.vvb)"),
        )  # fmt: skip
        return self.export_bundle_to(Path(path)) if path else None

    def export_bundle_to(self, path: Path):
        """Write a push bundle to path in the bundle dialog; the list is read again after."""
        from capi_app.ui.bundle_dialogs import ExportBundleDialog

        if not path.name.endswith(".vvb"):
            path = path.with_name(path.name + ".vvb")
        dialog = ExportBundleDialog(self.session, path, self)
        dialog.finished.connect(lambda _: self.reload())
        dialog.open()
        dialog.start()
        return dialog

    def import_reply(self):
        """Ask for the reply file the supervisor brought back, then apply it."""
        from capi_app.ui.file_dialogs import open_file

        path = open_file(
            self, self.tr("Import the reply from the supervisor"),
            self.tr("Replies (*.reply.vvb)"), str(Path.home()),
        )  # fmt: skip
        return self.import_reply_from(Path(path)) if path else None

    def import_reply_from(self, path: Path):
        """Apply a reply bundle in the bundle dialog; the list is read again after."""
        from capi_app.ui.bundle_dialogs import ImportReplyDialog

        dialog = ImportReplyDialog(self.session, path, self)
        dialog.finished.connect(lambda _: self.reload())
        dialog.open()
        dialog.start()
        return dialog

    def open_papi(self):
        """The supervisor's PAPI window: adjudication and keyer error rates."""
        from capi_app.ui.papi.supervisor_window import PapiSupervisorWindow

        self.papi_window = PapiSupervisorWindow(self.session, self)
        self.papi_window.show()
        return self.papi_window

    def open_settings(self):
        """Language, server address and CA bundle; log out, switch user."""
        from capi_app.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.session.profile, self, self.session)
        dialog.open()
        return dialog


def _day(day) -> str:
    """A date as Indonesians write it: 29-11-2026."""
    return day.strftime("%d-%m-%Y") if day else ""
