"""Submissions (pengajuan) up the chain: the home of provinsi and Kemensos reviewers, and the
kabupaten/kota reviewer's window to make a submission and submit it with the signed scan.

Left the queue of submissions, right the chosen one: its households (tick those to return and
write what to fix), the recap by result and desa, its history; the buttons offer what the
server says the user may decide now. Every request runs off the GUI thread."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from capi_app.submissions import (
    SubmissionDetail,
    fetch_all,
    levels,
    missing_notes,
)
from capi_app.ui import review_jobs, window_size
from capi_app.ui.review_errors import plain_error, submission_error
from capi_app.ui.review_exports import SCAN_TYPES, render_report
from capi_app.ui.submission_models import (
    RecapModel,
    SubmissionListModel,
    SubmittedHouseholdsModel,
    decision_label,
    level_label,
    make_proxy,
    result_label,
    submission_state_label,
    wilayah_text,
)
from dtks import review
from dtks import scope as scope_rule

WAITING, ALL = "waiting", "all"


def waits_for(item, mine: tuple[str, ...]) -> bool:
    """True when the submission waits for a decision of one of the user's levels."""
    if item.level not in mine:
        return False
    if item.state in (review.DRAFT, review.SUBMITTED):
        return True
    return item.state == review.RETURNED and item.level != review.KABKOTA


class SubmissionsWindow(QMainWindow):
    """The queue of submissions and the chosen one's households, recap and history."""

    loaded = Signal()
    """Emitted after each refresh of the list (success or failure)."""
    shown = Signal()
    """Emitted when a submission's detail is shown (or failed to load)."""
    decided = Signal(dict)
    """Emitted with the server's reply after each decision."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.mine = levels(session.scopes or [])
        self.jobs = []
        self.detail: SubmissionDetail | None = None
        self.error = ""
        self.rounds: set[str] = set()
        self.list_model = SubmissionListModel(self)
        self.list_proxy = make_proxy(self.list_model)
        self.households = SubmittedHouseholdsModel(self)
        self.households_proxy = make_proxy(self.households)
        self.recap = RecapModel(self)
        self.history = QStandardItemModel(0, 5, self)
        self._build()
        self.retranslate()
        window_size.fit(self, 1340, 760)
        self.refresh()

    # -- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        bar = QToolBar(movable=False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(bar)
        self.refresh_action = QAction(self, shortcut=QKeySequence("F5"))
        self.refresh_action.triggered.connect(self.refresh)
        self.new_action = QAction(self)
        self.new_action.triggered.connect(self.make_submission)
        self.new_action.setVisible(review.KABKOTA in self.mine)
        bar.addAction(self.refresh_action)
        bar.addAction(self.new_action)
        self.progress_action = QAction(self)
        self.progress_action.triggered.connect(self.open_progress)
        bar.addAction(self.progress_action)
        spacer = QWidget()
        spacer.setSizePolicy(
            spacer.sizePolicy().Policy.Expanding, spacer.sizePolicy().Policy.Preferred
        )
        bar.addWidget(spacer)
        self.user_label = QLabel()
        bar.addWidget(self.user_label)
        from capi_app.ui.account_switch import AccountButton

        self.account_button = AccountButton(self.session)
        bar.addWidget(self.account_button)

        self.show_label, self.round_label = QLabel(), QLabel()
        self.show_filter = QComboBox()
        self.show_filter.addItem("", WAITING)
        self.show_filter.addItem("", ALL)
        self.show_filter.currentIndexChanged.connect(lambda i: self._apply_filter())
        self.round = QComboBox()
        self.round.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.round.addItem("", "")
        self.round.currentIndexChanged.connect(lambda i: self._apply_filter())
        filters = QHBoxLayout()
        for widget in (self.show_label, self.show_filter, self.round_label, self.round):
            filters.addWidget(widget)
        filters.addStretch()

        self.table = self._table(self.list_proxy)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for column, width in enumerate((44, 150, 160, 90)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, prev: self._chosen())
        self.count_label = QLabel(objectName="subtitle")
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addLayout(filters)
        left_box.addWidget(self.table, 1)
        left_box.addWidget(self.count_label)

        left_box.setSpacing(6)
        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(objectName="sectiontitle", wordWrap=True)
        self.state_line = QLabel(wordWrap=True)
        self.results_line = QLabel(wordWrap=True)
        self.note_line = QLabel(wordWrap=True, objectName="subtitle")
        for widget in (self.title, self.state_line, self.results_line, self.note_line):
            right_box.addWidget(widget)
        self.tabs = QTabWidget()
        self.search = QLineEdit(clearButtonEnabled=True)
        self.search.textChanged.connect(lambda text: self._search_timer.start())
        self._search_timer = QTimer(self, singleShot=True, interval=60)
        self._search_timer.timeout.connect(lambda: self.households.set_search(self.search.text()))
        self.household_table = self._table(self.households_proxy)
        self.household_table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        for column, width in enumerate((112, 148, 175, 100, 88)):
            self.household_table.setColumnWidth(column, width)
        self.household_table.horizontalHeader().setSectionResizeMode(
            SubmittedHouseholdsModel.NOTE, QHeaderView.ResizeMode.Stretch
        )
        page = QWidget()
        page_box = QVBoxLayout(page)
        page_box.addWidget(self.search)
        page_box.addWidget(self.household_table, 1)
        self.tabs.addTab(page, "")
        self.recap_table = self._table(self.recap)
        self.recap_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tabs.addTab(self.recap_table, "")
        self.history_table = self._table(self.history)
        self.history_table.horizontalHeader().setSectionResizeMode(
            4, QHeaderView.ResizeMode.Stretch
        )
        self.tabs.addTab(self.history_table, "")
        right_box.addWidget(self.tabs, 1)

        self.buttons = {}
        rows = (
            ((review.FORWARD, self.forward), (review.ESTABLISH, self.establish),
             ("return_some", self.return_chosen), (review.RETURN, self.return_whole)),
            ((review.SUBMIT, self.submit_with_scan), (review.WITHDRAW, self.withdraw),
             ("draft_pdf", self.pengesahan_draft)),
        )  # fmt: skip
        for row in rows:
            actions = QHBoxLayout()
            for name, slot in row:
                button = QPushButton()
                button.clicked.connect(slot)
                self.buttons[name] = button
                actions.addWidget(button)
            actions.addStretch()
            right_box.addLayout(actions)
        self.status = QLabel(objectName="subtitle", wordWrap=True)
        right_box.addWidget(self.status)

        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([450, 890])
        body = QVBoxLayout()
        body.setContentsMargins(12, 12, 12, 8)
        body.addWidget(split)
        central = QWidget()
        central.setLayout(body)
        self.setCentralWidget(central)
        self._show_detail(None)

    def _table(self, model) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setSortingEnabled(not isinstance(model, RecapModel | QStandardItemModel))
        table.setAlternatingRowColors(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        return table

    def open_progress(self):
        """The progress of the field work in the reviewer's scope (as the supervisor sees it)."""
        from capi_app.ui.progress_view import open_progress

        return open_progress(self, self.session)

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Verivali: submissions (pengajuan)"))
        self.refresh_action.setText(self.tr("Refresh (F5)"))
        self.new_action.setText(self.tr("Make a submission…"))
        self.progress_action.setText(self.tr("Progress…"))
        self.show_label.setText(self.tr("Show"))
        self.show_filter.setItemText(0, self.tr("Waiting for my decision"))
        self.show_filter.setItemText(1, self.tr("All submissions"))
        self.round_label.setText(self.tr("Round"))
        self.round.setItemText(0, self.tr("All rounds"))
        self.search.setPlaceholderText(self.tr("Search by household id, name, desa or address…"))
        self.tabs.setTabText(0, self.tr("Households"))
        self.tabs.setTabText(1, self.tr("Recap by desa"))
        self.tabs.setTabText(2, self.tr("History"))
        self.history.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("User"), self.tr("Step"), self.tr("Level"), self.tr("Note")]
        )
        texts = {
            review.SUBMIT: self.tr("Submit with the signed scan…"),
            review.FORWARD: self.tr("Forward"),
            "return_some": self.tr("Return the ticked households"),
            review.RETURN: self.tr("Return all…"),
            review.ESTABLISH: self.tr("Establish"),
            review.WITHDRAW: self.tr("Withdraw the draft"),
            "draft_pdf": self.tr("Pengesahan draft (PDF)…"),
        }
        for name, text in texts.items():
            self.buttons[name].setText(text)
        where = ", ".join(level_label(lv) for lv in self.mine) or "-"
        self.user_label.setText(f"{self.session.username} · {where}")
        self._show_detail(self.detail)
        self._show_count()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- the list ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Load the submissions from the server (off the GUI thread)."""
        api = self.session.api
        self.status.setText(self.tr("Loading the submissions…"))
        self.refresh_action.setEnabled(False)
        self._start(lambda progress, cancel: fetch_all(api), self._loaded, self._load_failed)

    def _loaded(self, items) -> None:
        self.refresh_action.setEnabled(True)
        self.error = ""
        self._items = items
        self._add_rounds(i.round for i in items)
        self._apply_filter()
        self.status.setText("")
        self.loaded.emit()

    def _load_failed(self, error: Exception) -> None:
        self.refresh_action.setEnabled(True)
        self.error = plain_error(error)
        self.status.setText(self.error)
        self.loaded.emit()

    def _apply_filter(self) -> None:
        items = getattr(self, "_items", [])
        rnd = self.round.currentData() or ""
        waiting = self.show_filter.currentData() == WAITING
        keep = [
            i
            for i in items
            if (not rnd or i.round == rnd) and (not waiting or waits_for(i, self.mine))
        ]
        chosen = getattr(self, "_after", None) or self.current_id()
        self._after = None
        self.list_model.set_items(keep)
        self._show_count()
        if keep:
            ids = [i.submission_id for i in keep]
            self.select(chosen if chosen in ids else ids[0])
        else:
            self._show_detail(None)

    def _add_rounds(self, rounds) -> None:
        new = {r for r in rounds if r} - self.rounds
        if not new:
            return
        self.rounds |= new
        current = self.round.currentData() or ""
        self.round.blockSignals(True)
        while self.round.count() > 1:
            self.round.removeItem(1)
        for r in sorted(self.rounds, reverse=True):
            self.round.addItem(r, r)
        self.round.setCurrentIndex(max(self.round.findData(current), 0))
        self.round.blockSignals(False)

    def _show_count(self) -> None:
        self.count_label.setText(
            self.tr("{0} of {1} submissions shown").format(
                self.list_model.rowCount(), len(getattr(self, "_items", []))
            )
        )

    def current_id(self) -> int | None:
        """The id of the chosen submission, if any."""
        index = self.table.currentIndex()
        return self.list_proxy.data(index, Qt.ItemDataRole.UserRole) if index.isValid() else None

    def select(self, submission_id: int) -> None:
        """Choose a submission of the list and load its detail."""
        for row in range(self.list_proxy.rowCount()):
            index = self.list_proxy.index(row, 0)
            if self.list_proxy.data(index, Qt.ItemDataRole.UserRole) == submission_id:
                if self.table.currentIndex().row() == row:
                    self._chosen()
                else:
                    self.table.setCurrentIndex(index)
                return

    def _chosen(self) -> None:
        sid = self.current_id()
        if sid is None:
            self._show_detail(None)
            return
        api = self.session.api
        self._start(
            lambda progress, cancel: SubmissionDetail.from_json(api.submission(sid)),
            self._detail_loaded,
            self._detail_failed,
        )

    def _detail_loaded(self, detail: SubmissionDetail) -> None:
        if detail.item.submission_id == self.current_id() or self.detail is None:
            self._show_detail(detail)
        self.shown.emit()

    def _detail_failed(self, error: Exception) -> None:
        self.status.setText(plain_error(error))
        self.shown.emit()

    # -- the chosen submission -----------------------------------------------------------
    def _show_detail(self, detail: SubmissionDetail | None) -> None:
        self.detail = detail
        for button in self.buttons.values():
            button.setEnabled(False)
        if detail is None:
            self.title.setText(self.tr("Choose a submission on the left."))
            for label in (self.state_line, self.results_line, self.note_line):
                label.setText("")
            self.households.set_submission([], False)
            self.recap.set_rows([])
            self.history.setRowCount(0)
            return
        item = detail.item
        self.title.setText(
            self.tr("Submission {0} · {1} · round {2} · {3}").format(
                item.submission_id, wilayah_text(item.scope, item.scope_name), item.round,
                item.activity.upper(),
            )
        )  # fmt: skip
        self.state_line.setText(self._state_text(detail))
        self.results_line.setText(
            " · ".join(f"{result_label(k)}: {detail.by_result.get(k, 0)}" for k in ("1", "2", ""))
        )
        self.note_line.setText(self.tr("Note: {0}").format(item.note) if item.note else "")
        self.note_line.setVisible(bool(item.note))
        self.households.set_submission(detail.households, detail.may(review.RETURN))
        self.recap.set_rows(detail.by_desa)
        self._fill_history(detail)
        self.buttons[review.SUBMIT].setEnabled(detail.may(review.SUBMIT))
        self.buttons[review.FORWARD].setEnabled(detail.may(review.FORWARD))
        self.buttons["return_some"].setEnabled(detail.may(review.RETURN))
        self.buttons[review.RETURN].setEnabled(detail.may(review.RETURN))
        self.buttons[review.ESTABLISH].setEnabled(detail.may(review.ESTABLISH))
        self.buttons[review.WITHDRAW].setEnabled(detail.may(review.WITHDRAW))
        self.buttons["draft_pdf"].setEnabled(bool(detail.households))
        for name in (review.SUBMIT, review.WITHDRAW):
            self.buttons[name].setVisible(review.KABKOTA in self.mine)
        self.buttons[review.ESTABLISH].setVisible(review.KEMENSOS in self.mine)

    def _state_text(self, detail: SubmissionDetail) -> str:
        item = detail.item
        parts = [
            self.tr("{0} at {1}").format(
                submission_state_label(item.state), level_label(item.level)
            ),
            self.tr("{0} households").format(item.count),
        ]
        if item.returned:
            parts.append(self.tr("{0} returned").format(item.returned))
        if item.parent_id:
            parts.append(self.tr("split from submission {0}").format(item.parent_id))
        scan = detail.pengesahan
        if scan:
            parts.append(
                self.tr("signed scan {0}… by {1}, {2}").format(
                    scan["sha256"][:12], scan["uploaded_by"], str(scan["uploaded_at"])[:10]
                )
            )
        else:
            parts.append(self.tr("no signed scan yet"))
        return " · ".join(parts)

    def _fill_history(self, detail: SubmissionDetail) -> None:
        self.history.setRowCount(0)
        for e in detail.history:
            where = level_label(e.get("from_level") or "")
            if e.get("to_level") and e.get("to_level") != e.get("from_level"):
                where += f" → {level_label(e['to_level'])}"
            values = (
                str(e.get("at") or "")[:16].replace("T", " "),
                str(e.get("user") or ""),
                decision_label(str(e.get("decision") or "")),
                where,
                str(e.get("note") or ""),
            )
            self.history.appendRow([QStandardItem(v) for v in values])

    # -- asking (tests replace these) ----------------------------------------------------
    def ask_note(self, title: str, label: str) -> str | None:
        """A note typed by the reviewer; None when cancelled."""
        text, ok = QInputDialog.getMultiLineText(self, title, label)
        return text.strip() if ok else None

    def ask_round(self) -> str:
        """The round of a new submission (YYYY-MM); '' when cancelled."""
        start = self.round.currentData() or max(self.rounds, default="")
        text, ok = QInputDialog.getText(
            self, self.tr("Make a submission"), self.tr("Round (YYYY-MM):"),
            text=start or date.today().strftime("%Y-%m"),
        )  # fmt: skip
        return text.strip() if ok else ""

    def ask_open_path(self, title: str, pattern: str) -> str:
        """Which file to upload; '' when cancelled."""
        path, _ = QFileDialog.getOpenFileName(self, title, str(Path.home()), pattern)
        return path

    def ask_save_path(self, title: str, name: str, pattern: str) -> str:
        """Where to save a file; '' when cancelled."""
        path, _ = QFileDialog.getSaveFileName(self, title, str(Path.home() / name), pattern)
        return path

    def confirm(self, title: str, text: str) -> bool:
        """Ask yes/no."""
        reply = QMessageBox.question(self, title, text)
        return reply == QMessageBox.StandardButton.Yes

    # -- decisions -----------------------------------------------------------------------
    def make_submission(self) -> None:
        """Make a draft of the round's approved households of the kabupaten/kota."""
        scopes = [s for s in self.session.scopes or [] if len(scope_rule.plain(s)) >= 4]
        rnd = self.ask_round()
        if not rnd or not scopes:
            return
        api, scope = self.session.api, scope_rule.plain(scopes[0])
        self.status.setText(self.tr("Making the submission…"))
        self._start(
            lambda progress, cancel: api.create_submission(rnd, scope),
            self._made,
            self._failed,
        )

    def _made(self, reply: dict) -> None:
        self.status.setText(
            self.tr("Submission {0} made with {1} approved households: upload the signed "
                    "pengesahan and submit it.").format(reply["submission_id"], reply["count"])
        )  # fmt: skip
        self._after = reply["submission_id"]
        self.show_filter.setCurrentIndex(0)
        self.refresh()

    def submit_with_scan(self) -> None:
        """Upload the signed pengesahan scan of the submission and submit it with it."""
        d = self.detail
        if d is None:
            return
        path = self.ask_open_path(
            self.tr("Choose the signed pengesahan scan"),
            self.tr("Scans (*.pdf *.jpg *.jpeg *.png)"),
        )
        if not path:
            return
        kind = SCAN_TYPES.get(Path(path).suffix.lower())
        if kind is None:
            self.status.setText(self.tr("Choose a PDF, JPEG or PNG file."))
            return
        api, item = self.session.api, d.item

        def upload_and_submit(progress, cancel):
            doc = api.upload_pengesahan(item.round, item.scope, Path(path).read_bytes(), kind)
            return api.decide_submission(
                item.submission_id, review.SUBMIT, pengesahan_sha256=doc["sha256"]
            )

        self._run(upload_and_submit, self.tr("Uploading the scan and submitting…"))

    def forward(self) -> None:
        """Send the submission one level up."""
        if self.detail is not None:
            self._decide(review.FORWARD, self.tr("Forwarding…"))

    def establish(self) -> None:
        """Establish the submission's data as the DTKS of record (after confirming)."""
        d = self.detail
        if d is None:
            return
        text = self.tr(
            "Establish the {0} households of submission {1} as the data of record? "
            "The next round's pre-list starts from them."
        ).format(d.item.count, d.item.submission_id)
        if self.confirm(self.tr("Establish"), text):
            self._decide(review.ESTABLISH, self.tr("Establishing…"))

    def withdraw(self) -> None:
        """Give up a draft; its households can go into another submission."""
        if self.detail is not None:
            self._decide(review.WITHDRAW, self.tr("Withdrawing…"))

    def return_whole(self) -> None:
        """Return the whole submission one level down with a note."""
        if self.detail is None:
            return
        note = self.ask_note(
            self.tr("Return all"),
            self.tr("What must be fixed? The whole submission goes one level down with this note."),
        )
        if not note:
            if note is not None:
                self.status.setText(self.tr("Write a note saying what to fix."))
            return
        self._decide(review.RETURN, self.tr("Returning…"), note=note)

    def return_chosen(self) -> None:
        """Return the ticked households, each with its note, one level down."""
        returns = self.households.returns()
        if not returns:
            self.status.setText(
                self.tr("Tick the households to return and write in Note what to fix.")
            )
            return
        empty = missing_notes(returns, list(returns))
        if empty:
            self.status.setText(
                self.tr("Household {0}: write in Note what to fix.").format(empty[0])
            )
            return
        self._decide(
            review.RETURN,
            self.tr("Returning {0} households…").format(len(returns)),
            household_returns=returns,
        )

    def pengesahan_draft(self) -> None:
        """Make the pengesahan draft PDF from what the submission carries."""
        d = self.detail
        if d is None:
            return
        item = d.item
        name = f"pengesahan-{item.round}-{item.scope}-{item.submission_id}.pdf"
        path = self.ask_save_path(self.tr("Save the PDF"), name, self.tr("PDF files (*.pdf)"))
        if not path:
            return
        api, lang = self.session.api, self.session.profile.settings.language
        self.status.setText(self.tr("Making the PDF…"))
        self._start(
            lambda progress, cancel: render_report(
                "pengesahan", api.submission_report(item.submission_id), path, lang
            ),
            lambda p: self._saved(str(p)),
            self._failed,
        )

    def _saved(self, path: str) -> None:
        self.last_path = path
        self.status.setText(self.tr("Saved: {0}").format(path))

    def _decide(self, decision: str, busy: str, **body) -> None:
        api, sid = self.session.api, self.detail.item.submission_id
        self._run(lambda progress, cancel: api.decide_submission(sid, decision, **body), busy)

    def _run(self, fn, busy: str) -> None:
        self.status.setText(busy)
        for button in self.buttons.values():
            button.setEnabled(False)
        self._start(fn, self._decided, self._failed)

    def _decided(self, reply: dict) -> None:
        detail = SubmissionDetail.from_json(reply)
        self.last_reply = reply
        self._show_detail(detail)
        item = detail.item
        self.status.setText(
            self.tr("Submission {0}: {1} at {2}.").format(
                item.submission_id, submission_state_label(item.state), level_label(item.level)
            )
        )
        self._after = item.submission_id
        self.decided.emit(reply)
        self.refresh()

    def _failed(self, error: Exception) -> None:
        self.error = submission_error(error)
        self.status.setText(self.error)
        self._show_detail(self.detail)

    def _start(self, fn, done, failed):
        return review_jobs.start(self, fn, done, failed)
