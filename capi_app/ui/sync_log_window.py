"""The sync log window: every sync of this device (when, who, what kind, how much went each
way, how it ended) and, for the one selected, its error and each household's outcome.

The rows come from the encrypted store (capi_app/store/sync_log.py); the server's refusals
and the client's errors are worded in the user's language from their code, as the sync
dialog does (ui/sync_texts.py).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QEvent, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from capi_app.store import sync_log
from capi_app.store.sync_log import HouseholdOutcome, SyncLogEntry
from capi_app.ui import window_size
from capi_app.ui.sync_texts import field_words, refusal_text

PROBLEM_COLOR = QColor("#fee2e2")
"""Background of a sync that failed or met a refusal, and of a refused household."""
PROBLEMS = ("problems", "failed")


def kind_label(kind: str) -> str:
    """What kind of sync, in the window's language."""
    return {
        "sync": QCoreApplication.translate("SyncLog", "Sync"),
        "pull": QCoreApplication.translate("SyncLog", "Download only"),
        "push": QCoreApplication.translate("SyncLog", "Send only"),
        "bundle_export": QCoreApplication.translate("SyncLog", "Bundle written (no network)"),
        "bundle_import": QCoreApplication.translate("SyncLog", "Bundle reply imported"),
    }.get(kind, kind)


def outcome_label(outcome: str) -> str:
    """How a sync ended, in the window's language."""
    return {
        "ok": QCoreApplication.translate("SyncLog", "Done"),
        "problems": QCoreApplication.translate("SyncLog", "Done, something refused"),
        "failed": QCoreApplication.translate("SyncLog", "Failed"),
        "cancelled": QCoreApplication.translate("SyncLog", "Cancelled"),
    }.get(outcome, outcome)


def household_outcome_label(outcome: str) -> str:
    """What the server answered for a household, in the window's language."""
    return {
        "applied": QCoreApplication.translate("SyncLog", "Accepted"),
        "merged": QCoreApplication.translate("SyncLog", "Merged"),
        "conflict": QCoreApplication.translate("SyncLog", "Sent to review"),
        "rejected": QCoreApplication.translate("SyncLog", "Refused"),
        "refused": QCoreApplication.translate("SyncLog", "Refused: waits for a fix"),
    }.get(outcome, outcome)


def when(text: str) -> str:
    """A stored time as Indonesians write it: 02-11-2026 09:41:12."""
    try:
        return datetime.fromisoformat(text).strftime("%d-%m-%Y %H:%M:%S")
    except (TypeError, ValueError):
        return text or ""


def size_text(n: int) -> str:
    """A byte count in KB or MB."""
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    return f"{n / 1024:.1f} KB" if n else "0"


def error_text(entry: SyncLogEntry, lang: str = "id") -> str:
    """Why a sync stopped, in the window's language ('' when it did not)."""
    if entry.outcome == "cancelled":
        return QCoreApplication.translate(
            "SyncLog", "Cancelled by the user; what was finished before is kept."
        )
    if not entry.error and not entry.error_kind:
        return ""
    if entry.error_code:
        return refusal_text(entry.error_code, None, None, entry.error, lang=lang)
    texts = {
        "ServerUnreachable": QCoreApplication.translate(
            "SyncLog", "The server could not be reached (no network, or it is down)."
        ),
        "SessionExpired": QCoreApplication.translate(
            "SyncLog", "The login had expired: log in online again, then sync."
        ),
        "Forbidden": QCoreApplication.translate(
            "SyncLog", "Your role or wilayah does not allow this."
        ),
        "BundleInvalid": QCoreApplication.translate(
            "SyncLog", "The bundle was refused whole; nothing of it was applied."
        ),
    }
    text = texts.get(entry.error_kind or "")
    return text or QCoreApplication.translate("SyncLog", "Stopped by an error: {0}").format(
        entry.error
    )


class SyncLogModel(QAbstractTableModel):
    """One row per kept sync, newest first."""

    COLUMNS = 7

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[SyncLogEntry] = []

    def set_rows(self, rows: list[SyncLogEntry]) -> None:
        """Show these syncs."""
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802 (Qt's names)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("When"),
            self.tr("User"),
            self.tr("Kind"),
            self.tr("Result"),
            self.tr("Households sent"),
            self.tr("Households received"),
            self.tr("Data sent / received"),
        )[section]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        e = self.rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return e.id
        if role == Qt.ItemDataRole.BackgroundRole and e.outcome in PROBLEMS:
            return PROBLEM_COLOR
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            when(e.finished_at),
            e.username,
            kind_label(e.kind),
            outcome_label(e.outcome),
            str(e.households_sent),
            str(e.received),
            f"{size_text(e.bytes_sent)} / {size_text(e.bytes_received)}",
        )[index.column()]


class HouseholdOutcomeModel(QAbstractTableModel):
    """The households one sync's server answered: id, head of household, outcome, why."""

    COLUMNS = 4

    def __init__(self, describe, parent=None):
        super().__init__(parent)
        self.rows: list[tuple[HouseholdOutcome, str]] = []
        self.describe = describe  # HouseholdOutcome -> what it means, in the user's words

    def set_rows(self, rows: list[tuple[HouseholdOutcome, str]]) -> None:
        """Show these (outcome, name of the head of household) rows."""
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Household"),
            self.tr("Head of household"),
            self.tr("Result"),
            self.tr("Details"),
        )[section]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        outcome, name = self.rows[index.row()]
        if role == Qt.ItemDataRole.BackgroundRole and outcome.outcome in ("rejected", "refused"):
            return PROBLEM_COLOR
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3:
            return self.describe(outcome)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            outcome.household_id,
            name,
            household_outcome_label(outcome.outcome),
            self.describe(outcome),
        )[index.column()]


def _table(model) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setAlternatingRowColors(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setHighlightSections(False)
    return table


class SyncLogWindow(QDialog):
    """Lists the syncs kept on this device; the selected one's details below."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.model = SyncLogModel(self)
        self.households = HouseholdOutcomeModel(self._describe, self)
        self._forms: dict[str, object] = {}
        self._build()
        self.retranslate()
        self.reload()
        window_size.fit(self, 1180, 700)

    def _build(self) -> None:
        self.heading = QLabel(objectName="title")
        self.count_label = QLabel(objectName="subtitle")
        self.table = _table(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.detail = QLabel(wordWrap=True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # The household selected below: its outcome whole (the table cuts long ones).
        self.household_detail = QLabel(wordWrap=True, objectName="subtitle")
        self.household_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.household_detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        detail_box = QWidget()
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.setContentsMargins(0, 0, 6, 0)
        detail_layout.addWidget(self.detail)
        detail_layout.addWidget(self.household_detail)
        detail_layout.addStretch(1)
        detail_area = QScrollArea(widgetResizable=True, frameShape=QScrollArea.Shape.NoFrame)
        detail_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        detail_area.setWidget(detail_box)
        detail_area.setMinimumWidth(self.fontMetrics().averageCharWidth() * 42)
        self.household_table = _table(self.households)
        hh = self.household_table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.household_table.setWordWrap(False)
        self.household_table.selectionModel().currentRowChanged.connect(
            lambda current, _: self._show_household(current.row())
        )
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(detail_area)
        lower.addWidget(self.household_table)
        lower.setChildrenCollapsible(False)
        lower.setSizes([340, 820])
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setChildrenCollapsible(False)
        split.setSizes([260, 360])
        self.close_button = QPushButton(objectName="primary")
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Sync log"))
        self.heading.setText(self.tr("Syncs of this laptop"))
        self.close_button.setText(self.tr("Close"))
        self._show_count()
        self._show_current()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, SyncLogModel.COLUMNS)
        super().changeEvent(event)

    def reload(self) -> None:
        """Read the log again; select the newest sync."""
        self.model.set_rows(sync_log.entries(self.session.store.db))
        self._show_count()
        if self.model.rowCount():
            self.table.selectRow(0)
        self._show_current()

    def _show_count(self) -> None:
        n = self.model.rowCount()
        self.count_label.setText(
            self.tr("{0} syncs kept on this laptop.").format(n)
            if n
            else self.tr("No sync yet on this laptop.")
        )

    def current_entry(self) -> SyncLogEntry | None:
        """The selected sync with its households, or None."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return sync_log.entry(
            self.session.store.db, self.model.data(index, Qt.ItemDataRole.UserRole)
        )

    def _show_current(self) -> None:
        entry = self.current_entry()
        if entry is None:
            self.detail.setText("")
            self.households.set_rows([])
            self._show_household(-1)
            return
        self.detail.setText(self._detail_text(entry))
        names = self._names([h.household_id for h in entry.households])
        self.households.set_rows([(h, names.get(h.household_id, "")) for h in entry.households])
        self._show_household(-1)

    def _show_household(self, row: int) -> None:
        if not 0 <= row < len(self.households.rows):
            self.household_detail.setText(
                self.tr("Choose a household on the right to read its result whole.")
                if self.households.rows
                else ""
            )
            return
        outcome, name = self.households.rows[row]
        self.household_detail.setText(
            f"{outcome.household_id} {name}\n{household_outcome_label(outcome.outcome)}: "
            f"{self._describe(outcome)}"
        )

    def _detail_text(self, e: SyncLogEntry) -> str:
        lines = [
            f"{kind_label(e.kind)}: {outcome_label(e.outcome)}",
            self.tr("Started {0}, ended {1}").format(when(e.started_at), when(e.finished_at)),
            self.tr("User: {0}").format(e.username),
            self.tr("Downloaded {0} households ({1} left the assignment).").format(
                e.received, e.removed
            ),
            self.tr("Sent {0} households in {1} change-sets, {2} photos.").format(
                e.households_sent, e.changesets_sent, e.photos_sent
            ),
            self.tr("Still waiting to be sent: {0} change-sets.").format(e.pending_changesets),
            self.tr("Data: {0} sent, {1} received.").format(
                size_text(e.bytes_sent), size_text(e.bytes_received)
            ),
        ]
        error = error_text(e, self._lang())
        if error:
            lines.append(error)
        return "\n".join(lines)

    def _lang(self) -> str:
        profile = getattr(self.session, "profile", None)
        return getattr(getattr(profile, "settings", None), "language", None) or "id"

    def _names(self, ids: list[str]) -> dict[str, str]:
        """The head of household of each id the store still holds."""
        found: dict[str, str] = {}
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            rows = self.session.store.db.execute(
                "SELECT household_id, nama_krt FROM households WHERE household_id IN "
                f"({', '.join('?' * len(part))})",
                part,
            ).fetchall()
            found.update({hid: name or "" for hid, name in rows})
        return found

    def _form_of(self, household_id: str):
        if household_id not in self._forms:
            from capi_app import forms

            try:
                self._forms[household_id] = forms.form_for(self.session.store, household_id)
            except Exception:  # noqa: BLE001 - a label is a nicety: the field's name will do
                self._forms[household_id] = None
        return self._forms[household_id]

    def _describe(self, h: HouseholdOutcome) -> str:
        """What a household's outcome means, naming questions by their labels."""
        form = self._form_of(h.household_id) if h.fields else None
        lang = self._lang()
        if h.outcome == "conflict":
            fields = ", ".join(field_words(f, form, lang) for f in h.fields) or "—"
            return self.tr("Also changed on the server: {0}; a reviewer will decide.").format(
                fields
            )
        if h.outcome in ("refused", "rejected"):
            field = h.fields[0] if h.fields else None
            return refusal_text(h.code or "validation", field, None, h.message, form, lang)
        if h.version is not None:
            return self.tr("Version {0} on the server.").format(h.version)
        return ""


def open_sync_log(session, parent: QWidget | None = None) -> SyncLogWindow:
    """Show the sync log of the session's store."""
    window = SyncLogWindow(session, parent)
    window.open()
    return window
