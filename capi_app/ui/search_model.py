"""A table model over items with a lower-case ``search_text``: every typed word must appear.

Filtering happens in the model with one list comprehension per keystroke (well under 50 ms
for 10,000 rows); a QSortFilterProxyModel on top only sorts.
"""

from PySide6.QtCore import QAbstractTableModel, QSortFilterProxyModel, Qt


class SearchableTableModel(QAbstractTableModel):
    """Items shown when ``keep(item)`` holds and every search word is in their search_text."""

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._all: list = []
        self._visible: list = []
        self._text = ""
        self._order: tuple[int, Qt.SortOrder] | None = None
        """The column and order sort() was last asked for (None: as the items came)."""

    def set_items(self, items) -> None:
        """Replace every item (after a pull or a refresh) and re-apply the filter."""
        self._all = list(items)
        if self._order is not None:
            self._sort_all(*self._order)
        self._refilter()

    def sort_key(self, item, column: int):
        """What a column sorts by: the item's attribute, without case for text."""
        value = getattr(item, self.COLUMNS[column])
        return value.casefold() if isinstance(value, str) else value

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the items in Python, once (a sorting proxy would call data() for every one of
        the n log n comparisons: seconds for 10,000 rows); selections follow their rows."""
        if not 0 <= column < len(self.COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        held = [(self._visible[i.row()], i.column()) for i in old]
        self._order = (column, order)
        self._sort_all(column, order)
        shown = {id(item) for item in self._visible}
        self._visible = [item for item in self._all if id(item) in shown]
        at = {id(item): row for row, item in enumerate(self._visible)}
        self.changePersistentIndexList(old, [self.index(at[id(i)], c) for i, c in held])
        self.layoutChanged.emit()

    def _sort_all(self, column: int, order: Qt.SortOrder) -> None:
        descending = order == Qt.SortOrder.DescendingOrder
        self._all.sort(key=lambda item: self.sort_key(item, column), reverse=descending)

    def set_search(self, text: str) -> None:
        """Show only the items whose search text contains every word of text."""
        self._text = text
        self._refilter()

    def keep(self, item) -> bool:
        """A subclass's own filter beside the search words (e.g. a state)."""
        return True

    def titles(self) -> dict[str, str]:
        """Column name -> header title in the user's language."""
        raise NotImplementedError

    def _refilter(self) -> None:
        words = self._text.lower().split()
        self.beginResetModel()
        self._visible = [
            i for i in self._all if self.keep(i) and all(w in i.search_text for w in words)
        ]
        self.endResetModel()

    def all_items(self) -> list:
        """Every loaded item, shown or not."""
        return list(self._all)

    def item_at(self, row: int):
        """The item shown at a source row."""
        return self._visible[row]

    def rowCount(self, parent=None) -> int:  # noqa: N802 (Qt name)
        return 0 if parent is not None and parent.isValid() else len(self._visible)

    def columnCount(self, parent=None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return self.titles()[self.COLUMNS[section]]


class SourceSortProxy(QSortFilterProxyModel):
    """A proxy whose sort() is the source model's own (SearchableTableModel.sort), so the view's
    header sorts without the proxy comparing rows through data()."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)
