"""Table models of the submissions window: the list of submissions, a submission's households
(with a return check box and note per household) and its recap by desa; names of levels,
states and decisions in the user's language."""

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from capi_app.submissions import DesaRecap, SubmissionItem, SubmittedHousehold
from capi_app.ui.search_model import SearchableTableModel
from dtks import review, wilayah

STATE_COLORS = {
    review.DRAFT: "#6b7280",
    review.SUBMITTED: "#1d4ed8",
    review.RETURNED: "#c2410c",
    review.ESTABLISHED: "#15803d",
    review.WITHDRAWN: "#6b7280",
}


def level_label(level: str) -> str:
    """A level of the chain in the user's language."""
    labels = {
        review.KABKOTA: QCoreApplication.translate("Level", "Kabupaten/kota"),
        review.PROVINSI: QCoreApplication.translate("Level", "Provinsi"),
        review.KEMENSOS: QCoreApplication.translate("Level", "Kemensos"),
    }
    return labels.get(level, level)


def submission_state_label(state: str) -> str:
    """A submission's state in the user's language."""
    labels = {
        review.DRAFT: QCoreApplication.translate("SubmissionState", "Draft"),
        review.SUBMITTED: QCoreApplication.translate("SubmissionState", "Submitted"),
        review.RETURNED: QCoreApplication.translate("SubmissionState", "Returned"),
        review.ESTABLISHED: QCoreApplication.translate("SubmissionState", "Established"),
        review.WITHDRAWN: QCoreApplication.translate("SubmissionState", "Withdrawn"),
    }
    return labels.get(state, state)


def decision_label(decision: str) -> str:
    """A step of a submission's history in the user's language."""
    labels = {
        review.CREATE: QCoreApplication.translate("Decision", "Made"),
        review.SUBMIT: QCoreApplication.translate("Decision", "Submitted"),
        review.FORWARD: QCoreApplication.translate("Decision", "Forwarded"),
        review.RETURN: QCoreApplication.translate("Decision", "Returned"),
        review.ESTABLISH: QCoreApplication.translate("Decision", "Established"),
        review.WITHDRAW: QCoreApplication.translate("Decision", "Withdrawn"),
    }
    return labels.get(decision, decision)


def result_label(hasil: str | None) -> str:
    """The verification result (hasil) of a household: eligible, not eligible or none."""
    labels = {
        "1": QCoreApplication.translate("Result", "Eligible"),
        "2": QCoreApplication.translate("Result", "Not eligible"),
    }
    return labels.get(hasil or "", QCoreApplication.translate("Result", "No result"))


def wilayah_text(scope: str, name: str = "") -> str:
    """'32.04 Kabupaten Bandung', or the national label for the empty scope."""
    if not scope:
        return QCoreApplication.translate("Level", "National")
    return f"{wilayah.dotted(scope)} {name or wilayah.lookup(scope) or ''}".strip()


class SubmissionListModel(SearchableTableModel):
    """The submissions of the queue, filtered by search text."""

    COLUMNS = ("submission_id", "wilayah", "state", "count")

    def titles(self) -> dict[str, str]:
        """Column titles in the user's language."""
        return {
            "submission_id": QCoreApplication.translate("Submissions", "No."),
            "wilayah": QCoreApplication.translate("Submissions", "Kabupaten/kota"),
            "state": QCoreApplication.translate("Submissions", "State"),
            "count": QCoreApplication.translate("Submissions", "Households"),
        }

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item: SubmissionItem = self._visible[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "wilayah":
                return wilayah_text(item.scope, item.scope_name)
            if column == "state":
                return QCoreApplication.translate("Submissions", "{0} at {1}").format(
                    submission_state_label(item.state), level_label(item.level)
                )
            return getattr(item, column)
        if role == Qt.ItemDataRole.UserRole:
            return item.submission_id
        if role == Qt.ItemDataRole.ForegroundRole and column == "state":
            return QColor(STATE_COLORS.get(item.state, "#000000"))
        if role == Qt.ItemDataRole.ToolTipRole and column == "wilayah":
            return wilayah_text(item.scope, item.scope_name)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "count":
            return Qt.AlignmentFlag.AlignCenter
        return None


class SubmittedHouseholdsModel(SearchableTableModel):
    """A submission's households; the first column's check box picks those to return, the last
    column holds the note for each (editable while returning is possible)."""

    COLUMNS = ("pick", "household_id", "nama_krt", "desa", "hasil", "note")
    PICK, NOTE = 0, 5

    def __init__(self, parent=None):
        super().__init__(parent)
        self.returnable = False
        self.picked: set[str] = set()
        self.notes: dict[str, str] = {}

    def set_submission(self, households: list[SubmittedHousehold], returnable: bool) -> None:
        """Show a submission's households; picks and notes start empty."""
        self.returnable = returnable
        self.picked, self.notes = set(), {}
        self.set_items(households)

    def titles(self) -> dict[str, str]:
        """Column titles in the user's language."""
        return {
            "pick": QCoreApplication.translate("Submissions", "Return"),
            "household_id": QCoreApplication.translate("Submissions", "Household id"),
            "nama_krt": QCoreApplication.translate("Submissions", "Head of household"),
            "desa": QCoreApplication.translate("Submissions", "Desa"),
            "hasil": QCoreApplication.translate("Submissions", "Result"),
            "note": QCoreApplication.translate("Submissions", "Note: what to fix"),
        }

    def _editable(self, h: SubmittedHousehold) -> bool:
        return self.returnable and h.in_it

    def flags(self, index):
        base = super().flags(index)
        if not index.isValid():
            return base
        h = self._visible[index.row()]
        if index.column() == self.PICK and self._editable(h):
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == self.NOTE and self._editable(h):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        h: SubmittedHousehold = self._visible[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and column == "pick" and self._editable(h):
            on = h.household_id in self.picked
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == "pick":
                return None
            if column == "hasil":
                return result_label(h.hasil)
            if column == "note":
                note = self.notes.get(h.household_id, h.note)
                if h.in_it:
                    return note
                return f"{submission_state_label(h.state)}: {note}" if note else None
            return getattr(h, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == "note":
            return self.notes.get(h.household_id, h.note) or None
        if role == Qt.ItemDataRole.UserRole:
            return h.household_id
        if role == Qt.ItemDataRole.ForegroundRole and not h.in_it:
            return QColor("#c2410c")
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid():
            return False
        h = self._visible[index.row()]
        if not self._editable(h):
            return False
        if index.column() == self.PICK and role == Qt.ItemDataRole.CheckStateRole:
            self.pick(h.household_id, Qt.CheckState(value) == Qt.CheckState.Checked)
            return True
        if index.column() == self.NOTE and role == Qt.ItemDataRole.EditRole:
            self.notes[h.household_id] = str(value)
            if str(value).strip():
                self.picked.add(h.household_id)  # a note means: return this one
            self._changed(index.row())
            return True
        return False

    def pick(self, household_id: str, on: bool = True) -> None:
        """Choose (or un-choose) a household to return."""
        (self.picked.add if on else self.picked.discard)(household_id)
        rows = [i for i, h in enumerate(self._visible) if h.household_id == household_id]
        for row in rows:
            self._changed(row)

    def set_note(self, household_id: str, note: str) -> None:
        """Write the note of a household to return (and choose it)."""
        self.notes[household_id] = note
        self.pick(household_id, bool(note.strip()) or household_id in self.picked)

    def returns(self) -> dict[str, str]:
        """{household_id: note} of the chosen households, in list order."""
        order = [h.household_id for h in self._all if h.household_id in self.picked]
        return {hid: self.notes.get(hid, "") for hid in order}

    def _changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))


class RecapModel(QAbstractTableModel):
    """Counts of a submission's households by desa and result, with a total row."""

    COLUMNS = ("desa", "households", "layak", "tidak_layak", "tanpa_hasil")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[DesaRecap] = []

    def set_rows(self, rows: list[DesaRecap]) -> None:
        """Show these desa and a total."""
        self.beginResetModel()
        self.rows = list(rows)
        if rows:
            total = DesaRecap(
                "",
                QCoreApplication.translate("Submissions", "Total"),
                *(sum(getattr(r, c) for r in rows) for c in self.COLUMNS[1:]),
            )
            self.rows.append(total)
        self.endResetModel()

    def rowCount(self, parent=None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent=None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return {
            "desa": QCoreApplication.translate("Submissions", "Desa"),
            "households": QCoreApplication.translate("Submissions", "Households"),
            "layak": QCoreApplication.translate("Result", "Eligible"),
            "tidak_layak": QCoreApplication.translate("Result", "Not eligible"),
            "tanpa_hasil": QCoreApplication.translate("Result", "No result"),
        }[self.COLUMNS[section]]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "desa":
                return f"{wilayah.dotted(r.kode_wilayah)}  {r.desa}".strip()
            return getattr(r, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != "desa":
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.FontRole and not r.kode_wilayah:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        return None


def make_proxy(model) -> QSortFilterProxyModel:
    """A sorting proxy (the models filter by themselves)."""
    proxy = QSortFilterProxyModel(model)
    proxy.setSourceModel(model)
    proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return proxy
