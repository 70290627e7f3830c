"""The Qt binding keeps Python's reference counts right (PySide6 6.12.0 did not: it crashed).

PySide6 6.12.0 on Python 3.11 dropped a reference to None on every call of a method that
returns nothing (setText, setVisible, QPainter.setPen...); after a few thousand such calls,
a few minutes of typing in the form, the interpreter aborted. pyproject.toml excludes that
release; this test catches the next one that does the same.
"""

import sys

from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QLabel

CALLS = 1_500  # small enough to fail on an assert before None itself is freed


def test_void_calls_do_not_leak_references_to_none(qapp):
    label = QLabel()
    pixmap = QPixmap(8, 8)
    painter = QPainter(pixmap)
    red = QColor("red")
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        label.setText("x")
        painter.setPen(red)
    drift = sys.getrefcount(None) - before
    painter.end()
    assert abs(drift) < CALLS // 5, f"None lost {-drift} references over {2 * CALLS} Qt calls"
