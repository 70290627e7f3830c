"""Moves between wilayah (pindah wilayah): households whose change of kode wilayah waits for
the receiving side (dtks.moves). Opened from the review queue. The reviewer of the new
wilayah opens the household, then confirms the move (the household moves to their wilayah)
or refuses it with a note (it stays where it is); the sending side sees its moves waiting.
Every request runs off the GUI thread."""

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from capi_app.moves import Move, from_listing, place_name
from capi_app.ui import review_jobs, window_size
from capi_app.ui.review_errors import plain_error
from capi_app.ui.review_household import ReviewHouseholdDialog, when_text
from capi_app.ui.search_model import SearchableTableModel
from capi_app.ui.submission_models import make_proxy
from dtks import moves, wilayah

MINE, ALL = "mine", "all"
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
"""What the list sorts by: the proposal's ISO time for its column (oldest first), else the text."""


def fetch_moves(api, cancel) -> list[Move]:
    """The pending moves into or out of the user's scopes (runs on a worker thread)."""
    return from_listing(api.review_moves())


class MoveListModel(SearchableTableModel):
    """Pending moves; with only_mine, those this reviewer decides."""

    COLUMNS = ("household_id", "nama_krt", "from", "to", "proposed_by", "proposed_at", "decides")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.only_mine = True

    def keep(self, item: Move) -> bool:
        return item.can_decide or not self.only_mine

    def set_only_mine(self, only: bool) -> None:
        """Show only the moves this reviewer decides, or every pending one in and out."""
        self.only_mine = only
        self._refilter()

    def titles(self) -> dict[str, str]:
        """Column titles in the user's language."""
        return {
            "household_id": QCoreApplication.translate("Moves", "Household id"),
            "nama_krt": QCoreApplication.translate("Moves", "Head of household"),
            "from": QCoreApplication.translate("Moves", "From"),
            "to": QCoreApplication.translate("Moves", "To"),
            "proposed_by": QCoreApplication.translate("Moves", "Proposed by"),
            "proposed_at": QCoreApplication.translate("Moves", "Proposed at"),
            "decides": QCoreApplication.translate("Moves", "Who decides"),
        }

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item: Move = self._visible[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(item, column)
        if role == Qt.ItemDataRole.UserRole:
            return item.move_id
        if role == SORT_ROLE:
            return item.proposed_at if column == "proposed_at" else self._cell(item, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in ("from", "to"):
            kode = item.from_kode if column == "from" else item.to_kode
            return place_name(kode)
        if role == Qt.ItemDataRole.ForegroundRole and column == "decides":
            return QColor("#15803d" if item.can_decide else "#6b7280")
        return None

    def _cell(self, item: Move, column: str) -> str:
        if column in ("from", "to"):  # the desa by name; the tooltip names the whole place
            kode = item.from_kode if column == "from" else item.to_kode
            return f"{wilayah.dotted(kode)} {wilayah.lookup(kode) or ''}".strip()
        if column == "proposed_at":
            return when_text(item.proposed_at)
        if column == "decides":
            if item.can_decide:
                return QCoreApplication.translate("Moves", "You")
            return QCoreApplication.translate("Moves", "Reviewer of {0}").format(item.to_text)
        return str(getattr(item, column))


class MovesWindow(QMainWindow):
    """The pending moves of households between wilayah, and the receiving reviewer's decision."""

    loaded = Signal()
    """Emitted after each refresh of the list (success or failure)."""
    decided = Signal(dict)
    """Emitted with the server's reply after a move was confirmed or refused."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.jobs = []
        self.error = ""
        self.last_reply: dict | None = None
        self.model = MoveListModel(self)
        self.proxy = make_proxy(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self._windows: dict[str, object] = {}
        self._build()
        self.retranslate()
        window_size.fit(self, 1240, 680)
        self.refresh()

    # -- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        bar = QToolBar(movable=False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(bar)
        self.refresh_action = QAction(self, shortcut=QKeySequence("F5"))
        self.refresh_action.triggered.connect(self.refresh)
        self.open_action = QAction(self)
        self.open_action.triggered.connect(self.open_current)
        bar.addAction(self.refresh_action)
        bar.addAction(self.open_action)

        self.intro = QLabel(wordWrap=True, objectName="subtitle")
        self.show_label = QLabel()
        self.show_filter = QComboBox()
        self.show_filter.addItem("", MINE)
        self.show_filter.addItem("", ALL)
        self.show_filter.currentIndexChanged.connect(
            lambda i: self._set_filter(self.show_filter.currentData())
        )
        self.search = QLineEdit(clearButtonEnabled=True)
        self._search_timer = QTimer(self, singleShot=True, interval=60)
        self._search_timer.timeout.connect(lambda: self.model.set_search(self.search.text()))
        self.search.textChanged.connect(lambda text: self._search_timer.start())
        filters = QHBoxLayout()
        filters.addWidget(self.show_label)
        filters.addWidget(self.show_filter)
        filters.addWidget(self.search, 1)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(5, Qt.SortOrder.AscendingOrder)  # oldest proposal first
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        for column, width in enumerate((150, 180, 210, 210, 125, 140)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda index: self.open_current())
        self.table.selectionModel().currentRowChanged.connect(lambda cur, prev: self._enable())

        self.note_label = QLabel()
        self.note = QLineEdit(maxLength=2000)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note_label)
        note_row.addWidget(self.note, 1)
        self.status = QLabel(wordWrap=True, objectName="subtitle")
        self.open_button = QPushButton()
        self.refuse_button = QPushButton()
        self.confirm_button = QPushButton(objectName="primary")
        self.open_button.clicked.connect(self.open_current)
        self.refuse_button.clicked.connect(self.refuse)
        self.confirm_button.clicked.connect(self.confirm_move)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.open_button, self.refuse_button, self.confirm_button):
            buttons.addWidget(b)

        box = QVBoxLayout()
        box.setContentsMargins(12, 12, 12, 8)
        box.addWidget(self.intro)
        box.addLayout(filters)
        box.addWidget(self.table, 1)
        box.addLayout(note_row)
        box.addWidget(self.status)
        box.addLayout(buttons)
        central = QWidget()
        central.setLayout(box)
        self.setCentralWidget(central)
        self._enable()

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Verivali: moves between wilayah"))
        self.refresh_action.setText(self.tr("Refresh (F5)"))
        self.open_action.setText(self.tr("Open household (Enter)"))
        self.intro.setText(
            self.tr(
                "A household whose wilayah an enumerator changed to one outside their own, or "
                "to another kabupaten/kota, moves only when a reviewer of the new wilayah "
                "confirms it. Until then it stays where it is."
            )
        )
        self.show_label.setText(self.tr("Show"))
        self.show_filter.setItemText(0, self.tr("Waiting for my decision"))
        self.show_filter.setItemText(1, self.tr("All waiting moves, in and out"))
        self.search.setPlaceholderText(self.tr("Search by household id, name or wilayah…"))
        self.note_label.setText(self.tr("Note on the decision:"))
        self.note.setPlaceholderText(self.tr("Required to refuse: say why the move is refused"))
        self.open_button.setText(self.tr("Open household"))
        self.refuse_button.setText(self.tr("Refuse move"))
        self.confirm_button.setText(self.tr("Confirm move"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.model.COLUMNS) - 1)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- loading -------------------------------------------------------------------------
    def refresh(self) -> None:
        """Load the pending moves from the server (off the GUI thread)."""
        api = self.session.api
        self.refresh_action.setEnabled(False)
        if not self.status.text() or self.error:  # a decision's outcome stays in view
            self._say(self.tr("Loading the moves…"))
        review_jobs.start(
            self, lambda progress, cancel: fetch_moves(api, cancel), self._loaded, self._failed
        )
        self._enable()

    def _loaded(self, items: list[Move]) -> None:
        self.refresh_action.setEnabled(True)
        self.model.set_items(items)
        if self.status.text() == self.tr("Loading the moves…"):
            self._say("")
        if not self.model.rowCount() and self.model.only_mine and items:
            self._say(
                self.tr("No move waits for your decision; {0} wait elsewhere.").format(len(items))
            )
        if self.proxy.rowCount():
            self.table.selectRow(0)
        self._enable()
        self.loaded.emit()

    def _failed(self, error: Exception) -> None:
        self.refresh_action.setEnabled(True)
        self._say(plain_error(error), error=True)
        self._enable()
        self.loaded.emit()

    def _set_filter(self, which: str) -> None:
        self.model.set_only_mine(which == MINE)
        if self.proxy.rowCount():
            self.table.selectRow(0)
        self._enable()

    # -- choosing ------------------------------------------------------------------------
    def current(self) -> Move | None:
        """The selected move, if any."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.item_at(self.proxy.mapToSource(index).row())

    def select(self, move_id: int) -> None:
        """Select the move with this id (when shown)."""
        for row in range(self.proxy.rowCount()):
            if self.proxy.data(self.proxy.index(row, 0), Qt.ItemDataRole.UserRole) == move_id:
                self.table.selectRow(row)
                return

    def _enable(self) -> None:
        move = self.current()
        free = not self.jobs
        decides = free and move is not None and move.can_decide and move.state == moves.PENDING
        self.open_button.setEnabled(free and move is not None)
        self.open_action.setEnabled(free and move is not None)
        self.confirm_button.setEnabled(decides)
        self.refuse_button.setEnabled(decides)
        self.note.setEnabled(decides)

    # -- actions -------------------------------------------------------------------------
    def open_current(self):
        """Open the selected move's household for review (read only while the move waits)."""
        move = self.current()
        if move is None:
            return None
        dialog = self._windows.get(move.household_id)
        if dialog is not None:
            dialog.raise_()
            dialog.activateWindow()
            return dialog
        dialog = ReviewHouseholdDialog(self.session, move.household_id, self)
        self._windows[move.household_id] = dialog
        dialog.finished.connect(lambda _: self._windows.pop(move.household_id, None))
        dialog.open()
        return dialog

    def confirm_move(self) -> None:
        """Confirm the selected move after asking: the household moves to the new wilayah."""
        move = self.current()
        if move is None or not move.can_decide:
            return
        asked = self.confirm(
            self.tr("Confirm move"),
            self.tr(
                "Move household {0} ({1}) from {2} {3} to {4} {5}?\n\n"
                "It leaves the enumerators of {2} and comes to your wilayah. Your name is "
                "recorded with the decision."
            ).format(
                move.household_id,
                move.nama_krt or "-",
                move.from_text,
                place_name(move.from_kode),
                move.to_text,
                place_name(move.to_kode),
            ),  # fmt: skip
        )
        if asked:
            self._decide(move, moves.CONFIRM, self.note.text().strip() or None)

    def refuse(self) -> None:
        """Refuse the selected move with the note (required): the household stays where it is."""
        move = self.current()
        if move is None or not move.can_decide:
            return
        note = self.note.text().strip()
        if not note:
            self._say(self.tr("Write a note first: it says why the move is refused."), error=True)
            self.note.setFocus()
            return
        self._decide(move, moves.REFUSE, note)

    def confirm(self, title: str, text: str) -> bool:
        """Ask yes/no (tests replace this)."""
        reply = QMessageBox.question(self, title, text)
        return reply == QMessageBox.StandardButton.Yes

    def _decide(self, move: Move, decision: str, note: str | None) -> None:
        api = self.session.api
        self._say(self.tr("Sending…"))
        review_jobs.start(
            self,
            lambda progress, cancel: api.decide_move(move.move_id, decision, note),
            lambda reply: self._decided(move, decision, reply),
            self._failed,
        )
        self._enable()

    def _decided(self, move: Move, decision: str, reply: dict) -> None:
        self.last_reply = reply
        self.note.clear()
        if decision == moves.CONFIRM:
            text = self.tr("Move confirmed: household {0} is now in {1}.")
        else:
            text = self.tr("Move refused: household {0} stays in {1}.")
        where = move.to_text if decision == moves.CONFIRM else move.from_text
        self._say(text.format(move.household_id, where))
        self.decided.emit(reply)
        self.refresh()

    def _say(self, text: str, error: bool = False) -> None:
        self.error = text if error else ""
        self.status.setStyleSheet("color: #b91c1c;" if error else "")
        self.status.setText(text)
