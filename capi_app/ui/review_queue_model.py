"""The review queue as a table model, with flag names, colours and a chip delegate."""

from PySide6.QtCore import QCoreApplication, QRectF, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate

from capi_app.ui.search_model import SearchableTableModel
from dtks import review, wilayah

FLAG_COLORS = {
    review.FLAG_CONFLICT: "#b91c1c",
    review.FLAG_PARALLEL_EDIT: "#a16207",
    review.FLAG_DUPLICATE_VERIFICATION: "#7c3aed",
    review.FLAG_VALIDATION_WARNING: "#c2410c",
    review.FLAG_ELIGIBILITY_CHANGED: "#1d4ed8",
    review.FLAG_NEW_HOUSEHOLD: "#15803d",
    review.FLAG_MEMBER_REMOVED: "#475569",
    review.FLAG_RESUBMITTED: "#0f766e",
    review.FLAG_RETURNED_FROM_ABOVE: "#be185d",
    review.FLAG_MOVE_PENDING: "#9333ea",
    review.FLAG_LATE: "#78716c",
    review.FLAG_ANOMALY: "#b45309",
    review.FLAG_PAPI_DIFFERENCE: "#4338ca",
    review.FLAG_NEEDS_REVIEW: "#334155",
    review.FLAG_INTEGRITY: "#4d7c0f",
}


def flag_label(flag: str) -> str:
    """The flag's name in the user's language (every kind of dtks.review.FLAG_KINDS has one)."""
    return flag_labels().get(flag, flag)


def flag_labels() -> dict[str, str]:
    """Each flag kind's name in the user's language."""
    return {
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
        review.FLAG_RETURNED_FROM_ABOVE: QCoreApplication.translate(
            "Flag", "Returned by a level above"
        ),
        review.FLAG_MOVE_PENDING: QCoreApplication.translate(
            "Flag", "Move to another wilayah waiting"
        ),
        review.FLAG_LATE: QCoreApplication.translate("Flag", "Arrived late"),
        review.FLAG_ANOMALY: QCoreApplication.translate("Flag", "Anomaly"),
        review.FLAG_PAPI_DIFFERENCE: QCoreApplication.translate("Flag", "PAPI entries differ"),
        review.FLAG_NEEDS_REVIEW: QCoreApplication.translate("Flag", "Needs review"),
        review.FLAG_INTEGRITY: QCoreApplication.translate("Flag", "Visit integrity"),
    }


def review_state_label(state: str, verified: bool = False) -> str:
    """A server review state in the user's language; an open household with a verification
    is waiting for approval, not in the field."""
    if state == review.OPEN and verified:
        return QCoreApplication.translate("ReviewState", "Waiting for approval")
    labels = {
        review.OPEN: QCoreApplication.translate("ReviewState", "In the field"),
        review.NEEDS_REVIEW: QCoreApplication.translate("ReviewState", "Needs review"),
        review.RETURNED: QCoreApplication.translate("ReviewState", "Returned to the enumerator"),
        review.APPROVED: QCoreApplication.translate("ReviewState", "Approved"),
        review.SUBMITTED: QCoreApplication.translate("ReviewState", "Submitted up the chain"),
        review.ESTABLISHED: QCoreApplication.translate("ReviewState", "Established (penetapan)"),
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
                return review_state_label(item.state, verified=item.result is not None)
            return getattr(item, column)
        if role == Qt.ItemDataRole.UserRole:
            return item.household_id
        if role == Qt.ItemDataRole.UserRole + 1 and column == "flags":
            return list(item.flags)
        if role == Qt.ItemDataRole.ToolTipRole and column == "flags" and item.flags:
            return "\n".join(flag_label(f) for f in item.flags)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "open_conflicts":
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ForegroundRole and column == "open_conflicts":
            return QColor("#b91c1c" if item.open_conflicts else "#6b7280")
        if item.reached and column == "desa":
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor(REACHED_COLOR)
            if role == Qt.ItemDataRole.ToolTipRole:
                return reached_text(item.kode_wilayah)
        return None


REACHED_COLOR = "#b45309"


def reached_text(kode_wilayah: str) -> str:
    """Why a household listed outside the reviewer's wilayah is in their queue."""
    return QCoreApplication.translate(
        "ReviewQueue",
        "Listed in {0} {1}, but its household id or No KK points into your wilayah: you can "
        "read it; the reviewer of where it is listed decides on it.",
    ).format(wilayah.dotted(kode_wilayah), wilayah.lookup(kode_wilayah) or "")


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
        fit = max(1, (option.rect.height() - 4 + 3) // (height + 3))
        lines = _chip_lines(flags, metrics, option.rect.width() - 8, fit)
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


def _chip_lines(
    flags: list[str], metrics: QFontMetrics, room: int, max_lines: int = 2
) -> list[list[tuple]]:
    """(flag, label, width) chips laid out left to right, wrapping when the cell is full; what
    does not fit in max_lines ends in a '+N' chip (the cell's tooltip names them all)."""
    chips = [(f, flag_label(f), metrics.horizontalAdvance(flag_label(f)) + 12) for f in flags]
    lines: list[list[tuple]] = [[]]
    used = 0
    for i, (flag, text, width) in enumerate(chips):
        if width > room:  # a chip wider than the cell: its text shortened to fit
            width, text = room, metrics.elidedText(text, Qt.TextElideMode.ElideRight, room - 12)
        if lines[-1] and used + width > room:
            if len(lines) == max_lines:
                return _with_more(lines, len(chips) - i, metrics, room)
            lines.append([])
            used = 0
        lines[-1].append((flag, text, width))
        used += width + 4
    return lines


def _with_more(lines: list[list[tuple]], left: int, metrics: QFontMetrics, room: int) -> list:
    """End the last line with a '+N' chip, dropping chips from it until that fits."""
    more = f"+{left}"
    width = metrics.horizontalAdvance(more) + 12
    last = lines[-1]
    while last and sum(w + 4 for _, _, w in last) + width > room:
        last.pop()
        left += 1
        more = f"+{left}"
        width = metrics.horizontalAdvance(more) + 12
    last.append(("", more, width))
    return lines
