"""A bar chart of the progress per desa, painted with QPainter (no chart module needed).

One group per desa: a bar per count (visited, finalized, synced, approved, returned), each
drawn against a track as long as the desa's households, with its number beside it. The chart
grows downwards with the number of desa; put it in a scroll area.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from capi_app.progress import DesaProgress

BARS = (
    ("visited", "#60a5fa"),
    ("finalized", "#0f766e"),
    ("synced", "#a78bfa"),
    ("approved", "#16a34a"),
    ("returned", "#f59e0b"),
)
"""The counts drawn per desa, and their colours (the legend uses the same)."""
TRACK = QColor("#e5e7eb")
BAR_HEIGHT = 12
GAP = 3
GROUP_GAP = 10
LEGEND_HEIGHT = 26


class DesaChart(QWidget):
    """Bars per desa of a Progress; ``names`` gives each count's label in the window's language."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.desa: list[DesaProgress] = []
        self.names: dict[str, str] = {}
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setMinimumWidth(320)

    def set_data(self, desa: list[DesaProgress], names: dict[str, str]) -> None:
        """Show these desa; ``names`` maps each count of BARS to its label."""
        self.desa = list(desa)
        self.names = dict(names)
        self.updateGeometry()
        self.update()

    def _group_height(self) -> int:
        title = QFontMetrics(self.font()).height()
        return title + len(BARS) * (BAR_HEIGHT + GAP) + GROUP_GAP

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(420, LEGEND_HEIGHT * 2 + max(len(self.desa), 1) * self._group_height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(320, self.sizeHint().height())

    def bar_rects(self) -> dict[tuple[str, str], QRectF]:
        """(kode wilayah, count) -> the rectangle of its bar: what paintEvent fills (tests)."""
        out = {}
        metrics = QFontMetrics(self.font())
        left, right = 8, self.width() - 8 - metrics.horizontalAdvance("00000")
        width = max(right - left, 10)
        y = self._legend_bottom()
        for d in self.desa:
            y += metrics.height() + 2
            scale = width / d.households if d.households else 0.0
            for name, _colour in BARS:
                out[(d.kode_wilayah, name)] = QRectF(left, y, d.count(name) * scale, BAR_HEIGHT)
                y += BAR_HEIGHT + GAP
            y += GROUP_GAP - 2
        return out

    def _legend_bottom(self) -> int:
        """The legend wraps onto a second row on a narrow chart."""
        return LEGEND_HEIGHT * (1 if self._legend_width() <= self.width() - 16 else 2) + 4

    def _legend_width(self) -> int:
        metrics = QFontMetrics(self.font())
        return sum(18 + metrics.horizontalAdvance(self.names.get(n, n)) + 14 for n, _ in BARS)

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt's name)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        metrics = QFontMetrics(self.font())
        self._paint_legend(p, metrics)
        small = QFont(self.font())
        small.setPixelSize(BAR_HEIGHT)
        small_metrics = QFontMetrics(small)
        rects = self.bar_rects()
        track_width = self.width() - 16 - metrics.horizontalAdvance("00000")
        y = self._legend_bottom()
        for d in self.desa:
            p.setPen(QColor("#0f172a"))
            title = f"{d.name}  ({d.kode_wilayah}) · {d.households}"
            p.drawText(8, y + metrics.ascent(), metrics.elidedText(
                title, Qt.TextElideMode.ElideRight, self.width() - 16))  # fmt: skip
            for name, colour in BARS:
                r = rects[(d.kode_wilayah, name)]
                p.fillRect(QRectF(r.x(), r.y(), track_width, r.height()), TRACK)
                p.fillRect(r, QColor(colour))
                p.setPen(QColor("#334155"))
                p.setFont(small)
                baseline = (
                    r.y() + (r.height() + small_metrics.ascent() - small_metrics.descent()) / 2
                )
                p.drawText(int(r.x() + track_width + 4), int(baseline), str(d.count(name)))
                p.setFont(self.font())
            y += self._group_height()
        if not self.desa:
            p.setPen(QColor("#64748b"))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.names.get("", ""))
        p.end()

    def _paint_legend(self, p: QPainter, metrics: QFontMetrics) -> None:
        x, y = 8, 6
        for name, colour in BARS:
            label = self.names.get(name, name)
            step = 18 + metrics.horizontalAdvance(label) + 14
            if x + step > self.width() - 8 and x > 8:
                x, y = 8, y + LEGEND_HEIGHT
            p.fillRect(QRectF(x, y + 3, 12, 12), QColor(colour))
            p.setPen(QColor("#334155"))
            p.drawText(x + 18, y + metrics.ascent() + 1, label)
            x += step
