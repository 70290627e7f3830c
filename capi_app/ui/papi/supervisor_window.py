"""The supervisor's PAPI window: adjudicate double-entry differences, see keyer error rates.

Differences: one row per field where two independent entries differ, with both values and
who keyed them. Looking at the paper, the supervisor presses 1 (entry 1 is right), 2 (entry
2 is right) or types the paper's value in the last column, then Ctrl+S sends the choices.
Error rates: per keyer, per question and per batch, exported as CSV or XLSX.
"""

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from capi_app.papi_export import COLUMNS, TABLES, rows_of, write_keyer_report
from capi_app.ui import window_size, worker
from capi_app.ui.sync_texts import error_text

CHOICE_COLUMN = 4
VALUE_COLUMN = 5


def _text(value) -> str:
    return "—" if value in (None, "") else str(value)


class PapiSupervisorWindow(QMainWindow):
    """Differences waiting for adjudication, and keyer error rates, for the user's scope."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.differences: list[dict] = []
        self.report: dict = {}
        self.jobs = []
        self.error: str | None = None
        self._build()
        self.retranslate()
        window_size.fit(self, 1280, 700)
        self.refresh()

    def _build(self) -> None:
        self.tabs = QTabWidget()
        page = QWidget()
        layout = QVBoxLayout(page)
        self.diff_help = QLabel(wordWrap=True)
        self.diff_table = QTableWidget(0, 6)
        self.diff_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.diff_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.diff_table.installEventFilter(self)
        row = QHBoxLayout()
        self.save_button = QPushButton(clicked=self.save_choices)
        self.refresh_button = QPushButton(clicked=self.refresh)
        row.addWidget(self.save_button)
        row.addWidget(self.refresh_button)
        row.addStretch(1)
        layout.addWidget(self.diff_help)
        layout.addWidget(self.diff_table, 1)
        layout.addLayout(row)
        self.tabs.addTab(page, "")
        rates = QWidget()
        rl = QVBoxLayout(rates)
        self.rate_tables = {}
        self.rate_titles = {}
        for table, _name in TABLES:
            title = QLabel(objectName="subtitle")
            widget = QTableWidget(0, 1 + len(COLUMNS))
            widget.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            widget.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            rl.addWidget(title)
            rl.addWidget(widget, 1)
            self.rate_tables[table], self.rate_titles[table] = widget, title
        erow = QHBoxLayout()
        self.csv_button = QPushButton(clicked=lambda: self.export("csv"))
        self.xlsx_button = QPushButton(clicked=lambda: self.export("xlsx"))
        erow.addWidget(self.csv_button)
        erow.addWidget(self.xlsx_button)
        erow.addStretch(1)
        rl.addLayout(erow)
        self.tabs.addTab(rates, "")
        central = QWidget()
        outer = QVBoxLayout(central)
        self.status = QLabel(wordWrap=True)
        outer.addWidget(self.tabs, 1)
        outer.addWidget(self.status)
        self.setCentralWidget(central)
        for keys, slot in (("Ctrl+S", self.save_choices), ("F5", self.refresh)):
            QShortcut(QKeySequence(keys), self).activated.connect(slot)

    def retranslate(self) -> None:
        """Every text of the window in the current language."""
        self.setWindowTitle(self.tr("PAPI: double entry and keyer errors"))
        self.tabs.setTabText(0, self.tr("Differences"))
        self.tabs.setTabText(1, self.tr("Keyer error rates"))
        self.diff_help.setText(
            self.tr(
                "Look at the paper: press 1 if entry 1 is right, 2 if entry 2 is right, or type "
                "the paper's value in the last column; Ctrl+S saves the choices."
            )
        )
        self.diff_table.setHorizontalHeaderLabels(
            [self.tr("Household"), self.tr("Question"), self.tr("Entry 1"), self.tr("Entry 2"), self.tr("Choice"),
             self.tr("Paper's value")]
        )  # fmt: skip
        self.save_button.setText(self.tr("Save choices (Ctrl+S)"))
        self.refresh_button.setText(self.tr("Refresh (F5)"))
        self.csv_button.setText(self.tr("Export CSV…"))
        self.xlsx_button.setText(self.tr("Export XLSX…"))
        names = {
            "keyers": self.tr("Keyer"),
            "fields": self.tr("Question"),
            "batches": self.tr("Batch"),
        }
        titles = {"keyers": self.tr("Per keyer"), "fields": self.tr("Per question"),
                  "batches": self.tr("Per batch")}  # fmt: skip
        heads = [self.tr("Questionnaires"), self.tr("Fields keyed"), self.tr("Fields verified"),
                 self.tr("Errors"), self.tr("Error rate")]  # fmt: skip
        for table, widget in self.rate_tables.items():
            self.rate_titles[table].setText(titles[table])
            widget.setHorizontalHeaderLabels([names[table], *heads])

    def changeEvent(self, event):  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- loading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Load the open differences and the error rates off the GUI thread."""
        api = self.session.api

        def load(_progress, _cancel):
            return api.papi_differences(), api.papi_keyers()

        self.status.setText(self.tr("Loading…"))
        self.jobs.append(worker.start(load, self._loaded, self._failed))

    def _loaded(self, result) -> None:
        self.differences, self.report = result
        self.error = None
        self._fill_differences()
        self._fill_rates()
        self.status.setText(
            self.tr("%1 difference(s) wait for adjudication.").replace(
                "%1", str(len(self.differences))
            )
        )

    def _failed(self, error) -> None:
        self.error = error_text(error)
        self.status.setText(self.tr("The server could not be asked: %1").replace("%1", self.error))

    def _fill_differences(self) -> None:
        t = self.diff_table
        t.setRowCount(len(self.differences))
        for i, d in enumerate(self.differences):
            cells = [
                d["household_id"],
                self.question_text(d),
                f"{_text(d['entry1']['value'])} ({d['entry1']['keyed_by']})",
                f"{_text(d['entry2']['value'])} ({d['entry2']['keyed_by']})",
                "",
                "",
            ]
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j != VALUE_COLUMN:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                t.setItem(i, j, item)
        if self.differences:
            t.setCurrentCell(0, CHOICE_COLUMN)

    def question_text(self, difference: dict) -> str:
        """'Luas lantai (m²)' for a household field, 'NIK · member …01' for a member's."""
        name, member = difference["field"], difference.get("member_id")
        lang = self.session.profile.settings.language
        try:
            label = self._form().label(name, lang) or name
        except KeyError:  # a pre-list field the form does not ask, or @instance
            label = name
        if not member:
            return label
        return self.tr("%1 · member %2").replace("%1", label).replace("%2", member)

    def _form(self):
        if getattr(self, "_loaded_form", None) is None:
            from capi_app.forms import load

            self._loaded_form = load("verivali_dtks")
        return self._loaded_form

    def _fill_rates(self) -> None:
        for table, name in TABLES:
            widget = self.rate_tables[table]
            rows = rows_of(self.report, table, name)
            widget.setRowCount(len(rows))
            for i, row in enumerate(rows):
                for j, value in enumerate(row):
                    if j == len(row) - 1 and value != "":
                        value = f"{float(value) * 100:.2f} %"
                    widget.setItem(i, j, QTableWidgetItem(_text(value)))

    # -- choosing ---------------------------------------------------------------------------
    def eventFilter(self, obj, event):  # noqa: N802 (Qt name)
        if obj is self.diff_table and event.type() == QEvent.Type.KeyPress:
            row = self.diff_table.currentRow()
            if event.text() in ("1", "2") and self.diff_table.currentColumn() != VALUE_COLUMN:
                self.choose(row, "entry1" if event.text() == "1" else "entry2")
                return True
        return super().eventFilter(obj, event)

    def choose(self, row: int, take: str) -> None:
        """Mark a difference's choice (entry1 or entry2) and go to the next row."""
        if not 0 <= row < self.diff_table.rowCount():
            return
        label = self.tr("Entry 1") if take == "entry1" else self.tr("Entry 2")
        item = self.diff_table.item(row, CHOICE_COLUMN)
        item.setText(label)
        item.setData(Qt.ItemDataRole.UserRole, take)
        self.diff_table.setCurrentCell(min(row + 1, self.diff_table.rowCount() - 1), CHOICE_COLUMN)

    def choices(self) -> dict[str, dict]:
        """{household_id: {key: {take, value}}} of the rows chosen or given a value."""
        out: dict[str, dict] = {}
        for i, d in enumerate(self.differences):
            typed = (self.diff_table.item(i, VALUE_COLUMN).text() or "").strip()
            take = self.diff_table.item(i, CHOICE_COLUMN).data(Qt.ItemDataRole.UserRole)
            if typed:
                choice = {"take": "value", "value": typed}
            elif take:
                choice = {"take": take}
            else:
                continue
            out.setdefault(d["household_id"], {})[d["key"]] = choice
        return out

    def save_choices(self) -> None:
        """Send the choices, household by household, then reload."""
        chosen = self.choices()
        if not chosen:
            self.status.setText(self.tr("Choose 1, 2 or type a value for a difference first."))
            return
        api = self.session.api

        def send(_progress, _cancel):
            return [api.papi_adjudicate(hid, c) for hid, c in chosen.items()]

        self.status.setText(self.tr("Saving…"))
        self.jobs.append(worker.start(send, lambda _r: self.refresh(), self._failed))

    def export(self, kind: str) -> None:
        """Write the error rates to a CSV or XLSX file the supervisor picks."""
        suffix = f".{kind}"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export keyer error rates"), f"papi-keyers{suffix}", f"*{suffix}"
        )
        if path:
            write_keyer_report(self.report, path if path.endswith(suffix) else path + suffix)
            self.status.setText(self.tr("Saved %1").replace("%1", path))
