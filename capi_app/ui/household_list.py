"""The assignment list: a table model of households with search-as-you-type and state filters.

Filtering happens in the source model over precomputed lower-case search text (one list
comprehension per keystroke), which stays well under 50 ms for 10,000 households; the
QSortFilterProxyModel on top only sorts.
"""

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from capi_app.store.listing import ListRow as Row
from capi_app.store.state import RETURNED, STATES
from capi_app.ui.search_model import SearchableTableModel, SourceSortProxy
from capi_app.ui.worklist_texts import refused_move_text, task_title
from dtks.tasks import REQUEST_KINDS

STATE_COLORS = {
    "not_visited": "#6b7280",
    "draft": "#b45309",
    "finalized": "#1d4ed8",
    "pending_sync": "#7c3aed",
    "synced": "#15803d",
    "in_review": "#b91c1c",
    RETURNED: "#c2410c",
}


WORKLIST = "@worklist"
"""The filter of households with open anomalies."""
TASK_PREFIX = "@task:"
"""Filters of households with a task of a kind: '@task:sanggahan'."""
MOVE_REFUSED = "@move:refused"
"""The filter of households whose move to another wilayah was refused."""
ANOMALY_COLOR = "#d97706"
MOVE_REFUSED_COLOR = "#b91c1c"


def state_label(state: str) -> str:
    """The state's name in the user's language."""
    from PySide6.QtCore import QCoreApplication

    labels = {
        "not_visited": QCoreApplication.translate("State", "Not visited"),
        "draft": QCoreApplication.translate("State", "Draft"),
        "finalized": QCoreApplication.translate("State", "Finalized"),
        "pending_sync": QCoreApplication.translate("State", "Waiting to sync"),
        "synced": QCoreApplication.translate("State", "Synced"),
        "in_review": QCoreApplication.translate("State", "In review"),
        RETURNED: QCoreApplication.translate("State", "Returned with a note"),
    }
    return labels.get(state, state)


class HouseholdTableModel(SearchableTableModel):
    """Households of the user's assignments, filtered by text and state."""

    COLUMNS = ("household_id", "head_name", "request", "address", "rt_rw", "desa", "state")

    def __init__(self, rows: list[Row] | None = None, parent=None):
        super().__init__(parent)
        self._state = ""
        if rows:
            self.set_items(rows)

    def set_rows(self, rows: list[Row]) -> None:
        """Replace all rows (after a pull or a save) and re-apply the filter."""
        self.set_items(rows)

    def set_filter(self, text: str = None, state: str = None) -> None:
        """Filter by words that must all appear (name, NIK, No KK, address) and by state."""
        if state is not None:
            self._state = state
        self.set_search(self._text if text is None else text)

    def keep(self, row: Row) -> bool:
        """Rows of the chosen state or worklist (all when none is chosen)."""
        if self._state == WORKLIST:
            return row.anomalies > 0
        if self._state.startswith(TASK_PREFIX):
            return self._state[len(TASK_PREFIX) :] in row.tasks
        if self._state == MOVE_REFUSED:
            return row.refused_move is not None
        return not self._state or row.state == self._state

    def worklist_counts(self) -> dict[str, int]:
        """Households on the anomaly worklist (WORKLIST), with each task kind (TASK_PREFIX +
        kind) and with a refused move (MOVE_REFUSED), over all rows."""
        out = {
            WORKLIST: sum(1 for r in self._all if r.anomalies),
            MOVE_REFUSED: sum(1 for r in self._all if r.refused_move is not None),
        }
        for r in self._all:
            for kind in set(r.tasks):
                out[TASK_PREFIX + kind] = out.get(TASK_PREFIX + kind, 0) + 1
        return out

    def counts(self) -> dict[str, int]:
        """Number of households per state, over all rows (not only the visible ones)."""
        out = dict.fromkeys(STATES, 0)
        for r in self._all:
            out[r.state] = out.get(r.state, 0) + 1
        return out

    def sort_key(self, item: Row, column: int):
        """The state and request columns sort by their labels, as shown; the others by text."""
        if self.COLUMNS[column] == "state":
            return state_label(item.state).casefold()
        if self.COLUMNS[column] == "request":
            return request_label(item).casefold()
        return super().sort_key(item, column)

    def row_at(self, row: int) -> Row:
        """The household shown at a source row."""
        return self.item_at(row)

    def titles(self) -> dict[str, str]:
        """Column titles in the user's language."""
        return {
            "household_id": QCoreApplication.translate("HouseholdList", "Household id"),
            "head_name": QCoreApplication.translate("HouseholdList", "Head of household"),
            "request": QCoreApplication.translate("HouseholdList", "Request"),
            "address": QCoreApplication.translate("HouseholdList", "Address"),
            "rt_rw": QCoreApplication.translate("HouseholdList", "RT/RW"),
            "desa": QCoreApplication.translate("HouseholdList", "Desa"),
            "state": QCoreApplication.translate("HouseholdList", "State"),
        }

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._visible[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "request":
                return request_label(row)
            return state_label(row.state) if column == "state" else getattr(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == "state":
            return QColor(STATE_COLORS.get(row.state, "#000000"))
        if role == Qt.ItemDataRole.DecorationRole and column == "head_name" and row.anomalies:
            return QColor(ANOMALY_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole and column == "request":
            return request_label(row) or None  # whole, where the column cuts it
        if role == Qt.ItemDataRole.ToolTipRole and column == "head_name" and row.anomalies:
            return QCoreApplication.translate("HouseholdList", "{0} anomaly(ies) to fix").format(
                row.anomalies
            )
        if column == "desa" and row.refused_move is not None:
            if role == Qt.ItemDataRole.DecorationRole:
                return QColor(MOVE_REFUSED_COLOR)
            if role == Qt.ItemDataRole.ToolTipRole:
                return refused_move_text(row.refused_move)
        if role == Qt.ItemDataRole.UserRole:
            return row.household_id
        return None


def request_label(row: Row) -> str:
    """The household's request tasks by name ('Usul warga'), '' for none: a proposed household
    from a request, or a listed one with a sanggahan."""
    return ", ".join(task_title(k) for k in REQUEST_KINDS if k in row.tasks)


def make_proxy(model: HouseholdTableModel) -> QSortFilterProxyModel:
    """The proxy the view shows; sorting and filtering are the model's own, for speed."""
    proxy = SourceSortProxy(model)
    proxy.setSourceModel(model)
    return proxy
