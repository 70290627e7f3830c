"""The reviewer's home: the review queue filtered by wilayah, round and flag, with exports."""

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from capi_app.moves import from_listing, waiting_for_me
from capi_app.review import FLAGS, Queue, bulk_approvable, wilayah_choices
from capi_app.ui import review_jobs, window_size
from capi_app.ui.review_errors import plain_error
from capi_app.ui.review_queue_model import (
    FLAG_COLORS,
    FlagChipDelegate,
    ReviewQueueModel,
    flag_label,
    make_queue_proxy,
    review_state_label,
)
from dtks import review, wilayah

PAGE = 500
MAX_ROWS = 20000


AWAITING_APPROVAL = "awaiting_approval"
"""The view of open households with a verification: waiting for approval, no flag holds them."""


NEEDING_REVIEW = {"state": review.NEEDS_REVIEW}
WAITING = {"state": review.OPEN, "verified": True}
"""Open households with a verification: no flag holds them, an approval waits for them."""


def fetch_queue(api, scope, round, view, cancel) -> Queue:
    """All pages of the queue for the filters (runs on a worker thread).

    ``view`` is '' (everything waiting for a reviewer: the households needing review, then
    those waiting for approval), AWAITING_APPROVAL (only the latter), or a flag kind."""
    if view == AWAITING_APPROVAL:
        return _pages(api, scope, round, WAITING, cancel, MAX_ROWS)
    if view:
        return _pages(api, scope, round, {"flag": view}, cancel, MAX_ROWS)
    flagged = _pages(api, scope, round, NEEDING_REVIEW, cancel, MAX_ROWS)
    waiting = _pages(api, scope, round, WAITING, cancel, MAX_ROWS - len(flagged.items))
    return Queue(
        flagged.items + waiting.items,
        flagged.counts,
        flagged.total + waiting.total,
        flagged.awaiting_approval,
        flagged.count_cap,
    )


def _pages(api, scope, round, query: dict, cancel, most: int) -> Queue:
    """Up to ``most`` rows of one query of GET /review/queue, page by page."""
    items, first, offset = [], None, 0
    while True:
        page = Queue.from_json(
            api.review_queue(scope=scope, round=round, limit=PAGE, offset=offset, **query)
        )
        items += page.items
        first = first or page
        offset += PAGE
        if len(page.items) < PAGE or offset >= most or cancel.is_set():
            break
    total = max(first.total, len(items))
    return Queue(
        items[: max(most, 0)], first.counts, total, first.awaiting_approval, first.count_cap
    )


class ReviewWindow(QMainWindow):
    """Households waiting for review; Enter or double-click opens one."""

    loaded = Signal()
    """Emitted after each refresh of the queue (success or failure)."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.model = ReviewQueueModel(self)
        self.proxy = make_queue_proxy(self.model)
        self.flag = ""
        self.jobs = []
        self.rounds: set[str] = set()
        self.error = ""
        self._windows: dict[str, object] = {}  # household_id -> its open review window
        self._build()
        self.retranslate()
        window_size.fit(self, 1320, 760)
        self.refresh()

    # -- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        from capi_app.ui.review_exports import Exports

        self.exports = Exports(self)
        bar = QToolBar(movable=False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(bar)
        self.refresh_action = QAction(self, shortcut=QKeySequence("F5"))
        self.refresh_action.triggered.connect(self.refresh)
        self.bulk_action = QAction(self)
        self.bulk_action.triggered.connect(self.bulk_approve)
        self.open_action = QAction(self)
        self.open_action.triggered.connect(self.open_current)
        self.submissions_action = QAction(self)
        self.submissions_action.triggered.connect(self.open_submissions)
        self.integrity_action = QAction(self, shortcut=QKeySequence("Ctrl+Shift+I"))
        self.integrity_action.triggered.connect(self.open_integrity)
        self.moves_action = QAction(self)
        self.moves_action.triggered.connect(self.open_moves)
        self.moves_waiting: int | None = None
        self.export_menu = QMenu(self)
        self.export_button = QToolButton(popupMode=QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_button.setMenu(self.export_menu)
        self.exports.fill_menu(self.export_menu)
        bar.addAction(self.refresh_action)
        bar.addAction(self.open_action)
        bar.addAction(self.bulk_action)
        bar.addWidget(self.export_button)
        bar.addAction(self.submissions_action)
        self.progress_action = QAction(self)
        self.progress_action.triggered.connect(self.open_progress)
        bar.addAction(self.progress_action)
        bar.addAction(self.integrity_action)
        bar.addAction(self.moves_action)
        spacer = QWidget()
        spacer.setSizePolicy(
            spacer.sizePolicy().Policy.Expanding, spacer.sizePolicy().Policy.Preferred
        )
        bar.addWidget(spacer)
        self.user_label = QLabel()
        bar.addWidget(self.user_label)

        self.wilayah_label, self.round_label = QLabel(), QLabel()
        self.wilayah = QComboBox(minimumWidth=330)
        self.wilayah.setMaxVisibleItems(25)
        for code, name, depth in wilayah_choices(self.session.scopes or []):
            self.wilayah.addItem("    " * depth + f"{wilayah.dotted(code)}  {name}", code)
        self.wilayah.currentIndexChanged.connect(lambda i: self.refresh())
        self.round = QComboBox(minimumWidth=140)
        self.round.addItem("", "")
        self.round.currentIndexChanged.connect(lambda i: self.refresh())
        self.search = QLineEdit(clearButtonEnabled=True)
        self.search.textChanged.connect(lambda text: self._search_timer.start())
        self.search.returnPressed.connect(self.open_current)
        self._search_timer = QTimer(self, singleShot=True, interval=60)
        self._search_timer.timeout.connect(self._apply_search)
        filters = QHBoxLayout()
        for widget in (self.wilayah_label, self.wilayah, self.round_label, self.round):
            filters.addWidget(widget)
        filters.addWidget(self.search, 1)

        self.flag_title = QLabel(objectName="sectiontitle")
        self.flag_buttons = QButtonGroup(self, exclusive=True)
        flag_box = QVBoxLayout()
        flag_box.addWidget(self.flag_title)
        for i, flag in enumerate(("", AWAITING_APPROVAL, *FLAGS)):
            button = QPushButton(checkable=True, objectName="flagbutton")
            button.setProperty("flag", flag)
            color = "#0e7490" if flag == AWAITING_APPROVAL else FLAG_COLORS.get(flag, "#0f172a")
            button.setStyleSheet(
                f"QPushButton {{ text-align: left; border-left: 5px solid {color}; }}"
                f"QPushButton:checked {{ background: #ccfbf1; font-weight: 600; }}"
            )
            self.flag_buttons.addButton(button, i)
            flag_box.addWidget(button)
        self.flag_buttons.button(0).setChecked(True)
        self.flag_buttons.idClicked.connect(self._flag_clicked)
        flag_box.addStretch()
        from capi_app.ui.account_switch import AccountButton

        # Bottom left, not in the toolbar: the review's actions fill a 1366-pixel toolbar.
        self.account_button = AccountButton(self.session)
        flag_box.addWidget(self.account_button)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(50)  # room for two lines of chips
        self.table.setItemDelegateForColumn(3, FlagChipDelegate(self.table))
        for column, width in enumerate((160, 190, 130, 330, 130, 200)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        # activated comes on Enter and on a double-click alike: doubleClicked too would open twice.
        self.table.activated.connect(lambda index: self.open_current())

        self.count_label = QLabel(objectName="subtitle")
        self.status = QLabel(objectName="subtitle", wordWrap=True)
        right = QVBoxLayout()
        right.addLayout(filters)
        right.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addWidget(self.status, 1)
        right.addLayout(bottom)
        body = QHBoxLayout()
        body.setContentsMargins(12, 12, 12, 8)
        left = QWidget()
        left.setFixedWidth(260)
        left.setLayout(flag_box)
        flag_box.setContentsMargins(0, 0, 0, 0)
        body.addWidget(left)
        body.addLayout(right, 1)
        central = QWidget()
        central.setLayout(body)
        self.setCentralWidget(central)
        self.search.setFocus()

    def open_progress(self):
        """The progress of the field work in the reviewer's scope (as the supervisor sees it)."""
        from capi_app.ui.progress_view import open_progress

        return open_progress(self, self.session)

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Verivali: review queue"))
        self.refresh_action.setText(self.tr("Refresh (F5)"))
        self.open_action.setText(self.tr("Open household (Enter)"))
        self.bulk_action.setText(self.tr("Approve all without flags…"))
        self.export_button.setText(self.tr("Exports"))
        self.submissions_action.setText(self.tr("Submissions (pengajuan)…"))
        self.progress_action.setText(self.tr("Progress…"))
        self.integrity_action.setText(self.tr("Visit integrity map…"))
        self._show_moves_waiting()
        self.exports.retranslate()
        # The open-conflicts column holds a number: as wide as its title, no wider.
        self.table.setColumnWidth(4, max(self.table.horizontalHeader().sectionSizeHint(4), 80))
        self.wilayah_label.setText(self.tr("Wilayah"))
        self.round_label.setText(self.tr("Round"))
        self.round.setItemText(0, self.tr("All rounds"))
        self.search.setPlaceholderText(self.tr("Search by household id, name or desa…"))
        self.flag_title.setText(self.tr("Show households with"))
        roles = {"reviewer": self.tr("reviewer"), "admin": self.tr("admin")}
        role = roles.get(self.session.role or "", self.session.role or "")
        mode = self.tr("online")  # reviewers work against the server, always online
        self.user_label.setText(f"{self.session.username} · {role} · {mode}")
        self._fill_counts()
        self._show_count()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 5)
        super().changeEvent(event)

    # -- filters -------------------------------------------------------------------------
    def scope(self) -> str:
        """The chosen wilayah as a plain code ('' when the user has no scope)."""
        return self.wilayah.currentData() or ""

    def round_filter(self) -> str:
        """The chosen round ('' for all rounds)."""
        return self.round.currentData() or ""

    def set_flag(self, flag: str) -> None:
        """Filter by one flag ('' for every household that needs review) and refresh."""
        for button in self.flag_buttons.buttons():
            if button.property("flag") == flag:
                button.setChecked(True)
        self.flag = flag
        self.refresh()

    def _flag_clicked(self, button_id: int) -> None:
        self.set_flag(self.flag_buttons.button(button_id).property("flag"))

    def _fill_counts(self, counts: dict | None = None, total: int | None = None) -> None:
        self._counts = counts if counts is not None else getattr(self, "_counts", {})
        if total is not None:
            self._total = total
        queue = getattr(self, "_queue", None)
        shown = queue.count_text if queue is not None else str  # "1000+" above the server's cap
        for button in self.flag_buttons.buttons():
            flag = button.property("flag")
            if flag == AWAITING_APPROVAL:
                awaiting = getattr(self, "_awaiting", None)
                text = review_state_label(review.OPEN, verified=True)
                button.setText(text + (f"  ({shown(awaiting)})" if awaiting is not None else ""))
            elif flag:
                button.setText(f"{flag_label(flag)}  ({shown(self._counts.get(flag, 0))})")
            else:
                text = self.tr("Needing review")
                all_count = getattr(self, "_all_count", None)
                button.setText(text + (f"  ({shown(all_count)})" if all_count is not None else ""))

    def _apply_search(self) -> None:
        self.model.set_search(self.search.text())
        self._show_count()
        if self.proxy.rowCount():
            self.table.selectRow(0)

    def _show_count(self) -> None:
        self.count_label.setText(
            self.tr("{0} of {1} households shown").format(
                self.model.rowCount(), len(self.model.all_items())
            )
        )

    # -- loading -------------------------------------------------------------------------
    def refresh(self) -> None:
        """Load the queue for the filters from the server (off the GUI thread)."""
        api, scope, rnd, flag = self.session.api, self.scope(), self.round_filter(), self.flag
        self.status.setText(self.tr("Loading the queue…"))
        self.refresh_action.setEnabled(False)
        self._start(
            lambda progress, cancel: fetch_queue(
                api, scope or None, rnd or None, flag or None, cancel
            ),
            self._loaded,
            self._load_failed,
        )
        self._start(
            lambda progress, cancel: len(waiting_for_me(from_listing(api.review_moves()))),
            self._moves_counted,
            lambda error: None,  # the queue's own load reports a server that cannot be reached
        )

    def _moves_counted(self, waiting: int) -> None:
        self.moves_waiting = waiting
        self._show_moves_waiting()

    def _show_moves_waiting(self) -> None:
        text = self.tr("Moves between wilayah")
        if self.moves_waiting:
            text += f" ({self.moves_waiting})"
        self.moves_action.setText(text + "…")

    def _start(self, fn, done, failed, progress=None):
        return review_jobs.start(self, fn, done, failed, progress)

    def _loaded(self, queue: Queue) -> None:
        self.refresh_action.setEnabled(True)
        self.error = ""
        self.model.set_items(queue.items)
        if not self.flag:
            self._all_count = queue.total
        self._awaiting = queue.awaiting_approval
        self._queue = queue
        self._fill_counts(queue.counts, queue.total)
        self._add_rounds(i.round for i in queue.items)
        self._show_count()
        self.status.setText("")
        if self.proxy.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)
        self.loaded.emit()

    def _load_failed(self, error: Exception) -> None:
        self.refresh_action.setEnabled(True)
        self.error = plain_error(error)
        self.status.setText(self.error)
        self.loaded.emit()

    def _add_rounds(self, rounds) -> None:
        new = {r for r in rounds if r} - self.rounds
        if not new:
            return
        self.rounds |= new
        current = self.round_filter()
        self.round.blockSignals(True)
        while self.round.count() > 1:
            self.round.removeItem(1)
        for r in sorted(self.rounds, reverse=True):
            self.round.addItem(r, r)
        self.round.setCurrentIndex(max(self.round.findData(current), 0))
        self.round.blockSignals(False)

    def latest_round(self) -> str:
        """The chosen round, else the newest one seen in the queue ('' when none)."""
        return self.round_filter() or max(self.rounds, default="")

    # -- actions -------------------------------------------------------------------------
    def current_household_id(self) -> str | None:
        """The id of the selected household, if any."""
        index = self.table.currentIndex()
        return self.proxy.data(index, Qt.ItemDataRole.UserRole) if index.isValid() else None

    def open_current(self):
        """Open the selected household's review screen; returns it (None if none selected)."""
        household_id = self.current_household_id()
        return self.open_household(household_id) if household_id else None

    def open_household(self, household_id: str):
        """Show the household review screen; refresh the queue after each decision."""
        from capi_app.ui.review_household import ReviewHouseholdDialog

        dialog = self._windows.get(household_id)
        if dialog is not None:  # one window per household: a second open raises the first
            dialog.raise_()
            dialog.activateWindow()
            return dialog
        dialog = ReviewHouseholdDialog(self.session, household_id, self)
        self._windows[household_id] = dialog
        dialog.decided.connect(lambda reply: self.refresh())
        dialog.finished.connect(lambda _: self._windows.pop(household_id, None))
        dialog.open()
        return dialog

    def open_integrity(self):
        """The desa map and per-enumerator integrity summary; a point opens its household."""
        from capi_app.ui.integrity_view import IntegrityWindow

        desa = self.scope() if len(self.scope()) == 10 else None
        window = IntegrityWindow(self.session, self.open_household, desa)
        self.integrity_window = window
        window.show()
        return window

    def open_submissions(self):
        """Show the submissions window (make a submission, submit it with the signed scan)."""
        from capi_app.ui.submissions_window import SubmissionsWindow

        window = getattr(self, "submissions_window", None)
        if window is None:
            window = self.submissions_window = SubmissionsWindow(self.session)
            window.decided.connect(lambda reply: self.refresh())
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def open_moves(self):
        """Show the moves window: households whose move into or out of the scope waits."""
        from capi_app.ui.moves_window import MovesWindow

        window = getattr(self, "moves_window", None)
        if window is None:
            window = self.moves_window = MovesWindow(self.session)
            window.decided.connect(lambda reply: self.refresh())
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def bulk_approve(self) -> None:
        """Approve every household of the wilayah and round without flags, after confirming."""
        scope, rnd = self.scope(), self.latest_round()
        if not scope or not rnd:
            QMessageBox.information(
                self,
                self.tr("Approve all without flags"),
                self.tr("Choose a wilayah and a round first."),
            )
            return
        api = self.session.api
        self.status.setText(self.tr("Counting the households without flags…"))
        self._start(
            lambda progress, cancel: _approvable(api, scope, rnd, cancel),
            lambda items: self._confirm_bulk(scope, rnd, items),
            self._load_failed,
        )

    def _confirm_bulk(self, scope: str, rnd: str, items: list) -> None:
        self.status.setText("")
        name = f"{wilayah.dotted(scope)} {wilayah.lookup(scope) or ''}".strip()
        if not items:
            QMessageBox.information(
                self,
                self.tr("Approve all without flags"),
                self.tr("No household of {0} in round {1} is waiting without flags.").format(
                    name, rnd
                ),
            )
            return
        answer = self.confirm(
            self.tr("Approve all without flags"),
            self.tr(
                "Approve {0} households of {1} in round {2} that have a verification and no flags?\n\n"
                "Each approval is recorded under your name. Households with flags stay in the queue."
            ).format(len(items), name, rnd),
        )
        if not answer:
            return
        api = self.session.api
        self.status.setText(self.tr("Approving…"))
        self._start(
            lambda progress, cancel: api.bulk_approve(scope, rnd),
            self._bulk_done,
            self._load_failed,
        )

    def confirm(self, title: str, text: str) -> bool:
        """Ask yes/no (tests replace this)."""
        reply = QMessageBox.question(self, title, text)
        return reply == QMessageBox.StandardButton.Yes

    def _bulk_done(self, reply: dict) -> None:
        self.last_bulk = reply
        self.status.setText(
            self.tr("{0} households approved, {1} skipped.").format(
                len(reply.get("approved") or []), reply.get("skipped", 0)
            )
        )
        self.refresh()


def _approvable(api, scope: str, rnd: str, cancel) -> list:
    """Households bulk-approve would take (the count shown in the confirmation)."""
    items = []
    for state in sorted(review.BULK_FROM):
        offset = 0
        while offset < MAX_ROWS and not cancel.is_set():
            page = Queue.from_json(
                api.review_queue(scope=scope, round=rnd, state=state, limit=PAGE, offset=offset)
            )
            items += page.items
            offset += PAGE
            if len(page.items) < PAGE:
                break
    return bulk_approvable(items, rnd)
