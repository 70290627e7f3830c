"""The form's navigator: the form title, its sections with a mark each, and the keys.

A section's mark is a green tick when it has no problem, a grey ring while it is not
complete, and the number of its problems once finalizing was tried.
"""

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from dtks.forms import Field
from dtks.forms.messages import pick


class Navigator(QWidget):
    """The left panel of the form: the title, the list of sections and the keys."""

    activated = Signal(int)
    """A section's row was clicked or activated."""

    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.setObjectName("navPanel")
        self.setFixedWidth(250)
        side = QVBoxLayout(self)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(0)
        self.title = QLabel(title, self)
        self.title.setObjectName("formTitle")
        self.title.setWordWrap(True)
        side.addWidget(self.title)
        self.list = QListWidget(self)
        self.list.setObjectName("sections")
        self.list.setWordWrap(True)
        self.list.setIconSize(QSize(18, 18))
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        side.addWidget(self.list, 1)
        self.keys = QLabel(self)
        self.keys.setObjectName("keys")
        self.keys.setWordWrap(True)
        side.addWidget(self.keys)

    def fill(self, groups: list[Field | None]) -> None:
        """One entry per section (None: questions outside any group, not listed)."""
        self.list.clear()
        for group in groups:
            item = QListWidgetItem()
            self.list.addItem(item)
            item.setHidden(group is None)  # only an item in its list can be hidden
        self.setVisible(any(g is not None for g in groups))

    def retranslate(self) -> None:
        """The keys help in the current language."""
        self.keys.setText(
            QCoreApplication.translate(
                "FormView",
                "Enter: next question\nCtrl+PgDn / Ctrl+PgUp: next / previous section\n"
                "F8: next problem\nCtrl+Shift+A: add member\nCtrl+Shift+P: import photo\n"
                "Type a choice's code to pick it; Delete clears it",
            )
        )

    def update_entries(self, groups, counts, visible, show_all, lang, default_language) -> None:
        """Section entries: hidden when irrelevant, marked done, or with their problems.

        ``counts`` maps a row to its number of problems, ``visible`` a group name to whether
        it is relevant."""
        for row, group in enumerate(groups):
            item = self.list.item(row)
            if item is None or group is None:
                continue
            text = pick(group.label, lang, default_language) or group.name
            if item.text() != text:
                item.setText(text)
            item.setHidden(not visible.get(group.name, True))
            if not counts.get(row):
                mark, tip = "done", QCoreApplication.translate("FormView", "Complete")
            elif show_all:
                mark = str(counts[row])
                tip = QCoreApplication.translate("FormView", "%n problem(s)", "", counts[row])
            else:
                mark, tip = "open", QCoreApplication.translate("FormView", "Not complete yet")
            if item.data(Qt.ItemDataRole.UserRole) != mark:
                item.setData(Qt.ItemDataRole.UserRole, mark)
                item.setIcon(mark_icon(mark))
            item.setToolTip(tip)

    def set_current_row(self, row: int) -> None:
        """Select a section's entry without emitting ``activated``."""
        self.list.blockSignals(True)
        self.list.setCurrentRow(row)
        self.list.blockSignals(False)

    def _activated(self, item: QListWidgetItem) -> None:
        self.activated.emit(self.list.row(item))


def mark_icon(mark: str) -> QIcon:
    """A round mark for a section: 'done' (green tick), 'open' (grey ring) or a problem count."""
    size = 36
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    box = QRectF(3, 3, size - 6, size - 6)
    if mark == "open":
        p.setPen(QColor("#9ca3af"))
        p.setBrush(Qt.BrushStyle.NoBrush)
        pen = p.pen()
        pen.setWidthF(3)
        p.setPen(pen)
        p.drawEllipse(box)
    else:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#16a34a" if mark == "done" else "#dc2626"))
        p.drawEllipse(box)
        p.setPen(QColor("#ffffff"))
        font = QFont()
        font.setBold(True)
        font.setPixelSize(20 if mark == "done" else 17)
        p.setFont(font)
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, "\u2713" if mark == "done" else mark)
    p.end()
    icon = QIcon(pixmap)
    icon.addPixmap(pixmap, QIcon.Mode.Selected)  # not tinted when its section is current
    return icon
