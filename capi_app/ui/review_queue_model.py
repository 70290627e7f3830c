"""The review queue as a table model, with flag names, colours and a chip delegate."""

from PySide6.QtCore import QCoreApplication, QRectF, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate

from capi_app.ui.search_model import SearchableTableModel
from dtks import review

FLAG_COLORS = {
    review.FLAG_CONFLICT: "#b91c1c",
    review.FLAG_PARALLEL_EDIT: "#a16207",
    review.FLAG_DUPLICATE_VERIFICATION: "#7c3aed",
    review.FLAG_VALIDATION_WARNING: "#c2410c",
    review.FLAG_ELIGIBILITY_CHANGED: "#1d4ed8",
    review.FLAG_NEW_HOUSEHOLD: "#15803d",
    review.FLAG_MEMBER_REMOVED: "#475569",
    review.FLAG_RESUBMITTED: "#0f766e",
}


def flag_label(flag: str) -> str:
    """The flag's name in the user's language."""
    labels = {
        review.FLAG_CONFLICT: QCoreApplication.translate("Flag", "Hard conflict"),
        review.FLAG_PARALLEL_EDIT: QCoreApplication.translate("Flag", "Soft conflict"),
        review.FLAG_DUPLICATE_VERIFICATION: QCoreApplication.translate(
            "Flag", "Duplicate verification"
        ),
        review.FLAG_VALIDATION_WARNING: QCoreApplication.translate("Flag", "Validation warning"),
        review.FLAG_ELIGIBILITY_CHANGED: QCoreApplication.translate("Flag", "Eligibility changed"),
        review.FLAG_NEW_HOUSEHOLD: QCoreApplication.translate("Flag", "New household proposal"),
        review.FLAG_MEMBER_REMOVED: QCoreApplication.translate("Flag", "Member removed"),
        review.FLAG_RESUBMITTED: QCoreApplication.translate("Flag", "Fixed and sent again"),
    }
    return labels.get(flag, flag)


def review_state_label(state: str) -> str:
    """A server review state in the user's language."""
    labels = {
        review.OPEN: QCoreApplication.translate("ReviewState", "In the field"),
        review.NEEDS_REVIEW: QCoreApplication.translate("ReviewState", "Needs review"),
        review.RETURNED: QCoreApplication.translate("ReviewState", "Returned to the enumerator"),
        review.APPROVED: QCoreApplication.translate("ReviewState", "Approved"),
    }
    return labels.get(state, state)


class ReviewQueueModel(SearchableTableModel):
    """Queue items filtered by search text (all words must match)."""

    COLUMNS = ("household_id", "nama_krt", "desa", "flags", "open_conflicts", "state")

    def titles(self) -> dict[str, str]:
        """Column titles in the user's language."""
        return {
            "household_id": QCoreApplication.translate("ReviewQueue", "Household id"),
            "nama_krt": QCoreApplication.translate("ReviewQueue", "Head of household"),
            "desa": QCoreApplication.translate("ReviewQueue", "Desa"),
            "flags": QCoreApplication.translate("ReviewQueue", "Flags"),
            "open_conflicts": QCoreApplication.translate("ReviewQueue", "Open conflicts"),
            "state": QCoreApplication.translate("ReviewQueue", "State"),
        }

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self._visible[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "flags":
                return ", ".join(flag_label(f) for f in item.flags)
            if column == "state":
                return review_state_label(item.state)
            return getattr(item, column)
        if role == Qt.ItemDataRole.UserRole:
            return item.household_id
        if role == Qt.ItemDataRole.UserRole + 1 and column == "flags":
            return list(item.flags)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "open_conflicts":
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ForegroundRole and column == "open_conflicts":
            return QColor("#b91c1c" if item.open_conflicts else "#6b7280")
        return None


def make_queue_proxy(model: ReviewQueueModel) -> QSortFilterProxyModel:
    """A sorting proxy (the model filters by itself)."""
    proxy = QSortFilterProxyModel(model)
    proxy.setSourceModel(model)
    proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return proxy


class FlagChipDelegate(QStyledItemDelegate):
    """Paints a household's flags as small coloured chips."""

    def paint(self, painter: QPainter, option, index) -> None:
        """Draw the selection background, then one rounded chip per flag."""
        flags = index.data(Qt.ItemDataRole.UserRole + 1) or []
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget
            )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = option.font
        font.setPointSizeF(font.pointSizeF() * 0.86)
        font.setBold(True)
        painter.setFont(font)
        metrics = QFontMetrics(font)
        height = metrics.height() + 4
        lines = _chip_lines(flags, metrics, option.rect.width() - 8)
        top = option.rect.y() + (option.rect.height() - len(lines) * (height + 3) + 3) / 2
        for line_no, line in enumerate(lines):
            x, y = option.rect.x() + 4, top + line_no * (height + 3)
            for flag, text, width in line:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(FLAG_COLORS.get(flag, "#475569")))
                painter.drawRoundedRect(QRectF(x, y, width, height), 5, 5)
                painter.setPen(QColor("white"))
                painter.drawText(QRectF(x, y, width, height), Qt.AlignmentFlag.AlignCenter, text)
                x += width + 4
        painter.restore()


def _chip_lines(flags: list[str], metrics: QFontMetrics, room: int) -> list[list[tuple]]:
    """(flag, label, width) chips laid out left to right, wrapping when the cell is full."""
    lines: list[list[tuple]] = [[]]
    used = 0
    for flag in flags:
        text = flag_label(flag)
        width = metrics.horizontalAdvance(text) + 12
        if lines[-1] and used + width > room:
            lines.append([])
            used = 0
        lines[-1].append((flag, text, width))
        used += width + 4
    return lines
