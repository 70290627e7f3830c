"""Print an HTML document to an A4 PDF with QPdfWriter: our own page loop, footer and marks.

QTextDocument.print_() would number pages with a bare number; we lay the document out on
pages ourselves so every page carries "Halaman x dari y", an optional left footer line and
an optional watermark. Header rows of tables (<thead>) repeat at page breaks by Qt's layout.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from dtks.private_files import private_file

DPI = 300
FOOTER_MM = 8.0
_app: QGuiApplication | None = None


@dataclass(frozen=True)
class Page:
    """How the pages look: orientation, margins and what is printed outside the text."""

    landscape: bool = False
    margins_mm: tuple[float, float, float, float] = (15, 12, 15, 12)  # left, top, right, bottom
    footer_left: str = ""
    page_label: Callable[[int, int], str] = lambda n, total: f"{n} / {total}"
    watermark: str = ""
    title: str = ""


def ensure_gui() -> None:
    """Fonts and text layout need a QGuiApplication; start an offscreen-capable one if none."""
    global _app
    if QGuiApplication.instance() is None:
        _app = QGuiApplication([])


def write_pdf(html: str, path: str | Path, page: Page) -> Path:
    """Lay html out on A4 pages and write it to path; return the path."""
    ensure_gui()
    # A BNBA list names every head of household with NIK: the file is 0600 before Qt opens it
    # (Qt truncates an existing file and keeps its mode).
    path = private_file(Path(path))
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setTitle(page.title)
    writer.setCreator("Verivali")
    orientation = (
        QPageLayout.Orientation.Landscape if page.landscape else QPageLayout.Orientation.Portrait
    )
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            orientation,
            QMarginsF(*page.margins_mm),
            QPageLayout.Unit.Millimeter,
        )
    )
    body = writer.pageLayout().paintRectPixels(DPI)
    footer = _mm(FOOTER_MM)
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)  # pt sizes are measured at the PDF's 300 dpi
    doc.setDocumentMargin(0)
    doc.setHtml(html)
    doc.setPageSize(QSizeF(body.width(), body.height() - footer))
    total = doc.pageCount()

    painter = QPainter(writer)
    try:
        for index in range(total):
            if index:
                writer.newPage()
            if page.watermark:
                _watermark(painter, page.watermark, body.width(), body.height())
            _page_text(painter, doc, index, body.width(), body.height() - footer)
            _footer(painter, page, index + 1, total, body.width(), body.height())
    finally:
        painter.end()
    return path


def _mm(mm: float) -> float:
    return mm / 25.4 * DPI


def _page_text(painter: QPainter, doc: QTextDocument, index: int, width: float, height: float):
    top = index * height
    painter.save()
    painter.translate(0, -top)
    doc.drawContents(painter, QRectF(0, top, width, height))
    painter.restore()


def _footer(painter: QPainter, page: Page, number: int, total: int, width: float, height: float):
    painter.save()
    font = QFont(["Arial", "Liberation Sans", "Nimbus Sans", "DejaVu Sans"])
    font.setPointSizeF(7.5)
    painter.setFont(font)
    painter.setPen(QColor("#000000"))
    y = height - _mm(FOOTER_MM) + _mm(2)
    painter.drawLine(QPointF(0, y), QPointF(width, y))
    box = QRectF(0, y + _mm(1), width, _mm(FOOTER_MM - 3))
    align = Qt.AlignmentFlag.AlignVCenter
    painter.drawText(box, align | Qt.AlignmentFlag.AlignLeft, page.footer_left)
    painter.drawText(box, align | Qt.AlignmentFlag.AlignRight, page.page_label(number, total))
    painter.restore()


def _watermark(painter: QPainter, text: str, width: float, height: float):
    painter.save()
    font = QFont(["Arial", "Liberation Sans", "Nimbus Sans", "DejaVu Sans"])
    font.setPointSizeF(110)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor(0, 0, 0, 28))  # light enough to read the text through it
    painter.translate(width / 2, height / 2)
    painter.rotate(-35)
    painter.drawText(
        QRectF(-width, -height / 2, 2 * width, height), Qt.AlignmentFlag.AlignCenter, text
    )
    painter.restore()
