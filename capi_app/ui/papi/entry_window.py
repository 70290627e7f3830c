"""Heads-down entry of paper questionnaires for PAPI clerks: keyboard only, in paper order.

The bar on top holds the batch (its id and mode: 1 first entry, 2 independent second entry,
3 dependent verification), the questionnaire number from the paper and the household (its
id or pre-list number), and counts what was keyed per batch and in the last hour. Below it
the form runs heads-down: no section list, no photo, Enter to the next question, choices by
their code, skip logic followed. Enter on the last question saves; Enter (or F2) then starts
the next questionnaire at its number.

Keys: Enter moves on everywhere; F2 new questionnaire; F5 sync; in verification, 1 or 2 says
which value the paper holds.
"""

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from capi_app.forms import load
from capi_app.papi import (
    DEPENDENT,
    FIRST_ENTRY,
    MODES,
    Batch,
    FirstEntry,
    HouseholdNotFound,
    PapiKeying,
)
from capi_app.ui import window_size, worker
from capi_app.ui.form import FormView
from capi_app.ui.papi.verify_guard import Pending, VerifyGuard
from capi_app.ui.sync_texts import error_text

STYLE = """
QFrame#papiBar { background: #0f3d6e; }
QFrame#papiBar QLabel { color: #ffffff; font-size: 10pt; }
QFrame#papiBar QLabel#counters { font-weight: bold; }
QFrame#papiBar QLineEdit, QFrame#papiBar QComboBox { font-size: 11pt; padding: 3px 6px; }
QLabel#papiStatus { font-size: 10.5pt; padding: 6px 12px; background: #eef1f5; }
QLabel#papiStatus[kind="error"] { color: #b91c1c; font-weight: bold; background: #fff5f5; }
QLabel#papiStatus[kind="done"] { color: #166534; font-weight: bold; background: #ecfdf5; }
QFrame#paperChoice { background: #fff7ed; border: 2px solid #ea580c; }
QFrame#paperChoice QLabel { font-size: 11pt; color: #7c2d12; }
"""


class PapiEntryWindow(QMainWindow):
    """The PAPI clerk's window: batches of paper questionnaires keyed heads-down."""

    def __init__(self, session, form=None, parent=None):
        super().__init__(parent)
        self.session = session
        self.form = form or load(_form_id(session))
        self.batch: Batch | None = None
        self.keying: PapiKeying | None = None
        self.household_id: str | None = None
        self.guard: VerifyGuard | None = None
        self._pending: Pending | None = None
        self._job = None
        self.setStyleSheet(STYLE)
        self._build()
        self.retranslate()
        window_size.fit(self, 1366, 728)
        self._set_keying(False)
        self.batch_edit.setFocus()

    # -- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        bar = QFrame(objectName="papiBar")
        rows = QVBoxLayout(bar)
        rows.setContentsMargins(10, 6, 10, 6)
        rows.setSpacing(4)
        top, bottom = QHBoxLayout(), QHBoxLayout()
        rows.addLayout(top)
        rows.addLayout(bottom)
        self.batch_label, self.mode_label = QLabel(), QLabel()
        self.number_label, self.household_label = QLabel(), QLabel()
        self.batch_edit = QLineEdit(maxLength=64)
        self.batch_edit.setFixedWidth(110)
        self.mode_box = QComboBox()
        self.number_edit = QLineEdit(maxLength=64)
        self.number_edit.setFixedWidth(90)
        self.household_edit = QLineEdit(maxLength=16)
        self.household_edit.setFixedWidth(170)
        self.counters = QLabel(objectName="counters")
        for row, label, widget in (
            (top, self.batch_label, self.batch_edit),
            (top, self.mode_label, self.mode_box),
            (bottom, self.number_label, self.number_edit),
            (bottom, self.household_label, self.household_edit),
        ):
            row.addWidget(label)
            row.addWidget(widget)
            row.addSpacing(8)
        top.addStretch(1)
        top.addWidget(self.counters)
        bottom.addStretch(1)
        from capi_app.ui.account_switch import AccountButton

        self.account_button = AccountButton(self.session)
        bottom.addWidget(self.account_button)
        self.status = QLabel(objectName="papiStatus", wordWrap=True)
        self.paper = QFrame(objectName="paperChoice")
        prow = QHBoxLayout(self.paper)
        self.paper_text = QLabel(wordWrap=True)
        self.paper_key = QLineEdit(maxLength=1)
        self.paper_key.setFixedWidth(40)
        prow.addWidget(self.paper_text, 1)
        prow.addWidget(self.paper_key)
        self.paper.hide()
        self.next_button = QPushButton()
        self.next_button.setAutoDefault(True)
        self.next_button.clicked.connect(self.new_questionnaire)
        self.next_button.hide()
        self.view = FormView(self.form, language=self._lang(), heads_down=True)
        self.view.finished.connect(self.save)
        self.view.answer_changed.connect(self._record_answer)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(bar)
        layout.addWidget(self.status)
        layout.addWidget(self.paper)
        layout.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.view, 1)
        self.setCentralWidget(central)
        self.batch_edit.returnPressed.connect(self.mode_box.setFocus)
        self.mode_box.installEventFilter(self)
        self.number_edit.returnPressed.connect(self._number_entered)
        self.household_edit.returnPressed.connect(self._household_entered)
        self.paper_key.textEdited.connect(self._paper_said)
        for keys, slot in (("F2", self.new_questionnaire), ("F5", self.open_sync)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(slot)

    def retranslate(self) -> None:
        """Every text of the window in the current language."""
        self.setWindowTitle(self.tr("PAPI entry") + f" · {self.session.username}")
        self.batch_label.setText(self.tr("Batch"))
        self.mode_label.setText(self.tr("Mode"))
        self.number_label.setText(self.tr("Questionnaire no."))
        self.household_label.setText(self.tr("Household (id or pre-list no.)"))
        current = self.mode_box.currentIndex()
        self.mode_box.clear()
        self.mode_box.addItems(
            [
                "1. " + self.tr("First entry"),
                "2. " + self.tr("Second entry (independent)"),
                "3. " + self.tr("Dependent verification"),
            ]
        )
        self.mode_box.setCurrentIndex(max(current, 0))
        self.next_button.setText(self.tr("Next questionnaire (Enter or F2)"))
        self._show_counters()
        if not self.status.text():
            self._say(self.tr("Type the batch id, Enter, then the mode (1, 2 or 3) and Enter."))

    def changeEvent(self, event):  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, obj, event):  # noqa: N802 (Qt name)
        if obj is self.mode_box and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.start_batch()
                return True
            if event.text() in ("1", "2", "3"):
                self.mode_box.setCurrentIndex(int(event.text()) - 1)
                return True
        return super().eventFilter(obj, event)

    # -- batches ----------------------------------------------------------------------------
    def start_batch(self) -> None:
        """Open the batch typed in the bar; a second entry first fetches the first entries."""
        batch_id = self.batch_edit.text().strip()
        if not batch_id:
            self._say(self.tr("Type the batch id first."), "error")
            self.batch_edit.setFocus()
            return
        mode = MODES[self.mode_box.currentIndex()]
        self.batch = Batch(batch_id, mode, self.session.username)
        if mode == FIRST_ENTRY:
            self._batch_ready([])
            return
        self._say(self.tr("Fetching the first entries from the server…"))
        api = self.session.api
        self._job = worker.start(
            lambda _progress, _cancel: api.papi_verify(sample=mode == DEPENDENT),
            self._batch_ready,
            self._batch_failed,
        )

    def _batch_ready(self, items) -> None:
        self._job = None
        firsts = [FirstEntry.from_json(i) for i in items or []]
        self.keying = PapiKeying(self.session.store, self.form, self.batch, firsts)
        self._show_counters()
        if self.batch.mode == DEPENDENT:
            self._say(self.tr("%n questionnaire(s) to verify in this batch.", "", len(firsts)))
        else:
            self._say(
                self.tr("Batch %1 open: type the questionnaire number.").replace(
                    "%1", self.batch.batch_id
                )
            )
        self.number_edit.setFocus()

    def _batch_failed(self, error) -> None:
        self._job = None
        self._say(
            self.tr("The first entries could not be fetched: %1").replace("%1", error_text(error)),
            "error",
        )
        self.mode_box.setFocus()

    # -- questionnaires ---------------------------------------------------------------------
    def _number_entered(self) -> None:
        if self.keying is None:
            self._say(self.tr("Open a batch first."), "error")
            self.batch_edit.setFocus()
            return
        if not self.number_edit.text().strip():
            self._say(self.tr("Type the questionnaire number written on the paper."), "error")
            return
        self.household_edit.setFocus()
        self.household_edit.selectAll()

    def _household_entered(self) -> None:
        text = self.household_edit.text()
        try:
            hid = self.keying.find_household(text)
        except HouseholdNotFound:
            self._say(
                self.tr("No household with id or pre-list number %1 in this batch.").replace(
                    "%1", text
                ),
                "error",
            )
            self.household_edit.selectAll()
            return
        self.open_questionnaire(hid)

    def open_questionnaire(self, household_id: str) -> None:
        """Start keying a household's questionnaire at its first question."""
        self.household_id = household_id
        self.view.set_answers(self.keying.start(household_id))
        self.guard = None
        if self.batch.mode == DEPENDENT:
            self.guard = VerifyGuard(
                self.keying, household_id, self.view, self._ask_paper, self._mismatch_text
            )
        self.view.advance_guard = self.guard
        self._set_keying(True)
        self._say(
            self.tr("Keying household %1: Enter after each value.").replace("%1", household_id)
        )
        self.view.focus_first()

    def _record_answer(self, path: str, _kind: str) -> None:
        if self.household_id is not None and self.keying is not None:
            self.keying.record_answer(self.household_id, path)

    def save(self) -> None:
        """Enter on the last question: save the questionnaire, or go to its first problem."""
        if self.household_id is None or self.keying is None:
            return
        answers = self.view.answers()
        checks = self.guard.checks if self.guard else []
        result = self.keying.save(
            self.household_id, self.number_edit.text().strip(), answers, checks, lang=self._lang()
        )
        if not result.finalized:
            self.view.show_all_problems()
            first = result.problems[0].message if result.problems else ""
            self._say(self.tr("Not saved: %1").replace("%1", first), "error")
            return
        self._show_counters()
        self._say(
            self.tr("Questionnaire %1 saved. Enter: next questionnaire.").replace(
                "%1", self.number_edit.text().strip()
            ),
            "done",
        )
        self._set_keying(False)
        self.household_id = None
        self.next_button.show()
        self.next_button.setFocus()

    def new_questionnaire(self) -> None:
        """One key (Enter after a save, or F2): the next questionnaire, at its number."""
        if self.keying is None:
            self.batch_edit.setFocus()
            return
        self.next_button.hide()
        self.household_id = None
        self._set_keying(False)
        self.number_edit.clear()
        self.household_edit.clear()
        self.number_edit.setFocus()
        self._say(self.tr("Type the questionnaire number."))

    # -- dependent verification --------------------------------------------------------------
    def _mismatch_text(self) -> str:
        return self.tr("Differs from the first entry: key it again from the paper.")

    def _ask_paper(self, pending: Pending) -> None:
        self._pending = pending
        text = self.tr("Which value does the paper hold? 1: %1 (first entry) · 2: %2 (yours)")
        self.paper_text.setText(
            text.replace("%1", _shown(pending.entry1)).replace("%2", _shown(pending.again))
        )
        self.paper.show()
        self.paper_key.clear()
        self.paper_key.setFocus()

    def _paper_said(self, text: str) -> None:
        pending = self._pending
        if pending is None or text not in ("1", "2"):
            self.paper_key.clear()
            return
        self._pending = None
        self.paper.hide()
        editor = self._pending_editor(pending)
        paper = pending.entry1 if text == "1" else pending.again
        self.guard.settle(editor, pending, paper)
        self.view._advance(editor)

    def _pending_editor(self, pending: Pending | None = None):
        pending = pending or self._pending
        for path in self._paths():
            editor = self.view.editor(path)
            if editor is not None and self.guard.key_of(editor) == pending.key:
                return editor
        return None

    def _paths(self):
        return [e.path for e in self.view._order]

    # -- the rest ---------------------------------------------------------------------------
    def _set_keying(self, keying: bool) -> None:
        self.view.setEnabled(keying)

    def _show_counters(self) -> None:
        if self.batch is None:
            self.counters.setText(self.tr("No batch open"))
            return
        self.counters.setText(
            self.tr("Batch %1: %2 keyed · %3 in the last hour")
            .replace("%1", self.batch.batch_id)
            .replace("%2", str(self.batch.count()))
            .replace("%3", str(self.batch.last_hour()))
        )

    def _say(self, text: str, kind: str = "") -> None:
        self.status.setText(text)
        self.status.setProperty("kind", kind)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def _lang(self) -> str:
        return self.session.profile.settings.language

    def open_sync(self) -> None:
        """F5: sync (pull, photos, push) in the sync dialog."""
        from capi_app.ui.sync_dialog import SyncDialog

        dialog = SyncDialog(self.session, self)
        dialog.open()
        dialog.start()
        return dialog


def _shown(value) -> str:
    return "—" if value in (None, "") else f"“{value}”"


def _form_id(session) -> str:
    assignments = session.store.assignments()
    return assignments[0].form_id if assignments else "verivali_dtks"
